#include "core/domain/duplicateindex.h"
#include "ledgerfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using fieldledger::testing::command;
using fieldledger::testing::LedgerFixture;
using fieldledger::testing::secret;

class TestDuplicateIndex final : public QObject {
    Q_OBJECT

private:
    static void install(LedgerFixture &fixture) { FL_VERIFY_OK(DuplicateIndex::install(fixture.ledger())); }

    static void person(LedgerFixture &fixture, const QString &guid, const QString &name, int age)
    {
        FL_VERIFY_OK(fixture.ledger().submit(
            command(u"create-individual"_s, guid, {{u"name"_s, name}, {u"age"_s, age}})));
        fixture.clock().advanceMs(1000);
    }

    static void update(LedgerFixture &fixture, const QString &guid, const QJsonObject &data)
    {
        FL_VERIFY_OK(fixture.ledger().submit(command(u"update-individual"_s, guid, data)));
        fixture.clock().advanceMs(1000);
    }

    // Every kept pair: "a|b|rules|found|resolved|resolution".
    static QStringList rows(LedgerFixture &fixture)
    {
        QSqlQuery query(fixture.registry().database());
        if (!query.exec(u"SELECT entity_guid, duplicate_guid, rules, found_seq, coalesce(resolved_seq, ''),"
                        " resolution FROM duplicate_pairs ORDER BY 1, 2"_s))
            qFatal("cannot read the pairs");
        QStringList out;
        while (query.next()) {
            QStringList fields;
            for (int i = 0; i < 6; ++i)
                fields << query.value(i).toString();
            out << fields.join(u'|');
        }
        return out;
    }

    static QStringList open(LedgerFixture &fixture)
    {
        auto pairs = DuplicateQueue(fixture.ledger()).openPairs();
        if (!pairs)
            qFatal("openPairs: %s", qPrintable(pairs.error().message));
        QStringList out;
        for (const DuplicatePair &pair : *pairs)
            out << pair.entityGuid + u'+' + pair.duplicateGuid;
        return out;
    }

    static qint64 openCount(LedgerFixture &fixture)
    {
        auto count = DuplicateQueue(fixture.ledger()).openCount();
        if (!count)
            qFatal("openCount: %s", qPrintable(count.error().message));
        return *count;
    }

private slots:
    void registration_flagsPair()
    {
        LedgerFixture fixture;
        install(fixture);
        person(fixture, u"p-1"_s, u"Aïssatou Diallo"_s, 31);
        person(fixture, u"p-2"_s, u"Moussa Ba"_s, 40);
        QCOMPARE(openCount(fixture), 0);
        person(fixture, u"p-3"_s, u"DIALLO aissatou"_s, 33);
        QCOMPARE(rows(fixture), QStringList{u"p-1|p-3|name-age|2||"_s});
        auto pairs = DuplicateQueue(fixture.ledger()).openPairs();
        FL_VERIFY_OK(pairs);
        QCOMPARE(pairs->size(), std::size_t(1));
        const DuplicatePair &pair = pairs->front();
        QCOMPARE(pair.entityName, u"Aïssatou Diallo"_s);
        QCOMPARE(pair.duplicateName, u"DIALLO aissatou"_s);
        QCOMPARE(pair.rules, QStringList{u"name-age"_s});
        QCOMPARE(pair.foundAt, u"2026-11-26T12:00:02.000Z"_s);
        QVERIFY(!pair.isResolved());
    }

    void householdMembers_areCheckedAndOldestComesFirst()
    {
        LedgerFixture fixture;
        install(fixture);
        person(fixture, u"p-1"_s, u"Awa Sow"_s, 20);
        person(fixture, u"p-2"_s, u"Ali Kane"_s, 50);
        // A household registration whose members match both: two pairs, one event.
        QJsonArray members{QJsonObject{{u"guid"_s, u"m-1"_s}, {u"name"_s, u"Sow Awa"_s}, {u"age"_s, 21}},
                           QJsonObject{{u"guid"_s, u"m-2"_s}, {u"name"_s, u"Ali Kane"_s}, {u"age"_s, 52}}};
        FL_VERIFY_OK(fixture.ledger().submit(
            command(u"create-group"_s, u"h-1"_s,
                    {{u"name"_s, u"Sow"_s}, {u"phone"_s, u"77 123 45 67"_s}, {u"members"_s, members}})));
        person(fixture, u"p-0"_s, u"Ali Kane"_s, 54);
        // Households pair by phone only, never with a person.
        FL_VERIFY_OK(fixture.ledger().submit(command(
            u"create-group"_s, u"h-2"_s, {{u"name"_s, u"Other"_s}, {u"phone"_s, u"+221771234567"_s}})));
        QCOMPARE(open(fixture),
                 (QStringList{u"m-1+p-1"_s, u"m-2+p-2"_s, u"m-2+p-0"_s, u"p-0+p-2"_s, u"h-1+h-2"_s}));
        QCOMPARE(rows(fixture).first(), u"h-1|h-2|household-phone|4||"_s);
    }

