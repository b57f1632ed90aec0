#include "core/exchange/exporter.h"

#include "core/access/accesscontrol.h"
#include "core/domain/entity.h"
#include "core/events/canonicaljson.h"
#include "core/events/timestamp.h"
#include "core/exchange/csvwriter.h"
#include "core/exchange/entityrowreader.h"
#include "core/exchange/exportfile.h"
#include "core/exchange/exportrecorder.h"
#include "core/exchange/householdprofile.h"
#include "core/exchange/reportrenderer.h"
#include "core/exchange/summary.h"
#include "core/exchange/tablesink.h"
#include "core/exchange/xlsxworkbook.h"
#include "core/storage/householdindex.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QDateTime>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

constexpr int kEventBatch = 1000;
constexpr quint64 kProgressEvery = 64;

const QString kHouseholdsSheet = u"Households"_s;
const QString kIndividualsSheet = u"Individuals"_s;
const QString kAuditSheet = u"Audit log"_s;
const QString kSummarySheet = u"Summary"_s;

// The columns of a tabular export around its data fields.
const QStringList kHouseholdLeading = {u"guid"_s};
const QStringList kHouseholdTrailing = {u"memberCount"_s, u"head"_s, u"lastUpdated"_s, u"version"_s};
const QStringList kIndividualLeading = {u"householdGuid"_s, u"memberGuid"_s, u"relationship"_s};
const QStringList kIndividualTrailing = {u"lastUpdated"_s, u"version"_s};
const QStringList kAuditColumns = {u"timestamp"_s, u"userId"_s,   u"entityGuid"_s, u"eventType"_s,
                                   u"field"_s,     u"oldValue"_s, u"newValue"_s,   u"reason"_s,
                                   u"eventGuid"_s, u"seq"_s,      u"late"_s};
const QStringList kSummaryColumns = {u"section"_s, u"key"_s, u"count"_s};

const QString kRelationship = u"relationship"_s;

Error cancelled()
{
    return Error{ErrorCode::Cancelled, u"export cancelled"_s};
}

// Data fields as columns: the preferred ones first (form order), then the others sorted. A key
// that would collide with a fixed column, or that begins with "data.", is shown as "data.<key>".
struct DataColumns {
    QStringList keys;    // data keys, in column order
    QStringList headers; // their column names

    static DataColumns make(const QStringList &preferred, const QSet<QString> &found,
                            const QStringList &fixed, const QSet<QString> &excluded = {})
    {
        DataColumns columns;
        QSet<QString> taken;
        for (const QString &key : preferred) {
            if (!key.isEmpty() && !excluded.contains(key) && !taken.contains(key)) {
                columns.keys.append(key);
                taken.insert(key);
            }
        }
        QStringList rest;
        for (const QString &key : found) {
            if (!taken.contains(key) && !excluded.contains(key))
                rest.append(key);
        }
        std::sort(rest.begin(), rest.end());
        columns.keys.append(rest);
        for (const QString &key : std::as_const(columns.keys)) {
            const bool collides = fixed.contains(key) || key.startsWith(u"data."_s);
            columns.headers.append(collides ? u"data."_s + key : key);
        }
        return columns;
    }
};

QString utcDay(qint64 instantNs)
{
    qint64 ms = instantNs / 1'000'000;
    if (instantNs % 1'000'000 < 0)
        --ms;
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date().toString(Qt::ISODate);
}

QString instantText(qint64 instantNs)
{
    return Timestamp::fromNsSinceEpoch(instantNs).toUtcMillisString();
}

