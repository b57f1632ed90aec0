// HouseholdModel over a real registry and ledger: incremental fetching, core's sorting and
// filtering, fine-grained updates when events arrive (never a reset for one row), access control.
#include "core/ledgerfixture.h"
#include "core/storage/householdindex.h"
#include "ui/households/householdmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using core::HouseholdFilter;
using core::HouseholdQuery;
using core::HouseholdSort;
using ui::HouseholdModel;

namespace {

QJsonObject person(const QString &guid, const QString &name, const QString &relationship = u"child"_s)
{
    return QJsonObject{{u"guid"_s, guid}, {u"name"_s, name}, {u"relationship"_s, relationship}};
}

core::Command household(const QString &guid, const QString &name, const QString &village,
                        const QJsonArray &members = {})
{
    return command(u"create-group"_s, guid,
                   {{u"name"_s, name}, {u"village"_s, village}, {u"members"_s, members}});
}

// A registry whose ledger keeps the household list's rows, with a model over it.
class Registry {
public:
    Registry() { install(); }

    void install()
    {
        if (auto ok = core::HouseholdIndex::install(m_fixture.ledger()); !ok)
            qFatal("cannot install the household index: %s", qPrintable(ok.error().message));
    }

    void reopenAs(const QString &user, const char *passphrase)
    {
        m_fixture.reopenAs(user, passphrase);
        install();
    }

    // Submits as the current user, a millisecond after the previous event.
    void submit(const core::Command &c)
    {
        m_fixture.clock().advanceMs(1);
        auto submitted = m_fixture.ledger().submit(c);
        if (!submitted)
            qFatal("submit %s failed: %s", qPrintable(c.type), qPrintable(submitted.error().message));
    }

    LedgerFixture &fixture() { return m_fixture; }
    core::Ledger &ledger() { return m_fixture.ledger(); }

private:
    LedgerFixture m_fixture;
};

QStringList column(const HouseholdModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data().toString());
    return values;
}

QStringList guids(const HouseholdModel &model)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, 0).data(HouseholdModel::GuidRole).toString());
    return values;
}

// Five households of the default villages, named so that name order and village order differ.
void addFive(Registry &registry)
{
    registry.submit(
        household(u"hh-1"_s, u"Diallo"_s, u"kalo"_s,
                  {person(u"p-1"_s, u"Aïssatou Diallo"_s, u"head"_s), person(u"p-2"_s, u"Issa Diallo"_s)}));
    registry.submit(household(u"hh-2"_s, u"Bâ"_s, u"tamba"_s, {person(u"p-3"_s, u"Oumar Bâ"_s, u"head"_s)}));
    registry.submit(household(u"hh-3"_s, u"Coulibaly"_s, u"dembe"_s,
                              {person(u"p-4"_s, u"Fanta Coulibaly"_s, u"head"_s), person(u"p-5"_s, u"Awa"_s),
                               person(u"p-6"_s, u"Moussa"_s)}));
    registry.submit(
        household(u"hh-4"_s, u"Éboué"_s, u"kalo"_s, {person(u"p-7"_s, u"Félix Éboué"_s, u"head"_s)}));
    registry.submit(
        household(u"hh-5"_s, u"Sow"_s, u"nanga"_s, {person(u"p-8"_s, u"Ngoné Sow"_s, u"head"_s)}));
}

// Records what a model announces.
struct Signals {
    explicit Signals(HouseholdModel &model)
        : reset(&model, &QAbstractItemModel::modelReset)
        , changed(&model, &QAbstractItemModel::dataChanged)
        , inserted(&model, &QAbstractItemModel::rowsInserted)
        , removed(&model, &QAbstractItemModel::rowsRemoved)
        , moved(&model, &QAbstractItemModel::rowsMoved)
    {
    }
    QSignalSpy reset;
    QSignalSpy changed;
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy moved;
};

} // namespace

