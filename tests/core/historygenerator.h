#pragma once

// Test utilities for the domain tests: terse event construction and a seeded generator of
// random but plausible histories. Header-only; links only fieldledger_core.

#include "core/events/event.h"
#include "core/events/timestamp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace fieldledger::testing {

using core::Event;

// 2026-11-26T09:30:00.000Z, the instant the tests count from.
inline QDateTime testEpoch()
{
    return QDateTime(QDate(2026, 11, 26), QTime(9, 30), QTimeZone::utc());
}

// testEpoch() + `seconds`, written as events made here are ("2026-11-26T09:30:05.000Z").
inline QString timestampAt(qint64 seconds)
{
    return core::formatUtcMillis(testEpoch().addSecs(seconds));
}

// A validated event; aborts the test binary when the arguments do not make one (a bug in
// the test itself, never a behaviour under test).
inline Event makeEvent(const QString &guid, const QString &entityGuid, const QString &type,
                       const QJsonObject &data, const QString &timestamp,
                       const QString &userId = QStringLiteral("enumerator-1"),
                       const std::optional<QJsonObject> &context = std::nullopt)
{
    core::Result<Event> event =
        Event::make(guid, entityGuid, type, data, timestamp, userId, std::nullopt, context);
    if (!event)
        qFatal("makeEvent(%s): %s", qPrintable(guid), qPrintable(event.error().message));
    return *std::move(event);
}

// Events one after another: guids e-001, e-002, ... and timestamps one second apart.
class EventSequence {
public:
    explicit EventSequence(QString prefix = QStringLiteral("e-"))
        : m_prefix(std::move(prefix))
    {
    }

    Event next(const QString &type, const QString &entityGuid, const QJsonObject &data = {},
               const std::optional<QJsonObject> &context = std::nullopt)
    {
        ++m_count;
        return makeEvent(m_prefix + QString::number(m_count).rightJustified(3, u'0'), entityGuid, type, data,
                         timestampAt(m_count), QStringLiteral("enumerator-1"), context);
    }
    // The timestamp the last next() used.
    [[nodiscard]] QString lastTimestamp() const { return timestampAt(m_count); }

private:
    QString m_prefix;
    qint64 m_count = 0;
};

// A seeded generator of random but plausible histories: households with members, updates,
// membership moves, splits, removals, deletions and duplicates resolution, plus the odd
// malformed or unexpected event (unknown types, member entries without guid, events on
// deleted or mismatched entities). Entity guids come from small pools so that many events
// share them; about one event in eight is "late" (an older timestamp than the events logged
// before it), some share a timestamp, and some are written with a non-UTC offset. Event guids
// are random, so canonical order differs from log order.
//
// The same seed always gives the same history (within one build: std::uniform_*_distribution
// is library-defined).
class HistoryGenerator {
public:
    struct Options {
        int minEvents = 10;
        int maxEvents = 60;
        int households = 6;
        int individuals = 18;
    };

    explicit HistoryGenerator(std::uint64_t seed)
        : HistoryGenerator(seed, Options{})
    {
    }
    HistoryGenerator(std::uint64_t seed, Options options)
        : m_rng(seed)
        , m_options(options)
    {
    }

    std::mt19937_64 &rng() { return m_rng; }

