// The household list's rows (HouseholdIndex) and the query over them (HouseholdQuery): folding
// for search, rows kept in step with the projections inside the ledger's transactions, equal to
// a rebuild after any history, filtering, sorting, positions and access control.
#include "core/storage/householdindex.h"
#include "core/storage/householdquery.h"
#include "historygenerator.h"
#include "ledgerfixture.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using core::ErrorCode;
using core::HouseholdFilter;
using core::HouseholdIndex;
using core::HouseholdQuery;
using core::HouseholdRow;
using core::HouseholdSort;
using core::HouseholdSortColumn;

namespace {

QJsonObject person(const QString &guid, const QString &name, const QString &relationship = u"child"_s)
{
    return QJsonObject{{u"guid"_s, guid}, {u"name"_s, name}, {u"relationship"_s, relationship}};
}

core::Command household(const QString &guid, const QString &name, const QString &village,
                        const QJsonArray &members, const QString &timestamp = {})
{
    return command(u"create-group"_s, guid,
                   {{u"name"_s, name}, {u"village"_s, village}, {u"members"_s, members}}, timestamp);
}

// Whether household_search holds exactly one entry per row, each found by its own trigrams.
bool searchFollowsRows(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(
            u"SELECT (SELECT group_concat(rowid) FROM (SELECT rowid FROM household_rows ORDER BY rowid)) IS"
            " (SELECT group_concat(rowid) FROM (SELECT rowid FROM household_search ORDER BY rowid))"_s) ||
        !query.next() || !query.value(0).toBool())
        return false;
    if (!query.exec(
            u"SELECT count(*) FROM household_rows r WHERE length(r.search_key) >= 3 AND r.rowid NOT IN ("
            "SELECT rowid FROM household_search WHERE household_search MATCH"
            " '\"' || substr(r.search_key, length(r.search_key) - 2) || '\"')"_s) ||
        !query.next())
        qFatal("cannot check household_search: %s", qPrintable(query.lastError().text()));
    return query.value(0).toInt() == 0;
}

// Every column of every row, sorted by guid, and whether the search index follows them: what a
// rebuild must reproduce exactly.
QList<QStringList> tableRows(QSqlDatabase db)
{
    QList<QStringList> rows;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT * FROM household_rows ORDER BY guid"_s))
        qFatal("cannot read household_rows");
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < query.record().count(); ++i)
            row.append(query.value(i).toString());
        rows.append(row);
    }
    query.finish();
    rows.append(
        QStringList{u"household_search follows the rows"_s, searchFollowsRows(db) ? u"yes"_s : u"no"_s});
    return rows;
}

int rowCount(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(u"SELECT count(*) FROM household_rows"_s) || !query.next())
        qFatal("cannot count household_rows");
    return query.value(0).toInt();
}

// The rows a from-scratch rebuild gives, leaving the table rebuilt.
QList<QStringList> rebuiltRows(QSqlDatabase db)
{
    HouseholdIndex fresh(db);
    if (auto ok = fresh.rebuild(); !ok)
        qFatal("rebuild failed: %s", qPrintable(ok.error().message));
    return tableRows(db);
}

std::vector<HouseholdRow> everything(const HouseholdQuery &query, const HouseholdFilter &filter = {},
                                     const HouseholdSort &sort = {})
{
    auto rows = query.page(filter, sort, 0, 1'000'000);
    if (!rows)
        qFatal("page failed: %s", qPrintable(rows.error().message));
    return *rows;
}

QStringList guidsOf(const std::vector<HouseholdRow> &rows)
{
    QStringList guids;
    for (const HouseholdRow &row : rows)
        guids.append(row.guid);
    return guids;
}

// A fixture whose ledger keeps the household rows (as Ledger::open will by default).
struct IndexedLedger : LedgerFixture {
    IndexedLedger() { install(); }
    void install()
    {
        if (auto ok = HouseholdIndex::install(ledger()); !ok)
            qFatal("install failed: %s", qPrintable(ok.error().message));
    }
    void reopenIndexedAs(const QString &user, const char *passphrase)
    {
        reopenAs(user, passphrase);
        install();
    }
};

} // namespace

