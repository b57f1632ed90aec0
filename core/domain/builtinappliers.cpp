#include "core/domain/builtinappliers.h"

#include "core/domain/applierregistry.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

const QString kMembers = u"members"_s;
const QString kGuid = u"guid"_s;
const QString kType = u"type"_s;
const QString kMemberId = u"memberId"_s;
const QString kMemberIds = u"memberIds"_s;
const QString kToGroupGuid = u"toGroupGuid"_s;
const QString kNewGroupGuid = u"newGroupGuid"_s;
const QString kNewGroupData = u"newGroupData"_s;
const QString kHeadId = u"headId"_s;
const QString kDuplicates = u"duplicates"_s;
const QString kEntityGuid = u"entityGuid"_s;
const QString kDuplicateGuid = u"duplicateGuid"_s;
const QString kShouldDelete = u"shouldDelete"_s;

// A non-empty string member of `object`, or a null QString.
QString stringMember(const QJsonObject &object, const QString &key)
{
    const auto it = object.constFind(key);
    if (it == object.constEnd() || !it->isString())
        return QString();
    return it->toString();
}

// The non-empty strings of an array member, in order, each once.
QStringList stringList(const QJsonObject &object, const QString &key)
{
    QStringList result;
    const auto it = object.constFind(key);
    if (it == object.constEnd() || !it->isArray())
        return result;
    const QJsonArray array = it->toArray();
    result.reserve(array.size());
    for (const QJsonValue &value : array) {
        QString text = value.toString();
        if (!text.isEmpty() && !result.contains(text))
            result.append(std::move(text));
    }
    return result;
}

QString describe(const Entity &entity)
{
    return entityTypeName(entity.type) + u' ' + entity.guid;
}

// Shared by the create-/update- pairs: create or merge, then the group's inline members.
void applyCreateOrUpdate(ApplyContext &context, EntityType type)
{
    const Event &event = context.event();
    builtin::Target target = builtin::prepareTarget(context, type);
    const bool group = type == EntityType::Group;
    builtin::mergeFields(*target.entity, event.data, group ? QStringView(kMembers) : QStringView());
    if (group && target.matches) {
        const auto members = event.data.constFind(kMembers);
        if (members != event.data.constEnd())
            builtin::addMembers(context, event.entityGuid, *members);
    }
}

} // namespace

namespace builtin {

Target prepareTarget(ApplyContext &context, EntityType expected)
{
    const Event &event = context.event();
    Target target;
    target.entity = context.changeIfExists(event.entityGuid);
    if (!target.entity) {
        target.entity = &context.create(event.entityGuid, expected);
        target.created = true;
        return target;
    }
    if (target.entity->type != expected) {
        target.matches = false;
        context.anomaly(AnomalyKind::TypeMismatch, event.entityGuid,
                        u"%1 expects an entity of type %2, but %3 is of type %4: fields merged, "
                        "membership skipped"_s.arg(event.type, entityTypeName(expected), event.entityGuid,
                                                   entityTypeName(target.entity->type)));
    }
    if (target.entity->deleted) {
        context.anomaly(AnomalyKind::TargetDeleted, event.entityGuid,
                        u"%1 applied to %2, which is deleted and stays deleted"_s.arg(
                            event.type, describe(*target.entity)));
    }
    return target;
}

void mergeFields(Entity &entity, const QJsonObject &fields, QStringView skipKey)
{
    if (fields.isEmpty())
        return;
    if (entity.data.isEmpty() && (skipKey.isNull() || !fields.contains(skipKey))) {
        // A fresh entity takes the payload as is: shares it instead of copying member by member.
        entity.data = fields;
        return;
    }
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!skipKey.isNull() && it.key() == skipKey)
            continue;
        entity.data.insert(it.key(), it.value());
    }
}

bool linkMember(ApplyContext &context, const QString &groupGuid, const QString &memberGuid)
{
    if (groupGuid == memberGuid)
        return false;
    const Entity *group = context.entity(groupGuid);
    if (!group || group->memberIds.contains(memberGuid))
        return false;
    context.change(groupGuid).memberIds.append(memberGuid);
    return true;
}

bool unlinkMember(ApplyContext &context, const QString &groupGuid, const QString &memberGuid)
{
    const Entity *group = context.entity(groupGuid);
    if (!group || !group->memberIds.contains(memberGuid))
        return false;
    context.change(groupGuid).memberIds.removeAll(memberGuid);
    return true;
}

