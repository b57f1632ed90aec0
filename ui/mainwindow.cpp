#include "ui/mainwindow.h"

#include "core/domain/ledger.h"
#include "core/storage/draftstore.h"
#include "core/storage/householdquery.h"
#include "core/storage/registry.h"
#include "ui/drafts/draftautosaver.h"
#include "ui/drafts/draftlistmodel.h"
#include "ui/drafts/draftspage.h"
#include "ui/duplicates/duplicatespage.h"
#include "ui/forms/formview.h"
#include "ui/households/formcatalog.h"
#include "ui/households/formsubmitter.h"
#include "ui/households/householddetail.h"
#include "ui/households/householdspage.h"
#include "ui/messagebox.h"
#include "ui/reports/dashboardview.h"
#include "ui/reports/exportdialog.h"
#include "ui/review/reviewpage.h"
#include "ui/supervision/anomaliesview.h"
#include "ui/supervision/audittrailview.h"
#include "ui/supervision/integritypanel.h"
#include "ui/supervision/registryasofdialog.h"
#include "ui/supervision/timetravelview.h"
#include "ui/users/userspage.h"

#include <QAction>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

// The icons are compiled into this static library; register them even when nothing else in the
// program refers to them (registering twice is harmless).
static void registerUiResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace fieldledger::ui {
namespace {

const QString kGeometryKey = u"mainWindow/geometry"_s;
const QString kSplitterKey = u"mainWindow/splitter"_s;
const QString kSidebarKey = u"mainWindow/sidebarVisible"_s;

QColor mutedColor(const QWidget *widget)
{
    return widget->palette().color(QPalette::PlaceholderText);
}

// A page with a heading row and, below it, what to show while the section is empty.
QWidget *makeEmptyPage(const QString &objectName, const QString &heading, const QString &iconPath,
                       const QString &emptyTitle, const QString &emptyText, QWidget *headerExtra = nullptr)
{
    auto *page = new QWidget;
    page->setObjectName(objectName);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(20, 16, 20, 16);

    auto *header = new QHBoxLayout;
    auto *headingLabel = new QLabel(heading);
    headingLabel->setTextFormat(Qt::PlainText);
    QFont headingFont = headingLabel->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    headingLabel->setFont(headingFont);
    header->addWidget(headingLabel);
    header->addStretch();
    if (headerExtra)
        header->addWidget(headerExtra);
    layout->addLayout(header);
    layout->addStretch(2);

    const QIcon icon(iconPath);
    if (!icon.isNull()) {
        auto *iconLabel = new QLabel;
        iconLabel->setAlignment(Qt::AlignCenter);
        iconLabel->setPixmap(icon.pixmap(QSize(64, 64), QIcon::Disabled));
        layout->addWidget(iconLabel);
        layout->addSpacing(8);
    }

    auto *title = new QLabel(emptyTitle);
    title->setTextFormat(Qt::PlainText);
    title->setObjectName(objectName + u"EmptyTitle"_s);
    title->setAlignment(Qt::AlignCenter);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);
    layout->addWidget(title);

    auto *text = new QLabel(emptyText);
    text->setTextFormat(Qt::PlainText);
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    QPalette palette = text->palette();
    palette.setColor(QPalette::WindowText, mutedColor(text));
    text->setPalette(palette);
    layout->addWidget(text);
    layout->addStretch(3);
    return page;
}

// A view in a window-modal dialog of its own, with Close; the dialog goes when closed.
void showInDialog(QWidget *parent, const QString &title, QWidget *content)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(content);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(900, 600);
    dialog->open();
}

} // namespace

MainWindow::MainWindow(Info info, QWidget *parent)
    : MainWindow(std::move(info), Services{}, parent)
{
}

