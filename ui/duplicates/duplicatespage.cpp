#include "ui/duplicates/duplicatespage.h"

#include "core/domain/builtinappliers.h"
#include "core/domain/duplicateindex.h"
#include "core/domain/ledger.h"
#include "core/storage/registry.h"
#include "ui/duplicates/duplicatesmodel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

namespace {

// Set on a comparison cell whose value differs from the other side's.
constexpr int kDiffersRole = Qt::UserRole + 1;

std::optional<QString> askNote(QWidget *parent, const QString &title, const QString &question)
{
    bool ok = false;
    const QString note = QInputDialog::getText(parent, title, question, QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return note;
}

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return {};
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QLocale().toString(value.toDouble(), 'g', 15);
    case QJsonValue::Bool:
        return value.toBool() ? DuplicatesPage::tr("Yes") : DuplicatesPage::tr("No");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QString whenText(const QString &timestamp)
{
    QDateTime when = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(timestamp, Qt::ISODate);
    return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat) : timestamp;
}

// The default RulesPrompt: a check box per rule, the age band and the phone digits.
std::optional<core::DuplicateRules> askRules(QWidget *parent, const core::DuplicateRules &current)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(DuplicatesPage::tr("Duplicate Rules"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro =
        new QLabel(DuplicatesPage::tr("A new or changed person or household is flagged when it matches "
                                      "another on any rule checked here. Names are compared without "
                                      "case, accents or word order."),
                   &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    auto *nameBirth = new QCheckBox(DuplicatesPage::tr("Same name and &birth date"), &dialog);
    nameBirth->setChecked(current.nameBirthDate);
    auto *nameAge = new QCheckBox(DuplicatesPage::tr("Same name and &age band"), &dialog);
    nameAge->setChecked(current.nameAgeBand);
    auto *band = new QSpinBox(&dialog);
    band->setRange(1, 100);
    band->setValue(current.ageBandYears);
    band->setSuffix(DuplicatesPage::tr(" years"));
    auto *id = new QCheckBox(DuplicatesPage::tr("Same &ID number"), &dialog);
    id->setChecked(current.idNumber);
    auto *phone = new QCheckBox(DuplicatesPage::tr("Same &phone number"), &dialog);
    phone->setChecked(current.phone);
    auto *digits = new QSpinBox(&dialog);
    digits->setRange(4, 15);
    digits->setValue(current.phoneDigits);
    digits->setSuffix(DuplicatesPage::tr(" last digits"));
    form->addRow(nameBirth);
    form->addRow(nameAge, band);
    form->addRow(id);
    form->addRow(phone, digits);
    layout->addLayout(form);
    QObject::connect(nameAge, &QCheckBox::toggled, band, &QWidget::setEnabled);
    QObject::connect(phone, &QCheckBox::toggled, digits, &QWidget::setEnabled);
    band->setEnabled(nameAge->isChecked());
    digits->setEnabled(phone->isChecked());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    core::DuplicateRules rules = current;
    rules.nameBirthDate = nameBirth->isChecked();
    rules.nameAgeBand = nameAge->isChecked();
    rules.ageBandYears = band->value();
    rules.idNumber = id->isChecked();
    rules.phone = phone->isChecked();
    rules.phoneDigits = digits->value();
    return rules;
}

} // namespace

DuplicatesPage::DuplicatesPage(core::Ledger &ledger, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_model(new DuplicatesModel(ledger, this))
    , m_prompt(&askNote)
    , m_rulesPrompt(&askRules)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"duplicatesSummary"_s);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: palette(highlighted-text); background: #b00020; padding: 4px;"_s);
    m_error->hide();

    m_queue = new QTableView(this);
    m_queue->setObjectName(u"duplicatesQueue"_s);
    m_queue->setModel(m_model);
    m_queue->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queue->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queue->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queue->verticalHeader()->hide();
    m_queue->horizontalHeader()->setStretchLastSection(true);
    m_queue->setAlternatingRowColors(true);

    m_pairTitle = new QLabel(this);
    m_pairTitle->setWordWrap(true);
    m_comparison = new QTableWidget(0, 2, this);
    m_comparison->setObjectName(u"duplicatesComparison"_s);
    m_comparison->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_comparison->setSelectionMode(QAbstractItemView::NoSelection);
    m_comparison->setWordWrap(true);
    m_comparison->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_comparison->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_rules = new QPushButton(tr("R&ules…"), this);
    m_rules->setObjectName(u"rulesButton"_s);
    m_rules->setToolTip(tr("Which rules flag potential duplicates"));
    connect(m_rules, &QPushButton::clicked, this, [this] { editRules(); });
    m_keep = new QPushButton(tr("&Keep both"), this);
    m_keep->setToolTip(tr("These are different people or households: keep both (Ctrl+Shift+K)"));
    m_delete = new QPushButton(tr("&Delete newer…"), this);
    m_delete->setToolTip(tr("The same person or household registered twice: delete the one registered later "
                            "(Ctrl+Shift+Del)"));

    m_keepAction = new QAction(tr("Keep both"), this);
    m_keepAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_keepAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_keepAction);
    m_deleteAction = new QAction(tr("Delete newer"), this);
    m_deleteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_deleteAction);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *queueLabel = new QLabel(tr("&Potential duplicates:"), left);
    queueLabel->setBuddy(m_queue);
    leftLayout->addWidget(queueLabel);
    leftLayout->addWidget(m_queue, 1);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_rules);
    leftLayout->addLayout(summaryRow);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_pairTitle);
    rightLayout->addWidget(m_comparison, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_keep);
    buttons->addWidget(m_delete);
    rightLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    connect(m_keep, &QPushButton::clicked, this, [this] { keepBoth(); });
    connect(m_keepAction, &QAction::triggered, this, [this] { keepBoth(); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteNewer(); });
    connect(m_deleteAction, &QAction::triggered, this, [this] { deleteNewer(); });
    connect(m_model, &DuplicatesModel::openCountChanged, this, &DuplicatesPage::updateCount);
    connect(m_model, &DuplicatesModel::errorOccurred, this, &DuplicatesPage::showError);
    auto rowsChanged = [this] {
        m_queue->resizeColumnsToContents(); // at most DuplicatesModel::kLimit rows
        updateActions();
        showPair();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(m_queue->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        showPair();
    });

    if (!m_model->errorText().isEmpty())
        showError(m_model->errorText());
    updateCount();
    m_queue->resizeColumnsToContents();
    if (m_model->rowCount() > 0)
        selectRowNear(0);
    updateActions();
    showPair();
}