class TestHouseholdModel final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void model_listsRowsWithColumnsAndRoles();
    void fetchMore_loadsPagesUntilComplete();
    void sort_asksCoreForTheOrder_data();
    void sort_asksCoreForTheOrder();
    void filter_isCaseAndAccentInsensitive_data();
    void filter_isCaseAndAccentInsensitive();
    void submit_updatesOneRowInPlace_withoutReset();
    void memberUpdate_updatesItsHouseholdsRow();
    void newHousehold_insertsRowWhereCorePlacesIt();
    void newHousehold_pastLoadedRows_waitsForFetch();
    void rename_movesRowAndKeepsOthers();
    void delete_removesRow();
    void filterLeavesChangedHousehold_removesRow();
    void transfer_updatesBothRows();
    void ledgerReset_resetsModel();
    void ensureLoaded_fetchesUntilTheRowIsThere();
    void labels_showVillageAndUserNames();
    void enumerator_seesOnlyOwnHouseholds();
    void randomChanges_keepLoadedRowsEqualToCoresFirstRows();

private:
    // addFive(), for the tests that only read (creating a registry takes a while).
    std::unique_ptr<Registry> m_five;
};

void TestHouseholdModel::initTestCase()
{
    m_five = std::make_unique<Registry>();
    addFive(*m_five);
}

void TestHouseholdModel::model_listsRowsWithColumnsAndRoles()
{
    HouseholdModel model(m_five->ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.columnCount(), int(HouseholdModel::ColumnCount));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.totalCount(), 5);
    QVERIFY(!model.canFetchMore({}));
    // Sorted by name (folded: "Bâ" before "Coulibaly", "Éboué" among the Es).
    QCOMPARE(column(model, HouseholdModel::Name),
             (QStringList{u"Bâ"_s, u"Coulibaly"_s, u"Diallo"_s, u"Éboué"_s, u"Sow"_s}));
    QCOMPARE(column(model, HouseholdModel::Head),
             (QStringList{u"Oumar Bâ"_s, u"Fanta Coulibaly"_s, u"Aïssatou Diallo"_s, u"Félix Éboué"_s,
                          u"Ngoné Sow"_s}));
    QCOMPARE(column(model, HouseholdModel::Members), (QStringList{u"1"_s, u"3"_s, u"2"_s, u"1"_s, u"1"_s}));
    QCOMPARE(column(model, HouseholdModel::RegisteredBy).first(), u"admin"_s);
    QVERIFY(!model.index(0, HouseholdModel::Updated).data().toString().isEmpty());
    QCOMPARE(model.index(1, 0).data(HouseholdModel::GuidRole).toString(), u"hh-3"_s);
    QCOMPARE(model.index(1, HouseholdModel::Members).data(HouseholdModel::SortValueRole).toInt(), 3);
    QCOMPARE(model.index(1, 0).data(HouseholdModel::DeletedRole).toBool(), false);
    QCOMPARE(model.headerData(HouseholdModel::Village, Qt::Horizontal).toString(), u"Village or area"_s);
    QCOMPARE(model.rowOf(u"hh-4"_s), 3);
    QCOMPARE(model.rowOf(u"nobody"_s), -1);
    QCOMPARE(model.guidAt(4), u"hh-5"_s);
}

void TestHouseholdModel::fetchMore_loadsPagesUntilComplete()
{
    Registry registry;
    for (int i = 0; i < 7; ++i)
        registry.submit(household(u"hh-%1"_s.arg(i), u"Household %1"_s.arg(i), u"kalo"_s));
    HouseholdModel model(registry.ledger());
    model.setPageSize(3);
    model.reload();
    // (No QAbstractItemModelTester here: it fetches more rows itself.)
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.isComplete());
    QCOMPARE(model.totalCount(), 7);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 3);
    QCOMPARE(inserted.first().at(2).toInt(), 5);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 7);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(column(model, HouseholdModel::Name).last(), u"Household 6"_s);
}

