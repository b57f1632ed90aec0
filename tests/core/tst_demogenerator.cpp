// The demo generator: its commands are accepted without anomalies, counted right, valid for
// the default forms (choices, constraints, exact data shape), deterministic, spread over the
// weeks before now, and cancellable between batches.
#include "core/domain/demogenerator.h"
#include "core/events/timestamp.h"
#include "core/forms/formstate.h"
#include "core/storage/householdindex.h"
#include "core/storage/householdquery.h"
#include "ledgerfixture.h"

#include <QJsonDocument>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using core::Command;
using core::DemoGenerator;
using core::DemoOptions;
using core::ErrorCode;

namespace {

const QString defaultFormsDir = QStringLiteral(FIELDLEDGER_TEST_DATA "/../../resources/forms");
const QDateTime kNow(QDate(2026, 11, 26), QTime(12, 0), QTimeZone::utc());

std::vector<Command> allCommands(const DemoOptions &options)
{
    DemoGenerator generator(options, kNow);
    std::vector<Command> commands;
    while (!generator.atEnd()) {
        std::vector<Command> batch = generator.nextBatch(options.householdsPerBatch);
        commands.insert(commands.end(), batch.begin(), batch.end());
    }
    return commands;
}

QByteArray fingerprint(const std::vector<Command> &commands)
{
    QByteArray bytes;
    for (const Command &c : commands) {
        bytes += c.guid.toUtf8() + ' ' + c.type.toUtf8() + ' ' + c.entityGuid.toUtf8() + ' ' +
                 c.timestamp.toUtf8() + ' ' + QJsonDocument(c.data).toJson(QJsonDocument::Compact) + '\n';
    }
    return bytes;
}

} // namespace

class TestDemoGenerator final : public QObject {
    Q_OBJECT

private slots:
    void populate_acceptsEveryEventWithoutAnomalies_andCountsMatch()
    {
        LedgerFixture f;
        FL_VERIFY_OK(core::HouseholdIndex::install(f.ledger()));
        f.clock().set(kNow);
        const DemoOptions options{300, 3, 8, 70};
        quint64 lastDone = 0;
        int calls = 0;
        auto report =
            DemoGenerator::populate(f.ledger(), f.clock(), options, [&](quint64 done, quint64 total) {
                ++calls;
                lastDone = done;
                return total == 300;
            });
        FL_VERIFY_OK(report);
        QCOMPARE(report->households, 300);
        QCOMPARE(report->anomalies, 0);
        QVERIFY(f.ledger().anomalies()->empty());
        QCOMPARE(calls, 5); // 70, 140, 210, 280, 300
        QCOMPARE(lastDone, quint64(300));
        QCOMPARE(report->events, qint64(f.ledger().log().size()));

        qint64 groups = 0;
        qint64 individuals = 0;
        FL_VERIFY_OK(f.ledger().forEachEntity(std::nullopt, true, [&](const core::Entity &entity) {
            (entity.isGroup() ? groups : individuals) += 1;
            return true;
        }));
        QCOMPARE(groups, report->households);
        QCOMPARE(individuals, report->individuals);
        QVERIFY(report->individuals >= 300 && report->individuals <= 9 * 300 + 50);

        // Every kind of follow-up happened.
        const QJsonObject types = f.ledger().stats()->value(u"eventTypeDistribution"_s).toObject();
        for (const QString &type : {u"create-group"_s, u"update-group"_s, u"update-individual"_s,
                                    u"add-member"_s, u"remove-member"_s, u"transfer-member"_s})
            QVERIFY2(types.value(type).toInt() > 0, qPrintable(type));
        QCOMPARE(types.value(u"create-group"_s).toInt(), 300);

        // The household list shows them, and finds accented names without accents.
        core::HouseholdQuery query(f.ledger());
        QCOMPARE(*query.count({}), 300);
        QVERIFY(*query.count(core::HouseholdFilter{u"diallo"_s, false}) > 0);
        QCOMPARE(report->toJson().value(u"households"_s).toInt(), 300);
    }

