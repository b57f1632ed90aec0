#include "core/forms/formdefinition.h"
#include "core/forms/formstate.h"
#include "ui/forms/formview.h"
#include "ui/forms/rostermodel.h"
#include "ui/messagebox.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using fieldledger::core::FormDefinition;
using fieldledger::core::FormValues;
using fieldledger::ui::FormView;
using fieldledger::ui::MessageBox;
using fieldledger::ui::RosterModel;

namespace {

const QDate kToday(2026, 3, 2);

FormDefinition formFromJson(const QByteArray &json)
{
    auto form = FormDefinition::fromJson(QJsonDocument::fromJson(json).object());
    if (!form)
        qFatal("bad test form: %s", qPrintable(form.error().message));
    return *form;
}

// A small form for what the default forms do not have: a labelled calculation, a relevance
// between top-level fields, radio buttons, check boxes, and Spanish texts.
const QByteArray kSmallForm = R"json({"id": "small", "version": "1", "eventType": "create-group",
  "title": {"en": "Small", "fr": "Petit", "es": "Pequeño"}, "defaultLanguage": "en",
  "fields": [
    {"type": "integer", "name": "adults", "label": {"en": "Adults", "fr": "Adultes", "es": "Adultos"},
     "required": true},
    {"type": "integer", "name": "children", "label": {"en": "Children", "fr": "Enfants", "es": "Niños"}},
    {"type": "calculate", "name": "total", "label": {"en": "People", "fr": "Personnes", "es": "Personas"},
     "calculation": "${adults} + coalesce(${children}, 0)"},
    {"type": "select_one", "name": "water", "appearance": "horizontal",
     "label": {"en": "Water source", "fr": "Source d’eau", "es": "Fuente de agua"},
     "choices": [{"name": "well", "label": {"en": "Well", "fr": "Puits", "es": "Pozo"}},
                 {"name": "tap", "label": {"en": "Tap", "fr": "Robinet", "es": "Grifo"}},
                 {"name": "other", "label": {"en": "Other", "fr": "Autre", "es": "Otra"}}]},
    {"type": "text", "name": "water_other", "relevant": "${water} = 'other'",
     "label": {"en": "Which source?", "fr": "Quelle source ?", "es": "¿Qué fuente?"}},
    {"type": "select_multiple", "name": "assets",
     "label": {"en": "Assets", "fr": "Biens", "es": "Bienes"},
     "choices": [{"name": "radio", "label": "Radio"}, {"name": "bicycle", "label": "Bicycle"},
                 {"name": "phone", "label": "Phone"}]}]})json";

} // namespace

class TestFormView final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void householdForm_typedIntoWidgets_submitsThreeMembers();
    void constraint_showsMessageBesideFieldAndBlocksSubmit_untilFixed();
    void requiredMessage_showsOnlyAfterTouchOrSubmitAttempt();
    void relevance_hidesAndShowsFieldsLive();
    void calculation_updatesLive();
    void cascadingSelect_offersOnlyFilteredChoices();
    void radioAndCheckBoxes_setValues();
    void draft_resumedFromValues_restoresEveryWidgetAndRoster();
    void editForm_initialData_fillsWidgets();
    void summary_listsAnswersAndIssues_andJumpsToField();
    void roster_keyboard_addsMovesAndRemovesRows();
    void roster_removeWithAnswers_asksFirst();
    void languageSwitch_changesLabelsChoicesAndMessages_data();
    void languageSwitch_changesLabelsChoicesAndMessages();
    void enter_movesToNextFieldThenNextPage();
    void escape_requestsCancel();
    void showSubmitError_keepsFormAndValues();
    void valuesChanged_firesOnEveryEdit();
    void pages_followGroupsAndSkipIrrelevant();

private:
    static FormDefinition defaultForm(const QString &id);
    static void show(FormView &view);
    template<typename T>
    static T *child(const QWidget &parent, const QString &name);
    static void choose(const FormView &view, const QString &name, const QString &choice);
    static void type(const FormView &view, const QString &name, const QString &text);
    // Types a whole household with three members into the widgets, as a user would.
    static void fillHousehold(FormView &view);
    static void fillMember(FormView &view, const QString &name, const QString &sex, const QString &birthDate,
                           const QString &age, const QString &relationship);
    static QString shownMessage(const FormView &view, const QString &name);
    static bool shown(const FormView &view, const QString &editorName);
};

void TestFormView::initTestCase()
{
    Q_INIT_RESOURCE(resources);
    QStandardPaths::setTestModeEnabled(true);
}

