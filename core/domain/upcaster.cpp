#include "core/domain/upcaster.h"

#include "core/domain/applierregistry.h"

using namespace Qt::StringLiterals;

namespace fieldledger::core {

Status UpcasterRegistry::add(const QString &type, int fromVersion, Upcaster upcaster)
{
    if (!ApplierRegistry::isValidType(type))
        return fail(ErrorCode::InvalidArgument, u"upcaster: \"%1\" is not an event type"_s.arg(type));
    if (fromVersion < 1)
        return fail(ErrorCode::InvalidArgument,
                    u"upcaster for %1: versions start at 1, not %2"_s.arg(type).arg(fromVersion));
    if (!upcaster)
        return fail(ErrorCode::InvalidArgument,
                    u"upcaster for %1 v%2: no function given"_s.arg(type).arg(fromVersion));
    const Key key{type, fromVersion};
    if (m_upcasters.contains(key))
        return fail(ErrorCode::Conflict,
                    u"an upcaster for %1 v%2 is already registered"_s.arg(type).arg(fromVersion));
    m_upcasters.insert(key, std::move(upcaster));
    return {};
}

int UpcasterRegistry::versionOf(const Event &event)
{
    return event.version.value_or(1);
}

bool UpcasterRegistry::needsUpcast(const Event &event) const
{
    return !m_upcasters.isEmpty() && m_upcasters.contains(Key{event.type, versionOf(event)});
}

int UpcasterRegistry::currentVersion(const QString &type, int version) const
{
    while (m_upcasters.contains(Key{type, version}))
        ++version;
    return version;
}

Event UpcasterRegistry::upcast(Event event) const
{
    if (m_upcasters.isEmpty())
        return event;
    // The version grows by one per step, so the chain ends (at most one step per upcaster).
    for (;;) {
        const int version = versionOf(event);
        const auto it = m_upcasters.constFind(Key{event.type, version});
        if (it == m_upcasters.constEnd())
            return event;
        (*it)(event);
        event.version = version + 1;
    }
}

} // namespace fieldledger::core
