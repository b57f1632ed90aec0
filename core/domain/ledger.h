#pragma once

#include "core/access/accesscontrol.h"
#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/domain/applier.h"
#include "core/domain/applierregistry.h"
#include "core/domain/upcaster.h"
#include "core/events/event.h"
#include "core/storage/eventstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace fieldledger::core {

class Registry;
class SqlWorld;
class DeviceKey;

// What changed, for item models: typed, fine-grained (STYLE.md 5).
struct LedgerChange {
    enum class Kind {
        EntitiesChanged, // entityGuids changed (created, updated, tombstoned)
        Reset,           // everything may have changed (replay, re-projection of a type)
    };
    Kind kind = Kind::EntitiesChanged;
    QStringList entityGuids;
    quint64 logSize = 0;
};

// A command made here (CLI `submit`, the app's forms): becomes one event.
struct Command {
    QString type;
    QString entityGuid;
    QJsonObject data;
    std::optional<QJsonObject> context;  // reason, source, ...
    std::optional<QJsonObject> metadata; // formId, formVersion, location, ... (deviceId, appVersion added)
    QString guid;                        // optional: made by the id generator when empty
    QString timestamp;                   // optional: the clock's now when empty
    // optional: the draft this command was filled in from; deleted in the same transaction that
    // accepts the event, so a submitted form never lingers as a draft and a refused one stays.
    QString draftId;

    // From a JSON object: {type, entityGuid, data, context?, metadata?, guid?, timestamp?, userId?}.
    [[nodiscard]] static Result<Command> fromJson(const QJsonObject &object, const QString &actingUser);
};

// Something kept beside the projections (the household list's rows, a duplicate index) that must
// change in the same transaction as they do. Called with the projections already written.
class ProjectionObserver {
public:
    virtual ~ProjectionObserver() = default;
    // These entities were created, changed or tombstoned.
    [[nodiscard]] virtual Status entitiesChanged(const QSet<QString> &guids) = 0;
    // Every projection was rebuilt (replay, re-projection of a type): start again from them.
    [[nodiscard]] virtual Status projectionsRebuilt() = 0;
};

struct IngestReport {
    qint64 accepted = 0;   // new events appended
    qint64 duplicates = 0; // identical events already stored
    qint64 anomalies = 0;  // anomalies recorded while applying
    double eventsPerSecond = 0;
    QStringList changedEntities;
};

struct VerifyReport {
    bool ok = true;
    quint64 size = 0;
    Hash root{};
    std::optional<qint64> badSeq;
    QString badGuid;
    QString problem;
    [[nodiscard]] QJsonObject toJson() const;
};

struct Checkpoint;

// Called during long work: done of total; return false to cancel.
using Progress = std::function<bool(quint64 done, quint64 total)>;

// The event-sourced core of one open registry (EVENTS.md, INTEGRITY.md): turns commands and
// imported events into accepted, applied events in one transaction each batch, answers every
// query through one permission check, and keeps the tamper-evident log.
class Ledger final : public QObject {
    Q_OBJECT

public:
    struct Options {
        const Clock *clock = nullptr; // required
        IdGenerator *ids = nullptr;   // required
        QString appVersion = QStringLiteral(FIELDLEDGER_VERSION);
    };

    // Opens the ledger of an unlocked registry: loads the log, the device key (made on first
    // open), the custom appliers, and checks the log against the latest checkpoint kept beside
    // the database. A log that does not extend the checkpoint sets alarm() and refuses writes.
    [[nodiscard]] static Result<std::unique_ptr<Ledger>> open(Registry &registry, Options options);
    ~Ledger() override;

    [[nodiscard]] Registry &registry() { return m_registry; }
    [[nodiscard]] const User &user() const;
    [[nodiscard]] const EventStore &log() const { return *m_log; }
    [[nodiscard]] ApplierRegistry &appliers() { return m_appliers; }
    [[nodiscard]] UpcasterRegistry &upcasters() { return m_upcasters; }
    [[nodiscard]] const AccessControl &access() const { return m_access; }
    [[nodiscard]] const QString &deviceId() const { return m_deviceId; }
    // An integrity alarm raised at open (rolled-back or rewritten log); writes are refused.
    [[nodiscard]] const std::optional<QString> &alarm() const { return m_alarm; }
    // An administrator, having looked at the alarm, accepts the log as it now is: the alarm is
    // cleared, writes are allowed again, and a checkpoint of the current log is signed with the
    // acknowledgement (who, the alarm, the note) as its reason, so the next open measures from
    // there. Anyone else gets PermissionDenied; without an alarm, NotFound.
    [[nodiscard]] Status acknowledgeAlarm(const QString &note = {});

    // Keeps `observer` in step with the projections from now on (it is told inside every
    // transaction that changes them).
    void addObserver(std::unique_ptr<ProjectionObserver> observer);

