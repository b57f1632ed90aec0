#pragma once

#include "core/common/result.h"
#include "core/exchange/csvwriter.h"

#include <QDate>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace fieldledger::core {

// One cell of a tabular export, typed so that a spreadsheet gets real numbers and dates while
// CSV keeps the exact text.
struct Cell {
    enum class Kind {
        Empty,    // absent or JSON null
        Text,     // a string (or an object/array as compact JSON)
        Number,   // text holds its JSON (JCS) spelling
        Boolean,  // text is "true" / "false"
        DateTime, // an RFC 3339 timestamp: text as written, instantNs its instant
        Date,     // a calendar date "YYYY-MM-DD": text as written, date parsed
    };
    Kind kind = Kind::Empty;
    QString text;
    double number = 0;
    bool flag = false;
    qint64 instantNs = 0;
    QDate date;

    [[nodiscard]] static Cell empty() { return {}; }
    [[nodiscard]] static Cell fromText(QString text);
    [[nodiscard]] static Cell fromNumber(double value);
    [[nodiscard]] static Cell fromInteger(qint64 value);
    // An RFC 3339 timestamp; text that does not parse as one becomes a Text cell.
    [[nodiscard]] static Cell fromTimestamp(const QString &text);
    // A JSON string of entity data: a calendar date or an RFC 3339 timestamp is typed as one,
    // any other text is text.
    [[nodiscard]] static Cell fromString(const QString &text);
    // A value of entity data or of an audit change: strings that are exactly a calendar date
    // ("2026-11-26") or an RFC 3339 timestamp become dates, numbers numbers, booleans
    // booleans, null nothing, objects and arrays their canonical JSON text.
    [[nodiscard]] static Cell fromJson(const QJsonValue &value);
};

// Where rows of a tabular export go: a CSV file or a spreadsheet sheet.
class TableSink {
public:
    virtual ~TableSink() = default;
    // The header row; called once, first.
    [[nodiscard]] virtual Status begin(const QStringList &columns) = 0;
    // One row, as many cells as columns.
    [[nodiscard]] virtual Status row(const QList<Cell> &cells) = 0;
    // After the last row.
    [[nodiscard]] virtual Status end() = 0;
};

// Rows as CSV records. Text cells are neutralised (neutraliseFormula) so a spreadsheet never
// runs them; numbers use the dialect's decimal point; dates keep their original text.
class CsvTableSink final : public TableSink {
public:
    explicit CsvTableSink(CsvWriter &writer)
        : m_writer(writer)
    {
    }

    [[nodiscard]] Status begin(const QStringList &columns) override;
    [[nodiscard]] Status row(const QList<Cell> &cells) override;
    [[nodiscard]] Status end() override { return {}; }

    // The text of one cell as this sink writes it.
    [[nodiscard]] static QString cellText(const Cell &cell, QChar decimalPoint);

private:
    CsvWriter &m_writer;
    QStringList m_fields;
};

} // namespace fieldledger::core
