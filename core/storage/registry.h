#pragma once

#include "core/access/user.h"
#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/common/secret.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QLockFile;

namespace fieldledger::core {

class KeyVault;
struct KdfParams;

// One change to the registry's users, as the user_log table keeps it: every addition, removal,
// role change, passphrase change or reset and household assignment, written in the same
// transaction as the change itself. Passphrases are never recorded.
struct UserLogEntry {
    enum class Action {
        AddUser,
        RemoveUser,
        ChangeRole,
        ResetPassphrase,
        ChangePassphrase,
        AssignHouseholds,
        UnassignHouseholds,
    };

    qint64 id = 0; // increases with every change
    QDateTime at;  // UTC
    QString actor; // the user who made the change, or Registry::recoveryKeyActor()
    Action action = Action::AddUser;
    QString userId; // the user the change is about
    QString detail; // e.g. "role supervisor → administrator", or the household guids

    friend bool operator==(const UserLogEntry &, const UserLogEntry &) = default;
};

// "add-user", "change-role", …: the names stored in user_log.action.
[[nodiscard]] QString userLogActionName(UserLogEntry::Action action);
[[nodiscard]] Result<UserLogEntry::Action> userLogActionFromName(const QString &name);

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
    // Unlocks with the recovery key; acts as the first active administrator, and what it changes
    // is recorded with recoveryKeyActor() as the actor.
    [[nodiscard]] static Result<std::unique_ptr<Registry>>
    openWithRecoveryKey(const QString &path, const SecretBytes &recoveryKey,
                        Access access = Access::ReadWrite);
    // "Forgot my passphrase": unlocks with the recovery key, gives an active user's key slot a new
    // passphrase (recorded as reset-passphrase by the recovery key) and closes the registry again;
    // the user then opens it with open() as usual. WrongSecret for a wrong recovery key, NotFound
    // for an unknown user, PermissionDenied for a removed one.
    [[nodiscard]] static Status resetPassphraseWithRecoveryKey(const QString &path,
                                                               const SecretBytes &recoveryKey,
                                                               const QString &userId,
                                                               const SecretBytes &newPassphrase);
    // The actor user_log names for changes made with the recovery key (never a valid user id).
    [[nodiscard]] static QString recoveryKeyActor();

    [[nodiscard]] QSqlDatabase &database() { return m_db; }
    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] const QString &id() const { return m_id; }
    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] const User &currentUser() const { return m_user; }
    [[nodiscard]] bool isReadOnly() const { return m_access == Access::ReadOnly; }
    [[nodiscard]] KeyVault &vault() { return *m_vault; }
    // True when opened with the recovery key rather than a user's passphrase.
    [[nodiscard]] bool isRecoverySession() const { return m_recoverySession; }
    // Stamps user_log rows; the system clock until set. The clock must outlive the registry.
    void setClock(const Clock &clock) { m_clock = &clock; }

    // Users and their key slots. Adding, removing and re-keying never re-encrypts the database.
    [[nodiscard]] Result<QList<User>> users() const;
    [[nodiscard]] Result<User> user(const QString &id) const;
    [[nodiscard]] Status addUser(const User &user, const SecretBytes &passphrase);
    [[nodiscard]] Status removeUser(const QString &userId);
    [[nodiscard]] Status changePassphrase(const SecretBytes &oldPassphrase, const SecretBytes &newPassphrase);
    [[nodiscard]] Status resetPassphrase(const QString &userId, const SecretBytes &newPassphrase);
    // Administrators only. Refuses to demote the last active administrator; the same role is no
    // change (nothing recorded).
    [[nodiscard]] Status changeRole(const QString &userId, Role role);

    // Households (groups) assigned to an enumerator, who then sees them and their members
    // (AccessControl). Administrators only; the user must be an active enumerator and every
    // household must exist and not be deleted. Guids already assigned (or, when unassigning, not
    // assigned) are left as they are; only what changed is recorded.
    [[nodiscard]] Status assignHouseholds(const QString &userId, const QStringList &householdGuids);
    [[nodiscard]] Status unassignHouseholds(const QString &userId, const QStringList &householdGuids);
    // Sorted. Administrators and supervisors may ask about anyone, others about themselves.
    [[nodiscard]] Result<QStringList> assignedHouseholds(const QString &userId) const;

    // The record of changes to users, oldest first; only those about userId when given.
    // Administrators only.
    [[nodiscard]] Result<QList<UserLogEntry>> userLog(const QString &userId = {}) const;

private:
    Registry() = default;
    [[nodiscard]] static Result<std::unique_ptr<Registry>> openUnlocked(const QString &path, KeyVault vault,
                                                                        SecretBytes dataKey,
                                                                        std::optional<QString> userId,
                                                                        Access access);
    [[nodiscard]] Status requireAdministrator(const QString &what) const;
    [[nodiscard]] Status requireWritable() const;
    [[nodiscard]] Status requireActiveUser(const QString &userId) const;
    [[nodiscard]] Result<int> activeAdministratorCount() const;
    [[nodiscard]] QString actor() const;
    [[nodiscard]] QString now() const;
    // Inserts a user_log row; call inside the change's transaction.
    [[nodiscard]] Status record(UserLogEntry::Action action, const QString &userId, const QString &detail);

    QString m_path;
    QString m_connection;
    QString m_id;
    QString m_name;
    User m_user;
    Access m_access = Access::ReadWrite;
    QSqlDatabase m_db;
    std::unique_ptr<KeyVault> m_vault;
    std::unique_ptr<QLockFile> m_lock;
    SecretBytes m_dataKey;          // held while open, to wrap new users' slots; wiped on close
    const Clock *m_clock = nullptr; // null: the system clock
    bool m_recoverySession = false;
};

struct Registry::Created {
    std::unique_ptr<Registry> registry;
    QString recoveryKey; // shown once to the person who created the registry
};

} // namespace fieldledger::core
