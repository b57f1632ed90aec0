#include "core/storage/householdindex.h"

#include "core/domain/entity.h"
#include "core/events/timestamp.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

// Bumped whenever what a row holds changes: rows of another layout are rebuilt at install.
constexpr int kLayout = 2;
const QString kMarkerKey = u"household_rows"_s;

// A letter that has no decomposition but an obvious plain spelling for searching.
QStringView spelledOut(char32_t folded)
{
    switch (folded) {
    case U'\u00DF': // ß
        return u"ss";
    case U'\u00E6': // æ
        return u"ae";
    case U'\u0153': // œ
        return u"oe";
    case U'\u00F8': // ø
        return u"o";
    case U'\u0111': // đ
    case U'\u00F0': // ð
    case U'\u0257': // ɗ
        return u"d";
    case U'\u0142': // ł
        return u"l";
    case U'\u014B': // ŋ
    case U'\u0272': // ɲ
        return u"n";
    case U'\u0253': // ɓ
        return u"b";
    case U'\u01B4': // ƴ
        return u"y";
    case U'\u025B': // ɛ
        return u"e";
    case U'\u0254': // ɔ
        return u"o";
    case U'\u0131': // ı
        return u"i";
    default:
        return {};
    }
}

bool isApostrophe(char32_t c)
{
    return c == U'\'' || c == U'\u2019' || c == U'\u2018' || c == U'\u02BC' || c == U'`' || c == U'\u00B4';
}

// The text of a value shown in the list: a string as is, a number written out, else nothing.
QString displayText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().simplified();
    if (value.isDouble())
        return QString::number(value.toDouble());
    return {};
}

// SQL NULL is never a text here: a null QString binds as an empty one.
QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

qint64 instantOf(const QString &timestamp)
{
    auto instant = Timestamp::parseInstantNs(timestamp);
    return instant ? *instant : 0;
}

struct Row {
    QString name;
    QString head;
    QString village;
    qint64 memberCount = 0;
    QString registeredBy;
    qint64 registeredNs = 0;
    qint64 updatedNs = 0;
    bool deleted = false;
};

} // namespace

QString foldForSearch(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    bool separator = false;
    for (const uint codePoint : decomposed.toUcs4()) {
        const auto c = char32_t(codePoint);
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing || isApostrophe(c))
            continue;
        if (!QChar::isLetterOrNumber(c)) {
            separator = !folded.isEmpty();
            continue;
        }
        if (separator) {
            folded.append(u' ');
            separator = false;
        }
        const char32_t lower = QChar::toCaseFolded(c);
        const QStringView plain = spelledOut(lower);
        if (!plain.isEmpty())
            folded.append(plain);
        else if (QChar::requiresSurrogates(lower))
            folded.append(QChar(QChar::highSurrogate(lower))).append(QChar(QChar::lowSurrogate(lower)));
        else
            folded.append(QChar(lower));
    }
    return folded;
}

struct HouseholdIndex::Statements {
    explicit Statements(const QSqlDatabase &db)
        : entity(db)
        , firstEffect(db)
        , parents(db)
        , listed(db)
        , upsert(db)
        , remove(db)
        , markNested(db)
        , sweepNested(db)
    {
        entity.prepare(u"SELECT type, created_by, body FROM entities WHERE guid = ?"_s);
        firstEffect.prepare(
            u"SELECT instant_ns FROM effects WHERE entity_guid = ? ORDER BY instant_ns LIMIT 1"_s);
        parents.prepare(u"SELECT group_guid FROM memberships WHERE member_guid = ?"_s);
        listed.prepare(u"SELECT count(*) FROM memberships WHERE member_guid = ?"_s);
        upsert.prepare(u"INSERT OR REPLACE INTO household_rows (guid, name, head, village, name_key, head_key,"
                       " village_key, search_key, member_count, registered_by, registered_ns, updated_ns, deleted,"
                       " nested) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        remove.prepare(u"DELETE FROM household_rows WHERE guid = ?"_s);
        markNested.prepare(u"UPDATE household_rows SET nested = 1 WHERE guid = ? AND nested = 0"_s);
        // Through the partial index: only the (few) nested rows are looked at.
        sweepNested.prepare(u"UPDATE household_rows SET nested = 0 WHERE nested = 1 AND NOT EXISTS ("
                            "SELECT 1 FROM memberships m WHERE m.member_guid = household_rows.guid)"_s);
    }
    QSqlQuery entity;
    QSqlQuery firstEffect;
    QSqlQuery parents;
    QSqlQuery listed;
    QSqlQuery upsert;
    QSqlQuery remove;
    QSqlQuery markNested;
    QSqlQuery sweepNested;
};

HouseholdIndex::HouseholdIndex(QSqlDatabase db)
    : m_db(std::move(db))
    , m_statements(std::make_unique<Statements>(m_db))
{
}

HouseholdIndex::~HouseholdIndex() = default;

Status HouseholdIndex::install(Ledger &ledger, const Progress &progress)
{
    auto index = std::make_unique<HouseholdIndex>(ledger.registry().database());
    if (!ledger.registry().isReadOnly()) {
        auto current = index->isCurrent();
        if (!current)
            return std::unexpected(current.error());
        if (!*current) {
            if (auto ok = index->rebuild(progress); !ok)
                return ok;
        }
    }
    ledger.addObserver(std::move(index));
    return {};
}

namespace {

// Where the log ends: the marker says which end the rows were last brought up to.
Result<qint64> logEnd(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"SELECT coalesce(max(seq) + 1, 0) FROM events"_s) || !query.next())
        return std::unexpected(sqlError(u"cannot read the end of the log"_s, query.lastError()));
    return query.value(0).toLongLong();
}

