#include "core/storage/registry.h"

#include "core/storage/keyvault.h"
#include "core/storage/schema.h"
#include "core/storage/sqlcipherdriver.h"
#include "core/storage/sqlerror.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <atomic>
#include <functional>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return u"fieldledger-registry-%1"_s.arg(++counter);
}

Result<QString> metaValue(QSqlDatabase &db, const QString &key)
{
    QSqlQuery query(db);
    query.prepare(u"SELECT value FROM meta WHERE key = :key"_s);
    query.bindValue(u":key"_s, key);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the registry's %1"_s.arg(key), query.lastError()));
    if (!query.next())
        return fail(ErrorCode::Corrupt, u"the registry has no %1"_s.arg(key));
    return query.value(0).toString();
}

Status setMeta(QSqlDatabase &db, const QString &key, const QString &value)
{
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO meta (key, value) VALUES (:key, :value) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.bindValue(u":key"_s, key);
    query.bindValue(u":value"_s, value);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot write the registry's %1"_s.arg(key), query.lastError()));
    return {};
}

Status insertUser(QSqlDatabase &db, const User &user, const QString &createdAt)
{
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO users (id, display_name, role, created_at, active) "
                  "VALUES (:id, :name, :role, :created, 1)"_s);
    query.bindValue(u":id"_s, user.id);
    query.bindValue(u":name"_s, user.displayName.isEmpty() ? user.id : user.displayName);
    query.bindValue(u":role"_s, roleName(user.role));
    query.bindValue(u":created"_s, createdAt);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot add user '%1'"_s.arg(user.id), query.lastError()));
    return {};
}

Status insertLogRow(QSqlDatabase &db, const QString &at, const QString &actor, UserLogEntry::Action action,
                    const QString &userId, const QString &detail)
{
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO user_log (at, actor, action, user_id, detail) "
                  "VALUES (:at, :actor, :action, :user, :detail)"_s);
    query.bindValue(u":at"_s, at);
    query.bindValue(u":actor"_s, actor);
    query.bindValue(u":action"_s, userLogActionName(action));
    query.bindValue(u":user"_s, userId);
    query.bindValue(u":detail"_s, detail.isEmpty() ? u""_s : detail); // a null QString binds NULL
    if (!query.exec())
        return std::unexpected(
            sqlError(u"cannot record the change to user '%1'"_s.arg(userId), query.lastError()));
    return {};
}

QString roleDetail(Role role)
{
    return u"role %1"_s.arg(roleName(role));
}

// Rolls back the open transaction and hands on the error.
Status rollBack(QSqlDatabase &db, Status failed)
{
    db.rollback();
    return failed;
}

Result<User> readUser(QSqlQuery &query)
{
    auto role = roleFromName(query.value(2).toString());
    if (!role)
        return std::unexpected(role.error());
    return User{query.value(0).toString(), query.value(1).toString(), *role, query.value(3).toBool()};
}

// One change to a user's assignments: `sql` run for each guid (:guid, :user), then `log`
// (the user_log entry), in one transaction. `verb` names the change in errors ("assign"),
// `perGuid` the failure of one guid (%1 the guid, %2 the user).
Status changeAssignments(QSqlDatabase &db, const QString &sql, const QString &userId,
                         const QStringList &guids, const QString &verb, const QString &perGuid,
                         const std::function<Status()> &log)
{
    if (!db.transaction())
        return std::unexpected(sqlError(u"cannot %1 households"_s.arg(verb), db.lastError()));
    QSqlQuery change(db);
    change.prepare(sql);
    for (const QString &guid : guids) {
        change.bindValue(u":guid"_s, guid);
        change.bindValue(u":user"_s, userId);
        if (!change.exec())
            return rollBack(db, std::unexpected(sqlError(perGuid.arg(guid, userId), change.lastError())));
    }
    if (auto ok = log(); !ok)
        return rollBack(db, ok);
    if (!db.commit())
        return std::unexpected(sqlError(u"cannot %1 households"_s.arg(verb), db.lastError()));
    return {};
}

} // namespace

