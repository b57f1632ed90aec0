#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>

namespace fieldledger::core::schema {

// The newest schema version this build knows.
[[nodiscard]] int latestVersion();

// The version recorded in the database's meta table; 0 for an empty database.
[[nodiscard]] Result<int> currentVersion(QSqlDatabase &db);

// Migrates from the current version up to targetVersion (default: latest), one transaction per
// migration: a failed migration leaves the database at the previous version. Refuses a database
// newer than this build.
[[nodiscard]] Status migrate(QSqlDatabase &db, int targetVersion = -1);

} // namespace fieldledger::core::schema
