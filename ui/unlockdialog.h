#pragma once

#include "core/common/result.h"
#include "core/common/secret.h"

#include <QDialog>
#include <QString>

#include <memory>

class QPushButton;

namespace Ui {
class UnlockDialog;
}

namespace fieldledger::ui {

// The first screen when a registry exists: user id and passphrase, or the recovery key.
//
// Like RegistrySetupDialog it calls nothing in core. Unlock emits unlockRequested(); the caller
// (AppSession) reads mode(), userId() and secret(), opens the registry elsewhere with
// setBusy(true) meanwhile, and then accepts the dialog or calls showError(), which explains the
// failure inline and gives the focus back to the passphrase with its text selected.
class UnlockDialog final : public QDialog {
    Q_OBJECT

public:
    enum class Mode { Passphrase, RecoveryKey };

    explicit UnlockDialog(QWidget *parent = nullptr);
    ~UnlockDialog() override;

    // The registry to open, shown small under the title.
    void setRegistryPath(const QString &path);
    [[nodiscard]] QString registryPath() const { return m_registryPath; }

    // Prefills the user id (the last one that unlocked) and moves the focus to the passphrase.
    void setUserId(const QString &userId);
    [[nodiscard]] QString userId() const;

    [[nodiscard]] Mode mode() const { return m_mode; }
    void setMode(Mode mode);

    // The passphrase or the recovery key, per mode(), as UTF-8 bytes. The field keeps its text
    // until clearSecrets() so that a failed attempt can be corrected; clear it on success.
    [[nodiscard]] core::SecretBytes secret() const;
    void clearSecrets();

    // True when the fields of the current mode are filled in, which is when Unlock is enabled.
    [[nodiscard]] bool canUnlock() const;

    // While busy the fields are read-only, a busy indicator runs and the dialog cannot be closed.
    void setBusy(bool busy);
    [[nodiscard]] bool isBusy() const { return m_busy; }

    // Explains why unlocking failed, under the fields; focuses and selects the secret field.
    void showError(const core::Error &error);
    [[nodiscard]] QString errorText() const;

    // The registry is open: wipes the fields and closes the dialog as accepted.
    void acceptUnlocked();

    [[nodiscard]] QPushButton *unlockButton() const;

public slots:
    // Unlock (or Enter): emits unlockRequested() when the fields are filled in; never closes.
    void accept() override;
    void reject() override;

signals:
    void unlockRequested();
    // Another registry was chosen with "Open another registry…".
    void registryPathChanged(const QString &path);

private:
    void updateUnlockButton();
    void clearError();
    void fitHeight();
    void chooseAnotherRegistry();

    const std::unique_ptr<::Ui::UnlockDialog> m_ui;
    QString m_registryPath;
    Mode m_mode = Mode::Passphrase;
    bool m_busy = false;
};

} // namespace fieldledger::ui
