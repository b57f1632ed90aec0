#include "core/domain/timeline.h"

#include "core/domain/ledger.h"
#include "core/domain/world.h"
#include "core/events/timestamp.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <deque>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

void addMemberEntries(const QJsonArray &entries, QStringList &out)
{
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        const QString guid = entry.value(u"guid"_s).toString();
        if (!guid.isEmpty())
            out.append(guid);
        addMemberEntries(entry.value(u"members"_s).toArray(), out);
    }
}

void addString(const QJsonValue &value, QStringList &out)
{
    if (value.isString() && !value.toString().isEmpty())
        out.append(value.toString());
}

void addStrings(const QJsonValue &value, QStringList &out)
{
    for (const QJsonValue &item : value.toArray())
        addString(item, out);
}

// The members of `entity` that `find` knows, in memberIds order.
template<typename Find>
Result<GroupSnapshot> withMembers(std::optional<Entity> entity, Find find)
{
    GroupSnapshot snapshot;
    if (entity && entity->isGroup()) {
        for (const QString &memberGuid : entity->memberIds) {
            Result<std::optional<Entity>> member = find(memberGuid);
            if (!member)
                return std::unexpected(member.error());
            if (*member)
                snapshot.members.push_back(std::move(**member));
        }
    }
    snapshot.entity = std::move(entity);
    return snapshot;
}

} // namespace

// --- EntityTimeline ------------------------------------------------------------------------

Result<EntityTimeline> EntityTimeline::load(Ledger &ledger, const QString &guid)
{
    Result<QJsonArray> history = ledger.history(guid);
    if (!history)
        return std::unexpected(history.error());
    EntityTimeline timeline;
    timeline.m_guid = guid;
    timeline.m_events.reserve(std::size_t(history->size()));
    for (const QJsonValue &value : *history) {
        const QJsonObject entry = value.toObject();
        TimelineEvent event;
        event.seq = entry.value(u"seq"_s).toInteger(-1);
        event.eventGuid = entry.value(u"eventGuid"_s).toString();
        event.type = entry.value(u"type"_s).toString();
        event.timestamp = entry.value(u"timestamp"_s).toString();
        event.instantNs = Timestamp::parseInstantNs(event.timestamp).value_or(0);
        event.userId = entry.value(u"userId"_s).toString();
        event.reason = entry.value(u"reason"_s).toString();
        event.late = entry.value(u"late"_s).toBool();
        timeline.m_events.push_back(std::move(event));
    }
    timeline.m_logOrder.resize(timeline.m_events.size());
    for (std::size_t i = 0; i < timeline.m_logOrder.size(); ++i)
        timeline.m_logOrder[i] = qsizetype(i);
    std::ranges::stable_sort(timeline.m_logOrder, [&](qsizetype a, qsizetype b) {
        return timeline.m_events[std::size_t(a)].seq < timeline.m_events[std::size_t(b)].seq;
    });
    return timeline;
}

qsizetype EntityTimeline::countAtOrBefore(qint64 instantNs) const
{
    const auto end = std::ranges::upper_bound(m_events, instantNs, std::less<>(), &TimelineEvent::instantNs);
    return qsizetype(end - m_events.begin());
}

// --- snapshots -----------------------------------------------------------------------------

const Entity *GroupSnapshot::member(const QString &guid) const
{
    const auto found = std::ranges::find(members, guid, &Entity::guid);
    return found == members.end() ? nullptr : &*found;
}

Result<GroupSnapshot> snapshotNow(Ledger &ledger, const QString &guid)
{
    Result<std::optional<Entity>> entity = ledger.entity(guid);
    if (!entity)
        return std::unexpected(entity.error());
    return withMembers(std::move(*entity), [&](const QString &member) { return ledger.entity(member); });
}

Result<GroupSnapshot> snapshotAt(Ledger &ledger, const QString &guid, qint64 instantNs)
{
    Result<std::optional<Entity>> entity = ledger.entityAt(guid, instantNs);
    if (!entity)
        return std::unexpected(entity.error());
    return withMembers(std::move(*entity),
                       [&](const QString &member) { return ledger.entityAt(member, instantNs); });
}

// --- RecordedHistory -----------------------------------------------------------------------

