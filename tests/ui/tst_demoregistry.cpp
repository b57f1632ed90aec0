#include "core/domain/entity.h"
#include "core/domain/ledger.h"
#include "core/storage/registry.h"
#include "ui/appsession.h"
#include "ui/messagebox.h"
#include "ui/registrysetupdialog.h"

#include <QApplication>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using fieldledger::core::Ledger;
using fieldledger::core::Registry;
using fieldledger::ui::AppSession;
using fieldledger::ui::MessageBox;
using fieldledger::ui::RegistrySetupDialog;

// "Create a Demo Registry" on the first dialog: the registry made and filled on a worker thread,
// with progress and Stop.
class TestDemoRegistry final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void setupDialog_demoButton_needsUserAndPassphraseOnly();
    void setupDialog_demo_fillsEmptyNameAndAsksForHouseholds();
    void setupDialog_demoHouseholds_defaultsTo200();
    void session_demo_createsRegistryFilledWithHouseholds();
    void session_demoStopped_keepsTheRegistryAndWhatWasAdded();

private:
    static void fillUserAndPassphrase(RegistrySetupDialog &dialog);
    // Households in the registry the session holds, counted through a ledger of its own.
    static qint64 households(AppSession &session);
    static void saveScreenshot(QWidget &widget, const QString &name);
};

void TestDemoRegistry::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"FieldLedgerTest"_s);
    QCoreApplication::setApplicationName(u"tst_demoregistry"_s);
}

void TestDemoRegistry::init()
{
    QSettings().clear();
    MessageBox::reset();
}

void TestDemoRegistry::fillUserAndPassphrase(RegistrySetupDialog &dialog)
{
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"adminIdEdit"_s), u"amina.k"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"passphraseEdit"_s), u"correct horse battery"_s);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(u"confirmEdit"_s), u"correct horse battery"_s);
}

qint64 TestDemoRegistry::households(AppSession &session)
{
    fieldledger::core::SystemClock clock;
    fieldledger::core::UuidGenerator ids;
    auto ledger = Ledger::open(*session.registry(), Ledger::Options{&clock, &ids});
    if (!ledger)
        return -1;
    qint64 count = 0;
    auto walked =
        (*ledger)->forEachEntity(std::nullopt, false, [&count](const fieldledger::core::Entity &entity) {
            if (entity.isGroup())
                ++count;
            return true;
        });
    return walked ? count : -1;
}

void TestDemoRegistry::saveScreenshot(QWidget &widget, const QString &name)
{
    if (const QString dir = qEnvironmentVariable("FIELDLEDGER_SCREENSHOT_DIR"); !dir.isEmpty())
        widget.grab().save(dir + u'/' + name);
}

void TestDemoRegistry::setupDialog_demoButton_needsUserAndPassphraseOnly()
{
    RegistrySetupDialog dialog;
    QVERIFY(!dialog.demoButton()->isEnabled());
    fillUserAndPassphrase(dialog);
    QVERIFY(dialog.demoButton()->isEnabled());
    QVERIFY(!dialog.createButton()->isEnabled()); // a real registry needs its name
    dialog.findChild<QLineEdit *>(u"confirmEdit"_s)->setText(u"something else"_s);
    QVERIFY(!dialog.demoButton()->isEnabled());
}

void TestDemoRegistry::setupDialog_demo_fillsEmptyNameAndAsksForHouseholds()
{
    RegistrySetupDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    fillUserAndPassphrase(dialog);
    dialog.setDemoHouseholds(75);
    QSignalSpy demo(&dialog, &RegistrySetupDialog::demoRequested);
    QSignalSpy create(&dialog, &RegistrySetupDialog::createRequested);
    QTest::keyClick(&dialog, Qt::Key_M, Qt::AltModifier); // Create a De&mo Registry
    QTRY_COMPARE(demo.count(), 1);                        // a mnemonic animates the click
    QCOMPARE(demo.first().first().toInt(), 75);
    QCOMPARE(create.count(), 0);
    QCOMPARE(dialog.details().registryName, u"Demo registry"_s);
    QVERIFY(dialog.isVisible()); // the caller creates it, then shows the recovery key
    saveScreenshot(dialog, u"setup-with-demo.png"_s);
}

void TestDemoRegistry::setupDialog_demoHouseholds_defaultsTo200()
{
    RegistrySetupDialog dialog;
    QCOMPARE(dialog.demoHouseholds(), 200);
    auto *spin = dialog.findChild<QSpinBox *>(u"demoHouseholdsSpin"_s);
    QVERIFY(spin->suffix().contains(u"households"_s));
}

void TestDemoRegistry::session_demo_createsRegistryFilledWithHouseholds()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"demo.fieldledger"_s);
    fieldledger::core::SystemClock clock;
    AppSession session(path, clock);
    session.start();
    RegistrySetupDialog *dialog = session.setupDialog();
    QVERIFY(dialog);
    fillUserAndPassphrase(*dialog);
    dialog->setDemoHouseholds(300);
    QSignalSpy finished(&session, &AppSession::attemptFinished);
    QTest::mouseClick(dialog->demoButton(), Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QVERIFY(session.isWorking());
    QProgressDialog *progress = session.progressDialog();
    QVERIFY(progress);
    QTRY_VERIFY(progress->isVisible());
    QCOMPARE(progress->windowModality(), Qt::WindowModal);
    // The window keeps answering while the households are added: the progress moves.
    QTRY_VERIFY_WITH_TIMEOUT(session.progressDialog() == nullptr || session.progressDialog()->value() > 0,
                             15000);
    if (session.progressDialog()) {
        QCOMPARE(session.progressDialog()->maximum(), 300);
        saveScreenshot(*session.progressDialog(), u"demo-progress.png"_s);
    }
    QVERIFY(finished.count() == 1 || finished.wait(30000));
    QVERIFY(finished.first().first().toBool());
    QVERIFY(!session.progressDialog());
    QVERIFY(dialog->isShowingRecoveryKey());
    QVERIFY(MessageBox::lastText().isEmpty());
    QVERIFY(session.registry());
    QCOMPARE(session.registry()->name(), u"Demo registry"_s);
    QCOMPARE(households(session), 300);
}

void TestDemoRegistry::session_demoStopped_keepsTheRegistryAndWhatWasAdded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"demo.fieldledger"_s);
    fieldledger::core::SystemClock clock;
    AppSession session(path, clock);
    session.start();
    RegistrySetupDialog *dialog = session.setupDialog();
    fillUserAndPassphrase(*dialog);
    dialog->setDemoHouseholds(20000);
    QSignalSpy finished(&session, &AppSession::attemptFinished);
    QTest::mouseClick(dialog->demoButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(session.progressDialog() && session.progressDialog()->value() > 0, 15000);
    QTest::keyClick(session.progressDialog(), Qt::Key_Escape);
    QTRY_VERIFY(session.progressDialog()->labelText().startsWith(u"Stopping"_s));
    QVERIFY(finished.wait(30000));
    QVERIFY(finished.first().first().toBool());
    QVERIFY(dialog->isShowingRecoveryKey());   // the registry exists: its key is shown once
    QVERIFY(MessageBox::lastText().isEmpty()); // stopping is no failure
    const qint64 kept = households(session);
    QVERIFY2(kept > 0 && kept < 20000, qPrintable(QString::number(kept)));
}

QTEST_MAIN(TestDemoRegistry)
#include "tst_demoregistry.moc"
