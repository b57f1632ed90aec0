#include "core/storage/registry.h"
#include "ui/appsession.h"
#include "ui/mainwindow.h"
#include "ui/unlockdialog.h"
#include "ui/users/strengthmeter.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;
using fieldledger::core::ErrorCode;
using fieldledger::core::Registry;
using fieldledger::core::SecretBytes;
using fieldledger::ui::AppSession;
using fieldledger::ui::UnlockDialog;

class TestUnlockDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void unlockDialog_empty_disablesUnlock();
    void unlockDialog_filledAndReturn_emitsUnlockRequestedAndStaysOpen();
    void unlockDialog_setUserId_prefillsAndFocusesPassphrase();
    void unlockDialog_registryPath_isShown();
    void unlockDialog_showError_explainsAndSelectsPassphrase_data();
    void unlockDialog_showError_explainsAndSelectsPassphrase();
    void unlockDialog_recoveryLinkByKeyboard_switchesToRecoveryKeyField();
    void unlockDialog_recoveryMode_needsMatchingNewPassphrases_data();
    void unlockDialog_recoveryMode_needsMatchingNewPassphrases();
    void unlockDialog_passphraseLinkMnemonic_switchesBack();
    void unlockDialog_busy_disablesInputsAndIgnoresEscape();
    void unlockDialog_acceptUnlocked_clearsSecretsAndCloses();
    void unlockDialog_escape_rejectsAndClearsPassphrase();

    void endToEnd_wrongPassphrase_showsErrorThenRightOneOpens();
    void endToEnd_recoveryKey_resetsThePassphraseThenUnlocksAsThatUser();
    void endToEnd_unknownUser_showsNotFound();
    void endToEnd_registryInUse_showsInUse();
    void endToEnd_damagedKeySlotFile_showsDamaged();
    void endToEnd_cancel_finishesWithoutOpening();

private:
    struct Fixture {
        QTemporaryDir dir;
        QString path;
        QString recoveryKey;
    };
    // A registry "Kalo district" with administrator amina.k / "correct horse battery" and enumerator
    // kofi / "kofi passphrase", closed again.
    static std::unique_ptr<Fixture> makeRegistry();
    // Starts a session on path, types the user id and passphrase and presses Return; waits for the outcome.
    static void attempt(AppSession &session, const QString &userId, const QString &passphrase);

    static QLineEdit *edit(UnlockDialog &dialog, const char *name);
    static QByteArray bytes(const fieldledger::core::SecretBytes &secret);
};

void TestUnlockDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"FieldLedgerTest"_s);
    QCoreApplication::setApplicationName(u"tst_unlockdialog"_s);
    QSettings().clear();
}

std::unique_ptr<TestUnlockDialog::Fixture> TestUnlockDialog::makeRegistry()
{
    auto fixture = std::make_unique<Fixture>();
    fixture->path = fixture->dir.filePath(u"registry.fieldledger"_s);
    const fieldledger::core::ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(8, 30), Qt::UTC));
    QByteArray passphrase("correct horse battery");
    auto created = Registry::create(
        fixture->path, Registry::CreateOptions{u"Kalo district"_s, u"amina.k"_s, u"Amina Kalo"_s, {}},
        SecretBytes::takeFrom(passphrase), clock);
    if (!created)
        qFatal("cannot create the test registry: %s", qPrintable(created.error().message));
    fixture->recoveryKey = created->recoveryKey;
    QByteArray enumeratorPassphrase("kofi passphrase");
    if (auto added =
            created->registry->addUser({u"kofi"_s, u"Kofi"_s, fieldledger::core::Role::Enumerator, true},
                                       SecretBytes::takeFrom(enumeratorPassphrase));
        !added)
        qFatal("cannot add the test user: %s", qPrintable(added.error().message));
    return fixture;
}

void TestUnlockDialog::attempt(AppSession &session, const QString &userId, const QString &passphrase)
{
    UnlockDialog *dialog = session.unlockDialog();
    QVERIFY(dialog);
    QLineEdit *userEdit = edit(*dialog, "userIdEdit");
    userEdit->clear();
    QTest::keyClicks(userEdit, userId);
    QLineEdit *passphraseEdit = edit(*dialog, "passphraseEdit");
    passphraseEdit->clear();
    QTest::keyClicks(passphraseEdit, passphrase);
    QSignalSpy outcome(&session, &AppSession::attemptFinished);
    QTest::keyClick(passphraseEdit, Qt::Key_Return);
    QVERIFY(dialog->isBusy());
    QVERIFY(outcome.wait(15000));
}

