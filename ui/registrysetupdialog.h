#pragma once

#include "core/common/result.h"
#include "core/common/secret.h"
#include "ui/passwordstrength.h"

#include <QDialog>
#include <QString>

#include <memory>

class QPushButton;

namespace Ui {
class RegistrySetupDialog;
}

namespace fieldledger::ui {

// The first screen when there is no registry yet: "Create a registry".
//
// Page one collects the registry's name, the first administrator's user id and display name and
// a passphrase typed twice, with a live strength hint; Create is enabled only when all of it is
// valid. The dialog calls nothing in core: it emits createRequested() and whoever drives it
// (AppSession) reads details() and passphrase(), runs the slow creation elsewhere with
// setBusy(true) meanwhile, and then calls showError() or showRecoveryKey().
//
// Below the form, "Create a Demo Registry" (with a number of households, 200 by default) asks for
// the same registry filled with generated households: demoRequested(). It needs the user id and
// the passphrase only; the name defaults to "Demo registry". The caller shows the progress.
//
// Page two shows the recovery key once, with a Copy button; Continue stays disabled until "I have
// written it down" is ticked. Leaving it any other way asks first, because the key is never shown
// again; the dialog then finishes as accepted, since the registry exists either way.
class RegistrySetupDialog final : public QDialog {
    Q_OBJECT

public:
    struct Details {
        QString registryName;     // trimmed
        QString adminId;          // trimmed
        QString adminDisplayName; // trimmed; empty means "same as the user id"
    };

    explicit RegistrySetupDialog(QWidget *parent = nullptr);
    ~RegistrySetupDialog() override;

    // Where the registry will be created, shown small under the form.
    void setRegistryPath(const QString &path);

    [[nodiscard]] Details details() const;
    // The households a demo registry gets (the spin box beside its button).
    [[nodiscard]] int demoHouseholds() const;
    void setDemoHouseholds(int households);
    // The passphrase as UTF-8 bytes. The fields keep their text until clearPassphrases(), so a
    // failed attempt can be retried; call it as soon as the attempt has succeeded.
    [[nodiscard]] core::SecretBytes passphrase() const;
    void clearPassphrases();

    // True when every field is valid, which is also when Create is enabled.
    [[nodiscard]] bool isValid() const;
    // Why Create is disabled (the first problem found); empty when valid.
    [[nodiscard]] QString validationMessage() const;
    [[nodiscard]] PasswordStrength::Level strength() const;

    // While busy the form is read-only, a busy indicator runs and the dialog cannot be closed.
    void setBusy(bool busy);
    [[nodiscard]] bool isBusy() const { return m_busy; }
    // Shows why creating the registry failed, under the form.
    void showError(const core::Error &error);
    [[nodiscard]] QString errorText() const;

    // Switches to the recovery key page.
    void showRecoveryKey(const QString &recoveryKey);
    [[nodiscard]] bool isShowingRecoveryKey() const;

    [[nodiscard]] QPushButton *createButton() const;
    [[nodiscard]] QPushButton *demoButton() const;
    [[nodiscard]] QPushButton *continueButton() const;

public slots:
    void accept() override;
    void reject() override;

signals:
    // Create was pressed with valid input.
    void createRequested();
    // Create a Demo Registry was pressed with valid input (an empty name was filled in first).
    void demoRequested(int households);

private:
    struct Validation {
        QString message; // empty when valid
        bool isError = false;
    };

    // For a demo, an empty registry name is allowed (it defaults to "Demo registry").
    [[nodiscard]] Validation validate(bool forDemo = false) const;
    void requestDemo();
    void updateValidation();
    void updateStrength();
    void fitHeight();
    void copyRecoveryKey();

    const std::unique_ptr<::Ui::RegistrySetupDialog> m_ui;
    QString m_recoveryKey; // only while the recovery page shows; cleared when the dialog closes
    bool m_busy = false;
};

} // namespace fieldledger::ui
