// Exports and the summary over a demo registry of 100,000 households (about 500,000 people):
// wall time and peak resident memory of each, next to a baseline measured in the same run (every
// entity row read with one plain SELECT, no parsing). Targets (issue 7): CSV under 5 s, XLSX under
// 20 s, memory flat; the summary of the present state under 300 ms.
//
//   bench_export_100k [--households N] [--dir DIR] [--runs R] [--stages A,B,...] [--only STAGE]
//
// The registry is DIR/r.fieldledger (DIR: --dir, else $FIELDLEDGER_BENCH_DIR, else a temporary
// folder under the current one). When it is there already it is measured as it is; otherwise it
// is built first with the demo generator's households (five enumerators' events imported in
// batches, the household rows kept, then a supervisor's review decisions on some of them).
//
// --stages picks some of the stages (in the order given; the x-base ratios need baseline first).
// Every stage runs in a child process of its own (`--only STAGE`, the same executable), so that
// its peak RSS (VmHWM) is its own: the child prints RSS after opening the registry, the peak
// during the stage (the peak is reset after opening through /proc/self/clear_refs) and RSS
// after. Stages: baseline, csv-households, csv-individuals, xlsx-households, xlsx-individuals,
// summary-sql, summary-log, summary-asof (the replay path, as of the last registration day), and
// on request xlsx-workbook (all four sheets) and "sql:STATEMENT" (any statement, stepped through).
#include "core/common/clock.h"
#include "core/domain/demogenerator.h"
#include "core/domain/ledger.h"
#include "core/domain/reviewapplier.h"
#include "core/events/event.h"
#include "core/events/timestamp.h"
#include "core/exchange/exporter.h"
#include "core/exchange/exportrecorder.h"
#include "core/exchange/summary.h"
#include "core/storage/householdindex.h"
#include "core/storage/registry.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <sys/resource.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

const QDateTime kNow(QDate(2026, 11, 26), QTime(12, 0), QTimeZone::utc());
constexpr int kEnumerators = 5;
constexpr int kPerImport = 5000;
const char *const kPassphrase = "admin passphrase";

SecretBytes secret(const char *text)
{
    return SecretBytes(text, std::strlen(text));
}

[[noreturn]] void die(const QString &what, const Error &error)
{
    std::fprintf(stderr, "bench_export_100k: %s: %s\n", qPrintable(what), qPrintable(error.message));
    std::exit(2);
}

template<typename T>
T require(Result<T> result, const QString &what)
{
    if (!result)
        die(what, result.error());
    return std::move(*result);
}

void require(const Status &status, const QString &what)
{
    if (!status)
        die(what, status.error());
}

// kB of a /proc/self/status line ("VmHWM:", "VmRSS:").
long statusKb(const char *key)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
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

struct Session {
    std::unique_ptr<Registry> registry;
    std::unique_ptr<Ledger> ledger;
};

Session open(const QString &path, const Clock &clock, IdGenerator &ids)
{
    Session session;
    session.registry = require(Registry::open(path, u"admin"_s, secret(kPassphrase)), u"open"_s);
    session.ledger = require(Ledger::open(*session.registry, Ledger::Options{&clock, &ids}), u"ledger"_s);
    require(HouseholdIndex::install(*session.ledger), u"install the household rows"_s);
    return session;
}

