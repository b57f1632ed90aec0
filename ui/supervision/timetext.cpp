#include "ui/supervision/timetext.h"

#include "core/events/timestamp.h"

#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {

QString localTimeText(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    const QDateTime local = instant.toLocalTime();
    return QLocale().toString(local.date(), QLocale::ShortFormat) + u' ' + local.toString(u"HH:mm:ss"_s);
}

QString localTimeText(const QString &timestamp)
{
    const auto parsed = core::Timestamp::parse(timestamp);
    return parsed ? localTimeText(parsed->toUtcDateTime()) : timestamp;
}

QString widestTimeText()
{
    return localTimeText(QDateTime(QDate(2026, 12, 28), QTime(23, 58, 58)));
}

QDateTime dateTimeFromNs(qint64 instantNs)
{
    return QDateTime::fromMSecsSinceEpoch(instantNs / 1'000'000, QTimeZone::utc());
}

} // namespace fieldledger::ui
