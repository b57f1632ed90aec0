#include "core/forms/expression.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

// ---------------------------------------------------------------------------------------------
// Values

ExpressionValue ExpressionValue::string(QString text)
{
    ExpressionValue value;
    value.m_string = std::move(text);
    return value;
}

ExpressionValue ExpressionValue::number(double number)
{
    ExpressionValue value;
    value.m_type = Type::Number;
    value.m_number = number;
    return value;
}

ExpressionValue ExpressionValue::boolean(bool boolean)
{
    ExpressionValue value;
    value.m_type = Type::Boolean;
    value.m_boolean = boolean;
    return value;
}

ExpressionValue ExpressionValue::nodeSet(QStringList nodes)
{
    ExpressionValue value;
    value.m_type = Type::NodeSet;
    value.m_nodes = std::move(nodes);
    return value;
}

bool ExpressionValue::isEmpty() const
{
    switch (m_type) {
    case Type::String:
        return m_string.isEmpty();
    case Type::NodeSet:
        return m_nodes.isEmpty();
    case Type::Number:
    case Type::Boolean:
        break;
    }
    return false;
}

QString ExpressionValue::toString() const
{
    switch (m_type) {
    case Type::String:
        return m_string;
    case Type::Number:
        return formatXPathNumber(m_number);
    case Type::Boolean:
        return m_boolean ? u"true"_s : u"false"_s;
    case Type::NodeSet:
        return m_nodes.isEmpty() ? QString() : m_nodes.first();
    }
    return {};
}

double ExpressionValue::toNumber() const
{
    switch (m_type) {
    case Type::String:
        return parseXPathNumber(m_string);
    case Type::Number:
        return m_number;
    case Type::Boolean:
        return m_boolean ? 1.0 : 0.0;
    case Type::NodeSet:
        return m_nodes.isEmpty() ? std::numeric_limits<double>::quiet_NaN()
                                 : parseXPathNumber(m_nodes.first());
    }
    return std::numeric_limits<double>::quiet_NaN();
}

bool ExpressionValue::toBool() const
{
    switch (m_type) {
    case Type::String:
        return !m_string.isEmpty();
    case Type::Number:
        return m_number != 0 && !std::isnan(m_number);
    case Type::Boolean:
        return m_boolean;
    case Type::NodeSet:
        return !m_nodes.isEmpty();
    }
    return false;
}

bool operator==(const ExpressionValue &a, const ExpressionValue &b)
{
    if (a.m_type != b.m_type)
        return false;
    switch (a.m_type) {
    case ExpressionValue::Type::String:
        return a.m_string == b.m_string;
    case ExpressionValue::Type::Number:
        return a.m_number == b.m_number || (std::isnan(a.m_number) && std::isnan(b.m_number));
    case ExpressionValue::Type::Boolean:
        return a.m_boolean == b.m_boolean;
    case ExpressionValue::Type::NodeSet:
        return a.m_nodes == b.m_nodes;
    }
    return false;
}

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();

} // namespace

double parseXPathNumber(QStringView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isSpace(text[begin]))
        ++begin;
    while (end > begin && isSpace(text[end - 1]))
        --end;
    const QStringView body = text.sliced(begin, end - begin);
    qsizetype i = 0;
    if (i < body.size() && body[i] == u'-')
        ++i;
    qsizetype digits = 0;
    while (i < body.size() && isAsciiDigit(body[i])) {
        ++i;
        ++digits;
    }
    if (i < body.size() && body[i] == u'.') {
        ++i;
        while (i < body.size() && isAsciiDigit(body[i])) {
            ++i;
            ++digits;
        }
    }
    if (digits == 0 || i != body.size())
        return notANumber;
    bool ok = false;
    const double value = body.toDouble(&ok);
    return ok ? value : notANumber;
}

