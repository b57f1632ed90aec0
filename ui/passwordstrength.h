#pragma once

#include <QColor>
#include <QString>

namespace fieldledger::ui {

// How hard a passphrase looks to guess, for the live hint under a passphrase field.
//
// A rough estimate, not a proof: it counts the character classes used, discounts repeated
// characters and runs (aaaa, abcd, 4321) and knows a handful of very common choices. It never
// stores or logs what it rates.
class PasswordStrength final {
public:
    enum class Level { TooShort, Weak, Fair, Strong };

    // The registry refuses shorter passphrases (core: "at least 8 characters").
    static constexpr int minimumLength = 8;
    // Estimated bits at or above which a passphrase counts as fair, and as strong.
    static constexpr double fairBits = 40.0;
    static constexpr double strongBits = 72.0;

    [[nodiscard]] static Level rate(const QString &passphrase);
    // The estimated entropy in bits that rate() compares with fairBits and strongBits.
    [[nodiscard]] static double estimateBits(const QString &passphrase);
    // "too short", "weak", "fair", "strong": for the hint beside the meter.
    [[nodiscard]] static QString text(Level level);
    // 0 (too short) to 3 (strong): the meter's value.
    [[nodiscard]] static int score(Level level);
    // The meter's colour for a level.
    [[nodiscard]] static QColor color(Level level);
};

} // namespace fieldledger::ui
