// The main window with a ledger and a draft store. Drafts, as an enumerator meets them: a form opened from
// the Households section is saved as a draft while it is being filled; the Drafts section lists it (with its
// count in the sidebar) and resumes it in a later window, with its values, under the same draft;
// submitting removes the draft; giving the form up discards it. And the integrity alarm's banner,
// which blocks changes until an administrator acknowledges it.
#include "core/domain/duplicateindex.h"
#include "core/ledgerfixture.h"
#include "core/storage/draftstore.h"
#include "core/storage/householdindex.h"
#include "ui/drafts/draftautosaver.h"
#include "ui/drafts/draftlistmodel.h"
#include "ui/drafts/draftspage.h"
#include "ui/forms/formview.h"
#include "ui/households/formdialog.h"
#include "ui/households/householddetail.h"
#include "ui/households/householdspage.h"
#include "ui/mainwindow.h"
#include "ui/messagebox.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using ui::DraftAutosaver;
using ui::FormDialog;
using ui::FormView;
using ui::MainWindow;
using ui::MessageBox;

namespace {

template<typename T>
T *child(const QObject &parent, const QString &name)
{
    auto *found = parent.findChild<T *>(name);
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

void type(const QWidget &parent, const QString &name, const QString &text)
{
    auto *edit = child<QLineEdit>(parent, name);
    edit->setFocus();
    edit->selectAll();
    if (!edit->text().isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

QString sidebarText(const MainWindow &window, MainWindow::Page page)
{
    const auto *sidebar = child<QListWidget>(window, u"sidebar"_s);
    for (int row = 0; row < sidebar->count(); ++row) {
        if (sidebar->item(row)->data(Qt::UserRole).toInt() == static_cast<int>(page))
            return sidebar->item(row)->text();
    }
    return {};
}

} // namespace

class TestMainWindowServices final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void registration_savedAsDraft_listedWithCountInSidebar();
    void registrationDraft_resumedInNewWindow_keepsValuesAndDraft();
    void registrationDraft_submitted_disappears();
    void registration_givenUp_discardsItsDraft();
    void editMemberDraft_resumedOverItsHousehold();
    void resume_draftOfDeletedHousehold_explainsAndKeepsDraft();
    void settingsAction_emitsSettingsRequested();
    void reviewSection_countsHouseholdsAwaitingReview();
    void duplicatesSection_countsOpenPairs();
    void alarm_bannerUntilAdministratorAcknowledges();

private:
    void makeWindow();
    void addHousehold();
    QList<core::Draft> drafts() const;

    std::unique_ptr<LedgerFixture> m_fixture;
    std::unique_ptr<core::SequentialIdGenerator> m_ids;
    std::unique_ptr<core::DraftStore> m_drafts;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindowServices::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"FieldLedgerTest"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindowservices"_s);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestMainWindowServices::init()
{
    QSettings().clear();
    MessageBox::reset();
    m_fixture = std::make_unique<LedgerFixture>();
    FL_VERIFY_OK(core::HouseholdIndex::install(m_fixture->ledger()));
    m_ids = std::make_unique<core::SequentialIdGenerator>(u"draft-"_s);
    m_drafts = std::make_unique<core::DraftStore>(m_fixture->registry(), m_fixture->clock(), *m_ids);
}

void TestMainWindowServices::cleanup()
{
    m_window.reset();
    m_drafts.reset();
    m_fixture.reset();
}

void TestMainWindowServices::makeWindow()
{
    m_window.reset();
    MainWindow::Info info{u"Kalo district"_s, u"/tmp/kalo.fieldledger"_s, m_fixture->ledger().user(), {}};
    m_window = std::make_unique<MainWindow>(
        info, MainWindow::Services{&m_fixture->ledger(), &m_fixture->clock(), m_drafts.get()});
    m_window->resize(1200, 800);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestMainWindowServices::addHousehold()
{
    const QJsonArray members{QJsonObject{{u"guid"_s, u"p-1"_s},
                                         {u"name"_s, u"Aïssatou Diallo"_s},
                                         {u"relationship"_s, u"head"_s},
                                         {u"sex"_s, u"female"_s},
                                         {u"birth_date_known"_s, u"no"_s},
                                         {u"age"_s, 41}},
                             QJsonObject{{u"guid"_s, u"p-2"_s},
                                         {u"name"_s, u"Moussa Diallo"_s},
                                         {u"relationship"_s, u"child"_s},
                                         {u"sex"_s, u"male"_s},
                                         {u"birth_date_known"_s, u"no"_s},
                                         {u"age"_s, 9}}};
    FL_VERIFY_OK(m_fixture->ledger().submit(command(u"create-group"_s, u"hh-diallo"_s,
                                                    {{u"name"_s, u"Diallo"_s},
                                                     {u"region"_s, u"north"_s},
                                                     {u"district"_s, u"hillside"_s},
                                                     {u"village"_s, u"kalo"_s},
                                                     {u"headId"_s, u"p-1"_s},
                                                     {u"members"_s, members}})));
}

QList<core::Draft> TestMainWindowServices::drafts() const
{
    auto listed = m_drafts->list(m_fixture->ledger().user().id);
    if (!listed)
        qFatal("cannot list drafts: %s", qPrintable(listed.error().message));
    return QList<core::Draft>(listed->begin(), listed->end());
}

void TestMainWindowServices::registration_savedAsDraft_listedWithCountInSidebar()
{
    makeWindow();
    QCOMPARE(sidebarText(*m_window, MainWindow::Page::Drafts), u"Drafts"_s);
    QVERIFY(m_window->draftsPage());
    child<QAction>(*m_window, u"newHouseholdAction"_s)->trigger();
    FormView *view = m_window->householdsPage()->registrationForm();
    QVERIFY(view);
    auto *saver = view->findChild<DraftAutosaver *>();
    QVERIFY2(saver, "the registration form has no autosaver");

    type(*view, u"name"_s, u"Kalo"_s);
    QVERIFY(saver->isDirty());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);

    const QList<core::Draft> saved = drafts();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().formId, u"household-registration"_s);
    QVERIFY(saved.first().entityGuid.isEmpty()); // a new household: about no entity yet
    QCOMPARE(saved.first().body.value(u"values"_s).toObject().value(u"name"_s).toString(), u"Kalo"_s);
    QTRY_COMPARE(sidebarText(*m_window, MainWindow::Page::Drafts), u"Drafts (1)"_s);
    QCOMPARE(m_window->draftsPage()->model()->rowCount(), 1);
    // The Form column names the form by its title, not its id.
    QCOMPARE(m_window->draftsPage()->model()->index(0, ui::DraftListModel::Form).data().toString(),
             u"Household registration"_s);
}

void TestMainWindowServices::registrationDraft_resumedInNewWindow_keepsValuesAndDraft()
{
    makeWindow();
    m_window->householdsPage()->newHousehold();
    FormView *view = m_window->householdsPage()->registrationForm();
    type(*view, u"name"_s, u"Sow"_s);
    QVERIFY(view->findChild<DraftAutosaver *>()->saveNow());
    const QString draftId = drafts().first().id;

    // The window goes (a lock, a crash after the autosave) and comes back.
    makeWindow();
    QTRY_COMPARE(sidebarText(*m_window, MainWindow::Page::Drafts), u"Drafts (1)"_s);
    m_window->showPage(MainWindow::Page::Drafts);
    m_window->draftsPage()->setCurrentDraft(draftId);
    QSignalSpy resume(m_window->draftsPage(), &ui::DraftsPage::resumeRequested);
    m_window->draftsPage()->resumeCurrent();
    QCOMPARE(resume.size(), 1);

    QCOMPARE(m_window->currentPage(), MainWindow::Page::Households);
    view = m_window->householdsPage()->registrationForm();
    QVERIFY(view);
    QCOMPARE(child<QLineEdit>(*view, u"name"_s)->text(), u"Sow"_s);
    auto *saver = view->findChild<DraftAutosaver *>();
    QCOMPARE(saver->draftId(), draftId);

    type(*view, u"name"_s, u"Sow-Ba"_s);
    QVERIFY(saver->saveNow());
    const QList<core::Draft> saved = drafts();
    QCOMPARE(saved.size(), 1); // the same draft, replaced
    QCOMPARE(saved.first().id, draftId);
    QCOMPARE(saved.first().body.value(u"values"_s).toObject().value(u"name"_s).toString(), u"Sow-Ba"_s);
}

void TestMainWindowServices::registrationDraft_submitted_disappears()
{
    addHousehold();
    makeWindow();
    QVERIFY(m_window->householdsPage()->selectHousehold(u"hh-diallo"_s));
    ui::HouseholdDetail &detail = *m_window->householdsPage()->detail();
    auto *dialog = qobject_cast<FormDialog *>(detail.editHousehold());
    QVERIFY(dialog);
    auto *saver = dialog->formView()->findChild<DraftAutosaver *>();
    QVERIFY(saver);
    type(*dialog, u"name"_s, u"Diallo-Kan"_s);
    QVERIFY(saver->saveNow());
    QCOMPARE(drafts().size(), 1);
    QCOMPARE(drafts().first().entityGuid, u"hh-diallo"_s);
    QTRY_COMPARE(sidebarText(*m_window, MainWindow::Page::Drafts), u"Drafts (1)"_s);

    type(*dialog, u"name"_s, u"Diallo-Kane"_s); // typed again since the save: the saver is dirty
    QVERIFY(saver->isDirty());
    QSignalSpy submitted(dialog, &FormDialog::submitted);
    QVERIFY2(dialog->formView()->submit(), qPrintable(dialog->formView()->submitError()));
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(drafts().size(), 0); // core removed it with the event
    QTRY_COMPARE(sidebarText(*m_window, MainWindow::Page::Drafts), u"Drafts"_s);
    auto entity = m_fixture->ledger().entity(u"hh-diallo"_s);
    QVERIFY(entity && *entity);
    QCOMPARE((*entity)->data.value(u"name"_s).toString(), u"Diallo-Kane"_s);
}

void TestMainWindowServices::registration_givenUp_discardsItsDraft()
{
    makeWindow();
    m_window->householdsPage()->newHousehold();
    FormView *view = m_window->householdsPage()->registrationForm();
    type(*view, u"name"_s, u"Abandoned"_s);
    QVERIFY(view->findChild<DraftAutosaver *>()->saveNow());
    QCOMPARE(drafts().size(), 1);

    // Leaving with Cancel at the question keeps form and draft; with Discard both go.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!m_window->householdsPage()->closeRegistration());
    QCOMPARE(drafts().size(), 1);
    MessageBox::setNextAnswer(QMessageBox::Discard);
    QVERIFY(m_window->householdsPage()->closeRegistration());
    QCOMPARE(drafts().size(), 0);
    QTRY_COMPARE(sidebarText(*m_window, MainWindow::Page::Drafts), u"Drafts"_s);
}

void TestMainWindowServices::editMemberDraft_resumedOverItsHousehold()
{
    addHousehold();
    makeWindow();
    QVERIFY(m_window->householdsPage()->selectHousehold(u"hh-diallo"_s));
    ui::HouseholdDetail &detail = *m_window->householdsPage()->detail();
    detail.setCurrentMember(u"p-2"_s);
    auto *dialog = qobject_cast<FormDialog *>(detail.editMember());
    QVERIFY(dialog);
    type(*dialog, u"name"_s, u"Moussa Diallo Jr"_s);
    QVERIFY(dialog->formView()->findChild<DraftAutosaver *>()->saveNow());
    const core::Draft draft = drafts().first();
    QCOMPARE(draft.formId, u"member-edit"_s);
    QCOMPARE(draft.entityGuid, u"p-2"_s);

    makeWindow(); // the dialog went with the old window
    QVERIFY(m_window->resumeDraft(draft.id));
    QCOMPARE(m_window->householdsPage()->currentHousehold(), u"hh-diallo"_s);
    auto *resumed = m_window->householdsPage()->detail()->findChild<FormDialog *>();
    QVERIFY(resumed);
    QCOMPARE(resumed->entityGuid(), u"p-2"_s);
    QCOMPARE(child<QLineEdit>(*resumed, u"name"_s)->text(), u"Moussa Diallo Jr"_s);
    QCOMPARE(resumed->formView()->findChild<DraftAutosaver *>()->draftId(), draft.id);

    // Leaving it without typing keeps the draft (nothing was lost to ask about).
    emit resumed->formView()->cancelRequested();
    QTRY_VERIFY(!resumed->isVisible());
    QCOMPARE(drafts().size(), 1);
}

void TestMainWindowServices::resume_draftOfDeletedHousehold_explainsAndKeepsDraft()
{
    addHousehold();
    makeWindow();
    QVERIFY(m_window->householdsPage()->selectHousehold(u"hh-diallo"_s));
    auto *dialog = qobject_cast<FormDialog *>(m_window->householdsPage()->detail()->editHousehold());
    type(*dialog, u"name"_s, u"Never submitted"_s);
    QVERIFY(dialog->formView()->findChild<DraftAutosaver *>()->saveNow());
    const QString draftId = drafts().first().id;
    m_window.reset();
    FL_VERIFY_OK(m_fixture->ledger().submit(
        command(u"delete-entity"_s, u"hh-diallo"_s, {{u"reason"_s, u"duplicate registration"_s}})));

    makeWindow();
    QVERIFY(!m_window->resumeDraft(draftId));
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"discard the draft"_s));
    QCOMPARE(drafts().size(), 1); // the user decides what becomes of it
}

