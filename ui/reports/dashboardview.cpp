#include "ui/reports/dashboardview.h"

#include "core/domain/ledger.h"
#include "ui/reports/chartpainter.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeAxis>
#include <QEventLoop>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QPieSeries>
#include <QPieSlice>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTimeZone>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

constexpr int kDefaultDebounceMs = 400;
constexpr int kPumpEveryMs = 25;       // the event loop runs at least this often during a long summary
constexpr int kProgressSteps = 1000;   // the busy line's bar
constexpr qsizetype kMostBars = 12;    // per enumerator and per area; the rest are summed up
constexpr qsizetype kMostColumns = 45; // days drawn as columns; more are drawn as a line

const QList<QColor> kColors{QColor(0x1f, 0x6f, 0xb2), QColor(0x2e, 0x8b, 0x57), QColor(0xd9, 0x8c, 0x1f),
                            QColor(0x8e, 0x44, 0xad), QColor(0x9a, 0xa5, 0xb1)};

struct Bar {
    QString label;
    qint64 value = 0;
};

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QValueAxis *countAxis(qint64 largest)
{
    auto *axis = new QValueAxis;
    const qint64 step = niceTickStep(std::max<qint64>(largest, 1), 4);
    const qint64 top = std::max<qint64>(step, (largest + step - 1) / step * step);
    axis->setRange(0, double(top));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(double(step));
    axis->setLabelFormat(u"%d"_s);
    return axis;
}

// Columns (or, horizontal, bars from the left) with their categories.
void showBars(QChart *chart, const QList<Bar> &bars, bool horizontal, const QColor &color)
{
    clearChart(chart);
    auto *set = new QBarSet(QString());
    set->setColor(color);
    set->setBorderColor(color);
    set->setLabelColor(QColor(0x33, 0x33, 0x33));
    QStringList categories;
    qint64 largest = 0;
    for (const Bar &bar : bars) {
        set->append(double(bar.value));
        categories.append(bar.label);
        largest = std::max(largest, bar.value);
    }
    QAbstractBarSeries *series = horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                            : static_cast<QAbstractBarSeries *>(new QBarSeries);
    series->append(set);
    series->setBarWidth(0.75);
    series->setLabelsVisible(bars.size() <= 20);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(u"@value"_s);
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    // Small enough for a dozen names in a quarter of the window, and never cut to "...".
    QFont labels = categoryAxis->labelsFont();
    labels.setPointSizeF(std::min<qreal>(labels.pointSizeF(), 8));
    categoryAxis->setLabelsFont(labels);
    categoryAxis->setTruncateLabels(false);
    if (!horizontal && categories.size() > 16)
        categoryAxis->setLabelsAngle(-90);
    QValueAxis *values = countAxis(largest);
    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(values);
}

// The largest `kMostBars` (largest on top for horizontal bars), the rest summed as one. `shown`
// words a key.
QList<Bar> topBars(const QMap<QString, qint64> &counts, const std::function<QString(const QString &)> &shown,
                   const QString &othersLabel)
{
    QList<Bar> bars;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        bars.append({shown(it.key()), it.value()});
    std::stable_sort(bars.begin(), bars.end(), [](const Bar &a, const Bar &b) { return a.value > b.value; });
    if (bars.size() > kMostBars) {
        qint64 rest = 0;
        for (qsizetype i = kMostBars - 1; i < bars.size(); ++i)
            rest += bars[i].value;
        const qsizetype others = bars.size() - (kMostBars - 1);
        bars.resize(kMostBars - 1);
        bars.append({othersLabel.arg(others), rest});
    }
    std::reverse(bars.begin(), bars.end()); // a horizontal bar series draws its first category lowest
    return bars;
}

QChart *makeChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    return chart;
}

} // namespace

DashboardView::DashboardView(core::Ledger &ledger, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_labels(FormLabels::forCurrentLanguage())
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDefaultDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &DashboardView::refresh);
    connect(&m_ledger, &core::Ledger::changed, this, &DashboardView::ledgerChanged);
    buildUi();
    refresh();
}

DashboardView::~DashboardView() = default;

