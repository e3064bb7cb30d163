#include "common/SaveFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using handoff::io::saveAtomically;

class TestSaveFile final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesAndReplaces() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.txt"_s);
        QVERIFY(saveAtomically(path, "first").has_value());
        QVERIFY(saveAtomically(path, "second").has_value());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("second"));
    }

    void ownerOnlyPermissions() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"key.pem"_s);
        QVERIFY(saveAtomically(path, "secret", handoff::io::ownerOnly()).has_value());
        const auto perms = QFile::permissions(path);
        QVERIFY(perms.testFlag(QFileDevice::ReadOwner));
        QVERIFY(!perms.testFlag(QFileDevice::ReadGroup));
        QVERIFY(!perms.testFlag(QFileDevice::ReadOther));
        QVERIFY(!perms.testFlag(QFileDevice::WriteOther));
    }

    void refusesToReplaceWhenAsked() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.txt"_s);
        QVERIFY(saveAtomically(path, "keep").has_value());
        handoff::io::SaveOptions options;
        options.failIfExists = true;
        const auto result = saveAtomically(path, "lost", options);
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, u"IO002"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("keep"));
    }

    void failureLeavesNothingBehind() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"missing-folder/a.txt"_s);
        const auto result = saveAtomically(path, "data");
        QVERIFY(!result.has_value());
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY(!QFile::exists(path));
    }

    void emptyPathIsAnError() {
        const auto result = saveAtomically(QString(), "data");
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, u"IO001"_s);
    }
};

QTEST_GUILESS_MAIN(TestSaveFile)
#include "TestSaveFile.moc"
