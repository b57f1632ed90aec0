#include "core/domain/ledger.h"
#include "core/forms/formdefinition.h"
#include "core/storage/draftstore.h"
#include "core/storage/registry.h"
#include "ui/appsession.h"
#include "ui/drafts/draftautosaver.h"
#include "ui/forms/formview.h"
#include "ui/mainwindow.h"
#include "ui/messagebox.h"
#include "ui/session/appsettings.h"
#include "ui/session/idlewatcher.h"
#include "ui/session/settingsdialog.h"
#include "ui/unlockdialog.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using fieldledger::core::DraftStore;
using fieldledger::core::Registry;
using fieldledger::core::SecretBytes;
using fieldledger::ui::AppSession;
using fieldledger::ui::AppSettings;
using fieldledger::ui::DraftAutosaver;
using fieldledger::ui::FormView;
using fieldledger::ui::IdleWatcher;
using fieldledger::ui::MainWindow;
using fieldledger::ui::MessageBox;
using fieldledger::ui::SettingsDialog;
using fieldledger::ui::UnlockDialog;

namespace {

const QString kUser = u"amina.k"_s;
const QString kPassphrase = u"correct horse battery"_s;

SecretBytes passphrase()
{
    QByteArray bytes = kPassphrase.toUtf8();
    return SecretBytes::takeFrom(bytes);
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

} // namespace

class TestIdleLock final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void idleWatcher_noInput_emitsIdleOnceAfterInterval();
    void idleWatcher_input_postponesIdle_data();
    void idleWatcher_input_postponesIdle();
    void idleWatcher_zeroInterval_neverFires();
    void idleWatcher_shorterIntervalWhileRunning_firesSooner();
    void idleWatcher_stop_preventsIdle();
    void idleWatcher_defaultInterval_isFiveMinutes();

    void session_idle_closesRegistryAndShowsUnlockDialog();
    void session_idle_keepsUnsavedFormAsDraft();
    void session_lockAction_locksAndUnlockReopens();
    void session_idleWithModalDialogOpen_closesItThenLocks();
    void session_settingsApplied_changesIdleInterval();
    void session_quit_savesOpenForms();

private:
    struct Fixture {
        QTemporaryDir dir;
        QString path;
    };
    static std::unique_ptr<Fixture> makeRegistry();
    // Starts the session and unlocks it through the dialog, as a user would.
    static void unlock(AppSession &session);
    // A household form with an autosaver inside the session's main window, saving through the
    // session's draft store (as the window will open them).
    static FormView *openForm(AppSession &session);
};

void TestIdleLock::initTestCase()
{
    Q_INIT_RESOURCE(resources);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"FieldLedgerTest"_s);
    QCoreApplication::setApplicationName(u"tst_idlelock"_s);
}

void TestIdleLock::init()
{
    QSettings().clear();
    MessageBox::reset();
}

std::unique_ptr<TestIdleLock::Fixture> TestIdleLock::makeRegistry()
{
    // Made once (Argon2id is the slow part), then copied while closed: a copy per test.
    static QTemporaryDir templateDir;
    static const QString templatePath = [] {
        const QString path = templateDir.filePath(u"registry.fieldledger"_s);
        const fieldledger::core::ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(8, 30), Qt::UTC));
        auto created =
            Registry::create(path, Registry::CreateOptions{u"Kalo district"_s, kUser, u"Amina Kalo"_s, {}},
                             passphrase(), clock);
        if (!created)
            qFatal("cannot create the test registry: %s", qPrintable(created.error().message));
        return path;
    }();
    auto fixture = std::make_unique<Fixture>();
    fixture->path = fixture->dir.filePath(u"registry.fieldledger"_s);
    const QDir from(templateDir.path());
    for (const QString &file : from.entryList(QDir::Files)) {
        if (!QFile::copy(from.filePath(file), fixture->dir.filePath(file)))
            qFatal("cannot copy the test registry");
    }
    if (!Registry::exists(fixture->path))
        qFatal("the copied registry is not there: %s", qPrintable(templatePath));
    return fixture;
}

void TestIdleLock::unlock(AppSession &session)
{
    UnlockDialog *dialog = session.unlockDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *user = dialog->findChild<QLineEdit *>(u"userIdEdit"_s);
    auto *secret = dialog->findChild<QLineEdit *>(u"passphraseEdit"_s);
    user->setText(kUser);
    secret->setText(kPassphrase);
    QSignalSpy outcome(&session, &AppSession::attemptFinished);
    QTest::keyClick(secret, Qt::Key_Return);
    QVERIFY(outcome.wait(15000));
    QVERIFY(outcome.first().first().toBool());
    QTRY_VERIFY(session.mainWindow() && session.mainWindow()->isVisible());
    // The ledger was opened on the worker thread and handed over with the registry.
    QVERIFY(session.ledger());
    QCOMPARE(session.ledger()->thread(), QThread::currentThread());
}

