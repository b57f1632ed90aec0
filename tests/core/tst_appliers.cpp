#include "core/domain/applierregistry.h"
#include "core/domain/builtinappliers.h"
#include "core/domain/world.h"
#include "historygenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using fieldledger::testing::EventSequence;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QStringList changedGuids(const ApplyOutcome &outcome)
{
    QStringList guids;
    for (const EntityChange &change : outcome.changes)
        guids.append(change.guid);
    guids.sort();
    return guids;
}

QStringList anomalyKinds(const ApplyOutcome &outcome)
{
    QStringList kinds;
    for (const Anomaly &anomaly : outcome.anomalies)
        kinds.append(anomalyKindName(anomaly.kind));
    return kinds;
}

QJsonObject person(const QString &guid, const QString &name)
{
    return QJsonObject{{u"guid"_s, guid}, {u"name"_s, name}};
}

} // namespace

class TestAppliers final : public QObject {
    Q_OBJECT

private:
    MemoryWorld m_world;
    ApplierRegistry m_registry = ApplierRegistry::withBuiltins();
    EventSequence m_events;

    ApplyOutcome apply(const QString &type, const QString &entityGuid, const QJsonObject &data = {},
                       const std::optional<QJsonObject> &context = std::nullopt)
    {
        return m_registry.apply(m_events.next(type, entityGuid, data, context), m_world);
    }
    const Entity &entity(const QString &guid)
    {
        const Entity *found = m_world.find(guid);
        if (!found)
            qFatal("no entity %s", qPrintable(guid));
        return *found;
    }
    // A household hh-1 {name} with members p-1 and p-2.
    void makeHousehold()
    {
        (void)apply(u"create-group"_s, u"hh-1"_s,
                    {{u"name"_s, u"Household 1"_s},
                     {u"members"_s, QJsonArray{person(u"p-1"_s, u"Ana"_s), person(u"p-2"_s, u"Ben"_s)}}});
    }

private slots:
    void init()
    {
        m_world.clear();
        m_events = EventSequence();
    }

    // ---- create / update ----

