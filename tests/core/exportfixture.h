#pragma once

// Shared by the export tests: a registry with an open ledger, acting as its administrator,
// and a sample of households with tricky values.

#include "core/cli/cli.h"
#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/events/timestamp.h"
#include "core/exchange/csvwriter.h"
#include "core/exchange/exporter.h"
#include "core/exchange/exportrecorder.h"
#include "core/storage/registry.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimeZone>

#include <cstring>
#include <memory>

namespace fieldledger::testing::exports {

using namespace Qt::StringLiterals;
using namespace fieldledger::core;

SecretBytes secret(const char *text)
{
    return SecretBytes(text, std::strlen(text));
}

// A registry with an open ledger in a temporary folder, acting as its administrator.
class Fixture {
public:
    Fixture()
        : m_clock(QDateTime(QDate(2026, 11, 30), QTime(12, 0), QTimeZone::utc()))
        , m_ids(u"id-"_s)
    {
        qputenv("FIELDLEDGER_TEST_FAST_KDF", "1");
        m_path = m_dir.filePath(u"registry.fieldledger"_s);
        Registry::CreateOptions options;
        options.name = u"Export test"_s;
        options.adminId = u"admin"_s;
        auto created = Registry::create(m_path, options, secret("admin passphrase"), m_clock);
        if (!created)
            qFatal("cannot create a registry: %s", qPrintable(created.error().message));
        m_registry = std::move(created->registry);
        fastDisk();
        openLedger();
    }

    // Tests need no durability: skip the fsync of every transaction.
    void fastDisk()
    {
        QSqlQuery query(m_registry->database());
        query.exec(u"PRAGMA synchronous = OFF"_s);
    }

    void openLedger()
    {
        auto ledger = Ledger::open(*m_registry, Ledger::Options{&m_clock, &m_ids});
        if (!ledger)
            qFatal("cannot open the ledger: %s", qPrintable(ledger.error().message));
        m_ledger = std::move(*ledger);
    }
    void close()
    {
        m_ledger.reset();
        m_registry.reset();
    }
    void reopenAs(const QString &user, const char *passphrase)
    {
        close();
        auto registry = Registry::open(m_path, user, secret(passphrase));
        if (!registry)
            qFatal("cannot reopen: %s", qPrintable(registry.error().message));
        m_registry = std::move(*registry);
        fastDisk();
        openLedger();
    }

    Ledger &ledger() { return *m_ledger; }
    Registry &registry() { return *m_registry; }
    const Clock &clock() const { return m_clock; }
    const QString &path() const { return m_path; }
    QString folder() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock;
    SequentialIdGenerator m_ids;
    std::unique_ptr<Registry> m_registry;
    std::unique_ptr<Ledger> m_ledger;
};

Command command(const QString &type, const QString &entityGuid, const QJsonObject &data,
                const QString &timestamp, const QString &reason = {})
{
    Command c;
    c.type = type;
    c.entityGuid = entityGuid;
    c.data = data;
    c.timestamp = timestamp;
    if (!reason.isEmpty())
        c.context = QJsonObject{{u"reason"_s, reason}};
    return c;
}

// Households with values that break naive CSV: quotes, commas, line breaks, accents, Arabic,
// text that spreadsheets would run as formulas, numbers, dates, nested JSON, null.
std::vector<Command> sampleCommands()
{
    const QJsonArray members1{
        QJsonObject{
            {u"guid"_s, u"p-1"_s}, {u"name"_s, u"Zoë"_s}, {u"age"_s, 34}, {u"relationship"_s, u"head"_s}},
        QJsonObject{{u"guid"_s, u"p-2"_s},
                    {u"name"_s, u"=HYPERLINK(\"http://evil.example\",\"x\")"_s},
                    {u"age"_s, 36.5},
                    {u"relationship"_s, u"spouse"_s}}};
    const QJsonArray members2{
        QJsonObject{{u"guid"_s, u"p-3"_s},
                    {u"name"_s, u"Amélie ; Ørsted"_s},
                    {u"relationship"_s, u"head"_s},
                    {u"dob"_s, u"1990-05-01"_s}},
        QJsonObject{
            {u"guid"_s, u"p-4"_s}, {u"name"_s, u"Omar"_s}, {u"relationship"_s, u"child"_s}, {u"age"_s, 4}}};
    return {
        command(u"create-group"_s, u"hh-1"_s,
                {{u"name"_s, u"Smith, \"Jr\""_s},
                 {u"village"_s, u"Kalo"_s},
                 {u"notes"_s, u"line one\nline two\r\nline three"_s},
                 {u"income"_s, 1234.5},
                 {u"headId"_s, u"p-1"_s},
                 {u"members"_s, members1}},
                u"2026-11-01T08:00:00.000Z"_s),
        command(u"create-group"_s, u"hh-2"_s,
                {{u"name"_s, u"بيت العائلة"_s},
                 {u"village"_s, u"Kalo"_s},
                 {u"comment"_s, u"-2+3"_s},
                 {u"handle"_s, u"@SUM(A1)"_s},
                 {u"tabbed"_s, u"\tTab"_s},
                 {u"members"_s, members2}},
                u"2026-11-02T09:00:00.000Z"_s),
        command(u"create-group"_s, u"hh-3"_s,
                {{u"name"_s, u"  padded  "_s},
                 {u"village"_s, u"Mbale"_s},
                 {u"registered"_s, true},
                 {u"extra"_s, QJsonObject{{u"a"_s, 1}}},
                 {u"tags"_s, QJsonArray{1, u"two"_s}},
                 {u"nothing"_s, QJsonValue()},
                 {u"version"_s, u"v-field"_s}},
                u"2026-11-03T10:00:00.000Z"_s),
        command(u"update-group"_s, u"hh-1"_s, {{u"village"_s, u"Mbale Town"_s}, {u"income"_s, 2000}},
                u"2026-11-10T08:00:00.000Z"_s, u"data-correction"_s),
        command(u"update-individual"_s, u"p-4"_s, {{u"age"_s, 5}}, u"2026-11-11T08:00:00.000Z"_s),
        command(u"add-member"_s, u"hh-3"_s,
                {{u"members"_s,
                  QJsonArray{QJsonObject{
                      {u"guid"_s, u"p-5"_s}, {u"name"_s, u"+plus"_s}, {u"relationship"_s, u"head"_s}}}}},
                u"2026-11-12T08:00:00.000Z"_s),
        command(u"remove-member"_s, u"hh-2"_s, {{u"memberId"_s, u"p-4"_s}, {u"reason"_s, u"migrated"_s}},
                u"2026-11-13T08:00:00.000Z"_s),
    };
}

// After the sample: a late event (older than events already stored for hh-1) and a deletion.
std::vector<Command> laterCommands()
{
    return {
        command(u"update-group"_s, u"hh-1"_s, {{u"phone"_s, u"555-0101"_s}}, u"2026-11-06T00:00:00.000Z"_s),
        command(u"delete-entity"_s, u"p-2"_s, {}, u"2026-11-15T00:00:00.000Z"_s, u"duplicate"_s)};
}

// The lines of a text, without the empty one after a final newline.
QByteArrayList lines(const QByteArray &bytes)
{
    QByteArrayList out = bytes.split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

// A file's bytes; empty when it cannot be read.
QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace fieldledger::testing::exports
