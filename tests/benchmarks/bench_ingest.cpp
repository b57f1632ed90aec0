// Ingest through the submit path on an encrypted registry, against the physical floor: the
// same events inserted raw through the SQLCipher C API (one row per event, unique guid index,
// encrypted, large transactions, 128 MB page cache), in the same run; and every row the submit
// path wrote, raw, with the same schema (how much of the gap is the rows). Also: time travel on an
// entity with 10,000 events, a late event's re-projection, a single interactive submit.
//
//   bench_ingest [EVENTS=100000] [BATCH=10000]
#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/events/timestamp.h"
#include "core/storage/registry.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTimeZone>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

long rssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

const QDateTime kStart(QDate(2026, 1, 1), QTime(8, 0), QTimeZone::utc());

// Households with three members, each followed by an update: commands [from, to) of that
// sequence (command i is household i / 2's creation, or its update for odd i). Made batch by
// batch, so that the benchmark's own memory does not grow with the log.
std::vector<Command> makeCommands(qint64 from, qint64 to)
{
    std::vector<Command> commands;
    commands.reserve(std::size_t(to - from));
    for (qint64 i = from; i < to; ++i) {
        const qint64 household = i / 2;
        const QString hh = u"hh-%1"_s.arg(household);
        Command command;
        command.entityGuid = hh;
        command.timestamp = formatUtcMillis(kStart.addMSecs(i * 50));
        if (i % 2 == 0) {
            command.type = u"create-group"_s;
            command.guid = u"ev-%1-c"_s.arg(household);
            QJsonArray members;
            for (int m = 0; m < 3; ++m)
                members.append(QJsonObject{{u"guid"_s, u"%1-p%2"_s.arg(hh).arg(m)},
                                           {u"name"_s, u"Member %1 of household %2"_s.arg(m).arg(household)},
                                           {u"age"_s, 10 + m * 15},
                                           {u"relationship"_s, m == 0 ? u"head"_s : u"child"_s}});
            command.data = QJsonObject{{u"name"_s, u"Household %1"_s.arg(household)},
                                       {u"village"_s, u"Village %1"_s.arg(household % 50)},
                                       {u"members"_s, members}};
        } else {
            command.type = u"update-group"_s;
            command.guid = u"ev-%1-u"_s.arg(household);
            command.data = QJsonObject{{u"phone"_s, u"+221 77 %1"_s.arg(household, 7, 10, QChar(u'0'))}};
        }
        commands.push_back(std::move(command));
    }
    return commands;
}

double rawInserts(const QString &path, const std::vector<QByteArray> &bodies,
                  const std::vector<QString> &guids, int batch)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    const char *key = "x'000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'";
    sqlite3_key(db, key, int(std::strlen(key)));
    sqlite3_exec(
        db,
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY; "
        "PRAGMA cache_size=-131072; "
        "CREATE TABLE events (seq INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, body BLOB NOT NULL);",
        nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO events (seq, guid, body) VALUES (?, ?, ?)", -1, &insert, nullptr);
    QElapsedTimer timer;
    timer.start();
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        if (i % std::size_t(batch) == 0)
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        const QByteArray guid = guids[i].toUtf8();
        sqlite3_bind_int64(insert, 1, qint64(i));
        sqlite3_bind_text(insert, 2, guid.constData(), int(guid.size()), SQLITE_TRANSIENT);
        sqlite3_bind_blob(insert, 3, bodies[i].constData(), int(bodies[i].size()), SQLITE_STATIC);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        if ((i + 1) % std::size_t(batch) == 0 || i + 1 == bodies.size())
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return double(bodies.size()) / seconds;
}

