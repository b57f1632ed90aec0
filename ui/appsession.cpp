#include "ui/appsession.h"

#include "core/domain/demogenerator.h"
#include "core/domain/duplicateindex.h"
#include "core/domain/ledger.h"
#include "core/storage/draftstore.h"
#include "core/storage/householdindex.h"
#include "core/storage/registry.h"
#include "ui/drafts/draftautosaver.h"
#include "ui/households/householdspage.h"
#include "ui/mainwindow.h"
#include "ui/messagebox.h"
#include "ui/registrysetupdialog.h"
#include "ui/session/appsettings.h"
#include "ui/session/idlewatcher.h"
#include "ui/session/languages.h"
#include "ui/session/settingsdialog.h"
#include "ui/unlockdialog.h"

#include <QApplication>
#include <QDialog>
#include <QLocale>
#include <QProgressDialog>
#include <QRandomGenerator>
#include <QSettings>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QStatusBar>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <limits>
#include <optional>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QString kLastPathKey = u"session/lastRegistryPath"_s;
const QString kLastUserKey = u"session/lastUserId"_s;
constexpr std::chrono::milliseconds kLockRetry{100};

// A registry opened on a worker thread is used on the GUI thread from then on: its Qt SQL
// driver (a QObject) has to follow it. Called on the worker thread, which owns the driver.
void handOver(core::Registry &registry, QThread *target)
{
    if (QSqlDriver *driver = registry.database().driver())
        driver->moveToThread(target);
}

// For the About box. Not domain data, so the session asks the database itself.
QString sqlCipherVersion(core::Registry &registry)
{
    QSqlQuery query(registry.database());
    if (query.exec(u"PRAGMA cipher_version"_s) && query.next())
        return query.value(0).toString();
    return {};
}

// A registry unlocked on the worker thread, with its ledger when that opened there too.
struct Unlocked {
    std::unique_ptr<core::Registry> registry;
    std::unique_ptr<core::Ledger> ledger; // null: the GUI thread tries again and explains
};

// A demo registry: the registry as created, and how filling it went.
struct DemoOutcome {
    core::Registry::Created created;
    std::optional<core::Error> fillError; // the generator stopped (Cancelled when asked to)
    core::DemoReport report;
};

// Fills a registry just created with generated households, on the calling (worker) thread.
// progress(done, total) after each batch; it returns false to stop.
DemoOutcome fillDemo(core::Registry::Created created, const core::Clock &clock, qint64 households,
                     const core::Progress &progress)
{
    DemoOutcome outcome{std::move(created), std::nullopt, {}};
    core::UuidGenerator ids;
    auto ledger = core::Ledger::open(*outcome.created.registry, core::Ledger::Options{&clock, &ids});
    if (!ledger) {
        outcome.fillError = ledger.error();
        return outcome;
    }
    core::DemoOptions options;
    options.households = households;
    options.seed = QRandomGenerator::global()->generate64();
    // Small batches early on give the progress bar something to show; large ones go faster.
    options.householdsPerBatch = int(std::clamp<qint64>(households / 50, 5, 250));
    auto report = core::DemoGenerator::populate(**ledger, clock, options, progress);
    if (report)
        outcome.report = *report;
    else
        outcome.fillError = report.error();
    return outcome;
}

} // namespace