QJsonObject countsJson(const QMap<QString, qint64> &counts)
{
    QJsonObject object;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

Status writeLine(QIODevice &device, const QByteArray &line)
{
    if (device.write(line) != line.size() || !device.putChar('\n'))
        return fail(ErrorCode::Storage, u"cannot write the export: %1"_s.arg(device.errorString()));
    return {};
}

// One audit row: one field changed on one entity by one event.
struct AuditRow {
    QString timestamp;
    QString userId;
    QString entityGuid;
    QString eventType;
    QString field; // empty for an event that changed no field (it still shows who did what)
    std::optional<QJsonValue> oldValue;
    std::optional<QJsonValue> newValue;
    QString reason;
    QString eventGuid;
    qint64 seq = 0;
    bool late = false;

    [[nodiscard]] QList<Cell> cells() const
    {
        auto value = [](const std::optional<QJsonValue> &v) {
            return v ? Cell::fromJson(*v) : Cell::empty();
        };
        return {Cell::fromTimestamp(timestamp),
                Cell::fromText(userId),
                Cell::fromText(entityGuid),
                Cell::fromText(eventType),
                field.isEmpty() ? Cell::empty() : Cell::fromText(field),
                value(oldValue),
                value(newValue),
                reason.isEmpty() ? Cell::empty() : Cell::fromText(reason),
                Cell::fromText(eventGuid),
                Cell::fromInteger(seq),
                Cell::fromJson(QJsonValue(late))};
    }

    [[nodiscard]] QJsonObject toJson() const
    {
        QJsonObject object{{u"timestamp"_s, timestamp},
                           {u"userId"_s, userId},
                           {u"entityGuid"_s, entityGuid},
                           {u"eventType"_s, eventType},
                           {u"field"_s, field},
                           {u"eventGuid"_s, eventGuid},
                           {u"seq"_s, seq}};
        if (oldValue)
            object.insert(u"oldValue"_s, *oldValue);
        if (newValue)
            object.insert(u"newValue"_s, *newValue);
        if (!reason.isEmpty())
            object.insert(u"reason"_s, reason);
        if (late)
            object.insert(u"late"_s, true);
        return object;
    }
};

// One export's work over the ledger: the passes, the counters and the progress.
class ExportJob final {
public:
    ExportJob(Ledger &ledger, const ExportRequest &request)
        : m_ledger(ledger)
        , m_request(request)
    {
    }

    [[nodiscard]] quint64 rows() const { return m_rows; }

    // Which later stages will run, so that the total is known once the first pass is done.
    struct Plan {
        bool households = false;
        bool individuals = false;
        bool audit = false;
        bool registrations = false;
    };

    // Before the rows: the data keys (the columns) and the counts. The present state's
    // households and individuals need no pass over the entities: their columns are the keys in
    // data_keys (every key an entity of the type has had: a key no entity holds any more gives
    // an empty column) and their total is estimated from the memberships for the progress bar.
    // Any other export walks the entities existing at T once: exactly their keys, the counts
    // and the per-household aggregates of the summary.
    Status firstPass(const Plan &plan)
    {
        if (presentState() && (plan.households || plan.individuals)) {
            if (auto ok = readDataKeys(); !ok)
                return ok;
            if (!plan.audit && !plan.registrations)
                return estimateTotal(plan);
        }
        const bool keysFromWalk = !presentState();
        auto ok = walk(m_request.atInstantNs, true, [&](const Entity &entity) -> Status {
            ++m_existing;
            if (entity.deleted)
                return {};
            ++m_live;
            if (keysFromWalk) {
                QSet<QString> &keys = entity.isGroup() ? m_householdKeys : m_individualKeys;
                for (auto it = entity.data.constBegin(); it != entity.data.constEnd(); ++it)
                    keys.insert(it.key());
            }
            if (entity.isGroup()) {
                ++m_households;
                const QJsonValue village = entity.data.value(u"village"_s);
                ++m_perVillage[village.isString() ? village.toString() : QString()];
                ++m_sizes[QString::number(entity.memberIds.size())];
            } else {
                ++m_individuals;
            }
            return {};
        });
        if (!ok)
            return ok;
        m_total = m_done + (plan.households ? m_live : 0) + (plan.individuals ? m_live : 0) +
                  (plan.audit ? m_existing : 0) + (plan.registrations ? m_ledger.log().size() : 0);
        return report();
    }

    Status households(TableSink &sink)
    {
        const DataColumns columns = DataColumns::make(m_request.householdColumns, m_householdKeys,
                                                      kHouseholdLeading + kHouseholdTrailing);
        if (auto ok = sink.begin(kHouseholdLeading + columns.headers + kHouseholdTrailing); !ok)
            return ok;
        // The data columns, and data.headId (the head when it is a string) after them.
        QStringList keys = columns.keys;
        qsizetype headIdAt = keys.indexOf(u"headId"_s);
        if (headIdAt < 0) {
            headIdAt = keys.size();
            keys.append(u"headId"_s);
        }
        const EntityRowReader reader(keys);
        EntityRowReader::Row household;
        QList<Cell> cells;
        // `head`: the head by relationship, used when data.headId is not a string.
        auto row = [&](const QString &head) -> Status {
            const QString &chosen =
                household.strings[std::size_t(headIdAt)] ? household.data[headIdAt].text : head;
            cells.clear();
            cells.append(Cell::fromText(household.guid));
            cells.append(household.data.constBegin(), household.data.constBegin() + columns.keys.size());
            cells.append(Cell::fromInteger(household.memberCount));
            cells.append(chosen.isEmpty() ? Cell::empty() : Cell::fromText(chosen));
            cells.append(Cell::fromTimestamp(household.lastUpdated));
            cells.append(Cell::fromInteger(household.version));
            ++m_rows;
            return sink.row(cells);
        };
        auto ok = presentState() ? presentHouseholds(reader, household, row)
                                 : walk(m_request.atInstantNs, false, [&](const Entity &entity) -> Status {
                                       if (!entity.isGroup())
                                           return {};
                                       reader.fill(entity, household);
                                       auto head = headOf(entity);
                                       return head ? row(*head) : std::unexpected(head.error());
                                   });
        if (!ok)
            return ok;
        if (auto ended = sink.end(); !ended)
            return ended;
        return report();
    }

    Status individuals(TableSink &sink)
    {
        const DataColumns columns =
            DataColumns::make(m_request.individualColumns, m_individualKeys,
                              kIndividualLeading + kIndividualTrailing, {kRelationship});
        if (auto ok = sink.begin(kIndividualLeading + columns.headers + kIndividualTrailing); !ok)
            return ok;
        QStringList keys = columns.keys;
        keys.append(kRelationship); // last
        const EntityRowReader reader(keys);
        EntityRowReader::Row person;
        QList<Cell> cells;
        auto row = [&](const QString &householdGuid) -> Status {
            cells.clear();
            cells.append(Cell::fromText(householdGuid));
            cells.append(Cell::fromText(person.guid));
            cells.append(person.data.constLast());
            cells.append(person.data.constBegin(), person.data.constEnd() - 1);
            cells.append(Cell::fromTimestamp(person.lastUpdated));
            cells.append(Cell::fromInteger(person.version));
            ++m_rows;
            return sink.row(cells);
        };
        auto ok = presentState() ? presentMembers(reader, person, row)
                                 : walk(m_request.atInstantNs, false, [&](const Entity &household) -> Status {
                                       if (!household.isGroup())
                                           return {};
                                       for (const QString &memberGuid : household.memberIds) {
                                           auto member = stateOf(memberGuid);
                                           if (!member)
                                               return std::unexpected(member.error());
                                           if (!*member || (*member)->isGroup() || (*member)->deleted)
                                               continue; // a nested group is a household of its own
                                           reader.fill(**member, person);
                                           if (auto written = row(household.guid); !written)
                                               return written;
                                       }
                                       return {};
                                   });
        if (!ok)
            return ok;
        if (auto ended = sink.end(); !ended)
            return ended;
        return report();
    }

    Status audit(TableSink &sink)
    {
        if (auto ok = sink.begin(kAuditColumns); !ok)
            return ok;
        auto ok = forEachAuditRow([&](const AuditRow &row) { return sink.row(row.cells()); });
        if (!ok)
            return ok;
        if (auto ended = sink.end(); !ended)
            return ended;
        return report();
    }

    Status auditLines(QIODevice &device)
    {
        auto ok = forEachAuditRow([&](const AuditRow &row) -> Status {
            auto line = canonicalJson(row.toJson());
            if (!line)
                return std::unexpected(line.error());
            return writeLine(device, *line);
        });
        if (!ok)
            return ok;
        return report();
    }

    Status eventLines(QIODevice &device)
    {
        const EventStore &log = m_ledger.log();
        const qint64 size = qint64(log.size());
        m_total = quint64(size);
        std::optional<Error> stop;
        auto ok = log.forEach(0, size, kEventBatch, [&](const StoredEvent &event) {
            if (!m_request.atInstantNs || event.instantNs <= *m_request.atInstantNs) {
                if (auto written = writeLine(device, EventStore::jsonWithSyncLevel(event)); !written) {
                    stop = written.error();
                    return false;
                }
                ++m_rows;
            }
            if (!tick()) {
                stop = cancelled();
                return false;
            }
            return true;
        });
        if (stop)
            return std::unexpected(*stop);
        if (!ok)
            return ok;
        return report();
    }

    Status entityLines(QIODevice &device)
    {
        auto ok = walk(m_request.atInstantNs, m_request.includeDeleted, [&](const Entity &entity) -> Status {
            ++m_rows;
            return writeLine(device, entity.canonicalJson());
        });
        if (!ok)
            return ok;
        return report();
    }

    // Counts the registrations (create-group events with timestamp <= T) per UTC day and per
    // user, and the events up to T, reading only the log's index columns.
    Status registrations()
    {
        const EventStore &log = m_ledger.log();
        std::optional<Error> stop;
        auto ok = log.forEach(0, qint64(log.size()), kEventBatch, [&](const StoredEvent &event) {
            if (!m_request.atInstantNs || event.instantNs <= *m_request.atInstantNs) {
                ++m_events;
                if (event.type == u"create-group") {
                    ++m_perDay[utcDay(event.instantNs)];
                    ++m_perUser[event.userId];
                }
            }
            if (!tick()) {
                stop = cancelled();
                return false;
            }
            return true;
        });
        if (stop)
            return std::unexpected(*stop);
        if (!ok)
            return ok;
        return report();
    }

    [[nodiscard]] QJsonObject summaryJson() const
    {
        QJsonObject summary{{u"households"_s, qint64(m_households)},
                            {u"individuals"_s, qint64(m_individuals)},
                            {u"events"_s, qint64(m_events)},
                            {u"registrationsPerDay"_s, countsJson(m_perDay)},
                            {u"registrationsPerEnumerator"_s, countsJson(m_perUser)},
                            {u"householdsPerVillage"_s, countsJson(m_perVillage)},
                            {u"householdSizeDistribution"_s, countsJson(m_sizes)}};
        if (m_request.atInstantNs)
            summary.insert(u"asOf"_s, instantText(*m_request.atInstantNs));
        return summary;
    }

    Status summaryRows(TableSink &sink)
    {
        if (auto ok = sink.begin(kSummaryColumns); !ok)
            return ok;
        auto put = [&](const QString &section, const Cell &key, qint64 count) {
            ++m_rows;
            return sink.row({Cell::fromText(section), key, Cell::fromInteger(count)});
        };
        auto putAll = [&](const QString &section, const QMap<QString, qint64> &counts,
                          bool numericKeys) -> Status {
            std::vector<std::pair<QString, qint64>> rows;
            for (auto it = counts.cbegin(); it != counts.cend(); ++it)
                rows.emplace_back(it.key(), it.value());
            if (numericKeys) {
                std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
                    return a.first.toLongLong() < b.first.toLongLong();
                });
            }
            for (const auto &[key, count] : rows) {
                const Cell keyCell =
                    numericKeys ? Cell::fromInteger(key.toLongLong()) : Cell::fromJson(QJsonValue(key));
                if (auto ok = put(section, keyCell, count); !ok)
                    return ok;
            }
            return {};
        };
        const QString total = u"total"_s;
        for (const auto &[key, count] :
             {std::pair{u"households"_s, m_households}, std::pair{u"individuals"_s, m_individuals},
              std::pair{u"events"_s, m_events}}) {
            if (auto ok = put(total, Cell::fromText(key), qint64(count)); !ok)
                return ok;
        }
        if (auto ok = putAll(u"registrationsPerDay"_s, m_perDay, false); !ok)
            return ok;
        if (auto ok = putAll(u"registrationsPerEnumerator"_s, m_perUser, false); !ok)
            return ok;
        if (auto ok = putAll(u"householdsPerVillage"_s, m_perVillage, false); !ok)
            return ok;
        if (auto ok = putAll(u"householdSizeDistribution"_s, m_sizes, true); !ok)
            return ok;
        return sink.end();
    }

    Status summaryLine(QIODevice &device)
    {
        auto line = canonicalJson(summaryJson());
        if (!line)
            return std::unexpected(line.error());
        ++m_rows;
        return writeLine(device, *line);
    }

