#include "ui/supervision/audittrailmodel.h"

#include "core/domain/entity.h"
#include "core/domain/ledger.h"
#include "core/domain/timeline.h"
#include "core/events/timestamp.h"
#include "core/storage/registry.h"
#include "ui/supervision/timetext.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QJsonArray>
#include <QLocale>
#include <QSet>
#include <QStyle>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

// internalId of a top-level row; a change row carries its event's row + 1.
constexpr quintptr kTopLevel = 0;

const QColor kLateColour(0xa3, 0x4a, 0x00);
const QJsonValue kAbsent(QJsonValue::Undefined);

QString offsetText(int minutes)
{
    const QChar sign = minutes < 0 ? u'-' : u'+';
    const int absolute = std::abs(minutes);
    return u"UTC%1%2:%3"_s.arg(sign)
        .arg(absolute / 60, 2, 10, QChar(u'0'))
        .arg(absolute % 60, 2, 10, QChar(u'0'));
}

} // namespace

AuditTrailModel::AuditTrailModel(core::Ledger &ledger, QString entityGuid, QObject *parent)
    : QAbstractItemModel(parent)
    , m_ledger(ledger)
    , m_guid(std::move(entityGuid))
{
    loadUserNames();
    std::vector<Row> rows;
    if (read(rows))
        m_rows = std::move(rows);
    resolveLabels(false);
    connect(&m_ledger, &core::Ledger::changed, this, &AuditTrailModel::ledgerChanged);
}

AuditTrailModel::~AuditTrailModel() = default;

// --- QAbstractItemModel ---------------------------------------------------------------------

QModelIndex AuditTrailModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < int(m_rows.size()) ? createIndex(row, column, kTopLevel) : QModelIndex();
    if (parent.internalId() != kTopLevel || parent.column() != 0 || parent.row() >= int(m_rows.size()))
        return {};
    const Row &event = m_rows[std::size_t(parent.row())];
    if (row >= int(event.changes.size()))
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex AuditTrailModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int AuditTrailModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.internalId() != kTopLevel || parent.column() != 0)
        return 0;
    return int(m_rows[std::size_t(parent.row())].changes.size());
}

int AuditTrailModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags AuditTrailModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != kTopLevel)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant AuditTrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case User:
        return tr("User");
    case Type:
        return tr("Event");
    case Reason:
        return tr("Reason");
    case Late:
        return tr("Late");
    default:
        return {};
    }
}

QVariant AuditTrailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kTopLevel)
        return eventData(m_rows[std::size_t(index.row())], index.column(), role);
    const Row &event = m_rows[std::size_t(index.internalId() - 1)];
    const Change &change = event.changes[std::size_t(index.row())];
    if (index.column() != When) {
        // Change rows speak in their first column (the view spans it); the rest is empty.
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return {};
        default:
            return changeData(event, change, role);
        }
    }
    return changeData(event, change, role);
}

QVariant AuditTrailModel::eventData(const Row &row, int column, int role) const
{
    const QJsonObject &entry = row.entry;
    const bool late = entry.value(u"late"_s).toBool();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case When:
            return localTimeText(row.instant);
        case User:
            return userLabel(entry.value(u"userId"_s).toString());
        case Type:
            return eventTypeLabel(entry.value(u"type"_s).toString());
        case Reason:
            return entry.value(u"reason"_s).toString();
        case Late:
            return late ? tr("Late") : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case When: {
            const QString timestamp = entry.value(u"timestamp"_s).toString();
            const auto parsed = core::Timestamp::parse(timestamp);
            if (!parsed)
                return timestamp;
            return tr("Recorded as %1 (%2)").arg(timestamp, offsetText(parsed->offsetMinutes()));
        }
        case User:
            return entry.value(u"userId"_s).toString();
        case Type:
            return tr("%1, log sequence %2")
                .arg(entry.value(u"type"_s).toString())
                .arg(entry.value(u"seq"_s).toInteger());
        case Late:
            return late ? tr("Received by this registry after events that happened later (synced late)")
                        : QVariant();
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == Late && late)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ForegroundRole:
        if (column == Late && late)
            return QBrush(kLateColour);
        return {};
    case Qt::FontRole:
        if (column == Late && late) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case EventGuidRole:
        return row.eventGuid;
    case SeqRole:
        return entry.value(u"seq"_s).toInteger();
    case TimestampRole:
        return entry.value(u"timestamp"_s).toString();
    case InstantRole:
        return row.instant;
    case UserIdRole:
        return entry.value(u"userId"_s).toString();
    case EventTypeRole:
        return entry.value(u"type"_s).toString();
    case LateRole:
        return late;
    case IsChangeRole:
        return false;
    default:
        return {};
    }
}

