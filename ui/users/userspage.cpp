#include "ui/users/userspage.h"

#include "core/storage/registry.h"
#include "ui/messagebox.h"
#include "ui/users/adduserdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

UsersPage::UsersPage(core::Registry &registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_runDialog([](AddUserDialog &dialog) { return dialog.exec(); })
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("User id"), tr("Name"), tr("Role"), tr("Active")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();

    m_add = new QPushButton(tr("&Add User…"), this);
    m_remove = new QPushButton(tr("&Remove User…"), this);
    auto *note = new QLabel(tr("Roles are chosen when a user is added; to change one, remove the user "
                               "and add them again."),
                            this);
    note->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(note, 1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] { addUserInteractively(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UsersPage::updateActions);
    reload();
}

UsersPage::~UsersPage() = default;

QStringList UsersPage::userIds() const
{
    QStringList ids;
    for (int row = 0; row < m_table->rowCount(); ++row)
        ids << m_table->item(row, Id)->text();
    return ids;
}

void UsersPage::reload()
{
    auto users = m_registry.users();
    if (!users) {
        showError(tr("The users cannot be read: %1").arg(users.error().message));
        return;
    }
    m_table->setRowCount(0);
    m_table->setRowCount(int(users->size()));
    int row = 0;
    for (const core::User &user : std::as_const(*users)) {
        m_table->setItem(row, Id, new QTableWidgetItem(user.id));
        m_table->setItem(row, Name, new QTableWidgetItem(user.displayName));
        m_table->setItem(row, Role, new QTableWidgetItem(core::roleDisplayName(user.role)));
        m_table->setItem(row, Active, new QTableWidgetItem(user.active ? tr("Yes") : tr("No")));
        ++row;
    }
    updateActions();
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
    showError(QString());
    reload();
    selectUser(user.id);
    emit usersChanged();
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
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return false;
    const QString id = m_table->item(selected.front()->row(), Id)->text();
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
    showError(QString());
    reload();
    emit usersChanged();
    return true;
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
    const bool admin = m_registry.currentUser().role == core::Role::Administrator;
    m_add->setEnabled(admin && !m_registry.isReadOnly());
    m_remove->setEnabled(admin && !m_registry.isReadOnly() && !m_table->selectedItems().isEmpty());
}

} // namespace fieldledger::ui
