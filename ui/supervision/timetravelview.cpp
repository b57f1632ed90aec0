#include "ui/supervision/timetravelview.h"

#include "core/domain/auditfilter.h"
#include "core/domain/ledger.h"
#include "core/events/timestamp.h"
#include "ui/supervision/audittrailmodel.h"
#include "ui/supervision/timetext.h"

#include <QButtonGroup>
#include <QDateTimeEdit>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QSet>
#include <QShortcut>
#include <QSlider>
#include <QSplitter>
#include <QTableWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QColor kChanged(0xff, 0xec, 0xb3); // amber: differs from now
const QColor kLeft(0xff, 0xcd, 0xd2);    // red: a member then, not now
const QColor kJoined(0xc8, 0xe6, 0xc9);  // green: a member now, not then

qint64 toNs(const QDateTime &when)
{
    return when.toMSecsSinceEpoch() * 1'000'000;
}

QString valueText(const QJsonValue &value)
{
    if (value.isUndefined())
        return TimeTravelView::tr("(not set)");
    if (value.isNull())
        return TimeTravelView::tr("(empty)");
    return core::auditValueText(value);
}

QTableWidgetItem *item(const QString &text, const std::optional<QColor> &background = std::nullopt,
                       bool bold = false)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (background) {
        cell->setBackground(*background);
        cell->setForeground(QColor(0x21, 0x21, 0x21)); // readable on the light highlight in any theme
    }
    if (bold) {
        QFont font = cell->font();
        font.setBold(true);
        cell->setFont(font);
    }
    return cell;
}

// The data fields whose values differ between two states of an entity (absent on one side too).
QStringList differingFields(const core::Entity *then, const core::Entity *now)
{
    QStringList keys;
    if (then)
        keys += then->data.keys();
    if (now)
        keys += now->data.keys();
    keys.removeDuplicates();
    keys.sort();
    QStringList differing;
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue a = then ? then->data.value(key) : QJsonValue(QJsonValue::Undefined);
        const QJsonValue b = now ? now->data.value(key) : QJsonValue(QJsonValue::Undefined);
        if (a != b)
            differing.append(key);
    }
    return differing;
}

} // namespace