QString userLogActionName(UserLogEntry::Action action)
{
    switch (action) {
    case UserLogEntry::Action::AddUser:
        return u"add-user"_s;
    case UserLogEntry::Action::RemoveUser:
        return u"remove-user"_s;
    case UserLogEntry::Action::ChangeRole:
        return u"change-role"_s;
    case UserLogEntry::Action::ResetPassphrase:
        return u"reset-passphrase"_s;
    case UserLogEntry::Action::ChangePassphrase:
        return u"change-passphrase"_s;
    case UserLogEntry::Action::AssignHouseholds:
        return u"assign-households"_s;
    case UserLogEntry::Action::UnassignHouseholds:
        return u"unassign-households"_s;
    }
    return {};
}

Result<UserLogEntry::Action> userLogActionFromName(const QString &name)
{
    for (const auto action :
         {UserLogEntry::Action::AddUser, UserLogEntry::Action::RemoveUser, UserLogEntry::Action::ChangeRole,
          UserLogEntry::Action::ResetPassphrase, UserLogEntry::Action::ChangePassphrase,
          UserLogEntry::Action::AssignHouseholds, UserLogEntry::Action::UnassignHouseholds}) {
        if (userLogActionName(action) == name)
            return action;
    }
    return fail(ErrorCode::Corrupt, u"unknown user log action '%1'"_s.arg(name));
}

QString Registry::recoveryKeyActor()
{
    return u"recovery key"_s; // a space: never a user id (validateUserId)
}

Registry::~Registry()
{
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    if (!m_connection.isEmpty())
        QSqlDatabase::removeDatabase(m_connection);
    if (m_lock)
        m_lock->unlock();
}

QString Registry::defaultPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(u"registry.fieldledger"_s);
}

QString Registry::keySlotPath(const QString &databasePath)
{
    return KeyVault::slotFilePathFor(databasePath);
}

bool Registry::exists(const QString &databasePath)
{
    return QFileInfo::exists(databasePath) || QFileInfo::exists(keySlotPath(databasePath));
}

Result<Registry::Created> Registry::create(const QString &path, const CreateOptions &options,
                                           const SecretBytes &passphrase, const Clock &clock)
{
    if (options.name.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"the registry needs a name"_s);
    if (auto valid = validateUserId(options.adminId); !valid)
        return std::unexpected(valid.error());
    if (passphrase.size() < 8)
        return fail(ErrorCode::InvalidArgument, u"the passphrase must have at least 8 characters"_s);
    if (QFileInfo::exists(path))
        return fail(ErrorCode::InvalidArgument, u"%1 already exists: refusing to overwrite it"_s.arg(path));
    const QString slotPath = keySlotPath(path);
    if (QFileInfo::exists(slotPath))
        return fail(ErrorCode::InvalidArgument,
                    u"%1 already exists: refusing to overwrite it"_s.arg(slotPath));
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(ErrorCode::Storage, u"cannot create the folder %1"_s.arg(info.absolutePath()));

    const QString registryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const KdfParams params = KeyVault::tune(options.kdfTargetMs.value_or(500));
    auto created = KeyVault::create(slotPath, registryId, options.adminId, passphrase, params);
    if (!created)
        return std::unexpected(created.error());

    auto cleanupOnFailure = [&](Error error) -> Result<Created> {
        QFile::remove(path);
        QFile::remove(path + u"-wal"_s);
        QFile::remove(path + u"-shm"_s);
        QFile::remove(slotPath);
        return std::unexpected(std::move(error));
    };

    auto registry = openUnlocked(path, std::move(created->vault), created->dataKey.clone(), std::nullopt,
                                 Access::ReadWrite);
    if (!registry)
        return cleanupOnFailure(registry.error());
    Registry &r = **registry;
    QSqlDatabase &db = r.m_db;
    const QString now = clock.now().toUTC().toString(Qt::ISODateWithMs);
    if (!db.transaction())
        return cleanupOnFailure(sqlError(u"cannot start creating the registry"_s, db.lastError()));
    const User admin{options.adminId,
                     options.adminDisplayName.isEmpty() ? options.adminId : options.adminDisplayName,
                     Role::Administrator, true};
    Status written = setMeta(db, u"registry_id"_s, registryId);
    if (written)
        written = setMeta(db, u"registry_name"_s, options.name.trimmed());
    if (written)
        written = setMeta(db, u"created_at"_s, now);
    if (written)
        written = insertUser(db, admin, now);
    if (written)
        written = insertLogRow(db, now, admin.id, UserLogEntry::Action::AddUser, admin.id,
                               roleDetail(admin.role) + u", created the registry"_s);
    if (!written) {
        db.rollback();
        registry->reset();
        return cleanupOnFailure(written.error());
    }
    if (!db.commit()) {
        Error error = sqlError(u"cannot finish creating the registry"_s, db.lastError());
        registry->reset();
        return cleanupOnFailure(error);
    }
    r.m_id = registryId;
    r.m_name = options.name.trimmed();
    r.m_user = admin;
    Created result{std::move(*registry),
                   QString::fromLatin1(created->recoveryKey.data(), qsizetype(created->recoveryKey.size()))};
    return result;
}

