// fieldledger-cli driven as scripts drive it (CLI.md): init, bad passphrases, bad input,
// tampering caught by verify, rollback caught at open, crashes, no plaintext on disk.
#include "../core/historygenerator.h"
#include "clirunner.h"
#include "core/storage/registry.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;

namespace {

QByteArray eventLine(const QString &guid, const QString &entity, const QString &type, const QJsonObject &data,
                     qint64 second)
{
    return makeEvent(guid, entity, type, data, timestampAt(second)).storedJson();
}

QByteArray sampleEvents(int households, int offset = 0)
{
    QByteArray lines;
    for (int i = 0; i < households; ++i) {
        const QString hh = u"hh-%1"_s.arg(offset + i);
        lines += eventLine(u"ev-%1-a"_s.arg(offset + i), hh, u"create-group"_s,
                           {{u"name"_s, u"Household %1"_s.arg(i)},
                            {u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, QString(hh + u"-p1"_s)},
                                                                  {u"name"_s, u"Aïssatou"_s}}}}},
                           (offset + i) * 10) +
                 '\n';
        lines += eventLine(u"ev-%1-b"_s.arg(offset + i), hh, u"update-group"_s, {{u"village"_s, u"Kalo"_s}},
                           (offset + i) * 10 + 1) +
                 '\n';
    }
    return lines;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

struct Env {
    QTemporaryDir dir;
    QString db = dir.filePath(u"registry.fieldledger"_s);
    Cli cli{db};
    Env()
    {
        const CliResult init = cli.run({u"init"_s, u"--name"_s, u"Kalo district"_s});
        if (init.exitCode != 0)
            qFatal("init failed: %s", init.err.constData());
    }
    [[nodiscard]] QString file(const QString &name) const { return dir.filePath(name); }
    // Runs SQL on the registry with its key, behind FieldLedger's back.
    bool tamper(const QString &sql) const
    {
        auto registry = core::Registry::open(db, u"admin"_s, core::SecretBytes("integration passphrase", 22));
        if (!registry)
            return false;
        QSqlQuery query((*registry)->database());
        return query.exec(sql) && query.numRowsAffected() > 0;
    }
};

} // namespace

class TestCli final : public QObject {
    Q_OBJECT

private slots:
    void init_createsRegistry_andRefusesExistingOne()
    {
        QTemporaryDir dir;
        Cli cli(dir.filePath(u"r.fieldledger"_s));
        const CliResult created = cli.run({u"init"_s, u"--name"_s, u"Kalo"_s});
        QCOMPARE(created.exitCode, 0);
        QCOMPARE(created.json().value(u"name"_s).toString(), u"Kalo"_s);
        QCOMPARE(created.json().value(u"recoveryKey"_s).toString().size(), 47);
        QVERIFY(!created.out.contains("integration passphrase"));
        const auto before = folderHashes(dir.path());
        const CliResult again = cli.run({u"init"_s});
        QCOMPARE(again.exitCode, 2);
        QVERIFY(again.err.contains("already exists"));
        QCOMPARE(folderHashes(dir.path()), before);
    }

