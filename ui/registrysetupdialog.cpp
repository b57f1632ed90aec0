#include "ui/registrysetupdialog.h"

#include "core/access/user.h"
#include "ui/messagebox.h"
#include "ui_registrysetupdialog.h"

#include <QClipboard>
#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QColor kErrorColor(0xb0, 0x2a, 0x1e);

QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!text.isEmpty() && !text.endsWith(u'.') && !text.endsWith(u'!') && !text.endsWith(u'?'))
        text.append(u'.');
    return text;
}

void setTextColor(QWidget *widget, const QColor &color)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, color);
    widget->setPalette(palette);
}

void makeHeading(QLabel *label)
{
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    label->setFont(font);
}

} // namespace

RegistrySetupDialog::RegistrySetupDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<::Ui::RegistrySetupDialog>())
{
    m_ui->setupUi(this);
    makeHeading(m_ui->titleLabel);
    makeHeading(m_ui->recoveryTitleLabel);

    QFont keyFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    keyFont.setPointSizeF(keyFont.pointSizeF() * 1.25);
    keyFont.setBold(true);
    m_ui->recoveryKeyLabel->setFont(keyFont);
    m_ui->recoveryKeyLabel->setBackgroundRole(QPalette::Base);
    m_ui->recoveryKeyLabel->setAutoFillBackground(true);

    QFont smallFont = m_ui->pathLabel->font();
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.9);
    m_ui->pathLabel->setFont(smallFont);
    setTextColor(m_ui->pathLabel, palette().color(QPalette::PlaceholderText));
    setTextColor(m_ui->errorLabel, kErrorColor);
    m_ui->errorLabel->hide();
    m_ui->pathLabel->hide();
    m_ui->busyRow->hide();

    for (QDialogButtonBox *box : {m_ui->buttonBox, m_ui->recoveryButtonBox}) {
        for (QAbstractButton *button : box->buttons())
            button->setIcon(QIcon()); // the style's OK icon says nothing about creating
    }
    createButton()->setText(tr("&Create"));
    createButton()->setDefault(true);
    QFont demoFont = m_ui->demoLabel->font();
    demoFont.setPointSizeF(demoFont.pointSizeF() * 0.92);
    m_ui->demoLabel->setFont(demoFont);
    setTextColor(m_ui->demoLabel, palette().color(QPalette::PlaceholderText));
    m_ui->demoHouseholdsSpin->setSuffix(tr(" households"));
    m_ui->demoHouseholdsSpin->setAccessibleName(tr("Households in the demo registry"));
    m_ui->demoButton->setIcon(QIcon());
    continueButton()->setText(tr("Co&ntinue"));
    continueButton()->setEnabled(false);

    for (QLineEdit *edit : {m_ui->nameEdit, m_ui->adminIdEdit, m_ui->displayNameEdit, m_ui->passphraseEdit,
                            m_ui->confirmEdit}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_ui->errorLabel->clear();
            m_ui->errorLabel->hide();
            updateValidation();
        });
    }
    connect(m_ui->passphraseEdit, &QLineEdit::textChanged, this, &RegistrySetupDialog::updateStrength);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &RegistrySetupDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &RegistrySetupDialog::reject);
    connect(m_ui->recoveryButtonBox, &QDialogButtonBox::accepted, this, &RegistrySetupDialog::accept);
    connect(m_ui->writtenDownCheck, &QCheckBox::toggled, continueButton(), &QPushButton::setEnabled);
    connect(m_ui->copyButton, &QPushButton::clicked, this, &RegistrySetupDialog::copyRecoveryKey);
    connect(m_ui->demoButton, &QPushButton::clicked, this, &RegistrySetupDialog::requestDemo);

    m_ui->pages->setCurrentWidget(m_ui->formPage);
    updateStrength();
    updateValidation();
    m_ui->nameEdit->setFocus();
    resize(width(), sizeHint().height());
}

RegistrySetupDialog::~RegistrySetupDialog()
{
    clearPassphrases();
}

