#include "ui/forms/fieldeditor.h"

#include "core/forms/formstate.h"
#include "ui/forms/formcontext.h"
#include "ui/forms/rostermodel.h"

#include <QButtonGroup>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QColor kErrorColor(0xb0, 0x2a, 0x1e);
constexpr int kWideInput = 420;   // text, selects
constexpr int kNarrowInput = 170; // numbers, dates, coordinates
const char *const kChoiceProperty = "choiceName";

void setTextColor(QWidget *widget, const QColor &color)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, color);
    widget->setPalette(palette);
}

QString numberText(const QJsonValue &value)
{
    return core::formatXPathNumber(value.toDouble());
}

// A value as a line edit shows it.
QString lineText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return numberText(value);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return {};
}

bool hasAppearance(const core::Field &field, QStringView word)
{
    const QList<QStringView> words = QStringView(field.appearance).split(u' ', Qt::SkipEmptyParts);
    return words.contains(word);
}

bool usesRadioButtons(const core::Field &field)
{
    return field.type == core::FieldType::SelectOne &&
           (hasAppearance(field, u"horizontal") || hasAppearance(field, u"horizontal-compact") ||
            hasAppearance(field, u"columns") || hasAppearance(field, u"radio") ||
            hasAppearance(field, u"likert"));
}

QLineEdit *numberEdit(const QString &pattern, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setValidator(new QRegularExpressionValidator(QRegularExpression(pattern), edit));
    edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    edit->setMaximumWidth(kNarrowInput);
    return edit;
}

} // namespace

