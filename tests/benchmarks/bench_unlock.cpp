// Times KeyVault::tune() and unlocking a key slot with the parameters it picks, for real
// (FIELDLEDGER_TEST_FAST_KDF is ignored).
//
// Usage: bench_unlock [targetMs=500] [unlocks=5]

#include "core/storage/keyvault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using fieldledger::core::KdfParams;
using fieldledger::core::KeyVault;
using fieldledger::core::SecretBytes;

namespace {

double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1.0e6;
}

int positiveArgument(const QStringList &arguments, qsizetype index, int fallback)
{
    if (arguments.size() <= index)
        return fallback;
    bool ok = false;
    const int value = arguments.at(index).toInt(&ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    qunsetenv("FIELDLEDGER_TEST_FAST_KDF");
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const int targetMs = positiveArgument(arguments, 1, 500);
    const int unlocks = positiveArgument(arguments, 2, 5);
    QTextStream out(stdout);

    QElapsedTimer timer;
    timer.start();
    const KdfParams params = KeyVault::tune(targetMs);
    const double tuneMs = elapsedMs(timer);

    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fputs("cannot create a temporary folder\n", stderr);
        return 2;
    }
    const char passphraseText[] = "benchmark passphrase";
    const SecretBytes passphrase(passphraseText, sizeof passphraseText - 1);
    timer.restart();
    auto created = KeyVault::create(dir.filePath(u"bench.fieldledger.keys"_s), u"bench"_s, u"alice"_s,
                                    passphrase, params);
    const double createMs = elapsedMs(timer);
    if (!created) {
        out << "create failed: " << created.error().message << Qt::endl;
        return 2;
    }

    std::vector<double> times;
    for (int i = 0; i < unlocks; ++i) {
        timer.restart();
        const auto dataKey = created->vault.unlock(u"alice"_s, passphrase);
        times.push_back(elapsedMs(timer));
        if (!dataKey || !(*dataKey == created->dataKey)) {
            out << "unlock failed" << Qt::endl;
            return 2;
        }
    }
    std::ranges::sort(times);
    const std::size_t middle = times.size() / 2;
    const double median = times.size() % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2.0;

    out << "Argon2id key slot unlock (target " << targetMs << " ms)\n";
    out << "  chosen params      memory " << params.memoryKiB << " KiB, iterations " << params.iterations
        << ", parallelism " << params.parallelism << '\n';
    out << "  tune()             " << QString::number(tuneMs, 'f', 1) << " ms\n";
    out << "  create() 2 slots   " << QString::number(createMs, 'f', 1) << " ms\n";
    out << "  unlock() x" << unlocks << "        median " << QString::number(median, 'f', 1) << " ms, min "
        << QString::number(times.front(), 'f', 1) << " ms, max " << QString::number(times.back(), 'f', 1)
        << " ms\n";
    out.flush();
    return 0;
}
