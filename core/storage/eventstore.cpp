#include "core/storage/eventstore.h"

#include "core/events/event.h"
#include "core/storage/sqlerror.h"

#include <QSqlError>
#include <QVariant>

#include <cstring>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

constexpr auto kColumns = "seq, guid, entity_guid, type, instant_ns, user_id, sync_level, body";

QByteArray hashBytes(const Hash &hash)
{
    return QByteArray(reinterpret_cast<const char *>(hash.data()), qsizetype(hash.size()));
}

std::optional<Hash> hashFromBytes(const QByteArray &bytes)
{
    Hash hash{};
    if (bytes.size() != qsizetype(hash.size()))
        return std::nullopt;
    std::memcpy(hash.data(), bytes.constData(), hash.size());
    return hash;
}

} // namespace

struct EventStore::Statements {
    explicit Statements(const QSqlDatabase &db)
        : insertEvent(db)
        , insertNode(db)
        , eventByGuid(db)
        , leafBySeq(db)
        , nodeAt(db)
    {
        insertEvent.prepare(
            u"INSERT INTO events (seq, guid, entity_guid, type, instant_ns, user_id, sync_level, "
            "body, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guid) DO NOTHING"_s);
        insertNode.prepare(u"INSERT INTO log_nodes (level, idx, hash) VALUES (?, ?, ?)"_s);
        eventByGuid.prepare(u"SELECT "_s + QLatin1StringView(kColumns) + u" FROM events WHERE guid = ?"_s);
        leafBySeq.prepare(u"SELECT leaf_hash FROM events WHERE seq = ?"_s);
        nodeAt.prepare(u"SELECT hash FROM log_nodes WHERE level = ? AND idx = ?"_s);
    }
    QSqlQuery insertEvent;
    QSqlQuery insertNode;
    QSqlQuery eventByGuid;
    QSqlQuery leafBySeq;
    QSqlQuery nodeAt;
};

EventStore::EventStore(QSqlDatabase db)
    : m_db(std::move(db))
    , m_statements(std::make_unique<Statements>(m_db))
{
}

EventStore::~EventStore() = default;

Status EventStore::reload()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT coalesce(max(seq) + 1, 0), count(*) FROM events"_s) || !query.next())
        return std::unexpected(sqlError(u"cannot read the event log's size"_s, query.lastError()));
    const qint64 size = query.value(0).toLongLong();
    if (query.value(1).toLongLong() != size)
        return fail(ErrorCode::Integrity,
                    u"the event log has gaps: %1 events but the last sequence is %2 (events were deleted)"_s
                        .arg(query.value(1).toLongLong())
                        .arg(size - 1));
    auto range = CompactRange::load(*this, quint64(size));
    if (!range)
        return fail(ErrorCode::Integrity, u"the Merkle log is damaged: %1"_s.arg(range.error().message));
    m_range = std::move(*range);
    return {};
}

Result<EventStore::Appended> EventStore::append(const Event &event, const QByteArray &canonical)
{
    const Hash leaf = leafHash(canonical);
    const qint64 seq = qint64(m_range.size());
    QSqlQuery &insert = m_statements->insertEvent;
    insert.bindValue(0, seq);
    insert.bindValue(1, event.guid);
    insert.bindValue(2, event.entityGuid);
    insert.bindValue(3, event.type);
    insert.bindValue(4, event.instantNs);
    insert.bindValue(5, event.userId);
    insert.bindValue(6, event.syncLevel);
    insert.bindValue(7, canonical);
    insert.bindValue(8, hashBytes(leaf));
    if (!insert.exec())
        return std::unexpected(sqlError(u"cannot append event %1"_s.arg(event.guid), insert.lastError()));
    if (insert.numRowsAffected() == 0) {
        auto existing = byGuid(event.guid);
        if (!existing)
            return std::unexpected(existing.error());
        if (*existing && (*existing)->body == canonical)
            return Appended::Duplicate;
        return fail(ErrorCode::Conflict, u"event already exists - cannot modify (guid %1)"_s.arg(event.guid));
    }
    Status persisted;
    m_range.append(leaf, [&](int level, quint64 index, const Hash &hash) {
        if (level == 0 || !persisted)
            return;
        QSqlQuery &node = m_statements->insertNode;
        node.bindValue(0, level);
        node.bindValue(1, qint64(index));
        node.bindValue(2, hashBytes(hash));
        if (!node.exec())
            persisted = std::unexpected(sqlError(u"cannot extend the Merkle log"_s, node.lastError()));
    });
    if (!persisted)
        return std::unexpected(persisted.error());
    return Appended::New;
}

