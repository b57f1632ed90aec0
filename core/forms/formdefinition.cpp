#include "core/forms/formdefinition.h"

#include "core/events/jsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <set>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

struct FieldTypeName {
    QStringView name;
    FieldType type;
};

constexpr FieldTypeName fieldTypeNames[] = {
    {u"text", FieldType::Text},
    {u"integer", FieldType::Integer},
    {u"decimal", FieldType::Decimal},
    {u"date", FieldType::Date},
    {u"select_one", FieldType::SelectOne},
    {u"select_multiple", FieldType::SelectMultiple},
    {u"geopoint", FieldType::Geopoint},
    {u"note", FieldType::Note},
    {u"calculate", FieldType::Calculate},
    {u"hidden", FieldType::Hidden},
    {u"group", FieldType::Group},
    {u"repeat", FieldType::Repeat},
};

} // namespace

QString fieldTypeName(FieldType type)
{
    for (const FieldTypeName &entry : fieldTypeNames) {
        if (entry.type == type)
            return entry.name.toString();
    }
    return {};
}

std::optional<FieldType> fieldTypeFromName(QStringView name)
{
    for (const FieldTypeName &entry : fieldTypeNames) {
        if (entry.name == name)
            return entry.type;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// LocalizedText, Choice, Field

LocalizedText::LocalizedText(QString text)
{
    if (!text.isEmpty())
        m_texts.insert(QString(), std::move(text));
}

Result<LocalizedText> LocalizedText::fromJson(const QJsonValue &json)
{
    LocalizedText result;
    if (json.isString()) {
        return LocalizedText(json.toString());
    }
    if (!json.isObject())
        return fail(ErrorCode::InvalidArgument, u"not a string or an object of texts by language"_s);
    const QJsonObject object = json.toObject();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().isEmpty())
            return fail(ErrorCode::InvalidArgument, u"a language code is empty"_s);
        if (!it.value().isString())
            return fail(ErrorCode::InvalidArgument, u"the '"_s + it.key() + u"' text is not a string"_s);
        if (!it.value().toString().isEmpty())
            result.m_texts.insert(it.key(), it.value().toString());
    }
    return result;
}

QString LocalizedText::text(const QString &language, const QString &fallbackLanguage) const
{
    if (m_texts.isEmpty())
        return {};
    if (auto it = m_texts.constFind(language); it != m_texts.constEnd() && !language.isEmpty())
        return it.value();
    if (auto it = m_texts.constFind(fallbackLanguage);
        it != m_texts.constEnd() && !fallbackLanguage.isEmpty())
        return it.value();
    if (auto it = m_texts.constFind(QString()); it != m_texts.constEnd())
        return it.value();
    return m_texts.first();
}

QStringList LocalizedText::languages() const
{
    QStringList result;
    for (auto it = m_texts.constBegin(); it != m_texts.constEnd(); ++it) {
        if (!it.key().isEmpty())
            result.push_back(it.key());
    }
    return result;
}

QString Choice::column(const QString &column) const
{
    if (column == u"name")
        return name;
    return columns.value(column);
}

bool Field::isInput() const
{
    switch (type) {
    case FieldType::Text:
    case FieldType::Integer:
    case FieldType::Decimal:
    case FieldType::Date:
    case FieldType::SelectOne:
    case FieldType::SelectMultiple:
    case FieldType::Geopoint:
        return true;
    case FieldType::Note:
    case FieldType::Calculate:
    case FieldType::Hidden:
    case FieldType::Group:
    case FieldType::Repeat:
        break;
    }
    return false;
}

bool Field::holdsValue() const
{
    return isInput() || type == FieldType::Hidden || type == FieldType::Calculate;
}

// ---------------------------------------------------------------------------------------------
// Values

namespace {

struct Geopoint {
    double latitude = 0;
    double longitude = 0;
    std::optional<double> altitude;
    std::optional<double> accuracy;
};

std::optional<Geopoint> parseGeopoint(const QJsonValue &value)
{
    Geopoint point;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString &key = it.key();
            if (key != u"latitude" && key != u"longitude" && key != u"altitude" && key != u"accuracy")
                return std::nullopt;
            if (!it.value().isDouble() || !std::isfinite(it.value().toDouble()))
                return std::nullopt;
        }
        if (!object.contains(u"latitude") || !object.contains(u"longitude"))
            return std::nullopt;
        point.latitude = object.value(u"latitude").toDouble();
        point.longitude = object.value(u"longitude").toDouble();
        if (object.contains(u"altitude"))
            point.altitude = object.value(u"altitude").toDouble();
        if (object.contains(u"accuracy"))
            point.accuracy = object.value(u"accuracy").toDouble();
        return point;
    }
    if (!value.isString())
        return std::nullopt;
    const QStringList parts = value.toString().split(u' ', Qt::SkipEmptyParts);
    if (parts.size() < 2 || parts.size() > 4)
        return std::nullopt;
    std::vector<double> numbers;
    for (const QString &part : parts) {
        const double number = parseXPathNumber(part);
        if (std::isnan(number))
            return std::nullopt;
        numbers.push_back(number);
    }
    point.latitude = numbers[0];
    point.longitude = numbers[1];
    if (numbers.size() > 2)
        point.altitude = numbers[2];
    if (numbers.size() > 3)
        point.accuracy = numbers[3];
    return point;
}

std::optional<qint64> parseInteger(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        constexpr double limit = 9007199254740992.0; // 2^53: every integer below is exact
        if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > limit)
            return std::nullopt;
        return static_cast<qint64>(number);
    }
    if (!value.isString())
        return std::nullopt;
    static const QRegularExpression integerPattern(u"^\\s*[-+]?[0-9]{1,15}\\s*$"_s);
    const QString text = value.toString();
    if (!integerPattern.match(text).hasMatch())
        return std::nullopt;
    return text.trimmed().toLongLong();
}

