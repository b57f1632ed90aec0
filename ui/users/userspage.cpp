#include "ui/users/userspage.h"

#include "core/domain/ledger.h"
#include "core/storage/registry.h"
#include "ui/messagebox.h"
#include "ui/users/adduserdialog.h"
#include "ui/users/assignhouseholdsdialog.h"
#include "ui/users/changeroledialog.h"
#include "ui/users/resetpassphrasedialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

UsersPage::UsersPage(core::Registry &registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
{
    build();
}

UsersPage::UsersPage(core::Ledger &ledger, QWidget *parent)
    : QWidget(parent)
    , m_registry(ledger.registry())
    , m_ledger(&ledger)
{
    build();
}

UsersPage::~UsersPage() = default;

void UsersPage::build()
{
    m_runDialog = [](AddUserDialog &dialog) { return dialog.exec(); };
    m_runAnyDialog = [](QDialog &dialog) { return dialog.exec(); };

    m_table =
        makeTable({tr("User id"), tr("Name"), tr("Role"), tr("Active"), tr("Households assigned")}, this);
    m_table->setAccessibleName(tr("Users"));
    m_history = makeTable({tr("When"), tr("By"), tr("What"), tr("User"), tr("Details")}, this);
    m_history->setAccessibleName(tr("History of changes to users"));
    m_historyTitle = new QLabel(this);
    QFont titleFont = m_historyTitle->font();
    titleFont.setBold(true);
    m_historyTitle->setFont(titleFont);
    m_historyTitle->setBuddy(m_history);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();

    m_add = new QPushButton(tr("&Add User…"), this);
    m_changeRole = new QPushButton(tr("Change R&ole…"), this);
    m_resetPassphrase = new QPushButton(tr("Reset &Passphrase…"), this);
    m_assign = new QPushButton(tr("Assign &Households…"), this);
    m_remove = new QPushButton(tr("&Remove User…"), this);
    if (!m_ledger)
        m_assign->setToolTip(tr("Households can be assigned from the main window's Users section."));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QPushButton *button : {m_add, m_changeRole, m_resetPassphrase, m_assign, m_remove})
        buttons->addWidget(button);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_error);
    topLayout->addWidget(m_table, 1);
    topLayout->addLayout(buttons);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_historyTitle);
    bottomLayout->addWidget(m_history, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_add, &QPushButton::clicked, this, [this] { addUserInteractively(); });
    connect(m_changeRole, &QPushButton::clicked, this, [this] { changeRoleInteractively(); });
    connect(m_resetPassphrase, &QPushButton::clicked, this, [this] { resetPassphraseInteractively(); });
    connect(m_assign, &QPushButton::clicked, this, [this] { assignHouseholdsInteractively(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        updateActions();
        reloadHistory();
    });
    reload();
}

QStringList UsersPage::userIds() const
{
    QStringList ids;
    for (int row = 0; row < m_table->rowCount(); ++row)
        ids << m_table->item(row, Id)->text();
    return ids;
}

QString UsersPage::selectedUserId() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return QString();
    return m_table->item(selected.front()->row(), Id)->text();
}

std::optional<core::User> UsersPage::selectedUser() const
{
    const QString id = selectedUserId();
    for (const core::User &user : m_users) {
        if (user.id == id)
            return user;
    }
    return std::nullopt;
}

void UsersPage::reload()
{
    const QString selected = selectedUserId();
    auto users = m_registry.users();
    if (!users) {
        showError(tr("The users cannot be read: %1").arg(users.error().message));
        return;
    }
    m_users = *users;
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    m_table->setRowCount(int(users->size()));
    int row = 0;
    for (const core::User &user : std::as_const(*users)) {
        m_table->setItem(row, Id, new QTableWidgetItem(user.id));
        m_table->setItem(row, Name, new QTableWidgetItem(user.displayName));
        m_table->setItem(row, Role, new QTableWidgetItem(core::roleDisplayName(user.role)));
        m_table->setItem(row, Active, new QTableWidgetItem(user.active ? tr("Yes") : tr("No")));
        QString households;
        if (user.role == core::Role::Enumerator) {
            if (auto assigned = m_registry.assignedHouseholds(user.id))
                households = QLocale().toString(assigned->size());
        }
        m_table->setItem(row, Households, new QTableWidgetItem(households));
        ++row;
    }
    if (!selected.isEmpty())
        selectUser(selected);
    updateActions();
    reloadHistory();
}

void UsersPage::reloadHistory()
{
    const QString id = selectedUserId();
    m_historyTitle->setText(id.isEmpty() ? tr("Hi&story of changes to users")
                                         : tr("Hi&story of changes to %1").arg(id));
    m_history->setRowCount(0);
    if (m_registry.currentUser().role != core::Role::Administrator)
        return; // core keeps the record for administrators only
    auto entries = m_registry.userLog(id);
    if (!entries) {
        showError(tr("The history cannot be read: %1").arg(entries.error().message));
        return;
    }
    // Newest first: what was just done shows at the top.
    m_history->setRowCount(int(entries->size()));
    int row = 0;
    for (auto entry = entries->crbegin(); entry != entries->crend(); ++entry, ++row) {
        auto *when = new QTableWidgetItem(QLocale().toString(entry->at.toLocalTime(), QLocale::ShortFormat));
        when->setToolTip(entry->at.toString(Qt::ISODateWithMs));
        m_history->setItem(row, When, when);
        m_history->setItem(row, By, new QTableWidgetItem(actorName(entry->actor)));
        m_history->setItem(row, What, new QTableWidgetItem(describe(*entry)));
        m_history->setItem(row, About, new QTableWidgetItem(entry->userId));
        auto *details = new QTableWidgetItem(entry->detail);
        details->setToolTip(entry->detail);
        m_history->setItem(row, Details, details);
    }
    m_history->resizeColumnsToContents();
}

