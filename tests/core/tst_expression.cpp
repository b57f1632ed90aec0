#include "core/forms/expression.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

// "number:7", "string:adult", "boolean:true", "nodeset:[34,36]": type and value in one string,
// so a row states both.
QString describe(const ExpressionValue &value)
{
    switch (value.type()) {
    case ExpressionValue::Type::String:
        return u"string:"_s + value.toString();
    case ExpressionValue::Type::Number:
        return u"number:"_s + value.toString();
    case ExpressionValue::Type::Boolean:
        return u"boolean:"_s + value.toString();
    case ExpressionValue::Type::NodeSet:
        return u"nodeset:["_s + value.nodes().join(u',') + u"]"_s;
    }
    return {};
}

// A household member being filled in on 2026-11-26.
TableEvaluationContext sampleContext()
{
    TableEvaluationContext context;
    context.today = QDate(2026, 11, 26);
    context.values.insert(u"age"_s, ExpressionValue::number(34));
    context.values.insert(u"name"_s, ExpressionValue::string(u"Ana"_s));
    context.values.insert(u"flags"_s, ExpressionValue::string(u"disabled blind"_s));
    context.values.insert(u"empty"_s, ExpressionValue());
    context.values.insert(u"birth"_s, ExpressionValue::string(u"1990-05-15"_s));
    context.values.insert(u"zero"_s, ExpressionValue::number(0));
    context.values.insert(u"text12"_s, ExpressionValue::string(u"12"_s));
    context.values.insert(u"members"_s, ExpressionValue::nodeSet({QString(), QString(), QString()}));
    context.values.insert(u"ages"_s, ExpressionValue::nodeSet({u"34"_s, u"36"_s, u"4"_s, QString()}));
    context.values.insert(u"roles"_s,
                          ExpressionValue::nodeSet({u"head"_s, u"spouse"_s, u"child"_s, u"head"_s}));
    context.values.insert(u"nobody"_s, ExpressionValue::nodeSet({}));
    context.current = ExpressionValue::number(42);
    return context;
}

ExpressionValue evaluate(const QString &text, const EvaluationContext &context, bool columns = false)
{
    ExpressionOptions options;
    options.allowColumns = columns;
    const auto expression = Expression::parse(text, options);
    if (!expression) {
        qWarning("parse error in %s: %s", qPrintable(text), qPrintable(expression.error().toString()));
        return ExpressionValue::string(u"<parse error>"_s);
    }
    return expression->evaluate(context);
}

} // namespace

class TestExpression final : public QObject {
    Q_OBJECT
private slots:
    void evaluate_grammarAndFunctions_giveXPathResults_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");

        // Literals and precedence (loosest first: or, and, = !=, < <= > >=, + -, * div mod, unary -)
        QTest::newRow("integer literal") << u"12"_s << u"number:12"_s;
        QTest::newRow("decimal literal") << u"3.25"_s << u"number:3.25"_s;
        QTest::newRow("leading-dot decimal") << u".5"_s << u"number:0.5"_s;
        QTest::newRow("single-quoted string") << u"'a \"b\"'"_s << u"string:a \"b\""_s;
        QTest::newRow("double-quoted string") << u"\"it's\""_s << u"string:it's"_s;
        QTest::newRow("* before +") << u"1 + 2 * 3"_s << u"number:7"_s;
        QTest::newRow("parentheses") << u"(1 + 2) * 3"_s << u"number:9"_s;
        QTest::newRow("- is left-associative") << u"10 - 4 - 3"_s << u"number:3"_s;
        QTest::newRow("div is left-associative") << u"8 div 4 div 2"_s << u"number:1"_s;
        QTest::newRow("* and mod share a level") << u"2 * 3 mod 4"_s << u"number:2"_s;
        QTest::newRow("unary minus binds tightest") << u"-2 * 3"_s << u"number:-6"_s;
        QTest::newRow("double unary minus") << u"- -2"_s << u"number:2"_s;
        QTest::newRow("minus without spaces") << u"${age}-4"_s << u"number:30"_s;
        QTest::newRow("div") << u"7 div 2"_s << u"number:3.5"_s;
        QTest::newRow("mod") << u"7 mod 3"_s << u"number:1"_s;
        QTest::newRow("mod keeps the dividend's sign") << u"-7 mod 3"_s << u"number:-1"_s;
        QTest::newRow("div by zero") << u"1 div 0"_s << u"number:Infinity"_s;
        QTest::newRow("and before or") << u"1 = 1 or 1 = 2 and 1 = 2"_s << u"boolean:true"_s;
        QTest::newRow("or is false when both are") << u"1 = 2 or 2 = 3"_s << u"boolean:false"_s;
        QTest::newRow("relational before equality") << u"1 < 2 = 2 > 1"_s << u"boolean:true"_s;
        QTest::newRow("additive before relational") << u"1 + 1 > 1"_s << u"boolean:true"_s;
        QTest::newRow("comparison before and") << u"${age} >= 18 and ${age} < 35"_s << u"boolean:true"_s;
        QTest::newRow("brief example")
            << u"${age} >= 18 and selected(${flags}, 'disabled')"_s << u"boolean:true"_s;
        QTest::newRow("brief example, not selected")
            << u"${age} >= 18 and selected(${flags}, 'deaf')"_s << u"boolean:false"_s;
        QTest::newRow("current value") << u". * 2"_s << u"number:84"_s;
        QTest::newRow("operator keywords need no spaces around parens")
            << u"(1)and(0)"_s << u"boolean:false"_s;

