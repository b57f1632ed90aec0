#include "ui/households/householdmodel.h"

#include "core/domain/ledger.h"

#include <QLocale>
#include <QScopedValueRollback>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

// More changed entities than this in one notification (an import) reload the list: placing
// each would cost two queries apiece.
constexpr qsizetype kPlaceAtMost = 400;

QString dateTimeText(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

HouseholdModel::HouseholdModel(core::Ledger &ledger, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ledger(ledger)
    , m_query(ledger)
{
    connect(&m_ledger, &core::Ledger::changed, this, &HouseholdModel::ledgerChanged);
    reload();
}

HouseholdModel::~HouseholdModel() = default;

int HouseholdModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HouseholdModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HouseholdModel::displayText(const core::HouseholdRow &row, int column) const
{
    switch (column) {
    case Name:
        return row.name;
    case Head:
        return row.head;
    case Village:
        return m_villageLabels.value(row.village, row.village);
    case Members:
        return QLocale().toString(row.memberCount);
    case RegisteredBy:
        return m_userNames.value(row.registeredBy, row.registeredBy);
    case Updated:
        return dateTimeText(row.updatedAt);
    default:
        return {};
    }
}

QVariant HouseholdModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::HouseholdRow &row = m_rows[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, column);
    case Qt::ToolTipRole:
        if (column == RegisteredBy)
            return tr("Registered by %1 on %2").arg(row.registeredBy, dateTimeText(row.registeredAt));
        if (column == Updated)
            return tr("Last change to the household or one of its members");
        if (column == Village && m_villageLabels.contains(row.village))
            return row.village;
        return {};
    case Qt::TextAlignmentRole:
        if (column == Members)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case GuidRole:
        return row.guid;
    case DeletedRole:
        return row.deleted;
    case SortValueRole:
        switch (column) {
        case Name:
            return row.name;
        case Head:
            return row.head;
        case Village:
            return row.village;
        case Members:
            return row.memberCount;
        case RegisteredBy:
            return row.registeredBy;
        case Updated:
            return row.updatedAt;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant HouseholdModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name:
            return tr("Household");
        case Head:
            return tr("Head");
        case Village:
            return tr("Village or area");
        case Members:
            return tr("Members");
        case RegisteredBy:
            return tr("Registered by");
        case Updated:
            return tr("Last updated");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && section == Members)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    return {};
}

bool HouseholdModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete;
}

std::vector<core::HouseholdRow> HouseholdModel::fetchPage(qint64 offset, int limit, bool &ok)
{
    auto page = m_query.page(m_filter, m_sort, offset, limit);
    ok = page.has_value();
    if (!page) {
        report(page.error());
        return {};
    }
    return std::move(*page);
}

void HouseholdModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_complete || m_busy)
        return;
    const QScopedValueRollback busy(m_busy, true);
    bool ok = false;
    std::vector<core::HouseholdRow> page = fetchPage(qint64(m_rows.size()), m_pageSize, ok);
    if (!ok) {
        m_complete = true; // do not ask again and again; reload() tries afresh
        return;
    }
    m_complete = int(page.size()) < m_pageSize;
    if (page.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
    endInsertRows();
}

core::HouseholdSortColumn HouseholdModel::sortColumnFor(Column column)
{
    switch (column) {
    case Name:
        return core::HouseholdSortColumn::Name;
    case Head:
        return core::HouseholdSortColumn::Head;
    case Village:
        return core::HouseholdSortColumn::Village;
    case Members:
        return core::HouseholdSortColumn::MemberCount;
    case RegisteredBy:
        return core::HouseholdSortColumn::RegisteredBy;
    case Updated:
    case ColumnCount:
        break;
    }
    return core::HouseholdSortColumn::UpdatedAt;
}

void HouseholdModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    const core::HouseholdSort sort{sortColumnFor(Column(column)), order};
    if (sort.column == m_sort.column && sort.order == m_sort.order)
        return;
    m_sort = sort;
    reload();
}

void HouseholdModel::setFilterText(const QString &text)
{
    if (text == m_filter.text)
        return;
    m_filter.text = text;
    reload();
}

void HouseholdModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void HouseholdModel::setVillageLabels(QHash<QString, QString> labels)
{
    m_villageLabels = std::move(labels);
    if (!m_rows.empty())
        emit dataChanged(index(0, Village), index(rowCount() - 1, Village),
                         {Qt::DisplayRole, Qt::ToolTipRole});
}

void HouseholdModel::setUserNames(QHash<QString, QString> names)
{
    m_userNames = std::move(names);
    if (!m_rows.empty())
        emit dataChanged(index(0, RegisteredBy), index(rowCount() - 1, RegisteredBy), {Qt::DisplayRole});
}

qint64 HouseholdModel::totalCount() const
{
    if (m_complete)
        return qint64(m_rows.size());
    if (!m_total) {
        auto counted = m_query.count(m_filter);
        if (!counted)
            return qint64(m_rows.size());
        m_total = *counted;
    }
    return std::max(*m_total, qint64(m_rows.size()));
}

int HouseholdModel::rowOf(const QString &guid) const
{
    const auto found = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                    [&](const core::HouseholdRow &row) { return row.guid == guid; });
    return found == m_rows.cend() ? -1 : int(found - m_rows.cbegin());
}

int HouseholdModel::ensureLoaded(const QString &guid)
{
    if (const int row = rowOf(guid); row >= 0)
        return row;
    auto position = m_query.position(guid, m_filter, m_sort);
    if (!position) {
        report(position.error());
        return -1;
    }
    if (!*position)
        return -1;
    while (!m_complete && qint64(m_rows.size()) <= **position)
        fetchMore({});
    return rowOf(guid);
}

