#pragma once

#include "core/common/result.h"
#include "core/integrity/hash.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace fieldledger::core {

class Ledger;

// The latest signed checkpoint (INTEGRITY.md), as kept beside the database, with the reason it
// was taken (from the registry's own list of checkpoints).
struct CheckpointSummary {
    quint64 size = 0;
    QString root;      // hex
    QString timestamp; // as signed (UTC)
    QString deviceId;
    QString reason; // "close", "export", …; "" when the registry's list does not have it
};

// What the integrity panel shows before any verification: the log's size and root, the latest
// checkpoint and the device key. Needs the Verify right (Ledger::rootAt).
struct LogStatus {
    quint64 size = 0;
    Hash root{};
    std::optional<CheckpointSummary> checkpoint; // nullopt: none taken yet
    QString deviceFingerprint;
    QString devicePublicKeyHex;
};

[[nodiscard]] Result<LogStatus> logStatus(Ledger &ledger);

// Exactly what `fieldledger-cli log proof EVENT_GUID [--size N]` prints (CLI.md): the inclusion
// proof as one line of compact JSON, newline-terminated, UTF-8.
[[nodiscard]] Result<QByteArray> inclusionProofLine(Ledger &ledger, const QString &eventGuid,
                                                    std::optional<quint64> treeSize = std::nullopt);

} // namespace fieldledger::core