void RegistrySetupDialog::setRegistryPath(const QString &path)
{
    m_ui->pathLabel->setText(tr("It will be saved as %1").arg(QDir::toNativeSeparators(path)));
    m_ui->pathLabel->setVisible(!path.isEmpty());
    resize(width(), sizeHint().height());
}

RegistrySetupDialog::Details RegistrySetupDialog::details() const
{
    return Details{m_ui->nameEdit->text().trimmed(), m_ui->adminIdEdit->text().trimmed(),
                   m_ui->displayNameEdit->text().trimmed()};
}

core::SecretBytes RegistrySetupDialog::passphrase() const
{
    QByteArray utf8 = m_ui->passphraseEdit->text().toUtf8();
    return core::SecretBytes::takeFrom(utf8);
}

void RegistrySetupDialog::clearPassphrases()
{
    m_ui->passphraseEdit->clear();
    m_ui->confirmEdit->clear();
}

int RegistrySetupDialog::demoHouseholds() const
{
    return m_ui->demoHouseholdsSpin->value();
}

void RegistrySetupDialog::setDemoHouseholds(int households)
{
    m_ui->demoHouseholdsSpin->setValue(households);
}

RegistrySetupDialog::Validation RegistrySetupDialog::validate(bool forDemo) const
{
    // Something missing reads as a hint; something typed that is wrong as an error.
    const Details input = details();
    if (input.registryName.isEmpty() && !forDemo)
        return {tr("Enter a name for the registry."), false};
    if (input.adminId.isEmpty())
        return {tr("Choose the user id you will type to unlock the registry."), false};
    if (auto valid = core::validateUserId(input.adminId); !valid)
        return {sentence(valid.error().message), true};
    const QString passphrase = m_ui->passphraseEdit->text();
    const QString confirmation = m_ui->confirmEdit->text();
    if (passphrase.isEmpty())
        return {tr("Choose a passphrase."), false};
    if (PasswordStrength::rate(passphrase) == PasswordStrength::Level::TooShort)
        return {tr("The passphrase needs at least %1 characters.").arg(PasswordStrength::minimumLength),
                !confirmation.isEmpty()};
    if (confirmation.isEmpty())
        return {tr("Type the passphrase again to confirm it."), false};
    if (confirmation != passphrase)
        return {tr("The two passphrases do not match."), true};
    return {};
}

QString RegistrySetupDialog::validationMessage() const
{
    return validate().message;
}

bool RegistrySetupDialog::isValid() const
{
    return validationMessage().isEmpty();
}

PasswordStrength::Level RegistrySetupDialog::strength() const
{
    return PasswordStrength::rate(m_ui->passphraseEdit->text());
}

void RegistrySetupDialog::updateValidation()
{
    const Validation validation = validate();
    m_ui->validationLabel->setText(validation.message);
    setTextColor(m_ui->validationLabel,
                 validation.isError ? kErrorColor : palette().color(QPalette::PlaceholderText));
    createButton()->setEnabled(validation.message.isEmpty() && !m_busy);
    m_ui->demoButton->setEnabled(validate(true).message.isEmpty() && !m_busy);
}

void RegistrySetupDialog::updateStrength()
{
    const QString passphrase = m_ui->passphraseEdit->text();
    const PasswordStrength::Level level = PasswordStrength::rate(passphrase);
    m_ui->strengthMeter->setValue(passphrase.isEmpty() ? 0 : PasswordStrength::score(level));
    QPalette meterPalette = m_ui->strengthMeter->palette();
    meterPalette.setColor(QPalette::Highlight, PasswordStrength::color(level));
    m_ui->strengthMeter->setPalette(meterPalette);
    m_ui->strengthLabel->setText(passphrase.isEmpty() ? QString() : PasswordStrength::text(level));
    m_ui->strengthMeter->setAccessibleName(tr("Passphrase strength: %1").arg(PasswordStrength::text(level)));
}

