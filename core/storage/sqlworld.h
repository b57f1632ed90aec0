#pragma once

#include "core/common/result.h"
#include "core/domain/world.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>

#include <memory>
#include <optional>

namespace fieldledger::core {

// The World appliers see while events are applied to the registry: the entities table, with
// an in-memory overlay of everything read or written since the last flush(). Writes stay in
// the overlay until flush() writes them (inside the caller's transaction); discard() forgets
// them after a rollback.
//
// parentsOf() combines the memberships table (the live groups as stored) with the groups in
// the overlay, so it is right in the middle of a batch too.
class SqlWorld final : public World {
public:
    explicit SqlWorld(QSqlDatabase db);
    ~SqlWorld() override;
    Q_DISABLE_COPY_MOVE(SqlWorld)

    [[nodiscard]] const Entity *find(const QString &guid) const override;
    void put(const Entity &entity) override;
    [[nodiscard]] QStringList parentsOf(const QString &memberGuid) const override;

    // Sets the state an entity had at some earlier point (late-event re-projection): nullopt
    // means it did not exist then.
    void restore(const QString &guid, std::optional<Entity> state);
    // Who created an entity first put by the current event (stored in entities.created_by).
    void setCreator(const QString &guid, const QString &userId);

    // Writes every changed entity, its memberships and any data key not yet in data_keys (schema
    // v8). Call inside a transaction.
    [[nodiscard]] Status flush();
    // Forgets the overlay (after a rollback).
    void discard();
    // Any SQL error met by find()/parentsOf() since the last flush/discard (they cannot return one).
    [[nodiscard]] const std::optional<Error> &readError() const { return m_readError; }
    [[nodiscard]] qsizetype overlaySize() const { return m_overlay.size(); }

private:
    struct Slot {
        std::optional<Entity> entity; // nullopt: absent
        bool dirty = false;
    };
    Slot *load(const QString &guid) const;
    void indexGroup(const QString &groupGuid, const std::optional<Entity> &state);

    QSqlDatabase m_db;
    mutable QHash<QString, Slot> m_overlay;
    // member guid -> overlay groups that (live) list it
    mutable QHash<QString, QSet<QString>> m_overlayParents;
    QHash<QString, QString> m_creators;
    // Entities that were groups as stored: their membership rows must be rewritten.
    mutable QSet<QString> m_storedGroups;
    mutable std::optional<Error> m_readError;
    struct Statements;
    std::unique_ptr<Statements> m_statements;
};

} // namespace fieldledger::core
