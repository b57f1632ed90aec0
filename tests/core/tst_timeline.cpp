// core/domain/timeline.h (an entity's timeline, snapshots as of an instant, RecordedHistory) and
// core/domain/logstatus.h, over a real registry. RecordedHistory is checked against
// Ledger::entityAsRecorded (which replays the log, or reads the kept before-images when no late
// event crosses that size; tst_ledgerproperties checks it against the projector) at every log
// size of golden folders and of random histories.
#include "core/domain/logstatus.h"
#include "core/domain/projector.h"
#include "core/domain/timeline.h"
#include "core/goldenledgerfixture.h"
#include "core/historygenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>
#include <map>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;

namespace {

QStringList guidsOf(const core::EntityTimeline &timeline, bool logOrder)
{
    QStringList guids;
    if (logOrder) {
        for (qsizetype index : timeline.logOrder())
            guids.append(timeline.events()[std::size_t(index)].eventGuid);
    } else {
        for (const core::TimelineEvent &event : timeline.events())
            guids.append(event.eventGuid);
    }
    return guids;
}

QByteArray describe(const core::GroupSnapshot &snapshot)
{
    QByteArray text = snapshot.entity ? snapshot.entity->canonicalJson() : QByteArray("(none)");
    for (const core::Entity &member : snapshot.members)
        text += "\n  " + member.canonicalJson();
    return text;
}

// The entity and members as the ledger gives them at log size S, by full replay.
core::GroupSnapshot recordedByLedger(core::Ledger &ledger, const QString &guid, qint64 logSize)
{
    core::GroupSnapshot snapshot;
    auto entity = ledger.entityAsRecorded(guid, logSize);
    if (!entity)
        qFatal("entityAsRecorded: %s", qPrintable(entity.error().message));
    snapshot.entity = *entity;
    if (snapshot.entity && snapshot.entity->isGroup()) {
        for (const QString &member : snapshot.entity->memberIds) {
            auto state = ledger.entityAsRecorded(member, logSize);
            if (state && *state)
                snapshot.members.push_back(**state);
        }
    }
    return snapshot;
}

// RecordedHistory::at(S) == Ledger::entityAsRecorded(S) for every group, at every S.
void compareRecordedWithLedger(core::Ledger &ledger, const QString &what)
{
    QStringList groups;
    FL_VERIFY_OK(ledger.forEachEntity(std::nullopt, true, [&](const core::Entity &entity) {
        if (entity.isGroup())
            groups.append(entity.guid);
        return true;
    }));
    const qint64 size = qint64(ledger.log().size());
    for (const QString &group : std::as_const(groups)) {
        auto recorded = core::RecordedHistory::load(ledger, group);
        FL_VERIFY_OK(recorded);
        for (qint64 logSize = 0; logSize <= size; ++logSize) {
            auto mine = recorded->at(logSize);
            FL_VERIFY_OK(mine);
            const QByteArray expected = describe(recordedByLedger(ledger, group, logSize));
            const QByteArray actual = describe(*mine);
            QVERIFY2(actual == expected,
                     qPrintable(u"%1, %2 at log size %3:\n actual:   %4\n expected: %5"_s.arg(
                         what, group, QString::number(logSize), QString::fromUtf8(actual),
                         QString::fromUtf8(expected))));
        }
    }
}

} // namespace

class TestTimeline : public QObject {
    Q_OBJECT

private slots:
    void timeline_lateEvents_bothOrdersAndFlags();
    void timeline_countAtOrBefore();
    void snapshotAt_equalsEntityAtForGroupAndMembers();
    void recorded_goldenFolders_equalsLedgerReplay_data();
    void recorded_goldenFolders_equalsLedgerReplay();
    void recorded_randomHistories_equalsLedgerReplay();
    void recorded_gathersOnlyTheHouseholdsNeighbourhood();
    void recorded_sizeOutOfRange_isRefused();
    void recorded_enumeratorOnAnotherHousehold_isRefused();
    void guidsNamedBy_everyReference();
    void logStatus_sizeRootAndCheckpointReason();
    void inclusionProofLine_isTheProofAsCompactJson();
};

