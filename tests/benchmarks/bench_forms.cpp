// Form engine hot paths: what a form renderer does on every keystroke, and the costs around it.
//
//   bench_forms [members] [rounds] [formsDir]
//     members   household members in the state (default 40)
//     rounds    repetitions per measured operation (default 2000)
//     formsDir  the default forms (default: resources/forms beside this source file)
//
// Uses resources/forms/household-registration.json with its `max` of members lifted, so the
// member count can grow. Prints microseconds per operation, by this thread's CPU time (the fair
// figure on a shared machine) and by wall time.

#include "core/common/clock.h"
#include "core/events/jsonreader.h"
#include "core/forms/expression.h"
#include "core/forms/formdefinition.h"
#include "core/forms/formstate.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Runs `operation` `rounds` times (each call gets its round number) and prints one row.
void measure(const char *what, int rounds, const std::function<void(int)> &operation)
{
    QElapsedTimer wall;
    wall.start();
    const qint64 cpuStart = threadCpuNs();
    for (int i = 0; i < rounds; ++i)
        operation(i);
    const double cpuUs = double(threadCpuNs() - cpuStart) / 1e3 / rounds;
    const double wallUs = double(wall.nsecsElapsed()) / 1e3 / rounds;
    std::printf("%-58s %12.2f %12.2f\n", what, cpuUs, wallUs);
}

// The household form without its limit on members.
QJsonObject unlimitedHousehold(const QString &formsDir)
{
    QFile file(formsDir + u"/household-registration.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(file.fileName()));
        std::exit(2);
    }
    QJsonObject json = *parseJsonObject(file.readAll());
    QJsonArray fields = json.value(u"fields").toArray();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QJsonObject field = fields[i].toObject();
        if (field.value(u"name") == u"members"_s) {
            field.remove(u"max"_s);
            fields[i] = field;
        }
    }
    json.insert(u"fields"_s, fields);
    return json;
}

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "failed: %s\n", what);
        std::exit(1);
    }
}

} // namespace

