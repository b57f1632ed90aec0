#include "ui/users/resetpassphrasedialog.h"

#include "ui/passwordstrength.h"
#include "ui/users/strengthmeter.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldledger::ui {

ResetPassphraseDialog::ResetPassphraseDialog(const QString &userId, QWidget *parent)
    : QDialog(parent)
    , m_userId(userId)
{
    setWindowTitle(tr("Reset Passphrase"));
    auto *intro = new QLabel(tr("Choose a new passphrase for %1 and give it to them in person. Their old "
                                "passphrase stops working at once.")
                                 .arg(userId),
                             this);
    intro->setWordWrap(true);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_confirm = new QLineEdit(this);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_meter = new StrengthMeter(this);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("New &passphrase:"), m_passphrase);
    form->addRow(tr("&Confirm passphrase:"), m_confirm);
    form->addRow(tr("Strength:"), m_meter);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Reset Passphrase"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_passphrase, &QLineEdit::textChanged, this, &ResetPassphraseDialog::validate);
    connect(m_confirm, &QLineEdit::textChanged, this, &ResetPassphraseDialog::validate);
    validate();
}

ResetPassphraseDialog::~ResetPassphraseDialog()
{
    m_passphrase->clear();
    m_confirm->clear();
}

core::SecretBytes ResetPassphraseDialog::takePassphrase()
{
    QByteArray utf8 = m_passphrase->text().toUtf8();
    m_passphrase->clear();
    m_confirm->clear();
    return core::SecretBytes::takeFrom(utf8);
}

QString ResetPassphraseDialog::problem() const
{
    if (m_passphrase->text().size() < PasswordStrength::minimumLength)
        return tr("The passphrase needs at least %1 characters.").arg(PasswordStrength::minimumLength);
    if (m_passphrase->text() != m_confirm->text())
        return tr("The two passphrases differ.");
    return QString();
}

bool ResetPassphraseDialog::canAccept() const
{
    return problem().isEmpty();
}

void ResetPassphraseDialog::validate()
{
    m_meter->rate(m_passphrase->text());
    const QString text = problem();
    m_problem->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

void ResetPassphraseDialog::done(int result)
{
    if (result == QDialog::Accepted && !canAccept())
        return;
    QDialog::done(result);
}

} // namespace fieldledger::ui
