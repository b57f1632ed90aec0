#include "core/storage/draftstore.h"

#include "core/events/timestamp.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

const QString kGuid = u"guid"_s;
const QString kValues = u"values"_s;
const QString kRepeats = u"repeats"_s;

const QString kColumns =
    u"id, user_id, form_id, form_version, entity_guid, title, body, created_at, updated_at"_s;

QDateTime parseTime(const QString &text)
{
    auto timestamp = Timestamp::parse(text);
    return timestamp ? timestamp->toUtcDateTime() : QDateTime();
}

// SQL NULL is never a text here: a null QString binds as an empty one.
QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

Result<Draft> draftFrom(const QSqlQuery &query)
{
    Draft draft;
    draft.id = query.value(0).toString();
    draft.userId = query.value(1).toString();
    draft.formId = query.value(2).toString();
    draft.formVersion = query.value(3).toString();
    draft.entityGuid = query.value(4).toString();
    draft.title = query.value(5).toString();
    QJsonParseError error;
    const QJsonDocument body = QJsonDocument::fromJson(query.value(6).toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !body.isObject())
        return fail(ErrorCode::Corrupt, u"draft %1 is damaged: %2"_s.arg(draft.id, error.errorString()));
    draft.body = body.object();
    draft.createdAt = parseTime(query.value(7).toString());
    draft.updatedAt = parseTime(query.value(8).toString());
    return draft;
}

Result<FormValues> valuesFrom(const QJsonObject &json, const QString &where)
{
    auto damaged = [&](const QString &what) {
        return fail(ErrorCode::Corrupt, u"form values%1: %2"_s.arg(where, what));
    };
    FormValues values;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key() != kGuid && it.key() != kValues && it.key() != kRepeats)
            return damaged(u"unknown member '%1'"_s.arg(it.key()));
    }
    const QJsonValue guid = json.value(kGuid);
    if (!guid.isUndefined() && !guid.isString())
        return damaged(u"'guid' must be a string"_s);
    values.guid = guid.toString();
    const QJsonValue fields = json.value(kValues);
    if (!fields.isUndefined() && !fields.isObject())
        return damaged(u"'values' must be an object"_s);
    const QJsonObject fieldObject = fields.toObject();
    for (auto it = fieldObject.begin(); it != fieldObject.end(); ++it)
        values.values.insert(it.key(), it.value());
    const QJsonValue repeats = json.value(kRepeats);
    if (!repeats.isUndefined() && !repeats.isObject())
        return damaged(u"'repeats' must be an object"_s);
    const QJsonObject repeatObject = repeats.toObject();
    for (auto it = repeatObject.begin(); it != repeatObject.end(); ++it) {
        if (!it.value().isArray())
            return damaged(u"repeat '%1' must be an array"_s.arg(it.key()));
        std::vector<FormValues> instances;
        const QJsonArray array = it.value().toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString inner = u"%1 > %2[%3]"_s.arg(where).arg(it.key()).arg(i);
            if (!array.at(i).isObject())
                return fail(ErrorCode::Corrupt, u"form values%1: not an object"_s.arg(inner));
            auto instance = valuesFrom(array.at(i).toObject(), inner);
            if (!instance)
                return instance;
            instances.push_back(std::move(*instance));
        }
        values.repeats.insert(it.key(), std::move(instances));
    }
    return values;
}

} // namespace

QJsonObject formValuesToJson(const FormValues &values)
{
    QJsonObject json;
    if (!values.guid.isEmpty())
        json.insert(kGuid, values.guid);
    QJsonObject fields;
    for (auto it = values.values.cbegin(); it != values.values.cend(); ++it)
        fields.insert(it.key(), it.value()); // an undefined value inserts nothing
    if (!fields.isEmpty())
        json.insert(kValues, fields);
    QJsonObject repeats;
    for (auto it = values.repeats.cbegin(); it != values.repeats.cend(); ++it) {
        QJsonArray instances;
        for (const FormValues &instance : it.value())
            instances.append(formValuesToJson(instance));
        repeats.insert(it.key(), instances);
    }
    if (!repeats.isEmpty())
        json.insert(kRepeats, repeats);
    return json;
}

Result<FormValues> formValuesFromJson(const QJsonObject &json)
{
    return valuesFrom(json, QString());
}

DraftStore::DraftStore(Registry &registry, const Clock &clock, IdGenerator &ids)
    : m_registry(registry)
    , m_clock(clock)
    , m_ids(ids)
{
}

Status DraftStore::requireUser() const
{
    if (!m_registry.currentUser().active)
        return fail(ErrorCode::PermissionDenied,
                    u"permission denied: '%1' is not an active user"_s.arg(m_registry.currentUser().id));
    return {};
}

