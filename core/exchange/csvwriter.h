#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QChar>
#include <QLocale>
#include <QStringEncoder>
#include <QStringList>
#include <QStringView>

class QIODevice;

namespace fieldledger::core {

// How a CSV file is spelled. The default is RFC 4180 as written: UTF-8, ',' between fields,
// CRLF after every record, no byte order mark.
struct CsvDialect {
    QChar separator = u',';
    QChar decimalPoint = u'.'; // used by callers formatting numbers for this dialect
    bool byteOrderMark = false;

    // The Excel-friendly dialect for `locale`: a UTF-8 byte order mark (so Excel reads the file
    // as UTF-8), and where the locale writes decimals with a comma, ';' between fields and ','
    // as the decimal point, which is what Excel expects there when it opens a .csv file.
    // Without `excelFriendly` the plain RFC 4180 dialect, whatever the locale.
    [[nodiscard]] static CsvDialect forLocale(const QLocale &locale, bool excelFriendly);
};

// Whether a spreadsheet would read `text` as a formula (or a DDE call) when it opens a CSV:
// it begins with '=', '+', '-', '@', a tab or a carriage return.
[[nodiscard]] bool looksLikeFormula(QStringView text);
// `text` with a single quote in front when looksLikeFormula(), so that spreadsheets show it as
// text and never run it (the OWASP "CSV injection" advice); any other text unchanged.
[[nodiscard]] QString neutraliseFormula(const QString &text);

// Writes RFC 4180 records to a device, one call per record. A field is quoted when it holds
// the separator, a double quote, CR or LF (or begins or ends with a space, which some readers
// trim); quotes inside are doubled. Fields are written exactly as given: callers neutralise
// formulas first where the field is data (neutraliseFormula).
class CsvWriter final {
public:
    CsvWriter(QIODevice &device, CsvDialect dialect);
    Q_DISABLE_COPY_MOVE(CsvWriter)

    [[nodiscard]] const CsvDialect &dialect() const { return m_dialect; }
    // Writes the byte order mark (when the dialect has one) before the first record.
    [[nodiscard]] Status writeRecord(const QStringList &fields);
    [[nodiscard]] quint64 records() const { return m_records; }

    // One field as it appears in a record, quoted when needed.
    [[nodiscard]] static QByteArray encodeField(QStringView field, QChar separator);
    // Whether encodeField() quotes `field`.
    [[nodiscard]] static bool needsQuotes(QStringView field, QChar separator);

private:
    // Appends `text` as UTF-8 to the record being built, without a temporary array.
    void appendUtf8(QStringView text);

    QIODevice &m_device;
    CsvDialect m_dialect;
    QByteArray m_buffer;
    // Stateless: a lone surrogate at the end of one field cannot carry over into the next.
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    quint64 m_records = 0;
    bool m_started = false;
};

} // namespace fieldledger::core
