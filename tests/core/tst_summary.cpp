// summarize() (core/exchange/summary.h): the numbers of the summary report and the dashboard,
// checked against the hand-worked sample of reportfixture.h, now, as of an instant, and
// filtered by registration day and village.
#include "core/exchange/summary.h"
#include "core/integrity/hash.h"
#include "ledgerfixture.h"
#include "reportfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using namespace fieldledger::testing;
using namespace fieldledger::testing::reports;

namespace {

QDate day(const char *text)
{
    return QDate::fromString(QString::fromLatin1(text), Qt::ISODate);
}

qint64 instant(const char *text)
{
    return *Timestamp::parseInstantNs(QString::fromLatin1(text));
}

template<typename Key>
QMap<Key, qint64> counts(std::initializer_list<std::pair<Key, qint64>> pairs)
{
    QMap<Key, qint64> map;
    for (const auto &[key, count] : pairs)
        map.insert(key, count);
    return map;
}

} // namespace

class TestSummary final : public QObject {
    Q_OBJECT

    std::unique_ptr<LedgerFixture> m_fixture;

    RegistrySummary summary(std::optional<qint64> at = std::nullopt, const SummaryFilter &filter = {})
    {
        auto result = summarize(m_fixture->ledger(), at, filter);
        if (!result)
            qFatal("summarize: %s", qPrintable(result.error().message));
        return *std::move(result);
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<LedgerFixture>();
        importReportSample(m_fixture->ledger());
    }
    void cleanupTestCase() { m_fixture.reset(); }

    void now_countsLiveHouseholdsByRegistration()
    {
        const RegistrySummary s = summary();
        QCOMPARE(s.households, 5);
        QCOMPARE(s.members, 10);
        QCOMPARE(s.householdsEdited, 2); // hh-a (split), hh-b (updated)
        QCOMPARE(s.householdsUnchanged(), 3);
        QCOMPARE(s.events, 8);
        // hh-e was registered by the split, hh-f on the day of its late event.
        QCOMPARE(s.registrationsPerDay, counts<QDate>({{day("2026-10-30"), 1},
                                                       {day("2026-11-01"), 2},
                                                       {day("2026-11-03"), 1},
                                                       {day("2026-11-07"), 1}}));
        QCOMPARE(s.registrationsPerEnumerator,
                 counts<QString>({{u"enum-1"_s, 2}, {u"enum-2"_s, 1}, {u"enum-3"_s, 1}, {u"sup"_s, 1}}));
        QCOMPARE(s.householdsPerVillage, counts<QString>({{u"Kalo"_s, 3}, {u"Mbale"_s, 2}}));
        QCOMPARE(s.householdSizes, counts<qint64>({{1, 2}, {2, 2}, {4, 1}}));
        QCOMPARE(s.villages, (QStringList{u"Kalo"_s, u"Mbale"_s}));
        QCOMPARE(s.logSize, m_fixture->ledger().log().size());
        QCOMPARE(s.rootHex, toHex(*m_fixture->ledger().rootAt(std::nullopt)));
    }

    void asOf_countsTheRegistryAsItWas()
    {
        const RegistrySummary s = summary(instant("2026-11-05T12:00:00Z"));
        QCOMPARE(s.households, 5); // hh-d not deleted yet, hh-e not split off yet
        QCOMPARE(s.members, 10);
        QCOMPARE(s.householdsEdited, 1);
        QCOMPARE(s.events, 6);
        QCOMPARE(s.registrationsPerDay, counts<QDate>({{day("2026-10-30"), 1},
                                                       {day("2026-11-01"), 2},
                                                       {day("2026-11-03"), 1},
                                                       {day("2026-11-04"), 1}}));
        QCOMPARE(s.householdsPerVillage, counts<QString>({{QString(), 1}, {u"Kalo"_s, 2}, {u"Mbale"_s, 2}}));
        QCOMPARE(s.householdSizes, counts<qint64>({{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 1}}));
        QCOMPARE(s.villages, (QStringList{QString(), u"Kalo"_s, u"Mbale"_s}));

        const RegistrySummary before = summary(instant("2026-10-01T00:00:00Z"));
        QCOMPARE(before.households, 0);
        QCOMPARE(before.events, 0);
        QVERIFY(before.registrationsPerDay.isEmpty());
        QVERIFY(before.dailyRegistrations().isEmpty());
        QVERIFY(before.sizeHistogram().isEmpty());
    }

