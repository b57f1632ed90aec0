#pragma once

#include "core/common/result.h"
#include "core/forms/formdefinition.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace fieldledger::ui {

// The forms the household screens use, by id: the defaults shipped in the resources
// (resources/forms, embedded under :/forms) — household-registration, household-edit, member,
// member-edit, remove-member. Their choice lists also label stored values (villages, sexes,
// relationships) wherever a household is shown.
class FormCatalog final {
public:
    // The default forms; an error names the form that does not load.
    [[nodiscard]] static core::Result<FormCatalog> loadDefaults();
    explicit FormCatalog(std::vector<core::FormDefinition> forms);

    // The form with this id; null when there is none.
    [[nodiscard]] const core::FormDefinition *form(const QString &id) const;

    // Choice name -> label of a choice list, in `language`, from the first form that has the
    // list ("villages", "sex", "relationship", "regions", "districts"). Empty when no form has it.
    [[nodiscard]] QHash<QString, QString> choiceLabels(const QString &list, const QString &language) const;
    // The label of one choice, or the name itself when no list knows it.
    [[nodiscard]] QString choiceLabel(const QString &list, const QString &name,
                                      const QString &language) const;

    // The language forms are shown in: the UI language (QLocale) when forms speak it, else the
    // form's own default (the renderer falls back per text).
    [[nodiscard]] static QString uiLanguage();

private:
    std::vector<core::FormDefinition> m_forms;
};

} // namespace fieldledger::ui
