#include "core/storage/sqlworld.h"

#include "core/storage/sqlerror.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

} // namespace

struct SqlWorld::Statements {
    explicit Statements(const QSqlDatabase &db)
        : select(db)
        , parents(db)
        , upsert(db)
        , remove(db)
        , clearMemberships(db)
        , addMembership(db)
        , addDataKey(db)
    {
        select.prepare(u"SELECT body FROM entities WHERE guid = ?"_s);
        parents.prepare(u"SELECT group_guid FROM memberships WHERE member_guid = ?"_s);
        upsert.prepare(u"INSERT INTO entities (guid, type, deleted, created_by, body) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (guid) DO UPDATE SET type = excluded.type, deleted = excluded.deleted, "
                       "body = excluded.body, created_by = CASE WHEN excluded.created_by <> '' "
                       "THEN excluded.created_by ELSE entities.created_by END"_s);
        remove.prepare(u"DELETE FROM entities WHERE guid = ?"_s);
        clearMemberships.prepare(u"DELETE FROM memberships WHERE group_guid = ?"_s);
        addMembership.prepare(u"INSERT OR IGNORE INTO memberships (member_guid, group_guid) VALUES (?, ?)"_s);
        addDataKey.prepare(u"INSERT OR IGNORE INTO data_keys (entity_type, key) VALUES (?, ?)"_s);
    }
    QSqlQuery select;
    QSqlQuery parents;
    QSqlQuery upsert;
    QSqlQuery remove;
    QSqlQuery clearMemberships;
    QSqlQuery addMembership;
    QSqlQuery addDataKey;
};

SqlWorld::SqlWorld(QSqlDatabase db)
    : m_db(std::move(db))
    , m_statements(std::make_unique<Statements>(m_db))
{
}

SqlWorld::~SqlWorld() = default;

SqlWorld::Slot *SqlWorld::load(const QString &guid) const
{
    auto it = m_overlay.find(guid);
    if (it != m_overlay.end())
        return &it.value();
    Slot slot;
    QSqlQuery &query = m_statements->select;
    query.bindValue(0, guid);
    if (!query.exec()) {
        m_readError = sqlError(u"cannot read entity %1"_s.arg(guid), query.lastError());
    } else if (query.next()) {
        const QByteArray body = query.value(0).toByteArray();
        auto entity = Entity::fromJson(QJsonDocument::fromJson(body).object());
        if (entity)
            slot.entity = std::move(*entity);
        else
            m_readError =
                Error{ErrorCode::Corrupt, u"entity %1 is damaged: %2"_s.arg(guid, entity.error().message)};
    }
    query.finish();
    if (slot.entity && slot.entity->isGroup())
        m_storedGroups.insert(guid);
    if (slot.entity && slot.entity->isGroup() && !slot.entity->deleted) {
        for (const QString &member : slot.entity->memberIds)
            m_overlayParents[member].insert(guid);
    }
    return &m_overlay.insert(guid, std::move(slot)).value();
}

const Entity *SqlWorld::find(const QString &guid) const
{
    Slot *slot = load(guid);
    return slot->entity ? &*slot->entity : nullptr;
}

void SqlWorld::indexGroup(const QString &groupGuid, const std::optional<Entity> &state)
{
    // Drop the old overlay listing of this group, then add the new one.
    auto oldIt = m_overlay.constFind(groupGuid);
    if (oldIt != m_overlay.constEnd() && oldIt->entity && oldIt->entity->isGroup()) {
        for (const QString &member : oldIt->entity->memberIds) {
            auto parents = m_overlayParents.find(member);
            if (parents != m_overlayParents.end())
                parents->remove(groupGuid);
        }
    }
    if (state && state->isGroup() && !state->deleted) {
        for (const QString &member : state->memberIds)
            m_overlayParents[member].insert(groupGuid);
    }
}

void SqlWorld::put(const Entity &entity)
{
    load(entity.guid); // so the overlay knows the stored state it replaces
    indexGroup(entity.guid, entity);
    Slot &slot = m_overlay[entity.guid];
    slot.entity = entity;
    slot.dirty = true;
}

