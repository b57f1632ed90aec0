#pragma once

#include "core/common/result.h"
#include "core/exchange/summary.h"
#include "ui/reports/formlabels.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <algorithm>

class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;

namespace fieldledger::core {
class Ledger;
struct LedgerChange;
} // namespace fieldledger::core

namespace fieldledger::ui {

// The registry at a glance (Qt Charts): registrations per day, per enumerator and per area
// (village), household sizes, and review progress, with filters by registration date and
// area. The numbers come from core::summarize(); this widget only draws them.
//
// It follows the ledger: every Ledger::changed() restarts a short timer, and when the events
// stop arriving for that long the summary is computed again. Filter changes are debounced the
// same way.
//
// The summary is computed on the GUI thread (the registry's one connection belongs to it). From
// the household rows it takes about half a second at 100,000 households of which 14,000 were
// reviewed (bench_export_100k), one statement that reports no progress; when the rows cannot
// answer (they are not current) it is read from the log, 3 s at that size, in slices: the
// summary reports progress, and once it has run longer than the busy delay the dashboard shows
// a busy line (a progress bar and Cancel) and lets the event loop run every 25 ms, so the window
// never freezes. A change of the ledger or of the filters meanwhile abandons the computation and
// starts it again after the debounce; Cancel keeps the charts as they were.
//
// Reading the log is a supervisor's or an administrator's right: for anyone else the
// dashboard says so instead of drawing charts.
class DashboardView final : public QWidget {
    Q_OBJECT

public:
    enum class Chart { PerDay, PerEnumerator, PerArea, HouseholdSizes, Review, Count };

    explicit DashboardView(core::Ledger &ledger, QWidget *parent = nullptr);
    ~DashboardView() override;
    Q_DISABLE_COPY_MOVE(DashboardView)

    [[nodiscard]] core::SummaryFilter filter() const;
    // Sets the filter widgets to `filter` and refreshes (after the debounce interval).
    void setFilter(const core::SummaryFilter &filter);

    // The summary the charts show; empty before the first refresh or after an error.
    [[nodiscard]] const core::RegistrySummary &summary() const { return m_summary; }
    // Why the charts are empty (permission, storage), or "" when they are not.
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] QChart *chart(Chart which) const;
    // The totals line over the charts.
    [[nodiscard]] QString totalsText() const;

    // How long changes and filter edits must settle before recomputing (default 400 ms).
    void setDebounceInterval(int milliseconds);
    [[nodiscard]] int debounceInterval() const { return m_debounce.interval(); }
    // How long a computation runs before the busy line shows (default 150 ms).
    void setBusyDelay(int milliseconds) { m_busyDelayMs = std::max(0, milliseconds); }

    // Whether a computation is running (the event loop may run meanwhile).
    [[nodiscard]] bool isBusy() const { return m_busy; }
    // The busy line's text ("Updating…", "Update cancelled…"), or "" when it is hidden.
    [[nodiscard]] QString statusText() const;

public slots:
    // Recomputes the summary and redraws, now. Called while a computation runs, it abandons that
    // one and starts again once it has unwound.
    void refresh();
    // Abandons the running computation; the charts keep the numbers they show.
    void cancel();

signals:
    // After every refresh, successful or not.
    void refreshed();

private:
    void buildUi();
    void scheduleRefresh();
    void ledgerChanged(const core::LedgerChange &change);
    void updateAreas();
    void updateDates();
    void updateCharts();
    void fromToggled(bool on);
    void toToggled(bool on);
    [[nodiscard]] bool progress(quint64 done, quint64 total);
    void showBusy(bool busy);

    [[nodiscard]] QString areaName(const QString &village) const;

    core::Ledger &m_ledger;
    const FormLabels m_labels;
    core::RegistrySummary m_summary;
    QTimer m_debounce;
    bool m_updatingFilters = false;
    int m_busyDelayMs = 150;
    bool m_busy = false;             // a computation runs
    bool m_cancelRequested = false;  // Cancel: stop and keep the charts
    bool m_restartRequested = false; // the ledger or the filters changed meanwhile: stop and redo
    QElapsedTimer m_running;
    QElapsedTimer m_sincePump;

    QCheckBox *m_fromEnabled = nullptr;
    QDateEdit *m_from = nullptr;
    QCheckBox *m_toEnabled = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_area = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_busyLine = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyProgress = nullptr;
    QPushButton *m_busyButton = nullptr;
    QWidget *m_charts = nullptr;
    QList<QChartView *> m_views;
};

} // namespace fieldledger::ui
