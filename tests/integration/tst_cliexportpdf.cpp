// fieldledger-cli's PDF reports, as scripts run them: `export --what household --entity GUID
// --format pdf` and `export --what summary --format pdf`, checked through pdftotext; a screen
// is never needed; every PDF export is in the export log; refusals change nothing.
#include "../core/reportfixture.h"
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;

namespace {

QString pdfText(const QString &path)
{
    QProcess process;
    process.start(u"pdftotext"_s, {u"-layout"_s, path, u"-"_s});
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString pdfInfo(const QString &path)
{
    QProcess process;
    process.start(u"pdfinfo"_s, {path});
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The CLI with an environment that has no screen at all (no display, no platform chosen), or
// one that names a platform that cannot start here.
CliResult runWithoutScreen(const QString &db, const QStringList &args, const QString &platform = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"QT_QPA_PLATFORM"_s, u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s})
        env.remove(name);
    if (!platform.isEmpty())
        env.insert(u"QT_QPA_PLATFORM"_s, platform);
    env.insert(u"FIELDLEDGER_TEST_FAST_KDF"_s, u"1"_s);
    env.insert(u"FIELDLEDGER_PASSPHRASE"_s, u"integration passphrase"_s);
    env.insert(u"FIELDLEDGER_USER"_s, u"admin"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FIELDLEDGER_CLI_PATH), QStringList{u"--db"_s, db} + args);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    return CliResult{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                     process.readAllStandardOutput(), process.readAllStandardError()};
}

