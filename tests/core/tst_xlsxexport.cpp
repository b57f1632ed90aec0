// XLSX exports (core/exchange): the package read back with unzip — typed cells (inline strings,
// numbers, booleans, dates with a date format), never a formula, frozen header row, autofilter,
// column widths, the four sheets of the workbook, Excel's cell limit, temporary files kept in
// the destination folder and unlinked, cancel.
#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/events/timestamp.h"
#include "core/exchange/exporter.h"
#include "core/exchange/exportrecorder.h"
#include "core/storage/registry.h"
#include "exportfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

using namespace fieldledger::testing::exports;

namespace {
// One cell of a sheet as the package holds it.
struct XmlCell {
    QString type;  // the t attribute: "inlineStr", "s", "b", "str", "" for a number
    QString style; // the s attribute
    QString value; // <v> or the inline string's text
    bool formula = false;
};

struct Sheet {
    QHash<QString, XmlCell> cells; // by reference, "A1"
    QString paneState;
    QString paneYSplit;
    QString autoFilter;
    int customWidths = 0;
    int formulas = 0;
    QString error;
};

QString columnName(int index)
{
    QString name;
    for (int n = index + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

QByteArray unzipPart(const QString &xlsx, const QString &part)
{
    QProcess unzip;
    unzip.start(u"unzip"_s, {u"-p"_s, xlsx, part});
    if (!unzip.waitForFinished(20000) || unzip.exitCode() != 0)
        return {};
    return unzip.readAllStandardOutput();
}

// OOXML writes characters XML cannot hold literally (CR, control characters) as _xHHHH_.
QString decodeEscapes(const QString &text)
{
    static const QRegularExpression escape(u"_x([0-9A-Fa-f]{4})_"_s);
    QString decoded;
    qsizetype from = 0;
    for (auto it = escape.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        decoded += QStringView(text).mid(from, match.capturedStart() - from);
        decoded += QChar(char16_t(match.captured(1).toUShort(nullptr, 16)));
        from = match.capturedEnd();
    }
    return decoded + QStringView(text).mid(from);
}

Sheet readSheet(const QByteArray &xml)
{
    Sheet sheet;
    QXmlStreamReader reader(xml);
    QString ref;
    XmlCell cell;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            const auto name = reader.name();
            const auto attributes = reader.attributes();
            if (name == u"pane") {
                sheet.paneState = attributes.value(u"state"_s).toString();
                sheet.paneYSplit = attributes.value(u"ySplit"_s).toString();
            } else if (name == u"autoFilter") {
                sheet.autoFilter = attributes.value(u"ref"_s).toString();
            } else if (name == u"col") {
                sheet.customWidths += attributes.value(u"customWidth"_s) == u"1" ? 1 : 0;
            } else if (name == u"c") {
                ref = attributes.value(u"r"_s).toString();
                cell = XmlCell{
                    attributes.value(u"t"_s).toString(), attributes.value(u"s"_s).toString(), {}, false};
            } else if (name == u"f") {
                cell.formula = true;
                ++sheet.formulas;
            } else if (name == u"v" || name == u"t") {
                cell.value = decodeEscapes(reader.readElementText());
                if (!ref.isEmpty())
                    sheet.cells.insert(ref, cell);
            }
        } else if (reader.isEndElement() && reader.name() == u"c") {
            if (!sheet.cells.contains(ref))
                sheet.cells.insert(ref, cell);
            ref.clear();
        }
    }
    if (reader.hasError())
        sheet.error = reader.errorString();
    return sheet;
}

// The cells of the header row, by column name.
QHash<QString, QString> headerColumns(const Sheet &sheet)
{
    QHash<QString, QString> columns;
    for (int i = 0; i < 200; ++i) {
        const QString ref = columnName(i) + u"1"_s;
        if (!sheet.cells.contains(ref))
            break;
        columns.insert(sheet.cells.value(ref).value, columnName(i));
    }
    return columns;
}

double excelSerial(const QDateTime &utc)
{
    const qint64 days = QDate(1899, 12, 30).daysTo(utc.date());
    return double(days) + double(utc.time().msecsSinceStartOfDay()) / 86'400'000.0;
}

// Open file descriptors of this process that point at deleted files.
QStringList deletedOpenFiles()
{
    QStringList files;
    const QDir fds(u"/proc/self/fd"_s);
    for (const QString &fd : fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(fds.filePath(fd));
        if (target.endsWith(u" (deleted)"_s))
            files.append(target);
    }
    return files;
}

QStringList folderEntries(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestXlsxExport final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Fixture> m_fixture;
    QTemporaryDir m_out;

    Fixture &f() { return *m_fixture; }

    Result<ExportReport> exportXlsx(ExportRequest request, const QString &path)
    {
        request.format = ExportFormat::Xlsx;
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        return exporter.exportToFile(request, path);
    }

    QString outPath(const QString &name) const { return QDir(m_out.path()).filePath(name); }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<Fixture>();
        std::vector<Command> commands = sampleCommands();
        // One value longer than an Excel cell may be.
        commands.push_back(command(u"create-group"_s, u"hh-4"_s,
                                   {{u"name"_s, u"Long"_s}, {u"notes"_s, QString(40000, u'x')}},
                                   u"2026-11-14T08:00:00.000Z"_s));
        auto report = f().ledger().submitBatch(commands);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    }
    void cleanupTestCase() { m_fixture.reset(); }
    void cleanup()
    {
        for (const QString &name : folderEntries(m_out.path()))
            QFile::remove(outPath(name));
    }

