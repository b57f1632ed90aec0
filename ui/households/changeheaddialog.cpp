#include "ui/households/changeheaddialog.h"

#include "ui/households/householdcommands.h"
#include "ui_changeheaddialog.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

ChangeHeadDialog::ChangeHeadDialog(core::Ledger &ledger, HouseholdSnapshot household, const QString &proposed,
                                   QWidget *parent)
    : CommandDialog(ledger, parent)
    , m_ui(std::make_unique<::Ui::ChangeHeadDialog>())
    , m_household(std::move(household))
{
    m_ui->setupUi(this);
    setErrorLabel(m_ui->errorLabel);
    const QString head = m_household.headGuid();
    const MemberSnapshot *current = m_household.member(head);
    m_ui->introLabel->setTextFormat(Qt::PlainText);
    m_ui->introLabel->setText(current
                                  ? tr("%1 is the head of %2 now.").arg(current->name(), m_household.name())
                                  : tr("%1 has no head of household yet.").arg(m_household.name()));
    for (const MemberSnapshot &member : m_household.members)
        m_ui->headCombo->addItem(member.name(), member.guid);
    chooseHead(!proposed.isEmpty() && proposed != head ? proposed : head);
    connect(m_ui->headCombo, &QComboBox::currentIndexChanged, this, &ChangeHeadDialog::updateButtons);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ChangeHeadDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ChangeHeadDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Change Head"));
    updateButtons();
    m_ui->headCombo->setFocus();
}

ChangeHeadDialog::~ChangeHeadDialog() = default;

QString ChangeHeadDialog::chosenHead() const
{
    return m_ui->headCombo->currentData().toString();
}

void ChangeHeadDialog::chooseHead(const QString &memberGuid)
{
    const int index = m_ui->headCombo->findData(memberGuid);
    if (index >= 0)
        m_ui->headCombo->setCurrentIndex(index);
}

void ChangeHeadDialog::updateButtons()
{
    const QString chosen = chosenHead();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(!chosen.isEmpty() && chosen != m_household.headGuid());
}

std::optional<core::Command> ChangeHeadDialog::command()
{
    const QString chosen = chosenHead();
    if (chosen.isEmpty() || chosen == m_household.headGuid())
        return std::nullopt;
    return householdcommands::changeHead(m_household.guid, chosen);
}

} // namespace fieldledger::ui
