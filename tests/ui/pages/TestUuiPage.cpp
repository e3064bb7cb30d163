#include "PageTestSupport.h"
#include "pages/UuiPage.h"
#include "widgets/BudgetBar.h"
#include "widgets/JsonEditor.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using handoff::diagnostics::Severity;
using handoff::pages::UuiPage;
using handoff::pagetest::Fixture;
using handoff::widgets::BudgetBar;
using handoff::widgets::JsonEditor;

class TestUuiPage final : public QObject {
    Q_OBJECT

private:
    static QStringList codes(const handoff::diagnostics::Diagnostics& list) {
        QStringList out;
        for (const auto& d : list) {
            out << d.code;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        initSharedResources();
    }

    void typingUpdatesTheBudgetBarAndTheJson() {
        Fixture f;
        UuiPage page(*f.workspace);
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* bar = page.findChild<BudgetBar*>(u"uuiBudgetBar"_s);
        auto* json = page.findChild<JsonEditor*>(u"uuiJsonEditor"_s);
        auto* transactionId = page.findChild<QLineEdit*>(u"transactionIdLineEdit"_s);
        QVERIFY(bar && json && transactionId);
        QVERIFY(json->isReadOnly());
        const qsizetype before = bar->model().total;
        QVERIFY(before > 0);
        QCOMPARE(before, f.workspace->derived().budget.measured);

        transactionId->setFocus();
        transactionId->end(false);
        QTest::keyClicks(transactionId, u"-XYZ"_s);
        // Four more JSON bytes, counted as four: by default the limit applies to the decoded data.
        QTRY_COMPARE(bar->model().total, before + 4);
        QVERIFY(json->text().contains(u"\"transactionId\":\"order-2026-0122-5489-XYZ\""_s));
        QCOMPARE(f.workspace->project().uui.transactionId, std::optional<QString>(u"order-2026-0122-5489-XYZ"_s));
        // The segment of the field grew by the same amount.
        int index = -1;
        for (int i = 0; i < bar->segmentCount(); ++i) {
            if (bar->segmentName(i) == u"transactionId"_s) {
                index = i;
            }
        }
        QVERIFY(index >= 0);
        // One undo step for the typed word.
        f.workspace->undoStack()->undo();
        QTRY_COMPARE(bar->model().total, before);
        QCOMPARE(transactionId->text(), u"order-2026-0122-5489"_s);
    }

    void jsonIndicatorsFollowTheDiagnostics() {
        Fixture f;
        f.workspace->edit(u"bad callId"_s, [](handoff::project::Project& p) { p.uui.callId = u"not-an-id"_s; });
        f.workspace->recomputeNow();
        UuiPage page(*f.workspace);
        auto* json = page.findChild<JsonEditor*>(u"uuiJsonEditor"_s);
        QVERIFY(json);
        // Every problem with a range in the composed JSON is marked at exactly that range.
        qsizetype ranged = 0;
        for (const auto& d : f.workspace->derived().diagnostics) {
            if (d.where.offset < 0 || !d.where.field.startsWith(u"uui"_s)) {
                continue;
            }
            ++ranged;
            const auto ranges = json->indicatorRanges(d.severity);
            const bool covered = std::any_of(ranges.cbegin(), ranges.cend(), [&](const auto& r) {
                return r.first <= d.where.offset && d.where.offset + d.where.length <= r.first + r.second;
            });
            QVERIFY2(covered, qPrintable(d.code));
        }
        QVERIFY2(ranged > 0, "a malformed callId must be reported with its range in the JSON");
    }

    void pastedTypographicSampleIsFlaggedAndRepaired() {
        Fixture f;
        UuiPage page(*f.workspace);
        QFile sample(handoff::pagetest::testData(u"uui/article-sample-2.txt"_s));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(sample.readAll());
        QVERIFY(text.contains(u'\u201C'));

        page.checkPastedText(text);
        QVERIFY(!page.pastedLint().validJson);
        QVERIFY(page.pastedLint().repaired.has_value());
        QVERIFY(codes(page.pastedLint().diagnostics).contains(u"UUI002"_s));
        auto* editor = page.findChild<JsonEditor*>(u"pastedJsonEditor"_s);
        auto* repair = page.findChild<QPushButton*>(u"repairPushButton"_s);
        QVERIFY(editor && repair);
        QVERIFY(!editor->indicatorRanges(Severity::Error).isEmpty());
        // The first typographic quote is inside a marked range.
        const qsizetype quote = text.toUtf8().indexOf("\xE2\x80\x9C");
        const auto errors = editor->indicatorRanges(Severity::Error);
        QVERIFY(std::any_of(errors.cbegin(), errors.cend(),
                            [&](const auto& r) { return r.first <= quote && quote < r.first + r.second; }));
        QVERIFY(repair->isEnabled());

        QTest::mouseClick(repair, Qt::LeftButton);
        QVERIFY(page.pastedLint().validJson);
        QVERIFY(!codes(page.pastedLint().diagnostics).contains(u"UUI002"_s));
        QVERIFY(!editor->text().contains(u'\u201C'));
        QVERIFY(!editor->text().contains(u'\u201D'));
        QVERIFY(!repair->isEnabled());
    }

    void applyingAWayOutSavesWhatItClaimed() {
        Fixture f;
        f.workspace->edit(u"more"_s, [](handoff::project::Project& p) {
            p.uui.customParams = {{u"department"_s, u"Support"_s}, {u"priority"_s, u"high"_s}};
            p.trunk.limitAppliesTo = handoff::uui::LimitAppliesTo::HeaderLine; // the strict reading, selectable
        });
        f.workspace->recomputeNow();
        UuiPage page(*f.workspace);
        const auto& budget = f.workspace->derived().budget;
        QVERIFY2(!budget.fits(), "a 2048-bit token in hex must be over 1,024 characters");
        QVERIFY(!budget.waysOut.isEmpty());

        int applied = 0;
        for (int i = 0; i < f.workspace->derived().budget.waysOut.size(); ++i) {
            const auto way = f.workspace->derived().budget.waysOut.at(i);
            if (!way.applicable) {
                QVERIFY(!page.applyWayOut(i));
                continue;
            }
            const qsizetype before = f.workspace->derived().budget.measured;
            QVERIFY(page.applyWayOut(i));
            f.workspace->recomputeNow();
            QCOMPARE(f.workspace->derived().budget.measured, before - way.saves);
            f.workspace->undoStack()->undo();
            f.workspace->recomputeNow();
            QCOMPARE(f.workspace->derived().budget.measured, before);
            ++applied;
        }
        QVERIFY(applied >= 3); // orgId, callId, transactionId, the two parameters (never ascii)

        // The button does the same as applyWayOut() (the first one that applies with one click; the key size is
        // information only).
        const auto& ways = f.workspace->derived().budget.waysOut;
        const auto firstApplicable =
            std::find_if(ways.cbegin(), ways.cend(), [](const handoff::uui::WayOut& w) { return w.applicable; });
        QVERIFY(firstApplicable != ways.cend());
        const int index = static_cast<int>(std::distance(ways.cbegin(), firstApplicable));
        auto* button = page.findChild<QPushButton*>(u"wayOutPushButton%1"_s.arg(index));
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        const auto first = *firstApplicable;
        const qsizetype before = f.workspace->derived().budget.measured;
        QTest::mouseClick(button, Qt::LeftButton);
        f.workspace->recomputeNow();
        QCOMPARE(f.workspace->derived().budget.measured, before - first.saves);
    }

    void customParametersAddRemoveReorder() {
        Fixture f;
        UuiPage page(*f.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* table = page.findChild<QTableWidget*>(u"customParamsTableWidget"_s);
        auto* add = page.findChild<QPushButton*>(u"addParamPushButton"_s);
        auto* remove = page.findChild<QPushButton*>(u"removeParamPushButton"_s);
        auto* up = page.findChild<QToolButton*>(u"paramUpToolButton"_s);
        QVERIFY(table && add && remove && up);

        QTest::mouseClick(add, Qt::LeftButton);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(f.workspace->project().uui.customParams.size(), 2);
        table->item(1, 1)->setText(u"second"_s);
        QCOMPARE(f.workspace->project().uui.customParams.at(1).value, u"second"_s);

        table->setCurrentCell(1, 0);
        QVERIFY(up->isEnabled());
        QTest::mouseClick(up, Qt::LeftButton);
        QCOMPARE(f.workspace->project().uui.customParams.at(0).value, u"second"_s);
        f.workspace->recomputeNow();
        const QByteArray json = f.workspace->derived().uui.json;
        QVERIFY(json.indexOf("\"param2\"") < json.indexOf("\"param1\""));

        table->setCurrentCell(0, 0);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(f.workspace->project().uui.customParams.size(), 1);
        QCOMPARE(f.workspace->project().uui.customParams.at(0).key, u"param1"_s);
    }

    void tabOrderFollowsTheLayout() {
        Fixture f;
        f.workspace->edit(u"more"_s, [](handoff::project::Project& p) {
            p.uui.customParams = {{u"department"_s, u"Support"_s}};
            p.trunk.limitAppliesTo = handoff::uui::LimitAppliesTo::HeaderLine; // over: ways out are shown
        });
        f.workspace->recomputeNow();
        UuiPage page(*f.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // Walk the focus chain from the first field and note where each widget comes.
        QStringList order;
        QWidget* start = page.findChild<QWidget*>(u"includeOrgIdCheckBox"_s);
        QWidget* w = start;
        do {
            if (w->focusPolicy() & Qt::TabFocus && !w->objectName().isEmpty()) {
                order << w->objectName();
            }
            w = w->nextInFocusChain();
        } while (w && w != start && order.size() < 200);
        const auto before = [&](const QString& a, const QString& b) {
            return order.indexOf(a) >= 0 && order.indexOf(b) >= 0 && order.indexOf(a) < order.indexOf(b);
        };
        QVERIFY2(before(u"includeOrgIdCheckBox"_s, u"callIdLineEdit"_s), qPrintable(order.join(u' ')));
        QVERIFY2(before(u"callIdLineEdit"_s, u"transactionIdLineEdit"_s), qPrintable(order.join(u' ')));
        QVERIFY2(before(u"transactionIdLineEdit"_s, u"customParamsTableWidget"_s), qPrintable(order.join(u' ')));
        QVERIFY2(before(u"customParamsTableWidget"_s, u"encodingComboBox"_s), qPrintable(order.join(u' ')));
        QVERIFY2(before(u"encodingComboBox"_s, u"limitSpinBox"_s), qPrintable(order.join(u' ')));
        QVERIFY2(before(u"uuiBudgetBar"_s, u"wayOutPushButton0"_s), qPrintable(order.join(u' ')));
        QVERIFY2(before(u"wayOutPushButton0"_s, u"headerLinePlainTextEdit"_s), qPrintable(order.join(u' ')));
    }

    void activatingABudgetSegmentFocusesItsField() {
        Fixture f;
        UuiPage page(*f.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* bar = page.findChild<BudgetBar*>(u"uuiBudgetBar"_s);
        QVERIFY(bar);
        int index = -1;
        for (int i = 0; i < bar->segmentCount(); ++i) {
            if (bar->segmentName(i) == u"callId"_s) {
                index = i;
            }
        }
        QVERIFY(index >= 0);
        bar->setFocus();
        bar->setCurrentSegment(index);
        QTest::keyClick(bar, Qt::Key_Return);
        QTRY_COMPARE(QApplication::focusWidget(), page.findChild<QLineEdit*>(u"callIdLineEdit"_s));
    }

    void trunkProfileEditsTheProject() {
        Fixture f;
        UuiPage page(*f.workspace);
        auto* pd = page.findChild<QSpinBox*>(u"pdOctetSpinBox"_s);
        QVERIFY(pd);
        QCOMPARE(pd->text(), u"0x04"_s);
        pd->setValue(0x7f);
        QCOMPARE(f.workspace->project().trunk.protocolDiscriminator, quint8(0x7f));
        QCOMPARE(pd->text(), u"0x7F"_s);
        auto* limit = page.findChild<QSpinBox*>(u"limitSpinBox"_s);
        limit->setValue(2048);
        QCOMPARE(f.workspace->project().trunk.limit, 2048);
        f.workspace->recomputeNow();
        QCOMPARE(page.findChild<BudgetBar*>(u"uuiBudgetBar"_s)->model().limit, qsizetype(2048));
        // An undo puts the editor back.
        f.workspace->undoStack()->undo();
        QCOMPARE(limit->value(), 1024);
    }

    void narrowWindowsStackThePanes() {
        Fixture f;
        UuiPage page(*f.workspace);
        auto* splitter = page.findChild<QSplitter*>(u"uuiSplitter"_s);
        QVERIFY(splitter);
        const int wide = page.fontMetrics().averageCharWidth() * 200;
        page.resize(wide, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(splitter->orientation(), Qt::Horizontal);
        page.resize(page.fontMetrics().averageCharWidth() * 100, 800);
        QTRY_COMPARE(splitter->orientation(), Qt::Vertical);
    }

    void problemsFocusTheirField() {
        Fixture f;
        UuiPage page(*f.workspace);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.ownsField(u"uui.callId"_s));
        QVERIFY(page.ownsField(u"trunk.limit"_s));
        QVERIFY(page.focusField(u"uui.callId"_s, {}));
        QTRY_COMPARE(QApplication::focusWidget(), page.findChild<QLineEdit*>(u"callIdLineEdit"_s));
        // The callId value is also selected in the JSON view.
        auto* json = page.findChild<JsonEditor*>(u"uuiJsonEditor"_s);
        const auto span = f.workspace->derived().uui.findKey(u"callId"_s);
        QVERIFY(span);
        QCOMPARE(json->selectedRange(), (QPair<qsizetype, qsizetype>{span->valueOffset, span->valueLength}));

        // The token is not edited on this page: its problems select it in the JSON view.
        QVERIFY(page.focusField(u"uui.token"_s, {}));
        const auto token = f.workspace->derived().uui.findKey(u"token"_s);
        QCOMPARE(json->selectedRange(), (QPair<qsizetype, qsizetype>{token->valueOffset, token->valueLength}));
        QTRY_VERIFY(json->isAncestorOf(QApplication::focusWidget()));

        // A custom parameter named by position (as the composer reports an empty key) selects its row.
        f.workspace->edit(u"params"_s, [](handoff::project::Project& p) {
            p.uui.customParams = {{u"a"_s, u"1"_s}, {QString(), u"2"_s}};
        });
        f.workspace->recomputeNow();
        const auto& list = f.workspace->derived().diagnostics;
        const auto it = std::find_if(list.cbegin(), list.cend(), [](const auto& d) { return d.code == u"UUI040"_s; });
        QVERIFY(it != list.cend());
        QVERIFY(page.ownsField(it->where.field));
        QVERIFY(page.focusField(it->where.field, it->where));
        auto* table = page.findChild<QTableWidget*>(u"customParamsTableWidget"_s);
        // The row with the problem carries it on its key cell; the good row does not.
        QVERIFY(table->item(1, 0)->toolTip().contains(u"UUI040"_s));
        QVERIFY(!table->item(1, 0)->icon().isNull());
        QVERIFY(table->item(0, 0)->toolTip().isEmpty());
        QCOMPARE(table->currentRow(), 1);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(table));
    }
};

QTEST_MAIN(TestUuiPage)
#include "TestUuiPage.moc"