TimeTravelView::TimeTravelView(core::Ledger &ledger, QString entityGuid, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_guid(std::move(entityGuid))
{
    buildUi();
    connect(&m_ledger, &core::Ledger::changed, this, &TimeTravelView::ledgerChanged);
    reload();
}

TimeTravelView::~TimeTravelView() = default;

void TimeTravelView::buildUi()
{
    m_happened = new QRadioButton(tr("As it &happened"), this);
    m_happened->setObjectName(u"asItHappened"_s);
    m_happened->setToolTip(tr("Events in the order they happened in the field (their timestamps)"));
    m_recordedButton = new QRadioButton(tr("As this &registry recorded it"), this);
    m_recordedButton->setObjectName(u"asRecorded"_s);
    m_recordedButton->setToolTip(tr("Events in the order this registry received them"));
    m_modes = new QButtonGroup(this);
    m_modes->addButton(m_happened, int(Mode::AsItHappened));
    m_modes->addButton(m_recordedButton, int(Mode::AsRecorded));
    m_happened->setChecked(true);
    m_modeHelp = new QLabel(this);
    m_modeHelp->setObjectName(u"modeHelp"_s);
    m_modeHelp->setWordWrap(true);
    QFont helpFont = m_modeHelp->font();
    helpFont.setItalic(true);
    m_modeHelp->setFont(helpFont);

    auto *modes = new QHBoxLayout;
    modes->addWidget(new QLabel(tr("Show the household:"), this));
    modes->addWidget(m_happened);
    modes->addWidget(m_recordedButton);
    modes->addStretch(1);

    auto button = [this](const QString &text, const QString &tip, QStyle::StandardPixmap icon,
                         const QString &name) {
        auto *tool = new QToolButton(this);
        tool->setObjectName(name);
        tool->setText(text);
        tool->setToolTip(tip);
        tool->setIcon(style()->standardIcon(icon));
        tool->setToolButtonStyle(Qt::ToolButtonIconOnly);
        tool->setAutoRaise(true);
        return tool;
    };
    m_first = button(tr("First event"), tr("First event (Home)"), QStyle::SP_MediaSkipBackward, u"first"_s);
    m_back = button(tr("Previous event"), tr("Previous event (Left, Alt+Left)"), QStyle::SP_MediaSeekBackward,
                    u"previous"_s);
    m_forward =
        button(tr("Next event"), tr("Next event (Right, Alt+Right)"), QStyle::SP_MediaSeekForward, u"next"_s);
    m_last = button(tr("Last event"), tr("Last event: now (End)"), QStyle::SP_MediaSkipForward, u"last"_s);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(u"timeline"_s);
    m_slider->setAccessibleName(tr("Timeline"));
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setSingleStep(1);
    m_slider->setPageStep(10);
    m_when = new QDateTimeEdit(this);
    m_when->setObjectName(u"when"_s);
    m_when->setCalendarPopup(true);
    m_when->setTimeSpec(Qt::LocalTime);
    m_when->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat) + u" HH:mm:ss"_s);
    m_when->setToolTip(tr("Show the household as it was at this moment"));

    auto *timeline = new QHBoxLayout;
    timeline->addWidget(m_first);
    timeline->addWidget(m_back);
    timeline->addWidget(m_slider, 1);
    timeline->addWidget(m_forward);
    timeline->addWidget(m_last);
    timeline->addWidget(m_when);

    m_where = new QLabel(this);
    m_where->setObjectName(u"where"_s);
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont whereFont = m_where->font();
    whereFont.setBold(true);
    m_where->setFont(whereFont);
    m_state = new QLabel(this);
    m_state->setObjectName(u"state"_s);
    m_error = new QLabel(this);
    m_error->setObjectName(u"error"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b03a2e;"_s);
    m_error->hide();

    m_fields = new QTableWidget(0, 3, this);
    m_fields->setObjectName(u"fields"_s);
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Then"), tr("Now")});
    m_members = new QTableWidget(0, 2, this);
    m_members->setObjectName(u"members"_s);
    m_members->setHorizontalHeaderLabels({tr("Member"), tr("Since then")});
    for (QTableWidget *table : {m_fields, m_members}) {
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setWordWrap(false);
        table->horizontalHeader()->setStretchLastSection(true);
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    }
    m_fields->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);

    auto *fieldsBox = new QGroupBox(tr("Household"), this);
    auto *fieldsLayout = new QVBoxLayout(fieldsBox);
    fieldsLayout->addWidget(m_state);
    fieldsLayout->addWidget(m_fields);
    auto *membersBox = new QGroupBox(tr("Members"), this);
    auto *membersLayout = new QVBoxLayout(membersBox);
    membersLayout->addWidget(m_members);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(fieldsBox);
    splitter->addWidget(membersBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *legend = new QLabel(tr("Highlighted: different now — fields changed since, members who left "
                                 "(red) or joined (green) since."),
                              this);
    legend->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modes);
    layout->addWidget(m_modeHelp);
    layout->addLayout(timeline);
    layout->addWidget(m_where);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
    layout->addWidget(legend);

    connect(m_modes, &QButtonGroup::idClicked, this, [this](int id) { setMode(Mode(id)); });
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        if (!m_syncing)
            showPosition(value, std::nullopt);
    });
    connect(m_when, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime &when) {
        if (!m_syncing)
            setInstant(when);
    });
    connect(m_first, &QToolButton::clicked, this, &TimeTravelView::toFirst);
    connect(m_back, &QToolButton::clicked, this, &TimeTravelView::stepBack);
    connect(m_forward, &QToolButton::clicked, this, &TimeTravelView::stepForward);
    connect(m_last, &QToolButton::clicked, this, &TimeTravelView::toLast);
    const struct {
        QKeySequence keys;
        void (TimeTravelView::*slot)();
    } shortcuts[] = {
        {QKeySequence(Qt::ALT | Qt::Key_Left), &TimeTravelView::stepBack},
        {QKeySequence(Qt::ALT | Qt::Key_Right), &TimeTravelView::stepForward},
        {QKeySequence(Qt::ALT | Qt::Key_Home), &TimeTravelView::toFirst},
        {QKeySequence(Qt::ALT | Qt::Key_End), &TimeTravelView::toLast},
    };
    for (const auto &shortcut : shortcuts) {
        auto *key = new QShortcut(shortcut.keys, this);
        key->setContext(Qt::WidgetWithChildrenShortcut);
        connect(key, &QShortcut::activated, this, shortcut.slot);
    }
    setFocusProxy(m_slider);
}