FieldEditor::FieldEditor(FormContext &context, const core::Field &field, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_field(field)
{
    const QString name = objectPath();
    setObjectName(name + u"/editor"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_label = new QLabel(this);
    m_label->setObjectName(name + u"/label"_s);
    m_label->setWordWrap(true);
    m_label->setTextFormat(m_field.isInput() ? Qt::RichText : Qt::PlainText);
    QFont labelFont = m_label->font();
    if (m_field.type == core::FieldType::Group) {
        labelFont.setPointSizeF(labelFont.pointSizeF() * 1.15);
        labelFont.setBold(true);
        layout->addSpacing(6);
    } else if (m_field.type != core::FieldType::Note) {
        labelFont.setWeight(QFont::DemiBold);
    }
    m_label->setFont(labelFont);
    layout->addWidget(m_label);

    buildInput();
    if (m_inputRow)
        layout->addWidget(m_inputRow);

    m_hint = new QLabel(this);
    m_hint->setObjectName(name + u"/hint"_s);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    QFont hintFont = m_hint->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 0.92);
    m_hint->setFont(hintFont);
    setTextColor(m_hint, palette().color(QPalette::PlaceholderText));
    m_hint->hide();
    layout->addWidget(m_hint);

    m_message = new QLabel(this);
    m_message->setObjectName(name + u"/message"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    setTextColor(m_message, kErrorColor);
    m_message->hide();
    layout->addWidget(m_message);

    if (QWidget *input = primaryInput())
        m_label->setBuddy(input);
}

FieldEditor::~FieldEditor() = default;

QString FieldEditor::objectPath() const
{
    QString path = m_field.name;
    const auto &all = m_context.state()->definition().allFields();
    for (int parent = m_field.parent; parent >= 0; parent = all[std::size_t(parent)]->parent) {
        const core::Field &container = *all[std::size_t(parent)];
        if (container.type == core::FieldType::Repeat)
            path = container.name + u'.' + path;
    }
    return path;
}

void FieldEditor::buildInput()
{
    const QString name = objectPath();
    m_inputRow = new QWidget(this);
    auto *row = new QHBoxLayout(m_inputRow);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);

    switch (m_field.type) {
    case core::FieldType::Text:
        if (hasAppearance(m_field, u"multiline")) {
            m_plain = new QPlainTextEdit(m_inputRow);
            m_plain->setTabChangesFocus(true);
            m_plain->setMaximumWidth(kWideInput);
            m_plain->setFixedHeight(m_plain->fontMetrics().lineSpacing() * 4 + 12);
            m_plain->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
            connect(m_plain, &QPlainTextEdit::textChanged, this, [this] {
                if (!m_loading)
                    edited(QJsonValue(m_plain->toPlainText()));
            });
            row->addWidget(m_plain, 1);
        } else {
            m_line = new QLineEdit(m_inputRow);
            m_line->setMaximumWidth(kWideInput);
            if (hasAppearance(m_field, u"numbers"))
                m_line->setInputMethodHints(Qt::ImhDialableCharactersOnly);
            row->addWidget(m_line, 1);
        }
        break;
    case core::FieldType::Integer:
        m_line = numberEdit(u"[+-]?[0-9]{0,15}"_s, m_inputRow);
        row->addWidget(m_line);
        break;
    case core::FieldType::Decimal:
        m_line = numberEdit(u"[+-]?[0-9]{0,15}([.,][0-9]{0,15})?"_s, m_inputRow);
        row->addWidget(m_line);
        break;
    case core::FieldType::Date: {
        m_line = numberEdit(u"[0-9]{0,8}|[0-9]{4}-[0-9]{2}(-[0-9]{0,2})?"_s, m_inputRow);
        m_line->setInputMethodHints(Qt::ImhDate);
        m_calendarButton = new QToolButton(m_inputRow);
        m_calendarButton->setObjectName(name + u"/calendar"_s);
        m_calendarButton->setText(u"…"_s);
        m_calendarButton->setFocusPolicy(Qt::ClickFocus);
        connect(m_calendarButton, &QToolButton::clicked, this, &FieldEditor::showCalendar);
        row->addWidget(m_line);
        row->addWidget(m_calendarButton);
        break;
    }
    case core::FieldType::SelectOne:
        if (usesRadioButtons(m_field)) {
            buildChoiceButtons();
            row->addWidget(m_choiceArea, 1);
        } else {
            m_combo = new QComboBox(m_inputRow);
            m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
            m_combo->setMinimumWidth(kNarrowInput + 60);
            m_combo->setMaximumWidth(kWideInput);
            m_combo->installEventFilter(this);
            connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
                if (m_loading)
                    return;
                if (m_staleChoice && index != m_combo->count() - 1) {
                    // An offered choice replaces the one no longer offered: it leaves the list.
                    m_loading = true;
                    m_combo->removeItem(m_combo->count() - 1);
                    m_staleChoice = false;
                    m_loading = false;
                }
                edited(QJsonValue(index < 0 ? QString() : m_combo->itemData(index).toString()));
            });
            row->addWidget(m_combo);
        }
        break;
    case core::FieldType::SelectMultiple:
        buildChoiceButtons();
        row->addWidget(m_choiceArea, 1);
        break;
    case core::FieldType::Geopoint: {
        const QString coordinate = u"[+-]?[0-9]{0,3}([.,][0-9]{0,12})?"_s;
        m_latitudeLabel = new QLabel(m_inputRow);
        m_latitude = numberEdit(coordinate, m_inputRow);
        m_latitude->setObjectName(name + u"/latitude"_s);
        m_latitudeLabel->setBuddy(m_latitude);
        m_longitudeLabel = new QLabel(m_inputRow);
        m_longitude = numberEdit(coordinate, m_inputRow);
        m_longitude->setObjectName(name + u"/longitude"_s);
        m_longitudeLabel->setBuddy(m_longitude);
        connect(m_latitude, &QLineEdit::textEdited, this, &FieldEditor::geopointEdited);
        connect(m_longitude, &QLineEdit::textEdited, this, &FieldEditor::geopointEdited);
        row->addWidget(m_latitudeLabel);
        row->addWidget(m_latitude);
        row->addSpacing(10);
        row->addWidget(m_longitudeLabel);
        row->addWidget(m_longitude);
        break;
    }
    case core::FieldType::Calculate:
        m_value = new QLabel(m_inputRow);
        m_value->setObjectName(name + u"/value"_s);
        m_value->setTextFormat(Qt::PlainText);
        m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row->addWidget(m_value);
        break;
    case core::FieldType::Note:
    case core::FieldType::Group:
    case core::FieldType::Hidden:
    case core::FieldType::Repeat:
        delete m_inputRow;
        m_inputRow = nullptr;
        return;
    }
    row->addStretch();

    if (m_line) {
        m_line->setObjectName(name);
        connect(m_line, &QLineEdit::textEdited, this, &FieldEditor::lineEdited);
    }
    if (m_plain)
        m_plain->setObjectName(name);
    if (m_combo)
        m_combo->setObjectName(name);
    if (m_field.readonly) {
        for (QWidget *input : m_inputRow->findChildren<QWidget *>()) {
            if (auto *line = qobject_cast<QLineEdit *>(input))
                line->setReadOnly(true);
            else if (auto *plain = qobject_cast<QPlainTextEdit *>(input))
                plain->setReadOnly(true);
            else if (!qobject_cast<QLabel *>(input))
                input->setEnabled(false);
        }
    }
}

