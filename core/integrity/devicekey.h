#pragma once

#include "core/common/result.h"
#include "core/common/secret.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY

namespace fieldledger::core {

inline constexpr qsizetype ed25519KeySize = 32; // raw public and raw private keys
inline constexpr qsizetype ed25519SignatureSize = 64;

// A device's Ed25519 signing key (RFC 8032, through OpenSSL's EVP_PKEY). It signs the
// device's checkpoints; its raw private key is stored only inside the encrypted registry.
// Move-only: the key material exists once, and OpenSSL wipes it when the key is freed.
class DeviceKey final {
public:
    [[nodiscard]] static Result<DeviceKey> generate();
    // ErrorCode::InvalidArgument unless the key is 32 bytes.
    [[nodiscard]] static Result<DeviceKey> fromPrivateRaw(const SecretBytes &privateRaw);

    DeviceKey(DeviceKey &&other) noexcept;
    DeviceKey &operator=(DeviceKey &&other) noexcept;
    DeviceKey(const DeviceKey &) = delete;
    DeviceKey &operator=(const DeviceKey &) = delete;
    ~DeviceKey();

    // The 32-byte private key, for storing inside the encrypted registry.
    [[nodiscard]] SecretBytes privateRaw() const;
    // The 32-byte public key.
    [[nodiscard]] QByteArray publicRaw() const { return m_public; }
    // keyFingerprint(publicRaw()).
    [[nodiscard]] QString fingerprint() const;

    // A 64-byte Ed25519 signature of the message.
    [[nodiscard]] Result<QByteArray> sign(QByteArrayView message) const;

private:
    struct KeyDeleter {
        void operator()(evp_pkey_st *key) const;
    };
    DeviceKey(std::unique_ptr<evp_pkey_st, KeyDeleter> key, QByteArray publicRaw);

    std::unique_ptr<evp_pkey_st, KeyDeleter> m_key;
    QByteArray m_public;
};

// True only when signature is a valid Ed25519 signature of message under the 32-byte public
// key. Malformed keys and signatures are simply false.
[[nodiscard]] bool verifySignature(QByteArrayView publicRaw, QByteArrayView message,
                                   QByteArrayView signature);

// What a person compares to recognise a key: SHA-256 of the raw public key, its first 16 bytes
// as 8 groups of 4 lower-case hex digits separated by spaces ("3f2a 91c0 …").
[[nodiscard]] QString keyFingerprint(QByteArrayView publicRaw);

} // namespace fieldledger::core
