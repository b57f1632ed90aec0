#include "core/events/jsonreader.h"
#include "core/forms/formstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

const QString defaultFormsDir = QStringLiteral(FIELDLEDGER_TEST_DATA "/../../resources/forms");
const QDate today(2026, 11, 26);

QJsonObject parse(const QByteArray &text)
{
    Result<QJsonObject> json = parseJsonObject(text);
    if (!json)
        qFatal("test JSON does not parse: %s", qPrintable(json.error().message));
    return *json;
}

FormDefinition formFrom(const QByteArray &fields)
{
    const QByteArray text = R"({"id": "t", "version": "1", "eventType": "create-individual",
                                "title": {"en": "Test", "fr": "Essai"}, "fields": )" +
                            fields + "}";
    Result<FormDefinition> form = FormDefinition::fromJson(parse(text));
    if (!form)
        qFatal("test form does not load: %s", qPrintable(form.error().message));
    return *form;
}

FormDefinition defaultForm(const QString &name)
{
    Result<FormDefinition> form = FormDefinition::fromFile(defaultFormsDir + u'/' + name + u".json"_s);
    if (!form)
        qFatal("default form does not load: %s", qPrintable(form.error().message));
    return *form;
}

std::unique_ptr<IdGenerator> ids(const QString &prefix)
{
    return std::make_unique<SequentialIdGenerator>(prefix);
}

// A person: relevance, requirement, constraints, groups, calculations.
const QByteArray personFields = R"json([
  {"type": "integer", "name": "age", "label": "Age", "required": true, "constraint": ". >= 0 and . <= 120",
   "constraint_message": {"en": "Age must be 0 to 120", "fr": "L’âge doit être entre 0 et 120"}},
  {"type": "select_one", "name": "married", "label": "Married?", "relevant": "${age} >= 15",
   "choices": [{"name": "yes", "label": "Yes"}, {"name": "no", "label": "No"}]},
  {"type": "text", "name": "spouse", "label": "Spouse", "relevant": "${married} = 'yes'", "required": true},
  {"type": "group", "name": "school", "label": "School", "relevant": "${age} < 25", "fields": [
    {"type": "text", "name": "school_name", "label": "School name", "required": true},
    {"type": "integer", "name": "grade", "label": "Grade"}]},
  {"type": "calculate", "name": "adult", "calculation": "${age} >= 18"},
  {"type": "calculate", "name": "category", "calculation": "if(${adult}, 'adult', 'minor')"},
  {"type": "select_multiple", "name": "flags", "label": "Flags",
   "choices": [{"name": "disabled", "label": "Disabled"}, {"name": "blind", "label": "Blind"}]},
  {"type": "text", "name": "support", "label": "Support",
   "relevant": "${age} >= 18 and selected(${flags}, 'disabled')"},
  {"type": "date", "name": "visit", "label": "Visit", "constraint": ". <= today()",
   "constraint_message": "Not in the future"},
  {"type": "geopoint", "name": "gps", "label": "GPS"}
])json";

// Members in a repeat: references inside and across instances, defaults, min/max.
const QByteArray householdFields = R"json([
  {"type": "integer", "name": "min_age", "label": "Minimum working age", "default": 18},
  {"type": "repeat", "name": "members", "label": "Members", "min": 1, "max": 3, "fields": [
    {"type": "text", "name": "name", "label": "Name", "required": true},
    {"type": "integer", "name": "age", "label": "Age", "constraint": ". >= 0"},
    {"type": "select_one", "name": "role", "label": "Role", "default": "other",
     "choices": [{"name": "head", "label": "Head"}, {"name": "other", "label": "Other"}],
     "constraint": ". != 'head' or ${heads} <= 1", "constraint_message": "Only one head"},
    {"type": "text", "name": "job", "label": "Job", "relevant": "${age} >= ${min_age}"},
    {"type": "calculate", "name": "is_head", "calculation": "${role} = 'head'"}]},
  {"type": "calculate", "name": "member_count", "calculation": "count(${members})"},
  {"type": "calculate", "name": "total_age", "calculation": "sum(${age})"},
  {"type": "calculate", "name": "heads", "calculation": "count(${role}[. = 'head'])"}
])json";

// Repeats inside repeats, with references up, down and across.
const QByteArray nestedFields = R"json([
  {"type": "integer", "name": "limit", "label": "Limit"},
  {"type": "select_one", "name": "has_members", "label": "Members?", "default": "yes",
   "choices": [{"name": "yes", "label": "Yes"}, {"name": "no", "label": "No"}]},
  {"type": "repeat", "name": "members", "label": "Members", "relevant": "${has_members} = 'yes'", "fields": [
    {"type": "integer", "name": "age", "label": "Age", "required": "${limit} > 0"},
    {"type": "repeat", "name": "children", "label": "Children", "max": 2, "fields": [
      {"type": "integer", "name": "cage", "label": "Child age", "constraint": ". < ${age}"},
      {"type": "text", "name": "note", "label": "Note", "relevant": "${cage} > ${limit}"},
      {"type": "calculate", "name": "gap", "calculation": "${age} - ${cage}"}]},
    {"type": "calculate", "name": "kids", "calculation": "count(${children})"},
    {"type": "calculate", "name": "oldest", "calculation": "max(${cage}[. != ''], 0)"}]},
  {"type": "calculate", "name": "all_kids", "calculation": "sum(${kids})"},
  {"type": "text", "name": "summary", "label": "Summary", "relevant": "${all_kids} > 2", "required": true}
])json";

// Cascading selects, as in the household form but small.
const QByteArray cascadeFields = R"json([
  {"type": "select_one", "name": "region", "label": "Region",
   "choices": [{"name": "north", "label": "North"}, {"name": "south", "label": "South"}]},
  {"type": "select_one", "name": "district", "label": "District", "choice_filter": "region = ${region}",
   "choices": [{"name": "d1", "label": "D1", "region": "north"}, {"name": "d2", "label": "D2", "region": "north"},
               {"name": "d3", "label": "D3", "region": "south"}]},
  {"type": "select_multiple", "name": "services", "label": "Services", "choice_filter": "${region} = 'south' or name != 'boat'",
   "choices": [{"name": "road", "label": "Road"}, {"name": "boat", "label": "Boat"}]}
])json";

