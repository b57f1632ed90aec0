#include "core/domain/applierregistry.h"
#include "core/domain/projector.h"
#include "core/events/canonicaljson.h"
#include "historygenerator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <random>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using fieldledger::testing::HistoryGenerator;
using fieldledger::testing::makeEvent;
using fieldledger::testing::timestampAt;

namespace {

// Every entity's canonical JSON, one a line, in guid order: the byte-level state.
QByteArray stateBytes(const std::map<QString, Entity> &entities)
{
    QByteArray bytes;
    for (const auto &[guid, entity] : entities) {
        bytes += entity.canonicalJson();
        bytes += '\n';
    }
    return bytes;
}

std::uint64_t testSeed()
{
    bool ok = false;
    const std::uint64_t fromEnv = qEnvironmentVariable("FIELDLEDGER_TEST_SEED").toULongLong(&ok);
    if (ok)
        return fromEnv;
    std::random_device device;
    return (std::uint64_t(device()) << 32) ^ device();
}

Event update(const QString &guid, const QString &entity, const QString &timestamp, const QJsonObject &data)
{
    return makeEvent(guid, entity, u"update-individual"_s, data, timestamp);
}

} // namespace

class TestProjector final : public QObject {
    Q_OBJECT

private:
    const ApplierRegistry m_registry = ApplierRegistry::withBuiltins();

private slots:
    // Entity::canonicalJson writes its members straight; it must be the JCS text of toJson().
    void entityCanonicalJson_isTheJcsOfItsJson_data()
    {
        QTest::addColumn<bool>("group");
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<bool>("deleted");
        QTest::newRow("individual") << false << QJsonObject{{u"name"_s, u"Zoë \"Jr\"\n"_s}, {u"age"_s, 4.5}}
                                    << false;
        QTest::newRow("group, deleted")
            << true
            << QJsonObject{{u"b"_s, QJsonArray{1e21, 1e-7}},
                           {u"a"_s, QJsonObject{{u"y"_s, true}, {u"x"_s, QJsonValue()}}},
                           {u"😀"_s, u"\u0001"_s},
                           {u"\uE000"_s, 0.000001}}
            << true;
        QTest::newRow("empty group") << true << QJsonObject{} << false;
    }

    void entityCanonicalJson_isTheJcsOfItsJson()
    {
        QFETCH(bool, group);
        QFETCH(QJsonObject, data);
        QFETCH(bool, deleted);
        Entity entity;
        entity.guid = u"g-\"1\"é"_s;
        entity.type = group ? EntityType::Group : EntityType::Individual;
        entity.version = 12;
        entity.data = data;
        entity.lastUpdated = u"2026-11-27T02:00:00.000+01:00"_s;
        entity.deleted = deleted;
        if (group)
            entity.memberIds = {u"p-2"_s, u"p-1"_s, u"p-\\3"_s};
        auto expected = fieldledger::core::canonicalJson(entity.toJson());
        QVERIFY(expected);
        QCOMPARE(entity.canonicalJson(), *expected);
    }

    void project_appliesInCanonicalOrderNotLogOrder()
    {
        // Logged: create at t=10, then a late update recorded at t=5.
        const std::vector<Event> events{
            makeEvent(u"ev-a"_s, u"p-1"_s, u"create-individual"_s, {{u"name"_s, u"Ana"_s}, {u"age"_s, 30}},
                      timestampAt(10)),
            update(u"ev-b"_s, u"p-1"_s, timestampAt(5), {{u"age"_s, 29}, {u"phone"_s, u"555"_s}}),
        };
        const std::map<QString, Entity> entities = project(events, m_registry);
        const Entity &ana = entities.at(u"p-1"_s);
        QCOMPARE(ana.version, 2);
        QCOMPARE(ana.data.value(u"age"_s).toInt(), 30); // the later create wins
        QCOMPARE(ana.data.value(u"phone"_s).toString(), u"555"_s);
        QCOMPARE(ana.lastUpdated, timestampAt(10));
    }

    void project_orderesByInstantNotByTimestampText()
    {
        // 11:30+02:00 is 09:30Z: earlier than 09:31Z although its text sorts later.
        const std::vector<Event> events{
            update(u"ev-1"_s, u"p-1"_s, u"2026-11-26T09:31:00.000Z"_s, {{u"name"_s, u"second"_s}}),
            update(u"ev-2"_s, u"p-1"_s, u"2026-11-26T11:30:00.000+02:00"_s, {{u"name"_s, u"first"_s}}),
        };
        QCOMPARE(project(events, m_registry).at(u"p-1"_s).data.value(u"name"_s).toString(), u"second"_s);
    }

