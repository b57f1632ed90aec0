// core::AuditFilter: which audit-trail entries (EVENTS.md §4) the audit trail view keeps.
#include "core/domain/auditfilter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using fieldledger::core::AuditFilter;
using fieldledger::core::auditValueText;

namespace {

QJsonObject entry()
{
    return QJsonDocument::fromJson(R"({
        "seq": 4, "eventGuid": "ev-4", "type": "update-group", "userId": "enumerator-1",
        "timestamp": "2026-11-26T12:15:00.000+02:00", "reason": "visit",
        "changes": {
            "name": {"old": "Maison Diallo", "new": "Maison Aïssatou N'Diaye"},
            "size": {"new": 5},
            "roof": {"old": null, "new": {"material": "Tôle"}},
            "memberIds": {"added": ["p-7"], "removed": ["p-2"]}
        }})")
        .object();
}

qint64 ns(const char *utc)
{
    return QDateTime::fromString(QString::fromLatin1(utc), Qt::ISODateWithMs).toMSecsSinceEpoch() * 1'000'000;
}

// AuditFilter{.userId = …}, one criterion at a time (GCC 12 warns on designated initializers that
// leave members out).
struct Make {
    AuditFilter filter;
    Make &user(const QString &v)
    {
        filter.userId = v;
        return *this;
    }
    Make &type(const QString &v)
    {
        filter.eventType = v;
        return *this;
    }
    Make &from(qint64 v)
    {
        filter.fromNs = v;
        return *this;
    }
    Make &to(qint64 v)
    {
        filter.toNs = v;
        return *this;
    }
    Make &search(const QString &v)
    {
        filter.search = v;
        return *this;
    }
    operator AuditFilter() const { return filter; }
};

} // namespace

Q_DECLARE_METATYPE(fieldledger::core::AuditFilter)

class TestAuditFilter : public QObject {
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void search_usesMemberLabels();
    void search_ignoresFieldNamesAndReason();
    void isEmpty_onlyWhenNothingIsSet();
    void auditValueText_data();
    void auditValueText();
};

void TestAuditFilter::matches_data()
{
    QTest::addColumn<AuditFilter>("filter");
    QTest::addColumn<bool>("expected");

    QTest::newRow("empty filter") << AuditFilter{} << true;
    QTest::newRow("same user") << AuditFilter(Make().user(u"enumerator-1"_s)) << true;
    QTest::newRow("other user") << AuditFilter(Make().user(u"enumerator-2"_s)) << false;
    QTest::newRow("user is exact") << AuditFilter(Make().user(u"enumerator"_s)) << false;
    QTest::newRow("same type") << AuditFilter(Make().type(u"update-group"_s)) << true;
    QTest::newRow("other type") << AuditFilter(Make().type(u"add-member"_s)) << false;
    // 12:15+02:00 is 10:15Z: the instant counts, not the text.
    QTest::newRow("from before") << AuditFilter(Make().from(ns("2026-11-26T10:15:00Z"))) << true;
    QTest::newRow("from after") << AuditFilter(Make().from(ns("2026-11-26T10:15:00.001Z"))) << false;
    QTest::newRow("to is exclusive") << AuditFilter(Make().to(ns("2026-11-26T10:15:00Z"))) << false;
    QTest::newRow("to after") << AuditFilter(Make().to(ns("2026-11-26T10:15:00.001Z"))) << true;
    QTest::newRow("range around")
        << AuditFilter(Make().from(ns("2026-11-26T00:00:00Z")).to(ns("2026-11-27T00:00:00Z"))) << true;
    QTest::newRow("range a day later")
        << AuditFilter(Make().from(ns("2026-11-27T00:00:00Z")).to(ns("2026-11-28T00:00:00Z"))) << false;
    QTest::newRow("old value") << AuditFilter(Make().search(u"diallo"_s)) << true;
    QTest::newRow("new value, accents and case folded")
        << AuditFilter(Make().search(u"AISSATOU ndiaye"_s)) << true;
    QTest::newRow("number") << AuditFilter(Make().search(u"5"_s)) << true;
    QTest::newRow("inside an object") << AuditFilter(Make().search(u"tole"_s)) << true;
    QTest::newRow("null") << AuditFilter(Make().search(u"null"_s)) << true;
    QTest::newRow("member id added") << AuditFilter(Make().search(u"p-7"_s)) << true;
    QTest::newRow("member id removed") << AuditFilter(Make().search(u"p-2"_s)) << true;
    QTest::newRow("absent value") << AuditFilter(Make().search(u"Kalo"_s)) << false;
    QTest::newRow("blank search is no search") << AuditFilter(Make().search(u"   "_s)) << true;
    QTest::newRow("all criteria") << AuditFilter{u"enumerator-1"_s, u"update-group"_s,
                                                 ns("2026-11-26T10:00:00Z"), ns("2026-11-26T11:00:00Z"),
                                                 u"maison"_s}
                                  << true;
    QTest::newRow("all but one criterion")
        << AuditFilter{u"enumerator-1"_s, u"update-group"_s, ns("2026-11-26T10:00:00Z"),
                       ns("2026-11-26T11:00:00Z"), u"Kalo"_s}
        << false;
}