        // Comparisons and coercions
        QTest::newRow("numeric string = number") << u"${text12} = 12"_s << u"boolean:true"_s;
        QTest::newRow("'12.0' = 12") << u"'12.0' = 12"_s << u"boolean:true"_s;
        QTest::newRow("two strings compare as strings") << u"'12.0' = '12'"_s << u"boolean:false"_s;
        QTest::newRow("non-numeric string = number is false") << u"'abc' = 0"_s << u"boolean:false"_s;
        QTest::newRow("non-numeric string != number is true") << u"'abc' != 0"_s << u"boolean:true"_s;
        QTest::newRow("unanswered equals ''") << u"${empty} = ''"_s << u"boolean:true"_s;
        QTest::newRow("unanswered is not 0") << u"${empty} = 0"_s << u"boolean:false"_s;
        QTest::newRow("unanswered < 5 is false") << u"${empty} < 5"_s << u"boolean:false"_s;
        QTest::newRow("unanswered >= 5 is false too") << u"${empty} >= 5"_s << u"boolean:false"_s;
        QTest::newRow("numeric strings order numerically") << u"'10' > '9'"_s << u"boolean:true"_s;
        QTest::newRow("strings order by code point") << u"'b' > 'a'"_s << u"boolean:true"_s;
        QTest::newRow("dates order as dates") << u"'2026-01-02' > '2025-12-31'"_s << u"boolean:true"_s;
        QTest::newRow("today() against a date") << u"today() > ${birth}"_s << u"boolean:true"_s;
        QTest::newRow("unanswered date never orders") << u"${empty} < today()"_s << u"boolean:false"_s;
        QTest::newRow("number against a date never orders") << u"${age} < today()"_s << u"boolean:false"_s;
        QTest::newRow("boolean = non-empty string") << u"true() = 'false'"_s << u"boolean:true"_s;
        QTest::newRow("boolean = number") << u"true() = 5"_s << u"boolean:true"_s;
        QTest::newRow("boolean orders as 1 or 0") << u"true() > 0"_s << u"boolean:true"_s;
        QTest::newRow("node-set = value: any node") << u"${ages} = 4"_s << u"boolean:true"_s;
        QTest::newRow("node-set != value: any node") << u"${ages} != 34"_s << u"boolean:true"_s;
        QTest::newRow("empty node-set = anything is false") << u"${nobody} = ''"_s << u"boolean:false"_s;
        QTest::newRow("number + unanswered is NaN") << u"${age} + ${empty}"_s << u"number:NaN"_s;
        QTest::newRow("arithmetic on a numeric string") << u"${text12} * 2"_s << u"number:24"_s;
        QTest::newRow("non-empty string is true") << u"boolean('false')"_s << u"boolean:true"_s;
        QTest::newRow("zero is false") << u"boolean(${zero})"_s << u"boolean:false"_s;
        QTest::newRow("NaN is false") << u"boolean(number('x'))"_s << u"boolean:false"_s;
        QTest::newRow("0.1 + 0.2 prints shortest")
            << u"string(0.1 + 0.2)"_s << u"string:0.30000000000000004"_s;
        QTest::newRow("integral numbers print without .0") << u"string(2.0)"_s << u"string:2"_s;

