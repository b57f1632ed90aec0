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

bool CsvWriter::needsQuotes(QStringView field, QChar separator)
{
    if (!field.isEmpty() && (field.front() == u' ' || field.back() == u' '))
        return true;
    for (const QChar c : field) {
        if (c == separator || c == u'"' || c == u'\r' || c == u'\n')
            return true;
    }
    return false;
}

void CsvWriter::appendUtf8(QStringView text)
{
    const qsizetype start = m_buffer.size();
    m_buffer.resize(start + m_encoder.requiredSpace(text.size()));
    char *end = m_encoder.appendToBuffer(m_buffer.data() + start, text);
    m_buffer.resize(end - m_buffer.constData());
}

QByteArray CsvWriter::encodeField(QStringView field, QChar separator)
{
    const QByteArray utf8 = field.toUtf8();
    if (!needsQuotes(field, separator))
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
    m_buffer.resize(0); // keeps its capacity: no allocation per record
    if (!m_started && m_dialect.byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF");
    m_started = true;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            appendUtf8(QStringView(&m_dialect.separator, 1));
        if (needsQuotes(fields[i], m_dialect.separator))
            m_buffer.append(encodeField(fields[i], m_dialect.separator));
        else
            appendUtf8(fields[i]);
    }
    m_buffer.append("\r\n");
    // As bytes, not as the array: a device that kept a shared copy would make the next record
    // detach (reallocate) the buffer.
    if (m_device.write(m_buffer.constData(), m_buffer.size()) != m_buffer.size())
        return fail(ErrorCode::Storage, u"cannot write the CSV file: %1"_s.arg(m_device.errorString()));
    ++m_records;
    return {};
}

} // namespace fieldledger::core
