#pragma once

#include "ui/households/commanddialog.h"
#include "ui/households/householdsnapshot.h"

#include <QHash>

#include <memory>

class QTimer;

namespace Ui {
class MoveMemberDialog;
}

namespace fieldledger::ui {

class HouseholdModel;

// Moves one member to another household (transfer-member): the household is picked from a
// searchable list of the households the user may see (the same list and search as the
// Households page), with a reason (moved, married, data correction).
class MoveMemberDialog final : public CommandDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MoveMemberDialog)

public:
    MoveMemberDialog(core::Ledger &ledger, const HouseholdSnapshot &household, const QString &memberGuid,
                     QWidget *parent = nullptr);
    ~MoveMemberDialog() override;

    // Village labels for the list (as on the Households page).
    void setVillageLabels(const QHash<QString, QString> &labels);
    // Selects a household in the list (loading it if needed); false when the search hides it.
    bool selectHousehold(const QString &guid);
    // The household chosen; empty when none (or the member's own).
    [[nodiscard]] QString destination() const;
    [[nodiscard]] HouseholdModel *model() const { return m_model; }

protected:
    [[nodiscard]] std::optional<core::Command> command() override;

private:
    void updateButtons();

    const std::unique_ptr<::Ui::MoveMemberDialog> m_ui;
    QString m_household;
    QString m_member;
    HouseholdModel *m_model = nullptr;
    QTimer *m_searchTimer = nullptr;
};

} // namespace fieldledger::ui
