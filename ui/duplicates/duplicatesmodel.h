#pragma once

#include "core/domain/duplicateindex.h"

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace fieldledger::core {
class Ledger;
struct LedgerChange;
} // namespace fieldledger::core

namespace fieldledger::ui {

// The open potential duplicates (core::DuplicateQueue) as a table, the oldest found first:
// when the pair was found, the two names, the rules they matched on. It follows the ledger:
// after a change it reads the queue again and tells the views which rows went and which came
// (a pair resolved, a new registration flagged), resetting only when the order itself changed.
class DuplicatesModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicatesModel)

public:
    enum Column { Found, First, Second, Rules, ColumnCount };

    enum Role {
        EntityGuidRole = Qt::UserRole, // QString: the pair's first entity
        DuplicateGuidRole,             // QString: the pair's second entity
        FoundSeqRole,                  // qint64: the log sequence the pair was found at
    };

    // At most this many pairs are listed at once (the oldest); openCount() tells how many wait.
    static constexpr int kLimit = 1000;

    explicit DuplicatesModel(core::Ledger &ledger, QObject *parent = nullptr);
    ~DuplicatesModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const core::DuplicatePair &pair(int row) const { return m_rows[std::size_t(row)]; }
    // The row listing the pair (either order), or -1.
    [[nodiscard]] int rowOf(const QString &a, const QString &b) const;
    // Every open pair, listed or not.
    [[nodiscard]] qint64 openCount() const { return m_openCount; }

    // How a rule reads ("Name and age", "Phone", ...).
    [[nodiscard]] static QString ruleLabel(const QString &rule);

    // Reads the queue again.
    void reload();

    // Why the last read failed; "" after a successful one.
    [[nodiscard]] const QString &errorText() const { return m_errorText; }

signals:
    void openCountChanged(qint64 count);
    void errorOccurred(const QString &message);

private:
    void update(std::vector<core::DuplicatePair> rows);

    core::Ledger &m_ledger;
    std::vector<core::DuplicatePair> m_rows;
    qint64 m_openCount = -1;
    QString m_errorText;
};

} // namespace fieldledger::ui
