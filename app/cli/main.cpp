#include "core/cli/cli.h"
#include "core/cli/clireports.h"
#include "ui/reports/pdfreportrenderer.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <optional>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // PDF reports draw text, which needs a QGuiApplication; nothing else does, so the CLI
    // stays a console program without a screen unless a PDF is asked for.
    const bool pdf = fieldledger::core::cliWantsPdf(arguments);
    if (pdf && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app =
        pdf ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FieldLedger"));
    QCoreApplication::setApplicationName(QStringLiteral("FieldLedger"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FIELDLEDGER_VERSION));

    std::optional<fieldledger::ui::PdfReportRenderer> renderer;
    if (pdf)
        fieldledger::core::setCliReportRenderer(&renderer.emplace());

    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = fieldledger::core::runCli(arguments, out, err);
    fieldledger::core::setCliReportRenderer(nullptr);
    return code;
}