// The demo's commands as five enumerators' events, then a supervisor's decisions on every
// seventh household (approved, flagged or rejected in turn).
void build(const QString &path, qint64 households)
{
    ManualClock clock(kNow);
    SequentialIdGenerator ids(u"build-"_s);
    Registry::CreateOptions options;
    options.name = u"Export benchmark"_s;
    options.adminId = u"admin"_s;
    auto created = require(Registry::create(path, options, secret(kPassphrase), clock), u"create"_s);
    for (int i = 1; i <= kEnumerators; ++i) {
        const QString id = u"enum%1"_s.arg(i);
        require(created.registry->addUser(User{id, id, Role::Enumerator, true}, secret("enum passphrase")),
                u"add an enumerator"_s);
    }
    require(created.registry->addUser(User{u"sup1"_s, u"sup1"_s, Role::Supervisor, true},
                                      secret("sup passphrase")),
            u"add a supervisor"_s);
    auto ledger = require(Ledger::open(*created.registry, Ledger::Options{&clock, &ids}), u"ledger"_s);
    require(HouseholdIndex::install(*ledger), u"install the household rows"_s);

    QElapsedTimer timer;
    timer.start();
    DemoGenerator generator(DemoOptions{households, 1, 8, kPerImport}, kNow);
    QHash<QString, QString> registrar;
    QStringList registered;
    qint64 events = 0;
    while (!generator.atEnd()) {
        std::vector<Event> batch;
        for (const Command &command : generator.nextBatch(kPerImport)) {
            QString user = registrar.value(command.entityGuid);
            if (user.isEmpty())
                user = u"enum%1"_s.arg(1 + (qHash(command.entityGuid) % kEnumerators));
            if (command.type == u"create-group") {
                registrar.insert(command.entityGuid, user);
                registered.append(command.entityGuid);
            }
            batch.push_back(require(Event::make(command.guid, command.entityGuid, command.type, command.data,
                                                command.timestamp, user, command.metadata, command.context),
                                    u"event"_s));
        }
        events += qint64(batch.size());
        require(ledger->importEvents(batch), u"import"_s);
        std::fprintf(stderr, "\r  built %lld households", generator.householdsMade());
    }
    // Decisions on the morning after the last registration, one second apart.
    const QDateTime reviewed(kNow.date(), QTime(7, 0), QTimeZone::utc());
    std::vector<Event> reviews;
    for (qsizetype i = 0; i < registered.size(); i += 7) {
        const qsizetype n = i / 7;
        QJsonObject data;
        switch (n % 3) {
        case 0:
            data = {{u"decision"_s, review::Approved.toString()}};
            break;
        case 1:
            data = {{u"decision"_s, review::Flagged.toString()}, {u"comment"_s, u"ages to check"_s}};
            break;
        default:
            data = {{u"decision"_s, review::Rejected.toString()}, {u"reason"_s, u"duplicate"_s}};
            break;
        }
        reviews.push_back(
            require(Event::make(u"review-%1"_s.arg(n), registered[i], review::ReviewHousehold.toString(),
                                data, formatUtcMillis(reviewed.addSecs(n)), u"sup1"_s),
                    u"review event"_s));
        if (reviews.size() == kPerImport) {
            require(ledger->importEvents(reviews), u"import reviews"_s);
            events += qint64(reviews.size());
            reviews.clear();
        }
    }
    require(ledger->importEvents(reviews), u"import reviews"_s);
    events += qint64(reviews.size());
    std::fprintf(stderr, "\n");
    std::printf("built: %lld households, %lld people, %lld events in %.1f s; database %.1f MB\n",
                generator.householdsMade(), generator.individualsMade(), events,
                double(timer.elapsed()) / 1000.0, double(QFileInfo(path).size()) / 1e6);
}

// CPU seconds of this process so far (user and system): less disturbed than wall time by the
// other processes of a shared machine.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Measured {
    quint64 rows = 0;
    double seconds = 0;
    QString note;
};

