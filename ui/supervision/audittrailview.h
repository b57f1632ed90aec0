#pragma once

#include "core/domain/auditfilter.h"

#include <QString>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTreeView;

namespace fieldledger::core {
class Ledger;
}

namespace fieldledger::ui {

class AuditTrailFilterModel;
class AuditTrailModel;

// "Who changed what, when and why" for one entity (a household or a member): its audit trail
// (AuditTrailModel) in a tree, with filters by user, event type and date range (local days,
// both ends included) and a search in the values changed, all decided by core::AuditFilter.
// Ctrl+C (or the context menu) copies the selected rows as text with tabs; the trail follows
// new events as they arrive.
class AuditTrailView final : public QWidget {
    Q_OBJECT

public:
    AuditTrailView(core::Ledger &ledger, QString entityGuid, QWidget *parent = nullptr);
    ~AuditTrailView() override;
    Q_DISABLE_COPY_MOVE(AuditTrailView)

    [[nodiscard]] AuditTrailModel *model() const { return m_model; }
    [[nodiscard]] AuditTrailFilterModel *filterModel() const { return m_filter; }
    [[nodiscard]] QTreeView *treeView() const { return m_tree; }

    // The filter the widgets make; setting it moves the widgets.
    [[nodiscard]] core::AuditFilter filter() const;
    void setFilter(const core::AuditFilter &filter);

    // The event of the current row (an event row or one of its changes); "" when none.
    [[nodiscard]] QString currentEventGuid() const;
    // Selects an event's row (clearing filters that hide it); false when it did not change
    // this entity.
    bool selectEvent(const QString &eventGuid);

    // Copies the selected rows (AuditTrailModel::rowText, one line each) to the clipboard; the
    // text copied.
    QString copySelection();

signals:
    // The current event changed ("" when none): e.g. for the integrity panel's "Prove this record".
    void currentEventChanged(const QString &eventGuid);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    void refillChoices();
    void spanChanges(const QModelIndex &parent, int first, int last);
    void spanAll();
    void updateCount();
    void showError(const QString &message);
    void showContextMenu(const QPoint &position);

    AuditTrailModel *m_model = nullptr;
    AuditTrailFilterModel *m_filter = nullptr;
    QTreeView *m_tree = nullptr;
    QComboBox *m_user = nullptr;
    QComboBox *m_type = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace fieldledger::ui
