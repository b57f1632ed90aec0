#include "core/common/clock.h"
#include "core/forms/formdefinition.h"
#include "core/forms/formstate.h"
#include "ui/forms/rostermodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using fieldledger::core::FormDefinition;
using fieldledger::core::FormState;
using fieldledger::core::FormValues;
using fieldledger::core::SequentialIdGenerator;
using fieldledger::ui::RosterModel;

namespace {

const QDate kToday(2026, 3, 2);

FormDefinition loadForm(const QString &name)
{
    auto forms = fieldledger::core::loadFormsFrom(u":/forms"_s);
    if (!forms)
        qFatal("cannot load the default forms: %s", qPrintable(forms.error().message));
    for (FormDefinition &form : *forms) {
        if (form.id() == name)
            return form;
    }
    qFatal("no form %s", qPrintable(name));
}

FormDefinition formFromJson(const char *json)
{
    auto form = FormDefinition::fromJson(QJsonDocument::fromJson(json).object());
    if (!form)
        qFatal("bad test form: %s", qPrintable(form.error().message));
    return *form;
}

// A repeat whose instance count follows a field.
const char *const kCountedForm = R"json({"id": "counted", "version": "1", "eventType": "create-group",
  "title": "Counted", "defaultLanguage": "en",
  "fields": [
    {"type": "integer", "name": "n", "label": "How many?"},
    {"type": "repeat", "name": "rooms", "count": "${n}", "label": "Rooms", "fields": [
      {"type": "text", "name": "use", "label": "Use", "required": true}]}]})json";

} // namespace

class TestRosterModel final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void columns_areFirstInputFieldsThenIssues();
    void data_showsChoiceLabelsInLanguageAndIssues();
    void addInstance_insertsOneRowWithTester();
    void applyChanges_emitsDataChangedForChangedRowOnly();
    void removeInstance_removesOneRowAndRenumbers();
    void removeInstance_belowMin_isRefusedWithoutSignals();
    void addInstance_aboveMax_isRefused();
    void countExpression_rowsFollowTheCount();
    void setRepeatPath_resetsForNestedInstance();
    void setLanguage_changesHeadersAndLabels();
    void displayText_formatsEachType_data();
    void displayText_formatsEachType();
};

void TestRosterModel::initTestCase()
{
    Q_INIT_RESOURCE(resources);
}

void TestRosterModel::columns_areFirstInputFieldsThenIssues()
{
    const FormDefinition form = loadForm(u"household-registration"_s);
    FormState state(form, kToday);
    RosterModel model(state, *form.field(u"members"), u"members"_s, u"en"_s);
    QCOMPARE(model.columnCount(), RosterModel::kDefaultFieldColumns + 1);
    QCOMPARE(model.columnField(0)->name, u"name"_s);
    QCOMPARE(model.columnField(1)->name, u"sex"_s);
    QCOMPARE(model.columnField(2)->name, u"birth_date_known"_s);
    QCOMPARE(model.columnField(3)->name, u"birth_date"_s);
    QCOMPARE(model.columnKind(0), RosterModel::Column::Field);
    QCOMPARE(model.columnKind(model.issuesColumn()), RosterModel::Column::Issues);
    QVERIFY(model.columnField(model.issuesColumn()) == nullptr);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Full name"_s);
    QCOMPARE(model.headerData(model.issuesColumn(), Qt::Horizontal).toString(), u"Issues"_s);
    QCOMPARE(model.rowCount(), 1); // min 1
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);

    RosterModel narrow(state, *form.field(u"members"), u"members"_s, u"en"_s, 2);
    QCOMPARE(narrow.columnCount(), 3);
}

