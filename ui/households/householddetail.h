#pragma once

#include "core/forms/formdefinition.h"
#include "ui/households/householdsnapshot.h"

#include <QDate>
#include <QHash>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <optional>

class QAction;
class QDialog;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace fieldledger::core {
class Clock;
class Ledger;
struct LedgerChange;
} // namespace fieldledger::core

namespace fieldledger::ui {

class AuditTrailView;
class FormCatalog;
class FormSubmitter;
class FormView;

// The household beside the list: its fields (location, phone, GPS, who registered it and when,
// last change) and its members (name, sex, age or birth date, relationship to the head; the head
// first in bold), with what can be done to it. Each action opens a form or a small dialog that
// submits one event through core:
//
//   Edit Household… (F2)          household-edit form       update-group
//   Add Member… (Insert)          member form               add-member
//   Edit Member… (Enter)          member-edit form          update-individual
//   Remove Member… (Delete)       remove-member form        remove-member (a reason required)
//   Move to Another Household…    MoveMemberDialog          transfer-member
//   Split Household…              SplitHouseholdDialog      split-household
//   Change Head…                  ChangeHeadDialog          update-group (headId)
//   Delete Household…             DeleteHouseholdDialog     delete-entity (reason, confirmation)
//
// Dialogs open window-modal (open()); each action returns its dialog (tests fill it in). The
// pane follows the ledger: when the household or one of its members changes, it reads them again.
//
// Two tabs: the household (above) and its History (the audit trail, AuditTrailView, read when
// the tab is shown); Member History… (Ctrl+Shift+H) shows a member's audit trail.
//
// Object names: "detailTitle", "detailLocation", "detailFields", "membersList", "detailTabs",
// "historyPage", "memberHistoryAction", and the actions
// "editHouseholdAction", "addMemberAction", "editMemberAction", "removeMemberAction",
// "moveMemberAction", "splitHouseholdAction", "changeHeadAction", "deleteHouseholdAction".
class HouseholdDetail final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HouseholdDetail)

public:
    HouseholdDetail(core::Ledger &ledger, const FormCatalog &forms, const core::Clock &clock,
                    QWidget *parent = nullptr);
    ~HouseholdDetail() override;

    // Shows a household (empty: none).
    void setHousehold(const QString &guid);
    [[nodiscard]] const QString &household() const { return m_guid; }
    [[nodiscard]] const std::optional<HouseholdSnapshot> &snapshot() const { return m_snapshot; }
    // Re-reads the household from core.
    void reload();

    // The member selected in the members list; empty when none.
    [[nodiscard]] QString currentMember() const;
    void setCurrentMember(const QString &guid);
    [[nodiscard]] QTreeWidget *membersList() const { return m_members; }

    // How registered-by shows: user id -> name.
    void setUserNames(QHash<QString, QString> names);
    // The language of labels taken from the forms (villages, sexes, relationships) and of forms.
    void setLanguage(const QString &language);

    // What a member shows in the Age column: "34 (12/04/1990)" from a birth date, "7" from an age.
    [[nodiscard]] static QString ageText(const QJsonObject &memberData, QDate today);

    // The actions; each returns the dialog it opened (null when it cannot apply now).
    QDialog *editHousehold();
    QDialog *addMember();
    QDialog *editMember();
    QDialog *removeMember();
    QDialog *moveMember();
    QDialog *splitHousehold();
    QDialog *changeHead();
    QDialog *deleteHousehold();
    // The selected member's audit trail, in a dialog (Ctrl+Shift+H, the members' context menu).
    QDialog *memberHistory();
    // The History tab's audit trail of the household; null until the tab was shown for it.
    [[nodiscard]] AuditTrailView *historyView();
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }
    // A draft of one of the forms above, resumed from the Drafts page, with its values: the
    // household shown must be the one it is about; `entityGuid` is that household, or its member
    // for member-edit. Null when the form, the household or the member is not there any more.
    QDialog *resumeForm(const QString &formId, const QString &entityGuid, core::FormValues values);

signals:
    // An action made a household (split): the list may want to show it.
    void householdCreated(const QString &guid);
    // A form was opened (in a FormDialog): where drafts can hook in (a DraftAutosaver on the
    // view, its draft id given to the submitter).
    void formOpened(fieldledger::ui::FormView *view, fieldledger::ui::FormSubmitter *submitter,
                    const QString &entityGuid);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void buildLayout();
    void ledgerChanged(const core::LedgerChange &change);
    void showSnapshot();
    // Shows the audit trail of the household in the History tab when that tab is current.
    void showHistory();
    void updateActions();
    [[nodiscard]] QDate today() const;
    [[nodiscard]] QString label(const QString &list, const QString &name) const;
    // Opens a dialog over this pane, deleted when it closes.
    QDialog *present(QDialog *dialog);
    QDialog *openForm(const QString &formId, const QString &entityGuid, const QString &heading,
                      std::optional<core::FormValues> initial = std::nullopt,
                      const QStringList &contextKeys = {});

    core::Ledger &m_ledger;
    const FormCatalog &m_forms;
    const core::Clock &m_clock;
    QString m_language;
    QString m_guid;
    std::optional<HouseholdSnapshot> m_snapshot;
    QString m_readError; // why the household could not be read, if it could not
    QHash<QString, QString> m_userNames;
    QPointer<QDialog> m_dialog; // the dialog open now, if any

    QStackedWidget *m_stack = nullptr;
    QTabWidget *m_tabs = nullptr;     // Household | History
    QWidget *m_historyPage = nullptr; // holds m_history
    QPointer<AuditTrailView> m_history;
    QLabel *m_placeholder = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_location = nullptr;
    QLabel *m_fields = nullptr;
    QLabel *m_membersHeading = nullptr;
    QTreeWidget *m_members = nullptr;

    QAction *m_editHousehold = nullptr;
    QAction *m_addMember = nullptr;
    QAction *m_editMember = nullptr;
    QAction *m_removeMember = nullptr;
    QAction *m_moveMember = nullptr;
    QAction *m_splitHousehold = nullptr;
    QAction *m_changeHead = nullptr;
    QAction *m_deleteHousehold = nullptr;
    QAction *m_memberHistory = nullptr;
};

} // namespace fieldledger::ui
