#include "ui/households/commanddialog.h"

#include <QLabel>

namespace fieldledger::ui {

CommandDialog::CommandDialog(core::Ledger &ledger, QWidget *parent)
    : QDialog(parent)
    , m_ledger(ledger)
{
}

CommandDialog::~CommandDialog() = default;

void CommandDialog::setErrorLabel(QLabel *label)
{
    m_error = label;
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_error->setPalette(palette);
    m_error->hide();
}

void CommandDialog::showError(const QString &message)
{
    if (!m_error)
        return;
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString CommandDialog::errorText() const
{
    return m_error ? m_error->text() : QString();
}

void CommandDialog::accept()
{
    const std::optional<core::Command> made = command();
    if (!made)
        return;
    auto event = m_ledger.submit(*made);
    if (!event) {
        showError(event.error().message);
        return;
    }
    showError({});
    emit submitted(event->guid);
    QDialog::accept();
}

} // namespace fieldledger::ui
