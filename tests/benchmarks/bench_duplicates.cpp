// The duplicate check's cost per submission as the registry grows (issue 6: under 5 ms, flat).
//
// For each size, a registry of that many individuals (names drawn from a pool of 80 × 80, ages
// 0-89, a phone on every fifth, so that a new registration meets a few candidates on each rule)
// is filled with submitBatch, without the index. Then N single submissions (each its own
// transaction, like a form) are timed without the index, the index is installed (a full
// rebuild, timed), and N more are timed with it. Half of the timed registrations repeat a
// person already there (they are flagged); the other half are new.
//
//   bench_duplicates [SIZES=10000,50000,200000] [SUBMISSIONS=200]
//
// synchronous=OFF: the fsync of each commit would swamp the check being measured.
#include "core/common/clock.h"
#include "core/domain/duplicateindex.h"
#include "core/domain/ledger.h"
#include "core/events/timestamp.h"
#include "core/storage/registry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

constexpr int kBatch = 5000;

const char *const kFirst[] = {
    "Aïssatou", "Awa",       "Fatou",   "Mariama",  "Khady",      "Aminata",  "Ndeye",      "Coumba",
    "Binta",    "Rokhaya",   "Adama",   "Seynabou", "Dieynaba",   "Oumou",    "Kadiatou",   "Ramatoulaye",
    "Sokhna",   "Astou",     "Yacine",  "Penda",    "Moussa",     "Mamadou",  "Ibrahima",   "Cheikh",
    "Ousmane",  "Abdoulaye", "Modou",   "Alioune",  "Babacar",    "Lamine",   "Souleymane", "Omar",
    "Pape",     "Serigne",   "Malick",  "Boubacar", "Amadou",     "Idrissa",  "Tidiane",    "Samba",
    "Marie",    "Jeanne",    "Agnès",   "Thérèse",  "Louise",     "Hélène",   "Joseph",     "Pierre",
    "Jean",     "Paul",      "Élise",   "Anne",     "Claire",     "Sophie",   "Lucie",      "Martin",
    "Étienne",  "André",     "Louis",   "Michel",   "Nafissatou", "Safiatou", "Hawa",       "Oumar",
    "Daouda",   "Youssou",   "Ismaïla", "Assane",   "Saliou",     "Mor",      "Fama",       "Yaye",
    "Mame",     "Sira",      "Dior",    "Ngoné",    "Arame",      "Maty",     "Mbène",      "Nogaye"};
const char *const kLast[] = {
    "Diallo", "Ndiaye",  "Sow",    "Ba",       "Diop",    "Fall",     "Faye",      "Gueye",   "Sy",
    "Sarr",   "Mbaye",   "Ka",     "Kane",     "Cissé",   "Touré",    "Camara",    "Thiam",   "Seck",
    "Niang",  "Dieng",   "Sall",   "Wade",     "Diouf",   "Mbodj",    "Ly",        "Sané",    "Badji",
    "Diatta", "Tall",    "Barry",  "Konaté",   "Traoré",  "Keïta",    "Coulibaly", "Sidibé",  "Sanogo",
    "Bâ",     "Dramé",   "Dabo",   "Sagna",    "Ndour",   "Samb",     "Lo",        "Diagne",  "Mané",
    "Gaye",   "Ciss",    "Thiaw",  "Diakhaté", "Kouyaté", "Martin",   "Bernard",   "Dubois",  "Thomas",
    "Robert", "Richard", "Petit",  "Durand",   "Leroy",   "Moreau",   "Simon",     "Laurent", "Lefebvre",
    "Michel", "Garcia",  "David",  "Bertrand", "Roux",    "Vincent",  "Fournier",  "Morel",   "Girard",
    "André",  "Mercier", "Dupont", "Lambert",  "Bonnet",  "François", "Martinez",  "Legrand"};