void FieldEditor::buildChoiceButtons()
{
    if (!m_choiceArea) {
        m_choiceArea = new QWidget(m_inputRow);
        m_choiceArea->setObjectName(objectPath() + u"/choices"_s);
        auto *grid = new QGridLayout(m_choiceArea);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setHorizontalSpacing(18);
        grid->setVerticalSpacing(4);
        m_buttonGroup = new QButtonGroup(this);
        m_buttonGroup->setExclusive(m_field.type == core::FieldType::SelectOne);
        connect(m_buttonGroup, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
            // An exclusive group unchecks one button and checks another: act on the check.
            if (!m_loading && (checked || m_field.type == core::FieldType::SelectMultiple))
                choiceButtonsChanged();
        });
    }
    const core::FormState *state = m_context.state();
    const std::vector<const core::Choice *> choices =
        m_path.isEmpty() ? std::vector<const core::Choice *>() : state->choices(m_path);
    const bool same =
        choices.size() == m_choiceButtons.size() &&
        std::ranges::equal(choices, m_choiceButtons, [](const core::Choice *choice, QAbstractButton *button) {
            return button->property(kChoiceProperty).toString() == choice->name;
        });
    if (same) {
        for (std::size_t i = 0; i < choices.size(); ++i)
            m_choiceButtons[i]->setText(m_context.text(choices[i]->label));
        return;
    }
    // Only another field's change rebuilds them (a choice filter): none of these is sending.
    for (QAbstractButton *button : m_choiceButtons)
        delete button;
    m_choiceButtons.clear();

    auto *grid = static_cast<QGridLayout *>(m_choiceArea->layout());
    const bool horizontal = hasAppearance(m_field, u"horizontal") ||
                            hasAppearance(m_field, u"horizontal-compact") ||
                            hasAppearance(m_field, u"likert");
    const int columns = horizontal ? std::max<int>(1, int(choices.size())) : (choices.size() > 8 ? 2 : 1);
    const int rows = int((choices.size() + std::size_t(columns) - 1) / std::size_t(columns));
    const QString base = objectPath() + u'/';
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const core::Choice &choice = *choices[i];
        QAbstractButton *button = nullptr;
        if (m_field.type == core::FieldType::SelectOne)
            button = new QRadioButton(m_choiceArea);
        else
            button = new QCheckBox(m_choiceArea);
        button->setObjectName(base + choice.name);
        button->setProperty(kChoiceProperty, choice.name);
        button->setText(m_context.text(choice.label));
        button->installEventFilter(this);
        if (m_field.readonly)
            button->setEnabled(false);
        m_buttonGroup->addButton(button);
        m_choiceButtons.push_back(button);
        // Column by column, so that arrow keys and reading order agree.
        const int index = int(i);
        if (horizontal)
            grid->addWidget(button, 0, index, Qt::AlignLeft);
        else
            grid->addWidget(button, index % std::max(1, rows), index / std::max(1, rows), Qt::AlignLeft);
    }
}