QLineEdit *TestUnlockDialog::edit(UnlockDialog &dialog, const char *name)
{
    auto *found = dialog.findChild<QLineEdit *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no line edit %s", name);
    return found;
}

QByteArray TestUnlockDialog::bytes(const fieldledger::core::SecretBytes &secret)
{
    return QByteArray(secret.data(), qsizetype(secret.size()));
}

void TestUnlockDialog::unlockDialog_empty_disablesUnlock()
{
    UnlockDialog dialog;
    QVERIFY(!dialog.canUnlock());
    QVERIFY(!dialog.unlockButton()->isEnabled());
    QTest::keyClicks(edit(dialog, "userIdEdit"), u"amina"_s);
    QVERIFY(!dialog.unlockButton()->isEnabled()); // still no passphrase
    QTest::keyClicks(edit(dialog, "passphraseEdit"), u"x"_s);
    QVERIFY(dialog.unlockButton()->isEnabled());
    edit(dialog, "userIdEdit")->setText(u"   "_s);
    QVERIFY(!dialog.unlockButton()->isEnabled());
}

void TestUnlockDialog::unlockDialog_filledAndReturn_emitsUnlockRequestedAndStaysOpen()
{
    UnlockDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy requested(&dialog, &UnlockDialog::unlockRequested);
    QSignalSpy finished(&dialog, &QDialog::finished);

    QTest::keyClicks(edit(dialog, "userIdEdit"), u" amina.k "_s);
    QTest::keyClicks(edit(dialog, "passphraseEdit"), u"correct horse"_s);
    QTest::keyClick(edit(dialog, "passphraseEdit"), Qt::Key_Return);

    QCOMPARE(requested.count(), 1);
    QCOMPARE(finished.count(), 0);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.mode(), UnlockDialog::Mode::Passphrase);
    QCOMPARE(dialog.userId(), u"amina.k"_s);
    QCOMPARE(bytes(dialog.secret()), QByteArray("correct horse"));
}

void TestUnlockDialog::unlockDialog_setUserId_prefillsAndFocusesPassphrase()
{
    UnlockDialog dialog;
    dialog.setUserId(u"amina"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(edit(dialog, "userIdEdit")->text(), u"amina"_s);
    QCOMPARE(QApplication::focusWidget(), edit(dialog, "passphraseEdit"));
}

void TestUnlockDialog::unlockDialog_registryPath_isShown()
{
    UnlockDialog dialog;
    dialog.setRegistryPath(u"/data/kalo/registry.fieldledger"_s);
    QCOMPARE(dialog.registryPath(), u"/data/kalo/registry.fieldledger"_s);
    auto *label = dialog.findChild<QLabel *>(u"pathLabel"_s);
    QVERIFY(label->text().contains(u"registry.fieldledger"_s));
    QCOMPARE(label->toolTip(), u"/data/kalo/registry.fieldledger"_s);
}

void TestUnlockDialog::unlockDialog_showError_explainsAndSelectsPassphrase_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("coreMessage");
    QTest::addColumn<QString>("expected");

    QTest::newRow("wrong passphrase") << ErrorCode::WrongSecret << u"wrong passphrase for 'amina'"_s
                                      << u"passphrase is not right for “amina”"_s;
    QTest::newRow("in use") << ErrorCode::InUse << u"x is in use by another program (process 42)"_s
                            << u"open in another program. X is in use by another program (process 42)."_s;
    QTest::newRow("damaged") << ErrorCode::Corrupt << u"the key-slot file is damaged: bad JSON"_s
                             << u"damaged or is not a FieldLedger registry. The key-slot file is damaged"_s;
    QTest::newRow("too old") << ErrorCode::Unsupported << u"SQLCipher 3.4 is too old"_s
                             << u"cannot be opened by this version"_s;
}

