// AuditTrailModel and AuditTrailView over real registries: the golden folders' known histories
// row by row (old → new values, members by name, late marks), filters through core::AuditFilter,
// copying rows, and following new events without resets.
#include "core/domain/auditfilter.h"
#include "core/events/canonicaljson.h"
#include "core/goldenledgerfixture.h"
#include "ui/supervision/audittrailmodel.h"
#include "ui/supervision/audittrailview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using ui::AuditTrailFilterModel;
using ui::AuditTrailModel;
using ui::AuditTrailView;

namespace {

QJsonObject member(const QString &guid, const QString &name)
{
    return QJsonObject{{u"guid"_s, guid}, {u"name"_s, name}};
}

core::AuditFilter byUser(const QString &userId)
{
    core::AuditFilter filter;
    filter.userId = userId;
    return filter;
}

QStringList eventGuids(const QAbstractItemModel &model)
{
    QStringList guids;
    for (int row = 0; row < model.rowCount(); ++row)
        guids.append(model.index(row, 0).data(AuditTrailModel::EventGuidRole).toString());
    return guids;
}

// The change rows of an event row as "field|old|new" (absent sides empty).
QStringList changes(const QAbstractItemModel &model, int row)
{
    const QModelIndex event = model.index(row, 0);
    QStringList lines;
    for (int child = 0; child < model.rowCount(event); ++child) {
        const QModelIndex change = model.index(child, 0, event);
        const auto kind = AuditTrailModel::ChangeKind(change.data(AuditTrailModel::ChangeKindRole).toInt());
        if (kind != AuditTrailModel::ChangeKind::Field) {
            const QString guid = change.data(AuditTrailModel::MemberGuidRole).toString();
            const bool added = kind == AuditTrailModel::ChangeKind::MemberAdded;
            lines.append(u"memberIds|"_s + (added ? QString() : guid) + u'|' + (added ? guid : QString()));
            continue;
        }
        lines.append(change.data(AuditTrailModel::FieldRole).toString() + u'|' +
                     change.data(AuditTrailModel::OldValueRole).toString() + u'|' +
                     change.data(AuditTrailModel::NewValueRole).toString());
    }
    return lines;
}

// What an expected-history line says the change rows are, the same way: membership first (added,
// then removed, member guids), then fields in key order.
QStringList expectedChanges(const QJsonObject &entry)
{
    QStringList lines;
    const QJsonObject changes = entry.value(u"changes"_s).toObject();
    const QJsonObject members = changes.value(u"memberIds"_s).toObject();
    for (const QJsonValue &guid : members.value(u"added"_s).toArray())
        lines.append(u"memberIds||"_s + guid.toString());
    for (const QJsonValue &guid : members.value(u"removed"_s).toArray())
        lines.append(u"memberIds|"_s + guid.toString() + u'|');
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.key() == u"memberIds")
            continue;
        const QJsonObject sides = it.value().toObject();
        lines.append(it.key() + u'|' + core::auditValueText(sides.value(u"old"_s)) + u'|' +
                     core::auditValueText(sides.value(u"new"_s)));
    }
    return lines;
}

} // namespace

class TestAuditTrail : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void golden_rowsMatchTheKnownHistory_data();
    void golden_rowsMatchTheKnownHistory();
    void lateEvents_markedLateWithTheOriginalOffsetInTheTooltip();
    void members_shownByName();
    void fieldChange_readsOldArrowNew();
    void modelTester_passesWhileEventsArrive();
    void newEvent_insertsOneRowWithoutReset();
    void lateEvent_insertedWhereItHappenedAndNeighbourUpdated();
    void otherEntity_changesNothing();
    void memberRenamed_rowsNamingHimUpdated();
    void replay_resetsTheModel();
    void view_filtersByUserTypeDateAndSearch();
    void view_filterCombosOfferWhatTheTrailHolds();
    void view_copiesSelectedRowsWithTabs();
    void view_selectEvent_clearsAFilterThatHidesIt();
    void view_grab();
};

void TestAuditTrail::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAuditTrail::golden_rowsMatchTheKnownHistory_data()
{
    QTest::addColumn<QString>("folder");
    for (const QString &folder : goldenCases())
        QTest::newRow(qPrintable(folder)) << folder;
}

