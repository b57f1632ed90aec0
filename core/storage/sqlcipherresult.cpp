#include "core/storage/sqlcipherresult.h"

#include "core/storage/sqlcipherdriver.h"

#include <QDateTime>
#include <QSqlField>
#include <QSqlRecord>

#include <sqlite3.h>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

// SQLITE_STATIC, spelled without the header's C-style cast: the bytes outlive the binding.
const sqlite3_destructor_type kBytesOutliveBinding = nullptr;

// Not an SQLite code: the value has a type the driver cannot store.
constexpr int kUnbindable = -1;

// A UTF-8 buffer larger than this by that much is given back rather than kept for the next exec().
constexpr qsizetype kBufferSlack = 1 << 20;

// Qt's convention (and QSQLITE's): a null QString or QByteArray binds SQL NULL, as does a null
// QVariant. An empty, non-null QString or QByteArray binds an empty text or blob.
bool isNullValue(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    default:
        return false;
    }
}

QMetaType typeOfStorageClass(int storageClass)
{
    switch (storageClass) {
    case SQLITE_INTEGER:
        return QMetaType::fromType<qlonglong>();
    case SQLITE_FLOAT:
        return QMetaType::fromType<double>();
    case SQLITE_TEXT:
        return QMetaType::fromType<QString>();
    case SQLITE_BLOB:
        return QMetaType::fromType<QByteArray>();
    default:
        return QMetaType();
    }
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == ';';
}

// Whether the text after the first statement holds another statement (comments and blanks do not).
bool holdsAnotherStatement(sqlite3 *db, const char *tail)
{
    if (tail == nullptr)
        return false;
    while (*tail != '\0' && isBlank(*tail))
        ++tail;
    if (*tail == '\0')
        return false;
    sqlite3_stmt *next = nullptr;
    const int rc = sqlite3_prepare_v3(db, tail, -1, 0, &next, nullptr);
    const bool another = rc != SQLITE_OK || next != nullptr;
    sqlite3_finalize(next);
    return another;
}

} // namespace

QSqlError sqlCipherError(sqlite3 *db, int code, const QString &what, QSqlError::ErrorType type)
{
    const char *message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    return QSqlError(what, QString::fromUtf8(message), type, QString::number(code));
}

QMetaType sqlCipherTypeForDeclaration(QByteArrayView declaredType)
{
    // https://www.sqlite.org/datatype3.html, "Determination Of Column Affinity", in its order.
    const QByteArray type = declaredType.toByteArray().toUpper();
    if (type.isEmpty())
        return QMetaType();
    if (type.contains("INT"))
        return QMetaType::fromType<qlonglong>();
    if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT"))
        return QMetaType::fromType<QString>();
    if (type.contains("BLOB"))
        return QMetaType::fromType<QByteArray>();
    if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB"))
        return QMetaType::fromType<double>();
    return QMetaType();
}

SqlCipherResult::SqlCipherResult(const SqlCipherDriver *driver)
    : QSqlResult(driver)
{
}

SqlCipherResult::~SqlCipherResult()
{
    finalize();
    if (const auto *owner = qobject_cast<const SqlCipherDriver *>(driver()))
        owner->forgetResult(this);
}

QVariant SqlCipherResult::handle() const
{
    return QVariant::fromValue(m_stmt);
}

void SqlCipherResult::releaseStatement()
{
    finalize();
    clearResultSet();
    m_db = nullptr;
    setActive(false);
    setAt(QSql::BeforeFirstRow);
}

bool SqlCipherResult::reset(const QString &query)
{
    // QSqlQuery::exec(QString): nothing is bound, so the statement runs as it is.
    return compile(query, 0) && run();
}

bool SqlCipherResult::prepare(const QString &query)
{
    return compile(query, SQLITE_PREPARE_PERSISTENT);
}

void SqlCipherResult::bindValue(int index, const QVariant &value, QSql::ParamType type)
{
    // QSqlResult::bindValue(int) formats and hashes a placeholder name on every call. Once it has
    // recorded an index, rebinding an input value there only has to store the value.
    const auto slot = static_cast<std::size_t>(index);
    QList<QVariant> &values = boundValues();
    if (type == QSql::In && slot < m_indexBound.size() && m_indexBound[slot] && index < values.size() &&
        !hasOutValues()) {
        values[index] = value;
        return;
    }
    QSqlResult::bindValue(index, value, type);
    if (index >= 0) {
        if (slot >= m_indexBound.size())
            m_indexBound.resize(slot + 1, false);
        m_indexBound[slot] = true;
    }
}

