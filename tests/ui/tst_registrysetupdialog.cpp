#include "core/storage/registry.h"
#include "ui/appsession.h"
#include "ui/mainwindow.h"
#include "ui/messagebox.h"
#include "ui/passwordstrength.h"
#include "ui/registrysetupdialog.h"
#include "ui/unlockdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using fieldledger::core::Registry;
using fieldledger::ui::AppSession;
using fieldledger::ui::MainWindow;
using fieldledger::ui::MessageBox;
using fieldledger::ui::PasswordStrength;
using fieldledger::ui::RegistrySetupDialog;

class TestRegistrySetupDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void passwordStrength_rate_data();
    void passwordStrength_rate();

    void createDialog_empty_disablesCreateWithHint();
    void createDialog_invalidInput_disablesCreateWithMessage_data();
    void createDialog_invalidInput_disablesCreateWithMessage();
    void createDialog_validInput_enablesCreate();
    void createDialog_returnWithValidInput_emitsCreateRequestedAndStaysOpen();
    void createDialog_returnWithInvalidInput_emitsNothing();
    void createDialog_strengthHint_followsPassphrase();
    void createDialog_busy_disablesFormAndIgnoresEscape();
    void createDialog_showError_showsMessageAndKeepsInput();
    void createDialog_escape_rejectsAndClearsPassphrases();
    void createDialog_labels_haveBuddiesForMnemonics();

    void recoveryPage_continue_enabledOnlyAfterCheckbox();
    void recoveryPage_copy_putsKeyOnClipboard();
    void recoveryPage_escapeAnsweredNo_staysOnKey();
    void recoveryPage_escapeAnsweredYes_acceptsWithoutTicking();

    void endToEnd_createThroughDialog_thenLockAndUnlock();
    void endToEnd_createIntoUnwritableFolder_showsErrorAndStays();
    void endToEnd_cancelSetup_finishesWithoutRegistry();

private:
    static void fill(RegistrySetupDialog &dialog, const QString &name, const QString &userId,
                     const QString &passphrase, const QString &confirmation);
    static QLineEdit *edit(RegistrySetupDialog &dialog, const char *name);
};

void TestRegistrySetupDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"FieldLedgerTest"_s);
    QCoreApplication::setApplicationName(u"tst_registrysetupdialog"_s);
}

void TestRegistrySetupDialog::init()
{
    MessageBox::reset();
    QSettings().clear();
}

QLineEdit *TestRegistrySetupDialog::edit(RegistrySetupDialog &dialog, const char *name)
{
    auto *found = dialog.findChild<QLineEdit *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no line edit %s", name);
    return found;
}

void TestRegistrySetupDialog::fill(RegistrySetupDialog &dialog, const QString &name, const QString &userId,
                                   const QString &passphrase, const QString &confirmation)
{
    QTest::keyClicks(edit(dialog, "nameEdit"), name);
    QTest::keyClicks(edit(dialog, "adminIdEdit"), userId);
    QTest::keyClicks(edit(dialog, "passphraseEdit"), passphrase);
    QTest::keyClicks(edit(dialog, "confirmEdit"), confirmation);
}

void TestRegistrySetupDialog::passwordStrength_rate_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<PasswordStrength::Level>("level");

    QTest::newRow("empty") << QString() << PasswordStrength::Level::TooShort;
    QTest::newRow("seven characters") << u"Xk9#mQ2"_s << PasswordStrength::Level::TooShort;
    QTest::newRow("seven non-ASCII characters") << u"ñéüßøåç"_s << PasswordStrength::Level::TooShort;
    QTest::newRow("common word") << u"password"_s << PasswordStrength::Level::Weak;
    QTest::newRow("common word with digits") << u"Password123!"_s << PasswordStrength::Level::Weak;
    QTest::newRow("digits only") << u"12345678"_s << PasswordStrength::Level::Weak;
    QTest::newRow("repeated character") << u"aaaaaaaaaaaa"_s << PasswordStrength::Level::Weak;
    QTest::newRow("alphabet run") << u"abcdefghij"_s << PasswordStrength::Level::Weak;
    QTest::newRow("eight lower-case letters") << u"kalozemb"_s << PasswordStrength::Level::Weak;
    QTest::newRow("mixed case and digits") << u"Kalo2024"_s << PasswordStrength::Level::Fair;
    QTest::newRow("ten lower-case letters") << u"kalozembiq"_s << PasswordStrength::Level::Fair;
    QTest::newRow("four words") << u"correct horse battery staple"_s << PasswordStrength::Level::Strong;
    QTest::newRow("symbols and digits") << u"Tr0ub4dor&3x"_s << PasswordStrength::Level::Strong;
}

