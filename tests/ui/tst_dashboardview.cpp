// DashboardView (ui/reports/dashboardview.h): draws core::summarize() for the filters chosen,
// follows the ledger (debounced), and explains itself to users who may not see it.
//
// Set FIELDLEDGER_REPORT_DIR to keep a screenshot of the dashboard over 2,000 households.
#include "core/ledgerfixture.h"
#include "core/reportfixture.h"
#include "core/storage/householdindex.h"
#include "ui/reports/dashboardview.h"

#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QHorizontalBarSeries>
#include <QPieSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using namespace fieldledger::testing;
using namespace fieldledger::testing::reports;
using fieldledger::ui::DashboardView;

namespace {

QBarSet *firstSet(QChart *chart)
{
    const auto series = chart->series();
    if (series.isEmpty())
        return nullptr;
    auto *bars = qobject_cast<QAbstractBarSeries *>(series.first());
    return bars != nullptr && !bars->barSets().isEmpty() ? bars->barSets().first() : nullptr;
}

double total(QBarSet *set)
{
    double sum = 0;
    for (int i = 0; set != nullptr && i < set->count(); ++i)
        sum += set->at(i);
    return sum;
}

} // namespace

class TestDashboardView final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void construction_drawsTheSummary()
    {
        LedgerFixture f;
        importReportSample(f.ledger());
        DashboardView view(f.ledger());
        QCOMPARE(view.summary().households, 5);
        QVERIFY(view.errorText().isEmpty());
        QVERIFY2(view.totalsText().contains(u"<b>5</b> households"_s), qPrintable(view.totalsText()));
        // Per day: 30 Oct .. 7 Nov as columns, adding up to the households.
        QBarSet *days = firstSet(view.chart(DashboardView::Chart::PerDay));
        QVERIFY(days);
        QCOMPARE(days->count(), 9);
        QCOMPARE(total(days), 5.0);
        QCOMPARE(total(firstSet(view.chart(DashboardView::Chart::PerEnumerator))), 5.0);
        QCOMPARE(total(firstSet(view.chart(DashboardView::Chart::PerArea))), 5.0);
        QCOMPARE(firstSet(view.chart(DashboardView::Chart::HouseholdSizes))->count(), 5); // sizes 0..4
        // No review decisions yet: every household is never reviewed (the last slice).
        auto *pie = qobject_cast<QPieSeries *>(view.chart(DashboardView::Chart::Review)->series().first());
        QVERIFY(pie);
        QCOMPARE(pie->slices().size(), 5);
        QCOMPARE(pie->slices().first()->value(), 0.0);
        QCOMPARE(pie->slices().last()->value(), 5.0);
        QVERIFY(pie->slices().last()->label().startsWith(u"Never reviewed"_s));
        // The area filter offers every village.
        auto *area = view.findChild<QComboBox *>();
        QCOMPARE(area->count(), 3);
        QCOMPARE(area->itemText(1), u"Kalo"_s);
    }

    void areaFilter_countsThatAreaOnly()
    {
        LedgerFixture f;
        importReportSample(f.ledger());
        DashboardView view(f.ledger());
        view.setDebounceInterval(10);
        QSignalSpy refreshed(&view, &DashboardView::refreshed);
        auto *area = view.findChild<QComboBox *>();
        area->setCurrentIndex(area->findText(u"Mbale"_s));
        QTRY_COMPARE(refreshed.count(), 1);
        QCOMPARE(view.filter().villages, QStringList{u"Mbale"_s});
        QCOMPARE(view.summary().households, 2);
        QCOMPARE(total(firstSet(view.chart(DashboardView::Chart::PerArea))), 2.0);
        // The other areas stay on offer.
        QCOMPARE(area->count(), 3);
        QCOMPARE(area->currentText(), u"Mbale"_s);
    }

    void dateFilter_countsThoseDaysOnly()
    {
        LedgerFixture f;
        importReportSample(f.ledger());
        DashboardView view(f.ledger());
        view.setDebounceInterval(10);
        SummaryFilter filter;
        filter.from = QDate(2026, 11, 1);
        filter.to = QDate(2026, 11, 3);
        QSignalSpy refreshed(&view, &DashboardView::refreshed);
        view.setFilter(filter);
        QTRY_COMPARE(refreshed.count(), 1);
        QCOMPARE(view.filter(), filter);
        QCOMPARE(view.summary().households, 3);
        QCOMPARE(firstSet(view.chart(DashboardView::Chart::PerDay))->count(), 3);
        // Ticking "From" starts at the first registration shown.
        view.setFilter({});
        QTRY_COMPARE(refreshed.count(), 2);
        auto *from = view.findChild<QCheckBox *>();
        from->setChecked(true);
        QTRY_COMPARE(refreshed.count(), 3);
        QCOMPARE(view.filter().from, std::optional<QDate>(QDate(2026, 10, 30)));
        QCOMPARE(view.summary().households, 5);
    }

    void ledgerChanges_refreshOnceWhenTheySettle()
    {
        LedgerFixture f;
        importReportSample(f.ledger());
        DashboardView view(f.ledger());
        view.setDebounceInterval(150);
        QSignalSpy refreshed(&view, &DashboardView::refreshed);
        const auto more = generatedHouseholds(30);
        for (std::size_t i = 0; i < more.size(); i += 10) {
            QVERIFY(f.ledger().importEvents(std::vector<Event>(
                more.begin() + qsizetype(i), more.begin() + qsizetype(std::min(i + 10, more.size())))));
        }
        QCOMPARE(refreshed.count(), 0); // nothing until the changes settle
        QTRY_COMPARE(refreshed.count(), 1);
        QCOMPARE(view.summary().households, 35);
        QTest::qWait(300);
        QCOMPARE(refreshed.count(), 1);
    }

    void reviewChart_showsEachStatus()
    {
        LedgerFixture f;
        FL_VERIFY_OK(HouseholdIndex::install(f.ledger()));
        importReportSample(f.ledger());
        QVERIFY(f.ledger().importEvents(
            {reportEvent(u"r-1"_s, u"hh-a"_s, u"review-household"_s, {{u"decision"_s, u"approved"_s}},
                         u"2026-11-08T08:00:00.000Z"_s, u"sup"_s),
             reportEvent(u"r-2"_s, u"hh-b"_s, u"review-household"_s,
                         {{u"decision"_s, u"flagged"_s}, {u"comment"_s, u"phone?"_s}},
                         u"2026-11-08T08:01:00.000Z"_s, u"sup"_s),
             reportEvent(u"r-3"_s, u"hh-c"_s, u"review-household"_s, {{u"decision"_s, u"approved"_s}},
                         u"2026-11-08T08:02:00.000Z"_s, u"sup"_s),
             reportEvent(u"r-4"_s, u"hh-c"_s, u"update-group"_s, {{u"phone"_s, u"+254 700 000009"_s}},
                         u"2026-11-08T09:00:00.000Z"_s, u"enum-1"_s)}));
        DashboardView view(f.ledger());
        // The rows are kept: the fast path answered.
        QCOMPARE(view.summary().source, SummarySource::HouseholdRows);
        auto *pie = qobject_cast<QPieSeries *>(view.chart(DashboardView::Chart::Review)->series().first());
        QVERIFY(pie);
        QList<double> values;
        for (const QPieSlice *slice : pie->slices())
            values.append(slice->value());
        // approved, flagged, rejected, changed since review, never reviewed
        QCOMPARE(values, (QList<double>{1, 1, 0, 1, 2}));
        QCOMPARE(pie->slices().at(1)->label(), u"Flagged: 1"_s);
    }

    // Without household rows the summary is read from the log, in slices: past the busy delay the
    // busy line shows, the event loop runs, and Cancel keeps the charts as they were.
    void slowSummary_showsBusyAndCancels()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().importEvents(generatedHouseholds(600)));
        DashboardView view(f.ledger());
        QCOMPARE(view.summary().source, SummarySource::Log);
        QCOMPARE(view.summary().households, 600);
        view.setBusyDelay(0);
        QVERIFY(f.ledger().importEvents(generatedHouseholds(10, 600, 610)));
        bool sawBusy = false;
        QTimer::singleShot(0, &view, [&] {
            sawBusy = view.isBusy() && view.statusText().contains(u"Updating"_s) &&
                      QGuiApplication::overrideCursor() != nullptr &&
                      QGuiApplication::overrideCursor()->shape() == Qt::BusyCursor;
            view.cancel();
        });
        QSignalSpy refreshed(&view, &DashboardView::refreshed);
        view.refresh();
        QVERIFY(sawBusy);
        QCOMPARE(QGuiApplication::overrideCursor(), nullptr);
        QCOMPARE(refreshed.count(), 1);
        QVERIFY(!view.isBusy());
        QVERIFY2(view.statusText().contains(u"cancelled"_s), qPrintable(view.statusText()));
        QCOMPARE(view.summary().households, 600); // the previous numbers stay
        // Refresh (the same button) brings the numbers up to date and hides the line.
        auto *button = view.findChild<QPushButton *>();
        QVERIFY(button);
        button->click();
        QCOMPARE(view.summary().households, 610);
        QVERIFY(view.statusText().isEmpty());
    }

    // Events arriving while a slow summary runs: it is abandoned and made again once they settle.
    void ledgerChangeDuringASlowSummary_startsAgain()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().importEvents(generatedHouseholds(600)));
        DashboardView view(f.ledger());
        view.setBusyDelay(0);
        view.setDebounceInterval(20);
        QTimer::singleShot(0, &view,
                           [&] { QVERIFY(f.ledger().importEvents(generatedHouseholds(5, 600, 605))); });
        QSignalSpy refreshed(&view, &DashboardView::refreshed);
        view.refresh();
        QCOMPARE(refreshed.count(), 0); // abandoned, not reported
        QVERIFY(view.statusText().isEmpty());
        QTRY_COMPARE(refreshed.count(), 1);
        QCOMPARE(view.summary().households, 605);
    }

    void enumerator_seesWhyThereIsNoDashboard()
    {
        LedgerFixture f;
        importReportSample(f.ledger());
        QVERIFY(f.registry().addUser({u"enum-1"_s, u"Enumerator"_s, Role::Enumerator, true},
                                     secret("enum passphrase")));
        f.reopenAs(u"enum-1"_s, "enum passphrase");
        DashboardView view(f.ledger());
        QVERIFY(view.errorText().contains(u"supervisors"_s));
        QCOMPARE(view.summary().households, 0);
    }

    void screenshot_manyHouseholds()
    {
        LedgerFixture f;
        QVERIFY(f.ledger().importEvents(generatedHouseholds(2000)));
        DashboardView view(f.ledger());
        view.resize(1100, 820);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.summary().households, 2000);
        QCOMPARE(total(firstSet(view.chart(DashboardView::Chart::PerDay))), 2000.0);
        // 20 areas: the largest eleven and one bar for the other nine.
        QCOMPARE(firstSet(view.chart(DashboardView::Chart::PerArea))->count(), 12);
        QCOMPARE(total(firstSet(view.chart(DashboardView::Chart::PerArea))), 2000.0);
        const QString keep = qEnvironmentVariable("FIELDLEDGER_REPORT_DIR");
        if (!keep.isEmpty())
            QVERIFY(view.grab().save(QDir(keep).filePath(u"dashboard.png"_s)));
    }
};

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