QString sorted(const QSet<QString> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.join(u", "_s);
}

QString sorted(const Result<QSet<QString>> &result)
{
    return result ? sorted(*result) : u"error: "_s + result.error().message;
}

QStringList issuePaths(const FormState &state)
{
    QStringList result;
    for (const FieldIssue &issue : state.validate())
        result.push_back(issue.path);
    return result;
}

// Every path of the state: fields, groups, repeats, through every instance.
void enumerate(const FormState &state, const std::vector<Field> &fields, const QString &prefix,
               QStringList &all, QStringList &values, QStringList &repeats)
{
    for (const Field &field : fields) {
        const QString path = prefix.isEmpty() ? field.name : prefix + u'.' + field.name;
        all.push_back(path);
        if (field.type == FieldType::Group) {
            enumerate(state, field.fields, prefix, all, values, repeats);
        } else if (field.type == FieldType::Repeat) {
            repeats.push_back(path);
            for (int i = 0; i < state.instanceCount(path); ++i)
                enumerate(state, field.fields, path + u'[' + QString::number(i) + u']', all, values, repeats);
        } else if (field.isInput() || field.type == FieldType::Hidden) {
            values.push_back(path);
        }
    }
}

// What the renderer learns from a state about every path: relevance, requirement, issue and
// calculated value (not the values it set itself).
QMap<QString, QString> observe(const FormState &state)
{
    QStringList all;
    QStringList values;
    QStringList repeats;
    enumerate(state, state.definition().fields(), QString(), all, values, repeats);
    QMap<QString, QString> seen;
    for (const QString &path : std::as_const(all)) {
        const std::optional<FieldIssue> issue = state.issue(path);
        const Field *field = state.definition().field(path);
        const QJsonValue value = field->type == FieldType::Calculate ? state.value(path) : QJsonValue();
        seen.insert(path,
                    QString::number(state.isRelevant(path)) + QString::number(state.isRequired(path)) +
                        u" "_s + (issue ? issue->message : QString()) + u" "_s +
                        QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)));
    }
    return seen;
}

QSet<QString> differences(const QMap<QString, QString> &before, const QMap<QString, QString> &after)
{
    QSet<QString> changed;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.value(it.key()) != it.value())
            changed.insert(it.key());
    }
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        if (!after.contains(it.key()))
            changed.insert(it.key());
    }
    return changed;
}

QJsonValue randomValue(const Field &field, QRandomGenerator &random)
{
    QList<QJsonValue> pool{QJsonValue(u""_s)};
    switch (field.type) {
    case FieldType::Integer:
        pool += {u"0"_s, u"3"_s, u"17"_s, u"30"_s, u"130"_s, u"-1"_s, u"abc"_s, 45};
        break;
    case FieldType::Date:
        pool += {u"1990-05-15"_s, u"2030-01-01"_s, u"2026-13-01"_s};
        break;
    case FieldType::SelectOne:
    case FieldType::SelectMultiple:
        for (const Choice &choice : *field.choices)
            pool.push_back(choice.name);
        pool.push_back(u"zzz"_s);
        if (field.type == FieldType::SelectMultiple && field.choices->size() > 1)
            pool.push_back(QString(field.choices->at(0).name + u' ' + field.choices->at(1).name));
        break;
    case FieldType::Geopoint:
        pool += {u"12.5 -7.9"_s, u"95 0"_s, u"x"_s};
        break;
    default:
        pool += {u"Ana"_s, QString(120, u'x'), u"+22370123456"_s, u"12ab"_s};
        break;
    }
    return pool[qsizetype(random.bounded(quint32(pool.size())))];
}

} // namespace

class TestFormValidation final : public QObject {
    Q_OBJECT
private slots:
    void newState_evaluatesRelevanceRequirementAndCalculations()
    {
        const FormState state(formFrom(personFields), today);
        QVERIFY(state.isRelevant(u"age"_s));
        QVERIFY(state.isRequired(u"age"_s));
        QVERIFY(!state.isRelevant(u"married"_s)); // '' >= 15 is false
        QVERIFY(!state.isRelevant(u"spouse"_s));
        QVERIFY(!state.isRequired(u"spouse"_s)); // required, but not relevant
        QVERIFY(!state.isRelevant(u"school"_s));
        QVERIFY(!state.isRelevant(u"school_name"_s)); // its group is not relevant
        QCOMPARE(state.value(u"adult"_s), QJsonValue(false));
        QCOMPARE(state.value(u"category"_s), QJsonValue(u"minor"_s));
        QCOMPARE(issuePaths(state), QStringList{u"age"_s});
        QCOMPARE(state.validate().front().kind, FieldIssue::Kind::Required);
        QCOMPARE(state.validate().front().message, u"This field is required."_s);
        QVERIFY(!state.isValid());
    }

    void setValue_returnsExactlyThePathsThatChanged_data()
    {
        QTest::addColumn<QStringList>("steps"); // "path=value", applied in order; the last one is checked
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("age answered")
            << QStringList{u"age=30"_s} << QStringList{u"adult"_s, u"age"_s, u"category"_s, u"married"_s};
        QTest::newRow("age under 25 shows the group")
            << QStringList{u"age=30"_s, u"age=20"_s}
            << QStringList{u"grade"_s, u"school"_s, u"school_name"_s};
        QTest::newRow("same value changes nothing") << QStringList{u"age=30"_s, u"age=30"_s} << QStringList{};
        QTest::newRow("married shows the required spouse")
            << QStringList{u"age=30"_s, u"married=yes"_s} << QStringList{u"spouse"_s};
        QTest::newRow("age hides married and, through it, spouse")
            << QStringList{u"age=30"_s, u"married=yes"_s, u"age=10"_s}
            << QStringList{u"adult"_s,  u"category"_s,    u"grade"_s, u"married"_s,
                           u"school"_s, u"school_name"_s, u"spouse"_s};
        QTest::newRow("selected() relevance")
            << QStringList{u"age=30"_s, u"flags=blind disabled"_s} << QStringList{u"support"_s};
        QTest::newRow("a value that breaks the constraint")
            << QStringList{u"age=30"_s, u"age=130"_s} << QStringList{u"age"_s};
        QTest::newRow("a value of the wrong type") << QStringList{u"age=abc"_s} << QStringList{u"age"_s};
        QTest::newRow("a field nothing reads") << QStringList{u"visit=2026-01-01"_s} << QStringList{};
        QTest::newRow("a future date") << QStringList{u"visit=2027-01-01"_s} << QStringList{u"visit"_s};
    }

