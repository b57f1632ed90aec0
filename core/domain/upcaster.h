#pragma once

#include "core/common/result.h"
#include "core/events/event.h"

#include <QHash>
#include <QString>

#include <functional>

namespace fieldledger::core {

// Schema evolution of event payloads (EVENTS.md §3, "Versioning"). An upcaster for
// (type, version v) turns an event of that type written at schema version v into the same
// event at version v + 1 (it may rename the type too). upcast() applies the chain until no
// upcaster is registered for the event's (type, version): the event then has the current
// schema. It works on a copy: the stored event, its bytes and the integrity log's hash of
// them never change; the store upcasts each event on read, before applying it.
//
// An upcaster, like an applier, is a deterministic function of the event alone.
class UpcasterRegistry final {
public:
    // Mutates the event from version v into version v + 1. The registry sets `version`
    // afterwards; the upcaster need not touch it.
    using Upcaster = std::function<void(Event &event)>;

    // Refuses (InvalidArgument) an invalid type, fromVersion < 1 or a null function, and
    // (Conflict) a second upcaster for the same (type, fromVersion).
    [[nodiscard]] Status add(const QString &type, int fromVersion, Upcaster upcaster);

    [[nodiscard]] bool isEmpty() const { return m_upcasters.isEmpty(); }
    // Whether upcast() would change this event.
    [[nodiscard]] bool needsUpcast(const Event &event) const;
    // The version upcast() brings an event of this type at `version` to.
    [[nodiscard]] int currentVersion(const QString &type, int version = 1) const;

    // The event in its current schema. An event whose version is absent counts as version 1;
    // the result carries its version explicitly whenever an upcaster ran.
    [[nodiscard]] Event upcast(Event event) const;

    // The version an event declares: its `version`, or 1 when absent.
    [[nodiscard]] static int versionOf(const Event &event);

private:
    struct Key {
        QString type;
        int version = 1;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.type, key.version);
        }
    };

    QHash<Key, Upcaster> m_upcasters;
};

} // namespace fieldledger::core
