#pragma once

#include "core/domain/ledger.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace fieldledger::ui::householdcommands {

// The commands the household screens submit, one event each, in the shapes core's appliers
// take (EVENTS.md §3). Why something happened goes into the event's context as `reason` (the
// audit trail shows it); a free-text note beside it as `note`.

// What a form asks to submit (FormView::submitRequested) for `entityGuid`. `contextKeys` are
// copied from the data into the context too (remove-member: "reason").
[[nodiscard]] core::Command fromForm(const QString &eventType, const QString &entityGuid,
                                     const QJsonObject &data, const QJsonObject &metadata,
                                     const QStringList &contextKeys = {});

// transfer-member: `memberGuid` leaves `household` and joins `toHousehold`.
[[nodiscard]] core::Command transferMember(const QString &household, const QString &memberGuid,
                                           const QString &toHousehold, const QString &reason);

// split-household: `memberGuids` leave `household` for a new household `newHousehold` with
// `newData` (its name, and the location it shares), headed by `headGuid` when given.
[[nodiscard]] core::Command splitHousehold(const QString &household, const QStringList &memberGuids,
                                           const QString &newHousehold, const QJsonObject &newData,
                                           const QString &headGuid);

// update-group setting data.headId: who the household list and the detail show as the head.
[[nodiscard]] core::Command changeHead(const QString &household, const QString &memberGuid);

// delete-entity: the household and its members become tombstones (kept for the audit trail).
[[nodiscard]] core::Command deleteHousehold(const QString &household, const QString &reason,
                                            const QString &note);

// The location a split-off household keeps from the one it leaves: region, district, village
// (and the GPS point, since they share the dwelling until someone records otherwise).
[[nodiscard]] QJsonObject sharedLocation(const QJsonObject &householdData);

} // namespace fieldledger::ui::householdcommands
