#include "core/storage/keyvault.h"

#include "core/storage/atomicfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

constexpr auto formatName = "fieldledger-keyslots"_L1;
constexpr qint64 formatVersion = 1;
constexpr auto kdfAlgorithm = "argon2id"_L1;
constexpr auto wrapAlgorithm = "aes-256-gcm"_L1;
constexpr auto userKind = "user"_L1;
constexpr auto recoveryKind = "recovery"_L1;
constexpr auto userSlotPrefix = "user:"_L1;
constexpr auto recoverySlotId = "recovery"_L1;

// Slots record the Argon2 version; argon2id_hash_raw() always uses the library's default.
constexpr qint64 argon2Version = ARGON2_VERSION_13;
static_assert(ARGON2_VERSION_NUMBER == ARGON2_VERSION_13, "libargon2 must default to Argon2 version 1.3");

constexpr qsizetype saltSize = 16;
constexpr qsizetype maximumSaltSize = 64;
constexpr qsizetype nonceSize = 12;
constexpr qsizetype tagSize = 16;
constexpr qsizetype keyCheckSize = 32;
constexpr std::size_t wrappingKeySize = 32;
constexpr quint32 maximumMemoryKiB = 4U * 1024U * 1024U; // 4 GiB
constexpr quint32 maximumIterations = 1000;
constexpr quint32 maximumParallelism = 16;
constexpr quint32 tunedMinimumIterations = 3; // RFC 9106 §4, second recommended option
constexpr qint64 maximumFileSize = 4 * 1024 * 1024;
constexpr qsizetype maximumIdentifierLength = 256;

constexpr std::size_t recoveryKeyBytes = 25; // 200 bits = 40 base-32 symbols
constexpr std::size_t recoveryKeySymbols = 40;
constexpr std::size_t recoveryGroupLength = 5;
constexpr char crockfordAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

constexpr char keyCheckLabel[] = "fieldledger key check";
constexpr char associatedDataLabel[] = "fieldledger-keyslot-v1";

QString shownPath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

unsigned char *asBytes(QByteArray &bytes)
{
    return reinterpret_cast<unsigned char *>(bytes.data());
}

const unsigned char *asBytes(const QByteArray &bytes)
{
    return reinterpret_cast<const unsigned char *>(bytes.constData());
}

// What is wrong with a user or registry id, if anything.
std::optional<QString> identifierProblem(const QString &value)
{
    if (value.isEmpty())
        return u"is empty"_s;
    if (value.size() > maximumIdentifierLength)
        return u"is longer than %1 characters"_s.arg(maximumIdentifierLength);
    if (value.trimmed() != value)
        return u"starts or ends with white space"_s;
    if (std::ranges::any_of(value, [](QChar c) { return c.category() == QChar::Other_Control; }))
        return u"contains a control character"_s;
    return std::nullopt;
}

std::optional<QString> paramsProblem(const KdfParams &params)
{
    if (params.memoryKiB < KeyVault::minimumMemoryKiB)
        return u"Argon2id memory of %1 KiB is below the minimum of %2 KiB (64 MiB)"_s.arg(params.memoryKiB)
            .arg(KeyVault::minimumMemoryKiB);
    if (params.memoryKiB > maximumMemoryKiB)
        return u"Argon2id memory of %1 KiB is above the maximum of %2 KiB (4 GiB)"_s.arg(params.memoryKiB)
            .arg(maximumMemoryKiB);
    if (params.iterations < 1 || params.iterations > maximumIterations)
        return u"Argon2id iterations %1 are outside 1..%2"_s.arg(params.iterations).arg(maximumIterations);
    if (params.parallelism < 1 || params.parallelism > maximumParallelism)
        return u"Argon2id parallelism %1 is outside 1..%2"_s.arg(params.parallelism).arg(maximumParallelism);
    return std::nullopt;
}

// ---- randomness, key derivation, wrapping ------------------------------------------------

Result<SecretBytes> randomSecret(std::size_t size)
{
    SecretBytes secret(size);
    if (RAND_bytes(secret.bytes(), static_cast<int>(size)) != 1)
        return fail(ErrorCode::Storage, u"the system random number generator failed"_s);
    return secret;
}

Result<QByteArray> randomBytes(qsizetype size)
{
    QByteArray bytes(size, '\0');
    if (RAND_bytes(asBytes(bytes), static_cast<int>(size)) != 1)
        return fail(ErrorCode::Storage, u"the system random number generator failed"_s);
    return bytes;
}

Result<SecretBytes> deriveKey(const SecretBytes &secret, const QByteArray &salt, const KdfParams &params)
{
    SecretBytes key(wrappingKeySize);
    const int status = argon2id_hash_raw(params.iterations, params.memoryKiB, params.parallelism,
                                         secret.data(), secret.size(), salt.constData(),
                                         static_cast<std::size_t>(salt.size()), key.data(), key.size());
    if (status != ARGON2_OK)
        return fail(ErrorCode::Storage, u"Argon2id key derivation failed: %1"_s.arg(
                                            QString::fromUtf8(argon2_error_message(status))));
    return key;
}

// Slot binding: a slot only opens inside the registry and under the slot id it was made for.
QByteArray associatedData(const QString &registryId, const QString &slotId)
{
    QByteArray data(associatedDataLabel);
    data.append('\0');
    data.append(registryId.toUtf8());
    data.append('\0');
    data.append(slotId.toUtf8());
    return data;
}

