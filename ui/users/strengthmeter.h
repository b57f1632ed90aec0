#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace fieldledger::ui {

// The live "how hard to guess" hint under a new passphrase: a short bar and a word (too short,
// weak, fair, strong) from PasswordStrength. It keeps nothing of what it rates.
class StrengthMeter final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StrengthMeter)

public:
    explicit StrengthMeter(QWidget *parent = nullptr);
    ~StrengthMeter() override;

    // Shows the rating of this passphrase (empty: an empty meter).
    void rate(const QString &passphrase);
    // The word shown, e.g. "strong"; empty for an empty passphrase.
    [[nodiscard]] QString text() const;
    // 0 (empty or too short) to 3 (strong).
    [[nodiscard]] int value() const;

private:
    QProgressBar *m_bar = nullptr;
    QLabel *m_label = nullptr;
};

} // namespace fieldledger::ui