QString HouseholdModel::guidAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].guid : QString();
}

void HouseholdModel::reload()
{
    const QScopedValueRollback busy(m_busy, true);
    beginResetModel();
    m_rows.clear();
    m_complete = false;
    m_total.reset();
    bool ok = false;
    std::vector<core::HouseholdRow> page = fetchPage(0, m_pageSize, ok);
    if (ok) {
        m_complete = int(page.size()) < m_pageSize;
        m_rows = std::move(page);
    } else {
        m_complete = true;
    }
    endResetModel();
}

void HouseholdModel::report(const core::Error &error)
{
    emit errorOccurred(error.message);
}

void HouseholdModel::ledgerChanged(const core::LedgerChange &change)
{
    if (change.kind == core::LedgerChange::Kind::Reset || change.entityGuids.size() > kPlaceAtMost) {
        reload();
        return;
    }
    applyChanges(change.entityGuids);
}

// The loaded rows are always the first rows of core's list. A change keeps it so. Core names the
// households the change may have touched (householdsAffectedBy: those changed, and the groups of
// changed members); each is looked up afresh (its row and its position), and so is any loaded
// household the change names that core no longer lists. The list the loaded rows should become
// is worked out (the unchanged rows keep their order; each changed one sits at its position, or
// leaves when it falls past the loaded rows), and the rows are taken there with fine-grained
// removes, moves, inserts and dataChanged.
void HouseholdModel::applyChanges(const QStringList &guids)
{
    auto affected = m_query.householdsAffectedBy(guids);
    if (!affected) {
        report(affected.error());
        refresh(); // compare the loaded rows with core's first page instead
        return;
    }
    QStringList households = std::move(*affected);
    for (const QString &guid : guids) {
        if (rowOf(guid) >= 0 && !households.contains(guid))
            households.append(guid);
    }
    if (households.isEmpty())
        return;
    m_total.reset();

    QHash<QString, Placed> placed;
    for (const QString &guid : std::as_const(households)) {
        auto row = m_query.row(guid);
        if (!row) {
            report(row.error());
            return;
        }
        Placed entry;
        if (row->has_value()) {
            entry.row = std::move(**row);
            auto position = m_query.position(guid, m_filter, m_sort);
            if (!position) {
                report(position.error());
                return;
            }
            entry.position = *position;
        }
        placed.insert(guid, std::move(entry));
    }

    std::vector<const Placed *> entering; // changed households in the list, by position
    for (const Placed &entry : std::as_const(placed)) {
        if (entry.position)
            entering.push_back(&entry);
    }
    std::sort(entering.begin(), entering.end(),
              [](const Placed *a, const Placed *b) { return *a->position < *b->position; });
    std::vector<core::HouseholdRow> target;
    target.reserve(m_rows.size() + entering.size());
    std::size_t next = 0;
    auto unchanged = m_rows.cbegin();
    const auto skipChanged = [&] {
        while (unchanged != m_rows.cend() && placed.contains(unchanged->guid))
            ++unchanged;
    };
    skipChanged();
    while (true) {
        if (next < entering.size() && *entering[next]->position <= qint64(target.size())) {
            target.push_back(entering[next++]->row);
        } else if (unchanged != m_rows.cend()) {
            target.push_back(*unchanged);
            ++unchanged;
            skipChanged();
        } else {
            break;
        }
    }
    // Past the loaded rows: they stay unloaded unless every row was loaded already.
    if (m_complete) {
        while (next < entering.size())
            target.push_back(entering[next++]->row);
    }
    becomeRows(std::move(target));
}

void HouseholdModel::refresh()
{
    m_total.reset();
    // As many rows as are loaded (a page at least); when every row was loaded, all of them and
    // any newcomers.
    const int wanted =
        m_complete ? int(m_rows.size()) + m_pageSize : std::max(int(m_rows.size()), m_pageSize);
    bool ok = false;
    std::vector<core::HouseholdRow> rows = fetchPage(0, wanted, ok);
    if (!ok)
        return;
    m_complete = int(rows.size()) < wanted;
    becomeRows(std::move(rows));
}

void HouseholdModel::becomeRows(std::vector<core::HouseholdRow> target)
{
    const QScopedValueRollback busy(m_busy, true);
    QSet<QString> kept;
    for (const core::HouseholdRow &row : target)
        kept.insert(row.guid);

    // Rows that leave the loaded part, from the bottom so the row numbers hold.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!kept.contains(m_rows[std::size_t(row)].guid)) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
    }

    // Then from the top: each row is in place, moves up from below, or comes in.
    const auto update = [this](int row, core::HouseholdRow &&value) {
        core::HouseholdRow &current = m_rows[std::size_t(row)];
        if (current == value)
            return;
        current = std::move(value);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    };
    for (int k = 0; k < int(target.size()); ++k) {
        core::HouseholdRow &wanted = target[std::size_t(k)];
        if (k < int(m_rows.size()) && m_rows[std::size_t(k)].guid == wanted.guid) {
            update(k, std::move(wanted));
            continue;
        }
        int from = -1;
        for (int j = k + 1; j < int(m_rows.size()); ++j) {
            if (m_rows[std::size_t(j)].guid == wanted.guid) {
                from = j;
                break;
            }
        }
        if (from < 0) {
            beginInsertRows({}, k, k);
            m_rows.insert(m_rows.begin() + k, std::move(wanted));
            endInsertRows();
            continue;
        }
        beginMoveRows({}, from, from, {}, k);
        core::HouseholdRow moving = std::move(m_rows[std::size_t(from)]);
        m_rows.erase(m_rows.begin() + from);
        m_rows.insert(m_rows.begin() + k, std::move(moving));
        endMoveRows();
        update(k, std::move(wanted));
    }
}

} // namespace fieldledger::ui
