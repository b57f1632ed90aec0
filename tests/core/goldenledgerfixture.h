#pragma once

// LedgerFixture plus golden folders (tests/data/golden/<case>/events.jsonl) imported as they
// are, and submits a millisecond apart: for the timeline and the supervision views' tests.

#include "core/ledgerfixture.h"

#include <QDir>
#include <QFile>

#include <vector>

namespace fieldledger::testing {

inline QString goldenFolder(const QString &name)
{
    return QStringLiteral(FIELDLEDGER_TEST_DATA "/golden/") + name;
}

// Every golden case (folder names, sorted).
inline QStringList goldenCases()
{
    return QDir(QStringLiteral(FIELDLEDGER_TEST_DATA "/golden"))
        .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

// The non-empty lines of a JSON Lines file.
inline QList<QByteArray> jsonLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<QByteArray> lines;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line);
    }
    return lines;
}

inline std::vector<core::Event> goldenEvents(const QString &name)
{
    std::vector<core::Event> events;
    for (const QByteArray &line : jsonLines(goldenFolder(name) + QStringLiteral("/events.jsonl"))) {
        auto event = core::Event::fromJson(line);
        if (!event)
            qFatal("golden %s: %s", qPrintable(name), qPrintable(event.error().message));
        events.push_back(*event);
    }
    return events;
}

class GoldenLedgerFixture : public LedgerFixture {
public:
    // Imports a golden case's events, in its log order (one event per import, so each gets the
    // sequence its line number says).
    void importGolden(const QString &name)
    {
        for (const core::Event &event : goldenEvents(name)) {
            auto imported = ledger().importEvents({event});
            if (!imported)
                qFatal("import %s: %s", qPrintable(event.guid), qPrintable(imported.error().message));
        }
    }

    // Imports one event from elsewhere: not refused as a command made here would be (EVENTS.md
    // §3), so it can make anomalies.
    void import(const core::Event &event)
    {
        auto imported = ledger().importEvents({event});
        if (!imported)
            qFatal("import %s: %s", qPrintable(event.guid), qPrintable(imported.error().message));
    }

    // Submits as the current user, a millisecond after the previous event.
    core::Event submit(const core::Command &c)
    {
        clock().advanceMs(1);
        auto submitted = ledger().submit(c);
        if (!submitted)
            qFatal("submit %s failed: %s", qPrintable(c.type), qPrintable(submitted.error().message));
        return *submitted;
    }
};

} // namespace fieldledger::testing
