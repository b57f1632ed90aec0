// ReviewQueueModel and ReviewPage over a ledger with a few households: approving and flagging
// a submission takes it off the queue, changes the counts and shows in the audit trail.
#include "core/domain/reviewqueue.h"
#include "core/domain/reviewservice.h"
#include "core/ledgerfixture.h"
#include "ui/review/reviewpage.h"
#include "ui/review/reviewqueuemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using ui::ReviewPage;
using ui::ReviewQueueModel;

namespace {

void createHousehold(LedgerFixture &fixture, const QString &guid, const QString &name)
{
    const QJsonObject data{{u"name"_s, name}};
    auto event = fixture.ledger().submit(command(u"create-group"_s, guid, data));
    if (!event)
        qFatal("cannot create %s: %s", qPrintable(guid), qPrintable(event.error().message));
    fixture.clock().advanceMs(60'000);
}

QStringList listed(const ReviewQueueModel &model)
{
    QStringList guids;
    for (int row = 0; row < model.rowCount(); ++row)
        guids << model.index(row, 0).data(ReviewQueueModel::GuidRole).toString();
    return guids;
}

QString lastHistoryType(LedgerFixture &fixture, const QString &guid)
{
    auto history = fixture.ledger().history(guid);
    return history ? history->last().toObject().value(u"type"_s).toString() : QString();
}

} // namespace

class TestReviewPage final : public QObject {
    Q_OBJECT

private slots:
    void model_passesTheModelTesterThroughChanges()
    {
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"Diallo"_s);
        createHousehold(fixture, u"h-2"_s, u"Sow"_s);
        ReviewQueueModel model(fixture.ledger());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(listed(model), (QStringList{u"h-1"_s, u"h-2"_s}));
        QCOMPARE(model.index(0, ReviewQueueModel::Household).data().toString(), u"Diallo"_s);
        QCOMPARE(model.index(0, ReviewQueueModel::Decision).data().toString(), u"Not reviewed"_s);

        QVERIFY(core::ReviewService(fixture.ledger()).flag(u"h-2"_s, u"ages missing"_s));
        QCOMPARE(listed(model), QStringList{u"h-1"_s});
        model.setStatus(core::ReviewStatus::Flagged);
        QCOMPARE(listed(model), QStringList{u"h-2"_s});
        QCOMPARE(model.index(0, ReviewQueueModel::Note).data().toString(), u"ages missing"_s);
        QCOMPARE(model.counts(), (core::ReviewCounts{1, 0, 1, 0}));
        createHousehold(fixture, u"h-3"_s, u"Ba"_s);
        QCOMPARE(model.counts(), (core::ReviewCounts{2, 0, 1, 0}));
    }

    void page_approveAndFlag_changeTheQueueAndTheAuditTrail()
    {
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"Diallo"_s);
        createHousehold(fixture, u"h-2"_s, u"Sow"_s);
        createHousehold(fixture, u"h-3"_s, u"Ba"_s);
        ReviewPage page(fixture.ledger());
        QStringList prompts;
        std::optional<QString> answer;
        page.setTextPrompt([&](QWidget *, const QString &title, const QString &) {
            prompts << title;
            return answer;
        });
        QCOMPARE(listed(page.model()), (QStringList{u"h-1"_s, u"h-2"_s, u"h-3"_s}));
        QVERIFY(page.countsText().startsWith(u"3 awaiting review"_s));

        QVERIFY(page.selectHousehold(u"h-1"_s));
        QVERIFY(page.approveSelected());
        QCOMPARE(listed(page.model()), (QStringList{u"h-2"_s, u"h-3"_s}));
        QCOMPARE(lastHistoryType(fixture, u"h-1"_s), u"review-household"_s);
        QCOMPARE(page.model().counts(), (core::ReviewCounts{2, 1, 0, 0}));

        // Flag: cancelled, then an empty comment, changes nothing.
        QVERIFY(page.selectHousehold(u"h-3"_s));
        answer = std::nullopt;
        QVERIFY(!page.flagSelected());
        QCOMPARE(prompts, QStringList{u"Flag Ba"_s});
        QCOMPARE(page.model().rowCount(), 2);

        answer = u"  please check the head's age  "_s;
        QVERIFY(page.flagSelected());
        QCOMPARE(listed(page.model()), QStringList{u"h-2"_s});
        QCOMPARE(page.model().counts(), (core::ReviewCounts{1, 1, 1, 0}));
        QVERIFY(page.countsText().contains(u"1 flagged"_s));
        auto item = core::ReviewQueue(fixture.ledger()).item(u"h-3"_s);
        QVERIFY(item && *item);
        QCOMPARE((*item)->comment, u"please check the head's age"_s);
        QCOMPARE(lastHistoryType(fixture, u"h-3"_s), u"review-household"_s);

        page.showStatus(core::ReviewStatus::Flagged);
        QCOMPARE(listed(page.model()), QStringList{u"h-3"_s});

