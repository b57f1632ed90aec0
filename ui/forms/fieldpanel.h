#pragma once

#include "core/forms/formdefinition.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace fieldledger::ui {

class FieldEditor;
class FormContext;
class RosterWidget;

// The widgets of some fields of one scope, one under the other: a page of a FormView (the
// form's scope) or a roster's editor (one instance of a repeat). Groups become a heading with
// their fields below; repeats become a RosterWidget; hidden fields and unlabelled calculations
// show nothing.
//
// The panel shows the instance bind() names ("" for the form, "members[2]" for a member) and
// rebinding reuses every widget. refresh() takes the absolute paths FormState reported that
// belong to the panel (see names()) and updates only their widgets.
class FieldPanel final : public QWidget {
    Q_OBJECT

public:
    FieldPanel(FormContext &context, const std::vector<const core::Field *> &fields,
               QWidget *parent = nullptr);
    ~FieldPanel() override;

    // "" for the form's own fields, "members[2]" for an instance.
    [[nodiscard]] const QString &prefix() const { return m_prefix; }
    // Shows the fields of this instance: every widget reloads its value and state.
    void bind(const QString &prefix);

    // Field names whose paths the panel shows: its fields, the groups and the repeats among them.
    [[nodiscard]] QStringList names() const;
    [[nodiscard]] bool owns(const QString &name) const
    {
        return m_editors.contains(name) || m_rosters.contains(name);
    }

    // `paths` (absolute, each naming one of names() or something inside one of its repeats)
    // changed; `names` are the field names that changed anywhere, for choice filters.
    void refresh(const QStringList &paths, const QSet<QString> &names);
    // Texts in the context's language.
    void retranslate();
    // Every widget's state again (after the issues became visible, say).
    void refreshAll();

    // Focuses the widget of `path` (absolute; roster rows get selected). False when not here.
    bool focusPath(const QString &path);
    // Focuses the first input that is shown; false when there is none.
    bool focusFirstInput();
    // Whether something is shown for the user to see or answer.
    [[nodiscard]] bool hasVisibleContent() const;

    // The width the panel asks for (it takes less when there is less); 0: what its fields need.
    void setPreferredWidth(int width) { m_preferredWidth = width; }
    [[nodiscard]] QSize sizeHint() const override;

    [[nodiscard]] FieldEditor *editor(const QString &name) const { return m_editors.value(name); }
    [[nodiscard]] RosterWidget *roster(const QString &name) const { return m_rosters.value(name); }

private:
    void add(const core::Field &field, QLayout *layout);
    [[nodiscard]] QString relative(const QString &path) const;

    FormContext &m_context;
    QString m_prefix;
    bool m_bound = false;
    int m_preferredWidth = 0;
    QHash<QString, FieldEditor *> m_editors;
    QHash<QString, RosterWidget *> m_rosters;
    std::vector<QWidget *> m_widgets; // editors and rosters in form order
};

} // namespace fieldledger::ui