void DashboardView::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *filters = new QHBoxLayout;
    m_fromEnabled = new QCheckBox(tr("&From"), this);
    m_from = new QDateEdit(this);
    m_toEnabled = new QCheckBox(tr("&To"), this);
    m_to = new QDateEdit(this);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        edit->setEnabled(false);
    }
    m_from->setToolTip(tr("Count only households registered on or after this day (UTC)"));
    m_to->setToolTip(tr("Count only households registered on or before this day (UTC)"));
    auto *areaLabel = new QLabel(tr("&Area"), this);
    m_area = new QComboBox(this);
    m_area->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_area->addItem(tr("All areas"));
    areaLabel->setBuddy(m_area);
    filters->addWidget(m_fromEnabled);
    filters->addWidget(m_from);
    filters->addSpacing(12);
    filters->addWidget(m_toEnabled);
    filters->addWidget(m_to);
    filters->addSpacing(12);
    filters->addWidget(areaLabel);
    filters->addWidget(m_area);
    filters->addStretch(1);
    layout->addLayout(filters);

    m_totals = new QLabel(this);
    m_totals->setTextFormat(Qt::RichText);
    layout->addWidget(m_totals);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    m_busyLine = new QWidget(this);
    auto *busy = new QHBoxLayout(m_busyLine);
    busy->setContentsMargins(0, 0, 0, 0);
    m_busyLabel = new QLabel(m_busyLine);
    m_busyProgress = new QProgressBar(m_busyLine);
    m_busyProgress->setTextVisible(false);
    m_busyProgress->setMaximumWidth(240);
    m_busyButton = new QPushButton(m_busyLine);
    busy->addWidget(m_busyLabel);
    busy->addWidget(m_busyProgress);
    busy->addWidget(m_busyButton);
    busy->addStretch(1);
    m_busyLine->hide();
    layout->addWidget(m_busyLine);
    connect(m_busyButton, &QPushButton::clicked, this, [this] {
        if (m_busy)
            cancel();
        else
            refresh();
    });

    m_charts = new QWidget(this);
    auto *grid = new QGridLayout(m_charts);
    grid->setContentsMargins(0, 0, 0, 0);
    const QStringList titles{tr("Registrations per day"), tr("Registrations per enumerator"),
                             tr("Households per area"), tr("Household size (members)"),
                             tr("Review progress")};
    for (qsizetype i = 0; i < titles.size(); ++i) {
        auto *view = new QChartView(makeChart(titles[i]), m_charts);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(260, 200);
        m_views.append(view);
    }
    // Days across the top; the others two by two under it.
    grid->addWidget(m_views[int(Chart::PerDay)], 0, 0, 1, 2);
    grid->addWidget(m_views[int(Chart::PerEnumerator)], 1, 0);
    grid->addWidget(m_views[int(Chart::PerArea)], 1, 1);
    grid->addWidget(m_views[int(Chart::HouseholdSizes)], 2, 0);
    grid->addWidget(m_views[int(Chart::Review)], 2, 1);
    layout->addWidget(m_charts, 1);

    connect(m_fromEnabled, &QCheckBox::toggled, this, &DashboardView::fromToggled);
    connect(m_toEnabled, &QCheckBox::toggled, this, &DashboardView::toToggled);
    connect(m_from, &QDateEdit::dateChanged, this, &DashboardView::scheduleRefresh);
    connect(m_to, &QDateEdit::dateChanged, this, &DashboardView::scheduleRefresh);
    connect(m_area, &QComboBox::currentIndexChanged, this, &DashboardView::scheduleRefresh);
}

void DashboardView::fromToggled(bool on)
{
    m_from->setEnabled(on);
    scheduleRefresh();
}

void DashboardView::toToggled(bool on)
{
    m_to->setEnabled(on);
    scheduleRefresh();
}

core::SummaryFilter DashboardView::filter() const
{
    core::SummaryFilter filter;
    if (m_fromEnabled->isChecked())
        filter.from = m_from->date();
    if (m_toEnabled->isChecked())
        filter.to = m_to->date();
    const QVariant area = m_area->currentData();
    if (area.isValid())
        filter.villages = {area.toString()};
    return filter;
}

void DashboardView::setFilter(const core::SummaryFilter &filter)
{
    m_updatingFilters = true;
    m_fromEnabled->setChecked(filter.from.has_value());
    if (filter.from)
        m_from->setDate(*filter.from);
    m_toEnabled->setChecked(filter.to.has_value());
    if (filter.to)
        m_to->setDate(*filter.to);
    int index = 0;
    if (!filter.villages.isEmpty()) {
        index = m_area->findData(filter.villages.first());
        if (index < 0) {
            m_area->addItem(areaName(filter.villages.first()), filter.villages.first());
            index = m_area->count() - 1;
        }
    }
    m_area->setCurrentIndex(index);
    m_updatingFilters = false;
    scheduleRefresh();
}

QString DashboardView::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QChart *DashboardView::chart(Chart which) const
{
    const qsizetype index = qsizetype(which);
    return index < m_views.size() ? m_views[index]->chart() : nullptr;
}

QString DashboardView::totalsText() const
{
    return m_totals->text();
}

void DashboardView::setDebounceInterval(int milliseconds)
{
    m_debounce.setInterval(std::max(0, milliseconds));
}

