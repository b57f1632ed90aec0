#include "ui/users/adduserdialog.h"

#include "ui/passwordstrength.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldledger::ui {

namespace {

// Qt keeps its own copies of what was typed; clearing at least drops the field's text as soon
// as it is no longer needed.
void wipeField(QLineEdit *field)
{
    field->clear();
}

} // namespace

AddUserDialog::AddUserDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Add User"));
    m_id = new QLineEdit(this);
    m_id->setPlaceholderText(tr("what they type to unlock, e.g. aminata"));
    m_name = new QLineEdit(this);
    m_role = new QComboBox(this);
    for (const core::Role role : {core::Role::Enumerator, core::Role::Supervisor, core::Role::Administrator})
        m_role->addItem(core::roleDisplayName(role), int(role));
    m_passphrase = new QLineEdit(this);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirm = new QLineEdit(this);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("User &id:"), m_id);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("First &passphrase:"), m_passphrase);
    form->addRow(tr("&Confirm passphrase:"), m_confirm);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add User"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    for (QLineEdit *field : {m_id, m_name, m_passphrase, m_confirm})
        connect(field, &QLineEdit::textChanged, this, &AddUserDialog::validate);
    validate();
}

AddUserDialog::~AddUserDialog()
{
    wipeField(m_passphrase);
    wipeField(m_confirm);
}

core::User AddUserDialog::user() const
{
    core::User user;
    user.id = m_id->text().trimmed();
    user.displayName = m_name->text().trimmed().isEmpty() ? user.id : m_name->text().trimmed();
    user.role = core::Role(m_role->currentData().toInt());
    user.active = true;
    return user;
}

core::SecretBytes AddUserDialog::takePassphrase()
{
    QByteArray utf8 = m_passphrase->text().toUtf8();
    wipeField(m_passphrase);
    wipeField(m_confirm);
    return core::SecretBytes::takeFrom(utf8);
}

QString AddUserDialog::problem() const
{
    const QString id = m_id->text().trimmed();
    if (id.isEmpty())
        return tr("Enter the user's id.");
    if (!core::validateUserId(id))
        return tr("The id may not contain spaces or unusual characters.");
    if (m_passphrase->text().size() < PasswordStrength::minimumLength)
        return tr("The passphrase needs at least %1 characters.").arg(PasswordStrength::minimumLength);
    if (m_passphrase->text() != m_confirm->text())
        return tr("The two passphrases differ.");
    return QString();
}

bool AddUserDialog::canAccept() const
{
    return problem().isEmpty();
}

void AddUserDialog::validate()
{
    const QString text = problem();
    m_problem->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

void AddUserDialog::done(int result)
{
    if (result == QDialog::Accepted && !canAccept())
        return;
    QDialog::done(result);
}

} // namespace fieldledger::ui
