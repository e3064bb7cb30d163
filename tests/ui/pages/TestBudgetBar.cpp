#include "widgets/BudgetBar.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using handoff::widgets::BudgetBar;
using handoff::widgets::BudgetBarModel;
using handoff::widgets::BudgetSegment;

class TestBudgetBar final : public QObject {
    Q_OBJECT

private:
    static BudgetBarModel model(QList<qsizetype> chars, qsizetype total, qsizetype limit) {
        BudgetBarModel m;
        int i = 0;
        for (qsizetype c : chars) {
            m.segments.append(BudgetSegment{u"field%1"_s.arg(i++), c, {}});
        }
        m.total = total;
        m.limit = limit;
        m.unit = u"characters (hex)"_s;
        return m;
    }

private Q_SLOTS:
    void segmentWidthsAreProportional_data() {
        QTest::addColumn<QList<qsizetype>>("chars");
        QTest::addColumn<qsizetype>("total");
        QTest::addColumn<qsizetype>("limit");
        QTest::newRow("under") << QList<qsizetype>{30, 256, 74, 36} << qsizetype(420) << qsizetype(1024);
        QTest::newRow("over, hex 2048-bit token")
            << QList<qsizetype>{30, 72, 1112, 36, 40} << qsizetype(1486) << qsizetype(1024);
        QTest::newRow("exactly at the limit") << QList<qsizetype>{500, 524} << qsizetype(1024) << qsizetype(1024);
    }
    void segmentWidthsAreProportional() {
        QFETCH(QList<qsizetype>, chars);
        QFETCH(qsizetype, total);
        QFETCH(qsizetype, limit);
        BudgetBar bar;
        bar.resize(800, bar.sizeHint().height());
        bar.setModel(model(chars, total, limit));

        const qreal perChar = bar.barRect().width() / static_cast<qreal>(std::max(total, limit));
        qreal expectedLeft = bar.barRect().left();
        for (int i = 0; i < chars.size(); ++i) {
            const QRectF r = bar.segmentRect(i);
            QVERIFY2(qAbs(r.width() - chars.at(i) * perChar) < 0.01, qPrintable(u"segment %1"_s.arg(i)));
            QVERIFY(qAbs(r.left() - expectedLeft) < 0.01);
            expectedLeft = r.right();
        }
        // The overhead (total minus the fields) is its own segment when there is any.
        qsizetype sum = 0;
        for (qsizetype c : chars) {
            sum += c;
        }
        QCOMPARE(bar.segmentCount(), static_cast<int>(chars.size()) + (total > sum ? 1 : 0));
        if (total > sum) {
            QCOMPARE(bar.segmentChars(bar.segmentCount() - 1), total - sum);
        }
        QVERIFY(qAbs(bar.limitX() - (bar.barRect().left() + limit * perChar)) < 0.01);
    }

    void overflowExactlyWhenOver_data() {
        QTest::addColumn<qsizetype>("total");
        QTest::addColumn<qsizetype>("limit");
        QTest::addColumn<bool>("over");
        QTest::newRow("under") << qsizetype(1000) << qsizetype(1024) << false;
        QTest::newRow("at") << qsizetype(1024) << qsizetype(1024) << false;
        QTest::newRow("one over") << qsizetype(1025) << qsizetype(1024) << true;
        QTest::newRow("far over") << qsizetype(1486) << qsizetype(1024) << true;
        QTest::newRow("no limit") << qsizetype(1486) << qsizetype(0) << false;
    }
    void overflowExactlyWhenOver() {
        QFETCH(qsizetype, total);
        QFETCH(qsizetype, limit);
        QFETCH(bool, over);
        BudgetBar bar;
        bar.resize(600, bar.sizeHint().height());
        bar.setModel(model({total}, total, limit));
        QCOMPARE(!bar.overflowRect().isEmpty(), over);
        if (over) {
            const qreal perChar = bar.barRect().width() / static_cast<qreal>(total);
            QVERIFY(qAbs(bar.overflowRect().left() - bar.limitX()) < 0.01);
            QVERIFY(qAbs(bar.overflowRect().width() - (total - limit) * perChar) < 0.01);
            QVERIFY(bar.summaryText().contains(QLocale().toString(qlonglong(total - limit))));
        }
    }

    void tooltipsAndAccessibilityCarryTheNumbers() {
        BudgetBar bar;
        bar.resize(600, bar.sizeHint().height());
        BudgetBarModel m = model({1112, 72}, 1486, 1024);
        m.segments[0].name = u"token"_s;
        bar.setModel(m);
        QVERIFY(bar.segmentToolTip(0).contains(u"token"_s));
        QVERIFY(bar.segmentToolTip(0).contains(QLocale().toString(1112)));
        QVERIFY(bar.accessibleDescription().contains(QLocale().toString(1486)));
        QVERIFY(bar.accessibleDescription().contains(QLocale().toString(1112)));
        QVERIFY(bar.isOverheadSegment(2));
        QCOMPARE(bar.segmentChars(2), qsizetype(1486 - 1112 - 72));
    }

    void keyboardWalksAndActivatesSegments() {
        BudgetBar bar;
        bar.resize(600, bar.sizeHint().height());
        bar.setModel(model({100, 200, 300}, 600, 1024));
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QCOMPARE(bar.focusPolicy(), Qt::StrongFocus);
        QSignalSpy activated(&bar, &BudgetBar::segmentActivated);
        QTest::keyClick(&bar, Qt::Key_Right);
        QCOMPARE(bar.currentSegment(), 0);
        QTest::keyClick(&bar, Qt::Key_Right);
        QTest::keyClick(&bar, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).toInt(), 1);
        QTest::keyClick(&bar, Qt::Key_End);
        QCOMPARE(bar.currentSegment(), 2);
        QVERIFY(bar.accessibleDescription().contains(u"field2"_s));

        QTest::mouseClick(&bar, Qt::LeftButton, {}, bar.segmentRect(0).center().toPoint());
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).toInt(), 0);
    }

    void paintsWithoutPixmapsAtAnyScale() {
        // Paint into images at 1x and 2x device pixel ratio; the overflow area is reddish at both.
        for (qreal dpr : {1.0, 2.0}) {
            BudgetBar bar;
            bar.resize(600, bar.sizeHint().height());
            bar.setModel(model({1400}, 1400, 1024));
            QImage image(bar.size() * dpr, QImage::Format_ARGB32);
            image.setDevicePixelRatio(dpr);
            image.fill(Qt::white);
            bar.render(&image);
            const QPointF probe = bar.overflowRect().center();
            const QColor colour = image.pixelColor((probe * dpr).toPoint());
            QVERIFY2(colour.red() > colour.green() && colour.red() > colour.blue(),
                     qPrintable(colour.name() + u" at dpr "_s + QString::number(dpr)));
        }
    }
};

QTEST_MAIN(TestBudgetBar)
#include "TestBudgetBar.moc"
