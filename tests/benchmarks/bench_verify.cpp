// Full verification of the log against the physical limit: sha256sum over a file of the same
// bytes, in the same run. Also the log's append cost as it grows, through the real store.
//
//   bench_verify [EVENTS=100000]
#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/events/timestamp.h"
#include "core/storage/registry.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 100000;
    qputenv("FIELDLEDGER_TEST_FAST_KDF", "1");
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    QTemporaryDir dir(QDir::currentPath() + u"/bench-verify-XXXXXX"_s);
    const QDateTime start(QDate(2026, 1, 1), QTime(8, 0), QTimeZone::utc());
    ManualClock clock(start);
    SequentialIdGenerator ids(u"b-"_s);
    Registry::CreateOptions options;
    options.name = u"bench"_s;
    options.adminId = u"admin"_s;
    auto created = Registry::create(dir.filePath(u"r.fieldledger"_s), options,
                                    SecretBytes("bench passphrase", 16), clock);
    if (!created)
        return 2;
    std::unique_ptr<Registry> registry = std::move(created->registry);
    QSqlQuery(registry->database()).exec(u"PRAGMA cache_size = -131072"_s);
    auto ledger = Ledger::open(*registry, Ledger::Options{&clock, &ids});
    if (!ledger)
        return 2;

    // Append cost as the log grows: time per event of each 10,000-event import.
    std::printf("%-14s %14s\n", "log size", "us per event");
    const qint64 chunk = 10000;
    for (qint64 done = 0; done < count; done += chunk) {
        std::vector<Event> events;
        for (qint64 i = done; i < std::min(count, done + chunk); ++i) {
            auto event = Event::make(u"ev-%1"_s.arg(i), u"p-%1"_s.arg(i % 50000),
                                     i < 50000 ? u"create-individual"_s : u"update-individual"_s,
                                     QJsonObject{{u"name"_s, u"Person %1"_s.arg(i)}, {u"visit"_s, i}},
                                     formatUtcMillis(start.addMSecs(i * 10)), u"admin"_s);
            events.push_back(*event);
        }
        QElapsedTimer timer;
        timer.start();
        if (!(*ledger)->importEvents(events))
            return 3;
        const double us = double(timer.nsecsElapsed()) / 1e3 / double(events.size());
        if (done == 0 || (done + chunk) % (count / 10 > 0 ? count / 10 : chunk) == 0 || done + chunk >= count)
            std::printf("%-14lld %14.1f\n", done + chunk, us);
    }

    // The same bytes in a file, for sha256sum.
    const QString bytesPath = dir.filePath(u"events.bin"_s);
    QFile out(bytesPath);
    out.open(QIODevice::WriteOnly);
    qint64 total = 0;
    (void)(*ledger)->log().forEach(0, count, 10000, [&](const StoredEvent &e) {
        out.write(e.body);
        total += e.body.size();
        return true;
    });
    out.close();

    QElapsedTimer timer;
    timer.start();
    auto report = (*ledger)->verify();
    const double verifySeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!report || !report->ok)
        return 3;
    timer.restart();
    QProcess sha;
    sha.start(u"sha256sum"_s, {bytesPath});
    sha.waitForFinished(-1);
    const double shaSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double mb = double(total) / 1e6;
    std::printf("\nverify %lld events (%.1f MB of events): %.2f s = %.1f MB/s; sha256sum of the same bytes: "
                "%.2f s = %.1f MB/s; ratio %.1f%%\n",
                count, mb, verifySeconds, mb / verifySeconds, shaSeconds, mb / shaSeconds,
                100.0 * (mb / verifySeconds) / (mb / shaSeconds));
    QFile::remove(bytesPath); // plaintext event bytes: never left behind

    // Proofs through the encrypted store at this size: inclusion of spread-out events and
    // consistency from spread-out earlier sizes, each read from persisted nodes.
    std::vector<double> inclusion;
    std::vector<double> consistency;
    const quint64 size = (*ledger)->log().size();
    for (int i = 0; i < 1000; ++i) {
        const qint64 seq = qint64((quint64(i) * 7919 * 104729) % size);
        const QString guid = u"ev-%1"_s.arg(seq);
        QElapsedTimer t;
        t.start();
        auto proof = (*ledger)->proof(guid, std::nullopt);
        inclusion.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!proof || !verifyInclusion(*proof, (*ledger)->log().root()))
            return 3;
        t.restart();
        auto cons = (*ledger)->consistency(quint64(seq) + 1, size);
        consistency.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!cons)
            return 3;
    }
    std::sort(inclusion.begin(), inclusion.end());
    std::sort(consistency.begin(), consistency.end());
    std::printf("at %llu events: inclusion proof median %.3f ms (p99 %.3f), consistency proof median %.3f ms "
                "(p99 %.3f); target < 1 ms\n",
                static_cast<unsigned long long>(size), inclusion[500], inclusion[990], consistency[500],
                consistency[990]);
    return 0;
}
