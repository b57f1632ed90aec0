// EntityRowReader against the slow path it replaces: for every body, each wanted key's cell is
// the one Cell::fromJson gives for the value QJsonDocument reads, and the members a row shows
// are the entity's. Bodies of any other shape are refused (the exporter then decodes them in
// full), never misread.
#include "core/domain/entity.h"
#include "core/exchange/entityrowreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

QString describe(const Cell &cell)
{
    return u"kind %1 text \"%2\" number %3 flag %4 instant %5 date %6"_s.arg(int(cell.kind))
        .arg(cell.text)
        .arg(cell.number, 0, 'g', 17)
        .arg(cell.flag)
        .arg(cell.instantNs)
        .arg(cell.date.toString(Qt::ISODate));
}

// Checks the reader's row for `body` against QJsonDocument + Entity::fromJson + Cell::fromJson.
void verifyBody(const QByteArray &body, const QStringList &keys)
{
    const EntityRowReader reader(keys);
    EntityRowReader::Row row;
    QVERIFY2(reader.read(body, row), body.constData());
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    auto entity = Entity::fromJson(json);
    QVERIFY2(entity.has_value(), body.constData());
    QCOMPARE(row.guid, entity->guid);
    QCOMPARE(row.lastUpdated, entity->lastUpdated);
    QCOMPARE(row.version, qint64(entity->version));
    QCOMPARE(row.deleted, entity->deleted);
    QCOMPARE(row.group, entity->isGroup());
    QCOMPARE(row.memberCount, entity->memberIds.size());
    QCOMPARE(row.data.size(), keys.size());
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QJsonValue value = entity->data.value(keys[i]);
        QCOMPARE(describe(row.data[i]), describe(Cell::fromJson(value)));
        QCOMPARE(bool(row.strings[std::size_t(i)]), value.isString());
    }
    // fill() gives the same row from the decoded entity (the slow path and as-of exports).
    EntityRowReader::Row filled;
    reader.fill(*entity, filled);
    QCOMPARE(filled.guid, row.guid);
    QCOMPARE(filled.lastUpdated, row.lastUpdated);
    QCOMPARE(filled.version, row.version);
    QCOMPARE(filled.deleted, row.deleted);
    QCOMPARE(filled.group, row.group);
    QCOMPARE(filled.memberCount, row.memberCount);
    QCOMPARE(filled.strings, row.strings);
    for (qsizetype i = 0; i < keys.size(); ++i)
        QCOMPARE(describe(filled.data[i]), describe(row.data[i]));
}

QByteArray bodyOf(const QJsonObject &data, bool group = false)
{
    Entity entity;
    entity.guid = u"e-1"_s;
    entity.type = group ? EntityType::Group : EntityType::Individual;
    entity.version = 3;
    entity.data = data;
    entity.lastUpdated = u"2026-11-27T08:30:00.000Z"_s;
    entity.deleted = group; // a tombstone now and then
    if (group)
        entity.memberIds = {u"p-1"_s, u"p-2"_s};
    return entity.canonicalJson();
}

} // namespace

