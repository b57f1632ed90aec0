#pragma once

#include "ui/session/appsettings.h"

#include <QDialog>

#include <memory>

class QPushButton;

namespace Ui {
class SettingsDialog;
}

namespace fieldledger::ui {

// File ▸ Settings: the interface language, the idle lock and this computer's name.
//
// OK and Apply store the choices (AppSettings::save()), switch the language at once when it
// changed (Languages::apply(); this dialog and every other widget re-translate themselves), and
// emit applied() so that the session can re-arm its idle lock. Cancel leaves what was applied.
class SettingsDialog final : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(const AppSettings &current, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // What the fields say now (the device name trimmed; empty means the host name).
    [[nodiscard]] AppSettings settings() const;
    // What OK or Apply stored last (the settings given to the constructor before that).
    [[nodiscard]] const AppSettings &appliedSettings() const { return m_applied; }

    [[nodiscard]] QPushButton *applyButton() const;

public slots:
    void apply();
    void accept() override;

signals:
    void applied(const fieldledger::ui::AppSettings &settings);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showSettings(const AppSettings &settings);
    void retranslate();
    void updateApplyButton();

    const std::unique_ptr<::Ui::SettingsDialog> m_ui;
    AppSettings m_applied;
};

} // namespace fieldledger::ui