void TestFormView::init()
{
    MessageBox::reset();
}

FormDefinition TestFormView::defaultForm(const QString &id)
{
    auto forms = fieldledger::core::loadFormsFrom(u":/forms"_s);
    if (!forms)
        qFatal("cannot load the default forms: %s", qPrintable(forms.error().message));
    for (FormDefinition &form : *forms) {
        if (form.id() == id)
            return form;
    }
    qFatal("no form %s", qPrintable(id));
}

void TestFormView::show(FormView &view)
{
    view.resize(1000, 720);
    view.show();
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
}

template<typename T>
T *TestFormView::child(const QWidget &parent, const QString &name)
{
    auto *found = parent.findChild<T *>(name);
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

void TestFormView::choose(const FormView &view, const QString &name, const QString &choice)
{
    auto *combo = child<QComboBox>(view, name);
    const int index = combo->findData(choice);
    QVERIFY2(index >= 0, qPrintable(name + u": no choice "_s + choice));
    combo->setFocus();
    combo->setCurrentIndex(index);
}

void TestFormView::type(const FormView &view, const QString &name, const QString &text)
{
    auto *edit = child<QLineEdit>(view, name);
    edit->setFocus();
    edit->selectAll();
    if (!edit->text().isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

QString TestFormView::shownMessage(const FormView &view, const QString &name)
{
    auto *label = child<QLabel>(view, name + u"/message"_s);
    return label->isHidden() ? QString() : label->text();
}

bool TestFormView::shown(const FormView &view, const QString &editorName)
{
    return !child<QWidget>(view, editorName + u"/editor"_s)->isHidden();
}

void TestFormView::fillMember(FormView &view, const QString &name, const QString &sex,
                              const QString &birthDate, const QString &age, const QString &relationship)
{
    type(view, u"members.name"_s, name);
    choose(view, u"members.sex"_s, sex);
    choose(view, u"members.birth_date_known"_s, birthDate.isEmpty() ? u"no"_s : u"yes"_s);
    if (birthDate.isEmpty())
        type(view, u"members.age"_s, age);
    else
        type(view, u"members.birth_date"_s, birthDate);
    choose(view, u"members.relationship"_s, relationship);
}

void TestFormView::fillHousehold(FormView &view)
{
    QCOMPARE(view.currentPage(), 0);
    type(view, u"name"_s, u"Kalo"_s);
    type(view, u"phone"_s, u"+22370123456"_s);
    QTest::mouseClick(child<QPushButton>(view, u"nextButton"_s), Qt::LeftButton);
    QCOMPARE(view.pageTitle(view.currentPage()), u"Location"_s);
    choose(view, u"region"_s, u"north"_s);
    choose(view, u"district"_s, u"hillside"_s);
    choose(view, u"village"_s, u"kalo"_s);
    type(view, u"gps/latitude"_s, u"12.5"_s);
    type(view, u"gps/longitude"_s, u"-8.25"_s);
    QTest::mouseClick(child<QPushButton>(view, u"nextButton"_s), Qt::LeftButton);
    QCOMPARE(view.pageTitle(view.currentPage()), u"Household members"_s);

    // The first member exists (min 1); the others come by button, Ctrl+Shift+N and Insert.
    auto *table = child<QTableView>(view, u"members/table"_s);
    QCOMPARE(table->model()->rowCount(), 1);
    fillMember(view, u"Amina Kalo"_s, u"female"_s, u"1980-04-12"_s, {}, u"head"_s);
    QTest::mouseClick(child<QPushButton>(view, u"members/add"_s), Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->currentIndex().row(), 1);
    fillMember(view, u"Issa Kalo"_s, u"male"_s, {}, u"12"_s, u"child"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(table->model()->rowCount(), 3);
    QCOMPARE(table->currentIndex().row(), 2);
    // The new entry's first field has the focus.
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"members.name"_s));
    fillMember(view, u"Fanta Kalo"_s, u"female"_s, {}, u"7"_s, u"child"_s);
}

void TestFormView::householdForm_typedIntoWidgets_submitsThreeMembers()
{
    FormView view;
    view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    show(view);
    QSignalSpy submitted(&view, &FormView::submitRequested);
    fillHousehold(view);

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.first().at(0).toString(), u"create-group"_s);
    const QJsonObject data = submitted.first().at(1).toJsonObject();
    QCOMPARE(data.value(u"name"_s).toString(), u"Kalo"_s);
    QCOMPARE(data.value(u"region"_s).toString(), u"north"_s);
    QCOMPARE(data.value(u"district"_s).toString(), u"hillside"_s);
    QCOMPARE(data.value(u"village"_s).toString(), u"kalo"_s);
    QCOMPARE(data.value(u"phone"_s).toString(), u"+22370123456"_s);
    QCOMPARE(data.value(u"gps"_s).toObject().value(u"latitude"_s).toDouble(), 12.5);
    QCOMPARE(data.value(u"gps"_s).toObject().value(u"longitude"_s).toDouble(), -8.25);
    const QJsonArray members = data.value(u"members"_s).toArray();
    QCOMPARE(members.size(), 3);
    QStringList names;
    QStringList sexes;
    QStringList relationships;
    QSet<QString> guids;
    for (const QJsonValue &member : members) {
        names.push_back(member[u"name"_s].toString());
        sexes.push_back(member[u"sex"_s].toString());
        relationships.push_back(member[u"relationship"_s].toString());
        guids.insert(member[u"guid"_s].toString());
    }
    QCOMPARE(names, (QStringList{u"Amina Kalo"_s, u"Issa Kalo"_s, u"Fanta Kalo"_s}));
    QCOMPARE(sexes, (QStringList{u"female"_s, u"male"_s, u"female"_s}));
    QCOMPARE(relationships, (QStringList{u"head"_s, u"child"_s, u"child"_s}));
    QCOMPARE(guids.size(), 3);
    QCOMPARE(members[0][u"birth_date"_s].toString(), u"1980-04-12"_s);
    QVERIFY(!members[0].toObject().contains(u"age"_s)); // not relevant: left out
    QCOMPARE(members[1][u"age"_s].toInt(), 12);
    QCOMPARE(members[0][u"is_head"_s].toBool(), true);
    const QJsonObject metadata = submitted.first().at(2).toJsonObject();
    QCOMPARE(metadata.value(u"formId"_s).toString(), u"household-registration"_s);

    // A second Ctrl+Enter does not submit the same form twice.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(submitted.size(), 1);
}

void TestFormView::constraint_showsMessageBesideFieldAndBlocksSubmit_untilFixed()
{
    FormView view;
    view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    show(view);
    QSignalSpy submitted(&view, &FormView::submitRequested);
    fillHousehold(view);

    // An age over 120 on the third member.
    choose(view, u"members.birth_date_known"_s, u"no"_s);
    type(view, u"members.age"_s, u"130"_s);
    QCOMPARE(shownMessage(view, u"members.age"_s), u"The age must be between 0 and 120."_s);
    auto *table = child<QTableView>(view, u"members/table"_s);
    QCOMPARE(table->model()->index(2, 0).data(Qt::DisplayRole).toString(), u"Fanta Kalo"_s);
    const QModelIndex issues = table->model()->index(2, table->model()->columnCount() - 1);
    QCOMPARE(issues.data(RosterModel::IssueCountRole).toInt(), 1);

    // Ctrl+Enter from the first page goes to the issue instead of submitting.
    view.goToPage(0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(submitted.size(), 0);
    QCOMPARE(view.pageTitle(view.currentPage()), u"Household members"_s);
    QCOMPARE(table->currentIndex().row(), 2);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"members.age"_s));
    QCOMPARE(view.submitError(), u"Issues to fix before the form can be submitted: 1."_s);

    // A phone number that breaks its constraint, typed on the first page.
    view.goToPage(0);
    type(view, u"phone"_s, u"12ab"_s);
    QCOMPARE(shownMessage(view, u"phone"_s), u"6 to 15 digits, optionally after a '+'."_s);

    // Fixing both lets the form go.
    type(view, u"phone"_s, u"70123456"_s);
    QCOMPARE(shownMessage(view, u"phone"_s), QString());
    QVERIFY(view.focusField(u"members[2].age"_s));
    type(view, u"members.age"_s, u"7"_s);
    QCOMPARE(shownMessage(view, u"members.age"_s), QString());
    QCOMPARE(issues.data(RosterModel::IssueCountRole).toInt(), 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.first().at(1).toJsonObject().value(u"phone"_s).toString(), u"70123456"_s);
    QCOMPARE(view.submitError(), QString());
}