Result<std::vector<StoredEvent>> EventStore::select(QSqlQuery &query) const
{
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read events"_s, query.lastError()));
    std::vector<StoredEvent> events;
    while (query.next()) {
        StoredEvent event;
        event.seq = query.value(0).toLongLong();
        event.guid = query.value(1).toString();
        event.entityGuid = query.value(2).toString();
        event.type = query.value(3).toString();
        event.instantNs = query.value(4).toLongLong();
        event.userId = query.value(5).toString();
        event.syncLevel = query.value(6).toInt();
        event.body = query.value(7).toByteArray();
        events.push_back(std::move(event));
    }
    query.finish();
    return events;
}

Result<std::optional<StoredEvent>> EventStore::byGuid(const QString &guid) const
{
    QSqlQuery &query = m_statements->eventByGuid;
    query.bindValue(0, guid);
    auto events = select(query);
    if (!events)
        return std::unexpected(events.error());
    if (events->empty())
        return std::optional<StoredEvent>();
    return std::optional<StoredEvent>(std::move(events->front()));
}

Result<std::optional<StoredEvent>> EventStore::bySeq(qint64 seq) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT "_s + QLatin1StringView(kColumns) + u" FROM events WHERE seq = ?"_s);
    query.bindValue(0, seq);
    auto events = select(query);
    if (!events)
        return std::unexpected(events.error());
    if (events->empty())
        return std::optional<StoredEvent>();
    return std::optional<StoredEvent>(std::move(events->front()));
}

Result<std::vector<StoredEvent>> EventStore::byEntity(const QString &entityGuid) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT "_s + QLatin1StringView(kColumns) +
                  u" FROM events WHERE entity_guid = ? ORDER BY seq"_s);
    query.bindValue(0, entityGuid);
    return select(query);
}

Result<std::vector<StoredEvent>> EventStore::page(qint64 afterSeq, int limit) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT "_s + QLatin1StringView(kColumns) +
                  u" FROM events WHERE seq > ? ORDER BY seq LIMIT ?"_s);
    query.bindValue(0, afterSeq);
    query.bindValue(1, limit);
    return select(query);
}

Status EventStore::forEach(qint64 fromSeq, qint64 toSeq, int batchSize,
                           const std::function<bool(const StoredEvent &)> &callback) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT "_s + QLatin1StringView(kColumns) +
                  u" FROM events WHERE seq >= ? AND seq < ? ORDER BY seq LIMIT ?"_s);
    qint64 next = fromSeq;
    while (next < toSeq) {
        query.bindValue(0, next);
        query.bindValue(1, toSeq);
        query.bindValue(2, batchSize);
        auto batch = select(query);
        if (!batch)
            return std::unexpected(batch.error());
        if (batch->empty())
            break;
        for (const StoredEvent &event : *batch) {
            if (!callback(event))
                return fail(ErrorCode::Cancelled, u"cancelled"_s);
        }
        next = batch->back().seq + 1;
    }
    return {};
}