void RegistrySetupDialog::setBusy(bool busy)
{
    m_busy = busy;
    // Read-only rather than disabled, so the focus stays where it was.
    for (QLineEdit *edit :
         {m_ui->nameEdit, m_ui->adminIdEdit, m_ui->displayNameEdit, m_ui->passphraseEdit, m_ui->confirmEdit})
        edit->setReadOnly(busy);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    m_ui->demoHouseholdsSpin->setReadOnly(busy);
    m_ui->busyRow->setVisible(busy);
    if (busy) {
        m_ui->errorLabel->clear();
        m_ui->errorLabel->hide();
    }
    updateValidation();
    fitHeight();
}

void RegistrySetupDialog::fitHeight()
{
    // Grow to the natural height when a message appears, rather than squeezing the form.
    if (QLayout *dialogLayout = layout())
        dialogLayout->activate();
    if (height() < sizeHint().height())
        resize(width(), sizeHint().height());
}

void RegistrySetupDialog::showError(const core::Error &error)
{
    m_ui->errorLabel->setText(tr("The registry could not be created. %1").arg(sentence(error.message)));
    m_ui->errorLabel->show();
    fitHeight();
    m_ui->passphraseEdit->setFocus();
    m_ui->passphraseEdit->selectAll();
}

QString RegistrySetupDialog::errorText() const
{
    return m_ui->errorLabel->text();
}

void RegistrySetupDialog::showRecoveryKey(const QString &recoveryKey)
{
    m_recoveryKey = recoveryKey;
    m_ui->recoveryKeyLabel->setText(recoveryKey);
    m_ui->copiedLabel->clear();
    m_ui->writtenDownCheck->setChecked(false);
    continueButton()->setEnabled(false);
    createButton()->setDefault(false);
    continueButton()->setDefault(true);
    m_ui->pages->setCurrentWidget(m_ui->recoveryPage);
    setWindowTitle(tr("Recovery Key — FieldLedger"));
    m_ui->writtenDownCheck->setFocus();
}

bool RegistrySetupDialog::isShowingRecoveryKey() const
{
    return m_ui->pages->currentWidget() == m_ui->recoveryPage;
}

QPushButton *RegistrySetupDialog::createButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Ok);
}

QPushButton *RegistrySetupDialog::demoButton() const
{
    return m_ui->demoButton;
}

void RegistrySetupDialog::requestDemo()
{
    if (m_busy || isShowingRecoveryKey() || !validate(true).message.isEmpty())
        return;
    if (m_ui->nameEdit->text().trimmed().isEmpty())
        m_ui->nameEdit->setText(tr("Demo registry"));
    emit demoRequested(demoHouseholds());
}

QPushButton *RegistrySetupDialog::continueButton() const
{
    return m_ui->recoveryButtonBox->button(QDialogButtonBox::Ok);
}

void RegistrySetupDialog::copyRecoveryKey()
{
    QGuiApplication::clipboard()->setText(m_recoveryKey);
    m_ui->copiedLabel->setText(tr("Copied. Paste it where it is safe, then copy something else over it."));
}

void RegistrySetupDialog::accept()
{
    if (m_busy)
        return;
    if (!isShowingRecoveryKey()) {
        if (isValid())
            emit createRequested();
        return;
    }
    if (!m_ui->writtenDownCheck->isChecked())
        return;
    m_recoveryKey.clear();
    m_ui->recoveryKeyLabel->clear();
    QDialog::accept();
}

void RegistrySetupDialog::reject()
{
    if (m_busy)
        return;
    if (!isShowingRecoveryKey()) {
        clearPassphrases();
        QDialog::reject();
        return;
    }
    // The registry exists already; the only question is whether to leave without the key.
    const auto answer = MessageBox::question(
        this, tr("Continue Without the Recovery Key?"),
        tr("The recovery key will not be shown again. Without it, a registry whose administrators have all "
           "forgotten their passphrases cannot be opened by anyone.\n\nContinue without writing it down?"),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    m_recoveryKey.clear();
    m_ui->recoveryKeyLabel->clear();
    QDialog::accept();
}

} // namespace fieldledger::ui
