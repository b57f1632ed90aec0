#pragma once

#include "core/domain/applier.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <vector>

namespace fieldledger::core {
class Ledger;
struct LedgerChange;
} // namespace fieldledger::core

namespace fieldledger::ui {

// The anomalies core recorded (EVENTS.md §3: events that could not apply as intended), in the
// canonical order of their events, each with its event (when, type, who) and entity (by name).
// A supervisor's or administrator's list (Ledger::anomalies needs the ReadLog right).
//
// It follows the ledger: after each change the list is read again and only the anomalies that
// appeared or went away (a late event re-projected what recorded them) are inserted or removed;
// a Reset (replay) resets the model.
class AnomaliesModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnomaliesModel)

public:
    enum Column { When, Kind, Entity, Event, Message, ColumnCount };

    enum Role {
        EventGuidRole = Qt::UserRole, // QString
        EntityGuidRole,               // QString
        KindRole,                     // QString: the spec's name ("type-mismatch")
        InstantRole,                  // QDateTime (UTC) of the event; invalid when the event is unknown
        EventTypeRole,                // QString
    };

    explicit AnomaliesModel(core::Ledger &ledger, QObject *parent = nullptr);
    ~AnomaliesModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const core::Anomaly &anomaly(int row) const { return m_rows[std::size_t(row)].anomaly; }
    // How a kind reads ("Type mismatch").
    [[nodiscard]] static QString kindLabel(core::AnomalyKind kind);

    // Reads every anomaly again (a reset).
    void reload();

    // Why the last read failed (permission, storage); "" after a successful one.
    [[nodiscard]] const QString &errorText() const { return m_errorText; }

signals:
    // Reading failed (permission, storage); the rows stay as they were.
    void errorOccurred(const QString &message);

private:
    struct Row {
        core::Anomaly anomaly;
        QString key; // identifies the anomaly among the others (with its occurrence)
        QDateTime instant;
        QString timestamp;
        QString eventType;
        QString userId;
    };

    struct EventInfo {
        QDateTime instant; // invalid when the log has no such event
        QString type;
        QString userId;
    };

    void ledgerChanged(const core::LedgerChange &change);
    void refresh();
    [[nodiscard]] bool read(std::vector<Row> &rows);
    [[nodiscard]] QString entityLabel(const QString &guid) const;

    core::Ledger &m_ledger;
    QString m_errorText;
    std::vector<Row> m_rows;
    mutable QHash<QString, QString> m_labels; // entity guid -> name, filled as rows show
    QHash<QString, EventInfo> m_events;       // event guid -> what the rows show of it
};

} // namespace fieldledger::ui
