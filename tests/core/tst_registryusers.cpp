// Registry's user administration (issue 6, item 7): roles, household assignments, the user log
// that records every change, and resetting a passphrase with the recovery key.
#include "core/access/accesscontrol.h"
#include "ledgerfixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using core::ErrorCode;
using core::Role;
using core::UserLogEntry;
using Action = core::UserLogEntry::Action;

namespace {

core::Command household(const QString &guid, const QString &name)
{
    return command(u"create-group"_s, guid, {{u"name"_s, name}, {u"village"_s, u"Kalo"_s}});
}

core::SecretBytes recoverySecret(const QString &key)
{
    const QByteArray bytes = key.toLatin1();
    return core::SecretBytes(bytes.constData(), std::size_t(bytes.size()));
}

// The log as "actor action user detail" lines, without ids and times.
QStringList logLines(const QList<UserLogEntry> &entries)
{
    QStringList lines;
    for (const UserLogEntry &entry : entries)
        lines << u"%1 %2 %3 %4"_s
                     .arg(entry.actor, core::userLogActionName(entry.action), entry.userId, entry.detail)
                     .trimmed();
    return lines;
}

int userLogRowCount(core::Registry &registry)
{
    QSqlQuery query(registry.database());
    if (!query.exec(u"SELECT count(*) FROM user_log"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace

class TestRegistryUsers final : public QObject {
    Q_OBJECT

private slots:
    void create_recordsTheFirstAdministrator()
    {
        LedgerFixture f;
        auto log = f.registry().userLog();
        FL_VERIFY_OK(log);
        QCOMPARE(log->size(), 1);
        QCOMPARE(log->front().action, Action::AddUser);
        QCOMPARE(log->front().actor, u"admin"_s);
        QCOMPARE(log->front().userId, u"admin"_s);
        QVERIFY(log->front().detail.startsWith(u"role administrator"_s));
        QCOMPARE(log->front().at, f.clock().now());
    }

    void actionNames_roundTrip_data()
    {
        QTest::addColumn<Action>("action");
        QTest::addColumn<QString>("name");
        QTest::newRow("add") << Action::AddUser << u"add-user"_s;
        QTest::newRow("remove") << Action::RemoveUser << u"remove-user"_s;
        QTest::newRow("role") << Action::ChangeRole << u"change-role"_s;
        QTest::newRow("reset") << Action::ResetPassphrase << u"reset-passphrase"_s;
        QTest::newRow("change") << Action::ChangePassphrase << u"change-passphrase"_s;
        QTest::newRow("assign") << Action::AssignHouseholds << u"assign-households"_s;
        QTest::newRow("unassign") << Action::UnassignHouseholds << u"unassign-households"_s;
    }

    void actionNames_roundTrip()
    {
        QFETCH(Action, action);
        QFETCH(QString, name);
        QCOMPARE(core::userLogActionName(action), name);
        QCOMPARE(*core::userLogActionFromName(name), action);
        QVERIFY(!core::userLogActionFromName(name + u"x"_s));
    }

    void addUser_thenTheUserCanOpenWithTheirPassphrase_andTheAdditionIsRecorded()
    {
        LedgerFixture f;
        f.registry().setClock(f.clock());
        f.clock().set(QDateTime(QDate(2026, 11, 27), QTime(9, 15, 30), QTimeZone::utc()));
        FL_VERIFY_OK(f.registry().addUser({u"aminata"_s, u"Aminata"_s, Role::Supervisor, true},
                                          secret("aminata passphrase")));
        auto log = f.registry().userLog(u"aminata"_s);
        FL_VERIFY_OK(log);
        QCOMPARE(logLines(*log), QStringList{u"admin add-user aminata role supervisor"_s});
        QCOMPARE(log->front().at, QDateTime(QDate(2026, 11, 27), QTime(9, 15, 30), QTimeZone::utc()));
        QSqlQuery stored(f.registry().database());
        QVERIFY(stored.exec(u"SELECT at FROM user_log WHERE user_id = 'aminata'"_s) && stored.next());
        QCOMPARE(stored.value(0).toString(), u"2026-11-27T09:15:30.000Z"_s); // RFC 3339, UTC

        f.reopenAs(u"aminata"_s, "aminata passphrase");
        QCOMPARE(f.registry().currentUser().id, u"aminata"_s);
        QCOMPARE(f.registry().currentUser().role, Role::Supervisor);
    }

    void changeRole_changesAndRecords_data()
    {
        QTest::addColumn<Role>("from");
        QTest::addColumn<Role>("to");
        QTest::addColumn<QString>("detail");
        QTest::newRow("promote") << Role::Supervisor << Role::Administrator
                                 << u"role supervisor → administrator"_s;
        QTest::newRow("demote") << Role::Administrator << Role::Enumerator
                                << u"role administrator → enumerator"_s;
        QTest::newRow("sideways") << Role::Enumerator << Role::Supervisor
                                  << u"role enumerator → supervisor"_s;
    }

    void changeRole_changesAndRecords()
    {
        QFETCH(Role, from);
        QFETCH(Role, to);
        QFETCH(QString, detail);
        LedgerFixture f;
        FL_VERIFY_OK(f.registry().addUser({u"musa"_s, u"Musa"_s, from, true}, secret("musa passphrase")));
        FL_VERIFY_OK(f.registry().changeRole(u"musa"_s, to));
        QCOMPARE(f.registry().user(u"musa"_s)->role, to);
        auto log = f.registry().userLog(u"musa"_s);
        FL_VERIFY_OK(log);
        QCOMPARE(log->size(), 2);
        QCOMPARE(log->back().action, Action::ChangeRole);
        QCOMPARE(log->back().actor, u"admin"_s);
        QCOMPARE(log->back().detail, detail);
        // The new role holds when they next unlock.
        f.reopenAs(u"musa"_s, "musa passphrase");
        QCOMPARE(f.registry().currentUser().role, to);
    }

    void changeRole_sameRole_changesAndRecordsNothing()
    {
        LedgerFixture f;
        FL_VERIFY_OK(
            f.registry().addUser({u"musa"_s, u"Musa"_s, Role::Enumerator, true}, secret("musa passphrase")));
        const int before = userLogRowCount(f.registry());
        FL_VERIFY_OK(f.registry().changeRole(u"musa"_s, Role::Enumerator));
        QCOMPARE(userLogRowCount(f.registry()), before);
    }

    void changeRole_refusals()
    {
        LedgerFixture f;
        FL_VERIFY_OK(
            f.registry().addUser({u"sup"_s, u"S"_s, Role::Supervisor, true}, secret("sup passphrase")));
        FL_VERIFY_OK(
            f.registry().addUser({u"gone"_s, u"G"_s, Role::Enumerator, true}, secret("gone passphrase")));
        FL_VERIFY_OK(f.registry().removeUser(u"gone"_s));
        const int before = userLogRowCount(f.registry());

        // The last active administrator stays one.
        auto last = f.registry().changeRole(u"admin"_s, Role::Supervisor);
        QVERIFY(!last);
        QCOMPARE(last.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(last.error().message.contains(u"last active administrator"_s),
                 qPrintable(last.error().message));
        QCOMPARE(f.registry().user(u"admin"_s)->role, Role::Administrator);
        QCOMPARE(f.registry().changeRole(u"nobody"_s, Role::Supervisor).error().code, ErrorCode::NotFound);
        QCOMPARE(f.registry().changeRole(u"gone"_s, Role::Supervisor).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(userLogRowCount(f.registry()), before);

        // Not an administrator: refused.
        f.reopenAs(u"sup"_s, "sup passphrase");
        auto denied = f.registry().changeRole(u"sup"_s, Role::Administrator);
        QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(f.registry().user(u"sup"_s)->role, Role::Supervisor);
        QCOMPARE(f.registry().userLog().error().code, ErrorCode::PermissionDenied);
    }

    void changeRole_ownDemotionWithAnotherAdministrator_takesEffectAtOnce()
    {
        LedgerFixture f;
        FL_VERIFY_OK(
            f.registry().addUser({u"boss"_s, u"B"_s, Role::Supervisor, true}, secret("boss passphrase")));
        FL_VERIFY_OK(f.registry().changeRole(u"boss"_s, Role::Administrator));
        FL_VERIFY_OK(f.registry().changeRole(u"admin"_s, Role::Supervisor));
        QCOMPARE(f.registry().currentUser().role, Role::Supervisor);
        // Now a supervisor: no more user administration in this session.
        QCOMPARE(f.registry().changeRole(u"admin"_s, Role::Administrator).error().code,
                 ErrorCode::PermissionDenied);
        f.reopenAs(u"boss"_s, "boss passphrase");
        // The last administrator cannot be removed either (nor remove themselves).
        QCOMPARE(f.registry().changeRole(u"boss"_s, Role::Enumerator).error().code,
                 ErrorCode::InvalidArgument);
    }

    void removeUser_isRecorded_andRemovedUserIsRefusedFurtherChanges()
    {
        LedgerFixture f;
        FL_VERIFY_OK(
            f.registry().addUser({u"musa"_s, u"M"_s, Role::Enumerator, true}, secret("musa passphrase")));
        FL_VERIFY_OK(f.registry().removeUser(u"musa"_s));
        auto log = f.registry().userLog(u"musa"_s);
        FL_VERIFY_OK(log);
        QCOMPARE(logLines(*log), (QStringList{u"admin add-user musa role enumerator"_s,
                                              u"admin remove-user musa role enumerator"_s}));
        QCOMPARE(f.registry().removeUser(u"musa"_s).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(f.registry().removeUser(u"nobody"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(f.registry().resetPassphrase(u"musa"_s, secret("new passphrase")).error().code,
                 ErrorCode::PermissionDenied);
        QCOMPARE(f.registry().userLog(u"musa"_s)->size(), 2);
    }

    void passphrases_changeAndReset_areRecordedWithoutThePassphrase()
    {
        LedgerFixture f;
        FL_VERIFY_OK(
            f.registry().addUser({u"musa"_s, u"M"_s, Role::Enumerator, true}, secret("musa passphrase")));
        FL_VERIFY_OK(f.registry().resetPassphrase(u"musa"_s, secret("reset by admin")));
        QCOMPARE(f.registry().resetPassphrase(u"nobody"_s, secret("reset by admin")).error().code,
                 ErrorCode::NotFound);
        f.reopenAs(u"musa"_s, "reset by admin");
        QCOMPARE(f.registry().resetPassphrase(u"musa"_s, secret("reset by self")).error().code,
                 ErrorCode::PermissionDenied);
        FL_VERIFY_OK(f.registry().changePassphrase(secret("reset by admin"), secret("chosen by musa")));
        QCOMPARE(f.registry().changePassphrase(secret("wrong old one"), secret("chosen again")).error().code,
                 ErrorCode::WrongSecret);
        f.reopenAs(u"musa"_s, "chosen by musa");
        f.reopenAs(u"admin"_s, "admin passphrase");
        auto log = f.registry().userLog(u"musa"_s);
        FL_VERIFY_OK(log);
        QCOMPARE(logLines(*log),
                 (QStringList{u"admin add-user musa role enumerator"_s, u"admin reset-passphrase musa"_s,
                              u"musa change-passphrase musa"_s}));
        QSqlQuery everything(f.registry().database());
        QVERIFY(everything.exec(u"SELECT at || actor || action || user_id || detail FROM user_log"_s));
        while (everything.next()) {
            const QString row = everything.value(0).toString();
            for (const QString &passphrase :
                 {u"musa passphrase"_s, u"reset by admin"_s, u"chosen by musa"_s, u"chosen again"_s})
                QVERIFY2(!row.contains(passphrase), qPrintable(row));
        }
    }

    void assignHouseholds_enumeratorSeesThem_andChangesAreRecorded()
    {
        LedgerFixture f;
        FL_VERIFY_OK(
            f.registry().addUser({u"enum1"_s, u"E"_s, Role::Enumerator, true}, secret("enum1 passphrase")));
        FL_VERIFY_OK(f.ledger().submit(household(u"hh-1"_s, u"Diallo"_s)));
        FL_VERIFY_OK(f.ledger().submit(household(u"hh-2"_s, u"Sow"_s)));
        FL_VERIFY_OK(f.ledger().submit(household(u"hh-3"_s, u"Diop"_s)));

        FL_VERIFY_OK(f.registry().assignHouseholds(u"enum1"_s, {u"hh-3"_s, u"hh-1"_s, u"hh-1"_s}));
        QCOMPARE(*f.registry().assignedHouseholds(u"enum1"_s), (QStringList{u"hh-1"_s, u"hh-3"_s}));
        // Again with one already assigned: only the new one is recorded.
        FL_VERIFY_OK(f.registry().assignHouseholds(u"enum1"_s, {u"hh-1"_s, u"hh-2"_s}));
        const int before = userLogRowCount(f.registry());
        FL_VERIFY_OK(f.registry().assignHouseholds(u"enum1"_s, {u"hh-2"_s})); // nothing new
        QCOMPARE(userLogRowCount(f.registry()), before);
        FL_VERIFY_OK(f.registry().unassignHouseholds(u"enum1"_s, {u"hh-2"_s, u"hh-9"_s}));
        QCOMPARE(*f.registry().assignedHouseholds(u"enum1"_s), (QStringList{u"hh-1"_s, u"hh-3"_s}));
        auto log = f.registry().userLog(u"enum1"_s);
        FL_VERIFY_OK(log);
        QCOMPARE(logLines(*log), (QStringList{u"admin add-user enum1 role enumerator"_s,
                                              u"admin assign-households enum1 hh-1, hh-3"_s,
                                              u"admin assign-households enum1 hh-2"_s,
                                              u"admin unassign-households enum1 hh-2"_s}));

        f.reopenAs(u"enum1"_s, "enum1 passphrase");
        const core::User &viewer = f.ledger().user();
        QVERIFY(*f.ledger().access().canSee(viewer, u"hh-1"_s));
        QVERIFY(!*f.ledger().access().canSee(viewer, u"hh-2"_s));
        QVERIFY(*f.ledger().access().canSee(viewer, u"hh-3"_s));
        QSqlQuery listed(f.registry().database());
        listed.prepare(u"SELECT e.guid FROM entities e WHERE e.type = 'group' AND "_s +
                       core::AccessControl::visibilityCondition(viewer) + u" ORDER BY e.guid"_s);
        listed.bindValue(u":viewer"_s, viewer.id);
        QVERIFY(listed.exec());
        QStringList visible;
        while (listed.next())
            visible << listed.value(0).toString();
        QCOMPARE(visible, (QStringList{u"hh-1"_s, u"hh-3"_s}));
        QCOMPARE(*f.registry().assignedHouseholds(u"enum1"_s), (QStringList{u"hh-1"_s, u"hh-3"_s}));
        QCOMPARE(f.registry().assignedHouseholds(u"admin"_s).error().code, ErrorCode::PermissionDenied);
    }

    void assignHouseholds_refusals_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("guids");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("supervisor") << u"sup"_s << QStringList{u"hh-1"_s} << ErrorCode::InvalidArgument;
        QTest::newRow("administrator") << u"admin"_s << QStringList{u"hh-1"_s} << ErrorCode::InvalidArgument;
        QTest::newRow("unknown user") << u"nobody"_s << QStringList{u"hh-1"_s} << ErrorCode::NotFound;
        QTest::newRow("removed user") << u"gone"_s << QStringList{u"hh-1"_s} << ErrorCode::InvalidArgument;
        QTest::newRow("unknown household")
            << u"enum1"_s << QStringList{u"hh-1"_s, u"hh-404"_s} << ErrorCode::NotFound;
        QTest::newRow("an individual") << u"enum1"_s << QStringList{u"person-1"_s} << ErrorCode::NotFound;
        QTest::newRow("deleted household")
            << u"enum1"_s << QStringList{u"hh-del"_s} << ErrorCode::InvalidArgument;
    }

    void assignHouseholds_refusals()
    {
        QFETCH(QString, user);
        QFETCH(QStringList, guids);
        QFETCH(ErrorCode, code);
        // One registry for every row: a refusal changes nothing (checked below).
        if (!m_refusals) {
            m_refusals = std::make_unique<LedgerFixture>();
            LedgerFixture &f = *m_refusals;
            FL_VERIFY_OK(f.registry().addUser({u"enum1"_s, u"E"_s, Role::Enumerator, true},
                                              secret("enum1 passphrase")));
            FL_VERIFY_OK(
                f.registry().addUser({u"sup"_s, u"S"_s, Role::Supervisor, true}, secret("sup passphrase")));
            FL_VERIFY_OK(
                f.registry().addUser({u"gone"_s, u"G"_s, Role::Enumerator, true}, secret("gone passphrase")));
            FL_VERIFY_OK(f.registry().removeUser(u"gone"_s));
            FL_VERIFY_OK(f.ledger().submit(household(u"hh-1"_s, u"Diallo"_s)));
            FL_VERIFY_OK(f.ledger().submit(household(u"hh-del"_s, u"Sow"_s)));
            FL_VERIFY_OK(f.ledger().submit(command(u"delete-entity"_s, u"hh-del"_s, {})));
            FL_VERIFY_OK(
                f.ledger().submit(command(u"create-individual"_s, u"person-1"_s, {{u"name"_s, u"Awa"_s}})));
        }
        LedgerFixture &f = *m_refusals;
        const int before = userLogRowCount(f.registry());

        auto refused = f.registry().assignHouseholds(user, guids);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, code);
        QCOMPARE(userLogRowCount(f.registry()), before);
        QSqlQuery assignments(f.registry().database());
        QVERIFY(assignments.exec(u"SELECT count(*) FROM assignments"_s) && assignments.next());
        QCOMPARE(assignments.value(0).toInt(), 0); // nothing half-done
    }

    void assignHouseholds_byNonAdministrator_isRefused()
    {
        LedgerFixture f;
        FL_VERIFY_OK(
            f.registry().addUser({u"enum1"_s, u"E"_s, Role::Enumerator, true}, secret("enum1 passphrase")));
        FL_VERIFY_OK(
            f.registry().addUser({u"sup"_s, u"S"_s, Role::Supervisor, true}, secret("sup passphrase")));
        FL_VERIFY_OK(f.ledger().submit(household(u"hh-1"_s, u"Diallo"_s)));
        FL_VERIFY_OK(f.registry().assignHouseholds(u"enum1"_s, {u"hh-1"_s}));
        f.reopenAs(u"sup"_s, "sup passphrase");
        QCOMPARE(f.registry().assignHouseholds(u"enum1"_s, {u"hh-1"_s}).error().code,
                 ErrorCode::PermissionDenied);
        QCOMPARE(f.registry().unassignHouseholds(u"enum1"_s, {u"hh-1"_s}).error().code,
                 ErrorCode::PermissionDenied);
        // A supervisor may look at assignments.
        QCOMPARE(*f.registry().assignedHouseholds(u"enum1"_s), QStringList{u"hh-1"_s});
        f.reopenAs(u"enum1"_s, "enum1 passphrase");
        QCOMPARE(f.registry().unassignHouseholds(u"enum1"_s, {u"hh-1"_s}).error().code,
                 ErrorCode::PermissionDenied);
        QCOMPARE(*f.registry().assignedHouseholds(u"enum1"_s), QStringList{u"hh-1"_s});
    }

    void recoveryKey_resetsAPassphrase_thenTheUserOpensWithIt()
    {
        qputenv("FIELDLEDGER_TEST_FAST_KDF", "1");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.fieldledger"_s);
        const core::ManualClock clock(QDateTime(QDate(2026, 11, 26), QTime(12, 0), QTimeZone::utc()));
        auto created =
            core::Registry::create(path, {u"Test"_s, u"admin"_s, {}, {}}, secret("admin passphrase"), clock);
        FL_VERIFY_OK(created);
        const QString key = created->recoveryKey;
        FL_VERIFY_OK(
            created->registry->addUser({u"musa"_s, u"M"_s, Role::Enumerator, true}, secret("forgotten one")));
        FL_VERIFY_OK(created->registry->addUser({u"gone"_s, u"G"_s, Role::Enumerator, true},
                                                secret("gone passphrase")));
        FL_VERIFY_OK(created->registry->removeUser(u"gone"_s));

        // While the registry is open for writing elsewhere, nothing can be reset.
        QCOMPARE(core::Registry::resetPassphraseWithRecoveryKey(path, recoverySecret(key), u"musa"_s,
                                                                secret("brand new one"))
                     .error()
                     .code,
                 ErrorCode::InUse);
        created->registry.reset();

        auto wrongKey = core::Registry::resetPassphraseWithRecoveryKey(
            path, secret("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH"), u"musa"_s,
            secret("brand new one"));
        QCOMPARE(wrongKey.error().code, ErrorCode::WrongSecret);
        QCOMPARE(core::Registry::resetPassphraseWithRecoveryKey(path, recoverySecret(key), u"nobody"_s,
                                                                secret("brand new one"))
                     .error()
                     .code,
                 ErrorCode::NotFound);
        QCOMPARE(core::Registry::resetPassphraseWithRecoveryKey(path, recoverySecret(key), u"gone"_s,
                                                                secret("brand new one"))
                     .error()
                     .code,
                 ErrorCode::PermissionDenied);
        QCOMPARE(core::Registry::resetPassphraseWithRecoveryKey(path, recoverySecret(key), u"musa"_s,
                                                                secret("short"))
                     .error()
                     .code,
                 ErrorCode::InvalidArgument);

        // Case and dashes do not matter in the recovery key.
        FL_VERIFY_OK(core::Registry::resetPassphraseWithRecoveryKey(
            path, recoverySecret(key.toLower().remove(u'-')), u"musa"_s, secret("brand new one")));
        QCOMPARE(core::Registry::open(path, u"musa"_s, secret("forgotten one")).error().code,
                 ErrorCode::WrongSecret);
        auto musa = core::Registry::open(path, u"musa"_s, secret("brand new one"));
        FL_VERIFY_OK(musa);
        QCOMPARE((*musa)->currentUser().id, u"musa"_s);
        QCOMPARE((*musa)->currentUser().role, Role::Enumerator);
        musa->reset();

        auto admin = core::Registry::open(path, u"admin"_s, secret("admin passphrase"));
        FL_VERIFY_OK(admin);
        auto log = (*admin)->userLog(u"musa"_s);
        FL_VERIFY_OK(log);
        QCOMPARE(log->size(), 2);
        QCOMPARE(log->back().action, Action::ResetPassphrase);
        QCOMPARE(log->back().actor, core::Registry::recoveryKeyActor());
        QCOMPARE(log->back().actor, u"recovery key"_s);
        QVERIFY(!core::validateUserId(core::Registry::recoveryKeyActor()));
        // Only the one successful reset was recorded.
        QCOMPARE((*admin)->userLog(u"gone"_s)->size(), 2);
    }

    void cleanupTestCase() { m_refusals.reset(); }

    void recoverySession_recordsTheRecoveryKeyAsActor()
    {
        LedgerFixture f;
        const QString path = f.path();
        const QString key = f.recoveryKey();
        FL_VERIFY_OK(
            f.registry().addUser({u"musa"_s, u"M"_s, Role::Enumerator, true}, secret("musa passphrase")));
        f.reopenAs(u"admin"_s, "admin passphrase");
        QVERIFY(!f.registry().isRecoverySession());
        // A second, read-only session with the recovery key may read but records nothing.
        auto reader =
            core::Registry::openWithRecoveryKey(path, recoverySecret(key), core::Registry::Access::ReadOnly);
        FL_VERIFY_OK(reader);
        QVERIFY((*reader)->isRecoverySession());
        QCOMPARE((*reader)->changeRole(u"musa"_s, Role::Supervisor).error().code, ErrorCode::ReadOnly);
        QCOMPARE((*reader)->userLog()->size(), 2);
    }

private:
    std::unique_ptr<LedgerFixture> m_refusals; // shared by assignHouseholds_refusals' rows
};

QTEST_GUILESS_MAIN(TestRegistryUsers)
#include "tst_registryusers.moc"
