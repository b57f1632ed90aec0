#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QModelIndex;
class QTableView;

namespace fieldledger::core {
class Ledger;
}

namespace fieldledger::ui {

class AnomaliesModel;

// The anomalies list (AnomaliesModel) with a count over it. Enter or a double click on a row
// asks for its record's audit trail: showEntity(entityGuid, eventGuid).
class AnomaliesView final : public QWidget {
    Q_OBJECT

public:
    explicit AnomaliesView(core::Ledger &ledger, QWidget *parent = nullptr);
    ~AnomaliesView() override;
    Q_DISABLE_COPY_MOVE(AnomaliesView)

    [[nodiscard]] AnomaliesModel *model() const { return m_model; }
    [[nodiscard]] QTableView *tableView() const { return m_table; }

signals:
    void showEntity(const QString &entityGuid, const QString &eventGuid);

private:
    void open(const QModelIndex &index);
    void updateCount();
    void showError(const QString &message);

    AnomaliesModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace fieldledger::ui
