#pragma once

#include "core/common/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace fieldledger::core {

class Ledger;

// One line of the household list (see HouseholdIndex for how each value is derived).
struct HouseholdRow {
    QString guid;
    QString name;
    QString head;
    QString village;
    int memberCount = 0;
    QString registeredBy;   // a user id
    QDateTime registeredAt; // UTC
    QDateTime updatedAt;    // UTC
    bool deleted = false;

    friend bool operator==(const HouseholdRow &, const HouseholdRow &) = default;
};

struct HouseholdFilter {
    // Search as you type: every word of the text must occur in the household's name, its head's
    // name or its village, case and accents ignored ("aiss kalo" finds "Aïssatou Diallo" of
    // Kalo). Empty: every household.
    QString text;
    bool includeDeleted = false;
};

enum class HouseholdSortColumn { Name, Head, Village, MemberCount, RegisteredBy, RegisteredAt, UpdatedAt };

// Texts sort by their folded form (foldForSearch); ties by guid, in the same direction.
struct HouseholdSort {
    HouseholdSortColumn column = HouseholdSortColumn::Name;
    Qt::SortOrder order = Qt::AscendingOrder;
};

// The household list as the acting user may see it: filtered and sorted by SQL over
// HouseholdIndex's rows. Every call goes through the ledger's access control (ListEntities):
// enumerators get only the households they may see (AccessControl::visibilityCondition),
// supervisors and administrators all of them; a user who may not list gets PermissionDenied.
class HouseholdQuery final {
public:
    explicit HouseholdQuery(Ledger &ledger);

    [[nodiscard]] Result<qint64> count(const HouseholdFilter &filter) const;
    // At most `limit` rows from `offset` on, in `sort` order.
    [[nodiscard]] Result<std::vector<HouseholdRow>>
    page(const HouseholdFilter &filter, const HouseholdSort &sort, qint64 offset, int limit) const;
    // One household's row, when the user may see it (whatever a filter says); deleted ones too.
    [[nodiscard]] Result<std::optional<HouseholdRow>> row(const QString &guid) const;
    // Where the household sits in the filtered, sorted list (0-based); nullopt when the filter
    // leaves it out or the user may not see it. With row(), lets a model update one row in place
    // or insert it where it belongs.
    [[nodiscard]] Result<std::optional<qint64>> position(const QString &guid, const HouseholdFilter &filter,
                                                         const HouseholdSort &sort) const;
    // The households whose rows a change of these entities (LedgerChange::entityGuids) may have
    // changed: those among them, and the groups listing them (a member's new name is its
    // household's head). A household the change removed has no row any more: a model drops the
    // guids it shows that are in the change and whose row() is now nullopt. Sorted, visible to
    // the user.
    [[nodiscard]] Result<QStringList> householdsAffectedBy(const QStringList &entityGuids) const;

private:
    Ledger &m_ledger;
};

} // namespace fieldledger::core
