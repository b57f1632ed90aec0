#include "core/integrity/hash.h"

#include <QtGlobal>

#include <openssl/evp.h>

#include <algorithm>
#include <initializer_list>
#include <memory>

namespace fieldledger::core {

namespace {

// Fetched once: OpenSSL 3 would otherwise look the algorithm up in its provider store on
// every digest, which costs more than hashing a 65-byte node.
const EVP_MD *sha256Algorithm()
{
    static EVP_MD *const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return algorithm;
}

struct DigestContextDeleter {
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

// One reusable context per thread: hashing a node allocates nothing.
EVP_MD_CTX *threadDigestContext()
{
    thread_local const std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> context(EVP_MD_CTX_new());
    return context.get();
}

Hash digest(std::initializer_list<QByteArrayView> parts)
{
    EVP_MD_CTX *context = threadDigestContext();
    const EVP_MD *algorithm = sha256Algorithm();
    Hash out{};
    unsigned int length = 0;
    bool ok =
        context != nullptr && algorithm != nullptr && EVP_DigestInit_ex2(context, algorithm, nullptr) == 1;
    for (const QByteArrayView part : parts)
        ok = ok && EVP_DigestUpdate(context, part.data(), static_cast<std::size_t>(part.size())) == 1;
    ok = ok && EVP_DigestFinal_ex(context, out.data(), &length) == 1 && length == out.size();
    // SHA-256 only fails when OpenSSL itself is broken or out of memory; no hash of the log
    // can be trusted after that, so stop rather than return a made-up digest.
    if (!ok)
        qFatal("fieldledger: OpenSSL could not compute SHA-256");
    return out;
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace

Hash sha256(QByteArrayView bytes)
{
    return digest({bytes});
}

Hash leafHash(QByteArrayView canonicalEvent)
{
    static constexpr char leafPrefix = '\x00';
    return digest({QByteArrayView(&leafPrefix, 1), canonicalEvent});
}

Hash nodeHash(const Hash &left, const Hash &right)
{
    // One contiguous 65-byte input: a single digest update is measurably cheaper than three,
    // and interior nodes are most of the hashing a log does.
    std::array<std::uint8_t, 1 + 2 * std::tuple_size_v<Hash>> input;
    input[0] = 0x01;
    std::copy(left.begin(), left.end(), input.begin() + 1);
    std::copy(right.begin(), right.end(), input.begin() + 1 + left.size());
    return digest({QByteArrayView(input.data(), static_cast<qsizetype>(input.size()))});
}

Hash emptyTreeHash()
{
    static const Hash empty = sha256({});
    return empty;
}

QString toHex(const Hash &hash)
{
    static constexpr char16_t digits[] = u"0123456789abcdef";
    QString text(static_cast<qsizetype>(hash.size() * 2), Qt::Uninitialized);
    QChar *out = text.data();
    for (const std::uint8_t byte : hash) {
        *out++ = QChar(digits[byte >> 4]);
        *out++ = QChar(digits[byte & 0x0f]);
    }
    return text;
}

std::optional<Hash> hashFromHex(QStringView text)
{
    Hash hash{};
    if (text.size() != static_cast<qsizetype>(hash.size() * 2))
        return std::nullopt;
    for (std::size_t i = 0; i < hash.size(); ++i) {
        const int high = hexValue(text[static_cast<qsizetype>(2 * i)]);
        const int low = hexValue(text[static_cast<qsizetype>(2 * i + 1)]);
        if (high < 0 || low < 0)
            return std::nullopt;
        hash[i] = static_cast<std::uint8_t>((high << 4) | low);
    }
    return hash;
}

} // namespace fieldledger::core
