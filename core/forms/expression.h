#pragma once

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <expected>
#include <memory>
#include <vector>

namespace fieldledger::core {

// A value of the form expression language. The semantics are XPath 1.0's, as XLSForm uses
// them: an unanswered field is the empty string; a reference to a repeat, or to a field inside
// a repeat from outside it, is a node-set (one node per instance); dates are 'YYYY-MM-DD'
// strings. Conversions:
// - toNumber: a number as is; a boolean 1 or 0; a string that reads as an XPath number
//   (optional '-', digits with an optional '.', surrounding whitespace allowed) that number,
//   anything else NaN; a node-set its first node (NaN when empty);
// - toString: numbers without a trailing ".0" (NaN, Infinity, -Infinity as XPath writes them),
//   booleans "true"/"false", a node-set its first node;
// - toBool: a number not zero and not NaN; a non-empty string; a non-empty node-set.
class ExpressionValue final {
public:
    enum class Type { String, Number, Boolean, NodeSet };

    ExpressionValue() = default; // the empty string: an unanswered field
    [[nodiscard]] static ExpressionValue string(QString text);
    [[nodiscard]] static ExpressionValue number(double number);
    [[nodiscard]] static ExpressionValue boolean(bool value);
    [[nodiscard]] static ExpressionValue nodeSet(QStringList nodes);

    [[nodiscard]] Type type() const { return m_type; }
    [[nodiscard]] bool isNumber() const { return m_type == Type::Number; }
    [[nodiscard]] bool isBoolean() const { return m_type == Type::Boolean; }
    [[nodiscard]] bool isNodeSet() const { return m_type == Type::NodeSet; }
    // The empty string, or an empty node-set.
    [[nodiscard]] bool isEmpty() const;

    [[nodiscard]] QString toString() const;
    [[nodiscard]] double toNumber() const;
    [[nodiscard]] bool toBool() const;
    [[nodiscard]] const QStringList &nodes() const { return m_nodes; }

    // Same type and same value (NaN equals NaN here): for tests and change detection, not
    // the language's '=' (see Expression).
    friend bool operator==(const ExpressionValue &a, const ExpressionValue &b);

private:
    Type m_type = Type::String;
    bool m_boolean = false;
    double m_number = 0;
    QString m_string;
    QStringList m_nodes;
};

// "12", "-3.5", ".5" -> the number; anything else (exponents, "+1", "1,5", "") -> NaN.
[[nodiscard]] double parseXPathNumber(QStringView text);
// A number as XPath writes it: 18, -0.5, NaN, Infinity.
[[nodiscard]] QString formatXPathNumber(double number);

// What an expression reads while it is evaluated. `today` is injected (never the wall clock),
// so evaluation is deterministic.
class EvaluationContext {
public:
    virtual ~EvaluationContext() = default;

    // ${name}: a field's value (or a node-set for a repeat or a field of another repeat).
    [[nodiscard]] virtual ExpressionValue reference(const QString &name) const = 0;
    // '.': the value of the field the expression belongs to (constraints).
    [[nodiscard]] virtual ExpressionValue currentValue() const { return {}; }
    // A bare name in a choice filter: the column of the choice being filtered ("name",
    // "district", ...).
    [[nodiscard]] virtual ExpressionValue column(const QString &name) const
    {
        Q_UNUSED(name);
        return {};
    }

    QDate today;
};

// A context that reads from tables: for tests and simple callers.
class TableEvaluationContext final : public EvaluationContext {
public:
    [[nodiscard]] ExpressionValue reference(const QString &name) const override { return values.value(name); }
    [[nodiscard]] ExpressionValue currentValue() const override { return current; }
    [[nodiscard]] ExpressionValue column(const QString &name) const override { return columns.value(name); }

    QHash<QString, ExpressionValue> values;
    ExpressionValue current;
    QHash<QString, ExpressionValue> columns;
};

// Where and why parsing failed; position is the 0-based offset (UTF-16 code units) in the
// expression text of the token at fault (the text's length for "ran out of input").
struct ExpressionError {
    qsizetype position = 0;
    QString message;

    // "at 7: expected an operand after '>='"
    [[nodiscard]] QString toString() const;
};

struct ExpressionOptions {
    // Bare names are choice columns (choice filters: "district = ${district}"); elsewhere a
    // bare name is an error that suggests ${name}.
    bool allowColumns = false;
};

// A name an expression mentions, and where.
struct ExpressionName {
    QString name;
    qsizetype position = 0;
};

// A parsed expression of the form language (XLSForm's XPath subset), built once and evaluated
// many times. Grammar, loosest binding first (all binary operators are left-associative):
//   or;  and;  = !=;  < <= > >=;  + -;  * div mod;  unary -;
//   operands: ${name}, '.', 'text' or "text" (no escapes), numbers (12, 3.5, .5),
//   function calls name(args...), ( expression ), and in choice filters bare column names;
//   an operand may be followed by predicates that filter its nodes, XPath style:
//   count(${relationship}[. = 'head']) ('.' is the node), ${age}[1] (the first node).
// Comparisons: booleans compare as booleans ('=' and '!='); when both sides read as numbers
// (a number, or a string that reads as one) they compare numerically; otherwise '=' and '!='
// compare strings, and '<' '<=' '>' '>=' compare strings in code-point order, so 'YYYY-MM-DD'
// dates compare as dates; any ordering comparison with an empty side is false. A node-set
// compares true when any of its nodes does (XPath).
// Functions: if(c, a, b) (only the branch taken is evaluated), selected(list, value),
// count-selected(list), string-length(s), regex(s, pattern) (a match anywhere: anchor with ^$),
// today(), coalesce(a, b), count(nodes), sum(nodes) (unanswered nodes count 0), int(x)
// (towards zero), number(x), string(x), boolean(x), not(x), true(), false(), concat(...) (a
// node-set argument contributes all its nodes), join(separator, nodes), contains(s, t),
// starts-with(s, t), ends-with(s, t), substr(s, start[, end]) (0-based, end exclusive),
// round(x[, digits]), min(...), max(...), age(date) (whole years at today()),
// decimal-date-time(date) (days since 1970-01-01).
class Expression final {
public:
    [[nodiscard]] static std::expected<Expression, ExpressionError>
    parse(QStringView text, const ExpressionOptions &options = {});

    [[nodiscard]] ExpressionValue evaluate(const EvaluationContext &context) const;
    [[nodiscard]] bool evaluateBool(const EvaluationContext &context) const
    {
        return evaluate(context).toBool();
    }

    [[nodiscard]] const QString &text() const;
    // Field names referenced with ${...}, each once, in order of first appearance: the
    // renderer re-evaluates an expression only when one of these changes.
    [[nodiscard]] const QStringList &dependencies() const;
    // Every ${name} occurrence with its position (for definition errors).
    [[nodiscard]] const std::vector<ExpressionName> &references() const;
    // Bare column names of a choice filter, every occurrence with its position.
    [[nodiscard]] const std::vector<ExpressionName> &columns() const;
    [[nodiscard]] bool usesCurrentValue() const;
    [[nodiscard]] bool usesToday() const;

    struct Program;

private:
    explicit Expression(std::shared_ptr<const Program> program)
        : m_program(std::move(program))
    {
    }

    std::shared_ptr<const Program> m_program; // immutable, shared by copies
};

} // namespace fieldledger::core
