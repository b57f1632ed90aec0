#include "ui/session/appsettings.h"

#include "ui/session/languages.h"

#include <QSettings>
#include <QSysInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QString kLanguageKey = u"settings/language"_s;
const QString kIdleLockKey = u"settings/idleLockMinutes"_s;
const QString kDeviceNameKey = u"settings/deviceName"_s;

} // namespace

AppSettings AppSettings::load()
{
    const QSettings settings;
    AppSettings loaded;
    const QString language = settings.value(kLanguageKey).toString();
    loaded.language = Languages::isAvailable(language) ? language : Languages::systemDefault();
    bool ok = false;
    const int minutes = settings.value(kIdleLockKey).toInt(&ok);
    loaded.idleLockMinutes = ok ? std::clamp(minutes, 0, maximumIdleLockMinutes) : defaultIdleLockMinutes;
    loaded.deviceName = settings.value(kDeviceNameKey).toString().trimmed().left(maximumDeviceNameLength);
    if (loaded.deviceName.isEmpty())
        loaded.deviceName = QSysInfo::machineHostName();
    return loaded;
}

void AppSettings::save() const
{
    QSettings settings;
    settings.setValue(kLanguageKey, language);
    settings.setValue(kIdleLockKey, std::clamp(idleLockMinutes, 0, maximumIdleLockMinutes));
    settings.setValue(kDeviceNameKey, deviceName.trimmed().left(maximumDeviceNameLength));
}

} // namespace fieldledger::ui
