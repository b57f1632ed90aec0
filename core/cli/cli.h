#pragma once

#include <QStringList>

class QTextStream;

namespace fieldledger::core {

// fieldledger-cli's whole behaviour (spec/CLI.md), callable in-process by tests.
// Returns the exit code: 0 success, 1 usage error, 2 cannot proceed, 3 integrity failure.
[[nodiscard]] int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace fieldledger::core