void TestRosterModel::data_showsChoiceLabelsInLanguageAndIssues()
{
    const FormDefinition form = loadForm(u"household-registration"_s);
    FormState state(form, kToday);
    RosterModel model(state, *form.field(u"members"), u"members"_s, u"fr"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QModelIndex issues = model.index(0, model.issuesColumn());
    const int initialIssues = model.data(issues, RosterModel::IssueCountRole).toInt();
    QCOMPARE(initialIssues, 4); // name, sex, birth_date_known and relationship are required
    QVERIFY(model.data(issues, Qt::ToolTipRole).toString().contains(u"Nom complet"_s));

    QVERIFY(state.setValue(u"members[0].name"_s, u"Amina Kalo"_s));
    QVERIFY(state.setValue(u"members[0].sex"_s, u"female"_s));
    QVERIFY(state.setValue(u"members[0].birth_date_known"_s, u"no"_s));
    model.applyChanges({u"members[0].name"_s, u"members[0].sex"_s, u"members[0].birth_date_known"_s});
    QCOMPARE(model.data(model.index(0, 0)).toString(), u"Amina Kalo"_s);
    QCOMPARE(model.data(model.index(0, 1)).toString(), u"Féminin"_s);
    QCOMPARE(model.data(model.index(0, 2)).toString(), u"Non"_s);
    QCOMPARE(model.data(model.index(0, 1), RosterModel::ValueRole).value<QJsonValue>(),
             QJsonValue(u"female"_s));
    QCOMPARE(model.data(model.index(0, 1), RosterModel::FieldPathRole).toString(), u"members[0].sex"_s);
    QCOMPARE(model.data(model.index(0, 0), RosterModel::InstancePathRole).toString(), u"members[0]"_s);
    QVERIFY(!model.data(model.index(0, 0), RosterModel::GuidRole).toString().isEmpty());
    // Age (relevant now) and relationship remain.
    QCOMPARE(model.data(issues, RosterModel::IssueCountRole).toInt(), 2);
    QCOMPARE(model.data(issues).toString(), u"2"_s);
    QVERIFY(model.data(issues, Qt::ForegroundRole).isValid());

    // A field that is not relevant reads as empty, whatever it holds.
    QVERIFY(state.setValue(u"members[0].birth_date"_s, u"1980-01-01"_s));
    QCOMPARE(model.data(model.index(0, 3)).toString(), QString());
}

void TestRosterModel::addInstance_insertsOneRowWithTester()
{
    const FormDefinition form = loadForm(u"household-registration"_s);
    FormState state(form, kToday, std::make_unique<SequentialIdGenerator>(u"m-"_s));
    RosterModel model(state, *form.field(u"members"), u"members"_s, u"en"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    for (int expected = 2; expected <= 5; ++expected) {
        const auto changed = model.addInstance();
        QVERIFY(changed.has_value());
        QVERIFY(changed->contains(u"members[%1].name"_s.arg(expected - 1)));
        QCOMPARE(model.rowCount(), expected);
        QCOMPARE(state.instanceCount(u"members"_s), expected);
        QCOMPARE(inserted.last().at(1).toInt(), expected - 1);
        QCOMPARE(inserted.last().at(2).toInt(), expected - 1);
    }
    QCOMPARE(aboutToInsert.size(), 4);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.data(model.index(4, 0), RosterModel::GuidRole).toString(), u"m-5"_s);
}

void TestRosterModel::applyChanges_emitsDataChangedForChangedRowOnly()
{
    const FormDefinition form = loadForm(u"household-registration"_s);
    FormState state(form, kToday);
    RosterModel model(state, *form.field(u"members"), u"members"_s, u"en"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.addInstance());
    QVERIFY(model.addInstance());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    auto paths = state.setValue(u"members[1].sex"_s, u"male"_s);
    QVERIFY(paths);
    QStringList list = paths->values();
    list.push_back(u"members[1].sex"_s);
    model.applyChanges(list);
    QCOMPARE(changed.size(), 1);
    const auto topLeft = changed.first().at(0).value<QModelIndex>();
    const auto bottomRight = changed.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 1);
    QCOMPARE(topLeft.column(), 1);                        // the sex column ...
    QCOMPARE(bottomRight.column(), model.issuesColumn()); // ... through the issues
    QCOMPARE(model.data(model.index(1, 1)).toString(), u"Male"_s);
    QCOMPARE(reset.size(), 0);

    // Paths of other repeats or the form are ignored.
    changed.clear();
    model.applyChanges({u"name"_s, u"head_count"_s, u"membersX[0].name"_s});
    QCOMPARE(changed.size(), 0);

    // The head constraint reads every member: each row whose issue changed is told.
    QVERIFY(state.setValue(u"members[0].relationship"_s, u"head"_s));
    paths = state.setValue(u"members[2].relationship"_s, u"head"_s);
    QVERIFY(paths);
    changed.clear();
    list = paths->values();
    list.push_back(u"members[2].relationship"_s);
    model.applyChanges(list);
    QSet<int> rows;
    for (const QList<QVariant> &signal : changed)
        rows.insert(signal.at(0).value<QModelIndex>().row());
    QCOMPARE(rows, (QSet<int>{0, 2}));
    QVERIFY(model.data(model.index(0, model.issuesColumn()), RosterModel::IssuesRole)
                .toStringList()
                .join(u'\n')
                .contains(u"only one head"_s));
}

