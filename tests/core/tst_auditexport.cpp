// Audit log exports (core/exchange): one row per field changed per entity per event, from the
// audit trails (EVENTS.md §4), as JSON Lines, CSV and XLSX; membership changes, reasons, late
// events, as-of filtering.
#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/events/timestamp.h"
#include "core/exchange/csvwriter.h"
#include "core/exchange/exporter.h"
#include "core/exchange/exportrecorder.h"
#include "core/storage/registry.h"
#include "exportfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

using namespace fieldledger::testing::exports;

namespace {
qint64 instant(const QString &text)
{
    auto parsed = Timestamp::parseInstantNs(text);
    if (!parsed)
        qFatal("bad instant %s", qPrintable(text));
    return *parsed;
}

// The rows the audit export must hold, built from the trails here: every entity (tombstones
// too) by guid, its trail in canonical order, each change one row ("memberIds": removed as the
// old value, added as the new one; an entry without changes one row with an empty field).
QList<QJsonObject> expectedRows(Ledger &ledger, std::optional<qint64> at)
{
    QStringList guids;
    auto listed = ledger.forEachEntity(std::nullopt, true, [&](const Entity &e) {
        guids.append(e.guid);
        return true;
    });
    if (!listed)
        qFatal("cannot list");
    QList<QJsonObject> rows;
    for (const QString &guid : std::as_const(guids)) {
        auto trail = ledger.history(guid);
        if (!trail)
            qFatal("no history");
        for (const QJsonValue &value : std::as_const(*trail)) {
            const QJsonObject entry = value.toObject();
            if (at && instant(entry.value(u"timestamp"_s).toString()) > *at)
                continue;
            QJsonObject base{{u"timestamp"_s, entry.value(u"timestamp"_s)},
                             {u"userId"_s, entry.value(u"userId"_s)},
                             {u"entityGuid"_s, guid},
                             {u"eventType"_s, entry.value(u"type"_s)},
                             {u"eventGuid"_s, entry.value(u"eventGuid"_s)},
                             {u"seq"_s, entry.value(u"seq"_s)}};
            if (entry.contains(u"reason"_s))
                base.insert(u"reason"_s, entry.value(u"reason"_s));
            if (entry.value(u"late"_s).toBool())
                base.insert(u"late"_s, true);
            const QJsonObject changes = entry.value(u"changes"_s).toObject();
            if (changes.isEmpty()) {
                QJsonObject row = base;
                row.insert(u"field"_s, QString());
                rows.append(row);
            }
            for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
                QJsonObject row = base;
                row.insert(u"field"_s, it.key());
                const QJsonObject change = it.value().toObject();
                const bool members = it.key() == u"memberIds";
                const QString oldKey = members ? u"removed"_s : u"old"_s;
                const QString newKey = members ? u"added"_s : u"new"_s;
                if (change.contains(oldKey))
                    row.insert(u"oldValue"_s, change.value(oldKey));
                if (change.contains(newKey))
                    row.insert(u"newValue"_s, change.value(newKey));
                rows.append(row);
            }
        }
    }
    return rows;
}

QList<QJsonObject> parseRows(const QByteArray &bytes)
{
    QList<QJsonObject> rows;
    for (const QByteArray &line : lines(bytes))
        rows.append(QJsonDocument::fromJson(line).object());
    return rows;
}

const QJsonObject *findRow(const QList<QJsonObject> &rows, const QString &entity, const QString &field,
                           const QString &type)
{
    for (const QJsonObject &row : rows) {
        if (row.value(u"entityGuid"_s).toString() == entity && row.value(u"field"_s).toString() == field &&
            row.value(u"eventType"_s).toString() == type)
            return &row;
    }
    return nullptr;
}

// Records of a CSV without line breaks inside fields (enough for the header and row count).
QList<QStringList> simpleCsv(const QByteArray &bytes)
{
    QList<QStringList> records;
    for (const QByteArray &line : bytes.split('\n'))
        if (!line.isEmpty())
            records.append(QString::fromUtf8(line).chopped(1).split(u','));
    return records;
}

} // namespace

