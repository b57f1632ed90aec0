#pragma once

#include "core/common/result.h"
#include "core/integrity/hash.h"
#include "core/integrity/nodereader.h"

#include <QByteArrayView>
#include <QJsonObject>

#include <vector>

namespace fieldledger::core {

// RFC 9162 §2.1.3: the proof that the leaf at leafIndex is in the tree of treeSize leaves.
// path is the RFC's PATH(leafIndex, D[treeSize]), in the RFC's order (the leaf's sibling
// first, the root's child last).
struct InclusionProof {
    quint64 leafIndex = 0;
    quint64 treeSize = 0;
    Hash leafHash{};
    std::vector<Hash> path;

    // {"leafIndex": i, "treeSize": n, "leafHash": "<hex>", "path": ["<hex>", …]} (INTEGRITY.md)
    [[nodiscard]] QJsonObject toJson() const;
    // Every key above is required and checked (sizes are non-negative integers of at most
    // 2^53 - 1, the most a JSON number holds exactly; hashes 64 hex digits); other keys are
    // ignored. ErrorCode::InvalidArgument names the first key that is wrong.
    [[nodiscard]] static Result<InclusionProof> fromJson(const QJsonObject &json);

    [[nodiscard]] bool operator==(const InclusionProof &other) const = default;
};

// RFC 9162 §2.1.4: the proof that the tree of secondSize leaves extends the tree of firstSize
// leaves. path is the RFC's PROOF(firstSize, D[secondSize]). For firstSize == 0 (every log
// extends the empty log) and firstSize == secondSize the path is empty; the RFC defines
// proofs only for 0 < firstSize < secondSize.
struct ConsistencyProof {
    quint64 firstSize = 0;
    quint64 secondSize = 0;
    std::vector<Hash> path;

    // {"firstSize": m, "secondSize": n, "path": ["<hex>", …]} (INTEGRITY.md)
    [[nodiscard]] QJsonObject toJson() const;
    // As InclusionProof::fromJson.
    [[nodiscard]] static Result<ConsistencyProof> fromJson(const QJsonObject &json);

    [[nodiscard]] bool operator==(const ConsistencyProof &other) const = default;
};

// --- Answered from persisted nodes in O(log n) reads, never by re-hashing the log. -----------
// Errors are the reader's (ErrorCode::NotFound: the tree is not that big, or a node is
// missing) or ErrorCode::InvalidArgument for arguments that name no proof.

// RFC 9162 MTH of the first `size` leaves; emptyTreeHash() for 0.
[[nodiscard]] Result<Hash> rootAt(const NodeReader &reader, quint64 size);

// MTH(D[begin:end]) for a range whose start is a multiple of the largest power of two not
// above its length — the ranges the RFC's recursions visit — folded from the perfect nodes of
// its binary decomposition. ErrorCode::InvalidArgument for any other range.
[[nodiscard]] Result<Hash> subtreeRoot(const NodeReader &reader, quint64 begin, quint64 end);

// Requires leafIndex < treeSize.
[[nodiscard]] Result<InclusionProof> inclusionProof(const NodeReader &reader, quint64 leafIndex,
                                                    quint64 treeSize);

// Requires firstSize <= secondSize.
[[nodiscard]] Result<ConsistencyProof> consistencyProof(const NodeReader &reader, quint64 firstSize,
                                                        quint64 secondSize);

// --- Verifiers: need only the proof and the root(s). -----------------------------------------

// RFC 9162 §2.1.3.2. Fails (ErrorCode::Integrity, saying why) when leafIndex >= treeSize, when
// the path has hashes missing or left over for the tree's shape, or when leafHash does not
// lead through the path to root.
[[nodiscard]] Status checkInclusion(const InclusionProof &proof, const Hash &root);
[[nodiscard]] bool verifyInclusion(const InclusionProof &proof, const Hash &root);

// The event's own bytes (its canonical form, EVENTS.md §1) must hash to the proof's leaf, and
// the leaf must be in the tree with this root.
[[nodiscard]] Status verifyInclusionEvent(QByteArrayView canonicalEvent, const InclusionProof &proof,
                                          const Hash &root);

// RFC 9162 §2.1.4.2, plus the two cases the RFC leaves out:
// - firstSize == secondSize: the path must be empty and the roots equal;
// - firstSize == 0: the path must be empty and firstRoot must be emptyTreeHash() (any log
//   extends the empty one; a non-empty root claimed for size 0 is a lie, so it is refused).
// firstSize > secondSize, an empty path otherwise, and a path with hashes missing or left over
// all fail (ErrorCode::Integrity, saying why).
[[nodiscard]] Status checkConsistency(const ConsistencyProof &proof, const Hash &firstRoot,
                                      const Hash &secondRoot);
[[nodiscard]] bool verifyConsistency(const ConsistencyProof &proof, const Hash &firstRoot,
                                     const Hash &secondRoot);

} // namespace fieldledger::core