void TestTimeline::timeline_lateEvents_bothOrdersAndFlags()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"late-events"_s);
    auto timeline = core::EntityTimeline::load(fixture.ledger(), u"hh-1"_s);
    FL_VERIFY_OK(timeline);
    QCOMPARE(guidsOf(*timeline, false), (QStringList{u"ev-0"_s, u"ev-c"_s, u"ev-d"_s, u"ev-f"_s}));
    QCOMPARE(guidsOf(*timeline, true), (QStringList{u"ev-c"_s, u"ev-f"_s, u"ev-d"_s, u"ev-0"_s}));
    const auto &events = timeline->events();
    QCOMPARE(events[0].seq, 6);
    QVERIFY(events[0].late);  // received last, happened first
    QVERIFY(!events[1].late); // received first
    QVERIFY(events[2].late);  // seq 5, before ev-f (seq 4) in time
    QVERIFY(!events[3].late);
    QCOMPARE(events[3].reason, u"moved away"_s);
    QCOMPARE(events[3].userId, u"supervisor-1"_s);
    QCOMPARE(events[3].type, u"delete-entity"_s);
}

void TestTimeline::timeline_countAtOrBefore()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"late-events"_s);
    auto timeline = core::EntityTimeline::load(fixture.ledger(), u"hh-1"_s);
    FL_VERIFY_OK(timeline);
    const qint64 tenThirty = timeline->events()[2].instantNs;
    QCOMPARE(timeline->countAtOrBefore(tenThirty - 1), 2);
    QCOMPARE(timeline->countAtOrBefore(tenThirty), 3);
    QCOMPARE(timeline->countAtOrBefore(timeline->events()[0].instantNs - 1), 0);
    QCOMPARE(timeline->countAtOrBefore(std::numeric_limits<qint64>::max()), 4);
}

void TestTimeline::snapshotAt_equalsEntityAtForGroupAndMembers()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"late-events"_s);
    auto timeline = core::EntityTimeline::load(fixture.ledger(), u"hh-1"_s);
    FL_VERIFY_OK(timeline);
    // At 10:30 (ev-d): Ben joined; Ana was renamed "Ana L." at the same instant (ev-a); Ben is
    // deleted at 10:45, later.
    auto at = core::snapshotAt(fixture.ledger(), u"hh-1"_s, timeline->events()[2].instantNs);
    FL_VERIFY_OK(at);
    QVERIFY(at->entity);
    QCOMPARE(at->entity->memberIds, (QStringList{u"p-1"_s, u"p-2"_s}));
    QCOMPARE(at->members.size(), 2u);
    QCOMPARE(at->members[0].data.value(u"name"_s).toString(), u"Ana L."_s);
    QCOMPARE(at->members[1].data.value(u"name"_s).toString(), u"Ben"_s);
    QVERIFY(!at->members[1].deleted);
    QVERIFY(at->member(u"p-2"_s));
    QVERIFY(!at->member(u"p-9"_s));
    for (const core::Entity &member : at->members) {
        auto direct = fixture.ledger().entityAt(member.guid, timeline->events()[2].instantNs);
        FL_VERIFY_OK(direct);
        QCOMPARE(**direct, member);
    }
    // Before anything happened: nothing.
    auto before = core::snapshotAt(fixture.ledger(), u"hh-1"_s, timeline->events()[0].instantNs - 1);
    FL_VERIFY_OK(before);
    QVERIFY(!before->entity);
    QVERIFY(before->members.empty());
    // Now.
    auto now = core::snapshotNow(fixture.ledger(), u"hh-1"_s);
    FL_VERIFY_OK(now);
    QCOMPARE(now->entity->memberIds, QStringList{u"p-1"_s});
}

void TestTimeline::recorded_goldenFolders_equalsLedgerReplay_data()
{
    QTest::addColumn<QString>("folder");
    for (const QString &folder : goldenCases())
        QTest::newRow(qPrintable(folder)) << folder;
}

void TestTimeline::recorded_goldenFolders_equalsLedgerReplay()
{
    QFETCH(QString, folder);
    GoldenLedgerFixture fixture;
    fixture.importGolden(folder);
    compareRecordedWithLedger(fixture.ledger(), folder);
}