void TestFormView::requiredMessage_showsOnlyAfterTouchOrSubmitAttempt()
{
    FormView view;
    view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    show(view);
    QCOMPARE(shownMessage(view, u"name"_s), QString()); // untouched: quiet
    QVERIFY(child<QLabel>(view, u"name/label"_s)->text().contains(u'*'));
    QVERIFY(!child<QLabel>(view, u"phone/label"_s)->text().contains(u'*'));

    type(view, u"name"_s, u"K"_s);
    QTest::keyClick(child<QLineEdit>(view, u"name"_s), Qt::Key_Backspace);
    QCOMPARE(shownMessage(view, u"name"_s), u"This field is required."_s);
    QCOMPARE(shownMessage(view, u"region"_s), QString());

    QVERIFY(!view.submit());
    QCOMPARE(shownMessage(view, u"region"_s), u"This field is required."_s);
    // The first issue is on the first page: the name.
    QCOMPARE(view.currentPage(), 0);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"name"_s));
}

void TestFormView::relevance_hidesAndShowsFieldsLive()
{
    FormView view;
    view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    show(view);
    QVERIFY(shown(view, u"no_head"_s)); // no head yet
    QVERIFY(!shown(view, u"members.birth_date"_s));
    QVERIFY(!shown(view, u"members.age"_s));

    view.goToPage(2);
    choose(view, u"members.birth_date_known"_s, u"yes"_s);
    QVERIFY(shown(view, u"members.birth_date"_s));
    QVERIFY(!shown(view, u"members.age"_s));
    choose(view, u"members.birth_date_known"_s, u"no"_s);
    QVERIFY(!shown(view, u"members.birth_date"_s));
    QVERIFY(shown(view, u"members.age"_s));

    choose(view, u"members.relationship"_s, u"head"_s);
    QVERIFY(!shown(view, u"no_head"_s));
    choose(view, u"members.relationship"_s, u"child"_s);
    QVERIFY(shown(view, u"no_head"_s));

    // Between top-level fields too.
    FormView small;
    small.setForm(formFromJson(kSmallForm), kToday, u"en"_s);
    show(small);
    QVERIFY(!shown(small, u"water_other"_s));
    QTest::mouseClick(child<QRadioButton>(small, u"water/other"_s), Qt::LeftButton);
    QVERIFY(shown(small, u"water_other"_s));
    QTest::mouseClick(child<QRadioButton>(small, u"water/well"_s), Qt::LeftButton);
    QVERIFY(!shown(small, u"water_other"_s));
}

