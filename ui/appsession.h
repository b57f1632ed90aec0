#pragma once

#include "core/common/clock.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace fieldledger::core {
class Ledger;
class Registry;
} // namespace fieldledger::core

namespace fieldledger::ui {

class MainWindow;
class RegistrySetupDialog;
class UnlockDialog;

// The desktop app's flow from start to quit, and the one place where the GUI calls the
// registry's create and open:
//
//   no registry at the path ─▶ RegistrySetupDialog (create, then show the recovery key) ─┐
//   a registry at the path  ─▶ UnlockDialog (passphrase or recovery key) ────────────────┴▶ MainWindow
//   MainWindow ▸ Lock       ─▶ closes the registry ─▶ UnlockDialog again
//
// Creating and unlocking run Argon2id (about half a second) and open SQLCipher, so they run on a
// worker thread while the dialog shows a busy indicator; the result comes back to the GUI
// thread, where the registry then lives. The session owns the registry and its windows;
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
    // True while a create or unlock runs on the worker thread.
    [[nodiscard]] bool isWorking() const { return m_worker != nullptr; }

signals:
    // The user quit: by cancelling the first dialog, or by closing the main window.
    void finished(int exitCode);
    // A create or unlock attempt came back and its outcome is on screen.
    void attemptFinished(bool succeeded);

private:
    void showSetup();
    void createRegistry();
    void setupFinished(int result);
    void showUnlock();
    void unlockRegistry();
    void unlockFinished(int result);
    void openLedger();
    void showMainWindow();
    void lock();
    void finish(int exitCode);
    void remember(const QString &userId) const;

    template<typename Work, typename Done>
    void runInBackground(Work work, Done done);

    QString m_path;
    const core::Clock &m_clock;
    std::unique_ptr<core::Registry> m_registry;
    core::UuidGenerator m_ids;
    std::unique_ptr<core::Ledger> m_ledger; // goes before the registry
    std::unique_ptr<RegistrySetupDialog> m_setup;
    std::unique_ptr<UnlockDialog> m_unlock;
    std::unique_ptr<MainWindow> m_main;
    QThread *m_worker = nullptr; // owned while running; deleted when it has finished
};

} // namespace fieldledger::ui
