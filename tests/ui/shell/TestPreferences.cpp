#include "shell/Preferences.h"
#include "shell/PreferencesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using handoff::shell::Preferences;
using handoff::shell::PreferencesDialog;

class TestPreferences final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"Handoff Studio Tests"_s);
        QCoreApplication::setApplicationName(u"test_ui_preferences"_s);
    }

    void init() { QSettings().clear(); }

    void defaultsAreSafe() {
        QCOMPARE(Preferences::language(), QString());
        QVERIFY(Preferences::clipboardClearDelay().count() > 0);
        QVERIFY(Preferences::redactTokensInLogs());
        QVERIFY(!Preferences::sessionOnlyKeys());
    }

    void dialogShowsAndWritesThePreferences() {
        Preferences::setClipboardClearDelay(std::chrono::seconds(45));
        PreferencesDialog dialog;
        auto* language = dialog.findChild<QComboBox*>(u"languageComboBox"_s);
        auto* delay = dialog.findChild<QSpinBox*>(u"clipboardDelaySpinBox"_s);
        auto* redact = dialog.findChild<QCheckBox*>(u"redactTokensCheckBox"_s);
        auto* sessionOnly = dialog.findChild<QCheckBox*>(u"sessionOnlyKeysCheckBox"_s);
        QVERIFY(language && delay && redact && sessionOnly);
        QCOMPARE(delay->value(), 45);
        QCOMPARE(language->currentData().toString(), QString());
        QVERIFY(language->findData(u"de"_s) >= 0);

        language->setCurrentIndex(language->findData(u"de"_s));
        delay->setValue(0);
        redact->setChecked(false);
        sessionOnly->setChecked(true);
        QSignalSpy changed(&Preferences::notifier(), &Preferences::changed);
        dialog.apply();
        QVERIFY(changed.count() >= 1);
        QCOMPARE(Preferences::language(), u"de"_s);
        QCOMPARE(Preferences::clipboardClearDelay().count(), 0);
        QVERIFY(!Preferences::redactTokensInLogs());
        QVERIFY(Preferences::sessionOnlyKeys());
        // Nothing secret is kept with the preferences.
        for (const QString& key : QSettings().allKeys()) {
            QVERIFY2(!key.contains(u"key"_s, Qt::CaseInsensitive) || key == u"keys/sessionOnly"_s, qPrintable(key));
        }
        if (const QByteArray dir = qgetenv("HANDOFF_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog.show();
            dialog.grab().save(QString::fromLocal8Bit(dir) + u"/preferences.png"_s);
        }
    }
};

QTEST_MAIN(TestPreferences)
#include "TestPreferences.moc"
