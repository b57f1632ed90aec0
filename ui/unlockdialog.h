#pragma once

#include "core/common/result.h"
#include "core/common/secret.h"

#include <QDialog>
#include <QString>

#include <memory>

class QPushButton;
class QThread;

namespace Ui {
class UnlockDialog;
}

namespace fieldledger::ui {

// The first screen when a registry exists: user id and passphrase.
//
// Unlock emits unlockRequested(); the caller (AppSession) reads mode(), userId() and secret(),
// opens the registry elsewhere with setBusy(true) meanwhile, and then accepts the dialog or
// calls showError(), which explains the failure inline and gives the focus back to the
// passphrase with its text selected.
//
// "Forgot your passphrase? Use the recovery key…" switches to Mode::RecoveryKey: the user id,
// the recovery key (hidden as it is typed) and a new passphrase twice, with a strength meter.
// Unlock then resets that user's key slot with the recovery key itself
// (core::Registry::resetPassphraseWithRecoveryKey, on a worker thread, busy meanwhile); on
// success it goes back to Mode::Passphrase with the new passphrase filled in, emits
// passphraseReset() and then unlockRequested(), so the caller unlocks as usual, as that user. On
// failure it shows the error and stays in recovery mode. unlockRequested() is never emitted in
// Mode::RecoveryKey.
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
    // In recovery mode, why Unlock is disabled ("" when it is not).
    [[nodiscard]] QString recoveryProblem() const;

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
    // The recovery key gave this user a new passphrase (unlockRequested() follows).
    void passphraseReset(const QString &userId);

private:
    void resetWithRecoveryKey();
    void recoveryFinished(const core::Status &outcome);
    void updateUnlockButton();
    void clearError();
    void fitHeight();
    void chooseAnotherRegistry();

    const std::unique_ptr<::Ui::UnlockDialog> m_ui;
    QString m_registryPath;
    Mode m_mode = Mode::Passphrase;
    bool m_busy = false;
    QThread *m_worker = nullptr; // the recovery reset while it runs
};

} // namespace fieldledger::ui
