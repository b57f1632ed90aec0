// DashboardView (ui/reports/dashboardview.h): draws core::summarize() for the filters chosen,
// follows the ledger (debounced), and explains itself to users who may not see it.
//
// Set FIELDLEDGER_REPORT_DIR to keep a screenshot of the dashboard over 2,000 households.
#include "core/ledgerfixture.h"
#include "core/reportfixture.h"
#include "ui/reports/dashboardview.h"

#include <QBarSet>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QHorizontalBarSeries>
#include <QPieSeries>
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
        auto *pie = qobject_cast<QPieSeries *>(view.chart(DashboardView::Chart::Review)->series().first());
        QVERIFY(pie);
        QCOMPARE(pie->slices().first()->value(), 2.0); // edited
        QCOMPARE(pie->slices().last()->value(), 3.0);  // registered only
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
            QVERIFY(f.ledger().importEvents(std::vector<Event>(more.begin() + qsizetype(i),
                                                               more.begin() + qsizetype(std::min(i + 10, more.size())))));
        }
        QCOMPARE(refreshed.count(), 0); // nothing until the changes settle
        QTRY_COMPARE(refreshed.count(), 1);
        QCOMPARE(view.summary().households, 35);
        QTest::qWait(300);
        QCOMPARE(refreshed.count(), 1);
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