Status EventStore::forEachCanonical(qint64 beforeSeq, int batchSize,
                                    const std::function<bool(const StoredEvent &)> &callback) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        u"SELECT "_s + QLatin1StringView(kColumns) +
        u" FROM events WHERE seq < ? AND (instant_ns, guid) > (?, ?) ORDER BY instant_ns, guid LIMIT ?"_s);
    qint64 lastInstant = std::numeric_limits<qint64>::min();
    QString lastGuid = u""_s;
    for (;;) {
        query.bindValue(0, beforeSeq);
        query.bindValue(1, lastInstant);
        query.bindValue(2, lastGuid);
        query.bindValue(3, batchSize);
        auto batch = select(query);
        if (!batch)
            return std::unexpected(batch.error());
        if (batch->empty())
            break;
        for (const StoredEvent &event : *batch) {
            if (!callback(event))
                return fail(ErrorCode::Cancelled, u"cancelled"_s);
        }
        lastInstant = batch->back().instantNs;
        lastGuid = batch->back().guid;
        if (qsizetype(batch->size()) < batchSize)
            break;
    }
    return {};
}

Result<Hash> EventStore::node(int level, quint64 index) const
{
    QSqlQuery &query = level == 0 ? m_statements->leafBySeq : m_statements->nodeAt;
    query.bindValue(0, level == 0 ? qint64(index) : qint64(level));
    if (level != 0)
        query.bindValue(1, qint64(index));
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read a Merkle node"_s, query.lastError()));
    if (!query.next()) {
        query.finish();
        return fail(ErrorCode::NotFound,
                    u"Merkle node (level %1, index %2) is missing"_s.arg(level).arg(index));
    }
    const auto hash = hashFromBytes(query.value(0).toByteArray());
    query.finish();
    if (!hash)
        return fail(ErrorCode::Integrity,
                    u"Merkle node (level %1, index %2) is not 32 bytes"_s.arg(level).arg(index));
    return *hash;
}

Result<Hash> EventStore::rootAt(quint64 treeSize) const
{
    if (treeSize > size())
        return fail(ErrorCode::InvalidArgument,
                    u"the log has %1 events; there is no tree of size %2"_s.arg(size()).arg(treeSize));
    if (treeSize == size())
        return root();
    return core::rootAt(*this, treeSize);
}

Result<InclusionProof> EventStore::proof(const QString &eventGuid, std::optional<quint64> treeSize) const
{
    auto event = byGuid(eventGuid);
    if (!event)
        return std::unexpected(event.error());
    if (!*event)
        return fail(ErrorCode::NotFound, u"no event %1"_s.arg(eventGuid));
    const quint64 n = treeSize.value_or(size());
    if (n > size())
        return fail(ErrorCode::InvalidArgument,
                    u"the log has %1 events; there is no tree of size %2"_s.arg(size()).arg(n));
    if (quint64((*event)->seq) >= n)
        return fail(ErrorCode::InvalidArgument,
                    u"event %1 is at sequence %2, outside a tree of size %3"_s.arg(eventGuid)
                        .arg((*event)->seq)
                        .arg(n));
    return inclusionProof(*this, quint64((*event)->seq), n);
}

Result<ConsistencyProof> EventStore::consistency(quint64 firstSize, quint64 secondSize) const
{
    if (firstSize > secondSize || secondSize > size())
        return fail(ErrorCode::InvalidArgument,
                    u"no consistency proof from %1 to %2 in a log of %3 events"_s.arg(firstSize)
                        .arg(secondSize)
                        .arg(size()));
    return consistencyProof(*this, firstSize, secondSize);
}

Status EventStore::setSyncLevel(const QString &eventGuid, int syncLevel)
{
    if (syncLevel < 0 || syncLevel > 2)
        return fail(ErrorCode::InvalidArgument, u"syncLevel must be 0, 1 or 2"_s);
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE events SET sync_level = ? WHERE guid = ?"_s);
    query.bindValue(0, syncLevel);
    query.bindValue(1, eventGuid);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot update syncLevel"_s, query.lastError()));
    if (query.numRowsAffected() == 0)
        return fail(ErrorCode::NotFound, u"no event %1"_s.arg(eventGuid));
    return {};
}

QByteArray EventStore::jsonWithSyncLevel(const StoredEvent &event)
{
    return storedJsonWithSyncLevel(event.body, event.syncLevel);
}

} // namespace fieldledger::core