// The second floor: every row the submit path wrote for the first `count` events (the event
// and its indexes, Merkle nodes, the entities they created, memberships, effects, anomalies),
// inserted raw through the C API into a database with the registry's own schema, event batch
// by event batch in the order the submit path wrote them. Reading the rows back is not timed;
// only the inserts and commits are. Returns events per second.
double rawAllRows(QSqlDatabase registry, const QString &path, qint64 count, int batch, double *rowsPerEvent)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    const char *key = "x'000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'";
    sqlite3_key(db, key, int(std::strlen(key)));
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY; "
                 "PRAGMA cache_size=-131072;",
                 nullptr, nullptr, nullptr);
    const QStringList tables{u"events"_s,      u"log_nodes"_s, u"entities"_s,
                             u"memberships"_s, u"effects"_s,   u"anomalies"_s};
    QSqlQuery schema(registry);
    schema.exec(u"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN "
                "('events', 'log_nodes', 'entities', 'memberships', 'effects', 'anomalies') "
                "ORDER BY type DESC"_s); // tables before their indexes
    while (schema.next())
        sqlite3_exec(db, schema.value(0).toString().toUtf8().constData(), nullptr, nullptr, nullptr);
    // Per table: how to read one batch's rows (events seq in [?1, ?2)), in the order written.
    const QStringList readers{
        u"SELECT * FROM events WHERE seq >= ? AND seq < ? ORDER BY seq"_s,
        // A node (level, idx) is completed by leaf (idx + 1) * 2^level - 1.
        u"SELECT * FROM log_nodes WHERE ((idx + 1) << level) - 1 >= ? AND ((idx + 1) << level) - 1 < ? "
        "ORDER BY ((idx + 1) << level), level"_s,
        u"SELECT n.* FROM events e JOIN effects f ON f.event_guid = e.guid AND f.before IS NULL "
        "JOIN entities n ON n.guid = f.entity_guid WHERE e.seq >= ? AND e.seq < ? ORDER BY e.seq"_s,
        u"SELECT m.* FROM events e JOIN effects f ON f.event_guid = e.guid AND f.before IS NULL "
        "JOIN memberships m ON m.group_guid = f.entity_guid WHERE e.seq >= ? AND e.seq < ? ORDER BY e.seq"_s,
        u"SELECT f.* FROM events e JOIN effects f ON f.event_guid = e.guid AND f.instant_ns = e.instant_ns "
        "WHERE e.seq >= ? AND e.seq < ? ORDER BY e.seq"_s,
        u"SELECT a.* FROM events e JOIN anomalies a ON a.event_guid = e.guid AND a.instant_ns = e.instant_ns "
        "WHERE e.seq >= ? AND e.seq < ? ORDER BY e.seq"_s};
    std::vector<sqlite3_stmt *> inserts;
    for (const QString &table : tables) {
        QSqlQuery columns(registry);
        columns.exec(u"SELECT count(*) FROM pragma_table_info('%1')"_s.arg(table));
        columns.next();
        QStringList marks(columns.value(0).toInt(), u"?"_s);
        sqlite3_stmt *insert = nullptr;
        sqlite3_prepare_v2(
            db, u"INSERT OR IGNORE INTO %1 VALUES (%2)"_s.arg(table, marks.join(u',')).toUtf8().constData(),
            -1, &insert, nullptr);
        inserts.push_back(insert);
    }
    qint64 nanoseconds = 0;
    qint64 rows = 0;
    for (qint64 start = 0; start < count; start += batch) {
        // Read (untimed): the batch's rows, table by table.
        std::vector<std::vector<QList<QVariant>>> batchRows(tables.size());
        for (qsizetype t = 0; t < tables.size(); ++t) {
            QSqlQuery read(registry);
            read.setForwardOnly(true);
            read.prepare(readers[t]);
            read.bindValue(0, start);
            read.bindValue(1, std::min(count, start + batch));
            read.exec();
            while (read.next()) {
                QList<QVariant> values;
                for (int c = 0; c < read.record().count(); ++c)
                    values.append(read.value(c));
                batchRows[std::size_t(t)].push_back(std::move(values));
            }
        }
        // Insert (timed), in one transaction like the submit path's batch.
        QElapsedTimer timer;
        timer.start();
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (std::size_t t = 0; t < batchRows.size(); ++t) {
            for (const QList<QVariant> &values : batchRows[t]) {
                sqlite3_stmt *insert = inserts[t];
                for (int c = 0; c < int(values.size()); ++c) {
                    const QVariant &v = values[c];
                    if (v.isNull())
                        sqlite3_bind_null(insert, c + 1);
                    else if (v.typeId() == QMetaType::QByteArray)
                        sqlite3_bind_blob(insert, c + 1, v.toByteArray().constData(),
                                          int(v.toByteArray().size()), SQLITE_TRANSIENT);
                    else if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
                        sqlite3_bind_int64(insert, c + 1, v.toLongLong());
                    else {
                        const QByteArray text = v.toString().toUtf8();
                        sqlite3_bind_text(insert, c + 1, text.constData(), int(text.size()),
                                          SQLITE_TRANSIENT);
                    }
                }
                sqlite3_step(insert);
                sqlite3_reset(insert);
                ++rows;
            }
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        nanoseconds += timer.nsecsElapsed();
    }
    for (sqlite3_stmt *insert : inserts)
        sqlite3_finalize(insert);
    sqlite3_close(db);
    *rowsPerEvent = double(rows) / double(count);
    return double(count) / (double(nanoseconds) / 1e9);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 100000;
    const int batch = argc > 2 ? QByteArray(argv[2]).toInt() : 10000;
    qputenv("FIELDLEDGER_TEST_FAST_KDF", "1");
    QTemporaryDir dir(QDir::currentPath() + u"/bench-ingest-XXXXXX"_s); // on the real disk, not tmpfs
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::printf("bench_ingest: %lld events, batches of %d, in %s\n", count, batch, qPrintable(dir.path()));

    ManualClock clock(kStart);
    SequentialIdGenerator ids(u"bench-"_s);
    Registry::CreateOptions options;
    options.name = u"bench"_s;
    options.adminId = u"admin"_s;
    auto created = Registry::create(dir.filePath(u"r.fieldledger"_s), options,
                                    SecretBytes("bench passphrase", 16), clock);
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
        return 2;
    }
    std::unique_ptr<Registry> registry = std::move(created->registry);
    QSqlQuery(registry->database()).exec(u"PRAGMA cache_size = -131072"_s);
    auto ledger = Ledger::open(*registry, Ledger::Options{&clock, &ids});
    if (!ledger) {
        std::fprintf(stderr, "%s\n", qPrintable(ledger.error().message));
        return 2;
    }

    std::printf("%-28s %12s %12s %10s\n", "events so far", "events/s", "batch ms", "RSS MiB");
    double submitSeconds = 0; // the submits alone, not the making of the commands
    const auto total = std::size_t(count);
    for (std::size_t start = 0; start < total; start += std::size_t(batch)) {
        const std::size_t end = std::min(total, start + std::size_t(batch));
        std::vector<Command> commands = makeCommands(qint64(start), qint64(end));
        QElapsedTimer timer;
        timer.start();
        auto report = (*ledger)->submitBatch(commands);
        if (!report) {
            std::fprintf(stderr, "submit failed: %s\n", qPrintable(report.error().message));
            return 2;
        }
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        submitSeconds += ms / 1000;
        if (end == total ||
            (end / std::size_t(batch)) % std::max<std::size_t>(1, total / std::size_t(batch) / 10) == 0)
            std::printf("%-28zu %12.0f %12.1f %10.1f\n", end, double(end - start) / (ms / 1000), ms,
                        rssKiB() / 1024.0);
    }
    const double oursRate = double(count) / submitSeconds;

    // The floor: the same canonical events, raw.
    std::vector<QByteArray> bodies;
    std::vector<QString> guids;
    bodies.reserve(std::size_t(count));
    (*ledger)
        ->log()
        .forEach(0, count, 10000,
                 [&](const StoredEvent &e) {
                     bodies.push_back(e.body);
                     guids.push_back(e.guid);
                     return true;
                 })
        .value();
    const double rawRate = rawInserts(dir.filePath(u"raw.db"_s), bodies, guids, batch);
    std::printf(
        "\nsubmit path: %.0f events/s   raw C API inserts: %.0f rows/s   ratio: %.1f%% (target >= 35%%)\n",
        oursRate, rawRate, 100.0 * oursRate / rawRate);
    // How much of the gap is the rows themselves: all of them, raw, at most 200,000 events' worth.
    {
        const qint64 measured = std::min<qint64>(count, 200000);
        double rowsPerEvent = 0;
        const double allRowsRate =
            rawAllRows(registry->database(), dir.filePath(u"rows.db"_s), measured, batch, &rowsPerEvent);
        std::printf("every row the submit path wrote (first %lld events, %.1f rows per event, same schema "
                    "and indexes), raw: %.0f events/s = %.1f%% of the one-row floor; the submit path "
                    "reaches %.1f%% of it\n",
                    static_cast<long long>(measured), rowsPerEvent, allRowsRate,
                    100.0 * allRowsRate / rawRate, 100.0 * oursRate / allRowsRate);
    }

    // Time travel on an entity with 10,000 events.
    {
        std::vector<Command> updates;
        for (int i = 0; i < 10000; ++i) {
            Command update;
            update.type = u"update-individual"_s;
            update.entityGuid = u"hh-0-p0"_s;
            update.timestamp = formatUtcMillis(kStart.addDays(400).addSecs(i));
            update.data = QJsonObject{{u"visits"_s, i}};
            updates.push_back(update);
        }
        (*ledger)->submitBatch(updates).value();
        std::vector<double> times;
        for (int i = 0; i < 200; ++i) {
            const qint64 at = kStart.addDays(400).addSecs((i * 47) % 10000).toMSecsSinceEpoch() * 1000000;
            QElapsedTimer timer;
            timer.start();
            auto state = (*ledger)->entityAt(u"hh-0-p0"_s, at);
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!state || !*state)
                return 3;
        }
        std::printf("time travel, entity with 10,000 events: median %.3f ms (target < 5 ms)\n",
                    median(times));
    }

    // As recorded at a log size no late event crosses (half the ingest): the kept before-images.
    {
        std::vector<double> times;
        for (int i = 0; i < 20; ++i) {
            const qint64 household = (count / 2 + i * 7) / 2 % std::max<qint64>(1, count / 2);
            QElapsedTimer timer;
            timer.start();
            auto state = (*ledger)->entityAsRecorded(u"hh-%1-p0"_s.arg(household), count / 2);
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!state)
                return 3;
        }
        std::printf("entity as recorded at log size %lld: median %.2f ms\n",
                    static_cast<long long>(count / 2), median(times));
    }

    // A late event: 100 events older than the newest, re-projected in place.
    {
        std::vector<double> times;
        for (int i = 0; i < 20; ++i) {
            Command late;
            late.type = u"update-individual"_s;
            late.entityGuid = u"hh-0-p0"_s;
            late.timestamp = formatUtcMillis(kStart.addDays(400).addSecs(9900).addMSecs(i * 10 + 1));
            late.data = QJsonObject{{u"late"_s, i}};
            QElapsedTimer timer;
            timer.start();
            (*ledger)->submit(late).value();
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::printf(
            "late event re-projection (100 later events), log of %llu: median %.2f ms (target < 10 ms)\n",
            static_cast<unsigned long long>((*ledger)->log().size()), median(times));
    }

    // A single interactive submit in its own transaction (synchronous=FULL: one fsync), made
    // now: after every event above, so it is not a late event.
    {
        clock.set(kStart.addDays(500));
        std::vector<double> times;
        for (int i = 0; i < 50; ++i) {
            Command one;
            one.type = u"create-individual"_s;
            one.entityGuid = u"single-%1"_s.arg(i);
            one.data = QJsonObject{{u"name"_s, u"Single %1"_s.arg(i)}};
            clock.advanceMs(1000);
            QElapsedTimer timer;
            timer.start();
            (*ledger)->submit(one).value();
            times.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::vector<double> fsyncs;
        const QByteArray probe = dir.filePath(u"fsync-probe"_s).toUtf8();
        const int fd = ::open(probe.constData(), O_CREAT | O_WRONLY, 0600);
        for (int i = 0; i < 50; ++i) {
            if (::write(fd, "x", 1) != 1)
                break;
            QElapsedTimer timer;
            timer.start();
            ::fsync(fd);
            fsyncs.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        ::close(fd);
        std::printf("single submit: median %.2f ms; one fsync on this disk: median %.2f ms "
                    "(target: < 2 ms plus one fsync)\n",
                    median(times), median(fsyncs));
    }
    return 0;
}
