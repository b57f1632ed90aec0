#include "core/exchange/entityrowreader.h"

#include "core/events/canonicaljson.h"

#include <QJsonDocument>
#include <QLatin1StringView>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

// A cursor over the body's bytes. Every function returns false at the first byte it did not
// expect; the reader then gives up on the body (the caller decodes it the slow way).
class Parser {
public:
    explicit Parser(QByteArrayView bytes)
        : m_at(bytes.data())
        , m_end(bytes.data() + bytes.size())
    {
    }

    bool atEnd()
    {
        skipSpace();
        return m_at == m_end;
    }

    bool take(char c)
    {
        skipSpace();
        if (m_at == m_end || *m_at != c)
            return false;
        ++m_at;
        return true;
    }

    // The next value's first byte, or 0 at the end.
    char peek()
    {
        skipSpace();
        return m_at == m_end ? '\0' : *m_at;
    }

    // A string. Without escapes (keys almost always) and with `plain` given, `plain` gets its
    // raw bytes and `text` is left alone; otherwise `plain` is made null and `text`, when given,
    // gets the text.
    bool string(QByteArrayView *plain, QString *text)
    {
        if (!take('"'))
            return false;
        const char *start = m_at;
        while (m_at != m_end && *m_at != '"' && *m_at != '\\') {
            if (static_cast<unsigned char>(*m_at) < 0x20)
                return false;
            ++m_at;
        }
        if (m_at == m_end)
            return false;
        if (*m_at == '"') {
            const QByteArrayView bytes(start, m_at - start);
            ++m_at;
            if (plain)
                *plain = bytes;
            else if (text)
                *text = QString::fromUtf8(bytes);
            return true;
        }
        // Escapes: build the text piece by piece.
        QString built = QString::fromUtf8(QByteArrayView(start, m_at - start));
        while (m_at != m_end && *m_at != '"') {
            if (*m_at != '\\') {
                const char *run = m_at;
                while (m_at != m_end && *m_at != '"' && *m_at != '\\') {
                    if (static_cast<unsigned char>(*m_at) < 0x20)
                        return false;
                    ++m_at;
                }
                built += QString::fromUtf8(QByteArrayView(run, m_at - run));
                continue;
            }
            if (++m_at == m_end)
                return false;
            switch (*m_at++) {
            case '"':
                built += u'"';
                break;
            case '\\':
                built += u'\\';
                break;
            case '/':
                built += u'/';
                break;
            case 'b':
                built += u'\b';
                break;
            case 'f':
                built += u'\f';
                break;
            case 'n':
                built += u'\n';
                break;
            case 'r':
                built += u'\r';
                break;
            case 't':
                built += u'\t';
                break;
            case 'u': {
                if (m_end - m_at < 4)
                    return false;
                unsigned int unit = 0;
                const auto [end, error] = std::from_chars(m_at, m_at + 4, unit, 16);
                if (error != std::errc() || end != m_at + 4)
                    return false;
                m_at += 4;
                built += QChar(char16_t(unit)); // surrogate halves pair up as UTF-16
                break;
            }
            default:
                return false;
            }
        }
        if (m_at == m_end)
            return false;
        ++m_at;
        if (plain)
            *plain = {};
        if (text)
            *text = std::move(built);
        return true;
    }

    // A JSON value as the cell Cell::fromJson gives; `cell` null: skipped.
    bool value(Cell *cell)
    {
        switch (peek()) {
        case '"': {
            QString text;
            if (!string(nullptr, cell ? &text : nullptr))
                return false;
            if (cell)
                *cell = Cell::fromString(text);
            return true;
        }
        case 't':
            return literal("true"_L1, cell, [](Cell &c) { c = Cell::fromJson(QJsonValue(true)); });
        case 'f':
            return literal("false"_L1, cell, [](Cell &c) { c = Cell::fromJson(QJsonValue(false)); });
        case 'n':
            return literal("null"_L1, cell, [](Cell &c) { c = Cell::empty(); });
        case '{':
        case '[':
            return nested(cell);
        default:
            return number(cell);
        }
    }

