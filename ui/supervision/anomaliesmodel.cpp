#include "ui/supervision/anomaliesmodel.h"

#include "core/domain/ledger.h"
#include "core/domain/timeline.h"
#include "core/events/timestamp.h"
#include "ui/supervision/audittrailmodel.h"
#include "ui/supervision/timetext.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

AnomaliesModel::AnomaliesModel(core::Ledger &ledger, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ledger(ledger)
{
    std::vector<Row> rows;
    if (read(rows))
        m_rows = std::move(rows);
    connect(&m_ledger, &core::Ledger::changed, this, &AnomaliesModel::ledgerChanged);
}

AnomaliesModel::~AnomaliesModel() = default;

int AnomaliesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnomaliesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnomaliesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case Kind:
        return tr("Anomaly");
    case Entity:
        return tr("Record");
    case Event:
        return tr("Event");
    case Message:
        return tr("Details");
    default:
        return {};
    }
}

QVariant AnomaliesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case When:
            return localTimeText(row.instant);
        case Kind:
            return kindLabel(row.anomaly.kind);
        case Entity:
            return entityLabel(row.anomaly.entityGuid);
        case Event:
            return row.eventType.isEmpty() ? row.anomaly.eventGuid
                                           : AuditTrailModel::eventTypeLabel(row.eventType);
        case Message:
            return row.anomaly.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case When:
            return row.timestamp;
        case Kind:
            return core::anomalyKindName(row.anomaly.kind);
        case Entity:
            return row.anomaly.entityGuid;
        case Event:
            return tr("Event %1 (%2) by %3 — Enter or a double click opens the record's audit trail")
                .arg(row.anomaly.eventGuid, row.eventType, row.userId);
        case Message:
            return row.anomaly.message;
        default:
            return {};
        }
    case EventGuidRole:
        return row.anomaly.eventGuid;
    case EntityGuidRole:
        return row.anomaly.entityGuid;
    case KindRole:
        return core::anomalyKindName(row.anomaly.kind);
    case InstantRole:
        return row.instant;
    case EventTypeRole:
        return row.eventType;
    default:
        return {};
    }
}

QString AnomaliesModel::kindLabel(core::AnomalyKind kind)
{
    switch (kind) {
    case core::AnomalyKind::TypeMismatch:
        return tr("Type mismatch");
    case core::AnomalyKind::TargetDeleted:
        return tr("Changed after deletion");
    case core::AnomalyKind::UnknownEntity:
        return tr("Unknown record");
    case core::AnomalyKind::MemberWithoutGuid:
        return tr("Member without ID");
    case core::AnomalyKind::NotAMember:
        return tr("Not a member");
    case core::AnomalyKind::Exists:
        return tr("Already exists");
    case core::AnomalyKind::UnknownType:
        return tr("Unknown event type");
    }
    return core::anomalyKindName(kind);
}

QString AnomaliesModel::entityLabel(const QString &guid) const
{
    const auto known = m_labels.constFind(guid);
    if (known != m_labels.cend())
        return *known;
    QString label = guid;
    if (auto entity = m_ledger.entity(guid); entity && *entity)
        label = core::entityLabel(**entity);
    m_labels.insert(guid, label);
    return label;
}

bool AnomaliesModel::read(std::vector<Row> &rows)
{
    auto anomalies = m_ledger.anomalies();
    if (!anomalies) {
        m_errorText = anomalies.error().message;
        emit errorOccurred(m_errorText);
        return false;
    }
    m_errorText.clear();
    rows.clear();
    rows.reserve(anomalies->size());
    QHash<QString, int> occurrences;
    for (core::Anomaly &anomaly : *anomalies) {
        Row row;
        const QString identity = anomaly.eventGuid + u'\x1f' + anomaly.entityGuid + u'\x1f' +
                                 core::anomalyKindName(anomaly.kind) + u'\x1f' + anomaly.message;
        row.key = identity + u'\x1f' + QString::number(occurrences[identity]++);
        // Events never change: each is read once for as long as the model lives.
        auto found = m_events.constFind(anomaly.eventGuid);
        if (found == m_events.cend()) {
            EventInfo info;
            if (auto event = m_ledger.log().byGuid(anomaly.eventGuid); event && *event) {
                info.instant = dateTimeFromNs((*event)->instantNs);
                info.type = (*event)->type;
                info.userId = (*event)->userId;
            }
            found = m_events.insert(anomaly.eventGuid, info);
        }
        row.instant = found->instant;
        row.eventType = found->type;
        row.userId = found->userId;
        row.timestamp = row.instant.isValid() ? row.instant.toString(Qt::ISODateWithMs) : QString();
        row.anomaly = std::move(anomaly);
        rows.push_back(std::move(row));
    }
    return true;
}

void AnomaliesModel::reload()
{
    std::vector<Row> rows;
    if (!read(rows))
        return;
    beginResetModel();
    m_rows = std::move(rows);
    m_labels.clear();
    endResetModel();
}

void AnomaliesModel::ledgerChanged(const core::LedgerChange &change)
{
    if (change.kind == core::LedgerChange::Kind::Reset) {
        reload();
        return;
    }
    for (const QString &guid : change.entityGuids)
        m_labels.remove(guid);
    refresh();
}

void AnomaliesModel::refresh()
{
    std::vector<Row> fresh;
    if (!read(fresh))
        return;
    QSet<QString> freshKeys;
    for (const Row &row : fresh)
        freshKeys.insert(row.key);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!freshKeys.contains(m_rows[std::size_t(row)].key)) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            endRemoveRows();
        }
    }
    QSet<QString> oldKeys;
    for (const Row &row : m_rows)
        oldKeys.insert(row.key);
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        if (i < m_rows.size() && m_rows[i].key == fresh[i].key)
            continue;
        if (oldKeys.contains(fresh[i].key)) {
            // The order of what was there changed (anomalies of one event re-recorded in another
            // order): everything moves, so start again.
            beginResetModel();
            m_rows = std::move(fresh);
            endResetModel();
            return;
        }
        beginInsertRows({}, int(i), int(i));
        m_rows.insert(m_rows.begin() + qsizetype(i), std::move(fresh[i]));
        endInsertRows();
    }
    // Names may have changed for the entities the change named.
    if (!m_rows.empty())
        emit dataChanged(index(0, Entity), index(int(m_rows.size()) - 1, Entity), {Qt::DisplayRole});
}

} // namespace fieldledger::ui
