#include "ui/households/householdsnapshot.h"

#include "core/domain/ledger.h"

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

QString MemberSnapshot::name() const
{
    return data.value(u"name"_s).toString();
}

QString HouseholdSnapshot::name() const
{
    return data.value(u"name"_s).toString();
}

const MemberSnapshot *HouseholdSnapshot::member(const QString &guid) const
{
    for (const MemberSnapshot &member : members) {
        if (member.guid == guid)
            return &member;
    }
    return nullptr;
}

QString HouseholdSnapshot::headGuid() const
{
    const QString named = data.value(u"headId"_s).toString();
    if (!named.isEmpty() && member(named))
        return named;
    for (const MemberSnapshot &member : members) {
        if (member.data.value(u"relationship"_s).toString() == u"head")
            return member.guid;
    }
    return {};
}

core::Result<std::optional<HouseholdSnapshot>> HouseholdSnapshot::read(core::Ledger &ledger,
                                                                       const QString &guid)
{
    auto entity = ledger.entity(guid);
    if (!entity)
        return std::unexpected(entity.error());
    if (!*entity || !(*entity)->isGroup())
        return std::optional<HouseholdSnapshot>();
    HouseholdSnapshot snapshot;
    snapshot.guid = guid;
    snapshot.data = (*entity)->data;
    snapshot.lastUpdated = (*entity)->lastUpdated;
    snapshot.deleted = (*entity)->deleted;
    for (const QString &memberGuid : std::as_const((*entity)->memberIds)) {
        auto member = ledger.entity(memberGuid);
        if (!member)
            return std::unexpected(member.error());
        if (!*member || (*member)->deleted)
            continue;
        snapshot.members.push_back(MemberSnapshot{memberGuid, (*member)->data, (*member)->lastUpdated});
    }
    return std::optional<HouseholdSnapshot>(std::move(snapshot));
}

} // namespace fieldledger::ui
