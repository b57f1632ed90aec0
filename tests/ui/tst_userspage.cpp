// UsersPage and its dialogs: an administrator adds a user with a role and a first passphrase,
// and that user can then unlock the registry; changes a role (never the last administrator's);
// resets a passphrase; assigns households to an enumerator, who then sees them; every change
// shows in the History table; removing asks first; others cannot manage users.
#include "core/ledgerfixture.h"
#include "core/storage/householdindex.h"
#include "core/storage/householdquery.h"
#include "ui/messagebox.h"
#include "ui/passwordstrength.h"
#include "ui/users/adduserdialog.h"
#include "ui/users/assignhouseholdsdialog.h"
#include "ui/users/changeroledialog.h"
#include "ui/users/resetpassphrasedialog.h"
#include "ui/users/strengthmeter.h"
#include "ui/users/userspage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using ui::AddUserDialog;
using ui::AssignHouseholdsDialog;
using ui::ChangeRoleDialog;
using ui::ResetPassphraseDialog;
using ui::UsersPage;

namespace {

core::Command household(const QString &guid, const QString &name, const QString &village)
{
    return command(u"create-group"_s, guid, {{u"name"_s, name}, {u"village"_s, village}});
}

// The History table's rows as "What | User | Details", top (newest) first.
QStringList historyRows(UsersPage &page)
{
    QStringList rows;
    QTableWidget &history = page.history();
    for (int row = 0; row < history.rowCount(); ++row)
        rows << u"%1 | %2 | %3"_s.arg(history.item(row, UsersPage::What)->text(),
                                      history.item(row, UsersPage::About)->text(),
                                      history.item(row, UsersPage::Details)->text());
    return rows;
}

QString cell(UsersPage &page, const QString &id, UsersPage::Column column)
{
    const int row = int(page.userIds().indexOf(id));
    return row < 0 ? QString() : page.table().item(row, column)->text();
}

} // namespace

