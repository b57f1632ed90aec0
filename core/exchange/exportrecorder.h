#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace fieldledger::core {

// Keeps the record of every export (who, what, format, when, as of when, how many rows, which
// file): data leaving the registry is something supervisors must be able to account for.
//
// The record is a JSON object:
//   {"userId":"sup-1","what":"households","format":"csv","exportedAt":"2026-11-26T12:00:00.000Z",
//    "asOf":"2026-11-20T00:00:00.000Z","rows":1200,"file":"households.csv"}
// ("asOf" only for an as-of export; "file" is the file name, or "-" for standard output).
//
// TODO(schema): the registry has no table for these yet. A schema migration adding
// `export_log` (the members above as columns) is requested; until then MemoryExportRecorder
// keeps them for the caller.
class ExportRecorder {
public:
    virtual ~ExportRecorder() = default;
    // Called once per export, after every row was written and before the file is moved into
    // place: a failure here abandons the export.
    [[nodiscard]] virtual Status record(const QJsonObject &record) = 0;
};

// Keeps the records in memory, each also as one compact JSON line.
class MemoryExportRecorder final : public ExportRecorder {
public:
    [[nodiscard]] Status record(const QJsonObject &record) override;

    [[nodiscard]] const QList<QJsonObject> &records() const { return m_records; }
    // One compact JSON text per record, in the order they were made.
    [[nodiscard]] const QList<QByteArray> &lines() const { return m_lines; }

private:
    QList<QJsonObject> m_records;
    QList<QByteArray> m_lines;
};

} // namespace fieldledger::core
