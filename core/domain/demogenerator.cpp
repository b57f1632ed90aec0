#include "core/domain/demogenerator.h"

#include "core/events/timestamp.h"

#include <QJsonArray>
#include <QTimeZone>

#include <array>
#include <cmath>
#include <deque>
#include <optional>
#include <random>
#include <span>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

// --- what people and places are called --------------------------------------------------

struct Culture {
    std::span<const char16_t *const> women;
    std::span<const char16_t *const> men;
    std::span<const char16_t *const> families;
    int weight; // out of 100
};

constexpr const char16_t *kWestAfricanWomen[] = {
    u"Aïssatou", u"Fatoumata", u"Ngoné",    u"Mariétou", u"Awa",      u"Khady",    u"Coumba",
    u"Adama",    u"Bintou",    u"Safiatou", u"Ndèye",    u"Aminata",  u"Kadiatou", u"Rokhaya",
    u"Dieynaba", u"Maïmouna",  u"Oumou",    u"Hawa",     u"Salimata", u"Néné"};
constexpr const char16_t *kWestAfricanMen[] = {
    u"Moussa",   u"Mamadou",   u"Ousmane", u"Ibrahima", u"Cheikh",     u"Seydou",   u"Sékou",
    u"Boubacar", u"Abdoulaye", u"Modibo",  u"Lamine",   u"Souleymane", u"Alassane", u"Babacar",
    u"Pape",     u"Tidiane",   u"Aliou",   u"Daouda",   u"Oumar",      u"Ismaïla"};
constexpr const char16_t *kWestAfricanFamilies[] = {
    u"Diallo", u"Ndiaye", u"N'Diaye", u"Traoré", u"Koné",  u"Sow",     u"Bâ",        u"Diop",  u"Cissé",
    u"Touré",  u"Sané",   u"Guèye",   u"Fall",   u"Kanté", u"Dembélé", u"Coulibaly", u"Keïta", u"Sissoko",
    u"Camara", u"Konaté", u"Sarr",    u"Faye",   u"Mbaye", u"Niang",   u"Thiam"};
constexpr const char16_t *kLatinWomen[] = {u"María",   u"Inés",  u"Lucía",      u"Ramona",    u"Guadalupe",
                                           u"Ana",     u"Rocío", u"Ximena",     u"Valentina", u"Begoña",
                                           u"Marisol", u"Pilar", u"Concepción", u"Dolores",   u"María José"};
constexpr const char16_t *kLatinMen[] = {u"José",   u"Juan",      u"Ramón",  u"Joaquín", u"Andrés",
                                         u"Jesús",  u"Sebastián", u"Martín", u"Tomás",   u"Nicolás",
                                         u"Héctor", u"Óscar",     u"Raúl",   u"Iván",    u"Ángel"};
constexpr const char16_t *kLatinFamilies[] = {
    u"García",   u"Núñez", u"Pérez",   u"Muñoz",   u"Rodríguez", u"Hernández", u"Gómez",  u"Peña",
    u"Martínez", u"López", u"Sánchez", u"Ramírez", u"Díaz",      u"Jiménez",   u"Ibáñez", u"Ordóñez"};
constexpr const char16_t *kFrancophoneWomen[] = {
    u"Françoise", u"Hélène",       u"Élodie",    u"Zoé",     u"Adèle",   u"Céline", u"Noémie", u"Agnès",
    u"Bénédicte", u"Marie-Claire", u"Geneviève", u"Aurélie", u"Mélanie", u"Josée",  u"Léa",    u"Thérèse"};
constexpr const char16_t *kFrancophoneMen[] = {
    u"Jérôme", u"Noël",          u"Raphaël", u"François", u"Étienne", u"André",  u"Gérard", u"Frédéric",
    u"Loïc",   u"Jean-Baptiste", u"Benoît",  u"Hervé",    u"Cédric",  u"Mathéo", u"Jérémie"};
constexpr const char16_t *kFrancophoneFamilies[] = {
    u"Lefèvre",  u"Dubois",    u"Mercier",  u"Béranger", u"Gauthier", u"Lemaître", u"Fournier", u"Girard",
    u"Rousseau", u"Chevalier", u"Bélanger", u"Côté",     u"Gagné",    u"Leclerc",  u"Moreau"};

