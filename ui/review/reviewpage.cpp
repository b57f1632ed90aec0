#include "ui/review/reviewpage.h"

#include "core/domain/ledger.h"
#include "core/domain/reviewservice.h"
#include "ui/review/reviewqueuemodel.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

namespace {

std::optional<QString> askText(QWidget *parent, const QString &title, const QString &label)
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(parent, title, label, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return text;
}

} // namespace

// The default CorrectionPrompt: the household's fields in a combo box (the current value shown
// and proposed), the new value and the reason.
static std::optional<ReviewPage::Correction> askCorrection(QWidget *parent, const QString &household,
                                                           const QList<std::pair<QString, QString>> &fields)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(ReviewPage::tr("Correct a Field of %1").arg(household));
    auto *form = new QFormLayout(&dialog);
    auto *field = new QComboBox(&dialog);
    for (const auto &[name, value] : fields)
        field->addItem(name, value);
    auto *value = new QLineEdit(&dialog);
    auto *reason = new QLineEdit(&dialog);
    reason->setPlaceholderText(ReviewPage::tr("Why the value changes (required)"));
    form->addRow(ReviewPage::tr("&Field:"), field);
    form->addRow(ReviewPage::tr("New &value:"), value);
    form->addRow(ReviewPage::tr("&Reason:"), reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    const auto showValue = [field, value] { value->setText(field->currentData().toString()); };
    QObject::connect(field, &QComboBox::currentIndexChanged, &dialog, showValue);
    showValue();
    const auto update = [buttons, reason] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!reason->text().trimmed().isEmpty());
    };
    QObject::connect(reason, &QLineEdit::textChanged, &dialog, update);
    update();
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return ReviewPage::Correction{field->currentText(), value->text(), reason->text().trimmed()};
}

ReviewPage::ReviewPage(core::Ledger &ledger, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_model(new ReviewQueueModel(ledger, this))
    , m_prompt(&askText)
    , m_correctionPrompt(&askCorrection)
{
    m_statusBox = new QComboBox(this);
    for (const core::ReviewStatus status : {core::ReviewStatus::Awaiting, core::ReviewStatus::Flagged,
                                            core::ReviewStatus::Rejected, core::ReviewStatus::Approved})
        m_statusBox->addItem(ReviewQueueModel::statusLabel(status), int(status));
    auto *showLabel = new QLabel(tr("&Show:"), this);
    showLabel->setBuddy(m_statusBox);

    m_counts = new QLabel(this);
    m_counts->setObjectName(u"reviewCounts"_s);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: palette(highlighted-text); background: #b00020; padding: 4px;"_s);
    m_error->hide();

    m_approve = new QPushButton(tr("&Approve"), this);
    m_approve->setToolTip(tr("Approve the selected submission (Ctrl+Shift+A)"));
    m_flag = new QPushButton(tr("&Flag…"), this);
    m_flag->setToolTip(tr("Flag the selected submission with a comment"));
    m_reject = new QPushButton(tr("&Reject…"), this);
    m_reject->setToolTip(tr("Reject the selected submission with a reason"));
    m_correct = new QPushButton(tr("&Correct Field…"), this);
    m_correct->setObjectName(u"correctButton"_s);
    m_correct->setToolTip(tr("Set one field of the selected household to a new value, with a reason"));

    m_approveAction = new QAction(tr("Approve"), this);
    m_approveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_approveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_approveAction);

    auto *top = new QHBoxLayout;
    top->addWidget(showLabel);
    top->addWidget(m_statusBox);
    top->addStretch(1);
    top->addWidget(m_counts);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_correct);
    buttons->addStretch(1);
    buttons->addWidget(m_approve);
    buttons->addWidget(m_flag);
    buttons->addWidget(m_reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_statusBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { showStatus(core::ReviewStatus(m_statusBox->itemData(index).toInt())); });
    connect(m_approve, &QPushButton::clicked, this, [this] { approveSelected(); });
    connect(m_approveAction, &QAction::triggered, this, [this] { approveSelected(); });
    connect(m_flag, &QPushButton::clicked, this, [this] { flagSelected(); });
    connect(m_reject, &QPushButton::clicked, this, [this] { rejectSelected(); });
    connect(m_correct, &QPushButton::clicked, this, [this] { correctSelected(); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit householdActivated(index.data(ReviewQueueModel::GuidRole).toString());
    });
    connect(m_model, &ReviewQueueModel::countsChanged, this, &ReviewPage::updateCounts);
    connect(m_model, &ReviewQueueModel::errorOccurred, this, &ReviewPage::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReviewPage::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReviewPage::updateActions);

    updateCounts();
    updateActions();
}

ReviewPage::~ReviewPage() = default;

void ReviewPage::showStatus(core::ReviewStatus status)
{
    const int index = m_statusBox->findData(int(status));
    if (index >= 0 && index != m_statusBox->currentIndex())
        m_statusBox->setCurrentIndex(index); // comes back here through currentIndexChanged
    m_model->setStatus(status);
    updateActions();
}

bool ReviewPage::selectHousehold(const QString &guid)
{
    const int row = m_model->rowOf(guid);
    if (row < 0)
        return false;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::ClearAndSelect |
                                                                           QItemSelectionModel::Rows);
    return true;
}

QString ReviewPage::selectedHousehold() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(ReviewQueueModel::GuidRole).toString();
}

bool ReviewPage::approveSelected()
{
    return decide(core::ReviewStatus::Approved);
}