    void households_cellsAreTyped_neverFormulas()
    {
        const QString path = outPath(u"households.xlsx"_s);
        ExportRequest request;
        request.householdColumns = {u"name"_s};
        auto report = exportXlsx(request, path);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->rows, quint64(4));
        QCOMPARE(report->truncatedCells, quint64(1));
        const QByteArray xml = unzipPart(path, u"xl/worksheets/sheet1.xml"_s);
        QVERIFY(!xml.isEmpty());
        const Sheet sheet = readSheet(xml);
        QVERIFY2(sheet.error.isEmpty(), qPrintable(sheet.error));
        QCOMPARE(sheet.formulas, 0);
        QVERIFY(!xml.contains("<f>"));

        const auto columns = headerColumns(sheet);
        QCOMPARE(sheet.cells.value(u"A1"_s).value, u"guid"_s);
        QCOMPARE(sheet.cells.value(u"B1"_s).value, u"name"_s); // the form's column first
        QCOMPARE(sheet.cells.value(u"A1"_s).type, u"inlineStr"_s);
        auto cell = [&](const QString &column, int row) {
            return sheet.cells.value(columns.value(column) + QString::number(row));
        };
        // Rows 2..5 are hh-1..hh-4, sorted by guid.
        QCOMPARE(cell(u"guid"_s, 2).value, u"hh-1"_s);
        QCOMPARE(cell(u"income"_s, 2).type, QString()); // a number
        QCOMPARE(cell(u"income"_s, 2).value, u"2000"_s);
        QCOMPARE(cell(u"memberCount"_s, 2).type, QString());
        QCOMPARE(cell(u"memberCount"_s, 2).value, u"2"_s);
        QCOMPARE(cell(u"version"_s, 2).value, u"2"_s);
        QCOMPARE(cell(u"name"_s, 2).value, u"Smith, \"Jr\""_s);
        QCOMPARE(cell(u"notes"_s, 2).value, u"line one\nline two\r\nline three"_s);
        QCOMPARE(cell(u"name"_s, 3).value, u"بيت العائلة"_s);
        QCOMPARE(cell(u"registered"_s, 4).type, u"b"_s);
        QCOMPARE(cell(u"registered"_s, 4).value, u"1"_s);
        // Text that a spreadsheet would run is kept as a text cell, exactly.
        for (const auto &[column, text] :
             {std::pair{u"comment"_s, u"-2+3"_s}, std::pair{u"handle"_s, u"@SUM(A1)"_s}}) {
            QCOMPARE(cell(column, 3).type, u"inlineStr"_s);
            QCOMPARE(cell(column, 3).value, text);
            QVERIFY(!cell(column, 3).formula);
        }
        // lastUpdated is a date: a serial number with a date format.
        const XmlCell updated = cell(u"lastUpdated"_s, 2);
        QCOMPARE(updated.type, QString());
        QVERIFY(!updated.style.isEmpty() && updated.style != u"0");
        const double expected = excelSerial(QDateTime(QDate(2026, 11, 10), QTime(8, 0), QTimeZone::utc()));
        QVERIFY2(qAbs(updated.value.toDouble() - expected) < 1e-6, qPrintable(updated.value));
        // Excel's limit: 32,767 characters, the last one an ellipsis.
        const XmlCell longNotes = cell(u"notes"_s, 5);
        QCOMPARE(longNotes.value.size(), 32767);
        QVERIFY(longNotes.value.endsWith(u'…'));

