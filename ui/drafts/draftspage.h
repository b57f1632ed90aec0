#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeView;

namespace fieldledger::core {
class DraftStore;
}

namespace fieldledger::ui {

class DraftListModel;

// The Drafts page of the main window: the signed-in user's unfinished forms, most recent first,
// with Resume (Enter, double-click) and Discard (Delete; asks first through MessageBox).
//
// It opens nothing itself: resumeRequested() names the draft and the window opens its form with
// the draft's values (core::DraftStore::load, core::formValuesFromJson) and a DraftAutosaver
// that keeps the same draft id. The list is read again when the page is shown and on refresh()
// (connect DraftAutosaver::saved and ::discarded to it).
//
// Object names for tests: "draftsView", "resumeButton", "discardButton", "draftsEmptyTitle".
class DraftsPage final : public QWidget {
    Q_OBJECT

public:
    DraftsPage(core::DraftStore &store, const QString &userId, QWidget *parent = nullptr);
    ~DraftsPage() override;

    [[nodiscard]] DraftListModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }
    // The draft of the current row; empty when none is selected.
    [[nodiscard]] QString currentDraftId() const;
    void setCurrentDraft(const QString &draftId);
    // How the Form column names form ids: definition titles in the current language.
    void setFormNames(const QHash<QString, QString> &names);
    // The message shown when reading the list failed; empty otherwise.
    [[nodiscard]] QString errorText() const;

public slots:
    void refresh();
    // Resume / Discard for the current row; Discard asks first.
    void resumeCurrent();
    void discardCurrent();

signals:
    void resumeRequested(const QString &draftId);
    void draftDiscarded(const QString &draftId);
    // After every refresh, for a count beside "Drafts" in the sidebar.
    void countChanged(int drafts);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateState();

    core::DraftStore &m_store;
    DraftListModel *m_model = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_errorLabel = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTreeView *m_view = nullptr;
    QWidget *m_emptyPage = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QPushButton *m_discardButton = nullptr;
    int m_lastCount = -1;
};

} // namespace fieldledger::ui
