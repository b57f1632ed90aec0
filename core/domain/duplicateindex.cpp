#include "core/domain/duplicateindex.h"

#include "core/domain/builtinappliers.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

// Bumped whenever what the tables hold changes: an index of another layout is rebuilt.
constexpr int kLayout = 1;
const QString kMarkerKey = u"duplicate_index"_s;
const QString kRulesKey = u"duplicate_rules"_s;
const QString kKeepBoth = u"keep-both"_s;
const QString kDeleted = u"deleted"_s;

using GuidPair = std::pair<QString, QString>;

GuidPair ordered(const QString &a, const QString &b)
{
    return a < b ? GuidPair{a, b} : GuidPair{b, a};
}

QString rulesText(QStringList rules)
{
    rules.sort();
    rules.removeDuplicates();
    return rules.join(u',');
}

Result<qint64> logEnd(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"SELECT coalesce(max(seq) + 1, 0) FROM events"_s) || !query.next())
        return std::unexpected(sqlError(u"cannot read the end of the log"_s, query.lastError()));
    return query.value(0).toLongLong();
}

// The rules as kept in meta (empty when the defaults apply).
Result<QString> storedRulesText(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    query.bindValue(0, kRulesKey);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the duplicate rules"_s, query.lastError()));
    return query.next() ? query.value(0).toString() : QString();
}

QString markerFor(qint64 end, const QString &rules)
{
    const QByteArray digest =
        QCryptographicHash::hash(rules.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return u"%1:%2:%3"_s.arg(kLayout).arg(end).arg(QString::fromLatin1(digest));
}

// The pairs a resolve-duplicate event names, each in order, and whether it deletes its target.
struct Resolution {
    std::vector<GuidPair> pairs;
    bool deletes = false;
};

Resolution resolutionOf(const QByteArray &body)
{
    Resolution resolution;
    const QJsonObject data = QJsonDocument::fromJson(body).object().value(u"data"_s).toObject();
    resolution.deletes = data.value(u"shouldDelete"_s).toBool();
    for (const QJsonValue &value : data.value(u"duplicates"_s).toArray()) {
        const QJsonObject pair = value.toObject();
        const QString a = pair.value(u"entityGuid"_s).toString();
        const QString b = pair.value(u"duplicateGuid"_s).toString();
        if (!a.isEmpty() && !b.isEmpty() && a != b)
            resolution.pairs.push_back(ordered(a, b));
    }
    return resolution;
}

} // namespace

struct DuplicateIndex::Statements {
    explicit Statements(const QSqlDatabase &db)
        : entity(db)
        , keysOf(db)
        , insertKey(db)
        , deleteKey(db)
        , sharing(db)
        , pairsOf(db)
        , insertPair(db)
        , updateRules(db)
        , deletePair(db)
        , resolvedOf(db)
        , resolveEvents(db)
        , resolvePair(db)
    {
        entity.prepare(u"SELECT deleted, body FROM entities WHERE guid = ?"_s);
        keysOf.prepare(u"SELECT match_key FROM duplicate_keys WHERE entity_guid = ?"_s);
        insertKey.prepare(u"INSERT OR IGNORE INTO duplicate_keys (match_key, entity_guid) VALUES (?, ?)"_s);
        deleteKey.prepare(u"DELETE FROM duplicate_keys WHERE match_key = ? AND entity_guid = ?"_s);
        // Through the primary key: the entities sharing one key.
        sharing.prepare(u"SELECT entity_guid FROM duplicate_keys WHERE match_key = ?"_s);
        pairsOf.prepare(u"SELECT entity_guid, duplicate_guid, rules, resolved_seq FROM duplicate_pairs"
                        " WHERE entity_guid = :guid UNION ALL"
                        " SELECT entity_guid, duplicate_guid, rules, resolved_seq FROM duplicate_pairs"
                        " WHERE duplicate_guid = :guid"_s);
        insertPair.prepare(u"INSERT INTO duplicate_pairs (entity_guid, duplicate_guid, rules, found_seq)"
                           " VALUES (?, ?, ?, ?)"_s);
        updateRules.prepare(
            u"UPDATE duplicate_pairs SET rules = ? WHERE entity_guid = ? AND duplicate_guid = ?"_s);
        deletePair.prepare(u"DELETE FROM duplicate_pairs WHERE entity_guid = ? AND duplicate_guid = ?"
                           " AND resolved_seq IS NULL"_s);
        resolvedOf.prepare(
            u"SELECT resolved_seq FROM duplicate_pairs WHERE entity_guid = ? AND duplicate_guid = ?"_s);
        resolveEvents.prepare(
            u"SELECT seq, body FROM events WHERE entity_guid = ? AND type = ? ORDER BY seq"_s);
        // A pair resolved without having been flagged (or no longer matching) is kept too, so
        // that it stays resolved should it match again.
        resolvePair.prepare(
            u"INSERT INTO duplicate_pairs (entity_guid, duplicate_guid, rules, found_seq, resolved_seq,"
            " resolution) VALUES (?, ?, '', ?, ?, ?) ON CONFLICT (entity_guid, duplicate_guid) DO UPDATE SET"
            " resolved_seq = excluded.resolved_seq, resolution = excluded.resolution"
            " WHERE resolved_seq IS NULL"_s);
    }
    QSqlQuery entity;
    QSqlQuery keysOf;
    QSqlQuery insertKey;
    QSqlQuery deleteKey;
    QSqlQuery sharing;
    QSqlQuery pairsOf;
    QSqlQuery insertPair;
    QSqlQuery updateRules;
    QSqlQuery deletePair;
    QSqlQuery resolvedOf;
    QSqlQuery resolveEvents;
    QSqlQuery resolvePair;
};

