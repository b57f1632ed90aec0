#pragma once

#include "core/access/user.h"
#include "core/common/secret.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace fieldledger::ui {

// Asks for a new user: id (what they type at the unlock prompt), display name, role and a first
// passphrase typed twice. OK is enabled only when the id is valid and the two passphrases match
// and are long enough. The passphrase is read once into core::SecretBytes (passphrase()) and
// the fields are cleared when the dialog closes; it is never logged.
class AddUserDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddUserDialog)

public:
    explicit AddUserDialog(QWidget *parent = nullptr);
    ~AddUserDialog() override;

    [[nodiscard]] core::User user() const;
    // The passphrase typed, taken out of the fields (they are cleared).
    [[nodiscard]] core::SecretBytes takePassphrase();

    // For tests and keyboard users alike: the fields.
    [[nodiscard]] QLineEdit &idField() { return *m_id; }
    [[nodiscard]] QLineEdit &nameField() { return *m_name; }
    [[nodiscard]] QComboBox &roleField() { return *m_role; }
    [[nodiscard]] QLineEdit &passphraseField() { return *m_passphrase; }
    [[nodiscard]] QLineEdit &confirmField() { return *m_confirm; }
    [[nodiscard]] bool canAccept() const;
    // Why OK is disabled, or "".
    [[nodiscard]] QString problem() const;

    void done(int result) override;

private:
    void validate();

    QLineEdit *m_id = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_confirm = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fieldledger::ui
