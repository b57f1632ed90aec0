// UsersPage and AddUserDialog: an administrator adds a user with a role and a first passphrase,
// and that user can then unlock the registry; removing asks first; others cannot manage users.
#include "core/ledgerfixture.h"
#include "ui/messagebox.h"
#include "ui/users/adduserdialog.h"
#include "ui/users/userspage.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace fieldledger;
using namespace fieldledger::testing;
using ui::AddUserDialog;
using ui::UsersPage;

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

    void supervisor_cannotAddUsers()
    {
        LedgerFixture fixture;
        QVERIFY(fixture.registry().addUser(core::User{u"super"_s, u"Super"_s, core::Role::Supervisor, true},
                                           secret("supervisor passphrase")));
        fixture.reopenAs(u"super"_s, "supervisor passphrase");
        UsersPage page(fixture.registry());
        QVERIFY(!page.addUser(core::User{u"x1"_s, u"X"_s, core::Role::Enumerator, true}, secret("x passphrase")));
        QVERIFY(!page.userIds().contains(u"x1"_s));
    }
};

QTEST_MAIN(TestUsersPage)
#include "tst_userspage.moc"
