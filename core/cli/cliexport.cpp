// fieldledger-cli export: data exports (core/exchange) from the command line.
//
//   export --what households|individuals|events|entities|audit|summary|all|household
//          [--format csv|xlsx|jsonl|pdf] [--at INSTANT] [--out PATH] [--excel [--locale NAME]]
//          [--include-deleted] [--columns F1,F2,...] [--member-columns F1,F2,...]
//          [--entity GUID] [--paper a4|letter] [--from DAY] [--to DAY] [--village NAME]...
//   export --log [--limit N]
//
// Without --format the format follows the --out suffix (.csv, .xlsx, .jsonl, .pdf), else csv
// for tables, jsonl for events and entities, pdf for a household profile. Without --out, csv
// and jsonl go to standard output and the result line goes to standard error.
//
// Every export is recorded in the registry's export log (who, what, format, when, as of when,
// rows, file); `export --log` lists it, oldest first, one JSON object per line.
#include "core/cli/clicommands.h"
#include "core/cli/clireports.h"
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
    QStringList villages; // --village, as often as given
};

Result<ExportArgs> parseExportArgs(const QStringList &args)
{
    static const QSet<QString> valueOptions{
        u"--what"_s,   u"--format"_s, u"--at"_s,     u"--out"_s,  u"--columns"_s, u"--member-columns"_s,
        u"--entity"_s, u"--paper"_s,  u"--locale"_s, u"--from"_s, u"--to"_s,      u"--limit"_s};
    static const QSet<QString> flagOptions{u"--excel"_s, u"--include-deleted"_s, u"--log"_s};
    ExportArgs parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (valueOptions.contains(arg) || arg == u"--village") {
            if (i + 1 >= args.size())
                return fail(ErrorCode::InvalidArgument, u"export: %1 needs a value"_s.arg(arg));
            if (arg == u"--village")
                parsed.villages.append(args[++i]);
            else
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
    if (suffix == u"pdf")
        return ExportFormat::Pdf;
    switch (what) {
    case ExportWhat::Events:
    case ExportWhat::Entities:
        return ExportFormat::Jsonl;
    case ExportWhat::Workbook:
        return ExportFormat::Xlsx;
    case ExportWhat::Household:
        return ExportFormat::Pdf;
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

Result<QDate> dayOption(const QString &option, const QString &text)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid() || text.size() != 10)
        return fail(ErrorCode::InvalidArgument,
                    u"%1: expected a day such as 2026-11-26, not '%2'"_s.arg(option, text));
    return day;
}

// export --log [--limit N]: the export log, oldest first.
int listExportLog(CliContext &context, const ExportArgs &args)
{
    ExportLogQuery query;
    if (args.options.contains(u"--limit"_s)) {
        bool ok = false;
        query.limit = args.options.value(u"--limit"_s).toInt(&ok);
        if (!ok || query.limit <= 0)
            return usageError(context, u"export: --limit needs a number above 0"_s);
    }
    auto registry = openRegistry(context, Registry::Access::ReadOnly);
    if (!registry)
        return reportError(context, registry.error());
    auto records = exportLog(**registry, query);
    if (!records)
        return reportError(context, records.error());
    for (const QJsonObject &record : *records)
        printJson(context, record);
    return 0;
}

} // namespace

int commandExport(CliContext &context)
{
    auto args = parseExportArgs(context.args);
    if (!args)
        return usageError(context, args.error().message);
    if (args->flags.contains(u"--log"_s)) {
        if (args->options.size() > (args->options.contains(u"--limit"_s) ? 1 : 0) || args->flags.size() > 1 ||
            !args->villages.isEmpty())
            return usageError(context, u"export --log takes only --limit N"_s);
        return listExportLog(context, *args);
    }
    if (!args->options.contains(u"--what"_s))
        return usageError(context, u"export: --what is required (households, individuals, events, entities, "
                                   "audit, summary, all or household)"_s);
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
    if (request.format == ExportFormat::Pdf && cliReportRenderer() == nullptr)
        return reportError(context,
                           Error{ErrorCode::Unsupported, u"pdf export is not available in this build"_s});
    if (request.format == ExportFormat::Xlsx && out.isEmpty())
        return usageError(context, u"export: an XLSX export needs --out PATH"_s);
    if (request.format == ExportFormat::Pdf && out.isEmpty())
        return usageError(context, u"export: a PDF export needs --out PATH"_s);
    request.entityGuid = args->options.value(u"--entity"_s);
    if (request.what == ExportWhat::Household && request.entityGuid.isEmpty())
        return usageError(context, u"export: --what household needs --entity GUID"_s);
    if (request.what != ExportWhat::Household && !request.entityGuid.isEmpty())
        return usageError(context, u"export: --entity is for --what household"_s);
    request.paper = defaultPaperSize(QLocale::system());
    if (args->options.contains(u"--paper"_s)) {
        auto paper = paperSizeFromName(args->options.value(u"--paper"_s));
        if (!paper)
            return usageError(context, u"export: --paper: "_s + paper.error().message);
        request.paper = *paper;
    }
    for (const QString &option : {u"--from"_s, u"--to"_s}) {
        if (!args->options.contains(option))
            continue;
        auto day = dayOption(option, args->options.value(option));
        if (!day)
            return usageError(context, u"export: "_s + day.error().message);
        (option == u"--from" ? request.summaryFilter.from : request.summaryFilter.to) = *day;
    }
    request.summaryFilter.villages = args->villages;
    if (!request.summaryFilter.isEmpty() &&
        !(request.what == ExportWhat::Summary && request.format == ExportFormat::Pdf))
        return usageError(context, u"export: --from, --to and --village are for the summary report "
                                   "(--what summary --format pdf)"_s);
    if (args->options.contains(u"--locale"_s)) {
        const QString name = args->options.value(u"--locale"_s);
        const QLocale locale(name);
        if (locale.language() == QLocale::C && name != u"C")
            return usageError(context,
                              u"export: --locale: unknown locale '%1' (e.g. fr_FR, de_DE)"_s.arg(name));
        request.locale = locale;
    }
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
    SqlExportRecorder recorder(*(*session)->registry);
    Exporter exporter(ledger, (*session)->clock, recorder);
    exporter.setReportRenderer(cliReportRenderer());

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
