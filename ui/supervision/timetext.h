#pragma once

#include <QDateTime>
#include <QString>

namespace fieldledger::ui {

// How the supervision views write an instant: in local time, the locale's short date and the
// time to the second ("26/11/2026 10:15:00"); seconds matter in an audit.
[[nodiscard]] QString localTimeText(const QDateTime &instant);
// The same for an RFC 3339 timestamp; the text as it is when it does not parse.
[[nodiscard]] QString localTimeText(const QString &timestamp);
// A text about as wide as any localTimeText() (for column widths).
[[nodiscard]] QString widestTimeText();

// An instant in nanoseconds since the epoch (millisecond precision), UTC.
[[nodiscard]] QDateTime dateTimeFromNs(qint64 instantNs);

} // namespace fieldledger::ui
