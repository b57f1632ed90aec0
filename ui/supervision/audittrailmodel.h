#pragma once

#include "core/domain/auditfilter.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <vector>

namespace fieldledger::core {
class Ledger;
struct LedgerChange;
} // namespace fieldledger::core

namespace fieldledger::ui {

// One entity's audit trail (EVENTS.md §4, core::Ledger::history) as a two-level tree
// (STYLE.md 6, 7):
//
//   an event that changed the entity, canonical order   When | User | Event | Reason | Late
//     └ one child per change: "name: Ana → Ana Maria", "added: Kofi Mensah", "removed: Ama"
//
// When is local time (the timestamp as written, with its offset, is the tooltip and
// TimestampRole); members are named through the ledger (their name now, else their id); late
// events (received after events that happened later) are marked in the Late column.
//
// The model follows the ledger: when an event changes this entity, the trail is read again and
// only the rows that differ move (inserted, removed, or updated in place with their changes);
// a Reset from the ledger (replay) resets the model. A member renamed updates the rows naming it.
class AuditTrailModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTrailModel)

public:
    enum Column { When, User, Type, Reason, Late, ColumnCount };

    enum Role {
        EventGuidRole = Qt::UserRole, // QString; change rows: their event's
        SeqRole,                      // qlonglong: the event's log sequence
        TimestampRole,                // QString: the timestamp as written
        InstantRole,                  // QDateTime (UTC)
        UserIdRole,                   // QString
        EventTypeRole,                // QString: the event type as stored ("update-group")
        LateRole,                     // bool
        IsChangeRole,                 // bool: a change row
        FieldRole,                    // change rows: the audit key ("name", "memberIds", "data.deleted")
        OldValueRole,                 // change rows: QString, invalid QVariant when the side is absent
        NewValueRole,                 // change rows: QString, invalid QVariant when the side is absent
        ChangeKindRole,               // change rows: ChangeKind as int
        MemberGuidRole,               // membership change rows: the member's guid
    };

    enum class ChangeKind { Field, MemberAdded, MemberRemoved };

    AuditTrailModel(core::Ledger &ledger, QString entityGuid, QObject *parent = nullptr);
    ~AuditTrailModel() override;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

    [[nodiscard]] const QString &entityGuid() const { return m_guid; }
    // The audit entry (EVENTS.md §4) of a top-level row.
    [[nodiscard]] const QJsonObject &entry(int row) const;
    // The top-level row of an event; -1 when it did not change this entity.
    [[nodiscard]] int rowOfEvent(const QString &eventGuid) const;
    // The user ids and event types present, sorted (what the filters offer).
    [[nodiscard]] QStringList userIds() const;
    [[nodiscard]] QStringList eventTypes() const;
    // A member's name as the trail shows it ("" while unknown).
    [[nodiscard]] QString memberLabel(const QString &memberGuid) const;
    // A user's display name when the registry knows it, else the id.
    [[nodiscard]] QString userLabel(const QString &userId) const;
    // How an event type reads: the built-in types by name ("Update household"), others as stored.
    [[nodiscard]] static QString eventTypeLabel(const QString &type);
    // A row as text with tabs (what Ctrl+C copies): an event "when\tuser\tevent\treason\tlate",
    // a change "field\told\tnew" (a member added: "members\t\t<name>", removed "members\t<name>\t").
    [[nodiscard]] QString rowText(const QModelIndex &index) const;

    // Reads the whole trail again (a reset).
    void reload();

    // Why the last read failed (permission, storage); "" after a successful one.
    [[nodiscard]] const QString &errorText() const { return m_errorText; }

signals:
    // Reading the trail failed (permission, storage); the rows stay as they were.
    void errorOccurred(const QString &message);

private:
    struct Change {
        ChangeKind kind = ChangeKind::Field;
        QString field;       // audit key
        QJsonValue oldValue; // Undefined when absent
        QJsonValue newValue; // Undefined when absent
        QString memberGuid;
        friend bool operator==(const Change &, const Change &) = default;
    };
    struct Row {
        QJsonObject entry;
        QString eventGuid;
        QDateTime instant; // UTC
        std::vector<Change> changes;
    };

    void ledgerChanged(const core::LedgerChange &change);
    // Reads the trail and moves only the rows that differ.
    void refresh();
    [[nodiscard]] bool read(std::vector<Row> &rows);
    void updateRow(int row, Row fresh);
    // Names the members the rows mention that have no name yet; with `force`, every one again.
    // The guids whose name changed.
    QSet<QString> resolveLabels(bool force, const QStringList &only = {});
    void loadUserNames();
    [[nodiscard]] static Row makeRow(const QJsonObject &entry);
    [[nodiscard]] QString changeText(const Change &change) const;
    [[nodiscard]] QString valueText(const QJsonValue &value) const;
    [[nodiscard]] QVariant eventData(const Row &row, int column, int role) const;
    [[nodiscard]] QVariant changeData(const Row &row, const Change &change, int role) const;

    core::Ledger &m_ledger;
    QString m_errorText;
    QString m_guid;
    std::vector<Row> m_rows;
    QHash<QString, QString> m_labels;    // member guid -> name ("" when it names nothing)
    QHash<QString, QString> m_userNames; // user id -> display name
};

// The audit trail as a supervisor filters it: core::AuditFilter decides which events show
// (STYLE.md 7); an event shown shows all its changes.
class AuditTrailFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTrailFilterModel)

public:
    explicit AuditTrailFilterModel(QObject *parent = nullptr);
    ~AuditTrailFilterModel() override;

    void setFilter(const core::AuditFilter &filter);
    [[nodiscard]] const core::AuditFilter &filter() const { return m_filter; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    core::AuditFilter m_filter;
};

} // namespace fieldledger::ui