// One stage, in this process: prints "RESULT name rows seconds cpuSeconds rssOpen peak rssAfter note"
// (the median run's wall time, the CPU time of that run).
int runStage(const QString &path, const QString &stage, int runs)
{
    ManualClock clock(kNow);
    SequentialIdGenerator ids(u"bench-%1-"_s.arg(QDateTime::currentMSecsSinceEpoch()));
    Session session = open(path, clock, ids);
    Ledger &ledger = *session.ledger;
    QTemporaryDir out(QFileInfo(path).absolutePath() + u"/out-XXXXXX"_s);
    MemoryExportRecorder recorder;
    Exporter exporter(ledger, clock, recorder);

    auto exportStage = [&](ExportWhat what, ExportFormat format, const QString &file) {
        return [&, what, format, file]() {
            ExportRequest request;
            request.what = what;
            request.format = format;
            const QString target = out.filePath(file);
            auto report = require(exporter.exportToFile(request, target), u"export"_s);
            Measured measured{report.rows, 0,
                              u"%1 MB"_s.arg(double(QFileInfo(target).size()) / 1e6, 0, 'f', 1)};
            QFile::remove(target);
            return measured;
        };
    };
    auto summaryStage = [&](std::optional<qint64> asOf, SummarySource source) {
        return [&ledger, asOf, source]() {
            auto summary = require(summarize(ledger, asOf, {}, {}, source), u"summary"_s);
            return Measured{quint64(summary.households), 0,
                            u"%1 members, %2 approved, %3 flagged, %4 rejected"_s.arg(summary.members)
                                .arg(summary.review.approved)
                                .arg(summary.review.flagged)
                                .arg(summary.review.rejected)};
        };
    };
    // As of the end of the last registration day: the whole registry before the reviews.
    const std::optional<qint64> lastDay = [&]() -> std::optional<qint64> {
        QSqlQuery query(session.registry->database());
        query.exec(u"SELECT max(registered_ns) FROM household_rows"_s);
        if (!query.next())
            return std::nullopt;
        return query.value(0).toLongLong();
    }();

    std::function<Measured()> work;
    if (stage == u"baseline") {
        work = [&]() {
            QSqlQuery query(session.registry->database());
            query.setForwardOnly(true);
            query.exec(u"SELECT guid, type, deleted, created_by, body FROM entities"_s);
            Measured measured;
            qint64 bytes = 0;
            while (query.next()) {
                ++measured.rows;
                bytes += query.value(4).toByteArray().size() + query.value(0).toString().size();
            }
            measured.note = u"%1 MB of bodies"_s.arg(double(bytes) / 1e6, 0, 'f', 1);
            return measured;
        };
    } else if (stage.startsWith(u"sql:")) {
        // Any statement, for finding where the time goes: its rows are stepped through.
        work = [&, sql = stage.mid(4)]() {
            QSqlQuery query(session.registry->database());
            query.setForwardOnly(true);
            if (!query.exec(sql))
                die(u"sql"_s, Error{ErrorCode::InvalidArgument, query.lastError().text()});
            Measured measured;
            QStringList firstRows; // the first few rows, all their columns (EXPLAIN QUERY PLAN reads well)
            while (query.next()) {
                if (++measured.rows <= 12) {
                    QStringList values;
                    for (int i = 0; i < query.record().count(); ++i)
                        values.append(query.value(i).toString());
                    firstRows.append(values.join(u'|'));
                }
            }
            measured.note = firstRows.join(u" / "_s);
            return measured;
        };
    } else if (stage == u"csv-households") {
        work = exportStage(ExportWhat::Households, ExportFormat::Csv, u"households.csv"_s);
    } else if (stage == u"csv-individuals") {
        work = exportStage(ExportWhat::Individuals, ExportFormat::Csv, u"individuals.csv"_s);
    } else if (stage == u"xlsx-households") {
        work = exportStage(ExportWhat::Households, ExportFormat::Xlsx, u"households.xlsx"_s);
    } else if (stage == u"xlsx-individuals") {
        work = exportStage(ExportWhat::Individuals, ExportFormat::Xlsx, u"individuals.xlsx"_s);
    } else if (stage == u"xlsx-workbook") {
        work = exportStage(ExportWhat::Workbook, ExportFormat::Xlsx, u"workbook.xlsx"_s);
    } else if (stage == u"summary-sql") {
        work = summaryStage(std::nullopt, SummarySource::HouseholdRows);
    } else if (stage == u"summary-log") {
        work = summaryStage(std::nullopt, SummarySource::Log);
    } else if (stage == u"summary-asof") {
        work = summaryStage(lastDay, SummarySource::Automatic);
    } else {
        std::fprintf(stderr, "bench_export_100k: unknown stage '%s'\n", qPrintable(stage));
        return 2;
    }

    const long rssOpen = statusKb("VmRSS:");
    resetPeak();
    std::vector<std::pair<double, double>> times; // wall, CPU
    Measured measured;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        const double cpuBefore = cpuSeconds();
        timer.start();
        measured = work();
        times.emplace_back(double(timer.nsecsElapsed()) / 1e9, cpuSeconds() - cpuBefore);
    }
    std::sort(times.begin(), times.end());
    const long peak = statusKb("VmHWM:");
    const long rssAfter = statusKb("VmRSS:");
    const auto [wall, cpu] = times[times.size() / 2];
    std::printf("RESULT %s %llu %.4f %.4f %ld %ld %ld %s\n", qPrintable(stage),
                static_cast<unsigned long long>(measured.rows), wall, cpu, rssOpen, peak, rssAfter,
                qPrintable(measured.note));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qputenv("FIELDLEDGER_TEST_FAST_KDF", "1"); // unlocking is not what is measured here
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    qint64 households = 100'000;
    int runs = 1;
    QString dirPath = qEnvironmentVariable("FIELDLEDGER_BENCH_DIR");
    QString only;
    QStringList chosenStages;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == u"--households" && hasValue)
            households = args[++i].toLongLong();
        else if (args[i] == u"--dir" && hasValue)
            dirPath = args[++i];
        else if (args[i] == u"--runs" && hasValue)
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == u"--only" && hasValue)
            only = args[++i];
        else if (args[i] == u"--stages" && hasValue)
            chosenStages = args[++i].split(u',', Qt::SkipEmptyParts);
        else {
            std::fprintf(
                stderr, "usage: bench_export_100k [--households N] [--dir DIR] [--runs R] [--stages A,B,...] "
                        "[--only STAGE]\n");
            return 2;
        }
    }
    QTemporaryDir temporary(QDir::currentPath() + u"/bench-export-100k-XXXXXX"_s); // the disk, not tmpfs
    if (dirPath.isEmpty())
        dirPath = temporary.path();
    QDir().mkpath(dirPath);
    const QString path = QDir(dirPath).filePath(u"r.fieldledger"_s);
    if (!only.isEmpty())
        return runStage(path, only, runs);

    std::printf("bench_export_100k: %s\n", qPrintable(path));
    if (!Registry::exists(path))
        build(path, households);
    else
        std::printf("measuring the registry already there (%.1f MB)\n", double(QFileInfo(path).size()) / 1e6);

    const QStringList all{u"baseline"_s,        u"csv-households"_s,   u"csv-individuals"_s,
                          u"xlsx-households"_s, u"xlsx-individuals"_s, u"summary-sql"_s,
                          u"summary-log"_s,     u"summary-asof"_s};
    const QStringList stages = chosenStages.isEmpty() ? all : chosenStages;
    std::printf("\n%-18s %9s %9s %8s %9s %8s %11s %11s %11s  %s\n", "stage", "rows", "wall s", "x base",
                "CPU s", "x base", "RSS open", "peak RSS", "RSS after", "note");
    double baseline = 0;
    double baselineCpu = 0;
    for (const QString &stage : stages) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {u"--dir"_s, dirPath, u"--runs"_s, QString::number(runs), u"--only"_s, stage});
        if (!child.waitForFinished(-1) || child.exitCode() != 0) {
            std::printf("%-18s failed\n", qPrintable(stage));
            continue;
        }
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            if (!line.startsWith("RESULT "))
                continue;
            const QList<QByteArray> f = line.split(' ');
            const double seconds = f.value(3).toDouble();
            const double cpu = f.value(4).toDouble();
            if (stage == u"baseline") {
                baseline = seconds;
                baselineCpu = cpu;
            }
            const QByteArray note = f.mid(8).join(' ');
            std::printf("%-18s %9s %9.3f %8.2f %9.3f %8.2f %8s MB %8s MB %8s MB  %s\n", qPrintable(stage),
                        f.value(2).constData(), seconds, baseline > 0 ? seconds / baseline : 0.0, cpu,
                        baselineCpu > 0 ? cpu / baselineCpu : 0.0,
                        qPrintable(QString::number(f.value(5).toDouble() / 1024, 'f', 0)),
                        qPrintable(QString::number(f.value(6).toDouble() / 1024, 'f', 0)),
                        qPrintable(QString::number(f.value(7).toDouble() / 1024, 'f', 0)), note.constData());
        }
    }
    return 0;
}
