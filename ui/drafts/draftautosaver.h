#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>

class QShortcut;

namespace fieldledger::core {
class DraftStore;
}

namespace fieldledger::ui {

class FormView;

// Keeps what is typed into a FormView as a draft in the encrypted registry (core::DraftStore),
// so that a crash, a lock or a closed window loses at most the last few seconds.
//
// It saves the view's values() when they changed:
//   - at most interval() after the first change since the last save (5 s by default; a steady
//     typist does not postpone it),
//   - on every change of page, when the view is hidden or closed,
//   - on Ctrl+S inside the view (saveShortcut()), and whenever saveNow() is called (AppSession
//     calls it on every saver in the main window before locking and quitting).
// Nothing is saved for a form that was opened and left untouched.
//
// The first save creates the draft (draftId() then names it); later ones replace it. A resumed
// draft keeps its id: pass it to the constructor. The form's id and version come from the view.
// The draft's title tells drafts apart: the first answered top-level text field (usually the
// household's or the person's name), after the title given ("Edit household — Kalo") if any;
// the form's title while nothing is typed there.
//
// Submitting: put draftId() in core::Command::draftId, so that core deletes the draft in the
// transaction that accepts the event; then call submitted(). A refused submit keeps the draft.
// Cancelling the form for good: discard().
//
// The saver is a child of the view and goes with it. The store must outlive it (AppSession
// destroys the main window, and with it every form and saver, before it closes the registry).
class DraftAutosaver final : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultInterval{5000};

    // `view` must show a form (or get one before its first change).
    DraftAutosaver(FormView *view, core::DraftStore &store, QString title, QString draftId = {});
    ~DraftAutosaver() override;
    Q_DISABLE_COPY_MOVE(DraftAutosaver)

    [[nodiscard]] FormView *view() const;
    // Empty until the first save of a new form.
    [[nodiscard]] const QString &draftId() const { return m_draftId; }
    // The entity an edit form changes (empty for a new household).
    [[nodiscard]] const QString &entityGuid() const { return m_entityGuid; }
    void setEntityGuid(const QString &guid);
    [[nodiscard]] const QString &title() const { return m_title; }
    void setTitle(const QString &title);

    [[nodiscard]] std::chrono::milliseconds interval() const { return m_interval; }
    void setInterval(std::chrono::milliseconds interval);

    // Changes not saved yet.
    [[nodiscard]] bool isDirty() const { return m_dirty; }
    // When the timer will save (for tests); inactive while nothing changed.
    [[nodiscard]] bool isSavePending() const { return m_timer.isActive(); }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] QShortcut *saveShortcut() const { return m_shortcut; }

    // The form's title shown in the Drafts list for the current values.
    [[nodiscard]] QString draftTitle() const;

public slots:
    // Saves now when something changed (or always, with force); true when the draft is saved
    // (also when there was nothing new to save and a draft exists).
    bool saveNow(bool force = false);
    // The form was submitted and core removed its draft: forget it; a later change (a new form
    // in the same view) starts a new draft.
    void submitted();
    // The user gave up on the form: deletes its draft (if any) and stops saving.
    void discard();

signals:
    void saved(const QString &draftId);
    void saveFailed(const QString &message);
    void discarded(const QString &draftId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void markDirty();

    QPointer<FormView> m_view;
    core::DraftStore &m_store;
    QString m_title;
    QString m_draftId;
    QString m_entityGuid;
    QString m_lastError;
    std::chrono::milliseconds m_interval = defaultInterval;
    QTimer m_timer;
    QShortcut *m_shortcut = nullptr;
    bool m_dirty = false;
    bool m_stopped = false;
};

} // namespace fieldledger::ui