void TestAuditTrail::golden_rowsMatchTheKnownHistory()
{
    QFETCH(QString, folder);
    GoldenLedgerFixture fixture;
    fixture.importGolden(folder);
    // Every entity whose history the folder knows (expected-history-<guid>.jsonl).
    const QStringList files =
        QDir(goldenFolder(folder)).entryList({u"expected-history-*.jsonl"_s}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString entity = file.mid(qsizetype(std::strlen("expected-history-"))).chopped(6);
        AuditTrailModel model(fixture.ledger(), entity);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QList<QByteArray> expected = jsonLines(goldenFolder(folder) + u'/' + file);
        QCOMPARE(model.rowCount(), int(expected.size()));
        for (int row = 0; row < model.rowCount(); ++row) {
            const QJsonObject entry = QJsonDocument::fromJson(expected[row]).object();
            const QModelIndex index = model.index(row, 0);
            QCOMPARE(index.data(AuditTrailModel::EventGuidRole).toString(),
                     entry.value(u"eventGuid"_s).toString());
            QCOMPARE(index.data(AuditTrailModel::SeqRole).toLongLong(), entry.value(u"seq"_s).toInteger());
            QCOMPARE(index.data(AuditTrailModel::TimestampRole).toString(),
                     entry.value(u"timestamp"_s).toString());
            QCOMPARE(index.data(AuditTrailModel::UserIdRole).toString(), entry.value(u"userId"_s).toString());
            QCOMPARE(index.data(AuditTrailModel::EventTypeRole).toString(),
                     entry.value(u"type"_s).toString());
            QCOMPARE(model.index(row, AuditTrailModel::Reason).data().toString(),
                     entry.value(u"reason"_s).toString());
            QCOMPARE(changes(model, row), expectedChanges(entry));
        }
    }
}

void TestAuditTrail::lateEvents_markedLateWithTheOriginalOffsetInTheTooltip()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"late-events"_s);
    // ev-0 (received last, happened first) and ev-d (received after ev-f, happened before it).
    AuditTrailModel trail(fixture.ledger(), u"hh-1"_s);
    QCOMPARE(eventGuids(trail), (QStringList{u"ev-0"_s, u"ev-c"_s, u"ev-d"_s, u"ev-f"_s}));
    const QList<bool> late{true, false, true, false};
    for (int row = 0; row < trail.rowCount(); ++row) {
        QCOMPARE(trail.index(row, 0).data(AuditTrailModel::LateRole).toBool(), late[row]);
        const QModelIndex mark = trail.index(row, AuditTrailModel::Late);
        QCOMPARE(mark.data().toString().isEmpty(), !late[row]);
        QCOMPARE(mark.data(Qt::DecorationRole).isValid(), late[row]);
    }
    // p-1's ev-e was written at +02:00: local time on screen, the original in the tooltip.
    AuditTrailModel person(fixture.ledger(), u"p-1"_s);
    const int row = person.rowOfEvent(u"ev-e"_s);
    QVERIFY(row >= 0);
    const QModelIndex when = person.index(row, AuditTrailModel::When);
    QVERIFY(when.data(Qt::ToolTipRole).toString().contains(u"2026-11-26T12:15:00.000+02:00"_s));
    QVERIFY(when.data(Qt::ToolTipRole).toString().contains(u"UTC+02:00"_s));
    QCOMPARE(when.data(AuditTrailModel::InstantRole).toDateTime(),
             QDateTime(QDate(2026, 11, 26), QTime(10, 15), QTimeZone::utc()));
    const QDateTime local = QDateTime(QDate(2026, 11, 26), QTime(10, 15), QTimeZone::utc()).toLocalTime();
    QVERIFY(when.data().toString().endsWith(local.toString(u"HH:mm:ss"_s)));
}

void TestAuditTrail::members_shownByName()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    AuditTrailModel trail(fixture.ledger(), u"hh-1"_s);
    const QModelIndex created = trail.index(0, 0);
    QCOMPARE(trail.rowCount(created), 4); // p-1, p-2 added; name, village
    QCOMPARE(trail.index(0, 0, created).data().toString(), u"added: Ana"_s);
    QCOMPARE(trail.index(1, 0, created).data().toString(), u"added: Ben"_s);
    QCOMPARE(trail.index(0, 0, created).data(AuditTrailModel::MemberGuidRole).toString(), u"p-1"_s);
    QCOMPARE(trail.index(0, 0, created).data(AuditTrailModel::ChangeKindRole).toInt(),
             int(AuditTrailModel::ChangeKind::MemberAdded));
    // Removed members too (late-events: Ben leaves hh-1 when he is deleted).
    GoldenLedgerFixture late;
    late.importGolden(u"late-events"_s);
    AuditTrailModel hh1(late.ledger(), u"hh-1"_s);
    const QModelIndex deleted = hh1.index(hh1.rowOfEvent(u"ev-f"_s), 0);
    QCOMPARE(hh1.index(0, 0, deleted).data().toString(), u"removed: Ben"_s);
    QCOMPARE(hh1.index(0, 0, deleted).data(AuditTrailModel::OldValueRole).toString(), u"Ben"_s);
    QCOMPARE(hh1.index(deleted.row(), AuditTrailModel::Reason).data().toString(), u"moved away"_s);
}