void TestMainWindowServices::settingsAction_emitsSettingsRequested()
{
    makeWindow();
    QSignalSpy requested(m_window.get(), &MainWindow::settingsRequested);
    auto *action = child<QAction>(*m_window, u"settingsAction"_s);
    QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::Preferences));
    action->trigger();
    QCOMPARE(requested.size(), 1);
}

void TestMainWindowServices::reviewSection_countsHouseholdsAwaitingReview()
{
    makeWindow();
    QCOMPARE(sidebarText(*m_window, MainWindow::Page::Review), u"Review"_s);
    addHousehold(); // a new submission awaits review
    QTRY_COMPARE(sidebarText(*m_window, MainWindow::Page::Review), u"Review (1)"_s);
}

void TestMainWindowServices::duplicatesSection_countsOpenPairs()
{
    FL_VERIFY_OK(core::DuplicateIndex::install(m_fixture->ledger()));
    makeWindow();
    QCOMPARE(sidebarText(*m_window, MainWindow::Page::Duplicates), u"Duplicates"_s);
    FL_VERIFY_OK(m_fixture->ledger().submit(
        command(u"create-individual"_s, u"p-a"_s, {{u"name"_s, u"Awa Sow"_s}, {u"age"_s, 20}})));
    FL_VERIFY_OK(m_fixture->ledger().submit(
        command(u"create-individual"_s, u"p-b"_s, {{u"name"_s, u"Sow Awa"_s}, {u"age"_s, 22}})));
    QTRY_COMPARE(sidebarText(*m_window, MainWindow::Page::Duplicates), u"Duplicates (1)"_s);
}

