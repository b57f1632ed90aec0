#include "core/domain/logstatus.h"

#include "core/domain/ledger.h"
#include "core/storage/registry.h"
#include "core/storage/sqlerror.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace fieldledger::core {

Result<LogStatus> logStatus(Ledger &ledger)
{
    LogStatus status;
    status.size = ledger.log().size();
    Result<Hash> root = ledger.rootAt(status.size);
    if (!root)
        return std::unexpected(root.error());
    status.root = *root;
    status.deviceFingerprint = ledger.deviceFingerprint();
    status.devicePublicKeyHex = ledger.devicePublicKeyHex();

    Result<QJsonObject> checkpoint = ledger.latestCheckpoint();
    if (!checkpoint) {
        if (checkpoint.error().code != ErrorCode::NotFound)
            return std::unexpected(checkpoint.error());
        return status;
    }
    CheckpointSummary summary;
    summary.size = quint64(checkpoint->value(u"size"_s).toInteger());
    summary.root = checkpoint->value(u"root"_s).toString();
    summary.timestamp = checkpoint->value(u"timestamp"_s).toString();
    summary.deviceId = checkpoint->value(u"deviceId"_s).toString();
    QSqlQuery query(ledger.registry().database());
    query.prepare(u"SELECT reason FROM checkpoints WHERE size = ? AND root = ? AND timestamp = ? "
                  "ORDER BY id DESC LIMIT 1"_s);
    query.bindValue(0, qint64(summary.size));
    query.bindValue(1, summary.root);
    query.bindValue(2, summary.timestamp);
    if (!query.exec())
        return std::unexpected(sqlError(u"cannot read the checkpoints"_s, query.lastError()));
    if (query.next())
        summary.reason = query.value(0).toString();
    status.checkpoint = std::move(summary);
    return status;
}

Result<QByteArray> inclusionProofLine(Ledger &ledger, const QString &eventGuid,
                                      std::optional<quint64> treeSize)
{
    Result<InclusionProof> proof = ledger.proof(eventGuid, treeSize);
    if (!proof)
        return std::unexpected(proof.error());
    return QJsonDocument(proof->toJson()).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace fieldledger::core
