// DuplicatesModel and DuplicatesPage over a ledger with the duplicate index: a pair flagged on
// registration shows in the queue and side by side, and resolving it through the page submits
// resolve-duplicate and takes it off the queue.
#include "core/domain/duplicateindex.h"
#include "core/ledgerfixture.h"
#include "ui/duplicates/duplicatesmodel.h"
#include "ui/duplicates/duplicatespage.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using ui::DuplicatesModel;
using ui::DuplicatesPage;

namespace {

void person(LedgerFixture &fixture, const QString &guid, const QJsonObject &data)
{
    auto event = fixture.ledger().submit(command(u"create-individual"_s, guid, data));
    if (!event)
        qFatal("cannot create %s: %s", qPrintable(guid), qPrintable(event.error().message));
    fixture.clock().advanceMs(60'000);
}

void installIndex(LedgerFixture &fixture)
{
    auto ok = core::DuplicateIndex::install(fixture.ledger());
    if (!ok)
        qFatal("cannot install the index: %s", qPrintable(ok.error().message));
}

QStringList listed(const DuplicatesModel &model)
{
    QStringList pairs;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        pairs << index.data(DuplicatesModel::EntityGuidRole).toString() + u'+' +
                     index.data(DuplicatesModel::DuplicateGuidRole).toString();
    }
    return pairs;
}

// The comparison's row for `label`, or -1.
int comparisonRow(QTableWidget &table, const QString &label)
{
    for (int row = 0; row < table.rowCount(); ++row) {
        if (table.verticalHeaderItem(row) && table.verticalHeaderItem(row)->text() == label)
            return row;
    }
    return -1;
}

} // namespace

class TestDuplicatesPage final : public QObject {
    Q_OBJECT

private slots:
    void model_passesTheModelTesterThroughChanges()
    {
        LedgerFixture fixture;
        installIndex(fixture);
        person(fixture, u"p-1"_s, {{u"name"_s, u"Aïssatou Diallo"_s}, {u"age"_s, 30}});
        person(fixture, u"p-2"_s, {{u"name"_s, u"Diallo Aissatou"_s}, {u"age"_s, 32}});
        DuplicatesModel model(fixture.ledger());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &DuplicatesModel::openCountChanged);
        QCOMPARE(listed(model), QStringList{u"p-1+p-2"_s});
        QCOMPARE(model.index(0, DuplicatesModel::First).data().toString(), u"Aïssatou Diallo"_s);
        QCOMPARE(model.index(0, DuplicatesModel::Second).data().toString(), u"Diallo Aissatou"_s);
        QCOMPARE(model.index(0, DuplicatesModel::Rules).data().toString(),
                 DuplicatesModel::ruleLabel(u"name-age"_s));
        QVERIFY(!model.index(0, DuplicatesModel::Found).data().toString().isEmpty());
        QCOMPARE(model.columnCount(), int(DuplicatesModel::ColumnCount));