QString formatXPathNumber(double number)
{
    if (std::isnan(number))
        return u"NaN"_s;
    if (std::isinf(number))
        return number > 0 ? u"Infinity"_s : u"-Infinity"_s;
    if (number == 0)
        return u"0"_s; // also -0
    if (std::trunc(number) == number && std::fabs(number) < 1e15)
        return QString::number(static_cast<qint64>(number));
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

QString ExpressionError::toString() const
{
    return u"at "_s + QString::number(position) + u": "_s + message;
}

// ---------------------------------------------------------------------------------------------
// The syntax tree

namespace {

enum class NodeKind : quint8 { Literal, Reference, Current, Column, Negate, Binary, Call, Filter };

enum class BinaryOp : quint8 {
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
};

enum class Function : quint8 {
    If,
    Selected,
    CountSelected,
    StringLength,
    Regex,
    Today,
    Coalesce,
    Count,
    Sum,
    Int,
    Number,
    String,
    Boolean,
    Not,
    True,
    False,
    Concat,
    Join,
    Contains,
    StartsWith,
    EndsWith,
    Substr,
    Round,
    Min,
    Max,
    Age,
    DecimalDateTime,
};

struct FunctionInfo {
    QStringView name;
    Function function;
    int minArguments;
    int maxArguments; // -1: any number
};

constexpr FunctionInfo functionTable[] = {
    {u"if", Function::If, 3, 3},
    {u"selected", Function::Selected, 2, 2},
    {u"count-selected", Function::CountSelected, 1, 1},
    {u"string-length", Function::StringLength, 1, 1},
    {u"regex", Function::Regex, 2, 2},
    {u"today", Function::Today, 0, 0},
    {u"coalesce", Function::Coalesce, 2, -1},
    {u"count", Function::Count, 1, 1},
    {u"sum", Function::Sum, 1, 1},
    {u"int", Function::Int, 1, 1},
    {u"number", Function::Number, 1, 1},
    {u"string", Function::String, 1, 1},
    {u"boolean", Function::Boolean, 1, 1},
    {u"not", Function::Not, 1, 1},
    {u"true", Function::True, 0, 0},
    {u"false", Function::False, 0, 0},
    {u"concat", Function::Concat, 1, -1},
    {u"join", Function::Join, 2, -1},
    {u"contains", Function::Contains, 2, 2},
    {u"starts-with", Function::StartsWith, 2, 2},
    {u"ends-with", Function::EndsWith, 2, 2},
    {u"substr", Function::Substr, 2, 3},
    {u"round", Function::Round, 1, 2},
    {u"min", Function::Min, 1, -1},
    {u"max", Function::Max, 1, -1},
    {u"age", Function::Age, 1, 1},
    {u"decimal-date-time", Function::DecimalDateTime, 1, 1},
};

const FunctionInfo *findFunction(QStringView name)
{
    for (const FunctionInfo &info : functionTable) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

struct Node {
    NodeKind kind = NodeKind::Literal;
    BinaryOp op = BinaryOp::Or;
    Function function = Function::True;
    ExpressionValue literal;
    QString name;
    std::vector<Node> children;
    std::shared_ptr<const QRegularExpression> regex; // a literal pattern, compiled once
};

} // namespace

struct Expression::Program {
    QString text;
    Node root;
    QStringList dependencies;
    std::vector<ExpressionName> references;
    std::vector<ExpressionName> columns;
    bool usesCurrentValue = false;
    bool usesToday = false;
};

// ---------------------------------------------------------------------------------------------
// Lexer

namespace {

enum class TokenKind : quint8 {
    End,
    Number,
    String,
    Reference,
    Dot,
    Name,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Operator,
};

struct Token {
    TokenKind kind = TokenKind::End;
    qsizetype position = 0;
    qsizetype length = 0;
    QString text;               // Name and Reference: the name; String: the contents
    double number = 0;          // Number
    BinaryOp op = BinaryOp::Or; // Operator (unary minus is Subtract)
};

bool isNameStart(QChar c)
{
    return isAsciiLetter(c) || c == u'_';
}

bool isNameChar(QChar c)
{
    return isAsciiLetter(c) || isAsciiDigit(c) || c == u'_';
}

std::expected<std::vector<Token>, ExpressionError> tokenize(QStringView text)
{
    std::vector<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (true) {
        while (i < n && isSpace(text[i]))
            ++i;
        Token token;
        token.position = i;
        if (i == n) {
            tokens.push_back(std::move(token));
            return tokens;
        }
        const QChar c = text[i];
        if (isAsciiDigit(c) || (c == u'.' && i + 1 < n && isAsciiDigit(text[i + 1]))) {
            qsizetype j = i;
            while (j < n && isAsciiDigit(text[j]))
                ++j;
            if (j < n && text[j] == u'.') {
                ++j;
                while (j < n && isAsciiDigit(text[j]))
                    ++j;
            }
            token.kind = TokenKind::Number;
            token.number = text.sliced(i, j - i).toDouble();
            token.length = j - i;
        } else if (c == u'.') {
            token.kind = TokenKind::Dot;
            token.length = 1;
        } else if (c == u'\'' || c == u'"') {
            const qsizetype close = text.indexOf(c, i + 1);
            if (close < 0)
                return std::unexpected(ExpressionError{i, u"unterminated string"_s});
            token.kind = TokenKind::String;
            token.text = text.sliced(i + 1, close - i - 1).toString();
            token.length = close + 1 - i;
        } else if (c == u'$') {
            if (i + 1 >= n || text[i + 1] != u'{')
                return std::unexpected(ExpressionError{i, u"'$' must start a reference such as ${name}"_s});
            qsizetype j = i + 2;
            if (j < n && isNameStart(text[j])) {
                ++j;
                while (j < n && isNameChar(text[j]))
                    ++j;
            }
            if (j == i + 2 || j >= n || text[j] != u'}') {
                const qsizetype close = text.indexOf(u'}', i + 2);
                if (close < 0)
                    return std::unexpected(ExpressionError{i, u"unterminated reference: missing '}'"_s});
                return std::unexpected(ExpressionError{i, u"'"_s + text.sliced(i + 2, close - i - 2) +
                                                              u"' is not a field name"_s});
            }
            token.kind = TokenKind::Reference;
            token.text = text.sliced(i + 2, j - i - 2).toString();
            token.length = j + 1 - i;
        } else if (isNameStart(c)) {
            // Function names have hyphens (count-selected): a '-' followed by a letter continues
            // a name; "a-1" is a minus.
            qsizetype j = i + 1;
            while (j < n &&
                   (isNameChar(text[j]) || (text[j] == u'-' && j + 1 < n && isNameStart(text[j + 1]))))
                ++j;
            token.kind = TokenKind::Name;
            token.text = text.sliced(i, j - i).toString();
            token.length = j - i;
        } else if (c == u'(' || c == u')' || c == u',' || c == u'[' || c == u']') {
            token.kind = c == u'('   ? TokenKind::LeftParen
                         : c == u')' ? TokenKind::RightParen
                         : c == u'[' ? TokenKind::LeftBracket
                         : c == u']' ? TokenKind::RightBracket
                                     : TokenKind::Comma;
            token.length = 1;
        } else {
            const QChar next = i + 1 < n ? text[i + 1] : QChar();
            token.kind = TokenKind::Operator;
            token.length = 1;
            if (c == u'=') {
                token.op = BinaryOp::Equal;
            } else if (c == u'!' && next == u'=') {
                token.op = BinaryOp::NotEqual;
                token.length = 2;
            } else if (c == u'<') {
                token.op = next == u'=' ? BinaryOp::LessEqual : BinaryOp::Less;
                token.length = next == u'=' ? 2 : 1;
            } else if (c == u'>') {
                token.op = next == u'=' ? BinaryOp::GreaterEqual : BinaryOp::Greater;
                token.length = next == u'=' ? 2 : 1;
            } else if (c == u'+') {
                token.op = BinaryOp::Add;
            } else if (c == u'-') {
                token.op = BinaryOp::Subtract;
            } else if (c == u'*') {
                token.op = BinaryOp::Multiply;
            } else {
                return std::unexpected(ExpressionError{i, u"unexpected character '"_s + c + u"'"_s});
            }
        }
        i += token.length;
        tokens.push_back(std::move(token));
    }
}

// ---------------------------------------------------------------------------------------------
// Parser: precedence climbing over the token list.

int precedenceOf(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Or:
        return 1;
    case BinaryOp::And:
        return 2;
    case BinaryOp::Equal:
    case BinaryOp::NotEqual:
        return 3;
    case BinaryOp::Less:
    case BinaryOp::LessEqual:
    case BinaryOp::Greater:
    case BinaryOp::GreaterEqual:
        return 4;
    case BinaryOp::Add:
    case BinaryOp::Subtract:
        return 5;
    case BinaryOp::Multiply:
    case BinaryOp::Divide:
    case BinaryOp::Modulo:
        return 6;
    }
    return 0;
}

std::optional<BinaryOp> keywordOperator(QStringView name)
{
    if (name == u"and")
        return BinaryOp::And;
    if (name == u"or")
        return BinaryOp::Or;
    if (name == u"div")
        return BinaryOp::Divide;
    if (name == u"mod")
        return BinaryOp::Modulo;
    return std::nullopt;
}

constexpr int maxNesting = 128;

class Parser {
public:
    Parser(QStringView text, std::vector<Token> tokens, const ExpressionOptions &options,
           Expression::Program &program)
        : m_text(text)
        , m_tokens(std::move(tokens))
        , m_options(options)
        , m_program(program)
    {
    }

    std::optional<ExpressionError> run()
    {
        if (peek().kind == TokenKind::End) {
            fail(peek().position, u"empty expression"_s);
            return m_error;
        }
        m_program.root = parseBinary(1);
        if (!m_error && peek().kind != TokenKind::End) {
            const Token &token = peek();
            if (token.kind == TokenKind::RightParen || token.kind == TokenKind::Comma ||
                token.kind == TokenKind::RightBracket)
                fail(token.position, u"unexpected "_s + quoted(token));
            else
                fail(token.position, u"expected an operator before "_s + quoted(token));
        }
        return m_error;
    }

private:
    const Token &peek() const { return m_tokens[m_next]; }
    // The End token is never consumed, so peek() and take() stay in range.
    const Token &take()
    {
        const Token &token = m_tokens[m_next];
        if (token.kind != TokenKind::End)
            ++m_next;
        return token;
    }

    QString quoted(const Token &token) const
    {
        if (token.kind == TokenKind::End)
            return u"the end"_s;
        return u"'"_s + m_text.sliced(token.position, token.length) + u"'"_s;
    }

    void fail(qsizetype position, QString message)
    {
        if (!m_error)
            m_error = ExpressionError{position, std::move(message)};
    }

    std::optional<BinaryOp> binaryOperator(const Token &token) const
    {
        if (token.kind == TokenKind::Operator)
            return token.op;
        if (token.kind == TokenKind::Name)
            return keywordOperator(token.text);
        return std::nullopt;
    }

    Node parseBinary(int minPrecedence)
    {
        if (++m_depth > maxNesting) {
            fail(peek().position, u"expression nested too deeply"_s);
            return {};
        }
        Node left = parseUnary();
        while (!m_error) {
            const std::optional<BinaryOp> op = binaryOperator(peek());
            if (!op || precedenceOf(*op) < minPrecedence)
                break;
            take();
            Node right = parseBinary(precedenceOf(*op) + 1);
            Node node;
            node.kind = NodeKind::Binary;
            node.op = *op;
            node.children.push_back(std::move(left));
            node.children.push_back(std::move(right));
            left = std::move(node);
        }
        --m_depth;
        return left;
    }

    Node parseUnary()
    {
        const Token &token = peek();
        if (token.kind == TokenKind::Operator && token.op == BinaryOp::Subtract) {
            take();
            if (++m_depth > maxNesting) {
                fail(token.position, u"expression nested too deeply"_s);
                return {};
            }
            Node operand = parseUnary();
            --m_depth;
            Node node;
            node.kind = NodeKind::Negate;
            node.children.push_back(std::move(operand));
            return node;
        }
        return parseOperand();
    }

    void missingOperand(const Token &token)
    {
        if (token.kind == TokenKind::End && m_next > 0)
            fail(token.position, u"expected an operand after "_s + quoted(m_tokens[m_next - 1]));
        else
            fail(token.position, u"unexpected "_s + quoted(token));
    }

    // A primary followed by predicates: ${relationship}[. = 'head'] keeps the nodes for which
    // the predicate is true ('.' is the node), ${age}[2] the second node.
    Node parseOperand()
    {
        Node node = parsePrimary();
        while (!m_error && peek().kind == TokenKind::LeftBracket) {
            const Token &open = take();
            ++m_predicates;
            Node predicate = parseBinary(1);
            --m_predicates;
            if (m_error)
                return {};
            const Token &close = take();
            if (close.kind != TokenKind::RightBracket) {
                if (close.kind == TokenKind::End)
                    fail(close.position, u"missing ']' for the '[' at "_s + QString::number(open.position));
                else
                    fail(close.position, u"expected ']' for the '[' at "_s + QString::number(open.position) +
                                             u", found "_s + quoted(close));
                return {};
            }
            Node filter;
            filter.kind = NodeKind::Filter;
            filter.children.push_back(std::move(node));
            filter.children.push_back(std::move(predicate));
            node = std::move(filter);
        }
        return node;
    }

    Node parsePrimary()
    {
        const Token &token = take();
        Node node;
        switch (token.kind) {
        case TokenKind::Number:
            node.literal = ExpressionValue::number(token.number);
            return node;
        case TokenKind::String:
            node.literal = ExpressionValue::string(token.text);
            return node;
        case TokenKind::Reference:
            node.kind = NodeKind::Reference;
            node.name = token.text;
            m_program.references.push_back({token.text, token.position});
            if (!m_program.dependencies.contains(token.text))
                m_program.dependencies.push_back(token.text);
            return node;
        case TokenKind::Dot:
            node.kind = NodeKind::Current;
            if (m_predicates == 0)
                m_program.usesCurrentValue = true;
            return node;
        case TokenKind::LeftParen: {
            node = parseBinary(1);
            if (m_error)
                return {};
            const Token &close = take();
            if (close.kind != TokenKind::RightParen) {
                if (close.kind == TokenKind::End)
                    fail(close.position, u"missing ')' for the '(' at "_s + QString::number(token.position));
                else
                    fail(close.position, u"expected ')' for the '(' at "_s + QString::number(token.position) +
                                             u", found "_s + quoted(close));
            }
            return node;
        }
        case TokenKind::Name:
            if (peek().kind == TokenKind::LeftParen)
                return parseCall(token);
            if (keywordOperator(token.text)) {
                missingOperand(token);
                return {};
            }
            if (!m_options.allowColumns) {
                fail(token.position, u"unexpected name '"_s + token.text + u"' (a field is written ${"_s +
                                         token.text + u"})"_s);
                return {};
            }
            node.kind = NodeKind::Column;
            node.name = token.text;
            m_program.columns.push_back({token.text, token.position});
            return node;
        case TokenKind::End:
            missingOperand(token);
            return {};
        case TokenKind::RightParen:
        case TokenKind::LeftBracket:
        case TokenKind::RightBracket:
        case TokenKind::Comma:
        case TokenKind::Operator:
            missingOperand(token);
            return {};
        }
        return {};
    }

    static QString arityText(const FunctionInfo &info)
    {
        auto arguments = [](int count) -> QString {
            return QString::number(count) + (count == 1 ? u" argument"_s : u" arguments"_s);
        };
        if (info.maxArguments < 0)
            return u"at least "_s + arguments(info.minArguments);
        if (info.minArguments == info.maxArguments)
            return arguments(info.minArguments);
        return QString::number(info.minArguments) + u" to "_s + arguments(info.maxArguments);
    }

    Node parseCall(const Token &name)
    {
        const FunctionInfo *info = findFunction(name.text);
        if (!info) {
            fail(name.position, u"unknown function '"_s + name.text + u"'"_s);
            return {};
        }
        const Token &open = take();
        Node node;
        node.kind = NodeKind::Call;
        node.function = info->function;
        node.name = name.text;
        std::vector<qsizetype> argumentPositions;
        if (peek().kind == TokenKind::RightParen) {
            take();
        } else {
            while (true) {
                argumentPositions.push_back(peek().position);
                node.children.push_back(parseBinary(1));
                if (m_error)
                    return {};
                const Token &separator = take();
                if (separator.kind == TokenKind::RightParen)
                    break;
                if (separator.kind == TokenKind::Comma)
                    continue;
                if (separator.kind == TokenKind::End)
                    fail(separator.position,
                         u"missing ')' for the '(' at "_s + QString::number(open.position));
                else
                    fail(separator.position, u"expected ',' or ')' in the call to '"_s + name.text +
                                                 u"', found "_s + quoted(separator));
                return {};
            }
        }
        const int count = static_cast<int>(node.children.size());
        if (count < info->minArguments || (info->maxArguments >= 0 && count > info->maxArguments)) {
            fail(name.position, u"'"_s + name.text + u"' takes "_s + arityText(*info) + u", not "_s +
                                    QString::number(count));
            return {};
        }
        if (info->function == Function::Today)
            m_program.usesToday = true;
        if (info->function == Function::Age)
            m_program.usesToday = true;
        if (info->function == Function::Regex && node.children[1].kind == NodeKind::Literal) {
            auto regex = std::make_shared<QRegularExpression>(node.children[1].literal.toString());
            if (!regex->isValid()) {
                fail(argumentPositions[1], u"invalid regular expression: "_s + regex->errorString());
                return {};
            }
            regex->optimize();
            node.regex = std::move(regex);
        }
        return node;
    }

    QStringView m_text;
    std::vector<Token> m_tokens;
    const ExpressionOptions &m_options;
    Expression::Program &m_program;
    qsizetype m_next = 0;
    int m_depth = 0;
    int m_predicates = 0; // inside [...], '.' is the node, not the field
    std::optional<ExpressionError> m_error;
};

// ---------------------------------------------------------------------------------------------
// Evaluation

ExpressionValue evaluateNode(const Node &node, const EvaluationContext &context);

// Inside a predicate: '.' is the node being tested; everything else as outside.
class PredicateContext final : public EvaluationContext {
public:
    explicit PredicateContext(const EvaluationContext &outer)
        : m_outer(outer)
    {
        today = outer.today;
    }

    ExpressionValue reference(const QString &name) const override { return m_outer.reference(name); }
    ExpressionValue currentValue() const override { return m_node; }
    ExpressionValue column(const QString &name) const override { return m_outer.column(name); }
    void setNode(QString node) { m_node = ExpressionValue::string(std::move(node)); }

private:
    const EvaluationContext &m_outer;
    ExpressionValue m_node;
};

ExpressionValue filterNodes(const Node &node, const EvaluationContext &context)
{
    const ExpressionValue base = evaluateNode(node.children[0], context);
    const QStringList nodes = base.isNodeSet() ? base.nodes() : QStringList{base.toString()};
    QStringList kept;
    PredicateContext predicateContext(context);
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        predicateContext.setNode(nodes[i]);
        const ExpressionValue verdict = evaluateNode(node.children[1], predicateContext);
        if (verdict.isNumber() ? verdict.toNumber() == double(i + 1) : verdict.toBool())
            kept.push_back(nodes[i]);
    }
    return ExpressionValue::nodeSet(std::move(kept));
}

QStringList selectedTokens(const QString &list)
{
    return list.split(u' ', Qt::SkipEmptyParts);
}

qsizetype codePointCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QDate parseIsoDate(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() != 10)
        return {};
    return QDate::fromString(trimmed, u"yyyy-MM-dd");
}