        QCOMPARE(sheet.paneState, u"frozen"_s);
        QCOMPARE(sheet.paneYSplit, u"1"_s);
        QCOMPARE(sheet.autoFilter, u"A1:%1%2"_s.arg(columnName(int(columns.size()) - 1)).arg(5));
        QCOMPARE(sheet.customWidths, int(columns.size()));

        const QByteArray styles = unzipPart(path, u"xl/styles.xml"_s);
        QVERIFY(styles.contains("yyyy-mm-dd hh:mm:ss.000"));
    }

    void individuals_dateOfBirthIsADate()
    {
        const QString path = outPath(u"individuals.xlsx"_s);
        ExportRequest request;
        request.what = ExportWhat::Individuals;
        auto report = exportXlsx(request, path);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        const Sheet sheet = readSheet(unzipPart(path, u"xl/worksheets/sheet1.xml"_s));
        const auto columns = headerColumns(sheet);
        // hh-1/p-1, hh-1/p-2, hh-2/p-3, hh-3/p-5
        const XmlCell dob = sheet.cells.value(columns.value(u"dob"_s) + u"4"_s);
        QCOMPARE(dob.type, QString());
        QCOMPARE(dob.value.toDouble(), double(QDate(1899, 12, 30).daysTo(QDate(1990, 5, 1))));
        const XmlCell age = sheet.cells.value(columns.value(u"age"_s) + u"3"_s);
        QCOMPARE(age.value, u"36.5"_s);
        const XmlCell name = sheet.cells.value(columns.value(u"name"_s) + u"3"_s);
        QCOMPARE(name.type, u"inlineStr"_s);
        QVERIFY(name.value.startsWith(u"=HYPERLINK("_s));
        QVERIFY(!name.formula);
        QCOMPARE(sheet.formulas, 0);
    }

    void workbook_hasFourSheets()
    {
        const QString path = outPath(u"registry.xlsx"_s);
        ExportRequest request;
        request.what = ExportWhat::Workbook;
        auto report = exportXlsx(request, path);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        const QByteArray workbook = unzipPart(path, u"xl/workbook.xml"_s);
        const qsizetype households = workbook.indexOf("name=\"Households\"");
        const qsizetype individuals = workbook.indexOf("name=\"Individuals\"");
        const qsizetype audit = workbook.indexOf("name=\"Audit log\"");
        const qsizetype summary = workbook.indexOf("name=\"Summary\"");
        QVERIFY(households >= 0 && households < individuals && individuals < audit && audit < summary);

        const Sheet auditSheet = readSheet(unzipPart(path, u"xl/worksheets/sheet3.xml"_s));
        const auto auditColumns = headerColumns(auditSheet);
        QCOMPARE(auditColumns.size(), 11);
        const XmlCell when = auditSheet.cells.value(auditColumns.value(u"timestamp"_s) + u"2"_s);
        QCOMPARE(when.type, QString());
        QVERIFY(!when.style.isEmpty());
        QCOMPARE(auditSheet.paneState, u"frozen"_s);
        QVERIFY(!auditSheet.autoFilter.isEmpty());

        const Sheet summarySheet = readSheet(unzipPart(path, u"xl/worksheets/sheet4.xml"_s));
        QCOMPARE(summarySheet.cells.value(u"A2"_s).value, u"total"_s);
        QCOMPARE(summarySheet.cells.value(u"B2"_s).value, u"households"_s);
        QCOMPARE(summarySheet.cells.value(u"C2"_s).type, QString());
        QCOMPARE(summarySheet.cells.value(u"C2"_s).value, u"4"_s);
    }

    void temporaryFiles_stayInTheDestinationFolder_unlinked()
    {
        const QString path = outPath(u"households.xlsx"_s);
        const QString folder = QFileInfo(path).absolutePath();
        QStringList seenEntries;
        QStringList seenDeleted;
        ExportRequest request;
        request.progress = [&](quint64, quint64) {
            seenEntries = folderEntries(folder);
            seenDeleted = deletedOpenFiles();
            return true;
        };
        auto report = exportXlsx(request, path);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        // While writing: our own hidden .part file and nothing else with a name.
        QCOMPARE(seenEntries.size(), 1);
        QVERIFY(seenEntries.first().startsWith(u".households.xlsx."_s));
        QVERIFY(seenEntries.first().endsWith(u".part"_s));
        // libxlsxwriter's temporary files: in the destination folder, already unlinked.
        QStringList inFolder = seenDeleted.filter(folder + u"/"_s);
        QVERIFY2(!inFolder.isEmpty(), qPrintable(seenDeleted.join(u", "_s)));
        // Afterwards: the workbook only, and every temporary file closed.
        QCOMPARE(folderEntries(folder), QStringList{u"households.xlsx"_s});
        QCOMPARE(deletedOpenFiles().filter(folder + u"/"_s), QStringList());
    }

    void cancel_leavesNoFile_andExistingFileUntouched()
    {
        const QString path = outPath(u"households.xlsx"_s);
        {
            QFile existing(path);
            QVERIFY(existing.open(QIODevice::WriteOnly));
            existing.write("precious");
        }
        ExportRequest request;
        request.what = ExportWhat::Workbook;
        int calls = 0;
        request.progress = [&](quint64, quint64) { return ++calls < 3; };
        auto report = exportXlsx(request, path);
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Cancelled);
        QCOMPARE(calls, 3);
        QFile existing(path);
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("precious"));
        QCOMPARE(folderEntries(m_out.path()), QStringList{u"households.xlsx"_s});
        QCOMPARE(deletedOpenFiles().filter(m_out.path() + u"/"_s), QStringList());
    }

    void asOf_showsValuesOfThatInstant()
    {
        const QString path = outPath(u"asof.xlsx"_s);
        ExportRequest request;
        auto at = Timestamp::parseInstantNs(u"2026-11-05T00:00:00Z"_s);
        QVERIFY(at);
        request.atInstantNs = *at;
        auto report = exportXlsx(request, path);
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->rows, quint64(3));
        const Sheet sheet = readSheet(unzipPart(path, u"xl/worksheets/sheet1.xml"_s));
        const auto columns = headerColumns(sheet);
        QCOMPARE(sheet.cells.value(columns.value(u"income"_s) + u"2"_s).value, u"1234.5"_s);
        QCOMPARE(sheet.cells.value(columns.value(u"village"_s) + u"2"_s).value, u"Kalo"_s);
    }

    void xlsxToADevice_isRefused()
    {
        ExportRequest request;
        request.format = ExportFormat::Xlsx;
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        QFile sink;
        auto result = exporter.exportToDevice(request, sink);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestXlsxExport)
#include "tst_xlsxexport.moc"
