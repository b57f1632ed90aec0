#pragma once

#include "core/common/result.h"
#include "core/domain/entity.h"
#include "core/events/event.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fieldledger::core {

class Ledger;

// One event on an entity's timeline: the head of its audit-trail entry (EVENTS.md §4).
struct TimelineEvent {
    qint64 seq = -1; // log sequence
    QString eventGuid;
    QString type;
    QString timestamp; // as written, with its original offset
    qint64 instantNs = 0;
    QString userId;
    QString reason; // context.reason, or ""
    bool late = false;

    friend bool operator==(const TimelineEvent &, const TimelineEvent &) = default;
};

// The events that changed one entity (Ledger::history), in both orders EVENTS.md §1 knows.
class EntityTimeline final {
public:
    [[nodiscard]] static Result<EntityTimeline> load(Ledger &ledger, const QString &guid);

    [[nodiscard]] const QString &guid() const { return m_guid; }
    // Canonical order (instant, then guid): the order things happened.
    [[nodiscard]] const std::vector<TimelineEvent> &events() const { return m_events; }
    // Indices into events(), in log order (sequence): the order this registry received them.
    [[nodiscard]] const std::vector<qsizetype> &logOrder() const { return m_logOrder; }

    // How many events (canonical order) happened at or before `instantNs`.
    [[nodiscard]] qsizetype countAtOrBefore(qint64 instantNs) const;

private:
    QString m_guid;
    std::vector<TimelineEvent> m_events;
    std::vector<qsizetype> m_logOrder;
};

// An entity and, for a group (a household), its members, at one point of time travel.
struct GroupSnapshot {
    std::optional<Entity> entity; // nullopt: it did not exist (yet)
    // The entities memberIds names, in that order; ids that name no entity (yet) are left out.
    std::vector<Entity> members;

    [[nodiscard]] const Entity *member(const QString &guid) const;
};

// The entity and its members now.
[[nodiscard]] Result<GroupSnapshot> snapshotNow(Ledger &ledger, const QString &guid);
// As of instant T (EVENTS.md §4): the entity and its members as the events with timestamp <= T
// made them (Ledger::entityAt for each).
[[nodiscard]] Result<GroupSnapshot> snapshotAt(Ledger &ledger, const QString &guid, qint64 instantNs);

// "As this registry recorded it" (EVENTS.md §4) for one entity and its members, without
// replaying the whole log at every step as Ledger::entityAsRecorded does.
//
// load() gathers once the events that can touch the entity: starting from it, every event
// that targets an entity of the set or changed it (the effects the projection keeps), and
// every entity such an event names (its target, members it adds, moves or removes, the group
// it transfers or splits to, the duplicates it resolves), and the groups that list an entity of
// the set now; until nothing new comes. at(S) then projects the gathered events with sequence
// < S in canonical order, in memory, with the ledger's appliers and upcasters: its cost grows
// with the events of this household and its members, not with the registry.
//
// Built-in appliers and custom appliers (which change only their target, EVENTS.md §3) never
// reach outside that set, so at(S) equals Ledger::entityAsRecorded(S) for the entity and its
// members. The one case it cannot see: a group that listed a member only in a past that the
// full log rewrote (the member was removed from it by a late event and the group is then
// deleted) is not found from the member, so a deletion that cascaded to the member before the
// late event arrived is missed.
class RecordedHistory final {
public:
    [[nodiscard]] static Result<RecordedHistory> load(Ledger &ledger, const QString &guid);

    [[nodiscard]] Result<GroupSnapshot> at(qint64 logSize) const;

    // The gathered events (canonical order) and entities.
    [[nodiscard]] qsizetype eventCount() const { return qsizetype(m_events.size()); }
    [[nodiscard]] const QStringList &entities() const { return m_entities; }

private:
    struct Gathered {
        qint64 seq = -1;
        Event event;
    };

    RecordedHistory(Ledger &ledger, QString guid)
        : m_ledger(&ledger)
        , m_guid(std::move(guid))
    {
    }

    Ledger *m_ledger;
    QString m_guid;
    std::vector<Gathered> m_events;
    QStringList m_entities;
};

// The guids an event names besides its target (members entries, recursively; memberId,
// memberIds, toGroupGuid, newGroupGuid, headId; resolve-duplicate's pairs), in no set order.
[[nodiscard]] QStringList guidsNamedBy(const Event &event);

// A name to show for an entity: its data.name when that is a non-empty string, else its guid.
[[nodiscard]] QString entityLabel(const Entity &entity);

} // namespace fieldledger::core
