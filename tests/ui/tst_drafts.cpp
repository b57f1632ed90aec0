#include "core/domain/demogenerator.h"
#include "core/domain/ledger.h"
#include "core/forms/formdefinition.h"
#include "core/storage/draftstore.h"
#include "core/storage/registry.h"
#include "ui/drafts/draftautosaver.h"
#include "ui/drafts/draftlistmodel.h"
#include "ui/drafts/draftspage.h"
#include "ui/forms/formview.h"
#include "ui/messagebox.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QShortcut>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>
#include <QUuid>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using fieldledger::core::Command;
using fieldledger::core::Draft;
using fieldledger::core::DraftStore;
using fieldledger::core::FormDefinition;
using fieldledger::core::FormValues;
using fieldledger::core::Ledger;
using fieldledger::core::ManualClock;
using fieldledger::core::Registry;
using fieldledger::core::SecretBytes;
using fieldledger::ui::DraftAutosaver;
using fieldledger::ui::DraftListModel;
using fieldledger::ui::DraftsPage;
using fieldledger::ui::FormView;
using fieldledger::ui::MessageBox;

namespace {

const QDate kToday(2026, 3, 2);
const QString kUser = u"amina.k"_s;
const QByteArray kPassphrase = "correct horse battery";
// Set in the environment of the child process that types and is killed (crash simulation).
const char *const kChildVariable = "FIELDLEDGER_TST_DRAFTS_CHILD";

SecretBytes passphrase()
{
    QByteArray copy = kPassphrase;
    return SecretBytes::takeFrom(copy);
}

FormDefinition householdForm()
{
    auto form = FormDefinition::fromFile(u":/forms/household-registration.json"_s);
    if (!form)
        qFatal("cannot load the household form: %s", qPrintable(form.error().message));
    return *form;
}

std::unique_ptr<Registry> openRegistry(const QString &path)
{
    auto opened = Registry::open(path, kUser, passphrase());
    if (!opened)
        qFatal("cannot open the test registry: %s", qPrintable(opened.error().message));
    return std::move(*opened);
}

QLineEdit *lineEdit(const QWidget &parent, const QString &name)
{
    auto *found = parent.findChild<QLineEdit *>(name);
    if (!found)
        qFatal("no line edit %s", qPrintable(name));
    return found;
}

// QTest::keyClicks takes ASCII only: other characters are sent as key events carrying their text,
// the way an input method or a keyboard layout with accents delivers them.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, char(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    typeText(edit, text);
}

// The child process of crashKilledWhileTyping_draftSurvivesToLastAutosave: opens the registry,
// types a name into the household form through the autosaver, reports the autosave on stdout,
// types more (never saved: the interval is then an hour) and waits to be killed.
int runChild(const QString &registryPath)
{
    auto registry = openRegistry(registryPath);
    fieldledger::core::SystemClock clock;
    fieldledger::core::UuidGenerator ids;
    DraftStore store(*registry, clock, ids);
    FormView view;
    view.setForm(householdForm(), kToday, u"en"_s);
    view.show();
    DraftAutosaver saver(&view, store, QString());
    saver.setInterval(100ms);
    QObject::connect(&saver, &DraftAutosaver::saved, &view, [&saver](const QString &id) {
        std::printf("SAVED %s\n", qPrintable(id));
        std::fflush(stdout);
        saver.setInterval(1h);
    });
    typeInto(lineEdit(view, u"name"_s), u"Aïssatou Diallo"_s);
    QSignalSpy saved(&saver, &DraftAutosaver::saved);
    if (!saved.wait(10000))
        return 3;
    QTest::keyClicks(lineEdit(view, u"name"_s), u" (unsaved)"_s);
    return QApplication::exec(); // until SIGKILL
}

} // namespace

class TestDrafts final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void autosaver_typing_savesWithinInterval();
    void autosaver_untouchedForm_savesNothing();
    void autosaver_steadyTyping_doesNotPostponeSave();
    void autosaver_pageChange_savesAtOnce();
    void autosaver_ctrlS_savesAtOnce();
    void autosaver_hidden_saves();
    void autosaver_laterSaves_replaceTheSameDraft();
    void autosaver_resumedDraft_restoresValuesAndKeepsId();
    void autosaver_discard_deletesDraftAndStops();
    void submit_withDraftId_removesDraftInSameTransaction();
    void submit_refused_keepsDraft();
    void crashKilledWhileTyping_draftSurvivesToLastAutosave();

    void model_passesTesterThroughInsertMoveChangeRemove();
    void model_showsTitleFormAndUpdated();
    void page_twoDrafts_listsThemMostRecentFirst();
    void page_enterAndDoubleClick_requestResume();
    void page_delete_asksThenDiscards();
    void page_noDrafts_showsPlaceholder();

