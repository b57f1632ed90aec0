// A supervisor opening one household's audit trail and moving the time-travel slider, in a
// registry where that household has many events among many others.
//
//   bench_ui_audit [others] [householdEvents] [steps]
//     others           events of other households (default 200000; 1000000 works, and takes
//                      a couple of minutes to build)
//     householdEvents  events of the household looked at, spread through the log (default 1000;
//                      about 1 in 20 arrives late)
//     steps            slider steps timed in each mode (default 200, from the last event back)
//
// The registry is built once (import in batches, as a sync would) in a temporary folder. Then:
// the core calls the views make, as a baseline (Ledger::history, Ledger::entityAt, snapshotAt
// with the members, RecordedHistory::load and at()), opening the audit trail (the model alone,
// then the whole view with its filters and tree), opening the time-travel view, and each slider
// step in both modes (the view's setPosition: the snapshot from core plus the tables refilled).
// Target: each step under 50 ms. Times are wall-clock milliseconds; median and max.

#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/domain/timeline.h"
#include "core/events/timestamp.h"
#include "core/storage/registry.h"
#include "ui/supervision/audittrailmodel.h"
#include "ui/supervision/audittrailview.h"
#include "ui/supervision/timetravelview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fieldledger;

namespace {

const QString kTarget = u"hh-target"_s;

struct Stats {
    double median = 0;
    double max = 0;
};

Stats stats(std::vector<double> samples)
{
    if (samples.empty())
        return {};
    std::ranges::sort(samples);
    return {samples[samples.size() / 2], samples.back()};
}

double timeMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

Stats repeat(int times, const std::function<void()> &work)
{
    std::vector<double> samples;
    for (int i = 0; i < times; ++i)
        samples.push_back(timeMs(work));
    return stats(std::move(samples));
}

void row(const char *what, Stats s, const char *note = "")
{
    std::printf("%-44s %10.2f %10.2f  %s\n", what, s.median, s.max, note);
    std::fflush(stdout);
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_ui_audit: %s\n", qPrintable(message));
    std::exit(2);
}

QString timestamp(qint64 seconds)
{
    static const QDateTime base(QDate(2025, 1, 1), QTime(6, 0), QTimeZone::utc());
    return core::formatUtcMillis(base.addSecs(seconds));
}

QJsonObject person(const QString &guid, std::mt19937 &rng)
{
    static const QStringList names{u"Ama"_s, u"Kofi"_s, u"Efua"_s, u"Kwame"_s, u"Adjoa"_s, u"Yaw"_s};
    return QJsonObject{{u"guid"_s, guid},
                       {u"name"_s, names[qsizetype(rng() % quint32(names.size()))]},
                       {u"age"_s, int(rng() % 80)}};
}

// The events of the household looked at: registered with four members, then visits (fields),
// members born and leaving, now and then late.
core::Event targetEvent(int index, qint64 second, std::mt19937 &rng)
{
    QString type = u"update-group"_s;
    QJsonObject data;
    std::optional<QJsonObject> context;
    if (index == 0) {
        type = u"create-group"_s;
        data = {{u"name"_s, u"Mensah household"_s},
                {u"village"_s, u"Kalo"_s},
                {u"members"_s, QJsonArray{person(u"t-0"_s, rng), person(u"t-1"_s, rng), person(u"t-2"_s, rng),
                                          person(u"t-3"_s, rng)}}};
    } else if (index % 10 == 3) {
        type = u"add-member"_s;
        data = {{u"members"_s, QJsonArray{person(u"t-%1"_s.arg(index), rng)}}};
    } else if (index % 10 == 7) {
        type = u"remove-member"_s;
        data = {{u"memberId"_s, u"t-%1"_s.arg(index - 4)}, {u"reason"_s, u"left"_s}};
        context = QJsonObject{{u"reason"_s, u"household visit"_s}};
    } else {
        data = {{u"visit"_s, index},
                {u"income"_s, int(rng() % 5000)},
                {u"roof"_s, rng() % 2 ? u"tin"_s : u"thatch"_s}};
    }
    const qint64 when = index > 0 && rng() % 20 == 0 ? second - qint64(rng() % 7200) : second; // late
    auto event = core::Event::make(u"target-%1"_s.arg(index), kTarget, type, data, timestamp(when),
                                   u"enumerator-7"_s, std::nullopt, context);
    if (!event)
        die(event.error().message);
    return *event;
}

core::Event otherEvent(qint64 index, qint64 second, qint64 households, std::mt19937 &rng)
{
    const qint64 household = index < households ? index : qint64(rng() % quint64(households));
    const QString guid = u"hh-%1"_s.arg(household);
    QString type = u"update-group"_s;
    QJsonObject data;
    if (index < households) {
        type = u"create-group"_s;
        data = {{u"name"_s, u"Household %1"_s.arg(household)},
                {u"members"_s, QJsonArray{person(guid + u"-a"_s, rng), person(guid + u"-b"_s, rng)}}};
    } else if (rng() % 3 == 0) {
        type = u"update-individual"_s;
        auto event =
            core::Event::make(u"o-%1"_s.arg(index), guid + u"-a"_s, type, {{u"age"_s, int(rng() % 90)}},
                              timestamp(second), u"enumerator-%1"_s.arg(rng() % 20));
        if (!event)
            die(event.error().message);
        return *event;
    } else {
        data = {{u"visit"_s, int(index)}, {u"income"_s, int(rng() % 5000)}};
    }
    auto event = core::Event::make(u"o-%1"_s.arg(index), guid, type, data, timestamp(second),
                                   u"enumerator-%1"_s.arg(rng() % 20));
    if (!event)
        die(event.error().message);
    return *event;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("FIELDLEDGER_TEST_FAST_KDF", "1");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 others = args.size() > 1 ? args[1].toLongLong() : 200000;
    const int householdEvents = args.size() > 2 ? args[2].toInt() : 1000;
    const int steps = args.size() > 3 ? args[3].toInt() : 200;
    if (others < 1 || householdEvents < 2 || steps < 1)
        die(u"usage: bench_ui_audit [others] [householdEvents] [steps]"_s);

    QTemporaryDir dir;
    core::ManualClock clock(QDateTime(QDate(2026, 1, 1), QTime(12, 0), QTimeZone::utc()));
    core::SequentialIdGenerator ids(u"id-"_s);
    const QByteArray passphrase = "bench passphrase";
    auto created = core::Registry::create(
        dir.filePath(u"bench.fieldledger"_s), {u"Bench"_s, u"admin"_s, {}, std::nullopt},
        core::SecretBytes(passphrase.constData(), std::size_t(passphrase.size())), clock);
    if (!created)
        die(created.error().message);
    std::unique_ptr<core::Registry> registry = std::move(created->registry);
    QSqlQuery(registry->database()).exec(u"PRAGMA synchronous = OFF"_s); // building only
    auto opened = core::Ledger::open(*registry, {&clock, &ids});
    if (!opened)
        die(opened.error().message);
    core::Ledger &ledger = **opened;

    // --- build -----------------------------------------------------------------------------
    std::printf("building: %lld other events, %d of the household, in one registry...\n", others,
                householdEvents);
    std::fflush(stdout);
    std::mt19937 rng(20261126);
    const qint64 total = others + householdEvents;
    const qint64 households = std::max<qint64>(1, others / 10);
    const qint64 every = std::max<qint64>(1, total / householdEvents);
    std::vector<core::Event> batch;
    int target = 0;
    qint64 other = 0;
    QElapsedTimer building;
    building.start();
    for (qint64 i = 0; i < total; ++i) {
        if (target < householdEvents && (i % every == every / 2 || total - i <= householdEvents - target))
            batch.push_back(targetEvent(target++, i * 10, rng));
        else
            batch.push_back(otherEvent(other++, i * 10, households, rng));
        if (batch.size() == 5000 || i + 1 == total) {
            if (auto imported = ledger.importEvents(batch); !imported)
                die(imported.error().message);
            batch.clear();
        }
    }
    std::printf("built in %.1f s: %llu events in the log\n\n", double(building.elapsed()) / 1000,
                qulonglong(ledger.log().size()));

    auto timeline = core::EntityTimeline::load(ledger, kTarget);
    if (!timeline)
        die(timeline.error().message);
    const auto &events = timeline->events();
    std::printf("household %s: %zu events in its audit trail (some members' removals change it too)\n\n",
                qPrintable(kTarget), events.size());
    std::printf("%-44s %10s %10s\n", "what", "median ms", "max ms");

    // --- core baseline -----------------------------------------------------------------------
    row("core: Ledger::history (the whole trail)", repeat(5, [&] { (void)ledger.history(kTarget); }));
    std::vector<double> samples;
    for (int s = 0; s < steps; ++s) {
        const qint64 instant =
            events[std::size_t(qsizetype(events.size()) - 1 - s % qsizetype(events.size()))].instantNs;
        samples.push_back(timeMs([&] { (void)ledger.entityAt(kTarget, instant); }));
    }
    row("core: Ledger::entityAt (household only)", stats(samples));
    samples.clear();
    for (int s = 0; s < steps; ++s) {
        const qint64 instant =
            events[std::size_t(qsizetype(events.size()) - 1 - s % qsizetype(events.size()))].instantNs;
        samples.push_back(timeMs([&] { (void)core::snapshotAt(ledger, kTarget, instant); }));
    }
    row("core: snapshotAt (household + members)", stats(samples));
    std::optional<core::RecordedHistory> recorded;
    row("core: RecordedHistory::load", repeat(3, [&] {
            auto loaded = core::RecordedHistory::load(ledger, kTarget);
            if (!loaded)
                die(loaded.error().message);
            recorded = std::move(*loaded);
        }));
    samples.clear();
    for (int s = 0; s < steps; ++s) {
        const qint64 size = events[std::size_t(timeline->logOrder()[std::size_t(
                                       qsizetype(events.size()) - 1 - s % qsizetype(events.size()))])]
                                .seq +
                            1;
        samples.push_back(timeMs([&] { (void)recorded->at(size); }));
    }
    row("core: RecordedHistory::at (household + members)", stats(samples));
    const qint64 middle = events[events.size() / 2].seq + 1;
    row("core: Ledger::entityAsRecorded (before-images, or a replay across a late event)",
        repeat(1, [&] { (void)ledger.entityAsRecorded(kTarget, middle); }), "what RecordedHistory avoids");

    // --- the views ---------------------------------------------------------------------------
    row("open the audit trail model", repeat(5, [&] { ui::AuditTrailModel model(ledger, kTarget); }));
    row("open the audit trail view (filters, tree)", repeat(3, [&] {
            ui::AuditTrailView view(ledger, kTarget);
            view.resize(1000, 600);
            view.show();
            QCoreApplication::processEvents();
        }));
    std::unique_ptr<ui::TimeTravelView> travel;
    row("open the time-travel view", repeat(1, [&] {
            travel = std::make_unique<ui::TimeTravelView>(ledger, kTarget);
            travel->resize(900, 520);
            travel->show();
            QCoreApplication::processEvents();
        }));
    for (const auto mode : {ui::TimeTravelView::Mode::AsItHappened, ui::TimeTravelView::Mode::AsRecorded}) {
        const bool happened = mode == ui::TimeTravelView::Mode::AsItHappened;
        if (!happened) {
            const double first = timeMs([&] { travel->setMode(mode); });
            std::printf("%-44s %10.2f %10s  %s\n", "switch to As recorded (loads the events once)", first, "",
                        "");
        }
        travel->toLast();
        QCoreApplication::processEvents();
        samples.clear();
        std::vector<double> updates;
        std::vector<double> paints;
        for (int s = 0; s < steps; ++s) {
            const double update = timeMs([&] { travel->stepBack(); });
            const double paint = timeMs([&] { QCoreApplication::processEvents(); });
            updates.push_back(update);
            paints.push_back(paint);
            samples.push_back(update + paint);
        }
        row(happened ? "  step: core + tables, As it happened" : "  step: core + tables, As recorded",
            stats(updates));
        row("  step: layout and paint", stats(paints));
        row(happened ? "slider step, As it happened" : "slider step, As this registry recorded it",
            stats(samples), "target < 50 ms");
    }
    return 0;
}