void TestUnlockDialog::unlockDialog_showError_explainsAndSelectsPassphrase()
{
    QFETCH(ErrorCode, code);
    QFETCH(QString, coreMessage);
    QFETCH(QString, expected);

    UnlockDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClicks(edit(dialog, "userIdEdit"), u"amina"_s);
    QTest::keyClicks(edit(dialog, "passphraseEdit"), u"not the passphrase"_s);
    QTest::keyClick(edit(dialog, "userIdEdit"), Qt::Key_End); // focus elsewhere
    edit(dialog, "userIdEdit")->setFocus();
    dialog.setBusy(true);
    dialog.setBusy(false);
    dialog.showError({code, coreMessage});

    QVERIFY2(dialog.errorText().contains(expected), qPrintable(dialog.errorText()));
    QVERIFY(dialog.findChild<QLabel *>(u"errorLabel"_s)->isVisible());
    QLineEdit *passphrase = edit(dialog, "passphraseEdit");
    QCOMPARE(QApplication::focusWidget(), passphrase);
    QCOMPARE(passphrase->selectedText(), u"not the passphrase"_s);

    // Typing over the selection replaces the wrong passphrase.
    QTest::keyClicks(passphrase, u"correct horse"_s);
    QCOMPARE(bytes(dialog.secret()), QByteArray("correct horse"));
}

void TestUnlockDialog::unlockDialog_recoveryLinkByKeyboard_switchesToRecoveryKeyField()
{
    UnlockDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClicks(edit(dialog, "userIdEdit"), u"amina"_s);
    QTest::keyClicks(edit(dialog, "passphraseEdit"), u"forgotten"_s);
    dialog.showError({ErrorCode::WrongSecret, u"wrong"_s});

    // Keyboard only: Tab from the passphrase reaches the link-like button, Space presses it.
    auto *link = dialog.findChild<QPushButton *>(u"switchModeButton"_s);
    QVERIFY(link->text().contains(u"recovery &key"_s));
    QCOMPARE(QApplication::focusWidget(), edit(dialog, "passphraseEdit"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), link);
    QTest::keyClick(link, Qt::Key_Space);

    QCOMPARE(dialog.mode(), UnlockDialog::Mode::RecoveryKey);
    QLineEdit *recovery = edit(dialog, "recoveryKeyEdit");
    QVERIFY(recovery->isVisible());
    QCOMPARE(recovery->echoMode(), QLineEdit::Password);
    QVERIFY(!edit(dialog, "passphraseEdit")->isVisible());
    QVERIFY(edit(dialog, "userIdEdit")->isVisible()); // whose passphrase is reset
    QVERIFY(edit(dialog, "newPassphraseEdit")->isVisible());
    QVERIFY(edit(dialog, "confirmPassphraseEdit")->isVisible());
    QVERIFY(edit(dialog, "passphraseEdit")->text().isEmpty()); // not kept behind the scenes
    QVERIFY(dialog.errorText().isEmpty());
    QCOMPARE(QApplication::focusWidget(), recovery);
    QVERIFY(!dialog.unlockButton()->isEnabled());

    // Tab goes key → new passphrase → confirmation; Unlock needs all three.
    QTest::keyClicks(recovery, u"7qk3m-0zp4a-h2w9c-xr5tb-m8n1d-y6vfe-k4j0g-s3htq"_s);
    QVERIFY(!dialog.unlockButton()->isEnabled());
    QTest::keyClick(recovery, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), edit(dialog, "newPassphraseEdit"));
    QTest::keyClicks(QApplication::focusWidget(), u"a new passphrase"_s);
    auto *meter = dialog.findChild<fieldledger::ui::StrengthMeter *>(u"strengthMeter"_s);
    QVERIFY(meter && meter->isVisible());
    QVERIFY(!meter->text().isEmpty());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), edit(dialog, "confirmPassphraseEdit"));
    QTest::keyClicks(QApplication::focusWidget(), u"a new passphrase"_s);
    QVERIFY(dialog.unlockButton()->isEnabled());
    QCOMPARE(bytes(dialog.secret()), QByteArray("7qk3m-0zp4a-h2w9c-xr5tb-m8n1d-y6vfe-k4j0g-s3htq"));

    // Return resets (here: no registry at all), and never asks the caller to unlock in this mode.
    QSignalSpy requested(&dialog, &UnlockDialog::unlockRequested);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(dialog.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 15000);
    QCOMPARE(requested.count(), 0);
    QCOMPARE(dialog.mode(), UnlockDialog::Mode::RecoveryKey);
    QVERIFY2(dialog.errorText().contains(u"not found"_s), qPrintable(dialog.errorText()));

    dialog.showError({ErrorCode::WrongSecret, u"wrong recovery key"_s});
    QVERIFY(dialog.errorText().contains(u"recovery key does not open"_s));
    QCOMPARE(QApplication::focusWidget(), recovery);
    QCOMPARE(recovery->selectedText(), recovery->text());
}

