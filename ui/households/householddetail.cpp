#include "ui/households/householddetail.h"

#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/storage/householdquery.h"
#include "ui/households/changeheaddialog.h"
#include "ui/households/deletehouseholddialog.h"
#include "ui/households/formcatalog.h"
#include "ui/households/formdialog.h"
#include "ui/households/movememberdialog.h"
#include "ui/households/splithouseholddialog.h"
#include "ui/messagebox.h"
#include "ui/supervision/audittrailview.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

enum MemberColumn { NameColumn, SexColumn, AgeColumn, RelationshipColumn, MemberColumnCount };

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString gpsText(const QJsonValue &gps)
{
    const QJsonObject point = gps.toObject();
    if (!point.contains(u"latitude"_s) || !point.contains(u"longitude"_s))
        return gps.isString() ? gps.toString() : QString();
    const QLocale locale;
    return u"%1, %2"_s.arg(locale.toString(point.value(u"latitude"_s).toDouble(), 'f', 5),
                           locale.toString(point.value(u"longitude"_s).toDouble(), 'f', 5));
}

QToolButton *buttonFor(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(false);
    return button;
}

} // namespace

HouseholdDetail::HouseholdDetail(core::Ledger &ledger, const FormCatalog &forms, const core::Clock &clock,
                                 QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_forms(forms)
    , m_clock(clock)
    , m_language(FormCatalog::uiLanguage())
{
    setObjectName(u"householdDetail"_s);
    createActions();
    buildLayout();
    connect(&m_ledger, &core::Ledger::changed, this, &HouseholdDetail::ledgerChanged);
    showSnapshot();
}

HouseholdDetail::~HouseholdDetail() = default;

void HouseholdDetail::createActions()
{
    // Menus show the full text; the pane's buttons the short one (iconText), under a heading that
    // already says whether they act on the household or on the selected member.
    const auto make = [this](QAction *&action, const QString &text, const QString &shortText,
                             const char *name, const QString &tip, QDialog *(HouseholdDetail::*slot)()) {
        action = new QAction(text, this);
        action->setIconText(shortText);
        action->setObjectName(QString::fromLatin1(name));
        action->setToolTip(tip);
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, [this, slot] { (this->*slot)(); });
    };
    make(m_editHousehold, tr("&Edit Household…"), tr("Edit…"), "editHouseholdAction",
         tr("Correct the household's name, location or phone (F2)"), &HouseholdDetail::editHousehold);
    make(m_addMember, tr("&Add Member…"), tr("Add…"), "addMemberAction",
         tr("Register someone who joined the household (Insert)"), &HouseholdDetail::addMember);
    make(m_editMember, tr("Edit &Member…"), tr("Edit…"), "editMemberAction",
         tr("Correct the selected member's details (Enter)"), &HouseholdDetail::editMember);
    make(m_removeMember, tr("&Remove Member…"), tr("Remove…"), "removeMemberAction",
         tr("The selected member left the household: say why (Delete)"), &HouseholdDetail::removeMember);
    make(m_moveMember, tr("Mo&ve to Another Household…"), tr("Move…"), "moveMemberAction",
         tr("The selected member now lives in another household"), &HouseholdDetail::moveMember);
    make(m_splitHousehold, tr("S&plit Household…"), tr("Split…"), "splitHouseholdAction",
         tr("Some members form a household of their own"), &HouseholdDetail::splitHousehold);
    make(m_changeHead, tr("Change &Head…"), tr("Change Head…"), "changeHeadAction",
         tr("Another member becomes the head of household"), &HouseholdDetail::changeHead);
    make(m_deleteHousehold, tr("&Delete Household…"), tr("Delete…"), "deleteHouseholdAction",
         tr("Remove the household from the list (it stays in the audit trail)"),
         &HouseholdDetail::deleteHousehold);
    make(m_memberHistory, tr("Member &History…"), tr("History…"), "memberHistoryAction",
         tr("Who changed the selected member, what, when and why (Ctrl+Shift+H)"),
         &HouseholdDetail::memberHistory);
    m_memberHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_memberHistory->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_memberHistory);

    // Keys work while the focus is anywhere in the pane; Enter, Insert and Delete in the list.
    m_editHousehold->setShortcut(QKeySequence(Qt::Key_F2));
    m_editHousehold->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_editHousehold);
}

