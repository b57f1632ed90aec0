#include "core/domain/ledger.h"

#include "core/domain/auditdiff.h"
#include "core/domain/dataapplier.h"
#include "core/domain/projector.h"
#include "core/events/timestamp.h"
#include "core/integrity/checkpoint.h"
#include "core/integrity/devicekey.h"
#include "core/storage/keyvault.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"
#include "core/storage/sqlworld.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

std::optional<Entity> entityFromBody(const QVariant &body)
{
    if (body.isNull())
        return std::nullopt;
    auto entity = Entity::fromJson(QJsonDocument::fromJson(body.toByteArray()).object());
    if (!entity)
        return std::nullopt;
    return std::move(*entity);
}

bool isGroupType(const QString &type)
{
    return type == u"create-group" || type == u"update-group" || type == u"add-member" ||
           type == u"remove-member" || type == u"transfer-member" || type == u"split-household";
}

constexpr int kBatchSize = 2000;

// Whether the first logSize events of a log of `size` are also its first logSize in canonical
// order.
Result<bool> isCanonicalPrefix(const QSqlDatabase &db, qint64 size, qint64 logSize)
{
    // Walks the canonical index from whichever end is nearer: the first logSize entries must
    // all be below logSize, or equally the last size - logSize all at or above it.
    const bool fromStart = logSize <= size - logSize;
    const qint64 count = fromStart ? logSize : size - logSize;
    if (count == 0)
        return true;
    QSqlQuery query(db);
    query.prepare(fromStart
                      ? u"SELECT count(*) FROM (SELECT seq FROM events ORDER BY instant_ns, guid LIMIT ?) "
                        "WHERE seq < ?"_s
                      : u"SELECT count(*) FROM (SELECT seq FROM events ORDER BY instant_ns DESC, guid DESC "
                        "LIMIT ?) WHERE seq >= ?"_s);
    query.bindValue(0, count);
    query.bindValue(1, logSize);
    if (!query.exec() || !query.next())
        return std::unexpected(sqlError(u"cannot read the canonical order"_s, query.lastError()));
    return query.value(0).toLongLong() == count;
}

Status forgetDerivedMarks(QSqlDatabase &db)
{
    // Rows kept beside the projections by observers (HouseholdIndex, DuplicateIndex) mark the
    // end of the log they were brought up to. A rewrite of the projections that leaves the log
    // as it is (replay, re-projection of a type) makes that mark wrong for any registry whose
    // observer is not installed here (the CLI): the next install rebuilds the rows then.
    QSqlQuery query(db);
    if (!query.exec(u"DELETE FROM meta WHERE key IN ('household_rows', 'duplicate_index')"_s))
        return std::unexpected(sqlError(u"cannot reset the derived rows' marks"_s, query.lastError()));
    return {};
}

} // namespace

// --- Command ---------------------------------------------------------------------------------

Result<Command> Command::fromJson(const QJsonObject &object, const QString &actingUser)
{
    static const QSet<QString> known{u"type"_s, u"entityGuid"_s, u"data"_s,   u"context"_s,   u"metadata"_s,
                                     u"guid"_s, u"timestamp"_s,  u"userId"_s, u"syncLevel"_s, u"version"_s};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return fail(ErrorCode::InvalidArgument, u"unknown member '%1'"_s.arg(it.key()));
    }
    Command command;
    if (!object.value(u"type"_s).isString())
        return fail(ErrorCode::InvalidArgument, u"missing member 'type' (a string)"_s);
    if (!object.value(u"entityGuid"_s).isString())
        return fail(ErrorCode::InvalidArgument, u"missing member 'entityGuid' (a string)"_s);
    if (!object.value(u"data"_s).isObject())
        return fail(ErrorCode::InvalidArgument, u"member 'data' must be an object"_s);
    command.type = object.value(u"type"_s).toString();
    command.entityGuid = object.value(u"entityGuid"_s).toString();
    command.data = object.value(u"data"_s).toObject();
    if (object.contains(u"context"_s)) {
        if (!object.value(u"context"_s).isObject())
            return fail(ErrorCode::InvalidArgument, u"member 'context' must be an object"_s);
        command.context = object.value(u"context"_s).toObject();
    }
    if (object.contains(u"metadata"_s)) {
        if (!object.value(u"metadata"_s).isObject())
            return fail(ErrorCode::InvalidArgument, u"member 'metadata' must be an object"_s);
        command.metadata = object.value(u"metadata"_s).toObject();
    }
    if (object.contains(u"guid"_s)) {
        if (!object.value(u"guid"_s).isString())
            return fail(ErrorCode::InvalidArgument, u"member 'guid' must be a string"_s);
        command.guid = object.value(u"guid"_s).toString();
    }
    if (object.contains(u"timestamp"_s)) {
        if (!object.value(u"timestamp"_s).isString())
            return fail(ErrorCode::InvalidArgument, u"member 'timestamp' must be a string"_s);
        command.timestamp = object.value(u"timestamp"_s).toString();
    }
    if (object.contains(u"userId"_s) && object.value(u"userId"_s).toString() != actingUser)
        return fail(ErrorCode::PermissionDenied, u"userId '%1' is not the acting user '%2'"_s.arg(
                                                     object.value(u"userId"_s).toString(), actingUser));
    return command;
}

// --- VerifyReport ----------------------------------------------------------------------------

QJsonObject VerifyReport::toJson() const
{
    QJsonObject json{{u"ok"_s, ok}, {u"size"_s, qint64(size)}, {u"root"_s, toHex(root)}};
    if (!ok) {
        if (badSeq)
            json.insert(u"badSeq"_s, *badSeq);
        if (!badGuid.isEmpty())
            json.insert(u"badGuid"_s, badGuid);
        json.insert(u"problem"_s, problem);
    }
    return json;
}

// --- Ledger ----------------------------------------------------------------------------------