void TestUnlockDialog::unlockDialog_recoveryMode_needsMatchingNewPassphrases_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("confirm");
    QTest::addColumn<QString>("problem");
    QTest::newRow("complete") << u"amina"_s << u"KEY"_s << u"long enough"_s << u"long enough"_s << QString();
    QTest::newRow("no user") << QString() << u"KEY"_s << u"long enough"_s << u"long enough"_s << u"user id"_s;
    QTest::newRow("no key") << u"amina"_s << QString() << u"long enough"_s << u"long enough"_s
                            << u"recovery key"_s;
    QTest::newRow("short") << u"amina"_s << u"KEY"_s << u"short"_s << u"short"_s << u"at least 8"_s;
    QTest::newRow("differ") << u"amina"_s << u"KEY"_s << u"long enough"_s << u"long enougH"_s << u"differ"_s;
}

void TestUnlockDialog::unlockDialog_recoveryMode_needsMatchingNewPassphrases()
{
    QFETCH(QString, user);
    QFETCH(QString, key);
    QFETCH(QString, passphrase);
    QFETCH(QString, confirm);
    QFETCH(QString, problem);
    UnlockDialog dialog;
    dialog.setMode(UnlockDialog::Mode::RecoveryKey);
    edit(dialog, "userIdEdit")->setText(user);
    edit(dialog, "recoveryKeyEdit")->setText(key);
    edit(dialog, "newPassphraseEdit")->setText(passphrase);
    edit(dialog, "confirmPassphraseEdit")->setText(confirm);
    QCOMPARE(dialog.canUnlock(), problem.isEmpty());
    QCOMPARE(dialog.unlockButton()->isEnabled(), problem.isEmpty());
    QVERIFY2(dialog.recoveryProblem().contains(problem), qPrintable(dialog.recoveryProblem()));
    QCOMPARE(dialog.findChild<QLabel *>(u"recoveryProblemLabel"_s)->text(), dialog.recoveryProblem());
    // Back to the passphrase: every secret field is emptied.
    dialog.setMode(UnlockDialog::Mode::Passphrase);
    for (const char *name : {"recoveryKeyEdit", "newPassphraseEdit", "confirmPassphraseEdit"})
        QVERIFY(edit(dialog, name)->text().isEmpty());
}

void TestUnlockDialog::unlockDialog_passphraseLinkMnemonic_switchesBack()
{
    UnlockDialog dialog;
    dialog.setUserId(u"amina"_s);
    dialog.setMode(UnlockDialog::Mode::RecoveryKey);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClicks(edit(dialog, "recoveryKeyEdit"), u"ABCDE"_s);
    QVERIFY(dialog.findChild<QPushButton *>(u"switchModeButton"_s)->text().contains(u"&instead"_s));
    QTest::keyClick(&dialog, Qt::Key_I, Qt::AltModifier);
    QTRY_COMPARE(dialog.mode(), UnlockDialog::Mode::Passphrase); // a mnemonic animates the click
    QCOMPARE(QApplication::focusWidget(), edit(dialog, "passphraseEdit"));
    QVERIFY(edit(dialog, "recoveryKeyEdit")->text().isEmpty());
    QCOMPARE(dialog.userId(), u"amina"_s);
    QVERIFY(!dialog.unlockButton()->isEnabled());
}

