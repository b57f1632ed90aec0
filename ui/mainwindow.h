#pragma once

#include "core/access/user.h"

#include <QMainWindow>
#include <QString>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;
class QStackedWidget;

namespace fieldledger::ui {

// The window behind an unlocked registry: a sidebar of sections (Households, Drafts; Review,
// Duplicates, Integrity and Dashboard will join them), the section's page beside it, and a status
// bar naming the registry and who is signed in.
//
// It owns no registry: AppSession opens and closes the registry and reacts to lockRequested()
// and quitRequested(). Window geometry, the splitter and the sidebar's visibility persist in
// QSettings.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    struct Info {
        QString registryName;
        QString registryPath;
        core::User user;          // who unlocked it
        QString sqlCipherVersion; // for About; empty when unknown
    };

    // The sidebar's sections, in order.
    enum class Page { Households, Drafts };

    explicit MainWindow(Info info, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] const Info &info() const { return m_info; }
    [[nodiscard]] Page currentPage() const;
    void showPage(Page page);
    void saveSettings() const;

    // The About box's text: version, what FieldLedger is, Qt and SQLCipher versions.
    [[nodiscard]] static QString aboutText(const QString &sqlCipherVersion);

signals:
    // File ▸ Lock: close the registry and go back to the unlock dialog.
    void lockRequested();
    // File ▸ Quit or the window's close button.
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createCentralArea();
    void createStatusBar();
    void restoreSettings();
    void find();
    void showAbout();

    Info m_info;
    QSplitter *m_splitter = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QLabel *m_registryLabel = nullptr;
    QLabel *m_userLabel = nullptr;

    QAction *m_newHouseholdAction = nullptr;
    QAction *m_lockAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_sidebarAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace fieldledger::ui
