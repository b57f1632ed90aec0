#pragma once

#include "core/common/secret.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace fieldledger::ui {

class StrengthMeter;

// An administrator sets a new passphrase for a user who forgot theirs: typed twice, with a
// strength meter. OK only when both match and are long enough. The passphrase is taken once
// into core::SecretBytes (takePassphrase()) and the fields are cleared; it is never logged.
class ResetPassphraseDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResetPassphraseDialog)

public:
    explicit ResetPassphraseDialog(const QString &userId, QWidget *parent = nullptr);
    ~ResetPassphraseDialog() override;

    [[nodiscard]] QString userId() const { return m_userId; }
    [[nodiscard]] core::SecretBytes takePassphrase();

    [[nodiscard]] QLineEdit &passphraseField() { return *m_passphrase; }
    [[nodiscard]] QLineEdit &confirmField() { return *m_confirm; }
    [[nodiscard]] StrengthMeter &strengthMeter() { return *m_meter; }
    [[nodiscard]] bool canAccept() const;
    // Why OK is disabled, or "".
    [[nodiscard]] QString problem() const;

    void done(int result) override;

private:
    void validate();

    QString m_userId;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_confirm = nullptr;
    StrengthMeter *m_meter = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fieldledger::ui