const Culture kCultures[] = {
    {kWestAfricanWomen, kWestAfricanMen, kWestAfricanFamilies, 55},
    {kLatinWomen, kLatinMen, kLatinFamilies, 25},
    {kFrancophoneWomen, kFrancophoneMen, kFrancophoneFamilies, 20},
};

// The default registration form's locations (resources/forms/household-registration.json):
// village -> district -> region, and a box for the dwellings' GPS positions.
struct Village {
    const char16_t *village;
    const char16_t *district;
    const char16_t *region;
    double latitude;
    double longitude;
};

constexpr Village kVillages[] = {
    {u"kalo", u"hillside", u"north", 13.45, -11.92},
    {u"tamba", u"hillside", u"north", 13.61, -11.71},
    {u"upper_mesa", u"hillside", u"north", 13.80, -11.55},
    {u"nanga", u"lakeshore", u"north", 12.98, -10.84},
    {u"soli", u"lakeshore", u"north", 12.87, -10.66},
    {u"dembe", u"riverbend", u"south", 11.32, -12.41},
    {u"kora", u"riverbend", u"south", 11.18, -12.25},
    {u"lower_ford", u"riverbend", u"south", 11.05, -12.60},
    {u"marisa", u"palmcoast", u"south", 10.42, -13.71},
    {u"wanda", u"palmcoast", u"south", 10.57, -13.52},
};

constexpr const char16_t *kPhonePrefixes[] = {u"+2217", u"+2237", u"+2246", u"+5731", u"+5255", u"+2250"};

enum class Relationship { Head, Spouse, Child, Parent, Sibling, OtherRelative, NonRelative };

QString relationshipName(Relationship relationship)
{
    switch (relationship) {
    case Relationship::Head:
        return u"head"_s;
    case Relationship::Spouse:
        return u"spouse"_s;
    case Relationship::Child:
        return u"child"_s;
    case Relationship::Parent:
        return u"parent"_s;
    case Relationship::Sibling:
        return u"sibling"_s;
    case Relationship::OtherRelative:
        return u"other_relative"_s;
    case Relationship::NonRelative:
        return u"non_relative"_s;
    }
    return u"other_relative"_s;
}

struct Person {
    QString guid;
    int culture = 0;
    bool female = false;
    QString given;
    QString family;
    Relationship relationship = Relationship::Child;
    QDate birthDate;             // always known to the generator
    bool birthDateKnown = false; // whether the household knew it
};

struct Household {
    QString guid;
    int culture = 0;
    QString name;
    int village = 0;
    QString phone;
    std::optional<std::pair<double, double>> gps;
    std::vector<Person> members;
};

QJsonObject formMetadata(const QString &formId)
{
    return QJsonObject{{u"formId"_s, formId}, {u"formVersion"_s, u"1"_s}};
}

// How many recent households follow-up visits pick from.
constexpr std::size_t kRecentHouseholds = 1500;

} // namespace

QJsonObject DemoReport::toJson() const
{
    return QJsonObject{{u"households"_s, households},
                       {u"individuals"_s, individuals},
                       {u"events"_s, events},
                       {u"anomalies"_s, anomalies}};
}

