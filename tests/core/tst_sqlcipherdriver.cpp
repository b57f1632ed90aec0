#include "core/storage/sqlcipherdriver.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QSqlRecord>
#include <QSqlResult>
#include <QTemporaryDir>
#include <QTest>

// The raw C API, to make files the driver must refuse (SQLCipher 3, unencrypted).
#ifndef SQLITE_HAS_CODEC
#define SQLITE_HAS_CODEC 1
#endif
#include <bit>
#include <limits>
#include <memory>
#include <sqlcipher/sqlite3.h>

using namespace fieldledger::core;
using namespace Qt::StringLiterals;

namespace {

SecretBytes makeKey(unsigned char seed)
{
    SecretBytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i)
        key.bytes()[i] = static_cast<unsigned char>(seed + 13 * i);
    return key;
}

template<typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

enum class RawKind { SqlCipher3, Unencrypted };

// Makes a small database through SQLite's C API: one table `t` with one row.
bool createRawDatabase(const QString &path, const SecretBytes &key, RawKind kind)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                              nullptr) == SQLITE_OK;
    if (ok && kind == RawKind::SqlCipher3) {
        const QByteArray literal = "x'" + QByteArray(key.data(), qsizetype(key.size())).toHex() + "'";
        ok = sqlite3_key(db, literal.constData(), int(literal.size())) == SQLITE_OK &&
             sqlite3_exec(db, "PRAGMA cipher_compatibility = 3", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ok = ok && sqlite3_exec(db, "CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('hello')", nullptr, nullptr,
                            nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return QVariant();
    return query.value(0);
}

bool run(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return false;
}

enum BindStyle { AddBindValue, BindByIndex, BindByName };

} // namespace

class TestSqlCipherDriver final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_connections = 0;
    QString m_lastConnection;

    QString path(const QString &file) const { return m_dir->filePath(file); }

    Result<QSqlDatabase> open(const QString &file, const SqlCipherOpenOptions &options = {},
                              unsigned char seed = 1)
    {
        m_lastConnection = u"test-%1"_s.arg(++m_connections);
        return openSqlCipherDatabase(m_lastConnection, path(file), makeKey(seed), options);
    }

    void closeAll()
    {
        const QStringList names = QSqlDatabase::connectionNames();
        for (const QString &name : names)
            QSqlDatabase::removeDatabase(name);
    }

private slots:
    void initTestCase() { registerSqlCipherDriver(); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup()
    {
        closeAll();
        m_dir.reset();
    }

    void roundTrip_preservesValueAndType_data()
    {
        QTest::addColumn<QString>("declaredType");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QVariant>("expected");
        QTest::addColumn<QString>("storageClass");

        const auto same = [](const char *name, const char *type, const QVariant &value, const char *storage) {
            QTest::newRow(name) << QString::fromLatin1(type) << value << value
                                << QString::fromLatin1(storage);
        };
        QTest::newRow("null integer")
            << u"INTEGER"_s << QVariant() << QVariant(QMetaType::fromType<qlonglong>()) << u"null"_s;
        same("int64 min", "INTEGER", QVariant(std::numeric_limits<qint64>::min()), "integer");
        same("int64 max", "INTEGER", QVariant(std::numeric_limits<qint64>::max()), "integer");
        same("int64 zero", "INTEGER", QVariant(qint64(0)), "integer");
        QTest::newRow("int widens") << u"INTEGER"_s << QVariant(-42) << QVariant(qlonglong(-42))
                                    << u"integer"_s;
        QTest::newRow("bool") << u"INTEGER"_s << QVariant(true) << QVariant(qlonglong(1)) << u"integer"_s;
        same("double 0.1", "REAL", QVariant(0.1), "real");
        // Untyped: a REAL column stores integral values as integers, which drops the sign of -0.0.
        same("double -0.0", "", QVariant(-0.0), "real");
        same("double 1e308", "REAL", QVariant(1e308), "real");
        same("double max", "REAL", QVariant(std::numeric_limits<double>::max()), "real");
        same("double smallest denormal", "REAL", QVariant(std::numeric_limits<double>::denorm_min()), "real");
        same("double largest denormal", "REAL", QVariant(2.2250738585072009e-308), "real");
        same("double -1.5e-300", "REAL", QVariant(-1.5e-300), "real");
        QTest::newRow("null real") << u"REAL"_s << QVariant() << QVariant(QMetaType::fromType<double>())
                                   << u"null"_s;
        same("text ascii", "TEXT", QVariant(u"household 42"_s), "text");
        same("text emoji", "TEXT", QVariant(u"👩‍👩‍👧‍👦 family 🌍🚀"_s), "text");
        same("text arabic", "TEXT", QVariant(u"مرحبا بالعالم — سجل الأسرة"_s), "text");
        same("text mixed scripts", "TEXT", QVariant(u"Ελληνικά, 日本語, עברית, हिन्दी"_s), "text");
        same("text empty", "TEXT", QVariant(QString::fromUtf8("", 0)), "text");
        QTest::newRow("text null string")
            << u"TEXT"_s << QVariant(QString()) << QVariant(QMetaType::fromType<QString>()) << u"null"_s;
        QByteArray everyByte;
        for (int i = 0; i < 256; ++i)
            everyByte.append(char(i));
        same("blob every byte", "BLOB", QVariant(everyByte), "blob");
        same("blob with NULs", "BLOB", QVariant(QByteArray("\0a\0b\0", 5)), "blob");
        same("blob empty", "BLOB", QVariant(QByteArray("")), "blob");
        QTest::newRow("blob null") << u"BLOB"_s << QVariant(QByteArray())
                                   << QVariant(QMetaType::fromType<QByteArray>()) << u"null"_s;
    }
    void roundTrip_preservesValueAndType()
    {
        QFETCH(QString, declaredType);
        QFETCH(QVariant, value);
        QFETCH(QVariant, expected);
        QFETCH(QString, storageClass);

        auto db = open(u"types.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE t (v %1)"_s.arg(declaredType)));
        QSqlQuery insert(*db);
        QVERIFY(insert.prepare(u"INSERT INTO t (v) VALUES (:v)"_s));
        insert.bindValue(u":v"_s, value);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

        QSqlQuery select(*db);
        QVERIFY(select.exec(u"SELECT v, typeof(v) FROM t"_s));
        QVERIFY(select.next());
        QCOMPARE(select.value(1).toString(), storageClass);
        const QVariant actual = select.value(0);
        QCOMPARE(actual.isNull(), expected.isNull());
        QCOMPARE(select.isNull(0), expected.isNull());
        QCOMPARE(actual.typeId(), expected.typeId());
        if (expected.typeId() == QMetaType::Double && !expected.isNull())
            QCOMPARE(std::bit_cast<quint64>(actual.toDouble()), std::bit_cast<quint64>(expected.toDouble()));
        else
            QCOMPARE(actual, expected);
        if (expected.typeId() == QMetaType::QString || expected.typeId() == QMetaType::QByteArray)
            QCOMPARE(actual.toByteArray().isNull(), expected.isNull());
    }

    void roundTrip_tenMegabyteBlobAndText()
    {
        auto db = open(u"large.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE t (b BLOB, s TEXT)"_s));
        QByteArray blob(10 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator random(42);
        random.fillRange(reinterpret_cast<quint32 *>(blob.data()), blob.size() / qsizetype(sizeof(quint32)));
        const QString text = QString(u"ملف 🗂 "_s).repeated(500000);

        QSqlQuery insert(*db);
        QVERIFY(insert.prepare(u"INSERT INTO t (b, s) VALUES (?, ?)"_s));
        insert.addBindValue(blob);
        insert.addBindValue(text);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

        QSqlQuery select(*db);
        select.setForwardOnly(true);
        QVERIFY(select.exec(u"SELECT b, s FROM t"_s));
        QVERIFY(select.next());
        QCOMPARE(select.value(0).toByteArray().size(), blob.size());
        QVERIFY(select.value(0).toByteArray() == blob);
        QVERIFY(select.value(1).toString() == text);
    }

    void bind_placeholders_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("style");
        QTest::newRow("positional, addBindValue")
            << u"INSERT INTO t (a, b, c) VALUES (?, ?, ?)"_s << int(AddBindValue);
        QTest::newRow("positional, by index")
            << u"INSERT INTO t (a, b, c) VALUES (?, ?, ?)"_s << int(BindByIndex);
        QTest::newRow("named, bound out of order")
            << u"INSERT INTO t (a, b, c) VALUES (:a, :b, :c)"_s << int(BindByName);
        QTest::newRow("named, by index")
            << u"INSERT INTO t (a, b, c) VALUES (:a, :b, :c)"_s << int(BindByIndex);
        QTest::newRow("named, in a different order")
            << u"INSERT INTO t (c, b, a) VALUES (:c, :b, :a)"_s << int(BindByName);
        QTest::newRow("named, one used twice")
            << u"INSERT INTO t (a, b, c) VALUES (:a, :b, :a + 2.5)"_s << int(BindByName);
        QTest::newRow("placeholder-like text in a literal")
            << u"INSERT INTO t (a, b, c) VALUES (:a, ':b?', :c)"_s << int(BindByName);
    }
    void bind_placeholders()
    {
        QFETCH(QString, sql);
        QFETCH(int, style);
        auto db = open(u"bind.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE t (a INTEGER, b TEXT, c REAL)"_s));

        QSqlQuery insert(*db);
        QVERIFY2(insert.prepare(sql), qPrintable(insert.lastError().text()));
        switch (style) {
        case AddBindValue:
            insert.addBindValue(1);
            insert.addBindValue(u"two"_s);
            insert.addBindValue(3.5);
            break;
        case BindByIndex:
            insert.bindValue(0, 1);
            insert.bindValue(1, u"two"_s);
            insert.bindValue(2, 3.5);
            break;
        default:
            insert.bindValue(u":c"_s, 3.5);
            insert.bindValue(u":b"_s, u"two"_s);
            insert.bindValue(u":a"_s, 1);
            break;
        }
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));

        QSqlQuery select(*db);
        QVERIFY(select.exec(u"SELECT a, b, c FROM t"_s));
        QVERIFY(select.next());
        QCOMPARE(select.value(0), QVariant(qlonglong(1)));
        QCOMPARE(select.value(1).toString(), sql.contains(u"':b?'"_s) ? u":b?"_s : u"two"_s);
        QCOMPARE(select.value(2), QVariant(3.5));
        QVERIFY(!select.next());
    }

    void bind_rebindAndReprepare_useTheNewValues()
    {
        auto db = open(u"rebind.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE t (a INTEGER, b TEXT, c BLOB)"_s));
        QSqlQuery query(*db);
        QVERIFY(query.prepare(u"INSERT INTO t (a, b, c) VALUES (?, ?, ?)"_s));
        query.bindValue(0, 1);
        query.bindValue(1, u"first"_s);
        query.bindValue(2, QByteArray("one"));
        QVERIFY(query.exec());
        query.bindValue(1, u"second, longer than the first"_s); // only one value changes
        QCOMPARE(query.boundValue(1).toString(), u"second, longer than the first"_s);
        QCOMPARE(query.boundValue(0), QVariant(1));
        QVERIFY(query.exec());

        QVERIFY(query.prepare(u"INSERT INTO t (a) VALUES (?)"_s)); // fewer placeholders, same query
        QVERIFY(query.boundValues().isEmpty());
        query.bindValue(0, 3);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));

        QSqlQuery select(*db);
        QVERIFY(select.exec(u"SELECT a, b, c FROM t ORDER BY rowid"_s));
        QVERIFY(select.next());
        QCOMPARE(select.value(1).toString(), u"first"_s);
        QVERIFY(select.next());
        QCOMPARE(select.value(0), QVariant(qlonglong(1)));
        QCOMPARE(select.value(1).toString(), u"second, longer than the first"_s);
        QCOMPARE(select.value(2).toByteArray(), QByteArray("one"));
        QVERIFY(select.next());
        QCOMPARE(select.value(0), QVariant(qlonglong(3)));
        QVERIFY(select.isNull(1));
        QVERIFY(!select.next());
    }

    void bind_wrongValueCount_reportsMismatch()
    {
        auto db = open(u"mismatch.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE t (a, b)"_s));
        QSqlQuery insert(*db);
        QVERIFY(insert.prepare(u"INSERT INTO t VALUES (?, ?)"_s));
        insert.addBindValue(1);
        QVERIFY(!insert.exec());
        QVERIFY(insert.lastError().text().contains(u"mismatch"_s));
        insert.addBindValue(1);
        insert.addBindValue(2);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }

    void bind_unsignedBeyondInt64_isRefused()
    {
        auto db = open(u"unsigned.db"_s);
        QVERIFY2(db, why(db).constData());
        QSqlQuery query(*db);
        QVERIFY(query.prepare(u"SELECT ?"_s));
        query.addBindValue(std::numeric_limits<qulonglong>::max());
        QVERIFY(!query.exec());
        QCOMPARE(query.lastError().nativeErrorCode(), QString::number(SQLITE_MISMATCH));
        query.addBindValue(qulonglong(7));
        QVERIFY(query.exec());
        QVERIFY(query.next());
        QCOMPARE(query.value(0), QVariant(qlonglong(7)));
    }

    void exec_preparedStatementRepeatedly_reusesStatement()
    {
        auto db = open(u"reuse.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, weight REAL)"_s));
        QVERIFY(db->transaction());
        QSqlQuery insert(*db);
        QVERIFY(insert.prepare(u"INSERT INTO t (id, name, weight) VALUES (?, ?, ?)"_s));
        const QVariant statement = insert.result()->handle();
        QVERIFY(statement.value<sqlite3_stmt *>() != nullptr);
        for (int i = 0; i < 1000; ++i) {
            insert.bindValue(0, i);
            insert.bindValue(1, i % 3 == 0 ? QVariant(QString()) : QVariant(u"name %1"_s.arg(i)));
            insert.bindValue(2, i * 0.5);
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
            QCOMPARE(insert.numRowsAffected(), 1);
        }
        QVERIFY(db->commit());
        QCOMPARE(insert.result()->handle().value<sqlite3_stmt *>(), statement.value<sqlite3_stmt *>());
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM t"_s), QVariant(qlonglong(1000)));
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM t WHERE name IS NULL"_s), QVariant(qlonglong(334)));
        QCOMPARE(scalar(*db, u"SELECT sum(weight) FROM t"_s), QVariant(999 * 1000 / 2 * 0.5));

        // A prepared SELECT, run again with other values, sees only its own rows.
        QSqlQuery select(*db);
        QVERIFY(select.prepare(u"SELECT id, name FROM t WHERE id BETWEEN :low AND :high ORDER BY id"_s));
        for (int low : {10, 500, 990}) {
            select.bindValue(u":low"_s, low);
            select.bindValue(u":high"_s, low + 4);
            QVERIFY2(select.exec(), qPrintable(select.lastError().text()));
            int expected = low;
            while (select.next())
                QCOMPARE(select.value(0).toInt(), expected++);
            QCOMPARE(expected, low + 5);
        }
    }

    void transaction_commitKeepsAndRollbackDiscards_data()
    {
        QTest::addColumn<bool>("commit");
        QTest::newRow("commit") << true;
        QTest::newRow("rollback") << false;
    }
    void transaction_commitKeepsAndRollbackDiscards()
    {
        QFETCH(bool, commit);
        auto writer = open(u"tx.db"_s);
        QVERIFY2(writer, why(writer).constData());
        QVERIFY(run(*writer, u"CREATE TABLE t (v INTEGER)"_s));
        auto reader = open(u"tx.db"_s);
        QVERIFY2(reader, why(reader).constData());

        QVERIFY2(writer->transaction(), qPrintable(writer->lastError().text()));
        QSqlQuery insert(*writer);
        QVERIFY(insert.prepare(u"INSERT INTO t VALUES (?)"_s));
        for (int i = 0; i < 100; ++i) {
            insert.bindValue(0, i);
            QVERIFY(insert.exec());
        }
        QCOMPARE(scalar(*writer, u"SELECT count(*) FROM t"_s), QVariant(qlonglong(100)));
        QCOMPARE(scalar(*reader, u"SELECT count(*) FROM t"_s), QVariant(qlonglong(0))); // not yet visible
        QVERIFY(commit ? writer->commit() : writer->rollback());
        const qlonglong expected = commit ? 100 : 0;
        QCOMPARE(scalar(*writer, u"SELECT count(*) FROM t"_s), QVariant(expected));
        QCOMPARE(scalar(*reader, u"SELECT count(*) FROM t"_s), QVariant(expected));
    }

    void transaction_commitWithoutBegin_reportsError()
    {
        auto db = open(u"nocommit.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(!db->commit());
        QCOMPARE(db->lastError().type(), QSqlError::TransactionError);
        QCOMPARE(db->lastError().nativeErrorCode(), QString::number(SQLITE_ERROR));
    }

    void lastInsertId_returnsRowid()
    {
        auto db = open(u"rowid.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"_s));
        QSqlQuery query(*db);
        QVERIFY(query.exec(u"INSERT INTO t (v) VALUES ('a')"_s));
        QCOMPARE(query.lastInsertId(), QVariant(qlonglong(1)));
        QVERIFY(query.exec(u"INSERT INTO t (v) VALUES ('b')"_s));
        QCOMPARE(query.lastInsertId(), QVariant(qlonglong(2)));
        QVERIFY(query.exec(u"INSERT INTO t (id, v) VALUES (9000000000, 'c')"_s));
        QCOMPARE(query.lastInsertId(), QVariant(qlonglong(9000000000)));
        QVERIFY(query.exec(u"SELECT id FROM t"_s));
        QVERIFY(!query.lastInsertId().isValid());
    }

    void numRowsAffected_countsChangedRows_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("expected");
        QTest::newRow("update some") << u"UPDATE t SET v = v + 1 WHERE id <= 3"_s << 3;
        QTest::newRow("update none") << u"UPDATE t SET v = 0 WHERE id > 100"_s << 0;
        QTest::newRow("delete all") << u"DELETE FROM t"_s << 10;
        QTest::newRow("insert select") << u"INSERT INTO t (v) SELECT v FROM t WHERE id <= 4"_s << 4;
        QTest::newRow("create table") << u"CREATE TABLE other (x)"_s << 0;
        QTest::newRow("select") << u"SELECT * FROM t"_s << -1;
    }
    void numRowsAffected_countsChangedRows()
    {
        QFETCH(QString, sql);
        QFETCH(int, expected);
        auto db = open(u"affected.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)"_s));
        QVERIFY(run(*db, u"INSERT INTO t (v) VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10)"_s));
        QSqlQuery query(*db);
        QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
        QCOMPARE(query.numRowsAffected(), expected);
    }

    void tables_listsByKind()
    {
        auto db = open(u"tables.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE beta (x)"_s));
        QVERIFY(run(*db,
                    u"CREATE TABLE alpha (id INTEGER PRIMARY KEY AUTOINCREMENT)"_s)); // makes sqlite_sequence
        QVERIFY(run(*db, u"CREATE VIEW gamma AS SELECT x FROM beta"_s));
        QCOMPARE(db->tables(QSql::Tables), QStringList({u"alpha"_s, u"beta"_s}));
        QCOMPARE(db->tables(QSql::Views), QStringList({u"gamma"_s}));
        const QStringList system = db->tables(QSql::SystemTables);
        QVERIFY(system.contains(u"sqlite_master"_s));
        QVERIFY(system.contains(u"sqlite_sequence"_s));
        QVERIFY(!system.contains(u"alpha"_s));
        const QStringList all = db->tables(QSql::AllTables);
        for (const QString &name : {u"alpha"_s, u"beta"_s, u"gamma"_s, u"sqlite_master"_s})
            QVERIFY2(all.contains(name), qPrintable(name));
    }

    void record_mapsDeclaredTypes()
    {
        auto db = open(u"record.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', "
                         u"score REAL, photo BLOB, note VARCHAR(20), born NUMERIC)"_s));
        const QSqlRecord record = db->record(u"people"_s);
        QCOMPARE(record.count(), 6);
        const QList<std::pair<QString, QMetaType>> expected = {
            {u"id"_s, QMetaType::fromType<qlonglong>()}, {u"name"_s, QMetaType::fromType<QString>()},
            {u"score"_s, QMetaType::fromType<double>()}, {u"photo"_s, QMetaType::fromType<QByteArray>()},
            {u"note"_s, QMetaType::fromType<QString>()}, {u"born"_s, QMetaType()},
        };
        for (int i = 0; i < record.count(); ++i) {
            QCOMPARE(record.fieldName(i), expected.at(i).first);
            QCOMPARE(record.field(i).metaType().id(), expected.at(i).second.id());
            QCOMPARE(record.field(i).tableName(), u"people"_s);
        }
        QVERIFY(record.field(u"id"_s).isAutoValue());
        QVERIFY(!record.field(u"name"_s).isAutoValue());
        QCOMPARE(record.field(u"name"_s).requiredStatus(), QSqlField::Required);
        QCOMPARE(record.field(u"score"_s).requiredStatus(), QSqlField::Optional);
        QCOMPARE(record.field(u"name"_s).defaultValue().toString(), u"'x'"_s);
        QVERIFY(db->record(u"missing"_s).isEmpty());

        // A query's record: declared types, and the value's type for an expression.
        QVERIFY(run(*db, u"INSERT INTO people (name, score) VALUES ('Amal', 2.5)"_s));
        QSqlQuery query(*db);
        QVERIFY(query.exec(u"SELECT id, name, score, 1 + 1 AS two FROM people"_s));
        const QSqlRecord columns = query.record();
        QCOMPARE(columns.count(), 4);
        QCOMPARE(columns.field(0).metaType().id(), QMetaType::LongLong);
        QCOMPARE(columns.field(1).metaType().id(), QMetaType::QString);
        QCOMPARE(columns.field(2).metaType().id(), QMetaType::Double);
        QCOMPARE(columns.fieldName(3), u"two"_s);
        QCOMPARE(columns.field(3).metaType().id(), QMetaType::LongLong);
        QCOMPARE(columns.field(1).tableName(), u"people"_s);
        QVERIFY(query.next());
        QCOMPARE(query.record().value(u"name"_s).toString(), u"Amal"_s);
    }

    void primaryIndex_returnsKeyColumnsInKeyOrder()
    {
        auto db = open(u"pk.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE visits (household TEXT, round INTEGER, note TEXT, "
                         u"PRIMARY KEY (round, household))"_s));
        QVERIFY(run(*db, u"CREATE TABLE plain (x)"_s));
        const QSqlIndex index = db->primaryIndex(u"visits"_s);
        QCOMPARE(index.count(), 2);
        QCOMPARE(index.fieldName(0), u"round"_s);
        QCOMPARE(index.fieldName(1), u"household"_s);
        QCOMPARE(index.field(0).metaType().id(), QMetaType::LongLong);
        QCOMPARE(db->primaryIndex(db->driver()->escapeIdentifier(u"visits"_s, QSqlDriver::TableName)).count(),
                 2);
        QVERIFY(db->primaryIndex(u"plain"_s).isEmpty());
    }

    void escapeIdentifier_quotesAndDoublesQuotes_data()
    {
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << u"households"_s << u"\"households\""_s;
        QTest::newRow("with a quote") << u"my \"odd\" table"_s << u"\"my \"\"odd\"\" table\""_s;
        QTest::newRow("keyword") << u"select"_s << u"\"select\""_s;
        QTest::newRow("already escaped") << u"\"done\""_s << u"\"done\""_s;
        QTest::newRow("arabic") << u"أسر"_s << u"\"أسر\""_s;
    }
    void escapeIdentifier_quotesAndDoublesQuotes()
    {
        QFETCH(QString, identifier);
        QFETCH(QString, escaped);
        SqlCipherDriver driver;
        QCOMPARE(driver.escapeIdentifier(identifier, QSqlDriver::TableName), escaped);
        QCOMPARE(driver.escapeIdentifier(identifier, QSqlDriver::FieldName), escaped);
    }

    void escapeIdentifier_worksInStatements()
    {
        auto db = open(u"escape.db"_s);
        QVERIFY2(db, why(db).constData());
        const QString table = u"my \"odd\" table"_s;
        const QString column = u"select"_s;
        const QSqlDriver *driver = db->driver();
        const QString escapedTable = driver->escapeIdentifier(table, QSqlDriver::TableName);
        const QString escapedColumn = driver->escapeIdentifier(column, QSqlDriver::FieldName);
        QVERIFY(run(*db, u"CREATE TABLE %1 (%2 TEXT PRIMARY KEY)"_s.arg(escapedTable, escapedColumn)));
        QVERIFY(run(*db, u"INSERT INTO %1 (%2) VALUES ('ok')"_s.arg(escapedTable, escapedColumn)));
        QCOMPARE(scalar(*db, u"SELECT %2 FROM %1"_s.arg(escapedTable, escapedColumn)).toString(), u"ok"_s);
        QVERIFY(db->tables().contains(table));
        QCOMPARE(db->record(table).fieldName(0), column);
        QCOMPARE(db->record(escapedTable).fieldName(0), column);
        QCOMPARE(db->primaryIndex(table).fieldName(0), column);
    }

    void error_reportsSqliteCodeAndMessage_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax error") << u"SELEC 1"_s << SQLITE_ERROR << u"syntax error"_s;
        QTest::newRow("no such table") << u"SELECT * FROM missing"_s << SQLITE_ERROR << u"no such table"_s;
        QTest::newRow("unique") << u"INSERT INTO t (id, u, n, c) VALUES (2, 'a', 'x', 1)"_s
                                << SQLITE_CONSTRAINT_UNIQUE << u"UNIQUE constraint failed"_s;
        QTest::newRow("primary key") << u"INSERT INTO t (id, u, n, c) VALUES (1, 'b', 'x', 1)"_s
                                     << SQLITE_CONSTRAINT_PRIMARYKEY << u"UNIQUE constraint failed"_s;
        QTest::newRow("not null") << u"INSERT INTO t (id, u, n, c) VALUES (3, 'c', NULL, 1)"_s
                                  << SQLITE_CONSTRAINT_NOTNULL << u"NOT NULL constraint failed"_s;
        QTest::newRow("check") << u"INSERT INTO t (id, u, n, c) VALUES (4, 'd', 'x', 0)"_s
                               << SQLITE_CONSTRAINT_CHECK << u"CHECK constraint failed"_s;
        QTest::newRow("foreign key") << u"INSERT INTO t (id, u, n, c, p) VALUES (5, 'e', 'x', 1, 99)"_s
                                     << SQLITE_CONSTRAINT_FOREIGNKEY << u"FOREIGN KEY constraint failed"_s;
    }
    void error_reportsSqliteCodeAndMessage()
    {
        QFETCH(QString, sql);
        QFETCH(int, code);
        QFETCH(QString, message);
        auto db = open(u"errors.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE parent (id INTEGER PRIMARY KEY)"_s));
        QVERIFY(run(*db, u"CREATE TABLE t (id INTEGER PRIMARY KEY, u TEXT UNIQUE, n TEXT NOT NULL, "
                         u"c INTEGER CHECK (c > 0), p INTEGER REFERENCES parent (id))"_s));
        QVERIFY(run(*db, u"INSERT INTO t (id, u, n, c) VALUES (1, 'a', 'x', 1)"_s));

        QSqlQuery direct(*db);
        QVERIFY(!direct.exec(sql));
        QCOMPARE(direct.lastError().type(), QSqlError::StatementError);
        QCOMPARE(direct.lastError().nativeErrorCode(), QString::number(code));
        QVERIFY2(direct.lastError().databaseText().contains(message),
                 qPrintable(direct.lastError().databaseText()));

        QSqlQuery prepared(*db); // the same, through prepare() + exec()
        const bool preparedOk = prepared.prepare(sql) && prepared.exec();
        QVERIFY(!preparedOk);
        QCOMPARE(prepared.lastError().nativeErrorCode(), QString::number(code));
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM t"_s), QVariant(qlonglong(1)));
    }

    void exec_multipleStatements_areRefused()
    {
        auto db = open(u"multi.db"_s);
        QVERIFY2(db, why(db).constData());
        QSqlQuery query(*db);
        QVERIFY(!query.exec(u"CREATE TABLE a (x); CREATE TABLE b (y)"_s));
        QVERIFY(query.lastError().text().contains(u"multiple statements"_s));
        QVERIFY(db->tables().isEmpty());
        QVERIFY2(query.exec(u"CREATE TABLE a (x); -- a trailing comment\n ;"_s),
                 qPrintable(query.lastError().text()));
        QCOMPARE(db->tables(), QStringList({u"a"_s}));
    }

    void busyTimeout_secondWriterWaitsThenFails()
    {
        auto first = open(u"busy.db"_s);
        QVERIFY2(first, why(first).constData());
        QVERIFY(run(*first, u"CREATE TABLE t (v)"_s));
        SqlCipherOpenOptions impatient;
        impatient.busyTimeoutMs = 300;
        auto second = open(u"busy.db"_s, impatient);
        QVERIFY2(second, why(second).constData());

        QVERIFY(first->transaction());
        QVERIFY(run(*first, u"INSERT INTO t VALUES (1)"_s));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!second->transaction());
        const qint64 waited = timer.elapsed();
        QVERIFY2(waited >= 250, qPrintable(u"waited only %1 ms"_s.arg(waited)));
        QVERIFY2(waited < 4000, qPrintable(u"waited %1 ms"_s.arg(waited)));
        QCOMPARE(second->lastError().nativeErrorCode(), QString::number(SQLITE_BUSY));
        QCOMPARE(second->lastError().type(), QSqlError::TransactionError);

        QSqlQuery write(*second); // a plain statement waits and fails the same way
        QVERIFY(!write.exec(u"INSERT INTO t VALUES (2)"_s));
        QCOMPARE(write.lastError().nativeErrorCode(), QString::number(SQLITE_BUSY));

        QVERIFY(first->commit());
        QVERIFY2(second->transaction(), qPrintable(second->lastError().text()));
        QVERIFY(run(*second, u"INSERT INTO t VALUES (3)"_s));
        QVERIFY(second->commit());
        QCOMPARE(scalar(*first, u"SELECT count(*) FROM t"_s), QVariant(qlonglong(2)));
    }

    void queryModel_readsRowsThroughDriver()
    {
        auto db = open(u"model.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE households (id INTEGER PRIMARY KEY, head TEXT, size INTEGER)"_s));
        QVERIFY(db->transaction());
        QSqlQuery insert(*db);
        QVERIFY(insert.prepare(u"INSERT INTO households (id, head, size) VALUES (?, ?, ?)"_s));
        for (int i = 0; i < 600; ++i) {
            insert.bindValue(0, i);
            insert.bindValue(1, u"head %1"_s.arg(i));
            insert.bindValue(2, i % 7 == 0 ? QVariant() : QVariant(i % 9));
            QVERIFY(insert.exec());
        }
        QVERIFY(db->commit());

        QSqlQueryModel model;
        model.setQuery(u"SELECT id, head, size FROM households ORDER BY id"_s, *db);
        QVERIFY2(!model.lastError().isValid(), qPrintable(model.lastError().text()));
        // Made after setQuery(): QSqlQueryModel itself inserts its first rows inside its model reset
        // when the driver cannot tell the size (QuerySize), which the tester rightly flags.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"head"_s);
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), 600);
        QCOMPARE(model.data(model.index(599, 1)).toString(), u"head 599"_s);
        QCOMPARE(model.data(model.index(3, 0)).toLongLong(), 3); // back to the start
        QCOMPARE(model.data(model.index(300, 2)).toLongLong(), 300 % 9);
        QVERIFY(model.data(model.index(301, 2)).isNull()); // 301 = 7 * 43
        QCOMPARE(model.record(42).value(u"head"_s).toString(), u"head 42"_s);
    }

    void fetch_forwardOnly_readsOnceAndCanJumpToLast()
    {
        auto db = open(u"forward.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE t (v INTEGER)"_s));
        QVERIFY(run(*db, u"INSERT INTO t VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)"_s));
        QSqlQuery query(*db);
        query.setForwardOnly(true);
        QVERIFY(query.exec(u"SELECT v FROM t ORDER BY v"_s));
        QCOMPARE(query.size(), -1);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), i);
            QCOMPARE(query.at(), i);
        }
        QVERIFY(query.seek(6));
        QCOMPARE(query.value(0).toInt(), 6);
        QVERIFY(query.last());
        QCOMPARE(query.at(), 9);
        QCOMPARE(query.value(0).toInt(), 9);
        QVERIFY(!query.next());

        QVERIFY(query.exec()); // the same statement again
        int count = 0;
        while (query.next())
            QCOMPARE(query.value(0).toInt(), count++);
        QCOMPARE(count, 10);
    }

    void fetch_scrollable_seeksBackAndForth()
    {
        auto db = open(u"scroll.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE t (v INTEGER)"_s));
        QVERIFY(run(*db, u"INSERT INTO t VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)"_s));
        QSqlQuery query(*db);
        QVERIFY(!query.isForwardOnly());
        QVERIFY(query.exec(u"SELECT v, v * v FROM t ORDER BY v"_s));
        QVERIFY(query.last());
        QCOMPARE(query.at(), 9);
        QCOMPARE(query.value(1).toInt(), 81);
        QVERIFY(query.first());
        QCOMPARE(query.value(0).toInt(), 0);
        QVERIFY(query.seek(5));
        QCOMPARE(query.value(0).toInt(), 5);
        QVERIFY(query.previous());
        QCOMPARE(query.value(0).toInt(), 4);
        QVERIFY(query.seek(2, true));
        QCOMPARE(query.value(0).toInt(), 6);
        QVERIFY(!query.seek(10));
        QVERIFY(query.seek(9));
        QCOMPARE(query.value(0).toInt(), 9);

        QVERIFY(query.exec(u"SELECT v FROM t WHERE v > 100"_s));
        QVERIFY(!query.next());
        QVERIFY(!query.last());
        QVERIFY(!query.first());
    }

    void finish_endsTheReadSoNewCommitsAreSeen()
    {
        auto reader = open(u"finish.db"_s);
        QVERIFY2(reader, why(reader).constData());
        QVERIFY(run(*reader, u"CREATE TABLE t (v)"_s));
        QVERIFY(run(*reader, u"INSERT INTO t VALUES (1), (2), (3)"_s));
        auto writer = open(u"finish.db"_s);
        QVERIFY2(writer, why(writer).constData());

        QSqlQuery select(*reader);
        select.setForwardOnly(true);
        QVERIFY(select.exec(u"SELECT v FROM t"_s));
        QVERIFY(select.next()); // the reader now holds a WAL snapshot
        QVERIFY(run(*writer, u"INSERT INTO t VALUES (4)"_s));
        QCOMPARE(scalar(*reader, u"SELECT count(*) FROM t"_s), QVariant(qlonglong(3)));
        select.finish();
        QVERIFY(!select.isActive());
        QCOMPARE(scalar(*reader, u"SELECT count(*) FROM t"_s), QVariant(qlonglong(4)));
    }

    void close_invalidatesLiveQueries()
    {
        auto db = open(u"closing.db"_s);
        QVERIFY2(db, why(db).constData());
        QVERIFY(run(*db, u"CREATE TABLE t (v)"_s));
        QSqlQuery insert(*db);
        QVERIFY(insert.prepare(u"INSERT INTO t VALUES (?)"_s));
        insert.addBindValue(1);
        QVERIFY(insert.exec());
        db->close();
        QVERIFY(!db->isOpen());
        insert.addBindValue(2);
        QVERIFY(!insert.exec());
        QVERIFY(insert.result()->handle().value<sqlite3_stmt *>() == nullptr);
    }

    void file_isEncrypted()
    {
        const QByteArray marker = "FIELDLEDGER-PLAINTEXT-MARKER-7c1e";
        {
            auto db = open(u"secret.db"_s);
            QVERIFY2(db, why(db).constData());
            QVERIFY(run(*db, u"CREATE TABLE notes (body TEXT)"_s));
            QSqlQuery insert(*db);
            QVERIFY(insert.prepare(u"INSERT INTO notes VALUES (?)"_s));
            for (int i = 0; i < 50; ++i) {
                insert.addBindValue(QString::fromLatin1(marker));
                QVERIFY(insert.exec());
            }
            const QByteArray wal = readAll(path(u"secret.db-wal"_s));
            QVERIFY(!wal.isEmpty());
            QVERIFY(!wal.contains(marker));
        }
        closeAll(); // checkpoints the WAL into the file
        const QByteArray bytes = readAll(path(u"secret.db"_s));
        QVERIFY(bytes.size() >= 4096);
        QVERIFY(!bytes.contains(marker));
        QVERIFY(!bytes.startsWith(QByteArray("SQLite format 3\0", 16)));

        auto reopened = open(u"secret.db"_s);
        QVERIFY2(reopened, why(reopened).constData());
        QCOMPARE(scalar(*reopened,
                        u"SELECT count(*) FROM notes WHERE body = '%1'"_s.arg(QString::fromLatin1(marker))),
                 QVariant(qlonglong(50)));
    }

    void open_withWrongKey_reportsErrorAndLeavesFileUnchanged()
    {
        {
            auto db = open(u"keyed.db"_s, {}, 1);
            QVERIFY2(db, why(db).constData());
            QVERIFY(run(*db, u"CREATE TABLE t (v)"_s));
        }
        closeAll();
        const QString file = path(u"keyed.db"_s);
        const QByteArray before = fileHash(file);
        QVERIFY(!before.isEmpty());
        const QStringList filesBefore = QDir(m_dir->path()).entryList(QDir::Files);

        auto wrong = open(u"keyed.db"_s, {}, 2);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::Corrupt);
        QVERIFY2(wrong.error().message.contains(QDir::toNativeSeparators(file)),
                 qPrintable(wrong.error().message));
        QVERIFY2(wrong.error().message.contains(u"not a FieldLedger registry, or the key is wrong"_s),
                 qPrintable(wrong.error().message));
        QVERIFY(!QSqlDatabase::contains(m_lastConnection));
        QCOMPARE(fileHash(file), before);
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), filesBefore);

        auto right = open(u"keyed.db"_s, {}, 1);
        QVERIFY2(right, why(right).constData());
        QCOMPARE(right->tables(), QStringList({u"t"_s}));
    }

    void open_sqlcipher3File_isReportedAsSuch()
    {
        const QString file = path(u"old.db"_s);
        QVERIFY(createRawDatabase(file, makeKey(1), RawKind::SqlCipher3));
        const QByteArray before = fileHash(file);

        auto db = open(u"old.db"_s, {}, 1);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Corrupt);
        QVERIFY2(db.error().message.contains(u"made by SQLCipher 3"_s), qPrintable(db.error().message));
        QVERIFY(db.error().message.contains(QDir::toNativeSeparators(file)));
        QCOMPARE(fileHash(file), before);

        auto wrongKey = open(u"old.db"_s, {}, 2); // SQLCipher 3 settings do not help a wrong key
        QVERIFY(!wrongKey);
        QVERIFY2(wrongKey.error().message.contains(u"not a FieldLedger registry"_s),
                 qPrintable(wrongKey.error().message));
        QCOMPARE(fileHash(file), before);
    }

    void open_fileThatIsNotARegistry_isReported_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("unencryptedSqlite");
        QTest::newRow("plain text") << QByteArray("name,size\nAmal,4\nBilal,6\n").repeated(300) << false;
        QTest::newRow("short text") << QByteArray("hello\n") << false;
        QTest::newRow("unencrypted sqlite") << QByteArray() << true;
    }
    void open_fileThatIsNotARegistry_isReported()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, unencryptedSqlite);
        const QString file = path(u"other.db"_s);
        if (unencryptedSqlite) {
            QVERIFY(createRawDatabase(file, SecretBytes(), RawKind::Unencrypted));
        } else {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(content), content.size());
        }
        const QByteArray before = fileHash(file);
        auto db = open(u"other.db"_s);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Corrupt);
        QVERIFY2(db.error().message.contains(u"not a FieldLedger registry"_s),
                 qPrintable(db.error().message));
        QCOMPARE(fileHash(file), before);
    }

    void open_keyOfWrongSize_isRefused()
    {
        auto db =
            openSqlCipherDatabase(u"short-key"_s, path(u"short.db"_s), SecretBytes("0123456789abcdef", 16));
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::InvalidArgument);
        QVERIFY(db.error().message.contains(u"32 bytes"_s));
        QVERIFY(!QFile::exists(path(u"short.db"_s)));
    }

    void open_missingFileWithoutCreate_isNotFound_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("no create") << false;
        QTest::newRow("read-only") << true;
    }
    void open_missingFileWithoutCreate_isNotFound()
    {
        QFETCH(bool, readOnly);
        SqlCipherOpenOptions options;
        options.create = false;
        options.readOnly = readOnly;
        auto db = open(u"absent.db"_s, options);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::NotFound);
        QVERIFY(!QFile::exists(path(u"absent.db"_s)));
    }

    void open_readOnly_refusesWrites()
    {
        {
            auto db = open(u"ro.db"_s);
            QVERIFY2(db, why(db).constData());
            QVERIFY(run(*db, u"CREATE TABLE t (v)"_s));
            QVERIFY(run(*db, u"INSERT INTO t VALUES (1)"_s));
        }
        closeAll();
        SqlCipherOpenOptions options;
        options.readOnly = true;
        auto db = open(u"ro.db"_s, options);
        QVERIFY2(db, why(db).constData());
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM t"_s), QVariant(qlonglong(1)));
        QSqlQuery insert(*db);
        QVERIFY(!insert.exec(u"INSERT INTO t VALUES (2)"_s));
        QCOMPARE(insert.lastError().nativeErrorCode().toInt() & 0xff, SQLITE_READONLY);
    }

    void open_setsPragmas_data()
    {
        QTest::addColumn<bool>("configure");
        QTest::addColumn<int>("busyTimeoutMs");
        QTest::addColumn<int>("cacheSizeKiB");
        QTest::newRow("defaults") << false << 5000 << 65536;
        QTest::newRow("configured") << true << 250 << 1024;
    }
    void open_setsPragmas()
    {
        QFETCH(bool, configure);
        QFETCH(int, busyTimeoutMs);
        QFETCH(int, cacheSizeKiB);
        SqlCipherOpenOptions options;
        if (configure) {
            options.busyTimeoutMs = busyTimeoutMs;
            options.cacheSizeKiB = cacheSizeKiB;
        }
        auto db = open(u"pragmas.db"_s, options);
        QVERIFY2(db, why(db).constData());
        QCOMPARE(scalar(*db, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(scalar(*db, u"PRAGMA synchronous"_s), QVariant(qlonglong(2))); // FULL
        QCOMPARE(scalar(*db, u"PRAGMA temp_store"_s), QVariant(qlonglong(2)));  // MEMORY
        QCOMPARE(scalar(*db, u"PRAGMA foreign_keys"_s), QVariant(qlonglong(1)));
        QCOMPARE(scalar(*db, u"PRAGMA cache_size"_s), QVariant(qlonglong(-cacheSizeKiB)));
        QCOMPARE(scalar(*db, u"PRAGMA busy_timeout"_s), QVariant(qlonglong(busyTimeoutMs)));
        QVERIFY(scalar(*db, u"PRAGMA cipher_version"_s).toString().startsWith(u'4'));
    }

    void open_byRegisteredName_honoursConnectOptionsAndWipesKey()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(kSqlCipherDriverName, u"by-name"_s);
            QVERIFY(db.isValid());
            auto *driver = qobject_cast<SqlCipherDriver *>(db.driver());
            QVERIFY(driver != nullptr);
            driver->setKey(makeKey(3));
            db.setDatabaseName(path(u"named.db"_s));
            db.setConnectOptions(u"FLSQLCIPHER_BUSY_TIMEOUT=1234; FLSQLCIPHER_CACHE_SIZE_KIB=2048"_s);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QCOMPARE(scalar(db, u"PRAGMA busy_timeout"_s), QVariant(qlonglong(1234)));
            QCOMPARE(scalar(db, u"PRAGMA cache_size"_s), QVariant(qlonglong(-2048)));
            QVERIFY(run(db, u"CREATE TABLE t (v)"_s));

            QVariant handle = driver->handle();
            QCOMPARE(QByteArray(handle.typeName()), QByteArray("sqlite3*"));
            QVERIFY(handle.value<sqlite3 *>() == driver->nativeHandle());
            QVERIFY(driver->nativeHandle() != nullptr);

            db.close();
            QVERIFY(driver->nativeHandle() == nullptr);
            QVERIFY(!db.open()); // the key went with the first open
            QVERIFY(db.lastError().text().contains(u"no data key"_s));

            driver->setKey(makeKey(3));
            db.setConnectOptions(u"FLSQLCIPHER_OPEN_READONLY"_s);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery insert(db);
            QVERIFY(!insert.exec(u"INSERT INTO t VALUES (1)"_s));
            QCOMPARE(insert.lastError().nativeErrorCode().toInt() & 0xff, SQLITE_READONLY);
            insert = QSqlQuery();
            db.close();

            driver->setKey(makeKey(3));
            db.setConnectOptions(u"FLSQLCIPHER_TURBO"_s);
            QVERIFY(!db.open());
            QVERIFY(db.lastError().text().contains(u"unknown connect option"_s));
            QCOMPARE(driver->openErrorCode(), ErrorCode::InvalidArgument);
        }
        QSqlDatabase::removeDatabase(u"by-name"_s);
    }

    void open_sameConnectionNameTwice_isRefused()
    {
        auto first = openSqlCipherDatabase(u"twice"_s, path(u"twice.db"_s), makeKey(1));
        QVERIFY2(first, why(first).constData());
        auto second = openSqlCipherDatabase(u"twice"_s, path(u"twice.db"_s), makeKey(1));
        QVERIFY(!second);
        QCOMPARE(second.error().code, ErrorCode::InvalidArgument);
        QVERIFY(first->isOpen());
    }

    void isSupportedSqlCipherVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("supported");
        QTest::newRow("4.6.1 community") << u"4.6.1 community"_s << true;
        QTest::newRow("4.0.0") << u"4.0.0"_s << true;
        QTest::newRow("10.2") << u"10.2"_s << true;
        QTest::newRow("padded") << u" 4.5.0 "_s << true;
        QTest::newRow("3.4.1") << u"3.4.1"_s << false;
        QTest::newRow("3.99") << u"3.99"_s << false;
        QTest::newRow("none") << QString() << false;
        QTest::newRow("words") << u"community"_s << false;
    }
    void isSupportedSqlCipherVersion()
    {
        QFETCH(QString, version);
        QFETCH(bool, supported);
        QCOMPARE(fieldledger::core::isSupportedSqlCipherVersion(version), supported);
    }

    void hasFeature_isAccurate_data()
    {
        QTest::addColumn<int>("feature");
        QTest::addColumn<bool>("expected");
        QTest::newRow("Transactions") << int(QSqlDriver::Transactions) << true;
        QTest::newRow("QuerySize") << int(QSqlDriver::QuerySize) << false;
        QTest::newRow("BLOB") << int(QSqlDriver::BLOB) << true;
        QTest::newRow("Unicode") << int(QSqlDriver::Unicode) << true;
        QTest::newRow("PreparedQueries") << int(QSqlDriver::PreparedQueries) << true;
        QTest::newRow("NamedPlaceholders") << int(QSqlDriver::NamedPlaceholders) << true;
        QTest::newRow("PositionalPlaceholders") << int(QSqlDriver::PositionalPlaceholders) << true;
        QTest::newRow("LastInsertId") << int(QSqlDriver::LastInsertId) << true;
        QTest::newRow("BatchOperations") << int(QSqlDriver::BatchOperations) << false;
        QTest::newRow("LowPrecisionNumbers") << int(QSqlDriver::LowPrecisionNumbers) << false;
        QTest::newRow("EventNotifications") << int(QSqlDriver::EventNotifications) << false;
        QTest::newRow("FinishQuery") << int(QSqlDriver::FinishQuery) << true;
        QTest::newRow("MultipleResultSets") << int(QSqlDriver::MultipleResultSets) << false;
        QTest::newRow("CancelQuery") << int(QSqlDriver::CancelQuery) << false;
    }
    void hasFeature_isAccurate()
    {
        QFETCH(int, feature);
        QFETCH(bool, expected);
        const SqlCipherDriver driver;
        QCOMPARE(driver.hasFeature(QSqlDriver::DriverFeature(feature)), expected);
    }

    // Last: everything above ran without Qt's QSQLITE plugin ever being mapped into the process.
    void process_neverLoadsQsqlitePlugin()
    {
        QFile maps(u"/proc/self/maps"_s);
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const QByteArray mapped = maps.readAll();
        QVERIFY(mapped.contains("libsqlcipher"));
        QVERIFY(!mapped.contains("libqsqlite"));
    }
};

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "tst_sqlcipherdriver.moc"
