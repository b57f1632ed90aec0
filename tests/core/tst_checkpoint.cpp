// Device keys (Ed25519) and signed checkpoints: canonical signed bytes, signatures that break
// when any field changes, and JSON that round-trips.

#include "core/integrity/checkpoint.h"
#include "core/integrity/devicekey.h"
#include "core/integrity/hash.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace fieldledger::core;
using namespace Qt::StringLiterals;

namespace {

// RFC 8032 §7.1, TEST 1: the secret key, its public key and the signature of the empty message.
const QByteArray rfc8032Secret =
    QByteArray::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
const QByteArray rfc8032Public =
    QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
const QByteArray rfc8032EmptySignature =
    QByteArray::fromHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                        "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

DeviceKey rfcKey()
{
    QByteArray copy = rfc8032Secret;
    Result<DeviceKey> key = DeviceKey::fromPrivateRaw(SecretBytes::takeFrom(copy));
    Q_ASSERT(key);
    return std::move(*key);
}

Checkpoint sampleCheckpoint()
{
    Checkpoint checkpoint;
    checkpoint.deviceId = u"tablet-07"_s;
    checkpoint.size = 42;
    checkpoint.root = sha256("root of 42 events");
    checkpoint.timestamp = u"2024-05-01T10:00:00.000Z"_s;
    return checkpoint;
}

} // namespace

class TestCheckpoint final : public QObject {
    Q_OBJECT

private slots:
    // --- DeviceKey ------------------------------------------------------------------------------

    void deviceKey_matchesRfc8032TestVector()
    {
        const DeviceKey key = rfcKey();
        QCOMPARE(key.publicRaw(), rfc8032Public);
        const Result<QByteArray> signature = key.sign({});
        QVERIFY(signature);
        QCOMPARE(signature->toHex(), rfc8032EmptySignature.toHex());
        QVERIFY(verifySignature(rfc8032Public, {}, rfc8032EmptySignature));
        QVERIFY(!verifySignature(rfc8032Public, "x", rfc8032EmptySignature));
    }

    void deviceKey_privateRaw_restoresTheSameKey()
    {
        Result<DeviceKey> generated = DeviceKey::generate();
        QVERIFY(generated);
        const SecretBytes raw = generated->privateRaw();
        QCOMPARE(raw.size(), std::size_t(32));
        const Result<DeviceKey> restored = DeviceKey::fromPrivateRaw(raw);
        QVERIFY(restored);
        QCOMPARE(restored->publicRaw(), generated->publicRaw());
        const Result<QByteArray> signature = restored->sign("message");
        QVERIFY(signature);
        QVERIFY(verifySignature(generated->publicRaw(), "message", *signature));
    }

    void deviceKey_generate_givesDistinctKeys()
    {
        const Result<DeviceKey> a = DeviceKey::generate();
        const Result<DeviceKey> b = DeviceKey::generate();
        QVERIFY(a && b);
        QCOMPARE(a->publicRaw().size(), 32);
        QVERIFY(a->publicRaw() != b->publicRaw());
        QVERIFY(!(a->privateRaw() == b->privateRaw()));
        const Result<QByteArray> signature = a->sign("message");
        QVERIFY(signature);
        QCOMPARE(signature->size(), 64);
        QVERIFY(!verifySignature(b->publicRaw(), "message", *signature));
    }

