#pragma once

#include <QMessageBox>
#include <QString>

#include <optional>

class QWidget;

namespace fieldledger::ui {

// Every message box of the app goes through here, so a test can answer the next one instead of
// a person (KeePassXC's MessageBox does the same): setNextAnswer() makes the next call return
// that button at once, without showing anything, and lastTitle()/lastText() tell what was asked.
class MessageBox final {
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;

    MessageBox() = delete;

    static Button question(QWidget *parent, const QString &title, const QString &text, Buttons buttons,
                           Button defaultButton);
    static Button information(QWidget *parent, const QString &title, const QString &text,
                              Buttons buttons = QMessageBox::Ok,
                              Button defaultButton = QMessageBox::NoButton);
    static Button warning(QWidget *parent, const QString &title, const QString &text,
                          Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::NoButton);
    static Button critical(QWidget *parent, const QString &title, const QString &text,
                           Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::NoButton);
    // Rich text with the application icon, one OK button.
    static void about(QWidget *parent, const QString &title, const QString &text);

    // Tests: the next message returns this answer without showing a box.
    static void setNextAnswer(Button answer);
    // Tests: forget a pending answer and what was last asked.
    static void reset();
    // Tests: what the last message (shown or answered) said; empty when none since reset().
    [[nodiscard]] static QString lastTitle();
    [[nodiscard]] static QString lastText();

private:
    static Button ask(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                      Buttons buttons, Button defaultButton);
};

} // namespace fieldledger::ui
