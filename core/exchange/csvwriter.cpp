#include "core/exchange/csvwriter.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

CsvDialect CsvDialect::forLocale(const QLocale &locale, bool excelFriendly)
{
    CsvDialect dialect;
    if (!excelFriendly)
        return dialect;
    dialect.byteOrderMark = true;
    if (locale.decimalPoint() == u","_s) {
        dialect.separator = u';';
        dialect.decimalPoint = u',';
    }
    return dialect;
}

bool looksLikeFormula(QStringView text)
{
    if (text.isEmpty())
        return false;
    switch (text.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

QString neutraliseFormula(const QString &text)
{
    return looksLikeFormula(text) ? u"'"_s + text : text;
}

CsvWriter::CsvWriter(QIODevice &device, CsvDialect dialect)
    : m_device(device)
    , m_dialect(dialect)
{
}

QByteArray CsvWriter::encodeField(QStringView field, QChar separator)
{
    bool quote = !field.isEmpty() && (field.front() == u' ' || field.back() == u' ');
    for (const QChar c : field) {
        if (c == separator || c == u'"' || c == u'\r' || c == u'\n') {
            quote = true;
            break;
        }
    }
    const QByteArray utf8 = field.toUtf8();
    if (!quote)
        return utf8;
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
    return out;
}

Status CsvWriter::writeRecord(const QStringList &fields)
{
    m_buffer.clear();
    if (!m_started && m_dialect.byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF");
    m_started = true;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            m_buffer.append(QStringView(&m_dialect.separator, 1).toUtf8());
        m_buffer.append(encodeField(fields[i], m_dialect.separator));
    }
    m_buffer.append("\r\n");
    if (m_device.write(m_buffer) != m_buffer.size())
        return fail(ErrorCode::Storage, u"cannot write the CSV file: %1"_s.arg(m_device.errorString()));
    ++m_records;
    return {};
}

} // namespace fieldledger::core
