#pragma once

#include "core/forms/formdefinition.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTableView;
class QVBoxLayout;

namespace fieldledger::ui {

class FieldPanel;
class FormContext;
class RosterModel;

// A repeat of a form (household members): a table with one row per instance (RosterModel) and
// beside it an editor for the selected instance. The editor's widgets are built once and
// rebound to the selected instance, so a long roster stays quick.
//
// Keys: Insert or Ctrl+Shift+N adds an entry; Delete (in the table) removes the selected one;
// Up/Down move in the table, Ctrl+Up/Ctrl+Down from anywhere in the roster; Enter in the table
// goes to the editor. The repeat's min, max and count decide what can be added or removed.
//
// Object names: "<repeat>/table", "<repeat>/add", "<repeat>/remove", "<repeat>/message",
// "<repeat>/heading" (the repeat's definition path, "members").
class RosterWidget final : public QWidget {
    Q_OBJECT

public:
    RosterWidget(FormContext &context, const core::Field &repeat, QWidget *parent = nullptr);
    ~RosterWidget() override;

    [[nodiscard]] const core::Field &repeat() const { return m_repeat; }
    // "members", or "members[1].children" for a nested repeat.
    [[nodiscard]] const QString &repeatPath() const { return m_repeatPath; }
    void bind(const QString &repeatPath);

    // Paths under this repeat changed (and possibly its own state or instance count).
    void refresh(const QStringList &paths, const QSet<QString> &names);
    void refreshAll();
    void retranslate();
    // The repeat's label above the table (hidden when a page heading already says it).
    void setTitleShown(bool shown);

    [[nodiscard]] RosterModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] FieldPanel *editor() const { return m_editor; }
    [[nodiscard]] int currentRow() const;
    void selectRow(int row);

    // Adds an entry, selects it and focuses its first field. False when refused (see message).
    bool addEntry();
    // Removes the selected entry (asking first when it holds answers). False when refused.
    bool removeSelectedEntry();

    bool focusPath(const QString &path);
    bool focusTable();
    // Focuses the Add button when an entry can be added (Enter after an entry's last field).
    bool focusAddButton();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void bindEditor(int row);
    void updateControls();
    void showOwnState();
    void moveSelection(int delta);
    [[nodiscard]] bool hasAnswers(int row) const;
    [[nodiscard]] QString objectPath() const;

    FormContext &m_context;
    const core::Field &m_repeat;
    QString m_repeatPath;
    RosterModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_table = nullptr;
    QScrollArea *m_editorArea = nullptr;
    QVBoxLayout *m_editorLayout = nullptr;
    QLabel *m_editorHeading = nullptr;
    QLabel *m_emptyLabel = nullptr;
    FieldPanel *m_editor = nullptr;
    int m_boundRow = -1;      // the row the editor shows
    bool m_selecting = false; // selection set here: bind once, after
    bool m_titleShown = true;
};

} // namespace fieldledger::ui