QString UsersPage::describe(const core::UserLogEntry &entry)
{
    using Action = core::UserLogEntry::Action;
    switch (entry.action) {
    case Action::AddUser:
        return tr("User added");
    case Action::RemoveUser:
        return tr("User removed");
    case Action::ChangeRole:
        return tr("Role changed");
    case Action::ResetPassphrase:
        return tr("Passphrase reset");
    case Action::ChangePassphrase:
        return tr("Passphrase changed");
    case Action::AssignHouseholds:
        return tr("Households assigned");
    case Action::UnassignHouseholds:
        return tr("Households unassigned");
    }
    return QString();
}

QString UsersPage::actorName(const QString &actor)
{
    if (actor == core::Registry::recoveryKeyActor())
        return tr("the recovery key");
    return actor;
}

bool UsersPage::addUserInteractively()
{
    AddUserDialog dialog(this);
    if (m_runDialog(dialog) != QDialog::Accepted || !dialog.canAccept())
        return false;
    const core::User user = dialog.user();
    const core::SecretBytes passphrase = dialog.takePassphrase();
    return addUser(user, passphrase);
}

bool UsersPage::addUser(const core::User &user, const core::SecretBytes &passphrase)
{
    if (auto ok = m_registry.addUser(user, passphrase); !ok) {
        showError(tr("%1 was not added: %2").arg(user.id, ok.error().message));
        return false;
    }
    changed(user.id);
    return true;
}

bool UsersPage::selectUser(const QString &id)
{
    const int row = int(userIds().indexOf(id));
    if (row < 0)
        return false;
    m_table->selectRow(row);
    return true;
}

bool UsersPage::removeSelected()
{
    const QString id = selectedUserId();
    if (id.isEmpty())
        return false;
    const auto answer = MessageBox::question(
        this, tr("Remove User"),
        tr("Remove %1? They will no longer be able to unlock this registry. What they recorded stays.")
            .arg(id),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return false;
    if (auto ok = m_registry.removeUser(id); !ok) {
        showError(tr("%1 was not removed: %2").arg(id, ok.error().message));
        return false;
    }
    changed(id);
    return true;
}

bool UsersPage::changeRoleInteractively()
{
    const std::optional<core::User> user = selectedUser();
    if (!user)
        return false;
    ChangeRoleDialog dialog(*user, this);
    if (m_runAnyDialog(dialog) != QDialog::Accepted || !dialog.canAccept())
        return false;
    return changeRole(user->id, dialog.role());
}

bool UsersPage::changeRole(const QString &userId, core::Role role)
{
    if (auto ok = m_registry.changeRole(userId, role); !ok) {
        showError(tr("The role of %1 was not changed: %2").arg(userId, ok.error().message));
        return false;
    }
    changed(userId);
    return true;
}

bool UsersPage::resetPassphraseInteractively()
{
    const QString id = selectedUserId();
    if (id.isEmpty())
        return false;
    ResetPassphraseDialog dialog(id, this);
    if (m_runAnyDialog(dialog) != QDialog::Accepted || !dialog.canAccept())
        return false;
    const core::SecretBytes passphrase = dialog.takePassphrase();
    return resetPassphrase(id, passphrase);
}

bool UsersPage::resetPassphrase(const QString &userId, const core::SecretBytes &passphrase)
{
    if (auto ok = m_registry.resetPassphrase(userId, passphrase); !ok) {
        showError(tr("The passphrase of %1 was not reset: %2").arg(userId, ok.error().message));
        return false;
    }
    changed(userId);
    return true;
}

bool UsersPage::assignHouseholdsInteractively()
{
    const QString id = selectedUserId();
    if (id.isEmpty() || !m_ledger)
        return false;
    auto assigned = m_registry.assignedHouseholds(id);
    if (!assigned) {
        showError(tr("The households of %1 cannot be read: %2").arg(id, assigned.error().message));
        return false;
    }
    AssignHouseholdsDialog dialog(*m_ledger, id, *assigned, this);
    if (m_runAnyDialog(dialog) != QDialog::Accepted)
        return false;
    return saveAssignments(id, dialog.toAssign(), dialog.toUnassign());
}

bool UsersPage::saveAssignments(const QString &userId, const QStringList &assign, const QStringList &unassign)
{
    if (assign.isEmpty() && unassign.isEmpty())
        return true;
    if (!unassign.isEmpty()) {
        if (auto ok = m_registry.unassignHouseholds(userId, unassign); !ok) {
            showError(tr("The households of %1 were not changed: %2").arg(userId, ok.error().message));
            return false;
        }
    }
    if (!assign.isEmpty()) {
        if (auto ok = m_registry.assignHouseholds(userId, assign); !ok) {
            changed(userId); // the unassignments stand
            showError(tr("The households of %1 were not assigned: %2").arg(userId, ok.error().message));
            return false;
        }
    }
    changed(userId);
    return true;
}

void UsersPage::changed(const QString &userId)
{
    showError(QString());
    reload();
    selectUser(userId);
    emit usersChanged();
}

QString UsersPage::errorText() const
{
    return m_error->text();
}

void UsersPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void UsersPage::updateActions()
{
    const bool manage =
        m_registry.currentUser().role == core::Role::Administrator && !m_registry.isReadOnly();
    const std::optional<core::User> user = selectedUser();
    const bool active = user && user->active;
    m_add->setEnabled(manage);
    m_remove->setEnabled(manage && active);
    m_changeRole->setEnabled(manage && active);
    m_resetPassphrase->setEnabled(manage && active);
    m_assign->setEnabled(manage && active && m_ledger && user->role == core::Role::Enumerator);
}

} // namespace fieldledger::ui