std::optional<double> parseDecimal(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        return std::isfinite(number) ? std::optional<double>(number) : std::nullopt;
    }
    if (!value.isString())
        return std::nullopt;
    QString text = value.toString().trimmed();
    if (text.startsWith(u'+'))
        text.remove(0, 1);
    const double number = parseXPathNumber(text);
    return std::isnan(number) ? std::nullopt : std::optional<double>(number);
}

bool isValidDate(const QJsonValue &value)
{
    if (!value.isString())
        return false;
    const QString text = value.toString();
    return text.size() == 10 && QDate::fromString(text, u"yyyy-MM-dd").isValid();
}

// A scalar's text: strings as they are, numbers as XPath writes them.
std::optional<QString> scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return formatXPathNumber(value.toDouble());
    return std::nullopt;
}

bool hasChoice(const Field &field, const QString &name)
{
    if (!field.choices)
        return false;
    return std::ranges::any_of(*field.choices, [&](const Choice &choice) { return choice.name == name; });
}

QString geopointText(const Geopoint &point)
{
    QString text = formatXPathNumber(point.latitude) + u' ' + formatXPathNumber(point.longitude);
    if (point.altitude)
        text += u' ' + formatXPathNumber(*point.altitude);
    if (point.accuracy)
        text += u' ' + formatXPathNumber(*point.accuracy);
    return text;
}

} // namespace

bool isEmptyValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return true;
    case QJsonValue::String:
        return value.toString().isEmpty();
    case QJsonValue::Array:
        return value.toArray().isEmpty();
    default:
        return false;
    }
}

QStringList selectedNames(const QJsonValue &value)
{
    if (value.isArray()) {
        QStringList names;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (std::optional<QString> text = scalarText(item))
                names.push_back(*text);
        }
        return names;
    }
    if (value.isString())
        return value.toString().split(u' ', Qt::SkipEmptyParts);
    if (std::optional<QString> text = scalarText(value))
        return {*text};
    return {};
}

ValueProblem checkValue(const Field &field, const QJsonValue &value)
{
    if (isEmptyValue(value))
        return ValueProblem::None;
    switch (field.type) {
    case FieldType::Integer:
        return parseInteger(value) ? ValueProblem::None : ValueProblem::NotInteger;
    case FieldType::Decimal:
        return parseDecimal(value) ? ValueProblem::None : ValueProblem::NotNumber;
    case FieldType::Date:
        return isValidDate(value) ? ValueProblem::None : ValueProblem::NotDate;
    case FieldType::SelectOne: {
        const std::optional<QString> name = scalarText(value);
        return name && hasChoice(field, *name) ? ValueProblem::None : ValueProblem::NotChoice;
    }
    case FieldType::SelectMultiple: {
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (const QJsonValue &item : array) {
                if (!item.isString() || !hasChoice(field, item.toString()))
                    return ValueProblem::NotChoice;
            }
            return ValueProblem::None;
        }
        if (!value.isString())
            return ValueProblem::NotChoice;
        const QStringList names = selectedNames(value);
        return std::ranges::all_of(names, [&](const QString &name) { return hasChoice(field, name); })
                   ? ValueProblem::None
                   : ValueProblem::NotChoice;
    }
    case FieldType::Geopoint: {
        const std::optional<Geopoint> point = parseGeopoint(value);
        if (!point)
            return ValueProblem::NotGeopoint;
        if (std::fabs(point->latitude) > 90 || std::fabs(point->longitude) > 180)
            return ValueProblem::GeopointOutOfRange;
        return ValueProblem::None;
    }
    case FieldType::Text:
    case FieldType::Hidden:
        return scalarText(value) ? ValueProblem::None : ValueProblem::NotText;
    case FieldType::Note:
    case FieldType::Calculate:
    case FieldType::Group:
    case FieldType::Repeat:
        break;
    }
    return ValueProblem::None;
}

ExpressionValue expressionValue(const Field &field, const QJsonValue &value)
{
    if (isEmptyValue(value))
        return {};
    switch (field.type) {
    case FieldType::Integer:
        if (const std::optional<qint64> number = parseInteger(value))
            return ExpressionValue::number(double(*number));
        break;
    case FieldType::Decimal:
        if (const std::optional<double> number = parseDecimal(value))
            return ExpressionValue::number(*number);
        break;
    case FieldType::SelectMultiple:
        return ExpressionValue::string(selectedNames(value).join(u' '));
    case FieldType::Geopoint:
        if (const std::optional<Geopoint> point = parseGeopoint(value))
            return ExpressionValue::string(geopointText(*point));
        break;
    case FieldType::Calculate:
        if (value.isDouble())
            return ExpressionValue::number(value.toDouble());
        if (value.isBool())
            return ExpressionValue::boolean(value.toBool());
        break;
    default:
        break;
    }
    if (value.isBool())
        return ExpressionValue::string(value.toBool() ? u"true"_s : u"false"_s);
    return ExpressionValue::string(scalarText(value).value_or(QString()));
}