    // A number; `integer` set when it is one that fits (version).
    bool number(Cell *cell, qint64 *integer = nullptr)
    {
        skipSpace();
        // JSON's grammar exactly: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
        const char *start = m_at;
        const auto digits = [&] {
            const char *first = m_at;
            while (m_at != m_end && *m_at >= '0' && *m_at <= '9')
                ++m_at;
            return m_at != first;
        };
        if (m_at != m_end && *m_at == '-')
            ++m_at;
        if (m_at != m_end && *m_at == '0')
            ++m_at;
        else if (!digits())
            return false;
        if (m_at != m_end && *m_at == '.') {
            ++m_at;
            if (!digits())
                return false;
        }
        if (m_at != m_end && (*m_at == 'e' || *m_at == 'E')) {
            ++m_at;
            if (m_at != m_end && (*m_at == '+' || *m_at == '-'))
                ++m_at;
            if (!digits())
                return false;
        }
        double parsed = 0;
        const auto [end, error] = std::from_chars(start, m_at, parsed);
        if (error != std::errc() || end != m_at || !std::isfinite(parsed))
            return false;
        if (cell)
            *cell = Cell::fromNumber(parsed);
        if (integer) {
            if (parsed != std::floor(parsed) || std::fabs(parsed) > 9007199254740992.0)
                return false;
            *integer = qint64(parsed);
        }
        return true;
    }

    bool boolean(bool &out)
    {
        if (peek() == 't')
            return out = true, word("true"_L1);
        return out = false, word("false"_L1);
    }

    // Skips an object or array; `cell` gets its canonical JSON text (read back through Qt, as
    // Cell::fromJson would see it: rare in registration data).
    bool nested(Cell *cell)
    {
        skipSpace();
        const char *start = m_at;
        QByteArray closers; // what each open bracket expects
        while (m_at != m_end) {
            const char c = *m_at;
            if (c == '"') {
                if (!string(nullptr, nullptr))
                    return false;
                continue;
            }
            ++m_at;
            if (c == '{' || c == '[') {
                closers.append(c == '{' ? '}' : ']');
            } else if (c == '}' || c == ']') {
                if (closers.isEmpty() || closers.back() != c)
                    return false;
                closers.chop(1);
                if (closers.isEmpty())
                    break;
            }
        }
        if (!closers.isEmpty() || m_at == start)
            return false;
        if (cell) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(QByteArray(start, m_at - start), &error);
            if (error.error != QJsonParseError::NoError)
                return false;
            *cell = Cell::fromJson(document.isArray() ? QJsonValue(document.array())
                                                      : QJsonValue(document.object()));
        }
        return true;
    }

private:
    void skipSpace()
    {
        while (m_at != m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
            ++m_at;
    }

    bool word(QLatin1StringView spelled)
    {
        skipSpace();
        if (m_end - m_at < spelled.size() || QLatin1StringView(m_at, spelled.size()) != spelled)
            return false;
        m_at += spelled.size();
        return true;
    }

    template<typename Set>
    bool literal(QLatin1StringView spelled, Cell *cell, Set set)
    {
        if (!word(spelled))
            return false;
        if (cell)
            set(*cell);
        return true;
    }

    const char *m_at;
    const char *m_end;
};

} // namespace

EntityRowReader::EntityRowReader(const QStringList &keys)
    : m_keys(keys)
    , m_count(keys.size())
{
    m_sorted.reserve(keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i)
        m_sorted.emplace_back(keys[i], i);
    std::sort(m_sorted.begin(), m_sorted.end());
}

void EntityRowReader::fill(const Entity &entity, Row &row) const
{
    row.guid = entity.guid;
    row.lastUpdated = entity.lastUpdated;
    row.version = entity.version;
    row.deleted = entity.deleted;
    row.group = entity.isGroup();
    row.memberCount = entity.memberIds.size();
    row.data.resize(m_count);
    row.strings.assign(std::size_t(m_count), false);
    for (qsizetype i = 0; i < m_count; ++i) {
        const QJsonValue value = entity.data.value(m_keys[i]);
        row.data[i] = Cell::fromJson(value);
        row.strings[std::size_t(i)] = value.isString();
    }
}