        // A new match comes in as an inserted row, after the older one.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        person(fixture, u"p-3"_s, {{u"name"_s, u"Moussa Ba"_s}, {u"phone"_s, u"771234567"_s}});
        person(fixture, u"p-4"_s, {{u"name"_s, u"Awa Ba"_s}, {u"phone"_s, u"+221 77 123 45 67"_s}});
        QCOMPARE(listed(model), (QStringList{u"p-1+p-2"_s, u"p-3+p-4"_s}));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.openCount(), 2);
        QCOMPARE(counts.size(), 1);

        // An update that ends the match removes just that row.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(fixture.ledger().submit(command(u"update-individual"_s, u"p-2"_s, {{u"age"_s, 70}})));
        QCOMPARE(listed(model), QStringList{u"p-3+p-4"_s});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowOf(u"p-4"_s, u"p-3"_s), 0);
        QCOMPARE(model.rowOf(u"p-1"_s, u"p-2"_s), -1);
    }

    void page_showsThePairSideBySideAndKeepsBoth()
    {
        LedgerFixture fixture;
        installIndex(fixture);
        person(fixture, u"p-1"_s, {{u"name"_s, u"Awa Sow"_s}, {u"age"_s, 30}, {u"sex"_s, u"female"_s}});
        person(fixture, u"p-2"_s, {{u"name"_s, u"Sow Awa"_s}, {u"age"_s, 31}, {u"sex"_s, u"female"_s}});
        DuplicatesPage page(fixture.ledger());
        QSignalSpy counts(&page, &DuplicatesPage::countChanged);
        QCOMPARE(page.count(), 1);
        // The first pair is selected and compared.
        QCOMPARE(page.selectedPair(), (std::pair{u"p-1"_s, u"p-2"_s}));
        QTableWidget &table = page.comparison();
        const int age = comparisonRow(table, u"age"_s);
        const int sex = comparisonRow(table, u"sex"_s);
        QVERIFY(age >= 0 && sex >= 0);
        QCOMPARE(table.item(age, 0)->text(), u"30"_s);
        QCOMPARE(table.item(age, 1)->text(), u"31"_s);
        QVERIFY(table.item(age, 0)->font().bold());  // differs
        QVERIFY(!table.item(sex, 0)->font().bold()); // same on both sides
        QCOMPARE(table.horizontalHeaderItem(0)->text(), u"Awa Sow"_s);
        QCOMPARE(table.horizontalHeaderItem(1)->text(), u"Sow Awa (newer)"_s);

        QPushButton *keep = nullptr;
        for (QPushButton *button : page.findChildren<QPushButton *>()) {
            if (button->text() == u"&Keep both"_s)
                keep = button;
        }
        QVERIFY(keep);
        QVERIFY(keep->isEnabled());
        QTest::mouseClick(keep, Qt::LeftButton);
        QCOMPARE(page.model().rowCount(), 0);
        QCOMPARE(page.count(), 0);
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts.first().first().toInt(), 0);
        QVERIFY(page.errorText().isEmpty());
        auto pair = core::DuplicateQueue(fixture.ledger()).pair(u"p-1"_s, u"p-2"_s);
        QVERIFY(pair && pair->has_value());
        QCOMPARE((*pair)->resolution, u"keep-both"_s);
        auto history = fixture.ledger().history(u"p-1"_s);
        QVERIFY(history);
        QCOMPARE(history->last().toObject().value(u"type"_s).toString(), u"resolve-duplicate"_s);
        // Nothing selected: nothing to resolve.
        QVERIFY(!page.keepBoth());
        QVERIFY(!keep->isEnabled());
    }

    void page_deletesTheNewerAfterConfirmation()
    {
        LedgerFixture fixture;
        installIndex(fixture);
        person(fixture, u"p-9"_s, {{u"name"_s, u"Ali Kane"_s}, {u"idNumber"_s, u"SN 1"_s}});
        person(fixture, u"p-1"_s, {{u"name"_s, u"Ali Kane"_s}, {u"idNumber"_s, u"sn-1"_s}});
        person(fixture, u"p-5"_s, {{u"name"_s, u"Binta Ly"_s}, {u"age"_s, 3}});
        person(fixture, u"p-6"_s, {{u"name"_s, u"Binta Ly"_s}, {u"age"_s, 4}});
        DuplicatesPage page(fixture.ledger());
        QCOMPARE(page.count(), 2);
        QVERIFY(page.selectPair(u"p-9"_s, u"p-1"_s));

        QString asked;
        page.setDeletePrompt(
            [&](QWidget *, const QString &, const QString &question) -> std::optional<QString> {
                asked = question;
                return std::nullopt; // cancelled
            });
        QVERIFY(!page.deleteNewer());
        QVERIFY(asked.contains(u"Ali Kane"_s));
        QCOMPARE(page.count(), 2);

        page.setDeletePrompt([](QWidget *, const QString &, const QString &) -> std::optional<QString> {
            return u"same person"_s;
        });
        // Through the keyboard shortcut.
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.queue().setFocus();
        QTest::keyClick(&page.queue(), Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(page.count(), 1);
        // p-1 was registered after p-9, though its guid sorts first.
        auto deleted = fixture.ledger().entity(u"p-1"_s);
        auto kept = fixture.ledger().entity(u"p-9"_s);
        QVERIFY(deleted && kept);
        QVERIFY((*deleted)->deleted);
        QVERIFY(!(*kept)->deleted);
        auto history = fixture.ledger().history(u"p-1"_s);
        QVERIFY(history);
        const QJsonObject last = history->last().toObject();
        QCOMPARE(last.value(u"type"_s).toString(), u"resolve-duplicate"_s);
        QVERIFY(QString::fromUtf8(QJsonDocument(last).toJson()).contains(u"same person"_s));
        // The next pair is selected.
        QCOMPARE(page.selectedPair(), (std::pair{u"p-5"_s, u"p-6"_s}));
    }

    void page_rules_turningARuleOffRebuildsTheQueue()
    {
        LedgerFixture fixture;
        installIndex(fixture);
        person(fixture, u"p-1"_s, {{u"name"_s, u"Awa Sow"_s}, {u"age"_s, 30}});
        person(fixture, u"p-2"_s, {{u"name"_s, u"Sow Awa"_s}, {u"age"_s, 31}});
        ui::DuplicatesPage page(fixture.ledger());
        QCOMPARE(page.count(), 1);
        core::DuplicateRules offered;
        page.setRulesPrompt([&](QWidget *, const core::DuplicateRules &current) {
            offered = current;
            core::DuplicateRules rules = current;
            rules.nameAgeBand = false;
            return std::optional(rules);
        });
        QVERIFY(page.editRules());
        QVERIFY(offered.nameAgeBand); // the stored rules were offered
        QCOMPARE(page.count(), 0);    // the pair matched on that rule only
        auto stored = core::loadDuplicateRules(fixture.registry().database());
        QVERIFY(stored && !stored->nameAgeBand);

        // Back on: the pair comes back; a later registration is checked with the new rules too.
        page.setRulesPrompt([](QWidget *, const core::DuplicateRules &current) {
            core::DuplicateRules rules = current;
            rules.nameAgeBand = true;
            return std::optional(rules);
        });
        QVERIFY(page.editRules());
        QCOMPARE(page.count(), 1);
        person(fixture, u"p-3"_s, {{u"name"_s, u"Awa Sow"_s}, {u"age"_s, 32}});
        QTRY_COMPARE(page.count(), 3);
    }

    void page_forAnEnumerator_explainsAndResolvesNothing()
    {
        LedgerFixture fixture;
        QVERIFY(fixture.registry().addUser(core::User{u"enum"_s, u"enum"_s, core::Role::Enumerator, true},
                                           secret("enumerator passphrase")));
        fixture.reopenAs(u"enum"_s, "enumerator passphrase");
        installIndex(fixture);
        person(fixture, u"p-1"_s, {{u"name"_s, u"Awa Sow"_s}, {u"age"_s, 30}});
        person(fixture, u"p-2"_s, {{u"name"_s, u"Awa Sow"_s}, {u"age"_s, 30}});
        DuplicatesPage page(fixture.ledger());
        QCOMPARE(page.count(), 0);
        QVERIFY(!page.errorText().isEmpty());
        QVERIFY(!page.keepBoth());
    }
};

QTEST_MAIN(TestDuplicatesPage)
#include "tst_duplicatespage.moc"
