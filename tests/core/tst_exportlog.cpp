// The export log (core/exchange/exportrecorder.h): SqlExportRecorder writes one row of
// export_log per export that was made, none for an export that was refused, cancelled or
// failed; exportLog() reads them back for supervisors; the CLI records every export.
#include "core/cli/cli.h"
#include "core/exchange/exporter.h"
#include "core/exchange/exportrecorder.h"
#include "core/storage/registry.h"
#include "exportfixture.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTest>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using namespace fieldledger::testing::exports;

namespace {

QStringList folderEntries(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

std::unique_ptr<Fixture> sampleRegistry()
{
    auto fixture = std::make_unique<Fixture>();
    auto report = fixture->ledger().submitBatch(sampleCommands());
    if (!report)
        qFatal("cannot submit the sample: %s", qPrintable(report.error().message));
    return fixture;
}

std::vector<QJsonObject> logOf(Registry &registry, const ExportLogQuery &query = {})
{
    auto records = exportLog(registry, query);
    if (!records)
        qFatal("cannot read the export log: %s", qPrintable(records.error().message));
    return *records;
}

// A renderer that writes a line naming what it was given (core has no PDF renderer).
class TextRenderer final : public ReportRenderer {
public:
    Result<int> householdProfile(const HouseholdProfile &, const ReportContext &,
                                 QIODevice &device) const override
    {
        device.write("profile\n");
        return 1;
    }
    Result<int> summary(const RegistrySummary &, const ReportContext &, QIODevice &device) const override
    {
        device.write("summary\n");
        return 1;
    }
};

qint64 rowCount(Registry &registry)
{
    QSqlQuery query(registry.database());
    if (!query.exec(u"SELECT count(*) FROM export_log"_s) || !query.next())
        qFatal("cannot count export_log");
    return query.value(0).toLongLong();
}

} // namespace

class TestExportLog final : public QObject {
    Q_OBJECT

private slots:
    void csvExport_leavesOneRecordWithItsRowCount()
    {
        const auto f = sampleRegistry();
        SqlExportRecorder recorder(f->registry());
        Exporter exporter(f->ledger(), f->clock(), recorder);
        ExportRequest request;
        request.what = ExportWhat::Individuals;
        const QString path = QDir(f->folder()).filePath(u"members.csv"_s);
        auto report = exporter.exportToFile(request, path);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->rows, quint64(4));

        const auto records = logOf(f->registry());
        QCOMPARE(records.size(), std::size_t(1));
        const QJsonObject &record = records.front();
        QCOMPARE(record.value(u"userId"_s).toString(), u"admin"_s);
        QCOMPARE(record.value(u"what"_s).toString(), u"individuals"_s);
        QCOMPARE(record.value(u"format"_s).toString(), u"csv"_s);
        QCOMPARE(record.value(u"rows"_s).toInteger(), 4);
        QCOMPARE(record.value(u"file"_s).toString(), u"members.csv"_s);
        QCOMPARE(record.value(u"exportedAt"_s).toString(), u"2026-11-30T12:00:00.000Z"_s);
        QVERIFY(!record.contains(u"asOf"_s));
        QCOMPARE(record.value(u"id"_s).toInteger(), *recorder.lastId());
        // The record is what the exporter reported, plus its id.
        QJsonObject withoutId = record;
        withoutId.remove(u"id"_s);
        QCOMPARE(withoutId, report->record);
    }

    void asOfAndStreamedExports_areRecordedToo()
    {
        const auto f = sampleRegistry();
        SqlExportRecorder recorder(f->registry());
        Exporter exporter(f->ledger(), f->clock(), recorder);
        ExportRequest request;
        request.what = ExportWhat::Events;
        request.format = ExportFormat::Jsonl;
        request.atInstantNs = *Timestamp::parseInstantNs(u"2026-11-02T12:00:00Z"_s);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(exporter.exportToDevice(request, buffer));
        const auto records = logOf(f->registry());
        QCOMPARE(records.size(), std::size_t(1));
        QCOMPARE(records.front().value(u"asOf"_s).toString(), u"2026-11-02T12:00:00.000Z"_s);
        QCOMPARE(records.front().value(u"file"_s).toString(), u"-"_s);
        QCOMPARE(records.front().value(u"rows"_s).toInteger(), 2);
    }

