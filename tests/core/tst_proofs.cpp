// Inclusion and consistency proofs (RFC 9162 §2.1.3, §2.1.4) answered from persisted nodes:
// equal to the RFC's PATH and PROOF for every leaf and every pair of sizes up to 1000, verified
// by the RFC's iterative verifiers, and refused once tampered with.

#include "core/integrity/compactrange.h"
#include "core/integrity/hash.h"
#include "core/integrity/memorynodestore.h"
#include "core/integrity/proofs.h"
#include "core/integrity/reference.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <bit>
#include <unordered_map>

using namespace fieldledger::core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(std::vector<fieldledger::core::Hash>)

namespace QTest {
template<>
inline char *toString(const Hash &hash)
{
    return qstrdup(qPrintable(toHex(hash)));
}
} // namespace QTest

namespace {

constexpr quint64 maxTreeSize = 1000;
// Every proof of a tree up to this size is tampered with: all 256 bits of each of its hashes
// flipped in turn up to everyBitTreeSize, one bit in each byte above it (a different bit for
// each proof and position), to keep the run within seconds.
constexpr quint64 exhaustiveTreeSize = 64;
constexpr quint64 everyBitTreeSize = 32;
// Those proofs are also claimed for every other pair of sizes up to this one.
constexpr quint64 jointClaimTreeSize = 16;

// Which bits of each hash a tampering check flips.
enum class Flips { EveryBit, OnePerByte, One };

std::vector<int> bitsToFlip(Flips flips, quint64 seed)
{
    std::vector<int> bits;
    switch (flips) {
    case Flips::EveryBit:
        for (int bit = 0; bit < 256; ++bit)
            bits.push_back(bit);
        break;
    case Flips::OnePerByte:
        for (int byte = 0; byte < 32; ++byte)
            bits.push_back(byte * 8 + static_cast<int>((seed + quint64(byte)) % 8));
        break;
    case Flips::One:
        bits.push_back(static_cast<int>(seed % 256));
        break;
    }
    return bits;
}

Flips flipsForTreeSize(quint64 n)
{
    if (n <= everyBitTreeSize)
        return Flips::EveryBit;
    return n <= exhaustiveTreeSize ? Flips::OnePerByte : Flips::One;
}

Hash hex(const char *text)
{
    const std::optional<Hash> hash = hashFromHex(QString::fromLatin1(text));
    Q_ASSERT(hash);
    return *hash;
}

std::vector<Hash> hexes(std::initializer_list<const char *> texts)
{
    std::vector<Hash> hashes;
    for (const char *text : texts)
        hashes.push_back(hex(text));
    return hashes;
}

QString describe(const std::vector<Hash> &path)
{
    QStringList parts;
    for (const Hash &hash : path)
        parts << toHex(hash).left(8);
    return u'[' + parts.join(u", "_s) + u']';
}

Hash flipBit(Hash hash, int bit)
{
    hash[static_cast<std::size_t>(bit / 8)] ^= static_cast<std::uint8_t>(1u << (bit % 8));
    return hash;
}

// The shape of PATH(m, D[n]) in the RFC's recursion, from the leaf up: for each hash, whether
// it is the left (L) or right (R) sibling. Two claims with the same shape combine the same
// hashes the same way.
QString inclusionShape(quint64 m, quint64 n)
{
    QString topDown;
    while (n > 1) {
        const quint64 k = std::bit_floor(n - 1);
        if (m < k) {
            topDown += u'R';
            n = k;
        } else {
            topDown += u'L';
            m -= k;
            n -= k;
        }
    }
    std::reverse(topDown.begin(), topDown.end());
    return topDown;
}

// The shape of PROOF(m, D[n]): '*' when the recursion ends on a subtree the proof carries
// (b false) rather than on the old root the verifier holds, then from the bottom up, for each
// hash, whether it is a left sibling (O: part of the old tree too) or a right sibling (N: new
// leaves only). Empty for the sizes the RFC leaves undefined, which carry no path.
QString consistencyShape(quint64 m, quint64 n)
{
    if (m == 0 || m >= n)
        return u"-"_s;
    QString topDown;
    bool wholeFirstTree = true;
    while (m != n) {
        const quint64 k = std::bit_floor(n - 1);
        if (m <= k) {
            topDown += u'N';
            n = k;
        } else {
            topDown += u'O';
            m -= k;
            n -= k;
            wholeFirstTree = false;
        }
    }
    std::reverse(topDown.begin(), topDown.end());
    return (wholeFirstTree ? QString() : u"*"_s) + topDown;
}

// The MTH of a slice of one leaf array, computed once by the literal referenceRoot and then
// remembered, so that the literal PATH/PROOF recursions stay cheap enough to run for half a
// million proofs.
class MemoisedTreeHash final {
public:
    explicit MemoisedTreeHash(std::span<const Hash> all)
        : m_all(all)
    {
    }

