#include "shell/LogRedaction.h"

#include <QTest>

using namespace Qt::StringLiterals;
using handoff::shell::redactTokens;

class TestLogRedaction final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void redactsSignaturesOnly_data() {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("kept");
        QTest::addColumn<QString>("gone");
        // Token-shaped text: the header and payload of RFC 7515 A.2's example; the third part stands for a signature.
        const QString header = u"eyJhbGciOiJSUzI1NiJ9"_s;
        const QString payload =
            u"eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"_s;
        const QString signature =
            u"cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw"_s;
        const QString token = header + u'.' + payload + u'.' + signature;
        QTest::newRow("alone") << token << header + u'.' + payload << signature;
        QTest::newRow("in a sentence") << u"sent Authorization: Bearer "_s + token + u" to SCRT2"_s << u" to SCRT2"_s
                                       << signature;
        QTest::newRow("two tokens") << token + u" and "_s + token << u" and "_s << signature;
    }

    void redactsSignaturesOnly() {
        QFETCH(QString, message);
        QFETCH(QString, kept);
        QFETCH(QString, gone);
        const QString redacted = redactTokens(message);
        QVERIFY(redacted.contains(kept));
        QVERIFY2(!redacted.contains(gone), qPrintable(redacted));
        QVERIFY(redacted != message);
    }

    void leavesOtherTextAlone() {
        const QString text = u"opened sample.handoff; eyJ is not a token on its own"_s;
        QCOMPARE(redactTokens(text), text);
    }
};

QTEST_GUILESS_MAIN(TestLogRedaction)
#include "TestLogRedaction.moc"