    void deviceKey_fromPrivateRaw_rejectsWrongSizes_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("31 bytes") << 31;
        QTest::newRow("33 bytes") << 33;
        QTest::newRow("64 bytes (seed and public key)") << 64;
    }
    void deviceKey_fromPrivateRaw_rejectsWrongSizes()
    {
        QFETCH(int, size);
        const Result<DeviceKey> key = DeviceKey::fromPrivateRaw(SecretBytes(std::size_t(size)));
        QVERIFY(!key);
        QCOMPARE(key.error().code, ErrorCode::InvalidArgument);
    }

    void deviceKey_movedFrom_cannotSign()
    {
        DeviceKey key = rfcKey();
        DeviceKey moved = std::move(key);
        QVERIFY(moved.sign("m"));
        QVERIFY(!key.sign("m")); // NOLINT(bugprone-use-after-move): the moved-from state is specified
        QVERIFY(key.privateRaw().isEmpty());
    }

    void fingerprint_isGroupedPrefixOfThePublicKeyDigest()
    {
        const DeviceKey key = rfcKey();
        const QString fingerprint = key.fingerprint();
        static const QRegularExpression shape(u"^([0-9a-f]{4} ){7}[0-9a-f]{4}$"_s);
        QVERIFY2(shape.match(fingerprint).hasMatch(), qPrintable(fingerprint));
        QString digits = fingerprint;
        digits.remove(u' ');
        QCOMPARE(digits, toHex(sha256(rfc8032Public)).left(32));
        QCOMPARE(keyFingerprint(rfc8032Public), fingerprint);
        QVERIFY(keyFingerprint(QByteArray(32, '\0')) != fingerprint);
    }

    void verifySignature_malformedInput_isFalse_data()
    {
        QTest::addColumn<QByteArray>("publicKey");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("short key") << rfc8032Public.left(31) << rfc8032EmptySignature;
        QTest::newRow("long key") << QByteArray(rfc8032Public + '\0') << rfc8032EmptySignature;
        QTest::newRow("no key") << QByteArray() << rfc8032EmptySignature;
        QTest::newRow("short signature") << rfc8032Public << rfc8032EmptySignature.left(63);
        QTest::newRow("long signature") << rfc8032Public << QByteArray(rfc8032EmptySignature + '\0');
        QTest::newRow("no signature") << rfc8032Public << QByteArray();
        QTest::newRow("zero signature") << rfc8032Public << QByteArray(64, '\0');
    }
    void verifySignature_malformedInput_isFalse()
    {
        QFETCH(QByteArray, publicKey);
        QFETCH(QByteArray, signature);
        QVERIFY(!verifySignature(publicKey, {}, signature));
    }

    // --- Signed bytes --------------------------------------------------------------------------

    void signedBytes_areCanonicalJson()
    {
        const Checkpoint checkpoint = sampleCheckpoint();
        // (No raw string literals in this file: moc 6.4 loses track of the class after them.)
        const QByteArray expected = "{\"deviceId\":\"tablet-07\",\"root\":\"" +
                                    toHex(checkpoint.root).toLatin1() +
                                    "\",\"size\":42,\"timestamp\":\"2024-05-01T10:00:00.000Z\"}";
        QCOMPARE(checkpoint.signedBytes(), expected);
        // The signature, the public key and JSON order play no part in what is signed.
        Checkpoint withExtras = checkpoint;
        withExtras.signature = QByteArray(64, 'x');
        withExtras.publicKey = rfc8032Public;
        QCOMPARE(withExtras.signedBytes(), expected);
    }

    void signedBytes_escapeStringsAsJcs_data()
    {
        QTest::addColumn<QString>("deviceId");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("quote and backslash") << u"a\"b\\c"_s << QByteArray("\"a\\\"b\\\\c\"");
        QTest::newRow("short escapes") << u"\b\t\n\f\r"_s << QByteArray("\"\\b\\t\\n\\f\\r\"");
        QTest::newRow("other controls") << u"\u0001\u001f"_s << QByteArray("\"\\u0001\\u001f\"");
        QTest::newRow("NUL") << QString(QChar(u'\0')) << QByteArray("\"\\u0000\"");
        QTest::newRow("DEL and slash stay literal") << u"\u007f/"_s << QByteArray("\"\x7f/\"");
        QTest::newRow("non-ASCII as UTF-8") << u"é€😀"_s << (u"\"é€😀\""_s).toUtf8();
        QTest::newRow("line separator literal") << u"\u2028"_s << QByteArray("\"\xe2\x80\xa8\"");
    }
    void signedBytes_escapeStringsAsJcs()
    {
        QFETCH(QString, deviceId);
        QFETCH(QByteArray, encoded);
        Checkpoint checkpoint = sampleCheckpoint();
        checkpoint.deviceId = deviceId;
        const QByteArray bytes = checkpoint.signedBytes();
        QVERIFY(bytes.startsWith(QByteArray("{\"deviceId\":" + encoded + ",\"root\":")));
        // Whatever the escaping, the bytes stay JSON that reads back as the same text.
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(bytes, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.object().value("deviceId"_L1).toString(), deviceId);
    }

    // --- Signing ---------------------------------------------------------------------------------

    void sign_thenVerify_withTheSignersKey()
    {
        const DeviceKey key = rfcKey();
        Checkpoint checkpoint = sampleCheckpoint();
        QVERIFY(checkpoint.signature.isEmpty());
        QVERIFY(checkpoint.sign(key));
        QCOMPARE(checkpoint.signature.size(), 64);
        QVERIFY(checkpoint.verify(key.publicRaw()));
        QVERIFY(verifySignature(key.publicRaw(), checkpoint.signedBytes(), checkpoint.signature));
    }

    void verify_afterAnyChange_fails_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("size + 1") << u"size+1"_s;
        QTest::newRow("size - 1") << u"size-1"_s;
        QTest::newRow("root first bit") << u"root0"_s;
        QTest::newRow("root last bit") << u"root255"_s;
        QTest::newRow("timestamp one second later") << u"timestamp"_s;
        QTest::newRow("deviceId") << u"deviceId"_s;
        QTest::newRow("signature emptied") << u"noSignature"_s;
        QTest::newRow("signature of another checkpoint") << u"otherSignature"_s;
    }
    void verify_afterAnyChange_fails()
    {
        QFETCH(QString, field);
        const DeviceKey key = rfcKey();
        Checkpoint checkpoint = sampleCheckpoint();
        QVERIFY(checkpoint.sign(key));
        if (field == u"size+1")
            ++checkpoint.size;
        else if (field == u"size-1")
            --checkpoint.size;
        else if (field == u"root0")
            checkpoint.root[0] ^= 0x01;
        else if (field == u"root255")
            checkpoint.root[31] ^= 0x80;
        else if (field == u"timestamp")
            checkpoint.timestamp = u"2024-05-01T10:00:01.000Z"_s;
        else if (field == u"deviceId")
            checkpoint.deviceId = u"tablet-08"_s;
        else if (field == u"noSignature")
            checkpoint.signature.clear();
        else if (field == u"otherSignature") {
            Checkpoint other = sampleCheckpoint();
            other.size = 43;
            QVERIFY(other.sign(key));
            checkpoint.signature = other.signature;
        }
        const Status verified = checkpoint.verify(key.publicRaw());
        QVERIFY(!verified);
        QCOMPARE(verified.error().code, ErrorCode::Integrity);
    }

    void verify_withAnySignatureByteChanged_fails()
    {
        const DeviceKey key = rfcKey();
        Checkpoint checkpoint = sampleCheckpoint();
        QVERIFY(checkpoint.sign(key));
        const QByteArray original = checkpoint.signature;
        for (qsizetype i = 0; i < original.size(); ++i) {
            for (const char mask : {'\x01', '\x80'}) {
                checkpoint.signature = original;
                checkpoint.signature[i] = static_cast<char>(checkpoint.signature[i] ^ mask);
                if (checkpoint.verify(key.publicRaw()))
                    QFAIL(qPrintable(u"signature byte %1 changed, still verifies"_s.arg(i)));
            }
        }
        checkpoint.signature = original;
        QVERIFY(checkpoint.verify(key.publicRaw()));
    }

    void verify_withAnotherKey_fails_andNamesTheKey()
    {
        const DeviceKey key = rfcKey();
        const Result<DeviceKey> other = DeviceKey::generate();
        QVERIFY(other);
        Checkpoint checkpoint = sampleCheckpoint();
        QVERIFY(checkpoint.sign(key));
        const Status verified = checkpoint.verify(other->publicRaw());
        QVERIFY(!verified);
        QCOMPARE(verified.error().code, ErrorCode::Integrity);
        QVERIFY2(verified.error().message.contains(other->fingerprint()),
                 qPrintable(verified.error().message));
        // Carrying the signer's key in the checkpoint does not make it trusted.
        checkpoint.publicKey = key.publicRaw();
        QVERIFY(!checkpoint.verify(other->publicRaw()));
    }

    void sign_refusesFieldsItCannotSignFaithfully_data()
    {
        QTest::addColumn<QString>("deviceId");
        QTest::addColumn<quint64>("size");
        QTest::addColumn<QString>("timestamp");
        const QString stamp = u"2024-05-01T10:00:00Z"_s;
        QTest::newRow("size above 2^53 - 1") << u"d"_s << (quint64(1) << 53) << stamp;
        QTest::newRow("empty deviceId") << QString() << quint64(1) << stamp;
        QTest::newRow("empty timestamp") << u"d"_s << quint64(1) << QString();
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << quint64(1) << stamp;
    }
    void sign_refusesFieldsItCannotSignFaithfully()
    {
        QFETCH(QString, deviceId);
        QFETCH(quint64, size);
        QFETCH(QString, timestamp);
        Checkpoint checkpoint;
        checkpoint.deviceId = deviceId;
        checkpoint.size = size;
        checkpoint.timestamp = timestamp;
        const Status signedStatus = checkpoint.sign(rfcKey());
        QVERIFY(!signedStatus);
        QCOMPARE(signedStatus.error().code, ErrorCode::InvalidArgument);
        QVERIFY(checkpoint.signature.isEmpty());
    }

    void sign_acceptsTheLargestExactSize()
    {
        Checkpoint checkpoint = sampleCheckpoint();
        checkpoint.size = (quint64(1) << 53) - 1;
        QVERIFY(checkpoint.sign(rfcKey()));
        QVERIFY(checkpoint.signedBytes().contains("\"size\":9007199254740991,"));
        QVERIFY(checkpoint.verify(rfc8032Public));
    }

    // --- JSON ------------------------------------------------------------------------------------

    void json_roundTrips_throughText_data()
    {
        QTest::addColumn<bool>("withPublicKey");
        QTest::newRow("without the public key") << false;
        QTest::newRow("with the public key") << true;
    }
    void json_roundTrips_throughText()
    {
        QFETCH(bool, withPublicKey);
        const DeviceKey key = rfcKey();
        Checkpoint checkpoint = sampleCheckpoint();
        checkpoint.deviceId = u"tablet \"é\"\n07"_s;
        QVERIFY(checkpoint.sign(key));
        if (withPublicKey)
            checkpoint.publicKey = key.publicRaw();

        const QJsonObject json = checkpoint.toJson();
        QStringList keys = {u"deviceId"_s, u"root"_s, u"signature"_s, u"size"_s, u"timestamp"_s};
        if (withPublicKey)
            keys.insert(1, u"publicKey"_s);
        QCOMPARE(json.keys(), keys);
        QCOMPARE(json.value("root"_L1).toString(), toHex(checkpoint.root));
        QCOMPARE(json.value("size"_L1).toInteger(), 42);
        QCOMPARE(QByteArray::fromBase64(json.value("signature"_L1).toString().toLatin1()),
                 checkpoint.signature);

        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Indented);
        const Result<Checkpoint> back = Checkpoint::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY(back);
        QVERIFY(*back == checkpoint);
        QVERIFY(back->verify(key.publicRaw()));
    }

    void fromJson_rejectsMalformedCheckpoints_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value"); // Undefined removes the key
        QTest::addColumn<QString>("mentions");
        QTest::newRow("deviceId missing")
            << u"deviceId"_s << QJsonValue(QJsonValue::Undefined) << u"deviceId"_s;
        QTest::newRow("deviceId a number") << u"deviceId"_s << QJsonValue(7) << u"deviceId"_s;
        QTest::newRow("deviceId empty") << u"deviceId"_s << QJsonValue(u""_s) << u"deviceId"_s;
        QTest::newRow("timestamp missing")
            << u"timestamp"_s << QJsonValue(QJsonValue::Undefined) << u"timestamp"_s;
        QTest::newRow("size missing") << u"size"_s << QJsonValue(QJsonValue::Undefined) << u"size"_s;
        QTest::newRow("size negative") << u"size"_s << QJsonValue(-1) << u"size"_s;
        QTest::newRow("size fractional") << u"size"_s << QJsonValue(4.5) << u"size"_s;
        QTest::newRow("size a string") << u"size"_s << QJsonValue(u"42"_s) << u"size"_s;
        QTest::newRow("size above 2^53 - 1") << u"size"_s << QJsonValue(qint64(1) << 53) << u"size"_s;
        QTest::newRow("root missing") << u"root"_s << QJsonValue(QJsonValue::Undefined) << u"root"_s;
        QTest::newRow("root not hex") << u"root"_s << QJsonValue(QString(64, u'z')) << u"root"_s;
        QTest::newRow("root short") << u"root"_s << QJsonValue(u"abcd"_s) << u"root"_s;
        QTest::newRow("signature missing")
            << u"signature"_s << QJsonValue(QJsonValue::Undefined) << u"signature"_s;
        QTest::newRow("signature not base64") << u"signature"_s << QJsonValue(u"!!!!"_s) << u"signature"_s;
        QTest::newRow("signature 63 bytes")
            << u"signature"_s << QJsonValue(QString::fromLatin1(QByteArray(63, 's').toBase64()))
            << u"signature"_s;
        QTest::newRow("publicKey 31 bytes")
            << u"publicKey"_s << QJsonValue(QString::fromLatin1(QByteArray(31, 'k').toBase64()))
            << u"publicKey"_s;
        QTest::newRow("publicKey null") << u"publicKey"_s << QJsonValue(QJsonValue::Null) << u"publicKey"_s;
    }
    void fromJson_rejectsMalformedCheckpoints()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, mentions);
        Checkpoint checkpoint = sampleCheckpoint();
        QVERIFY(checkpoint.sign(rfcKey()));
        QJsonObject json = checkpoint.toJson();
        QVERIFY(Checkpoint::fromJson(json)); // the untouched form is fine
        if (value.isUndefined())
            json.remove(key);
        else
            json.insert(key, value);
        const Result<Checkpoint> parsed = Checkpoint::fromJson(json);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