private:
    // The registry as it is now (no --at): read straight from the projections.
    [[nodiscard]] bool presentState() const { return !m_request.atInstantNs; }

    Status readDataKeys()
    {
        QSqlQuery query(m_ledger.registry().database());
        query.setForwardOnly(true);
        if (!query.exec(u"SELECT entity_type, key FROM data_keys"_s))
            return std::unexpected(sqlError(u"cannot read the data keys"_s, query.lastError()));
        while (query.next()) {
            const bool group = query.value(0).toString() == entityTypeName(EntityType::Group);
            (group ? m_householdKeys : m_individualKeys).insert(query.value(1).toString());
        }
        return {};
    }

    // The progress bar's total for the present state, from the memberships alone (an index):
    // households that list somebody, member rows. Estimates; shownTotal() never reports less
    // than is done.
    Status estimateTotal(const Plan &plan)
    {
        QSqlQuery query(m_ledger.registry().database());
        const auto count = [&](const QString &sql) -> Result<quint64> {
            if (!query.exec(sql) || !query.next())
                return std::unexpected(sqlError(u"cannot count the households"_s, query.lastError()));
            return quint64(query.value(0).toLongLong());
        };
        quint64 total = m_done;
        if (plan.households) {
            auto households = count(u"SELECT count(DISTINCT group_guid) FROM memberships"_s);
            if (!households)
                return std::unexpected(households.error());
            total += *households;
        }
        if (plan.individuals) {
            auto members = count(u"SELECT count(*) FROM memberships"_s);
            if (!members)
                return std::unexpected(members.error());
            total += *members;
        }
        m_total = total;
        return report();
    }

    // Prepares and runs `sql` (visibility condition already in it) for the present state's rows.
    Result<QSqlQuery> runVisible(const QString &sql)
    {
        const QString condition = AccessControl::visibilityCondition(m_ledger.user());
        QSqlQuery query(m_ledger.registry().database());
        query.setForwardOnly(true);
        if (!query.prepare(QString(sql).replace(u"$VISIBLE"_s, condition)))
            return std::unexpected(sqlError(u"cannot read the entities"_s, query.lastError()));
        if (condition != u"1")
            query.bindValue(u":viewer"_s, m_ledger.user().id);
        if (!query.exec())
            return std::unexpected(sqlError(u"cannot read the entities"_s, query.lastError()));
        return query;
    }

    // Every live household the user may see, in guid order, read into `household` for `row`
    // with its head by relationship: household_rows.head_guid when those rows are current,
    // else headOf() (through the members). A body the reader cannot read is decoded in full.
    Status presentHouseholds(const EntityRowReader &reader, EntityRowReader::Row &household,
                             const std::function<Status(const QString &)> &row)
    {
        auto current = HouseholdIndex(m_ledger.registry().database()).isCurrent();
        if (!current)
            return std::unexpected(current.error());
        auto query = runVisible(
            u"SELECT e.body, h.head_guid FROM entities e LEFT JOIN household_rows h ON h.guid = e.guid"
            " WHERE e.type = 'group' AND e.deleted = 0 AND $VISIBLE ORDER BY e.guid"_s);
        if (!query)
            return std::unexpected(query.error());
        while (query->next()) {
            const QByteArray body = query->value(0).toByteArray();
            Result<QString> head = query->value(1).toString();
            if (!*current || !reader.read(body, household)) {
                auto entity = Entity::fromJson(QJsonDocument::fromJson(body).object());
                if (!entity)
                    return fail(ErrorCode::Corrupt,
                                u"a household is damaged: %1"_s.arg(entity.error().message));
                reader.fill(*entity, household);
                if (!*current)
                    head = headOf(*entity);
            }
            if (!head)
                return std::unexpected(head.error());
            if (auto ok = row(*head); !ok)
                return ok;
            if (!tick())
                return std::unexpected(cancelled());
        }
        return readError(*query);
    }

    // Every live individual some live group lists, with that group, in the individuals' guid
    // order: one pass over the entities beside their memberships (reading each household's
    // members in turn would seek through the whole table once per member). Bodies are read
    // straight into `person` (EntityRowReader); one it cannot read is decoded in full instead.
    Status presentMembers(const EntityRowReader &reader, EntityRowReader::Row &person,
                          const std::function<Status(const QString &)> &row)
    {
        auto query = runVisible(
            u"SELECT m.group_guid, e.body FROM entities e JOIN memberships m ON m.member_guid = e.guid"
            " WHERE e.type = 'individual' AND e.deleted = 0 AND $VISIBLE ORDER BY e.guid, m.group_guid"_s);
        if (!query)
            return std::unexpected(query.error());
        while (query->next()) {
            const QByteArray body = query->value(1).toByteArray();
            if (!reader.read(body, person)) {
                auto entity = Entity::fromJson(QJsonDocument::fromJson(body).object());
                if (!entity)
                    return fail(ErrorCode::Corrupt, u"a member is damaged: %1"_s.arg(entity.error().message));
                reader.fill(*entity, person);
            }
            if (auto ok = row(query->value(0).toString()); !ok)
                return ok;
            if (!tick())
                return std::unexpected(cancelled());
        }
        return readError(*query);
    }

    // A read that stopped on an error (I/O, a damaged page) rather than at the last row.
    static Status readError(const QSqlQuery &query)
    {
        if (query.lastError().isValid())
            return std::unexpected(sqlError(u"cannot read the entities"_s, query.lastError()));
        return {};
    }

    // Calls `body` for every entity, stopping at its first error or when progress says cancel.
    Status walk(std::optional<qint64> at, bool includeDeleted,
                const std::function<Status(const Entity &)> &body)
    {
        std::optional<Error> stop;
        auto ok = m_ledger.forEachEntity(at, includeDeleted, [&](const Entity &entity) {
            if (auto done = body(entity); !done) {
                stop = done.error();
                return false;
            }
            if (!tick()) {
                stop = cancelled();
                return false;
            }
            return true;
        });
        if (stop)
            return std::unexpected(*stop);
        return ok;
    }

    Status forEachAuditRow(const std::function<Status(const AuditRow &)> &deliver)
    {
        const std::optional<qint64> at = m_request.atInstantNs;
        return walk(at, true, [&](const Entity &entity) -> Status {
            auto trail = m_ledger.history(entity.guid);
            if (!trail)
                return std::unexpected(trail.error());
            for (const QJsonValue &value : std::as_const(*trail)) {
                const QJsonObject entry = value.toObject();
                AuditRow row;
                row.timestamp = entry.value(u"timestamp"_s).toString();
                if (at) {
                    auto instant = Timestamp::parseInstantNs(row.timestamp);
                    if (!instant)
                        return std::unexpected(instant.error());
                    if (*instant > *at)
                        continue;
                }
                row.userId = entry.value(u"userId"_s).toString();
                row.entityGuid = entity.guid;
                row.eventType = entry.value(u"type"_s).toString();
                row.reason = entry.value(u"reason"_s).toString();
                row.eventGuid = entry.value(u"eventGuid"_s).toString();
                row.seq = entry.value(u"seq"_s).toInteger();
                row.late = entry.value(u"late"_s).toBool();
                const QJsonObject changes = entry.value(u"changes"_s).toObject();
                if (changes.isEmpty()) {
                    ++m_rows;
                    if (auto ok = deliver(row); !ok)
                        return ok;
                    continue;
                }
                for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
                    const QJsonObject change = it.value().toObject();
                    row.field = it.key();
                    row.oldValue.reset();
                    row.newValue.reset();
                    if (it.key() == u"memberIds") {
                        // Membership: who left shows as the old value, who joined as the new one.
                        if (change.contains(u"removed"_s))
                            row.oldValue = change.value(u"removed"_s);
                        if (change.contains(u"added"_s))
                            row.newValue = change.value(u"added"_s);
                    } else {
                        if (change.contains(u"old"_s))
                            row.oldValue = change.value(u"old"_s);
                        if (change.contains(u"new"_s))
                            row.newValue = change.value(u"new"_s);
                    }
                    ++m_rows;
                    if (auto ok = deliver(row); !ok)
                        return ok;
                }
            }
            return {};
        });
    }

    Result<std::optional<Entity>> stateOf(const QString &guid)
    {
        if (m_request.atInstantNs)
            return m_ledger.entityAt(guid, *m_request.atInstantNs);
        return m_ledger.entity(guid);
    }

    // data.headId when it is a string, else the first live member whose relationship is "head"
    // (as the household list's rows say: HouseholdIndex).
    Result<QString> headOf(const Entity &household)
    {
        const QJsonValue headId = household.data.value(u"headId"_s);
        if (headId.isString())
            return headId.toString();
        for (const QString &memberGuid : household.memberIds) {
            auto member = stateOf(memberGuid);
            if (!member)
                return std::unexpected(member.error());
            if (*member && !(*member)->deleted && isHeadRelationship((*member)->data.value(kRelationship)))
                return memberGuid;
        }
        return QString();
    }

    // The total as reported: 0 while unknown, never below what is done.
    [[nodiscard]] quint64 shownTotal() const { return m_total == 0 ? 0 : std::max(m_total, m_done); }

    bool tick()
    {
        ++m_done;
        if (!m_request.progress || m_done % kProgressEvery != 0)
            return true;
        return m_request.progress(m_done, shownTotal());
    }

    // At the end of a stage.
    Status report()
    {
        if (m_request.progress && !m_request.progress(m_done, shownTotal()))
            return std::unexpected(cancelled());
        return {};
    }

    Ledger &m_ledger;
    const ExportRequest &m_request;
    quint64 m_done = 0;
    quint64 m_total = 0;
    quint64 m_rows = 0;

    QSet<QString> m_householdKeys;
    QSet<QString> m_individualKeys;
    quint64 m_existing = 0; // entities existing at T, tombstones included
    quint64 m_live = 0;
    quint64 m_households = 0;
    quint64 m_individuals = 0;
    quint64 m_events = 0;
    QMap<QString, qint64> m_perVillage;
    QMap<QString, qint64> m_sizes;
    QMap<QString, qint64> m_perDay;
    QMap<QString, qint64> m_perUser;
};

