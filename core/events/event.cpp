#include "core/events/event.h"

#include "core/events/canonicaljson.h"
#include "core/events/timestamp.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <climits>
#include <cmath>
#include <string_view>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

// Member names, in JCS order (all ASCII, so UTF-16 and byte order agree).
constexpr QStringView memberContext = u"context";
constexpr QStringView memberData = u"data";
constexpr QStringView memberEntityGuid = u"entityGuid";
constexpr QStringView memberGuid = u"guid";
constexpr QStringView memberId = u"id";
constexpr QStringView memberMetadata = u"metadata";
constexpr QStringView memberSyncLevel = u"syncLevel";
constexpr QStringView memberTimestamp = u"timestamp";
constexpr QStringView memberType = u"type";
constexpr QStringView memberUserId = u"userId";
constexpr QStringView memberVersion = u"version";

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"undefined"_s;
}

// A value as shown in a message: JSON-ish, and short.
QString shown(const QJsonValue &value)
{
    QString text;
    switch (value.type()) {
    case QJsonValue::String:
        text = u"'"_s + value.toString() + u"'"_s;
        break;
    case QJsonValue::Double:
        text = QString::fromLatin1(canonicalNumber(value.toDouble()).value_or(QByteArrayLiteral("NaN")));
        break;
    case QJsonValue::Bool:
        text = value.toBool() ? u"true"_s : u"false"_s;
        break;
    default:
        return typeName(value);
    }
    if (text.size() > 80)
        text = text.first(77) + u"..."_s;
    return text;
}

std::unexpected<Error> invalid(QString message)
{
    return fail(ErrorCode::InvalidArgument, std::move(message));
}

qsizetype codePointCount(QStringView text)
{
    qsizetype count = text.size();
    for (const QChar c : text) {
        if (c.isLowSurrogate())
            --count;
    }
    return count;
}

// ^[a-z0-9]+(-[a-z0-9]+)*$
bool isValidTypeName(QStringView type)
{
    bool afterDash = true; // at the start, as after a dash: a word must follow
    for (const QChar c : type) {
        const char16_t u = c.unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')) {
            afterDash = false;
        } else if (u == u'-' && !afterDash) {
            afterDash = true;
        } else {
            return false;
        }
    }
    return !afterDash;
}

// An integral JSON number in [min, max], or nothing.
std::optional<int> integralIn(const QJsonValue &value, int min, int max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!(d >= min && d <= max) || d != std::floor(d))
        return std::nullopt;
    return static_cast<int>(d);
}

Status appendMember(QByteArray &out, std::string_view nameAndColon, QStringView name,
                    const QJsonObject &object)
{
    out.append(nameAndColon.data(), qsizetype(nameAndColon.size()));
    if (auto status = appendCanonicalJson(out, object); !status)
        return invalid(u"member '%1': %2"_s.arg(name, status.error().message));
    return {};
}

Status appendMember(QByteArray &out, std::string_view nameAndColon, QStringView name, const QString &text)
{
    out.append(nameAndColon.data(), qsizetype(nameAndColon.size()));
    if (auto status = appendCanonicalString(out, text); !status)
        return invalid(u"member '%1': %2"_s.arg(name, status.error().message));
    return {};
}

} // namespace

std::strong_ordering compareUtf8Order(QStringView a, QStringView b) noexcept
{
    // UTF-8 byte order is code point order. UTF-16 code unit order agrees with it except that
    // surrogates (U+D800..U+DFFF, i.e. characters beyond U+FFFF) must sort after
    // U+E000..U+FFFF: move them up at the first difference.
    const auto rank = [](char16_t c) -> quint32 {
        if (c < 0xD800)
            return c;
        return c >= 0xE000 ? quint32(c) - 0x800 : quint32(c) + 0x2000;
    };
    const qsizetype common = std::min(a.size(), b.size());
    const char16_t *pa = a.utf16();
    const char16_t *pb = b.utf16();
    for (qsizetype i = 0; i < common; ++i) {
        if (pa[i] != pb[i])
            return rank(pa[i]) <=> rank(pb[i]);
    }
    return a.size() <=> b.size();
}

