#include "core/domain/projector.h"

#include "core/domain/auditdiff.h"
#include "core/domain/world.h"

#include <QSet>

#include <algorithm>

namespace fieldledger::core {

namespace {

// Canonical order (EVENTS.md §1), without building CanonicalKey copies.
bool canonicalLess(const Event &a, const Event &b)
{
    if (a.instantNs != b.instantNs)
        return a.instantNs < b.instantNs;
    return compareUtf8Order(a.guid, b.guid) < 0;
}

} // namespace

Projector::Projector(const ApplierRegistry &appliers, const UpcasterRegistry *upcasters)
    : m_appliers(appliers)
    , m_upcasters(upcasters)
{
}

void Projector::sortCanonical(std::vector<Event> &events)
{
    std::stable_sort(events.begin(), events.end(), canonicalLess);
}

void Projector::dedupeByGuid(std::vector<Event> &events)
{
    QSet<QString> seen;
    seen.reserve(static_cast<qsizetype>(events.size()));
    const auto end = std::remove_if(events.begin(), events.end(), [&seen](const Event &event) {
        if (seen.contains(event.guid))
            return true;
        seen.insert(event.guid);
        return false;
    });
    events.erase(end, events.end());
}

Projector::Projection Projector::run(std::vector<Event> events, const Filter &filter, Collect collect,
                                     const QString *onlyGuid) const
{
    // Pair every event with its log sequence before reordering.
    struct Sequenced {
        qint64 seq;
        Event event;
    };
    std::vector<Sequenced> ordered;
    ordered.reserve(events.size());
    for (size_t i = 0; i < events.size(); ++i) {
        const auto seq = static_cast<qint64>(i);
        if (filter.beforeSeq && seq >= *filter.beforeSeq)
            continue;
        if (filter.asOfInstantNs && events[i].instantNs > *filter.asOfInstantNs)
            continue;
        ordered.push_back(Sequenced{seq, std::move(events[i])});
    }
    events.clear();
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Sequenced &a, const Sequenced &b) { return canonicalLess(a.event, b.event); });

    Projection projection;
    MemoryWorld world;
    for (Sequenced &item : ordered) {
        if (m_upcasters && m_upcasters->needsUpcast(item.event))
            item.event = m_upcasters->upcast(std::move(item.event));
        ApplyOutcome outcome = m_appliers.apply(item.event, world);
        if (collect != Collect::Entities) {
            for (Anomaly &anomaly : outcome.anomalies)
                projection.anomalies.push_back(std::move(anomaly));
        }
        if (collect == Collect::Audit) {
            for (const EntityChange &change : outcome.changes) {
                if (onlyGuid && change.guid != *onlyGuid)
                    continue;
                projection.auditTrails[change.guid].append(auditEntry(item.seq, item.event, change));
            }
        }
    }
    for (const Entity &entity : world.all())
        projection.entities.emplace(entity.guid, entity);
    return projection;
}

std::map<QString, Entity> Projector::project(std::vector<Event> events, const Filter &filter) const
{
    return run(std::move(events), filter, Collect::Entities, nullptr).entities;
}

Projector::Projection Projector::projectWithAnomalies(std::vector<Event> events, const Filter &filter) const
{
    return run(std::move(events), filter, Collect::Anomalies, nullptr);
}

Projector::Projection Projector::projectWithAudit(std::vector<Event> events, const Filter &filter) const
{
    return run(std::move(events), filter, Collect::Audit, nullptr);
}

QJsonArray Projector::auditTrail(std::vector<Event> events, const QString &entityGuid,
                                 const Filter &filter) const
{
    Projection projection = run(std::move(events), filter, Collect::Audit, &entityGuid);
    const auto it = projection.auditTrails.find(entityGuid);
    return it == projection.auditTrails.end() ? QJsonArray() : it->second;
}

std::map<QString, Entity> project(std::vector<Event> events, const ApplierRegistry &appliers)
{
    return Projector(appliers).project(std::move(events));
}

} // namespace fieldledger::core
