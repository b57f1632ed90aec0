#pragma once

#include <QString>

#include <chrono>

namespace fieldledger::ui {

// The user's preferences on this computer, kept in QSettings (never in a registry: they hold
// nothing about households and must be readable before any registry is unlocked).
struct AppSettings {
    static constexpr int defaultIdleLockMinutes = 5;
    static constexpr int maximumIdleLockMinutes = 240;
    static constexpr int maximumDeviceNameLength = 64;

    QString language;                             // "en", "fr" or "es" (Languages::available())
    int idleLockMinutes = defaultIdleLockMinutes; // 0: never lock by itself
    QString deviceName;                           // how this computer is named; trimmed

    // What is stored, with defaults for what is not: the system's language when FieldLedger
    // has it (else English), five minutes, the computer's host name.
    [[nodiscard]] static AppSettings load();
    void save() const;

    [[nodiscard]] std::chrono::milliseconds idleLockInterval() const
    {
        return std::chrono::minutes(idleLockMinutes);
    }

    friend bool operator==(const AppSettings &, const AppSettings &) = default;
};

} // namespace fieldledger::ui
