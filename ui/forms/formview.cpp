#include "ui/forms/formview.h"

#include "ui/forms/fieldeditor.h"
#include "ui/forms/fieldpanel.h"
#include "ui/forms/formcontext.h"
#include "ui/forms/rostermodel.h"
#include "ui/forms/rosterwidget.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QColor kErrorColor(0xb0, 0x2a, 0x1e);
constexpr int kPathRole = Qt::UserRole;
constexpr int kReadableWidth = 760; // fields and their texts stay within this width

bool showsSomething(const core::Field &field)
{
    if (field.type == core::FieldType::Hidden)
        return false;
    if (field.type == core::FieldType::Calculate)
        return !field.label.isEmpty();
    return true;
}

void setTextColor(QWidget *widget, const QColor &color)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, color);
    widget->setPalette(palette);
}

QFont scaledFont(const QFont &base, qreal factor, bool bold)
{
    QFont font = base;
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

FormView::FormView(QWidget *parent)
    : QWidget(parent)
    , m_context(new FormContext(this))
{
    setObjectName(u"FormView"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    connect(m_context, &FormContext::changed, this, &FormView::dispatch);

    auto *submitShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    auto *submitShortcutKeypad = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this);
    auto *cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    for (QShortcut *shortcut : {submitShortcut, submitShortcutKeypad, cancelShortcut})
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(submitShortcut, &QShortcut::activated, this, [this] { submit(); });
    connect(submitShortcutKeypad, &QShortcut::activated, this, [this] { submit(); });
    connect(cancelShortcut, &QShortcut::activated, this, [this] {
        if (hasForm())
            emit cancelRequested();
    });
}

FormView::~FormView()
{
    // The widgets read the state while they go: delete them first.
    delete m_body;
    m_pages.clear();
}

const core::FormDefinition &FormView::definition() const
{
    Q_ASSERT(m_definition);
    return *m_definition;
}

const core::FormState &FormView::state() const
{
    Q_ASSERT(m_state);
    return *m_state;
}

core::FormValues FormView::values() const
{
    return m_state ? m_state->values() : core::FormValues();
}

void FormView::setForm(core::FormDefinition definition, QDate today, const QString &language,
                       std::optional<core::FormValues> initial)
{
    delete m_body; // the old widgets read the old state
    m_pages.clear();
    m_pageOfName.clear();
    m_pageContainers.clear();

    m_definition = std::move(definition);
    m_state = initial ? std::make_unique<core::FormState>(*m_definition, *initial, today)
                      : std::make_unique<core::FormState>(*m_definition, today);
    m_language = language.isEmpty() ? m_definition->defaultLanguage() : language;
    m_state->setLanguage(m_language);
    m_context->setState(m_state.get());
    m_context->setLanguage(m_language);
    m_submitPending = false;

    buildBody();
    retranslate();
    goToPage(0);
}

void FormView::buildBody()
{
    m_body = new QWidget(this);
    m_body->setObjectName(u"formBody"_s);
    auto *layout = new QVBoxLayout(m_body);
    layout->setContentsMargins(20, 14, 20, 12);
    layout->setSpacing(8);

    auto *titleRow = new QHBoxLayout;
    m_titleLabel = new QLabel(m_body);
    m_titleLabel->setObjectName(u"formTitle"_s);
    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setFont(scaledFont(font(), 1.35, true));
    m_stepLabel = new QLabel(m_body);
    m_stepLabel->setObjectName(u"stepLabel"_s);
    m_stepLabel->setTextFormat(Qt::PlainText);
    setTextColor(m_stepLabel, palette().color(QPalette::PlaceholderText));
    titleRow->addWidget(m_titleLabel);
    titleRow->addStretch();
    titleRow->addWidget(m_stepLabel);
    layout->addLayout(titleRow);

    m_pageHeading = new QLabel(m_body);
    m_pageHeading->setObjectName(u"pageHeading"_s);
    m_pageHeading->setTextFormat(Qt::PlainText);
    m_pageHeading->setFont(scaledFont(font(), 1.15, true));
    layout->addWidget(m_pageHeading);

    m_banner = new QLabel(m_body);
    m_banner->setObjectName(u"submitError"_s);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(u"QLabel { background: #fbecea; color: %1; border: 1px solid #e6b8b2; "
                            "border-radius: 3px; padding: 6px 8px; }"_s.arg(kErrorColor.name()));
    m_banner->hide();
    layout->addWidget(m_banner);

    m_stack = new QStackedWidget(m_body);
    m_stack->setObjectName(u"pages"_s);
    layout->addWidget(m_stack, 1);

    buildPages();
    m_summaryWidget = buildSummaryPage();
    m_stack->addWidget(m_summaryWidget);

    // The buttons come after the pages in the focus chain: Tab goes from a page's last field to
    // Back, Next or Submit.
    auto *separator = new QFrame(m_body);
    separator->setFrameShape(QFrame::HLine);
    separator->setFrameShadow(QFrame::Sunken);
    layout->addWidget(separator);
    auto *buttons = new QHBoxLayout;
    m_backButton = new QPushButton(m_body);
    m_backButton->setObjectName(u"backButton"_s);
    m_nextButton = new QPushButton(m_body);
    m_nextButton->setObjectName(u"nextButton"_s);
    m_submitButton = new QPushButton(m_body);
    m_submitButton->setObjectName(u"submitButton"_s);
    m_cancelButton = new QPushButton(m_body);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    buttons->addWidget(m_cancelButton);
    buttons->addStretch();
    buttons->addWidget(m_backButton);
    buttons->addWidget(m_nextButton);
    buttons->addWidget(m_submitButton);
    layout->addLayout(buttons);

    connect(m_backButton, &QPushButton::clicked, this, [this] { previousPage(); });
    connect(m_nextButton, &QPushButton::clicked, this, [this] { nextPage(); });
    connect(m_submitButton, &QPushButton::clicked, this, [this] { submit(); });
    connect(m_cancelButton, &QPushButton::clicked, this, &FormView::cancelRequested);

    static_cast<QVBoxLayout *>(this->layout())->addWidget(m_body);
}

void FormView::buildPages()
{
    const std::vector<core::Field> &fields = m_definition->fields();
    std::vector<const core::Field *> loose;
    for (const core::Field &field : fields) {
        if (!field.isContainer())
            loose.push_back(&field);
    }
    auto addPage = [this](const core::Field *container, const std::vector<const core::Field *> &content) {
        const int index = int(m_pages.size());
        auto *panel = new FieldPanel(*m_context, content);
        QWidget *widget = nullptr;
        if (container && container->type == core::FieldType::Repeat) {
            // A roster fills its page; the table and the editor scroll by themselves.
            widget = new QWidget;
            auto *layout = new QVBoxLayout(widget);
            layout->setContentsMargins(0, 4, 0, 4);
            layout->addWidget(panel);
            panel->roster(container->name)->setTitleShown(false);
        } else {
            auto *holder = new QWidget;
            auto *layout = new QHBoxLayout(holder);
            layout->setContentsMargins(2, 6, 12, 12);
            // Left-aligned, at most kReadableWidth wide; the space below and beside stays empty.
            auto *column = new QVBoxLayout;
            column->addWidget(panel);
            column->addStretch(1);
            panel->setPreferredWidth(kReadableWidth);
            panel->setMaximumWidth(kReadableWidth);
            layout->addLayout(column);
            layout->addStretch(1);
            auto *scroll = new QScrollArea;
            scroll->setWidgetResizable(true);
            scroll->setFrameShape(QFrame::NoFrame);
            scroll->setWidget(holder);
            widget = scroll;
        }
        widget->setObjectName(u"page"_s + QString::number(index));
        m_stack->addWidget(widget);
        m_pages.push_back(Page{container, panel, widget});
        for (const QString &name : panel->names())
            m_pageOfName.insert(name, index);
        if (container) {
            m_pageOfName.insert(container->name, index);
            m_pageContainers.insert(container->name);
        }
    };

    if (std::ranges::any_of(loose, [](const core::Field *field) { return showsSomething(*field); }))
        addPage(nullptr, loose);
    for (const core::Field &field : fields) {
        if (!field.isContainer())
            continue;
        if (field.type == core::FieldType::Repeat) {
            addPage(&field, {&field});
        } else {
            std::vector<const core::Field *> content;
            for (const core::Field &child : field.fields)
                content.push_back(&child);
            addPage(&field, content);
        }
    }
    for (const Page &page : m_pages)
        page.panel->bind(QString());
}

QWidget *FormView::buildSummaryPage()
{
    auto *page = new QWidget;
    page->setObjectName(u"summaryPage"_s);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(2, 6, 2, 6);
    layout->setSpacing(6);

    m_summaryStatus = new QLabel(page);
    m_summaryStatus->setObjectName(u"summaryStatus"_s);
    m_summaryStatus->setTextFormat(Qt::PlainText);
    m_summaryStatus->setWordWrap(true);
    layout->addWidget(m_summaryStatus);

    m_issuesHeading = new QLabel(page);
    m_issuesHeading->setTextFormat(Qt::PlainText);
    m_issuesHeading->setFont(scaledFont(font(), 1.0, true));
    layout->addWidget(m_issuesHeading);
    m_issueList = new QListWidget(page);
    m_issueList->setObjectName(u"summaryIssues"_s);
    m_issueList->setMaximumHeight(150);
    m_issueList->setUniformItemSizes(true);
    layout->addWidget(m_issueList);
    m_issuesHeading->setBuddy(m_issueList);

    m_answersHeading = new QLabel(page);
    m_answersHeading->setTextFormat(Qt::PlainText);
    m_answersHeading->setFont(scaledFont(font(), 1.0, true));
    layout->addWidget(m_answersHeading);
    m_answerTree = new QTreeWidget(page);
    m_answerTree->setObjectName(u"summaryAnswers"_s);
    m_answerTree->setColumnCount(2);
    m_answerTree->setRootIsDecorated(true);
    m_answerTree->setUniformRowHeights(true);
    m_answerTree->setAlternatingRowColors(true);
    m_answerTree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_answerTree->header()->setStretchLastSection(true);
    m_answerTree->header()->resizeSection(0, 320);
    layout->addWidget(m_answerTree, 1);
    m_answersHeading->setBuddy(m_answerTree);

    auto jump = [this](const QString &path) {
        if (!path.isEmpty())
            focusField(path);
    };
    connect(m_issueList, &QListWidget::itemActivated, this,
            [jump](QListWidgetItem *item) { jump(item->data(kPathRole).toString()); });
    connect(m_issueList, &QListWidget::itemClicked, this,
            [jump](QListWidgetItem *item) { jump(item->data(kPathRole).toString()); });
    connect(m_answerTree, &QTreeWidget::itemActivated, this,
            [jump](QTreeWidgetItem *item) { jump(item->data(0, kPathRole).toString()); });
    // Enter jumps here and goes no further (the form would take it for "next field").
    m_issueList->installEventFilter(this);
    m_answerTree->installEventFilter(this);
    return page;
}

void FormView::retranslate()
{
    if (!hasForm())
        return;
    m_titleLabel->setText(m_definition->title().text(m_language, m_definition->defaultLanguage()));
    m_backButton->setText(tr("&Back"));
    m_nextButton->setText(tr("&Next"));
    m_nextButton->setToolTip(tr("Next section (Enter on the last field)"));
    m_submitButton->setText(tr("&Submit"));
    m_submitButton->setToolTip(tr("Submit the form (Ctrl+Enter)"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Leave the form (Esc)"));
    m_issuesHeading->setText(tr("&Issues"));
    m_answersHeading->setText(tr("&Answers"));
    m_answerTree->setHeaderLabels({tr("Question"), tr("Answer")});
    for (const Page &page : m_pages)
        page.panel->retranslate();
    updateNavigation();
    if (currentPage() == summaryPage())
        rebuildSummary();
}

void FormView::setLanguage(const QString &language)
{
    if (!hasForm()) {
        m_language = language;
        return;
    }
    m_language = language.isEmpty() ? m_definition->defaultLanguage() : language;
    m_state->setLanguage(m_language);
    m_context->setLanguage(m_language);
    retranslate();
}

int FormView::currentPage() const
{
    return m_stack && hasForm() ? m_stack->currentIndex() : -1;
}

QString FormView::fieldLabel(const core::Field &field) const
{
    const QString label = m_context->text(field.label);
    return label.isEmpty() ? field.name : label;
}

QString FormView::pageTitle(int page) const
{
    if (!hasForm() || page < 0 || page > summaryPage())
        return {};
    if (page == summaryPage())
        return tr("Summary");
    const Page &info = m_pages[std::size_t(page)];
    if (!info.container)
        return m_definition->title().text(m_language, m_definition->defaultLanguage());
    return fieldLabel(*info.container);
}

bool FormView::isPageRelevant(int page) const
{
    if (!hasForm() || page < 0 || page > summaryPage())
        return false;
    if (page == summaryPage())
        return true;
    const Page &info = m_pages[std::size_t(page)];
    if (info.container && !m_state->isRelevant(info.container->name))
        return false;
    return info.panel->hasVisibleContent();
}

void FormView::goToPage(int page)
{
    if (!hasForm())
        return;
    page = std::clamp(page, 0, summaryPage());
    const bool changed = page != m_stack->currentIndex();
    m_stack->setCurrentIndex(page);
    if (page == summaryPage())
        rebuildSummary();
    updateNavigation();
    if (page == summaryPage()) {
        if (m_issueList->count() > 0) {
            m_issueList->setCurrentRow(0);
            m_issueList->setFocus(Qt::OtherFocusReason);
        } else {
            m_submitButton->setFocus(Qt::OtherFocusReason);
        }
    } else if (!m_pages[std::size_t(page)].panel->focusFirstInput()) {
        m_nextButton->setFocus(Qt::OtherFocusReason);
    }
    if (changed || page == 0)
        emit pageChanged(page);
}

bool FormView::nextPage()
{
    for (int page = currentPage() + 1; page <= summaryPage(); ++page) {
        if (isPageRelevant(page)) {
            goToPage(page);
            return true;
        }
    }
    return false;
}

bool FormView::previousPage()
{
    for (int page = currentPage() - 1; page >= 0; --page) {
        if (isPageRelevant(page)) {
            goToPage(page);
            return true;
        }
    }
    return false;
}

void FormView::updateNavigation()
{
    if (!hasForm())
        return;
    const int page = currentPage();
    const bool summary = page == summaryPage();
    bool hasPrevious = false;
    for (int p = page - 1; p >= 0 && !hasPrevious; --p)
        hasPrevious = isPageRelevant(p);
    m_backButton->setEnabled(hasPrevious);
    m_nextButton->setVisible(!summary);
    m_submitButton->setDefault(summary);
    m_stepLabel->setText(tr("Page %1 of %2").arg(page + 1).arg(pageCount()));
    const bool loose = !summary && page >= 0 && !m_pages[std::size_t(page)].container;
    m_pageHeading->setText(pageTitle(page));
    m_pageHeading->setVisible(!loose);
    setBanner(m_banner->text(), m_bannerKind);
}

int FormView::pageOf(const QString &path) const
{
    return m_pageOfName.value(headName(path).toString(), -1);
}

bool FormView::focusField(const QString &path)
{
    const int page = pageOf(path);
    if (page < 0)
        return false;
    if (page != currentPage()) {
        m_stack->setCurrentIndex(page);
        updateNavigation();
        emit pageChanged(page);
    }
    return m_pages[std::size_t(page)].panel->focusPath(path);
}

void FormView::dispatch(const QStringList &paths, const QSet<QString> &names)
{
    std::vector<QStringList> perPage(m_pages.size());
    bool navigation = false;
    for (const QString &path : paths) {
        const QString head = headName(path).toString();
        const int page = m_pageOfName.value(head, -1);
        if (page >= 0)
            perPage[std::size_t(page)].push_back(path);
        if (head.size() == path.size() && m_pageContainers.contains(head))
            navigation = true;
    }
    for (std::size_t page = 0; page < m_pages.size(); ++page)
        m_pages[page].panel->refresh(perPage[page], names);
    if (navigation)
        updateNavigation();
    if (currentPage() == summaryPage())
        rebuildSummary();
    if (m_bannerKind == Banner::IssueCount) {
        // After a refused attempt the count follows the fixes, and goes when none is left.
        const auto left = int(m_state->validate().size());
        setBanner(left > 0 ? issueCountText(left) : QString(), Banner::IssueCount);
    }
    m_submitPending = false;
    emit valuesChanged();
}

bool FormView::submit()
{
    if (!hasForm() || m_submitPending)
        return false;
    const std::vector<core::FieldIssue> issues = m_state->validate();
    if (!issues.empty()) {
        m_context->setShowAllIssues(true);
        for (const Page &page : m_pages)
            page.panel->refreshAll();
        setBanner(issueCountText(int(issues.size())), Banner::IssueCount);
        if (currentPage() == summaryPage())
            rebuildSummary();
        focusField(issues.front().path);
        return false;
    }
    setBanner(QString(), Banner::None);
    m_submitPending = true;
    emit submitRequested(m_definition->eventType(), m_state->toEventData(), m_definition->metadataFor());
    return true;
}

QString FormView::submitError() const
{
    return m_bannerKind == Banner::None ? QString() : m_banner->text();
}

void FormView::showSubmitError(const QString &message)
{
    m_submitPending = false;
    setBanner(message.isEmpty() ? tr("The form could not be submitted.") : message, Banner::SubmitError);
}

QString FormView::issueCountText(int count)
{
    return tr("Issues to fix before the form can be submitted: %n.", nullptr, count);
}

void FormView::setBanner(const QString &message, Banner kind)
{
    if (!m_banner)
        return;
    m_bannerKind = message.isEmpty() ? Banner::None : kind;
    m_banner->setText(message);
    // The summary page says how many issues are left itself.
    const bool summary = currentPage() == summaryPage();
    m_banner->setVisible(m_bannerKind != Banner::None && !(summary && m_bannerKind == Banner::IssueCount));
}

QString FormView::describePath(const QString &path) const
{
    // "members[1].name" -> "Household members 2 › Full name"
    QStringList parts;
    QString definitionSoFar;
    for (const QStringView segment : QStringView(path).split(u'.')) {
        const QStringView name = headName(segment);
        definitionSoFar = joinFieldPath(definitionSoFar, name.toString());
        const core::Field *field = m_definition->field(definitionSoFar);
        QString text = field ? fieldLabel(*field) : name.toString();
        if (name.size() < segment.size()) {
            const int index = segment.sliced(name.size() + 1).chopped(1).toInt();
            text = tr("%1 %2").arg(text).arg(index + 1);
        }
        parts.push_back(text);
    }
    return parts.join(u" › "_s);
}

void FormView::rebuildSummary()
{
    const std::vector<core::FieldIssue> issues = m_state->validate();
    m_issueList->clear();
    for (const core::FieldIssue &issue : issues) {
        auto *item =
            new QListWidgetItem(tr("%1 — %2").arg(describePath(issue.path), issue.message), m_issueList);
        item->setData(kPathRole, issue.path);
        item->setForeground(kErrorColor);
    }
    m_issueList->setVisible(!issues.empty());
    m_issuesHeading->setVisible(!issues.empty());
    m_summaryStatus->setText(issues.empty()
                                 ? tr("Everything needed is answered. Check the answers, then submit.")
                                 : tr("Issues to fix before the form can be submitted: %n. "
                                      "Click one, or press Enter on it, to go to its field.",
                                      nullptr, int(issues.size())));
    setTextColor(m_summaryStatus, issues.empty() ? palette().color(QPalette::WindowText) : kErrorColor);

    m_answerTree->setUpdatesEnabled(false);
    m_answerTree->clear();
    addSummaryFields(m_answerTree->invisibleRootItem(), m_definition->fields(), QString());
    m_answerTree->expandAll();
    m_answerTree->setUpdatesEnabled(true);
}

void FormView::addSummaryFields(QTreeWidgetItem *parent, const std::vector<core::Field> &fields,
                                const QString &prefix)
{
    const QString fallback = m_definition->defaultLanguage();
    for (const core::Field &field : fields) {
        if (!showsSomething(field) || field.type == core::FieldType::Note)
            continue;
        const QString path = joinFieldPath(prefix, field.name);
        if (!m_state->isRelevant(path))
            continue;
        if (field.type == core::FieldType::Group) {
            auto *item = new QTreeWidgetItem(parent, {fieldLabel(field)});
            item->setData(0, kPathRole, QString());
            addSummaryFields(item, field.fields, prefix);
            continue;
        }
        if (field.type == core::FieldType::Repeat) {
            const int count = m_state->instanceCount(path);
            auto *item = new QTreeWidgetItem(parent, {fieldLabel(field), tr("Entries: %n", nullptr, count)});
            item->setData(0, kPathRole, path);
            for (int i = 0; i < count; ++i) {
                const QString instance = path + u'[' + QString::number(i) + u']';
                auto *entry = new QTreeWidgetItem(item, {tr("Entry %1").arg(i + 1)});
                entry->setData(0, kPathRole, QString(instance + u'.' + field.fields.front().name));
                addSummaryFields(entry, field.fields, instance);
                // The entry's first answer names it.
                if (entry->childCount() > 0)
                    entry->setText(1, entry->child(0)->text(1));
            }
            if (const std::optional<core::FieldIssue> issue = m_state->issue(path)) {
                item->setForeground(1, kErrorColor);
                item->setToolTip(1, issue->message);
            }
            continue;
        }
        const QString answer = RosterModel::displayText(field, m_state->value(path), m_language, fallback);
        auto *item =
            new QTreeWidgetItem(parent, {fieldLabel(field), answer.isEmpty() ? tr("(no answer)") : answer});
        item->setData(0, kPathRole, path);
        if (answer.isEmpty())
            item->setForeground(1, palette().color(QPalette::PlaceholderText));
        if (const std::optional<core::FieldIssue> issue = m_state->issue(path)) {
            item->setForeground(1, kErrorColor);
            item->setToolTip(1, issue->message);
        }
    }
}

bool FormView::focusNextField()
{
    if (!hasForm() || currentPage() == summaryPage())
        return false;
    QWidget *page = m_stack->currentWidget();
    QWidget *before = QApplication::focusWidget();
    if (!before || !page->isAncestorOf(before))
        return false;
    focusNextChild();
    QWidget *after = QApplication::focusWidget();
    // After an entry's last field: to the roster's Add button (Enter again adds the next one).
    for (QWidget *widget = before->parentWidget(); widget && widget != page;
         widget = widget->parentWidget()) {
        if (auto *roster = qobject_cast<RosterWidget *>(widget)) {
            if (!(after && roster->isAncestorOf(after)) && roster->editor()->isAncestorOf(before) &&
                roster->focusAddButton())
                return true;
            break;
        }
    }
    if (after && after != before && page->isAncestorOf(after))
        return true;
    // The page's last field: on to the next page (or stay when there is none).
    if (!nextPage())
        before->setFocus(Qt::TabFocusReason);
    return true;
}

bool FormView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && (watched == m_issueList || watched == m_answerTree)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
            QString path;
            if (watched == m_issueList && m_issueList->currentItem())
                path = m_issueList->currentItem()->data(kPathRole).toString();
            else if (watched == m_answerTree && m_answerTree->currentItem())
                path = m_answerTree->currentItem()->data(0, kPathRole).toString();
            if (!path.isEmpty())
                focusField(path);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FormView::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (!enter || (event->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier || !hasForm()) {
        QWidget::keyPressEvent(event);
        return;
    }
    QWidget *focus = QApplication::focusWidget();
    if (qobject_cast<QAbstractItemView *>(focus)) {
        event->accept(); // lists and tables handle Enter themselves
        return;
    }
    if (auto *button = qobject_cast<QPushButton *>(focus)) {
        button->click();
        event->accept();
        return;
    }
    if (qobject_cast<QToolButton *>(focus)) {
        static_cast<QToolButton *>(focus)->click();
        event->accept();
        return;
    }
    focusNextField();
    event->accept();
}

} // namespace fieldledger::ui