QJsonValue dataValue(const Field &field, const QJsonValue &value)
{
    switch (field.type) {
    case FieldType::Integer:
        if (const std::optional<qint64> number = parseInteger(value))
            return QJsonValue(*number);
        break;
    case FieldType::Decimal:
        if (const std::optional<double> number = parseDecimal(value))
            return QJsonValue(*number);
        break;
    case FieldType::SelectMultiple:
        if (value.isArray() || value.isString())
            return QJsonArray::fromStringList(selectedNames(value));
        break;
    case FieldType::Geopoint:
        if (const std::optional<Geopoint> point = parseGeopoint(value)) {
            QJsonObject object{{u"latitude"_s, point->latitude}, {u"longitude"_s, point->longitude}};
            if (point->altitude)
                object.insert(u"altitude"_s, *point->altitude);
            if (point->accuracy)
                object.insert(u"accuracy"_s, *point->accuracy);
            return object;
        }
        break;
    case FieldType::Text:
    case FieldType::Hidden:
    case FieldType::Date:
    case FieldType::SelectOne:
        if (value.isDouble())
            return formatXPathNumber(value.toDouble());
        break;
    default:
        break;
    }
    return value;
}

// ---------------------------------------------------------------------------------------------
// Loading

struct FormDefinition::Data {
    QJsonObject source;
    QString id;
    QString version;
    QString eventType;
    QString defaultLanguage;
    LocalizedText title;
    QStringList languages;
    std::vector<Field> fields;
    std::vector<const Field *> all;
    QHash<QString, std::shared_ptr<const ChoiceList>> choiceLists;
    FormPlan plan;
};

namespace {

const QRegularExpression &fieldNamePattern()
{
    static const QRegularExpression pattern(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return pattern;
}

const QRegularExpression &eventTypePattern()
{
    static const QRegularExpression pattern(u"^[a-z0-9]+(-[a-z0-9]+)*$"_s);
    return pattern;
}

const QRegularExpression &formIdPattern()
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9_.-]*$"_s);
    return pattern;
}

QString valueProblemText(ValueProblem problem)
{
    switch (problem) {
    case ValueProblem::None:
        return {};
    case ValueProblem::NotInteger:
        return u"not an integer"_s;
    case ValueProblem::NotNumber:
        return u"not a number"_s;
    case ValueProblem::NotDate:
        return u"not a date (YYYY-MM-DD)"_s;
    case ValueProblem::NotGeopoint:
        return u"not a geopoint"_s;
    case ValueProblem::GeopointOutOfRange:
        return u"latitude or longitude out of range"_s;
    case ValueProblem::NotChoice:
        return u"not one of the choices"_s;
    case ValueProblem::NotText:
        return u"not a text"_s;
    }
    return {};
}

class Loader {
public:
    explicit Loader(FormDefinition::Data &data)
        : m_data(data)
    {
    }

    QStringList load(const QJsonObject &json)
    {
        static const QSet<QString> formMembers{u"id"_s,        u"version"_s,    u"title"_s,
                                               u"eventType"_s, u"fields"_s,     u"defaultLanguage"_s,
                                               u"choices"_s,   u"description"_s};
        for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
            if (!formMembers.contains(it.key()))
                problem(u"unknown member '"_s + it.key() + u"'"_s);
        }
        m_data.id = requiredString(json, u"id"_s);
        if (!m_data.id.isEmpty() && !formIdPattern().match(m_data.id).hasMatch())
            problem(u"member 'id': '"_s + m_data.id + u"' must be letters, digits, '_', '.' and '-'"_s);
        m_data.version = requiredString(json, u"version"_s);
        m_data.eventType = requiredString(json, u"eventType"_s);
        if (!m_data.eventType.isEmpty() && !eventTypePattern().match(m_data.eventType).hasMatch())
            problem(u"member 'eventType': '"_s + m_data.eventType +
                    u"' is not an event type (lower-case words joined by '-')"_s);
        if (!json.contains(u"title"))
            problem(u"missing member 'title'"_s);
        else
            m_data.title = text(json.value(u"title"), u"member 'title'"_s);
        if (json.contains(u"description"))
            noteLanguages(text(json.value(u"description"), u"member 'description'"_s));
        noteLanguages(m_data.title);

        if (const QJsonValue lists = json.value(u"choices"); !lists.isUndefined())
            loadChoiceLists(lists);

        const QJsonValue fields = json.value(u"fields");
        if (fields.isUndefined())
            problem(u"missing member 'fields'"_s);
        else if (!fields.isArray() || fields.toArray().isEmpty())
            problem(u"member 'fields' must be a non-empty array"_s);
        else
            m_data.fields = loadFields(fields.toArray(), u"fields"_s);

        m_data.languages = QStringList(m_languages.begin(), m_languages.end());
        std::ranges::sort(m_data.languages);
        const QJsonValue language = json.value(u"defaultLanguage");
        if (language.isUndefined()) {
            if (m_data.languages.contains(u"en"))
                m_data.defaultLanguage = u"en"_s;
            else if (!m_data.languages.isEmpty())
                m_data.defaultLanguage = m_data.languages.first();
        } else if (!language.isString() || language.toString().isEmpty()) {
            problem(u"member 'defaultLanguage' must be a non-empty string"_s);
        } else {
            m_data.defaultLanguage = language.toString();
            if (!m_data.languages.isEmpty() && !m_data.languages.contains(m_data.defaultLanguage))
                problem(u"member 'defaultLanguage': no text is in '"_s + m_data.defaultLanguage + u"'"_s);
        }

        // Names and references are checked even when a field above had a problem, so one
        // load reports as much as it can; the evaluation order needs a sound form.
        index();
        checkExpressions();
        if (m_problems.isEmpty())
            plan();
        return m_problems;
    }

