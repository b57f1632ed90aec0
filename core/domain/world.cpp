#include "core/domain/world.h"

#include <QSet>

#include <algorithm>
#include <utility>

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
        if (indexed(entity)) {
            for (const QString &member : entity.memberIds)
                link(member, entity.guid);
        }
        return;
    }
    const Entity before = std::exchange(*it, entity);
    reindex(before, *it);
}

void MemoryWorld::link(const QString &member, const QString &group)
{
    QStringList &parents = m_parents[member];
    if (!parents.contains(group))
        parents.append(group);
}

void MemoryWorld::unlink(const QString &member, const QString &group)
{
    const auto it = m_parents.find(member);
    if (it == m_parents.end())
        return;
    it->removeOne(group);
    if (it->isEmpty())
        m_parents.erase(it);
}

void MemoryWorld::reindex(const Entity &before, const Entity &after)
{
    const bool wasIndexed = indexed(before);
    const bool isIndexed = indexed(after);
    if (!wasIndexed && !isIndexed)
        return;
    if (wasIndexed && isIndexed) {
        // Most puts leave the listing alone (shared data compares in O(1)) or change a member
        // or two: touch only the difference.
        if (before.memberIds == after.memberIds)
            return;
        const QStringList &oldIds = before.memberIds;
        const QStringList &newIds = after.memberIds;
        if (oldIds.size() + newIds.size() <= 64) {
            for (const QString &member : oldIds) {
                if (!newIds.contains(member))
                    unlink(member, after.guid);
            }
            for (const QString &member : newIds) {
                if (!oldIds.contains(member))
                    link(member, after.guid);
            }
        } else {
            const QSet<QString> oldSet(oldIds.cbegin(), oldIds.cend());
            const QSet<QString> newSet(newIds.cbegin(), newIds.cend());
            for (const QString &member : oldIds) {
                if (!newSet.contains(member))
                    unlink(member, after.guid);
            }
            for (const QString &member : newIds) {
                if (!oldSet.contains(member))
                    link(member, after.guid);
            }
        }
        return;
    }
    if (wasIndexed) {
        for (const QString &member : before.memberIds)
            unlink(member, before.guid);
    } else {
        for (const QString &member : after.memberIds)
            link(member, after.guid);
    }
}

QStringList MemoryWorld::parentsOf(const QString &memberGuid) const
{
    const auto it = m_parents.constFind(memberGuid);
    if (it == m_parents.constEnd())
        return {};
    QStringList parents = *it;
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
    std::sort(result.begin(), result.end(), [](const Entity &a, const Entity &b) { return a.guid < b.guid; });
    return result;
}

} // namespace fieldledger::core
