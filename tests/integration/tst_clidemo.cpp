// fieldledger-cli demo, driven as a script drives it: a new registry filled with generated
// households that the other commands read, verify and count; never over an existing registry.
#include "clirunner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::testing;

class TestCliDemo final : public QObject {
    Q_OBJECT

private slots:
    void demo_createsARegistryOfHouseholds()
    {
        QTemporaryDir dir;
        Cli cli(dir.filePath(u"demo.fieldledger"_s));
        const CliResult demo = cli.run({u"demo"_s, u"--households"_s, u"60"_s, u"--seed"_s, u"7"_s});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        QCOMPARE(demo.lines().size(), 1);
        const QJsonObject report = demo.json();
        QCOMPARE(report.value(u"households"_s).toInt(), 60);
        const int individuals = report.value(u"individuals"_s).toInt();
        const int events = report.value(u"events"_s).toInt();
        QVERIFY(individuals >= 60);
        QVERIFY(events > 60); // registrations and follow-up visits
        QCOMPARE(report.value(u"anomalies"_s).toInt(), 0);
        QCOMPARE(report.value(u"user"_s).toString(), u"admin"_s);
        QVERIFY(!report.value(u"recoveryKey"_s).toString().isEmpty());

        // The other commands see a living registry.
        const CliResult stats = cli.run({u"stats"_s});
        QCOMPARE(stats.exitCode, 0);
        QCOMPARE(stats.json().value(u"totalEvents"_s).toInt(), events);
        QCOMPARE(stats.json().value(u"anomalies"_s).toInt(), 0);
        const QJsonObject types = stats.json().value(u"eventTypeDistribution"_s).toObject();
        QCOMPARE(types.value(u"create-group"_s).toInt(), 60);

        const CliResult entities = cli.run({u"entities"_s, u"--include-deleted"_s});
        QCOMPARE(entities.exitCode, 0);
        int groups = 0;
        int people = 0;
        bool accented = false;
        for (const QByteArray &line : entities.lines()) {
            const QJsonObject entity = QJsonDocument::fromJson(line).object();
            (entity.value(u"type"_s).toString() == u"group" ? groups : people) += 1;
            const QString name = entity.value(u"data"_s).toObject().value(u"name"_s).toString();
            accented = accented || name != QString::fromLatin1(name.toLatin1()) || name.contains(u'é') ||
                       name.contains(u'ï');
        }
        QCOMPARE(groups, 60);
        QCOMPARE(people, individuals);
        QVERIFY(accented);

        const CliResult verify = cli.run({u"verify"_s});
        QCOMPARE(verify.exitCode, 0);
        QCOMPARE(verify.json().value(u"ok"_s).toBool(), true);
        QCOMPARE(verify.json().value(u"size"_s).toInt(), events);
    }

    void demo_neverTouchesAnExistingRegistry()
    {
        QTemporaryDir dir;
        Cli cli(dir.filePath(u"registry.fieldledger"_s));
        QCOMPARE(cli.run({u"init"_s}).exitCode, 0);
        const auto before = folderHashes(dir.path());
        const CliResult demo = cli.run({u"demo"_s, u"--households"_s, u"5"_s});
        QCOMPARE(demo.exitCode, 2);
        QVERIFY(demo.out.isEmpty());
        QVERIFY(demo.err.contains("already exists"));
        QCOMPARE(folderHashes(dir.path()), before);
    }

    void demo_badArguments_areUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no count") << QStringList{u"demo"_s};
        QTest::newRow("count missing its value") << QStringList{u"demo"_s, u"--households"_s};
        QTest::newRow("negative count") << QStringList{u"demo"_s, u"--households"_s, u"-3"_s};
        QTest::newRow("not a number") << QStringList{u"demo"_s, u"--households"_s, u"many"_s};
        QTest::newRow("bad seed") << QStringList{u"demo"_s, u"--households"_s, u"3"_s, u"--seed"_s, u"x"_s};
        QTest::newRow("unknown option") << QStringList{u"demo"_s, u"--households"_s, u"3"_s, u"--fast"_s};
    }

    void demo_badArguments_areUsageErrors()
    {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        Cli cli(dir.filePath(u"demo.fieldledger"_s));
        const CliResult result = cli.run(args);
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.isEmpty());
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty()); // nothing created
    }
};

QTEST_GUILESS_MAIN(TestCliDemo)
#include "tst_clidemo.moc"