private:
    // A registry with amina.k (administrator) and its draft store on a manual clock.
    void makeRegistry();
    Draft saveDraft(const QString &title, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Registry> m_registry;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<fieldledger::core::SequentialIdGenerator> m_ids;
    std::unique_ptr<DraftStore> m_store;
};

void TestDrafts::initTestCase()
{
    Q_INIT_RESOURCE(resources);
    QStandardPaths::setTestModeEnabled(true);
}

void TestDrafts::init()
{
    MessageBox::reset();
    makeRegistry();
}

void TestDrafts::cleanup()
{
    m_store.reset();
    m_registry.reset();
    m_dir.reset();
}

void TestDrafts::makeRegistry()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"registry.fieldledger"_s);
    m_clock = std::make_unique<ManualClock>(QDateTime(kToday, QTime(8, 30), Qt::UTC));
    auto created =
        Registry::create(m_path, Registry::CreateOptions{u"Kalo district"_s, kUser, u"Amina Kalo"_s, {}},
                         passphrase(), *m_clock);
    if (!created)
        qFatal("cannot create the test registry: %s", qPrintable(created.error().message));
    m_registry = std::move(created->registry);
    m_ids = std::make_unique<fieldledger::core::SequentialIdGenerator>(u"draft-"_s);
    m_store = std::make_unique<DraftStore>(*m_registry, *m_clock, *m_ids);
}

Draft TestDrafts::saveDraft(const QString &title, const QString &name)
{
    m_clock->advanceMs(60'000);
    FormValues values;
    values.values.insert(u"name"_s, name);
    Draft draft;
    draft.formId = u"household-registration"_s;
    draft.formVersion = u"1"_s;
    draft.title = title;
    draft.body = fieldledger::core::formValuesToJson(values);
    auto saved = m_store->save(draft);
    if (!saved)
        qFatal("cannot save a draft: %s", qPrintable(saved.error().message));
    return *saved;
}

void TestDrafts::autosaver_typing_savesWithinInterval()
{
    FormView view;
    view.setForm(householdForm(), kToday, u"en"_s);
    DraftAutosaver saver(&view, *m_store, QString());
    saver.setInterval(150ms);
    QSignalSpy saved(&saver, &DraftAutosaver::saved);

    typeText(lineEdit(view, u"name"_s), u"Aïssatou"_s);
    QVERIFY(saver.isDirty());
    QVERIFY(saver.isSavePending());
    QCOMPARE(saved.count(), 0);
    QVERIFY(saved.wait(2000));
    QCOMPARE(saved.count(), 1);
    QVERIFY(!saver.isDirty());

    auto drafts = m_store->list(kUser);
    QVERIFY(drafts);
    QCOMPARE(drafts->size(), size_t(1));
    const Draft &draft = drafts->front();
    QCOMPARE(draft.id, saver.draftId());
    QCOMPARE(draft.formId, u"household-registration"_s);
    QCOMPARE(draft.formVersion, view.definition().version());
    QCOMPARE(draft.title, u"Aïssatou"_s); // the form is named in a column of its own
    auto values = fieldledger::core::formValuesFromJson(draft.body);
    QVERIFY(values);
    QCOMPARE(values->values.value(u"name"_s).toString(), u"Aïssatou"_s);
}

void TestDrafts::autosaver_untouchedForm_savesNothing()
{
    FormView view;
    view.setForm(householdForm(), kToday, u"en"_s);
    DraftAutosaver saver(&view, *m_store, QString());
    saver.setInterval(50ms);
    QTest::qWait(200);
    QVERIFY(!saver.isSavePending());
    QVERIFY(!saver.saveNow());
    QVERIFY(saver.draftId().isEmpty());
    QCOMPARE(saver.draftTitle(), u"Household registration"_s); // nothing typed to name it by
    QCOMPARE(m_store->list(kUser)->size(), size_t(0));
}

void TestDrafts::autosaver_steadyTyping_doesNotPostponeSave()
{
    FormView view;
    view.setForm(householdForm(), kToday, u"en"_s);
    DraftAutosaver saver(&view, *m_store, QString());
    saver.setInterval(200ms);
    QSignalSpy saved(&saver, &DraftAutosaver::saved);
    QLineEdit *name = lineEdit(view, u"name"_s);
    QElapsedTimer typing;
    typing.start();
    // A key every 40 ms for 600 ms: a save comes while the typing goes on.
    while (typing.elapsed() < 600) {
        QTest::keyClick(name, Qt::Key_A);
        QTest::qWait(40);
    }
    QVERIFY2(saved.count() >= 2, qPrintable(QString::number(saved.count())));
}

void TestDrafts::autosaver_pageChange_savesAtOnce()
{
    FormView view;
    view.setForm(householdForm(), kToday, u"en"_s);
    DraftAutosaver saver(&view, *m_store, QString());
    saver.setInterval(1h);
    QSignalSpy saved(&saver, &DraftAutosaver::saved);
    QTest::keyClicks(lineEdit(view, u"name"_s), u"Kalo"_s);
    QCOMPARE(saved.count(), 0);
    QVERIFY(view.nextPage());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(m_store->list(kUser)->size(), size_t(1));
}

void TestDrafts::autosaver_ctrlS_savesAtOnce()
{
    FormView view;
    view.setForm(householdForm(), kToday, u"en"_s);
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    DraftAutosaver saver(&view, *m_store, QString());
    saver.setInterval(1h);
    QSignalSpy saved(&saver, &DraftAutosaver::saved);
    QLineEdit *name = lineEdit(view, u"name"_s);
    typeInto(name, u"Kalo"_s);
    QCOMPARE(saved.count(), 0);
    QTest::keySequence(name, QKeySequence::Save);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saver.saveShortcut()->key(), QKeySequence(QKeySequence::Save));
}

