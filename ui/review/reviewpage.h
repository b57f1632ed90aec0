#pragma once

#include "core/domain/reviewqueue.h"

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
// reason), each submitting one review-household event through core::ReviewService. The page
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
    QAction *m_approveAction = nullptr;
    TextPrompt m_prompt;
};

} // namespace fieldledger::ui
