#pragma once

#include <QList>
#include <QString>

namespace fieldledger::ui {

// The languages the interface speaks, and switching between them while the app runs.
//
// Translators belong to the application object, so this is a facade over the application's
// translator list (GUI thread only): apply() removes the translators it installed before,
// installs FieldLedger's catalogue (embedded under :/i18n) and Qt's own (for standard buttons,
// where the system has it), and sets QLocale's default. Qt then sends every widget a
// QEvent::LanguageChange; widgets re-translate themselves in changeEvent().
class Languages final {
public:
    struct Language {
        QString code; // "en", "fr", "es"
        QString name; // in its own language: "English", "Français", "Español"
    };

    Languages() = delete;

    [[nodiscard]] static QList<Language> available();
    [[nodiscard]] static bool isAvailable(const QString &code);
    // The system's language when it is available, else English.
    [[nodiscard]] static QString systemDefault();

    // Switches the interface to `code`. English needs no catalogue. False (and English) when the
    // code is unknown or its catalogue does not load.
    static bool apply(const QString &code);
    // What apply() installed last; "en" before any call.
    [[nodiscard]] static QString current();

    // Where FieldLedger's catalogue for `code` is embedded.
    [[nodiscard]] static QString catalogPath(const QString &code);
};

} // namespace fieldledger::ui
