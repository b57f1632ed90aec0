#include "ui/unlockdialog.h"

#include "core/storage/registry.h"
#include "ui/passwordstrength.h"
#include "ui/users/strengthmeter.h"
#include "ui_unlockdialog.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPushButton>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QColor kErrorColor(0xb0, 0x2a, 0x1e);
constexpr int kUserIdRow = 0;
constexpr int kPassphraseRow = 1;
constexpr int kRecoveryKeyRow = 2;
constexpr int kNewPassphraseRow = 3;
constexpr int kConfirmPassphraseRow = 4;
constexpr int kStrengthRow = 5;
constexpr int kRecoveryProblemRow = 6;

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

} // namespace

UnlockDialog::UnlockDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<::Ui::UnlockDialog>())
{
    m_ui->setupUi(this);

    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);
    QFont smallFont = m_ui->pathLabel->font();
    smallFont.setPointSizeF(smallFont.pointSizeF() * 0.9);
    m_ui->pathLabel->setFont(smallFont);
    setTextColor(m_ui->pathLabel, palette().color(QPalette::PlaceholderText));
    setTextColor(m_ui->errorLabel, kErrorColor);

    const QIcon icon = QGuiApplication::windowIcon();
    if (icon.isNull())
        m_ui->iconLabel->hide();
    else
        m_ui->iconLabel->setPixmap(icon.pixmap(56, 56));

    QFont keyFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->recoveryKeyEdit->setFont(keyFont);

    for (QAbstractButton *button : m_ui->buttonBox->buttons())
        button->setIcon(QIcon()); // the style's OK icon says nothing about unlocking
    unlockButton()->setText(tr("Un&lock"));
    unlockButton()->setDefault(true);
    m_ui->busyRow->hide();
    m_ui->errorLabel->hide();

    connect(m_ui->userIdEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateUnlockButton);
    connect(m_ui->passphraseEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateUnlockButton);
    connect(m_ui->recoveryKeyEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateUnlockButton);
    connect(m_ui->newPassphraseEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_ui->strengthMeter->rate(text);
        updateUnlockButton();
    });
    connect(m_ui->confirmPassphraseEdit, &QLineEdit::textChanged, this, &UnlockDialog::updateUnlockButton);
    // A button that reads like a link: reachable with Tab, Space and its mnemonic.
    m_ui->switchModeButton->setStyleSheet(
        u"QPushButton { border: none; padding: 1px 2px; text-decoration: underline; "
        "color: palette(link); }"_s);
    connect(m_ui->switchModeButton, &QPushButton::clicked, this, [this] {
        if (!m_busy)
            setMode(m_mode == Mode::Passphrase ? Mode::RecoveryKey : Mode::Passphrase);
    });
    connect(m_ui->openOtherButton, &QPushButton::clicked, this, &UnlockDialog::chooseAnotherRegistry);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &UnlockDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &UnlockDialog::reject);

    setMode(Mode::Passphrase);
    m_ui->userIdEdit->setFocus();
    resize(width(), sizeHint().height());
}

UnlockDialog::~UnlockDialog()
{
    if (m_worker) { // the reset finishes; nothing is left half-written
        m_worker->wait();
        delete m_worker;
    }
    clearSecrets();
}

void UnlockDialog::setRegistryPath(const QString &path)
{
    m_registryPath = path;
    const QString shown = QDir::toNativeSeparators(path);
    m_ui->pathLabel->setText(
        m_ui->pathLabel->fontMetrics().elidedText(tr("Registry: %1").arg(shown), Qt::ElideMiddle, 360));
    m_ui->pathLabel->setToolTip(shown);
}

void UnlockDialog::setUserId(const QString &userId)
{
    m_ui->userIdEdit->setText(userId);
    if (m_mode == Mode::Passphrase)
        (userId.isEmpty() ? m_ui->userIdEdit : m_ui->passphraseEdit)->setFocus();
}

QString UnlockDialog::userId() const
{
    return m_ui->userIdEdit->text().trimmed();
}