AppSession::AppSession(QString registryPath, const core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_path(std::move(registryPath))
    , m_clock(clock)
    , m_idle(std::make_unique<IdleWatcher>())
{
    m_idle->setInterval(AppSettings::load().idleLockInterval());
    connect(m_idle.get(), &IdleWatcher::idle, this, &AppSession::lock);
}

AppSession::~AppSession()
{
    m_cancel->store(true); // a demo being filled stops after its current batch
    if (m_worker) {
        // Argon2id cannot be interrupted; it finishes in about a second. Its outcome is dropped.
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    m_idle->stop();
    delete m_settings.data();
    m_main.reset();
    m_drafts.reset();
    m_ledger.reset();
    m_registry.reset();
}

QString AppSession::initialRegistryPath(const QString &requestedPath)
{
    if (!requestedPath.isEmpty())
        return requestedPath;
    const QString last = QSettings().value(kLastPathKey).toString();
    if (!last.isEmpty() && core::Registry::exists(last))
        return last;
    return core::Registry::defaultPath();
}

void AppSession::start()
{
    if (core::Registry::exists(m_path))
        showUnlock();
    else
        showSetup();
}

template<typename Work, typename Done>
void AppSession::runInBackground(Work work, Done done)
{
    using Outcome = std::invoke_result_t<Work &>;
    auto outcome = std::make_shared<std::optional<Outcome>>();
    QThread *worker =
        QThread::create([work = std::move(work), outcome]() mutable { outcome->emplace(work()); });
    worker->setObjectName(u"fieldledger-unlock"_s);
    m_worker = worker;
    // Queued to this (GUI) thread; the thread has finished writing the outcome by then.
    connect(worker, &QThread::finished, this, [this, worker, outcome, done = std::move(done)]() mutable {
        m_worker = nullptr;
        worker->deleteLater();
        const bool succeeded = outcome->has_value() && outcome->value().has_value();
        if (outcome->has_value())
            done(std::move(**outcome));
        emit attemptFinished(succeeded);
    });
    worker->start();
}

void AppSession::showSetup()
{
    m_setup = std::make_unique<RegistrySetupDialog>();
    m_setup->setRegistryPath(m_path);
    connect(m_setup.get(), &RegistrySetupDialog::createRequested, this, &AppSession::createRegistry);
    connect(m_setup.get(), &RegistrySetupDialog::demoRequested, this, &AppSession::createDemoRegistry);
    connect(m_setup.get(), &QDialog::finished, this, &AppSession::setupFinished, Qt::QueuedConnection);
    m_setup->show();
}

void AppSession::createRegistry()
{
    if (isWorking() || !m_setup)
        return;
    const RegistrySetupDialog::Details details = m_setup->details();
    core::Registry::CreateOptions options{details.registryName, details.adminId, details.adminDisplayName,
                                          std::nullopt};
    m_setup->setBusy(true);
    runInBackground(
        [path = m_path, options = std::move(options), passphrase = m_setup->passphrase(), clock = &m_clock,
         gui = thread()]() {
            auto created = core::Registry::create(path, options, passphrase, *clock);
            if (created)
                handOver(*created->registry, gui);
            return created;
        },
        [this](core::Result<core::Registry::Created> created) {
            if (!m_setup)
                return;
            m_setup->setBusy(false);
            if (!created) {
                m_setup->showError(created.error());
                return;
            }
            m_setup->clearPassphrases();
            m_registry = std::move(created->registry);
            remember(m_registry->currentUser().id);
            m_setup->showRecoveryKey(created->recoveryKey);
        });
}

void AppSession::createDemoRegistry(int households)
{
    if (isWorking() || !m_setup)
        return;
    const RegistrySetupDialog::Details details = m_setup->details();
    core::Registry::CreateOptions options{details.registryName, details.adminId, details.adminDisplayName,
                                          std::nullopt};
    m_setup->setBusy(true);

    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto *progress = new QProgressDialog(m_setup.get());
    progress->setObjectName(u"demoProgress"_s);
    progress->setWindowTitle(tr("Demo Registry — FieldLedger"));
    progress->setLabelText(tr("Creating the registry and its keys…"));
    progress->setCancelButtonText(tr("&Stop"));
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->setMinimumWidth(420);
    progress->setRange(0, 0); // busy until the first batch
    progress->setWindowModality(Qt::WindowModal);
    // Stop, Esc and the close button: the households being added are the last ones.
    auto stop = [this, cancel = m_cancel] {
        if (cancel->exchange(true) || !m_progress)
            return;
        m_progress->setLabelText(tr("Stopping after the households being added…"));
        m_progress->show(); // cancelling hides it; the work is not over yet
    };
    connect(progress, &QProgressDialog::canceled, this, stop);
    connect(progress, &QDialog::rejected, this, stop);
    m_progress = progress;
    progress->show();

    runInBackground(
        [path = m_path, options = std::move(options), passphrase = m_setup->passphrase(), clock = &m_clock,
         gui = thread(), households, cancel = m_cancel, self = this]() -> core::Result<DemoOutcome> {
            auto created = core::Registry::create(path, options, passphrase, *clock);
            if (!created)
                return std::unexpected(created.error());
            DemoOutcome outcome = fillDemo(
                std::move(*created), *clock, households, [self, cancel](quint64 done, quint64 total) {
                    // Posted to the GUI thread; dropped if the session is gone by then.
                    QMetaObject::invokeMethod(
                        self, [self, done, total] { self->showDemoProgress(qint64(done), qint64(total)); },
                        Qt::QueuedConnection);
                    return !cancel->load();
                });
            handOver(*outcome.created.registry, gui);
            return outcome;
        },
        [this](core::Result<DemoOutcome> outcome) {
            delete m_progress.data();
            if (!m_setup)
                return;
            m_setup->setBusy(false);
            if (!outcome) {
                m_setup->showError(outcome.error());
                return;
            }
            m_setup->clearPassphrases();
            m_registry = std::move(outcome->created.registry);
            remember(m_registry->currentUser().id);
            if (outcome->fillError && outcome->fillError->code != core::ErrorCode::Cancelled) {
                MessageBox::warning(m_setup.get(), tr("Demo Registry"),
                                    tr("The registry was created, but filling it with households stopped "
                                       "early: %1")
                                        .arg(outcome->fillError->message));
            }
            m_setup->showRecoveryKey(outcome->created.recoveryKey);
        });
}

void AppSession::showDemoProgress(qint64 done, qint64 total)
{
    if (!m_progress)
        return;
    if (!m_cancel->load()) {
        m_progress->setLabelText(tr("Adding generated households: %1 of %2…")
                                     .arg(QLocale().toString(done), QLocale().toString(total)));
    }
    m_progress->setRange(0, int(std::min<qint64>(total, std::numeric_limits<int>::max())));
    m_progress->setValue(int(std::min<qint64>(done, std::numeric_limits<int>::max())));
}

QProgressDialog *AppSession::progressDialog() const
{
    return m_progress.data();
}

void AppSession::setupFinished(int result)
{
    const std::unique_ptr<RegistrySetupDialog> dialog = std::move(m_setup);
    if (result == QDialog::Accepted && m_registry)
        showMainWindow();
    else
        finish(0);
}

void AppSession::showUnlock()
{
    m_unlock = std::make_unique<UnlockDialog>();
    m_unlock->setRegistryPath(m_path);
    m_unlock->setUserId(QSettings().value(kLastUserKey).toString());
    connect(m_unlock.get(), &UnlockDialog::unlockRequested, this, &AppSession::unlockRegistry);
    connect(m_unlock.get(), &UnlockDialog::registryPathChanged, this,
            [this](const QString &path) { m_path = path; });
    connect(m_unlock.get(), &QDialog::finished, this, &AppSession::unlockFinished, Qt::QueuedConnection);
    m_unlock->show();
    m_unlock->raise();
    m_unlock->activateWindow();
}

void AppSession::unlockRegistry()
{
    if (isWorking() || !m_unlock)
        return;
    const bool withPassphrase = m_unlock->mode() == UnlockDialog::Mode::Passphrase;
    const QString userId = m_unlock->userId();
    m_unlock->setBusy(true);
    runInBackground(
        [path = m_path, userId, withPassphrase, secret = m_unlock->secret(), gui = thread(), clock = &m_clock,
         ids = &m_ids, self = this]() -> core::Result<Unlocked> {
            auto opened = withPassphrase ? core::Registry::open(path, userId, secret)
                                         : core::Registry::openWithRecoveryKey(path, secret);
            if (!opened)
                return std::unexpected(opened.error());
            Unlocked unlocked{std::move(*opened), nullptr};
            // The ledger loads the log, and the household list may need rebuilding: on a large
            // registry that takes a while, so it happens here too, with progress.
            if (auto ledger = core::Ledger::open(*unlocked.registry, core::Ledger::Options{clock, ids})) {
                const core::Status indexed = core::HouseholdIndex::install(**ledger, [self](quint64 done,
                                                                                            quint64 total) {
                    QMetaObject::invokeMethod(
                        self, [self, done, total] { self->showOpeningProgress(qint64(done), qint64(total)); },
                        Qt::QueuedConnection);
                    return true;
                });
                // Potential duplicates too (rebuilt here when stale).
                if (indexed && core::DuplicateIndex::install(**ledger)) {
                    (*ledger)->moveToThread(gui);
                    unlocked.ledger = std::move(*ledger);
                }
            }
            handOver(*unlocked.registry, gui);
            return unlocked;
        },
        [this, withPassphrase](core::Result<Unlocked> opened) {
            delete m_progress.data();
            if (!m_unlock)
                return;
            m_unlock->setBusy(false);
            if (!opened) {
                m_unlock->showError(opened.error());
                return;
            }
            m_registry = std::move(opened->registry);
            m_ledger = std::move(opened->ledger);
            // The recovery key acts as an administrator: not someone to prefill next time.
            remember(withPassphrase ? m_registry->currentUser().id : QString());
            m_unlock->acceptUnlocked();
        });
}

void AppSession::unlockFinished(int result)
{
    const std::unique_ptr<UnlockDialog> dialog = std::move(m_unlock);
    if (result == QDialog::Accepted && m_registry)
        showMainWindow();
    else
        finish(0);
}

void AppSession::openLedger()
{
    m_ledger.reset();
    auto ledger = core::Ledger::open(*m_registry, core::Ledger::Options{&m_clock, &m_ids});
    if (!ledger) {
        MessageBox::critical(nullptr, tr("Registry"),
                             tr("The registry's events cannot be read: %1").arg(ledger.error().message));
        return;
    }
    // The household list's rows, kept by the ledger from now on (rebuilt first when stale).
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const core::Status indexed = core::HouseholdIndex::install(**ledger);
    QApplication::restoreOverrideCursor();
    if (!indexed) {
        MessageBox::warning(
            nullptr, tr("Registry"),
            tr("The household list cannot be brought up to date: %1").arg(indexed.error().message));
    }
    // Potential duplicates, flagged as households and members are registered.
    if (const core::Status duplicates = core::DuplicateIndex::install(**ledger); !duplicates) {
        MessageBox::warning(
            nullptr, tr("Registry"),
            tr("Potential duplicates cannot be brought up to date: %1").arg(duplicates.error().message));
    }
    m_ledger = std::move(*ledger);
}

void AppSession::showOpeningProgress(qint64 done, qint64 total)
{
    if (!m_unlock)
        return;
    if (!m_progress) {
        // Only a registry whose household list must be rebuilt gets here.
        auto *progress = new QProgressDialog(m_unlock.get());
        progress->setObjectName(u"openingProgress"_s);
        progress->setWindowTitle(tr("Opening — FieldLedger"));
        progress->setLabelText(tr("Bringing the household list up to date…"));
        progress->setCancelButton(nullptr); // the list is needed; it is quick to finish
        progress->setAutoClose(false);
        progress->setAutoReset(false);
        progress->setMinimumDuration(300);
        progress->setMinimumWidth(380);
        progress->setWindowModality(Qt::WindowModal);
        m_progress = progress;
    }
    m_progress->setRange(0, int(std::min<qint64>(total, std::numeric_limits<int>::max())));
    m_progress->setValue(int(std::min<qint64>(done, std::numeric_limits<int>::max())));
}

void AppSession::showMainWindow()
{
    MainWindow::Info info{m_registry->name(), m_registry->path(), m_registry->currentUser(),
                          sqlCipherVersion(*m_registry)};
    if (!m_ledger)
        openLedger(); // a registry just created, or one whose ledger did not open on the worker
    m_drafts = std::make_unique<core::DraftStore>(*m_registry, m_clock, m_ids);
    m_main = std::make_unique<MainWindow>(std::move(info),
                                          MainWindow::Services{m_ledger.get(), &m_clock, m_drafts.get()});
    m_windowLanguage = Languages::current();
    connect(m_main.get(), &MainWindow::lockRequested, this, &AppSession::lock, Qt::QueuedConnection);
    connect(m_main.get(), &MainWindow::settingsRequested, this, &AppSession::showSettings);
    connect(
        m_main.get(), &MainWindow::quitRequested, this, [this] { finish(0); }, Qt::QueuedConnection);
    if (m_showDraftsOnUnlock)
        m_main->showPage(MainWindow::Page::Drafts);
    m_showDraftsOnUnlock = false;
    m_main->show();
    // The dialog that was in front has just closed: take the keyboard focus with us.
    m_main->raise();
    m_main->activateWindow();
    m_idle->start();
}

int AppSession::saveOpenDrafts()
{
    if (!m_main)
        return 0;
    int saved = 0;
    const QList<DraftAutosaver *> savers = m_main->findChildren<DraftAutosaver *>();
    for (DraftAutosaver *saver : savers) {
        if (saver->saveNow())
            ++saved;
    }
    return saved;
}

void AppSession::closeModalDialogs()
{
    // A modal dialog runs its own event loop inside a call that still uses the main window;
    // destroying the window under it would pull the floor from under that call.
    if (QWidget *popup = QApplication::activePopupWidget())
        popup->close(); // a menu or a completer
    while (QWidget *modal = QApplication::activeModalWidget()) {
        auto *dialog = qobject_cast<QDialog *>(modal);
        if (!dialog)
            break;
        dialog->reject();
        if (QApplication::activeModalWidget() == modal)
            break; // it refused (busy): the lock waits for the next try
    }
}

void AppSession::lock()
{
    if (!m_main)
        return;
    m_idle->stop();
    closeModalDialogs();
    if (QApplication::activeModalWidget() || QApplication::activePopupWidget() ||
        QThread::currentThread()->loopLevel() > 1) {
        // Let the dialog's or menu's event loop return before its window goes.
        QTimer::singleShot(kLockRetry, this, &AppSession::lock);
        return;
    }
    delete m_settings.data();
    m_showDraftsOnUnlock = saveOpenDrafts() > 0;
    m_main->saveSettings();
    m_main.reset(); // the windows and their forms go before the registry they show
    m_drafts.reset();
    m_ledger.reset();
    m_registry.reset(); // closes the database and wipes the data key (SecretBytes)
    showUnlock();
    emit locked();
}

void AppSession::showSettings()
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(AppSettings::load(), m_main.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settings = dialog;
    connect(dialog, &SettingsDialog::applied, this, &AppSession::applySettings);
    if (m_main)
        dialog->open(); // window-modal over the main window, without a nested event loop
    else
        dialog->show();
}

SettingsDialog *AppSession::settingsDialog() const
{
    return m_settings.data();
}

void AppSession::applySettings(const AppSettings &settings)
{
    m_idle->setInterval(settings.idleLockInterval());
    if (m_main && Languages::current() != m_windowLanguage)
        QTimer::singleShot(0, this, &AppSession::rebuildMainWindow); // after the dialog's click
}

void AppSession::rebuildMainWindow()
{
    if (!m_main || Languages::current() == m_windowLanguage)
        return;
    closeModalDialogs();
    delete m_settings.data();
    if (QApplication::activeModalWidget() || QApplication::activePopupWidget() ||
        QThread::currentThread()->loopLevel() > 1) {
        QTimer::singleShot(kLockRetry, this, &AppSession::rebuildMainWindow);
        return;
    }
    const bool keptDrafts = saveOpenDrafts() > 0;
    const MainWindow::Page page = m_main->currentPage();
    const QString household =
        m_main->householdsPage() ? m_main->householdsPage()->currentHousehold() : QString();
    m_main->saveSettings();
    m_main.reset(); // its forms and their savers go before the draft store they use
    showMainWindow();
    if (!household.isEmpty() && m_main->householdsPage())
        m_main->householdsPage()->selectHousehold(household);
    m_main->showPage(keptDrafts ? MainWindow::Page::Drafts : page);
    if (keptDrafts)
        m_main->statusBar()->showMessage(tr("The open form was kept as a draft: resume it here."), 15000);
}

void AppSession::finish(int exitCode)
{
    m_idle->stop();
    delete m_settings.data();
    saveOpenDrafts();
    m_main.reset();
    m_drafts.reset();
    m_ledger.reset();
    m_registry.reset();
    emit finished(exitCode);
}

void AppSession::remember(const QString &userId) const
{
    QSettings settings;
    settings.setValue(kLastPathKey, m_path);
    if (!userId.isEmpty())
        settings.setValue(kLastUserKey, userId);
}

} // namespace fieldledger::ui
