#include "core/storage/atomicfile.h"
#include "core/storage/keyvault.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <memory>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using fieldledger::core::AtomicFile;
using fieldledger::core::ErrorCode;
using fieldledger::core::KdfParams;
using fieldledger::core::KeyVault;
using fieldledger::core::SecretBytes;

namespace fieldledger::core {
// Lets QCOMPARE print error codes.
char *toString(ErrorCode code)
{
    return qstrdup(QByteArray::number(static_cast<int>(code)).constData());
}
} // namespace fieldledger::core

namespace {

const char alicePassphrase[] = "correct horse battery staple";
const char bobPassphrase[] = "Tr0ub4dor&3 but longer";
const auto registryId = u"reg-0001"_s;
const auto slotFileName = u"registry.fieldledger.keys"_s;

SecretBytes secret(const char *text)
{
    return SecretBytes(text, std::strlen(text));
}

QByteArray bytesOf(const SecretBytes &value)
{
    return QByteArray(value.data(), static_cast<qsizetype>(value.size()));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QByteArray digestOf(const QString &path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256);
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

void writeJson(const QString &path, const QJsonObject &root)
{
    writeAll(path, QJsonDocument(root).toJson(QJsonDocument::Indented));
}

template<typename R>
QByteArray why(const R &result)
{
    return result ? QByteArray("ok") : result.error().message.toUtf8();
}

// Sets (or with no value, removes) the member at a '/'-separated path such as "slots/0/kdf/salt".
QJsonValue edited(const QJsonValue &node, QStringList path, const std::optional<QJsonValue> &value)
{
    const QString step = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const auto index = step.toInt();
        if (path.isEmpty()) {
            if (value)
                array[index] = *value;
            else
                array.removeAt(index);
        } else {
            array[index] = edited(array.at(index), path, value);
        }
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty()) {
        if (value)
            object.insert(step, *value);
        else
            object.remove(step);
    } else {
        object.insert(step, edited(object.value(step), path, value));
    }
    return object;
}

QJsonObject edited(const QJsonObject &root, const QString &path, const std::optional<QJsonValue> &value)
{
    return edited(QJsonValue(root), path.split(u'/'), value).toObject();
}

QByteArray flipFirstByte(const QString &base64)
{
    QByteArray raw = QByteArray::fromBase64(base64.toLatin1());
    raw[0] = static_cast<char>(raw.at(0) ^ 0x01);
    return raw.toBase64();
}

} // namespace

class TestKeyVault final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_templateDir;
    QString m_templatePath;
    SecretBytes m_dataKey;
    SecretBytes m_recoveryKey;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;

    // A fresh copy of the vault made once in initTestCase (alice + recovery), in this test's folder.
    KeyVault loadCopy()
    {
        auto vault = KeyVault::load(m_path);
        if (!vault)
            qFatal("cannot load the copied vault: %s", qPrintable(vault.error().message));
        return std::move(*vault);
    }

    QStringList folderEntries() const
    {
        return QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }

