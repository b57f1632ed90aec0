#include "core/integrity/compactrange.h"

#include <bit>

namespace fieldledger::core {

using namespace Qt::StringLiterals;

Result<CompactRange> CompactRange::load(const NodeReader &reader, quint64 size)
{
    CompactRange range;
    range.m_peaks.reserve(static_cast<std::size_t>(std::popcount(size)));
    quint64 begin = 0;
    for (int level = maxNodeLevel; level >= 0; --level) {
        const quint64 width = quint64(1) << level;
        if ((size & width) == 0)
            continue;
        Result<Hash> peak = reader.node(level, begin >> level);
        if (!peak)
            return std::unexpected(peak.error());
        range.m_peaks.push_back(*peak);
        begin += width;
    }
    range.m_size = size;
    return range;
}

Result<CompactRange> CompactRange::fromPeaks(quint64 size, std::vector<Hash> peaks)
{
    if (peaks.size() != static_cast<std::size_t>(std::popcount(size)))
        return fail(ErrorCode::InvalidArgument, u"a log of %1 leaves has %2 peaks, not %3"_s.arg(size)
                                                    .arg(std::popcount(size))
                                                    .arg(peaks.size()));
    CompactRange range;
    range.m_size = size;
    range.m_peaks = std::move(peaks);
    return range;
}

void CompactRange::append(const Hash &leaf, const NodeSink &onNewNode)
{
    if (onNewNode)
        onNewNode(0, m_size, leaf);
    Hash hash = leaf;
    quint64 index = m_size;
    int level = 0;
    // Every trailing 1 bit of the old size is a peak of the same height, just left of the new
    // subtree: merging with it completes the parent.
    while ((index & 1) != 0) {
        hash = nodeHash(m_peaks.back(), hash);
        m_peaks.pop_back();
        index >>= 1;
        ++level;
        if (onNewNode)
            onNewNode(level, index, hash);
    }
    m_peaks.push_back(hash);
    ++m_size;
}

Hash CompactRange::root() const
{
    if (m_peaks.empty())
        return emptyTreeHash();
    Hash root = m_peaks.back();
    for (auto peak = m_peaks.rbegin() + 1; peak != m_peaks.rend(); ++peak)
        root = nodeHash(*peak, root);
    return root;
}

} // namespace fieldledger::core
