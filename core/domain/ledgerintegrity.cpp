// The Ledger's tamper-evident log (INTEGRITY.md): roots, proofs, checkpoints, verification.
#include "core/domain/ledger.h"
#include "core/events/timestamp.h"
#include "core/integrity/checkpoint.h"
#include "core/integrity/devicekey.h"
#include "core/storage/keyvault.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cstring>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

QByteArray toBytes(const Hash &hash)
{
    return QByteArray(reinterpret_cast<const char *>(hash.data()), qsizetype(hash.size()));
}

} // namespace

Result<Hash> Ledger::rootAt(std::optional<quint64> size)
{
    if (auto ok = m_access.check(user(), Action::Verify); !ok)
        return std::unexpected(ok.error());
    return m_log->rootAt(size.value_or(m_log->size()));
}

Result<InclusionProof> Ledger::proof(const QString &eventGuid, std::optional<quint64> size)
{
    if (auto ok = m_access.check(user(), Action::Verify); !ok)
        return std::unexpected(ok.error());
    return m_log->proof(eventGuid, size);
}

Result<ConsistencyProof> Ledger::consistency(quint64 firstSize, quint64 secondSize)
{
    if (auto ok = m_access.check(user(), Action::Verify); !ok)
        return std::unexpected(ok.error());
    return m_log->consistency(firstSize, secondSize);
}

QString Ledger::devicePublicKeyHex() const
{
    return m_deviceKey ? QString::fromLatin1(m_deviceKey->publicRaw().toHex()) : QString();
}

QString Ledger::deviceFingerprint() const
{
    return m_deviceKey ? m_deviceKey->fingerprint() : QString();
}