private:
    void problem(QString text) { m_problems.push_back(std::move(text)); }

    void noteLanguages(const LocalizedText &text)
    {
        const QStringList languages = text.languages();
        for (const QString &language : languages)
            m_languages.insert(language);
    }

    QString requiredString(const QJsonObject &json, const QString &member)
    {
        const QJsonValue value = json.value(member);
        if (value.isUndefined()) {
            problem(u"missing member '"_s + member + u"'"_s);
            return {};
        }
        if (!value.isString() || value.toString().isEmpty()) {
            problem(u"member '"_s + member + u"' must be a non-empty string"_s);
            return {};
        }
        return value.toString();
    }

    LocalizedText text(const QJsonValue &json, const QString &where)
    {
        Result<LocalizedText> result = LocalizedText::fromJson(json);
        if (!result) {
            problem(where + u": "_s + result.error().message);
            return {};
        }
        noteLanguages(*result);
        return *std::move(result);
    }

    // ----- choices

    void loadChoiceLists(const QJsonValue &lists)
    {
        if (!lists.isObject()) {
            problem(u"member 'choices' must be an object of choice lists"_s);
            return;
        }
        const QJsonObject object = lists.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString where = u"choice list '"_s + it.key() + u"'"_s;
            if (!fieldNamePattern().match(it.key()).hasMatch())
                problem(where + u": the name must match ^[A-Za-z_][A-Za-z0-9_]*$"_s);
            if (std::optional<ChoiceList> list = loadChoices(it.value(), where))
                m_data.choiceLists.insert(it.key(), std::make_shared<const ChoiceList>(*std::move(list)));
        }
    }

    std::optional<ChoiceList> loadChoices(const QJsonValue &json, const QString &where)
    {
        if (!json.isArray() || json.toArray().isEmpty()) {
            problem(where + u": choices must be a non-empty array"_s);
            return std::nullopt;
        }
        // Bad choices are reported and left out; the list stays, so fields that use it do not
        // report it missing as well.
        ChoiceList list;
        QSet<QString> names;
        const QJsonArray array = json.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString choiceWhere = where + u": choice "_s + QString::number(i);
            if (!array[i].isObject()) {
                problem(choiceWhere + u" must be an object"_s);
                continue;
            }
            const QJsonObject object = array[i].toObject();
            Choice choice;
            const QJsonValue name = object.value(u"name");
            if (name.isUndefined()) {
                problem(choiceWhere + u": missing name"_s);
                continue;
            }
            const std::optional<QString> nameText = scalarText(name);
            if (!nameText || nameText->isEmpty() ||
                std::ranges::any_of(*nameText, [](QChar c) { return c.isSpace(); })) {
                problem(choiceWhere + u": the name must be a non-empty string without spaces"_s);
                continue;
            }
            choice.name = *nameText;
            if (names.contains(choice.name))
                problem(where + u": duplicate choice '"_s + choice.name + u"'"_s);
            names.insert(choice.name);
            if (!object.contains(u"label"))
                problem(where + u": choice '"_s + choice.name + u"': missing label"_s);
            else
                choice.label =
                    text(object.value(u"label"), where + u": choice '"_s + choice.name + u"': label"_s);
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                if (it.key() == u"name" || it.key() == u"label")
                    continue;
                const std::optional<QString> column = scalarText(it.value());
                if (!column) {
                    problem(where + u": choice '"_s + choice.name + u"': column '"_s + it.key() +
                            u"' must be a string or a number"_s);
                    continue;
                }
                choice.columns.insert(it.key(), *column);
            }
            list.push_back(std::move(choice));
        }
        return list;
    }

    // ----- fields

    std::vector<Field> loadFields(const QJsonArray &array, const QString &location)
    {
        std::vector<Field> fields;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString where = location + u"["_s + QString::number(i) + u"]"_s;
            if (!array[i].isObject()) {
                problem(where + u": a field must be an object"_s);
                continue;
            }
            fields.push_back(loadField(array[i].toObject(), where));
        }
        return fields;
    }

    std::optional<Expression> expression(const QJsonValue &json, const QString &who, const QString &member,
                                         bool columns = false)
    {
        if (!json.isString()) {
            problem(who + u": member '"_s + member + u"' must be an expression string"_s);
            return std::nullopt;
        }
        if (json.toString().trimmed().isEmpty())
            return std::nullopt;
        ExpressionOptions options;
        options.allowColumns = columns;
        auto parsed = Expression::parse(json.toString(), options);
        if (!parsed) {
            problem(who + u": "_s + member + u": "_s + parsed.error().toString());
            return std::nullopt;
        }
        return *std::move(parsed);
    }

    std::optional<int> count(const QJsonValue &json, const QString &who, const QString &member)
    {
        if (!json.isDouble() || json.toDouble() < 0 || json.toDouble() > 100000 ||
            std::trunc(json.toDouble()) != json.toDouble()) {
            problem(who + u": member '"_s + member + u"' must be a whole number from 0 to 100000"_s);
            return std::nullopt;
        }
        return static_cast<int>(json.toDouble());
    }

    Field loadField(const QJsonObject &json, const QString &location)
    {
        static const QSet<QString> fieldMembers{
            u"type"_s,        u"name"_s,       u"label"_s,
            u"hint"_s,        u"required"_s,   u"required_message"_s,
            u"relevant"_s,    u"constraint"_s, u"constraint_message"_s,
            u"calculation"_s, u"default"_s,    u"readonly"_s,
            u"appearance"_s,  u"choices"_s,    u"choice_filter"_s,
            u"fields"_s,      u"min"_s,        u"max"_s,
            u"count"_s,       u"save"_s,
        };
        Field field;
        const QJsonValue name = json.value(u"name");
        QString who = location;
        if (name.isUndefined() || (name.isString() && name.toString().isEmpty())) {
            problem(location + u": missing name"_s);
        } else if (!name.isString() || !fieldNamePattern().match(name.toString()).hasMatch()) {
            problem(location + u": invalid name "_s +
                    (name.isString() ? u"'"_s + name.toString() + u"'"_s : u"(not a string)"_s) +
                    u": a name must match ^[A-Za-z_][A-Za-z0-9_]*$"_s);
        } else {
            field.name = name.toString();
            who = u"field '"_s + field.name + u"'"_s;
        }

        for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
            if (!fieldMembers.contains(it.key()))
                problem(who + u": unknown member '"_s + it.key() + u"'"_s);
        }

        const QJsonValue typeJson = json.value(u"type");
        QString listFromType;
        if (typeJson.isUndefined()) {
            problem(who + u": missing type"_s);
            return field;
        }
        QString typeName = typeJson.toString();
        if (const qsizetype space = typeName.indexOf(u' '); space > 0) {
            // XLSForm's "select_one sex"
            listFromType = typeName.sliced(space + 1).trimmed();
            typeName.truncate(space);
        }
        const std::optional<FieldType> type = fieldTypeFromName(typeName);
        if (!typeJson.isString() || !type ||
            (!listFromType.isEmpty() && typeName != u"select_one" && typeName != u"select_multiple")) {
            problem(who + u": unknown type '"_s + typeJson.toString() + u"'"_s);
            return field;
        }
        field.type = *type;

        // Members that belong to other types are mistakes.
        auto onlyFor = [&](const QString &member, bool allowed, const QString &types) {
            if (json.contains(member) && !allowed)
                problem(who + u": member '"_s + member + u"' only applies to "_s + types);
        };
        onlyFor(u"choices"_s, field.isSelect(), u"select_one and select_multiple"_s);
        onlyFor(u"choice_filter"_s, field.isSelect(), u"select_one and select_multiple"_s);
        onlyFor(u"fields"_s, field.isContainer(), u"group and repeat"_s);
        onlyFor(u"min"_s, field.type == FieldType::Repeat, u"repeat"_s);
        onlyFor(u"max"_s, field.type == FieldType::Repeat, u"repeat"_s);
        onlyFor(u"count"_s, field.type == FieldType::Repeat, u"repeat"_s);
        onlyFor(u"calculation"_s, field.type == FieldType::Calculate, u"calculate"_s);
        const bool answerable = field.isInput() || field.type == FieldType::Hidden;
        onlyFor(u"required"_s, answerable, u"fields a user answers and hidden fields"_s);
        onlyFor(u"constraint"_s, answerable, u"fields a user answers and hidden fields"_s);
        onlyFor(u"default"_s, field.holdsValue() && field.type != FieldType::Calculate,
                u"fields a user answers and hidden fields"_s);

        if (json.contains(u"label"))
            field.label = text(json.value(u"label"), who + u": label"_s);
        if (field.label.isEmpty() && (field.isInput() || field.type == FieldType::Note))
            problem(who + u": missing label"_s);
        if (json.contains(u"hint"))
            field.hint = text(json.value(u"hint"), who + u": hint"_s);
        if (json.contains(u"required_message"))
            field.requiredMessage = text(json.value(u"required_message"), who + u": required_message"_s);
        if (json.contains(u"constraint_message"))
            field.constraintMessage =
                text(json.value(u"constraint_message"), who + u": constraint_message"_s);

        if (const QJsonValue required = json.value(u"required"); !required.isUndefined()) {
            if (required.isBool() || required == u"yes"_s || required == u"no"_s) {
                if (required.toBool() || required == u"yes"_s)
                    field.required = *Expression::parse(u"true()");
            } else {
                field.required = expression(required, who, u"required"_s);
            }
        }
        if (json.contains(u"relevant"))
            field.relevant = expression(json.value(u"relevant"), who, u"relevant"_s);
        if (json.contains(u"constraint"))
            field.constraint = expression(json.value(u"constraint"), who, u"constraint"_s);
        if (json.contains(u"calculation"))
            field.calculation = expression(json.value(u"calculation"), who, u"calculation"_s);
        if (field.type == FieldType::Calculate && !field.calculation && !json.contains(u"calculation"))
            problem(who + u": missing calculation"_s);
        if (json.contains(u"choice_filter"))
            field.choiceFilter = expression(json.value(u"choice_filter"), who, u"choice_filter"_s, true);

        if (const QJsonValue readonly = json.value(u"readonly"); !readonly.isUndefined()) {
            if (!readonly.isBool())
                problem(who + u": member 'readonly' must be true or false"_s);
            field.readonly = readonly.toBool();
        }
        if (const QJsonValue save = json.value(u"save"); !save.isUndefined()) {
            if (!save.isBool())
                problem(who + u": member 'save' must be true or false"_s);
            else if (!field.holdsValue())
                problem(who + u": member 'save' only applies to fields that hold a value"_s);
            field.save = save.toBool(true);
        }
        if (const QJsonValue appearance = json.value(u"appearance"); !appearance.isUndefined()) {
            if (!appearance.isString())
                problem(who + u": member 'appearance' must be a string"_s);
            field.appearance = appearance.toString();
        }

        if (field.isSelect())
            loadFieldChoices(field, json.value(u"choices"), listFromType, who);

        if (field.isContainer()) {
            const QJsonValue fields = json.value(u"fields");
            if (!fields.isArray() || fields.toArray().isEmpty())
                problem(who + u": a "_s + typeName + u" needs a non-empty 'fields' array"_s);
            else
                field.fields = loadFields(fields.toArray(), location + u".fields"_s);
        }
        if (field.type == FieldType::Repeat) {
            if (json.contains(u"min"))
                field.minCount = count(json.value(u"min"), who, u"min"_s).value_or(0);
            if (json.contains(u"max"))
                field.maxCount = count(json.value(u"max"), who, u"max"_s);
            if (field.maxCount && *field.maxCount < field.minCount)
                problem(who + u": min "_s + QString::number(field.minCount) + u" is greater than max "_s +
                        QString::number(*field.maxCount));
            if (const QJsonValue countJson = json.value(u"count"); countJson.isDouble()) {
                if (const std::optional<int> fixed = count(countJson, who, u"count"_s))
                    field.count = *Expression::parse(QString::number(*fixed));
            } else if (!countJson.isUndefined()) {
                field.count = expression(countJson, who, u"count"_s);
            }
        }

        if (const QJsonValue value = json.value(u"default"); !value.isUndefined() && !value.isNull()) {
            const ValueProblem problemWithDefault = checkValue(field, value);
            if (problemWithDefault != ValueProblem::None)
                problem(who + u": default: "_s + valueProblemText(problemWithDefault));
            else
                field.defaultValue = value;
        }
        return field;
    }

    void loadFieldChoices(Field &field, const QJsonValue &choices, const QString &listFromType,
                          const QString &who)
    {
        if (!listFromType.isEmpty() && !choices.isUndefined()) {
            problem(who + u": the type names the choice list '"_s + listFromType +
                    u"' and 'choices' is given too"_s);
            return;
        }
        QString listName = listFromType;
        if (choices.isString())
            listName = choices.toString();
        if (!listName.isEmpty()) {
            field.choiceListName = listName;
            field.choices = m_data.choiceLists.value(listName);
            if (!field.choices)
                problem(who + u": unknown choice list '"_s + listName + u"'"_s);
            return;
        }
        if (choices.isUndefined()) {
            problem(who + u": missing choices"_s);
            return;
        }
        if (!choices.isArray()) {
            problem(who + u": member 'choices' must be a list of choices or the name of one"_s);
            return;
        }
        if (std::optional<ChoiceList> list = loadChoices(choices, who))
            field.choices = std::make_shared<const ChoiceList>(*std::move(list));
    }

    // ----- structure: indices, scopes, names

    void assign(std::vector<Field> &fields, int parent, int scope)
    {
        for (Field &field : fields) {
            field.index = static_cast<int>(m_data.all.size());
            field.parent = parent;
            field.scope = scope;
            m_data.all.push_back(&field);
            m_data.plan.scopes[std::size_t(scope)].fields.push_back(field.index);
            if (field.type == FieldType::Repeat) {
                const int inner = static_cast<int>(m_data.plan.scopes.size());
                FormScope innerScope;
                innerScope.repeat = field.index;
                innerScope.parent = scope;
                m_data.plan.scopes.push_back(std::move(innerScope));
                field.innerScope = inner;
                assign(field.fields, field.index, inner);
            } else if (field.type == FieldType::Group) {
                assign(field.fields, field.index, scope);
            }
        }
    }

    bool isAncestorOrSelf(int ancestor, int scope) const
    {
        for (int s = scope; s >= 0; s = m_data.plan.scopes[std::size_t(s)].parent) {
            if (s == ancestor)
                return true;
        }
        return false;
    }

    void index()
    {
        m_data.plan.scopes.push_back(FormScope{});
        assign(m_data.fields, -1, 0);
        auto &scopes = m_data.plan.scopes;

        // Names are unique within a scope (groups do not open one).
        std::vector<QHash<QString, int>> local(scopes.size());
        for (const Field *field : m_data.all) {
            QHash<QString, int> &names = local[std::size_t(field->scope)];
            if (field->name.isEmpty())
                continue; // already reported
            if (names.contains(field->name))
                problem(u"field '"_s + field->name + u"': duplicate name"_s);
            else
                names.insert(field->name, field->index);
            if (field->scope != 0 && field->name == u"guid")
                problem(u"field 'guid': the name is reserved inside a repeat (each instance has a guid)"_s);
            if (field->scope == 0 && field->name == u"members" && field->type != FieldType::Repeat)
                problem(u"field 'members': the name is reserved for the repeat of members"_s);
        }

        // What ${name} reaches from each scope: its own names and its ancestors' (innermost
        // first), then names of other scopes (a node-set) when only one scope has them.
        for (std::size_t s = 0; s < scopes.size(); ++s) {
            QHash<QString, int> visible;
            for (std::size_t t = 0; t < scopes.size(); ++t) {
                if (isAncestorOrSelf(int(t), int(s)))
                    continue;
                for (auto it = local[t].constBegin(); it != local[t].constEnd(); ++it)
                    visible.insert(it.key(), visible.contains(it.key()) ? -2 : it.value());
            }
            std::vector<int> chain;
            for (int a = int(s); a >= 0; a = scopes[std::size_t(a)].parent)
                chain.push_back(a);
            for (auto a = chain.rbegin(); a != chain.rend(); ++a) {
                for (auto it = local[std::size_t(*a)].constBegin(); it != local[std::size_t(*a)].constEnd();
                     ++it)
                    visible.insert(it.key(), it.value());
            }
            scopes[s].visible = std::move(visible);
        }
    }

    // ----- references

    struct NamedExpression {
        QString member;
        const std::optional<Expression> *expression;
        bool value; // read by relevance, calculation or count (orders evaluation)
    };

    static std::vector<NamedExpression> expressionsOf(const Field &field)
    {
        return {
            {u"relevant"_s, &field.relevant, true},
            {u"calculation"_s, &field.calculation, true},
            {u"count"_s, &field.count, true},
            {u"required"_s, &field.required, false},
            {u"constraint"_s, &field.constraint, false},
            {u"choice_filter"_s, &field.choiceFilter, false},
        };
    }

    void checkExpressions()
    {
        const std::size_t n = m_data.all.size();
        m_data.plan.valueReads.assign(n, {});
        m_data.plan.checkReads.assign(n, {});
        for (const Field *field : m_data.all) {
            const QString who = u"field '"_s + field->name + u"'"_s;
            const FormScope &scope = m_data.plan.scopes[std::size_t(field->scope)];
            for (const NamedExpression &named : expressionsOf(*field)) {
                if (!named.expression->has_value())
                    continue;
                const Expression &expression = **named.expression;
                std::vector<int> &reads = named.value ? m_data.plan.valueReads[std::size_t(field->index)]
                                                      : m_data.plan.checkReads[std::size_t(field->index)];
                for (const ExpressionName &reference : expression.references()) {
                    const QString where = who + u": "_s + named.member + u": at "_s +
                                          QString::number(reference.position) + u": "_s;
                    const int target = scope.visible.value(reference.name, -1);
                    if (target == -1) {
                        problem(where + u"unknown field '"_s + reference.name + u"'"_s);
                        continue;
                    }
                    if (target == -2) {
                        problem(where + u"'"_s + reference.name +
                                u"' is ambiguous: several repeats have a field of that name"_s);
                        continue;
                    }
                    if (m_data.all[std::size_t(target)]->type == FieldType::Group) {
                        problem(where + u"'"_s + reference.name + u"' is a group, which has no value"_s);
                        continue;
                    }
                    if (named.value || target != field->index) {
                        if (std::ranges::find(reads, target) == reads.end())
                            reads.push_back(target);
                    }
                }
                if (named.member == u"choice_filter")
                    checkColumns(*field, expression, who);
            }
            if (field->parent >= 0)
                m_data.plan.valueReads[std::size_t(field->index)].push_back(field->parent);
        }
    }

    void checkColumns(const Field &field, const Expression &filter, const QString &who)
    {
        if (!field.choices)
            return;
        QSet<QString> known{u"name"_s};
        for (const Choice &choice : *field.choices) {
            for (auto it = choice.columns.constBegin(); it != choice.columns.constEnd(); ++it)
                known.insert(it.key());
        }
        for (const ExpressionName &column : filter.columns()) {
            if (known.contains(column.name))
                continue;
            const QString list = field.choiceListName.isEmpty()
                                     ? u"the choices have"_s
                                     : u"choice list '"_s + field.choiceListName + u"' has"_s;
            problem(who + u": choice_filter: at "_s + QString::number(column.position) + u": "_s + list +
                    u" no column '"_s + column.name + u"'"_s);
        }
    }

    // ----- evaluation order

    void plan()
    {
        FormPlan &plan = m_data.plan;
        const std::size_t n = m_data.all.size();
        plan.valueReaders.assign(n, {});
        plan.checkReaders.assign(n, {});
        std::vector<int> pending(n, 0);
        for (std::size_t f = 0; f < n; ++f) {
            for (int read : plan.valueReads[f])
                plan.valueReaders[std::size_t(read)].push_back(int(f));
            for (int read : plan.checkReads[f])
                plan.checkReaders[std::size_t(read)].push_back(int(f));
            pending[f] = static_cast<int>(plan.valueReads[f].size());
        }
        // Kahn's algorithm, ties broken by document order.
        std::set<int> ready;
        for (std::size_t f = 0; f < n; ++f) {
            if (pending[f] == 0)
                ready.insert(int(f));
        }
        while (!ready.empty()) {
            const int next = *ready.begin();
            ready.erase(ready.begin());
            plan.order.push_back(next);
            for (int reader : plan.valueReaders[std::size_t(next)]) {
                if (--pending[std::size_t(reader)] == 0)
                    ready.insert(reader);
            }
        }
        if (plan.order.size() != n) {
            reportCycle(pending);
            return;
        }
        plan.orderPosition.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i)
            plan.orderPosition[std::size_t(plan.order[i])] = int(i);
    }

    void reportCycle(const std::vector<int> &pending)
    {
        // Every field left over reads another one left over: walk until a field repeats.
        int start = 0;
        while (pending[std::size_t(start)] == 0)
            ++start;
        std::vector<int> path;
        int current = start;
        while (std::ranges::find(path, current) == path.end()) {
            path.push_back(current);
            for (int read : m_data.plan.valueReads[std::size_t(current)]) {
                if (pending[std::size_t(read)] > 0) {
                    current = read;
                    break;
                }
            }
        }
        const auto cycleStart = std::ranges::find(path, current);
        QStringList names;
        for (auto it = cycleStart; it != path.end(); ++it)
            names.push_back(m_data.all[std::size_t(*it)]->name);
        names.push_back(m_data.all[std::size_t(current)]->name);
        problem(u"field '"_s + names.first() + u"': circular reference: "_s + names.join(u" -> "_s));
    }

    FormDefinition::Data &m_data;
    QStringList m_problems;
    QSet<QString> m_languages;
};

} // namespace

