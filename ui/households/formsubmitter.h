#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

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

signals:
    // Core accepted the event (its guid), made for entityGuid().
    void submitted(const QString &eventGuid);

private:
    void submit(const QString &eventType, const QJsonObject &data, const QJsonObject &metadata);

    core::Ledger &m_ledger;
    QPointer<FormView> m_view;
    QString m_entityGuid;
    QStringList m_contextKeys;
};

} // namespace fieldledger::ui
