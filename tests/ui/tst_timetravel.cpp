// TimeTravelView over the late-events golden folder, whose history differs between "as it
// happened" and "as this registry recorded it": the fields and members shown at known events,
// what is highlighted as different from now, both modes, keys, and following new events.
#include "core/goldenledgerfixture.h"
#include "ui/supervision/timetravelview.h"

#include <QDateTimeEdit>
#include <QJsonArray>
#include <QLabel>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using Mode = ui::TimeTravelView::Mode;
using ui::TimeTravelView;

namespace {

// The fields table as "field=then|now", a '*' after the field when it is highlighted.
QStringList fieldRows(const TimeTravelView &view)
{
    const auto *table = view.findChild<QTableWidget *>(u"fields"_s);
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *field = table->item(row, 0);
        rows.append(field->text() + (field->data(Qt::UserRole).toBool() ? u"*"_s : QString()) + u'=' +
                    table->item(row, 1)->text() + u'|' + table->item(row, 2)->text());
    }
    return rows;
}

// The members table as "name: status" ("name" alone when nothing differs from now).
QStringList memberRows(const TimeTravelView &view)
{
    const auto *table = view.findChild<QTableWidget *>(u"members"_s);
    QStringList rows;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString status = table->item(row, 1)->text();
        rows.append(status.isEmpty() ? table->item(row, 0)->text()
                                     : table->item(row, 0)->text() + u": "_s + status);
    }
    return rows;
}

QString currentGuid(const TimeTravelView &view)
{
    const auto event = view.currentEvent();
    return event ? event->eventGuid : QString();
}

} // namespace

class TestTimeTravel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void opens_atTheLatestEvent_equalToNow();
    void asItHappened_knownEvents_fieldsAndMembersShown();
    void asItHappened_sliderMovedToAnEvent();
    void asItHappened_dateBetweenEvents_showsThatInstant();
    void asRecorded_knownSizes_whatTheRegistryShowed();
    void asRecorded_equalsTheLedgersFullReplay();
    void switchingMode_staysOnTheSameEvent();
    void modes_clearlyLabelled();
    void keys_stepAndJump();
    void newEvent_followed();
    void grab();

private:
    std::unique_ptr<GoldenLedgerFixture> m_fixture;
};

void TestTimeTravel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTimeTravel::init()
{
    m_fixture = std::make_unique<GoldenLedgerFixture>();
    m_fixture->importGolden(u"late-events"_s);
}

void TestTimeTravel::cleanup()
{
    m_fixture.reset();
}

void TestTimeTravel::opens_atTheLatestEvent_equalToNow()
{
    TimeTravelView view(m_fixture->ledger(), u"hh-1"_s);
    QCOMPARE(view.eventCount(), 4);
    QCOMPARE(view.position(), 4);
    QCOMPARE(view.mode(), Mode::AsItHappened);
    QCOMPARE(currentGuid(view), u"ev-f"_s);
    QCOMPARE(fieldRows(view), (QStringList{u"name=H1|H1"_s, u"phone=0|0"_s}));
    QCOMPARE(memberRows(view), QStringList{u"Ana L."_s});
    QVERIFY(view.changedFields().isEmpty());
    QVERIFY(view.membersJoinedSince().isEmpty());
    QVERIFY(view.membersLeftSince().isEmpty());
}

void TestTimeTravel::asItHappened_knownEvents_fieldsAndMembersShown()
{
    TimeTravelView view(m_fixture->ledger(), u"hh-1"_s);
    // After ev-0 (09:59:59.999, received last): an earlier name, no members yet.
    view.setPosition(1);
    QCOMPARE(currentGuid(view), u"ev-0"_s);
    QCOMPARE(fieldRows(view), (QStringList{u"name*=H1 early|H1"_s, u"phone=0|0"_s}));
    QCOMPARE(view.changedFields(), QStringList{u"name"_s});
    QCOMPARE(memberRows(view), QStringList{u"Ana L.: Joined since"_s});
    QCOMPARE(view.membersJoinedSince(), QStringList{u"p-1"_s});

    // After ev-c (10:00): Ana as she was then, renamed and given a phone since.
    view.setPosition(2);
    QCOMPARE(currentGuid(view), u"ev-c"_s);
    QCOMPARE(fieldRows(view), (QStringList{u"name=H1|H1"_s, u"phone=0|0"_s}));
    QCOMPARE(memberRows(view), QStringList{u"Ana: Changed since: name, phone"_s});

    // After ev-d (10:30): Ben joined; he left when he was deleted at 10:45.
    view.setPosition(3);
    QCOMPARE(currentGuid(view), u"ev-d"_s);
    QCOMPARE(memberRows(view), (QStringList{u"Ana L."_s, u"Ben: Left since"_s}));
    QCOMPARE(view.membersLeftSince(), QStringList{u"p-2"_s});
    QVERIFY(view.findChild<QLabel *>(u"where"_s)->text().contains(u"3 of 4"_s));
    QVERIFY(view.findChild<QLabel *>(u"where"_s)->text().contains(u"received late"_s));

    const auto *members = view.findChild<QTableWidget *>(u"members"_s);
    QCOMPARE(members->item(1, 0)->data(Qt::UserRole).toString(), u"p-2"_s);
    QVERIFY(members->item(1, 0)->background() != members->item(0, 0)->background()); // highlighted
}

