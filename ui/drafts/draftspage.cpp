#include "ui/drafts/draftspage.h"

#include "core/storage/draftstore.h"
#include "ui/drafts/draftlistmodel.h"
#include "ui/messagebox.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

void setMuted(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
}

void scaleFont(QWidget *widget, qreal factor, bool bold)
{
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    widget->setFont(font);
}

} // namespace

DraftsPage::DraftsPage(core::DraftStore &store, const QString &userId, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new DraftListModel(store, userId, this))
{
    setObjectName(u"draftsPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(10);

    auto *header = new QHBoxLayout;
    m_heading = new QLabel;
    m_heading->setTextFormat(Qt::PlainText);
    scaleFont(m_heading, 1.3, true);
    header->addWidget(m_heading);
    header->addStretch();
    m_resumeButton = new QPushButton;
    m_resumeButton->setObjectName(u"resumeButton"_s);
    m_discardButton = new QPushButton;
    m_discardButton->setObjectName(u"discardButton"_s);
    header->addWidget(m_resumeButton);
    header->addWidget(m_discardButton);
    layout->addLayout(header);

    m_errorLabel = new QLabel;
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb0, 0x2a, 0x1e));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    m_view = new QTreeView;
    m_view->setObjectName(u"draftsView"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(DraftListModel::Title, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(DraftListModel::Form, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(DraftListModel::Updated, QHeaderView::ResizeToContents);
    m_view->installEventFilter(this);

    m_emptyPage = new QWidget;
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addStretch(2);
    const QIcon icon(u":/icons/drafts.svg"_s);
    if (!icon.isNull()) {
        auto *iconLabel = new QLabel;
        iconLabel->setAlignment(Qt::AlignCenter);
        iconLabel->setPixmap(icon.pixmap(QSize(64, 64), QIcon::Disabled));
        emptyLayout->addWidget(iconLabel);
        emptyLayout->addSpacing(8);
    }
    m_emptyTitle = new QLabel;
    m_emptyTitle->setObjectName(u"draftsEmptyTitle"_s);
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    scaleFont(m_emptyTitle, 1.2, false);
    emptyLayout->addWidget(m_emptyTitle);
    m_emptyText = new QLabel;
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    setMuted(m_emptyText);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addStretch(3);

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyPage);
    layout->addWidget(m_stack, 1);

    connect(m_resumeButton, &QPushButton::clicked, this, &DraftsPage::resumeCurrent);
    connect(m_discardButton, &QPushButton::clicked, this, &DraftsPage::discardCurrent);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &) { resumeCurrent(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &DraftsPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DraftsPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DraftsPage::updateState);

    retranslate();
    refresh();
}

DraftsPage::~DraftsPage() = default;

QString DraftsPage::currentDraftId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->draftId(current.row()) : QString();
}

void DraftsPage::setCurrentDraft(const QString &draftId)
{
    const int row = m_model->rowOf(draftId);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, DraftListModel::Title));
}

void DraftsPage::setFormNames(const QHash<QString, QString> &names)
{
    m_model->setFormNames(names);
}

QString DraftsPage::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void DraftsPage::refresh()
{
    const QString current = currentDraftId();
    if (auto refreshed = m_model->refresh(); !refreshed) {
        m_errorLabel->setText(tr("The drafts could not be read: %1").arg(refreshed.error().message));
        m_errorLabel->show();
    } else {
        m_errorLabel->hide();
    }
    if (!current.isEmpty())
        setCurrentDraft(current);
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, DraftListModel::Title));
    updateState();
}

void DraftsPage::updateState()
{
    const int count = m_model->rowCount();
    const bool hasDrafts = count > 0;
    m_stack->setCurrentWidget(hasDrafts ? static_cast<QWidget *>(m_view) : m_emptyPage);
    const bool selected = hasDrafts && m_view->currentIndex().isValid();
    m_resumeButton->setEnabled(selected);
    m_discardButton->setEnabled(selected);
    m_resumeButton->setVisible(hasDrafts);
    m_discardButton->setVisible(hasDrafts);
    if (count != m_lastCount) {
        m_lastCount = count;
        emit countChanged(count);
    }
}

void DraftsPage::resumeCurrent()
{
    const QString id = currentDraftId();
    if (!id.isEmpty())
        emit resumeRequested(id);
}

void DraftsPage::discardCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    const QString id = currentDraftId();
    if (id.isEmpty())
        return;
    const QString title = m_model->index(current.row(), DraftListModel::Title).data().toString();
    const auto answer = MessageBox::question(
        this, tr("Discard Draft?"),
        tr("Discard the draft “%1”? What was typed into it cannot be brought back.").arg(title),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return;
    if (auto removed = m_store.discard(id); !removed && removed.error().code != core::ErrorCode::NotFound) {
        MessageBox::warning(this, tr("Discard Draft"),
                            tr("The draft could not be discarded: %1").arg(removed.error().message));
        return;
    }
    const int row = current.row();
    refresh();
    // Stay where the user was: on the next draft, or the last one.
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(
            m_model->index(std::min(row, m_model->rowCount() - 1), DraftListModel::Title));
    emit draftDiscarded(id);
}

bool DraftsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                resumeCurrent();
                return true;
            }
            if (key->key() == Qt::Key_Delete) {
                discardCurrent();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DraftsPage::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

void DraftsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DraftsPage::retranslate()
{
    m_heading->setText(tr("Drafts"));
    m_resumeButton->setText(tr("&Resume"));
    m_resumeButton->setToolTip(tr("Open the form where it was left (Enter)"));
    m_discardButton->setText(tr("&Discard…"));
    m_discardButton->setToolTip(tr("Delete the draft (Delete)"));
    m_emptyTitle->setText(tr("No drafts"));
    m_emptyText->setText(
        tr("Forms you start are saved here as you type, until you submit them. Nothing typed is lost."));
    m_view->setAccessibleName(tr("Drafts"));
    m_model->retranslate();
}

} // namespace fieldledger::ui
