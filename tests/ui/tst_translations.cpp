#include "ui/session/languages.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>
#include <QtTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using fieldledger::ui::Languages;

// The catalogues in translations/ as translators and as the app will load them.
class TestTranslations final : public QObject {
    Q_OBJECT

private slots:
    void cleanup();

    void catalogues_everyEntry_isFinishedAndKeepsMarkers_data();
    void catalogues_everyEntry_isFinishedAndKeepsMarkers();
    void catalogues_frenchAndSpanish_haveEveryEntry();
    void languages_available_areEnglishFrenchSpanish();
    void languages_apply_embeddedCatalogueLoads_data();
    void languages_apply_embeddedCatalogueLoads();
    void languages_applyUnknown_fallsBackToEnglish();

private:
    struct Message {
        QString context;
        QString source;
        QStringList translations; // one, or the plural forms
        bool unfinished = false;
        bool numerus = false;
    };
    static QString translationsDir();
    static QList<Message> read(const QString &path);
    static QSet<QString> placeholders(const QString &text);
    static bool hasMnemonic(const QString &text);
};

void TestTranslations::cleanup()
{
    Languages::apply(u"en"_s);
}

QString TestTranslations::translationsDir()
{
    return QDir(QStringLiteral(FIELDLEDGER_TEST_DATA)).absoluteFilePath(u"../../translations"_s);
}

QList<TestTranslations::Message> TestTranslations::read(const QString &path)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            current = Message{context, {}, {}, false, xml.attributes().value("numerus"_L1) == "yes"_L1};
        } else if (name == "source"_L1) {
            current.source = xml.readElementText();
        } else if (name == "translation"_L1) {
            const auto type = xml.attributes().value("type"_L1);
            current.unfinished = type == "unfinished"_L1;
            if (type == "obsolete"_L1 || type == "vanished"_L1)
                continue;
            if (current.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == "numerusform"_L1)
                        current.translations.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                current.translations.append(xml.readElementText());
            }
            messages.append(current);
        }
    }
    if (xml.hasError())
        qWarning("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QSet<QString> TestTranslations::placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d+|n)"_s);
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

bool TestTranslations::hasMnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&')
            continue;
        if (text[i + 1] == u'&') {
            ++i; // "&&" is a literal ampersand
            continue;
        }
        if (!text[i + 1].isSpace())
            return true;
    }
    return false;
}

void TestTranslations::catalogues_everyEntry_isFinishedAndKeepsMarkers_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = QDir(translationsDir()).entryList({u"fieldledger_*.ts"_s}, QDir::Files);
    QVERIFY2(files.size() >= 3, qPrintable(translationsDir()));
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << QDir(translationsDir()).filePath(file);
}

void TestTranslations::catalogues_everyEntry_isFinishedAndKeepsMarkers()
{
    QFETCH(QString, path);
    const QList<Message> messages = read(path);
    QStringList problems;
    for (const Message &message : messages) {
        const QString where = message.context + u": \""_s + message.source + u'"';
        if (message.unfinished)
            problems << where + u" is unfinished"_s;
        if (message.translations.isEmpty())
            problems << where + u" has no translation"_s;
        for (const QString &translation : message.translations) {
            if (translation.isEmpty()) {
                problems << where + u" has an empty translation"_s;
                continue;
            }
            if (placeholders(translation) != placeholders(message.source))
                problems << where + u" → \""_s + translation + u"\": placeholders differ"_s;
            if (hasMnemonic(message.source) != hasMnemonic(translation))
                problems << where + u" → \""_s + translation + u"\": shortcut marker & differs"_s;
            if (message.source.startsWith(u' ') != translation.startsWith(u' ') ||
                message.source.endsWith(u' ') != translation.endsWith(u' '))
                problems << where + u" → \""_s + translation + u"\": leading or trailing space differs"_s;
            if (message.source.endsWith(u"…"_s) != translation.endsWith(u"…"_s))
                problems << where + u" → \""_s + translation + u"\": the ellipsis differs"_s;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::catalogues_frenchAndSpanish_haveEveryEntry()
{
    const QDir dir(translationsDir());
    auto keys = [](const QList<Message> &messages) {
        QSet<QString> set;
        for (const Message &message : messages)
            set.insert(message.context + u'\x1f' + message.source);
        return set;
    };
    const QSet<QString> french = keys(read(dir.filePath(u"fieldledger_fr.ts"_s)));
    const QSet<QString> spanish = keys(read(dir.filePath(u"fieldledger_es.ts"_s)));
    QVERIFY(french.size() > 100);
    QCOMPARE(spanish, french);
    // English holds the plural forms only: every one of them is in the others too.
    const QList<Message> english = read(dir.filePath(u"fieldledger_en.ts"_s));
    for (const Message &message : english) {
        QVERIFY2(message.numerus, qPrintable(message.source));
        QVERIFY(french.contains(message.context + u'\x1f' + message.source));
    }
}

void TestTranslations::languages_available_areEnglishFrenchSpanish()
{
    QStringList codes;
    for (const Languages::Language &language : Languages::available())
        codes << language.code;
    QCOMPARE(codes, (QStringList{u"en"_s, u"fr"_s, u"es"_s}));
    QVERIFY(Languages::isAvailable(u"es"_s));
    QVERIFY(!Languages::isAvailable(u"de"_s));
    QVERIFY(Languages::isAvailable(Languages::systemDefault()));
}

void TestTranslations::languages_apply_embeddedCatalogueLoads_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("lockText");
    QTest::addColumn<QLocale::Language>("locale");
    QTest::newRow("en") << u"en"_s << u"Unlock the registry"_s << QLocale::English;
    QTest::newRow("fr") << u"fr"_s << u"Déverrouiller le registre"_s << QLocale::French;
    QTest::newRow("es") << u"es"_s << u"Desbloquear el registro"_s << QLocale::Spanish;
}

void TestTranslations::languages_apply_embeddedCatalogueLoads()
{
    QFETCH(QString, code);
    QFETCH(QString, lockText);
    QFETCH(QLocale::Language, locale);
    QVERIFY(QFileInfo::exists(Languages::catalogPath(code)));
    QVERIFY(Languages::apply(code));
    QCOMPARE(Languages::current(), code);
    QCOMPARE(QLocale().language(), locale);
    QCOMPARE(QCoreApplication::translate("fieldledger::ui::UnlockDialog", "Unlock the registry"), lockText);
}

void TestTranslations::languages_applyUnknown_fallsBackToEnglish()
{
    QVERIFY(Languages::apply(u"fr"_s));
    QVERIFY(!Languages::apply(u"xx"_s));
    QCOMPARE(Languages::current(), u"en"_s);
    QCOMPARE(QCoreApplication::translate("fieldledger::ui::UnlockDialog", "Unlock the registry"),
             u"Unlock the registry"_s);
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
