#pragma once

#include "core/common/result.h"
#include "core/integrity/compactrange.h"
#include "core/integrity/nodereader.h"
#include "core/integrity/proofs.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace fieldledger::core {

struct Event;

// One event as the log holds it: its canonical bytes (EVENTS.md §1, never rewritten), the
// mutable syncLevel, and the columns the log is indexed by.
struct StoredEvent {
    qint64 seq = -1;
    QString guid;
    QString entityGuid;
    QString type;
    qint64 instantNs = 0;
    QString userId;
    int syncLevel = 0;
    QByteArray body; // canonical form (JCS, syncLevel removed)
};

// The append-only event log of one registry and its RFC 9162 Merkle tree (INTEGRITY.md).
//
// Appending is O(log n) and happens inside the caller's transaction: the event row (with its
// leaf hash) and every interior node the leaf completes are written together, so the log and
// the events can never disagree. The compact range is kept in memory; after a rollback the
// caller calls reload().
class EventStore final : public NodeReader {
public:
    explicit EventStore(QSqlDatabase db);
    ~EventStore() override;
    Q_DISABLE_COPY_MOVE(EventStore)

    // Reads the log's size and rebuilds the compact range from the persisted peaks.
    [[nodiscard]] Status reload();

    [[nodiscard]] quint64 size() const { return m_range.size(); }
    [[nodiscard]] Hash root() const { return m_range.root(); }

    enum class Appended { New, Duplicate };
    // Appends the event at sequence size(). An identical event already stored is a Duplicate
    // (nothing written); a different event with the same guid is ErrorCode::Conflict
    // ("event already exists - cannot modify").
    [[nodiscard]] Result<Appended> append(const Event &event, const QByteArray &canonical);

    [[nodiscard]] Result<std::optional<StoredEvent>> byGuid(const QString &guid) const;
    [[nodiscard]] Result<std::optional<StoredEvent>> bySeq(qint64 seq) const;
    [[nodiscard]] Result<std::vector<StoredEvent>> byEntity(const QString &entityGuid) const;
    // Events with seq > afterSeq, in log order; afterSeq = -1 starts at the beginning.
    [[nodiscard]] Result<std::vector<StoredEvent>> page(qint64 afterSeq, int limit) const;
    // Streams events [fromSeq, toSeq) in log order, batchSize rows per query, so memory does
    // not grow with the log. The callback returns false to stop (reported as Cancelled).
    [[nodiscard]] Status forEach(qint64 fromSeq, qint64 toSeq, int batchSize,
                                 const std::function<bool(const StoredEvent &)> &callback) const;
    // Streams every event with seq < beforeSeq in canonical order (instant, then guid).
    [[nodiscard]] Status forEachCanonical(qint64 beforeSeq, int batchSize,
                                          const std::function<bool(const StoredEvent &)> &callback) const;

    // NodeReader: level 0 reads events.leaf_hash, higher levels log_nodes.
    [[nodiscard]] Result<Hash> node(int level, quint64 index) const override;

    [[nodiscard]] Result<Hash> rootAt(quint64 size) const;
    [[nodiscard]] Result<InclusionProof> proof(const QString &eventGuid,
                                               std::optional<quint64> treeSize) const;
    [[nodiscard]] Result<ConsistencyProof> consistency(quint64 firstSize, quint64 secondSize) const;

    // Changes the mutable syncLevel only (EVENTS.md §1); the canonical bytes are untouched.
    [[nodiscard]] Status setSyncLevel(const QString &eventGuid, int syncLevel);

    // Event JSON as stored, with its syncLevel (the `events` command's output).
    [[nodiscard]] static QByteArray jsonWithSyncLevel(const StoredEvent &event);

private:
    [[nodiscard]] Result<std::vector<StoredEvent>> select(QSqlQuery &query) const;

    QSqlDatabase m_db;
    CompactRange m_range;
    struct Statements;
    std::unique_ptr<Statements> m_statements;
};

} // namespace fieldledger::core
