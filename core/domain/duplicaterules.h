#pragma once

#include "core/common/result.h"
#include "core/domain/entity.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace fieldledger::core {

// Which registrations count as potential duplicates (issue 6, item 5). Each rule that is on
// gives an entity match keys (matchKeys below); two live entities sharing a key are a pair.
//
// - nameBirthDate: same normalised name and same birth date (individuals);
// - nameAgeBand: same normalised name and same age band of ageBandYears years (individuals);
// - idNumber: same identity number, from the first of idFields that is set (individuals and
//   households, never one with the other);
// - phone: same phone number, its last phoneDigits digits (individuals and households).
//
// Kept in the registry's meta table under "duplicate_rules" as JSON; defaults when absent.
struct DuplicateRules {
    bool nameBirthDate = true;
    bool nameAgeBand = true;
    bool idNumber = true;
    bool phone = true;
    int ageBandYears = 5;
    int phoneDigits = 9;
    QString nameField = QStringLiteral("name");
    // birth_date is the default forms' field; the others are common elsewhere.
    QStringList birthDateFields{QStringLiteral("birth_date"), QStringLiteral("birthDate"),
                                QStringLiteral("dateOfBirth")};
    QString ageField = QStringLiteral("age");
    QStringList idFields{QStringLiteral("idNumber"), QStringLiteral("nationalId")};
    QStringList phoneFields{QStringLiteral("phone"), QStringLiteral("phoneNumber")};

    [[nodiscard]] QJsonObject toJson() const;
    // Members missing from `json` keep their defaults; refuses mistyped members and values
    // out of range (a band of 1 to 100 years, 4 to 15 phone digits).
    [[nodiscard]] static Result<DuplicateRules> fromJson(const QJsonObject &json);

    friend bool operator==(const DuplicateRules &, const DuplicateRules &) = default;
};

// The rule names, as they lead match keys and fill the pairs' `rules`.
namespace duplicaterule {
inline constexpr QStringView NameBirthDate = u"name-birth";
inline constexpr QStringView NameAgeBand = u"name-age";
inline constexpr QStringView IdNumber = u"id";
inline constexpr QStringView Phone = u"phone";
// Households' keys carry this prefix ("household-phone:…"): a household never pairs with a person.
inline constexpr QStringView HouseholdPrefix = u"household-";
} // namespace duplicaterule

// A name as the rules compare it: foldForSearch (case, accents, punctuation) and its words
// sorted, so "Diallo Aïssatou" and "aissatou  DIALLO" are both "aissatou diallo".
[[nodiscard]] QString normalisedName(QStringView name);

// The match keys of `entity` under `rules`, sorted, each once: "<rule>:<value>", e.g.
// "name-birth:aissatou diallo|2001-04-03", "name-age:aissatou diallo|20-24", "id:sn12345",
// "phone:771234567", "household-phone:771234567". A deleted entity has none; a rule whose
// fields are missing or unreadable gives none.
[[nodiscard]] QStringList matchKeys(const Entity &entity, const DuplicateRules &rules);

// The rule of a key: "name-birth" for "name-birth:…", "household-phone" for a household's phone.
[[nodiscard]] QString ruleOfKey(QStringView key);

// The rules kept in the registry (meta "duplicate_rules"), or the defaults.
[[nodiscard]] Result<DuplicateRules> loadDuplicateRules(const QSqlDatabase &db);
// Keeps `rules` in the registry. The duplicate index notices and rebuilds itself on the next
// change it is told of (or at its next install).
[[nodiscard]] Status saveDuplicateRules(const QSqlDatabase &db, const DuplicateRules &rules);

} // namespace fieldledger::core
