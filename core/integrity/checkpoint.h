#pragma once

#include "core/common/result.h"
#include "core/integrity/hash.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace fieldledger::core {

class DeviceKey;

// A device's signed statement "my log had `size` events and this root at `timestamp`"
// (INTEGRITY.md). Kept in the registry, beside it with the key slots, and in export bundles, so
// a later log can be checked to extend it with a consistency proof.
struct Checkpoint {
    QString deviceId;
    quint64 size = 0;
    Hash root{};
    QString timestamp;    // ISO 8601 UTC, from the injected clock
    QByteArray signature; // raw 64-byte Ed25519 signature of signedBytes()
    // The signer's raw 32-byte public key when the JSON carried one. Informational only: a
    // checkpoint is trusted when it verifies with a key the verifier already knows.
    QByteArray publicKey;

    // The bytes that are signed: the RFC 8785 (JCS) form of
    // {"deviceId": …, "root": "<hex>", "size": n, "timestamp": …} — keys sorted, no whitespace,
    // strings escaped as JCS does. Self-contained so that it never changes with other JSON code.
    [[nodiscard]] QByteArray signedBytes() const;

    // Signs signedBytes() with the key and stores the signature. ErrorCode::InvalidArgument
    // when a field cannot be signed faithfully (size above 2^53 - 1, text that is not valid
    // Unicode, an empty deviceId or timestamp).
    [[nodiscard]] Status sign(const DeviceKey &key);

    // ErrorCode::Integrity unless signature is a valid signature of signedBytes() by publicRaw.
    [[nodiscard]] Status verify(QByteArrayView publicRaw) const;

    // {"deviceId", "size", "root" (hex), "timestamp", "signature" (base64), and "publicKey"
    // (base64) when it is set}.
    [[nodiscard]] QJsonObject toJson() const;
    // Every field but publicKey is required; wrong types, a root that is not 64 hex digits, a
    // signature or key that is not base64 of the right length are ErrorCode::InvalidArgument.
    // The signature is not checked here: that is verify().
    [[nodiscard]] static Result<Checkpoint> fromJson(const QJsonObject &json);

    [[nodiscard]] bool operator==(const Checkpoint &other) const = default;
};

} // namespace fieldledger::core