// --- the timeline ----------------------------------------------------------------------------

int TimeTravelView::eventCount() const
{
    return int(m_timeline.events().size());
}

qsizetype TimeTravelView::eventIndexAt(int position) const
{
    if (position < 1 || position > eventCount())
        return -1;
    return m_mode == Mode::AsItHappened ? qsizetype(position - 1)
                                        : m_timeline.logOrder()[std::size_t(position - 1)];
}

int TimeTravelView::positionOf(qsizetype eventIndex) const
{
    if (eventIndex < 0)
        return 0;
    if (m_mode == Mode::AsItHappened)
        return int(eventIndex) + 1;
    const auto &order = m_timeline.logOrder();
    return int(std::ranges::find(order, eventIndex) - order.begin()) + 1;
}

std::optional<core::TimelineEvent> TimeTravelView::currentEvent() const
{
    const qsizetype index = eventIndexAt(m_position);
    if (index < 0)
        return std::nullopt;
    return m_timeline.events()[std::size_t(index)];
}

void TimeTravelView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    const qsizetype event = eventIndexAt(m_position);
    const Mode previous = m_mode;
    m_mode = mode;
    if (!showPosition(m_position == 0 ? 0 : positionOf(event), std::nullopt)) {
        m_mode = previous; // what is shown is still the previous mode's
        syncControls();
    }
}

int TimeTravelView::firstPosition() const
{
    return eventCount() > 0 ? 1 : 0;
}

void TimeTravelView::setPosition(int position)
{
    showPosition(std::clamp(position, firstPosition(), eventCount()), std::nullopt);
}

void TimeTravelView::stepBack()
{
    setPosition(m_position - 1);
}

void TimeTravelView::stepForward()
{
    setPosition(m_position + 1);
}

void TimeTravelView::toFirst()
{
    setPosition(firstPosition());
}

void TimeTravelView::toLast()
{
    setPosition(eventCount());
}

void TimeTravelView::setInstant(const QDateTime &when)
{
    const qint64 instant = toNs(when);
    if (m_mode == Mode::AsItHappened) {
        showPosition(int(m_timeline.countAtOrBefore(instant)), instant);
        return;
    }
    int position = 0;
    for (int p = 1; p <= eventCount(); ++p) {
        if (m_timeline.events()[std::size_t(eventIndexAt(p))].instantNs <= instant)
            position = p;
    }
    showPosition(position, std::nullopt);
}

core::Result<core::GroupSnapshot> TimeTravelView::snapshotFor(int position, std::optional<qint64> instantNs)
{
    const auto &events = m_timeline.events();
    if (events.empty())
        return m_now;
    if (m_mode == Mode::AsItHappened) {
        qint64 instant = 0;
        if (instantNs)
            instant = *instantNs;
        else if (position == 0)
            instant = events.front().instantNs - 1;
        else
            instant = events[std::size_t(position - 1)].instantNs;
        return core::snapshotAt(m_ledger, m_guid, instant);
    }
    if (!m_recorded) {
        auto recorded = core::RecordedHistory::load(m_ledger, m_guid);
        if (!recorded)
            return std::unexpected(recorded.error());
        m_recorded = std::move(*recorded);
    }
    const qsizetype first = m_timeline.logOrder().front();
    const qint64 logSize =
        position == 0 ? events[std::size_t(first)].seq : events[std::size_t(eventIndexAt(position))].seq + 1;
    return m_recorded->at(logSize);
}

bool TimeTravelView::showPosition(int position, std::optional<qint64> instantNs)
{
    auto snapshot = snapshotFor(position, instantNs);
    if (!snapshot) {
        report(snapshot.error());
        syncControls();
        return false;
    }
    m_error->hide();
    const bool moved = position != m_position;
    m_position = position;
    m_instantNs = instantNs;
    m_shown = std::move(*snapshot);
    syncControls();
    render();
    if (moved)
        emit positionChanged(m_position);
    return true;
}