    void update_removesAndRestoresTheMatch()
    {
        LedgerFixture fixture;
        install(fixture);
        person(fixture, u"p-1"_s, u"Awa Sow"_s, 20);
        person(fixture, u"p-2"_s, u"Awa Sow"_s, 22);
        QCOMPARE(openCount(fixture), 1);
        update(fixture, u"p-2"_s, {{u"age"_s, 60}});
        QCOMPARE(openCount(fixture), 0);
        QVERIFY(rows(fixture).isEmpty());
        // Another rule makes them match again: found anew, on that rule.
        update(fixture, u"p-1"_s, {{u"phone"_s, u"771234567"_s}});
        update(fixture, u"p-2"_s, {{u"phone"_s, u"+221 77 123 45 67"_s}});
        QCOMPARE(rows(fixture), QStringList{u"p-1|p-2|phone|4||"_s});
        update(fixture, u"p-2"_s, {{u"age"_s, 21}});
        QCOMPARE(rows(fixture), QStringList{u"p-1|p-2|name-age,phone|4||"_s});
    }

    void delete_dropsOpenPair()
    {
        LedgerFixture fixture;
        install(fixture);
        person(fixture, u"p-1"_s, u"Awa Sow"_s, 20);
        person(fixture, u"p-2"_s, u"Awa Sow"_s, 22);
        FL_VERIFY_OK(fixture.ledger().submit(command(u"delete-entity"_s, u"p-1"_s, {})));
        QCOMPARE(openCount(fixture), 0);
        QVERIFY(rows(fixture).isEmpty());
        QSqlQuery query(fixture.registry().database());
        QVERIFY(query.exec(u"SELECT count(*) FROM duplicate_keys WHERE entity_guid = 'p-1'"_s) &&
                query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }

    void keepBoth_staysResolved()
    {
        LedgerFixture fixture;
        install(fixture);
        person(fixture, u"p-1"_s, u"Awa Sow"_s, 20);
        person(fixture, u"p-2"_s, u"Awa Sow"_s, 22);
        DuplicateQueue queue(fixture.ledger());
        auto event = queue.resolve(u"p-2"_s, u"p-1"_s, DuplicateResolution::KeepBoth, u"sisters"_s);
        FL_VERIFY_OK(event);
        QCOMPARE(event->type, u"resolve-duplicate"_s);
        QCOMPARE(event->entityGuid, u"p-1"_s);
        QCOMPARE(openCount(fixture), 0);
        QCOMPARE(rows(fixture), QStringList{u"p-1|p-2|name-age|1|2|keep-both"_s});
        // Still matching after more changes, still resolved; a third one pairs with both.
        update(fixture, u"p-2"_s, {{u"phone"_s, u"771234567"_s}});
        update(fixture, u"p-1"_s, {{u"phone"_s, u"771234567"_s}});
        person(fixture, u"p-3"_s, u"Awa Sow"_s, 24);
        QCOMPARE(open(fixture), (QStringList{u"p-1+p-3"_s, u"p-2+p-3"_s}));
        auto pair = queue.pair(u"p-2"_s, u"p-1"_s);
        FL_VERIFY_OK(pair);
        QVERIFY(pair->has_value());
        QVERIFY((*pair)->isResolved());
        QCOMPARE((*pair)->resolution, u"keep-both"_s);
        // Both still there.
        auto entities = queue.entities(**pair);
        FL_VERIFY_OK(entities);
        QVERIFY(!entities->first.deleted && !entities->second.deleted);
    }

    void deleteNewer_tombstonesTheLaterRegistration_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        // Registration order, not guid order, decides which one is newer.
        QTest::newRow("newer sorts last") << u"p-1"_s << u"p-2"_s;
        QTest::newRow("newer sorts first") << u"p-9"_s << u"p-2"_s;
    }
    void deleteNewer_tombstonesTheLaterRegistration()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        LedgerFixture fixture;
        install(fixture);
        person(fixture, first, u"Awa Sow"_s, 20);
        person(fixture, second, u"Awa Sow"_s, 22);
        DuplicateQueue queue(fixture.ledger());
        auto newer = queue.newer(first, second);
        FL_VERIFY_OK(newer);
        QCOMPARE(*newer, second);
        FL_VERIFY_OK(queue.resolve(first, second, DuplicateResolution::DeleteNewer));
        auto kept = fixture.ledger().entity(first);
        auto gone = fixture.ledger().entity(second);
        FL_VERIFY_OK(kept);
        FL_VERIFY_OK(gone);
        QVERIFY(!(*kept)->deleted);
        QVERIFY((*gone)->deleted);
        QCOMPARE(openCount(fixture), 0);
        auto pair = queue.pair(first, second);
        FL_VERIFY_OK(pair);
        QVERIFY(pair->has_value());
        QCOMPARE((*pair)->resolution, u"deleted"_s);
        QCOMPARE((*pair)->resolvedSeq, std::optional<qint64>(2));
        // A resolved pair with a deleted side cannot be resolved again.
        auto again = queue.resolve(first, second, DuplicateResolution::KeepBoth);
        QVERIFY(!again);
    }

    void replay_givesTheSamePairs()
    {
        LedgerFixture fixture;
        install(fixture);
        person(fixture, u"p-1"_s, u"Awa Sow"_s, 20);
        person(fixture, u"p-2"_s, u"Awa Sow"_s, 22);
        person(fixture, u"p-3"_s, u"Awa Sow"_s, 23);
        person(fixture, u"p-4"_s, u"Ali Kane"_s, 23);
        person(fixture, u"p-5"_s, u"Kane Ali"_s, 24);
        DuplicateQueue queue(fixture.ledger());
        FL_VERIFY_OK(queue.resolve(u"p-1"_s, u"p-2"_s, DuplicateResolution::KeepBoth));
        FL_VERIFY_OK(queue.resolve(u"p-4"_s, u"p-5"_s, DuplicateResolution::DeleteNewer));
        update(fixture, u"p-3"_s, {{u"idNumber"_s, u"X-1"_s}});
        update(fixture, u"p-1"_s, {{u"idNumber"_s, u"x1"_s}});
        const QStringList before = rows(fixture);
        QCOMPARE(before.size(), 4);
        QCOMPARE(before.last(), u"p-4|p-5||4|6|deleted"_s); // resolved, matching on nothing now

        FL_VERIFY_OK(fixture.ledger().replay());
        QCOMPARE(rows(fixture), before);

        // From nothing (an index installed on a registry that never had one): the same pairs,
        // found at the later of the two registrations.
        QSqlQuery query(fixture.registry().database());
        QVERIFY(query.exec(u"DELETE FROM duplicate_pairs"_s));
        QVERIFY(query.exec(u"DELETE FROM duplicate_keys"_s));
        QVERIFY(query.exec(u"DELETE FROM meta WHERE key = 'duplicate_index'"_s));
        fixture.openLedger();
        install(fixture);
        QCOMPARE(rows(fixture), before);
    }

    void install_findsPairsOfAnExistingRegistry()
    {
        LedgerFixture fixture; // no index while these are registered
        person(fixture, u"p-1"_s, u"Awa Sow"_s, 20);
        person(fixture, u"p-2"_s, u"Ali Kane"_s, 20);
        person(fixture, u"p-3"_s, u"Awa Sow"_s, 22);
        int calls = 0;
        FL_VERIFY_OK(DuplicateIndex::install(fixture.ledger(), [&](quint64, quint64) {
            ++calls;
            return true;
        }));
        QVERIFY(calls > 0);
        QCOMPARE(rows(fixture), QStringList{u"p-1|p-3|name-age|2||"_s});
        // Installed twice: still one index.
        FL_VERIFY_OK(DuplicateIndex::install(fixture.ledger()));
        person(fixture, u"p-4"_s, u"Awa Sow"_s, 21);
        QCOMPARE(openCount(fixture), 3);
    }

    void install_cancelledChangesNothing()
    {
        LedgerFixture fixture;
        person(fixture, u"p-1"_s, u"Awa Sow"_s, 20);
        person(fixture, u"p-3"_s, u"Awa Sow"_s, 22);
        auto ok = DuplicateIndex::install(fixture.ledger(), [](quint64, quint64) { return false; });
        QVERIFY(!ok);
        QCOMPARE(ok.error().code, ErrorCode::Cancelled);
        QVERIFY(rows(fixture).isEmpty());
    }

    void savedRules_rebuildTheIndex()
    {
        LedgerFixture fixture;
        install(fixture);
        person(fixture, u"p-1"_s, u"Awa Sow"_s, 20);
        person(fixture, u"p-2"_s, u"Awa Sow"_s, 22);
        QCOMPARE(openCount(fixture), 1);
        DuplicateRules rules;
        rules.nameAgeBand = false;
        FL_VERIFY_OK(saveDuplicateRules(fixture.registry().database(), rules));
        person(fixture, u"p-3"_s, u"Awa Sow"_s, 23);
        QCOMPARE(openCount(fixture), 0);
        rules.nameAgeBand = true;
        rules.ageBandYears = 2;
        FL_VERIFY_OK(saveDuplicateRules(fixture.registry().database(), rules));
        person(fixture, u"p-4"_s, u"Ali Kane"_s, 23);
        QCOMPARE(open(fixture), QStringList{u"p-2+p-3"_s}); // 22 and 23 share 22-23; 20 is 20-21
    }

    void duplicates_neverBlockSubmissions()
    {
        LedgerFixture fixture;
        install(fixture);
        person(fixture, u"p-1"_s, u"Awa Sow"_s, 20);
        // The very same person again, then twice in one batch: all accepted.
        person(fixture, u"p-2"_s, u"Awa Sow"_s, 20);
        std::vector<Command> batch{
            command(u"create-individual"_s, u"p-3"_s, {{u"name"_s, u"Awa Sow"_s}, {u"age"_s, 20}}),
            command(u"create-individual"_s, u"p-4"_s, {{u"name"_s, u"Awa Sow"_s}, {u"age"_s, 20}})};
        auto report = fixture.ledger().submitBatch(batch);
        FL_VERIFY_OK(report);
        QCOMPARE(report->accepted, 2);
        QCOMPARE(openCount(fixture), 6); // every two of four
        // The pairs of one batch share its last sequence.
        QVERIFY(rows(fixture).contains(u"p-3|p-4|name-age|3||"_s));
        // Open pairs do not stop changes to either side, or deleting one.
        update(fixture, u"p-1"_s, {{u"village"_s, u"Kalo"_s}});
        FL_VERIFY_OK(fixture.ledger().submit(command(u"delete-entity"_s, u"p-4"_s, {})));
        QCOMPARE(openCount(fixture), 3);
    }

    void enumerator_cannotResolveOrList()
    {
        LedgerFixture fixture;
        FL_VERIFY_OK(fixture.registry().addUser(User{u"enum"_s, u"enum"_s, Role::Enumerator, true},
                                                secret("enumerator passphrase")));
        FL_VERIFY_OK(fixture.registry().addUser(User{u"super"_s, u"super"_s, Role::Supervisor, true},
                                                secret("supervisor passphrase")));
        fixture.reopenAs(u"enum"_s, "enumerator passphrase");
        install(fixture);
        person(fixture, u"p-1"_s, u"Awa Sow"_s, 20);
        person(fixture, u"p-2"_s, u"Awa Sow"_s, 22);
        DuplicateQueue queue(fixture.ledger());
        auto resolved = queue.resolve(u"p-1"_s, u"p-2"_s, DuplicateResolution::DeleteNewer);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().code, ErrorCode::PermissionDenied);
        auto listed = queue.openPairs();
        QVERIFY(!listed);
        QCOMPARE(listed.error().code, ErrorCode::PermissionDenied);
        // Nor through the ledger itself, on their own entity (the CLI's submit).
        const QJsonObject pair{{u"entityGuid"_s, u"p-1"_s}, {u"duplicateGuid"_s, u"p-2"_s}};
        auto direct = fixture.ledger().submit(
            command(u"resolve-duplicate"_s, u"p-2"_s,
                    {{u"duplicates"_s, QJsonArray{pair}}, {u"shouldDelete"_s, true}}));
        QVERIFY(!direct);
        QCOMPARE(direct.error().code, ErrorCode::PermissionDenied);
        auto p2 = fixture.ledger().entity(u"p-2"_s);
        FL_VERIFY_OK(p2);
        QVERIFY(!(*p2)->deleted);

        fixture.reopenAs(u"super"_s, "supervisor passphrase");
        install(fixture);
        DuplicateQueue supervisor(fixture.ledger());
        QCOMPARE(openCount(fixture), 1);
        FL_VERIFY_OK(supervisor.resolve(u"p-1"_s, u"p-2"_s, DuplicateResolution::DeleteNewer));
        QCOMPARE(openCount(fixture), 0);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateIndex)
#include "tst_duplicateindex.moc"
