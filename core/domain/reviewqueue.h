#pragma once

#include "core/common/result.h"
#include "core/domain/ledger.h"

#include <QString>

#include <optional>
#include <vector>

namespace fieldledger::core {

// Where a household stands with review: awaiting (never reviewed, or changed since the last
// decision), else the last decision.
enum class ReviewStatus { Awaiting, Approved, Flagged, Rejected };

[[nodiscard]] QString reviewStatusName(ReviewStatus status);

struct ReviewItem {
    QString householdGuid;
    QString name;         // data.name, may be empty
    QString registeredBy; // the user whose event created the household
    QString lastChanged;  // the household's lastUpdated (UTC, as in the events)
    int version = 0;
    ReviewStatus status = ReviewStatus::Awaiting;
    // The last decision, even when stale (status Awaiting): who, when, and why.
    QString decision;
    QString comment;
    QString reason;
    QString reviewedBy;
    QString reviewedAt;
};

struct ReviewCounts {
    qint64 awaiting = 0;
    qint64 approved = 0;
    qint64 flagged = 0;
    qint64 rejected = 0;
    friend bool operator==(const ReviewCounts &, const ReviewCounts &) = default;
};

// The review queue (issue 6, item 4), read with SQL from the projections (table entities:
// each live group's version and data.review, written by the review-household applier), never by
// replaying events. Supervisors and administrators see every household; an enumerator sees
// only the households AccessControl lets them see (so they learn which of theirs were flagged
// or rejected, and why).
class ReviewQueue final {
public:
    explicit ReviewQueue(Ledger &ledger)
        : m_ledger(ledger)
    {
    }

    // The live households with `status`, the longest waiting first (lastUpdated, then guid);
    // at most `limit` when limit >= 0.
    [[nodiscard]] Result<std::vector<ReviewItem>> items(ReviewStatus status = ReviewStatus::Awaiting,
                                                        int limit = -1) const;
    // How many live households stand in each status.
    [[nodiscard]] Result<ReviewCounts> counts() const;
    // One household's review state, or nullopt when it is not a live household the user sees.
    [[nodiscard]] Result<std::optional<ReviewItem>> item(const QString &householdGuid) const;

private:
    [[nodiscard]] Result<std::vector<ReviewItem>> select(const QString &condition, const QString &guid,
                                                         std::optional<ReviewStatus> status, int limit) const;

    Ledger &m_ledger;
};

} // namespace fieldledger::core
