#pragma once

#include "core/domain/applier.h"

#include <QJsonValue>
#include <QString>

namespace fieldledger::core {

class ApplierRegistry;

// Registers every built-in event type of EVENTS.md §3 (the one place that knows them).
void registerBuiltinAppliers(ApplierRegistry &registry);

// The built-in appliers, one function per event type (EVENTS.md §3), and the building blocks
// custom appliers share with them.
//
// Decisions where EVENTS.md is silent, so every device decides alike:
// - A group event (create/update-group, add-, remove-, transfer-member, split-household) whose
//   target does not exist creates an empty group first, as add-member does; an individual
//   event (create/update-individual, resolve-duplicate) creates an empty individual.
// - Only create-* and update-* merge `data` into the target. The other types keep their
//   payload (a remove-member `reason`, a transfer's ids) in the event and its audit entry only.
// - On a type mismatch every membership operation of the event is skipped (creating,
//   linking, removing and moving members), not only the target's own list.
// - Linking never lists an entity twice, never lists a group in itself, and links existing
//   entities as they are (tombstones included: EVENTS.md says "link it"). An id that names no
//   entity (transfer-member, split-household) is linked anyway; its entity may arrive later.
// - A payload member of the wrong JSON type (a memberId that is not a string, newGroupData
//   that is not an object, ...) is ignored; the event still changes its target.
namespace builtin {

// The event types, as registered.
inline constexpr QStringView CreateIndividual = u"create-individual";
inline constexpr QStringView UpdateIndividual = u"update-individual";
inline constexpr QStringView CreateGroup = u"create-group";
inline constexpr QStringView UpdateGroup = u"update-group";
inline constexpr QStringView AddMember = u"add-member";
inline constexpr QStringView RemoveMember = u"remove-member";
inline constexpr QStringView TransferMember = u"transfer-member";
inline constexpr QStringView SplitHousehold = u"split-household";
inline constexpr QStringView DeleteEntity = u"delete-entity";
inline constexpr QStringView ResolveDuplicate = u"resolve-duplicate";

// The data member resolve-duplicate records resolved pairs in on its target: an array of
// {"entityGuid","duplicateGuid"} objects, each pair once, in the order first resolved.
inline constexpr QStringView ResolvedDuplicatesField = u"resolvedDuplicates";

// create-individual, update-individual: create or shallow-merge.
void applyIndividual(ApplyContext &context);
// create-group, update-group: create or shallow-merge; data.members as in add-member.
void applyGroup(ApplyContext &context);
void applyAddMember(ApplyContext &context);
void applyRemoveMember(ApplyContext &context);
void applyTransferMember(ApplyContext &context);
void applySplitHousehold(ApplyContext &context);
void applyDeleteEntity(ApplyContext &context);
void applyResolveDuplicate(ApplyContext &context);

// ---- Building blocks (also for custom appliers) ----

// The event's target, changed by this event: created with `expected` type when absent;
// otherwise records `type-mismatch` when its type differs and `target-deleted` when it is a
// tombstone. `matches` is false on a type mismatch: skip membership operations then.
struct Target {
    Entity *entity = nullptr;
    bool created = false;
    bool matches = true;
};
Target prepareTarget(ApplyContext &context, EntityType expected);

// data[k] = v for each member of `fields` (null kept as a value), except `skipKey` if given.
void mergeFields(Entity &entity, const QJsonObject &fields, QStringView skipKey = {});

// add-member's handling of a `members` value for the group `groupGuid`: each entry (an
// object with a string `guid`, optional `type` "group"; anything else means individual) is
// created when absent -- its data being the entry minus guid, type and members, a group
// entry's own members handled recursively -- and linked. An entry without a usable guid
// records `member-without-guid` and is skipped. A non-array value is treated as no entries.
void addMembers(ApplyContext &context, const QString &groupGuid, const QJsonValue &members);

// Appends memberGuid to the group's memberIds unless it is already listed or is the group
// itself; changes the group only when its list grows. Returns whether it grew.
bool linkMember(ApplyContext &context, const QString &groupGuid, const QString &memberGuid);
// Removes memberGuid from the group's memberIds; changes the group only when it was listed.
// Returns whether it was listed.
bool unlinkMember(ApplyContext &context, const QString &groupGuid, const QString &memberGuid);

// delete-entity's cascade from an existing entity: tombstones it (unless it already is one)
// and, depth-first in memberIds order, every live member reachable through live groups; then
// every live group listing an entity tombstoned here drops it. Returns the tombstoned guids.
QStringList tombstone(ApplyContext &context, const QString &guid);

} // namespace builtin
} // namespace fieldledger::core