QString DashboardView::statusText() const
{
    return m_busyLine->isHidden() ? QString() : m_busyLabel->text();
}

void DashboardView::scheduleRefresh()
{
    if (m_updatingFilters)
        return;
    if (m_busy)
        m_restartRequested = true;
    m_debounce.start();
}

void DashboardView::ledgerChanged(const core::LedgerChange &change)
{
    Q_UNUSED(change)
    if (m_busy)
        m_restartRequested = true;
    m_debounce.start();
}

void DashboardView::cancel()
{
    if (m_busy)
        m_cancelRequested = true;
}

void DashboardView::showBusy(bool busy)
{
    if (busy) {
        m_busyLabel->setText(tr("Updating the dashboard…"));
        m_busyProgress->setRange(0, 0); // busy until a total is known
        m_busyProgress->show();
        m_busyButton->setText(tr("Cancel"));
        m_busyLine->show();
    } else {
        m_busyLine->hide();
    }
}

bool DashboardView::progress(quint64 done, quint64 total)
{
    if (m_cancelRequested || m_restartRequested)
        return false;
    if (m_running.elapsed() < m_busyDelayMs)
        return true;
    if (m_busyLine->isHidden())
        showBusy(true);
    if (total > 0) {
        m_busyProgress->setRange(0, kProgressSteps);
        m_busyProgress->setValue(int(std::min(done, total) * kProgressSteps / total));
    } else {
        m_busyProgress->setRange(0, 0);
    }
    // Let the window repaint and Cancel work, now and then; the view may go away meanwhile. A
    // nested event loop rather than processEvents(): while it runs, AppSession::lock() (File >
    // Lock, the idle lock) waits for it to return before it closes the registry under the summary.
    if (!m_sincePump.isValid() || m_sincePump.elapsed() >= kPumpEveryMs) {
        const QPointer<DashboardView> self(this);
        QEventLoop pump;
        QTimer::singleShot(1, &pump, &QEventLoop::quit);
        pump.exec();
        if (!self)
            return false;
        m_sincePump.start();
    }
    return !m_cancelRequested && !m_restartRequested;
}

void DashboardView::refresh()
{
    m_debounce.stop();
    if (m_busy) { // called from the event loop while computing: redo once unwound
        m_restartRequested = true;
        return;
    }
    m_busy = true;
    m_cancelRequested = false;
    m_restartRequested = false;
    m_running.start();
    m_sincePump.invalidate();
    const QPointer<DashboardView> self(this);
    // A busy pointer from the start: the household rows' statement reports no progress.
    QGuiApplication::setOverrideCursor(Qt::BusyCursor);
    auto summary = core::summarize(m_ledger, std::nullopt, filter(), [self](quint64 done, quint64 total) {
        return self && self->progress(done, total);
    });
    QGuiApplication::restoreOverrideCursor();
    if (!self)
        return;
    m_busy = false;
    if (m_restartRequested) {
        m_restartRequested = false;
        showBusy(false);
        m_debounce.start();
        return;
    }
    if (!summary && summary.error().code == core::ErrorCode::Cancelled) {
        m_busyLabel->setText(tr("Update cancelled: the charts show the numbers of the previous update."));
        m_busyProgress->hide();
        m_busyButton->setText(tr("&Refresh"));
        m_busyLine->show();
        emit refreshed();
        return;
    }
    showBusy(false);
    if (!summary) {
        m_summary = core::RegistrySummary{};
        m_error->setText(summary.error().code == core::ErrorCode::PermissionDenied
                             ? tr("The dashboard shows the whole registry, which only supervisors and "
                                  "administrators may see.")
                             : tr("The dashboard could not be computed: %1").arg(summary.error().message));
        m_error->show();
        m_charts->hide();
        m_totals->clear();
        emit refreshed();
        return;
    }
    m_summary = *std::move(summary);
    m_error->clear();
    m_error->hide();
    m_charts->show();
    updateAreas();
    updateDates();
    updateCharts();
    emit refreshed();
}

QString DashboardView::areaName(const QString &village) const
{
    return village.isEmpty()
               ? tr("(no area)")
               : m_labels.valueText(FormLabels::Scope::Household, u"village"_s, QJsonValue(village));
}

void DashboardView::updateDates()
{
    // An unticked date shows where the data begins or ends, so that ticking it starts there.
    if (m_summary.registrationsPerDay.isEmpty())
        return;
    const QSignalBlocker fromBlocker(m_from);
    const QSignalBlocker toBlocker(m_to);
    if (!m_fromEnabled->isChecked())
        m_from->setDate(m_summary.registrationsPerDay.firstKey());
    if (!m_toEnabled->isChecked())
        m_to->setDate(m_summary.registrationsPerDay.lastKey());
}

