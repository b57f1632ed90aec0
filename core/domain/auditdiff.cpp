#include "core/domain/auditdiff.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

const QString kOld = u"old"_s;
const QString kNew = u"new"_s;
const QString kDeleted = u"deleted"_s;
const QString kMemberIds = u"memberIds"_s;
const QString kAdded = u"added"_s;
const QString kRemoved = u"removed"_s;

} // namespace

QString auditFieldKey(const QString &dataField)
{
    if (dataField == kDeleted || dataField == kMemberIds || dataField.startsWith(u"data."))
        return u"data."_s + dataField;
    return dataField;
}

QJsonObject diffEntities(const std::optional<Entity> &before, const Entity &after)
{
    QJsonObject changes;
    static const QJsonObject kNoData;
    const QJsonObject &oldData = before ? before->data : kNoData;
    const QJsonObject &newData = after.data;

    for (auto it = oldData.constBegin(); it != oldData.constEnd(); ++it) {
        const auto now = newData.constFind(it.key());
        if (now == newData.constEnd())
            changes.insert(auditFieldKey(it.key()), QJsonObject{{kOld, it.value()}});
        else if (*now != it.value())
            changes.insert(auditFieldKey(it.key()), QJsonObject{{kOld, it.value()}, {kNew, *now}});
    }
    for (auto it = newData.constBegin(); it != newData.constEnd(); ++it) {
        if (!oldData.contains(it.key()))
            changes.insert(auditFieldKey(it.key()), QJsonObject{{kNew, it.value()}});
    }

    const bool wasDeleted = before && before->deleted;
    if (wasDeleted != after.deleted)
        changes.insert(kDeleted, QJsonObject{{kOld, wasDeleted}, {kNew, after.deleted}});

    static const QStringList kNoMembers;
    const QStringList &oldMembers = before ? before->memberIds : kNoMembers;
    if (oldMembers != after.memberIds) {
        const QSet<QString> oldSet(oldMembers.cbegin(), oldMembers.cend());
        const QSet<QString> newSet(after.memberIds.cbegin(), after.memberIds.cend());
        QJsonArray added;
        for (const QString &id : after.memberIds) {
            if (!oldSet.contains(id))
                added.append(id);
        }
        QJsonArray removed;
        for (const QString &id : oldMembers) {
            if (!newSet.contains(id))
                removed.append(id);
        }
        QJsonObject members;
        if (!added.isEmpty())
            members.insert(kAdded, added);
        if (!removed.isEmpty())
            members.insert(kRemoved, removed);
        if (!members.isEmpty())
            changes.insert(kMemberIds, members);
    }
    return changes;
}

QJsonObject auditEntry(qint64 seq, const Event &event, const EntityChange &change)
{
    QJsonObject entry{
        {u"seq"_s, seq},
        {u"eventGuid"_s, event.guid},
        {u"type"_s, event.type},
        {u"timestamp"_s, event.timestamp},
        {u"userId"_s, event.userId},
        {u"changes"_s, diffEntities(change.before, change.after)},
    };
    if (event.context) {
        const QJsonValue reason = event.context->value(u"reason"_s);
        if (reason.isString())
            entry.insert(u"reason"_s, reason);
    }
    return entry;
}

} // namespace fieldledger::core
