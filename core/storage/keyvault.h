#pragma once

#include "core/common/result.h"
#include "core/common/secret.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <optional>
#include <vector>

namespace fieldledger::core {

// Argon2id cost parameters of one key slot (stored in the slot beside its salt).
struct KdfParams {
    quint32 memoryKiB = 65536;
    quint32 iterations = 3;
    quint32 parallelism = 1;

    friend bool operator==(const KdfParams &, const KdfParams &) = default;
};

// The key-slot file of a registry (`<database>.keys`), LUKS-style.
//
// The SQLCipher database is keyed with a random 256-bit data key. Each user slot, and one
// recovery slot, wraps that data key with AES-256-GCM under a key derived from the user's
// passphrase (or the recovery key) with Argon2id; the additional authenticated data binds a slot
// to its registry id and slot id, so a slot cannot be moved to another file or another user.
// Users are added, removed and change passphrases without re-encrypting the database.
//
// The file also carries the latest signed integrity checkpoint (INTEGRITY.md), opaque here.
//
// A KeyVault holds no secret: only the public, wrapped material of the file. Every change is
// written atomically (AtomicFile) and only after checking that the file on disk is still the
// one this object loaded or last wrote (otherwise ErrorCode::Conflict: load it again). A damaged
// file is reported, never rewritten or repaired. Failed unlocks write nothing.
//
// Passphrases are the caller's bytes as given (UTF-8 is expected; no normalisation here).
// Not thread-safe; derivations take about half a second each, so call it off the GUI thread.
class KeyVault final {
public:
    static constexpr quint32 minimumMemoryKiB = 65536; // 64 MiB
    static constexpr std::size_t dataKeySize = 32;     // bytes: the SQLCipher raw key

    struct Created;

    [[nodiscard]] static QString slotFilePathFor(const QString &databasePath);

    // Measures Argon2id on this machine and picks iterations so that one derivation takes about
    // targetMs with 64 MiB and one lane (never fewer than 3 iterations, RFC 9106's floor for
    // 64 MiB). With FIELDLEDGER_TEST_FAST_KDF=1 in the environment it returns {65536 KiB,
    // 1 iteration, 1 lane} without measuring (tests only).
    [[nodiscard]] static KdfParams tune(int targetMs = 500);

    // Writes a new slot file; refuses (ErrorCode::Conflict) if one exists. Draws a random data
    // key, wraps it in the first user's slot and in a recovery slot for a random recovery key,
    // which is returned once: 8 dash-separated groups of 5 Crockford base-32 characters (200
    // bits); on input, case, dashes and spaces do not matter (and O/I/L read as 0/1/1).
    [[nodiscard]] static Result<Created> create(const QString &slotFilePath, const QString &registryId,
                                                const QString &userId, const SecretBytes &passphrase,
                                                const KdfParams &params);

    // Reads and validates the whole file. Missing: NotFound; damaged in any way: Corrupt, with
    // the file and what is wrong in the message; from a newer format version: Unsupported.
    [[nodiscard]] static Result<KeyVault> load(const QString &slotFilePath);

    // The data key. WrongSecret for a wrong passphrase, NotFound for a user without a slot.
    [[nodiscard]] Result<SecretBytes> unlock(const QString &userId, const SecretBytes &passphrase) const;
    // WrongSecret for a wrong or malformed recovery key, NotFound if the file has no recovery slot.
    [[nodiscard]] Result<SecretBytes> unlockWithRecoveryKey(const SecretBytes &recoveryKey) const;

    // True when dataKey is this registry's data key (checked against the stored key check value).
    [[nodiscard]] bool isDataKey(const SecretBytes &dataKey) const;

