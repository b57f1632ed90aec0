#include "core/domain/reviewqueue.h"

#include "core/domain/reviewapplier.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

// Every live group the viewer may see, with its review state. A review is current when it
// was the last event to change the group: its atVersion equals the group's version.
QString reviewRows(const User &user)
{
    return u"WITH raw AS ("
           " SELECT e.guid AS guid, e.created_by AS created_by, CAST(e.body AS TEXT) AS j"
           " FROM entities e WHERE e.type = 'group' AND e.deleted = 0 AND "_s +
           AccessControl::visibilityCondition(user) +
           u"), rows AS ("
           " SELECT guid, created_by,"
           "  json_extract(j, '$.data.name') AS name,"
           "  json_extract(j, '$.lastUpdated') AS last_updated,"
           "  json_extract(j, '$.version') AS version,"
           "  json_extract(j, '$.data.review.decision') AS decision,"
           "  json_extract(j, '$.data.review.comment') AS comment,"
           "  json_extract(j, '$.data.review.reason') AS reason,"
           "  json_extract(j, '$.data.review.reviewedBy') AS reviewed_by,"
           "  json_extract(j, '$.data.review.reviewedAt') AS reviewed_at,"
           "  CASE WHEN json_extract(j, '$.data.review.atVersion') IS NULL"
           "    OR json_extract(j, '$.data.review.atVersion') < json_extract(j, '$.version') THEN 'awaiting'"
           "   ELSE json_extract(j, '$.data.review.decision') END AS status"
           " FROM raw) "_s;
}

std::optional<ReviewStatus> statusFromName(const QString &name)
{
    if (name == u"awaiting")
        return ReviewStatus::Awaiting;
    if (name == review::Approved)
        return ReviewStatus::Approved;
    if (name == review::Flagged)
        return ReviewStatus::Flagged;
    if (name == review::Rejected)
        return ReviewStatus::Rejected;
    return std::nullopt;
}

} // namespace

QString reviewStatusName(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Awaiting:
        return u"awaiting"_s;
    case ReviewStatus::Approved:
        return review::Approved.toString();
    case ReviewStatus::Flagged:
        return review::Flagged.toString();
    case ReviewStatus::Rejected:
        return review::Rejected.toString();
    }
    return u"awaiting"_s;
}

Result<std::vector<ReviewItem>> ReviewQueue::select(const QString &condition, const QString &guid,
                                                    std::optional<ReviewStatus> status, int limit) const
{
    const User &user = m_ledger.user();
    if (auto ok = m_ledger.access().check(user, Action::ListEntities); !ok)
        return std::unexpected(ok.error());
    QSqlQuery query(m_ledger.registry().database());
    query.setForwardOnly(true);
    const QString sql =
        reviewRows(user) +
        u"SELECT guid, name, created_by, last_updated, version, status, decision, comment, reason,"
        " reviewed_by, reviewed_at FROM rows WHERE "_s +
        condition + u" ORDER BY last_updated, guid LIMIT :limit"_s;
    if (!query.prepare(sql))
        return std::unexpected(sqlError(u"cannot read the review queue"_s, query.lastError()));
    if (user.role == Role::Enumerator)
        query.bindValue(u":viewer"_s, user.id);
    if (!guid.isNull())
        query.bindValue(u":guid"_s, guid);
    if (status)
        query.bindValue(u":status"_s, reviewStatusName(*status));
    query.bindValue(u":limit"_s, limit < 0 ? qint64(-1) : qint64(limit));
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the review queue"_s, query.lastError()));
    std::vector<ReviewItem> items;
    while (query.next()) {
        ReviewItem item;
        item.householdGuid = query.value(0).toString();
        item.name = query.value(1).toString();
        item.registeredBy = query.value(2).toString();
        item.lastChanged = query.value(3).toString();
        item.version = query.value(4).toInt();
        item.status = statusFromName(query.value(5).toString()).value_or(ReviewStatus::Awaiting);
        item.decision = query.value(6).toString();
        item.comment = query.value(7).toString();
        item.reason = query.value(8).toString();
        item.reviewedBy = query.value(9).toString();
        item.reviewedAt = query.value(10).toString();
        items.push_back(std::move(item));
    }
    return items;
}

Result<std::vector<ReviewItem>> ReviewQueue::items(ReviewStatus status, int limit) const
{
    return select(u"status = :status"_s, QString(), status, limit);
}

Result<std::optional<ReviewItem>> ReviewQueue::item(const QString &householdGuid) const
{
    auto found = select(u"guid = :guid"_s, householdGuid, std::nullopt, 1);
    if (!found)
        return std::unexpected(found.error());
    if (found->empty())
        return std::optional<ReviewItem>();
    return std::optional<ReviewItem>(std::move(found->front()));
}

Result<ReviewCounts> ReviewQueue::counts() const
{
    const User &user = m_ledger.user();
    if (auto ok = m_ledger.access().check(user, Action::ListEntities); !ok)
        return std::unexpected(ok.error());
    QSqlQuery query(m_ledger.registry().database());
    query.setForwardOnly(true);
    if (!query.prepare(reviewRows(user) + u"SELECT status, count(*) FROM rows GROUP BY status"_s))
        return std::unexpected(sqlError(u"cannot count the review queue"_s, query.lastError()));
    if (user.role == Role::Enumerator)
        query.bindValue(u":viewer"_s, user.id);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot count the review queue"_s, query.lastError()));
    ReviewCounts counts;
    while (query.next()) {
        const qint64 n = query.value(1).toLongLong();
        switch (statusFromName(query.value(0).toString()).value_or(ReviewStatus::Awaiting)) {
        case ReviewStatus::Awaiting:
            counts.awaiting += n;
            break;
        case ReviewStatus::Approved:
            counts.approved += n;
            break;
        case ReviewStatus::Flagged:
            counts.flagged += n;
            break;
        case ReviewStatus::Rejected:
            counts.rejected += n;
            break;
        }
    }
    return counts;
}

} // namespace fieldledger::core
