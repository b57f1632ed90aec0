#pragma once

#include "core/domain/reviewqueue.h"

#include <QList>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace fieldledger::core {
class Ledger;
} // namespace fieldledger::core

namespace fieldledger::ui {

class ReviewQueueModel;

// The review queue page (issue 6, item 4): the households awaiting review, the longest waiting
// first (or those flagged, rejected or approved, chosen above the table), the counts of each,
// and the decisions: Approve (Ctrl+Shift+A), Flag… (asks for a comment) and Reject… (asks for a
// reason), each submitting one review-household event through core::ReviewService, and Correct
// Field… (a field, its new value and a reason: an update-group event). The page
// follows Ledger::changed. Enumerators see it read-only (their flagged and rejected households
// and why); the decision buttons are for supervisors and administrators.
class ReviewPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPage)

public:
    // Asks for a comment or reason: nullopt when cancelled. Tests replace it.
    using TextPrompt =
        std::function<std::optional<QString>(QWidget *parent, const QString &title, const QString &label)>;

    explicit ReviewPage(core::Ledger &ledger, QWidget *parent = nullptr);
    ~ReviewPage() override;

    [[nodiscard]] ReviewQueueModel &model() { return *m_model; }
    [[nodiscard]] QTableView &table() { return *m_table; }
    void setTextPrompt(TextPrompt prompt) { m_prompt = std::move(prompt); }

    // A correction a supervisor asks for: which field of the household, its new value, why.
    struct Correction {
        QString field;
        QString value;
        QString reason;
    };
    // Asks which field to correct (fields: name -> current value): nullopt when cancelled. Tests
    // replace it.
    using CorrectionPrompt = std::function<std::optional<Correction>(
        QWidget *parent, const QString &household, const QList<std::pair<QString, QString>> &fields)>;
    void setCorrectionPrompt(CorrectionPrompt prompt) { m_correctionPrompt = std::move(prompt); }

    // Which households are listed.
    void showStatus(core::ReviewStatus status);
    // Selects the household's row; false when it is not listed.
    bool selectHousehold(const QString &guid);
    // The selected household's guid, or "".
    [[nodiscard]] QString selectedHousehold() const;

    // The decisions on the selected household; false when nothing was submitted (no selection,
    // cancelled, or refused: the reason is shown on the page).
    bool approveSelected();
    bool flagSelected();
    bool rejectSelected();
    // Correct Field…: one field of the selected household set to a new value with a reason, as an
    // update-group event (core::ReviewService::correctField), so the correction and its reason
    // show in the audit trail. A number stays a number when the new value reads as one.
    bool correctSelected();

    // "12 awaiting review · 3 flagged · 1 rejected"
    [[nodiscard]] QString countsText() const;
    [[nodiscard]] int attentionCount() const;
    // The last error shown on the page, or "".
    [[nodiscard]] QString errorText() const;

signals:
    // The user asked to open a household (double click or Enter).
    void householdActivated(const QString &guid);
    // What needs the user's attention, for a count beside "Review" in the sidebar: households
    // awaiting review for supervisors and administrators, flagged and rejected ones for
    // enumerators. Emitted whenever the counts are read.
    void attentionCountChanged(int count);

private:
    bool decide(core::ReviewStatus decision);
    void updateCounts();
    void updateActions();
    void showError(const QString &message);

    core::Ledger &m_ledger;
    ReviewQueueModel *m_model = nullptr;
    QComboBox *m_statusBox = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_flag = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_correct = nullptr;
    QAction *m_approveAction = nullptr;
    TextPrompt m_prompt;
    CorrectionPrompt m_correctionPrompt;
};

} // namespace fieldledger::ui
