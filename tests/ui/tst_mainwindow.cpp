#include "core/ledgerfixture.h"
#include "core/storage/householdindex.h"
#include "ui/forms/formview.h"
#include "ui/households/householdmodel.h"
#include "ui/households/householdspage.h"
#include "ui/mainwindow.h"
#include "ui/messagebox.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;
using fieldledger::core::Role;
using fieldledger::core::User;
using fieldledger::ui::MainWindow;
using fieldledger::ui::MessageBox;

class TestMainWindow final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void mainWindow_title_namesRegistry();
    void mainWindow_statusBar_showsRegistryUserAndRole_data();
    void mainWindow_statusBar_showsRegistryUserAndRole();
    void mainWindow_sidebar_listsSectionsAndSwitchesPages();
    void mainWindow_emptyHouseholds_showsPlaceholder();
    void mainWindow_lock_emitsLockRequested();
    void mainWindow_lockShortcut_emitsLockRequested();
    void mainWindow_quitAndClose_emitQuitRequested();
    void mainWindow_newHousehold_isDisabledPlaceholder();
    void mainWindow_find_focusesFindField();
    void mainWindow_sidebarToggle_hidesAndShowsSidebar();
    void mainWindow_menus_haveMnemonicsAndShortcuts();
    void mainWindow_geometryAndSplitter_persist();
    void mainWindow_about_namesVersions();
    void mainWindow_withLedger_showsHouseholdsPage();
    void mainWindow_newHousehold_opensFormAndEnablesFormActions();
    void mainWindow_findWithLedger_focusesPageSearch();

private:
    static MainWindow::Info info(Role role = Role::Administrator);
    static QAction *action(MainWindow &window, const char *name);
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"FieldLedgerTest"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
}

void TestMainWindow::init()
{
    QSettings().clear();
    MessageBox::reset();
}

MainWindow::Info TestMainWindow::info(Role role)
{
    return MainWindow::Info{u"Kalo district"_s, u"/data/kalo.fieldledger"_s,
                            User{u"amina.k"_s, u"Amina Kalo"_s, role, true}, u"4.6.1 community"_s};
}

QAction *TestMainWindow::action(MainWindow &window, const char *name)
{
    auto *found = window.findChild<QAction *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no action %s", name);
    return found;
}

void TestMainWindow::mainWindow_title_namesRegistry()
{
    MainWindow window(info());
    QCOMPARE(window.windowTitle(), u"Kalo district — FieldLedger"_s);
}

void TestMainWindow::mainWindow_statusBar_showsRegistryUserAndRole_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QString>("roleText");
    QTest::newRow("enumerator") << Role::Enumerator << u"Enumerator"_s;
    QTest::newRow("supervisor") << Role::Supervisor << u"Supervisor"_s;
    QTest::newRow("administrator") << Role::Administrator << u"Administrator"_s;
}

void TestMainWindow::mainWindow_statusBar_showsRegistryUserAndRole()
{
    QFETCH(Role, role);
    QFETCH(QString, roleText);
    MainWindow window(info(role));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *registry = window.findChild<QLabel *>(u"registryStatusLabel"_s);
    auto *user = window.findChild<QLabel *>(u"userStatusLabel"_s);
    QVERIFY(registry && user);
    QVERIFY(registry->isVisible() && user->isVisible());
    QCOMPARE(registry->text(), u"Kalo district"_s);
    QVERIFY(user->text().contains(u"Amina Kalo"_s));
    QVERIFY(user->text().contains(roleText));
}

void TestMainWindow::mainWindow_sidebar_listsSectionsAndSwitchesPages()
{
    MainWindow window(info());
    auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
    auto *pages = window.findChild<QStackedWidget *>(u"pages"_s);
    QVERIFY(sidebar && pages);
    QCOMPARE(sidebar->count(), 2);
    QCOMPARE(sidebar->item(0)->text(), u"Households"_s);
    QCOMPARE(sidebar->item(1)->text(), u"Drafts"_s);
    QCOMPARE(window.currentPage(), MainWindow::Page::Households);
    QCOMPARE(pages->currentWidget()->objectName(), u"householdsPage"_s);

    sidebar->setCurrentRow(1);
    QCOMPARE(window.currentPage(), MainWindow::Page::Drafts);
    QCOMPARE(pages->currentWidget()->objectName(), u"draftsPage"_s);

    window.showPage(MainWindow::Page::Households);
    QCOMPARE(sidebar->currentRow(), 0);
    QCOMPARE(pages->currentWidget()->objectName(), u"householdsPage"_s);
}