void TestRegistrySetupDialog::passwordStrength_rate()
{
    QFETCH(QString, passphrase);
    QFETCH(PasswordStrength::Level, level);
    QCOMPARE(PasswordStrength::rate(passphrase), level);
}

void TestRegistrySetupDialog::createDialog_empty_disablesCreateWithHint()
{
    RegistrySetupDialog dialog;
    QVERIFY(!dialog.createButton()->isEnabled());
    QVERIFY(!dialog.isValid());
    QVERIFY(dialog.validationMessage().contains(u"name"_s));
    QCOMPARE(dialog.findChild<QLabel *>(u"validationLabel"_s)->text(), dialog.validationMessage());
}

void TestRegistrySetupDialog::createDialog_invalidInput_disablesCreateWithMessage_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("confirmation");
    QTest::addColumn<QString>("message");

    QTest::newRow("mismatched passphrases")
        << u"Kalo district"_s << u"amina"_s << u"correct horse"_s << u"correct house"_s << u"do not match"_s;
    QTest::newRow("passphrase too short")
        << u"Kalo district"_s << u"amina"_s << u"short"_s << u"short"_s << u"at least 8 characters"_s;
    QTest::newRow("user id with a space")
        << u"Kalo district"_s << u"amina k"_s << u"correct horse"_s << u"correct horse"_s << u"not valid"_s;
    QTest::newRow("user id starting with a dot")
        << u"Kalo district"_s << u".amina"_s << u"correct horse"_s << u"correct horse"_s << u"not valid"_s;
    QTest::newRow("blank name") << u"   "_s << u"amina"_s << u"correct horse"_s << u"correct horse"_s
                                << u"name"_s;
    QTest::newRow("confirmation missing")
        << u"Kalo district"_s << u"amina"_s << u"correct horse"_s << QString() << u"again"_s;
}

void TestRegistrySetupDialog::createDialog_invalidInput_disablesCreateWithMessage()
{
    QFETCH(QString, name);
    QFETCH(QString, userId);
    QFETCH(QString, passphrase);
    QFETCH(QString, confirmation);
    QFETCH(QString, message);

    RegistrySetupDialog dialog;
    fill(dialog, name, userId, passphrase, confirmation);
    QVERIFY(!dialog.createButton()->isEnabled());
    QVERIFY2(dialog.validationMessage().contains(message), qPrintable(dialog.validationMessage()));
    QCOMPARE(dialog.findChild<QLabel *>(u"validationLabel"_s)->text(), dialog.validationMessage());
}

void TestRegistrySetupDialog::createDialog_validInput_enablesCreate()
{
    RegistrySetupDialog dialog;
    fill(dialog, u"Kalo district"_s, u"amina.k"_s, u"correct horse"_s, u"correct horse"_s);
    QVERIFY(dialog.isValid());
    QVERIFY(dialog.createButton()->isEnabled());
    QVERIFY(dialog.validationMessage().isEmpty());

    // Breaking the confirmation again disables it.
    QTest::keyClick(edit(dialog, "confirmEdit"), Qt::Key_Backspace);
    QVERIFY(!dialog.createButton()->isEnabled());
}

void TestRegistrySetupDialog::createDialog_returnWithValidInput_emitsCreateRequestedAndStaysOpen()
{
    RegistrySetupDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy requested(&dialog, &RegistrySetupDialog::createRequested);
    QSignalSpy finished(&dialog, &QDialog::finished);

    fill(dialog, u" Kalo district "_s, u"amina.k"_s, u"correct horse "_s, u"correct horse "_s);
    // QTest types ASCII only; the passphrase is UTF-8 whatever it holds.
    edit(dialog, "passphraseEdit")->insert(u"ñ"_s);
    edit(dialog, "confirmEdit")->insert(u"ñ"_s);
    QTest::keyClicks(edit(dialog, "displayNameEdit"), u"Amina Kalo"_s);
    QTest::keyClick(edit(dialog, "confirmEdit"), Qt::Key_Return);

    QCOMPARE(requested.count(), 1);
    QCOMPARE(finished.count(), 0);
    QVERIFY(dialog.isVisible());
    const RegistrySetupDialog::Details details = dialog.details();
    QCOMPARE(details.registryName, u"Kalo district"_s);
    QCOMPARE(details.adminId, u"amina.k"_s);
    QCOMPARE(details.adminDisplayName, u"Amina Kalo"_s);
    const QByteArray expected = u"correct horse ñ"_s.toUtf8();
    const fieldledger::core::SecretBytes passphrase = dialog.passphrase();
    QCOMPARE(QByteArray(passphrase.data(), qsizetype(passphrase.size())), expected);

    dialog.clearPassphrases();
    QVERIFY(edit(dialog, "passphraseEdit")->text().isEmpty());
    QVERIFY(edit(dialog, "confirmEdit")->text().isEmpty());
    QVERIFY(!dialog.createButton()->isEnabled());
}

