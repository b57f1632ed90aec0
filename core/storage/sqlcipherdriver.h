#pragma once

#include "core/common/result.h"
#include "core/common/secret.h"

#include <QList>
#include <QMetaType>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QStringView>

struct sqlite3;
struct sqlite3_stmt;

// QSqlDriver::handle() and QSqlResult::handle() carry these, as Qt's own SQLite driver does
// ("sqlite3*" and "sqlite3_stmt*").
Q_DECLARE_OPAQUE_POINTER(sqlite3 *)
Q_DECLARE_METATYPE(sqlite3 *)
Q_DECLARE_OPAQUE_POINTER(sqlite3_stmt *)
Q_DECLARE_METATYPE(sqlite3_stmt *)

namespace fieldledger::core {

class SqlCipherResult;

// The name the driver is registered under with QSqlDatabase. Qt's QSQLITE plugin is never used.
inline constexpr QLatin1StringView kSqlCipherDriverName("FLSQLCIPHER");

// Connect options understood by SqlCipherDriver::open() (QSqlDatabase::setConnectOptions),
// separated by ';'. They override what setOpenOptions() set.
inline constexpr QLatin1StringView kSqlCipherReadOnlyOption("FLSQLCIPHER_OPEN_READONLY");
inline constexpr QLatin1StringView kSqlCipherNoCreateOption("FLSQLCIPHER_NO_CREATE");
inline constexpr QLatin1StringView kSqlCipherBusyTimeoutOption("FLSQLCIPHER_BUSY_TIMEOUT"); // =<ms>
inline constexpr QLatin1StringView kSqlCipherCacheSizeOption("FLSQLCIPHER_CACHE_SIZE_KIB"); // =<KiB>

struct SqlCipherOpenOptions {
    bool readOnly = false;    // SQLITE_OPEN_READONLY; never creates the file
    bool create = true;       // create the file when it does not exist
    int busyTimeoutMs = 5000; // how long a statement waits for another connection's lock
    int cacheSizeKiB = 65536; // PRAGMA cache_size = -cacheSizeKiB
};

// A Qt SQL driver over SQLCipher's C API. One connection per thread.
//
// open() refuses to run without the registry's raw 256-bit data key (setKey()), applies it before
// any statement, refuses SQLCipher older than 4, verifies the key by reading the schema, and
// sets WAL, synchronous=FULL, temp_store=MEMORY, foreign_keys=ON, the page cache and the busy
// timeout. The key is wiped when open() returns, whatever the outcome: set it again to reopen.
class SqlCipherDriver final : public QSqlDriver {
    Q_OBJECT

public:
    explicit SqlCipherDriver(QObject *parent = nullptr);
    ~SqlCipherDriver() override;

    void setKey(SecretBytes rawKey);
    void setOpenOptions(const SqlCipherOpenOptions &options);
    [[nodiscard]] SqlCipherOpenOptions openOptions() const { return m_options; }
    // Takes effect at once when the connection is open.
    void setBusyTimeoutMs(int milliseconds);

    // What kind of failure the last failed open() was (Corrupt, Unsupported, Storage, ...).
    [[nodiscard]] ErrorCode openErrorCode() const { return m_openErrorCode; }
    // The raw connection, for bulk paths and benchmarks; null when closed.
    [[nodiscard]] sqlite3 *nativeHandle() const { return m_db; }

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &path, const QString &user, const QString &password, const QString &host,
              int port, const QString &connectOptions) override;
    void close() override;
    QSqlResult *createResult() const override;

    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;

    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString &tableName) const override;
    QSqlIndex primaryIndex(const QString &tableName) const override;
    QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;
    // A QVariant holding the sqlite3* (type name "sqlite3*").
    QVariant handle() const override;

private:
    friend class SqlCipherResult;

    [[nodiscard]] bool openConnection(const QString &path, const SqlCipherOpenOptions &options);
    [[nodiscard]] bool failOpen(ErrorCode code, const QString &text, int nativeCode = 0,
                                const QString &nativeText = {});
    [[nodiscard]] bool detectSqlCipher3(const QString &path) const;
    [[nodiscard]] int applyKey(sqlite3 *db) const;
    bool runTransactionStatement(const char *sql, const QString &what);
    [[nodiscard]] QString tableNameForPragma(const QString &tableName) const;

    // Live results, so close() can finalize their statements. Bookkeeping only, hence mutable:
    // createResult() is const in QSqlDriver.
    void forgetResult(SqlCipherResult *result) const;
    mutable QList<SqlCipherResult *> m_results;

    sqlite3 *m_db = nullptr;
    SecretBytes m_key;
    SqlCipherOpenOptions m_options;
    ErrorCode m_openErrorCode = ErrorCode::Storage;
};

// Registers SqlCipherDriver as kSqlCipherDriverName with QSqlDatabase; only the first call does.
void registerSqlCipherDriver();

// True for a `PRAGMA cipher_version` answer of major version 4 or newer ("4.6.1 community").
[[nodiscard]] bool isSupportedSqlCipherVersion(QStringView version);

// Adds a connection named connectionName over a new SqlCipherDriver and opens path with rawKey.
// On failure the connection is removed again and the error names the file and what is wrong:
// Corrupt (not a registry, wrong key, a SQLCipher 3 file), Unsupported (SQLCipher older than 4),
// InvalidArgument (bad key or name), Storage (anything else).
[[nodiscard]] Result<QSqlDatabase> openSqlCipherDatabase(const QString &connectionName, const QString &path,
                                                         const SecretBytes &rawKey,
                                                         const SqlCipherOpenOptions &options = {});

} // namespace fieldledger::core
