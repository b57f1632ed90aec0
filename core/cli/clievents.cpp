// fieldledger-cli's commands over the event-sourced core and its log (CLI.md).
#include "core/cli/clicommands.h"
#include "core/domain/duplicateindex.h"
#include "core/domain/ledger.h"
#include "core/events/timestamp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

// Parsed command arguments: --key value options and positional arguments.
struct Args {
    QStringList positional;
    QHash<QString, QString> options;
    QSet<QString> flags;
};

Result<Args> parseArgs(const QStringList &args, const QSet<QString> &valueOptions,
                       const QSet<QString> &flagOptions)
{
    Args result;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (valueOptions.contains(arg)) {
            if (i + 1 >= args.size())
                return fail(ErrorCode::InvalidArgument, u"%1 needs a value"_s.arg(arg));
            result.options.insert(arg, args[++i]);
        } else if (flagOptions.contains(arg)) {
            result.flags.insert(arg);
        } else if (arg.startsWith(u"--"_s)) {
            return fail(ErrorCode::InvalidArgument, u"unknown option %1"_s.arg(arg));
        } else {
            result.positional.append(arg);
        }
    }
    return result;
}

Result<qint64> parseInteger(const QString &text, const QString &what, qint64 minimum = 0)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum)
        return fail(ErrorCode::InvalidArgument,
                    u"%1 must be an integer >= %2, not '%3'"_s.arg(what).arg(minimum).arg(text));
    return value;
}

struct Session {
    std::unique_ptr<Registry> registry;
    SystemClock clock;
    UuidGenerator ids;
    std::unique_ptr<Ledger> ledger;
};

Result<std::unique_ptr<Session>> openSession(CliContext &context, Registry::Access access)
{
    auto session = std::make_unique<Session>();
    auto registry = openRegistry(context, access);
    if (!registry)
        return std::unexpected(registry.error());
    session->registry = std::move(*registry);
    auto ledger = Ledger::open(*session->registry, Ledger::Options{&session->clock, &session->ids});
    if (!ledger)
        return std::unexpected(ledger.error());
    session->ledger = std::move(*ledger);
    if (session->ledger->alarm())
        context.err << u"fieldledger-cli: INTEGRITY ALARM: "_s << *session->ledger->alarm() << u"\n"_s;
    // submit and import flag potential duplicates as the app does (a read-only session only listens).
    if (auto indexed = DuplicateIndex::install(*session->ledger); !indexed)
        return std::unexpected(indexed.error());
    return session;
}

void printLine(CliContext &context, const QByteArray &json)
{
    context.out << QString::fromUtf8(json) << u"\n"_s;
}

// Reads JSON Lines (or, for import, a JSON array) from a file or standard input.
struct InputLine {
    qsizetype number = 0;
    QByteArray text;
};

Result<std::vector<InputLine>> readLines(const QString &path)
{
    QFile file;
    if (path.isEmpty() || path == u"-") {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return fail(ErrorCode::NotFound, u"cannot read standard input"_s);
    } else {
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::NotFound, u"cannot read %1: %2"_s.arg(path, file.errorString()));
    }
    std::vector<InputLine> lines;
    qsizetype number = 0;
    constexpr qint64 maxLine = defaultJsonMaxBytes;
    while (!file.atEnd()) {
        QByteArray line = file.readLine(maxLine + 2);
        ++number;
        if (line.size() > maxLine && !line.endsWith('\n')) {
            return fail(
                ErrorCode::InvalidArgument,
                u"line %1: longer than %2 bytes; an event must be smaller"_s.arg(number).arg(maxLine));
        }
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        lines.push_back(InputLine{number, trimmed});
    }
    return lines;
}

int commandSubmit(CliContext &context)
{
    if (context.args.size() > 1)
        return usageError(context, u"submit takes one FILE or -"_s);
    auto lines = readLines(context.args.value(0));
    if (!lines)
        return reportError(context, lines.error());
    auto session = openSession(context, Registry::Access::ReadWrite);
    if (!session)
        return reportError(context, session.error());
    std::vector<Command> commands;
    for (const InputLine &line : *lines) {
        auto object = parseJsonObject(line.text);
        if (!object)
            return reportError(context, Error{object.error().code,
                                              u"line %1: %2"_s.arg(line.number).arg(object.error().message)});
        auto command = Command::fromJson(*object, (*session)->ledger->user().id);
        if (!command)
            return reportError(
                context,
                Error{command.error().code, u"line %1: %2"_s.arg(line.number).arg(command.error().message)});
        commands.push_back(std::move(*command));
    }
    auto report = (*session)->ledger->submitBatch(commands);
    if (!report)
        return reportError(context, report.error());
    printJson(context, QJsonObject{{u"accepted"_s, report->accepted}});
    return 0;
}

