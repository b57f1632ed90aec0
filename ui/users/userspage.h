#pragma once

#include "core/access/user.h"
#include "core/common/secret.h"

#include <QWidget>

#include <functional>
#include <optional>

class QDialog;
class QLabel;
class QPushButton;
class QTableWidget;

namespace fieldledger::core {
class Ledger;
class Registry;
struct UserLogEntry;
} // namespace fieldledger::core

namespace fieldledger::ui {

class AddUserDialog;

// Users and roles, for administrators (issue 6, item 7): the registry's users (id, name, role,
// active, households assigned), and what may be done to the selected one:
//   Add User…            AddUserDialog: a role and a first passphrase (the user's key slot)
//   Change Role…         ChangeRoleDialog (core refuses to demote the last administrator)
//   Reset Passphrase…    ResetPassphraseDialog: a new passphrase twice, with a strength meter
//   Assign Households…   AssignHouseholdsDialog (enumerators; needs the ledger)
//   Remove User…         after a confirmation
// and the History below: every change to users as core's user log records it, for the selected
// user (all users when none is selected). Everything goes through core::Registry, which refuses
// anyone but an administrator; a refusal shows core's message above the table.
class UsersPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersPage)

public:
    enum Column { Id, Name, Role, Active, Households, ColumnCount };
    enum HistoryColumn { When, By, What, About, Details, HistoryColumnCount };

    // Without the ledger, households cannot be listed: Assign Households… stays disabled.
    explicit UsersPage(core::Registry &registry, QWidget *parent = nullptr);
    explicit UsersPage(core::Ledger &ledger, QWidget *parent = nullptr);
    ~UsersPage() override;

    // Runs the add-user dialog (tests replace it: fill the fields, return the dialog's result).
    using DialogRunner = std::function<int(AddUserDialog &dialog)>;
    void setDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }
    // Runs the other dialogs (ChangeRoleDialog, ResetPassphraseDialog, AssignHouseholdsDialog);
    // tests replace it the same way, qobject_cast-ing to the dialog they expect.
    using AnyDialogRunner = std::function<int(QDialog &dialog)>;
    void setAnyDialogRunner(AnyDialogRunner runner) { m_runAnyDialog = std::move(runner); }

    [[nodiscard]] QTableWidget &table() { return *m_table; }
    [[nodiscard]] QTableWidget &history() { return *m_history; }
    // The ids listed, in order.
    [[nodiscard]] QStringList userIds() const;
    // The selected user's id, or "".
    [[nodiscard]] QString selectedUserId() const;

    // Reads the users and the history again.
    void reload();
    // Asks for a new user and adds them; false when cancelled or refused.
    bool addUserInteractively();
    // Adds a user with a first passphrase; false (and the reason shown) when refused.
    bool addUser(const core::User &user, const core::SecretBytes &passphrase);
    // Removes the selected user after asking; false when cancelled or refused.
    bool removeSelected();
    bool selectUser(const QString &id);

    // For the selected user: asks, then changes; false when cancelled or refused.
    bool changeRoleInteractively();
    bool resetPassphraseInteractively();
    bool assignHouseholdsInteractively();
    // The same without asking; false (and the reason shown) when refused.
    bool changeRole(const QString &userId, core::Role role);
    bool resetPassphrase(const QString &userId, const core::SecretBytes &passphrase);
    bool saveAssignments(const QString &userId, const QStringList &assign, const QStringList &unassign);

    [[nodiscard]] QString errorText() const;
    [[nodiscard]] QPushButton &addButton() { return *m_add; }
    [[nodiscard]] QPushButton &changeRoleButton() { return *m_changeRole; }
    [[nodiscard]] QPushButton &resetPassphraseButton() { return *m_resetPassphrase; }
    [[nodiscard]] QPushButton &assignButton() { return *m_assign; }
    [[nodiscard]] QPushButton &removeButton() { return *m_remove; }

    // How the history names a change and who made it (translated).
    [[nodiscard]] static QString describe(const core::UserLogEntry &entry);
    [[nodiscard]] static QString actorName(const QString &actor);

signals:
    void usersChanged();

private:
    void build();
    void reloadHistory();
    void showError(const QString &message);
    void updateActions();
    // After a change: the users and history again, the same user selected.
    void changed(const QString &userId);
    [[nodiscard]] std::optional<core::User> selectedUser() const;

    core::Registry &m_registry;
    core::Ledger *m_ledger = nullptr;
    QTableWidget *m_table = nullptr;
    QTableWidget *m_history = nullptr;
    QLabel *m_historyTitle = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_changeRole = nullptr;
    QPushButton *m_resetPassphrase = nullptr;
    QPushButton *m_assign = nullptr;
    QPushButton *m_remove = nullptr;
    QList<core::User> m_users;
    DialogRunner m_runDialog;
    AnyDialogRunner m_runAnyDialog;
};

} // namespace fieldledger::ui