DuplicateIndex::DuplicateIndex(QSqlDatabase db)
    : m_db(std::move(db))
    , m_statements(std::make_unique<Statements>(m_db))
{
}

DuplicateIndex::~DuplicateIndex() = default;

Status DuplicateIndex::install(Ledger &ledger, const Progress &progress)
{
    static constexpr const char *kInstalled = "fieldledger.duplicateIndex";
    if (ledger.property(kInstalled).toBool())
        return {};
    auto index = std::make_unique<DuplicateIndex>(ledger.registry().database());
    if (auto ok = index->loadRules(); !ok)
        return ok;
    if (!ledger.registry().isReadOnly()) {
        auto current = index->isCurrent();
        if (!current)
            return std::unexpected(current.error());
        if (!*current) {
            if (auto ok = index->rebuild(progress); !ok)
                return ok;
        }
    }
    ledger.addObserver(std::move(index));
    ledger.setProperty(kInstalled, true);
    return {};
}

Status DuplicateIndex::applyRules(Ledger &ledger, const DuplicateRules &rules, const Progress &progress)
{
    if (auto ok = ledger.access().check(ledger.user(), Action::Review); !ok)
        return ok;
    if (ledger.registry().isReadOnly())
        return fail(ErrorCode::ReadOnly,
                    u"the registry is open read-only: the duplicate rules cannot change"_s);
    QSqlDatabase db = ledger.registry().database();
    if (auto ok = saveDuplicateRules(db, rules); !ok)
        return ok;
    DuplicateIndex index(db);
    if (auto ok = index.loadRules(); !ok)
        return ok;
    return index.rebuild(progress);
}

Status DuplicateIndex::loadRules()
{
    auto text = storedRulesText(m_db);
    if (!text)
        return std::unexpected(text.error());
    auto rules = loadDuplicateRules(m_db);
    if (!rules)
        return std::unexpected(rules.error());
    m_rules = *rules;
    m_rulesText = *text;
    return {};
}

Result<bool> DuplicateIndex::isCurrent() const
{
    auto end = logEnd(m_db);
    if (!end)
        return std::unexpected(end.error());
    QSqlQuery query(m_db);
    query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    query.bindValue(0, kMarkerKey);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the duplicate index's marker"_s, query.lastError()));
    return query.next() && query.value(0).toString() == markerFor(*end, m_rulesText);
}

