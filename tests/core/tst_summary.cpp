// summarize() (core/exchange/summary.h): the numbers of the summary report and the dashboard,
// checked against the hand-worked sample of reportfixture.h, now, as of an instant, and
// filtered by registration day and village; the household rows' SQL path checked equal to the
// log's on a demo registry with moves, splits, deletions, late events and review decisions.
#include "core/domain/demogenerator.h"
#include "core/domain/reviewapplier.h"
#include "core/domain/reviewqueue.h"
#include "core/exchange/summary.h"
#include "core/integrity/hash.h"
#include "core/storage/householdindex.h"
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

Event makeEvent(const QString &guid, const QString &entityGuid, const QString &type, const QJsonObject &data,
                const QDateTime &when, const QString &user)
{
    auto event = Event::make(guid, entityGuid, type, data, formatUtcMillis(when), user);
    if (!event)
        qFatal("event %s: %s", qPrintable(guid), qPrintable(event.error().message));
    return *std::move(event);
}

void importOrDie(Ledger &ledger, const std::vector<Event> &events)
{
    auto report = ledger.importEvents(events);
    if (!report)
        qFatal("import: %s", qPrintable(report.error().message));
}

// What the review decisions below leave: 7 approved, 5 flagged, 5 rejected, 3 changed since
// their approval, the rest never reviewed.
struct BusyRegistry {
    QStringList households; // registered by the demo, in order
};

// The demo generator's households (registrations, follow-up visits, moves) as three
// enumerators' events, then, the next day: five splits, five deletions, a late registration
// (older than every other event), households whose village is a number or has spaces, and a
// supervisor's decisions (approved, flagged, rejected), three of the approved changed again.
BusyRegistry fillBusyRegistry(Ledger &ledger, int households)
{
    BusyRegistry made;
    const QDateTime now(QDate(2026, 11, 26), QTime(12, 0), QTimeZone::utc());
    DemoGenerator generator(DemoOptions{households, 7, 2, 60}, now);
    QHash<QString, QString> registrar;
    while (!generator.atEnd()) {
        std::vector<Event> batch;
        for (const Command &command : generator.nextBatch(60)) {
            QString user = registrar.value(command.entityGuid);
            if (user.isEmpty())
                user = u"enum-%1"_s.arg(1 + qHash(command.entityGuid) % 3);
            if (command.type == u"create-group") {
                registrar.insert(command.entityGuid, user);
                made.households.append(command.entityGuid);
            }
            auto event = Event::make(command.guid, command.entityGuid, command.type, command.data,
                                     command.timestamp, user, command.metadata, command.context);
            if (!event)
                qFatal("demo event: %s", qPrintable(event.error().message));
            batch.push_back(*std::move(event));
        }
        importOrDie(ledger, batch);
    }

    QDateTime when(QDate(2026, 11, 27), QTime(9, 0), QTimeZone::utc());
    auto next = [&when]() {
        when = when.addSecs(60);
        return when;
    };
    std::vector<Event> later;
    const QStringList &hh = made.households;
    int splits = 0;
    for (qsizetype i = 0; i < hh.size() && splits < 5; i += 3) {
        auto group = ledger.entity(hh[i]);
        if (!group || !*group || (*group)->memberIds.size() < 2)
            continue;
        later.push_back(makeEvent(u"split-%1"_s.arg(splits), hh[i], u"split-household"_s,
                                  {{u"memberIds"_s, QJsonArray{(*group)->memberIds.last()}},
                                   {u"newGroupGuid"_s, u"split-hh-%1"_s.arg(splits)},
                                   {u"newGroupData"_s, QJsonObject{{u"name"_s, u"Split %1"_s.arg(splits)},
                                                                   {u"village"_s, u"Kalo"_s}}}},
                                  next(), u"sup"_s));
        ++splits;
    }
    for (int d = 0; d < 5; ++d)
        later.push_back(
            makeEvent(u"delete-%1"_s.arg(d), hh[1 + d * 5], u"delete-entity"_s, {}, next(), u"sup"_s));
    later.push_back(makeEvent(u"odd-1"_s, u"odd-village-number"_s, u"create-group"_s,
                              {{u"name"_s, u"Numbered"_s}, {u"village"_s, 42}}, next(), u"enum-2"_s));
    later.push_back(makeEvent(u"odd-2"_s, u"odd-village-spaces"_s, u"create-group"_s,
                              {{u"name"_s, u"Spaced"_s}, {u"village"_s, u"  Kalo "_s}}, next(), u"enum-3"_s));
    importOrDie(ledger, later);

    // Decisions on households the splits and deletions left alone (from the end of the list).
    std::vector<Event> reviews;
    const auto decide = [&](int n, const QJsonObject &data) {
        const QString &guid = hh[hh.size() - 1 - n];
        reviews.push_back(makeEvent(u"review-%1"_s.arg(n), guid, review::ReviewHousehold.toString(), data,
                                    next(), u"sup"_s));
    };
    for (int n = 0; n < 10; ++n)
        decide(n, {{u"decision"_s, u"approved"_s}});
    for (int n = 10; n < 15; ++n)
        decide(n, {{u"decision"_s, u"flagged"_s}, {u"comment"_s, u"ages to check"_s}});
    for (int n = 15; n < 20; ++n)
        decide(n, {{u"decision"_s, u"rejected"_s}, {u"reason"_s, u"duplicate"_s}});
    for (int n = 0; n < 3; ++n)
        reviews.push_back(makeEvent(u"after-review-%1"_s.arg(n), hh[hh.size() - 1 - n], u"update-group"_s,
                                    {{u"phone"_s, u"+221 77 000 00 0%1"_s.arg(n)}}, next(), u"enum-1"_s));
    importOrDie(ledger, reviews);

    // Late: registered before every other event, logged last (its projections are replayed).
    importOrDie(ledger,
                {makeEvent(u"late-1"_s, u"late-hh"_s, u"create-group"_s,
                           {{u"name"_s, u"Late"_s},
                            {u"village"_s, u"Mbale"_s},
                            {u"members"_s,
                             QJsonArray{QJsonObject{{u"guid"_s, u"late-p1"_s}, {u"name"_s, u"Awa"_s}}}}},
                           QDateTime(QDate(2026, 9, 1), QTime(8, 0), QTimeZone::utc()), u"enum-1"_s)});
    return made;
}

} // namespace

