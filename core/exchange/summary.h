#pragma once

#include "core/common/result.h"
#include "core/domain/ledger.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace fieldledger::core {

// Which households a summary counts. Empty: all of them.
struct SummaryFilter {
    std::optional<QDate> from; // registered on or after this (UTC) day
    std::optional<QDate> to;   // registered on or before this (UTC) day
    // Only households in one of these villages (data.village; "" is a household without one).
    QStringList villages;

    [[nodiscard]] bool isEmpty() const { return !from && !to && villages.isEmpty(); }
    // "2026-11-01..2026-11-30, Kalo, Mbale" or "" when empty (for report headers).
    [[nodiscard]] QString describe() const;
    friend bool operator==(const SummaryFilter &, const SummaryFilter &) = default;
};

// Where households stand with review (review-household events, core/domain/reviewapplier.h):
// each counted household is in exactly one of these. A decision is current while nothing
// changed the household after it (data.review.atVersion is its version); a household changed
// since its last decision awaits review again, as in the review queue (ReviewQueue counts
// neverReviewed + changedSinceReview as awaiting).
struct ReviewProgress {
    qint64 neverReviewed = 0;      // no decision yet
    qint64 approved = 0;           // current decision: approved
    qint64 flagged = 0;            // current decision: flagged (with a comment)
    qint64 rejected = 0;           // current decision: rejected (with a reason)
    qint64 changedSinceReview = 0; // decided, then changed: awaiting review again

    [[nodiscard]] qint64 awaiting() const { return neverReviewed + changedSinceReview; }
    [[nodiscard]] qint64 decided() const { return approved + flagged + rejected; }
    [[nodiscard]] qint64 total() const { return awaiting() + decided(); }
    friend bool operator==(const ReviewProgress &, const ReviewProgress &) = default;
};

// How summarize() reads the registry.
enum class SummarySource {
    // The household rows when no as-of is asked and they are current, else the log.
    Automatic,
    // SQL aggregates over the household rows (table household_rows, core/storage/householdindex.h),
    // and the review-household events found through their type's index for review progress: no
    // pass over the log and no projection read. The present state only, and only while the rows
    // are current (HouseholdIndex::isCurrent); otherwise Unsupported.
    HouseholdRows,
    // One pass over the log's index columns for the registrations (reading the body of
    // split-household and transfer-member events only), then one over the households: for the
    // present state the live groups' projections, as of an instant every entity as it was
    // (Ledger::forEachEntity, several times slower).
    Log,
};

// The numbers of the summary report and the dashboard, over the live households of a registry
// (as of an instant, when asked) that pass a filter.
//
// A household's registration is the first event, in canonical order (EVENTS.md §1), that
// targets it or creates it (split-household's newGroupGuid, transfer-member's toGroupGuid):
// its UTC day and its userId. The household rows keep the same: registered_ns (the instant of the
// household's first effect) and registered_by (the user whose event created it). A household's
// village and member count are as the household list shows them: data.village with its spaces
// simplified (a number written out; "" for none), its live members. Review progress is where
// each counted household stands with review (ReviewProgress).
struct RegistrySummary {
    std::optional<qint64> asOfNs;
    SummaryFilter filter;
    // How it was read (HouseholdRows or Log; never Automatic). Not part of the numbers.
    SummarySource source = SummarySource::Log;

    qint64 households = 0; // live households counted
    qint64 members = 0;    // their members
    qint64 events = 0;     // events in the whole log up to asOf (not filtered)
    ReviewProgress review; // counted households by review status

    QMap<QDate, qint64> registrationsPerDay;          // counted households by registration day
    QMap<QString, qint64> registrationsPerEnumerator; // counted households by who registered them
    QMap<QString, qint64> householdsPerVillage;       // counted households by data.village ("" none)
    QMap<qint64, qint64> householdSizes;              // counted households by number of members

    QStringList villages; // every village of the live households, ignoring the filter (sorted)
    quint64 logSize = 0;  // the log when the summary was made
    QString rootHex;      // its root

    // Registrations for every day from the first to the last registration, 0 where none (or
    // from filter.from to filter.to when both are set).
    [[nodiscard]] QList<std::pair<QDate, qint64>> dailyRegistrations() const;
    // Household sizes from 0 to the largest, 0 where none.
    [[nodiscard]] QList<std::pair<qint64, qint64>> sizeHistogram() const;
    // The same numbers as JSON:
    //   {"asOf"?, "filter"?:{"from","to","villages"}, "households", "members", "events", "logSize",
    //    "root", "registrationsPerDay":{"2026-11-01":3},
    //    "registrationsPerEnumerator":{...}, "householdsPerVillage":{...}, "householdSizes":{"3":2},
    //    "review":{"neverReviewed","approved","flagged","rejected","changedSinceReview"}}
    [[nodiscard]] QJsonObject toJson() const;
};

// Computes the summary from `source` (SummarySource): at 100,000 households the household rows
// give the present state in a fraction of a second, the log in several seconds. Reading the
// log is a supervisor's or an administrator's right (Action::ReadLog). `progress` is told done
// of total (log events, then entities; total 0 then) and may cancel (ErrorCode::Cancelled).
[[nodiscard]] Result<RegistrySummary> summarize(Ledger &ledger, std::optional<qint64> asOfNs,
                                                const SummaryFilter &filter = {},
                                                const Progress &progress = {},
                                                SummarySource source = SummarySource::Automatic);

} // namespace fieldledger::core
