#include "core/cli/clicommands.h"

#include "core/common/clock.h"
#include "core/storage/keyvault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

int usageError(CliContext &context, const QString &message)
{
    context.err << u"fieldledger-cli: "_s << message << u"\n(see fieldledger-cli --help)\n"_s;
    context.err.flush();
    return 1;
}

int reportError(CliContext &context, const Error &error)
{
    context.err << u"fieldledger-cli: "_s << error.message << u"\n"_s;
    context.err.flush();
    return exitCodeFor(error);
}

void printJson(CliContext &context, const QJsonObject &object)
{
    context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << u"\n"_s;
}

Result<std::unique_ptr<Registry>> openRegistry(CliContext &context, Registry::Access access)
{
    if (context.userId.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"no user: use --user ID or set FIELDLEDGER_USER"_s);
    if (!Registry::exists(context.databasePath))
        return fail(ErrorCode::NotFound,
                    u"no registry at %1 (create one with init)"_s.arg(context.databasePath));
    auto passphrase = readPassphrase(context.passphrase, u"Passphrase for %1: "_s.arg(context.userId));
    if (!passphrase)
        return std::unexpected(passphrase.error());
    return Registry::open(context.databasePath, context.userId, *passphrase, access);
}

namespace {

int commandInit(CliContext &context)
{
    Registry::CreateOptions options;
    options.adminId = context.userId.isEmpty() ? u"admin"_s : context.userId;
    options.name = u"Registry"_s;
    for (qsizetype i = 0; i < context.args.size(); ++i) {
        const QString &arg = context.args[i];
        if (arg == u"--name" && i + 1 < context.args.size())
            options.name = context.args[++i];
        else if (arg == u"--display-name" && i + 1 < context.args.size())
            options.adminDisplayName = context.args[++i];
        else
            return usageError(context, u"init: unexpected argument %1"_s.arg(arg));
    }
    if (Registry::exists(context.databasePath))
        return reportError(context, Error{ErrorCode::InvalidArgument,
                                          u"%1 already exists: init never touches an existing registry"_s.arg(
                                              context.databasePath)});
    auto passphrase =
        readPassphrase(context.passphrase, u"New passphrase for %1: "_s.arg(options.adminId), true);
    if (!passphrase)
        return reportError(context, passphrase.error());
    const SystemClock clock;
    auto created = Registry::create(context.databasePath, options, *passphrase, clock);
    if (!created)
        return reportError(context, created.error());
    printJson(context, QJsonObject{{u"created"_s, context.databasePath},
                                   {u"registryId"_s, created->registry->id()},
                                   {u"name"_s, created->registry->name()},
                                   {u"user"_s, options.adminId},
                                   {u"role"_s, u"administrator"_s},
                                   {u"recoveryKey"_s, created->recoveryKey}});
    context.err << u"Write the recovery key down and keep it safe: it is shown only once.\n"_s;
    return 0;
}

QJsonObject userJson(const User &user)
{
    return QJsonObject{{u"id"_s, user.id},
                       {u"displayName"_s, user.displayName},
                       {u"role"_s, roleName(user.role)},
                       {u"active"_s, user.active}};
}

int commandUser(CliContext &context)
{
    if (context.args.isEmpty())
        return usageError(context, u"user: expected add, list or remove"_s);
    const QString sub = context.args.first();
    if (sub == u"list") {
        auto registry = openRegistry(context, Registry::Access::ReadOnly);
        if (!registry)
            return reportError(context, registry.error());
        auto users = (*registry)->users();
        if (!users)
            return reportError(context, users.error());
        for (const User &user : *users)
            printJson(context, userJson(user));
        return 0;
    }
    if (sub == u"add") {
        User user;
        QString passphraseFile;
        QString role = u"enumerator"_s;
        for (qsizetype i = 1; i < context.args.size(); ++i) {
            const QString &arg = context.args[i];
            if (arg == u"--role" && i + 1 < context.args.size())
                role = context.args[++i];
            else if (arg == u"--name" && i + 1 < context.args.size())
                user.displayName = context.args[++i];
            else if (arg == u"--new-passphrase-file" && i + 1 < context.args.size())
                passphraseFile = context.args[++i];
            else if (user.id.isEmpty() && !arg.startsWith(u'-'))
                user.id = arg;
            else
                return usageError(context, u"user add: unexpected argument %1"_s.arg(arg));
        }
        if (user.id.isEmpty())
            return usageError(context, u"user add: needs a user id"_s);
        auto parsedRole = roleFromName(role);
        if (!parsedRole)
            return usageError(context, parsedRole.error().message);
        user.role = *parsedRole;
        auto registry = openRegistry(context);
        if (!registry)
            return reportError(context, registry.error());
        PassphraseSource source{passphraseFile, u"FIELDLEDGER_NEW_PASSPHRASE"_s};
        auto passphrase = readPassphrase(source, u"New passphrase for %1: "_s.arg(user.id), true);
        if (!passphrase)
            return reportError(context, passphrase.error());
        if (auto added = (*registry)->addUser(user, *passphrase); !added)
            return reportError(context, added.error());
        printJson(context, userJson(*(*registry)->user(user.id)));
        return 0;
    }
    if (sub == u"remove") {
        if (context.args.size() != 2)
            return usageError(context, u"user remove: needs exactly one user id"_s);
        auto registry = openRegistry(context);
        if (!registry)
            return reportError(context, registry.error());
        if (auto removed = (*registry)->removeUser(context.args[1]); !removed)
            return reportError(context, removed.error());
        printJson(context, QJsonObject{{u"removed"_s, context.args[1]}});
        return 0;
    }
    return usageError(context, u"user: unknown subcommand %1"_s.arg(sub));
}

} // namespace

// Commands implemented in other files of core/cli.
int commandEventsGroup(const QString &command, CliContext &context, bool *handled);
int commandExport(CliContext &context);
int commandDemo(CliContext &context);

int runCommand(const QString &command, CliContext &context)
{
    if (command == u"init")
        return commandInit(context);
    if (command == u"user")
        return commandUser(context);
    if (command == u"export")
        return commandExport(context);
    if (command == u"demo")
        return commandDemo(context);
    bool handled = false;
    const int code = commandEventsGroup(command, context, &handled);
    if (handled)
        return code;
    return usageError(context, u"unknown command %1"_s.arg(command));
}

} // namespace fieldledger::core
