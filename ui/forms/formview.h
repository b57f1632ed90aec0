#pragma once

#include "core/forms/formdefinition.h"
#include "core/forms/formstate.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace fieldledger::ui {

class FieldPanel;
class FormContext;

// Renders a form (core::FormDefinition) and keeps its widgets in step with a core::FormState.
//
// Pages: the fields outside groups and repeats come first, each top-level group and repeat is a
// page of its own (a repeat is a roster: a table of its instances and an editor for the selected
// one), and a summary page lists every answer and every issue last. Pages that do not apply
// (relevance) are skipped by Next and Back. Relevance, calculations, requirement marks and issue
// messages follow every change live; an issue shows once its field was changed, or for every
// field after a submit attempt. Only the paths FormState reports as changed are refreshed.
//
// Keys: Tab and Enter go to the next field (Enter on a page's last field goes to the next page,
// on a roster entry's last field to the roster's Add button),
// Shift+Tab back; Ctrl+Enter submits from anywhere (when the form has issues it shows them and
// goes to the first); Esc asks to cancel (cancelRequested()). Rosters: see RosterWidget.
//
// The view never writes events: submitRequested() hands the event's type, data and metadata to
// the application, which calls showSubmitError() when core refuses them (the form and its values
// stay), or setForm() for the next form. The view emits valuesChanged() on every change, for
// autosaving drafts (values()).
//
// Object names for tests: "formTitle", "pageHeading", "stepLabel", "submitError", "backButton",
// "nextButton", "submitButton", "cancelButton", "summaryIssues", "summaryAnswers"; the widgets of
// a field are named after its definition path (see FieldEditor and RosterWidget).
class FormView final : public QWidget {
    Q_OBJECT

public:
    explicit FormView(QWidget *parent = nullptr);
    ~FormView() override;

    // Shows a form: a new one, or `initial` values (a draft being resumed, or an entity's data for
    // an edit form: FormDefinition::valuesFromData()). `today` is what the form's today() reads.
    // Labels, hints and the state's messages use `language` (the form's default when missing).
    // Goes to the first page and focuses its first field.
    void setForm(core::FormDefinition definition, QDate today, const QString &language,
                 std::optional<core::FormValues> initial = {});
    [[nodiscard]] bool hasForm() const { return m_state != nullptr; }

    // The form shown; only with hasForm().
    [[nodiscard]] const core::FormDefinition &definition() const;
    [[nodiscard]] const core::FormState &state() const;
    // Everything entered so far: a draft for FormState's constructor (and for setForm()).
    [[nodiscard]] core::FormValues values() const;

    [[nodiscard]] const QString &language() const { return m_language; }
    void setLanguage(const QString &language);

    // Pages, the summary last (pageCount() - 1).
    [[nodiscard]] int pageCount() const { return int(m_pages.size()) + (hasForm() ? 1 : 0); }
    [[nodiscard]] int currentPage() const;
    [[nodiscard]] int summaryPage() const { return int(m_pages.size()); }
    [[nodiscard]] QString pageTitle(int page) const;
    // Whether the page has something to show (its group or repeat is relevant, a field is shown).
    [[nodiscard]] bool isPageRelevant(int page) const;
    void goToPage(int page);
    // The next or previous page that applies; false when there is none.
    bool nextPage();
    bool previousPage();

    // Shows the page of `path` ("village", "members[2].age", "members") and focuses its input,
    // selecting the roster row on the way. False when nothing there takes the focus.
    bool focusField(const QString &path);

    // What Ctrl+Enter and Submit do: emits submitRequested() when the form has no issue (once:
    // later attempts wait for showSubmitError(), a change, or setForm()); otherwise shows every
    // issue, goes to the first and returns false.
    bool submit();
    // The message showSubmitError() shows, or the issue count after a refused attempt.
    [[nodiscard]] QString submitError() const;

public slots:
    // Core refused the submission: shows why above the form; everything entered stays.
    void showSubmitError(const QString &message);

signals:
    void valuesChanged();
    void pageChanged(int page);
    void submitRequested(const QString &eventType, const QJsonObject &data, const QJsonObject &metadata);
    void cancelRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Page {
        const core::Field *container = nullptr; // the group or repeat; null for the loose fields
        FieldPanel *panel = nullptr;
        QWidget *widget = nullptr;
    };

    void buildBody();
    void buildPages();
    QWidget *buildSummaryPage();
    void dispatch(const QStringList &paths, const QSet<QString> &names);
    void updateNavigation();
    void retranslate();
    void rebuildSummary();
    void addSummaryFields(QTreeWidgetItem *parent, const std::vector<core::Field> &fields,
                          const QString &prefix);
    enum class Banner { None, IssueCount, SubmitError };
    void setBanner(const QString &message, Banner kind);
    [[nodiscard]] static QString issueCountText(int count);
    bool focusNextField();
    [[nodiscard]] int pageOf(const QString &path) const;
    [[nodiscard]] QString describePath(const QString &path) const;
    [[nodiscard]] QString fieldLabel(const core::Field &field) const;

    FormContext *m_context = nullptr;
    std::optional<core::FormDefinition> m_definition;
    std::unique_ptr<core::FormState> m_state;
    QString m_language;
    bool m_submitPending = false;
    Banner m_bannerKind = Banner::None;

    std::vector<Page> m_pages;
    QHash<QString, int> m_pageOfName; // form-scope field name -> page
    QSet<QString> m_pageContainers;   // names of the groups and repeats that are pages

    QPointer<QWidget> m_body; // rebuilt by setForm(), so the focus chain follows the page order
    QLabel *m_titleLabel = nullptr;
    QLabel *m_stepLabel = nullptr;
    QLabel *m_pageHeading = nullptr;
    QLabel *m_banner = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_summaryWidget = nullptr;
    QLabel *m_summaryStatus = nullptr;
    QListWidget *m_issueList = nullptr;
    QLabel *m_answersHeading = nullptr;
    QLabel *m_issuesHeading = nullptr;
    QTreeWidget *m_answerTree = nullptr;
    QPushButton *m_backButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QPushButton *m_submitButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace fieldledger::ui
