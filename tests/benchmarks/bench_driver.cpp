// Inserts N event-like rows into an encrypted database twice in the same run: through QSqlQuery
// over the FLSQLCIPHER driver (prepared once, bound by position), and straight through
// SQLCipher's C API (same schema, pragmas, key and cache size). Prints rows/s for both and the
// ratio driver / C API.
//
// Usage: bench_driver [rows = 200000] [rows per transaction = 10000] [rounds = 1] [both|driver|capi]
// With several rounds, each path's best round is reported. Wall time includes the fsync of each
// commit; CPU time is the thread's own, steadier on a busy machine.

#include "core/common/secret.h"
#include "core/storage/sqlcipherdriver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <openssl/rand.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace fieldledger::core;
using namespace Qt::StringLiterals;

namespace {

constexpr int kCacheSizeKiB = 131072;
constexpr int kBodyBytes = 300;
constexpr int kBodyVariants = 64;

constexpr const char *kSchema =
    "CREATE TABLE events (seq INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, "
    "entity TEXT NOT NULL, type TEXT NOT NULL, ts INTEGER NOT NULL, body BLOB NOT NULL)";
constexpr const char *kInsert =
    "INSERT INTO events (seq, guid, entity, type, ts, body) VALUES (?, ?, ?, ?, ?, ?)";

// The rows, made before any timing: QStrings for the Qt path, UTF-8 for the C path.
struct Rows {
    std::vector<QString> guids;
    std::vector<QByteArray> guidsUtf8;
    std::vector<QString> entities;
    std::vector<QByteArray> entitiesUtf8;
    std::vector<QString> types;
    std::vector<QByteArray> typesUtf8;
    std::vector<QByteArray> bodies;

