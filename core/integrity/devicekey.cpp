#include "core/integrity/devicekey.h"

#include "core/integrity/hash.h"

#include <openssl/err.h>
#include <openssl/evp.h>

namespace fieldledger::core {

using namespace Qt::StringLiterals;

namespace {

struct SignContextDeleter {
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};
using SignContext = std::unique_ptr<EVP_MD_CTX, SignContextDeleter>;

struct KeyContextDeleter {
    void operator()(EVP_PKEY_CTX *context) const { EVP_PKEY_CTX_free(context); }
};

// The reason OpenSSL gives for its last failure; clears its error queue so that the failure
// is not reported again by someone else's later call.
QString openSslReason()
{
    const unsigned long code = ERR_peek_last_error();
    QString reason = u"unknown OpenSSL error"_s;
    if (code != 0) {
        char text[256] = {};
        ERR_error_string_n(code, text, sizeof text);
        reason = QString::fromLatin1(text);
    }
    ERR_clear_error();
    return reason;
}

Result<QByteArray> rawPublicKey(EVP_PKEY *key)
{
    QByteArray raw(ed25519KeySize, '\0');
    std::size_t length = static_cast<std::size_t>(raw.size());
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char *>(raw.data()), &length) != 1 ||
        length != static_cast<std::size_t>(ed25519KeySize))
        return fail(ErrorCode::Storage, u"cannot read the Ed25519 public key: "_s + openSslReason());
    return raw;
}

} // namespace

void DeviceKey::KeyDeleter::operator()(evp_pkey_st *key) const
{
    EVP_PKEY_free(key); // also cleanses the private key
}

DeviceKey::DeviceKey(std::unique_ptr<evp_pkey_st, KeyDeleter> key, QByteArray publicRaw)
    : m_key(std::move(key))
    , m_public(std::move(publicRaw))
{
}

DeviceKey::DeviceKey(DeviceKey &&other) noexcept = default;
DeviceKey &DeviceKey::operator=(DeviceKey &&other) noexcept = default;
DeviceKey::~DeviceKey() = default;

Result<DeviceKey> DeviceKey::generate()
{
    const std::unique_ptr<EVP_PKEY_CTX, KeyContextDeleter> context(
        EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    EVP_PKEY *generated = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1 ||
        EVP_PKEY_keygen(context.get(), &generated) != 1)
        return fail(ErrorCode::Storage, u"cannot generate an Ed25519 key: "_s + openSslReason());
    std::unique_ptr<evp_pkey_st, KeyDeleter> key(generated);
    Result<QByteArray> publicRaw = rawPublicKey(key.get());
    if (!publicRaw)
        return std::unexpected(publicRaw.error());
    return DeviceKey(std::move(key), std::move(*publicRaw));
}

Result<DeviceKey> DeviceKey::fromPrivateRaw(const SecretBytes &privateRaw)
{
    if (privateRaw.size() != static_cast<std::size_t>(ed25519KeySize))
        return fail(
            ErrorCode::InvalidArgument,
            u"an Ed25519 private key is %1 bytes, not %2"_s.arg(ed25519KeySize).arg(privateRaw.size()));
    std::unique_ptr<evp_pkey_st, KeyDeleter> key(
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, privateRaw.bytes(), privateRaw.size()));
    if (!key)
        return fail(ErrorCode::Corrupt, u"the Ed25519 private key is unusable: "_s + openSslReason());
    Result<QByteArray> publicRaw = rawPublicKey(key.get());
    if (!publicRaw)
        return std::unexpected(publicRaw.error());
    return DeviceKey(std::move(key), std::move(*publicRaw));
}

SecretBytes DeviceKey::privateRaw() const
{
    // Written straight into the wiping buffer: no other copy of the key is made.
    SecretBytes raw(static_cast<std::size_t>(ed25519KeySize));
    std::size_t length = raw.size();
    if (!m_key || EVP_PKEY_get_raw_private_key(m_key.get(), raw.bytes(), &length) != 1 ||
        length != raw.size()) {
        ERR_clear_error();
        return {};
    }
    return raw;
}

QString DeviceKey::fingerprint() const
{
    return keyFingerprint(m_public);
}

Result<QByteArray> DeviceKey::sign(QByteArrayView message) const
{
    if (!m_key)
        return fail(ErrorCode::InvalidArgument, u"this device key was moved away"_s);
    const SignContext context(EVP_MD_CTX_new());
    QByteArray signature(ed25519SignatureSize, '\0');
    std::size_t length = static_cast<std::size_t>(signature.size());
    // Ed25519 is "pure": no digest is named, and the whole message goes in one call.
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(message.data()),
                       static_cast<std::size_t>(message.size())) != 1 ||
        length != static_cast<std::size_t>(ed25519SignatureSize))
        return fail(ErrorCode::Storage, u"cannot sign with the device key: "_s + openSslReason());
    return signature;
}

bool verifySignature(QByteArrayView publicRaw, QByteArrayView message, QByteArrayView signature)
{
    if (publicRaw.size() != ed25519KeySize || signature.size() != ed25519SignatureSize)
        return false;
    const std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY *)> key(
        EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                    reinterpret_cast<const unsigned char *>(publicRaw.data()),
                                    static_cast<std::size_t>(publicRaw.size())),
        EVP_PKEY_free);
    const SignContext context(EVP_MD_CTX_new());
    const bool valid =
        key && context && EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
        EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                         static_cast<std::size_t>(signature.size()),
                         reinterpret_cast<const unsigned char *>(message.data()),
                         static_cast<std::size_t>(message.size())) == 1;
    ERR_clear_error(); // a bad signature leaves an error behind; it is an answer, not a fault
    return valid;
}

QString keyFingerprint(QByteArrayView publicRaw)
{
    const QString hex = toHex(sha256(publicRaw));
    QString grouped;
    for (qsizetype i = 0; i < 32; i += 4) {
        if (!grouped.isEmpty())
            grouped += u' ';
        grouped += QStringView(hex).mid(i, 4);
    }
    return grouped;
}

} // namespace fieldledger::core
