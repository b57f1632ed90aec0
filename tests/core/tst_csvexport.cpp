// CSV exports (core/exchange): RFC 4180 writing, formula neutralisation, households wide and
// individuals long read back equal to the entities, the Excel dialect, as-of, cancel, permission,
// the summary, and the CLI `export` command.
#include "core/cli/cli.h"
#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/events/timestamp.h"
#include "core/exchange/csvwriter.h"
#include "core/exchange/exporter.h"
#include "core/exchange/exportrecorder.h"
#include "core/storage/householdindex.h"
#include "core/storage/registry.h"
#include "exportfixture.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
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
constexpr auto kBeforeUpdates = "2026-11-05T00:00:00Z";

// RFC 4180, strictly: every record ends with CRLF, a bare CR or LF outside quotes is an error.
struct ParsedCsv {
    QList<QStringList> records;
    bool byteOrderMark = false;
    QString error;
};

ParsedCsv parseCsv(const QByteArray &bytes, QChar separator = u',')
{
    ParsedCsv parsed;
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF")) {
        parsed.byteOrderMark = true;
        data.remove(0, 3);
    }
    const QString text = QString::fromUtf8(data);
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    bool afterQuote = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                field.append(c);
            }
            continue;
        }
        if (afterQuote && c != separator && c != u'\r') {
            parsed.error = u"text after a closing quote at %1"_s.arg(i);
            return parsed;
        }
        afterQuote = false;
        if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == separator) {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text[i + 1] != u'\n') {
                parsed.error = u"bare CR at %1"_s.arg(i);
                return parsed;
            }
            ++i;
            record.append(field);
            parsed.records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
        } else if (c == u'\n') {
            parsed.error = u"bare LF at %1"_s.arg(i);
            return parsed;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (quoted || fieldStarted || !record.isEmpty())
        parsed.error = u"the last record does not end with CRLF"_s;
    return parsed;
}

