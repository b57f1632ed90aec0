#pragma once

#include "core/common/clock.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

class QProgressDialog;
class QThread;
class QWidget;

namespace fieldledger::core {
class DraftStore;
class Ledger;
class Registry;
} // namespace fieldledger::core

namespace fieldledger::ui {

class IdleWatcher;
class MainWindow;
class RegistrySetupDialog;
class SettingsDialog;
class UnlockDialog;
struct AppSettings;

// The desktop app's flow from start to quit, and the one place where the GUI calls the
// registry's create and open:
//
//   no registry at the path ─▶ RegistrySetupDialog (create, then show the recovery key) ─┐
//                              or Create a Demo Registry: the same, filled by        │
//                              core::DemoGenerator with a progress dialog (Cancel)   │
//   a registry at the path  ─▶ UnlockDialog (passphrase or recovery key) ────────────────┴▶ MainWindow
//   MainWindow ▸ Lock       ─▶ closes the registry ─▶ UnlockDialog again
//   idle for the set time   ─▶ the same lock (IdleWatcher; Settings ▸ idle lock)
//   Settings ▸ a new language ─▶ open forms saved as drafts, the main window made again in it
//
// Locking first asks every DraftAutosaver inside the main window to save its form as a draft,
// then destroys the main window and closes the registry (which wipes its data key), and shows
// the unlock dialog; unlocking opens the registry again and shows a new main window, on the
// Drafts page when the lock kept drafts.
//
// Creating and unlocking run Argon2id (about half a second) and open SQLCipher, so they run on a
// worker thread while the dialog shows a busy indicator; unlocking also opens the ledger and
// brings the household list up to date there (with a progress dialog when the list must be
// rebuilt), so that a large registry never freezes the window. The results come back to the GUI
// thread, where the registry and the ledger then live. The session owns the registry and its windows;
// finished() tells main() to leave the event loop.
class AppSession final : public QObject {
    Q_OBJECT

public:
    // The clock must outlive the session; it stamps what the registry records.
    AppSession(QString registryPath, const core::Clock &clock, QObject *parent = nullptr);
    ~AppSession() override;
    Q_DISABLE_COPY_MOVE(AppSession)

    // The path given on the command line, else the registry opened last (if it still exists),
    // else core::Registry::defaultPath().
    [[nodiscard]] static QString initialRegistryPath(const QString &requestedPath);

    // Shows the first screen: the setup dialog or the unlock dialog.
    void start();

    [[nodiscard]] QString registryPath() const { return m_path; }
    // The window currently shown by the flow; null when that step is not the current one.
    [[nodiscard]] RegistrySetupDialog *setupDialog() const { return m_setup.get(); }
    [[nodiscard]] UnlockDialog *unlockDialog() const { return m_unlock.get(); }
    [[nodiscard]] MainWindow *mainWindow() const { return m_main.get(); }
    // The open registry; null before unlocking and after locking.
    [[nodiscard]] core::Registry *registry() const { return m_registry.get(); }
    // The open registry's ledger, made when the main window shows; null otherwise.
    [[nodiscard]] core::Ledger *ledger() const { return m_ledger.get(); }
    // The signed-in user's drafts in the open registry (for the Drafts page and the forms'
    // DraftAutosavers); made when the main window shows, gone with it.
    [[nodiscard]] core::DraftStore *draftStore() const { return m_drafts.get(); }
    // The progress dialog of a demo registry being filled; null otherwise.
    [[nodiscard]] QProgressDialog *progressDialog() const;
    // True while a create or unlock runs on the worker thread.
    [[nodiscard]] bool isWorking() const { return m_worker != nullptr; }

    // Watches for input while the main window is shown; its interval comes from the settings
    // (AppSettings::idleLockMinutes) and may be changed, e.g. by a test.
    [[nodiscard]] IdleWatcher &idleWatcher() const { return *m_idle; }

    // Saves every open form as a draft (each DraftAutosaver in the main window's object tree);
    // the number of forms saved. Called by lock() and when quitting.
    int saveOpenDrafts();

    // File ▸ Lock and the idle lock: see above. Nothing happens unless the main window shows.
    // A modal dialog in front of the main window is closed (rejected) first.
    void lock();

    // File ▸ Settings: shows the settings dialog (window-modal over the main window when there is
    // one; not blocking). Its changes apply at once: language and idle lock.
    void showSettings();
    // The settings dialog while it is open; null otherwise.
    [[nodiscard]] SettingsDialog *settingsDialog() const;

signals:
    // The user quit: by cancelling the first dialog, or by closing the main window.
    void finished(int exitCode);
    // A create or unlock attempt came back and its outcome is on screen.
    void attemptFinished(bool succeeded);
    // The registry was closed by lock(); the unlock dialog shows.
    void locked();

private:
    void showSetup();
    void createRegistry();
    void createDemoRegistry(int households);
    void showDemoProgress(qint64 done, qint64 total);
    void showOpeningProgress(qint64 done, qint64 total);
    void setupFinished(int result);
    void showUnlock();
    void unlockRegistry();
    void unlockFinished(int result);
    void openLedger();
    void showMainWindow();
    void closeModalDialogs();
    void applySettings(const AppSettings &settings);
    // A new language: the main window is made again in it (open forms are kept as drafts).
    void rebuildMainWindow();
    void finish(int exitCode);
    void remember(const QString &userId) const;

    template<typename Work, typename Done>
    void runInBackground(Work work, Done done);

    QString m_path;
    const core::Clock &m_clock;
    std::unique_ptr<core::Registry> m_registry;
    core::UuidGenerator m_ids;
    std::unique_ptr<core::Ledger> m_ledger;     // goes before the registry
    std::unique_ptr<core::DraftStore> m_drafts; // goes after the main window, before the registry
    std::unique_ptr<RegistrySetupDialog> m_setup;
    std::unique_ptr<UnlockDialog> m_unlock;
    std::unique_ptr<MainWindow> m_main;
    std::unique_ptr<IdleWatcher> m_idle;
    QPointer<SettingsDialog> m_settings;
    QPointer<QProgressDialog> m_progress;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    bool m_showDraftsOnUnlock = false; // the last lock kept drafts
    QString m_windowLanguage;          // the language the main window was made in
    QThread *m_worker = nullptr;       // owned while running; deleted when it has finished
};

} // namespace fieldledger::ui
