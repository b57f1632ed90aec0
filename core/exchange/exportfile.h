#pragma once

#include "core/common/result.h"

#include <QString>

#include <memory>

class QFile;
class QIODevice;

namespace fieldledger::core {

// The file an export is written to, all or nothing: the bytes go to a temporary file in the
// destination folder (hidden, permissions 0600), which is flushed to disk and renamed over the
// destination only by commit(). Until then the destination, existing or not, is never touched;
// destroying an uncommitted ExportFile (a failure, a cancel) removes the temporary file.
//
// A replaced destination keeps its permission bits; a new one is 0600 (an export holds
// registry data in plain text). A crash of the process can leave the temporary file behind:
// its name is ".<destination name>.<random>.part".
class ExportFile final {
public:
    // Creates the temporary file beside `destination`. Refuses a destination that is a folder
    // or whose folder does not exist.
    [[nodiscard]] static Result<std::unique_ptr<ExportFile>> create(const QString &destination);
    ~ExportFile();
    Q_DISABLE_COPY_MOVE(ExportFile)

    // The temporary file, open for writing (streaming formats).
    [[nodiscard]] QIODevice &device();
    // The temporary file's path, for writers that open the file themselves (libxlsxwriter):
    // call releaseDevice() first so that only one writer holds it.
    [[nodiscard]] const QString &temporaryPath() const { return m_temporaryPath; }
    void releaseDevice();
    [[nodiscard]] const QString &destination() const { return m_destination; }

    // Flushes and syncs the temporary file, renames it over the destination and syncs the
    // folder. After a failure the destination is as it was and the temporary file is gone.
    [[nodiscard]] Status commit();

private:
    ExportFile() = default;

    QString m_destination;
    QString m_temporaryPath;
    std::unique_ptr<QFile> m_file;
    bool m_committed = false;
};

} // namespace fieldledger::core
