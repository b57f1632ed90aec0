#pragma once

#include <QHash>
#include <QJsonValue>
#include <QString>

namespace fieldledger::ui {

// What reports show for stored names: a data key's question ("village" is "Village or area")
// and a select's stored choice names as their labels ("upper_mesa" is "Upper Mesa"), in one
// language, from the default forms (household registration and member, embedded in this
// library). Keys and values the forms do not know are shown as stored.
class FormLabels final {
public:
    enum class Scope { Household, Member };

    FormLabels() = default;
    // The default forms' texts in `language` (else each form's default language).
    [[nodiscard]] static FormLabels defaultForms(const QString &language);
    // defaultForms() in the language of the default QLocale.
    [[nodiscard]] static FormLabels forCurrentLanguage();

    [[nodiscard]] QString fieldLabel(Scope scope, const QString &key) const;
    // Choice labels for the values of a select (several for select_multiple, joined by ", "),
    // else core::displayText(value).
    [[nodiscard]] QString valueText(Scope scope, const QString &key, const QJsonValue &value) const;

private:
    struct ScopeLabels {
        QHash<QString, QString> fields;                  // key -> label
        QHash<QString, QHash<QString, QString>> choices; // key -> choice name -> label
        QHash<QString, bool> multiple;                   // key -> select_multiple
    };
    [[nodiscard]] const ScopeLabels &labels(Scope scope) const
    {
        return scope == Scope::Household ? m_household : m_member;
    }

    ScopeLabels m_household;
    ScopeLabels m_member;
};

} // namespace fieldledger::ui