void addMembers(ApplyContext &context, const QString &groupGuid, const QJsonValue &members)
{
    if (!members.isArray())
        return;
    const QJsonArray entries = members.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue value = entries.at(i);
        const QJsonObject entry = value.toObject();
        const QString memberGuid = stringMember(entry, kGuid);
        if (memberGuid.isEmpty()) {
            context.anomaly(
                AnomalyKind::MemberWithoutGuid, groupGuid,
                u"%1: member entry %2 has no guid and was skipped"_s.arg(context.event().type).arg(i));
            continue;
        }
        if (!context.entity(memberGuid)) {
            const bool isGroup = entry.value(kType).toString() == u"group";
            Entity &member = context.create(memberGuid, isGroup ? EntityType::Group : EntityType::Individual);
            QJsonObject fields = entry;
            fields.remove(kGuid);
            fields.remove(kType);
            fields.remove(kMembers);
            member.data = std::move(fields);
            if (isGroup) {
                const auto nested = entry.constFind(kMembers);
                if (nested != entry.constEnd())
                    addMembers(context, memberGuid, *nested);
            }
        }
        linkMember(context, groupGuid, memberGuid);
    }
}

QStringList tombstone(ApplyContext &context, const QString &guid)
{
    QStringList tombstoned;
    const Entity *root = context.entity(guid);
    if (!root)
        return tombstoned;
    if (!root->deleted) {
        context.change(guid).deleted = true;
        tombstoned.append(guid);
    }

    // Depth-first, members in memberIds order; an explicit stack so deep nesting cannot
    // exhaust the call stack. A member is checked when visited: one tombstoned earlier (before
    // this event or by it, e.g. listed twice) is left as it is and not walked.
    std::vector<QString> pending;
    const auto pushMembers = [&pending](const Entity &group) {
        for (auto it = group.memberIds.crbegin(); it != group.memberIds.crend(); ++it)
            pending.push_back(*it);
    };
    pushMembers(*context.entity(guid));
    while (!pending.empty()) {
        const QString memberGuid = std::move(pending.back());
        pending.pop_back();
        const Entity *member = context.entity(memberGuid);
        if (!member || member->deleted)
            continue;
        Entity &changed = context.change(memberGuid);
        changed.deleted = true;
        tombstoned.append(memberGuid);
        pushMembers(changed);
    }

    for (const QString &deletedGuid : std::as_const(tombstoned)) {
        const QStringList parents = context.parentsOf(deletedGuid);
        for (const QString &parent : parents)
            unlinkMember(context, parent, deletedGuid);
    }
    return tombstoned;
}

void applyIndividual(ApplyContext &context)
{
    applyCreateOrUpdate(context, EntityType::Individual);
}

void applyGroup(ApplyContext &context)
{
    applyCreateOrUpdate(context, EntityType::Group);
}

void applyAddMember(ApplyContext &context)
{
    const Event &event = context.event();
    const Target target = prepareTarget(context, EntityType::Group);
    if (!target.matches)
        return;
    const auto members = event.data.constFind(kMembers);
    if (members != event.data.constEnd())
        addMembers(context, event.entityGuid, *members);
}

void applyRemoveMember(ApplyContext &context)
{
    const Event &event = context.event();
    const Target target = prepareTarget(context, EntityType::Group);
    if (!target.matches)
        return;
    const QString single = stringMember(event.data, kMemberId);
    if (!single.isEmpty())
        target.entity->memberIds.removeAll(single);
    const QStringList several = stringList(event.data, kMemberIds);
    for (const QString &memberGuid : several)
        target.entity->memberIds.removeAll(memberGuid);
}

void applyTransferMember(ApplyContext &context)
{
    const Event &event = context.event();
    const Target target = prepareTarget(context, EntityType::Group);
    if (!target.matches)
        return;
    const QString memberGuid = stringMember(event.data, kMemberId);
    if (memberGuid.isEmpty())
        return;
    if (!target.entity->memberIds.removeAll(memberGuid)) {
        context.anomaly(AnomalyKind::NotAMember, event.entityGuid,
                        u"transfer-member: %1 is not a member of %2; it still joins %3"_s.arg(
                            memberGuid, event.entityGuid, stringMember(event.data, kToGroupGuid)));
    }

    const QString toGroupGuid = stringMember(event.data, kToGroupGuid);
    if (toGroupGuid.isEmpty())
        return;
    const Entity *destination = context.entity(toGroupGuid);
    if (!destination) {
        context.create(toGroupGuid, EntityType::Group);
    } else if (!destination->isGroup()) {
        context.anomaly(AnomalyKind::TypeMismatch, toGroupGuid,
                        u"transfer-member: destination %1 is an individual; %2 did not join it"_s.arg(
                            toGroupGuid, memberGuid));
        return;
    } else if (destination->deleted) {
        context.anomaly(
            AnomalyKind::TargetDeleted, toGroupGuid,
            u"transfer-member: destination %1 is deleted; %2 joins it anyway"_s.arg(toGroupGuid, memberGuid));
    }
    linkMember(context, toGroupGuid, memberGuid);
}