DuplicatesPage::~DuplicatesPage() = default;

int DuplicatesPage::count() const
{
    return int(std::max<qint64>(0, m_model->openCount()));
}

void DuplicatesPage::refresh()
{
    m_model->reload();
    if (m_model->errorText().isEmpty())
        clearError();
}

bool DuplicatesPage::selectPair(const QString &a, const QString &b)
{
    const int row = m_model->rowOf(a, b);
    if (row < 0)
        return false;
    selectRowNear(row);
    return true;
}

void DuplicatesPage::selectRowNear(int row)
{
    if (m_model->rowCount() == 0)
        return;
    const int at = std::clamp(row, 0, m_model->rowCount() - 1);
    m_queue->selectionModel()->setCurrentIndex(m_model->index(at, 0), QItemSelectionModel::ClearAndSelect |
                                                                          QItemSelectionModel::Rows);
}

std::pair<QString, QString> DuplicatesPage::selectedPair() const
{
    const QModelIndexList rows = m_queue->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return {rows.front().data(DuplicatesModel::EntityGuidRole).toString(),
            rows.front().data(DuplicatesModel::DuplicateGuidRole).toString()};
}

bool DuplicatesPage::keepBoth()
{
    const auto [first, second] = selectedPair();
    if (first.isEmpty())
        return false;
    const int row = m_model->rowOf(first, second);
    core::DuplicateQueue queue(m_ledger);
    auto event = queue.resolve(first, second, core::DuplicateResolution::KeepBoth);
    if (!event) {
        showError(tr("The pair was not resolved: %1").arg(event.error().message));
        return false;
    }
    clearError();
    selectRowNear(row);
    return true;
}

bool DuplicatesPage::deleteNewer()
{
    const auto [first, second] = selectedPair();
    if (first.isEmpty())
        return false;
    const int row = m_model->rowOf(first, second);
    if (row < 0)
        return false;
    core::DuplicateQueue queue(m_ledger);
    auto newer = queue.newer(first, second);
    if (!newer) {
        showError(tr("The pair was not resolved: %1").arg(newer.error().message));
        return false;
    }
    const core::DuplicatePair &pair = m_model->pair(row);
    const QString name = *newer == pair.entityGuid ? pair.entityName : pair.duplicateName;
    const std::optional<QString> note =
        m_prompt(this, tr("Delete newer registration"),
                 tr("Delete %1, the one registered later? It stays in the audit trail.\nNote (optional):")
                     .arg(name.isEmpty() ? *newer : name));
    if (!note)
        return false;
    auto event = queue.resolve(first, second, core::DuplicateResolution::DeleteNewer, *note);
    if (!event) {
        showError(tr("The pair was not resolved: %1").arg(event.error().message));
        return false;
    }
    clearError();
    selectRowNear(row);
    return true;
}

QString DuplicatesPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void DuplicatesPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void DuplicatesPage::clearError()
{
    m_error->hide();
    m_error->clear();
}

