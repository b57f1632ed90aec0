#include "ui/reports/formlabels.h"

#include "core/exchange/householdprofile.h"
#include "core/forms/formdefinition.h"

#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

// The default forms are compiled into this static library (see mainwindow.cpp).
static void registerFormLabelResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace fieldledger::ui {

FormLabels FormLabels::defaultForms(const QString &language)
{
    registerFormLabelResources();
    FormLabels labels;
    for (const QString &file : {u":/forms/household-registration.json"_s, u":/forms/member.json"_s}) {
        auto form = core::FormDefinition::fromFile(file);
        if (!form)
            continue;
        const auto &fields = form->allFields();
        for (const core::Field *field : fields) {
            if (field->isContainer())
                continue;
            // Top-level fields (groups flattened) describe the household; the fields of the
            // members repeat describe a member.
            const bool member = field->scope != 0;
            ScopeLabels &scope = member ? labels.m_member : labels.m_household;
            if (scope.fields.contains(field->name))
                continue;
            const QString label = field->label.text(language, form->defaultLanguage());
            if (!label.isEmpty())
                scope.fields.insert(field->name, label);
            if (field->isSelect() && field->choices) {
                QHash<QString, QString> &choices = scope.choices[field->name];
                for (const core::Choice &choice : *field->choices)
                    choices.insert(choice.name, choice.label.text(language, form->defaultLanguage()));
                scope.multiple.insert(field->name, field->type == core::FieldType::SelectMultiple);
            }
        }
    }
    return labels;
}

FormLabels FormLabels::forCurrentLanguage()
{
    return defaultForms(QLocale().name().section(u'_', 0, 0));
}

QString FormLabels::fieldLabel(Scope scope, const QString &key) const
{
    return labels(scope).fields.value(key, key);
}

QString FormLabels::valueText(Scope scope, const QString &key, const QJsonValue &value) const
{
    const ScopeLabels &all = labels(scope);
    const auto choices = all.choices.constFind(key);
    if (choices == all.choices.cend() || !value.isString())
        return core::displayText(value);
    const QString text = value.toString();
    if (!all.multiple.value(key)) {
        const QString label = choices->value(text);
        return label.isEmpty() ? text : label;
    }
    QStringList shown;
    for (const QString &name : text.split(u' ', Qt::SkipEmptyParts)) {
        const QString label = choices->value(name);
        shown.append(label.isEmpty() ? name : label);
    }
    return shown.join(u", "_s);
}

} // namespace fieldledger::ui
