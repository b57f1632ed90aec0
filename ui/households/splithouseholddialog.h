#pragma once

#include "ui/households/commanddialog.h"
#include "ui/households/householdsnapshot.h"

#include <QStringList>

#include <memory>

namespace Ui {
class SplitHouseholdDialog;
}

namespace fieldledger::ui {

// Splits a household (split-household): the members who leave are ticked, the new household
// gets a name and, optionally, a head among them; it keeps the location of the household it
// leaves. Its guid is made here.
class SplitHouseholdDialog final : public CommandDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SplitHouseholdDialog)

public:
    SplitHouseholdDialog(core::Ledger &ledger, HouseholdSnapshot household, QWidget *parent = nullptr);
    ~SplitHouseholdDialog() override;

    void setMemberChecked(const QString &memberGuid, bool checked);
    [[nodiscard]] QStringList leavingMembers() const;
    // The household the split makes (known before submitting).
    [[nodiscard]] const QString &newHouseholdGuid() const { return m_newGuid; }

protected:
    [[nodiscard]] std::optional<core::Command> command() override;

private:
    void updateHeads();
    void updateButtons();

    const std::unique_ptr<::Ui::SplitHouseholdDialog> m_ui;
    HouseholdSnapshot m_household;
    QString m_newGuid;
};

} // namespace fieldledger::ui