namespace {

// The content rules, shared by fromObject and validate(). The JSON type of each member has
// been checked by then.
Status checkGuid(QStringView name, const QString &value)
{
    if (value.isEmpty())
        return invalid(u"member '%1' must not be empty"_s.arg(name));
    if (value.size() > maxGuidLength && codePointCount(value) > maxGuidLength) {
        return invalid(u"member '%1' is longer than %2 characters (%3)"_s.arg(name)
                           .arg(maxGuidLength)
                           .arg(codePointCount(value)));
    }
    return {};
}

Status checkType(const QString &type)
{
    if (type.isEmpty())
        return invalid(u"member 'type' must not be empty"_s);
    if (!isValidTypeName(type)) {
        return invalid(
            u"member 'type' must be lower-case words joined by '-' (^[a-z0-9]+(-[a-z0-9]+)*$), not %1"_s.arg(
                shown(type)));
    }
    return {};
}

Result<qint64> checkTimestamp(const QString &timestamp)
{
    auto instant = Timestamp::parseInstantNs(timestamp);
    if (!instant)
        return invalid(u"member 'timestamp': "_s + instant.error().message);
    return instant;
}

Status checkUserId(const QString &userId)
{
    if (userId.isEmpty())
        return invalid(u"member 'userId' must not be empty"_s);
    return {};
}

// A required string member, type-checked.
Result<QString> stringMember(const QJsonValue &value, QStringView name)
{
    if (value.isUndefined())
        return invalid(u"missing member '%1'"_s.arg(name));
    if (!value.isString())
        return invalid(u"member '%1' must be a string, not %2"_s.arg(name, typeName(value)));
    return value.toString();
}

Result<QByteArray> buildCanonical(const Event &event)
{
    // Written member by member in JCS order, syncLevel left out.
    QByteArray out;
    out.reserve(256 + event.data.size() * 32);
    out.append('{');
    if (event.context) {
        if (auto status = appendMember(out, "\"context\":", memberContext, *event.context); !status)
            return std::unexpected(status.error());
        out.append(',');
    }
    if (auto status = appendMember(out, "\"data\":", memberData, event.data); !status)
        return std::unexpected(status.error());
    if (auto status = appendMember(out, ",\"entityGuid\":", memberEntityGuid, event.entityGuid); !status)
        return std::unexpected(status.error());
    if (auto status = appendMember(out, ",\"guid\":", memberGuid, event.guid); !status)
        return std::unexpected(status.error());
    if (event.metadata) {
        if (auto status = appendMember(out, ",\"metadata\":", memberMetadata, *event.metadata); !status)
            return std::unexpected(status.error());
    }
    if (auto status = appendMember(out, ",\"timestamp\":", memberTimestamp, event.timestamp); !status)
        return std::unexpected(status.error());
    if (auto status = appendMember(out, ",\"type\":", memberType, event.type); !status)
        return std::unexpected(status.error());
    if (auto status = appendMember(out, ",\"userId\":", memberUserId, event.userId); !status)
        return std::unexpected(status.error());
    if (event.version) {
        out.append(",\"version\":");
        out.append(QByteArray::number(*event.version));
    }
    out.append('}');
    return out;
}

enum class Source { Parsed, Other };

// `Parsed`: the object comes from parseJsonObject, whose scanner already refused everything
// canonicalJson could refuse, so the (costly) encodability check is skipped.
Result<Event> eventFromObject(const QJsonObject &object, const EventParseOptions &options, Source source)
{
    Event event;
    qsizetype recognised = 6; // the required members, once they are all checked

    auto guid = stringMember(object.value(memberGuid), memberGuid);
    if (!guid)
        return std::unexpected(guid.error());
    if (auto status = checkGuid(memberGuid, *guid); !status)
        return std::unexpected(status.error());
    event.guid = std::move(*guid);

    auto entityGuid = stringMember(object.value(memberEntityGuid), memberEntityGuid);
    if (!entityGuid)
        return std::unexpected(entityGuid.error());
    if (auto status = checkGuid(memberEntityGuid, *entityGuid); !status)
        return std::unexpected(status.error());
    event.entityGuid = std::move(*entityGuid);

    auto type = stringMember(object.value(memberType), memberType);
    if (!type)
        return std::unexpected(type.error());
    if (auto status = checkType(*type); !status)
        return std::unexpected(status.error());
    event.type = std::move(*type);

    const QJsonValue data = object.value(memberData);
    if (data.isUndefined())
        return invalid(u"missing member 'data'"_s);
    if (!data.isObject())
        return invalid(u"member 'data' must be an object, not %1"_s.arg(typeName(data)));
    event.data = data.toObject();

    auto timestamp = stringMember(object.value(memberTimestamp), memberTimestamp);
    if (!timestamp)
        return std::unexpected(timestamp.error());
    const auto instant = checkTimestamp(*timestamp);
    if (!instant)
        return std::unexpected(instant.error());
    event.timestamp = std::move(*timestamp);
    event.instantNs = *instant;

    auto userId = stringMember(object.value(memberUserId), memberUserId);
    if (!userId)
        return std::unexpected(userId.error());
    if (auto status = checkUserId(*userId); !status)
        return std::unexpected(status.error());
    event.userId = std::move(*userId);

    if (const QJsonValue syncLevel = object.value(memberSyncLevel); !syncLevel.isUndefined()) {
        const auto level = integralIn(syncLevel, syncLevelLocal, syncLevelExternal);
        if (!level)
            return invalid(u"member 'syncLevel' must be 0, 1 or 2, not %1"_s.arg(shown(syncLevel)));
        event.syncLevel = *level;
        ++recognised;
    }
    if (const QJsonValue version = object.value(memberVersion); !version.isUndefined()) {
        const auto number = integralIn(version, 1, INT_MAX);
        if (!number)
            return invalid(u"member 'version' must be an integer >= 1, not %1"_s.arg(shown(version)));
        event.version = *number;
        ++recognised;
    }
    if (const QJsonValue metadata = object.value(memberMetadata); !metadata.isUndefined()) {
        if (!metadata.isObject())
            return invalid(u"member 'metadata' must be an object, not %1"_s.arg(typeName(metadata)));
        event.metadata = metadata.toObject();
        ++recognised;
    }
    if (const QJsonValue context = object.value(memberContext); !context.isUndefined()) {
        if (!context.isObject())
            return invalid(u"member 'context' must be an object, not %1"_s.arg(typeName(context)));
        event.context = context.toObject();
        ++recognised;
    }
    if (options.allowIdpassId && object.contains(memberId))
        ++recognised;
    if (object.size() > recognised) {
        static constexpr QStringView known[] = {
            memberContext,   memberData,      memberEntityGuid, memberGuid,   memberMetadata,
            memberSyncLevel, memberTimestamp, memberType,       memberUserId, memberVersion,
        };
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString name = it.key();
            const bool isKnown = std::find(std::begin(known), std::end(known), name) != std::end(known);
            if (!isKnown && !(options.allowIdpassId && name == memberId))
                return invalid(u"unknown member '%1'"_s.arg(name));
        }
    }

