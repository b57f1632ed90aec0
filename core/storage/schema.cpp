#include "core/storage/schema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <span>

using namespace Qt::StringLiterals;

namespace fieldledger::core::schema {
namespace {

struct Migration {
    int version;
    const char *description;
    std::span<const char *const> statements;
};

// Version 1: the registry itself and its users.
constexpr const char *kV1[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE users ("
    " id TEXT PRIMARY KEY,"
    " display_name TEXT NOT NULL,"
    " role TEXT NOT NULL CHECK (role IN ('enumerator', 'supervisor', 'administrator')),"
    " created_at TEXT NOT NULL,"
    " active INTEGER NOT NULL DEFAULT 1) WITHOUT ROWID",
};

// Version 2: the append-only event log and its Merkle tree (INTEGRITY.md).
// events.seq is the log sequence (0-based); leaf_hash is the level-0 node; log_nodes holds every
// completed perfect subtree of level >= 1. Checkpoints are kept; the device key signs them.
constexpr const char *kV2[] = {
    "CREATE TABLE events ("
    " seq INTEGER PRIMARY KEY,"
    " guid TEXT NOT NULL UNIQUE,"
    " entity_guid TEXT NOT NULL,"
    " type TEXT NOT NULL,"
    " instant_ns INTEGER NOT NULL,"
    " user_id TEXT NOT NULL,"
    " sync_level INTEGER NOT NULL DEFAULT 0,"
    " body BLOB NOT NULL,"
    " leaf_hash BLOB NOT NULL)",
    "CREATE INDEX events_by_entity ON events (entity_guid)",
    "CREATE INDEX events_by_type ON events (type)",
    "CREATE INDEX events_by_canonical_order ON events (instant_ns, guid)",
    "CREATE TABLE log_nodes ("
    " level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,"
    " PRIMARY KEY (level, idx)) WITHOUT ROWID",
    "CREATE TABLE device_key ("
    " id INTEGER PRIMARY KEY CHECK (id = 1),"
    " device_id TEXT NOT NULL, private_key BLOB NOT NULL, public_key BLOB NOT NULL)",
    "CREATE TABLE checkpoints ("
    " id INTEGER PRIMARY KEY, size INTEGER NOT NULL, root TEXT NOT NULL, timestamp TEXT NOT NULL,"
    " device_id TEXT NOT NULL, signature BLOB NOT NULL, reason TEXT NOT NULL)",
};

// Version 3: projections derived from the events (EVENTS.md §2, §4). Everything here can be
// rebuilt by replay. effects holds, for every (entity, event that changed it), the entity as it
// was just before the event (NULL when the event created it): audit trails, time travel and
// late-event re-projection read it.
constexpr const char *kV3[] = {
    "CREATE TABLE entities ("
    " guid TEXT PRIMARY KEY,"
    " type TEXT NOT NULL,"
    " deleted INTEGER NOT NULL,"
    " created_by TEXT NOT NULL,"
    " body BLOB NOT NULL) WITHOUT ROWID",
    "CREATE TABLE memberships ("
    " member_guid TEXT NOT NULL, group_guid TEXT NOT NULL,"
    " PRIMARY KEY (member_guid, group_guid)) WITHOUT ROWID",
    "CREATE INDEX memberships_by_group ON memberships (group_guid)",
    "CREATE TABLE effects ("
    " entity_guid TEXT NOT NULL, instant_ns INTEGER NOT NULL, event_guid TEXT NOT NULL,"
    " before BLOB,"
    " PRIMARY KEY (entity_guid, instant_ns, event_guid)) WITHOUT ROWID",
    "CREATE INDEX effects_by_canonical_order ON effects (instant_ns, event_guid)",
    "CREATE TABLE anomalies ("
    " event_guid TEXT NOT NULL, entity_guid TEXT NOT NULL, kind TEXT NOT NULL, message TEXT NOT NULL,"
    " instant_ns INTEGER NOT NULL)",
    "CREATE INDEX anomalies_by_event ON anomalies (instant_ns, event_guid)",
    "CREATE TABLE assignments ("
    " entity_guid TEXT NOT NULL, user_id TEXT NOT NULL,"
    " PRIMARY KEY (entity_guid, user_id)) WITHOUT ROWID",
    "CREATE TABLE custom_appliers (type TEXT PRIMARY KEY, description TEXT NOT NULL) WITHOUT ROWID",
};

// Version 4: what the application keeps beside the events. drafts holds unfinished forms (the
// form state as JSON, encrypted with the rest of the file) so that nothing typed is lost;
// export_log records every export: data leaving the registry must be accounted for.
constexpr const char *kV4[] = {
    "CREATE TABLE drafts ("
    " id TEXT PRIMARY KEY,"
    " user_id TEXT NOT NULL,"
    " form_id TEXT NOT NULL,"
    " form_version TEXT NOT NULL,"
    " entity_guid TEXT NOT NULL DEFAULT '',"
    " title TEXT NOT NULL,"
    " body BLOB NOT NULL,"
    " created_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL) WITHOUT ROWID",
    "CREATE INDEX drafts_by_user ON drafts (user_id, updated_at)",
    "CREATE TABLE export_log ("
    " id INTEGER PRIMARY KEY,"
    " user_id TEXT NOT NULL,"
    " what TEXT NOT NULL,"
    " format TEXT NOT NULL,"
    " exported_at TEXT NOT NULL,"
    " as_of TEXT,"
    " rows INTEGER NOT NULL,"
    " file TEXT NOT NULL)",
};

// Version 5: the household list's rows (core/storage/householdindex.h), kept in step with the
// projections inside the ledger's transactions; derived, so a rebuild restores them. The *_key
// columns are folded for search and sorting (foldForSearch): case and accents ignored. nested
// marks a household some live group lists (access control looks at those). Each sort index
// carries `deleted`, `registered_by` and `nested`, so walking it skips deleted rows and decides an
// enumerator's visibility without reading the rows themselves. household_search
// holds every row's search_key (by rowid) as trigrams: a typed word of three letters or more is
// found anywhere in a name without reading every row.
constexpr const char *kV5[] = {
    "CREATE TABLE household_rows ("
    " guid TEXT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " head TEXT NOT NULL,"
    " village TEXT NOT NULL,"
    " name_key TEXT NOT NULL,"
    " head_key TEXT NOT NULL,"
    " village_key TEXT NOT NULL,"
    " search_key TEXT NOT NULL,"
    " member_count INTEGER NOT NULL,"
    " registered_by TEXT NOT NULL,"
    " registered_ns INTEGER NOT NULL,"
    " updated_ns INTEGER NOT NULL,"
    " deleted INTEGER NOT NULL,"
    " nested INTEGER NOT NULL)",
    "CREATE INDEX household_rows_by_name ON household_rows (name_key, guid, deleted, registered_by, nested)",
    "CREATE INDEX household_rows_by_head ON household_rows (head_key, guid, deleted, registered_by, nested)",
    "CREATE INDEX household_rows_by_village ON household_rows (village_key, guid, deleted, registered_by, "
    "nested)",
    "CREATE INDEX household_rows_by_members ON household_rows (member_count, guid, deleted, registered_by, "
    "nested)",
    "CREATE INDEX household_rows_by_registrar ON household_rows (registered_by, guid, deleted, nested)",
    "CREATE INDEX household_rows_by_registered ON household_rows (registered_ns, guid, deleted, "
    "registered_by, nested)",
    "CREATE INDEX household_rows_by_updated ON household_rows (updated_ns, guid, deleted, registered_by, "
    "nested)",
    "CREATE INDEX household_rows_nested ON household_rows (guid) WHERE nested = 1",
    "CREATE VIRTUAL TABLE household_search USING fts5("
    " search_key, content = '', contentless_delete = 1, tokenize = 'trigram')",
};

// Version 6: potential duplicates (issue 6, core/domain/duplicateindex.h). duplicate_keys holds
// each live individual's or household's normalised match keys (a rule name and the value it
// matched on), so a new registration finds its candidates through the index, never by scanning
// the registry; duplicate_pairs holds each flagged pair once (entity_guid sorts before
// duplicate_guid) until a resolve-duplicate event settles it. Derived from the events, so a
// replay rebuilds both.
constexpr const char *kV6[] = {
    "CREATE TABLE duplicate_keys ("
    " match_key TEXT NOT NULL,"
    " entity_guid TEXT NOT NULL,"
    " PRIMARY KEY (match_key, entity_guid)) WITHOUT ROWID",
    "CREATE INDEX duplicate_keys_by_entity ON duplicate_keys (entity_guid)",
    "CREATE TABLE duplicate_pairs ("
    " entity_guid TEXT NOT NULL,"
    " duplicate_guid TEXT NOT NULL,"
    " rules TEXT NOT NULL,"
    " found_seq INTEGER NOT NULL,"
    " resolved_seq INTEGER,"
    " resolution TEXT NOT NULL DEFAULT '',"
    " PRIMARY KEY (entity_guid, duplicate_guid)) WITHOUT ROWID",
    "CREATE INDEX duplicate_pairs_open ON duplicate_pairs (found_seq) WHERE resolved_seq IS NULL",
    "CREATE INDEX duplicate_pairs_by_duplicate ON duplicate_pairs (duplicate_guid)",
};

// Version 7: the record of every change to users, roles, passphrases and assignments (issue 6,
// item 7). Not derived from events: these are the registry's own administration, kept beside
// the log and never rewritten.
constexpr const char *kV7[] = {
    "CREATE TABLE user_log ("
    " id INTEGER PRIMARY KEY,"
    " at TEXT NOT NULL,"
    " actor TEXT NOT NULL,"
    " action TEXT NOT NULL,"
    " user_id TEXT NOT NULL,"
    " detail TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX user_log_by_user ON user_log (user_id, id)",
    "CREATE INDEX assignments_by_user ON assignments (user_id, entity_guid)",
};

// Version 8: what fast exports read (issue 7). data_keys lists every data key an entity of each
// type has had (kept by SqlWorld::flush with every write, never removed: a key a late event
// took back out of an entity stays listed), so an export of the present state knows its
// columns without parsing every entity first; filled here from the entities already there (a
// damaged body is left for whoever reads it to report). household_rows.head_guid
// is the guid of the member the row's head names (rows of an older layout are rebuilt).
constexpr const char *kV8[] = {
    "CREATE TABLE data_keys ("
    " entity_type TEXT NOT NULL, key TEXT NOT NULL,"
    " PRIMARY KEY (entity_type, key)) WITHOUT ROWID",
    "INSERT OR IGNORE INTO data_keys (entity_type, key)"
    " SELECT e.type, j.key FROM entities e, json_each(CAST(e.body AS TEXT), '$.data') j"
    " WHERE json_valid(CAST(e.body AS TEXT)) AND json_type(CAST(e.body AS TEXT), '$.data') = 'object'",
    "ALTER TABLE household_rows ADD COLUMN head_guid TEXT NOT NULL DEFAULT ''",
};

const Migration kMigrations[] = {
    {1, "registry and users", kV1},
    {2, "event log and Merkle tree", kV2},
    {3, "projections, effects, anomalies", kV3},
    {4, "drafts and the export log", kV4},
    {5, "household list rows", kV5},
    {6, "potential duplicates", kV6},
    {7, "user administration log", kV7},
    {8, "data keys and household heads for exports", kV8},
};

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error{ErrorCode::Storage, u"%1: %2 (code %3)"_s.arg(what, error.text(), error.nativeErrorCode())};
}

} // namespace

int latestVersion()
{
    return kMigrations[std::size(kMigrations) - 1].version;
}

Result<int> currentVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"_s))
        return std::unexpected(sqlError(u"cannot read the schema"_s, query.lastError()));
    if (!query.next() || query.value(0).toInt() == 0)
        return 0;
    if (!query.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s))
        return std::unexpected(sqlError(u"cannot read the schema version"_s, query.lastError()));
    if (!query.next())
        return fail(ErrorCode::Corrupt, u"the meta table has no schema version"_s);
    bool ok = false;
    const int version = query.value(0).toString().toInt(&ok);
    if (!ok || version < 1)
        return fail(ErrorCode::Corrupt,
                    u"the schema version '%1' is not valid"_s.arg(query.value(0).toString()));
    return version;
}