private slots:
    void initTestCase()
    {
        qputenv("FIELDLEDGER_TEST_FAST_KDF", "1");
        QVERIFY(m_templateDir.isValid());
        m_templatePath = m_templateDir.filePath(slotFileName);
        auto created = KeyVault::create(m_templatePath, registryId, u"alice"_s, secret(alicePassphrase),
                                        KeyVault::tune());
        QVERIFY2(created, why(created).constData());
        m_dataKey = std::move(created->dataKey);
        m_recoveryKey = std::move(created->recoveryKey);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(slotFileName);
        QVERIFY(QFile::copy(m_templatePath, m_path));
        QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner));
    }

    void cleanup() { m_dir.reset(); }

    // ---- creating and unlocking ------------------------------------------------------------

    void slotFilePathFor_appendsKeysSuffix()
    {
        QCOMPARE(KeyVault::slotFilePathFor(u"/data/registry.fieldledger"_s),
                 u"/data/registry.fieldledger.keys"_s);
    }

    void tune_withFastEnvironment_returnsMinimumMemoryAndOnePass()
    {
        const KdfParams params = KeyVault::tune(500);
        QVERIFY(params.memoryKiB >= 65536);
        QCOMPARE(params.iterations, 1U);
        QCOMPARE(params.parallelism, 1U);
    }

    void create_thenUnlock_returnsTheDataKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(slotFileName);
        auto created =
            KeyVault::create(path, u"reg-new"_s, u"alice"_s, secret(alicePassphrase), KeyVault::tune());
        QVERIFY2(created, why(created).constData());
        QCOMPARE(created->dataKey.size(), KeyVault::dataKeySize);
        QVERIFY(!(created->dataKey == m_dataKey)); // a fresh random key per registry

        QCOMPARE(created->vault.userIds(), QStringList{u"alice"_s});

        auto loaded = KeyVault::load(path);
        QVERIFY2(loaded, why(loaded).constData());
        QCOMPARE(loaded->registryId(), u"reg-new"_s);
        QCOMPARE(loaded->userIds(), QStringList{u"alice"_s});
        QVERIFY(loaded->hasRecoverySlot());
        QCOMPARE(loaded->params(u"alice"_s), std::optional(KdfParams{65536, 1, 1}));
        QVERIFY(loaded->checkpoint().isEmpty());
        const auto fromLoaded = loaded->unlock(u"alice"_s, secret(alicePassphrase));
        QVERIFY2(fromLoaded, why(fromLoaded).constData());
        QVERIFY(*fromLoaded == created->dataKey);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{slotFileName});
    }

    void create_writesTheDocumentedFormat()
    {
        const QJsonObject root = readJson(m_templatePath);
        QCOMPARE(root.value(u"format"_s).toString(), u"fieldledger-keyslots"_s);
        QCOMPARE(root.value(u"formatVersion"_s).toInteger(), 1);
        QCOMPARE(root.value(u"registryId"_s).toString(), registryId);
        QCOMPARE(QByteArray::fromBase64(root.value(u"keyCheck"_s).toString().toLatin1()).size(), 32);
        const QJsonArray slotArray = root.value(u"slots"_s).toArray();
        QCOMPARE(slotArray.size(), 2);
        const QJsonObject user = slotArray.at(0).toObject();
        QCOMPARE(user.value(u"id"_s).toString(), u"user:alice"_s);
        QCOMPARE(user.value(u"kind"_s).toString(), u"user"_s);
        QCOMPARE(user.value(u"userId"_s).toString(), u"alice"_s);
        const QJsonObject kdf = user.value(u"kdf"_s).toObject();
        QCOMPARE(kdf.value(u"algorithm"_s).toString(), u"argon2id"_s);
        QCOMPARE(kdf.value(u"memoryKiB"_s).toInteger(), 65536);
        QVERIFY(QByteArray::fromBase64(kdf.value(u"salt"_s).toString().toLatin1()).size() >= 16);
        const QJsonObject wrap = user.value(u"wrap"_s).toObject();
        QCOMPARE(wrap.value(u"algorithm"_s).toString(), u"aes-256-gcm"_s);
        QCOMPARE(QByteArray::fromBase64(wrap.value(u"nonce"_s).toString().toLatin1()).size(), 12);
        QCOMPARE(QByteArray::fromBase64(wrap.value(u"ciphertext"_s).toString().toLatin1()).size(), 32);
        QCOMPARE(QByteArray::fromBase64(wrap.value(u"tag"_s).toString().toLatin1()).size(), 16);
        const QJsonObject recovery = slotArray.at(1).toObject();
        QCOMPARE(recovery.value(u"id"_s).toString(), u"recovery"_s);
        QCOMPARE(recovery.value(u"kind"_s).toString(), u"recovery"_s);
        // The two slots use independent salts.
        QVERIFY(kdf.value(u"salt"_s) != recovery.value(u"kdf"_s).toObject().value(u"salt"_s));

        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(m_templatePath).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600U);
    }

    void create_refusesAnExistingFile()
    {
        const QByteArray before = digestOf(m_path);
        const auto created =
            KeyVault::create(m_path, u"reg-other"_s, u"mallory"_s, secret("whatever"), KeyVault::tune());
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::Conflict);
        QVERIFY2(created.error().message.contains(m_path), why(created).constData());
        QCOMPARE(digestOf(m_path), before);
    }

    void create_rejectsBadArguments_data()
    {
        QTest::addColumn<QString>("registry");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<quint32>("memoryKiB");
        QTest::addColumn<quint32>("iterations");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty registry id")
            << QString() << u"alice"_s << QByteArray("pw") << 65536U << 1U << u"registry id is empty"_s;
        QTest::newRow("empty user id")
            << registryId << QString() << QByteArray("pw") << 65536U << 1U << u"user id is empty"_s;
        QTest::newRow("user id with spaces around")
            << registryId << u" alice"_s << QByteArray("pw") << 65536U << 1U << u"white space"_s;
        QTest::newRow("user id with control char")
            << registryId << u"al\nice"_s << QByteArray("pw") << 65536U << 1U << u"control character"_s;
        QTest::newRow("empty passphrase") << registryId << u"alice"_s << QByteArray() << 65536U << 1U
                                          << u"passphrase for user 'alice' is empty"_s;
        QTest::newRow("memory below 64 MiB")
            << registryId << u"alice"_s << QByteArray("pw") << 32768U << 1U << u"below the minimum"_s;
        QTest::newRow("zero iterations")
            << registryId << u"alice"_s << QByteArray("pw") << 65536U << 0U << u"iterations 0"_s;
    }

    void create_rejectsBadArguments()
    {
        QFETCH(QString, registry);
        QFETCH(QString, user);
        QFETCH(QByteArray, passphrase);
        QFETCH(quint32, memoryKiB);
        QFETCH(quint32, iterations);
        QFETCH(QString, fragment);
        const QString path = m_dir->filePath(u"new.keys"_s);
        const auto created = KeyVault::create(path, registry, user, SecretBytes::takeFrom(passphrase),
                                              KdfParams{memoryKiB, iterations, 1});
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(created.error().message.contains(fragment), why(created).constData());
        QVERIFY(!QFile::exists(path));
    }

    void create_inMissingFolder_reportsNotFoundAndLeavesNothing()
    {
        const QString path = m_dir->filePath(u"no/such/folder/x.keys"_s);
        const auto created = KeyVault::create(path, registryId, u"alice"_s, secret("pw"), KeyVault::tune());
        QVERIFY(!created);
        QCOMPARE(created.error().code, ErrorCode::NotFound);
        QVERIFY2(created.error().message.contains(path), why(created).constData());
        QCOMPARE(folderEntries(), QStringList{slotFileName});
    }

    void unlock_withWrongPassphrase_reportsWrongSecretAndWritesNothing()
    {
        const KeyVault vault = loadCopy();
        const QByteArray before = digestOf(m_path);
        const auto unlocked = vault.unlock(u"alice"_s, secret("correct horse battery stapler"));
        QVERIFY(!unlocked);
        QCOMPARE(unlocked.error().code, ErrorCode::WrongSecret);
        QCOMPARE(unlocked.error().message, u"wrong passphrase for user 'alice'"_s);
        QCOMPARE(digestOf(m_path), before);
        QCOMPARE(folderEntries(), QStringList{slotFileName});
    }

    void unlock_withEmptyPassphrase_reportsWrongSecret()
    {
        const auto unlocked = loadCopy().unlock(u"alice"_s, SecretBytes());
        QVERIFY(!unlocked);
        QCOMPARE(unlocked.error().code, ErrorCode::WrongSecret);
    }

    void unlock_unknownUser_reportsNotFound()
    {
        const auto unlocked = loadCopy().unlock(u"carol"_s, secret(alicePassphrase));
        QVERIFY(!unlocked);
        QCOMPARE(unlocked.error().code, ErrorCode::NotFound);
        QVERIFY2(unlocked.error().message.contains(u"'carol'"_s), why(unlocked).constData());
        QVERIFY(!loadCopy().params(u"carol"_s).has_value());
    }

    void unlockWithRecoveryKey_ignoresCaseDashesAndLookalikes_data()
    {
        QTest::addColumn<QByteArray>("typed");
        const QByteArray shown = bytesOf(m_recoveryKey);
        QCOMPARE(shown.size(), 47); // 8 groups of 5, 7 dashes
        QCOMPARE(shown.count('-'), 7);
        QByteArray lookalikes = shown.toLower();
        lookalikes.replace('0', 'o').replace('1', 'l');
        QTest::newRow("as shown") << shown;
        QTest::newRow("no dashes") << QByteArray(shown).replace('-', "");
        QTest::newRow("spaces for dashes, mixed case")
            << QByteArray(shown).replace('-', ' ').left(20).toLower() +
                   QByteArray(shown).replace('-', ' ').mid(20);
        QTest::newRow("lower case, o for zero, l for one") << lookalikes;
    }

    void unlockWithRecoveryKey_ignoresCaseDashesAndLookalikes()
    {
        QFETCH(QByteArray, typed);
        const KeyVault vault = loadCopy();
        const auto unlocked = vault.unlockWithRecoveryKey(SecretBytes::takeFrom(typed));
        QVERIFY2(unlocked, why(unlocked).constData());
        QVERIFY(*unlocked == m_dataKey);
    }

    void unlockWithRecoveryKey_wrongKey_reportsWrongSecretAndWritesNothing_data()
    {
        QTest::addColumn<QByteArray>("typed");
        QTest::addColumn<QString>("fragment");
        QByteArray otherKey = bytesOf(m_recoveryKey);
        otherKey[0] = otherKey.at(0) == 'A' ? 'B' : 'A';
        QTest::newRow("well formed, different") << otherKey << u"wrong recovery key for registry"_s;
        QTest::newRow("one character short") << bytesOf(m_recoveryKey).chopped(1) << u"has 39 characters"_s;
        QTest::newRow("one character long") << bytesOf(m_recoveryKey) + "X" << u"has 41 characters"_s;
        QTest::newRow("letter U") << QByteArray(bytesOf(m_recoveryKey)).replace(1, 1, "U")
                                  << u"character that no recovery key has"_s;
        QTest::newRow("punctuation") << QByteArray(bytesOf(m_recoveryKey)).replace(2, 1, "!")
                                     << u"character that no recovery key has"_s;
        QTest::newRow("empty") << QByteArray() << u"has 0 characters"_s;
    }

    void unlockWithRecoveryKey_wrongKey_reportsWrongSecretAndWritesNothing()
    {
        QFETCH(QByteArray, typed);
        QFETCH(QString, fragment);
        const KeyVault vault = loadCopy();
        const QByteArray before = digestOf(m_path);
        const auto unlocked = vault.unlockWithRecoveryKey(SecretBytes::takeFrom(typed));
        QVERIFY(!unlocked);
        QCOMPARE(unlocked.error().code, ErrorCode::WrongSecret);
        QVERIFY2(unlocked.error().message.contains(fragment), why(unlocked).constData());
        QVERIFY(!unlocked.error().message.contains(QString::fromLatin1(bytesOf(m_recoveryKey))));
        QCOMPARE(digestOf(m_path), before);
        QCOMPARE(folderEntries(), QStringList{slotFileName});
    }

    // ---- managing users ----------------------------------------------------------------------

    void addUser_thenBothUsersUnlockToTheSameDataKey()
    {
        KeyVault vault = loadCopy();
        const auto added = vault.addUser(u"bob"_s, m_dataKey, secret(bobPassphrase), KeyVault::tune());
        QVERIFY2(added, why(added).constData());
        QCOMPARE(vault.userIds(), (QStringList{u"alice"_s, u"bob"_s}));

        auto reloaded = KeyVault::load(m_path);
        QVERIFY2(reloaded, why(reloaded).constData());
        QCOMPARE(reloaded->userIds(), (QStringList{u"alice"_s, u"bob"_s}));
        const auto alice = reloaded->unlock(u"alice"_s, secret(alicePassphrase));
        const auto bob = reloaded->unlock(u"bob"_s, secret(bobPassphrase));
        QVERIFY2(alice, why(alice).constData());
        QVERIFY2(bob, why(bob).constData());
        QVERIFY(*alice == m_dataKey);
        QVERIFY(*bob == m_dataKey);
        // Each passphrase opens only its own slot.
        QCOMPARE(reloaded->unlock(u"bob"_s, secret(alicePassphrase)).error().code, ErrorCode::WrongSecret);
        QCOMPARE(folderEntries(), QStringList{slotFileName});
    }

    void addUser_refusesBadRequestsAndWritesNothing_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<bool>("rightDataKey");
        QTest::addColumn<quint32>("memoryKiB");
        QTest::addColumn<int>("code");
        QTest::newRow("duplicate user") << u"alice"_s << true << 65536U << int(ErrorCode::Conflict);
        QTest::newRow("wrong data key") << u"bob"_s << false << 65536U << int(ErrorCode::WrongSecret);
        QTest::newRow("weak parameters") << u"bob"_s << true << 1024U << int(ErrorCode::InvalidArgument);
        QTest::newRow("empty user id") << QString() << true << 65536U << int(ErrorCode::InvalidArgument);
    }

    void addUser_refusesBadRequestsAndWritesNothing()
    {
        QFETCH(QString, user);
        QFETCH(bool, rightDataKey);
        QFETCH(quint32, memoryKiB);
        QFETCH(int, code);
        KeyVault vault = loadCopy();
        const QByteArray before = digestOf(m_path);
        SecretBytes dataKey = m_dataKey.clone();
        if (!rightDataKey)
            dataKey.bytes()[0] ^= 0x01;
        const auto added = vault.addUser(user, dataKey, secret(bobPassphrase), KdfParams{memoryKiB, 1, 1});
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode(code));
        QCOMPARE(vault.userIds(), QStringList{u"alice"_s});
        QCOMPARE(digestOf(m_path), before);
    }

    void removeUser_removesOnlyThatSlot()
    {
        KeyVault vault = loadCopy();
        QVERIFY(vault.addUser(u"bob"_s, m_dataKey, secret(bobPassphrase), KeyVault::tune()));
        const auto removed = vault.removeUser(u"alice"_s);
        QVERIFY2(removed, why(removed).constData());
        QCOMPARE(vault.userIds(), QStringList{u"bob"_s});

        auto reloaded = KeyVault::load(m_path);
        QVERIFY2(reloaded, why(reloaded).constData());
        QCOMPARE(reloaded->userIds(), QStringList{u"bob"_s});
        QVERIFY(reloaded->hasRecoverySlot());
        QCOMPARE(reloaded->unlock(u"alice"_s, secret(alicePassphrase)).error().code, ErrorCode::NotFound);
        const auto bob = reloaded->unlock(u"bob"_s, secret(bobPassphrase));
        QVERIFY2(bob, why(bob).constData());
        QVERIFY(*bob == m_dataKey);
    }

    void removeUser_refusesTheLastUserSlot()
    {
        KeyVault vault = loadCopy();
        const QByteArray before = digestOf(m_path);
        const auto removed = vault.removeUser(u"alice"_s);
        QVERIFY(!removed);
        QCOMPARE(removed.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(removed.error().message.contains(u"last user slot"_s), why(removed).constData());
        QCOMPARE(vault.userIds(), QStringList{u"alice"_s});
        QCOMPARE(digestOf(m_path), before);
    }

    void removeUser_unknownUser_reportsNotFound()
    {
        KeyVault vault = loadCopy();
        const QByteArray before = digestOf(m_path);
        QCOMPARE(vault.removeUser(u"carol"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(digestOf(m_path), before);
    }

    void changePassphrase_oldStopsWorkingNewWorks()
    {
        KeyVault vault = loadCopy();
        const auto changed =
            vault.changePassphrase(u"alice"_s, secret(alicePassphrase), secret("new passphrase"));
        QVERIFY2(changed, why(changed).constData());

        auto reloaded = KeyVault::load(m_path);
        QVERIFY2(reloaded, why(reloaded).constData());
        QCOMPARE(reloaded->unlock(u"alice"_s, secret(alicePassphrase)).error().code, ErrorCode::WrongSecret);
        const auto unlocked = reloaded->unlock(u"alice"_s, secret("new passphrase"));
        QVERIFY2(unlocked, why(unlocked).constData());
        QVERIFY(*unlocked == m_dataKey);
        QCOMPARE(readJson(m_path).value(u"slots"_s).toArray().at(1),
                 readJson(m_templatePath).value(u"slots"_s).toArray().at(1));
    }

    void changePassphrase_withNewParams_storesThem()
    {
        KeyVault vault = loadCopy();
        const KdfParams stronger{65536, 2, 1};
        QVERIFY(vault.changePassphrase(u"alice"_s, secret(alicePassphrase), secret("new"), stronger));
        auto reloaded = KeyVault::load(m_path);
        QVERIFY2(reloaded, why(reloaded).constData());
        QCOMPARE(reloaded->params(u"alice"_s), std::optional(stronger));
        QVERIFY(reloaded->unlock(u"alice"_s, secret("new")).has_value());
    }

    void changePassphrase_withWrongOldPassphrase_reportsWrongSecretAndWritesNothing()
    {
        KeyVault vault = loadCopy();
        const QByteArray before = digestOf(m_path);
        const auto changed = vault.changePassphrase(u"alice"_s, secret("guess"), secret("new passphrase"));
        QVERIFY(!changed);
        QCOMPARE(changed.error().code, ErrorCode::WrongSecret);
        QCOMPARE(changed.error().message, u"wrong passphrase for user 'alice'"_s);
        QCOMPARE(digestOf(m_path), before);
    }

    void changePassphrase_toEmpty_isRefused()
    {
        KeyVault vault = loadCopy();
        const QByteArray before = digestOf(m_path);
        QCOMPARE(vault.changePassphrase(u"alice"_s, secret(alicePassphrase), SecretBytes()).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(digestOf(m_path), before);
    }

    void resetPassphraseWithDataKey_setsANewPassphrase()
    {
        KeyVault vault = loadCopy();
        const auto reset = vault.resetPassphraseWithDataKey(u"alice"_s, m_dataKey, secret("reset by admin"));
        QVERIFY2(reset, why(reset).constData());
        auto reloaded = KeyVault::load(m_path);
        QVERIFY2(reloaded, why(reloaded).constData());
        QCOMPARE(reloaded->unlock(u"alice"_s, secret(alicePassphrase)).error().code, ErrorCode::WrongSecret);
        const auto unlocked = reloaded->unlock(u"alice"_s, secret("reset by admin"));
        QVERIFY2(unlocked, why(unlocked).constData());
        QVERIFY(*unlocked == m_dataKey);
    }

    void resetPassphraseWithDataKey_wrongDataKey_reportsWrongSecretAndWritesNothing()
    {
        KeyVault vault = loadCopy();
        const QByteArray before = digestOf(m_path);
        SecretBytes wrongKey = m_dataKey.clone();
        wrongKey.bytes()[31] ^= 0x80;
        const auto reset = vault.resetPassphraseWithDataKey(u"alice"_s, wrongKey, secret("x"));
        QVERIFY(!reset);
        QCOMPARE(reset.error().code, ErrorCode::WrongSecret);
        QCOMPARE(vault.resetPassphraseWithDataKey(u"carol"_s, m_dataKey, secret("x")).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(digestOf(m_path), before);
    }

    void replaceRecoveryKey_oldKeyStopsWorking()
    {
        KeyVault vault = loadCopy();
        const auto fresh = vault.replaceRecoveryKey(m_dataKey);
        QVERIFY2(fresh, why(fresh).constData());
        QVERIFY(!(*fresh == m_recoveryKey));
        auto reloaded = KeyVault::load(m_path);
        QVERIFY2(reloaded, why(reloaded).constData());
        QCOMPARE(reloaded->unlockWithRecoveryKey(m_recoveryKey).error().code, ErrorCode::WrongSecret);
        const auto unlocked = reloaded->unlockWithRecoveryKey(*fresh);
        QVERIFY2(unlocked, why(unlocked).constData());
        QVERIFY(*unlocked == m_dataKey);
        QCOMPARE(readJson(m_path).value(u"slots"_s).toArray().size(), 2);
    }

    // ---- damaged files -----------------------------------------------------------------------

    void load_missingFile_reportsNotFoundNamingTheFile()
    {
        const QString path = m_dir->filePath(u"absent.keys"_s);
        const auto loaded = KeyVault::load(path);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, ErrorCode::NotFound);
        QVERIFY2(loaded.error().message.contains(path), why(loaded).constData());
        QVERIFY(!QFile::exists(path));
    }

    void load_unreadableContents_reportsCorruptAndLeavesFile_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("fragment");
        const QByteArray original = readAll(m_templatePath);
        QTest::newRow("empty") << QByteArray() << u"it is empty"_s;
        QTest::newRow("white space") << QByteArray(" \n") << u"it is empty"_s;
        QTest::newRow("truncated to half") << original.left(original.size() / 2) << u"not valid JSON"_s;
        QTest::newRow("truncated by one byte") << original.trimmed().chopped(1) << u"not valid JSON"_s;
        QTest::newRow("garbage") << QByteArray("\x00\x01garbage", 9) << u"not valid JSON"_s;
        QTest::newRow("top-level array") << QByteArray("[1,2,3]") << u"top level is not a JSON object"_s;
    }

    void load_unreadableContents_reportsCorruptAndLeavesFile()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, fragment);
        writeAll(m_path, contents);
        const auto loaded = KeyVault::load(m_path);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, ErrorCode::Corrupt);
        QVERIFY2(loaded.error().message.contains(m_path), why(loaded).constData());
        QVERIFY2(loaded.error().message.contains(fragment), why(loaded).constData());
        QCOMPARE(readAll(m_path), contents);
    }

    void load_invalidField_reportsWhatIsWrong_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("json"); // the new value; empty removes the field
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        const int corrupt = int(ErrorCode::Corrupt);
        const QByteArray firstSlot =
            QJsonDocument(readJson(m_templatePath).value(u"slots"_s).toArray().at(0).toObject())
                .toJson(QJsonDocument::Compact);

        QTest::newRow("format missing") << u"format"_s << QByteArray() << corrupt << u"format is missing"_s;
        QTest::newRow("format foreign") << u"format"_s << QByteArray("\"keepass\"") << corrupt
                                        << u"format is 'keepass', expected 'fieldledger-keyslots'"_s;
        QTest::newRow("version as text")
            << u"formatVersion"_s << QByteArray("\"1\"") << corrupt << u"formatVersion is not an integer"_s;
        QTest::newRow("version zero")
            << u"formatVersion"_s << QByteArray("0") << corrupt << u"formatVersion is 0"_s;
        QTest::newRow("version from the future")
            << u"formatVersion"_s << QByteArray("2") << int(ErrorCode::Unsupported) << u"newer"_s;
        QTest::newRow("registry id missing")
            << u"registryId"_s << QByteArray() << corrupt << u"registryId is missing"_s;
        QTest::newRow("registry id empty")
            << u"registryId"_s << QByteArray("\"\"") << corrupt << u"registryId is empty"_s;
        QTest::newRow("key check not base64")
            << u"keyCheck"_s << QByteArray("\"not base64!\"") << corrupt << u"keyCheck is not valid base64"_s;
        QTest::newRow("key check short")
            << u"keyCheck"_s << QByteArray("\"AAAA\"") << corrupt << u"keyCheck holds 3 bytes, expected 32"_s;
        QTest::newRow("slots not an array")
            << u"slots"_s << QByteArray("{}") << corrupt << u"slots is not an array"_s;
        QTest::newRow("no slots") << u"slots"_s << QByteArray("[]") << corrupt << u"no user slot"_s;
        QTest::newRow("only the recovery slot")
            << u"slots/0"_s << QByteArray() << corrupt << u"no user slot"_s;
        QTest::newRow("slot not an object")
            << u"slots/0"_s << QByteArray("42") << corrupt << u"slots[0] is not an object"_s;
        QTest::newRow("duplicate slot")
            << u"slots/1"_s << firstSlot << corrupt << u"the slot 'user:alice' appears twice"_s;
        QTest::newRow("id not matching user")
            << u"slots/0/id"_s << QByteArray("\"user:bob\"") << corrupt << u"slots[0].id is 'user:bob'"_s;
        QTest::newRow("unknown kind")
            << u"slots/0/kind"_s << QByteArray("\"admin\"") << corrupt << u"slots[0].kind is 'admin'"_s;
        QTest::newRow("user id missing")
            << u"slots/0/userId"_s << QByteArray() << corrupt << u"slots[0].userId is missing"_s;
        QTest::newRow("recovery slot renamed")
            << u"slots/1/id"_s << QByteArray("\"rescue\"") << corrupt << u"slots[1].id is 'rescue'"_s;
        QTest::newRow("kdf missing") << u"slots/0/kdf"_s << QByteArray() << corrupt
                                     << u"slots[0].kdf is missing"_s;
        QTest::newRow("kdf algorithm") << u"slots/0/kdf/algorithm"_s << QByteArray("\"argon2i\"") << corrupt
                                       << u"slots[0].kdf.algorithm is 'argon2i', expected 'argon2id'"_s;
        QTest::newRow("argon2 version")
            << u"slots/0/kdf/version"_s << QByteArray("16") << corrupt << u"slots[0].kdf.version is 16"_s;
        QTest::newRow("memory below 64 MiB")
            << u"slots/1/kdf/memoryKiB"_s << QByteArray("1024") << corrupt << u"below the minimum"_s;
        QTest::newRow("memory fractional") << u"slots/0/kdf/memoryKiB"_s << QByteArray("65536.5") << corrupt
                                           << u"slots[0].kdf.memoryKiB is not an integer"_s;
        QTest::newRow("memory negative") << u"slots/0/kdf/memoryKiB"_s << QByteArray("-1") << corrupt
                                         << u"slots[0].kdf.memoryKiB is out of range"_s;
        QTest::newRow("zero iterations")
            << u"slots/0/kdf/iterations"_s << QByteArray("0") << corrupt << u"iterations 0"_s;
        QTest::newRow("parallelism missing") << u"slots/0/kdf/parallelism"_s << QByteArray() << corrupt
                                             << u"slots[0].kdf.parallelism is missing"_s;
        QTest::newRow("salt short") << u"slots/0/kdf/salt"_s << QByteArray("\"AAAA\"") << corrupt
                                    << u"slots[0].kdf.salt holds 3 bytes, expected 16 to 64"_s;
        QTest::newRow("wrap algorithm") << u"slots/0/wrap/algorithm"_s << QByteArray("\"aes-128-gcm\"")
                                        << corrupt << u"slots[0].wrap.algorithm is 'aes-128-gcm'"_s;
        QTest::newRow("nonce short") << u"slots/0/wrap/nonce"_s << QByteArray("\"AAAA\"") << corrupt
                                     << u"slots[0].wrap.nonce holds 3 bytes, expected 12"_s;
        QTest::newRow("ciphertext missing") << u"slots/0/wrap/ciphertext"_s << QByteArray() << corrupt
                                            << u"slots[0].wrap.ciphertext is missing"_s;
        QTest::newRow("tag wrong type")
            << u"slots/0/wrap/tag"_s << QByteArray("5") << corrupt << u"slots[0].wrap.tag is not a string"_s;
        QTest::newRow("checkpoint wrong type")
            << u"checkpoint"_s << QByteArray("[]") << corrupt << u"checkpoint is not an object"_s;
    }

    void load_invalidField_reportsWhatIsWrong()
    {
        QFETCH(QString, field);
        QFETCH(QByteArray, json);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        std::optional<QJsonValue> value;
        if (!json.isEmpty())
            value = QJsonDocument::fromJson("[" + json + "]").array().at(0);
        writeJson(m_path, edited(readJson(m_path), field, value));
        const QByteArray before = readAll(m_path);

        const auto loaded = KeyVault::load(m_path);
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().code, ErrorCode(code));
        QVERIFY2(loaded.error().message.contains(m_path), why(loaded).constData());
        QVERIFY2(loaded.error().message.contains(fragment), why(loaded).constData());
        QCOMPARE(readAll(m_path), before);
    }

    void unlock_slotWithFlippedByte_failsAndWritesNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("tryRecovery");
        QTest::newRow("ciphertext") << u"slots/0/wrap/ciphertext"_s << true;
        QTest::newRow("tag") << u"slots/0/wrap/tag"_s << false;
        QTest::newRow("nonce") << u"slots/0/wrap/nonce"_s << false;
        QTest::newRow("salt") << u"slots/0/kdf/salt"_s << false;
    }

    void unlock_slotWithFlippedByte_failsAndWritesNothing()
    {
        QFETCH(QString, field);
        QFETCH(bool, tryRecovery);
        const QJsonObject root = readJson(m_path);
        QJsonValue node = root;
        for (const QString &step : field.split(u'/'))
            node = node.isArray() ? node.toArray().at(step.toInt()) : node.toObject().value(step);
        writeJson(m_path, edited(root, field, QString::fromLatin1(flipFirstByte(node.toString()))));
        const QByteArray before = digestOf(m_path);

        auto vault = KeyVault::load(m_path);
        QVERIFY2(vault, why(vault).constData()); // still well formed: only the cryptography notices
        const auto unlocked = vault->unlock(u"alice"_s, secret(alicePassphrase));
        QVERIFY(!unlocked);
        QVERIFY2(unlocked.error().code == ErrorCode::WrongSecret ||
                     unlocked.error().code == ErrorCode::Corrupt,
                 why(unlocked).constData());
        QCOMPARE(digestOf(m_path), before);
        if (tryRecovery) { // the recovery slot is independent of the damaged one
            QVERIFY(vault->unlockWithRecoveryKey(m_recoveryKey).has_value());
            QCOMPARE(digestOf(m_path), before);
        }
    }

    void unlock_slotMovedToAnotherRegistryOrUser_doesNotOpen()
    {
        KeyVault vault = loadCopy();
        QVERIFY(vault.addUser(u"bob"_s, m_dataKey, secret(bobPassphrase), KeyVault::tune()));
        QJsonObject root = readJson(m_path);

        // Same slots under another registry id: the AAD no longer matches.
        writeJson(m_path, edited(root, u"registryId"_s, u"reg-9999"_s));
        auto renamed = KeyVault::load(m_path);
        QVERIFY2(renamed, why(renamed).constData());
        QCOMPARE(renamed->unlock(u"alice"_s, secret(alicePassphrase)).error().code, ErrorCode::WrongSecret);

        // Alice's wrapped key and KDF moved into bob's slot: alice's passphrase does not open it.
        const QJsonArray slotArray = root.value(u"slots"_s).toArray();
        QJsonObject bobSlot = slotArray.at(1).toObject();
        QCOMPARE(bobSlot.value(u"userId"_s).toString(), u"bob"_s);
        bobSlot.insert(u"kdf"_s, slotArray.at(0).toObject().value(u"kdf"_s));
        bobSlot.insert(u"wrap"_s, slotArray.at(0).toObject().value(u"wrap"_s));
        writeJson(m_path, edited(root, u"slots/1"_s, bobSlot));
        auto swapped = KeyVault::load(m_path);
        QVERIFY2(swapped, why(swapped).constData());
        QCOMPARE(swapped->unlock(u"bob"_s, secret(alicePassphrase)).error().code, ErrorCode::WrongSecret);
    }

    void unlock_withMismatchedKeyCheck_reportsCorrupt()
    {
        const QByteArray otherCheck = QByteArray(32, '\x42').toBase64();
        writeJson(m_path, edited(readJson(m_path), u"keyCheck"_s, QString::fromLatin1(otherCheck)));
        const QByteArray before = digestOf(m_path);
        auto vault = KeyVault::load(m_path);
        QVERIFY2(vault, why(vault).constData());
        const auto unlocked = vault->unlock(u"alice"_s, secret(alicePassphrase));
        QVERIFY(!unlocked);
        QCOMPARE(unlocked.error().code, ErrorCode::Corrupt);
        QVERIFY2(unlocked.error().message.contains(m_path), why(unlocked).constData());
        QVERIFY(!vault->isDataKey(m_dataKey));
        QCOMPARE(digestOf(m_path), before);
    }

    // ---- secrets at rest -----------------------------------------------------------------------

    void slotFile_containsNoPlaintextSecret()
    {
        KeyVault vault = loadCopy();
        QVERIFY(vault.addUser(u"bob"_s, m_dataKey, secret(bobPassphrase), KeyVault::tune()));
        QVERIFY(vault.setCheckpoint(QJsonObject{{u"size"_s, 1}}));
        const QByteArray file = readAll(m_path);
        QVERIFY(!file.isEmpty());

        const QByteArray dataKey = bytesOf(m_dataKey);
        const QByteArray recovery = bytesOf(m_recoveryKey);
        const QList<QByteArray> needles{
            dataKey,
            dataKey.toHex(),
            dataKey.toHex().toUpper(),
            dataKey.toBase64(),
            dataKey.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
            dataKey.left(15).toBase64(), // 20 characters: a prefix of the base64 form
            QByteArray(alicePassphrase),
            QByteArray(alicePassphrase).toHex(),
            QByteArray(alicePassphrase).toBase64(QByteArray::OmitTrailingEquals),
            QByteArray(bobPassphrase),
            QByteArray(bobPassphrase).toBase64(QByteArray::OmitTrailingEquals),
            recovery,
            recovery.toLower(),
            QByteArray(recovery).replace('-', ""),
            recovery.left(11), // the first two groups
        };
        for (const QByteArray &needle : needles)
            QVERIFY2(!file.contains(needle), needle.toHex().constData());
    }

    // ---- checkpoint --------------------------------------------------------------------------

    void setCheckpoint_roundTripsAndPreservesSlots()
    {
        KeyVault vault = loadCopy();
        const QJsonObject checkpoint{
            {u"deviceId"_s, u"device-7"_s},
            {u"size"_s, 42},
            {u"root"_s, u"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"_s},
            {u"timestamp"_s, u"2024-05-01T10:00:00Z"_s},
            {u"signature"_s, u"c2lnbmF0dXJl"_s}};
        const auto set = vault.setCheckpoint(checkpoint);
        QVERIFY2(set, why(set).constData());
        QCOMPARE(vault.checkpoint(), checkpoint);

        auto reloaded = KeyVault::load(m_path);
        QVERIFY2(reloaded, why(reloaded).constData());
        QCOMPARE(reloaded->checkpoint(), checkpoint);
        QCOMPARE(reloaded->userIds(), QStringList{u"alice"_s});
        QCOMPARE(readJson(m_path).value(u"slots"_s), readJson(m_templatePath).value(u"slots"_s));
        const auto unlocked = reloaded->unlock(u"alice"_s, secret(alicePassphrase));
        QVERIFY2(unlocked, why(unlocked).constData());
        QVERIFY(*unlocked == m_dataKey);

        // A later slot change keeps the checkpoint; an empty checkpoint removes it.
        QVERIFY(reloaded->addUser(u"bob"_s, m_dataKey, secret(bobPassphrase), KeyVault::tune()));
        QCOMPARE(readJson(m_path).value(u"checkpoint"_s).toObject(), checkpoint);
        QVERIFY(reloaded->setCheckpoint({}));
        QVERIFY(!readJson(m_path).contains(u"checkpoint"_s));
        QCOMPARE(folderEntries(), QStringList{slotFileName});
    }

    void change_afterFileChangedOnDisk_reportsConflictAndKeepsTheOtherWrite()
    {
        KeyVault first = loadCopy();
        KeyVault second = loadCopy();
        QVERIFY(first.setCheckpoint(QJsonObject{{u"size"_s, 1}}));
        const QByteArray afterFirst = readAll(m_path);

        const auto added = second.addUser(u"bob"_s, m_dataKey, secret(bobPassphrase), KeyVault::tune());
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::Conflict);
        QVERIFY2(added.error().message.contains(u"changed on disk"_s), why(added).constData());
        QCOMPARE(readAll(m_path), afterFirst);
        QCOMPARE(second.userIds(), QStringList{u"alice"_s});
    }

    void change_afterFileDamagedOnDisk_neverRewritesIt()
    {
        KeyVault vault = loadCopy();
        const QByteArray damaged = readAll(m_path).left(100);
        writeAll(m_path, damaged);
        const auto set = vault.setCheckpoint(QJsonObject{{u"size"_s, 1}});
        QVERIFY(!set);
        QCOMPARE(set.error().code, ErrorCode::Conflict);
        QCOMPARE(readAll(m_path), damaged);
        QVERIFY(vault.checkpoint().isEmpty());
    }

    void setCheckpoint_whenWriteFails_keepsOldFileAndLeavesNoTemporary()
    {
        KeyVault vault = loadCopy();
        const QByteArray before = readAll(m_path);
        const QJsonObject huge{{u"padding"_s, QString(256 * 1024, u'x')}};

        // A file-size limit makes the temporary file's write fail with EFBIG part way.
        struct rlimit saved {};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit limited = saved;
        limited.rlim_cur = 64 * 1024;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
        auto restore = qScopeGuard([&] {
            ::setrlimit(RLIMIT_FSIZE, &saved);
            std::signal(SIGXFSZ, previousHandler);
        });
        const auto set = vault.setCheckpoint(huge);
        restore.dismiss();
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!set);
        QCOMPARE(set.error().code, ErrorCode::Storage);
        QVERIFY2(set.error().message.contains(m_path), why(set).constData());
        QCOMPARE(readAll(m_path), before);
        QCOMPARE(folderEntries(), QStringList{slotFileName});
        QVERIFY(vault.checkpoint().isEmpty()); // the object did not adopt the failed change

        const auto retried = vault.setCheckpoint(huge); // and it can still write once the fault is gone
        QVERIFY2(retried, why(retried).constData());
        QCOMPARE(KeyVault::load(m_path)->checkpoint(), huge);
    }

    // ---- AtomicFile ------------------------------------------------------------------------------

    void atomicFile_replace_swapsContentsKeepsPermissionsAndLeavesNoTemporary()
    {
        const QString path = m_dir->filePath(u"plain.txt"_s);
        QVERIFY(AtomicFile::write(path, "first"));
        QCOMPARE(readAll(path), QByteArray("first"));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        QVERIFY(AtomicFile::write(path, "second, longer"));
        QCOMPARE(readAll(path), QByteArray("second, longer"));
        QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions(QFile::ReadGroup));
        QCOMPARE(folderEntries(), (QStringList{u"plain.txt"_s, slotFileName}));
    }

    void atomicFile_createNew_refusesAnExistingFile()
    {
        const QString path = m_dir->filePath(u"once.txt"_s);
        QVERIFY(AtomicFile::write(path, "original", AtomicFile::Mode::CreateNew));
        const auto again = AtomicFile::write(path, "intruder", AtomicFile::Mode::CreateNew);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QCOMPARE(readAll(path), QByteArray("original"));
        QCOMPARE(folderEntries(), (QStringList{u"once.txt"_s, slotFileName}));
    }

    void atomicFile_ontoAFolder_failsAndLeavesNoTemporary()
    {
        QVERIFY(QDir(m_dir->path()).mkdir(u"sub"_s));
        const auto written = AtomicFile::write(m_dir->filePath(u"sub"_s), "x");
        QVERIFY(!written);
        QCOMPARE(written.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(folderEntries(), (QStringList{slotFileName, u"sub"_s}));
    }
};

QTEST_GUILESS_MAIN(TestKeyVault)
#include "tst_keyvault.moc"
