#pragma once

#include "core/common/result.h"
#include "core/common/secret.h"

#include <QString>

namespace fieldledger::core {

// Where the CLI takes a passphrase from (CLI.md): --passphrase-file, else the
// FIELDLEDGER_PASSPHRASE environment variable, else a prompt without echo on a terminal.
// Never from a plain argument, never printed.
struct PassphraseSource {
    QString file; // --passphrase-file
    QString envVar = QStringLiteral("FIELDLEDGER_PASSPHRASE");
};

// confirm: ask twice at a prompt (creating a registry).
[[nodiscard]] Result<SecretBytes> readPassphrase(const PassphraseSource &source, const QString &prompt,
                                                 bool confirm = false);

} // namespace fieldledger::core
