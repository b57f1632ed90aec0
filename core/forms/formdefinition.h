#pragma once

#include "core/common/result.h"
#include "core/forms/expression.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace fieldledger::core {

// The field types of a form; the JSON names are XLSForm's. `hidden` holds a value the
// application fills in and never shows (the member a remove-member form removes).
enum class FieldType {
    Text,
    Integer,
    Decimal,
    Date,
    SelectOne,
    SelectMultiple,
    Geopoint,
    Note,
    Calculate,
    Hidden,
    Group,
    Repeat,
};

[[nodiscard]] QString fieldTypeName(FieldType type);
[[nodiscard]] std::optional<FieldType> fieldTypeFromName(QStringView name);

// A text in several languages: {"en": "Name", "fr": "Nom"}, or one plain string for every
// language.
class LocalizedText final {
public:
    LocalizedText() = default;
    explicit LocalizedText(QString text);

    // A string, or an object whose members are non-empty language codes with string values.
    [[nodiscard]] static Result<LocalizedText> fromJson(const QJsonValue &json);

    // The text in `language`; else in `fallbackLanguage`; else a plain string; else the text of
    // the first language in code order; else empty.
    [[nodiscard]] QString text(const QString &language, const QString &fallbackLanguage = {}) const;
    [[nodiscard]] bool isEmpty() const { return m_texts.isEmpty(); }
    // The language codes present (a plain string has none).
    [[nodiscard]] QStringList languages() const;

private:
    QMap<QString, QString> m_texts; // the key "" holds a plain string
};

// One choice of a select: a name (the stored value), a label, and other columns that choice
// filters read ({"name": "kalo", "label": "Kalo", "district": "d-north"}).
struct Choice {
    QString name;
    LocalizedText label;
    QHash<QString, QString> columns;

    // "name" is the name; any other column its value, or empty.
    [[nodiscard]] QString column(const QString &column) const;
};

using ChoiceList = std::vector<Choice>;

// One field of a form. Values are read-only once the definition is loaded.
struct Field {
    FieldType type = FieldType::Text;
    QString name;
    LocalizedText label;
    LocalizedText hint;
    // `required`: JSON true becomes the expression true(); absent or false: not required.
    std::optional<Expression> required;
    LocalizedText requiredMessage;
    std::optional<Expression> relevant;
    std::optional<Expression> constraint;
    LocalizedText constraintMessage;
    std::optional<Expression> calculation;
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined); // applied to new instances
    bool readonly = false;
    QString appearance;
    // false: the value serves the form (a helper calculation) and stays out of event data.
    bool save = true;

    // Selects: the choices (shared with every field that uses the same named list), the list's
    // name (empty for an inline list) and the filter for cascading selects, whose bare names are
    // the choice's columns: "district = ${district}".
    std::shared_ptr<const ChoiceList> choices;
    QString choiceListName;
    std::optional<Expression> choiceFilter;

    // Repeats: at least `minCount` and at most `maxCount` instances; `count` fixes the number
    // of instances (a number or an expression).
    int minCount = 0;
    std::optional<int> maxCount;
    std::optional<Expression> count;

    // Groups and repeats: the fields inside.
    std::vector<Field> fields;

    // Where the field sits (set when the definition loads):
    int index = -1;      // position in FormDefinition::allFields(), document order
    int parent = -1;     // index of the enclosing group or repeat; -1 at the top
    int scope = 0;       // the scope its values live in: 0 is the form, others belong to repeats
    int innerScope = -1; // repeats: the scope of the fields inside

    [[nodiscard]] bool isContainer() const { return type == FieldType::Group || type == FieldType::Repeat; }
    [[nodiscard]] bool isSelect() const
    {
        return type == FieldType::SelectOne || type == FieldType::SelectMultiple;
    }
    // Fields a user answers (not notes, calculations, groups or repeats; hidden fields are
    // filled in by the application).
    [[nodiscard]] bool isInput() const;
    // Fields whose value goes into event data: inputs, hidden fields and calculations.
    [[nodiscard]] bool holdsValue() const;
};

// Values of one form submission, or of one repeat instance. A name that is absent was never
// answered; a present null or empty string was answered and then cleared.
struct FormValues {
    QString guid; // a repeat instance: its guid (the entry's guid in event data)
    QHash<QString, QJsonValue> values;
    QHash<QString, std::vector<FormValues>> repeats;

    friend bool operator==(const FormValues &a, const FormValues &b)
    {
        return a.guid == b.guid && a.values == b.values && a.repeats == b.repeats;
    }
};

// A scope is where `${name}` resolves: the form itself, or one repeat (its instances).
struct FormScope {
    int repeat = -1;             // the repeat field that opens it; -1 for the form
    int parent = -1;             // the enclosing scope; -1 for the form
    std::vector<int> fields;     // fields whose values live here, document order (groups flattened,
                                 // a nested repeat's field here but its contents in its own scope)
    QHash<QString, int> visible; // name -> field index for every name ${name} reaches from here
};

// How a form is evaluated, computed once when it loads (FormState uses it).
struct FormPlan {
    std::vector<FormScope> scopes;
    // Every field, each after the fields its relevance, calculation and count read and after
    // its container: one pass in this order settles every value.
    std::vector<int> order;
    std::vector<int> orderPosition;           // field index -> position in `order`
    std::vector<std::vector<int>> valueReads; // fields read by relevant/calculation/count, and the container
    std::vector<std::vector<int>> checkReads; // fields read by required/constraint/choice_filter
    std::vector<std::vector<int>> valueReaders; // inverse of valueReads
    std::vector<std::vector<int>> checkReaders; // inverse of checkReads
};