Result<QJsonObject> Ledger::takeCheckpoint(const QString &reason)
{
    if (auto ok = m_access.check(user(), Action::Verify); !ok)
        return std::unexpected(ok.error());
    if (auto ok = requireWritable(); !ok)
        return std::unexpected(ok.error());
    if (!m_deviceKey)
        return fail(ErrorCode::NotFound, u"this registry has no device key"_s);
    Checkpoint checkpoint;
    checkpoint.deviceId = m_deviceId;
    checkpoint.size = m_log->size();
    checkpoint.root = m_log->root();
    checkpoint.timestamp = formatUtcMillis(m_options.clock->now());
    checkpoint.publicKey = m_deviceKey->publicRaw();
    if (auto ok = checkpoint.sign(*m_deviceKey); !ok)
        return std::unexpected(ok.error());
    QSqlQuery query(m_registry.database());
    query.prepare(u"INSERT INTO checkpoints (size, root, timestamp, device_id, signature, reason) "
                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.bindValue(0, qint64(checkpoint.size));
    query.bindValue(1, toHex(checkpoint.root));
    query.bindValue(2, checkpoint.timestamp);
    query.bindValue(3, checkpoint.deviceId);
    query.bindValue(4, checkpoint.signature);
    query.bindValue(5, reason);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot keep the checkpoint"_s, query.lastError()));
    // Beside the database, with the key slots: a database swapped for an older copy of itself
    // is caught at the next open.
    const QJsonObject json = checkpoint.toJson();
    if (auto ok = m_registry.vault().setCheckpoint(json); !ok)
        return std::unexpected(ok.error());
    m_checkpointedSize = checkpoint.size;
    m_hasCheckpoint = true;
    return json;
}

Result<QJsonObject> Ledger::latestCheckpoint()
{
    if (auto ok = m_access.check(user(), Action::Verify); !ok)
        return std::unexpected(ok.error());
    QJsonObject json = m_registry.vault().checkpoint();
    if (json.isEmpty())
        return fail(ErrorCode::NotFound, u"no checkpoint has been taken yet"_s);
    json.insert(u"publicKey"_s,
                QString::fromLatin1(m_deviceKey ? m_deviceKey->publicRaw().toBase64() : QByteArray()));
    json.insert(u"fingerprint"_s, deviceFingerprint());
    return json;
}

Status Ledger::acknowledgeAlarm(const QString &note)
{
    if (!m_alarm)
        return fail(ErrorCode::NotFound, u"there is no integrity alarm to acknowledge"_s);
    if (user().role != Role::Administrator)
        return fail(ErrorCode::PermissionDenied,
                    u"only an administrator may acknowledge an integrity alarm"_s);
    // Only a log that loaded can be accepted as it is: one with gaps or damaged Merkle nodes did
    // not load (its size is not what the table holds) and acknowledging cannot repair it.
    QSqlQuery rows(m_registry.database());
    if (!rows.exec(u"SELECT count(*), coalesce(max(seq) + 1, 0) FROM events"_s) || !rows.next())
        return std::unexpected(sqlError(u"cannot read the event log"_s, rows.lastError()));
    if (quint64(rows.value(0).toLongLong()) != m_log->size() ||
        quint64(rows.value(1).toLongLong()) != m_log->size())
        return fail(ErrorCode::Integrity,
                    u"the event log itself is damaged (%1); acknowledging cannot repair it: restore the "
                    "registry from a copy"_s.arg(*m_alarm));
    rows.finish();
    const QString alarm = *m_alarm;
    QString reason = u"integrity alarm acknowledged by %1: %2"_s.arg(user().id, alarm);
    if (!note.trimmed().isEmpty())
        reason += u" (%1)"_s.arg(note.trimmed());
    // Subtrees of events the log no longer has (a log cut short behind the ledger's back) would
    // collide with the ones the next events complete: the log, as accepted, has none of them.
    QSqlQuery stale(m_registry.database());
    stale.prepare(u"DELETE FROM log_nodes WHERE ((idx + 1) << level) > ?"_s);
    stale.addBindValue(qint64(m_log->size()));
    if (!stale.exec())
        return std::unexpected(
            sqlError(u"cannot drop the Merkle nodes of the missing events"_s, stale.lastError()));
    m_alarm.reset(); // takeCheckpoint refuses to write under an alarm
    if (auto taken = takeCheckpoint(reason); !taken) {
        m_alarm = alarm;
        return std::unexpected(taken.error());
    }
    return {};
}

Status Ledger::checkAgainstStoredCheckpoint()
{
    const QJsonObject json = m_registry.vault().checkpoint();
    if (json.isEmpty())
        return {};
    auto checkpoint = Checkpoint::fromJson(json);
    if (!checkpoint) {
        m_alarm = u"the checkpoint beside the database is damaged: %1"_s.arg(checkpoint.error().message);
        return {};
    }
    if (!m_deviceKey || checkpoint->deviceId != m_deviceId) {
        m_alarm = u"the checkpoint beside the database was signed by another device (%1)"_s.arg(
            checkpoint->deviceId);
        return {};
    }
    if (auto ok = checkpoint->verify(m_deviceKey->publicRaw()); !ok) {
        m_alarm = u"the checkpoint beside the database has a bad signature: %1"_s.arg(ok.error().message);
        return {};
    }
    m_hasCheckpoint = true;
    m_checkpointedSize = checkpoint->size;
    if (m_alarm) // the log itself is damaged (reload failed)
        return {};
    const quint64 size = m_log->size();
    if (size < checkpoint->size) {
        m_alarm = u"the event log was rolled back: the checkpoint of %1 recorded %2 events, the log has %3 "
                  "(events %3 to %4 are missing)"_s.arg(checkpoint->timestamp)
                      .arg(checkpoint->size)
                      .arg(size)
                      .arg(checkpoint->size - 1);
        return {};
    }
    auto proof = m_log->consistency(checkpoint->size, size);
    if (!proof || !verifyConsistency(*proof, checkpoint->root, m_log->root())) {
        m_alarm =
            u"the event log does not extend the checkpoint of %1 (size %2, root %3): history was rewritten"_s
                .arg(checkpoint->timestamp)
                .arg(checkpoint->size)
                .arg(toHex(checkpoint->root));
    }
    return {};
}

Result<VerifyReport> Ledger::verify(const Progress &progress)
{
    if (auto ok = m_access.check(user(), Action::Verify); !ok)
        return std::unexpected(ok.error());
    QSqlDatabase &db = m_registry.database();
    VerifyReport report;
    QSqlQuery count(db);
    if (!count.exec(u"SELECT count(*), coalesce(max(seq) + 1, 0) FROM events"_s) || !count.next())
        return std::unexpected(sqlError(u"cannot read the event log"_s, count.lastError()));
    const quint64 rows = quint64(count.value(0).toLongLong());
    const quint64 total = std::max(rows, quint64(count.value(1).toLongLong()));
    count.finish();

    // The guid of a deleted event: its effects still name it.
    auto missingGuid = [&]() -> QString {
        QSqlQuery query(db);
        if (query.exec(
                u"SELECT f.event_guid FROM effects f WHERE NOT EXISTS "
                "(SELECT 1 FROM events e WHERE e.guid = f.event_guid) ORDER BY f.instant_ns LIMIT 1"_s) &&
            query.next())
            return query.value(0).toString();
        return {};
    };
    auto bad = [&](qint64 seq, const QString &guid, const QString &problem) {
        report.ok = false;
        report.badSeq = seq;
        report.badGuid = guid;
        report.problem = problem;
    };

    QSqlQuery nodeQuery(db);
    nodeQuery.prepare(u"SELECT hash FROM log_nodes WHERE level = ? AND idx = ?"_s);
    QSqlQuery events(db);
    events.setForwardOnly(true);
    events.prepare(u"SELECT seq, guid, body, leaf_hash FROM events WHERE seq >= ? ORDER BY seq LIMIT ?"_s);

    CompactRange range;
    std::optional<Hash> rootAtCheckpoint;
    const QJsonObject checkpointJson = m_registry.vault().checkpoint();
    std::optional<Checkpoint> checkpoint;
    if (!checkpointJson.isEmpty()) {
        auto parsed = Checkpoint::fromJson(checkpointJson);
        if (!parsed) {
            bad(-1, {}, u"the checkpoint is damaged: %1"_s.arg(parsed.error().message));
            return report;
        }
        checkpoint = *parsed;
        if (checkpoint->size == 0)
            rootAtCheckpoint = emptyTreeHash();
    }
    quint64 expected = 0;
    constexpr int batch = 4096;
    while (report.ok) {
        events.bindValue(0, qint64(expected));
        events.bindValue(1, batch);
        if (!events.exec())
            return std::unexpected(sqlError(u"cannot read the event log"_s, events.lastError()));
        int seen = 0;
        while (report.ok && events.next()) {
            ++seen;
            const qint64 seq = events.value(0).toLongLong();
            const QString guid = events.value(1).toString();
            if (quint64(seq) != expected) {
                bad(qint64(expected), missingGuid(),
                    u"the event at sequence %1 is missing (deleted from the log)"_s.arg(expected));
                break;
            }
            const QByteArray body = events.value(2).toByteArray();
            const Hash leaf = leafHash(body);
            const QByteArray storedLeaf = events.value(3).toByteArray();
            if (storedLeaf != toBytes(leaf)) {
                bad(seq, guid,
                    u"the stored bytes of event %1 (sequence %2) no longer match its leaf hash"_s.arg(guid)
                        .arg(seq));
                break;
            }
            range.append(leaf, [&](int level, quint64 index, const Hash &hash) {
                if (level == 0 || !report.ok)
                    return;
                nodeQuery.bindValue(0, level);
                nodeQuery.bindValue(1, qint64(index));
                const bool found = nodeQuery.exec() && nodeQuery.next();
                const QByteArray stored = found ? nodeQuery.value(0).toByteArray() : QByteArray();
                nodeQuery.finish();
                if (stored != toBytes(hash)) {
                    const qint64 first = qint64(index << level);
                    const qint64 last = qint64(((index + 1) << level) - 1);
                    bad(first, {},
                        u"Merkle node (level %1, index %2) over events %3 to %4 does not match the events"_s
                            .arg(level)
                            .arg(index)
                            .arg(first)
                            .arg(last));
                }
            });
            if (!report.ok && report.badGuid.isEmpty() && report.badSeq) {
                if (auto e = m_log->bySeq(*report.badSeq); e && *e)
                    report.badGuid = (*e)->guid;
            }
            ++expected;
            if (checkpoint && expected == checkpoint->size)
                rootAtCheckpoint = range.root();
        }
        events.finish();
        if (seen < batch)
            break;
        if (progress && !progress(expected, total))
            return fail(ErrorCode::Cancelled, u"verification cancelled"_s);
    }
    if (report.ok && expected < total)
        bad(qint64(expected), missingGuid(),
            u"the event at sequence %1 is missing (deleted from the log)"_s.arg(expected));
    report.size = range.size();
    report.root = range.root();
    if (report.ok && checkpoint) {
        if (!m_deviceKey) {
            bad(-1, {}, u"the registry has no device key to check the checkpoint with"_s);
        } else if (auto ok = checkpoint->verify(m_deviceKey->publicRaw()); !ok) {
            bad(-1, {}, u"the checkpoint's signature does not verify: %1"_s.arg(ok.error().message));
        } else if (range.size() < checkpoint->size) {
            bad(qint64(range.size()), missingGuid(),
                u"the log has %1 events but the checkpoint of %2 recorded %3: events %1 to %4 are missing"_s
                    .arg(range.size())
                    .arg(checkpoint->timestamp)
                    .arg(checkpoint->size)
                    .arg(checkpoint->size - 1));
        } else if (!rootAtCheckpoint || *rootAtCheckpoint != checkpoint->root) {
            bad(-1, {},
                u"the log does not extend the checkpoint of %1: its root at size %2 differs"_s
                    .arg(checkpoint->timestamp)
                    .arg(checkpoint->size));
        }
    }
    if (progress)
        (void)progress(total, total);
    return report;
}

} // namespace fieldledger::core
