#include "core/domain/duplicaterules.h"
#include "ledgerfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using fieldledger::testing::LedgerFixture;

namespace {

Entity person(const QJsonObject &data)
{
    Entity entity;
    entity.guid = u"p"_s;
    entity.type = EntityType::Individual;
    entity.version = 1;
    entity.data = data;
    return entity;
}

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

class TestDuplicateRules final : public QObject {
    Q_OBJECT

private slots:
    void normalisedName_foldsAndSortsWords_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("accents and order") << u"Diallo Aïssatou"_s << u"aissatou diallo"_s;
        QTest::newRow("case and spaces") << u"  AISSATOU   diallo "_s << u"aissatou diallo"_s;
        QTest::newRow("apostrophe and hyphen") << u"N'Diaye-Sow Fatou"_s << u"fatou ndiaye sow"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("punctuation only") << u" - . "_s << QString();
    }
    void normalisedName_foldsAndSortsWords()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(normalisedName(name), expected);
    }

    void matchKeys_followTheRules_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("rules"); // overrides of the defaults, as JSON
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("name and birth date")
            << uR"({"name":"Diallo Aïssatou","birthDate":"2001-04-03"})"_s << u"{}"_s
            << QStringList{u"name-birth:aissatou diallo|2001-04-03"_s};
        QTest::newRow("birth date-time is cut to the date")
            << uR"({"name":"Aissatou Diallo","dateOfBirth":"2001-04-03T00:00:00Z"})"_s << u"{}"_s
            << QStringList{u"name-birth:aissatou diallo|2001-04-03"_s};
        QTest::newRow("the default forms' birth_date")
            << uR"({"name":"Aissatou Diallo","birth_date":"2001-04-03","age":25})"_s << u"{}"_s
            << QStringList{u"name-age:aissatou diallo|25-29"_s, u"name-birth:aissatou diallo|2001-04-03"_s};
        QTest::newRow("unreadable birth date gives no key")
            << uR"({"name":"Aissatou Diallo","birthDate":"03/04/2001"})"_s << u"{}"_s << QStringList{};
        QTest::newRow("age band of five years")
            << uR"({"name":"Moussa Ba","age":27})"_s << u"{}"_s << QStringList{u"name-age:ba moussa|25-29"_s};
        QTest::newRow("age as text, band edge") << uR"({"name":"Moussa Ba","age":"25"})"_s << u"{}"_s
                                                << QStringList{u"name-age:ba moussa|25-29"_s};
        QTest::newRow("ten-year bands")
            << uR"({"name":"Moussa Ba","age":27})"_s << uR"({"ageBandYears":10})"_s
            << QStringList{u"name-age:ba moussa|20-29"_s};
        QTest::newRow("negative age gives no key")
            << uR"({"name":"Moussa Ba","age":-3})"_s << u"{}"_s << QStringList{};
        QTest::newRow("no name, no name keys")
            << uR"({"age":27,"birthDate":"2001-04-03"})"_s << u"{}"_s << QStringList{};
        QTest::newRow("id number folded")
            << uR"({"idNumber":"SN-123 45"})"_s << u"{}"_s << QStringList{u"id:sn12345"_s};
        QTest::newRow("second id field")
            << uR"({"nationalId":"ab99"})"_s << u"{}"_s << QStringList{u"id:ab99"_s};
        QTest::newRow("configured id field") << uR"({"idNumber":"1","passport":"P-77"})"_s
                                             << uR"({"idFields":["passport"]})"_s << QStringList{u"id:p77"_s};
        QTest::newRow("phone: last nine digits")
            << uR"({"phone":"+221 77 123 45 67"})"_s << u"{}"_s << QStringList{u"phone:771234567"_s};
        QTest::newRow("phone: too short") << uR"({"phone":"12-34"})"_s << u"{}"_s << QStringList{};
        QTest::newRow("every rule, sorted")
            << uR"({"name":"A B","age":3,"birthDate":"2023-01-02","idNumber":"X1","phone":"771234567"})"_s
            << u"{}"_s
            << QStringList{u"id:x1"_s, u"name-age:a b|0-4"_s, u"name-birth:a b|2023-01-02"_s,
                           u"phone:771234567"_s};
        QTest::newRow("rules switched off")
            << uR"({"name":"A B","age":3,"birthDate":"2023-01-02","idNumber":"X1","phone":"771234567"})"_s
            << uR"({"nameBirthDate":false,"nameAgeBand":false,"phone":false})"_s << QStringList{u"id:x1"_s};
    }
    void matchKeys_followTheRules()
    {
        QFETCH(QString, data);
        QFETCH(QString, rules);
        QFETCH(QStringList, expected);
        auto parsed = DuplicateRules::fromJson(parse(rules));
        FL_VERIFY_OK(parsed);
        QCOMPARE(matchKeys(person(parse(data)), *parsed), expected);
    }

    void matchKeys_sameForNameVariants()
    {
        const DuplicateRules rules;
        const QStringList a = matchKeys(person(parse(uR"({"name":"Diallo Aïssatou","age":31})"_s)), rules);
        const QStringList b = matchKeys(person(parse(uR"({"name":"aissatou  DIALLO","age":34})"_s)), rules);
        QVERIFY(!a.isEmpty());
        QCOMPARE(a, b);
    }

    void matchKeys_householdsOnlyByIdAndPhone()
    {
        Entity household =
            person(parse(uR"({"name":"Diallo","age":30,"phone":"771234567","idNumber":"H1"})"_s));
        household.type = EntityType::Group;
        QCOMPARE(matchKeys(household, DuplicateRules()),
                 (QStringList{u"household-id:h1"_s, u"household-phone:771234567"_s}));
        QCOMPARE(ruleOfKey(u"household-phone:771234567"), u"household-phone"_s);
    }

    void matchKeys_deletedHasNone()
    {
        Entity entity = person(parse(uR"({"name":"A B","age":3})"_s));
        entity.deleted = true;
        QVERIFY(matchKeys(entity, DuplicateRules()).isEmpty());
    }

    void fromJson_refusesBadValues_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("band of zero") << uR"({"ageBandYears":0})"_s;
        QTest::newRow("band not whole") << uR"({"ageBandYears":2.5})"_s;
        QTest::newRow("flag as text") << uR"({"phone":"yes"})"_s;
        QTest::newRow("too few digits") << uR"({"phoneDigits":3})"_s;
        QTest::newRow("fields not a list") << uR"({"idFields":"idNumber"})"_s;
        QTest::newRow("empty field name") << uR"({"idFields":[""]})"_s;
        QTest::newRow("empty name field") << uR"({"nameField":""})"_s;
    }
    void fromJson_refusesBadValues()
    {
        QFETCH(QString, json);
        auto rules = DuplicateRules::fromJson(parse(json));
        QVERIFY(!rules);
        QCOMPARE(rules.error().code, ErrorCode::InvalidArgument);
    }

    void json_roundTrips()
    {
        DuplicateRules rules;
        rules.nameAgeBand = false;
        rules.ageBandYears = 10;
        rules.phoneDigits = 8;
        rules.idFields = {u"passport"_s};
        auto back = DuplicateRules::fromJson(rules.toJson());
        FL_VERIFY_OK(back);
        QCOMPARE(*back, rules);
        QVERIFY(!(*back == DuplicateRules()));
    }

    void loadAndSave_keepTheRulesInMeta()
    {
        LedgerFixture fixture;
        const QSqlDatabase &db = fixture.registry().database();
        auto defaults = loadDuplicateRules(db);
        FL_VERIFY_OK(defaults);
        QCOMPARE(*defaults, DuplicateRules());

        DuplicateRules rules;
        rules.phone = false;
        rules.ageBandYears = 3;
        FL_VERIFY_OK(saveDuplicateRules(db, rules));
        auto loaded = loadDuplicateRules(db);
        FL_VERIFY_OK(loaded);
        QCOMPARE(*loaded, rules);

        QSqlQuery query(db);
        QVERIFY(query.exec(u"UPDATE meta SET value = '[1]' WHERE key = 'duplicate_rules'"_s));
        auto broken = loadDuplicateRules(db);
        QVERIFY(!broken);
        QCOMPARE(broken.error().code, ErrorCode::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateRules)
#include "tst_duplicaterules.moc"