bool SqlCipherResult::exec()
{
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    clearResultSet();
    if (m_stmt == nullptr) {
        setLastError(QSqlError(u"No statement is prepared, or the connection was closed"_s, QString(),
                               QSqlError::StatementError));
        return false;
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    return bindValues() && run();
}

bool SqlCipherResult::compile(const QString &query, unsigned int prepareFlags)
{
    finalize();
    clearResultSet();
    setActive(false);
    setSelect(false);
    const auto *owner = static_cast<const SqlCipherDriver *>(driver());
    m_db = owner != nullptr ? owner->nativeHandle() : nullptr;
    if (m_db == nullptr) {
        setLastError(QSqlError(u"The database is not open"_s, QString(), QSqlError::ConnectionError));
        return false;
    }
    const QByteArray sql = query.toUtf8();
    if (sql.size() >= std::numeric_limits<int>::max()) {
        setLastError(QSqlError(u"The statement is too long"_s, QString(), QSqlError::StatementError));
        return false;
    }
    const char *tail = nullptr;
    // The byte count includes the terminating NUL, which spares SQLite a copy.
    const int rc = sqlite3_prepare_v3(m_db, sql.constData(), static_cast<int>(sql.size() + 1), prepareFlags,
                                      &m_stmt, &tail);
    if (rc != SQLITE_OK) {
        setLastError(sqlCipherError(m_db, rc, u"Unable to prepare statement"_s, QSqlError::StatementError));
        finalize();
        return false;
    }
    if (m_stmt == nullptr) {
        setLastError(QSqlError(u"The query holds no statement"_s, QString(), QSqlError::StatementError));
        return false;
    }
    if (holdsAnotherStatement(m_db, tail)) {
        finalize();
        setLastError(QSqlError(u"Unable to execute multiple statements at a time"_s, QString(),
                               QSqlError::StatementError));
        return false;
    }
    m_columnCount = sqlite3_column_count(m_stmt);
    m_columnTypes.reserve(m_columnCount);
    for (int column = 0; column < m_columnCount; ++column)
        m_columnTypes.append(sqlCipherTypeForDeclaration(sqlite3_column_decltype(m_stmt, column)));
    mapParameters();
    return true;
}

void SqlCipherResult::mapParameters()
{
    // Positional '?' placeholders reach SQLite renamed by QSqlResult::savePrepare, in order, so
    // parameter i takes value i. Named ones keep their names; QSqlResult holds one value per
    // occurrence, SQLite numbers each distinct name once: take each name's first occurrence.
    const int count = sqlite3_bind_parameter_count(m_stmt);
    m_parameters.assign(static_cast<std::size_t>(count), Parameter{});
    std::vector<bool> named(static_cast<std::size_t>(count), false);
    for (int i = 0; i < count; ++i)
        m_parameters[static_cast<std::size_t>(i)].valueIndex = i;
    const int valueCount = boundValueCount();
    for (int value = 0; value < valueCount; ++value) {
        const QByteArray name = boundValueName(value).toUtf8();
        const int parameter = sqlite3_bind_parameter_index(m_stmt, name.constData());
        if (parameter > 0 && !named[static_cast<std::size_t>(parameter - 1)]) {
            named[static_cast<std::size_t>(parameter - 1)] = true;
            m_parameters[static_cast<std::size_t>(parameter - 1)].valueIndex = value;
        }
    }
    m_expectedValueCount = std::max<qsizetype>(count, valueCount);
}

bool SqlCipherResult::bindValues()
{
    const QList<QVariant> &values = boundValues();
    if (values.size() != m_expectedValueCount) {
        setLastError(QSqlError(u"Parameter count mismatch: the statement takes %1 values, %2 were bound"_s
                                   .arg(m_expectedValueCount)
                                   .arg(values.size()),
                               QString(), QSqlError::StatementError));
        return false;
    }
    const int count = static_cast<int>(m_parameters.size());
    for (int parameter = 1; parameter <= count; ++parameter) {
        const QVariant &value = values.at(m_parameters[static_cast<std::size_t>(parameter - 1)].valueIndex);
        const int rc = bindParameter(parameter, value);
        if (rc == kUnbindable) {
            setLastError(QSqlError(
                u"Unable to bind parameter %1: a value of type %2 cannot be stored"_s.arg(parameter).arg(
                    QLatin1StringView(value.typeName())),
                QString(), QSqlError::StatementError, QString::number(SQLITE_MISMATCH)));
            return false;
        }
        if (rc != SQLITE_OK)
            return failStatement(rc, u"Unable to bind parameter %1"_s.arg(parameter));
    }
    return true;
}

int SqlCipherResult::bindParameter(int parameter, const QVariant &value)
{
    if (isNullValue(value))
        return sqlite3_bind_null(m_stmt, parameter);
    switch (value.typeId()) {
    case QMetaType::QString:
        return bindText(parameter, *static_cast<const QString *>(value.constData()));
    case QMetaType::QByteArray: {
        // Hold a shared copy: the statement reads these bytes until the next exec().
        QByteArray &blob = m_parameters[static_cast<std::size_t>(parameter - 1)].blob;
        blob = *static_cast<const QByteArray *>(value.constData());
        if (blob.isEmpty()) // a null pointer would bind NULL; an empty blob is not NULL
            return sqlite3_bind_zeroblob(m_stmt, parameter, 0);
        return sqlite3_bind_blob64(m_stmt, parameter, blob.constData(),
                                   static_cast<sqlite3_uint64>(blob.size()), kBytesOutliveBinding);
    }
    case QMetaType::Bool:
        return sqlite3_bind_int(m_stmt, parameter, value.toBool() ? 1 : 0);
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
        return sqlite3_bind_int64(m_stmt, parameter, value.toLongLong());
    case QMetaType::ULongLong:
    case QMetaType::ULong: {
        const qulonglong number = value.toULongLong();
        if (number > static_cast<qulonglong>(std::numeric_limits<qint64>::max()))
            return kUnbindable;
        return sqlite3_bind_int64(m_stmt, parameter, static_cast<qint64>(number));
    }
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(m_stmt, parameter, value.toDouble());
    case QMetaType::QDateTime:
        return bindText(parameter, value.toDateTime().toString(Qt::ISODateWithMs));
    case QMetaType::QDate:
        return bindText(parameter, value.toDate().toString(Qt::ISODate));
    case QMetaType::QTime:
        return bindText(parameter, value.toTime().toString(Qt::ISODateWithMs));
    default:
        if (value.canConvert<QString>())
            return bindText(parameter, value.toString());
        return kUnbindable;
    }
}

int SqlCipherResult::bindText(int parameter, QStringView text)
{
    if (text.isEmpty())
        return sqlite3_bind_text(m_stmt, parameter, "", 0, kBytesOutliveBinding);
    // Convert into this parameter's own buffer, kept from one exec() to the next: no allocation
    // once it is large enough, and the bytes stay valid while the statement may read them.
    QByteArray &buffer = m_parameters[static_cast<std::size_t>(parameter - 1)].utf8;
    const qsizetype needed = m_encoder.requiredSpace(text.size());
    if (buffer.size() < needed || buffer.size() > needed + kBufferSlack)
        buffer = QByteArray(needed, Qt::Uninitialized);
    char *begin = buffer.data();
    const char *end = m_encoder.appendToBuffer(begin, text);
    return sqlite3_bind_text64(m_stmt, parameter, begin, static_cast<sqlite3_uint64>(end - begin),
                               kBytesOutliveBinding, SQLITE_UTF8);
}

bool SqlCipherResult::run()
{
    const sqlite3_int64 changesBefore = sqlite3_total_changes64(m_db);
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_statementRow = 0;
        m_exhausted = false;
        if (!isForwardOnly())
            cacheStatementRow(false);
    } else if (rc != SQLITE_DONE) {
        return failStatement(rc, u"Unable to execute statement"_s);
    }
    setSelect(m_columnCount > 0);
    if (m_columnCount == 0) {
        // sqlite3_changes keeps counting the last INSERT/UPDATE/DELETE across other statements (DDL).
        m_rowsAffected =
            sqlite3_total_changes64(m_db) != changesBefore ? static_cast<int>(sqlite3_changes64(m_db)) : 0;
        m_lastInsertId = sqlite3_last_insert_rowid(m_db);
    }
    setActive(true);
    return true;
}

