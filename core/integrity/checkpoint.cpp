#include "core/integrity/checkpoint.h"

#include "core/integrity/devicekey.h"

#include <QJsonValue>

namespace fieldledger::core {

using namespace Qt::StringLiterals;

namespace {

constexpr quint64 maxJsonInteger = (quint64(1) << 53) - 1;

// RFC 8785 §3.2.2.2: a string as ECMAScript's JSON.stringify writes it — '"' and '\\'
// escaped, the five short control escapes, other control characters as \u00xx (lower-case),
// everything else literal.
void appendJcsString(QString &out, const QString &value)
{
    static constexpr char16_t hexDigits[] = u"0123456789abcdef";
    out += u'"';
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\b':
            out += u"\\b"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\f':
            out += u"\\f"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        default:
            if (c.unicode() < 0x20) {
                out += u"\\u00"_s;
                out += QChar(hexDigits[c.unicode() >> 4]);
                out += QChar(hexDigits[c.unicode() & 0x0f]);
            } else {
                out += c;
            }
        }
    }
    out += u'"';
}

Status checkSignable(const Checkpoint &checkpoint)
{
    if (checkpoint.size > maxJsonInteger)
        return fail(ErrorCode::InvalidArgument, u"a checkpoint size must not exceed 2^53 - 1"_s);
    if (checkpoint.deviceId.isEmpty() || checkpoint.timestamp.isEmpty())
        return fail(ErrorCode::InvalidArgument, u"a checkpoint needs a deviceId and a timestamp"_s);
    // A lone surrogate has no UTF-8 form: the signed bytes would not say what the text says.
    if (!checkpoint.deviceId.isValidUtf16() || !checkpoint.timestamp.isValidUtf16())
        return fail(ErrorCode::InvalidArgument, u"a checkpoint's text is not valid Unicode"_s);
    return {};
}

Result<QString> textFromJson(const QJsonObject &json, QLatin1StringView key)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined())
        return fail(ErrorCode::InvalidArgument, u"checkpoint \"%1\" is missing"_s.arg(key));
    if (!value.isString())
        return fail(ErrorCode::InvalidArgument, u"checkpoint \"%1\" must be a string"_s.arg(key));
    return value.toString();
}

Result<QByteArray> base64FromJson(const QJsonObject &json, QLatin1StringView key, qsizetype expectedSize)
{
    const Result<QString> text = textFromJson(json, key);
    if (!text)
        return std::unexpected(text.error());
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(text->toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != expectedSize)
        return fail(ErrorCode::InvalidArgument,
                    u"checkpoint \"%1\" must be base64 of %2 bytes"_s.arg(key).arg(expectedSize));
    return decoded.decoded;
}

} // namespace

QByteArray Checkpoint::signedBytes() const
{
    QString json = u"{\"deviceId\":"_s;
    appendJcsString(json, deviceId);
    json +=
        u",\"root\":\""_s + toHex(root) + u"\",\"size\":"_s + QString::number(size) + u",\"timestamp\":"_s;
    appendJcsString(json, timestamp);
    json += u'}';
    return json.toUtf8();
}

Status Checkpoint::sign(const DeviceKey &key)
{
    if (Status signable = checkSignable(*this); !signable)
        return signable;
    Result<QByteArray> made = key.sign(signedBytes());
    if (!made)
        return std::unexpected(made.error());
    signature = std::move(*made);
    return {};
}

Status Checkpoint::verify(QByteArrayView publicRaw) const
{
    if (Status signable = checkSignable(*this); !signable)
        return fail(ErrorCode::Integrity, u"checkpoint is malformed: "_s + signable.error().message);
    if (!verifySignature(publicRaw, signedBytes(), signature))
        return fail(ErrorCode::Integrity,
                    u"checkpoint of %1 events for device %2 is not signed by key %3"_s.arg(size).arg(
                        deviceId, keyFingerprint(publicRaw)));
    return {};
}

QJsonObject Checkpoint::toJson() const
{
    QJsonObject json{{"deviceId"_L1, deviceId},
                     {"size"_L1, static_cast<qint64>(size)},
                     {"root"_L1, toHex(root)},
                     {"timestamp"_L1, timestamp},
                     {"signature"_L1, QString::fromLatin1(signature.toBase64())}};
    if (!publicKey.isEmpty())
        json.insert("publicKey"_L1, QString::fromLatin1(publicKey.toBase64()));
    return json;
}

Result<Checkpoint> Checkpoint::fromJson(const QJsonObject &json)
{
    Checkpoint checkpoint;
    Result<QString> deviceId = textFromJson(json, "deviceId"_L1);
    if (!deviceId)
        return std::unexpected(deviceId.error());
    Result<QString> timestamp = textFromJson(json, "timestamp"_L1);
    if (!timestamp)
        return std::unexpected(timestamp.error());

    const QJsonValue sizeValue = json.value("size"_L1);
    const qint64 size = sizeValue.isDouble() ? sizeValue.toInteger(-1) : -1;
    if (size < 0 || static_cast<quint64>(size) > maxJsonInteger)
        return fail(ErrorCode::InvalidArgument,
                    u"checkpoint \"size\" must be a whole number from 0 to 2^53 - 1"_s);

    const Result<QString> rootText = textFromJson(json, "root"_L1);
    if (!rootText)
        return std::unexpected(rootText.error());
    const std::optional<Hash> root = hashFromHex(*rootText);
    if (!root)
        return fail(ErrorCode::InvalidArgument, u"checkpoint \"root\" is not 64 hex digits"_s);

    Result<QByteArray> signature = base64FromJson(json, "signature"_L1, ed25519SignatureSize);
    if (!signature)
        return std::unexpected(signature.error());
    if (json.contains("publicKey"_L1)) {
        Result<QByteArray> publicKey = base64FromJson(json, "publicKey"_L1, ed25519KeySize);
        if (!publicKey)
            return std::unexpected(publicKey.error());
        checkpoint.publicKey = std::move(*publicKey);
    }

    checkpoint.deviceId = std::move(*deviceId);
    checkpoint.size = static_cast<quint64>(size);
    checkpoint.root = *root;
    checkpoint.timestamp = std::move(*timestamp);
    checkpoint.signature = std::move(*signature);
    if (Status signable = checkSignable(checkpoint); !signable)
        return std::unexpected(signable.error());
    return checkpoint;
}

} // namespace fieldledger::core