QVariant AuditTrailModel::changeData(const Row &row, const Change &change, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return changeText(change);
    case Qt::ToolTipRole:
        return change.kind == ChangeKind::Field ? QVariant() : QVariant(change.memberGuid);
    case EventGuidRole:
        return row.eventGuid;
    case SeqRole:
        return row.entry.value(u"seq"_s).toInteger();
    case IsChangeRole:
        return true;
    case FieldRole:
        return change.field;
    case OldValueRole:
        if (change.kind == ChangeKind::MemberRemoved)
            return memberLabel(change.memberGuid);
        return change.oldValue.isUndefined() ? QVariant() : QVariant(core::auditValueText(change.oldValue));
    case NewValueRole:
        if (change.kind == ChangeKind::MemberAdded)
            return memberLabel(change.memberGuid);
        return change.newValue.isUndefined() ? QVariant() : QVariant(core::auditValueText(change.newValue));
    case ChangeKindRole:
        return int(change.kind);
    case MemberGuidRole:
        return change.kind == ChangeKind::Field ? QVariant() : QVariant(change.memberGuid);
    default:
        return {};
    }
}

QString AuditTrailModel::valueText(const QJsonValue &value) const
{
    if (value.isUndefined())
        return tr("(not set)");
    if (value.isNull())
        return tr("(empty)");
    if (value.isString() && value.toString().isEmpty())
        return tr("(blank)");
    return core::auditValueText(value);
}

QString AuditTrailModel::changeText(const Change &change) const
{
    switch (change.kind) {
    case ChangeKind::MemberAdded:
        return tr("added: %1").arg(memberLabel(change.memberGuid));
    case ChangeKind::MemberRemoved:
        return tr("removed: %1").arg(memberLabel(change.memberGuid));
    case ChangeKind::Field:
        break;
    }
    if (change.field == u"deleted")
        return change.newValue.toBool() ? tr("deleted") : tr("restored");
    return tr("%1: %2 → %3").arg(change.field, valueText(change.oldValue), valueText(change.newValue));
}

// --- reading ---------------------------------------------------------------------------------

AuditTrailModel::Row AuditTrailModel::makeRow(const QJsonObject &entry)
{
    Row row;
    row.entry = entry;
    row.eventGuid = entry.value(u"eventGuid"_s).toString();
    if (auto instant = core::Timestamp::parse(entry.value(u"timestamp"_s).toString()))
        row.instant = instant->toUtcDateTime();
    const QJsonObject changes = entry.value(u"changes"_s).toObject();
    // Membership first (what a supervisor looks for), then fields in their (sorted) order.
    const QJsonObject members = changes.value(u"memberIds"_s).toObject();
    for (const QJsonValue &guid : members.value(u"added"_s).toArray())
        row.changes.push_back(
            Change{ChangeKind::MemberAdded, u"memberIds"_s, kAbsent, kAbsent, guid.toString()});
    for (const QJsonValue &guid : members.value(u"removed"_s).toArray())
        row.changes.push_back(
            Change{ChangeKind::MemberRemoved, u"memberIds"_s, kAbsent, kAbsent, guid.toString()});
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.key() == u"memberIds")
            continue;
        const QJsonObject sides = it.value().toObject();
        row.changes.push_back(
            Change{ChangeKind::Field, it.key(), sides.value(u"old"_s), sides.value(u"new"_s), {}});
    }
    return row;
}

bool AuditTrailModel::read(std::vector<Row> &rows)
{
    core::Result<QJsonArray> history = m_ledger.history(m_guid);
    if (!history) {
        m_errorText = history.error().message;
        emit errorOccurred(m_errorText);
        return false;
    }
    m_errorText.clear();
    rows.clear();
    rows.reserve(std::size_t(history->size()));
    for (const QJsonValue &entry : *history)
        rows.push_back(makeRow(entry.toObject()));
    return true;
}

