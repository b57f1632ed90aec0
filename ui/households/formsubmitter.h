#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

namespace fieldledger::core {
class Ledger;
}

namespace fieldledger::ui {

class FormView;

// Turns what a FormView asks to submit into one command for `entityGuid` and submits it through
// core. When core refuses (permission, validation), the view shows core's message and keeps
// everything entered; when core accepts, submitted() says so.
class FormSubmitter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormSubmitter)

public:
    FormSubmitter(core::Ledger &ledger, FormView &view, QString entityGuid, QObject *parent = nullptr);
    ~FormSubmitter() override;

    [[nodiscard]] const QString &entityGuid() const { return m_entityGuid; }
    // Data members copied into the event's context as well (remove-member: "reason").
    void setContextKeys(QStringList keys) { m_contextKeys = std::move(keys); }
    // Where the form's draft id comes from (a DraftAutosaver's draftId()): it goes into the
    // command, so that core removes the draft in the transaction that accepts the event.
    void setDraftIdSource(std::function<QString()> source) { m_draftIdSource = std::move(source); }

signals:
    // Core accepted the event (its guid), made for entityGuid().
    void submitted(const QString &eventGuid);

private:
    void submit(const QString &eventType, const QJsonObject &data, const QJsonObject &metadata);

    core::Ledger &m_ledger;
    QPointer<FormView> m_view;
    QString m_entityGuid;
    QStringList m_contextKeys;
    std::function<QString()> m_draftIdSource;
};

} // namespace fieldledger::ui