struct CipherContextDeleter {
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter>;

struct Wrapped {
    QByteArray nonce;
    QByteArray ciphertext;
    QByteArray tag;
};

Result<Wrapped> wrapKey(const SecretBytes &wrappingKey, const SecretBytes &dataKey, const QByteArray &aad)
{
    auto nonce = randomBytes(nonceSize);
    if (!nonce)
        return std::unexpected(nonce.error());
    Wrapped wrapped{*nonce, QByteArray(static_cast<qsizetype>(dataKey.size()), '\0'),
                    QByteArray(tagSize, '\0')};

    const CipherContext context(EVP_CIPHER_CTX_new());
    EVP_CIPHER_CTX *ctx = context.get();
    unsigned char *out = asBytes(wrapped.ciphertext);
    const int keyLength = static_cast<int>(dataKey.size());
    int length = 0;
    int finalLength = 0;
    const bool ok =
        ctx != nullptr && EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonceSize), nullptr) == 1 &&
        EVP_EncryptInit_ex(ctx, nullptr, nullptr, wrappingKey.bytes(), asBytes(wrapped.nonce)) == 1 &&
        EVP_EncryptUpdate(ctx, nullptr, &length, asBytes(aad), static_cast<int>(aad.size())) == 1 &&
        EVP_EncryptUpdate(ctx, out, &length, dataKey.bytes(), keyLength) == 1 &&
        EVP_EncryptFinal_ex(ctx, out + length, &finalLength) == 1 && length + finalLength == keyLength &&
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, static_cast<int>(tagSize), wrapped.tag.data()) == 1;
    if (!ok)
        return fail(ErrorCode::Storage, u"AES-256-GCM encryption failed"_s);
    return wrapped;
}

// The data key, or WrongSecret (with wrongSecretMessage) when the tag does not verify.
Result<SecretBytes> unwrapKey(const SecretBytes &wrappingKey, const QByteArray &nonce,
                              const QByteArray &ciphertext, QByteArray tag, const QByteArray &aad,
                              const QString &wrongSecretMessage)
{
    SecretBytes plaintext(static_cast<std::size_t>(ciphertext.size()));
    const CipherContext context(EVP_CIPHER_CTX_new());
    EVP_CIPHER_CTX *ctx = context.get();
    const int nonceLength = static_cast<int>(nonce.size());
    const int aadLength = static_cast<int>(aad.size());
    const int ciphertextLength = static_cast<int>(ciphertext.size());
    const int tagLength = static_cast<int>(tag.size());
    int length = 0;
    int finalLength = 0;
    const bool prepared =
        ctx != nullptr && EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, nonceLength, nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx, nullptr, nullptr, wrappingKey.bytes(), asBytes(nonce)) == 1 &&
        EVP_DecryptUpdate(ctx, nullptr, &length, asBytes(aad), aadLength) == 1 &&
        EVP_DecryptUpdate(ctx, plaintext.bytes(), &length, asBytes(ciphertext), ciphertextLength) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, tagLength, tag.data()) == 1;
    if (!prepared)
        return fail(ErrorCode::Storage, u"AES-256-GCM decryption could not start"_s);
    if (EVP_DecryptFinal_ex(ctx, plaintext.bytes() + length, &finalLength) != 1)
        return fail(ErrorCode::WrongSecret, wrongSecretMessage); // plaintext is wiped on return
    return plaintext;
}

// HMAC-SHA256(dataKey, "fieldledger key check"): lets the vault recognise the data key without
// holding it. Empty on failure.
QByteArray keyCheckFor(const SecretBytes &dataKey)
{
    QByteArray mac(keyCheckSize, '\0');
    unsigned int length = 0;
    const unsigned char *result = HMAC(EVP_sha256(), dataKey.data(), static_cast<int>(dataKey.size()),
                                       reinterpret_cast<const unsigned char *>(keyCheckLabel),
                                       sizeof keyCheckLabel - 1, asBytes(mac), &length);
    if (result == nullptr || length != static_cast<unsigned int>(keyCheckSize))
        return {};
    return mac;
}

// ---- recovery key text ------------------------------------------------------------------------

SecretBytes formatRecoveryKey(const SecretBytes &raw)
{
    const std::size_t groups = recoveryKeySymbols / recoveryGroupLength;
    SecretBytes text(recoveryKeySymbols + groups - 1);
    std::size_t written = 0;
    std::size_t symbols = 0;
    quint32 buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        buffer = (buffer << 8) | raw.bytes()[i];
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            if (symbols > 0 && symbols % recoveryGroupLength == 0)
                text.data()[written++] = '-';
            text.data()[written++] = crockfordAlphabet[(buffer >> bits) & 31U];
            ++symbols;
        }
    }
    SecretBytes::wipe(&buffer, sizeof buffer);
    return text;
}

int crockfordValue(char symbol)
{
    if (symbol >= 'a' && symbol <= 'z')
        symbol = static_cast<char>(symbol - 'a' + 'A');
    if (symbol == 'O')
        symbol = '0';
    else if (symbol == 'I' || symbol == 'L')
        symbol = '1';
    for (int i = 0; i < 32; ++i) {
        if (crockfordAlphabet[i] == symbol)
            return i;
    }
    return -1;
}

