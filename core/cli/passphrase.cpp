#include "core/cli/passphrase.h"

#include <QFile>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace fieldledger::core {
namespace {

void stripLineEnd(SecretBytes &secret)
{
    std::size_t size = secret.size();
    while (size > 0 && (secret.data()[size - 1] == '\n' || secret.data()[size - 1] == '\r'))
        --size;
    if (size != secret.size()) {
        SecretBytes trimmed(secret.data(), size);
        secret = std::move(trimmed);
    }
}

Result<SecretBytes> promptOnce(const QString &prompt)
{
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios saved{};
    const bool haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    SecretBytes line(1024);
    std::size_t length = 0;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n') {
        if (length < line.size())
            line.data()[length++] = static_cast<char>(c);
    }
    if (haveTerminal)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputs("\n", stderr);
    SecretBytes result(line.data(), length);
    return result;
}

} // namespace

Result<SecretBytes> readPassphrase(const PassphraseSource &source, const QString &prompt, bool confirm)
{
    if (!source.file.isEmpty()) {
        QFile file(source.file);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::NotFound,
                        u"cannot read the passphrase file %1: %2"_s.arg(source.file, file.errorString()));
        QByteArray bytes = file.read(4096);
        SecretBytes secret = SecretBytes::takeFrom(bytes);
        stripLineEnd(secret);
        if (secret.isEmpty())
            return fail(ErrorCode::InvalidArgument, u"the passphrase file %1 is empty"_s.arg(source.file));
        return secret;
    }
    if (const char *value = std::getenv(source.envVar.toLatin1().constData());
        value != nullptr && *value != '\0')
        return SecretBytes(value, std::strlen(value));
    if (!isatty(STDIN_FILENO))
        return fail(ErrorCode::InvalidArgument,
                    u"no passphrase: use --passphrase-file FILE or set %1 (or run on a terminal)"_s.arg(
                        source.envVar));
    auto first = promptOnce(prompt);
    if (!first)
        return first;
    if (confirm) {
        auto second = promptOnce(u"Repeat the passphrase: "_s);
        if (!second)
            return second;
        if (!(*first == *second))
            return fail(ErrorCode::InvalidArgument, u"the two passphrases differ"_s);
    }
    return first;
}

} // namespace fieldledger::core