Result<FormDefinition> FormDefinition::fromJson(const QJsonObject &json)
{
    auto data = std::make_shared<Data>();
    data->source = json;
    Loader loader(*data);
    const QStringList problems = loader.load(json);
    if (!problems.isEmpty())
        return fail(ErrorCode::InvalidArgument, problems.join(u'\n'));
    return FormDefinition(std::move(data));
}

Result<FormDefinition> FormDefinition::fromFile(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound, name + u": cannot open: "_s + file.errorString());
    constexpr qsizetype maxFormBytes = qsizetype(16) << 20;
    Result<QJsonObject> json = parseJsonObject(file.readAll(), defaultJsonMaxDepth, maxFormBytes);
    if (!json)
        return fail(ErrorCode::InvalidArgument, name + u": "_s + json.error().message);
    Result<FormDefinition> form = fromJson(*json);
    if (!form)
        return fail(form.error().code, name + u": "_s + form.error().message);
    return form;
}

const QString &FormDefinition::id() const
{
    return m_data->id;
}

const QString &FormDefinition::version() const
{
    return m_data->version;
}

const LocalizedText &FormDefinition::title() const
{
    return m_data->title;
}

const QString &FormDefinition::eventType() const
{
    return m_data->eventType;
}

const QString &FormDefinition::defaultLanguage() const
{
    return m_data->defaultLanguage;
}

