#include "ui/duplicates/duplicatesmodel.h"

#include "core/domain/duplicaterules.h"
#include "core/domain/ledger.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>

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

QString keyOf(const core::DuplicatePair &pair)
{
    return pair.entityGuid + u'\n' + pair.duplicateGuid;
}

bool sameRow(const core::DuplicatePair &a, const core::DuplicatePair &b)
{
    return a.rules == b.rules && a.entityName == b.entityName && a.duplicateName == b.duplicateName &&
           a.foundSeq == b.foundSeq && a.foundAt == b.foundAt;
}

} // namespace

DuplicatesModel::DuplicatesModel(core::Ledger &ledger, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ledger(ledger)
{
    connect(&m_ledger, &core::Ledger::changed, this, [this](const core::LedgerChange &) { reload(); });
    reload();
}

DuplicatesModel::~DuplicatesModel() = default;

int DuplicatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DuplicatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DuplicatesModel::ruleLabel(const QString &rule)
{
    const bool household = rule.startsWith(core::duplicaterule::HouseholdPrefix);
    const QStringView name =
        household ? QStringView(rule).mid(core::duplicaterule::HouseholdPrefix.size()) : QStringView(rule);
    if (name == core::duplicaterule::NameBirthDate)
        return tr("Name and birth date");
    if (name == core::duplicaterule::NameAgeBand)
        return tr("Name and age");
    if (name == core::duplicaterule::IdNumber)
        return household ? tr("Household ID number") : tr("ID number");
    if (name == core::duplicaterule::Phone)
        return household ? tr("Household phone") : tr("Phone");
    return rule;
}

QVariant DuplicatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::DuplicatePair &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case EntityGuidRole:
        return row.entityGuid;
    case DuplicateGuidRole:
        return row.duplicateGuid;
    case FoundSeqRole:
        return row.foundSeq;
    case Qt::ToolTipRole:
        if (index.column() == First)
            return row.entityGuid;
        if (index.column() == Second)
            return row.duplicateGuid;
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case Found:
        return QLocale().toString(parseUtc(row.foundAt).toLocalTime(), QLocale::ShortFormat);
    case First:
        return row.entityName.isEmpty() ? row.entityGuid : row.entityName;
    case Second:
        return row.duplicateName.isEmpty() ? row.duplicateGuid : row.duplicateName;
    case Rules: {
        QStringList labels;
        for (const QString &rule : row.rules)
            labels.append(ruleLabel(rule));
        return QLocale().createSeparatedList(labels);
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DuplicatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Found:
        return tr("Found");
    case First:
        return tr("Registered first");
    case Second:
        return tr("Possible duplicate");
    case Rules:
        return tr("Matched on");
    case ColumnCount:
        break;
    }
    return {};
}

int DuplicatesModel::rowOf(const QString &a, const QString &b) const
{
    const QString first = std::min(a, b);
    const QString second = std::max(a, b);
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].entityGuid == first && m_rows[row].duplicateGuid == second)
            return int(row);
    }
    return -1;
}

void DuplicatesModel::reload()
{
    const core::DuplicateQueue queue(m_ledger);
    auto pairs = queue.openPairs(kLimit);
    auto count = pairs ? queue.openCount() : core::Result<qint64>(std::unexpected(pairs.error()));
    if (!pairs || !count) {
        m_errorText = (pairs ? count.error() : pairs.error()).message;
        emit errorOccurred(m_errorText);
        return;
    }
    m_errorText.clear();
    update(*std::move(pairs));
    if (*count != m_openCount) {
        m_openCount = *count;
        emit openCountChanged(m_openCount);
    }
}

void DuplicatesModel::update(std::vector<core::DuplicatePair> rows)
{
    // Rows that went, from the bottom up.
    QSet<QString> incoming;
    for (const core::DuplicatePair &pair : rows)
        incoming.insert(keyOf(pair));
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(keyOf(m_rows[std::size_t(row)])))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
    }
    // What stays keeps its order (the queue's order never changes for a kept pair): walk both
    // lists, inserting what came and refreshing what changed. Anything else resets.
    QSet<QString> staying;
    for (const core::DuplicatePair &pair : m_rows)
        staying.insert(keyOf(pair));
    std::size_t at = 0;
    for (const core::DuplicatePair &pair : rows) {
        const QString key = keyOf(pair);
        if (!staying.contains(key)) {
            beginInsertRows({}, int(at), int(at));
            m_rows.insert(m_rows.begin() + qsizetype(at), pair);
            endInsertRows();
        } else if (at < m_rows.size() && keyOf(m_rows[at]) == key) {
            if (!sameRow(m_rows[at], pair)) {
                m_rows[at] = pair;
                emit dataChanged(index(int(at), 0), index(int(at), ColumnCount - 1));
            }
        } else {
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
            return;
        }
        ++at;
    }
}

} // namespace fieldledger::ui
