// Merkle tree hashing (RFC 9162 §2.1.1), the compact range and roots answered from persisted
// nodes, checked against published vectors and against the literal RFC recursion.

#include "core/integrity/compactrange.h"
#include "core/integrity/hash.h"
#include "core/integrity/memorynodestore.h"
#include "core/integrity/proofs.h"
#include "core/integrity/reference.h"

#include <QTest>

#include <bit>

using namespace fieldledger::core;
using namespace Qt::StringLiterals;

namespace QTest {
template<>
inline char *toString(const Hash &hash)
{
    return qstrdup(qPrintable(toHex(hash)));
}
} // namespace QTest

namespace {

Hash hex(const char *text)
{
    const std::optional<Hash> hash = hashFromHex(QString::fromLatin1(text));
    Q_ASSERT(hash);
    return *hash;
}

// The eight leaves of Certificate Transparency's reference tree and the roots of its first
// 1..8 leaves, as published with the RFC 6962 reference implementations (google/
// certificate-transparency merkle_tree_test.cc; transparency-dev/merkle proof/verify_test.go,
// `leaves` and `roots`). RFC 9162 hashes trees exactly as RFC 6962 did.
QList<QByteArray> certificateTransparencyLeaves()
{
    return {QByteArray(),
            QByteArray::fromHex("00"),
            QByteArray::fromHex("10"),
            QByteArray::fromHex("2021"),
            QByteArray::fromHex("3031"),
            QByteArray::fromHex("40414243"),
            QByteArray::fromHex("5051525354555657"),
            QByteArray::fromHex("606162636465666768696a6b6c6d6e6f")};
}

const char *const certificateTransparencyRoots[] = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

std::vector<Hash> certificateTransparencyLeafHashes()
{
    std::vector<Hash> hashes;
    for (const QByteArray &leaf : certificateTransparencyLeaves())
        hashes.push_back(leafHash(leaf));
    return hashes;
}

// Distinct synthetic events: the log's content does not matter to the tree, only that every
// leaf differs.
std::vector<Hash> syntheticLeaves(std::size_t count)
{
    std::vector<Hash> leaves;
    leaves.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        leaves.push_back(leafHash(u"{\"event\":%1}"_s.arg(i).toUtf8()));
    return leaves;
}

constexpr std::size_t maxTreeSize = 1000;

} // namespace