const QStringList &FormDefinition::languages() const
{
    return m_data->languages;
}

const QJsonObject &FormDefinition::source() const
{
    return m_data->source;
}

const std::vector<Field> &FormDefinition::fields() const
{
    return m_data->fields;
}

const std::vector<const Field *> &FormDefinition::allFields() const
{
    return m_data->all;
}

const Field *FormDefinition::field(QStringView path) const
{
    int scope = 0;
    const Field *found = nullptr;
    for (QStringView part : path.split(u'.')) {
        if (const qsizetype bracket = part.indexOf(u'['); bracket >= 0)
            part = part.first(bracket);
        if (found) {
            if (found->type != FieldType::Repeat)
                return nullptr;
            scope = found->innerScope;
        }
        const FormScope &formScope = m_data->plan.scopes[std::size_t(scope)];
        found = nullptr;
        for (int index : formScope.fields) {
            if (m_data->all[std::size_t(index)]->name == part) {
                found = m_data->all[std::size_t(index)];
                break;
            }
        }
        if (!found)
            return nullptr;
    }
    return found;
}

std::shared_ptr<const ChoiceList> FormDefinition::choiceList(const QString &name) const
{
    return m_data->choiceLists.value(name);
}

const FormPlan &FormDefinition::plan() const
{
    return m_data->plan;
}