    // Adds a slot for a new user; the caller proves possession of the data key. Conflict for a
    // duplicate user, WrongSecret for a data key that is not this registry's.
    [[nodiscard]] Status addUser(const QString &userId, const SecretBytes &dataKey,
                                 const SecretBytes &passphrase, const KdfParams &params);
    // Refuses (InvalidArgument) to remove the last user slot.
    [[nodiscard]] Status removeUser(const QString &userId);
    // Rewraps with a fresh salt; keeps the slot's KDF parameters unless newParams is given.
    [[nodiscard]] Status changePassphrase(const QString &userId, const SecretBytes &oldPassphrase,
                                          const SecretBytes &newPassphrase,
                                          std::optional<KdfParams> newParams = std::nullopt);
    // Administrator / recovery path: sets a user's passphrase given the data key.
    [[nodiscard]] Status resetPassphraseWithDataKey(const QString &userId, const SecretBytes &dataKey,
                                                    const SecretBytes &newPassphrase,
                                                    std::optional<KdfParams> newParams = std::nullopt);
    // Replaces (or adds) the recovery slot with one for a new random recovery key, returned once.
    [[nodiscard]] Result<SecretBytes> replaceRecoveryKey(const SecretBytes &dataKey);

    [[nodiscard]] QStringList userIds() const;
    [[nodiscard]] bool hasUser(const QString &userId) const;
    [[nodiscard]] bool hasRecoverySlot() const;
    [[nodiscard]] QString registryId() const { return m_registryId; }
    [[nodiscard]] QString path() const { return m_path; }
    // The KDF parameters of a user's slot; nullopt for an unknown user.
    [[nodiscard]] std::optional<KdfParams> params(const QString &userId) const;

    // The latest signed integrity checkpoint; empty when none has been stored.
    [[nodiscard]] QJsonObject checkpoint() const { return m_checkpoint; }
    // Stores the checkpoint (an empty object removes it), rewriting the file atomically.
    [[nodiscard]] Status setCheckpoint(const QJsonObject &checkpoint);

private:
    enum class SlotKind { User, Recovery };
    struct Slot {
        QString id; // "user:<userId>" or "recovery"
        SlotKind kind = SlotKind::User;
        QString userId; // empty for the recovery slot
        KdfParams kdf;
        QByteArray salt;
        QByteArray nonce;
        QByteArray ciphertext;
        QByteArray tag;
    };

    KeyVault(QString path, QString registryId, QByteArray keyCheck, std::vector<Slot> slotList,
             QJsonObject checkpoint, QByteArray fileDigest);

    static Result<KeyVault> parse(const QString &path, const QByteArray &bytes);
    static QByteArray serialize(const QString &registryId, const QByteArray &keyCheck,
                                const std::vector<Slot> &slotList, const QJsonObject &checkpoint);
    static Result<Slot> seal(const QString &registryId, SlotKind kind, const QString &userId,
                             const SecretBytes &secret, const SecretBytes &dataKey, const KdfParams &params);

    [[nodiscard]] const Slot *findUserSlot(const QString &userId) const;
    [[nodiscard]] const Slot *findRecoverySlot() const;
    [[nodiscard]] Result<SecretBytes> open(const Slot &slot, const SecretBytes &secret,
                                           const QString &wrongSecretMessage) const;
    [[nodiscard]] Status replaceSlot(const Slot &slot);
    // Conflict unless the file on disk is still the one this object loaded or last wrote.
    [[nodiscard]] Status checkUnchangedOnDisk() const;
    [[nodiscard]] Status commit(std::vector<Slot> slotList, QJsonObject checkpoint);

    QString m_path;
    QString m_registryId;
    QByteArray m_keyCheck;
    std::vector<Slot> m_slots;
    QJsonObject m_checkpoint;
    QByteArray m_fileDigest; // SHA-256 of the file as loaded or last written
};

struct KeyVault::Created {
    KeyVault vault;
    SecretBytes dataKey;     // the SQLCipher raw key
    SecretBytes recoveryKey; // ASCII, "XXXXX-XXXXX-…" (8 groups); show once, never store
};

} // namespace fieldledger::core
