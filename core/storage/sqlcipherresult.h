#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>
#include <QSqlError>
#include <QSqlResult>
#include <QStringEncoder>
#include <QVariant>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fieldledger::core {

class SqlCipherDriver;

// The QSqlError for a failed SQLite call: driverText is `what`, databaseText is sqlite3_errmsg
// (or sqlite3_errstr without a connection) and nativeErrorCode the extended result code.
[[nodiscard]] QSqlError sqlCipherError(sqlite3 *db, int code, const QString &what, QSqlError::ErrorType type);

// The Qt type for an SQLite declared column type, by SQLite's affinity rules: INTEGER -> qlonglong,
// TEXT -> QString, BLOB -> QByteArray, REAL -> double. NUMERIC affinity and expressions have no
// fixed type (an invalid QMetaType).
[[nodiscard]] QMetaType sqlCipherTypeForDeclaration(QByteArrayView declaredType);

// The QSqlResult behind every QSqlQuery on a SqlCipherDriver connection.
//
// A statement is prepared once (sqlite3_prepare_v3, persistent when it comes from
// QSqlQuery::prepare) and reset, rebound by index and stepped on every exec(). Forward-only
// queries read values straight from the statement; scrollable ones (QSqlQuery's default, and
// what QSqlQueryModel needs) keep every row fetched so far, so seek() may go back.
class SqlCipherResult final : public QSqlResult {
public:
    explicit SqlCipherResult(const SqlCipherDriver *driver);
    ~SqlCipherResult() override;

    QVariant handle() const override;
    // The connection is closing: finalize the statement and forget the result set.
    void releaseStatement();

protected:
    QVariant data(int column) override;
    bool isNull(int column) override;
    bool reset(const QString &query) override;
    bool prepare(const QString &query) override;
    void bindValue(int index, const QVariant &value, QSql::ParamType type) override;
    using QSqlResult::bindValue;
    bool exec() override;
    bool fetch(int row) override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QVariant lastInsertId() const override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;

private:
    // Where bound values go: buffers the statement points into between exec() calls.
    struct Parameter {
        int valueIndex = 0; // index into boundValues()
        QByteArray utf8;    // text converted to UTF-8, reused from one exec() to the next
        QByteArray blob;    // a shared copy of a bound blob, so its bytes outlive rebinding
    };

    bool compile(const QString &query, unsigned int prepareFlags);
    void mapParameters();
    bool bindValues();
    int bindParameter(int parameter, const QVariant &value);
    int bindText(int parameter, QStringView text);
    bool run();
    bool advance();
    void cacheStatementRow(bool replace);
    [[nodiscard]] bool isCached(int row) const;
    [[nodiscard]] QVariant statementValue(int column) const;
    [[nodiscard]] QVariant cachedValue(int row, int column) const;
    void clearResultSet();
    void finalize();
    bool failStatement(int code, const QString &what);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    int m_columnCount = 0;
    QList<QMetaType> m_columnTypes; // from the declared types; invalid when not fixed
    std::vector<Parameter> m_parameters;
    qsizetype m_expectedValueCount = 0;
    std::vector<bool> m_indexBound; // bindValue(index) has recorded this index with QSqlResult
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};

    int m_statementRow = -1; // row the statement is positioned on, when !m_exhausted
    bool m_exhausted = true; // the statement has no current row (done, failed or reset)
    QList<QVariant> m_rows;  // cached rows, m_columnCount values each, from m_firstCachedRow on
    int m_firstCachedRow = 0;
    int m_rowsAffected = -1;
    qint64 m_lastInsertId = 0;
};

} // namespace fieldledger::core