namespace {

void writeData(const std::vector<Field> &fields, const FormValues &values, QJsonObject &out)
{
    for (const Field &field : fields) {
        if (field.type == FieldType::Group) {
            writeData(field.fields, values, out);
            continue;
        }
        if (field.type == FieldType::Repeat) {
            const auto instances = values.repeats.constFind(field.name);
            if (instances == values.repeats.constEnd())
                continue;
            QJsonArray entries;
            for (const FormValues &instance : *instances) {
                QJsonObject entry;
                if (!instance.guid.isEmpty())
                    entry.insert(u"guid"_s, instance.guid);
                writeData(field.fields, instance, entry);
                entries.push_back(entry);
            }
            out.insert(field.name, entries);
            continue;
        }
        if (!field.holdsValue() || !field.save)
            continue;
        const auto value = values.values.constFind(field.name);
        if (value == values.values.constEnd())
            continue;
        if (isEmptyValue(*value)) {
            if (field.type != FieldType::Calculate)
                out.insert(field.name, QJsonValue::Null);
            continue;
        }
        out.insert(field.name, dataValue(field, *value));
    }
}

void readData(const std::vector<Field> &fields, const QJsonObject &data, FormValues &values)
{
    for (const Field &field : fields) {
        if (field.type == FieldType::Group) {
            readData(field.fields, data, values);
            continue;
        }
        const auto member = data.constFind(field.name);
        if (member == data.constEnd())
            continue;
        if (field.type == FieldType::Repeat) {
            std::vector<FormValues> instances;
            const QJsonArray entries = member->toArray();
            for (const QJsonValue &entry : entries) {
                const QJsonObject object = entry.toObject();
                FormValues instance;
                instance.guid = object.value(u"guid").toString();
                readData(field.fields, object, instance);
                instances.push_back(std::move(instance));
            }
            values.repeats.insert(field.name, std::move(instances));
            continue;
        }
        if (field.holdsValue() && field.type != FieldType::Calculate)
            values.values.insert(field.name, *member);
    }
}

} // namespace

