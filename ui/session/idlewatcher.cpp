#include "ui/session/idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace fieldledger::ui {
namespace {

bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::InputMethod:
        return true;
    default:
        return false;
    }
}

} // namespace

IdleWatcher::IdleWatcher(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::check);
    m_sinceInput.start();
}

IdleWatcher::~IdleWatcher()
{
    stop();
}

void IdleWatcher::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds::zero());
    if (m_active)
        schedule();
}

void IdleWatcher::start()
{
    if (!m_filterInstalled && QCoreApplication::instance()) {
        QCoreApplication::instance()->installEventFilter(this);
        m_filterInstalled = true;
    }
    m_active = true;
    m_sinceInput.restart();
    schedule();
}

void IdleWatcher::stop()
{
    m_active = false;
    m_timer.stop();
    if (m_filterInstalled && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_filterInstalled = false;
}

std::chrono::milliseconds IdleWatcher::idleFor() const
{
    return std::chrono::milliseconds(m_sinceInput.elapsed());
}

void IdleWatcher::poke()
{
    m_sinceInput.restart();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    // Only notes the time: a mouse move costs one clock read, never a timer restart.
    if (isInput(event->type()))
        m_sinceInput.restart();
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::schedule()
{
    if (!m_active || m_interval <= std::chrono::milliseconds::zero()) {
        m_timer.stop();
        return;
    }
    const auto remaining = std::max(m_interval - idleFor(), std::chrono::milliseconds(1));
    m_timer.start(remaining);
}

void IdleWatcher::check()
{
    if (!m_active)
        return;
    if (m_interval > std::chrono::milliseconds::zero() && idleFor() >= m_interval) {
        stop();
        emit idle();
        return;
    }
    schedule();
}

} // namespace fieldledger::ui
