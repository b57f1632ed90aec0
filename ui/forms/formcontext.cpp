#include "ui/forms/formcontext.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

FormContext::FormContext(QObject *parent)
    : QObject(parent)
{
}

void FormContext::setState(core::FormState *state)
{
    m_state = state;
    m_touched.clear();
    m_showAllIssues = false;
}

void FormContext::setValue(const QString &path, const QJsonValue &value)
{
    if (!m_state)
        return;
    const core::Result<QSet<QString>> changed = m_state->setValue(path, value);
    if (!changed) {
        qWarning("FormContext: %s", qPrintable(changed.error().message));
        return;
    }
    announce(*changed, path);
}

void FormContext::announce(const QSet<QString> &paths, const QString &touchedPath)
{
    QStringList list;
    list.reserve(paths.size() + 1);
    QSet<QString> names;
    if (!touchedPath.isEmpty()) {
        touch(touchedPath);
        list.push_back(touchedPath);
        names.insert(lastName(touchedPath).toString());
    }
    for (const QString &path : paths) {
        if (path == touchedPath)
            continue;
        list.push_back(path);
        names.insert(lastName(path).toString());
    }
    emit changed(list, names);
}

void FormContext::touch(const QString &path)
{
    m_touched.insert(touchKey(path));
}

bool FormContext::isTouched(const QString &path) const
{
    return !m_touched.isEmpty() && m_touched.contains(touchKey(path));
}

QString FormContext::text(const core::LocalizedText &text) const
{
    const QString fallback = m_state ? m_state->definition().defaultLanguage() : QString();
    return text.text(m_language, fallback);
}

QString FormContext::touchKey(const QString &path) const
{
    const qsizetype dot = path.lastIndexOf(u'.');
    if (dot < 0 || !m_state)
        return u'/' + path;
    return m_state->instanceGuid(path.first(dot)) + u'/' + path.sliced(dot + 1);
}

QString joinFieldPath(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + u'.' + name;
}

QString definitionPath(QStringView path)
{
    QString out;
    out.reserve(path.size());
    bool inIndex = false;
    for (const QChar c : path) {
        if (c == u'[')
            inIndex = true;
        else if (c == u']')
            inIndex = false;
        else if (!inIndex)
            out.append(c);
    }
    return out;
}

QStringView headName(QStringView relativePath)
{
    for (qsizetype i = 0; i < relativePath.size(); ++i) {
        if (relativePath[i] == u'.' || relativePath[i] == u'[')
            return relativePath.first(i);
    }
    return relativePath;
}

QStringView lastName(QStringView path)
{
    const qsizetype dot = path.lastIndexOf(u'.');
    return dot < 0 ? path : path.sliced(dot + 1);
}

} // namespace fieldledger::ui
