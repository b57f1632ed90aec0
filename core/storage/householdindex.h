#pragma once

#include "core/common/result.h"
#include "core/domain/ledger.h"

#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>

#include <memory>

namespace fieldledger::core {

// A text as search and sorting compare it: case folded, accents and other combining marks
// dropped (compatibility decomposition first, so "ﬁ" is "fi" and full-width letters are plain),
// a few letters that do not decompose spelt out (ß ss, æ ae, œ oe, ø o, đ d, ł l, ŋ n, ɓ b, ɗ d,
// ƴ y, ɛ e, ɔ o, ı i), apostrophes dropped ("N'Diaye" is "ndiaye"), and every run of anything
// else that is not a letter or a digit (spaces, hyphens, underscores, punctuation) one space,
// trimmed. "  Aïssatou N'Diaye-Sow " gives "aissatou ndiaye sow".
[[nodiscard]] QString foldForSearch(QStringView text);

// The household list's rows (table household_rows, schema v5), one per group: its name, its
// head's name, its village, its live member count, who registered it and when, and when it or
// one of its members last changed. Derived from the projections and kept in step with them
// inside the ledger's own transactions, so the list never shows a state the ledger did not
// commit; HouseholdQuery reads it.
//
// A row is a function of the projections alone (a rebuild gives the same rows):
// - name: data.name; village: data.village (the stored value, a choice name for the default
//   forms: the view shows its label);
// - head: the name of the live member data.headId names, else of the first live member (in
//   memberIds order) whose relationship is "head" (any case: isHeadRelationship); else empty;
//   headGuid: that member's guid (exports read it);
// - memberCount: the members listed in memberIds that exist and are not deleted;
// - registeredBy: the user whose event created the group; registeredAt: the instant of the
//   first event that changed it;
// - updatedAt: the latest lastUpdated of the group and of its live members (editing a member
//   moves the household up a list sorted by last update);
// - nested: some live group lists it (AccessControl grants households through their groups);
// - deleted groups keep a row marked deleted (listed only on request), without head or members
//   (memberCount 0; updatedAt is the group's own lastUpdated).
// Whether a member's data.relationship makes them the head of their household: "head" in any case.
[[nodiscard]] bool isHeadRelationship(const QJsonValue &relationship);

class HouseholdIndex final : public ProjectionObserver {
public:
    explicit HouseholdIndex(QSqlDatabase db);
    ~HouseholdIndex() override;
    HouseholdIndex(const HouseholdIndex &) = delete;
    HouseholdIndex &operator=(const HouseholdIndex &) = delete;

    // Makes the ledger keep the rows from now on. Rebuilds them first (one transaction,
    // reporting progress; cancelling changes nothing) when they are missing or stale: a registry
    // made before schema v5, rows of an older layout, or events written by a ledger that had no
    // index. A read-only registry is left as it is. Installing twice on one ledger does nothing
    // the second time.
    [[nodiscard]] static Status install(Ledger &ledger, const Progress &progress = {});

    // Whether the rows were last brought up to date at the current end of the log, by this
    // layout of the rows.
    [[nodiscard]] Result<bool> isCurrent() const;
    // Recomputes every row in a transaction of its own; cancelling (progress returns false)
    // changes nothing.
    [[nodiscard]] Status rebuild(const Progress &progress = {});

    [[nodiscard]] Status entitiesChanged(const QSet<QString> &guids) override;
    [[nodiscard]] Status projectionsRebuilt() override;

private:
    [[nodiscard]] Status rebuildRows(const Progress &progress);
    [[nodiscard]] Status refresh(const QString &groupGuid);
    [[nodiscard]] Status markCurrent();

    QSqlDatabase m_db;
    struct Statements;
    std::unique_ptr<Statements> m_statements;
};

} // namespace fieldledger::core