class TestMerkle final : public QObject {
    Q_OBJECT

private slots:
    void sha256_matchesFipsVectors()
    {
        // FIPS 180-2 appendix B.1 and the digest of no bytes.
        QCOMPARE(toHex(sha256("abc")), u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
        QCOMPARE(toHex(sha256({})), u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s);
        QCOMPARE(emptyTreeHash(), sha256({}));
    }

    void leafAndNodeHash_usePrefixesOfRfc9162()
    {
        // MTH({""}) = SHA-256(0x00) and MTH({"", 0x00}) = SHA-256(0x01 || both leaves).
        QCOMPARE(leafHash({}), hex(certificateTransparencyRoots[0]));
        QCOMPARE(leafHash({}), sha256(QByteArray(1, '\0')));
        const Hash second = leafHash(QByteArray(1, '\0'));
        QCOMPARE(nodeHash(leafHash({}), second), hex(certificateTransparencyRoots[1]));
        QByteArray concatenated(1, '\x01');
        concatenated.append(reinterpret_cast<const char *>(leafHash({}).data()), 32);
        concatenated.append(reinterpret_cast<const char *>(second.data()), 32);
        QCOMPARE(nodeHash(leafHash({}), second), sha256(concatenated));
        // A node is not a leaf of the same bytes: the prefixes keep the two apart.
        QVERIFY(nodeHash(leafHash({}), second) != leafHash(concatenated.mid(1)));
        QVERIFY(nodeHash(second, leafHash({})) != nodeHash(leafHash({}), second));
    }

    void toHex_writesLowerCase_andRoundTrips()
    {
        const Hash hash = sha256("round trip");
        const QString text = toHex(hash);
        QCOMPARE(text.size(), 64);
        QCOMPARE(text, text.toLower());
        QCOMPARE(hashFromHex(text), std::optional<Hash>(hash));
        QCOMPARE(hashFromHex(text.toUpper()), std::optional<Hash>(hash));
    }

    void hashFromHex_rejectsMalformedText_data()
    {
        QTest::addColumn<QString>("text");
        const QString good = toHex(sha256("x"));
        QTest::newRow("empty") << QString();
        QTest::newRow("63 digits") << good.left(63);
        QTest::newRow("65 digits") << good + u'0';
        QTest::newRow("non-hex digit") << u'g' + good.mid(1);
        QTest::newRow("leading space") << u' ' + good.mid(1);
        QTest::newRow("0x prefix") << u"0x"_s + good.mid(2);
        QTest::newRow("non-ASCII digit") << QChar(0x0661) + good.mid(1); // ARABIC-INDIC ONE
    }
    void hashFromHex_rejectsMalformedText()
    {
        QFETCH(QString, text);
        QVERIFY(!hashFromHex(text));
    }

    void referenceRoot_matchesCertificateTransparencyRoots()
    {
        const std::vector<Hash> leaves = certificateTransparencyLeafHashes();
        QCOMPARE(referenceRoot({}), emptyTreeHash());
        for (std::size_t n = 1; n <= leaves.size(); ++n)
            QCOMPARE(toHex(referenceRoot(std::span(leaves).first(n))),
                     QString::fromLatin1(certificateTransparencyRoots[n - 1]));
    }

    void compactRange_matchesCertificateTransparencyRoots()
    {
        CompactRange range;
        QCOMPARE(range.root(), emptyTreeHash());
        for (std::size_t n = 0; n < 8; ++n) {
            range.append(leafHash(certificateTransparencyLeaves().at(static_cast<qsizetype>(n))));
            QCOMPARE(toHex(range.root()), QString::fromLatin1(certificateTransparencyRoots[n]));
        }
    }

    void compactRange_rootEqualsReference_forEverySizeUpTo1000()
    {
        const std::vector<Hash> leaves = syntheticLeaves(maxTreeSize);
        CompactRange range;
        for (std::size_t n = 1; n <= maxTreeSize; ++n) {
            range.append(leaves[n - 1]);
            QCOMPARE(range.size(), quint64(n));
            QCOMPARE(range.peaks().size(), std::size_t(std::popcount(n)));
            QCOMPARE(range.root(), referenceRoot(std::span(leaves).first(n)));
        }
    }

    void compactRange_reportsEachNodeOnce_withItsSubtreeRoot()
    {
        const std::vector<Hash> leaves = syntheticLeaves(maxTreeSize);
        CompactRange range;
        MemoryNodeStore store;
        quint64 reported = 0;
        for (std::size_t n = 1; n <= maxTreeSize; ++n) {
            int lastLevel = -1;
            range.append(leaves[n - 1], [&](int level, quint64 index, const Hash &hash) {
                QCOMPARE(level, lastLevel + 1); // the leaf first, then upwards one level at a time
                lastLevel = level;
                ++reported;
                // The node covers leaves [index * 2^level, (index + 1) * 2^level), all present.
                const quint64 width = quint64(1) << level;
                QCOMPARE((index + 1) * width, quint64(n));
                QCOMPARE(hash, referenceRoot(std::span(leaves).subspan(index * width, width)));
                QVERIFY(store.put(level, index, hash));
            });
            // One node per level that the new leaf completes: the trailing ones of n - 1, plus the leaf.
            QCOMPARE(lastLevel, std::countr_one(n - 1));
        }
        // A tree of n leaves has 2n - popcount(n) complete perfect subtrees.
        QCOMPARE(reported, quint64(2 * maxTreeSize - std::popcount(maxTreeSize)));
        QCOMPARE(store.nodeCount(), reported);
        QCOMPARE(store.leafCount(), quint64(maxTreeSize));
    }

    void rootAt_equalsReference_forEverySize_inPopcountReads()
    {
        const std::vector<Hash> leaves = syntheticLeaves(maxTreeSize);
        CompactRange range;
        MemoryNodeStore store;
        const auto persist = [&store](int level, quint64 index, const Hash &hash) {
            QVERIFY(store.put(level, index, hash));
        };
        for (const Hash &leaf : leaves)
            range.append(leaf, persist);

        const Result<Hash> emptyRoot = rootAt(store, 0);
        QVERIFY(emptyRoot);
        QCOMPARE(*emptyRoot, emptyTreeHash());
        for (std::size_t n = 1; n <= maxTreeSize; ++n) {
            store.resetReads();
            const Result<Hash> root = rootAt(store, n);
            QVERIFY(root);
            QCOMPARE(store.reads(), quint64(std::popcount(n)));
            QCOMPARE(*root, referenceRoot(std::span(leaves).first(n)));
        }
    }

    void rootAt_beyondTheLog_isNotFound()
    {
        MemoryNodeStore store;
        CompactRange range;
        for (const Hash &leaf : syntheticLeaves(5))
            range.append(leaf, [&store](int level, quint64 index, const Hash &hash) {
                QVERIFY(store.put(level, index, hash));
            });
        QVERIFY(rootAt(store, 5));
        const Result<Hash> beyond = rootAt(store, 6);
        QVERIFY(!beyond);
        QCOMPARE(beyond.error().code, ErrorCode::NotFound);
    }

    void subtreeRoot_refusesRangesThatAreNotPersistedSubtrees()
    {
        MemoryNodeStore store;
        CompactRange range;
        const std::vector<Hash> leaves = syntheticLeaves(16);
        for (const Hash &leaf : leaves)
            range.append(leaf, [&store](int level, quint64 index, const Hash &hash) {
                QVERIFY(store.put(level, index, hash));
            });
        const Result<Hash> ragged = subtreeRoot(store, 8, 13);
        QVERIFY(ragged);
        QCOMPARE(*ragged, referenceRoot(std::span(leaves).subspan(8, 5)));
        const Result<Hash> unaligned = subtreeRoot(store, 2, 7);
        QVERIFY(!unaligned);
        QCOMPARE(unaligned.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!subtreeRoot(store, 7, 3));
    }

    void load_rebuildsTheSameRange_forEverySize()
    {
        const std::vector<Hash> leaves = syntheticLeaves(maxTreeSize);
        CompactRange range;
        MemoryNodeStore store;
        for (std::size_t n = 1; n <= maxTreeSize; ++n) {
            range.append(leaves[n - 1], [&store](int level, quint64 index, const Hash &hash) {
                QVERIFY(store.put(level, index, hash));
            });
            store.resetReads();
            const Result<CompactRange> loaded = CompactRange::load(store, n);
            QVERIFY(loaded);
            QCOMPARE(store.reads(), quint64(std::popcount(n)));
            QVERIFY(*loaded == range);
        }
        // Loading an earlier size gives that size's range, not the latest one.
        const Result<CompactRange> earlier = CompactRange::load(store, 37);
        QVERIFY(earlier);
        QCOMPARE(earlier->root(), referenceRoot(std::span(leaves).first(37)));
    }

    void load_thenAppend_continuesTheSameTree()
    {
        const std::vector<Hash> leaves = syntheticLeaves(300);
        MemoryNodeStore store;
        CompactRange first;
        for (std::size_t i = 0; i < 123; ++i)
            first.append(leaves[i], [&store](int level, quint64 index, const Hash &hash) {
                QVERIFY(store.put(level, index, hash));
            });
        Result<CompactRange> resumed = CompactRange::load(store, 123);
        QVERIFY(resumed);
        for (std::size_t i = 123; i < leaves.size(); ++i)
            resumed->append(leaves[i], [&store](int level, quint64 index, const Hash &hash) {
                QVERIFY(store.put(level, index, hash)); // no gap, no conflicting rewrite
            });
        QCOMPARE(resumed->root(), referenceRoot(leaves));
        const Result<Hash> stored = rootAt(store, 300);
        QVERIFY(stored);
        QCOMPARE(*stored, referenceRoot(leaves));
    }

    void load_withAMissingPeak_reportsNotFound()
    {
        MemoryNodeStore store;
        QVERIFY(store.put(0, 0, sha256("only leaf")));
        const Result<CompactRange> loaded = CompactRange::load(store, 2);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, ErrorCode::NotFound);
        const Result<CompactRange> empty = CompactRange::load(store, 0);
        QVERIFY(empty);
        QCOMPARE(empty->root(), emptyTreeHash());
    }

