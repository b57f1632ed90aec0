// ExportDialog (ui/reports/exportdialog.h), headless: a CSV of the households written with the
// right rows and recorded; Cancel (the button, while the export runs) leaves no file and an
// existing one untouched; the window keeps processing events during an export; formats follow
// what is exported; refusals explain themselves.
//
// Set FIELDLEDGER_REPORT_DIR to keep a screenshot of the dialog.
#include "core/exchange/exportrecorder.h"
#include "core/ledgerfixture.h"
#include "core/reportfixture.h"
#include "ui/reports/exportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using namespace fieldledger::testing;
using namespace fieldledger::testing::reports;
using fieldledger::ui::ExportDialog;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList folderEntries(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

std::size_t exportRecords(Registry &registry)
{
    auto records = exportLog(registry);
    return records ? records->size() : std::size_t(-1);
}

QPushButton *cancelButton(ExportDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close);
}

} // namespace

class TestExportDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void csvHouseholds_writesTheRowsAndRecordsTheExport()
    {
        LedgerFixture f;
        importReportSample(f.ledger());
        QTemporaryDir dir;
        ExportDialog dialog(f.ledger(), f.clock());
        QSignalSpy exported(&dialog, &ExportDialog::exported);
        dialog.setWhat(ExportWhat::Households);
        dialog.setFormat(ExportFormat::Csv);
        const QString path = dir.filePath(u"households.csv"_s);
        dialog.setOutputPath(path);
        dialog.startExport();

        QVERIFY(dialog.lastResult().has_value());
        QVERIFY2(*dialog.lastResult(), qPrintable(dialog.statusText()));
        const QList<QByteArray> lines = readAll(path).split('\n');
        QCOMPARE(lines.size(), 7); // header, five households, nothing after the last CRLF
        // Columns follow the household registration form, whether a household has the field or not.
        QVERIFY2(lines.first().startsWith("guid,name,region,district,village,gps,phone,"), lines.first().constData());
        QVERIFY(dialog.statusText().contains(u"5 rows"_s));
        QCOMPARE(exported.count(), 1);
        QCOMPARE(exported.first().at(1).toULongLong(), quint64(5));
        QCOMPARE(exportRecords(f.registry()), std::size_t(1));
        QVERIFY(!dialog.isRunning());
    }

    void cancel_whileRunning_leavesNoFileAndTheOldOneUntouched()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().importEvents(generatedHouseholds(1500)));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.csv"_s);
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("yesterday's export\n");
        }
        const QStringList before = folderEntries(dir.path());
        ExportDialog dialog(f.ledger(), f.clock());
        dialog.setWhat(ExportWhat::Audit);
        dialog.setFormat(ExportFormat::Csv);
        dialog.setOutputPath(path);
        dialog.show();
        bool wasRunning = false;
        QString buttonText;
        // Clicked from the event loop the export lets run between its rows.
        QTimer::singleShot(0, &dialog, [&]() {
            wasRunning = dialog.isRunning();
            buttonText = cancelButton(dialog)->text();
            QTest::mouseClick(cancelButton(dialog), Qt::LeftButton);
        });
        dialog.startExport();

        QVERIFY(wasRunning);
        QCOMPARE(buttonText, u"&Cancel"_s);
        QVERIFY(dialog.lastResult().has_value());
        QVERIFY(!*dialog.lastResult());
        QCOMPARE(dialog.lastResult()->error().code, ErrorCode::Cancelled);
        QVERIFY(dialog.statusText().contains(u"cancelled"_s));
        QCOMPARE(readAll(path), QByteArray("yesterday's export\n"));
        QCOMPARE(folderEntries(dir.path()), before);
        QCOMPARE(exportRecords(f.registry()), std::size_t(0));
        // The dialog stayed open, and its button closes it again.
        QVERIFY(dialog.isVisible());
        QCOMPARE(cancelButton(dialog)->text(), u"&Close"_s);
    }

    void running_keepsTheEventLoopTurning()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().importEvents(generatedHouseholds(1500)));
        QTemporaryDir dir;
        ExportDialog dialog(f.ledger(), f.clock());
        dialog.setWhat(ExportWhat::Individuals);
        dialog.setFormat(ExportFormat::Xlsx);
        dialog.setOutputPath(dir.filePath(u"members.xlsx"_s));
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, &ticker, [&ticks]() { ++ticks; });
        ticker.start(0);
        dialog.startExport();
        ticker.stop();
        QVERIFY2(*dialog.lastResult(), qPrintable(dialog.statusText()));
        QVERIFY(ticks > 0);
        QVERIFY(QFile::exists(dir.filePath(u"members.xlsx"_s)));
    }

    void formats_followWhatIsExported_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<QStringList>("formats");
        QTest::addColumn<bool>("householdRow");
        QTest::newRow("households") << int(ExportWhat::Households) << QStringList{u"xlsx"_s, u"csv"_s} << false;
        QTest::newRow("events") << int(ExportWhat::Events) << QStringList{u"jsonl"_s} << false;
        QTest::newRow("summary") << int(ExportWhat::Summary)
                                 << QStringList{u"pdf"_s, u"xlsx"_s, u"csv"_s, u"jsonl"_s} << false;
        QTest::newRow("household profile") << int(ExportWhat::Household) << QStringList{u"pdf"_s} << true;
        QTest::newRow("workbook") << int(ExportWhat::Workbook) << QStringList{u"xlsx"_s} << false;
    }
    void formats_followWhatIsExported()
    {
        QFETCH(int, what);
        QFETCH(QStringList, formats);
        QFETCH(bool, householdRow);
        LedgerFixture f;
        ExportDialog dialog(f.ledger(), f.clock());
        dialog.setOutputPath(u"/tmp/out/report.csv"_s);
        dialog.setWhat(ExportWhat(what));
        auto *format = dialog.findChild<QComboBox *>(u"formatCombo"_s);
        QStringList offered;
        for (int i = 0; i < format->count(); ++i)
            offered.append(exportFormatName(ExportFormat(format->itemData(i).toInt())));
        QCOMPARE(offered, formats);
        // The file name's suffix follows the format chosen.
        QCOMPARE(dialog.outputPath(),
                 QDir::toNativeSeparators(u"/tmp/out/report."_s + exportFormatName(dialog.format())));
        dialog.setFormat(ExportFormat(format->itemData(format->count() - 1).toInt()));
        QCOMPARE(dialog.outputPath(), QDir::toNativeSeparators(u"/tmp/out/report."_s + formats.last()));
        dialog.show();
        QCOMPARE(dialog.findChild<QLineEdit *>(u"householdEdit"_s)->isVisible(), householdRow);
    }

    void householdProfile_writesAPdf()
    {
        LedgerFixture f;
        importReportSample(f.ledger());
        QTemporaryDir dir;
        ExportDialog dialog(f.ledger(), f.clock());
        dialog.setWhat(ExportWhat::Household);
        dialog.setOutputPath(dir.filePath(u"hh-a.pdf"_s));
        dialog.startExport();
        QVERIFY(!dialog.lastResult().has_value()); // no household given yet: nothing ran
        QVERIFY(dialog.statusText().contains(u"household"_s));
        QCOMPARE(folderEntries(dir.path()), QStringList());

        dialog.setHouseholdGuid(u"hh-a"_s);
        dialog.startExport();
        QVERIFY2(*dialog.lastResult(), qPrintable(dialog.statusText()));
        QVERIFY(readAll(dir.filePath(u"hh-a.pdf"_s)).startsWith("%PDF"));
        QVERIFY(dialog.statusText().contains(u"Saved the report"_s));

        const QString keep = qEnvironmentVariable("FIELDLEDGER_REPORT_DIR");
        if (!keep.isEmpty()) {
            dialog.show();
            QVERIFY(dialog.grab().save(QDir(keep).filePath(u"exportdialog.png"_s)));
        }
    }

    void enumerator_isToldExportsAreNotTheirs()
    {
        LedgerFixture f;
        importReportSample(f.ledger());
        QVERIFY(f.registry().addUser({u"enum-1"_s, u"Enumerator"_s, Role::Enumerator, true},
                                     secret("enum passphrase")));
        f.reopenAs(u"enum-1"_s, "enum passphrase");
        QTemporaryDir dir;
        ExportDialog dialog(f.ledger(), f.clock());
        dialog.setWhat(ExportWhat::Households);
        dialog.setOutputPath(dir.filePath(u"h.xlsx"_s));
        dialog.startExport();
        QCOMPARE(dialog.lastResult()->error().code, ErrorCode::PermissionDenied);
        QVERIFY(dialog.statusText().contains(u"supervisors"_s));
        QCOMPARE(folderEntries(dir.path()), QStringList());
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
