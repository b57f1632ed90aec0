// Property tests of the core over the encrypted store, on generated histories (households,
// members, updates, transfers, splits, deletes, late events). The seed is printed; set
// FIELDLEDGER_PROPERTY_SEED to replay one, FIELDLEDGER_PROPERTY_RUNS to change the count.
#include "core/domain/projector.h"
#include "historygenerator.h"
#include "ledgerfixture.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <random>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;

namespace {

QByteArrayList projected(const std::map<QString, core::Entity> &entities)
{
    QByteArrayList out;
    for (const auto &[guid, entity] : entities)
        out.append(entity.canonicalJson());
    return out;
}

int runs()
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue("FIELDLEDGER_PROPERTY_RUNS", &ok);
    return ok && value > 0 ? value : 1000;
}

quint64 seed()
{
    bool ok = false;
    const quint64 value = qEnvironmentVariable("FIELDLEDGER_PROPERTY_SEED").toULongLong(&ok);
    return ok ? value : QRandomGenerator::global()->generate64();
}

} // namespace

class TestLedgerProperties final : public QObject {
    Q_OBJECT

private slots:
    void generatedHistories_holdEveryProperty()
    {
        const quint64 base = seed();
        const int count = runs();
        qInfo("seed %llu, %d histories (FIELDLEDGER_PROPERTY_SEED / FIELDLEDGER_PROPERTY_RUNS)", base, count);
        LedgerFixture live;
        LedgerFixture other;
        const core::ApplierRegistry appliers = core::ApplierRegistry::withBuiltins();
        const core::Projector projector(appliers);
        for (int run = 0; run < count; ++run) {
            const quint64 historySeed = base + quint64(run);
            HistoryGenerator generator(historySeed, HistoryGenerator::Options{4, 24, 4, 10});
            const std::vector<core::Event> events = generator.generate();
            const QString where = u"history seed %1 (%2 events)"_s.arg(historySeed).arg(events.size());
            live.reset();
            other.reset();

            // Live: one event per transaction, in log order (late events folded in as they come).
            for (const core::Event &event : events) {
                auto imported = live.ledger().importEvents({event});
                if (!imported)
                    QFAIL(qPrintable(where + u": "_s + imported.error().message));
            }
            const QByteArrayList liveEntities = live.entities();
            // The state is a pure function of the set of events.
            QVERIFY2(liveEntities == projected(projector.project(events)),
                     qPrintable(where + u": live != projection"_s));

            // Any permutation of arrival order, in batches of random sizes, gives byte-identical entities.
            std::vector<core::Event> shuffled = events;
            std::mt19937_64 rng(historySeed);
            std::shuffle(shuffled.begin(), shuffled.end(), rng);
            for (std::size_t i = 0; i < shuffled.size();) {
                const std::size_t n = std::min<std::size_t>(shuffled.size() - i, 1 + rng() % 4);
                auto imported = other.ledger().importEvents(std::vector<core::Event>(
                    shuffled.begin() + qsizetype(i), shuffled.begin() + qsizetype(i + n)));
                if (!imported)
                    QFAIL(qPrintable(where + u": "_s + imported.error().message));
                i += n;
            }
            QVERIFY2(other.entities() == liveEntities, qPrintable(where + u": permutation differs"_s));

            // Importing twice equals importing once.
            auto again = other.ledger().importEvents(events);
            QVERIFY(again);
            QCOMPARE(again->accepted, 0);
            QVERIFY2(other.entities() == liveEntities,
                     qPrintable(where + u": second import changed state"_s));

            // Snapshot + tail (the before-images time travel reads) equals a full replay up to T.
            const core::Event &probe = events[rng() % events.size()];
            const qint64 at = probe.instantNs + qint64(rng() % 3) - 1;
            core::Projector::Filter filter;
            filter.asOfInstantNs = at;
            const auto expectedAt = projector.project(events, filter);
            for (const QString &guid : {probe.entityGuid, u"hh-1"_s, u"p-1"_s}) {
                auto state = live.ledger().entityAt(guid, at);
                QVERIFY(state);
                const auto it = expectedAt.find(guid);
                const QByteArray got = *state ? (*state)->canonicalJson() : QByteArray();
                const QByteArray want = it != expectedAt.end() ? it->second.canonicalJson() : QByteArray();
                QVERIFY2(got == want,
                         qPrintable(where + u": as of %1, %2: got %3, want %4"_s.arg(at).arg(guid).arg(
                                                QString::fromUtf8(got), QString::fromUtf8(want))));
            }

            // As recorded at log size k equals the projection of the first k events: a random k,
            // and every k of every 20th history (the ledger reads the kept before-images where
            // no late event crosses k and replays elsewhere: both must agree with the projector).
            std::vector<qint64> sizes{qint64(rng() % (events.size() + 1))};
            if (run % 20 == 0) {
                for (qint64 k = 0; k <= qint64(events.size()); ++k)
                    sizes.push_back(k);
            }
            for (const qint64 k : sizes) {
                const auto expectedRecorded =
                    projector.project(std::vector<core::Event>(events.begin(), events.begin() + k));
                for (const QString &guid : {probe.entityGuid, u"hh-1"_s, u"p-1"_s}) {
                    auto recorded = live.ledger().entityAsRecorded(guid, k);
                    QVERIFY(recorded);
                    const auto it = expectedRecorded.find(guid);
                    QVERIFY2((*recorded ? (*recorded)->canonicalJson() : QByteArray()) ==
                                 (it != expectedRecorded.end() ? it->second.canonicalJson() : QByteArray()),
                             qPrintable(where + u": as recorded at %1, %2"_s.arg(k).arg(guid)));
                }
            }

            // Replay equals live, byte for byte (every 10th history: it is the slowest check).
            if (run % 10 == 0) {
                FL_VERIFY_OK(live.ledger().replay());
                QVERIFY2(live.entities() == liveEntities, qPrintable(where + u": replay differs"_s));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLedgerProperties)
#include "tst_ledgerproperties.moc"