void TestHouseholdModel::sort_asksCoreForTheOrder_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("name descending") << int(HouseholdModel::Name) << Qt::DescendingOrder
                                     << QStringList{u"Sow"_s, u"Éboué"_s, u"Diallo"_s, u"Coulibaly"_s,
                                                    u"Bâ"_s};
    QTest::newRow("head ascending") << int(HouseholdModel::Head) << Qt::AscendingOrder
                                    << QStringList{u"Diallo"_s, u"Coulibaly"_s, u"Éboué"_s, u"Sow"_s,
                                                   u"Bâ"_s};
    // Villages by stored name, ties by guid: dembe, kalo (hh-1, hh-4), nanga, tamba.
    QTest::newRow("village ascending")
        << int(HouseholdModel::Village) << Qt::AscendingOrder
        << QStringList{u"Coulibaly"_s, u"Diallo"_s, u"Éboué"_s, u"Sow"_s, u"Bâ"_s};
    QTest::newRow("members descending")
        << int(HouseholdModel::Members) << Qt::DescendingOrder
        << QStringList{u"Coulibaly"_s, u"Diallo"_s, u"Sow"_s, u"Éboué"_s, u"Bâ"_s};
    QTest::newRow("updated descending")
        << int(HouseholdModel::Updated) << Qt::DescendingOrder
        << QStringList{u"Sow"_s, u"Éboué"_s, u"Coulibaly"_s, u"Bâ"_s, u"Diallo"_s};
}

void TestHouseholdModel::sort_asksCoreForTheOrder()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, names);
    HouseholdModel model(m_five->ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(column, order);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(::column(model, HouseholdModel::Name), names);
    QCOMPARE(model.sortOrder().order, order);
    // The same order again changes nothing.
    model.sort(column, order);
    QCOMPARE(reset.size(), 1);
}

void TestHouseholdModel::filter_isCaseAndAccentInsensitive_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("aissatou finds Aïssatou") << u"aissatou"_s << QStringList{u"Diallo"_s};
    QTest::newRow("upper case, accents typed") << u"AÏSSATOU DIALLO"_s << QStringList{u"Diallo"_s};
    QTest::newRow("household name without accent") << u"eboue"_s << QStringList{u"Éboué"_s};
    QTest::newRow("village") << u"kalo"_s << QStringList{u"Diallo"_s, u"Éboué"_s};
    QTest::newRow("two words") << u"ngone sow"_s << QStringList{u"Sow"_s};
    QTest::newRow("nothing") << u"zzz"_s << QStringList{};
    QTest::newRow("empty: everything")
        << QString() << QStringList{u"Bâ"_s, u"Coulibaly"_s, u"Diallo"_s, u"Éboué"_s, u"Sow"_s};
}

void TestHouseholdModel::filter_isCaseAndAccentInsensitive()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    HouseholdModel model(m_five->ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilterText(u"something else"_s);
    model.setFilterText(text);
    QCOMPARE(model.filterText(), text);
    QCOMPARE(column(model, HouseholdModel::Name), names);
    QCOMPARE(model.totalCount(), names.size());
}

void TestHouseholdModel::submit_updatesOneRowInPlace_withoutReset()
{
    Registry registry;
    addFive(registry);
    HouseholdModel model(registry.ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Signals spy(model);

    registry.submit(command(u"update-group"_s, u"hh-3"_s, {{u"village"_s, u"soli"_s}}));
    QCOMPARE(spy.reset.size(), 0);
    QCOMPARE(spy.inserted.size() + spy.removed.size() + spy.moved.size(), 0);
    QCOMPARE(spy.changed.size(), 1);
    const auto topLeft = spy.changed.first().at(0).value<QModelIndex>();
    const auto bottomRight = spy.changed.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 1);
    QCOMPARE(model.index(1, HouseholdModel::Village).data().toString(), u"soli"_s);
    QCOMPARE(model.rowCount(), 5);
}