struct Ledger::Statements {
    explicit Statements(const QSqlDatabase &db)
        : insertEffect(db)
        , insertAnomaly(db)
    {
        insertEffect.prepare(u"INSERT OR REPLACE INTO effects (entity_guid, instant_ns, event_guid, before) "
                             "VALUES (?, ?, ?, ?)"_s);
        insertAnomaly.prepare(u"INSERT INTO anomalies (event_guid, entity_guid, kind, message, instant_ns) "
                              "VALUES (?, ?, ?, ?, ?)"_s);
    }
    QSqlQuery insertEffect;
    QSqlQuery insertAnomaly;
};

Ledger::Ledger(Registry &registry, Options options)
    : m_registry(registry)
    , m_options(std::move(options))
    , m_access(registry.database())
    , m_appliers(ApplierRegistry::withBuiltins())
{
}

Ledger::~Ledger()
{
    // A checkpoint on close, so a later open can tell whether the log was rolled back.
    if (!m_registry.isReadOnly() && !m_alarm && m_log &&
        (!m_hasCheckpoint || m_log->size() != m_checkpointedSize))
        (void)takeCheckpoint(u"close"_s);
}

const User &Ledger::user() const
{
    return m_registry.currentUser();
}

Result<std::unique_ptr<Ledger>> Ledger::open(Registry &registry, Options options)
{
    if (options.clock == nullptr || options.ids == nullptr)
        return fail(ErrorCode::InvalidArgument, u"the ledger needs a clock and an id generator"_s);
    std::unique_ptr<Ledger> ledger(new Ledger(registry, std::move(options)));
    if (auto loaded = ledger->load(); !loaded)
        return std::unexpected(loaded.error());
    return ledger;
}

Status Ledger::load()
{
    QSqlDatabase &db = m_registry.database();
    m_log = std::make_unique<EventStore>(db);
    m_world = std::make_unique<SqlWorld>(db);
    m_statements = std::make_unique<Statements>(db);
    if (auto ok = m_log->reload(); !ok) {
        // A damaged log still opens, read-only, so that verify can say what is wrong.
        m_alarm = ok.error().message;
    }
    if (auto ok = loadHighWater(); !ok)
        return ok;

    // Device key: made on the first writable open, kept inside the encrypted database.
    QSqlQuery query(db);
    if (!query.exec(u"SELECT device_id, private_key FROM device_key WHERE id = 1"_s))
        return std::unexpected(sqlError(u"cannot read the device key"_s, query.lastError()));
    if (query.next()) {
        m_deviceId = query.value(0).toString();
        QByteArray raw = query.value(1).toByteArray();
        SecretBytes secret = SecretBytes::takeFrom(raw);
        auto key = DeviceKey::fromPrivateRaw(secret);
        if (!key)
            return fail(ErrorCode::Corrupt, u"the device key is damaged: %1"_s.arg(key.error().message));
        m_deviceKey = std::make_unique<DeviceKey>(std::move(*key));
    } else if (!m_registry.isReadOnly()) {
        auto key = DeviceKey::generate();
        if (!key)
            return std::unexpected(key.error());
        m_deviceId = m_options.ids->next();
        const SecretBytes privateRaw = key->privateRaw();
        query.prepare(
            u"INSERT INTO device_key (id, device_id, private_key, public_key) VALUES (1, ?, ?, ?)"_s);
        query.bindValue(0, m_deviceId);
        query.bindValue(1, QByteArray(privateRaw.data(), qsizetype(privateRaw.size())));
        query.bindValue(2, key->publicRaw());
        if (!query.exec())
            return std::unexpected(sqlError(u"cannot store the device key"_s, query.lastError()));
        m_deviceKey = std::make_unique<DeviceKey>(std::move(*key));
    }
    query.finish();

    // Custom appliers defined as data.
    if (query.exec(u"SELECT description FROM custom_appliers ORDER BY type"_s)) {
        while (query.next()) {
            const QJsonObject description = QJsonDocument::fromJson(query.value(0).toByteArray()).object();
            auto applier = DataApplier::fromJson(description);
            if (applier) {
                const QString type = (*applier)->type();
                m_appliers.replace(type, std::unique_ptr<Applier>(std::move(*applier)));
            }
        }
    }
    query.finish();
    return checkAgainstStoredCheckpoint();
}

Status Ledger::loadHighWater()
{
    QSqlQuery query(m_registry.database());
    if (!query.exec(u"SELECT instant_ns, guid FROM events ORDER BY instant_ns DESC, guid DESC LIMIT 1"_s))
        return std::unexpected(sqlError(u"cannot read the event log"_s, query.lastError()));
    if (query.next())
        m_highWater = CanonicalKey{query.value(0).toLongLong(), query.value(1).toString()};
    else
        m_highWater.reset();
    return {};
}

Status Ledger::requireWritable() const
{
    if (m_alarm)
        return fail(ErrorCode::Integrity, u"writing is blocked by an integrity alarm: %1"_s.arg(*m_alarm));
    if (m_registry.isReadOnly())
        return fail(ErrorCode::ReadOnly, u"%1 is open read-only"_s.arg(m_registry.path()));
    return {};
}

// --- commands --------------------------------------------------------------------------------

