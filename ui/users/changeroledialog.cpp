#include "ui/users/changeroledialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldledger::ui {

ChangeRoleDialog::ChangeRoleDialog(const core::User &user, QWidget *parent)
    : QDialog(parent)
    , m_user(user)
{
    setWindowTitle(tr("Change Role"));
    auto *intro = new QLabel(
        tr("%1 (%2) is now: %3.").arg(user.displayName, user.id, core::roleDisplayName(user.role)), this);
    intro->setWordWrap(true);
    auto *explanation = new QLabel(tr("Enumerators see the households they registered or were assigned; "
                                      "supervisors see and review everything; administrators also "
                                      "manage users."),
                                   this);
    explanation->setWordWrap(true);
    m_role = new QComboBox(this);
    for (const core::Role role : {core::Role::Enumerator, core::Role::Supervisor, core::Role::Administrator})
        m_role->addItem(core::roleDisplayName(role), int(role));
    m_role->setCurrentIndex(m_role->findData(int(user.role)));

    auto *form = new QFormLayout;
    form->addRow(tr("New &role:"), m_role);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Change Role"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_role, &QComboBox::currentIndexChanged, this, &ChangeRoleDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(explanation);
    layout->addWidget(m_buttons);
    validate();
}

ChangeRoleDialog::~ChangeRoleDialog() = default;

core::Role ChangeRoleDialog::role() const
{
    return core::Role(m_role->currentData().toInt());
}

void ChangeRoleDialog::setRole(core::Role role)
{
    m_role->setCurrentIndex(m_role->findData(int(role)));
}

void ChangeRoleDialog::validate()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(canAccept());
}

} // namespace fieldledger::ui