int commandImport(CliContext &context)
{
    if (context.args.size() != 1)
        return usageError(context, u"import takes one FILE"_s);
    const QString path = context.args.first();
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly))
        return reportError(
            context, Error{ErrorCode::NotFound, u"cannot read %1: %2"_s.arg(path, probe.errorString())});
    char first = 0;
    while (probe.getChar(&first) && QChar::isSpace(uchar(first))) {
    }
    probe.close();
    EventParseOptions options;
    options.allowIdpassId = true;
    std::vector<Event> events;
    std::vector<qsizetype> lineOf; // the input line (or array element) of each event
    if (first == '[') {
        // An ID PASS DataCollect export: one JSON array of FormSubmission objects.
        if (probe.size() > 512LL * 1024 * 1024)
            return reportError(context, Error{ErrorCode::InvalidArgument,
                                              u"%1 is too large for one JSON array"_s.arg(path)});
        probe.open(QIODevice::ReadOnly);
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(probe.readAll(), &error);
        if (error.error != QJsonParseError::NoError)
            return reportError(
                context, Error{ErrorCode::InvalidArgument, u"%1: malformed JSON at offset %2: %3"_s.arg(path)
                                                               .arg(error.offset)
                                                               .arg(error.errorString())});
        const QJsonArray array = document.array();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array[i].isObject())
                return reportError(
                    context, Error{ErrorCode::InvalidArgument, u"element %1: not an object"_s.arg(i + 1)});
            auto event = Event::fromObject(array[i].toObject(), options);
            if (!event)
                return reportError(context, Error{event.error().code,
                                                  u"element %1: %2"_s.arg(i + 1).arg(event.error().message)});
            lineOf.push_back(i + 1);
            events.push_back(std::move(*event));
        }
    } else {
        auto lines = readLines(path);
        if (!lines)
            return reportError(context, lines.error());
        for (const InputLine &line : *lines) {
            auto event = Event::fromJson(line.text, options);
            if (!event)
                return reportError(
                    context,
                    Error{event.error().code, u"line %1: %2"_s.arg(line.number).arg(event.error().message)});
            lineOf.push_back(line.number);
            events.push_back(std::move(*event));
        }
    }
    auto session = openSession(context, Registry::Access::ReadWrite);
    if (!session)
        return reportError(context, session.error());
    auto report = (*session)->ledger->importEvents(events);
    if (!report) {
        Error error = report.error();
        if (error.item && *error.item >= 0 && std::size_t(*error.item) < lineOf.size())
            error.message = u"%1 %2: %3; nothing was imported"_s.arg(first == '[' ? u"element"_s : u"line"_s)
                                .arg(lineOf[std::size_t(*error.item)])
                                .arg(error.message);
        return reportError(context, error);
    }
    printJson(context, QJsonObject{{u"imported"_s, report->accepted},
                                   {u"duplicates"_s, report->duplicates},
                                   {u"anomalies"_s, report->anomalies}});
    return 0;
}

int commandEvents(CliContext &context)
{
    auto args = parseArgs(context.args, {u"--entity"_s, u"--after-seq"_s, u"--limit"_s}, {});
    if (!args)
        return usageError(context, args.error().message);
    if (!args->positional.isEmpty())
        return usageError(context, u"events: unexpected argument %1"_s.arg(args->positional.first()));
    qint64 afterSeq = -1;
    qint64 limit = std::numeric_limits<qint64>::max();
    if (args->options.contains(u"--after-seq"_s)) {
        auto value = parseInteger(args->options.value(u"--after-seq"_s), u"--after-seq"_s, -1);
        if (!value)
            return usageError(context, value.error().message);
        afterSeq = *value;
    }
    if (args->options.contains(u"--limit"_s)) {
        auto value = parseInteger(args->options.value(u"--limit"_s), u"--limit"_s, 0);
        if (!value)
            return usageError(context, value.error().message);
        limit = *value;
    }
    auto session = openSession(context, Registry::Access::ReadOnly);
    if (!session)
        return reportError(context, session.error());
    const QString entity = args->options.value(u"--entity"_s);
    qint64 printed = 0;
    while (printed < limit) {
        const int pageSize = int(std::min<qint64>(1000, limit - printed));
        auto page = (*session)->ledger->events(entity, afterSeq, pageSize);
        if (!page)
            return reportError(context, page.error());
        if (page->empty())
            break;
        for (const StoredEvent &event : *page)
            printLine(context, EventStore::jsonWithSyncLevel(event));
        printed += qint64(page->size());
        afterSeq = page->back().seq;
        if (qsizetype(page->size()) < pageSize)
            break;
    }
    return 0;
}