ExportJob::Plan planFor(ExportWhat what)
{
    ExportJob::Plan plan;
    plan.households = what == ExportWhat::Households || what == ExportWhat::Workbook;
    plan.individuals = what == ExportWhat::Individuals || what == ExportWhat::Workbook;
    plan.audit = what == ExportWhat::Audit || what == ExportWhat::Workbook;
    plan.registrations = what == ExportWhat::Summary || what == ExportWhat::Workbook;
    return plan;
}

// CSV and JSON Lines, straight to a device.
Status writeStream(ExportJob &job, const ExportRequest &request, QIODevice &device)
{
    if (request.format == ExportFormat::Jsonl) {
        switch (request.what) {
        case ExportWhat::Events:
            return job.eventLines(device);
        case ExportWhat::Entities:
            return job.entityLines(device);
        case ExportWhat::Audit:
            if (auto ok = job.firstPass(planFor(request.what)); !ok)
                return ok;
            return job.auditLines(device);
        case ExportWhat::Summary:
            if (auto ok = job.firstPass(planFor(request.what)); !ok)
                return ok;
            if (auto ok = job.registrations(); !ok)
                return ok;
            return job.summaryLine(device);
        default:
            return checkExportCombination(request.what, request.format);
        }
    }
    CsvWriter writer(device, CsvDialect::forLocale(request.locale, request.excelFriendly));
    CsvTableSink sink(writer);
    if (auto ok = job.firstPass(planFor(request.what)); !ok)
        return ok;
    switch (request.what) {
    case ExportWhat::Households:
        return job.households(sink);
    case ExportWhat::Individuals:
        return job.individuals(sink);
    case ExportWhat::Audit:
        return job.audit(sink);
    case ExportWhat::Summary:
        if (auto ok = job.registrations(); !ok)
            return ok;
        return job.summaryRows(sink);
    default:
        return checkExportCombination(request.what, request.format);
    }
}

