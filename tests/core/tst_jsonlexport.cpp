// JSON Lines exports (core/exchange): events exactly as stored in log order, re-imported into a
// new registry (by the ledger and by `fieldledger-cli import`) give the same entities and the
// same log root; entities as canonical JSON sorted by guid; as-of; standard output; the summary.
#include "core/cli/cli.h"
#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/events/event.h"
#include "core/events/timestamp.h"
#include "core/exchange/exporter.h"
#include "core/exchange/exportrecorder.h"
#include "core/integrity/hash.h"
#include "core/storage/registry.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimeZone>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

SecretBytes secret(const char *text)
{
    return SecretBytes(text, std::strlen(text));
}

// A registry with an open ledger in a temporary folder, acting as its administrator.
class Fixture {
public:
    Fixture()
        : m_clock(QDateTime(QDate(2026, 11, 30), QTime(12, 0), QTimeZone::utc()))
        , m_ids(u"id-"_s)
    {
        qputenv("FIELDLEDGER_TEST_FAST_KDF", "1");
        m_path = m_dir.filePath(u"registry.fieldledger"_s);
        Registry::CreateOptions options;
        options.name = u"Export test"_s;
        options.adminId = u"admin"_s;
        auto created = Registry::create(m_path, options, secret("admin passphrase"), m_clock);
        if (!created)
            qFatal("cannot create a registry: %s", qPrintable(created.error().message));
        m_registry = std::move(created->registry);
        fastDisk();
        openLedger();
    }

    // Tests need no durability: skip the fsync of every transaction.
    void fastDisk()
    {
        QSqlQuery query(m_registry->database());
        query.exec(u"PRAGMA synchronous = OFF"_s);
    }

    void openLedger()
    {
        auto ledger = Ledger::open(*m_registry, Ledger::Options{&m_clock, &m_ids});
        if (!ledger)
            qFatal("cannot open the ledger: %s", qPrintable(ledger.error().message));
        m_ledger = std::move(*ledger);
    }
    void close()
    {
        m_ledger.reset();
        m_registry.reset();
    }
    void reopenAs(const QString &user, const char *passphrase)
    {
        close();
        auto registry = Registry::open(m_path, user, secret(passphrase));
        if (!registry)
            qFatal("cannot reopen: %s", qPrintable(registry.error().message));
        m_registry = std::move(*registry);
        fastDisk();
        openLedger();
    }

    Ledger &ledger() { return *m_ledger; }
    Registry &registry() { return *m_registry; }
    const Clock &clock() const { return m_clock; }
    const QString &path() const { return m_path; }
    QString folder() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock;
    SequentialIdGenerator m_ids;
    std::unique_ptr<Registry> m_registry;
    std::unique_ptr<Ledger> m_ledger;
};

Command command(const QString &type, const QString &entityGuid, const QJsonObject &data,
                const QString &timestamp, const QString &reason = {})
{
    Command c;
    c.type = type;
    c.entityGuid = entityGuid;
    c.data = data;
    c.timestamp = timestamp;
    if (!reason.isEmpty())
        c.context = QJsonObject{{u"reason"_s, reason}};
    return c;
}

