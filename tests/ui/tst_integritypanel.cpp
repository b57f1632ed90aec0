// IntegrityPanel over real registries: verifying a clean log and a tampered one (the verdict names
// the event), cancelling, the log's status, an event's inclusion proof exported exactly as the
// CLI prints it and accepted by an independent RFC 9162 verifier written here, and the alarm of a
// rolled-back log.
#include "core/cli/cli.h"
#include "core/goldenledgerfixture.h"
#include "core/historygenerator.h"
#include "ui/messagebox.h"
#include "ui/supervision/integritypanel.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using ui::IntegrityPanel;
using ui::MessageBox;

namespace {

// --- An RFC 9162 verifier of its own (QCryptographicHash, nothing from core/integrity). ------

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QByteArray leaf(const QByteArray &canonicalEvent)
{
    return sha256(QByteArray(1, '\x00') + canonicalEvent);
}

QByteArray node(const QByteArray &left, const QByteArray &right)
{
    return sha256(QByteArray(1, '\x01') + left + right);
}

// §2.1.1 MTH over leaf hashes.
QByteArray treeHash(const QList<QByteArray> &leaves)
{
    if (leaves.isEmpty())
        return sha256({});
    if (leaves.size() == 1)
        return leaves.first();
    qsizetype split = 1;
    while (split * 2 < leaves.size())
        split *= 2;
    return node(treeHash(leaves.first(split)), treeHash(leaves.sliced(split)));
}

// §2.1.3.2: the root the path leads to from the leaf, or "" when the path does not fit the tree.
QByteArray rootFromInclusionProof(const QJsonObject &proof)
{
    quint64 fn = quint64(proof.value(u"leafIndex"_s).toInteger());
    const quint64 treeSize = quint64(proof.value(u"treeSize"_s).toInteger());
    if (fn >= treeSize)
        return {};
    quint64 sn = treeSize - 1;
    QByteArray r = QByteArray::fromHex(proof.value(u"leafHash"_s).toString().toLatin1());
    for (const QJsonValue &value : proof.value(u"path"_s).toArray()) {
        const QByteArray p = QByteArray::fromHex(value.toString().toLatin1());
        if (sn == 0)
            return {};
        if ((fn & 1) || fn == sn) {
            r = node(p, r);
            while (!(fn & 1) && fn != 0) {
                fn >>= 1;
                sn >>= 1;
            }
        } else {
            r = node(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    return sn == 0 ? r : QByteArray();
}

QList<QByteArray> storedBodies(core::Registry &registry)
{
    QSqlQuery query(registry.database());
    query.exec(u"SELECT body FROM events ORDER BY seq"_s);
    QList<QByteArray> bodies;
    while (query.next())
        bodies.append(query.value(0).toByteArray());
    return bodies;
}

void tamper(core::Registry &registry, qint64 seq, const QByteArray &from, const QByteArray &to)
{
    QSqlQuery read(registry.database());
    read.prepare(u"SELECT body FROM events WHERE seq = ?"_s);
    read.bindValue(0, seq);
    QVERIFY(read.exec() && read.next());
    QByteArray body = read.value(0).toByteArray();
    read.finish();
    QVERIFY(body.contains(from));
    body.replace(from, to);
    QSqlQuery write(registry.database());
    write.prepare(u"UPDATE events SET body = ? WHERE seq = ?"_s);
    write.bindValue(0, body);
    write.bindValue(1, seq);
    QVERIFY(write.exec());
    QCOMPARE(write.numRowsAffected(), 1);
}

} // namespace

class TestIntegrityPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void status_sizeRootCheckpointAndFingerprint();
    void verify_cleanRegistry_ok();
    void verify_tamperedEventBody_failedNamingThatEvent();
    void verify_deletedEvent_failedNamingThePlace();
    void verify_cancel_stopsWithoutVerdict();
    void prove_showsTheProof();
    void prove_unknownEvent_saysSo();
    void export_identicalToTheCli_andIndependentlyVerified();
    void alarm_rolledBackLog_bannerUntilAnAdministratorAcknowledges();
    void grab();
};

void TestIntegrityPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestIntegrityPanel::status_sizeRootCheckpointAndFingerprint()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    IntegrityPanel panel(fixture.ledger());
    QCOMPARE(panel.findChild<QLabel *>(u"size"_s)->text(), u"5"_s);
    const QByteArray root = treeHash([&] {
        QList<QByteArray> leaves;
        for (const QByteArray &body : storedBodies(fixture.registry()))
            leaves.append(leaf(body));
        return leaves;
    }());
    QCOMPARE(panel.findChild<QLabel *>(u"root"_s)->text(), QString::fromLatin1(root.toHex()));
    QCOMPARE(panel.findChild<QLabel *>(u"fingerprint"_s)->text(), fixture.ledger().deviceFingerprint());
    QVERIFY(panel.findChild<QLabel *>(u"checkpoint"_s)->text().startsWith(u"None yet"_s));
    QVERIFY(!panel.hasAlarm());
    QVERIFY(!panel.findChild<QWidget *>(u"alarmBanner"_s)->isVisibleTo(&panel));

    FL_VERIFY_OK(fixture.ledger().takeCheckpoint(u"handover"_s));
    panel.refresh();
    const QString checkpoint = panel.findChild<QLabel *>(u"checkpoint"_s)->text();
    QVERIFY2(checkpoint.startsWith(u"5 event"_s) && checkpoint.contains(u", signed "_s) &&
                 checkpoint.endsWith(u"(handover)"_s),
             qPrintable(checkpoint));
    QCOMPARE(panel.findChild<QLabel *>(u"checkpointRoot"_s)->text(), QString::fromLatin1(root.toHex()));

    // It follows the log.
    fixture.submit(command(u"update-group"_s, u"hh-1"_s, {{u"village"_s, u"Lisu"_s}}));
    QCOMPARE(panel.findChild<QLabel *>(u"size"_s)->text(), u"6"_s);
    QCOMPARE(panel.findChild<QLabel *>(u"root"_s)->text(), core::toHex(fixture.ledger().log().root()));
}

void TestIntegrityPanel::verify_cleanRegistry_ok()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"members-moved"_s);
    FL_VERIFY_OK(fixture.ledger().takeCheckpoint(u"test"_s));
    IntegrityPanel panel(fixture.ledger());
    QSignalSpy finished(&panel, &IntegrityPanel::verifyFinished);
    QTest::mouseClick(panel.findChild<QPushButton *>(u"verify"_s), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(panel.lastReport());
    QVERIFY(panel.lastReport()->ok);
    QCOMPARE(panel.lastReport()->size, fixture.ledger().log().size());
    QVERIFY2(panel.verdictText().startsWith(u"OK"_s), qPrintable(panel.verdictText()));
    QVERIFY(panel.verdictText().contains(core::toHex(fixture.ledger().log().root())));
    QVERIFY(panel.findChild<QLabel *>(u"verdict"_s)->styleSheet().contains(u"#1e7b34"_s)); // green
    QCOMPARE(panel.findChild<QProgressBar *>(u"progress"_s)->value(),
             panel.findChild<QProgressBar *>(u"progress"_s)->maximum());
    QVERIFY(panel.findChild<QPushButton *>(u"verify"_s)->isEnabled());
    QVERIFY(!panel.findChild<QPushButton *>(u"cancel"_s)->isEnabled());
}

