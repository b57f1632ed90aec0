#include "core/domain/duplicaterules.h"

#include "core/storage/householdindex.h"
#include "core/storage/sqlerror.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

const QString kMetaKey = u"duplicate_rules"_s;

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

// A JSON member read into `target` when present; false when it has the wrong type.
bool readBool(const QJsonObject &json, const QString &key, bool &target)
{
    const auto it = json.constFind(key);
    if (it == json.constEnd())
        return true;
    if (!it->isBool())
        return false;
    target = it->toBool();
    return true;
}

bool readInt(const QJsonObject &json, const QString &key, int &target)
{
    const auto it = json.constFind(key);
    if (it == json.constEnd())
        return true;
    if (!it->isDouble() || it->toDouble() != std::floor(it->toDouble()))
        return false;
    target = it->toInt();
    return true;
}

bool readString(const QJsonObject &json, const QString &key, QString &target)
{
    const auto it = json.constFind(key);
    if (it == json.constEnd())
        return true;
    if (!it->isString() || it->toString().isEmpty())
        return false;
    target = it->toString();
    return true;
}

bool readStrings(const QJsonObject &json, const QString &key, QStringList &target)
{
    const auto it = json.constFind(key);
    if (it == json.constEnd())
        return true;
    if (!it->isArray())
        return false;
    QStringList list;
    for (const QJsonValue &value : it->toArray()) {
        if (!value.isString() || value.toString().isEmpty())
            return false;
        list.append(value.toString());
    }
    target = list;
    return true;
}

// The text of a field: a string trimmed, a whole number written out; else empty.
QString fieldText(const QJsonObject &data, const QString &field)
{
    const QJsonValue value = data.value(field);
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::isfinite(number) && number == std::floor(number))
            return QString::number(qint64(number));
    }
    return {};
}

QString firstFieldText(const QJsonObject &data, const QStringList &fields)
{
    for (const QString &field : fields) {
        QString text = fieldText(data, field);
        if (!text.isEmpty())
            return text;
    }
    return {};
}

// "2001-04-03" from a date or a date-time in ISO 8601; empty when it is neither.
QString isoDate(const QString &text)
{
    const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

// An age in whole years from a number or a numeric text; -1 when there is none.
int ageOf(const QJsonValue &value)
{
    double age = -1;
    if (value.isDouble()) {
        age = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        age = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return -1;
    }
    if (!std::isfinite(age) || age < 0 || age > 150)
        return -1;
    return int(std::floor(age));
}

} // namespace

QJsonObject DuplicateRules::toJson() const
{
    return QJsonObject{
        {u"nameBirthDate"_s, nameBirthDate},
        {u"nameAgeBand"_s, nameAgeBand},
        {u"idNumber"_s, idNumber},
        {u"phone"_s, phone},
        {u"ageBandYears"_s, ageBandYears},
        {u"phoneDigits"_s, phoneDigits},
        {u"nameField"_s, nameField},
        {u"birthDateFields"_s, toArray(birthDateFields)},
        {u"ageField"_s, ageField},
        {u"idFields"_s, toArray(idFields)},
        {u"phoneFields"_s, toArray(phoneFields)},
    };
}