void DashboardView::updateAreas()
{
    // The list of areas follows the registry; the choice is kept when it still exists.
    const QVariant current = m_area->currentData();
    QStringList present;
    for (int i = 1; i < m_area->count(); ++i)
        present.append(m_area->itemData(i).toString());
    if (present == m_summary.villages)
        return;
    m_updatingFilters = true;
    m_area->clear();
    m_area->addItem(tr("All areas"));
    for (const QString &village : std::as_const(m_summary.villages))
        m_area->addItem(areaName(village), village);
    if (current.isValid()) {
        int index = m_area->findData(current);
        if (index < 0) {
            m_area->addItem(areaName(current.toString()), current);
            index = m_area->count() - 1;
        }
        m_area->setCurrentIndex(index);
    }
    m_updatingFilters = false;
}

void DashboardView::updateCharts()
{
    const QLocale locale;
    const core::RegistrySummary &s = m_summary;
    m_totals->setText(tr("<b>%1</b> households · <b>%2</b> members · <b>%3</b> areas · <b>%4</b> events "
                         "in the log")
                          .arg(locale.toString(s.households), locale.toString(s.members),
                               locale.toString(qsizetype(s.householdsPerVillage.size())),
                               locale.toString(s.events)));

    // Registrations per day: columns for a few weeks, a line for longer.
    QChart *days = chart(Chart::PerDay);
    const auto daily = s.dailyRegistrations();
    if (daily.size() <= kMostColumns) {
        QList<Bar> bars;
        for (const auto &[day, count] : daily)
            bars.append({day.toString(u"MM-dd"_s), count});
        showBars(days, bars, false, kColors[0]);
    } else {
        clearChart(days);
        auto *line = new QLineSeries;
        line->setColor(kColors[0]);
        qint64 largest = 0;
        for (const auto &[day, count] : daily) {
            line->append(double(QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch()),
                         double(count));
            largest = std::max(largest, count);
        }
        days->addSeries(line);
        auto *axis = new QDateTimeAxis;
        axis->setFormat(u"MM-dd"_s);
        axis->setTickCount(8);
        QValueAxis *values = countAxis(largest);
        days->addAxis(axis, Qt::AlignBottom);
        days->addAxis(values, Qt::AlignLeft);
        line->attachAxis(axis);
        line->attachAxis(values);
    }

    const QString unknown = tr("(unknown)");
    showBars(chart(Chart::PerEnumerator),
             topBars(
                 s.registrationsPerEnumerator,
                 [&unknown](const QString &user) { return user.isEmpty() ? unknown : user; },
                 tr("%1 others")),
             true, kColors[1]);
    showBars(chart(Chart::PerArea),
             topBars(
                 s.householdsPerVillage, [this](const QString &village) { return areaName(village); },
                 tr("%1 other areas")),
             true, kColors[2]);

    QList<Bar> sizes;
    for (const auto &[size, count] : s.sizeHistogram())
        sizes.append({QString::number(size), count});
    showBars(chart(Chart::HouseholdSizes), sizes, false, kColors[3]);

    // Where the counted households stand with review (review-household decisions).
    QChart *review = chart(Chart::Review);
    clearChart(review);
    review->setTitle(tr("Review progress"));
    auto *pie = new QPieSeries;
    const core::ReviewProgress &r = s.review;
    const QList<std::pair<QString, qint64>> parts{
        {tr("Approved: %1").arg(locale.toString(r.approved)), r.approved},
        {tr("Flagged: %1").arg(locale.toString(r.flagged)), r.flagged},
        {tr("Rejected: %1").arg(locale.toString(r.rejected)), r.rejected},
        {tr("Changed since review: %1").arg(locale.toString(r.changedSinceReview)), r.changedSinceReview},
        {tr("Never reviewed: %1").arg(locale.toString(r.neverReviewed)), r.neverReviewed}};
    const QList<QColor> partColors{kColors[1], kColors[2], QColor(0xb0, 0x3a, 0x2e), kColors[3], kColors[4]};
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QPieSlice *slice = pie->append(parts[i].first, double(parts[i].second));
        slice->setColor(partColors[i]);
        slice->setLabelVisible(parts[i].second > 0);
        // An empty slice would still draw its edge, and a whole pie its seam, as a white line.
        if (parts[i].second == 0)
            slice->setPen(QPen(Qt::NoPen));
        else if (parts[i].second == s.households)
            slice->setBorderColor(partColors[i]);
    }
    pie->setPieSize(0.6);
    review->addSeries(pie);
}

} // namespace fieldledger::ui
