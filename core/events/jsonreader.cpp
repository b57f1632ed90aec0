#include "core/events/jsonreader.h"

#include "core/events/canonicaljson.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

QString describeByte(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x21 && byte < 0x7F)
        return u"'"_s + QLatin1Char(c) + u"'"_s;
    return u"byte 0x"_s + QString::number(byte, 16).rightJustified(2, u'0');
}

// A linear, non-recursive pass over the text that checks what QJsonDocument does not (depth,
// duplicate names, strict numbers) and reports what is wrong with a byte offset. When it passes,
// QJsonDocument builds the values.
class Scanner final {
public:
    Scanner(QByteArrayView text, int maxDepth)
        : m_begin(text.data())
        , m_p(text.data())
        , m_end(text.data() + text.size())
        , m_maxDepth(maxDepth)
    {
    }

    // True when the text is one valid JSON value; firstByte() tells which kind.
    bool run();
    char firstByte() const { return m_first; }
    const QString &error() const { return m_error; }

private:
    enum class Kind : quint8 { Object, Array };
    struct Frame {
        Kind kind;
        qsizetype firstName; // index into m_names of this object's first member name
    };
    // A member name as UTF-8: a view into the input when it has no escapes, else into m_decoded.
    struct Name {
        qsizetype start;
        qsizetype length;
        qsizetype offset; // of its opening quote in the input
        bool decoded;
    };

    bool fail(const char *at, const QString &what)
    {
        m_error = u"malformed JSON at byte %1: %2"_s.arg(at - m_begin).arg(what);
        return false;
    }
    bool failHere(const QString &what) { return fail(m_p, what); }
    bool failUnexpected(const QString &expected)
    {
        if (m_p == m_end)
            return failHere(u"unexpected end of text, expected "_s + expected);
        return failHere(u"unexpected "_s + describeByte(*m_p) + u", expected "_s + expected);
    }

    void skipWhitespace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool openContainer(Kind kind);
    bool closeObject();
    bool scanString(bool isName);
    bool scanEscape(std::string *decoded);
    bool scanUtf8();
    bool scanNumber();
    bool checkNumberValue(const char *start, bool isInteger, int decimalExponent);
    bool scanLiteral(std::string_view literal);
    std::string_view nameBytes(const Name &name) const
    {
        const char *base = name.decoded ? m_decoded.data() : m_begin;
        return {base + name.start, std::size_t(name.length)};
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    int m_maxDepth;
    char m_first = 0;
    QString m_error;
    QVarLengthArray<Frame, 64> m_stack;
    std::vector<Name> m_names;
    std::string m_decoded;
};

bool Scanner::run()
{
    skipWhitespace();
    if (m_p == m_end) {
        m_error = u"empty JSON text"_s;
        return false;
    }
    if (m_end - m_p >= 3 && std::string_view(m_p, 3) == "\xEF\xBB\xBF")
        return failHere(u"a byte order mark is not allowed"_s);
    m_first = *m_p;

    bool expectValue = true; // otherwise: just after a complete value
    for (;;) {
        if (expectValue) {
            skipWhitespace();
            if (m_p == m_end)
                return failUnexpected(u"a value"_s);
            switch (*m_p) {
            case '{':
                if (!openContainer(Kind::Object))
                    return false;
                skipWhitespace();
                if (m_p != m_end && *m_p == '}') {
                    ++m_p;
                    m_stack.removeLast();
                    expectValue = false;
                    continue;
                }
                if (m_p == m_end || *m_p != '"')
                    return failUnexpected(u"a member name or '}'"_s);
                if (!scanString(true))
                    return false;
                skipWhitespace();
                if (m_p == m_end || *m_p != ':')
                    return failUnexpected(u"':' after the member name"_s);
                ++m_p;
                continue; // the member's value
            case '[':
                if (!openContainer(Kind::Array))
                    return false;
                skipWhitespace();
                if (m_p != m_end && *m_p == ']') {
                    ++m_p;
                    m_stack.removeLast();
                    expectValue = false;
                }
                continue;
            case '"':
                if (!scanString(false))
                    return false;
                break;
            case 't':
                if (!scanLiteral("true"))
                    return false;
                break;
            case 'f':
                if (!scanLiteral("false"))
                    return false;
                break;
            case 'n':
                if (!scanLiteral("null"))
                    return false;
                break;
            default:
                if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9')) {
                    if (!scanNumber())
                        return false;
                    break;
                }
                return failUnexpected(u"a value"_s);
            }
            expectValue = false;
            continue;
        }

        // After a complete value.
        skipWhitespace();
        if (m_stack.isEmpty()) {
            if (m_p != m_end)
                return failHere(u"unexpected "_s + describeByte(*m_p) + u" after the JSON value"_s);
            return true;
        }
        if (m_stack.last().kind == Kind::Object) {
            if (m_p != m_end && *m_p == ',') {
                ++m_p;
                skipWhitespace();
                if (m_p == m_end || *m_p != '"')
                    return failUnexpected(u"a member name"_s);
                if (!scanString(true))
                    return false;
                skipWhitespace();
                if (m_p == m_end || *m_p != ':')
                    return failUnexpected(u"':' after the member name"_s);
                ++m_p;
                expectValue = true;
            } else if (m_p != m_end && *m_p == '}') {
                if (!closeObject())
                    return false;
                ++m_p;
            } else {
                return failUnexpected(u"',' or '}'"_s);
            }
        } else {
            if (m_p != m_end && *m_p == ',') {
                ++m_p;
                expectValue = true;
            } else if (m_p != m_end && *m_p == ']') {
                ++m_p;
                m_stack.removeLast();
            } else {
                return failUnexpected(u"',' or ']'"_s);
            }
        }
    }
}

