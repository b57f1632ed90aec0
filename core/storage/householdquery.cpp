#include "core/storage/householdquery.h"

#include "core/access/accesscontrol.h"
#include "core/domain/ledger.h"
#include "core/storage/householdindex.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

// More words than anyone types; the rest are ignored rather than making a huge statement.
constexpr qsizetype kMaxWords = 12;

const QString kColumns =
    u"h.guid, h.name, h.head, h.village, h.member_count, h.registered_by, h.registered_ns,"
    " h.updated_ns, h.deleted"_s;

// A WHERE clause and what to bind into it.
struct Conditions {
    QString sql;
    QList<std::pair<QString, QVariant>> bindings;

    void bindTo(QSqlQuery &query) const
    {
        for (const auto &[name, value] : bindings)
            query.bindValue(name, value);
    }
};

// What the user may see: AccessControl's rule on the household's entity decides. The rule
// grants an entity to its creator, to users it is assigned to, and through a group that lists
// it; so, to keep an enumerator's list fast, rows the user registered pass at once
// (registered_by is the entity's created_by, written in the same transaction), and the rule is
// evaluated only for the rows it could grant otherwise: assigned to the user (one small set,
// computed once) or listed by a group (nested, kept by HouseholdIndex). Every other row costs
// two comparisons instead of the rule's three lookups.
void addVisibility(Conditions &conditions, const User &user)
{
    const QString rule = AccessControl::visibilityCondition(user);
    if (rule == u"1")
        return;
    conditions.sql += u" AND (h.registered_by = :viewer OR ((h.nested = 1"
                      " OR h.guid IN (SELECT a.entity_guid FROM assignments a WHERE a.user_id = :viewer))"
                      " AND EXISTS (SELECT 1 FROM entities e WHERE e.guid = h.guid AND "_s +
                      rule + u")))"_s;
    conditions.bindings.append({u":viewer"_s, user.id});
}

// The filter's words, folded; at most kMaxWords.
QStringList wordsOf(const HouseholdFilter &filter)
{
    QStringList words = foldForSearch(filter.text).split(u' ', Qt::SkipEmptyParts);
    if (words.size() > kMaxWords)
        words.resize(kMaxWords);
    return words;
}

// Words of three letters or more are looked up in household_search (trigrams): the rows they
// match are found without reading the others, and sorted once found. Shorter words match most
// rows: they are checked row by row, and the sort index is walked until a page is full.
constexpr qsizetype kTrigram = 3;

bool isSelective(const QStringList &words)
{
    return std::ranges::any_of(words, [](const QString &word) { return word.size() >= kTrigram; });
}

Conditions conditionsFor(const HouseholdFilter &filter, const User &user)
{
    Conditions conditions;
    conditions.sql = filter.includeDeleted ? u"1"_s : u"h.deleted = 0"_s;
    // Visibility first: the sort indexes carry what it reads, so rows the user may not see are
    // passed over before their text is read.
    addVisibility(conditions, user);
    const QStringList words = wordsOf(filter);
    QStringList phrases;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words[i].size() >= kTrigram) {
            // A folded word is letters and digits only: nothing to escape inside the quotes.
            phrases.append(u'"' + words[i] + u'"');
            continue;
        }
        const QString name = u":w%1"_s.arg(i);
        conditions.sql += u" AND instr(h.search_key, "_s + name + u") > 0"_s;
        conditions.bindings.append({name, words[i]});
    }
    if (!phrases.isEmpty()) {
        conditions.sql +=
            u" AND h.rowid IN (SELECT rowid FROM household_search WHERE household_search MATCH :match)"_s;
        conditions.bindings.append({u":match"_s, phrases.join(u" AND "_s)});
    }
    return conditions;
}

QString sortExpression(HouseholdSortColumn column)
{
    switch (column) {
    case HouseholdSortColumn::Name:
        return u"h.name_key"_s;
    case HouseholdSortColumn::Head:
        return u"h.head_key"_s;
    case HouseholdSortColumn::Village:
        return u"h.village_key"_s;
    case HouseholdSortColumn::MemberCount:
        return u"h.member_count"_s;
    case HouseholdSortColumn::RegisteredBy:
        return u"h.registered_by"_s;
    case HouseholdSortColumn::RegisteredAt:
        return u"h.registered_ns"_s;
    case HouseholdSortColumn::UpdatedAt:
        return u"h.updated_ns"_s;
    }
    return u"h.name_key"_s;
}

QDateTime fromNs(qint64 ns)
{
    // Floor division, so instants before 1970 land on the right millisecond.
    qint64 ms = ns / 1'000'000;
    if (ns % 1'000'000 < 0)
        --ms;
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

HouseholdRow rowFrom(const QSqlQuery &query)
{
    HouseholdRow row;
    row.guid = query.value(0).toString();
    row.name = query.value(1).toString();
    row.head = query.value(2).toString();
    row.village = query.value(3).toString();
    row.memberCount = query.value(4).toInt();
    row.registeredBy = query.value(5).toString();
    row.registeredAt = fromNs(query.value(6).toLongLong());
    row.updatedAt = fromNs(query.value(7).toLongLong());
    row.deleted = query.value(8).toInt() != 0;
    return row;
}

} // namespace

HouseholdQuery::HouseholdQuery(Ledger &ledger)
    : m_ledger(ledger)
{
}