Result<std::unique_ptr<Registry>> Registry::open(const QString &path, const QString &userId,
                                                 const SecretBytes &passphrase, Access access)
{
    if (!QFileInfo::exists(path))
        return fail(ErrorCode::NotFound, u"no registry at %1"_s.arg(path));
    auto vault = KeyVault::load(keySlotPath(path));
    if (!vault)
        return std::unexpected(vault.error());
    auto dataKey = vault->unlock(userId, passphrase);
    if (!dataKey)
        return std::unexpected(dataKey.error());
    return openUnlocked(path, std::move(*vault), std::move(*dataKey), userId, access);
}

Result<std::unique_ptr<Registry>> Registry::openWithRecoveryKey(const QString &path,
                                                                const SecretBytes &recoveryKey, Access access)
{
    if (!QFileInfo::exists(path))
        return fail(ErrorCode::NotFound, u"no registry at %1"_s.arg(path));
    auto vault = KeyVault::load(keySlotPath(path));
    if (!vault)
        return std::unexpected(vault.error());
    auto dataKey = vault->unlockWithRecoveryKey(recoveryKey);
    if (!dataKey)
        return std::unexpected(dataKey.error());
    auto registry = openUnlocked(path, std::move(*vault), std::move(*dataKey), std::nullopt, access);
    if (registry)
        (*registry)->m_recoverySession = true;
    return registry;
}

Status Registry::resetPassphraseWithRecoveryKey(const QString &path, const SecretBytes &recoveryKey,
                                                const QString &userId, const SecretBytes &newPassphrase)
{
    if (newPassphrase.size() < 8)
        return fail(ErrorCode::InvalidArgument, u"the passphrase must have at least 8 characters"_s);
    auto registry = openWithRecoveryKey(path, recoveryKey);
    if (!registry)
        return std::unexpected(registry.error());
    return (*registry)->resetPassphrase(userId, newPassphrase);
}

