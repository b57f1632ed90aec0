#pragma once

#include "core/access/user.h"
#include "core/common/secret.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace fieldledger::core {
class Registry;
} // namespace fieldledger::core

namespace fieldledger::ui {

class AddUserDialog;

// Users and roles, for administrators (issue 6, item 7): the registry's users (id, name, role,
// active), Add User… (AddUserDialog: a role and a first passphrase, which becomes the user's
// key slot), Remove User… (after a confirmation). Everything goes through core::Registry, which
// refuses anyone but an administrator. Changing a role is not offered: core::Registry has no
// call for it yet.
class UsersPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersPage)

public:
    enum Column { Id, Name, Role, Active, ColumnCount };

    explicit UsersPage(core::Registry &registry, QWidget *parent = nullptr);
    ~UsersPage() override;

    // Runs the add-user dialog (tests replace it: fill the fields, return the dialog's result).
    using DialogRunner = std::function<int(AddUserDialog &dialog)>;
    void setDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

    [[nodiscard]] QTableWidget &table() { return *m_table; }
    // The ids listed, in order.
    [[nodiscard]] QStringList userIds() const;

    // Reads the users again.
    void reload();
    // Asks for a new user and adds them; false when cancelled or refused.
    bool addUserInteractively();
    // Adds a user with a first passphrase; false (and the reason shown) when refused.
    bool addUser(const core::User &user, const core::SecretBytes &passphrase);
    // Removes the selected user after asking; false when cancelled or refused.
    bool removeSelected();
    bool selectUser(const QString &id);

    [[nodiscard]] QString errorText() const;

signals:
    void usersChanged();

private:
    void showError(const QString &message);
    void updateActions();

    core::Registry &m_registry;
    QTableWidget *m_table = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    DialogRunner m_runDialog;
};

} // namespace fieldledger::ui