[[noreturn]] void die(const QString &what, const Error &error)
{
    std::fprintf(stderr, "bench_duplicates: %s: %s\n", qPrintable(what), qPrintable(error.message));
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

QJsonObject personData(std::mt19937 &random)
{
    std::uniform_int_distribution<int> first(0, int(std::size(kFirst)) - 1);
    std::uniform_int_distribution<int> last(0, int(std::size(kLast)) - 1);
    std::uniform_int_distribution<int> age(0, 89);
    std::uniform_int_distribution<int> digits(0, 9999999);
    std::uniform_int_distribution<int> five(0, 4);
    const QString name =
        QString::fromUtf8(kFirst[first(random)]) + u' ' + QString::fromUtf8(kLast[last(random)]);
    QJsonObject data{{u"name"_s, name}, {u"age"_s, age(random)}};
    if (five(random) == 0)
        data.insert(u"phone"_s, u"77%1"_s.arg(digits(random), 7, 10, QChar(u'0')));
    return data;
}

// Every event one millisecond after the one before: appended in canonical order, never late.
const QDateTime kStart(QDate(2026, 11, 26), QTime(8, 0), QTimeZone::utc());
qint64 g_tick = 0;

Command create(const QString &guid, QJsonObject data)
{
    Command command;
    command.timestamp = formatUtcMillis(kStart.addMSecs(++g_tick));
    command.type = u"create-individual"_s;
    command.entityGuid = guid;
    command.data = std::move(data);
    return command;
}

struct Timing {
    double median = 0;
    double p95 = 0;
    double mean = 0;
};

// N single submissions: half repeat a person registered before, half are new.
Timing submitSingles(Ledger &ledger, std::mt19937 &random, const std::vector<QJsonObject> &existing,
                     int count, const QString &prefix)
{
    std::vector<double> times;
    times.reserve(std::size_t(count));
    std::uniform_int_distribution<std::size_t> pick(0, existing.size() - 1);
    for (int i = 0; i < count; ++i) {
        const QJsonObject data = i % 2 == 0 ? existing[pick(random)] : personData(random);
        const Command command = create(prefix + QString::number(i), data);
        QElapsedTimer timer;
        timer.start();
        require(ledger.submit(command), u"submit"_s);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    Timing timing;
    for (const double t : times)
        timing.mean += t;
    timing.mean /= double(times.size());
    std::sort(times.begin(), times.end());
    timing.median = times[times.size() / 2];
    timing.p95 = times[std::min(times.size() - 1, times.size() * 95 / 100)];
    return timing;
}

qint64 scalar(Registry &registry, const QString &sql)
{
    QSqlQuery query(registry.database());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qputenv("FIELDLEDGER_TEST_FAST_KDF", "1");
    std::vector<int> sizes{10000, 50000, 200000};
    int submissions = 200;
    if (argc > 1) {
        sizes.clear();
        for (const QString &part : QString::fromLocal8Bit(argv[1]).split(u',', Qt::SkipEmptyParts))
            sizes.push_back(part.toInt());
    }
    if (argc > 2)
        submissions = std::max(2, QString::fromLocal8Bit(argv[2]).toInt());

    std::printf(
        "duplicate check per single submission (create-individual, own transaction, synchronous=OFF)\n");
    std::printf("%10s %6s | %22s | %22s | %8s %8s | %9s %8s %8s\n", "registry", "N",
                "without index ms (med/p95)", "with index ms (med/p95)", "extra", "ratio", "rebuild s",
                "keys", "pairs");
    std::fflush(stdout);

    for (const int size : sizes) {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bench.fieldledger"_s);
        ManualClock clock(kStart);
        SequentialIdGenerator ids(u"ev-"_s);
        Registry::CreateOptions options;
        options.name = u"bench"_s;
        options.adminId = u"admin"_s;
        const char *pass = "bench admin passphrase";
        auto created = require(Registry::create(path, options, SecretBytes(pass, std::strlen(pass)), clock),
                               u"create"_s);
        std::unique_ptr<Registry> registry = std::move(created.registry);
        QSqlQuery(registry->database()).exec(u"PRAGMA synchronous = OFF"_s);
        auto ledger = require(Ledger::open(*registry, Ledger::Options{&clock, &ids}), u"ledger"_s);

        std::mt19937 random(42);
        std::vector<QJsonObject> people;
        people.reserve(std::size_t(size));
        QElapsedTimer fill;
        fill.start();
        for (int start = 0; start < size; start += kBatch) {
            std::vector<Command> batch;
            for (int i = start; i < std::min(size, start + kBatch); ++i) {
                people.push_back(personData(random));
                batch.push_back(create(u"p-%1"_s.arg(i, 7, 10, QChar(u'0')), people.back()));
            }
            require(ledger->submitBatch(batch), u"fill"_s);
        }
        std::fprintf(stderr, "  filled %d individuals in %.1f s\n", size, double(fill.elapsed()) / 1000);

        const Timing without = submitSingles(*ledger, random, people, submissions, u"a-"_s);
        QElapsedTimer rebuild;
        rebuild.start();
        require(DuplicateIndex::install(*ledger), u"install"_s);
        const double rebuildSeconds = double(rebuild.elapsed()) / 1000;
        const Timing with = submitSingles(*ledger, random, people, submissions, u"b-"_s);
        const qint64 keys = scalar(*registry, u"SELECT count(*) FROM duplicate_keys"_s);
        const qint64 pairs = scalar(*registry, u"SELECT count(*) FROM duplicate_pairs"_s);
        std::printf("%10d %6d | %10.3f %11.3f | %10.3f %11.3f | %8.3f %7.2fx | %9.1f %8lld %8lld\n", size,
                    submissions, without.median, without.p95, with.median, with.p95,
                    with.median - without.median, with.median / without.median, rebuildSeconds, keys, pairs);
        std::fflush(stdout);
        ledger.reset();
        registry.reset();
    }
    return 0;
}