void FieldEditor::reloadChoices()
{
    if (!m_field.isSelect() || m_path.isEmpty())
        return;
    if (m_combo) {
        const bool wasLoading = m_loading;
        m_loading = true;
        m_combo->clear();
        m_staleChoice = false;
        for (const core::Choice *choice : m_context.state()->choices(m_path))
            m_combo->addItem(m_context.text(choice->label), choice->name);
        m_combo->setPlaceholderText(tr("Choose…"));
        m_loading = wasLoading;
    } else {
        buildChoiceButtons();
    }
    m_choicesBuilt = true;
    showChoice();
}

void FieldEditor::showChoice()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const QJsonValue value = m_context.state()->value(m_path);
    if (m_combo) {
        if (m_staleChoice) {
            m_combo->removeItem(m_combo->count() - 1);
            m_staleChoice = false;
        }
        const QString name = core::isEmptyValue(value) ? QString() : lineText(value);
        int index = name.isEmpty() ? -1 : m_combo->findData(name);
        if (index < 0 && !name.isEmpty()) {
            // Kept as answered: the choice filter no longer offers it (the issue says so).
            const QString label = RosterModel::displayText(m_field, value, m_context.language(),
                                                           m_context.state()->definition().defaultLanguage());
            m_combo->addItem(tr("%1 (not offered)").arg(label), name);
            m_staleChoice = true;
            index = m_combo->count() - 1;
        }
        m_combo->setCurrentIndex(index);
    } else {
        const QStringList names = core::selectedNames(value.isDouble() ? QJsonValue(lineText(value)) : value);
        // An exclusive group keeps its checked button: let go of it first.
        m_buttonGroup->setExclusive(false);
        for (QAbstractButton *button : m_choiceButtons)
            button->setChecked(names.contains(button->property(kChoiceProperty).toString()));
        m_buttonGroup->setExclusive(m_field.type == core::FieldType::SelectOne);
    }
    m_loading = wasLoading;
}

bool FieldEditor::choicesRead(const QSet<QString> &names) const
{
    if (!m_field.choiceFilter)
        return false;
    for (const QString &name : m_field.choiceFilter->dependencies()) {
        if (names.contains(name))
            return true;
    }
    return false;
}

void FieldEditor::load()
{
    const core::FormState *state = m_context.state();
    m_loading = true;
    const QJsonValue value = state->value(m_path);
    switch (m_field.type) {
    case core::FieldType::Text:
        if (m_plain)
            m_plain->setPlainText(lineText(value));
        else
            m_line->setText(lineText(value));
        break;
    case core::FieldType::Integer:
    case core::FieldType::Decimal:
    case core::FieldType::Date:
        m_line->setText(lineText(value));
        m_line->setProperty("previousLength", m_line->text().size());
        break;
    case core::FieldType::SelectOne:
    case core::FieldType::SelectMultiple:
        // Another instance (a roster's editor): only filtered choices can differ.
        if (m_field.choiceFilter || !m_choicesBuilt)
            reloadChoices();
        else
            showChoice();
        break;
    case core::FieldType::Geopoint: {
        QString latitude;
        QString longitude;
        m_geopointExtra.clear();
        if (value.isObject()) {
            const QJsonObject point = value.toObject();
            latitude = lineText(point.value(u"latitude"));
            longitude = lineText(point.value(u"longitude"));
            const QString altitude = lineText(point.value(u"altitude"));
            const QString accuracy = lineText(point.value(u"accuracy"));
            if (!altitude.isEmpty())
                m_geopointExtra = altitude + (accuracy.isEmpty() ? QString() : u' ' + accuracy);
        } else if (value.isString()) {
            QStringList parts = value.toString().split(u' ', Qt::SkipEmptyParts);
            latitude = parts.value(0);
            longitude = parts.value(1);
            if (parts.size() > 2)
                m_geopointExtra = parts.mid(2).join(u' ');
        }
        m_latitude->setText(latitude);
        m_longitude->setText(longitude);
        break;
    }
    case core::FieldType::Note:
    case core::FieldType::Calculate:
    case core::FieldType::Hidden:
    case core::FieldType::Group:
    case core::FieldType::Repeat:
        break;
    }
    m_loading = false;
    refresh();
}