void AuditTrailModel::reload()
{
    std::vector<Row> rows;
    if (!read(rows))
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    resolveLabels(true);
}

void AuditTrailModel::ledgerChanged(const core::LedgerChange &change)
{
    if (change.kind == core::LedgerChange::Kind::Reset) {
        reload();
        return;
    }
    if (change.entityGuids.contains(m_guid))
        refresh();
    QStringList named;
    for (const QString &guid : change.entityGuids) {
        if (m_labels.contains(guid))
            named.append(guid);
    }
    if (named.isEmpty())
        return;
    const QSet<QString> renamed = resolveLabels(true, named);
    if (renamed.isEmpty())
        return;
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        const auto &changes = m_rows[row].changes;
        const bool mentions = std::ranges::any_of(changes, [&](const Change &c) {
            return !c.memberGuid.isEmpty() && renamed.contains(c.memberGuid);
        });
        if (mentions) {
            const QModelIndex parent = index(int(row), 0);
            emit dataChanged(index(0, 0, parent), index(int(changes.size()) - 1, ColumnCount - 1, parent));
        }
    }
}

void AuditTrailModel::refresh()
{
    std::vector<Row> fresh;
    if (!read(fresh))
        return;
    // Events that no longer change this entity (a late event re-projected it) go first.
    QSet<QString> freshKeys;
    for (const Row &row : fresh)
        freshKeys.insert(row.eventGuid);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!freshKeys.contains(m_rows[std::size_t(row)].eventGuid)) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
    }
    // What is left keeps its canonical order: walk both lists, inserting the new events where
    // they belong and updating the rows whose changes differ.
    QSet<QString> oldKeys;
    for (const Row &row : m_rows)
        oldKeys.insert(row.eventGuid);
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        if (i < m_rows.size() && m_rows[i].eventGuid == fresh[i].eventGuid) {
            if (m_rows[i].entry != fresh[i].entry)
                updateRow(int(i), std::move(fresh[i]));
            continue;
        }
        if (oldKeys.contains(fresh[i].eventGuid)) {
            // Not in canonical order any more: cannot happen for a consistent store.
            beginResetModel();
            m_rows = std::move(fresh);
            endResetModel();
            resolveLabels(false);
            return;
        }
        beginInsertRows({}, int(i), int(i));
        m_rows.insert(m_rows.begin() + qsizetype(i), std::move(fresh[i]));
        endInsertRows();
    }
    resolveLabels(false);
}

