#include "core/integrity/memorynodestore.h"

namespace fieldledger::core {

using namespace Qt::StringLiterals;

Result<Hash> MemoryNodeStore::node(int level, quint64 index) const
{
    ++m_reads;
    if (level < 0 || static_cast<std::size_t>(level) >= m_levels.size() ||
        index >= m_levels[static_cast<std::size_t>(level)].size())
        return fail(ErrorCode::NotFound,
                    u"Merkle node (level %1, index %2) was never written"_s.arg(level).arg(index));
    return m_levels[static_cast<std::size_t>(level)][index];
}

Status MemoryNodeStore::put(int level, quint64 index, const Hash &hash)
{
    if (level < 0 || level > maxNodeLevel)
        return fail(ErrorCode::InvalidArgument, u"Merkle node level %1 is out of range"_s.arg(level));
    if (static_cast<std::size_t>(level) >= m_levels.size())
        m_levels.resize(static_cast<std::size_t>(level) + 1);
    std::vector<Hash> &nodes = m_levels[static_cast<std::size_t>(level)];
    if (index < nodes.size()) {
        if (nodes[index] != hash)
            return fail(
                ErrorCode::Conflict,
                u"Merkle node (level %1, index %2) is already written with another hash"_s.arg(level).arg(
                    index));
        return {};
    }
    if (index > nodes.size())
        return fail(ErrorCode::InvalidArgument,
                    u"Merkle node (level %1, index %2) would leave nodes %3..%4 unwritten"_s.arg(level)
                        .arg(index)
                        .arg(nodes.size())
                        .arg(index - 1));
    nodes.push_back(hash);
    return {};
}

void MemoryNodeStore::reserve(quint64 leafCount)
{
    for (int level = 0; level <= maxNodeLevel && (leafCount >> level) > 0; ++level) {
        if (static_cast<std::size_t>(level) >= m_levels.size())
            m_levels.resize(static_cast<std::size_t>(level) + 1);
        m_levels[static_cast<std::size_t>(level)].reserve(leafCount >> level);
    }
}

quint64 MemoryNodeStore::leafCount() const
{
    return m_levels.empty() ? 0 : m_levels.front().size();
}

quint64 MemoryNodeStore::nodeCount() const
{
    quint64 count = 0;
    for (const std::vector<Hash> &nodes : m_levels)
        count += nodes.size();
    return count;
}

} // namespace fieldledger::core
