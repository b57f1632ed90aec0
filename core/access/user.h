#pragma once

#include "core/common/result.h"

#include <QString>

namespace fieldledger::core {

enum class Role { Enumerator, Supervisor, Administrator };

[[nodiscard]] QString roleName(Role role);
[[nodiscard]] Result<Role> roleFromName(const QString &name);
// "Enumerator", "Supervisor", "Administrator": for people, not for storage.
[[nodiscard]] QString roleDisplayName(Role role);

struct User {
    QString id;          // stable id, also the key slot's user id
    QString displayName; // as people see it
    Role role = Role::Enumerator;
    bool active = true;
};

// A user id is what people type at the unlock prompt: short, no spaces, no surprises.
[[nodiscard]] Status validateUserId(const QString &id);

} // namespace fieldledger::core