bool compareNumbers(BinaryOp op, double a, double b)
{
    switch (op) {
    case BinaryOp::Equal:
        return a == b;
    case BinaryOp::NotEqual:
        return a != b;
    case BinaryOp::Less:
        return a < b;
    case BinaryOp::LessEqual:
        return a <= b;
    case BinaryOp::Greater:
        return a > b;
    case BinaryOp::GreaterEqual:
        return a >= b;
    default:
        return false;
    }
}

bool isEquality(BinaryOp op)
{
    return op == BinaryOp::Equal || op == BinaryOp::NotEqual;
}

// Two values, neither of them a node-set.
bool compareScalars(BinaryOp op, const ExpressionValue &a, const ExpressionValue &b)
{
    if (a.isBoolean() || b.isBoolean()) {
        if (isEquality(op))
            return (a.toBool() == b.toBool()) == (op == BinaryOp::Equal);
        return compareNumbers(op, a.toNumber(), b.toNumber());
    }
    if (isEquality(op)) {
        if (a.isNumber() || b.isNumber())
            return compareNumbers(op, a.toNumber(), b.toNumber());
        return (a.toString() == b.toString()) == (op == BinaryOp::Equal);
    }
    if (a.isEmpty() || b.isEmpty())
        return false;
    const double x = a.toNumber();
    const double y = b.toNumber();
    if (!std::isnan(x) && !std::isnan(y))
        return compareNumbers(op, x, y);
    if (a.isNumber() || b.isNumber())
        return false;
    const int order = QString::compare(a.toString(), b.toString(), Qt::CaseSensitive);
    return compareNumbers(op, order, 0);
}

