#pragma once

#include "core/domain/ledger.h"

#include <QDialog>
#include <QString>

#include <optional>

class QLabel;

namespace fieldledger::ui {

// A small dialog that submits one command through core when accepted (move a member, split,
// change the head, delete). When core refuses, the dialog shows core's message in its error
// label and stays open with everything chosen; when core accepts, submitted() and it closes.
class CommandDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandDialog)

public:
    ~CommandDialog() override;

    // Submits command(); closes only when core accepts it.
    void accept() override;
    // The message shown after a refusal; empty when none.
    [[nodiscard]] QString errorText() const;

signals:
    // Core accepted the event (its guid).
    void submitted(const QString &eventGuid);

protected:
    CommandDialog(core::Ledger &ledger, QWidget *parent);

    // The command the choices make; nullopt keeps the dialog open (a confirmation declined, or
    // something to fix, already shown with showError()).
    [[nodiscard]] virtual std::optional<core::Command> command() = 0;
    // Where refusals show (a label of the subclass's form, hidden while empty).
    void setErrorLabel(QLabel *label);
    void showError(const QString &message);

    [[nodiscard]] core::Ledger &ledger() const { return m_ledger; }

private:
    core::Ledger &m_ledger;
    QLabel *m_error = nullptr;
};

} // namespace fieldledger::ui
