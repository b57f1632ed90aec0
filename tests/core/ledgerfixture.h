#pragma once

// A registry with an open ledger in a temporary folder, for tests of the core over SQL.

#include "core/common/clock.h"
#include "core/domain/ledger.h"
#include "core/storage/keyvault.h"
#include "core/storage/registry.h"

#include <QByteArrayList>
#include <QDir>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

// Checks a Result/Status; on failure reports its error message (evaluated only then).
#define FL_VERIFY_OK(expression)                                                                             \
    do {                                                                                                     \
        const auto &flResult_ = (expression);                                                                \
        if (!flResult_)                                                                                      \
            QFAIL(qPrintable(QStringLiteral(#expression ": ") + flResult_.error().message));                 \
    } while (false)

namespace fieldledger::testing {

inline core::SecretBytes secret(const char *text)
{
    return core::SecretBytes(text, std::strlen(text));
}

class LedgerFixture {
public:
    explicit LedgerFixture(bool fastDisk = true)
        : m_clock(QDateTime(QDate(2026, 11, 26), QTime(12, 0), QTimeZone::utc()))
        , m_ids(QStringLiteral("id-"))
    {
        qputenv("FIELDLEDGER_TEST_FAST_KDF", "1");
        m_path = m_dir.filePath(QStringLiteral("registry.fieldledger"));
        core::Registry::CreateOptions options;
        options.name = QStringLiteral("Test registry");
        options.adminId = QStringLiteral("admin");
        auto created = core::Registry::create(m_path, options, secret("admin passphrase"), m_clock);
        if (!created)
            qFatal("cannot create a registry: %s", qPrintable(created.error().message));
        m_registry = std::move(created->registry);
        m_recoveryKey = created->recoveryKey;
        if (fastDisk) {
            QSqlQuery query(m_registry->database());
            query.exec(QStringLiteral("PRAGMA synchronous = OFF"));
        }
        openLedger();
    }

    void openLedger()
    {
        auto ledger = core::Ledger::open(*m_registry, core::Ledger::Options{&m_clock, &m_ids});
        if (!ledger)
            qFatal("cannot open the ledger: %s", qPrintable(ledger.error().message));
        m_ledger = std::move(*ledger);
    }

    // Closes and reopens the registry as `user`.
    void reopenAs(const QString &user, const char *passphrase)
    {
        m_ledger.reset();
        m_registry.reset();
        auto registry = core::Registry::open(m_path, user, secret(passphrase));
        if (!registry)
            qFatal("cannot reopen: %s", qPrintable(registry.error().message));
        m_registry = std::move(*registry);
        openLedger();
    }

    // Empties the log and every projection, as if the registry were new (property tests).
    void reset()
    {
        m_ledger.reset();
        QSqlQuery query(m_registry->database());
        for (const char *table :
             {"events", "log_nodes", "entities", "memberships", "effects", "anomalies", "checkpoints"})
            query.exec(QStringLiteral("DELETE FROM ") + QLatin1StringView(table));
        (void)m_registry->vault().setCheckpoint({});
        openLedger();
    }

    [[nodiscard]] QByteArrayList entities(bool includeDeleted = true) const
    {
        QByteArrayList out;
        auto ok = m_ledger->forEachEntity(std::nullopt, includeDeleted, [&](const core::Entity &e) {
            out.append(e.canonicalJson());
            return true;
        });
        if (!ok)
            qFatal("cannot list entities: %s", qPrintable(ok.error().message));
        return out;
    }

    core::Ledger &ledger() { return *m_ledger; }
    core::Registry &registry() { return *m_registry; }
    core::ManualClock &clock() { return m_clock; }
    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] const QString &recoveryKey() const { return m_recoveryKey; }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_recoveryKey;
    core::ManualClock m_clock;
    core::SequentialIdGenerator m_ids;
    std::unique_ptr<core::Registry> m_registry;
    std::unique_ptr<core::Ledger> m_ledger;
};

inline core::Command command(const QString &type, const QString &entityGuid, const QJsonObject &data,
                             const QString &timestamp = {})
{
    core::Command c;
    c.type = type;
    c.entityGuid = entityGuid;
    c.data = data;
    c.timestamp = timestamp;
    return c;
}

} // namespace fieldledger::testing
