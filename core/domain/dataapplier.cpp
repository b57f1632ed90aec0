#include "core/domain/dataapplier.h"

#include "core/domain/applierregistry.h"
#include "core/domain/builtinappliers.h"

using namespace Qt::StringLiterals;

namespace fieldledger::core {

namespace {

Error descriptionError(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, u"data-defined applier: "_s + message};
}

} // namespace

Result<std::unique_ptr<DataApplier>> DataApplier::fromJson(const QJsonObject &description)
{
    for (auto it = description.constBegin(); it != description.constEnd(); ++it) {
        const QString key = it.key();
        if (key != u"type" && key != u"entityType" && key != u"set")
            return std::unexpected(
                descriptionError(u"unknown member \"%1\" (allowed: type, entityType, set)"_s.arg(key)));
    }

    std::unique_ptr<DataApplier> applier(new DataApplier);
    applier->m_description = description;

    const QJsonValue type = description.value(u"type"_s);
    if (!type.isString() || !ApplierRegistry::isValidType(type.toString()))
        return std::unexpected(descriptionError(
            u"\"type\" must be an event type, lower-case words joined by '-' (e.g. household-income-updated)"_s));
    applier->m_type = type.toString();

    const QJsonValue entityType = description.value(u"entityType"_s);
    const std::optional<EntityType> parsedType = entityTypeFromName(entityType.toString());
    if (!entityType.isString() || !parsedType)
        return std::unexpected(descriptionError(
            u"%1: \"entityType\" must be \"individual\" or \"group\""_s.arg(applier->m_type)));
    applier->m_entityType = *parsedType;

    const QJsonValue set = description.value(u"set"_s);
    if (!set.isObject() || set.toObject().isEmpty())
        return std::unexpected(descriptionError(
            u"%1: \"set\" must be an object naming at least one field"_s.arg(applier->m_type)));

    const QJsonObject fields = set.toObject();
    applier->m_assignments.reserve(static_cast<size_t>(fields.size()));
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        Assignment assignment;
        assignment.field = it.key();
        if (assignment.field.isEmpty())
            return std::unexpected(
                descriptionError(u"%1: a field name in \"set\" is empty"_s.arg(applier->m_type)));
        const QJsonValue value = it.value();
        const QString text = value.toString();
        if (!value.isString() || !text.startsWith(u'$')) {
            assignment.literal = value;
        } else if (text.startsWith(u"$$")) {
            assignment.literal = text.mid(1);
        } else if (text == u"$userId") {
            assignment.source = Source::UserId;
        } else if (text == u"$timestamp") {
            assignment.source = Source::Timestamp;
        } else if (text == u"$eventGuid") {
            assignment.source = Source::EventGuid;
        } else if (text.startsWith(u"$data.")) {
            assignment.source = Source::DataPath;
            assignment.path = text.mid(6).split(u'.');
            if (assignment.path.contains(QString()))
                return std::unexpected(
                    descriptionError(u"%1: field \"%2\": \"%3\" has an empty path step"_s.arg(
                        applier->m_type, assignment.field, text)));
        } else {
            return std::unexpected(descriptionError(
                u"%1: field \"%2\": unknown reference \"%3\" (use $data.<path>, $userId, $timestamp, "
                "$eventGuid, or $$ for a literal $)"_s.arg(applier->m_type, assignment.field, text)));
        }
        applier->m_assignments.push_back(std::move(assignment));
    }
    return applier;
}

void DataApplier::apply(ApplyContext &context) const
{
    const Event &event = context.event();
    Entity &target = *builtin::prepareTarget(context, m_entityType).entity;
    for (const Assignment &assignment : m_assignments) {
        switch (assignment.source) {
        case Source::Literal:
            target.data.insert(assignment.field, assignment.literal);
            break;
        case Source::UserId:
            target.data.insert(assignment.field, event.userId);
            break;
        case Source::Timestamp:
            target.data.insert(assignment.field, event.timestamp);
            break;
        case Source::EventGuid:
            target.data.insert(assignment.field, event.guid);
            break;
        case Source::DataPath: {
            QJsonValue value = event.data;
            for (const QString &step : assignment.path) {
                if (!value.isObject()) {
                    value = QJsonValue(QJsonValue::Undefined);
                    break;
                }
                value = value.toObject().value(step);
            }
            if (!value.isUndefined())
                target.data.insert(assignment.field, value);
            break;
        }
        }
    }
}

Status registerDataApplier(ApplierRegistry &registry, const QJsonObject &description)
{
    Result<std::unique_ptr<DataApplier>> applier = DataApplier::fromJson(description);
    if (!applier)
        return std::unexpected(applier.error());
    const QString type = (*applier)->type();
    return registry.add(type, *std::move(applier));
}

} // namespace fieldledger::core
