#pragma once

#include "core/common/result.h"

#include <QSqlError>

namespace fieldledger::core {

// A SQL failure as an Error: what we were doing, then what SQLite said.
[[nodiscard]] inline Error sqlError(const QString &what, const QSqlError &error)
{
    return Error{ErrorCode::Storage, what + QStringLiteral(": ") + error.text()};
}

} // namespace fieldledger::core