bool SqlCipherResult::advance()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        ++m_statementRow;
        if (!isForwardOnly())
            cacheStatementRow(false);
        return true;
    }
    m_exhausted = true;
    if (rc != SQLITE_DONE)
        setLastError(sqlCipherError(m_db, rc, u"Unable to fetch row"_s, QSqlError::StatementError));
    sqlite3_reset(m_stmt); // ends the read
    return false;
}

void SqlCipherResult::cacheStatementRow(bool replace)
{
    if (replace) {
        m_rows.clear();
        m_firstCachedRow = m_statementRow;
    }
    for (int column = 0; column < m_columnCount; ++column)
        m_rows.append(statementValue(column));
}

bool SqlCipherResult::isCached(int row) const
{
    return m_columnCount > 0 && row >= m_firstCachedRow &&
           row < m_firstCachedRow + static_cast<int>(m_rows.size() / m_columnCount);
}

QVariant SqlCipherResult::statementValue(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(static_cast<qlonglong>(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, column));
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column)));
    }
    case SQLITE_BLOB: {
        const void *bytes = sqlite3_column_blob(m_stmt, column);
        const int size = sqlite3_column_bytes(m_stmt, column);
        if (size == 0) // SQLite gives a null pointer for an empty blob; it is still not NULL
            return QVariant(QByteArray(""));
        return QVariant(QByteArray(static_cast<const char *>(bytes), size));
    }
    default:
        return QVariant(m_columnTypes.at(column));
    }
}

