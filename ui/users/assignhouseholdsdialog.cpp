#include "ui/users/assignhouseholdsdialog.h"

#include "core/storage/householdquery.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace fieldledger::ui {
namespace {

QStringList sorted(const QSet<QString> &set)
{
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

} // namespace

AssignHouseholdsDialog::AssignHouseholdsDialog(core::Ledger &ledger, const QString &userId,
                                               const QStringList &assigned, QWidget *parent)
    : QDialog(parent)
    , m_ledger(ledger)
    , m_userId(userId)
    , m_assigned(assigned.begin(), assigned.end())
    , m_checked(m_assigned)
{
    setWindowTitle(tr("Assign Households"));
    auto *intro = new QLabel(tr("%1 sees the households they registered and those checked here, with "
                                "their members.")
                                 .arg(userId),
                             this);
    intro->setWordWrap(true);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search by household, head or village"));
    m_search->setClearButtonEnabled(true);
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_search);
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Households"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save Assignments"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(searchRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_search, &QLineEdit::textChanged, this, &AssignHouseholdsDialog::search);
    connect(m_list, &QListWidget::itemChanged, this, &AssignHouseholdsDialog::itemChanged);
    // Tab from the search field reaches the list; Space checks the current household.
    setTabOrder(m_search, m_list);
    search();
    resize(480, 420);
}

AssignHouseholdsDialog::~AssignHouseholdsDialog() = default;

void AssignHouseholdsDialog::search()
{
    const core::HouseholdQuery query(m_ledger);
    const core::HouseholdFilter filter{m_search->text(), false};
    auto rows = query.page(filter, core::HouseholdSort{}, 0, listLimit + 1);
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_error.clear();
    m_more = false;
    if (!rows) {
        m_error = tr("The households cannot be listed: %1").arg(rows.error().message);
        updateStatus();
        return;
    }
    m_more = rows->size() > std::size_t(listLimit);
    if (m_more)
        rows->resize(std::size_t(listLimit));
    for (const core::HouseholdRow &row : std::as_const(*rows)) {
        QString text = row.name.isEmpty() ? row.guid : row.name;
        QStringList details;
        if (!row.head.isEmpty())
            details << row.head;
        if (!row.village.isEmpty())
            details << row.village;
        if (!details.isEmpty())
            text = tr("%1 — %2").arg(text, details.join(tr(", ")));
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, row.guid);
        item->setToolTip(row.guid);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(m_checked.contains(row.guid) ? Qt::Checked : Qt::Unchecked);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateStatus();
}

void AssignHouseholdsDialog::itemChanged(QListWidgetItem *item)
{
    const QString guid = item->data(Qt::UserRole).toString();
    if (item->checkState() == Qt::Checked)
        m_checked.insert(guid);
    else
        m_checked.remove(guid);
    updateStatus();
}

void AssignHouseholdsDialog::updateStatus()
{
    QStringList parts;
    if (!m_error.isEmpty())
        parts << m_error;
    else if (m_list->count() == 0)
        parts << tr("No household matches the search.");
    else if (m_more)
        parts << tr("Showing the first %n households; type more of a name to find others.", nullptr,
                    listLimit);
    parts << tr("%n household(s) assigned.", nullptr, int(m_checked.size()));
    const qsizetype changes = toAssign().size() + toUnassign().size();
    if (changes > 0)
        parts << tr("%n change(s) to save.", nullptr, int(changes));
    m_status->setText(parts.join(u' '));
}

QStringList AssignHouseholdsDialog::toAssign() const
{
    return sorted(m_checked - m_assigned);
}

QStringList AssignHouseholdsDialog::toUnassign() const
{
    return sorted(m_assigned - m_checked);
}

QStringList AssignHouseholdsDialog::checkedHouseholds() const
{
    return sorted(m_checked);
}

QStringList AssignHouseholdsDialog::listedHouseholds() const
{
    QStringList guids;
    for (int row = 0; row < m_list->count(); ++row)
        guids << m_list->item(row)->data(Qt::UserRole).toString();
    return guids;
}

bool AssignHouseholdsDialog::setChecked(const QString &guid, bool checked)
{
    const qsizetype row = listedHouseholds().indexOf(guid);
    if (row < 0)
        return false;
    m_list->item(int(row))->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return true;
}

QString AssignHouseholdsDialog::statusText() const
{
    return m_status->text();
}

} // namespace fieldledger::ui