void TestIntegrityPanel::verify_tamperedEventBody_failedNamingThatEvent()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    // ev-03 (sequence 2): Cleo's age rewritten in the stored bytes.
    tamper(fixture.registry(), 2, "\"age\":0", "\"age\":9");
    IntegrityPanel panel(fixture.ledger());
    QSignalSpy finished(&panel, &IntegrityPanel::verifyFinished);
    panel.verifyNow();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(panel.lastReport());
    QVERIFY(!panel.lastReport()->ok);
    QCOMPARE(panel.lastReport()->badSeq, 2);
    QCOMPARE(panel.lastReport()->badGuid, u"ev-03"_s);
    const QString verdict = panel.verdictText();
    QVERIFY2(verdict.startsWith(u"FAILED"_s), qPrintable(verdict));
    QVERIFY2(verdict.contains(u"event ev-03 (sequence 2)"_s), qPrintable(verdict));
    QVERIFY2(verdict.contains(u"no longer match its leaf hash"_s), qPrintable(verdict));
    QVERIFY(panel.findChild<QLabel *>(u"verdict"_s)->styleSheet().contains(u"#b03a2e"_s)); // red
}

void TestIntegrityPanel::verify_deletedEvent_failedNamingThePlace()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    QSqlQuery query(fixture.registry().database());
    QVERIFY(query.exec(u"DELETE FROM events WHERE seq = 1"_s));
    IntegrityPanel panel(fixture.ledger());
    panel.verifyNow();
    QVERIFY(panel.lastReport() && !panel.lastReport()->ok);
    QCOMPARE(panel.lastReport()->badSeq, 1);
    QVERIFY2(panel.verdictText().contains(u"ev-02"_s), qPrintable(panel.verdictText()));
    QVERIFY2(panel.verdictText().contains(u"missing"_s), qPrintable(panel.verdictText()));
}