void TestTimeline::recorded_randomHistories_equalsLedgerReplay()
{
    // Larger pools than the generator's default, so households do not all touch each other and
    // the gathered neighbourhood is really smaller than the log. The expected states come from
    // the in-memory Projector ("as recorded at sequence S" filter), the reference the ledger's
    // own entityAsRecorded is tested against; the golden folders above use the ledger itself.
    HistoryGenerator::Options options;
    options.minEvents = 30;
    options.maxEvents = 60;
    options.households = 10;
    options.individuals = 30;
    const core::ApplierRegistry appliers = core::ApplierRegistry::withBuiltins();
    const core::Projector projector(appliers);
    GoldenLedgerFixture fixture;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        fixture.reset();
        HistoryGenerator generator(seed, options);
        std::vector<core::Event> events = generator.generate();
        core::Projector::dedupeByGuid(events);
        FL_VERIFY_OK(fixture.ledger().importEvents(events)); // in this order: sequence = index
        std::map<QString, core::RecordedHistory> recorded;
        for (const auto &[guid, entity] : projector.project(events)) {
            if (entity.isGroup()) {
                auto loaded = core::RecordedHistory::load(fixture.ledger(), guid);
                FL_VERIFY_OK(loaded);
                recorded.emplace(guid, std::move(*loaded));
            }
        }
        for (qint64 logSize = 0; logSize <= qint64(events.size()); ++logSize) {
            const auto expected = projector.project(events, {std::nullopt, logSize});
            for (const auto &[guid, history] : recorded) {
                core::GroupSnapshot snapshot;
                if (const auto found = expected.find(guid); found != expected.end()) {
                    snapshot.entity = found->second;
                    for (const QString &member : found->second.memberIds) {
                        if (const auto state = expected.find(member); state != expected.end())
                            snapshot.members.push_back(state->second);
                    }
                }
                auto mine = history.at(logSize);
                FL_VERIFY_OK(mine);
                QVERIFY2(describe(*mine) == describe(snapshot),
                         qPrintable(u"seed %1, %2 at log size %3:\n actual:   %4\n expected: %5"_s.arg(
                             QString::number(seed), guid, QString::number(logSize),
                             QString::fromUtf8(describe(*mine)), QString::fromUtf8(describe(snapshot)))));
            }
        }
    }
}

void TestTimeline::recorded_gathersOnlyTheHouseholdsNeighbourhood()
{
    GoldenLedgerFixture fixture;
    fixture.submit(
        command(u"create-group"_s, u"hh-a"_s,
                {{u"name"_s, u"A"_s}, {u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"pa"_s}}}}}));
    for (int i = 0; i < 20; ++i)
        fixture.submit(command(u"create-group"_s, u"other-%1"_s.arg(i), {{u"name"_s, u"Other"_s}}));
    fixture.submit(command(u"update-individual"_s, u"pa"_s, {{u"name"_s, u"Pa"_s}}));
    fixture.submit(command(u"update-group"_s, u"hh-a"_s, {{u"village"_s, u"Kalo"_s}}));
    auto recorded = core::RecordedHistory::load(fixture.ledger(), u"hh-a"_s);
    FL_VERIFY_OK(recorded);
    QCOMPARE(recorded->eventCount(), 3);
    QCOMPARE(recorded->entities(), (QStringList{u"hh-a"_s, u"pa"_s}));
    auto atTwo = recorded->at(2); // create hh-a, create other-0
    FL_VERIFY_OK(atTwo);
    QVERIFY(!atTwo->entity->data.contains(u"village"_s));
    QVERIFY(!atTwo->members[0].data.contains(u"name"_s));
}

void TestTimeline::recorded_sizeOutOfRange_isRefused()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    auto recorded = core::RecordedHistory::load(fixture.ledger(), u"hh-1"_s);
    FL_VERIFY_OK(recorded);
    QCOMPARE(recorded->at(-1).error().code, core::ErrorCode::InvalidArgument);
    QCOMPARE(recorded->at(qint64(fixture.ledger().log().size()) + 1).error().code,
             core::ErrorCode::InvalidArgument);
    QVERIFY(recorded->at(0).has_value());
    QVERIFY(!recorded->at(0)->entity);
}