void TestMainWindow::mainWindow_emptyHouseholds_showsPlaceholder()
{
    MainWindow window(info());
    auto *title = window.findChild<QLabel *>(u"householdsPageEmptyTitle"_s);
    QVERIFY(title);
    QCOMPARE(title->text(), u"No households yet"_s);
}

void TestMainWindow::mainWindow_lock_emitsLockRequested()
{
    MainWindow window(info());
    QSignalSpy lock(&window, &MainWindow::lockRequested);
    QSignalSpy quit(&window, &MainWindow::quitRequested);
    action(window, "lockAction")->trigger();
    QCOMPARE(lock.count(), 1);
    QCOMPARE(quit.count(), 0);
    QVERIFY(QSettings().contains(u"mainWindow/geometry"_s)); // saved before the window goes
}

void TestMainWindow::mainWindow_lockShortcut_emitsLockRequested()
{
    MainWindow window(info());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy lock(&window, &MainWindow::lockRequested);
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    QCOMPARE(lock.count(), 1);
}

void TestMainWindow::mainWindow_quitAndClose_emitQuitRequested()
{
    MainWindow window(info());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy quit(&window, &MainWindow::quitRequested);
    action(window, "quitAction")->trigger();
    QCOMPARE(quit.count(), 1);
    QVERIFY(!window.isVisible());
    QCOMPARE(action(window, "quitAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
}

void TestMainWindow::mainWindow_newHousehold_isDisabledPlaceholder()
{
    MainWindow window(info());
    QAction *newHousehold = action(window, "newHouseholdAction");
    QVERIFY(!newHousehold->isEnabled());
    QCOMPARE(newHousehold->shortcut(), QKeySequence(QKeySequence::New));
}

void TestMainWindow::mainWindow_find_focusesFindField()
{
    MainWindow window(info());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showPage(MainWindow::Page::Drafts);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::Households);
    QCOMPARE(QApplication::focusWidget(), window.findChild<QLineEdit *>(u"findEdit"_s));
}

void TestMainWindow::mainWindow_sidebarToggle_hidesAndShowsSidebar()
{
    MainWindow window(info());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
    QAction *toggle = action(window, "sidebarAction");
    QVERIFY(toggle->isChecked());
    QVERIFY(sidebar->isVisible());
    toggle->trigger();
    QVERIFY(!sidebar->isVisible());
    window.saveSettings();
    toggle->trigger();
    QVERIFY(sidebar->isVisible());

    // Hidden is remembered for the next window.
    QVERIFY(!QSettings().value(u"mainWindow/sidebarVisible"_s).toBool());
    MainWindow next(info());
    next.show();
    QVERIFY(QTest::qWaitForWindowExposed(&next));
    QVERIFY(!next.findChild<QListWidget *>(u"sidebar"_s)->isVisible());
}

void TestMainWindow::mainWindow_menus_haveMnemonicsAndShortcuts()
{
    MainWindow window(info());
    QStringList titles;
    for (QAction *menu : window.menuBar()->actions())
        titles << menu->text();
    QCOMPARE(titles, (QStringList{u"&File"_s, u"&Edit"_s, u"&View"_s, u"&Help"_s}));
    QCOMPARE(action(window, "lockAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
    QCOMPARE(action(window, "findAction")->shortcut(), QKeySequence(QKeySequence::Find));
    for (const char *name : {"newHouseholdAction", "lockAction", "quitAction", "findAction", "submitAction",
                             "saveDraftAction", "sidebarAction", "aboutAction"})
        QVERIFY2(action(window, name)->text().contains(u'&'), name);
}

void TestMainWindow::mainWindow_geometryAndSplitter_persist()
{
    QList<int> sizes;
    QSize size;
    {
        MainWindow window(info());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 600);
        auto *splitter = window.findChild<QSplitter *>(u"mainSplitter"_s);
        splitter->setSizes({260, 640});
        QTRY_COMPARE(window.size(), QSize(900, 600));
        sizes = splitter->sizes();
        size = window.size();
        window.close(); // saves
    }
    MainWindow window(info());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.size(), size);
    QCOMPARE(window.findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), sizes);
}

