#include "ui/users/strengthmeter.h"

#include "ui/passwordstrength.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace fieldledger::ui {

StrengthMeter::StrengthMeter(QWidget *parent)
    : QWidget(parent)
{
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, PasswordStrength::score(PasswordStrength::Level::Strong));
    m_bar->setTextVisible(false);
    m_bar->setMaximumSize(160, 8);
    m_bar->setValue(0);
    m_label = new QLabel(this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_bar);
    layout->addWidget(m_label);
    layout->addStretch(1);
    rate(QString());
}

StrengthMeter::~StrengthMeter() = default;

void StrengthMeter::rate(const QString &passphrase)
{
    const PasswordStrength::Level level = PasswordStrength::rate(passphrase);
    m_bar->setValue(passphrase.isEmpty() ? 0 : PasswordStrength::score(level));
    QPalette palette = m_bar->palette();
    palette.setColor(QPalette::Highlight, PasswordStrength::color(level));
    m_bar->setPalette(palette);
    m_label->setText(passphrase.isEmpty() ? QString() : PasswordStrength::text(level));
    m_bar->setAccessibleName(tr("Passphrase strength: %1").arg(PasswordStrength::text(level)));
}

QString StrengthMeter::text() const
{
    return m_label->text();
}

int StrengthMeter::value() const
{
    return m_bar->value();
}

} // namespace fieldledger::ui