// The 25 raw bytes of a recovery key typed in any case, with or without dashes and spaces.
Result<SecretBytes> parseRecoveryKey(const SecretBytes &text)
{
    SecretBytes raw(recoveryKeyBytes);
    std::size_t written = 0;
    std::size_t symbols = 0;
    quint32 buffer = 0;
    int bits = 0;
    bool foreign = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char symbol = text.data()[i];
        if (symbol == '-' || symbol == ' ' || symbol == '\t' || symbol == '\r' || symbol == '\n')
            continue;
        const int value = crockfordValue(symbol);
        if (value < 0) {
            foreign = true;
            break;
        }
        if (++symbols > recoveryKeySymbols)
            continue; // keep counting for the message
        buffer = (buffer << 5) | static_cast<quint32>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            raw.bytes()[written++] = static_cast<unsigned char>(buffer >> bits);
        }
    }
    SecretBytes::wipe(&buffer, sizeof buffer);
    if (foreign)
        return fail(ErrorCode::WrongSecret,
                    u"wrong recovery key: it contains a character that no recovery key has "
                    "(recovery keys are digits, letters and dashes)"_s);
    if (symbols != recoveryKeySymbols)
        return fail(ErrorCode::WrongSecret,
                    u"wrong recovery key: it has %1 characters besides dashes, a recovery key has %2 "
                    "(8 groups of 5)"_s.arg(symbols)
                        .arg(recoveryKeySymbols));
    return raw;
}

// ---- reading the file ------------------------------------------------------------------------

Result<QByteArray> readSlotFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(ErrorCode::NotFound, u"there is no key-slot file '%1'"_s.arg(shownPath(path)));
    if (info.isDir())
        return fail(ErrorCode::InvalidArgument,
                    u"'%1' is a folder, not a key-slot file"_s.arg(shownPath(path)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Storage,
                    u"cannot read the key-slot file '%1': %2"_s.arg(shownPath(path), file.errorString()));
    if (file.size() > maximumFileSize)
        return fail(
            ErrorCode::Corrupt,
            u"the key-slot file '%1' is damaged: it is %2 bytes, far more than a key-slot file holds. "
            "It was left untouched."_s.arg(shownPath(path))
                .arg(file.size()));
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Storage,
                    u"cannot read the key-slot file '%1': %2"_s.arg(shownPath(path), file.errorString()));
    return bytes;
}

// Field readers: each names the field it rejects (e.g. "slots[1].kdf.salt").
template<typename T>
using Check = std::expected<T, QString>;

Check<QJsonValue> member(const QJsonObject &object, const QString &prefix, QLatin1StringView key)
{
    const auto found = object.constFind(key);
    if (found == object.constEnd())
        return std::unexpected(u"%1%2 is missing"_s.arg(prefix, key));
    return *found;
}

Check<QString> readString(const QJsonObject &object, const QString &prefix, QLatin1StringView key)
{
    const auto value = member(object, prefix, key);
    if (!value)
        return std::unexpected(value.error());
    if (!value->isString())
        return std::unexpected(u"%1%2 is not a string"_s.arg(prefix, key));
    return value->toString();
}

Check<QJsonObject> readObject(const QJsonObject &object, const QString &prefix, QLatin1StringView key)
{
    const auto value = member(object, prefix, key);
    if (!value)
        return std::unexpected(value.error());
    if (!value->isObject())
        return std::unexpected(u"%1%2 is not an object"_s.arg(prefix, key));
    return value->toObject();
}

Check<qint64> readInteger(const QJsonObject &object, const QString &prefix, QLatin1StringView key)
{
    constexpr qint64 notAnInteger = std::numeric_limits<qint64>::min();
    const auto value = member(object, prefix, key);
    if (!value)
        return std::unexpected(value.error());
    const qint64 integer = value->isDouble() ? value->toInteger(notAnInteger) : notAnInteger;
    if (integer == notAnInteger)
        return std::unexpected(u"%1%2 is not an integer"_s.arg(prefix, key));
    return integer;
}

Check<quint32> readCount(const QJsonObject &object, const QString &prefix, QLatin1StringView key)
{
    const auto integer = readInteger(object, prefix, key);
    if (!integer)
        return std::unexpected(integer.error());
    if (*integer < 0 || *integer > std::numeric_limits<quint32>::max())
        return std::unexpected(u"%1%2 is out of range (%3)"_s.arg(prefix, key).arg(*integer));
    return static_cast<quint32>(*integer);
}

Check<QByteArray> readBase64(const QJsonObject &object, const QString &prefix, QLatin1StringView key,
                             qsizetype minimumSize, qsizetype maximumSize)
{
    const auto text = readString(object, prefix, key);
    if (!text)
        return std::unexpected(text.error());
    auto decoded = QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::unexpected(u"%1%2 is not valid base64"_s.arg(prefix, key));
    const qsizetype size = decoded.decoded.size();
    if (size < minimumSize || size > maximumSize) {
        const QString expected = minimumSize == maximumSize ? QString::number(minimumSize)
                                                            : u"%1 to %2"_s.arg(minimumSize).arg(maximumSize);
        return std::unexpected(
            u"%1%2 holds %3 bytes, expected %4"_s.arg(prefix, key).arg(size).arg(expected));
    }
    return decoded.decoded;
}

Check<void> expectText(const QJsonObject &object, const QString &prefix, QLatin1StringView key,
                       QLatin1StringView expected)
{
    const auto text = readString(object, prefix, key);
    if (!text)
        return std::unexpected(text.error());
    if (*text != expected)
        return std::unexpected(u"%1%2 is '%3', expected '%4'"_s.arg(prefix, key, *text, expected));
    return {};
}

} // namespace

