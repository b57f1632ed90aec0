#include "core/events/jsonreader.h"

#include "core/events/canonicaljson.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <span>
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

// The values of a scanned text, kept when asked for: enough to write its canonical form without
// a second parse. A container's children are linked through `next`; an object's children
// alternate name, value.
struct RawNode {
    enum Kind : quint8 { Object, Array, String, Number, True, False, Null };
    Kind kind = Null;
    bool escaped = false;      // String: holds backslash escapes
    bool plainInteger = false; // Number: the token is already its canonical text
    qsizetype start = 0;       // String: first byte after the quote; others: first byte of the token
    qsizetype length = 0;      // String: up to the closing quote
    int first = -1;
    int next = -1;
};

// A linear, non-recursive pass over the text that checks what QJsonDocument does not (depth,
// duplicate names, strict numbers) and reports what is wrong with a byte offset. When it passes,
// QJsonDocument builds the values. Given a tree, it also records the values there.
class Scanner final {
public:
    Scanner(QByteArrayView text, int maxDepth, std::vector<RawNode> *tree = nullptr)
        : m_begin(text.data())
        , m_p(text.data())
        , m_end(text.data() + text.size())
        , m_maxDepth(maxDepth)
        , m_tree(tree)
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
        int node;            // in m_tree
        int lastChild;       // in m_tree
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
    bool scanValueToken(RawNode::Kind kind);
    // Records a value (or name) in the tree, as the next child of the open container.
    int addNode(RawNode::Kind kind, const char *start, qsizetype length)
    {
        if (!m_tree)
            return -1;
        const int index = int(m_tree->size());
        RawNode node;
        node.kind = kind;
        node.start = start - m_begin;
        node.length = length;
        m_tree->push_back(node);
        if (!m_stack.isEmpty()) {
            Frame &parent = m_stack.last();
            if (parent.lastChild < 0)
                (*m_tree)[std::size_t(parent.node)].first = index;
            else
                (*m_tree)[std::size_t(parent.lastChild)].next = index;
            parent.lastChild = index;
        }
        return index;
    }
    std::string_view nameBytes(const Name &name) const
    {
        const char *base = name.decoded ? m_decoded.data() : m_begin;
        return {base + name.start, std::size_t(name.length)};
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    int m_maxDepth;
    std::vector<RawNode> *m_tree;
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
                if (!scanValueToken(RawNode::True))
                    return false;
                break;
            case 'f':
                if (!scanValueToken(RawNode::False))
                    return false;
                break;
            case 'n':
                if (!scanValueToken(RawNode::Null))
                    return false;
                break;
            default:
                if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9')) {
                    if (!scanValueToken(RawNode::Number))
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
    const int node = addNode(kind == Kind::Object ? RawNode::Object : RawNode::Array, m_p, 1);
    m_stack.append(Frame{kind, qsizetype(m_names.size()), node, -1});
    ++m_p;
    return true;
}

bool Scanner::scanValueToken(RawNode::Kind kind)
{
    const char *const start = m_p;
    bool ok = false;
    switch (kind) {
    case RawNode::True:
        ok = scanLiteral("true");
        break;
    case RawNode::False:
        ok = scanLiteral("false");
        break;
    case RawNode::Null:
        ok = scanLiteral("null");
        break;
    default:
        ok = scanNumber();
        break;
    }
    if (!ok || !m_tree)
        return ok;
    const int index = addNode(kind, start, m_p - start);
    if (kind == RawNode::Number) {
        // An integer of at most 15 digits is written as it is read (the grammar allows no
        // leading zeros); "-0" is written "0".
        const std::string_view token(start, std::size_t(m_p - start));
        const std::size_t digits = token.size() - (token.front() == '-' ? 1 : 0);
        (*m_tree)[std::size_t(index)].plainInteger =
            digits <= 15 && token.find_first_of(".eE") == std::string_view::npos && token != "-0";
    }
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
            if (nameBytes(*sorted[i]) == nameBytes(*sorted[i - 1]) &&
                (!duplicate || sorted[i]->offset < duplicate->offset)) {
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
    bool escaped = false;
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
            escaped = true;
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
            return failHere(
                u"unescaped control character U+%1 in a string"_s.arg(uint(c), 4, 16, QLatin1Char('0')));
        if (!scanUtf8()) // its bytes stay in the current run
            return false;
    }
    if (m_tree) {
        const int index = addNode(RawNode::String, contentStart, m_p - contentStart);
        (*m_tree)[std::size_t(index)].escaped = escaped;
    }
    if (isName) {
        if (!decoded)
            m_names.push_back(Name{contentStart - m_begin, m_p - contentStart, quote - m_begin, false});
        else
            m_names.push_back(
                Name{decodedStart, qsizetype(m_decoded.size()) - decodedStart, quote - m_begin, true});
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
    case '"':
        simple = '"';
        break;
    case '\\':
        simple = '\\';
        break;
    case '/':
        simple = '/';
        break;
    case 'b':
        simple = '\b';
        break;
    case 'f':
        simple = '\f';
        break;
    case 'n':
        simple = '\n';
        break;
    case 'r':
        simple = '\r';
        break;
    case 't':
        simple = '\t';
        break;
    case 'u':
        break;
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
        return fail(escape,
                    u"lone surrogate \\u%1 in a string"_s.arg(uint(codePoint), 4, 16, QLatin1Char('0')));
    if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
        char32_t low = 0;
        if (m_end - m_p < 6 || m_p[0] != '\\' || m_p[1] != 'u' || !readHex4(m_p, low) || low < 0xDC00 ||
            low > 0xDFFF) {
            return fail(escape,
                        u"lone surrogate \\u%1 in a string"_s.arg(uint(codePoint), 4, 16, QLatin1Char('0')));
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
    const auto overflow = [&] {
        return fail(start, u"number %1 is beyond the IEEE double range"_s.arg(shownToken));
    };
    // Qt refuses these too; ECMAScript would read them as 0.
    const auto underflow = [&] {
        return fail(start,
                    u"number %1 is too small for an IEEE double (it would read as 0)"_s.arg(shownToken));
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
    const auto [exactEnd, exactEc] =
        std::to_chars(exact, exact + sizeof exact, value, std::chars_format::fixed, 0);
    if (exactEc == std::errc() && std::string_view(exact, std::size_t(exactEnd - exact)) == token)
        return true;
    return fail(start, u"integer %1 cannot be represented exactly as an IEEE double (nearest: %2); "
                       u"write it as a string"_s.arg(shownToken, canonical ? QString::fromLatin1(*canonical)
                                                                           : QString()));
}

// Decodes the escape sequence at `p` (a backslash; the scanner has checked it) into a code
// point and moves `p` past it (past both halves of a surrogate pair).
char32_t decodeEscape(const char *&p)
{
    ++p; // backslash
    const char kind = *p++;
    switch (kind) {
    case 'b':
        return u'\b';
    case 'f':
        return u'\f';
    case 'n':
        return u'\n';
    case 'r':
        return u'\r';
    case 't':
        return u'\t';
    case 'u':
        break;
    default:
        return char32_t(static_cast<unsigned char>(kind)); // " \ /
    }
    const auto hex4 = [](const char *at) {
        char32_t unit = 0;
        for (int i = 0; i < 4; ++i) {
            const char h = at[i];
            unit = (unit << 4) | char32_t(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        return unit;
    };
    char32_t codePoint = hex4(p);
    p += 4;
    if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
        codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (hex4(p + 2) - 0xDC00);
        p += 6;
    }
    return codePoint;
}

template<typename Out>
void appendUtf8(Out &out, char32_t codePoint)
{
    if (codePoint < 0x80) {
        out.push_back(static_cast<char>(codePoint));
    } else if (codePoint < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (codePoint >> 6)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    } else if (codePoint < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (codePoint >> 12)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (codePoint >> 18)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
    }
}

// JCS member order (UTF-16 code units) on UTF-8 names. UTF-8 byte order is code point order;
// the two differ only between a character beyond U+FFFF (lead byte F0..F4, a surrogate pair in
// UTF-16) and one in U+E000..U+FFFF (lead byte EE or EF), where UTF-16 puts the former first.
// Equal prefixes of valid UTF-8 put both differing bytes at the same kind of position, so
// looking at the first difference is enough.
bool utf8NameLess(std::string_view a, std::string_view b)
{
    const std::size_t common = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < common; ++i) {
        const auto x = static_cast<unsigned char>(a[i]);
        const auto y = static_cast<unsigned char>(b[i]);
        if (x == y)
            continue;
        if (x >= 0xF0 && (y == 0xEE || y == 0xEF))
            return true;
        if (y >= 0xF0 && (x == 0xEE || x == 0xEF))
            return false;
        return x < y;
    }
    return a.size() < b.size();
}

// Writes the RFC 8785 form of a scanned text from its tree, without building Qt values.
class RawCanonicalWriter final {
public:
    RawCanonicalWriter(const char *text, const std::vector<RawNode> &tree, QByteArray &out)
        : m_text(text)
        , m_tree(tree)
        , m_out(out)
    {
    }

    void writeRoot(std::span<const QByteArrayView> omitMembers) { writeObject(m_tree.front(), omitMembers); }

private:
    std::string_view raw(const RawNode &node) const
    {
        return {m_text + node.start, std::size_t(node.length)};
    }
    const RawNode &at(int index) const { return m_tree[std::size_t(index)]; }
    void append(std::string_view bytes) { m_out.append(bytes.data(), qsizetype(bytes.size())); }

    void writeValue(const RawNode &node)
    {
        switch (node.kind) {
        case RawNode::Object:
            writeObject(node, {});
            break;
        case RawNode::Array:
            writeArray(node);
            break;
        case RawNode::String:
            writeString(node);
            break;
        case RawNode::Number:
            writeNumber(node);
            break;
        case RawNode::True:
            append("true");
            break;
        case RawNode::False:
            append("false");
            break;
        case RawNode::Null:
            append("null");
            break;
        }
    }

    void writeArray(const RawNode &node)
    {
        m_out.append('[');
        for (int child = node.first; child >= 0; child = at(child).next) {
            if (child != node.first)
                m_out.append(',');
            writeValue(at(child));
        }
        m_out.append(']');
    }

    void writeObject(const RawNode &node, std::span<const QByteArrayView> omitMembers)
    {
        struct Member {
            std::string_view name; // UTF-8, unescaped
            int nameIndex;
            int valueIndex;
        };
        QVarLengthArray<Member, 16> members;
        // Unescaped copies of names with escapes; reserved so that views into them stay valid.
        std::vector<std::string> decodedNames;
        qsizetype escapedNames = 0;
        for (int child = node.first; child >= 0; child = at(at(child).next).next)
            escapedNames += at(child).escaped ? 1 : 0;
        decodedNames.reserve(std::size_t(escapedNames));
        bool sorted = true;
        for (int child = node.first; child >= 0; child = at(at(child).next).next) {
            const RawNode &name = at(child);
            std::string_view bytes = raw(name);
            if (name.escaped) {
                std::string &decoded = decodedNames.emplace_back();
                for (const char *p = bytes.data(), *end = p + bytes.size(); p != end;) {
                    if (*p == '\\')
                        appendUtf8(decoded, decodeEscape(p));
                    else
                        decoded.push_back(*p++);
                }
                bytes = decoded;
            }
            if (std::find(omitMembers.begin(), omitMembers.end(),
                          QByteArrayView(bytes.data(), qsizetype(bytes.size()))) != omitMembers.end()) {
                continue;
            }
            if (!members.isEmpty() && !utf8NameLess(members.back().name, bytes))
                sorted = false;
            members.append(Member{bytes, child, name.next});
        }
        if (!sorted) {
            std::sort(members.begin(), members.end(),
                      [](const Member &a, const Member &b) { return utf8NameLess(a.name, b.name); });
        }
        m_out.append('{');
        for (const Member &member : members) {
            if (&member != members.begin())
                m_out.append(',');
            writeString(at(member.nameIndex));
            m_out.append(':');
            writeValue(at(member.valueIndex));
        }
        m_out.append('}');
    }

    void writeString(const RawNode &node)
    {
        m_out.append('"');
        const std::string_view bytes = raw(node);
        if (!node.escaped) {
            // Unescaped input holds no control character, quote or backslash (the scanner
            // checked), and JCS writes everything else as literal UTF-8: the bytes are canonical.
            append(bytes);
        } else {
            static constexpr char hexDigits[] = "0123456789abcdef";
            const char *p = bytes.data();
            const char *const end = p + bytes.size();
            while (p != end) {
                const char *run = p;
                while (p != end && *p != '\\')
                    ++p;
                append(std::string_view(run, std::size_t(p - run)));
                if (p == end)
                    break;
                const char32_t c = decodeEscape(p);
                switch (c) {
                case u'"':
                    append("\\\"");
                    break;
                case u'\\':
                    append("\\\\");
                    break;
                case u'\b':
                    append("\\b");
                    break;
                case u'\t':
                    append("\\t");
                    break;
                case u'\n':
                    append("\\n");
                    break;
                case u'\f':
                    append("\\f");
                    break;
                case u'\r':
                    append("\\r");
                    break;
                default:
                    if (c < 0x20) {
                        const char escape[] = {'\\', 'u', '0', '0', hexDigits[c >> 4], hexDigits[c & 0xF]};
                        m_out.append(escape, 6);
                    } else {
                        appendUtf8(m_out, c);
                    }
                    break;
                }
            }
        }
        m_out.append('"');
    }

    void writeNumber(const RawNode &node)
    {
        const std::string_view token = raw(node);
        if (node.plainInteger) {
            append(token);
            return;
        }
        double value = 0;
        std::from_chars(token.data(), token.data() + token.size(), value); // checked by the scanner
        if (!appendCanonicalNumber(m_out, value))
            Q_UNREACHABLE(); // finite: checked by the scanner
    }

    const char *m_text;
    const std::vector<RawNode> &m_tree;
    QByteArray &m_out;
};

} // namespace

namespace {

Status scanObjectText(QByteArrayView bytes, int maxDepth, qsizetype maxBytes, std::vector<RawNode> *tree)
{
    if (bytes.size() > maxBytes) {
        return fail(ErrorCode::InvalidArgument,
                    u"JSON text of %1 bytes exceeds the limit of %2 bytes"_s.arg(bytes.size()).arg(maxBytes));
    }
    Scanner scanner(bytes, maxDepth, tree);
    if (!scanner.run())
        return fail(ErrorCode::InvalidArgument, scanner.error());
    if (scanner.firstByte() != '{') {
        QString kind;
        switch (scanner.firstByte()) {
        case '[':
            kind = u"an array"_s;
            break;
        case '"':
            kind = u"a string"_s;
            break;
        case 't':
        case 'f':
            kind = u"a boolean"_s;
            break;
        case 'n':
            kind = u"null"_s;
            break;
        default:
            kind = u"a number"_s;
            break;
        }
        return fail(ErrorCode::InvalidArgument, u"the JSON text is "_s + kind + u", not an object"_s);
    }
    return {};
}

Result<QJsonObject> buildObject(QByteArrayView bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Only reachable where Qt is stricter than the scanner (its own nesting limit of 1024).
        return fail(ErrorCode::InvalidArgument,
                    u"malformed JSON at byte %1: %2"_s.arg(parseError.offset).arg(parseError.errorString()));
    }
    return document.object();
}

} // namespace

Status validateJsonObjectText(QByteArrayView bytes, int maxDepth, qsizetype maxBytes)
{
    return scanObjectText(bytes, maxDepth, maxBytes, nullptr);
}

Result<QJsonObject> parseJsonObject(QByteArrayView bytes, int maxDepth, qsizetype maxBytes)
{
    if (auto status = scanObjectText(bytes, maxDepth, maxBytes, nullptr); !status)
        return std::unexpected(status.error());
    return buildObject(bytes);
}

Result<ParsedJsonObject> parseJsonObjectCanonical(QByteArrayView bytes,
                                                  std::span<const QByteArrayView> omitMembers, int maxDepth,
                                                  qsizetype maxBytes)
{
    std::vector<RawNode> tree;
    tree.reserve(std::size_t(bytes.size() / 8 + 8));
    if (auto status = scanObjectText(bytes, maxDepth, maxBytes, &tree); !status)
        return std::unexpected(status.error());
    auto object = buildObject(bytes);
    if (!object)
        return std::unexpected(object.error());
    ParsedJsonObject parsed{std::move(*object), {}};
    parsed.canonical.reserve(bytes.size());
    RawCanonicalWriter(bytes.data(), tree, parsed.canonical).writeRoot(omitMembers);
    return parsed;
}

} // namespace fieldledger::core