void TestDrafts::autosaver_hidden_saves()
{
    FormView view;
    view.setForm(householdForm(), kToday, u"en"_s);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    DraftAutosaver saver(&view, *m_store, QString());
    saver.setInterval(1h);
    QSignalSpy saved(&saver, &DraftAutosaver::saved);
    QTest::keyClicks(lineEdit(view, u"name"_s), u"Kalo"_s);
    view.close();
    QCOMPARE(saved.count(), 1);
}

void TestDrafts::autosaver_laterSaves_replaceTheSameDraft()
{
    FormView view;
    view.setForm(householdForm(), kToday, u"en"_s);
    DraftAutosaver saver(&view, *m_store, u"Registration"_s);
    saver.setInterval(1h);
    QLineEdit *name = lineEdit(view, u"name"_s);
    QTest::keyClicks(name, u"Kalo"_s);
    QVERIFY(saver.saveNow());
    const QString id = saver.draftId();
    m_clock->advanceMs(5000);
    QTest::keyClicks(name, u" Diallo"_s);
    QVERIFY(saver.saveNow());
    QCOMPARE(saver.draftId(), id);
    auto drafts = m_store->list(kUser);
    QCOMPARE(drafts->size(), size_t(1));
    QCOMPARE(drafts->front().title, u"Registration — Kalo Diallo"_s);
    QVERIFY(drafts->front().updatedAt > drafts->front().createdAt);
}

void TestDrafts::autosaver_resumedDraft_restoresValuesAndKeepsId()
{
    QString id;
    {
        FormView view;
        view.setForm(householdForm(), kToday, u"en"_s);
        DraftAutosaver saver(&view, *m_store, QString());
        typeText(lineEdit(view, u"name"_s), u"Ngoné Sarr"_s);
        QTest::keyClicks(lineEdit(view, u"phone"_s), u"+221 77 000 11 22"_s);
        QVERIFY(saver.saveNow());
        id = saver.draftId();
    }
    auto loaded = m_store->load(id);
    QVERIFY(loaded && loaded->has_value());
    auto values = fieldledger::core::formValuesFromJson((*loaded)->body);
    QVERIFY(values);

    FormView resumed;
    resumed.setForm(householdForm(), kToday, u"en"_s, *values);
    QCOMPARE(lineEdit(resumed, u"name"_s)->text(), u"Ngoné Sarr"_s);
    QCOMPARE(lineEdit(resumed, u"phone"_s)->text(), u"+221 77 000 11 22"_s);
    DraftAutosaver saver(&resumed, *m_store, QString(), id);
    QTest::keyClicks(lineEdit(resumed, u"name"_s), u"!"_s);
    QVERIFY(saver.saveNow());
    QCOMPARE(saver.draftId(), id);
    QCOMPARE(m_store->list(kUser)->size(), size_t(1));
}

