#pragma once

#include "core/common/result.h"
#include "core/forms/formstate.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace fieldledger::ui {

// The instances of one repeat of a form being filled in ("members"), one row each: the repeat's
// first input fields as they read in the form's language, then the instance's issues.
//
// The model reads the FormState it is given (a FormView owns it) and changes it only to add or
// remove instances, telling views before and after. Values change elsewhere (the roster's
// editor): the owner then calls applyChanges() with the paths FormState reported, and only the
// cells of those paths change. A repeat whose `count` moves adds or removes rows there too.
class RosterModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RosterModel)

public:
    // What a column shows: one of the repeat's fields (the first ones a user answers, in form
    // order), or the instance's issues (always the last column).
    enum class Column { Field, Issues };

    enum Role {
        InstancePathRole = Qt::UserRole, // "members[2]"
        GuidRole,                        // the instance's guid
        FieldPathRole,                   // field columns: "members[2].name"
        ValueRole,                       // field columns: the value as set (QJsonValue), or invalid
        IssueCountRole,                  // the number of issues in the instance (nested repeats too)
        IssuesRole,                      // QStringList: "Label: message" for each issue
    };

    static constexpr int kDefaultFieldColumns = 4;

    // `repeat` is a repeat field of the state's definition; `repeatPath` the repeat in one
    // instance of its parent ("members", or "members[0].children"). The state must outlive the
    // model (or be replaced with setRepeat()).
    RosterModel(core::FormState &state, const core::Field &repeat, QString repeatPath, QString language,
                int fieldColumns = kDefaultFieldColumns, QObject *parent = nullptr);
    ~RosterModel() override;

    [[nodiscard]] const core::Field &repeat() const { return *m_repeat; }
    [[nodiscard]] const QString &repeatPath() const { return m_repeatPath; }
    // Another instance of the parent (a nested roster following its parent's selection): every
    // row changes, so the model resets.
    void setRepeatPath(const QString &repeatPath);

    // Choice labels and headers in this language.
    [[nodiscard]] const QString &language() const { return m_language; }
    void setLanguage(const QString &language);

    [[nodiscard]] Column columnKind(int column) const;
    [[nodiscard]] int issuesColumn() const { return int(m_columns.size()); }
    // The field a column shows, or null for the issues column.
    [[nodiscard]] const core::Field *columnField(int column) const;
    // "members[2]".
    [[nodiscard]] QString instancePath(int row) const;

    // Appends an instance (one new last row). Fails when the state refuses (max, count).
    // Returns the paths the state reported, for the rest of the form.
    core::Result<QSet<QString>> addInstance();
    // Removes the instance of `row`; the rows after it move up. Fails below min or with a count.
    core::Result<QSet<QString>> removeInstance(int row);
    [[nodiscard]] bool canAddInstance() const;
    [[nodiscard]] bool canRemoveInstance() const;

    // After the state changed: rows come or go to match the instance count, and the cells of
    // `paths` under this repeat ("members[2].name") change, with the row's issues.
    void applyChanges(const QStringList &paths);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

    // A value as one line of text: choice labels in `language`, geopoints "lat, lon", booleans
    // Yes/No; empty when unanswered.
    [[nodiscard]] static QString displayText(const core::Field &field, const QJsonValue &value,
                                             const QString &language, const QString &fallbackLanguage);

private:
    void syncRowCount();
    void collectIssues(const core::Field &container, const QString &prefix, QStringList &out) const;
    [[nodiscard]] QString fieldText(const core::Field &field) const;

    core::FormState *m_state;
    const core::Field *m_repeat;
    QString m_repeatPath;
    QString m_language;
    std::vector<const core::Field *> m_columns;
    int m_rowCount = 0; // rows as views know them; the state may be ahead until syncRowCount()
};

} // namespace fieldledger::ui