void TestTimeline::recorded_enumeratorOnAnotherHousehold_isRefused()
{
    GoldenLedgerFixture fixture;
    fixture.submit(command(u"create-group"_s, u"hh-a"_s, {{u"name"_s, u"A"_s}}));
    core::User enumerator;
    enumerator.id = u"enum-1"_s;
    enumerator.displayName = u"Enumerator"_s;
    enumerator.role = core::Role::Enumerator;
    FL_VERIFY_OK(fixture.registry().addUser(enumerator, secret("enumerator passphrase")));
    fixture.reopenAs(u"enum-1"_s, "enumerator passphrase");
    QCOMPARE(core::RecordedHistory::load(fixture.ledger(), u"hh-a"_s).error().code,
             core::ErrorCode::PermissionDenied);
    QCOMPARE(core::snapshotAt(fixture.ledger(), u"hh-a"_s, 0).error().code,
             core::ErrorCode::PermissionDenied);
}

void TestTimeline::guidsNamedBy_everyReference()
{
    const core::Event event = makeEvent(
        u"e"_s, u"hh"_s, u"split-household"_s,
        {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"m1"_s}},
                                   QJsonObject{{u"guid"_s, u"g2"_s},
                                               {u"type"_s, u"group"_s},
                                               {u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"m2"_s}}}}},
                                   QJsonObject{{u"name"_s, u"no guid"_s}}}},
         {u"memberId"_s, u"m3"_s},
         {u"memberIds"_s, QJsonArray{u"m4"_s, u"m5"_s}},
         {u"toGroupGuid"_s, u"g3"_s},
         {u"newGroupGuid"_s, u"g4"_s},
         {u"headId"_s, u"m6"_s},
         {u"duplicates"_s,
          QJsonArray{QJsonObject{{u"entityGuid"_s, u"m7"_s}, {u"duplicateGuid"_s, u"m8"_s}}}}},
        timestampAt(1));
    QStringList named = core::guidsNamedBy(event);
    named.sort();
    QCOMPARE(named, (QStringList{u"g2"_s, u"g3"_s, u"g4"_s, u"m1"_s, u"m2"_s, u"m3"_s, u"m4"_s, u"m5"_s,
                                 u"m6"_s, u"m7"_s, u"m8"_s}));
}

void TestTimeline::logStatus_sizeRootAndCheckpointReason()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    auto status = core::logStatus(fixture.ledger());
    FL_VERIFY_OK(status);
    QCOMPARE(status->size, 5u);
    QCOMPARE(status->root, fixture.ledger().log().root());
    QVERIFY(!status->checkpoint);
    QCOMPARE(status->deviceFingerprint, fixture.ledger().deviceFingerprint());
    QVERIFY(!status->deviceFingerprint.isEmpty());

    FL_VERIFY_OK(fixture.ledger().takeCheckpoint(u"handover"_s));
    status = core::logStatus(fixture.ledger());
    FL_VERIFY_OK(status);
    QVERIFY(status->checkpoint);
    QCOMPARE(status->checkpoint->size, 5u);
    QCOMPARE(status->checkpoint->root, core::toHex(fixture.ledger().log().root()));
    QCOMPARE(status->checkpoint->reason, u"handover"_s);
    QCOMPARE(status->checkpoint->timestamp, u"2026-11-26T12:00:00.000Z"_s);
}

void TestTimeline::inclusionProofLine_isTheProofAsCompactJson()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    auto line = core::inclusionProofLine(fixture.ledger(), u"ev-03"_s);
    FL_VERIFY_OK(line);
    QVERIFY(line->endsWith('\n'));
    QVERIFY(!line->chopped(1).contains('\n'));
    QVERIFY(!line->contains(' '));
    auto parsed = core::InclusionProof::fromJson(QJsonDocument::fromJson(*line).object());
    FL_VERIFY_OK(parsed);
    auto proof = fixture.ledger().proof(u"ev-03"_s, std::nullopt);
    FL_VERIFY_OK(proof);
    QCOMPARE(*parsed, *proof);
    QCOMPARE(parsed->leafIndex, 2u);
    QCOMPARE(parsed->treeSize, 5u);
    QCOMPARE(core::inclusionProofLine(fixture.ledger(), u"no-such-event"_s).error().code,
             core::ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