void DuplicatesPage::updateCount()
{
    const int open = count();
    const int listed = m_model->rowCount();
    if (open == 0)
        m_summary->setText(tr("No potential duplicates wait for review."));
    else if (listed < open)
        m_summary->setText(tr("Showing the oldest %1 of %2 pairs.")
                               .arg(QLocale().toString(listed), QLocale().toString(open)));
    else
        m_summary->setText(tr("%n pair(s) to review.", nullptr, open));
    if (open != m_count) {
        m_count = open;
        emit countChanged(open);
    }
}

void DuplicatesPage::updateActions()
{
    const bool selected = !selectedPair().first.isEmpty();
    for (QPushButton *button : {m_keep, m_delete})
        button->setEnabled(selected);
    m_keepAction->setEnabled(selected);
    m_deleteAction->setEnabled(selected);
}

void DuplicatesPage::showPair()
{
    const auto [first, second] = selectedPair();
    m_comparison->clearContents();
    m_comparison->setRowCount(0);
    m_comparison->setHorizontalHeaderLabels({tr("Registered first"), tr("Possible duplicate")});
    const int row = first.isEmpty() ? -1 : m_model->rowOf(first, second);
    if (row < 0) {
        m_pairTitle->setText(m_model->rowCount() == 0 ? QString() : tr("Choose a pair to compare."));
        return;
    }
    const core::DuplicatePair &pair = m_model->pair(row);
    core::DuplicateQueue queue(m_ledger);
    auto entities = queue.entities(pair);
    if (!entities) {
        showError(entities.error().message);
        return;
    }
    const core::Entity &a = entities->first;
    const core::Entity &b = entities->second;
    QStringList rules;
    for (const QString &rule : pair.rules)
        rules.append(DuplicatesModel::ruleLabel(rule));
    m_pairTitle->setText(
        tr("Found %1, matched on %2.").arg(whenText(pair.foundAt), QLocale().createSeparatedList(rules)));

    auto newer = queue.newer(a.guid, b.guid);
    const QString newerGuid = newer ? *newer : QString();
    auto header = [&](const core::Entity &entity) {
        const QString name = valueText(entity.data.value(u"name"_s));
        const QString shown = name.isEmpty() ? entity.guid : name;
        return entity.guid == newerGuid ? tr("%1 (newer)").arg(shown) : shown;
    };
    m_comparison->setHorizontalHeaderLabels({header(a), header(b)});

    QStringList labels;
    auto addRow = [&](const QString &label, const QString &left, const QString &right, bool compare = true) {
        const int at = m_comparison->rowCount();
        m_comparison->insertRow(at);
        labels.append(label);
        const bool differs = compare && left != right;
        int column = 0;
        for (const QString &text : {left, right}) {
            auto *item = new QTableWidgetItem(text);
            item->setData(kDiffersRole, differs);
            if (differs) {
                item->setBackground(QColor(255, 236, 179));
                item->setForeground(QColor(Qt::black));
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_comparison->setItem(at, column++, item);
        }
    };

    // The fields of both, in name order; what only resolutions and membership keep is left out.
    QStringList fields = a.data.keys() + b.data.keys();
    fields.sort();
    fields.removeDuplicates();
    const QStringList skipped{u"members"_s, core::builtin::ResolvedDuplicatesField.toString(), u"review"_s};
    for (const QString &field : std::as_const(fields)) {
        if (!skipped.contains(field))
            addRow(field, valueText(a.data.value(field)), valueText(b.data.value(field)));
    }
    if (a.isGroup() || b.isGroup()) {
        auto members = [&](const core::Entity &entity) {
            QStringList names;
            for (const QString &guid : entity.memberIds) {
                auto member = m_ledger.entity(guid);
                if (!member || !*member || (*member)->deleted)
                    continue;
                const QString name = valueText((*member)->data.value(u"name"_s));
                names.append(name.isEmpty() ? guid : name);
            }
            return names.join(u'\n');
        };
        addRow(tr("Members"), members(a), members(b));
    }
    addRow(tr("Last changed"), whenText(a.lastUpdated), whenText(b.lastUpdated), false);
    addRow(tr("Record"), a.guid, b.guid, false);
    m_comparison->setVerticalHeaderLabels(labels);
}

bool DuplicatesPage::editRules()
{
    auto current = core::loadDuplicateRules(m_ledger.registry().database());
    if (!current) {
        showError(tr("The duplicate rules cannot be read: %1").arg(current.error().message));
        return false;
    }
    const std::optional<core::DuplicateRules> chosen = m_rulesPrompt(this, *current);
    if (!chosen || *chosen == *current)
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const core::Status applied = core::DuplicateIndex::applyRules(m_ledger, *chosen);
    QApplication::restoreOverrideCursor();
    if (!applied) {
        showError(tr("The duplicate rules were not changed: %1").arg(applied.error().message));
        return false;
    }
    clearError();
    refresh();
    return true;
}

} // namespace fieldledger::ui
