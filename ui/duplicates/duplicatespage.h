#pragma once

#include "core/domain/duplicaterules.h"

#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace fieldledger::core {
class Ledger;
} // namespace fieldledger::core

namespace fieldledger::ui {

class DuplicatesModel;

// The potential duplicates page (issue 6, item 5): the open pairs on the left, the oldest found
// first; the selected pair side by side on the right (every field of both, values that differ
// highlighted, and the members of households); and the resolutions, each one resolve-duplicate
// event submitted through core::DuplicateQueue: Keep both (Ctrl+Shift+K) and Delete newer…
// (Ctrl+Shift+Del; asks for confirmation and an optional note, then tombstones the one
// registered later). The page follows Ledger::changed. Resolving is for supervisors and
// administrators; for anyone else the page says why it is empty.
class DuplicatesPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicatesPage)

public:
    // Asks to confirm deleting `name`: the note (maybe empty) when confirmed, nullopt when
    // cancelled. Tests replace it.
    using DeletePrompt =
        std::function<std::optional<QString>(QWidget *parent, const QString &title, const QString &question)>;

    explicit DuplicatesPage(core::Ledger &ledger, QWidget *parent = nullptr);
    ~DuplicatesPage() override;

    [[nodiscard]] DuplicatesModel &model() { return *m_model; }
    [[nodiscard]] QTableView &queue() { return *m_queue; }
    // The side-by-side comparison: rows are fields, columns the two entities.
    [[nodiscard]] QTableWidget &comparison() { return *m_comparison; }
    void setDeletePrompt(DeletePrompt prompt) { m_prompt = std::move(prompt); }

    // Open pairs (the sidebar's count).
    [[nodiscard]] int count() const;
    // Reads the queue again.
    void refresh();

    // Selects the pair's row; false when it is not listed.
    bool selectPair(const QString &a, const QString &b);
    // The selected pair's guids (first, second), or two empty strings.
    [[nodiscard]] std::pair<QString, QString> selectedPair() const;

    // The resolutions of the selected pair; false when nothing was submitted (no selection,
    // cancelled, or refused: the reason is shown on the page).
    bool keepBoth();
    bool deleteNewer();

    // Rules…: which rules flag a pair (same normalised name and birth date, same name and age
    // band, same ID number, same phone), the age band's width and the phone digits compared;
    // applying them rebuilds the index (core::DuplicateIndex::applyRules) and the queue. The
    // prompt returns the rules chosen, nullopt when cancelled; tests replace it.
    using RulesPrompt = std::function<std::optional<core::DuplicateRules>(
        QWidget *parent, const core::DuplicateRules &current)>;
    void setRulesPrompt(RulesPrompt prompt) { m_rulesPrompt = std::move(prompt); }
    bool editRules();

    // The last error shown on the page, or "".
    [[nodiscard]] QString errorText() const;

signals:
    void countChanged(int count);

private:
    void showPair();
    void updateActions();
    void updateCount();
    void showError(const QString &message);
    void clearError();
    void selectRowNear(int row);

    core::Ledger &m_ledger;
    DuplicatesModel *m_model = nullptr;
    QTableView *m_queue = nullptr;
    QTableWidget *m_comparison = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_pairTitle = nullptr;
    QPushButton *m_keep = nullptr;
    QPushButton *m_delete = nullptr;
    QAction *m_keepAction = nullptr;
    QAction *m_deleteAction = nullptr;
    DeletePrompt m_prompt;
    RulesPrompt m_rulesPrompt;
    QPushButton *m_rules = nullptr;
    int m_count = -1;
};

} // namespace fieldledger::ui
