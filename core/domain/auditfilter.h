#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <optional>

namespace fieldledger::core {

// Which audit-trail entries (EVENTS.md §4, as Ledger::history() gives them) a supervisor wants
// to see. Every criterion left empty matches everything, so a default AuditFilter keeps all.
//
// - userId, eventType: exact (the entry's `userId`, `type`);
// - from / to: the entry's instant (its `timestamp`, whatever offset it was written with) is in
//   [fromNs, toNs); an entry whose timestamp does not parse is kept out of any date range;
// - search: found in the *values* the event changed — the old and new value of every field
//   change (as auditValueText() writes them) and the members added or removed, by id or by the
//   label memberLabel() gives them (a name). Case, accents and punctuation are ignored
//   (foldForSearch); field names, user and reason are not searched (there are filters for those).
struct AuditFilter {
    QString userId;
    QString eventType;
    std::optional<qint64> fromNs;
    std::optional<qint64> toNs;
    QString search;

    // Turns a member's id into the text a person reads for it (its name); may return "".
    using MemberLabel = std::function<QString(const QString &memberGuid)>;

    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] bool matches(const QJsonObject &entry, const MemberLabel &memberLabel = {}) const;

    friend bool operator==(const AuditFilter &, const AuditFilter &) = default;
};

// How an audit value reads: a string as it is, null as "null", true/false, numbers as JSON
// writes them, objects and arrays as compact JSON; an absent value (QJsonValue::Undefined) "".
[[nodiscard]] QString auditValueText(const QJsonValue &value);

} // namespace fieldledger::core