void TestUnlockDialog::unlockDialog_busy_disablesInputsAndIgnoresEscape()
{
    UnlockDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(edit(dialog, "userIdEdit"), u"amina"_s);
    QTest::keyClicks(edit(dialog, "passphraseEdit"), u"correct horse"_s);
    QSignalSpy requested(&dialog, &UnlockDialog::unlockRequested);

    dialog.setBusy(true);
    QVERIFY(!dialog.unlockButton()->isEnabled());
    QVERIFY(edit(dialog, "passphraseEdit")->isReadOnly());
    QVERIFY(!dialog.findChild<QPushButton *>(u"openOtherButton"_s)->isEnabled());
    QVERIFY(dialog.findChild<QWidget *>(u"busyRow"_s)->isVisible());
    QTest::keyClick(&dialog, Qt::Key_Escape);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(requested.count(), 0);

    dialog.setBusy(false);
    QVERIFY(dialog.unlockButton()->isEnabled());
    QVERIFY(!edit(dialog, "passphraseEdit")->isReadOnly());
    QVERIFY(!dialog.findChild<QWidget *>(u"busyRow"_s)->isVisible());
}

void TestUnlockDialog::unlockDialog_acceptUnlocked_clearsSecretsAndCloses()
{
    UnlockDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(edit(dialog, "userIdEdit"), u"amina"_s);
    QTest::keyClicks(edit(dialog, "passphraseEdit"), u"correct horse"_s);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.setBusy(true);
    dialog.acceptUnlocked();
    QCOMPARE(accepted.count(), 1);
    QVERIFY(!dialog.isVisible());
    QVERIFY(edit(dialog, "passphraseEdit")->text().isEmpty());
    QCOMPARE(dialog.userId(), u"amina"_s);
}

void TestUnlockDialog::unlockDialog_escape_rejectsAndClearsPassphrase()
{
    UnlockDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(edit(dialog, "passphraseEdit"), u"correct horse"_s);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QVERIFY(edit(dialog, "passphraseEdit")->text().isEmpty());
}

void TestUnlockDialog::endToEnd_wrongPassphrase_showsErrorThenRightOneOpens()
{
    const auto fixture = makeRegistry();
    const fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    session.start();
    QVERIFY(session.unlockDialog());
    QVERIFY(!session.setupDialog());
    QVERIFY(QTest::qWaitForWindowActive(session.unlockDialog()));

    attempt(session, u"amina.k"_s, u"correct horse batter"_s);
    UnlockDialog *dialog = session.unlockDialog();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(!session.registry());
    QVERIFY2(dialog->errorText().contains(u"not right for “amina.k”"_s), qPrintable(dialog->errorText()));
    QLineEdit *passphrase = edit(*dialog, "passphraseEdit");
    QCOMPARE(QApplication::focusWidget(), passphrase);
    QCOMPARE(passphrase->selectedText(), u"correct horse batter"_s);

    attempt(session, u"amina.k"_s, u"correct horse battery"_s);
    QTRY_VERIFY(session.mainWindow());
    QVERIFY(!session.unlockDialog());
    QCOMPARE(session.registry()->currentUser().id, u"amina.k"_s);
    QCOMPARE(session.mainWindow()->windowTitle(), u"Kalo district — FieldLedger"_s);
    QCOMPARE(QSettings().value(u"session/lastUserId"_s).toString(), u"amina.k"_s);
}

