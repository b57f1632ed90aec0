#include "core/cli/cli.h"

#include "core/cli/clicommands.h"
#include "core/cli/passphrase.h"
#include "core/storage/registry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

const char *const kUsage =
    "usage: fieldledger-cli [--db PATH] [--user ID] [--passphrase-file FILE] COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  init [--name NAME]                      create a new encrypted registry\n"
    "  submit [FILE|-]                         submit events made here (JSON Lines)\n"
    "  import FILE                             import events (JSON Lines or ID PASS DataCollect export)\n"
    "  events [--entity GUID] [--after-seq N] [--limit N]\n"
    "  entity GUID [--at INSTANT | --as-of-seq S]\n"
    "  entities [--at INSTANT] [--include-deleted]\n"
    "  history GUID                            audit trail of an entity\n"
    "  anomalies                               recorded anomalies\n"
    "  log root [--size N] | log proof GUID [--size N] | log consistency M N | log checkpoint\n"
    "  verify                                  full integrity check\n"
    "  replay                                  rebuild every projection from the events\n"
    "  stats                                   event metrics\n"
    "  export --what households|individuals|events|entities|audit|summary|all|household\n"
    "         [--format csv|xlsx|jsonl|pdf] [--at INSTANT] [--out PATH] [--excel [--locale NAME]]\n"
    "         [--entity GUID] [--paper a4|letter] [--from DAY] [--to DAY] [--village NAME]...\n"
    "  export --log [--limit N]                the record of every export\n"
    "  user add ID --role ROLE [--name NAME] [--new-passphrase-file FILE]\n"
    "  user list | user remove ID\n"
    "  demo --households N [--seed S] [--weeks W] [--name NAME]\n"
    "                                          create a new registry filled with generated households\n"
    "\n"
    "The passphrase comes from --passphrase-file, else FIELDLEDGER_PASSPHRASE, else a prompt.\n"
    "Exit codes: 0 ok, 1 usage, 2 cannot proceed, 3 integrity failure.\n";

} // namespace

int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    CliContext context{out, err, {}, {}, {}, {}};
    context.databasePath = Registry::defaultPath();
    if (const char *user = std::getenv("FIELDLEDGER_USER"); user != nullptr && *user != '\0')
        context.userId = QString::fromLocal8Bit(user);

    QStringList rest;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        auto takeValue = [&](QString &target) -> bool {
            if (i + 1 >= arguments.size())
                return false;
            target = arguments[++i];
            return true;
        };
        if (!rest.isEmpty()) { // after the command: everything belongs to it
            rest.append(arg);
            continue;
        }
        if (arg == u"--db") {
            if (!takeValue(context.databasePath))
                return usageError(context, u"--db needs a path"_s);
        } else if (arg == u"--user") {
            if (!takeValue(context.userId))
                return usageError(context, u"--user needs a user id"_s);
        } else if (arg == u"--passphrase-file") {
            if (!takeValue(context.passphrase.file))
                return usageError(context, u"--passphrase-file needs a file"_s);
        } else if (arg == u"--help" || arg == u"-h") {
            out << QString::fromLatin1(kUsage);
            return 0;
        } else if (arg == u"--version") {
            out << u"fieldledger-cli "_s << QString::fromLatin1(FIELDLEDGER_VERSION) << u"\n"_s;
            return 0;
        } else if (arg.startsWith(u"--passphrase"_s)) {
            return usageError(context,
                              u"the passphrase is never taken as an argument: use --passphrase-file FILE "
                              "or FIELDLEDGER_PASSPHRASE"_s);
        } else if (arg.startsWith(u'-')) {
            return usageError(context, u"unknown option %1"_s.arg(arg));
        } else {
            rest.append(arg);
        }
    }
    if (rest.isEmpty()) {
        err << QString::fromLatin1(kUsage);
        return 1;
    }
    const QString command = rest.takeFirst();
    context.args = rest;
    const int code = runCommand(command, context);
    out.flush();
    err.flush();
    return code;
}

} // namespace fieldledger::core