void TestMainWindowServices::alarm_bannerUntilAdministratorAcknowledges()
{
    makeWindow();
    QVERIFY(!m_window->findChild<QWidget *>(u"windowAlarmBanner"_s)); // no alarm, no banner
    m_window.reset();
    for (int i = 0; i < 3; ++i)
        FL_VERIFY_OK(m_fixture->ledger().submit(command(u"create-individual"_s, u"p-%1"_s.arg(i), {})));
    FL_VERIFY_OK(m_fixture->ledger().takeCheckpoint(u"handover"_s));
    QSqlQuery query(m_fixture->registry().database());
    QVERIFY(query.exec(u"DELETE FROM events WHERE seq >= 1"_s));
    query.finish();
    m_drafts.reset();
    m_fixture->reopenAs(u"admin"_s, "admin passphrase");
    m_drafts = std::make_unique<core::DraftStore>(m_fixture->registry(), m_fixture->clock(), *m_ids);
    QVERIFY(m_fixture->ledger().alarm());

    makeWindow();
    auto *banner = child<QWidget>(*m_window, u"windowAlarmBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY(child<QLabel>(*m_window, u"alarmBannerText"_s)->text().contains(u"rolled back"_s));
    auto *acknowledge = child<QPushButton>(*m_window, u"alarmAcknowledgeButton"_s);
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::mouseClick(acknowledge, Qt::LeftButton);
    QVERIFY(banner->isVisible());
    QVERIFY(m_fixture->ledger().alarm());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(acknowledge, Qt::LeftButton);
    QVERIFY(!banner->isVisible());
    QVERIFY(!m_fixture->ledger().alarm());
    FL_VERIFY_OK(m_fixture->ledger().submit(command(u"create-individual"_s, u"p-new"_s, {})));
}

QTEST_MAIN(TestMainWindowServices)
#include "tst_mainwindowservices.moc"
