#pragma once

#include "core/domain/timeline.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>

class QButtonGroup;
class QDateTimeEdit;
class QLabel;
class QRadioButton;
class QSlider;
class QTableWidget;
class QToolButton;

namespace fieldledger::core {
class Ledger;
struct LedgerChange;
} // namespace fieldledger::core

namespace fieldledger::ui {

// "What did this household look like on 3 March, and what did this laptop show": the household
// (or any entity) and its members at a chosen point of its timeline, with what differs from now
// highlighted (fields changed since, members that left or joined since).
//
// Two modes (EVENTS.md §4), labelled on screen:
// - As it happened: the events in the order they happened (timestamps; core::snapshotAt, i.e.
//   Ledger::entityAt). The date-time picker chooses any instant; the slider snaps to the last
//   event at or before it.
// - As this registry recorded it: the events in the order this registry received them (log
//   order; core::RecordedHistory, equal to Ledger::entityAsRecorded). Position k shows what
//   the registry showed right after receiving the entity's k-th event.
//
// Position k is "just after the k-th event", eventCount() the last one (now); 0, "before the
// first event", is reached only by picking an earlier instant. The slider, or
// Left/Right (Alt+Left/Right from anywhere in the view) step one event; Home/End (Alt+Home/End)
// go to the first and last. Each step reads the entity and its members from core (a few
// indexed reads, or a projection of this household's own events): no step replays the log.
// The view follows the ledger: an event on the entity or its members reloads the timeline.
class TimeTravelView final : public QWidget {
    Q_OBJECT

public:
    enum class Mode { AsItHappened, AsRecorded };

    TimeTravelView(core::Ledger &ledger, QString entityGuid, QWidget *parent = nullptr);
    ~TimeTravelView() override;
    Q_DISABLE_COPY_MOVE(TimeTravelView)

    [[nodiscard]] Mode mode() const { return m_mode; }
    // Keeps the position on the same event when it can.
    void setMode(Mode mode);

    [[nodiscard]] int eventCount() const;
    [[nodiscard]] int position() const { return m_position; }
    // 1 (the first event) when there are events: the slider and the keys go no further back;
    // only an instant before the first event shows position 0.
    [[nodiscard]] int firstPosition() const;
    void setPosition(int position);
    void stepBack();
    void stepForward();
    void toFirst();
    void toLast();
    // As it happened: shows the state at `when` exactly (the slider moves to the events at or
    // before it). As recorded: moves to the last event received that happened at or before it.
    void setInstant(const QDateTime &when);

    // The event the position is just after, in the mode's order; nullopt at position 0.
    [[nodiscard]] std::optional<core::TimelineEvent> currentEvent() const;
    [[nodiscard]] const core::EntityTimeline &timeline() const { return m_timeline; }
    // What the view shows, and now.
    [[nodiscard]] const core::GroupSnapshot &shown() const { return m_shown; }
    [[nodiscard]] const core::GroupSnapshot &current() const { return m_now; }
    // What differs between the shown point and now: data fields, members (guids).
    [[nodiscard]] QStringList changedFields() const;
    [[nodiscard]] QStringList membersLeftSince() const;
    [[nodiscard]] QStringList membersJoinedSince() const;
    // The line that says where on the timeline the view is.
    [[nodiscard]] QString positionText() const;

    // Reads the timeline again (keeps the position on the same event when it can).
    void reload();

signals:
    void positionChanged(int position);
    // Reading from core failed; what is shown stays as it was.
    void errorOccurred(const QString &message);

private:
    void buildUi();
    void ledgerChanged(const core::LedgerChange &change);
    // The event index (into timeline().events()) at a position of the current mode.
    [[nodiscard]] qsizetype eventIndexAt(int position) const;
    // The position of an event index in the current mode.
    [[nodiscard]] int positionOf(qsizetype eventIndex) const;
    // False (and the error on screen) when core could not say.
    bool showPosition(int position, std::optional<qint64> instantNs);
    [[nodiscard]] core::Result<core::GroupSnapshot> snapshotFor(int position,
                                                                std::optional<qint64> instantNs);
    void render();
    void renderFields();
    void renderMembers();
    void syncControls();
    void report(const core::Error &error);

    core::Ledger &m_ledger;
    QString m_guid;
    Mode m_mode = Mode::AsItHappened;
    core::EntityTimeline m_timeline;
    std::optional<core::RecordedHistory> m_recorded; // loaded the first time it is needed
    core::GroupSnapshot m_now;
    core::GroupSnapshot m_shown;
    int m_position = 0;
    std::optional<qint64> m_instantNs; // a picked instant (As it happened), else the position's
    bool m_syncing = false;

    QRadioButton *m_happened = nullptr;
    QRadioButton *m_recordedButton = nullptr;
    QButtonGroup *m_modes = nullptr;
    QLabel *m_modeHelp = nullptr;
    QSlider *m_slider = nullptr;
    QDateTimeEdit *m_when = nullptr;
    QToolButton *m_first = nullptr;
    QToolButton *m_back = nullptr;
    QToolButton *m_forward = nullptr;
    QToolButton *m_last = nullptr;
    QLabel *m_where = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_error = nullptr;
    QTableWidget *m_fields = nullptr;
    QTableWidget *m_members = nullptr;
};

} // namespace fieldledger::ui