Status DuplicateIndex::markCurrent()
{
    auto end = logEnd(m_db);
    if (!end)
        return std::unexpected(end.error());
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO meta (key, value) VALUES (?, ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.bindValue(0, kMarkerKey);
    query.bindValue(1, markerFor(*end, m_rulesText));
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot mark the duplicate index"_s, query.lastError()));
    return {};
}

Status DuplicateIndex::rebuild(const Progress &progress)
{
    if (!m_db.transaction())
        return std::unexpected(sqlError(u"cannot begin a transaction"_s, m_db.lastError()));
    if (auto ok = rebuildAll(progress); !ok) {
        m_db.rollback();
        return ok;
    }
    if (!m_db.commit()) {
        const Error error = sqlError(u"cannot commit the duplicate index"_s, m_db.lastError());
        m_db.rollback();
        return std::unexpected(error);
    }
    return {};
}

Status DuplicateIndex::projectionsRebuilt()
{
    return rebuildAll({});
}

Status DuplicateIndex::rebuildAll(const Progress &progress)
{
    const QString cancelled = u"rebuilding the duplicate index was cancelled"_s;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);

    // What was found when, kept for the pairs found again.
    QHash<GuidPair, qint64> foundBefore;
    if (!query.exec(u"SELECT entity_guid, duplicate_guid, found_seq FROM duplicate_pairs"_s))
        return std::unexpected(sqlError(u"cannot read the duplicate pairs"_s, query.lastError()));
    while (query.next())
        foundBefore.insert({query.value(0).toString(), query.value(1).toString()},
                           query.value(2).toLongLong());
    if (!query.exec(u"DELETE FROM duplicate_pairs"_s) || !query.exec(u"DELETE FROM duplicate_keys"_s))
        return std::unexpected(sqlError(u"cannot clear the duplicate index"_s, query.lastError()));

    // Every live entity's keys.
    if (!query.exec(u"SELECT count(*) FROM entities WHERE deleted = 0"_s) || !query.next())
        return std::unexpected(sqlError(u"cannot count the entities"_s, query.lastError()));
    const auto total = quint64(query.value(0).toLongLong());
    query.finish();
    if (!query.exec(u"SELECT body FROM entities WHERE deleted = 0"_s))
        return std::unexpected(sqlError(u"cannot list the entities"_s, query.lastError()));
    QSqlQuery &insertKey = m_statements->insertKey;
    quint64 done = 0;
    while (query.next()) {
        auto entity = Entity::fromJson(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
        if (!entity)
            return fail(ErrorCode::Corrupt, u"an entity is damaged: %1"_s.arg(entity.error().message));
        for (const QString &key : matchKeys(*entity, m_rules)) {
            insertKey.bindValue(0, key);
            insertKey.bindValue(1, entity->guid);
            if (!insertKey.exec())
                return std::unexpected(
                    sqlError(u"cannot index %1"_s.arg(entity->guid), insertKey.lastError()));
        }
        if (++done % 1000 == 0 && progress && !progress(done, total))
            return fail(ErrorCode::Cancelled, cancelled);
    }
    query.finish();

    // The pairs: the entities of each key, in key order.
    QHash<GuidPair, QStringList> matches;
    if (!query.exec(u"SELECT match_key, entity_guid FROM duplicate_keys ORDER BY match_key, entity_guid"_s))
        return std::unexpected(sqlError(u"cannot read the duplicate keys"_s, query.lastError()));
    QString currentKey;
    QStringList sharing;
    auto pairUp = [&]() {
        const QString rule = ruleOfKey(currentKey);
        for (qsizetype i = 0; i < sharing.size(); ++i) {
            for (qsizetype j = i + 1; j < sharing.size(); ++j)
                matches[{sharing[i], sharing[j]}].append(rule);
        }
    };
    while (query.next()) {
        QString key = query.value(0).toString();
        if (key != currentKey) {
            pairUp();
            currentKey = std::move(key);
            sharing.clear();
        }
        sharing.append(query.value(1).toString());
    }
    pairUp();
    query.finish();

    // When each entity first appeared in the log, for the pairs found for the first time.
    QSqlQuery firstSeq(m_db);
    firstSeq.prepare(u"SELECT min(ev.seq) FROM effects f JOIN events ev ON ev.guid = f.event_guid"
                     " WHERE f.entity_guid = ?"_s);
    auto firstSeen = [&](const QString &guid) -> Result<qint64> {
        firstSeq.bindValue(0, guid);
        if (!firstSeq.exec() || !firstSeq.next())
            return std::unexpected(
                sqlError(u"cannot read when %1 was registered"_s.arg(guid), firstSeq.lastError()));
        const qint64 seq = firstSeq.value(0).isNull() ? 0 : firstSeq.value(0).toLongLong();
        firstSeq.finish();
        return seq;
    };
    QSqlQuery &insertPair = m_statements->insertPair;
    // In a stable order: the same rows whatever the hash's order.
    std::vector<GuidPair> found;
    found.reserve(std::size_t(matches.size()));
    for (auto it = matches.cbegin(); it != matches.cend(); ++it)
        found.push_back(it.key());
    std::sort(found.begin(), found.end());
    auto foundSeq = [&](const GuidPair &pair) -> Result<qint64> {
        if (const auto it = foundBefore.constFind(pair); it != foundBefore.cend())
            return *it;
        auto first = firstSeen(pair.first);
        if (!first)
            return std::unexpected(first.error());
        auto second = firstSeen(pair.second);
        if (!second)
            return std::unexpected(second.error());
        return std::max(*first, *second);
    };
    for (const GuidPair &pair : found) {
        auto seq = foundSeq(pair);
        if (!seq)
            return std::unexpected(seq.error());
        insertPair.bindValue(0, pair.first);
        insertPair.bindValue(1, pair.second);
        insertPair.bindValue(2, rulesText(matches.value(pair)));
        insertPair.bindValue(3, *seq);
        if (!insertPair.exec())
            return std::unexpected(sqlError(u"cannot record a duplicate pair"_s, insertPair.lastError()));
    }

    // The resolutions, each pair's first, from the resolve-duplicate events in log order.
    if (!query.prepare(u"SELECT seq, body FROM events WHERE type = ? ORDER BY seq"_s))
        return std::unexpected(sqlError(u"cannot read the resolutions"_s, query.lastError()));
    query.bindValue(0, builtin::ResolveDuplicate.toString());
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the resolutions"_s, query.lastError()));
    QSqlQuery &resolvePair = m_statements->resolvePair;
    while (query.next()) {
        const qint64 seq = query.value(0).toLongLong();
        const Resolution resolution = resolutionOf(query.value(1).toByteArray());
        for (const GuidPair &pair : resolution.pairs) {
            auto first = foundSeq(pair);
            if (!first)
                return std::unexpected(first.error());
            resolvePair.bindValue(0, pair.first);
            resolvePair.bindValue(1, pair.second);
            resolvePair.bindValue(2, *first);
            resolvePair.bindValue(3, seq);
            resolvePair.bindValue(4, resolution.deletes ? kDeleted : kKeepBoth);
            if (!resolvePair.exec())
                return std::unexpected(sqlError(u"cannot record a resolution"_s, resolvePair.lastError()));
        }
    }
    query.finish();
    if (progress && !progress(total, total))
        return fail(ErrorCode::Cancelled, cancelled);
    return markCurrent();
}

Status DuplicateIndex::entitiesChanged(const QSet<QString> &guids)
{
    // Rules changed since (saveDuplicateRules): everything is keyed anew.
    auto text = storedRulesText(m_db);
    if (!text)
        return std::unexpected(text.error());
    if (*text != m_rulesText) {
        if (auto ok = loadRules(); !ok)
            return ok;
        return rebuildAll({});
    }

    auto end = logEnd(m_db);
    if (!end)
        return std::unexpected(end.error());
    QStringList changed(guids.cbegin(), guids.cend());
    changed.sort();
    // Keys first, for all of them: entities of one batch find each other.
    std::vector<QStringList> keys(std::size_t(changed.size()));
    for (qsizetype i = 0; i < changed.size(); ++i) {
        if (auto ok = updateKeys(changed[i], keys[std::size_t(i)]); !ok)
            return ok;
    }
    // Then resolutions (a resolved pair is never dropped), then the pairs.
    for (const QString &guid : std::as_const(changed)) {
        if (auto ok = recordResolutions(guid); !ok)
            return ok;
    }
    for (qsizetype i = 0; i < changed.size(); ++i) {
        if (auto ok = updatePairs(changed[i], keys[std::size_t(i)], *end - 1); !ok)
            return ok;
    }
    return markCurrent();
}

Status DuplicateIndex::updateKeys(const QString &guid, QStringList &newKeys)
{
    Statements &s = *m_statements;
    s.entity.bindValue(0, guid);
    if (!s.entity.exec())
        return std::unexpected(sqlError(u"cannot read entity %1"_s.arg(guid), s.entity.lastError()));
    if (s.entity.next() && !s.entity.value(0).toBool()) {
        auto entity = Entity::fromJson(QJsonDocument::fromJson(s.entity.value(1).toByteArray()).object());
        if (!entity) {
            s.entity.finish();
            return fail(ErrorCode::Corrupt, u"entity %1 is damaged: %2"_s.arg(guid, entity.error().message));
        }
        newKeys = matchKeys(*entity, m_rules);
    }
    s.entity.finish();

    s.keysOf.bindValue(0, guid);
    if (!s.keysOf.exec())
        return std::unexpected(sqlError(u"cannot read the keys of %1"_s.arg(guid), s.keysOf.lastError()));
    QStringList oldKeys;
    while (s.keysOf.next())
        oldKeys.append(s.keysOf.value(0).toString());
    s.keysOf.finish();

    for (const QString &key : std::as_const(oldKeys)) {
        if (newKeys.contains(key))
            continue;
        s.deleteKey.bindValue(0, key);
        s.deleteKey.bindValue(1, guid);
        if (!s.deleteKey.exec())
            return std::unexpected(
                sqlError(u"cannot update the keys of %1"_s.arg(guid), s.deleteKey.lastError()));
    }
    for (const QString &key : std::as_const(newKeys)) {
        if (oldKeys.contains(key))
            continue;
        s.insertKey.bindValue(0, key);
        s.insertKey.bindValue(1, guid);
        if (!s.insertKey.exec())
            return std::unexpected(
                sqlError(u"cannot update the keys of %1"_s.arg(guid), s.insertKey.lastError()));
    }
    return {};
}

Status DuplicateIndex::updatePairs(const QString &guid, const QStringList &keys, qint64 foundSeq)
{
    Statements &s = *m_statements;
    // The others sharing a key now, and on which rules.
    QMap<QString, QStringList> matches;
    for (const QString &key : keys) {
        s.sharing.bindValue(0, key);
        if (!s.sharing.exec())
            return std::unexpected(
                sqlError(u"cannot look up duplicates of %1"_s.arg(guid), s.sharing.lastError()));
        const QString rule = ruleOfKey(key);
        while (s.sharing.next()) {
            QString other = s.sharing.value(0).toString();
            if (other != guid)
                matches[std::move(other)].append(rule);
        }
        s.sharing.finish();
    }

    // The pairs already kept: an open one that no longer matches goes; rules follow.
    struct Kept {
        GuidPair pair;
        QString rules;
        bool resolved = false;
    };
    std::vector<Kept> kept;
    s.pairsOf.bindValue(u":guid"_s, guid);
    if (!s.pairsOf.exec())
        return std::unexpected(sqlError(u"cannot read the pairs of %1"_s.arg(guid), s.pairsOf.lastError()));
    while (s.pairsOf.next()) {
        kept.push_back({{s.pairsOf.value(0).toString(), s.pairsOf.value(1).toString()},
                        s.pairsOf.value(2).toString(),
                        !s.pairsOf.value(3).isNull()});
    }
    s.pairsOf.finish();
    for (const Kept &pair : kept) {
        const QString &other = pair.pair.first == guid ? pair.pair.second : pair.pair.first;
        const auto match = matches.find(other);
        if (match == matches.end()) {
            if (pair.resolved) {
                // Kept, resolved; it matches on nothing now.
                if (!pair.rules.isEmpty()) {
                    s.updateRules.bindValue(0, QStringLiteral(""));
                    s.updateRules.bindValue(1, pair.pair.first);
                    s.updateRules.bindValue(2, pair.pair.second);
                    if (!s.updateRules.exec())
                        return std::unexpected(
                            sqlError(u"cannot update a duplicate pair"_s, s.updateRules.lastError()));
                }
                continue;
            }
            s.deletePair.bindValue(0, pair.pair.first);
            s.deletePair.bindValue(1, pair.pair.second);
            if (!s.deletePair.exec())
                return std::unexpected(sqlError(u"cannot drop a duplicate pair"_s, s.deletePair.lastError()));
            continue;
        }
        const QString rules = rulesText(*match);
        matches.erase(match);
        if (rules == pair.rules)
            continue;
        s.updateRules.bindValue(0, rules);
        s.updateRules.bindValue(1, pair.pair.first);
        s.updateRules.bindValue(2, pair.pair.second);
        if (!s.updateRules.exec())
            return std::unexpected(sqlError(u"cannot update a duplicate pair"_s, s.updateRules.lastError()));
    }
    for (auto it = matches.cbegin(); it != matches.cend(); ++it) {
        const GuidPair pair = ordered(guid, it.key());
        s.insertPair.bindValue(0, pair.first);
        s.insertPair.bindValue(1, pair.second);
        s.insertPair.bindValue(2, rulesText(it.value()));
        s.insertPair.bindValue(3, foundSeq);
        if (!s.insertPair.exec())
            return std::unexpected(sqlError(u"cannot record a duplicate pair"_s, s.insertPair.lastError()));
    }
    return {};
}

Status DuplicateIndex::recordResolutions(const QString &guid)
{
    Statements &s = *m_statements;
    // What the resolve-duplicate applier recorded on this entity.
    s.entity.bindValue(0, guid);
    if (!s.entity.exec())
        return std::unexpected(sqlError(u"cannot read entity %1"_s.arg(guid), s.entity.lastError()));
    QJsonArray recorded;
    if (s.entity.next()) {
        const QJsonObject body = QJsonDocument::fromJson(s.entity.value(1).toByteArray()).object();
        recorded =
            body.value(u"data"_s).toObject().value(builtin::ResolvedDuplicatesField.toString()).toArray();
    }
    s.entity.finish();
    if (recorded.isEmpty())
        return {};

    // The ones not yet resolved in the index.
    std::vector<GuidPair> pending;
    for (const QJsonValue &value : std::as_const(recorded)) {
        const QJsonObject record = value.toObject();
        const QString a = record.value(u"entityGuid"_s).toString();
        const QString b = record.value(u"duplicateGuid"_s).toString();
        if (a.isEmpty() || b.isEmpty() || a == b)
            continue;
        const GuidPair pair = ordered(a, b);
        s.resolvedOf.bindValue(0, pair.first);
        s.resolvedOf.bindValue(1, pair.second);
        if (!s.resolvedOf.exec())
            return std::unexpected(sqlError(u"cannot read a duplicate pair"_s, s.resolvedOf.lastError()));
        const bool resolved = s.resolvedOf.next() && !s.resolvedOf.value(0).isNull();
        s.resolvedOf.finish();
        if (!resolved)
            pending.push_back(pair);
    }
    if (pending.empty())
        return {};

    // Which event resolved them: this entity's resolve-duplicate events, first one wins.
    s.resolveEvents.bindValue(0, guid);
    s.resolveEvents.bindValue(1, builtin::ResolveDuplicate.toString());
    if (!s.resolveEvents.exec())
        return std::unexpected(
            sqlError(u"cannot read the resolutions of %1"_s.arg(guid), s.resolveEvents.lastError()));
    while (s.resolveEvents.next() && !pending.empty()) {
        const qint64 seq = s.resolveEvents.value(0).toLongLong();
        const Resolution resolution = resolutionOf(s.resolveEvents.value(1).toByteArray());
        for (const GuidPair &pair : resolution.pairs) {
            const auto it = std::find(pending.begin(), pending.end(), pair);
            if (it == pending.end())
                continue;
            pending.erase(it);
            s.resolvePair.bindValue(0, pair.first);
            s.resolvePair.bindValue(1, pair.second);
            s.resolvePair.bindValue(2, seq);
            s.resolvePair.bindValue(3, seq);
            s.resolvePair.bindValue(4, resolution.deletes ? kDeleted : kKeepBoth);
            if (!s.resolvePair.exec()) {
                s.resolveEvents.finish();
                return std::unexpected(sqlError(u"cannot record a resolution"_s, s.resolvePair.lastError()));
            }
        }
    }
    s.resolveEvents.finish();
    return {};
}

// ---- the queue -------------------------------------------------------------------------------

Result<std::vector<DuplicatePair>> DuplicateQueue::select(const QString &condition, const QString &a,
                                                          const QString &b, int limit) const
{
    if (auto ok = m_ledger.access().check(m_ledger.user(), Action::Review); !ok)
        return std::unexpected(ok.error());
    QSqlQuery query(m_ledger.registry().database());
    query.setForwardOnly(true);
    const QString sql =
        u"SELECT p.entity_guid, p.duplicate_guid, p.rules, p.found_seq, p.resolved_seq, p.resolution,"
        " (SELECT ev.body FROM events ev WHERE ev.seq = p.found_seq),"
        " json_extract(CAST(x.body AS TEXT), '$.data.name'), json_extract(CAST(y.body AS TEXT), "
        "'$.data.name'),"
        " x.type"
        " FROM duplicate_pairs p LEFT JOIN entities x ON x.guid = p.entity_guid"
        " LEFT JOIN entities y ON y.guid = p.duplicate_guid WHERE "_s +
        condition + u" ORDER BY p.found_seq, p.entity_guid, p.duplicate_guid LIMIT :limit"_s;
    if (!query.prepare(sql))
        return std::unexpected(sqlError(u"cannot read the duplicates"_s, query.lastError()));
    if (!a.isNull()) {
        const GuidPair pair = ordered(a, b);
        query.bindValue(u":a"_s, pair.first);
        query.bindValue(u":b"_s, pair.second);
    }
    query.bindValue(u":limit"_s, limit < 0 ? qint64(-1) : qint64(limit));
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the duplicates"_s, query.lastError()));
    std::vector<DuplicatePair> pairs;
    while (query.next()) {
        DuplicatePair pair;
        pair.entityGuid = query.value(0).toString();
        pair.duplicateGuid = query.value(1).toString();
        pair.rules = query.value(2).toString().split(u',', Qt::SkipEmptyParts);
        pair.foundSeq = query.value(3).toLongLong();
        if (!query.value(4).isNull())
            pair.resolvedSeq = query.value(4).toLongLong();
        pair.resolution = query.value(5).toString();
        pair.foundAt =
            QJsonDocument::fromJson(query.value(6).toByteArray()).object().value(u"timestamp"_s).toString();
        pair.entityName = query.value(7).toString();
        pair.duplicateName = query.value(8).toString();
        pair.type = query.value(9).toString() == u"group" ? EntityType::Group : EntityType::Individual;
        pairs.push_back(std::move(pair));
    }
    return pairs;
}

Result<std::vector<DuplicatePair>> DuplicateQueue::openPairs(int limit) const
{
    return select(u"p.resolved_seq IS NULL"_s, QString(), QString(), limit);
}

Result<qint64> DuplicateQueue::openCount() const
{
    if (auto ok = m_ledger.access().check(m_ledger.user(), Action::Review); !ok)
        return std::unexpected(ok.error());
    QSqlQuery query(m_ledger.registry().database());
    if (!query.exec(u"SELECT count(*) FROM duplicate_pairs WHERE resolved_seq IS NULL"_s) || !query.next())
        return std::unexpected(sqlError(u"cannot count the duplicates"_s, query.lastError()));
    return query.value(0).toLongLong();
}

Result<std::optional<DuplicatePair>> DuplicateQueue::pair(const QString &a, const QString &b) const
{
    auto found = select(u"p.entity_guid = :a AND p.duplicate_guid = :b"_s, a, b, 1);
    if (!found)
        return std::unexpected(found.error());
    if (found->empty())
        return std::optional<DuplicatePair>();
    return std::optional<DuplicatePair>(std::move(found->front()));
}

Result<std::pair<Entity, Entity>> DuplicateQueue::entities(const DuplicatePair &pair) const
{
    auto read = [&](const QString &guid) -> Result<Entity> {
        auto entity = m_ledger.entity(guid);
        if (!entity)
            return std::unexpected(entity.error());
        if (!*entity)
            return fail(ErrorCode::NotFound, u"unknown entity %1"_s.arg(guid));
        return std::move(**entity);
    };
    auto first = read(pair.entityGuid);
    if (!first)
        return std::unexpected(first.error());
    auto second = read(pair.duplicateGuid);
    if (!second)
        return std::unexpected(second.error());
    return std::pair<Entity, Entity>(std::move(*first), std::move(*second));
}

Result<QString> DuplicateQueue::newer(const QString &a, const QString &b) const
{
    QSqlQuery query(m_ledger.registry().database());
    query.prepare(u"SELECT min(ev.seq) FROM effects f JOIN events ev ON ev.guid = f.event_guid"
                  " WHERE f.entity_guid = ?"_s);
    auto firstSeq = [&](const QString &guid) -> Result<qint64> {
        query.bindValue(0, guid);
        if (!query.exec() || !query.next())
            return std::unexpected(
                sqlError(u"cannot read when %1 was registered"_s.arg(guid), query.lastError()));
        const QVariant seq = query.value(0);
        query.finish();
        if (seq.isNull())
            return fail(ErrorCode::NotFound, u"unknown entity %1"_s.arg(guid));
        return seq.toLongLong();
    };
    auto first = firstSeq(a);
    if (!first)
        return std::unexpected(first.error());
    auto second = firstSeq(b);
    if (!second)
        return std::unexpected(second.error());
    if (*first != *second)
        return *first > *second ? a : b;
    return std::max(a, b);
}

Result<Command> DuplicateQueue::resolveCommand(const QString &a, const QString &b,
                                               DuplicateResolution resolution, const QString &note) const
{
    if (auto ok = m_ledger.access().check(m_ledger.user(), Action::Review, a); !ok)
        return std::unexpected(ok.error());
    if (auto ok = m_ledger.access().check(m_ledger.user(), Action::Review, b); !ok)
        return std::unexpected(ok.error());
    if (a.isEmpty() || b.isEmpty() || a == b)
        return fail(ErrorCode::InvalidArgument, u"a duplicate pair needs two different entities"_s);
    for (const QString &guid : {a, b}) {
        auto entity = m_ledger.entity(guid);
        if (!entity)
            return std::unexpected(entity.error());
        if (!*entity)
            return fail(ErrorCode::NotFound, u"unknown entity %1"_s.arg(guid));
        if ((*entity)->deleted)
            return fail(ErrorCode::InvalidArgument, u"%1 has been deleted"_s.arg(guid));
    }
    const GuidPair pair = ordered(a, b);
    Command command;
    command.type = builtin::ResolveDuplicate.toString();
    command.data.insert(u"duplicates"_s, QJsonArray{QJsonObject{{u"entityGuid"_s, pair.first},
                                                                {u"duplicateGuid"_s, pair.second}}});
    if (resolution == DuplicateResolution::DeleteNewer) {
        auto target = newer(pair.first, pair.second);
        if (!target)
            return std::unexpected(target.error());
        command.entityGuid = *target;
        command.data.insert(u"shouldDelete"_s, true);
    } else {
        command.entityGuid = pair.first;
        command.data.insert(u"shouldDelete"_s, false);
    }
    QJsonObject context{{u"source"_s, u"duplicates"_s}};
    if (const QString reason = note.trimmed(); !reason.isEmpty())
        context.insert(u"reason"_s, reason);
    command.context = context;
    return command;
}

Result<Event> DuplicateQueue::resolve(const QString &a, const QString &b, DuplicateResolution resolution,
                                      const QString &note)
{
    auto command = resolveCommand(a, b, resolution, note);
    if (!command)
        return std::unexpected(command.error());
    return m_ledger.submit(*command);
}

} // namespace fieldledger::core