void TestTimeTravel::asItHappened_sliderMovedToAnEvent()
{
    TimeTravelView view(m_fixture->ledger(), u"hh-1"_s);
    QSignalSpy moved(&view, &TimeTravelView::positionChanged);
    auto *slider = view.findChild<QSlider *>(u"timeline"_s);
    QCOMPARE(slider->minimum(), 1);
    QCOMPARE(slider->maximum(), 4);
    slider->setValue(3);
    QCOMPARE(view.position(), 3);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(memberRows(view), (QStringList{u"Ana L."_s, u"Ben: Left since"_s}));
    // The date picker follows the slider: the event's time, local.
    const auto *when = view.findChild<QDateTimeEdit *>(u"when"_s);
    QCOMPARE(when->dateTime().toUTC(), QDateTime(QDate(2026, 11, 26), QTime(10, 30), QTimeZone::utc()));
}

void TestTimeTravel::asItHappened_dateBetweenEvents_showsThatInstant()
{
    TimeTravelView view(m_fixture->ledger(), u"hh-1"_s);
    // 10:20: after ev-c (10:00), before ev-d (10:30); Ana's phone came at 10:15 (ev-e, written
    // at +02:00), her new name at 10:30.
    view.setInstant(QDateTime(QDate(2026, 11, 26), QTime(10, 20), QTimeZone::utc()));
    QCOMPARE(view.position(), 2);
    QCOMPARE(view.shown().members.size(), 1u);
    QCOMPARE(view.shown().members[0].data.value(u"phone"_s).toString(), u"2"_s);
    QCOMPARE(memberRows(view), QStringList{u"Ana: Changed since: name, phone"_s});
    QCOMPARE(view.findChild<QSlider *>(u"timeline"_s)->value(), 2);
    // Before anything: not registered yet.
    view.setInstant(QDateTime(QDate(2026, 11, 26), QTime(9, 0), QTimeZone::utc()));
    QCOMPARE(view.position(), 0);
    QVERIFY(!view.shown().entity);
    QVERIFY(view.findChild<QLabel *>(u"state"_s)->text().contains(u"Not registered yet"_s));
    QCOMPARE(fieldRows(view), (QStringList{u"name*=(not set)|H1"_s, u"phone*=(not set)|0"_s}));
}

void TestTimeTravel::asRecorded_knownSizes_whatTheRegistryShowed()
{
    TimeTravelView view(m_fixture->ledger(), u"hh-1"_s);
    view.setMode(Mode::AsRecorded);
    QCOMPARE(currentGuid(view), u"ev-f"_s); // the same event: second received
    QCOMPARE(view.position(), 2);
    // Log order: ev-c (seq 0), ev-f (4), ev-d (5), ev-0 (6).
    view.setPosition(1);
    QCOMPARE(currentGuid(view), u"ev-c"_s);
    QCOMPARE(fieldRows(view), (QStringList{u"name=H1|H1"_s, u"phone*=(not set)|0"_s}));
    QCOMPARE(memberRows(view), QStringList{u"Ana: Changed since: name, phone"_s});
    // After receiving ev-f: Ben was deleted, but he had not joined hh-1 yet in this registry's eyes.
    view.setPosition(2);
    QCOMPARE(currentGuid(view), u"ev-f"_s);
    QCOMPARE(memberRows(view), QStringList{u"Ana L."_s});
    QCOMPARE(view.shown().entity->version, 1);
    // ev-d arrived late: Ben joined at 10:30 and left at 10:45, both before what it showed.
    view.setPosition(3);
    QCOMPARE(currentGuid(view), u"ev-d"_s);
    QCOMPARE(memberRows(view), QStringList{u"Ana L."_s});
    QCOMPARE(view.shown().entity->version, 3);
    QCOMPARE(fieldRows(view), (QStringList{u"name=H1|H1"_s, u"phone*=(not set)|0"_s}));
    view.setPosition(4);
    QCOMPARE(fieldRows(view), (QStringList{u"name=H1|H1"_s, u"phone=0|0"_s}));
}

void TestTimeTravel::asRecorded_equalsTheLedgersFullReplay()
{
    TimeTravelView view(m_fixture->ledger(), u"hh-1"_s);
    view.setMode(Mode::AsRecorded);
    for (int position = 1; position <= view.eventCount(); ++position) {
        view.setPosition(position);
        const qint64 logSize = view.currentEvent()->seq + 1;
        auto expected = m_fixture->ledger().entityAsRecorded(u"hh-1"_s, logSize);
        FL_VERIFY_OK(expected);
        QCOMPARE(view.shown().entity, *expected);
        QCOMPARE(qsizetype(view.shown().members.size()), (*expected)->memberIds.size());
    }
}