class TestSummary final : public QObject {
    Q_OBJECT

    std::unique_ptr<LedgerFixture> m_fixture;
    std::unique_ptr<LedgerFixture> m_busy; // fillBusyRegistry(), made by the first test needing it

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
    void cleanupTestCase()
    {
        m_fixture.reset();
        m_busy.reset();
    }

    void now_countsLiveHouseholdsByRegistration()
    {
        const RegistrySummary s = summary();
        QCOMPARE(s.households, 5);
        QCOMPARE(s.members, 10);
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
        QTest::newRow("Kalo and Mbale")
            << QString() << QString() << QStringList{u"Kalo"_s, u"Mbale"_s} << QString() << 5 << 10
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
        QTest::newRow("no village, as of the 5th")
            << QString() << QString() << QStringList{QString()} << u"2026-11-05T12:00:00Z"_s << 1 << 0
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
        QCOMPARE(json.value(u"review"_s).toObject().value(u"neverReviewed"_s).toInt(), 3);
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
        QCOMPARE(s->registrationsPerEnumerator.size(), 12);
        QCOMPARE(s->householdsPerVillage.size(), 20);
        QCOMPARE(s->dailyRegistrations().size(), 31); // 1 Oct 06:00 + 30 days, every 3 hours
        qint64 members = 0;
        for (auto it = s->householdSizes.cbegin(); it != s->householdSizes.cend(); ++it)
            members += it.key() * it.value();
        QCOMPARE(members, s->members);
    }

    void householdRows_equalTheLog_data()
    {
        QTest::addColumn<QStringList>("villages");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("everything") << QStringList{} << QString() << QString();
        QTest::newRow("Kalo") << QStringList{u"Kalo"_s} << QString() << QString();
        QTest::newRow("no village") << QStringList{QString()} << QString() << QString();
        QTest::newRow("two villages, a week")
            << QStringList{u"Kalo"_s, u"Mbale"_s} << u"2026-11-10"_s << u"2026-11-16"_s;
        QTest::newRow("until the 20th") << QStringList{} << QString() << u"2026-11-20"_s;
        QTest::newRow("the splits' day on") << QStringList{} << u"2026-11-27"_s << QString();
    }
    // The present state from the household rows (SQL aggregates) equals the log's pass and the
    // replay as of the far future, on a registry with everything that moves a household.
    void householdRows_equalTheLog()
    {
        QFETCH(QStringList, villages);
        QFETCH(QString, from);
        QFETCH(QString, to);
        if (!m_busy) {
            m_busy = std::make_unique<LedgerFixture>();
            FL_VERIFY_OK(HouseholdIndex::install(m_busy->ledger()));
            fillBusyRegistry(m_busy->ledger(), 300);
        }
        SummaryFilter filter;
        filter.villages = villages;
        if (!from.isEmpty())
            filter.from = QDate::fromString(from, Qt::ISODate);
        if (!to.isEmpty())
            filter.to = QDate::fromString(to, Qt::ISODate);
        Ledger &ledger = m_busy->ledger();
        auto rows = summarize(ledger, std::nullopt, filter, {}, SummarySource::HouseholdRows);
        QVERIFY2(rows, rows ? "" : qPrintable(rows.error().message));
        QCOMPARE(rows->source, SummarySource::HouseholdRows);
        auto log = summarize(ledger, std::nullopt, filter, {}, SummarySource::Log);
        QVERIFY(log);
        QCOMPARE(log->source, SummarySource::Log);
        auto replayed = summarize(ledger, instant("2100-01-01T00:00:00Z"), filter);
        QVERIFY(replayed);
        replayed->asOfNs.reset();
        QCOMPARE(rows->toJson(), log->toJson());
        QCOMPARE(rows->toJson(), replayed->toJson());
        QCOMPARE(rows->villages, log->villages);
        QCOMPARE(rows->villages, replayed->villages);
        QVERIFY(rows->households > 0 || !villages.isEmpty());
        QCOMPARE(rows->review.total(), rows->households);
        auto automatic = summarize(ledger, std::nullopt, filter);
        QVERIFY(automatic);
        QCOMPARE(automatic->source, SummarySource::HouseholdRows);
    }

