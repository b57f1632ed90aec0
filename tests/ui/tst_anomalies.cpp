// AnomaliesModel and AnomaliesView over the anomalies golden folder: every anomaly core recorded,
// with its event and entity, following new ones without a reset, and Enter / double click asking
// for the record's audit trail.
#include "core/goldenledgerfixture.h"
#include "core/historygenerator.h"
#include "ui/supervision/anomaliesmodel.h"
#include "ui/supervision/anomaliesview.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using ui::AnomaliesModel;
using ui::AnomaliesView;

namespace {

QStringList rows(const AnomaliesModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        lines.append(index.data(AnomaliesModel::EventGuidRole).toString() + u' ' +
                     index.data(AnomaliesModel::EntityGuidRole).toString() + u' ' +
                     index.data(AnomaliesModel::KindRole).toString());
    }
    return lines;
}

} // namespace

class TestAnomalies : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void golden_everyAnomalyWithItsEventAndEntity();
    void cells_readAsAPersonWould();
    void modelTester_andNewAnomaly_insertedWithoutReset();
    void lateEvent_removesTheAnomalyItExplains();
    void enumerator_cannotReadTheList();
    void view_enterAndDoubleClick_showEntity();
    void grab();
};

void TestAnomalies::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAnomalies::golden_everyAnomalyWithItsEventAndEntity()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"anomalies"_s);
    AnomaliesModel model(fixture.ledger());
    QStringList expected;
    for (const QByteArray &line : jsonLines(goldenFolder(u"anomalies"_s) + u"/expected-anomalies.jsonl"_s)) {
        const QJsonObject anomaly = QJsonDocument::fromJson(line).object();
        expected.append(anomaly.value(u"eventGuid"_s).toString() + u' ' +
                        anomaly.value(u"entityGuid"_s).toString() + u' ' +
                        anomaly.value(u"kind"_s).toString());
    }
    QCOMPARE(rows(model), expected);
    // Each with its event.
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(model.index(row, 0).data(AnomaliesModel::InstantRole).toDateTime().isValid());
        QVERIFY(!model.index(row, 0).data(AnomaliesModel::EventTypeRole).toString().isEmpty());
    }
}

void TestAnomalies::cells_readAsAPersonWould()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"anomalies"_s);
    AnomaliesModel model(fixture.ledger());
    // ev-02: an individual event on household H1, at 09:31.
    const int row = 1;
    QCOMPARE(model.index(row, AnomaliesModel::Kind).data().toString(), u"Type mismatch"_s);
    QCOMPARE(model.index(row, AnomaliesModel::Entity).data().toString(), u"H1"_s);
    QCOMPARE(model.index(row, AnomaliesModel::Entity).data(Qt::ToolTipRole).toString(), u"hh-1"_s);
    QCOMPARE(model.index(row, AnomaliesModel::Event).data().toString(), u"Update person"_s);
    QVERIFY(
        model.index(row, AnomaliesModel::Event).data(Qt::ToolTipRole).toString().contains(u"enumerator-1"_s));
    QVERIFY(!model.index(row, AnomaliesModel::Message).data().toString().isEmpty());
    QCOMPARE(model.index(row, 0).data(AnomaliesModel::InstantRole).toDateTime(),
             QDateTime(QDate(2026, 11, 26), QTime(9, 31), QTimeZone::utc()));
    // An entity that never existed keeps its id.
    QCOMPARE(model.index(3, AnomaliesModel::Entity).data().toString(), u"ghost-1"_s);
    QCOMPARE(model.headerData(AnomaliesModel::Kind, Qt::Horizontal).toString(), u"Anomaly"_s);
}

