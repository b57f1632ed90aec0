#pragma once

#include "core/forms/formdefinition.h"

#include <QJsonValue>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QWidget>

#include <vector>

class QAbstractButton;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace fieldledger::ui {

class FormContext;

// The widgets of one field: its label (a mark when required), the input, the hint, and the
// issue message under it. Inputs by type: text -> line edit (multiline: a plain text edit),
// integer and decimal -> line edits that accept digits (empty is unanswered), date -> a line edit
// for YYYY-MM-DD with a calendar button, select_one -> a combo box with type-ahead (radio buttons
// with the appearance "horizontal", "columns" or "radio"), select_multiple -> check boxes,
// geopoint -> latitude and longitude, note -> text, calculate -> its value, group -> a heading.
//
// The editor shows the field at one path; a roster's editor is built once and moved from
// instance to instance with setPath() and load(). The user's changes go to
// FormContext::setValue(); the owner then calls refresh() for the paths that changed.
//
// Object names (for tests and accessibility tools) use the definition path: the input is
// "members.name", the message "members.name/message", the label "members.name/label"; radio
// buttons and check boxes "<path>/<choice>", geopoints "<path>/latitude" and "/longitude".
class FieldEditor final : public QWidget {
    Q_OBJECT

public:
    FieldEditor(FormContext &context, const core::Field &field, QWidget *parent = nullptr);
    ~FieldEditor() override;

    [[nodiscard]] const core::Field &field() const { return m_field; }
    [[nodiscard]] const QString &path() const { return m_path; }
    // Shows the field of another instance (call load() after).
    void setPath(const QString &path) { m_path = path; }

    // Puts the state's value into the inputs (the choices too, when filtered), then refresh().
    void load();
    // Relevance (the editor hides), requirement mark, issue message, calculated value.
    void refresh();
    // Label, hint and choices in the context's language; then refresh().
    void retranslate();
    // Rebuilds a select's choices from FormState::choices() (its filter may have moved).
    void reloadChoices();
    // Whether a choice filter of this field reads one of these field names.
    [[nodiscard]] bool choicesRead(const QSet<QString> &names) const;

    // Whether the user can answer the field here (an input).
    [[nodiscard]] bool isInput() const { return m_field.isInput(); }
    // Focuses the input (its first part); false when there is none.
    bool focusInput();
    // The widget that takes the focus first.
    [[nodiscard]] QWidget *primaryInput() const;
    // The issue message shown now; empty when none is shown.
    [[nodiscard]] QString shownIssue() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildInput();
    void buildChoiceButtons();
    void updateLabel();
    // Selects the state's value among the choices built (adding it when not offered).
    void showChoice();
    void edited(const QJsonValue &value);
    void lineEdited(const QString &text);
    void choiceButtonsChanged();
    void geopointEdited();
    void showCalendar();
    [[nodiscard]] QString objectPath() const;

    FormContext &m_context;
    const core::Field &m_field;
    QString m_path;
    bool m_required = false;
    bool m_loading = false;
    bool m_choicesBuilt = false;
    bool m_staleChoice = false; // the combo's last item is a value its choices no longer offer

    QLabel *m_label = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_value = nullptr; // calculations
    QWidget *m_inputRow = nullptr;
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_plain = nullptr;
    QComboBox *m_combo = nullptr;
    QWidget *m_choiceArea = nullptr;
    QButtonGroup *m_buttonGroup = nullptr;
    std::vector<QAbstractButton *> m_choiceButtons;
    QLineEdit *m_latitude = nullptr;
    QLineEdit *m_longitude = nullptr;
    QLabel *m_latitudeLabel = nullptr;
    QLabel *m_longitudeLabel = nullptr;
    QToolButton *m_calendarButton = nullptr;
    QString m_geopointExtra; // altitude and accuracy of a loaded geopoint, kept as they were
};

} // namespace fieldledger::ui
