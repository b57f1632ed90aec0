#include "core/domain/world.h"

#include <algorithm>

namespace fieldledger::core {

const Entity *MemoryWorld::find(const QString &guid) const
{
    const auto it = m_entities.constFind(guid);
    return it == m_entities.constEnd() ? nullptr : &it.value();
}

void MemoryWorld::put(const Entity &entity)
{
    auto it = m_entities.find(entity.guid);
    if (it == m_entities.end()) {
        it = m_entities.insert(entity.guid, entity);
    } else {
        // Only a group's listing feeds the index; skip the work when it cannot have moved.
        const bool reindex = it->isGroup() || entity.isGroup();
        if (reindex)
            unindex(*it);
        *it = entity;
        if (!reindex)
            return;
    }
    index(*it);
}

void MemoryWorld::unindex(const Entity &group)
{
    if (!group.isGroup() || group.deleted)
        return;
    for (const QString &member : group.memberIds) {
        auto parents = m_parents.find(member);
        if (parents == m_parents.end())
            continue;
        parents->remove(group.guid);
        if (parents->isEmpty())
            m_parents.erase(parents);
    }
}

void MemoryWorld::index(const Entity &group)
{
    if (!group.isGroup() || group.deleted)
        return;
    for (const QString &member : group.memberIds)
        m_parents[member].insert(group.guid);
}

QStringList MemoryWorld::parentsOf(const QString &memberGuid) const
{
    const auto it = m_parents.constFind(memberGuid);
    if (it == m_parents.constEnd())
        return {};
    QStringList parents(it->cbegin(), it->cend());
    std::sort(parents.begin(), parents.end());
    return parents;
}

void MemoryWorld::clear()
{
    m_entities.clear();
    m_parents.clear();
}

std::vector<Entity> MemoryWorld::entities() const
{
    std::vector<Entity> result;
    result.reserve(static_cast<size_t>(m_entities.size()));
    for (const Entity &entity : m_entities)
        result.push_back(entity);
    std::sort(result.begin(), result.end(),
              [](const Entity &a, const Entity &b) { return a.guid < b.guid; });
    return result;
}

} // namespace fieldledger::core
