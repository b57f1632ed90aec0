#pragma once

#include "core/common/result.h"
#include "core/exchange/summary.h"
#include "ui/reports/formlabels.h"

#include <QTimer>
#include <QWidget>

class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;

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
// stop arriving for that long the summary is computed again (about 0.1 s for 10,000
// households here, so on the GUI thread). Filters changes are debounced the same way.
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

public slots:
    // Recomputes the summary and redraws, now.
    void refresh();

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

    [[nodiscard]] QString areaName(const QString &village) const;

    core::Ledger &m_ledger;
    const FormLabels m_labels;
    core::RegistrySummary m_summary;
    QTimer m_debounce;
    bool m_updatingFilters = false;

    QCheckBox *m_fromEnabled = nullptr;
    QDateEdit *m_from = nullptr;
    QCheckBox *m_toEnabled = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_area = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_charts = nullptr;
    QList<QChartView *> m_views;
};

} // namespace fieldledger::ui