        // A change made elsewhere puts a reviewed household back in the queue.
        page.showStatus(core::ReviewStatus::Awaiting);
        fixture.clock().advanceMs(1000);
        QVERIFY(
            fixture.ledger().submit(command(u"update-group"_s, u"h-1"_s, {{u"village"_s, u"Kaolack"_s}})));
        QCOMPARE(listed(page.model()), (QStringList{u"h-2"_s, u"h-1"_s}));
    }

    void page_reject_needsAReason()
    {
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"Diallo"_s);
        ReviewPage page(fixture.ledger());
        int asked = 0;
        page.setTextPrompt([&](QWidget *, const QString &, const QString &) -> std::optional<QString> {
            ++asked;
            if (asked == 1)
                return u"   "_s; // asked again
            return u"duplicate of another household"_s;
        });
        QVERIFY(page.selectHousehold(u"h-1"_s));
        QVERIFY(page.rejectSelected());
        QCOMPARE(asked, 2);
        QCOMPARE(page.model().counts(), (core::ReviewCounts{0, 0, 0, 1}));
    }

    void page_correctField_isAnEventWithItsReasonInTheAuditTrail()
    {
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"Dialo"_s);
        ReviewPage page(fixture.ledger());
        QList<std::pair<QString, QString>> offered;
        page.setCorrectionPrompt(
            [&](QWidget *, const QString &, const QList<std::pair<QString, QString>> &fields) {
                offered = fields;
                return std::optional(
                    ReviewPage::Correction{u"name"_s, u"Diallo"_s, u"misspelt at registration"_s});
            });
        QVERIFY(page.selectHousehold(u"h-1"_s));
        QVERIFY(page.correctSelected());
        QCOMPARE(offered, (QList<std::pair<QString, QString>>{{u"name"_s, u"Dialo"_s}}));
        auto entity = fixture.ledger().entity(u"h-1"_s);
        QVERIFY(entity && *entity);
        QCOMPARE((*entity)->data.value(u"name"_s).toString(), u"Diallo"_s);
        auto history = fixture.ledger().history(u"h-1"_s);
        QVERIFY(history);
        const QJsonObject last = history->last().toObject();
        QCOMPARE(last.value(u"type"_s).toString(), u"update-group"_s);
        QCOMPARE(last.value(u"reason"_s).toString(), u"misspelt at registration"_s);

        // A number stays a number; text that is not one is refused, nothing submitted.
        FL_VERIFY_OK(fixture.ledger().submit(command(u"update-group"_s, u"h-1"_s, {{u"rooms"_s, 3}})));
        page.setCorrectionPrompt([](QWidget *, const QString &, const QList<std::pair<QString, QString>> &) {
            return std::optional(ReviewPage::Correction{u"rooms"_s, u"4"_s, u"counted again"_s});
        });
        QVERIFY(page.selectHousehold(u"h-1"_s)); // the queue was read again after the event
        QVERIFY2(page.correctSelected(), qPrintable(page.errorText()));
        entity = fixture.ledger().entity(u"h-1"_s);
        QVERIFY((*entity)->data.value(u"rooms"_s).isDouble());
        QCOMPARE((*entity)->data.value(u"rooms"_s).toInt(), 4);
        page.setCorrectionPrompt([](QWidget *, const QString &, const QList<std::pair<QString, QString>> &) {
            return std::optional(ReviewPage::Correction{u"rooms"_s, u"four"_s, u"counted again"_s});
        });
        const auto sizeBefore = fixture.ledger().log().size();
        QVERIFY(!page.correctSelected());
        QCOMPARE(fixture.ledger().log().size(), sizeBefore);

        // Cancelled: nothing submitted.
        page.setCorrectionPrompt([](QWidget *, const QString &, const QList<std::pair<QString, QString>> &) {
            return std::optional<ReviewPage::Correction>();
        });
        const auto before = fixture.ledger().log().size();
        QVERIFY(!page.correctSelected());
        QCOMPARE(fixture.ledger().log().size(), before);
    }

    void page_ctrlShiftA_approves()
    {
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"Diallo"_s);
        ReviewPage page(fixture.ledger());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.table().setFocus();
        QVERIFY(page.selectHousehold(u"h-1"_s));
        QTest::keyClick(&page.table(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(page.model().rowCount(), 0);
        QCOMPARE(page.model().counts().approved, 1);
    }

    void page_enumerator_cannotDecide()
    {
        LedgerFixture fixture;
        QVERIFY(fixture.registry().addUser(core::User{u"enum"_s, u"Enum"_s, core::Role::Enumerator, true},
                                           secret("enumerator passphrase")));
        fixture.reopenAs(u"enum"_s, "enumerator passphrase");
        createHousehold(fixture, u"h-1"_s, u"Diallo"_s);
        ReviewPage page(fixture.ledger());
        QVERIFY(page.selectHousehold(u"h-1"_s));
        const QList<QPushButton *> buttons = page.findChildren<QPushButton *>();
        QCOMPARE(buttons.size(), 4); // approve, flag, reject, correct
        for (const QPushButton *button : buttons)
            QVERIFY(!button->isEnabled());
        QVERIFY(!page.approveSelected());
        page.setCorrectionPrompt([](QWidget *, const QString &, const QList<std::pair<QString, QString>> &) {
            return std::optional(ReviewPage::Correction{u"name"_s, u"Changed"_s, u"an enumerator tries"_s});
        });
        QVERIFY(!page.correctSelected()); // core refuses: corrections are a supervisor's
        QVERIFY(!page.errorText().isEmpty());
        QCOMPARE(page.model().counts().awaiting, 1);
    }
};

QTEST_MAIN(TestReviewPage)
#include "tst_reviewpage.moc"