    void fromPeaks_needsOnePeakPerSetBit()
    {
        const Hash a = sha256("a");
        const Hash b = sha256("b");
        QVERIFY(!CompactRange::fromPeaks(3, {a}));
        QVERIFY(!CompactRange::fromPeaks(4, {a, b}));
        const Result<CompactRange> range = CompactRange::fromPeaks(6, {a, b});
        QVERIFY(range);
        QCOMPARE(range->root(), nodeHash(a, b));
    }

    void memoryNodeStore_keepsNodesImmutable()
    {
        MemoryNodeStore store;
        const Hash a = sha256("a");
        QVERIFY(store.put(0, 0, a));
        QVERIFY(store.put(0, 0, a)); // the same hash again is harmless
        const Status rewrite = store.put(0, 0, sha256("b"));
        QVERIFY(!rewrite);
        QCOMPARE(rewrite.error().code, ErrorCode::Conflict);
        const Status gap = store.put(0, 2, a);
        QVERIFY(!gap);
        QCOMPARE(gap.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!store.put(-1, 0, a));
        QVERIFY(!store.put(64, 0, a));
        const Result<Hash> read = store.node(0, 0);
        QVERIFY(read);
        QCOMPARE(*read, a);
        QCOMPARE(store.node(0, 1).error().code, ErrorCode::NotFound);
        QCOMPARE(store.node(5, 0).error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestMerkle)
#include "tst_merkle.moc"