Status migrate(QSqlDatabase &db, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    const auto current = currentVersion(db);
    if (!current)
        return std::unexpected(current.error());
    if (*current > latestVersion())
        return fail(ErrorCode::Unsupported,
                    u"this registry has schema version %1, newer than this FieldLedger knows (%2): "
                    "update FieldLedger to open it"_s.arg(*current)
                        .arg(latestVersion()));
    for (const Migration &migration : kMigrations) {
        if (migration.version <= *current || migration.version > targetVersion)
            continue;
        if (!db.transaction())
            return std::unexpected(
                sqlError(u"cannot begin migration %1"_s.arg(migration.version), db.lastError()));
        QSqlQuery query(db);
        bool ok = true;
        QString failed;
        for (const char *statement : migration.statements) {
            if (!query.exec(QString::fromLatin1(statement))) {
                ok = false;
                failed = sqlError(u"migration %1 (%2) failed"_s.arg(migration.version)
                                      .arg(QString::fromLatin1(migration.description)),
                                  query.lastError())
                             .message;
                break;
            }
        }
        if (ok) {
            query.prepare(u"INSERT INTO meta (key, value) VALUES ('schema_version', :v) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
            query.bindValue(u":v"_s, QString::number(migration.version));
            if (!query.exec()) {
                ok = false;
                failed =
                    sqlError(u"cannot record schema version %1"_s.arg(migration.version), query.lastError())
                        .message;
            }
        }
        query.finish();
        if (!ok) {
            db.rollback();
            return fail(ErrorCode::Storage, failed);
        }
        if (!db.commit())
            return std::unexpected(
                sqlError(u"cannot commit migration %1"_s.arg(migration.version), db.lastError()));
    }
    return {};
}

} // namespace fieldledger::core::schema