    Hash operator()(std::span<const Hash> slice)
    {
        const auto offset = static_cast<quint64>(slice.data() - m_all.data());
        const quint64 key = (offset << 32) | slice.size();
        const auto [entry, inserted] = m_cache.try_emplace(key);
        if (inserted)
            entry->second = referenceRoot(slice);
        return entry->second;
    }

private:
    std::span<const Hash> m_all;
    std::unordered_map<quint64, Hash> m_cache;
};

// A log held in memory with every node persisted, and the reference root of every size.
struct Log {
    std::vector<Hash> leaves;
    MemoryNodeStore store;
    std::vector<Hash> roots; // roots[n] = MTH of the first n leaves

    explicit Log(std::vector<Hash> leafHashes)
        : leaves(std::move(leafHashes))
    {
        CompactRange range;
        roots.push_back(emptyTreeHash());
        for (const Hash &leaf : leaves) {
            range.append(leaf, [this](int level, quint64 index, const Hash &hash) {
                if (!store.put(level, index, hash))
                    qFatal("cannot persist a node");
            });
            roots.push_back(referenceRoot(std::span(leaves).first(range.size())));
        }
    }
};

std::vector<Hash> certificateTransparencyLeafHashes()
{
    std::vector<Hash> hashes;
    for (const char *leaf :
         {"", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"})
        hashes.push_back(leafHash(QByteArray::fromHex(leaf)));
    return hashes;
}

std::vector<Hash> syntheticLeaves(std::size_t count)
{
    std::vector<Hash> leaves;
    leaves.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        leaves.push_back(leafHash(u"{\"event\":%1}"_s.arg(i).toUtf8()));
    return leaves;
}

// Each of these must fail to verify against the original root.
std::vector<std::pair<QString, std::vector<Hash>>> reshapedPaths(const std::vector<Hash> &path,
                                                                 const Hash &extra)
{
    std::vector<std::pair<QString, std::vector<Hash>>> variants;
    std::vector<Hash> appended = path;
    appended.push_back(extra);
    variants.emplace_back(u"a hash appended"_s, appended);
    std::vector<Hash> prepended = path;
    prepended.insert(prepended.begin(), extra);
    variants.emplace_back(u"a hash prepended"_s, prepended);
    for (std::size_t i = 0; i < path.size(); ++i) {
        std::vector<Hash> dropped = path;
        dropped.erase(dropped.begin() + static_cast<std::ptrdiff_t>(i));
        variants.emplace_back(u"hash %1 dropped"_s.arg(i), dropped);
        std::vector<Hash> duplicated = path;
        duplicated.insert(duplicated.begin() + static_cast<std::ptrdiff_t>(i), path[i]);
        variants.emplace_back(u"hash %1 repeated"_s.arg(i), duplicated);
    }
    if (path.size() > 1) {
        std::vector<Hash> swapped = path;
        std::swap(swapped.front(), swapped.back());
        variants.emplace_back(u"first and last swapped"_s, swapped);
    }
    return variants;
}

} // namespace

class TestProofs final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Log> m_log;
    std::unique_ptr<MemoisedTreeHash> m_memo;
    TreeHashFunction m_mth;

    [[nodiscard]] std::span<const Hash> leaves(quint64 n) const { return std::span(m_log->leaves).first(n); }
    [[nodiscard]] const Hash &root(quint64 n) const { return m_log->roots[n]; }

    // Tampering with an inclusion proof of leaf i in tree n: bits of each hash (see Flips),
    // the path's shape, the leaf index, the tree size and the root.
    void checkInclusionTampering(const InclusionProof &proof)
    {
        const quint64 n = proof.treeSize;
        const quint64 i = proof.leafIndex;
        const Hash &r = root(n);
        const auto context = [&](const QString &what) {
            return u"leaf %1 of %2: %3 still verifies"_s.arg(i).arg(n).arg(what);
        };
        for (std::size_t position = 0; position <= proof.path.size(); ++position) {
            const bool isLeaf = position == proof.path.size();
            InclusionProof tampered = proof;
            Hash &target = isLeaf ? tampered.leafHash : tampered.path[position];
            const Hash original = target;
            for (const int bit : bitsToFlip(flipsForTreeSize(n), i * 31 + position * 97 + n)) {
                target = flipBit(original, bit);
                if (verifyInclusion(tampered, r))
                    QFAIL(qPrintable(context(u"bit %1 of %2 flipped"_s.arg(bit).arg(
                        isLeaf ? u"the leaf"_s : u"hash %1"_s.arg(position)))));
            }
        }
        for (const auto &[what, path] : reshapedPaths(proof.path, root(n))) {
            InclusionProof tampered = proof;
            tampered.path = path;
            if (verifyInclusion(tampered, r))
                QFAIL(qPrintable(context(what)));
        }
        // The same hashes claimed for another leaf or another tree size. Against that size's own
        // root this always fails. Against the original root it is accepted exactly when the
        // claimed position has the same shape in the RFC's recursion (every hash on the same
        // side, as many of them) — then the claim computes the very same root and no verifier
        // can tell; that is why a size is trusted only with the checkpoint that signs it.
        const bool exhaustive = n <= exhaustiveTreeSize;
        std::vector<quint64> indices;
        std::vector<quint64> sizes;
        if (exhaustive) {
            for (quint64 other = 0; other <= n + 1; ++other)
                indices.push_back(other);
            for (quint64 other = i + 1; other <= 2 * n + 2; ++other)
                sizes.push_back(other);
        } else {
            indices = {i - 1, i + 1, i ^ 1, i ^ 2, 0, n - 1, n, n + 1};
            sizes = {n - 1, n + 1, n + 2, 2 * n, n / 2, i + 1, std::bit_ceil(n), std::bit_floor(n)};
        }
        const QString shape = inclusionShape(i, n);
        for (const quint64 other : indices) {
            if (other == i || other > 2 * n + 2)
                continue;
            InclusionProof tampered = proof;
            tampered.leafIndex = other;
            const bool sameShape = other < n && inclusionShape(other, n) == shape;
            if (verifyInclusion(tampered, r) != sameShape)
                QFAIL(qPrintable(
                    context(u"leafIndex changed to %1"_s.arg(other))
                        .replace(u"still verifies"_s, sameShape ? u"is refused"_s : u"still verifies"_s)));
        }
        for (const quint64 other : sizes) {
            if (other == n || other <= i || other > maxTreeSize)
                continue;
            InclusionProof tampered = proof;
            tampered.treeSize = other;
            if (verifyInclusion(tampered, root(other)))
                QFAIL(qPrintable(context(u"treeSize changed to %1 (with that size's root)"_s.arg(other))));
            const bool sameShape = inclusionShape(i, other) == shape;
            if (verifyInclusion(tampered, r) != sameShape)
                QFAIL(qPrintable(
                    context(u"treeSize changed to %1 (shape %2, original %3)"_s.arg(other).arg(
                                inclusionShape(i, other), shape))
                        .replace(u"still verifies"_s, sameShape ? u"is refused"_s : u"still verifies"_s)));
        }
        // Both changed at once, e.g. the last leaf of a tree of 8 passed off as leaf 1 of a tree
        // of 2: the verifier must not let surplus hashes climb above the claimed tree's root.
        if (exhaustive) {
            for (quint64 otherSize = 1; otherSize <= jointClaimTreeSize; ++otherSize) {
                for (quint64 otherIndex = 0; otherIndex < otherSize; ++otherIndex) {
                    if (otherSize == n && otherIndex == i)
                        continue;
                    InclusionProof tampered = proof;
                    tampered.leafIndex = otherIndex;
                    tampered.treeSize = otherSize;
                    const bool sameShape = inclusionShape(otherIndex, otherSize) == shape;
                    if (verifyInclusion(tampered, r) != sameShape)
                        QFAIL(qPrintable(context(u"claimed as leaf %1 of %2"_s.arg(otherIndex).arg(otherSize))
                                             .replace(u"still verifies"_s,
                                                      sameShape ? u"is refused"_s : u"still verifies"_s)));
                }
            }
        }
        // The wrong root.
        if (n > 1 && verifyInclusion(proof, root(n - 1)))
            QFAIL(qPrintable(context(u"the root of size %1"_s.arg(n - 1))));
    }

    void checkConsistencyTampering(const ConsistencyProof &proof)
    {
        const quint64 m = proof.firstSize;
        const quint64 n = proof.secondSize;
        const auto context = [&](const QString &what) {
            return u"consistency %1 -> %2: %3 still verifies"_s.arg(m).arg(n).arg(what);
        };
        for (std::size_t position = 0; position < proof.path.size(); ++position) {
            ConsistencyProof tampered = proof;
            for (const int bit : bitsToFlip(flipsForTreeSize(n), m * 31 + position * 97 + n)) {
                tampered.path[position] = flipBit(proof.path[position], bit);
                if (verifyConsistency(tampered, root(m), root(n)))
                    QFAIL(qPrintable(context(u"bit %1 of hash %2 flipped"_s.arg(bit).arg(position))));
            }
        }
        for (const auto &[what, path] : reshapedPaths(proof.path, root(n))) {
            ConsistencyProof tampered = proof;
            tampered.path = path;
            if (verifyConsistency(tampered, root(m), root(n)))
                QFAIL(qPrintable(context(what)));
        }
        {
            ConsistencyProof emptied = proof;
            emptied.path.clear();
            if (verifyConsistency(emptied, root(m), root(n)))
                QFAIL(qPrintable(context(u"an empty path"_s)));
        }
        // Other sizes: refused with their own roots; with the original roots accepted exactly
        // when the RFC's recursion gives the claimed sizes the same shape (see above).
        const bool exhaustive = n <= exhaustiveTreeSize;
        std::vector<quint64> firstSizes;
        std::vector<quint64> secondSizes;
        if (exhaustive) {
            for (quint64 other = 0; other <= n; ++other)
                firstSizes.push_back(other);
            for (quint64 other = m; other <= 2 * n + 2; ++other)
                secondSizes.push_back(other);
        } else {
            firstSizes = {m - 1, m + 1, m ^ 1, m ^ 2, 0, 1, n - 1, n, std::bit_floor(m), std::bit_ceil(m)};
            secondSizes = {m, n - 1, n + 1, n + 2, 2 * n, n / 2, std::bit_ceil(n), std::bit_floor(n)};
        }
        const QString shape = consistencyShape(m, n);
        for (const quint64 other : firstSizes) {
            if (other == m || other > n)
                continue;
            ConsistencyProof tampered = proof;
            tampered.firstSize = other;
            if (verifyConsistency(tampered, root(other), root(n)))
                QFAIL(qPrintable(context(u"firstSize changed to %1"_s.arg(other))));
            const bool sameShape = consistencyShape(other, n) == shape;
            if (verifyConsistency(tampered, root(m), root(n)) != sameShape)
                QFAIL(qPrintable(
                    context(u"firstSize changed to %1 (shape %2, original %3)"_s.arg(other).arg(
                                consistencyShape(other, n), shape))
                        .replace(u"still verifies"_s, sameShape ? u"is refused"_s : u"still verifies"_s)));
        }
        for (const quint64 other : secondSizes) {
            if (other == n || other < m || other > maxTreeSize)
                continue;
            ConsistencyProof tampered = proof;
            tampered.secondSize = other;
            if (verifyConsistency(tampered, root(m), root(other)))
                QFAIL(qPrintable(context(u"secondSize changed to %1"_s.arg(other))));
            const bool sameShape = consistencyShape(m, other) == shape;
            if (verifyConsistency(tampered, root(m), root(n)) != sameShape)
                QFAIL(qPrintable(
                    context(u"secondSize changed to %1 (shape %2, original %3)"_s.arg(other).arg(
                                consistencyShape(m, other), shape))
                        .replace(u"still verifies"_s, sameShape ? u"is refused"_s : u"still verifies"_s)));
        }
        if (exhaustive) {
            for (quint64 otherSecond = 1; otherSecond <= jointClaimTreeSize; ++otherSecond) {
                for (quint64 otherFirst = 1; otherFirst < otherSecond; ++otherFirst) {
                    if (otherSecond == n && otherFirst == m)
                        continue;
                    ConsistencyProof tampered = proof;
                    tampered.firstSize = otherFirst;
                    tampered.secondSize = otherSecond;
                    const bool sameShape = consistencyShape(otherFirst, otherSecond) == shape;
                    if (verifyConsistency(tampered, root(m), root(n)) != sameShape)
                        QFAIL(qPrintable(context(u"claimed as %1 -> %2"_s.arg(otherFirst).arg(otherSecond))
                                             .replace(u"still verifies"_s,
                                                      sameShape ? u"is refused"_s : u"still verifies"_s)));
                }
            }
        }
        // Swapped or wrong roots.
        if (verifyConsistency(proof, root(n), root(m)))
            QFAIL(qPrintable(context(u"the roots swapped"_s)));
        if (verifyConsistency(proof, root(m - 1), root(n)))
            QFAIL(qPrintable(context(u"the root of size %1 as the first root"_s.arg(m - 1))));
    }

private slots:
    void initTestCase()
    {
        m_log = std::make_unique<Log>(syntheticLeaves(maxTreeSize));
        m_memo = std::make_unique<MemoisedTreeHash>(m_log->leaves);
        m_mth = [memo = m_memo.get()](std::span<const Hash> slice) { return (*memo)(slice); };
    }

    // --- Published vectors ------------------------------------------------------------------------
    // transparency-dev/merkle proof/verify_test.go, `inclusionProofs` and `consistencyProofs`
    // over Certificate Transparency's eight test leaves (their leaf numbers are 1-based there).

    void inclusionProof_matchesPublishedVectors_data()
    {
        QTest::addColumn<quint64>("leafIndex");
        QTest::addColumn<quint64>("treeSize");
        QTest::addColumn<std::vector<Hash>>("expected");
        QTest::newRow("leaf 0 of 1") << quint64(0) << quint64(1) << std::vector<Hash>{};
        QTest::newRow("leaf 0 of 8")
            << quint64(0) << quint64(8)
            << hexes({"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"});
        QTest::newRow("leaf 5 of 8")
            << quint64(5) << quint64(8)
            << hexes({"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"});
        QTest::newRow("leaf 2 of 3")
            << quint64(2) << quint64(3)
            << hexes({"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"});
        QTest::newRow("leaf 1 of 5")
            << quint64(1) << quint64(5)
            << hexes({"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"});
    }
    void inclusionProof_matchesPublishedVectors()
    {
        QFETCH(quint64, leafIndex);
        QFETCH(quint64, treeSize);
        QFETCH(std::vector<Hash>, expected);
        const Log log(certificateTransparencyLeafHashes());
        const Result<InclusionProof> proof = inclusionProof(log.store, leafIndex, treeSize);
        QVERIFY(proof);
        QCOMPARE(describe(proof->path), describe(expected));
        QVERIFY(proof->path == expected);
        QVERIFY(referenceInclusionPath(std::span(log.leaves).first(treeSize), leafIndex) == expected);
        QCOMPARE(proof->leafHash, log.leaves[leafIndex]);
        QVERIFY(verifyInclusion(*proof, log.roots[treeSize]));
    }

    void consistencyProof_matchesPublishedVectors_data()
    {
        QTest::addColumn<quint64>("firstSize");
        QTest::addColumn<quint64>("secondSize");
        QTest::addColumn<std::vector<Hash>>("expected");
        QTest::newRow("1 -> 1") << quint64(1) << quint64(1) << std::vector<Hash>{};
        QTest::newRow("1 -> 8") << quint64(1) << quint64(8)
                                << hexes(
                                       {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"});
        QTest::newRow("6 -> 8") << quint64(6) << quint64(8)
                                << hexes(
                                       {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"});
        QTest::newRow("2 -> 5") << quint64(2) << quint64(5)
                                << hexes(
                                       {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"});
        QTest::newRow("6 -> 7") << quint64(6) << quint64(7)
                                << hexes(
                                       {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"});
    }
    void consistencyProof_matchesPublishedVectors()
    {
        QFETCH(quint64, firstSize);
        QFETCH(quint64, secondSize);
        QFETCH(std::vector<Hash>, expected);
        const Log log(certificateTransparencyLeafHashes());
        const Result<ConsistencyProof> proof = consistencyProof(log.store, firstSize, secondSize);
        QVERIFY(proof);
        QCOMPARE(describe(proof->path), describe(expected));
        QVERIFY(proof->path == expected);
        QVERIFY(referenceConsistencyPath(std::span(log.leaves).first(secondSize), firstSize) == expected);
        QVERIFY(verifyConsistency(*proof, log.roots[firstSize], log.roots[secondSize]));
    }

    // --- Exhaustive agreement with the RFC --------------------------------------------------------

    void inclusionProof_equalsRfcPath_andVerifies_forEveryLeafOfEveryTreeUpTo1000()
    {
        for (quint64 n = 1; n <= maxTreeSize; ++n) {
            // One leaf read, one read per perfect sibling, and at most one ragged sibling.
            const quint64 readBudget = 1 + 2 * quint64(std::bit_width(n));
            for (quint64 i = 0; i < n; ++i) {
                m_log->store.resetReads();
                const Result<InclusionProof> proof = inclusionProof(m_log->store, i, n);
                if (!proof)
                    QFAIL(qPrintable(proof.error().message));
                if (m_log->store.reads() > readBudget)
                    QFAIL(
                        qPrintable(u"leaf %1 of %2 took %3 reads"_s.arg(i).arg(n).arg(m_log->store.reads())));
                const std::vector<Hash> expected = referenceInclusionPath(leaves(n), i, m_mth);
                if (proof->path != expected)
                    QFAIL(qPrintable(u"leaf %1 of %2: path %3, RFC says %4"_s.arg(i).arg(n).arg(
                        describe(proof->path), describe(expected))));
                if (proof->leafHash != m_log->leaves[i] || proof->leafIndex != i || proof->treeSize != n)
                    QFAIL(qPrintable(u"leaf %1 of %2: wrong leaf or sizes"_s.arg(i).arg(n)));
                if (const Status checked = checkInclusion(*proof, root(n)); !checked)
                    QFAIL(qPrintable(u"leaf %1 of %2: %3"_s.arg(i).arg(n).arg(checked.error().message)));
            }
        }
    }

    void consistencyProof_equalsRfcProof_andVerifies_forEveryPairUpTo1000()
    {
        for (quint64 n = 0; n <= maxTreeSize; ++n) {
            const quint64 readBudget = 2 + 2 * quint64(std::bit_width(n));
            for (quint64 m = 0; m <= n; ++m) {
                m_log->store.resetReads();
                const Result<ConsistencyProof> proof = consistencyProof(m_log->store, m, n);
                if (!proof)
                    QFAIL(qPrintable(proof.error().message));
                if (m_log->store.reads() > readBudget)
                    QFAIL(qPrintable(u"%1 -> %2 took %3 reads"_s.arg(m).arg(n).arg(m_log->store.reads())));
                const std::vector<Hash> expected = referenceConsistencyPath(leaves(n), m, m_mth);
                if (proof->path != expected)
                    QFAIL(qPrintable(u"%1 -> %2: path %3, RFC says %4"_s.arg(m).arg(n).arg(
                        describe(proof->path), describe(expected))));
                if (const Status checked = checkConsistency(*proof, root(m), root(n)); !checked)
                    QFAIL(qPrintable(u"%1 -> %2: %3"_s.arg(m).arg(n).arg(checked.error().message)));
            }
        }
    }

    // --- Tampering ----------------------------------------------------------------------------------

    void inclusionProof_tampered_failsToVerify_everyProofUpTo64()
    {
        for (quint64 n = 1; n <= exhaustiveTreeSize; ++n) {
            for (quint64 i = 0; i < n; ++i) {
                const Result<InclusionProof> proof = inclusionProof(m_log->store, i, n);
                QVERIFY(proof);
                checkInclusionTampering(*proof);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    void inclusionProof_tampered_failsToVerify_sampleUpTo1000()
    {
        // Every leaf of trees around the powers of two and a few ragged sizes: every path
        // position of every depth up to 10 is tampered with.
        for (const quint64 n : {65, 100, 127, 128, 129, 255, 256, 257, 383, 511, 512, 513, 777, 999, 1000}) {
            for (quint64 i = 0; i < n; ++i) {
                const Result<InclusionProof> proof = inclusionProof(m_log->store, i, n);
                QVERIFY(proof);
                checkInclusionTampering(*proof);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    void consistencyProof_tampered_failsToVerify_everyProofUpTo64()
    {
        for (quint64 n = 2; n <= exhaustiveTreeSize; ++n) {
            for (quint64 m = 1; m < n; ++m) {
                const Result<ConsistencyProof> proof = consistencyProof(m_log->store, m, n);
                QVERIFY(proof);
                checkConsistencyTampering(*proof);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    void consistencyProof_tampered_failsToVerify_sampleUpTo1000()
    {
        for (const quint64 n : {65, 100, 128, 129, 256, 257, 511, 512, 513, 999, 1000}) {
            for (quint64 m = 1; m < n; ++m) {
                const Result<ConsistencyProof> proof = consistencyProof(m_log->store, m, n);
                QVERIFY(proof);
                checkConsistencyTampering(*proof);
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    // --- Edge cases of the verifiers ----------------------------------------------------------------

    void verifyInclusion_rejectsImpossibleIndices_data()
    {
        QTest::addColumn<quint64>("leafIndex");
        QTest::addColumn<quint64>("treeSize");
        QTest::newRow("empty tree") << quint64(0) << quint64(0);
        QTest::newRow("index == size") << quint64(1) << quint64(1);
        QTest::newRow("index > size") << quint64(9) << quint64(8);
    }
    void verifyInclusion_rejectsImpossibleIndices()
    {
        QFETCH(quint64, leafIndex);
        QFETCH(quint64, treeSize);
        InclusionProof proof;
        proof.leafIndex = leafIndex;
        proof.treeSize = treeSize;
        proof.leafHash = m_log->leaves[0];
        QVERIFY(!verifyInclusion(proof, m_log->leaves[0]));
        QVERIFY(!verifyInclusion(proof, emptyTreeHash()));
        const Status checked = checkInclusion(proof, m_log->leaves[0]);
        QCOMPARE(checked.error().code, ErrorCode::Integrity);
    }

    void verifyInclusion_singleLeafTree_needsTheLeafAsRoot()
    {
        const Result<InclusionProof> proof = inclusionProof(m_log->store, 0, 1);
        QVERIFY(proof);
        QVERIFY(proof->path.empty());
        QVERIFY(verifyInclusion(*proof, m_log->leaves[0]));
        QVERIFY(!verifyInclusion(*proof, m_log->leaves[1]));
        QVERIFY(!verifyInclusion(*proof, emptyTreeHash()));
    }

    void verifyInclusionEvent_checksTheEventBytes()
    {
        const QList<QByteArray> events = {R"({"a":1})", R"({"a":2})", R"({"a":3})"};
        MemoryNodeStore store;
        CompactRange range;
        for (const QByteArray &event : events)
            range.append(leafHash(event), [&store](int level, quint64 index, const Hash &hash) {
                QVERIFY(store.put(level, index, hash));
            });
        const Result<InclusionProof> proof = inclusionProof(store, 1, 3);
        QVERIFY(proof);
        QVERIFY(verifyInclusionEvent(events[1], *proof, range.root()));

        const Status otherEvent = verifyInclusionEvent(events[2], *proof, range.root());
        QVERIFY(!otherEvent);
        QCOMPARE(otherEvent.error().code, ErrorCode::Integrity);
        QByteArray edited = events[1];
        edited[5] = '7';
        QVERIFY(!verifyInclusionEvent(edited, *proof, range.root()));
        // Without the leaf prefix the bytes are not the leaf.
        QVERIFY(sha256(events[1]) != proof->leafHash);
        const Status otherRoot = verifyInclusionEvent(events[1], *proof, root(3));
        QVERIFY(!otherRoot);
        QCOMPARE(otherRoot.error().code, ErrorCode::Integrity);
    }

    void verifyConsistency_specialSizes_data()
    {
        QTest::addColumn<quint64>("firstSize");
        QTest::addColumn<quint64>("secondSize");
        QTest::addColumn<int>("firstRoot"); // a size whose root to pass, or -1 for a random hash
        QTest::addColumn<int>("secondRoot");
        QTest::addColumn<bool>("withPath");
        QTest::addColumn<bool>("valid");
        QTest::newRow("0 -> 0") << quint64(0) << quint64(0) << 0 << 0 << false << true;
        QTest::newRow("0 -> 0, roots differ") << quint64(0) << quint64(0) << 0 << 1 << false << false;
        QTest::newRow("0 -> 0, a path") << quint64(0) << quint64(0) << 0 << 0 << true << false;
        QTest::newRow("0 -> 5") << quint64(0) << quint64(5) << 0 << 5 << false << true;
        QTest::newRow("0 -> 5, a non-empty first root")
            << quint64(0) << quint64(5) << -1 << 5 << false << false;
        QTest::newRow("0 -> 5, a path") << quint64(0) << quint64(5) << 0 << 5 << true << false;
        QTest::newRow("5 -> 5") << quint64(5) << quint64(5) << 5 << 5 << false << true;
        QTest::newRow("5 -> 5, roots differ") << quint64(5) << quint64(5) << 5 << 6 << false << false;
        QTest::newRow("5 -> 5, a path") << quint64(5) << quint64(5) << 5 << 5 << true << false;
        QTest::newRow("6 -> 5") << quint64(6) << quint64(5) << 6 << 5 << false << false;
        QTest::newRow("6 -> 5, a path") << quint64(6) << quint64(5) << 6 << 5 << true << false;
        QTest::newRow("3 -> 5, no path") << quint64(3) << quint64(5) << 3 << 5 << false << false;
        QTest::newRow("4 -> 5, no path") << quint64(4) << quint64(5) << 4 << 5 << false << false;
    }
    void verifyConsistency_specialSizes()
    {
        QFETCH(quint64, firstSize);
        QFETCH(quint64, secondSize);
        QFETCH(int, firstRoot);
        QFETCH(int, secondRoot);
        QFETCH(bool, withPath);
        QFETCH(bool, valid);
        ConsistencyProof proof;
        proof.firstSize = firstSize;
        proof.secondSize = secondSize;
        if (withPath)
            proof.path.push_back(emptyTreeHash());
        const Hash random = sha256("not a root");
        const Hash first = firstRoot < 0 ? random : root(quint64(firstRoot));
        const Hash second = secondRoot < 0 ? random : root(quint64(secondRoot));
        QCOMPARE(verifyConsistency(proof, first, second), valid);
        if (!valid)
            QCOMPARE(checkConsistency(proof, first, second).error().code, ErrorCode::Integrity);
    }

    void proofs_forImpossibleArguments_areErrors()
    {
        const Result<InclusionProof> outside = inclusionProof(m_log->store, 5, 5);
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!inclusionProof(m_log->store, 0, 0));
        const Result<ConsistencyProof> backwards = consistencyProof(m_log->store, 6, 5);
        QVERIFY(!backwards);
        QCOMPARE(backwards.error().code, ErrorCode::InvalidArgument);
        // The log has 1000 leaves: a bigger tree is not there to prove anything about.
        const Result<InclusionProof> beyond = inclusionProof(m_log->store, 3, maxTreeSize + 1);
        QVERIFY(!beyond);
        QCOMPARE(beyond.error().code, ErrorCode::NotFound);
        const Result<ConsistencyProof> beyondConsistency = consistencyProof(m_log->store, 3, maxTreeSize + 1);
        QVERIFY(!beyondConsistency);
        QCOMPARE(beyondConsistency.error().code, ErrorCode::NotFound);
        QVERIFY(!consistencyProof(m_log->store, maxTreeSize + 1, maxTreeSize + 1));
    }

    // --- JSON -------------------------------------------------------------------------------------

    void inclusionProof_json_hasTheSpecKeys_andRoundTrips()
    {
        const Result<InclusionProof> proof = inclusionProof(m_log->store, 5, 13);
        QVERIFY(proof);
        const QJsonObject json = proof->toJson();
        QCOMPARE(json.keys(), (QStringList{u"leafHash"_s, u"leafIndex"_s, u"path"_s, u"treeSize"_s}));
        QCOMPARE(json.value("leafIndex"_L1).toInteger(), 5);
        QCOMPARE(json.value("treeSize"_L1).toInteger(), 13);
        QCOMPARE(json.value("leafHash"_L1).toString(), toHex(m_log->leaves[5]));
        QCOMPARE(json.value("path"_L1).toArray().size(), qsizetype(proof->path.size()));
        QCOMPARE(json.value("path"_L1).toArray().first().toString(), toHex(proof->path.front()));

        // Through text, as a verifier elsewhere would receive it.
        const QJsonDocument parsed =
            QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact));
        const Result<InclusionProof> back = InclusionProof::fromJson(parsed.object());
        QVERIFY(back);
        QVERIFY(*back == *proof);
        QVERIFY(verifyInclusion(*back, root(13)));
    }

    void consistencyProof_json_hasTheSpecKeys_andRoundTrips()
    {
        const Result<ConsistencyProof> proof = consistencyProof(m_log->store, 7, 21);
        QVERIFY(proof);
        const QJsonObject json = proof->toJson();
        QCOMPARE(json.keys(), (QStringList{u"firstSize"_s, u"path"_s, u"secondSize"_s}));
        QCOMPARE(json.value("firstSize"_L1).toInteger(), 7);
        QCOMPARE(json.value("secondSize"_L1).toInteger(), 21);
        const QJsonDocument parsed =
            QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact));
        const Result<ConsistencyProof> back = ConsistencyProof::fromJson(parsed.object());
        QVERIFY(back);
        QVERIFY(*back == *proof);
        QVERIFY(verifyConsistency(*back, root(7), root(21)));
    }

    void inclusionProof_fromJson_rejectsMalformedProofs_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        // @ stands for a well-formed hash.
        const auto row = [](const char *name, const char *json, const QString &mentions) {
            QTest::newRow(name) << QByteArray(json).replace("@", toHex(sha256("h")).toLatin1()) << mentions;
        };
        row("leafIndex missing", R"({"treeSize":2,"leafHash":"@","path":[]})", u"leafIndex"_s);
        row("leafIndex negative", R"({"leafIndex":-1,"treeSize":2,"leafHash":"@","path":[]})",
            u"leafIndex"_s);
        row("leafIndex fractional", R"({"leafIndex":1.5,"treeSize":2,"leafHash":"@","path":[]})",
            u"leafIndex"_s);
        row("leafIndex a string", R"({"leafIndex":"1","treeSize":2,"leafHash":"@","path":[]})",
            u"leafIndex"_s);
        row("treeSize beyond 2^53", R"({"leafIndex":1,"treeSize":9007199254740993,"leafHash":"@","path":[]})",
            u"treeSize"_s);
        row("leafHash missing", R"({"leafIndex":1,"treeSize":2,"path":[]})", u"leafHash"_s);
        row("leafHash short", R"({"leafIndex":1,"treeSize":2,"leafHash":"abcd","path":[]})", u"leafHash"_s);
        row("path missing", R"({"leafIndex":1,"treeSize":2,"leafHash":"@"})", u"path"_s);
        row("path not an array", R"({"leafIndex":1,"treeSize":2,"leafHash":"@","path":"@"})", u"path"_s);
        row("path element a number", R"({"leafIndex":1,"treeSize":2,"leafHash":"@","path":["@",7]})",
            u"path\"[1]"_s);
        row("path element not hex", R"({"leafIndex":1,"treeSize":2,"leafHash":"@","path":["zz"]})",
            u"path\"[0]"_s);
    }
    void inclusionProof_fromJson_rejectsMalformedProofs()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        const Result<InclusionProof> proof = InclusionProof::fromJson(document.object());
        QVERIFY(!proof);
        QCOMPARE(proof.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(proof.error().message.contains(mentions), qPrintable(proof.error().message));
    }

    void consistencyProof_fromJson_rejectsMalformedProofs_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("firstSize missing") << QByteArray(R"({"secondSize":2,"path":[]})") << u"firstSize"_s;
        QTest::newRow("secondSize null")
            << QByteArray(R"({"firstSize":1,"secondSize":null,"path":[]})") << u"secondSize"_s;
        QTest::newRow("path missing") << QByteArray(R"({"firstSize":1,"secondSize":2})") << u"path"_s;
        QTest::newRow("path of objects")
            << QByteArray(R"({"firstSize":1,"secondSize":2,"path":[{}]})") << u"path\"[0]"_s;
    }
    void consistencyProof_fromJson_rejectsMalformedProofs()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const Result<ConsistencyProof> proof =
            ConsistencyProof::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!proof);
        QCOMPARE(proof.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(proof.error().message.contains(mentions), qPrintable(proof.error().message));
    }
};

QTEST_GUILESS_MAIN(TestProofs)
#include "tst_proofs.moc"
