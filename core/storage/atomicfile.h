#pragma once

#include "core/common/result.h"

#include <QByteArrayView>
#include <QString>

namespace fieldledger::core {

// Writes a whole file so that a reader (or a crash, or a power cut) sees either the old contents
// or the new ones, never a mix: the bytes go to a temporary file in the same folder, which is
// fsync'ed, renamed over the target, and then the folder itself is fsync'ed so the rename is
// durable. On any failure before the rename the temporary file is removed and the target is
// left exactly as it was.
//
// QSaveFile is not used: it ignores the result of its file sync and never syncs the folder.
// POSIX only (Linux: renameat2 for CreateNew, with a link() fallback).
class AtomicFile final {
public:
    enum class Mode {
        Replace,   // create the file, or replace it if it exists
        CreateNew, // fail with ErrorCode::Conflict if the file already exists (checked atomically)
    };

    // A new file gets permissions 0600; a replaced file keeps the permission bits it had.
    [[nodiscard]] static Status write(const QString &path, QByteArrayView contents,
                                      Mode mode = Mode::Replace);

    AtomicFile() = delete;
};

} // namespace fieldledger::core