void HouseholdDetail::buildLayout()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget;
    outer->addWidget(m_stack);

    m_placeholder = new QLabel;
    m_placeholder->setObjectName(u"detailPlaceholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    QPalette muted = m_placeholder->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_placeholder->setPalette(muted);
    m_stack->addWidget(m_placeholder);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);

    m_title = new QLabel;
    m_title->setObjectName(u"detailTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_location = new QLabel;
    m_location->setObjectName(u"detailLocation"_s);
    m_location->setTextFormat(Qt::PlainText);
    m_location->setWordWrap(true);
    m_location->setPalette(muted);
    layout->addWidget(m_location);

    auto *householdButtons = new QHBoxLayout;
    householdButtons->setSpacing(6);
    householdButtons->addWidget(buttonFor(m_editHousehold));
    householdButtons->addWidget(buttonFor(m_splitHousehold));
    householdButtons->addWidget(buttonFor(m_changeHead));
    householdButtons->addWidget(buttonFor(m_deleteHousehold));
    householdButtons->addStretch();
    layout->addLayout(householdButtons);

    m_fields = new QLabel;
    m_fields->setObjectName(u"detailFields"_s);
    m_fields->setTextFormat(Qt::RichText);
    m_fields->setWordWrap(true);
    m_fields->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_fields);

    layout->addSpacing(6);
    auto *membersHeader = new QHBoxLayout;
    m_membersHeading = new QLabel;
    m_membersHeading->setTextFormat(Qt::PlainText);
    QFont headingFont = m_membersHeading->font();
    headingFont.setBold(true);
    m_membersHeading->setFont(headingFont);
    membersHeader->addWidget(m_membersHeading);
    membersHeader->addStretch();
    membersHeader->addWidget(buttonFor(m_addMember));
    membersHeader->addWidget(buttonFor(m_editMember));
    membersHeader->addWidget(buttonFor(m_removeMember));
    membersHeader->addWidget(buttonFor(m_moveMember));
    layout->addLayout(membersHeader);

    m_members = new QTreeWidget;
    m_members->setObjectName(u"membersList"_s);
    m_members->setAccessibleName(tr("Members"));
    m_members->setColumnCount(MemberColumnCount);
    m_members->setHeaderLabels(
        {tr("Name"), tr("Sex"), tr("Age or birth date"), tr("Relationship to the head")});
    m_members->setRootIsDecorated(false);
    m_members->setUniformRowHeights(true);
    m_members->setAlternatingRowColors(true);
    m_members->setSelectionMode(QAbstractItemView::SingleSelection);
    // Every column as wide as what it shows (names never squeezed to "…"); the relationship
    // takes what is left, and a narrow pane scrolls sideways.
    for (int column : {int(NameColumn), int(SexColumn), int(AgeColumn)})
        m_members->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_members->header()->setSectionResizeMode(RelationshipColumn, QHeaderView::Stretch);
    m_members->header()->setStretchLastSection(true);
    m_members->setContextMenuPolicy(Qt::CustomContextMenu);
    m_members->installEventFilter(this);
    connect(m_members, &QTreeWidget::currentItemChanged, this, &HouseholdDetail::updateActions);
    connect(m_members, &QTreeWidget::itemActivated, this, [this] { editMember(); });
    connect(m_members, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        menu.addActions({m_editMember, m_removeMember, m_moveMember});
        menu.addSeparator();
        menu.addActions({m_addMember, m_changeHead});
        menu.addSeparator();
        menu.addAction(m_memberHistory);
        menu.exec(m_members->viewport()->mapToGlobal(at));
    });
    layout->addWidget(m_members, 1);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    // The household and, beside it, its audit trail (made when the tab is first shown for a
    // household: reading a long history costs nothing until someone looks).
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(u"detailTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(scroll, tr("&Household"));
    m_historyPage = new QWidget;
    m_historyPage->setObjectName(u"historyPage"_s);
    auto *historyLayout = new QVBoxLayout(m_historyPage);
    historyLayout->setContentsMargins(8, 8, 8, 8);
    m_tabs->addTab(m_historyPage, tr("H&istory"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { showHistory(); });
    m_stack->addWidget(m_tabs);
}

void HouseholdDetail::showHistory()
{
    if (m_tabs->currentWidget() != m_historyPage || m_guid.isEmpty())
        return;
    if (m_history && m_history->property("entityGuid").toString() == m_guid)
        return;
    delete m_history.data();
    m_history = new AuditTrailView(m_ledger, m_guid, m_historyPage);
    m_history->setProperty("entityGuid", m_guid);
    m_historyPage->layout()->addWidget(m_history);
}

AuditTrailView *HouseholdDetail::historyView()
{
    return m_history.data();
}

QDialog *HouseholdDetail::memberHistory()
{
    const MemberSnapshot *member = m_snapshot ? m_snapshot->member(currentMember()) : nullptr;
    if (!member)
        return nullptr;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"memberHistoryDialog"_s);
    dialog->setWindowTitle(tr("History of %1").arg(member->name()));
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(new AuditTrailView(m_ledger, member->guid, dialog));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(860, 560);
    return present(dialog);
}

