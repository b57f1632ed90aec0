// bench_merkle: what the tamper-evident log costs.
//
//   bench_merkle [--leaves=N] [--window=W] [--proofs=P] [--baseline=S1,S2,...] [--baseline-window=B]
//
// 1. Append: CompactRange::append plus the MemoryNodeStore writes of every node it completes,
//    timed over a window of W appends centred on 1k, 100k and N (default 1M) leaves. The cost
//    per append must not grow with the log.
// 2. Proofs at N leaves: inclusion and consistency proofs from the node store (and their
//    verification), averaged over P random positions.
// 3. The design we started from: a tree rebuilt from every leaf on each save, against ours, at
//    1k, 2k, 4k and 8k events.
// Leaf hashes are computed before timing: both designs hash each event once, and what differs
// is the tree. (The original design also re-read and re-hashed every event on each save, so
// the real gap is wider than the one printed here.)

#include "core/integrity/compactrange.h"
#include "core/integrity/hash.h"
#include "core/integrity/memorynodestore.h"
#include "core/integrity/proofs.h"

#include <QByteArray>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace fieldledger::core;

namespace {

using Clock = std::chrono::steady_clock;

double nanosecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::nano>(Clock::now() - start).count();
}

// The machine is shared: a preempted stretch says nothing about the code, so figures are
// medians of many short timings rather than one long one.
double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

double mean(const std::vector<double> &values)
{
    double sum = 0;
    for (const double value : values)
        sum += value;
    return values.empty() ? 0 : sum / double(values.size());
}

struct Options {
    quint64 leaves = 1'000'000;
    quint64 window = 10'000;
    quint64 proofs = 10'000;
    std::vector<quint64> baselineSizes = {1'000, 2'000, 4'000, 8'000};
    quint64 baselineWindow = 32;
};

quint64 parseCount(std::string_view text)
{
    return std::strtoull(std::string(text).c_str(), nullptr, 10);
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        const auto value = [&arg](std::string_view name) -> std::string_view {
            return arg.starts_with(name) ? arg.substr(name.size()) : std::string_view();
        };
        if (!value("--leaves=").empty()) {
            options.leaves = parseCount(value("--leaves="));
        } else if (!value("--window=").empty()) {
            options.window = parseCount(value("--window="));
        } else if (!value("--proofs=").empty()) {
            options.proofs = parseCount(value("--proofs="));
        } else if (!value("--baseline-window=").empty()) {
            options.baselineWindow = parseCount(value("--baseline-window="));
        } else if (!value("--baseline=").empty()) {
            options.baselineSizes.clear();
            std::string_view list = value("--baseline=");
            while (!list.empty()) {
                const std::size_t comma = list.find(',');
                options.baselineSizes.push_back(parseCount(list.substr(0, comma)));
                list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
            }
        } else {
            std::fprintf(stderr, "usage: bench_merkle [--leaves=N] [--window=W] [--proofs=P] "
                                 "[--baseline=S1,S2,...] [--baseline-window=B]\n");
            std::exit(2);
        }
    }
    options.leaves = std::max<quint64>(options.leaves, 2);
    options.window = std::max<quint64>(options.window, 1);
    options.proofs = std::max<quint64>(options.proofs, 1);
    options.baselineWindow = std::max<quint64>(options.baselineWindow, 1);
    return options;
}

std::vector<Hash> makeLeaves(quint64 count)
{
    std::vector<Hash> leaves;
    leaves.reserve(count);
    QByteArray event = QByteArray(200, 'x'); // an event-sized canonical form
    for (quint64 i = 0; i < count; ++i) {
        const QByteArray number = QByteArray::number(i);
        event.replace(0, number.size(), number);
        leaves.push_back(leafHash(event));
    }
    return leaves;
}

// Our log: the compact range plus the persisted nodes.
struct Log {
    CompactRange range;
    MemoryNodeStore store;

    void append(const Hash &leaf)
    {
        range.append(leaf, [this](int level, quint64 index, const Hash &hash) {
            if (!store.put(level, index, hash)) {
                std::fprintf(stderr, "node store refused a node\n");
                std::exit(1);
            }
        });
    }
};

// The design we started from: on every save, rebuild the whole tree from all the leaves (every
// interior node recomputed and kept, as a saved tree would be).
Hash rebuildEverything(const std::vector<Hash> &leaves, std::vector<std::vector<Hash>> &levels)
{
    levels.assign(1, leaves);
    while (levels.back().size() > 1) {
        const std::vector<Hash> &below = levels.back();
        std::vector<Hash> above;
        above.reserve((below.size() + 1) / 2);
        for (std::size_t i = 0; i + 1 < below.size(); i += 2)
            above.push_back(nodeHash(below[i], below[i + 1]));
        if (below.size() % 2 == 1)
            above.push_back(below.back()); // RFC 9162: an odd node is carried up unchanged
        levels.push_back(std::move(above));
    }
    return levels.back().empty() ? emptyTreeHash() : levels.back().front();
}