    if (source == Source::Other) {
        if (auto canonical = buildCanonical(event); !canonical)
            return std::unexpected(canonical.error());
    }
    return event;
}

} // namespace

Result<Event> Event::fromJson(QByteArrayView line, const EventParseOptions &options)
{
    auto object = parseJsonObject(line, options.maxDepth, options.maxBytes);
    if (!object)
        return std::unexpected(object.error());
    return eventFromObject(*object, options, Source::Parsed);
}

Result<ParsedEvent> Event::parseWithCanonical(QByteArrayView line, const EventParseOptions &options)
{
    // The canonical form leaves out syncLevel, and the ID PASS row number the importer drops.
    static constexpr QByteArrayView omitted[] = {"syncLevel", "id"};
    const std::span<const QByteArrayView> omit(omitted, options.allowIdpassId ? 2 : 1);
    auto parsed = parseJsonObjectCanonical(line, omit, options.maxDepth, options.maxBytes);
    if (!parsed)
        return std::unexpected(parsed.error());
    auto event = eventFromObject(parsed->object, options, Source::Parsed);
    if (!event)
        return std::unexpected(event.error());
    return ParsedEvent{std::move(*event), std::move(parsed->canonical)};
}

Result<Event> Event::fromObject(const QJsonObject &object, const EventParseOptions &options)
{
    return eventFromObject(object, options, Source::Other);
}

