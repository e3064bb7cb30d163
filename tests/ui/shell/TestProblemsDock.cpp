// The Problems dock on its own: long messages wrap instead of being cut (issue 11 item 6).
#include "diagnostics/Diagnostic.h"
#include "shell/ProblemsDock.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace handoff;
using handoff::shell::ProblemsModel;

class TestProblemsDock final : public QObject {
    Q_OBJECT

private:
    static diagnostics::Diagnostic problem(const QString& code, const QString& message) {
        diagnostics::Diagnostic d;
        d.code = code;
        d.severity = diagnostics::Severity::Warning;
        d.message = message;
        return d;
    }

private Q_SLOTS:
    // A message longer than its column is shown on several lines, whole; a short one stays one line high; a wider
    // column needs fewer lines.
    void longMessagesWrapToTheColumn() {
        QMainWindow window;
        auto* dock = new shell::ProblemsDock(&window);
        window.addDockWidget(Qt::BottomDockWidgetArea, dock);
        QString longText;
        for (int i = 0; i < 40; ++i) {
            longText += u"word%1 "_s.arg(i);
        }
        dock->setDiagnostics({problem(u"UUI032"_s, longText.trimmed()), problem(u"SIP007"_s, u"Short."_s)});
        window.resize(700, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTreeView* view = dock->view();
        const QModelIndex longIndex = view->model()->index(0, ProblemsModel::MessageColumn);
        const QModelIndex shortIndex = view->model()->index(1, ProblemsModel::MessageColumn);
        const int line = view->fontMetrics().lineSpacing();
        QCOMPARE(view->textElideMode(), Qt::ElideNone);
        QVERIFY(view->fontMetrics().horizontalAdvance(longText) > view->header()->sectionSize(1)); // does not fit
        QTRY_VERIFY(view->visualRect(longIndex).height() >= 3 * line);
        QVERIFY(view->visualRect(shortIndex).height() < 2 * line);

        const int narrowHeight = view->visualRect(longIndex).height();
        window.resize(1400, 500);
        QTRY_VERIFY(view->visualRect(longIndex).height() < narrowHeight);
    }
};

QTEST_MAIN(TestProblemsDock)
#include "TestProblemsDock.moc"
