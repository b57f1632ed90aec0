#include "core/storage/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <string>
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

// Owns the temporary file until it has been renamed into place: closes the descriptor and
// removes the file on every early return.
class TemporaryFile final {
public:
    TemporaryFile() = default;
    TemporaryFile(const TemporaryFile &) = delete;
    TemporaryFile &operator=(const TemporaryFile &) = delete;
    ~TemporaryFile()
    {
        closeQuietly();
        if (m_owned)
            ::unlink(m_path.constData());
    }

    bool open(const QByteArray &pathTemplate)
    {
        m_path = pathTemplate;
        m_fd = ::mkostemp(m_path.data(), O_CLOEXEC);
        m_owned = m_fd >= 0;
        return m_owned;
    }
    [[nodiscard]] int fd() const { return m_fd; }
    [[nodiscard]] const char *path() const { return m_path.constData(); }

    // Returns 0 or the errno of a failed close.
    int close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0 ? 0 : errno;
    }
    void release() { m_owned = false; }

private:
    void closeQuietly()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

    QByteArray m_path;
    int m_fd = -1;
    bool m_owned = false;
};

int writeAll(int fd, QByteArrayView contents)
{
    const char *cursor = contents.data();
    auto remaining = static_cast<std::size_t>(contents.size());
    while (remaining > 0) {
        const ssize_t written = ::write(fd, cursor, remaining);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        cursor += written;
        remaining -= static_cast<std::size_t>(written);
    }
    return 0;
}

// Moves the temporary file onto the target without replacing an existing one. Returns 0 or an errno.
int renameNoReplace(const char *from, const char *to)
{
    if (::renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
    // The file system cannot rename without replacing: link() also refuses an existing name.
    if (::link(from, to) != 0)
        return errno;
    ::unlink(from);
    return 0;
}

int syncFolder(const QByteArray &folder)
{
    const int fd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int error = 0;
    if (::fsync(fd) != 0) {
        error = errno;
        if (error == EINVAL || error == ENOTSUP)
            error = 0; // this file system does not sync folders: nothing more can be done
    }
    ::close(fd);
    return error;
}

} // namespace

Status AtomicFile::write(const QString &path, QByteArrayView contents, Mode mode)
{
    if (path.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"cannot write a file with an empty path"_s);

    const QFileInfo info(path);
    const QString shownPath = QDir::toNativeSeparators(info.absoluteFilePath());
    const auto failure = [&](ErrorCode code, const QString &what, int error) {
        return fail(code, u"could not write '%1': %2: %3"_s.arg(shownPath, what, describeErrno(error)));
    };

    if (info.isDir())
        return fail(ErrorCode::InvalidArgument, u"could not write '%1': it is a folder"_s.arg(shownPath));

    const QByteArray target = QFile::encodeName(info.absoluteFilePath());
    const QByteArray folder = QFile::encodeName(info.absolutePath());
    const QByteArray pathTemplate =
        QFile::encodeName(info.absolutePath() + u"/."_s + info.fileName() + u".tmp-"_s) + "XXXXXX";

    TemporaryFile temporary;
    if (!temporary.open(pathTemplate)) {
        const int error = errno;
        return failure(ErrorCode::Storage, u"cannot create a temporary file beside it"_s, error);
    }

    if (mode == Mode::Replace) {
        struct stat existing {};
        if (::stat(target.constData(), &existing) == 0 &&
            ::fchmod(temporary.fd(), existing.st_mode & 07777) != 0) {
            const int error = errno;
            return failure(ErrorCode::Storage, u"cannot copy its permissions"_s, error);
        }
    }

    if (const int error = writeAll(temporary.fd(), contents); error != 0)
        return failure(ErrorCode::Storage, u"writing the temporary file failed"_s, error);
    if (::fsync(temporary.fd()) != 0) {
        const int error = errno;
        return failure(ErrorCode::Storage, u"flushing the temporary file failed"_s, error);
    }
    if (const int error = temporary.close(); error != 0)
        return failure(ErrorCode::Storage, u"closing the temporary file failed"_s, error);

    if (mode == Mode::CreateNew) {
        if (const int error = renameNoReplace(temporary.path(), target.constData()); error != 0) {
            if (error == EEXIST)
                return fail(ErrorCode::Conflict,
                            u"'%1' already exists; it was not overwritten"_s.arg(shownPath));
            return failure(ErrorCode::Storage, u"moving the temporary file into place failed"_s, error);
        }
    } else if (::rename(temporary.path(), target.constData()) != 0) {
        const int error = errno;
        return failure(ErrorCode::Storage, u"moving the temporary file into place failed"_s, error);
    }
    temporary.release();

    if (const int error = syncFolder(folder); error != 0)
        return fail(ErrorCode::Storage,
                    u"'%1' was written, but its folder could not be flushed to disk: %2"_s.arg(
                        shownPath, describeErrno(error)));
    return {};
}

} // namespace fieldledger::core