Status writeWorkbook(ExportJob &job, const ExportRequest &request, XlsxWorkbook &book)
{
    const ExportJob::Plan plan = planFor(request.what);
    if (auto ok = job.firstPass(plan); !ok)
        return ok;
    // One sheet per part of the plan, each written by the job's own function.
    auto sheet = [&](bool wanted, auto name, auto write) -> Status {
        if (!wanted)
            return {};
        auto added = book.addSheet(name);
        if (!added)
            return std::unexpected(added.error());
        return write(**added);
    };
    if (auto ok = sheet(plan.households, kHouseholdsSheet, [&](auto &s) { return job.households(s); }); !ok)
        return ok;
    if (auto ok = sheet(plan.individuals, kIndividualsSheet, [&](auto &s) { return job.individuals(s); });
        !ok)
        return ok;
    if (auto ok = sheet(plan.audit, kAuditSheet, [&](auto &s) { return job.audit(s); }); !ok)
        return ok;
    if (plan.registrations) {
        if (auto ok = job.registrations(); !ok)
            return ok;
        if (auto ok = sheet(true, kSummarySheet, [&](auto &s) { return job.summaryRows(s); }); !ok)
            return ok;
    }
    return {};
}

} // namespace

QString exportWhatName(ExportWhat what)
{
    switch (what) {
    case ExportWhat::Households:
        return u"households"_s;
    case ExportWhat::Individuals:
        return u"individuals"_s;
    case ExportWhat::Events:
        return u"events"_s;
    case ExportWhat::Entities:
        return u"entities"_s;
    case ExportWhat::Audit:
        return u"audit"_s;
    case ExportWhat::Summary:
        return u"summary"_s;
    case ExportWhat::Workbook:
        return u"all"_s;
    case ExportWhat::Household:
        return u"household"_s;
    }
    return {};
}

