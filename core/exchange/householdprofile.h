#pragma once

#include "core/common/result.h"
#include "core/domain/entity.h"
#include "core/domain/ledger.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace fieldledger::core {

// One member of a household as a profile lists it. The columns come from the default member
// form's fields (name, sex, birth_date, age, relationship); `dob` is read when birth_date is
// absent.
struct ProfileMember {
    QString guid;
    bool found = false;   // false: listed by the household but not readable (or not existing then)
    bool isGroup = false; // a household nested in this one
    QString name;
    QString sex;
    QString birthDate; // as written ("1990-05-01"), empty when unknown
    QString age;       // as written (a number), empty when unknown
    QString relationship;
    QJsonObject data;
};

// One field an event changed, for the timeline.
struct ProfileChange {
    QString field; // an audit key (EVENTS.md §4): a data field, "deleted" or "memberIds"
    std::optional<QJsonValue> oldValue;
    std::optional<QJsonValue> newValue; // for memberIds: the ids that joined; oldValue those that left
};

// One entry of the household's audit trail.
struct ProfileEvent {
    qint64 seq = -1;
    QString eventGuid;
    QString type;
    QString timestamp;
    QString userId;
    QString reason;
    bool late = false;
    QList<ProfileChange> changes;
};

// Everything a printed household profile shows, so that the paper can be checked against the
// registry later: the household's fields and members, its history, and the log it is part of
// (size and root now, and the household's last event: `log proof <lastEventGuid> --size
// <logSize>` proves it is in that log).
struct HouseholdProfile {
    Entity household;
    QStringList fieldOrder; // data keys in display order: the preferred ones, then the rest sorted
    QList<ProfileMember> members;
    QList<ProfileEvent> timeline; // canonical order; only events up to asOf
    std::optional<qint64> asOfNs;
    quint64 logSize = 0;
    QString rootHex;
    qint64 lastEventSeq = -1; // the highest log sequence among the timeline's events
    QString lastEventGuid;
};

// The profile of household `guid` now or as of an instant. `preferredFields` come first in
// fieldOrder (the household form's fields). Refuses an entity that is not a group
// (InvalidArgument) and one that does not exist (then) or that the user may not read.
[[nodiscard]] Result<HouseholdProfile> householdProfile(Ledger &ledger, const QString &guid,
                                                        std::optional<qint64> asOfNs,
                                                        const QStringList &preferredFields = {});

// A data value as a person reads it: strings as they are, numbers in their shortest form,
// true/false, null and absent as "", arrays and objects as compact JSON.
[[nodiscard]] QString displayText(const QJsonValue &value);

} // namespace fieldledger::core