void TestFormView::calculation_updatesLive()
{
    FormView view;
    view.setForm(formFromJson(kSmallForm), kToday, u"en"_s);
    show(view);
    auto *total = child<QLabel>(view, u"total/value"_s);
    QCOMPARE(total->text(), u"—"_s);
    type(view, u"adults"_s, u"2"_s);
    QCOMPARE(total->text(), u"2"_s);
    type(view, u"children"_s, u"3"_s);
    QCOMPARE(total->text(), u"5"_s);
    QTest::keyClick(child<QLineEdit>(view, u"children"_s), Qt::Key_Backspace);
    QCOMPARE(total->text(), u"2"_s);
}

void TestFormView::cascadingSelect_offersOnlyFilteredChoices()
{
    FormView view;
    view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    show(view);
    auto *district = child<QComboBox>(view, u"district"_s);
    QCOMPARE(district->count(), 0);
    choose(view, u"region"_s, u"south"_s);
    QCOMPARE(district->count(), 2);
    QCOMPARE(district->itemText(0), u"Riverbend"_s);
    QCOMPARE(district->itemText(1), u"Palm Coast"_s);
    choose(view, u"district"_s, u"palmcoast"_s);
    QCOMPARE(child<QComboBox>(view, u"village"_s)->count(), 2);

    // Another region: the district stays answered, marked as no longer offered.
    choose(view, u"region"_s, u"north"_s);
    QCOMPARE(district->count(), 3);
    QCOMPARE(district->currentText(), u"Palm Coast (not offered)"_s);
    QCOMPARE(shownMessage(view, u"district"_s), u"Choose one of the options offered."_s);
    choose(view, u"district"_s, u"lakeshore"_s);
    QCOMPARE(shownMessage(view, u"district"_s), QString());
    QCOMPARE(district->count(), 2); // the choice no longer offered left the list
    QCOMPARE(view.state().value(u"district"_s).toString(), u"lakeshore"_s);

    // Delete clears a select.
    QTest::keyClick(district, Qt::Key_Delete);
    QVERIFY(view.state().value(u"district"_s).toString().isEmpty());
    QCOMPARE(district->currentIndex(), -1);
}