void TestRosterModel::removeInstance_removesOneRowAndRenumbers()
{
    const FormDefinition form = loadForm(u"household-registration"_s);
    FormState state(form, kToday);
    RosterModel model(state, *form.field(u"members"), u"members"_s, u"en"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.addInstance());
    QVERIFY(model.addInstance());
    for (int row = 0; row < 3; ++row)
        QVERIFY(state.setValue(u"members[%1].name"_s.arg(row), u"Person %1"_s.arg(row + 1)));
    const QString thirdGuid = model.data(model.index(2, 0), RosterModel::GuidRole).toString();

    QSignalSpy aboutToRemove(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.removeInstance(1));
    QCOMPARE(aboutToRemove.size(), 1);
    QCOMPARE(aboutToRemove.first().at(1).toInt(), 1);
    QCOMPARE(aboutToRemove.first().at(2).toInt(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0, 0)).toString(), u"Person 1"_s);
    QCOMPARE(model.data(model.index(1, 0)).toString(), u"Person 3"_s);
    QCOMPARE(model.data(model.index(1, 0), RosterModel::GuidRole).toString(), thirdGuid);
    QCOMPARE(model.data(model.index(1, 0), RosterModel::InstancePathRole).toString(), u"members[1]"_s);

    QVERIFY(!model.removeInstance(5));
    QCOMPARE(model.rowCount(), 2);
}

