// Golden-folder replay cases: tests/data/golden/<case>/ holds
//   events.jsonl                  the events, in log order (one JSON Lines event a line)
//   expected-entities.jsonl       every projected entity, canonical JSON, in guid order
//   expected-history-<guid>.jsonl that entity's audit trail, one canonical entry a line
//   expected-anomalies.jsonl      every anomaly {eventGuid, entityGuid, kind}, canonical order
// and this test runs each case through the in-memory projector with the built-in appliers.
//
// FIELDLEDGER_UPDATE_GOLDEN=1 rewrites the expected files of every case from what the code
// produces now (histories only for the expected-history files that already exist): review
// the diff by hand before committing it.

#include "core/domain/applierregistry.h"
#include "core/domain/projector.h"
#include "core/events/canonicaljson.h"
#include "core/events/event.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <random>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

namespace {

QString goldenRoot()
{
    return QStringLiteral(FIELDLEDGER_TEST_DATA) + u"/golden"_s;
}

QList<QByteArray> readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line);
    }
    return lines;
}

bool writeLines(const QString &path, const QList<QByteArray> &lines)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    for (const QByteArray &line : lines) {
        file.write(line);
        file.write("\n");
    }
    return true;
}

QByteArray canonical(const QJsonObject &object)
{
    Result<QByteArray> bytes = canonicalJson(object);
    return bytes ? *bytes : QByteArray("<not canonicalizable>");
}

QList<QByteArray> entityLines(const std::map<QString, Entity> &entities)
{
    QList<QByteArray> lines;
    for (const auto &[guid, entity] : entities)
        lines.append(entity.canonicalJson());
    return lines;
}

// Compares line by line so a failure names the first differing line.
void compareLines(const QList<QByteArray> &actual, const QList<QByteArray> &expected, const QString &what)
{
    for (qsizetype i = 0; i < std::min(actual.size(), expected.size()); ++i) {
        QVERIFY2(actual[i] == expected[i], qPrintable(u"%1, line %2:\n  actual:   %3\n  expected: %4"_s.arg(
                                               what, QString::number(i + 1), QString::fromUtf8(actual[i]),
                                               QString::fromUtf8(expected[i]))));
    }
    QVERIFY2(actual.size() == expected.size(),
             qPrintable(u"%1: %2 lines, expected %3"_s.arg(what).arg(actual.size()).arg(expected.size())));
}

} // namespace

class TestGolden final : public QObject {
    Q_OBJECT

private slots:
    void replay_matchesTheGoldenFolder_data()
    {
        QTest::addColumn<QString>("folder");
        const QDir root(goldenRoot());
        const QStringList cases = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY2(cases.size() >= 6, qPrintable(u"expected at least 6 golden cases in "_s + root.path()));
        for (const QString &name : cases)
            QTest::newRow(qPrintable(name)) << root.filePath(name);
    }

    void replay_matchesTheGoldenFolder()
    {
        QFETCH(QString, folder);
        const QDir dir(folder);

        std::vector<Event> events;
        const QList<QByteArray> eventLines = readLines(dir.filePath(u"events.jsonl"_s));
        QVERIFY2(!eventLines.isEmpty(), qPrintable(folder));
        for (qsizetype i = 0; i < eventLines.size(); ++i) {
            Result<Event> event = Event::fromJson(eventLines[i]);
            QVERIFY2(event.has_value(), qPrintable(u"events.jsonl line %1: %2"_s.arg(i + 1).arg(
                                            event ? QString() : event.error().message)));
            events.push_back(*std::move(event));
        }

        const ApplierRegistry registry = ApplierRegistry::withBuiltins();
        const Projector projector(registry);
        const Projector::Projection projection = projector.projectWithAudit(events);

        const QList<QByteArray> entities = entityLines(projection.entities);
        QList<QByteArray> anomalies;
        for (const Anomaly &anomaly : projection.anomalies) {
            anomalies.append(canonical({{u"eventGuid"_s, anomaly.eventGuid},
                                        {u"entityGuid"_s, anomaly.entityGuid},
                                        {u"kind"_s, anomalyKindName(anomaly.kind)}}));
        }
        const QStringList historyFiles =
            dir.entryList({u"expected-history-*.jsonl"_s}, QDir::Files, QDir::Name);

        if (qEnvironmentVariableIntValue("FIELDLEDGER_UPDATE_GOLDEN") == 1) {
            QVERIFY(writeLines(dir.filePath(u"expected-entities.jsonl"_s), entities));
            QVERIFY(writeLines(dir.filePath(u"expected-anomalies.jsonl"_s), anomalies));
        }

        compareLines(entities, readLines(dir.filePath(u"expected-entities.jsonl"_s)),
                     u"expected-entities.jsonl"_s);
        compareLines(anomalies, readLines(dir.filePath(u"expected-anomalies.jsonl"_s)),
                     u"expected-anomalies.jsonl"_s);

        for (const QString &file : historyFiles) {
            const QString guid =
                file.mid(QStringView(u"expected-history-").size()).chopped(QStringView(u".jsonl").size());
            QList<QByteArray> trail;
            const auto found = projection.auditTrails.find(guid);
            if (found != projection.auditTrails.end()) {
                for (const QJsonValue &entry : found->second)
                    trail.append(canonical(entry.toObject()));
            }
            if (qEnvironmentVariableIntValue("FIELDLEDGER_UPDATE_GOLDEN") == 1)
                QVERIFY(writeLines(dir.filePath(file), trail));
            QVERIFY2(!trail.isEmpty(), qPrintable(guid + u" has no audit trail"_s));
            compareLines(trail, readLines(dir.filePath(file)), file);
        }

        // The same state whatever order the events arrive in.
        std::vector<Event> reordered = events;
        std::reverse(reordered.begin(), reordered.end());
        compareLines(entityLines(projector.project(reordered)), entities, u"reversed input"_s);
        std::mt19937_64 rng(20261126);
        for (int round = 0; round < 20; ++round) {
            std::shuffle(reordered.begin(), reordered.end(), rng);
            compareLines(entityLines(projector.project(reordered)), entities, u"shuffled input"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
