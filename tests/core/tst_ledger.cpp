// The event-sourced core over the encrypted store: submit, import, late events, time travel,
// history, replay, access control, atomicity.
#include "core/domain/projector.h"
#include "historygenerator.h"
#include "ledgerfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using core::Command;
using core::ErrorCode;

namespace {

QJsonObject member(const QString &guid, const QString &name)
{
    return QJsonObject{{u"guid"_s, guid}, {u"name"_s, name}};
}

QJsonObject json(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

// Records what the ledger tells it; fails on demand.
class RecordingObserver final : public core::ProjectionObserver {
public:
    explicit RecordingObserver(QList<QSet<QString>> &calls, int &rebuilds, bool &failNext)
        : m_calls(calls)
        , m_rebuilds(rebuilds)
        , m_failNext(failNext)
    {
    }
    core::Status entitiesChanged(const QSet<QString> &guids) override
    {
        if (m_failNext)
            return core::fail(ErrorCode::Storage, u"observer failed"_s);
        m_calls.append(guids);
        return {};
    }
    core::Status projectionsRebuilt() override
    {
        ++m_rebuilds;
        return {};
    }

private:
    QList<QSet<QString>> &m_calls;
    int &m_rebuilds;
    bool &m_failNext;
};

qint64 draftCount(LedgerFixture &f)
{
    QSqlQuery query(f.registry().database());
    query.exec(u"SELECT count(*) FROM drafts"_s);
    query.next();
    return query.value(0).toLongLong();
}

void addDraft(LedgerFixture &f, const QString &id)
{
    QSqlQuery query(f.registry().database());
    query.prepare(
        u"INSERT INTO drafts (id, user_id, form_id, form_version, title, body, created_at, updated_at) "
        "VALUES (?, 'admin', 'member', '1', 'Draft', '{}', '2026-11-26', '2026-11-26')"_s);
    query.bindValue(0, id);
    QVERIFY(query.exec());
}

} // namespace

class TestLedger final : public QObject {
    Q_OBJECT

private slots:
    void submit_createIndividual_givesVersionOne()
    {
        LedgerFixture f;
        auto event = f.ledger().submit(command(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}}));
        FL_VERIFY_OK(event);
        QCOMPARE(event->userId, u"admin"_s);
        QCOMPARE(event->timestamp, u"2026-11-26T12:00:00.000Z"_s); // from the injected clock
        QVERIFY(event->metadata->contains(u"deviceId"_s));
        QCOMPARE(event->metadata->value(u"appVersion"_s).toString(),
                 QString::fromLatin1(FIELDLEDGER_VERSION));
        auto entity = f.ledger().entity(u"p-1"_s);
        QVERIFY(entity && *entity);
        QCOMPARE((*entity)->version, 1);
        QCOMPARE((*entity)->data.value(u"name"_s).toString(), u"Ana"_s);
        QCOMPARE((*entity)->lastUpdated, event->timestamp);
    }

    void submit_update_mergesAndBumpsVersion()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().submit(
            command(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}, {u"age"_s, 30}})));
        f.clock().advanceMs(1000);
        QVERIFY(f.ledger().submit(
            command(u"update-individual"_s, u"p-1"_s, {{u"age"_s, 31}, {u"phone"_s, QJsonValue()}})));
        auto entity = f.ledger().entity(u"p-1"_s);
        QCOMPARE((*entity)->version, 2);
        QCOMPARE((*entity)->data.value(u"name"_s).toString(), u"Ana"_s);
        QCOMPARE((*entity)->data.value(u"age"_s).toInt(), 31);
        QVERIFY((*entity)->data.contains(u"phone"_s)); // null kept as a value
        QVERIFY((*entity)->data.value(u"phone"_s).isNull());
    }

    void submit_groupWithTwoMembers_givesThreeEntities()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().submit(
            command(u"create-group"_s, u"hh-1"_s,
                    {{u"name"_s, u"Household 1"_s},
                     {u"members"_s, QJsonArray{member(u"p-1"_s, u"Ana"_s), member(u"p-2"_s, u"Ben"_s)}}})));
        const QByteArrayList all = f.entities();
        QCOMPARE(all.size(), 3);
        const QJsonObject group = json(all[0]);
        QCOMPARE(group.value(u"memberIds"_s).toArray(), (QJsonArray{u"p-1"_s, u"p-2"_s}));
        QVERIFY(!group.value(u"data"_s).toObject().contains(u"members"_s));
    }

    void submit_refusesCommandsThatMakeNoSense_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QString>("message");
        QTest::newRow("update unknown household")
            << u"update-group"_s << u"hh-9"_s << QJsonObject{{u"a"_s, 1}} << u"unknown household hh-9"_s;
        QTest::newRow("add-member to an individual")
            << u"add-member"_s << u"p-1"_s
            << QJsonObject{{u"members"_s, QJsonArray{member(u"p-5"_s, u"X"_s)}}}
            << u"p-1 is an individual, not a household"_s;
        QTest::newRow("create existing")
            << u"create-group"_s << u"hh-1"_s << QJsonObject{} << u"hh-1 already exists"_s;
        QTest::newRow("remove a non-member")
            << u"remove-member"_s << u"hh-1"_s
            << QJsonObject{{u"memberId"_s, u"p-1"_s}, {u"reason"_s, u"left"_s}}
            << u"p-1 is not a member of hh-1"_s;
        QTest::newRow("remove without reason")
            << u"remove-member"_s << u"hh-1"_s << QJsonObject{{u"memberId"_s, u"p-2"_s}}
            << u"needs a reason"_s;
        QTest::newRow("unknown type") << u"teleport-household"_s << u"hh-1"_s << QJsonObject{}
                                      << u"unknown event type 'teleport-household'"_s;
        QTest::newRow("member without guid")
            << u"add-member"_s << u"hh-1"_s
            << QJsonObject{{u"members"_s, QJsonArray{QJsonObject{{u"name"_s, u"X"_s}}}}}
            << u"every member needs a guid"_s;
        QTest::newRow("delete unknown")
            << u"delete-entity"_s << u"nobody"_s << QJsonObject{} << u"unknown entity nobody"_s;
    }
    void submit_refusesCommandsThatMakeNoSense()
    {
        QFETCH(QString, type);
        QFETCH(QString, target);
        QFETCH(QJsonObject, data);
        QFETCH(QString, message);
        LedgerFixture f;
        QVERIFY(f.ledger().submit(command(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}})));
        QVERIFY(f.ledger().submit(
            command(u"create-group"_s, u"hh-1"_s, {{u"members"_s, QJsonArray{member(u"p-2"_s, u"B"_s)}}})));
        const quint64 sizeBefore = f.ledger().log().size();
        const QByteArrayList before = f.entities();
        auto refused = f.ledger().submit(command(type, target, data));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        if (!refused.error().message.contains(message))
            QFAIL(qPrintable(refused.error().message));
        QCOMPARE(f.ledger().log().size(), sizeBefore);
        QCOMPARE(f.entities(), before);
    }

    void submitBatch_failureInTheMiddle_leavesNoTrace()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().submit(command(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}})));
        const core::Hash rootBefore = f.ledger().log().root();
        const QByteArrayList before = f.entities();
        auto report = f.ledger().submitBatch({command(u"update-individual"_s, u"p-1"_s, {{u"age"_s, 5}}),
                                              command(u"create-individual"_s, u"p-2"_s, {}),
                                              command(u"update-group"_s, u"nowhere"_s, {})});
        QVERIFY(!report);
        QVERIFY(report.error().message.startsWith(u"command 3: "_s));
        QCOMPARE(f.ledger().log().size(), quint64(1));
        QCOMPARE(f.ledger().log().root(), rootBefore);
        QCOMPARE(f.entities(), before);
        // and the ledger still works afterwards
        QVERIFY(f.ledger().submit(command(u"create-individual"_s, u"p-3"_s, {})));
        QCOMPARE(f.ledger().log().size(), quint64(2));
    }

    void submit_withDraft_removesTheDraftInTheSameTransaction()
    {
        LedgerFixture f;
        addDraft(f, u"draft-1"_s);
        addDraft(f, u"draft-2"_s);
        Command refused = command(u"update-individual"_s, u"nobody"_s, {{u"age"_s, 5}});
        refused.draftId = u"draft-1"_s;
        QVERIFY(!f.ledger().submit(refused));
        QCOMPARE(draftCount(f), 2); // a refused submit keeps its draft

        Command accepted = command(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}});
        accepted.draftId = u"draft-1"_s;
        FL_VERIFY_OK(f.ledger().submit(accepted));
        QCOMPARE(draftCount(f), 1);
    }

    void observers_toldOfChangesInsideTheTransaction_andFailureRollsBack()
    {
        LedgerFixture f;
        QList<QSet<QString>> calls;
        int rebuilds = 0;
        bool failNext = false;
        f.ledger().addObserver(std::make_unique<RecordingObserver>(calls, rebuilds, failNext));
        FL_VERIFY_OK(f.ledger().submit(
            command(u"create-group"_s, u"h-1"_s,
                    {{u"name"_s, u"Diallo"_s}, {u"members"_s, QJsonArray{member(u"p-1"_s, u"Ana"_s)}}})));
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first(), (QSet<QString>{u"h-1"_s, u"p-1"_s}));

        failNext = true;
        const QByteArrayList before = f.entities();
        QVERIFY(!f.ledger().submit(command(u"update-group"_s, u"h-1"_s, {{u"name"_s, u"Ba"_s}})));
        QCOMPARE(f.entities(), before);
        QCOMPARE(f.ledger().log().size(), quint64(1));

        failNext = false;
        FL_VERIFY_OK(f.ledger().replay());
        QCOMPARE(rebuilds, 1);
    }

    void import_identicalDuplicate_isIgnored_changedDuplicate_isRefused()
    {
        LedgerFixture f;
        EventSequence seq;
        const core::Event a = seq.next(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}});
        auto first = f.ledger().importEvents({a});
        QVERIFY(first);
        QCOMPARE(first->accepted, 1);
        auto again = f.ledger().importEvents({a});
        QVERIFY(again);
        QCOMPARE(again->accepted, 0);
        QCOMPARE(again->duplicates, 1);
        core::Event changed = a;
        changed.data.insert(u"name"_s, u"Eve"_s);
        const core::Event b = seq.next(u"create-individual"_s, u"p-2"_s, {});
        auto refused = f.ledger().importEvents({b, changed});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Conflict);
        QVERIFY(refused.error().message.contains(u"event already exists - cannot modify"_s));
        QCOMPARE(f.ledger().log().size(), quint64(1)); // b was rolled back too: all or nothing
        QVERIFY(!*f.ledger().entity(u"p-2"_s));
    }

    void lateEvent_isFoldedInWhereItBelongs()
    {
        LedgerFixture f;
        const core::Event create =
            makeEvent(u"e1"_s, u"hh-1"_s, u"create-group"_s, {{u"village"_s, u"A"_s}}, timestampAt(0));
        const core::Event later =
            makeEvent(u"e3"_s, u"hh-1"_s, u"update-group"_s, {{u"village"_s, u"C"_s}}, timestampAt(20));
        const core::Event late = makeEvent(u"e2"_s, u"hh-1"_s, u"update-group"_s,
                                           {{u"village"_s, u"B"_s}, {u"phone"_s, u"1"_s}}, timestampAt(10));
        QVERIFY(f.ledger().importEvents({create, later}));
        QVERIFY(f.ledger().importEvents({late}));
        auto entity = f.ledger().entity(u"hh-1"_s);
        QCOMPARE((*entity)->data.value(u"village"_s).toString(), u"C"_s); // the later event still wins
        QCOMPARE((*entity)->data.value(u"phone"_s).toString(), u"1"_s);
        QCOMPARE((*entity)->version, 3);
        QCOMPARE((*entity)->lastUpdated, timestampAt(20));
        auto trail = f.ledger().history(u"hh-1"_s);
        QVERIFY(trail);
        QCOMPARE(trail->size(), 3);
        QCOMPARE(trail->at(1).toObject().value(u"eventGuid"_s).toString(), u"e2"_s);
        QVERIFY(trail->at(1).toObject().value(u"late"_s).toBool());
        QVERIFY(!trail->at(2).toObject().contains(u"late"_s));
        QCOMPARE(trail->at(2)
                     .toObject()
                     .value(u"changes"_s)
                     .toObject()
                     .value(u"village"_s)
                     .toObject()
                     .value(u"old"_s)
                     .toString(),
                 u"B"_s);
        // the same as if it had arrived in order
        LedgerFixture g;
        QVERIFY(g.ledger().importEvents({create, late, later}));
        QCOMPARE(g.entities(), f.entities());
    }

    void timeTravel_asOfInstant_andAsRecorded()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().importEvents(
            {makeEvent(u"e1"_s, u"p-1"_s, u"create-individual"_s, {{u"name"_s, u"Ana"_s}}, timestampAt(0)),
             makeEvent(u"e2"_s, u"p-1"_s, u"update-individual"_s, {{u"name"_s, u"Ana Maria"_s}},
                       timestampAt(60))}));
        QVERIFY(f.ledger().importEvents(
            {makeEvent(u"e0"_s, u"p-1"_s, u"update-individual"_s, {{u"age"_s, 7}}, timestampAt(30))}));
        auto before = f.ledger().entityAt(u"p-1"_s, testEpoch().addSecs(-1).toMSecsSinceEpoch() * 1000000);
        QVERIFY(before && !*before);
        auto at30 = f.ledger().entityAt(u"p-1"_s, testEpoch().addSecs(30).toMSecsSinceEpoch() * 1000000);
        QCOMPARE((*at30)->data, (QJsonObject{{u"name"_s, u"Ana"_s}, {u"age"_s, 7}}));
        QCOMPARE((*at30)->version, 2);
        // as recorded when the log had two events: the late one had not arrived yet
        auto recorded = f.ledger().entityAsRecorded(u"p-1"_s, 2);
        QCOMPARE((*recorded)->data, (QJsonObject{{u"name"_s, u"Ana Maria"_s}}));
        auto tooFar = f.ledger().entityAsRecorded(u"p-1"_s, 4);
        QVERIFY(!tooFar);
        QCOMPARE(tooFar.error().code, ErrorCode::InvalidArgument);
    }

    void deleteGroup_tombstonesMembers_andParentsDropThem()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().submit(
            command(u"create-group"_s, u"hh-1"_s,
                    {{u"members"_s, QJsonArray{member(u"p-1"_s, u"A"_s), member(u"p-2"_s, u"B"_s)}}})));
        QVERIFY(f.ledger().submit(command(u"create-group"_s, u"village-1"_s, {})));
        QVERIFY(f.ledger().submit(command(
            u"add-member"_s, u"village-1"_s,
            {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"hh-1"_s}, {u"type"_s, u"group"_s}}}}})));
        QVERIFY(f.ledger().submit(command(u"delete-entity"_s, u"hh-1"_s, {})));
        QCOMPARE(f.entities(false).size(), 1); // only the village is live
        auto village = f.ledger().entity(u"village-1"_s);
        QVERIFY((*village)->memberIds.isEmpty());
        auto p1 = f.ledger().entity(u"p-1"_s);
        QVERIFY((*p1)->deleted);
    }

    void replay_isByteIdentical()
    {
        LedgerFixture f;
        HistoryGenerator generator(42);
        QVERIFY(f.ledger().importEvents(generator.generate()));
        QVERIFY(f.ledger().importEvents(generator.generate()));
        const QByteArrayList live = f.entities();
        QSignalSpy spy(&f.ledger(), &core::Ledger::changed);
        auto replayed = f.ledger().replay();
        FL_VERIFY_OK(replayed);
        QCOMPARE(f.entities(), live);
        QCOMPARE(spy.count(), 1);
    }

    void customApplier_registeredByCode_andUnknownTypeReprojected()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().submit(command(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}})));
        // stored before any applier exists: an anomaly, nothing changes
        QVERIFY(f.ledger().importEvents({makeEvent(u"x1"_s, u"p-1"_s, u"assign-case-worker"_s,
                                                   {{u"caseWorkerId"_s, u"cw-7"_s}}, timestampAt(5000))}));
        auto anomalies = f.ledger().anomalies();
        QCOMPARE(anomalies->size(), std::size_t(1));
        QCOMPARE(core::anomalyKindName(anomalies->front().kind), u"unknown-type"_s);
        QVERIFY(f.ledger().appliers().add(u"assign-case-worker"_s, [](core::ApplyContext &context) {
            core::Entity &target = context.change(context.event().entityGuid);
            target.data.insert(u"caseWorker"_s, context.event().data.value(u"caseWorkerId"_s));
        }));
        QVERIFY(f.ledger().reprojectType(u"assign-case-worker"_s));
        auto entity = f.ledger().entity(u"p-1"_s);
        QCOMPARE((*entity)->data.value(u"caseWorker"_s).toString(), u"cw-7"_s);
        QCOMPARE((*entity)->version, 2);
        QVERIFY(f.ledger().anomalies()->empty());
    }

    void dataDefinedApplier_persistsAcrossReopen()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().submit(command(u"create-group"_s, u"hh-1"_s, {})));
        auto registered = f.ledger().registerDataApplier(QJsonObject{
            {u"type"_s, u"household-income-updated"_s},
            {u"entityType"_s, u"group"_s},
            {u"set"_s, QJsonObject{{u"income"_s, u"$data.income"_s}, {u"incomeBy"_s, u"$userId"_s}}}});
        FL_VERIFY_OK(registered);
        QVERIFY(f.ledger().submit(command(u"household-income-updated"_s, u"hh-1"_s, {{u"income"_s, 1200}})));
        f.reopenAs(u"admin"_s, "admin passphrase");
        QVERIFY(f.ledger().appliers().contains(u"household-income-updated"_s));
        auto entity = f.ledger().entity(u"hh-1"_s);
        QCOMPARE((*entity)->data.value(u"income"_s).toInt(), 1200);
        QCOMPARE((*entity)->data.value(u"incomeBy"_s).toString(), u"admin"_s);
    }

    void accessControl_enumeratorSeesOnlyTheirHouseholds()
    {
        LedgerFixture f;
        QVERIFY(f.registry().addUser({u"enum1"_s, u"Enumerator One"_s, core::Role::Enumerator, true},
                                     secret("enum1 passphrase")));
        QVERIFY(f.registry().addUser({u"enum2"_s, u"Enumerator Two"_s, core::Role::Enumerator, true},
                                     secret("enum2 passphrase")));
        f.reopenAs(u"enum1"_s, "enum1 passphrase");
        QVERIFY(f.ledger().submit(
            command(u"create-group"_s, u"hh-1"_s, {{u"members"_s, QJsonArray{member(u"p-1"_s, u"A"_s)}}})));
        f.reopenAs(u"enum2"_s, "enum2 passphrase");
        QVERIFY(f.ledger().submit(command(u"create-group"_s, u"hh-2"_s, {})));
        QCOMPARE(f.entities().size(), 1);
        auto denied = f.ledger().entity(u"hh-1"_s);
        QVERIFY(!denied);
        QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
        auto deniedMember = f.ledger().history(u"p-1"_s);
        QCOMPARE(deniedMember.error().code, ErrorCode::PermissionDenied);
        auto deniedUpdate = f.ledger().submit(command(u"update-group"_s, u"hh-1"_s, {{u"x"_s, 1}}));
        QCOMPARE(deniedUpdate.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(f.ledger().replay().error().code, ErrorCode::PermissionDenied);
        QCOMPARE(f.ledger().importEvents({}).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(f.ledger().events({}, -1, 10).error().code, ErrorCode::PermissionDenied);
        f.reopenAs(u"admin"_s, "admin passphrase");
        QCOMPARE(f.entities().size(), 3);
    }

    void submit_emitsTypedChange()
    {
        LedgerFixture f;
        QSignalSpy spy(&f.ledger(), &core::Ledger::changed);
        QVERIFY(f.ledger().submit(
            command(u"create-group"_s, u"hh-1"_s, {{u"members"_s, QJsonArray{member(u"p-1"_s, u"A"_s)}}})));
        QCOMPARE(spy.count(), 1);
        const auto change = spy.at(0).at(0).value<core::LedgerChange>();
        QCOMPARE(change.kind, core::LedgerChange::Kind::EntitiesChanged);
        QCOMPARE(change.entityGuids, (QStringList{u"hh-1"_s, u"p-1"_s}));
    }

    void verify_cleanLog_isOk_andCheckpointDetectsRollback()
    {
        LedgerFixture f;
        for (int i = 0; i < 5; ++i)
            QVERIFY(f.ledger().submit(command(u"create-individual"_s, u"p-%1"_s.arg(i), {})));
        auto report = f.ledger().verify();
        QVERIFY(report && report->ok);
        QCOMPARE(report->size, quint64(5));
        QVERIFY(f.ledger().takeCheckpoint(u"test"_s));
        // delete the last two rows behind the ledger's back, then reopen: the alarm blocks writing
        QSqlQuery query(f.registry().database());
        QVERIFY(query.exec(u"DELETE FROM events WHERE seq >= 3"_s));
        f.reopenAs(u"admin"_s, "admin passphrase");
        QVERIFY(f.ledger().alarm());
        QVERIFY(f.ledger().alarm()->contains(u"rolled back"_s));
        auto blocked = f.ledger().submit(command(u"create-individual"_s, u"p-9"_s, {}));
        QCOMPARE(blocked.error().code, ErrorCode::Integrity);
        auto after = f.ledger().verify();
        QVERIFY(after && !after->ok);
        QCOMPARE(*after->badSeq, qint64(3));
        QCOMPARE(after->badGuid, u"id-5"_s); // guids come from the sequential generator (id-1 is the device)
    }

    void acknowledgeAlarm_damagedLog_isRefusedAndKeepsTheAlarm()
    {
        LedgerFixture f;
        for (int i = 0; i < 4; ++i)
            QVERIFY(f.ledger().submit(command(u"create-individual"_s, u"p-%1"_s.arg(i), {})));
        QVERIFY(f.ledger().takeCheckpoint(u"test"_s));
        QSqlQuery query(f.registry().database());
        QVERIFY(query.exec(u"DELETE FROM events WHERE seq = 1"_s)); // a gap: the log does not load
        query.finish();
        f.reopenAs(u"admin"_s, "admin passphrase");
        QVERIFY(f.ledger().alarm());
        auto refused = f.ledger().acknowledgeAlarm();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Integrity);
        QVERIFY(f.ledger().alarm()); // still blocking
        QSqlQuery nodes(f.registry().database());
        QVERIFY(nodes.exec(u"SELECT count(*) FROM log_nodes"_s) && nodes.next());
        QVERIFY(nodes.value(0).toInt() > 0); // the evidence is kept
    }

    void acknowledgeAlarm_onlyAdministrator_unblocksWritesAndNextOpen()
    {
        LedgerFixture f;
        QVERIFY(f.registry().addUser({u"sup1"_s, u"Supervisor One"_s, core::Role::Supervisor, true},
                                     secret("supervisor passphrase")));
        for (int i = 0; i < 4; ++i)
            QVERIFY(f.ledger().submit(command(u"create-individual"_s, u"p-%1"_s.arg(i), {})));
        QCOMPARE(f.ledger().acknowledgeAlarm().error().code, ErrorCode::NotFound); // nothing to acknowledge
        QVERIFY(f.ledger().takeCheckpoint(u"test"_s));
        QSqlQuery query(f.registry().database());
        QVERIFY(query.exec(u"DELETE FROM events WHERE seq >= 2"_s));
        query.finish();

        f.reopenAs(u"sup1"_s, "supervisor passphrase");
        QVERIFY(f.ledger().alarm());
        auto refused = f.ledger().acknowledgeAlarm();
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QVERIFY(f.ledger().alarm()); // still blocking

        f.reopenAs(u"admin"_s, "admin passphrase");
        QVERIFY(f.ledger().alarm());
        const QString alarm = *f.ledger().alarm();
        QVERIFY(f.ledger().acknowledgeAlarm(u"restored from the backup of Monday"_s));
        QVERIFY(!f.ledger().alarm());
        auto checkpoint = f.ledger().latestCheckpoint();
        QVERIFY(checkpoint);
        QCOMPARE(checkpoint->value(u"size"_s).toInteger(), 2);
        // The log grows again from its accepted size: new subtrees replace the missing events' ones.
        for (int i = 9; i < 13; ++i)
            QVERIFY(f.ledger().submit(command(u"create-individual"_s, u"p-%1"_s.arg(i), {})));
        auto report = f.ledger().verify();
        QVERIFY(report && report->ok);
        QCOMPARE(report->size, quint64(6));

        // Acknowledged: the next open measures from the new checkpoint, no alarm.
        f.reopenAs(u"admin"_s, "admin passphrase");
        QVERIFY(!f.ledger().alarm());
        QSqlQuery reasons(f.registry().database());
        QVERIFY(reasons.exec(u"SELECT reason FROM checkpoints WHERE reason LIKE '%acknowledged%'"_s) &&
                reasons.next());
        const QString reason = reasons.value(0).toString();
        QVERIFY2(reason.contains(u"acknowledged by admin"_s) && reason.contains(alarm) &&
                     reason.contains(u"backup of Monday"_s),
                 qPrintable(reason));
    }
};

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"
