#include "core/domain/reviewservice.h"

#include "core/domain/reviewapplier.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

QString reviewDecisionName(ReviewDecision decision)
{
    switch (decision) {
    case ReviewDecision::Approved:
        return review::Approved.toString();
    case ReviewDecision::Flagged:
        return review::Flagged.toString();
    case ReviewDecision::Rejected:
        return review::Rejected.toString();
    }
    return review::Approved.toString();
}

std::optional<ReviewDecision> reviewDecisionFromName(QStringView name)
{
    if (name == review::Approved)
        return ReviewDecision::Approved;
    if (name == review::Flagged)
        return ReviewDecision::Flagged;
    if (name == review::Rejected)
        return ReviewDecision::Rejected;
    return std::nullopt;
}

Result<QString> ReviewService::latestSubmission(const QString &householdGuid) const
{
    QSqlQuery query(m_ledger.registry().database());
    query.prepare(u"SELECT guid FROM events WHERE entity_guid = ? AND type <> ? "
                  "ORDER BY instant_ns DESC, guid DESC LIMIT 1"_s);
    query.bindValue(0, householdGuid);
    query.bindValue(1, review::ReviewHousehold.toString());
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot find the latest submission"_s, query.lastError()));
    return query.next() ? query.value(0).toString() : QString();
}

Result<Command> ReviewService::reviewCommand(const QString &householdGuid, ReviewDecision decision,
                                             const QString &text) const
{
    if (auto ok = m_ledger.access().check(m_ledger.user(), Action::Review, householdGuid); !ok)
        return std::unexpected(ok.error());
    auto entity = m_ledger.entity(householdGuid);
    if (!entity)
        return std::unexpected(entity.error());
    if (!*entity)
        return fail(ErrorCode::NotFound, u"unknown household %1"_s.arg(householdGuid));
    if (!(*entity)->isGroup())
        return fail(ErrorCode::InvalidArgument, u"%1 is an individual, not a household"_s.arg(householdGuid));
    if ((*entity)->deleted)
        return fail(ErrorCode::InvalidArgument, u"%1 has been deleted"_s.arg(householdGuid));

    const QString trimmed = text.trimmed();
    QJsonObject data{{u"decision"_s, reviewDecisionName(decision)}};
    if (decision == ReviewDecision::Flagged) {
        if (trimmed.isEmpty())
            return fail(ErrorCode::InvalidArgument, u"a flag needs a comment"_s);
        data.insert(u"comment"_s, trimmed);
    } else if (decision == ReviewDecision::Rejected) {
        if (trimmed.isEmpty())
            return fail(ErrorCode::InvalidArgument, u"a rejection needs a reason"_s);
        data.insert(u"reason"_s, trimmed);
    }
    auto latest = latestSubmission(householdGuid);
    if (!latest)
        return std::unexpected(latest.error());
    if (!latest->isEmpty())
        data.insert(u"reviewedEventGuid"_s, *latest);

    Command command;
    command.type = review::ReviewHousehold.toString();
    command.entityGuid = householdGuid;
    command.data = data;
    return command;
}

Result<Event> ReviewService::review(const QString &householdGuid, ReviewDecision decision,
                                    const QString &text)
{
    auto command = reviewCommand(householdGuid, decision, text);
    if (!command)
        return std::unexpected(command.error());
    return m_ledger.submit(*command);
}

Result<Command> ReviewService::correctionCommand(const QString &entityGuid, const QString &field,
                                                 const QJsonValue &value, const QString &reason) const
{
    if (auto ok = m_ledger.access().check(m_ledger.user(), Action::Review, entityGuid); !ok)
        return std::unexpected(ok.error());
    const QString name = field.trimmed();
    if (name.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"no field to correct"_s);
    if (name == u"members" || name == review::ReviewField)
        return fail(ErrorCode::InvalidArgument, u"the field %1 cannot be corrected this way"_s.arg(name));
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a correction needs a reason"_s);
    if (value.isUndefined())
        return fail(ErrorCode::InvalidArgument, u"no value given for %1"_s.arg(name));
    auto entity = m_ledger.entity(entityGuid);
    if (!entity)
        return std::unexpected(entity.error());
    if (!*entity)
        return fail(ErrorCode::NotFound, u"unknown entity %1"_s.arg(entityGuid));
    if ((*entity)->deleted)
        return fail(ErrorCode::InvalidArgument, u"%1 has been deleted"_s.arg(entityGuid));

    Command command;
    command.type = (*entity)->isGroup() ? u"update-group"_s : u"update-individual"_s;
    command.entityGuid = entityGuid;
    command.data = QJsonObject{{name, value}};
    command.context = QJsonObject{{u"reason"_s, reason.trimmed()}, {u"source"_s, u"review"_s}};
    return command;
}

Result<Event> ReviewService::correctField(const QString &entityGuid, const QString &field,
                                          const QJsonValue &value, const QString &reason)
{
    auto command = correctionCommand(entityGuid, field, value, reason);
    if (!command)
        return std::unexpected(command.error());
    return m_ledger.submit(*command);
}

} // namespace fieldledger::core