bool EntityRowReader::read(QByteArrayView body, Row &row) const
{
    row.data.fill(Cell::empty(), m_count);
    row.strings.assign(std::size_t(m_count), false);
    row.memberCount = 0;
    Parser parser(body);
    if (!parser.take('{'))
        return false;
    // Each member once; all but memberIds required (as Entity::fromJson wants them).
    enum Member : unsigned {
        Data = 1,
        Deleted = 2,
        Guid = 4,
        LastUpdated = 8,
        MemberIds = 16,
        Type = 32,
        Version = 64
    };
    unsigned seen = 0;
    const auto once = [&seen](Member member) {
        const bool first = (seen & member) == 0;
        seen |= member;
        return first;
    };
    if (parser.peek() == '}')
        return false;
    do {
        QByteArrayView key;
        QString escapedKey;
        if (!parser.string(&key, &escapedKey) || !parser.take(':'))
            return false;
        bool ok = false;
        if (key == "data") {
            ok = once(Data) && parser.take('{');
            if (ok && parser.peek() == '}') {
                ok = parser.take('}');
            } else if (ok) {
                do {
                    QByteArrayView plain;
                    QString name;
                    if (!parser.string(&plain, &name) || !parser.take(':'))
                        return false;
                    // Keys are looked up without copying them when they are plain ASCII.
                    const bool ascii = !plain.isNull() && std::all_of(plain.begin(), plain.end(), [](char c) {
                        return static_cast<unsigned char>(c) < 0x80;
                    });
                    if (!plain.isNull() && !ascii)
                        name = QString::fromUtf8(plain);
                    const auto compare = [&](const QString &entry) {
                        return ascii ? QStringView(entry).compare(QLatin1StringView(plain))
                                     : QStringView(entry).compare(QStringView(name));
                    };
                    const auto found =
                        std::partition_point(m_sorted.begin(), m_sorted.end(),
                                             [&](const auto &entry) { return compare(entry.first) < 0; });
                    Cell *target = nullptr;
                    if (found != m_sorted.end() && compare(found->first) == 0) {
                        target = &row.data[found->second];
                        row.strings[std::size_t(found->second)] = parser.peek() == '"';
                    }
                    if (!parser.value(target))
                        return false;
                } while (parser.take(','));
                ok = parser.take('}');
            }
        } else if (key == "guid") {
            ok = once(Guid) && parser.string(nullptr, &row.guid) && !row.guid.isEmpty();
        } else if (key == "lastUpdated") {
            ok = once(LastUpdated) && parser.string(nullptr, &row.lastUpdated);
        } else if (key == "version") {
            ok = once(Version) && parser.number(nullptr, &row.version) && row.version >= 1 &&
                 row.version <= std::numeric_limits<int>::max();
        } else if (key == "deleted") {
            ok = once(Deleted) && parser.boolean(row.deleted);
        } else if (key == "type") {
            QByteArrayView type;
            ok = once(Type) && parser.string(&type, nullptr) && (type == "group" || type == "individual");
            row.group = type == "group";
        } else if (key == "memberIds") {
            ok = once(MemberIds) && parser.take('[');
            row.memberCount = 0;
            if (ok && parser.peek() == ']') {
                ok = parser.take(']');
            } else if (ok) {
                do {
                    QByteArrayView member;
                    if (!parser.string(&member, nullptr))
                        return false;
                    ++row.memberCount;
                } while (parser.take(','));
                ok = parser.take(']');
            }
        }
        if (!ok)
            return false;
    } while (parser.take(','));
    const unsigned required = Data | Deleted | Guid | LastUpdated | Type | Version;
    return parser.take('}') && parser.atEnd() && (seen & required) == required &&
           (row.group || (seen & MemberIds) == 0);
}

} // namespace fieldledger::core