void TestRegistrySetupDialog::createDialog_returnWithInvalidInput_emitsNothing()
{
    RegistrySetupDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy requested(&dialog, &RegistrySetupDialog::createRequested);
    fill(dialog, u"Kalo district"_s, u"amina"_s, u"correct horse"_s, u"correct horsf"_s);
    QTest::keyClick(edit(dialog, "confirmEdit"), Qt::Key_Return);
    dialog.accept();
    QCOMPARE(requested.count(), 0);
    QVERIFY(dialog.isVisible());
}

void TestRegistrySetupDialog::createDialog_strengthHint_followsPassphrase()
{
    RegistrySetupDialog dialog;
    auto *label = dialog.findChild<QLabel *>(u"strengthLabel"_s);
    auto *meter = dialog.findChild<QProgressBar *>(u"strengthMeter"_s);
    QLineEdit *passphrase = edit(dialog, "passphraseEdit");
    QVERIFY(label && meter);
    QCOMPARE(label->text(), QString());
    QCOMPARE(meter->value(), 0);

    QTest::keyClicks(passphrase, u"kalo"_s);
    QCOMPARE(dialog.strength(), PasswordStrength::Level::TooShort);
    QCOMPARE(label->text(), u"too short"_s);
    QCOMPARE(meter->value(), 0);

    QTest::keyClicks(passphrase, u"zemb"_s); // kalozemb
    QCOMPARE(label->text(), u"weak"_s);
    QCOMPARE(meter->value(), 1);

    QTest::keyClicks(passphrase, u"iq"_s); // kalozembiq
    QCOMPARE(label->text(), u"fair"_s);
    QCOMPARE(meter->value(), 2);

    QTest::keyClicks(passphrase, u" Ruvu 7 hills"_s);
    QCOMPARE(label->text(), u"strong"_s);
    QCOMPARE(meter->value(), 3);

    passphrase->clear();
    QCOMPARE(label->text(), QString());
    QCOMPARE(meter->value(), 0);
}

void TestRegistrySetupDialog::createDialog_busy_disablesFormAndIgnoresEscape()
{
    RegistrySetupDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fill(dialog, u"Kalo district"_s, u"amina"_s, u"correct horse"_s, u"correct horse"_s);
    QSignalSpy requested(&dialog, &RegistrySetupDialog::createRequested);

    dialog.setBusy(true);
    QVERIFY(dialog.isBusy());
    QVERIFY(!dialog.createButton()->isEnabled());
    QVERIFY(edit(dialog, "passphraseEdit")->isReadOnly());
    QVERIFY(dialog.findChild<QWidget *>(u"busyRow"_s)->isVisible());
    QTest::keyClick(&dialog, Qt::Key_Escape);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(requested.count(), 0);

    dialog.setBusy(false);
    QVERIFY(dialog.createButton()->isEnabled());
    QVERIFY(!edit(dialog, "passphraseEdit")->isReadOnly());
    QVERIFY(!dialog.findChild<QWidget *>(u"busyRow"_s)->isVisible());
}

void TestRegistrySetupDialog::createDialog_showError_showsMessageAndKeepsInput()
{
    RegistrySetupDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fill(dialog, u"Kalo district"_s, u"amina"_s, u"correct horse"_s, u"correct horse"_s);
    dialog.showError({fieldledger::core::ErrorCode::Storage, u"cannot create the folder /nowhere"_s});

    auto *label = dialog.findChild<QLabel *>(u"errorLabel"_s);
    QVERIFY(label->isVisible());
    QVERIFY(dialog.errorText().contains(u"Cannot create the folder /nowhere."_s));
    QCOMPARE(edit(dialog, "passphraseEdit")->text(), u"correct horse"_s);
    QVERIFY(dialog.createButton()->isEnabled());

    // Editing any field clears the stale error.
    QTest::keyClicks(edit(dialog, "nameEdit"), u" 2"_s);
    QVERIFY(!label->isVisible());
}

