#include "core/storage/sqlcipherdriver.h"

#include "core/storage/sqlcipherresult.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>

#include <sqlite3.h>

#include <array>
#include <mutex>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

constexpr std::size_t kKeyBytes = 32;

// One statement of the driver's own, finalized when it goes out of scope.
class Statement final {
public:
    Statement(sqlite3 *db, const char *sql)
        : m_code(sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr))
    {
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Q_DISABLE_COPY_MOVE(Statement)

    // The text must outlive the statement's use.
    int bindText(int parameter, const QByteArray &text)
    {
        if (m_code != SQLITE_OK)
            return m_code;
        return sqlite3_bind_text(m_stmt, parameter, text.constData(), static_cast<int>(text.size()), nullptr);
    }
    int step()
    {
        if (m_code != SQLITE_OK)
            return m_code;
        return m_stmt != nullptr ? sqlite3_step(m_stmt) : SQLITE_DONE;
    }
    [[nodiscard]] QString text(int column) const
    {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
    }
    [[nodiscard]] qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    [[nodiscard]] bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    int m_code = SQLITE_OK;
};

// Runs one statement to its end, ignoring any rows; returns SQLITE_OK or the failing code.
int execute(sqlite3 *db, const char *sql)
{
    Statement statement(db, sql);
    int rc = statement.step();
    while (rc == SQLITE_ROW)
        rc = statement.step();
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// SQLCipher logs each page it fails to decrypt to stderr. While open() tries a key, a failure is
// an expected outcome, reported as an error value, so that log is silenced meanwhile. The log
// level is global to the process; the previous one is put back.
class QuietCipherLog final {
public:
    explicit QuietCipherLog(sqlite3 *db)
        : m_db(db)
    {
        Statement statement(m_db, "PRAGMA cipher_log_level");
        if (statement.step() == SQLITE_ROW && !statement.isNull(0))
            m_previous = statement.text(0).toLatin1();
        if (!m_previous.isEmpty())
            execute(m_db, "PRAGMA cipher_log_level = NONE");
    }
    ~QuietCipherLog()
    {
        if (!m_previous.isEmpty())
            execute(m_db, QByteArray("PRAGMA cipher_log_level = " + m_previous).constData());
    }
    Q_DISABLE_COPY_MOVE(QuietCipherLog)

private:
    static int execute(sqlite3 *db, const char *sql)
    {
        Statement statement(db, sql);
        return statement.step();
    }

    sqlite3 *m_db;
    QByteArray m_previous;
};

QString errorText(sqlite3 *db)
{
    return db != nullptr ? QString::fromUtf8(sqlite3_errmsg(db)) : QString();
}

// Applies `connectOptions` (';'-separated) over `options`; returns what is wrong, or nothing.
QString applyConnectOptions(const QString &connectOptions, SqlCipherOpenOptions &options)
{
    const QStringList parts = connectOptions.split(u';', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QStringView option = QStringView(part).trimmed();
        if (option.isEmpty())
            continue;
        const qsizetype equals = option.indexOf(u'=');
        const QStringView name = equals < 0 ? option : option.left(equals).trimmed();
        const QStringView value = equals < 0 ? QStringView() : option.mid(equals + 1).trimmed();
        bool ok = equals >= 0;
        if (equals < 0 && name == kSqlCipherReadOnlyOption) {
            options.readOnly = true;
        } else if (equals < 0 && name == kSqlCipherNoCreateOption) {
            options.create = false;
        } else if (name == kSqlCipherBusyTimeoutOption) {
            options.busyTimeoutMs = ok ? value.toInt(&ok) : 0;
            if (!ok)
                return u"connect option %1 needs a number of milliseconds"_s.arg(name);
        } else if (name == kSqlCipherCacheSizeOption) {
            options.cacheSizeKiB = ok ? value.toInt(&ok) : 0;
            if (!ok)
                return u"connect option %1 needs a number of KiB"_s.arg(name);
        } else {
            return u"unknown connect option '%1'"_s.arg(option);
        }
    }
    return QString();
}

QString unescapedTableName(const QSqlDriver &driver, const QString &tableName)
{
    if (!driver.isIdentifierEscaped(tableName, QSqlDriver::TableName))
        return tableName;
    QString name = tableName.mid(1, tableName.size() - 2);
    name.replace(u"\"\""_s, u"\""_s);
    return name;
}

} // namespace

SqlCipherDriver::SqlCipherDriver(QObject *parent)
    : QSqlDriver(parent)
{
}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

void SqlCipherDriver::setKey(SecretBytes rawKey)
{
    m_key = std::move(rawKey);
}

