#pragma once

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/domain/ledger.h"

#include <QDateTime>
#include <QJsonObject>

#include <memory>
#include <vector>

namespace fieldledger::core {

struct DemoOptions {
    qint64 households = 100;
    quint64 seed = 1;
    // Registrations are spread over the working hours (08:00-18:00 UTC) of the days of the
    // `weeks` before the clock's now, yesterday the last; follow-up visits come between them.
    int weeks = 8;
    // Households per transaction (each batch is one Ledger::submitBatch).
    int householdsPerBatch = 250;
};

struct DemoReport {
    qint64 households = 0;  // households registered
    qint64 individuals = 0; // people registered (at registration or added later)
    qint64 events = 0;      // events accepted
    qint64 anomalies = 0;   // anomalies recorded while applying them (none, for a demo)

    // {"households":N,"individuals":M,"events":E,"anomalies":A}
    [[nodiscard]] QJsonObject toJson() const;
};

// Realistic households for a demo registry, a screenshot or a benchmark: West African,
// Latin American and francophone names with their accents (Aïssatou, Ngoné, José, Françoise),
// villages, districts and regions from the default registration form's choice lists, 1 to 9
// members with sexes, ages or birth dates and relationships to the head; then follow-up
// visits among recent households: members' and households' details corrected, newborns and
// relatives added, members removed with a reason, members moved to another household. Every
// command has the shape the default forms submit (household-registration, household-edit,
// member, member-edit, remove-member; transfer-member for moves) with the form in metadata.
//
// Deterministic: the same options and the same `now` give the same commands, guids included
// (std::mt19937_64, whose output the standard fixes). Timestamps are explicit, strictly
// increasing, and spread over the working hours of the weeks before `now`.
class DemoGenerator final {
public:
    DemoGenerator(const DemoOptions &options, const QDateTime &now);
    ~DemoGenerator();
    DemoGenerator(const DemoGenerator &) = delete;
    DemoGenerator &operator=(const DemoGenerator &) = delete;

    [[nodiscard]] bool atEnd() const;
    // The commands registering up to `households` more households, with the follow-up visits
    // made meanwhile, in timestamp order; empty at the end. Each batch is valid on its own once
    // the previous ones were accepted.
    [[nodiscard]] std::vector<Command> nextBatch(qint64 households);
    [[nodiscard]] qint64 householdsMade() const;
    [[nodiscard]] qint64 individualsMade() const;

    // Generates into the ledger as its current user, one submitBatch per batch of households.
    // progress(households done, households in all) after each batch; returning false stops
    // with ErrorCode::Cancelled: the batches already accepted stay (each a consistent set of
    // households), nothing of the next one is written.
    [[nodiscard]] static Result<DemoReport>
    populate(Ledger &ledger, const Clock &clock, const DemoOptions &options, const Progress &progress = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fieldledger::core
