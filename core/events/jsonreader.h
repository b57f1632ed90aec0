#pragma once

#include "core/common/result.h"

#include <QByteArrayView>
#include <QJsonObject>

#include <span>

namespace fieldledger::core {

inline constexpr int defaultJsonMaxDepth = 64;
inline constexpr qsizetype defaultJsonMaxBytes = qsizetype(1) << 20; // 1 MiB

// Parses one JSON text (RFC 8259, UTF-8) that must be an object. Every failure is
// ErrorCode::InvalidArgument with a message that says what and where (byte offsets from 0):
// - larger than `maxBytes`: refused before anything is parsed;
// - malformed: "malformed JSON at byte 17: expected ':' after the member name";
// - nested deeper than `maxDepth` arrays/objects (the outer object counts 1): refused while
//   scanning, without recursion, so hostile input cannot exhaust the stack;
// - a duplicate member name in any object (compared after unescaping);
// - a string with invalid UTF-8, an unescaped control character or a lone surrogate escape;
// - a number beyond the IEEE double range, or an integer literal that a double holds neither
//   exactly nor as its RFC 8785 spelling (12345678901234567 would silently become ...568);
// - valid JSON that is not an object ("the JSON text is an array, not an object").
// Leading and trailing JSON whitespace is allowed (so is the '\r' of a CRLF line); a byte
// order mark is not.
[[nodiscard]] Result<QJsonObject> parseJsonObject(QByteArrayView bytes, int maxDepth = defaultJsonMaxDepth,
                                                  qsizetype maxBytes = defaultJsonMaxBytes);

// parseJsonObject, plus the object's RFC 8785 canonical text written straight from the input
// (several times faster than canonicalJson() of the object, and byte-identical to it). Top-level
// members named in `omitMembers` are left out of the canonical text, not out of the object.
struct ParsedJsonObject {
    QJsonObject object;
    QByteArray canonical;
};
[[nodiscard]] Result<ParsedJsonObject>
parseJsonObjectCanonical(QByteArrayView bytes, std::span<const QByteArrayView> omitMembers = {},
                         int maxDepth = defaultJsonMaxDepth, qsizetype maxBytes = defaultJsonMaxBytes);

// The same checks without building anything: Status of the text as parseJsonObject would see it.
[[nodiscard]] Status validateJsonObjectText(QByteArrayView bytes, int maxDepth = defaultJsonMaxDepth,
                                            qsizetype maxBytes = defaultJsonMaxBytes);

} // namespace fieldledger::core
