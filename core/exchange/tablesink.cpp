#include "core/exchange/tablesink.h"

#include "core/events/canonicaljson.h"
#include "core/events/timestamp.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Exactly "YYYY-MM-DD" naming a real day.
QDate parseCalendarDate(QStringView text)
{
    if (text.size() != 10 || text[4] != u'-' || text[7] != u'-')
        return {};
    for (const qsizetype i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!isDigit(text[i]))
            return {};
    }
    return QDate::fromString(text.toString(), Qt::ISODate);
}

bool mayBeTimestamp(QStringView text)
{
    // Cheap filter before the strict parser: "YYYY-MM-DDT..." and at least "HH:MM:SSZ".
    return text.size() >= 20 && text.size() <= 40 && isDigit(text[0]) && text[4] == u'-' &&
           (text[10] == u'T' || text[10] == u't');
}

} // namespace

Cell Cell::fromText(QString text)
{
    Cell cell;
    cell.kind = Kind::Text;
    cell.text = std::move(text);
    return cell;
}

Cell Cell::fromNumber(double value)
{
    Cell cell;
    auto spelled = canonicalNumber(value);
    if (!spelled) // NaN or infinity: cannot come from JSON; show it rather than lose it
        return fromText(QString::number(value));
    cell.kind = Kind::Number;
    cell.number = value;
    cell.text = QString::fromLatin1(*spelled);
    return cell;
}

Cell Cell::fromInteger(qint64 value)
{
    Cell cell;
    cell.kind = Kind::Number;
    cell.number = double(value);
    cell.text = QString::number(value);
    return cell;
}

Cell Cell::fromTimestamp(const QString &text)
{
    auto instant = Timestamp::parseInstantNs(text);
    if (!instant)
        return fromText(text);
    Cell cell;
    cell.kind = Kind::DateTime;
    cell.text = text;
    cell.instantNs = *instant;
    return cell;
}

Cell Cell::fromString(const QString &text)
{
    if (const QDate date = parseCalendarDate(text); date.isValid()) {
        Cell cell;
        cell.kind = Kind::Date;
        cell.text = text;
        cell.date = date;
        return cell;
    }
    if (mayBeTimestamp(text))
        return fromTimestamp(text);
    return fromText(text);
}

Cell Cell::fromJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return empty();
    case QJsonValue::Bool: {
        Cell cell;
        cell.kind = Kind::Boolean;
        cell.flag = value.toBool();
        cell.text = cell.flag ? u"true"_s : u"false"_s;
        return cell;
    }
    case QJsonValue::Double:
        return fromNumber(value.toDouble());
    case QJsonValue::String:
        return fromString(value.toString());
    case QJsonValue::Array:
    case QJsonValue::Object: {
        auto json = canonicalJson(value);
        return fromText(json ? QString::fromUtf8(*json) : QString());
    }
    }
    return empty();
}

QString CsvTableSink::cellText(const Cell &cell, QChar decimalPoint)
{
    switch (cell.kind) {
    case Cell::Kind::Empty:
        return {};
    case Cell::Kind::Text:
        return neutraliseFormula(cell.text);
    case Cell::Kind::Number:
        if (decimalPoint != u'.') {
            QString text = cell.text;
            return text.replace(u'.', decimalPoint);
        }
        return cell.text;
    case Cell::Kind::Boolean:
    case Cell::Kind::DateTime:
    case Cell::Kind::Date:
        return cell.text;
    }
    return {};
}

Status CsvTableSink::begin(const QStringList &columns)
{
    QStringList header;
    header.reserve(columns.size());
    for (const QString &column : columns)
        header.append(neutraliseFormula(column)); // column names come from data keys too
    return m_writer.writeRecord(header);
}

Status CsvTableSink::row(const QList<Cell> &cells)
{
    m_fields.resize(cells.size());
    const QChar decimalPoint = m_writer.dialect().decimalPoint;
    for (qsizetype i = 0; i < cells.size(); ++i)
        m_fields[i] = cellText(cells[i], decimalPoint);
    return m_writer.writeRecord(m_fields);
}

} // namespace fieldledger::core
