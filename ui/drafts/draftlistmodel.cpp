#include "ui/drafts/draftlistmodel.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <iterator>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

DraftListModel::DraftListModel(core::DraftStore &store, QString userId, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_userId(std::move(userId))
{
}

DraftListModel::~DraftListModel() = default;

core::Status DraftListModel::refresh()
{
    auto listed = m_store.list(m_userId);
    if (!listed)
        return std::unexpected(listed.error());
    std::vector<core::Draft> fresh = std::move(*listed);
    QSet<QString> freshIds;
    for (core::Draft &draft : fresh) {
        draft.body = {};
        freshIds.insert(draft.id);
    }

    // Rows whose draft is gone, from the bottom up.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (freshIds.contains(m_rows[size_t(row)].id))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
    }
    // Every listed row is in `fresh` now: put each in its place, inserting the new ones.
    for (int row = 0; row < int(fresh.size()); ++row) {
        core::Draft &wanted = fresh[size_t(row)];
        if (row < int(m_rows.size()) && m_rows[size_t(row)].id == wanted.id) {
            if (m_rows[size_t(row)] != wanted) {
                m_rows[size_t(row)] = std::move(wanted);
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        const auto found =
            std::find_if(m_rows.begin() + row, m_rows.end(),
                         [&wanted](const core::Draft &draft) { return draft.id == wanted.id; });
        if (found == m_rows.end()) {
            beginInsertRows({}, row, row);
            m_rows.insert(m_rows.begin() + row, std::move(wanted));
            endInsertRows();
            continue;
        }
        const int from = int(std::distance(m_rows.begin(), found));
        beginMoveRows({}, from, from, {}, row);
        core::Draft moved = std::move(*found);
        m_rows.erase(found);
        const bool changed = moved != wanted;
        m_rows.insert(m_rows.begin() + row, changed ? std::move(wanted) : std::move(moved));
        endMoveRows();
        if (changed)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    return {};
}

void DraftListModel::setFormNames(const QHash<QString, QString> &names)
{
    m_formNames = names;
    if (!m_rows.empty())
        emit dataChanged(index(0, Form), index(rowCount() - 1, Form));
}

QString DraftListModel::draftId(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)].id : QString();
}

int DraftListModel::rowOf(const QString &draftId) const
{
    const auto found = std::find_if(m_rows.begin(), m_rows.end(),
                                    [&draftId](const core::Draft &draft) { return draft.id == draftId; });
    return found == m_rows.end() ? -1 : int(std::distance(m_rows.begin(), found));
}

void DraftListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int DraftListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DraftListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DraftListModel::formName(const QString &formId) const
{
    return m_formNames.value(formId, formId);
}

QVariant DraftListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::Draft &draft = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title:
            return draft.title.isEmpty() ? tr("(untitled)") : draft.title;
        case Form:
            return formName(draft.formId);
        case Updated:
            return QLocale().toString(draft.updatedAt.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return tr("%1\nForm: %2 (version %3)\nStarted: %4\nLast saved: %5")
            .arg(draft.title, formName(draft.formId), draft.formVersion,
                 QLocale().toString(draft.createdAt.toLocalTime(), QLocale::LongFormat),
                 QLocale().toString(draft.updatedAt.toLocalTime(), QLocale::LongFormat));
    case DraftIdRole:
        return draft.id;
    case FormIdRole:
        return draft.formId;
    case FormVersionRole:
        return draft.formVersion;
    case EntityGuidRole:
        return draft.entityGuid;
    case UpdatedRole:
        return draft.updatedAt;
    default:
        return {};
    }
}

QVariant DraftListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Draft");
    case Form:
        return tr("Form");
    case Updated:
        return tr("Last saved");
    default:
        return {};
    }
}

QHash<int, QByteArray> DraftListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(DraftIdRole, "draftId");
    names.insert(FormIdRole, "formId");
    names.insert(FormVersionRole, "formVersion");
    names.insert(EntityGuidRole, "entityGuid");
    names.insert(UpdatedRole, "updated");
    return names;
}

} // namespace fieldledger::ui
