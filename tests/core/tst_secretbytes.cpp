#include "core/common/secret.h"

#include <QTest>

using fieldledger::core::SecretBytes;

class TestSecretBytes final : public QObject {
    Q_OBJECT
private slots:
    void takeFrom_wipesSourceAndKeepsBytes()
    {
        QByteArray source("correct horse battery staple");
        const QByteArray expected = QByteArray(source.constData(), source.size()); // deep copy
        SecretBytes secret = SecretBytes::takeFrom(source);
        QVERIFY(source.isEmpty());
        QCOMPARE(QByteArray(secret.data(), qsizetype(secret.size())), expected);
    }
    void move_leavesSourceEmpty()
    {
        SecretBytes a("key", 3);
        SecretBytes b(std::move(a));
        QCOMPARE(b.size(), std::size_t(3));
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): the moved-from state is specified
    }
    void equality_comparesContents()
    {
        QVERIFY(SecretBytes("abc", 3) == SecretBytes("abc", 3));
        QVERIFY(!(SecretBytes("abc", 3) == SecretBytes("abd", 3)));
        QVERIFY(!(SecretBytes("abc", 3) == SecretBytes("ab", 2)));
    }
    void clear_emptiesBuffer()
    {
        SecretBytes s("xyz", 3);
        s.clear();
        QVERIFY(s.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecretBytes)
#include "tst_secretbytes.moc"
