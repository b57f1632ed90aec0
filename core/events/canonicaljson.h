#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringView>

// RFC 8785, the JSON Canonicalization Scheme (JCS): one byte sequence per JSON value, so that
// hashes and equality of events do not depend on whitespace, member order or number spelling.
//
// - object members sorted by their names' UTF-16 code units (sorted here, whatever order the
//   QJsonObject iterates in), no whitespace;
// - strings: `"` and `\` escaped, the control characters \b \t \n \f \r in their short form,
//   every other character below U+0020 as \u00xx (lower-case hex), everything else as literal
//   UTF-8 ('/' and non-ASCII included);
// - numbers: IEEE doubles written as ECMAScript's Number.prototype.toString() writes them
//   (shortest round-trip digits; no exponent from 1e-6 up to 1e21; "-0" written as "0").
//
// Values JCS cannot represent are errors (ErrorCode::InvalidArgument), never guesses:
// NaN and infinities, strings holding a lone UTF-16 surrogate, and an integer the QJsonValue
// holds exactly (Qt keeps JSON integers as qint64) that an IEEE double cannot hold exactly
// (beyond 2^53): writing it would silently change the number.
namespace fieldledger::core {

[[nodiscard]] Result<QByteArray> canonicalJson(const QJsonValue &value);
[[nodiscard]] Result<QByteArray> canonicalJson(const QJsonObject &object);
[[nodiscard]] Result<QByteArray> canonicalJson(const QJsonArray &array);

// Appending forms, for callers that compose a larger canonical text. On error `out` holds a
// partial text and must be discarded.
[[nodiscard]] Status appendCanonicalJson(QByteArray &out, const QJsonValue &value);
[[nodiscard]] Status appendCanonicalJson(QByteArray &out, const QJsonObject &object);
[[nodiscard]] Status appendCanonicalJson(QByteArray &out, const QJsonArray &array);
// A JSON string literal, quotes included.
[[nodiscard]] Status appendCanonicalString(QByteArray &out, QStringView text);
// A number as ECMAScript's Number.prototype.toString() writes it.
[[nodiscard]] Status appendCanonicalNumber(QByteArray &out, double value);

// The JCS text of one number ("4.5", "1e+21", "0.000001", ...).
[[nodiscard]] Result<QByteArray> canonicalNumber(double value);

// JCS member order: by UTF-16 code units. (Not the same as UTF-8 byte order for characters
// beyond U+FFFF, which sort before U+E000..U+FFFF here.)
[[nodiscard]] bool jcsKeyLess(QStringView a, QStringView b) noexcept;

} // namespace fieldledger::core
