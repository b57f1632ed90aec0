#include "core/domain/applierregistry.h"
#include "core/domain/auditdiff.h"
#include "core/domain/world.h"
#include "core/events/canonicaljson.h"
#include "historygenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using fieldledger::testing::EventSequence;

namespace {

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("bad test JSON: %s", json);
    return document.object();
}

QByteArray canonical(const QJsonObject &object)
{
    return canonicalJson(object).value();
}

Entity individual(const char *data, bool deleted = false)
{
    Entity entity;
    entity.guid = u"p-1"_s;
    entity.version = 1;
    entity.data = parse(data);
    entity.deleted = deleted;
    entity.lastUpdated = u"2026-11-26T09:30:00.000Z"_s;
    return entity;
}

Entity group(const QStringList &members)
{
    Entity entity;
    entity.guid = u"hh-1"_s;
    entity.type = EntityType::Group;
    entity.version = 1;
    entity.memberIds = members;
    return entity;
}

} // namespace

class TestAuditDiff final : public QObject {
    Q_OBJECT

private slots:
    void diffEntities_dataFields_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("nothing changed")
            << QByteArray(R"({"name":"Ana"})") << QByteArray(R"({"name":"Ana"})") << QByteArray("{}");
        QTest::newRow("changed") << QByteArray(R"({"name":"Ana"})") << QByteArray(R"({"name":"Ana Maria"})")
                                 << QByteArray(R"({"name":{"new":"Ana Maria","old":"Ana"}})");
        QTest::newRow("added: no old key") << QByteArray("{}") << QByteArray(R"({"phone":"555"})")
                                           << QByteArray(R"({"phone":{"new":"555"}})");
        QTest::newRow("removed: no new key") << QByteArray(R"({"nickname":"Ani"})") << QByteArray("{}")
                                             << QByteArray(R"({"nickname":{"old":"Ani"}})");
        QTest::newRow("set to null") << QByteArray(R"({"note":"x"})") << QByteArray(R"({"note":null})")
                                     << QByteArray(R"({"note":{"new":null,"old":"x"}})");
        QTest::newRow("added as null")
            << QByteArray("{}") << QByteArray(R"({"note":null})") << QByteArray(R"({"note":{"new":null}})");
        QTest::newRow("null to value") << QByteArray(R"({"note":null})") << QByteArray(R"({"note":0})")
                                       << QByteArray(R"({"note":{"new":0,"old":null}})");
        QTest::newRow("nested object replaced")
            << QByteArray(R"({"a":{"v":"K","z":2}})") << QByteArray(R"({"a":{"v":"T"}})")
            << QByteArray(R"({"a":{"new":{"v":"T"},"old":{"v":"K","z":2}}})");
        QTest::newRow("type change") << QByteArray(R"({"age":"31"})") << QByteArray(R"({"age":31})")
                                     << QByteArray(R"({"age":{"new":31,"old":"31"}})");
        QTest::newRow("reserved names escaped")
            << QByteArray(R"({"deleted":"no"})")
            << QByteArray(R"({"deleted":"yes","memberIds":1,"data.x":2})")
            << QByteArray(
                   R"({"data.data.x":{"new":2},"data.deleted":{"new":"yes","old":"no"},"data.memberIds":{"new":1}})");
    }
    void diffEntities_dataFields()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QByteArray, expected);
        const QJsonObject changes =
            diffEntities(individual(before.constData()), individual(after.constData()));
        QCOMPARE(canonical(changes), expected);
    }

    void diffEntities_created_showsEveryFieldAsAdded()
    {
        const QJsonObject changes = diffEntities(std::nullopt, individual(R"({"name":"Ana","age":31})"));
        QCOMPARE(canonical(changes), QByteArray(R"({"age":{"new":31},"name":{"new":"Ana"}})"));
    }

    void diffEntities_createdGroup_showsMembersAdded()
    {
        const QJsonObject changes = diffEntities(std::nullopt, group({u"p-1"_s, u"p-2"_s}));
        QCOMPARE(canonical(changes), QByteArray(R"({"memberIds":{"added":["p-1","p-2"]}})"));
    }

    void diffEntities_deletedFlip_isReported()
    {
        const Entity live = individual(R"({"name":"Ana"})");
        const Entity tombstone = individual(R"({"name":"Ana"})", true);
        QCOMPARE(canonical(diffEntities(live, tombstone)),
                 QByteArray(R"({"deleted":{"new":true,"old":false}})"));
        QCOMPARE(canonical(diffEntities(tombstone, tombstone)), QByteArray("{}"));
    }

    void diffEntities_memberIds_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("same") << QStringList{u"a"_s} << QStringList{u"a"_s} << QByteArray("{}");
        QTest::newRow("added") << QStringList{u"a"_s} << QStringList{u"a"_s, u"c"_s, u"b"_s}
                               << QByteArray(R"({"memberIds":{"added":["c","b"]}})");
        QTest::newRow("removed") << QStringList{u"c"_s, u"a"_s, u"b"_s} << QStringList{u"a"_s}
                                 << QByteArray(R"({"memberIds":{"removed":["c","b"]}})");
        QTest::newRow("both") << QStringList{u"a"_s, u"b"_s} << QStringList{u"b"_s, u"d"_s}
                              << QByteArray(R"({"memberIds":{"added":["d"],"removed":["a"]}})");
        QTest::newRow("only reordered")
            << QStringList{u"a"_s, u"b"_s} << QStringList{u"b"_s, u"a"_s} << QByteArray("{}");
    }
    void diffEntities_memberIds()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QByteArray, expected);
        QCOMPARE(canonical(diffEntities(group(before), group(after))), expected);
    }

    void diffEntities_ignoresVersionAndLastUpdated()
    {
        Entity before = individual(R"({"a":1})");
        Entity after = before;
        after.version = 7;
        after.lastUpdated = u"2030-01-01T00:00:00.000Z"_s;
        QVERIFY(diffEntities(before, after).isEmpty());
    }

    void auditEntry_hasEveryMemberAndTheReason()
    {
        MemoryWorld world;
        const ApplierRegistry registry = ApplierRegistry::withBuiltins();
        EventSequence events;
        (void)registry.apply(events.next(u"create-group"_s, u"hh-1"_s,
                                         {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"p-1"_s}}}}}),
                             world);
        const Event removal =
            events.next(u"remove-member"_s, u"hh-1"_s, {{u"memberId"_s, u"p-1"_s}, {u"reason"_s, u"left"_s}},
                        QJsonObject{{u"reason"_s, u"moved to the city"_s}, {u"source"_s, u"visit"_s}});
        const ApplyOutcome outcome = registry.apply(removal, world);
        const QJsonObject entry = auditEntry(41, removal, outcome.changes.at(0));
        QCOMPARE(
            canonical(entry),
            QByteArray(
                R"({"changes":{"memberIds":{"removed":["p-1"]}},"eventGuid":"e-002","reason":"moved to the city",)"
                R"("seq":41,"timestamp":")") +
                removal.timestamp.toUtf8() +
                QByteArray(R"(","type":"remove-member","userId":"enumerator-1"})"));
    }

    void auditEntry_withoutStringReason_hasNoReasonKey_data()
    {
        QTest::addColumn<std::optional<QJsonObject>>("context");
        QTest::newRow("no context") << std::optional<QJsonObject>();
        QTest::newRow("context without reason")
            << std::optional<QJsonObject>(QJsonObject{{u"source"_s, u"import"_s}});
        QTest::newRow("reason not a string") << std::optional<QJsonObject>(QJsonObject{{u"reason"_s, 3}});
    }
    void auditEntry_withoutStringReason_hasNoReasonKey()
    {
        QFETCH(std::optional<QJsonObject>, context);
        MemoryWorld world;
        const ApplierRegistry registry = ApplierRegistry::withBuiltins();
        EventSequence events;
        const Event event = events.next(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}}, context);
        const ApplyOutcome outcome = registry.apply(event, world);
        const QJsonObject entry = auditEntry(0, event, outcome.changes.at(0));
        QVERIFY(!entry.contains(u"reason"_s));
        QCOMPARE(entry.value(u"seq"_s).toInteger(), qint64(0));
        QCOMPARE(canonical(entry.value(u"changes"_s).toObject()), QByteArray(R"({"name":{"new":"Ana"}})"));
    }
};

QTEST_GUILESS_MAIN(TestAuditDiff)
#include "tst_auditdiff.moc"