Result<Event> Event::fromStored(QByteArrayView canonical, int syncLevel)
{
    EventParseOptions options;
    options.maxBytes = std::max(options.maxBytes, canonical.size());
    auto event = fromJson(canonical, options);
    if (!event)
        return fail(ErrorCode::Corrupt, u"stored event is not valid: "_s + event.error().message);
    if (event->canonicalBytes() != canonical)
        return fail(ErrorCode::Corrupt, u"stored event '%1' is not in canonical form"_s.arg(event->guid));
    if (!isValidSyncLevel(syncLevel))
        return fail(ErrorCode::Corrupt,
                    u"stored event '%1' has syncLevel %2"_s.arg(event->guid).arg(syncLevel));
    event->syncLevel = syncLevel;
    return event;
}

Result<Event> Event::make(const QString &guid, const QString &entityGuid, const QString &type,
                          const QJsonObject &data, const QString &timestamp, const QString &userId,
                          const std::optional<QJsonObject> &metadata,
                          const std::optional<QJsonObject> &context)
{
    Event event;
    event.guid = guid;
    event.entityGuid = entityGuid;
    event.type = type;
    event.data = data;
    event.timestamp = timestamp;
    event.userId = userId;
    event.metadata = metadata;
    event.context = context;
    if (auto status = event.validate(); !status)
        return std::unexpected(status.error());
    return event;
}

Status Event::validate()
{
    if (auto status = checkGuid(memberGuid, guid); !status)
        return status;
    if (auto status = checkGuid(memberEntityGuid, entityGuid); !status)
        return status;
    if (auto status = checkType(type); !status)
        return status;
    const auto instant = checkTimestamp(timestamp);
    if (!instant)
        return std::unexpected(instant.error());
    if (auto status = checkUserId(userId); !status)
        return status;
    if (!isValidSyncLevel(syncLevel))
        return invalid(u"member 'syncLevel' must be 0, 1 or 2, not %1"_s.arg(syncLevel));
    if (version && *version < 1)
        return invalid(u"member 'version' must be an integer >= 1, not %1"_s.arg(*version));
    if (auto canonical = buildCanonical(*this); !canonical)
        return std::unexpected(canonical.error());
    instantNs = *instant;
    return {};
}

QJsonObject Event::toJson(bool includeSyncLevel) const
{
    QJsonObject object;
    object.insert(memberGuid, guid);
    object.insert(memberEntityGuid, entityGuid);
    object.insert(memberType, type);
    object.insert(memberData, data);
    object.insert(memberTimestamp, timestamp);
    object.insert(memberUserId, userId);
    if (includeSyncLevel)
        object.insert(memberSyncLevel, syncLevel);
    if (version)
        object.insert(memberVersion, *version);
    if (metadata)
        object.insert(memberMetadata, *metadata);
    if (context)
        object.insert(memberContext, *context);
    return object;
}

QByteArray Event::canonicalBytes() const
{
    return buildCanonical(*this).value_or(QByteArray());
}

QByteArray Event::storedJson() const
{
    const QByteArray canonical = canonicalBytes();
    if (canonical.isEmpty())
        return {};
    return storedJsonWithSyncLevel(canonical, syncLevel);
}

QByteArray storedJsonWithSyncLevel(QByteArrayView canonical, int syncLevel)
{
    // In an event's canonical form the members after "syncLevel" are timestamp, type, userId
    // and version: the top-level ',"timestamp":"' is where syncLevel goes. It is also the last
    // occurrence of that sequence: ',"' can only start a member name or an array string (a quote
    // inside a JCS string is always escaped), a name followed by ':' is an object member, and
    // the objects that could hold another "timestamp" (context, data, metadata) all come first.
    static constexpr QByteArrayView anchor(",\"timestamp\":\"");
    const qsizetype at = canonical.lastIndexOf(anchor);
    if (at > 0 && canonical.startsWith('{') && canonical.endsWith('}')) {
        QByteArray out;
        out.reserve(canonical.size() + 24);
        out.append(canonical.first(at));
        out.append(",\"syncLevel\":");
        out.append(QByteArray::number(syncLevel));
        out.append(canonical.sliced(at));
        return out;
    }
    // Not an event's canonical form: the general way.
    QJsonParseError error;
    QJsonObject object =
        QJsonDocument::fromJson(QByteArray::fromRawData(canonical.data(), canonical.size()), &error).object();
    if (error.error != QJsonParseError::NoError)
        return {};
    object.insert(memberSyncLevel, syncLevel);
    return canonicalJson(object).value_or(QByteArray());
}

} // namespace fieldledger::core