        // Functions
        QTest::newRow("if true") << u"if(${age} > 18, 'adult', 'minor')"_s << u"string:adult"_s;
        QTest::newRow("if false") << u"if(${age} > 40, 'older', 'younger')"_s << u"string:younger"_s;
        QTest::newRow("if keeps the branch's type") << u"if(1, 2, 'x')"_s << u"number:2"_s;
        QTest::newRow("selected") << u"selected(${flags}, 'blind')"_s << u"boolean:true"_s;
        QTest::newRow("selected needs a whole name") << u"selected(${flags}, 'blin')"_s << u"boolean:false"_s;
        QTest::newRow("selected on unanswered") << u"selected(${empty}, 'blind')"_s << u"boolean:false"_s;
        QTest::newRow("count-selected") << u"count-selected(${flags})"_s << u"number:2"_s;
        QTest::newRow("count-selected unanswered") << u"count-selected(${empty})"_s << u"number:0"_s;
        QTest::newRow("string-length counts characters") << u"string-length('Zoë')"_s << u"number:3"_s;
        QTest::newRow("string-length outside the BMP") << u"string-length('a\U0001F600')"_s << u"number:2"_s;
        QTest::newRow("string-length of a number") << u"string-length(${age})"_s << u"number:2"_s;
        QTest::newRow("regex matches")
            << u"regex('+22370123456', '^\\+?[0-9]{6,15}$')"_s << u"boolean:true"_s;
        QTest::newRow("regex refuses") << u"regex('12ab', '^[0-9]+$')"_s << u"boolean:false"_s;
        QTest::newRow("regex finds anywhere") << u"regex('abc123', '[0-9]')"_s << u"boolean:true"_s;
        QTest::newRow("regex with a computed pattern")
            << u"regex('abc', concat('^', 'a'))"_s << u"boolean:true"_s;
        QTest::newRow("today") << u"today()"_s << u"string:2026-11-26"_s;
        QTest::newRow("coalesce skips unanswered") << u"coalesce(${empty}, 'x')"_s << u"string:x"_s;
        QTest::newRow("coalesce keeps the first") << u"coalesce(${name}, 'x')"_s << u"string:Ana"_s;
        QTest::newRow("coalesce of nothing") << u"coalesce(${empty}, '')"_s << u"string:"_s;
        QTest::newRow("count of a repeat") << u"count(${members})"_s << u"number:3"_s;
        QTest::newRow("count of nothing") << u"count(${nobody})"_s << u"number:0"_s;
        QTest::newRow("sum skips unanswered nodes") << u"sum(${ages})"_s << u"number:74"_s;
        QTest::newRow("sum of nothing") << u"sum(${nobody})"_s << u"number:0"_s;
        QTest::newRow("int truncates") << u"int(3.7)"_s << u"number:3"_s;
        QTest::newRow("int truncates towards zero") << u"int(-3.7)"_s << u"number:-3"_s;
        QTest::newRow("int of a string") << u"int('12.9')"_s << u"number:12"_s;
        QTest::newRow("number of text") << u"number('abc')"_s << u"number:NaN"_s;
        QTest::newRow("number with spaces") << u"number(' 42 ')"_s << u"number:42"_s;
        QTest::newRow("number refuses exponents") << u"number('1e3')"_s << u"number:NaN"_s;
        QTest::newRow("number of a boolean") << u"number(true())"_s << u"number:1"_s;
        QTest::newRow("string of a boolean") << u"string(1 = 1)"_s << u"string:true"_s;
        QTest::newRow("not") << u"not(${age} > 18)"_s << u"boolean:false"_s;
        QTest::newRow("true and false") << u"true() and not(false())"_s << u"boolean:true"_s;
        QTest::newRow("concat") << u"concat(${name}, ' (', ${age}, ')')"_s << u"string:Ana (34)"_s;
        QTest::newRow("concat spreads node-sets") << u"concat(${ages})"_s << u"string:34364"_s;
        QTest::newRow("join") << u"join(', ', ${roles})"_s << u"string:head, spouse, child, head"_s;
        QTest::newRow("contains") << u"contains(${name}, 'n')"_s << u"boolean:true"_s;
        QTest::newRow("starts-with") << u"starts-with(${birth}, '1990')"_s << u"boolean:true"_s;
        QTest::newRow("ends-with") << u"ends-with(${birth}, '-16')"_s << u"boolean:false"_s;
        QTest::newRow("substr") << u"substr(${birth}, 0, 4)"_s << u"string:1990"_s;
        QTest::newRow("substr to the end") << u"substr(${birth}, 5)"_s << u"string:05-15"_s;
        QTest::newRow("substr clamps") << u"substr('abc', 2, 99)"_s << u"string:c"_s;
        QTest::newRow("round half up") << u"round(2.5)"_s << u"number:3"_s;
        QTest::newRow("round negative half up") << u"round(-2.5)"_s << u"number:-2"_s;
        QTest::newRow("round to digits") << u"round(3.14159, 2)"_s << u"number:3.14"_s;
        QTest::newRow("min") << u"min(${ages}[. != ''], 10)"_s << u"number:4"_s;
        QTest::newRow("max") << u"max(3, 9, 4)"_s << u"number:9"_s;
        QTest::newRow("max with a non-number is NaN") << u"max(3, 'x')"_s << u"number:NaN"_s;
        QTest::newRow("age before the birthday") << u"age('1990-12-01')"_s << u"number:35"_s;
        QTest::newRow("age on the birthday") << u"age('1990-11-26')"_s << u"number:36"_s;
        QTest::newRow("age of a field") << u"age(${birth})"_s << u"number:36"_s;
        QTest::newRow("age of an invalid date") << u"age('1990-02-30')"_s << u"number:NaN"_s;
        QTest::newRow("decimal-date-time") << u"decimal-date-time('1970-01-11')"_s << u"number:10"_s;
        QTest::newRow("dates differ in days")
            << u"decimal-date-time(today()) - decimal-date-time('2026-11-20')"_s << u"number:6"_s;

