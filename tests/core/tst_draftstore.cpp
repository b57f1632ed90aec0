// Drafts of unfinished forms in the encrypted registry: save, list (own only, newest first),
// load, discard; exact round trip of a form's values; removed by the submit that uses them;
// still there after a crash.
#include "core/forms/formstate.h"
#include "core/storage/draftstore.h"
#include "ledgerfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using core::Draft;
using core::DraftStore;
using core::ErrorCode;
using core::FormValues;

namespace {

const QDate kToday(2026, 11, 26);

// Every kind of value a form holds: text, numbers, a date, selects (one and several), a
// geopoint, a group, and a repeat whose instances carry guids.
core::FormDefinition everyKindOfField()
{
    const QByteArray json = R"({"id": "survey", "version": "3", "eventType": "create-group",
      "title": "Survey", "fields": [
        {"type": "text", "name": "name", "label": "Name"},
        {"type": "integer", "name": "rooms", "label": "Rooms"},
        {"type": "decimal", "name": "income", "label": "Income"},
        {"type": "date", "name": "visited", "label": "Visited"},
        {"type": "select_one", "name": "roof", "label": "Roof",
         "choices": [{"name": "tin", "label": "Tin"}, {"name": "straw", "label": "Straw"}]},
        {"type": "select_multiple", "name": "assets", "label": "Assets",
         "choices": [{"name": "radio", "label": "Radio"}, {"name": "bicycle", "label": "Bicycle"},
                     {"name": "phone", "label": "Phone"}]},
        {"type": "geopoint", "name": "gps", "label": "GPS"},
        {"type": "group", "name": "contact", "label": "Contact", "fields": [
          {"type": "text", "name": "phone", "label": "Phone"}]},
        {"type": "repeat", "name": "members", "label": "Members", "fields": [
          {"type": "text", "name": "name", "label": "Name"},
          {"type": "integer", "name": "age", "label": "Age"},
          {"type": "select_multiple", "name": "languages", "label": "Languages",
           "choices": [{"name": "fr", "label": "French"}, {"name": "wo", "label": "Wolof"}]}]}]})";
    auto form = core::FormDefinition::fromJson(QJsonDocument::fromJson(json).object());
    if (!form)
        qFatal("test form: %s", qPrintable(form.error().message));
    return *form;
}

// A form half filled in, as a user leaves it: answers, a cleared answer, three members.
core::FormState filledIn()
{
    core::FormState state(everyKindOfField(), kToday,
                          std::make_unique<core::SequentialIdGenerator>(u"member-"_s));
    auto set = [&](const QString &path, const QJsonValue &value) {
        if (!state.setValue(path, value))
            qFatal("setValue %s failed", qPrintable(path));
    };
    set(u"name"_s, u"Aïssatou Diallo"_s);
    set(u"rooms"_s, 3);
    set(u"income"_s, 1234.56);
    set(u"visited"_s, u"2026-11-20"_s);
    set(u"roof"_s, u"tin"_s);
    set(u"roof"_s, QJsonValue(QJsonValue::Null)); // answered, then cleared
    set(u"assets"_s, QJsonArray{u"radio"_s, u"phone"_s});
    set(u"gps"_s, QJsonObject{{u"latitude"_s, 13.45123}, {u"longitude"_s, -11.92001}});
    set(u"phone"_s, u"+22370123456"_s);
    for (int i = 0; i < 3; ++i) {
        if (!state.addInstance(u"members"_s))
            qFatal("addInstance failed");
    }
    set(u"members[0].name"_s, u"Ngoné"_s);
    set(u"members[0].age"_s, 34);
    set(u"members[0].languages"_s, QJsonArray{u"fr"_s, u"wo"_s});
    set(u"members[1].name"_s, u""_s);             // cleared text
    set(u"members[2].age"_s, 9007199254740993LL); // beyond a double's exact integers
    if (!state.removeInstance(u"members"_s, 1))   // guids must not be renumbered
        qFatal("removeInstance failed");
    return state;
}

Draft draftOf(const QString &title, const QJsonObject &body = {})
{
    Draft draft;
    draft.formId = u"household-registration"_s;
    draft.formVersion = u"1"_s;
    draft.title = title;
    draft.body = body;
    return draft;
}

struct Stores : LedgerFixture {
    core::SequentialIdGenerator draftIds{u"draft-"_s};
    std::unique_ptr<DraftStore> store = std::make_unique<DraftStore>(registry(), clock(), draftIds);
    void reopenStoreAs(const QString &user, const char *passphrase)
    {
        store.reset();
        reopenAs(user, passphrase);
        store = std::make_unique<DraftStore>(registry(), clock(), draftIds);
    }
};

} // namespace