Status Ledger::validateCommand(const Command &c) const
{
    auto refuse = [](const QString &message) { return fail(ErrorCode::InvalidArgument, message); };
    if (!ApplierRegistry::isValidType(c.type))
        return refuse(u"'%1' is not a valid event type"_s.arg(c.type));
    if (!m_appliers.contains(c.type))
        return refuse(u"unknown event type '%1' (no applier is registered)"_s.arg(c.type));
    if (c.entityGuid.isEmpty())
        return refuse(u"the command has no entityGuid"_s);
    const Entity *target = m_world->find(c.entityGuid);
    const bool live = target != nullptr && !target->deleted;
    auto needGroup = [&]() -> Status {
        if (target == nullptr)
            return refuse(u"unknown household %1"_s.arg(c.entityGuid));
        if (target->deleted)
            return refuse(u"%1 has been deleted"_s.arg(c.entityGuid));
        if (!target->isGroup())
            return refuse(u"%1 is an individual, not a household"_s.arg(c.entityGuid));
        return {};
    };
    auto isMember = [&](const QString &member) {
        return target != nullptr && target->memberIds.contains(member);
    };

    if (c.type == u"create-individual" || c.type == u"create-group") {
        if (target != nullptr)
            return refuse(u"%1 already exists"_s.arg(c.entityGuid));
    } else if (c.type == u"update-individual") {
        if (target == nullptr)
            return refuse(u"unknown individual %1"_s.arg(c.entityGuid));
        if (target->deleted)
            return refuse(u"%1 has been deleted"_s.arg(c.entityGuid));
        if (target->isGroup())
            return refuse(u"%1 is a household, not an individual"_s.arg(c.entityGuid));
    } else if (isGroupType(c.type)) {
        if (c.type != u"create-group") {
            if (auto ok = needGroup(); !ok)
                return ok;
        }
    }
    if (c.type == u"create-group" || c.type == u"update-group" || c.type == u"add-member") {
        const QJsonValue members = c.data.value(u"members"_s);
        if (c.type == u"add-member" && !members.isArray())
            return refuse(u"add-member needs data.members (an array)"_s);
        if (!members.isUndefined() && !members.isArray())
            return refuse(u"data.members must be an array"_s);
        for (const QJsonValue &entry : members.toArray()) {
            if (!entry.isObject() || !entry.toObject().value(u"guid"_s).isString() ||
                entry.toObject().value(u"guid"_s).toString().isEmpty())
                return refuse(u"every member needs a guid"_s);
        }
    }
    if (c.type == u"remove-member") {
        QStringList ids;
        if (c.data.value(u"memberId"_s).isString())
            ids << c.data.value(u"memberId"_s).toString();
        for (const QJsonValue &id : c.data.value(u"memberIds"_s).toArray())
            ids << id.toString();
        if (ids.isEmpty())
            return refuse(u"remove-member needs data.memberId or data.memberIds"_s);
        for (const QString &id : std::as_const(ids)) {
            if (!isMember(id))
                return refuse(u"%1 is not a member of %2"_s.arg(id, c.entityGuid));
        }
        if (c.data.value(u"reason"_s).toString().trimmed().isEmpty())
            return refuse(
                u"remove-member needs a reason (left, deceased, married-out, migrated, data-correction)"_s);
    }
    if (c.type == u"transfer-member") {
        const QString member = c.data.value(u"memberId"_s).toString();
        const QString to = c.data.value(u"toGroupGuid"_s).toString();
        if (member.isEmpty() || to.isEmpty())
            return refuse(u"transfer-member needs data.memberId and data.toGroupGuid"_s);
        if (!isMember(member))
            return refuse(u"%1 is not a member of %2"_s.arg(member, c.entityGuid));
        if (to == c.entityGuid)
            return refuse(u"a member cannot move to the household it is in"_s);
        const Entity *destination = m_world->find(to);
        if (destination != nullptr && (!destination->isGroup() || destination->deleted))
            return refuse(u"%1 is not a live household"_s.arg(to));
        if (auto ok = m_access.check(user(), Action::Submit, to); !ok)
            return ok;
    }
    if (c.type == u"split-household") {
        const QString newGroup = c.data.value(u"newGroupGuid"_s).toString();
        if (newGroup.isEmpty())
            return refuse(u"split-household needs data.newGroupGuid"_s);
        if (m_world->find(newGroup) != nullptr)
            return refuse(u"%1 already exists"_s.arg(newGroup));
        const QJsonArray ids = c.data.value(u"memberIds"_s).toArray();
        if (ids.isEmpty())
            return refuse(u"split-household needs data.memberIds"_s);
        for (const QJsonValue &id : ids) {
            if (!isMember(id.toString()))
                return refuse(u"%1 is not a member of %2"_s.arg(id.toString(), c.entityGuid));
        }
    }
    if (c.type == u"delete-entity" || c.type == u"resolve-duplicate") {
        if (!live)
            return refuse(target == nullptr ? u"unknown entity %1"_s.arg(c.entityGuid)
                                            : u"%1 has already been deleted"_s.arg(c.entityGuid));
    }
    return {};
}

Result<Event> Ledger::buildEvent(const Command &command)
{
    QJsonObject metadata = command.metadata.value_or(QJsonObject());
    if (!metadata.contains(u"deviceId"_s))
        metadata.insert(u"deviceId"_s, m_deviceId);
    if (!metadata.contains(u"appVersion"_s))
        metadata.insert(u"appVersion"_s, m_options.appVersion);
    const QString guid = command.guid.isEmpty() ? m_options.ids->next() : command.guid;
    const QString timestamp =
        command.timestamp.isEmpty() ? formatUtcMillis(m_options.clock->now()) : command.timestamp;
    return Event::make(guid, command.entityGuid, command.type, command.data, timestamp, user().id, metadata,
                       command.context);
}

Result<Event> Ledger::submit(const Command &command)
{
    auto report = submitBatch({command});
    if (!report)
        return std::unexpected(report.error());
    auto stored = m_log->byGuid(m_lastSubmitted);
    if (!stored || !*stored)
        return fail(ErrorCode::Storage, u"the submitted event cannot be read back"_s);
    return Event::fromStored((*stored)->body, (*stored)->syncLevel);
}

