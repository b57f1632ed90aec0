#pragma once

#include "ui/households/formcatalog.h"

#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace fieldledger::core {
class Clock;
class Ledger;
} // namespace fieldledger::core

namespace fieldledger::ui {

class FormSubmitter;
class FormView;
class HouseholdDetail;
class HouseholdModel;

// The Households section: a search field (filters as you type, 150 ms after the last key), the
// household list (HouseholdModel in a sortable table; columns chosen from the header's context
// menu) and beside it the selected household (HouseholdDetail). Registering a household (New
// Household) shows the household-registration form in place of the list until it is submitted
// or cancelled.
//
// The header's state (order, widths, hidden columns, sort) and the splitter persist in
// QSettings ("households/header", "households/splitter").
//
// Keys: Down or Enter in the search field go to the list, Esc clears it; Enter in the list goes
// to the members; F2 edits the household, Insert adds a member, Delete removes the selected one.
//
// Object names: "householdsPage", "findEdit", "householdTable", "householdsSplitter",
// "householdCount", "householdsEmptyState", "registrationForm", "registrationHeading".
class HouseholdsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HouseholdsPage)

public:
    HouseholdsPage(core::Ledger &ledger, const core::Clock &clock, QWidget *parent = nullptr);
    ~HouseholdsPage() override;

    [[nodiscard]] HouseholdModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] HouseholdDetail *detail() const { return m_detail; }
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    // Show or hide columns; View ▸ Columns and the header's context menu.
    [[nodiscard]] QMenu *columnsMenu() const { return m_columnsMenu; }

    void focusSearch();
    // Filters now (instead of after the typing pause).
    void applySearch();

    // The household selected in the list; empty when none.
    [[nodiscard]] QString currentHousehold() const;
    // Selects a household, loading rows until it is there; clears the search when it hides the
    // household. False when the user may not see it.
    bool selectHousehold(const QString &guid);

    // New Household: shows the registration form (or brings it back to the front); with
    // `values`, a draft being resumed.
    void newHousehold(std::optional<core::FormValues> values = std::nullopt);
    [[nodiscard]] bool isRegistering() const;
    [[nodiscard]] FormView *registrationForm() const;
    // Edit ▸ Submit while registering: FormView::submit().
    bool submitForm();
    // Leaves the registration form, asking first when something was entered (unless `force`).
    bool closeRegistration(bool force = false);

    void saveSettings() const;

signals:
    // The registration form was shown (true) or left (false).
    void formOpenChanged(bool open);
    // A household was registered through the form (its guid); it is selected in the list.
    void householdRegistered(const QString &guid);
    // A form was opened, the registration form or one of the detail's dialogs: where drafts can
    // hook in (a DraftAutosaver on the view, its draft id given to the submitter).
    void formOpened(fieldledger::ui::FormView *view, fieldledger::ui::FormSubmitter *submitter,
                    const QString &entityGuid);
    // "As of a Date…" beside the search: the window shows the registry as of a chosen moment.
    void asOfRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildHeader(QLayout *layout);
    void buildBrowser();
    void buildColumnsMenu();
    void restoreSettings();
    void currentRowChanged();
    void modelReset();
    void updateCount();
    void updateEmptyState();
    void registered(const QString &guid);
    [[nodiscard]] QDate today() const;

    core::Ledger &m_ledger;
    const core::Clock &m_clock;
    std::unique_ptr<FormCatalog> m_forms;
    QString m_language;
    QString m_selected; // the household selected, kept across resets

    HouseholdModel *m_model = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_count = nullptr;
    QLineEdit *m_search = nullptr;
    QPushButton *m_asOfButton = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTimer *m_countTimer = nullptr;
    QStackedWidget *m_stack = nullptr;     // the browser or the registration form
    QStackedWidget *m_listStack = nullptr; // the table or the empty state
    QWidget *m_browser = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    QWidget *m_emptyState = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyText = nullptr;
    HouseholdDetail *m_detail = nullptr;
    QMenu *m_columnsMenu = nullptr;

    QWidget *m_registrationPage = nullptr;
    QLabel *m_registrationHeading = nullptr;
    QPointer<FormView> m_registrationView;
    FormSubmitter *m_submitter = nullptr;
    QString m_registrationGuid;
    bool m_registrationEdited = false;
};

} // namespace fieldledger::ui
