#pragma once

#include "core/domain/entity.h"
#include "core/domain/world.h"
#include "core/events/event.h"

#include <QJsonObject>
#include <QString>

#include <deque>
#include <optional>
#include <vector>

namespace fieldledger::core {

// Why an accepted event could not apply as intended (EVENTS.md §3). Appliers are total:
// they apply what they can and record one of these for supervisors.
enum class AnomalyKind {
    TypeMismatch,      // "type-mismatch": individual event on a group or group event on an individual
    TargetDeleted,     // "target-deleted": the event's target is a tombstone
    UnknownEntity,     // "unknown-entity": delete-entity of an entity that does not exist
    MemberWithoutGuid, // "member-without-guid": a member entry without a usable guid
    NotAMember,        // "not-a-member": transfer-member of an id not in the source group
    Exists,            // "exists": split-household onto an existing newGroupGuid
    UnknownType,       // "unknown-type": no applier is registered for the event's type
};

// The spec's name of a kind ("type-mismatch", ...), and back.
[[nodiscard]] QString anomalyKindName(AnomalyKind kind);
[[nodiscard]] std::optional<AnomalyKind> anomalyKindFromName(QStringView name);

struct Anomaly {
    QString eventGuid;
    QString entityGuid;
    AnomalyKind kind = AnomalyKind::UnknownType;
    QString message;

    // {"eventGuid","entityGuid","kind","message"}
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const Anomaly &, const Anomaly &) = default;
};

// One entity changed by one event: its state before the event (nullopt when the event created
// it) and after (version moved by one, lastUpdated = the event's timestamp).
struct EntityChange {
    QString guid;
    std::optional<Entity> before;
    Entity after;
    bool created = false;
};

// Everything one event did. `changes` lists each changed entity once, in the order the applier
// first touched it (the target first, whenever the target changes). The store persists it:
// projections from `after`, audit effects from before/after, anomalies as they are.
struct ApplyOutcome {
    std::vector<EntityChange> changes;
    std::vector<Anomaly> anomalies;

    [[nodiscard]] const EntityChange *changeFor(const QString &guid) const;
};

// What an applier sees while applying one event: the event and the entities it may change.
//
// Reads go through entity(); every mutation goes through create() or change(), which put the
// entity into this event's working set. finish() then moves each changed entity's version by
// one (a created one starts at 1), sets its lastUpdated to the event's timestamp, writes it to
// the World and reports it in the ApplyOutcome. Nothing reaches the World before finish(), so
// entity() and change() always return this event's working copy once an entity was touched.
//
// "Changed by" an event (EVENTS.md §3) is exactly the set of entities passed to change() or
// create(): appliers must call change() only on an entity they really change (its target,
// entities they create or tombstone, groups whose memberIds they change), never to link an
// existing member.
class ApplyContext final {
public:
    ApplyContext(const Event &event, World &world);
    Q_DISABLE_COPY_MOVE(ApplyContext)

    [[nodiscard]] const Event &event() const { return m_event; }

    // The current state of an entity (this event's working copy once touched), or nullptr.
    [[nodiscard]] const Entity *entity(const QString &guid) const;
    // References returned by create() and change() stay valid until finish().
    //
    // Creates an entity that does not exist yet: version 0 until finish(), empty data, not
    // deleted. On a guid that already exists it behaves exactly like change().
    Entity &create(const QString &guid, EntityType type);
    // Marks an existing entity as changed by this event and returns it for mutation.
    // Precondition: entity(guid) != nullptr (a missing guid is created as an individual
    // rather than crash, which is a bug in the applier).
    Entity &change(const QString &guid);
    // change(guid) when the entity exists, else nullptr (one lookup instead of two).
    Entity *changeIfExists(const QString &guid);
    [[nodiscard]] bool isChanged(const QString &guid) const { return indexOf(guid) >= 0; }

    // The live groups listing memberGuid, sorted, as they stand in this event so far.
    [[nodiscard]] QStringList parentsOf(const QString &memberGuid) const;

    void anomaly(AnomalyKind kind, const QString &entityGuid, QString message);

    // Ends the event: bumps versions, stamps lastUpdated, writes back, returns the outcome.
    // Called by ApplierRegistry::apply(); the context is spent afterwards.
    [[nodiscard]] ApplyOutcome finish();

private:
    struct Working {
        std::optional<Entity> before;
        Entity entity;
        bool created = false;
    };

    [[nodiscard]] qsizetype indexOf(const QString &guid) const;

    const Event &m_event;
    World &m_world;
    // A deque, so the references create() and change() return stay valid for the whole event.
    std::deque<Working> m_working;
    std::vector<Anomaly> m_anomalies;
};

// One event type's applier: a deterministic function of (current entities, event). No wall
// clock, no randomness, no I/O; it never fails (EVENTS.md §3: appliers are total).
class Applier {
public:
    virtual ~Applier();
    virtual void apply(ApplyContext &context) const = 0;
};

} // namespace fieldledger::core
