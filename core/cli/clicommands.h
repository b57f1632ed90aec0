#pragma once

#include "core/cli/passphrase.h"
#include "core/common/result.h"
#include "core/storage/registry.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>

class QTextStream;

namespace fieldledger::core {

struct CliContext {
    QTextStream &out;
    QTextStream &err;
    QString databasePath;
    QString userId;
    PassphraseSource passphrase;
    QStringList args; // after the command name
};

// Prints "fieldledger-cli: message" and the usage hint; returns 1.
int usageError(CliContext &context, const QString &message);
// Prints "fieldledger-cli: message" on standard error; returns the error's exit code.
int reportError(CliContext &context, const Error &error);
// One compact JSON object and a newline.
void printJson(CliContext &context, const QJsonObject &object);
// Opens the registry named by --db as --user with the passphrase from its source.
[[nodiscard]] Result<std::unique_ptr<Registry>>
openRegistry(CliContext &context, Registry::Access access = Registry::Access::ReadWrite);

int runCommand(const QString &command, CliContext &context);

} // namespace fieldledger::core