Result<qint64> HouseholdQuery::count(const HouseholdFilter &filter) const
{
    const User &user = m_ledger.user();
    if (auto ok = m_ledger.access().check(user, Action::ListEntities); !ok)
        return std::unexpected(ok.error());
    const Conditions conditions = conditionsFor(filter, user);
    QSqlQuery query(m_ledger.registry().database());
    query.prepare(u"SELECT count(*) FROM household_rows h WHERE "_s + conditions.sql);
    conditions.bindTo(query);
    if (!query.exec() || !query.next())
        return std::unexpected(sqlError(u"cannot count the households"_s, query.lastError()));
    return query.value(0).toLongLong();
}

Result<std::vector<HouseholdRow>>
HouseholdQuery::page(const HouseholdFilter &filter, const HouseholdSort &sort, qint64 offset, int limit) const
{
    const User &user = m_ledger.user();
    if (auto ok = m_ledger.access().check(user, Action::ListEntities); !ok)
        return std::unexpected(ok.error());
    if (offset < 0 || limit < 0)
        return fail(ErrorCode::InvalidArgument, u"a page needs an offset and a limit >= 0"_s);
    const Conditions conditions = conditionsFor(filter, user);
    const QString direction = sort.order == Qt::AscendingOrder ? u" ASC"_s : u" DESC"_s;
    // A unary + keeps SQLite from walking the sort index: it takes the matches, then sorts them.
    const QString unary = isSelective(wordsOf(filter)) ? u"+"_s : QString();
    QSqlQuery query(m_ledger.registry().database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT "_s + kColumns + u" FROM household_rows h WHERE "_s + conditions.sql +
                  u" ORDER BY "_s + unary + sortExpression(sort.column) + direction + u", "_s + unary +
                  u"h.guid"_s + direction + u" LIMIT :limit OFFSET :offset"_s);
    conditions.bindTo(query);
    query.bindValue(u":limit"_s, limit);
    query.bindValue(u":offset"_s, offset);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot list the households"_s, query.lastError()));
    std::vector<HouseholdRow> rows;
    rows.reserve(std::size_t(limit));
    while (query.next())
        rows.push_back(rowFrom(query));
    return rows;
}

Result<std::optional<HouseholdRow>> HouseholdQuery::row(const QString &guid) const
{
    const User &user = m_ledger.user();
    if (auto ok = m_ledger.access().check(user, Action::ListEntities); !ok)
        return std::unexpected(ok.error());
    Conditions conditions;
    conditions.sql = u"h.guid = :guid"_s;
    conditions.bindings.append({u":guid"_s, guid});
    addVisibility(conditions, user);
    QSqlQuery query(m_ledger.registry().database());
    query.prepare(u"SELECT "_s + kColumns + u" FROM household_rows h WHERE "_s + conditions.sql);
    conditions.bindTo(query);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read household %1"_s.arg(guid), query.lastError()));
    if (!query.next())
        return std::optional<HouseholdRow>();
    return std::optional<HouseholdRow>(rowFrom(query));
}

Result<std::optional<qint64>> HouseholdQuery::position(const QString &guid, const HouseholdFilter &filter,
                                                       const HouseholdSort &sort) const
{
    const User &user = m_ledger.user();
    if (auto ok = m_ledger.access().check(user, Action::ListEntities); !ok)
        return std::unexpected(ok.error());
    const Conditions conditions = conditionsFor(filter, user);
    const QString column = sortExpression(sort.column);
    QSqlQuery query(m_ledger.registry().database());
    query.prepare(u"SELECT "_s + column + u" FROM household_rows h WHERE h.guid = :guid AND "_s +
                  conditions.sql);
    conditions.bindTo(query);
    query.bindValue(u":guid"_s, guid);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read household %1"_s.arg(guid), query.lastError()));
    if (!query.next())
        return std::optional<qint64>();
    const QVariant key = query.value(0);
    query.finish();

    // A row value: SQLite counts it as a range of the sort index.
    const QString before = sort.order == Qt::AscendingOrder ? u"<"_s : u">"_s;
    query.prepare(u"SELECT count(*) FROM household_rows h WHERE "_s + conditions.sql + u" AND ("_s + column +
                  u", h.guid) "_s + before + u" (:key, :guid)"_s);
    conditions.bindTo(query);
    query.bindValue(u":key"_s, key);
    query.bindValue(u":guid"_s, guid);
    if (!query.exec() || !query.next())
        return std::unexpected(sqlError(u"cannot place household %1"_s.arg(guid), query.lastError()));
    return std::optional<qint64>(query.value(0).toLongLong());
}

Result<QStringList> HouseholdQuery::householdsAffectedBy(const QStringList &entityGuids) const
{
    const User &user = m_ledger.user();
    if (auto ok = m_ledger.access().check(user, Action::ListEntities); !ok)
        return std::unexpected(ok.error());
    if (entityGuids.isEmpty())
        return QStringList();
    Conditions conditions;
    conditions.sql = u"h.guid IN (SELECT value FROM json_each(:changed)"
                     " UNION SELECT m.group_guid FROM json_each(:changed) j"
                     " JOIN memberships m ON m.member_guid = j.value)"_s;
    conditions.bindings.append(
        {u":changed"_s,
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(entityGuids)).toJson(QJsonDocument::Compact))});
    addVisibility(conditions, user);
    QSqlQuery query(m_ledger.registry().database());
    query.setForwardOnly(true);
    query.prepare(u"SELECT h.guid FROM household_rows h WHERE "_s + conditions.sql + u" ORDER BY h.guid"_s);
    conditions.bindTo(query);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot find the households of a change"_s, query.lastError()));
    QStringList guids;
    while (query.next())
        guids.append(query.value(0).toString());
    return guids;
}

} // namespace fieldledger::core