bool compare(BinaryOp op, const ExpressionValue &a, const ExpressionValue &b)
{
    if (a.isNodeSet()) {
        return std::ranges::any_of(
            a.nodes(), [&](const QString &node) { return compare(op, ExpressionValue::string(node), b); });
    }
    if (b.isNodeSet()) {
        return std::ranges::any_of(
            b.nodes(), [&](const QString &node) { return compare(op, a, ExpressionValue::string(node)); });
    }
    return compareScalars(op, a, b);
}

// Every value of a variadic argument list, node-sets spread out.
QStringList flatten(const Node &node, const EvaluationContext &context, std::size_t first = 0)
{
    QStringList values;
    for (std::size_t i = first; i < node.children.size(); ++i) {
        const ExpressionValue value = evaluateNode(node.children[i], context);
        if (value.isNodeSet())
            values += value.nodes();
        else
            values.push_back(value.toString());
    }
    return values;
}

ExpressionValue minOrMax(const Node &node, const EvaluationContext &context, bool wantMax)
{
    const QStringList values = flatten(node, context);
    if (values.isEmpty())
        return ExpressionValue::number(notANumber);
    double best =
        wantMax ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    for (const QString &text : values) {
        const double value = parseXPathNumber(text);
        if (std::isnan(value))
            return ExpressionValue::number(notANumber);
        best = wantMax ? std::max(best, value) : std::min(best, value);
    }
    return ExpressionValue::number(best);
}

