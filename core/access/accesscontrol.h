#pragma once

#include "core/access/user.h"
#include "core/common/result.h"

#include <QSqlDatabase>
#include <QString>

namespace fieldledger::core {

// What a user asks to do. Every query and command of the ledger names one.
enum class Action {
    ReadEntity,   // one entity, its history, its time travel
    ListEntities, // the registry's entities (enumerators get only theirs)
    ReadLog,      // the event log, anomalies, stats, proofs
    Submit,       // a command on one entity
    Import,       // events from elsewhere
    Replay,       // rebuild projections
    Verify,       // integrity check, checkpoints
    Export,       // data leaves the registry
    ManageUsers,  // add/remove users, reset passphrases
    Review,       // approve, flag, reject, correct
};

[[nodiscard]] QString actionName(Action action);

// The one permission check (EVENTS/ARCHITECTURE: access control in core).
// Enumerators see and change only households they registered or were assigned, and the
// members of those; supervisors see and change everything; administrators also manage users.
class AccessControl final {
public:
    explicit AccessControl(QSqlDatabase db)
        : m_db(std::move(db))
    {
    }

    // entityGuid: the entity the action is about, when there is one. For an entity that does
    // not exist yet (a new household), an enumerator may submit.
    [[nodiscard]] Status check(const User &user, Action action, const QString &entityGuid = {}) const;

    // Whether an enumerator may see this entity: they created it or were assigned it, or it is
    // a member of a group they may see.
    [[nodiscard]] Result<bool> canSee(const User &user, const QString &entityGuid) const;

    // SQL condition on an `entities` row aliased `e` restricting a listing to what the user may
    // see (bind :viewer to the user id); "1" for supervisors and administrators.
    [[nodiscard]] static QString visibilityCondition(const User &user);

private:
    QSqlDatabase m_db;
};

} // namespace fieldledger::core