// What a value is wrong with, whatever the state of the form (choices are checked against the
// whole list here; the state checks them against the filtered list).
enum class ValueProblem {
    None,
    NotInteger,
    NotNumber,
    NotDate,
    NotGeopoint,
    GeopointOutOfRange,
    NotChoice,
    NotText,
};

// A value is unanswered when absent, null, an empty string or an empty array.
[[nodiscard]] bool isEmptyValue(const QJsonValue &value);
// The type check of a non-empty value (see ValueProblem). Accepted forms: integer: a JSON
// integer or a string of digits with an optional sign; decimal: a JSON number or an XPath number
// string; date: "YYYY-MM-DD", a real date; select_one: a string (or number); select_multiple: an
// array of strings or one space-separated string; geopoint: {"latitude", "longitude",
// "altitude"?, "accuracy"?} or "lat lon [alt [acc]]", latitude in [-90, 90] and longitude in
// [-180, 180]; text and hidden: a string or a number.
[[nodiscard]] ValueProblem checkValue(const Field &field, const QJsonValue &value);
// The value as expressions see it: integer and decimal fields give numbers (when they parse),
// select_multiple its names separated by spaces, geopoint "lat lon", calculations what they
// computed, anything else its text; unanswered is the empty string.
[[nodiscard]] ExpressionValue expressionValue(const Field &field, const QJsonValue &value);
// The value as event data stores it: integer -> JSON integer, decimal -> number,
// select_multiple -> array of names, geopoint -> {"latitude", "longitude"[, "altitude",
// "accuracy"]}, calculations as computed, others strings. A value that fails checkValue is kept
// as given.
[[nodiscard]] QJsonValue dataValue(const Field &field, const QJsonValue &value);
// The names of a select_multiple value (array or space-separated string).
[[nodiscard]] QStringList selectedNames(const QJsonValue &value);

// A form definition (JSON, XLSForm vocabulary), validated when it loads:
//   {"id": "household-registration", "version": "3", "eventType": "create-group",
//    "title": {"en": "...", "fr": "..."}, "defaultLanguage": "en",
//    "choices": {"sex": [{"name": "female", "label": {...}}, ...], ...},
//    "fields": [{"type": "text", "name": "household_name", "label": {...}, "required": true}, ...]}
// Field members: type, name, label, hint, required (bool or expression), required_message,
// relevant, constraint, constraint_message, calculation, default, readonly, appearance, choices
// (an inline list or the name of a form-level list; "select_one sex" also names the list),
// choice_filter, fields (groups and repeats), min, max, count (repeats), and save (false keeps
// a value out of event data; an extension of XLSForm).
// Member names are checked: a misspelt member is an error, not ignored.
// Names are unique within their scope (the form, groups included, or one repeat). Copies are
// cheap: the loaded definition is shared and immutable.
class FormDefinition final {
public:
    // Every problem found, one per line, each naming the field: "field 'age': constraint: at 7:
    // expected an operand after '>='", "field 'x': unknown type 'txt'", "field 'x': duplicate
    // name", "fields[3]: missing name", ... (ErrorCode::InvalidArgument).
    [[nodiscard]] static Result<FormDefinition> fromJson(const QJsonObject &json);
    // A JSON file (also ":/..." resource paths). Errors start with the file name.
    [[nodiscard]] static Result<FormDefinition> fromFile(const QString &path);

    [[nodiscard]] const QString &id() const;
    [[nodiscard]] const QString &version() const;
    [[nodiscard]] const LocalizedText &title() const;
    [[nodiscard]] const QString &eventType() const;
    [[nodiscard]] const QString &defaultLanguage() const;
    // Every language code used by a text of the form, sorted.
    [[nodiscard]] const QStringList &languages() const;
    [[nodiscard]] const QJsonObject &source() const;

    [[nodiscard]] const std::vector<Field> &fields() const;
    // Every field in document order (Field::index).
    [[nodiscard]] const std::vector<const Field *> &allFields() const;
    // A field by path, repeat indices ignored: "age" (a top-level field, also inside groups),
    // "members.age" or "members[2].age". Null when there is none.
    [[nodiscard]] const Field *field(QStringView path) const;
    [[nodiscard]] std::shared_ptr<const ChoiceList> choiceList(const QString &name) const;
    [[nodiscard]] const FormPlan &plan() const;

    // The event's data for these values: fields in document order, groups flattened, notes
    // and fields with "save": false left out; an absent value is left out, a cleared one (present, empty) is
    // null (so an update clears it; calculations that computed nothing are left out); a repeat is an array of
    // objects, each with its instance's `guid` (the `members` repeat is the `members` array of add-member
    // entries). The values should be FormState::effectiveValues() (relevance applied, calculations filled
    // in): this maps, it does not evaluate.
    [[nodiscard]] QJsonObject toEventData(const FormValues &values) const;
    // The inverse, for forms that edit an entity: its data as values (repeat entries keep their
    // guid; members the form does not have are ignored).
    [[nodiscard]] FormValues valuesFromData(const QJsonObject &data) const;
    // {"formId": id, "formVersion": version}: goes into the event's metadata.
    [[nodiscard]] QJsonObject metadataFor() const;

    struct Data;

private:
    explicit FormDefinition(std::shared_ptr<const Data> data)
        : m_data(std::move(data))
    {
    }

    std::shared_ptr<const Data> m_data;
};

// Every *.json form in `dir` (a directory or a ":/..." resource directory), sorted by file name.
// Fails on the first form that does not load (the message names the file) and when two forms
// share an id.
[[nodiscard]] Result<std::vector<FormDefinition>> loadFormsFrom(const QString &dir);

} // namespace fieldledger::core
