#pragma once

#include "core/forms/formstate.h"

#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace fieldledger::ui {

// What the widgets of one FormView share: the form state they edit, the language they show,
// and which issues the user should see. Widgets change values through setValue() and never call
// FormState::setValue themselves, so every change is announced once, with the paths it changed.
//
// An issue is shown once its field was touched (the user changed it) or after a submit attempt
// (showAllIssues). Touched fields are remembered by instance guid, so removing a roster row does
// not move the marks of the rows after it.
class FormContext final : public QObject {
    Q_OBJECT

public:
    explicit FormContext(QObject *parent = nullptr);

    // Null until a form is set; the FormView owns the state.
    [[nodiscard]] core::FormState *state() const { return m_state; }
    void setState(core::FormState *state);

    [[nodiscard]] const QString &language() const { return m_language; }
    void setLanguage(const QString &language) { m_language = language; }

    // The user changed `path`: the state takes the value, the field counts as touched, and
    // changed() names `path` and every path the state reports.
    void setValue(const QString &path, const QJsonValue &value);
    // Something other than a value changed the state (a roster row came or went): announces the
    // paths the state reported.
    void announce(const QSet<QString> &paths, const QString &touchedPath = {});

    void touch(const QString &path);
    [[nodiscard]] bool isTouched(const QString &path) const;
    [[nodiscard]] bool showAllIssues() const { return m_showAllIssues; }
    void setShowAllIssues(bool show) { m_showAllIssues = show; }
    // Whether the issue of `path`, if any, is shown now.
    [[nodiscard]] bool isIssueShown(const QString &path) const { return m_showAllIssues || isTouched(path); }

    // A field's text in the current language (the form's default language as the fallback).
    [[nodiscard]] QString text(const core::LocalizedText &text) const;

signals:
    // `paths` changed (relevance, calculated value, requirement, issue, or the value itself);
    // `names` are their field names, for choice filters that read them.
    void changed(const QStringList &paths, const QSet<QString> &names);

private:
    [[nodiscard]] QString touchKey(const QString &path) const;

    core::FormState *m_state = nullptr;
    QString m_language;
    QSet<QString> m_touched; // "<instance guid>/<field name>"
    bool m_showAllIssues = false;
};

// Path helpers. Paths are FormState's: "name", "members[2].age", "members".
// "members[2]" + "age" -> "members[2].age"; "" + "age" -> "age".
[[nodiscard]] QString joinFieldPath(const QString &prefix, const QString &name);
// The path without instance indices, as FormDefinition::field() and object names use it:
// "members[2].age" -> "members.age".
[[nodiscard]] QString definitionPath(QStringView path);
// The first name of a path relative to its panel: "age" -> "age", "members[2].age" -> "members".
[[nodiscard]] QStringView headName(QStringView relativePath);
// The field name at the end of a path: "members[2].age" -> "age".
[[nodiscard]] QStringView lastName(QStringView path);

} // namespace fieldledger::ui
