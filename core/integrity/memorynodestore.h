#pragma once

#include "core/integrity/nodereader.h"

#include <vector>

namespace fieldledger::core {

// The persisted nodes of a tree held in memory: for tests, benchmarks and throw-away logs.
// Written by CompactRange::append's node callback, in the order it reports them.
class MemoryNodeStore final : public NodeReader {
public:
    [[nodiscard]] Result<Hash> node(int level, quint64 index) const override;

    // Records a node. Nodes are immutable once written: writing the same hash again is
    // harmless, a different one is ErrorCode::Conflict; a write that would leave a hole in its
    // level is ErrorCode::InvalidArgument.
    [[nodiscard]] Status put(int level, quint64 index, const Hash &hash);

    // Reserves room for the nodes of a log of this many leaves.
    void reserve(quint64 leafCount);

    // The number of leaves (level-0 nodes) written so far.
    [[nodiscard]] quint64 leafCount() const;
    // All nodes written so far, across every level (2n - popcount(n) for a log of n leaves).
    [[nodiscard]] quint64 nodeCount() const;

    // How many node() calls were made: lets tests hold the O(log n) promise to account.
    [[nodiscard]] quint64 reads() const { return m_reads; }
    void resetReads() { m_reads = 0; }

private:
    std::vector<std::vector<Hash>> m_levels;
    mutable quint64 m_reads = 0;
};

} // namespace fieldledger::core
