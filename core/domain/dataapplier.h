#pragma once

#include "core/common/result.h"
#include "core/domain/applier.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <memory>
#include <vector>

namespace fieldledger::core {

// An applier described by data, so an administrator adds an event type without recompiling
// (EVENTS.md §3, "Custom event types"). A description is a JSON object:
//
//   {"type": "household-income-updated",      // the event type it applies
//    "entityType": "group",                   // "individual" or "group": the target's type
//    "set": {                                 // data fields of the target to set
//      "income": "$data.income",              // a member of the event's data
//      "district": "$data.address.district",  //   ... or of an object inside it (dotted path)
//      "incomeUpdatedBy": "$userId",          // the event's userId
//      "incomeUpdatedAt": "$timestamp",       // the event's timestamp
//      "lastEvent": "$eventGuid",             // the event's guid
//      "source": "literal text",              // any other string is a literal ...
//      "code": "$$7",                         // ... "$$" starts a literal "$": "$7"
//      "verified": true}}                     // ... and so is any non-string JSON value
//
// No other members are allowed. Applying it: the target is created with `entityType` when
// absent; otherwise a type mismatch or a tombstone records its anomaly and the fields are
// set all the same (EVENTS.md §3). A "$data..." path the event does not have leaves that
// field untouched; a JSON null in the event is set as null. The target always changes.
class DataApplier final : public Applier {
public:
    // Validates a description; the error names the member at fault.
    [[nodiscard]] static Result<std::unique_ptr<DataApplier>> fromJson(const QJsonObject &description);

    [[nodiscard]] const QString &type() const { return m_type; }
    [[nodiscard]] EntityType entityType() const { return m_entityType; }
    [[nodiscard]] const QJsonObject &description() const { return m_description; }

    void apply(ApplyContext &context) const override;

private:
    enum class Source { Literal, DataPath, UserId, Timestamp, EventGuid };
    struct Assignment {
        QString field;
        Source source = Source::Literal;
        QJsonValue literal;
        QStringList path; // for DataPath
    };

    DataApplier() = default;

    QString m_type;
    EntityType m_entityType = EntityType::Individual;
    std::vector<Assignment> m_assignments;
    QJsonObject m_description;
};

class ApplierRegistry;

// Validates a description and registers it under its type (refused, like
// ApplierRegistry::add(), when the type already has an applier).
[[nodiscard]] Status registerDataApplier(ApplierRegistry &registry, const QJsonObject &description);

} // namespace fieldledger::core