void TestAuditTrail::fieldChange_readsOldArrowNew()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    AuditTrailModel trail(fixture.ledger(), u"hh-1"_s);
    const QModelIndex update = trail.index(trail.rowOfEvent(u"ev-04"_s), 0);
    QCOMPARE(trail.rowCount(update), 2);
    QCOMPARE(trail.index(0, 0, update).data().toString(), u"roof: (not set) → (empty)"_s);
    QCOMPARE(trail.index(1, 0, update).data().toString(), u"village: Kalo → Tamu"_s);
    QVERIFY(!trail.index(0, 0, update).data(AuditTrailModel::OldValueRole).isValid());
    QCOMPARE(trail.index(0, 0, update).data(AuditTrailModel::NewValueRole).toString(), u"null"_s);
    QCOMPARE(trail.index(update.row(), AuditTrailModel::Type).data().toString(), u"Update household"_s);
    // Change rows say everything in their first column.
    QVERIFY(trail.index(1, AuditTrailModel::User, update).data().toString().isEmpty());
}

void TestAuditTrail::modelTester_passesWhileEventsArrive()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"late-events"_s);
    AuditTrailModel trail(fixture.ledger(), u"hh-1"_s);
    AuditTrailFilterModel filtered;
    filtered.setSourceModel(&trail);
    QAbstractItemModelTester tester(&trail, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filtered, QAbstractItemModelTester::FailureReportingMode::QtTest);
    filtered.setFilter(byUser(u"enumerator-2"_s));
    fixture.submit(command(u"update-group"_s, u"hh-1"_s, {{u"name"_s, u"H1 renamed"_s}}));
    fixture.submit(
        command(u"add-member"_s, u"hh-1"_s, {{u"members"_s, QJsonArray{member(u"p-9"_s, u"Dee"_s)}}}));
    // A late one, in the middle.
    fixture.submit(
        command(u"update-group"_s, u"hh-1"_s, {{u"phone"_s, u"7"_s}}, u"2026-11-26T10:20:00.000Z"_s));
    filtered.setFilter({});
    fixture.submit(
        command(u"remove-member"_s, u"hh-1"_s, {{u"memberId"_s, u"p-9"_s}, {u"reason"_s, u"left"_s}}));
    QCOMPARE(trail.rowCount(), 8);
    QCOMPARE(filtered.rowCount(), 8);
}

void TestAuditTrail::newEvent_insertsOneRowWithoutReset()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    AuditTrailModel trail(fixture.ledger(), u"hh-1"_s);
    QSignalSpy inserted(&trail, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&trail, &QAbstractItemModel::modelReset);
    const int before = trail.rowCount();
    const core::Event event =
        fixture.submit(command(u"update-group"_s, u"hh-1"_s, {{u"village"_s, u"Kalo"_s}}));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QVERIFY(!inserted.first().at(0).value<QModelIndex>().isValid());
    QCOMPARE(inserted.first().at(1).toInt(), before);
    QCOMPARE(trail.rowCount(), before + 1);
    QCOMPARE(trail.index(before, 0).data(AuditTrailModel::EventGuidRole).toString(), event.guid);
    QCOMPARE(changes(trail, before), QStringList{u"village|Tamu|Kalo"_s});
    QCOMPARE(trail.index(before, AuditTrailModel::User).data().toString(), u"admin"_s);
}

