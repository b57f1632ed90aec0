#include "ui/households/deletehouseholddialog.h"

#include "ui/households/householdcommands.h"
#include "ui/messagebox.h"
#include "ui_deletehouseholddialog.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

DeleteHouseholdDialog::DeleteHouseholdDialog(core::Ledger &ledger, HouseholdSnapshot household,
                                             QWidget *parent)
    : CommandDialog(ledger, parent)
    , m_ui(std::make_unique<::Ui::DeleteHouseholdDialog>())
    , m_household(std::move(household))
{
    m_ui->setupUi(this);
    setErrorLabel(m_ui->errorLabel);
    m_ui->introLabel->setTextFormat(Qt::PlainText);
    m_ui->introLabel->setText(
        tr("The household %1 and its %n member(s) leave the household list. Their records stay in the audit "
           "trail, with the reason given here.",
           nullptr, int(m_household.members.size()))
            .arg(m_household.name()));
    m_ui->reasonCombo->addItem(tr("Choose a reason…"), QString());
    m_ui->reasonCombo->addItem(tr("Registered twice (duplicate)"), u"duplicate"_s);
    m_ui->reasonCombo->addItem(tr("The household no longer exists"), u"dissolved"_s);
    m_ui->reasonCombo->addItem(tr("Data correction (never a household)"), u"data-correction"_s);
    m_ui->reasonCombo->addItem(tr("Other reason (say which in the note)"), u"other"_s);
    m_ui->noteEdit->setPlaceholderText(tr("Required for a data correction or another reason."));
    connect(m_ui->reasonCombo, &QComboBox::currentIndexChanged, this, &DeleteHouseholdDialog::updateButtons);
    connect(m_ui->noteEdit, &QPlainTextEdit::textChanged, this, &DeleteHouseholdDialog::updateButtons);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &DeleteHouseholdDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &DeleteHouseholdDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Delete…"));
    updateButtons();
    m_ui->reasonCombo->setFocus();
}

DeleteHouseholdDialog::~DeleteHouseholdDialog() = default;

void DeleteHouseholdDialog::setReason(const QString &reason)
{
    const int index = m_ui->reasonCombo->findData(reason);
    if (index >= 0)
        m_ui->reasonCombo->setCurrentIndex(index);
}

void DeleteHouseholdDialog::setNote(const QString &note)
{
    m_ui->noteEdit->setPlainText(note);
}

bool DeleteHouseholdDialog::noteRequired() const
{
    const QString reason = m_ui->reasonCombo->currentData().toString();
    return reason == u"other" || reason == u"data-correction";
}

void DeleteHouseholdDialog::updateButtons()
{
    const bool reasonGiven = !m_ui->reasonCombo->currentData().toString().isEmpty();
    const bool noteGiven = !noteRequired() || !m_ui->noteEdit->toPlainText().trimmed().isEmpty();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(reasonGiven && noteGiven);
}

std::optional<core::Command> DeleteHouseholdDialog::command()
{
    const QString reason = m_ui->reasonCombo->currentData().toString();
    const QString note = m_ui->noteEdit->toPlainText().trimmed();
    if (reason.isEmpty() || (noteRequired() && note.isEmpty())) {
        showError(tr("Give a reason, and a note for a data correction or another reason."));
        return std::nullopt;
    }
    const auto answer = MessageBox::question(
        this, tr("Delete Household"),
        tr("Delete the household %1 and its %n member(s)?", nullptr, int(m_household.members.size()))
            .arg(m_household.name()),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return std::nullopt;
    return householdcommands::deleteHousehold(m_household.guid, reason, note);
}

} // namespace fieldledger::ui
