// Issue 11 item 6: at 200% in an 800x500 (logical pixels) window, the Token, UUI header, Export and Test Call pages
// keep their layout: no button, label or field is squeezed below the size it needs, and no two buttons overlap.

#include "ScriptedDialogs.h"
#include "common/Clock.h"
#include "crypto/PrivateKey.h"
#include "project/SecretStore.h"
#include "shell/MainWindow.h"
#include "shell/Page.h"
#include "shell/Workspace.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestScaledLayout final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        Q_INIT_RESOURCE(resources);
        QCOMPARE(qgetenv("QT_SCALE_FACTOR"), QByteArray("2"));
    }

    void pagesKeepTheirLayout_data() {
        QTest::addColumn<QString>("page");
        for (const char* id : {"token", "uui", "export", "call", "flow", "golive", "training"}) {
            QTest::newRow(id) << QString::fromLatin1(id);
        }
    }

    void pagesKeepTheirLayout() {
        QFETCH(QString, page);
        handoff::FixedClock clock = handoff::FixedClock::atSecs(1'795'000'000);
        handoff::project::MemorySecretStore secrets;
        handoff::shell::test::ScriptedDialogs dialogs;
        handoff::shell::Workspace workspace(clock, secrets);
        handoff::project::Project p = handoff::project::Project::defaults();
        p.org.orgId = u"00DHs0000001abc"_s;
        p.org.scrt2Domain = u"mycompany.my.salesforce-scrt.com"_s;
        p.org.callCenterApiName = u"scv4cc1"_s;
        p.uui.callId = u"0LQRM0000006CSz4AM"_s;
        workspace.resetProject(p);
        if (auto key =
                handoff::crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem"))) {
            workspace.setKey(*key, {}, false);
        }
        workspace.recomputeNow();
        handoff::shell::MainWindow window(workspace, dialogs);
        window.resize(800, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(page));
        QApplication::processEvents();
        QTest::qWait(50);
        handoff::shell::Page* shown = window.page(page);
        QVERIFY(shown);
        QStringList squeezed;
        QList<QAbstractButton*> buttons;
        for (QWidget* w : shown->findChildren<QWidget*>()) {
            if (!w->isVisibleTo(shown)) {
                continue;
            }
            const bool button = qobject_cast<QAbstractButton*>(w) != nullptr;
            const bool label = qobject_cast<QLabel*>(w) != nullptr && !qobject_cast<QLabel*>(w)->wordWrap() &&
                               !qobject_cast<QLabel*>(w)->text().isEmpty();
            const bool line = qobject_cast<QLineEdit*>(w) != nullptr;
            if (!button && !label && !line) {
                continue;
            }
            if (line && qobject_cast<QAbstractSpinBox*>(w->parentWidget())) {
                continue; // a spin box's own editor is sized by the spin box, always under its own hint
            }
            const QSize need = w->minimumSizeHint();
            if (w->width() + 1 < need.width() || w->height() + 1 < need.height()) {
                squeezed << u"%1 %2x%3 < %4x%5"_s.arg(w->objectName(), QString::number(w->width()),
                                                      QString::number(w->height()), QString::number(need.width()),
                                                      QString::number(need.height()));
            }
            if (button && w->parentWidget()) {
                buttons << qobject_cast<QAbstractButton*>(w);
            }
        }
        QVERIFY2(squeezed.isEmpty(), qPrintable(squeezed.join(u"; "_s)));
        for (int i = 0; i < buttons.size(); ++i) {
            for (int j = i + 1; j < buttons.size(); ++j) {
                const QRect a(buttons.at(i)->mapTo(shown, QPoint(0, 0)), buttons.at(i)->size());
                const QRect b(buttons.at(j)->mapTo(shown, QPoint(0, 0)), buttons.at(j)->size());
                if (buttons.at(i)->parentWidget() == buttons.at(j)->parentWidget()) {
                    QVERIFY2(!a.intersects(b),
                             qPrintable(buttons.at(i)->objectName() + u" overlaps "_s + buttons.at(j)->objectName()));
                }
            }
        }
    }
};

int main(int argc, char** argv) {
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    TestScaledLayout test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestScaledLayout.moc"
