#pragma once

#include "ui/households/commanddialog.h"
#include "ui/households/householdsnapshot.h"

#include <memory>

namespace Ui {
class ChangeHeadDialog;
}

namespace fieldledger::ui {

// Names another member as the head of the household (update-group with data.headId): the
// household list and the detail show that member as the head from then on.
class ChangeHeadDialog final : public CommandDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeHeadDialog)

public:
    // `proposed`: the member chosen at first (the one selected in the detail), if any.
    ChangeHeadDialog(core::Ledger &ledger, HouseholdSnapshot household, const QString &proposed,
                     QWidget *parent = nullptr);
    ~ChangeHeadDialog() override;

    [[nodiscard]] QString chosenHead() const;
    void chooseHead(const QString &memberGuid);

protected:
    [[nodiscard]] std::optional<core::Command> command() override;

private:
    void updateButtons();

    const std::unique_ptr<::Ui::ChangeHeadDialog> m_ui;
    HouseholdSnapshot m_household;
};

} // namespace fieldledger::ui
