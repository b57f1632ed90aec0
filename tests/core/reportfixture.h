#pragma once

// Shared by the report tests (summary, household profile, PDF, dashboard, export dialog): a
// small registry whose numbers are worked out by hand below, and a generator of many
// households for benchmarks and screenshots.
//
// Log order (seq) and what each event does:
//   0  2026-11-01T08:00Z enum-1  create-group hh-a  Kalo, 3 members (p-a1 head, p-a2, p-a3)
//   1  2026-11-01T09:00Z enum-2  create-group hh-b  Mbale, 1 member (p-b1)
//   2  2026-11-03T10:00Z enum-1  create-group hh-c  Kalo, 2 members (p-c1, p-c2)
//   3  2026-11-04T10:00Z enum-2  create-group hh-d  no village, no members
//   4  2026-11-05T08:00Z sup     update-group hh-b  phone (reason data-correction)
//   5  2026-11-06T08:00Z sup     delete-entity hh-d
//   6  2026-11-07T08:00Z sup     split-household hh-a: p-a3 leaves for hh-e (Kalo)
//   7  2026-10-30T07:00Z enum-3  create-group hh-f  Mbale, 4 members (late: logged last)
//
// Now: hh-a (2 members, edited), hh-b (1, edited), hh-c (2), hh-e (1), hh-f (4); hh-d deleted.
// As of 2026-11-05T12:00Z: hh-a (3), hh-b (1, edited), hh-c (2), hh-d (0, no village), hh-f (4).

#include "core/domain/ledger.h"
#include "core/events/event.h"
#include "core/events/timestamp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <vector>

