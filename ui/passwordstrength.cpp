#include "ui/passwordstrength.h"

#include <QCoreApplication>
#include <QList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

// Chosen so often that an attacker tries them first, whatever their length.
constexpr QLatin1StringView kCommonChoices[] = {
    "password"_L1, "passw0rd"_L1,    "p@ssw0rd"_L1, "qwerty"_L1,   "qwertyuiop"_L1,    "azerty"_L1,
    "letmein"_L1,  "welcome"_L1,     "iloveyou"_L1, "admin"_L1,    "administrator"_L1, "monkey"_L1,
    "dragon"_L1,   "football"_L1,    "baseball"_L1, "sunshine"_L1, "princess"_L1,      "trustno1"_L1,
    "abc123"_L1,   "fieldledger"_L1, "registry"_L1, "changeme"_L1, "secret"_L1,        "master"_L1,
};

bool isCommonChoice(const QString &passphrase)
{
    // Trailing digits and punctuation ("password123!") add little.
    QString core = passphrase.toLower();
    while (!core.isEmpty() && !core.back().isLetter())
        core.chop(1);
    if (core.isEmpty())
        return true; // digits and punctuation only: "12345678", "!!!!!!!!"
    for (const QLatin1StringView common : kCommonChoices) {
        if (core == common)
            return true;
    }
    return false;
}

} // namespace

double PasswordStrength::estimateBits(const QString &passphrase)
{
    const QList<uint> characters = passphrase.toUcs4();
    if (characters.isEmpty())
        return 0.0;

    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool symbol = false;
    bool other = false;
    for (const uint c : characters) {
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else if (c >= 0x20 && c < 0x7f)
            symbol = true;
        else
            other = true;
    }
    const int pool =
        (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 100 : 0);

    // A character repeating the previous one adds a quarter, one continuing a run by one
    // (b after a, 3 after 4) adds half; any other character counts in full.
    double effectiveLength = 1.0;
    for (qsizetype i = 1; i < characters.size(); ++i) {
        const qint64 step = qint64(characters[i]) - qint64(characters[i - 1]);
        if (step == 0)
            effectiveLength += 0.25;
        else if (step == 1 || step == -1)
            effectiveLength += 0.5;
        else
            effectiveLength += 1.0;
    }
    return effectiveLength * std::log2(double(pool));
}

PasswordStrength::Level PasswordStrength::rate(const QString &passphrase)
{
    if (passphrase.toUcs4().size() < minimumLength)
        return Level::TooShort;
    if (isCommonChoice(passphrase))
        return Level::Weak;
    const double bits = estimateBits(passphrase);
    if (bits >= strongBits)
        return Level::Strong;
    if (bits >= fairBits)
        return Level::Fair;
    return Level::Weak;
}

QString PasswordStrength::text(Level level)
{
    switch (level) {
    case Level::TooShort:
        return QCoreApplication::translate("PasswordStrength", "too short");
    case Level::Weak:
        return QCoreApplication::translate("PasswordStrength", "weak");
    case Level::Fair:
        return QCoreApplication::translate("PasswordStrength", "fair");
    case Level::Strong:
        return QCoreApplication::translate("PasswordStrength", "strong");
    }
    return {};
}

int PasswordStrength::score(Level level)
{
    switch (level) {
    case Level::TooShort:
        return 0;
    case Level::Weak:
        return 1;
    case Level::Fair:
        return 2;
    case Level::Strong:
        return 3;
    }
    return 0;
}

QColor PasswordStrength::color(Level level)
{
    switch (level) {
    case Level::TooShort:
    case Level::Weak:
        return QColor(0xc0, 0x39, 0x2b); // red
    case Level::Fair:
        return QColor(0xd6, 0x8a, 0x00); // amber
    case Level::Strong:
        return QColor(0x2e, 0x8b, 0x3e); // green
    }
    return {};
}

} // namespace fieldledger::ui