Result<std::unique_ptr<Registry>> Registry::openUnlocked(const QString &path, KeyVault vault,
                                                         SecretBytes dataKey, std::optional<QString> userId,
                                                         Access access)
{
    std::unique_ptr<Registry> registry(new Registry);
    registry->m_path = path;
    registry->m_access = access;
    if (access == Access::ReadWrite) {
        registry->m_lock = std::make_unique<QLockFile>(path + u".lock"_s);
        registry->m_lock->setStaleLockTime(0);
        if (!registry->m_lock->tryLock(0)) {
            qint64 pid = 0;
            QString host;
            QString app;
            registry->m_lock->getLockInfo(&pid, &host, &app);
            registry->m_lock.reset();
            return fail(ErrorCode::InUse,
                        u"%1 is in use by another program (process %2 on %3); close it first"_s.arg(path)
                            .arg(pid)
                            .arg(host.isEmpty() ? u"this computer"_s : host));
        }
    }
    registry->m_connection = nextConnectionName();
    SqlCipherOpenOptions options;
    options.readOnly = access == Access::ReadOnly;
    auto db = openSqlCipherDatabase(registry->m_connection, path, dataKey, options);
    if (!db) {
        registry->m_connection.clear();
        return std::unexpected(db.error());
    }
    registry->m_db = *db;
    registry->m_vault = std::make_unique<KeyVault>(std::move(vault));
    registry->m_dataKey = std::move(dataKey);

    auto version = schema::currentVersion(registry->m_db);
    if (!version)
        return std::unexpected(Error{version.error().code, u"%1: %2"_s.arg(path, version.error().message)});
    if (*version < schema::latestVersion() && access == Access::ReadOnly)
        return fail(ErrorCode::ReadOnly, u"%1 needs a schema upgrade; open it for writing once"_s.arg(path));
    if (auto migrated = schema::migrate(registry->m_db); !migrated)
        return std::unexpected(Error{migrated.error().code, u"%1: %2"_s.arg(path, migrated.error().message)});
    if (!userId) // being created, or opened with the recovery key: the caller fills in the rest
    {
        if (*version == 0)
            return registry;
    }
    auto id = metaValue(registry->m_db, u"registry_id"_s);
    if (!id)
        return fail(ErrorCode::Corrupt,
                    u"%1 is not a FieldLedger registry: %2"_s.arg(path, id.error().message));
    if (*id != registry->m_vault->registryId())
        return fail(ErrorCode::Corrupt, u"%1 and its key-slot file %2 belong to different registries"_s.arg(
                                            path, registry->m_vault->path()));
    registry->m_id = *id;
    auto name = metaValue(registry->m_db, u"registry_name"_s);
    if (!name)
        return std::unexpected(name.error());
    registry->m_name = *name;

    if (userId) {
        auto user = registry->user(*userId);
        if (!user)
            return fail(ErrorCode::NotFound,
                        u"%1 has a key slot for '%2' but no such user"_s.arg(path, *userId));
        if (!user->active)
            return fail(ErrorCode::PermissionDenied,
                        u"user '%1' has been removed from %2"_s.arg(*userId, path));
        registry->m_user = *user;
    } else {
        QSqlQuery query(registry->m_db);
        if (!query.exec(u"SELECT id, display_name, role, active FROM users "
                        "WHERE role = 'administrator' AND active = 1 ORDER BY created_at, id LIMIT 1"_s) ||
            !query.next())
            return fail(ErrorCode::Corrupt, u"%1 has no active administrator"_s.arg(path));
        auto admin = readUser(query);
        if (!admin)
            return std::unexpected(admin.error());
        registry->m_user = *admin;
    }
    return registry;
}

Result<QList<User>> Registry::users() const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT id, display_name, role, active FROM users ORDER BY id"_s))
        return std::unexpected(sqlError(u"cannot list users"_s, query.lastError()));
    QList<User> users;
    while (query.next()) {
        auto user = readUser(query);
        if (!user)
            return std::unexpected(user.error());
        users.append(*user);
    }
    return users;
}

Result<User> Registry::user(const QString &id) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id, display_name, role, active FROM users WHERE id = :id"_s);
    query.bindValue(u":id"_s, id);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read user '%1'"_s.arg(id), query.lastError()));
    if (!query.next())
        return fail(ErrorCode::NotFound, u"no user '%1'"_s.arg(id));
    return readUser(query);
}

Status Registry::requireAdministrator(const QString &what) const
{
    if (m_user.role != Role::Administrator)
        return fail(ErrorCode::PermissionDenied, u"only an administrator may %1"_s.arg(what));
    return {};
}

Status Registry::requireWritable() const
{
    if (isReadOnly())
        return fail(ErrorCode::ReadOnly, u"%1 is open read-only"_s.arg(m_path));
    return {};
}

