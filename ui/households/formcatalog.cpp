#include "ui/households/formcatalog.h"

#include <QLocale>

using namespace Qt::StringLiterals;

// The forms are compiled into this static library; register them even when nothing else in the
// program refers to them (registering twice is harmless).
static void registerFormResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace fieldledger::ui {

core::Result<FormCatalog> FormCatalog::loadDefaults()
{
    registerFormResources();
    auto forms = core::loadFormsFrom(u":/forms"_s);
    if (!forms)
        return std::unexpected(forms.error());
    return FormCatalog(std::move(*forms));
}

FormCatalog::FormCatalog(std::vector<core::FormDefinition> forms)
    : m_forms(std::move(forms))
{
}

const core::FormDefinition *FormCatalog::form(const QString &id) const
{
    for (const core::FormDefinition &form : m_forms) {
        if (form.id() == id)
            return &form;
    }
    return nullptr;
}

QHash<QString, QString> FormCatalog::choiceLabels(const QString &list, const QString &language) const
{
    QHash<QString, QString> labels;
    for (const core::FormDefinition &form : m_forms) {
        const std::shared_ptr<const core::ChoiceList> choices = form.choiceList(list);
        if (!choices)
            continue;
        for (const core::Choice &choice : *choices)
            labels.insert(choice.name, choice.label.text(language, form.defaultLanguage()));
        break;
    }
    return labels;
}

QString FormCatalog::choiceLabel(const QString &list, const QString &name, const QString &language) const
{
    for (const core::FormDefinition &form : m_forms) {
        const std::shared_ptr<const core::ChoiceList> choices = form.choiceList(list);
        if (!choices)
            continue;
        for (const core::Choice &choice : *choices) {
            if (choice.name == name)
                return choice.label.text(language, form.defaultLanguage());
        }
    }
    return name;
}

QString FormCatalog::uiLanguage()
{
    return QLocale().name().section(u'_', 0, 0);
}

} // namespace fieldledger::ui