    // --- commands -----------------------------------------------------------------------
    // Validates (refusal happens here, EVENTS.md §3), checks permission, builds the event and
    // accepts it in its own transaction.
    [[nodiscard]] Result<Event> submit(const Command &command);
    // Several commands, one transaction: all or nothing.
    [[nodiscard]] Result<IngestReport> submitBatch(const std::vector<Command> &commands);
    // Events from elsewhere, already validated; idempotent by guid; all or nothing.
    [[nodiscard]] Result<IngestReport> importEvents(const std::vector<Event> &events,
                                                    const Progress &progress = {});
    // Registers a data-defined applier (administrators), keeps it in the registry and
    // re-projects the events of its type.
    [[nodiscard]] Status registerDataApplier(const QJsonObject &description);
    // After code registered an applier for `type` in appliers(): re-projects its events.
    [[nodiscard]] Status reprojectType(const QString &type);

    // --- queries ------------------------------------------------------------------------
    [[nodiscard]] Result<std::optional<Entity>> entity(const QString &guid);
    // As of instant T: the projection of the events with timestamp <= T.
    [[nodiscard]] Result<std::optional<Entity>> entityAt(const QString &guid, qint64 instantNs);
    // As recorded at log size S: the projection of the events with sequence < S.
    [[nodiscard]] Result<std::optional<Entity>> entityAsRecorded(const QString &guid, qint64 logSize);
    // Every entity the user may see, sorted by guid; now or as of an instant.
    [[nodiscard]] Status forEachEntity(std::optional<qint64> atInstantNs, bool includeDeleted,
                                       const std::function<bool(const Entity &)> &callback);
    // EVENTS.md §4, canonical order; entries of late events carry "late": true.
    [[nodiscard]] Result<QJsonArray> history(const QString &guid);
    [[nodiscard]] Result<std::vector<Anomaly>> anomalies();
    [[nodiscard]] Result<std::vector<StoredEvent>> events(const QString &entityGuid, qint64 afterSeq,
                                                          int limit);
    [[nodiscard]] Result<QJsonObject> stats();

    // Rebuilds every projection from the events; {"events":N,"entities":M}.
    [[nodiscard]] Result<QJsonObject> replay(const Progress &progress = {});

    // --- integrity ----------------------------------------------------------------------
    [[nodiscard]] Result<Hash> rootAt(std::optional<quint64> size);
    [[nodiscard]] Result<InclusionProof> proof(const QString &eventGuid, std::optional<quint64> size);
    [[nodiscard]] Result<ConsistencyProof> consistency(quint64 firstSize, quint64 secondSize);
    // Signs {deviceId, size, root, timestamp}, keeps it, and writes it beside the database.
    [[nodiscard]] Result<QJsonObject> takeCheckpoint(const QString &reason);
    [[nodiscard]] Result<QJsonObject> latestCheckpoint();
    [[nodiscard]] QString devicePublicKeyHex() const;
    [[nodiscard]] QString deviceFingerprint() const;
    // Recomputes every leaf, node and the root from the stored events, and checks the
    // checkpoint's signature and root. Memory stays flat; never repairs anything.
    [[nodiscard]] Result<VerifyReport> verify(const Progress &progress = {});

signals:
    void changed(const fieldledger::core::LedgerChange &change);

private:
    Ledger(Registry &registry, Options options);
    [[nodiscard]] Status load();
    [[nodiscard]] Status requireWritable() const;
    [[nodiscard]] Status validateCommand(const Command &command) const;
    [[nodiscard]] Result<Event> buildEvent(const Command &command);
    // Appends and applies a batch inside one transaction; rolls everything back on failure.
    [[nodiscard]] Result<IngestReport> ingest(const std::vector<Event> &events, const Progress &progress);
    // Applies newly appended events, folding late ones in where they belong (EVENTS.md §1).
    [[nodiscard]] Status project(std::vector<Event> fresh, qint64 firstFreshSeq, QSet<QString> &changed,
                                 qint64 &anomalyCount);
    // Rewinds every projection after `from` (inclusive or not), then applies `fresh` merged with
    // the events already stored after it, in canonical order.
    [[nodiscard]] Status reprojectFrom(const CanonicalKey &from, bool inclusive, std::vector<Event> fresh,
                                       qint64 beforeSeq, QSet<QString> &changed, qint64 &anomalyCount);
    [[nodiscard]] Status applyOne(const Event &event, QSet<QString> &changed, qint64 &anomalyCount);
    [[nodiscard]] Status loadHighWater();
    [[nodiscard]] Status checkAgainstStoredCheckpoint();
    [[nodiscard]] Result<std::optional<Entity>> readEntity(const QString &guid);
    [[nodiscard]] Status notifyObservers(const QSet<QString> *changed);

    Registry &m_registry;
    Options m_options;
    AccessControl m_access;
    ApplierRegistry m_appliers;
    UpcasterRegistry m_upcasters;
    std::unique_ptr<EventStore> m_log;
    std::unique_ptr<SqlWorld> m_world;
    std::optional<CanonicalKey> m_highWater;
    std::optional<QString> m_alarm;
    QString m_deviceId;
    std::unique_ptr<DeviceKey> m_deviceKey;
    quint64 m_checkpointedSize = 0;
    bool m_hasCheckpoint = false;
    QString m_lastSubmitted;
    struct Statements;
    std::unique_ptr<Statements> m_statements;
    std::vector<std::unique_ptr<ProjectionObserver>> m_observers;
};

} // namespace fieldledger::core

Q_DECLARE_METATYPE(fieldledger::core::LedgerChange)
