// householdProfile() (core/exchange/householdprofile.h): what a printed household profile
// shows, now and as of an instant, and the log figures that let paper be checked later.
#include "core/exchange/householdprofile.h"
#include "core/integrity/hash.h"
#include "ledgerfixture.h"
#include "reportfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using namespace fieldledger::testing;
using namespace fieldledger::testing::reports;

class TestHouseholdProfile final : public QObject {
    Q_OBJECT

    std::unique_ptr<LedgerFixture> m_fixture;

    HouseholdProfile profile(const QString &guid, std::optional<qint64> at = std::nullopt,
                             const QStringList &preferred = {})
    {
        auto result = householdProfile(m_fixture->ledger(), guid, at, preferred);
        if (!result)
            qFatal("householdProfile: %s", qPrintable(result.error().message));
        return *std::move(result);
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<LedgerFixture>();
        importReportSample(m_fixture->ledger());
    }
    void cleanupTestCase() { m_fixture.reset(); }

    void now_fieldsMembersTimelineAndLog()
    {
        const HouseholdProfile p = profile(u"hh-a"_s, std::nullopt, {u"village"_s, u"name"_s, u"missing"_s});
        QCOMPARE(p.household.guid, u"hh-a"_s);
        QCOMPARE(p.household.data.value(u"name"_s).toString(), u"Mwangi family"_s);
        QCOMPARE(p.fieldOrder, (QStringList{u"village"_s, u"name"_s, u"phone"_s}));

        QCOMPARE(p.members.size(), 2);
        const ProfileMember &head = p.members[0];
        QVERIFY(head.found);
        QCOMPARE(head.guid, u"p-a1"_s);
        QCOMPARE(head.name, u"Grace Mwangi"_s);
        QCOMPARE(head.sex, u"female"_s);
        QCOMPARE(head.birthDate, u"1984-03-12"_s);
        QCOMPARE(head.age, QString());
        QCOMPARE(head.relationship, u"head"_s);
        QCOMPARE(p.members[1].age, u"41"_s);
        QCOMPARE(p.members[1].birthDate, QString());

        QCOMPARE(p.timeline.size(), 2);
        QCOMPARE(p.timeline[0].type, u"create-group"_s);
        QCOMPARE(p.timeline[0].userId, u"enum-1"_s);
        QCOMPARE(p.timeline[0].seq, 0);
        QCOMPARE(p.timeline[1].type, u"split-household"_s);
        QCOMPARE(p.timeline[1].reason, u"married-out"_s);
        bool sawMembers = false;
        for (const ProfileChange &change : p.timeline[1].changes) {
            if (change.field == u"memberIds") {
                sawMembers = true;
                QCOMPARE(change.oldValue->toArray(), (QJsonArray{u"p-a3"_s}));
                QVERIFY(!change.newValue);
            }
        }
        QVERIFY(sawMembers);

        QCOMPARE(p.lastEventSeq, 6);
        QCOMPARE(p.lastEventGuid, u"ev-6"_s);
        QCOMPARE(p.logSize, quint64(8));
        QCOMPARE(p.rootHex, toHex(*m_fixture->ledger().rootAt(8)));
    }

    void asOf_showsTheHouseholdAsItWas()
    {
        const HouseholdProfile p = profile(u"hh-a"_s, *Timestamp::parseInstantNs(u"2026-11-05T00:00:00Z"_s));
        QCOMPARE(p.members.size(), 3);
        QCOMPARE(p.members[2].name, u"Amélie Mwangi"_s);
        QCOMPARE(p.timeline.size(), 1);
        QCOMPARE(p.lastEventSeq, 0);
        QCOMPARE(p.lastEventGuid, u"ev-0"_s);
        // The log is the one the paper can be checked against: today's.
        QCOMPARE(p.logSize, quint64(8));
    }

    void lateEvent_isTheLastBySequence()
    {
        const HouseholdProfile p = profile(u"hh-f"_s);
        QCOMPARE(p.members.size(), 4);
        QCOMPARE(p.lastEventSeq, 7);
        QCOMPARE(p.timeline.size(), 1);
    }

    void deletedHousehold_isShownAsDeleted()
    {
        const HouseholdProfile p = profile(u"hh-d"_s);
        QVERIFY(p.household.deleted);
        QCOMPARE(p.timeline.size(), 2);
        QCOMPARE(p.timeline.last().type, u"delete-entity"_s);
        QCOMPARE(p.lastEventSeq, 5);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("guid");
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("code");
        QTest::newRow("individual") << u"p-a1"_s << QString() << int(ErrorCode::InvalidArgument);
        QTest::newRow("unknown") << u"hh-zz"_s << QString() << int(ErrorCode::NotFound);
        QTest::newRow("not yet split off") << u"hh-e"_s << u"2026-11-06T00:00:00Z"_s << int(ErrorCode::NotFound);
    }
    void refusals()
    {
        QFETCH(QString, guid);
        QFETCH(QString, at);
        QFETCH(int, code);
        std::optional<qint64> instant;
        if (!at.isEmpty())
            instant = *Timestamp::parseInstantNs(at);
        auto result = householdProfile(m_fixture->ledger(), guid, instant);
        QVERIFY(!result);
        QCOMPARE(int(result.error().code), code);
    }

    void displayText_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("string") << QJsonValue(u"Kalo"_s) << u"Kalo"_s;
        QTest::newRow("integer") << QJsonValue(41) << u"41"_s;
        QTest::newRow("decimal") << QJsonValue(36.5) << u"36.5"_s;
        QTest::newRow("true") << QJsonValue(true) << u"true"_s;
        QTest::newRow("null") << QJsonValue() << QString();
        QTest::newRow("array") << QJsonValue(QJsonArray{1, u"two"_s}) << u"[1,\"two\"]"_s;
        QTest::newRow("object") << QJsonValue(QJsonObject{{u"b"_s, 1}, {u"a"_s, 2}}) << u"{\"a\":2,\"b\":1}"_s;
    }
    void displayText()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, text);
        QCOMPARE(fieldledger::core::displayText(value), text);
    }
};

QTEST_GUILESS_MAIN(TestHouseholdProfile)
#include "tst_householdprofile.moc"
