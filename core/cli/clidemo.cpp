// fieldledger-cli demo: a new registry filled with generated households (DemoGenerator).
#include "core/cli/clicommands.h"
#include "core/domain/demogenerator.h"
#include "core/domain/ledger.h"

#include <QFile>
#include <QTextStream>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

Result<qint64> parseCount(const QString &text, const QString &what, qint64 minimum, qint64 maximum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return fail(
            ErrorCode::InvalidArgument,
            u"%1 must be an integer from %2 to %3, not '%4'"_s.arg(what).arg(minimum).arg(maximum).arg(text));
    return value;
}

// A failed demo leaves nothing behind (CLI.md: a failed command changes nothing on disk).
void removeRegistryFiles(const QString &path)
{
    const QStringList files{path, Registry::keySlotPath(path), path + u"-wal"_s, path + u"-shm"_s,
                            path + u"-journal"_s};
    for (const QString &file : files)
        QFile::remove(file);
}

} // namespace

int commandDemo(CliContext &context)
{
    DemoOptions options;
    Registry::CreateOptions create;
    create.adminId = context.userId.isEmpty() ? u"admin"_s : context.userId;
    create.name = u"Demo registry"_s;
    bool householdsGiven = false;
    for (qsizetype i = 0; i < context.args.size(); ++i) {
        const QString &arg = context.args[i];
        const bool hasValue = i + 1 < context.args.size();
        if (!hasValue &&
            (arg == u"--households" || arg == u"--seed" || arg == u"--weeks" || arg == u"--name"))
            return usageError(context, u"demo: %1 needs a value"_s.arg(arg));
        if (arg == u"--households") {
            auto count = parseCount(context.args[++i], u"--households"_s, 0, 10'000'000);
            if (!count)
                return usageError(context, u"demo: "_s + count.error().message);
            options.households = *count;
            householdsGiven = true;
        } else if (arg == u"--seed") {
            bool ok = false;
            options.seed = context.args[++i].toULongLong(&ok);
            if (!ok)
                return usageError(context, u"demo: --seed must be a non-negative integer"_s);
        } else if (arg == u"--weeks") {
            auto weeks = parseCount(context.args[++i], u"--weeks"_s, 1, 520);
            if (!weeks)
                return usageError(context, u"demo: "_s + weeks.error().message);
            options.weeks = int(*weeks);
        } else if (arg == u"--name") {
            create.name = context.args[++i];
        } else {
            return usageError(context, u"demo: unexpected argument %1"_s.arg(arg));
        }
    }
    if (!householdsGiven)
        return usageError(context, u"demo: --households N is required"_s);
    if (Registry::exists(context.databasePath))
        return reportError(context,
                           Error{ErrorCode::InvalidArgument,
                                 u"%1 already exists: demo makes a new registry and never adds generated "
                                 "households to an existing one"_s.arg(context.databasePath)});
    auto passphrase =
        readPassphrase(context.passphrase, u"New passphrase for %1: "_s.arg(create.adminId), true);
    if (!passphrase)
        return reportError(context, passphrase.error());

    const SystemClock clock;
    UuidGenerator ids;
    auto created = Registry::create(context.databasePath, create, *passphrase, clock);
    if (!created)
        return reportError(context, created.error());
    const QString recoveryKey = created->recoveryKey;
    Result<DemoReport> report = [&]() -> Result<DemoReport> {
        auto ledger = Ledger::open(*created->registry, Ledger::Options{&clock, &ids});
        if (!ledger)
            return std::unexpected(ledger.error());
        const bool showProgress = isatty(STDERR_FILENO) != 0;
        return DemoGenerator::populate(**ledger, clock, options, [&](quint64 done, quint64 total) {
            if (showProgress) {
                context.err << u"\rdemo: %1 of %2 households"_s.arg(done).arg(total);
                context.err.flush();
            }
            return true;
        });
    }();
    if (isatty(STDERR_FILENO) != 0)
        context.err << u"\n"_s;
    created->registry.reset();
    if (!report) {
        removeRegistryFiles(context.databasePath);
        return reportError(context, report.error());
    }
    QJsonObject json = report->toJson();
    json.insert(u"created"_s, context.databasePath);
    json.insert(u"user"_s, create.adminId);
    json.insert(u"recoveryKey"_s, recoveryKey);
    printJson(context, json);
    context.err << u"Write the recovery key down and keep it safe: it is shown only once.\n"_s;
    return 0;
}

} // namespace fieldledger::core
