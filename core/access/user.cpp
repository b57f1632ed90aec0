#include "core/access/user.h"

#include <QObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

QString roleName(Role role)
{
    switch (role) {
    case Role::Enumerator:
        return u"enumerator"_s;
    case Role::Supervisor:
        return u"supervisor"_s;
    case Role::Administrator:
        return u"administrator"_s;
    }
    return {};
}

QString roleDisplayName(Role role)
{
    switch (role) {
    case Role::Enumerator:
        return QObject::tr("Enumerator");
    case Role::Supervisor:
        return QObject::tr("Supervisor");
    case Role::Administrator:
        return QObject::tr("Administrator");
    }
    return {};
}

Result<Role> roleFromName(const QString &name)
{
    if (name == u"enumerator")
        return Role::Enumerator;
    if (name == u"supervisor")
        return Role::Supervisor;
    if (name == u"administrator")
        return Role::Administrator;
    return fail(ErrorCode::InvalidArgument,
                u"unknown role '%1' (expected enumerator, supervisor or administrator)"_s.arg(name));
}

Status validateUserId(const QString &id)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"_s);
    if (!pattern.match(id).hasMatch())
        return fail(ErrorCode::InvalidArgument,
                    u"user id '%1' is not valid: use 1 to 64 letters, digits, '.', '_', '@' or '-', "
                    "starting with a letter or digit"_s.arg(id));
    return {};
}

} // namespace fieldledger::core
