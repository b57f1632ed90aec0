#include "core/domain/applier.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

struct KindName {
    AnomalyKind kind;
    QStringView name;
};

constexpr KindName kKindNames[] = {
    {AnomalyKind::TypeMismatch, u"type-mismatch"},   {AnomalyKind::TargetDeleted, u"target-deleted"},
    {AnomalyKind::UnknownEntity, u"unknown-entity"}, {AnomalyKind::MemberWithoutGuid, u"member-without-guid"},
    {AnomalyKind::NotAMember, u"not-a-member"},      {AnomalyKind::Exists, u"exists"},
    {AnomalyKind::UnknownType, u"unknown-type"},
};

} // namespace

QString anomalyKindName(AnomalyKind kind)
{
    for (const KindName &entry : kKindNames) {
        if (entry.kind == kind)
            return entry.name.toString();
    }
    return QString();
}

std::optional<AnomalyKind> anomalyKindFromName(QStringView name)
{
    for (const KindName &entry : kKindNames) {
        if (entry.name == name)
            return entry.kind;
    }
    return std::nullopt;
}

QJsonObject Anomaly::toJson() const
{
    return QJsonObject{
        {u"eventGuid"_s, eventGuid},
        {u"entityGuid"_s, entityGuid},
        {u"kind"_s, anomalyKindName(kind)},
        {u"message"_s, message},
    };
}

const EntityChange *ApplyOutcome::changeFor(const QString &guid) const
{
    const auto it = std::find_if(changes.cbegin(), changes.cend(),
                                 [&guid](const EntityChange &change) { return change.guid == guid; });
    return it == changes.cend() ? nullptr : &*it;
}

Applier::~Applier() = default;

ApplyContext::ApplyContext(const Event &event, World &world)
    : m_event(event)
    , m_world(world)
{
}

qsizetype ApplyContext::indexOf(const QString &guid) const
{
    // An event touches a handful of entities (a large delete cascade a few dozen): a linear
    // scan beats hashing here and allocates nothing.
    for (size_t i = 0; i < m_working.size(); ++i) {
        if (m_working[i].entity.guid == guid)
            return static_cast<qsizetype>(i);
    }
    return -1;
}

const Entity *ApplyContext::entity(const QString &guid) const
{
    const qsizetype index = indexOf(guid);
    if (index >= 0)
        return &m_working[static_cast<size_t>(index)].entity;
    return m_world.find(guid);
}

Entity &ApplyContext::create(const QString &guid, EntityType type)
{
    if (indexOf(guid) >= 0 || m_world.find(guid))
        return change(guid);
    Working &working = m_working.emplace_back();
    working.created = true;
    working.entity.guid = guid;
    working.entity.type = type;
    return working.entity;
}

Entity &ApplyContext::change(const QString &guid)
{
    const qsizetype index = indexOf(guid);
    if (index >= 0)
        return m_working[static_cast<size_t>(index)].entity;
    if (Entity *existing = changeIfExists(guid))
        return *existing;
    Q_ASSERT_X(false, "ApplyContext::change", "change() of an entity that does not exist");
    return create(guid, EntityType::Individual);
}

Entity *ApplyContext::changeIfExists(const QString &guid)
{
    const qsizetype index = indexOf(guid);
    if (index >= 0)
        return &m_working[static_cast<size_t>(index)].entity;
    const Entity *current = m_world.find(guid);
    if (!current)
        return nullptr;
    Working &working = m_working.emplace_back();
    // Copies share their data (implicit sharing) until the applier writes to them.
    working.before = *current;
    working.entity = *current;
    return &working.entity;
}

QStringList ApplyContext::parentsOf(const QString &memberGuid) const
{
    QStringList parents = m_world.parentsOf(memberGuid);
    if (m_working.empty())
        return parents;
    // The World does not see this event's working copies yet: drop the groups they no longer
    // list it in (or tombstoned), add the live groups that list it now.
    parents.removeIf([this, &memberGuid](const QString &parent) {
        const qsizetype index = indexOf(parent);
        if (index < 0)
            return false;
        const Entity &group = m_working[static_cast<size_t>(index)].entity;
        return group.deleted || !group.isGroup() || !group.memberIds.contains(memberGuid);
    });
    bool added = false;
    for (const Working &working : m_working) {
        const Entity &group = working.entity;
        if (group.isGroup() && !group.deleted && group.memberIds.contains(memberGuid) &&
            !parents.contains(group.guid)) {
            parents.append(group.guid);
            added = true;
        }
    }
    if (added)
        std::sort(parents.begin(), parents.end());
    return parents;
}

void ApplyContext::anomaly(AnomalyKind kind, const QString &entityGuid, QString message)
{
    m_anomalies.push_back(Anomaly{m_event.guid, entityGuid, kind, std::move(message)});
}

ApplyOutcome ApplyContext::finish()
{
    ApplyOutcome outcome;
    outcome.changes.reserve(m_working.size());
    for (Working &working : m_working) {
        Entity &entity = working.entity;
        entity.version = working.created ? 1 : entity.version + 1;
        entity.lastUpdated = m_event.timestamp;
        m_world.put(entity);
        outcome.changes.push_back(
            EntityChange{entity.guid, std::move(working.before), std::move(entity), working.created});
    }
    m_working.clear();
    outcome.anomalies = std::move(m_anomalies);
    m_anomalies.clear();
    return outcome;
}

} // namespace fieldledger::core
