#pragma once

#include "core/common/result.h"
#include "core/exchange/exporter.h"

#include <QDateTime>
#include <QDialog>
#include <QElapsedTimer>

#include <memory>
#include <optional>

class QPushButton;

namespace Ui {
class ExportDialog;
}

namespace fieldledger::core {
class Clock;
class Ledger;
} // namespace fieldledger::core

namespace fieldledger::ui {

class PdfReportRenderer;

// Exports from the app: what (households, individuals, events, entities, audit log, summary,
// the whole workbook, one household's profile), the formats it allows, the registry now or as
// it was at a moment, Excel-friendly CSV, paper for PDF, and where to save it.
//
// The export runs on the GUI thread in slices: between rows the exporter reports progress,
// and the dialog then updates its bar and lets the event loop run (every 25 ms at most), so
// the window stays responsive and Cancel works. It cannot run on a worker thread because the
// registry's one connection belongs to the GUI thread. Cancelling or a failure leaves no file
// and never touches an existing one (core::ExportFile); every export made is in the
// registry's export log.
class ExportDialog final : public QDialog {
    Q_OBJECT

public:
    // The ledger and the clock must outlive the dialog.
    ExportDialog(core::Ledger &ledger, const core::Clock &clock, QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setWhat(core::ExportWhat what);
    [[nodiscard]] core::ExportWhat what() const;
    // Ignored when `what` cannot be written in this format.
    void setFormat(core::ExportFormat format);
    [[nodiscard]] core::ExportFormat format() const;
    void setHouseholdGuid(const QString &guid);
    void setAsOf(const std::optional<QDateTime> &when);
    void setExcelFriendly(bool on);
    void setOutputPath(const QString &path);
    [[nodiscard]] QString outputPath() const;

    // The request the fields describe (without progress).
    [[nodiscard]] core::ExportRequest request() const;

    [[nodiscard]] bool isRunning() const { return m_running; }
    // The message under the progress bar: what happened to the last export.
    [[nodiscard]] QString statusText() const;
    // The outcome of the last export; empty before the first.
    [[nodiscard]] const std::optional<core::Result<core::ExportReport>> &lastResult() const { return m_last; }

public slots:
    // What the Export button does: checks the fields, then exports, returning when done.
    void startExport();
    // While an export runs: stops it (no file is left). Otherwise nothing.
    void cancelExport();

signals:
    // After a successful export.
    void exported(const QString &path, quint64 rows);

protected:
    void reject() override;

private:
    void whatChanged();
    void formatChanged();
    void pathEdited();
    void browse();
    void setRunning(bool running);
    void showStatus(const QString &text, bool problem);
    bool progress(quint64 done, quint64 total);

    core::Ledger &m_ledger;
    const core::Clock &m_clock;
    const std::unique_ptr<::Ui::ExportDialog> m_ui;
    const std::unique_ptr<PdfReportRenderer> m_renderer;
    QPushButton *m_exportButton = nullptr;
    QStringList m_householdColumns;
    QStringList m_memberColumns;
    bool m_running = false;
    bool m_cancelRequested = false;
    QElapsedTimer m_sincePump;
    std::optional<core::Result<core::ExportReport>> m_last;
};

} // namespace fieldledger::ui
