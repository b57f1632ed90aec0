#pragma once

#include "ui/households/commanddialog.h"
#include "ui/households/householdsnapshot.h"

#include <memory>

namespace Ui {
class DeleteHouseholdDialog;
}

namespace fieldledger::ui {

// Deletes a household (delete-entity): a reason is required (registered twice, no longer exists,
// data correction, other; a note for the last two), and a confirmation through MessageBox. The
// household and its members become tombstones: gone from the list, kept in the audit trail.
class DeleteHouseholdDialog final : public CommandDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteHouseholdDialog)

public:
    DeleteHouseholdDialog(core::Ledger &ledger, HouseholdSnapshot household, QWidget *parent = nullptr);
    ~DeleteHouseholdDialog() override;

    // The reason's stored name ("duplicate", "dissolved", "data-correction", "other").
    void setReason(const QString &reason);
    void setNote(const QString &note);

protected:
    [[nodiscard]] std::optional<core::Command> command() override;

private:
    [[nodiscard]] bool noteRequired() const;
    void updateButtons();

    const std::unique_ptr<::Ui::DeleteHouseholdDialog> m_ui;
    HouseholdSnapshot m_household;
};

} // namespace fieldledger::ui
