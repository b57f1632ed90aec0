#include "core/exchange/exportrecorder.h"

#include "core/events/canonicaljson.h"

namespace fieldledger::core {

Status MemoryExportRecorder::record(const QJsonObject &record)
{
    auto line = canonicalJson(record);
    if (!line)
        return std::unexpected(line.error());
    m_records.append(record);
    m_lines.append(*line);
    return {};
}

} // namespace fieldledger::core