bool Scanner::openContainer(Kind kind)
{
    if (m_stack.size() >= m_maxDepth) {
        m_error = u"JSON nested deeper than %1 levels at byte %2"_s.arg(m_maxDepth).arg(m_p - m_begin);
        return false;
    }
    m_stack.append(Frame{kind, qsizetype(m_names.size())});
    ++m_p;
    return true;
}

bool Scanner::closeObject()
{
    const qsizetype first = m_stack.last().firstName;
    const qsizetype count = qsizetype(m_names.size()) - first;
    const Name *duplicate = nullptr;
    if (count <= 12) {
        for (qsizetype i = first + 1; i < qsizetype(m_names.size()) && !duplicate; ++i) {
            for (qsizetype j = first; j < i; ++j) {
                if (nameBytes(m_names[std::size_t(i)]) == nameBytes(m_names[std::size_t(j)])) {
                    duplicate = &m_names[std::size_t(i)];
                    break;
                }
            }
        }
    } else {
        // Sort by (bytes, offset); the later of two equal names is the duplicate reported.
        std::vector<const Name *> sorted;
        sorted.reserve(std::size_t(count));
        for (qsizetype i = first; i < qsizetype(m_names.size()); ++i)
            sorted.push_back(&m_names[std::size_t(i)]);
        std::sort(sorted.begin(), sorted.end(), [this](const Name *a, const Name *b) {
            const int c = nameBytes(*a).compare(nameBytes(*b));
            return c != 0 ? c < 0 : a->offset < b->offset;
        });
        for (std::size_t i = 1; i < sorted.size(); ++i) {
            if (nameBytes(*sorted[i]) == nameBytes(*sorted[i - 1])
                && (!duplicate || sorted[i]->offset < duplicate->offset)) {
                duplicate = sorted[i];
            }
        }
    }
    if (duplicate) {
        const std::string_view bytes = nameBytes(*duplicate);
        m_error = u"duplicate member name '%1' at byte %2"_s
                      .arg(QString::fromUtf8(bytes.data(), qsizetype(bytes.size())))
                      .arg(duplicate->offset);
        return false;
    }
    m_names.resize(std::size_t(first));
    if (m_names.empty())
        m_decoded.clear();
    m_stack.removeLast();
    return true;
}

