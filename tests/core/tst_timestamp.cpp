#include "core/events/timestamp.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

template<typename T>
QByteArray messageOf(const Result<T> &result)
{
    return result.has_value() ? QByteArray("(no error)") : result.error().message.toUtf8();
}

constexpr qint64 second = 1'000'000'000;

} // namespace

class TestTimestamp final : public QObject {
    Q_OBJECT
private slots:
    void parse_validText_givesInstant_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ns");
        QTest::addColumn<int>("offsetMinutes");
        // Reference instants computed independently (Python datetime).
        QTest::newRow("epoch") << u"1970-01-01T00:00:00Z"_s << qint64(0) << 0;
        QTest::newRow("before epoch") << u"1969-12-31T23:59:59Z"_s << -second << 0;
        QTest::newRow("Z") << u"2026-01-01T08:00:00Z"_s << qint64(1767254400) * second << 0;
        QTest::newRow("made here, millis")
            << u"2026-11-26T09:30:00.000Z"_s << qint64(1795685400) * second << 0;
        QTest::newRow("+02:00") << u"2026-01-01T10:00:00+02:00"_s << qint64(1767254400) * second << 120;
        QTest::newRow("+05:30 on a leap day")
            << u"2024-02-29T12:00:00+05:30"_s << qint64(1709188200) * second << 330;
        QTest::newRow("-08:00") << u"2025-06-30T23:59:59-08:00"_s << qint64(1751356799) * second << -480;
        QTest::newRow("-00:00 means UTC")
            << u"2026-01-01T08:00:00-00:00"_s << qint64(1767254400) * second << 0;
        QTest::newRow("+23:59") << u"2026-01-01T23:59:00+23:59"_s << qint64(1767225600) * second << 1439;
        QTest::newRow("lower-case t and z") << u"2026-01-01t08:00:00z"_s << qint64(1767254400) * second << 0;
        QTest::newRow("fraction 1 digit") << u"1970-01-01T00:00:00.5Z"_s << qint64(500'000'000) << 0;
        QTest::newRow("fraction 3 digits") << u"1970-01-01T00:00:01.250Z"_s << qint64(1'250'000'000) << 0;
        QTest::newRow("fraction 6 digits") << u"1970-01-01T00:00:00.000001Z"_s << qint64(1000) << 0;
        QTest::newRow("fraction 9 digits") << u"1970-01-01T00:00:00.123456789Z"_s << qint64(123456789) << 0;
        QTest::newRow("fraction before epoch") << u"1969-12-31T23:59:59.9Z"_s << qint64(-100'000'000) << 0;
        QTest::newRow("2000-03-01") << u"2000-03-01T00:00:00Z"_s << qint64(951868800) * second << 0;
        QTest::newRow("leap day 2000") << u"2000-02-29T00:00:00Z"_s << qint64(951782400) * second << 0;
        QTest::newRow("latest") << u"2262-04-11T23:47:16.854775807Z"_s << std::numeric_limits<qint64>::max()
                                << 0;
        QTest::newRow("earliest") << u"1677-09-21T00:12:43.145224192Z"_s << std::numeric_limits<qint64>::min()
                                  << 0;
        // A leap second is the last nanosecond of its minute, whatever its fraction.
        QTest::newRow("leap second") << u"2016-12-31T23:59:60Z"_s << (qint64(1483228800) * second - 1) << 0;
        QTest::newRow("leap second, fraction")
            << u"2016-12-31T23:59:60.5Z"_s << (qint64(1483228800) * second - 1) << 0;
        QTest::newRow("leap second, offset")
            << u"2017-01-01T05:29:60+05:30"_s << (qint64(1483228800) * second - 1) << 330;
    }
    void parse_validText_givesInstant()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ns);
        QFETCH(int, offsetMinutes);
        const auto timestamp = Timestamp::parse(text);
        QVERIFY2(timestamp.has_value(), messageOf(timestamp).constData());
        QCOMPARE(timestamp->nsSinceEpoch(), ns);
        QCOMPARE(timestamp->offsetMinutes(), offsetMinutes);
        QCOMPARE(Timestamp::parseInstantNs(text).value_or(-1), ns);
    }

    void parse_invalidText_saysWhy_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString() << u"empty"_s;
        QTest::newRow("missing offset")
            << u"2026-01-01T10:00:00"_s << u"missing offset ('Z' or +HH:MM / -HH:MM)"_s;
        QTest::newRow("missing offset after fraction")
            << u"2026-01-01T10:00:00.123"_s << u"missing offset ('Z' or +HH:MM / -HH:MM)"_s;
        QTest::newRow("date only") << u"2026-01-01"_s << u"missing time (a date alone is not a timestamp)"_s;
        QTest::newRow("space separator")
            << u"2026-01-01 10:00:00Z"_s << u"date and time must be separated by 'T', not a space"_s;
        QTest::newRow("other separator")
            << u"2026-01-01X10:00:00Z"_s << u"expected 'T' between date and time at position 10, found 'X'"_s;
        QTest::newRow("2-digit year")
            << u"26-01-01T10:00:00Z"_s << u"expected a 4-digit year at position 0"_s;
        QTest::newRow("5-digit year")
            << u"20260-01-01T10:00:00Z"_s << u"expected '-' after the year at position 4, found '0'"_s;
        QTest::newRow("1-digit month")
            << u"2026-1-01T10:00:00Z"_s << u"expected a 2-digit month at position 5"_s;
        QTest::newRow("month 13") << u"2026-13-01T10:00:00Z"_s << u"month 13 is out of range 01-12"_s;
        QTest::newRow("month 00") << u"2026-00-01T10:00:00Z"_s << u"month 0 is out of range 01-12"_s;
        QTest::newRow("day 00") << u"2026-01-00T10:00:00Z"_s
                                << u"day 0 is out of range for 2026-01 (01-31)"_s;
        QTest::newRow("April 31") << u"2026-04-31T10:00:00Z"_s
                                  << u"day 31 is out of range for 2026-04 (01-30)"_s;
        QTest::newRow("2025-02-29") << u"2025-02-29T10:00:00Z"_s
                                    << u"day 29 is out of range for 2025-02 (01-28)"_s;
        QTest::newRow("1900-02-29") << u"1900-02-29T10:00:00Z"_s
                                    << u"day 29 is out of range for 1900-02 (01-28)"_s;
        QTest::newRow("hour 24") << u"2026-01-01T24:00:00Z"_s << u"hour 24 is out of range 00-23"_s;
        QTest::newRow("minute 60") << u"2026-01-01T10:60:00Z"_s << u"minute 60 is out of range 00-59"_s;
        QTest::newRow("second 61") << u"2026-01-01T10:00:61Z"_s << u"second 61 is out of range 00-60"_s;
        QTest::newRow("leap second not at 23:59 UTC")
            << u"2016-12-31T23:59:60+01:00"_s << u"second 60 (a leap second) can only occur at 23:59 UTC"_s;
        QTest::newRow("no seconds") << u"2026-01-01T10:00Z"_s
                                    << u"expected ':' after the minutes at position 16, found 'Z'"_s;
        QTest::newRow("empty fraction")
            << u"2026-01-01T10:00:00.Z"_s << u"expected digits after the decimal point at position 20"_s;
        QTest::newRow("fraction of 10 digits")
            << u"2026-01-01T10:00:00.1234567890Z"_s << u"the fraction of a second has more than 9 digits"_s;
        QTest::newRow("comma fraction")
            << u"2026-01-01T10:00:00,5Z"_s
            << u"expected 'Z' or an offset like +05:30 at position 19, found ','"_s;
        QTest::newRow("offset without colon")
            << u"2026-01-01T10:00:00+0530"_s << u"the offset must be +HH:MM or -HH:MM at position 22"_s;
        QTest::newRow("offset hours only")
            << u"2026-01-01T10:00:00+05"_s << u"the offset must be +HH:MM or -HH:MM at position 22"_s;
        QTest::newRow("offset hour 24")
            << u"2026-01-01T10:00:00+24:00"_s << u"offset hour 24 is out of range 00-23"_s;
        QTest::newRow("offset minute 60")
            << u"2026-01-01T10:00:00+05:60"_s << u"offset minute 60 is out of range 00-59"_s;
        QTest::newRow("trailing text")
            << u"2026-01-01T10:00:00Z[UTC]"_s << u"unexpected characters after the offset at position 20"_s;
        QTest::newRow("leading space")
            << u" 2026-01-01T10:00:00Z"_s << u"expected a 4-digit year at position 0"_s;
        QTest::newRow("non-ASCII digits")
            << u"\u0662\u0660\u0662\u0666-01-01T10:00:00Z"_s << u"expected a 4-digit year at position 0"_s;
        QTest::newRow("too late") << u"2262-04-11T23:47:17Z"_s
                                  << u"outside the representable range 1677-09-21 to 2262-04-11"_s;
        QTest::newRow("just too early") << u"1677-09-21T00:12:43.145224191Z"_s
                                        << u"outside the representable range 1677-09-21 to 2262-04-11"_s;
        QTest::newRow("just too late") << u"2262-04-11T23:47:16.854775808Z"_s
                                       << u"outside the representable range 1677-09-21 to 2262-04-11"_s;
        QTest::newRow("too early") << u"1000-01-01T00:00:00Z"_s
                                   << u"outside the representable range 1677-09-21 to 2262-04-11"_s;
    }
    void parse_invalidText_saysWhy()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const auto timestamp = Timestamp::parse(text);
        QVERIFY(!timestamp.has_value());
        QCOMPARE(timestamp.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(timestamp.error().message, u"timestamp '%1' is not RFC 3339: %2"_s.arg(text, reason));
    }

    void parse_longGarbage_isQuotedShortened()
    {
        const QString garbage(500, u'x');
        const auto timestamp = Timestamp::parse(garbage);
        QVERIFY(!timestamp.has_value());
        QVERIFY(timestamp.error().message.size() < 200);
        QVERIFY(timestamp.error().message.contains(QString(64, u'x') + u"...'"_s));
    }

    void ordering_isByInstantAcrossOffsets()
    {
        const auto plusTwo = Timestamp::parse(u"2026-01-01T10:00:00+02:00");
        const auto utc = Timestamp::parse(u"2026-01-01T08:00:00Z");
        const auto minusEight = Timestamp::parse(u"2026-01-01T00:00:00.001-08:00");
        QVERIFY(plusTwo && utc && minusEight);
        QVERIFY(*plusTwo == *utc);
        QVERIFY(!(*plusTwo < *utc));
        QVERIFY(*utc < *minusEight); // 08:00:00.001Z
        // Text order and instant order disagree here: the instant decides.
        const auto textEarlier = Timestamp::parse(u"2026-01-01T09:00:00+05:30"); // 03:30Z
        const auto textLater = Timestamp::parse(u"2026-01-01T08:00:00Z");
        QVERIFY(textEarlier && textLater);
        QVERIFY(u"2026-01-01T09:00:00+05:30"_s > u"2026-01-01T08:00:00Z"_s);
        QVERIFY(*textEarlier < *textLater);
    }

    void leapSecond_ordersAfterTheSecondBefore()
    {
        const auto before = Timestamp::parse(u"2016-12-31T23:59:59.999Z");
        const auto leap = Timestamp::parse(u"2016-12-31T23:59:60Z");
        const auto after = Timestamp::parse(u"2017-01-01T00:00:00Z");
        QVERIFY(before && leap && after);
        QVERIFY(*before < *leap);
        QVERIFY(*leap < *after);
    }

    void formatUtcMillis_writesUtcWithMilliseconds_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("expected");
        QTest::newRow("UTC") << QDateTime(QDate(2026, 11, 26), QTime(9, 30), Qt::UTC)
                             << u"2026-11-26T09:30:00.000Z"_s;
        QTest::newRow("millis kept") << QDateTime(QDate(2026, 11, 26), QTime(9, 30, 5, 7), Qt::UTC)
                                     << u"2026-11-26T09:30:05.007Z"_s;
        QTest::newRow("offset converted")
            << QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::OffsetFromUTC, 2 * 3600)
            << u"2026-01-01T08:00:00.000Z"_s;
        QTest::newRow("day rolls back")
            << QDateTime(QDate(2026, 1, 1), QTime(1, 0), Qt::OffsetFromUTC, 5 * 3600 + 1800)
            << u"2025-12-31T19:30:00.000Z"_s;
        QTest::newRow("before epoch") << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)
                                      << u"1969-12-31T23:59:59.999Z"_s;
        QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC)
                                  << u"2024-02-29T23:59:59.999Z"_s;
        QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC)
                                << u"0001-01-01T00:00:00.000Z"_s;
        QTest::newRow("invalid") << QDateTime() << QString();
        QTest::newRow("year 10000") << QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC) << QString();
    }
    void formatUtcMillis_writesUtcWithMilliseconds()
    {
        QFETCH(QDateTime, when);
        QFETCH(QString, expected);
        const QString text = formatUtcMillis(when);
        QCOMPARE(text, expected);
        if (!expected.isEmpty() && when.date().year() > 1677) {
            // What is written here parses back to the same instant.
            const auto parsed = Timestamp::parse(text);
            QVERIFY(parsed.has_value());
            QCOMPARE(parsed->nsSinceEpoch(), when.toMSecsSinceEpoch() * 1'000'000);
            QCOMPARE(parsed->toUtcDateTime(), when.toUTC());
        }
    }

    void formatUtcMillis_agreesWithQtOverManyDays()
    {
        // Every day over 1970..2100, at a changing time of day: the calendar arithmetic agrees
        // with QDateTime's.
        QDateTime when(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
        for (int day = 0; day < 47'500; ++day) {
            const QString ours = formatUtcMillis(when);
            const QString qts = when.toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s);
            if (ours != qts)
                QFAIL(qPrintable(ours + u" != "_s + qts));
            when = when.addMSecs(86'400'000 + 3'600'123);
        }
    }

    void toUtcMillisString_truncatesSubMilliseconds()
    {
        const auto timestamp = Timestamp::parse(u"2026-01-01T10:00:00.123999999+02:00");
        QVERIFY(timestamp.has_value());
        QCOMPARE(timestamp->toUtcMillisString(), u"2026-01-01T08:00:00.123Z"_s);
        const auto beforeEpoch = Timestamp::parse(u"1969-12-31T23:59:59.9999Z");
        QVERIFY(beforeEpoch.has_value());
        QCOMPARE(beforeEpoch->toUtcMillisString(), u"1969-12-31T23:59:59.999Z"_s);
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
