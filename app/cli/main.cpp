#include "core/cli/cli.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FieldLedger"));
    QCoreApplication::setApplicationName(QStringLiteral("FieldLedger"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FIELDLEDGER_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    return fieldledger::core::runCli(arguments, out, err);
}