// What a CSV cell must hold for a JSON value, written independently of the exporter.
QString expectedText(const QJsonValue &value, QChar decimalPoint = u'.')
{
    switch (value.type()) {
    case QJsonValue::String: {
        const QString text = value.toString();
        static const QString formulaStarts = u"=+-@\t\r"_s;
        if (!text.isEmpty() && formulaStarts.contains(text.front()))
            return u"'"_s + text;
        return text;
    }
    case QJsonValue::Double: {
        QString text = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
        return text.replace(u'.', decimalPoint);
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

QStringList folderEntries(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

std::vector<Entity> entitiesNow(Ledger &ledger, std::optional<qint64> at = std::nullopt)
{
    std::vector<Entity> all;
    auto ok = ledger.forEachEntity(at, false, [&](const Entity &e) {
        all.push_back(e);
        return true;
    });
    if (!ok)
        qFatal("cannot list: %s", qPrintable(ok.error().message));
    return all;
}

ExportRequest requestFor(ExportWhat what)
{
    ExportRequest request;
    request.what = what;
    return request;
}

QHash<QString, QString> rowMap(const QStringList &header, const QStringList &row)
{
    QHash<QString, QString> map;
    for (qsizetype i = 0; i < header.size(); ++i)
        map.insert(header[i], row.value(i));
    return map;
}

} // namespace

class TestCsvExport final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Fixture> m_fixture;

    std::unique_ptr<Fixture> m_cli;

    Fixture &f() { return *m_fixture; }
    // A registry of its own, closed, for the CLI to open.
    Fixture &cliFixture()
    {
        if (!m_cli) {
            m_cli = sampleRegistry();
            m_cli->close();
        }
        return *m_cli;
    }

    // Exports as the fixture's user to `name` in the fixture's folder; returns the file's bytes.
    QByteArray exportCsv(ExportRequest request, const QString &name, ExportReport *report = nullptr)
    {
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        const QString path = QDir(f().folder()).filePath(name);
        auto result = exporter.exportToFile(request, path);
        if (!result) {
            qWarning("export failed: %s", qPrintable(result.error().message));
            return {};
        }
        if (report != nullptr)
            *report = *result;
        return readAll(path);
    }

    // Checks a households export against the entities as of `at`.
    void verifyHouseholds(const ParsedCsv &csv, std::optional<qint64> at, QChar decimalPoint = u'.')
    {
        QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
        QVERIFY(!csv.records.isEmpty());
        const QStringList header = csv.records.first();
        std::vector<Entity> groups;
        for (Entity &e : entitiesNow(f().ledger(), at)) {
            if (e.isGroup())
                groups.push_back(std::move(e));
        }
        QCOMPARE(csv.records.size() - 1, qsizetype(groups.size()));
        const QStringList fixed{u"guid"_s, u"memberCount"_s, u"head"_s, u"lastUpdated"_s, u"version"_s};
        for (std::size_t i = 0; i < groups.size(); ++i) {
            const Entity &group = groups[i];
            const QStringList &record = csv.records[qsizetype(i) + 1];
            QCOMPARE(record.size(), header.size());
            const auto row = rowMap(header, record);
            QCOMPARE(row.value(u"guid"_s), group.guid);
            QCOMPARE(row.value(u"memberCount"_s), QString::number(group.memberIds.size()));
            QCOMPARE(row.value(u"lastUpdated"_s), group.lastUpdated);
            QCOMPARE(row.value(u"version"_s), QString::number(group.version));
            qsizetype dataCells = 0;
            for (const QString &column : header) {
                if (fixed.contains(column))
                    continue;
                const QString key = column.startsWith(u"data."_s) ? column.mid(5) : column;
                QCOMPARE(row.value(column), expectedText(group.data.value(key), decimalPoint));
                if (group.data.contains(key))
                    ++dataCells;
            }
            QCOMPARE(dataCells, group.data.size()); // every data field has its column
        }
    }

    // A registry holding the sample households; tests that change users or close it make their own.
    static std::unique_ptr<Fixture> sampleRegistry()
    {
        auto fixture = std::make_unique<Fixture>();
        auto report = fixture->ledger().submitBatch(sampleCommands());
        if (!report)
            qFatal("cannot submit the sample: %s", qPrintable(report.error().message));
        return fixture;
    }

private slots:
    void initTestCase() { m_fixture = sampleRegistry(); }
    void cleanupTestCase()
    {
        m_fixture.reset();
        m_cli.reset();
    }
    void cleanup()
    {
        // Each test leaves the shared folder as it found it: the registry and nothing else.
        for (const QString &name : folderEntries(f().folder())) {
            if (!name.startsWith(u"registry.fieldledger"_s))
                QFile::remove(QDir(f().folder()).filePath(name));
        }
    }

    void encodeField_quotesWhatNeedsIt_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("plain") << u"Kalo"_s << QByteArray("Kalo");
        QTest::newRow("empty") << QString() << QByteArray("");
        QTest::newRow("comma") << u"a,b"_s << QByteArray("\"a,b\"");
        QTest::newRow("quote doubled") << u"say \"hi\""_s << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("LF") << u"a\nb"_s << QByteArray("\"a\nb\"");
        QTest::newRow("CR") << u"a\rb"_s << QByteArray("\"a\rb\"");
        QTest::newRow("leading space") << u" a"_s << QByteArray("\" a\"");
        QTest::newRow("semicolon under comma") << u"a;b"_s << QByteArray("a;b");
        QTest::newRow("accents stay UTF-8") << u"Zoë"_s << QByteArray("Zo\xC3\xAB");
    }
    void encodeField_quotesWhatNeedsIt()
    {
        QFETCH(QString, field);
        QFETCH(QByteArray, encoded);
        QCOMPARE(CsvWriter::encodeField(field, u','), encoded);
    }

    void neutraliseFormula_prefixesRunnableText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("equals") << u"=1+1"_s << u"'=1+1"_s;
        QTest::newRow("plus") << u"+31 6"_s << u"'+31 6"_s;
        QTest::newRow("minus") << u"-2+3"_s << u"'-2+3"_s;
        QTest::newRow("at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
        QTest::newRow("tab") << u"\tx"_s << u"'\tx"_s;
        QTest::newRow("CR") << u"\rx"_s << u"'\rx"_s;
        QTest::newRow("inner equals") << u"a=b"_s << u"a=b"_s;
        QTest::newRow("quote first") << u"'quoted"_s << u"'quoted"_s;
        QTest::newRow("empty") << QString() << QString();
    }
    void neutraliseFormula_prefixesRunnableText()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(neutraliseFormula(text), shown);
    }

    void dialect_forLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<bool>("excel");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<bool>("bom");
        QTest::newRow("plain, German")
            << QLocale(QLocale::German, QLocale::Germany) << false << u","_s << false;
        QTest::newRow("Excel, German")
            << QLocale(QLocale::German, QLocale::Germany) << true << u";"_s << true;
        QTest::newRow("Excel, French") << QLocale(QLocale::French, QLocale::France) << true << u";"_s << true;
        QTest::newRow("Excel, English")
            << QLocale(QLocale::English, QLocale::UnitedStates) << true << u","_s << true;
    }
    void dialect_forLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(bool, excel);
        QFETCH(QString, separator);
        QFETCH(bool, bom);
        const CsvDialect dialect = CsvDialect::forLocale(locale, excel);
        QCOMPARE(QString(dialect.separator), separator);
        QCOMPARE(dialect.byteOrderMark, bom);
    }

    void households_roundTrip_equalsEntities()
    {
        ExportRequest request;
        request.what = ExportWhat::Households;
        request.householdColumns = {u"name"_s, u"village"_s, u"formOnly"_s};
        ExportReport report;
        const QByteArray bytes = exportCsv(request, u"households.csv"_s, &report);
        QVERIFY(bytes.endsWith("\r\n"));
        const ParsedCsv csv = parseCsv(bytes);
        verifyHouseholds(csv, std::nullopt);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!csv.byteOrderMark);
        QCOMPARE(report.rows, quint64(3));
        // Form order first (a form field no household has yet still gets its column), then the
        // other keys sorted; a data key named like a fixed column is shown as data.<key>.
        const QStringList header = csv.records.first();
        QCOMPARE(header.mid(0, 4), (QStringList{u"guid"_s, u"name"_s, u"village"_s, u"formOnly"_s}));
        QCOMPARE(header.mid(header.size() - 4),
                 (QStringList{u"memberCount"_s, u"head"_s, u"lastUpdated"_s, u"version"_s}));
        QVERIFY(header.contains(u"data.version"_s));
        const QStringList middle = header.mid(4, header.size() - 8);
        QStringList sorted = middle;
        for (QString &column : sorted)
            column.remove(u"data."_s);
        QStringList expectedOrder = sorted;
        std::sort(expectedOrder.begin(), expectedOrder.end());
        QCOMPARE(sorted, expectedOrder);
    }

    void households_headAndNeutralisedCells()
    {
        const ParsedCsv csv = parseCsv(exportCsv(ExportRequest{}, u"households.csv"_s));
        QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
        const QStringList header = csv.records.first();
        const auto hh1 = rowMap(header, csv.records[1]);
        const auto hh2 = rowMap(header, csv.records[2]);
        const auto hh3 = rowMap(header, csv.records[3]);
        QCOMPARE(hh1.value(u"head"_s), u"p-1"_s); // data.headId
        QCOMPARE(hh2.value(u"head"_s), u"p-3"_s); // the member whose relationship is head
        QCOMPARE(hh3.value(u"head"_s), u"p-5"_s);
        QCOMPARE(hh1.value(u"name"_s), u"Smith, \"Jr\""_s);
        QCOMPARE(hh1.value(u"notes"_s), u"line one\nline two\r\nline three"_s);
        QCOMPARE(hh2.value(u"name"_s), u"بيت العائلة"_s);
        QCOMPARE(hh2.value(u"comment"_s), u"'-2+3"_s);
        QCOMPARE(hh2.value(u"handle"_s), u"'@SUM(A1)"_s);
        QCOMPARE(hh2.value(u"tabbed"_s), u"'\tTab"_s);
        QCOMPARE(hh3.value(u"name"_s), u"  padded  "_s);
        QCOMPARE(hh3.value(u"nothing"_s), QString());
        QCOMPARE(hh3.value(u"extra"_s), u"{\"a\":1}"_s);
        QCOMPARE(hh1.value(u"income"_s), u"2000"_s);
        QCOMPARE(hh2.value(u"memberCount"_s), u"1"_s); // p-4 was removed
    }

    void individuals_roundTrip_oneRowPerMember()
    {
        const ParsedCsv csv = parseCsv(exportCsv(requestFor(ExportWhat::Individuals), u"individuals.csv"_s));
        QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
        const QStringList header = csv.records.first();
        QCOMPARE(header.mid(0, 3), (QStringList{u"householdGuid"_s, u"memberGuid"_s, u"relationship"_s}));
        QCOMPARE(header.count(u"relationship"_s), 1);
        QStringList pairs;
        for (qsizetype i = 1; i < csv.records.size(); ++i) {
            const auto row = rowMap(header, csv.records[i]);
            pairs.append(row.value(u"householdGuid"_s) + u"/"_s + row.value(u"memberGuid"_s));
            auto member = f().ledger().entity(row.value(u"memberGuid"_s));
            QVERIFY(member && *member);
            const Entity &person = **member;
            QCOMPARE(row.value(u"relationship"_s), expectedText(person.data.value(u"relationship"_s)));
            QCOMPARE(row.value(u"version"_s), QString::number(person.version));
            for (const QString &column : header.mid(3, header.size() - 5))
                QCOMPARE(row.value(column), expectedText(person.data.value(column)));
        }
        QCOMPARE(pairs, (QStringList{u"hh-1/p-1"_s, u"hh-1/p-2"_s, u"hh-2/p-3"_s, u"hh-3/p-5"_s}));
        const auto p2 = rowMap(header, csv.records[2]);
        QVERIFY(p2.value(u"name"_s).startsWith(u"'=HYPERLINK("_s));
    }

    void excelFriendly_decimalCommaLocale_usesSemicolonBomAndCommaDecimals()
    {
        ExportRequest request;
        request.what = ExportWhat::Individuals;
        request.excelFriendly = true;
        request.locale = QLocale(QLocale::German, QLocale::Germany);
        const QByteArray bytes = exportCsv(request, u"individuals-excel.csv"_s);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.contains("\"Am\xC3\xA9lie ; \xC3\x98rsted\"")); // ';' now needs quotes
        const ParsedCsv csv = parseCsv(bytes, u';');
        QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
        QVERIFY(csv.byteOrderMark);
        const auto p2 = rowMap(csv.records.first(), csv.records[2]);
        QCOMPARE(p2.value(u"memberGuid"_s), u"p-2"_s);
        QCOMPARE(p2.value(u"age"_s), u"36,5"_s);

        request.what = ExportWhat::Households;
        const ParsedCsv households = parseCsv(exportCsv(request, u"households-excel.csv"_s), u';');
        verifyHouseholds(households, std::nullopt, u',');
    }

    void asOf_households_equalStateAtThatInstant()
    {
        ExportRequest request;
        auto at = Timestamp::parseInstantNs(QString::fromLatin1(kBeforeUpdates));
        QVERIFY(at);
        request.atInstantNs = *at;
        ExportReport report;
        const ParsedCsv csv = parseCsv(exportCsv(request, u"asof.csv"_s, &report));
        verifyHouseholds(csv, *at);
        if (QTest::currentTestFailed())
            return;
        const auto hh1 = rowMap(csv.records.first(), csv.records[1]);
        QCOMPARE(hh1.value(u"village"_s), u"Kalo"_s);
        QCOMPARE(hh1.value(u"income"_s), u"1234.5"_s);
        const auto hh2 = rowMap(csv.records.first(), csv.records[2]);
        QCOMPARE(hh2.value(u"memberCount"_s), u"2"_s);
        QCOMPARE(report.record.value(u"asOf"_s).toString(), u"2026-11-05T00:00:00.000Z"_s);
    }

    // The present state is read straight from the projections (households with their head from
    // the household rows when those are current, members beside their memberships); the as-of
    // path replays effects. Both must give the same rows (the members' order differs).
    void presentExports_equalTheRegistryAsOfNow()
    {
        auto fixture = sampleRegistry();
        QVERIFY(fixture->ledger().submit(
            command(u"create-group"_s, u"hh-4"_s, {{u"name"_s, u"No head"_s}}, u"2026-11-20T10:00:00Z"_s)));
        QVERIFY(fixture->ledger().submit(
            command(u"add-member"_s, u"hh-4"_s,
                    {{u"members"_s,
                      QJsonArray{QJsonObject{
                          {u"guid"_s, u"p-9"_s}, {u"name"_s, u"Awa"_s}, {u"relationship"_s, u"HEAD"_s}}}}},
                    u"2026-11-20T11:00:00Z"_s)));
        auto exportWith = [&](ExportWhat what, std::optional<qint64> at, const QString &name) {
            MemoryExportRecorder recorder;
            Exporter exporter(fixture->ledger(), fixture->clock(), recorder);
            ExportRequest request;
            request.what = what;
            request.atInstantNs = at;
            const QString path = QDir(fixture->folder()).filePath(name);
            auto result = exporter.exportToFile(request, path);
            if (!result)
                qWarning("export failed: %s", qPrintable(result.error().message));
            return parseCsv(readAll(path));
        };
        const auto later = Timestamp::parseInstantNs(u"2100-01-01T00:00:00Z"_s);
        QVERIFY(later);
        for (const bool indexed : {false, true}) {
            if (indexed)
                QVERIFY(HouseholdIndex::install(fixture->ledger()));
            for (const ExportWhat what : {ExportWhat::Households, ExportWhat::Individuals}) {
                const ParsedCsv present = exportWith(what, std::nullopt, u"present.csv"_s);
                const ParsedCsv asOf = exportWith(what, *later, u"asof.csv"_s);
                QVERIFY2(present.error.isEmpty() && asOf.error.isEmpty(),
                         qPrintable(present.error + asOf.error));
                QCOMPARE(present.records.first(), asOf.records.first());
                QList<QStringList> presentRows = present.records.mid(1);
                QList<QStringList> asOfRows = asOf.records.mid(1);
                std::sort(presentRows.begin(), presentRows.end());
                std::sort(asOfRows.begin(), asOfRows.end());
                QCOMPARE(presentRows, asOfRows);
                QCOMPARE(presentRows.size(), what == ExportWhat::Households ? 4 : 5);
            }
            const ParsedCsv households = exportWith(ExportWhat::Households, std::nullopt, u"heads.csv"_s);
            const auto hh2 = rowMap(households.records.first(), households.records[2]);
            const auto hh4 = rowMap(households.records.first(), households.records[4]);
            QCOMPARE(hh2.value(u"head"_s), u"p-3"_s);
            QCOMPARE(hh4.value(u"head"_s), u"p-9"_s); // "HEAD": any case
        }
    }

    // data_keys (the columns of every export) holds each key some entity of the type has, is
    // kept by every submission and rebuilt the same by a replay.
    void dataKeys_followSubmissionsAndReplay()
    {
        auto fixture = sampleRegistry();
        auto stored = [&] {
            QStringList keys;
            QSqlQuery query(fixture->registry().database());
            if (!query.exec(u"SELECT entity_type || ':' || key FROM data_keys ORDER BY 1"_s))
                return QStringList{u"(cannot read)"_s};
            while (query.next())
                keys.append(query.value(0).toString());
            return keys;
        };
        auto expected = [&] {
            QSet<QString> keys;
            auto ok = fixture->ledger().forEachEntity(std::nullopt, true, [&](const Entity &entity) {
                for (auto it = entity.data.constBegin(); it != entity.data.constEnd(); ++it)
                    keys.insert(entityTypeName(entity.type) + u":"_s + it.key());
                return true;
            });
            if (!ok)
                return QStringList{u"(cannot list)"_s};
            QStringList sorted(keys.begin(), keys.end());
            std::sort(sorted.begin(), sorted.end());
            return sorted;
        };
        QCOMPARE(stored(), expected());
        QVERIFY(!stored().contains(u"individual:occupation"_s));
        QVERIFY(fixture->ledger().submit(command(
            u"update-individual"_s, u"p-1"_s, {{u"occupation"_s, u"farmer"_s}}, u"2026-11-25T10:00:00Z"_s)));
        QVERIFY(stored().contains(u"individual:occupation"_s));
        QCOMPARE(stored(), expected());
        const QStringList before = stored();
        QVERIFY(fixture->ledger().replay());
        QCOMPARE(stored(), before);
    }

    void cancel_leavesNoFileAndExistingFileUntouched()
    {
        const QString path = QDir(f().folder()).filePath(u"households.csv"_s);
        {
            QFile existing(path);
            QVERIFY(existing.open(QIODevice::WriteOnly));
            existing.write("precious\n");
        }
        const QStringList before = folderEntries(f().folder());
        ExportRequest request;
        int calls = 0;
        request.progress = [&](quint64, quint64) {
            ++calls;
            return false;
        };
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        auto result = exporter.exportToFile(request, path);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Cancelled);
        QCOMPARE(calls, 1);
        QCOMPARE(readAll(path), QByteArray("precious\n"));
        QCOMPARE(folderEntries(f().folder()), before);
        QVERIFY(recorder.records().isEmpty());

        // A new file is not created either.
        const QString fresh = QDir(f().folder()).filePath(u"fresh.csv"_s);
        QVERIFY(!exporter.exportToFile(request, fresh));
        QVERIFY(!QFile::exists(fresh));
        QCOMPARE(folderEntries(f().folder()), before);
    }

    void success_replacesExistingFile_andReportsProgressToTheEnd()
    {
        const QString path = QDir(f().folder()).filePath(u"households.csv"_s);
        {
            QFile existing(path);
            QVERIFY(existing.open(QIODevice::WriteOnly));
            existing.write("old\n");
        }
        const QFile::Permissions before = QFile(path).permissions();
        ExportRequest request;
        quint64 lastDone = 0;
        quint64 lastTotal = 0;
        bool monotonic = true;
        request.progress = [&](quint64 done, quint64 total) {
            monotonic = monotonic && done >= lastDone;
            lastDone = done;
            lastTotal = total;
            return true;
        };
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        auto result = exporter.exportToFile(request, path);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QVERIFY(monotonic);
        QVERIFY(lastTotal > 0);
        QCOMPARE(lastDone, lastTotal);
        QVERIFY(readAll(path).startsWith("guid,"));
        QCOMPARE(folderEntries(f().folder()).filter(u".part"_s), QStringList());
        QCOMPARE(QFile(path).permissions(), before); // a replaced file keeps its permissions
        // The export is recorded.
        QCOMPARE(recorder.records().size(), 1);
        const QJsonObject record = recorder.records().first();
        QCOMPARE(record.value(u"userId"_s).toString(), u"admin"_s);
        QCOMPARE(record.value(u"what"_s).toString(), u"households"_s);
        QCOMPARE(record.value(u"format"_s).toString(), u"csv"_s);
        QCOMPARE(record.value(u"rows"_s).toInt(), 3);
        QCOMPARE(record.value(u"file"_s).toString(), u"households.csv"_s);
        QCOMPARE(record.value(u"exportedAt"_s).toString(), u"2026-11-30T12:00:00.000Z"_s);
        QVERIFY(!record.contains(u"asOf"_s));
        QVERIFY(recorder.lines().first().startsWith("{\"exportedAt\":"));
    }

    void newFile_isReadableByItsOwnerOnly()
    {
        const QString path = QDir(f().folder()).filePath(u"private.csv"_s);
        QVERIFY(!exportCsv(ExportRequest{}, u"private.csv"_s).isEmpty());
        QCOMPARE(QFile(path).permissions() &
                     ~(QFile::ReadUser | QFile::WriteUser | QFile::ReadOwner | QFile::WriteOwner),
                 QFile::Permissions());
    }

    void missingFolder_isRefusedBeforeWriting()
    {
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        auto result = exporter.exportToFile(ExportRequest{}, QDir(f().folder()).filePath(u"nowhere/x.csv"_s));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::NotFound);
        auto folder = exporter.exportToFile(ExportRequest{}, f().folder());
        QVERIFY(!folder);
        QCOMPARE(folder.error().code, ErrorCode::InvalidArgument);
    }

    void enumerator_isRefused_andNothingIsWritten()
    {
        const auto own = sampleRegistry();
        Fixture &f = *own;
        QVERIFY(f.registry().addUser({u"enum1"_s, u"Enumerator"_s, Role::Enumerator, true},
                                     secret("enum1 pass")));
        QVERIFY(
            f.registry().addUser({u"sup1"_s, u"Supervisor"_s, Role::Supervisor, true}, secret("sup1 pass")));
        const QStringList before = folderEntries(f.folder());
        f.reopenAs(u"enum1"_s, "enum1 pass");
        MemoryExportRecorder recorder;
        {
            Exporter exporter(f.ledger(), f.clock(), recorder);
            auto result = exporter.exportToFile(ExportRequest{}, QDir(f.folder()).filePath(u"denied.csv"_s));
            QVERIFY(!result);
            QCOMPARE(result.error().code, ErrorCode::PermissionDenied);
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            auto streamed = exporter.exportToDevice(ExportRequest{}, buffer);
            QVERIFY(!streamed);
            QCOMPARE(streamed.error().code, ErrorCode::PermissionDenied);
            QVERIFY(buffer.data().isEmpty());
            QVERIFY(!exporter.summary(std::nullopt));
        }
        QCOMPARE(folderEntries(f.folder()), before);
        QVERIFY(recorder.records().isEmpty());

        f.reopenAs(u"sup1"_s, "sup1 pass");
        Exporter exporter(f.ledger(), f.clock(), recorder);
        auto allowed = exporter.exportToFile(ExportRequest{}, QDir(f.folder()).filePath(u"allowed.csv"_s));
        QVERIFY2(allowed, allowed ? "" : qPrintable(allowed.error().message));
        QCOMPARE(recorder.records().first().value(u"userId"_s).toString(), u"sup1"_s);
    }

    void combination_refusesWhatTheFormatCannotHold_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("households csv") << int(ExportWhat::Households) << int(ExportFormat::Csv) << true;
        QTest::newRow("households jsonl") << int(ExportWhat::Households) << int(ExportFormat::Jsonl) << false;
        QTest::newRow("events csv") << int(ExportWhat::Events) << int(ExportFormat::Csv) << false;
        QTest::newRow("events jsonl") << int(ExportWhat::Events) << int(ExportFormat::Jsonl) << true;
        QTest::newRow("audit jsonl") << int(ExportWhat::Audit) << int(ExportFormat::Jsonl) << true;
        QTest::newRow("all csv") << int(ExportWhat::Workbook) << int(ExportFormat::Csv) << false;
        QTest::newRow("all xlsx") << int(ExportWhat::Workbook) << int(ExportFormat::Xlsx) << true;
    }
    void combination_refusesWhatTheFormatCannotHold()
    {
        QFETCH(int, what);
        QFETCH(int, format);
        QFETCH(bool, allowed);
        QCOMPARE(bool(checkExportCombination(ExportWhat(what), ExportFormat(format))), allowed);
    }

    void summary_countsRegistrationsVillagesAndSizes()
    {
        MemoryExportRecorder recorder;
        Exporter exporter(f().ledger(), f().clock(), recorder);
        auto summary = exporter.summary(std::nullopt);
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
        QCOMPARE(summary->value(u"households"_s).toInt(), 3);
        QCOMPARE(summary->value(u"individuals"_s).toInt(), 5);
        QCOMPARE(summary->value(u"events"_s).toInt(), 7);
        QCOMPARE(summary->value(u"registrationsPerDay"_s).toObject(),
                 (QJsonObject{{u"2026-11-01"_s, 1}, {u"2026-11-02"_s, 1}, {u"2026-11-03"_s, 1}}));
        QCOMPARE(summary->value(u"registrationsPerEnumerator"_s).toObject(), (QJsonObject{{u"admin"_s, 3}}));
        QCOMPARE(summary->value(u"householdsPerVillage"_s).toObject(),
                 (QJsonObject{{u"Kalo"_s, 1}, {u"Mbale"_s, 1}, {u"Mbale Town"_s, 1}}));
        QCOMPARE(summary->value(u"householdSizeDistribution"_s).toObject(),
                 (QJsonObject{{u"1"_s, 2}, {u"2"_s, 1}}));

        auto at = Timestamp::parseInstantNs(u"2026-11-02T12:00:00Z"_s);
        auto early = exporter.summary(*at);
        QVERIFY(early);
        QCOMPARE(early->value(u"households"_s).toInt(), 2);
        QCOMPARE(early->value(u"events"_s).toInt(), 2);
        QCOMPARE(early->value(u"householdsPerVillage"_s).toObject(), (QJsonObject{{u"Kalo"_s, 2}}));
        QCOMPARE(early->value(u"householdSizeDistribution"_s).toObject(), (QJsonObject{{u"2"_s, 2}}));
        QCOMPARE(early->value(u"asOf"_s).toString(), u"2026-11-02T12:00:00.000Z"_s);
    }

    void summary_csv_hasSectionKeyCountRows()
    {
        ExportRequest request;
        request.what = ExportWhat::Summary;
        const ParsedCsv csv = parseCsv(exportCsv(request, u"summary.csv"_s));
        QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
        QCOMPARE(csv.records.first(), (QStringList{u"section"_s, u"key"_s, u"count"_s}));
        QVERIFY(csv.records.contains(QStringList{u"total"_s, u"households"_s, u"3"_s}));
        QVERIFY(csv.records.contains(QStringList{u"registrationsPerDay"_s, u"2026-11-01"_s, u"1"_s}));
        QVERIFY(csv.records.contains(QStringList{u"householdsPerVillage"_s, u"Mbale Town"_s, u"1"_s}));
        QVERIFY(csv.records.contains(QStringList{u"householdSizeDistribution"_s, u"2"_s, u"1"_s}));
    }

    void cli_export_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("errorText");
        QTest::newRow("pdf") << QStringList{u"--what"_s, u"summary"_s, u"--format"_s, u"pdf"_s} << 2
                             << u"pdf export is not available in this build"_s;
        QTest::newRow("unknown what") << QStringList{u"--what"_s, u"cats"_s} << 1 << u"unknown export"_s;
        QTest::newRow("no what") << QStringList{} << 1 << u"--what is required"_s;
        QTest::newRow("xlsx to stdout")
            << QStringList{u"--what"_s, u"households"_s, u"--format"_s, u"xlsx"_s} << 1 << u"needs --out"_s;
        QTest::newRow("events as csv")
            << QStringList{u"--what"_s, u"events"_s, u"--format"_s, u"csv"_s} << 1 << u"use jsonl"_s;
        QTest::newRow("bad instant") << QStringList{u"--what"_s, u"households"_s, u"--at"_s, u"yesterday"_s}
                                     << 1 << u"--at"_s;
    }
    void cli_export()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, errorText);
        Fixture &f = cliFixture();
        qputenv("FIELDLEDGER_PASSPHRASE", "admin passphrase");
        QString out;
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        const int code = runCli(QStringList{u"--db"_s, f.path(), u"--user"_s, u"admin"_s, u"export"_s} + args,
                                outStream, errStream);
        QCOMPARE(code, exitCode);
        QVERIFY2(err.contains(errorText), qPrintable(err));
        QVERIFY(out.isEmpty());
        QCOMPARE(folderEntries(f.folder()).filter(u".csv"_s), QStringList());
    }

    void cli_export_toStdoutAndToFile()
    {
        Fixture &f = cliFixture();
        qputenv("FIELDLEDGER_PASSPHRASE", "admin passphrase");
        const QStringList base{u"--db"_s,   f.path(),    u"--user"_s,    u"admin"_s,
                               u"export"_s, u"--what"_s, u"households"_s};
        {
            QString out;
            QString err;
            QTextStream outStream(&out);
            QTextStream errStream(&err);
            QCOMPARE(runCli(base, outStream, errStream), 0);
            const ParsedCsv csv = parseCsv(out.toUtf8());
            QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
            QCOMPARE(csv.records.size(), 4);
            QCOMPARE(err.trimmed(),
                     u"{\"exported\":3,\"format\":\"csv\",\"out\":\"-\",\"what\":\"households\"}"_s);
        }
        {
            const QString path = QDir(f.folder()).filePath(u"cli.csv"_s);
            QString out;
            QString err;
            QTextStream outStream(&out);
            QTextStream errStream(&err);
            QCOMPARE(
                runCli(base + QStringList{u"--out"_s, path, u"--at"_s, QString::fromLatin1(kBeforeUpdates)},
                       outStream, errStream),
                0);
            const QJsonObject printed = QJsonDocument::fromJson(out.toUtf8()).object();
            QCOMPARE(printed.value(u"exported"_s).toInt(), 3);
            QCOMPARE(printed.value(u"out"_s).toString(), path);
            const ParsedCsv csv = parseCsv(readAll(path));
            QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
            QCOMPARE(rowMap(csv.records.first(), csv.records[1]).value(u"village"_s), u"Kalo"_s);
        }
        {
            // An enumerator may not export: exit 2, nothing written.
            f.reopenAs(u"admin"_s, "admin passphrase");
            QVERIFY(f.registry().addUser({u"enum1"_s, u"E"_s, Role::Enumerator, true}, secret("enum1 pass")));
            f.close();
            qputenv("FIELDLEDGER_PASSPHRASE", "enum1 pass");
            const QString path = QDir(f.folder()).filePath(u"denied.csv"_s);
            QString out;
            QString err;
            QTextStream outStream(&out);
            QTextStream errStream(&err);
            QStringList args = base;
            args[3] = u"enum1"_s;
            QCOMPARE(runCli(args + QStringList{u"--out"_s, path}, outStream, errStream), 2);
            QVERIFY2(err.contains(u"permission denied"_s), qPrintable(err));
            QVERIFY(!QFile::exists(path));
        }
    }

    void cli_excelWithLocale_choosesTheSeparatorWhateverTheSystem_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("separator");
        QTest::newRow("fr_FR") << u"fr_FR"_s << u";"_s;
        QTest::newRow("de_DE") << u"de_DE"_s << u";"_s;
        QTest::newRow("en_US") << u"en_US"_s << u","_s;
    }
    void cli_excelWithLocale_choosesTheSeparatorWhateverTheSystem()
    {
        QFETCH(QString, locale);
        QFETCH(QString, separator);
        Fixture &f = cliFixture();
        qputenv("FIELDLEDGER_PASSPHRASE", "admin passphrase");
        // Standard output as a device, so that the bytes arrive as written (a byte order mark too).
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QString err;
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        QCOMPARE(runCli({u"--db"_s, f.path(), u"--user"_s, u"admin"_s, u"export"_s, u"--what"_s,
                         u"households"_s, u"--excel"_s, u"--locale"_s, locale},
                        outStream, errStream),
                 0);
        const ParsedCsv csv = parseCsv(out.data(), separator.front());
        QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
        QVERIFY(csv.byteOrderMark);
        QCOMPARE(csv.records.size(), 4);
        QCOMPARE(rowMap(csv.records.first(), csv.records[1]).value(u"guid"_s), u"hh-1"_s);
        // Formulas stay neutralised in the Excel dialect too.
        QCOMPARE(rowMap(csv.records.first(), csv.records[2]).value(u"handle"_s), u"'@SUM(A1)"_s);

        QString bad;
        QTextStream badStream(&bad);
        QCOMPARE(runCli({u"--db"_s, f.path(), u"--user"_s, u"admin"_s, u"export"_s, u"--what"_s,
                         u"households"_s, u"--excel"_s, u"--locale"_s, u"xx_nowhere"_s},
                        outStream, badStream),
                 1);
        QVERIFY(bad.contains(u"--locale"_s));
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