    void now_equalsAsOfTheFarFuture_data()
    {
        QTest::addColumn<QStringList>("villages");
        QTest::addColumn<QString>("from");
        QTest::newRow("everything") << QStringList{} << QString();
        QTest::newRow("Kalo") << QStringList{u"Kalo"_s} << QString();
        QTest::newRow("from the 3rd") << QStringList{} << u"2026-11-03"_s;
    }
    // The present state is read from the live groups' projections directly, an as-of summary
    // through the ledger's walk over every entity: both must count the same.
    void now_equalsAsOfTheFarFuture()
    {
        QFETCH(QStringList, villages);
        QFETCH(QString, from);
        SummaryFilter filter;
        filter.villages = villages;
        if (!from.isEmpty())
            filter.from = QDate::fromString(from, Qt::ISODate);
        RegistrySummary now = summary(std::nullopt, filter);
        RegistrySummary later = summary(instant("2100-01-01T00:00:00Z"), filter);
        later.asOfNs.reset();
        QCOMPARE(now.toJson(), later.toJson());
        QCOMPARE(now.villages, later.villages);

        LedgerFixture big;
        QVERIFY(big.ledger().importEvents(generatedHouseholds(200)));
        RegistrySummary bigNow = *summarize(big.ledger(), std::nullopt, filter);
        RegistrySummary bigLater = *summarize(big.ledger(), instant("2100-01-01T00:00:00Z"), filter);
        bigLater.asOfNs.reset();
        QCOMPARE(bigNow.toJson(), bigLater.toJson());
    }