void TestFormView::radioAndCheckBoxes_setValues()
{
    FormView view;
    view.setForm(formFromJson(kSmallForm), kToday, u"en"_s);
    show(view);
    QTest::mouseClick(child<QRadioButton>(view, u"water/tap"_s), Qt::LeftButton);
    QCOMPARE(view.state().value(u"water"_s).toString(), u"tap"_s);
    child<QCheckBox>(view, u"assets/radio"_s)->click();
    child<QCheckBox>(view, u"assets/phone"_s)->click();
    QCOMPARE(view.state().value(u"assets"_s).toArray(), (QJsonArray{u"radio"_s, u"phone"_s}));
    child<QCheckBox>(view, u"assets/radio"_s)->click();
    QCOMPARE(view.state().value(u"assets"_s).toArray(), (QJsonArray{u"phone"_s}));
}

void TestFormView::draft_resumedFromValues_restoresEveryWidgetAndRoster()
{
    FormValues draft;
    {
        FormView view;
        view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
        show(view);
        fillHousehold(view);
        // Half of a fourth member.
        QTest::keyClick(child<QTableView>(view, u"members/table"_s), Qt::Key_Insert);
        type(view, u"members.name"_s, u"Baby Kalo"_s);
        draft = view.values();
    }
    QCOMPARE(draft.repeats.value(u"members"_s).size(), std::size_t(4));

    FormView resumed;
    resumed.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s, draft);
    show(resumed);
    QCOMPARE(resumed.values(), draft);
    QCOMPARE(child<QLineEdit>(resumed, u"name"_s)->text(), u"Kalo"_s);
    QCOMPARE(child<QLineEdit>(resumed, u"phone"_s)->text(), u"+22370123456"_s);
    QCOMPARE(child<QComboBox>(resumed, u"region"_s)->currentData().toString(), u"north"_s);
    QCOMPARE(child<QComboBox>(resumed, u"district"_s)->currentData().toString(), u"hillside"_s);
    QCOMPARE(child<QComboBox>(resumed, u"village"_s)->currentText(), u"Kalo"_s);
    QCOMPARE(child<QLineEdit>(resumed, u"gps/latitude"_s)->text(), u"12.5"_s);
    QCOMPARE(child<QLineEdit>(resumed, u"gps/longitude"_s)->text(), u"-8.25"_s);

    auto *table = child<QTableView>(resumed, u"members/table"_s);
    QCOMPARE(table->model()->rowCount(), 4);
    QCOMPARE(table->model()->index(1, 0).data().toString(), u"Issa Kalo"_s);
    QCOMPARE(table->model()->index(3, 0).data().toString(), u"Baby Kalo"_s);
    QCOMPARE(table->currentIndex().row(), 0);
    QCOMPARE(child<QLineEdit>(resumed, u"members.name"_s)->text(), u"Amina Kalo"_s);
    QCOMPARE(child<QLineEdit>(resumed, u"members.birth_date"_s)->text(), u"1980-04-12"_s);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(child<QLineEdit>(resumed, u"members.name"_s)->text(), u"Issa Kalo"_s);
    QCOMPARE(child<QComboBox>(resumed, u"members.sex"_s)->currentData().toString(), u"male"_s);
    QCOMPARE(child<QLineEdit>(resumed, u"members.age"_s)->text(), u"12"_s);
    QCOMPARE(child<QComboBox>(resumed, u"members.relationship"_s)->currentData().toString(), u"child"_s);
    QVERIFY(shown(resumed, u"members.age"_s));
    QVERIFY(!shown(resumed, u"members.birth_date"_s));
    QTest::keyClick(table, Qt::Key_Down);
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(child<QLineEdit>(resumed, u"members.name"_s)->text(), u"Baby Kalo"_s);
    QCOMPARE(child<QComboBox>(resumed, u"members.sex"_s)->currentIndex(), -1);
    QVERIFY(child<QLineEdit>(resumed, u"members.age"_s)->text().isEmpty());

    // Editing the resumed draft edits the instance shown.
    type(resumed, u"members.name"_s, u"Mariam Kalo"_s);
    QCOMPARE(resumed.state().value(u"members[3].name"_s).toString(), u"Mariam Kalo"_s);
    QCOMPARE(resumed.state().value(u"members[1].name"_s).toString(), u"Issa Kalo"_s);
}