void TimeTravelView::reload()
{
    const qsizetype event = eventIndexAt(m_position);
    const QString eventGuid = event >= 0 ? m_timeline.events()[std::size_t(event)].eventGuid : QString();
    const bool atEnd = m_position == eventCount();
    auto timeline = core::EntityTimeline::load(m_ledger, m_guid);
    if (!timeline) {
        report(timeline.error());
        return;
    }
    auto now = core::snapshotNow(m_ledger, m_guid);
    if (!now) {
        report(now.error());
        return;
    }
    m_timeline = std::move(*timeline);
    m_now = std::move(*now);
    m_recorded.reset();
    int position = eventCount();
    if (!atEnd && !eventGuid.isEmpty()) {
        const auto &events = m_timeline.events();
        const auto found = std::ranges::find(events, eventGuid, &core::TimelineEvent::eventGuid);
        if (found != events.end())
            position = positionOf(qsizetype(found - events.begin()));
    }
    std::optional<qint64> instant = m_mode == Mode::AsItHappened ? m_instantNs : std::nullopt;
    if (instant)
        position = int(m_timeline.countAtOrBefore(*instant));
    m_position = -1; // whatever it was, this is a move
    showPosition(position, instant);
}

void TimeTravelView::ledgerChanged(const core::LedgerChange &change)
{
    if (change.kind == core::LedgerChange::Kind::Reset) {
        reload();
        return;
    }
    QSet<QString> watched{m_guid};
    for (const core::Entity &member : m_now.members)
        watched.insert(member.guid);
    for (const core::Entity &member : m_shown.members)
        watched.insert(member.guid);
    if (m_recorded) {
        for (const QString &guid : m_recorded->entities())
            watched.insert(guid);
    }
    if (std::ranges::any_of(change.entityGuids, [&](const QString &guid) { return watched.contains(guid); }))
        reload();
}

// --- what is shown ---------------------------------------------------------------------------

QStringList TimeTravelView::changedFields() const
{
    return differingFields(m_shown.entity ? &*m_shown.entity : nullptr,
                           m_now.entity ? &*m_now.entity : nullptr);
}

QStringList TimeTravelView::membersLeftSince() const
{
    QStringList left;
    for (const core::Entity &member : m_shown.members) {
        if (!m_now.member(member.guid))
            left.append(member.guid);
    }
    return left;
}

QStringList TimeTravelView::membersJoinedSince() const
{
    QStringList joined;
    for (const core::Entity &member : m_now.members) {
        if (!m_shown.member(member.guid))
            joined.append(member.guid);
    }
    return joined;
}

QString TimeTravelView::positionText() const
{
    const int count = eventCount();
    if (count == 0)
        return tr("This record has no events.");
    if (m_instantNs && m_mode == Mode::AsItHappened) {
        const QString at = localTimeText(dateTimeFromNs(*m_instantNs));
        return m_position == 0 ? tr("At %1, before the first of %n event(s)", nullptr, count).arg(at)
                               : tr("At %1, after event %2 of %3").arg(at).arg(m_position).arg(count);
    }
    const auto event = currentEvent();
    if (!event)
        return tr("Before the first of %n event(s)", nullptr, count);
    QString text = m_mode == Mode::AsItHappened
                       ? tr("After event %1 of %2: %3 by %4, %5")
                       : tr("After the registry received event %1 of %2: %3 by %4, %5");
    text = text.arg(m_position)
               .arg(count)
               .arg(AuditTrailModel::eventTypeLabel(event->type), event->userId,
                    localTimeText(dateTimeFromNs(event->instantNs)));
    if (!event->reason.isEmpty())
        text += u" — "_s + tr("reason: %1").arg(event->reason);
    if (event->late)
        text += u" — "_s + tr("received late");
    if (m_position == count)
        text += u" "_s + tr("(latest)");
    return text;
}

void TimeTravelView::syncControls()
{
    m_syncing = true;
    const int count = eventCount();
    m_slider->setRange(firstPosition(), count);
    m_slider->setValue(m_position);
    m_slider->setTickInterval(std::max(1, count / 50));
    m_first->setEnabled(m_position != firstPosition());
    m_back->setEnabled(m_position > firstPosition());
    m_forward->setEnabled(m_position < count);
    m_last->setEnabled(m_position < count);
    QDateTime when;
    if (m_instantNs && m_mode == Mode::AsItHappened)
        when = dateTimeFromNs(*m_instantNs);
    else if (const auto event = currentEvent())
        when = dateTimeFromNs(event->instantNs);
    else if (count > 0)
        when = dateTimeFromNs(m_timeline.events().front().instantNs);
    if (when.isValid())
        m_when->setDateTime(when.toLocalTime());
    const bool happened = m_mode == Mode::AsItHappened;
    m_happened->setChecked(happened);
    m_recordedButton->setChecked(!happened);
    m_modeHelp->setText(happened
                            ? tr("As it happened: the events in the order they happened in the field, late "
                                 "arrivals included where they belong. Pick any moment with the date.")
                            : tr("As this registry recorded it: the events in the order this registry "
                                 "received them — what it showed at the time, before late events arrived."));
    m_syncing = false;
}