void TestDrafts::autosaver_discard_deletesDraftAndStops()
{
    FormView view;
    view.setForm(householdForm(), kToday, u"en"_s);
    DraftAutosaver saver(&view, *m_store, QString());
    saver.setInterval(50ms);
    QSignalSpy discarded(&saver, &DraftAutosaver::discarded);
    QTest::keyClicks(lineEdit(view, u"name"_s), u"Kalo"_s);
    QVERIFY(saver.saveNow());
    const QString id = saver.draftId();
    saver.discard();
    QCOMPARE(discarded.count(), 1);
    QCOMPARE(discarded.first().first().toString(), id);
    QVERIFY(saver.draftId().isEmpty());
    QTest::keyClicks(lineEdit(view, u"name"_s), u"more"_s);
    QTest::qWait(150);
    QCOMPARE(m_store->list(kUser)->size(), size_t(0));
}

void TestDrafts::submit_withDraftId_removesDraftInSameTransaction()
{
    fieldledger::core::UuidGenerator ids;
    auto ledger = Ledger::open(*m_registry, Ledger::Options{m_clock.get(), &ids});
    QVERIFY2(ledger, ledger ? "" : qPrintable(ledger.error().message));

    // A household typed into the form, kept as a draft.
    FormValues head;
    head.guid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    head.values = {{u"name"_s, u"Amina Kalo"_s},
                   {u"sex"_s, u"female"_s},
                   {u"birth_date_known"_s, u"no"_s},
                   {u"age"_s, 44},
                   {u"relationship"_s, u"head"_s}};
    FormValues household;
    household.values = {{u"name"_s, u"Kalo"_s},
                        {u"region"_s, u"north"_s},
                        {u"district"_s, u"hillside"_s},
                        {u"village"_s, u"kalo"_s}};
    household.repeats.insert(u"members"_s, {head});
    FormView view;
    view.setForm(householdForm(), kToday, u"en"_s, household);
    DraftAutosaver saver(&view, *m_store, QString());
    QTest::keyClicks(lineEdit(view, u"phone"_s), u"+22370123456"_s);
    QVERIFY(saver.saveNow());
    QCOMPARE(m_store->list(kUser)->size(), size_t(1));

    QSignalSpy submitted(&view, &FormView::submitRequested);
    QVERIFY2(view.submit(), qPrintable(view.submitError()));
    QCOMPARE(submitted.count(), 1);
    Command command;
    command.type = submitted.first().at(0).toString();
    command.entityGuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    command.data = submitted.first().at(1).toJsonObject();
    command.metadata = submitted.first().at(2).toJsonObject();
    command.draftId = saver.draftId();
    auto event = (*ledger)->submit(command);
    QVERIFY2(event, event ? "" : qPrintable(event.error().message));
    saver.submitted();

    QCOMPARE(m_store->list(kUser)->size(), size_t(0));
    QVERIFY(!saver.isDirty());
    QVERIFY(saver.draftId().isEmpty());
    auto entity = (*ledger)->entity(command.entityGuid);
    QVERIFY(entity && entity->has_value());
}

void TestDrafts::submit_refused_keepsDraft()
{
    fieldledger::core::UuidGenerator ids;
    auto ledger = Ledger::open(*m_registry, Ledger::Options{m_clock.get(), &ids});
    QVERIFY(ledger);
    const Draft draft = saveDraft(u"Kalo"_s, u"Kalo"_s);
    Command command;
    command.type = u"no-such-event"_s;
    command.entityGuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    command.draftId = draft.id;
    QVERIFY(!(*ledger)->submit(command));
    auto kept = m_store->load(draft.id);
    QVERIFY(kept && kept->has_value());
}

