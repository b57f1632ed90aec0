#include "core/domain/reviewapplier.h"
#include "core/domain/reviewqueue.h"
#include "core/domain/reviewservice.h"
#include "ledgerfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger::core;
using fieldledger::testing::command;
using fieldledger::testing::LedgerFixture;
using fieldledger::testing::secret;

class TestReview final : public QObject {
    Q_OBJECT

private:
    // A household with one member, created at the fixture clock's current time.
    static void createHousehold(LedgerFixture &fixture, const QString &guid, const QString &name)
    {
        QJsonObject member;
        member.insert(u"guid"_s, QString(guid + u"-p1"_s));
        member.insert(u"name"_s, u"Ana"_s);
        QJsonObject data;
        data.insert(u"name"_s, name);
        data.insert(u"members"_s, QJsonArray{member});
        FL_VERIFY_OK(fixture.ledger().submit(command(u"create-group"_s, guid, data)));
        fixture.clock().advanceMs(60'000);
    }

    static ReviewCounts counts(LedgerFixture &fixture)
    {
        auto result = ReviewQueue(fixture.ledger()).counts();
        if (!result)
            qFatal("counts: %s", qPrintable(result.error().message));
        return *result;
    }

    static QStringList awaiting(LedgerFixture &fixture)
    {
        auto items = ReviewQueue(fixture.ledger()).items(ReviewStatus::Awaiting);
        if (!items)
            qFatal("items: %s", qPrintable(items.error().message));
        QStringList guids;
        for (const ReviewItem &item : *items)
            guids << item.householdGuid;
        return guids;
    }

    static ReviewItem itemOf(LedgerFixture &fixture, const QString &guid)
    {
        auto item = ReviewQueue(fixture.ledger()).item(guid);
        if (!item || !*item)
            qFatal("no review item for %s", qPrintable(guid));
        return **item;
    }

    static void addUser(LedgerFixture &fixture, const QString &id, Role role, const char *passphrase)
    {
        FL_VERIFY_OK(fixture.registry().addUser(User{id, id, role, true}, secret(passphrase)));
    }

private slots:
    void queue_listsNewHouseholdsOldestFirst()
    {
        LedgerFixture fixture;
        createHousehold(fixture, u"h-2"_s, u"Second"_s);
        createHousehold(fixture, u"h-1"_s, u"First"_s);
        QCOMPARE(awaiting(fixture), (QStringList{u"h-2"_s, u"h-1"_s}));
        QCOMPARE(counts(fixture), (ReviewCounts{2, 0, 0, 0}));
        // A change to h-2 makes it the most recent one.
        FL_VERIFY_OK(fixture.ledger().submit(command(u"update-group"_s, u"h-2"_s, {{u"village"_s, u"v"_s}})));
        QCOMPARE(awaiting(fixture), (QStringList{u"h-1"_s, u"h-2"_s}));
    }

    void review_leavesTheQueueAndShowsInHistory_data()
    {
        QTest::addColumn<int>("decision");
        QTest::addColumn<QString>("text");
        QTest::addColumn<ReviewCounts>("expected");
        QTest::newRow("approved") << int(ReviewDecision::Approved) << QString() << ReviewCounts{1, 1, 0, 0};
        QTest::newRow("flagged") << int(ReviewDecision::Flagged) << u"age looks wrong"_s
                                 << ReviewCounts{1, 0, 1, 0};
        QTest::newRow("rejected") << int(ReviewDecision::Rejected) << u"duplicate visit"_s
                                  << ReviewCounts{1, 0, 0, 1};
    }

    void review_leavesTheQueueAndShowsInHistory()
    {
        QFETCH(int, decision);
        QFETCH(QString, text);
        QFETCH(ReviewCounts, expected);
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"One"_s);
        createHousehold(fixture, u"h-2"_s, u"Two"_s);
        const QString submission =
            fixture.ledger().history(u"h-1"_s)->last().toObject().value(u"eventGuid"_s).toString();

        ReviewService service(fixture.ledger());
        auto event = service.review(u"h-1"_s, ReviewDecision(decision), text);
        FL_VERIFY_OK(event);
        QCOMPARE(event->type, u"review-household"_s);
        QCOMPARE(event->data.value(u"reviewedEventGuid"_s).toString(), submission);

        QCOMPARE(awaiting(fixture), QStringList{u"h-2"_s});
        QCOMPARE(counts(fixture), expected);
        const ReviewItem item = itemOf(fixture, u"h-1"_s);
        QCOMPARE(item.decision, reviewDecisionName(ReviewDecision(decision)));
        QCOMPARE(item.reviewedBy, u"admin"_s);
        if (ReviewDecision(decision) == ReviewDecision::Flagged)
            QCOMPARE(item.comment, text);
        if (ReviewDecision(decision) == ReviewDecision::Rejected)
            QCOMPARE(item.reason, text);

        auto history = fixture.ledger().history(u"h-1"_s);
        FL_VERIFY_OK(history);
        const QJsonObject last = history->last().toObject();
        QCOMPARE(last.value(u"type"_s).toString(), u"review-household"_s);
        QCOMPARE(last.value(u"eventGuid"_s).toString(), event->guid);
    }

