#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace fieldledger::core {
class Ledger;
}

namespace fieldledger::ui {

struct MemberSnapshot {
    QString guid;
    QJsonObject data; // name, sex, birth_date or age, relationship, ... as the forms store them
    QString lastUpdated;

    [[nodiscard]] QString name() const;
};

// One household as its detail pane and dialogs show it, read through core (and its access
// control): its data and its live members, in membership order.
struct HouseholdSnapshot {
    QString guid;
    QJsonObject data; // name, region, district, village, gps, phone, headId, ...
    std::vector<MemberSnapshot> members;
    QString lastUpdated;
    bool deleted = false;

    [[nodiscard]] QString name() const;
    // The head as the household list counts it: data.headId when it names a live member, else
    // the first member whose relationship is "head"; empty when neither.
    [[nodiscard]] QString headGuid() const;
    [[nodiscard]] const MemberSnapshot *member(const QString &guid) const;

    // nullopt when there is no such household (or it is an individual); errors are core's.
    [[nodiscard]] static core::Result<std::optional<HouseholdSnapshot>> read(core::Ledger &ledger,
                                                                             const QString &guid);
};

} // namespace fieldledger::ui