        // Predicates
        QTest::newRow("predicate filters nodes") << u"count(${roles}[. = 'head'])"_s << u"number:2"_s;
        QTest::newRow("predicate keeps matches") << u"${ages}[. > 30]"_s << u"nodeset:[34,36]"_s;
        QTest::newRow("numeric predicate picks a node") << u"${ages}[2]"_s << u"nodeset:[36]"_s;
        QTest::newRow("predicates chain") << u"${ages}[. != ''][3]"_s << u"nodeset:[4]"_s;
        QTest::newRow("predicate reads fields") << u"count(${ages}[. >= ${age}])"_s << u"number:2"_s;
        QTest::newRow("predicate on a single value") << u"count(${name}[. = 'Ana'])"_s << u"number:1"_s;
    }

    void evaluate_grammarAndFunctions_giveXPathResults()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const TableEvaluationContext context = sampleContext();
        QCOMPARE(describe(evaluate(text, context)), expected);
    }

    void parse_invalidText_reportsPositionAndReason_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qsizetype>("position");
        QTest::addColumn<QString>("message");

        QTest::newRow("empty") << u""_s << qsizetype(0) << u"empty expression"_s;
        QTest::newRow("blank") << u"   "_s << qsizetype(3) << u"empty expression"_s;
        QTest::newRow("operator at the end")
            << u"${a} >="_s << qsizetype(7) << u"expected an operand after '>='"_s;
        QTest::newRow("operator then spaces")
            << u". >=  "_s << qsizetype(6) << u"expected an operand after '>='"_s;
        QTest::newRow("keyword at the end")
            << u"1 and"_s << qsizetype(5) << u"expected an operand after 'and'"_s;
        QTest::newRow("two operators") << u"1 + * 2"_s << qsizetype(4) << u"unexpected '*'"_s;
        QTest::newRow("starts with an operator") << u"* 2"_s << qsizetype(0) << u"unexpected '*'"_s;
        QTest::newRow("double =") << u"1 == 1"_s << qsizetype(3) << u"unexpected '='"_s;
        QTest::newRow("missing operator")
            << u"${a} ${b}"_s << qsizetype(5) << u"expected an operator before '${b}'"_s;
        QTest::newRow("unclosed parenthesis")
            << u"(${a} + 1"_s << qsizetype(9) << u"missing ')' for the '(' at 0"_s;
        QTest::newRow("wrong closing")
            << u"(1, 2)"_s << qsizetype(2) << u"expected ')' for the '(' at 0, found ','"_s;
        QTest::newRow("stray closing parenthesis") << u"1 )"_s << qsizetype(2) << u"unexpected ')'"_s;
        QTest::newRow("empty parentheses") << u"()"_s << qsizetype(1) << u"unexpected ')'"_s;
        QTest::newRow("unknown function") << u"1 + foo(1)"_s << qsizetype(4) << u"unknown function 'foo'"_s;
        QTest::newRow("too few arguments")
            << u"if(1, 2)"_s << qsizetype(0) << u"'if' takes 3 arguments, not 2"_s;
        QTest::newRow("too many arguments")
            << u"today(1)"_s << qsizetype(0) << u"'today' takes 0 arguments, not 1"_s;
        QTest::newRow("variadic needs one")
            << u"concat()"_s << qsizetype(0) << u"'concat' takes at least 1 argument, not 0"_s;
        QTest::newRow("optional arguments")
            << u"round(1, 2, 3)"_s << qsizetype(0) << u"'round' takes 1 to 2 arguments, not 3"_s;
        QTest::newRow("trailing comma") << u"not(1,)"_s << qsizetype(6) << u"unexpected ')'"_s;
        QTest::newRow("unclosed call") << u"not(1"_s << qsizetype(5) << u"missing ')' for the '(' at 3"_s;
        QTest::newRow("bad separator in a call")
            << u"not(1 2)"_s << qsizetype(6) << u"expected ',' or ')' in the call to 'not', found '2'"_s;
        QTest::newRow("bare name") << u"age > 3"_s << qsizetype(0)
                                   << u"unexpected name 'age' (a field is written ${age})"_s;
        QTest::newRow("unterminated string") << u"${a} = 'abc"_s << qsizetype(7) << u"unterminated string"_s;
        QTest::newRow("unknown character") << u"${a} # 2"_s << qsizetype(5) << u"unexpected character '#'"_s;
        QTest::newRow("lone !") << u"!${a}"_s << qsizetype(0) << u"unexpected character '!'"_s;
        QTest::newRow("$ without brace")
            << u"1 + $a"_s << qsizetype(4) << u"'$' must start a reference such as ${name}"_s;
        QTest::newRow("unterminated reference")
            << u"${a"_s << qsizetype(0) << u"unterminated reference: missing '}'"_s;
        QTest::newRow("bad field name") << u"${1a} + 1"_s << qsizetype(0) << u"'1a' is not a field name"_s;
        QTest::newRow("spaces in a reference")
            << u"${ a }"_s << qsizetype(0) << u"' a ' is not a field name"_s;
        QTest::newRow("empty reference") << u"${}"_s << qsizetype(0) << u"'' is not a field name"_s;
        QTest::newRow("unclosed predicate")
            << u"${a}[1"_s << qsizetype(6) << u"missing ']' for the '[' at 4"_s;
        QTest::newRow("stray bracket") << u"1 ]"_s << qsizetype(2) << u"unexpected ']'"_s;
        QTest::newRow("keyword as operand") << u"and 1"_s << qsizetype(0) << u"unexpected 'and'"_s;
        QTest::newRow("dot dot") << u".."_s << qsizetype(1) << u"expected an operator before '.'"_s;
    }

    void parse_invalidText_reportsPositionAndReason()
    {
        QFETCH(QString, text);
        QFETCH(qsizetype, position);
        QFETCH(QString, message);
        const auto parsed = Expression::parse(text);
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().message, message);
        QCOMPARE(parsed.error().position, position);
        QCOMPARE(parsed.error().toString(), u"at "_s + QString::number(position) + u": "_s + message);
    }

    void parse_invalidRegexLiteral_pointsAtThePattern()
    {
        const auto parsed = Expression::parse(u"regex(., '[a-')");
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().position, qsizetype(9));
        QVERIFY2(parsed.error().message.startsWith(u"invalid regular expression: "_s),
                 qPrintable(parsed.error().message));
    }

    void parse_deepNesting_isRefusedNotCrashing()
    {
        const QString deep = QString(u'(').repeated(5000) + u'1' + QString(u')').repeated(5000);
        const auto parsed = Expression::parse(deep);
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().message, u"expression nested too deeply"_s);

        const QString minus = QString(u'-').repeated(5000) + u'1';
        QVERIFY(!Expression::parse(minus).has_value());

        const QString fine = QString(u'(').repeated(50) + u'1' + QString(u')').repeated(50);
        QVERIFY(Expression::parse(fine).has_value());
    }

    void dependencies_listEachReferencedFieldOnceInOrder()
    {
        const auto expression =
            Expression::parse(u"${b} + ${a} * ${b} > count(${members}) and selected(${flags}, 'x')");
        QVERIFY(expression.has_value());
        QCOMPARE(expression->dependencies(), (QStringList{u"b"_s, u"a"_s, u"members"_s, u"flags"_s}));
        QCOMPARE(expression->references().size(), std::size_t(5));
        QCOMPARE(expression->references()[2].name, u"b"_s);
        QCOMPARE(expression->references()[2].position, qsizetype(14));
        QVERIFY(!expression->usesCurrentValue());
        QVERIFY(!expression->usesToday());
        QCOMPARE(expression->text(), u"${b} + ${a} * ${b} > count(${members}) and selected(${flags}, 'x')"_s);
    }

    void usesFlags_reportCurrentValueAndToday()
    {
        QVERIFY(Expression::parse(u". >= 0")->usesCurrentValue());
        QVERIFY(!Expression::parse(u"count(${roles}[. = 'head'])")->usesCurrentValue()); // '.' is the node
        QVERIFY(Expression::parse(u". <= today()")->usesToday());
        QVERIFY(Expression::parse(u"age(${birth}) > 5")->usesToday());
        QVERIFY(Expression::parse(u"${a} + 1")->dependencies() == QStringList{u"a"_s});
    }

    void choiceFilter_bareNamesAreColumns()
    {
        ExpressionOptions options;
        options.allowColumns = true;
        const auto filter = Expression::parse(u"district = ${district} and name != 'x'", options);
        QVERIFY(filter.has_value());
        QCOMPARE(filter->columns().size(), std::size_t(2));
        QCOMPARE(filter->columns()[0].name, u"district"_s);
        QCOMPARE(filter->columns()[1].name, u"name"_s);
        QCOMPARE(filter->columns()[1].position, qsizetype(27));
        QCOMPARE(filter->dependencies(), QStringList{u"district"_s});

        TableEvaluationContext context;
        context.values.insert(u"district"_s, ExpressionValue::string(u"hillside"_s));
        context.columns.insert(u"district"_s, ExpressionValue::string(u"hillside"_s));
        context.columns.insert(u"name"_s, ExpressionValue::string(u"kalo"_s));
        QVERIFY(filter->evaluateBool(context));
        context.columns.insert(u"district"_s, ExpressionValue::string(u"lakeshore"_s));
        QVERIFY(!filter->evaluateBool(context));
        // Keywords stay operators between operands, even in filters.
        QVERIFY(Expression::parse(u"a and b", options).has_value());
    }

    void parseXPathNumber_acceptsOnlyXPathNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("expected"); // NaN: not a number

        const double nan = std::nan("");
        QTest::newRow("integer") << u"42"_s << 42.0;
        QTest::newRow("negative") << u"-3.5"_s << -3.5;
        QTest::newRow("leading dot") << u".25"_s << 0.25;
        QTest::newRow("trailing dot") << u"7."_s << 7.0;
        QTest::newRow("spaces around") << u"  8 \n"_s << 8.0;
        QTest::newRow("empty") << u""_s << nan;
        QTest::newRow("plus sign") << u"+1"_s << nan;
        QTest::newRow("exponent") << u"1e3"_s << nan;
        QTest::newRow("comma") << u"1,5"_s << nan;
        QTest::newRow("inf") << u"inf"_s << nan;
        QTest::newRow("lone minus") << u"-"_s << nan;
        QTest::newRow("lone dot") << u"."_s << nan;
        QTest::newRow("inner space") << u"1 2"_s << nan;
    }

    void parseXPathNumber_acceptsOnlyXPathNumbers()
    {
        QFETCH(QString, text);
        QFETCH(double, expected);
        const double actual = parseXPathNumber(text);
        if (std::isnan(expected))
            QVERIFY2(std::isnan(actual), qPrintable(QString::number(actual)));
        else
            QCOMPARE(actual, expected);
    }

    void formatXPathNumber_writesNumbersAsXPath_data()
    {
        QTest::addColumn<double>("number");
        QTest::addColumn<QString>("expected");
        QTest::newRow("integral") << 18.0 << u"18"_s;
        QTest::newRow("negative zero") << -0.0 << u"0"_s;
        QTest::newRow("fraction") << -0.5 << u"-0.5"_s;
        QTest::newRow("large integral") << 123456789012.0 << u"123456789012"_s;
        QTest::newRow("NaN") << std::nan("") << u"NaN"_s;
        QTest::newRow("infinity") << HUGE_VAL << u"Infinity"_s;
        QTest::newRow("minus infinity") << -HUGE_VAL << u"-Infinity"_s;
    }

    void formatXPathNumber_writesNumbersAsXPath()
    {
        QFETCH(double, number);
        QFETCH(QString, expected);
        QCOMPARE(formatXPathNumber(number), expected);
    }

    void valueConversions_followXPath()
    {
        QCOMPARE(ExpressionValue().toString(), QString());
        QVERIFY(ExpressionValue().isEmpty());
        QVERIFY(!ExpressionValue().toBool());
        QVERIFY(std::isnan(ExpressionValue().toNumber()));
        QCOMPARE(ExpressionValue::nodeSet({u"4"_s, u"5"_s}).toNumber(), 4.0);
        QCOMPARE(ExpressionValue::nodeSet({u"4"_s, u"5"_s}).toString(), u"4"_s);
        QVERIFY(ExpressionValue::nodeSet({QString()}).toBool()); // a node, even empty
        QVERIFY(!ExpressionValue::nodeSet({}).toBool());
        QCOMPARE(ExpressionValue::boolean(false).toString(), u"false"_s);
        QVERIFY(ExpressionValue::number(std::nan("")) == ExpressionValue::number(std::nan("")));
        QVERIFY(!(ExpressionValue::number(1) == ExpressionValue::string(u"1"_s)));
    }

    void evaluate_isFastEnoughForEveryKeystroke()
    {
        // A relevance check is evaluated on every keystroke for every field that reads the
        // changed one: it must stay far below a millisecond.
        const auto expression = Expression::parse(u"${age} >= 18 and selected(${flags}, 'disabled')");
        QVERIFY(expression.has_value());
        const TableEvaluationContext context = sampleContext();
        constexpr int rounds = 20000;
        QElapsedTimer timer;
        timer.start();
        int trueCount = 0;
        for (int i = 0; i < rounds; ++i)
            trueCount += expression->evaluateBool(context) ? 1 : 0;
        const qint64 ns = timer.nsecsElapsed();
        QCOMPARE(trueCount, rounds);
        QVERIFY2(ns / rounds < 50'000, qPrintable(QString::number(ns / rounds) + u" ns per evaluation"_s));
    }
};

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