Status Registry::addUser(const User &newUser, const SecretBytes &passphrase)
{
    if (auto ok = requireAdministrator(u"add users"_s); !ok)
        return ok;
    if (auto ok = requireWritable(); !ok)
        return ok;
    if (auto ok = validateUserId(newUser.id); !ok)
        return ok;
    if (passphrase.size() < 8)
        return fail(ErrorCode::InvalidArgument, u"the passphrase must have at least 8 characters"_s);
    if (user(newUser.id))
        return fail(ErrorCode::Conflict, u"user '%1' already exists"_s.arg(newUser.id));
    // The database row first, in a transaction; the slot file is written before the commit so a
    // failure to write it leaves neither.
    if (!m_db.transaction())
        return std::unexpected(sqlError(u"cannot add user"_s, m_db.lastError()));
    if (auto ok = insertUser(m_db, newUser, now()); !ok)
        return rollBack(m_db, ok);
    if (auto ok = record(UserLogEntry::Action::AddUser, newUser.id, roleDetail(newUser.role)); !ok)
        return rollBack(m_db, ok);
    if (auto ok = m_vault->addUser(newUser.id, m_dataKey, passphrase, KeyVault::tune()); !ok) {
        m_db.rollback();
        return ok;
    }
    if (!m_db.commit()) {
        const Error error = sqlError(u"cannot add user"_s, m_db.lastError());
        (void)m_vault->removeUser(newUser.id);
        return std::unexpected(error);
    }
    return {};
}

Status Registry::removeUser(const QString &userId)
{
    if (auto ok = requireAdministrator(u"remove users"_s); !ok)
        return ok;
    if (auto ok = requireWritable(); !ok)
        return ok;
    if (userId == m_user.id)
        return fail(ErrorCode::InvalidArgument, u"you cannot remove yourself"_s);
    auto existing = user(userId);
    if (!existing)
        return std::unexpected(existing.error());
    if (!existing->active)
        return fail(ErrorCode::InvalidArgument, u"user '%1' has already been removed"_s.arg(userId));
    if (existing->role == Role::Administrator) {
        auto admins = activeAdministratorCount();
        if (!admins)
            return std::unexpected(admins.error());
        if (*admins <= 1)
            return fail(ErrorCode::InvalidArgument,
                        u"'%1' is the last active administrator and cannot be removed"_s.arg(userId));
    }
    // Users stay in the table (events name them); only their slot goes, so they cannot unlock.
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE users SET active = 0 WHERE id = :id"_s);
    query.bindValue(u":id"_s, userId);
    if (!m_db.transaction())
        return std::unexpected(sqlError(u"cannot remove user"_s, m_db.lastError()));
    if (!query.exec()) {
        m_db.rollback();
        return std::unexpected(sqlError(u"cannot remove user '%1'"_s.arg(userId), query.lastError()));
    }
    if (auto ok = record(UserLogEntry::Action::RemoveUser, userId, roleDetail(existing->role)); !ok)
        return rollBack(m_db, ok);
    if (auto ok = m_vault->removeUser(userId); !ok) {
        m_db.rollback();
        return ok;
    }
    if (!m_db.commit())
        return std::unexpected(sqlError(u"cannot remove user"_s, m_db.lastError()));
    return {};
}

Status Registry::changePassphrase(const SecretBytes &oldPassphrase, const SecretBytes &newPassphrase)
{
    if (auto ok = requireWritable(); !ok)
        return ok;
    if (newPassphrase.size() < 8)
        return fail(ErrorCode::InvalidArgument, u"the passphrase must have at least 8 characters"_s);
    // The row first, committed only once the slot file holds the new passphrase.
    if (!m_db.transaction())
        return std::unexpected(sqlError(u"cannot change the passphrase"_s, m_db.lastError()));
    if (auto ok = record(UserLogEntry::Action::ChangePassphrase, m_user.id, QString()); !ok)
        return rollBack(m_db, ok);
    if (auto ok = m_vault->changePassphrase(m_user.id, oldPassphrase, newPassphrase); !ok)
        return rollBack(m_db, ok);
    if (!m_db.commit())
        return std::unexpected(
            sqlError(u"the passphrase was changed but the change could not be recorded"_s, m_db.lastError()));
    return {};
}