void TestRegistrySetupDialog::createDialog_escape_rejectsAndClearsPassphrases()
{
    RegistrySetupDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fill(dialog, u"Kalo district"_s, u"amina"_s, u"correct horse"_s, u"correct horse"_s);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!dialog.isVisible());
    QVERIFY(edit(dialog, "passphraseEdit")->text().isEmpty());
    QVERIFY(MessageBox::lastText().isEmpty()); // nothing to confirm before anything exists
}

void TestRegistrySetupDialog::createDialog_labels_haveBuddiesForMnemonics()
{
    RegistrySetupDialog dialog;
    const QStringList labels{u"nameLabel"_s, u"adminIdLabel"_s, u"displayNameLabel"_s, u"passphraseLabel"_s,
                             u"confirmLabel"_s};
    QSet<QChar> mnemonics;
    for (const QString &name : labels) {
        auto *label = dialog.findChild<QLabel *>(name);
        QVERIFY2(label && label->buddy(), qPrintable(name));
        const qsizetype amp = label->text().indexOf(u'&');
        QVERIFY2(amp >= 0, qPrintable(name));
        const QChar key = label->text().at(amp + 1).toLower();
        QVERIFY2(!mnemonics.contains(key), qPrintable(name));
        mnemonics.insert(key);
    }
}

void TestRegistrySetupDialog::recoveryPage_continue_enabledOnlyAfterCheckbox()
{
    RegistrySetupDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString key = u"7QK3M-0ZP4A-H2W9C-XR5TB-M8N1D-Y6VFE-K4J0G-S3HTQ"_s;
    dialog.showRecoveryKey(key);
    QVERIFY(dialog.isShowingRecoveryKey());
    QCOMPARE(dialog.findChild<QLabel *>(u"recoveryKeyLabel"_s)->text(), key);
    QVERIFY(!dialog.continueButton()->isEnabled());

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::keyClick(&dialog, Qt::Key_Return);
    dialog.accept();
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());

    auto *check = dialog.findChild<QCheckBox *>(u"writtenDownCheck"_s);
    QTest::keyClick(check, Qt::Key_Space);
    QVERIFY(check->isChecked());
    QVERIFY(dialog.continueButton()->isEnabled());
    check->setChecked(false);
    QVERIFY(!dialog.continueButton()->isEnabled());
    check->setChecked(true);

    QTest::mouseClick(dialog.continueButton(), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
    QVERIFY(!dialog.isVisible());
    QVERIFY(dialog.findChild<QLabel *>(u"recoveryKeyLabel"_s)->text().isEmpty());
}

void TestRegistrySetupDialog::recoveryPage_copy_putsKeyOnClipboard()
{
    RegistrySetupDialog dialog;
    const QString key = u"7QK3M-0ZP4A-H2W9C-XR5TB-M8N1D-Y6VFE-K4J0G-S3HTQ"_s;
    dialog.showRecoveryKey(key);
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"copyButton"_s), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), key);
    QVERIFY(!dialog.findChild<QLabel *>(u"copiedLabel"_s)->text().isEmpty());
}

void TestRegistrySetupDialog::recoveryPage_escapeAnsweredNo_staysOnKey()
{
    RegistrySetupDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.showRecoveryKey(u"7QK3M-0ZP4A-H2W9C-XR5TB-M8N1D-Y6VFE-K4J0G-S3HTQ"_s);
    QSignalSpy finished(&dialog, &QDialog::finished);

    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(MessageBox::lastText().contains(u"will not be shown again"_s));
    QCOMPARE(finished.count(), 0);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.isShowingRecoveryKey());
}

void TestRegistrySetupDialog::recoveryPage_escapeAnsweredYes_acceptsWithoutTicking()
{
    RegistrySetupDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.showRecoveryKey(u"7QK3M-0ZP4A-H2W9C-XR5TB-M8N1D-Y6VFE-K4J0G-S3HTQ"_s);
    QSignalSpy finished(&dialog, &QDialog::finished);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    dialog.close();
    QCOMPARE(finished.count(), 1);
    // The registry exists whatever the answer: leaving goes on to it rather than quitting.
    QCOMPARE(finished.first().first().toInt(), int(QDialog::Accepted));
}