void TestRosterModel::removeInstance_belowMin_isRefusedWithoutSignals()
{
    const FormDefinition form = loadForm(u"household-registration"_s);
    FormState state(form, kToday);
    RosterModel model(state, *form.field(u"members"), u"members"_s, u"en"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy aboutToRemove(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
    QVERIFY(!model.canRemoveInstance());
    QVERIFY(!model.removeInstance(0));
    QCOMPARE(aboutToRemove.size(), 0);
    QCOMPARE(model.rowCount(), 1);
}

void TestRosterModel::addInstance_aboveMax_isRefused()
{
    const FormDefinition form = loadForm(u"household-registration"_s);
    FormState state(form, kToday);
    RosterModel model(state, *form.field(u"members"), u"members"_s, u"en"_s);
    while (model.canAddInstance())
        QVERIFY(model.addInstance());
    QCOMPARE(model.rowCount(), 40); // the form's max
    QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    QVERIFY(!model.addInstance());
    QCOMPARE(aboutToInsert.size(), 0);
    QCOMPARE(model.rowCount(), 40);
}

void TestRosterModel::countExpression_rowsFollowTheCount()
{
    const FormDefinition form = formFromJson(kCountedForm);
    FormState state(form, kToday);
    RosterModel model(state, *form.field(u"rooms"), u"rooms"_s, u"en"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canAddInstance());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    auto changed = state.setValue(u"n"_s, u"3"_s);
    QVERIFY(changed);
    model.applyChanges(changed->values());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 2);

    QVERIFY(state.setValue(u"rooms[2].use"_s, u"kitchen"_s));
    changed = state.setValue(u"n"_s, u"1"_s);
    QVERIFY(changed);
    model.applyChanges(changed->values());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(removed.first().at(2).toInt(), 2);
    QVERIFY(!model.removeInstance(0)); // the count decides
}

void TestRosterModel::setRepeatPath_resetsForNestedInstance()
{
    const FormDefinition form =
        formFromJson(R"json({"id": "nested", "version": "1", "eventType": "create-group",
      "title": "Nested", "defaultLanguage": "en",
      "fields": [{"type": "repeat", "name": "plots", "label": "Plots", "fields": [
        {"type": "text", "name": "plot", "label": "Plot"},
        {"type": "repeat", "name": "crops", "label": "Crops", "fields": [
          {"type": "text", "name": "crop", "label": "Crop"}]}]}]})json");
    FormValues values;
    FormValues first;
    FormValues second;
    FormValues maize;
    maize.values.insert(u"crop"_s, u"maize"_s);
    FormValues beans;
    beans.values.insert(u"crop"_s, u"beans"_s);
    first.repeats.insert(u"crops"_s, {maize});
    second.repeats.insert(u"crops"_s, {beans, maize});
    values.repeats.insert(u"plots"_s, {first, second});
    FormState state(form, values, kToday);

    RosterModel model(state, *form.field(u"plots.crops"), u"plots[0].crops"_s, u"en"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, 0)).toString(), u"maize"_s);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRepeatPath(u"plots[1].crops"_s);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0, 0)).toString(), u"beans"_s);
    QCOMPARE(model.instancePath(1), u"plots[1].crops[1]"_s);
    QVERIFY(model.addInstance());
    QCOMPARE(state.instanceCount(u"plots[1].crops"_s), 3);
    QCOMPARE(state.instanceCount(u"plots[0].crops"_s), 1);
}

void TestRosterModel::setLanguage_changesHeadersAndLabels()
{
    const FormDefinition form = loadForm(u"household-registration"_s);
    FormState state(form, kToday);
    QVERIFY(state.setValue(u"members[0].sex"_s, u"male"_s));
    RosterModel model(state, *form.field(u"members"), u"members"_s, u"en"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(model.data(model.index(0, 1)).toString(), u"Male"_s);
    model.setLanguage(u"fr"_s);
    QCOMPARE(headers.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Nom complet"_s);
    QCOMPARE(model.data(model.index(0, 1)).toString(), u"Masculin"_s);
}

void TestRosterModel::displayText_formatsEachType_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text") << u"name"_s << QJsonValue(u"Kalo"_s) << u"Kalo"_s;
    QTest::newRow("select label") << u"region"_s << QJsonValue(u"north"_s) << u"Northern Region"_s;
    QTest::newRow("select unknown name") << u"region"_s << QJsonValue(u"east"_s) << u"east"_s;
    QTest::newRow("geopoint object") << u"gps"_s
                                     << QJsonValue(QJsonObject{{u"latitude"_s, 12.5}, {u"longitude"_s, -8}})
                                     << u"12.5, -8"_s;
    QTest::newRow("geopoint string") << u"gps"_s << QJsonValue(u"12.5 -8 300 5"_s) << u"12.5, -8"_s;
    QTest::newRow("boolean calculation") << u"members.is_head"_s << QJsonValue(true) << u"Yes"_s;
    QTest::newRow("number") << u"members.age"_s << QJsonValue(42) << u"42"_s;
    QTest::newRow("unanswered") << u"name"_s << QJsonValue(QString()) << QString();
}

void TestRosterModel::displayText_formatsEachType()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    const FormDefinition form = loadForm(u"household-registration"_s);
    const auto *field = form.field(path);
    QVERIFY(field);
    QCOMPARE(RosterModel::displayText(*field, value, u"en"_s, u"en"_s), expected);
}

QTEST_MAIN(TestRosterModel)
#include "tst_rostermodel.moc"
