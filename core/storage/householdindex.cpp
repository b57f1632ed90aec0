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
constexpr int kLayout = 4;
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
    QString headGuid;
    QString village;
    qint64 memberCount = 0;
    QString registeredBy;
    qint64 registeredNs = 0;
    qint64 updatedNs = 0;
    bool deleted = false;
};

} // namespace

bool isHeadRelationship(const QJsonValue &relationship)
{
    return relationship.isString() && relationship.toString().compare(u"head"_s, Qt::CaseInsensitive) == 0;
}

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
        : group(db)
        , members(db)
        , parents(db)
        , rowidOf(db)
        , upsert(db)
        , remove(db)
        , unsearch(db)
        , search(db)
        , markNested(db)
        , sweepNested(db)
    {
        // The group, when it registered, whether a group lists it, and its row as it stands.
        group.prepare(u"SELECT e.type, e.created_by, e.body,"
                      " (SELECT f.instant_ns FROM effects f WHERE f.entity_guid = e.guid"
                      "  ORDER BY f.instant_ns LIMIT 1),"
                      " EXISTS (SELECT 1 FROM memberships m WHERE m.member_guid = e.guid),"
                      " r.rowid, r.search_key"
                      " FROM entities e LEFT JOIN household_rows r ON r.guid = e.guid WHERE e.guid = ?"_s);
        // Its members, in memberIds order, in one statement.
        members.prepare(
            u"SELECT e.guid, e.type, e.body FROM entities g,"
            " json_each(CAST(g.body AS TEXT), '$.memberIds') j JOIN entities e ON e.guid = j.value"
            " WHERE g.guid = ? ORDER BY j.key"_s);
        // The groups listing any of the changed entities (a JSON array), in one statement.
        parents.prepare(u"SELECT DISTINCT m.group_guid FROM json_each(?) j"
                        " JOIN memberships m ON m.member_guid = j.value"_s);
        rowidOf.prepare(u"SELECT rowid FROM household_rows WHERE guid = ?"_s);
        // In place (the rowid, which household_search uses, stays).
        upsert.prepare(
            u"INSERT INTO household_rows (guid, name, head, village, name_key, head_key, village_key,"
            " search_key, member_count, registered_by, registered_ns, updated_ns, deleted, nested, head_guid)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guid) DO UPDATE SET"
            " name = excluded.name, head = excluded.head, head_guid = excluded.head_guid,"
            " village = excluded.village,"
            " name_key = excluded.name_key, head_key = excluded.head_key,"
            " village_key = excluded.village_key, search_key = excluded.search_key,"
            " member_count = excluded.member_count, registered_by = excluded.registered_by,"
            " registered_ns = excluded.registered_ns, updated_ns = excluded.updated_ns,"
            " deleted = excluded.deleted, nested = excluded.nested"_s);
        remove.prepare(u"DELETE FROM household_rows WHERE rowid = ?"_s);
        unsearch.prepare(u"DELETE FROM household_search WHERE rowid = ?"_s);
        search.prepare(u"INSERT INTO household_search (rowid, search_key) VALUES (?, ?)"_s);
        markNested.prepare(u"UPDATE household_rows SET nested = 1 WHERE guid = ? AND nested = 0"_s);
        // Through the partial index: only the (few) nested rows are looked at.
        sweepNested.prepare(u"UPDATE household_rows SET nested = 0 WHERE nested = 1 AND NOT EXISTS ("
                            "SELECT 1 FROM memberships m WHERE m.member_guid = household_rows.guid)"_s);
    }
    QSqlQuery group;
    QSqlQuery members;
    QSqlQuery parents;
    QSqlQuery rowidOf;
    QSqlQuery upsert;
    QSqlQuery remove;
    QSqlQuery unsearch;
    QSqlQuery search;
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
    // Once per ledger: a second index would keep the same rows twice over.
    static constexpr const char *kInstalled = "fieldledger.householdIndex";
    if (ledger.property(kInstalled).toBool())
        return {};
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
    ledger.setProperty(kInstalled, true);
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
    if (!query.exec(u"DELETE FROM household_rows"_s) ||
        !query.exec(u"INSERT INTO household_search (household_search) VALUES ('delete-all')"_s))
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
    QStringList changed(guids.cbegin(), guids.cend());
    changed.sort(); // neighbours in the B-trees: fewer pages read
    QSet<QString> groups = guids;
    QSqlQuery &parents = m_statements->parents;
    parents.bindValue(
        0,
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(changed)).toJson(QJsonDocument::Compact)));
    if (!parents.exec())
        return std::unexpected(sqlError(u"cannot read memberships"_s, parents.lastError()));
    while (parents.next())
        groups.insert(parents.value(0).toString());
    parents.finish();
    QStringList ordered(groups.cbegin(), groups.cend());
    ordered.sort();
    for (const QString &guid : std::as_const(ordered)) {
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
    auto failed = [&](const QString &what, const QSqlQuery &query) {
        return std::unexpected(sqlError(what.arg(groupGuid), query.lastError()));
    };
    auto unsearch = [&](const QVariant &rowid) -> Status {
        s.unsearch.bindValue(0, rowid);
        if (!s.unsearch.exec())
            return failed(u"cannot update the search of %1"_s, s.unsearch);
        return {};
    };

    s.group.bindValue(0, groupGuid);
    if (!s.group.exec())
        return failed(u"cannot read entity %1"_s, s.group);
    if (!s.group.next() || s.group.value(0).toString() != u"group") {
        // No longer a group (or never was): no row.
        s.group.finish();
        s.rowidOf.bindValue(0, groupGuid);
        if (!s.rowidOf.exec())
            return failed(u"cannot read the household row %1"_s, s.rowidOf);
        if (!s.rowidOf.next()) {
            s.rowidOf.finish();
            return {};
        }
        const QVariant rowid = s.rowidOf.value(0);
        s.rowidOf.finish();
        s.remove.bindValue(0, rowid);
        if (!s.remove.exec())
            return failed(u"cannot remove the household row %1"_s, s.remove);
        return unsearch(rowid);
    }
    Row row;
    row.registeredBy = s.group.value(1).toString();
    const QByteArray body = s.group.value(2).toByteArray();
    const QVariant firstEffect = s.group.value(3);
    const bool nested = s.group.value(4).toBool();
    QVariant rowid = s.group.value(5);
    const QString previousSearch = s.group.value(6).toString();
    s.group.finish();
    auto group = Entity::fromJson(QJsonDocument::fromJson(body).object());
    if (!group)
        return fail(ErrorCode::Corrupt, u"entity %1 is damaged: %2"_s.arg(groupGuid, group.error().message));

    row.name = displayText(group->data.value(u"name"_s));
    row.village = displayText(group->data.value(u"village"_s));
    row.deleted = group->deleted;
    row.updatedNs = instantOf(group->lastUpdated);
    row.registeredNs = firstEffect.isNull() ? row.updatedNs : firstEffect.toLongLong();
    const QJsonValue headId = group->data.value(u"headId"_s);

    // A deleted household's row is its own: the members it still lists are not tracked through
    // memberships once it is deleted, so they cannot count.
    std::optional<std::pair<QString, QString>> headByRelationship; // guid, name
    std::optional<std::pair<QString, QString>> headById;
    if (!group->deleted && !group->memberIds.isEmpty()) {
        s.members.bindValue(0, groupGuid);
        if (!s.members.exec())
            return failed(u"cannot read the members of %1"_s, s.members);
        QStringList groupMembers;
        while (s.members.next()) {
            const QString memberGuid = s.members.value(0).toString();
            if (s.members.value(1).toString() == u"group")
                groupMembers.append(memberGuid);
            const QJsonObject member = QJsonDocument::fromJson(s.members.value(2).toByteArray()).object();
            if (member.value(u"deleted"_s).toBool())
                continue;
            ++row.memberCount;
            row.updatedNs = std::max(row.updatedNs, instantOf(member.value(u"lastUpdated"_s).toString()));
            const QJsonObject data = member.value(u"data"_s).toObject();
            if (headId.isString() && headId.toString() == memberGuid)
                headById = {memberGuid, displayText(data.value(u"name"_s))};
            else if (!headByRelationship && isHeadRelationship(data.value(u"relationship"_s)))
                headByRelationship = {memberGuid, displayText(data.value(u"name"_s))};
        }
        s.members.finish();
        for (const QString &memberGuid : std::as_const(groupMembers)) { // listed by this live group
            s.markNested.bindValue(0, memberGuid);
            if (!s.markNested.exec())
                return failed(u"cannot mark the members of %1 nested"_s, s.markNested);
        }
    }
    if (const auto &head = headById ? headById : headByRelationship) {
        row.headGuid = head->first;
        row.head = head->second;
    }

    const QString nameKey = foldForSearch(row.name);
    const QString headKey = foldForSearch(row.head);
    const QString villageKey = foldForSearch(row.village);
    QStringList searchParts;
    for (const QString *part : {&nameKey, &headKey, &villageKey}) {
        if (!part->isEmpty())
            searchParts.append(*part);
    }
    const QString searchKey = searchParts.join(u' ');
    const QVariant values[] = {groupGuid,
                               textValue(row.name),
                               textValue(row.head),
                               textValue(row.village),
                               textValue(nameKey),
                               textValue(headKey),
                               textValue(villageKey),
                               textValue(searchKey),
                               row.memberCount,
                               textValue(row.registeredBy),
                               row.registeredNs,
                               row.updatedNs,
                               row.deleted ? 1 : 0,
                               nested ? 1 : 0,
                               textValue(row.headGuid)};
    for (int i = 0; i < int(std::size(values)); ++i)
        s.upsert.bindValue(i, values[i]);
    if (!s.upsert.exec())
        return failed(u"cannot write the household row %1"_s, s.upsert);

    // The trigram index follows the search key.
    if (!rowid.isNull() && previousSearch == searchKey)
        return {};
    if (rowid.isNull()) {
        s.rowidOf.bindValue(0, groupGuid);
        if (!s.rowidOf.exec() || !s.rowidOf.next())
            return failed(u"cannot read the household row %1"_s, s.rowidOf);
        rowid = s.rowidOf.value(0);
        s.rowidOf.finish();
    } else if (auto ok = unsearch(rowid); !ok) {
        return ok;
    }
    s.search.bindValue(0, rowid);
    s.search.bindValue(1, textValue(searchKey));
    if (!s.search.exec())
        return failed(u"cannot update the search of %1"_s, s.search);
    return {};
}

} // namespace fieldledger::core