QJsonObject FormDefinition::toEventData(const FormValues &values) const
{
    QJsonObject data;
    writeData(m_data->fields, values, data);
    return data;
}

FormValues FormDefinition::valuesFromData(const QJsonObject &data) const
{
    FormValues values;
    readData(m_data->fields, data, values);
    return values;
}

QJsonObject FormDefinition::metadataFor() const
{
    return QJsonObject{{u"formId"_s, m_data->id}, {u"formVersion"_s, m_data->version}};
}

Result<std::vector<FormDefinition>> loadFormsFrom(const QString &dir)
{
    const QDir directory(dir);
    if (!directory.exists())
        return fail(ErrorCode::NotFound, u"no form directory "_s + dir);
    std::vector<FormDefinition> forms;
    QHash<QString, QString> files; // form id -> file name
    const QStringList names = directory.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        Result<FormDefinition> form = FormDefinition::fromFile(directory.filePath(name));
        if (!form)
            return std::unexpected(form.error());
        if (files.contains(form->id()))
            return fail(ErrorCode::Conflict, name + u": the form id '"_s + form->id() +
                                                 u"' is also the id of "_s + files.value(form->id()));
        files.insert(form->id(), name);
        forms.push_back(*std::move(form));
    }
    return forms;
}

} // namespace fieldledger::core