bool Scanner::scanLiteral(std::string_view literal)
{
    if (std::size_t(m_end - m_p) < literal.size() || std::string_view(m_p, literal.size()) != literal)
        return failHere(u"invalid literal, expected '"_s + QLatin1StringView(literal) + u"'"_s);
    m_p += literal.size();
    return true;
}

bool Scanner::scanString(bool isName)
{
    const char *const quote = m_p;
    ++m_p;
    const char *const contentStart = m_p;
    // A member name with escapes is unescaped into m_decoded, so that "a" and "\u0061" compare
    // equal; runStart marks the bytes not yet copied there.
    std::string *decoded = nullptr;
    qsizetype decodedStart = 0;
    const char *runStart = contentStart;
    for (;;) {
        // The common case: a run of printable ASCII.
        while (m_p != m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
                break;
            ++m_p;
        }
        if (m_p == m_end)
            return fail(quote, u"unterminated string"_s);
        if (decoded)
            decoded->append(runStart, std::size_t(m_p - runStart));
        runStart = m_p;
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"')
            break;
        if (c == '\\') {
            if (isName && !decoded) {
                decoded = &m_decoded;
                decodedStart = qsizetype(m_decoded.size());
                m_decoded.append(contentStart, std::size_t(m_p - contentStart));
            }
            if (!scanEscape(decoded))
                return false;
            runStart = m_p;
            continue;
        }
        if (c < 0x20)
            return failHere(u"unescaped control character U+%1 in a string"_s.arg(uint(c), 4, 16, QLatin1Char('0')));
        if (!scanUtf8()) // its bytes stay in the current run
            return false;
    }
    if (isName) {
        if (!decoded)
            m_names.push_back(Name{contentStart - m_begin, m_p - contentStart, quote - m_begin, false});
        else
            m_names.push_back(Name{decodedStart, qsizetype(m_decoded.size()) - decodedStart, quote - m_begin, true});
    }
    ++m_p; // closing quote
    return true;
}

bool Scanner::scanEscape(std::string *decoded)
{
    const char *const escape = m_p;
    ++m_p; // backslash
    if (m_p == m_end)
        return fail(escape, u"unterminated escape sequence"_s);
    char simple = 0;
    switch (*m_p) {
    case '"': simple = '"'; break;
    case '\\': simple = '\\'; break;
    case '/': simple = '/'; break;
    case 'b': simple = '\b'; break;
    case 'f': simple = '\f'; break;
    case 'n': simple = '\n'; break;
    case 'r': simple = '\r'; break;
    case 't': simple = '\t'; break;
    case 'u': break;
    default:
        return fail(escape, u"invalid escape sequence '\\"_s + QLatin1Char(*m_p) + u"'"_s);
    }
    if (simple) {
        ++m_p;
        if (decoded)
            decoded->push_back(simple);
        return true;
    }
    auto readHex4 = [this](const char *at, char32_t &unit) {
        if (m_end - at < 6)
            return false;
        unit = 0;
        for (int i = 2; i < 6; ++i) {
            const char h = at[i];
            unit <<= 4;
            if (h >= '0' && h <= '9')
                unit |= char32_t(h - '0');
            else if (h >= 'a' && h <= 'f')
                unit |= char32_t(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                unit |= char32_t(h - 'A' + 10);
            else
                return false;
        }
        return true;
    };
    char32_t codePoint = 0;
    if (!readHex4(escape, codePoint))
        return fail(escape, u"invalid \\u escape: four hex digits expected"_s);
    m_p = escape + 6;
    if (codePoint >= 0xDC00 && codePoint <= 0xDFFF)
        return fail(escape, u"lone surrogate \\u%1 in a string"_s.arg(uint(codePoint), 4, 16, QLatin1Char('0')));
    if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
        char32_t low = 0;
        if (m_end - m_p < 6 || m_p[0] != '\\' || m_p[1] != 'u' || !readHex4(m_p, low) || low < 0xDC00
            || low > 0xDFFF) {
            return fail(escape, u"lone surrogate \\u%1 in a string"_s.arg(uint(codePoint), 4, 16, QLatin1Char('0')));
        }
        m_p += 6;
        codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
    }
    if (decoded) {
        if (codePoint < 0x80) {
            decoded->push_back(static_cast<char>(codePoint));
        } else if (codePoint < 0x800) {
            decoded->push_back(static_cast<char>(0xC0 | (codePoint >> 6)));
            decoded->push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
        } else if (codePoint < 0x10000) {
            decoded->push_back(static_cast<char>(0xE0 | (codePoint >> 12)));
            decoded->push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
            decoded->push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
        } else {
            decoded->push_back(static_cast<char>(0xF0 | (codePoint >> 18)));
            decoded->push_back(static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F)));
            decoded->push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
            decoded->push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
        }
    }
    return true;
}

