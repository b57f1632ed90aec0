// fieldledger-cli export: data exports (core/exchange) from the command line.
//
//   export --what households|individuals|events|entities|audit|summary|all
//          [--format csv|xlsx|jsonl] [--at INSTANT] [--out PATH] [--excel] [--include-deleted]
//          [--columns F1,F2,...] [--member-columns F1,F2,...]
//
// Without --format the format follows the --out suffix (.csv, .xlsx, .jsonl), else csv for
// tables and jsonl for events and entities. Without --out, csv and jsonl go to standard output
// and the result line goes to standard error.
#include "core/cli/clicommands.h"
#include "core/domain/ledger.h"
#include "core/events/timestamp.h"
#include "core/exchange/exporter.h"
#include "core/exchange/exportrecorder.h"

#include <QBuffer>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

int commandExport(CliContext &context);

namespace {

struct ExportArgs {
    QHash<QString, QString> options;
    QSet<QString> flags;
};

Result<ExportArgs> parseExportArgs(const QStringList &args)
{
    static const QSet<QString> valueOptions{u"--what"_s, u"--format"_s,  u"--at"_s,
                                            u"--out"_s,  u"--columns"_s, u"--member-columns"_s};
    static const QSet<QString> flagOptions{u"--excel"_s, u"--include-deleted"_s};
    ExportArgs parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (valueOptions.contains(arg)) {
            if (i + 1 >= args.size())
                return fail(ErrorCode::InvalidArgument, u"export: %1 needs a value"_s.arg(arg));
            parsed.options.insert(arg, args[++i]);
        } else if (flagOptions.contains(arg)) {
            parsed.flags.insert(arg);
        } else {
            return fail(ErrorCode::InvalidArgument, u"export: unexpected argument %1"_s.arg(arg));
        }
    }
    return parsed;
}

QStringList fieldList(const QString &text)
{
    QStringList fields;
    for (const QString &field : text.split(u',', Qt::SkipEmptyParts))
        fields.append(field.trimmed());
    return fields;
}

ExportFormat defaultFormat(ExportWhat what, const QString &out)
{
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix == u"xlsx")
        return ExportFormat::Xlsx;
    if (suffix == u"jsonl" || suffix == u"ndjson")
        return ExportFormat::Jsonl;
    if (suffix == u"csv")
        return ExportFormat::Csv;
    switch (what) {
    case ExportWhat::Events:
    case ExportWhat::Entities:
        return ExportFormat::Jsonl;
    case ExportWhat::Workbook:
        return ExportFormat::Xlsx;
    default:
        return ExportFormat::Csv;
    }
}

struct ExportSession {
    std::unique_ptr<Registry> registry;
    SystemClock clock;
    UuidGenerator ids;
    std::unique_ptr<Ledger> ledger;
};

// Read-write, so that the export can be checkpointed; read-only when another process holds
// the registry for writing.
Result<std::unique_ptr<ExportSession>> openExportSession(CliContext &context)
{
    auto session = std::make_unique<ExportSession>();
    auto registry = openRegistry(context, Registry::Access::ReadWrite);
    if (!registry && registry.error().code == ErrorCode::InUse)
        registry = openRegistry(context, Registry::Access::ReadOnly);
    if (!registry)
        return std::unexpected(registry.error());
    session->registry = std::move(*registry);
    auto ledger = Ledger::open(*session->registry, Ledger::Options{&session->clock, &session->ids});
    if (!ledger)
        return std::unexpected(ledger.error());
    session->ledger = std::move(*ledger);
    if (session->ledger->alarm())
        context.err << u"fieldledger-cli: INTEGRITY ALARM: "_s << *session->ledger->alarm() << u"\n"_s;
    return session;
}

} // namespace

int commandExport(CliContext &context)
{
    auto args = parseExportArgs(context.args);
    if (!args)
        return usageError(context, args.error().message);
    if (!args->options.contains(u"--what"_s))
        return usageError(context, u"export: --what is required (households, individuals, events, entities, "
                                   "audit, summary or all)"_s);
    auto what = exportWhatFromName(args->options.value(u"--what"_s));
    if (!what)
        return usageError(context, u"export: "_s + what.error().message);
    const QString out = args->options.value(u"--out"_s);

    ExportRequest request;
    request.what = *what;
    if (args->options.contains(u"--format"_s)) {
        auto format = exportFormatFromName(args->options.value(u"--format"_s));
        if (!format) {
            if (format.error().code == ErrorCode::Unsupported)
                return reportError(context, format.error());
            return usageError(context, u"export: "_s + format.error().message);
        }
        request.format = *format;
    } else {
        request.format = defaultFormat(request.what, out);
    }
    if (auto ok = checkExportCombination(request.what, request.format); !ok)
        return usageError(context, u"export: "_s + ok.error().message);
    if (request.format == ExportFormat::Xlsx && out.isEmpty())
        return usageError(context, u"export: an XLSX export needs --out PATH"_s);
    if (args->options.contains(u"--at"_s)) {
        auto instant = Timestamp::parseInstantNs(args->options.value(u"--at"_s));
        if (!instant)
            return usageError(context, u"--at: "_s + instant.error().message);
        request.atInstantNs = *instant;
    }
    request.excelFriendly = args->flags.contains(u"--excel"_s);
    request.includeDeleted = args->flags.contains(u"--include-deleted"_s);
    request.householdColumns = fieldList(args->options.value(u"--columns"_s));
    request.individualColumns = fieldList(args->options.value(u"--member-columns"_s));

    auto session = openExportSession(context);
    if (!session)
        return reportError(context, session.error());
    Ledger &ledger = *(*session)->ledger;
    MemoryExportRecorder recorder;
    Exporter exporter(ledger, (*session)->clock, recorder);

    Result<ExportReport> report = ExportReport{};
    if (!out.isEmpty()) {
        report = exporter.exportToFile(request, out);
    } else {
        context.out.flush();
        if (QIODevice *device = context.out.device()) {
            report = exporter.exportToDevice(request, *device);
        } else {
            // A stream over a string (tests): collect, then hand it over as text.
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            report = exporter.exportToDevice(request, buffer);
            context.out << QString::fromUtf8(buffer.data());
        }
        context.out.flush();
    }
    if (!report)
        return reportError(context, report.error());

    if (!(*session)->registry->isReadOnly() && !ledger.alarm()) {
        if (auto checkpoint = ledger.takeCheckpoint(u"export"_s); !checkpoint)
            context.err
                << u"fieldledger-cli: warning: the export was written, but no checkpoint was taken: "_s
                << checkpoint.error().message << u"\n"_s;
    }

    const QJsonObject result{{u"exported"_s, qint64(report->rows)},
                             {u"what"_s, exportWhatName(request.what)},
                             {u"format"_s, exportFormatName(request.format)},
                             {u"out"_s, out.isEmpty() ? u"-"_s : out}};
    if (out.isEmpty()) {
        context.err << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)) << u"\n"_s;
        context.err.flush();
    } else {
        printJson(context, result);
    }
    if (report->truncatedCells > 0)
        context.err << u"fieldledger-cli: warning: %1 cells were longer than Excel allows and were cut\n"_s
                           .arg(report->truncatedCells);
    return 0;
}

} // namespace fieldledger::core
