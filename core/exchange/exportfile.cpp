#include "core/exchange/exportfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

QString describeErrno(int error)
{
    return QString::fromStdString(std::generic_category().message(error));
}

// Returns 0 or the errno of the failure.
int syncPath(const QByteArray &path, bool folder)
{
    const int fd = ::open(path.constData(), (folder ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int error = 0;
    if (::fsync(fd) != 0) {
        error = errno;
        if (folder && (error == EINVAL || error == ENOTSUP))
            error = 0; // this file system does not sync folders
    }
    ::close(fd);
    return error;
}

} // namespace

Result<std::unique_ptr<ExportFile>> ExportFile::create(const QString &destination)
{
    if (destination.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"no file to export to"_s);
    const QFileInfo info(destination);
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    if (info.isDir())
        return fail(ErrorCode::InvalidArgument, u"cannot export to %1: it is a folder"_s.arg(shown));
    if (!info.absoluteDir().exists())
        return fail(ErrorCode::NotFound, u"cannot export to %1: the folder does not exist"_s.arg(shown));

    std::unique_ptr<ExportFile> file(new ExportFile);
    file->m_destination = info.absoluteFilePath();
    auto temporary =
        std::make_unique<QTemporaryFile>(info.absolutePath() + u"/."_s + info.fileName() + u".XXXXXX.part"_s);
    temporary->setAutoRemove(false);
    if (!temporary->open())
        return fail(ErrorCode::Storage,
                    u"cannot export to %1: cannot create a temporary file beside it: %2"_s.arg(
                        shown, temporary->errorString()));
    file->m_temporaryPath = temporary->fileName();
    file->m_file = std::move(temporary);
    return file;
}

ExportFile::~ExportFile()
{
    if (m_file)
        m_file->close();
    if (!m_committed && !m_temporaryPath.isEmpty())
        QFile::remove(m_temporaryPath);
}

QIODevice &ExportFile::device()
{
    return *m_file;
}

void ExportFile::releaseDevice()
{
    if (m_file)
        m_file->close();
}

Status ExportFile::commit()
{
    const QString shown = QDir::toNativeSeparators(m_destination);
    const auto failure = [&](const QString &what, int error) {
        return fail(ErrorCode::Storage,
                    u"cannot export to %1: %2: %3"_s.arg(shown, what, describeErrno(error)));
    };
    if (m_file->isOpen()) {
        if (!m_file->flush())
            return fail(ErrorCode::Storage, u"cannot export to %1: %2"_s.arg(shown, m_file->errorString()));
        m_file->close();
    }
    const QByteArray temporary = QFile::encodeName(m_temporaryPath);
    const QByteArray target = QFile::encodeName(m_destination);
    if (const int error = syncPath(temporary, false); error != 0)
        return failure(u"flushing the temporary file failed"_s, error);
    struct stat existing {};
    if (::stat(target.constData(), &existing) == 0 &&
        ::chmod(temporary.constData(), existing.st_mode & 07777) != 0) {
        const int error = errno;
        return failure(u"cannot copy the permissions of the existing file"_s, error);
    }
    if (::rename(temporary.constData(), target.constData()) != 0) {
        const int error = errno;
        return failure(u"moving the temporary file into place failed"_s, error);
    }
    m_committed = true;
    if (const int error = syncPath(QFile::encodeName(QFileInfo(m_destination).absolutePath()), true);
        error != 0)
        return failure(u"the file was written, but its folder could not be flushed to disk"_s, error);
    return {};
}

} // namespace fieldledger::core