// One multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
bool Scanner::scanUtf8()
{
    const auto at = [this](qsizetype i) { return static_cast<unsigned char>(m_p[i]); };
    const auto isContinuation = [](unsigned char b) { return (b & 0xC0) == 0x80; };
    const unsigned char lead = at(0);
    const qsizetype available = m_end - m_p;
    qsizetype length = 0;
    unsigned char secondMin = 0x80;
    unsigned char secondMax = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            secondMin = 0xA0;
        else if (lead == 0xED)
            secondMax = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            secondMin = 0x90;
        else if (lead == 0xF4)
            secondMax = 0x8F;
    }
    bool ok = length != 0 && available >= length && at(1) >= secondMin && at(1) <= secondMax;
    for (qsizetype i = 2; ok && i < length; ++i)
        ok = isContinuation(at(i));
    if (!ok)
        return failHere(u"invalid UTF-8 in a string"_s);
    m_p += length;
    return true;
}

bool Scanner::scanNumber()
{
    const char *const start = m_p;
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    if (*m_p == '-')
        ++m_p;
    if (m_p == m_end || !isDigit(*m_p))
        return failUnexpected(u"a digit"_s);
    const char *const integerStart = m_p;
    if (*m_p == '0') {
        ++m_p;
        if (m_p != m_end && isDigit(*m_p))
            return failHere(u"a number must not have leading zeros"_s);
    } else {
        while (m_p != m_end && isDigit(*m_p))
            ++m_p;
    }
    const qsizetype integerDigits = m_p - integerStart;
    // Position of the first significant digit, to estimate the decimal exponent.
    qsizetype significantDigits = 0;
    qsizetype firstNonZero = -1; // index among integer+fraction digits
    for (const char *d = integerStart; d != m_p; ++d) {
        if (firstNonZero < 0 && *d != '0')
            firstNonZero = d - integerStart;
    }
    bool isInteger = true;
    if (m_p != m_end && *m_p == '.') {
        isInteger = false;
        ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return failUnexpected(u"a digit after the decimal point"_s);
        const char *const fractionStart = m_p;
        while (m_p != m_end && isDigit(*m_p)) {
            if (firstNonZero < 0 && *m_p != '0')
                firstNonZero = integerDigits + (m_p - fractionStart);
            ++m_p;
        }
        significantDigits = m_p - fractionStart;
    }
    significantDigits += integerDigits;
    long long exponent = 0;
    if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
        isInteger = false;
        ++m_p;
        bool negative = false;
        if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
            negative = *m_p++ == '-';
        if (m_p == m_end || !isDigit(*m_p))
            return failUnexpected(u"a digit in the exponent"_s);
        while (m_p != m_end && isDigit(*m_p)) {
            if (exponent < 100000000)
                exponent = exponent * 10 + (*m_p - '0');
            ++m_p;
        }
        if (negative)
            exponent = -exponent;
    }
    if (firstNonZero < 0)
        return true; // zero, however spelled
    // floor(log10(|value|)), from the digits: exact up to the rounding of the mantissa.
    const long long decimalExponent = (integerDigits - 1 - firstNonZero) + exponent;
    if (decimalExponent < 308 && decimalExponent > -300 && !(isInteger && significantDigits > 15))
        return true; // the common case: a normal double, and exact if an integer
    return checkNumberValue(start, isInteger, int(std::clamp(decimalExponent, -100000LL, 100000LL)));
}