void SqlCipherDriver::setOpenOptions(const SqlCipherOpenOptions &options)
{
    m_options = options;
    if (m_db != nullptr)
        sqlite3_busy_timeout(m_db, m_options.busyTimeoutMs);
}

void SqlCipherDriver::setBusyTimeoutMs(int milliseconds)
{
    m_options.busyTimeoutMs = milliseconds;
    if (m_db != nullptr)
        sqlite3_busy_timeout(m_db, milliseconds);
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case NamedPlaceholders:
    case PositionalPlaceholders:
    case LastInsertId:
    case SimpleLocking:
    case FinishQuery:
        return true;
    case QuerySize:
    case BatchOperations:
    case LowPrecisionNumbers:
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

bool SqlCipherDriver::open(const QString &path, const QString & /*user*/, const QString & /*password*/,
                           const QString & /*host*/, int /*port*/, const QString &connectOptions)
{
    if (isOpen())
        close();
    SqlCipherOpenOptions options = m_options;
    const QString problem = applyConnectOptions(connectOptions, options);
    const bool opened =
        problem.isEmpty() ? openConnection(path, options) : failOpen(ErrorCode::InvalidArgument, problem);
    m_key.clear(); // the key is not kept once open() is done with it, whatever the outcome
    if (!opened)
        return false;
    setOpen(true);
    setOpenError(false);
    return true;
}

bool SqlCipherDriver::openConnection(const QString &path, const SqlCipherOpenOptions &options)
{
    if (m_key.isEmpty())
        return failOpen(ErrorCode::InvalidArgument, u"no data key was set"_s);
    if (m_key.size() != kKeyBytes)
        return failOpen(ErrorCode::InvalidArgument,
                        u"the data key must be %1 bytes, not %2"_s.arg(kKeyBytes).arg(m_key.size()));
    if (path.isEmpty())
        return failOpen(ErrorCode::InvalidArgument, u"no database file was given"_s);
    if (options.busyTimeoutMs < 0 || options.cacheSizeKiB <= 0)
        return failOpen(ErrorCode::InvalidArgument,
                        u"the busy timeout must not be negative and the cache size must be positive"_s);
    const bool create = options.create && !options.readOnly;
    if (!create && path != u":memory:"_s && !QFileInfo::exists(path))
        return failOpen(ErrorCode::NotFound, u"the file does not exist"_s);

    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE; // one connection per thread
    flags |= options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create)
        flags |= SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK)
        return failOpen(ErrorCode::Storage, u"the file cannot be opened"_s, rc,
                        m_db != nullptr ? errorText(m_db) : QString::fromUtf8(sqlite3_errstr(rc)));

    // The key comes first, before any statement touches the file.
    rc = applyKey(m_db);
    if (rc != SQLITE_OK)
        return failOpen(ErrorCode::Storage, u"the key cannot be applied"_s, rc, errorText(m_db));
    sqlite3_busy_timeout(m_db, options.busyTimeoutMs);

    QString version;
    {
        Statement statement(m_db, "PRAGMA cipher_version");
        if (statement.step() == SQLITE_ROW && !statement.isNull(0))
            version = statement.text(0);
    }
    if (!isSupportedSqlCipherVersion(version))
        return failOpen(ErrorCode::Unsupported, u"SQLCipher 4 or newer is required, found %1"_s.arg(
                                                    version.isEmpty() ? u"none"_s : version));

    // Reading the schema is what proves the key (SQLCipher decrypts lazily).
    bool sqlcipher3 = false;
    QString nativeText;
    {
        const QuietCipherLog quiet(m_db);
        rc = execute(m_db, "SELECT count(*) FROM sqlite_master");
        if ((rc & 0xff) == SQLITE_NOTADB) {
            nativeText = errorText(m_db);
            sqlcipher3 = detectSqlCipher3(path);
        }
    }
    if ((rc & 0xff) == SQLITE_NOTADB) {
        if (sqlcipher3)
            return failOpen(ErrorCode::Corrupt,
                            u"the file is a registry made by SQLCipher 3, which is not supported "
                            u"(it must first be migrated to SQLCipher 4)"_s,
                            rc, nativeText);
        return failOpen(ErrorCode::Corrupt, u"the file is not a FieldLedger registry, or the key is wrong"_s,
                        rc, nativeText);
    }
    if (rc != SQLITE_OK)
        return failOpen(ErrorCode::Storage, u"the database schema cannot be read"_s, rc, errorText(m_db));

    if (!options.readOnly) { // a read-only connection cannot change the journal mode
        Statement statement(m_db, "PRAGMA journal_mode = WAL");
        rc = statement.step();
        if (rc != SQLITE_ROW)
            return failOpen(ErrorCode::Storage, u"the journal mode cannot be set to WAL"_s, rc,
                            errorText(m_db));
        const QString mode = statement.text(0);
        if (mode != u"wal"_s && mode != u"memory"_s)
            return failOpen(ErrorCode::Storage, u"the journal mode stays %1 instead of WAL"_s.arg(mode));
    }
    const QByteArray cacheSize = "PRAGMA cache_size = -" + QByteArray::number(options.cacheSizeKiB);
    for (const char *pragma : {"PRAGMA synchronous = FULL", "PRAGMA temp_store = MEMORY",
                               "PRAGMA foreign_keys = ON", cacheSize.constData()}) {
        rc = execute(m_db, pragma);
        if (rc != SQLITE_OK)
            return failOpen(ErrorCode::Storage, u"%1 failed"_s.arg(QLatin1StringView(pragma)), rc,
                            errorText(m_db));
    }
    return true;
}

