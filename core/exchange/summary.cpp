#include "core/exchange/summary.h"

#include "core/domain/entity.h"
#include "core/domain/reviewapplier.h"
#include "core/events/timestamp.h"
#include "core/integrity/hash.h"
#include "core/storage/householdindex.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

constexpr int kLogBatch = 2000;
constexpr qint64 kNsPerDay = 86'400LL * 1'000'000'000LL;
constexpr qint64 kJulianDayOfEpoch = 2'440'588; // 1970-01-01
constexpr quint64 kProgressEvery = 256;

const QString kVillage = u"village"_s;

// A household's village as the household list shows it (HouseholdIndex's rows): a string with
// its spaces simplified, a number written out, anything else "".
QString villageText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().simplified();
    if (value.isDouble())
        return QString::number(value.toDouble());
    return {};
}

// The UTC day of an instant, by arithmetic (a QDateTime in UTC costs a time zone lookup).
QDate utcDay(qint64 instantNs)
{
    qint64 days = instantNs / kNsPerDay;
    if (instantNs % kNsPerDay < 0)
        --days;
    return QDate::fromJulianDay(kJulianDayOfEpoch + days);
}

// Where one household stands with review, from its version and its data.review: the decision
// (null when there is none) and whether that decision is stale (no atVersion, or the household
// changed after it). The SQL of the household rows' path hands over the same three things.
void tallyReview(ReviewProgress &progress, const QVariant &decision, bool stale)
{
    if (decision.isNull() || decision.typeId() != QMetaType::QString) {
        ++progress.neverReviewed;
        return;
    }
    if (stale) {
        ++progress.changedSinceReview;
        return;
    }
    const QString text = decision.toString();
    if (text == review::Approved)
        ++progress.approved;
    else if (text == review::Flagged)
        ++progress.flagged;
    else if (text == review::Rejected)
        ++progress.rejected;
    else
        ++progress.neverReviewed; // not a decision the applier writes
}

// Event types whose target is never a household being registered.
bool neverRegistersAGroup(const QString &type)
{
    return type == u"create-individual" || type == u"update-individual" || type == u"delete-entity" ||
           type == u"resolve-duplicate";
}

// The earliest event, in canonical order, that registered one household.
struct Registration {
    qint64 instantNs = 0;
    QString eventGuid;
    int user = -1; // index into the users seen

    [[nodiscard]] bool isBefore(qint64 instant, const QString &guid) const
    {
        return instantNs < instant || (instantNs == instant && eventGuid < guid);
    }
};

class Summarizer final {
public:
    Summarizer(Ledger &ledger, std::optional<qint64> asOfNs, const SummaryFilter &filter,
               const Progress &progress, SummarySource source)
        : m_ledger(ledger)
        , m_progress(progress)
        , m_source(source)
    {
        m_summary.asOfNs = asOfNs;
        m_summary.filter = filter;
        for (const QString &village : filter.villages)
            m_villages.insert(village);
    }

    Status run()
    {
        if (auto ok = m_ledger.access().check(m_ledger.user(), Action::ReadLog); !ok)
            return ok;
        if (m_source != SummarySource::Log) {
            auto rows = scanHouseholdRows();
            if (rows || m_source == SummarySource::HouseholdRows ||
                rows.error().code != ErrorCode::Unsupported)
                return rows;
            // Automatic, and the rows cannot answer: the log does.
            RegistrySummary fresh;
            fresh.asOfNs = m_summary.asOfNs;
            fresh.filter = m_summary.filter;
            m_summary = std::move(fresh);
            m_allVillages.clear();
            m_done = 0;
        }
        m_summary.source = SummarySource::Log;
        if (auto ok = scanLog(); !ok)
            return ok;
        if (auto ok = scanEntities(); !ok)
            return ok;
        finishVillages();
        return {};
    }

    RegistrySummary take() { return std::move(m_summary); }

private:
    void finishVillages()
    {
        m_summary.villages = QStringList(m_allVillages.cbegin(), m_allVillages.cend());
        std::sort(m_summary.villages.begin(), m_summary.villages.end());
    }

