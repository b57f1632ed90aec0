#include "core/common/secret.h"

#include <openssl/crypto.h>

namespace fieldledger::core {

SecretBytes::SecretBytes(std::size_t size)
    : m_bytes(static_cast<qsizetype>(size), '\0')
{
}

SecretBytes::SecretBytes(const char *data, std::size_t size)
    : m_bytes(data, static_cast<qsizetype>(size))
{
}

SecretBytes SecretBytes::takeFrom(QByteArray &source)
{
    SecretBytes secret(source.constData(), static_cast<std::size_t>(source.size()));
    wipe(source);
    return secret;
}

void SecretBytes::wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached()) {
        bytes.clear(); // shared: another owner still holds the bytes; drop our reference only
        return;
    }
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), static_cast<std::size_t>(bytes.size()));
    bytes.clear();
}

void SecretBytes::wipe(void *data, std::size_t size)
{
    if (data != nullptr && size > 0)
        OPENSSL_cleanse(data, size);
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_bytes(std::move(other.m_bytes))
{
    other.m_bytes = QByteArray();
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes = QByteArray();
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    clear();
}

bool SecretBytes::operator==(const SecretBytes &other) const
{
    return size() == other.size() && CRYPTO_memcmp(data(), other.data(), size()) == 0;
}

void SecretBytes::clear()
{
    if (!m_bytes.isEmpty() && m_bytes.isDetached())
        OPENSSL_cleanse(m_bytes.data(), static_cast<std::size_t>(m_bytes.size()));
    m_bytes = QByteArray();
}

} // namespace fieldledger::core
