#include "ui/households/movememberdialog.h"

#include "ui/households/householdcommands.h"
#include "ui/households/householdmodel.h"
#include "ui_movememberdialog.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

MoveMemberDialog::MoveMemberDialog(core::Ledger &ledger, const HouseholdSnapshot &household,
                                   const QString &memberGuid, QWidget *parent)
    : CommandDialog(ledger, parent)
    , m_ui(std::make_unique<::Ui::MoveMemberDialog>())
    , m_household(household.guid)
    , m_member(memberGuid)
{
    m_ui->setupUi(this);
    setErrorLabel(m_ui->errorLabel);
    const MemberSnapshot *member = household.member(memberGuid);
    m_ui->introLabel->setTextFormat(Qt::PlainText);
    m_ui->introLabel->setText(tr("Move %1 from the household %2 to the household chosen below.")
                                  .arg(member ? member->name() : memberGuid, household.name()));

    m_model = new HouseholdModel(ledger, this);
    m_ui->householdTable->setModel(m_model);
    m_ui->householdTable->setWordWrap(false);
    m_ui->householdTable->setShowGrid(false);
    m_ui->householdTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = m_ui->householdTable->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (int column : {int(HouseholdModel::RegisteredBy), int(HouseholdModel::Updated)})
        header->hideSection(column);
    header->resizeSection(HouseholdModel::Name, 170);
    header->setSectionResizeMode(HouseholdModel::Head, QHeaderView::Stretch);
    header->setStretchLastSection(false);
    header->setSortIndicator(HouseholdModel::Name, Qt::AscendingOrder);

    m_ui->reasonCombo->addItem(tr("Moved to live there"), u"moved"_s);
    m_ui->reasonCombo->addItem(tr("Married into that household"), u"married"_s);
    m_ui->reasonCombo->addItem(tr("Data correction (registered in the wrong household)"),
                               u"data-correction"_s);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        m_model->setFilterText(m_ui->searchEdit->text());
        if (m_model->rowCount() > 0 && !m_ui->householdTable->currentIndex().isValid())
            m_ui->householdTable->selectRow(0);
    });
    connect(m_ui->householdTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MoveMemberDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MoveMemberDialog::updateButtons);
    connect(m_ui->householdTable, &QAbstractItemView::doubleClicked, this, [this] {
        if (!destination().isEmpty())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &MoveMemberDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &MoveMemberDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Move"));
    m_ui->searchEdit->setFocus();
    updateButtons();
}

MoveMemberDialog::~MoveMemberDialog() = default;

void MoveMemberDialog::setVillageLabels(const QHash<QString, QString> &labels)
{
    m_model->setVillageLabels(labels);
}

bool MoveMemberDialog::selectHousehold(const QString &guid)
{
    const int row = m_model->ensureLoaded(guid);
    if (row < 0)
        return false;
    m_ui->householdTable->selectRow(row);
    return true;
}

QString MoveMemberDialog::destination() const
{
    const QModelIndex current = m_ui->householdTable->currentIndex();
    if (!current.isValid())
        return {};
    const QString guid = current.data(HouseholdModel::GuidRole).toString();
    return guid == m_household ? QString() : guid;
}

void MoveMemberDialog::updateButtons()
{
    const QModelIndex current = m_ui->householdTable->currentIndex();
    const bool own = current.isValid() && current.data(HouseholdModel::GuidRole).toString() == m_household;
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!destination().isEmpty());
    showError(own ? tr("This is the household the member is in now: choose another one.") : QString());
}

std::optional<core::Command> MoveMemberDialog::command()
{
    const QString to = destination();
    if (to.isEmpty())
        return std::nullopt;
    return householdcommands::transferMember(m_household, m_member, to,
                                             m_ui->reasonCombo->currentData().toString());
}

} // namespace fieldledger::ui
