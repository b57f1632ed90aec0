#pragma once

#include "core/domain/applier.h"
#include "core/domain/entity.h"

#include <QJsonObject>

#include <optional>

namespace fieldledger::core {

// The `changes` of an audit-trail entry (EVENTS.md §4): what one event did to one entity.
//
//   {"name":      {"old": "Ana", "new": "Ana Maria"},   a data field that changed
//    "phone":     {"new": "555-0101"},                   a data field the event added
//    "nickname":  {"old": "Ani"},                        a data field that went away
//    "note":      {"old": "x", "new": null},             null is a value like any other
//    "deleted":   {"old": false, "new": true},           the tombstone flag, when it flips
//    "memberIds": {"added": ["p-3"], "removed": ["p-1"]}}
//
// - "absent" vs JSON null: a side where the field does not exist has no `old` / `new` key at
//   all; a field holding JSON null has the key with the value null.
// - Fields whose values are equal are left out, so an event that merged nothing new gives {}.
// - `before` nullopt means the event created the entity: every field shows as added, and
//   `deleted` appears only if the entity was created deleted. Its type is not reported.
// - `memberIds` (groups only) has `added` (in the order of the new list) and `removed` (in
//   the order of the old one), each only when non-empty.
// - The entity-level keys `deleted` and `memberIds` share the object with data fields, so a
//   data field named "deleted" or "memberIds", or whose name starts with "data.", is reported
//   as "data." + its name ("data.deleted"). Every other data field keeps its own name.
[[nodiscard]] QJsonObject diffEntities(const std::optional<Entity> &before, const Entity &after);

// The key diffEntities() reports a data field under.
[[nodiscard]] QString auditFieldKey(const QString &dataField);

// One audit-trail entry (EVENTS.md §4) for `change`, made by `event` held at log sequence
// `seq`: {seq, eventGuid, type, timestamp, userId, reason?, changes}. `reason` is the event's
// context.reason, present only when that is a string.
[[nodiscard]] QJsonObject auditEntry(qint64 seq, const Event &event, const EntityChange &change);

} // namespace fieldledger::core