Result<qint64> parseInstant(const QString &text)
{
    auto instant = Timestamp::parseInstantNs(text);
    if (!instant)
        return fail(ErrorCode::InvalidArgument, u"--at: %1"_s.arg(instant.error().message));
    return *instant;
}

int commandEntity(CliContext &context)
{
    auto args = parseArgs(context.args, {u"--at"_s, u"--as-of-seq"_s}, {});
    if (!args)
        return usageError(context, args.error().message);
    if (args->positional.size() != 1)
        return usageError(context, u"entity takes one GUID"_s);
    if (args->options.contains(u"--at"_s) && args->options.contains(u"--as-of-seq"_s))
        return usageError(context, u"entity: --at and --as-of-seq exclude each other"_s);
    auto session = openSession(context, Registry::Access::ReadOnly);
    if (!session)
        return reportError(context, session.error());
    Ledger &ledger = *(*session)->ledger;
    const QString guid = args->positional.first();
    Result<std::optional<Entity>> entity = std::optional<Entity>();
    if (args->options.contains(u"--at"_s)) {
        auto instant = parseInstant(args->options.value(u"--at"_s));
        if (!instant)
            return usageError(context, instant.error().message);
        entity = ledger.entityAt(guid, *instant);
    } else if (args->options.contains(u"--as-of-seq"_s)) {
        auto seq = parseInteger(args->options.value(u"--as-of-seq"_s), u"--as-of-seq"_s);
        if (!seq)
            return usageError(context, seq.error().message);
        entity = ledger.entityAsRecorded(guid, *seq);
    } else {
        entity = ledger.entity(guid);
    }
    if (!entity)
        return reportError(context, entity.error());
    if (!*entity)
        return reportError(context, Error{ErrorCode::NotFound, u"no entity %1"_s.arg(guid)});
    printLine(context, (*entity)->canonicalJson());
    return 0;
}

int commandEntities(CliContext &context)
{
    auto args = parseArgs(context.args, {u"--at"_s}, {u"--include-deleted"_s});
    if (!args)
        return usageError(context, args.error().message);
    if (!args->positional.isEmpty())
        return usageError(context, u"entities: unexpected argument %1"_s.arg(args->positional.first()));
    std::optional<qint64> at;
    if (args->options.contains(u"--at"_s)) {
        auto instant = parseInstant(args->options.value(u"--at"_s));
        if (!instant)
            return usageError(context, instant.error().message);
        at = *instant;
    }
    auto session = openSession(context, Registry::Access::ReadOnly);
    if (!session)
        return reportError(context, session.error());
    auto ok = (*session)->ledger->forEachEntity(at, args->flags.contains(u"--include-deleted"_s),
                                                [&](const Entity &e) {
                                                    printLine(context, e.canonicalJson());
                                                    return true;
                                                });
    if (!ok)
        return reportError(context, ok.error());
    return 0;
}

int commandHistory(CliContext &context)
{
    if (context.args.size() != 1)
        return usageError(context, u"history takes one GUID"_s);
    auto session = openSession(context, Registry::Access::ReadOnly);
    if (!session)
        return reportError(context, session.error());
    auto trail = (*session)->ledger->history(context.args.first());
    if (!trail)
        return reportError(context, trail.error());
    for (const QJsonValue &entry : *trail)
        printJson(context, entry.toObject());
    return 0;
}

int commandAnomalies(CliContext &context)
{
    if (!context.args.isEmpty())
        return usageError(context, u"anomalies takes no arguments"_s);
    auto session = openSession(context, Registry::Access::ReadOnly);
    if (!session)
        return reportError(context, session.error());
    auto anomalies = (*session)->ledger->anomalies();
    if (!anomalies)
        return reportError(context, anomalies.error());
    for (const Anomaly &anomaly : *anomalies)
        printJson(context, anomaly.toJson());
    return 0;
}

