#include "ui/appsession.h"

#include "core/domain/ledger.h"
#include "core/storage/householdindex.h"
#include "core/storage/registry.h"
#include "ui/mainwindow.h"
#include "ui/messagebox.h"
#include "ui/registrysetupdialog.h"
#include "ui/unlockdialog.h"

#include <QApplication>
#include <QDialog>
#include <QSettings>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QThread>

#include <optional>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QString kLastPathKey = u"session/lastRegistryPath"_s;
const QString kLastUserKey = u"session/lastUserId"_s;

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

} // namespace

AppSession::AppSession(QString registryPath, const core::Clock &clock, QObject *parent)
    : QObject(parent)
    , m_path(std::move(registryPath))
    , m_clock(clock)
{
}

AppSession::~AppSession()
{
    if (m_worker) {
        // Argon2id cannot be interrupted; it finishes in about a second. Its outcome is dropped.
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    m_main.reset();
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
        [path = m_path, userId, withPassphrase, secret = m_unlock->secret(), gui = thread()]() {
            auto opened = withPassphrase ? core::Registry::open(path, userId, secret)
                                         : core::Registry::openWithRecoveryKey(path, secret);
            if (opened)
                handOver(**opened, gui);
            return opened;
        },
        [this, withPassphrase](core::Result<std::unique_ptr<core::Registry>> opened) {
            if (!m_unlock)
                return;
            m_unlock->setBusy(false);
            if (!opened) {
                m_unlock->showError(opened.error());
                return;
            }
            m_registry = std::move(*opened);
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
        MessageBox::warning(nullptr, tr("Registry"),
                            tr("The household list cannot be brought up to date: %1").arg(indexed.error().message));
    }
    m_ledger = std::move(*ledger);
}

void AppSession::showMainWindow()
{
    MainWindow::Info info{m_registry->name(), m_registry->path(), m_registry->currentUser(),
                          sqlCipherVersion(*m_registry)};
    openLedger();
    m_main = std::make_unique<MainWindow>(std::move(info), MainWindow::Services{m_ledger.get(), &m_clock});
    connect(m_main.get(), &MainWindow::lockRequested, this, &AppSession::lock, Qt::QueuedConnection);
    connect(
        m_main.get(), &MainWindow::quitRequested, this, [this] { finish(0); }, Qt::QueuedConnection);
    m_main->show();
    // The dialog that was in front has just closed: take the keyboard focus with us.
    m_main->raise();
    m_main->activateWindow();
}

void AppSession::lock()
{
    if (!m_main)
        return;
    m_main.reset(); // the windows go before the registry they show
    m_ledger.reset();
    m_registry.reset();
    showUnlock();
}

void AppSession::finish(int exitCode)
{
    m_main.reset();
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