void TestAnomalies::modelTester_andNewAnomaly_insertedWithoutReset()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"anomalies"_s);
    AnomaliesModel model(fixture.ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const int before = model.rowCount();
    // A transfer of someone who is not in hh-3: not-a-member, recorded now (the latest event).
    const core::Event event =
        makeEvent(u"ev-late-sync"_s, u"hh-3"_s, u"transfer-member"_s,
                  {{u"memberId"_s, u"p-42"_s}, {u"toGroupGuid"_s, u"hh-1"_s}}, u"2026-11-26T12:00:00.000Z"_s);
    fixture.import(event);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), before);
    QCOMPARE(model.rowCount(), before + 1);
    QCOMPARE(model.index(before, 0).data(AnomaliesModel::EventGuidRole).toString(), event.guid);
    QCOMPARE(model.index(before, 0).data(AnomaliesModel::KindRole).toString(), u"not-a-member"_s);
    // An event without anomaly changes no row.
    fixture.submit(command(u"update-group"_s, u"hh-1"_s, {{u"name"_s, u"H1 again"_s}}));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), before + 1);
    QCOMPARE(reset.count(), 0);
}

void TestAnomalies::lateEvent_removesTheAnomalyItExplains()
{
    GoldenLedgerFixture fixture;
    fixture.submit(
        command(u"create-group"_s, u"hh-1"_s, {{u"name"_s, u"H1"_s}}, u"2026-11-26T09:00:00.000Z"_s));
    fixture.submit(
        command(u"create-individual"_s, u"p-1"_s, {{u"name"_s, u"Ana"_s}}, u"2026-11-26T09:00:00.000Z"_s));
    // Ana is moved out of hh-1 at 11:00, but she is not in it: not-a-member.
    fixture.import(makeEvent(u"ev-transfer"_s, u"hh-1"_s, u"transfer-member"_s,
                             {{u"memberId"_s, u"p-1"_s}, {u"toGroupGuid"_s, u"hh-2"_s}},
                             u"2026-11-26T11:00:00.000Z"_s));
    AnomaliesModel model(fixture.ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(rows(model).size(), 1);
    QVERIFY(rows(model).first().endsWith(u"hh-1 not-a-member"_s));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    // The visit that added her at 10:00 is synced late: the transfer now applies as intended.
    fixture.submit(command(u"add-member"_s, u"hh-1"_s,
                           {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"p-1"_s}}}}},
                           u"2026-11-26T10:00:00.000Z"_s));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(reset.count(), 0);
}

void TestAnomalies::enumerator_cannotReadTheList()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"anomalies"_s);
    core::User enumerator;
    enumerator.id = u"enum-1"_s;
    enumerator.displayName = u"Enumerator"_s;
    enumerator.role = core::Role::Enumerator;
    FL_VERIFY_OK(fixture.registry().addUser(enumerator, secret("enumerator passphrase")));
    fixture.reopenAs(u"enum-1"_s, "enumerator passphrase");
    AnomaliesView view(fixture.ledger());
    QCOMPARE(view.model()->rowCount(), 0);
    QVERIFY(!view.model()->errorText().isEmpty());
    QVERIFY(view.findChild<QLabel *>(u"error"_s)->isVisibleTo(&view));
}

void TestAnomalies::view_enterAndDoubleClick_showEntity()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"anomalies"_s);
    AnomaliesView view(fixture.ledger());
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy show(&view, &AnomaliesView::showEntity);
    QTableView *table = view.tableView();
    table->setFocus();
    table->setCurrentIndex(view.model()->index(4, 0)); // ev-05 on hh-1
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(show.count(), 1);
    QCOMPARE(show.first().at(0).toString(), u"hh-1"_s);
    QCOMPARE(show.first().at(1).toString(), u"ev-05"_s);

    const QModelIndex hh2 = view.model()->index(7, AnomaliesModel::Message); // ev-10 on hh-2
    const QPoint centre = table->visualRect(hh2).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(show.last().at(0).toString(), u"hh-2"_s);
    QCOMPARE(show.last().at(1).toString(), u"ev-10"_s);
    QVERIFY(view.findChild<QLabel *>(u"count"_s)->text().startsWith(u"8 anomal"_s));
}

void TestAnomalies::grab()
{
    const QString dir = qEnvironmentVariable("FIELDLEDGER_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set FIELDLEDGER_SCREENSHOTS to a folder to save screenshots");
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"anomalies"_s);
    AnomaliesView view(fixture.ledger());
    view.resize(1000, 360);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents(); // pending layouts
    QVERIFY(view.grab().save(dir + u"/anomalies.png"_s));
}

QTEST_MAIN(TestAnomalies)
#include "tst_anomalies.moc"
