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

// The numbers of the summary report and the dashboard, over the live households of a registry
// (as of an instant, when asked) that pass a filter.
//
// A household's registration is the first event, in canonical order (EVENTS.md §1), that
// targets it or creates it (split-household's newGroupGuid, transfer-member's toGroupGuid):
// its UTC day and its userId. The registry has no review events yet, so "review progress" is
// what the projection knows: households changed since they were registered (version > 1)
// against those never changed since.
struct RegistrySummary {
    std::optional<qint64> asOfNs;
    SummaryFilter filter;

    qint64 households = 0;       // live households counted
    qint64 members = 0;          // their members (memberIds)
    qint64 householdsEdited = 0; // counted households changed after their registration
    qint64 events = 0;           // events in the whole log up to asOf (not filtered)

    QMap<QDate, qint64> registrationsPerDay;          // counted households by registration day
    QMap<QString, qint64> registrationsPerEnumerator; // counted households by who registered them
    QMap<QString, qint64> householdsPerVillage;       // counted households by data.village ("" none)
    QMap<qint64, qint64> householdSizes;              // counted households by number of members

    QStringList villages; // every village of the live households, ignoring the filter (sorted)
    quint64 logSize = 0;  // the log when the summary was made
    QString rootHex;      // its root

    [[nodiscard]] qint64 householdsUnchanged() const { return households - householdsEdited; }
    // Registrations for every day from the first to the last registration, 0 where none (or
    // from filter.from to filter.to when both are set).
    [[nodiscard]] QList<std::pair<QDate, qint64>> dailyRegistrations() const;
    // Household sizes from 0 to the largest, 0 where none.
    [[nodiscard]] QList<std::pair<qint64, qint64>> sizeHistogram() const;
    // The same numbers as JSON:
    //   {"asOf"?, "filter"?:{"from","to","villages"}, "households", "members", "householdsEdited",
    //    "householdsUnchanged", "events", "logSize", "root", "registrationsPerDay":{"2026-11-01":3},
    //    "registrationsPerEnumerator":{...}, "householdsPerVillage":{...}, "householdSizes":{"3":2}}
    [[nodiscard]] QJsonObject toJson() const;
};

// Computes the summary: one pass over the log's index columns (reading the body of
// split-household and transfer-member events only), then one over the households: for the
// present state only the live groups' projections, as of an instant every entity as it was
// (Ledger::forEachEntity, several times slower). Reading the log is a supervisor's or an
// administrator's right (Action::ReadLog). `progress` is told done of total (log events, then
// entities; total 0 then) and may cancel (ErrorCode::Cancelled).
[[nodiscard]] Result<RegistrySummary> summarize(Ledger &ledger, std::optional<qint64> asOfNs,
                                                const SummaryFilter &filter = {},
                                                const Progress &progress = {});

} // namespace fieldledger::core
