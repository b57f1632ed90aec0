#pragma once

#include "core/common/result.h"
#include "core/domain/ledger.h"
#include "core/events/event.h"

#include <QJsonValue>
#include <QString>

namespace fieldledger::core {

enum class ReviewDecision { Approved, Flagged, Rejected };

// "approved", "flagged", "rejected" (the review-household data), and back.
[[nodiscard]] QString reviewDecisionName(ReviewDecision decision);
[[nodiscard]] std::optional<ReviewDecision> reviewDecisionFromName(QStringView name);

// What supervisors do to a submission (issue 6, item 4), made into commands and submitted
// through the ledger: review decisions are review-household events (core/domain/reviewapplier.h),
// corrections ordinary update-group / update-individual events with context.reason, so both
// show in the audit trail and replay the same.
//
// Every method checks Action::Review first (supervisors and administrators), then validates:
// the ledger's own validation knows nothing of review-household, so this is where a review
// without its comment or reason is refused.
class ReviewService final {
public:
    explicit ReviewService(Ledger &ledger)
        : m_ledger(ledger)
    {
    }

    // The command recording `decision` on the household's latest submission. `text` is the
    // comment (flagged, required), the reason (rejected, required); ignored when approved.
    [[nodiscard]] Result<Command> reviewCommand(const QString &householdGuid, ReviewDecision decision,
                                                const QString &text = {}) const;
    [[nodiscard]] Result<Event> review(const QString &householdGuid, ReviewDecision decision,
                                       const QString &text = {});
    [[nodiscard]] Result<Event> approve(const QString &householdGuid)
    {
        return review(householdGuid, ReviewDecision::Approved);
    }
    [[nodiscard]] Result<Event> flag(const QString &householdGuid, const QString &comment)
    {
        return review(householdGuid, ReviewDecision::Flagged, comment);
    }
    [[nodiscard]] Result<Event> reject(const QString &householdGuid, const QString &reason)
    {
        return review(householdGuid, ReviewDecision::Rejected, reason);
    }

    // Sets data[field] = value on a live household or member (update-group or update-individual)
    // with context {"reason": reason, "source": "review"}. A reason is required; `members` and
    // `review` cannot be corrected this way.
    [[nodiscard]] Result<Command> correctionCommand(const QString &entityGuid, const QString &field,
                                                    const QJsonValue &value, const QString &reason) const;
    [[nodiscard]] Result<Event> correctField(const QString &entityGuid, const QString &field,
                                             const QJsonValue &value, const QString &reason);

    // The guid of the latest event on the household that is not a review, or empty.
    [[nodiscard]] Result<QString> latestSubmission(const QString &householdGuid) const;

private:
    Ledger &m_ledger;
};

} // namespace fieldledger::core