void UnlockDialog::setMode(Mode mode)
{
    m_mode = mode;
    const bool passphrase = mode == Mode::Passphrase;
    m_ui->formLayout->setRowVisible(kUserIdRow, true);
    m_ui->formLayout->setRowVisible(kPassphraseRow, passphrase);
    for (const int row :
         {kRecoveryKeyRow, kNewPassphraseRow, kConfirmPassphraseRow, kStrengthRow, kRecoveryProblemRow})
        m_ui->formLayout->setRowVisible(row, !passphrase);
    if (passphrase) {
        m_ui->recoveryKeyEdit->clear();
        m_ui->newPassphraseEdit->clear();
        m_ui->confirmPassphraseEdit->clear();
        m_ui->titleLabel->setText(tr("Unlock the registry"));
        m_ui->forgotLabel->show();
        m_ui->switchModeButton->setText(tr("Use the recovery &key…"));
        unlockButton()->setText(tr("Un&lock"));
        (m_ui->userIdEdit->text().isEmpty() ? m_ui->userIdEdit : m_ui->passphraseEdit)->setFocus();
    } else {
        m_ui->passphraseEdit->clear();
        m_ui->titleLabel->setText(tr("Choose a new passphrase with the recovery key"));
        m_ui->forgotLabel->hide();
        m_ui->switchModeButton->setText(tr("Unlock with a passphrase &instead"));
        unlockButton()->setText(tr("Reset and Un&lock"));
        (m_ui->userIdEdit->text().isEmpty() ? m_ui->userIdEdit : m_ui->recoveryKeyEdit)->setFocus();
    }
    clearError();
    updateUnlockButton();
    fitHeight();
}

core::SecretBytes UnlockDialog::secret() const
{
    const QLineEdit *edit = m_mode == Mode::Passphrase ? m_ui->passphraseEdit : m_ui->recoveryKeyEdit;
    QByteArray utf8 = edit->text().toUtf8();
    return core::SecretBytes::takeFrom(utf8);
}

void UnlockDialog::clearSecrets()
{
    for (QLineEdit *edit :
         {m_ui->passphraseEdit, m_ui->recoveryKeyEdit, m_ui->newPassphraseEdit, m_ui->confirmPassphraseEdit})
        edit->clear();
}

QString UnlockDialog::recoveryProblem() const
{
    if (m_mode != Mode::RecoveryKey)
        return QString();
    if (userId().isEmpty())
        return tr("Enter your user id.");
    if (m_ui->recoveryKeyEdit->text().trimmed().isEmpty())
        return tr("Enter the recovery key.");
    if (m_ui->newPassphraseEdit->text().size() < PasswordStrength::minimumLength)
        return tr("The new passphrase needs at least %1 characters.").arg(PasswordStrength::minimumLength);
    if (m_ui->newPassphraseEdit->text() != m_ui->confirmPassphraseEdit->text())
        return tr("The two passphrases differ.");
    return QString();
}

bool UnlockDialog::canUnlock() const
{
    if (m_mode == Mode::RecoveryKey)
        return recoveryProblem().isEmpty();
    return !userId().isEmpty() && !m_ui->passphraseEdit->text().isEmpty();
}

void UnlockDialog::updateUnlockButton()
{
    unlockButton()->setEnabled(canUnlock() && !m_busy);
    // Say what is missing only once something was typed in the new passphrase.
    const bool started = !m_ui->newPassphraseEdit->text().isEmpty();
    m_ui->recoveryProblemLabel->setText(started ? recoveryProblem() : QString());
}

void UnlockDialog::setBusy(bool busy)
{
    m_busy = busy;
    // Read-only rather than disabled, so the focus stays where it was.
    for (QLineEdit *edit : {m_ui->userIdEdit, m_ui->passphraseEdit, m_ui->recoveryKeyEdit,
                            m_ui->newPassphraseEdit, m_ui->confirmPassphraseEdit})
        edit->setReadOnly(busy);
    m_ui->switchModeButton->setEnabled(!busy);
    m_ui->openOtherButton->setEnabled(!busy);
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    m_ui->busyLabel->setText(m_mode == Mode::Passphrase ? tr("Checking the passphrase…")
                                                        : tr("Checking the recovery key and setting the new "
                                                             "passphrase…"));
    m_ui->busyRow->setVisible(busy);
    if (busy)
        clearError();
    updateUnlockButton();
    fitHeight();
}

void UnlockDialog::fitHeight()
{
    // Grow to the natural height when a message appears, rather than squeezing the form.
    if (QLayout *dialogLayout = layout())
        dialogLayout->activate();
    if (height() < sizeHint().height())
        resize(width(), sizeHint().height());
}

