#include "ui/households/formdialog.h"

#include "ui/drafts/draftautosaver.h"
#include "ui/forms/formview.h"
#include "ui/households/formsubmitter.h"
#include "ui/messagebox.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

FormDialog::FormDialog(core::Ledger &ledger, Setup setup, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"formDialog_"_s + setup.form.id());
    const QString language = setup.language.isEmpty() ? setup.form.defaultLanguage() : setup.language;
    setWindowTitle(setup.form.title().text(language, setup.form.defaultLanguage()));
    resize(880, 640);

    auto *layout = new QVBoxLayout(this);
    if (!setup.heading.isEmpty()) {
        auto *heading = new QLabel(setup.heading);
        heading->setObjectName(u"formDialogHeading"_s);
        heading->setTextFormat(Qt::PlainText);
        heading->setWordWrap(true);
        heading->setContentsMargins(20, 6, 20, 0); // in line with the form's own title
        QPalette palette = heading->palette();
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
        heading->setPalette(palette);
        layout->addWidget(heading);
    }
    m_view = new FormView;
    layout->addWidget(m_view, 1);
    m_view->setForm(setup.form, setup.today, language, std::move(setup.initial));

    m_submitter = new FormSubmitter(ledger, *m_view, setup.entityGuid, this);
    m_submitter->setContextKeys(setup.contextKeys);
    connect(m_submitter, &FormSubmitter::submitted, this, [this](const QString &eventGuid) {
        // Core removed the draft with the event: the saver forgets it before the dialog hides
        // (hiding saves a dirty form, which would bring the draft back).
        if (auto *saver = m_view->findChild<DraftAutosaver *>())
            saver->submitted();
        emit submitted(eventGuid);
        accept();
    });
    connect(m_view, &FormView::valuesChanged, this, [this] { m_edited = true; });
    connect(m_view, &FormView::cancelRequested, this, &FormDialog::cancelRequested);
}

FormDialog::~FormDialog() = default;

const QString &FormDialog::entityGuid() const
{
    return m_submitter->entityGuid();
}

void FormDialog::cancelRequested()
{
    if (!m_edited) {
        reject(); // nothing typed here: a resumed draft stays as it was
        return;
    }
    if (MessageBox::question(
            this, tr("Discard Changes"), tr("Close the form and lose what you entered in it?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Discard)
        return;
    // The user chose to lose what was entered: its draft goes too.
    if (auto *saver = m_view->findChild<DraftAutosaver *>())
        saver->discard();
    reject();
}

} // namespace fieldledger::ui
