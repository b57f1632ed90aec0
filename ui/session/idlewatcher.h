#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace fieldledger::ui {

// Notices when nobody has touched the keyboard or the mouse for a while, anywhere in the
// application: an event filter on the application object notes the time of every input event,
// and one timer checks the time only when the interval could have run out (it is not restarted
// for every mouse move).
//
// idle() is emitted once per start(): the watcher stops itself when it fires, and the session
// starts it again after the next unlock. An interval of zero means "never".
class IdleWatcher final : public QObject {
    Q_OBJECT

public:
    explicit IdleWatcher(QObject *parent = nullptr);
    ~IdleWatcher() override;
    Q_DISABLE_COPY_MOVE(IdleWatcher)

    static constexpr std::chrono::minutes defaultInterval{5};

    [[nodiscard]] std::chrono::milliseconds interval() const { return m_interval; }
    // Takes effect at once when running: the time already idle counts against the new interval.
    void setInterval(std::chrono::milliseconds interval);

    // Starts watching (from now); does nothing but remember when the interval is zero.
    void start();
    void stop();
    [[nodiscard]] bool isActive() const { return m_active; }

    // How long since the last input event (or since start()).
    [[nodiscard]] std::chrono::milliseconds idleFor() const;

    // Counts as input: the user did something the event filter cannot see.
    void poke();

signals:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();
    void schedule();

    std::chrono::milliseconds m_interval = defaultInterval;
    QTimer m_timer;
    QElapsedTimer m_sinceInput;
    bool m_active = false;
    bool m_filterInstalled = false;
};

} // namespace fieldledger::ui