Result<IngestReport> Ledger::submitBatch(const std::vector<Command> &commands)
{
    if (auto ok = requireWritable(); !ok)
        return std::unexpected(ok.error());
    std::vector<Event> events;
    events.reserve(commands.size());
    // Commands are validated against the state they will meet: earlier commands of the same
    // batch are applied first, inside the batch's transaction.
    QSqlDatabase &db = m_registry.database();
    if (!db.transaction())
        return std::unexpected(sqlError(u"cannot begin a transaction"_s, db.lastError()));
    QElapsedTimer timer;
    timer.start();
    IngestReport report;
    QSet<QString> changed;
    auto rollback = [&](Error error) -> Result<IngestReport> {
        db.rollback();
        m_world->discard();
        (void)m_log->reload();
        (void)loadHighWater();
        return std::unexpected(std::move(error));
    };
    qsizetype index = 0;
    for (const Command &command : commands) {
        ++index;
        auto prefix = [&]() { return commands.size() > 1 ? u"command %1: "_s.arg(index) : QString(); };
        if (auto ok = m_access.check(user(), Action::Submit, command.entityGuid); !ok)
            return rollback(Error{ok.error().code, prefix() + ok.error().message});
        // A review decision or a duplicate's resolution is a supervisor's (ReviewService and
        // DuplicateQueue check it too; this is the gate).
        if (command.type == u"review-household" || command.type == u"resolve-duplicate") {
            if (auto ok = m_access.check(user(), Action::Review, command.entityGuid); !ok)
                return rollback(Error{ok.error().code, prefix() + ok.error().message});
        }
        if (auto ok = validateCommand(command); !ok)
            return rollback(Error{ok.error().code, prefix() + ok.error().message});
        auto event = buildEvent(command);
        if (!event)
            return rollback(Error{event.error().code, prefix() + event.error().message});
        const qint64 seq = qint64(m_log->size());
        const QByteArray canonical = event->canonicalBytes();
        auto appended = m_log->append(*event, canonical);
        if (!appended)
            return rollback(Error{appended.error().code, prefix() + appended.error().message});
        if (*appended == EventStore::Appended::Duplicate) {
            ++report.duplicates;
            continue;
        }
        ++report.accepted;
        m_lastSubmitted = event->guid;
        if (auto ok = project({*event}, seq, changed, report.anomalies); !ok)
            return rollback(ok.error());
    }
    if (auto ok = m_world->flush(); !ok)
        return rollback(ok.error());
    if (auto ok = notifyObservers(&changed); !ok)
        return rollback(ok.error());
    for (const Command &command : commands) {
        if (command.draftId.isEmpty())
            continue;
        QSqlQuery removeDraft(db);
        removeDraft.prepare(u"DELETE FROM drafts WHERE id = ?"_s);
        removeDraft.bindValue(0, command.draftId);
        if (!removeDraft.exec())
            return rollback(sqlError(u"cannot remove the submitted draft"_s, removeDraft.lastError()));
    }
    if (!db.commit())
        return rollback(sqlError(u"cannot commit"_s, db.lastError()));
    report.eventsPerSecond = report.accepted / std::max(1e-9, timer.nsecsElapsed() / 1e9);
    report.changedEntities = QStringList(changed.begin(), changed.end());
    report.changedEntities.sort();
    if (!changed.isEmpty())
        emit this->changed(
            LedgerChange{LedgerChange::Kind::EntitiesChanged, report.changedEntities, m_log->size()});
    return report;
}