    void project_equalInstants_breakTiesByGuidInUtf8ByteOrder()
    {
        // U+FF5E is EF BD 9E in UTF-8 and U+1F600 is F0 9F 98 80: UTF-8 puts U+FF5E first,
        // UTF-16 (D83D DE00 < FF5E) would put U+1F600 first.
        const QString fullwidth = QString(QChar(0xFF5E)) + u"-ev"_s;
        const QString emoji = QString::fromUcs4(U"\U0001F600") + u"-ev"_s;
        const std::vector<Event> events{
            update(emoji, u"p-1"_s, timestampAt(0), {{u"name"_s, u"emoji"_s}}),
            update(fullwidth, u"p-1"_s, timestampAt(0), {{u"name"_s, u"fullwidth"_s}}),
        };
        QCOMPARE(project(events, m_registry).at(u"p-1"_s).data.value(u"name"_s).toString(), u"emoji"_s);
        std::vector<Event> sorted = events;
        Projector::sortCanonical(sorted);
        QCOMPARE(sorted.front().guid, fullwidth);
    }

    void project_duplicates_dedupeByGuidKeepsTheFirst()
    {
        std::vector<Event> events{
            makeEvent(u"ev-1"_s, u"p-1"_s, u"create-individual"_s, {}, timestampAt(0)),
            update(u"ev-2"_s, u"p-1"_s, timestampAt(1), {{u"n"_s, 1}}),
        };
        events.push_back(events[1]);
        QCOMPARE(project(events, m_registry).at(u"p-1"_s).version, 3);
        Projector::dedupeByGuid(events);
        QCOMPARE(events.size(), size_t(2));
        QCOMPARE(project(events, m_registry).at(u"p-1"_s).version, 2);
    }

    void project_filters_timeTravelAndAsRecorded()
    {
        const std::vector<Event> events{
            makeEvent(u"ev-1"_s, u"p-1"_s, u"create-individual"_s, {{u"name"_s, u"Ana"_s}}, timestampAt(0)),
            update(u"ev-2"_s, u"p-1"_s, timestampAt(20), {{u"name"_s, u"Ana Maria"_s}}),
            update(u"ev-3"_s, u"p-1"_s, timestampAt(10), {{u"phone"_s, u"555"_s}}), // late
        };
        const Projector projector(m_registry);
        const qint64 t10 = events[2].instantNs;

        Projector::Filter asOf;
        asOf.asOfInstantNs = t10;
        const Entity atT10 = projector.project(events, asOf).at(u"p-1"_s);
        QCOMPARE(atT10.version, 2);
        QCOMPARE(atT10.data.value(u"name"_s).toString(), u"Ana"_s);
        QCOMPARE(atT10.data.value(u"phone"_s).toString(), u"555"_s);

        asOf.asOfInstantNs = t10 - 1;
        QVERIFY(!projector.project(events, asOf).at(u"p-1"_s).data.contains(u"phone"_s));

        // As recorded at sequence 2: the late event (sequence 2) was not there yet.
        Projector::Filter recorded;
        recorded.beforeSeq = 2;
        const Entity thenShown = projector.project(events, recorded).at(u"p-1"_s);
        QCOMPARE(thenShown.version, 2);
        QCOMPARE(thenShown.data.value(u"name"_s).toString(), u"Ana Maria"_s);
        QVERIFY(!thenShown.data.contains(u"phone"_s));

        recorded.beforeSeq = 0;
        QVERIFY(projector.project(events, recorded).empty());
    }