MainWindow::MainWindow(Info info, Services services, QWidget *parent)
    : QMainWindow(parent)
    , m_info(std::move(info))
    , m_services(services)
{
    registerUiResources();
    setObjectName(u"MainWindow"_s);
    setWindowTitle(tr("%1 — FieldLedger").arg(m_info.registryName));
    createActions();
    createCentralArea();
    createMenus();
    createStatusBar();
    restoreSettings();
    showPage(Page::Households);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_newHouseholdAction = new QAction(tr("&New Household…"), this);
    m_newHouseholdAction->setObjectName(u"newHouseholdAction"_s);
    m_newHouseholdAction->setShortcut(QKeySequence::New);
    m_newHouseholdAction->setEnabled(m_services.ledger != nullptr);
    m_newHouseholdAction->setStatusTip(tr("Register a new household"));
    connect(m_newHouseholdAction, &QAction::triggered, this, &MainWindow::newHousehold);

    m_lockAction = new QAction(tr("&Lock"), this);
    m_lockAction->setObjectName(u"lockAction"_s);
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setStatusTip(tr("Close the registry and ask for a passphrase again"));
    connect(m_lockAction, &QAction::triggered, this, [this] {
        saveSettings();
        emit lockRequested();
    });

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);

    m_findAction = new QAction(tr("&Find…"), this);
    m_findAction->setObjectName(u"findAction"_s);
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setStatusTip(tr("Find households by name or identifier"));
    connect(m_findAction, &QAction::triggered, this, &MainWindow::find);

    // The open form takes Ctrl+Enter itself (FormView, also in dialogs): the menu entry shows the
    // key and submits the form on the page, without a second, ambiguous shortcut.
    m_submitAction = new QAction(tr("S&ubmit Form"), this);
    m_submitAction->setObjectName(u"submitAction"_s);
    m_submitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_submitAction->setShortcutContext(Qt::WidgetShortcut);
    m_submitAction->setStatusTip(tr("Submit the form once it has no issues"));
    m_submitAction->setEnabled(false);
    connect(m_submitAction, &QAction::triggered, this, [this] {
        if (m_householdsPage)
            m_householdsPage->submitForm();
    });

    // Likewise Ctrl+S: a form's DraftAutosaver takes the key inside the form.
    m_saveDraftAction = new QAction(tr("Save &Draft"), this);
    m_saveDraftAction->setObjectName(u"saveDraftAction"_s);
    m_saveDraftAction->setShortcut(QKeySequence::Save);
    m_saveDraftAction->setShortcutContext(Qt::WidgetShortcut);
    m_saveDraftAction->setStatusTip(tr("Keep the form as it is, to finish it later"));
    m_saveDraftAction->setEnabled(false);
    connect(m_saveDraftAction, &QAction::triggered, this, &MainWindow::saveDraftRequested);

    m_settingsAction = new QAction(tr("Se&ttings…"), this);
    m_settingsAction->setObjectName(u"settingsAction"_s);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setStatusTip(tr("Language, idle lock and this computer's name"));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);

    m_sidebarAction = new QAction(tr("Show &Sidebar"), this);
    m_sidebarAction->setObjectName(u"sidebarAction"_s);
    m_sidebarAction->setCheckable(true);
    m_sidebarAction->setChecked(true);
    m_sidebarAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));

    m_exportAction = new QAction(tr("&Export…"), this);
    m_exportAction->setObjectName(u"exportAction"_s);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setStatusTip(
        tr("Export households, individuals, events or reports (CSV, XLSX, JSON Lines, PDF)"));
    m_exportAction->setEnabled(m_services.ledger != nullptr && m_info.user.role != core::Role::Enumerator);
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportData);

    m_auditTrailAction = new QAction(tr("&Audit Trail of the Household"), this);
    m_auditTrailAction->setObjectName(u"auditTrailAction"_s);
    m_auditTrailAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_auditTrailAction->setStatusTip(tr("Who changed what, when and why, for the selected household"));
    m_auditTrailAction->setEnabled(m_services.ledger != nullptr);
    connect(m_auditTrailAction, &QAction::triggered, this, [this] { showHouseholdHistory(false); });

    m_timeTravelAction = new QAction(tr("&Time Travel…"), this);
    m_timeTravelAction->setObjectName(u"timeTravelAction"_s);
    m_timeTravelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_timeTravelAction->setStatusTip(tr("The selected household as it was at any moment"));
    m_timeTravelAction->setEnabled(m_services.ledger != nullptr);
    connect(m_timeTravelAction, &QAction::triggered, this, [this] { showHouseholdHistory(true); });

    m_registryAsOfAction = new QAction(tr("&Registry As Of…"), this);
    m_registryAsOfAction->setObjectName(u"registryAsOfAction"_s);
    m_registryAsOfAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_registryAsOfAction->setStatusTip(tr("Every household as it was at a chosen moment"));
    m_registryAsOfAction->setEnabled(m_services.ledger != nullptr &&
                                     m_info.user.role != core::Role::Enumerator);
    connect(m_registryAsOfAction, &QAction::triggered, this, &MainWindow::showRegistryAsOf);

    m_aboutAction = new QAction(tr("&About FieldLedger"), this);
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newHouseholdAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_lockAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_findAction);
    edit->addSeparator();
    edit->addAction(m_submitAction);
    edit->addAction(m_saveDraftAction);
    edit->addSeparator();
    edit->addAction(m_settingsAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_sidebarAction);
    view->addSeparator();
    view->addAction(m_auditTrailAction);
    view->addAction(m_timeTravelAction);
    view->addAction(m_registryAsOfAction);
    view->addSeparator();
    if (m_householdsPage) {
        m_columnsMenu = m_householdsPage->columnsMenu();
        view->addMenu(m_columnsMenu);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::createCentralArea()
{
    m_sidebar = new QListWidget;
    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setAccessibleName(tr("Sections"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setBackgroundRole(QPalette::Window);
    m_sidebar->setMinimumWidth(140);
    auto addSection = [this](const QString &text, const QString &icon, Page page) {
        auto *item = new QListWidgetItem(QIcon(icon), text, m_sidebar);
        item->setData(Qt::UserRole, static_cast<int>(page));
        item->setSizeHint(QSize(0, 34));
    };
    addSection(tr("Households"), u":/icons/households.svg"_s, Page::Households);
    addSection(tr("Drafts"), u":/icons/drafts.svg"_s, Page::Drafts);

    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"pages"_s);
    if (m_services.ledger && m_services.clock) {
        m_householdsPage = new HouseholdsPage(*m_services.ledger, *m_services.clock);
        m_findEdit = m_householdsPage->searchField();
        connect(m_householdsPage, &HouseholdsPage::formOpenChanged, this, &MainWindow::formOpenChanged);
        connect(m_householdsPage, &HouseholdsPage::asOfRequested, this, &MainWindow::showRegistryAsOf);
        if (m_services.drafts)
            connect(m_householdsPage, &HouseholdsPage::formOpened, this, &MainWindow::attachDraftSaver);
        m_pages->addWidget(m_householdsPage);
    } else {
        m_findEdit = new QLineEdit;
        m_findEdit->setObjectName(u"findEdit"_s);
        m_findEdit->setPlaceholderText(tr("Find households…"));
        m_findEdit->setClearButtonEnabled(true);
        m_findEdit->setMinimumWidth(240);
        m_findEdit->setMaximumWidth(360);
        m_findEdit->setAccessibleName(tr("Find households"));
        m_pages->addWidget(makeEmptyPage(
            u"householdsPage"_s, tr("Households"), u":/icons/households.svg"_s, tr("No households yet"),
            tr("Households registered in %1 will be listed here.").arg(m_info.registryName), m_findEdit));
    }
    if (m_services.drafts && m_householdsPage) {
        m_draftsPage = new DraftsPage(*m_services.drafts, m_info.user.id);
        connect(m_draftsPage, &DraftsPage::countChanged, this,
                [this](int count) { setSectionCount(Page::Drafts, tr("Drafts"), count); });
        connect(m_draftsPage, &DraftsPage::resumeRequested, this, &MainWindow::resumeDraft);
        m_pages->addWidget(m_draftsPage);
        // The Form column names forms by their titles, in the language the forms are shown in.
        if (const auto catalog = FormCatalog::loadDefaults()) {
            const QString language = FormCatalog::uiLanguage();
            QHash<QString, QString> names;
            for (const QString &id : {u"household-registration"_s, u"household-edit"_s, u"member"_s,
                                      u"member-edit"_s, u"remove-member"_s}) {
                if (const core::FormDefinition *form = catalog->form(id))
                    names.insert(id, form->title().text(language, form->defaultLanguage()));
            }
            m_draftsPage->setFormNames(names);
        }
        m_draftsPage->refresh();
        // The page may have read them already.
        setSectionCount(Page::Drafts, tr("Drafts"), m_draftsPage->model()->rowCount());
    } else {
        m_pages->addWidget(
            makeEmptyPage(u"draftsPage"_s, tr("Drafts"), u":/icons/drafts.svg"_s, tr("No drafts"),
                          tr("Forms you save before submitting them wait here until you finish "
                             "them.")));
    }

    addSupervisionPages();
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setCollapsible(1, false);
    m_splitter->setSizes({200, 900});
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    if (m_services.ledger && m_services.ledger->alarm())
        centralLayout->addWidget(makeAlarmBanner());
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    connect(m_sidebarAction, &QAction::toggled, m_sidebar, &QWidget::setVisible);
}

QWidget *MainWindow::makeAlarmBanner()
{
    // An integrity alarm raised at open (a rolled-back or rewritten log): core refuses every
    // change until an administrator acknowledges it, and everyone must see why.
    auto *banner = new QFrame;
    banner->setObjectName(u"windowAlarmBanner"_s);
    banner->setStyleSheet(u"QFrame#windowAlarmBanner { background: #b03a2e; }"
                          "QFrame#windowAlarmBanner QLabel { color: white; }"_s);
    auto *layout = new QHBoxLayout(banner);
    layout->setContentsMargins(16, 8, 16, 8);
    auto *text = new QLabel;
    text->setObjectName(u"alarmBannerText"_s);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    QString html =
        u"<b>"_s + tr("Integrity alarm").toHtmlEscaped() + u"</b> — "_s +
        m_services.ledger->alarm()->toHtmlEscaped() + u"<br>"_s +
        tr("Nothing can be changed until an administrator acknowledges the alarm.").toHtmlEscaped();
    text->setText(html);
    layout->addWidget(text, 1);
    if (m_info.user.role == core::Role::Administrator) {
        auto *acknowledge = new QPushButton(tr("&Acknowledge…"));
        acknowledge->setObjectName(u"alarmAcknowledgeButton"_s);
        connect(acknowledge, &QPushButton::clicked, this, [this, banner] {
            if (MessageBox::question(this, tr("Acknowledge the Integrity Alarm"),
                                     tr("Accept the event log as it is now and allow changes again? A "
                                        "signed checkpoint will record that you acknowledged the alarm."),
                                     QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) != QMessageBox::Yes)
                return;
            if (const core::Status ok = m_services.ledger->acknowledgeAlarm(); !ok) {
                MessageBox::warning(this, tr("Integrity Alarm"),
                                    tr("The alarm could not be acknowledged: %1").arg(ok.error().message));
                return;
            }
            banner->hide();
            statusBar()->showMessage(tr("Alarm acknowledged: changes are allowed again."), 8000);
        });
        layout->addWidget(acknowledge);
    }
    return banner;
}

void MainWindow::createStatusBar()
{
    m_registryLabel = new QLabel;
    m_registryLabel->setTextFormat(Qt::PlainText);
    m_registryLabel->setObjectName(u"registryStatusLabel"_s);
    m_registryLabel->setText(m_info.registryName);
    m_registryLabel->setToolTip(tr("Registry: %1").arg(QDir::toNativeSeparators(m_info.registryPath)));

    m_userLabel = new QLabel;
    m_userLabel->setTextFormat(Qt::PlainText);
    m_userLabel->setObjectName(u"userStatusLabel"_s);
    m_userLabel->setText(
        tr("%1 · %2").arg(m_info.user.displayName.isEmpty() ? m_info.user.id : m_info.user.displayName,
                          core::roleDisplayName(m_info.user.role)));
    m_userLabel->setToolTip(tr("Signed in as %1").arg(m_info.user.id));

    auto *separator = new QFrame;
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    for (QLabel *label : {m_registryLabel, m_userLabel})
        label->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(m_registryLabel);
    statusBar()->addPermanentWidget(separator);
    statusBar()->addPermanentWidget(m_userLabel);
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(QSize(1100, 700).boundedTo(available.size() * 0.9));
        move(available.center() - rect().center());
    }
    const QByteArray splitter = settings.value(kSplitterKey).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    m_sidebarAction->setChecked(settings.value(kSidebarKey, true).toBool());
    m_sidebar->setVisible(m_sidebarAction->isChecked());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kSidebarKey, m_sidebarAction->isChecked());
    if (m_householdsPage)
        m_householdsPage->saveSettings();
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void MainWindow::addSupervisionPages()
{
    if (!m_services.ledger)
        return;
    core::Ledger &ledger = *m_services.ledger;
    auto addSection = [this](const QString &text, const QString &icon, Page page, QWidget *widget) {
        auto *item = new QListWidgetItem(QIcon(icon), text, m_sidebar);
        item->setData(Qt::UserRole, static_cast<int>(page));
        item->setSizeHint(QSize(0, 34));
        m_pages->addWidget(widget);
    };
    // Review for everyone: supervisors decide there, enumerators see what was flagged or
    // rejected and why.
    auto *review = new ReviewPage(ledger);
    connect(review, &ReviewPage::householdActivated, this, [this](const QString &guid) {
        if (m_householdsPage && m_householdsPage->selectHousehold(guid))
            showPage(Page::Households);
    });
    addSection(tr("Review"), u":/icons/review.svg"_s, Page::Review, review);
    connect(review, &ReviewPage::attentionCountChanged, this,
            [this](int count) { setSectionCount(Page::Review, tr("Review"), count); });
    setSectionCount(Page::Review, tr("Review"), review->attentionCount());
    if (m_info.user.role == core::Role::Enumerator)
        return;

    auto *duplicates = new DuplicatesPage(ledger);
    addSection(tr("Duplicates"), u":/icons/duplicates.svg"_s, Page::Duplicates, duplicates);
    connect(duplicates, &DuplicatesPage::countChanged, this,
            [this](int count) { setSectionCount(Page::Duplicates, tr("Duplicates"), count); });
    setSectionCount(Page::Duplicates, tr("Duplicates"), duplicates->count());
    addSection(tr("Dashboard"), u":/icons/dashboard.svg"_s, Page::Dashboard, new DashboardView(ledger));
    auto *anomalies = new AnomaliesView(ledger);
    connect(anomalies, &AnomaliesView::showEntity, this, [this](const QString &guid, const QString &) {
        if (m_householdsPage && m_householdsPage->selectHousehold(guid)) {
            showPage(Page::Households);
            showHouseholdHistory(false);
        }
    });
    addSection(tr("Anomalies"), u":/icons/anomalies.svg"_s, Page::Anomalies, anomalies);
    auto *integrity = new IntegrityPanel(ledger);
    connect(integrity, &IntegrityPanel::alarmAcknowledged, this, [this] {
        if (auto *banner = findChild<QWidget *>(u"windowAlarmBanner"_s))
            banner->hide();
    });
    addSection(tr("Integrity"), u":/icons/integrity.svg"_s, Page::Integrity, integrity);
    if (m_info.user.role == core::Role::Administrator)
        addSection(tr("Users"), u":/icons/users.svg"_s, Page::Users, new UsersPage(ledger));
}

void MainWindow::exportData()
{
    if (!m_services.ledger || !m_services.clock)
        return;
    auto *dialog = new ExportDialog(*m_services.ledger, *m_services.clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_householdsPage && !m_householdsPage->currentHousehold().isEmpty())
        dialog->setHouseholdGuid(m_householdsPage->currentHousehold());
    dialog->open();
}

void MainWindow::showRegistryAsOf()
{
    if (!m_services.ledger)
        return;
    auto *dialog = new RegistryAsOfDialog(*m_services.ledger, QDateTime(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RegistryAsOfDialog::timeTravelRequested, this,
            [this](const QString &guid, const QDateTime &when) {
                if (m_householdsPage && m_householdsPage->selectHousehold(guid)) {
                    showPage(Page::Households);
                    showHouseholdHistory(true, when);
                } else {
                    // Gone from today's list (deleted, merged): its time travel still shows it.
                    showTimeTravel(guid, when);
                }
            });
    dialog->open();
}

void MainWindow::showTimeTravel(const QString &guid, const QDateTime &when)
{
    auto *view = new TimeTravelView(*m_services.ledger, guid);
    if (when.isValid())
        view->setInstant(when);
    showInDialog(this, tr("Time travel"), view);
}

void MainWindow::showHouseholdHistory(bool timeTravel, const QDateTime &when)
{
    if (!m_services.ledger)
        return;
    const QString guid = m_householdsPage ? m_householdsPage->currentHousehold() : QString();
    if (guid.isEmpty()) {
        statusBar()->showMessage(tr("Select a household first."), 4000);
        return;
    }
    if (timeTravel) {
        showTimeTravel(guid, when);
        return;
    }
    showInDialog(this, tr("Audit trail"), new AuditTrailView(*m_services.ledger, guid));
}

void MainWindow::showPage(Page page)
{
    m_sidebar->setCurrentRow(static_cast<int>(page));
}

void MainWindow::setPageWidget(Page page, QWidget *widget)
{
    const int index = static_cast<int>(page);
    QWidget *old = m_pages->widget(index);
    const bool current = m_pages->currentIndex() == index;
    m_pages->insertWidget(index, widget);
    if (old) {
        m_pages->removeWidget(old);
        if (old == m_householdsPage) {
            m_householdsPage = nullptr;
            formOpenChanged(false);
        }
        old->deleteLater();
    }
    if (current)
        m_pages->setCurrentIndex(index);
}

void MainWindow::attachDraftSaver(FormView *view, FormSubmitter *submitter, const QString &entityGuid)
{
    if (!m_services.drafts || !view)
        return;
    const QString resumed = std::exchange(m_resumingDraft, QString());
    auto *saver = new DraftAutosaver(view, *m_services.drafts, QString(), resumed);
    // The registration form's guid is the household it will create: a draft of it is about no
    // existing entity. The detail's forms are about their household or member.
    const bool registration = m_householdsPage && view == m_householdsPage->registrationForm();
    if (!registration)
        saver->setEntityGuid(entityGuid);
    if (submitter) {
        submitter->setDraftIdSource(
            [guard = QPointer<DraftAutosaver>(saver)] { return guard ? guard->draftId() : QString(); });
        connect(submitter, &FormSubmitter::submitted, saver, &DraftAutosaver::submitted);
    }
    if (m_draftsPage) {
        connect(saver, &DraftAutosaver::saved, m_draftsPage, &DraftsPage::refresh);
        connect(saver, &DraftAutosaver::discarded, m_draftsPage, &DraftsPage::refresh);
        if (submitter)
            connect(submitter, &FormSubmitter::submitted, m_draftsPage, &DraftsPage::refresh);
    }
    connect(saver, &DraftAutosaver::saveFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The draft could not be saved: %1").arg(message), 10000);
    });
    connect(this, &MainWindow::saveDraftRequested, saver, [saver] {
        if (saver->view() && saver->view()->isVisible())
            saver->saveNow(true);
    });
}

bool MainWindow::resumeDraft(const QString &draftId)
{
    if (!m_services.drafts || !m_householdsPage)
        return false;
    auto fail = [this](const QString &message) {
        statusBar()->showMessage(message, 10000);
        return false;
    };
    const auto loaded = m_services.drafts->load(draftId);
    if (!loaded)
        return fail(tr("The draft could not be read: %1").arg(loaded.error().message));
    if (!*loaded)
        return fail(tr("That draft is not there any more."));
    const core::Draft &draft = **loaded;
    auto values = core::formValuesFromJson(draft.body);
    if (!values)
        return fail(tr("The draft could not be read: %1").arg(values.error().message));

    if (draft.entityGuid.isEmpty()) {
        if (m_householdsPage->isRegistering()) {
            showPage(Page::Households);
            return fail(tr("Finish or leave the registration form first, then resume the draft."));
        }
        m_resumingDraft = draftId;
        showPage(Page::Households);
        m_householdsPage->newHousehold(std::move(*values));
        const bool opened = m_householdsPage->isRegistering() && m_resumingDraft.isEmpty();
        m_resumingDraft.clear();
        return opened;
    }

    // An edit form: show its household (a member's, for member-edit), then the form over it.
    const auto households = core::HouseholdQuery(*m_services.ledger).householdsAffectedBy({draft.entityGuid});
    if (!households)
        return fail(households.error().message);
    QString household;
    for (const QString &guid : *households) {
        if (guid == draft.entityGuid || household.isEmpty())
            household = guid;
    }
    if (household.isEmpty() || !m_householdsPage->selectHousehold(household))
        return fail(tr("The household of that draft is not in the registry any more; discard the draft."));
    showPage(Page::Households);
    m_resumingDraft = draftId;
    QDialog *dialog =
        m_householdsPage->detail()->resumeForm(draft.formId, draft.entityGuid, std::move(*values));
    m_resumingDraft.clear();
    if (!dialog)
        return fail(tr("The form of that draft cannot be opened any more; discard the draft."));
    return true;
}

void MainWindow::setSectionCount(Page page, const QString &title, int count)
{
    for (int row = 0; row < m_sidebar->count(); ++row) {
        QListWidgetItem *item = m_sidebar->item(row);
        if (item->data(Qt::UserRole).toInt() == static_cast<int>(page)) {
            item->setText(count > 0 ? tr("%1 (%2)").arg(title).arg(count) : title);
            return;
        }
    }
}

void MainWindow::find()
{
    showPage(Page::Households);
    if (!m_sidebarAction->isChecked())
        m_sidebarAction->setChecked(true);
    if (m_householdsPage && m_householdsPage->isRegistering())
        return; // the registration form keeps the page until it is submitted or left
    if (m_householdsPage) {
        m_householdsPage->focusSearch();
        return;
    }
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
}

void MainWindow::newHousehold()
{
    if (!m_householdsPage)
        return;
    showPage(Page::Households);
    m_householdsPage->newHousehold();
}

void MainWindow::formOpenChanged(bool open)
{
    m_submitAction->setEnabled(open);
    m_saveDraftAction->setEnabled(open);
}

QString MainWindow::aboutText(const QString &sqlCipherVersion)
{
    QString text = tr("<h3>FieldLedger %1</h3>"
                      "<p>Offline household registration for enumerators, supervisors and administrators.</p>"
                      "<p>Every form you submit is kept as an event that is never changed, in an encrypted "
                      "registry whose log shows any tampering.</p>")
                       .arg(QStringLiteral(FIELDLEDGER_VERSION));
    text += tr("<p>Qt %1").arg(QString::fromLatin1(qVersion()));
    if (!sqlCipherVersion.isEmpty())
        text += tr("<br>SQLCipher %1").arg(sqlCipherVersion.toHtmlEscaped());
    text += u"</p>"_s;
    return text;
}

void MainWindow::showAbout()
{
    MessageBox::about(this, tr("About FieldLedger"), aboutText(m_info.sqlCipherVersion));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
    emit quitRequested();
}

} // namespace fieldledger::ui