FormView *TestIdleLock::openForm(AppSession &session)
{
    MainWindow *window = session.mainWindow();
    auto *view = new FormView(window);
    view->setWindowFlag(Qt::Window); // its own window, parented to the main one
    DraftStore *store = session.draftStore();
    if (!store)
        qFatal("no draft store while the main window shows");
    auto form = fieldledger::core::FormDefinition::fromFile(u":/forms/household-registration.json"_s);
    if (!form)
        qFatal("no household form");
    view->setForm(*form, QDate(2026, 3, 2), u"en"_s);
    auto *saver = new DraftAutosaver(view, *store, QString());
    saver->setInterval(1h); // only the lock saves it
    view->show();
    return view;
}

void TestIdleLock::idleWatcher_noInput_emitsIdleOnceAfterInterval()
{
    IdleWatcher watcher;
    watcher.setInterval(150ms);
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    QElapsedTimer elapsed;
    elapsed.start();
    watcher.start();
    QVERIFY(watcher.isActive());
    QVERIFY(idle.wait(3000));
    QVERIFY(elapsed.elapsed() >= 150);
    QVERIFY(!watcher.isActive());
    QTest::qWait(400);
    QCOMPARE(idle.count(), 1);
}

void TestIdleLock::idleWatcher_input_postponesIdle_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("key") << u"key"_s;
    QTest::newRow("mouse move") << u"mouse"_s;
    QTest::newRow("click") << u"click"_s;
}

void TestIdleLock::idleWatcher_input_postponesIdle()
{
    QFETCH(QString, input);
    QLineEdit edit;
    edit.show();
    QVERIFY(QTest::qWaitForWindowActive(&edit));
    IdleWatcher watcher;
    watcher.setInterval(300ms);
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.start();
    // Input every 100 ms for 900 ms: three intervals long, never one without input.
    for (int i = 0; i < 9; ++i) {
        QTest::qWait(100);
        if (input == u"key"_s)
            QTest::keyClick(&edit, Qt::Key_A);
        else if (input == u"mouse"_s)
            QTest::mouseMove(&edit, QPoint(5 + i, 5));
        else
            QTest::mouseClick(&edit, Qt::LeftButton, {}, QPoint(5, 5));
    }
    QCOMPARE(idle.count(), 0);
    QVERIFY(watcher.idleFor() < 300ms);
    QVERIFY(idle.wait(3000));
    QVERIFY(watcher.idleFor() >= 300ms);
}

void TestIdleLock::idleWatcher_zeroInterval_neverFires()
{
    IdleWatcher watcher;
    watcher.setInterval(0ms);
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.start();
    QTest::qWait(300);
    QCOMPARE(idle.count(), 0);
}

void TestIdleLock::idleWatcher_shorterIntervalWhileRunning_firesSooner()
{
    IdleWatcher watcher;
    watcher.setInterval(10min);
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.start();
    QTest::qWait(120);
    QCOMPARE(idle.count(), 0);
    watcher.setInterval(100ms); // already idle that long: fires at once
    QVERIFY(idle.wait(1000));
}

void TestIdleLock::idleWatcher_stop_preventsIdle()
{
    IdleWatcher watcher;
    watcher.setInterval(100ms);
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.start();
    watcher.stop();
    QTest::qWait(300);
    QCOMPARE(idle.count(), 0);
}

void TestIdleLock::idleWatcher_defaultInterval_isFiveMinutes()
{
    IdleWatcher watcher;
    QCOMPARE(watcher.interval(), std::chrono::milliseconds(5min));
    const auto fixture = makeRegistry();
    fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    QCOMPARE(session.idleWatcher().interval(), std::chrono::milliseconds(5min));
}

void TestIdleLock::session_idle_closesRegistryAndShowsUnlockDialog()
{
    const auto fixture = makeRegistry();
    fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    session.start();
    unlock(session);
    QVERIFY(session.registry());
    QVERIFY(session.idleWatcher().isActive());

    QSignalSpy locked(&session, &AppSession::locked);
    session.idleWatcher().setInterval(300ms);
    QVERIFY(locked.wait(5000));
    QVERIFY(!session.registry());
    QVERIFY(!session.mainWindow());
    QVERIFY(session.unlockDialog());
    QTRY_VERIFY(session.unlockDialog()->isVisible());
    QVERIFY(!session.idleWatcher().isActive());
    // The user id is offered again; the passphrase is asked for.
    QCOMPARE(session.unlockDialog()->userId(), kUser);
    QVERIFY(session.unlockDialog()->findChild<QLineEdit *>(u"passphraseEdit"_s)->text().isEmpty());
    if (const QString dir = qEnvironmentVariable("FIELDLEDGER_SCREENSHOT_DIR"); !dir.isEmpty())
        session.unlockDialog()->grab().save(dir + u"/unlock-after-idle-lock.png"_s);

    // Closed for real: another process could take the registry now, and this one opens it again.
    auto reopened = Registry::open(fixture->path, kUser, passphrase());
    QVERIFY2(reopened, reopened ? "" : qPrintable(reopened.error().message));
}