void TestFormView::editForm_initialData_fillsWidgets()
{
    const FormDefinition form = defaultForm(u"member-edit"_s);
    const QJsonObject data{{u"name"_s, u"Issa Kalo"_s},
                           {u"sex"_s, u"male"_s},
                           {u"birth_date_known"_s, u"no"_s},
                           {u"age"_s, 12},
                           {u"relationship"_s, u"child"_s}};
    FormView view;
    view.setForm(form, kToday, u"en"_s, form.valuesFromData(data));
    show(view);
    QCOMPARE(view.pageCount(), 2); // the fields, the summary
    QCOMPARE(child<QLineEdit>(view, u"name"_s)->text(), u"Issa Kalo"_s);
    QCOMPARE(child<QLineEdit>(view, u"age"_s)->text(), u"12"_s);
    QCOMPARE(child<QComboBox>(view, u"relationship"_s)->currentText(), u"Child"_s);

    // A cleared answer is sent as null, so the update clears it.
    QSignalSpy submitted(&view, &FormView::submitRequested);
    choose(view, u"birth_date_known"_s, u"yes"_s);
    type(view, u"birth_date"_s, u"2014-01-05"_s);
    QVERIFY(view.submit());
    const QJsonObject sent = submitted.first().at(1).toJsonObject();
    QCOMPARE(sent.value(u"birth_date"_s).toString(), u"2014-01-05"_s);
    QCOMPARE(submitted.first().at(0).toString(), u"update-individual"_s);
}

void TestFormView::summary_listsAnswersAndIssues_andJumpsToField()
{
    FormView view;
    view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    show(view);
    type(view, u"name"_s, u"Kalo"_s);
    view.goToPage(2);
    type(view, u"members.name"_s, u"Amina Kalo"_s);

    view.goToPage(view.summaryPage());
    QCOMPARE(view.pageTitle(view.currentPage()), u"Summary"_s);
    auto *issues = child<QListWidget>(view, u"summaryIssues"_s);
    QStringList issueTexts;
    for (int i = 0; i < issues->count(); ++i)
        issueTexts.push_back(issues->item(i)->text());
    QVERIFY(issueTexts.contains(u"Region — This field is required."_s));
    QVERIFY(issueTexts.contains(u"Household members 1 › Sex — This field is required."_s));
    QVERIFY(!issueTexts.join(u'\n').contains(u"Household name"_s));
    QCOMPARE(issueTexts.size(), int(view.state().validate().size()));

    auto *answers = child<QTreeWidget>(view, u"summaryAnswers"_s);
    const auto name = answers->findItems(u"Household name"_s, Qt::MatchExactly, 0);
    QCOMPARE(name.size(), 1);
    QCOMPARE(name.first()->text(1), u"Kalo"_s);
    const auto phone = answers->findItems(u"Phone number"_s, Qt::MatchExactly, 0);
    QCOMPARE(phone.first()->text(1), u"(no answer)"_s);
    const auto member = answers->findItems(u"Full name"_s, Qt::MatchExactly | Qt::MatchRecursive, 0);
    QCOMPARE(member.size(), 1);
    QCOMPARE(member.first()->text(1), u"Amina Kalo"_s);

    // Enter on an issue goes to its field.
    const int region = int(issueTexts.indexOf(u"Region — This field is required."_s));
    issues->setFocus();
    issues->setCurrentRow(region);
    QTest::keyClick(issues, Qt::Key_Return);
    QCOMPARE(view.pageTitle(view.currentPage()), u"Location"_s);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"region"_s));

    // A fixed issue leaves the list.
    choose(view, u"region"_s, u"north"_s);
    view.goToPage(view.summaryPage());
    for (int i = 0; i < issues->count(); ++i)
        QVERIFY(!issues->item(i)->text().startsWith(u"Region"_s));
}