void TestDrafts::crashKilledWhileTyping_draftSurvivesToLastAutosave()
{
    m_store.reset();
    m_registry.reset(); // the child process opens it

    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kChildVariable), m_path);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"FIELDLEDGER_TEST_FAST_KDF"_s, u"1"_s);
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted(5000));
    QByteArray output;
    QElapsedTimer waited;
    waited.start();
    while (!output.contains('\n') && waited.elapsed() < 15000) {
        QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
        child.waitForReadyRead(200);
        output += child.readAllStandardOutput();
    }
    QVERIFY2(output.startsWith("SAVED "), QByteArray(output + child.readAllStandardError()).constData());
    const QString id = QString::fromUtf8(output.mid(6).trimmed());
    QTest::qWait(300); // the child types on: what it types after the autosave is never saved
    child.kill();      // SIGKILL: no destructor, no close, no flush
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    // Reopen: the draft is there with the name typed before the autosave.
    m_registry = openRegistry(m_path);
    m_store = std::make_unique<DraftStore>(*m_registry, *m_clock, *m_ids);
    auto drafts = m_store->list(kUser);
    QVERIFY(drafts);
    QCOMPARE(drafts->size(), size_t(1));
    QCOMPARE(drafts->front().id, id);
    auto values = fieldledger::core::formValuesFromJson(drafts->front().body);
    QVERIFY(values);
    QCOMPARE(values->values.value(u"name"_s).toString(), u"Aïssatou Diallo"_s);

    // Resuming shows it in the form.
    DraftsPage page(*m_store, kUser);
    QSignalSpy resume(&page, &DraftsPage::resumeRequested);
    page.resumeCurrent();
    QCOMPARE(resume.count(), 1);
    QCOMPARE(resume.first().first().toString(), id);
    FormView view;
    view.setForm(householdForm(), kToday, u"en"_s, *values);
    QCOMPARE(lineEdit(view, u"name"_s)->text(), u"Aïssatou Diallo"_s);
}

void TestDrafts::model_passesTesterThroughInsertMoveChangeRemove()
{
    DraftListModel model(*m_store, kUser);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.refresh());
    QCOMPARE(model.rowCount(), 0);

    const Draft a = saveDraft(u"A"_s, u"a"_s);
    const Draft b = saveDraft(u"B"_s, u"b"_s);
    const Draft c = saveDraft(u"C"_s, u"c"_s);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.refresh());
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(model.draftId(0), c.id); // most recent first
    QCOMPARE(model.draftId(2), a.id);

    // A saved again: it moves to the top and its row changes; nothing else happens.
    inserted.clear();
    Draft again = a;
    again.title = u"A2"_s;
    m_clock->advanceMs(60'000);
    QVERIFY(m_store->save(again));
    QVERIFY(model.refresh());
    QCOMPARE(moved.count(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.draftId(0), a.id);
    QCOMPARE(model.index(0, DraftListModel::Title).data().toString(), u"A2"_s);
    QVERIFY(changed.count() >= 1);

    // B discarded: one row removed.
    QVERIFY(m_store->discard(b.id));
    QVERIFY(model.refresh());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(b.id), -1);

    // Nothing new: no signal at all.
    changed.clear();
    moved.clear();
    QVERIFY(model.refresh());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(moved.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void TestDrafts::model_showsTitleFormAndUpdated()
{
    const Draft draft = saveDraft(u"Kalo — Amina"_s, u"Amina"_s);
    DraftListModel model(*m_store, kUser);
    QVERIFY(model.refresh());
    model.setFormNames({{u"household-registration"_s, u"Household registration"_s}});
    QCOMPARE(model.columnCount(), int(DraftListModel::ColumnCount));
    QCOMPARE(model.index(0, DraftListModel::Title).data().toString(), u"Kalo — Amina"_s);
    QCOMPARE(model.index(0, DraftListModel::Form).data().toString(), u"Household registration"_s);
    QCOMPARE(model.index(0, DraftListModel::Updated).data(DraftListModel::UpdatedRole).toDateTime(),
             draft.updatedAt);
    QVERIFY(!model.index(0, DraftListModel::Updated).data().toString().isEmpty());
    QCOMPARE(model.index(0, 0).data(DraftListModel::DraftIdRole).toString(), draft.id);
    QCOMPARE(model.headerData(DraftListModel::Updated, Qt::Horizontal).toString(), u"Last saved"_s);
}

void TestDrafts::page_twoDrafts_listsThemMostRecentFirst()
{
    saveDraft(u"Aïssatou Diallo"_s, u"Aïssatou Diallo"_s);
    const Draft recent = saveDraft(u"José Ramírez"_s, u"José Ramírez"_s);
    DraftsPage page(*m_store, kUser);
    page.setFormNames({{u"household-registration"_s, u"Household registration"_s}});
    page.resize(760, 420);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.model()->rowCount(), 2);
    QVERIFY(page.view()->isVisible());
    QCOMPARE(page.currentDraftId(), recent.id);
    QVERIFY(page.findChild<QPushButton *>(u"resumeButton"_s)->isEnabled());
    QVERIFY(page.findChild<QPushButton *>(u"discardButton"_s)->isEnabled());
    if (const QString dir = qEnvironmentVariable("FIELDLEDGER_SCREENSHOT_DIR"); !dir.isEmpty())
        page.grab().save(dir + u"/drafts-page.png"_s);
}

void TestDrafts::page_enterAndDoubleClick_requestResume()
{
    const Draft older = saveDraft(u"One"_s, u"1"_s);
    saveDraft(u"Two"_s, u"2"_s);
    DraftsPage page(*m_store, kUser);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QSignalSpy resume(&page, &DraftsPage::resumeRequested);
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Down);
    QCOMPARE(page.currentDraftId(), older.id);
    QTest::keyClick(page.view(), Qt::Key_Return);
    QCOMPARE(resume.count(), 1);
    QCOMPARE(resume.takeFirst().first().toString(), older.id);

    const QRect firstRow = page.view()->visualRect(page.model()->index(0, 0));
    // A double click is a press, a release and a double-click event at the same place.
    QTest::mouseClick(page.view()->viewport(), Qt::LeftButton, {}, firstRow.center());
    QTest::mouseDClick(page.view()->viewport(), Qt::LeftButton, {}, firstRow.center());
    QVERIFY(resume.count() >= 1);
    QCOMPARE(resume.last().first().toString(), page.model()->draftId(0));
}

