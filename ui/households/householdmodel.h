#pragma once

#include "core/storage/householdquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fieldledger::core {
class Ledger;
struct LedgerChange;
} // namespace fieldledger::core

namespace fieldledger::ui {

// The household list (STYLE.md 6, 7): one row per household the user may see, as core's
// HouseholdQuery gives them. Core filters and sorts; the model only asks.
//
// Rows arrive a page at a time (canFetchMore/fetchMore), so the first rows of a registry of any
// size show at once. A new filter text or sort order is "everything changes": a reset and the
// first page again. When the ledger reports changed entities, only the rows of the households
// they touch move (core says which: HouseholdQuery::householdsAffectedBy, so a member's change
// updates its household's row): updated in place (dataChanged), moved, inserted at the position
// core gives them or removed, with the matching begin/end calls. A Reset from the ledger
// (replay) resets the model, and so does a change of many entities at once (an import), which is
// cheaper to reload than to place one by one.
//
// Failures of the query (the registry gone, permission) leave the rows as they were and are
// reported by errorOccurred().
class HouseholdModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HouseholdModel)

public:
    enum Column { Name, Head, Village, Members, RegisteredBy, Updated, ColumnCount };

    enum Role {
        GuidRole = Qt::UserRole, // QString: the household's guid
        SortValueRole,           // the raw value (QString, int, QDateTime) of the cell
        DeletedRole,             // bool
    };

    explicit HouseholdModel(core::Ledger &ledger, QObject *parent = nullptr);
    ~HouseholdModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Asks core for the rows in this order (a reset).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Search as you type (core::HouseholdFilter::text); a different text resets the model.
    void setFilterText(const QString &text);
    [[nodiscard]] const QString &filterText() const { return m_filter.text; }
    [[nodiscard]] const core::HouseholdSort &sortOrder() const { return m_sort; }
    [[nodiscard]] static core::HouseholdSortColumn sortColumnFor(Column column);

    // Rows asked from core at a time (default 200).
    void setPageSize(int rows);
    [[nodiscard]] int pageSize() const { return m_pageSize; }

    // How cells show stored values: village choice names as their labels, user ids as names.
    // Values missing from the maps show as stored.
    void setVillageLabels(QHash<QString, QString> labels);
    void setUserNames(QHash<QString, QString> names);

    // The households matching the filter, loaded or not (core counts them; cached until the
    // rows change).
    [[nodiscard]] qint64 totalCount() const;
    // Whether every matching household is loaded.
    [[nodiscard]] bool isComplete() const { return m_complete; }

    // The loaded row of a household; -1 when it is not loaded.
    [[nodiscard]] int rowOf(const QString &guid) const;
    // Loads pages until the household's row is there (when the filter keeps it); its row or -1.
    int ensureLoaded(const QString &guid);
    [[nodiscard]] const core::HouseholdRow &household(int row) const { return m_rows[std::size_t(row)]; }
    [[nodiscard]] QString guidAt(int row) const;

    // Reloads from core (what a Reset from the ledger does).
    void reload();

signals:
    // A query failed; the rows stay as they were.
    void errorOccurred(const QString &message);

private:
    // One changed household: its row now, and where it goes in this filter and order (nullopt:
    // out of the list).
    struct Placed {
        core::HouseholdRow row;
        std::optional<qint64> position;
    };

    void ledgerChanged(const core::LedgerChange &change);
    void applyChanges(const QStringList &guids);
    // Brings the loaded rows in line with core's first rows (as many as are loaded): the
    // fallback when core cannot say which households a change touched.
    void refresh();
    // Turns the loaded rows into `target` with removes, moves, inserts and dataChanged.
    void becomeRows(std::vector<core::HouseholdRow> target);
    [[nodiscard]] std::vector<core::HouseholdRow> fetchPage(qint64 offset, int limit, bool &ok);
    [[nodiscard]] QString displayText(const core::HouseholdRow &row, int column) const;
    void report(const core::Error &error);

    core::Ledger &m_ledger;
    core::HouseholdQuery m_query;
    core::HouseholdFilter m_filter;
    core::HouseholdSort m_sort;
    int m_pageSize = 200;
    std::vector<core::HouseholdRow> m_rows;
    bool m_complete = false;
    // Rows are being changed: a view or a tester asking for more from a signal handler waits.
    bool m_busy = false;
    mutable std::optional<qint64> m_total;
    QHash<QString, QString> m_villageLabels;
    QHash<QString, QString> m_userNames;
};

} // namespace fieldledger::ui
