#include "core/events/canonicaljson.h"
#include "core/events/event.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

template<typename T>
QByteArray messageOf(const Result<T> &result)
{
    return result.has_value() ? QByteArray("(no error)") : result.error().message.toUtf8();
}

// A household created with three members, about 400 bytes: members in no particular order,
// with whitespace, as a producer might write it.
const QByteArray householdLine =
    "{\"type\": \"create-group\", \"guid\": \"6f1c2a9e-3b7d-4c1e-9a55-0d2f8e7b1c34\",\n"
    " \"entityGuid\": \"hh-1\", \"userId\": \"enum-7\", \"syncLevel\": 1,\n"
    " \"timestamp\": \"2026-11-26T11:30:00.000+02:00\",\n"
    " \"data\": {\"village\": \"Kalo\", \"name\": \"Household 1\", \"members\": [\n"
    "   {\"guid\": \"p-1\", \"name\": \"Ana\", \"age\": 34, \"head\": true},\n"
    "   {\"guid\": \"p-2\", \"name\": \"Ben\", \"age\": 36.5},\n"
    "   {\"guid\": \"p-3\", \"name\": \"Zo\\u00eb\", \"age\": 4, \"notes\": null}]},\n"
    " \"metadata\": {\"deviceId\": \"dev-1\", \"appVersion\": \"0.1.0\"},\n"
    " \"context\": {\"reason\": \"registration\"}}\r\n";

const QByteArray householdCanonical =
    "{\"context\":{\"reason\":\"registration\"},"
    "\"data\":{\"members\":[{\"age\":34,\"guid\":\"p-1\",\"head\":true,\"name\":\"Ana\"},"
    "{\"age\":36.5,\"guid\":\"p-2\",\"name\":\"Ben\"},"
    "{\"age\":4,\"guid\":\"p-3\",\"name\":\"Zo\xC3\xAB\",\"notes\":null}],"
    "\"name\":\"Household 1\",\"village\":\"Kalo\"},"
    "\"entityGuid\":\"hh-1\",\"guid\":\"6f1c2a9e-3b7d-4c1e-9a55-0d2f8e7b1c34\","
    "\"metadata\":{\"appVersion\":\"0.1.0\",\"deviceId\":\"dev-1\"},"
    "\"timestamp\":\"2026-11-26T11:30:00.000+02:00\",\"type\":\"create-group\",\"userId\":\"enum-7\"}";

QByteArray minimalLine(const QByteArray &extraMembers = {})
{
    return "{\"guid\":\"e-1\",\"entityGuid\":\"hh-1\",\"type\":\"update-group\",\"data\":{},"
           "\"timestamp\":\"2026-01-01T08:00:00Z\",\"userId\":\"u-1\"" +
           extraMembers + "}";
}

// The minimal event with one member's value replaced (or removed, for an empty value).
QByteArray withMember(const QByteArray &name, const QByteArray &value)
{
    QJsonObject object = *parseJsonObject(minimalLine());
    object.remove(QString::fromUtf8(name));
    QByteArray text = *canonicalJson(object);
    if (!value.isEmpty()) {
        text.chop(1);
        text += ",\"" + name + "\":" + value + "}";
    }
    return text;
}

} // namespace