bool HouseholdDetail::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_members && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
            switch (key->key()) {
            case Qt::Key_Insert:
                addMember();
                return true;
            case Qt::Key_Delete:
                removeMember();
                return true;
            default:
                break;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HouseholdDetail::setHousehold(const QString &guid)
{
    if (guid == m_guid && (m_snapshot || guid.isEmpty()))
        return;
    m_guid = guid;
    reload();
    showHistory();
}

void HouseholdDetail::reload()
{
    m_snapshot.reset();
    m_readError.clear();
    if (!m_guid.isEmpty()) {
        auto read = HouseholdSnapshot::read(m_ledger, m_guid);
        if (read)
            m_snapshot = std::move(*read);
        else
            m_readError = read.error().message;
    }
    showSnapshot();
}

void HouseholdDetail::setUserNames(QHash<QString, QString> names)
{
    m_userNames = std::move(names);
    showSnapshot();
}

void HouseholdDetail::setLanguage(const QString &language)
{
    m_language = language;
    showSnapshot();
}

QDate HouseholdDetail::today() const
{
    return m_clock.now().toLocalTime().date();
}

QString HouseholdDetail::label(const QString &list, const QString &name) const
{
    return name.isEmpty() ? QString() : m_forms.choiceLabel(list, name, m_language);
}

QString HouseholdDetail::ageText(const QJsonObject &memberData, QDate today)
{
    const QDate born = QDate::fromString(memberData.value(u"birth_date"_s).toString(), Qt::ISODate);
    if (born.isValid()) {
        int years = today.year() - born.year();
        if (today.month() < born.month() || (today.month() == born.month() && today.day() < born.day()))
            --years;
        return tr("%1 (%2)").arg(QLocale().toString(std::max(0, years)),
                                 QLocale().toString(born, QLocale::ShortFormat));
    }
    const QJsonValue age = memberData.value(u"age"_s);
    if (age.isDouble())
        return QLocale().toString(age.toInt());
    if (age.isString())
        return age.toString();
    return {};
}

void HouseholdDetail::showSnapshot()
{
    const QString previousMember = currentMember();
    if (!m_snapshot) {
        if (m_guid.isEmpty())
            m_placeholder->setText(tr("Select a household to see its members and what can be done with it."));
        else if (!m_readError.isEmpty())
            m_placeholder->setText(tr("This household cannot be shown: %1").arg(m_readError));
        else
            m_placeholder->setText(tr("This household is not in the registry."));
        m_stack->setCurrentWidget(m_placeholder);
        m_members->clear();
        updateActions();
        return;
    }
    const HouseholdSnapshot &household = *m_snapshot;
    m_title->setText(household.deleted ? tr("%1 (deleted)").arg(household.name()) : household.name());

    QStringList place;
    for (const auto &[key, list] :
         {std::pair{u"village"_s, u"villages"_s}, std::pair{u"district"_s, u"districts"_s},
          std::pair{u"region"_s, u"regions"_s}}) {
        const QString value = label(list, household.data.value(key).toString());
        if (!value.isEmpty())
            place.append(value);
    }
    m_location->setText(place.join(u" · "_s));
    m_location->setVisible(!place.isEmpty());

    QString rows;
    const auto addRow = [&rows](const QString &name, const QString &value) {
        if (!value.isEmpty())
            rows += u"<tr><td style='padding-right:12px'>%1</td><td>%2</td></tr>"_s.arg(escaped(name),
                                                                                        escaped(value));
    };
    addRow(tr("Phone"), household.data.value(u"phone"_s).toString());
    addRow(tr("GPS"), gpsText(household.data.value(u"gps"_s)));
    auto row = core::HouseholdQuery(m_ledger).row(household.guid);
    if (row && *row) {
        const core::HouseholdRow &r = **row;
        addRow(tr("Registered"),
               tr("by %1 on %2")
                   .arg(m_userNames.value(r.registeredBy, r.registeredBy),
                        QLocale().toString(r.registeredAt.toLocalTime(), QLocale::ShortFormat)));
        addRow(tr("Last updated"), QLocale().toString(r.updatedAt.toLocalTime(), QLocale::ShortFormat));
    }
    m_fields->setText(u"<table>"_s + rows + u"</table>"_s);
    m_fields->setVisible(!rows.isEmpty());

    m_membersHeading->setText(tr("%n member(s)", nullptr, int(household.members.size())));
    m_members->clear();
    const QString head = household.headGuid();
    QTreeWidgetItem *select = nullptr;
    const QDate now = today();
    for (const MemberSnapshot &member : household.members) {
        const bool isHead = member.guid == head;
        const QString relationship = member.data.value(u"relationship"_s).toString();
        QString relationshipText = label(u"relationship"_s, relationship);
        if (isHead)
            relationshipText = label(u"relationship"_s, u"head"_s);
        else if (relationship == u"head")
            relationshipText = tr("Former head");
        auto *item =
            new QTreeWidgetItem({member.name(), label(u"sex"_s, member.data.value(u"sex"_s).toString()),
                                 ageText(member.data, now), relationshipText});
        item->setData(NameColumn, Qt::UserRole, member.guid);
        if (isHead) {
            QFont font = item->font(NameColumn);
            font.setBold(true);
            item->setFont(NameColumn, font);
        }
        if (isHead)
            m_members->insertTopLevelItem(0, item);
        else
            m_members->addTopLevelItem(item);
        if (member.guid == previousMember)
            select = item;
    }
    if (!select && m_members->topLevelItemCount() > 0)
        select = m_members->topLevelItem(0);
    if (select)
        m_members->setCurrentItem(select);
    m_stack->setCurrentIndex(1);
    updateActions();
}

QString HouseholdDetail::currentMember() const
{
    const QTreeWidgetItem *item = m_members->currentItem();
    return item ? item->data(NameColumn, Qt::UserRole).toString() : QString();
}

void HouseholdDetail::setCurrentMember(const QString &guid)
{
    for (int row = 0; row < m_members->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_members->topLevelItem(row);
        if (item->data(NameColumn, Qt::UserRole).toString() == guid)
            m_members->setCurrentItem(item);
    }
}

void HouseholdDetail::updateActions()
{
    const bool live = m_snapshot && !m_snapshot->deleted;
    const bool member = live && !currentMember().isEmpty();
    for (QAction *action : {m_editHousehold, m_addMember, m_deleteHousehold})
        action->setEnabled(live);
    for (QAction *action : {m_editMember, m_removeMember, m_moveMember})
        action->setEnabled(member);
    m_splitHousehold->setEnabled(live && !m_snapshot->members.empty());
    m_changeHead->setEnabled(live && !m_snapshot->members.empty());
    // A deleted household's members still have their history.
    m_memberHistory->setEnabled(m_snapshot && !currentMember().isEmpty());
}

void HouseholdDetail::ledgerChanged(const core::LedgerChange &change)
{
    if (m_guid.isEmpty())
        return;
    bool concerned = change.kind == core::LedgerChange::Kind::Reset || change.entityGuids.contains(m_guid);
    if (!concerned && m_snapshot) {
        for (const MemberSnapshot &member : m_snapshot->members) {
            if (change.entityGuids.contains(member.guid)) {
                concerned = true;
                break;
            }
        }
    }
    if (concerned) {
        reload();
        // The History tab reads the trail again (at once when shown, else when next shown).
        delete m_history.data();
        showHistory();
    }
}

QDialog *HouseholdDetail::present(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open();
    return dialog;
}

QDialog *HouseholdDetail::openForm(const QString &formId, const QString &entityGuid, const QString &heading,
                                   std::optional<core::FormValues> initial, const QStringList &contextKeys)
{
    const core::FormDefinition *form = m_forms.form(formId);
    if (!form) {
        MessageBox::warning(this, tr("Form Missing"), tr("The form “%1” is not installed.").arg(formId));
        return nullptr;
    }
    FormDialog::Setup setup{*form, entityGuid, today(), m_language, std::move(initial), contextKeys, heading};
    auto *dialog = new FormDialog(m_ledger, std::move(setup), this);
    emit formOpened(dialog->formView(), dialog->submitter(), entityGuid);
    return present(dialog);
}

QDialog *HouseholdDetail::editHousehold()
{
    if (!m_snapshot || m_snapshot->deleted)
        return nullptr;
    const core::FormDefinition *form = m_forms.form(u"household-edit"_s);
    return openForm(u"household-edit"_s, m_snapshot->guid, m_snapshot->name(),
                    form ? std::optional(form->valuesFromData(m_snapshot->data)) : std::nullopt);
}

QDialog *HouseholdDetail::resumeForm(const QString &formId, const QString &entityGuid,
                                     core::FormValues values)
{
    if (!m_snapshot || m_snapshot->deleted)
        return nullptr;
    if (formId == u"member-edit"_s) {
        const MemberSnapshot *member = m_snapshot->member(entityGuid);
        if (!member)
            return nullptr;
        setCurrentMember(member->guid);
        return openForm(formId, member->guid, tr("%1, member of %2").arg(member->name(), m_snapshot->name()),
                        std::move(values));
    }
    if (entityGuid != m_snapshot->guid)
        return nullptr;
    if (formId == u"member"_s)
        return openForm(formId, entityGuid, tr("New member of %1").arg(m_snapshot->name()),
                        std::move(values));
    if (formId == u"remove-member"_s) {
        const MemberSnapshot *member = m_snapshot->member(values.values.value(u"memberId"_s).toString());
        if (!member)
            return nullptr;
        setCurrentMember(member->guid);
        return openForm(formId, entityGuid,
                        tr("%1 leaves the household %2").arg(member->name(), m_snapshot->name()),
                        std::move(values), {u"reason"_s});
    }
    return openForm(formId, entityGuid, m_snapshot->name(), std::move(values));
}

QDialog *HouseholdDetail::addMember()
{
    if (!m_snapshot || m_snapshot->deleted)
        return nullptr;
    return openForm(u"member"_s, m_snapshot->guid, tr("New member of %1").arg(m_snapshot->name()));
}

QDialog *HouseholdDetail::editMember()
{
    const MemberSnapshot *member = m_snapshot ? m_snapshot->member(currentMember()) : nullptr;
    if (!member || m_snapshot->deleted)
        return nullptr;
    const core::FormDefinition *form = m_forms.form(u"member-edit"_s);
    return openForm(u"member-edit"_s, member->guid,
                    tr("%1, member of %2").arg(member->name(), m_snapshot->name()),
                    form ? std::optional(form->valuesFromData(member->data)) : std::nullopt);
}

QDialog *HouseholdDetail::removeMember()
{
    const MemberSnapshot *member = m_snapshot ? m_snapshot->member(currentMember()) : nullptr;
    if (!member || m_snapshot->deleted)
        return nullptr;
    core::FormValues values;
    values.values.insert(u"memberId"_s, member->guid);
    return openForm(u"remove-member"_s, m_snapshot->guid,
                    tr("%1 leaves the household %2").arg(member->name(), m_snapshot->name()), values,
                    {u"reason"_s});
}

QDialog *HouseholdDetail::moveMember()
{
    const QString member = currentMember();
    if (!m_snapshot || m_snapshot->deleted || member.isEmpty())
        return nullptr;
    auto *dialog = new MoveMemberDialog(m_ledger, *m_snapshot, member, this);
    dialog->setVillageLabels(m_forms.choiceLabels(u"villages"_s, m_language));
    return present(dialog);
}

QDialog *HouseholdDetail::splitHousehold()
{
    if (!m_snapshot || m_snapshot->deleted || m_snapshot->members.empty())
        return nullptr;
    auto *dialog = new SplitHouseholdDialog(m_ledger, *m_snapshot, this);
    if (const QString member = currentMember(); !member.isEmpty() && member != m_snapshot->headGuid())
        dialog->setMemberChecked(member, true);
    connect(dialog, &CommandDialog::submitted, this,
            [this, guid = dialog->newHouseholdGuid()] { emit householdCreated(guid); });
    return present(dialog);
}

QDialog *HouseholdDetail::changeHead()
{
    if (!m_snapshot || m_snapshot->deleted || m_snapshot->members.empty())
        return nullptr;
    return present(new ChangeHeadDialog(m_ledger, *m_snapshot, currentMember(), this));
}

QDialog *HouseholdDetail::deleteHousehold()
{
    if (!m_snapshot || m_snapshot->deleted)
        return nullptr;
    return present(new DeleteHouseholdDialog(m_ledger, *m_snapshot, this));
}

} // namespace fieldledger::ui
