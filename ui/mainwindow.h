#pragma once

#include "core/access/user.h"

#include <QDateTime>
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
class DraftStore;
class Ledger;
} // namespace fieldledger::core

namespace fieldledger::ui {

class DraftsPage;
class FormSubmitter;
class FormView;
class HouseholdsPage;

// The window behind an unlocked registry: a sidebar of sections (Households, Drafts; Review,
// Duplicates, Integrity and Dashboard will join them), the section's page beside it, and a status
// bar naming the registry and who is signed in.
//
// Menus: File (New Household Ctrl+N, Export Ctrl+E, Lock Ctrl+L, Quit Ctrl+Q), Edit (Find Ctrl+F,
// Submit Form Ctrl+Enter and Save Draft Ctrl+S while a form is open, Settings), View (sidebar
// Ctrl+Shift+B, audit trail Ctrl+H and time travel Ctrl+T of the selected household, the whole
// registry as of a moment Ctrl+Shift+T, the household list's columns), Help (About). Ctrl+Enter and Ctrl+S
// belong to the open form itself (FormView, DraftAutosaver), in dialogs too: the menu entries show them and
// act on the form on the Households page, without a second, ambiguous shortcut.
//
// Drafts: every form the Households section opens (registration, and the detail's dialogs) gets a
// DraftAutosaver on the draft store, whose draft id goes with the submitted command so that core
// deletes the draft in the transaction that accepts the event. The Drafts page lists them (its
// count beside "Drafts" in the sidebar) and resumes one by opening its form again, with its
// values, under the same draft id.
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
        core::DraftStore *drafts = nullptr; // the signed-in user's drafts; none: no Drafts page
    };

    // The sidebar's sections, in order. With a ledger, Review follows (for everyone, with a count
    // of what awaits the user there), then supervisors' and administrators' sections (Duplicates
    // with the count of open pairs, Dashboard, Anomalies, Integrity; Users for administrators).
    enum class Page { Households, Drafts, Review, Duplicates, Dashboard, Anomalies, Integrity, Users };

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
    // The Drafts section; null without a draft store.
    [[nodiscard]] DraftsPage *draftsPage() const { return m_draftsPage; }
    // Opens a draft's form again with its values (the Drafts page's Resume); false, with the
    // reason in the status bar, when its form or household is not there any more.
    bool resumeDraft(const QString &draftId);
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
    // Edit ▸ Settings…
    void settingsRequested();

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
    void showHouseholdHistory(bool timeTravel, const QDateTime &when = {});
    // A household's time travel in a dialog, at `when` when valid.
    void showTimeTravel(const QString &guid, const QDateTime &when);
    // View ▸ Registry As Of…: every household at a chosen moment, then one household's time travel.
    void showRegistryAsOf();
    // Keeps what is typed into a newly opened form as a draft (resumedDraft: the draft it shows).
    void attachDraftSaver(FormView *view, FormSubmitter *submitter, const QString &entityGuid);
    // "Drafts (3)": a section's title with a count of what waits there (none: the title alone).
    void setSectionCount(Page page, const QString &title, int count);
    // The red banner of an integrity alarm raised at open (with Acknowledge… for administrators).
    [[nodiscard]] QWidget *makeAlarmBanner();

    Info m_info;
    Services m_services;
    HouseholdsPage *m_householdsPage = nullptr;
    DraftsPage *m_draftsPage = nullptr;
    QString m_resumingDraft; // the draft whose form is being opened again, while it opens
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
    QAction *m_settingsAction = nullptr;
    QAction *m_sidebarAction = nullptr;
    QMenu *m_columnsMenu = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_auditTrailAction = nullptr;
    QAction *m_timeTravelAction = nullptr;
    QAction *m_registryAsOfAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace fieldledger::ui
