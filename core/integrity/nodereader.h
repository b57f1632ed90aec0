#pragma once

#include "core/common/result.h"
#include "core/integrity/hash.h"

#include <QtGlobal>

namespace fieldledger::core {

// Read access to the persisted hashes of a log's Merkle tree.
//
// Only perfect subtrees are ever persisted, because only they never change once complete:
// node (level, index) is the root of the perfect subtree over leaves
// [index * 2^level, (index + 1) * 2^level); level 0 holds the leaf hashes themselves.
// Everything else — the root of any size, any proof — is computed from these in O(log n)
// reads (proofs.h), never by re-hashing the log.
class NodeReader {
public:
    virtual ~NodeReader() = default;
    // The node's hash; ErrorCode::NotFound when it was never written.
    [[nodiscard]] virtual Result<Hash> node(int level, quint64 index) const = 0;
};

// Levels 0 .. maxNodeLevel exist for a log of at most 2^63 leaves.
inline constexpr int maxNodeLevel = 63;

} // namespace fieldledger::core
