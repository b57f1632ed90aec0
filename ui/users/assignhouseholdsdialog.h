#pragma once

#include <QDialog>
#include <QSet>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace fieldledger::core {
class Ledger;
} // namespace fieldledger::core

namespace fieldledger::ui {

// Chooses the households assigned to an enumerator: a search field (core::HouseholdQuery, as
// the household list searches) over a list of households with check boxes, the current
// assignments checked. Checks survive changing the search. Space toggles the current row.
class AssignHouseholdsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignHouseholdsDialog)

public:
    // At most this many households are listed for one search.
    static constexpr int listLimit = 200;

    AssignHouseholdsDialog(core::Ledger &ledger, const QString &userId, const QStringList &assigned,
                           QWidget *parent = nullptr);
    ~AssignHouseholdsDialog() override;

    [[nodiscard]] QString userId() const { return m_userId; }
    // What OK would change, sorted.
    [[nodiscard]] QStringList toAssign() const;
    [[nodiscard]] QStringList toUnassign() const;
    [[nodiscard]] QStringList checkedHouseholds() const;

    [[nodiscard]] QLineEdit &searchField() { return *m_search; }
    [[nodiscard]] QListWidget &list() { return *m_list; }
    // The guids listed, in order.
    [[nodiscard]] QStringList listedHouseholds() const;
    // Checks or unchecks a listed household; false when it is not listed.
    bool setChecked(const QString &guid, bool checked);
    [[nodiscard]] QString statusText() const;

private:
    void search();
    void itemChanged(QListWidgetItem *item);
    void updateStatus();

    core::Ledger &m_ledger;
    QString m_userId;
    QSet<QString> m_assigned;
    QSet<QString> m_checked;
    QLineEdit *m_search = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_more = false; // the search found more than listLimit
    QString m_error;
};

} // namespace fieldledger::ui