ExpressionValue callFunction(const Node &node, const EvaluationContext &context)
{
    auto argument = [&](std::size_t index) { return evaluateNode(node.children[index], context); };
    switch (node.function) {
    case Function::If:
        return argument(0).toBool() ? argument(1) : argument(2);
    case Function::Selected: {
        const QString wanted = argument(1).toString().trimmed();
        return ExpressionValue::boolean(selectedTokens(argument(0).toString()).contains(wanted));
    }
    case Function::CountSelected:
        return ExpressionValue::number(double(selectedTokens(argument(0).toString()).size()));
    case Function::StringLength:
        return ExpressionValue::number(double(codePointCount(argument(0).toString())));
    case Function::Regex: {
        const QString subject = argument(0).toString();
        if (node.regex)
            return ExpressionValue::boolean(node.regex->match(subject).hasMatch());
        const QRegularExpression regex(argument(1).toString());
        return ExpressionValue::boolean(regex.isValid() && regex.match(subject).hasMatch());
    }
    case Function::Today:
        return ExpressionValue::string(context.today.isValid() ? context.today.toString(u"yyyy-MM-dd")
                                                               : QString());
    case Function::Coalesce:
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            ExpressionValue value = argument(i);
            if (!value.isEmpty() && !(value.isNodeSet() && value.toString().isEmpty()))
                return value;
        }
        return {};
    case Function::Count: {
        const ExpressionValue value = argument(0);
        return ExpressionValue::number(value.isNodeSet() ? double(value.nodes().size()) : 1.0);
    }
    case Function::Sum: {
        const ExpressionValue value = argument(0);
        if (!value.isNodeSet())
            return ExpressionValue::number(value.isEmpty() ? 0.0 : value.toNumber());
        double total = 0;
        for (const QString &text : value.nodes()) {
            if (!text.trimmed().isEmpty())
                total += parseXPathNumber(text);
        }
        return ExpressionValue::number(total);
    }
    case Function::Int:
        return ExpressionValue::number(std::trunc(argument(0).toNumber()));
    case Function::Number:
        return ExpressionValue::number(argument(0).toNumber());
    case Function::String:
        return ExpressionValue::string(argument(0).toString());
    case Function::Boolean:
        return ExpressionValue::boolean(argument(0).toBool());
    case Function::Not:
        return ExpressionValue::boolean(!argument(0).toBool());
    case Function::True:
        return ExpressionValue::boolean(true);
    case Function::False:
        return ExpressionValue::boolean(false);
    case Function::Concat:
        return ExpressionValue::string(flatten(node, context).join(QString()));
    case Function::Join:
        return ExpressionValue::string(flatten(node, context, 1).join(argument(0).toString()));
    case Function::Contains:
        return ExpressionValue::boolean(argument(0).toString().contains(argument(1).toString()));
    case Function::StartsWith:
        return ExpressionValue::boolean(argument(0).toString().startsWith(argument(1).toString()));
    case Function::EndsWith:
        return ExpressionValue::boolean(argument(0).toString().endsWith(argument(1).toString()));
    case Function::Substr: {
        const QString text = argument(0).toString();
        const double startNumber = argument(1).toNumber();
        const double endNumber = node.children.size() > 2 ? argument(2).toNumber() : double(text.size());
        if (std::isnan(startNumber) || std::isnan(endNumber))
            return {};
        const qsizetype start =
            qBound<qsizetype>(0, qsizetype(std::clamp(startNumber, -1.0, 1e12)), text.size());
        const qsizetype end =
            qBound<qsizetype>(start, qsizetype(std::clamp(endNumber, -1.0, 1e12)), text.size());
        return ExpressionValue::string(text.sliced(start, end - start));
    }
    case Function::Round: {
        const double value = argument(0).toNumber();
        const double digits = node.children.size() > 1 ? std::trunc(argument(1).toNumber()) : 0.0;
        if (std::isnan(value) || std::isinf(value) || std::isnan(digits))
            return ExpressionValue::number(value);
        const double scale = std::pow(10.0, std::clamp(digits, -15.0, 15.0));
        return ExpressionValue::number(std::floor(value * scale + 0.5) / scale);
    }
    case Function::Min:
        return minOrMax(node, context, false);
    case Function::Max:
        return minOrMax(node, context, true);
    case Function::Age: {
        const QDate birth = parseIsoDate(argument(0).toString());
        const QDate today = context.today;
        if (!birth.isValid() || !today.isValid())
            return ExpressionValue::number(notANumber);
        int years = today.year() - birth.year();
        if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day()))
            --years;
        return ExpressionValue::number(years);
    }
    case Function::DecimalDateTime: {
        const QDate date = parseIsoDate(argument(0).toString());
        if (!date.isValid())
            return ExpressionValue::number(notANumber);
        return ExpressionValue::number(double(QDate(1970, 1, 1).daysTo(date)));
    }
    }
    return {};
}

