// Issue 11 ("what a new admin trips over"), each item driven offscreen through the real main window: ways out that
// tell the truth, honest overall states, the budget bar's colours, no re-sign on a keystroke that changes no
// claim, and the rough edges.

#include "ScriptedDialogs.h"
#include "common/Clock.h"
#include "crypto/PrivateKey.h"
#include "flow/FlowTemplates.h"
#include "pages/ExportPage.h"
#include "pages/UuiPage.h"
#include "project/SecretStore.h"
#include "shell/Dialogs.h"
#include "shell/MainWindow.h"
#include "shell/Page.h"
#include "shell/Workspace.h"
#include "widgets/BudgetBar.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using handoff::FixedClock;
using handoff::project::Project;
using handoff::project::Readiness;
using handoff::shell::MainWindow;
using handoff::shell::Workspace;
using handoff::shell::test::ScriptedDialogs;

namespace {

handoff::crypto::PrivateKey testKey() {
    auto key = handoff::crypto::PrivateKey::load(QStringLiteral(HANDOFF_TEST_DATA "/rsa2048-pkcs8-test-only.pem"));
    return key ? *key : handoff::crypto::PrivateKey();
}

Project sample() {
    Project p = Project::defaults();
    p.name = u"Sample handoff"_s;
    p.org.orgId = u"00DHs0000001abc"_s;
    p.org.scrt2Domain = u"mycompany.my.salesforce-scrt.com"_s;
    p.org.callCenterApiName = u"scv4cc1"_s;
    p.uui.callId = u"0LQRM0000006CSz4AM"_s;
    p.uui.transactionId = u"order-2026-0122-5489"_s;
    // The go-live check (the one verdict) wants a flow: the article's, made for this org.
    handoff::flow::TemplateOptions options;
    options.callCenterApiName = p.org.callCenterApiName;
    options.salesforceOrgId = p.org.orgId;
    options.scrtBaseUrl = p.org.scrt2Domain + u"/telephony/v1"_s;
    p.flow = handoff::flow::sipTransferTemplate(options);
    return p;
}

struct Studio {
    FixedClock clock = FixedClock::atSecs(1'795'000'000);
    handoff::project::MemorySecretStore secrets;
    ScriptedDialogs dialogs;
    Workspace workspace{clock, secrets};
    MainWindow window{workspace, dialogs};

    explicit Studio(const Project& project = sample(), bool withKey = true) {
        workspace.resetProject(project);
        if (withKey) {
            workspace.setKey(testKey(), {}, false);
        }
        workspace.recomputeNow();
        window.resize(1100, 800);
        window.show();
        [[maybe_unused]] const bool exposed = QTest::qWaitForWindowExposed(&window);
    }
    template <typename T>
    T* find(const QString& name) const {
        return window.findChild<T*>(name);
    }
    void edit(const std::function<void(Project&)>& change) {
        workspace.edit(u"test"_s, change);
        workspace.recomputeNow();
    }
    QString currentPageId() const {
        const auto* list = find<QListWidget>(u"pageListWidget"_s);
        return list->currentItem() ? list->currentItem()->data(Qt::UserRole).toString() : QString();
    }
};

} // namespace

class TestDesktopStates final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        Q_INIT_RESOURCE(resources);
    }

    // Item 1: no way out switches to ascii, and one marked "fits" leaves a UUI without an error.
    void waysOutTellTheTruth() {
        Studio s;
        s.edit([](Project& p) { p.trunk.limitAppliesTo = handoff::uui::LimitAppliesTo::HeaderLine; });
        auto* page = qobject_cast<handoff::pages::UuiPage*>(s.window.page(u"uui"_s));
        QVERIFY(page);
        const auto ways = s.workspace.derived().budget.waysOut;
        QVERIFY(!ways.isEmpty());
        for (int i = 0; i < ways.size(); ++i) {
            auto* label = s.find<QLabel>(u"wayOutLabel%1"_s.arg(i));
            QVERIFY(label);
            QVERIFY2(!label->text().contains(u"ascii"_s, Qt::CaseInsensitive), qPrintable(label->text()));
        }
        // In ascii with the PD octet as a prefix, nothing that is dropped removes SIP005: nothing "fits".
        s.edit([](Project& p) {
            p.trunk.encoding = handoff::uui::UuiEncoding::Ascii;
            p.trunk.limitAppliesTo = handoff::uui::LimitAppliesTo::DecodedData;
            p.trunk.limit = 560;
        });
        const auto asciiWays = s.workspace.derived().budget.waysOut;
        QVERIFY(!asciiWays.isEmpty());
        for (int i = 0; i < asciiWays.size(); ++i) {
            QVERIFY(!asciiWays.at(i).fits);
            if (!asciiWays.at(i).applicable) {
                continue;
            }
            QVERIFY(page->applyWayOut(i));
            s.workspace.recomputeNow();
            QVERIFY(handoff::diagnostics::hasErrors(s.workspace.derived().budgetDiagnostics));
            s.workspace.undoStack()->undo();
            s.workspace.recomputeNow();
        }
    }

    // Item 2: while an error stands, the status bar is not green and the Export page says "not ready" with a
    // button to the page that fixes it; both follow the one core verdict.
    void overallStatesAreHonest() {
        Studio s;
        s.edit([](Project& p) { p.trunk.limitAppliesTo = handoff::uui::LimitAppliesTo::HeaderLine; });
        QCOMPARE(s.workspace.readiness().state, Readiness::State::NotReady);
        auto* status = s.find<QLabel>(u"readinessStatusLabel"_s);
        QVERIFY(status);
        QCOMPARE(status->property("readinessState").toInt(), static_cast<int>(Readiness::State::NotReady));
        auto* budgetIcon = s.find<QLabel>(u"budgetStatusLabel"_s);
        QVERIFY(budgetIcon);

        auto* exportPage = qobject_cast<handoff::pages::ExportPage*>(s.window.page(u"export"_s));
        QVERIFY(exportPage);
        QVERIFY(exportPage->readinessText().contains(u"Not ready"_s));
        QVERIFY(exportPage->readinessText().contains(u"SIP001"_s));
        s.window.showPage(u"export"_s);
        auto* go = s.find<QPushButton>(u"readinessGoPushButton"_s);
        QVERIFY(go && go->isVisible());
        QVERIFY(go->text().contains(u"UUI header"_s));
        QTest::mouseClick(go, Qt::LeftButton);
        QCOMPARE(s.currentPageId(), u"uui"_s);

        // A fitting UUI under a field error (an empty SCRT2 domain) is still not green anywhere.
        s.edit([](Project& p) {
            p.trunk.limitAppliesTo = handoff::uui::LimitAppliesTo::DecodedData;
            p.org.scrt2Domain = u"not a domain"_s;
        });
        QVERIFY(s.workspace.derived().budget.fits());
        QCOMPARE(status->property("readinessState").toInt(), static_cast<int>(Readiness::State::NotReady));
        QVERIFY(exportPage->readinessText().contains(u"Not ready"_s));

        s.edit([](Project& p) { p.org.scrt2Domain = u"mycompany.my.salesforce-scrt.com"_s; });
        QCOMPARE(s.workspace.readiness().state, Readiness::State::Ready);
        QCOMPARE(status->property("readinessState").toInt(), static_cast<int>(Readiness::State::Ready));
        QVERIFY(exportPage->readinessText().contains(u"Ready"_s));
        QVERIFY(!go->isVisible());
    }

    // Item 2: an empty project shows no green check.
    void anEmptyProjectShowsNoCheck() {
        Studio s(Project::defaults(), false);
        auto* status = s.find<QLabel>(u"readinessStatusLabel"_s);
        QCOMPARE(status->property("readinessState").toInt(), static_cast<int>(Readiness::State::Empty));
        QVERIFY(s.find<QLabel>(u"readinessStatusIcon"_s)->pixmap().isNull());
        auto* exportPage = qobject_cast<handoff::pages::ExportPage*>(s.window.page(u"export"_s));
        QVERIFY(!exportPage->readinessText().contains(u"Ready"_s));
    }

    // Item 4: a field keeps its colour in every encoding and reading; the legend names each segment.
    void budgetBarColoursFollowTheField() {
        Studio s;
        auto* bar = s.find<handoff::widgets::BudgetBar>(u"uuiBudgetBar"_s);
        QVERIFY(bar);
        const auto tokenColour = [bar] {
            for (int i = 0; i < bar->segmentCount(); ++i) {
                if (bar->segmentName(i) == u"token"_s) {
                    return bar->segmentColor(i);
                }
            }
            return QColor();
        };
        const QColor decoded = tokenColour();
        QVERIFY(decoded.isValid());
        s.edit([](Project& p) { p.trunk.limitAppliesTo = handoff::uui::LimitAppliesTo::HeaderLine; });
        QCOMPARE(tokenColour(), decoded); // the header name segment now comes first
        s.edit([](Project& p) {
            p.trunk.encoding = handoff::uui::UuiEncoding::Ascii;
            p.trunk.pdMode = handoff::uui::PdMode::None;
        });
        QCOMPARE(tokenColour(), decoded);
        auto* legend = s.find<QLabel>(u"budgetLegendLabel"_s);
        QVERIFY(legend);
        QVERIFY(legend->text().contains(u"token"_s));
        QVERIFY(legend->text().contains(decoded.name()));
    }

    // Item 5: typing in transactionId or a custom parameter does not sign again; a claim change does.
    void keystrokesWithoutAClaimDoNotSign() {
        Studio s;
        s.window.showPage(u"uui"_s);
        auto* transactionId = s.find<QLineEdit>(u"transactionIdLineEdit"_s);
        QVERIFY(transactionId);
        const quint64 before = s.workspace.signatures();
        const QByteArray token = s.workspace.derived().token;
        QVERIFY(!token.isEmpty());
        transactionId->setFocus();
        transactionId->end(false);
        for (const QChar c : u"-XYZ"_s) {
            QTest::keyClick(transactionId, c.toLatin1());
            s.workspace.recomputeNow();
        }
        QVERIFY(s.workspace.derived().uui.json.contains("order-2026-0122-5489-XYZ"));
        QCOMPARE(s.workspace.signatures(), before);
        QCOMPARE(s.workspace.derived().token, token);
        s.edit([](Project& p) { p.uui.customParams = {{u"lang"_s, u"de"_s}}; });
        QCOMPARE(s.workspace.signatures(), before);
        s.edit([](Project& p) { p.org.callCenterApiName = u"other_center"_s; });
        QCOMPARE(s.workspace.signatures(), before + 1);
        QVERIFY(s.workspace.derived().token != token);
    }

    // Item 6: the rough edges.
    void roughEdges() {
        Studio s;
        // The View menu keeps the ampersand of "Org & credentials" (no mnemonic eats it).
        bool found = false;
        for (QAction* menu : s.window.menuBar()->actions()) {
            for (QAction* action : menu->menu() ? menu->menu()->actions() : QList<QAction*>{}) {
                if (action->text().contains(u"Org"_s)) {
                    found = true;
                    QVERIFY2(action->text().contains(u"&&"_s), qPrintable(action->text()));
                }
            }
        }
        QVERIFY(found);
        // Every page has a heading with its title.
        for (const QString& id : {u"org"_s, u"token"_s, u"uui"_s, u"export"_s, u"call"_s}) {
            handoff::shell::Page* page = s.window.page(id);
            QVERIFY(page);
            bool heading = false;
            for (const QLabel* label : page->findChildren<QLabel*>()) {
                heading = heading || (label->text() == page->title() && label->font().bold());
            }
            QVERIFY2(heading, qPrintable(id));
        }
        // Undo and redo are not the style's back/forward arrows.
        const QImage back = s.window.style()->standardIcon(QStyle::SP_ArrowBack).pixmap(16).toImage();
        for (QAction* action : s.window.findChildren<QAction*>()) {
            if (action->shortcut() == QKeySequence(QKeySequence::Undo)) {
                QVERIFY(!action->icon().isNull());
                QVERIFY(action->icon().pixmap(16).toImage() != back);
            }
        }
        // The key-less message names the buttons to press.
        Studio keyless(sample(), false);
        bool named = false;
        for (const auto& d : keyless.workspace.diagnostics()) {
            if (d.code == u"UUI030"_s) {
                named = d.message.contains(u"Generate Key Pair"_s) && d.message.contains(u"Import Key File"_s);
            }
        }
        QVERIFY(named);
        // A placeholder-looking org id gets an info.
        s.edit([](Project& p) { p.org.orgId = u"00DZ70000000XXX"_s; });
        bool placeholder = false;
        for (const auto& d : s.workspace.diagnostics()) {
            placeholder = placeholder || (d.code == u"ORG011"_s && d.severity == handoff::diagnostics::Severity::Info);
        }
        QVERIFY(placeholder);
    }

    // Item 6: the Problems list is more than one line tall, and long messages wrap.
    void problemsListIsTallerThanOneLine() {
        Studio s;
        auto* view = s.find<QTreeView>(u"problemsTreeView"_s);
        QVERIFY(view);
        QVERIFY(view->minimumHeight() >= view->fontMetrics().lineSpacing() * 3);
        QVERIFY(view->wordWrap());
    }

    // Item 6: the sidebar, the banner's close button and the Problems table draw a focus ring that can be seen: with
    // the focus, they look different from without it.
    void focusRingsAreVisible() {
        Studio s;
        s.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&s.window));
        s.edit([](Project& p) { p.org.orgId.clear(); }); // some problems for the table
        auto* banner = s.find<QWidget>(u"keyBannerFrame"_s);
        banner->show();
        for (const QString& name : {u"pageListWidget"_s, u"keyBannerCloseButton"_s, u"problemsTreeView"_s}) {
            auto* w = s.find<QWidget>(name);
            QVERIFY2(w, qPrintable(name));
            QVERIFY2(w->isVisible(), qPrintable(name));
            s.window.page(u"org"_s)->findChild<QLineEdit*>()->setFocus();
            QApplication::processEvents();
            const QImage without = w->grab().toImage();
            w->setFocus(Qt::TabFocusReason);
            QApplication::processEvents();
            QVERIFY2(w->hasFocus(), qPrintable(name));
            const QImage with = w->grab().toImage();
            QVERIFY2(with != without, qPrintable(name));
        }
    }

    // Item 6: the crash-recovery question's buttons say what they do.
    void recoveryButtonsSayWhatTheyDo() {
        handoff::shell::WidgetDialogs dialogs;
        QStringList buttons;
        QTimer::singleShot(0, this, [&buttons] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box) {
                return;
            }
            for (QAbstractButton* b : box->buttons()) {
                buttons << b->text();
            }
            box->escapeButton()->click();
        });
        const bool recovered =
            dialogs.choose(nullptr, u"Recover Unsaved Changes"_s, u"text"_s, u"Recover"_s, u"Discard"_s);
        QVERIFY(!recovered);
        QCOMPARE(buttons.size(), 2);
        QVERIFY(buttons.contains(u"Recover"_s));
        QVERIFY(buttons.contains(u"Discard"_s));
    }
};

QTEST_MAIN(TestDesktopStates)
#include "TestDesktopStates.moc"