bool SqlCipherDriver::failOpen(ErrorCode code, const QString &text, int nativeCode, const QString &nativeText)
{
    if (m_db != nullptr) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    m_openErrorCode = code;
    setLastError(QSqlError(text, nativeText, QSqlError::ConnectionError,
                           nativeCode != 0 ? QString::number(nativeCode) : QString()));
    setOpenError(true);
    return false;
}

bool SqlCipherDriver::detectSqlCipher3(const QString &path) const
{
    // A fresh, read-only handle with SQLCipher 3's settings: if the key opens the file this way,
    // it is a SQLCipher 3 database and the key is right.
    sqlite3 *db = nullptr;
    bool version3 = false;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                        nullptr) == SQLITE_OK &&
        applyKey(db) == SQLITE_OK && execute(db, "PRAGMA cipher_compatibility = 3") == SQLITE_OK)
        version3 = execute(db, "SELECT count(*) FROM sqlite_master") == SQLITE_OK;
    sqlite3_close_v2(db);
    return version3;
}

int SqlCipherDriver::applyKey(sqlite3 *db) const
{
    // SQLCipher's raw key syntax, x'<64 hex digits>', built in a buffer wiped right after use.
    static constexpr char kHexDigits[] = "0123456789abcdef";
    std::array<char, 3 + 2 * kKeyBytes> literal{};
    literal[0] = 'x';
    literal[1] = '\'';
    const unsigned char *key = m_key.bytes();
    for (std::size_t i = 0; i < kKeyBytes; ++i) {
        literal[2 + 2 * i] = kHexDigits[key[i] >> 4];
        literal[3 + 2 * i] = kHexDigits[key[i] & 0x0f];
    }
    literal.back() = '\'';
    const int rc = sqlite3_key(db, literal.data(), static_cast<int>(literal.size()));
    SecretBytes::wipe(literal.data(), literal.size());
    return rc;
}

void SqlCipherDriver::close()
{
    for (SqlCipherResult *result : std::as_const(m_results))
        result->releaseStatement();
    if (m_db != nullptr) {
        sqlite3_close_v2(m_db); // statements someone made on nativeHandle() keep it alive until finalized
        m_db = nullptr;
    }
    if (isOpen()) {
        setOpen(false);
        setOpenError(false);
    }
}

QSqlResult *SqlCipherDriver::createResult() const
{
    auto *result = new SqlCipherResult(this);
    m_results.append(result);
    return result;
}

void SqlCipherDriver::forgetResult(SqlCipherResult *result) const
{
    m_results.removeOne(result);
}

bool SqlCipherDriver::beginTransaction()
{
    // IMMEDIATE takes the write lock now, so a busy registry fails here rather than mid-way.
    return runTransactionStatement("BEGIN IMMEDIATE", u"Unable to begin transaction"_s);
}

bool SqlCipherDriver::commitTransaction()
{
    return runTransactionStatement("COMMIT", u"Unable to commit transaction"_s);
}

bool SqlCipherDriver::rollbackTransaction()
{
    return runTransactionStatement("ROLLBACK", u"Unable to roll back transaction"_s);
}

