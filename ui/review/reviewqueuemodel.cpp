#include "ui/review/reviewqueuemodel.h"

#include "core/domain/ledger.h"
#include "core/domain/reviewservice.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

namespace {

QDateTime parseUtc(const QString &timestamp)
{
    QDateTime when = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(timestamp, Qt::ISODate);
    return when.toUTC();
}

} // namespace

ReviewQueueModel::ReviewQueueModel(core::Ledger &ledger, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ledger(ledger)
{
    connect(&m_ledger, &core::Ledger::changed, this, &ReviewQueueModel::ledgerChanged);
    reload();
}

ReviewQueueModel::~ReviewQueueModel() = default;

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReviewQueueModel::statusLabel(core::ReviewStatus status)
{
    switch (status) {
    case core::ReviewStatus::Awaiting:
        return tr("Awaiting review");
    case core::ReviewStatus::Approved:
        return tr("Approved");
    case core::ReviewStatus::Flagged:
        return tr("Flagged");
    case core::ReviewStatus::Rejected:
        return tr("Rejected");
    }
    return QString();
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::ReviewItem &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case GuidRole:
        return row.householdGuid;
    case StatusRole:
        return core::reviewStatusName(row.status);
    case LastChangedRole:
        return parseUtc(row.lastChanged);
    case Qt::ToolTipRole:
        if (index.column() == Note || index.column() == Decision) {
            if (!row.reviewedBy.isEmpty())
                return tr("Reviewed by %1 on %2")
                    .arg(row.reviewedBy,
                         QLocale().toString(parseUtc(row.reviewedAt).toLocalTime(), QLocale::ShortFormat));
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case Household:
        return row.name.isEmpty() ? row.householdGuid : row.name;
    case RegisteredBy:
        return row.registeredBy;
    case LastChanged:
        return QLocale().toString(parseUtc(row.lastChanged).toLocalTime(), QLocale::ShortFormat);
    case Decision: {
        if (row.decision.isEmpty())
            return tr("Not reviewed");
        const auto decision = core::reviewDecisionFromName(row.decision);
        const QString label =
            decision == core::ReviewDecision::Flagged    ? statusLabel(core::ReviewStatus::Flagged)
            : decision == core::ReviewDecision::Rejected ? statusLabel(core::ReviewStatus::Rejected)
                                                         : statusLabel(core::ReviewStatus::Approved);
        return row.status == core::ReviewStatus::Awaiting ? tr("%1, changed since").arg(label) : label;
    }
    case Note:
        return row.reason.isEmpty() ? row.comment : row.reason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Household:
        return tr("Household");
    case RegisteredBy:
        return tr("Registered by");
    case LastChanged:
        return tr("Last changed");
    case Decision:
        return tr("Last decision");
    case Note:
        return tr("Comment or reason");
    case ColumnCount:
        break;
    }
    return {};
}

void ReviewQueueModel::setStatus(core::ReviewStatus status)
{
    if (status == m_status)
        return;
    m_status = status;
    reload();
}

int ReviewQueueModel::rowOf(const QString &householdGuid) const
{
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].householdGuid == householdGuid)
            return int(row);
    }
    return -1;
}

void ReviewQueueModel::reload()
{
    const core::ReviewQueue queue(m_ledger);
    auto items = queue.items(m_status);
    auto counts = items ? queue.counts() : core::Result<core::ReviewCounts>(std::unexpected(items.error()));
    if (!items || !counts) {
        m_errorText = (items ? counts.error() : items.error()).message;
        emit errorOccurred(m_errorText);
        return;
    }
    m_errorText.clear();
    beginResetModel();
    m_rows = *std::move(items);
    endResetModel();
    if (!(*counts == m_counts)) {
        m_counts = *counts;
        emit countsChanged(m_counts);
    }
}

void ReviewQueueModel::ledgerChanged(const core::LedgerChange &change)
{
    Q_UNUSED(change)
    reload();
}

} // namespace fieldledger::ui