void printRule()
{
    std::printf("------------------------------------------------------------------------\n");
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parseOptions(argc, argv);
    std::vector<quint64> appendSizes = {1'000, 100'000, options.leaves};
    appendSizes.erase(std::remove_if(appendSizes.begin(), appendSizes.end(),
                                     [&](quint64 size) { return size > options.leaves; }),
                      appendSizes.end());
    std::sort(appendSizes.begin(), appendSizes.end());
    appendSizes.erase(std::unique(appendSizes.begin(), appendSizes.end()), appendSizes.end());
    const quint64 totalLeaves = options.leaves + options.window / 2;

    std::printf("bench_merkle: %llu leaves, window %llu appends, %llu proofs\n",
                static_cast<unsigned long long>(options.leaves),
                static_cast<unsigned long long>(options.window),
                static_cast<unsigned long long>(options.proofs));
    const std::vector<Hash> leaves = makeLeaves(totalLeaves);

    // --- 1. Append cost --------------------------------------------------------------------------
    Log log;
    log.store.reserve(totalLeaves);
    printRule();
    std::printf("%-34s %14s %14s %12s\n", "append (compact range + node store)", "log size", "ns/append med",
                "nodes/append");
    std::vector<double> appendCosts;
    const Clock::time_point buildStart = Clock::now();
    for (const quint64 size : appendSizes) {
        // Centred on the size; never wider than the size itself, so "1k" means appends 500..1500.
        const quint64 width = std::min(options.window, size);
        const quint64 windowStart = size - width / 2;
        const quint64 windowEnd = windowStart + width;
        while (log.range.size() < windowStart)
            log.append(leaves[log.range.size()]);
        const quint64 nodesBefore = log.store.nodeCount();
        constexpr quint64 block = 100; // appends per timing
        std::vector<double> blocks;
        while (log.range.size() < windowEnd) {
            const quint64 blockEnd = std::min(windowEnd, log.range.size() + block);
            const quint64 blockStart = log.range.size();
            const Clock::time_point start = Clock::now();
            while (log.range.size() < blockEnd)
                log.append(leaves[log.range.size()]);
            blocks.push_back(nanosecondsSince(start) / double(blockEnd - blockStart));
        }
        const double perAppend = median(blocks);
        appendCosts.push_back(perAppend);
        std::printf("%-34s %14llu %14.0f %12.2f\n", "", static_cast<unsigned long long>(size), perAppend,
                    double(log.store.nodeCount() - nodesBefore) / double(windowEnd - windowStart));
    }
    const double buildSeconds = nanosecondsSince(buildStart) / 1e9;
    std::printf("%-34s %14s %14.2f\n", "largest / smallest", "", appendCosts.back() / appendCosts.front());
    std::printf("%-34s %14llu %13.2fs\n", "whole log built in",
                static_cast<unsigned long long>(log.range.size()), buildSeconds);

    // --- 2. Proofs at N leaves --------------------------------------------------------------------
    const quint64 n = options.leaves;
    const Result<Hash> rootN = rootAt(log.store, n);
    if (!rootN) {
        std::fprintf(stderr, "rootAt failed: %s\n", qPrintable(rootN.error().message));
        return 1;
    }
    std::mt19937_64 random(20240501);
    std::uniform_int_distribution<quint64> anyLeaf(0, n - 1);
    std::uniform_int_distribution<quint64> anyEarlierSize(1, n - 1);
    std::vector<InclusionProof> inclusions;
    std::vector<ConsistencyProof> consistencies;
    std::vector<Hash> firstRoots;
    inclusions.reserve(options.proofs);
    consistencies.reserve(options.proofs);
    std::vector<quint64> leafIndices(options.proofs);
    std::vector<quint64> firstSizes(options.proofs);
    for (quint64 i = 0; i < options.proofs; ++i) {
        leafIndices[i] = anyLeaf(random);
        firstSizes[i] = anyEarlierSize(random);
    }

    // Each call timed on its own; the table shows the median and the mean.
    std::vector<double> inclusionTimes;
    std::vector<double> inclusionVerifyTimes;
    std::vector<double> consistencyTimes;
    std::vector<double> consistencyVerifyTimes;
    std::vector<double> rootTimes;

    log.store.resetReads();
    for (const quint64 index : leafIndices) {
        const Clock::time_point start = Clock::now();
        Result<InclusionProof> proof = inclusionProof(log.store, index, n);
        inclusionTimes.push_back(nanosecondsSince(start));
        if (!proof)
            return 1;
        inclusions.push_back(std::move(*proof));
    }
    const double inclusionReads = double(log.store.reads()) / double(options.proofs);

    std::size_t inclusionValid = 0;
    for (const InclusionProof &proof : inclusions) {
        const Clock::time_point start = Clock::now();
        const bool valid = verifyInclusion(proof, *rootN);
        inclusionVerifyTimes.push_back(nanosecondsSince(start));
        inclusionValid += valid ? 1 : 0;
    }

    log.store.resetReads();
    for (const quint64 m : firstSizes) {
        const Clock::time_point start = Clock::now();
        Result<ConsistencyProof> proof = consistencyProof(log.store, m, n);
        consistencyTimes.push_back(nanosecondsSince(start));
        if (!proof)
            return 1;
        consistencies.push_back(std::move(*proof));
    }
    const double consistencyReads = double(log.store.reads()) / double(options.proofs);

    log.store.resetReads();
    for (const quint64 m : firstSizes) {
        const Clock::time_point start = Clock::now();
        const Result<Hash> root = rootAt(log.store, m);
        rootTimes.push_back(nanosecondsSince(start));
        if (!root)
            return 1;
        firstRoots.push_back(*root);
    }
    const double rootReads = double(log.store.reads()) / double(options.proofs);

    std::size_t consistencyValid = 0;
    for (std::size_t i = 0; i < consistencies.size(); ++i) {
        const Clock::time_point start = Clock::now();
        const bool valid = verifyConsistency(consistencies[i], firstRoots[i], *rootN);
        consistencyVerifyTimes.push_back(nanosecondsSince(start));
        consistencyValid += valid ? 1 : 0;
    }

    printRule();
    std::printf("%-20s %-16s %12s %12s %12s\n", "at log size", "operation", "us median", "us mean",
                "node reads");
    const auto row = [](const char *size, const char *operation, const std::vector<double> &times,
                        double reads) {
        std::printf("%-20s %-16s %12.2f %12.2f %12s\n", size, operation, median(times) / 1e3,
                    mean(times) / 1e3, reads < 0 ? "-" : std::to_string(reads).substr(0, 4).c_str());
    };
    const std::string sizeText = std::to_string(n);
    row(sizeText.c_str(), "inclusion", inclusionTimes, inclusionReads);
    row("", "  verify", inclusionVerifyTimes, -1);
    row("", "consistency", consistencyTimes, consistencyReads);
    row("", "  verify", consistencyVerifyTimes, -1);
    row("", "rootAt(m)", rootTimes, rootReads);
    if (inclusionValid != inclusions.size() || consistencyValid != consistencies.size()) {
        std::fprintf(stderr, "proofs failed to verify: %zu/%zu inclusion, %zu/%zu consistency\n",
                     inclusionValid, inclusions.size(), consistencyValid, consistencies.size());
        return 1;
    }

    // --- 3. Against rebuilding everything on each save ---------------------------------------------
    printRule();
    std::printf("%-12s %22s %20s %12s\n", "events", "rebuild-all us/append", "ours ns/append", "ratio");
    std::printf("%-12s %22s %20s\n", "", "(median of the window)", "(median of 5 runs)");
    for (const quint64 size : options.baselineSizes) {
        if (size == 0 || size + std::max<quint64>(options.baselineWindow, 1'000) > leaves.size())
            continue;
        // The original design: every save rebuilds the tree from all leaves so far.
        std::vector<Hash> saved(leaves.begin(), leaves.begin() + static_cast<std::ptrdiff_t>(size));
        std::vector<std::vector<Hash>> levels;
        Hash baselineRoot{};
        std::vector<double> baselineTimes;
        for (quint64 i = 0; i < options.baselineWindow; ++i) {
            const Clock::time_point start = Clock::now();
            saved.push_back(leaves[size + i]);
            baselineRoot = rebuildEverything(saved, levels);
            baselineTimes.push_back(nanosecondsSince(start));
        }
        const double baselineNs = median(baselineTimes);

        // Ours from the same size: a fresh log grown to it, then the next oursWindow appends
        // timed; the median of a few runs.
        constexpr quint64 oursWindow = 1'000;
        constexpr int runs = 5;
        std::vector<double> oursRuns;
        for (int run = 0; run < runs; ++run) {
            Log ours;
            ours.store.reserve(size + oursWindow);
            for (quint64 i = 0; i < size; ++i)
                ours.append(leaves[i]);
            const Clock::time_point start = Clock::now();
            for (quint64 i = 0; i < oursWindow; ++i)
                ours.append(leaves[size + i]);
            oursRuns.push_back(nanosecondsSince(start) / double(oursWindow));
            const Result<Hash> sameSize = rootAt(ours.store, size + options.baselineWindow);
            if (!sameSize || *sameSize != baselineRoot) {
                std::fprintf(stderr, "the two designs disagree on the root at %llu\n",
                             static_cast<unsigned long long>(size + options.baselineWindow));
                return 1;
            }
        }
        const double oursNs = median(oursRuns);
        std::printf("%-12llu %22.1f %20.0f %11.0fx\n", static_cast<unsigned long long>(size),
                    baselineNs / 1e3, oursNs, baselineNs / oursNs);
    }
    printRule();
    return 0;
}