    void setValue_returnsExactlyThePathsThatChanged()
    {
        QFETCH(QStringList, steps);
        QFETCH(QStringList, expected);
        FormState state(formFrom(personFields), today);
        Result<QSet<QString>> changed = QSet<QString>();
        for (const QString &step : std::as_const(steps)) {
            const qsizetype equals = step.indexOf(u'=');
            changed = state.setValue(step.first(equals), step.sliced(equals + 1));
            QVERIFY2(changed.has_value(), qPrintable(sorted(changed)));
        }
        QCOMPARE(sorted(changed), sorted(QSet<QString>(expected.begin(), expected.end())));
    }

    void relevance_nonRelevantValuesAreKeptButLeftOut()
    {
        FormState state(formFrom(personFields), today);
        QVERIFY(state.setValue(u"age"_s, 30).has_value());
        QVERIFY(state.setValue(u"married"_s, u"yes"_s).has_value());
        QVERIFY(state.isRequired(u"spouse"_s));
        QCOMPARE(issuePaths(state), QStringList{u"spouse"_s});
        QVERIFY(state.setValue(u"spouse"_s, u"Ben"_s).has_value());
        QVERIFY(state.isValid());

        QVERIFY(state.setValue(u"age"_s, 10).has_value());
        QVERIFY(!state.isRelevant(u"married"_s));
        QVERIFY(!state.isRelevant(u"spouse"_s)); // married reads as unanswered now
        const FormValues effective = state.effectiveValues();
        QVERIFY(!effective.values.contains(u"married"_s));
        QVERIFY(!effective.values.contains(u"spouse"_s));
        QCOMPARE(state.values().values.value(u"spouse"_s), QJsonValue(u"Ben"_s)); // kept
        QCOMPARE(issuePaths(state), QStringList{u"school_name"_s}); // the school group showed up

        QVERIFY(state.setValue(u"age"_s, 30).has_value());
        QVERIFY(state.isRelevant(u"spouse"_s));
        QCOMPARE(state.toEventData(), parse(R"({"age": 30, "married": "yes", "spouse": "Ben",
                                                 "adult": true, "category": "adult"})"));
    }

    void group_nonRelevantGroupHidesChildren()
    {
        FormState state(formFrom(personFields), today);
        QVERIFY(state.setValue(u"age"_s, 20).has_value());
        QVERIFY(state.isRelevant(u"school_name"_s));
        QVERIFY(state.isRequired(u"school_name"_s));
        QVERIFY(state.setValue(u"school_name"_s, u"Kalo Primary"_s).has_value());
        QVERIFY(state.setValue(u"grade"_s, 5).has_value());
        QCOMPARE(state.toEventData().value(u"school_name"), QJsonValue(u"Kalo Primary"_s));

        QVERIFY(state.setValue(u"age"_s, 40).has_value());
        QVERIFY(!state.isRelevant(u"school"_s));
        QVERIFY(!state.isRelevant(u"school_name"_s));
        QVERIFY(!state.isRelevant(u"grade"_s));
        QVERIFY(!state.isRequired(u"school_name"_s));
        QVERIFY(!state.toEventData().contains(u"school_name"));
        QVERIFY(!state.toEventData().contains(u"grade"));
    }

    void issues_messagesFollowTheLanguage_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("english");
        QTest::addColumn<QString>("french");

