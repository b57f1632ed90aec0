#include "ui/households/splithouseholddialog.h"

#include "core/common/clock.h"
#include "ui/households/householdcommands.h"
#include "ui_splithouseholddialog.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

SplitHouseholdDialog::SplitHouseholdDialog(core::Ledger &ledger, HouseholdSnapshot household, QWidget *parent)
    : CommandDialog(ledger, parent)
    , m_ui(std::make_unique<::Ui::SplitHouseholdDialog>())
    , m_household(std::move(household))
    , m_newGuid(core::UuidGenerator().next())
{
    m_ui->setupUi(this);
    setErrorLabel(m_ui->errorLabel);
    m_ui->introLabel->setTextFormat(Qt::PlainText);
    m_ui->introLabel->setText(
        tr("Some members of %1 form a household of their own. It keeps the location of %1.")
            .arg(m_household.name()));
    const QString head = m_household.headGuid();
    for (const MemberSnapshot &member : m_household.members) {
        auto *item = new QListWidgetItem(member.name(), m_ui->memberList);
        item->setData(Qt::UserRole, member.guid);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        if (member.guid == head)
            item->setToolTip(tr("Head of this household"));
    }
    if (m_ui->memberList->count() > 0)
        m_ui->memberList->setCurrentRow(0);
    connect(m_ui->memberList, &QListWidget::itemChanged, this, [this] {
        updateHeads();
        updateButtons();
    });
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &SplitHouseholdDialog::updateButtons);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SplitHouseholdDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SplitHouseholdDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Split"));
    updateHeads();
    updateButtons();
    m_ui->nameEdit->setFocus();
}

SplitHouseholdDialog::~SplitHouseholdDialog() = default;

void SplitHouseholdDialog::setMemberChecked(const QString &memberGuid, bool checked)
{
    for (int row = 0; row < m_ui->memberList->count(); ++row) {
        QListWidgetItem *item = m_ui->memberList->item(row);
        if (item->data(Qt::UserRole).toString() == memberGuid)
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList SplitHouseholdDialog::leavingMembers() const
{
    QStringList guids;
    for (int row = 0; row < m_ui->memberList->count(); ++row) {
        const QListWidgetItem *item = m_ui->memberList->item(row);
        if (item->checkState() == Qt::Checked)
            guids.append(item->data(Qt::UserRole).toString());
    }
    return guids;
}

void SplitHouseholdDialog::updateHeads()
{
    const QString chosen = m_ui->headCombo->currentData().toString();
    m_ui->headCombo->clear();
    m_ui->headCombo->addItem(tr("Nobody yet"), QString());
    for (const QString &guid : leavingMembers()) {
        if (const MemberSnapshot *member = m_household.member(guid))
            m_ui->headCombo->addItem(member->name(), guid);
    }
    const int keep = m_ui->headCombo->findData(chosen);
    // The first one to leave heads the new household unless someone else was chosen.
    m_ui->headCombo->setCurrentIndex(keep > 0 ? keep : std::min(1, m_ui->headCombo->count() - 1));
}

void SplitHouseholdDialog::updateButtons()
{
    const bool ready = !m_ui->nameEdit->text().trimmed().isEmpty() && !leavingMembers().isEmpty();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(ready);
}

std::optional<core::Command> SplitHouseholdDialog::command()
{
    const QString name = m_ui->nameEdit->text().trimmed();
    const QStringList leaving = leavingMembers();
    if (name.isEmpty() || leaving.isEmpty()) {
        showError(tr("Name the new household and tick at least one member who leaves."));
        return std::nullopt;
    }
    QJsonObject data = householdcommands::sharedLocation(m_household.data);
    data.insert(u"name"_s, name);
    return householdcommands::splitHousehold(m_household.guid, leaving, m_newGuid, data,
                                             m_ui->headCombo->currentData().toString());
}

} // namespace fieldledger::ui