// ---- KeyVault ------------------------------------------------------------------------------

KeyVault::KeyVault(QString path, QString registryId, QByteArray keyCheck, std::vector<Slot> slotList,
                   QJsonObject checkpoint, QByteArray fileDigest)
    : m_path(std::move(path))
    , m_registryId(std::move(registryId))
    , m_keyCheck(std::move(keyCheck))
    , m_slots(std::move(slotList))
    , m_checkpoint(std::move(checkpoint))
    , m_fileDigest(std::move(fileDigest))
{
}

QString KeyVault::slotFilePathFor(const QString &databasePath)
{
    return databasePath + u".keys"_s;
}

KdfParams KeyVault::tune(int targetMs)
{
    if (qEnvironmentVariable("FIELDLEDGER_TEST_FAST_KDF") == u"1"_s)
        return KdfParams{minimumMemoryKiB, 1, 1};

    // Nanoseconds for one derivation, or nullopt if Argon2id cannot run (e.g. out of memory).
    const auto measure = [](quint32 iterations) -> std::optional<qint64> {
        const SecretBytes password(32);
        const QByteArray salt(saltSize, '\x5a');
        SecretBytes output(wrappingKeySize);
        QElapsedTimer timer;
        timer.start();
        const int status = argon2id_hash_raw(
            iterations, minimumMemoryKiB, 1, password.data(), password.size(), salt.constData(),
            static_cast<std::size_t>(salt.size()), output.data(), output.size());
        if (status != ARGON2_OK)
            return std::nullopt;
        return timer.nsecsElapsed();
    };
    // Warm-up first (first-touch page faults, CPU clock ramp-up), then two timed runs of three
    // passes, keeping the faster: the machine may be busy with other work.
    const auto warmUp = measure(1);
    const auto first = measure(3);
    const auto second = measure(3);
    if (!warmUp || !first || !second)
        return KdfParams{}; // the defaults; create() reports the failure when it derives for real
    const double perIteration = std::max(static_cast<double>(std::min(*first, *second)) / 3.0, 1.0);
    const double target = static_cast<double>(std::max(targetMs, 1)) * 1.0e6;
    const auto iterations =
        std::clamp<long long>(std::llround(target / perIteration), tunedMinimumIterations, maximumIterations);
    return KdfParams{minimumMemoryKiB, static_cast<quint32>(iterations), 1};
}

Result<KeyVault::Created> KeyVault::create(const QString &slotFilePath, const QString &registryId,
                                           const QString &userId, const SecretBytes &passphrase,
                                           const KdfParams &params)
{
    if (const auto problem = identifierProblem(registryId))
        return fail(ErrorCode::InvalidArgument, u"the registry id %1"_s.arg(*problem));
    if (const auto problem = identifierProblem(userId))
        return fail(ErrorCode::InvalidArgument, u"the user id %1"_s.arg(*problem));
    if (passphrase.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"the passphrase for user '%1' is empty"_s.arg(userId));
    if (const auto problem = paramsProblem(params))
        return fail(ErrorCode::InvalidArgument, *problem);
    if (QFileInfo::exists(slotFilePath))
        return fail(ErrorCode::Conflict,
                    u"'%1' already exists; a new registry never writes over an existing key-slot file"_s.arg(
                        shownPath(slotFilePath)));
    if (const QFileInfo folder(QFileInfo(slotFilePath).absolutePath()); !folder.isDir())
        return fail(ErrorCode::NotFound, u"cannot create '%1': the folder '%2' does not exist"_s.arg(
                                             shownPath(slotFilePath), shownPath(folder.filePath())));

    auto dataKey = randomSecret(dataKeySize);
    if (!dataKey)
        return std::unexpected(dataKey.error());
    auto recoveryRaw = randomSecret(recoveryKeyBytes);
    if (!recoveryRaw)
        return std::unexpected(recoveryRaw.error());
    QByteArray keyCheck = keyCheckFor(*dataKey);
    if (keyCheck.isEmpty())
        return fail(ErrorCode::Storage, u"computing the key check value failed"_s);

    auto userSlot = seal(registryId, SlotKind::User, userId, passphrase, *dataKey, params);
    if (!userSlot)
        return std::unexpected(userSlot.error());
    auto recoverySlot = seal(registryId, SlotKind::Recovery, {}, *recoveryRaw, *dataKey, params);
    if (!recoverySlot)
        return std::unexpected(recoverySlot.error());

    std::vector<Slot> slotList{std::move(*userSlot), std::move(*recoverySlot)};
    const QByteArray bytes = serialize(registryId, keyCheck, slotList, {});
    if (const auto written = AtomicFile::write(slotFilePath, bytes, AtomicFile::Mode::CreateNew); !written)
        return std::unexpected(written.error());

    KeyVault vault(slotFilePath, registryId, std::move(keyCheck), std::move(slotList), {}, sha256(bytes));
    return Created{std::move(vault), std::move(*dataKey), formatRecoveryKey(*recoveryRaw)};
}

Result<KeyVault> KeyVault::load(const QString &slotFilePath)
{
    const auto bytes = readSlotFile(slotFilePath);
    if (!bytes)
        return std::unexpected(bytes.error());
    return parse(slotFilePath, *bytes);
}