void UnlockDialog::showError(const core::Error &error)
{
    QString text;
    QLineEdit *focus = m_mode == Mode::Passphrase ? m_ui->passphraseEdit : m_ui->recoveryKeyEdit;
    switch (error.code) {
    case core::ErrorCode::WrongSecret:
        text = m_mode == Mode::Passphrase ? tr("That passphrase is not right for “%1”. Check Caps Lock and "
                                               "the keyboard layout, and try again.")
                                                .arg(userId())
                                          : tr("That recovery key does not open this registry. Check it "
                                               "against the one you wrote down.");
        break;
    case core::ErrorCode::NotFound:
        text = tr("The user or the registry was not found. %1").arg(sentence(error.message));
        if (QFileInfo::exists(m_registryPath))
            focus = m_ui->userIdEdit;
        break;
    case core::ErrorCode::InUse:
        text = tr("The registry is open in another program. %1").arg(sentence(error.message));
        break;
    case core::ErrorCode::Corrupt:
        text = tr("The registry file is damaged or is not a FieldLedger registry. %1")
                   .arg(sentence(error.message));
        break;
    case core::ErrorCode::Unsupported:
        text = tr("This registry cannot be opened by this version of FieldLedger. %1")
                   .arg(sentence(error.message));
        break;
    case core::ErrorCode::PermissionDenied:
        text = tr("This user may not open the registry. %1").arg(sentence(error.message));
        break;
    case core::ErrorCode::Integrity:
        text = tr("The registry failed its integrity check. %1").arg(sentence(error.message));
        break;
    default:
        text = tr("The registry could not be opened. %1").arg(sentence(error.message));
        break;
    }
    m_ui->errorLabel->setText(text);
    m_ui->errorLabel->show();
    fitHeight();
    focus->setFocus();
    focus->selectAll();
}

QString UnlockDialog::errorText() const
{
    return m_ui->errorLabel->isHidden() ? QString() : m_ui->errorLabel->text();
}

void UnlockDialog::clearError()
{
    m_ui->errorLabel->clear();
    m_ui->errorLabel->hide();
}

QPushButton *UnlockDialog::unlockButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Ok);
}

void UnlockDialog::chooseAnotherRegistry()
{
    const QString folder =
        m_registryPath.isEmpty() ? QDir::homePath() : QFileInfo(m_registryPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Registry"), folder, tr("FieldLedger registries (*.fieldledger);;All files (*)"));
    if (path.isEmpty() || path == m_registryPath)
        return;
    clearError();
    setRegistryPath(path);
    emit registryPathChanged(path);
}

void UnlockDialog::acceptUnlocked()
{
    setBusy(false);
    clearSecrets();
    QDialog::accept();
}

void UnlockDialog::accept()
{
    if (m_busy || !canUnlock())
        return;
    if (m_mode == Mode::RecoveryKey) {
        resetWithRecoveryKey();
        return;
    }
    emit unlockRequested();
}

void UnlockDialog::resetWithRecoveryKey()
{
    QByteArray key = m_ui->recoveryKeyEdit->text().toUtf8();
    QByteArray passphrase = m_ui->newPassphraseEdit->text().toUtf8();
    auto outcome = std::make_shared<core::Status>();
    setBusy(true);
    // Argon2id runs twice (the recovery slot, then the new slot): off the GUI thread.
    m_worker = QThread::create([outcome, path = m_registryPath, user = userId(),
                                recoveryKey = core::SecretBytes::takeFrom(key),
                                newPassphrase = core::SecretBytes::takeFrom(passphrase)] {
        *outcome = core::Registry::resetPassphraseWithRecoveryKey(path, recoveryKey, user, newPassphrase);
    });
    m_worker->setObjectName(u"fieldledger-recovery"_s);
    connect(m_worker, &QThread::finished, this, [this, outcome] {
        m_worker->deleteLater();
        m_worker = nullptr;
        recoveryFinished(*outcome);
    });
    m_worker->start();
}

void UnlockDialog::recoveryFinished(const core::Status &outcome)
{
    setBusy(false);
    if (!outcome) {
        showError(outcome.error());
        return;
    }
    // The new passphrase unlocks from here on, as any passphrase does.
    const QString passphrase = m_ui->newPassphraseEdit->text();
    setMode(Mode::Passphrase);
    m_ui->passphraseEdit->setText(passphrase);
    emit passphraseReset(userId());
    emit unlockRequested();
}

void UnlockDialog::reject()
{
    if (m_busy)
        return;
    clearSecrets();
    QDialog::reject();
}

} // namespace fieldledger::ui
