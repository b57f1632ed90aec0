#pragma once

#include "core/domain/entity.h"
#include "core/exchange/tablesink.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace fieldledger::core {

// Reads a stored entity body (the JSON Entity::canonicalJson writes) straight into the cells
// of a tabular export: one cell per wanted data key, and the members a row shows. It builds no
// QJsonObject: an export of half a million people spends most of its time there otherwise.
//
// Each data value becomes the cell Cell::fromJson would give for it (strings that are dates or
// timestamps typed as such, numbers in their JCS spelling, objects and arrays as canonical JSON).
// A body of any other shape (not an object, an unknown member, a number out of range, bad
// escapes) makes read() return false: the caller then decodes it the slow way, which also
// names what is wrong.
class EntityRowReader final {
public:
    // What one body holds; data[i] is the cell of keys[i] (Empty when the entity lacks it).
    struct Row {
        QString guid;
        QString lastUpdated;
        qint64 version = 0;
        bool deleted = false;
        bool group = false;
        qsizetype memberCount = 0; // memberIds listed (groups)
        QList<Cell> data;
        std::vector<bool> strings; // strings[i]: keys[i]'s value is a JSON string
    };

    explicit EntityRowReader(const QStringList &keys);

    [[nodiscard]] bool read(QByteArrayView body, Row &row) const;
    // The same row from an entity already decoded (the slow path, and exports as of a date).
    void fill(const Entity &entity, Row &row) const;

private:
    QStringList m_keys;
    // (key, index in the constructor's list), sorted by key (UTF-16 code units, as JCS sorts).
    std::vector<std::pair<QString, qsizetype>> m_sorted;
    qsizetype m_count = 0;
};

} // namespace fieldledger::core