bool ReviewPage::flagSelected()
{
    return decide(core::ReviewStatus::Flagged);
}

bool ReviewPage::rejectSelected()
{
    return decide(core::ReviewStatus::Rejected);
}

bool ReviewPage::decide(core::ReviewStatus decision)
{
    const QString guid = selectedHousehold();
    if (guid.isEmpty())
        return false;
    const int row = m_model->rowOf(guid);
    const QString name = row >= 0 ? m_model->index(row, ReviewQueueModel::Household).data().toString() : guid;
    QString text;
    if (decision == core::ReviewStatus::Flagged || decision == core::ReviewStatus::Rejected) {
        const bool flag = decision == core::ReviewStatus::Flagged;
        for (;;) {
            const std::optional<QString> answer = m_prompt(
                this, flag ? tr("Flag %1").arg(name) : tr("Reject %1").arg(name),
                flag ? tr("What should the enumerator look at?") : tr("Why is this submission rejected?"));
            if (!answer)
                return false;
            text = answer->trimmed();
            if (!text.isEmpty())
                break;
            showError(flag ? tr("A flag needs a comment.") : tr("A rejection needs a reason."));
        }
    }
    core::ReviewService service(m_ledger);
    const core::ReviewDecision what = decision == core::ReviewStatus::Flagged ? core::ReviewDecision::Flagged
                                      : decision == core::ReviewStatus::Rejected
                                          ? core::ReviewDecision::Rejected
                                          : core::ReviewDecision::Approved;
    auto event = service.review(guid, what, text);
    if (!event) {
        showError(tr("The decision was not recorded: %1").arg(event.error().message));
        return false;
    }
    m_error->hide();
    m_error->clear();
    // The model reloads on Ledger::changed; keep the cursor near where it was.
    if (m_model->rowCount() > 0) {
        const int next = std::min(std::max(row, 0), m_model->rowCount() - 1);
        m_table->selectionModel()->setCurrentIndex(
            m_model->index(next, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    return true;
}

QString ReviewPage::countsText() const
{
    const core::ReviewCounts &counts = m_model->counts();
    return tr("%1 awaiting review · %2 flagged · %3 rejected · %4 approved")
        .arg(counts.awaiting)
        .arg(counts.flagged)
        .arg(counts.rejected)
        .arg(counts.approved);
}

QString ReviewPage::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

int ReviewPage::attentionCount() const
{
    const core::ReviewCounts &counts = m_model->counts();
    if (m_ledger.user().role == core::Role::Enumerator)
        return int(counts.flagged + counts.rejected);
    return int(counts.awaiting);
}

void ReviewPage::updateCounts()
{
    m_counts->setText(countsText());
    emit attentionCountChanged(attentionCount());
}

bool ReviewPage::correctSelected()
{
    const QString guid = selectedHousehold();
    if (guid.isEmpty())
        return false;
    auto entity = m_ledger.entity(guid);
    if (!entity || !*entity) {
        showError(tr("The household cannot be read: %1")
                      .arg(entity ? tr("it is not in the registry") : entity.error().message));
        return false;
    }
    // The fields people correct: plain values, not the structure (members, head, review).
    QList<std::pair<QString, QString>> fields;
    const QJsonObject &data = (*entity)->data;
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        // Texts and numbers only: a correction keeps the field's type.
        if (it.key() == u"headId"_s || !(it.value().isString() || it.value().isDouble()))
            continue;
        fields.append({it.key(), it.value().isDouble() ? QLocale::c().toString(it.value().toDouble(), 'g',
                                                                               QLocale::FloatingPointShortest)
                                                       : it.value().toString()});
    }
    if (fields.isEmpty()) {
        showError(tr("The household has no field that can be corrected here."));
        return false;
    }
    const int row = m_model->rowOf(guid);
    const QString name = row >= 0 ? m_model->index(row, ReviewQueueModel::Household).data().toString() : guid;
    const std::optional<Correction> correction = m_correctionPrompt(this, name, fields);
    if (!correction)
        return false;
    QJsonValue value = correction->value;
    if (data.value(correction->field).isDouble()) {
        bool number = false;
        double asNumber = QLocale::c().toDouble(correction->value.trimmed(), &number);
        if (!number)
            asNumber = QLocale().toDouble(correction->value.trimmed(), &number); // "3,5" here
        if (!number) {
            showError(tr("%1 holds a number: “%2” is not one.").arg(correction->field, correction->value));
            return false;
        }
        value = asNumber;
    }
    core::ReviewService service(m_ledger);
    auto event = service.correctField(guid, correction->field, value, correction->reason);
    if (!event) {
        showError(tr("The correction was not recorded: %1").arg(event.error().message));
        return false;
    }
    m_error->hide();
    m_error->clear();
    return true;
}

void ReviewPage::updateActions()
{
    const bool mayReview = m_ledger.access().check(m_ledger.user(), core::Action::Review).has_value();
    const bool selected = !selectedHousehold().isEmpty();
    for (QWidget *button : {static_cast<QWidget *>(m_approve), static_cast<QWidget *>(m_flag),
                            static_cast<QWidget *>(m_reject), static_cast<QWidget *>(m_correct)}) {
        button->setVisible(mayReview);
        button->setEnabled(mayReview && selected);
    }
    m_approveAction->setEnabled(mayReview && selected);
}

void ReviewPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace fieldledger::ui
