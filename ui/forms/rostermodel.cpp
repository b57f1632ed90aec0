#include "ui/forms/rostermodel.h"

#include "core/forms/expression.h"

#include <QColor>
#include <QJsonObject>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QColor kIssueColor(0xb0, 0x2a, 0x1e);

// The fields of a repeat's scope in form order, groups flattened (nested repeats included as
// one field; their fields belong to another scope).
void scopeFields(const core::Field &container, std::vector<const core::Field *> &out)
{
    for (const core::Field &field : container.fields) {
        if (field.type == core::FieldType::Group)
            scopeFields(field, out);
        else
            out.push_back(&field);
    }
}

QString numberText(const QJsonValue &value)
{
    return core::formatXPathNumber(value.toDouble());
}

} // namespace

RosterModel::RosterModel(core::FormState &state, const core::Field &repeat, QString repeatPath,
                         QString language, int fieldColumns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_state(&state)
    , m_repeat(&repeat)
    , m_repeatPath(std::move(repeatPath))
    , m_language(std::move(language))
{
    std::vector<const core::Field *> fields;
    scopeFields(repeat, fields);
    for (const core::Field *field : fields) {
        if (int(m_columns.size()) >= fieldColumns)
            break;
        if (field->isInput())
            m_columns.push_back(field);
    }
    m_rowCount = m_state->instanceCount(m_repeatPath);
}

RosterModel::~RosterModel() = default;

void RosterModel::setRepeatPath(const QString &repeatPath)
{
    beginResetModel();
    m_repeatPath = repeatPath;
    m_rowCount = m_state->instanceCount(m_repeatPath);
    endResetModel();
}

void RosterModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (m_rowCount > 0)
        emit dataChanged(index(0, 0), index(m_rowCount - 1, columnCount() - 1));
}

RosterModel::Column RosterModel::columnKind(int column) const
{
    return column >= 0 && column < int(m_columns.size()) ? Column::Field : Column::Issues;
}

const core::Field *RosterModel::columnField(int column) const
{
    return column >= 0 && column < int(m_columns.size()) ? m_columns[std::size_t(column)] : nullptr;
}

QString RosterModel::instancePath(int row) const
{
    return m_repeatPath + u'[' + QString::number(row) + u']';
}

core::Result<QSet<QString>> RosterModel::addInstance()
{
    syncRowCount();
    if (!m_state->canAddInstance(m_repeatPath))
        return core::fail(core::ErrorCode::InvalidArgument, tr("No more entries can be added here."));
    beginInsertRows({}, m_rowCount, m_rowCount);
    core::Result<QSet<QString>> changed = m_state->addInstance(m_repeatPath);
    m_rowCount = m_state->instanceCount(m_repeatPath);
    endInsertRows();
    return changed;
}

core::Result<QSet<QString>> RosterModel::removeInstance(int row)
{
    syncRowCount();
    if (row < 0 || row >= m_rowCount)
        return core::fail(core::ErrorCode::NotFound, tr("There is no such entry."));
    if (!m_state->canRemoveInstance(m_repeatPath))
        return core::fail(core::ErrorCode::InvalidArgument, tr("This entry cannot be removed."));
    beginRemoveRows({}, row, row);
    core::Result<QSet<QString>> changed = m_state->removeInstance(m_repeatPath, row);
    m_rowCount = m_state->instanceCount(m_repeatPath);
    endRemoveRows();
    // The rows below moved up: their numbers (vertical header) changed.
    if (row < m_rowCount) {
        emit headerDataChanged(Qt::Vertical, row, m_rowCount - 1);
    }
    return changed;
}

bool RosterModel::canAddInstance() const
{
    return m_state->canAddInstance(m_repeatPath);
}

bool RosterModel::canRemoveInstance() const
{
    return m_state->canRemoveInstance(m_repeatPath);
}

void RosterModel::syncRowCount()
{
    const int count = m_state->instanceCount(m_repeatPath);
    if (count > m_rowCount) {
        beginInsertRows({}, m_rowCount, count - 1);
        m_rowCount = count;
        endInsertRows();
    } else if (count < m_rowCount) {
        beginRemoveRows({}, count, m_rowCount - 1);
        m_rowCount = count;
        endRemoveRows();
    }
}

