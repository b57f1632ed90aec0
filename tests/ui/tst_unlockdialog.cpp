#include "ui/unlockdialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace Qt::StringLiterals;
using fieldledger::core::ErrorCode;
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
    void unlockDialog_recoveryLink_switchesToRecoveryKeyField();
    void unlockDialog_passphraseLink_switchesBack();
    void unlockDialog_busy_disablesInputsAndIgnoresEscape();
    void unlockDialog_acceptUnlocked_clearsSecretsAndCloses();
    void unlockDialog_escape_rejectsAndClearsPassphrase();

private:
    static QLineEdit *edit(UnlockDialog &dialog, const char *name);
    static QByteArray bytes(const fieldledger::core::SecretBytes &secret);
};

void TestUnlockDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"FieldLedgerTest"_s);
    QCoreApplication::setApplicationName(u"tst_unlockdialog"_s);
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

void TestUnlockDialog::unlockDialog_recoveryLink_switchesToRecoveryKeyField()
{
    UnlockDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClicks(edit(dialog, "userIdEdit"), u"amina"_s);
    QTest::keyClicks(edit(dialog, "passphraseEdit"), u"forgotten"_s);
    dialog.showError({ErrorCode::WrongSecret, u"wrong"_s});

    auto *link = dialog.findChild<QLabel *>(u"switchModeLabel"_s);
    QVERIFY(link->text().contains(u"recovery key"_s));
    emit link->linkActivated(u"recovery"_s);

    QCOMPARE(dialog.mode(), UnlockDialog::Mode::RecoveryKey);
    QLineEdit *recovery = edit(dialog, "recoveryKeyEdit");
    QVERIFY(recovery->isVisible());
    QVERIFY(!edit(dialog, "passphraseEdit")->isVisible());
    QVERIFY(!edit(dialog, "userIdEdit")->isVisible());
    QVERIFY(edit(dialog, "passphraseEdit")->text().isEmpty()); // not kept behind the scenes
    QVERIFY(dialog.errorText().isEmpty());
    QCOMPARE(QApplication::focusWidget(), recovery);
    QVERIFY(!dialog.unlockButton()->isEnabled());

    QSignalSpy requested(&dialog, &UnlockDialog::unlockRequested);
    QTest::keyClicks(recovery, u"7qk3m-0zp4a-h2w9c-xr5tb-m8n1d-y6vfe-k4j0g-s3htq"_s);
    QVERIFY(dialog.unlockButton()->isEnabled());
    QTest::keyClick(recovery, Qt::Key_Return);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(bytes(dialog.secret()), QByteArray("7qk3m-0zp4a-h2w9c-xr5tb-m8n1d-y6vfe-k4j0g-s3htq"));

    dialog.showError({ErrorCode::WrongSecret, u"wrong recovery key"_s});
    QVERIFY(dialog.errorText().contains(u"recovery key does not open"_s));
    QCOMPARE(QApplication::focusWidget(), recovery);
    QCOMPARE(recovery->selectedText(), recovery->text());
}

void TestUnlockDialog::unlockDialog_passphraseLink_switchesBack()
{
    UnlockDialog dialog;
    dialog.setUserId(u"amina"_s);
    dialog.setMode(UnlockDialog::Mode::RecoveryKey);
    QTest::keyClicks(edit(dialog, "recoveryKeyEdit"), u"ABCDE"_s);
    emit dialog.findChild<QLabel *>(u"switchModeLabel"_s)->linkActivated(u"passphrase"_s);
    QCOMPARE(dialog.mode(), UnlockDialog::Mode::Passphrase);
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
    QVERIFY(!edit(dialog, "passphraseEdit")->isEnabled());
    QVERIFY(!dialog.findChild<QPushButton *>(u"openOtherButton"_s)->isEnabled());
    QVERIFY(dialog.findChild<QWidget *>(u"busyRow"_s)->isVisible());
    QTest::keyClick(&dialog, Qt::Key_Escape);
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(requested.count(), 0);

    dialog.setBusy(false);
    QVERIFY(dialog.unlockButton()->isEnabled());
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

QTEST_MAIN(TestUnlockDialog)
#include "tst_unlockdialog.moc"
