#pragma once

#include "core/common/result.h"

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <compare>

namespace fieldledger::core {

// An RFC 3339 date-time with an offset, reduced to the instant it names: nanoseconds since
// 1970-01-01T00:00:00Z. Events are ordered by this instant, never by their text, so
// 2026-01-01T10:00:00+02:00 and 2026-01-01T08:00:00Z are the same moment.
//
// Accepted (RFC 3339 §5.6 `date-time`, strictly):
//   YYYY-MM-DD ('T'|'t') HH:MM:SS [ '.' 1-9 digits ] ('Z'|'z'|('+'|'-')HH:MM)
// with calendar ranges checked (month 1-12, day within its month, leap years Gregorian, hour
// 0-23, minute 0-59, offset up to ±23:59; "-00:00" is accepted and equals "Z").
// A space instead of 'T', a missing offset, a fraction of more than 9 digits, or anything
// before or after is refused.
// Leap seconds: second 60 is accepted only where one can occur, at 23:59 UTC; its instant is
// the last nanosecond of that minute (23:59:59.999999999Z) whatever its fraction, so ordering
// stays monotonic and ties are broken by the event guid as usual.
// The instant must fit in a signed 64-bit count of nanoseconds: 1677-09-21T00:12:43.145224192Z
// to 2262-04-11T23:47:16.854775807Z.
class Timestamp final {
public:
    // Error messages read: "timestamp '2026-01-01T10:00:00' is not RFC 3339: missing offset".
    [[nodiscard]] static Result<Timestamp> parse(QStringView text);
    [[nodiscard]] static Result<qint64> parseInstantNs(QStringView text);

    [[nodiscard]] static Timestamp fromNsSinceEpoch(qint64 ns, int offsetMinutes = 0);

    [[nodiscard]] qint64 nsSinceEpoch() const { return m_ns; }
    // The offset the text was written with, in minutes east of UTC.
    [[nodiscard]] int offsetMinutes() const { return m_offsetMinutes; }
    // The instant as a UTC QDateTime (millisecond precision: sub-millisecond digits dropped).
    [[nodiscard]] QDateTime toUtcDateTime() const;
    // The instant as written here: UTC with milliseconds ("2026-11-26T09:30:00.000Z").
    [[nodiscard]] QString toUtcMillisString() const;

    // Instants compare; the offset they were written with does not.
    friend bool operator==(const Timestamp &a, const Timestamp &b) { return a.m_ns == b.m_ns; }
    friend std::strong_ordering operator<=>(const Timestamp &a, const Timestamp &b)
    {
        return a.m_ns <=> b.m_ns;
    }

private:
    Timestamp(qint64 ns, int offsetMinutes)
        : m_ns(ns)
        , m_offsetMinutes(offsetMinutes)
    {
    }

    qint64 m_ns = 0;
    int m_offsetMinutes = 0;
};

// The timestamp of an event made here: `when` in UTC with milliseconds,
// "2026-11-26T09:30:00.000Z". An invalid QDateTime, or one outside the years 0000-9999 that
// RFC 3339 can write, gives an empty string (which no event accepts as its timestamp).
[[nodiscard]] QString formatUtcMillis(const QDateTime &when);

} // namespace fieldledger::core
