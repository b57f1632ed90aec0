#pragma once

#include "core/common/result.h"
#include "core/domain/duplicaterules.h"
#include "core/domain/entity.h"
#include "core/domain/ledger.h"

#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace fieldledger::core {

// Potential duplicates (issue 6, item 5), kept in step with the projections inside the ledger's
// own transactions (tables duplicate_keys and duplicate_pairs, schema v6).
//
// Every live entity's match keys (matchKeys under the registry's DuplicateRules) are indexed; a
// changed entity's candidates are found through the index by its keys, never by a scan. A pair
// is kept once, the smaller guid first:
// - open while the two share at least one key (rules: the rules they share, sorted, comma
//   separated); an open pair whose entities stop sharing keys (an update, a deletion) goes;
// - resolved by the first resolve-duplicate event naming it (the applier records it in the
//   target's data.resolvedDuplicates): resolved_seq is that event's sequence, resolution
//   "keep-both" or "deleted" (the event tombstoned its target). A resolved pair stays resolved.
// found_seq is the sequence of the last event in the log when the pair was found; a rebuild keeps
// the found_seq of the pairs it finds again, and otherwise uses the later of the two entities'
// first events.
//
// A duplicate never blocks a submission: the index only records.
class DuplicateIndex final : public ProjectionObserver {
public:
    explicit DuplicateIndex(QSqlDatabase db);
    ~DuplicateIndex() override;
    DuplicateIndex(const DuplicateIndex &) = delete;
    DuplicateIndex &operator=(const DuplicateIndex &) = delete;

    // Makes the ledger keep the index from now on. Rebuilds it first (one transaction, reporting
    // progress; cancelling changes nothing) when it is missing or stale: a registry whose events
    // were written without it, other rules, another layout. A read-only registry is left as it
    // is. Installing twice on one ledger does nothing the second time.
    [[nodiscard]] static Status install(Ledger &ledger, const Progress &progress = {});
    // Keeps new rules in the registry and rebuilds the index with them at once (supervisors and
    // administrators: the Review right). The installed index follows at its next change.
    [[nodiscard]] static Status applyRules(Ledger &ledger, const DuplicateRules &rules,
                                           const Progress &progress = {});

    [[nodiscard]] Result<bool> isCurrent() const;
    // Recomputes every key and pair in a transaction of its own.
    [[nodiscard]] Status rebuild(const Progress &progress = {});

    [[nodiscard]] Status entitiesChanged(const QSet<QString> &guids) override;
    [[nodiscard]] Status projectionsRebuilt() override;

private:
    [[nodiscard]] Status loadRules();
    [[nodiscard]] Status rebuildAll(const Progress &progress);
    [[nodiscard]] Status updateKeys(const QString &guid, QStringList &newKeys);
    [[nodiscard]] Status updatePairs(const QString &guid, const QStringList &keys, qint64 foundSeq);
    [[nodiscard]] Status recordResolutions(const QString &guid);
    [[nodiscard]] Status markCurrent();

    QSqlDatabase m_db;
    DuplicateRules m_rules;
    QString m_rulesText; // as kept in meta, to notice a change
    struct Statements;
    std::unique_ptr<Statements> m_statements;
};

// One flagged pair, with what the queue shows of it.
struct DuplicatePair {
    QString entityGuid;    // sorts first
    QString duplicateGuid; // sorts second
    QStringList rules;     // the rules the two matched on
    qint64 foundSeq = 0;
    QString foundAt; // the timestamp of the event at foundSeq (UTC, as in the events)
    std::optional<qint64> resolvedSeq;
    QString resolution; // "keep-both" / "deleted" once resolved
    QString entityName; // data.name of each, may be empty
    QString duplicateName;
    EntityType type = EntityType::Individual;

    [[nodiscard]] bool isResolved() const { return resolvedSeq.has_value(); }
};

// What the supervisor chooses for a pair.
enum class DuplicateResolution {
    KeepBoth,   // both stay: the pair is marked resolved
    DeleteNewer // the one registered later is tombstoned, and the pair marked resolved
};

// The duplicates queue and its resolution, read from the index with SQL, checked once per call:
// Action::Review (supervisors and administrators).
class DuplicateQueue final {
public:
    explicit DuplicateQueue(Ledger &ledger)
        : m_ledger(ledger)
    {
    }

    // Open pairs, oldest found first (found_seq, then the guids); at most `limit` when >= 0.
    [[nodiscard]] Result<std::vector<DuplicatePair>> openPairs(int limit = -1) const;
    [[nodiscard]] Result<qint64> openCount() const;
    // One pair (open or resolved), in either order of the guids; nullopt when not flagged.
    [[nodiscard]] Result<std::optional<DuplicatePair>> pair(const QString &a, const QString &b) const;
    // Both entities of a pair, as now (the first is the pair's entityGuid).
    [[nodiscard]] Result<std::pair<Entity, Entity>> entities(const DuplicatePair &pair) const;
    // Of the two, the one registered later (log order of the first event that changed each;
    // the greater guid when one event made both).
    [[nodiscard]] Result<QString> newer(const QString &a, const QString &b) const;

    // The resolve-duplicate command for a pair of live entities: KeepBoth targets the pair's
    // first entity; DeleteNewer targets the newer with data.shouldDelete. `note`, when given,
    // becomes context.reason.
    [[nodiscard]] Result<Command> resolveCommand(const QString &a, const QString &b,
                                                 DuplicateResolution resolution,
                                                 const QString &note = {}) const;
    // Submits it through Ledger::submit.
    [[nodiscard]] Result<Event> resolve(const QString &a, const QString &b, DuplicateResolution resolution,
                                        const QString &note = {});

private:
    [[nodiscard]] Result<std::vector<DuplicatePair>> select(const QString &condition, const QString &a,
                                                            const QString &b, int limit) const;

    Ledger &m_ledger;
};

} // namespace fieldledger::core