void TimeTravelView::render()
{
    m_where->setText(positionText());
    if (!m_shown.entity) {
        m_state->setText(tr("Not registered yet at this point."));
    } else {
        const core::Entity &entity = *m_shown.entity;
        QString state = tr("%1 — version %2, last changed %3")
                            .arg(core::entityLabel(entity))
                            .arg(entity.version)
                            .arg(localTimeText(entity.lastUpdated));
        if (entity.deleted)
            state += u" — "_s + tr("DELETED at this point");
        if (m_now.entity && m_now.entity->deleted && !entity.deleted)
            state += u" — "_s + tr("deleted since");
        m_state->setText(state);
    }
    renderFields();
    renderMembers();
}

void TimeTravelView::renderFields()
{
    const core::Entity *then = m_shown.entity ? &*m_shown.entity : nullptr;
    const core::Entity *now = m_now.entity ? &*m_now.entity : nullptr;
    QStringList keys;
    if (then)
        keys += then->data.keys();
    if (now)
        keys += now->data.keys();
    keys.removeDuplicates();
    keys.sort();
    const QStringList differing = differingFields(then, now);
    m_fields->setUpdatesEnabled(false);
    m_fields->setRowCount(int(keys.size()));
    for (int row = 0; row < int(keys.size()); ++row) {
        const QString &key = keys[row];
        const bool changed = differing.contains(key);
        const std::optional<QColor> highlight = changed ? std::optional<QColor>(kChanged) : std::nullopt;
        auto *name = item(key, highlight, changed);
        if (changed)
            name->setToolTip(tr("Changed since"));
        name->setData(Qt::UserRole, changed);
        m_fields->setItem(row, 0, name);
        m_fields->setItem(row, 1,
                          item(valueText(then ? then->data.value(key) : QJsonValue(QJsonValue::Undefined)),
                               highlight, changed));
        m_fields->setItem(
            row, 2,
            item(valueText(now ? now->data.value(key) : QJsonValue(QJsonValue::Undefined)), highlight));
    }
    m_fields->setUpdatesEnabled(true);
}

void TimeTravelView::renderMembers()
{
    struct Line {
        QString guid;
        QString name;
        QString status;
        std::optional<QColor> colour;
        bool italic = false;
    };
    std::vector<Line> lines;
    for (const core::Entity &member : m_shown.members) {
        const core::Entity *now = m_now.member(member.guid);
        Line line{member.guid, core::entityLabel(member), {}, std::nullopt};
        if (!now) {
            line.status = tr("Left since");
            line.colour = kLeft;
        } else if (const QStringList fields = differingFields(&member, now); !fields.isEmpty()) {
            line.status = tr("Changed since: %1").arg(fields.join(u", "_s));
            line.colour = kChanged;
        } else if (member.deleted) {
            line.status = tr("Deleted");
        }
        lines.push_back(std::move(line));
    }
    for (const core::Entity &member : m_now.members) {
        if (!m_shown.member(member.guid))
            lines.push_back(Line{member.guid, core::entityLabel(member), tr("Joined since"), kJoined, true});
    }
    m_members->setUpdatesEnabled(false);
    m_members->setRowCount(int(lines.size()));
    for (int row = 0; row < int(lines.size()); ++row) {
        const Line &line = lines[std::size_t(row)];
        auto *name = item(line.name, line.colour, line.colour.has_value() && !line.italic);
        name->setToolTip(line.guid);
        name->setData(Qt::UserRole, line.guid);
        if (line.italic) {
            QFont font = name->font();
            font.setItalic(true);
            name->setFont(font);
        }
        m_members->setItem(row, 0, name);
        m_members->setItem(row, 1, item(line.status, line.colour));
    }
    m_members->setUpdatesEnabled(true);
}

void TimeTravelView::report(const core::Error &error)
{
    m_error->setText(tr("Time travel could not read this record: %1").arg(error.message));
    m_error->show();
    emit errorOccurred(error.message);
}

} // namespace fieldledger::ui
