#include "core/integrity/reference.h"

#include <bit>

namespace fieldledger::core {

namespace {

// The largest power of two smaller than n (n > 1).
std::size_t largestPowerOfTwoBelow(std::size_t n)
{
    return std::bit_floor(n - 1);
}

// PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])     for m < k
//               = PATH(m - k, D[k:n]) : MTH(D[0:k]) for m >= k
std::vector<Hash> path(std::span<const Hash> d, std::size_t m, const TreeHashFunction &mth)
{
    const std::size_t n = d.size();
    if (n <= 1)
        return {};
    const std::size_t k = largestPowerOfTwoBelow(n);
    std::vector<Hash> result;
    if (m < k) {
        result = path(d.first(k), m, mth);
        result.push_back(mth(d.subspan(k)));
    } else {
        result = path(d.subspan(k), m - k, mth);
        result.push_back(mth(d.first(k)));
    }
    return result;
}

// SUBPROOF(m, D[m], true)  = {}
// SUBPROOF(m, D[m], false) = {MTH(D[m])}
// SUBPROOF(m, D[n], b)     = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])             for m <= k
//                          = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])     for m > k
std::vector<Hash> subproof(std::span<const Hash> d, std::size_t m, bool b, const TreeHashFunction &mth)
{
    const std::size_t n = d.size();
    if (m == n) {
        if (b)
            return {};
        return {mth(d)};
    }
    const std::size_t k = largestPowerOfTwoBelow(n);
    std::vector<Hash> result;
    if (m <= k) {
        result = subproof(d.first(k), m, b, mth);
        result.push_back(mth(d.subspan(k)));
    } else {
        result = subproof(d.subspan(k), m - k, false, mth);
        result.push_back(mth(d.first(k)));
    }
    return result;
}

} // namespace

Hash referenceRoot(std::span<const Hash> leaves)
{
    const std::size_t n = leaves.size();
    if (n == 0)
        return emptyTreeHash();
    if (n == 1)
        return leaves.front();
    const std::size_t k = largestPowerOfTwoBelow(n);
    return nodeHash(referenceRoot(leaves.first(k)), referenceRoot(leaves.subspan(k)));
}

std::vector<Hash> referenceInclusionPath(std::span<const Hash> leaves, quint64 m, const TreeHashFunction &mth)
{
    if (m >= leaves.size())
        return {};
    return path(leaves, static_cast<std::size_t>(m), mth);
}

std::vector<Hash> referenceConsistencyPath(std::span<const Hash> leaves, quint64 m,
                                           const TreeHashFunction &mth)
{
    if (m == 0 || m >= leaves.size())
        return {};
    return subproof(leaves, static_cast<std::size_t>(m), true, mth);
}

} // namespace fieldledger::core
