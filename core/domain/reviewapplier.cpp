#include "core/domain/reviewapplier.h"

#include "core/domain/applierregistry.h"
#include "core/domain/builtinappliers.h"

using namespace Qt::StringLiterals;

namespace fieldledger::core::review {

namespace {

QString trimmedString(const QJsonObject &object, const QString &key)
{
    return object.value(key).toString().trimmed();
}

} // namespace

void applyReviewHousehold(ApplyContext &context)
{
    const Event &event = context.event();
    const builtin::Target target = builtin::prepareTarget(context, EntityType::Group);
    if (!target.matches)
        return;

    const QString decision = trimmedString(event.data, u"decision"_s);
    const QString comment = trimmedString(event.data, u"comment"_s);
    const QString reason = trimmedString(event.data, u"reason"_s);
    const bool valid = (decision == Approved) || (decision == Flagged && !comment.isEmpty()) ||
                       (decision == Rejected && !reason.isEmpty());
    if (!valid)
        return; // the target changed, so any earlier review is now stale

    QJsonObject record{
        {u"decision"_s, decision},
        {u"reviewedBy"_s, event.userId},
        {u"reviewedAt"_s, event.timestamp},
        {u"eventGuid"_s, event.guid},
        // finish() moves the version by one: the version this event leaves behind.
        {u"atVersion"_s, target.entity->version + 1},
    };
    if (!comment.isEmpty())
        record.insert(u"comment"_s, comment);
    if (!reason.isEmpty())
        record.insert(u"reason"_s, reason);
    const QString reviewed = trimmedString(event.data, u"reviewedEventGuid"_s);
    if (!reviewed.isEmpty())
        record.insert(u"reviewedEventGuid"_s, reviewed);
    target.entity->data.insert(ReviewField.toString(), record);
}

void registerReviewAppliers(ApplierRegistry &registry)
{
    registry.replace(ReviewHousehold.toString(), &applyReviewHousehold);
}

} // namespace fieldledger::core::review