Result<ExportWhat> exportWhatFromName(QStringView name)
{
    for (const ExportWhat what :
         {ExportWhat::Households, ExportWhat::Individuals, ExportWhat::Events, ExportWhat::Entities,
          ExportWhat::Audit, ExportWhat::Summary, ExportWhat::Workbook, ExportWhat::Household}) {
        if (name == exportWhatName(what))
            return what;
    }
    return fail(
        ErrorCode::InvalidArgument,
        u"unknown export '%1': expected households, individuals, events, entities, audit, summary, all "
        "or household"_s.arg(name));
}

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return u"csv"_s;
    case ExportFormat::Xlsx:
        return u"xlsx"_s;
    case ExportFormat::Jsonl:
        return u"jsonl"_s;
    case ExportFormat::Pdf:
        return u"pdf"_s;
    }
    return {};
}

Result<ExportFormat> exportFormatFromName(QStringView name)
{
    for (const ExportFormat format :
         {ExportFormat::Csv, ExportFormat::Xlsx, ExportFormat::Jsonl, ExportFormat::Pdf}) {
        if (name == exportFormatName(format))
            return format;
    }
    return fail(ErrorCode::InvalidArgument,
                u"unknown format '%1': expected csv, xlsx, jsonl or pdf"_s.arg(name));
}

