#include "core/events/jsonreader.h"
#include "core/forms/formdefinition.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

const QString defaultFormsDir = QStringLiteral(FIELDLEDGER_TEST_DATA "/../../resources/forms");

template<typename T>
QByteArray messageOf(const Result<T> &result)
{
    return result.has_value() ? QByteArray("(no error)") : result.error().message.toUtf8();
}

// A whole form around `fields` (and form-level `choices`), as JSON text.
QByteArray formText(const QByteArray &fields, const QByteArray &choices = {})
{
    QByteArray text = R"({"id": "test", "version": "1", "eventType": "create-group",
                          "title": {"en": "Test", "fr": "Essai"}, )";
    if (!choices.isEmpty())
        text += R"("choices": )" + choices + ", ";
    return text + R"("fields": )" + fields + "}";
}

QJsonObject parse(const QByteArray &text)
{
    Result<QJsonObject> json = parseJsonObject(text);
    if (!json)
        qFatal("test JSON does not parse: %s", qPrintable(json.error().message));
    return *json;
}

const QByteArray sampleForm = R"json({
  "id": "sample", "version": "2.1", "eventType": "create-group",
  "title": {"en": "Sample", "fr": "Exemple"},
  "choices": {
    "sex": [{"name": "f", "label": {"en": "Female", "fr": "Féminin"}},
            {"name": "m", "label": {"en": "Male", "fr": "Masculin"}}],
    "villages": [{"name": "kalo", "label": "Kalo", "district": "d1", "population": 1200},
                 {"name": "soli", "label": "Soli", "district": "d2"}]
  },
  "fields": [
    {"type": "text", "name": "name", "label": {"en": "Name", "fr": "Nom"}, "hint": "Family name",
     "required": true, "appearance": "multiline"},
    {"type": "group", "name": "where", "label": "Where", "fields": [
      {"type": "select_one villages", "name": "village", "label": "Village"},
      {"type": "geopoint", "name": "gps", "label": "GPS", "readonly": true}]},
    {"type": "select_multiple", "name": "flags", "label": "Flags", "default": "a",
     "choices": [{"name": "a", "label": "A"}, {"name": "b", "label": "B"}]},
    {"type": "repeat", "name": "members", "label": "Members", "min": 1, "max": 5, "fields": [
      {"type": "text", "name": "name", "label": "Name"},
      {"type": "select_one", "name": "sex", "label": "Sex", "choices": "sex", "required": "${name} != ''"},
      {"type": "integer", "name": "age", "label": "Age", "constraint": ". >= 0",
       "constraint_message": {"en": "Too young", "fr": "Trop jeune"}},
      {"type": "calculate", "name": "helper", "calculation": "${age} * 2", "save": false}]},
    {"type": "calculate", "name": "adults", "calculation": "count(${age}[. >= 18])"},
    {"type": "note", "name": "hello", "label": "Hello", "relevant": "${adults} > 0"}
  ]
})json";

FormDefinition sample()
{
    Result<FormDefinition> form = FormDefinition::fromJson(parse(sampleForm));
    if (!form)
        qFatal("sample form does not load: %s", qPrintable(form.error().message));
    return *form;
}