    [[nodiscard]] bool passesDayFilter(const QDate &day) const
    {
        const SummaryFilter &filter = m_summary.filter;
        return !(filter.from && day < *filter.from) && !(filter.to && day > *filter.to);
    }

    // The present state from the household rows alone, never reading a projection: one grouped
    // SQL pass over the live rows (registration day, registrar, village, size), then the
    // review-household events (through their type's index) for where the reviewed households
    // stand. The filter is applied to the groups, whose keys hold the day and the village, so the
    // village list (which ignores the filter) comes out of the same pass.
    Status scanHouseholdRows()
    {
        if (m_summary.asOfNs)
            return fail(ErrorCode::Unsupported, u"the household rows hold the present state only"_s);
        QSqlDatabase db = m_ledger.registry().database();
        auto current = HouseholdIndex(db).isCurrent();
        if (!current)
            return std::unexpected(current.error());
        if (!*current)
            return fail(ErrorCode::Unsupported, u"the household rows are not up to date"_s);
        m_summary.source = SummarySource::HouseholdRows;
        const EventStore &log = m_ledger.log();
        m_summary.logSize = log.size();
        m_summary.rootHex = toHex(log.root());
        m_summary.events = qint64(log.size());

        QSqlQuery query(db);
        query.setForwardOnly(true);
        // The day by floor division: registered_ns may precede 1970.
        if (!query.prepare(u"SELECT (registered_ns - ((registered_ns % :day) + :day) % :day) / :day AS d,"
                           " registered_by, village, member_count, count(*) FROM household_rows"
                           " WHERE deleted = 0 GROUP BY d, registered_by, village, member_count"_s))
            return std::unexpected(sqlError(u"cannot summarize the household rows"_s, query.lastError()));
        query.bindValue(u":day"_s, kNsPerDay);
        if (!query.exec())
            return std::unexpected(sqlError(u"cannot summarize the household rows"_s, query.lastError()));
        qint64 counted = 0;
        while (query.next()) {
            if (!tick(0))
                return fail(ErrorCode::Cancelled, u"summary cancelled"_s);
            const QString village = query.value(2).toString();
            const std::optional<QDate> day = countedDay(query.value(0).toLongLong(), village);
            if (!day)
                continue;
            const qint64 n = query.value(4).toLongLong();
            const qint64 members = query.value(3).toLongLong();
            counted += n;
            m_summary.households += n;
            m_summary.members += members * n;
            m_summary.registrationsPerDay[*day] += n;
            m_summary.registrationsPerEnumerator[query.value(1).toString()] += n;
            m_summary.householdsPerVillage[village] += n;
            m_summary.householdSizes[members] += n;
        }
        query.finish();
        if (auto ok = scanReviewEvents(db); !ok)
            return ok;
        m_summary.review.neverReviewed =
            counted - m_summary.review.decided() - m_summary.review.changedSinceReview;
        finishVillages();
        return {};
    }

    // The registration day of a row, when it passes the filter (village noted for the list).
    std::optional<QDate> countedDay(qint64 dayNumber, const QString &village)
    {
        m_allVillages.insert(village);
        if (!m_villages.isEmpty() && !m_villages.contains(village))
            return std::nullopt;
        auto day = m_days.constFind(dayNumber);
        if (day == m_days.cend())
            day = m_days.insert(dayNumber, QDate::fromJulianDay(kJulianDayOfEpoch + dayNumber));
        if (!passesDayFilter(*day))
            return std::nullopt;
        return *day;
    }