Status checkExportCombination(ExportWhat what, ExportFormat format)
{
    bool ok = false;
    switch (what) {
    case ExportWhat::Households:
    case ExportWhat::Individuals:
        ok = format == ExportFormat::Csv || format == ExportFormat::Xlsx;
        break;
    case ExportWhat::Audit:
        ok = format != ExportFormat::Pdf;
        break;
    case ExportWhat::Summary:
        ok = true;
        break;
    case ExportWhat::Events:
    case ExportWhat::Entities:
        ok = format == ExportFormat::Jsonl;
        break;
    case ExportWhat::Workbook:
        ok = format == ExportFormat::Xlsx;
        break;
    case ExportWhat::Household:
        ok = format == ExportFormat::Pdf;
        break;
    }
    if (ok)
        return {};
    QString hint;
    switch (what) {
    case ExportWhat::Households:
    case ExportWhat::Individuals:
        hint = format == ExportFormat::Pdf
                   ? u"use csv or xlsx (a printed profile of one household: --what household)"_s
                   : u"use csv or xlsx (JSON Lines of the entities: --what entities)"_s;
        break;
    case ExportWhat::Events:
    case ExportWhat::Entities:
        hint = u"use jsonl"_s;
        break;
    case ExportWhat::Audit:
        hint = u"use csv, xlsx or jsonl"_s;
        break;
    case ExportWhat::Household:
        hint = u"use pdf"_s;
        break;
    default:
        hint = u"use xlsx"_s;
        break;
    }
    return fail(ErrorCode::InvalidArgument, u"%1 cannot be exported as %2: %3"_s.arg(
                                                exportWhatName(what), exportFormatName(format), hint));
}

Exporter::Exporter(Ledger &ledger, const Clock &clock, ExportRecorder &recorder)
    : m_ledger(ledger)
    , m_clock(clock)
    , m_recorder(recorder)
{
}