Result<IngestReport> Ledger::importEvents(const std::vector<Event> &events, const Progress &progress)
{
    if (auto ok = m_access.check(user(), Action::Import); !ok)
        return std::unexpected(ok.error());
    if (auto ok = requireWritable(); !ok)
        return std::unexpected(ok.error());
    auto report = ingest(events, progress);
    if (report) {
        QSqlQuery query(m_registry.database());
        query.prepare(u"INSERT INTO meta (key, value) VALUES ('last_import_rate', ?) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
        query.bindValue(0, QString::number(report->eventsPerSecond, 'f', 1));
        (void)query.exec();
    }
    return report;
}

Result<IngestReport> Ledger::ingest(const std::vector<Event> &events, const Progress &progress)
{
    QSqlDatabase &db = m_registry.database();
    QElapsedTimer timer;
    timer.start();
    if (!db.transaction())
        return std::unexpected(sqlError(u"cannot begin a transaction"_s, db.lastError()));
    IngestReport report;
    QSet<QString> changed;
    auto rollback = [&](Error error) -> Result<IngestReport> {
        db.rollback();
        m_world->discard();
        (void)m_log->reload();
        (void)loadHighWater();
        return std::unexpected(std::move(error));
    };
    // Append everything first (log order = arrival order), then project the new events
    // together in canonical order, batch by batch.
    std::vector<Event> fresh;
    const qint64 firstSeq = qint64(m_log->size());
    quint64 done = 0;
    for (const Event &event : events) {
        auto appended = m_log->append(event, event.canonicalBytes());
        if (!appended) {
            Error error = appended.error();
            error.item = qsizetype(done);
            return rollback(error);
        }
        if (*appended == EventStore::Appended::Duplicate)
            ++report.duplicates;
        else {
            ++report.accepted;
            fresh.push_back(event);
        }
        ++done;
        if (progress && done % 1000 == 0 && !progress(done, events.size() * 2))
            return rollback(Error{ErrorCode::Cancelled, u"import cancelled; nothing was imported"_s});
    }
    Projector::sortCanonical(fresh);
    if (auto ok = project(std::move(fresh), firstSeq, changed, report.anomalies); !ok)
        return rollback(ok.error());
    if (progress && !progress(events.size() * 2, events.size() * 2))
        return rollback(Error{ErrorCode::Cancelled, u"import cancelled; nothing was imported"_s});
    if (auto ok = m_world->flush(); !ok)
        return rollback(ok.error());
    if (auto ok = notifyObservers(&changed); !ok)
        return rollback(ok.error());
    if (!db.commit())
        return rollback(sqlError(u"cannot commit"_s, db.lastError()));
    report.eventsPerSecond = double(report.accepted) / std::max(1e-9, double(timer.nsecsElapsed()) / 1e9);
    report.changedEntities = QStringList(changed.begin(), changed.end());
    report.changedEntities.sort();
    if (!changed.isEmpty())
        emit this->changed(
            LedgerChange{LedgerChange::Kind::EntitiesChanged, report.changedEntities, m_log->size()});
    return report;
}

Status Ledger::project(std::vector<Event> fresh, qint64 firstFreshSeq, QSet<QString> &changed,
                       qint64 &anomalyCount)
{
    if (fresh.empty())
        return {};
    const CanonicalKey lowest = fresh.front().canonicalKey();
    if (m_highWater && lowest < *m_highWater) {
        // Late: fold in where it belongs and re-project what follows it.
        const CanonicalKey highest = fresh.back().canonicalKey();
        if (auto ok = reprojectFrom(lowest, false, std::move(fresh), firstFreshSeq, changed, anomalyCount);
            !ok)
            return ok;
        if (*m_highWater < highest)
            m_highWater = highest;
        return {};
    }
    qsizetype applied = 0;
    for (const Event &event : fresh) {
        if (auto ok = applyOne(event, changed, anomalyCount); !ok)
            return ok;
        if (++applied % kBatchSize == 0) {
            if (auto ok = m_world->flush(); !ok)
                return ok;
        }
    }
    m_highWater = fresh.back().canonicalKey();
    return {};
}

Status Ledger::applyOne(const Event &stored, QSet<QString> &changed, qint64 &anomalyCount)
{
    const Event event = m_upcasters.needsUpcast(stored) ? m_upcasters.upcast(stored) : stored;
    const ApplyOutcome outcome = m_appliers.apply(event, *m_world);
    Statements &s = *m_statements;
    for (const EntityChange &change : outcome.changes) {
        s.insertEffect.bindValue(0, change.guid);
        s.insertEffect.bindValue(1, stored.instantNs);
        s.insertEffect.bindValue(2, stored.guid);
        s.insertEffect.bindValue(3, change.before ? QVariant(change.before->canonicalJson())
                                                  : QVariant(QMetaType::fromType<QByteArray>()));
        if (!s.insertEffect.exec())
            return std::unexpected(
                sqlError(u"cannot record the effects of %1"_s.arg(stored.guid), s.insertEffect.lastError()));
        if (change.created)
            m_world->setCreator(change.guid, stored.userId);
        changed.insert(change.guid);
    }
    for (const Anomaly &anomaly : outcome.anomalies) {
        s.insertAnomaly.bindValue(0, anomaly.eventGuid);
        s.insertAnomaly.bindValue(1, anomaly.entityGuid);
        s.insertAnomaly.bindValue(2, anomalyKindName(anomaly.kind));
        s.insertAnomaly.bindValue(3, anomaly.message);
        s.insertAnomaly.bindValue(4, stored.instantNs);
        if (!s.insertAnomaly.exec())
            return std::unexpected(sqlError(u"cannot record an anomaly"_s, s.insertAnomaly.lastError()));
        ++anomalyCount;
    }
    if (m_world->readError())
        return std::unexpected(*m_world->readError());
    return {};
}

Status Ledger::reprojectFrom(const CanonicalKey &from, bool inclusive, std::vector<Event> fresh,
                             qint64 beforeSeq, QSet<QString> &changed, qint64 &anomalyCount)
{
    QSqlDatabase &db = m_registry.database();
    if (auto ok = m_world->flush(); !ok)
        return ok;
    const QString op = inclusive ? u">="_s : u">"_s;
    // 1. The events already applied after `from`, in canonical order.
    std::vector<Event> later;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(u"SELECT body, sync_level FROM events WHERE (instant_ns, guid) "_s + op +
                      u" (?, ?) AND seq < ? ORDER BY instant_ns, guid"_s);
        query.bindValue(0, from.instantNs);
        query.bindValue(1, from.guid);
        query.bindValue(2, beforeSeq);
        if (!query.exec())
            return std::unexpected(sqlError(u"cannot read later events"_s, query.lastError()));
        while (query.next()) {
            auto event = Event::fromStored(query.value(0).toByteArray(), query.value(1).toInt());
            if (!event)
                return std::unexpected(event.error());
            later.push_back(std::move(*event));
        }
    }
    // 2. Rewind: every entity those events changed goes back to its state just before the
    //    first of them (the before-image kept in effects).
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        // In canonical order through its index (ordering by entity would scan every effect):
        // the first effect met for an entity holds its state before them all.
        query.prepare(u"SELECT entity_guid, before FROM effects WHERE (instant_ns, event_guid) "_s + op +
                      u" (?, ?) ORDER BY instant_ns, event_guid"_s);
        query.bindValue(0, from.instantNs);
        query.bindValue(1, from.guid);
        if (!query.exec())
            return std::unexpected(sqlError(u"cannot rewind"_s, query.lastError()));
        QSet<QString> rewound;
        while (query.next()) {
            const QString guid = query.value(0).toString();
            if (rewound.contains(guid))
                continue;
            rewound.insert(guid);
            m_world->restore(guid, entityFromBody(query.value(1)));
            changed.insert(guid);
        }
        for (const QString &table : {u"effects"_s, u"anomalies"_s}) {
            QSqlQuery remove(db);
            remove.prepare(u"DELETE FROM "_s + table + u" WHERE (instant_ns, event_guid) "_s + op +
                           u" (?, ?)"_s);
            remove.bindValue(0, from.instantNs);
            remove.bindValue(1, from.guid);
            if (!remove.exec())
                return std::unexpected(sqlError(u"cannot rewind"_s, remove.lastError()));
        }
    }
    // 3. Redo: the new events merged with the later ones, in canonical order.
    std::vector<Event> merged;
    merged.reserve(fresh.size() + later.size());
    std::merge(std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()),
               std::make_move_iterator(later.begin()), std::make_move_iterator(later.end()),
               std::back_inserter(merged),
               [](const Event &a, const Event &b) { return a.canonicalKey() < b.canonicalKey(); });
    for (const Event &event : merged) {
        if (auto ok = applyOne(event, changed, anomalyCount); !ok)
            return ok;
    }
    return {};
}