void TestFormView::roster_keyboard_addsMovesAndRemovesRows()
{
    FormView view;
    view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    show(view);
    view.goToPage(2);
    auto *table = child<QTableView>(view, u"members/table"_s);
    // The live roster's model, checked while keys add, edit and remove rows.
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(table->model(), &QAbstractItemModel::modelReset);
    auto *remove = child<QPushButton>(view, u"members/remove"_s);
    QVERIFY(!remove->isEnabled()); // min 1

    table->setFocus();
    QTest::keyClick(table, Qt::Key_Delete); // refused: the only member
    QCOMPARE(table->model()->rowCount(), 1);
    QVERIFY(!child<QLabel>(view, u"members/message"_s)->isHidden());

    QTest::keyClick(table, Qt::Key_Insert);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Insert);
    QCOMPARE(table->model()->rowCount(), 3);
    QVERIFY(remove->isEnabled());
    type(view, u"members.name"_s, u"Third"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(table->currentIndex().row(), 1);
    // The focus stays in the same field, now of the second member.
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"members.name"_s));
    type(view, u"members.name"_s, u"Second"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(child<QLineEdit>(view, u"members.name"_s)->text(), u"Third"_s);

    // Enter in the table goes to the editor.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Up);
    QTest::keyClick(table, Qt::Key_Up);
    QCOMPARE(table->currentIndex().row(), 0);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"members.name"_s));

    // Delete an empty member at once; the rows after it move up.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(0, 0).data().toString(), u"Second"_s);
    QCOMPARE(child<QLineEdit>(view, u"members.name"_s)->text(), u"Second"_s);
    QCOMPARE(view.state().value(u"members[1].name"_s).toString(), u"Third"_s);
    QCOMPARE(MessageBox::lastText(), QString()); // nothing to lose, nothing asked
    QCOMPARE(reset.size(), 0);
}

void TestFormView::roster_removeWithAnswers_asksFirst()
{
    FormView view;
    view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    show(view);
    view.goToPage(2);
    auto *table = child<QTableView>(view, u"members/table"_s);
    QTest::keyClick(table, Qt::Key_Insert);
    type(view, u"members.name"_s, u"Issa"_s);
    table->setFocus();

    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(table->model()->rowCount(), 2);
    QVERIFY(MessageBox::lastText().contains(u"entry 2"_s));

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(view.values().repeats.value(u"members"_s).size(), std::size_t(1));
}

void TestFormView::languageSwitch_changesLabelsChoicesAndMessages_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("choice");
    QTest::addColumn<QString>("required");
    QTest::newRow("en") << u"en"_s << u"Adults"_s << u"Small"_s << u"Well"_s << u"This field is required."_s;
    QTest::newRow("fr") << u"fr"_s << u"Adultes"_s << u"Petit"_s << u"Puits"_s
                        << u"Cette réponse est obligatoire."_s;
    QTest::newRow("es") << u"es"_s << u"Adultos"_s << u"Pequeño"_s << u"Pozo"_s
                        << u"Esta respuesta es obligatoria."_s;
}

void TestFormView::languageSwitch_changesLabelsChoicesAndMessages()
{
    QFETCH(QString, language);
    QFETCH(QString, label);
    QFETCH(QString, title);
    QFETCH(QString, choice);
    QFETCH(QString, required);
    FormView view;
    view.setForm(formFromJson(kSmallForm), kToday, u"en"_s);
    show(view);
    QVERIFY(!view.submit()); // shows the required message
    view.setLanguage(language);
    QCOMPARE(view.language(), language);
    QVERIFY(child<QLabel>(view, u"adults/label"_s)->text().startsWith(label));
    QCOMPARE(child<QLabel>(view, u"formTitle"_s)->text(), title);
    QCOMPARE(child<QRadioButton>(view, u"water/well"_s)->text(), choice);
    QCOMPARE(shownMessage(view, u"adults"_s), required);

    // The default forms: French labels and choices.
    FormView household;
    household.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    household.setLanguage(u"fr"_s);
    QVERIFY(child<QLabel>(household, u"name/label"_s)->text().startsWith(u"Nom du ménage"_s));
    choose(household, u"region"_s, u"north"_s);
    QCOMPARE(child<QComboBox>(household, u"region"_s)->currentText(), u"Région du Nord"_s);
    QCOMPARE(household.pageTitle(2), u"Membres du ménage"_s);
}

void TestFormView::enter_movesToNextFieldThenNextPage()
{
    FormView view;
    view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    show(view);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"name"_s));
    QTest::keyClicks(QApplication::focusWidget(), u"Kalo"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"phone"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(view.currentPage(), 1);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"region"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"district"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"region"_s));
    // Type-ahead in a select.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S);
    QCOMPARE(view.state().value(u"region"_s).toString(), u"south"_s);
    QTest::mouseClick(child<QPushButton>(view, u"backButton"_s), Qt::LeftButton);
    QCOMPARE(view.currentPage(), 0);

    // In a roster, Enter after an entry's last field goes to Add; Enter there adds the next entry.
    view.goToPage(2);
    auto *relationship = child<QWidget>(view, u"members.relationship"_s);
    relationship->setFocus();
    QTest::keyClick(relationship, Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"members/add"_s));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(view.state().instanceCount(u"members"_s), 2);
    QCOMPARE(QApplication::focusWidget(), child<QWidget>(view, u"members.name"_s));
    QCOMPARE(view.currentPage(), 2);
}