void RosterModel::applyChanges(const QStringList &paths)
{
    syncRowCount();
    const QString start = m_repeatPath + u'[';
    // row -> first and last changed column
    std::map<int, std::pair<int, int>> rows;
    const int issues = issuesColumn();
    for (const QString &path : paths) {
        if (!path.startsWith(start))
            continue;
        const qsizetype close = path.indexOf(u']', start.size());
        if (close < 0)
            continue;
        bool ok = false;
        const int row = QStringView(path).sliced(start.size(), close - start.size()).toInt(&ok);
        if (!ok || row < 0 || row >= m_rowCount)
            continue;
        int column = issues;
        if (close + 1 < path.size() && path[close + 1] == u'.') {
            const QStringView rest = QStringView(path).sliced(close + 2);
            for (std::size_t c = 0; c < m_columns.size(); ++c) {
                if (rest == m_columns[c]->name) {
                    column = int(c);
                    break;
                }
            }
        }
        auto [it, inserted] = rows.try_emplace(row, column, issues);
        if (!inserted)
            it->second.first = std::min(it->second.first, column);
    }
    for (const auto &[row, range] : rows)
        emit dataChanged(index(row, range.first), index(row, range.second));
}

int RosterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int RosterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size()) + 1;
}

QString RosterModel::fieldText(const core::Field &field) const
{
    return field.label.text(m_language, m_state->definition().defaultLanguage());
}

void RosterModel::collectIssues(const core::Field &container, const QString &prefix, QStringList &out) const
{
    std::vector<const core::Field *> fields;
    scopeFields(container, fields);
    for (const core::Field *field : fields) {
        const QString path = prefix + u'.' + field->name;
        if (const std::optional<core::FieldIssue> issue = m_state->issue(path)) {
            const QString label = fieldText(*field);
            out.push_back(label.isEmpty() ? issue->message : tr("%1: %2").arg(label, issue->message));
        }
        if (field->type == core::FieldType::Repeat) {
            const int count = m_state->instanceCount(path);
            for (int i = 0; i < count; ++i)
                collectIssues(*field, path + u'[' + QString::number(i) + u']', out);
        }
    }
}

QVariant RosterModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const QString instance = instancePath(row);
    if (role == InstancePathRole)
        return instance;
    if (role == GuidRole)
        return m_state->instanceGuid(instance);

    if (const core::Field *field = columnField(index.column())) {
        const QString path = instance + u'.' + field->name;
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole: {
            if (!m_state->isRelevant(path))
                return QString();
            return displayText(*field, m_state->value(path), m_language,
                               m_state->definition().defaultLanguage());
        }
        case FieldPathRole:
            return path;
        case ValueRole: {
            const QJsonValue value = m_state->value(path);
            return value.isUndefined() ? QVariant() : QVariant::fromValue(value);
        }
        default:
            return {};
        }
    }

    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole &&
        role != IssueCountRole && role != IssuesRole && role != Qt::AccessibleTextRole)
        return {};
    QStringList issues;
    collectIssues(*m_repeat, instance, issues);
    switch (role) {
    case Qt::DisplayRole:
        return issues.isEmpty() ? QString() : QString::number(issues.size());
    case Qt::AccessibleTextRole:
        return tr("Issues: %n", nullptr, int(issues.size()));
    case Qt::ToolTipRole:
        return issues.isEmpty() ? QString() : issues.join(u'\n');
    case Qt::ForegroundRole:
        return issues.isEmpty() ? QVariant() : QVariant(kIssueColor);
    case IssueCountRole:
        return int(issues.size());
    case IssuesRole:
        return issues;
    default:
        return {};
    }
}

QVariant RosterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_rowCount)
            return section + 1;
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (const core::Field *field = columnField(section))
        return fieldText(*field);
    return tr("Issues");
}

Qt::ItemFlags RosterModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QString RosterModel::displayText(const core::Field &field, const QJsonValue &value, const QString &language,
                                 const QString &fallbackLanguage)
{
    if (core::isEmptyValue(value))
        return {};
    auto choiceLabel = [&](const QString &name) {
        if (field.choices) {
            for (const core::Choice &choice : *field.choices) {
                if (choice.name == name) {
                    const QString label = choice.label.text(language, fallbackLanguage);
                    return label.isEmpty() ? name : label;
                }
            }
        }
        return name;
    };
    switch (field.type) {
    case core::FieldType::SelectOne:
        return choiceLabel(value.isString() ? value.toString() : numberText(value));
    case core::FieldType::SelectMultiple: {
        QStringList labels;
        for (const QString &name : core::selectedNames(value))
            labels.push_back(choiceLabel(name));
        return labels.join(u", "_s);
    }
    case core::FieldType::Geopoint: {
        if (value.isObject()) {
            const QJsonObject point = value.toObject();
            return tr("%1, %2").arg(numberText(point.value(u"latitude")),
                                    numberText(point.value(u"longitude")));
        }
        const QStringList parts = value.toString().split(u' ', Qt::SkipEmptyParts);
        if (parts.size() >= 2)
            return tr("%1, %2").arg(parts[0], parts[1]);
        return value.toString();
    }
    default:
        break;
    }
    if (value.isBool())
        return value.toBool() ? tr("Yes") : tr("No");
    if (value.isDouble())
        return numberText(value);
    if (value.isString())
        return value.toString();
    return {};
}

} // namespace fieldledger::ui