    // One history, in log order.
    std::vector<Event> generate()
    {
        std::vector<Event> events;
        const int count = uniform(m_options.minEvents, m_options.maxEvents);
        events.reserve(static_cast<size_t>(count));
        qint64 clockMs = 0;
        for (int i = 0; i < count; ++i) {
            clockMs += uniform(0, 4) == 0 ? 0 : uniform(1, 90'000); // some share a timestamp
            qint64 whenMs = clockMs;
            if (uniform(0, 7) == 0)
                whenMs -= uniform(1, 3'600'000); // late: recorded earlier, logged now
            events.push_back(makeRandomEvent(i, whenMs));
        }
        return events;
    }

private:
    int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_rng); }
    bool chance(int percent) { return uniform(1, 100) <= percent; }

    QString household() { return QStringLiteral("hh-%1").arg(uniform(1, m_options.households)); }
    QString person() { return QStringLiteral("p-%1").arg(uniform(1, m_options.individuals)); }
    QString anyEntity() { return chance(40) ? household() : person(); }

    QString randomGuid(int index)
    {
        static constexpr char16_t kHex[] = u"0123456789abcdef";
        QString guid;
        for (int i = 0; i < 8; ++i)
            guid.append(QChar(kHex[uniform(0, 15)]));
        // A few non-ASCII guids exercise byte-wise (UTF-8) ordering.
        if (chance(5))
            guid.prepend(chance(50) ? QStringLiteral("é") : QString(QChar(0xFF5E)));
        return guid + u'-' + QString::number(index);
    }

    QString timestamp(qint64 offsetMs)
    {
        const QDateTime utc = testEpoch().addMSecs(offsetMs);
        if (chance(85))
            return core::formatUtcMillis(utc);
        // Same instant, written with an offset: ordering must use the instant, not the text.
        // Whole hours from -12:00 to +13:00, sometimes with a half hour (QTimeZone allows ±14:00).
        const int offsetMinutes = uniform(-12, 13) * 60 + (chance(20) ? 30 : 0);
        const QDateTime local = utc.toTimeZone(QTimeZone(offsetMinutes * 60));
        return local.toString(Qt::ISODateWithMs);
    }

    QJsonValue randomValue()
    {
        switch (uniform(0, 5)) {
        case 0:
            return QJsonValue(QJsonValue::Null);
        case 1:
            return uniform(0, 99);
        case 2:
            return chance(50);
        case 3:
            return QJsonObject{{QStringLiteral("village"), QStringLiteral("V%1").arg(uniform(1, 4))}};
        case 4:
            return QJsonArray{uniform(0, 9), QStringLiteral("x")};
        default:
            return QStringLiteral("value-%1").arg(uniform(0, 20));
        }
    }

    QJsonObject randomFields()
    {
        static const QStringList kFields{QStringLiteral("name"),  QStringLiteral("age"),
                                         QStringLiteral("phone"), QStringLiteral("status"),
                                         QStringLiteral("notes"), QStringLiteral("address")};
        QJsonObject fields;
        const int count = uniform(0, 3);
        for (int i = 0; i < count; ++i)
            fields.insert(kFields.at(uniform(0, static_cast<int>(kFields.size()) - 1)), randomValue());
        return fields;
    }

    QJsonObject memberEntry(int depth)
    {
        QJsonObject entry = randomFields();
        if (chance(4))
            return entry; // no guid: member-without-guid
        const bool group = depth < 2 && chance(15);
        entry.insert(QStringLiteral("guid"), group ? household() : person());
        if (group) {
            entry.insert(QStringLiteral("type"), QStringLiteral("group"));
            if (chance(60))
                entry.insert(QStringLiteral("members"), memberEntries(depth + 1));
        } else if (chance(30)) {
            entry.insert(QStringLiteral("type"), QStringLiteral("individual"));
        }
        return entry;
    }

    QJsonArray memberEntries(int depth = 0)
    {
        QJsonArray entries;
        const int count = uniform(1, 4);
        for (int i = 0; i < count; ++i)
            entries.append(memberEntry(depth));
        return entries;
    }

    QJsonArray someIds(int low, int high)
    {
        QJsonArray ids;
        const int count = uniform(low, high);
        for (int i = 0; i < count; ++i)
            ids.append(person());
        return ids;
    }

    Event makeRandomEvent(int index, qint64 whenMs)
    {
        QString type;
        QString target;
        QJsonObject data;
        std::optional<QJsonObject> context;
        switch (uniform(0, 15)) {
        case 0:
        case 1:
            type = QStringLiteral("create-group");
            target = household();
            data = randomFields();
            if (chance(80))
                data.insert(QStringLiteral("members"), memberEntries());
            break;
        case 2:
            type = QStringLiteral("create-individual");
            target = person();
            data = randomFields();
            break;
        case 3:
        case 4:
            type = QStringLiteral("update-individual");
            target = chance(90) ? person() : household(); // sometimes a type mismatch
            data = randomFields();
            break;
        case 5:
            type = QStringLiteral("update-group");
            target = chance(90) ? household() : person();
            data = randomFields();
            if (chance(30))
                data.insert(QStringLiteral("members"), memberEntries());
            break;
        case 6:
        case 7:
            type = QStringLiteral("add-member");
            target = household();
            data.insert(QStringLiteral("members"), memberEntries());
            break;
        case 8:
            type = QStringLiteral("remove-member");
            target = household();
            if (chance(50))
                data.insert(QStringLiteral("memberId"), person());
            else
                data.insert(QStringLiteral("memberIds"), someIds(1, 3));
            data.insert(QStringLiteral("reason"),
                        chance(50) ? QStringLiteral("left") : QStringLiteral("deceased"));
            context = QJsonObject{{QStringLiteral("reason"), QStringLiteral("household visit")}};
            break;
        case 9:
        case 10:
            type = QStringLiteral("transfer-member");
            target = household();
            data.insert(QStringLiteral("memberId"), person());
            data.insert(QStringLiteral("toGroupGuid"), household());
            break;
        case 11:
            type = QStringLiteral("split-household");
            target = household();
            data.insert(QStringLiteral("memberIds"), someIds(1, 3));
            data.insert(QStringLiteral("newGroupGuid"), household());
            data.insert(QStringLiteral("newGroupData"), randomFields());
            if (chance(50))
                data.insert(QStringLiteral("headId"), person());
            break;
        case 12:
        case 13:
            type = QStringLiteral("delete-entity");
            target = chance(95) ? anyEntity() : QStringLiteral("ghost-%1").arg(uniform(1, 3));
            if (chance(30))
                context = QJsonObject{{QStringLiteral("reason"), QStringLiteral("data-correction")}};
            break;
        case 14:
            type = QStringLiteral("resolve-duplicate");
            target = person();
            data.insert(QStringLiteral("duplicates"),
                        QJsonArray{QJsonObject{{QStringLiteral("entityGuid"), target},
                                               {QStringLiteral("duplicateGuid"), person()}}});
            if (chance(30))
                data.insert(QStringLiteral("shouldDelete"), true);
            break;
        default:
            type = QStringLiteral("assign-case-worker"); // no applier: unknown-type
            target = anyEntity();
            data.insert(QStringLiteral("caseWorkerId"), QStringLiteral("cw-%1").arg(uniform(1, 3)));
            break;
        }
        return makeEvent(randomGuid(index), target, type, data, timestamp(whenMs),
                         QStringLiteral("user-%1").arg(uniform(1, 3)), context);
    }

    std::mt19937_64 m_rng;
    Options m_options;
};

} // namespace fieldledger::testing
