#pragma once

#include "core/forms/formdefinition.h"

#include <QDate>
#include <QDialog>
#include <QString>
#include <QStringList>

#include <optional>

namespace fieldledger::core {
class Ledger;
}

namespace fieldledger::ui {

class FormSubmitter;
class FormView;

// A form in a dialog of its own (edit household, add, edit or remove a member): the FormView,
// and one event submitted through core for `entityGuid` when the user submits (Ctrl+Enter).
// A refusal from core shows core's message in the form and keeps the dialog open with its
// values; acceptance closes it. Esc or Cancel closes it, asking first when something was
// changed (MessageBox).
//
// Open it with open() (window-modal, no nested event loop).
class FormDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormDialog)

public:
    struct Setup {
        core::FormDefinition form;
        QString entityGuid;
        QDate today;
        QString language;
        std::optional<core::FormValues> initial; // an entity's data, or preset hidden values
        QStringList contextKeys;                 // see FormSubmitter::setContextKeys
        QString heading;                         // above the form: whose form it is
    };

    FormDialog(core::Ledger &ledger, Setup setup, QWidget *parent = nullptr);
    ~FormDialog() override;

    [[nodiscard]] FormView *formView() const { return m_view; }
    [[nodiscard]] FormSubmitter *submitter() const { return m_submitter; }
    [[nodiscard]] const QString &entityGuid() const;

signals:
    // Core accepted the form's event (its guid); the dialog closes.
    void submitted(const QString &eventGuid);

private:
    void cancelRequested();

    FormView *m_view = nullptr;
    FormSubmitter *m_submitter = nullptr;
    bool m_edited = false;
};

} // namespace fieldledger::ui
