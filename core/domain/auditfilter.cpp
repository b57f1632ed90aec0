#include "core/domain/auditfilter.h"

#include "core/events/timestamp.h"
#include "core/storage/householdindex.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

bool containsFolded(const QString &text, const QString &foldedNeedle)
{
    return !text.isEmpty() && foldForSearch(text).contains(foldedNeedle);
}

bool searchMatches(const QJsonObject &changes, const QString &needle, const AuditFilter::MemberLabel &label)
{
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const QJsonObject change = it.value().toObject();
        if (it.key() == u"memberIds") {
            for (const QString &side : {u"added"_s, u"removed"_s}) {
                for (const QJsonValue &member : change.value(side).toArray()) {
                    const QString guid = member.toString();
                    if (containsFolded(guid, needle) || (label && containsFolded(label(guid), needle)))
                        return true;
                }
            }
            continue;
        }
        for (const QString &side : {u"old"_s, u"new"_s}) {
            if (containsFolded(auditValueText(change.value(side)), needle))
                return true;
        }
    }
    return false;
}

} // namespace

bool AuditFilter::isEmpty() const
{
    return userId.isEmpty() && eventType.isEmpty() && !fromNs && !toNs && search.trimmed().isEmpty();
}

bool AuditFilter::matches(const QJsonObject &entry, const MemberLabel &memberLabel) const
{
    if (!userId.isEmpty() && entry.value(u"userId"_s).toString() != userId)
        return false;
    if (!eventType.isEmpty() && entry.value(u"type"_s).toString() != eventType)
        return false;
    if (fromNs || toNs) {
        const auto instant = Timestamp::parseInstantNs(entry.value(u"timestamp"_s).toString());
        if (!instant || (fromNs && *instant < *fromNs) || (toNs && *instant >= *toNs))
            return false;
    }
    const QString needle = foldForSearch(search);
    if (!needle.isEmpty() && !searchMatches(entry.value(u"changes"_s).toObject(), needle, memberLabel))
        return false;
    return true;
}

QString auditValueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        // As JSON writes it (no exponent for integers, shortest round-trip otherwise).
        const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.mid(1, json.size() - 2));
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace fieldledger::core