ExpressionValue evaluateBinary(const Node &node, const EvaluationContext &context)
{
    const Node &leftNode = node.children[0];
    const Node &rightNode = node.children[1];
    switch (node.op) {
    case BinaryOp::Or:
        return ExpressionValue::boolean(evaluateNode(leftNode, context).toBool() ||
                                        evaluateNode(rightNode, context).toBool());
    case BinaryOp::And:
        return ExpressionValue::boolean(evaluateNode(leftNode, context).toBool() &&
                                        evaluateNode(rightNode, context).toBool());
    case BinaryOp::Equal:
    case BinaryOp::NotEqual:
    case BinaryOp::Less:
    case BinaryOp::LessEqual:
    case BinaryOp::Greater:
    case BinaryOp::GreaterEqual:
        return ExpressionValue::boolean(
            compare(node.op, evaluateNode(leftNode, context), evaluateNode(rightNode, context)));
    case BinaryOp::Add:
    case BinaryOp::Subtract:
    case BinaryOp::Multiply:
    case BinaryOp::Divide:
    case BinaryOp::Modulo:
        break;
    }
    const double a = evaluateNode(leftNode, context).toNumber();
    const double b = evaluateNode(rightNode, context).toNumber();
    switch (node.op) {
    case BinaryOp::Add:
        return ExpressionValue::number(a + b);
    case BinaryOp::Subtract:
        return ExpressionValue::number(a - b);
    case BinaryOp::Multiply:
        return ExpressionValue::number(a * b);
    case BinaryOp::Divide:
        return ExpressionValue::number(a / b);
    case BinaryOp::Modulo:
        return ExpressionValue::number(std::fmod(a, b));
    default:
        return {};
    }
}