class TestHouseholdIndex final : public QObject {
    Q_OBJECT

private slots:
    void foldForSearch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("diaeresis") << u"Aïssatou"_s << u"aissatou"_s;
        QTest::newRow("acute") << u"Ngoné"_s << u"ngone"_s;
        QTest::newRow("upper case accent") << u"NGONÉ"_s << u"ngone"_s;
        QTest::newRow("spanish") << u"José Núñez"_s << u"jose nunez"_s;
        QTest::newRow("cedilla") << u"Françoise"_s << u"francoise"_s;
        QTest::newRow("vietnamese stacked marks") << u"Nguyễn"_s << u"nguyen"_s;
        QTest::newRow("apostrophe dropped") << u"N'Diaye"_s << u"ndiaye"_s;
        QTest::newRow("typographic apostrophe") << u"N\u2019Diaye"_s << u"ndiaye"_s;
        QTest::newRow("hyphen is a space") << u"Marie-Claire"_s << u"marie claire"_s;
        QTest::newRow("underscore is a space") << u"upper_mesa"_s << u"upper mesa"_s;
        QTest::newRow("spaces collapse and trim") << u"  Diallo \t Aïssatou  "_s << u"diallo aissatou"_s;
        QTest::newRow("punctuation run") << u"Sow, (Bâ)."_s << u"sow ba"_s;
        QTest::newRow("sharp s") << u"Straße"_s << u"strasse"_s;
        QTest::newRow("ligature oe") << u"Œuvre"_s << u"oeuvre"_s;
        QTest::newRow("ligature ae") << u"Æsa"_s << u"aesa"_s;
        QTest::newRow("compatibility ligature fi") << u"\uFB01la"_s << u"fila"_s;
        QTest::newRow("full-width") << u"\uFF2B\uFF41\uFF4C\uFF4F"_s << u"kalo"_s;
        QTest::newRow("hooked letters of Fula") << u"\u0181ah\u018Ai \u01B3ero"_s << u"bahdi yero"_s;
        QTest::newRow("open e and o of Bambara") << u"\u0190\u0186k\u0254"_s << u"eoko"_s;
        QTest::newRow("eng") << u"\u014Bgan"_s << u"ngan"_s;
        QTest::newRow("turkish dotted capital") << u"\u0130brahima"_s << u"ibrahima"_s;
        QTest::newRow("turkish dotless") << u"\u0131brahima"_s << u"ibrahima"_s;
        QTest::newRow("digits stay") << u"Lot 12b"_s << u"lot 12b"_s;
        QTest::newRow("outside the BMP") << u"x\U0001D400y"_s << u"xay"_s;
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("only punctuation") << u" - ' "_s << QString();
    }

    void foldForSearch()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(core::foldForSearch(text), folded);
    }

    void submit_createGroup_addsRowInSameTransaction()
    {
        IndexedLedger f;
        f.clock().set(QDateTime(QDate(2026, 11, 20), QTime(8, 0), QTimeZone::utc()));
        QVERIFY(f.ledger().submit(household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s,
                                            {person(u"p-1"_s, u"Aïssatou Diallo"_s, u"head"_s),
                                             person(u"p-2"_s, u"Moussa Diallo"_s, u"spouse"_s)})));
        HouseholdQuery query(f.ledger());
        auto row = query.row(u"hh-1"_s);
        FL_VERIFY_OK(row);
        QVERIFY(row->has_value());
        const HouseholdRow &r = **row;
        QCOMPARE(r.name, u"Diallo"_s);
        QCOMPARE(r.head, u"Aïssatou Diallo"_s);
        QCOMPARE(r.village, u"kalo"_s);
        QCOMPARE(r.memberCount, 2);
        QCOMPARE(r.registeredBy, u"admin"_s);
        QCOMPARE(r.registeredAt, QDateTime(QDate(2026, 11, 20), QTime(8, 0), QTimeZone::utc()));
        QCOMPARE(r.updatedAt, r.registeredAt);
        QVERIFY(!r.deleted);
        QVERIFY(*HouseholdIndex(f.registry().database()).isCurrent());
    }

    void refusedCommand_leavesNoRow()
    {
        IndexedLedger f;
        QVERIFY(f.ledger().submit(household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s, {})));
        // The second command is refused: the whole batch, the first household's row included,
        // is rolled back.
        auto refused = f.ledger().submitBatch({household(u"hh-2"_s, u"Sow"_s, u"tamba"_s, {}),
                                               command(u"update-individual"_s, u"ghost"_s, {})});
        QVERIFY(!refused);
        HouseholdQuery query(f.ledger());
        QCOMPARE(*query.count({}), 1);
        QVERIFY(!query.row(u"hh-2"_s)->has_value());
    }

    void memberChanges_updateHeadCountAndUpdatedAt()
    {
        IndexedLedger f;
        QVERIFY(f.ledger().submit(
            household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s,
                      {person(u"p-1"_s, u"Aïssatou Diallo"_s, u"head"_s),
                       person(u"p-2"_s, u"Moussa Diallo"_s, u"spouse"_s), person(u"p-3"_s, u"Awa Diallo"_s)},
                      timestampAt(0))));
        QVERIFY(
            f.ledger().submit(household(u"hh-2"_s, u"Ndiaye"_s, u"tamba"_s,
                                        {person(u"p-4"_s, u"Ngoné Ndiaye"_s, u"head"_s)}, timestampAt(10))));
        HouseholdQuery query(f.ledger());

        // Renaming the head shows in the household's row, and moves its last update.
        QVERIFY(f.ledger().submit(
            command(u"update-individual"_s, u"p-1"_s, {{u"name"_s, u"Aïssatou Bâ"_s}}, timestampAt(20))));
        auto row = **query.row(u"hh-1"_s);
        QCOMPARE(row.head, u"Aïssatou Bâ"_s);
        QCOMPARE(row.updatedAt, core::Timestamp::parse(timestampAt(20))->toUtcDateTime());
        QCOMPARE(row.registeredAt, core::Timestamp::parse(timestampAt(0))->toUtcDateTime());

        // A move changes both counts.
        QVERIFY(f.ledger().submit(command(u"transfer-member"_s, u"hh-1"_s,
                                          {{u"memberId"_s, u"p-3"_s}, {u"toGroupGuid"_s, u"hh-2"_s}},
                                          timestampAt(30))));
        QCOMPARE((*query.row(u"hh-1"_s))->memberCount, 2);
        QCOMPARE((*query.row(u"hh-2"_s))->memberCount, 2);

        // Removing the head leaves a household without one.
        QVERIFY(f.ledger().submit(command(u"remove-member"_s, u"hh-1"_s,
                                          {{u"memberId"_s, u"p-1"_s}, {u"reason"_s, u"deceased"_s}},
                                          timestampAt(40))));
        row = **query.row(u"hh-1"_s);
        QCOMPARE(row.head, QString());
        QCOMPARE(row.memberCount, 1);

        // headId wins over relationships.
        QVERIFY(f.ledger().submit(
            command(u"update-group"_s, u"hh-2"_s, {{u"headId"_s, u"p-3"_s}}, timestampAt(50))));
        QCOMPARE((*query.row(u"hh-2"_s))->head, u"Awa Diallo"_s);

        // A deleted member no longer counts; the household changed.
        QVERIFY(f.ledger().submit(command(u"delete-entity"_s, u"p-3"_s, {}, timestampAt(60))));
        row = **query.row(u"hh-2"_s);
        QCOMPARE(row.memberCount, 1);
        QCOMPARE(row.head, u"Ngoné Ndiaye"_s);
        QCOMPARE(tableRows(f.registry().database()), rebuiltRows(f.registry().database()));
    }

    void headGuid_namesTheHead_relationshipInAnyCase()
    {
        IndexedLedger f;
        QVERIFY(f.ledger().submit(household(
            u"hh-1"_s, u"Diallo"_s, u"kalo"_s,
            {person(u"p-1"_s, u"Moussa"_s, u"spouse"_s), person(u"p-2"_s, u"Aïssatou"_s, u"HEAD"_s)},
            timestampAt(0))));
        auto headOf = [&](const QString &guid) {
            QSqlQuery query(f.registry().database());
            query.prepare(u"SELECT head, head_guid FROM household_rows WHERE guid = ?"_s);
            query.bindValue(0, guid);
            if (!query.exec() || !query.next())
                return QStringList{u"(no row)"_s};
            return QStringList{query.value(0).toString(), query.value(1).toString()};
        };
        QCOMPARE(headOf(u"hh-1"_s), (QStringList{u"Aïssatou"_s, u"p-2"_s}));
        // headId wins; removing the named head falls back to the relationship.
        QVERIFY(f.ledger().submit(
            command(u"update-group"_s, u"hh-1"_s, {{u"headId"_s, u"p-1"_s}}, timestampAt(10))));
        QCOMPARE(headOf(u"hh-1"_s), (QStringList{u"Moussa"_s, u"p-1"_s}));
        QVERIFY(f.ledger().submit(command(u"remove-member"_s, u"hh-1"_s,
                                          {{u"memberId"_s, u"p-1"_s}, {u"reason"_s, u"moved"_s}},
                                          timestampAt(20))));
        QCOMPARE(headOf(u"hh-1"_s), (QStringList{u"Aïssatou"_s, u"p-2"_s}));
        QCOMPARE(tableRows(f.registry().database()), rebuiltRows(f.registry().database()));
    }

    // A replay rewrites the projections but not the log: rows kept by an index that was not
    // there (the CLI's ledger) must read as stale afterwards, rows kept by an installed index
    // stay current.
    void replay_withoutTheIndex_leavesRowsStale_withItKeepsThemCurrent()
    {
        LedgerFixture plain;
        QVERIFY(plain.ledger().submit(household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s,
                                                {person(u"p-1"_s, u"Awa"_s, u"head"_s)}, timestampAt(0))));
        HouseholdIndex rows(plain.registry().database());
        QVERIFY(rows.rebuild());
        QVERIFY(*rows.isCurrent());
        QVERIFY(plain.ledger().replay());
        QVERIFY(!*rows.isCurrent());

        IndexedLedger indexed;
        QVERIFY(indexed.ledger().submit(household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s,
                                                  {person(u"p-1"_s, u"Awa"_s, u"head"_s)}, timestampAt(0))));
        QVERIFY(indexed.ledger().replay());
        QVERIFY(*HouseholdIndex(indexed.registry().database()).isCurrent());
        QCOMPARE(tableRows(indexed.registry().database()), rebuiltRows(indexed.registry().database()));
    }

    void householdsAffectedBy_mapsAChangeToRows()
    {
        IndexedLedger f;
        QVERIFY(f.ledger().submitBatch(
            {household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s, {person(u"p-1"_s, u"Awa"_s, u"head"_s)},
                       timestampAt(0)),
             household(u"hh-2"_s, u"Sow"_s, u"kalo"_s, {person(u"p-2"_s, u"Ali"_s, u"head"_s)},
                       timestampAt(1)),
             command(u"create-individual"_s, u"p-alone"_s, {{u"name"_s, u"Nobody's"_s}}, timestampAt(2))}));
        HouseholdQuery query(f.ledger());
        QSignalSpy spy(&f.ledger(), &core::Ledger::changed);
        QVERIFY(f.ledger().submit(
            command(u"update-individual"_s, u"p-2"_s, {{u"name"_s, u"Alí"_s}}, timestampAt(3))));
        QCOMPARE(spy.size(), 1);
        const auto change = spy.at(0).at(0).value<core::LedgerChange>();
        QCOMPARE(change.entityGuids, QStringList{u"p-2"_s});
        QCOMPARE(*query.householdsAffectedBy(change.entityGuids), QStringList{u"hh-2"_s});
        QCOMPARE(*query.householdsAffectedBy({u"hh-1"_s, u"p-2"_s, u"p-alone"_s}),
                 (QStringList{u"hh-1"_s, u"hh-2"_s}));
        QCOMPARE(*query.householdsAffectedBy({u"p-alone"_s, u"unknown"_s}), QStringList{});
        QCOMPARE(*query.householdsAffectedBy({}), QStringList{});

        // Installing again changes nothing (one index per ledger).
        FL_VERIFY_OK(HouseholdIndex::install(f.ledger()));
        QVERIFY(f.ledger().submit(
            command(u"update-individual"_s, u"p-1"_s, {{u"name"_s, u"Awa Bâ"_s}}, timestampAt(4))));
        QCOMPARE((*query.row(u"hh-1"_s))->head, u"Awa Bâ"_s);
    }

    void deletedHousehold_isListedOnlyOnRequest()
    {
        IndexedLedger f;
        QVERIFY(f.ledger().submit(household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s, {person(u"p-1"_s, u"A"_s)})));
        QVERIFY(f.ledger().submit(household(u"hh-2"_s, u"Sow"_s, u"kalo"_s, {})));
        QVERIFY(f.ledger().submit(command(u"delete-entity"_s, u"hh-1"_s, {})));
        HouseholdQuery query(f.ledger());
        QCOMPARE(*query.count({}), 1);
        QCOMPARE(*query.count(HouseholdFilter{{}, true}), 2);
        QCOMPARE(guidsOf(everything(query)), QStringList{u"hh-2"_s});
        auto row = **query.row(u"hh-1"_s);
        QVERIFY(row.deleted);
        QCOMPARE(row.memberCount, 0); // its member was tombstoned with it
        QVERIFY(!query.position(u"hh-1"_s, {}, {})->has_value());
        QCOMPARE(*query.position(u"hh-1"_s, HouseholdFilter{{}, true}, {}), std::optional<qint64>(0));
    }

    void lateEvent_reprojectsRows()
    {
        IndexedLedger f;
        QVERIFY(f.ledger().submit(household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s,
                                            {person(u"p-1"_s, u"Aïssatou"_s, u"head"_s)}, timestampAt(0))));
        QVERIFY(f.ledger().submit(command(u"update-individual"_s, u"p-1"_s,
                                          {{u"name"_s, u"Aïssatou Diallo"_s}}, timestampAt(100))));
        // Recorded earlier, synced later: the later rename still wins, the village changes.
        QVERIFY(f.ledger().submit(
            command(u"update-group"_s, u"hh-1"_s, {{u"village"_s, u"tamba"_s}}, timestampAt(50))));
        QVERIFY(f.ledger().submit(
            command(u"update-individual"_s, u"p-1"_s, {{u"name"_s, u"Awa"_s}}, timestampAt(40))));
        HouseholdQuery query(f.ledger());
        auto row = **query.row(u"hh-1"_s);
        QCOMPARE(row.head, u"Aïssatou Diallo"_s);
        QCOMPARE(row.village, u"tamba"_s);
        QCOMPARE(row.updatedAt, core::Timestamp::parse(timestampAt(100))->toUtcDateTime());
        QCOMPARE(tableRows(f.registry().database()), rebuiltRows(f.registry().database()));
    }

    void randomHistory_rowsEqualRebuild()
    {
        // One registry, emptied between histories (LedgerFixture::reset leaves the rows behind:
        // install sees them stale and rebuilds).
        IndexedLedger f;
        for (quint64 seed = 1; seed <= 30; ++seed) {
            f.reset();
            f.install();
            HistoryGenerator generator(seed, HistoryGenerator::Options{40, 90, 6, 18});
            const std::vector<core::Event> events = generator.generate();
            QSqlDatabase db = f.registry().database();
            QCOMPARE(rowCount(db), 0);
            std::size_t done = 0;
            int chunk = 0;
            while (done < events.size()) {
                // Chunks of 1 to 7 events: each import is one transaction the rows follow.
                const std::size_t size =
                    std::min<std::size_t>(events.size() - done, std::size_t(1 + (chunk++ % 7)));
                const std::vector<core::Event> part(events.begin() + qsizetype(done),
                                                    events.begin() + qsizetype(done + size));
                FL_VERIFY_OK(f.ledger().importEvents(part));
                done += size;
                const QList<QStringList> incremental = tableRows(db);
                if (incremental != rebuiltRows(db))
                    QFAIL(qPrintable(
                        u"seed %1: rows differ from a rebuild after %2 events"_s.arg(seed).arg(done)));
            }
            // Replay rebuilds every projection, and the rows with them.
            const QList<QStringList> before = tableRows(db);
            FL_VERIFY_OK(f.ledger().replay());
            QCOMPARE(tableRows(db), before);
        }
    }

    void randomRealisticHistory_rowsEqualRebuild()
    {
        // Names, heads and villages, with late events and moves, through submitBatch.
        IndexedLedger f;
        std::mt19937_64 rng(7);
        auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); };
        const QStringList names{u"Aïssatou"_s, u"Ngoné"_s, u"José"_s, u"Françoise"_s, u"Moussa"_s, u"Inés"_s};
        const QStringList villages{u"kalo"_s, u"tamba"_s, u"upper_mesa"_s};
        int people = 0;
        for (int h = 0; h < 12; ++h) {
            QJsonArray members;
            for (int m = 0; m < pick(1, 4); ++m) {
                members.append(person(u"p-%1"_s.arg(++people),
                                      names[pick(0, 5)] + u" "_s + QString::number(h),
                                      m == 0 ? u"head"_s : u"child"_s));
            }
            QVERIFY(f.ledger().submit(household(u"hh-%1"_s.arg(h), u"Famille %1"_s.arg(h),
                                                villages[pick(0, 2)], members, timestampAt(h * 100))));
        }
        for (int step = 0; step < 120; ++step) {
            const qint64 when = 1200 + step * 10 - (pick(0, 4) == 0 ? pick(1, 1500) : 0); // some late
            const QString hh = u"hh-%1"_s.arg(pick(0, 11));
            auto group = f.ledger().entity(hh);
            QVERIFY(group && group->has_value());
            const QStringList memberIds = (*group)->memberIds;
            const QString someone =
                memberIds.isEmpty() ? QString() : memberIds[pick(0, int(memberIds.size()) - 1)];
            core::Command c;
            switch (pick(0, 4)) {
            case 0:
                c = command(u"update-group"_s, hh, {{u"name"_s, names[pick(0, 5)]}}, timestampAt(when));
                break;
            case 1:
                if (someone.isEmpty())
                    continue;
                c = command(u"update-individual"_s, someone,
                            {{u"name"_s, QString(names[pick(0, 5)] + u" "_s + QString::number(step))},
                             {u"relationship"_s, pick(0, 2) == 0 ? u"head"_s : u"spouse"_s}},
                            timestampAt(when));
                break;
            case 2: {
                if (someone.isEmpty())
                    continue;
                QString to = u"hh-%1"_s.arg(pick(0, 11));
                if (to == hh)
                    continue;
                c = command(u"transfer-member"_s, hh, {{u"memberId"_s, someone}, {u"toGroupGuid"_s, to}},
                            timestampAt(when));
                break;
            }
            case 3:
                if (someone.isEmpty())
                    continue;
                c = command(u"remove-member"_s, hh, {{u"memberId"_s, someone}, {u"reason"_s, u"left"_s}},
                            timestampAt(when));
                break;
            default:
                c = command(u"add-member"_s, hh,
                            {{u"members"_s, QJsonArray{person(u"p-%1"_s.arg(++people), names[pick(0, 5)])}}},
                            timestampAt(when));
                break;
            }
            auto accepted = f.ledger().submit(c);
            if (!accepted) // a late command may meet a state where it makes no sense: refused
                continue;
        }
        QSqlDatabase db = f.registry().database();
        QCOMPARE(tableRows(db), rebuiltRows(db));
        HouseholdQuery query(f.ledger());
        QCOMPARE(*query.count({}), 12);
    }

    void nestedHousehold_followsItsParents()
    {
        IndexedLedger f;
        QVERIFY(f.registry().addUser({u"enum1"_s, u"E1"_s, core::Role::Enumerator, true},
                                     secret("enum1 passphrase")));
        auto nested = [&](const QString &guid) {
            QSqlQuery query(f.registry().database());
            query.prepare(u"SELECT nested FROM household_rows WHERE guid = ?"_s);
            query.addBindValue(guid);
            return query.exec() && query.next() && query.value(0).toInt() == 1;
        };
        // enum1's household lists the admin's household "inner" (linked, not created).
        QVERIFY(f.ledger().submit(household(u"inner"_s, u"Sow"_s, u"kalo"_s, {}, timestampAt(0))));
        FL_VERIFY_OK(f.ledger().importEvents({makeEvent(
            u"e-outer"_s, u"outer"_s, u"create-group"_s,
            {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"inner"_s}, {u"type"_s, u"group"_s}}}}},
            timestampAt(10), u"enum1"_s)}));
        QVERIFY(nested(u"inner"_s));
        QVERIFY(!nested(u"outer"_s));
        f.reopenIndexedAs(u"enum1"_s, "enum1 passphrase");
        QVERIFY(HouseholdQuery(f.ledger()).row(u"inner"_s)->has_value());

        // Removed from its parent: no longer nested, no longer visible to enum1.
        QVERIFY(f.ledger().submit(command(u"remove-member"_s, u"outer"_s,
                                          {{u"memberId"_s, u"inner"_s}, {u"reason"_s, u"data-correction"_s}},
                                          timestampAt(20))));
        QVERIFY(!nested(u"inner"_s));
        QVERIFY(!HouseholdQuery(f.ledger()).row(u"inner"_s)->has_value());
        QCOMPARE(tableRows(f.registry().database()), rebuiltRows(f.registry().database()));

        // Linked again (an existing entity: only the parent changes), then the parent deleted.
        f.reopenIndexedAs(u"admin"_s, "admin passphrase");
        QVERIFY(f.ledger().submit(command(u"add-member"_s, u"outer"_s,
                                          {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"inner"_s}}}}},
                                          timestampAt(30))));
        QVERIFY(nested(u"inner"_s));
        QCOMPARE(tableRows(f.registry().database()), rebuiltRows(f.registry().database()));
        QVERIFY(f.ledger().submit(command(u"delete-entity"_s, u"outer"_s, {}, timestampAt(40))));
        QVERIFY(!nested(u"inner"_s));
        QCOMPARE(tableRows(f.registry().database()), rebuiltRows(f.registry().database()));
    }

    void install_onStaleRegistry_rebuilds()
    {
        LedgerFixture f; // no index installed: the rows fall behind
        QVERIFY(f.ledger().submit(
            household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s, {person(u"p-1"_s, u"A"_s, u"head"_s)})));
        {
            QSqlDatabase db = f.registry().database();
            QCOMPARE(rowCount(db), 0);
            HouseholdIndex probe(db);
            QVERIFY(!*probe.isCurrent());
            FL_VERIFY_OK(HouseholdIndex::install(f.ledger()));
            QVERIFY(*probe.isCurrent());
            QCOMPARE(rowCount(db), 1);
            // Current rows are left alone at the next install (a tampered cell survives it) ...
            QSqlQuery(db).exec(u"UPDATE household_rows SET head = 'tampered'"_s);
        }
        f.reopenAs(u"admin"_s, "admin passphrase");
        FL_VERIFY_OK(HouseholdIndex::install(f.ledger()));
        QCOMPARE(tableRows(f.registry().database()).first().at(2), u"tampered"_s);

        // ... and a ledger that wrote without the index makes them stale again.
        f.reopenAs(u"admin"_s, "admin passphrase");
        QVERIFY(f.ledger().submit(household(u"hh-2"_s, u"Sow"_s, u"tamba"_s, {})));
        FL_VERIFY_OK(HouseholdIndex::install(f.ledger()));
        const QList<QStringList> rows = tableRows(f.registry().database());
        QCOMPARE(rowCount(f.registry().database()), 2);
        QCOMPARE(rows.first().at(2), u"A"_s);
        QCOMPARE(rows.last().last(), u"yes"_s); // the search index was rebuilt with them
    }

    void install_cancelled_changesNothing()
    {
        LedgerFixture f;
        std::vector<core::Command> commands;
        for (int i = 0; i < 1500; ++i)
            commands.push_back(household(u"hh-%1"_s.arg(i), u"H"_s, u"kalo"_s, {}, timestampAt(i)));
        FL_VERIFY_OK(f.ledger().submitBatch(commands));
        auto cancelled = HouseholdIndex::install(f.ledger(), [](quint64, quint64) { return false; });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
        QCOMPARE(rowCount(f.registry().database()), 0);
        QVERIFY(!*HouseholdIndex(f.registry().database()).isCurrent());
    }

    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty lists all")
            << QString() << QStringList{u"hh-1"_s, u"hh-2"_s, u"hh-3"_s, u"hh-4"_s};
        QTest::newRow("without accent finds accented head") << u"aissatou"_s << QStringList{u"hh-1"_s};
        QTest::newRow("prefix while typing") << u"ais"_s << QStringList{u"hh-1"_s};
        QTest::newRow("accent typed") << u"NGONÉ"_s << QStringList{u"hh-2"_s};
        QTest::newRow("without accent") << u"ngone"_s << QStringList{u"hh-2"_s};
        QTest::newRow("household name") << u"garcia"_s << QStringList{u"hh-3"_s};
        QTest::newRow("village") << u"upper mesa"_s << QStringList{u"hh-3"_s, u"hh-4"_s};
        QTest::newRow("every word must match") << u"diallo kalo"_s << QStringList{u"hh-1"_s};
        QTest::newRow("words in any field order") << u"kalo diallo"_s << QStringList{u"hh-1"_s};
        QTest::newRow("apostrophe ignored") << u"ndiaye"_s << QStringList{u"hh-2"_s};
        QTest::newRow("inside a word") << u"ranc"_s << QStringList{u"hh-4"_s};
        QTest::newRow("no match") << u"zzz"_s << QStringList{};
        QTest::newRow("only punctuation is no filter")
            << u" - "_s << QStringList{u"hh-1"_s, u"hh-2"_s, u"hh-3"_s, u"hh-4"_s};
    }

    void filter()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        if (!m_filterLedger) {
            m_filterLedger = std::make_unique<IndexedLedger>();
            QVERIFY(m_filterLedger->ledger().submitBatch(
                {household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s,
                           {person(u"p-1"_s, u"Aïssatou Diallo"_s, u"head"_s)}),
                 household(u"hh-2"_s, u"N'Diaye"_s, u"tamba"_s,
                           {person(u"p-2"_s, u"Ngoné Sarr"_s, u"head"_s)}),
                 household(u"hh-3"_s, u"García"_s, u"upper_mesa"_s,
                           {person(u"p-3"_s, u"José García"_s, u"head"_s)}),
                 household(u"hh-4"_s, u"Lefèvre"_s, u"upper_mesa"_s,
                           {person(u"p-4"_s, u"Françoise Lefèvre"_s, u"head"_s)})}));
        }
        HouseholdQuery query(m_filterLedger->ledger());
        const HouseholdFilter filter{text, false};
        QStringList found = guidsOf(everything(query, filter));
        found.sort();
        QCOMPARE(found, expected);
        QCOMPARE(*query.count(filter), qint64(expected.size()));
    }