    void review_withoutCommentOrReason_isRefused_data()
    {
        QTest::addColumn<int>("decision");
        QTest::newRow("flag") << int(ReviewDecision::Flagged);
        QTest::newRow("reject") << int(ReviewDecision::Rejected);
    }

    void review_withoutCommentOrReason_isRefused()
    {
        QFETCH(int, decision);
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"One"_s);
        const quint64 before = fixture.ledger().log().size();
        auto event = ReviewService(fixture.ledger()).review(u"h-1"_s, ReviewDecision(decision), u"   "_s);
        QVERIFY(!event);
        QCOMPARE(event.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(fixture.ledger().log().size(), before);
        QCOMPARE(awaiting(fixture), QStringList{u"h-1"_s});
    }

    void review_ofAnIndividualOrUnknown_isRefused()
    {
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"One"_s);
        ReviewService service(fixture.ledger());
        QCOMPARE(service.approve(u"h-1-p1"_s).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(service.approve(u"nobody"_s).error().code, ErrorCode::NotFound);
    }

    void changeAfterReview_putsTheHouseholdBackInTheQueue()
    {
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"One"_s);
        FL_VERIFY_OK(ReviewService(fixture.ledger()).flag(u"h-1"_s, u"check the name"_s));
        QVERIFY(awaiting(fixture).isEmpty());
        fixture.clock().advanceMs(1000);
        FL_VERIFY_OK(fixture.ledger().submit(command(u"update-group"_s, u"h-1"_s, {{u"name"_s, u"Uno"_s}})));
        QCOMPARE(awaiting(fixture), QStringList{u"h-1"_s});
        const ReviewItem item = itemOf(fixture, u"h-1"_s);
        QCOMPARE(item.status, ReviewStatus::Awaiting);
        QCOMPARE(item.decision, u"flagged"_s); // the earlier decision is still shown
        QCOMPARE(counts(fixture), (ReviewCounts{1, 0, 0, 0}));
    }

    void invalidReviewEvent_recordsNoDecision()
    {
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"One"_s);
        FL_VERIFY_OK(ReviewService(fixture.ledger()).approve(u"h-1"_s));
        // Straight through the ledger, bypassing ReviewService's validation.
        fixture.clock().advanceMs(1000);
        FL_VERIFY_OK(fixture.ledger().submit(
            command(u"review-household"_s, u"h-1"_s, {{u"decision"_s, u"flagged"_s}})));
        QCOMPARE(awaiting(fixture), QStringList{u"h-1"_s});
        QCOMPARE(itemOf(fixture, u"h-1"_s).decision, u"approved"_s);
    }

    void correctField_isAnUpdateWithItsReason()
    {
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"One"_s);
        ReviewService service(fixture.ledger());
        QCOMPARE(service.correctField(u"h-1-p1"_s, u"age"_s, 34, u" "_s).error().code,
                 ErrorCode::InvalidArgument);
        auto event = service.correctField(u"h-1-p1"_s, u"age"_s, 34, u"ID card says 34"_s);
        FL_VERIFY_OK(event);
        QCOMPARE(event->type, u"update-individual"_s);
        auto member = fixture.ledger().entity(u"h-1-p1"_s);
        FL_VERIFY_OK(member);
        QCOMPARE((*member)->data.value(u"age"_s).toInt(), 34);
        auto history = fixture.ledger().history(u"h-1-p1"_s);
        FL_VERIFY_OK(history);
        QCOMPARE(history->last().toObject().value(u"reason"_s).toString(), u"ID card says 34"_s);

        auto group = service.correctField(u"h-1"_s, u"name"_s, u"Uno"_s, u"typo"_s);
        FL_VERIFY_OK(group);
        QCOMPARE(group->type, u"update-group"_s);
        QCOMPARE(service.correctField(u"h-1"_s, u"review"_s, u"x"_s, u"no"_s).error().code,
                 ErrorCode::InvalidArgument);
    }

    void enumerator_cannotReview_butSeesTheirFlags()
    {
        LedgerFixture fixture;
        addUser(fixture, u"enum"_s, Role::Enumerator, "enumerator passphrase");
        addUser(fixture, u"super"_s, Role::Supervisor, "supervisor passphrase");
        fixture.reopenAs(u"enum"_s, "enumerator passphrase");
        createHousehold(fixture, u"h-mine"_s, u"Mine"_s);

        ReviewService asEnumerator(fixture.ledger());
        auto refused = asEnumerator.approve(u"h-mine"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(asEnumerator.correctField(u"h-mine"_s, u"name"_s, u"x"_s, u"r"_s).error().code,
                 ErrorCode::PermissionDenied);

        fixture.reopenAs(u"super"_s, "supervisor passphrase");
        createHousehold(fixture, u"h-other"_s, u"Other"_s);
        FL_VERIFY_OK(ReviewService(fixture.ledger()).flag(u"h-mine"_s, u"missing members"_s));
        QCOMPARE(counts(fixture), (ReviewCounts{1, 0, 1, 0}));

        fixture.reopenAs(u"enum"_s, "enumerator passphrase");
        QCOMPARE(counts(fixture), (ReviewCounts{0, 0, 1, 0})); // h-other is not theirs
        auto flagged = ReviewQueue(fixture.ledger()).items(ReviewStatus::Flagged);
        FL_VERIFY_OK(flagged);
        QCOMPARE(flagged->size(), std::size_t(1));
        QCOMPARE(flagged->front().comment, u"missing members"_s);
        QCOMPARE(flagged->front().reviewedBy, u"super"_s);
    }

    void replay_keepsTheReviewState()
    {
        LedgerFixture fixture;
        createHousehold(fixture, u"h-1"_s, u"One"_s);
        createHousehold(fixture, u"h-2"_s, u"Two"_s);
        createHousehold(fixture, u"h-3"_s, u"Three"_s);
        ReviewService service(fixture.ledger());
        FL_VERIFY_OK(service.approve(u"h-1"_s));
        FL_VERIFY_OK(service.reject(u"h-2"_s, u"not a household"_s));
        const QByteArrayList before = fixture.entities();
        const ReviewCounts countsBefore = counts(fixture);
        QCOMPARE(countsBefore, (ReviewCounts{1, 1, 0, 1}));

        FL_VERIFY_OK(fixture.ledger().replay());
        QCOMPARE(fixture.entities(), before);
        QCOMPARE(counts(fixture), countsBefore);
        QCOMPARE(itemOf(fixture, u"h-2"_s).reason, u"not a household"_s);
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
