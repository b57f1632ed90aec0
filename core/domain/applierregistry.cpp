#include "core/domain/applierregistry.h"

#include "core/domain/builtinappliers.h"
#include "core/domain/reviewapplier.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

ApplierRegistry ApplierRegistry::withBuiltins()
{
    ApplierRegistry registry;
    registerBuiltinAppliers(registry);
    review::registerReviewAppliers(registry);
    return registry;
}

bool ApplierRegistry::isValidType(QStringView type)
{
    // Words of [a-z0-9] joined by single '-': no leading, trailing or doubled '-'.
    if (type.isEmpty() || type.front() == u'-' || type.back() == u'-')
        return false;
    QChar previous;
    for (const QChar c : type) {
        const char16_t u = c.unicode();
        const bool word = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9');
        if (!word && !(u == u'-' && previous != u'-'))
            return false;
        previous = c;
    }
    return true;
}

Status ApplierRegistry::add(const QString &type, std::unique_ptr<Applier> applier)
{
    if (!isValidType(type))
        return fail(ErrorCode::InvalidArgument,
                    u"\"%1\" is not an event type (lower-case words joined by '-')"_s.arg(type));
    if (!applier)
        return fail(ErrorCode::InvalidArgument, u"no applier given for %1"_s.arg(type));
    if (m_appliers.contains(type))
        return fail(ErrorCode::Conflict, u"an applier for %1 is already registered"_s.arg(type));
    m_appliers.insert(type, std::shared_ptr<const Applier>(std::move(applier)));
    return {};
}

Status ApplierRegistry::add(const QString &type, FunctionApplier::Function function)
{
    if (!function)
        return fail(ErrorCode::InvalidArgument, u"no applier given for %1"_s.arg(type));
    return add(type, std::make_unique<FunctionApplier>(std::move(function)));
}

void ApplierRegistry::replace(const QString &type, std::unique_ptr<Applier> applier)
{
    Q_ASSERT(isValidType(type));
    if (!applier) {
        remove(type);
        return;
    }
    m_appliers.insert(type, std::shared_ptr<const Applier>(std::move(applier)));
}

void ApplierRegistry::replace(const QString &type, FunctionApplier::Function function)
{
    replace(type, function ? std::make_unique<FunctionApplier>(std::move(function)) : nullptr);
}

bool ApplierRegistry::remove(const QString &type)
{
    return m_appliers.remove(type);
}

const Applier *ApplierRegistry::find(const QString &type) const
{
    const auto it = m_appliers.constFind(type);
    return it == m_appliers.constEnd() ? nullptr : it->get();
}

QStringList ApplierRegistry::types() const
{
    QStringList types = m_appliers.keys();
    std::sort(types.begin(), types.end());
    return types;
}

ApplyOutcome ApplierRegistry::apply(const Event &event, World &world) const
{
    ApplyContext context(event, world);
    if (const Applier *applier = find(event.type)) {
        applier->apply(context);
    } else {
        context.anomaly(
            AnomalyKind::UnknownType, event.entityGuid,
            u"no applier for event type %1; the event changes nothing until one is registered"_s.arg(
                event.type));
    }
    return context.finish();
}

} // namespace fieldledger::core
