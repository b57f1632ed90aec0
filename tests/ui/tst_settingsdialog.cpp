#include "ui/session/appsettings.h"
#include "ui/session/languages.h"
#include "ui/session/settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSysInfo>
#include <QtTest>

using namespace Qt::StringLiterals;
using fieldledger::ui::AppSettings;
using fieldledger::ui::Languages;
using fieldledger::ui::SettingsDialog;

class TestSettingsDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void appSettings_nothingStored_usesDefaults();
    void appSettings_storedValues_roundTrip();
    void appSettings_outOfRange_isClamped_data();
    void appSettings_outOfRange_isClamped();
    void appSettings_unknownLanguage_fallsBackToSystemDefault();

    void settingsDialog_showsCurrentSettings();
    void settingsDialog_applyButton_enabledOnlyWhenSomethingChanged();
    void settingsDialog_ok_storesAndEmitsApplied();
    void settingsDialog_cancel_storesNothing();
    void settingsDialog_emptyDeviceName_meansHostName();
    void settingsDialog_switchToFrench_retranslatesLive();
    void settingsDialog_eachLanguage_translatesTitle_data();
    void settingsDialog_eachLanguage_translatesTitle();
    void settingsDialog_keyboard_mnemonicsReachFields();

private:
    static AppSettings sample();
    static void saveScreenshot(QWidget &widget, const QString &name);
};

void TestSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"FieldLedgerTest"_s);
    QCoreApplication::setApplicationName(u"tst_settingsdialog"_s);
}

void TestSettingsDialog::init()
{
    QSettings().clear();
    Languages::apply(u"en"_s);
}

void TestSettingsDialog::cleanup()
{
    Languages::apply(u"en"_s);
}

AppSettings TestSettingsDialog::sample()
{
    return AppSettings{u"en"_s, 5, u"Laptop 3"_s};
}

// Set FIELDLEDGER_SCREENSHOT_DIR to keep a picture of what a test showed.
void TestSettingsDialog::saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("FIELDLEDGER_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget.grab().save(dir + u'/' + name);
}

void TestSettingsDialog::appSettings_nothingStored_usesDefaults()
{
    const AppSettings loaded = AppSettings::load();
    QCOMPARE(loaded.idleLockMinutes, 5);
    QCOMPARE(loaded.deviceName, QSysInfo::machineHostName());
    QCOMPARE(loaded.language, Languages::systemDefault());
    QVERIFY(Languages::isAvailable(loaded.language));
    QCOMPARE(loaded.idleLockInterval(), std::chrono::milliseconds(5 * 60 * 1000));
}

void TestSettingsDialog::appSettings_storedValues_roundTrip()
{
    const AppSettings stored{u"es"_s, 12, u"Tablet 7 – Sud"_s};
    stored.save();
    QCOMPARE(AppSettings::load(), stored);
}

void TestSettingsDialog::appSettings_outOfRange_isClamped_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<int>("expected");
    QTest::newRow("negative") << QVariant(-3) << 0;
    QTest::newRow("zero means never") << QVariant(0) << 0;
    QTest::newRow("too long") << QVariant(100000) << AppSettings::maximumIdleLockMinutes;
    QTest::newRow("not a number") << QVariant(u"soon"_s) << AppSettings::defaultIdleLockMinutes;
}

void TestSettingsDialog::appSettings_outOfRange_isClamped()
{
    QFETCH(QVariant, stored);
    QFETCH(int, expected);
    QSettings().setValue(u"settings/idleLockMinutes"_s, stored);
    QCOMPARE(AppSettings::load().idleLockMinutes, expected);
}

void TestSettingsDialog::appSettings_unknownLanguage_fallsBackToSystemDefault()
{
    QSettings().setValue(u"settings/language"_s, u"tlh"_s);
    QCOMPARE(AppSettings::load().language, Languages::systemDefault());
}

void TestSettingsDialog::settingsDialog_showsCurrentSettings()
{
    SettingsDialog dialog(AppSettings{u"fr"_s, 17, u"Laptop 3"_s});
    QCOMPARE(dialog.findChild<QComboBox *>(u"languageCombo"_s)->currentText(), u"Français"_s);
    QCOMPARE(dialog.findChild<QSpinBox *>(u"idleLockSpin"_s)->value(), 17);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"deviceNameEdit"_s)->text(), u"Laptop 3"_s);
    QCOMPARE(dialog.settings(), (AppSettings{u"fr"_s, 17, u"Laptop 3"_s}));
}

void TestSettingsDialog::settingsDialog_applyButton_enabledOnlyWhenSomethingChanged()
{
    SettingsDialog dialog(sample());
    auto *spin = dialog.findChild<QSpinBox *>(u"idleLockSpin"_s);
    QVERIFY(!dialog.applyButton()->isEnabled());
    spin->setValue(9);
    QVERIFY(dialog.applyButton()->isEnabled());
    spin->setValue(5);
    QVERIFY(!dialog.applyButton()->isEnabled());

    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    spin->setValue(9);
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    QCOMPARE(applied.count(), 1);
    QVERIFY(!dialog.applyButton()->isEnabled());
    QCOMPARE(AppSettings::load().idleLockMinutes, 9);
}