bool SqlCipherDriver::runTransactionStatement(const char *sql, const QString &what)
{
    if (!isOpen() || m_db == nullptr) {
        setLastError(QSqlError(what, u"The database is not open"_s, QSqlError::TransactionError));
        return false;
    }
    const int rc = execute(m_db, sql);
    if (rc == SQLITE_OK)
        return true;
    setLastError(sqlCipherError(m_db, rc, what, QSqlError::TransactionError));
    return false;
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList names;
    if (!isOpen())
        return names;
    const auto collect = [this, &names](const char *sql) {
        Statement statement(m_db, sql);
        while (statement.step() == SQLITE_ROW)
            names.append(statement.text(0));
    };
    if ((type & QSql::Tables) != 0)
        collect(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "ORDER BY name");
    if ((type & QSql::Views) != 0)
        collect("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name");
    if ((type & QSql::SystemTables) != 0) {
        names.append(u"sqlite_master"_s);
        collect("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sqlite\\_%' ESCAPE '\\' "
                "ORDER BY name");
    }
    return names;
}

QSqlRecord SqlCipherDriver::record(const QString &tableName) const
{
    QSqlRecord record;
    if (!isOpen())
        return record;
    const QString table = unescapedTableName(*this, tableName);
    const QByteArray name = table.toUtf8();
    Statement statement(m_db, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1)");
    statement.bindText(1, name);
    int keyColumns = 0;
    int integerKey = -1; // the field that is an INTEGER PRIMARY KEY, an alias of the rowid
    while (statement.step() == SQLITE_ROW) {
        const QString declared = statement.text(1);
        QSqlField field(statement.text(0), sqlCipherTypeForDeclaration(declared.toUtf8()), table);
        field.setRequiredStatus(statement.integer(2) != 0 ? QSqlField::Required : QSqlField::Optional);
        if (!statement.isNull(3))
            field.setDefaultValue(statement.text(3));
        if (statement.integer(4) > 0) {
            ++keyColumns;
            if (declared.compare(u"INTEGER"_s, Qt::CaseInsensitive) == 0)
                integerKey = static_cast<int>(record.count());
        }
        record.append(field);
    }
    if (keyColumns == 1 && integerKey >= 0) {
        QSqlField field = record.field(integerKey);
        field.setAutoValue(true);
        record.replace(integerKey, field);
    }
    return record;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString &tableName) const
{
    const QString table = unescapedTableName(*this, tableName);
    QSqlIndex index(table);
    if (!isOpen())
        return index;
    const QByteArray name = table.toUtf8();
    Statement statement(m_db, "SELECT name, type FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk");
    statement.bindText(1, name);
    while (statement.step() == SQLITE_ROW)
        index.append(
            QSqlField(statement.text(0), sqlCipherTypeForDeclaration(statement.text(1).toUtf8()), table));
    return index;
}

QString SqlCipherDriver::escapeIdentifier(const QString &identifier, IdentifierType type) const
{
    if (identifier.isEmpty() || isIdentifierEscaped(identifier, type))
        return identifier;
    QString escaped = identifier;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

QVariant SqlCipherDriver::handle() const
{
    return QVariant::fromValue(m_db);
}

void registerSqlCipherDriver()
{
    static std::once_flag once;
    std::call_once(once, [] {
        QSqlDatabase::registerSqlDriver(kSqlCipherDriverName, new QSqlDriverCreator<SqlCipherDriver>);
    });
}

bool isSupportedSqlCipherVersion(QStringView version)
{
    const QStringView text = version.trimmed();
    qsizetype digits = 0;
    while (digits < text.size() && text.at(digits) >= u'0' && text.at(digits) <= u'9')
        ++digits;
    bool ok = false;
    const int major = text.left(digits).toInt(&ok);
    return digits > 0 && ok && major >= 4;
}

Result<QSqlDatabase> openSqlCipherDatabase(const QString &connectionName, const QString &path,
                                           const SecretBytes &rawKey, const SqlCipherOpenOptions &options)
{
    if (connectionName.isEmpty() || QSqlDatabase::contains(connectionName))
        return fail(ErrorCode::InvalidArgument,
                    u"Cannot open %1: the connection name '%2' is empty or already in use"_s.arg(
                        QDir::toNativeSeparators(path), connectionName));
    auto *driver = new SqlCipherDriver;
    driver->setKey(rawKey.clone());
    driver->setOpenOptions(options);
    Error error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, connectionName); // takes the driver
        db.setDatabaseName(path);
        if (db.open())
            return db;
        const QSqlError sqlError = db.lastError();
        error.code = driver->openErrorCode();
        error.message = u"Cannot open %1: %2"_s.arg(QDir::toNativeSeparators(path), sqlError.driverText());
        if (!sqlError.databaseText().isEmpty())
            error.message += u" (SQLite: %1)"_s.arg(sqlError.databaseText());
    }
    QSqlDatabase::removeDatabase(connectionName);
    return std::unexpected(std::move(error));
}

} // namespace fieldledger::core