    // Where the counted households that were ever reviewed stand: each one's last review-household
    // event (in canonical order) that recorded a decision, as the applier decides it (a known
    // decision, a flag with a comment, a rejection with a reason); stale when anything changed
    // the household after it (its last effect is later in canonical order). The others were never
    // reviewed. Two statements through indexes (events by type, effects and household rows by
    // guid): joining them in one made SQLite several times slower.
    Status scanReviewEvents(const QSqlDatabase &db)
    {
        struct Decision {
            qint64 instantNs = 0;
            QString eventGuid;
            QString decision;
            bool stale = false;
        };
        QHash<QString, Decision> last;
        QSqlQuery reviews(db);
        reviews.setForwardOnly(true);
        if (!reviews.prepare(u"SELECT ev.entity_guid, ev.instant_ns, ev.guid,"
                             " json_extract(CAST(ev.body AS TEXT), '$.data.decision'),"
                             " json_extract(CAST(ev.body AS TEXT), '$.data.comment'),"
                             " json_extract(CAST(ev.body AS TEXT), '$.data.reason'),"
                             " (SELECT f.instant_ns FROM effects f WHERE f.entity_guid = ev.entity_guid"
                             "  ORDER BY f.instant_ns DESC, f.event_guid DESC LIMIT 1),"
                             " (SELECT f.event_guid FROM effects f WHERE f.entity_guid = ev.entity_guid"
                             "  ORDER BY f.instant_ns DESC, f.event_guid DESC LIMIT 1)"
                             " FROM events ev WHERE ev.type = :type"_s))
            return std::unexpected(sqlError(u"cannot read the review decisions"_s, reviews.lastError()));
        reviews.bindValue(u":type"_s, review::ReviewHousehold.toString());
        if (!reviews.exec())
            return std::unexpected(sqlError(u"cannot read the review decisions"_s, reviews.lastError()));
        const auto text = [&reviews](int column) {
            const QVariant value = reviews.value(column);
            return value.typeId() == QMetaType::QString ? value.toString().trimmed() : QString();
        };
        while (reviews.next()) {
            if (!tick(0))
                return fail(ErrorCode::Cancelled, u"summary cancelled"_s);
            const QString decision = text(3);
            const bool recorded = decision == review::Approved ||
                                  (decision == review::Flagged && !text(4).isEmpty()) ||
                                  (decision == review::Rejected && !text(5).isEmpty());
            if (!recorded)
                continue; // it changed the household: its effect makes an earlier decision stale
            const QString guid = reviews.value(0).toString();
            const qint64 instant = reviews.value(1).toLongLong();
            const QString eventGuid = reviews.value(2).toString();
            auto it = last.find(guid);
            if (it != last.end() &&
                (it->instantNs > instant || (it->instantNs == instant && it->eventGuid > eventGuid)))
                continue;
            const qint64 lastChange = reviews.value(6).toLongLong();
            const QString lastEvent = reviews.value(7).toString();
            const bool stale = lastChange > instant || (lastChange == instant && lastEvent > eventGuid);
            last.insert(guid, Decision{instant, eventGuid, decision, stale});
        }
        reviews.finish();

        // Which of them are live households, and whether the filter counts them.
        QSqlQuery rows(db);
        rows.setForwardOnly(true);
        if (!rows.prepare(
                u"SELECT guid, (registered_ns - ((registered_ns % :day) + :day) % :day) / :day, village"
                " FROM household_rows WHERE deleted = 0 AND guid IN"
                " (SELECT entity_guid FROM events WHERE type = :type)"_s))
            return std::unexpected(sqlError(u"cannot read the reviewed households"_s, rows.lastError()));
        rows.bindValue(u":day"_s, kNsPerDay);
        rows.bindValue(u":type"_s, review::ReviewHousehold.toString());
        if (!rows.exec())
            return std::unexpected(sqlError(u"cannot read the reviewed households"_s, rows.lastError()));
        while (rows.next()) {
            if (!tick(0))
                return fail(ErrorCode::Cancelled, u"summary cancelled"_s);
            const auto it = last.constFind(rows.value(0).toString());
            if (it == last.cend() || !countedDay(rows.value(1).toLongLong(), rows.value(2).toString()))
                continue;
            tallyReview(m_summary.review, it->decision, it->stale);
        }
        return {};
    }

