#include "ui/households/householdspage.h"

#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/storage/registry.h"
#include "ui/drafts/draftautosaver.h"
#include "ui/forms/formview.h"
#include "ui/households/formsubmitter.h"
#include "ui/households/householddetail.h"
#include "ui/households/householdmodel.h"
#include "ui/messagebox.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <limits>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QString kHeaderKey = u"households/header"_s;
const QString kSplitterKey = u"households/splitter"_s;
constexpr int kSearchPauseMs = 150;

QLabel *plainLabel(const QString &text = {})
{
    auto *label = new QLabel(text);
    label->setTextFormat(Qt::PlainText);
    return label;
}

void setMuted(QWidget *widget)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    widget->setPalette(palette);
}

void scaleFont(QWidget *widget, double factor, bool bold)
{
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    widget->setFont(font);
}

} // namespace

HouseholdsPage::HouseholdsPage(core::Ledger &ledger, const core::Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_language(FormCatalog::uiLanguage())
{
    setObjectName(u"householdsPage"_s);
    auto forms = FormCatalog::loadDefaults();
    m_forms = std::make_unique<FormCatalog>(forms ? std::move(*forms) : FormCatalog({}));

    m_model = new HouseholdModel(m_ledger, this);
    m_model->setVillageLabels(m_forms->choiceLabels(u"villages"_s, m_language));
    QHash<QString, QString> names;
    if (auto users = m_ledger.registry().users()) {
        for (const core::User &user : *users)
            names.insert(user.id, user.displayName.isEmpty() ? user.id : user.displayName);
    }
    const core::User &me = m_ledger.user();
    names.insert(me.id, me.displayName.isEmpty() ? me.id : me.displayName);
    m_model->setUserNames(names);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(10);
    buildHeader(layout);

    m_stack = new QStackedWidget;
    layout->addWidget(m_stack, 1);
    buildBrowser();
    m_detail->setUserNames(names);
    buildColumnsMenu();

    m_registrationPage = new QWidget;
    auto *registrationLayout = new QVBoxLayout(m_registrationPage);
    registrationLayout->setContentsMargins(0, 0, 0, 0);
    m_registrationHeading = plainLabel();
    m_registrationHeading->setObjectName(u"registrationHeading"_s);
    setMuted(m_registrationHeading);
    registrationLayout->addWidget(m_registrationHeading);
    m_stack->addWidget(m_registrationPage);

    m_countTimer = new QTimer(this);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(0);
    connect(m_countTimer, &QTimer::timeout, this, &HouseholdsPage::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HouseholdsPage::modelReset);
    // The empty state follows at once; the count (a query) once the rows are shown.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, [this] {
            updateEmptyState();
            m_countTimer->start();
        });
    }
    connect(m_model, &HouseholdModel::errorOccurred, this, [this](const QString &message) {
        m_count->setText(tr("The list cannot be read: %1").arg(message));
    });
    connect(m_detail, &HouseholdDetail::householdCreated, this,
            [this](const QString &guid) { selectHousehold(guid); });
    connect(m_detail, &HouseholdDetail::formOpened, this, &HouseholdsPage::formOpened);

    restoreSettings();
    if (!forms)
        m_count->setText(tr("The forms cannot be loaded: %1").arg(forms.error().message));
    modelReset();
}

HouseholdsPage::~HouseholdsPage()
{
    // The form's widgets read the form state while they go: before the rest.
    delete m_registrationView;
}