void TestMainWindow::mainWindow_about_namesVersions()
{
    MainWindow window(info());
    MessageBox::setNextAnswer(QMessageBox::Ok);
    action(window, "aboutAction")->trigger();
    const QString text = MessageBox::lastText();
    QVERIFY(text.contains(QStringLiteral(FIELDLEDGER_VERSION)));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    QVERIFY(text.contains(u"SQLCipher 4.6.1 community"_s));
    QVERIFY(text.contains(u"household"_s));
    QVERIFY(!MainWindow::aboutText(QString()).contains(u"SQLCipher"_s));
}

void TestMainWindow::mainWindow_withLedger_showsHouseholdsPage()
{
    fieldledger::testing::LedgerFixture fixture;
    FL_VERIFY_OK(fieldledger::core::HouseholdIndex::install(fixture.ledger()));
    FL_VERIFY_OK(fixture.ledger().submit(fieldledger::testing::command(
        u"create-group"_s, u"hh-1"_s, {{u"name"_s, u"Kalo"_s}, {u"village"_s, u"kalo"_s}})));
    MainWindow window(info(), MainWindow::Services{&fixture.ledger(), &fixture.clock()});
    auto *pages = window.findChild<QStackedWidget *>(u"pages"_s);
    QVERIFY(window.householdsPage());
    QCOMPARE(pages->currentWidget(), window.householdsPage());
    QCOMPARE(pages->currentWidget()->objectName(), u"householdsPage"_s);
    QCOMPARE(window.householdsPage()->model()->rowCount(), 1);
    QVERIFY(action(window, "newHouseholdAction")->isEnabled());
    QVERIFY(!action(window, "submitAction")->isEnabled());
    QVERIFY(!action(window, "saveDraftAction")->isEnabled());

    // View ▸ Columns is the list's column menu.
    QMenu *view = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() == u"&View")
            view = menu->menu();
    }
    QVERIFY(view);
    bool columns = false;
    for (QAction *entry : view->actions())
        columns = columns || entry->menu() == window.householdsPage()->columnsMenu();
    QVERIFY(columns);

    // The Drafts section can be given its page; the Households one stays.
    const int count = pages->count();
    auto *drafts = new QWidget;
    drafts->setObjectName(u"realDraftsPage"_s);
    window.setPageWidget(MainWindow::Page::Drafts, drafts);
    window.showPage(MainWindow::Page::Drafts);
    QCOMPARE(pages->currentWidget(), drafts);
    QCOMPARE(pages->count(), count);
    QCOMPARE(pages->widget(0), window.householdsPage());
}

void TestMainWindow::mainWindow_newHousehold_opensFormAndEnablesFormActions()
{
    fieldledger::testing::LedgerFixture fixture;
    FL_VERIFY_OK(fieldledger::core::HouseholdIndex::install(fixture.ledger()));
    MainWindow window(info(), MainWindow::Services{&fixture.ledger(), &fixture.clock()});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showPage(MainWindow::Page::Drafts);
    QSignalSpy saveDraft(&window, &MainWindow::saveDraftRequested);

    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::Households);
    fieldledger::ui::HouseholdsPage *page = window.householdsPage();
    QVERIFY(page->isRegistering());
    QVERIFY(page->registrationForm()->isVisible());
    QVERIFY(action(window, "submitAction")->isEnabled());
    QCOMPARE(action(window, "submitAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    QVERIFY(action(window, "saveDraftAction")->isEnabled());
    QCOMPARE(action(window, "saveDraftAction")->shortcut(), QKeySequence(QKeySequence::Save));
    action(window, "saveDraftAction")->trigger();
    QCOMPARE(saveDraft.size(), 1);

    // Edit ▸ Submit on an empty form: nothing submitted, the form shows what is missing.
    action(window, "submitAction")->trigger();
    QVERIFY(page->isRegistering());
    QVERIFY(!page->registrationForm()->submitError().isEmpty());

    // Esc leaves the form (nothing entered: no question).
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!page->isRegistering());
    QVERIFY(!action(window, "submitAction")->isEnabled());
    QVERIFY(!action(window, "saveDraftAction")->isEnabled());
}

void TestMainWindow::mainWindow_findWithLedger_focusesPageSearch()
{
    fieldledger::testing::LedgerFixture fixture;
    FL_VERIFY_OK(fieldledger::core::HouseholdIndex::install(fixture.ledger()));
    MainWindow window(info(), MainWindow::Services{&fixture.ledger(), &fixture.clock()});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showPage(MainWindow::Page::Drafts);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), MainWindow::Page::Households);
    QCOMPARE(QApplication::focusWidget(), window.householdsPage()->searchField());
    QCOMPARE(window.householdsPage()->searchField()->objectName(), u"findEdit"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