    void commands_areWhatTheDefaultFormsSubmit()
    {
        std::map<QString, core::FormDefinition> forms;
        auto formsLoaded = core::loadFormsFrom(defaultFormsDir);
        FL_VERIFY_OK(formsLoaded);
        for (const core::FormDefinition &form : *formsLoaded)
            forms.emplace(form.id(), form);

        int checked = 0;
        for (const Command &command : allCommands(DemoOptions{400, 11, 8, 100})) {
            if (!command.metadata) {
                QCOMPARE(command.type, u"transfer-member"_s); // no form: a dialog
                QVERIFY(command.context && !command.context->value(u"reason"_s).toString().isEmpty());
                continue;
            }
            const QString formId = command.metadata->value(u"formId"_s).toString();
            QVERIFY2(forms.contains(formId), qPrintable(formId));
            const core::FormDefinition &form = forms.at(formId);
            QCOMPARE(command.type, form.eventType());
            QCOMPARE(*command.metadata, form.metadataFor());
            const QDate today = core::Timestamp::parse(command.timestamp)->toUtcDateTime().date();
            core::FormState state(form, form.valuesFromData(command.data), today);
            const std::vector<core::FieldIssue> issues = state.validate();
            if (!issues.empty()) {
                QFAIL(qPrintable(u"%1 (%2): %3: %4\n%5"_s.arg(
                    formId, command.guid, issues.front().path, issues.front().message,
                    QString::fromUtf8(QJsonDocument(command.data).toJson()))));
            }
            // The very data the form would submit for these values.
            QCOMPARE(state.toEventData(), command.data);
            ++checked;
        }
        QVERIFY(checked > 400);
    }

    void sameSeed_sameCommands_otherSeed_otherCommands()
    {
        const QByteArray first = fingerprint(allCommands(DemoOptions{150, 42, 8, 40}));
        QCOMPARE(fingerprint(allCommands(DemoOptions{150, 42, 8, 40})), first);
        // Batching does not change what is generated.
        QCOMPARE(fingerprint(allCommands(DemoOptions{150, 42, 8, 7})), first);
        QVERIFY(fingerprint(allCommands(DemoOptions{150, 43, 8, 40})) != first);
        QVERIFY(first.contains("Aïssatou") || first.contains("Ngoné") || first.contains("José"));
    }

    void timestamps_increaseWithinTheWeeksBeforeNow()
    {
        const std::vector<Command> commands = allCommands(DemoOptions{500, 5, 6, 100});
        qint64 previous = std::numeric_limits<qint64>::min();
        const qint64 earliest = *core::Timestamp::parseInstantNs(core::formatUtcMillis(kNow.addDays(-6 * 7)));
        const qint64 now = *core::Timestamp::parseInstantNs(core::formatUtcMillis(kNow));
        for (const Command &command : commands) {
            const qint64 instant = *core::Timestamp::parseInstantNs(command.timestamp);
            QVERIFY(instant > previous);
            QVERIFY(instant >= earliest && instant < now);
            previous = instant;
        }
        // In working hours, spread out, not bunched at one end.
        for (const Command &command : commands) {
            const QTime time = core::Timestamp::parse(command.timestamp)->toUtcDateTime().time();
            QVERIFY2(time >= QTime(8, 0) && time <= QTime(18, 0), qPrintable(command.timestamp));
        }
        const qint64 first = *core::Timestamp::parseInstantNs(commands.front().timestamp);
        QVERIFY(previous - first > qint64(5) * 7 * 24 * 3600 * 1'000'000'000);
    }

    void populate_cancelled_keepsAcceptedBatchesOnly()
    {
        LedgerFixture f;
        f.clock().set(kNow);
        auto report = DemoGenerator::populate(f.ledger(), f.clock(), DemoOptions{200, 9, 8, 50},
                                              [](quint64 done, quint64) { return done < 100; });
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Cancelled);
        qint64 groups = 0;
        FL_VERIFY_OK(f.ledger().forEachEntity(std::nullopt, true, [&](const core::Entity &entity) {
            groups += entity.isGroup() ? 1 : 0;
            return true;
        }));
        QCOMPARE(groups, 100);
    }

    void populate_negativeCount_isRefused()
    {
        LedgerFixture f;
        auto report = DemoGenerator::populate(f.ledger(), f.clock(), DemoOptions{-1, 1, 8, 10});
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(f.ledger().log().size(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