void TestSettingsDialog::settingsDialog_ok_storesAndEmitsApplied()
{
    SettingsDialog dialog(sample());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    auto *spin = dialog.findChild<QSpinBox *>(u"idleLockSpin"_s);
    spin->selectAll();
    QTest::keyClicks(spin, u"15"_s);
    auto *device = dialog.findChild<QLineEdit *>(u"deviceNameEdit"_s);
    device->selectAll();
    QTest::keyClicks(device, u"  Laptop 4  "_s);
    QTest::keyClick(device, Qt::Key_Return);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(applied.count(), 1);
    const auto emitted = applied.first().first().value<AppSettings>();
    QCOMPARE(emitted.idleLockMinutes, 15);
    QCOMPARE(emitted.deviceName, u"Laptop 4"_s);
    QCOMPARE(AppSettings::load(), emitted);
}

void TestSettingsDialog::settingsDialog_cancel_storesNothing()
{
    sample().save();
    SettingsDialog dialog(sample());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    dialog.findChild<QSpinBox *>(u"idleLockSpin"_s)->setValue(30);
    dialog.findChild<QComboBox *>(u"languageCombo"_s)->setCurrentIndex(2);
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(applied.count(), 0);
    QCOMPARE(AppSettings::load(), sample());
    QCOMPARE(Languages::current(), u"en"_s);
}

void TestSettingsDialog::settingsDialog_emptyDeviceName_meansHostName()
{
    SettingsDialog dialog(sample());
    auto *device = dialog.findChild<QLineEdit *>(u"deviceNameEdit"_s);
    device->clear();
    QCOMPARE(dialog.settings().deviceName, QSysInfo::machineHostName());
    QCOMPARE(device->placeholderText(), QSysInfo::machineHostName());
}

void TestSettingsDialog::settingsDialog_switchToFrench_retranslatesLive()
{
    SettingsDialog dialog(sample());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(dialog.windowTitle(), u"Settings — FieldLedger"_s);

    auto *combo = dialog.findChild<QComboBox *>(u"languageCombo"_s);
    combo->setCurrentIndex(combo->findData(u"fr"_s));
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);

    QCOMPARE(Languages::current(), u"fr"_s);
    QCOMPARE(AppSettings::load().language, u"fr"_s);
    // Qt posts QEvent::LanguageChange to every widget: it arrives with the next events.
    QTRY_COMPARE(dialog.windowTitle(), u"Paramètres — FieldLedger"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"languageLabel"_s)->text(), u"&Langue\u00a0:"_s);
    QCOMPARE(dialog.findChild<QSpinBox *>(u"idleLockSpin"_s)->specialValueText(), u"Jamais"_s);
    QCOMPARE(QLocale().language(), QLocale::French);
    // The dialog stays open on its choice, now in French.
    QCOMPARE(combo->currentData().toString(), u"fr"_s);
    QVERIFY(!dialog.applyButton()->isEnabled());
    if (QFileInfo::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_fr.qm"_s)) {
        // Qt's own catalogue translates the standard buttons.
        auto *box = dialog.findChild<QDialogButtonBox *>(u"buttonBox"_s);
        QCOMPARE(box->button(QDialogButtonBox::Cancel)->text(), u"Annuler"_s);
    }
    saveScreenshot(dialog, u"settings-fr.png"_s);

    combo->setCurrentIndex(combo->findData(u"en"_s));
    QTest::mouseClick(dialog.applyButton(), Qt::LeftButton);
    QTRY_COMPARE(dialog.windowTitle(), u"Settings — FieldLedger"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"languageLabel"_s)->text(), u"&Language:"_s);
}

void TestSettingsDialog::settingsDialog_eachLanguage_translatesTitle_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("title");
    QTest::newRow("en") << u"en"_s << u"Settings — FieldLedger"_s;
    QTest::newRow("fr") << u"fr"_s << u"Paramètres — FieldLedger"_s;
    QTest::newRow("es") << u"es"_s << u"Ajustes — FieldLedger"_s;
}

void TestSettingsDialog::settingsDialog_eachLanguage_translatesTitle()
{
    QFETCH(QString, code);
    QFETCH(QString, title);
    QVERIFY(Languages::apply(code));
    SettingsDialog dialog(sample());
    QCOMPARE(dialog.windowTitle(), title);
}

void TestSettingsDialog::settingsDialog_keyboard_mnemonicsReachFields()
{
    SettingsDialog dialog(sample());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(QApplication::focusWidget(), dialog.findChild<QComboBox *>(u"languageCombo"_s));
    QTest::keyClick(&dialog, Qt::Key_D, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog.findChild<QLineEdit *>(u"deviceNameEdit"_s));
    QTest::keyClick(&dialog, Qt::Key_I, Qt::AltModifier);
    QCOMPARE(QApplication::focusWidget(), dialog.findChild<QSpinBox *>(u"idleLockSpin"_s));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