class TestEvent final : public QObject {
    Q_OBJECT
private slots:
    void fromJson_validEvent_keepsEveryMember()
    {
        const auto event = Event::fromJson(householdLine);
        QVERIFY2(event.has_value(), messageOf(event).constData());
        QCOMPARE(event->guid, u"6f1c2a9e-3b7d-4c1e-9a55-0d2f8e7b1c34"_s);
        QCOMPARE(event->entityGuid, u"hh-1"_s);
        QCOMPARE(event->type, u"create-group"_s);
        QCOMPARE(event->timestamp, u"2026-11-26T11:30:00.000+02:00"_s); // exactly as given
        QCOMPARE(event->instantNs, qint64(1795685400) * 1'000'000'000); // 09:30Z
        QCOMPARE(event->userId, u"enum-7"_s);
        QCOMPARE(event->syncLevel, syncLevelRemote);
        QVERIFY(!event->version.has_value());
        QCOMPARE(event->effectiveVersion(), 1);
        QCOMPARE(event->data.value(u"members"_s).toArray().size(), 3);
        QCOMPARE(event->data.value(u"members"_s).toArray().at(2).toObject().value(u"name"_s).toString(),
                 u"Zo\u00eb"_s);
        QVERIFY(event->metadata.has_value());
        QCOMPARE(event->metadata->value(u"deviceId"_s).toString(), u"dev-1"_s);
        QVERIFY(event->context.has_value());
        QCOMPARE(event->context->value(u"reason"_s).toString(), u"registration"_s);
    }

    void canonicalBytes_areTheJcsFormWithoutSyncLevel()
    {
        const auto event = Event::fromJson(householdLine);
        QVERIFY(event.has_value());
        QCOMPARE(event->canonicalBytes(), householdCanonical);
        // The same as JCS of the JSON object form, and a fixed point.
        QCOMPARE(canonicalJson(event->toJson(false)).value_or(""), householdCanonical);
        const auto reread = Event::fromJson(householdCanonical);
        QVERIFY(reread.has_value());
        QCOMPARE(reread->canonicalBytes(), householdCanonical);
        QCOMPARE(reread->toJson(false), event->toJson(false));
    }

    void canonicalBytes_independentOfMemberOrderAndWhitespace()
    {
        const QByteArray reordered =
            "{ "
            "\"context\":{\"reason\":\"registration\"},\"metadata\":{\"appVersion\":\"0.1.0\",\"deviceId\":"
            "\"dev-1\"},"
            "\"userId\":\"enum-7\",\"timestamp\":\"2026-11-26T11:30:00.000+02:00\",\"entityGuid\":\"hh-1\","
            "\"data\":{\"name\":\"Household "
            "1\",\"members\":[{\"name\":\"Ana\",\"head\":true,\"guid\":\"p-1\",\"age\":34.0},"
            "{\"name\":\"Ben\",\"guid\":\"p-2\",\"age\":3.65e1},{\"notes\":null,\"name\":\"Zo\xC3\xAB\","
            "\"guid\":\"p-3\",\"age\":4}],"
            "\t\"village\":\"Kalo\"},\"guid\":\"6f1c2a9e-3b7d-4c1e-9a55-0d2f8e7b1c34\",\"type\":\"create-"
            "group\" }";
        const auto a = Event::fromJson(householdLine);
        const auto b = Event::fromJson(reordered);
        QVERIFY(a.has_value());
        QVERIFY2(b.has_value(), messageOf(b).constData());
        QCOMPARE(b->canonicalBytes(), a->canonicalBytes());
    }

    void syncLevel_isNotInTheCanonicalForm()
    {
        const auto local = Event::fromJson(minimalLine(",\"syncLevel\":0"));
        const auto external = Event::fromJson(minimalLine(",\"syncLevel\":2"));
        const auto absent = Event::fromJson(minimalLine());
        QVERIFY(local && external && absent);
        QCOMPARE(external->syncLevel, syncLevelExternal);
        QCOMPARE(absent->syncLevel, syncLevelLocal);
        QCOMPARE(local->canonicalBytes(), absent->canonicalBytes());
        QCOMPARE(external->canonicalBytes(), absent->canonicalBytes());
        QVERIFY(!absent->canonicalBytes().contains("syncLevel"));
        QVERIFY(!external->toJson(false).contains(u"syncLevel"_s));
        QCOMPARE(external->toJson(true).value(u"syncLevel"_s).toInt(), 2);
    }

    void version_absentStaysAbsent_presentIsKept()
    {
        const auto absent = Event::fromJson(minimalLine());
        QVERIFY(absent.has_value());
        QVERIFY(!absent->version.has_value());
        QVERIFY(!absent->canonicalBytes().contains("version"));
        QVERIFY(!absent->toJson(true).contains(u"version"_s));

        const auto one = Event::fromJson(minimalLine(",\"version\":1"));
        QVERIFY(one.has_value());
        QCOMPARE(one->version, std::optional<int>(1));
        QVERIFY(one->canonicalBytes().endsWith(",\"userId\":\"u-1\",\"version\":1}"));
        // Version 1 written and version 1 implied are different events.
        QVERIFY(one->canonicalBytes() != absent->canonicalBytes());

        const auto three = Event::fromJson(minimalLine(",\"version\":3.0"));
        QVERIFY(three.has_value());
        QCOMPARE(three->effectiveVersion(), 3);
        QVERIFY(three->canonicalBytes().endsWith(",\"version\":3}"));
    }

    void fromJson_violation_namesTheMember_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("message");
        const QString longGuid(129, u'g');
        QTest::newRow("missing guid") << withMember("guid", {}) << u"missing member 'guid'"_s;
        QTest::newRow("missing entityGuid")
            << withMember("entityGuid", {}) << u"missing member 'entityGuid'"_s;
        QTest::newRow("missing type") << withMember("type", {}) << u"missing member 'type'"_s;
        QTest::newRow("missing data") << withMember("data", {}) << u"missing member 'data'"_s;
        QTest::newRow("missing timestamp") << withMember("timestamp", {}) << u"missing member 'timestamp'"_s;
        QTest::newRow("missing userId") << withMember("userId", {}) << u"missing member 'userId'"_s;
        QTest::newRow("guid a number")
            << withMember("guid", "42") << u"member 'guid' must be a string, not a number"_s;
        QTest::newRow("guid null") << withMember("guid", "null")
                                   << u"member 'guid' must be a string, not null"_s;
        QTest::newRow("guid empty") << withMember("guid", "\"\"") << u"member 'guid' must not be empty"_s;
        QTest::newRow("guid too long") << withMember("guid", '"' + longGuid.toUtf8() + '"')
                                       << u"member 'guid' is longer than 128 characters (129)"_s;
        QTest::newRow("entityGuid an object")
            << withMember("entityGuid", "{}") << u"member 'entityGuid' must be a string, not an object"_s;
        QTest::newRow("entityGuid empty")
            << withMember("entityGuid", "\"\"") << u"member 'entityGuid' must not be empty"_s;
        QTest::newRow("entityGuid too long") << withMember("entityGuid", '"' + longGuid.toUtf8() + '"')
                                             << u"member 'entityGuid' is longer than 128 characters (129)"_s;
        const QString typeRule =
            u"member 'type' must be lower-case words joined by '-' (^[a-z0-9]+(-[a-z0-9]+)*$), not "_s;
        QTest::newRow("type upper case")
            << withMember("type", "\"Create-Group\"") << typeRule + u"'Create-Group'"_s;
        QTest::newRow("type underscore")
            << withMember("type", "\"create_group\"") << typeRule + u"'create_group'"_s;
        QTest::newRow("type leading dash") << withMember("type", "\"-create\"") << typeRule + u"'-create'"_s;
        QTest::newRow("type trailing dash") << withMember("type", "\"create-\"") << typeRule + u"'create-'"_s;
        QTest::newRow("type double dash")
            << withMember("type", "\"create--group\"") << typeRule + u"'create--group'"_s;
        QTest::newRow("type space") << withMember("type", "\"create group\"")
                                    << typeRule + u"'create group'"_s;
        QTest::newRow("type empty") << withMember("type", "\"\"") << u"member 'type' must not be empty"_s;
        QTest::newRow("type an array")
            << withMember("type", "[\"a\"]") << u"member 'type' must be a string, not an array"_s;
        QTest::newRow("data an array")
            << withMember("data", "[]") << u"member 'data' must be an object, not an array"_s;
        QTest::newRow("data a string")
            << withMember("data", "\"{}\"") << u"member 'data' must be an object, not a string"_s;
        QTest::newRow("data null") << withMember("data", "null")
                                   << u"member 'data' must be an object, not null"_s;
        QTest::newRow("timestamp a number") << withMember("timestamp", "1767254400")
                                            << u"member 'timestamp' must be a string, not a number"_s;
        QTest::newRow("timestamp without offset")
            << withMember("timestamp", "\"2026-01-01T08:00:00\"")
            << u"member 'timestamp': timestamp '2026-01-01T08:00:00' is not RFC 3339: missing offset ('Z' or +HH:MM / -HH:MM)"_s;
        QTest::newRow("timestamp 2025-02-29")
            << withMember("timestamp", "\"2025-02-29T08:00:00Z\"")
            << u"member 'timestamp': timestamp '2025-02-29T08:00:00Z' is not RFC 3339: day 29 is out of range for 2025-02 (01-28)"_s;
        QTest::newRow("userId empty")
            << withMember("userId", "\"\"") << u"member 'userId' must not be empty"_s;
        QTest::newRow("userId a boolean")
            << withMember("userId", "true") << u"member 'userId' must be a string, not a boolean"_s;
        QTest::newRow("syncLevel 3") << withMember("syncLevel", "3")
                                     << u"member 'syncLevel' must be 0, 1 or 2, not 3"_s;
        QTest::newRow("syncLevel -1")
            << withMember("syncLevel", "-1") << u"member 'syncLevel' must be 0, 1 or 2, not -1"_s;
        QTest::newRow("syncLevel 1.5")
            << withMember("syncLevel", "1.5") << u"member 'syncLevel' must be 0, 1 or 2, not 1.5"_s;
        QTest::newRow("syncLevel a string")
            << withMember("syncLevel", "\"1\"") << u"member 'syncLevel' must be 0, 1 or 2, not '1'"_s;
        QTest::newRow("version 0") << withMember("version", "0")
                                   << u"member 'version' must be an integer >= 1, not 0"_s;
        QTest::newRow("version -2") << withMember("version", "-2")
                                    << u"member 'version' must be an integer >= 1, not -2"_s;
        QTest::newRow("version 1.5") << withMember("version", "1.5")
                                     << u"member 'version' must be an integer >= 1, not 1.5"_s;
        QTest::newRow("version a string")
            << withMember("version", "\"2\"") << u"member 'version' must be an integer >= 1, not '2'"_s;
        QTest::newRow("version null")
            << withMember("version", "null") << u"member 'version' must be an integer >= 1, not null"_s;
        QTest::newRow("version too big") << withMember("version", "3000000000")
                                         << u"member 'version' must be an integer >= 1, not 3000000000"_s;
        QTest::newRow("metadata an array")
            << withMember("metadata", "[]") << u"member 'metadata' must be an object, not an array"_s;
        QTest::newRow("metadata null")
            << withMember("metadata", "null") << u"member 'metadata' must be an object, not null"_s;
        QTest::newRow("context a string")
            << withMember("context", "\"why\"") << u"member 'context' must be an object, not a string"_s;
        QTest::newRow("unknown member") << withMember("foo", "1") << u"unknown member 'foo'"_s;
        QTest::newRow("unknown member, case") << withMember("GUID", "\"x\"") << u"unknown member 'GUID'"_s;
        QTest::newRow("id without allowIdpassId") << withMember("id", "17") << u"unknown member 'id'"_s;
        QTest::newRow("duplicate member")
            << QByteArray(minimalLine(",\"guid\":\"e-2\"")) << u"duplicate member name 'guid' at byte 116"_s;
        QTest::newRow("inexact integer in data") << withMember("data", "{\"nationalId\":12345678901234567}")
                                                 << u"malformed JSON at byte 127: integer 12345678901234567 "
                                                    u"cannot be represented exactly as an IEEE double "
                                                    u"(nearest: 12345678901234568); write it as a string"_s;
        QTest::newRow("not an object") << QByteArray("[1]") << u"the JSON text is an array, not an object"_s;
        QTest::newRow("malformed") << QByteArray("{\"guid\":\"e-1\",}")
                                   << u"malformed JSON at byte 14: unexpected '}', expected a member name"_s;
    }
    void fromJson_violation_namesTheMember()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, message);
        const auto event = Event::fromJson(line);
        QVERIFY(!event.has_value());
        QCOMPARE(event.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(event.error().message, message);
        // The ingest path refuses the same lines with the same words.
        const auto parsed = Event::parseWithCanonical(line);
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().message, message);
    }

    void parseWithCanonical_givesTheEventAndItsCanonicalForm_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("allowIdpassId");
        QTest::newRow("household") << householdLine << false;
        QTest::newRow("household, canonical") << householdCanonical << false;
        QTest::newRow("minimal") << minimalLine() << false;
        QTest::newRow("syncLevel and version") << minimalLine(",\"syncLevel\":2,\"version\":2.0") << false;
        QTest::newRow("idpass id") << minimalLine(",\"id\":12,\"syncLevel\":1") << true;
        QTest::newRow("escaped member names")
            << QByteArray("{\"gu\\u0069d\":\"e-1\",\"entityGuid\":\"hh-1\",\"type\":\"t\",\"data\":{"
                          "\"\\u00e9\":\"\\/\"},"
                          "\"timestamp\":\"2026-01-01T08:00:00Z\",\"userId\":\"u\",\"sync\\u004cevel\":1}")
            << false;
    }
    void parseWithCanonical_givesTheEventAndItsCanonicalForm()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, allowIdpassId);
        EventParseOptions options;
        options.allowIdpassId = allowIdpassId;
        const auto parsed = Event::parseWithCanonical(line, options);
        QVERIFY2(parsed.has_value(), messageOf(parsed).constData());
        QCOMPARE(parsed->canonical, parsed->event.canonicalBytes());
        const auto plain = Event::fromJson(line, options);
        QVERIFY(plain.has_value());
        QCOMPARE(parsed->event.toJson(true), plain->toJson(true));
        QCOMPARE(parsed->event.instantNs, plain->instantNs);
    }

    void guidLength_countsCharactersNotUtf16Units()
    {
        const QString emojis = QString(127, u'g') + u"\U0001F600"_s; // 128 characters, 129 UTF-16 units
        const auto event = Event::fromJson(withMember("guid", '"' + emojis.toUtf8() + '"'));
        QVERIFY2(event.has_value(), messageOf(event).constData());
        QCOMPARE(event->guid, emojis);
    }

    void idpassId_isDroppedWhenAllowed()
    {
        EventParseOptions options;
        options.allowIdpassId = true;
        const auto event = Event::fromJson(withMember("id", "17"), options);
        QVERIFY2(event.has_value(), messageOf(event).constData());
        const auto plain = Event::fromJson(minimalLine());
        QVERIFY(plain.has_value());
        QCOMPARE(event->canonicalBytes(), plain->canonicalBytes());
        QVERIFY(!event->toJson(true).contains(u"id"_s));
        // Other unknown members are still refused.
        const auto other = Event::fromJson(withMember("foo", "1"), options);
        QVERIFY(!other.has_value());
        QCOMPARE(other.error().message, u"unknown member 'foo'"_s);
    }

    void hugeLine_isRefusedQuickly()
    {
        // 100 MiB in one allocation: a long string member.
        QByteArray huge = minimalLine();
        huge.chop(1);
        huge.reserve(huge.size() + 100 * 1024 * 1024 + 16);
        huge.append(",\"data2\":\"");
        huge.append(100 * 1024 * 1024, 'x');
        huge.append("\"}");
        QElapsedTimer timer;
        timer.start();
        const auto event = Event::fromJson(huge);
        QVERIFY(timer.elapsed() < 50);
        QVERIFY(!event.has_value());
        QCOMPARE(event.error().message,
                 u"JSON text of %1 bytes exceeds the limit of 1048576 bytes"_s.arg(huge.size()));
    }

    void deepNesting_isRefusedWithoutStackOverflow()
    {
        QByteArray deep = minimalLine();
        deep.replace("\"data\":{}", QByteArray("\"data\":{\"x\":" + QByteArray(10'000, '[') +
                                               QByteArray(10'000, ']') + "}"));
        const auto event = Event::fromJson(deep);
        QVERIFY(!event.has_value());
        QVERIFY2(event.error().message.startsWith(u"JSON nested deeper than 64 levels at byte "_s),
                 messageOf(event).constData());
        QByteArray objects = minimalLine();
        QByteArray nested;
        for (int i = 0; i < 10'000; ++i)
            nested += "{\"a\":";
        nested += "1" + QByteArray(10'000, '}');
        objects.replace("\"data\":{}", QByteArray("\"data\":" + nested));
        QVERIFY(!Event::fromJson(objects).has_value());
    }

    void storedJsonWithSyncLevel_equalsJcsOfToJsonTrue_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("household") << householdLine;
        QTest::newRow("minimal") << minimalLine();
        QTest::newRow("minimal, syncLevel 2") << minimalLine(",\"syncLevel\":2");
        QTest::newRow("version") << minimalLine(",\"version\":4,\"syncLevel\":1");
        QTest::newRow("timestamp keys inside")
            << minimalLine(",\"metadata\":{\"timestamp\":\"x\",\"z\":{\"timestamp\":\"y\"}},"
                           "\"context\":{\"timestamp\":\"2020-01-01T00:00:00Z\"}")
                   .replace("\"data\":{}",
                            "\"data\":{\"timestamp\":\"d\",\"list\":[\",\\\"timestamp\\\":\\\"\"]}");
        QTest::newRow("tricky userId") << withMember("userId", "\"a,\\\"timestamp\\\":\\\"b\\\\\"");
        QTest::newRow("tricky type-like guid") << withMember("guid", "\",\\\"timestamp\\\":\\\"\"");
    }
    void storedJsonWithSyncLevel_equalsJcsOfToJsonTrue()
    {
        QFETCH(QByteArray, line);
        auto event = Event::fromJson(line);
        QVERIFY2(event.has_value(), messageOf(event).constData());
        for (int level : {syncLevelLocal, syncLevelRemote, syncLevelExternal}) {
            event->syncLevel = level;
            const QByteArray expected = canonicalJson(event->toJson(true)).value_or("?");
            QCOMPARE(storedJsonWithSyncLevel(event->canonicalBytes(), level), expected);
            QCOMPARE(event->storedJson(), expected);
        }
    }

    void storedJsonWithSyncLevel_otherObjects_takeTheGeneralPath()
    {
        QCOMPARE(storedJsonWithSyncLevel("{\"b\":1,\"a\":2}", 2), "{\"a\":2,\"b\":1,\"syncLevel\":2}");
        QCOMPARE(storedJsonWithSyncLevel("not json", 0), QByteArray());
    }

    void fromStored_acceptsCanonicalBytes_refusesOthers()
    {
        const auto stored = Event::fromStored(householdCanonical, syncLevelExternal);
        QVERIFY2(stored.has_value(), messageOf(stored).constData());
        QCOMPARE(stored->syncLevel, syncLevelExternal);
        QCOMPARE(stored->canonicalBytes(), householdCanonical);

        const auto notCanonical = Event::fromStored(householdLine, syncLevelLocal);
        QVERIFY(!notCanonical.has_value());
        QCOMPARE(notCanonical.error().code, ErrorCode::Corrupt);
        QCOMPARE(notCanonical.error().message,
                 u"stored event '6f1c2a9e-3b7d-4c1e-9a55-0d2f8e7b1c34' is not in canonical form"_s);

        const auto garbage = Event::fromStored("{\"guid\":1}", syncLevelLocal);
        QVERIFY(!garbage.has_value());
        QCOMPARE(garbage.error().code, ErrorCode::Corrupt);

        QVERIFY(!Event::fromStored(householdCanonical, 3).has_value());
    }

    void make_validatesLikeAnImport()
    {
        const QJsonObject data{{u"name"_s, u"Household 1"_s}};
        const auto event =
            Event::make(u"e-9"_s, u"hh-1"_s, u"update-group"_s, data, u"2026-11-26T09:30:00.000Z"_s, u"u-1"_s,
                        QJsonObject{{u"deviceId"_s, u"dev-1"_s}});
        QVERIFY2(event.has_value(), messageOf(event).constData());
        QCOMPARE(event->instantNs, qint64(1795685400) * 1'000'000'000);
        QVERIFY(event->metadata.has_value());
        QVERIFY(!event->context.has_value());
        QVERIFY(!event->version.has_value());
        QCOMPARE(event->canonicalBytes(),
                 "{\"data\":{\"name\":\"Household 1\"},\"entityGuid\":\"hh-1\",\"guid\":\"e-9\","
                 "\"metadata\":{\"deviceId\":\"dev-1\"},\"timestamp\":\"2026-11-26T09:30:00.000Z\","
                 "\"type\":\"update-group\",\"userId\":\"u-1\"}");

        const auto badType = Event::make(u"e-9"_s, u"hh-1"_s, u"Update Group"_s, data,
                                         u"2026-11-26T09:30:00.000Z"_s, u"u-1"_s);
        QVERIFY(!badType.has_value());
        QVERIFY(badType.error().message.startsWith(u"member 'type' must be lower-case words"_s));

        const auto badTime = Event::make(u"e-9"_s, u"hh-1"_s, u"update-group"_s, data, QString(), u"u-1"_s);
        QVERIFY(!badTime.has_value());
        QCOMPARE(badTime.error().message, u"member 'timestamp': timestamp '' is not RFC 3339: empty"_s);

        const QJsonObject nan{{u"x"_s, std::numeric_limits<double>::quiet_NaN()}};
        const auto badData =
            Event::make(u"e-9"_s, u"hh-1"_s, u"update-group"_s, nan, u"2026-11-26T09:30:00.000Z"_s, u"u-1"_s);
        QVERIFY(!badData.has_value());
        QCOMPARE(badData.error().message, u"member 'data': NaN is not a JSON number (at /x)"_s);

        const QJsonObject bigInteger{{u"nationalId"_s, qint64(9007199254740993)}};
        QVERIFY(!Event::make(u"e-9"_s, u"hh-1"_s, u"update-group"_s, bigInteger,
                             u"2026-11-26T09:30:00.000Z"_s, u"u-1"_s)
                     .has_value());

        const auto loneSurrogate = Event::make(QString(QChar(0xD800)), u"hh-1"_s, u"update-group"_s, data,
                                               u"2026-11-26T09:30:00.000Z"_s, u"u-1"_s);
        QVERIFY(!loneSurrogate.has_value());
        QCOMPARE(loneSurrogate.error().message,
                 u"member 'guid': string holds a lone UTF-16 surrogate U+D800"_s);
    }

    void fromObject_refusesWhatJcsCannotWrite()
    {
        QJsonObject object = Event::fromJson(minimalLine())->toJson(false);
        object.insert(u"context"_s, QJsonObject{{u"n"_s, std::numeric_limits<double>::infinity()}});
        const auto event = Event::fromObject(object);
        QVERIFY(!event.has_value());
        QCOMPARE(event.error().message, u"member 'context': an infinity is not a JSON number (at /n)"_s);
    }

    void validate_afterChangingMembers()
    {
        auto event = Event::fromJson(minimalLine());
        QVERIFY(event.has_value());
        Event upcast = *event;
        upcast.data.insert(u"name"_s, u"renamed"_s);
        upcast.version = 2;
        upcast.timestamp = u"2026-01-01T10:00:00+01:00"_s;
        QVERIFY(upcast.validate().has_value());
        QCOMPARE(upcast.instantNs, event->instantNs + qint64(3600) * 1'000'000'000);
        upcast.type = u"Bad"_s;
        QVERIFY(!upcast.validate().has_value());
        QVERIFY(upcast.canonicalBytes().size() > 0); // the type rule is not JCS's business
        upcast.type = u"ok"_s;
        upcast.version = 0;
        QCOMPARE(upcast.validate().error().message, u"member 'version' must be an integer >= 1, not 0"_s);
        upcast.version.reset();
        upcast.syncLevel = 5;
        QCOMPARE(upcast.validate().error().message, u"member 'syncLevel' must be 0, 1 or 2, not 5"_s);
        upcast.syncLevel = 0;
        upcast.data.insert(u"bad"_s, std::numeric_limits<double>::quiet_NaN());
        QVERIFY(!upcast.validate().has_value());
        QVERIFY(upcast.canonicalBytes().isEmpty());
        QVERIFY(upcast.storedJson().isEmpty());
    }

    void canonicalKey_ordersByInstantThenGuidBytes()
    {
        const auto early =
            Event::fromJson(withMember("timestamp", "\"2026-01-01T09:00:00+05:30\"")); // 03:30Z
        const auto late = Event::fromJson(withMember("timestamp", "\"2026-01-01T08:00:00Z\""));
        QVERIFY(early && late);
        QVERIFY(early->canonicalKey() < late->canonicalKey());

        const CanonicalKey a{100, u"a"_s};
        const CanonicalKey b{100, u"b"_s};
        const CanonicalKey laterA{101, u"a"_s};
        QVERIFY(a < b);
        QVERIFY(b < laterA);
        QVERIFY(a == CanonicalKey({100, u"a"_s}));
        // Byte-wise over UTF-8, not UTF-16: U+FF21 (EF BC A1) sorts before U+1F600 (F0 9F 98 80),
        // although its UTF-16 unit 0xFF21 is above the surrogate 0xD83D.
        const CanonicalKey fullwidth{100, u"\uFF21"_s};
        const CanonicalKey emoji{100, u"\U0001F600"_s};
        QVERIFY(fullwidth < emoji);
        QVERIFY(jcsKeyLess(u"\U0001F600", u"\uFF21")); // the other order, for JCS member names
        QVERIFY(CanonicalKey({100, u"ab"_s}) < CanonicalKey({100, u"abc"_s}));
    }

    void compareUtf8Order_agreesWithComparingUtf8Bytes()
    {
        // Random strings over an alphabet that straddles the surrogate range.
        const char32_t alphabet[] = {u'a',   u'z',   0x7F,   0x80,    0x7FF,   0x800,   0xD7FF,
                                     0xE000, 0xFB33, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
        QRandomGenerator random(42);
        auto randomString = [&] {
            QString text;
            const int length = random.bounded(4);
            for (int i = 0; i < length; ++i)
                text += QString::fromUcs4(&alphabet[random.bounded(int(std::size(alphabet)))], 1);
            return text;
        };
        for (int i = 0; i < 20'000; ++i) {
            const QString x = randomString();
            const QString y = randomString();
            const auto expected = x.toUtf8().compare(y.toUtf8());
            const auto actual = compareUtf8Order(x, y);
            if ((expected < 0) != (actual < 0) || (expected == 0) != (actual == 0))
                QFAIL(qPrintable(u"order of '%1' and '%2'"_s.arg(x, y)));
        }
    }
};

QTEST_GUILESS_MAIN(TestEvent)
#include "tst_event.moc"