class TestDraftStore final : public QObject {
    Q_OBJECT

private slots:
    void save_setsIdAndTimes_listIsNewestFirst()
    {
        Stores f;
        const QDateTime t0(QDate(2026, 11, 26), QTime(9, 0), QTimeZone::utc());
        f.clock().set(t0);
        auto first = f.store->save(draftOf(u"Diallo, Kalo"_s));
        FL_VERIFY_OK(first);
        QCOMPARE(first->id, u"draft-1"_s);
        QCOMPARE(first->userId, u"admin"_s);
        QCOMPARE(first->createdAt, t0);
        QCOMPARE(first->updatedAt, t0);
        f.clock().advanceMs(5000);
        auto second = f.store->save(draftOf(u"Sow, Tamba"_s));
        FL_VERIFY_OK(second);

        auto listed = f.store->list(u"admin"_s);
        FL_VERIFY_OK(listed);
        QCOMPARE(listed->size(), std::size_t(2));
        QCOMPARE(listed->at(0), *second);
        QCOMPARE(listed->at(1), *first);

        // Saving again (an autosave) moves it first, keeps its creation time.
        f.clock().advanceMs(5000);
        Draft again = *first;
        again.title = u"Diallo, Kalo (3 members)"_s;
        auto resaved = f.store->save(again);
        FL_VERIFY_OK(resaved);
        QCOMPARE(resaved->id, first->id);
        QCOMPARE(resaved->createdAt, t0);
        QCOMPARE(resaved->updatedAt, t0.addMSecs(10000));
        listed = f.store->list(u"admin"_s);
        QCOMPARE(listed->size(), std::size_t(2));
        QCOMPARE(listed->at(0), *resaved);
        QCOMPARE(*f.store->load(first->id), std::optional<Draft>(*resaved));
    }

