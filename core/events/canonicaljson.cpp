#include "core/events/canonicaljson.h"

#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <vector>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

// 2^53: above it not every integer is an IEEE double.
constexpr double maxExactInteger = 9007199254740992.0;

// Why a value could not be written, and where (JSON Pointer segments, innermost first: they are
// collected while the recursion unwinds, so the success path pays nothing for them).
struct WriteError {
    QString reason;
    std::vector<QString> path;
};

QString describe(const WriteError &error)
{
    if (error.path.empty())
        return error.reason;
    QString pointer;
    for (auto it = error.path.rbegin(); it != error.path.rend(); ++it)
        pointer += u'/' + *it;
    return error.reason + u" (at "_s + pointer + u')';
}

// Writes into `out` through a raw pointer after one resize: appending byte by byte through
// QByteArray's API is several times slower on this hot path.
bool writeString(QByteArray &out, QStringView text, WriteError &error)
{
    static constexpr char hexDigits[] = "0123456789abcdef";
    const qsizetype start = out.size();
    // Worst case per UTF-16 unit: 6 bytes (\u00xx); a surrogate pair gives 4 bytes for 2 units.
    out.resize(start + text.size() * 6 + 2);
    char *p = out.data() + start;
    *p++ = '"';
    const char16_t *unit = text.utf16();
    const char16_t *const end = unit + text.size();
    while (unit != end) {
        const char16_t c = *unit++;
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *p++ = static_cast<char>(c);
                continue;
            }
            *p++ = '\\';
            switch (c) {
            case u'"':
                *p++ = '"';
                break;
            case u'\\':
                *p++ = '\\';
                break;
            case u'\b':
                *p++ = 'b';
                break;
            case u'\t':
                *p++ = 't';
                break;
            case u'\n':
                *p++ = 'n';
                break;
            case u'\f':
                *p++ = 'f';
                break;
            case u'\r':
                *p++ = 'r';
                break;
            default:
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = hexDigits[c >> 4];
                *p++ = hexDigits[c & 0xF];
                break;
            }
        } else if (c < 0x800) {
            *p++ = static_cast<char>(0xC0 | (c >> 6));
            *p++ = static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0xD800 || c > 0xDFFF) {
            *p++ = static_cast<char>(0xE0 | (c >> 12));
            *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            *p++ = static_cast<char>(0x80 | (c & 0x3F));
        } else {
            if (c > 0xDBFF || unit == end || *unit < 0xDC00 || *unit > 0xDFFF) {
                out.truncate(start);
                error.reason = u"string holds a lone UTF-16 surrogate U+"_s +
                               QString::number(static_cast<uint>(c), 16).toUpper();
                return false;
            }
            const char32_t codePoint =
                0x10000 + ((char32_t(c) - 0xD800) << 10) + (char32_t(*unit++) - 0xDC00);
            *p++ = static_cast<char>(0xF0 | (codePoint >> 18));
            *p++ = static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
            *p++ = static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
            *p++ = static_cast<char>(0x80 | (codePoint & 0x3F));
        }
    }
    *p++ = '"';
    out.truncate(p - out.constData());
    return true;
}

bool writeNumber(QByteArray &out, double value, WriteError &error)
{
    if (!std::isfinite(value)) {
        error.reason =
            std::isnan(value) ? u"NaN is not a JSON number"_s : u"an infinity is not a JSON number"_s;
        return false;
    }
    if (value == 0) { // +0 and -0 alike
        out.append('0');
        return true;
    }
    char buffer[40];
    if (std::fabs(value) < maxExactInteger && value == std::trunc(value)) {
        // An integer below 2^53 (< 1e21): ECMAScript writes its plain digits.
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, static_cast<qint64>(value));
        out.append(buffer, end - buffer);
        return true;
    }
    // Shortest round-trip digits (closest to the value among the shortest, ties to even), as
    // "d[.ddd]e±x"; then the layout of ECMA-262 Number::toString.
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    Q_ASSERT(ec == std::errc());
    const char *p = buffer;
    const bool negative = *p == '-';
    if (negative)
        ++p;
    char digits[24];
    int k = 0; // number of significant digits
    while (*p != 'e') {
        if (*p != '.')
            digits[k++] = *p;
        ++p;
    }
    ++p; // 'e'
    const bool negativeExponent = *p == '-';
    ++p; // sign
    int exponent = 0;
    for (; p != end; ++p)
        exponent = exponent * 10 + (*p - '0');
    if (negativeExponent)
        exponent = -exponent;
    const int n = exponent + 1; // value = 0.d1d2...dk * 10^n

    char text[48];
    char *t = text;
    if (negative)
        *t++ = '-';
    if (k <= n && n <= 21) {
        t = std::copy(digits, digits + k, t);
        t = std::fill_n(t, n - k, '0');
    } else if (0 < n && n <= 21) {
        t = std::copy(digits, digits + n, t);
        *t++ = '.';
        t = std::copy(digits + n, digits + k, t);
    } else if (-6 < n && n <= 0) {
        *t++ = '0';
        *t++ = '.';
        t = std::fill_n(t, -n, '0');
        t = std::copy(digits, digits + k, t);
    } else {
        *t++ = digits[0];
        if (k > 1) {
            *t++ = '.';
            t = std::copy(digits + 1, digits + k, t);
        }
        *t++ = 'e';
        *t++ = n - 1 >= 0 ? '+' : '-';
        t = std::to_chars(t, text + sizeof text, std::abs(n - 1)).ptr;
    }
    out.append(text, t - text);
    return true;
}

