#pragma once

#include "core/access/user.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;

namespace fieldledger::ui {

// Picks a user's new role; OK only when it differs from the current one.
class ChangeRoleDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeRoleDialog)

public:
    explicit ChangeRoleDialog(const core::User &user, QWidget *parent = nullptr);
    ~ChangeRoleDialog() override;

    [[nodiscard]] const core::User &user() const { return m_user; }
    [[nodiscard]] core::Role role() const;
    void setRole(core::Role role);
    [[nodiscard]] QComboBox &roleField() { return *m_role; }
    [[nodiscard]] bool canAccept() const { return role() != m_user.role; }

private:
    void validate();

    core::User m_user;
    QComboBox *m_role = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fieldledger::ui
