#pragma once

#include "core/integrity/hash.h"

#include <QtGlobal>

#include <functional>
#include <span>
#include <vector>

namespace fieldledger::core {

// RFC 9162 §2.1 transcribed literally, over leaf hashes held in memory: the oracle the
// node-store algorithms (compactrange.h, proofs.h) are tested against. O(n) hashes per call;
// never used by the application.

// MTH(D[n]) of a slice of leaf hashes (the leaves are already SHA-256(0x00 || d)).
using TreeHashFunction = std::function<Hash(std::span<const Hash> leaves)>;

// §2.1.1: MTH({}) = SHA-256(); MTH({d0}) = the leaf hash; otherwise
// SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])) with k the largest power of two below n.
[[nodiscard]] Hash referenceRoot(std::span<const Hash> leaves);

// §2.1.3.1: PATH(m, D[n]); empty when m >= n (the RFC defines no such path).
// mth computes the MTH of each sibling subtree; tests may pass a memoised referenceRoot.
[[nodiscard]] std::vector<Hash> referenceInclusionPath(std::span<const Hash> leaves, quint64 m,
                                                       const TreeHashFunction &mth = referenceRoot);

// §2.1.4.1: PROOF(m, D[n]) = SUBPROOF(m, D[n], true) for 0 < m < n; empty for m == 0 and
// m >= n (the cases the RFC leaves undefined).
[[nodiscard]] std::vector<Hash> referenceConsistencyPath(std::span<const Hash> leaves, quint64 m,
                                                         const TreeHashFunction &mth = referenceRoot);

} // namespace fieldledger::core