    void filter_countsOnlyMatchingHouseholds_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QStringList>("villages");
        QTest::addColumn<QString>("at");
        QTest::addColumn<int>("households");
        QTest::addColumn<int>("members");
        QTest::addColumn<QStringList>("enumerators");
        QTest::newRow("Kalo") << QString() << QString() << QStringList{u"Kalo"_s} << QString() << 3 << 5
                              << QStringList{u"enum-1"_s, u"sup"_s};
        QTest::newRow("Kalo and Mbale") << QString() << QString() << QStringList{u"Kalo"_s, u"Mbale"_s}
                                        << QString() << 5 << 10
                                        << QStringList{u"enum-1"_s, u"enum-2"_s, u"enum-3"_s, u"sup"_s};
        QTest::newRow("no such village")
            << QString() << QString() << QStringList{u"Nowhere"_s} << QString() << 0 << 0 << QStringList{};
        QTest::newRow("1st to 3rd") << u"2026-11-01"_s << u"2026-11-03"_s << QStringList{} << QString() << 3
                                    << 5 << QStringList{u"enum-1"_s, u"enum-2"_s};
        QTest::newRow("from the 3rd") << u"2026-11-03"_s << QString() << QStringList{} << QString() << 2 << 3
                                      << QStringList{u"enum-1"_s, u"sup"_s};
        QTest::newRow("to October") << QString() << u"2026-10-31"_s << QStringList{} << QString() << 1 << 4
                                    << QStringList{u"enum-3"_s};
        QTest::newRow("one day, Mbale") << u"2026-11-01"_s << u"2026-11-01"_s << QStringList{u"Mbale"_s}
                                        << QString() << 1 << 1 << QStringList{u"enum-2"_s};
        QTest::newRow("no village, as of the 5th") << QString() << QString() << QStringList{QString()}
                                                   << u"2026-11-05T12:00:00Z"_s << 1 << 0
                                                   << QStringList{u"enum-2"_s};
    }
    void filter_countsOnlyMatchingHouseholds()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QStringList, villages);
        QFETCH(QString, at);
        QFETCH(int, households);
        QFETCH(int, members);
        QFETCH(QStringList, enumerators);
        SummaryFilter filter;
        if (!from.isEmpty())
            filter.from = QDate::fromString(from, Qt::ISODate);
        if (!to.isEmpty())
            filter.to = QDate::fromString(to, Qt::ISODate);
        filter.villages = villages;
        const RegistrySummary s =
            summary(at.isEmpty() ? std::nullopt : std::optional<qint64>(instant(qPrintable(at))), filter);
        QCOMPARE(s.households, households);
        QCOMPARE(s.members, members);
        QCOMPARE(s.registrationsPerEnumerator.keys(), enumerators);
        qint64 perDay = 0;
        for (const qint64 count : s.registrationsPerDay)
            perDay += count;
        QCOMPARE(perDay, households);
        qint64 perVillage = 0;
        for (const qint64 count : s.householdsPerVillage)
            perVillage += count;
        QCOMPARE(perVillage, households);
        // The village list is for choosing a filter: it ignores the filter.
        QVERIFY(s.villages.contains(u"Kalo"_s));
        QVERIFY(s.villages.contains(u"Mbale"_s));
        // The log does not depend on the filter.
        QCOMPARE(s.events, at.isEmpty() ? 8 : 6);
    }

    void dailyRegistrations_fillsTheDaysBetween()
    {
        const RegistrySummary s = summary();
        const auto days = s.dailyRegistrations();
        QCOMPARE(days.size(), 9); // 30 Oct .. 7 Nov
        QCOMPARE(days.first(), std::make_pair(day("2026-10-30"), qint64(1)));
        QCOMPARE(days[1], std::make_pair(day("2026-10-31"), qint64(0)));
        QCOMPARE(days[2], std::make_pair(day("2026-11-01"), qint64(2)));
        QCOMPARE(days.last(), std::make_pair(day("2026-11-07"), qint64(1)));
        qint64 total = 0;
        for (const auto &[date, count] : days)
            total += count;
        QCOMPARE(total, s.households);

        // A closed date range shows every day of the range, even empty ones.
        SummaryFilter filter;
        filter.from = day("2026-11-02");
        filter.to = day("2026-11-10");
        const auto ranged = summary(std::nullopt, filter).dailyRegistrations();
        QCOMPARE(ranged.size(), 9);
        QCOMPARE(ranged.first().first, day("2026-11-02"));
        QCOMPARE(ranged.last(), std::make_pair(day("2026-11-10"), qint64(0)));
    }

    void sizeHistogram_runsFromZeroToTheLargest()
    {
        const auto sizes = summary().sizeHistogram();
        QCOMPARE(sizes.size(), 5);
        QCOMPARE(sizes[0], std::make_pair(qint64(0), qint64(0)));
        QCOMPARE(sizes[1], std::make_pair(qint64(1), qint64(2)));
        QCOMPARE(sizes[3], std::make_pair(qint64(3), qint64(0)));
        QCOMPARE(sizes[4], std::make_pair(qint64(4), qint64(1)));
    }

    void toJson_holdsTheSameNumbers()
    {
        SummaryFilter filter;
        filter.villages = {u"Kalo"_s};
        filter.from = day("2026-11-01");
        const QJsonObject json = summary(instant("2026-11-30T00:00:00Z"), filter).toJson();
        QCOMPARE(json.value(u"households"_s).toInt(), 3);
        QCOMPARE(json.value(u"householdsEdited"_s).toInt(), 1);
        QCOMPARE(json.value(u"householdsUnchanged"_s).toInt(), 2);
        QCOMPARE(json.value(u"asOf"_s).toString(), u"2026-11-30T00:00:00.000Z"_s);
        QCOMPARE(json.value(u"registrationsPerDay"_s).toObject(),
                 (QJsonObject{{u"2026-11-01"_s, 1}, {u"2026-11-03"_s, 1}, {u"2026-11-07"_s, 1}}));
        QCOMPARE(json.value(u"householdSizes"_s).toObject(), (QJsonObject{{u"1"_s, 1}, {u"2"_s, 2}}));
        QCOMPARE(json.value(u"filter"_s).toObject(),
                 (QJsonObject{{u"from"_s, u"2026-11-01"_s}, {u"villages"_s, QJsonArray{u"Kalo"_s}}}));
        QCOMPARE(json.value(u"root"_s).toString().size(), 64);
        QCOMPARE(filter.describe(), u"2026-11-01.., Kalo"_s);
    }

    void progress_cancels()
    {
        int calls = 0;
        auto result = summarize(m_fixture->ledger(), std::nullopt, {}, [&](quint64, quint64) {
            ++calls;
            return false;
        });
        // The sample is smaller than one progress step: a larger registry is needed to cancel.
        QVERIFY(result);
        QCOMPARE(calls, 0);

        LedgerFixture big;
        QVERIFY(big.ledger().importEvents(generatedHouseholds(300)));
        auto cancelled = summarize(big.ledger(), std::nullopt, {}, [&](quint64 done, quint64) {
            ++calls;
            return done < 300;
        });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QVERIFY(calls >= 2);
    }

    void generatedHouseholds_addUp()
    {
        LedgerFixture big;
        QVERIFY(big.ledger().importEvents(generatedHouseholds(240)));
        auto s = summarize(big.ledger(), std::nullopt);
        QVERIFY(s);
        QCOMPARE(s->households, 240);
        QCOMPARE(s->householdsEdited, 24);
        QCOMPARE(s->registrationsPerEnumerator.size(), 12);
        QCOMPARE(s->householdsPerVillage.size(), 20);
        QCOMPARE(s->dailyRegistrations().size(), 31); // 1 Oct 06:00 + 30 days, every 3 hours
        qint64 members = 0;
        for (auto it = s->householdSizes.cbegin(); it != s->householdSizes.cend(); ++it)
            members += it.key() * it.value();
        QCOMPARE(members, s->members);
    }

    void enumerator_isRefused()
    {
        LedgerFixture own;
        importReportSample(own.ledger());
        QVERIFY(own.registry().addUser({u"enum-1"_s, u"Enumerator"_s, Role::Enumerator, true},
                                       secret("enum passphrase")));
        own.reopenAs(u"enum-1"_s, "enum passphrase");
        auto result = summarize(own.ledger(), std::nullopt);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestSummary)
#include "tst_summary.moc"