void AuditTrailModel::updateRow(int row, Row fresh)
{
    Row &current = m_rows[std::size_t(row)];
    const QModelIndex parent = index(row, 0);
    const int before = int(current.changes.size());
    const int after = int(fresh.changes.size());
    if (before != after) {
        if (before > 0) {
            beginRemoveRows(parent, 0, before - 1);
            current.changes.clear();
            endRemoveRows();
        }
        current.entry = fresh.entry;
        current.instant = fresh.instant;
        if (after > 0) {
            beginInsertRows(parent, 0, after - 1);
            current.changes = std::move(fresh.changes);
            endInsertRows();
        }
    } else {
        current = std::move(fresh);
        if (after > 0)
            emit dataChanged(index(0, 0, parent), index(after - 1, ColumnCount - 1, parent));
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QSet<QString> AuditTrailModel::resolveLabels(bool force, const QStringList &only)
{
    QStringList wanted = only;
    if (wanted.isEmpty()) {
        for (const Row &row : m_rows) {
            for (const Change &change : row.changes) {
                if (!change.memberGuid.isEmpty() && (force || !m_labels.contains(change.memberGuid)))
                    wanted.append(change.memberGuid);
            }
        }
        wanted.removeDuplicates();
    }
    QSet<QString> changed;
    for (const QString &guid : std::as_const(wanted)) {
        QString label;
        if (auto entity = m_ledger.entity(guid); entity && *entity)
            label = core::entityLabel(**entity);
        const auto known = m_labels.constFind(guid);
        if (known == m_labels.cend() || *known != label)
            changed.insert(guid);
        m_labels.insert(guid, label);
    }
    return changed;
}

void AuditTrailModel::loadUserNames()
{
    auto users = m_ledger.registry().users();
    if (!users)
        return;
    for (const core::User &user : std::as_const(*users)) {
        if (!user.displayName.isEmpty())
            m_userNames.insert(user.id, user.displayName);
    }
}

// --- queries ---------------------------------------------------------------------------------

const QJsonObject &AuditTrailModel::entry(int row) const
{
    return m_rows[std::size_t(row)].entry;
}

int AuditTrailModel::rowOfEvent(const QString &eventGuid) const
{
    const auto found = std::ranges::find(m_rows, eventGuid, &Row::eventGuid);
    return found == m_rows.end() ? -1 : int(found - m_rows.begin());
}

QStringList AuditTrailModel::userIds() const
{
    QSet<QString> ids;
    for (const Row &row : m_rows)
        ids.insert(row.entry.value(u"userId"_s).toString());
    QStringList sorted(ids.begin(), ids.end());
    sorted.sort();
    return sorted;
}

QStringList AuditTrailModel::eventTypes() const
{
    QSet<QString> types;
    for (const Row &row : m_rows)
        types.insert(row.entry.value(u"type"_s).toString());
    QStringList sorted(types.begin(), types.end());
    sorted.sort();
    return sorted;
}

QString AuditTrailModel::memberLabel(const QString &memberGuid) const
{
    const QString label = m_labels.value(memberGuid);
    return label.isEmpty() ? memberGuid : label;
}

QString AuditTrailModel::userLabel(const QString &userId) const
{
    return m_userNames.value(userId, userId);
}

QString AuditTrailModel::eventTypeLabel(const QString &type)
{
    static const struct {
        const char16_t *type;
        const char *label;
    } kLabels[] = {
        {u"create-individual", QT_TR_NOOP("Register person")},
        {u"update-individual", QT_TR_NOOP("Update person")},
        {u"create-group", QT_TR_NOOP("Register household")},
        {u"update-group", QT_TR_NOOP("Update household")},
        {u"add-member", QT_TR_NOOP("Add members")},
        {u"remove-member", QT_TR_NOOP("Remove members")},
        {u"transfer-member", QT_TR_NOOP("Transfer member")},
        {u"split-household", QT_TR_NOOP("Split household")},
        {u"delete-entity", QT_TR_NOOP("Delete")},
        {u"resolve-duplicate", QT_TR_NOOP("Resolve duplicate")},
    };
    for (const auto &known : kLabels) {
        if (type == QStringView(known.type))
            return tr(known.label);
    }
    return type;
}

QString AuditTrailModel::rowText(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kTopLevel) {
        QStringList cells;
        for (int column = 0; column < ColumnCount; ++column)
            cells.append(data(this->index(index.row(), column), Qt::DisplayRole).toString());
        return cells.join(u'\t');
    }
    const Change &change = m_rows[std::size_t(index.internalId() - 1)].changes[std::size_t(index.row())];
    switch (change.kind) {
    case ChangeKind::MemberAdded:
        return tr("members") + u"\t\t"_s + memberLabel(change.memberGuid);
    case ChangeKind::MemberRemoved:
        return tr("members") + u'\t' + memberLabel(change.memberGuid) + u'\t';
    case ChangeKind::Field:
        break;
    }
    auto side = [](const QJsonValue &value) {
        return value.isUndefined() ? QString() : core::auditValueText(value);
    };
    return change.field + u'\t' + side(change.oldValue) + u'\t' + side(change.newValue);
}

// --- AuditTrailFilterModel -------------------------------------------------------------------

AuditTrailFilterModel::AuditTrailFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

AuditTrailFilterModel::~AuditTrailFilterModel() = default;

void AuditTrailFilterModel::setFilter(const core::AuditFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool AuditTrailFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return true; // an event shown shows every change it made
    const auto *trail = qobject_cast<const AuditTrailModel *>(sourceModel());
    if (!trail || m_filter.isEmpty())
        return true;
    return m_filter.matches(trail->entry(sourceRow),
                            [trail](const QString &guid) { return trail->memberLabel(guid); });
}

} // namespace fieldledger::ui
