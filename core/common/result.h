#pragma once

#include <QString>

#include <expected>
#include <optional>

namespace fieldledger::core {

// What went wrong, as a value. No exception crosses a module boundary.
enum class ErrorCode {
    InvalidArgument,  // malformed input, bad command
    NotFound,         // missing file, unknown entity or user
    WrongSecret,      // wrong passphrase or recovery key
    Corrupt,          // a file or record that is damaged or not what it claims to be
    Unsupported,      // e.g. a SQLCipher older than 4
    InUse,            // another process holds the registry for writing
    PermissionDenied, // the acting user may not do this
    Conflict,         // e.g. a changed duplicate event guid
    ReadOnly,         // the registry was opened read-only (integrity alarm)
    Integrity,        // tamper evidence found
    Cancelled,        // the user cancelled long work
    Storage,          // a database or file-system failure
};

struct Error {
    ErrorCode code = ErrorCode::Storage;
    QString message;
    // Which item of a batch failed (0-based), when the operation took several.
    std::optional<qsizetype> item = std::nullopt;
};

template<typename T>
using Result = std::expected<T, Error>;

// Result<void> is spelled Status.
using Status = std::expected<void, Error>;

[[nodiscard]] inline std::unexpected<Error> fail(ErrorCode code, QString message)
{
    return std::unexpected(Error{code, std::move(message)});
}

// The CLI's exit code for an error (CLI.md): 2 cannot proceed, 3 integrity failure.
[[nodiscard]] inline int exitCodeFor(const Error &error)
{
    return error.code == ErrorCode::Integrity ? 3 : 2;
}

} // namespace fieldledger::core