void HouseholdsPage::buildHeader(QLayout *layout)
{
    auto *header = new QHBoxLayout;
    header->setSpacing(12);
    m_heading = plainLabel(tr("Households"));
    scaleFont(m_heading, 1.3, true);
    header->addWidget(m_heading);
    m_count = plainLabel();
    m_count->setObjectName(u"householdCount"_s);
    setMuted(m_count);
    header->addWidget(m_count, 0, Qt::AlignBottom);
    header->addStretch();

    m_search = new QLineEdit;
    m_search->setObjectName(u"findEdit"_s);
    m_search->setPlaceholderText(tr("Find households by name, head or village…"));
    m_search->setAccessibleName(tr("Find households"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(260);
    m_search->setMaximumWidth(380);
    m_search->installEventFilter(this);
    header->addWidget(m_search);
    // The list as it was at another moment: the registry as of a date (RegistryAsOfDialog).
    m_asOfButton = new QPushButton(tr("As of a Date…"));
    m_asOfButton->setObjectName(u"asOfButton"_s);
    m_asOfButton->setToolTip(tr("Every household as it was at a chosen moment (Ctrl+Shift+T)"));
    connect(m_asOfButton, &QPushButton::clicked, this, &HouseholdsPage::asOfRequested);
    header->addWidget(m_asOfButton);
    static_cast<QBoxLayout *>(layout)->addLayout(header);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchPauseMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &HouseholdsPage::applySearch);
}

void HouseholdsPage::buildBrowser()
{
    m_table = new QTableView;
    m_table->setObjectName(u"householdTable"_s);
    m_table->setAccessibleName(tr("Households"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setSortingEnabled(true);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setSortIndicator(HouseholdModel::Name, Qt::AscendingOrder);
    const std::pair<int, int> widths[] = {{HouseholdModel::Name, 150},
                                          {HouseholdModel::Head, 170},
                                          {HouseholdModel::Village, 110},
                                          {HouseholdModel::Members, 75},
                                          {HouseholdModel::RegisteredBy, 120}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);
    connect(header, &QWidget::customContextMenuRequested, this,
            [this, header](const QPoint &at) { m_columnsMenu->exec(header->mapToGlobal(at)); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HouseholdsPage::currentRowChanged);
    connect(m_table, &QAbstractItemView::activated, this, [this] {
        if (m_detail->membersList()->topLevelItemCount() > 0)
            m_detail->membersList()->setFocus(Qt::TabFocusReason);
    });

    m_emptyState = new QWidget;
    m_emptyState->setObjectName(u"householdsEmptyState"_s);
    auto *emptyLayout = new QVBoxLayout(m_emptyState);
    emptyLayout->addStretch(2);
    m_emptyTitle = plainLabel();
    m_emptyTitle->setObjectName(u"householdsPageEmptyTitle"_s);
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    scaleFont(m_emptyTitle, 1.2, false);
    emptyLayout->addWidget(m_emptyTitle);
    m_emptyText = plainLabel();
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    setMuted(m_emptyText);
    emptyLayout->addWidget(m_emptyText);
    auto *registerButton = new QPushButton(tr("&Register a Household…"));
    registerButton->setObjectName(u"registerButton"_s);
    connect(registerButton, &QPushButton::clicked, this, [this] { newHousehold(); });
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch();
    buttonRow->addWidget(registerButton);
    buttonRow->addStretch();
    emptyLayout->addSpacing(8);
    emptyLayout->addLayout(buttonRow);
    emptyLayout->addStretch(3);

    m_listStack = new QStackedWidget;
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(m_emptyState);

    m_detail = new HouseholdDetail(m_ledger, *m_forms, m_clock);
    m_detail->setLanguage(m_language);
    // F2 (edit the household) and Insert (add a member) work from the list too.
    for (const char *name : {"editHouseholdAction", "addMemberAction"}) {
        if (auto *action = m_detail->findChild<QAction *>(QString::fromLatin1(name))) {
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            addAction(action);
        }
    }
    if (auto *add = m_detail->findChild<QAction *>(u"addMemberAction"_s))
        add->setShortcut(QKeySequence(Qt::Key_Insert));

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"householdsSplitter"_s);
    m_splitter->addWidget(m_listStack);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setCollapsible(0, false);
    m_splitter->setSizes({560, 500});

    m_browser = m_splitter;
    m_stack->addWidget(m_browser);
}

void HouseholdsPage::buildColumnsMenu()
{
    m_columnsMenu = new QMenu(tr("&Columns"), this);
    m_columnsMenu->setObjectName(u"columnsMenu"_s);
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < HouseholdModel::ColumnCount; ++column) {
        QAction *action = m_columnsMenu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setObjectName(u"column%1Action"_s.arg(column));
        action->setCheckable(true);
        action->setData(column);
        // The household's name always shows.
        action->setEnabled(column != HouseholdModel::Name);
        connect(action, &QAction::toggled, this,
                [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    connect(m_columnsMenu, &QMenu::aboutToShow, this, [this, header] {
        for (QAction *action : m_columnsMenu->actions()) {
            const QSignalBlocker blocker(action);
            action->setChecked(!header->isSectionHidden(action->data().toInt()));
        }
    });
}

void HouseholdsPage::restoreSettings()
{
    const QSettings settings;
    const QByteArray header = settings.value(kHeaderKey).toByteArray();
    if (!header.isEmpty())
        m_table->horizontalHeader()->restoreState(header);
    m_table->horizontalHeader()->setSectionHidden(HouseholdModel::Name, false);
    const QByteArray splitter = settings.value(kSplitterKey).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    for (QAction *action : m_columnsMenu->actions())
        action->setChecked(!m_table->horizontalHeader()->isSectionHidden(action->data().toInt()));
}

void HouseholdsPage::saveSettings() const
{
    QSettings settings;
    settings.setValue(kHeaderKey, m_table->horizontalHeader()->saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
}

QDate HouseholdsPage::today() const
{
    return m_clock.now().toLocalTime().date();
}

bool HouseholdsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Return:
        case Qt::Key_Enter:
            applySearch();
            if (m_model->rowCount() > 0) {
                if (!m_table->currentIndex().isValid())
                    m_table->selectRow(0);
                m_table->setFocus(Qt::TabFocusReason);
            }
            return true;
        case Qt::Key_Escape:
            if (!m_search->text().isEmpty()) {
                m_search->clear();
                applySearch();
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HouseholdsPage::focusSearch()
{
    if (isRegistering())
        return; // the form stays in front; Find asks again after it closes
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void HouseholdsPage::applySearch()
{
    m_searchTimer->stop();
    m_model->setFilterText(m_search->text());
}

QString HouseholdsPage::currentHousehold() const
{
    return m_table->currentIndex().data(HouseholdModel::GuidRole).toString();
}

bool HouseholdsPage::selectHousehold(const QString &guid)
{
    int row = m_model->ensureLoaded(guid);
    if (row < 0 && !m_search->text().isEmpty()) {
        m_search->clear();
        applySearch();
        row = m_model->ensureLoaded(guid);
    }
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_model->index(row, HouseholdModel::Name));
    m_table->scrollTo(m_model->index(row, HouseholdModel::Name));
    return true;
}

void HouseholdsPage::currentRowChanged()
{
    const QString guid = currentHousehold();
    if (!guid.isEmpty())
        m_selected = guid;
    m_detail->setHousehold(guid);
}

void HouseholdsPage::modelReset()
{
    // The household shown stays selected when the new list has it; otherwise the first one.
    int row = m_selected.isEmpty() ? -1 : m_model->rowOf(m_selected);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0) {
        m_table->setCurrentIndex(m_model->index(row, HouseholdModel::Name));
        m_table->scrollTo(m_model->index(row, HouseholdModel::Name));
    } else {
        m_detail->setHousehold({});
    }
    updateCount();
}

void HouseholdsPage::updateCount()
{
    // Counting every match of a short search takes core longer than showing the first rows (a
    // tenth of a second for "a" at 100,000 households), and the next key would wait for it: while
    // searching, the label counts what is loaded until the list is complete.
    const bool searching = !m_model->filterText().trimmed().isEmpty();
    const auto clamp = [](qint64 n) { return int(std::min<qint64>(n, std::numeric_limits<int>::max())); };
    if (!searching)
        m_count->setText(tr("%Ln household(s)", nullptr, clamp(m_model->totalCount())));
    else if (m_model->isComplete())
        m_count->setText(tr("%Ln found", nullptr, m_model->rowCount()));
    else
        m_count->setText(tr("more than %L1 found").arg(m_model->rowCount()));
    updateEmptyState();
}

void HouseholdsPage::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    if (empty) {
        const bool searching = !m_model->filterText().trimmed().isEmpty();
        m_emptyTitle->setText(searching ? tr("No household matches “%1”").arg(m_model->filterText().trimmed())
                                        : tr("No households yet"));
        m_emptyText->setText(
            searching
                ? tr("Search looks at household names, heads and villages; "
                     "accents and capitals do not matter.")
                : tr("Households registered in %1 will be listed here.").arg(m_ledger.registry().name()));
    }
    m_listStack->setCurrentWidget(empty ? m_emptyState : static_cast<QWidget *>(m_table));
}

void HouseholdsPage::newHousehold(std::optional<core::FormValues> values)
{
    if (isRegistering()) {
        m_stack->setCurrentWidget(m_registrationPage);
        m_registrationView->setFocus(Qt::ShortcutFocusReason);
        return;
    }
    const core::FormDefinition *form = m_forms->form(u"household-registration"_s);
    if (!form) {
        MessageBox::warning(this, tr("Form Missing"),
                            tr("The household registration form is not installed."));
        return;
    }
    m_registrationGuid = core::UuidGenerator().next();
    m_registrationEdited = values.has_value();
    m_registrationView = new FormView;
    m_registrationView->setObjectName(u"registrationForm"_s);
    m_registrationPage->layout()->addWidget(m_registrationView);
    m_registrationHeading->setText(tr("New household — submit with Ctrl+Enter, leave with Esc"));
    m_registrationView->setForm(*form, today(), m_language, std::move(values));
    m_submitter = new FormSubmitter(m_ledger, *m_registrationView, m_registrationGuid, m_registrationView);
    connect(m_submitter, &FormSubmitter::submitted, this, [this] { registered(m_registrationGuid); });
    connect(m_registrationView, &FormView::valuesChanged, this, [this] { m_registrationEdited = true; });
    connect(m_registrationView, &FormView::cancelRequested, this, [this] { closeRegistration(); });
    emit formOpened(m_registrationView, m_submitter, m_registrationGuid);
    m_stack->setCurrentWidget(m_registrationPage);
    // The search and the count belong to the list, which the form hides.
    m_search->hide();
    m_asOfButton->hide();
    m_count->hide();
    m_registrationView->focusField(u"name"_s);
    emit formOpenChanged(true);
}

bool HouseholdsPage::isRegistering() const
{
    return m_registrationView != nullptr;
}

FormView *HouseholdsPage::registrationForm() const
{
    return m_registrationView;
}

bool HouseholdsPage::submitForm()
{
    return isRegistering() && m_registrationView->submit();
}

bool HouseholdsPage::closeRegistration(bool force)
{
    if (!isRegistering())
        return true;
    if (!force && m_registrationEdited &&
        MessageBox::question(
            this, tr("Discard Household"), tr("Leave the registration form and lose what you entered in it?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Discard)
        return false;
    FormView *view = m_registrationView;
    // Given up (or submitted, when the saver already forgot its draft): no draft stays behind.
    if (auto *saver = view->findChild<DraftAutosaver *>())
        saver->discard();
    m_registrationView = nullptr;
    m_submitter = nullptr;
    m_stack->setCurrentWidget(m_browser);
    m_search->show();
    m_asOfButton->show();
    m_count->show();
    view->hide();
    view->deleteLater();
    m_table->setFocus(Qt::OtherFocusReason);
    emit formOpenChanged(false);
    return true;
}

void HouseholdsPage::registered(const QString &guid)
{
    closeRegistration(true);
    selectHousehold(guid);
    m_table->setFocus(Qt::OtherFocusReason);
    emit householdRegistered(guid);
}

} // namespace fieldledger::ui