void SqlWorld::restore(const QString &guid, std::optional<Entity> state)
{
    load(guid);
    indexGroup(guid, state);
    Slot &slot = m_overlay[guid];
    slot.entity = std::move(state);
    slot.dirty = true;
}

void SqlWorld::setCreator(const QString &guid, const QString &userId)
{
    m_creators.insert(guid, userId);
}

QStringList SqlWorld::parentsOf(const QString &memberGuid) const
{
    QSet<QString> result;
    QSqlQuery &query = m_statements->parents;
    query.bindValue(0, memberGuid);
    if (!query.exec()) {
        m_readError = sqlError(u"cannot read memberships"_s, query.lastError());
    } else {
        while (query.next()) {
            const QString group = query.value(0).toString();
            if (!m_overlay.contains(group)) // the overlay's own view of a group wins
                result.insert(group);
        }
    }
    query.finish();
    if (auto it = m_overlayParents.constFind(memberGuid); it != m_overlayParents.constEnd())
        result.unite(*it);
    QStringList sorted(result.begin(), result.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

Status SqlWorld::flush()
{
    if (m_readError) {
        Error error = *m_readError;
        return std::unexpected(error);
    }
    Statements &s = *m_statements;
    QSet<QString> dataKeys[2]; // [individual, group]: each key written once per flush
    for (auto it = m_overlay.cbegin(); it != m_overlay.cend(); ++it) {
        if (!it->dirty)
            continue;
        const QString &guid = it.key();
        // Only a group lists members; an individual has no rows to clear.
        const bool wasOrIsGroup = (it->entity && it->entity->isGroup()) || m_storedGroups.contains(guid);
        s.clearMemberships.bindValue(0, guid);
        if (wasOrIsGroup && !s.clearMemberships.exec())
            return std::unexpected(
                sqlError(u"cannot update memberships of %1"_s.arg(guid), s.clearMemberships.lastError()));
        if (!it->entity) {
            s.remove.bindValue(0, guid);
            if (!s.remove.exec())
                return std::unexpected(
                    sqlError(u"cannot remove entity %1"_s.arg(guid), s.remove.lastError()));
            continue;
        }
        const Entity &entity = *it->entity;
        s.upsert.bindValue(0, guid);
        s.upsert.bindValue(1, entityTypeName(entity.type));
        s.upsert.bindValue(2, entity.deleted ? 1 : 0);
        s.upsert.bindValue(3, m_creators.value(guid, u""_s));
        s.upsert.bindValue(4, entity.canonicalJson());
        if (!s.upsert.exec())
            return std::unexpected(sqlError(u"cannot write entity %1"_s.arg(guid), s.upsert.lastError()));
        for (auto key = entity.data.constBegin(); key != entity.data.constEnd(); ++key)
            dataKeys[entity.isGroup() ? 1 : 0].insert(key.key());
        if (entity.isGroup() && !entity.deleted) {
            for (const QString &member : entity.memberIds) {
                s.addMembership.bindValue(0, member);
                s.addMembership.bindValue(1, guid);
                if (!s.addMembership.exec())
                    return std::unexpected(sqlError(u"cannot update memberships of %1"_s.arg(guid),
                                                    s.addMembership.lastError()));
            }
        }
    }
    for (const EntityType type : {EntityType::Individual, EntityType::Group}) {
        for (const QString &key : std::as_const(dataKeys[type == EntityType::Group ? 1 : 0])) {
            s.addDataKey.bindValue(0, entityTypeName(type));
            s.addDataKey.bindValue(1, key);
            if (!s.addDataKey.exec())
                return std::unexpected(
                    sqlError(u"cannot record the data key %1"_s.arg(key), s.addDataKey.lastError()));
        }
    }
    discard();
    return {};
}

void SqlWorld::discard()
{
    m_overlay.clear();
    m_overlayParents.clear();
    m_creators.clear();
    m_storedGroups.clear();
    m_readError.reset();
}

} // namespace fieldledger::core
