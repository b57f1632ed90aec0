#include "core/events/canonicaljson.h"
#include "core/events/jsonreader.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

// QVERIFY2 evaluates its message even when the check passes: never touch error() of a value.
template<typename T>
QByteArray messageOf(const Result<T> &result)
{
    return result.has_value() ? QByteArray("(no error)") : result.error().message.toUtf8();
}

QByteArray canonicalOf(const QByteArray &json)
{
    auto object = parseJsonObject(json);
    if (!object)
        return "parse error: " + object.error().message.toUtf8();
    auto bytes = canonicalJson(*object);
    if (!bytes)
        return "canonical error: " + bytes.error().message.toUtf8();
    return *bytes;
}

// Random JSON texts that exercise every way of spelling the same values: escapes for any
// character (surrogate pairs included), raw UTF-8, number spellings, whitespace, member order.
class RandomJson final {
public:
    explicit RandomJson(quint32 seed)
        : m_random(seed)
    {
    }

    QByteArray object(int depth = 0)
    {
        QByteArray text = "{" + space();
        const int count = int(m_random.bounded(depth > 3 ? 2 : 6));
        QStringList used;
        for (int i = 0; i < count; ++i) {
            QString name = randomText();
            if (used.contains(name))
                continue;
            used.append(name);
            if (!used.isEmpty() && used.size() > 1)
                text += "," + space();
            text += encode(name) + space() + ":" + space() + value(depth + 1) + space();
        }
        return text + "}";
    }

private:
    QByteArray space()
    {
        static const char *const spaces[] = {"", "", "", " ", "\n", "\t ", "\r\n  "};
        return spaces[m_random.bounded(int(std::size(spaces)))];
    }

    QByteArray value(int depth)
    {
        switch (m_random.bounded(depth > 3 ? 5 : 7)) {
        case 0:
            return encode(randomText());
        case 1:
            return number();
        case 2:
            return number();
        case 3: {
            static const char *const literals[] = {"true", "false", "null"};
            return literals[m_random.bounded(3)];
        }
        case 4:
            return encode(randomText());
        case 5:
            return object(depth);
        default: {
            QByteArray text = "[" + space();
            const int count = int(m_random.bounded(4));
            for (int i = 0; i < count; ++i)
                text += (i ? "," : "") + space() + value(depth + 1);
            return text + space() + "]";
        }
        }
    }

    QByteArray number()
    {
        static const char *const spellings[] = {
            "0",
            "-0",
            "0.0",
            "-0.0e5",
            "1",
            "-1",
            "1.0",
            "1e2",
            "1E+2",
            "100e-2",
            "0.5e-6",
            "4.50",
            "2e-3",
            "123456789012345",
            "-999999999999999",
            "9007199254740992",
            "9007199254740993.0",
            "1152921504606847000",
            "1152921504606846976",
            "295147905179352830000",
            "1e21",
            "1e+21",
            "999999999999999900000",
            "1e-7",
            "0.000001",
            "333333333.33333329",
            "1E30",
            "0.000000000000000000000000001",
            "5e-324",
            "1.7976931348623157e308",
        };
        if (m_random.bounded(3) == 0) {
            const double value =
                (m_random.generateDouble() - 0.5) * std::pow(10.0, int(m_random.bounded(40)) - 20);
            return QByteArray::number(value, 'g', 17);
        }
        return spellings[m_random.bounded(int(std::size(spellings)))];
    }