void TestAuditTrail::lateEvent_insertedWhereItHappenedAndNeighbourUpdated()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    AuditTrailModel trail(fixture.ledger(), u"hh-1"_s);
    QSignalSpy inserted(&trail, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&trail, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&trail, &QAbstractItemModel::modelReset);
    // Happened at 09:50, between ev-03 (09:40) and ev-04 (10:00, village Kalo → Tamu): after it,
    // ev-04's change reads Lisu → Tamu.
    const core::Event late = fixture.submit(
        command(u"update-group"_s, u"hh-1"_s, {{u"village"_s, u"Lisu"_s}}, u"2026-11-26T09:50:00.000Z"_s));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    QCOMPARE(eventGuids(trail), (QStringList{u"ev-01"_s, u"ev-03"_s, late.guid, u"ev-04"_s}));
    QVERIFY(trail.index(2, 0).data(AuditTrailModel::LateRole).toBool());
    QCOMPARE(changes(trail, 2), QStringList{u"village|Kalo|Lisu"_s});
    QCOMPARE(changes(trail, 3), (QStringList{u"roof||null"_s, u"village|Lisu|Tamu"_s}));
    QVERIFY(!changed.isEmpty());
}

void TestAuditTrail::otherEntity_changesNothing()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    AuditTrailModel trail(fixture.ledger(), u"hh-1"_s);
    QSignalSpy inserted(&trail, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&trail, &QAbstractItemModel::modelReset);
    fixture.submit(command(u"create-group"_s, u"hh-2"_s, {{u"name"_s, u"Other"_s}}));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(trail.rowCount(), 3);
}

void TestAuditTrail::memberRenamed_rowsNamingHimUpdated()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    AuditTrailModel trail(fixture.ledger(), u"hh-1"_s);
    QSignalSpy changed(&trail, &QAbstractItemModel::dataChanged);
    fixture.submit(command(u"update-individual"_s, u"p-3"_s, {{u"name"_s, u"Cleopatra"_s}}));
    const QModelIndex birth = trail.index(trail.rowOfEvent(u"ev-03"_s), 0);
    QCOMPARE(trail.index(0, 0, birth).data().toString(), u"added: Cleopatra"_s);
    QVERIFY(std::ranges::any_of(changed, [&](const QList<QVariant> &arguments) {
        return arguments.at(0).value<QModelIndex>().parent() == birth;
    }));
}

void TestAuditTrail::replay_resetsTheModel()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    AuditTrailModel trail(fixture.ledger(), u"hh-1"_s);
    QSignalSpy reset(&trail, &QAbstractItemModel::modelReset);
    FL_VERIFY_OK(fixture.ledger().replay());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(trail.rowCount(), 3);
}

void TestAuditTrail::view_filtersByUserTypeDateAndSearch()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"late-events"_s);
    AuditTrailView view(fixture.ledger(), u"hh-1"_s);
    const QAbstractItemModel &shown = *view.filterModel();
    QCOMPARE(shown.rowCount(), 4);

    auto *user = view.findChild<QComboBox *>(u"userFilter"_s);
    user->setCurrentIndex(user->findData(u"enumerator-2"_s));
    QCOMPARE(eventGuids(shown), (QStringList{u"ev-0"_s, u"ev-d"_s}));
    auto *type = view.findChild<QComboBox *>(u"typeFilter"_s);
    type->setCurrentIndex(type->findData(u"add-member"_s));
    QCOMPARE(eventGuids(shown), QStringList{u"ev-d"_s});
    user->setCurrentIndex(0);
    type->setCurrentIndex(0);
    QCOMPARE(shown.rowCount(), 4);

    // Search in values, members by name ("Ben" joined in ev-d and left in ev-f).
    QTest::keyClicks(view.findChild<QLineEdit *>(u"search"_s), u"ben"_s);
    QCOMPARE(eventGuids(shown), (QStringList{u"ev-d"_s, u"ev-f"_s}));
    view.findChild<QLineEdit *>(u"search"_s)->setText(u"early"_s);
    QCOMPARE(eventGuids(shown), (QStringList{u"ev-0"_s, u"ev-c"_s})); // "H1 early" new, then old
    view.findChild<QLineEdit *>(u"search"_s)->clear();

    // Date range: a day with none of them, then the day of all of them (local days).
    core::AuditFilter range;
    range.fromNs = QDate(2026, 11, 27).startOfDay().toMSecsSinceEpoch() * 1'000'000;
    view.setFilter(range);
    QCOMPARE(shown.rowCount(), 0);
    const QDate day = QDateTime(QDate(2026, 11, 26), QTime(10, 15), QTimeZone::utc()).toLocalTime().date();
    range.fromNs = day.startOfDay().toMSecsSinceEpoch() * 1'000'000;
    range.toNs = day.addDays(1).startOfDay().toMSecsSinceEpoch() * 1'000'000;
    view.setFilter(range);
    QCOMPARE(view.filter(), range);
    QCOMPARE(shown.rowCount(), 4);
    // Shown events keep all their changes.
    QCOMPARE(shown.rowCount(shown.index(1, 0)), 2);
}

