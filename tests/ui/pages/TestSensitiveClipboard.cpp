#include "widgets/SensitiveClipboard.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using handoff::widgets::SensitiveClipboard;

class TestSensitiveClipboard final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QGuiApplication::clipboard()->clear(); }

    void secretIsMarkedAndCleared() {
        SensitiveClipboard helper;
        helper.setClearDelay(50ms);
        QSignalSpy cleared(&helper, &SensitiveClipboard::cleared);
        helper.copy(u"eyJ.secret.token"_s, SensitiveClipboard::Kind::Secret);
        const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime != nullptr);
        QCOMPARE(mime->text(), u"eyJ.secret.token"_s);
        QCOMPARE(mime->data(SensitiveClipboard::passwordManagerHintMime()), QByteArray("secret"));
        QVERIFY(helper.isClearPending());
        QTRY_COMPARE(cleared.size(), 1);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        QVERIFY(!helper.isClearPending());
    }

    void somethingCopiedSinceIsLeftAlone() {
        SensitiveClipboard helper;
        helper.setClearDelay(50ms);
        helper.copy(u"eyJ.secret.token"_s, SensitiveClipboard::Kind::Secret);
        QGuiApplication::clipboard()->setText(u"the user's own text"_s);
        QTRY_VERIFY(!helper.isClearPending());
        QCOMPARE(QGuiApplication::clipboard()->text(), u"the user's own text"_s);
    }

    void plainTextIsNeitherMarkedNorCleared() {
        SensitiveClipboard helper;
        helper.setClearDelay(50ms);
        helper.copy(u"Append(\"a\")"_s, SensitiveClipboard::Kind::Plain);
        QVERIFY(!helper.isClearPending());
        QVERIFY(!QGuiApplication::clipboard()->mimeData()->hasFormat(SensitiveClipboard::passwordManagerHintMime()));
        QTest::qWait(100); // nothing is scheduled; the text must still be there after the delay
        QCOMPARE(QGuiApplication::clipboard()->text(), u"Append(\"a\")"_s);
    }

    void destructionClearsAPendingSecret() {
        {
            SensitiveClipboard helper;
            helper.setClearDelay(1h);
            helper.copy(u"secret"_s, SensitiveClipboard::Kind::Secret);
        }
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    }
};

QTEST_MAIN(TestSensitiveClipboard)
#include "TestSensitiveClipboard.moc"
