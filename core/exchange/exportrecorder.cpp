#include "core/exchange/exportrecorder.h"

#include "core/access/accesscontrol.h"
#include "core/events/canonicaljson.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

Status MemoryExportRecorder::record(const QJsonObject &record)
{
    auto line = canonicalJson(record);
    if (!line)
        return std::unexpected(line.error());
    m_records.append(record);
    m_lines.append(*line);
    return {};
}

void MemoryExportRecorder::withdraw()
{
    if (!m_records.isEmpty()) {
        m_records.removeLast();
        m_lines.removeLast();
    }
}

SqlExportRecorder::SqlExportRecorder(Registry &registry)
    : m_registry(registry)
{
}

Status SqlExportRecorder::ready() const
{
    if (m_registry.isReadOnly())
        return fail(ErrorCode::ReadOnly,
                    u"%1 is open read-only (another program holds it for writing), so this export "
                    "could not be recorded; close that program and export again"_s.arg(m_registry.path()));
    return {};
}

Status SqlExportRecorder::record(const QJsonObject &record)
{
    if (auto ok = ready(); !ok)
        return ok;
    for (const QString &key : {u"userId"_s, u"what"_s, u"format"_s, u"exportedAt"_s, u"file"_s}) {
        if (!record.value(key).isString())
            return fail(ErrorCode::InvalidArgument, u"an export record needs \"%1\" (a string)"_s.arg(key));
    }
    const QJsonValue rows = record.value(u"rows"_s);
    if (!rows.isDouble() || rows.toDouble() < 0)
        return fail(ErrorCode::InvalidArgument, u"an export record needs \"rows\" (a number >= 0)"_s);
    const QJsonValue asOf = record.value(u"asOf"_s);
    if (!asOf.isUndefined() && !asOf.isString())
        return fail(ErrorCode::InvalidArgument, u"an export record's \"asOf\" must be a string"_s);
    const QJsonValue household = record.value(u"household"_s);
    if (!household.isUndefined() && (!household.isString() || household.toString().isEmpty()))
        return fail(ErrorCode::InvalidArgument, u"an export record's \"household\" must be a guid"_s);
    QString what = record.value(u"what"_s).toString();
    if (what.contains(u':'))
        return fail(ErrorCode::InvalidArgument, u"an export record's \"what\" cannot hold ':'"_s);
    if (household.isString())
        what += u':' + household.toString();

    QSqlQuery insert(m_registry.database());
    insert.prepare(u"INSERT INTO export_log (user_id, what, format, exported_at, as_of, rows, file) "
                   "VALUES (:user, :what, :format, :exportedAt, :asOf, :rows, :file)"_s);
    insert.bindValue(u":user"_s, record.value(u"userId"_s).toString());
    insert.bindValue(u":what"_s, what);
    insert.bindValue(u":format"_s, record.value(u"format"_s).toString());
    insert.bindValue(u":exportedAt"_s, record.value(u"exportedAt"_s).toString());
    insert.bindValue(u":asOf"_s, asOf.isString() ? QVariant(asOf.toString()) : QVariant());
    insert.bindValue(u":rows"_s, rows.toInteger());
    insert.bindValue(u":file"_s, record.value(u"file"_s).toString());
    if (!insert.exec())
        return std::unexpected(sqlError(u"cannot record the export"_s, insert.lastError()));
    const QVariant id = insert.lastInsertId();
    m_lastId = id.isValid() ? std::optional<qint64>(id.toLongLong()) : std::nullopt;
    return {};
}

void SqlExportRecorder::withdraw()
{
    if (!m_lastId)
        return;
    QSqlQuery remove(m_registry.database());
    remove.prepare(u"DELETE FROM export_log WHERE id = :id"_s);
    remove.bindValue(u":id"_s, *m_lastId);
    if (remove.exec())
        m_lastId.reset();
}

Result<std::vector<QJsonObject>> exportLog(Registry &registry, const ExportLogQuery &query)
{
    if (auto ok = AccessControl(registry.database()).check(registry.currentUser(), Action::ReadLog); !ok)
        return std::unexpected(ok.error());
    QString sql = u"SELECT id, user_id, what, format, exported_at, as_of, rows, file FROM export_log"_s;
    if (!query.userId.isEmpty())
        sql += u" WHERE user_id = :user"_s;
    if (query.limit > 0)
        sql = u"SELECT * FROM ("_s + sql + u" ORDER BY id DESC LIMIT :limit)"_s;
    sql += u" ORDER BY id"_s;
    QSqlQuery select(registry.database());
    select.setForwardOnly(true);
    select.prepare(sql);
    if (!query.userId.isEmpty())
        select.bindValue(u":user"_s, query.userId);
    if (query.limit > 0)
        select.bindValue(u":limit"_s, query.limit);
    if (!select.exec())
        return std::unexpected(sqlError(u"cannot read the export log"_s, select.lastError()));
    std::vector<QJsonObject> records;
    while (select.next()) {
        const QString what = select.value(2).toString();
        const qsizetype colon = what.indexOf(u':');
        QJsonObject record{
            {u"id"_s, select.value(0).toLongLong()},          {u"userId"_s, select.value(1).toString()},
            {u"what"_s, colon < 0 ? what : what.left(colon)}, {u"format"_s, select.value(3).toString()},
            {u"exportedAt"_s, select.value(4).toString()},    {u"rows"_s, select.value(6).toLongLong()},
            {u"file"_s, select.value(7).toString()}};
        if (colon >= 0)
            record.insert(u"household"_s, what.mid(colon + 1));
        if (!select.value(5).isNull())
            record.insert(u"asOf"_s, select.value(5).toString());
        records.push_back(std::move(record));
    }
    return records;
}

} // namespace fieldledger::core
