#pragma once

#include "core/access/user.h"
#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/common/secret.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;

namespace fieldledger::core {

class KeyVault;
struct KdfParams;

// One registry: an encrypted SQLCipher database plus its key-slot file beside it
// (ARCHITECTURE.md "Storage"). Opening unlocks a key slot, takes the writer lock, opens the
// database with the data key as a raw key and brings the schema up to date.
class Registry final {
public:
    enum class Access { ReadWrite, ReadOnly };

    struct CreateOptions {
        QString name;                   // shown in the title and status bar
        QString adminId;                // the first administrator's user id
        QString adminDisplayName;       // defaults to adminId
        std::optional<int> kdfTargetMs; // Argon2id tuning target; default about 500 ms
    };
    struct Created;

    ~Registry();
    Registry(const Registry &) = delete;
    Registry &operator=(const Registry &) = delete;

    // The registry the desktop app and the CLI open when none is named.
    [[nodiscard]] static QString defaultPath();
    [[nodiscard]] static QString keySlotPath(const QString &databasePath);
    [[nodiscard]] static bool exists(const QString &databasePath);

    // Creates a new registry; refuses to touch an existing database or slot file.
    [[nodiscard]] static Result<Created> create(const QString &path, const CreateOptions &options,
                                                const SecretBytes &passphrase, const Clock &clock);
    [[nodiscard]] static Result<std::unique_ptr<Registry>> open(const QString &path, const QString &userId,
                                                                const SecretBytes &passphrase,
                                                                Access access = Access::ReadWrite);
    // Unlocks with the recovery key; acts as the first active administrator.
    [[nodiscard]] static Result<std::unique_ptr<Registry>>
    openWithRecoveryKey(const QString &path, const SecretBytes &recoveryKey,
                        Access access = Access::ReadWrite);

    [[nodiscard]] QSqlDatabase &database() { return m_db; }
    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] const QString &id() const { return m_id; }
    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] const User &currentUser() const { return m_user; }
    [[nodiscard]] bool isReadOnly() const { return m_access == Access::ReadOnly; }
    [[nodiscard]] KeyVault &vault() { return *m_vault; }

    // Users and their key slots. Adding, removing and re-keying never re-encrypts the database.
    [[nodiscard]] Result<QList<User>> users() const;
    [[nodiscard]] Result<User> user(const QString &id) const;
    [[nodiscard]] Status addUser(const User &user, const SecretBytes &passphrase);
    [[nodiscard]] Status removeUser(const QString &userId);
    [[nodiscard]] Status changePassphrase(const SecretBytes &oldPassphrase, const SecretBytes &newPassphrase);
    [[nodiscard]] Status resetPassphrase(const QString &userId, const SecretBytes &newPassphrase);

private:
    Registry() = default;
    [[nodiscard]] static Result<std::unique_ptr<Registry>> openUnlocked(const QString &path, KeyVault vault,
                                                                        SecretBytes dataKey,
                                                                        std::optional<QString> userId,
                                                                        Access access);
    [[nodiscard]] Status requireAdministrator(const QString &what) const;
    [[nodiscard]] Status requireWritable() const;

    QString m_path;
    QString m_connection;
    QString m_id;
    QString m_name;
    User m_user;
    Access m_access = Access::ReadWrite;
    QSqlDatabase m_db;
    std::unique_ptr<KeyVault> m_vault;
    std::unique_ptr<QLockFile> m_lock;
    SecretBytes m_dataKey; // held while open, to wrap new users' slots; wiped on close
};

struct Registry::Created {
    std::unique_ptr<Registry> registry;
    QString recoveryKey; // shown once to the person who created the registry
};

} // namespace fieldledger::core
