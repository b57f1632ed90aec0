#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace fieldledger::core {

class Registry;

// Keeps the record of every export (who, what, format, when, as of when, how many rows, which
// file): data leaving the registry is something supervisors must be able to account for.
//
// The record is a JSON object:
//   {"userId":"sup-1","what":"households","format":"csv","exportedAt":"2026-11-26T12:00:00.000Z",
//    "asOf":"2026-11-20T00:00:00.000Z","rows":1200,"file":"households.csv"}
// ("asOf" only for an as-of export; "file" is the file name, or "-" for standard output). A
// household profile (what "household") also says which household: "household":"<its guid>".
class ExportRecorder {
public:
    virtual ~ExportRecorder() = default;
    // Whether a record can be made at all. Checked before anything is written, so that a long
    // export is refused at once rather than abandoned at its end.
    [[nodiscard]] virtual Status ready() const { return {}; }
    // Called once per export, after every row was written and before the file is moved into
    // place: a failure here abandons the export.
    [[nodiscard]] virtual Status record(const QJsonObject &record) = 0;
    // Called when the export failed after record() (its file could not be moved into place):
    // withdraws that record where the recorder can. One that cannot keeps it, as an export
    // recorded but not made is safer than one made but not recorded.
    virtual void withdraw() {}
};

// Keeps the records in memory, each also as one compact JSON line.
class MemoryExportRecorder final : public ExportRecorder {
public:
    [[nodiscard]] Status record(const QJsonObject &record) override;
    void withdraw() override;

    [[nodiscard]] const QList<QJsonObject> &records() const { return m_records; }
    // One compact JSON text per record, in the order they were made.
    [[nodiscard]] const QList<QByteArray> &lines() const { return m_lines; }

private:
    QList<QJsonObject> m_records;
    QList<QByteArray> m_lines;
};

// Keeps the records in the registry's export_log table (schema version 4), through the
// registry's own connection, each in its own transaction. A registry open read-only cannot
// record, so it cannot export: ready() says why.
class SqlExportRecorder final : public ExportRecorder {
public:
    explicit SqlExportRecorder(Registry &registry);

    [[nodiscard]] Status ready() const override;
    // Refuses a record without userId, what, format, exportedAt, file (strings) or rows (a
    // number >= 0), or with an asOf or household that is not a string. The household is kept in
    // the what column after a colon ("household:hh-12"): the table has no column of its own for it,
    // and exportLog() splits it out again.
    [[nodiscard]] Status record(const QJsonObject &record) override;
    void withdraw() override;

    // The row id of the last record made and not withdrawn.
    [[nodiscard]] std::optional<qint64> lastId() const { return m_lastId; }

private:
    Registry &m_registry;
    std::optional<qint64> m_lastId;
};

struct ExportLogQuery {
    QString userId; // only this user's exports; everyone's when empty
    int limit = 0;  // only the most recent `limit`; all when 0
};

// The export log of a registry, oldest first: each record as SqlExportRecorder was given it
// (with "household" for a household profile), plus "id" (its row id). Reading it is a supervisor's or an
// administrator's right (Action::ReadLog, checked for the registry's current user).
[[nodiscard]] Result<std::vector<QJsonObject>> exportLog(Registry &registry,
                                                         const ExportLogQuery &query = {});

} // namespace fieldledger::core