Result<RecordedHistory> RecordedHistory::load(Ledger &ledger, const QString &guid)
{
    if (auto ok = ledger.access().check(ledger.user(), Action::ReadEntity, guid); !ok)
        return std::unexpected(ok.error());
    QSqlDatabase &db = ledger.registry().database();
    // Events that target an entity, events that changed it (effects), groups listing it now.
    QSqlQuery targeting(db);
    targeting.setForwardOnly(true);
    targeting.prepare(u"SELECT seq, body, sync_level FROM events WHERE entity_guid = ?"_s);
    QSqlQuery changing(db);
    changing.setForwardOnly(true);
    changing.prepare(
        u"SELECT e.seq, e.body, e.sync_level FROM effects f JOIN events e ON e.guid = f.event_guid "
        "WHERE f.entity_guid = ?"_s);
    QSqlQuery parents(db);
    parents.setForwardOnly(true);
    parents.prepare(u"SELECT group_guid FROM memberships WHERE member_guid = ?"_s);

    RecordedHistory history(ledger, guid);
    QSet<QString> seenEntities{guid};
    QSet<qint64> seenEvents;
    std::deque<QString> queue{guid};
    auto discover = [&](const QString &entity) {
        if (!seenEntities.contains(entity)) {
            seenEntities.insert(entity);
            queue.push_back(entity);
        }
    };
    auto gather = [&](QSqlQuery &query, const QString &entity) -> Status {
        query.bindValue(0, entity);
        if (!query.exec())
            return std::unexpected(
                sqlError(u"cannot read the events of %1"_s.arg(entity), query.lastError()));
        while (query.next()) {
            const qint64 seq = query.value(0).toLongLong();
            if (seenEvents.contains(seq))
                continue;
            seenEvents.insert(seq);
            Result<Event> event = Event::fromStored(query.value(1).toByteArray(), query.value(2).toInt());
            if (!event)
                return std::unexpected(event.error());
            if (ledger.upcasters().needsUpcast(*event))
                *event = ledger.upcasters().upcast(std::move(*event));
            discover(event->entityGuid);
            for (const QString &named : guidsNamedBy(*event))
                discover(named);
            history.m_events.push_back(Gathered{seq, std::move(*event)});
        }
        query.finish();
        return {};
    };
    while (!queue.empty()) {
        const QString entity = queue.front();
        queue.pop_front();
        history.m_entities.append(entity);
        if (auto ok = gather(targeting, entity); !ok)
            return std::unexpected(ok.error());
        if (auto ok = gather(changing, entity); !ok)
            return std::unexpected(ok.error());
        parents.bindValue(0, entity);
        if (!parents.exec())
            return std::unexpected(
                sqlError(u"cannot read the groups of %1"_s.arg(entity), parents.lastError()));
        while (parents.next())
            discover(parents.value(0).toString());
        parents.finish();
    }
    std::ranges::sort(history.m_events, [](const Gathered &a, const Gathered &b) {
        return a.event.canonicalKey() < b.event.canonicalKey();
    });
    return history;
}

Result<GroupSnapshot> RecordedHistory::at(qint64 logSize) const
{
    if (logSize < 0 || quint64(logSize) > m_ledger->log().size())
        return fail(
            ErrorCode::InvalidArgument,
            u"the log has %1 events; there is no log size %2"_s.arg(m_ledger->log().size()).arg(logSize));
    MemoryWorld world;
    const ApplierRegistry &appliers = m_ledger->appliers();
    for (const Gathered &gathered : m_events) {
        if (gathered.seq < logSize)
            (void)appliers.apply(gathered.event, world);
    }
    auto find = [&](const QString &guid) -> Result<std::optional<Entity>> {
        const Entity *found = world.find(guid);
        return found ? std::optional<Entity>(*found) : std::nullopt;
    };
    Result<std::optional<Entity>> entity = find(m_guid);
    return withMembers(std::move(*entity), find);
}

// --- helpers -------------------------------------------------------------------------------

QStringList guidsNamedBy(const Event &event)
{
    QStringList named;
    const QJsonObject &data = event.data;
    addMemberEntries(data.value(u"members"_s).toArray(), named);
    for (const QString &key : {u"memberId"_s, u"toGroupGuid"_s, u"newGroupGuid"_s, u"headId"_s})
        addString(data.value(key), named);
    addStrings(data.value(u"memberIds"_s), named);
    for (const QJsonValue &pair : data.value(u"duplicates"_s).toArray()) {
        addString(pair.toObject().value(u"entityGuid"_s), named);
        addString(pair.toObject().value(u"duplicateGuid"_s), named);
    }
    return named;
}

QString entityLabel(const Entity &entity)
{
    const QString name = entity.data.value(u"name"_s).toString().trimmed();
    return name.isEmpty() ? entity.guid : name;
}

} // namespace fieldledger::core
