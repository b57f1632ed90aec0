#include "ui/households/householdcommands.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace fieldledger::ui::householdcommands {
namespace {

core::Command make(const QString &type, const QString &entityGuid, QJsonObject data)
{
    core::Command command;
    command.type = type;
    command.entityGuid = entityGuid;
    command.data = std::move(data);
    return command;
}

QJsonObject why(const QString &reason, const QString &note = {})
{
    QJsonObject context{{u"reason"_s, reason}};
    if (!note.trimmed().isEmpty())
        context.insert(u"note"_s, note.trimmed());
    return context;
}

} // namespace

core::Command fromForm(const QString &eventType, const QString &entityGuid, const QJsonObject &data,
                       const QJsonObject &metadata, const QStringList &contextKeys)
{
    core::Command command = make(eventType, entityGuid, data);
    if (!metadata.isEmpty())
        command.metadata = metadata;
    QJsonObject context;
    for (const QString &key : contextKeys) {
        const QJsonValue value = data.value(key);
        if (!value.isUndefined() && !value.isNull())
            context.insert(key, value);
    }
    if (!context.isEmpty())
        command.context = context;
    return command;
}

core::Command transferMember(const QString &household, const QString &memberGuid, const QString &toHousehold,
                             const QString &reason)
{
    core::Command command =
        make(u"transfer-member"_s, household, {{u"memberId"_s, memberGuid}, {u"toGroupGuid"_s, toHousehold}});
    command.context = why(reason);
    return command;
}

core::Command splitHousehold(const QString &household, const QStringList &memberGuids,
                             const QString &newHousehold, const QJsonObject &newData, const QString &headGuid)
{
    QJsonObject data{{u"memberIds"_s, QJsonArray::fromStringList(memberGuids)},
                     {u"newGroupGuid"_s, newHousehold},
                     {u"newGroupData"_s, newData}};
    if (!headGuid.isEmpty())
        data.insert(u"headId"_s, headGuid);
    core::Command command = make(u"split-household"_s, household, std::move(data));
    command.context = why(u"split"_s);
    return command;
}

core::Command changeHead(const QString &household, const QString &memberGuid)
{
    core::Command command = make(u"update-group"_s, household, {{u"headId"_s, memberGuid}});
    command.context = why(u"head-changed"_s);
    return command;
}

core::Command deleteHousehold(const QString &household, const QString &reason, const QString &note)
{
    core::Command command = make(u"delete-entity"_s, household, {});
    command.context = why(reason, note);
    return command;
}

QJsonObject sharedLocation(const QJsonObject &householdData)
{
    QJsonObject location;
    for (const QString &key : {u"region"_s, u"district"_s, u"village"_s, u"gps"_s}) {
        const QJsonValue value = householdData.value(key);
        if (!value.isUndefined() && !value.isNull())
            location.insert(key, value);
    }
    return location;
}

} // namespace fieldledger::ui::householdcommands