    QString randomText()
    {
        static const char32_t alphabet[] = {u'a',   u'b',   u'Z',   u'1',    u' ',    u'"',    u'\\',
                                            u'/',   0x00,   0x08,   0x09,    0x0A,    0x0C,    0x0D,
                                            0x1F,   0x7F,   0x80,   0xE9,    0xF6,    0x20AC,  0x2028,
                                            0xE000, 0xFB33, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
        QString text;
        const int length = int(m_random.bounded(5));
        for (int i = 0; i < length; ++i)
            text += QString::fromUcs4(&alphabet[m_random.bounded(int(std::size(alphabet)))], 1);
        return text;
    }

    // A JSON string literal for `text`, each character spelled one of the valid ways at random.
    QByteArray encode(const QString &text)
    {
        QByteArray out = "\"";
        for (const char32_t c : text.toUcs4()) {
            const bool mustEscape = c < 0x20 || c == u'"' || c == u'\\';
            const int choice = int(m_random.bounded(3));
            if (!mustEscape && choice == 0) {
                out += QString::fromUcs4(&c, 1).toUtf8();
            } else if (c == u'/' && choice == 1) {
                out += "\\/";
            } else if ((c == u'"' || c == u'\\' || c == u'\n' || c == u'\t') && choice == 1) {
                out += c == u'"' ? "\\\"" : c == u'\\' ? "\\\\" : c == u'\n' ? "\\n" : "\\t";
            } else if (c >= 0x10000) {
                const char16_t high = char16_t(0xD800 + ((c - 0x10000) >> 10));
                const char16_t low = char16_t(0xDC00 + ((c - 0x10000) & 0x3FF));
                out += "\\u" + QByteArray::number(high, 16) + "\\u" + QByteArray::number(low, 16).toUpper();
            } else if (mustEscape || choice != 0) {
                out += "\\u" + QByteArray::number(uint(c), 16).rightJustified(4, '0');
            }
        }
        return out + "\"";
    }

    QRandomGenerator m_random;
};

} // namespace