void TestDrafts::page_delete_asksThenDiscards()
{
    saveDraft(u"One"_s, u"1"_s);
    const Draft two = saveDraft(u"Two"_s, u"2"_s);
    DraftsPage page(*m_store, kUser);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QSignalSpy discarded(&page, &DraftsPage::draftDiscarded);
    page.view()->setFocus();
    QCOMPARE(page.currentDraftId(), two.id);

    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::keyClick(page.view(), Qt::Key_Delete);
    QVERIFY(MessageBox::lastText().contains(u"Two"_s));
    QCOMPARE(page.model()->rowCount(), 2);
    QCOMPARE(discarded.count(), 0);

    MessageBox::setNextAnswer(QMessageBox::Discard);
    QTest::keyClick(page.view(), Qt::Key_Delete);
    QCOMPARE(discarded.count(), 1);
    QCOMPARE(page.model()->rowCount(), 1);
    auto gone = m_store->load(two.id);
    QVERIFY(gone && !gone->has_value());
    QVERIFY(!page.currentDraftId().isEmpty()); // the next one is selected
}

void TestDrafts::page_noDrafts_showsPlaceholder()
{
    DraftsPage page(*m_store, kUser);
    QSignalSpy count(&page, &DraftsPage::countChanged);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *empty = page.findChild<QLabel *>(u"draftsEmptyTitle"_s);
    QVERIFY(empty && empty->isVisible());
    QCOMPARE(empty->text(), u"No drafts"_s);
    QVERIFY(!page.view()->isVisible());
    QVERIFY(!page.findChild<QPushButton *>(u"resumeButton"_s)->isVisible());

    saveDraft(u"One"_s, u"1"_s);
    page.refresh();
    QVERIFY(page.view()->isVisible());
    QVERIFY(!empty->isVisible());
    QCOMPARE(count.last().first().toInt(), 1);
}

int main(int argc, char *argv[])
{
    const QString childRegistry = qEnvironmentVariable(kChildVariable);
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(resources);
    if (!childRegistry.isEmpty()) {
        QStandardPaths::setTestModeEnabled(true);
        return runChild(childRegistry);
    }
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestDrafts test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_drafts.moc"