void TestIntegrityPanel::verify_cancel_stopsWithoutVerdict()
{
    GoldenLedgerFixture fixture;
    // Enough events for progress reports (one every 4096).
    std::vector<core::Event> events;
    for (int i = 0; i < 9000; ++i) {
        events.push_back(makeEvent(u"ev-%1"_s.arg(i), u"hh-%1"_s.arg(i % 300), u"update-group"_s,
                                   {{u"visit"_s, i}}, timestampAt(i)));
    }
    FL_VERIFY_OK(fixture.ledger().importEvents(events));
    IntegrityPanel panel(fixture.ledger());
    QSignalSpy finished(&panel, &IntegrityPanel::verifyFinished);
    // Clicked while it runs: the event loop turns at the first progress report.
    bool wasVerifying = false;
    QTimer::singleShot(0, &panel, [&] {
        wasVerifying = panel.isVerifying();
        QTest::mouseClick(panel.findChild<QPushButton *>(u"cancel"_s), Qt::LeftButton);
    });
    panel.verifyNow();
    QVERIFY(wasVerifying);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!panel.lastReport());
    QCOMPARE(panel.verdictText(), u"Verification cancelled."_s);
    QVERIFY(!panel.isVerifying());
    // And it can run again, to the end.
    panel.verifyNow();
    QVERIFY(panel.lastReport() && panel.lastReport()->ok);
    QCOMPARE(panel.lastReport()->size, 9000u);
}

void TestIntegrityPanel::prove_showsTheProof()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    IntegrityPanel panel(fixture.ledger());
    panel.setEventGuid(u"ev-03"_s);
    QTest::mouseClick(panel.findChild<QPushButton *>(u"prove"_s), Qt::LeftButton);
    QVERIFY(panel.shownProof());
    QCOMPARE(panel.shownProof()->leafIndex, 2u);
    QCOMPARE(panel.shownProof()->treeSize, 5u);
    QCOMPARE(panel.shownProof()->path.size(), 3u); // leaf 3, node(0,1), leaf 4
    QCOMPARE(panel.shownRoot(), fixture.ledger().log().root());
    const QString text = panel.findChild<QPlainTextEdit *>(u"proofText"_s)->toPlainText();
    QVERIFY(text.contains(u"Leaf index:  2"_s));
    QVERIFY(text.contains(u"Tree size:   5"_s));
    QVERIFY(text.contains(core::toHex(fixture.ledger().log().root())));
    for (const core::Hash &hash : panel.shownProof()->path)
        QVERIFY(text.contains(core::toHex(hash)));
    QVERIFY(panel.findChild<QPushButton *>(u"export"_s)->isEnabled());
    QVERIFY(panel.findChild<QLabel *>(u"status"_s)->text().contains(u"leads from the leaf to the root"_s));
}