ExpressionValue evaluateNode(const Node &node, const EvaluationContext &context)
{
    switch (node.kind) {
    case NodeKind::Literal:
        return node.literal;
    case NodeKind::Reference:
        return context.reference(node.name);
    case NodeKind::Current:
        return context.currentValue();
    case NodeKind::Column:
        return context.column(node.name);
    case NodeKind::Negate:
        return ExpressionValue::number(-evaluateNode(node.children[0], context).toNumber());
    case NodeKind::Binary:
        return evaluateBinary(node, context);
    case NodeKind::Call:
        return callFunction(node, context);
    case NodeKind::Filter:
        return filterNodes(node, context);
    }
    return {};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Expression

std::expected<Expression, ExpressionError> Expression::parse(QStringView text,
                                                             const ExpressionOptions &options)
{
    auto tokens = tokenize(text);
    if (!tokens)
        return std::unexpected(std::move(tokens.error()));
    auto program = std::make_shared<Program>();
    program->text = text.toString();
    Parser parser(text, *std::move(tokens), options, *program);
    if (std::optional<ExpressionError> error = parser.run())
        return std::unexpected(*std::move(error));
    return Expression(std::move(program));
}

ExpressionValue Expression::evaluate(const EvaluationContext &context) const
{
    return evaluateNode(m_program->root, context);
}

const QString &Expression::text() const
{
    return m_program->text;
}

const QStringList &Expression::dependencies() const
{
    return m_program->dependencies;
}

const std::vector<ExpressionName> &Expression::references() const
{
    return m_program->references;
}

const std::vector<ExpressionName> &Expression::columns() const
{
    return m_program->columns;
}

bool Expression::usesCurrentValue() const
{
    return m_program->usesCurrentValue;
}

bool Expression::usesToday() const
{
    return m_program->usesToday;
}

} // namespace fieldledger::core