void FieldEditor::refresh()
{
    const core::FormState *state = m_context.state();
    const bool relevant = state->isRelevant(m_path);
    if (isHidden() == relevant)
        setVisible(relevant);
    if (!relevant)
        return;
    if (m_field.isInput()) {
        const bool required = state->isRequired(m_path);
        if (required != m_required) {
            m_required = required;
            updateLabel();
        }
        const std::optional<core::FieldIssue> issue = state->issue(m_path);
        const bool show = issue && m_context.isIssueShown(m_path);
        const QString message = show ? issue->message : QString();
        if (m_message->text() != message)
            m_message->setText(message);
        if (m_message->isHidden() == show)
            m_message->setVisible(show);
        if (QWidget *input = primaryInput())
            input->setAccessibleDescription(message);
    }
    if (m_value) {
        const QString text = RosterModel::displayText(m_field, state->value(m_path), m_context.language(),
                                                      state->definition().defaultLanguage());
        m_value->setText(text.isEmpty() ? tr("—") : text);
    }
}

void FieldEditor::retranslate()
{
    updateLabel();
    const QString hint = m_context.text(m_field.hint);
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    if (m_latitudeLabel) {
        m_latitudeLabel->setText(tr("Latitude"));
        m_longitudeLabel->setText(tr("Longitude"));
        m_latitude->setPlaceholderText(tr("e.g. 12.6392"));
        m_longitude->setPlaceholderText(tr("e.g. -8.0029"));
    }
    if (m_field.type == core::FieldType::Date) {
        m_line->setPlaceholderText(tr("YYYY-MM-DD"));
        m_calendarButton->setToolTip(tr("Choose the date on a calendar"));
    }
    reloadChoices();
    refresh();
}

void FieldEditor::updateLabel()
{
    const QString label = m_context.text(m_field.label);
    if (m_field.isInput()) {
        QString html = label.toHtmlEscaped();
        if (m_required)
            html += u" <span style=\"color:%1\">*</span>"_s.arg(kErrorColor.name());
        m_label->setText(html);
        m_label->setToolTip(m_required ? tr("An answer is required") : QString());
        if (QWidget *input = primaryInput())
            input->setAccessibleName(m_required ? tr("%1 (required)").arg(label) : label);
    } else {
        m_label->setText(label);
    }
    m_label->setVisible(!label.isEmpty());
}

QWidget *FieldEditor::primaryInput() const
{
    if (m_line)
        return m_line;
    if (m_plain)
        return m_plain;
    if (m_combo)
        return m_combo;
    if (m_latitude)
        return m_latitude;
    if (!m_choiceButtons.empty()) {
        for (QAbstractButton *button : m_choiceButtons) {
            if (button->isChecked())
                return button;
        }
        return m_choiceButtons.front();
    }
    return nullptr;
}

bool FieldEditor::focusInput()
{
    QWidget *input = primaryInput();
    if (!input)
        return false;
    input->setFocus(Qt::OtherFocusReason);
    if (m_line)
        m_line->selectAll();
    return true;
}

QString FieldEditor::shownIssue() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void FieldEditor::edited(const QJsonValue &value)
{
    if (m_path.isEmpty())
        return;
    m_context.setValue(m_path, value);
}

