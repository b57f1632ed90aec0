#include "core/events/timestamp.h"

#include <QtNumeric>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

constexpr qint64 nsPerSecond = 1'000'000'000;
constexpr qint64 secondsPerDay = 86'400;
constexpr qint64 msPerDay = secondsPerDay * 1000;

constexpr bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int daysInMonth(int year, int month)
{
    constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

// Days from 1970-01-01 to year-month-day in the proleptic Gregorian calendar. Years are counted
// from March, so that the leap day falls at the end of a year; 400-year eras of 146097 days.
constexpr qint64 daysFromCivil(qint64 year, int month, int day)
{
    const qint64 marchYear = month <= 2 ? year - 1 : year;
    const qint64 era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400;
    const qint64 yearOfEra = marchYear - era * 400;                    // 0..399
    const qint64 monthFromMarch = month > 2 ? month - 3 : month + 9;   // 0..11
    const qint64 dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1; // 0..365
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468; // 719468: days from 0000-03-01 to 1970-01-01
}

struct CivilDate {
    qint64 year;
    int month;
    int day;
};

// The inverse of daysFromCivil.
constexpr CivilDate civilFromDays(qint64 days)
{
    const qint64 shifted = days + 719468;
    const qint64 era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
    const qint64 dayOfEra = shifted - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthFromMarch = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    const int month = int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    return {yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(daysFromCivil(2000, 3, 1) == 11017);
static_assert(civilFromDays(11017).year == 2000 && civilFromDays(11017).month == 3);

constexpr qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0) ? 1 : 0);
}

// Reads the RFC 3339 text left to right; every failure names what was expected and where.
class Rfc3339Parser final {
public:
    explicit Rfc3339Parser(QStringView text)
        : m_text(text)
    {
    }

    Result<Timestamp> parse();

private:
    std::unexpected<Error> reject(const QString &reason) const
    {
        QStringView shown = m_text.size() > 64 ? m_text.first(64) : m_text;
        return fail(ErrorCode::InvalidArgument,
                    u"timestamp '%1%2' is not RFC 3339: %3"_s.arg(
                        shown, m_text.size() > 64 ? u"..."_s : QString(), reason));
    }
    bool digitAt(qsizetype i) const { return i < m_text.size() && m_text[i] >= u'0' && m_text[i] <= u'9'; }
    // `count` digits at m_pos, or -1.
    int readDigits(int count)
    {
        int value = 0;
        for (int i = 0; i < count; ++i) {
            if (!digitAt(m_pos + i))
                return -1;
            value = value * 10 + (m_text[m_pos + i].unicode() - u'0');
        }
        m_pos += count;
        return value;
    }
    bool expect(char16_t c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }
    QString found() const
    {
        if (m_pos >= m_text.size())
            return u"the end"_s;
        return u"'"_s + m_text[m_pos] + u"'"_s;
    }
    QString at() const { return u" at position "_s + QString::number(m_pos); }

    QStringView m_text;
    qsizetype m_pos = 0;
};