QStringList names(const std::vector<const Field *> &fields)
{
    QStringList result;
    for (const Field *field : fields)
        result.push_back(field->name);
    return result;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestFormDefinition final : public QObject {
    Q_OBJECT
private slots:
    void fromJson_validForm_readsEveryMember()
    {
        const FormDefinition form = sample();
        QCOMPARE(form.id(), u"sample"_s);
        QCOMPARE(form.version(), u"2.1"_s);
        QCOMPARE(form.eventType(), u"create-group"_s);
        QCOMPARE(form.title().text(u"fr"_s), u"Exemple"_s);
        QCOMPARE(form.defaultLanguage(), u"en"_s); // implicit: English is present
        QCOMPARE(form.languages(), (QStringList{u"en"_s, u"fr"_s}));
        QCOMPARE(form.metadataFor(), (QJsonObject{{u"formId"_s, u"sample"_s}, {u"formVersion"_s, u"2.1"_s}}));

        QCOMPARE(form.fields().size(), std::size_t(6));
        QCOMPARE(names(form.allFields()),
                 (QStringList{u"name"_s, u"where"_s, u"village"_s, u"gps"_s, u"flags"_s, u"members"_s,
                              u"name"_s, u"sex"_s, u"age"_s, u"helper"_s, u"adults"_s, u"hello"_s}));

        const Field *name = form.field(u"name");
        QVERIFY(name);
        QCOMPARE(name->index, 0); // the form's name, not the member's
        QCOMPARE(name->label.text(u"fr"_s), u"Nom"_s);
        QCOMPARE(name->hint.text(u"fr"_s), u"Family name"_s); // a plain string serves every language
        QVERIFY(name->required.has_value());
        QCOMPARE(name->appearance, u"multiline"_s);

        const Field *village = form.field(u"village"); // inside a group, named without it
        QVERIFY(village);
        QCOMPARE(village->type, FieldType::SelectOne);
        QCOMPARE(village->parent, form.field(u"where")->index);
        QCOMPARE(village->scope, 0);
        QCOMPARE(village->choiceListName, u"villages"_s);
        QCOMPARE(village->choices, form.choiceList(u"villages"_s)); // shared, not copied
        QCOMPARE(village->choices->at(0).column(u"district"_s), u"d1"_s);
        QCOMPARE(village->choices->at(0).column(u"population"_s), u"1200"_s);
        QCOMPARE(village->choices->at(0).column(u"name"_s), u"kalo"_s);
        QVERIFY(form.field(u"gps")->readonly);
        QCOMPARE(form.field(u"flags")->choices->size(), std::size_t(2));
        QCOMPARE(form.field(u"flags")->defaultValue, QJsonValue(u"a"_s));

        const Field *members = form.field(u"members");
        QCOMPARE(members->type, FieldType::Repeat);
        QCOMPARE(members->minCount, 1);
        QCOMPARE(members->maxCount, std::optional<int>(5));
        QCOMPARE(members->innerScope, 1);
        const Field *sex = form.field(u"members[3].sex");
        QVERIFY(sex);
        QCOMPARE(sex->scope, 1);
        QCOMPARE(sex->parent, members->index);
        QCOMPARE(sex->required->dependencies(), QStringList{u"name"_s});
        QCOMPARE(form.field(u"members.age")->constraintMessage.text(u"fr"_s), u"Trop jeune"_s);
        QVERIFY(!form.field(u"members.helper")->save);
        QVERIFY(form.field(u"members.nothing") == nullptr);
        QVERIFY(form.field(u"village.x") == nullptr); // not a repeat
        QVERIFY(form.field(u"age") == nullptr);       // inside the repeat

        // The evaluation order puts readers after what they read.
        const FormPlan &plan = form.plan();
        QCOMPARE(plan.scopes.size(), std::size_t(2));
        const int age = form.field(u"members.age")->index;
        const int adults = form.field(u"adults")->index;
        const int hello = form.field(u"hello")->index;
        QVERIFY(plan.orderPosition[std::size_t(age)] < plan.orderPosition[std::size_t(adults)]);
        QVERIFY(plan.orderPosition[std::size_t(adults)] < plan.orderPosition[std::size_t(hello)]);
        QVERIFY(plan.orderPosition[std::size_t(members->index)] < plan.orderPosition[std::size_t(age)]);
        QCOMPARE(plan.valueReaders[std::size_t(age)],
                 (std::vector<int>{form.field(u"members.helper")->index, adults}));
        QCOMPARE(plan.checkReaders[std::size_t(form.field(u"members.name")->index)],
                 std::vector<int>{sex->index});
    }

    void fromJson_sameNameInARepeat_isAllowed()
    {
        // "name" at the top and in the repeat: different scopes.
        QVERIFY(sample().field(u"members.name") != sample().field(u"name"));
    }

    void fromJson_invalidForm_reportsTheProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");

        const QByteArray textA = R"({"type": "text", "name": "a", "label": "A"})";
        QTest::newRow("unknown type") << formText(R"([{"type": "txt", "name": "a", "label": "A"}])")
                                      << u"field 'a': unknown type 'txt'"_s;
        QTest::newRow("type with a list on a non-select")
            << formText(R"([{"type": "text sex", "name": "a", "label": "A"}])")
            << u"field 'a': unknown type 'text sex'"_s;
        QTest::newRow("missing type")
            << formText(R"([{"name": "a", "label": "A"}])") << u"field 'a': missing type"_s;
        QTest::newRow("duplicate name")
            << formText("[" + textA + ", " + textA + "]") << u"field 'a': duplicate name"_s;
        QTest::newRow("duplicate name across a group")
            << formText("[" + textA + R"(, {"type": "group", "name": "g", "fields": [
                  {"type": "integer", "name": "a", "label": "A"}]}])")
            << u"field 'a': duplicate name"_s;
        QTest::newRow("duplicate name in a repeat")
            << formText(R"([{"type": "repeat", "name": "r", "fields": [)" + textA + ", " + textA + "]}]")
            << u"field 'a': duplicate name"_s;
        QTest::newRow("missing name")
            << formText(R"([{"type": "text", "label": "A"}])") << u"fields[0]: missing name"_s;
        QTest::newRow("missing name in a group")
            << formText(R"([{"type": "group", "name": "g", "fields": [)" + textA +
                        R"(, {"type": "text", "label": "B"}]}])")
            << u"fields[0].fields[1]: missing name"_s;
        QTest::newRow("invalid name")
            << formText(R"([{"type": "text", "name": "1a", "label": "A"}])")
            << u"fields[0]: invalid name '1a': a name must match ^[A-Za-z_][A-Za-z0-9_]*$"_s;
        QTest::newRow("name not a string") << formText(R"([{"type": "text", "name": 5, "label": "A"}])")
                                           << u"fields[0]: invalid name (not a string): a name must match "
                                              u"^[A-Za-z_][A-Za-z0-9_]*$"_s;
        QTest::newRow("missing label")
            << formText(R"([{"type": "text", "name": "a"}])") << u"field 'a': missing label"_s;
        QTest::newRow("note without label")
            << formText(R"([{"type": "note", "name": "n"}])") << u"field 'n': missing label"_s;
        QTest::newRow("label of the wrong type")
            << formText(R"([{"type": "text", "name": "a", "label": 5}])")
            << u"field 'a': label: not a string or an object of texts by language\nfield 'a': missing label"_s;
        QTest::newRow("label text not a string")
            << formText(R"([{"type": "text", "name": "a", "label": {"en": "A", "fr": 1}}])")
            << u"field 'a': label: the 'fr' text is not a string\nfield 'a': missing label"_s;
        QTest::newRow("unknown member")
            << formText(R"([{"type": "text", "name": "a", "label": "A", "lable": "A"}])")
            << u"field 'a': unknown member 'lable'"_s;
        QTest::newRow("select without choices")
            << formText(R"([{"type": "select_one", "name": "s", "label": "S"}])")
            << u"field 's': missing choices"_s;
        QTest::newRow("unknown choice list")
            << formText(R"([{"type": "select_one", "name": "s", "label": "S", "choices": "nope"}])")
            << u"field 's': unknown choice list 'nope'"_s;
        QTest::newRow("list named twice")
            << formText(R"([{"type": "select_one l", "name": "s", "label": "S", "choices": "l"}])",
                        R"({"l": [{"name": "x", "label": "X"}]})")
            << u"field 's': the type names the choice list 'l' and 'choices' is given too"_s;
        QTest::newRow("empty inline choices")
            << formText(R"([{"type": "select_multiple", "name": "s", "label": "S", "choices": []}])")
            << u"field 's': choices must be a non-empty array"_s;
        QTest::newRow("duplicate choice")
            << formText(R"([{"type": "select_one", "name": "s", "label": "S", "choices": "l"}])",
                        R"({"l": [{"name": "x", "label": "X"}, {"name": "x", "label": "Y"}]})")
            << u"choice list 'l': duplicate choice 'x'"_s;
        QTest::newRow("choice without name")
            << formText(R"([{"type": "select_one", "name": "s", "label": "S", "choices": "l"}])",
                        R"({"l": [{"name": "x", "label": "X"}, {"label": "Y"}]})")
            << u"choice list 'l': choice 1: missing name"_s;
        QTest::newRow("choice name with a space")
            << formText(R"([{"type": "select_one", "name": "s", "label": "S", "choices": "l"}])",
                        R"({"l": [{"name": "a b", "label": "X"}]})")
            << u"choice list 'l': choice 0: the name must be a non-empty string without spaces"_s;
        QTest::newRow("choice without label")
            << formText(R"([{"type": "select_one", "name": "s", "label": "S", "choices": "l"}])",
                        R"({"l": [{"name": "x"}]})")
            << u"choice list 'l': choice 'x': missing label"_s;
        QTest::newRow("inline choice without label")
            << formText(R"([{"type": "select_one", "name": "s", "label": "S", "choices": [{"name": "x"}]}])")
            << u"field 's': choice 'x': missing label"_s;
        QTest::newRow("bad reference")
            << formText("[" + textA + R"(, {"type": "text", "name": "b", "label": "B",
                                            "relevant": "${a} = 'x' or ${nope} = 1"}])")
            << u"field 'b': relevant: at 14: unknown field 'nope'"_s;
        QTest::newRow("bad reference in a calculation")
            << formText(R"([{"type": "calculate", "name": "c", "calculation": "${x} + 1"}])")
            << u"field 'c': calculation: at 0: unknown field 'x'"_s;
        QTest::newRow("reference to a group")
            << formText(R"([{"type": "group", "name": "g", "fields": [)" + textA +
                        R"(]}, {"type": "text", "name": "b", "label": "B", "relevant": "${g} = ''"}])")
            << u"field 'b': relevant: at 0: 'g' is a group, which has no value"_s;
        QTest::newRow("ambiguous reference")
            << formText(
                   R"json([{"type": "repeat", "name": "r1", "fields": [{"type": "integer", "name": "x", "label": "X"}]},
                            {"type": "repeat", "name": "r2", "fields": [{"type": "integer", "name": "x", "label": "X"}]},
                            {"type": "calculate", "name": "s", "calculation": "sum(${x})"}])json")
            << u"field 's': calculation: at 4: 'x' is ambiguous: several repeats have a field of that name"_s;
        QTest::newRow("bad expression")
            << formText(
                   R"([{"type": "integer", "name": "age", "label": "Age", "constraint": ". >= 0 and . >="}])")
            << u"field 'age': constraint: at 15: expected an operand after '>='"_s;
        QTest::newRow("bad required expression")
            << formText("[" + textA +
                        R"(, {"type": "text", "name": "b", "label": "B", "required": "${a} = "}])")
            << u"field 'b': required: at 7: expected an operand after '='"_s;
        QTest::newRow("expression not a string")
            << formText(R"([{"type": "text", "name": "a", "label": "A", "relevant": true}])")
            << u"field 'a': member 'relevant' must be an expression string"_s;
        QTest::newRow("bare name outside a choice filter")
            << formText(R"([{"type": "integer", "name": "a", "label": "A", "constraint": "a > 1"}])")
            << u"field 'a': constraint: at 0: unexpected name 'a' (a field is written ${a})"_s;
        QTest::newRow("unknown choice column")
            << formText(R"([{"type": "select_one", "name": "d", "label": "D", "choices": "districts"},
                            {"type": "select_one", "name": "v", "label": "V", "choices": "villages",
                             "choice_filter": "distrct = ${d}"}])",
                        R"({"districts": [{"name": "d1", "label": "D1"}],
                            "villages": [{"name": "v1", "label": "V1", "district": "d1"}]})")
            << u"field 'v': choice_filter: at 0: choice list 'villages' has no column 'distrct'"_s;
        QTest::newRow("circular calculations")
            << formText(R"([{"type": "calculate", "name": "c1", "calculation": "${c2} + 1"},
                            {"type": "calculate", "name": "c2", "calculation": "${c1} + 1"}])")
            << u"field 'c1': circular reference: c1 -> c2 -> c1"_s;
        QTest::newRow("relevance reading itself")
            << formText(R"([{"type": "text", "name": "a", "label": "A", "relevant": "${a} != ''"}])")
            << u"field 'a': circular reference: a -> a"_s;
        QTest::newRow("relevance loop through a group")
            << formText(R"([{"type": "group", "name": "g", "relevant": "${a} = ''", "fields": [)" + textA +
                        "]}]")
            << u"field 'g': circular reference: g -> a -> g"_s;
        QTest::newRow("choices on a text")
            << formText(R"([{"type": "text", "name": "a", "label": "A", "choices": "x"}])")
            << u"field 'a': member 'choices' only applies to select_one and select_multiple"_s;
        QTest::newRow("calculation on an input")
            << formText(R"([{"type": "integer", "name": "a", "label": "A", "calculation": "1"}])")
            << u"field 'a': member 'calculation' only applies to calculate"_s;
        QTest::newRow("required on a note")
            << formText(R"([{"type": "note", "name": "n", "label": "N", "required": true}])")
            << u"field 'n': member 'required' only applies to fields a user answers and hidden fields"_s;
        QTest::newRow("min on a group")
            << formText(R"([{"type": "group", "name": "g", "min": 1, "fields": [)" + textA + "]}]")
            << u"field 'g': member 'min' only applies to repeat"_s;
        QTest::newRow("empty group") << formText(R"([{"type": "group", "name": "g", "fields": []}])")
                                     << u"field 'g': a group needs a non-empty 'fields' array"_s;
        QTest::newRow("repeat without fields") << formText(R"([{"type": "repeat", "name": "r"}])")
                                               << u"field 'r': a repeat needs a non-empty 'fields' array"_s;
        QTest::newRow("calculate without calculation")
            << formText(R"([{"type": "calculate", "name": "c"}])") << u"field 'c': missing calculation"_s;
        QTest::newRow("min above max")
            << formText(R"([{"type": "repeat", "name": "r", "min": 3, "max": 2, "fields": [)" + textA + "]}]")
            << u"field 'r': min 3 is greater than max 2"_s;
        QTest::newRow("negative max")
            << formText(R"([{"type": "repeat", "name": "r", "max": -1, "fields": [)" + textA + "]}]")
            << u"field 'r': member 'max' must be a whole number from 0 to 100000"_s;
        QTest::newRow("bad count expression")
            << formText(R"([{"type": "repeat", "name": "r", "count": "${n} +", "fields": [)" + textA + "]}]")
            << u"field 'r': count: at 6: expected an operand after '+'"_s;
        QTest::newRow("integer default not an integer")
            << formText(R"([{"type": "integer", "name": "n", "label": "N", "default": "abc"}])")
            << u"field 'n': default: not an integer"_s;
        QTest::newRow("date default not a date")
            << formText(R"([{"type": "date", "name": "d", "label": "D", "default": "2026-02-30"}])")
            << u"field 'd': default: not a date (YYYY-MM-DD)"_s;
        QTest::newRow("select default not a choice")
            << formText(R"([{"type": "select_one", "name": "s", "label": "S", "default": "z",
                             "choices": [{"name": "x", "label": "X"}]}])")
            << u"field 's': default: not one of the choices"_s;
        QTest::newRow("readonly not a boolean")
            << formText(R"([{"type": "text", "name": "a", "label": "A", "readonly": "yes"}])")
            << u"field 'a': member 'readonly' must be true or false"_s;
        QTest::newRow("save on a group")
            << formText(R"([{"type": "group", "name": "g", "save": false, "fields": [)" + textA + "]}]")
            << u"field 'g': member 'save' only applies to fields that hold a value"_s;
        QTest::newRow("guid inside a repeat")
            << formText(
                   R"([{"type": "repeat", "name": "r", "fields": [{"type": "text", "name": "guid", "label": "G"}]}])")
            << u"field 'guid': the name is reserved inside a repeat (each instance has a guid)"_s;
        QTest::newRow("members that is not a repeat")
            << formText(R"([{"type": "text", "name": "members", "label": "M"}])")
            << u"field 'members': the name is reserved for the repeat of members"_s;
        QTest::newRow("field not an object")
            << formText(R"([5])") << u"fields[0]: a field must be an object"_s;

        // The form's own members
        QTest::newRow("missing id") << QByteArray(
                                           R"({"version": "1", "eventType": "create-group", "title": "T",
                                                      "fields": [)" +
                                           textA + "]}")
                                    << u"missing member 'id'"_s;
        QTest::newRow("bad id")
            << QByteArray(R"({"id": "a b", "version": "1", "eventType": "create-group", "title": "T",
                                                  "fields": [)" +
                          textA + "]}")
            << u"member 'id': 'a b' must be letters, digits, '_', '.' and '-'"_s;
        QTest::newRow("version a number")
            << QByteArray(R"({"id": "f", "version": 1, "eventType": "create-group",
                                                            "title": "T", "fields": [)" +
                          textA + "]}")
            << u"member 'version' must be a non-empty string"_s;
        QTest::newRow("missing event type") << QByteArray(R"({"id": "f", "version": "1", "title": "T",
                                                              "fields": [)" +
                                                          textA + "]}")
                                            << u"missing member 'eventType'"_s;
        QTest::newRow("bad event type")
            << QByteArray(
                   R"({"id": "f", "version": "1", "eventType": "CreateGroup", "title": "T", "fields": [)" +
                   textA + "]}")
            << u"member 'eventType': 'CreateGroup' is not an event type (lower-case words joined by '-')"_s;
        QTest::newRow("missing title")
            << QByteArray(R"({"id": "f", "version": "1", "eventType": "create-group",
                                                         "fields": [)" +
                          textA + "]}")
            << u"missing member 'title'"_s;
        QTest::newRow("missing fields")
            << QByteArray(R"({"id": "f", "version": "1", "eventType": "create-group",
                                                          "title": "T"})")
            << u"missing member 'fields'"_s;
        QTest::newRow("empty fields")
            << QByteArray(R"({"id": "f", "version": "1", "eventType": "create-group",
                                                        "title": "T", "fields": []})")
            << u"member 'fields' must be a non-empty array"_s;
        QTest::newRow("unknown form member")
            << QByteArray(R"({"id": "f", "version": "1", "eventType": "create-group",
                                                               "title": "T", "titel": "T", "fields": [)" +
                          textA + "]}")
            << u"unknown member 'titel'"_s;
        QTest::newRow("default language without texts")
            << QByteArray(R"({"id": "f", "version": "1", "eventType": "create-group", "defaultLanguage": "de",
                              "title": {"en": "T", "fr": "T"}, "fields": [)" +
                          textA + "]}")
            << u"member 'defaultLanguage': no text is in 'de'"_s;
    }

    void fromJson_invalidForm_reportsTheProblem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const Result<FormDefinition> form = FormDefinition::fromJson(parse(json));
        QVERIFY2(!form.has_value(), "the form loaded");
        QCOMPARE(form.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(form.error().message, expected);
    }

    void fromJson_severalProblems_reportsEachOnItsOwnLine()
    {
        const Result<FormDefinition> form = FormDefinition::fromJson(parse(formText(R"([
            {"type": "txt", "name": "a", "label": "A"},
            {"type": "integer", "name": "b"},
            {"type": "integer", "name": "c", "label": "C", "constraint": ". >"},
            {"type": "text", "name": "d", "label": "D", "relevant": "${zz} = 1"}])")));
        QVERIFY(!form.has_value());
        QCOMPARE(form.error().message.split(u'\n'),
                 (QStringList{u"field 'a': unknown type 'txt'"_s, u"field 'b': missing label"_s,
                              u"field 'c': constraint: at 3: expected an operand after '>'"_s,
                              u"field 'd': relevant: at 0: unknown field 'zz'"_s}));
    }

    void fromJson_xlsformConveniences_areAccepted()
    {
        const Result<FormDefinition> form =
            FormDefinition::fromJson(parse(formText(R"([
            {"type": "select_one yn", "name": "a", "label": "A", "required": "yes"},
            {"type": "select_multiple yn", "name": "b", "label": "B", "required": "no"},
            {"type": "integer", "name": "c", "label": "C", "required": false, "relevant": ""}])",
                                                    R"({"yn": [{"name": "y", "label": "Y"},
                                                   {"name": 1, "label": "One"}]})")));
        QVERIFY2(form.has_value(), messageOf(form).constData());
        QVERIFY(form->field(u"a")->required.has_value());
        QVERIFY(!form->field(u"b")->required.has_value());
        QVERIFY(!form->field(u"c")->required.has_value());
        QVERIFY(!form->field(u"c")->relevant.has_value()); // an empty expression is no expression
        QCOMPARE(form->field(u"b")->choiceListName, u"yn"_s);
        QCOMPARE(form->field(u"b")->choices->at(1).name, u"1"_s); // numeric names become text
    }

    void localizedText_fallsBackInOrder()
    {
        const LocalizedText text =
            *LocalizedText::fromJson(QJsonObject{{u"fr"_s, u"Nom"_s}, {u"en"_s, u"Name"_s}});
        QCOMPARE(text.text(u"fr"_s), u"Nom"_s);
        QCOMPARE(text.text(u"pt"_s, u"en"_s), u"Name"_s);
        QCOMPARE(text.text(u"pt"_s), u"Name"_s); // first language in code order
        QCOMPARE(text.languages(), (QStringList{u"en"_s, u"fr"_s}));
        const LocalizedText plain(u"Kalo"_s);
        QCOMPARE(plain.text(u"fr"_s, u"en"_s), u"Kalo"_s);
        QVERIFY(plain.languages().isEmpty());
        QVERIFY(LocalizedText().text(u"en"_s).isEmpty());
        QVERIFY(!LocalizedText::fromJson(QJsonArray{}).has_value());
    }

    void checkValue_typeChecks_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("problem"); // ValueProblem

        const int none = int(ValueProblem::None);
        QTest::newRow("integer text") << u"integer"_s << QJsonValue(u" -12 "_s) << none;
        QTest::newRow("integer number") << u"integer"_s << QJsonValue(12.0) << none;
        QTest::newRow("integer with a fraction")
            << u"integer"_s << QJsonValue(u"1.5"_s) << int(ValueProblem::NotInteger);
        QTest::newRow("integer fraction number")
            << u"integer"_s << QJsonValue(1.5) << int(ValueProblem::NotInteger);
        QTest::newRow("integer letters")
            << u"integer"_s << QJsonValue(u"12a"_s) << int(ValueProblem::NotInteger);
        QTest::newRow("integer boolean") << u"integer"_s << QJsonValue(true) << int(ValueProblem::NotInteger);
        QTest::newRow("decimal") << u"decimal"_s << QJsonValue(u"3.50"_s) << none;
        QTest::newRow("decimal with plus") << u"decimal"_s << QJsonValue(u"+3"_s) << none;
        QTest::newRow("decimal exponent")
            << u"decimal"_s << QJsonValue(u"1e3"_s) << int(ValueProblem::NotNumber);
        QTest::newRow("decimal comma")
            << u"decimal"_s << QJsonValue(u"1,5"_s) << int(ValueProblem::NotNumber);
        QTest::newRow("date") << u"date"_s << QJsonValue(u"2024-02-29"_s) << none;
        QTest::newRow("date not in a leap year")
            << u"date"_s << QJsonValue(u"2026-02-29"_s) << int(ValueProblem::NotDate);
        QTest::newRow("date with time")
            << u"date"_s << QJsonValue(u"2026-01-01T00:00"_s) << int(ValueProblem::NotDate);
        QTest::newRow("date short") << u"date"_s << QJsonValue(u"2026-1-1"_s) << int(ValueProblem::NotDate);
        QTest::newRow("select_one") << u"select_one"_s << QJsonValue(u"b"_s) << none;
        QTest::newRow("select_one unknown")
            << u"select_one"_s << QJsonValue(u"z"_s) << int(ValueProblem::NotChoice);
        QTest::newRow("select_multiple text") << u"select_multiple"_s << QJsonValue(u"a  b"_s) << none;
        QTest::newRow("select_multiple array")
            << u"select_multiple"_s << QJsonValue(QJsonArray{u"a"_s}) << none;
        QTest::newRow("select_multiple unknown")
            << u"select_multiple"_s << QJsonValue(QJsonArray{u"a"_s, u"z"_s}) << int(ValueProblem::NotChoice);
        QTest::newRow("geopoint text") << u"geopoint"_s << QJsonValue(u"12.5 -7.25 300 5"_s) << none;
        QTest::newRow("geopoint object")
            << u"geopoint"_s << QJsonValue(QJsonObject{{u"latitude"_s, -90}, {u"longitude"_s, 180}}) << none;
        QTest::newRow("geopoint latitude beyond 90")
            << u"geopoint"_s << QJsonValue(QJsonObject{{u"latitude"_s, 90.5}, {u"longitude"_s, 0}})
            << int(ValueProblem::GeopointOutOfRange);
        QTest::newRow("geopoint longitude beyond -180")
            << u"geopoint"_s << QJsonValue(u"0 -180.01"_s) << int(ValueProblem::GeopointOutOfRange);
        QTest::newRow("geopoint one number")
            << u"geopoint"_s << QJsonValue(u"12"_s) << int(ValueProblem::NotGeopoint);
        QTest::newRow("geopoint extra member")
            << u"geopoint"_s << QJsonValue(QJsonObject{{u"latitude"_s, 1}, {u"longitude"_s, 2}, {u"x"_s, 3}})
            << int(ValueProblem::NotGeopoint);
        QTest::newRow("text number") << u"text"_s << QJsonValue(12) << none;
        QTest::newRow("text object") << u"text"_s << QJsonValue(QJsonObject{}) << int(ValueProblem::NotText);
        QTest::newRow("empty is not checked") << u"integer"_s << QJsonValue(u""_s) << none;
    }

    void checkValue_typeChecks()
    {
        QFETCH(QString, type);
        QFETCH(QJsonValue, value);
        QFETCH(int, problem);
        Field field;
        field.type = *fieldTypeFromName(type);
        field.choices = std::make_shared<const ChoiceList>(
            ChoiceList{Choice{u"a"_s, LocalizedText(u"A"_s), {}}, Choice{u"b"_s, LocalizedText(u"B"_s), {}}});
        QCOMPARE(int(checkValue(field, value)), problem);
    }

    void toEventData_mapsTypesFlattensGroupsAndKeepsRepeatGuids()
    {
        const FormDefinition form = sample();
        FormValues values;
        values.values.insert(u"name"_s, u"Household 1"_s);
        values.values.insert(u"village"_s, u"kalo"_s);
        values.values.insert(u"gps"_s, u"12.5 -7.25"_s);
        values.values.insert(u"flags"_s, u"a b"_s);
        values.values.insert(u"adults"_s, 1.0);
        values.values.insert(u"hello"_s, u"ignored: a note"_s);
        FormValues ana;
        ana.guid = u"p-1"_s;
        ana.values.insert(u"name"_s, u"Ana"_s);
        ana.values.insert(u"age"_s, u"34"_s);
        ana.values.insert(u"sex"_s, u"f"_s);
        ana.values.insert(u"helper"_s, 68.0); // save: false
        FormValues ben;
        ben.guid = u"p-2"_s;
        ben.values.insert(u"name"_s, u"Ben"_s);
        ben.values.insert(u"age"_s, u""_s); // cleared
        values.repeats.insert(u"members"_s, {ana, ben});

        const QJsonObject expected = parse(R"({
            "name": "Household 1", "village": "kalo", "gps": {"latitude": 12.5, "longitude": -7.25},
            "flags": ["a", "b"], "adults": 1,
            "members": [{"guid": "p-1", "name": "Ana", "sex": "f", "age": 34},
                        {"guid": "p-2", "name": "Ben", "age": null}]})");
        const QJsonObject data = form.toEventData(values);
        QCOMPARE(data, expected);
        QVERIFY(data.value(u"members").toArray()[0].toObject().value(u"age").isDouble());
    }

    void valuesFromData_readsAnEntityBack()
    {
        const FormDefinition form = sample();
        const QJsonObject data = parse(R"({
            "name": "Household 1", "village": "kalo", "flags": ["a"], "phone": "not in the form",
            "members": [{"guid": "p-1", "name": "Ana", "age": 34, "extra": true}]})");
        const FormValues values = form.valuesFromData(data);
        QCOMPARE(values.values.value(u"village"_s), QJsonValue(u"kalo"_s));
        QVERIFY(!values.values.contains(u"phone"_s));
        QCOMPARE(values.repeats.value(u"members"_s).size(), std::size_t(1));
        QCOMPARE(values.repeats.value(u"members"_s)[0].guid, u"p-1"_s);
        QVERIFY(!values.repeats.value(u"members"_s)[0].values.contains(u"extra"_s));

        QJsonObject roundTrip = data;
        roundTrip.remove(u"phone"_s);
        QJsonObject member = roundTrip.value(u"members").toArray()[0].toObject();
        member.remove(u"extra"_s);
        roundTrip.insert(u"members"_s, QJsonArray{member});
        QCOMPARE(form.toEventData(values), roundTrip);
    }

    void fromFile_reportsTheFileAndTheProblem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Result<FormDefinition> missing = FormDefinition::fromFile(dir.filePath(u"absent.json"_s));
        QVERIFY(!missing.has_value());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().message.startsWith(u"absent.json: cannot open"_s));

        QVERIFY(writeFile(dir.filePath(u"bad.json"_s), "{\"id\": \"x\",}"));
        const Result<FormDefinition> bad = FormDefinition::fromFile(dir.filePath(u"bad.json"_s));
        QVERIFY(!bad.has_value());
        QVERIFY2(bad.error().message.startsWith(u"bad.json: malformed JSON at byte"_s),
                 messageOf(bad).constData());

        QVERIFY(
            writeFile(dir.filePath(u"twice.json"_s), formText(R"([{"type": "text", "name": "a", "label": "A",
                                                                           "label": "B"}])")));
        QVERIFY(
            !FormDefinition::fromFile(dir.filePath(u"twice.json"_s)).has_value()); // duplicate JSON member

        QVERIFY(writeFile(dir.filePath(u"ok.json"_s), sampleForm));
        const Result<FormDefinition> ok = FormDefinition::fromFile(dir.filePath(u"ok.json"_s));
        QVERIFY2(ok.has_value(), messageOf(ok).constData());
        QCOMPARE(ok->id(), u"sample"_s);
    }

    void loadFormsFrom_refusesBadFormsAndSharedIds()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeFile(dir.filePath(u"a.json"_s), sampleForm));
        QVERIFY(writeFile(dir.filePath(u"notes.txt"_s), "not a form"));
        Result<std::vector<FormDefinition>> forms = loadFormsFrom(dir.path());
        QVERIFY2(forms.has_value(), messageOf(forms).constData());
        QCOMPARE(forms->size(), std::size_t(1));

        QVERIFY(writeFile(dir.filePath(u"b.json"_s), sampleForm));
        forms = loadFormsFrom(dir.path());
        QVERIFY(!forms.has_value());
        QCOMPARE(forms.error().code, ErrorCode::Conflict);
        QCOMPARE(forms.error().message, u"b.json: the form id 'sample' is also the id of a.json"_s);

        QVERIFY(writeFile(dir.filePath(u"b.json"_s),
                          formText(R"([{"type": "txt", "name": "a", "label": "A"}])")));
        forms = loadFormsFrom(dir.path());
        QVERIFY(!forms.has_value());
        QCOMPARE(forms.error().message, u"b.json: field 'a': unknown type 'txt'"_s);

        QCOMPARE(loadFormsFrom(dir.filePath(u"nowhere"_s)).error().code, ErrorCode::NotFound);
    }

    void defaultForms_allLoadWithEnglishFrenchAndSpanish()
    {
        const Result<std::vector<FormDefinition>> forms = loadFormsFrom(defaultFormsDir);
        QVERIFY2(forms.has_value(), messageOf(forms).constData());
        QStringList ids;
        QStringList eventTypes;
        for (const FormDefinition &form : *forms) {
            ids.push_back(form.id());
            eventTypes.push_back(form.eventType());
            QCOMPARE(form.languages(), (QStringList{u"en"_s, u"es"_s, u"fr"_s}));
            QCOMPARE(form.defaultLanguage(), u"en"_s);
            QVERIFY(!form.version().isEmpty());
            // Every text a user reads exists in every language (plain strings are names: villages).
            for (const Field *field : form.allFields()) {
                for (const LocalizedText *text : {&field->label, &field->hint, &field->constraintMessage}) {
                    if (!text->isEmpty())
                        QVERIFY2(text->languages() == (QStringList{u"en"_s, u"es"_s, u"fr"_s}),
                                 qPrintable(form.id() + u": "_s + field->name));
                }
                if (field->isInput() || field->type == FieldType::Note)
                    QVERIFY2(!field->label.isEmpty(), qPrintable(form.id() + u": "_s + field->name));
                if (field->constraint)
                    QVERIFY2(!field->constraintMessage.isEmpty(),
                             qPrintable(form.id() + u": "_s + field->name));
            }
        }
        QCOMPARE(ids, (QStringList{u"household-edit"_s, u"household-registration"_s, u"member-edit"_s,
                                   u"member"_s, u"remove-member"_s}));
        QCOMPARE(eventTypes, (QStringList{u"update-group"_s, u"create-group"_s, u"update-individual"_s,
                                          u"add-member"_s, u"remove-member"_s}));

        const FormDefinition &removal = (*forms)[4];
        QStringList reasons;
        for (const Choice &choice : *removal.field(u"reason")->choices)
            reasons.push_back(choice.name);
        QCOMPARE(reasons, (QStringList{u"left"_s, u"deceased"_s, u"married-out"_s, u"migrated"_s,
                                       u"data-correction"_s}));
        const FormDefinition &household = (*forms)[1];
        QStringList relationships;
        for (const Choice &choice : *household.field(u"members.relationship")->choices)
            relationships.push_back(choice.name);
        QCOMPARE(relationships, (QStringList{u"head"_s, u"spouse"_s, u"child"_s, u"parent"_s, u"sibling"_s,
                                             u"other_relative"_s, u"non_relative"_s}));
    }
};

QTEST_GUILESS_MAIN(TestFormDefinition)
#include "tst_formdefinition.moc"
