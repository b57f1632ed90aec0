#pragma once

#include "core/domain/applier.h"

#include <QStringView>

namespace fieldledger::core {

class ApplierRegistry;

// The review decisions of supervisors (review-household): one event type, one small applier.
//
// An event {"decision": "approved" | "flagged" | "rejected", "comment": text (flagged),
// "reason": text (rejected), "reviewedEventGuid": the submission reviewed} sets the group's
// data.review to
//   {"decision", "comment"?, "reason"?, "reviewedEventGuid"?, "reviewedBy": the event's user,
//    "reviewedAt": the event's timestamp, "eventGuid": the review event, "atVersion": the
//    group's version once this event applied}.
// A household awaits review while it has no review or its version moved past review.atVersion
// (something changed it after the decision). Everything comes from the event and the group as
// it stands, so replay reproduces it.
//
// Appliers are total: a target that is not a group records `type-mismatch` (its data is left
// alone); a decision that is not one of the three, or a flag without a comment, or a rejection
// without a reason, changes the target without recording a review (so a household stays, or
// goes back, in the review queue). ReviewService refuses such commands before they are made.
namespace review {

inline constexpr QStringView ReviewHousehold = u"review-household";
inline constexpr QStringView ReviewField = u"review";

inline constexpr QStringView Approved = u"approved";
inline constexpr QStringView Flagged = u"flagged";
inline constexpr QStringView Rejected = u"rejected";

void applyReviewHousehold(ApplyContext &context);

// Registers review-household (called where the built-ins are registered).
void registerReviewAppliers(ApplierRegistry &registry);

} // namespace review
} // namespace fieldledger::core