void TestFormView::escape_requestsCancel()
{
    FormView view;
    view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    show(view);
    QSignalSpy cancelled(&view, &FormView::cancelRequested);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QCOMPARE(cancelled.size(), 1);
    QTest::mouseClick(child<QPushButton>(view, u"cancelButton"_s), Qt::LeftButton);
    QCOMPARE(cancelled.size(), 2);
}

void TestFormView::showSubmitError_keepsFormAndValues()
{
    const FormDefinition form = defaultForm(u"remove-member"_s);
    FormValues initial;
    initial.values.insert(u"memberId"_s, u"ind-7"_s);
    FormView view;
    view.setForm(form, kToday, u"en"_s, initial);
    show(view);
    QSignalSpy submitted(&view, &FormView::submitRequested);
    choose(view, u"reason"_s, u"data-correction"_s);
    QVERIFY(child<QLabel>(view, u"note/label"_s)->text().contains(u'*')); // required now
    QVERIFY(!view.submit());
    QCOMPARE(shownMessage(view, u"note"_s), u"This field is required."_s);
    child<QWidget>(view, u"note"_s)->setFocus();
    QTest::keyClicks(QApplication::focusWidget(), u"Entered twice"_s);
    QVERIFY(view.submit());
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.first().at(1).toJsonObject().value(u"memberId"_s).toString(), u"ind-7"_s);

    view.showSubmitError(u"This member was already removed."_s);
    QCOMPARE(view.submitError(), u"This member was already removed."_s);
    QVERIFY(!child<QLabel>(view, u"submitError"_s)->isHidden());
    QCOMPARE(child<QComboBox>(view, u"reason"_s)->currentData().toString(), u"data-correction"_s);
    QCOMPARE(view.state().value(u"note"_s).toString(), u"Entered twice"_s);
    QVERIFY(view.submit()); // allowed again
    QCOMPARE(submitted.size(), 2);
}

void TestFormView::valuesChanged_firesOnEveryEdit()
{
    FormView view;
    view.setForm(defaultForm(u"household-registration"_s), kToday, u"en"_s);
    show(view);
    QSignalSpy changed(&view, &FormView::valuesChanged);
    type(view, u"name"_s, u"Ka"_s);
    QCOMPARE(changed.size(), 2);
    view.goToPage(2);
    QTest::keyClick(child<QTableView>(view, u"members/table"_s), Qt::Key_Insert);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(view.values().values.value(u"name"_s).toString(), u"Ka"_s);
}

void TestFormView::pages_followGroupsAndSkipIrrelevant()
{
    const FormDefinition form =
        formFromJson(R"json({"id": "paged", "version": "1", "eventType": "create-group",
      "title": "Paged", "defaultLanguage": "en",
      "fields": [
        {"type": "select_one", "name": "farms", "label": "Does the household farm?", "appearance": "radio",
         "choices": [{"name": "yes", "label": "Yes"}, {"name": "no", "label": "No"}]},
        {"type": "group", "name": "farming", "label": "Farming", "relevant": "${farms} = 'yes'", "fields": [
          {"type": "decimal", "name": "area", "label": "Area (ha)"}]},
        {"type": "group", "name": "housing", "label": "Housing", "fields": [
          {"type": "integer", "name": "rooms", "label": "Rooms"}]}]})json");
    FormView view;
    view.setForm(form, kToday, u"en"_s);
    show(view);
    QSignalSpy pages(&view, &FormView::pageChanged);
    QCOMPARE(view.pageCount(), 4);
    QCOMPARE(view.pageTitle(1), u"Farming"_s);
    QVERIFY(!view.isPageRelevant(1));
    QVERIFY(view.nextPage());
    QCOMPARE(view.currentPage(), 2); // Farming skipped
    QCOMPARE(pages.last().first().toInt(), 2);
    QVERIFY(view.previousPage());
    QTest::mouseClick(child<QRadioButton>(view, u"farms/yes"_s), Qt::LeftButton);
    QVERIFY(view.isPageRelevant(1));
    QVERIFY(view.nextPage());
    QCOMPARE(view.currentPage(), 1);
    type(view, u"area"_s, u"2,5"_s); // a decimal comma reads as a point
    QCOMPARE(view.state().value(u"area"_s).toString(), u"2.5"_s);
}

QTEST_MAIN(TestFormView)
#include "tst_formview.moc"