// Households with values that break naive CSV: quotes, commas, line breaks, accents, Arabic,
// text that spreadsheets would run as formulas, numbers, dates, nested JSON, null.
std::vector<Command> sampleCommands()
{
    const QJsonArray members1{
        QJsonObject{
            {u"guid"_s, u"p-1"_s}, {u"name"_s, u"Zoë"_s}, {u"age"_s, 34}, {u"relationship"_s, u"head"_s}},
        QJsonObject{{u"guid"_s, u"p-2"_s},
                    {u"name"_s, u"=HYPERLINK(\"http://evil.example\",\"x\")"_s},
                    {u"age"_s, 36.5},
                    {u"relationship"_s, u"spouse"_s}}};
    const QJsonArray members2{
        QJsonObject{{u"guid"_s, u"p-3"_s},
                    {u"name"_s, u"Amélie ; Ørsted"_s},
                    {u"relationship"_s, u"head"_s},
                    {u"dob"_s, u"1990-05-01"_s}},
        QJsonObject{
            {u"guid"_s, u"p-4"_s}, {u"name"_s, u"Omar"_s}, {u"relationship"_s, u"child"_s}, {u"age"_s, 4}}};
    return {
        command(u"create-group"_s, u"hh-1"_s,
                {{u"name"_s, u"Smith, \"Jr\""_s},
                 {u"village"_s, u"Kalo"_s},
                 {u"notes"_s, u"line one\nline two\r\nline three"_s},
                 {u"income"_s, 1234.5},
                 {u"headId"_s, u"p-1"_s},
                 {u"members"_s, members1}},
                u"2026-11-01T08:00:00.000Z"_s),
        command(u"create-group"_s, u"hh-2"_s,
                {{u"name"_s, u"بيت العائلة"_s},
                 {u"village"_s, u"Kalo"_s},
                 {u"comment"_s, u"-2+3"_s},
                 {u"handle"_s, u"@SUM(A1)"_s},
                 {u"tabbed"_s, u"\tTab"_s},
                 {u"members"_s, members2}},
                u"2026-11-02T09:00:00.000Z"_s),
        command(u"create-group"_s, u"hh-3"_s,
                {{u"name"_s, u"  padded  "_s},
                 {u"village"_s, u"Mbale"_s},
                 {u"registered"_s, true},
                 {u"extra"_s, QJsonObject{{u"a"_s, 1}}},
                 {u"tags"_s, QJsonArray{1, u"two"_s}},
                 {u"nothing"_s, QJsonValue()},
                 {u"version"_s, u"v-field"_s}},
                u"2026-11-03T10:00:00.000Z"_s),
        command(u"update-group"_s, u"hh-1"_s, {{u"village"_s, u"Mbale Town"_s}, {u"income"_s, 2000}},
                u"2026-11-10T08:00:00.000Z"_s, u"data-correction"_s),
        command(u"update-individual"_s, u"p-4"_s, {{u"age"_s, 5}}, u"2026-11-11T08:00:00.000Z"_s),
        command(u"add-member"_s, u"hh-3"_s,
                {{u"members"_s,
                  QJsonArray{QJsonObject{
                      {u"guid"_s, u"p-5"_s}, {u"name"_s, u"+plus"_s}, {u"relationship"_s, u"head"_s}}}}},
                u"2026-11-12T08:00:00.000Z"_s),
        command(u"remove-member"_s, u"hh-2"_s, {{u"memberId"_s, u"p-4"_s}, {u"reason"_s, u"migrated"_s}},
                u"2026-11-13T08:00:00.000Z"_s),
    };
}

// After the sample: a late event (older than events already stored for hh-1) and a deletion.
std::vector<Command> laterCommands()
{
    return {
        command(u"update-group"_s, u"hh-1"_s, {{u"phone"_s, u"555-0101"_s}}, u"2026-11-06T00:00:00.000Z"_s),
        command(u"delete-entity"_s, u"p-2"_s, {}, u"2026-11-15T00:00:00.000Z"_s, u"duplicate"_s)};
}

QByteArrayList lines(const QByteArray &bytes)
{
    QByteArrayList out = bytes.split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArrayList canonicalEntities(Ledger &ledger, std::optional<qint64> at, bool includeDeleted)
{
    QByteArrayList out;
    auto ok = ledger.forEachEntity(at, includeDeleted, [&](const Entity &e) {
        out.append(e.canonicalJson());
        return true;
    });
    if (!ok)
        qFatal("cannot list: %s", qPrintable(ok.error().message));
    return out;
}

std::vector<Event> parseEvents(const QByteArray &bytes)
{
    std::vector<Event> events;
    for (const QByteArray &line : lines(bytes)) {
        auto event = Event::fromJson(line);
        if (!event)
            qFatal("exported line does not parse: %s", qPrintable(event.error().message));
        events.push_back(std::move(*event));
    }
    return events;
}

qint64 instant(const char *text)
{
    auto parsed = Timestamp::parseInstantNs(QString::fromLatin1(text));
    if (!parsed)
        qFatal("bad instant");
    return *parsed;
}

} // namespace