QVariant SqlCipherResult::cachedValue(int row, int column) const
{
    return m_rows.at(static_cast<qsizetype>(row - m_firstCachedRow) * m_columnCount + column);
}

QVariant SqlCipherResult::data(int column)
{
    if (column < 0 || column >= m_columnCount)
        return QVariant();
    if (isCached(at()))
        return cachedValue(at(), column);
    if (!m_exhausted && m_statementRow == at())
        return statementValue(column);
    return QVariant();
}

bool SqlCipherResult::isNull(int column)
{
    if (column < 0 || column >= m_columnCount)
        return true;
    if (isCached(at()))
        return cachedValue(at(), column).isNull();
    if (!m_exhausted && m_statementRow == at())
        return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
    return true;
}

bool SqlCipherResult::fetch(int row)
{
    if (row < 0 || m_stmt == nullptr)
        return false;
    if (isCached(row)) {
        setAt(row);
        return true;
    }
    if (isForwardOnly() && row < m_statementRow)
        return false; // behind the statement: forward-only results keep nothing
    while (!m_exhausted && m_statementRow < row && advance()) {
    }
    if (isCached(row) || (!m_exhausted && m_statementRow == row)) {
        setAt(row);
        return true;
    }
    setAt(QSql::AfterLastRow);
    return false;
}

bool SqlCipherResult::fetchFirst()
{
    return fetch(0);
}

bool SqlCipherResult::fetchLast()
{
    if (m_stmt == nullptr)
        return false;
    if (isForwardOnly()) {
        // Keep a copy of each row on the way, so the last one can be read once SQLite is done.
        while (!m_exhausted) {
            cacheStatementRow(true);
            advance();
        }
    } else {
        while (!m_exhausted && advance()) {
        }
    }
    if (m_rows.isEmpty()) {
        setAt(QSql::AfterLastRow);
        return false;
    }
    setAt(m_firstCachedRow + static_cast<int>(m_rows.size() / m_columnCount) - 1);
    return true;
}

int SqlCipherResult::size()
{
    return -1; // SQLite cannot tell without running the query to its end
}

int SqlCipherResult::numRowsAffected()
{
    return m_rowsAffected;
}

QVariant SqlCipherResult::lastInsertId() const
{
    if (isActive() && !isSelect() && m_lastInsertId != 0)
        return QVariant(static_cast<qlonglong>(m_lastInsertId));
    return QVariant();
}

QSqlRecord SqlCipherResult::record() const
{
    QSqlRecord record;
    if (m_stmt == nullptr)
        return record;
    // The row whose values tell the type of columns without a fixed one.
    const int row = isCached(at()) ? at() : m_firstCachedRow;
    for (int column = 0; column < m_columnCount; ++column) {
        QMetaType type = m_columnTypes.at(column);
        if (!type.isValid()) {
            if (isCached(row))
                type = cachedValue(row, column).metaType();
            else if (!m_exhausted)
                type = typeOfStorageClass(sqlite3_column_type(m_stmt, column));
        }
        const char *table = sqlite3_column_table_name(m_stmt, column);
        record.append(QSqlField(QString::fromUtf8(sqlite3_column_name(m_stmt, column)), type,
                                table != nullptr ? QString::fromUtf8(table) : QString()));
    }
    return record;
}

void SqlCipherResult::detachFromResultSet()
{
    if (m_stmt != nullptr)
        sqlite3_reset(m_stmt);
    clearResultSet();
}

void SqlCipherResult::clearResultSet()
{
    m_rows.clear();
    m_firstCachedRow = 0;
    m_statementRow = -1;
    m_exhausted = true;
    m_rowsAffected = -1;
    m_lastInsertId = 0;
}

void SqlCipherResult::finalize()
{
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_columnCount = 0;
    m_columnTypes.clear();
    m_parameters.clear();
    m_expectedValueCount = 0;
    m_indexBound.clear(); // QSqlResult forgets its placeholders whenever a statement is compiled
}

bool SqlCipherResult::failStatement(int code, const QString &what)
{
    setLastError(sqlCipherError(m_db, code, what, QSqlError::StatementError));
    sqlite3_reset(m_stmt);
    m_exhausted = true;
    setActive(false);
    return false;
}

} // namespace fieldledger::core