void TestTimeTravel::switchingMode_staysOnTheSameEvent()
{
    TimeTravelView view(m_fixture->ledger(), u"hh-1"_s);
    view.setPosition(3); // ev-d, third as it happened
    view.setMode(Mode::AsRecorded);
    QCOMPARE(currentGuid(view), u"ev-d"_s);
    QCOMPARE(view.position(), 3);
    view.setPosition(2); // ev-f
    view.setMode(Mode::AsItHappened);
    QCOMPARE(currentGuid(view), u"ev-f"_s);
    QCOMPARE(view.position(), 4);
    // The radio buttons switch too.
    view.findChild<QRadioButton *>(u"asRecorded"_s)->click();
    QCOMPARE(view.mode(), Mode::AsRecorded);
    QCOMPARE(view.position(), 2);
}

void TestTimeTravel::modes_clearlyLabelled()
{
    TimeTravelView view(m_fixture->ledger(), u"hh-1"_s);
    QCOMPARE(view.findChild<QRadioButton *>(u"asItHappened"_s)->text().remove(u'&'), u"As it happened"_s);
    QCOMPARE(view.findChild<QRadioButton *>(u"asRecorded"_s)->text().remove(u'&'),
             u"As this registry recorded it"_s);
    QVERIFY(view.findChild<QRadioButton *>(u"asItHappened"_s)->isChecked());
    auto *help = view.findChild<QLabel *>(u"modeHelp"_s);
    QVERIFY(help->text().startsWith(u"As it happened"_s));
    view.setMode(Mode::AsRecorded);
    QVERIFY(view.findChild<QRadioButton *>(u"asRecorded"_s)->isChecked());
    QVERIFY(help->text().startsWith(u"As this registry recorded it"_s));
    QVERIFY(view.positionText().contains(u"received"_s));
}

void TestTimeTravel::keys_stepAndJump()
{
    TimeTravelView view(m_fixture->ledger(), u"hh-1"_s);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *slider = view.findChild<QSlider *>(u"timeline"_s);
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Left);
    QCOMPARE(view.position(), 3);
    QTest::keyClick(slider, Qt::Key_Home);
    QCOMPARE(view.position(), 1);
    QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(view.position(), 2);
    QTest::keyClick(slider, Qt::Key_End);
    QCOMPARE(view.position(), 4);
    // Alt+arrows from elsewhere in the view.
    auto *fields = view.findChild<QTableWidget *>(u"fields"_s);
    fields->setFocus();
    QTest::keyClick(fields, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(view.position(), 3);
    QTest::keyClick(fields, Qt::Key_Home, Qt::AltModifier);
    QCOMPARE(view.position(), 1);
    QTest::keyClick(fields, Qt::Key_Left, Qt::AltModifier); // no further back
    QCOMPARE(view.position(), 1);
    QTest::keyClick(fields, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(view.position(), 2);
    QTest::keyClick(fields, Qt::Key_End, Qt::AltModifier);
    QCOMPARE(view.position(), 4);
}

void TestTimeTravel::newEvent_followed()
{
    TimeTravelView view(m_fixture->ledger(), u"hh-1"_s);
    view.setPosition(2);
    m_fixture->submit(
        command(u"add-member"_s, u"hh-1"_s,
                {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"p-5"_s}, {u"name"_s, u"Efua"_s}}}}}));
    QCOMPARE(view.eventCount(), 5);
    QCOMPARE(currentGuid(view), u"ev-c"_s); // stays where it was
    QCOMPARE(memberRows(view), (QStringList{u"Ana: Changed since: name, phone"_s, u"Efua: Joined since"_s}));
    view.toLast();
    QCOMPARE(memberRows(view), (QStringList{u"Ana L."_s, u"Efua"_s}));
    // At the end, it stays at the end as events arrive; a member's change shows too.
    m_fixture->submit(command(u"update-individual"_s, u"p-5"_s, {{u"age"_s, 31}}));
    QCOMPARE(view.position(), 5);
    QCOMPARE(view.current().member(u"p-5"_s)->data.value(u"age"_s).toInt(), 31);
}

void TestTimeTravel::grab()
{
    const QString dir = qEnvironmentVariable("FIELDLEDGER_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set FIELDLEDGER_SCREENSHOTS to a folder to save screenshots");
    m_fixture->submit(
        command(u"update-group"_s, u"hh-1"_s, {{u"village"_s, u"Kalo"_s}, {u"phone"_s, u"555-0199"_s}}));
    m_fixture->submit(
        command(u"add-member"_s, u"hh-1"_s,
                {{u"members"_s, QJsonArray{QJsonObject{{u"guid"_s, u"p-5"_s}, {u"name"_s, u"Efua"_s}}}}}));
    TimeTravelView view(m_fixture->ledger(), u"hh-1"_s);
    view.resize(900, 520);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setPosition(3);
    QCoreApplication::processEvents(); // pending layouts
    QVERIFY(view.grab().save(dir + u"/timetravel-happened-3.png"_s));
    view.setMode(Mode::AsRecorded);
    view.setPosition(1);
    QCoreApplication::processEvents(); // pending layouts
    QVERIFY(view.grab().save(dir + u"/timetravel-recorded-1.png"_s));
}

QTEST_MAIN(TestTimeTravel)
#include "tst_timetravel.moc"