Result<KeyVault> KeyVault::parse(const QString &path, const QByteArray &bytes)
{
    const auto damaged = [&path](const QString &problem) {
        return fail(
            ErrorCode::Corrupt,
            u"the key-slot file '%1' is damaged: %2. It was left untouched."_s.arg(shownPath(path), problem));
    };
    if (bytes.trimmed().isEmpty())
        return damaged(u"it is empty"_s);

    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return damaged(
            u"it is not valid JSON (%1 at byte %2; the file may be truncated)"_s.arg(parseError.errorString())
                .arg(parseError.offset));
    if (!document.isObject())
        return damaged(u"its top level is not a JSON object"_s);
    const QJsonObject root = document.object();
    const QString top;

    if (const auto format = expectText(root, top, "format"_L1, formatName); !format)
        return damaged(format.error());
    const auto version = readInteger(root, top, "formatVersion"_L1);
    if (!version)
        return damaged(version.error());
    if (*version > formatVersion)
        return fail(ErrorCode::Unsupported,
                    u"the key-slot file '%1' has format version %2, newer than this FieldLedger reads (%3); "
                    "open it with a newer FieldLedger"_s.arg(shownPath(path))
                        .arg(*version)
                        .arg(formatVersion));
    if (*version != formatVersion)
        return damaged(u"formatVersion is %1, expected %2"_s.arg(*version).arg(formatVersion));

    const auto registryId = readString(root, top, "registryId"_L1);
    if (!registryId)
        return damaged(registryId.error());
    if (const auto problem = identifierProblem(*registryId))
        return damaged(u"registryId %1"_s.arg(*problem));
    auto keyCheck = readBase64(root, top, "keyCheck"_L1, keyCheckSize, keyCheckSize);
    if (!keyCheck)
        return damaged(keyCheck.error());

    const auto slotsValue = member(root, top, "slots"_L1);
    if (!slotsValue)
        return damaged(slotsValue.error());
    if (!slotsValue->isArray())
        return damaged(u"slots is not an array"_s);
    const QJsonArray slotArray = slotsValue->toArray();

    const auto readSlot = [](const QJsonValue &value, const QString &prefix) -> Check<Slot> {
        if (!value.isObject())
            return std::unexpected(u"%1 is not an object"_s.arg(prefix.chopped(1)));
        const QJsonObject object = value.toObject();
        Slot slot;
        const auto id = readString(object, prefix, "id"_L1);
        if (!id)
            return std::unexpected(id.error());
        slot.id = *id;
        const auto kind = readString(object, prefix, "kind"_L1);
        if (!kind)
            return std::unexpected(kind.error());
        if (*kind == userKind) {
            const auto userId = readString(object, prefix, "userId"_L1);
            if (!userId)
                return std::unexpected(userId.error());
            if (const auto problem = identifierProblem(*userId))
                return std::unexpected(u"%1userId %2"_s.arg(prefix, *problem));
            if (slot.id != userSlotPrefix + *userId)
                return std::unexpected(u"%1id is '%2', but a slot for user '%3' has id '%4%3'"_s.arg(
                    prefix, slot.id, *userId, userSlotPrefix));
            slot.kind = SlotKind::User;
            slot.userId = *userId;
        } else if (*kind == recoveryKind) {
            if (slot.id != recoverySlotId)
                return std::unexpected(u"%1id is '%2', but the recovery slot has id '%3'"_s.arg(
                    prefix, slot.id, recoverySlotId));
            slot.kind = SlotKind::Recovery;
        } else {
            return std::unexpected(
                u"%1kind is '%2', expected '%3' or '%4'"_s.arg(prefix, *kind, userKind, recoveryKind));
        }

        const QString kdfPrefix = prefix + u"kdf."_s;
        const auto kdf = readObject(object, prefix, "kdf"_L1);
        if (!kdf)
            return std::unexpected(kdf.error());
        if (const auto algorithm = expectText(*kdf, kdfPrefix, "algorithm"_L1, kdfAlgorithm); !algorithm)
            return std::unexpected(algorithm.error());
        const auto argon2 = readInteger(*kdf, kdfPrefix, "version"_L1);
        if (!argon2)
            return std::unexpected(argon2.error());
        if (*argon2 != argon2Version)
            return std::unexpected(
                u"%1version is %2, expected %3 (Argon2 1.3)"_s.arg(kdfPrefix).arg(*argon2).arg(
                    argon2Version));
        const auto memory = readCount(*kdf, kdfPrefix, "memoryKiB"_L1);
        if (!memory)
            return std::unexpected(memory.error());
        const auto iterations = readCount(*kdf, kdfPrefix, "iterations"_L1);
        if (!iterations)
            return std::unexpected(iterations.error());
        const auto parallelism = readCount(*kdf, kdfPrefix, "parallelism"_L1);
        if (!parallelism)
            return std::unexpected(parallelism.error());
        slot.kdf = KdfParams{*memory, *iterations, *parallelism};
        if (const auto problem = paramsProblem(slot.kdf))
            return std::unexpected(u"%1: %2"_s.arg(kdfPrefix.chopped(1), *problem));
        auto salt = readBase64(*kdf, kdfPrefix, "salt"_L1, saltSize, maximumSaltSize);
        if (!salt)
            return std::unexpected(salt.error());
        slot.salt = std::move(*salt);

        const QString wrapPrefix = prefix + u"wrap."_s;
        const auto wrap = readObject(object, prefix, "wrap"_L1);
        if (!wrap)
            return std::unexpected(wrap.error());
        if (const auto algorithm = expectText(*wrap, wrapPrefix, "algorithm"_L1, wrapAlgorithm); !algorithm)
            return std::unexpected(algorithm.error());
        auto nonce = readBase64(*wrap, wrapPrefix, "nonce"_L1, nonceSize, nonceSize);
        if (!nonce)
            return std::unexpected(nonce.error());
        auto ciphertext =
            readBase64(*wrap, wrapPrefix, "ciphertext"_L1, qsizetype{dataKeySize}, qsizetype{dataKeySize});
        if (!ciphertext)
            return std::unexpected(ciphertext.error());
        auto tag = readBase64(*wrap, wrapPrefix, "tag"_L1, tagSize, tagSize);
        if (!tag)
            return std::unexpected(tag.error());
        slot.nonce = std::move(*nonce);
        slot.ciphertext = std::move(*ciphertext);
        slot.tag = std::move(*tag);
        return slot;
    };

    std::vector<Slot> slotList;
    slotList.reserve(static_cast<std::size_t>(slotArray.size()));
    for (qsizetype i = 0; i < slotArray.size(); ++i) {
        auto slot = readSlot(slotArray.at(i), u"slots[%1]."_s.arg(i));
        if (!slot)
            return damaged(slot.error());
        if (std::ranges::any_of(slotList, [&](const Slot &seen) { return seen.id == slot->id; }))
            return damaged(u"the slot '%1' appears twice"_s.arg(slot->id));
        slotList.push_back(std::move(*slot));
    }
    if (std::ranges::none_of(slotList, [](const Slot &slot) { return slot.kind == SlotKind::User; }))
        return damaged(u"it has no user slot"_s);

    QJsonObject checkpoint;
    if (const auto found = root.constFind("checkpoint"_L1); found != root.constEnd()) {
        if (!found->isObject())
            return damaged(u"checkpoint is not an object"_s);
        checkpoint = found->toObject();
    }

    return KeyVault(path, *registryId, std::move(*keyCheck), std::move(slotList), std::move(checkpoint),
                    sha256(bytes));
}