namespace fieldledger::testing::reports {

using namespace Qt::StringLiterals;

inline core::Event reportEvent(const QString &guid, const QString &entityGuid, const QString &type,
                               const QJsonObject &data, const QString &timestamp, const QString &userId,
                               const QString &reason = {})
{
    std::optional<QJsonObject> context;
    if (!reason.isEmpty())
        context = QJsonObject{{u"reason"_s, reason}};
    auto event = core::Event::make(guid, entityGuid, type, data, timestamp, userId, std::nullopt, context);
    if (!event)
        qFatal("reportEvent(%s): %s", qPrintable(guid), qPrintable(event.error().message));
    return *std::move(event);
}

inline QJsonObject person(const QString &guid, const QString &name, const QString &sex,
                          const QString &relationship, const QJsonValue &birthDate, const QJsonValue &age)
{
    QJsonObject member{{u"guid"_s, guid}, {u"name"_s, name}, {u"sex"_s, sex}, {u"relationship"_s, relationship}};
    if (!birthDate.isUndefined())
        member.insert(u"birth_date"_s, birthDate);
    if (!age.isUndefined())
        member.insert(u"age"_s, age);
    return member;
}

inline std::vector<core::Event> reportSampleEvents()
{
    const QJsonValue none = QJsonValue(QJsonValue::Undefined);
    return {
        reportEvent(u"ev-0"_s, u"hh-a"_s, u"create-group"_s,
                    {{u"name"_s, u"Mwangi family"_s},
                     {u"village"_s, u"Kalo"_s},
                     {u"phone"_s, u"+254 700 000001"_s},
                     {u"members"_s,
                      QJsonArray{person(u"p-a1"_s, u"Grace Mwangi"_s, u"female"_s, u"head"_s, u"1984-03-12"_s, none),
                                 person(u"p-a2"_s, u"Peter Mwangi"_s, u"male"_s, u"spouse"_s, none, 41),
                                 person(u"p-a3"_s, u"Amélie Mwangi"_s, u"female"_s, u"child"_s, u"2015-07-01"_s,
                                        none)}}},
                    u"2026-11-01T08:00:00.000Z"_s, u"enum-1"_s),
        reportEvent(u"ev-1"_s, u"hh-b"_s, u"create-group"_s,
                    {{u"name"_s, u"بيت العائلة"_s},
                     {u"village"_s, u"Mbale"_s},
                     {u"members"_s, QJsonArray{person(u"p-b1"_s, u"Omar Haddad"_s, u"male"_s, u"head"_s, none, 67)}}},
                    u"2026-11-01T09:00:00.000Z"_s, u"enum-2"_s),
        reportEvent(u"ev-2"_s, u"hh-c"_s, u"create-group"_s,
                    {{u"name"_s, u"Otieno household"_s},
                     {u"village"_s, u"Kalo"_s},
                     {u"members"_s,
                      QJsonArray{person(u"p-c1"_s, u"Akinyi Otieno"_s, u"female"_s, u"head"_s, none, 29),
                                 person(u"p-c2"_s, u"Baraka Otieno"_s, u"male"_s, u"child"_s, none, 3)}}},
                    u"2026-11-03T10:00:00.000Z"_s, u"enum-1"_s),
        reportEvent(u"ev-3"_s, u"hh-d"_s, u"create-group"_s, {{u"name"_s, u"Empty dwelling"_s}},
                    u"2026-11-04T10:00:00.000Z"_s, u"enum-2"_s),
        reportEvent(u"ev-4"_s, u"hh-b"_s, u"update-group"_s, {{u"phone"_s, u"+254 700 000002"_s}},
                    u"2026-11-05T08:00:00.000Z"_s, u"sup"_s, u"data-correction"_s),
        reportEvent(u"ev-5"_s, u"hh-d"_s, u"delete-entity"_s, {}, u"2026-11-06T08:00:00.000Z"_s, u"sup"_s,
                    u"duplicate"_s),
        reportEvent(u"ev-6"_s, u"hh-a"_s, u"split-household"_s,
                    {{u"memberIds"_s, QJsonArray{u"p-a3"_s}},
                     {u"newGroupGuid"_s, u"hh-e"_s},
                     {u"newGroupData"_s, QJsonObject{{u"name"_s, u"Amélie's household"_s}, {u"village"_s, u"Kalo"_s}}}},
                    u"2026-11-07T08:00:00.000Z"_s, u"sup"_s, u"married-out"_s),
        reportEvent(u"ev-7"_s, u"hh-f"_s, u"create-group"_s,
                    {{u"name"_s, u"Late family"_s},
                     {u"village"_s, u"Mbale"_s},
                     {u"members"_s,
                      QJsonArray{person(u"p-f1"_s, u"Fatuma Said"_s, u"female"_s, u"head"_s, none, 50),
                                 person(u"p-f2"_s, u"Juma Said"_s, u"male"_s, u"child"_s, none, 20),
                                 person(u"p-f3"_s, u"Neema Said"_s, u"female"_s, u"child"_s, none, 17),
                                 person(u"p-f4"_s, u"Zawadi Said"_s, u"female"_s, u"child"_s, none, 12)}}},
                    u"2026-10-30T07:00:00.000Z"_s, u"enum-3"_s),
    };
}

inline void importReportSample(core::Ledger &ledger)
{
    auto report = ledger.importEvents(reportSampleEvents());
    if (!report)
        qFatal("cannot import the report sample: %s", qPrintable(report.error().message));
}

// Households firstIndex .. firstIndex + count - 1 of a registry of `total` (default: count),
// each of 1..8 members, registered over 30 days by 12 enumerators in 20 villages, as events in
// log order (no late ones, for up to about 2.5 million households); every tenth household
// edited half a second after its registration. Batches made with increasing firstIndex and the
// same total follow each other in time.
inline std::vector<core::Event> generatedHouseholds(int count, int firstIndex = 0, int total = 0)
{
    if (total <= 0)
        total = count;
    static const QStringList kNames{u"Achieng"_s, u"Baraka"_s, u"Chebet"_s, u"Daudi"_s, u"Eshe"_s,
                                    u"Faraji"_s,  u"Gathoni"_s, u"Hamisi"_s, u"Imani"_s, u"Jabari"_s};
    std::vector<core::Event> events;
    events.reserve(std::size_t(count) + std::size_t(count / 10));
    const QDateTime start(QDate(2026, 10, 1), QTime(6, 0), QTimeZone::utc());
    const qint64 span = 30LL * 24 * 3600;
    for (int n = firstIndex; n < firstIndex + count; ++n) {
        const qint64 offset = qint64(n) * span / total;
        const QString timestamp = core::formatUtcMillis(start.addSecs(offset));
        const QString hh = u"hh-%1"_s.arg(n, 7, 10, QChar(u'0'));
        QJsonArray members;
        const int size = 1 + (n * 7 + n / 3) % 8;
        for (int m = 0; m < size; ++m) {
            members.append(QJsonObject{{u"guid"_s, u"%1-m%2"_s.arg(hh).arg(m)},
                                       {u"name"_s, QString(kNames[(n + m) % kNames.size()] + u" "_s + QString::number(n))},
                                       {u"sex"_s, (n + m) % 2 == 0 ? u"female"_s : u"male"_s},
                                       {u"age"_s, 1 + (n * 13 + m * 17) % 80},
                                       {u"relationship"_s, m == 0 ? u"head"_s : u"child"_s}});
        }
        events.push_back(reportEvent(u"g-%1"_s.arg(n), hh, u"create-group"_s,
                                     {{u"name"_s, u"Household %1"_s.arg(n)},
                                      {u"village"_s, u"Village %1"_s.arg(QChar(u'A' + (n * 7) % 20))},
                                      {u"members"_s, members}},
                                     timestamp, u"enum-%1"_s.arg((n % 12) + 1)));
        if (n % 10 == 0) {
            events.push_back(reportEvent(u"g-%1-edit"_s.arg(n), hh, u"update-group"_s,
                                         {{u"phone"_s, u"+254 7%1"_s.arg(n, 8, 10, QChar(u'0'))}},
                                         core::formatUtcMillis(start.addMSecs(offset * 1000 + 500)),
                                         u"enum-%1"_s.arg((n % 12) + 1)));
        }
    }
    return events;
}

} // namespace fieldledger::testing::reports