bool writeJsonNumber(QByteArray &out, const QJsonValue &value, WriteError &error)
{
    const double d = value.toDouble();
    if (std::fabs(d) >= maxExactInteger) {
        // Qt keeps a JSON integer literal as a qint64. If the double cannot hold it exactly,
        // writing the double would silently change the number, unless the integer is the
        // double's own JCS spelling (1152921504606847000 is how JCS writes 2^60).
        const qint64 held = value.toInteger(0);
        if (held != 0 && (d >= 0x1p63 || d < -0x1p63 || static_cast<qint64>(d) != held)) {
            QByteArray spelling;
            if (!writeNumber(spelling, d, error) || spelling != QByteArray::number(held)) {
                error.reason = u"integer %1 cannot be represented exactly as an IEEE double"_s.arg(held);
                return false;
            }
        }
    }
    return writeNumber(out, d, error);
}

bool writeValue(QByteArray &out, const QJsonValue &value, WriteError &error);

bool writeArray(QByteArray &out, const QJsonArray &array, WriteError &error)
{
    out.append('[');
    qsizetype index = 0;
    for (const QJsonValue element : array) {
        if (index > 0)
            out.append(',');
        if (!writeValue(out, element, error)) {
            error.path.push_back(QString::number(index));
            return false;
        }
        ++index;
    }
    out.append(']');
    return true;
}

QString pointerSegment(const QString &key)
{
    QString segment = key;
    segment.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s);
    return segment;
}

bool writeObject(QByteArray &out, const QJsonObject &object, WriteError &error)
{
    struct Member {
        QString key;
        QJsonObject::const_iterator it;
    };
    QVarLengthArray<Member, 16> members;
    members.reserve(object.size());
    bool sorted = true;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        members.append(Member{it.key(), it});
        if (sorted && members.size() > 1 && !jcsKeyLess(members[members.size() - 2].key, members.back().key))
            sorted = false;
    }
    if (!sorted) {
        std::sort(members.begin(), members.end(),
                  [](const Member &a, const Member &b) { return jcsKeyLess(a.key, b.key); });
    }
    out.append('{');
    bool first = true;
    for (const Member &member : members) {
        if (!first)
            out.append(',');
        first = false;
        if (!writeString(out, member.key, error)) {
            error.reason = u"member name: "_s + error.reason;
            return false;
        }
        out.append(':');
        if (!writeValue(out, member.it.value(), error)) {
            error.path.push_back(pointerSegment(member.key));
            return false;
        }
    }
    out.append('}');
    return true;
}

bool writeValue(QByteArray &out, const QJsonValue &value, WriteError &error)
{
    switch (value.type()) {
    case QJsonValue::Null:
        out.append("null", 4);
        return true;
    case QJsonValue::Bool:
        if (value.toBool())
            out.append("true", 4);
        else
            out.append("false", 5);
        return true;
    case QJsonValue::Double:
        return writeJsonNumber(out, value, error);
    case QJsonValue::String:
        return writeString(out, value.toString(), error);
    case QJsonValue::Array:
        return writeArray(out, value.toArray(), error);
    case QJsonValue::Object:
        return writeObject(out, value.toObject(), error);
    case QJsonValue::Undefined:
        break;
    }
    error.reason = u"an undefined value is not JSON"_s;
    return false;
}

Status toStatus(bool ok, const WriteError &error)
{
    if (ok)
        return {};
    return fail(ErrorCode::InvalidArgument, describe(error));
}

} // namespace

bool jcsKeyLess(QStringView a, QStringView b) noexcept
{
    return std::u16string_view(a.utf16(), std::size_t(a.size())) <
           std::u16string_view(b.utf16(), std::size_t(b.size()));
}

Status appendCanonicalJson(QByteArray &out, const QJsonValue &value)
{
    WriteError error;
    return toStatus(writeValue(out, value, error), error);
}

Status appendCanonicalJson(QByteArray &out, const QJsonObject &object)
{
    WriteError error;
    return toStatus(writeObject(out, object, error), error);
}

Status appendCanonicalJson(QByteArray &out, const QJsonArray &array)
{
    WriteError error;
    return toStatus(writeArray(out, array, error), error);
}

Status appendCanonicalString(QByteArray &out, QStringView text)
{
    WriteError error;
    return toStatus(writeString(out, text, error), error);
}

Status appendCanonicalNumber(QByteArray &out, double value)
{
    WriteError error;
    return toStatus(writeNumber(out, value, error), error);
}

Result<QByteArray> canonicalJson(const QJsonValue &value)
{
    QByteArray out;
    if (auto status = appendCanonicalJson(out, value); !status)
        return std::unexpected(status.error());
    return out;
}

Result<QByteArray> canonicalJson(const QJsonObject &object)
{
    QByteArray out;
    if (auto status = appendCanonicalJson(out, object); !status)
        return std::unexpected(status.error());
    return out;
}

Result<QByteArray> canonicalJson(const QJsonArray &array)
{
    QByteArray out;
    if (auto status = appendCanonicalJson(out, array); !status)
        return std::unexpected(status.error());
    return out;
}

Result<QByteArray> canonicalNumber(double value)
{
    QByteArray out;
    if (auto status = appendCanonicalNumber(out, value); !status)
        return std::unexpected(status.error());
    return out;
}

} // namespace fieldledger::core
