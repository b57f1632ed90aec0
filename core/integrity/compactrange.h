#pragma once

#include "core/common/result.h"
#include "core/integrity/hash.h"
#include "core/integrity/nodereader.h"

#include <functional>
#include <vector>

namespace fieldledger::core {

// The roots ("peaks") of the perfect subtrees that make up a log of `size` leaves: one per
// set bit of size, largest (leftmost) first. That is all a log needs to append a leaf and to
// know its root in O(log n), without reading any other node.
class CompactRange final {
public:
    // Told about each node an append completes, so a store can persist it in the same
    // transaction as the event: the leaf itself at level 0, then every interior node the
    // leaf completes, lowest first.
    using NodeSink = std::function<void(int level, quint64 index, const Hash &hash)>;

    CompactRange() = default;

    // Rebuilds the range of a log of `size` leaves from its persisted nodes: popcount(size)
    // reads. ErrorCode::NotFound (from the reader) when a peak is missing.
    [[nodiscard]] static Result<CompactRange> load(const NodeReader &reader, quint64 size);

    // A range from peaks kept elsewhere; ErrorCode::InvalidArgument unless there is exactly one
    // peak per set bit of size.
    [[nodiscard]] static Result<CompactRange> fromPeaks(quint64 size, std::vector<Hash> peaks);

    // Appends the leaf hash of the next event: at most log2(size) node hashes.
    void append(const Hash &leaf, const NodeSink &onNewNode = {});

    // RFC 9162 MTH of the log: the peaks folded right to left; emptyTreeHash() when empty.
    [[nodiscard]] Hash root() const;

    [[nodiscard]] quint64 size() const { return m_size; }
    [[nodiscard]] bool isEmpty() const { return m_size == 0; }
    // Left to right: the peak of the highest set bit of size first.
    [[nodiscard]] const std::vector<Hash> &peaks() const { return m_peaks; }

    [[nodiscard]] bool operator==(const CompactRange &other) const = default;

private:
    quint64 m_size = 0;
    std::vector<Hash> m_peaks;
};

} // namespace fieldledger::core