Status Exporter::checkAllowed(const ExportRequest &request) const
{
    if (auto ok = checkExportCombination(request.what, request.format); !ok)
        return ok;
    if (request.format == ExportFormat::Pdf && m_renderer == nullptr)
        return fail(ErrorCode::Unsupported, u"pdf export is not available in this build"_s);
    if (request.what == ExportWhat::Household && request.entityGuid.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a household profile needs the household's guid"_s);
    if (auto ok = m_ledger.access().check(m_ledger.user(), Action::Export); !ok)
        return ok;
    return m_recorder.ready();
}

Status Exporter::writeReport(const ExportRequest &request, QIODevice &device, ExportReport &report)
{
    const ReportContext context{m_ledger.registry().name(), formatUtcMillis(m_clock.now()),
                                m_ledger.user().id, request.paper};
    Result<int> pages = 0;
    if (request.what == ExportWhat::Household) {
        auto profile =
            householdProfile(m_ledger, request.entityGuid, request.atInstantNs, request.householdColumns);
        if (!profile)
            return std::unexpected(profile.error());
        if (request.progress && !request.progress(1, 2))
            return std::unexpected(cancelled());
        pages = m_renderer->householdProfile(*profile, context, device);
        report.rows = 1;
    } else {
        auto summary = summarize(m_ledger, request.atInstantNs, request.summaryFilter, request.progress);
        if (!summary)
            return std::unexpected(summary.error());
        pages = m_renderer->summary(*summary, context, device);
        report.rows = quint64(summary->households);
    }
    if (!pages)
        return std::unexpected(pages.error());
    if (request.progress && !request.progress(2, 2))
        return std::unexpected(cancelled());
    return {};
}

Status Exporter::record(const ExportRequest &request, const QString &name, ExportReport &report)
{
    QJsonObject record{{u"userId"_s, m_ledger.user().id},
                       {u"what"_s, exportWhatName(request.what)},
                       {u"format"_s, exportFormatName(request.format)},
                       {u"exportedAt"_s, formatUtcMillis(m_clock.now())},
                       {u"rows"_s, qint64(report.rows)},
                       {u"file"_s, name}};
    if (request.atInstantNs)
        record.insert(u"asOf"_s, instantText(*request.atInstantNs));
    if (request.what == ExportWhat::Household)
        record.insert(u"household"_s, request.entityGuid); // which household left the registry
    if (auto ok = m_recorder.record(record); !ok)
        return ok;
    report.record = record;
    return {};
}

Result<ExportReport> Exporter::exportToFile(const ExportRequest &request, const QString &path)
{
    if (auto ok = checkAllowed(request); !ok)
        return std::unexpected(ok.error());
    auto file = ExportFile::create(path);
    if (!file)
        return std::unexpected(file.error());
    ExportJob job(m_ledger, request);
    ExportReport report;
    if (request.format == ExportFormat::Pdf) {
        if (auto ok = writeReport(request, (*file)->device(), report); !ok)
            return std::unexpected(ok.error());
    } else if (request.format == ExportFormat::Xlsx) {
        (*file)->releaseDevice();
        auto book =
            XlsxWorkbook::create((*file)->temporaryPath(), QFileInfo((*file)->destination()).absolutePath());
        if (!book)
            return std::unexpected(book.error());
        if (auto ok = writeWorkbook(job, request, **book); !ok)
            return std::unexpected(ok.error());
        if (auto ok = (*book)->close(); !ok)
            return std::unexpected(ok.error());
        report.truncatedCells = (*book)->truncatedCells();
    } else if (auto ok = writeStream(job, request, (*file)->device()); !ok) {
        return std::unexpected(ok.error());
    }
    if (request.format != ExportFormat::Pdf)
        report.rows = job.rows();
    if (auto ok = record(request, QFileInfo(path).fileName(), report); !ok)
        return std::unexpected(ok.error());
    if (auto ok = (*file)->commit(); !ok) {
        m_recorder.withdraw();
        return std::unexpected(ok.error());
    }
    return report;
}

Result<ExportReport> Exporter::exportToDevice(const ExportRequest &request, QIODevice &device,
                                              const QString &name)
{
    if (request.format == ExportFormat::Xlsx)
        return fail(ErrorCode::InvalidArgument, u"an XLSX export needs a file (--out PATH)"_s);
    if (request.format == ExportFormat::Pdf)
        return fail(ErrorCode::InvalidArgument, u"a PDF export needs a file (--out PATH)"_s);
    if (auto ok = checkAllowed(request); !ok)
        return std::unexpected(ok.error());
    ExportJob job(m_ledger, request);
    if (auto ok = writeStream(job, request, device); !ok)
        return std::unexpected(ok.error());
    ExportReport report;
    report.rows = job.rows();
    if (auto ok = record(request, name, report); !ok)
        return std::unexpected(ok.error());
    return report;
}

Result<QJsonObject> Exporter::summary(std::optional<qint64> atInstantNs, const Progress &progress)
{
    if (auto ok = m_ledger.access().check(m_ledger.user(), Action::Export); !ok)
        return std::unexpected(ok.error());
    ExportRequest request;
    request.what = ExportWhat::Summary;
    request.atInstantNs = atInstantNs;
    request.progress = progress;
    ExportJob job(m_ledger, request);
    if (auto ok = job.firstPass(planFor(ExportWhat::Summary)); !ok)
        return std::unexpected(ok.error());
    if (auto ok = job.registrations(); !ok)
        return std::unexpected(ok.error());
    return job.summaryJson();
}

} // namespace fieldledger::core