        QTest::newRow("required") << u"age"_s << QJsonValue(u""_s) << int(FieldIssue::Kind::Required)
                                  << u"This field is required."_s << u"Cette réponse est obligatoire."_s;
        QTest::newRow("form's constraint message")
            << u"age"_s << QJsonValue(130) << int(FieldIssue::Kind::Constraint) << u"Age must be 0 to 120"_s
            << u"L’âge doit être entre 0 et 120"_s;
        QTest::newRow("plain constraint message")
            << u"visit"_s << QJsonValue(u"2027-01-01"_s) << int(FieldIssue::Kind::Constraint)
            << u"Not in the future"_s << u"Not in the future"_s;
        QTest::newRow("not an integer") << u"age"_s << QJsonValue(u"12.5"_s) << int(FieldIssue::Kind::Type)
                                        << u"Enter a whole number."_s << u"Saisissez un nombre entier."_s;
        QTest::newRow("not a date") << u"visit"_s << QJsonValue(u"2026-02-30"_s)
                                    << int(FieldIssue::Kind::Type) << u"Enter a valid date (YYYY-MM-DD)."_s
                                    << u"Saisissez une date valide (AAAA-MM-JJ)."_s;
        QTest::newRow("geopoint out of range")
            << u"gps"_s << QJsonValue(u"91 10"_s) << int(FieldIssue::Kind::Type)
            << u"Latitude must be between -90 and 90 and longitude between -180 and 180."_s
            << u"La latitude doit être entre -90 et 90 et la longitude entre -180 et 180."_s;
        QTest::newRow("not a geopoint") << u"gps"_s << QJsonValue(u"here"_s) << int(FieldIssue::Kind::Type)
                                        << u"Enter a location: latitude and longitude."_s
                                        << u"Saisissez une position : latitude et longitude."_s;
        QTest::newRow("not a choice")
            << u"flags"_s << QJsonValue(u"blind deaf"_s) << int(FieldIssue::Kind::Choice)
            << u"Choose one of the options offered."_s << u"Choisissez une des options proposées."_s;
    }

    void issues_messagesFollowTheLanguage()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(int, kind);
        QFETCH(QString, english);
        QFETCH(QString, french);
        FormState state(formFrom(personFields), today);
        QVERIFY(state.setValue(u"age"_s, 30).has_value());
        QVERIFY(state.setValue(path, value).has_value());
        QCOMPARE(state.language(), u"en"_s);
        std::optional<FieldIssue> issue = state.issue(path);
        QVERIFY(issue.has_value());
        QCOMPARE(int(issue->kind), kind);
        QCOMPARE(issue->path, path);
        QCOMPARE(issue->field, path);
        QCOMPARE(issue->message, english);
        state.setLanguage(u"fr"_s);
        QCOMPARE(state.issue(path)->message, french);
        QCOMPARE(state.validate().front().message, french);
    }

    void constraint_isCheckedOnlyWhenAnswered()
    {
        FormState state(formFrom(personFields), today);
        QVERIFY(!state.issue(u"visit"_s).has_value()); // not required, unanswered
        QVERIFY(state.setValue(u"visit"_s, u"2027-01-01"_s).has_value());
        QVERIFY(state.issue(u"visit"_s).has_value());
        QCOMPARE(sorted(state.setValue(u"visit"_s, QJsonValue::Null)), u"visit"_s);
        QVERIFY(!state.issue(u"visit"_s).has_value());
    }

    void setToday_reevaluatesDateConstraints()
    {
        FormState state(formFrom(personFields), today);
        QVERIFY(state.setValue(u"visit"_s, u"2026-11-26"_s).has_value());
        QVERIFY(!state.issue(u"visit"_s).has_value());
        QCOMPARE(sorted(state.setToday(QDate(2026, 11, 25))), u"visit"_s);
        QCOMPARE(state.issue(u"visit"_s)->kind, FieldIssue::Kind::Constraint);
        QCOMPARE(state.today(), QDate(2026, 11, 25));
    }

    void setValue_refusesWhatCannotBeSet_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("code");
        QTest::newRow("unknown field") << u"nope"_s << int(ErrorCode::NotFound);
        QTest::newRow("calculation") << u"adult"_s << int(ErrorCode::InvalidArgument);
        QTest::newRow("group") << u"school"_s << int(ErrorCode::InvalidArgument);
        QTest::newRow("index on a plain field") << u"age[0]"_s << int(ErrorCode::NotFound);
        QTest::newRow("path through a plain field") << u"age.x"_s << int(ErrorCode::NotFound);
        QTest::newRow("malformed index") << u"age[x"_s << int(ErrorCode::NotFound);
    }

    void setValue_refusesWhatCannotBeSet()
    {
        QFETCH(QString, path);
        QFETCH(int, code);
        FormState state(formFrom(personFields), today);
        const Result<QSet<QString>> result = state.setValue(path, u"1"_s);
        QVERIFY(!result.has_value());
        QCOMPARE(int(result.error().code), code);
    }

    void repeat_newInstancesGetDefaultsAndGuids()
    {
        FormState state(formFrom(householdFields), today, ids(u"m-"_s));
        QCOMPARE(state.instanceCount(u"members"_s), 1); // min 1
        QCOMPARE(state.instanceGuid(u"members[0]"_s), u"m-1"_s);
        QCOMPARE(state.value(u"min_age"_s), QJsonValue(18));
        QCOMPARE(state.value(u"members[0].role"_s), QJsonValue(u"other"_s));
        QCOMPARE(state.value(u"member_count"_s), QJsonValue(1));
        QCOMPARE(issuePaths(state), QStringList{u"members[0].name"_s});

        const Result<QSet<QString>> added = state.addInstance(u"members"_s);
        QVERIFY(added.has_value());
        QVERIFY2(added->contains(u"members[1].name"_s) && added->contains(u"member_count"_s),
                 qPrintable(sorted(added)));
        QCOMPARE(state.instanceGuid(u"members[1]"_s), u"m-2"_s);
        QCOMPARE(state.value(u"members[1].role"_s), QJsonValue(u"other"_s));
        QCOMPARE(state.value(u"member_count"_s), QJsonValue(2));
        QCOMPARE(issuePaths(state), (QStringList{u"members[0].name"_s, u"members[1].name"_s}));
    }

    void repeat_minAndMaxLimitAddingAndRemoving()
    {
        FormState state(formFrom(householdFields), today, ids(u"m-"_s));
        QVERIFY(!state.canRemoveInstance(u"members"_s));
        QVERIFY(!state.removeInstance(u"members"_s, 0).has_value());
        QVERIFY(state.addInstance(u"members"_s).has_value());
        QVERIFY(state.addInstance(u"members"_s).has_value());
        QVERIFY(!state.canAddInstance(u"members"_s));
        QVERIFY(!state.addInstance(u"members"_s).has_value());
        QCOMPARE(state.instanceCount(u"members"_s), 3);
        QVERIFY(state.canRemoveInstance(u"members"_s));
        QVERIFY(!state.removeInstance(u"members"_s, 3).has_value());
        QVERIFY(!state.addInstance(u"min_age"_s).has_value()); // not a repeat

        QVERIFY(state.setValue(u"members[2].name"_s, u"Cy"_s).has_value());
        QVERIFY(state.removeInstance(u"members"_s, 0).has_value());
        QCOMPARE(state.instanceCount(u"members"_s), 2);
        QCOMPARE(state.instanceGuid(u"members[0]"_s), u"m-2"_s); // renumbered
        QCOMPARE(state.instanceGuid(u"members[1]"_s), u"m-3"_s);
        QCOMPARE(state.value(u"members[1].name"_s), QJsonValue(u"Cy"_s));
        QCOMPARE(state.instanceGuid(u"members[2]"_s), QString());
        QCOMPARE(issuePaths(state), QStringList{u"members[0].name"_s});
    }

    void repeat_loadedWithTooFewInstances_reportsTheRepeat()
    {
        const FormDefinition form =
            formFrom(R"([{"type": "repeat", "name": "members", "label": "M", "min": 2, "max": 2,
                                                  "fields": [{"type": "text", "name": "name", "label": "N"}]}])");
        FormValues values;
        values.repeats.insert(u"members"_s, {FormValues{u"p-1"_s, {}, {}}});
        FormState state(form, values, today);
        QCOMPARE(state.instanceGuid(u"members[0]"_s), u"p-1"_s);
        const std::optional<FieldIssue> issue = state.issue(u"members"_s);
        QVERIFY(issue.has_value());
        QCOMPARE(issue->kind, FieldIssue::Kind::RepeatCount);
        QCOMPARE(issue->message, u"At least 2 entries are needed."_s);
        state.setLanguage(u"fr"_s);
        QCOMPARE(state.issue(u"members"_s)->message, u"Il faut au moins 2 entrées."_s);

        values.repeats[u"members"_s].resize(3);
        const FormState tooMany(form, values, today);
        QCOMPARE(tooMany.issue(u"members"_s)->message, u"At most 2 entries are allowed."_s);
        QVERIFY(!tooMany.instanceGuid(u"members[2]"_s).isEmpty()); // a loaded instance without guid gets one
    }

    void repeat_referencesResolveToTheCurrentInstance()
    {
        FormState state(formFrom(householdFields), today, ids(u"m-"_s));
        QVERIFY(state.addInstance(u"members"_s).has_value());
        QCOMPARE(sorted(state.setValue(u"members[0].age"_s, 30)), u"members[0].job, total_age"_s);
        QVERIFY(state.isRelevant(u"members[0].job"_s));
        QVERIFY(!state.isRelevant(u"members[1].job"_s));
        QCOMPARE(sorted(state.setValue(u"members[1].age"_s, u"12"_s)), u"total_age"_s);
        QCOMPARE(state.value(u"total_age"_s), QJsonValue(42));

        // A form-level field that instances read: every instance is re-evaluated.
        QCOMPARE(sorted(state.setValue(u"min_age"_s, 10)), u"members[1].job"_s);
        QCOMPARE(sorted(state.setValue(u"min_age"_s, 40)), u"members[0].job, members[1].job"_s);
        QVERIFY(!state.isRelevant(u"members[0].job"_s));
    }

    void repeat_crossInstanceConstraint_flagsEveryOffender()
    {
        FormState state(formFrom(householdFields), today, ids(u"m-"_s));
        QVERIFY(state.addInstance(u"members"_s).has_value());
        QVERIFY(state.addInstance(u"members"_s).has_value());
        QCOMPARE(sorted(state.setValue(u"members[0].role"_s, u"head"_s)), u"heads, members[0].is_head"_s);
        QCOMPARE(sorted(state.setValue(u"members[2].role"_s, u"head"_s)),
                 u"heads, members[0].role, members[2].is_head, members[2].role"_s);
        QCOMPARE(state.issue(u"members[0].role"_s)->message, u"Only one head"_s);
        QCOMPARE(state.issue(u"members[2].role"_s)->message, u"Only one head"_s);
        QVERIFY(!state.issue(u"members[1].role"_s).has_value());
        QCOMPARE(sorted(state.setValue(u"members[0].role"_s, u"other"_s)),
                 u"heads, members[0].is_head, members[0].role, members[2].role"_s);
        QVERIFY(!state.issue(u"members[2].role"_s).has_value());
    }

    void repeat_countFixesTheInstances()
    {
        const FormDefinition form = formFrom(R"([
            {"type": "integer", "name": "n", "label": "N"},
            {"type": "repeat", "name": "people", "label": "P", "count": "${n}",
             "fields": [{"type": "text", "name": "name", "label": "Name", "default": "?"}]},
            {"type": "repeat", "name": "one", "label": "One", "count": 1,
             "fields": [{"type": "text", "name": "x", "label": "X"}]}])");
        FormState state(form, today, ids(u"p-"_s));
        QCOMPARE(state.instanceCount(u"people"_s), 0);
        QCOMPARE(state.instanceCount(u"one"_s), 1);
        QVERIFY(!state.canAddInstance(u"one"_s));
        QVERIFY(!state.canRemoveInstance(u"one"_s));
        const Result<QSet<QString>> grown = state.setValue(u"n"_s, 3);
        QVERIFY(grown.has_value());
        QCOMPARE(sorted(grown), u"people[0].name, people[1].name, people[2].name"_s);
        QCOMPARE(state.instanceCount(u"people"_s), 3);
        QCOMPARE(state.value(u"people[2].name"_s), QJsonValue(u"?"_s));
        QVERIFY(state.setValue(u"people[0].name"_s, u"Ana"_s).has_value());
        QCOMPARE(sorted(state.setValue(u"n"_s, 1)), u"people[1].name, people[2].name"_s);
        QCOMPARE(state.instanceCount(u"people"_s), 1);
        QCOMPARE(state.value(u"people[0].name"_s), QJsonValue(u"Ana"_s)); // the first instances stay
    }

    void cascadingSelects_offerFilteredChoicesAndCheckThem()
    {
        FormState state(formFrom(cascadeFields), today);
        auto names = [&](const QString &path) {
            QStringList result;
            for (const Choice *choice : state.choices(path))
                result.push_back(choice->name);
            return result;
        };
        QCOMPARE(names(u"district"_s), QStringList{}); // no region yet
        QCOMPARE(names(u"services"_s), QStringList{u"road"_s});
        QCOMPARE(sorted(state.setValue(u"region"_s, u"north"_s)),
                 QString()); // nothing answered depends on it yet
        QCOMPARE(names(u"district"_s), (QStringList{u"d1"_s, u"d2"_s}));
        QCOMPARE(sorted(state.setValue(u"district"_s, u"d3"_s)), u"district"_s);
        QCOMPARE(state.issue(u"district"_s)->kind, FieldIssue::Kind::Choice);
        QCOMPARE(sorted(state.setValue(u"region"_s, u"south"_s)), u"district"_s);
        QVERIFY(!state.issue(u"district"_s).has_value());
        QCOMPARE(names(u"district"_s), QStringList{u"d3"_s});
        QCOMPARE(names(u"services"_s), (QStringList{u"road"_s, u"boat"_s}));
        QVERIFY(state.setValue(u"services"_s, QJsonArray{u"road"_s, u"boat"_s}).has_value());
        QVERIFY(state.isValid());
        QCOMPARE(sorted(state.setValue(u"region"_s, u"north"_s)), u"district, services"_s);
        QCOMPARE(state.issue(u"services"_s)->kind, FieldIssue::Kind::Choice);
        QCOMPARE(state.choices(u"nope"_s).size(), std::size_t(0));
    }

    void nestedRepeats_resolveReferencesUpDownAndAcross()
    {
        FormState state(formFrom(nestedFields), today, ids(u"n-"_s));
        QVERIFY(state.addInstance(u"members"_s).has_value());
        QVERIFY(state.addInstance(u"members"_s).has_value());
        QVERIFY(state.addInstance(u"members[0].children"_s).has_value());
        QVERIFY(state.addInstance(u"members[0].children"_s).has_value());
        QVERIFY(state.addInstance(u"members[1].children"_s).has_value());
        QVERIFY(!state.addInstance(u"members[0].children"_s).has_value()); // max 2
        QCOMPARE(state.value(u"members[0].kids"_s), QJsonValue(2));
        QCOMPARE(state.value(u"all_kids"_s), QJsonValue(3));
        QVERIFY(state.isRequired(u"summary"_s));

        QVERIFY(state.setValue(u"members[0].age"_s, 40).has_value());
        QVERIFY(state.setValue(u"members[0].children[1].cage"_s, 12).has_value());
        QVERIFY(state.setValue(u"members[1].children[0].cage"_s, 50).has_value());
        QCOMPARE(state.value(u"members[0].children[1].gap"_s), QJsonValue(28));
        QCOMPARE(state.value(u"members[0].oldest"_s), QJsonValue(12));
        QCOMPARE(state.value(u"members[1].oldest"_s), QJsonValue(50));
        QVERIFY(!state.issue(u"members[0].children[1].cage"_s).has_value());
        QCOMPARE(state.issue(u"members[1].children[0].cage"_s)->kind,
                 FieldIssue::Kind::Constraint); // 50 < ''

        QCOMPARE(sorted(state.setValue(u"limit"_s, 20)),
                 u"members[0].age, members[1].age, members[1].children[0].note"_s); // age required; 50 > 20
        QCOMPARE(sorted(state.setValue(u"members[0].age"_s, 10)),
                 u"members[0].children[1].cage, members[0].children[1].gap"_s); // children[0] has no age: NaN

        // A relevance that hides a whole repeat hides what is inside it.
        QVERIFY(state.setValue(u"has_members"_s, u"no"_s).has_value());
        QVERIFY(!state.isRelevant(u"members[0].children[1].cage"_s));
        QVERIFY(!state.issue(u"members[0].children[1].cage"_s).has_value());
        QCOMPARE(state.value(u"all_kids"_s), QJsonValue(0));
        QVERIFY(!state.toEventData().contains(u"members"));
    }

    void incrementalEvaluation_matchesAFullEvaluation_data()
    {
        QTest::addColumn<QString>("form"); // a field list above, or a default form's file name
        QTest::newRow("person") << u"person"_s;
        QTest::newRow("household (repeat)") << u"household"_s;
        QTest::newRow("nested repeats") << u"nested"_s;
        QTest::newRow("cascade") << u"cascade"_s;
        QTest::newRow("household-registration.json") << u"household-registration"_s;
        QTest::newRow("remove-member.json") << u"remove-member"_s;
    }

    // After every change, the state must equal a state evaluated from scratch with the same
    // values, and setValue must name exactly the paths whose observable state changed.
    void incrementalEvaluation_matchesAFullEvaluation()
    {
        QFETCH(QString, form);
        const QHash<QString, QByteArray> inline_{{u"person"_s, personFields},
                                                 {u"household"_s, householdFields},
                                                 {u"nested"_s, nestedFields},
                                                 {u"cascade"_s, cascadeFields}};
        const FormDefinition definition =
            inline_.contains(form) ? formFrom(inline_.value(form)) : defaultForm(form);
        FormState state(definition, today, ids(u"g-"_s));
        QRandomGenerator random(20261126);
        for (int step = 0; step < 400; ++step) {
            QStringList all;
            QStringList values;
            QStringList repeats;
            enumerate(state, definition.fields(), QString(), all, values, repeats);
            const QMap<QString, QString> before = observe(state);
            QString action;
            if (!repeats.isEmpty() && random.bounded(10) < 2) {
                const QString repeat = repeats[qsizetype(random.bounded(quint32(repeats.size())))];
                if (random.bounded(2) == 0 && state.canAddInstance(repeat)) {
                    action = u"add "_s + repeat;
                    QVERIFY(state.addInstance(repeat).has_value());
                } else if (state.canRemoveInstance(repeat)) {
                    const int index = int(random.bounded(quint32(state.instanceCount(repeat))));
                    action = u"remove "_s + repeat + u'[' + QString::number(index) + u']';
                    QVERIFY(state.removeInstance(repeat, index).has_value());
                }
            } else if (!values.isEmpty()) {
                const QString path = values[qsizetype(random.bounded(quint32(values.size())))];
                const QJsonValue value = randomValue(*definition.field(path), random);
                action = u"set "_s + path + u" = "_s + value.toVariant().toString();
                const Result<QSet<QString>> changed = state.setValue(path, value);
                QVERIFY(changed.has_value());
                const QSet<QString> observed = differences(before, observe(state));
                QVERIFY2(*changed == observed, qPrintable(action + u": reported "_s + sorted(*changed) +
                                                          u"; observed "_s + sorted(observed)));
            }
            const FormState fresh(definition, state.values(), today);
            const QMap<QString, QString> incremental = observe(state);
            const QMap<QString, QString> full = observe(fresh);
            if (incremental != full) {
                for (auto it = full.constBegin(); it != full.constEnd(); ++it) {
                    if (incremental.value(it.key()) != it.value())
                        qWarning("%s: incremental '%s', full '%s'", qPrintable(it.key()),
                                 qPrintable(incremental.value(it.key())), qPrintable(it.value()));
                }
                QFAIL(qPrintable(u"step "_s + QString::number(step) + u", after "_s + action));
            }
            QCOMPARE(state.toEventData(), fresh.toEventData());
        }
    }

    void householdForm_twoMembers_giveTheCreateGroupEventData()
    {
        const FormDefinition form = defaultForm(u"household-registration"_s);
        FormState state(form, today, ids(u"p-"_s));
        QCOMPARE(state.instanceCount(u"members"_s), 1);
        QVERIFY(state.addInstance(u"members"_s).has_value());
        const QList<std::pair<QString, QJsonValue>> answers{
            {u"name"_s, u"Household 1"_s},
            {u"region"_s, u"north"_s},
            {u"district"_s, u"hillside"_s},
            {u"village"_s, u"kalo"_s},
            {u"gps"_s, QJsonObject{{u"latitude"_s, 12.5}, {u"longitude"_s, -7.9}}},
            {u"phone"_s, u"+22370123456"_s},
            {u"members[0].name"_s, u"Ana"_s},
            {u"members[0].sex"_s, u"female"_s},
            {u"members[0].birth_date_known"_s, u"yes"_s},
            {u"members[0].birth_date"_s, u"1990-05-15"_s},
            {u"members[0].relationship"_s, u"head"_s},
            {u"members[1].name"_s, u"Ben"_s},
            {u"members[1].sex"_s, u"male"_s},
            {u"members[1].birth_date_known"_s, u"no"_s},
            {u"members[1].age"_s, u"36"_s},
            {u"members[1].relationship"_s, u"spouse"_s},
        };
        for (const auto &[path, value] : answers) {
            const Result<QSet<QString>> changed = state.setValue(path, value);
            QVERIFY2(changed.has_value(), qPrintable(path));
        }
        QVERIFY2(state.isValid(), qPrintable(issuePaths(state).join(u", "_s)));
        QVERIFY(!state.isRelevant(u"no_head"_s));
        QCOMPARE(state.value(u"members[0].age_years"_s), QJsonValue(36));
        QCOMPARE(state.value(u"members[1].age_years"_s), QJsonValue(36));

        const QJsonObject expected = parse(R"({
            "name": "Household 1", "region": "north", "district": "hillside", "village": "kalo",
            "gps": {"latitude": 12.5, "longitude": -7.9}, "phone": "+22370123456",
            "members": [
              {"guid": "p-1", "name": "Ana", "sex": "female", "birth_date_known": "yes",
               "birth_date": "1990-05-15", "relationship": "head", "is_head": true},
              {"guid": "p-2", "name": "Ben", "sex": "male", "birth_date_known": "no",
               "age": 36, "relationship": "spouse", "is_head": false}]})");
        QCOMPARE(state.toEventData(), expected);
        QCOMPARE(form.metadataFor(),
                 (QJsonObject{{u"formId"_s, u"household-registration"_s}, {u"formVersion"_s, u"1"_s}}));
        QCOMPARE(form.eventType(), u"create-group"_s);
    }

    void householdForm_rules()
    {
        FormState state(defaultForm(u"household-registration"_s), today, ids(u"p-"_s));
        QVERIFY(state.addInstance(u"members"_s).has_value());
        QVERIFY(state.isRelevant(u"no_head"_s));
        QVERIFY(!state.isRelevant(u"members[0].birth_date"_s));
        QVERIFY(!state.isRelevant(u"members[0].age"_s));

        // Birth date or age, never both.
        QVERIFY(state.setValue(u"members[0].birth_date_known"_s, u"yes"_s).has_value());
        QVERIFY(state.isRelevant(u"members[0].birth_date"_s));
        QVERIFY(state.isRequired(u"members[0].birth_date"_s));
        QVERIFY(!state.isRelevant(u"members[0].age"_s));
        QVERIFY(state.setValue(u"members[0].birth_date"_s, u"2027-01-01"_s).has_value());
        QCOMPARE(state.issue(u"members[0].birth_date"_s)->message,
                 u"The date cannot be in the future or more than 120 years ago."_s);
        QVERIFY(state.setValue(u"members[0].birth_date"_s, u"1890-01-01"_s).has_value());
        QCOMPARE(state.issue(u"members[0].birth_date"_s)->kind, FieldIssue::Kind::Constraint);
        QVERIFY(state.setValue(u"members[1].birth_date_known"_s, u"no"_s).has_value());
        QVERIFY(state.setValue(u"members[1].age"_s, 121).has_value());
        QCOMPARE(state.issue(u"members[1].age"_s)->message, u"The age must be between 0 and 120."_s);
        state.setLanguage(u"fr"_s);
        QCOMPARE(state.issue(u"members[1].age"_s)->message, u"L'âge doit être compris entre 0 et 120."_s);
        state.setLanguage(u"en"_s);

        // One head at most.
        QVERIFY(state.setValue(u"members[0].relationship"_s, u"head"_s).has_value());
        QVERIFY(!state.isRelevant(u"no_head"_s));
        QVERIFY(!state.issue(u"members[0].relationship"_s).has_value());
        const Result<QSet<QString>> second = state.setValue(u"members[1].relationship"_s, u"head"_s);
        QVERIFY(second->contains(u"members[0].relationship"_s));
        QCOMPARE(state.issue(u"members[0].relationship"_s)->message, u"A household has only one head."_s);
        QCOMPARE(state.issue(u"members[1].relationship"_s)->message, u"A household has only one head."_s);
        QVERIFY(state.removeInstance(u"members"_s, 1).has_value());
        QVERIFY(!state.issue(u"members[0].relationship"_s).has_value());

        // Cascading location.
        QVERIFY(state.setValue(u"region"_s, u"south"_s).has_value());
        QStringList districts;
        for (const Choice *choice : state.choices(u"district"_s))
            districts.push_back(choice->name);
        QCOMPARE(districts, (QStringList{u"riverbend"_s, u"palmcoast"_s}));
        QVERIFY(state.setValue(u"district"_s, u"palmcoast"_s).has_value());
        QStringList villages;
        for (const Choice *choice : state.choices(u"village"_s))
            villages.push_back(choice->name);
        QCOMPARE(villages, (QStringList{u"marisa"_s, u"wanda"_s}));
        QCOMPARE(state.choices(u"village"_s).front()->label.text(u"fr"_s), u"Marisa"_s);
        QVERIFY(state.setValue(u"village"_s, u"kalo"_s).has_value()); // a northern village
        QCOMPARE(state.issue(u"village"_s)->kind, FieldIssue::Kind::Choice);

        QVERIFY(state.setValue(u"phone"_s, u"12-34"_s).has_value());
        QCOMPARE(state.issue(u"phone"_s)->message, u"6 to 15 digits, optionally after a '+'."_s);
        QVERIFY(state.setValue(u"gps"_s, u"12.5 190"_s).has_value());
        QCOMPARE(state.issue(u"gps"_s)->kind, FieldIssue::Kind::Type);
    }

    void memberForm_addsExactlyOneMember()
    {
        const FormDefinition form = defaultForm(u"member"_s);
        FormState state(form, today, ids(u"p-"_s));
        QCOMPARE(state.instanceCount(u"members"_s), 1);
        QVERIFY(!state.canAddInstance(u"members"_s));
        QVERIFY(!state.canRemoveInstance(u"members"_s));
        QVERIFY(state.setValue(u"members[0].name"_s, u"Zoë"_s).has_value());
        QVERIFY(state.setValue(u"members[0].sex"_s, u"female"_s).has_value());
        QVERIFY(state.setValue(u"members[0].birth_date_known"_s, u"no"_s).has_value());
        QVERIFY(state.setValue(u"members[0].age"_s, 4).has_value());
        QVERIFY(state.setValue(u"members[0].relationship"_s, u"child"_s).has_value());
        QVERIFY2(state.isValid(), qPrintable(issuePaths(state).join(u", "_s)));
        QCOMPARE(form.eventType(), u"add-member"_s);
        QCOMPARE(state.toEventData(), parse(R"({"members": [{"guid": "p-1", "name": "Zoë", "sex": "female",
            "birth_date_known": "no", "age": 4, "relationship": "child", "is_head": false}]})"));
    }

    void removeMemberForm_needsAMemberAndANoteForCorrections()
    {
        const FormDefinition form = defaultForm(u"remove-member"_s);
        FormState state(form, today);
        QCOMPARE(issuePaths(state), (QStringList{u"memberId"_s, u"reason"_s}));
        QVERIFY(state.setValue(u"memberId"_s, u"p-2"_s).has_value());
        QVERIFY(state.setValue(u"reason"_s, u"data-correction"_s).has_value());
        QVERIFY(state.isRequired(u"note"_s));
        QCOMPARE(issuePaths(state), QStringList{u"note"_s});
        QVERIFY(state.setValue(u"reason"_s, u"deceased"_s).has_value());
        QVERIFY(state.isValid());
        QCOMPARE(form.eventType(), u"remove-member"_s);
        QCOMPARE(state.toEventData(), parse(R"({"memberId": "p-2", "reason": "deceased"})"));
    }

    void editForm_fromEntityData_clearsWhatTheUserCleared()
    {
        const FormDefinition form = defaultForm(u"household-edit"_s);
        const QJsonObject entity = parse(R"({"name": "Household 1", "region": "north", "district": "hillside",
            "village": "kalo", "phone": "+22370123456", "members": "not in this form"})");
        FormState state(form, form.valuesFromData(entity), today);
        QVERIFY(state.isValid());
        QVERIFY(state.setValue(u"phone"_s, u""_s).has_value());
        QVERIFY(state.setValue(u"name"_s, u"Household One"_s).has_value());
        QCOMPARE(form.eventType(), u"update-group"_s);
        QCOMPARE(state.toEventData(),
                 parse(R"({"name": "Household One", "region": "north", "district": "hillside",
            "village": "kalo", "phone": null})"));

        const FormDefinition memberEdit = defaultForm(u"member-edit"_s);
        const FormState member(memberEdit, memberEdit.valuesFromData(parse(R"({"name": "Ana", "sex": "female",
            "birth_date_known": "yes", "birth_date": "1990-05-15", "relationship": "head", "is_head": true})")),
                               today);
        QVERIFY2(member.isValid(), qPrintable(issuePaths(member).join(u", "_s)));
        QCOMPARE(member.value(u"is_head"_s), QJsonValue(true));
        QCOMPARE(memberEdit.eventType(), u"update-individual"_s);
    }

    void values_roundTripThroughADraft()
    {
        FormState state(formFrom(householdFields), today, ids(u"m-"_s));
        QVERIFY(state.addInstance(u"members"_s).has_value());
        QVERIFY(state.setValue(u"members[1].name"_s, u"Ben"_s).has_value());
        QVERIFY(state.setValue(u"members[1].age"_s, u"x"_s).has_value()); // invalid, kept in the draft
        const FormValues draft = state.values();
        const FormState restored(state.definition(), draft, today);
        QCOMPARE(restored.values(), draft);
        QCOMPARE(restored.instanceGuid(u"members[1]"_s), u"m-2"_s);
        QCOMPARE(restored.value(u"members[1].age"_s), QJsonValue(u"x"_s));
        QCOMPARE(restored.issue(u"members[1].age"_s)->kind, FieldIssue::Kind::Type);
    }
};

QTEST_GUILESS_MAIN(TestFormValidation)
#include "tst_formvalidation.moc"