Status Ledger::registerDataApplier(const QJsonObject &description)
{
    if (user().role != Role::Administrator)
        return fail(ErrorCode::PermissionDenied, u"only an administrator may define event types"_s);
    if (auto ok = requireWritable(); !ok)
        return ok;
    auto applier = DataApplier::fromJson(description);
    if (!applier)
        return std::unexpected(applier.error());
    const QString type = (*applier)->type();
    QSqlQuery query(m_registry.database());
    query.prepare(u"INSERT INTO custom_appliers (type, description) VALUES (?, ?) "
                  "ON CONFLICT (type) DO UPDATE SET description = excluded.description"_s);
    query.bindValue(0, type);
    query.bindValue(1, QJsonDocument(description).toJson(QJsonDocument::Compact));
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot keep the applier"_s, query.lastError()));
    m_appliers.replace(type, std::unique_ptr<Applier>(std::move(*applier)));
    return reprojectType(type);
}

Status Ledger::reprojectType(const QString &type)
{
    if (auto ok = requireWritable(); !ok)
        return ok;
    QSqlDatabase &db = m_registry.database();
    QSqlQuery query(db);
    query.prepare(u"SELECT instant_ns, guid FROM events WHERE type = ? ORDER BY instant_ns, guid LIMIT 1"_s);
    query.bindValue(0, type);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot find events of type %1"_s.arg(type), query.lastError()));
    if (!query.next())
        return {};
    const CanonicalKey from{query.value(0).toLongLong(), query.value(1).toString()};
    query.finish();
    if (!db.transaction())
        return std::unexpected(sqlError(u"cannot begin a transaction"_s, db.lastError()));
    QSet<QString> changed;
    qint64 anomalies = 0;
    if (auto ok = reprojectFrom(from, true, {}, qint64(m_log->size()), changed, anomalies); !ok) {
        db.rollback();
        m_world->discard();
        return ok;
    }
    if (auto ok = m_world->flush(); !ok) {
        db.rollback();
        return ok;
    }
    if (auto ok = forgetDerivedMarks(db); !ok) {
        db.rollback();
        return ok;
    }
    if (auto ok = notifyObservers(&changed); !ok) {
        db.rollback();
        return ok;
    }
    if (!db.commit())
        return std::unexpected(sqlError(u"cannot commit"_s, db.lastError()));
    emit this->changed(LedgerChange{LedgerChange::Kind::Reset, {}, m_log->size()});
    return {};
}

// --- queries ---------------------------------------------------------------------------------

void Ledger::addObserver(std::unique_ptr<ProjectionObserver> observer)
{
    m_observers.push_back(std::move(observer));
}

Status Ledger::notifyObservers(const QSet<QString> *changed)
{
    for (const auto &observer : m_observers) {
        // An empty set too: the observer's rows are then current at the new end of the log
        // (an event that changed nothing still moved it).
        auto ok = changed ? observer->entitiesChanged(*changed) : observer->projectionsRebuilt();
        if (!ok)
            return ok;
    }
    return {};
}