    void discard_removesOnlyThatDraft()
    {
        Stores f;
        auto kept = f.store->save(draftOf(u"kept"_s));
        auto gone = f.store->save(draftOf(u"gone"_s));
        FL_VERIFY_OK(f.store->discard(gone->id));
        QVERIFY(!f.store->load(gone->id)->has_value());
        QVERIFY(f.store->load(kept->id)->has_value());
        QCOMPARE(f.store->list(u"admin"_s)->size(), std::size_t(1));
        auto again = f.store->discard(gone->id);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::NotFound);
    }

    void drafts_areTheirOwnersOnly_supervisorsToo()
    {
        Stores f;
        QVERIFY(f.registry().addUser({u"enum1"_s, u"E"_s, core::Role::Enumerator, true},
                                     secret("enum1 passphrase")));
        QVERIFY(
            f.registry().addUser({u"sup"_s, u"S"_s, core::Role::Supervisor, true}, secret("sup passphrase")));
        f.reopenStoreAs(u"enum1"_s, "enum1 passphrase");
        auto mine = f.store->save(draftOf(u"enumerator's"_s));
        FL_VERIFY_OK(mine);

        f.reopenStoreAs(u"sup"_s, "sup passphrase");
        QVERIFY(f.store->list(u"sup"_s)->empty());
        QCOMPARE(f.store->list(u"enum1"_s).error().code, ErrorCode::PermissionDenied);
        QVERIFY(!f.store->load(mine->id)->has_value());
        QCOMPARE(f.store->discard(mine->id).error().code, ErrorCode::NotFound);
        Draft takeover = *mine;
        QCOMPARE(f.store->save(takeover).error().code, ErrorCode::PermissionDenied);
        takeover.userId.clear();
        QCOMPARE(f.store->save(takeover).error().code, ErrorCode::PermissionDenied);

        f.reopenStoreAs(u"admin"_s, "admin passphrase");
        QVERIFY(f.store->list(u"admin"_s)->empty());

        f.reopenStoreAs(u"enum1"_s, "enum1 passphrase");
        QCOMPARE(f.store->list(u"enum1"_s)->size(), std::size_t(1));
        QCOMPARE(f.store->list(u"enum1"_s)->front().title, u"enumerator's"_s);
    }

    void formValues_roundTripExactly()
    {
        const core::FormState state = filledIn();
        const FormValues values = state.values();
        // The state really holds what the test means to carry.
        QVERIFY(values.values.value(u"roof"_s).isNull());
        QCOMPARE(values.repeats.value(u"members"_s).size(), std::size_t(2));
        QCOMPARE(values.repeats.value(u"members"_s).at(1).guid, u"member-3"_s);

        const QJsonObject json = core::formValuesToJson(values);
        // Through bytes, as the store keeps it.
        const QJsonObject reread =
            QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).object();
        auto restored = core::formValuesFromJson(reread);
        FL_VERIFY_OK(restored);
        QVERIFY(*restored == values);
        QCOMPARE(restored->repeats.value(u"members"_s).at(1).values.value(u"age"_s).toInteger(),
                 9007199254740993LL);

        // A form resumed from the draft is the form that was left.
        const core::FormState resumed(everyKindOfField(), *restored, kToday);
        QVERIFY(resumed.values() == values);
        QCOMPARE(resumed.toEventData(), state.toEventData());
    }

    void formValuesFromJson_refusesOtherShapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("unknown member") << QByteArray(R"({"value": {}})");
        QTest::newRow("guid not a string") << QByteArray(R"({"guid": 3})");
        QTest::newRow("values not an object") << QByteArray(R"({"values": []})");
        QTest::newRow("repeats not an object") << QByteArray(R"({"repeats": 1})");
        QTest::newRow("repeat not an array") << QByteArray(R"({"repeats": {"members": {}}})");
        QTest::newRow("instance not an object") << QByteArray(R"({"repeats": {"members": [1]}})");
        QTest::newRow("nested problem") << QByteArray(R"({"repeats": {"members": [{"guid": "a", "x": 1}]}})");
    }

    void formValuesFromJson_refusesOtherShapes()
    {
        QFETCH(QByteArray, json);
        auto values = core::formValuesFromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!values);
        QCOMPARE(values.error().code, ErrorCode::Corrupt);
    }

    void draft_survivesReopen_withItsValues()
    {
        Stores f;
        const FormValues values = filledIn().values();
        Draft draft = draftOf(u"Diallo"_s, core::formValuesToJson(values));
        draft.entityGuid = u"hh-1"_s;
        auto saved = f.store->save(draft);
        FL_VERIFY_OK(saved);
        f.reopenStoreAs(u"admin"_s, "admin passphrase");
        auto loaded = f.store->load(saved->id);
        FL_VERIFY_OK(loaded);
        QVERIFY(loaded->has_value());
        QCOMPARE(**loaded, *saved);
        QVERIFY(*core::formValuesFromJson((*loaded)->body) == values);
    }

    void submitWithDraftId_removesTheDraft_refusedSubmitKeepsIt()
    {
        Stores f;
        auto draft = f.store->save(draftOf(u"Diallo"_s));
        FL_VERIFY_OK(draft);

        core::Command refused = command(u"update-group"_s, u"no-such-household"_s, {{u"name"_s, u"x"_s}});
        refused.draftId = draft->id;
        QVERIFY(!f.ledger().submit(refused));
        QVERIFY(f.store->load(draft->id)->has_value());

        core::Command accepted = command(u"create-group"_s, u"hh-1"_s, {{u"name"_s, u"Diallo"_s}});
        accepted.draftId = draft->id;
        FL_VERIFY_OK(f.ledger().submit(accepted));
        QVERIFY(!f.store->load(draft->id)->has_value());
        QVERIFY(f.store->list(u"admin"_s)->empty());
    }

    void draft_survivesACrash()
    {
        // A child process opens the registry, saves a draft and is killed (no destructor, no
        // close, no checkpoint): reopened, the registry has the draft, with its values.
        qputenv("FIELDLEDGER_TEST_FAST_KDF", "1");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.fieldledger"_s);
        const core::ManualClock clock(QDateTime(kToday, QTime(10, 0), QTimeZone::utc()));
        {
            core::Registry::CreateOptions options;
            options.name = u"crash"_s;
            options.adminId = u"admin"_s;
            auto created = core::Registry::create(path, options, secret("admin passphrase"), clock);
            FL_VERIFY_OK(created);
        } // closed: the child takes the writer lock
        const FormValues values = filledIn().values();
        const QJsonObject body = core::formValuesToJson(values);
        std::fflush(nullptr);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            auto registry = core::Registry::open(path, u"admin"_s, secret("admin passphrase"));
            if (!registry)
                ::_exit(10);
            core::SequentialIdGenerator ids(u"crash-"_s);
            DraftStore store(**registry, clock, ids);
            if (!store.save(draftOf(u"typed before the crash"_s, body)))
                ::_exit(11);
            ::kill(::getpid(), SIGKILL);
            ::_exit(12); // not reached
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY2(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                 qPrintable(u"the child exited with %1 instead of being killed"_s.arg(WEXITSTATUS(status))));

        auto registry = core::Registry::open(path, u"admin"_s, secret("admin passphrase"));
        FL_VERIFY_OK(registry);
        core::SequentialIdGenerator ids(u"later-"_s);
        DraftStore store(**registry, clock, ids);
        auto drafts = store.list(u"admin"_s);
        FL_VERIFY_OK(drafts);
        QCOMPARE(drafts->size(), std::size_t(1));
        QCOMPARE(drafts->front().id, u"crash-1"_s);
        QCOMPARE(drafts->front().title, u"typed before the crash"_s);
        QVERIFY(*core::formValuesFromJson(drafts->front().body) == values);
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