void applySplitHousehold(ApplyContext &context)
{
    const Event &event = context.event();
    const Target target = prepareTarget(context, EntityType::Group);
    if (!target.matches)
        return;
    const QString newGroupGuid = stringMember(event.data, kNewGroupGuid);
    if (newGroupGuid.isEmpty())
        return;
    const QStringList moving = stringList(event.data, kMemberIds);

    bool canJoin = true;
    if (const Entity *existing = context.entity(newGroupGuid)) {
        context.anomaly(
            AnomalyKind::Exists, newGroupGuid,
            u"split-household: new group %1 already exists (%2); the members still move there"_s.arg(
                newGroupGuid, describe(*existing)));
        if (!existing->isGroup()) {
            canJoin = false;
            context.anomaly(
                AnomalyKind::TypeMismatch, newGroupGuid,
                u"split-household: %1 is an individual; the members left %2 but joined no group"_s.arg(
                    newGroupGuid, event.entityGuid));
        }
    } else {
        Entity &created = context.create(newGroupGuid, EntityType::Group);
        created.data = event.data.value(kNewGroupData).toObject();
        const QString headId = stringMember(event.data, kHeadId);
        if (!headId.isEmpty())
            created.data.insert(kHeadId, headId);
    }

    for (const QString &memberGuid : moving) {
        target.entity->memberIds.removeAll(memberGuid);
        if (canJoin)
            linkMember(context, newGroupGuid, memberGuid);
    }
}

void applyDeleteEntity(ApplyContext &context)
{
    const Event &event = context.event();
    const Entity *current = context.entity(event.entityGuid);
    if (!current) {
        context.anomaly(AnomalyKind::UnknownEntity, event.entityGuid,
                        u"delete-entity: %1 does not exist; nothing changed"_s.arg(event.entityGuid));
        return;
    }
    if (current->deleted) {
        context.anomaly(AnomalyKind::TargetDeleted, event.entityGuid,
                        u"delete-entity: %1 is already deleted"_s.arg(describe(*current)));
        context.change(event.entityGuid); // an event always changes its target
    }
    tombstone(context, event.entityGuid);
}

void applyResolveDuplicate(ApplyContext &context)
{
    const Event &event = context.event();
    const Target target = prepareTarget(context, EntityType::Individual);
    Entity &entity = *target.entity;

    const QJsonArray pairs = event.data.value(kDuplicates).toArray();
    if (!pairs.isEmpty()) {
        const QString field = ResolvedDuplicatesField.toString();
        QJsonArray resolved = entity.data.value(field).toArray();
        const qsizetype before = resolved.size();
        for (const QJsonValue &value : pairs) {
            const QJsonObject pair = value.toObject();
            const QString entityGuid = stringMember(pair, kEntityGuid);
            const QString duplicateGuid = stringMember(pair, kDuplicateGuid);
            if (entityGuid.isEmpty() || duplicateGuid.isEmpty())
                continue;
            const QJsonObject record{{kEntityGuid, entityGuid}, {kDuplicateGuid, duplicateGuid}};
            if (!resolved.contains(record))
                resolved.append(record);
        }
        if (resolved.size() != before)
            entity.data.insert(field, resolved);
    }

    if (event.data.value(kShouldDelete).toBool() && !entity.deleted)
        tombstone(context, event.entityGuid);
}

} // namespace builtin

void registerBuiltinAppliers(ApplierRegistry &registry)
{
    using namespace builtin;
    const std::pair<QStringView, void (*)(ApplyContext &)> appliers[] = {
        {CreateIndividual, &applyIndividual},
        {UpdateIndividual, &applyIndividual},
        {CreateGroup, &applyGroup},
        {UpdateGroup, &applyGroup},
        {AddMember, &applyAddMember},
        {RemoveMember, &applyRemoveMember},
        {TransferMember, &applyTransferMember},
        {SplitHousehold, &applySplitHousehold},
        {DeleteEntity, &applyDeleteEntity},
        {ResolveDuplicate, &applyResolveDuplicate},
    };
    for (const auto &[type, function] : appliers)
        registry.replace(type.toString(), function);
}

} // namespace fieldledger::core