class TestJsonlExport final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Fixture> m_fixture;
    QTemporaryDir m_out;

    Fixture &f() { return *m_fixture; }

    QByteArray exportBytes(ExportWhat what, std::optional<qint64> at = std::nullopt,
                           bool includeDeleted = false, ExportReport *report = nullptr)
    {
        ExportRequest request;
        request.what = what;
        request.format = ExportFormat::Jsonl;
        request.atInstantNs = at;
        request.includeDeleted = includeDeleted;
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        const QString path = QDir(m_out.path()).filePath(exportWhatName(what) + u".jsonl"_s);
        auto result = exporter.exportToFile(request, path);
        if (!result) {
            qWarning("export failed: %s", qPrintable(result.error().message));
            return {};
        }
        if (report != nullptr)
            *report = *result;
        return readAll(path);
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<Fixture>();
        auto first = f().ledger().submitBatch(sampleCommands());
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        auto later = f().ledger().submitBatch(laterCommands());
        QVERIFY2(later, later ? "" : qPrintable(later.error().message));
    }
    void cleanupTestCase() { m_fixture.reset(); }

    void events_areExactlyAsStored_inLogOrder()
    {
        ExportReport report;
        const QByteArrayList exported = lines(exportBytes(ExportWhat::Events, std::nullopt, false, &report));
        auto stored = f().ledger().events(QString(), -1, 1000);
        QVERIFY(stored);
        QCOMPARE(exported.size(), qsizetype(stored->size()));
        QCOMPARE(report.rows, quint64(stored->size()));
        for (std::size_t i = 0; i < stored->size(); ++i)
            QCOMPARE(exported[qsizetype(i)], EventStore::jsonWithSyncLevel((*stored)[i]));
        // The late event stays where the log put it: last but one.
        QVERIFY(exported[exported.size() - 2].contains("555-0101"));
    }

    void events_reimported_giveSameEntitiesAndRoot()
    {
        const std::vector<Event> events = parseEvents(exportBytes(ExportWhat::Events));
        Fixture copy;
        auto imported = copy.ledger().importEvents(events);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
        QCOMPARE(imported->accepted, qint64(events.size()));
        QCOMPARE(canonicalEntities(copy.ledger(), std::nullopt, true),
                 canonicalEntities(f().ledger(), std::nullopt, true));
        QCOMPARE(copy.ledger().log().size(), f().ledger().log().size());
        QCOMPARE(toHex(copy.ledger().log().root()), toHex(f().ledger().log().root()));
    }

    void events_asOf_reimported_equalStateAtThatInstant()
    {
        const qint64 at = instant("2026-11-10T12:00:00Z");
        const std::vector<Event> events = parseEvents(exportBytes(ExportWhat::Events, at));
        QCOMPARE(events.size(), std::size_t(5)); // three registrations, the update of hh-1, the late event
        for (const Event &event : events)
            QVERIFY(event.instantNs <= at);
        Fixture copy;
        QVERIFY(copy.ledger().importEvents(events));
        QCOMPARE(canonicalEntities(copy.ledger(), std::nullopt, true),
                 canonicalEntities(f().ledger(), at, true));
    }

    void entities_canonicalSortedByGuid_data()
    {
        QTest::addColumn<bool>("includeDeleted");
        QTest::addColumn<bool>("asOf");
        QTest::newRow("live, now") << false << false;
        QTest::newRow("with tombstones, now") << true << false;
        QTest::newRow("live, as of") << false << true;
    }
    void entities_canonicalSortedByGuid()
    {
        QFETCH(bool, includeDeleted);
        QFETCH(bool, asOf);
        const std::optional<qint64> at =
            asOf ? std::optional<qint64>(instant("2026-11-05T00:00:00Z")) : std::nullopt;
        const QByteArrayList exported = lines(exportBytes(ExportWhat::Entities, at, includeDeleted));
        QCOMPARE(exported, canonicalEntities(f().ledger(), at, includeDeleted));
        QStringList guids;
        for (const QByteArray &line : exported)
            guids.append(QJsonDocument::fromJson(line).object().value(u"guid"_s).toString());
        QStringList sorted = guids;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(guids, sorted);
        QCOMPARE(guids.contains(u"p-2"_s), includeDeleted || asOf); // p-2 was deleted on 11-15
    }

    void device_export_equalsFileExport()
    {
        ExportRequest request;
        request.what = ExportWhat::Events;
        request.format = ExportFormat::Jsonl;
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        auto report = exporter.exportToDevice(request, buffer);
        QVERIFY(report);
        QCOMPARE(buffer.data(), exportBytes(ExportWhat::Events));
        QCOMPARE(recorder.records().first().value(u"file"_s).toString(), u"-"_s);
    }

    void summary_line_equalsSummaryObject()
    {
        const QByteArrayList exported = lines(exportBytes(ExportWhat::Summary));
        QCOMPARE(exported.size(), 1);
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        auto summary = exporter.summary(std::nullopt);
        QVERIFY(summary);
        QCOMPARE(QJsonDocument::fromJson(exported.first()).object(), *summary);
    }

    void cancel_stopsTheEventExport()
    {
        ExportRequest request;
        request.what = ExportWhat::Events;
        request.format = ExportFormat::Jsonl;
        request.progress = [](quint64, quint64) { return false; };
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        const QString path = QDir(m_out.path()).filePath(u"cancelled.jsonl"_s);
        auto report = exporter.exportToFile(request, path);
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Cancelled);
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_out.path()).entryList({u"*cancelled*"_s}, QDir::Files | QDir::Hidden), QStringList());
    }

    void cli_exportThenImport_intoANewRegistry()
    {
        const QString path = QDir(m_out.path()).filePath(u"cli-events.jsonl"_s);
        const QString copyPath = QDir(m_out.path()).filePath(u"copy.fieldledger"_s);
        const QByteArrayList expected = canonicalEntities(f().ledger(), std::nullopt, true);
        const QString rootHex = toHex(f().ledger().log().root());
        f().close();
        qputenv("FIELDLEDGER_PASSPHRASE", "admin passphrase");
        auto run = [](const QStringList &args, QString *out = nullptr) {
            QString outText;
            QString errText;
            QTextStream outStream(&outText);
            QTextStream errStream(&errText);
            const int code = runCli(args, outStream, errStream);
            outStream.flush();
            if (out != nullptr)
                *out = outText;
            if (code != 0)
                qWarning("%s", qPrintable(errText));
            return code;
        };
        QString printed;
        QCOMPARE(run({u"--db"_s, f().path(), u"--user"_s, u"admin"_s, u"export"_s, u"--what"_s, u"events"_s,
                      u"--out"_s, path},
                     &printed),
                 0);
        QCOMPARE(QJsonDocument::fromJson(printed.toUtf8()).object().value(u"format"_s).toString(),
                 u"jsonl"_s);
        QCOMPARE(run({u"--db"_s, copyPath, u"--user"_s, u"admin"_s, u"init"_s}), 0);
        QCOMPARE(run({u"--db"_s, copyPath, u"--user"_s, u"admin"_s, u"import"_s, path}, &printed), 0);
        QCOMPARE(QJsonDocument::fromJson(printed.toUtf8()).object().value(u"imported"_s).toInt(), 9);

        auto registry = Registry::open(copyPath, u"admin"_s, secret("admin passphrase"));
        QVERIFY(registry);
        ManualClock clock(QDateTime(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::utc()));
        SequentialIdGenerator ids(u"c-"_s);
        auto ledger = Ledger::open(**registry, Ledger::Options{&clock, &ids});
        QVERIFY(ledger);
        QCOMPARE(canonicalEntities(**ledger, std::nullopt, true), expected);
        QCOMPARE(toHex((*ledger)->log().root()), rootHex);
        ledger->reset();
        registry->reset();
        f().reopenAs(u"admin"_s, "admin passphrase");
    }
};

QTEST_GUILESS_MAIN(TestJsonlExport)
#include "tst_jsonlexport.moc"