struct DemoGenerator::Impl {
    Impl(const DemoOptions &o, const QDateTime &now)
        : options(o)
        , rng(o.seed)
    {
        // Working days: from the day after `weeks` before now to yesterday, 08:00 to 18:00 UTC.
        const QDateTime utc = now.toUTC();
        const QDate first = utc.addDays(-7 * qint64(std::max(1, options.weeks))).date().addDays(1);
        days = std::max<qint64>(1, first.daysTo(utc.date()));
        firstDayMs = QDateTime(first, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        lastMs = firstDayMs;
    }

    // When the visit at `position` (0 for the first registration, households for the end) takes
    // place: registrations fill the working hours of the days evenly.
    [[nodiscard]] qint64 plannedAt(double position) const
    {
        const double day = position * double(days) / double(std::max<qint64>(1, options.households));
        const double whole = std::floor(day);
        return firstDayMs + qint64(whole) * 24 * 3'600'000 + 8 * 3'600'000 +
               qint64((day - whole) * 10 * 3'600'000);
    }

    DemoOptions options;
    std::mt19937_64 rng;
    qint64 days = 1;
    qint64 firstDayMs = 0;
    qint64 lastMs = 0;
    qint64 households = 0;
    qint64 individuals = 0;
    std::deque<Household> recent;
    std::vector<Command> batch;

    // --- randomness, the same on every platform ---------------------------------------------
    // In [0, bound): the modulo's bias is below 2^-50 for the small bounds used here.
    quint64 below(quint64 bound) { return rng() % bound; }
    int between(int low, int high) { return low + int(below(quint64(high - low + 1))); }
    bool chance(int percent) { return int(below(100)) < percent; }
    template<typename Range>
    const auto &pick(const Range &items)
    {
        return items[std::size_t(below(std::size(items)))];
    }

    QString uuid()
    {
        const quint64 high = rng();
        const quint64 low = rng();
        const QString hex = u"%1%2"_s.arg(high, 16, 16, QChar(u'0')).arg(low, 16, 16, QChar(u'0'));
        // Version 4, variant 1: shaped like the random UUIDs the application makes.
        QString shaped = hex;
        shaped[12] = u'4';
        shaped[16] = QChar(u"89ab"[low >> 62]);
        return shaped.left(8) + u'-' + shaped.mid(8, 4) + u'-' + shaped.mid(12, 4) + u'-' +
               shaped.mid(16, 4) + u'-' + shaped.mid(20);
    }

    // A strictly later instant than every command so far, no earlier than `plannedMs`.
    QDateTime at(qint64 plannedMs)
    {
        lastMs = std::max(plannedMs, lastMs + 1);
        return QDateTime::fromMSecsSinceEpoch(lastMs, QTimeZone::utc());
    }

    // --- people -------------------------------------------------------------------------------
    int pickCulture()
    {
        int roll = int(below(100));
        for (int i = 0; i < int(std::size(kCultures)); ++i) {
            if (roll < kCultures[i].weight)
                return i;
            roll -= kCultures[i].weight;
        }
        return 0;
    }

    QString givenName(int culture, bool female)
    {
        const Culture &c = kCultures[culture];
        return QString::fromUtf16(pick(female ? c.women : c.men));
    }

    QString familyName(int culture) { return QString::fromUtf16(pick(kCultures[culture].families)); }

    Person makePerson(int culture, bool female, const QString &family, Relationship relationship,
                      int ageYears, QDate today)
    {
        Person person;
        person.guid = uuid();
        person.culture = culture;
        person.female = female;
        person.given = givenName(culture, female);
        person.family = family;
        person.relationship = relationship;
        person.birthDate = today.addYears(-ageYears).addDays(-between(1, 364));
        // Children's birth dates are known more often (birth certificates, vaccination cards).
        person.birthDateKnown = chance(ageYears < 10 ? 80 : 50);
        ++individuals;
        return person;
    }

    static int ageOn(const Person &person, QDate today)
    {
        int age = today.year() - person.birthDate.year();
        if (today < person.birthDate.addYears(age))
            --age;
        return std::max(0, age);
    }

    // A member as the registration, member and member-edit forms submit it.
    static QJsonObject memberData(const Person &person, QDate today, bool withGuid)
    {
        QJsonObject data{{u"name"_s, QString(person.given + u' ' + person.family)},
                         {u"sex"_s, person.female ? u"female"_s : u"male"_s},
                         {u"birth_date_known"_s, person.birthDateKnown ? u"yes"_s : u"no"_s},
                         {u"relationship"_s, relationshipName(person.relationship)},
                         {u"is_head"_s, person.relationship == Relationship::Head}};
        if (person.birthDateKnown)
            data.insert(u"birth_date"_s, person.birthDate.toString(Qt::ISODate));
        else
            data.insert(u"age"_s, ageOn(person, today));
        if (withGuid)
            data.insert(u"guid"_s, person.guid);
        return data;
    }

    // The household's own fields as the registration and household-edit forms submit them.
    static QJsonObject householdFields(const Household &household)
    {
        const Village &village = kVillages[household.village];
        QJsonObject data{{u"name"_s, household.name},
                         {u"region"_s, QString::fromUtf16(village.region)},
                         {u"district"_s, QString::fromUtf16(village.district)},
                         {u"village"_s, QString::fromUtf16(village.village)}};
        if (!household.phone.isEmpty())
            data.insert(u"phone"_s, household.phone);
        if (household.gps)
            data.insert(u"gps"_s, QJsonObject{{u"latitude"_s, household.gps->first},
                                              {u"longitude"_s, household.gps->second}});
        return data;
    }

    QString phoneNumber()
    {
        QString number = QString::fromUtf16(pick(kPhonePrefixes));
        for (int i = 0; i < 8; ++i)
            number.append(QChar(u'0' + between(0, 9)));
        return number;
    }

    static double rounded(double value) { return std::round(value * 100000.0) / 100000.0; }

    Command make(const QString &type, const QString &entityGuid, QJsonObject data, const QString &formId,
                 qint64 plannedMs, std::optional<QJsonObject> context = std::nullopt)
    {
        Command command;
        command.type = type;
        command.entityGuid = entityGuid;
        command.data = std::move(data);
        if (!formId.isEmpty())
            command.metadata = formMetadata(formId);
        command.context = std::move(context);
        command.guid = uuid();
        command.timestamp = formatUtcMillis(at(plannedMs));
        return command;
    }

    // --- registration -----------------------------------------------------------------------
    void registerHousehold(qint64 plannedMs)
    {
        const QDate today = QDateTime::fromMSecsSinceEpoch(plannedMs, QTimeZone::utc()).date();
        Household household;
        household.guid = uuid();
        household.culture = pickCulture();
        household.village = int(below(std::size(kVillages)));
        const bool femaleHead = chance(30);
        const int headAge = between(19, 78);
        const QString family = familyName(household.culture);
        household.name = family;
        household.members.push_back(
            makePerson(household.culture, femaleHead, family, Relationship::Head, headAge, today));
        auto room = [&]() { return household.members.size() < 9; };
        if (headAge >= 20 && chance(72) && room()) {
            const int spouseAge =
                std::clamp(headAge + (femaleHead ? between(-2, 12) : between(-14, 2)), 16, 95);
            // Married women keep their own family name in most of West Africa and Latin America.
            const QString spouseFamily = household.culture == 2 ? family : familyName(household.culture);
            household.members.push_back(makePerson(household.culture, !femaleHead, spouseFamily,
                                                   Relationship::Spouse, spouseAge, today));
        }
        const int childSpan = headAge - 16;
        if (childSpan > 0) {
            const int children = std::min(between(0, 6), 9 - int(household.members.size()));
            for (int i = 0; i < children; ++i) {
                household.members.push_back(makePerson(household.culture, chance(50), family,
                                                       Relationship::Child,
                                                       between(0, std::min(childSpan, 30)), today));
            }
        }
        if (headAge < 55 && chance(12) && room()) {
            household.members.push_back(makePerson(household.culture, chance(65),
                                                   familyName(household.culture), Relationship::Parent,
                                                   std::min(100, headAge + between(18, 35)), today));
        }
        if (chance(8) && room()) {
            household.members.push_back(makePerson(household.culture, chance(50), family,
                                                   Relationship::Sibling,
                                                   std::max(14, headAge + between(-10, 10)), today));
        }
        if (chance(10) && room()) {
            household.members.push_back(makePerson(household.culture, chance(50),
                                                   familyName(household.culture), Relationship::OtherRelative,
                                                   between(0, 70), today));
        }
        if (chance(3) && room()) {
            household.members.push_back(makePerson(household.culture, chance(50),
                                                   familyName(household.culture), Relationship::NonRelative,
                                                   between(15, 50), today));
        }
        if (chance(55))
            household.phone = phoneNumber();
        if (chance(35)) {
            const Village &village = kVillages[household.village];
            household.gps =
                std::make_pair(rounded(village.latitude + double(between(-2000, 2000)) / 100000.0),
                               rounded(village.longitude + double(between(-2000, 2000)) / 100000.0));
        }

        QJsonObject data = householdFields(household);
        QJsonArray members;
        for (const Person &person : household.members)
            members.append(memberData(person, today, true));
        data.insert(u"members"_s, members);
        batch.push_back(
            make(u"create-group"_s, household.guid, std::move(data), u"household-registration"_s, plannedMs));
        ++households;
        recent.push_back(std::move(household));
        if (recent.size() > kRecentHouseholds)
            recent.pop_front();
    }

    // --- follow-up visits ---------------------------------------------------------------------
    Household &recentHousehold() { return recent[std::size_t(below(recent.size()))]; }

    // Index of a member other than the head, or -1.
    int nonHead(const Household &household)
    {
        std::vector<int> candidates;
        for (int i = 0; i < int(household.members.size()); ++i) {
            if (household.members[std::size_t(i)].relationship != Relationship::Head)
                candidates.push_back(i);
        }
        return candidates.empty() ? -1 : candidates[std::size_t(below(candidates.size()))];
    }

    void editMember(qint64 plannedMs)
    {
        Household &household = recentHousehold();
        const QDate today = QDateTime::fromMSecsSinceEpoch(plannedMs, QTimeZone::utc()).date();
        Person &person = household.members[std::size_t(below(household.members.size()))];
        switch (between(0, 2)) {
        case 0: // the name was misheard
            person.given = givenName(person.culture, person.female);
            break;
        case 1: // a birth certificate was found
            person.birthDateKnown = true;
            break;
        default: // the age was a guess, now a better one
            person.birthDate = person.birthDate.addYears(between(-3, 3));
            if (person.birthDate > today.addDays(-1))
                person.birthDate = today.addDays(-between(1, 300));
            break;
        }
        batch.push_back(make(u"update-individual"_s, person.guid, memberData(person, today, false),
                             u"member-edit"_s, plannedMs));
    }

    void editHousehold(qint64 plannedMs)
    {
        Household &household = recentHousehold();
        switch (between(0, 2)) {
        case 0:
            household.phone = phoneNumber();
            break;
        case 1: { // the village was wrong; the district is right
            const QString district = QString::fromUtf16(kVillages[household.village].district);
            std::vector<int> neighbours;
            for (int i = 0; i < int(std::size(kVillages)); ++i) {
                if (QString::fromUtf16(kVillages[i].district) == district)
                    neighbours.push_back(i);
            }
            household.village = neighbours[std::size_t(below(neighbours.size()))];
            break;
        }
        default: { // the family name alone, or as the family calls itself
            const QString family = household.members.front().family;
            const QString called = (household.culture == 1 ? u"Familia "_s : u"Famille "_s) + family;
            household.name = household.name == called ? family : called;
            break;
        }
        }
        batch.push_back(make(u"update-group"_s, household.guid, householdFields(household),
                             u"household-edit"_s, plannedMs));
    }

    void addMember(qint64 plannedMs)
    {
        Household &household = recentHousehold();
        if (household.members.size() >= 9)
            return;
        const QDate today = QDateTime::fromMSecsSinceEpoch(plannedMs, QTimeZone::utc()).date();
        const Person &head = household.members.front();
        Person person =
            chance(60) ? makePerson(household.culture, chance(50), head.family, Relationship::Child, 0, today)
                       : makePerson(household.culture, chance(50), familyName(household.culture),
                                    Relationship::OtherRelative, between(5, 60), today);
        if (person.relationship == Relationship::Child) { // a newborn, with its birth date
            person.birthDate = today.addDays(-between(1, 60));
            person.birthDateKnown = true;
        }
        batch.push_back(make(u"add-member"_s, household.guid,
                             QJsonObject{{u"members"_s, QJsonArray{memberData(person, today, true)}}},
                             u"member"_s, plannedMs));
        household.members.push_back(std::move(person));
    }

    void removeMember(qint64 plannedMs)
    {
        Household &household = recentHousehold();
        const int index = nonHead(household);
        if (index < 0)
            return;
        static constexpr const char16_t *kReasons[] = {u"left", u"deceased", u"married-out", u"migrated",
                                                       u"data-correction"};
        const QString reason = QString::fromUtf16(pick(kReasons));
        QJsonObject data{{u"memberId"_s, household.members[std::size_t(index)].guid}, {u"reason"_s, reason}};
        if (reason == u"data-correction")
            data.insert(u"note"_s, u"Registered twice: the same person is listed under another name."_s);
        batch.push_back(make(u"remove-member"_s, household.guid, std::move(data), u"remove-member"_s,
                             plannedMs, QJsonObject{{u"reason"_s, reason}}));
        household.members.erase(household.members.begin() + index);
    }

    void moveMember(qint64 plannedMs)
    {
        if (recent.size() < 2)
            return;
        Household &from = recentHousehold();
        Household &to = recentHousehold();
        const int index = nonHead(from);
        if (&from == &to || index < 0 || to.members.size() >= 9)
            return;
        const QDate today = QDateTime::fromMSecsSinceEpoch(plannedMs, QTimeZone::utc()).date();
        Person person = from.members[std::size_t(index)];
        from.members.erase(from.members.begin() + index);
        const bool marriage = ageOn(person, today) >= 18 && chance(40);
        batch.push_back(make(u"transfer-member"_s, from.guid,
                             QJsonObject{{u"memberId"_s, person.guid}, {u"toGroupGuid"_s, to.guid}},
                             QString(), plannedMs,
                             QJsonObject{{u"reason"_s, marriage ? u"married"_s : u"moved"_s}}));
        // In the new household, the relationship is to its head.
        person.relationship = marriage     ? Relationship::Spouse
                              : chance(60) ? Relationship::OtherRelative
                                           : Relationship::NonRelative;
        batch.push_back(make(u"update-individual"_s, person.guid, memberData(person, today, false),
                             u"member-edit"_s, plannedMs));
        to.members.push_back(std::move(person));
    }

    void followUps(qint64 plannedMs)
    {
        if (recent.size() < 2)
            return;
        if (chance(8))
            editMember(plannedMs);
        if (chance(4))
            editHousehold(plannedMs);
        if (chance(4))
            addMember(plannedMs);
        if (chance(3))
            removeMember(plannedMs);
        if (chance(2))
            moveMember(plannedMs);
    }
};

DemoGenerator::DemoGenerator(const DemoOptions &options, const QDateTime &now)
    : m_impl(std::make_unique<Impl>(options, now))
{
}

DemoGenerator::~DemoGenerator() = default;

bool DemoGenerator::atEnd() const
{
    return m_impl->households >= m_impl->options.households;
}

qint64 DemoGenerator::householdsMade() const
{
    return m_impl->households;
}

qint64 DemoGenerator::individualsMade() const
{
    return m_impl->individuals;
}

std::vector<Command> DemoGenerator::nextBatch(qint64 households)
{
    Impl &d = *m_impl;
    d.batch.clear();
    const qint64 until = std::min(d.options.households, d.households + std::max<qint64>(1, households));
    while (d.households < until) {
        const auto position = double(d.households);
        d.registerHousehold(d.plannedAt(position));
        // The visits of the time until the next registration.
        d.followUps(d.plannedAt(position + 0.5));
    }
    return std::move(d.batch);
}

Result<DemoReport> DemoGenerator::populate(Ledger &ledger, const Clock &clock, const DemoOptions &options,
                                           const Progress &progress)
{
    if (options.households < 0)
        return fail(ErrorCode::InvalidArgument, u"the number of households must be >= 0"_s);
    DemoGenerator generator(options, clock.now());
    DemoReport report;
    while (!generator.atEnd()) {
        const std::vector<Command> commands = generator.nextBatch(std::max(1, options.householdsPerBatch));
        auto accepted = ledger.submitBatch(commands);
        if (!accepted) {
            Error error = accepted.error();
            error.message = u"demo: after %1 households: %2"_s.arg(report.households).arg(error.message);
            return std::unexpected(error);
        }
        report.households = generator.householdsMade();
        report.individuals = generator.individualsMade();
        report.events += accepted->accepted;
        report.anomalies += accepted->anomalies;
        if (progress && !progress(quint64(report.households), quint64(options.households)))
            return fail(
                ErrorCode::Cancelled,
                u"demo cancelled after %1 of %2 households"_s.arg(report.households).arg(options.households));
    }
    return report;
}

} // namespace fieldledger::core