    static Rows make(int count)
    {
        Rows rows;
        rows.guids.reserve(std::size_t(count));
        rows.entities.reserve(std::size_t(count));
        quint64 state = 0x9e3779b97f4a7c15ULL;
        const auto next = [&state] {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state;
        };
        for (int i = 0; i < count; ++i) {
            const quint64 a = next();
            const quint64 b = next();
            rows.guids.push_back(QString::asprintf("%08llx-%04llx-4%03llx-a%03llx-%012llx", a >> 32,
                                                   (a >> 16) & 0xffff, a & 0xfff, (b >> 52) & 0xfff,
                                                   b & 0xffffffffffffULL));
            rows.entities.push_back(u"household-%1"_s.arg(i / 5, 7, 10, QChar(u'0')));
        }
        for (const QString &guid : rows.guids)
            rows.guidsUtf8.push_back(guid.toUtf8());
        for (const QString &entity : rows.entities)
            rows.entitiesUtf8.push_back(entity.toUtf8());
        for (const QString &type :
             {u"household.registered"_s, u"member.added"_s, u"member.updated"_s, u"visit.recorded"_s}) {
            rows.types.push_back(type);
            rows.typesUtf8.push_back(type.toUtf8());
        }
        for (int v = 0; v < kBodyVariants; ++v) {
            QByteArray body(kBodyBytes, Qt::Uninitialized);
            for (char &byte : body)
                byte = char(next() & 0xff);
            rows.bodies.push_back(body);
        }
        return rows;
    }
};

// Wall and CPU time of one insert run; negative seconds on failure.
struct Timing {
    double seconds = -1;
    double cpuSeconds = -1;
};

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// Starts both clocks; finish() fills a Timing.
class Stopwatch final {
public:
    Stopwatch()
        : m_cpuStart(threadCpuSeconds())
    {
        m_wall.start();
    }
    [[nodiscard]] Timing finish() const
    {
        return Timing{double(m_wall.nsecsElapsed()) / 1e9, threadCpuSeconds() - m_cpuStart};
    }

private:
    QElapsedTimer m_wall;
    double m_cpuStart;
};

qint64 timestampOf(int i)
{
    return 1'700'000'000'000LL + qint64(i) * 1000;
}

Timing insertThroughDriver(const QString &file, const SecretBytes &key, const Rows &rows, int count,
                           int batch)
{
    const QString connection = u"bench-driver"_s;
    Timing timing;
    {
        SqlCipherOpenOptions options;
        options.cacheSizeKiB = kCacheSizeKiB;
        auto db = openSqlCipherDatabase(connection, file, key, options);
        if (!db) {
            qWarning("driver: %s", qPrintable(db.error().message));
            return timing;
        }
        QSqlQuery schema(*db);
        if (!schema.exec(QString::fromLatin1(kSchema))) {
            qWarning("driver: %s", qPrintable(schema.lastError().text()));
            return timing;
        }
        QSqlQuery insert(*db);
        if (!insert.prepare(QString::fromLatin1(kInsert))) {
            qWarning("driver: %s", qPrintable(insert.lastError().text()));
            return timing;
        }
        const Stopwatch stopwatch;
        bool ok = true;
        for (int i = 0; i < count && ok; ++i) {
            if (i % batch == 0)
                ok = db->transaction();
            insert.bindValue(0, qlonglong(i));
            insert.bindValue(1, rows.guids[std::size_t(i)]);
            insert.bindValue(2, rows.entities[std::size_t(i)]);
            insert.bindValue(3, rows.types[std::size_t(i) % rows.types.size()]);
            insert.bindValue(4, timestampOf(i));
            insert.bindValue(5, rows.bodies[std::size_t(i) % rows.bodies.size()]);
            ok = ok && insert.exec();
            if (ok && ((i + 1) % batch == 0 || i + 1 == count))
                ok = db->commit();
        }
        if (ok) {
            timing = stopwatch.finish();
            QSqlQuery check(*db);
            if (!check.exec(u"SELECT count(*) FROM events"_s) || !check.next() ||
                check.value(0).toInt() != count) {
                qWarning("driver: wrong row count");
                timing = Timing();
            }
        } else {
            qWarning("driver: %s / %s", qPrintable(insert.lastError().text()),
                     qPrintable(db->lastError().text()));
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return timing;
}

bool step(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    qWarning("C API: %s: %s", sql, sqlite3_errmsg(db));
    return false;
}

Timing insertThroughCApi(const QString &file, const SecretBytes &key, const Rows &rows, int count, int batch)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(file.toUtf8().constData(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        qWarning("C API: cannot open %s", qPrintable(file));
        sqlite3_close(db);
        return Timing();
    }
    QByteArray literal = "x'" + QByteArray(key.data(), qsizetype(key.size())).toHex() + "'";
    sqlite3_key(db, literal.constData(), int(literal.size()));
    SecretBytes::wipe(literal);
    sqlite3_busy_timeout(db, 5000);
    const QByteArray cacheSize = "PRAGMA cache_size = -" + QByteArray::number(kCacheSizeKiB);
    bool ok = step(db, "SELECT count(*) FROM sqlite_master") && step(db, "PRAGMA journal_mode = WAL") &&
              step(db, "PRAGMA synchronous = FULL") && step(db, "PRAGMA temp_store = MEMORY") &&
              step(db, "PRAGMA foreign_keys = ON") && step(db, cacheSize.constData()) && step(db, kSchema);
    sqlite3_stmt *insert = nullptr;
    ok = ok && sqlite3_prepare_v3(db, kInsert, -1, SQLITE_PREPARE_PERSISTENT, &insert, nullptr) == SQLITE_OK;
    Timing timing;
    if (ok) {
        const Stopwatch stopwatch;
        for (int i = 0; i < count && ok; ++i) {
            if (i % batch == 0)
                ok = step(db, "BEGIN IMMEDIATE");
            const QByteArray &guid = rows.guidsUtf8[std::size_t(i)];
            const QByteArray &entity = rows.entitiesUtf8[std::size_t(i)];
            const QByteArray &type = rows.typesUtf8[std::size_t(i) % rows.typesUtf8.size()];
            const QByteArray &body = rows.bodies[std::size_t(i) % rows.bodies.size()];
            sqlite3_bind_int64(insert, 1, i);
            sqlite3_bind_text(insert, 2, guid.constData(), int(guid.size()), nullptr);
            sqlite3_bind_text(insert, 3, entity.constData(), int(entity.size()), nullptr);
            sqlite3_bind_text(insert, 4, type.constData(), int(type.size()), nullptr);
            sqlite3_bind_int64(insert, 5, timestampOf(i));
            sqlite3_bind_blob(insert, 6, body.constData(), int(body.size()), nullptr);
            ok = ok && sqlite3_step(insert) == SQLITE_DONE;
            sqlite3_reset(insert);
            if (ok && ((i + 1) % batch == 0 || i + 1 == count))
                ok = step(db, "COMMIT");
        }
        if (ok)
            timing = stopwatch.finish();
        else
            qWarning("C API: %s", sqlite3_errmsg(db));
    }
    sqlite3_finalize(insert);
    sqlite3_close(db);
    if (timing.seconds >= 0) {
        sqlite3 *check = nullptr;
        sqlite3_stmt *counter = nullptr;
        // a fresh handle: the rows must be readable with the key
        sqlite3_open_v2(file.toUtf8().constData(), &check, SQLITE_OPEN_READONLY, nullptr);
        QByteArray again = "x'" + QByteArray(key.data(), qsizetype(key.size())).toHex() + "'";
        sqlite3_key(check, again.constData(), int(again.size()));
        SecretBytes::wipe(again);
        const bool counted =
            sqlite3_prepare_v2(check, "SELECT count(*) FROM events", -1, &counter, nullptr) == SQLITE_OK &&
            sqlite3_step(counter) == SQLITE_ROW && sqlite3_column_int(counter, 0) == count;
        sqlite3_finalize(counter);
        sqlite3_close(check);
        if (!counted) {
            qWarning("C API: wrong row count");
            return Timing();
        }
    }
    return timing;
}

int argument(const QStringList &arguments, int index, int fallback)
{
    bool ok = false;
    const int value = arguments.value(index).toInt(&ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const int count = argument(arguments, 1, 200000);
    const int batch = argument(arguments, 2, 10000);
    const int rounds = argument(arguments, 3, 1);
    const QString only = arguments.value(4, u"both"_s);
    const bool runDriver = only != u"capi"_s;
    const bool runCApi = only != u"driver"_s;

    SecretBytes key(32);
    if (RAND_bytes(key.bytes(), int(key.size())) != 1)
        return 1;
    const Rows rows = Rows::make(count);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;

    // Each path's best wall time and best CPU time over the rounds.
    Timing bestDriver{1e300, 1e300};
    Timing bestCApi{1e300, 1e300};
    const auto keepBest = [](Timing &best, const Timing &run) {
        best.seconds = std::min(best.seconds, run.seconds);
        best.cpuSeconds = std::min(best.cpuSeconds, run.cpuSeconds);
    };
    for (int round = 0; round < rounds; ++round) {
        if (runCApi) {
            const Timing cApi =
                insertThroughCApi(dir.filePath(u"capi-%1.db"_s.arg(round)), key, rows, count, batch);
            if (cApi.seconds < 0)
                return 1;
            keepBest(bestCApi, cApi);
        }
        if (runDriver) {
            const Timing driver =
                insertThroughDriver(dir.filePath(u"driver-%1.db"_s.arg(round)), key, rows, count, batch);
            if (driver.seconds < 0)
                return 1;
            keepBest(bestDriver, driver);
        }
    }

    std::printf("bench_driver: %d rows (~%d bytes each), %d rows per transaction, best of %d round(s); "
                "SQLite %s, WAL, synchronous=FULL, cache_size=-%d\n",
                count, kBodyBytes + 80, batch, rounds, sqlite3_libversion(), kCacheSizeKiB);
    std::printf("%-24s %10s %12s %10s %14s\n", "path", "wall s", "rows/s", "CPU s", "rows/CPU-s");
    const auto print = [count](const char *name, const Timing &timing) {
        std::printf("%-24s %10.3f %12.0f %10.3f %14.0f\n", name, timing.seconds, count / timing.seconds,
                    timing.cpuSeconds, count / timing.cpuSeconds);
    };
    if (runDriver)
        print("QSqlQuery + FLSQLCIPHER", bestDriver);
    if (runCApi)
        print("SQLCipher C API", bestCApi);
    if (runDriver && runCApi)
        std::printf("ratio driver / C API, rows/s: %.3f wall, %.3f CPU\n",
                    bestCApi.seconds / bestDriver.seconds, bestCApi.cpuSeconds / bestDriver.cpuSeconds);
    return 0;
}
