#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <array>
#include <cstdint>
#include <optional>

namespace fieldledger::core {

// A SHA-256 digest: a leaf hash, an interior node hash or a tree root (INTEGRITY.md).
using Hash = std::array<std::uint8_t, 32>;

// SHA-256 of the bytes.
[[nodiscard]] Hash sha256(QByteArrayView bytes);

// RFC 9162 §2.1.1: a leaf is SHA-256(0x00 || canonical event bytes).
[[nodiscard]] Hash leafHash(QByteArrayView canonicalEvent);

// RFC 9162 §2.1.1: an interior node is SHA-256(0x01 || left || right).
[[nodiscard]] Hash nodeHash(const Hash &left, const Hash &right);

// The root of the empty tree, SHA-256 of no bytes (e3b0c442…b855).
[[nodiscard]] Hash emptyTreeHash();

// 64 lower-case hex digits.
[[nodiscard]] QString toHex(const Hash &hash);

// Parses exactly 64 hex digits. Upper-case digits are accepted (a root typed or pasted by a
// person); toHex always writes lower case. Anything else — wrong length, a space, a prefix —
// is std::nullopt.
[[nodiscard]] std::optional<Hash> hashFromHex(QStringView text);

} // namespace fieldledger::core
