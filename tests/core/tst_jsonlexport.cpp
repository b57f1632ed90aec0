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
#include "exportfixture.h"

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

using namespace fieldledger::testing::exports;

namespace {
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
