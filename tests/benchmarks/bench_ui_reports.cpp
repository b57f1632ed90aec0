// Reports over registries of N households (1..8 members each, about 4.5 on average; every
// tenth edited once): the summary core computes (core::summarize), the same with an area
// filter and as of a past instant, one household's profile, the summary and profile PDFs, and
// a dashboard refresh (summary plus redrawing the charts).
//
//   bench_ui_reports [households ...]      (default 10000 100000)
//
// Each registry is built in a temporary folder by importing the events in batches. Times are
// the best of three runs; the PDF sizes are in KiB.

#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/exchange/exporter.h"
#include "core/exchange/exportrecorder.h"
#include "core/exchange/householdprofile.h"
#include "core/exchange/summary.h"
#include "core/domain/entity.h"
#include "core/storage/registry.h"
#include "tests/core/reportfixture.h"
#include "ui/reports/dashboardview.h"
#include "ui/reports/pdfreportrenderer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

constexpr int kBatch = 5000;

double bestMs(const std::function<void()> &work, int runs = 3)
{
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
    }
    return best;
}

template<typename T>
T orDie(Result<T> result, const char *what)
{
    if (!result) {
        std::fprintf(stderr, "%s: %s\n", what, qPrintable(result.error().message));
        std::exit(2);
    }
    return *std::move(result);
}

void line(const char *name, int households, double ms, const QString &note = {})
{
    std::printf("%-34s %9d %10.1f  %s\n", name, households, ms, qPrintable(note));
    std::fflush(stdout);
}

void benchSize(int households)
{
    QTemporaryDir dir;
    ManualClock clock(QDateTime(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc()));
    UuidGenerator ids;
    Registry::CreateOptions options;
    options.name = u"Bench registry"_s;
    options.adminId = u"admin"_s;
    const QByteArray passphrase = "bench passphrase";
    auto created = Registry::create(dir.filePath(u"r.fieldledger"_s), options,
                                    SecretBytes(passphrase.constData(), std::size_t(passphrase.size())), clock);
    if (!created) {
        std::fprintf(stderr, "create: %s\n", qPrintable(created.error().message));
        std::exit(2);
    }
    std::unique_ptr<Registry> registry = std::move(created->registry);
    auto ledger = orDie(Ledger::open(*registry, Ledger::Options{&clock, &ids}), "open");

    QElapsedTimer build;
    build.start();
    for (int first = 0; first < households; first += kBatch) {
        const int count = std::min(kBatch, households - first);
        orDie(ledger->importEvents(fieldledger::testing::reports::generatedHouseholds(count, first, households)),
              "import");
    }
    line("build (import)", households, double(build.elapsed()),
         u"%1 events"_s.arg(ledger->log().size()));

    // What summarize() reads: every entity once, every event's index columns once.
    line("  walk every entity", households, bestMs([&]() {
             (void)ledger->forEachEntity(std::nullopt, false, [](const Entity &) { return true; });
         }));
    line("  scan the log", households, bestMs([&]() {
             (void)ledger->log().forEach(0, qint64(ledger->log().size()), 2000,
                                         [](const StoredEvent &) { return true; });
         }));
    RegistrySummary summary;
    const double summarizeMs =
        bestMs([&]() { summary = orDie(summarize(*ledger, std::nullopt), "summarize"); });
    line("summarize", households, summarizeMs,
         u"%1 households, %2 members"_s.arg(summary.households).arg(summary.members));
    SummaryFilter filter;
    filter.villages = {u"Village C"_s};
    line("summarize, one area", households,
         bestMs([&]() { (void)orDie(summarize(*ledger, std::nullopt, filter), "summarize"); }));
    const qint64 midway = QDateTime(QDate(2026, 10, 16), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch() *
                          1'000'000;
    line("summarize, as of mid-way", households,
         bestMs([&]() { (void)orDie(summarize(*ledger, midway), "summarize"); }));
    line("household profile (core)", households, bestMs([&]() {
             (void)orDie(householdProfile(*ledger, u"hh-0000010"_s, std::nullopt), "profile");
         }));

    SqlExportRecorder recorder(*registry);
    Exporter exporter(*ledger, clock, recorder);
    const fieldledger::ui::PdfReportRenderer renderer;
    exporter.setReportRenderer(&renderer);
    ExportRequest request;
    request.format = ExportFormat::Pdf;
    request.what = ExportWhat::Summary;
    const QString summaryPdf = dir.filePath(u"summary.pdf"_s);
    const double summaryPdfMs =
        bestMs([&]() { (void)orDie(exporter.exportToFile(request, summaryPdf), "summary pdf"); });
    line("summary PDF (export)", households, summaryPdfMs, u"%1 KiB"_s.arg(QFileInfo(summaryPdf).size() / 1024));
    request.what = ExportWhat::Household;
    request.entityGuid = u"hh-0000010"_s;
    const QString profilePdf = dir.filePath(u"profile.pdf"_s);
    const double profilePdfMs =
        bestMs([&]() { (void)orDie(exporter.exportToFile(request, profilePdf), "profile pdf"); });
    line("household profile PDF (export)", households, profilePdfMs,
         u"%1 KiB"_s.arg(QFileInfo(profilePdf).size() / 1024));

    fieldledger::ui::DashboardView view(*ledger);
    view.resize(1100, 820);
    const double refreshMs = bestMs([&]() { view.refresh(); });
    line("dashboard refresh", households, refreshMs, u"%1 households shown"_s.arg(view.summary().households));
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("FIELDLEDGER_TEST_FAST_KDF", "1");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QList<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.append(std::atoi(argv[i]));
    if (sizes.isEmpty())
        sizes = {10000, 100000};
    std::printf("%-34s %9s %10s\n", "what", "households", "ms");
    for (const int size : sizes)
        benchSize(size);
    return 0;
}
