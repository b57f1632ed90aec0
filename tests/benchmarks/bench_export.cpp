// Export throughput and memory of core/exchange over a registry of N households (3 members each).
//
//   bench_export [households]      (default 100000)
//
// Builds the registry in a temporary folder (imported in batches), then exports households to
// CSV and XLSX, individuals to CSV, and the event log to JSON Lines. Prints rows per second and
// the peak resident memory of each export (VmHWM from /proc/self/status, reset before each
// export through /proc/self/clear_refs), next to the resident memory before it.

#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/events/event.h"
#include "core/exchange/exporter.h"
#include "core/exchange/exportrecorder.h"
#include "core/storage/registry.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

// kB of a /proc/self/status line ("VmHWM:", "VmRSS:").
long statusKb(const char *key)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report size 0: read until the end rather than asking atEnd().
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qsizetype(std::strlen(key))).trimmed().split(' ').first().toLong();
    }
    return -1;
}

// Linux: writing 5 resets the peak resident set size to the current one.
void resetPeak()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

// Household i, registered i * 20 seconds after 2026-11-01T00:00:00Z (in log order, so that
// no event arrives late and forces a re-projection while the registry is built).
QByteArray householdEvent(int i)
{
    const QByteArray n = QByteArray::number(i);
    const QDateTime when =
        QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc()).addSecs(qint64(i) * 20);
    const QByteArray timestamp = when.toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s).toLatin1();
    return "{\"guid\":\"ev-" + n + "\",\"entityGuid\":\"hh-" + n.rightJustified(7, '0') +
           "\",\"type\":\"create-group\",\"data\":{\"name\":\"Household " + n + "\",\"village\":\"Village " +
           QByteArray::number(i % 50) + "\",\"income\":" + QByteArray::number(1000 + (i % 977)) +
           ".5,\"notes\":\"a, \\\"quoted\\\" note\\nover two lines\",\"members\":[{\"guid\":\"p-" + n +
           "-1\",\"name\":\"Ana\",\"age\":34,\"relationship\":\"head\",\"dob\":\"1990-05-01\"},{\"guid\":"
           "\"p-" +
           n + "-2\",\"name\":\"Ben\",\"age\":36.5,\"relationship\":\"spouse\"},{\"guid\":\"p-" + n +
           "-3\",\"name\":\"Zo\\u00eb\",\"age\":4,\"relationship\":\"child\"}]},\"timestamp\":\"" +
           timestamp + "\",\"userId\":\"enum-" + QByteArray::number(i % 12) + "\"}";
}

struct Stage {
    const char *name;
    ExportWhat what;
    ExportFormat format;
    QString file;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int households = argc > 1 ? std::atoi(argv[1]) : 100'000;
    if (households <= 0) {
        std::fprintf(stderr, "usage: %s [households > 0]\n", argv[0]);
        return 2;
    }
    qputenv("FIELDLEDGER_TEST_FAST_KDF", "1"); // unlocking is not what is measured here

    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.fieldledger"_s);
    ManualClock clock(QDateTime(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::utc()));
    SequentialIdGenerator ids(u"b-"_s);
    Registry::CreateOptions options;
    options.name = u"Export benchmark"_s;
    options.adminId = u"admin"_s;
    const char *passphrase = "benchmark passphrase";
    auto created = Registry::create(path, options, SecretBytes(passphrase, std::strlen(passphrase)), clock);
    if (!created) {
        std::fprintf(stderr, "cannot create the registry: %s\n", qPrintable(created.error().message));
        return 1;
    }
    std::unique_ptr<Registry> registry = std::move(created->registry);
    QSqlQuery(registry->database()).exec(u"PRAGMA synchronous = OFF"_s);
    auto opened = Ledger::open(*registry, Ledger::Options{&clock, &ids});
    if (!opened) {
        std::fprintf(stderr, "cannot open the ledger: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    Ledger &ledger = **opened;

    QElapsedTimer timer;
    timer.start();
    constexpr int kBatch = 5000;
    for (int first = 0; first < households; first += kBatch) {
        std::vector<Event> batch;
        for (int i = first; i < std::min(households, first + kBatch); ++i) {
            auto event = Event::fromJson(householdEvent(i));
            if (!event) {
                std::fprintf(stderr, "bad event: %s\n", qPrintable(event.error().message));
                return 1;
            }
            batch.push_back(std::move(*event));
        }
        if (auto imported = ledger.importEvents(batch); !imported) {
            std::fprintf(stderr, "import failed: %s\n", qPrintable(imported.error().message));
            return 1;
        }
    }
    std::printf("registry: %d households, %d entities, built in %.1f s; database %.1f MB\n\n", households,
                households * 4, double(timer.elapsed()) / 1000.0, double(QFileInfo(path).size()) / 1e6);

    // What the exports build on: one pass over every entity, and one entity() per member.
    {
        timer.restart();
        quint64 seen = 0;
        auto ok = ledger.forEachEntity(std::nullopt, false, [&](const Entity &) {
            ++seen;
            return true;
        });
        const double passSeconds = double(timer.nsecsElapsed()) / 1e9;
        timer.restart();
        quint64 looked = 0;
        for (int i = 0; i < std::min(households, 20000); ++i) {
            auto member = ledger.entity(u"p-%1-1"_s.arg(i));
            looked += member && *member ? 1 : 0;
        }
        const double lookupSeconds = double(timer.nsecsElapsed()) / 1e9;
        if (!ok) {
            std::fprintf(stderr, "cannot list: %s\n", qPrintable(ok.error().message));
            return 1;
        }
        std::printf("baseline: forEachEntity %llu entities in %.2f s (%.0f/s); entity() %.0f/s\n\n",
                    static_cast<unsigned long long>(seen), passSeconds, double(seen) / passSeconds,
                    double(looked) / lookupSeconds);
    }

    const std::vector<Stage> stages{
        {"households CSV", ExportWhat::Households, ExportFormat::Csv, u"households.csv"_s},
        {"households XLSX", ExportWhat::Households, ExportFormat::Xlsx, u"households.xlsx"_s},
        {"individuals CSV", ExportWhat::Individuals, ExportFormat::Csv, u"individuals.csv"_s},
        {"events JSON Lines", ExportWhat::Events, ExportFormat::Jsonl, u"events.jsonl"_s},
    };
    std::printf("%-20s %10s %9s %12s %10s %12s %12s\n", "export", "rows", "seconds", "rows/s", "MB",
                "RSS before", "peak RSS");
    MemoryExportRecorder recorder;
    Exporter exporter(ledger, clock, recorder);
    for (const Stage &stage : stages) {
        ExportRequest request;
        request.what = stage.what;
        request.format = stage.format;
        const QString file = dir.filePath(stage.file);
        const long before = statusKb("VmRSS:");
        resetPeak();
        timer.restart();
        auto report = exporter.exportToFile(request, file);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        const long peak = statusKb("VmHWM:");
        if (!report) {
            std::fprintf(stderr, "%s failed: %s\n", stage.name, qPrintable(report.error().message));
            return 1;
        }
        std::printf("%-20s %10llu %9.2f %12.0f %10.1f %9ld kB %9ld kB\n", stage.name,
                    static_cast<unsigned long long>(report->rows), seconds, double(report->rows) / seconds,
                    double(QFileInfo(file).size()) / 1e6, before, peak);
        QFile::remove(file);
    }
    return 0;
}
