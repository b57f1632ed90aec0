#pragma once

#include "core/domain/entity.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace fieldledger::core {

// The entity state appliers read and write: the current projection of every entity,
// tombstones included. MemoryWorld keeps it in memory; the store backs it with SQL.
//
// Appliers never touch a World directly: they go through ApplyContext, which reads from the
// World, collects what one event changes and writes every changed entity back with put() at
// the end of the event.
class World {
public:
    virtual ~World() = default;

    // The current state of an entity (tombstones included), or nullptr when it never existed.
    // The pointer stays valid until the next put().
    [[nodiscard]] virtual const Entity *find(const QString &guid) const = 0;
    // Inserts or replaces the entity with the same guid.
    virtual void put(const Entity &entity) = 0;
    // The live (not deleted) groups whose memberIds contain memberGuid, sorted by guid
    // (byte-wise on UTF-16, i.e. QString's operator<), so results are deterministic.
    [[nodiscard]] virtual QStringList parentsOf(const QString &memberGuid) const = 0;
};

// A World in a hash, with a reverse membership index so parentsOf() does not scan.
class MemoryWorld final : public World {
public:
    MemoryWorld() = default;

    [[nodiscard]] const Entity *find(const QString &guid) const override;
    void put(const Entity &entity) override;
    [[nodiscard]] QStringList parentsOf(const QString &memberGuid) const override;

    [[nodiscard]] qsizetype size() const { return m_entities.size(); }
    void clear();
    // Every entity, sorted by guid.
    [[nodiscard]] std::vector<Entity> entities() const;
    [[nodiscard]] const QHash<QString, Entity> &all() const { return m_entities; }

private:
    // Whether the group's listing feeds the parents index (live groups only).
    static bool indexed(const Entity &entity) { return entity.isGroup() && !entity.deleted; }
    void link(const QString &member, const QString &group);
    void unlink(const QString &member, const QString &group);
    void reindex(const Entity &before, const Entity &after);

    QHash<QString, Entity> m_entities;
    // member guid -> the live groups listing it, unsorted (a member has one or two parents:
    // a small list beats a set here).
    QHash<QString, QStringList> m_parents;
};

} // namespace fieldledger::core
