#pragma once

#include "common/Clock.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "project/Project.h"
#include "project/SecretStore.h"
#include "shell/Dialogs.h"
#include "shell/Workspace.h"

#include <QStandardPaths>
#include <QStringList>

#include <memory>

// The shared resources (icons, samples) are a static library: pull them in explicitly.
inline void initSharedResources() {
    Q_INIT_RESOURCE(resources);
}

// Test-only support for the page tests (and the page viewer): a workspace on a pinned clock with an in-memory
// secret store, a sample project, the test-only RSA key, and scripted dialogs.
namespace handoff::pagetest {

using namespace Qt::StringLiterals;

// 2026-11-28 12:00:00 UTC
constexpr qint64 kNow = 1795867200;

inline project::Project sampleProject() {
    project::Project p = project::Project::defaults();
    p.name = u"Sample handoff"_s;
    p.org.orgId = u"00DHs0000001abc"_s;
    p.org.scrt2Domain = u"mycompany.my.salesforce-scrt.com"_s;
    p.org.callCenterApiName = u"scv4cc1"_s;
    p.uui.callId = u"0LQRM0000006CSz4AM"_s;
    p.uui.includeCallId = true;
    p.uui.transactionId = u"order-2026-0122-5489"_s;
    return p;
}

inline QString testData(const QString& relative) {
    return QStringLiteral(HANDOFF_TEST_DATA) + u'/' + relative;
}

// Message boxes answer as told and file dialogs return the given path; everything asked is recorded.
class ScriptedDialogs final : public shell::Dialogs {
public:
    bool confirmAnswer = true;
    QString saveFileAnswer;
    QStringList asked; // titles, in order

    void information(QWidget*, const QString& title, const QString&) override { asked << title; }
    void warning(QWidget*, const QString& title, const QString&) override { asked << title; }
    void critical(QWidget*, const QString& title, const QString&) override { asked << title; }
    bool confirm(QWidget*, const QString& title, const QString&, const QString&) override {
        asked << title;
        return confirmAnswer;
    }
    SaveChoice askSaveChanges(QWidget*, const QString&) override { return SaveChoice::Discard; }
    QString openFileName(QWidget*, const QString& caption, const QString&, const QString&) override {
        asked << caption;
        return {};
    }
    QString saveFileName(QWidget*, const QString& caption, const QString&, const QString&) override {
        asked << caption;
        return saveFileAnswer;
    }
    std::optional<QByteArray> passphrase(QWidget*, const QString& title, const QString&) override {
        asked << title;
        return std::nullopt;
    }
    std::optional<QByteArray> pasteText(QWidget*, const QString& title, const QString&) override {
        asked << title;
        return std::nullopt;
    }
    QStringList textAnswers; // lineOfText answers, first first; none left = cancelled
    std::optional<QString> lineOfText(QWidget*, const QString& title, const QString&, const QString&) override {
        asked << title;
        if (textAnswers.isEmpty()) {
            return std::nullopt;
        }
        return textAnswers.takeFirst();
    }
};

struct Fixture {
    FixedClock clock = FixedClock::atSecs(kNow);
    project::MemorySecretStore secrets;
    std::unique_ptr<shell::Workspace> workspace;
    ScriptedDialogs dialogs;

    explicit Fixture(bool withKey = true) {
        workspace = std::make_unique<shell::Workspace>(clock, secrets);
        workspace->resetProject(sampleProject());
        if (withKey) {
            auto key = crypto::PrivateKey::load(testData(u"rsa2048-pkcs8-test-only.pem"_s));
            auto certificate = crypto::Certificate::load(testData(u"rsa2048-test-only.crt.pem"_s));
            if (key && certificate) {
                workspace->setKey(*key, *certificate, false);
            }
        }
        workspace->recomputeNow();
    }
};

} // namespace handoff::pagetest