private:
    // Households of every shape, a second registrar and a member's late change: sort() reads it.
    static std::unique_ptr<IndexedLedger> makeSortLedger()
    {
        auto owned = std::make_unique<IndexedLedger>();
        IndexedLedger &f = *owned;
        auto require = [](const auto &result) {
            if (!result)
                qFatal("%s", qPrintable(result.error().message));
        };
        if (!f.registry().addUser({u"enum1"_s, u"E"_s, core::Role::Enumerator, true},
                                  secret("enum1 passphrase")))
            qFatal("addUser failed");
        std::mt19937_64 rng(5);
        auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); };
        const QStringList names{u"Émile"_s, u"abdou"_s, u"Zoé"_s, u"Ñañez"_s, u"Bâ"_s, u"Ba"_s, u"éa"_s};
        const QStringList villages{u"kalo"_s, u"Tamba"_s, u"upper_mesa"_s, u"Ébène"_s};
        std::vector<core::Command> commands;
        for (int i = 0; i < 40; ++i) {
            QJsonArray members;
            for (int m = 0; m < pick(0, 4); ++m)
                members.append(
                    person(u"p-%1-%2"_s.arg(i).arg(m), names[pick(0, 6)], m == 0 ? u"head"_s : u"child"_s));
            commands.push_back(household(u"hh-%1"_s.arg(i, 2, 10, QChar(u'0')), names[pick(0, 6)],
                                         villages[pick(0, 3)], members, timestampAt(pick(0, 5) * 60)));
        }
        require(f.ledger().submitBatch(commands));
        f.reopenIndexedAs(u"enum1"_s, "enum1 passphrase");
        require(f.ledger().submit(household(u"hh-enum"_s, u"Sow"_s, u"kalo"_s, {})));
        f.reopenIndexedAs(u"admin"_s, "admin passphrase");
        // A member's change moves its household's last update.
        require(f.ledger().submit(
            household(u"hh-x"_s, u"Sarr"_s, u"kalo"_s, {person(u"p-x"_s, u"Ba"_s)}, timestampAt(900))));
        require(
            f.ledger().submit(command(u"update-individual"_s, u"p-x"_s, {{u"x"_s, 1}}, timestampAt(999))));

        return owned;
    }

    std::unique_ptr<IndexedLedger> m_filterLedger;
    std::unique_ptr<IndexedLedger> m_sortLedger;

