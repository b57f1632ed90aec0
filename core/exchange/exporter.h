#pragma once

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/domain/ledger.h"
#include "core/exchange/reportrenderer.h"
#include "core/exchange/summary.h"

#include <QJsonObject>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace fieldledger::core {

class ExportRecorder;
class ReportRenderer;

// What an export holds.
enum class ExportWhat {
    Households,  // one row per household (group): guid, data fields, memberCount, head, lastUpdated, version
    Individuals, // one row per member of a household: householdGuid, memberGuid, relationship, data fields,
                 // ...
    Events,      // the event log, each event exactly as stored, in log order (re-importable)
    Entities,    // every entity as canonical JSON, sorted by guid
    Audit,       // one row per field changed per entity per event (EVENTS.md §4)
    Summary,     // registrations per day and per enumerator, households per village, household sizes
    Workbook,    // XLSX only: the sheets Households, Individuals, Audit log and Summary together
    Household,   // PDF only: the profile of one household (ExportRequest::entityGuid)
};

enum class ExportFormat { Csv, Xlsx, Jsonl, Pdf };

[[nodiscard]] QString exportWhatName(ExportWhat what);
[[nodiscard]] Result<ExportWhat> exportWhatFromName(QStringView name);
[[nodiscard]] QString exportFormatName(ExportFormat format);
// "csv", "xlsx", "jsonl", "pdf".
[[nodiscard]] Result<ExportFormat> exportFormatFromName(QStringView name);
// Whether `what` can be written as `format`:
//   households, individuals: csv, xlsx   audit: csv, xlsx, jsonl   summary: csv, xlsx, jsonl, pdf
//   events, entities: jsonl              workbook: xlsx            household: pdf
[[nodiscard]] Status checkExportCombination(ExportWhat what, ExportFormat format);

struct ExportRequest {
    ExportWhat what = ExportWhat::Households;
    ExportFormat format = ExportFormat::Csv;
    // As of an instant (EVENTS.md §4): entities as they were, events and audit rows with
    // timestamp <= T. Now when absent.
    std::optional<qint64> atInstantNs;
    // Entities export only: tombstones too.
    bool includeDeleted = false;
    // Household profile only: the household.
    QString entityGuid;
    // PDF only: the paper, and for the summary report which households it counts.
    PaperSize paper = PaperSize::A4;
    SummaryFilter summaryFilter;
    // The first columns, in this order: the fields of the household (individual) form
    // definition. The other data keys follow, sorted.
    QStringList householdColumns;
    QStringList individualColumns;
    // CSV for Excel: a UTF-8 byte order mark, and where `locale` writes decimal commas, ';'
    // between fields and ',' in numbers (CsvDialect::forLocale).
    bool excelFriendly = false;
    QLocale locale = QLocale::system();
    // done of total, now and then; total 0 while it is not known yet. Returning false cancels
    // (ErrorCode::Cancelled) and leaves no file behind.
    Progress progress;
};

struct ExportReport {
    quint64 rows = 0;           // rows (lines) of data written, headers not counted; for a PDF the
                                // households it reports on
    quint64 truncatedCells = 0; // XLSX cells cut at Excel's 32,767 characters
    QJsonObject record;         // what was given to the ExportRecorder
};

// Data exports of one open ledger (CSV, XLSX, JSON Lines), all streaming: memory stays flat
// whatever the registry's size (tabular exports read the entities twice: once to learn the
// columns, once to write the rows).
//
// Exporting is a supervisor's or an administrator's right (Action::Export), checked before
// anything is written. Every export is given to the ExportRecorder.
//
// PDF reports are drawn by a ReportRenderer (core has no QtGui): without one, a PDF export is
// refused as not available in this build (Unsupported).
class Exporter final {
public:
    Exporter(Ledger &ledger, const Clock &clock, ExportRecorder &recorder);

    // The renderer of PDF reports; it must outlive the exporter. Null: no PDF.
    void setReportRenderer(const ReportRenderer *renderer) { m_renderer = renderer; }
    [[nodiscard]] const ReportRenderer *reportRenderer() const { return m_renderer; }

    // Writes to a temporary file beside `path` and moves it into place only when everything
    // was written: a failure or a cancel leaves no file and never touches an existing one.
    [[nodiscard]] Result<ExportReport> exportToFile(const ExportRequest &request, const QString &path);
    // Streams CSV or JSON Lines to an open device (standard output); `name` is what the
    // record calls it. A failure can leave part of the output written. XLSX and PDF need a file.
    [[nodiscard]] Result<ExportReport> exportToDevice(const ExportRequest &request, QIODevice &device,
                                                      const QString &name = QStringLiteral("-"));

    // The summary as a JSON object (for reports and the dashboard):
    //   {"asOf"?, "households":N, "individuals":M, "events":E,
    //    "registrationsPerDay":{"2026-11-26":3,...},       create-group events per UTC day
    //    "registrationsPerEnumerator":{"enum-7":5,...},    create-group events per userId
    //    "householdsPerVillage":{"Kalo":3,"":1,...},       live households by data.village ("" none)
    //    "householdSizeDistribution":{"0":1,"3":2,...}}    live households by number of members
    // Also checks Action::Export.
    [[nodiscard]] Result<QJsonObject> summary(std::optional<qint64> atInstantNs,
                                              const Progress &progress = {});

private:
    [[nodiscard]] Status checkAllowed(const ExportRequest &request) const;
    [[nodiscard]] Status record(const ExportRequest &request, const QString &name, ExportReport &report);
    [[nodiscard]] Status writeReport(const ExportRequest &request, QIODevice &device, ExportReport &report);

    Ledger &m_ledger;
    const Clock &m_clock;
    ExportRecorder &m_recorder;
    const ReportRenderer *m_renderer = nullptr;
};

} // namespace fieldledger::core