    void auditTrail_isCanonicalOrderWithLogSequences()
    {
        const std::vector<Event> events{
            makeEvent(u"ev-1"_s, u"hh-1"_s, u"create-group"_s,
                      {{u"name"_s, u"H"_s}, {u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"p-1"_s}}}}},
                      timestampAt(0)),
            makeEvent(u"ev-2"_s, u"hh-1"_s, u"delete-entity"_s, {}, timestampAt(30), u"supervisor-1"_s,
                      QJsonObject{{u"reason"_s, u"duplicate household"_s}}),
            makeEvent(u"ev-3"_s, u"p-1"_s, u"update-individual"_s, {{u"name"_s, u"Ana"_s}},
                      timestampAt(10)), // late
        };
        const Projector projector(m_registry);
        const QJsonArray trail = projector.auditTrail(events, u"p-1"_s);
        QCOMPARE(trail.size(), 3);
        const QJsonObject created = trail.at(0).toObject();
        QCOMPARE(created.value(u"seq"_s).toInteger(), qint64(0));
        QCOMPARE(created.value(u"type"_s).toString(), u"create-group"_s);
        const QJsonObject late = trail.at(1).toObject();
        QCOMPARE(late.value(u"seq"_s).toInteger(), qint64(2));
        QCOMPARE(late.value(u"changes"_s).toObject().value(u"name"_s).toObject().value(u"new"_s).toString(),
                 u"Ana"_s);
        const QJsonObject deleted = trail.at(2).toObject();
        QCOMPARE(deleted.value(u"eventGuid"_s).toString(), u"ev-2"_s);
        QCOMPARE(deleted.value(u"userId"_s).toString(), u"supervisor-1"_s);
        QCOMPARE(deleted.value(u"reason"_s).toString(), u"duplicate household"_s);
        QVERIFY(
            deleted.value(u"changes"_s).toObject().value(u"deleted"_s).toObject().value(u"new"_s).toBool());

        // The group's trail also shows the delete (it tombstoned the group).
        QCOMPARE(projector.auditTrail(events, u"hh-1"_s).size(), 2);
        QVERIFY(projector.auditTrail(events, u"nobody"_s).isEmpty());
    }

    void unknownType_thenRegistered_reprojectionApplies()
    {
        const std::vector<Event> events{
            makeEvent(u"ev-1"_s, u"p-1"_s, u"create-individual"_s, {}, timestampAt(0)),
            makeEvent(u"ev-2"_s, u"p-1"_s, u"assign-case-worker"_s, {{u"caseWorkerId"_s, u"cw-1"_s}},
                      timestampAt(1)),
        };
        const Projector::Projection before = Projector(m_registry).projectWithAnomalies(events);
        QCOMPARE(before.entities.at(u"p-1"_s).version, 1);
        QCOMPARE(before.anomalies.size(), size_t(1));
        QCOMPARE(before.anomalies[0].kind, AnomalyKind::UnknownType);

        ApplierRegistry extended = ApplierRegistry::withBuiltins();
        QVERIFY(extended.add(u"assign-case-worker"_s, [](ApplyContext &context) {
            context.change(context.event().entityGuid)
                .data.insert(u"caseWorker"_s, context.event().data.value(u"caseWorkerId"_s));
        }));
        const Projector::Projection after = Projector(extended).projectWithAnomalies(events);
        QCOMPARE(after.entities.at(u"p-1"_s).version, 2);
        QCOMPARE(after.entities.at(u"p-1"_s).data.value(u"caseWorker"_s).toString(), u"cw-1"_s);
        QVERIFY(after.anomalies.empty());
    }

    void projector_upcastsBeforeApplying()
    {
        UpcasterRegistry upcasters;
        QVERIFY(upcasters.add(u"update-individual"_s, 1, [](Event &event) {
            if (event.data.contains(u"fullName"_s))
                event.data.insert(u"name"_s, event.data.take(u"fullName"_s));
        }));
        const std::vector<Event> events{
            update(u"ev-1"_s, u"p-1"_s, timestampAt(0), {{u"fullName"_s, u"Ana"_s}})};
        const QByteArray original = events[0].canonicalBytes();
        const Entity ana = Projector(m_registry, &upcasters).project(events).at(u"p-1"_s);
        QCOMPARE(ana.data.value(u"name"_s).toString(), u"Ana"_s);
        QVERIFY(!ana.data.contains(u"fullName"_s));
        QCOMPARE(events[0].canonicalBytes(), original);
    }

    // ---- properties over random histories ----

    void randomHistories_stateIsAPureFunctionOfTheSetOfEvents()
    {
        const std::uint64_t seed = testSeed();
        qInfo("seed %llu (set FIELDLEDGER_TEST_SEED to replay)", static_cast<unsigned long long>(seed));
        std::mt19937_64 shuffler(seed ^ 0x9E3779B97F4A7C15ULL);
        const Projector projector(m_registry);
        QElapsedTimer timer;
        timer.start();
        qint64 eventCount = 0;
        constexpr int kHistories = 1200;
        for (int history = 0; history < kHistories; ++history) {
            const std::uint64_t historySeed = seed + std::uint64_t(history);
            HistoryGenerator generator(historySeed);
            const std::vector<Event> events = generator.generate();
            eventCount += qint64(events.size());
            const QString where = u"history %1 (seed %2)"_s.arg(history).arg(historySeed);

            const Projector::Projection reference = projector.projectWithAudit(events);
            const QByteArray expected = stateBytes(reference.entities);

            // Any permutation gives byte-identical entities.
            std::vector<Event> shuffled = events;
            std::shuffle(shuffled.begin(), shuffled.end(), shuffler);
            QVERIFY2(stateBytes(projector.project(shuffled)) == expected,
                     qPrintable(where + u": shuffled"_s));
            std::reverse(shuffled.begin(), shuffled.end());
            QVERIFY2(stateBytes(projector.project(shuffled)) == expected,
                     qPrintable(where + u": reversed"_s));

            // Every event twice, deduplicated by guid, equals once.
            std::vector<Event> doubled = events;
            doubled.insert(doubled.end(), shuffled.begin(), shuffled.end());
            std::shuffle(doubled.begin(), doubled.end(), shuffler);
            Projector::dedupeByGuid(doubled);
            QVERIFY2(doubled.size() == events.size(), qPrintable(where));
            QVERIFY2(stateBytes(projector.project(doubled)) == expected,
                     qPrintable(where + u": duplicated"_s));

            // Invariants of every projected entity.
            for (const auto &[guid, entity] : reference.entities) {
                const QString who = where + u": "_s + guid;
                QVERIFY2(entity.version >= 1, qPrintable(who));
                QVERIFY2(entity.isGroup() || entity.memberIds.isEmpty(), qPrintable(who));
                QVERIFY2(QSet<QString>(entity.memberIds.cbegin(), entity.memberIds.cend()).size() ==
                             entity.memberIds.size(),
                         qPrintable(who + u": duplicate member"_s));
                QVERIFY2(!entity.memberIds.contains(guid), qPrintable(who + u": lists itself"_s));
                // Versions count the events that changed the entity: one audit entry each.
                const auto trail = reference.auditTrails.find(guid);
                QVERIFY2(trail != reference.auditTrails.end(), qPrintable(who));
                QVERIFY2(trail->second.size() == entity.version,
                         qPrintable(who + u": version vs audit trail"_s));
                QVERIFY2(trail->second.last().toObject().value(u"timestamp"_s).toString() ==
                             entity.lastUpdated,
                         qPrintable(who + u": lastUpdated"_s));
                const Result<Entity> roundTrip = Entity::fromJson(entity.toJson());
                QVERIFY2(roundTrip && *roundTrip == entity, qPrintable(who + u": JSON round trip"_s));
            }
            QCOMPARE(reference.auditTrails.size(), reference.entities.size());
        }
        qInfo("%d histories, %lld events, %lld ms", kHistories, static_cast<long long>(eventCount),
              static_cast<long long>(timer.elapsed()));
    }

    void randomHistories_timeTravelToTheLastInstantIsTheWholeState()
    {
        const std::uint64_t seed = testSeed();
        qInfo("seed %llu", static_cast<unsigned long long>(seed));
        const Projector projector(m_registry);
        for (int history = 0; history < 200; ++history) {
            HistoryGenerator generator(seed + std::uint64_t(history));
            const std::vector<Event> events = generator.generate();
            qint64 last = events.front().instantNs;
            for (const Event &event : events)
                last = std::max(last, event.instantNs);
            Projector::Filter filter;
            filter.asOfInstantNs = last;
            const QByteArray whole = stateBytes(projector.project(events));
            QCOMPARE(stateBytes(projector.project(events, filter)), whole);
            filter = {};
            filter.beforeSeq = qint64(events.size());
            QCOMPARE(stateBytes(projector.project(events, filter)), whole);
            // Stopping one event short in log order changes something or removes an event that
            // changed nothing; either way the projection of the prefix equals projecting the
            // prefix directly.
            filter.beforeSeq = qint64(events.size()) - 1;
            std::vector<Event> prefix(events.begin(), events.end() - 1);
            QCOMPARE(stateBytes(projector.project(events, filter)), stateBytes(projector.project(prefix)));
        }
    }
};

QTEST_GUILESS_MAIN(TestProjector)
#include "tst_projector.moc"