Status Registry::resetPassphrase(const QString &userId, const SecretBytes &newPassphrase)
{
    if (auto ok = requireAdministrator(u"reset another user's passphrase"_s); !ok)
        return ok;
    if (auto ok = requireWritable(); !ok)
        return ok;
    if (newPassphrase.size() < 8)
        return fail(ErrorCode::InvalidArgument, u"the passphrase must have at least 8 characters"_s);
    if (auto ok = requireActiveUser(userId); !ok)
        return ok;
    if (!m_db.transaction())
        return std::unexpected(sqlError(u"cannot reset the passphrase"_s, m_db.lastError()));
    if (auto ok = record(UserLogEntry::Action::ResetPassphrase, userId, QString()); !ok)
        return rollBack(m_db, ok);
    if (auto ok = m_vault->resetPassphraseWithDataKey(userId, m_dataKey, newPassphrase); !ok)
        return rollBack(m_db, ok);
    if (!m_db.commit())
        return std::unexpected(
            sqlError(u"the passphrase was reset but the change could not be recorded"_s, m_db.lastError()));
    return {};
}

Status Registry::changeRole(const QString &userId, Role role)
{
    if (auto ok = requireAdministrator(u"change roles"_s); !ok)
        return ok;
    if (auto ok = requireWritable(); !ok)
        return ok;
    auto existing = user(userId);
    if (!existing)
        return std::unexpected(existing.error());
    if (!existing->active)
        return fail(ErrorCode::InvalidArgument, u"user '%1' has been removed"_s.arg(userId));
    if (existing->role == role)
        return {};
    if (existing->role == Role::Administrator) {
        auto admins = activeAdministratorCount();
        if (!admins)
            return std::unexpected(admins.error());
        if (*admins <= 1)
            return fail(
                ErrorCode::InvalidArgument,
                u"'%1' is the last active administrator: make another user an administrator first"_s.arg(
                    userId));
    }
    if (!m_db.transaction())
        return std::unexpected(sqlError(u"cannot change the role"_s, m_db.lastError()));
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE users SET role = :role WHERE id = :id"_s);
    query.bindValue(u":role"_s, roleName(role));
    query.bindValue(u":id"_s, userId);
    if (!query.exec())
        return rollBack(m_db, std::unexpected(sqlError(u"cannot change the role of '%1'"_s.arg(userId),
                                                       query.lastError())));
    if (auto ok = record(UserLogEntry::Action::ChangeRole, userId,
                         u"role %1 → %2"_s.arg(roleName(existing->role), roleName(role)));
        !ok)
        return rollBack(m_db, ok);
    if (!m_db.commit())
        return std::unexpected(sqlError(u"cannot change the role"_s, m_db.lastError()));
    if (userId == m_user.id)
        m_user.role = role;
    return {};
}

Status Registry::assignHouseholds(const QString &userId, const QStringList &householdGuids)
{
    if (auto ok = requireAdministrator(u"assign households"_s); !ok)
        return ok;
    if (auto ok = requireWritable(); !ok)
        return ok;
    auto existing = user(userId);
    if (!existing)
        return std::unexpected(existing.error());
    if (!existing->active)
        return fail(ErrorCode::InvalidArgument, u"user '%1' has been removed"_s.arg(userId));
    if (existing->role != Role::Enumerator)
        return fail(ErrorCode::InvalidArgument,
                    u"households are assigned to enumerators only; '%1' is %2"_s.arg(
                        userId, roleName(existing->role)));
    auto current = assignedHouseholds(userId);
    if (!current)
        return std::unexpected(current.error());

    QStringList added;
    QSqlQuery household(m_db);
    household.prepare(u"SELECT deleted FROM entities WHERE guid = :guid AND type = 'group'"_s);
    for (const QString &guid : householdGuids) {
        household.bindValue(u":guid"_s, guid);
        if (!household.exec())
            return std::unexpected(
                sqlError(u"cannot look up household %1"_s.arg(guid), household.lastError()));
        if (!household.next())
            return fail(ErrorCode::NotFound, u"no household %1"_s.arg(guid));
        if (household.value(0).toBool())
            return fail(ErrorCode::InvalidArgument, u"household %1 has been deleted"_s.arg(guid));
        household.finish();
        if (!current->contains(guid) && !added.contains(guid))
            added.append(guid);
    }
    if (added.isEmpty())
        return {};
    added.sort();

    return changeAssignments(
        m_db, u"INSERT INTO assignments (entity_guid, user_id) VALUES (:guid, :user)"_s, userId, added,
        u"assign"_s, u"cannot assign household %1 to '%2'"_s,
        [&] { return record(UserLogEntry::Action::AssignHouseholds, userId, added.join(u", "_s)); });
}