    void cancelledExport_leavesNoRecordAndNoFile()
    {
        const auto f = sampleRegistry();
        SqlExportRecorder recorder(f->registry());
        Exporter exporter(f->ledger(), f->clock(), recorder);
        const QStringList before = folderEntries(f->folder());
        ExportRequest request;
        request.what = ExportWhat::Audit;
        request.progress = [](quint64, quint64) { return false; };
        auto report = exporter.exportToFile(request, QDir(f->folder()).filePath(u"audit.csv"_s));
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Cancelled);
        QCOMPARE(rowCount(f->registry()), 0);
        QCOMPARE(folderEntries(f->folder()), before);
    }

    void failedExports_leaveNoRecord_data()
    {
        QTest::addColumn<QString>("why");
        QTest::newRow("missing folder") << u"missing folder"_s;
        QTest::newRow("wrong combination") << u"wrong combination"_s;
        QTest::newRow("destination taken while writing") << u"destination taken"_s;
    }
    void failedExports_leaveNoRecord()
    {
        QFETCH(QString, why);
        const auto f = sampleRegistry();
        SqlExportRecorder recorder(f->registry());
        Exporter exporter(f->ledger(), f->clock(), recorder);
        ExportRequest request;
        QString path = QDir(f->folder()).filePath(u"households.csv"_s);
        if (why == u"missing folder") {
            path = QDir(f->folder()).filePath(u"no/such/folder/households.csv"_s);
        } else if (why == u"wrong combination") {
            request.what = ExportWhat::Events;
            request.format = ExportFormat::Csv;
        } else {
            // The file cannot be moved into place at the end: a folder with something in it
            // appears at the destination while the rows are written (rename fails, even as root).
            request.progress = [path](quint64, quint64) {
                QDir().mkpath(path);
                QFile inside(QDir(path).filePath(u"keep"_s));
                if (inside.open(QIODevice::WriteOnly))
                    inside.write("x");
                return true;
            };
        }
        auto report = exporter.exportToFile(request, path);
        QVERIFY(!report);
        QCOMPARE(rowCount(f->registry()), 0);
        QVERIFY(!recorder.lastId());
    }

    void refusedExport_byAnEnumerator_leavesNoRecord()
    {
        const auto f = sampleRegistry();
        QVERIFY(f->registry().addUser({u"enum1"_s, u"Enumerator"_s, Role::Enumerator, true},
                                      secret("enum1 pass")));
        f->reopenAs(u"enum1"_s, "enum1 pass");
        {
            SqlExportRecorder recorder(f->registry());
            Exporter exporter(f->ledger(), f->clock(), recorder);
            auto report = exporter.exportToFile(ExportRequest{}, QDir(f->folder()).filePath(u"x.csv"_s));
            QVERIFY(!report);
            QCOMPARE(report.error().code, ErrorCode::PermissionDenied);
            QCOMPARE(rowCount(f->registry()), 0);
            // Nor may an enumerator read the log.
            auto records = exportLog(f->registry());
            QVERIFY(!records);
            QCOMPARE(records.error().code, ErrorCode::PermissionDenied);
        }
    }

    void readOnlyRegistry_refusesBeforeWriting()
    {
        const auto f = sampleRegistry();
        const QString path = f->path();
        f->close();
        auto registry =
            Registry::open(path, u"admin"_s, secret("admin passphrase"), Registry::Access::ReadOnly);
        QVERIFY2(registry, registry ? "" : qPrintable(registry.error().message));
        SqlExportRecorder recorder(**registry);
        const auto ready = recorder.ready();
        QVERIFY(!ready);
        QCOMPARE(ready.error().code, ErrorCode::ReadOnly);
        QVERIFY(!recorder.record(QJsonObject{{u"userId"_s, u"admin"_s},
                                             {u"what"_s, u"households"_s},
                                             {u"format"_s, u"csv"_s},
                                             {u"exportedAt"_s, u"2026-11-30T12:00:00.000Z"_s},
                                             {u"rows"_s, 1},
                                             {u"file"_s, u"x.csv"_s}}));
        QCOMPARE(rowCount(**registry), 0);
    }

    void record_refusesIncompleteRecords_data()
    {
        QTest::addColumn<QString>("missing");
        for (const QString &key :
             {u"userId"_s, u"what"_s, u"format"_s, u"exportedAt"_s, u"rows"_s, u"file"_s})
            QTest::newRow(qPrintable(key)) << key;
    }
    void record_refusesIncompleteRecords()
    {
        QFETCH(QString, missing);
        Fixture f;
        SqlExportRecorder recorder(f.registry());
        QJsonObject record{{u"userId"_s, u"admin"_s},
                           {u"what"_s, u"households"_s},
                           {u"format"_s, u"csv"_s},
                           {u"exportedAt"_s, u"2026-11-30T12:00:00.000Z"_s},
                           {u"rows"_s, 3},
                           {u"file"_s, u"h.csv"_s}};
        QVERIFY(recorder.record(record));
        record.remove(missing);
        const auto refused = recorder.record(record);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(rowCount(f.registry()), 1);
    }

    // A household's profile on paper is that household's data leaving the registry: the log says
    // which one.
    void householdProfileExport_recordsWhichHousehold()
    {
        const auto f = sampleRegistry();
        SqlExportRecorder recorder(f->registry());
        Exporter exporter(f->ledger(), f->clock(), recorder);
        const TextRenderer renderer;
        exporter.setReportRenderer(&renderer);
        ExportRequest request;
        request.what = ExportWhat::Household;
        request.format = ExportFormat::Pdf;
        request.entityGuid = u"hh-3"_s;
        auto report = exporter.exportToFile(request, QDir(f->folder()).filePath(u"hh-3.pdf"_s));
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->record.value(u"household"_s).toString(), u"hh-3"_s);
        request.what = ExportWhat::Summary;
        QVERIFY(exporter.exportToFile(request, QDir(f->folder()).filePath(u"summary.pdf"_s)));

        const auto records = logOf(f->registry());
        QCOMPARE(records.size(), std::size_t(2));
        QCOMPARE(records[0].value(u"what"_s).toString(), u"household"_s);
        QCOMPARE(records[0].value(u"household"_s).toString(), u"hh-3"_s);
        QCOMPARE(records[0].value(u"file"_s).toString(), u"hh-3.pdf"_s);
        QJsonObject withoutId = records[0];
        withoutId.remove(u"id"_s);
        QCOMPARE(withoutId, report->record);
        QCOMPARE(records[1].value(u"what"_s).toString(), u"summary"_s);
        QVERIFY(!records[1].contains(u"household"_s));
    }

    void record_refusesABadHousehold_data()
    {
        QTest::addColumn<QJsonValue>("household");
        QTest::addColumn<QString>("what");
        QTest::newRow("a number") << QJsonValue(12) << u"household"_s;
        QTest::newRow("empty") << QJsonValue(u""_s) << u"household"_s;
        QTest::newRow("colon in what") << QJsonValue(u"hh-1"_s) << u"household:x"_s;
    }
    void record_refusesABadHousehold()
    {
        QFETCH(QJsonValue, household);
        QFETCH(QString, what);
        Fixture f;
        SqlExportRecorder recorder(f.registry());
        const QJsonObject record{{u"userId"_s, u"admin"_s},
                                 {u"what"_s, what},
                                 {u"format"_s, u"pdf"_s},
                                 {u"exportedAt"_s, u"2026-11-30T12:00:00.000Z"_s},
                                 {u"rows"_s, 1},
                                 {u"file"_s, u"h.pdf"_s},
                                 {u"household"_s, household}};
        const auto refused = recorder.record(record);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(rowCount(f.registry()), 0);
    }

    void exportLog_limitKeepsTheMostRecent_andFiltersByUser()
    {
        Fixture f;
        SqlExportRecorder recorder(f.registry());
        for (int i = 0; i < 5; ++i) {
            QVERIFY(recorder.record(QJsonObject{{u"userId"_s, i % 2 == 0 ? u"admin"_s : u"sup1"_s},
                                                {u"what"_s, u"households"_s},
                                                {u"format"_s, u"csv"_s},
                                                {u"exportedAt"_s, u"2026-11-30T12:00:0%1.000Z"_s.arg(i)},
                                                {u"rows"_s, i},
                                                {u"file"_s, u"h%1.csv"_s.arg(i)}}));
        }
        const auto all = logOf(f.registry());
        QCOMPARE(all.size(), std::size_t(5));
        QCOMPARE(all.front().value(u"rows"_s).toInt(), 0);
        QCOMPARE(all.back().value(u"rows"_s).toInt(), 4);

        const auto lastTwo = logOf(f.registry(), ExportLogQuery{{}, 2});
        QCOMPARE(lastTwo.size(), std::size_t(2));
        QCOMPARE(lastTwo[0].value(u"rows"_s).toInt(), 3);
        QCOMPARE(lastTwo[1].value(u"rows"_s).toInt(), 4);

        const auto sup = logOf(f.registry(), ExportLogQuery{u"sup1"_s, 0});
        QCOMPARE(sup.size(), std::size_t(2));
        QCOMPARE(sup[0].value(u"file"_s).toString(), u"h1.csv"_s);
        QCOMPARE(sup[1].value(u"file"_s).toString(), u"h3.csv"_s);
    }

    void cli_export_isRecorded_andListedByExportLog()
    {
        auto f = sampleRegistry();
        const QString path = f->path();
        const QString folder = f->folder();
        f->close();
        qputenv("FIELDLEDGER_PASSPHRASE", "admin passphrase");
        auto run = [&](const QStringList &args, QString *outText) {
            QString out;
            QString err;
            QTextStream outStream(&out);
            QTextStream errStream(&err);
            const int code = runCli(QStringList{u"--db"_s, path, u"--user"_s, u"admin"_s, u"export"_s} + args,
                                    outStream, errStream);
            if (outText)
                *outText = out;
            if (code != 0)
                qWarning("%s", qPrintable(err));
            return code;
        };
        QCOMPARE(run({u"--what"_s, u"households"_s, u"--out"_s, QDir(folder).filePath(u"h.csv"_s)}, nullptr),
                 0);
        QCOMPARE(run({u"--what"_s, u"summary"_s, u"--format"_s, u"jsonl"_s}, nullptr), 0);
        QCOMPARE(run({u"--what"_s, u"events"_s, u"--format"_s, u"csv"_s}, nullptr), 1); // refused: no record

        QString listed;
        QCOMPARE(run({u"--log"_s}, &listed), 0);
        const QStringList lines = listed.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines[0].toUtf8()).object();
        QCOMPARE(first.value(u"what"_s).toString(), u"households"_s);
        QCOMPARE(first.value(u"rows"_s).toInt(), 3);
        QCOMPARE(first.value(u"file"_s).toString(), u"h.csv"_s);
        QCOMPARE(first.value(u"userId"_s).toString(), u"admin"_s);
        const QJsonObject second = QJsonDocument::fromJson(lines[1].toUtf8()).object();
        QCOMPARE(second.value(u"what"_s).toString(), u"summary"_s);
        QCOMPARE(second.value(u"file"_s).toString(), u"-"_s);

        QString last;
        QCOMPARE(run({u"--log"_s, u"--limit"_s, u"1"_s}, &last), 0);
        QCOMPARE(last.trimmed(), lines[1]);
        QCOMPARE(run({u"--log"_s, u"--what"_s, u"households"_s}, nullptr), 1);
    }
};

QTEST_GUILESS_MAIN(TestExportLog)
#include "tst_exportlog.moc"
