#pragma once

#include "core/access/user.h"

#include <QMainWindow>
#include <QString>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QSplitter;
class QStackedWidget;

namespace fieldledger::core {
class Clock;
class Ledger;
} // namespace fieldledger::core

namespace fieldledger::ui {

class HouseholdsPage;

// The window behind an unlocked registry: a sidebar of sections (Households, Drafts; Review,
// Duplicates, Integrity and Dashboard will join them), the section's page beside it, and a status
// bar naming the registry and who is signed in.
//
// Menus: File (New Household Ctrl+N, Lock Ctrl+L, Quit Ctrl+Q), Edit (Find Ctrl+F, Submit Form
// Ctrl+Enter and Save Draft Ctrl+S while a form is open), View (sidebar Ctrl+Shift+B, the
// household list's columns), Help (About). Ctrl+Enter and Ctrl+S belong to the open form itself
// (FormView, DraftAutosaver), in dialogs too: the menu entries show them and act on the form on
// the Households page, without a second, ambiguous shortcut.
//
// It owns no registry: AppSession opens and closes the registry and its ledger, and reacts to
// lockRequested() and quitRequested(). Without a ledger (Services empty) the Households section
// is an empty placeholder. Window geometry, the splitter, the sidebar's visibility and the
// household list's columns persist in QSettings.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    struct Info {
        QString registryName;
        QString registryPath;
        core::User user;          // who unlocked it
        QString sqlCipherVersion; // for About; empty when unknown
    };

    // What the pages work with; both outlive the window (AppSession owns them).
    struct Services {
        core::Ledger *ledger = nullptr; // the open registry's ledger
        const core::Clock *clock = nullptr;
    };

    // The sidebar's sections, in order. With a ledger, supervisors' and administrators' sections
    // follow (Review, Dashboard, Anomalies, Integrity; Users for administrators).
    enum class Page { Households, Drafts, Review, Dashboard, Anomalies, Integrity, Users };

    explicit MainWindow(Info info, QWidget *parent = nullptr);
    MainWindow(Info info, Services services, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] const Info &info() const { return m_info; }
    [[nodiscard]] Page currentPage() const;
    void showPage(Page page);
    // Puts `widget` in place of a section's page (the window takes it; the old one is deleted).
    void setPageWidget(Page page, QWidget *widget);
    // The Households section; null without a ledger.
    [[nodiscard]] HouseholdsPage *householdsPage() const { return m_householdsPage; }
    void saveSettings() const;

    // The About box's text: version, what FieldLedger is, Qt and SQLCipher versions.
    [[nodiscard]] static QString aboutText(const QString &sqlCipherVersion);

signals:
    // File ▸ Lock: close the registry and go back to the unlock dialog.
    void lockRequested();
    // File ▸ Quit or the window's close button.
    void quitRequested();
    // Edit ▸ Save Draft while a form is open.
    void saveDraftRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createCentralArea();
    void createStatusBar();
    void restoreSettings();
    void find();
    void newHousehold();
    void formOpenChanged(bool open);
    void showAbout();
    void addSupervisionPages();
    // Opens the export dialog, or the audit trail / time travel of the selected household.
    void exportData();
    void showHouseholdHistory(bool timeTravel);

    Info m_info;
    Services m_services;
    HouseholdsPage *m_householdsPage = nullptr;
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
    QAction *m_submitAction = nullptr;
    QAction *m_saveDraftAction = nullptr;
    QAction *m_sidebarAction = nullptr;
    QMenu *m_columnsMenu = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_auditTrailAction = nullptr;
    QAction *m_timeTravelAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace fieldledger::ui
