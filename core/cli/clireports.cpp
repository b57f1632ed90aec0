#include "core/cli/clireports.h"

#include <atomic>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

std::atomic<const ReportRenderer *> g_renderer{nullptr};

} // namespace

void setCliReportRenderer(const ReportRenderer *renderer)
{
    g_renderer.store(renderer);
}

const ReportRenderer *cliReportRenderer()
{
    return g_renderer.load();
}

bool cliWantsPdf(const QStringList &arguments)
{
    // The global options that take a value come before the command (cli.cpp).
    qsizetype i = 0;
    while (i < arguments.size() && arguments[i].startsWith(u'-')) {
        const QString &option = arguments[i];
        i += option == u"--db" || option == u"--user" || option == u"--passphrase-file" ? 2 : 1;
    }
    if (i >= arguments.size() || arguments[i] != u"export")
        return false;
    QString format;
    QString out;
    QString what;
    for (++i; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == u"--format")
            format = arguments[++i];
        else if (arguments[i] == u"--out")
            out = arguments[++i];
        else if (arguments[i] == u"--what")
            what = arguments[++i];
    }
    if (!format.isEmpty())
        return format == u"pdf";
    return what == u"household" || out.endsWith(u".pdf"_s, Qt::CaseInsensitive);
}

} // namespace fieldledger::core