Result<DuplicateRules> DuplicateRules::fromJson(const QJsonObject &json)
{
    DuplicateRules rules;
    auto refuse = [](const QString &member) {
        return fail(ErrorCode::InvalidArgument, u"duplicate rules: %1 is not valid"_s.arg(member));
    };
    const std::pair<QString, bool *> flags[] = {
        {u"nameBirthDate"_s, &rules.nameBirthDate},
        {u"nameAgeBand"_s, &rules.nameAgeBand},
        {u"idNumber"_s, &rules.idNumber},
        {u"phone"_s, &rules.phone},
    };
    for (const auto &[key, target] : flags) {
        if (!readBool(json, key, *target))
            return refuse(key);
    }
    if (!readInt(json, u"ageBandYears"_s, rules.ageBandYears) || rules.ageBandYears < 1 ||
        rules.ageBandYears > 100)
        return refuse(u"ageBandYears"_s);
    if (!readInt(json, u"phoneDigits"_s, rules.phoneDigits) || rules.phoneDigits < 4 ||
        rules.phoneDigits > 15)
        return refuse(u"phoneDigits"_s);
    if (!readString(json, u"nameField"_s, rules.nameField))
        return refuse(u"nameField"_s);
    if (!readString(json, u"ageField"_s, rules.ageField))
        return refuse(u"ageField"_s);
    const std::pair<QString, QStringList *> lists[] = {
        {u"birthDateFields"_s, &rules.birthDateFields},
        {u"idFields"_s, &rules.idFields},
        {u"phoneFields"_s, &rules.phoneFields},
    };
    for (const auto &[key, target] : lists) {
        if (!readStrings(json, key, *target))
            return refuse(key);
    }
    return rules;
}

QString normalisedName(QStringView name)
{
    QStringList words = foldForSearch(name).split(u' ', Qt::SkipEmptyParts);
    words.sort();
    return words.join(u' ');
}

QString ruleOfKey(QStringView key)
{
    const qsizetype colon = key.indexOf(u':');
    return (colon < 0 ? key : key.left(colon)).toString();
}

QStringList matchKeys(const Entity &entity, const DuplicateRules &rules)
{
    QStringList keys;
    if (entity.deleted)
        return keys;
    const QJsonObject &data = entity.data;
    const bool person = !entity.isGroup();
    const QString prefix = person ? QString() : duplicaterule::HouseholdPrefix.toString();
    auto add = [&](QStringView rule, const QString &value) { keys.append(prefix + rule + u':' + value); };

    if (person && (rules.nameBirthDate || rules.nameAgeBand)) {
        const QString name = normalisedName(fieldText(data, rules.nameField));
        if (!name.isEmpty()) {
            if (rules.nameBirthDate) {
                const QString birth = isoDate(firstFieldText(data, rules.birthDateFields));
                if (!birth.isEmpty())
                    add(duplicaterule::NameBirthDate, name + u'|' + birth);
            }
            if (rules.nameAgeBand) {
                const int age = ageOf(data.value(rules.ageField));
                if (age >= 0) {
                    const int low = age / rules.ageBandYears * rules.ageBandYears;
                    add(duplicaterule::NameAgeBand, name + u'|' + QString::number(low) + u'-' +
                                                        QString::number(low + rules.ageBandYears - 1));
                }
            }
        }
    }
    if (rules.idNumber) {
        // Letters and digits only, case folded: "SN-123 45" is "sn12345".
        QString id = foldForSearch(firstFieldText(data, rules.idFields));
        id.remove(u' ');
        if (!id.isEmpty())
            add(duplicaterule::IdNumber, id);
    }
    if (rules.phone) {
        QString digits;
        for (const QChar c : firstFieldText(data, rules.phoneFields)) {
            if (c >= u'0' && c <= u'9')
                digits.append(c);
        }
        // Fewer digits than a number has is not a number to match on.
        if (digits.size() >= std::min(rules.phoneDigits, 6))
            add(duplicaterule::Phone, digits.right(rules.phoneDigits));
    }
    keys.sort();
    keys.removeDuplicates();
    return keys;
}

Result<DuplicateRules> loadDuplicateRules(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    query.bindValue(0, kMetaKey);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the duplicate rules"_s, query.lastError()));
    if (!query.next())
        return DuplicateRules();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(query.value(0).toString().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::Corrupt, u"the duplicate rules are not a JSON object"_s);
    return DuplicateRules::fromJson(document.object());
}

Status saveDuplicateRules(const QSqlDatabase &db, const DuplicateRules &rules)
{
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO meta (key, value) VALUES (?, ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.bindValue(0, kMetaKey);
    query.bindValue(1, QString::fromUtf8(QJsonDocument(rules.toJson()).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot keep the duplicate rules"_s, query.lastError()));
    return {};
}

} // namespace fieldledger::core
