#pragma once

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/forms/formdefinition.h"

#include <QDate>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace fieldledger::core {

// Something wrong with one field (or one repeat) of a filled-in form.
struct FieldIssue {
    enum class Kind {
        Required,    // relevant, required and unanswered
        Type,        // not an integer, not a number, not a date, not a geopoint, out of range
        Choice,      // not among the choices (after the choice filter)
        Constraint,  // the constraint is false (checked only for answered fields)
        RepeatCount, // fewer than min or more than max instances
    };

    QString path; // "household_name", "members[2].age" (repeat instances count from 0)
    QString field;
    Kind kind = Kind::Required;
    QString message; // in the state's language: the form's message, else a built-in one

    friend bool operator==(const FieldIssue &, const FieldIssue &) = default;
};

// The state of one form being filled in: values (repeat instances included), relevance,
// calculations, requirement and validity, kept up to date as values change.
//
// Paths name a field in an instance: "village", "members[0].age", "members[1]" (an instance),
// "members" (the repeat). Fields inside groups are named without the group: groups are not
// scopes. Semantics (XLSForm):
// - a field is relevant when its `relevant` is true and its group or repeat is relevant; a
//   non-relevant field reads as unanswered in expressions, is never required or invalid, and is
//   left out of effectiveValues() (its value is kept, should it become relevant again);
// - `calculate` fields are computed (and recomputed) from what they read;
// - `required` is checked only when relevant; `constraint` only when answered;
// - a repeat with `count` gets that many instances; new instances get the fields' defaults.
// setValue re-evaluates only what depends on the changed field (FormPlan), in the instances it
// can affect, and says which paths changed relevance, calculated value, requirement or issue.
class FormState final {
public:
    // A new, empty form: defaults applied, `min` instances of each repeat. `today` is what
    // today() returns: the local date of the application's clock, never read here (an invalid
    // date makes today() empty, so date constraints against it fail). Instance guids come from
    // `ids` (random UUIDs when null).
    explicit FormState(FormDefinition definition, QDate today, std::unique_ptr<IdGenerator> ids = {});
    // A form filled with `values` (a draft, or an entity's data for an edit form): no defaults.
    FormState(FormDefinition definition, const FormValues &values, QDate today,
              std::unique_ptr<IdGenerator> ids = {});
    ~FormState();
    FormState(FormState &&other) noexcept;
    FormState &operator=(FormState &&other) noexcept;
    FormState(const FormState &) = delete;
    FormState &operator=(const FormState &) = delete;

    [[nodiscard]] const FormDefinition &definition() const;

    // Messages use this language (the form's default language at first); built-in messages
    // exist in English and French.
    [[nodiscard]] const QString &language() const;
    void setLanguage(const QString &language);

    [[nodiscard]] QDate today() const;
    // Re-evaluates everything; returns the paths that changed.
    QSet<QString> setToday(QDate today);

    // Sets the value of an input or hidden field (see checkValue for the forms a value takes;
    // an invalid value is kept and reported by validate()). Null or "" clears it. Returns the
    // paths whose relevance, calculated value, requirement or issue changed (the set field
    // itself only when its own issue changed). Fails for unknown paths and for fields that hold
    // no value the user sets (notes, calculations, groups, repeats).
    Result<QSet<QString>> setValue(const QString &path, const QJsonValue &value);
    // The same for text as a line edit gives it.
    Result<QSet<QString>> setValue(const QString &path, const QString &value)
    {
        return setValue(path, QJsonValue(value));
    }
    // The value as set (calculations: as computed); undefined when unanswered or unknown.
    [[nodiscard]] QJsonValue value(const QString &path) const;
    [[nodiscard]] bool isRelevant(const QString &path) const;
    [[nodiscard]] bool isRequired(const QString &path) const;
    [[nodiscard]] std::optional<FieldIssue> issue(const QString &path) const;
    // The choices a select offers in its instance, the choice filter applied.
    [[nodiscard]] std::vector<const Choice *> choices(const QString &path) const;

    // Repeats ("members", "members[0].children"): instance count, and adding or removing
    // instances (refused beyond max, below min, or for a repeat with a count). Each returns the
    // paths that changed; after a removal the later instances are renumbered.
    [[nodiscard]] int instanceCount(const QString &repeatPath) const;
    [[nodiscard]] QString instanceGuid(const QString &instancePath) const;
    [[nodiscard]] bool canAddInstance(const QString &repeatPath) const;
    [[nodiscard]] bool canRemoveInstance(const QString &repeatPath) const;
    Result<QSet<QString>> addInstance(const QString &repeatPath);
    Result<QSet<QString>> removeInstance(const QString &repeatPath, int index);

    // Every issue of the form, in document order (instances in order), messages in language().
    [[nodiscard]] std::vector<FieldIssue> validate() const;
    [[nodiscard]] bool isValid() const { return validate().empty(); }

    // The values as entered, relevant or not, without calculations: a draft to restore later.
    [[nodiscard]] FormValues values() const;
    // What gets submitted: relevant fields only, calculations filled in.
    [[nodiscard]] FormValues effectiveValues() const;
    // definition().toEventData(effectiveValues()).
    [[nodiscard]] QJsonObject toEventData() const;

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace fieldledger::core