QByteArray KeyVault::serialize(const QString &registryId, const QByteArray &keyCheck,
                               const std::vector<Slot> &slotList, const QJsonObject &checkpoint)
{
    const auto base64 = [](const QByteArray &bytes) { return QString::fromLatin1(bytes.toBase64()); };
    QJsonArray slotArray;
    for (const Slot &slot : slotList) {
        QJsonObject object{
            {u"id"_s, slot.id},
            {u"kind"_s, slot.kind == SlotKind::User ? QString(userKind) : QString(recoveryKind)},
            {u"kdf"_s, QJsonObject{{u"algorithm"_s, QString(kdfAlgorithm)},
                                   {u"version"_s, argon2Version},
                                   {u"memoryKiB"_s, qint64{slot.kdf.memoryKiB}},
                                   {u"iterations"_s, qint64{slot.kdf.iterations}},
                                   {u"parallelism"_s, qint64{slot.kdf.parallelism}},
                                   {u"salt"_s, base64(slot.salt)}}},
            {u"wrap"_s, QJsonObject{{u"algorithm"_s, QString(wrapAlgorithm)},
                                    {u"nonce"_s, base64(slot.nonce)},
                                    {u"ciphertext"_s, base64(slot.ciphertext)},
                                    {u"tag"_s, base64(slot.tag)}}},
        };
        if (slot.kind == SlotKind::User)
            object.insert(u"userId"_s, slot.userId);
        slotArray.append(object);
    }
    QJsonObject root{
        {u"format"_s, QString(formatName)},
        {u"formatVersion"_s, formatVersion},
        {u"registryId"_s, registryId},
        {u"keyCheck"_s, base64(keyCheck)},
        {u"slots"_s, slotArray},
    };
    if (!checkpoint.isEmpty())
        root.insert(u"checkpoint"_s, checkpoint);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<KeyVault::Slot> KeyVault::seal(const QString &registryId, SlotKind kind, const QString &userId,
                                      const SecretBytes &secret, const SecretBytes &dataKey,
                                      const KdfParams &params)
{
    Slot slot;
    slot.kind = kind;
    slot.userId = kind == SlotKind::User ? userId : QString();
    slot.id = kind == SlotKind::User ? userSlotPrefix + userId : QString(recoverySlotId);
    slot.kdf = params;
    auto salt = randomBytes(saltSize);
    if (!salt)
        return std::unexpected(salt.error());
    slot.salt = std::move(*salt);

    auto wrappingKey = deriveKey(secret, slot.salt, params);
    if (!wrappingKey)
        return std::unexpected(wrappingKey.error());
    auto wrapped = wrapKey(*wrappingKey, dataKey, associatedData(registryId, slot.id));
    wrappingKey->clear();
    if (!wrapped)
        return std::unexpected(wrapped.error());
    slot.nonce = std::move(wrapped->nonce);
    slot.ciphertext = std::move(wrapped->ciphertext);
    slot.tag = std::move(wrapped->tag);
    return slot;
}

const KeyVault::Slot *KeyVault::findUserSlot(const QString &userId) const
{
    const auto found = std::ranges::find_if(
        m_slots, [&](const Slot &slot) { return slot.kind == SlotKind::User && slot.userId == userId; });
    return found == m_slots.end() ? nullptr : &*found;
}

const KeyVault::Slot *KeyVault::findRecoverySlot() const
{
    const auto found =
        std::ranges::find_if(m_slots, [](const Slot &slot) { return slot.kind == SlotKind::Recovery; });
    return found == m_slots.end() ? nullptr : &*found;
}

Result<SecretBytes> KeyVault::open(const Slot &slot, const SecretBytes &secret,
                                   const QString &wrongSecretMessage) const
{
    auto wrappingKey = deriveKey(secret, slot.salt, slot.kdf);
    if (!wrappingKey)
        return std::unexpected(wrappingKey.error());
    auto dataKey = unwrapKey(*wrappingKey, slot.nonce, slot.ciphertext, slot.tag,
                             associatedData(m_registryId, slot.id), wrongSecretMessage);
    wrappingKey->clear();
    if (dataKey && !isDataKey(*dataKey))
        return fail(
            ErrorCode::Corrupt,
            u"the key slot '%1' in '%2' opened, but it does not hold this registry's data key "
            "(the key check does not match). The file was left untouched."_s.arg(slot.id, shownPath(m_path)));
    return dataKey;
}

Result<SecretBytes> KeyVault::unlock(const QString &userId, const SecretBytes &passphrase) const
{
    const Slot *slot = findUserSlot(userId);
    if (slot == nullptr)
        return fail(ErrorCode::NotFound,
                    u"user '%1' has no key slot in '%2'"_s.arg(userId, shownPath(m_path)));
    const QString wrong = u"wrong passphrase for user '%1'"_s.arg(userId);
    if (passphrase.isEmpty())
        return fail(ErrorCode::WrongSecret, wrong); // an empty passphrase is never stored
    return open(*slot, passphrase, wrong);
}

Result<SecretBytes> KeyVault::unlockWithRecoveryKey(const SecretBytes &recoveryKey) const
{
    const Slot *slot = findRecoverySlot();
    if (slot == nullptr)
        return fail(ErrorCode::NotFound, u"'%1' has no recovery slot"_s.arg(shownPath(m_path)));
    const auto raw = parseRecoveryKey(recoveryKey);
    if (!raw)
        return std::unexpected(raw.error());
    return open(*slot, *raw, u"wrong recovery key for registry '%1'"_s.arg(m_registryId));
}

bool KeyVault::isDataKey(const SecretBytes &dataKey) const
{
    if (dataKey.size() != dataKeySize)
        return false;
    const QByteArray check = keyCheckFor(dataKey);
    return check.size() == m_keyCheck.size() && !check.isEmpty() &&
           CRYPTO_memcmp(check.constData(), m_keyCheck.constData(), static_cast<std::size_t>(check.size())) ==
               0;
}

Status KeyVault::addUser(const QString &userId, const SecretBytes &dataKey, const SecretBytes &passphrase,
                         const KdfParams &params)
{
    if (const auto problem = identifierProblem(userId))
        return fail(ErrorCode::InvalidArgument, u"the user id %1"_s.arg(*problem));
    if (hasUser(userId))
        return fail(ErrorCode::Conflict,
                    u"user '%1' already has a key slot in '%2'"_s.arg(userId, shownPath(m_path)));
    if (passphrase.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"the passphrase for user '%1' is empty"_s.arg(userId));
    if (const auto problem = paramsProblem(params))
        return fail(ErrorCode::InvalidArgument, *problem);
    if (!isDataKey(dataKey))
        return fail(ErrorCode::WrongSecret,
                    u"the data key given is not the data key of registry '%1'"_s.arg(m_registryId));
    if (const auto unchanged = checkUnchangedOnDisk(); !unchanged)
        return unchanged;

    auto slot = seal(m_registryId, SlotKind::User, userId, passphrase, dataKey, params);
    if (!slot)
        return std::unexpected(slot.error());
    std::vector<Slot> slotList = m_slots;
    // New users go after the existing users, before the recovery slot.
    const auto recovery = std::ranges::find_if(
        slotList, [](const Slot &existing) { return existing.kind == SlotKind::Recovery; });
    slotList.insert(recovery, std::move(*slot));
    return commit(std::move(slotList), m_checkpoint);
}

Status KeyVault::removeUser(const QString &userId)
{
    if (!hasUser(userId))
        return fail(ErrorCode::NotFound,
                    u"user '%1' has no key slot in '%2'"_s.arg(userId, shownPath(m_path)));
    if (userIds().size() == 1)
        return fail(ErrorCode::InvalidArgument,
                    u"user '%1' holds the last user slot of registry '%2'; it cannot be removed"_s.arg(
                        userId, m_registryId));
    std::vector<Slot> slotList = m_slots;
    std::erase_if(slotList,
                  [&](const Slot &slot) { return slot.kind == SlotKind::User && slot.userId == userId; });
    return commit(std::move(slotList), m_checkpoint);
}

Status KeyVault::changePassphrase(const QString &userId, const SecretBytes &oldPassphrase,
                                  const SecretBytes &newPassphrase, std::optional<KdfParams> newParams)
{
    const Slot *existing = findUserSlot(userId);
    if (existing == nullptr)
        return fail(ErrorCode::NotFound,
                    u"user '%1' has no key slot in '%2'"_s.arg(userId, shownPath(m_path)));
    if (newPassphrase.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"the new passphrase for user '%1' is empty"_s.arg(userId));
    const KdfParams params = newParams.value_or(existing->kdf);
    if (const auto problem = paramsProblem(params))
        return fail(ErrorCode::InvalidArgument, *problem);

    const auto dataKey = unlock(userId, oldPassphrase);
    if (!dataKey)
        return std::unexpected(dataKey.error());
    if (const auto unchanged = checkUnchangedOnDisk(); !unchanged)
        return unchanged;
    const auto slot = seal(m_registryId, SlotKind::User, userId, newPassphrase, *dataKey, params);
    if (!slot)
        return std::unexpected(slot.error());
    return replaceSlot(*slot);
}

Status KeyVault::resetPassphraseWithDataKey(const QString &userId, const SecretBytes &dataKey,
                                            const SecretBytes &newPassphrase,
                                            std::optional<KdfParams> newParams)
{
    const Slot *existing = findUserSlot(userId);
    if (existing == nullptr)
        return fail(ErrorCode::NotFound,
                    u"user '%1' has no key slot in '%2'"_s.arg(userId, shownPath(m_path)));
    if (newPassphrase.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"the new passphrase for user '%1' is empty"_s.arg(userId));
    const KdfParams params = newParams.value_or(existing->kdf);
    if (const auto problem = paramsProblem(params))
        return fail(ErrorCode::InvalidArgument, *problem);
    if (!isDataKey(dataKey))
        return fail(ErrorCode::WrongSecret,
                    u"the data key given is not the data key of registry '%1'"_s.arg(m_registryId));
    if (const auto unchanged = checkUnchangedOnDisk(); !unchanged)
        return unchanged;

    const auto slot = seal(m_registryId, SlotKind::User, userId, newPassphrase, dataKey, params);
    if (!slot)
        return std::unexpected(slot.error());
    return replaceSlot(*slot);
}

Result<SecretBytes> KeyVault::replaceRecoveryKey(const SecretBytes &dataKey)
{
    if (!isDataKey(dataKey))
        return fail(ErrorCode::WrongSecret,
                    u"the data key given is not the data key of registry '%1'"_s.arg(m_registryId));
    if (const auto unchanged = checkUnchangedOnDisk(); !unchanged)
        return std::unexpected(unchanged.error());
    const Slot *existing = findRecoverySlot();
    const KdfParams params = existing != nullptr ? existing->kdf : m_slots.front().kdf;
    auto raw = randomSecret(recoveryKeyBytes);
    if (!raw)
        return std::unexpected(raw.error());
    auto slot = seal(m_registryId, SlotKind::Recovery, {}, *raw, dataKey, params);
    if (!slot)
        return std::unexpected(slot.error());

    std::vector<Slot> slotList = m_slots;
    std::erase_if(slotList, [](const Slot &old) { return old.kind == SlotKind::Recovery; });
    slotList.push_back(std::move(*slot));
    if (const auto committed = commit(std::move(slotList), m_checkpoint); !committed)
        return std::unexpected(committed.error());
    return formatRecoveryKey(*raw);
}

QStringList KeyVault::userIds() const
{
    QStringList ids;
    for (const Slot &slot : m_slots) {
        if (slot.kind == SlotKind::User)
            ids.append(slot.userId);
    }
    return ids;
}

bool KeyVault::hasUser(const QString &userId) const
{
    return findUserSlot(userId) != nullptr;
}

bool KeyVault::hasRecoverySlot() const
{
    return findRecoverySlot() != nullptr;
}

std::optional<KdfParams> KeyVault::params(const QString &userId) const
{
    const Slot *slot = findUserSlot(userId);
    return slot != nullptr ? std::optional(slot->kdf) : std::nullopt;
}

Status KeyVault::setCheckpoint(const QJsonObject &checkpoint)
{
    return commit(m_slots, checkpoint);
}

Status KeyVault::replaceSlot(const Slot &slot)
{
    std::vector<Slot> slotList = m_slots;
    for (Slot &existing : slotList) {
        if (existing.id == slot.id)
            existing = slot;
    }
    return commit(std::move(slotList), m_checkpoint);
}

Status KeyVault::checkUnchangedOnDisk() const
{
    // Never write over a file this object did not load: it may hold another writer's slots,
    // or be damaged (and a damaged file is evidence, not something to repair).
    const auto onDisk = readSlotFile(m_path);
    if (!onDisk)
        return fail(
            ErrorCode::Conflict,
            u"the key-slot file '%1' was not rewritten, because it can no longer be read as loaded: %2"_s.arg(
                shownPath(m_path), onDisk.error().message));
    if (sha256(*onDisk) != m_fileDigest)
        return fail(ErrorCode::Conflict,
                    u"the key-slot file '%1' changed on disk since it was loaded, so it was not rewritten; "
                    "load it again and retry"_s.arg(shownPath(m_path)));
    return {};
}

Status KeyVault::commit(std::vector<Slot> slotList, QJsonObject checkpoint)
{
    if (const auto unchanged = checkUnchangedOnDisk(); !unchanged)
        return unchanged;

    const QByteArray bytes = serialize(m_registryId, m_keyCheck, slotList, checkpoint);
    if (const auto written = AtomicFile::write(m_path, bytes); !written)
        return written;
    m_slots = std::move(slotList);
    m_checkpoint = std::move(checkpoint);
    m_fileDigest = sha256(bytes);
    return {};
}

} // namespace fieldledger::core