bool Scanner::checkNumberValue(const char *start, bool isInteger, int decimalExponent)
{
    const std::string_view token(start, std::size_t(m_p - start));
    const QLatin1StringView shownToken(token.data(), qsizetype(std::min<std::size_t>(token.size(), 40)));
    const auto overflow = [&] { return fail(start, u"number %1 is beyond the IEEE double range"_s.arg(shownToken)); };
    // Qt refuses these too; ECMAScript would read them as 0.
    const auto underflow = [&] {
        return fail(start, u"number %1 is too small for an IEEE double (it would read as 0)"_s.arg(shownToken));
    };
    if (decimalExponent > 308)
        return overflow();
    if (decimalExponent < -400)
        return underflow();
    double value = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec == std::errc::result_out_of_range)
        return decimalExponent > 0 ? overflow() : underflow();
    if (ec != std::errc() || end != token.data() + token.size())
        return failHere(u"invalid number"_s); // unreachable: the grammar was checked
    if (!std::isfinite(value))
        return overflow();
    if (value == 0)
        return underflow(); // the literal is not zero (checked by the caller)
    if (!isInteger)
        return true; // a decimal fraction or exponent means the nearest double, by definition
    // An integer literal of more than 15 digits: it must be the double exactly, or the double's
    // own RFC 8785 spelling (which pads with zeros: 295147905179352830000 is 2^68).
    const auto canonical = canonicalNumber(value);
    if (canonical && std::string_view(canonical->constData(), std::size_t(canonical->size())) == token)
        return true;
    char exact[400];
    const auto [exactEnd, exactEc] = std::to_chars(exact, exact + sizeof exact, value, std::chars_format::fixed, 0);
    if (exactEc == std::errc() && std::string_view(exact, std::size_t(exactEnd - exact)) == token)
        return true;
    return fail(start, u"integer %1 cannot be represented exactly as an IEEE double (nearest: %2); "
                       u"write it as a string"_s
                           .arg(shownToken,
                                canonical ? QString::fromLatin1(*canonical) : QString()));
}

} // namespace

Status validateJsonObjectText(QByteArrayView bytes, int maxDepth, qsizetype maxBytes)
{
    if (bytes.size() > maxBytes) {
        return fail(ErrorCode::InvalidArgument,
                    u"JSON text of %1 bytes exceeds the limit of %2 bytes"_s.arg(bytes.size()).arg(maxBytes));
    }
    Scanner scanner(bytes, maxDepth);
    if (!scanner.run())
        return fail(ErrorCode::InvalidArgument, scanner.error());
    if (scanner.firstByte() != '{') {
        QString kind;
        switch (scanner.firstByte()) {
        case '[': kind = u"an array"_s; break;
        case '"': kind = u"a string"_s; break;
        case 't':
        case 'f': kind = u"a boolean"_s; break;
        case 'n': kind = u"null"_s; break;
        default: kind = u"a number"_s; break;
        }
        return fail(ErrorCode::InvalidArgument, u"the JSON text is "_s + kind + u", not an object"_s);
    }
    return {};
}

Result<QJsonObject> parseJsonObject(QByteArrayView bytes, int maxDepth, qsizetype maxBytes)
{
    if (auto status = validateJsonObjectText(bytes, maxDepth, maxBytes); !status)
        return std::unexpected(status.error());
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Only reachable where Qt is stricter than the scanner (its own nesting limit).
        return fail(ErrorCode::InvalidArgument,
                    u"malformed JSON at byte %1: %2"_s.arg(parseError.offset).arg(parseError.errorString()));
    }
    return document.object();
}

} // namespace fieldledger::core
