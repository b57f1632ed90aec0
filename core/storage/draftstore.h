#pragma once

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/forms/formdefinition.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace fieldledger::core {

class Registry;

// An unfinished form, kept inside the encrypted registry (table drafts) so that nothing typed is
// lost: a crash, a lock or closing the window leaves it there, to the last save.
struct Draft {
    QString id;     // empty: save() makes one
    QString userId; // whose draft it is: always the acting user
    QString formId;
    QString formVersion;
    QString entityGuid;  // the household or member an edit form is about; empty for a new one
    QString title;       // what the Drafts page lists ("Diallo, Kalo")
    QJsonObject body;    // the form's values: formValuesToJson(state.values())
    QDateTime createdAt; // UTC; set by the first save
    QDateTime updatedAt; // UTC; set by every save, from the clock

    friend bool operator==(const Draft &, const Draft &) = default;
};

// The acting user's drafts. A user sees, resumes and discards only their own drafts, whatever
// their role: a draft is not yet data, it is someone's unfinished work. Submitting a form with
// Command::draftId removes its draft in the event's transaction (Ledger::submit).
class DraftStore final {
public:
    DraftStore(Registry &registry, const Clock &clock, IdGenerator &ids);

    // Inserts or replaces the draft (by id; a new id when empty) as the acting user's, with
    // updatedAt = the clock's now and createdAt kept from the first save. One statement, committed
    // when it returns. Refused: a draft of another user (PermissionDenied), a read-only registry.
    [[nodiscard]] Result<Draft> save(Draft draft);
    // The user's drafts, most recently saved first. Only the acting user's own: any other userId
    // is PermissionDenied.
    [[nodiscard]] Result<std::vector<Draft>> list(const QString &userId) const;
    // The acting user's draft with this id; nullopt when there is none (another user's drafts
    // are not there for them).
    [[nodiscard]] Result<std::optional<Draft>> load(const QString &id) const;
    // Removes the acting user's draft; NotFound when they have none with this id.
    [[nodiscard]] Status discard(const QString &id);

private:
    [[nodiscard]] Status requireUser() const;

    Registry &m_registry;
    const Clock &m_clock;
    IdGenerator &m_ids;
};

// A form's values as JSON, and back, exactly: {"guid": "...", "values": {"name": value, ...},
// "repeats": {"members": [{"guid": ..., "values": {...}, "repeats": {...}}, ...]}}. Nulls (cleared
// answers), arrays (select_multiple), objects (geopoints), numbers and repeat instances with their
// guids survive the round trip; empty members are left out. An undefined value is an unanswered
// field and is left out, as if absent.
[[nodiscard]] QJsonObject formValuesToJson(const FormValues &values);
// Refuses (ErrorCode::Corrupt) anything formValuesToJson does not write.
[[nodiscard]] Result<FormValues> formValuesFromJson(const QJsonObject &json);

} // namespace fieldledger::core
