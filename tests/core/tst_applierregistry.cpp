#include "core/domain/applierregistry.h"
#include "core/domain/builtinappliers.h"
#include "core/domain/dataapplier.h"
#include "core/domain/upcaster.h"
#include "core/domain/world.h"
#include "historygenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using fieldledger::testing::EventSequence;
using fieldledger::testing::makeEvent;
using fieldledger::testing::timestampAt;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList anomalyKinds(const ApplyOutcome &outcome)
{
    QStringList kinds;
    for (const Anomaly &anomaly : outcome.anomalies)
        kinds.append(anomalyKindName(anomaly.kind));
    return kinds;
}

// The seed's example (event-sourcing-architecture.txt): set the case worker on the target.
void assignCaseWorker(ApplyContext &context)
{
    const Event &event = context.event();
    Entity &target = *builtin::prepareTarget(context, EntityType::Individual).entity;
    target.data.insert(u"caseWorker"_s, event.data.value(u"caseWorkerId"_s));
    target.data.insert(u"assignmentDate"_s, event.timestamp);
}

// The reference suite's add-elderly: every entry of data.members becomes a new individual
// marked "Elderly" in the target household. An entry without guid gets one derived from the
// event guid, so the applier stays a deterministic function of the event.
void addElderly(ApplyContext &context)
{
    const Event &event = context.event();
    const builtin::Target household = builtin::prepareTarget(context, EntityType::Group);
    if (!household.matches)
        return;
    const QJsonArray entries = event.data.value(u"members"_s).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QJsonObject fields = entries.at(i).toObject();
        QString guid = fields.take(u"guid"_s).toString();
        if (guid.isEmpty())
            guid = event.guid + u"/elderly-"_s + QString::number(i);
        if (!context.entity(guid)) {
            Entity &elder = context.create(guid, EntityType::Individual);
            fields.insert(u"memberType"_s, u"Elderly"_s);
            elder.data = fields;
        }
        builtin::linkMember(context, event.entityGuid, guid);
    }
}

// A split-household-style custom type: one member moves out of the target household into a
// new one at a new address, and heads it.
void moveOut(ApplyContext &context)
{
    const Event &event = context.event();
    const builtin::Target source = builtin::prepareTarget(context, EntityType::Group);
    const QString memberGuid = event.data.value(u"memberId"_s).toString();
    const QString newGroupGuid = event.data.value(u"newGroupGuid"_s).toString();
    if (!source.matches || memberGuid.isEmpty() || newGroupGuid.isEmpty())
        return;
    builtin::unlinkMember(context, event.entityGuid, memberGuid);
    if (!context.entity(newGroupGuid)) {
        Entity &created = context.create(newGroupGuid, EntityType::Group);
        created.data.insert(u"address"_s, event.data.value(u"address"_s));
        created.data.insert(u"headId"_s, memberGuid);
    }
    builtin::linkMember(context, newGroupGuid, memberGuid);
}

} // namespace

class TestApplierRegistry final : public QObject {
    Q_OBJECT

private:
    MemoryWorld m_world;
    ApplierRegistry m_registry = ApplierRegistry::withBuiltins();
    EventSequence m_events;

    ApplyOutcome apply(const QString &type, const QString &entityGuid, const QJsonObject &data = {})
    {
        return m_registry.apply(m_events.next(type, entityGuid, data), m_world);
    }
    const Entity &entity(const QString &guid)
    {
        const Entity *found = m_world.find(guid);
        if (!found)
            qFatal("no entity %s", qPrintable(guid));
        return *found;
    }
    void makeHousehold()
    {
        (void)apply(u"create-group"_s, u"hh-1"_s,
                    {{u"name"_s, u"Household 1"_s},
                     {u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"p-1"_s}, {u"name"_s, u"Ana"_s}},
                                               QJsonObject{{u"guid"_s, u"p-2"_s}, {u"name"_s, u"Ben"_s}}}}});
    }

