// The registry: schema migrations from every older version, users and their key slots,
// the recovery key, and opening refusals.
#include "core/storage/schema.h"
#include "core/storage/sqlcipherdriver.h"
#include "ledgerfixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using core::ErrorCode;

namespace {

QStringList schemaOf(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.exec(
        u"SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"_s);
    QStringList rows;
    while (query.next())
        rows << query.value(0).toString() + u" "_s + query.value(1).toString() + u": "_s +
                    query.value(2).toString();
    return rows;
}

struct Database {
    QTemporaryDir dir;
    QString name;
    QSqlDatabase db;
    explicit Database(const QString &connection)
        : name(connection)
    {
        const core::SecretBytes key(32);
        auto opened = core::openSqlCipherDatabase(connection, dir.filePath(u"db"_s), key);
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        db = *opened;
    }
    ~Database()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
};

} // namespace

class TestRegistry final : public QObject {
    Q_OBJECT

private slots:
    void migrate_fromEveryOlderVersion_givesTheLatestSchemaAndKeepsData()
    {
        Database fresh(u"fresh"_s);
        FL_VERIFY_OK(core::schema::migrate(fresh.db));
        const QStringList latest = schemaOf(fresh.db);
        for (int from = 0; from < core::schema::latestVersion(); ++from) {
            Database old(u"old-%1"_s.arg(from));
            FL_VERIFY_OK(core::schema::migrate(old.db, from));
            QCOMPARE(*core::schema::currentVersion(old.db), from);
            if (from >= 1) {
                QSqlQuery insert(old.db);
                QVERIFY(insert.exec(u"INSERT INTO users (id, display_name, role, created_at) "
                                    "VALUES ('amina', 'Amina', 'enumerator', '2026-01-01')"_s));
            }
            FL_VERIFY_OK(core::schema::migrate(old.db));
            QCOMPARE(*core::schema::currentVersion(old.db), core::schema::latestVersion());
            QCOMPARE(schemaOf(old.db), latest);
            if (from >= 1) {
                QSqlQuery check(old.db);
                QVERIFY(check.exec(u"SELECT display_name FROM users WHERE id = 'amina'"_s) && check.next());
                QCOMPARE(check.value(0).toString(), u"Amina"_s);
            }
        }
    }

    void migrate_failure_rollsBackThatMigrationOnly()
    {
        Database db(u"failing"_s);
        FL_VERIFY_OK(core::schema::migrate(db.db, 1));
        QSqlQuery query(db.db);
        QVERIFY(query.exec(u"CREATE TABLE log_nodes (x)"_s)); // makes migration 2 fail half-way
        auto migrated = core::schema::migrate(db.db);
        QVERIFY(!migrated);
        QVERIFY(migrated.error().message.contains(u"migration 2"_s));
        QCOMPARE(*core::schema::currentVersion(db.db), 1);
        QVERIFY(!db.db.tables().contains(u"events"_s)); // created earlier in migration 2, rolled back
    }

    void migrate_refusesNewerSchema()
    {
        Database db(u"newer"_s);
        FL_VERIFY_OK(core::schema::migrate(db.db));
        QSqlQuery(db.db).exec(u"UPDATE meta SET value = '99' WHERE key = 'schema_version'"_s);
        auto migrated = core::schema::migrate(db.db);
        QVERIFY(!migrated);
        QCOMPARE(migrated.error().code, ErrorCode::Unsupported);
    }

    void users_addRemoveAndPassphrases()
    {
        LedgerFixture f;
        QCOMPARE(f.registry().currentUser().role, core::Role::Administrator);
        FL_VERIFY_OK(f.registry().addUser({u"sup"_s, u"Supervisor"_s, core::Role::Supervisor, true},
                                          secret("sup passphrase")));
        QCOMPARE(
            f.registry()
                .addUser({u"sup"_s, u"Again"_s, core::Role::Supervisor, true}, secret("other passphrase"))
                .error()
                .code,
            ErrorCode::Conflict);
        QCOMPARE(f.registry()
                     .addUser({u"bad id"_s, u"X"_s, core::Role::Enumerator, true}, secret("long enough"))
                     .error()
                     .code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(f.registry()
                     .addUser({u"short"_s, u"X"_s, core::Role::Enumerator, true}, secret("short"))
                     .error()
                     .code,
                 ErrorCode::InvalidArgument);
        f.reopenAs(u"sup"_s, "sup passphrase");
        QCOMPARE(f.registry().currentUser().role, core::Role::Supervisor);
        // a supervisor manages no users
        QCOMPARE(f.registry()
                     .addUser({u"x"_s, u"X"_s, core::Role::Enumerator, true}, secret("x passphrase"))
                     .error()
                     .code,
                 ErrorCode::PermissionDenied);
        FL_VERIFY_OK(f.registry().changePassphrase(secret("sup passphrase"), secret("new sup passphrase")));
        f.reopenAs(u"admin"_s, "admin passphrase");
        auto old = core::Registry::open(f.path() + u"-none"_s, u"sup"_s, secret("sup passphrase"));
        QVERIFY(!old);
        FL_VERIFY_OK(f.registry().removeUser(u"sup"_s));
        QCOMPARE(f.registry().removeUser(u"admin"_s).error().code, ErrorCode::InvalidArgument);
        auto users = f.registry().users();
        QCOMPARE(users->size(), 2);
        QVERIFY(!users->at(1).active);
    }

    void recoveryKey_opensAsAdministrator_andResetsAPassphrase()
    {
        LedgerFixture f;
        const QString path = f.path();
        const QByteArray recovery = f.recoveryKey().toLatin1().toLower().replace('-', "");
        f.reopenAs(u"admin"_s, "admin passphrase"); // close cleanly
        core::Registry *current = &f.registry();
        Q_UNUSED(current);
        // open a second time read-only with the recovery key (the fixture holds the writer lock)
        auto byRecovery = core::Registry::openWithRecoveryKey(
            path, core::SecretBytes(recovery.constData(), std::size_t(recovery.size())),
            core::Registry::Access::ReadOnly);
        FL_VERIFY_OK(byRecovery);
        QCOMPARE((*byRecovery)->currentUser().id, u"admin"_s);
        auto wrong = core::Registry::openWithRecoveryKey(
            path, secret("AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH"),
            core::Registry::Access::ReadOnly);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::WrongSecret);
    }

    void open_refusals()
    {
        LedgerFixture f;
        auto wrong = core::Registry::open(f.path(), u"admin"_s, secret("wrong passphrase"),
                                          core::Registry::Access::ReadOnly);
        QCOMPARE(wrong.error().code, ErrorCode::WrongSecret);
        auto inUse = core::Registry::open(f.path(), u"admin"_s, secret("admin passphrase"));
        QVERIFY(!inUse);
        QCOMPARE(inUse.error().code, ErrorCode::InUse);
        QVERIFY(inUse.error().message.contains(f.path()));
        auto reader = core::Registry::open(f.path(), u"admin"_s, secret("admin passphrase"),
                                           core::Registry::Access::ReadOnly);
        FL_VERIFY_OK(reader);
        QVERIFY((*reader)->isReadOnly());
        auto missing = core::Registry::open(f.path() + u".missing"_s, u"admin"_s, secret("admin passphrase"));
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        core::ManualClock clock(QDateTime::currentDateTimeUtc());
        core::Registry::CreateOptions options;
        options.name = u"again"_s;
        options.adminId = u"admin"_s;
        auto again = core::Registry::create(f.path(), options, secret("admin passphrase"), clock);
        QVERIFY(!again);
        QVERIFY(again.error().message.contains(u"already exists"_s));
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
