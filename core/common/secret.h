#pragma once

#include <QByteArray>

#include <cstddef>

namespace fieldledger::core {

// A buffer of secret bytes (a passphrase, a key) that is wiped with OPENSSL_cleanse when it
// is cleared or destroyed. Never copied implicitly; never converted to QString.
class SecretBytes final {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    SecretBytes(const char *data, std::size_t size);
    // Takes the bytes and wipes the source array.
    static SecretBytes takeFrom(QByteArray &source);
    // Wipes a transient copy held elsewhere.
    static void wipe(QByteArray &bytes);
    static void wipe(void *data, std::size_t size);

    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    ~SecretBytes();

    [[nodiscard]] SecretBytes clone() const { return SecretBytes(data(), size()); }
    [[nodiscard]] const char *data() const { return m_bytes.constData(); }
    [[nodiscard]] char *data() { return m_bytes.data(); }
    [[nodiscard]] const unsigned char *bytes() const
    {
        return reinterpret_cast<const unsigned char *>(m_bytes.constData());
    }
    [[nodiscard]] unsigned char *bytes() { return reinterpret_cast<unsigned char *>(m_bytes.data()); }
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(m_bytes.size()); }
    [[nodiscard]] bool isEmpty() const { return m_bytes.isEmpty(); }
    [[nodiscard]] bool operator==(const SecretBytes &other) const;
    void clear();

private:
    QByteArray m_bytes;
};

} // namespace fieldledger::core
