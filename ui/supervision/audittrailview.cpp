#include "ui/supervision/audittrailview.h"

#include "ui/supervision/audittrailmodel.h"
#include "ui/supervision/timetext.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimeZone>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

qint64 startOfLocalDayNs(const QDate &date)
{
    return date.startOfDay().toMSecsSinceEpoch() * 1'000'000;
}

QDate localDate(qint64 instantNs)
{
    return dateTimeFromNs(instantNs).toLocalTime().date();
}

// Selects the entry whose data is `value` (the first, "all", when none is).
void selectData(QComboBox *combo, const QString &value)
{
    const int found = combo->findData(value);
    combo->setCurrentIndex(found < 0 ? 0 : found);
}

} // namespace

AuditTrailView::AuditTrailView(core::Ledger &ledger, QString entityGuid, QWidget *parent)
    : QWidget(parent)
    , m_model(new AuditTrailModel(ledger, std::move(entityGuid), this))
    , m_filter(new AuditTrailFilterModel(this))
    , m_tree(new QTreeView(this))
    , m_user(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_error(new QLabel(this))
{
    m_filter->setSourceModel(m_model);

    auto *fromCheck = new QCheckBox(tr("&From"), this);
    auto *toCheck = new QCheckBox(tr("&To"), this);
    fromCheck->setObjectName(u"fromCheck"_s);
    toCheck->setObjectName(u"toCheck"_s);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        edit->setDate(QDate::currentDate());
    }
    connect(fromCheck, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(toCheck, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    m_user->setObjectName(u"userFilter"_s);
    m_type->setObjectName(u"typeFilter"_s);
    m_from->setObjectName(u"fromDate"_s);
    m_to->setObjectName(u"toDate"_s);
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search in values…"));
    m_search->setClearButtonEnabled(true);
    m_count->setObjectName(u"count"_s);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b03a2e;"_s);
    m_error->hide();

    auto *userLabel = new QLabel(tr("&User:"), this);
    userLabel->setBuddy(m_user);
    auto *typeLabel = new QLabel(tr("&Event:"), this);
    typeLabel->setBuddy(m_type);
    auto *filters = new QHBoxLayout;
    filters->addWidget(userLabel);
    filters->addWidget(m_user);
    filters->addWidget(typeLabel);
    filters->addWidget(m_type);
    filters->addWidget(fromCheck);
    filters->addWidget(m_from);
    filters->addWidget(toCheck);
    filters->addWidget(m_to);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_count);

    m_tree->setObjectName(u"auditTree"_s);
    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->installEventFilter(this);
    const QFontMetrics metrics(font());
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->resizeSection(AuditTrailModel::When, metrics.horizontalAdvance(widestTimeText()) + 48);
    header->resizeSection(AuditTrailModel::User, metrics.horizontalAdvance(u"M"_s) * 14);
    header->resizeSection(AuditTrailModel::Type, metrics.horizontalAdvance(u"M"_s) * 13);
    header->setSectionResizeMode(AuditTrailModel::Reason, QHeaderView::Stretch);
    header->resizeSection(AuditTrailModel::Late, metrics.horizontalAdvance(u"Late"_s) + 40);

    auto *copy = new QAction(tr("&Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copySelection(); });
    m_tree->addAction(copy);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &AuditTrailView::showContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_error);
    layout->addWidget(m_tree, 1);

    connect(m_user, &QComboBox::currentIndexChanged, this, &AuditTrailView::applyFilter);
    connect(m_type, &QComboBox::currentIndexChanged, this, &AuditTrailView::applyFilter);
    connect(fromCheck, &QCheckBox::toggled, this, &AuditTrailView::applyFilter);
    connect(toCheck, &QCheckBox::toggled, this, &AuditTrailView::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditTrailView::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditTrailView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, &AuditTrailView::applyFilter);

    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &AuditTrailView::spanChanges);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &AuditTrailView::spanAll);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &AuditTrailView::spanAll);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &AuditTrailView::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &AuditTrailView::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &AuditTrailView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditTrailView::refillChoices);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &AuditTrailView::refillChoices);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditTrailView::refillChoices);
    connect(m_model, &AuditTrailModel::errorOccurred, this, &AuditTrailView::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showError(m_model->errorText()); });
    showError(m_model->errorText());
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                emit currentEventChanged(current.data(AuditTrailModel::EventGuidRole).toString());
            });

    refillChoices();
    // The date range starts as the trail's own span, so ticking a box narrows it from there.
    if (m_model->rowCount() > 0) {
        const auto instant = [this](int row) {
            return m_model->index(row, 0).data(AuditTrailModel::InstantRole).toDateTime();
        };
        m_from->setDate(instant(0).toLocalTime().date());
        m_to->setDate(instant(m_model->rowCount() - 1).toLocalTime().date());
    }
    spanAll();
    updateCount();
    setFocusProxy(m_tree);
}

AuditTrailView::~AuditTrailView() = default;

core::AuditFilter AuditTrailView::filter() const
{
    core::AuditFilter filter;
    filter.userId = m_user->currentData().toString();
    filter.eventType = m_type->currentData().toString();
    if (m_from->isEnabled())
        filter.fromNs = startOfLocalDayNs(m_from->date());
    if (m_to->isEnabled())
        filter.toNs = startOfLocalDayNs(m_to->date().addDays(1));
    filter.search = m_search->text();
    return filter;
}