class TestUsersPage final : public QObject {
    Q_OBJECT

private slots:
    void dialog_enablesOkOnlyForAValidUser_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<QString>("confirm");
        QTest::addColumn<bool>("ok");
        QTest::newRow("valid") << u"aminata"_s << u"long enough 1"_s << u"long enough 1"_s << true;
        QTest::newRow("no id") << QString() << u"long enough 1"_s << u"long enough 1"_s << false;
        QTest::newRow("id with space") << u"ami nata"_s << u"long enough 1"_s << u"long enough 1"_s << false;
        QTest::newRow("short") << u"aminata"_s << u"short"_s << u"short"_s << false;
        QTest::newRow("differ") << u"aminata"_s << u"long enough 1"_s << u"long enough 2"_s << false;
    }

    void dialog_enablesOkOnlyForAValidUser()
    {
        QFETCH(QString, id);
        QFETCH(QString, passphrase);
        QFETCH(QString, confirm);
        QFETCH(bool, ok);
        AddUserDialog dialog;
        dialog.idField().setText(id);
        dialog.passphraseField().setText(passphrase);
        dialog.confirmField().setText(confirm);
        QCOMPARE(dialog.canAccept(), ok);
        QCOMPARE(dialog.problem().isEmpty(), ok);
    }

    void addUser_thenTheUserCanUnlock()
    {
        LedgerFixture fixture;
        UsersPage page(fixture.registry());
        QCOMPARE(page.userIds(), QStringList{u"admin"_s});
        page.setDialogRunner([](AddUserDialog &dialog) {
            dialog.idField().setText(u"aminata"_s);
            dialog.nameField().setText(u"Aminata Diallo"_s);
            dialog.roleField().setCurrentIndex(dialog.roleField().findData(int(core::Role::Supervisor)));
            dialog.passphraseField().setText(u"first passphrase"_s);
            dialog.confirmField().setText(u"first passphrase"_s);
            return int(QDialog::Accepted);
        });
        QVERIFY(page.addUserInteractively());
        QVERIFY(page.userIds().contains(u"aminata"_s));
        auto stored = fixture.registry().user(u"aminata"_s);
        QVERIFY(stored);
        QCOMPARE(stored->role, core::Role::Supervisor);
        QCOMPARE(stored->displayName, u"Aminata Diallo"_s);

        auto unlocked = core::Registry::open(fixture.path(), u"aminata"_s, secret("first passphrase"),
                                             core::Registry::Access::ReadOnly);
        QVERIFY2(unlocked, unlocked ? "" : qPrintable(unlocked.error().message));
        QCOMPARE((*unlocked)->currentUser().role, core::Role::Supervisor);
        auto wrong = core::Registry::open(fixture.path(), u"aminata"_s, secret("wrong passphrase"),
                                          core::Registry::Access::ReadOnly);
        QVERIFY(!wrong);
    }

    void addUser_existingId_isRefusedAndShown()
    {
        LedgerFixture fixture;
        UsersPage page(fixture.registry());
        QVERIFY(!page.addUser(core::User{u"admin"_s, u"Again"_s, core::Role::Enumerator, true},
                              secret("another passphrase")));
        QVERIFY(!page.errorText().isEmpty());
        QCOMPARE(page.userIds(), QStringList{u"admin"_s});
    }

    void removeSelected_asksFirst()
    {
        LedgerFixture fixture;
        UsersPage page(fixture.registry());
        QVERIFY(page.addUser(core::User{u"musa"_s, u"Musa"_s, core::Role::Enumerator, true},
                             secret("musa passphrase")));
        QVERIFY(page.selectUser(u"musa"_s));
        ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
        QVERIFY(!page.removeSelected());
        QVERIFY(page.userIds().contains(u"musa"_s));
        QVERIFY(page.selectUser(u"musa"_s));
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(page.removeSelected());
        // Core keeps a removed user's row (their events still name them), marked inactive.
        const int row = int(page.userIds().indexOf(u"musa"_s));
        QVERIFY(row >= 0);
        QCOMPARE(page.table().item(row, UsersPage::Active)->text(), u"No"_s);
        QVERIFY(!fixture.registry().user(u"musa"_s)->active);
        auto unlocked = core::Registry::open(fixture.path(), u"musa"_s, secret("musa passphrase"),
                                             core::Registry::Access::ReadOnly);
        QVERIFY(!unlocked);
    }

    void changeRole_throughTheDialog_changesTheRoleAndShowsInHistory()
    {
        LedgerFixture fixture;
        UsersPage page(fixture.registry());
        QVERIFY(page.addUser(core::User{u"musa"_s, u"Musa"_s, core::Role::Enumerator, true},
                             secret("musa passphrase")));
        QVERIFY(page.selectUser(u"musa"_s));
        QVERIFY(page.changeRoleButton().isEnabled());
        bool okWasDisabledForTheSameRole = false;
        page.setAnyDialogRunner([&](QDialog &dialog) {
            auto *roles = qobject_cast<ChangeRoleDialog *>(&dialog);
            if (!roles)
                return int(QDialog::Rejected);
            okWasDisabledForTheSameRole = !roles->canAccept();
            roles->setRole(core::Role::Supervisor);
            return int(QDialog::Accepted);
        });
        QTest::mouseClick(&page.changeRoleButton(), Qt::LeftButton);
        QVERIFY(okWasDisabledForTheSameRole);
        QCOMPARE(fixture.registry().user(u"musa"_s)->role, core::Role::Supervisor);
        QCOMPARE(cell(page, u"musa"_s, UsersPage::Role), core::roleDisplayName(core::Role::Supervisor));
        QCOMPARE(page.selectedUserId(), u"musa"_s);
        QCOMPARE(historyRows(page), (QStringList{u"Role changed | musa | role enumerator → supervisor"_s,
                                                 u"User added | musa | role enumerator"_s}));
        QCOMPARE(page.history().item(0, UsersPage::By)->text(), u"admin"_s);
    }

    void changeRole_lastAdministrator_isRefusedWithCoresMessage()
    {
        LedgerFixture fixture;
        UsersPage page(fixture.registry());
        QVERIFY(page.selectUser(u"admin"_s));
        QVERIFY(!page.changeRole(u"admin"_s, core::Role::Supervisor));
        QVERIFY2(page.errorText().contains(u"last active administrator"_s), qPrintable(page.errorText()));
        QCOMPARE(fixture.registry().user(u"admin"_s)->role, core::Role::Administrator);
        QCOMPARE(historyRows(page).size(), 1); // only the registry's creation
    }

    void resetPassphrase_throughTheDialog_thenTheUserUnlocksWithIt()
    {
        LedgerFixture fixture;
        UsersPage page(fixture.registry());
        QVERIFY(page.addUser(core::User{u"musa"_s, u"Musa"_s, core::Role::Enumerator, true},
                             secret("forgotten passphrase")));
        QVERIFY(page.selectUser(u"musa"_s));
        QString strength;
        bool refusedMismatch = false;
        page.setAnyDialogRunner([&](QDialog &dialog) {
            auto *reset = qobject_cast<ResetPassphraseDialog *>(&dialog);
            if (!reset)
                return int(QDialog::Rejected);
            QTest::keyClicks(&reset->passphraseField(), u"Tamarind-Goat-Lantern-42"_s);
            QTest::keyClicks(&reset->confirmField(), u"Tamarind-Goat-Lantern-4"_s);
            refusedMismatch = !reset->canAccept() && !reset->problem().isEmpty();
            QTest::keyClicks(&reset->confirmField(), u"2"_s);
            strength = reset->strengthMeter().text();
            return int(QDialog::Accepted);
        });
        QTest::mouseClick(&page.resetPassphraseButton(), Qt::LeftButton);
        QVERIFY(refusedMismatch);
        QCOMPARE(strength,
                 ui::PasswordStrength::text(ui::PasswordStrength::rate(u"Tamarind-Goat-Lantern-42"_s)));
        QVERIFY(page.errorText().isEmpty());
        QCOMPARE(historyRows(page).front(), u"Passphrase reset | musa | "_s);
        for (const QString &text : historyRows(page))
            QVERIFY(!text.contains(u"Tamarind"_s));

        auto old = core::Registry::open(fixture.path(), u"musa"_s, secret("forgotten passphrase"),
                                        core::Registry::Access::ReadOnly);
        QVERIFY(!old);
        auto unlocked = core::Registry::open(fixture.path(), u"musa"_s, secret("Tamarind-Goat-Lantern-42"),
                                             core::Registry::Access::ReadOnly);
        QVERIFY2(unlocked, unlocked ? "" : qPrintable(unlocked.error().message));
        QCOMPARE((*unlocked)->currentUser().id, u"musa"_s);
    }

    void assignHouseholds_throughTheDialog_theEnumeratorSeesThem()
    {
        LedgerFixture fixture;
        FL_VERIFY_OK(core::HouseholdIndex::install(fixture.ledger()));
        FL_VERIFY_OK(fixture.ledger().submit(household(u"hh-1"_s, u"Diallo"_s, u"Kalo"_s)));
        FL_VERIFY_OK(fixture.ledger().submit(household(u"hh-2"_s, u"Sow"_s, u"Kalo"_s)));
        FL_VERIFY_OK(fixture.ledger().submit(household(u"hh-3"_s, u"Diop"_s, u"Tanda"_s)));
        UsersPage page(fixture.ledger());
        QVERIFY(page.addUser(core::User{u"enum1"_s, u"Enumerator"_s, core::Role::Enumerator, true},
                             secret("enum1 passphrase")));
        QVERIFY(page.addUser(core::User{u"sup"_s, u"Supervisor"_s, core::Role::Supervisor, true},
                             secret("sup passphrase")));
        QVERIFY(page.selectUser(u"sup"_s));
        QVERIFY(!page.assignButton().isEnabled()); // households go to enumerators only
        QVERIFY(page.selectUser(u"enum1"_s));
        QVERIFY(page.assignButton().isEnabled());
        FL_VERIFY_OK(fixture.registry().assignHouseholds(u"enum1"_s, {u"hh-3"_s}));
        page.reload();
        QCOMPARE(cell(page, u"enum1"_s, UsersPage::Households), u"1"_s);

        QStringList listedFirst;
        QStringList listedAfterSearch;
        QStringList checkedAtStart;
        page.setAnyDialogRunner([&](QDialog &dialog) {
            auto *assign = qobject_cast<AssignHouseholdsDialog *>(&dialog);
            if (!assign)
                return int(QDialog::Rejected);
            QAbstractItemModelTester tester(assign->list().model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            listedFirst = assign->listedHouseholds();
            checkedAtStart = assign->checkedHouseholds();
            // Keyboard: type in the search field, Down to the list, Space to check.
            assign->show();
            assign->searchField().setFocus();
            QTest::keyClicks(&assign->searchField(), u"sow"_s);
            listedAfterSearch = assign->listedHouseholds();
            QTest::keyClick(&assign->searchField(), Qt::Key_Tab);
            QTest::keyClick(&assign->list(), Qt::Key_Space);
            // Checks survive another search; hh-3 is unchecked, hh-1 checked.
            assign->searchField().clear();
            assign->setChecked(u"hh-3"_s, false);
            assign->setChecked(u"hh-1"_s, true);
            return int(QDialog::Accepted);
        });
        QVERIFY(page.assignHouseholdsInteractively());
        QCOMPARE(listedFirst, (QStringList{u"hh-1"_s, u"hh-3"_s, u"hh-2"_s})); // Diallo, Diop, Sow
        QCOMPARE(checkedAtStart, QStringList{u"hh-3"_s});
        QCOMPARE(listedAfterSearch, QStringList{u"hh-2"_s});
        QVERIFY2(page.errorText().isEmpty(), qPrintable(page.errorText()));
        QCOMPARE(*fixture.registry().assignedHouseholds(u"enum1"_s), (QStringList{u"hh-1"_s, u"hh-2"_s}));
        QCOMPARE(cell(page, u"enum1"_s, UsersPage::Households), u"2"_s);
        const QStringList history = historyRows(page);
        QCOMPARE(history.mid(0, 3), (QStringList{u"Households assigned | enum1 | hh-1, hh-2"_s,
                                                 u"Households unassigned | enum1 | hh-3"_s,
                                                 u"Households assigned | enum1 | hh-3"_s}));

        fixture.reopenAs(u"enum1"_s, "enum1 passphrase");
        FL_VERIFY_OK(core::HouseholdIndex::install(fixture.ledger()));
        core::HouseholdQuery query(fixture.ledger());
        auto rows = query.page({}, {}, 0, 10);
        FL_VERIFY_OK(rows);
        QStringList seen;
        for (const core::HouseholdRow &row : *rows)
            seen << row.guid;
        QCOMPARE(seen, (QStringList{u"hh-1"_s, u"hh-2"_s}));
    }

    void history_followsTheSelection_andNamesTheRecoveryKey()
    {
        LedgerFixture fixture;
        QVERIFY(fixture.registry().addUser(core::User{u"musa"_s, u"Musa"_s, core::Role::Enumerator, true},
                                           secret("musa passphrase")));
        QVERIFY(fixture.registry().addUser(core::User{u"awa"_s, u"Awa"_s, core::Role::Supervisor, true},
                                           secret("awa passphrase")));
        UsersPage page(fixture.registry());
        QVERIFY(page.selectedUserId().isEmpty());
        QCOMPARE(page.history().rowCount(), 3); // everyone: admin, musa, awa
        QVERIFY(page.selectUser(u"awa"_s));
        QCOMPARE(historyRows(page), QStringList{u"User added | awa | role supervisor"_s});
        QCOMPARE(page.history().item(0, UsersPage::By)->text(), u"admin"_s);
        core::UserLogEntry byRecovery;
        byRecovery.actor = core::Registry::recoveryKeyActor();
        byRecovery.action = core::UserLogEntry::Action::ResetPassphrase;
        QCOMPARE(UsersPage::actorName(byRecovery.actor), u"the recovery key"_s);
        QCOMPARE(UsersPage::describe(byRecovery), u"Passphrase reset"_s);
    }

    void buttons_areKeyboardReachable_andDisabledForRemovedUsers()
    {
        LedgerFixture fixture;
        UsersPage page(fixture.registry());
        QVERIFY(page.addUser(core::User{u"musa"_s, u"Musa"_s, core::Role::Enumerator, true},
                             secret("musa passphrase")));
        for (QPushButton *button :
             {&page.addButton(), &page.changeRoleButton(), &page.resetPassphraseButton(),
              &page.assignButton(), &page.removeButton()}) {
            QVERIFY2(button->text().contains(u'&'), qPrintable(button->text()));
            QVERIFY(button->focusPolicy() & Qt::TabFocus);
        }
        QVERIFY(!page.assignButton().isEnabled()); // no ledger: households cannot be listed
        QVERIFY(page.selectUser(u"musa"_s));
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(page.removeSelected());
        QVERIFY(page.selectUser(u"musa"_s));
        QVERIFY(!page.changeRoleButton().isEnabled());
        QVERIFY(!page.resetPassphraseButton().isEnabled());
        QVERIFY(!page.removeButton().isEnabled());
        QVERIFY(page.addButton().isEnabled());
    }

    void supervisor_cannotAddUsers()
    {
        LedgerFixture fixture;
        QVERIFY(fixture.registry().addUser(core::User{u"super"_s, u"Super"_s, core::Role::Supervisor, true},
                                           secret("supervisor passphrase")));
        fixture.reopenAs(u"super"_s, "supervisor passphrase");
        UsersPage page(fixture.registry());
        QVERIFY(
            !page.addUser(core::User{u"x1"_s, u"X"_s, core::Role::Enumerator, true}, secret("x passphrase")));
        QVERIFY(!page.userIds().contains(u"x1"_s));
        QVERIFY(!page.addButton().isEnabled());
        QVERIFY(page.selectUser(u"super"_s));
        QVERIFY(!page.changeRoleButton().isEnabled());
        QVERIFY(!page.changeRole(u"super"_s, core::Role::Administrator));
        QVERIFY(page.errorText().contains(u"administrator"_s));
        QCOMPARE(page.history().rowCount(), 0); // the record is for administrators
    }
};

QTEST_MAIN(TestUsersPage)
#include "tst_userspage.moc"
