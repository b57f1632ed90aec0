#pragma once

#include <QDateTime>
#include <QUuid>

namespace fieldledger::core {

// Injected sources of time and identity, so events, roots and tests are deterministic.
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock the caller moves by hand (tests, benchmarks, deterministic replays).
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start)
        : m_now(std::move(start))
    {
    }
    [[nodiscard]] QDateTime now() const override { return m_now; }
    void set(QDateTime when) { m_now = std::move(when); }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

class IdGenerator {
public:
    virtual ~IdGenerator() = default;
    [[nodiscard]] virtual QString next() = 0;
};

class UuidGenerator final : public IdGenerator {
public:
    [[nodiscard]] QString next() override { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
};

// prefix-1, prefix-2, ...: deterministic ids for tests.
class SequentialIdGenerator final : public IdGenerator {
public:
    explicit SequentialIdGenerator(QString prefix)
        : m_prefix(std::move(prefix))
    {
    }
    [[nodiscard]] QString next() override { return m_prefix + QString::number(++m_counter); }

private:
    QString m_prefix;
    qint64 m_counter = 0;
};

} // namespace fieldledger::core