int main(int argc, char **argv)
{
    const int members = argc > 1 ? std::atoi(argv[1]) : 40;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 2000;
    const QString formsDir =
        argc > 3 ? QString::fromLocal8Bit(argv[3])
                 : QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + u"/../../resources/forms"_s;
    if (members < 1 || rounds < 1) {
        std::fprintf(stderr, "usage: bench_forms [members>=1] [rounds>=1] [formsDir]\n");
        return 2;
    }
    const QDate today(2026, 11, 26);
    std::printf("household form, %d members, %d rounds\n", members, rounds);
    std::printf("%-58s %12s %12s\n", "operation", "cpu us/op", "wall us/op");

    // Loading
    measure("load household-registration.json (read, parse, check)", std::max(1, rounds / 20), [&](int) {
        check(FormDefinition::fromFile(QDir(formsDir).filePath(u"household-registration.json"_s)).has_value(),
              "load");
    });
    const QJsonObject json = unlimitedHousehold(formsDir);
    measure("FormDefinition::fromJson (checks, plan)", std::max(1, rounds / 20),
            [&](int) { check(FormDefinition::fromJson(json).has_value(), "fromJson"); });
    const FormDefinition form = *FormDefinition::fromJson(json);

    // Expressions alone
    const QString relevance = u"${age} >= 18 and selected(${flags}, 'disabled')"_s;
    measure("Expression::parse (relevance with a function)", rounds,
            [&](int) { check(Expression::parse(relevance).has_value(), "parse"); });
    const QString phone = u"regex(., '^\\+?[0-9]{6,15}$')"_s;
    measure("Expression::parse (a regex literal, compiled once)", rounds / 10 + 1,
            [&](int) { check(Expression::parse(phone).has_value(), "parse regex"); });
    const Expression expression = *Expression::parse(relevance);
    TableEvaluationContext context;
    context.values.insert(u"age"_s, ExpressionValue::number(34));
    context.values.insert(u"flags"_s, ExpressionValue::string(u"disabled blind"_s));
    bool sink = false;
    measure("Expression::evaluate (same)", rounds * 10,
            [&](int) { sink ^= expression.evaluateBool(context); });

    // A filled household
    FormState state(form, today, std::make_unique<SequentialIdGenerator>(u"p-"_s));
    measure("FormState::addInstance (members), up to the count", members - 1,
            [&](int) { check(state.addInstance(u"members"_s).has_value(), "addInstance"); });
    for (int m = 0; m < members; ++m) {
        const QString prefix = u"members["_s + QString::number(m) + u"]."_s;
        check(state.setValue(prefix + u"name"_s, u"Member "_s + QString::number(m)).has_value(), "name");
        check(state.setValue(prefix + u"sex"_s, m % 2 ? u"male"_s : u"female"_s).has_value(), "sex");
        check(state.setValue(prefix + u"birth_date_known"_s, u"no"_s).has_value(), "known");
        check(state.setValue(prefix + u"age"_s, 20 + m % 50).has_value(), "age");
        check(state.setValue(prefix + u"relationship"_s, m == 0 ? u"head"_s : u"child"_s).has_value(),
              "relation");
    }
    check(state.setValue(u"name"_s, u"Household"_s).has_value(), "household name");
    check(state.setValue(u"region"_s, u"north"_s).has_value(), "region");
    check(state.setValue(u"district"_s, u"hillside"_s).has_value(), "district");
    check(state.setValue(u"village"_s, u"kalo"_s).has_value(), "village");
    check(state.isValid(), "valid household");

    const QString lastName = u"members["_s + QString::number(members - 1) + u"].name"_s;
    measure("setValue: a member's name (a keystroke)", rounds, [&](int i) {
        check(state.setValue(lastName, u"Name "_s + QString::number(i)).has_value(), "keystroke");
    });
    const QString lastAge = u"members["_s + QString::number(members - 1) + u"].age"_s;
    measure("setValue: a member's age (constraint, age_years)", rounds,
            [&](int i) { check(state.setValue(lastAge, 20 + i % 50).has_value(), "age"); });
    const QString lastKnown = u"members["_s + QString::number(members - 1) + u"].birth_date_known"_s;
    measure("setValue: birth date known (relevance of two fields)", rounds, [&](int i) {
        check(state.setValue(lastKnown, i % 2 ? u"no"_s : u"yes"_s).has_value(), "known");
    });
    const QString lastRelation = u"members["_s + QString::number(members - 1) + u"].relationship"_s;
    measure("setValue: relationship (head count, every member's check)", rounds, [&](int i) {
        check(state.setValue(lastRelation, i % 2 ? u"head"_s : u"child"_s).has_value(), "relationship");
    });
    check(state.setValue(lastRelation, u"child"_s).has_value(), "relationship");
    measure("setValue: region (two cascading choice filters)", rounds, [&](int i) {
        check(state.setValue(u"region"_s, i % 2 ? u"south"_s : u"north"_s).has_value(), "region");
    });
    check(state.setValue(u"region"_s, u"north"_s).has_value(), "region");
    measure("choices(village): the filtered list", rounds,
            [&](int) { check(!state.choices(u"village"_s).empty(), "choices"); });
    measure("validate(): every issue of the form", rounds,
            [&](int) { check(state.validate().empty(), "validate"); });
    measure("toEventData()", rounds / 10 + 1,
            [&](int) { check(!state.toEventData().isEmpty(), "toEventData"); });
    measure("full re-evaluation (setToday)", rounds / 10 + 1,
            [&](int i) { (void)state.setToday(today.addDays(i % 2)); });
    const FormValues draft = state.values();
    measure("FormState from a draft (build, evaluate everything)", rounds / 10 + 1, [&](int) {
        check(FormState(form, draft, today).instanceCount(u"members"_s) == members, "restore");
    });
    return sink ? 0 : 0;
}
