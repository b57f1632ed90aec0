#pragma once

// Runs fieldledger-cli as a separate process, the way scripts do (CLI.md).

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace fieldledger::testing {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QJsonObject json() const
    {
        return QJsonDocument::fromJson(out.split('\n').value(0)).object();
    }
    [[nodiscard]] QList<QByteArray> lines() const
    {
        QList<QByteArray> result = out.split('\n');
        if (!result.isEmpty() && result.last().isEmpty())
            result.removeLast();
        return result;
    }
};

class Cli {
public:
    explicit Cli(QString databasePath)
        : m_db(std::move(databasePath))
    {
    }

    void setPassphrase(const QByteArray &passphrase) { m_passphrase = passphrase; }
    void setUser(const QString &user) { m_user = user; }

    [[nodiscard]] QProcess *start(const QStringList &args) const
    {
        auto *process = new QProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FIELDLEDGER_TEST_FAST_KDF"), QStringLiteral("1"));
        env.insert(QStringLiteral("FIELDLEDGER_PASSPHRASE"), QString::fromUtf8(m_passphrase));
        env.insert(QStringLiteral("FIELDLEDGER_USER"), m_user);
        process->setProcessEnvironment(env);
        process->setStandardInputFile(QProcess::nullDevice());
        process->start(QStringLiteral(FIELDLEDGER_CLI_PATH),
                       QStringList{QStringLiteral("--db"), m_db} + args);
        return process;
    }

    [[nodiscard]] CliResult run(const QStringList &args, const QByteArray &input = {}) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FIELDLEDGER_TEST_FAST_KDF"), QStringLiteral("1"));
        env.insert(QStringLiteral("FIELDLEDGER_PASSPHRASE"), QString::fromUtf8(m_passphrase));
        env.insert(QStringLiteral("FIELDLEDGER_USER"), m_user);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(FIELDLEDGER_CLI_PATH), QStringList{QStringLiteral("--db"), m_db} + args);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(120000);
        return CliResult{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                         process.readAllStandardOutput(), process.readAllStandardError()};
    }

    [[nodiscard]] const QString &db() const { return m_db; }

private:
    QString m_db;
    QByteArray m_passphrase = "integration passphrase";
    QString m_user = QStringLiteral("admin");
};

// SHA-256 of every file in a folder (name -> hash), to prove nothing changed.
inline QMap<QString, QByteArray> folderHashes(const QString &folder)
{
    QMap<QString, QByteArray> hashes;
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden)) {
        if (name.endsWith(QStringLiteral(".lock")))
            continue;
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            hashes.insert(name, QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return hashes;
}

} // namespace fieldledger::testing