void TestAuditFilter::matches()
{
    QFETCH(AuditFilter, filter);
    QFETCH(bool, expected);
    QCOMPARE(filter.matches(entry()), expected);
}

void TestAuditFilter::search_usesMemberLabels()
{
    const AuditFilter filter = Make().search(u"kofi"_s);
    QVERIFY(!filter.matches(entry()));
    const auto label = [](const QString &guid) { return guid == u"p-7" ? u"Kofi Mensah"_s : QString(); };
    QVERIFY(filter.matches(entry(), label));
    // A member whose label does not match, in an entry that does not otherwise match.
    QVERIFY(!AuditFilter(Make().search(u"ama"_s)).matches(entry(), label));
}

void TestAuditFilter::search_ignoresFieldNamesAndReason()
{
    QVERIFY(!AuditFilter(Make().search(u"roof"_s)).matches(entry()));
    QVERIFY(!AuditFilter(Make().search(u"visit"_s)).matches(entry()));
    QVERIFY(!AuditFilter(Make().search(u"enumerator"_s)).matches(entry()));
}

void TestAuditFilter::isEmpty_onlyWhenNothingIsSet()
{
    QVERIFY(AuditFilter{}.isEmpty());
    QVERIFY(AuditFilter(Make().search(u" "_s)).isEmpty());
    QVERIFY(!AuditFilter(Make().user(u"x"_s)).isEmpty());
    QVERIFY(!AuditFilter(Make().type(u"x"_s)).isEmpty());
    QVERIFY(!AuditFilter(Make().from(0)).isEmpty());
    QVERIFY(!AuditFilter(Make().to(0)).isEmpty());
    QVERIFY(!AuditFilter(Make().search(u"x"_s)).isEmpty());
}

void TestAuditFilter::auditValueText_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << QString();
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << u"null"_s;
    QTest::newRow("true") << QJsonValue(true) << u"true"_s;
    QTest::newRow("integer") << QJsonValue(34) << u"34"_s;
    QTest::newRow("decimal") << QJsonValue(1.5) << u"1.5"_s;
    QTest::newRow("string") << QJsonValue(u"Ana"_s) << u"Ana"_s;
    QTest::newRow("array") << QJsonValue(QJsonArray{1, u"x"_s}) << uR"([1,"x"])"_s;
    QTest::newRow("object") << QJsonValue(QJsonObject{{u"a"_s, 1}}) << uR"({"a":1})"_s;
}

void TestAuditFilter::auditValueText()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QCOMPARE(::auditValueText(value), expected);
}

QTEST_GUILESS_MAIN(TestAuditFilter)
#include "tst_auditfilter.moc"