QString markerFor(qint64 end)
{
    return u"%1:%2"_s.arg(kLayout).arg(end);
}

} // namespace

Result<bool> HouseholdIndex::isCurrent() const
{
    auto end = logEnd(m_db);
    if (!end)
        return std::unexpected(end.error());
    QSqlQuery query(m_db);
    query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    query.bindValue(0, kMarkerKey);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the household rows' marker"_s, query.lastError()));
    return query.next() && query.value(0).toString() == markerFor(*end);
}

Status HouseholdIndex::markCurrent()
{
    auto end = logEnd(m_db);
    if (!end)
        return std::unexpected(end.error());
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO meta (key, value) VALUES (?, ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.bindValue(0, kMarkerKey);
    query.bindValue(1, markerFor(*end));
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot mark the household rows"_s, query.lastError()));
    return {};
}

Status HouseholdIndex::rebuild(const Progress &progress)
{
    if (!m_db.transaction())
        return std::unexpected(sqlError(u"cannot begin a transaction"_s, m_db.lastError()));
    if (auto ok = rebuildRows(progress); !ok) {
        m_db.rollback();
        return ok;
    }
    if (!m_db.commit()) {
        const Error error = sqlError(u"cannot commit the household rows"_s, m_db.lastError());
        m_db.rollback();
        return std::unexpected(error);
    }
    return {};
}

Status HouseholdIndex::rebuildRows(const Progress &progress)
{
    QSqlQuery query(m_db);
    if (!query.exec(u"DELETE FROM household_rows"_s))
        return std::unexpected(sqlError(u"cannot clear the household rows"_s, query.lastError()));
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT guid FROM entities WHERE type = 'group'"_s))
        return std::unexpected(sqlError(u"cannot list the households"_s, query.lastError()));
    QStringList groups;
    while (query.next())
        groups.append(query.value(0).toString());
    query.finish();
    const auto total = quint64(groups.size());
    quint64 done = 0;
    for (const QString &guid : std::as_const(groups)) {
        if (auto ok = refresh(guid); !ok)
            return ok;
        if (++done % 1000 == 0 && progress && !progress(done, total))
            return fail(ErrorCode::Cancelled, u"rebuilding the household list was cancelled"_s);
    }
    if (progress && !progress(total, total))
        return fail(ErrorCode::Cancelled, u"rebuilding the household list was cancelled"_s);
    return markCurrent();
}

Status HouseholdIndex::projectionsRebuilt()
{
    return rebuildRows({});
}

Status HouseholdIndex::entitiesChanged(const QSet<QString> &guids)
{
    // A changed entity's own row (when it is or was a group), and the rows of the groups that
    // list it: its name, its deletion or its last update may show there.
    QSet<QString> groups = guids;
    QSqlQuery &parents = m_statements->parents;
    for (const QString &guid : guids) {
        parents.bindValue(0, guid);
        if (!parents.exec())
            return std::unexpected(sqlError(u"cannot read memberships"_s, parents.lastError()));
        while (parents.next())
            groups.insert(parents.value(0).toString());
        parents.finish();
    }
    for (const QString &guid : std::as_const(groups)) {
        if (auto ok = refresh(guid); !ok)
            return ok;
    }
    // A household some group stopped listing: refresh() cannot know it (it was not changed).
    if (!m_statements->sweepNested.exec())
        return std::unexpected(
            sqlError(u"cannot update the nested households"_s, m_statements->sweepNested.lastError()));
    return markCurrent();
}

Status HouseholdIndex::refresh(const QString &groupGuid)
{
    Statements &s = *m_statements;
    auto removeRow = [&]() -> Status {
        s.remove.bindValue(0, groupGuid);
        if (!s.remove.exec())
            return std::unexpected(
                sqlError(u"cannot remove the household row %1"_s.arg(groupGuid), s.remove.lastError()));
        return {};
    };

    s.entity.bindValue(0, groupGuid);
    if (!s.entity.exec())
        return std::unexpected(sqlError(u"cannot read entity %1"_s.arg(groupGuid), s.entity.lastError()));
    if (!s.entity.next() || s.entity.value(0).toString() != u"group") {
        s.entity.finish();
        return removeRow(); // no longer a group (or never was): no row
    }
    Row row;
    row.registeredBy = s.entity.value(1).toString();
    const QByteArray body = s.entity.value(2).toByteArray();
    s.entity.finish();
    auto group = Entity::fromJson(QJsonDocument::fromJson(body).object());
    if (!group)
        return fail(ErrorCode::Corrupt, u"entity %1 is damaged: %2"_s.arg(groupGuid, group.error().message));

    row.name = displayText(group->data.value(u"name"_s));
    row.village = displayText(group->data.value(u"village"_s));
    row.deleted = group->deleted;
    row.updatedNs = instantOf(group->lastUpdated);
    const QJsonValue headId = group->data.value(u"headId"_s);
    // A deleted household's row is its own: the members it still lists are not tracked through
    // memberships once it is deleted, so they cannot count.
    const QStringList members = group->deleted ? QStringList() : group->memberIds;

    std::optional<QString> headByRelationship;
    std::optional<QString> headById;
    for (const QString &memberGuid : members) {
        s.entity.bindValue(0, memberGuid);
        if (!s.entity.exec())
            return std::unexpected(
                sqlError(u"cannot read entity %1"_s.arg(memberGuid), s.entity.lastError()));
        if (!s.entity.next()) {
            s.entity.finish();
            continue;
        }
        const bool memberIsGroup = s.entity.value(0).toString() == u"group";
        const QJsonObject member = QJsonDocument::fromJson(s.entity.value(2).toByteArray()).object();
        s.entity.finish();
        if (memberIsGroup) { // listed by this live group: nested
            s.markNested.bindValue(0, memberGuid);
            if (!s.markNested.exec())
                return std::unexpected(sqlError(u"cannot mark %1 nested"_s.arg(memberGuid), s.markNested.lastError()));
        }
        if (member.value(u"deleted"_s).toBool())
            continue;
        ++row.memberCount;
        row.updatedNs = std::max(row.updatedNs, instantOf(member.value(u"lastUpdated"_s).toString()));
        const QJsonObject data = member.value(u"data"_s).toObject();
        if (headId.isString() && headId.toString() == memberGuid)
            headById = displayText(data.value(u"name"_s));
        else if (!headByRelationship && data.value(u"relationship"_s).toString() == u"head")
            headByRelationship = displayText(data.value(u"name"_s));
    }
    row.head = headById.value_or(headByRelationship.value_or(QString()));

    s.firstEffect.bindValue(0, groupGuid);
    if (!s.firstEffect.exec())
        return std::unexpected(
            sqlError(u"cannot read the history of %1"_s.arg(groupGuid), s.firstEffect.lastError()));
    row.registeredNs = s.firstEffect.next() ? s.firstEffect.value(0).toLongLong() : row.updatedNs;
    s.firstEffect.finish();

    s.listed.bindValue(0, groupGuid);
    if (!s.listed.exec() || !s.listed.next())
        return std::unexpected(sqlError(u"cannot read memberships"_s, s.listed.lastError()));
    const bool nested = s.listed.value(0).toLongLong() > 0;
    s.listed.finish();

    const QString nameKey = foldForSearch(row.name);
    const QString headKey = foldForSearch(row.head);
    const QString villageKey = foldForSearch(row.village);
    QStringList searchParts;
    for (const QString *part : {&nameKey, &headKey, &villageKey}) {
        if (!part->isEmpty())
            searchParts.append(*part);
    }
    const QVariant values[] = {groupGuid,
                               textValue(row.name),
                               textValue(row.head),
                               textValue(row.village),
                               textValue(nameKey),
                               textValue(headKey),
                               textValue(villageKey),
                               textValue(searchParts.join(u' ')),
                               row.memberCount,
                               textValue(row.registeredBy),
                               row.registeredNs,
                               row.updatedNs,
                               row.deleted ? 1 : 0,
                               nested ? 1 : 0};
    for (int i = 0; i < int(std::size(values)); ++i)
        s.upsert.bindValue(i, values[i]);
    if (!s.upsert.exec())
        return std::unexpected(
            sqlError(u"cannot write the household row %1"_s.arg(groupGuid), s.upsert.lastError()));
    return {};
}

} // namespace fieldledger::core
