// PDF reports (ui/reports/pdfreportrenderer.h) through the Exporter: the text pdftotext
// extracts holds what the paper must show (a household's name, its members, the log root; the
// summary's per-village counts), on A4 and Letter, over several pages when long, and a
// cancelled report leaves no file.
//
// Set FIELDLEDGER_REPORT_DIR to keep the PDFs made here (to look at them).
#include "core/exchange/exporter.h"
#include "core/exchange/exportrecorder.h"
#include "core/integrity/hash.h"
#include "core/ledgerfixture.h"
#include "core/reportfixture.h"
#include "ui/reports/pdfreportrenderer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using namespace fieldledger::testing;
using namespace fieldledger::testing::reports;
using fieldledger::ui::PdfReportRenderer;

namespace {

QString run(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString pdfText(const QString &path)
{
    return run(u"pdftotext"_s, {u"-layout"_s, path, u"-"_s});
}

QString pdfInfo(const QString &path)
{
    return run(u"pdfinfo"_s, {path});
}

int pdfPages(const QString &path)
{
    const auto match = QRegularExpression(u"Pages:\\s+(\\d+)"_s).match(pdfInfo(path));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

class TestPdfReport final : public QObject {
    Q_OBJECT

    std::unique_ptr<LedgerFixture> m_fixture;
    QTemporaryDir m_dir;
    PdfReportRenderer m_renderer;

    QString outPath(const QString &name) const
    {
        const QString keep = qEnvironmentVariable("FIELDLEDGER_REPORT_DIR");
        return QDir(keep.isEmpty() ? m_dir.path() : keep).filePath(name);
    }

    Result<ExportReport> exportPdf(Ledger &ledger, ExportRequest request, const QString &path)
    {
        request.format = ExportFormat::Pdf;
        SqlExportRecorder recorder(ledger.registry());
        Exporter exporter(ledger, m_fixture->clock(), recorder);
        exporter.setReportRenderer(&m_renderer);
        return exporter.exportToFile(request, path);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty(), "pdftotext is needed");
        m_fixture = std::make_unique<LedgerFixture>();
        importReportSample(m_fixture->ledger());
    }
    void cleanupTestCase() { m_fixture.reset(); }

    void householdProfile_textHoldsNameMembersAndLogRoot_data()
    {
        QTest::addColumn<int>("paper");
        QTest::addColumn<QString>("pageSize");
        QTest::newRow("A4") << int(PaperSize::A4) << u"(A4)"_s;
        QTest::newRow("Letter") << int(PaperSize::Letter) << u"(letter)"_s;
    }
    void householdProfile_textHoldsNameMembersAndLogRoot()
    {
        QFETCH(int, paper);
        QFETCH(QString, pageSize);
        ExportRequest request;
        request.what = ExportWhat::Household;
        request.entityGuid = u"hh-a"_s;
        request.paper = PaperSize(paper);
        const QString path = outPath(u"profile-hh-a-%1.pdf"_s.arg(paperSizeName(PaperSize(paper))));
        auto report = exportPdf(m_fixture->ledger(), request, path);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->rows, quint64(1));
        QCOMPARE(report->record.value(u"format"_s).toString(), u"pdf"_s);
        QCOMPARE(report->record.value(u"what"_s).toString(), u"household"_s);

        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"Mwangi family"_s), qPrintable(text));
        QVERIFY(text.contains(u"Grace Mwangi"_s));
        QVERIFY(text.contains(u"Peter Mwangi"_s));
        QVERIFY(!text.contains(u"Amélie Mwangi"_s)); // she left with the split
        QVERIFY(text.contains(u"1984-03-12"_s));
        QVERIFY(text.contains(u"split-household"_s));
        QVERIFY(text.contains(u"married-out"_s));
        const QString root = toHex(*m_fixture->ledger().rootAt(std::nullopt));
        QVERIFY2(text.contains(root), qPrintable(root));
        QVERIFY(QRegularExpression(u"Log size\\s+8"_s).match(text).hasMatch());
        QVERIFY(text.contains(u"sequence 6"_s));
        QVERIFY(text.contains(u"ev-6"_s));
        QVERIFY2(pdfInfo(path).contains(pageSize), qPrintable(pdfInfo(path)));
    }

    void householdProfile_asOf_showsMembersThen()
    {
        ExportRequest request;
        request.what = ExportWhat::Household;
        request.entityGuid = u"hh-a"_s;
        request.atInstantNs = *Timestamp::parseInstantNs(u"2026-11-05T00:00:00Z"_s);
        const QString path = outPath(u"profile-hh-a-asof.pdf"_s);
        QVERIFY(exportPdf(m_fixture->ledger(), request, path));
        const QString text = pdfText(path);
        QVERIFY(text.contains(u"Amélie Mwangi"_s));
        QVERIFY(text.contains(u"As of 2026-11-05T00:00:00.000Z"_s));
        QVERIFY(!text.contains(u"split-household"_s));
        QVERIFY(text.contains(u"sequence 0"_s));
    }

    void householdProfile_arabicAndDeleted_areWritten()
    {
        for (const QString &guid : {u"hh-b"_s, u"hh-d"_s}) {
            ExportRequest request;
            request.what = ExportWhat::Household;
            request.entityGuid = guid;
            const QString path = outPath(u"profile-%1.pdf"_s.arg(guid));
            QVERIFY(exportPdf(m_fixture->ledger(), request, path));
            const QString text = pdfText(path);
            QVERIFY(text.contains(guid));
            if (guid == u"hh-b") {
                QVERIFY(text.contains(u"Omar Haddad"_s));
                QVERIFY(text.contains(u"data-correction"_s));
            } else {
                QVERIFY(text.contains(u"This household was deleted"_s));
            }
        }
    }

    void householdProfile_wordsStoredNamesAsTheFormsDo()
    {
        // What the default forms store: choice names ("upper_mesa", "female", "head").
        LedgerFixture own;
        QVERIFY(own.ledger().importEvents({reportEvent(
            u"ev-x"_s, u"hh-x"_s, u"create-group"_s,
            {{u"name"_s, u"Banda household"_s},
             {u"village"_s, u"upper_mesa"_s},
             {u"members"_s, QJsonArray{person(u"p-x1"_s, u"Chisomo Banda"_s, u"female"_s, u"head"_s,
                                              u"1990-01-02"_s, QJsonValue(QJsonValue::Undefined))}}},
            u"2026-11-01T08:00:00.000Z"_s, u"enum-1"_s)}));
        const QString path = outPath(u"profile-labels.pdf"_s);
        SqlExportRecorder recorder(own.registry());
        Exporter exporter(own.ledger(), own.clock(), recorder);
        const PdfReportRenderer english(fieldledger::ui::FormLabels::defaultForms(u"en"_s));
        exporter.setReportRenderer(&english);
        ExportRequest request;
        request.what = ExportWhat::Household;
        request.format = ExportFormat::Pdf;
        request.entityGuid = u"hh-x"_s;
        QVERIFY(exporter.exportToFile(request, path));
        const QString text = pdfText(path);
        QVERIFY2(QRegularExpression(u"Village or area\\s+Upper Mesa"_s).match(text).hasMatch(),
                 qPrintable(text));
        QVERIFY(text.contains(u"Head of household"_s));
        QVERIFY(text.contains(u"Female"_s));
        QVERIFY(!text.contains(u"upper_mesa"_s));

        request.what = ExportWhat::Summary;
        const QString summaryPath = outPath(u"summary-labels.pdf"_s);
        QVERIFY(exporter.exportToFile(request, summaryPath));
        QVERIFY(QRegularExpression(u"Upper Mesa\\s+1\\b"_s).match(pdfText(summaryPath)).hasMatch());

        // In French the questions and choices are French.
        const PdfReportRenderer french(fieldledger::ui::FormLabels::defaultForms(u"fr"_s));
        exporter.setReportRenderer(&french);
        request.what = ExportWhat::Household;
        QVERIFY(exporter.exportToFile(request, path));
        QVERIFY(pdfText(path).contains(u"Chef de ménage"_s));
    }

    void householdProfile_longHistory_runsOverPagesWithTheRootOnTheLast()
    {
        LedgerFixture own;
        importReportSample(own.ledger());
        std::vector<Event> updates;
        for (int i = 0; i < 90; ++i) {
            updates.push_back(reportEvent(
                u"upd-%1"_s.arg(i), u"hh-c"_s, u"update-group"_s,
                {{u"note"_s, u"visit %1: the household was seen and the notes were "
                             "brought up to date"_s.arg(i)}},
                formatUtcMillis(
                    QDateTime(QDate(2026, 11, 10), QTime(8, 0), QTimeZone::utc()).addSecs(i * 3600)),
                u"sup"_s));
        }
        QVERIFY(own.ledger().importEvents(updates));
        ExportRequest request;
        request.what = ExportWhat::Household;
        request.entityGuid = u"hh-c"_s;
        const QString path = outPath(u"profile-long.pdf"_s);
        SqlExportRecorder recorder(own.registry());
        Exporter exporter(own.ledger(), own.clock(), recorder);
        exporter.setReportRenderer(&m_renderer);
        request.format = ExportFormat::Pdf;
        QVERIFY(exporter.exportToFile(request, path));
        const int pages = pdfPages(path);
        QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
        const QString text = pdfText(path);
        // The table's header is repeated on every page it runs onto.
        QVERIFY(text.count(u"Changes"_s) >= pages - 1);
        QVERIFY(text.contains(u"visit 0:"_s));
        QVERIFY(text.contains(u"visit 89:"_s));
        const QStringList pageTexts = text.split(u'\f');
        QVERIFY(pageTexts.value(pages - 1).contains(toHex(*own.ledger().rootAt(std::nullopt))));
    }

    void summary_textHoldsPerVillageCounts()
    {
        ExportRequest request;
        request.what = ExportWhat::Summary;
        const QString path = outPath(u"summary.pdf"_s);
        auto report = exportPdf(m_fixture->ledger(), request, path);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->rows, quint64(5));
        const QString text = pdfText(path);
        QVERIFY2(QRegularExpression(u"Kalo\\s+3\\b"_s).match(text).hasMatch(), qPrintable(text));
        QVERIFY(QRegularExpression(u"Mbale\\s+2\\b"_s).match(text).hasMatch());
        QVERIFY(QRegularExpression(u"enum-1\\s+2\\b"_s).match(text).hasMatch());
        QVERIFY(text.contains(u"Registrations per day"_s));
        QVERIFY(text.contains(u"Household size"_s));
        // No decisions in the sample: every household awaits its first review.
        QVERIFY2(text.contains(u"Never reviewed: 5 (100%)"_s), qPrintable(text));
        QVERIFY(text.contains(u"Approved: 0"_s));
        QVERIFY(text.contains(toHex(*m_fixture->ledger().rootAt(std::nullopt))));
    }

    // Review status counts each household by its supervisor's last decision, and a household
    // changed after it as awaiting review again.
    void summary_reviewStatus_countsDecisions()
    {
        LedgerFixture own;
        importReportSample(own.ledger());
        const auto decision = [](const QString &guid, const QString &household, const QJsonObject &data,
                                 const QString &at) {
            return reportEvent(guid, household, u"review-household"_s, data, at, u"sup"_s);
        };
        QVERIFY(own.ledger().importEvents(
            {decision(u"r-1"_s, u"hh-a"_s, {{u"decision"_s, u"approved"_s}}, u"2026-11-08T08:00:00.000Z"_s),
             decision(u"r-2"_s, u"hh-b"_s, {{u"decision"_s, u"flagged"_s}, {u"comment"_s, u"phone?"_s}},
                      u"2026-11-08T08:01:00.000Z"_s),
             decision(u"r-3"_s, u"hh-c"_s, {{u"decision"_s, u"rejected"_s}, {u"reason"_s, u"duplicate"_s}},
                      u"2026-11-08T08:02:00.000Z"_s),
             decision(u"r-4"_s, u"hh-f"_s, {{u"decision"_s, u"approved"_s}}, u"2026-11-08T08:03:00.000Z"_s),
             reportEvent(u"r-5"_s, u"hh-f"_s, u"update-group"_s, {{u"phone"_s, u"+254 700 000009"_s}},
                         u"2026-11-08T09:00:00.000Z"_s, u"enum-3"_s)}));
        ExportRequest request;
        request.what = ExportWhat::Summary;
        const QString path = outPath(u"summary-review.pdf"_s);
        QVERIFY(exportPdf(own.ledger(), request, path));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"Approved: 1 (20%)"_s), qPrintable(text));
        QVERIFY(text.contains(u"Flagged: 1 (20%)"_s));
        QVERIFY(text.contains(u"Rejected: 1 (20%)"_s));
        QVERIFY(text.contains(u"Changed since review: 1 (20%)"_s));
        QVERIFY(text.contains(u"Never reviewed: 1 (20%)"_s));
        QVERIFY(!text.contains(u"no review decisions"_s));
    }

    void summary_filtered_countsOnlyTheVillage()
    {
        ExportRequest request;
        request.what = ExportWhat::Summary;
        request.summaryFilter.villages = {u"Mbale"_s};
        request.paper = PaperSize::Letter;
        const QString path = outPath(u"summary-mbale.pdf"_s);
        auto report = exportPdf(m_fixture->ledger(), request, path);
        QVERIFY(report);
        QCOMPARE(report->rows, quint64(2));
        const QString text = pdfText(path);
        QVERIFY(text.contains(u"in Mbale"_s));
        QVERIFY(QRegularExpression(u"Mbale\\s+2\\b"_s).match(text).hasMatch());
        QVERIFY(!QRegularExpression(u"Kalo\\s+\\d"_s).match(text).hasMatch());
        // The log's size and root are never split over two pages.
        const QString root = toHex(*m_fixture->ledger().rootAt(std::nullopt));
        bool together = false;
        for (const QString &page : text.split(u'\f')) {
            if (page.contains(root))
                together = page.contains(u"Log size"_s);
        }
        QVERIFY(together);
    }

    void cancelled_leavesNoFile()
    {
        ExportRequest request;
        request.what = ExportWhat::Household;
        request.entityGuid = u"hh-a"_s;
        request.progress = [](quint64, quint64) { return false; };
        const QString path = QDir(m_dir.path()).filePath(u"cancelled.pdf"_s);
        auto report = exportPdf(m_fixture->ledger(), request, path);
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Cancelled);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(u"cancelled"_s),
                 QStringList());
    }

    void withoutRenderer_pdfIsUnsupported()
    {
        SqlExportRecorder recorder(m_fixture->registry());
        Exporter exporter(m_fixture->ledger(), m_fixture->clock(), recorder);
        ExportRequest request;
        request.what = ExportWhat::Summary;
        request.format = ExportFormat::Pdf;
        auto report = exporter.exportToFile(request, QDir(m_dir.path()).filePath(u"none.pdf"_s));
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Unsupported);
    }
};

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
