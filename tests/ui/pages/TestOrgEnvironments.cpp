#include "PageTestSupport.h"
#include "pages/OrgPage.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using handoff::pages::OrgPage;
using handoff::pagetest::Fixture;

// The Org & credentials page's environments: add, switch, rename and remove, each one undo step, and the key and
// settings following the selected environment.
class TestOrgEnvironments final : public QObject {
    Q_OBJECT

private:
    template <typename T>
    static T* child(QWidget& page, const char* name) {
        return page.findChild<T*>(QString::fromLatin1(name));
    }
    static void choose(QComboBox* combo, const QString& name) {
        combo->setCurrentIndex(combo->findData(name));
        Q_EMIT combo->activated(combo->currentIndex());
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        initSharedResources();
    }

    void addSwitchAndUndo() {
        Fixture f;
        OrgPage page(*f.workspace);
        page.setDialogs(f.dialogs);
        auto* combo = child<QComboBox>(page, "environmentComboBox");
        auto* add = child<QPushButton>(page, "environmentAddButton");
        auto* remove = child<QPushButton>(page, "environmentRemoveButton");
        auto* orgId = child<QLineEdit>(page, "orgIdLineEdit");
        auto* sip = child<QLineEdit>(page, "sipAddressLineEdit");
        QVERIFY(combo && add && remove && orgId && sip);
        QCOMPARE(combo->count(), 1);
        QVERIFY(!remove->isEnabled()); // the only one
        QVERIFY(combo->focusPolicy() != Qt::NoFocus);

        f.dialogs.textAnswers = {u"sandbox"_s};
        add->click();
        QCOMPARE(f.workspace->project().environmentNames(), (QStringList{u"production"_s, u"sandbox"_s}));
        QCOMPARE(f.workspace->project().environment, u"sandbox"_s); // the new one is the one to fill in
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->currentData().toString(), u"sandbox"_s);
        QVERIFY(remove->isEnabled());
        QVERIFY(child<QLabel>(page, "environmentNoteLabel")->text().contains(u"sandbox"_s));

        // Typing goes to the selected environment only.
        orgId->selectAll();
        QTest::keyClicks(orgId, u"00DSB0000000001"_s);
        QTest::keyClicks(sip, u"+15550100999"_s);
        QCOMPARE(f.workspace->project().org.orgId, u"00DSB0000000001"_s);
        QCOMPARE(f.workspace->project().environments().at(0).org.orgId, u"00DHs0000001abc"_s);

        const int steps = f.workspace->undoStack()->count();
        choose(combo, u"production"_s);
        QCOMPARE(f.workspace->undoStack()->count(), steps + 1); // one step
        QCOMPARE(orgId->text(), u"00DHs0000001abc"_s);
        QVERIFY(sip->text().isEmpty());
        QCOMPARE(f.workspace->project().defaultEnvironment, u"production"_s);
        f.workspace->undoStack()->undo();
        QCOMPARE(f.workspace->project().environment, u"sandbox"_s);
        QCOMPARE(orgId->text(), u"00DSB0000000001"_s);
        QCOMPARE(combo->currentData().toString(), u"sandbox"_s);
    }

    void refusedNamesChangeNothing() {
        Fixture f;
        OrgPage page(*f.workspace);
        page.setDialogs(f.dialogs);
        const int steps = f.workspace->undoStack()->count();
        for (const QString& name : {u"bad name"_s, u"PRODUCTION"_s, QString()}) {
            f.dialogs.asked.clear();
            f.dialogs.textAnswers = {name};
            child<QPushButton>(page, "environmentAddButton")->click();
            QCOMPARE(f.dialogs.asked.size(), 2); // the question, then the warning with the reason
            QCOMPARE(f.workspace->project().environmentNames(), QStringList{u"production"_s});
        }
        // Cancelled: nothing asked after the question.
        f.dialogs.asked.clear();
        child<QPushButton>(page, "environmentAddButton")->click();
        QCOMPARE(f.dialogs.asked.size(), 1);
        QCOMPARE(f.workspace->undoStack()->count(), steps);
    }

    void renameAndRemove() {
        Fixture f;
        OrgPage page(*f.workspace);
        page.setDialogs(f.dialogs);
        f.dialogs.textAnswers = {u"sandbox"_s, u"uat"_s};
        child<QPushButton>(page, "environmentAddButton")->click();
        child<QPushButton>(page, "environmentRenameButton")->click();
        QCOMPARE(f.workspace->project().environmentNames(), (QStringList{u"production"_s, u"uat"_s}));
        f.dialogs.confirmAnswer = false;
        child<QPushButton>(page, "environmentRemoveButton")->click();
        QCOMPARE(f.workspace->project().environmentNames().size(), 2);
        f.dialogs.confirmAnswer = true;
        child<QPushButton>(page, "environmentRemoveButton")->click();
        QCOMPARE(f.workspace->project().environmentNames(), QStringList{u"production"_s});
        QCOMPARE(child<QComboBox>(page, "environmentComboBox")->count(), 1);
        f.workspace->undoStack()->undo(); // the removal, whole
        QCOMPARE(f.workspace->project().environmentNames(), (QStringList{u"production"_s, u"uat"_s}));
    }

    // Each environment signs with the key its reference names: switching loads it, or says there is none.
    void theKeyFollowsTheEnvironment() {
        Fixture f(false);
        auto key = handoff::crypto::PrivateKey::load(handoff::pagetest::testData(u"rsa2048-pkcs8-test-only.pem"_s));
        QVERIFY(key.has_value());
        f.workspace->setKey(*key, {}, true); // kept in the (memory) store under a new reference
        QTRY_VERIFY(!f.workspace->project().key.keychainId.isEmpty());
        OrgPage page(*f.workspace);
        page.setDialogs(f.dialogs);
        f.dialogs.textAnswers = {u"sandbox"_s};
        child<QPushButton>(page, "environmentAddButton")->click();
        QVERIFY(f.workspace->hasKey()); // a copy: the same reference, the same key
        f.workspace->edit(u"Another key"_s,
                          [](handoff::project::Project& p) { p.key.keychainId = u"handoff-studio/not-stored"_s; });
        choose(child<QComboBox>(page, "environmentComboBox"), u"production"_s);
        QTRY_VERIFY(f.workspace->hasKey());
        choose(child<QComboBox>(page, "environmentComboBox"), u"sandbox"_s);
        QTRY_VERIFY(!f.workspace->hasKey());
    }
};

QTEST_MAIN(TestOrgEnvironments)
#include "TestOrgEnvironments.moc"
