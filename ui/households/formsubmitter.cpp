#include "ui/households/formsubmitter.h"

#include "core/domain/ledger.h"
#include "ui/forms/formview.h"
#include "ui/households/householdcommands.h"

namespace fieldledger::ui {

FormSubmitter::FormSubmitter(core::Ledger &ledger, FormView &view, QString entityGuid, QObject *parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_view(&view)
    , m_entityGuid(std::move(entityGuid))
{
    connect(&view, &FormView::submitRequested, this, &FormSubmitter::submit);
}

FormSubmitter::~FormSubmitter() = default;

void FormSubmitter::submit(const QString &eventType, const QJsonObject &data, const QJsonObject &metadata)
{
    core::Command command =
        householdcommands::fromForm(eventType, m_entityGuid, data, metadata, m_contextKeys);
    if (m_draftIdSource)
        command.draftId = m_draftIdSource();
    auto event = m_ledger.submit(command);
    if (!event) {
        if (m_view)
            m_view->showSubmitError(event.error().message);
        return;
    }
    emit submitted(event->guid);
}

} // namespace fieldledger::ui