void TestHouseholdModel::memberUpdate_updatesItsHouseholdsRow()
{
    Registry registry;
    addFive(registry);
    HouseholdModel model(registry.ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Signals spy(model);

    // update-individual names only the member: its household's row changes (head, last update).
    const QString before =
        model.index(2, HouseholdModel::Updated).data(HouseholdModel::SortValueRole).toString();
    registry.fixture().clock().advanceMs(60'000);
    registry.submit(command(u"update-individual"_s, u"p-1"_s, {{u"name"_s, u"Aïssata Diallo"_s}}));
    QCOMPARE(spy.reset.size(), 0);
    QCOMPARE(spy.changed.size(), 1);
    QCOMPARE(spy.changed.first().at(0).value<QModelIndex>().row(), 2);
    QCOMPARE(model.index(2, HouseholdModel::Head).data().toString(), u"Aïssata Diallo"_s);
    QVERIFY(model.index(2, HouseholdModel::Updated).data(HouseholdModel::SortValueRole).toString() != before);

    // A member added: the count moves.
    registry.submit(
        command(u"add-member"_s, u"hh-2"_s, {{u"members"_s, QJsonArray{person(u"p-9"_s, u"Binta Bâ"_s)}}}));
    QCOMPARE(spy.reset.size(), 0);
    QCOMPARE(model.index(0, HouseholdModel::Members).data().toString(), u"2"_s);
}

void TestHouseholdModel::newHousehold_insertsRowWhereCorePlacesIt()
{
    Registry registry;
    addFive(registry);
    HouseholdModel model(registry.ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Signals spy(model);

    registry.submit(
        household(u"hh-6"_s, u"Cissé"_s, u"kalo"_s, {person(u"p-10"_s, u"Ali Cissé"_s, u"head"_s)}));
    QCOMPARE(spy.reset.size(), 0);
    QCOMPARE(spy.inserted.size(), 1);
    QCOMPARE(spy.inserted.first().at(1).toInt(), 1); // Bâ, Cissé, Coulibaly, ...
    QCOMPARE(spy.inserted.first().at(2).toInt(), 1);
    QCOMPARE(column(model, HouseholdModel::Name),
             (QStringList{u"Bâ"_s, u"Cissé"_s, u"Coulibaly"_s, u"Diallo"_s, u"Éboué"_s, u"Sow"_s}));
    QCOMPARE(model.index(1, HouseholdModel::Head).data().toString(), u"Ali Cissé"_s);
    QCOMPARE(model.totalCount(), 6);

    // At the end of a complete list.
    registry.submit(household(u"hh-7"_s, u"Touré"_s, u"kalo"_s));
    QCOMPARE(spy.inserted.size(), 2);
    QCOMPARE(spy.inserted.last().at(1).toInt(), 6);
    QCOMPARE(model.guidAt(6), u"hh-7"_s);
    QCOMPARE(spy.reset.size(), 0);
}

void TestHouseholdModel::newHousehold_pastLoadedRows_waitsForFetch()
{
    Registry registry;
    addFive(registry);
    HouseholdModel model(registry.ledger());
    model.setPageSize(2);
    model.reload();
    Signals spy(model); // (no QAbstractItemModelTester: it fetches more rows itself)

    registry.submit(household(u"hh-6"_s, u"Touré"_s, u"kalo"_s)); // after Sow: not loaded yet
    QCOMPARE(spy.inserted.size(), 0);
    QCOMPARE(spy.reset.size(), 0);
    QCOMPARE(model.rowCount(), 2);
    registry.submit(household(u"hh-7"_s, u"Adama"_s, u"kalo"_s)); // first of all: shown at once
    QCOMPARE(spy.inserted.size(), 1);
    QCOMPARE(model.guidAt(0), u"hh-7"_s);
    QCOMPARE(model.rowCount(), 3);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(
        column(model, HouseholdModel::Name),
        (QStringList{u"Adama"_s, u"Bâ"_s, u"Coulibaly"_s, u"Diallo"_s, u"Éboué"_s, u"Sow"_s, u"Touré"_s}));
}

void TestHouseholdModel::rename_movesRowAndKeepsOthers()
{
    Registry registry;
    addFive(registry);
    HouseholdModel model(registry.ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Signals spy(model);
    const QPersistentModelIndex diallo = model.index(2, 0);
    const QPersistentModelIndex sow = model.index(4, 0);

    registry.submit(command(u"update-group"_s, u"hh-5"_s, {{u"name"_s, u"Ali"_s}})); // Sow -> Ali: to the top
    QCOMPARE(spy.reset.size(), 0);
    QCOMPARE(spy.moved.size(), 1);
    QCOMPARE(spy.inserted.size() + spy.removed.size(), 0);
    QCOMPARE(column(model, HouseholdModel::Name),
             (QStringList{u"Ali"_s, u"Bâ"_s, u"Coulibaly"_s, u"Diallo"_s, u"Éboué"_s}));
    // Persistent indexes (a view's selection) follow their rows.
    QCOMPARE(diallo.row(), 3);
    QCOMPARE(sow.row(), 0);
}

void TestHouseholdModel::delete_removesRow()
{
    Registry registry;
    addFive(registry);
    HouseholdModel model(registry.ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Signals spy(model);

    registry.submit(command(u"delete-entity"_s, u"hh-3"_s, {}));
    QCOMPARE(spy.reset.size(), 0);
    QCOMPARE(spy.removed.size(), 1);
    QCOMPARE(spy.removed.first().at(1).toInt(), 1);
    QCOMPARE(column(model, HouseholdModel::Name), (QStringList{u"Bâ"_s, u"Diallo"_s, u"Éboué"_s, u"Sow"_s}));
    QCOMPARE(model.totalCount(), 4);
}

void TestHouseholdModel::filterLeavesChangedHousehold_removesRow()
{
    Registry registry;
    addFive(registry);
    HouseholdModel model(registry.ledger());
    model.setFilterText(u"kalo"_s);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Signals spy(model);
    QCOMPARE(column(model, HouseholdModel::Name), (QStringList{u"Diallo"_s, u"Éboué"_s}));

    registry.submit(command(u"update-group"_s, u"hh-1"_s, {{u"village"_s, u"tamba"_s}}));
    QCOMPARE(spy.removed.size(), 1);
    QCOMPARE(column(model, HouseholdModel::Name), (QStringList{u"Éboué"_s}));
    registry.submit(command(u"update-group"_s, u"hh-2"_s, {{u"village"_s, u"kalo"_s}}));
    QCOMPARE(spy.inserted.size(), 1);
    QCOMPARE(column(model, HouseholdModel::Name), (QStringList{u"Bâ"_s, u"Éboué"_s}));
    // A change to a household the filter leaves out does nothing.
    registry.submit(command(u"update-group"_s, u"hh-3"_s, {{u"name"_s, u"Koulibaly"_s}}));
    QCOMPARE(spy.inserted.size() + spy.removed.size() + spy.changed.size() + spy.moved.size(), 2);
    QCOMPARE(spy.reset.size(), 0);
}

void TestHouseholdModel::transfer_updatesBothRows()
{
    Registry registry;
    addFive(registry);
    HouseholdModel model(registry.ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Signals spy(model);

    registry.submit(
        command(u"transfer-member"_s, u"hh-3"_s, {{u"memberId"_s, u"p-5"_s}, {u"toGroupGuid"_s, u"hh-5"_s}}));
    QCOMPARE(spy.reset.size(), 0);
    QCOMPARE(spy.changed.size(), 2);
    QCOMPARE(column(model, HouseholdModel::Members), (QStringList{u"1"_s, u"2"_s, u"2"_s, u"1"_s, u"2"_s}));
}

void TestHouseholdModel::ledgerReset_resetsModel()
{
    Registry registry;
    addFive(registry);
    HouseholdModel model(registry.ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Signals spy(model);
    FL_VERIFY_OK(registry.ledger().replay());
    QCOMPARE(spy.reset.size(), 1);
    QCOMPARE(model.rowCount(), 5);
}

void TestHouseholdModel::ensureLoaded_fetchesUntilTheRowIsThere()
{
    Registry registry;
    for (int i = 0; i < 10; ++i)
        registry.submit(household(u"hh-%1"_s.arg(i), u"Household %1"_s.arg(i), u"kalo"_s));
    HouseholdModel model(registry.ledger());
    model.setPageSize(3);
    model.reload();
    QCOMPARE(model.rowOf(u"hh-7"_s), -1);
    QCOMPARE(model.ensureLoaded(u"hh-7"_s), 7);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.ensureLoaded(u"nobody"_s), -1);
    model.setFilterText(u"household 2"_s);
    QCOMPARE(model.ensureLoaded(u"hh-7"_s), -1);
}

void TestHouseholdModel::labels_showVillageAndUserNames()
{
    HouseholdModel model(m_five->ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setVillageLabels({{u"tamba"_s, u"Tamba"_s}, {u"upper_mesa"_s, u"Upper Mesa"_s}});
    model.setUserNames({{u"admin"_s, u"Amina Kalo"_s}});
    QCOMPARE(changed.size(), 2);
    QCOMPARE(model.index(0, HouseholdModel::Village).data().toString(), u"Tamba"_s);
    QCOMPARE(model.index(1, HouseholdModel::Village).data().toString(), u"dembe"_s); // no label: as stored
    QCOMPARE(model.index(0, HouseholdModel::RegisteredBy).data().toString(), u"Amina Kalo"_s);
}

void TestHouseholdModel::enumerator_seesOnlyOwnHouseholds()
{
    Registry registry;
    for (const char *id : {"enum1", "enum2"}) {
        FL_VERIFY_OK(registry.fixture().registry().addUser(
            core::User{QString::fromLatin1(id), QString::fromLatin1(id), core::Role::Enumerator, true},
            secret("enumerator passphrase")));
    }
    registry.reopenAs(u"enum1"_s, "enumerator passphrase");
    registry.submit(household(u"hh-a"_s, u"Diallo"_s, u"kalo"_s));
    registry.submit(household(u"hh-b"_s, u"Sow"_s, u"kalo"_s));
    registry.reopenAs(u"enum2"_s, "enumerator passphrase");
    registry.submit(household(u"hh-c"_s, u"Bâ"_s, u"kalo"_s));
    {
        HouseholdModel model(registry.ledger());
        QCOMPARE(guids(model), (QStringList{u"hh-c"_s}));
    }
    registry.reopenAs(u"enum1"_s, "enumerator passphrase");
    HouseholdModel model(registry.ledger());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(guids(model), (QStringList{u"hh-a"_s, u"hh-b"_s}));
    QCOMPARE(model.totalCount(), 2);
    QCOMPARE(model.ensureLoaded(u"hh-c"_s), -1);
    registry.submit(household(u"hh-d"_s, u"Coulibaly"_s, u"kalo"_s));
    QCOMPARE(guids(model), (QStringList{u"hh-d"_s, u"hh-a"_s, u"hh-b"_s}));

    registry.reopenAs(u"admin"_s, "admin passphrase");
    HouseholdModel all(registry.ledger());
    QCOMPARE(all.rowCount(), 4);
}

// Many random changes with small pages: after each, the loaded rows are exactly core's first
// rows, and the model tester saw every signal.
void TestHouseholdModel::randomChanges_keepLoadedRowsEqualToCoresFirstRows()
{
    Registry registry;
    QRandomGenerator random(20261126);
    const QStringList names{u"Aïssatou"_s, u"Bâ"_s,    u"Cissé"_s,  u"Diallo"_s, u"Éboué"_s,
                            u"Fall"_s,     u"Gueye"_s, u"Ndiaye"_s, u"Sow"_s,    u"Touré"_s};
    const QStringList villages{u"kalo"_s, u"tamba"_s, u"nanga"_s};
    int households = 0;
    int people = 0;
    const auto newHousehold = [&] {
        const QString guid = u"hh-%1"_s.arg(++households);
        QJsonArray members;
        for (int m = int(random.bounded(3)); m >= 0; --m)
            members.append(person(u"p-%1"_s.arg(++people), names[random.bounded(names.size())], u"child"_s));
        registry.submit(household(guid,
                                  names[random.bounded(names.size())] + u' ' + QString::number(households),
                                  villages[random.bounded(villages.size())], members));
    };
    for (int i = 0; i < 12; ++i)
        newHousehold();

    const std::vector<HouseholdSort> sorts{
        {core::HouseholdSortColumn::Name, Qt::AscendingOrder},
        {core::HouseholdSortColumn::UpdatedAt, Qt::DescendingOrder},
        {core::HouseholdSortColumn::MemberCount, Qt::AscendingOrder},
    };
    for (const HouseholdSort &sort : sorts) {
        for (const QString &filter : {QString(), u"kalo"_s}) {
            HouseholdModel model(registry.ledger());
            model.setPageSize(4);
            model.setFilterText(filter);
            model.sort(sort.column == core::HouseholdSortColumn::Name        ? HouseholdModel::Name
                       : sort.column == core::HouseholdSortColumn::UpdatedAt ? HouseholdModel::Updated
                                                                             : HouseholdModel::Members,
                       sort.order);
            model.fetchMore({});
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
            HouseholdQuery query(registry.ledger());
            for (int step = 0; step < 40; ++step) {
                const QString target = u"hh-%1"_s.arg(1 + random.bounded(households));
                auto entity = registry.ledger().entity(target);
                QVERIFY(entity && *entity);
                const bool live = !(*entity)->deleted;
                const QStringList members = (*entity)->memberIds;
                switch (live ? random.bounded(6) : 0) {
                case 0:
                    newHousehold();
                    break;
                case 1:
                    registry.submit(command(u"update-group"_s, target,
                                            {{u"name"_s, names[random.bounded(names.size())]},
                                             {u"village"_s, villages[random.bounded(villages.size())]}}));
                    break;
                case 2:
                    registry.submit(
                        command(u"add-member"_s, target,
                                {{u"members"_s, QJsonArray{person(u"p-%1"_s.arg(++people), u"New"_s)}}}));
                    break;
                case 3:
                    if (!members.isEmpty()) {
                        registry.submit(command(u"update-individual"_s, members.first(),
                                                {{u"name"_s, names[random.bounded(names.size())]}}));
                    }
                    break;
                case 4:
                    if (!members.isEmpty()) {
                        const QString to = u"hh-%1"_s.arg(1 + random.bounded(households));
                        auto destination = registry.ledger().entity(to);
                        if (to != target && destination && *destination && !(*destination)->deleted) {
                            registry.submit(
                                command(u"transfer-member"_s, target,
                                        {{u"memberId"_s, members.last()}, {u"toGroupGuid"_s, to}}));
                        }
                    }
                    break;
                default:
                    registry.submit(command(u"delete-entity"_s, target, {}));
                    break;
                }
                if (random.bounded(4) == 0)
                    model.fetchMore({});
                auto expected = query.page({filter, false}, sort, 0, model.rowCount());
                QVERIFY(expected);
                QStringList expectedGuids;
                for (const core::HouseholdRow &row : *expected)
                    expectedGuids.append(row.guid);
                QCOMPARE(guids(model), expectedGuids);
                for (int row = 0; row < model.rowCount(); ++row)
                    QVERIFY(model.household(row) == (*expected)[std::size_t(row)]);
            }
            QCOMPARE(reset.size(), 0);
        }
    }
}

QTEST_GUILESS_MAIN(TestHouseholdModel)
#include "tst_householdmodel.moc"