    void candidate(const QString &target, qint64 instant, const QString &eventGuid, const QString &user)
    {
        if (target.isEmpty())
            return;
        auto it = m_registrations.find(target);
        if (it != m_registrations.end() && it->isBefore(instant, eventGuid))
            return;
        Registration registration{instant, eventGuid, userIndex(user)};
        if (it == m_registrations.end())
            m_registrations.insert(target, std::move(registration));
        else
            *it = std::move(registration);
    }

    int userIndex(const QString &user)
    {
        auto it = m_userIndex.constFind(user);
        if (it != m_userIndex.cend())
            return *it;
        m_users.append(user);
        m_userIndex.insert(user, int(m_users.size() - 1));
        return int(m_users.size() - 1);
    }

    Status scanLog()
    {
        const EventStore &log = m_ledger.log();
        m_summary.logSize = log.size();
        m_summary.rootHex = toHex(log.root());
        const std::optional<qint64> asOf = m_summary.asOfNs;
        bool cancelled = false;
        auto ok = log.forEach(0, qint64(log.size()), kLogBatch, [&](const StoredEvent &event) {
            if (!asOf || event.instantNs <= *asOf) {
                ++m_summary.events;
                if (!neverRegistersAGroup(event.type))
                    candidate(event.entityGuid, event.instantNs, event.guid, event.userId);
                // Households made as a side effect of an event on another one.
                const bool split = event.type == u"split-household";
                if (split || event.type == u"transfer-member") {
                    const QJsonObject data =
                        QJsonDocument::fromJson(event.body).object().value(u"data"_s).toObject();
                    const QJsonValue made = data.value(split ? u"newGroupGuid"_s : u"toGroupGuid"_s);
                    if (made.isString())
                        candidate(made.toString(), event.instantNs, event.guid, event.userId);
                }
            }
            if (!tick(log.size())) {
                cancelled = true;
                return false;
            }
            return true;
        });
        if (cancelled)
            return fail(ErrorCode::Cancelled, u"summary cancelled"_s);
        return ok;
    }

    // The registration of a household the log scan did not see (one created as a member of
    // another group's add-member): the first entry of its audit trail.
    Result<std::optional<Registration>> registrationFromHistory(const QString &guid)
    {
        auto trail = m_ledger.history(guid);
        if (!trail)
            return std::unexpected(trail.error());
        for (const QJsonValue &value : std::as_const(*trail)) {
            const QJsonObject entry = value.toObject();
            auto instant = Timestamp::parseInstantNs(entry.value(u"timestamp"_s).toString());
            if (!instant)
                continue;
            if (m_summary.asOfNs && *instant > *m_summary.asOfNs)
                continue;
            return Registration{*instant, entry.value(u"eventGuid"_s).toString(),
                                userIndex(entry.value(u"userId"_s).toString())};
        }
        return std::nullopt;
    }

    // What the summary needs of one live household.
    struct Household {
        QString guid;
        QString village; // "" when data.village is absent or not a string
        qint64 members = 0;
        qint64 version = 0;
        QVariant decision; // data.review.decision, null when absent
        bool stale = true; // data.review.atVersion absent or below version
    };

    Status count(const Household &household)
    {
        const SummaryFilter &filter = m_summary.filter;
        m_allVillages.insert(household.village);
        if (!m_villages.isEmpty() && !m_villages.contains(household.village))
            return {};
        std::optional<Registration> registration;
        if (auto it = m_registrations.constFind(household.guid); it != m_registrations.cend()) {
            registration = *it;
        } else {
            auto found = registrationFromHistory(household.guid);
            if (!found)
                return std::unexpected(found.error());
            registration = *found;
        }
        const std::optional<QDate> day =
            registration ? std::optional<QDate>(utcDay(registration->instantNs)) : std::nullopt;
        if ((filter.from || filter.to) && (!day || !passesDayFilter(*day)))
            return {};

        ++m_summary.households;
        m_summary.members += household.members;
        tallyReview(m_summary.review, household.decision, household.stale);
        ++m_summary.householdsPerVillage[household.village];
        ++m_summary.householdSizes[household.members];
        if (registration) {
            ++m_summary.registrationsPerDay[*day];
            ++m_summary.registrationsPerEnumerator[m_users.value(registration->user)];
        }
        return {};
    }

