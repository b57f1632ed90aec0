#pragma once

#include "core/common/result.h"
#include "core/domain/applier.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace fieldledger::core {

// An applier made of a plain function (what the built-ins and most custom appliers are).
class FunctionApplier final : public Applier {
public:
    using Function = std::function<void(ApplyContext &)>;
    explicit FunctionApplier(Function function)
        : m_function(std::move(function))
    {
    }
    void apply(ApplyContext &context) const override { m_function(context); }

private:
    Function m_function;
};

// Event type -> applier. Built once (registerBuiltinAppliers() plus the custom appliers code
// or form definitions bring), then only read: apply() is const and safe to call from several
// threads as long as nobody registers meanwhile.
//
// Registering or removing an applier changes what events mean: the caller (the store) must
// re-project the events of that type afterwards (EVENTS.md §3).
class ApplierRegistry final {
public:
    ApplierRegistry() = default;
    Q_DISABLE_COPY(ApplierRegistry)
    ApplierRegistry(ApplierRegistry &&) = default;
    ApplierRegistry &operator=(ApplierRegistry &&) = default;

    // A registry holding the built-in appliers.
    [[nodiscard]] static ApplierRegistry withBuiltins();

    // Registers an applier for a type that has none. Refuses (InvalidArgument) a type that is
    // not lower-case words joined by '-' and a null applier, and (Conflict) a type already
    // registered: replacing is explicit.
    [[nodiscard]] Status add(const QString &type, std::unique_ptr<Applier> applier);
    [[nodiscard]] Status add(const QString &type, FunctionApplier::Function function);
    // Registers or replaces; a null applier removes the type's applier. The type must be
    // valid (checked by Q_ASSERT only: this is for code, not for user input).
    void replace(const QString &type, std::unique_ptr<Applier> applier);
    void replace(const QString &type, FunctionApplier::Function function);
    // Forgets a type's applier; returns whether it had one.
    bool remove(const QString &type);

    [[nodiscard]] bool contains(const QString &type) const { return m_appliers.contains(type); }
    [[nodiscard]] const Applier *find(const QString &type) const;
    // Every registered type, sorted.
    [[nodiscard]] QStringList types() const;

    // Applies one event to the world and returns what it changed. An event of a type with no
    // applier changes nothing and reports one `unknown-type` anomaly.
    [[nodiscard]] ApplyOutcome apply(const Event &event, World &world) const;

    // Whether `type` is a well-formed event type: ^[a-z0-9]+(-[a-z0-9]+)*$.
    [[nodiscard]] static bool isValidType(QStringView type);

private:
    QHash<QString, std::shared_ptr<const Applier>> m_appliers;
};

} // namespace fieldledger::core