void TestIdleLock::session_idle_keepsUnsavedFormAsDraft()
{
    const auto fixture = makeRegistry();
    fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    session.start();
    unlock(session);
    FormView *view = openForm(session);
    auto *name = view->findChild<QLineEdit *>(u"name"_s);
    name->setFocus();
    typeText(name, u"Aïssatou Diallo"_s);
    QVERIFY(view->findChild<DraftAutosaver *>()->isDirty());

    QSignalSpy locked(&session, &AppSession::locked);
    session.idleWatcher().setInterval(300ms);
    QVERIFY(locked.wait(5000));
    QVERIFY(!session.registry());

    {
        auto reopened = Registry::open(fixture->path, kUser, passphrase());
        QVERIFY(reopened);
        fieldledger::core::UuidGenerator ids;
        DraftStore store(**reopened, clock, ids);
        auto drafts = store.list(kUser);
        QVERIFY(drafts);
        QCOMPARE(drafts->size(), size_t(1));
        auto values = fieldledger::core::formValuesFromJson(drafts->front().body);
        QVERIFY(values);
        QCOMPARE(values->values.value(u"name"_s).toString(), u"Aïssatou Diallo"_s);
    }

    // Unlocking again opens the window on the Drafts page.
    session.idleWatcher().setInterval(5min);
    unlock(session);
    QCOMPARE(session.mainWindow()->currentPage(), MainWindow::Page::Drafts);
}

void TestIdleLock::session_lockAction_locksAndUnlockReopens()
{
    const auto fixture = makeRegistry();
    fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    session.start();
    unlock(session);
    QSignalSpy locked(&session, &AppSession::locked);
    session.mainWindow()->findChild<QAction *>(u"lockAction"_s)->trigger();
    QVERIFY(locked.wait(3000));
    QVERIFY(!session.registry());
    unlock(session);
    QVERIFY(session.registry());
    QCOMPARE(session.mainWindow()->currentPage(), MainWindow::Page::Households); // nothing was kept
    QVERIFY(session.idleWatcher().isActive());
}

void TestIdleLock::session_idleWithModalDialogOpen_closesItThenLocks()
{
    const auto fixture = makeRegistry();
    fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    session.start();
    unlock(session);
    QSignalSpy locked(&session, &AppSession::locked);
    bool boxReturned = false;
    QTimer::singleShot(0, session.mainWindow(), [&session, &boxReturned] {
        QMessageBox box(QMessageBox::Question, u"Question"_s, u"Still there?"_s,
                        QMessageBox::Yes | QMessageBox::No, session.mainWindow());
        session.idleWatcher().setInterval(200ms);
        box.exec(); // the idle lock closes it; the window outlives this call
        boxReturned = true;
    });
    QVERIFY(locked.wait(5000));
    QVERIFY(boxReturned);
    QVERIFY(!session.mainWindow());
    QVERIFY(session.unlockDialog());
}

void TestIdleLock::session_settingsApplied_changesIdleInterval()
{
    const auto fixture = makeRegistry();
    fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    session.start();
    unlock(session);
    session.showSettings();
    SettingsDialog *dialog = session.settingsDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowModality(), Qt::WindowModal);
    dialog->findChild<QSpinBox *>(u"idleLockSpin"_s)->setValue(12);
    dialog->accept();
    QCOMPARE(session.idleWatcher().interval(), std::chrono::milliseconds(12min));
    QCOMPARE(AppSettings::load().idleLockMinutes, 12);
    QTRY_VERIFY(!session.settingsDialog());
}

void TestIdleLock::session_quit_savesOpenForms()
{
    const auto fixture = makeRegistry();
    fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    session.start();
    unlock(session);
    FormView *view = openForm(session);
    auto *name = view->findChild<QLineEdit *>(u"name"_s);
    typeText(name, u"José Ramírez"_s);
    QSignalSpy finished(&session, &AppSession::finished);
    session.mainWindow()->findChild<QAction *>(u"quitAction"_s)->trigger();
    QVERIFY(finished.wait(3000));
    QVERIFY(!session.registry());

    auto reopened = Registry::open(fixture->path, kUser, passphrase());
    QVERIFY(reopened);
    fieldledger::core::UuidGenerator ids;
    DraftStore store(**reopened, clock, ids);
    auto drafts = store.list(kUser);
    QCOMPARE(drafts->size(), size_t(1));
    QVERIFY(drafts->front().title.contains(u"José Ramírez"_s));
}

QTEST_MAIN(TestIdleLock)
#include "tst_idlelock.moc"