    void passphrase_neverTakenAsArgument()
    {
        Env env;
        const CliResult result = env.cli.run({u"--passphrase"_s, u"secret"_s, u"stats"_s});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("never taken as an argument"));
    }

    void wrongPassphrase_exits2_andChangesNoByte()
    {
        Env env;
        writeFile(env.file(u"events.jsonl"_s), sampleEvents(3));
        QCOMPARE(env.cli.run({u"import"_s, env.file(u"events.jsonl"_s)}).exitCode, 0);
        const auto before = folderHashes(env.dir.path());
        Cli wrong(env.db);
        wrong.setPassphrase("not the passphrase");
        for (const QStringList &args :
             {QStringList{u"stats"_s}, QStringList{u"submit"_s, env.file(u"events.jsonl"_s)},
              QStringList{u"verify"_s}}) {
            const CliResult result = wrong.run(args);
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.contains("wrong passphrase"), result.err.constData());
        }
        QCOMPARE(folderHashes(env.dir.path()), before);
    }

    void unknownUser_andMissingRegistry_exit2()
    {
        Env env;
        Cli stranger(env.db);
        stranger.setUser(u"nobody"_s);
        QCOMPARE(stranger.run({u"stats"_s}).exitCode, 2);
        Cli missing(env.file(u"missing.fieldledger"_s));
        const CliResult result = missing.run({u"stats"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("no registry"));
    }

    void import_badInput_namesTheLine_andChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("message");
        const QByteArray good =
            eventLine(u"g1"_s, u"p-1"_s, u"create-individual"_s, {{u"name"_s, u"A"_s}}, 1) + '\n';
        QTest::newRow("malformed JSON") << good + "{\"guid\": \n" << QByteArray("line 2");
        QTest::newRow("not an object") << good + "[1,2,3]\n" << QByteArray("line 2");
        QTest::newRow("missing member")
            << good +
                   R"({"guid":"x","type":"create-individual","data":{},"timestamp":"2026-01-01T00:00:00Z","userId":"u"})"
                   "\n"
            << QByteArray("missing member 'entityGuid'");
        QTest::newRow("mistyped member")
            << good +
                   R"({"guid":"x","entityGuid":"e","type":"create-individual","data":[],"timestamp":"2026-01-01T00:00:00Z","userId":"u"})"
                   "\n"
            << QByteArray("'data'");
        QTest::newRow("unknown member")
            << good +
                   R"({"guid":"x","entityGuid":"e","type":"create-individual","data":{},"timestamp":"2026-01-01T00:00:00Z","userId":"u","extra":1})"
                   "\n"
            << QByteArray("unknown member 'extra'");
        QTest::newRow("bad timestamp")
            << good +
                   R"({"guid":"x","entityGuid":"e","type":"create-individual","data":{},"timestamp":"2026-13-01T00:00:00Z","userId":"u"})"
                   "\n"
            << QByteArray("line 2");
        QTest::newRow("100 MB line") << good + "{\"guid\":\"" + QByteArray(100 * 1024 * 1024, 'a') + "\"}\n"
                                     << QByteArray("line 2");
        QTest::newRow("deeply nested") << good + QByteArray(100000, '[') + QByteArray(100000, ']') + "\n"
                                       << QByteArray("line 2");
        QByteArray changed =
            eventLine(u"g1"_s, u"p-1"_s, u"create-individual"_s, {{u"name"_s, u"B"_s}}, 1) + '\n';
        QTest::newRow("changed duplicate guid in the middle")
            << good + eventLine(u"g2"_s, u"p-2"_s, u"create-individual"_s, {}, 2) + "\n" + changed +
                   eventLine(u"g3"_s, u"p-3"_s, u"create-individual"_s, {}, 3) + "\n"
            << QByteArray("line 3: event already exists - cannot modify");
    }
    void import_badInput_namesTheLine_andChangesNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, message);
        Env env;
        const CliResult rootBefore = env.cli.run({u"log"_s, u"root"_s});
        writeFile(env.file(u"bad.jsonl"_s), content);
        const CliResult result = env.cli.run({u"import"_s, env.file(u"bad.jsonl"_s)});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), result.err.left(300).constData());
        QVERIFY(result.err.size() < 2000); // a one-line reason, not the input echoed back
        QCOMPARE(env.cli.run({u"log"_s, u"root"_s}).out, rootBefore.out);
        QCOMPARE(env.cli.run({u"entities"_s}).out, QByteArray());
    }

    void import_idpassExport_dropsId_andIsIdempotent()
    {
        Env env;
        QJsonArray array;
        array.append(QJsonObject{{u"id"_s, 1},
                                 {u"guid"_s, u"f1"_s},
                                 {u"entityGuid"_s, u"hh-1"_s},
                                 {u"type"_s, u"create-group"_s},
                                 {u"data"_s, QJsonObject{{u"name"_s, u"Household"_s}}},
                                 {u"timestamp"_s, u"2026-11-01T08:00:00.000+01:00"_s},
                                 {u"userId"_s, u"enumerator-7"_s},
                                 {u"syncLevel"_s, 1}});
        writeFile(env.file(u"idpass.json"_s), QJsonDocument(array).toJson());
        const CliResult first = env.cli.run({u"import"_s, env.file(u"idpass.json"_s)});
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.json(), (QJsonObject{{u"imported"_s, 1}, {u"duplicates"_s, 0}, {u"anomalies"_s, 0}}));
        const CliResult second = env.cli.run({u"import"_s, env.file(u"idpass.json"_s)});
        QCOMPARE(second.json().value(u"duplicates"_s).toInt(), 1);
        const CliResult events = env.cli.run({u"events"_s});
        QVERIFY(!events.out.contains("\"id\""));
        QVERIFY(events.out.contains("\"syncLevel\":1"));
    }

    void events_pageBySequenceCursor()
    {
        Env env;
        writeFile(env.file(u"events.jsonl"_s), sampleEvents(5));
        QCOMPARE(env.cli.run({u"import"_s, env.file(u"events.jsonl"_s)}).exitCode, 0);
        const CliResult page1 = env.cli.run({u"events"_s, u"--limit"_s, u"4"_s});
        QCOMPARE(page1.lines().size(), 4);
        const CliResult page2 = env.cli.run({u"events"_s, u"--after-seq"_s, u"3"_s, u"--limit"_s, u"100"_s});
        QCOMPARE(page2.lines().size(), 6);
        QVERIFY(!page1.out.contains(page2.lines().first()));
        const CliResult byEntity = env.cli.run({u"events"_s, u"--entity"_s, u"hh-2"_s});
        QCOMPARE(byEntity.lines().size(), 2);
        QCOMPARE(env.cli.run({u"events"_s, u"--after-seq"_s, u"x"_s}).exitCode, 1);
    }

    void verify_detectsTampering_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("badSeq");
        QTest::addColumn<QString>("badGuid");
        QTest::newRow("event JSON edited")
            << u"UPDATE events SET body = replace(body, 'Kalo', 'Kolo') WHERE seq = 3"_s << qint64(3)
            << u"ev-1-b"_s;
        QTest::newRow("event row deleted")
            << u"DELETE FROM events WHERE seq = 4"_s << qint64(4) << u"ev-2-a"_s;
        QTest::newRow("last rows deleted")
            << u"DELETE FROM events WHERE seq >= 8"_s << qint64(8) << u"ev-4-a"_s;
        QTest::newRow("node hash edited")
            << u"UPDATE log_nodes SET hash = zeroblob(32) WHERE level = 1 AND idx = 2"_s << qint64(4)
            << u"ev-2-a"_s;
    }
    void verify_detectsTampering()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, badSeq);
        QFETCH(QString, badGuid);
        Env env;
        writeFile(env.file(u"events.jsonl"_s), sampleEvents(5));
        QCOMPARE(env.cli.run({u"import"_s, env.file(u"events.jsonl"_s)}).exitCode, 0);
        const CliResult clean = env.cli.run({u"verify"_s});
        QCOMPARE(clean.exitCode, 0);
        QCOMPARE(clean.json().value(u"ok"_s).toBool(), true);
        QCOMPARE(clean.json().value(u"size"_s).toInt(), 10);
        QVERIFY(env.cli.run({u"log"_s, u"checkpoint"_s}).exitCode == 0);
        QVERIFY(env.tamper(sql));
        const CliResult result = env.cli.run({u"verify"_s});
        QCOMPARE(result.exitCode, 3);
        const QJsonObject report = result.json();
        QCOMPARE(report.value(u"ok"_s).toBool(), false);
        QCOMPARE(report.value(u"badSeq"_s).toInteger(), badSeq);
        QCOMPARE(report.value(u"badGuid"_s).toString(), badGuid);
        // never repaired: a second verify says the same
        QCOMPARE(env.cli.run({u"verify"_s}).out, result.out);
    }

    void olderCopyOfDatabase_isCaughtAtOpen()
    {
        Env env;
        writeFile(env.file(u"a.jsonl"_s), sampleEvents(3));
        QCOMPARE(env.cli.run({u"import"_s, env.file(u"a.jsonl"_s)}).exitCode, 0);
        QCOMPARE(env.cli.run({u"log"_s, u"checkpoint"_s}).exitCode, 0);
        const QString copy = env.dir.filePath(u"old"_s);
        QDir().mkpath(copy);
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::copy(env.db + suffix, copy + u"/db"_s + suffix);
        writeFile(env.file(u"b.jsonl"_s), sampleEvents(3, 100));
        QCOMPARE(env.cli.run({u"import"_s, env.file(u"b.jsonl"_s)}).exitCode, 0); // checkpoint taken on close
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
            QFile::remove(env.db + suffix);
            QFile::copy(copy + u"/db"_s + suffix, env.db + suffix);
        }
        const CliResult verify = env.cli.run({u"verify"_s});
        QCOMPARE(verify.exitCode, 3);
        QVERIFY(verify.err.contains("INTEGRITY ALARM"));
        QVERIFY(verify.err.contains("rolled back"));
        QCOMPARE(verify.json().value(u"badSeq"_s).toInt(), 6);
        // writing is blocked
        writeFile(env.file(u"c.jsonl"_s), sampleEvents(1, 200));
        const CliResult write = env.cli.run({u"import"_s, env.file(u"c.jsonl"_s)});
        QCOMPARE(write.exitCode, 3);
        QVERIFY(write.err.contains("blocked by an integrity alarm"));
    }

    void editedCheckpointFile_failsVerify()
    {
        Env env;
        writeFile(env.file(u"a.jsonl"_s), sampleEvents(2));
        QCOMPARE(env.cli.run({u"import"_s, env.file(u"a.jsonl"_s)}).exitCode, 0);
        QCOMPARE(env.cli.run({u"log"_s, u"checkpoint"_s}).exitCode, 0);
        const QString keys = env.db + u".keys"_s;
        QFile file(keys);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject content = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonObject checkpoint = content.value(u"checkpoint"_s).toObject();
        checkpoint.insert(u"timestamp"_s, u"2020-01-01T00:00:00.000Z"_s);
        content.insert(u"checkpoint"_s, checkpoint);
        writeFile(keys, QJsonDocument(content).toJson());
        const CliResult verify = env.cli.run({u"verify"_s});
        QCOMPARE(verify.exitCode, 3);
        QVERIFY(verify.json().value(u"problem"_s).toString().contains(u"signature"_s));
    }

    void proofs_fromCli_verifyIndependently()
    {
        Env env;
        writeFile(env.file(u"a.jsonl"_s), sampleEvents(4));
        QCOMPARE(env.cli.run({u"import"_s, env.file(u"a.jsonl"_s)}).exitCode, 0);
        const QJsonObject root = env.cli.run({u"log"_s, u"root"_s}).json();
        QCOMPARE(root.value(u"size"_s).toInt(), 8);
        const QJsonObject proof = env.cli.run({u"log"_s, u"proof"_s, u"ev-1-b"_s}).json();
        QCOMPARE(proof.value(u"leafIndex"_s).toInt(), 3);
        QCOMPARE(proof.value(u"treeSize"_s).toInt(), 8);
        QCOMPARE(proof.value(u"path"_s).toArray().size(), 3);
        const QJsonObject consistency = env.cli.run({u"log"_s, u"consistency"_s, u"3"_s, u"8"_s}).json();
        QCOMPARE(consistency.value(u"firstSize"_s).toInt(), 3);
        QVERIFY(!consistency.value(u"path"_s).toArray().isEmpty());
        QCOMPARE(env.cli.run({u"log"_s, u"consistency"_s, u"8"_s, u"3"_s}).exitCode, 2);
        QCOMPARE(env.cli.run({u"log"_s, u"proof"_s, u"no-such-event"_s}).exitCode, 2);
        const QJsonObject stats = env.cli.run({u"stats"_s}).json();
        QCOMPARE(stats.value(u"totalEvents"_s).toInt(), 8);
        QCOMPARE(stats.value(u"merkleTreeDepth"_s).toInt(), 3);
        QCOMPARE(stats.value(u"eventTypeDistribution"_s).toObject().value(u"create-group"_s).toInt(), 4);
    }

    void secondWriter_isToldRegistryIsInUse()
    {
        Env env;
        auto holder =
            core::Registry::open(env.db, u"admin"_s, core::SecretBytes("integration passphrase", 22));
        QVERIFY(holder);
        writeFile(env.file(u"a.jsonl"_s), sampleEvents(1));
        const CliResult result = env.cli.run({u"import"_s, env.file(u"a.jsonl"_s)});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("in use"), result.err.constData());
        // readers are fine
        QCOMPARE(env.cli.run({u"stats"_s}).exitCode, 0);
    }

    void damagedFiles_areReportedByName_andNotWritten()
    {
        Env env;
        const QString keys = env.db + u".keys"_s;
        QFile file(keys);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray original = file.readAll();
        file.close();
        writeFile(keys, original.left(original.size() / 2));
        const auto before = folderHashes(env.dir.path());
        const CliResult truncated = env.cli.run({u"stats"_s});
        QCOMPARE(truncated.exitCode, 2);
        QVERIFY2(truncated.err.contains(keys.toUtf8()), truncated.err.constData());
        QCOMPARE(folderHashes(env.dir.path()), before);
        writeFile(keys, original);

        // a database file that is not a registry
        QTemporaryDir other;
        const QString fake = other.filePath(u"fake.fieldledger"_s);
        writeFile(fake, "this is not a database, just text\n");
        QFile::copy(keys, fake + u".keys"_s);
        const auto fakeBefore = folderHashes(other.path());
        const CliResult notRegistry = Cli(fake).run({u"stats"_s});
        QCOMPARE(notRegistry.exitCode, 2);
        QVERIFY2(notRegistry.err.contains(fake.toUtf8()), notRegistry.err.constData());
        QCOMPARE(folderHashes(other.path()), fakeBefore);
    }

    void sqlcipher3Registry_isRefusedClearly()
    {
        Env env;
        // a SQLCipher 3 database keyed with this registry's key is impossible to make without
        // the key, so make one with the same slot file and a v3 file: the driver tells v3 apart
        QTemporaryDir other;
        const QString old = other.filePath(u"old.fieldledger"_s);
        QProcess sqlcipher;
        sqlcipher.start(u"sqlcipher"_s, {old});
        sqlcipher.write("PRAGMA key = 'x';\nPRAGMA cipher_compatibility = 3;\nCREATE TABLE t (a);\nINSERT "
                        "INTO t VALUES (1);\n");
        sqlcipher.closeWriteChannel();
        QVERIFY(sqlcipher.waitForFinished());
        QVERIFY(QFileInfo(old).size() > 0);
        QFile::copy(env.db + u".keys"_s, old + u".keys"_s);
        const CliResult result = Cli(old).run({u"stats"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(old.toUtf8()), result.err.constData());
    }

    void killedMidImport_neverLeavesLogAndEventsDisagreeing()
    {
        Env env;
        writeFile(env.file(u"big.jsonl"_s), sampleEvents(3000, 10000));
        for (int attempt = 0; attempt < 4; ++attempt) {
            std::unique_ptr<QProcess> process(env.cli.start({u"import"_s, env.file(u"big.jsonl"_s)}));
            QVERIFY(process->waitForStarted());
            QThread::msleep(150 + attempt * 120);
            ::kill(pid_t(process->processId()), SIGKILL);
            process->waitForFinished();
            const CliResult verify = env.cli.run({u"verify"_s});
            QVERIFY2(verify.exitCode == 0, verify.out.constData());
            const int size = verify.json().value(u"size"_s).toInt();
            QVERIFY(size == 0 || size == 6000); // all or nothing
            QCOMPARE(env.cli.run({u"stats"_s}).json().value(u"totalEvents"_s).toInt(), size);
        }
    }

    void noPlaintextOnDisk()
    {
        Env env;
        const QByteArray marker = "MARKER-Zz9-plaintext-check";
        writeFile(env.file(u"a.jsonl"_s), eventLine(u"m1"_s, u"p-1"_s, u"create-individual"_s,
                                                    {{u"name"_s, QString::fromLatin1(marker)}}, 1) +
                                              '\n');
        QCOMPARE(env.cli.run({u"import"_s, env.file(u"a.jsonl"_s)}).exitCode, 0);
        QCOMPARE(env.cli.run({u"entity"_s, u"p-1"_s}).exitCode, 0);
        QFile::remove(env.file(u"a.jsonl"_s)); // the input itself is the caller's plaintext
        const QDir dir(env.dir.path());
        for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden)) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(marker), qPrintable(u"plaintext found in "_s + name));
            QVERIFY2(!bytes.contains("integration passphrase"), qPrintable(u"passphrase found in "_s + name));
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