void FieldEditor::lineEdited(const QString &text)
{
    QString value = text.trimmed();
    switch (m_field.type) {
    case core::FieldType::Decimal:
        value.replace(u',', u'.');
        break;
    case core::FieldType::Date: {
        // Typing the digits is enough: the dashes come by themselves.
        static const QRegularExpression yearOrMonth(u"^[0-9]{4}(-[0-9]{2})?$"_s);
        static const QRegularExpression digitsOnly(u"^[0-9]{8}$"_s);
        if (m_line->cursorPosition() == text.size() && yearOrMonth.match(text).hasMatch() &&
            text.size() > m_line->property("previousLength").toInt()) {
            m_line->setText(text + u'-');
            value = m_line->text();
        } else if (digitsOnly.match(value).hasMatch()) {
            value = value.first(4) + u'-' + value.sliced(4, 2) + u'-' + value.sliced(6);
        }
        m_line->setProperty("previousLength", m_line->text().size());
        break;
    }
    default:
        break;
    }
    edited(QJsonValue(value));
}

void FieldEditor::choiceButtonsChanged()
{
    if (m_field.type == core::FieldType::SelectOne) {
        QAbstractButton *checked = m_buttonGroup->checkedButton();
        edited(QJsonValue(checked ? checked->property(kChoiceProperty).toString() : QString()));
        return;
    }
    QJsonArray names;
    for (QAbstractButton *button : m_choiceButtons) {
        if (button->isChecked())
            names.append(button->property(kChoiceProperty).toString());
    }
    edited(names);
}

void FieldEditor::geopointEdited()
{
    QString latitude = m_latitude->text().trimmed();
    QString longitude = m_longitude->text().trimmed();
    latitude.replace(u',', u'.');
    longitude.replace(u',', u'.');
    QStringList parts;
    if (!latitude.isEmpty())
        parts.push_back(latitude);
    if (!longitude.isEmpty())
        parts.push_back(longitude);
    if (parts.size() == 2 && !m_geopointExtra.isEmpty())
        parts.push_back(m_geopointExtra);
    // One coordinate alone is kept as typed: the state reports the missing one.
    edited(QJsonValue(parts.join(u' ')));
}

void FieldEditor::showCalendar()
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    auto *calendar = new QCalendarWidget(menu);
    calendar->setObjectName(objectPath() + u"/calendarPopup"_s);
    const QDate typed = QDate::fromString(m_line->text(), Qt::ISODate);
    const QDate today = m_context.state()->today();
    calendar->setSelectedDate(typed.isValid() ? typed : (today.isValid() ? today : QDate(2000, 1, 1)));
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(calendar);
    menu->addAction(action);
    auto pick = [this, menu](QDate date) {
        const QString text = date.toString(Qt::ISODate);
        m_line->setText(text);
        m_line->setProperty("previousLength", text.size());
        menu->close();
        edited(QJsonValue(text));
        m_line->setFocus(Qt::PopupFocusReason);
    };
    connect(calendar, &QCalendarWidget::clicked, menu, pick);
    connect(calendar, &QCalendarWidget::activated, menu, pick);
    menu->popup(m_calendarButton->mapToGlobal(QPoint(0, m_calendarButton->height())));
    calendar->setFocus(Qt::PopupFocusReason);
}

bool FieldEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Delete or Backspace on a select clears its answer.
    if (event->type() == QEvent::KeyPress && !m_field.readonly) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) &&
            key->modifiers() == Qt::NoModifier) {
            if (watched == m_combo && m_combo->currentIndex() >= 0) {
                m_combo->setCurrentIndex(-1);
                return true;
            }
            if (m_buttonGroup && qobject_cast<QAbstractButton *>(watched)) {
                const bool wasLoading = m_loading;
                m_loading = true;
                m_buttonGroup->setExclusive(false);
                for (QAbstractButton *button : m_choiceButtons)
                    button->setChecked(false);
                m_buttonGroup->setExclusive(m_field.type == core::FieldType::SelectOne);
                m_loading = wasLoading;
                choiceButtonsChanged();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fieldledger::ui
