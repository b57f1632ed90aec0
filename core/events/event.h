#pragma once

#include "core/common/result.h"
#include "core/events/jsonreader.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace fieldledger::core {

// syncLevel values (EVENTS.md §1). The only mutable member of an event; not in its canonical form.
inline constexpr int syncLevelLocal = 0;
inline constexpr int syncLevelRemote = 1;
inline constexpr int syncLevelExternal = 2;
[[nodiscard]] constexpr bool isValidSyncLevel(int level)
{
    return level >= syncLevelLocal && level <= syncLevelExternal;
}

// guid and entityGuid: non-empty, at most this many characters (Unicode code points).
inline constexpr qsizetype maxGuidLength = 128;

struct EventParseOptions {
    // Drop an `id` member (ID PASS DataCollect's storage row number) instead of refusing it.
    bool allowIdpassId = false;
    // Lines larger than this are refused before parsing; deeper nesting is refused while scanning.
    qsizetype maxBytes = defaultJsonMaxBytes;
    int maxDepth = defaultJsonMaxDepth;
};

// Byte-wise order of the UTF-8 forms of two strings (the same as Unicode code point order),
// computed on UTF-16 without converting. Differs from UTF-16 order for characters beyond
// U+FFFF, which sort after U+E000..U+FFFF here.
[[nodiscard]] std::strong_ordering compareUtf8Order(QStringView a, QStringView b) noexcept;

// Canonical order (EVENTS.md §1): by the timestamp's instant, then by guid byte-wise (UTF-8).
struct CanonicalKey {
    qint64 instantNs = 0;
    QString guid;

    friend bool operator==(const CanonicalKey &a, const CanonicalKey &b)
    {
        return a.instantNs == b.instantNs && a.guid == b.guid;
    }
    friend std::strong_ordering operator<=>(const CanonicalKey &a, const CanonicalKey &b)
    {
        if (const auto byInstant = a.instantNs <=> b.instantNs; byInstant != 0)
            return byInstant;
        return compareUtf8Order(a.guid, b.guid);
    }
};

struct ParsedEvent;

// One event (EVENTS.md §1): a plain value. Events from fromJson, fromObject, fromStored and make
// are validated; code that changes members afterwards (an upcaster working on a copy) can check
// the result with validate(). instantNs is the instant of `timestamp`, filled in by those
// factories (and refreshed by validate()): change both or neither.
struct Event {
    QString guid;
    QString entityGuid;
    QString type;
    QJsonObject data;
    QString timestamp; // exactly as given; ordering uses instantNs
    QString userId;
    int syncLevel = syncLevelLocal; // the only mutable member; not in the canonical form
    std::optional<int> version;     // absent means 1, and stays absent in the canonical form
    std::optional<QJsonObject> metadata;
    std::optional<QJsonObject> context;
    qint64 instantNs = 0; // nanoseconds since the Unix epoch

    // One JSON Lines line. Errors are ErrorCode::InvalidArgument with a message naming the
    // member: "missing member 'guid'", "member 'data' must be an object, not an array",
    // "member 'timestamp': timestamp '...' is not RFC 3339: missing offset",
    // "unknown member 'foo'", or what parseJsonObject says about malformed JSON.
    [[nodiscard]] static Result<Event> fromJson(QByteArrayView line, const EventParseOptions &options = {});
    [[nodiscard]] static Result<Event> fromObject(const QJsonObject &object,
                                                  const EventParseOptions &options = {});
    // fromJson plus the canonical form, written from the line's bytes in the same pass: the
    // ingest path (import, sync), about twice as fast as fromJson followed by canonicalBytes().
    [[nodiscard]] static Result<ParsedEvent> parseWithCanonical(QByteArrayView line,
                                                                const EventParseOptions &options = {});
    // An event read back from the store: its canonical bytes and its syncLevel. Refused
    // (ErrorCode::Corrupt) when the bytes are not a valid event or not in canonical form.
    [[nodiscard]] static Result<Event> fromStored(QByteArrayView canonical, int syncLevel);
    // An event made here (timestamp: formatUtcMillis(clock.now())), validated like an import,
    // so that a typo in a type name or a NaN in the data is refused here rather than stored.
    [[nodiscard]] static Result<Event> make(const QString &guid, const QString &entityGuid,
                                            const QString &type, const QJsonObject &data,
                                            const QString &timestamp, const QString &userId,
                                            const std::optional<QJsonObject> &metadata = std::nullopt,
                                            const std::optional<QJsonObject> &context = std::nullopt);

    // Checks every member against the contract (the same messages as fromObject, and what
    // canonicalJson refuses: NaN, lone surrogates, inexact integers) and sets instantNs from
    // timestamp.
    [[nodiscard]] Status validate();

    [[nodiscard]] int effectiveVersion() const { return version.value_or(1); }
    [[nodiscard]] CanonicalKey canonicalKey() const { return {instantNs, guid}; }

    // The event as a JSON object: every member as stored, plus syncLevel when asked.
    [[nodiscard]] QJsonObject toJson(bool includeSyncLevel) const;
    // RFC 8785 JCS of the event without syncLevel: what the integrity log hashes and what
    // proves two events identical. Empty only for an event that fails validate().
    [[nodiscard]] QByteArray canonicalBytes() const;
    // The event as printed "exactly as stored, with syncLevel": canonical bytes plus syncLevel.
    [[nodiscard]] QByteArray storedJson() const;
};

struct ParsedEvent {
    Event event;
    QByteArray canonical; // == event.canonicalBytes()
};

// The JCS text of an event's canonical bytes with `"syncLevel":<level>` added at its sorted
// position: byte-identical to canonicalJson(event.toJson(true)) without reparsing. Input that
// is not an event's canonical form takes a slower general path (parse, add, canonicalize); an
// input that is not a JSON object gives an empty array.
[[nodiscard]] QByteArray storedJsonWithSyncLevel(QByteArrayView canonical, int syncLevel);

} // namespace fieldledger::core
