#include "ui/supervision/registryasofdialog.h"

#include "core/domain/entity.h"
#include "core/domain/ledger.h"
#include "ui/households/formcatalog.h"

#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

// Keep the window alive this often while core reads (entities between two looks at the events).
constexpr int kEventsEvery = 256;

QString personName(const QJsonObject &data)
{
    const QString name = data.value(u"name"_s).toString();
    if (!name.isEmpty())
        return name;
    const QString full = data.value(u"firstName"_s).toString() + u' ' + data.value(u"lastName"_s).toString();
    return full.trimmed();
}

} // namespace

// --- model -----------------------------------------------------------------------------------

int RegistryAsOfModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RegistryAsOfModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegistryAsOfModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    if (role == GuidRole)
        return row.guid;
    if (role == Qt::TextAlignmentRole && index.column() == Members)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Name:
        return row.name;
    case Head:
        return row.head;
    case Village:
        return row.village;
    case Members:
        return role == Qt::EditRole ? QVariant(row.members) : QVariant(QLocale().toString(row.members));
    default:
        return {};
    }
}

QVariant RegistryAsOfModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Household");
    case Head:
        return tr("Head");
    case Village:
        return tr("Village or area");
    case Members:
        return tr("Members");
    default:
        return {};
    }
}

void RegistryAsOfModel::setRows(std::vector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

// --- dialog ----------------------------------------------------------------------------------

RegistryAsOfDialog::RegistryAsOfDialog(core::Ledger &ledger, QDateTime initial, QWidget *parent)
    : QDialog(parent)
    , m_ledger(ledger)
    , m_model(new RegistryAsOfModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Registry as of a date"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    auto *whenLabel = new QLabel(tr("&As of:"));
    m_when = new QDateTimeEdit;
    m_when->setObjectName(u"asOfEdit"_s);
    m_when->setCalendarPopup(true);
    m_when->setTimeSpec(Qt::UTC);
    m_when->setDisplayFormat(u"yyyy-MM-dd HH:mm 'UTC'"_s);
    whenLabel->setBuddy(m_when);
    m_show = new QPushButton(tr("&Show"));
    m_show->setObjectName(u"showButton"_s);
    m_show->setDefault(true);
    m_filter = new QLineEdit;
    m_filter->setObjectName(u"asOfFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by name, head or village…"));
    m_filter->setClearButtonEnabled(true);
    top->addWidget(whenLabel);
    top->addWidget(m_when);
    top->addWidget(m_show);
    top->addSpacing(12);
    top->addWidget(m_filter, 1);
    layout->addLayout(top);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(Qt::EditRole);
    m_table = new QTableView;
    m_table->setObjectName(u"asOfTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RegistryAsOfModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    layout->addWidget(m_table, 1);

    auto *bottom = new QHBoxLayout;
    m_status = new QLabel;
    m_status->setObjectName(u"asOfStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"asOfProgress"_s);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(u"asOfCancel"_s);
    m_cancel->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_cancel);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_show, &QPushButton::clicked, this, &RegistryAsOfDialog::load);
    connect(m_cancel, &QPushButton::clicked, this, &RegistryAsOfDialog::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table, &QTableView::activated, this, &RegistryAsOfDialog::activate);

    setInstant(initial.isValid() ? initial : QDateTime::currentDateTimeUtc());
    m_status->setText(tr("Choose a moment and press Show."));
    resize(860, 560);
}

RegistryAsOfDialog::~RegistryAsOfDialog()
{
    m_cancelled = true;
}

QDateTime RegistryAsOfDialog::instant() const
{
    return m_when->dateTime().toUTC();
}

void RegistryAsOfDialog::setInstant(const QDateTime &when)
{
    m_when->setDateTime(when.toUTC());
}

QString RegistryAsOfDialog::statusText() const
{
    return m_status->text();
}

void RegistryAsOfDialog::cancel()
{
    m_cancelled = true;
}

void RegistryAsOfDialog::reject()
{
    // While core reads, closing (Esc, the close button, a lock) first stops the reading; the
    // dialog goes once load() has returned.
    if (m_busy) {
        m_cancelled = true;
        return;
    }
    QDialog::reject();
}

void RegistryAsOfDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_show->setEnabled(!busy);
    m_when->setEnabled(!busy);
    if (busy)
        m_cancel->setFocus(Qt::OtherFocusReason);
}

bool RegistryAsOfDialog::load()
{
    if (m_busy)
        return false;
    const QDateTime when = instant();
    const qint64 atNs = when.toMSecsSinceEpoch() * 1'000'000;
    m_cancelled = false;
    setBusy(true);
    m_status->setText(
        tr("Reading the registry as of %1…").arg(QLocale().toString(when, QLocale::ShortFormat)));

    // Households and, for their heads, every person's name (the walk is in guid order, so a head
    // may come before or after its household).
    std::vector<RegistryAsOfModel::Row> rows;
    std::vector<QString> heads; // per row: the head's guid
    QHash<QString, QString> names;
    const auto catalog = FormCatalog::loadDefaults();
    const QString language = FormCatalog::uiLanguage();
    qint64 seen = 0;
    QElapsedTimer sinceEvents;
    sinceEvents.start();
    const core::Status walked = m_ledger.forEachEntity(atNs, false, [&](const core::Entity &entity) {
        if (++seen % kEventsEvery == 0 || sinceEvents.elapsed() > 50) {
            m_status->setText(
                tr("Reading the registry as of %1… %2 records")
                    .arg(QLocale().toString(when, QLocale::ShortFormat), QLocale().toString(seen)));
            QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 20);
            QCoreApplication::processEvents(); // Cancel and Close
            sinceEvents.restart();
            if (m_cancelled)
                return false;
        }
        if (!entity.isGroup()) {
            names.insert(entity.guid, personName(entity.data));
            return true;
        }
        RegistryAsOfModel::Row row;
        row.guid = entity.guid;
        row.name = entity.data.value(u"name"_s).toString();
        const QString village = entity.data.value(u"village"_s).toString();
        row.village = catalog ? catalog->choiceLabel(u"villages"_s, village, language) : village;
        row.members = int(entity.memberIds.size());
        QString head = entity.data.value(u"headId"_s).toString();
        if (head.isEmpty() && !entity.memberIds.isEmpty())
            head = entity.memberIds.front();
        rows.push_back(std::move(row));
        heads.push_back(head);
        return true;
    });
    setBusy(false);
    if (m_cancelled) {
        m_status->setText(tr("Cancelled: the list shows what was read before."));
        return false;
    }
    if (!walked) {
        m_status->setText(
            tr("The registry could not be read as of that moment: %1").arg(walked.error().message));
        return false;
    }
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i].head = names.value(heads[i]);
    const qsizetype count = qsizetype(rows.size());
    m_model->setRows(std::move(rows));
    m_status->setText(
        tr("%n household(s) as of %1. Enter or a double click shows one as it was then.", nullptr, int(count))
            .arg(QLocale().toString(when, QLocale::ShortFormat)));
    m_table->setFocus(Qt::OtherFocusReason);
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
    return true;
}

void RegistryAsOfDialog::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    emit timeTravelRequested(index.data(RegistryAsOfModel::GuidRole).toString(), instant());
}

} // namespace fieldledger::ui