class TestCanonicalJson final : public QObject {
    Q_OBJECT
private slots:
    // RFC 8785 Appendix B: IEEE 754 bit patterns and their JCS text.
    void number_rfc8785AppendixB_data()
    {
        QTest::addColumn<quint64>("bits");
        QTest::addColumn<QByteArray>("expected");
        const struct {
            quint64 bits;
            const char *text;
        } rows[] = {
            {0x0000000000000000, "0"},
            {0x8000000000000000, "0"},
            {0x0000000000000001, "5e-324"},
            {0x8000000000000001, "-5e-324"},
            {0x7fefffffffffffff, "1.7976931348623157e+308"},
            {0xffefffffffffffff, "-1.7976931348623157e+308"},
            {0x4340000000000000, "9007199254740992"},
            {0xc340000000000000, "-9007199254740992"},
            {0x4430000000000000, "295147905179352830000"},
            {0x44b52d02c7e14af5, "9.999999999999997e+22"},
            {0x44b52d02c7e14af6, "1e+23"},
            {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
            {0x444b1ae4d6e2ef4e, "999999999999999700000"},
            {0x444b1ae4d6e2ef4f, "999999999999999900000"},
            {0x444b1ae4d6e2ef50, "1e+21"},
            {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
            {0x3eb0c6f7a0b5ed8d, "0.000001"},
            {0x41b3de4355555553, "333333333.3333332"},
            {0x41b3de4355555554, "333333333.33333325"},
            {0x41b3de4355555555, "333333333.3333333"},
            {0x41b3de4355555556, "333333333.3333334"},
            {0x41b3de4355555557, "333333333.33333343"},
            {0xbecbf647612f3696, "-0.0000033333333333333333"},
            {0x43143ff3c1cb0959, "1424953923781206.2"},
        };
        for (const auto &row : rows)
            QTest::addRow("%016llx", static_cast<unsigned long long>(row.bits))
                << quint64(row.bits) << QByteArray(row.text);
    }
    void number_rfc8785AppendixB()
    {
        QFETCH(quint64, bits);
        QFETCH(QByteArray, expected);
        const double value = std::bit_cast<double>(bits);
        const auto text = canonicalNumber(value);
        QVERIFY2(text.has_value(), messageOf(text).constData());
        QCOMPARE(*text, expected);
        // The same through a QJsonValue, as it sits inside events.
        const auto viaJson = canonicalJson(QJsonValue(value));
        QVERIFY(viaJson.has_value());
        QCOMPARE(*viaJson, expected);
    }

    // ECMA-262 Number::toString layout rules at their boundaries.
    void number_ecmascriptLayout_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("4.50") << 4.50 << QByteArray("4.5");
        QTest::newRow("2e-3") << 2e-3 << QByteArray("0.002");
        QTest::newRow("1e-6 plain") << 1e-6 << QByteArray("0.000001");
        QTest::newRow("1e-7 exponent") << 1e-7 << QByteArray("1e-7");
        QTest::newRow("1.5e-7") << 1.5e-7 << QByteArray("1.5e-7");
        QTest::newRow("1e20 plain") << 1e20 << QByteArray("100000000000000000000");
        QTest::newRow("1e21 exponent") << 1e21 << QByteArray("1e+21");
        QTest::newRow("1e30") << 1e30 << QByteArray("1e+30");
        QTest::newRow("1e-27") << 1e-27 << QByteArray("1e-27");
        QTest::newRow("-0") << -0.0 << QByteArray("0");
        QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
        QTest::newRow("0.1+0.2") << (0.1 + 0.2) << QByteArray("0.30000000000000004");
        QTest::newRow("-1.25") << -1.25 << QByteArray("-1.25");
        QTest::newRow("123456.789") << 123456.789 << QByteArray("123456.789");
        QTest::newRow("integer 42") << 42.0 << QByteArray("42");
        QTest::newRow("2^53+2") << 9007199254740994.0 << QByteArray("9007199254740994");
        QTest::newRow("2^60") << 1152921504606846976.0 << QByteArray("1152921504606847000");
        QTest::newRow("1.5e300") << 1.5e300 << QByteArray("1.5e+300");
        QTest::newRow("max") << std::numeric_limits<double>::max() << QByteArray("1.7976931348623157e+308");
    }
    void number_ecmascriptLayout()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, expected);
        const auto text = canonicalNumber(value);
        QVERIFY(text.has_value());
        QCOMPARE(*text, expected);
    }

    void number_nonFinite_isError_data()
    {
        QTest::addColumn<double>("value");
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("+Infinity") << std::numeric_limits<double>::infinity();
        QTest::newRow("-Infinity") << -std::numeric_limits<double>::infinity();
    }
    void number_nonFinite_isError()
    {
        QFETCH(double, value);
        QVERIFY(!canonicalNumber(value).has_value());
        const auto nested = canonicalJson(QJsonObject{{u"a"_s, QJsonArray{1, QJsonObject{{u"b"_s, value}}}}});
        QVERIFY(!nested.has_value());
        QCOMPARE(nested.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(nested.error().message.contains(u"(at /a/1/b)"_s), messageOf(nested).constData());
    }

    void integer_heldByQtBeyondDouble_isErrorUnlessItIsTheJcsSpelling()
    {
        // 2^53 + 1: the double would silently become 2^53.
        const auto inexact = canonicalJson(QJsonValue(qint64(9007199254740993)));
        QVERIFY(!inexact.has_value());
        QVERIFY2(inexact.error().message.contains(u"9007199254740993"_s), messageOf(inexact).constData());
        // 2^60 exactly, and 2^60 as JCS spells it (what a re-read canonical text holds).
        QCOMPARE(canonicalJson(QJsonValue(qint64(1152921504606846976))).value_or(""), "1152921504606847000");
        QCOMPARE(canonicalJson(QJsonValue(qint64(1152921504606847000))).value_or(""), "1152921504606847000");
        QCOMPARE(canonicalJson(QJsonValue(qint64(-9007199254740992))).value_or(""), "-9007199254740992");
    }

    // RFC 8785 §3.2.2 / §3.2.3: the sample object and its canonical text.
    void rfc8785_sampleObject()
    {
        const QByteArray input = R"({
  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
})";
        const QByteArray expected =
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,"
            "1e-27],\"string\":\"\xE2\x82\xAC$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        QCOMPARE(canonicalOf(input), expected);
    }

    // RFC 8785 §3.2.3: member names sorted by UTF-16 code units (the emoji, a surrogate pair,
    // sorts before U+FB33 although its code point is larger).
    void rfc8785_sortingExample()
    {
        const QByteArray input = R"({
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
})";
        const QByteArray expected = "{\"\\r\":\"Carriage Return\","
                                    "\"1\":\"One\","
                                    "\"\xC2\x80\":\"Control\","
                                    "\"\xC3\xB6\":\"Latin Small Letter O With Diaeresis\","
                                    "\"\xE2\x82\xAC\":\"Euro Sign\","
                                    "\"\xF0\x9F\x98\x80\":\"Emoji: Grinning Face\","
                                    "\"\xEF\xAC\xB3\":\"Hebrew Letter Dalet With Dagesh\"}";
        QCOMPARE(canonicalOf(input), expected);
    }

    void keyOrder_isUtf16CodeUnits()
    {
        QVERIFY(jcsKeyLess(u"a", u"b"));
        QVERIFY(jcsKeyLess(u"B", u"a"));               // upper case first
        QVERIFY(jcsKeyLess(u"ab", u"abc"));            // prefix first
        QVERIFY(jcsKeyLess(u"\U0001F600", u"\uFB33")); // surrogate 0xD83D < 0xFB33
        QVERIFY(!jcsKeyLess(u"a", u"a"));
        QVERIFY(jcsKeyLess(u"peach", u"p\u00e9ch\u00e9"));
        QVERIFY(jcsKeyLess(u"p\u00e9ch\u00e9", u"p\u00eache"));
        QVERIFY(jcsKeyLess(u"p\u00eache", u"sin"));
    }

    void objects_sortedAtEveryDepth_arraysKeepOrder()
    {
        QCOMPARE(canonicalOf(R"({"b":{"d":1,"c":[{"z":0,"y":1}]},"a":null})"),
                 R"({"a":null,"b":{"c":[{"y":1,"z":0}],"d":1}})");
        QCOMPARE(canonicalOf("{ \"b\" : [3, 1, 2] ,\r\n\t\"a\" : { } }"), R"({"a":{},"b":[3,1,2]})");
    }

    void strings_escapedAsJcsSays_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << u"abc"_s << QByteArray(R"("abc")");
        QTest::newRow("quote") << u"a\"b"_s << QByteArray("\"a\\\"b\"");
        QTest::newRow("backslash") << u"a\\b"_s << QByteArray(R"("a\\b")");
        QTest::newRow("slash literal") << u"a/b"_s << QByteArray(R"("a/b")");
        QTest::newRow("backspace") << u"\b"_s << QByteArray(R"("\b")");
        QTest::newRow("tab") << u"\t"_s << QByteArray(R"("\t")");
        QTest::newRow("newline") << u"\n"_s << QByteArray(R"("\n")");
        QTest::newRow("form feed") << u"\f"_s << QByteArray(R"("\f")");
        QTest::newRow("carriage return") << u"\r"_s << QByteArray(R"("\r")");
        QTest::newRow("NUL") << QString(QChar(0)) << QByteArray(R"("\u0000")");
        QTest::newRow("U+000F lower-case hex") << QString(QChar(0x0f)) << QByteArray(R"("\u000f")");
        QTest::newRow("U+001F") << QString(QChar(0x1f)) << QByteArray(R"("\u001f")");
        QTest::newRow("DEL literal") << QString(QChar(0x7f)) << QByteArray("\"\x7f\"");
        QTest::newRow("U+0080 literal") << QString(QChar(0x80)) << QByteArray("\"\xC2\x80\"");
        QTest::newRow("e acute") << u"\u00e9"_s << QByteArray("\"\xC3\xA9\"");
        QTest::newRow("U+2028 literal") << u"\u2028"_s << QByteArray("\"\xE2\x80\xA8\"");
        QTest::newRow("U+FFFF") << u"\uFFFF"_s << QByteArray("\"\xEF\xBF\xBF\"");
        QTest::newRow("emoji") << u"\U0001F600"_s << QByteArray("\"\xF0\x9F\x98\x80\"");
        QTest::newRow("U+10FFFF") << u"\U0010FFFF"_s << QByteArray("\"\xF4\x8F\xBF\xBF\"");
    }
    void strings_escapedAsJcsSays()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, expected);
        const auto bytes = canonicalJson(QJsonValue(text));
        QVERIFY(bytes.has_value());
        QCOMPARE(*bytes, expected);
    }

    void strings_loneSurrogate_isError_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("high alone") << QString(QChar(0xD83D));
        QTest::newRow("high then letter") << (QString(QChar(0xD83D)) + u'a');
        QTest::newRow("low alone") << QString(QChar(0xDE00));
        QTest::newRow("low then high") << (QString(QChar(0xDE00)) + QChar(0xD83D));
    }
    void strings_loneSurrogate_isError()
    {
        QFETCH(QString, text);
        const auto asValue = canonicalJson(QJsonValue(text));
        QVERIFY(!asValue.has_value());
        QVERIFY2(asValue.error().message.contains(u"lone UTF-16 surrogate"_s),
                 messageOf(asValue).constData());
        QVERIFY(!canonicalJson(QJsonObject{{text, 1}}).has_value()); // as a member name too
    }

    void literals_andEmptyContainers()
    {
        QCOMPARE(canonicalJson(QJsonValue(true)).value_or(""), "true");
        QCOMPARE(canonicalJson(QJsonValue(false)).value_or(""), "false");
        QCOMPARE(canonicalJson(QJsonValue(QJsonValue::Null)).value_or(""), "null");
        QCOMPARE(canonicalJson(QJsonObject()).value_or(""), "{}");
        QCOMPARE(canonicalJson(QJsonArray()).value_or(""), "[]");
        QVERIFY(!canonicalJson(QJsonValue(QJsonValue::Undefined)).has_value());
    }

    void canonicalText_isAFixedPoint()
    {
        const QByteArray input = R"({"z":[1.0,2e2,-0,0.5e-6,1E21],"a":{"y":"\u00e9\/","x":true}})";
        const QByteArray once = canonicalOf(input);
        QCOMPARE(once, R"({"a":{"x":true,"y":"é/"},"z":[1,200,0,5e-7,1e+21]})");
        QCOMPARE(canonicalOf(once), once);
    }

    // parseJsonObject ---------------------------------------------------------------------

    void parse_rejects_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray("") << u"empty JSON text"_s;
        QTest::newRow("blank") << QByteArray(" \n ") << u"empty JSON text"_s;
        QTest::newRow("array") << QByteArray("[1,2]") << u"the JSON text is an array, not an object"_s;
        QTest::newRow("number") << QByteArray("42") << u"the JSON text is a number, not an object"_s;
        QTest::newRow("string") << QByteArray("\"x\"") << u"the JSON text is a string, not an object"_s;
        QTest::newRow("null") << QByteArray("null") << u"the JSON text is null, not an object"_s;
        QTest::newRow("unterminated object")
            << QByteArray("{\"a\":1")
            << u"malformed JSON at byte 6: unexpected end of text, expected ',' or '}'"_s;
        QTest::newRow("trailing comma")
            << QByteArray("{\"a\":1,}")
            << u"malformed JSON at byte 7: unexpected '}', expected a member name"_s;
        QTest::newRow("missing colon")
            << QByteArray("{\"a\" 1}")
            << u"malformed JSON at byte 5: unexpected '1', expected ':' after the member name"_s;
        QTest::newRow("single quotes")
            << QByteArray("{'a':1}")
            << u"malformed JSON at byte 1: unexpected ''', expected a member name or '}'"_s;
        QTest::newRow("bad literal") << QByteArray("{\"a\":tru}")
                                     << u"malformed JSON at byte 5: invalid literal, expected 'true'"_s;
        QTest::newRow("leading zero") << QByteArray("{\"a\":01}")
                                      << u"malformed JSON at byte 6: a number must not have leading zeros"_s;
        QTest::newRow("bare minus") << QByteArray("{\"a\":-}")
                                    << u"malformed JSON at byte 6: unexpected '}', expected a digit"_s;
        QTest::newRow("dot without digits")
            << QByteArray("{\"a\":1.}")
            << u"malformed JSON at byte 7: unexpected '}', expected a digit after the decimal point"_s;
        QTest::newRow("leading dot") << QByteArray("{\"a\":.5}")
                                     << u"malformed JSON at byte 5: unexpected '.', expected a value"_s;
        QTest::newRow("empty exponent")
            << QByteArray("{\"a\":1e}")
            << u"malformed JSON at byte 7: unexpected '}', expected a digit in the exponent"_s;
        QTest::newRow("NaN literal") << QByteArray("{\"a\":NaN}")
                                     << u"malformed JSON at byte 5: unexpected 'N', expected a value"_s;
        QTest::newRow("trailing data") << QByteArray("{\"a\":1} {}")
                                       << u"malformed JSON at byte 8: unexpected '{' after the JSON value"_s;
        QTest::newRow("unterminated string")
            << QByteArray("{\"a\":\"xyz") << u"malformed JSON at byte 5: unterminated string"_s;
        QTest::newRow("raw newline in string")
            << QByteArray("{\"a\":\"x\ny\"}")
            << u"malformed JSON at byte 7: unescaped control character U+000a in a string"_s;
        QTest::newRow("bad escape") << QByteArray("{\"a\":\"\\x\"}")
                                    << u"malformed JSON at byte 6: invalid escape sequence '\\x'"_s;
        QTest::newRow("short unicode escape")
            << QByteArray("{\"a\":\"\\u12\"}")
            << u"malformed JSON at byte 6: invalid \\u escape: four hex digits expected"_s;
        QTest::newRow("lone high surrogate")
            << QByteArray("{\"a\":\"\\ud83d\"}")
            << u"malformed JSON at byte 6: lone surrogate \\ud83d in a string"_s;
        QTest::newRow("lone low surrogate")
            << QByteArray("{\"a\":\"\\ude00x\"}")
            << u"malformed JSON at byte 6: lone surrogate \\ude00 in a string"_s;
        QTest::newRow("invalid UTF-8")
            << QByteArray("{\"a\":\"\xff\"}") << u"malformed JSON at byte 6: invalid UTF-8 in a string"_s;
        QTest::newRow("overlong UTF-8")
            << QByteArray("{\"a\":\"\xC0\xAF\"}") << u"malformed JSON at byte 6: invalid UTF-8 in a string"_s;
        QTest::newRow("UTF-8 surrogate") << QByteArray("{\"a\":\"\xED\xA0\x80\"}")
                                         << u"malformed JSON at byte 6: invalid UTF-8 in a string"_s;
        QTest::newRow("truncated UTF-8")
            << QByteArray("{\"a\":\"\xE2\x82") << u"malformed JSON at byte 6: invalid UTF-8 in a string"_s;
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF{}")
                                         << u"malformed JSON at byte 0: a byte order mark is not allowed"_s;
        QTest::newRow("number overflow")
            << QByteArray("{\"a\":1e400}")
            << u"malformed JSON at byte 5: number 1e400 is beyond the IEEE double range"_s;
        QTest::newRow("number overflow near max")
            << QByteArray("{\"a\":1.8e308}")
            << u"malformed JSON at byte 5: number 1.8e308 is beyond the IEEE double range"_s;
        QTest::newRow("number underflow")
            << QByteArray("{\"a\":1e-400}")
            << u"malformed JSON at byte 5: number 1e-400 is too small for an IEEE double (it would read as 0)"_s;
        QTest::newRow("number underflow near min")
            << QByteArray("{\"a\":-2e-324}")
            << u"malformed JSON at byte 5: number -2e-324 is too small for an IEEE double (it would read as 0)"_s;
        QTest::newRow("30-digit integer")
            << QByteArray("{\"a\":123456789012345678901234567890}")
            << u"malformed JSON at byte 5: integer 123456789012345678901234567890 cannot be represented exactly as an IEEE double (nearest: 1.2345678901234568e+29); write it as a string"_s;
        QTest::newRow("inexact integer")
            << QByteArray("{\"id\":12345678901234567}")
            << u"malformed JSON at byte 6: integer 12345678901234567 cannot be represented exactly as an IEEE double (nearest: 12345678901234568); write it as a string"_s;
        QTest::newRow("duplicate name")
            << QByteArray("{\"a\":1,\"b\":2,\"a\":3}") << u"duplicate member name 'a' at byte 13"_s;
        QTest::newRow("duplicate via escape")
            << QByteArray("{\"a\":1,\"\\u0061\":2}") << u"duplicate member name 'a' at byte 7"_s;
        QTest::newRow("duplicate nested")
            << QByteArray("{\"x\":{\"k\":1,\"k\":1}}") << u"duplicate member name 'k' at byte 12"_s;
    }
    void parse_rejects()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        const auto result = parseJsonObject(input);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(result.error().message, message);
    }

    void parse_accepts_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("CRLF line") << QByteArray("{\"a\":1}\r\n") << QByteArray(R"({"a":1})");
        QTest::newRow("empty object") << QByteArray("{}") << QByteArray("{}");
        QTest::newRow("escaped slash") << QByteArray(R"({"a":"\/"})") << QByteArray(R"({"a":"/"})");
        QTest::newRow("surrogate pair escape")
            << QByteArray(R"({"a":"\ud83d\ude00"})") << QByteArray("{\"a\":\"\xF0\x9F\x98\x80\"}");
        QTest::newRow("raw UTF-8") << QByteArray("{\"\xC3\xA9\":\"\xE2\x82\xAC\xF0\x9F\x98\x80\"}")
                                   << QByteArray("{\"\xC3\xA9\":\"\xE2\x82\xAC\xF0\x9F\x98\x80\"}");
        QTest::newRow("smallest denormal") << QByteArray(R"({"a":3e-324})") << QByteArray(R"({"a":5e-324})");
        QTest::newRow("denormal 1e-310") << QByteArray(R"({"a":1e-310})") << QByteArray(R"({"a":1e-310})");
        QTest::newRow("denormal") << QByteArray(R"({"a":5e-324})") << QByteArray(R"({"a":5e-324})");
        QTest::newRow("2^53 exactly")
            << QByteArray(R"({"a":9007199254740992})") << QByteArray(R"({"a":9007199254740992})");
        QTest::newRow("2^60 exactly")
            << QByteArray(R"({"a":1152921504606846976})") << QByteArray(R"({"a":1152921504606847000})");
        QTest::newRow("2^60 as JCS writes it")
            << QByteArray(R"({"a":1152921504606847000})") << QByteArray(R"({"a":1152921504606847000})");
        QTest::newRow("2^68 as JCS writes it")
            << QByteArray(R"({"a":295147905179352830000})") << QByteArray(R"({"a":295147905179352830000})");
        QTest::newRow("long fraction rounds")
            << QByteArray(R"({"a":0.12345678901234567890})") << QByteArray(R"({"a":0.12345678901234568})");
        QTest::newRow("max double") << QByteArray(R"({"a":1.7976931348623157e308})")
                                    << QByteArray(R"({"a":1.7976931348623157e+308})");
        QTest::newRow("zero with huge exponent")
            << QByteArray(R"({"a":0e99999})") << QByteArray(R"({"a":0})");
        QTest::newRow("same names in sibling objects")
            << QByteArray(R"({"x":{"k":1},"y":{"k":2}})") << QByteArray(R"({"x":{"k":1},"y":{"k":2}})");
    }
    void parse_accepts()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, canonical);
        QCOMPARE(canonicalOf(input), canonical);
    }

    void parse_depth_limitCountsTheOuterObject()
    {
        auto nested = [](int depth) {
            QByteArray text;
            for (int i = 0; i < depth; ++i)
                text += i == 0 ? "{\"a\":" : "[";
            text += "1";
            for (int i = depth - 1; i >= 0; --i)
                text += i == 0 ? "}" : "]";
            return text;
        };
        QVERIFY(parseJsonObject(nested(64)).has_value());
        const auto tooDeep = parseJsonObject(nested(65));
        QVERIFY(!tooDeep.has_value());
        QCOMPARE(tooDeep.error().message, u"JSON nested deeper than 64 levels at byte 68"_s);
        QVERIFY(parseJsonObject(nested(3), 3).has_value());
        QVERIFY(!parseJsonObject(nested(4), 3).has_value());
    }

    void parse_depth10000_isRefusedWithoutRecursion()
    {
        const QByteArray hostile = "{\"a\":" + QByteArray(10000, '[') + QByteArray(10000, ']') + "}";
        const auto result = parseJsonObject(hostile);
        QVERIFY(!result.has_value());
        QVERIFY2(result.error().message.startsWith(u"JSON nested deeper than 64 levels"_s),
                 messageOf(result).constData());
        // Even with the limit lifted the scanner does not recurse (Qt's own parser stops at 1024).
        const auto lifted = parseJsonObject(hostile, 100000, hostile.size());
        QVERIFY(!lifted.has_value());
    }

    void parse_tooLarge_isRefusedBeforeParsing()
    {
        const QByteArray big(8 * 1024 * 1024, ' ');
        QElapsedTimer timer;
        timer.start();
        const auto result = parseJsonObject(big);
        QVERIFY(timer.elapsed() < 100);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().message, u"JSON text of 8388608 bytes exceeds the limit of 1048576 bytes"_s);
        QVERIFY(!parseJsonObject("{\"a\":\"0123456789\"}", 64, 10).has_value());
        QVERIFY(parseJsonObject("{\"a\":\"01234567\"}", 64, 16).has_value());
    }

    void parse_duplicateInLargeObject_isFound()
    {
        QByteArray text = "{";
        for (int i = 0; i < 500; ++i)
            text += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ",";
        text += "\"k250\":0}";
        const auto result = parseJsonObject(text);
        QVERIFY(!result.has_value());
        QVERIFY2(result.error().message.startsWith(u"duplicate member name 'k250' at byte "_s),
                 messageOf(result).constData());
        text.replace("\"k250\":0}", "\"k500\":0}");
        QVERIFY(parseJsonObject(text).has_value());
    }

    // The canonical text written from the input bytes equals canonicalJson() of the parsed
    // object, whatever the spelling: two independent writers that must agree byte for byte.
    void parseCanonical_equalsCanonicalJsonOfTheObject_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("rfc sample") << QByteArray(
            "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
            "\"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
            "\"literals\": [null, true, false]}");
        QTest::newRow("rfc sorting") << QByteArray(
            R"({"\u20ac":1,"\r":2,"\ufb33":3,"1":4,"\ud83d\ude00":5,"\u0080":6,"\u00f6":7})");
        QTest::newRow("raw sorting") << QByteArray(
            "{\"\xEF\xAC\xB3\":1,\"\xF0\x9F\x98\x80\":2,\"\xEE\x80\x80\":3,\"\xED\x9F\xBF\":4}");
        QTest::newRow("escaped name sorts by its value") << QByteArray(R"({"b":1,"\u0061":2,"\u0063":3})");
        RandomJson random(20261126);
        for (int i = 0; i < 3000; ++i)
            QTest::addRow("random %d", i) << random.object();
    }
    void parseCanonical_equalsCanonicalJsonOfTheObject()
    {
        QFETCH(QByteArray, input);
        const auto parsed = parseJsonObjectCanonical(input);
        QVERIFY2(parsed.has_value(), messageOf(parsed).constData());
        const auto expected = canonicalJson(parsed->object);
        QVERIFY(expected.has_value());
        QCOMPARE(parsed->canonical, *expected);
        // And the canonical text is a fixed point of both writers.
        const auto again = parseJsonObjectCanonical(parsed->canonical);
        QVERIFY(again.has_value());
        QCOMPARE(again->canonical, parsed->canonical);
    }

    void parseCanonical_omitsTopLevelMembersOnly()
    {
        static constexpr QByteArrayView omit[] = {"syncLevel", "id"};
        const auto parsed =
            parseJsonObjectCanonical(R"({"id":7,"a":{"id":1,"syncLevel":2},"sync\u004cevel":1,"b":0})", omit);
        QVERIFY2(parsed.has_value(), messageOf(parsed).constData());
        QCOMPARE(parsed->canonical, R"({"a":{"id":1,"syncLevel":2},"b":0})");
        QCOMPARE(parsed->object.size(), 4); // the object keeps them
    }

    void parseCanonical_refusesLikeParse()
    {
        QCOMPARE(parseJsonObjectCanonical("{\"a\":1,\"a\":2}").error().message,
                 u"duplicate member name 'a' at byte 7"_s);
        QCOMPARE(parseJsonObjectCanonical("[]").error().message,
                 u"the JSON text is an array, not an object"_s);
    }

    void parse_keepsValues()
    {
        const auto object =
            parseJsonObject(R"({"s":"x\ty","n":-1.5,"i":7,"b":false,"z":null,"a":[1,"2"],"o":{}})");
        QVERIFY(object.has_value());
        QCOMPARE(object->value(u"s"_s).toString(), u"x\ty"_s);
        QCOMPARE(object->value(u"n"_s).toDouble(), -1.5);
        QCOMPARE(object->value(u"i"_s).toInteger(), 7);
        QCOMPARE(object->value(u"b"_s).toBool(true), false);
        QVERIFY(object->value(u"z"_s).isNull());
        QCOMPARE(object->value(u"a"_s).toArray().size(), 2);
        QVERIFY(object->value(u"o"_s).isObject());
    }
};

QTEST_GUILESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"