void TestUnlockDialog::endToEnd_recoveryKey_resetsThePassphraseThenUnlocksAsThatUser()
{
    const auto fixture = makeRegistry();
    const fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    session.start();
    UnlockDialog *dialog = session.unlockDialog();
    QVERIFY(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"switchModeButton"_s), Qt::LeftButton);
    QLineEdit *user = edit(*dialog, "userIdEdit");
    user->clear();
    QTest::keyClicks(user, u"kofi"_s);
    QLineEdit *recovery = edit(*dialog, "recoveryKeyEdit");
    QTest::keyClicks(edit(*dialog, "newPassphraseEdit"), u"Baobab under the moon"_s);
    QTest::keyClicks(edit(*dialog, "confirmPassphraseEdit"), u"Baobab under the moon"_s);

    // A wrong key first: the error names the recovery key and selects it; nothing is opened.
    QTest::keyClicks(recovery, u"00000-00000-00000-00000-00000-00000-00000-00000"_s);
    QTest::keyClick(recovery, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 15000);
    QVERIFY2(dialog->errorText().contains(u"recovery key does not open"_s), qPrintable(dialog->errorText()));
    QCOMPARE(recovery->selectedText(), recovery->text());
    QVERIFY(!session.registry());

    // Case and dashes do not matter on input. The reset is followed by an ordinary unlock.
    QSignalSpy reset(dialog, &UnlockDialog::passphraseReset);
    QSignalSpy outcome(&session, &AppSession::attemptFinished);
    QTest::keyClicks(recovery, fixture->recoveryKey.toLower());
    QTest::keyClick(recovery, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(session.mainWindow(), 15000);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(reset.front().front().toString(), u"kofi"_s);
    QCOMPARE(session.registry()->currentUser().id, u"kofi"_s);
    QCOMPARE(session.registry()->currentUser().role, fieldledger::core::Role::Enumerator);
    QCOMPARE(QSettings().value(u"session/lastUserId"_s).toString(), u"kofi"_s);

    // The old passphrase is gone, the new one works, and the administrator sees who reset it.
    QByteArray oldPassphrase("kofi passphrase");
    QCOMPARE(Registry::open(fixture->path, u"kofi"_s, SecretBytes::takeFrom(oldPassphrase),
                            Registry::Access::ReadOnly)
                 .error()
                 .code,
             ErrorCode::WrongSecret);
    QByteArray adminPassphrase("correct horse battery");
    auto admin = Registry::open(fixture->path, u"amina.k"_s, SecretBytes::takeFrom(adminPassphrase),
                                Registry::Access::ReadOnly);
    QVERIFY(admin);
    auto log = (*admin)->userLog(u"kofi"_s);
    QVERIFY(log && !log->isEmpty());
    QCOMPARE(log->back().action, fieldledger::core::UserLogEntry::Action::ResetPassphrase);
    QCOMPARE(log->back().actor, Registry::recoveryKeyActor());
}

void TestUnlockDialog::endToEnd_unknownUser_showsNotFound()
{
    const auto fixture = makeRegistry();
    const fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    session.start();
    QVERIFY(QTest::qWaitForWindowActive(session.unlockDialog()));
    attempt(session, u"bakari"_s, u"correct horse battery"_s);
    UnlockDialog *dialog = session.unlockDialog();
    QVERIFY(!session.registry());
    QVERIFY2(dialog->errorText().contains(u"not found"_s), qPrintable(dialog->errorText()));
    QVERIFY(dialog->errorText().contains(u"bakari"_s));
    QCOMPARE(QApplication::focusWidget(), edit(*dialog, "userIdEdit"));
}

void TestUnlockDialog::endToEnd_registryInUse_showsInUse()
{
    const auto fixture = makeRegistry();
    QByteArray passphrase("correct horse battery");
    auto holder = Registry::open(fixture->path, u"amina.k"_s, SecretBytes::takeFrom(passphrase));
    QVERIFY(holder);

    const fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    session.start();
    attempt(session, u"amina.k"_s, u"correct horse battery"_s);
    QVERIFY(!session.registry());
    QVERIFY2(session.unlockDialog()->errorText().contains(u"open in another program"_s),
             qPrintable(session.unlockDialog()->errorText()));
}

void TestUnlockDialog::endToEnd_damagedKeySlotFile_showsDamaged()
{
    const auto fixture = makeRegistry();
    QFile slotFile(Registry::keySlotPath(fixture->path));
    QVERIFY(slotFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    slotFile.write("{ this is not a key-slot file");
    slotFile.close();

    const fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    session.start();
    attempt(session, u"amina.k"_s, u"correct horse battery"_s);
    QVERIFY(!session.registry());
    QVERIFY2(session.unlockDialog()->errorText().contains(u"damaged"_s),
             qPrintable(session.unlockDialog()->errorText()));
}

void TestUnlockDialog::endToEnd_cancel_finishesWithoutOpening()
{
    const auto fixture = makeRegistry();
    const fieldledger::core::SystemClock clock;
    AppSession session(fixture->path, clock);
    QSignalSpy finished(&session, &AppSession::finished);
    session.start();
    QTest::keyClick(session.unlockDialog(), Qt::Key_Escape);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!session.registry());
    QVERIFY(!session.mainWindow());
}

QTEST_MAIN(TestUnlockDialog)
#include "tst_unlockdialog.moc"
