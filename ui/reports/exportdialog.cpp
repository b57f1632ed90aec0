#include "ui/reports/exportdialog.h"

#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/exchange/exportrecorder.h"
#include "core/forms/formdefinition.h"
#include "core/storage/registry.h"
#include "ui/reports/pdfreportrenderer.h"
#include "ui_exportdialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>

#include <climits>

using namespace Qt::StringLiterals;

// The default forms are compiled into this static library (see mainwindow.cpp).
static void registerExportDialogResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace fieldledger::ui {
namespace {

constexpr int kPumpEveryMs = 25;
constexpr int kProgressSteps = 1000;

const QList<core::ExportFormat> kFormats{core::ExportFormat::Pdf, core::ExportFormat::Xlsx,
                                         core::ExportFormat::Csv, core::ExportFormat::Jsonl};

QString suffixOf(core::ExportFormat format)
{
    return core::exportFormatName(format);
}

// The columns in the order of the household registration form: its own fields, and those of
// its members repeat.
void registrationColumns(QStringList &household, QStringList &member)
{
    registerExportDialogResources();
    auto form = core::FormDefinition::fromFile(u":/forms/household-registration.json"_s);
    if (!form)
        return;
    const auto &fields = form->allFields();
    for (const core::Field *field : fields) {
        if (!field->holdsValue())
            continue;
        if (field->scope == 0) {
            household.append(field->name);
        } else if (field->parent >= 0 && std::size_t(field->parent) < fields.size() &&
                   fields[std::size_t(field->parent)]->name == u"members") {
            member.append(field->name);
        }
    }
}

} // namespace

ExportDialog::ExportDialog(core::Ledger &ledger, const core::Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_ui(std::make_unique<::Ui::ExportDialog>())
    , m_renderer(std::make_unique<PdfReportRenderer>())
{
    m_ui->setupUi(this);
    registrationColumns(m_householdColumns, m_memberColumns);

    const QList<std::pair<core::ExportWhat, QString>> whats{
        {core::ExportWhat::Households, tr("Households (one row each)")},
        {core::ExportWhat::Individuals, tr("Individuals (one row per member)")},
        {core::ExportWhat::Audit, tr("Audit log (every change)")},
        {core::ExportWhat::Summary, tr("Summary report")},
        {core::ExportWhat::Household, tr("Household profile (one household)")},
        {core::ExportWhat::Workbook, tr("Workbook (households, individuals, audit log, summary)")},
        {core::ExportWhat::Events, tr("Events, as stored (backup, re-importable)")},
        {core::ExportWhat::Entities, tr("Entities (JSON)")},
    };
    for (const auto &[what, label] : whats)
        m_ui->whatCombo->addItem(label, int(what));
    m_ui->paperCombo->addItem(tr("A4"), int(core::PaperSize::A4));
    m_ui->paperCombo->addItem(tr("Letter"), int(core::PaperSize::Letter));
    m_ui->paperCombo->setCurrentIndex(
        m_ui->paperCombo->findData(int(core::defaultPaperSize(QLocale::system()))));
    m_ui->asOfEdit->setTimeSpec(Qt::UTC);
    m_ui->asOfEdit->setDateTime(m_clock.now().toUTC());
    m_ui->progressBar->hide();

    m_exportButton = m_ui->buttonBox->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_exportButton->setDefault(true);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_ui->whatCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::whatChanged);
    connect(m_ui->formatCombo, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_ui->asOfCheck, &QCheckBox::toggled, m_ui->asOfEdit, &QWidget::setEnabled);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_ui->pathEdit, &QLineEdit::editingFinished, this, &ExportDialog::pathEdited);
    whatChanged();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::setWhat(core::ExportWhat what)
{
    m_ui->whatCombo->setCurrentIndex(m_ui->whatCombo->findData(int(what)));
}

core::ExportWhat ExportDialog::what() const
{
    return core::ExportWhat(m_ui->whatCombo->currentData().toInt());
}

void ExportDialog::setFormat(core::ExportFormat format)
{
    const int index = m_ui->formatCombo->findData(int(format));
    if (index >= 0)
        m_ui->formatCombo->setCurrentIndex(index);
}

core::ExportFormat ExportDialog::format() const
{
    return core::ExportFormat(m_ui->formatCombo->currentData().toInt());
}

void ExportDialog::setHouseholdGuid(const QString &guid)
{
    m_ui->householdEdit->setText(guid);
}

void ExportDialog::setAsOf(const std::optional<QDateTime> &when)
{
    m_ui->asOfCheck->setChecked(when.has_value());
    if (when)
        m_ui->asOfEdit->setDateTime(when->toUTC());
}

void ExportDialog::setExcelFriendly(bool on)
{
    m_ui->excelCheck->setChecked(on);
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_ui->pathEdit->setText(path);
    pathEdited();
}

void ExportDialog::pathEdited()
{
    // A file name ending in a format this export can take chooses that format.
    const QString suffix = QFileInfo(outputPath()).suffix();
    for (int i = 0; i < m_ui->formatCombo->count(); ++i) {
        if (suffix.compare(suffixOf(core::ExportFormat(m_ui->formatCombo->itemData(i).toInt())),
                           Qt::CaseInsensitive) == 0) {
            m_ui->formatCombo->setCurrentIndex(i);
            return;
        }
    }
}

QString ExportDialog::outputPath() const
{
    return m_ui->pathEdit->text().trimmed();
}

QString ExportDialog::statusText() const
{
    return m_ui->statusLabel->text();
}

core::ExportRequest ExportDialog::request() const
{
    core::ExportRequest request;
    request.what = what();
    request.format = format();
    if (m_ui->asOfCheck->isChecked()) {
        const QDateTime when = m_ui->asOfEdit->dateTime().toUTC();
        request.atInstantNs = when.toMSecsSinceEpoch() * 1'000'000;
    }
    request.entityGuid = request.what == core::ExportWhat::Household ? m_ui->householdEdit->text().trimmed()
                                                                      : QString();
    request.excelFriendly = request.format == core::ExportFormat::Csv && m_ui->excelCheck->isChecked();
    request.paper = core::PaperSize(m_ui->paperCombo->currentData().toInt());
    request.householdColumns = m_householdColumns;
    request.individualColumns = m_memberColumns;
    return request;
}

void ExportDialog::whatChanged()
{
    const core::ExportWhat current = what();
    const QVariant previous = m_ui->formatCombo->currentData();
    {
        const QSignalBlocker blocker(m_ui->formatCombo);
        m_ui->formatCombo->clear();
        for (const core::ExportFormat format : kFormats) {
            if (!core::checkExportCombination(current, format))
                continue;
            QString label;
            switch (format) {
            case core::ExportFormat::Csv:
                label = tr("CSV (comma-separated text)");
                break;
            case core::ExportFormat::Xlsx:
                label = tr("Excel workbook (XLSX)");
                break;
            case core::ExportFormat::Jsonl:
                label = tr("JSON Lines");
                break;
            case core::ExportFormat::Pdf:
                label = tr("PDF report");
                break;
            }
            m_ui->formatCombo->addItem(label, int(format));
        }
        const int keep = m_ui->formatCombo->findData(previous);
        m_ui->formatCombo->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    const bool household = current == core::ExportWhat::Household;
    m_ui->formLayout->setRowVisible(m_ui->householdEdit, household);
    formatChanged();
}

void ExportDialog::formatChanged()
{
    const core::ExportFormat current = format();
    m_ui->formLayout->setRowVisible(m_ui->excelCheck, current == core::ExportFormat::Csv);
    m_ui->formLayout->setRowVisible(m_ui->paperCombo, current == core::ExportFormat::Pdf);

    // The file name follows the format; an empty path gets a name in the documents folder.
    const QString suffix = suffixOf(current);
    QString path = outputPath();
    if (path.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString name = u"%1-%2.%3"_s.arg(core::exportWhatName(what()),
                                               m_clock.now().toUTC().date().toString(Qt::ISODate), suffix);
        path = QDir(folder).filePath(name);
    } else {
        const QFileInfo info(path);
        for (const core::ExportFormat format : kFormats) {
            if (info.suffix().compare(suffixOf(format), Qt::CaseInsensitive) == 0) {
                path = path.left(path.size() - info.suffix().size()) + suffix;
                break;
            }
        }
    }
    m_ui->pathEdit->setText(QDir::toNativeSeparators(path));
    adjustSize();
}

void ExportDialog::browse()
{
    const QString suffix = suffixOf(format());
    const QString chosen =
        QFileDialog::getSaveFileName(this, tr("Export to"), outputPath(), tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (!chosen.isEmpty())
        setOutputPath(QDir::toNativeSeparators(chosen));
}

void ExportDialog::setRunning(bool running)
{
    m_running = running;
    for (QWidget *input : {static_cast<QWidget *>(m_ui->whatCombo), static_cast<QWidget *>(m_ui->householdEdit),
                           static_cast<QWidget *>(m_ui->formatCombo), static_cast<QWidget *>(m_ui->asOfCheck),
                           static_cast<QWidget *>(m_ui->excelCheck), static_cast<QWidget *>(m_ui->paperCombo),
                           static_cast<QWidget *>(m_ui->pathEdit), static_cast<QWidget *>(m_ui->browseButton)})
        input->setEnabled(!running);
    m_ui->asOfEdit->setEnabled(!running && m_ui->asOfCheck->isChecked());
    m_exportButton->setEnabled(!running);
    if (QPushButton *close = m_ui->buttonBox->button(QDialogButtonBox::Close))
        close->setText(running ? tr("&Cancel") : tr("&Close"));
    m_ui->progressBar->setVisible(running);
    if (running) {
        m_ui->progressBar->setRange(0, 0); // busy until the total is known
        m_ui->progressBar->setValue(0);
    }
}

void ExportDialog::showStatus(const QString &text, bool problem)
{
    m_ui->statusLabel->setText(text);
    QPalette palette = m_ui->statusLabel->palette();
    palette.setColor(QPalette::WindowText,
                     problem ? QColor(0xb0, 0x3a, 0x2e) : this->palette().color(QPalette::WindowText));
    m_ui->statusLabel->setPalette(palette);
}

bool ExportDialog::progress(quint64 done, quint64 total)
{
    if (total > 0) {
        m_ui->progressBar->setRange(0, kProgressSteps);
        m_ui->progressBar->setValue(int(std::min<quint64>(done, total) * kProgressSteps / total));
    }
    // Let the window repaint and the Cancel button work, now and then.
    if (!m_sincePump.isValid() || m_sincePump.elapsed() >= kPumpEveryMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, kPumpEveryMs);
        m_sincePump.start();
    }
    return !m_cancelRequested;
}

void ExportDialog::startExport()
{
    if (m_running)
        return;
    const QString path = outputPath();
    if (path.isEmpty()) {
        showStatus(tr("Choose where to save the export."), true);
        m_ui->pathEdit->setFocus();
        return;
    }
    core::ExportRequest request = this->request();
    if (request.what == core::ExportWhat::Household && request.entityGuid.isEmpty()) {
        showStatus(tr("Enter the ID of the household to print."), true);
        m_ui->householdEdit->setFocus();
        return;
    }
    request.progress = [this](quint64 done, quint64 total) { return progress(done, total); };

    m_cancelRequested = false;
    m_sincePump.invalidate();
    setRunning(true);
    showStatus(tr("Exporting…"), false);
    core::SqlExportRecorder recorder(m_ledger.registry());
    core::Exporter exporter(m_ledger, m_clock, recorder);
    exporter.setReportRenderer(m_renderer.get());
    m_last = exporter.exportToFile(request, path);
    setRunning(false);

    const QString shown = QDir::toNativeSeparators(path);
    if (*m_last) {
        const quint64 rows = (*m_last)->rows;
        if (request.format == core::ExportFormat::Pdf)
            showStatus(tr("Saved the report to %1.").arg(shown), false);
        else
            showStatus(tr("Exported %n rows to %1.", nullptr, int(std::min<quint64>(rows, INT_MAX))).arg(shown),
                       false);
        emit exported(path, rows);
        return;
    }
    const core::Error &error = m_last->error();
    switch (error.code) {
    case core::ErrorCode::Cancelled:
        showStatus(tr("Export cancelled. No file was written, and an existing file was left as it was."), false);
        break;
    case core::ErrorCode::PermissionDenied:
        showStatus(tr("Exports are for supervisors and administrators: nothing was written."), true);
        break;
    default:
        showStatus(tr("The export failed: %1. No file was written.").arg(error.message), true);
        break;
    }
}

void ExportDialog::cancelExport()
{
    if (m_running)
        m_cancelRequested = true;
}

void ExportDialog::reject()
{
    // Escape, the window's close button and Cancel stop a running export; the dialog stays
    // open to say so.
    if (m_running) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

} // namespace fieldledger::ui
