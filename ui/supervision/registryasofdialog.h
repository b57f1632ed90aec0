#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QDialog>
#include <QString>

#include <vector>

class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace fieldledger::core {
class Ledger;
} // namespace fieldledger::core

namespace fieldledger::ui {

// The households of the registry as they were at an instant: name, head, village, members.
class RegistryAsOfModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Head, Village, Members, ColumnCount };
    static constexpr int GuidRole = Qt::UserRole + 1;

    struct Row {
        QString guid;
        QString name;
        QString head;
        QString village;
        int members = 0;
    };

    using QAbstractTableModel::QAbstractTableModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    void setRows(std::vector<Row> rows);

private:
    std::vector<Row> m_rows;
};

// View ▸ Registry As Of… (issue 6, item 2): every household as it was at a chosen instant (now,
// by default; entered in UTC), read from core (Ledger::forEachEntity as of the
// instant: each entity's kept before-image, no replay), with a filter as you type, progress and
// Cancel while it reads. Enter or a double click (QAbstractItemView::activated) asks to show that household's
// time travel at the instant (timeTravelRequested), so a supervisor goes from "the registry on 3 March" to
// "this household on 3 March" in one step.
//
// Object names: "asOfEdit", "showButton", "asOfFilter", "asOfTable", "asOfStatus", "asOfProgress",
// "asOfCancel".
class RegistryAsOfDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryAsOfDialog)

public:
    RegistryAsOfDialog(core::Ledger &ledger, QDateTime initial, QWidget *parent = nullptr);
    ~RegistryAsOfDialog() override;

    [[nodiscard]] RegistryAsOfModel &model() { return *m_model; }
    [[nodiscard]] QTableView &table() { return *m_table; }
    [[nodiscard]] QDateTime instant() const;
    void setInstant(const QDateTime &when);
    // Reads the households as of instant(); false when refused, failed or cancelled (the reason
    // in statusText()).
    bool load();
    void cancel();
    [[nodiscard]] QString statusText() const;

public slots:
    void reject() override;

signals:
    void timeTravelRequested(const QString &householdGuid, const QDateTime &when);

private:
    void activate(const QModelIndex &index);
    void setBusy(bool busy);

    core::Ledger &m_ledger;
    RegistryAsOfModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QDateTimeEdit *m_when = nullptr;
    QPushButton *m_show = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_busy = false;
    bool m_cancelled = false;
};

} // namespace fieldledger::ui