    Status scanEntities()
    {
        if (!m_summary.asOfNs) {
            if (auto fast = scanLiveGroups(); fast || fast.error().code != ErrorCode::Unsupported)
                return fast;
        }
        std::optional<Error> stop;
        auto ok = m_ledger.forEachEntity(m_summary.asOfNs, false, [&](const Entity &entity) {
            if (!tick(0)) {
                stop = Error{ErrorCode::Cancelled, u"summary cancelled"_s};
                return false;
            }
            if (!entity.isGroup())
                return true;
            const QJsonValue village = entity.data.value(kVillage);
            Household household;
            household.guid = entity.guid;
            household.village = villageText(village);
            household.members = entity.memberIds.size();
            household.version = entity.version;
            const QJsonObject review = entity.data.value(review::ReviewField.toString()).toObject();
            const QJsonValue decision = review.value(u"decision"_s);
            if (decision.isString())
                household.decision = decision.toString();
            const QJsonValue atVersion = review.value(u"atVersion"_s);
            household.stale = !atVersion.isDouble() || atVersion.toDouble() < double(entity.version);
            if (auto counted = count(household); !counted) {
                stop = counted.error();
                return false;
            }
            return true;
        });
        if (stop)
            return std::unexpected(*stop);
        return ok;
    }

    // The present state, fast: only the live groups' projections, the three members of their
    // JSON the summary needs read by SQLite itself. Walking every entity through the ledger
    // parses each one (individuals too), about ten times slower. The caller may read the log
    // (checked before), so every entity is visible to them, as forEachEntity would list them.
    // Unsupported when this SQLite has no JSON functions: the caller walks the entities then.
    Status scanLiveGroups()
    {
        QSqlQuery query(m_ledger.registry().database());
        query.setForwardOnly(true);
        if (!query.prepare(u"SELECT guid, json_type(j, '$.data.village'), json_extract(j, '$.data.village'), "
                           "json_array_length(j, '$.memberIds'), json_extract(j, '$.version'), "
                           "json_extract(j, '$.data.review.decision'), "
                           "coalesce(json_extract(j, '$.data.review.atVersion') IS NULL "
                           "OR json_extract(j, '$.data.review.atVersion') < json_extract(j, '$.version'), 1) "
                           "FROM (SELECT guid, CAST(body AS TEXT) AS j FROM entities "
                           "WHERE type = :type AND deleted = 0)"_s))
            return fail(ErrorCode::Unsupported, u"no JSON functions in this SQLite"_s);
        query.bindValue(u":type"_s, entityTypeName(EntityType::Group));
        if (!query.exec())
            return std::unexpected(sqlError(u"cannot read the households"_s, query.lastError()));
        Household household;
        while (query.next()) {
            if (!tick(0))
                return fail(ErrorCode::Cancelled, u"summary cancelled"_s);
            household.guid = query.value(0).toString();
            const QString type = query.value(1).toString();
            household.village = type == u"text" ? query.value(2).toString().simplified()
                                : type == u"integer" || type == u"real"
                                    ? QString::number(query.value(2).toDouble())
                                    : QString();
            household.members = query.value(3).toLongLong();
            household.version = query.value(4).toLongLong();
            household.decision = query.value(5);
            household.stale = query.value(6).toLongLong() != 0;
            if (auto counted = count(household); !counted)
                return counted;
        }
        return {};
    }

    bool tick(quint64 total)
    {
        ++m_done;
        if (!m_progress || m_done % kProgressEvery != 0)
            return true;
        return m_progress(m_done, total);
    }

    Ledger &m_ledger;
    const Progress &m_progress;
    const SummarySource m_source;
    RegistrySummary m_summary;
    QSet<QString> m_villages;
    QSet<QString> m_allVillages;
    QHash<QString, Registration> m_registrations;
    QStringList m_users;
    QHash<QString, int> m_userIndex;
    QHash<qint64, QDate> m_days; // day numbers (since 1970) seen by the household rows' path
    quint64 m_done = 0;
};

