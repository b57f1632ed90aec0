#include "core/cli/clicommands.h"

namespace fieldledger::core {

// The event-sourced core's commands (submit, import, events, entity, ...) live here.
int commandEventsGroup(const QString &command, CliContext &context, bool *handled)
{
    Q_UNUSED(command);
    Q_UNUSED(context);
    *handled = false;
    return 1;
}

} // namespace fieldledger::core
