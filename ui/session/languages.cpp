#include "ui/session/languages.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace fieldledger::ui {
namespace {

const QString kEnglish = u"en"_s;

// Installed by apply(); owned by the application object. GUI thread only.
QPointer<QTranslator> s_appTranslator;
QPointer<QTranslator> s_qtTranslator;
QString s_current = kEnglish;

void removeInstalled()
{
    for (QPointer<QTranslator> *translator : {&s_appTranslator, &s_qtTranslator}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete translator->data();
        }
        *translator = nullptr;
    }
}

} // namespace

QList<Languages::Language> Languages::available()
{
    // Each name is written in its own language, so that anyone can find theirs: never translated.
    return {
        {kEnglish, u"English"_s},
        {u"fr"_s, u"Français"_s},
        {u"es"_s, u"Español"_s},
    };
}

bool Languages::isAvailable(const QString &code)
{
    for (const Language &language : available()) {
        if (language.code == code)
            return true;
    }
    return false;
}

QString Languages::systemDefault()
{
    const QString system = QLocale::system().name().section(u'_', 0, 0);
    return isAvailable(system) ? system : kEnglish;
}

QString Languages::catalogPath(const QString &code)
{
    return u":/i18n/fieldledger_%1.qm"_s.arg(code);
}

bool Languages::apply(const QString &code)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    removeInstalled();
    s_current = kEnglish;
    QLocale::setDefault(QLocale(kEnglish));
    if (!isAvailable(code))
        return false;

    // English is the source language: its catalogue holds plural forms only.
    auto catalogue = std::make_unique<QTranslator>(app);
    if (!catalogue->load(catalogPath(code))) {
        if (code != kEnglish)
            return false;
    } else {
        QCoreApplication::installTranslator(catalogue.get());
        s_appTranslator = catalogue.release();
    }
    if (code != kEnglish) {
        // Qt's own strings (standard buttons, context menus), where the system has them.
        auto qt = std::make_unique<QTranslator>(app);
        if (qt->load(QLocale(code), u"qtbase"_s, u"_"_s,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            s_qtTranslator = qt.release();
        }
    }
    s_current = code;
    QLocale::setDefault(QLocale(code));
    return true;
}

QString Languages::current()
{
    return s_current;
}

} // namespace fieldledger::ui
