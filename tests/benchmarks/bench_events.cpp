// Ingest hot path of core/events: parse + validate + canonicalize typical events.
//
//   bench_events [count]      (default 200000 events; each a household created with 3 members)
//
// Prints one row per stage: events per second (by this thread's CPU time, and by wall time),
// MB/s of input JSON and microseconds per event.

#include "core/events/canonicaljson.h"
#include "core/events/event.h"
#include "core/events/jsonreader.h"
#include "core/events/timestamp.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>

using namespace fieldledger::core;

namespace {

QByteArray householdEvent(int i)
{
    const QByteArray n = QByteArray::number(i);
    const QByteArray second = QByteArray::number(i % 60).rightJustified(2, '0');
    return "{\"guid\":\"6f1c2a9e-3b7d-4c1e-9a55-" + n.rightJustified(12, '0') + "\",\"entityGuid\":\"hh-" +
           n + "\",\"type\":\"create-group\",\"data\":{\"name\":\"Household " + n +
           "\",\"village\":\"Kalo\",\"members\":[{\"guid\":\"p-" + n +
           "-1\",\"name\":\"Ana\",\"age\":34,\"head\":true},{\"guid\":\"p-" + n +
           "-2\",\"name\":\"Ben\",\"age\":36.5},{\"guid\":\"p-" + n +
           "-3\",\"name\":\"Zo\\u00eb\",\"age\":4}]},\"timestamp\":\"2026-11-26T09:30:" + second +
           ".000+02:00\",\"userId\":\"enum-7\",\"syncLevel\":0,\"metadata\":{\"deviceId\":\"dev-1\","
           "\"appVersion\":\"0.1.0\",\"formId\":\"household\"},\"context\":{\"reason\":\"registration\"}}";
}

// Wall time and this thread's CPU time: on a shared machine the CPU time is the fairer figure.
struct Timing {
    qint64 wallNs;
    qint64 cpuNs;
};

qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

void printRow(const char *stage, Timing timing, qsizetype count, qint64 bytes)
{
    const double cpuSeconds = double(timing.cpuNs) / 1e9;
    const double wallSeconds = double(timing.wallNs) / 1e9;
    std::printf("%-44s %10.0f %10.0f %8.1f %9.2f\n", stage, double(count) / cpuSeconds,
                double(count) / wallSeconds, bytes > 0 ? double(bytes) / cpuSeconds / 1e6 : 0.0,
                double(timing.cpuNs) / 1e3 / double(count));
}

Timing timed(const std::function<void()> &work)
{
    QElapsedTimer timer;
    const qint64 cpuStart = threadCpuNs();
    timer.start();
    work();
    return {timer.nsecsElapsed(), threadCpuNs() - cpuStart};
}

} // namespace

int main(int argc, char **argv)
{
    const int count = argc > 1 ? std::atoi(argv[1]) : 200'000;
    if (count <= 0) {
        std::fprintf(stderr, "usage: %s [count > 0]\n", argv[0]);
        return 2;
    }

    QList<QByteArray> lines;
    lines.reserve(count);
    qint64 bytes = 0;
    for (int i = 0; i < count; ++i) {
        lines.append(householdEvent(i));
        bytes += lines.back().size();
    }
    std::printf("%d events, %.0f bytes each on average\n\n", count, double(bytes) / count);
    std::printf("%-44s %10s %10s %8s %9s\n", "stage", "ev/s cpu", "ev/s wall", "MB/s cpu", "us/ev cpu");

    // Each stage checks its result so that nothing can be optimised away and no failure hides.
    qsizetype failures = 0;
    qint64 checksum = 0;

    const Timing scanNs = timed([&] {
        for (const QByteArray &line : lines)
            failures += validateJsonObjectText(line) ? 0 : 1;
    });
    printRow("scan only (validateJsonObjectText)", scanNs, count, bytes);

    QList<QJsonObject> objects;
    objects.reserve(count);
    const Timing parseNs = timed([&] {
        for (const QByteArray &line : lines) {
            auto object = parseJsonObject(line);
            failures += object ? 0 : 1;
            if (object)
                objects.append(std::move(*object));
        }
    });
    printRow("parseJsonObject (scan + QJsonDocument)", parseNs, count, bytes);

    QList<Event> events;
    events.reserve(count);
    const Timing ingestNs = timed([&] {
        for (const QByteArray &line : lines) {
            auto event = Event::fromJson(line);
            if (!event) {
                ++failures;
                continue;
            }
            const QByteArray canonical = event->canonicalBytes();
            checksum += canonical.size();
            events.append(std::move(*event));
        }
    });
    printRow("fromJson + canonicalBytes", ingestNs, count, bytes);

    qint64 ingestChecksum = 0;
    const Timing fastIngestNs = timed([&] {
        for (const QByteArray &line : lines) {
            auto parsed = Event::parseWithCanonical(line);
            if (!parsed) {
                ++failures;
                continue;
            }
            ingestChecksum += parsed->canonical.size();
        }
    });
    printRow("parseWithCanonical (ingest path)", fastIngestNs, count, bytes);
    if (ingestChecksum != checksum)
        ++failures; // the two paths must give canonical forms of the same sizes

    const Timing validateNs = timed([&] {
        for (const QJsonObject &object : std::as_const(objects))
            failures += Event::fromObject(object) ? 0 : 1;
    });
    printRow("fromObject (validate + encodability check)", validateNs, count, 0);

    const Timing canonicalNs = timed([&] {
        for (const Event &event : std::as_const(events))
            checksum += event.canonicalBytes().size();
    });
    printRow("Event::canonicalBytes", canonicalNs, count, 0);

    const Timing jcsNs = timed([&] {
        for (const QJsonObject &object : std::as_const(objects)) {
            auto canonical = canonicalJson(object);
            failures += canonical ? 0 : 1;
            checksum += canonical ? canonical->size() : 0;
        }
    });
    printRow("canonicalJson(QJsonObject) alone", jcsNs, count, 0);

    QList<QByteArray> canonicals;
    canonicals.reserve(count);
    for (const Event &event : std::as_const(events))
        canonicals.append(event.canonicalBytes());
    const Timing storedNs = timed([&] {
        for (const QByteArray &canonical : std::as_const(canonicals))
            checksum += storedJsonWithSyncLevel(canonical, syncLevelRemote).size();
    });
    printRow("storedJsonWithSyncLevel", storedNs, count, 0);

    const Timing timestampNs = timed([&] {
        for (const Event &event : std::as_const(events))
            checksum += Timestamp::parseInstantNs(event.timestamp).value_or(0) & 1;
    });
    printRow("Timestamp::parseInstantNs", timestampNs, count, 0);

    std::printf("\nchecksum %lld, failures %lld\n", static_cast<long long>(checksum),
                static_cast<long long>(failures));
    return failures == 0 ? 0 : 1;
}