Result<Draft> DraftStore::save(Draft draft)
{
    if (auto ok = requireUser(); !ok)
        return std::unexpected(ok.error());
    if (m_registry.isReadOnly())
        return fail(ErrorCode::ReadOnly,
                    u"%1 is open read-only: the draft cannot be saved"_s.arg(m_registry.path()));
    const QString &user = m_registry.currentUser().id;
    if (!draft.userId.isEmpty() && draft.userId != user)
        return fail(ErrorCode::PermissionDenied,
                    u"permission denied: '%1' may not save a draft of '%2'"_s.arg(user, draft.userId));
    draft.userId = user;
    const QDateTime now = m_clock.now().toUTC();
    // Timestamps as stored (milliseconds): what load() will read back.
    const QString nowText = formatUtcMillis(now);
    draft.updatedAt = parseTime(nowText);
    draft.createdAt = draft.updatedAt;
    QSqlQuery query(m_registry.database());
    if (draft.id.isEmpty()) {
        draft.id = m_ids.next();
    } else {
        query.prepare(u"SELECT user_id, created_at FROM drafts WHERE id = ?"_s);
        query.bindValue(0, draft.id);
        if (!query.exec())
            return std::unexpected(sqlError(u"cannot read draft %1"_s.arg(draft.id), query.lastError()));
        if (query.next()) {
            if (query.value(0).toString() != user)
                return fail(ErrorCode::PermissionDenied,
                            u"permission denied: draft %1 belongs to another user"_s.arg(draft.id));
            draft.createdAt = parseTime(query.value(1).toString());
        }
        query.finish();
    }
    query.prepare(u"INSERT OR REPLACE INTO drafts ("_s + kColumns +
                  u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QVariant values[] = {draft.id,
                               user,
                               textValue(draft.formId),
                               textValue(draft.formVersion),
                               textValue(draft.entityGuid),
                               textValue(draft.title),
                               QJsonDocument(draft.body).toJson(QJsonDocument::Compact),
                               formatUtcMillis(draft.createdAt),
                               nowText};
    for (int i = 0; i < int(std::size(values)); ++i)
        query.bindValue(i, values[i]);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot save draft %1"_s.arg(draft.id), query.lastError()));
    return draft;
}

Result<std::vector<Draft>> DraftStore::list(const QString &userId) const
{
    if (auto ok = requireUser(); !ok)
        return std::unexpected(ok.error());
    const QString &user = m_registry.currentUser().id;
    if (userId != user)
        return fail(ErrorCode::PermissionDenied,
                    u"permission denied: '%1' may not list the drafts of '%2'"_s.arg(user, userId));
    QSqlQuery query(m_registry.database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT "_s + kColumns +
                  u" FROM drafts WHERE user_id = ? ORDER BY updated_at DESC, id DESC"_s);
    query.bindValue(0, user);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot list drafts"_s, query.lastError()));
    std::vector<Draft> drafts;
    while (query.next()) {
        auto draft = draftFrom(query);
        if (!draft)
            return std::unexpected(draft.error());
        drafts.push_back(std::move(*draft));
    }
    return drafts;
}

Result<std::optional<Draft>> DraftStore::load(const QString &id) const
{
    if (auto ok = requireUser(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery query(m_registry.database());
    query.prepare(u"SELECT "_s + kColumns + u" FROM drafts WHERE id = ? AND user_id = ?"_s);
    query.bindValue(0, id);
    query.bindValue(1, m_registry.currentUser().id);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read draft %1"_s.arg(id), query.lastError()));
    if (!query.next())
        return std::optional<Draft>();
    auto draft = draftFrom(query);
    if (!draft)
        return std::unexpected(draft.error());
    return std::optional<Draft>(std::move(*draft));
}

Status DraftStore::discard(const QString &id)
{
    if (auto ok = requireUser(); !ok)
        return ok;
    if (m_registry.isReadOnly())
        return fail(ErrorCode::ReadOnly,
                    u"%1 is open read-only: the draft cannot be discarded"_s.arg(m_registry.path()));
    QSqlQuery query(m_registry.database());
    query.prepare(u"DELETE FROM drafts WHERE id = ? AND user_id = ?"_s);
    query.bindValue(0, id);
    query.bindValue(1, m_registry.currentUser().id);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot discard draft %1"_s.arg(id), query.lastError()));
    if (query.numRowsAffected() == 0)
        return fail(ErrorCode::NotFound, u"no draft %1"_s.arg(id));
    return {};
}

} // namespace fieldledger::core