void TestIntegrityPanel::prove_unknownEvent_saysSo()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    IntegrityPanel panel(fixture.ledger());
    QVERIFY(panel.proveEvent(u"ev-01"_s));
    QVERIFY(!panel.proveEvent(u"ev-99"_s));
    QVERIFY(!panel.shownProof());
    QVERIFY(panel.proofJson().isEmpty());
    QVERIFY(!panel.findChild<QPushButton *>(u"export"_s)->isEnabled());
    QVERIFY(panel.findChild<QLabel *>(u"status"_s)->text().contains(u"ev-99"_s));
    QVERIFY(!panel.exportProof(u"/nonexistent/proof.json"_s));
}

void TestIntegrityPanel::export_identicalToTheCli_andIndependentlyVerified()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"split-household"_s);
    const QList<QByteArray> bodies = storedBodies(fixture.registry());
    QList<QByteArray> leaves;
    for (const QByteArray &body : bodies)
        leaves.append(leaf(body));
    const QByteArray root = treeHash(leaves);
    QTemporaryDir dir;
    IntegrityPanel panel(fixture.ledger());

    for (qsizetype seq = 0; seq < bodies.size(); ++seq) {
        const QString guid = QJsonDocument::fromJson(bodies[seq]).object().value(u"guid"_s).toString();
        QVERIFY(panel.proveEvent(guid));
        const QString path = dir.filePath(u"proof-%1.json"_s.arg(seq));
        QVERIFY(panel.exportProof(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray exported = file.readAll();

        // Byte for byte what `fieldledger-cli log proof GUID` prints.
        qputenv("FIELDLEDGER_PASSPHRASE", "admin passphrase");
        QByteArray out;
        QByteArray err;
        {
            QTextStream outStream(&out);
            QTextStream errStream(&err);
            const int code =
                core::runCli({u"--db"_s, fixture.path(), u"--user"_s, u"admin"_s, u"log"_s, u"proof"_s, guid},
                             outStream, errStream);
            QVERIFY2(code == 0, err.constData());
        }
        QCOMPARE(exported, out);

        // An independent verifier accepts it: the leaf is the event's bytes, the path leads to
        // the root of the whole log.
        const QJsonObject proof = QJsonDocument::fromJson(exported).object();
        QCOMPARE(proof.value(u"leafIndex"_s).toInteger(), seq);
        QCOMPARE(proof.value(u"treeSize"_s).toInteger(), bodies.size());
        QCOMPARE(QByteArray::fromHex(proof.value(u"leafHash"_s).toString().toLatin1()), leaf(bodies[seq]));
        QCOMPARE(rootFromInclusionProof(proof), root);
        // And refuses it for another root or another leaf.
        QJsonObject wrongLeaf = proof;
        wrongLeaf.insert(u"leafHash"_s, QString::fromLatin1(leaf("forged").toHex()));
        QVERIFY(rootFromInclusionProof(wrongLeaf) != root);
    }
}

void TestIntegrityPanel::alarm_rolledBackLog_bannerUntilAnAdministratorAcknowledges()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    core::User supervisor;
    supervisor.id = u"sup-1"_s;
    supervisor.displayName = u"Supervisor"_s;
    supervisor.role = core::Role::Supervisor;
    FL_VERIFY_OK(fixture.registry().addUser(supervisor, secret("supervisor passphrase")));
    FL_VERIFY_OK(fixture.ledger().takeCheckpoint(u"handover"_s));
    // The database rolled back to before its last two events (the checkpoint beside it remembers 5).
    QSqlQuery query(fixture.registry().database());
    QVERIFY(query.exec(u"DELETE FROM events WHERE seq >= 3"_s));
    query.finish();

    fixture.reopenAs(u"sup-1"_s, "supervisor passphrase");
    QVERIFY(fixture.ledger().alarm());
    {
        IntegrityPanel panel(fixture.ledger());
        QVERIFY(panel.hasAlarm());
        QVERIFY(panel.findChild<QWidget *>(u"alarmBanner"_s)->isVisibleTo(&panel));
        const QString banner = panel.findChild<QLabel *>(u"alarmText"_s)->text();
        QVERIFY2(banner.contains(u"rolled back"_s), qPrintable(banner));
        QVERIFY(banner.contains(u"An administrator must acknowledge"_s));
        QVERIFY(!panel.findChild<QPushButton *>(u"acknowledge"_s)->isVisibleTo(&panel));
        QVERIFY(!panel.acknowledge()); // a supervisor cannot
        QVERIFY(panel.hasAlarm());
    }

    fixture.reopenAs(u"admin"_s, "admin passphrase");
    IntegrityPanel panel(fixture.ledger());
    QSignalSpy acknowledged(&panel, &IntegrityPanel::alarmAcknowledged);
    QVERIFY(panel.hasAlarm());
    if (const QString dir = qEnvironmentVariable("FIELDLEDGER_SCREENSHOTS"); !dir.isEmpty()) {
        panel.resize(820, 640);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.grab().save(dir + u"/integrity-alarm.png"_s));
        panel.hide();
    }
    // Verifying says what is missing.
    panel.verifyNow();
    QVERIFY(panel.lastReport() && !panel.lastReport()->ok);
    QVERIFY2(panel.verdictText().contains(u"missing"_s), qPrintable(panel.verdictText()));
    QVERIFY(panel.findChild<QPushButton *>(u"acknowledge"_s)->isVisibleTo(&panel));
    // The button asks first: Cancel leaves the alarm as it is.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::mouseClick(panel.findChild<QPushButton *>(u"acknowledge"_s), Qt::LeftButton);
    QCOMPARE(MessageBox::lastTitle(), u"Acknowledge the Integrity Alarm"_s);
    QCOMPARE(acknowledged.count(), 0);
    QVERIFY(panel.hasAlarm());
    QVERIFY(fixture.ledger().alarm());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(panel.findChild<QPushButton *>(u"acknowledge"_s), Qt::LeftButton);
    QCOMPARE(acknowledged.count(), 1);
    QVERIFY(!panel.hasAlarm());
    QVERIFY(!panel.findChild<QWidget *>(u"alarmBanner"_s)->isVisibleTo(&panel));
    QVERIFY(panel.alarmText().contains(u"rolled back"_s)); // acknowledged, not forgotten
    QVERIFY(!fixture.ledger().alarm());                    // core lets writes through again
    FL_VERIFY_OK(fixture.ledger().submit(command(u"create-individual"_s, u"p-after-alarm"_s, {})));
}

void TestIntegrityPanel::grab()
{
    const QString dir = qEnvironmentVariable("FIELDLEDGER_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set FIELDLEDGER_SCREENSHOTS to a folder to save screenshots");
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    FL_VERIFY_OK(fixture.ledger().takeCheckpoint(u"handover"_s));
    tamper(fixture.registry(), 2, "\"age\":0", "\"age\":9");
    IntegrityPanel panel(fixture.ledger());
    panel.resize(820, 640);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.verifyNow();
    panel.proveEvent(u"ev-04"_s);
    QCoreApplication::processEvents(); // pending layouts
    QVERIFY(panel.grab().save(dir + u"/integrity-failed.png"_s));
}

QTEST_MAIN(TestIntegrityPanel)
#include "tst_integritypanel.moc"
