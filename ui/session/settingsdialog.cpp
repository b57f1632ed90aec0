#include "ui/session/settingsdialog.h"

#include "ui/session/languages.h"
#include "ui_settingsdialog.h"

#include <QEvent>
#include <QPushButton>
#include <QSysInfo>

namespace fieldledger::ui {
namespace {

void muted(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    label->setFont(font);
}

} // namespace

SettingsDialog::SettingsDialog(const AppSettings &current, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<::Ui::SettingsDialog>())
    , m_applied(current)
{
    m_ui->setupUi(this);
    for (QLabel *hint : {m_ui->languageHint, m_ui->idleLockHint, m_ui->deviceNameHint})
        muted(hint);
    for (const Languages::Language &language : Languages::available())
        m_ui->languageCombo->addItem(language.name, language.code);
    m_ui->idleLockSpin->setMaximum(AppSettings::maximumIdleLockMinutes);
    m_ui->deviceNameEdit->setMaxLength(AppSettings::maximumDeviceNameLength);
    m_ui->deviceNameEdit->setPlaceholderText(QSysInfo::machineHostName());
    retranslate();

    showSettings(current);

    connect(m_ui->languageCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateApplyButton);
    connect(m_ui->idleLockSpin, &QSpinBox::valueChanged, this, &SettingsDialog::updateApplyButton);
    connect(m_ui->deviceNameEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateApplyButton);
    connect(applyButton(), &QPushButton::clicked, this, &SettingsDialog::apply);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    updateApplyButton();
    m_ui->languageCombo->setFocus();
    resize(width(), sizeHint().height());
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::showSettings(const AppSettings &settings)
{
    const int index = m_ui->languageCombo->findData(settings.language);
    m_ui->languageCombo->setCurrentIndex(index >= 0 ? index : 0);
    m_ui->idleLockSpin->setValue(settings.idleLockMinutes);
    m_ui->deviceNameEdit->setText(settings.deviceName == QSysInfo::machineHostName() ? QString()
                                                                                     : settings.deviceName);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings chosen;
    chosen.language = m_ui->languageCombo->currentData().toString();
    chosen.idleLockMinutes = m_ui->idleLockSpin->value();
    chosen.deviceName = m_ui->deviceNameEdit->text().trimmed();
    if (chosen.deviceName.isEmpty())
        chosen.deviceName = QSysInfo::machineHostName();
    return chosen;
}

QPushButton *SettingsDialog::applyButton() const
{
    return m_ui->buttonBox->button(QDialogButtonBox::Apply);
}

void SettingsDialog::updateApplyButton()
{
    applyButton()->setEnabled(settings() != m_applied);
}

void SettingsDialog::apply()
{
    const AppSettings chosen = settings();
    if (chosen == m_applied)
        return;
    const bool languageChanged = chosen.language != m_applied.language;
    chosen.save();
    m_applied = chosen;
    updateApplyButton();
    if (languageChanged)
        Languages::apply(chosen.language);
    emit applied(chosen);
}

void SettingsDialog::accept()
{
    apply();
    QDialog::accept();
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // Another language, other lengths: grow to fit rather than cut the labels short.
        if (QLayout *dialogLayout = layout())
            dialogLayout->activate();
        const QSize wanted = sizeHint().expandedTo(minimumSizeHint());
        resize(size().expandedTo(wanted));
    }
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate()
{
    m_ui->retranslateUi(this);
    m_ui->languageCombo->setAccessibleName(tr("Language"));
    m_ui->idleLockSpin->setAccessibleName(tr("Minutes without input before the registry locks"));
    m_ui->deviceNameEdit->setAccessibleName(tr("Device name"));
}

} // namespace fieldledger::ui