Result<std::optional<Entity>> Ledger::readEntity(const QString &guid)
{
    QSqlQuery query(m_registry.database());
    query.prepare(u"SELECT body FROM entities WHERE guid = ?"_s);
    query.bindValue(0, guid);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read entity %1"_s.arg(guid), query.lastError()));
    if (!query.next())
        return std::optional<Entity>();
    auto entity = Entity::fromJson(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
    if (!entity)
        return fail(ErrorCode::Corrupt, u"entity %1 is damaged: %2"_s.arg(guid, entity.error().message));
    return std::optional<Entity>(std::move(*entity));
}

Result<std::optional<Entity>> Ledger::entity(const QString &guid)
{
    if (auto ok = m_access.check(user(), Action::ReadEntity, guid); !ok)
        return std::unexpected(ok.error());
    return readEntity(guid);
}

Result<std::optional<Entity>> Ledger::entityAt(const QString &guid, qint64 instantNs)
{
    if (auto ok = m_access.check(user(), Action::ReadEntity, guid); !ok)
        return std::unexpected(ok.error());
    // The first change after T kept the entity as it was just before: that is the state at T.
    QSqlQuery query(m_registry.database());
    query.prepare(u"SELECT before FROM effects WHERE entity_guid = ? AND instant_ns > ? "
                  "ORDER BY instant_ns, event_guid LIMIT 1"_s);
    query.bindValue(0, guid);
    query.bindValue(1, instantNs);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the history of %1"_s.arg(guid), query.lastError()));
    if (query.next())
        return entityFromBody(query.value(0));
    return readEntity(guid);
}

Result<std::optional<Entity>> Ledger::entityAsRecorded(const QString &guid, qint64 logSize)
{
    if (auto ok = m_access.check(user(), Action::ReadEntity, guid); !ok)
        return std::unexpected(ok.error());
    if (logSize < 0 || quint64(logSize) > m_log->size())
        return fail(ErrorCode::InvalidArgument,
                    u"the log has %1 events; there is no log size %2"_s.arg(m_log->size()).arg(logSize));
    // When the first logSize events are also the first in canonical order (no event logged
    // later sorts before one of them: no late event across that point), what the store showed
    // then is the live history cut at that point, and the kept before-images answer without
    // replaying anything.
    if (auto prefix = isCanonicalPrefix(m_registry.database(), qint64(m_log->size()), logSize); !prefix) {
        return std::unexpected(prefix.error());
    } else if (*prefix) {
        QSqlQuery query(m_registry.database());
        query.prepare(
            u"SELECT f.before FROM effects f JOIN events e ON e.guid = f.event_guid"
            " WHERE f.entity_guid = ? AND e.seq >= ? ORDER BY f.instant_ns, f.event_guid LIMIT 1"_s);
        query.bindValue(0, guid);
        query.bindValue(1, logSize);
        if (!query.exec())
            return std::unexpected(sqlError(u"cannot read the history of %1"_s.arg(guid), query.lastError()));
        if (query.next())
            return entityFromBody(query.value(0)); // NULL: created after that point
        query.finish();
        return readEntity(guid); // unchanged since
    }
    // Otherwise: replay the events it had, in canonical order.
    MemoryWorld world;
    Status failed;
    auto streamed = m_log->forEachCanonical(logSize, kBatchSize, [&](const StoredEvent &stored) {
        auto event = Event::fromStored(stored.body, stored.syncLevel);
        if (!event) {
            failed = std::unexpected(event.error());
            return false;
        }
        const Event upcast = m_upcasters.needsUpcast(*event) ? m_upcasters.upcast(*event) : *event;
        (void)m_appliers.apply(upcast, world);
        return true;
    });
    if (!failed)
        return std::unexpected(failed.error());
    if (!streamed)
        return std::unexpected(streamed.error());
    const Entity *found = world.find(guid);
    return found ? std::optional<Entity>(*found) : std::nullopt;
}

Status Ledger::forEachEntity(std::optional<qint64> atInstantNs, bool includeDeleted,
                             const std::function<bool(const Entity &)> &callback)
{
    if (auto ok = m_access.check(user(), Action::ListEntities); !ok)
        return ok;
    QSqlDatabase &db = m_registry.database();
    QSqlQuery list(db);
    list.setForwardOnly(true);
    QSqlQuery at(db);
    at.prepare(u"SELECT before FROM effects WHERE entity_guid = ? AND instant_ns > ? "
               "ORDER BY instant_ns, event_guid LIMIT 1"_s);
    const QString condition = AccessControl::visibilityCondition(user());
    QString lastGuid = u""_s;
    for (;;) {
        list.prepare(u"SELECT e.guid, e.body FROM entities e WHERE e.guid > :after AND "_s + condition +
                     u" ORDER BY e.guid LIMIT :limit"_s);
        list.bindValue(u":after"_s, lastGuid);
        list.bindValue(u":limit"_s, kBatchSize);
        if (condition != u"1")
            list.bindValue(u":viewer"_s, user().id);
        if (!list.exec())
            return std::unexpected(sqlError(u"cannot list entities"_s, list.lastError()));
        std::vector<std::pair<QString, QByteArray>> rows;
        while (list.next())
            rows.emplace_back(list.value(0).toString(), list.value(1).toByteArray());
        list.finish();
        if (rows.empty())
            break;
        for (const auto &[guid, body] : rows) {
            std::optional<Entity> state;
            if (atInstantNs) {
                at.bindValue(0, guid);
                at.bindValue(1, *atInstantNs);
                if (!at.exec())
                    return std::unexpected(
                        sqlError(u"cannot read the history of %1"_s.arg(guid), at.lastError()));
                if (at.next())
                    state = entityFromBody(at.value(0));
                else
                    state = entityFromBody(body);
                at.finish();
            } else {
                state = entityFromBody(body);
            }
            if (!state || (state->deleted && !includeDeleted))
                continue;
            if (!callback(*state))
                return {};
        }
        lastGuid = rows.back().first;
    }
    return {};
}

Result<QJsonArray> Ledger::history(const QString &guid)
{
    if (auto ok = m_access.check(user(), Action::ReadEntity, guid); !ok)
        return std::unexpected(ok.error());
    QSqlQuery query(m_registry.database());
    query.setForwardOnly(true);
    query.prepare(
        u"SELECT f.before, e.seq, e.body, e.sync_level FROM effects f JOIN events e ON e.guid = f.event_guid "
        "WHERE f.entity_guid = ? ORDER BY f.instant_ns, f.event_guid"_s);
    query.bindValue(0, guid);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the history of %1"_s.arg(guid), query.lastError()));
    struct Row {
        std::optional<Entity> before;
        qint64 seq;
        Event event;
    };
    std::vector<Row> rows;
    while (query.next()) {
        auto event = Event::fromStored(query.value(2).toByteArray(), query.value(3).toInt());
        if (!event)
            return std::unexpected(event.error());
        rows.push_back(Row{entityFromBody(query.value(0)), query.value(1).toLongLong(), std::move(*event)});
    }
    auto current = readEntity(guid);
    if (!current)
        return std::unexpected(current.error());
    // A late event arrived (log order) after an event that follows it in canonical order.
    std::vector<qint64> laterMinSeq(rows.size() + 1, std::numeric_limits<qint64>::max());
    for (std::size_t i = rows.size(); i > 0; --i)
        laterMinSeq[i - 1] = std::min(laterMinSeq[i], rows[i - 1].seq);
    QJsonArray trail;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::optional<Entity> &after = i + 1 < rows.size() ? rows[i + 1].before : *current;
        if (!after)
            continue; // cannot happen for a consistent store: every change leaves an entity
        EntityChange change{guid, rows[i].before, *after, !rows[i].before.has_value()};
        QJsonObject entry = auditEntry(rows[i].seq, rows[i].event, change);
        if (laterMinSeq[i + 1] < rows[i].seq)
            entry.insert(u"late"_s, true);
        trail.append(entry);
    }
    return trail;
}

Result<std::vector<Anomaly>> Ledger::anomalies()
{
    if (auto ok = m_access.check(user(), Action::ReadLog); !ok)
        return std::unexpected(ok.error());
    QSqlQuery query(m_registry.database());
    if (!query.exec(u"SELECT event_guid, entity_guid, kind, message FROM anomalies "
                    "ORDER BY instant_ns, event_guid, rowid"_s))
        return std::unexpected(sqlError(u"cannot read anomalies"_s, query.lastError()));
    std::vector<Anomaly> result;
    while (query.next()) {
        Anomaly anomaly;
        anomaly.eventGuid = query.value(0).toString();
        anomaly.entityGuid = query.value(1).toString();
        anomaly.kind = anomalyKindFromName(query.value(2).toString()).value_or(AnomalyKind::UnknownType);
        anomaly.message = query.value(3).toString();
        result.push_back(std::move(anomaly));
    }
    return result;
}