class TestAuditExport final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Fixture> m_fixture;
    QTemporaryDir m_out;

    Fixture &f() { return *m_fixture; }

    QByteArray exportAudit(ExportFormat format, std::optional<qint64> at = std::nullopt,
                           ExportReport *report = nullptr)
    {
        ExportRequest request;
        request.what = ExportWhat::Audit;
        request.format = format;
        request.atInstantNs = at;
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        const QString path = QDir(m_out.path()).filePath(u"audit."_s + exportFormatName(format));
        auto result = exporter.exportToFile(request, path);
        if (!result) {
            qWarning("export failed: %s", qPrintable(result.error().message));
            return {};
        }
        if (report != nullptr)
            *report = *result;
        return format == ExportFormat::Xlsx ? path.toUtf8() : readAll(path);
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

    void jsonl_oneRowPerFieldChange_equalsTheTrails()
    {
        ExportReport report;
        const QList<QJsonObject> rows = parseRows(exportAudit(ExportFormat::Jsonl, std::nullopt, &report));
        const QList<QJsonObject> expected = expectedRows(f().ledger(), std::nullopt);
        QVERIFY(expected.size() > 20);
        QCOMPARE(rows.size(), expected.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            QCOMPARE(rows[i], expected[i]);
        QCOMPARE(report.rows, quint64(rows.size()));
    }

    void jsonl_knownRows()
    {
        const QList<QJsonObject> rows = parseRows(exportAudit(ExportFormat::Jsonl));
        const QJsonObject *village = findRow(rows, u"hh-1"_s, u"village"_s, u"update-group"_s);
        QVERIFY(village != nullptr);
        QCOMPARE(village->value(u"oldValue"_s).toString(), u"Kalo"_s);
        QCOMPARE(village->value(u"newValue"_s).toString(), u"Mbale Town"_s);
        QCOMPARE(village->value(u"reason"_s).toString(), u"data-correction"_s);
        QCOMPARE(village->value(u"userId"_s).toString(), u"admin"_s);
        QCOMPARE(village->value(u"timestamp"_s).toString(), u"2026-11-10T08:00:00.000Z"_s);
        QCOMPARE(village->value(u"seq"_s).toInt(), 3);
        QVERIFY(!village->contains(u"late"_s));

        // A field added by an event has no old value.
        const QJsonObject *phone = findRow(rows, u"hh-1"_s, u"phone"_s, u"update-group"_s);
        QVERIFY(phone != nullptr);
        QVERIFY(!phone->contains(u"oldValue"_s));
        QCOMPARE(phone->value(u"newValue"_s).toString(), u"555-0101"_s);
        QVERIFY(phone->value(u"late"_s).toBool()); // it arrived after the 11-10 update

        // Membership: who left is the old value, who joined the new one.
        const QJsonObject *removed = findRow(rows, u"hh-2"_s, u"memberIds"_s, u"remove-member"_s);
        QVERIFY(removed != nullptr);
        QCOMPARE(removed->value(u"oldValue"_s).toArray(), QJsonArray{u"p-4"_s});
        QVERIFY(!removed->contains(u"newValue"_s));
        const QJsonObject *added = findRow(rows, u"hh-3"_s, u"memberIds"_s, u"add-member"_s);
        QVERIFY(added != nullptr);
        QCOMPARE(added->value(u"newValue"_s).toArray(), QJsonArray{u"p-5"_s});

        // The deletion: the tombstone flips on the individual, and the household loses it.
        const QJsonObject *deleted = findRow(rows, u"p-2"_s, u"deleted"_s, u"delete-entity"_s);
        QVERIFY(deleted != nullptr);
        QCOMPARE(deleted->value(u"oldValue"_s), QJsonValue(false));
        QCOMPARE(deleted->value(u"newValue"_s), QJsonValue(true));
        QCOMPARE(deleted->value(u"reason"_s).toString(), u"duplicate"_s);
        QVERIFY(findRow(rows, u"hh-1"_s, u"memberIds"_s, u"delete-entity"_s) != nullptr);

        // Values keep their JSON types; null stays null.
        const QJsonObject *nothing = findRow(rows, u"hh-3"_s, u"nothing"_s, u"create-group"_s);
        QVERIFY(nothing != nullptr);
        QVERIFY(nothing->contains(u"newValue"_s));
        QVERIFY(nothing->value(u"newValue"_s).isNull());
    }

    void asOf_keepsOnlyChangesUpToThatInstant_data()
    {
        QTest::addColumn<QString>("at");
        QTest::newRow("before everything") << u"2026-10-01T00:00:00Z"_s;
        QTest::newRow("after the registrations") << u"2026-11-05T00:00:00Z"_s;
        QTest::newRow("exactly an event's instant") << u"2026-11-10T08:00:00Z"_s;
        QTest::newRow("after everything") << u"2027-01-01T00:00:00Z"_s;
    }
    void asOf_keepsOnlyChangesUpToThatInstant()
    {
        QFETCH(QString, at);
        const qint64 limit = instant(at);
        const QList<QJsonObject> rows = parseRows(exportAudit(ExportFormat::Jsonl, limit));
        QCOMPARE(rows, expectedRows(f().ledger(), limit));
        for (const QJsonObject &row : rows)
            QVERIFY(instant(row.value(u"timestamp"_s).toString()) <= limit);
    }

    void csv_sameRows_neutralised()
    {
        const QByteArray bytes = exportAudit(ExportFormat::Csv);
        const QList<QStringList> records = simpleCsv(bytes);
        QCOMPARE(records.first(), (QStringList{u"timestamp"_s, u"userId"_s, u"entityGuid"_s, u"eventType"_s,
                                               u"field"_s, u"oldValue"_s, u"newValue"_s, u"reason"_s,
                                               u"eventGuid"_s, u"seq"_s, u"late"_s}));
        // Record ends: the header, one per row, and one more inside the quoted notes of hh-1.
        QCOMPARE(qsizetype(bytes.count("\r\n")), 1 + expectedRows(f().ledger(), std::nullopt).size() + 1);
        // The name that is a formula is shown as text; the raw formula never starts a field.
        QVERIFY(bytes.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","));
        QVERIFY(!bytes.contains(",=HYPERLINK"));
        QVERIFY(bytes.contains(
            "2026-11-10T08:00:00.000Z,admin,hh-1,update-group,village,Kalo,Mbale Town,data-correction,"));
    }

    void xlsx_auditSheet_hasEveryRow_typed()
    {
        ExportReport report;
        const QString path = QString::fromUtf8(exportAudit(ExportFormat::Xlsx, std::nullopt, &report));
        QCOMPARE(qsizetype(report.rows), expectedRows(f().ledger(), std::nullopt).size());
        QProcess unzip;
        unzip.start(u"unzip"_s, {u"-p"_s, path, u"xl/worksheets/sheet1.xml"_s});
        QVERIFY(unzip.waitForFinished(20000));
        const QByteArray xml = unzip.readAllStandardOutput();
        QVERIFY(xml.contains("state=\"frozen\""));
        const QByteArray filter = "<autoFilter ref=\"A1:K" + QByteArray::number(report.rows + 1) + "\"/>";
        QVERIFY(xml.contains(filter));
        QVERIFY(!xml.contains("<f>"));
        // Row 2: timestamp a date (styled number), seq a number.
        const QString text = QString::fromUtf8(xml);
        QVERIFY(QRegularExpression(u"<c r=\"A2\" s=\"[1-9][0-9]*\"><v>4[0-9.]+</v></c>"_s)
                    .match(text)
                    .hasMatch());
        QVERIFY(QRegularExpression(u"<c r=\"J2\"><v>[0-9]+</v></c>"_s).match(text).hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestAuditExport)
#include "tst_auditexport.moc"
