#include "core/access/accesscontrol.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

QString actionName(Action action)
{
    switch (action) {
    case Action::ReadEntity:
        return u"read this entity"_s;
    case Action::ListEntities:
        return u"list entities"_s;
    case Action::ReadLog:
        return u"read the event log"_s;
    case Action::Submit:
        return u"change this entity"_s;
    case Action::Import:
        return u"import events"_s;
    case Action::Replay:
        return u"rebuild the projections"_s;
    case Action::Verify:
        return u"verify the registry"_s;
    case Action::Export:
        return u"export data"_s;
    case Action::ManageUsers:
        return u"manage users"_s;
    case Action::Review:
        return u"review submissions"_s;
    }
    return {};
}

QString AccessControl::visibilityCondition(const User &user)
{
    if (user.role != Role::Enumerator)
        return u"1"_s;
    // Own or assigned entities, and members of own or assigned groups (one level of nesting
    // is looked up directly; deeper members are reached through their own group).
    return u"(e.created_by = :viewer"
           " OR EXISTS (SELECT 1 FROM assignments a WHERE a.entity_guid = e.guid AND a.user_id = :viewer)"
           " OR EXISTS (SELECT 1 FROM memberships m JOIN entities g ON g.guid = m.group_guid"
           "            WHERE m.member_guid = e.guid AND (g.created_by = :viewer OR EXISTS ("
           "              SELECT 1 FROM assignments a2 WHERE a2.entity_guid = g.guid AND a2.user_id = :viewer))))"_s;
}

Result<bool> AccessControl::canSee(const User &user, const QString &entityGuid) const
{
    if (user.role != Role::Enumerator)
        return true;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT count(*) FROM entities e WHERE e.guid = :guid AND "_s + visibilityCondition(user));
    query.bindValue(u":guid"_s, entityGuid);
    query.bindValue(u":viewer"_s, user.id);
    if (!query.exec() || !query.next())
        return fail(ErrorCode::Storage, u"cannot check access: %1"_s.arg(query.lastError().text()));
    if (query.value(0).toInt() > 0)
        return true;
    // An entity that does not exist yet belongs to whoever creates it.
    query.prepare(u"SELECT count(*) FROM entities WHERE guid = :guid"_s);
    query.bindValue(u":guid"_s, entityGuid);
    if (!query.exec() || !query.next())
        return fail(ErrorCode::Storage, u"cannot check access: %1"_s.arg(query.lastError().text()));
    return query.value(0).toInt() == 0;
}

Status AccessControl::check(const User &user, Action action, const QString &entityGuid) const
{
    auto denied = [&]() {
        return fail(ErrorCode::PermissionDenied,
                    u"permission denied: %1 '%2' may not %3%4"_s.arg(
                        roleName(user.role), user.id, actionName(action),
                        entityGuid.isEmpty() ? QString() : u" (%1)"_s.arg(entityGuid)));
    };
    if (!user.active)
        return denied();
    switch (user.role) {
    case Role::Administrator:
        return {};
    case Role::Supervisor:
        if (action == Action::ManageUsers)
            return denied();
        return {};
    case Role::Enumerator:
        break;
    }
    switch (action) {
    case Action::ListEntities:
        return {}; // filtered by visibilityCondition
    case Action::ReadEntity:
    case Action::Submit: {
        if (entityGuid.isEmpty())
            return denied();
        auto visible = canSee(user, entityGuid);
        if (!visible)
            return std::unexpected(visible.error());
        if (!*visible)
            return denied();
        return {};
    }
    case Action::Verify:
        return {}; // anyone may check that nothing was rewritten
    case Action::ReadLog:
    case Action::Import:
    case Action::Replay:
    case Action::Export:
    case Action::ManageUsers:
    case Action::Review:
        return denied();
    }
    return denied();
}

} // namespace fieldledger::core
