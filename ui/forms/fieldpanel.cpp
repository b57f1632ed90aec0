#include "ui/forms/fieldpanel.h"

#include "ui/forms/fieldeditor.h"
#include "ui/forms/formcontext.h"
#include "ui/forms/rosterwidget.h"

#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

FieldPanel::FieldPanel(FormContext &context, const std::vector<const core::Field *> &fields, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    for (const core::Field *field : fields)
        add(*field, layout);
}

FieldPanel::~FieldPanel() = default;

QSize FieldPanel::sizeHint() const
{
    const QSize hint = QWidget::sizeHint();
    return {std::max(hint.width(), m_preferredWidth), hint.height()};
}

void FieldPanel::add(const core::Field &field, QLayout *layout)
{
    switch (field.type) {
    case core::FieldType::Hidden:
        return;
    case core::FieldType::Calculate:
        if (field.label.isEmpty())
            return; // a helper value, nothing to show
        break;
    case core::FieldType::Repeat: {
        auto *roster = new RosterWidget(m_context, field, this);
        static_cast<QVBoxLayout *>(layout)->addWidget(roster, 1);
        m_rosters.insert(field.name, roster);
        m_widgets.push_back(roster);
        return;
    }
    default:
        break;
    }
    auto *editor = new FieldEditor(m_context, field, this);
    layout->addWidget(editor);
    m_editors.insert(field.name, editor);
    m_widgets.push_back(editor);
    if (field.type == core::FieldType::Group) {
        for (const core::Field &child : field.fields)
            add(child, layout);
    }
}

void FieldPanel::bind(const QString &prefix)
{
    m_prefix = prefix;
    for (QWidget *widget : m_widgets) {
        if (auto *editor = qobject_cast<FieldEditor *>(widget)) {
            editor->setPath(joinFieldPath(prefix, editor->field().name));
            if (!m_bound)
                editor->retranslate(); // labels, hint and choices, once
            editor->load();
        } else if (auto *roster = qobject_cast<RosterWidget *>(widget)) {
            if (!m_bound)
                roster->retranslate();
            roster->bind(joinFieldPath(prefix, roster->repeat().name));
        }
    }
    m_bound = true;
}

QStringList FieldPanel::names() const
{
    QStringList out = m_editors.keys();
    out += m_rosters.keys();
    return out;
}

QString FieldPanel::relative(const QString &path) const
{
    return m_prefix.isEmpty() ? path : path.sliced(m_prefix.size() + 1);
}

void FieldPanel::refresh(const QStringList &paths, const QSet<QString> &names)
{
    QHash<RosterWidget *, QStringList> forRosters;
    for (const QString &path : paths) {
        const QString rest = relative(path);
        const QStringView head = headName(rest);
        if (head.size() == rest.size()) {
            // A repeat's own state (relevance, count issue): every roster looks at it below.
            if (FieldEditor *editor = m_editors.value(rest))
                editor->refresh();
        } else if (RosterWidget *roster = m_rosters.value(head.toString())) {
            forRosters[roster].push_back(path);
        }
    }
    if (!names.isEmpty()) {
        for (FieldEditor *editor : std::as_const(m_editors)) {
            if (editor->choicesRead(names)) {
                editor->reloadChoices();
                editor->refresh();
            }
        }
    }
    for (RosterWidget *roster : std::as_const(m_rosters))
        roster->refresh(forRosters.value(roster), names);
}

void FieldPanel::retranslate()
{
    for (QWidget *widget : m_widgets) {
        if (auto *editor = qobject_cast<FieldEditor *>(widget))
            editor->retranslate();
        else if (auto *roster = qobject_cast<RosterWidget *>(widget))
            roster->retranslate();
    }
}

void FieldPanel::refreshAll()
{
    for (QWidget *widget : m_widgets) {
        if (auto *editor = qobject_cast<FieldEditor *>(widget))
            editor->refresh();
        else if (auto *roster = qobject_cast<RosterWidget *>(widget))
            roster->refreshAll();
    }
}

bool FieldPanel::focusPath(const QString &path)
{
    if (!m_prefix.isEmpty() && !path.startsWith(m_prefix + u'.'))
        return false;
    const QString rest = relative(path);
    const QString head = headName(rest).toString();
    if (RosterWidget *roster = m_rosters.value(head))
        return roster->focusPath(path);
    if (FieldEditor *editor = m_editors.value(head)) {
        return editor->focusInput();
    }
    return false;
}

bool FieldPanel::focusFirstInput()
{
    for (QWidget *widget : m_widgets) {
        if (widget->isHidden())
            continue;
        if (auto *editor = qobject_cast<FieldEditor *>(widget)) {
            if (editor->isInput() && editor->focusInput())
                return true;
        } else if (auto *roster = qobject_cast<RosterWidget *>(widget)) {
            if (roster->focusTable())
                return true;
        }
    }
    return false;
}

bool FieldPanel::hasVisibleContent() const
{
    return std::ranges::any_of(m_widgets, [](const QWidget *widget) { return !widget->isHidden(); });
}

} // namespace fieldledger::ui