Result<std::vector<StoredEvent>> Ledger::events(const QString &entityGuid, qint64 afterSeq, int limit)
{
    if (entityGuid.isEmpty()) {
        if (auto ok = m_access.check(user(), Action::ReadLog); !ok)
            return std::unexpected(ok.error());
        return m_log->page(afterSeq, limit);
    }
    if (auto ok = m_access.check(user(), Action::ReadEntity, entityGuid); !ok)
        return std::unexpected(ok.error());
    auto all = m_log->byEntity(entityGuid);
    if (!all)
        return all;
    std::vector<StoredEvent> page;
    for (StoredEvent &event : *all) {
        if (event.seq > afterSeq && int(page.size()) < limit)
            page.push_back(std::move(event));
    }
    return page;
}

Result<QJsonObject> Ledger::stats()
{
    if (auto ok = m_access.check(user(), Action::ReadLog); !ok)
        return std::unexpected(ok.error());
    QSqlQuery query(m_registry.database());
    if (!query.exec(u"SELECT type, count(*) FROM events GROUP BY type ORDER BY type"_s))
        return std::unexpected(sqlError(u"cannot read stats"_s, query.lastError()));
    QJsonObject distribution;
    while (query.next())
        distribution.insert(query.value(0).toString(), query.value(1).toLongLong());
    if (!query.exec(u"SELECT count(*), coalesce(avg(length(body)), 0) FROM events"_s) || !query.next())
        return std::unexpected(sqlError(u"cannot read stats"_s, query.lastError()));
    const qint64 total = query.value(0).toLongLong();
    const double average = query.value(1).toDouble();
    if (!query.exec(u"SELECT count(*) FROM anomalies"_s) || !query.next())
        return std::unexpected(sqlError(u"cannot read stats"_s, query.lastError()));
    const qint64 anomalyCount = query.value(0).toLongLong();
    double lastImportRate = 0;
    if (query.exec(u"SELECT value FROM meta WHERE key = 'last_import_rate'"_s) && query.next())
        lastImportRate = query.value(0).toString().toDouble();
    int depth = 0;
    while ((quint64(1) << depth) < quint64(total))
        ++depth;
    return QJsonObject{{u"totalEvents"_s, total},
                       {u"eventTypeDistribution"_s, distribution},
                       {u"averageEventSize"_s, std::round(average * 10) / 10},
                       {u"anomalies"_s, anomalyCount},
                       {u"merkleTreeDepth"_s, depth},
                       {u"eventsPerSecondLastImport"_s, std::round(lastImportRate * 10) / 10}};
}

Result<QJsonObject> Ledger::replay(const Progress &progress)
{
    if (auto ok = m_access.check(user(), Action::Replay); !ok)
        return std::unexpected(ok.error());
    if (auto ok = requireWritable(); !ok)
        return std::unexpected(ok.error());
    QSqlDatabase &db = m_registry.database();
    if (!db.transaction())
        return std::unexpected(sqlError(u"cannot begin a transaction"_s, db.lastError()));
    auto rollback = [&](Error error) -> Result<QJsonObject> {
        db.rollback();
        m_world->discard();
        return std::unexpected(std::move(error));
    };
    QSqlQuery query(db);
    for (const QString &table : {u"entities"_s, u"memberships"_s, u"effects"_s, u"anomalies"_s}) {
        if (!query.exec(u"DELETE FROM "_s + table))
            return rollback(sqlError(u"cannot clear %1"_s.arg(table), query.lastError()));
    }
    m_world->discard();
    QSet<QString> changed;
    qint64 anomalyCount = 0;
    quint64 done = 0;
    const quint64 total = m_log->size();
    Status failed;
    auto streamed = m_log->forEachCanonical(qint64(total), kBatchSize, [&](const StoredEvent &stored) {
        auto event = Event::fromStored(stored.body, stored.syncLevel);
        if (!event) {
            failed = std::unexpected(event.error());
            return false;
        }
        if (auto ok = applyOne(*event, changed, anomalyCount); !ok) {
            failed = ok;
            return false;
        }
        if (++done % kBatchSize == 0) {
            if (auto ok = m_world->flush(); !ok) {
                failed = ok;
                return false;
            }
            changed.clear(); // the count of entities comes from the table at the end
            if (progress && !progress(done, total)) {
                failed = fail(ErrorCode::Cancelled, u"replay cancelled; nothing changed"_s);
                return false;
            }
        }
        return true;
    });
    if (!failed)
        return rollback(failed.error());
    if (!streamed)
        return rollback(streamed.error());
    if (auto ok = m_world->flush(); !ok)
        return rollback(ok.error());
    if (!query.exec(u"SELECT count(*) FROM entities"_s) || !query.next())
        return rollback(sqlError(u"cannot count entities"_s, query.lastError()));
    const qint64 entityCount = query.value(0).toLongLong();
    query.finish();
    if (auto ok = forgetDerivedMarks(db); !ok)
        return rollback(ok.error());
    if (auto ok = notifyObservers(nullptr); !ok)
        return rollback(ok.error());
    if (!db.commit())
        return rollback(sqlError(u"cannot commit"_s, db.lastError()));
    if (auto ok = loadHighWater(); !ok)
        return std::unexpected(ok.error());
    emit this->changed(LedgerChange{LedgerChange::Kind::Reset, {}, m_log->size()});
    return QJsonObject{{u"events"_s, qint64(total)}, {u"entities"_s, entityCount}};
}

} // namespace fieldledger::core
