#pragma once

#include "core/domain/applier.h"
#include "core/domain/applierregistry.h"
#include "core/domain/upcaster.h"
#include "core/events/event.h"

#include <QJsonArray>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace fieldledger::core {

// In-memory projection of a set of events (EVENTS.md §1 and §4): the reference the SQL-backed
// store is checked against, and what tests and tools use directly.
//
// Input vectors are in *log order* (the order a store accepted them): an event's index is its
// log sequence, which audit entries report as `seq` and "as recorded at sequence S" filters
// on. Projection itself always runs in *canonical order* (instant, then guid byte-wise), so the
// result is a pure function of the set of events.
//
// Events are applied as given: duplicates are applied twice (call dedupeByGuid() first, as a
// store does by refusing them), and upcasting happens only when an UpcasterRegistry is given.
class Projector final {
public:
    explicit Projector(const ApplierRegistry &appliers, const UpcasterRegistry *upcasters = nullptr);

    // Which events take part.
    struct Filter {
        // Time travel "as of instant T": only events with timestamp <= T.
        std::optional<qint64> asOfInstantNs;
        // "As recorded at sequence S": only events with log sequence < S.
        std::optional<qint64> beforeSeq;
    };

    struct Projection {
        // Every entity (tombstones included), by guid.
        std::map<QString, Entity> entities;
        // Every anomaly, in canonical order of the events that recorded them.
        std::vector<Anomaly> anomalies;
        // guid -> audit trail (EVENTS.md §4 entries, canonical order); filled by projectWithAudit().
        std::map<QString, QJsonArray> auditTrails;
    };

    [[nodiscard]] std::map<QString, Entity> project(std::vector<Event> events,
                                                    const Filter &filter = {}) const;
    [[nodiscard]] Projection projectWithAnomalies(std::vector<Event> events, const Filter &filter = {}) const;
    [[nodiscard]] Projection projectWithAudit(std::vector<Event> events, const Filter &filter = {}) const;
    // One entity's audit trail: every event that changed it, canonical order.
    [[nodiscard]] QJsonArray auditTrail(std::vector<Event> events, const QString &entityGuid,
                                        const Filter &filter = {}) const;

    // Sorts into canonical order (stable: equal keys keep their relative order).
    static void sortCanonical(std::vector<Event> &events);
    // Keeps the first event (in the given order) of each guid.
    static void dedupeByGuid(std::vector<Event> &events);

private:
    enum class Collect { Entities, Anomalies, Audit };
    [[nodiscard]] Projection run(std::vector<Event> events, const Filter &filter, Collect collect,
                                 const QString *onlyGuid) const;

    const ApplierRegistry &m_appliers;
    const UpcasterRegistry *m_upcasters;
};

// Convenience: the built-in projection of a set of events.
[[nodiscard]] std::map<QString, Entity> project(std::vector<Event> events, const ApplierRegistry &appliers);

} // namespace fieldledger::core
