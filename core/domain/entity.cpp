#include "core/domain/entity.h"

#include "core/events/canonicaljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

QString entityTypeName(EntityType type)
{
    return type == EntityType::Group ? u"group"_s : u"individual"_s;
}

std::optional<EntityType> entityTypeFromName(QStringView name)
{
    if (name == u"individual")
        return EntityType::Individual;
    if (name == u"group")
        return EntityType::Group;
    return std::nullopt;
}

QJsonObject Entity::toJson() const
{
    QJsonObject json{
        {u"guid"_s, guid}, {u"type"_s, entityTypeName(type)}, {u"version"_s, version},
        {u"data"_s, data}, {u"lastUpdated"_s, lastUpdated},   {u"deleted"_s, deleted},
    };
    if (isGroup())
        json.insert(u"memberIds"_s, QJsonArray::fromStringList(memberIds));
    return json;
}

QByteArray Entity::canonicalJson() const
{
    // toJson()'s members written straight in JCS order (data, deleted, guid, lastUpdated,
    // memberIds, type, version) rather than through a QJsonObject: every entity written to the
    // projections, and every before-image kept in effects, comes through here.
    QByteArray out;
    out.reserve(256);
    bool ok = true;
    out.append("{\"data\":");
    ok = ok && appendCanonicalJson(out, data).has_value();
    out.append(deleted ? ",\"deleted\":true,\"guid\":" : ",\"deleted\":false,\"guid\":");
    ok = ok && appendCanonicalString(out, guid).has_value();
    out.append(",\"lastUpdated\":");
    ok = ok && appendCanonicalString(out, lastUpdated).has_value();
    if (isGroup()) {
        out.append(",\"memberIds\":[");
        for (qsizetype i = 0; ok && i < memberIds.size(); ++i) {
            if (i > 0)
                out.append(',');
            ok = appendCanonicalString(out, memberIds[i]).has_value();
        }
        out.append(']');
    }
    out.append(isGroup() ? ",\"type\":\"group\",\"version\":" : ",\"type\":\"individual\",\"version\":");
    ok = ok && appendCanonicalNumber(out, double(version)).has_value();
    out.append('}');
    if (ok)
        return out;
    Result<QByteArray> bytes = core::canonicalJson(toJson());
    if (bytes)
        return *std::move(bytes);
    // Unreachable for entities built from accepted events: their values come from events,
    // whose canonical form exists. Still deterministic, never empty.
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<Entity> Entity::fromJson(const QJsonObject &json)
{
    static constexpr QLatin1StringView known[] = {"guid"_L1,      "type"_L1,        "version"_L1, "data"_L1,
                                                  "memberIds"_L1, "lastUpdated"_L1, "deleted"_L1};
    // Counting the known members found is cheaper than hashing every key (every export reads
    // every entity through here); only an entity with some other member is looked at key by key.
    qsizetype found = 0;
    for (const QLatin1StringView key : known)
        found += json.contains(key) ? 1 : 0;
    if (found != json.size()) {
        for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
            if (std::find(std::begin(known), std::end(known), it.key()) == std::end(known))
                return fail(ErrorCode::InvalidArgument, u"entity: unknown member \"%1\""_s.arg(it.key()));
        }
    }

    Entity entity;
    const QJsonValue guid = json.value(u"guid"_s);
    if (!guid.isString() || guid.toString().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"entity: guid must be a non-empty string"_s);
    entity.guid = guid.toString();

    const std::optional<EntityType> type = entityTypeFromName(json.value(u"type"_s).toString());
    if (!type)
        return fail(ErrorCode::InvalidArgument,
                    u"entity %1: type must be \"individual\" or \"group\""_s.arg(entity.guid));
    entity.type = *type;

    // toInt() falls back to 0 for a fraction or anything out of int range.
    entity.version = json.value(u"version"_s).toInt(0);
    if (entity.version < 1)
        return fail(ErrorCode::InvalidArgument,
                    u"entity %1: version must be an integer >= 1"_s.arg(entity.guid));

    const QJsonValue data = json.value(u"data"_s);
    if (!data.isObject())
        return fail(ErrorCode::InvalidArgument, u"entity %1: data must be an object"_s.arg(entity.guid));
    entity.data = data.toObject();

    const QJsonValue lastUpdated = json.value(u"lastUpdated"_s);
    if (!lastUpdated.isString())
        return fail(ErrorCode::InvalidArgument,
                    u"entity %1: lastUpdated must be a string"_s.arg(entity.guid));
    entity.lastUpdated = lastUpdated.toString();

    const QJsonValue deleted = json.value(u"deleted"_s);
    if (!deleted.isBool())
        return fail(ErrorCode::InvalidArgument, u"entity %1: deleted must be a boolean"_s.arg(entity.guid));
    entity.deleted = deleted.toBool();

    const QJsonValue memberIds = json.value(u"memberIds"_s);
    if (entity.isGroup()) {
        if (!memberIds.isArray())
            return fail(ErrorCode::InvalidArgument,
                        u"group %1: memberIds must be an array"_s.arg(entity.guid));
        const QJsonArray ids = memberIds.toArray();
        QSet<QString> seen;
        seen.reserve(ids.size());
        entity.memberIds.reserve(ids.size());
        for (const QJsonValue &id : ids) {
            if (!id.isString() || id.toString().isEmpty())
                return fail(ErrorCode::InvalidArgument,
                            u"group %1: memberIds must hold non-empty strings"_s.arg(entity.guid));
            const QString member = id.toString();
            if (seen.contains(member))
                return fail(ErrorCode::InvalidArgument,
                            u"group %1: member %2 is listed twice"_s.arg(entity.guid, member));
            seen.insert(member);
            entity.memberIds.append(member);
        }
    } else if (!memberIds.isUndefined()) {
        return fail(ErrorCode::InvalidArgument, u"individual %1 cannot have memberIds"_s.arg(entity.guid));
    }
    return entity;
}

} // namespace fieldledger::core