    void review_countsEachHouseholdOnce()
    {
        if (!m_busy) {
            m_busy = std::make_unique<LedgerFixture>();
            FL_VERIFY_OK(HouseholdIndex::install(m_busy->ledger()));
            fillBusyRegistry(m_busy->ledger(), 300);
        }
        auto result = summarize(m_busy->ledger(), std::nullopt);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        const RegistrySummary &s = *result;
        QCOMPARE(s.source, SummarySource::HouseholdRows);
        QCOMPARE(s.review.approved, 7);
        QCOMPARE(s.review.flagged, 5);
        QCOMPARE(s.review.rejected, 5);
        QCOMPARE(s.review.changedSinceReview, 3);
        QCOMPARE(s.review.neverReviewed, s.households - 20);
        // The review queue counts the same households (awaiting: never reviewed or changed since).
        const ReviewCounts queue = *ReviewQueue(m_busy->ledger()).counts();
        QCOMPARE(queue.approved, s.review.approved);
        QCOMPARE(queue.flagged, s.review.flagged);
        QCOMPARE(queue.rejected, s.review.rejected);
        QCOMPARE(queue.awaiting, s.review.awaiting());
        const QJsonObject json = s.toJson().value(u"review"_s).toObject();
        QCOMPARE(json.value(u"approved"_s).toInteger(), 7);
        QCOMPARE(json.value(u"changedSinceReview"_s).toInteger(), 3);
        QCOMPARE(json.value(u"neverReviewed"_s).toInteger(), s.households - 20);

        // Before the decisions, as of the evening of the last registration day: none reviewed.
        auto before = summarize(m_busy->ledger(), instant("2026-11-26T00:00:00Z"));
        QVERIFY(before);
        QCOMPARE(before->review.neverReviewed, before->households);
        QCOMPARE(before->review.decided(), 0);

        // The sample has no decisions.
        QCOMPARE(summary().review, (ReviewProgress{5, 0, 0, 0, 0}));
    }

    void automatic_readsTheRowsOnlyWhileTheyAreCurrent()
    {
        LedgerFixture f;
        importReportSample(f.ledger());
        // No household rows kept: the log answers, the rows refuse.
        auto noRows = summarize(f.ledger(), std::nullopt);
        QVERIFY(noRows);
        QCOMPARE(noRows->source, SummarySource::Log);
        auto refused = summarize(f.ledger(), std::nullopt, {}, {}, SummarySource::HouseholdRows);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unsupported);

        FL_VERIFY_OK(HouseholdIndex::install(f.ledger()));
        auto kept = summarize(f.ledger(), std::nullopt);
        QVERIFY(kept);
        QCOMPARE(kept->source, SummarySource::HouseholdRows);
        QCOMPARE(kept->toJson(), noRows->toJson());
        // As of an instant only the log can answer.
        auto asOf =
            summarize(f.ledger(), instant("2026-11-05T12:00:00Z"), {}, {}, SummarySource::HouseholdRows);
        QVERIFY(!asOf);
        QCOMPARE(asOf.error().code, ErrorCode::Unsupported);

        // A ledger without the index writes an event: the rows are stale, the log answers.
        f.openLedger();
        importOrDie(f.ledger(),
                    {makeEvent(u"ev-new"_s, u"hh-new"_s, u"create-group"_s,
                               {{u"name"_s, u"New"_s}, {u"village"_s, u"Kalo"_s}},
                               QDateTime(QDate(2026, 11, 8), QTime(8, 0), QTimeZone::utc()), u"enum-1"_s)});
        auto stale = summarize(f.ledger(), std::nullopt);
        QVERIFY(stale);
        QCOMPARE(stale->source, SummarySource::Log);
        QCOMPARE(stale->households, 6);
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