class TestEntityRowReader : public QObject {
    Q_OBJECT

private slots:
    void read_givesTheCellsOfTheSlowPath_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("keys");
        const QStringList common{u"name"_s, u"age"_s,  u"dob"_s,     u"seen"_s,  u"extra"_s,
                                 u"list"_s, u"flag"_s, u"nothing"_s, u"absent"_s};
        QTest::newRow("plain values")
            << bodyOf({{u"name"_s, u"Awa"_s}, {u"age"_s, 34}, {u"flag"_s, true}}) << common;
        QTest::newRow("dates, timestamps, null") << bodyOf({{u"dob"_s, u"1990-05-01"_s},
                                                            {u"seen"_s, u"2026-11-26T10:00:00+02:00"_s},
                                                            {u"nothing"_s, QJsonValue()},
                                                            {u"name"_s, u"2026-13-45"_s}})
                                                 << common;
        QTest::newRow("escapes and scripts")
            << bodyOf({{u"name"_s, u"Smith, \"Jr\"\n\ttab \\ slash / Zoë بيت 😀 \u0001"_s},
                       {u"age"_s, u"=SUM(A1)"_s}})
            << common;
        QTest::newRow("numbers") << bodyOf({{u"age"_s, 1e21},
                                            {u"name"_s, 1e-7},
                                            {u"dob"_s, 0.000001},
                                            {u"seen"_s, -4.5},
                                            {u"flag"_s, 123456789012.0},
                                            {u"extra"_s, -0.0}})
                                 << common;
        QTest::newRow("nested") << bodyOf({{u"extra"_s,
                                            QJsonObject{{u"b"_s, 1}, {u"a"_s, QJsonArray{1, u"x"_s}}}},
                                           {u"list"_s, QJsonArray{u"z"_s, QJsonObject{{u"k"_s, u"\"}]"_s}}}}})
                                << common;
        QTest::newRow("keys with accents, escapes, a repeated wanted key")
            << bodyOf({{u"âge"_s, 7}, {u"na\"me"_s, u"q"_s}, {u"名前"_s, u"x"_s}, {u"name"_s, u"n"_s}})
            << QStringList{u"âge"_s, u"na\"me"_s, u"名前"_s, u"name"_s, u"name2"_s};
        QTest::newRow("group with members, deleted")
            << bodyOf({{u"name"_s, u"Diallo"_s}, {u"headId"_s, u"p-2"_s}}, true) << QStringList{u"headId"_s};
        QTest::newRow("no keys wanted") << bodyOf({{u"name"_s, u"Awa"_s}}) << QStringList{};
        QTest::newRow("empty data") << bodyOf({}) << common;
        QTest::newRow("not canonical: spaces, another order")
            << QByteArray(" { \"version\" : 2 , \"type\" : \"individual\", \"guid\":\"g\", \"deleted\": true,"
                          " \"lastUpdated\":\"2026-01-01T00:00:00Z\", \"data\" : { \"age\" : 3 , \"name\" : "
                          "\"A\" } } ")
            << common;
    }

    void read_givesTheCellsOfTheSlowPath()
    {
        QFETCH(QByteArray, body);
        QFETCH(QStringList, keys);
        verifyBody(body, keys);
    }

    // Generated entities: random keys, strings with any character, numbers of every size.
    void read_generatedEntities()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u", seed);
        QRandomGenerator random(seed);
        const QStringList keys{u"a"_s, u"b"_s, u"c"_s, u"é"_s, u"k9"_s};
        for (int i = 0; i < 500; ++i) {
            QJsonObject data;
            for (const QString &key : keys + QStringList{u"z"_s}) {
                switch (random.bounded(7)) {
                case 0:
                    break; // absent
                case 1: {
                    QString text;
                    const int length = random.bounded(12);
                    for (int c = 0; c < length; ++c)
                        text += QChar(char16_t(random.bounded(1, 0xD7FF)));
                    data.insert(key, text);
                    break;
                }
                case 2:
                    data.insert(key,
                                double(random.bounded(-1000000, 1000000)) / double(random.bounded(1, 1000)));
                    break;
                case 3:
                    data.insert(key, std::ldexp(random.generateDouble(), random.bounded(-80, 80)));
                    break;
                case 4:
                    data.insert(key, random.bounded(2) == 0);
                    break;
                case 5:
                    data.insert(key, QJsonValue());
                    break;
                default:
                    data.insert(key, QJsonArray{random.bounded(100), u"x"_s});
                    break;
                }
            }
            verifyBody(bodyOf(data, random.bounded(2) == 0), keys);
            if (QTest::currentTestFailed()) {
                qWarning("seed %u, entity %d", seed, i);
                return;
            }
        }
    }

    void read_refusesWhatIsNotAnEntityBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QByteArray good = bodyOf({{u"name"_s, u"Awa"_s}});
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("an array") << QByteArray("[1,2]");
        QTest::newRow("cut short") << good.left(good.size() - 1);
        QTest::newRow("trailing bytes") << good + "x";
        QTest::newRow("unknown member") << QByteArray(good).replace("\"deleted\"", "\"erased\"");
        QTest::newRow("no guid") << QByteArray(good).replace("\"guid\":\"e-1\",", "");
        QTest::newRow("bad type") << QByteArray(good).replace("\"individual\"", "\"household\"");
        QTest::newRow("version 0") << QByteArray(good).replace("\"version\":3", "\"version\":0");
        QTest::newRow("number out of range") << QByteArray(good).replace("\"Awa\"", "1e400");
        QTest::newRow("bad escape") << QByteArray(good).replace("\"Awa\"", "\"A\\qwa\"");
        QTest::newRow("raw control character") << QByteArray(good).replace("\"Awa\"", "\"A\nwa\"");
        QTest::newRow("unbalanced nesting") << QByteArray(good).replace("\"Awa\"", "[1,{\"a\":2]");
        QTest::newRow("bad literal") << QByteArray(good).replace("\"Awa\"", "tru");
        for (const char *number : {"01", ".5", "1.", "-", "1e", "+1", "0x10", "1e+", "--1"})
            QTest::addRow("number %s", number) << QByteArray(good).replace("\"Awa\"", number);
        QTest::newRow("no data") << QByteArray(good).replace("\"data\":{\"name\":\"Awa\"},", "");
        QTest::newRow("data twice") << QByteArray(good).replace("\"deleted\"", "\"data\":{},\"deleted\"");
        QTest::newRow("memberIds on an individual")
            << QByteArray(good).replace("\"type\"", "\"memberIds\":[],\"type\"");
        QTest::newRow("version beyond int")
            << QByteArray(good).replace("\"version\":3", "\"version\":3000000000");
    }

    void read_refusesWhatIsNotAnEntityBody()
    {
        QFETCH(QByteArray, body);
        const EntityRowReader reader({u"name"_s});
        EntityRowReader::Row row;
        QVERIFY(!reader.read(body, row));
    }
};

QTEST_GUILESS_MAIN(TestEntityRowReader)
#include "tst_entityrowreader.moc"