private slots:
    void init()
    {
        m_world.clear();
        m_registry = ApplierRegistry::withBuiltins();
        m_events = EventSequence();
    }

    // ---- registration ----

    void withBuiltins_registersEveryBuiltinType()
    {
        QCOMPARE(m_registry.types(),
                 (QStringList{u"add-member"_s, u"create-group"_s, u"create-individual"_s, u"delete-entity"_s,
                              u"remove-member"_s, u"resolve-duplicate"_s, u"review-household"_s, u"split-household"_s,
                              u"transfer-member"_s, u"update-group"_s, u"update-individual"_s}));
        QVERIFY(ApplierRegistry().types().isEmpty());
    }

    void isValidType_followsTheEventTypePattern_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("valid");
        QTest::newRow("words") << u"assign-case-worker"_s << true;
        QTest::newRow("digits") << u"form-2-v3"_s << true;
        QTest::newRow("one word") << u"census"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("upper case") << u"Assign-case"_s << false;
        QTest::newRow("leading dash") << u"-assign"_s << false;
        QTest::newRow("trailing dash") << u"assign-"_s << false;
        QTest::newRow("double dash") << u"assign--case"_s << false;
        QTest::newRow("underscore") << u"assign_case"_s << false;
        QTest::newRow("space") << u"assign case"_s << false;
        QTest::newRow("non-ascii") << u"asignación"_s << false;
    }
    void isValidType_followsTheEventTypePattern()
    {
        QFETCH(QString, type);
        QFETCH(bool, valid);
        QCOMPARE(ApplierRegistry::isValidType(type), valid);
    }

    void add_invalidTypeOrNullApplier_isRefused()
    {
        Status status = m_registry.add(u"Bad Type"_s, &assignCaseWorker);
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::InvalidArgument);
        status = m_registry.add(u"assign-case-worker"_s, std::unique_ptr<Applier>());
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::InvalidArgument);
        status = m_registry.add(u"assign-case-worker"_s, FunctionApplier::Function());
        QVERIFY(!status);
        QVERIFY(!m_registry.contains(u"assign-case-worker"_s));
    }

    void add_existingType_isConflictAndKeepsTheOriginal()
    {
        const Applier *original = m_registry.find(u"create-individual"_s);
        const Status status = m_registry.add(u"create-individual"_s, &assignCaseWorker);
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::Conflict);
        QCOMPARE(m_registry.find(u"create-individual"_s), original);
    }

    void replaceAndRemove_changeWhatATypeMeans()
    {
        makeHousehold();
        // A custom split-household that also records where the new household came from.
        m_registry.replace(u"split-household"_s, [](ApplyContext &context) {
            builtin::applySplitHousehold(context);
            const QString newGroup = context.event().data.value(u"newGroupGuid"_s).toString();
            if (context.entity(newGroup))
                context.change(newGroup).data.insert(u"splitFrom"_s, context.event().entityGuid);
        });
        (void)apply(u"split-household"_s, u"hh-1"_s,
                    {{u"memberIds"_s, QJsonArray{u"p-2"_s}}, {u"newGroupGuid"_s, u"hh-2"_s}});
        QCOMPARE(entity(u"hh-2"_s).data.value(u"splitFrom"_s).toString(), u"hh-1"_s);
        QCOMPARE(entity(u"hh-2"_s).memberIds, QStringList{u"p-2"_s});
        QCOMPARE(entity(u"hh-2"_s).version, 1);

        QVERIFY(m_registry.remove(u"split-household"_s));
        QVERIFY(!m_registry.remove(u"split-household"_s));
        const ApplyOutcome outcome =
            apply(u"split-household"_s, u"hh-1"_s,
                  {{u"memberIds"_s, QJsonArray{u"p-1"_s}}, {u"newGroupGuid"_s, u"hh-3"_s}});
        QCOMPARE(anomalyKinds(outcome), QStringList{u"unknown-type"_s});
        QVERIFY(!m_world.find(u"hh-3"_s));
    }

    // ---- custom appliers registered by code ----

    void assignCaseWorker_setsCaseWorkerFromTheEvent()
    {
        QVERIFY(m_registry.add(u"assign-case-worker"_s, &assignCaseWorker));
        (void)apply(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}});
        const ApplyOutcome outcome =
            apply(u"assign-case-worker"_s, u"p-1"_s, {{u"caseWorkerId"_s, u"cw-7"_s}});
        QVERIFY(outcome.anomalies.empty());
        const Entity &ana = entity(u"p-1"_s);
        QCOMPARE(ana.version, 2);
        QCOMPARE(compact(ana.data), compact({{u"name"_s, u"Ana"_s},
                                             {u"caseWorker"_s, u"cw-7"_s},
                                             {u"assignmentDate"_s, m_events.lastTimestamp()}}));
        QCOMPARE(ana.lastUpdated, m_events.lastTimestamp());
    }

    void addElderly_createsAndLinksElderlyMembers()
    {
        QVERIFY(m_registry.add(u"add-elderly"_s, &addElderly));
        makeHousehold();
        const ApplyOutcome outcome = apply(
            u"add-elderly"_s, u"hh-1"_s,
            {{u"members"_s,
              QJsonArray{QJsonObject{{u"name"_s, u"Grandpa Joe"_s}, {u"dateOfBirth"_s, u"1940-02-20"_s}},
                         QJsonObject{{u"guid"_s, u"p-2"_s}, {u"name"_s, u"Ignored"_s}}}}});
        const QString elderGuid = u"e-002/elderly-0"_s;
        QCOMPARE(entity(u"hh-1"_s).memberIds, (QStringList{u"p-1"_s, u"p-2"_s, elderGuid}));
        QCOMPARE(entity(u"hh-1"_s).version, 2);
        const Entity &elder = entity(elderGuid);
        QCOMPARE(elder.version, 1);
        QCOMPARE(compact(elder.data), compact({{u"name"_s, u"Grandpa Joe"_s},
                                               {u"dateOfBirth"_s, u"1940-02-20"_s},
                                               {u"memberType"_s, u"Elderly"_s}}));
        QCOMPARE(entity(u"p-2"_s).data.value(u"name"_s).toString(), u"Ben"_s);
        QCOMPARE(outcome.changes.size(), size_t(2));
    }

    void moveOut_splitStyleCustomApplier_movesOneMemberToANewHousehold()
    {
        QVERIFY(m_registry.add(u"move-out"_s, &moveOut));
        makeHousehold();
        const ApplyOutcome outcome = apply(
            u"move-out"_s, u"hh-1"_s,
            {{u"memberId"_s, u"p-2"_s}, {u"newGroupGuid"_s, u"hh-2"_s}, {u"address"_s, u"12 River Rd"_s}});
        QCOMPARE(entity(u"hh-1"_s).memberIds, QStringList{u"p-1"_s});
        QCOMPARE(entity(u"hh-2"_s).memberIds, QStringList{u"p-2"_s});
        QCOMPARE(compact(entity(u"hh-2"_s).data),
                 compact({{u"address"_s, u"12 River Rd"_s}, {u"headId"_s, u"p-2"_s}}));
        QCOMPARE(outcome.changes.size(), size_t(2));
        QCOMPARE(m_world.parentsOf(u"p-2"_s), QStringList{u"hh-2"_s});
    }

    void customApplier_changesOnlyWhatItTouches()
    {
        QVERIFY(m_registry.add(u"note-visit"_s, [](ApplyContext &context) {
            // Reads other entities without changing them.
            const Entity *household = context.entity(u"hh-1"_s);
            Entity &target = context.change(context.event().entityGuid);
            target.data.insert(u"householdSize"_s, household ? int(household->memberIds.size()) : 0);
        }));
        makeHousehold();
        const ApplyOutcome outcome = apply(u"note-visit"_s, u"p-1"_s);
        QCOMPARE(outcome.changes.size(), size_t(1));
        QCOMPARE(entity(u"p-1"_s).data.value(u"householdSize"_s).toInt(), 2);
        QCOMPARE(entity(u"hh-1"_s).version, 1);
    }

    // ---- data-defined appliers ----

    void dataApplier_setsFieldsFromTheEvent()
    {
        const QJsonObject description{
            {u"type"_s, u"household-income-updated"_s},
            {u"entityType"_s, u"group"_s},
            {u"set"_s, QJsonObject{{u"income"_s, u"$data.income"_s},
                                   {u"district"_s, u"$data.address.district"_s},
                                   {u"missing"_s, u"$data.nothing.here"_s},
                                   {u"incomeUpdatedBy"_s, u"$userId"_s},
                                   {u"incomeUpdatedAt"_s, u"$timestamp"_s},
                                   {u"lastEvent"_s, u"$eventGuid"_s},
                                   {u"source"_s, u"literal text"_s},
                                   {u"code"_s, u"$$7"_s},
                                   {u"verified"_s, true}}},
        };
        QVERIFY(registerDataApplier(m_registry, description));
        makeHousehold();
        const ApplyOutcome outcome = apply(
            u"household-income-updated"_s, u"hh-1"_s,
            {{u"income"_s, 1200}, {u"address"_s, QJsonObject{{u"district"_s, u"North"_s}}}, {u"other"_s, 1}});
        QVERIFY(outcome.anomalies.empty());
        const Entity &household = entity(u"hh-1"_s);
        QCOMPARE(household.version, 2);
        QCOMPARE(compact(household.data), compact({{u"name"_s, u"Household 1"_s},
                                                   {u"income"_s, 1200},
                                                   {u"district"_s, u"North"_s},
                                                   {u"incomeUpdatedBy"_s, u"enumerator-1"_s},
                                                   {u"incomeUpdatedAt"_s, m_events.lastTimestamp()},
                                                   {u"lastEvent"_s, u"e-002"_s},
                                                   {u"source"_s, u"literal text"_s},
                                                   {u"code"_s, u"$7"_s},
                                                   {u"verified"_s, true}}));
        QCOMPARE(household.memberIds, (QStringList{u"p-1"_s, u"p-2"_s}));
    }

    void dataApplier_nullInEventIsSet_absentTargetIsCreated()
    {
        QVERIFY(registerDataApplier(m_registry, {{u"type"_s, u"phone-changed"_s},
                                                 {u"entityType"_s, u"individual"_s},
                                                 {u"set"_s, QJsonObject{{u"phone"_s, u"$data.phone"_s}}}}));
        const ApplyOutcome outcome =
            apply(u"phone-changed"_s, u"p-9"_s, {{u"phone"_s, QJsonValue(QJsonValue::Null)}});
        QVERIFY(outcome.changes.at(0).created);
        QCOMPARE(entity(u"p-9"_s).type, EntityType::Individual);
        QVERIFY(entity(u"p-9"_s).data.contains(u"phone"_s));
        QVERIFY(entity(u"p-9"_s).data.value(u"phone"_s).isNull());
    }

    void dataApplier_onMismatchedOrDeletedTarget_recordsAnomaliesAndSets()
    {
        QVERIFY(registerDataApplier(m_registry, {{u"type"_s, u"phone-changed"_s},
                                                 {u"entityType"_s, u"individual"_s},
                                                 {u"set"_s, QJsonObject{{u"phone"_s, u"$data.phone"_s}}}}));
        makeHousehold();
        (void)apply(u"delete-entity"_s, u"hh-1"_s);
        const ApplyOutcome outcome = apply(u"phone-changed"_s, u"hh-1"_s, {{u"phone"_s, u"555"_s}});
        QCOMPARE(anomalyKinds(outcome), (QStringList{u"type-mismatch"_s, u"target-deleted"_s}));
        QCOMPARE(entity(u"hh-1"_s).data.value(u"phone"_s).toString(), u"555"_s);
        QVERIFY(entity(u"hh-1"_s).deleted);
        QCOMPARE(entity(u"hh-1"_s).type, EntityType::Group);
    }

    void dataApplier_invalidDescription_isRefusedWithReason_data()
    {
        QTest::addColumn<QJsonObject>("description");
        QTest::addColumn<QString>("mentions");
        const QJsonObject set{{u"income"_s, u"$data.income"_s}};
        QTest::newRow("unknown member") << QJsonObject{{u"type"_s, u"a-b"_s},
                                                       {u"entityType"_s, u"group"_s},
                                                       {u"set"_s, set},
                                                       {u"when"_s, 1}}
                                        << u"when"_s;
        QTest::newRow("no type") << QJsonObject{{u"entityType"_s, u"group"_s}, {u"set"_s, set}}
                                 << u"\"type\""_s;
        QTest::newRow("bad type") << QJsonObject{{u"type"_s, u"Income Updated"_s},
                                                 {u"entityType"_s, u"group"_s},
                                                 {u"set"_s, set}}
                                  << u"\"type\""_s;
        QTest::newRow("no entityType")
            << QJsonObject{{u"type"_s, u"a-b"_s}, {u"set"_s, set}} << u"entityType"_s;
        QTest::newRow("bad entityType")
            << QJsonObject{{u"type"_s, u"a-b"_s}, {u"entityType"_s, u"household"_s}, {u"set"_s, set}}
            << u"entityType"_s;
        QTest::newRow("no set") << QJsonObject{{u"type"_s, u"a-b"_s}, {u"entityType"_s, u"group"_s}}
                                << u"\"set\""_s;
        QTest::newRow("empty set") << QJsonObject{{u"type"_s, u"a-b"_s},
                                                  {u"entityType"_s, u"group"_s},
                                                  {u"set"_s, QJsonObject()}}
                                   << u"\"set\""_s;
        QTest::newRow("set not object")
            << QJsonObject{{u"type"_s, u"a-b"_s}, {u"entityType"_s, u"group"_s}, {u"set"_s, QJsonArray{1}}}
            << u"\"set\""_s;
        QTest::newRow("unknown reference") << QJsonObject{{u"type"_s, u"a-b"_s},
                                                          {u"entityType"_s, u"group"_s},
                                                          {u"set"_s, QJsonObject{{u"x"_s, u"$now"_s}}}}
                                           << u"$now"_s;
        QTest::newRow("empty path step") << QJsonObject{{u"type"_s, u"a-b"_s},
                                                        {u"entityType"_s, u"group"_s},
                                                        {u"set"_s, QJsonObject{{u"x"_s, u"$data.a..b"_s}}}}
                                         << u"$data.a..b"_s;
        QTest::newRow("bare $data.") << QJsonObject{{u"type"_s, u"a-b"_s},
                                                    {u"entityType"_s, u"group"_s},
                                                    {u"set"_s, QJsonObject{{u"x"_s, u"$data."_s}}}}
                                     << u"empty path step"_s;
        QTest::newRow("empty field name") << QJsonObject{{u"type"_s, u"a-b"_s},
                                                         {u"entityType"_s, u"group"_s},
                                                         {u"set"_s, QJsonObject{{QString(), 1}}}}
                                          << u"field name"_s;
    }
    void dataApplier_invalidDescription_isRefusedWithReason()
    {
        QFETCH(QJsonObject, description);
        QFETCH(QString, mentions);
        const Result<std::unique_ptr<DataApplier>> applier = DataApplier::fromJson(description);
        QVERIFY(!applier);
        QCOMPARE(applier.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(applier.error().message.contains(mentions), qPrintable(applier.error().message));
        QVERIFY(!registerDataApplier(m_registry, description));
    }

    void dataApplier_fromJson_convertsToApplierResult()
    {
        const Result<std::unique_ptr<Applier>> applier = DataApplier::fromJson(
            {{u"type"_s, u"a-b"_s}, {u"entityType"_s, u"group"_s}, {u"set"_s, QJsonObject{{u"x"_s, 1}}}});
        QVERIFY(applier.has_value());
        QVERIFY(applier->get() != nullptr);
    }

    void registerDataApplier_existingType_isConflict()
    {
        const Status status = registerDataApplier(m_registry, {{u"type"_s, u"create-group"_s},
                                                               {u"entityType"_s, u"group"_s},
                                                               {u"set"_s, QJsonObject{{u"x"_s, 1}}}});
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::Conflict);
    }

    // ---- upcasters ----

    void upcast_appliesTheChainUntilCurrent_data()
    {
        QTest::addColumn<std::optional<int>>("version");
        QTest::addColumn<QJsonObject>("data");
        QTest::newRow("absent = v1") << std::optional<int>() << QJsonObject{{u"fullName"_s, u"Ana Lima"_s}};
        QTest::newRow("v1") << std::optional<int>(1) << QJsonObject{{u"fullName"_s, u"Ana Lima"_s}};
        QTest::newRow("v2") << std::optional<int>(2) << QJsonObject{{u"name"_s, u"Ana Lima"_s}};
        QTest::newRow("v3") << std::optional<int>(3)
                            << QJsonObject{{u"givenName"_s, u"Ana"_s}, {u"familyName"_s, u"Lima"_s}};
    }
    void upcast_appliesTheChainUntilCurrent()
    {
        QFETCH(std::optional<int>, version);
        QFETCH(QJsonObject, data);
        UpcasterRegistry upcasters;
        // v1 -> v2: fullName was renamed name.
        QVERIFY(upcasters.add(u"register-person"_s, 1, [](Event &event) {
            event.data.insert(u"name"_s, event.data.take(u"fullName"_s));
        }));
        // v2 -> v3: name split in two.
        QVERIFY(upcasters.add(u"register-person"_s, 2, [](Event &event) {
            const QStringList parts = event.data.take(u"name"_s).toString().split(u' ');
            event.data.insert(u"givenName"_s, parts.value(0));
            event.data.insert(u"familyName"_s, parts.value(1));
        }));
        QCOMPARE(upcasters.currentVersion(u"register-person"_s), 3);
        QCOMPARE(upcasters.currentVersion(u"other"_s), 1);

        Event event = makeEvent(u"ev-1"_s, u"p-1"_s, u"register-person"_s, data, timestampAt(0));
        event.version = version;
        const QByteArray storedBytes = event.canonicalBytes();
        QCOMPARE(upcasters.needsUpcast(event), version.value_or(1) < 3);

        const Event current = upcasters.upcast(event);
        QCOMPARE(current.version.value_or(1), 3);
        QCOMPARE(compact(current.data), compact({{u"givenName"_s, u"Ana"_s}, {u"familyName"_s, u"Lima"_s}}));
        QVERIFY(!upcasters.needsUpcast(current));
        // The original is untouched: its bytes (what the integrity log hashes) never change.
        QCOMPARE(event.canonicalBytes(), storedBytes);
        QCOMPARE(event.version, version);
    }

    void upcast_canRenameTheTypeAndContinueItsChain()
    {
        UpcasterRegistry upcasters;
        QVERIFY(upcasters.add(u"household-income"_s, 1,
                              [](Event &event) { event.type = u"household-income-updated"_s; }));
        QVERIFY(upcasters.add(u"household-income-updated"_s, 2,
                              [](Event &event) { event.data.insert(u"currency"_s, u"USD"_s); }));
        const Event event =
            makeEvent(u"ev-1"_s, u"hh-1"_s, u"household-income"_s, {{u"income"_s, 5}}, timestampAt(0));
        const Event current = upcasters.upcast(event);
        QCOMPARE(current.type, u"household-income-updated"_s);
        QCOMPARE(current.version, std::optional<int>(3));
        QCOMPARE(current.data.value(u"currency"_s).toString(), u"USD"_s);
    }

    void upcast_withoutUpcaster_returnsTheEventUnchanged()
    {
        UpcasterRegistry upcasters;
        const Event event =
            makeEvent(u"ev-1"_s, u"p-1"_s, u"create-individual"_s, {{u"a"_s, 1}}, timestampAt(0));
        QVERIFY(!upcasters.needsUpcast(event));
        const Event same = upcasters.upcast(event);
        QCOMPARE(same.canonicalBytes(), event.canonicalBytes());
        QVERIFY(!same.version.has_value());
    }

    void upcasterAdd_refusesInvalidAndDuplicate()
    {
        UpcasterRegistry upcasters;
        const auto noop = [](Event &) {};
        QCOMPARE(upcasters.add(u"Bad"_s, 1, noop).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(upcasters.add(u"ok-type"_s, 0, noop).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(upcasters.add(u"ok-type"_s, 1, UpcasterRegistry::Upcaster()).error().code,
                 ErrorCode::InvalidArgument);
        QVERIFY(upcasters.add(u"ok-type"_s, 1, noop));
        QCOMPARE(upcasters.add(u"ok-type"_s, 1, noop).error().code, ErrorCode::Conflict);
    }

    void upcastThenApply_appliesTheCurrentSchema()
    {
        UpcasterRegistry upcasters;
        QVERIFY(upcasters.add(u"create-individual"_s, 1, [](Event &event) {
            if (event.data.contains(u"fullName"_s))
                event.data.insert(u"name"_s, event.data.take(u"fullName"_s));
        }));
        const Event old = makeEvent(u"ev-1"_s, u"p-1"_s, u"create-individual"_s, {{u"fullName"_s, u"Ana"_s}},
                                    timestampAt(0));
        (void)m_registry.apply(upcasters.upcast(old), m_world);
        QCOMPARE(compact(entity(u"p-1"_s).data), compact({{u"name"_s, u"Ana"_s}}));
    }
};

QTEST_GUILESS_MAIN(TestApplierRegistry)
#include "tst_applierregistry.moc"