void TestRegistrySetupDialog::endToEnd_createThroughDialog_thenLockAndUnlock()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"kalo/registry.fieldledger"_s);
    const fieldledger::core::ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(8, 30), Qt::UTC));
    AppSession session(path, clock);
    QSignalSpy finished(&session, &AppSession::finished);
    session.start();

    // No registry yet: the setup dialog, not the unlock dialog.
    RegistrySetupDialog *dialog = session.setupDialog();
    QVERIFY(dialog);
    QVERIFY(!session.unlockDialog());
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    fill(*dialog, u"Kalo district"_s, u"amina.k"_s, u"correct horse battery"_s, u"correct horse battery"_s);
    QTest::keyClicks(edit(*dialog, "displayNameEdit"), u"Amina Kalo"_s);
    QTest::keyClick(edit(*dialog, "confirmEdit"), Qt::Key_Return);

    // Creating runs off the GUI thread behind a busy indicator, then shows the recovery key.
    QVERIFY(session.isWorking());
    QVERIFY(dialog->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isShowingRecoveryKey(), 15000);
    QVERIFY(!dialog->isBusy());
    QVERIFY(Registry::exists(path));
    QVERIFY(session.registry());
    QCOMPARE(session.registry()->name(), u"Kalo district"_s);
    QCOMPARE(session.registry()->currentUser().displayName, u"Amina Kalo"_s);
    const QString key = dialog->findChild<QLabel *>(u"recoveryKeyLabel"_s)->text();
    QVERIFY2(QRegularExpression(u"^([0-9A-Z]{5}-){7}[0-9A-Z]{5}$"_s).match(key).hasMatch(), qPrintable(key));
    QVERIFY(edit(*dialog, "passphraseEdit")->text().isEmpty()); // wiped once used

    QVERIFY(!dialog->continueButton()->isEnabled());
    QTest::keyClick(dialog->findChild<QCheckBox *>(u"writtenDownCheck"_s), Qt::Key_Space);
    QTest::mouseClick(dialog->continueButton(), Qt::LeftButton);

    QTRY_VERIFY(session.mainWindow() && !session.setupDialog());
    MainWindow *window = session.mainWindow();
    QCOMPARE(window->windowTitle(), u"Kalo district — FieldLedger"_s);
    QVERIFY(window->findChild<QLabel *>(u"userStatusLabel"_s)->text().contains(u"Administrator"_s));
    QVERIFY(!window->info().sqlCipherVersion.isEmpty());

    // Lock closes the registry and asks again, with the user id remembered.
    window->findChild<QAction *>(u"lockAction"_s)->trigger();
    QTRY_VERIFY(session.unlockDialog());
    QVERIFY(!session.mainWindow());
    QVERIFY(!session.registry());
    fieldledger::ui::UnlockDialog *unlock = session.unlockDialog();
    QCOMPARE(unlock->userId(), u"amina.k"_s);
    QTest::keyClicks(unlock->findChild<QLineEdit *>(u"passphraseEdit"_s), u"correct horse battery"_s);
    QTest::keyClick(unlock->findChild<QLineEdit *>(u"passphraseEdit"_s), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(session.mainWindow(), 15000);
    QCOMPARE(session.registry()->currentUser().id, u"amina.k"_s);

    // Quit: the registry closes and the session reports that it is done.
    session.mainWindow()->findChild<QAction *>(u"quitAction"_s)->trigger();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), 0);
    QVERIFY(!session.registry());
}

void TestRegistrySetupDialog::endToEnd_createIntoUnwritableFolder_showsErrorAndStays()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile blocker(dir.filePath(u"not-a-folder"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString path = dir.filePath(u"not-a-folder/registry.fieldledger"_s);
    const fieldledger::core::ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(8, 30), Qt::UTC));
    AppSession session(path, clock);
    session.start();
    RegistrySetupDialog *dialog = session.setupDialog();
    QVERIFY(dialog);
    fill(*dialog, u"Kalo district"_s, u"amina.k"_s, u"correct horse battery"_s, u"correct horse battery"_s);
    QTest::keyClick(edit(*dialog, "confirmEdit"), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!session.isWorking(), 15000);

    QVERIFY(!dialog->isShowingRecoveryKey());
    QVERIFY2(dialog->errorText().contains(u"could not be created"_s), qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    QVERIFY(!session.registry());
    QCOMPARE(edit(*dialog, "passphraseEdit")->text(), u"correct horse battery"_s); // kept for a retry
}

void TestRegistrySetupDialog::endToEnd_cancelSetup_finishesWithoutRegistry()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"registry.fieldledger"_s);
    const fieldledger::core::ManualClock clock(QDateTime(QDate(2026, 3, 2), QTime(8, 30), Qt::UTC));
    AppSession session(path, clock);
    QSignalSpy finished(&session, &AppSession::finished);
    session.start();
    QVERIFY(session.setupDialog());
    QTest::keyClick(session.setupDialog(), Qt::Key_Escape);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!session.setupDialog());
    QVERIFY(!Registry::exists(path));
}

QTEST_MAIN(TestRegistrySetupDialog)
#include "tst_registrysetupdialog.moc"