QStringList folderEntries(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestCliExportPdf final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<Cli> m_cli;
    QString m_root;

    QString file(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty(), "pdftotext is needed");
        m_db = m_dir.filePath(u"registry.fieldledger"_s);
        m_cli = std::make_unique<Cli>(m_db);
        QCOMPARE(m_cli->run({u"init"_s, u"--name"_s, u"Kalo district"_s}).exitCode, 0);
        QByteArray lines;
        for (const core::Event &event : reports::reportSampleEvents())
            lines += event.storedJson() + '\n';
        QFile events(file(u"sample.jsonl"_s));
        QVERIFY(events.open(QIODevice::WriteOnly));
        events.write(lines);
        events.close();
        const CliResult imported = m_cli->run({u"import"_s, events.fileName()});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const CliResult root = m_cli->run({u"log"_s, u"root"_s});
        QCOMPARE(root.exitCode, 0);
        QCOMPARE(root.json().value(u"size"_s).toInt(), 8);
        m_root = root.json().value(u"root"_s).toString();
        QCOMPARE(m_root.size(), 64);
    }

    void household_pdf_holdsNameMembersAndRoot()
    {
        const QString out = file(u"hh-a.pdf"_s);
        const CliResult result = runWithoutScreen(
            m_db, {u"export"_s, u"--what"_s, u"household"_s, u"--entity"_s, u"hh-a"_s, u"--format"_s, u"pdf"_s,
                   u"--paper"_s, u"a4"_s, u"--out"_s, out});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.json(), (QJsonObject{{u"exported"_s, 1},
                                             {u"what"_s, u"household"_s},
                                             {u"format"_s, u"pdf"_s},
                                             {u"out"_s, out}}));
        const QString text = pdfText(out);
        QVERIFY2(text.contains(u"Mwangi family"_s), qPrintable(text));
        QVERIFY(text.contains(u"Grace Mwangi"_s));
        QVERIFY(text.contains(u"Peter Mwangi"_s));
        QVERIFY(text.contains(u"Kalo district"_s));
        QVERIFY(text.contains(m_root));
        QVERIFY(pdfInfo(out).contains(u"(A4)"_s));
    }

    void summary_pdf_holdsPerVillageCounts()
    {
        const QString out = file(u"summary.pdf"_s);
        const CliResult result = m_cli->run({u"export"_s, u"--what"_s, u"summary"_s, u"--format"_s, u"pdf"_s,
                                             u"--paper"_s, u"letter"_s, u"--out"_s, out});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.json().value(u"exported"_s).toInt(), 5);
        const QString text = pdfText(out);
        QVERIFY2(QRegularExpression(u"Kalo\\s+3\\b"_s).match(text).hasMatch(), qPrintable(text));
        QVERIFY(QRegularExpression(u"Mbale\\s+2\\b"_s).match(text).hasMatch());
        QVERIFY(text.contains(m_root));
        QVERIFY(pdfInfo(out).contains(u"(letter)"_s));
    }

    void summary_pdf_filteredAndFormatFromSuffix()
    {
        const QString out = file(u"kalo-november.pdf"_s);
        const CliResult result =
            m_cli->run({u"export"_s, u"--what"_s, u"summary"_s, u"--village"_s, u"Kalo"_s, u"--from"_s,
                        u"2026-11-02"_s, u"--out"_s, out});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.json().value(u"format"_s).toString(), u"pdf"_s);
        QCOMPARE(result.json().value(u"exported"_s).toInt(), 2); // hh-c and hh-e
        const QString text = pdfText(out);
        QVERIFY(QRegularExpression(u"Kalo\\s+2\\b"_s).match(text).hasMatch());
        QVERIFY(!QRegularExpression(u"Mbale\\s+\\d"_s).match(text).hasMatch());
    }

    void household_pdf_asOf()
    {
        const QString out = file(u"hh-a-then.pdf"_s);
        const CliResult result =
            m_cli->run({u"export"_s, u"--what"_s, u"household"_s, u"--entity"_s, u"hh-a"_s, u"--at"_s,
                        u"2026-11-05T00:00:00Z"_s, u"--out"_s, out});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY(pdfText(out).contains(u"Amélie Mwangi"_s));
    }

    void refusals_changeNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString out = file(u"refused.pdf"_s);
        QTest::newRow("no entity") << QStringList{u"--what"_s, u"household"_s, u"--out"_s, out} << 1
                                   << u"--entity"_s;
        QTest::newRow("no out") << QStringList{u"--what"_s, u"summary"_s, u"--format"_s, u"pdf"_s} << 1
                                << u"needs --out"_s;
        QTest::newRow("unknown household")
            << QStringList{u"--what"_s, u"household"_s, u"--entity"_s, u"hh-zz"_s, u"--out"_s, out} << 2
            << u"no household hh-zz"_s;
        QTest::newRow("an individual")
            << QStringList{u"--what"_s, u"household"_s, u"--entity"_s, u"p-a1"_s, u"--out"_s, out} << 2
            << u"not a household"_s;
        QTest::newRow("bad paper") << QStringList{u"--what"_s, u"summary"_s, u"--paper"_s, u"a5"_s, u"--out"_s,
                                                  out}
                                   << 1 << u"a4 or letter"_s;
        QTest::newRow("households as pdf")
            << QStringList{u"--what"_s, u"households"_s, u"--format"_s, u"pdf"_s, u"--out"_s, out} << 1
            << u"--what household"_s;
        QTest::newRow("village filter on csv")
            << QStringList{u"--what"_s, u"households"_s, u"--village"_s, u"Kalo"_s} << 1 << u"summary report"_s;
        QTest::newRow("bad day") << QStringList{u"--what"_s, u"summary"_s, u"--from"_s, u"November"_s,
                                                u"--out"_s, out}
                                 << 1 << u"--from"_s;
    }
    void refusals_changeNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QStringList before = folderEntries(m_dir.path());
        const CliResult result = m_cli->run(QStringList{u"export"_s} + args);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
        QVERIFY(result.out.isEmpty());
        QStringList after = folderEntries(m_dir.path());
        after.removeAll(u"registry.fieldledger.checkpoint"_s);
        QStringList expected = before;
        expected.removeAll(u"registry.fieldledger.checkpoint"_s);
        QCOMPARE(after, expected);
    }

    void nonPdfCommands_needNoGui()
    {
        // A platform that cannot start here would abort a QGuiApplication: CSV never makes one.
        const CliResult result =
            runWithoutScreen(m_db, {u"export"_s, u"--what"_s, u"households"_s}, u"xcb"_s);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.lines().size(), 6); // header and five households
    }

    void exportLog_listsThePdfExports()
    {
        const CliResult log = m_cli->run({u"export"_s, u"--log"_s});
        QCOMPARE(log.exitCode, 0);
        int pdfs = 0;
        for (const QByteArray &line : log.lines()) {
            const QJsonObject record = QJsonDocument::fromJson(line).object();
            QCOMPARE(record.value(u"userId"_s).toString(), u"admin"_s);
            if (record.value(u"format"_s).toString() == u"pdf")
                ++pdfs;
        }
        QCOMPARE(pdfs, 4);
        const QJsonObject first = QJsonDocument::fromJson(log.lines().first()).object();
        QCOMPARE(first.value(u"what"_s).toString(), u"household"_s);
        QCOMPARE(first.value(u"file"_s).toString(), u"hh-a.pdf"_s);
        QCOMPARE(first.value(u"rows"_s).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliExportPdf)
#include "tst_cliexportpdf.moc"
