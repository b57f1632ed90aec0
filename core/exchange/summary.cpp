#include "core/exchange/summary.h"

#include "core/domain/entity.h"
#include "core/events/timestamp.h"
#include "core/integrity/hash.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

constexpr int kLogBatch = 2000;
constexpr quint64 kProgressEvery = 256;

const QString kVillage = u"village"_s;

QDate utcDay(qint64 instantNs)
{
    qint64 ms = instantNs / 1'000'000;
    if (instantNs % 1'000'000 < 0)
        --ms;
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
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
               const Progress &progress)
        : m_ledger(ledger)
        , m_progress(progress)
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
        if (auto ok = scanLog(); !ok)
            return ok;
        if (auto ok = scanEntities(); !ok)
            return ok;
        m_summary.villages = QStringList(m_allVillages.cbegin(), m_allVillages.cend());
        std::sort(m_summary.villages.begin(), m_summary.villages.end());
        return {};
    }

    RegistrySummary take() { return std::move(m_summary); }

private:
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

    Status scanEntities()
    {
        const SummaryFilter &filter = m_summary.filter;
        std::optional<Error> stop;
        auto ok = m_ledger.forEachEntity(m_summary.asOfNs, false, [&](const Entity &entity) {
            if (!tick(0)) {
                stop = Error{ErrorCode::Cancelled, u"summary cancelled"_s};
                return false;
            }
            if (!entity.isGroup())
                return true;
            const QJsonValue villageValue = entity.data.value(kVillage);
            const QString village = villageValue.isString() ? villageValue.toString() : QString();
            m_allVillages.insert(village);
            if (!m_villages.isEmpty() && !m_villages.contains(village))
                return true;

            std::optional<Registration> registration;
            if (auto it = m_registrations.constFind(entity.guid); it != m_registrations.cend()) {
                registration = *it;
            } else {
                auto found = registrationFromHistory(entity.guid);
                if (!found) {
                    stop = found.error();
                    return false;
                }
                registration = *found;
            }
            const std::optional<QDate> day =
                registration ? std::optional<QDate>(utcDay(registration->instantNs)) : std::nullopt;
            if ((filter.from || filter.to) &&
                (!day || (filter.from && *day < *filter.from) || (filter.to && *day > *filter.to)))
                return true;

            ++m_summary.households;
            m_summary.members += entity.memberIds.size();
            if (entity.version > 1)
                ++m_summary.householdsEdited;
            ++m_summary.householdsPerVillage[village];
            ++m_summary.householdSizes[entity.memberIds.size()];
            if (registration) {
                ++m_summary.registrationsPerDay[*day];
                ++m_summary.registrationsPerEnumerator[m_users.value(registration->user)];
            }
            return true;
        });
        if (stop)
            return std::unexpected(*stop);
        return ok;
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
    RegistrySummary m_summary;
    QSet<QString> m_villages;
    QSet<QString> m_allVillages;
    QHash<QString, Registration> m_registrations;
    QStringList m_users;
    QHash<QString, int> m_userIndex;
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
        {u"householdsEdited"_s, householdsEdited},
        {u"householdsUnchanged"_s, householdsUnchanged()},
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
                                  const Progress &progress)
{
    Summarizer summarizer(ledger, asOfNs, filter, progress);
    if (auto ok = summarizer.run(); !ok)
        return std::unexpected(ok.error());
    return summarizer.take();
}

} // namespace fieldledger::core