Result<Timestamp> Rfc3339Parser::parse()
{
    if (m_text.isEmpty())
        return reject(u"empty"_s);

    const int year = readDigits(4);
    if (year < 0)
        return reject(u"expected a 4-digit year"_s + at());
    if (!expect(u'-'))
        return reject(u"expected '-' after the year"_s + at() + u", found "_s + found());
    const int month = readDigits(2);
    if (month < 0)
        return reject(u"expected a 2-digit month"_s + at());
    if (!expect(u'-'))
        return reject(u"expected '-' after the month"_s + at() + u", found "_s + found());
    const int day = readDigits(2);
    if (day < 0)
        return reject(u"expected a 2-digit day"_s + at());
    if (m_pos == m_text.size())
        return reject(u"missing time (a date alone is not a timestamp)"_s);
    if (m_text[m_pos] == u' ')
        return reject(u"date and time must be separated by 'T', not a space"_s);
    if (!expect(u'T') && !expect(u't'))
        return reject(u"expected 'T' between date and time"_s + at() + u", found "_s + found());
    const int hour = readDigits(2);
    if (hour < 0)
        return reject(u"expected a 2-digit hour"_s + at());
    if (!expect(u':'))
        return reject(u"expected ':' after the hour"_s + at() + u", found "_s + found());
    const int minute = readDigits(2);
    if (minute < 0)
        return reject(u"expected 2-digit minutes"_s + at());
    if (!expect(u':'))
        return reject(u"expected ':' after the minutes"_s + at() + u", found "_s + found());
    const int second = readDigits(2);
    if (second < 0)
        return reject(u"expected 2-digit seconds"_s + at());

    qint64 fractionNs = 0;
    if (expect(u'.')) {
        int digits = 0;
        while (digitAt(m_pos)) {
            if (digits == 9)
                return reject(u"the fraction of a second has more than 9 digits"_s);
            fractionNs = fractionNs * 10 + (m_text[m_pos].unicode() - u'0');
            ++digits;
            ++m_pos;
        }
        if (digits == 0)
            return reject(u"expected digits after the decimal point"_s + at());
        for (int i = digits; i < 9; ++i)
            fractionNs *= 10;
    }

    int offsetMinutes = 0;
    if (m_pos == m_text.size())
        return reject(u"missing offset ('Z' or +HH:MM / -HH:MM)"_s);
    if (!expect(u'Z') && !expect(u'z')) {
        const char16_t sign = m_text[m_pos].unicode();
        if (sign != u'+' && sign != u'-')
            return reject(u"expected 'Z' or an offset like +05:30"_s + at() + u", found "_s + found());
        ++m_pos;
        const int offsetHour = readDigits(2);
        if (offsetHour < 0 || !expect(u':'))
            return reject(u"the offset must be +HH:MM or -HH:MM"_s + at());
        const int offsetMinute = readDigits(2);
        if (offsetMinute < 0)
            return reject(u"the offset must be +HH:MM or -HH:MM"_s + at());
        if (offsetHour > 23)
            return reject(u"offset hour %1 is out of range 00-23"_s.arg(offsetHour));
        if (offsetMinute > 59)
            return reject(u"offset minute %1 is out of range 00-59"_s.arg(offsetMinute));
        offsetMinutes = (offsetHour * 60 + offsetMinute) * (sign == u'-' ? -1 : 1);
    }
    if (m_pos != m_text.size())
        return reject(u"unexpected characters after the offset"_s + at());

    if (month < 1 || month > 12)
        return reject(u"month %1 is out of range 01-12"_s.arg(month));
    if (day < 1 || day > daysInMonth(year, month)) {
        return reject(u"day %1 is out of range for %2-%3 (01-%4)"_s.arg(day)
                          .arg(year, 4, 10, QLatin1Char('0'))
                          .arg(month, 2, 10, QLatin1Char('0'))
                          .arg(daysInMonth(year, month)));
    }
    if (hour > 23)
        return reject(u"hour %1 is out of range 00-23"_s.arg(hour));
    if (minute > 59)
        return reject(u"minute %1 is out of range 00-59"_s.arg(minute));
    if (second > 60)
        return reject(u"second %1 is out of range 00-60"_s.arg(second));

    const qint64 seconds = daysFromCivil(year, month, day) * secondsPerDay + hour * 3600 + minute * 60 +
                           (second == 60 ? 59 : second) - qint64(offsetMinutes) * 60;
    if (second == 60) {
        if (floorDiv(seconds, secondsPerDay) * secondsPerDay + secondsPerDay - 1 != seconds)
            return reject(u"second 60 (a leap second) can only occur at 23:59 UTC"_s);
        fractionNs = nsPerSecond - 1;
    }
    // Near the lower limit the whole seconds alone overflow although the instant does not:
    // borrow one second from the fraction first.
    qint64 wholeSeconds = seconds;
    if (wholeSeconds < 0 && fractionNs > 0) {
        wholeSeconds += 1;
        fractionNs -= nsPerSecond;
    }
    qint64 ns = 0;
    if (qMulOverflow(wholeSeconds, nsPerSecond, &ns) || qAddOverflow(ns, fractionNs, &ns))
        return reject(u"outside the representable range 1677-09-21 to 2262-04-11"_s);
    return Timestamp::fromNsSinceEpoch(ns, offsetMinutes);
}

QString formatMillis(qint64 ms)
{
    const qint64 days = floorDiv(ms, msPerDay);
    qint64 msOfDay = ms - days * msPerDay;
    const CivilDate date = civilFromDays(days);
    if (date.year < 0 || date.year > 9999)
        return {};
    const int millis = int(msOfDay % 1000);
    msOfDay /= 1000;
    const int second = int(msOfDay % 60);
    msOfDay /= 60;
    const int minute = int(msOfDay % 60);
    const int hour = int(msOfDay / 60);

    char16_t text[24];
    auto put = [&text](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            text[at + i] = char16_t(u'0' + value % 10);
            value /= 10;
        }
    };
    put(0, int(date.year), 4);
    text[4] = u'-';
    put(5, date.month, 2);
    text[7] = u'-';
    put(8, date.day, 2);
    text[10] = u'T';
    put(11, hour, 2);
    text[13] = u':';
    put(14, minute, 2);
    text[16] = u':';
    put(17, second, 2);
    text[19] = u'.';
    put(20, millis, 3);
    text[23] = u'Z';
    return QStringView(text, 24).toString();
}

} // namespace

Result<Timestamp> Timestamp::parse(QStringView text)
{
    return Rfc3339Parser(text).parse();
}

Result<qint64> Timestamp::parseInstantNs(QStringView text)
{
    const auto timestamp = parse(text);
    if (!timestamp)
        return std::unexpected(timestamp.error());
    return timestamp->nsSinceEpoch();
}

Timestamp Timestamp::fromNsSinceEpoch(qint64 ns, int offsetMinutes)
{
    return Timestamp(ns, offsetMinutes);
}

QDateTime Timestamp::toUtcDateTime() const
{
    return QDateTime::fromMSecsSinceEpoch(floorDiv(m_ns, 1'000'000), Qt::UTC);
}

QString Timestamp::toUtcMillisString() const
{
    return formatMillis(floorDiv(m_ns, 1'000'000));
}

QString formatUtcMillis(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return formatMillis(when.toMSecsSinceEpoch());
}

} // namespace fieldledger::core