void AuditTrailView::setFilter(const core::AuditFilter &filter)
{
    {
        const QSignalBlocker blockUser(m_user);
        const QSignalBlocker blockType(m_type);
        const QSignalBlocker blockFrom(m_from);
        const QSignalBlocker blockTo(m_to);
        const QSignalBlocker blockSearch(m_search);
        selectData(m_user, filter.userId);
        selectData(m_type, filter.eventType);
        auto *fromCheck = findChild<QCheckBox *>(u"fromCheck"_s);
        auto *toCheck = findChild<QCheckBox *>(u"toCheck"_s);
        const QSignalBlocker blockFromCheck(fromCheck);
        const QSignalBlocker blockToCheck(toCheck);
        fromCheck->setChecked(filter.fromNs.has_value());
        toCheck->setChecked(filter.toNs.has_value());
        m_from->setEnabled(filter.fromNs.has_value());
        m_to->setEnabled(filter.toNs.has_value());
        if (filter.fromNs)
            m_from->setDate(localDate(*filter.fromNs));
        if (filter.toNs)
            m_to->setDate(localDate(*filter.toNs - 1));
        m_search->setText(filter.search);
    }
    applyFilter();
}

void AuditTrailView::applyFilter()
{
    m_filter->setFilter(filter());
    updateCount();
}

void AuditTrailView::refillChoices()
{
    const QString user = m_user->currentData().toString();
    const QString type = m_type->currentData().toString();
    const QSignalBlocker blockUser(m_user);
    const QSignalBlocker blockType(m_type);
    m_user->clear();
    m_user->addItem(tr("All users"), QString());
    for (const QString &id : m_model->userIds())
        m_user->addItem(m_model->userLabel(id), id);
    m_type->clear();
    m_type->addItem(tr("All events"), QString());
    for (const QString &eventType : m_model->eventTypes())
        m_type->addItem(AuditTrailModel::eventTypeLabel(eventType), eventType);
    selectData(m_user, user);
    selectData(m_type, type);
}

void AuditTrailView::spanChanges(const QModelIndex &parent, int first, int last)
{
    // Spans first, expansions after: expanding lays the tree out again, and a span set after
    // that would lay it out once per call.
    if (parent.isValid()) {
        for (int row = first; row <= last; ++row)
            m_tree->setFirstColumnSpanned(row, parent, true);
        m_tree->expand(parent);
        return;
    }
    for (int row = first; row <= last; ++row) {
        const QModelIndex event = m_filter->index(row, 0);
        const int changes = m_filter->rowCount(event);
        for (int change = 0; change < changes; ++change)
            m_tree->setFirstColumnSpanned(change, event, true);
    }
    if (last - first >= 32) { // a filter let many back in: one layout for all
        m_tree->expandAll();
        return;
    }
    for (int row = first; row <= last; ++row)
        m_tree->expand(m_filter->index(row, 0));
}

void AuditTrailView::spanAll()
{
    const int rows = m_filter->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QModelIndex event = m_filter->index(row, 0);
        const int changes = m_filter->rowCount(event);
        for (int change = 0; change < changes; ++change)
            m_tree->setFirstColumnSpanned(change, event, true);
    }
    m_tree->expandAll();
}

void AuditTrailView::showError(const QString &message)
{
    m_error->setText(tr("The audit trail could not be read: %1").arg(message));
    m_error->setVisible(!message.isEmpty());
}

void AuditTrailView::updateCount()
{
    const int shown = m_filter->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n event(s)", nullptr, total)
                                    : tr("%1 of %n event(s)", nullptr, total).arg(shown));
}

QString AuditTrailView::currentEventGuid() const
{
    return m_tree->currentIndex().data(AuditTrailModel::EventGuidRole).toString();
}

bool AuditTrailView::selectEvent(const QString &eventGuid)
{
    const int row = m_model->rowOfEvent(eventGuid);
    if (row < 0)
        return false;
    QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) {
        setFilter({});
        index = m_filter->mapFromSource(m_model->index(row, 0));
    }
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

QString AuditTrailView::copySelection()
{
    QModelIndexList rows = m_tree->selectionModel()->selectedRows(0);
    if (rows.isEmpty() && m_tree->currentIndex().isValid())
        rows.append(m_tree->currentIndex().siblingAtColumn(0));
    // In the order the tree shows them: events by row, each event's changes after it.
    std::ranges::sort(rows, [](const QModelIndex &a, const QModelIndex &b) {
        const auto key = [](const QModelIndex &index) {
            return index.parent().isValid() ? std::pair(index.parent().row(), index.row())
                                            : std::pair(index.row(), -1);
        };
        return key(a) < key(b);
    });
    QStringList lines;
    for (const QModelIndex &index : std::as_const(rows))
        lines.append(m_model->rowText(m_filter->mapToSource(index)));
    const QString text = lines.join(u'\n');
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
    return text;
}

bool AuditTrailView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Copy)) {
            // The tree's own Ctrl+C copies one cell, and a window-wide Copy must not take it.
            event->accept();
            if (event->type() == QEvent::KeyPress)
                copySelection();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void AuditTrailView::showContextMenu(const QPoint &position)
{
    QMenu menu(this);
    menu.addActions(m_tree->actions());
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

} // namespace fieldledger::ui
