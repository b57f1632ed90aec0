#include "ui/forms/rosterwidget.h"

#include "ui/forms/fieldpanel.h"
#include "ui/forms/formcontext.h"
#include "ui/forms/rostermodel.h"
#include "ui/messagebox.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QColor kErrorColor(0xb0, 0x2a, 0x1e);

std::vector<const core::Field *> fieldsOf(const core::Field &container)
{
    std::vector<const core::Field *> fields;
    fields.reserve(container.fields.size());
    for (const core::Field &field : container.fields)
        fields.push_back(&field);
    return fields;
}

void setTextColor(QWidget *widget, const QColor &color)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, color);
    widget->setPalette(palette);
}

} // namespace

RosterWidget::RosterWidget(FormContext &context, const core::Field &repeat, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_repeat(repeat)
    , m_repeatPath(repeat.name)
{
    const QString name = objectPath();
    setObjectName(name + u"/roster"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    auto *header = new QHBoxLayout;
    header->setSpacing(8);
    m_title = new QLabel(this);
    m_title->setObjectName(name + u"/title"_s);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(name + u"/count"_s);
    m_countLabel->setTextFormat(Qt::PlainText);
    setTextColor(m_countLabel, palette().color(QPalette::PlaceholderText));
    m_addButton = new QPushButton(this);
    m_addButton->setObjectName(name + u"/add"_s);
    m_removeButton = new QPushButton(this);
    m_removeButton->setObjectName(name + u"/remove"_s);
    header->addWidget(m_title);
    header->addWidget(m_countLabel);
    header->addStretch();
    header->addWidget(m_addButton);
    header->addWidget(m_removeButton);
    layout->addLayout(header);

    m_message = new QLabel(this);
    m_message->setObjectName(name + u"/message"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    setTextColor(m_message, kErrorColor);
    m_message->hide();
    layout->addWidget(m_message);

    m_model = new RosterModel(*m_context.state(), m_repeat, m_repeatPath, m_context.language(),
                              RosterModel::kDefaultFieldColumns, this);

    m_table = new QTableView(this);
    m_table->setObjectName(name + u"/table"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setMinimumWidth(280);
    m_table->setMinimumHeight(150);
    // Fixed sizes: nothing is measured per row, however long the roster.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    // The fields share the width; the issues column keeps what its title needs. Long labels end
    // in an ellipsis (the full label is the tooltip).
    QHeaderView *columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Stretch);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setTextElideMode(Qt::ElideRight);
    columns->setHighlightSections(false);
    columns->setMinimumSectionSize(48);
    m_table->setTextElideMode(Qt::ElideRight);

    auto *editorPage = new QWidget;
    auto *editorLayout = new QVBoxLayout(editorPage);
    editorLayout->setContentsMargins(14, 0, 14, 10);
    m_editorLayout = editorLayout;
    editorLayout->setSpacing(10);
    m_editorHeading = new QLabel(editorPage);
    m_editorHeading->setObjectName(name + u"/heading"_s);
    m_editorHeading->setTextFormat(Qt::PlainText);
    m_editorHeading->setFont(titleFont);
    m_emptyLabel = new QLabel(editorPage);
    m_emptyLabel->setObjectName(name + u"/empty"_s);
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setWordWrap(true);
    setTextColor(m_emptyLabel, palette().color(QPalette::PlaceholderText));
    m_editor = new FieldPanel(m_context, fieldsOf(m_repeat), editorPage);
    m_editor->setObjectName(name + u"/editor"_s);
    editorLayout->addWidget(m_editorHeading);
    editorLayout->addWidget(m_emptyLabel);
    editorLayout->addWidget(m_editor);
    editorLayout->addStretch();

    m_editorArea = new QScrollArea(this);
    m_editorArea->setObjectName(name + u"/editorArea"_s);
    m_editorArea->setWidgetResizable(true);
    m_editorArea->setFrameShape(QFrame::NoFrame);
    m_editorArea->setWidget(editorPage);
    m_editorArea->setMinimumWidth(300);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(name + u"/splitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_editorArea);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    connect(m_addButton, &QPushButton::clicked, this, [this] { addEntry(); });
    connect(m_removeButton, &QPushButton::clicked, this, [this] { removeSelectedEntry(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_selecting)
                    bindEditor(current.isValid() ? current.row() : -1);
            });
    // Enter (see eventFilter) or a double click: on to the entry's fields.
    connect(m_table, &QTableView::activated, this, [this] { m_editor->focusFirstInput(); });
    m_table->installEventFilter(this);

    auto shortcut = [this](const QKeySequence &keys, QWidget *scope, Qt::ShortcutContext where, auto slot) {
        auto *item = new QShortcut(keys, scope);
        item->setContext(where);
        connect(item, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_Insert), this, Qt::WidgetWithChildrenShortcut, [this] { addEntry(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this, Qt::WidgetWithChildrenShortcut,
             [this] { addEntry(); });
    shortcut(QKeySequence(Qt::Key_Delete), m_table, Qt::WidgetShortcut, [this] { removeSelectedEntry(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Up), this, Qt::WidgetWithChildrenShortcut,
             [this] { moveSelection(-1); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Down), this, Qt::WidgetWithChildrenShortcut,
             [this] { moveSelection(1); });
}

RosterWidget::~RosterWidget() = default;

QString RosterWidget::objectPath() const
{
    QString path = m_repeat.name;
    const auto &all = m_context.state()->definition().allFields();
    for (int parent = m_repeat.parent; parent >= 0; parent = all[std::size_t(parent)]->parent) {
        const core::Field &container = *all[std::size_t(parent)];
        if (container.type == core::FieldType::Repeat)
            path = container.name + u'.' + path;
    }
    return path;
}

void RosterWidget::bind(const QString &repeatPath)
{
    m_repeatPath = repeatPath;
    if (m_model->repeatPath() != repeatPath)
        m_model->setRepeatPath(repeatPath);
    selectRow(m_model->rowCount() > 0 ? 0 : -1);
    showOwnState();
    updateControls();
}

int RosterWidget::currentRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void RosterWidget::selectRow(int row)
{
    m_selecting = true;
    if (row >= 0 && row < m_model->rowCount()) {
        const QModelIndex index = m_model->index(row, 0);
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
        m_table->scrollTo(index);
    } else {
        m_table->selectionModel()->clear();
        row = -1;
    }
    m_selecting = false;
    bindEditor(row);
}

void RosterWidget::bindEditor(int row)
{
    m_boundRow = row;
    const bool bound = row >= 0;
    if (bound) {
        m_editor->bind(m_model->instancePath(row));
        m_editorHeading->setText(tr("Entry %1 of %2").arg(row + 1).arg(m_model->rowCount()));
    }
    m_editorHeading->setVisible(bound);
    m_editor->setVisible(bound);
    m_emptyLabel->setVisible(!bound);
    updateControls();
}

void RosterWidget::refresh(const QStringList &paths, const QSet<QString> &names)
{
    const int before = m_model->rowCount();
    m_model->applyChanges(paths);
    const int after = m_model->rowCount();
    if (after != before) {
        // The repeat's count moved: keep a valid selection.
        const int row = currentRow();
        selectRow(row >= 0 && row < after ? row : std::min(std::max(row, 0), after - 1));
    } else if (m_boundRow >= 0) {
        const QString prefix = m_model->instancePath(m_boundRow) + u'.';
        QStringList mine;
        for (const QString &path : paths) {
            if (path.startsWith(prefix))
                mine.push_back(path);
        }
        m_editor->refresh(mine, names);
    }
    showOwnState();
    updateControls();
}

void RosterWidget::refreshAll()
{
    if (m_boundRow >= 0)
        m_editor->refreshAll();
    showOwnState();
    updateControls();
}

void RosterWidget::retranslate()
{
    m_title->setText(m_context.text(m_repeat.label));
    m_title->setVisible(m_titleShown && !m_title->text().isEmpty());
    m_addButton->setText(tr("&Add"));
    m_addButton->setToolTip(tr("Add an entry (Insert or Ctrl+Shift+N)"));
    m_removeButton->setText(tr("&Remove"));
    m_removeButton->setToolTip(tr("Remove the selected entry (Delete in the table)"));
    m_emptyLabel->setText(tr("No entries yet. Add one with Insert or Ctrl+Shift+N."));
    m_table->setAccessibleName(m_title->text());
    m_model->setLanguage(m_context.language());
    const int issues = m_model->issuesColumn();
    m_table->horizontalHeader()->setSectionResizeMode(issues, QHeaderView::Fixed);
    m_table->horizontalHeader()->resizeSection(
        issues,
        m_table->fontMetrics().horizontalAdvance(m_model->headerData(issues, Qt::Horizontal).toString()) +
            24);
    m_editor->retranslate();
    if (m_boundRow >= 0)
        m_editorHeading->setText(tr("Entry %1 of %2").arg(m_boundRow + 1).arg(m_model->rowCount()));
    updateControls();
}

void RosterWidget::setTitleShown(bool shown)
{
    m_titleShown = shown;
    m_title->setVisible(m_titleShown && !m_title->text().isEmpty());
}

void RosterWidget::showOwnState()
{
    const core::FormState *state = m_context.state();
    const bool relevant = state->isRelevant(m_repeatPath);
    if (isHidden() == relevant)
        setVisible(relevant);
    const std::optional<core::FieldIssue> issue = state->issue(m_repeatPath);
    const bool show = issue && m_context.isIssueShown(m_repeatPath);
    m_message->setText(show ? issue->message : QString());
    m_message->setVisible(show);
}

void RosterWidget::updateControls()
{
    const int rows = m_model->rowCount();
    const bool fixed = m_repeat.count.has_value();
    m_addButton->setVisible(!fixed);
    m_removeButton->setVisible(!fixed);
    m_addButton->setEnabled(m_model->canAddInstance());
    m_removeButton->setEnabled(m_model->canRemoveInstance() && m_boundRow >= 0);
    m_countLabel->setText(tr("Entries: %n", nullptr, rows));
    m_countLabel->setVisible(!fixed);
    // A form that fixes one instance (add a member) needs no table: the editor is the page.
    const bool tableShown = !(fixed && rows <= 1);
    m_table->setVisible(tableShown);
    m_editorLayout->setContentsMargins(tableShown ? 14 : 0, 0, tableShown ? 14 : 0, 10);
    if (m_boundRow >= 0)
        m_editorHeading->setText(tr("Entry %1 of %2").arg(m_boundRow + 1).arg(rows));
    m_editorHeading->setVisible(m_boundRow >= 0 && !(fixed && rows <= 1));
}

bool RosterWidget::addEntry()
{
    core::Result<QSet<QString>> changed = m_model->addInstance();
    if (!changed) {
        m_message->setText(m_repeat.maxCount ? tr("No more entries can be added: the limit is %n.", nullptr,
                                                  *m_repeat.maxCount)
                                             : tr("No entry can be added here."));
        m_message->show();
        return false;
    }
    selectRow(m_model->rowCount() - 1);
    m_context.announce(*changed, m_repeatPath);
    m_editor->focusFirstInput();
    return true;
}

bool RosterWidget::removeSelectedEntry()
{
    const int row = currentRow();
    if (row < 0)
        return false;
    if (!m_model->canRemoveInstance()) {
        m_message->setText(m_repeat.minCount > 0 ? tr("This entry cannot be removed: at least %n must stay.",
                                                      nullptr, m_repeat.minCount)
                                                 : tr("This entry cannot be removed."));
        m_message->show();
        return false;
    }
    if (hasAnswers(row)) {
        const auto answer = MessageBox::question(
            this, tr("Remove Entry"), tr("Remove entry %1 and everything entered for it?").arg(row + 1),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return false;
    }
    const bool tableHadFocus = m_table->hasFocus();
    m_selecting = true;
    core::Result<QSet<QString>> changed = m_model->removeInstance(row);
    m_selecting = false;
    if (!changed)
        return false;
    selectRow(std::min(row, m_model->rowCount() - 1));
    m_context.announce(*changed, m_repeatPath);
    if (tableHadFocus || m_boundRow < 0)
        focusTable();
    return true;
}

bool RosterWidget::hasAnswers(int row) const
{
    const core::FormState *state = m_context.state();
    const QString prefix = m_model->instancePath(row) + u'.';
    std::vector<const core::Field *> pending = fieldsOf(m_repeat);
    while (!pending.empty()) {
        const core::Field *field = pending.back();
        pending.pop_back();
        if (field->type == core::FieldType::Group) {
            for (const core::Field &child : field->fields)
                pending.push_back(&child);
        } else if (field->type == core::FieldType::Repeat) {
            if (state->instanceCount(prefix + field->name) > 0)
                return true;
        } else if (field->isInput() && !core::isEmptyValue(state->value(prefix + field->name))) {
            return true;
        }
    }
    return false;
}

void RosterWidget::moveSelection(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int row = std::clamp(currentRow() + delta, 0, rows - 1);
    if (row != currentRow())
        selectRow(row);
}

bool RosterWidget::focusPath(const QString &path)
{
    if (path == m_repeatPath)
        return focusTable();
    const QString start = m_repeatPath + u'[';
    if (!path.startsWith(start))
        return false;
    const qsizetype close = path.indexOf(u']', start.size());
    bool ok = false;
    const int row = close < 0 ? -1 : QStringView(path).sliced(start.size(), close - start.size()).toInt(&ok);
    if (!ok || row < 0 || row >= m_model->rowCount())
        return false;
    if (row != m_boundRow)
        selectRow(row);
    if (m_editor->focusPath(path))
        return true;
    return focusTable();
}

bool RosterWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
            if (m_boundRow >= 0)
                m_editor->focusFirstInput();
            return true; // handled here, not passed on to the form (next field)
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool RosterWidget::focusAddButton()
{
    if (m_addButton->isHidden() || !m_addButton->isEnabled())
        return false;
    m_addButton->setFocus(Qt::TabFocusReason);
    return true;
}

bool RosterWidget::focusTable()
{
    if (isHidden())
        return false;
    if (m_model->rowCount() == 0) {
        if (m_addButton->isHidden())
            return false;
        m_addButton->setFocus(Qt::OtherFocusReason);
        return true;
    }
    if (m_table->isHidden())
        return m_editor->focusFirstInput();
    if (currentRow() < 0)
        selectRow(0);
    m_table->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace fieldledger::ui