Status Registry::unassignHouseholds(const QString &userId, const QStringList &householdGuids)
{
    if (auto ok = requireAdministrator(u"unassign households"_s); !ok)
        return ok;
    if (auto ok = requireWritable(); !ok)
        return ok;
    auto existing = user(userId);
    if (!existing)
        return std::unexpected(existing.error());
    auto current = assignedHouseholds(userId);
    if (!current)
        return std::unexpected(current.error());
    QStringList removed;
    for (const QString &guid : householdGuids) {
        if (current->contains(guid) && !removed.contains(guid))
            removed.append(guid);
    }
    if (removed.isEmpty())
        return {};
    removed.sort();

    return changeAssignments(
        m_db, u"DELETE FROM assignments WHERE entity_guid = :guid AND user_id = :user"_s, userId, removed,
        u"unassign"_s, u"cannot unassign household %1 from '%2'"_s,
        [&] { return record(UserLogEntry::Action::UnassignHouseholds, userId, removed.join(u", "_s)); });
}

Result<QStringList> Registry::assignedHouseholds(const QString &userId) const
{
    if (m_user.role == Role::Enumerator && userId != m_user.id)
        return fail(ErrorCode::PermissionDenied, u"an enumerator may see only their own assignments"_s);
    QSqlQuery query(m_db);
    query.prepare(u"SELECT entity_guid FROM assignments WHERE user_id = :user ORDER BY entity_guid"_s);
    query.bindValue(u":user"_s, userId);
    if (!query.exec())
        return std::unexpected(
            sqlError(u"cannot read the households assigned to '%1'"_s.arg(userId), query.lastError()));
    QStringList guids;
    while (query.next())
        guids.append(query.value(0).toString());
    return guids;
}

Result<QList<UserLogEntry>> Registry::userLog(const QString &userId) const
{
    if (auto ok = requireAdministrator(u"read the record of changes to users"_s); !ok)
        return std::unexpected(ok.error());
    QSqlQuery query(m_db);
    if (userId.isEmpty()) {
        query.prepare(u"SELECT id, at, actor, action, user_id, detail FROM user_log ORDER BY id"_s);
    } else {
        query.prepare(u"SELECT id, at, actor, action, user_id, detail FROM user_log "
                      "WHERE user_id = :user ORDER BY id"_s);
        query.bindValue(u":user"_s, userId);
    }
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the record of changes to users"_s, query.lastError()));
    QList<UserLogEntry> entries;
    while (query.next()) {
        auto action = userLogActionFromName(query.value(3).toString());
        if (!action)
            return std::unexpected(action.error());
        QDateTime at = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        entries.append(UserLogEntry{query.value(0).toLongLong(), at.toUTC(), query.value(2).toString(),
                                    *action, query.value(4).toString(), query.value(5).toString()});
    }
    return entries;
}

Status Registry::requireActiveUser(const QString &userId) const
{
    auto existing = user(userId);
    if (!existing)
        return std::unexpected(existing.error());
    if (!existing->active)
        return fail(ErrorCode::PermissionDenied, u"user '%1' has been removed"_s.arg(userId));
    return {};
}

Result<int> Registry::activeAdministratorCount() const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT count(*) FROM users WHERE role = 'administrator' AND active = 1"_s) ||
        !query.next())
        return std::unexpected(sqlError(u"cannot count the administrators"_s, query.lastError()));
    return query.value(0).toInt();
}

QString Registry::actor() const
{
    return m_recoverySession ? recoveryKeyActor() : m_user.id;
}

QString Registry::now() const
{
    const QDateTime when = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    return when.toUTC().toString(Qt::ISODateWithMs);
}

Status Registry::record(UserLogEntry::Action action, const QString &userId, const QString &detail)
{
    return insertLogRow(m_db, now(), actor(), action, userId, detail);
}

} // namespace fieldledger::core
