#include "ui/appsession.h"
#include "ui/session/appsettings.h"
#include "ui/session/languages.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The CLI uses the same names, so both find the same Registry::defaultPath() and settings.
    QApplication::setOrganizationName(QStringLiteral("FieldLedger"));
    QApplication::setApplicationName(QStringLiteral("FieldLedger"));
    QApplication::setApplicationDisplayName(QStringLiteral("FieldLedger"));
    QApplication::setApplicationVersion(QStringLiteral(FIELDLEDGER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("fieldledger"));
    Q_INIT_RESOURCE(resources);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fieldledger.svg")));
    // The interface language chosen in Settings (the system's, the first time).
    fieldledger::ui::Languages::apply(fieldledger::ui::AppSettings::load().language);
    // The session decides when to quit: windows come and go between the dialogs and the main window.
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Offline household registration."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringList{QStringLiteral("db")},
                                      QApplication::translate("main", "Open the registry at <path>."),
                                      QApplication::translate("main", "path"));
    parser.addOption(dbOption);
    parser.process(app);

    const fieldledger::core::SystemClock clock;
    fieldledger::ui::AppSession session(
        fieldledger::ui::AppSession::initialRegistryPath(parser.value(dbOption)), clock);
    QObject::connect(&session, &fieldledger::ui::AppSession::finished, &app, &QCoreApplication::exit);
    session.start();
    return QApplication::exec();
}
