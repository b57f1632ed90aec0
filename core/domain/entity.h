#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace fieldledger::core {

// What an entity is (EVENTS.md §2). A household is a Group.
enum class EntityType { Individual, Group };

// "individual" / "group".
[[nodiscard]] QString entityTypeName(EntityType type);
// The inverse of entityTypeName; nullopt for any other text.
[[nodiscard]] std::optional<EntityType> entityTypeFromName(QStringView name);

// One projected entity: a pure function of the events that changed it (EVENTS.md §2).
//
// `version` counts the events that changed it (1 after the creating event), `lastUpdated` is
// the timestamp of the last of them, `deleted` marks a tombstone. Only groups carry
// `memberIds` (insertion order, no duplicates); an individual's list is always empty.
struct Entity {
    QString guid;
    EntityType type = EntityType::Individual;
    int version = 0;
    QJsonObject data;
    QStringList memberIds;
    QString lastUpdated;
    bool deleted = false;

    [[nodiscard]] bool isGroup() const { return type == EntityType::Group; }

    // Exactly the members of EVENTS.md §2: guid, type, version, data, lastUpdated, deleted,
    // and memberIds for groups only.
    [[nodiscard]] QJsonObject toJson() const;
    // RFC 8785 (JCS) bytes of toJson() (core/events/canonicaljson.h): equal entities give
    // byte-identical output. Entities built from accepted events always canonicalize (their
    // values come from events, whose canonical form exists); should one not, the result is
    // Qt's compact JSON rather than nothing.
    [[nodiscard]] QByteArray canonicalJson() const;
    // Reads what toJson() writes. Refuses missing or mistyped members, an unknown type,
    // memberIds on an individual, duplicate member ids and unknown top-level members.
    [[nodiscard]] static Result<Entity> fromJson(const QJsonObject &json);

    friend bool operator==(const Entity &, const Entity &) = default;
};

} // namespace fieldledger::core