int commandLog(CliContext &context)
{
    if (context.args.isEmpty())
        return usageError(context, u"log: expected root, proof, consistency or checkpoint"_s);
    const QString sub = context.args.first();
    auto args = parseArgs(context.args.mid(1), {u"--size"_s}, {});
    if (!args)
        return usageError(context, args.error().message);
    std::optional<quint64> size;
    if (args->options.contains(u"--size"_s)) {
        auto value = parseInteger(args->options.value(u"--size"_s), u"--size"_s);
        if (!value)
            return usageError(context, value.error().message);
        size = quint64(*value);
    }
    const bool writes = sub == u"checkpoint";
    if (sub == u"root" && !args->positional.isEmpty())
        return usageError(context, u"log root takes only --size"_s);
    if (sub == u"proof" && args->positional.size() != 1)
        return usageError(context, u"log proof takes one EVENT_GUID"_s);
    if (sub == u"consistency" && (args->positional.size() != 2 || size))
        return usageError(context, u"log consistency takes two sizes M N"_s);
    if (sub == u"checkpoint" && (!args->positional.isEmpty() || size))
        return usageError(context, u"log checkpoint takes no arguments"_s);
    if (sub != u"root" && sub != u"proof" && sub != u"consistency" && sub != u"checkpoint")
        return usageError(context, u"log: unknown subcommand %1"_s.arg(sub));
    std::optional<quint64> first;
    std::optional<quint64> second;
    if (sub == u"consistency") {
        auto m = parseInteger(args->positional[0], u"M"_s);
        auto n = parseInteger(args->positional[1], u"N"_s);
        if (!m || !n)
            return usageError(context, (!m ? m.error() : n.error()).message);
        first = quint64(*m);
        second = quint64(*n);
    }
    auto session = openSession(context, writes ? Registry::Access::ReadWrite : Registry::Access::ReadOnly);
    if (!session)
        return reportError(context, session.error());
    Ledger &ledger = *(*session)->ledger;
    if (sub == u"root") {
        auto root = ledger.rootAt(size);
        if (!root)
            return reportError(context, root.error());
        printJson(context, QJsonObject{{u"size"_s, qint64(size.value_or(ledger.log().size()))},
                                       {u"root"_s, toHex(*root)}});
    } else if (sub == u"proof") {
        auto proof = ledger.proof(args->positional.first(), size);
        if (!proof)
            return reportError(context, proof.error());
        printJson(context, proof->toJson());
    } else if (sub == u"consistency") {
        auto proof = ledger.consistency(*first, *second);
        if (!proof)
            return reportError(context, proof.error());
        printJson(context, proof->toJson());
    } else {
        if (!ledger.alarm()) {
            auto taken = ledger.takeCheckpoint(u"request"_s);
            if (!taken)
                return reportError(context, taken.error());
        }
        auto latest = ledger.latestCheckpoint();
        if (!latest)
            return reportError(context, latest.error());
        printJson(context, *latest);
    }
    return 0;
}

int commandVerify(CliContext &context)
{
    if (!context.args.isEmpty())
        return usageError(context, u"verify takes no arguments"_s);
    auto session = openSession(context, Registry::Access::ReadOnly);
    if (!session)
        return reportError(context, session.error());
    auto report = (*session)->ledger->verify();
    if (!report)
        return reportError(context, report.error());
    printJson(context, report->toJson());
    if (!report->ok) {
        context.err << u"fieldledger-cli: integrity failure: "_s << report->problem << u"\n"_s;
        return 3;
    }
    return 0;
}

int commandReplay(CliContext &context)
{
    if (!context.args.isEmpty())
        return usageError(context, u"replay takes no arguments"_s);
    auto session = openSession(context, Registry::Access::ReadWrite);
    if (!session)
        return reportError(context, session.error());
    auto result = (*session)->ledger->replay();
    if (!result)
        return reportError(context, result.error());
    printJson(context, *result);
    return 0;
}

int commandStats(CliContext &context)
{
    if (!context.args.isEmpty())
        return usageError(context, u"stats takes no arguments"_s);
    auto session = openSession(context, Registry::Access::ReadOnly);
    if (!session)
        return reportError(context, session.error());
    auto stats = (*session)->ledger->stats();
    if (!stats)
        return reportError(context, stats.error());
    printJson(context, *stats);
    return 0;
}

} // namespace

int commandEventsGroup(const QString &command, CliContext &context, bool *handled)
{
    using Handler = int (*)(CliContext &);
    static const QHash<QString, Handler> handlers{
        {u"submit"_s, commandSubmit},       {u"import"_s, commandImport},     {u"events"_s, commandEvents},
        {u"entity"_s, commandEntity},       {u"entities"_s, commandEntities}, {u"history"_s, commandHistory},
        {u"anomalies"_s, commandAnomalies}, {u"log"_s, commandLog},           {u"verify"_s, commandVerify},
        {u"replay"_s, commandReplay},       {u"stats"_s, commandStats},
    };
    const auto it = handlers.constFind(command);
    *handled = it != handlers.constEnd();
    return *handled ? (*it)(context) : 1;
}

} // namespace fieldledger::core