private slots:
    void sort_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("ascending");
        for (int column = 0; column <= int(HouseholdSortColumn::UpdatedAt); ++column) {
            QTest::addRow("column %d ascending", column) << column << true;
            QTest::addRow("column %d descending", column) << column << false;
        }
    }

    void sort()
    {
        QFETCH(int, column);
        QFETCH(bool, ascending);
        if (!m_sortLedger)
            m_sortLedger = makeSortLedger();
        IndexedLedger &f = *m_sortLedger;
        HouseholdQuery query(f.ledger());
        const HouseholdSort sort{HouseholdSortColumn(column),
                                 ascending ? Qt::AscendingOrder : Qt::DescendingOrder};
        const std::vector<HouseholdRow> rows = everything(query, {}, sort);
        QCOMPARE(rows.size(), std::size_t(42));

        // The order the contract promises, computed here from the rows themselves.
        auto key = [&](const HouseholdRow &row) -> QVariant {
            switch (HouseholdSortColumn(column)) {
            case HouseholdSortColumn::Name:
                return core::foldForSearch(row.name);
            case HouseholdSortColumn::Head:
                return core::foldForSearch(row.head);
            case HouseholdSortColumn::Village:
                return core::foldForSearch(row.village);
            case HouseholdSortColumn::MemberCount:
                return row.memberCount;
            case HouseholdSortColumn::RegisteredBy:
                return row.registeredBy;
            case HouseholdSortColumn::RegisteredAt:
                return row.registeredAt;
            case HouseholdSortColumn::UpdatedAt:
                return row.updatedAt;
            }
            return {};
        };
        std::vector<HouseholdRow> expected = rows;
        std::ranges::sort(expected, [&](const HouseholdRow &a, const HouseholdRow &b) {
            const QPartialOrdering order = QVariant::compare(key(a), key(b));
            if (order == QPartialOrdering::Equivalent)
                return ascending ? a.guid < b.guid : b.guid < a.guid;
            return ascending ? order == QPartialOrdering::Less : order == QPartialOrdering::Greater;
        });
        QCOMPARE(guidsOf(rows), guidsOf(expected));

        // A selective filter (sorted after filtering) keeps the same order.
        const HouseholdFilter selective{u"kal"_s, false};
        QStringList expectedFiltered;
        for (const HouseholdRow &row : rows) {
            if (core::foldForSearch(QString(row.name + u' ' + row.head + u' ' + row.village))
                    .contains(u"kal"_s))
                expectedFiltered.append(row.guid);
        }
        QVERIFY(expectedFiltered.size() > 3);
        QCOMPARE(guidsOf(everything(query, selective, sort)), expectedFiltered);
        QCOMPARE(guidsOf(*query.page(selective, sort, 2, 2)), expectedFiltered.mid(2, 2));

        // Pages are slices of the same order; positions are indices in it.
        auto second = query.page({}, sort, 10, 10);
        FL_VERIFY_OK(second);
        QCOMPARE(guidsOf(*second), guidsOf(rows).mid(10, 10));
        for (qsizetype i = 0; i < qsizetype(rows.size()); i += 7)
            QCOMPARE(*query.position(rows[std::size_t(i)].guid, {}, sort), std::optional<qint64>(i));
    }

    void position_followsFilter()
    {
        IndexedLedger f;
        QVERIFY(f.ledger().submitBatch({household(u"hh-a"_s, u"Aïssatou"_s, u"kalo"_s, {}),
                                        household(u"hh-b"_s, u"Aissa"_s, u"kalo"_s, {}),
                                        household(u"hh-c"_s, u"Binta"_s, u"kalo"_s, {})}));
        HouseholdQuery query(f.ledger());
        const HouseholdFilter filter{u"ais"_s, false};
        QCOMPARE(*query.position(u"hh-b"_s, filter, {}), std::optional<qint64>(0));
        QCOMPARE(*query.position(u"hh-a"_s, filter, {}), std::optional<qint64>(1));
        QCOMPARE(*query.position(u"hh-c"_s, filter, {}), std::optional<qint64>());
        QCOMPARE(*query.position(u"unknown"_s, {}, {}), std::optional<qint64>());
        QVERIFY(!query.row(u"unknown"_s)->has_value());
        QCOMPARE(query.page({}, {}, -1, 10).error().code, ErrorCode::InvalidArgument);
    }

    void enumerator_listIsWhatAccessControlGrants()
    {
        // Nested groups, members moved between users' households, assignments: the list shows
        // exactly the groups AccessControl::canSee grants, for each enumerator.
        IndexedLedger f;
        for (int u = 1; u <= 3; ++u) {
            QVERIFY(f.registry().addUser({u"user-%1"_s.arg(u), u"U"_s, core::Role::Enumerator, true},
                                         secret("user passphrase")));
        }
        for (quint64 seed = 100; seed < 104; ++seed) {
            HistoryGenerator generator(seed, HistoryGenerator::Options{60, 90, 8, 20});
            std::vector<core::Event> events = generator.generate();
            for (core::Event &event : events) // distinct guids per history, shared entities
                event.guid += u"-%1"_s.arg(seed);
            std::vector<core::Event> valid;
            for (core::Event &event : events) {
                if (event.validate())
                    valid.push_back(event);
            }
            FL_VERIFY_OK(f.ledger().importEvents(valid));
        }
        // A household of user-3's listed inside one of user-1's: user-1 sees it through that one.
        FL_VERIFY_OK(f.ledger().importEvents(
            {makeEvent(u"n-1"_s, u"inner"_s, u"create-group"_s, {{u"name"_s, u"Inner"_s}},
                       timestampAt(90'000), u"user-3"_s),
             makeEvent(
                 u"n-2"_s, u"outer"_s, u"create-group"_s,
                 {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"inner"_s}, {u"type"_s, u"group"_s}}}}},
                 timestampAt(90'001), u"user-1"_s)}));
        QSqlQuery(f.registry().database())
            .exec(
                u"INSERT INTO assignments (entity_guid, user_id) VALUES ('hh-2', 'user-1'), ('hh-5', 'user-2')"_s);
        int throughGroups = 0; // granted neither as creator nor by assignment
        for (int u = 1; u <= 3; ++u) {
            f.reopenIndexedAs(u"user-%1"_s.arg(u), "user passphrase");
            HouseholdQuery query(f.ledger());
            QStringList listed = guidsOf(everything(query, HouseholdFilter{{}, true}));
            listed.sort();
            QStringList granted;
            QSqlQuery groups(f.registry().database());
            QVERIFY(
                groups.exec(u"SELECT guid, created_by FROM entities WHERE type = 'group' ORDER BY guid"_s));
            while (groups.next()) {
                const QString guid = groups.value(0).toString();
                if (*f.ledger().access().canSee(f.ledger().user(), guid)) {
                    granted.append(guid);
                    if (groups.value(1).toString() != f.ledger().user().id && guid != u"hh-2" &&
                        guid != u"hh-5")
                        ++throughGroups;
                }
            }
            granted.sort();
            QCOMPARE(listed, granted);
            QCOMPARE(*query.count(HouseholdFilter{{}, true}), qint64(granted.size()));
        }
        QVERIFY(throughGroups > 0);
    }

    void enumerator_seesOwnAndAssignedHouseholdsOnly()
    {
        IndexedLedger f;
        QVERIFY(f.registry().addUser({u"enum1"_s, u"E1"_s, core::Role::Enumerator, true},
                                     secret("enum1 passphrase")));
        QVERIFY(f.registry().addUser({u"enum2"_s, u"E2"_s, core::Role::Enumerator, true},
                                     secret("enum2 passphrase")));
        QVERIFY(
            f.registry().addUser({u"sup"_s, u"S"_s, core::Role::Supervisor, true}, secret("sup passphrase")));
        f.reopenIndexedAs(u"enum1"_s, "enum1 passphrase");
        QVERIFY(f.ledger().submit(household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s, {})));
        f.reopenIndexedAs(u"enum2"_s, "enum2 passphrase");
        QVERIFY(f.ledger().submit(household(u"hh-2"_s, u"Sow"_s, u"kalo"_s, {})));
        QVERIFY(f.ledger().submit(household(u"hh-3"_s, u"Diop"_s, u"kalo"_s, {})));
        QSqlQuery(f.registry().database())
            .exec(u"INSERT INTO assignments (entity_guid, user_id) VALUES ('hh-3', 'enum1')"_s);

        f.reopenIndexedAs(u"enum1"_s, "enum1 passphrase");
        {
            HouseholdQuery query(f.ledger());
            QStringList guids = guidsOf(everything(query));
            guids.sort();
            QCOMPARE(guids, (QStringList{u"hh-1"_s, u"hh-3"_s}));
            QCOMPARE(*query.count({}), 2);
            QCOMPARE(*query.count(HouseholdFilter{u"sow"_s, false}), 0);
            QVERIFY(!query.row(u"hh-2"_s)->has_value());
            QVERIFY(!query.position(u"hh-2"_s, {}, {})->has_value());
            QCOMPARE(*query.position(u"hh-3"_s, {}, {}), std::optional<qint64>(1)); // Diallo, Diop
        }
        f.reopenIndexedAs(u"sup"_s, "sup passphrase");
        {
            HouseholdQuery query(f.ledger());
            QCOMPARE(*query.count({}), 3);
            QVERIFY(query.row(u"hh-2"_s)->has_value());
        }
    }
};

QTEST_GUILESS_MAIN(TestHouseholdIndex)
#include "tst_householdindex.moc"
