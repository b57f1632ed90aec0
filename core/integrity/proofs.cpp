#include "core/integrity/proofs.h"

#include <QJsonArray>
#include <QJsonValue>

#include <algorithm>
#include <bit>

namespace fieldledger::core {

using namespace Qt::StringLiterals;

namespace {

// The largest integer a JSON number (an IEEE double) carries exactly.
constexpr qint64 maxJsonInteger = (qint64(1) << 53) - 1;

// RFC 9162 §2.1.1's k: the largest power of two smaller than n (n > 1).
quint64 splitPoint(quint64 n)
{
    return std::bit_floor(n - 1);
}

bool isOdd(quint64 value)
{
    return (value & 1) != 0;
}

QJsonArray hashesToJson(const std::vector<Hash> &hashes)
{
    QJsonArray array;
    for (const Hash &hash : hashes)
        array.append(toHex(hash));
    return array;
}

Result<quint64> sizeFromJson(const QJsonObject &json, QLatin1StringView key)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return fail(ErrorCode::InvalidArgument, u"\"%1\" is missing"_s.arg(key));
    const qint64 number = value.isDouble() ? value.toInteger(-1) : -1;
    if (number < 0 || number > maxJsonInteger)
        return fail(ErrorCode::InvalidArgument,
                    u"\"%1\" must be a whole number from 0 to 2^53 - 1"_s.arg(key));
    return static_cast<quint64>(number);
}

Result<Hash> hashFromJson(const QJsonValue &value, const QString &what)
{
    if (!value.isString())
        return fail(ErrorCode::InvalidArgument, u"%1 must be a string of 64 hex digits"_s.arg(what));
    const std::optional<Hash> hash = hashFromHex(value.toString());
    if (!hash)
        return fail(ErrorCode::InvalidArgument, u"%1 is not 64 hex digits"_s.arg(what));
    return *hash;
}

Result<std::vector<Hash>> pathFromJson(const QJsonObject &json)
{
    const QJsonValue value = json.value("path"_L1);
    if (value.isUndefined())
        return fail(ErrorCode::InvalidArgument, u"\"path\" is missing"_s);
    if (!value.isArray())
        return fail(ErrorCode::InvalidArgument, u"\"path\" must be an array of hashes"_s);
    const QJsonArray array = value.toArray();
    std::vector<Hash> path;
    path.reserve(static_cast<std::size_t>(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        Result<Hash> hash = hashFromJson(array.at(i), u"\"path\"[%1]"_s.arg(i));
        if (!hash)
            return std::unexpected(hash.error());
        path.push_back(*hash);
    }
    return path;
}

std::unexpected<Error> integrityFailure(const QString &why)
{
    return fail(ErrorCode::Integrity, why);
}

} // namespace

// --- JSON ------------------------------------------------------------------------------------

QJsonObject InclusionProof::toJson() const
{
    return QJsonObject{{"leafIndex"_L1, static_cast<qint64>(leafIndex)},
                       {"treeSize"_L1, static_cast<qint64>(treeSize)},
                       {"leafHash"_L1, toHex(leafHash)},
                       {"path"_L1, hashesToJson(path)}};
}

Result<InclusionProof> InclusionProof::fromJson(const QJsonObject &json)
{
    InclusionProof proof;
    const Result<quint64> leafIndex = sizeFromJson(json, "leafIndex"_L1);
    if (!leafIndex)
        return std::unexpected(leafIndex.error());
    const Result<quint64> treeSize = sizeFromJson(json, "treeSize"_L1);
    if (!treeSize)
        return std::unexpected(treeSize.error());
    const QJsonValue leafValue = json.value("leafHash"_L1);
    if (leafValue.isUndefined())
        return fail(ErrorCode::InvalidArgument, u"\"leafHash\" is missing"_s);
    const Result<Hash> leaf = hashFromJson(leafValue, u"\"leafHash\""_s);
    if (!leaf)
        return std::unexpected(leaf.error());
    Result<std::vector<Hash>> path = pathFromJson(json);
    if (!path)
        return std::unexpected(path.error());
    proof.leafIndex = *leafIndex;
    proof.treeSize = *treeSize;
    proof.leafHash = *leaf;
    proof.path = std::move(*path);
    return proof;
}

QJsonObject ConsistencyProof::toJson() const
{
    return QJsonObject{{"firstSize"_L1, static_cast<qint64>(firstSize)},
                       {"secondSize"_L1, static_cast<qint64>(secondSize)},
                       {"path"_L1, hashesToJson(path)}};
}

Result<ConsistencyProof> ConsistencyProof::fromJson(const QJsonObject &json)
{
    ConsistencyProof proof;
    const Result<quint64> firstSize = sizeFromJson(json, "firstSize"_L1);
    if (!firstSize)
        return std::unexpected(firstSize.error());
    const Result<quint64> secondSize = sizeFromJson(json, "secondSize"_L1);
    if (!secondSize)
        return std::unexpected(secondSize.error());
    Result<std::vector<Hash>> path = pathFromJson(json);
    if (!path)
        return std::unexpected(path.error());
    proof.firstSize = *firstSize;
    proof.secondSize = *secondSize;
    proof.path = std::move(*path);
    return proof;
}

// --- From persisted nodes ----------------------------------------------------------------------

Result<Hash> subtreeRoot(const NodeReader &reader, quint64 begin, quint64 end)
{
    if (end <= begin)
        return begin == end ? Result<Hash>(emptyTreeHash())
                            : fail(ErrorCode::InvalidArgument,
                                   u"Merkle range [%1, %2) is reversed"_s.arg(begin).arg(end));
    const quint64 length = end - begin;
    if (begin % std::bit_floor(length) != 0)
        return fail(ErrorCode::InvalidArgument,
                    u"Merkle range [%1, %2) is not made of persisted subtrees"_s.arg(begin).arg(end));

    // The binary decomposition of the length, largest part first, gives aligned perfect
    // subtrees; MTH of the range is their roots folded right to left. Read them left to right
    // and fold afterwards: at most 64 of them.
    std::array<Hash, 64> parts;
    std::size_t count = 0;
    quint64 position = begin;
    for (int level = std::bit_width(length) - 1; level >= 0; --level) {
        const quint64 width = quint64(1) << level;
        if ((length & width) == 0)
            continue;
        Result<Hash> node = reader.node(level, position >> level);
        if (!node)
            return std::unexpected(node.error());
        parts[count++] = *node;
        position += width;
    }
    Hash root = parts[count - 1];
    for (std::size_t i = count - 1; i-- > 0;)
        root = nodeHash(parts[i], root);
    return root;
}

Result<Hash> rootAt(const NodeReader &reader, quint64 size)
{
    return subtreeRoot(reader, 0, size);
}

Result<InclusionProof> inclusionProof(const NodeReader &reader, quint64 leafIndex, quint64 treeSize)
{
    if (leafIndex >= treeSize)
        return fail(ErrorCode::InvalidArgument,
                    u"there is no leaf %1 in a tree of %2 leaves"_s.arg(leafIndex).arg(treeSize));
    InclusionProof proof;
    proof.leafIndex = leafIndex;
    proof.treeSize = treeSize;
    const Result<Hash> leaf = reader.node(0, leafIndex);
    if (!leaf)
        return std::unexpected(leaf.error());
    proof.leafHash = *leaf;

    // PATH(m, D[lo:hi]) walked from the root down: each step adds the sibling of the half that
    // holds the leaf. The RFC lists them from the leaf up, so reverse at the end. Only the first
    // right-hand sibling can be a ragged range; once inside a left half every range is perfect.
    quint64 lo = 0;
    quint64 hi = treeSize;
    while (hi - lo > 1) {
        const quint64 mid = lo + splitPoint(hi - lo);
        const bool inLeftHalf = leafIndex < mid;
        Result<Hash> sibling = inLeftHalf ? subtreeRoot(reader, mid, hi) : subtreeRoot(reader, lo, mid);
        if (!sibling)
            return std::unexpected(sibling.error());
        proof.path.push_back(*sibling);
        if (inLeftHalf)
            hi = mid;
        else
            lo = mid;
    }
    std::reverse(proof.path.begin(), proof.path.end());
    return proof;
}

Result<ConsistencyProof> consistencyProof(const NodeReader &reader, quint64 firstSize, quint64 secondSize)
{
    if (firstSize > secondSize)
        return fail(ErrorCode::InvalidArgument,
                    u"a log of %1 leaves cannot extend one of %2"_s.arg(secondSize).arg(firstSize));
    ConsistencyProof proof;
    proof.firstSize = firstSize;
    proof.secondSize = secondSize;
    if (firstSize == 0 || firstSize == secondSize) {
        // Nothing to prove, but the tree must still exist.
        const Result<Hash> root = rootAt(reader, secondSize);
        if (!root)
            return std::unexpected(root.error());
        return proof;
    }

    // SUBPROOF(m, D[lo:hi], b) walked from the root down, collecting the hashes each level
    // appends; the RFC lists them from the bottom up, after the subtree the recursion ends on
    // (when b is false: the old tree is not a single complete subtree of the new one).
    quint64 lo = 0;
    quint64 hi = secondSize;
    quint64 m = firstSize;
    bool wholeFirstTree = true; // the RFC's b
    std::vector<Hash> appended;
    while (m != hi - lo) {
        const quint64 k = splitPoint(hi - lo);
        Result<Hash> hash = m <= k ? subtreeRoot(reader, lo + k, hi) : subtreeRoot(reader, lo, lo + k);
        if (!hash)
            return std::unexpected(hash.error());
        appended.push_back(*hash);
        if (m <= k) {
            hi = lo + k;
        } else {
            lo += k;
            m -= k;
            wholeFirstTree = false;
        }
    }
    proof.path.reserve(appended.size() + 1);
    if (!wholeFirstTree) {
        const Result<Hash> subtree = subtreeRoot(reader, lo, hi);
        if (!subtree)
            return std::unexpected(subtree.error());
        proof.path.push_back(*subtree);
    }
    proof.path.insert(proof.path.end(), appended.rbegin(), appended.rend());
    return proof;
}

// --- Verifiers ---------------------------------------------------------------------------------

namespace {

// Why a proof failed, as a value: verifyInclusion/verifyConsistency only need the verdict and
// must stay cheap; checkInclusion/checkConsistency put it into words.
enum class Verdict {
    Valid,
    IndexOutOfRange, // leafIndex >= treeSize
    SizesReversed,   // firstSize > secondSize
    EqualSizesPath,  // firstSize == secondSize with a non-empty path
    EqualSizesRoots, // firstSize == secondSize with different roots
    EmptyLogPath,    // firstSize == 0 with a non-empty path
    EmptyLogRoot,    // firstSize == 0 with a root that is not the empty tree's
    EmptyPath,       // 0 < firstSize < secondSize without a path
    PathTooLong,
    PathTooShort,
    FirstRootMismatch,
    RootMismatch, // the (second) root
};

// RFC 9162 §2.1.3.2, step by step.
Verdict judgeInclusion(const InclusionProof &proof, const Hash &root)
{
    if (proof.leafIndex >= proof.treeSize)
        return Verdict::IndexOutOfRange;
    quint64 fn = proof.leafIndex;
    quint64 sn = proof.treeSize - 1;
    Hash r = proof.leafHash;
    for (const Hash &p : proof.path) {
        if (sn == 0)
            return Verdict::PathTooLong;
        if (isOdd(fn) || fn == sn) {
            r = nodeHash(p, r);
            while (!isOdd(fn) && fn != 0) {
                fn >>= 1;
                sn >>= 1;
            }
        } else {
            r = nodeHash(r, p);
        }
        fn >>= 1;
        sn >>= 1;
    }
    if (sn != 0)
        return Verdict::PathTooShort;
    return r == root ? Verdict::Valid : Verdict::RootMismatch;
}

// RFC 9162 §2.1.4.2, step by step, after the cases the RFC leaves out (proofs.h).
Verdict judgeConsistency(const ConsistencyProof &proof, const Hash &firstRoot, const Hash &secondRoot)
{
    const quint64 m = proof.firstSize;
    const quint64 n = proof.secondSize;
    if (m > n)
        return Verdict::SizesReversed;
    if (m == n) {
        if (!proof.path.empty())
            return Verdict::EqualSizesPath;
        return firstRoot == secondRoot ? Verdict::Valid : Verdict::EqualSizesRoots;
    }
    if (m == 0) {
        if (!proof.path.empty())
            return Verdict::EmptyLogPath;
        return firstRoot == emptyTreeHash() ? Verdict::Valid : Verdict::EmptyLogRoot;
    }
    if (proof.path.empty())
        return Verdict::EmptyPath;

    // When the old tree is a complete subtree (m is a power of two) the proof leaves its root
    // out, since the verifier holds it: it goes first.
    auto next = proof.path.begin();
    const Hash &start = std::has_single_bit(m) ? firstRoot : *next++;
    quint64 fn = m - 1;
    quint64 sn = n - 1;
    while (isOdd(fn)) {
        fn >>= 1;
        sn >>= 1;
    }
    Hash fr = start;
    Hash sr = start;
    for (; next != proof.path.end(); ++next) {
        const Hash &c = *next;
        if (sn == 0)
            return Verdict::PathTooLong;
        if (isOdd(fn) || fn == sn) {
            fr = nodeHash(c, fr);
            sr = nodeHash(c, sr);
            while (!isOdd(fn) && fn != 0) {
                fn >>= 1;
                sn >>= 1;
            }
        } else {
            sr = nodeHash(sr, c);
        }
        fn >>= 1;
        sn >>= 1;
    }
    if (sn != 0)
        return Verdict::PathTooShort;
    if (fr != firstRoot)
        return Verdict::FirstRootMismatch;
    return sr == secondRoot ? Verdict::Valid : Verdict::RootMismatch;
}

} // namespace

Status checkInclusion(const InclusionProof &proof, const Hash &root)
{
    const quint64 i = proof.leafIndex;
    const quint64 n = proof.treeSize;
    switch (judgeInclusion(proof, root)) {
    case Verdict::Valid:
        return {};
    case Verdict::IndexOutOfRange:
        return integrityFailure(u"leaf %1 cannot be in a tree of %2 leaves"_s.arg(i).arg(n));
    case Verdict::PathTooLong:
        return integrityFailure(u"the inclusion path is longer than a tree of %1 leaves allows"_s.arg(n));
    case Verdict::PathTooShort:
        return integrityFailure(u"the inclusion path is shorter than a tree of %1 leaves needs"_s.arg(n));
    default:
        return integrityFailure(
            u"leaf %1 of %2 does not lead to the root %3"_s.arg(i).arg(n).arg(toHex(root)));
    }
}

bool verifyInclusion(const InclusionProof &proof, const Hash &root)
{
    return judgeInclusion(proof, root) == Verdict::Valid;
}

Status verifyInclusionEvent(QByteArrayView canonicalEvent, const InclusionProof &proof, const Hash &root)
{
    if (leafHash(canonicalEvent) != proof.leafHash)
        return integrityFailure(
            u"the event's bytes do not hash to the proof's leaf %1"_s.arg(toHex(proof.leafHash)));
    return checkInclusion(proof, root);
}

Status checkConsistency(const ConsistencyProof &proof, const Hash &firstRoot, const Hash &secondRoot)
{
    const quint64 m = proof.firstSize;
    const quint64 n = proof.secondSize;
    switch (judgeConsistency(proof, firstRoot, secondRoot)) {
    case Verdict::Valid:
        return {};
    case Verdict::SizesReversed:
        return integrityFailure(u"a log of %1 leaves cannot extend one of %2"_s.arg(n).arg(m));
    case Verdict::EqualSizesPath:
        return integrityFailure(u"a proof between equal sizes must be empty"_s);
    case Verdict::EqualSizesRoots:
        return integrityFailure(u"two different roots for the same size %1"_s.arg(m));
    case Verdict::EmptyLogPath:
        return integrityFailure(u"a proof from the empty log must be empty"_s);
    case Verdict::EmptyLogRoot:
        return integrityFailure(u"the root given for the empty log is not the empty tree's"_s);
    case Verdict::EmptyPath:
        return integrityFailure(u"the consistency proof from %1 to %2 is empty"_s.arg(m).arg(n));
    case Verdict::PathTooLong:
        return integrityFailure(u"the consistency path is longer than sizes %1 and %2 allow"_s.arg(m).arg(n));
    case Verdict::PathTooShort:
        return integrityFailure(u"the consistency path is shorter than sizes %1 and %2 need"_s.arg(m).arg(n));
    case Verdict::FirstRootMismatch:
        return integrityFailure(u"the proof does not lead to the root of size %1"_s.arg(m));
    default:
        return integrityFailure(u"the proof does not lead to the root of size %1"_s.arg(n));
    }
}

bool verifyConsistency(const ConsistencyProof &proof, const Hash &firstRoot, const Hash &secondRoot)
{
    return judgeConsistency(proof, firstRoot, secondRoot) == Verdict::Valid;
}

} // namespace fieldledger::core