    void createIndividual_new_createsVersion1()
    {
        const ApplyOutcome outcome =
            apply(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}, {u"age"_s, 31}});
        const Entity &ana = entity(u"p-1"_s);
        QCOMPARE(ana.type, EntityType::Individual);
        QCOMPARE(ana.version, 1);
        QCOMPARE(compact(ana.data), compact({{u"name"_s, u"Ana"_s}, {u"age"_s, 31}}));
        QCOMPARE(ana.lastUpdated, m_events.lastTimestamp());
        QVERIFY(!ana.deleted);
        QVERIFY(ana.memberIds.isEmpty());
        QCOMPARE(outcome.changes.size(), size_t(1));
        QVERIFY(outcome.changes[0].created);
        QVERIFY(!outcome.changes[0].before.has_value());
        QCOMPARE(outcome.changes[0].after, ana);
        QVERIFY(outcome.anomalies.empty());
    }

    void updateIndividual_existing_mergesShallowlyAndBumpsVersion()
    {
        (void)apply(u"create-individual"_s, u"p-1"_s,
                    {{u"name"_s, u"Ana"_s},
                     {u"phone"_s, u"555"_s},
                     {u"address"_s, QJsonObject{{u"village"_s, u"Kalo"_s}, {u"zone"_s, 2}}}});
        const QString createdAt = m_events.lastTimestamp();
        const ApplyOutcome outcome = apply(u"update-individual"_s, u"p-1"_s,
                                           {{u"name"_s, u"Ana Maria"_s},
                                            {u"phone"_s, QJsonValue(QJsonValue::Null)},
                                            {u"address"_s, QJsonObject{{u"village"_s, u"Tamu"_s}}}});
        const Entity &ana = entity(u"p-1"_s);
        QCOMPARE(ana.version, 2);
        QVERIFY(ana.lastUpdated != createdAt);
        QCOMPARE(ana.lastUpdated, m_events.lastTimestamp());
        // Shallow: the nested object is replaced, not merged; null is kept as a value.
        QCOMPARE(compact(ana.data), compact({{u"name"_s, u"Ana Maria"_s},
                                             {u"phone"_s, QJsonValue(QJsonValue::Null)},
                                             {u"address"_s, QJsonObject{{u"village"_s, u"Tamu"_s}}}}));
        QVERIFY(ana.data.contains(u"phone"_s));
        QCOMPARE(outcome.changes.size(), size_t(1));
        QVERIFY(!outcome.changes[0].created);
        QCOMPARE(outcome.changes[0].before->version, 1);
        QCOMPARE(outcome.changes[0].before->data.value(u"name"_s).toString(), u"Ana"_s);
    }

    void update_mergingNothingNew_stillChangesTarget()
    {
        (void)apply(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}});
        const ApplyOutcome outcome = apply(u"update-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}});
        QCOMPARE(entity(u"p-1"_s).version, 2);
        QCOMPARE(entity(u"p-1"_s).lastUpdated, m_events.lastTimestamp());
        QCOMPARE(changedGuids(outcome), QStringList{u"p-1"_s});
    }

    void updateIndividual_absent_createsIt()
    {
        const ApplyOutcome outcome = apply(u"update-individual"_s, u"p-9"_s, {{u"name"_s, u"Zoe"_s}});
        QCOMPARE(entity(u"p-9"_s).version, 1);
        QCOMPARE(entity(u"p-9"_s).data.value(u"name"_s).toString(), u"Zoe"_s);
        QVERIFY(outcome.changes.at(0).created);
    }

    void createIndividual_existing_mergesLikeUpdate()
    {
        (void)apply(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}, {u"age"_s, 31}});
        (void)apply(u"create-individual"_s, u"p-1"_s, {{u"age"_s, 32}});
        QCOMPARE(entity(u"p-1"_s).version, 2);
        QCOMPARE(compact(entity(u"p-1"_s).data), compact({{u"name"_s, u"Ana"_s}, {u"age"_s, 32}}));
    }

    void createIndividual_membersField_isPlainData()
    {
        (void)apply(u"create-individual"_s, u"p-1"_s,
                    {{u"members"_s, QJsonArray{person(u"p-2"_s, u"Ben"_s)}}});
        QVERIFY(entity(u"p-1"_s).data.contains(u"members"_s));
        QVERIFY(!m_world.find(u"p-2"_s));
    }

    void createGroup_withTwoMembers_givesThreeEntities()
    {
        makeHousehold();
        QCOMPARE(m_world.size(), 3);
        const Entity &household = entity(u"hh-1"_s);
        QCOMPARE(household.type, EntityType::Group);
        QCOMPARE(household.version, 1);
        QCOMPARE(household.memberIds, (QStringList{u"p-1"_s, u"p-2"_s}));
        // data.members is not merged into data.
        QCOMPARE(compact(household.data), compact({{u"name"_s, u"Household 1"_s}}));
        const Entity &ana = entity(u"p-1"_s);
        QCOMPARE(ana.type, EntityType::Individual);
        QCOMPARE(ana.version, 1);
        QCOMPARE(compact(ana.data), compact({{u"name"_s, u"Ana"_s}}));
        QCOMPARE(ana.lastUpdated, m_events.lastTimestamp());
        QCOMPARE(m_world.parentsOf(u"p-2"_s), QStringList{u"hh-1"_s});
    }

    void createGroup_outcome_listsTargetFirstAndEveryCreatedEntity()
    {
        const ApplyOutcome outcome =
            apply(u"create-group"_s, u"hh-1"_s,
                  {{u"members"_s, QJsonArray{person(u"p-1"_s, u"Ana"_s), person(u"p-2"_s, u"Ben"_s)}}});
        QCOMPARE(outcome.changes.size(), size_t(3));
        QCOMPARE(outcome.changes[0].guid, u"hh-1"_s);
        for (const EntityChange &change : outcome.changes) {
            QVERIFY(change.created);
            QCOMPARE(change.after.version, 1);
        }
    }

    void updateGroup_members_handledAsAddMember()
    {
        makeHousehold();
        const ApplyOutcome outcome =
            apply(u"update-group"_s, u"hh-1"_s,
                  {{u"village"_s, u"Kalo"_s},
                   {u"members"_s, QJsonArray{person(u"p-3"_s, u"Cy"_s), person(u"p-1"_s, u"X"_s)}}});
        const Entity &household = entity(u"hh-1"_s);
        QCOMPARE(household.version, 2);
        QCOMPARE(household.memberIds, (QStringList{u"p-1"_s, u"p-2"_s, u"p-3"_s}));
        QVERIFY(!household.data.contains(u"members"_s));
        QCOMPARE(household.data.value(u"village"_s).toString(), u"Kalo"_s);
        // p-1 was linked already and is not overwritten.
        QCOMPARE(entity(u"p-1"_s).data.value(u"name"_s).toString(), u"Ana"_s);
        QCOMPARE(entity(u"p-1"_s).version, 1);
        QCOMPARE(changedGuids(outcome), (QStringList{u"hh-1"_s, u"p-3"_s}));
    }

    // ---- add-member ----

    void addMember_newMembers_createsEveryEntry()
    {
        makeHousehold();
        const ApplyOutcome outcome =
            apply(u"add-member"_s, u"hh-1"_s,
                  {{u"members"_s,
                    QJsonArray{QJsonObject{
                                   {u"guid"_s, u"p-3"_s}, {u"type"_s, u"individual"_s}, {u"name"_s, u"Cy"_s}},
                               person(u"p-4"_s, u"Di"_s)}}});
        QCOMPARE(entity(u"hh-1"_s).memberIds, (QStringList{u"p-1"_s, u"p-2"_s, u"p-3"_s, u"p-4"_s}));
        QCOMPARE(entity(u"hh-1"_s).version, 2);
        // The member's data is the entry minus guid and type.
        QCOMPARE(compact(entity(u"p-3"_s).data), compact({{u"name"_s, u"Cy"_s}}));
        QCOMPARE(entity(u"p-4"_s).type, EntityType::Individual);
        QCOMPARE(changedGuids(outcome), (QStringList{u"hh-1"_s, u"p-3"_s, u"p-4"_s}));
    }

    void addMember_existingEntity_linksWithoutOverwriting()
    {
        (void)apply(u"create-individual"_s, u"p-7"_s, {{u"name"_s, u"Alice"_s}, {u"gender"_s, u"female"_s}});
        (void)apply(u"create-group"_s, u"hh-1"_s, {{u"name"_s, u"Household 1"_s}});
        const ApplyOutcome outcome = apply(
            u"add-member"_s, u"hh-1"_s,
            {{u"members"_s, QJsonArray{QJsonObject{
                                {u"guid"_s, u"p-7"_s}, {u"name"_s, u"Sparse"_s}, {u"type"_s, u"group"_s}}}}});
        const Entity &alice = entity(u"p-7"_s);
        QCOMPARE(alice.version, 1);
        QCOMPARE(alice.type, EntityType::Individual);
        QCOMPARE(compact(alice.data), compact({{u"name"_s, u"Alice"_s}, {u"gender"_s, u"female"_s}}));
        QCOMPARE(entity(u"hh-1"_s).memberIds, QStringList{u"p-7"_s});
        // Linking an existing entity changes the group, not the member.
        QCOMPARE(changedGuids(outcome), QStringList{u"hh-1"_s});
    }

    void addMember_alreadyListed_isNotDuplicated()
    {
        makeHousehold();
        const ApplyOutcome outcome =
            apply(u"add-member"_s, u"hh-1"_s, {{u"members"_s, QJsonArray{person(u"p-2"_s, u"Ben"_s)}}});
        QCOMPARE(entity(u"hh-1"_s).memberIds, (QStringList{u"p-1"_s, u"p-2"_s}));
        QCOMPARE(entity(u"hh-1"_s).version, 2); // the target always changes
        QCOMPARE(changedGuids(outcome), QStringList{u"hh-1"_s});
    }

    void addMember_sameEntryTwice_linksOnce()
    {
        const ApplyOutcome outcome =
            apply(u"add-member"_s, u"hh-1"_s,
                  {{u"members"_s, QJsonArray{person(u"p-1"_s, u"A"_s), person(u"p-1"_s, u"B"_s)}}});
        QCOMPARE(entity(u"hh-1"_s).memberIds, QStringList{u"p-1"_s});
        QCOMPARE(entity(u"p-1"_s).data.value(u"name"_s).toString(), u"A"_s);
        QCOMPARE(entity(u"p-1"_s).version, 1);
        QCOMPARE(outcome.changes.size(), size_t(2));
    }

    void addMember_absentTarget_createsEmptyGroupFirst()
    {
        const ApplyOutcome outcome =
            apply(u"add-member"_s, u"hh-5"_s,
                  {{u"note"_s, u"not merged"_s}, {u"members"_s, QJsonArray{person(u"p-1"_s, u"Ana"_s)}}});
        const Entity &household = entity(u"hh-5"_s);
        QCOMPARE(household.type, EntityType::Group);
        QCOMPARE(household.version, 1);
        QVERIFY(household.data.isEmpty());
        QCOMPARE(household.memberIds, QStringList{u"p-1"_s});
        QCOMPARE(changedGuids(outcome), (QStringList{u"hh-5"_s, u"p-1"_s}));
        QVERIFY(outcome.changeFor(u"hh-5"_s)->created);
    }

    void addMember_nestedSubgroup_createsRecursively()
    {
        makeHousehold();
        const QJsonObject subgroup{
            {u"guid"_s, u"hh-1a"_s},
            {u"type"_s, u"group"_s},
            {u"name"_s, u"Annex"_s},
            {u"members"_s, QJsonArray{person(u"p-5"_s, u"Eve"_s),
                                      QJsonObject{{u"guid"_s, u"hh-1b"_s},
                                                  {u"type"_s, u"group"_s},
                                                  {u"members"_s, QJsonArray{person(u"p-6"_s, u"Fay"_s)}}}}},
        };
        const ApplyOutcome outcome =
            apply(u"add-member"_s, u"hh-1"_s, {{u"members"_s, QJsonArray{subgroup}}});
        QCOMPARE(entity(u"hh-1"_s).memberIds, (QStringList{u"p-1"_s, u"p-2"_s, u"hh-1a"_s}));
        const Entity &annex = entity(u"hh-1a"_s);
        QCOMPARE(annex.type, EntityType::Group);
        QCOMPARE(compact(annex.data), compact({{u"name"_s, u"Annex"_s}}));
        QCOMPARE(annex.memberIds, (QStringList{u"p-5"_s, u"hh-1b"_s}));
        QCOMPARE(annex.version, 1);
        QCOMPARE(entity(u"hh-1b"_s).memberIds, QStringList{u"p-6"_s});
        QCOMPARE(entity(u"p-6"_s).version, 1);
        QCOMPARE(changedGuids(outcome), (QStringList{u"hh-1"_s, u"hh-1a"_s, u"hh-1b"_s, u"p-5"_s, u"p-6"_s}));
        QCOMPARE(m_world.parentsOf(u"hh-1b"_s), QStringList{u"hh-1a"_s});
    }

    void addMember_individualEntryMembers_areDropped()
    {
        (void)apply(u"add-member"_s, u"hh-1"_s,
                    {{u"members"_s,
                      QJsonArray{QJsonObject{{u"guid"_s, u"p-1"_s},
                                             {u"members"_s, QJsonArray{person(u"p-2"_s, u"Ben"_s)}}}}}});
        QVERIFY(!entity(u"p-1"_s).data.contains(u"members"_s));
        QVERIFY(!m_world.find(u"p-2"_s));
    }

    void addMember_existingSubgroupEntry_isOnlyLinked()
    {
        (void)apply(u"create-group"_s, u"hh-2"_s, {{u"region"_s, u"North"_s}});
        (void)apply(
            u"add-member"_s, u"hh-1"_s,
            {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"hh-2"_s},
                                                   {u"type"_s, u"group"_s},
                                                   {u"members"_s, QJsonArray{person(u"p-9"_s, u"X"_s)}}}}}});
        QCOMPARE(entity(u"hh-2"_s).version, 1);
        QVERIFY(entity(u"hh-2"_s).memberIds.isEmpty());
        QVERIFY(!m_world.find(u"p-9"_s));
        QCOMPARE(entity(u"hh-1"_s).memberIds, QStringList{u"hh-2"_s});
    }

    void addMember_itself_isNotLinked()
    {
        (void)apply(u"add-member"_s, u"hh-1"_s,
                    {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"hh-1"_s}}}}});
        QVERIFY(entity(u"hh-1"_s).memberIds.isEmpty());
        QCOMPARE(m_world.size(), 1);
    }

    // ---- remove-member ----

    void removeMember_memberIdAndMemberIds_leaveTheList()
    {
        (void)apply(u"create-group"_s, u"hh-1"_s,
                    {{u"members"_s, QJsonArray{person(u"p-1"_s, u"A"_s), person(u"p-2"_s, u"B"_s),
                                               person(u"p-3"_s, u"C"_s), person(u"p-4"_s, u"D"_s)}}});
        ApplyOutcome outcome =
            apply(u"remove-member"_s, u"hh-1"_s, {{u"memberId"_s, u"p-2"_s}, {u"reason"_s, u"deceased"_s}});
        QCOMPARE(entity(u"hh-1"_s).memberIds, (QStringList{u"p-1"_s, u"p-3"_s, u"p-4"_s}));
        QCOMPARE(changedGuids(outcome), QStringList{u"hh-1"_s});
        outcome = apply(u"remove-member"_s, u"hh-1"_s,
                        {{u"memberIds"_s, QJsonArray{u"p-4"_s, u"p-1"_s, u"p-99"_s}}});
        QCOMPARE(entity(u"hh-1"_s).memberIds, QStringList{u"p-3"_s});
        QCOMPARE(entity(u"hh-1"_s).version, 3);
        QVERIFY(outcome.anomalies.empty());
        // The member entities stay, untouched; the reason goes nowhere on the entities.
        for (const QString &guid : {u"p-1"_s, u"p-2"_s, u"p-4"_s}) {
            QVERIFY(!entity(guid).deleted);
            QCOMPARE(entity(guid).version, 1);
        }
        QVERIFY(!entity(u"hh-1"_s).data.contains(u"reason"_s));
        QVERIFY(!entity(u"p-2"_s).data.contains(u"reason"_s));
        QVERIFY(m_world.parentsOf(u"p-2"_s).isEmpty());
    }

    void removeMember_subgroup_isNotDeleted()
    {
        (void)apply(
            u"add-member"_s, u"hh-1"_s,
            {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"hh-2"_s},
                                                   {u"type"_s, u"group"_s},
                                                   {u"members"_s, QJsonArray{person(u"p-1"_s, u"A"_s)}}}}}});
        (void)apply(u"remove-member"_s, u"hh-1"_s, {{u"memberId"_s, u"hh-2"_s}});
        QVERIFY(!entity(u"hh-2"_s).deleted);
        QVERIFY(!entity(u"p-1"_s).deleted);
        QCOMPARE(entity(u"hh-2"_s).memberIds, QStringList{u"p-1"_s});
    }

    // ---- transfer-member ----

    void transferMember_movesMemberAndChangesBothGroups()
    {
        makeHousehold();
        (void)apply(u"create-group"_s, u"hh-2"_s, {{u"name"_s, u"Household 2"_s}});
        const ApplyOutcome outcome = apply(u"transfer-member"_s, u"hh-1"_s,
                                           {{u"memberId"_s, u"p-2"_s}, {u"toGroupGuid"_s, u"hh-2"_s}});
        QCOMPARE(entity(u"hh-1"_s).memberIds, QStringList{u"p-1"_s});
        QCOMPARE(entity(u"hh-2"_s).memberIds, QStringList{u"p-2"_s});
        QCOMPARE(entity(u"hh-1"_s).version, 2);
        QCOMPARE(entity(u"hh-2"_s).version, 2);
        QCOMPARE(entity(u"p-2"_s).version, 1); // the member itself does not change
        QCOMPARE(changedGuids(outcome), (QStringList{u"hh-1"_s, u"hh-2"_s}));
        QCOMPARE(m_world.parentsOf(u"p-2"_s), QStringList{u"hh-2"_s});
    }

    void transferMember_absentDestination_isCreatedEmpty()
    {
        makeHousehold();
        const ApplyOutcome outcome = apply(u"transfer-member"_s, u"hh-1"_s,
                                           {{u"memberId"_s, u"p-1"_s}, {u"toGroupGuid"_s, u"hh-9"_s}});
        const Entity &destination = entity(u"hh-9"_s);
        QCOMPARE(destination.type, EntityType::Group);
        QCOMPARE(destination.version, 1);
        QVERIFY(destination.data.isEmpty());
        QCOMPARE(destination.memberIds, QStringList{u"p-1"_s});
        QVERIFY(outcome.changeFor(u"hh-9"_s)->created);
    }

    void transferMember_notAMember_recordsAnomalyAndStillJoins()
    {
        makeHousehold();
        (void)apply(u"create-individual"_s, u"p-8"_s, {{u"name"_s, u"Hal"_s}});
        const ApplyOutcome outcome = apply(u"transfer-member"_s, u"hh-1"_s,
                                           {{u"memberId"_s, u"p-8"_s}, {u"toGroupGuid"_s, u"hh-2"_s}});
        QCOMPARE(anomalyKinds(outcome), QStringList{u"not-a-member"_s});
        QCOMPARE(outcome.anomalies[0].entityGuid, u"hh-1"_s);
        QCOMPARE(outcome.anomalies[0].eventGuid, u"e-003"_s);
        QCOMPARE(entity(u"hh-2"_s).memberIds, QStringList{u"p-8"_s});
        QCOMPARE(entity(u"hh-1"_s).memberIds, (QStringList{u"p-1"_s, u"p-2"_s}));
        QCOMPARE(entity(u"hh-1"_s).version, 2);
    }

    void transferMember_toIndividual_skipsTheJoin()
    {
        makeHousehold();
        const ApplyOutcome outcome =
            apply(u"transfer-member"_s, u"hh-1"_s, {{u"memberId"_s, u"p-1"_s}, {u"toGroupGuid"_s, u"p-2"_s}});
        QCOMPARE(anomalyKinds(outcome), QStringList{u"type-mismatch"_s});
        QVERIFY(entity(u"p-2"_s).memberIds.isEmpty());
        QCOMPARE(entity(u"hh-1"_s).memberIds, QStringList{u"p-2"_s});
    }

    // ---- split-household ----

    void splitHousehold_movesMembersIntoNewGroupWithHead()
    {
        (void)apply(u"create-group"_s, u"hh-1"_s,
                    {{u"name"_s, u"Big"_s},
                     {u"members"_s, QJsonArray{person(u"p-1"_s, u"A"_s), person(u"p-2"_s, u"B"_s),
                                               person(u"p-3"_s, u"C"_s)}}});
        const ApplyOutcome outcome = apply(u"split-household"_s, u"hh-1"_s,
                                           {{u"memberIds"_s, QJsonArray{u"p-3"_s, u"p-2"_s}},
                                            {u"newGroupGuid"_s, u"hh-2"_s},
                                            {u"newGroupData"_s, QJsonObject{{u"name"_s, u"Small"_s}}},
                                            {u"headId"_s, u"p-3"_s}});
        QCOMPARE(entity(u"hh-1"_s).memberIds, QStringList{u"p-1"_s});
        const Entity &split = entity(u"hh-2"_s);
        QCOMPARE(split.type, EntityType::Group);
        QCOMPARE(split.version, 1);
        QCOMPARE(split.memberIds, (QStringList{u"p-3"_s, u"p-2"_s}));
        QCOMPARE(compact(split.data), compact({{u"name"_s, u"Small"_s}, {u"headId"_s, u"p-3"_s}}));
        QCOMPARE(entity(u"hh-1"_s).version, 2);
        QCOMPARE(changedGuids(outcome), (QStringList{u"hh-1"_s, u"hh-2"_s}));
        QVERIFY(outcome.anomalies.empty());
    }

    void splitHousehold_withoutHead_hasOnlyNewGroupData()
    {
        makeHousehold();
        (void)apply(u"split-household"_s, u"hh-1"_s,
                    {{u"memberIds"_s, QJsonArray{u"p-2"_s}}, {u"newGroupGuid"_s, u"hh-2"_s}});
        QVERIFY(entity(u"hh-2"_s).data.isEmpty());
        QCOMPARE(entity(u"hh-2"_s).memberIds, QStringList{u"p-2"_s});
    }

    void splitHousehold_existingNewGroup_recordsExistsAndMembersStillMove()
    {
        makeHousehold();
        (void)apply(u"create-group"_s, u"hh-2"_s, {{u"name"_s, u"Old"_s}});
        const ApplyOutcome outcome = apply(u"split-household"_s, u"hh-1"_s,
                                           {{u"memberIds"_s, QJsonArray{u"p-1"_s}},
                                            {u"newGroupGuid"_s, u"hh-2"_s},
                                            {u"newGroupData"_s, QJsonObject{{u"name"_s, u"New"_s}}}});
        QCOMPARE(anomalyKinds(outcome), QStringList{u"exists"_s});
        QCOMPARE(outcome.anomalies[0].entityGuid, u"hh-2"_s);
        QCOMPARE(entity(u"hh-2"_s).memberIds, QStringList{u"p-1"_s});
        QCOMPARE(entity(u"hh-2"_s).data.value(u"name"_s).toString(), u"Old"_s); // never overwritten
        QCOMPARE(entity(u"hh-2"_s).version, 2);
        QCOMPARE(entity(u"hh-1"_s).memberIds, QStringList{u"p-2"_s});
    }

    // ---- delete-entity ----

    void deleteEntity_groupWithTwoMembers_tombstonesThreeAndParentsDrop()
    {
        makeHousehold();
        (void)apply(u"add-member"_s, u"village-1"_s,
                    {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"hh-1"_s}}}}});
        (void)apply(
            u"add-member"_s, u"hh-3"_s,
            {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"p-2"_s}}, person(u"p-3"_s, u"C"_s)}}});
        const ApplyOutcome outcome =
            apply(u"delete-entity"_s, u"hh-1"_s, {}, QJsonObject{{u"reason"_s, u"duplicate"_s}});
        for (const QString &guid : {u"hh-1"_s, u"p-1"_s, u"p-2"_s}) {
            QVERIFY2(entity(guid).deleted, qPrintable(guid));
            QCOMPARE(entity(guid).lastUpdated, m_events.lastTimestamp());
        }
        QCOMPARE(entity(u"hh-1"_s).version, 2);
        QCOMPARE(entity(u"p-1"_s).version, 2);
        // A tombstone keeps its own list; live parents drop every tombstoned entity.
        QCOMPARE(entity(u"hh-1"_s).memberIds, (QStringList{u"p-1"_s, u"p-2"_s}));
        QVERIFY(entity(u"village-1"_s).memberIds.isEmpty());
        QCOMPARE(entity(u"hh-3"_s).memberIds, QStringList{u"p-3"_s});
        QVERIFY(!entity(u"p-3"_s).deleted);
        QCOMPARE(changedGuids(outcome),
                 (QStringList{u"hh-1"_s, u"hh-3"_s, u"p-1"_s, u"p-2"_s, u"village-1"_s}));
        QCOMPARE(outcome.changes[0].guid, u"hh-1"_s);
        QVERIFY(outcome.anomalies.empty());
        QVERIFY(m_world.parentsOf(u"p-2"_s).isEmpty());
    }

    void deleteEntity_individual_tombstonesOnlyIt()
    {
        makeHousehold();
        const ApplyOutcome outcome = apply(u"delete-entity"_s, u"p-1"_s);
        QVERIFY(entity(u"p-1"_s).deleted);
        QVERIFY(!entity(u"hh-1"_s).deleted);
        QCOMPARE(entity(u"hh-1"_s).memberIds, QStringList{u"p-2"_s});
        QCOMPARE(changedGuids(outcome), (QStringList{u"hh-1"_s, u"p-1"_s}));
    }

    void deleteEntity_memberAlreadyTombstoned_isNotWalked()
    {
        (void)apply(
            u"add-member"_s, u"hh-1"_s,
            {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"hh-2"_s},
                                                   {u"type"_s, u"group"_s},
                                                   {u"members"_s, QJsonArray{person(u"p-1"_s, u"A"_s)}}}}}});
        // hh-2 is tombstoned with p-1; a later add-member gives the tombstone a live p-2
        // (target-deleted), and hh-1 lists hh-2 again. Deleting hh-1 must not walk into hh-2.
        (void)apply(u"delete-entity"_s, u"hh-2"_s);
        QVERIFY(entity(u"p-1"_s).deleted);
        (void)apply(u"add-member"_s, u"hh-2"_s, {{u"members"_s, QJsonArray{person(u"p-2"_s, u"B"_s)}}});
        QVERIFY(!entity(u"p-2"_s).deleted);
        // hh-1 no longer lists hh-2 (dropped when it was deleted): re-link it to walk into it.
        (void)apply(u"add-member"_s, u"hh-1"_s,
                    {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"hh-2"_s}}}}});
        const int p1Version = entity(u"p-1"_s).version;
        const ApplyOutcome outcome = apply(u"delete-entity"_s, u"hh-1"_s);
        QVERIFY(entity(u"hh-1"_s).deleted);
        QVERIFY(!entity(u"p-2"_s).deleted); // behind an already-tombstoned group: not walked
        QCOMPARE(entity(u"p-1"_s).version, p1Version);
        QCOMPARE(changedGuids(outcome), QStringList{u"hh-1"_s});
    }

    void deleteEntity_unknownEntity_changesNothing()
    {
        makeHousehold();
        const ApplyOutcome outcome = apply(u"delete-entity"_s, u"ghost"_s);
        QCOMPARE(anomalyKinds(outcome), QStringList{u"unknown-entity"_s});
        QCOMPARE(outcome.anomalies[0].entityGuid, u"ghost"_s);
        QVERIFY(outcome.changes.empty());
        QVERIFY(!m_world.find(u"ghost"_s));
        QCOMPARE(m_world.size(), 3);
    }

    void deleteEntity_alreadyDeleted_movesVersionOnly()
    {
        (void)apply(u"create-individual"_s, u"p-1"_s);
        (void)apply(u"delete-entity"_s, u"p-1"_s);
        const ApplyOutcome outcome = apply(u"delete-entity"_s, u"p-1"_s);
        QCOMPARE(anomalyKinds(outcome), QStringList{u"target-deleted"_s});
        QVERIFY(entity(u"p-1"_s).deleted);
        QCOMPARE(entity(u"p-1"_s).version, 3);
        QCOMPARE(changedGuids(outcome), QStringList{u"p-1"_s});
    }

    void deleteEntity_cycle_terminates()
    {
        (void)apply(
            u"add-member"_s, u"hh-1"_s,
            {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"hh-2"_s}, {u"type"_s, u"group"_s}}}}});
        (void)apply(u"add-member"_s, u"hh-2"_s,
                    {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"hh-1"_s}}}}});
        const ApplyOutcome outcome = apply(u"delete-entity"_s, u"hh-1"_s);
        QVERIFY(entity(u"hh-1"_s).deleted);
        QVERIFY(entity(u"hh-2"_s).deleted);
        QCOMPARE(changedGuids(outcome), (QStringList{u"hh-1"_s, u"hh-2"_s}));
    }

    // ---- resolve-duplicate ----

    void resolveDuplicate_recordsResolvedPairsOnTarget()
    {
        (void)apply(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}});
        const QJsonObject pair{{u"entityGuid"_s, u"p-1"_s}, {u"duplicateGuid"_s, u"p-9"_s}};
        const ApplyOutcome outcome =
            apply(u"resolve-duplicate"_s, u"p-1"_s, {{u"duplicates"_s, QJsonArray{pair, pair}}});
        const Entity &ana = entity(u"p-1"_s);
        QCOMPARE(ana.version, 2);
        QVERIFY(!ana.deleted);
        QCOMPARE(ana.data.value(builtin::ResolvedDuplicatesField.toString()).toArray(), QJsonArray{pair});
        QCOMPARE(changedGuids(outcome), QStringList{u"p-1"_s});
        // Resolving the same pair again adds nothing, yet still changes the target.
        (void)apply(u"resolve-duplicate"_s, u"p-1"_s, {{u"duplicates"_s, QJsonArray{pair}}});
        QCOMPARE(entity(u"p-1"_s).data.value(builtin::ResolvedDuplicatesField.toString()).toArray().size(),
                 1);
        QCOMPARE(entity(u"p-1"_s).version, 3);
    }

    void resolveDuplicate_shouldDelete_tombstonesTargetAndParentsDrop()
    {
        makeHousehold();
        const ApplyOutcome outcome =
            apply(u"resolve-duplicate"_s, u"p-2"_s,
                  {{u"duplicates"_s,
                    QJsonArray{QJsonObject{{u"entityGuid"_s, u"p-1"_s}, {u"duplicateGuid"_s, u"p-2"_s}}}},
                   {u"shouldDelete"_s, true}});
        QVERIFY(entity(u"p-2"_s).deleted);
        QVERIFY(!entity(u"p-1"_s).deleted);
        QCOMPARE(entity(u"hh-1"_s).memberIds, QStringList{u"p-1"_s});
        QCOMPARE(changedGuids(outcome), (QStringList{u"hh-1"_s, u"p-2"_s}));
    }

    // ---- the changed-set rule, for every built-in ----

    void changedSet_everyBuiltin_data()
    {
        // World before each row: hh-1 [p-1, p-2], hh-2 [p-3], village [hh-1], all version 1.
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QStringList>("changed");
        QTest::addColumn<QStringList>("created");
        const QStringList none;
        QTest::newRow("create-individual new")
            << u"create-individual"_s << u"p-9"_s << QJsonObject{{u"a"_s, 1}} << QStringList{u"p-9"_s}
            << QStringList{u"p-9"_s};
        QTest::newRow("update-individual") << u"update-individual"_s << u"p-1"_s << QJsonObject{{u"a"_s, 1}}
                                           << QStringList{u"p-1"_s} << none;
        QTest::newRow("update-group, link existing")
            << u"update-group"_s << u"hh-2"_s
            << QJsonObject{{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"p-1"_s}}}}}
            << QStringList{u"hh-2"_s} << none;
        QTest::newRow("create-group with new member")
            << u"create-group"_s << u"hh-5"_s
            << QJsonObject{{u"members"_s, QJsonArray{person(u"p-9"_s, u"N"_s)}}}
            << QStringList{u"hh-5"_s, u"p-9"_s} << QStringList{u"hh-5"_s, u"p-9"_s};
        QTest::newRow("add-member listed already")
            << u"add-member"_s << u"hh-1"_s
            << QJsonObject{{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"p-1"_s}}}}}
            << QStringList{u"hh-1"_s} << none;
        QTest::newRow("remove-member")
            << u"remove-member"_s << u"hh-1"_s << QJsonObject{{u"memberId"_s, u"p-1"_s}}
            << QStringList{u"hh-1"_s} << none;
        QTest::newRow("remove-member non-member")
            << u"remove-member"_s << u"hh-1"_s << QJsonObject{{u"memberId"_s, u"p-3"_s}}
            << QStringList{u"hh-1"_s} << none;
        QTest::newRow("transfer-member")
            << u"transfer-member"_s << u"hh-1"_s
            << QJsonObject{{u"memberId"_s, u"p-1"_s}, {u"toGroupGuid"_s, u"hh-2"_s}}
            << QStringList{u"hh-1"_s, u"hh-2"_s} << none;
        QTest::newRow("transfer-member to new group")
            << u"transfer-member"_s << u"hh-1"_s
            << QJsonObject{{u"memberId"_s, u"p-1"_s}, {u"toGroupGuid"_s, u"hh-7"_s}}
            << QStringList{u"hh-1"_s, u"hh-7"_s} << QStringList{u"hh-7"_s};
        QTest::newRow("split-household")
            << u"split-household"_s << u"hh-1"_s
            << QJsonObject{{u"memberIds"_s, QJsonArray{u"p-2"_s}}, {u"newGroupGuid"_s, u"hh-7"_s}}
            << QStringList{u"hh-1"_s, u"hh-7"_s} << QStringList{u"hh-7"_s};
        QTest::newRow("delete-entity group")
            << u"delete-entity"_s << u"hh-1"_s << QJsonObject()
            << QStringList{u"hh-1"_s, u"p-1"_s, u"p-2"_s, u"village"_s} << none;
        QTest::newRow("delete-entity member")
            << u"delete-entity"_s << u"p-3"_s << QJsonObject() << QStringList{u"hh-2"_s, u"p-3"_s} << none;
        QTest::newRow("delete-entity unknown")
            << u"delete-entity"_s << u"p-9"_s << QJsonObject() << none << none;
        QTest::newRow("resolve-duplicate")
            << u"resolve-duplicate"_s << u"p-2"_s
            << QJsonObject{{u"duplicates"_s, QJsonArray{QJsonObject{{u"entityGuid"_s, u"p-2"_s},
                                                                    {u"duplicateGuid"_s, u"p-3"_s}}}}}
            << QStringList{u"p-2"_s} << none;
        QTest::newRow("unknown type")
            << u"assign-case-worker"_s << u"p-1"_s << QJsonObject{{u"a"_s, 1}} << none << none;
    }
    void changedSet_everyBuiltin()
    {
        QFETCH(QString, type);
        QFETCH(QString, target);
        QFETCH(QJsonObject, data);
        QFETCH(QStringList, changed);
        QFETCH(QStringList, created);
        makeHousehold();
        (void)apply(u"create-group"_s, u"hh-2"_s, {{u"members"_s, QJsonArray{person(u"p-3"_s, u"C"_s)}}});
        (void)apply(u"add-member"_s, u"village"_s,
                    {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"hh-1"_s}}}}});
        const std::vector<Entity> before = m_world.entities();

        const ApplyOutcome outcome = apply(type, target, data);
        QCOMPARE(changedGuids(outcome), changed);
        for (const Entity &old : before) {
            const Entity &now = entity(old.guid);
            if (changed.contains(old.guid)) {
                QCOMPARE(now.version, old.version + 1);
                QCOMPARE(now.lastUpdated, m_events.lastTimestamp());
                QCOMPARE(*outcome.changeFor(old.guid)->before, old);
            } else {
                QVERIFY2(now == old, qPrintable(old.guid));
            }
        }
        for (const EntityChange &change : outcome.changes) {
            QCOMPARE(change.created, created.contains(change.guid));
            QCOMPARE(change.before.has_value(), !change.created);
            QCOMPARE(change.after, entity(change.guid));
            if (change.created)
                QCOMPARE(change.after.version, 1);
        }
    }

    // ---- anomalies ----

    void typeMismatch_individualEventOnGroup_mergesAndKeepsType()
    {
        makeHousehold();
        const ApplyOutcome outcome = apply(u"update-individual"_s, u"hh-1"_s, {{u"village"_s, u"Kalo"_s}});
        QCOMPARE(anomalyKinds(outcome), QStringList{u"type-mismatch"_s});
        QCOMPARE(outcome.anomalies[0].entityGuid, u"hh-1"_s);
        QCOMPARE(entity(u"hh-1"_s).type, EntityType::Group);
        QCOMPARE(entity(u"hh-1"_s).data.value(u"village"_s).toString(), u"Kalo"_s);
        QCOMPARE(entity(u"hh-1"_s).version, 2);
        QCOMPARE(entity(u"hh-1"_s).memberIds, (QStringList{u"p-1"_s, u"p-2"_s}));
    }

    void typeMismatch_groupEventsOnIndividual_skipMembership_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("data");
        const QJsonArray members{person(u"p-5"_s, u"New"_s)};
        QTest::newRow("update-group")
            << u"update-group"_s << QJsonObject{{u"name"_s, u"X"_s}, {u"members"_s, members}};
        QTest::newRow("create-group")
            << u"create-group"_s << QJsonObject{{u"name"_s, u"X"_s}, {u"members"_s, members}};
        QTest::newRow("add-member") << u"add-member"_s << QJsonObject{{u"members"_s, members}};
        QTest::newRow("remove-member") << u"remove-member"_s << QJsonObject{{u"memberId"_s, u"p-2"_s}};
        QTest::newRow("transfer-member")
            << u"transfer-member"_s << QJsonObject{{u"memberId"_s, u"p-2"_s}, {u"toGroupGuid"_s, u"hh-7"_s}};
        QTest::newRow("split-household")
            << u"split-household"_s
            << QJsonObject{{u"memberIds"_s, QJsonArray{u"p-2"_s}}, {u"newGroupGuid"_s, u"hh-7"_s}};
    }
    void typeMismatch_groupEventsOnIndividual_skipMembership()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, data);
        makeHousehold();
        const ApplyOutcome outcome = apply(type, u"p-1"_s, data);
        QCOMPARE(anomalyKinds(outcome), QStringList{u"type-mismatch"_s});
        const Entity &ana = entity(u"p-1"_s);
        QCOMPARE(ana.type, EntityType::Individual);
        QVERIFY(ana.memberIds.isEmpty());
        QCOMPARE(ana.version, 2);
        QCOMPARE(changedGuids(outcome), QStringList{u"p-1"_s});
        QVERIFY(!m_world.find(u"p-5"_s));
        QVERIFY(!m_world.find(u"hh-7"_s));
        QVERIFY(!ana.data.contains(u"members"_s));
        QCOMPARE(ana.data.value(u"name"_s).toString(), type.endsWith(u"-group") ? u"X"_s : u"Ana"_s);
        QCOMPARE(entity(u"hh-1"_s).memberIds, (QStringList{u"p-1"_s, u"p-2"_s}));
    }

    void targetDeleted_update_appliesToTombstoneWhichStaysDeleted()
    {
        (void)apply(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}});
        (void)apply(u"delete-entity"_s, u"p-1"_s);
        const ApplyOutcome outcome = apply(u"update-individual"_s, u"p-1"_s, {{u"name"_s, u"Late fix"_s}});
        QCOMPARE(anomalyKinds(outcome), QStringList{u"target-deleted"_s});
        QVERIFY(entity(u"p-1"_s).deleted);
        QCOMPARE(entity(u"p-1"_s).version, 3);
        QCOMPARE(entity(u"p-1"_s).data.value(u"name"_s).toString(), u"Late fix"_s);
    }

    void targetDeletedAndMismatched_recordsBoth()
    {
        (void)apply(u"create-individual"_s, u"p-1"_s);
        (void)apply(u"delete-entity"_s, u"p-1"_s);
        const ApplyOutcome outcome =
            apply(u"add-member"_s, u"p-1"_s, {{u"members"_s, QJsonArray{person(u"p-2"_s, u"B"_s)}}});
        QCOMPARE(anomalyKinds(outcome), (QStringList{u"type-mismatch"_s, u"target-deleted"_s}));
        QVERIFY(!m_world.find(u"p-2"_s));
    }

    void memberWithoutGuid_entryIsSkipped_data()
    {
        QTest::addColumn<QJsonValue>("entry");
        QTest::newRow("no guid") << QJsonValue(QJsonObject{{u"name"_s, u"Nameless"_s}});
        QTest::newRow("empty guid") << QJsonValue(QJsonObject{{u"guid"_s, u""_s}});
        QTest::newRow("numeric guid") << QJsonValue(QJsonObject{{u"guid"_s, 7}});
        QTest::newRow("not an object") << QJsonValue(u"p-3"_s);
    }
    void memberWithoutGuid_entryIsSkipped()
    {
        QFETCH(QJsonValue, entry);
        const ApplyOutcome outcome =
            apply(u"create-group"_s, u"hh-1"_s,
                  {{u"members"_s, QJsonArray{person(u"p-1"_s, u"A"_s), entry, person(u"p-2"_s, u"B"_s)}}});
        QCOMPARE(anomalyKinds(outcome), QStringList{u"member-without-guid"_s});
        QCOMPARE(outcome.anomalies[0].entityGuid, u"hh-1"_s);
        QCOMPARE(entity(u"hh-1"_s).memberIds, (QStringList{u"p-1"_s, u"p-2"_s}));
        QCOMPARE(m_world.size(), 3);
    }

    void memberWithoutGuid_inNestedGroup_namesThatGroup()
    {
        const ApplyOutcome outcome =
            apply(u"add-member"_s, u"hh-1"_s,
                  {{u"members"_s,
                    QJsonArray{QJsonObject{{u"guid"_s, u"hh-2"_s},
                                           {u"type"_s, u"group"_s},
                                           {u"members"_s, QJsonArray{QJsonObject{{u"name"_s, u"X"_s}}}}}}}});
        QCOMPARE(anomalyKinds(outcome), QStringList{u"member-without-guid"_s});
        QCOMPARE(outcome.anomalies[0].entityGuid, u"hh-2"_s);
    }

    void unknownType_changesNothingAndRecordsAnomaly()
    {
        makeHousehold();
        const std::vector<Entity> before = m_world.entities();
        const ApplyOutcome outcome =
            apply(u"assign-case-worker"_s, u"hh-1"_s, {{u"caseWorkerId"_s, u"cw-1"_s}});
        QCOMPARE(anomalyKinds(outcome), QStringList{u"unknown-type"_s});
        QCOMPARE(outcome.anomalies[0].entityGuid, u"hh-1"_s);
        QVERIFY(outcome.changes.empty());
        QVERIFY(m_world.entities() == before);
    }

    void unknownType_onAbsentEntity_createsNothing()
    {
        const ApplyOutcome outcome = apply(u"household-income-updated"_s, u"hh-4"_s, {{u"income"_s, 10}});
        QCOMPARE(anomalyKinds(outcome), QStringList{u"unknown-type"_s});
        QCOMPARE(m_world.size(), 0);
    }

    void anomalyKind_namesRoundTrip_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("type-mismatch") << int(AnomalyKind::TypeMismatch) << u"type-mismatch"_s;
        QTest::newRow("target-deleted") << int(AnomalyKind::TargetDeleted) << u"target-deleted"_s;
        QTest::newRow("unknown-entity") << int(AnomalyKind::UnknownEntity) << u"unknown-entity"_s;
        QTest::newRow("member-without-guid")
            << int(AnomalyKind::MemberWithoutGuid) << u"member-without-guid"_s;
        QTest::newRow("not-a-member") << int(AnomalyKind::NotAMember) << u"not-a-member"_s;
        QTest::newRow("exists") << int(AnomalyKind::Exists) << u"exists"_s;
        QTest::newRow("unknown-type") << int(AnomalyKind::UnknownType) << u"unknown-type"_s;
    }
    void anomalyKind_namesRoundTrip()
    {
        QFETCH(int, kind);
        QFETCH(QString, name);
        QCOMPARE(anomalyKindName(AnomalyKind(kind)), name);
        QVERIFY(anomalyKindFromName(name) == std::optional<AnomalyKind>(AnomalyKind(kind)));
        QVERIFY(!anomalyKindFromName(u"Type-Mismatch"));
    }

    // ---- framework rules ----

    void lastUpdated_isTheEventTimestampNotTheClock()
    {
        const Event old = fieldledger::testing::makeEvent(u"x-1"_s, u"p-1"_s, u"create-individual"_s, {},
                                                          u"2001-02-03T04:05:06.789+02:00"_s);
        (void)m_registry.apply(old, m_world);
        QCOMPARE(entity(u"p-1"_s).lastUpdated, u"2001-02-03T04:05:06.789+02:00"_s);
    }

    void world_isUntouchedUntilTheEventFinishes()
    {
        makeHousehold();
        const Event event = m_events.next(u"update-group"_s, u"hh-1"_s, {{u"name"_s, u"Renamed"_s}});
        ApplyContext context(event, m_world);
        context.change(u"hh-1"_s).data.insert(u"name"_s, u"Renamed"_s);
        QCOMPARE(context.entity(u"hh-1"_s)->data.value(u"name"_s).toString(), u"Renamed"_s);
        QCOMPARE(m_world.find(u"hh-1"_s)->data.value(u"name"_s).toString(), u"Household 1"_s);
        const ApplyOutcome outcome = context.finish();
        QCOMPARE(m_world.find(u"hh-1"_s)->data.value(u"name"_s).toString(), u"Renamed"_s);
        QCOMPARE(outcome.changes[0].before->data.value(u"name"_s).toString(), u"Household 1"_s);
    }

    void contextParentsOf_seesThisEventsChanges()
    {
        makeHousehold();
        (void)apply(u"create-group"_s, u"hh-2"_s);
        const Event event = m_events.next(u"transfer-member"_s, u"hh-1"_s);
        ApplyContext context(event, m_world);
        QCOMPARE(context.parentsOf(u"p-1"_s), QStringList{u"hh-1"_s});
        context.change(u"hh-1"_s).memberIds.removeAll(u"p-1"_s);
        context.change(u"hh-2"_s).memberIds.append(u"p-1"_s);
        QCOMPARE(context.parentsOf(u"p-1"_s), QStringList{u"hh-2"_s});
        context.change(u"hh-2"_s).deleted = true;
        QVERIFY(context.parentsOf(u"p-1"_s).isEmpty());
        QCOMPARE(m_world.parentsOf(u"p-1"_s), QStringList{u"hh-1"_s});
    }

    void memoryWorld_parentsOf_isSortedAndTracksTombstones()
    {
        for (const QString &group : {u"hh-c"_s, u"hh-a"_s, u"hh-b"_s})
            (void)apply(u"add-member"_s, group,
                        {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"p-1"_s}}}}});
        QCOMPARE(m_world.parentsOf(u"p-1"_s), (QStringList{u"hh-a"_s, u"hh-b"_s, u"hh-c"_s}));
        Entity tombstone = entity(u"hh-b"_s);
        tombstone.deleted = true;
        m_world.put(tombstone);
        QCOMPARE(m_world.parentsOf(u"p-1"_s), (QStringList{u"hh-a"_s, u"hh-c"_s}));
    }

    void entityJson_roundTripsAndIsCanonical()
    {
        makeHousehold();
        for (const Entity &original : m_world.entities()) {
            const QJsonObject json = original.toJson();
            QCOMPARE(json.contains(u"memberIds"_s), original.isGroup());
            const Result<Entity> back = Entity::fromJson(json);
            QVERIFY2(back.has_value(), back ? "" : qPrintable(back.error().message));
            QCOMPARE(*back, original);
            QCOMPARE(back->canonicalJson(), original.canonicalJson());
        }
        QCOMPARE(
            entity(u"hh-1"_s).canonicalJson(),
            QByteArray(R"({"data":{"name":"Household 1"},"deleted":false,"guid":"hh-1","lastUpdated":")") +
                m_events.lastTimestamp().toUtf8() +
                QByteArray(R"(","memberIds":["p-1","p-2"],"type":"group","version":1})"));
    }

    void entityFromJson_refusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray ok = R"("data":{},"deleted":false,"lastUpdated":"2026-11-26T09:30:00.000Z")";
        QTest::newRow("no guid") << QByteArray(R"({"type":"individual","version":1,)" + ok + "}");
        QTest::newRow("bad type") << QByteArray(R"({"guid":"a","type":"household","version":1,)" + ok + "}");
        QTest::newRow("version 0") << QByteArray(R"({"guid":"a","type":"individual","version":0,)" + ok +
                                                 "}");
        QTest::newRow("version 1.5") << QByteArray(R"({"guid":"a","type":"individual","version":1.5,)" + ok +
                                                   "}");
        QTest::newRow("individual with memberIds")
            << QByteArray(R"({"guid":"a","type":"individual","version":1,"memberIds":[],)" + ok + "}");
        QTest::newRow("group without memberIds")
            << QByteArray(R"({"guid":"a","type":"group","version":1,)" + ok + "}");
        QTest::newRow("duplicate member")
            << QByteArray(R"({"guid":"a","type":"group","version":1,"memberIds":["b","b"],)" + ok + "}");
        QTest::newRow("unknown member")
            << QByteArray(R"({"guid":"a","type":"individual","version":1,"x":1,)" + ok + "}");
        QTest::newRow("data not object") << QByteArray(
            R"({"guid":"a","type":"individual","version":1,"data":[],"deleted":false,"lastUpdated":""})");
    }
    void entityFromJson_refusesMalformed()
    {
        QFETCH(QByteArray, json);
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QVERIFY(!object.isEmpty());
        const Result<Entity> entity = Entity::fromJson(object);
        QVERIFY(!entity.has_value());
        QCOMPARE(entity.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestAppliers)
#include "tst_appliers.moc"