void TestAuditTrail::view_filterCombosOfferWhatTheTrailHolds()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"late-events"_s);
    AuditTrailView view(fixture.ledger(), u"hh-1"_s);
    auto *user = view.findChild<QComboBox *>(u"userFilter"_s);
    auto *type = view.findChild<QComboBox *>(u"typeFilter"_s);
    QCOMPARE(user->count(), 4); // all, enumerator-1, enumerator-2, supervisor-1
    QCOMPARE(type->count(), 5); // all, add-member, create-group, delete-entity, update-group
    // Follows new events: a new user and type appear, the current choice stays.
    user->setCurrentIndex(user->findData(u"enumerator-1"_s));
    fixture.submit(
        command(u"remove-member"_s, u"hh-1"_s, {{u"memberId"_s, u"p-1"_s}, {u"reason"_s, u"migrated"_s}}));
    QCOMPARE(user->count(), 5);
    QCOMPARE(type->count(), 6);
    QCOMPARE(user->currentData().toString(), u"enumerator-1"_s);
    QCOMPARE(view.filterModel()->rowCount(), 1);
}

void TestAuditTrail::view_copiesSelectedRowsWithTabs()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    AuditTrailView view(fixture.ledger(), u"hh-1"_s);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTreeView *tree = view.treeView();
    QVERIFY(view.selectEvent(u"ev-04"_s));
    tree->setFocus();
    QApplication::clipboard()->clear();
    QTest::keySequence(tree, QKeySequence::Copy);
    const QString copied = QApplication::clipboard()->text();
    const QStringList cells = copied.split(u'\t');
    QCOMPARE(cells.size(), 5);
    QCOMPARE(cells[1], u"supervisor-1"_s);
    QCOMPARE(cells[2], u"Update household"_s);
    QCOMPARE(view.currentEventGuid(), u"ev-04"_s);

    // An event and one of its changes.
    const QModelIndex event = tree->currentIndex();
    const QModelIndex change = view.filterModel()->index(1, 0, event);
    tree->selectionModel()->select(change, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::keySequence(tree, QKeySequence::Copy);
    const QStringList lines = QApplication::clipboard()->text().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], copied);
    QCOMPARE(lines[1], u"village\tKalo\tTamu"_s);
}

void TestAuditTrail::view_selectEvent_clearsAFilterThatHidesIt()
{
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"basic-household"_s);
    AuditTrailView view(fixture.ledger(), u"hh-1"_s);
    QSignalSpy current(&view, &AuditTrailView::currentEventChanged);
    view.setFilter(byUser(u"enumerator-1"_s));
    QCOMPARE(view.filterModel()->rowCount(), 2);
    QVERIFY(view.selectEvent(u"ev-04"_s));
    QCOMPARE(view.filterModel()->rowCount(), 3);
    QCOMPARE(view.currentEventGuid(), u"ev-04"_s);
    QCOMPARE(current.last().at(0).toString(), u"ev-04"_s);
    QVERIFY(!view.selectEvent(u"ev-02"_s)); // p-1's, not hh-1's
}

void TestAuditTrail::view_grab()
{
    // With FIELDLEDGER_SCREENSHOTS=<dir>: the view as a supervisor sees it, to look at.
    const QString dir = qEnvironmentVariable("FIELDLEDGER_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set FIELDLEDGER_SCREENSHOTS to a folder to save screenshots");
    GoldenLedgerFixture fixture;
    fixture.importGolden(u"late-events"_s);
    fixture.submit(
        command(u"update-group"_s, u"hh-1"_s, {{u"village"_s, u"Kalo"_s}, {u"phone"_s, u"555-0199"_s}}));
    core::Command correction = command(u"update-group"_s, u"hh-1"_s, {{u"name"_s, u"Mensah household"_s}});
    correction.context = QJsonObject{{u"reason"_s, u"name misspelt at registration"_s}};
    fixture.submit(correction);
    AuditTrailView view(fixture.ledger(), u"hh-1"_s);
    view.resize(1000, 560);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.selectEvent(u"ev-d"_s);
    QCoreApplication::processEvents(); // pending layouts
    QVERIFY(view.grab().save(dir + u"/audittrail.png"_s));
}

QTEST_MAIN(TestAuditTrail)
#include "tst_audittrail.moc"
