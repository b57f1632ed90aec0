#include "ui/drafts/draftautosaver.h"

#include "core/forms/formdefinition.h"
#include "core/storage/draftstore.h"
#include "ui/forms/formview.h"

#include <QEvent>
#include <QJsonValue>
#include <QShortcut>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

constexpr qsizetype kTitleDetailLength = 60;

// The first answered text field outside groups' repeats, in the definition's order: usually the
// household's or the person's name.
QString firstTextAnswer(const std::vector<core::Field> &fields, const core::FormValues &values)
{
    for (const core::Field &field : fields) {
        if (field.type == core::FieldType::Group) {
            if (QString found = firstTextAnswer(field.fields, values); !found.isEmpty())
                return found;
            continue;
        }
        if (field.type != core::FieldType::Text)
            continue;
        const QString text = values.values.value(field.name).toString().simplified();
        if (!text.isEmpty())
            return text.left(kTitleDetailLength);
    }
    return {};
}

} // namespace

DraftAutosaver::DraftAutosaver(FormView *view, core::DraftStore &store, QString title, QString draftId)
    : QObject(view)
    , m_view(view)
    , m_store(store)
    , m_title(std::move(title))
    , m_draftId(std::move(draftId))
{
    setObjectName(u"draftAutosaver"_s);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { saveNow(); });
    connect(view, &FormView::valuesChanged, this, &DraftAutosaver::markDirty);
    connect(view, &FormView::pageChanged, this, [this] { saveNow(); });
    view->installEventFilter(this);

    // Inside the form only, so that it does not compete with the window's own shortcuts.
    m_shortcut = new QShortcut(QKeySequence::Save, view);
    m_shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_shortcut, &QShortcut::activated, this, [this] { saveNow(true); });
}

DraftAutosaver::~DraftAutosaver() = default;

FormView *DraftAutosaver::view() const
{
    return m_view.data();
}

void DraftAutosaver::setEntityGuid(const QString &guid)
{
    m_entityGuid = guid;
}

void DraftAutosaver::setTitle(const QString &title)
{
    m_title = title;
}

void DraftAutosaver::setInterval(std::chrono::milliseconds interval)
{
    m_interval = std::max(interval, std::chrono::milliseconds(1));
    if (m_timer.isActive())
        m_timer.start(m_interval);
}

void DraftAutosaver::markDirty()
{
    if (m_stopped)
        return;
    m_dirty = true;
    // From the first change, not the last: steady typing must not put the save off.
    if (!m_timer.isActive())
        m_timer.start(m_interval);
}

QString DraftAutosaver::draftTitle() const
{
    if (!m_view || !m_view->hasForm())
        return m_title;
    // The Drafts page names the form in a column of its own: the title tells drafts apart.
    const QString detail = firstTextAnswer(m_view->definition().fields(), m_view->values());
    if (m_title.isEmpty()) {
        return detail.isEmpty() ? m_view->definition().title().text(m_view->language(),
                                                                    m_view->definition().defaultLanguage())
                                : detail;
    }
    return detail.isEmpty() ? m_title : tr("%1 — %2").arg(m_title, detail);
}

bool DraftAutosaver::saveNow(bool force)
{
    m_timer.stop();
    if (m_stopped || !m_view || !m_view->hasForm())
        return false;
    if (!m_dirty && !force)
        return !m_draftId.isEmpty();

    core::Draft draft;
    draft.id = m_draftId;
    draft.formId = m_view->definition().id();
    draft.formVersion = m_view->definition().version();
    draft.entityGuid = m_entityGuid;
    draft.title = draftTitle();
    draft.body = core::formValuesToJson(m_view->values());
    auto stored = m_store.save(std::move(draft));
    if (!stored) {
        // Kept dirty: the next change, page or lock tries again.
        m_lastError = stored.error().message;
        emit saveFailed(m_lastError);
        return false;
    }
    m_lastError.clear();
    m_dirty = false;
    m_draftId = stored->id;
    emit saved(m_draftId);
    return true;
}

void DraftAutosaver::submitted()
{
    m_timer.stop();
    m_dirty = false;
    m_draftId.clear();
}

void DraftAutosaver::discard()
{
    m_timer.stop();
    m_dirty = false;
    m_stopped = true;
    if (m_draftId.isEmpty())
        return;
    const QString id = std::exchange(m_draftId, QString());
    if (auto removed = m_store.discard(id); !removed && removed.error().code != core::ErrorCode::NotFound) {
        m_lastError = removed.error().message;
        emit saveFailed(m_lastError);
        return;
    }
    emit discarded(id);
}

bool DraftAutosaver::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && (event->type() == QEvent::Hide || event->type() == QEvent::Close))
        saveNow();
    return QObject::eventFilter(watched, event);
}

} // namespace fieldledger::ui
