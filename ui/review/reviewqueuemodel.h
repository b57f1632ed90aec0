#pragma once

#include "core/domain/reviewqueue.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace fieldledger::core {
class Ledger;
struct LedgerChange;
} // namespace fieldledger::core

namespace fieldledger::ui {

// The review queue (core::ReviewQueue) as a table: the households in one review status (those
// awaiting review by default), the longest waiting first, with the counts of every status.
// It follows the ledger: every change reads the queue again (one SQL query over the
// projections) and resets the rows.
class ReviewQueueModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewQueueModel)

public:
    enum Column { Household, RegisteredBy, LastChanged, Decision, Note, ColumnCount };

    enum Role {
        GuidRole = Qt::UserRole, // QString: the household's guid
        StatusRole,              // QString: "awaiting", "approved", "flagged", "rejected"
        LastChangedRole,         // QDateTime (UTC)
    };

    explicit ReviewQueueModel(core::Ledger &ledger, QObject *parent = nullptr);
    ~ReviewQueueModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // Which households are listed (Awaiting by default).
    [[nodiscard]] core::ReviewStatus status() const { return m_status; }
    void setStatus(core::ReviewStatus status);

    [[nodiscard]] const core::ReviewItem &item(int row) const { return m_rows[std::size_t(row)]; }
    [[nodiscard]] const core::ReviewCounts &counts() const { return m_counts; }
    // The row listing this household, or -1.
    [[nodiscard]] int rowOf(const QString &householdGuid) const;

    // How a status reads ("Awaiting review", "Flagged", ...).
    [[nodiscard]] static QString statusLabel(core::ReviewStatus status);

    // Reads the queue and the counts again.
    void reload();

    // Why the last read failed; "" after a successful one.
    [[nodiscard]] const QString &errorText() const { return m_errorText; }

signals:
    void countsChanged(const fieldledger::core::ReviewCounts &counts);
    void errorOccurred(const QString &message);

private:
    void ledgerChanged(const core::LedgerChange &change);

    core::Ledger &m_ledger;
    core::ReviewStatus m_status = core::ReviewStatus::Awaiting;
    std::vector<core::ReviewItem> m_rows;
    core::ReviewCounts m_counts;
    QString m_errorText;
};

} // namespace fieldledger::ui
