#include "core/exchange/householdprofile.h"

#include "core/events/canonicaljson.h"
#include "core/events/timestamp.h"
#include "core/integrity/hash.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

QString firstText(const QJsonObject &data, std::initializer_list<QString> keys)
{
    for (const QString &key : keys) {
        const QJsonValue value = data.value(key);
        if (!value.isUndefined() && !value.isNull())
            return displayText(value);
    }
    return {};
}

ProfileEvent profileEvent(const QJsonObject &entry)
{
    ProfileEvent event;
    event.seq = entry.value(u"seq"_s).toInteger(-1);
    event.eventGuid = entry.value(u"eventGuid"_s).toString();
    event.type = entry.value(u"type"_s).toString();
    event.timestamp = entry.value(u"timestamp"_s).toString();
    event.userId = entry.value(u"userId"_s).toString();
    event.reason = entry.value(u"reason"_s).toString();
    event.late = entry.value(u"late"_s).toBool();
    const QJsonObject changes = entry.value(u"changes"_s).toObject();
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const QJsonObject change = it.value().toObject();
        ProfileChange item;
        item.field = it.key();
        const bool members = it.key() == u"memberIds";
        const QString oldKey = members ? u"removed"_s : u"old"_s;
        const QString newKey = members ? u"added"_s : u"new"_s;
        if (change.contains(oldKey))
            item.oldValue = change.value(oldKey);
        if (change.contains(newKey))
            item.newValue = change.value(newKey);
        event.changes.append(std::move(item));
    }
    return event;
}

} // namespace

QString displayText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        auto json = canonicalJson(value);
        return json ? QString::fromUtf8(*json) : QString::number(value.toDouble(), 'g', 17);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
    case QJsonValue::Object: {
        auto json = canonicalJson(value);
        return json ? QString::fromUtf8(*json) : QString();
    }
    }
    return {};
}

Result<HouseholdProfile> householdProfile(Ledger &ledger, const QString &guid, std::optional<qint64> asOfNs,
                                          const QStringList &preferredFields)
{
    auto state = asOfNs ? ledger.entityAt(guid, *asOfNs) : ledger.entity(guid);
    if (!state)
        return std::unexpected(state.error());
    if (!*state)
        return fail(ErrorCode::NotFound,
                    asOfNs ? u"no household %1 as of %2"_s.arg(
                                 guid, Timestamp::fromNsSinceEpoch(*asOfNs).toUtcMillisString())
                           : u"no household %1"_s.arg(guid));
    if (!(*state)->isGroup())
        return fail(ErrorCode::InvalidArgument, u"%1 is an individual, not a household"_s.arg(guid));

    HouseholdProfile profile;
    profile.household = std::move(**state);
    profile.asOfNs = asOfNs;

    QSet<QString> taken;
    for (const QString &key : preferredFields) {
        if (profile.household.data.contains(key) && !taken.contains(key)) {
            profile.fieldOrder.append(key);
            taken.insert(key);
        }
    }
    QStringList rest;
    for (auto it = profile.household.data.constBegin(); it != profile.household.data.constEnd(); ++it) {
        if (!taken.contains(it.key()))
            rest.append(it.key());
    }
    std::sort(rest.begin(), rest.end());
    profile.fieldOrder.append(rest);

    for (const QString &memberGuid : std::as_const(profile.household.memberIds)) {
        ProfileMember member;
        member.guid = memberGuid;
        auto memberState = asOfNs ? ledger.entityAt(memberGuid, *asOfNs) : ledger.entity(memberGuid);
        if (!memberState && memberState.error().code != ErrorCode::PermissionDenied)
            return std::unexpected(memberState.error());
        if (memberState && *memberState) {
            const Entity &person = **memberState;
            member.found = true;
            member.isGroup = person.isGroup();
            member.data = person.data;
            member.name = firstText(person.data, {u"name"_s, u"full_name"_s});
            member.sex = firstText(person.data, {u"sex"_s, u"gender"_s});
            member.birthDate = firstText(person.data, {u"birth_date"_s, u"dob"_s});
            member.age = firstText(person.data, {u"age"_s, u"age_years"_s});
            member.relationship = firstText(person.data, {u"relationship"_s});
        }
        profile.members.append(std::move(member));
    }

    auto trail = ledger.history(guid);
    if (!trail)
        return std::unexpected(trail.error());
    for (const QJsonValue &value : std::as_const(*trail)) {
        ProfileEvent event = profileEvent(value.toObject());
        if (asOfNs) {
            auto instant = Timestamp::parseInstantNs(event.timestamp);
            if (!instant)
                return std::unexpected(instant.error());
            if (*instant > *asOfNs)
                continue;
        }
        if (event.seq > profile.lastEventSeq) {
            profile.lastEventSeq = event.seq;
            profile.lastEventGuid = event.eventGuid;
        }
        profile.timeline.append(std::move(event));
    }

    profile.logSize = ledger.log().size();
    auto root = ledger.rootAt(profile.logSize);
    if (!root)
        return std::unexpected(root.error());
    profile.rootHex = toHex(*root);
    return profile;
}

} // namespace fieldledger::core