template<typename Key>
QJsonObject countsJson(const QMap<Key, qint64> &counts, const auto &keyText)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(keyText(it.key()), it.value());
    return object;
}

} // namespace

QString SummaryFilter::describe() const
{
    QStringList parts;
    if (from || to) {
        const QString first = from ? from->toString(Qt::ISODate) : QString();
        const QString last = to ? to->toString(Qt::ISODate) : QString();
        parts.append(first + u".."_s + last);
    }
    QStringList names = villages;
    std::sort(names.begin(), names.end());
    parts.append(names);
    return parts.join(u", "_s);
}

QList<std::pair<QDate, qint64>> RegistrySummary::dailyRegistrations() const
{
    QList<std::pair<QDate, qint64>> days;
    QDate first = filter.from && filter.to ? *filter.from : QDate();
    QDate last = filter.from && filter.to ? *filter.to : QDate();
    if (!first.isValid()) {
        if (registrationsPerDay.isEmpty())
            return days;
        first = registrationsPerDay.firstKey();
        last = registrationsPerDay.lastKey();
    }
    for (QDate day = first; day <= last; day = day.addDays(1))
        days.append({day, registrationsPerDay.value(day, 0)});
    return days;
}

QList<std::pair<qint64, qint64>> RegistrySummary::sizeHistogram() const
{
    QList<std::pair<qint64, qint64>> sizes;
    if (householdSizes.isEmpty())
        return sizes;
    for (qint64 size = 0; size <= householdSizes.lastKey(); ++size)
        sizes.append({size, householdSizes.value(size, 0)});
    return sizes;
}

QJsonObject RegistrySummary::toJson() const
{
    QJsonObject json{
        {u"households"_s, households},
        {u"members"_s, members},
        {u"events"_s, events},
        {u"logSize"_s, qint64(logSize)},
        {u"root"_s, rootHex},
        {u"registrationsPerDay"_s,
         countsJson(registrationsPerDay, [](const QDate &day) { return day.toString(Qt::ISODate); })},
        {u"registrationsPerEnumerator"_s,
         countsJson(registrationsPerEnumerator, [](const QString &user) { return user; })},
        {u"householdsPerVillage"_s,
         countsJson(householdsPerVillage, [](const QString &village) { return village; })},
        {u"householdSizes"_s, countsJson(householdSizes, [](qint64 size) { return QString::number(size); })},
        {u"review"_s, QJsonObject{{u"neverReviewed"_s, review.neverReviewed},
                                  {u"approved"_s, review.approved},
                                  {u"flagged"_s, review.flagged},
                                  {u"rejected"_s, review.rejected},
                                  {u"changedSinceReview"_s, review.changedSinceReview}}},
    };
    if (asOfNs)
        json.insert(u"asOf"_s, Timestamp::fromNsSinceEpoch(*asOfNs).toUtcMillisString());
    if (!filter.isEmpty()) {
        QJsonObject filterJson;
        if (filter.from)
            filterJson.insert(u"from"_s, filter.from->toString(Qt::ISODate));
        if (filter.to)
            filterJson.insert(u"to"_s, filter.to->toString(Qt::ISODate));
        if (!filter.villages.isEmpty())
            filterJson.insert(u"villages"_s, QJsonArray::fromStringList(filter.villages));
        json.insert(u"filter"_s, filterJson);
    }
    return json;
}

Result<RegistrySummary> summarize(Ledger &ledger, std::optional<qint64> asOfNs, const SummaryFilter &filter,
                                  const Progress &progress, SummarySource source)
{
    Summarizer summarizer(ledger, asOfNs, filter, progress, source);
    if (auto ok = summarizer.run(); !ok)
        return std::unexpected(ok.error());
    return summarizer.take();
}

} // namespace fieldledger::core
