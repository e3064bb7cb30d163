#include "telephony/ScriptedBackend.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace handoff::telephony;

class TestScriptedBackend final : public QObject {
    Q_OBJECT

private:
    static VoiceCallRequest request(const QString& key) {
        VoiceCallRequest r;
        r.callCenterApiName = u"scv4cc1"_s;
        r.vendorCallKey = key;
        r.to = u"+14155550100"_s;
        r.from = u"+14155550199"_s;
        return r;
    }

private Q_SLOTS:
    void emptyScriptSucceedsWithNumberedIds() {
        ScriptedBackend backend;
        std::unique_ptr<VoiceCallsReply> first(backend.createVoiceCall(request(u"a"_s)));
        std::unique_ptr<VoiceCallsReply> second(backend.createVoiceCall(request(u"b"_s)));
        QVERIFY(first->isFinished());
        QCOMPARE(first->result().outcome, CallOutcome::Success);
        QCOMPARE(first->result().voiceCallId, u"0LQSC0000000001"_s);
        QCOMPARE(second->result().voiceCallId, u"0LQSC0000000002"_s);
        QCOMPARE(first->result().voiceCallId.size(), 15);
        QCOMPARE(first->result().voiceCallId18.size(), 18);
        QVERIFY(first->result().voiceCallId18.startsWith(first->result().voiceCallId));
        QVERIFY(first->result().created());
        QCOMPARE(backend.requests().size(), 2);
        QCOMPARE(backend.requests().at(1).vendorCallKey, u"b"_s);
        // A long run keeps the last kKeptRequests requests, oldest first, and counts them all.
        for (int i = 0; i < ScriptedBackend::kKeptRequests + 3; ++i) {
            backend.answerAtOnce(request(QString::number(i)));
        }
        QCOMPARE(backend.requestCount(), qint64(ScriptedBackend::kKeptRequests + 5));
        const QList<VoiceCallRequest> kept = backend.requests();
        QCOMPARE(kept.size(), ScriptedBackend::kKeptRequests);
        QCOMPARE(kept.constFirst().vendorCallKey, u"3"_s);
        QCOMPARE(kept.constLast().vendorCallKey, QString::number(ScriptedBackend::kKeptRequests + 2));
        // Zero-padded to 15 characters, up to the largest int.
        QCOMPARE(ScriptedBackend::generatedId(1234567), u"0LQSC0001234567"_s);
        QCOMPARE(ScriptedBackend::generatedId(2147483647), u"0LQSC2147483647"_s);
        // The 18-character form: "0LQSC" has upper case at positions 2-5, bits 11110 = 30 -> '4'; digits give 'A'.
        QCOMPARE(first->result().voiceCallId18, u"0LQSC00000000014AA"_s);
    }

    // answerAtOnce gives what a reply would hold, uses the same script and ids, and is recorded like a request.
    void answerAtOnceIsTheReplysResult() {
        const QList<ScriptedBackend::Step> script{
            ScriptedBackend::Step::success(), ScriptedBackend::Step::failure(401, {u"invalid token"_s}),
            ScriptedBackend::Step::timeout(), ScriptedBackend::Step::partial(u"x"_s)};
        ScriptedBackend viaReplies;
        ScriptedBackend atOnce;
        viaReplies.setScript(script);
        atOnce.setScript(script);
        for (int i = 0; i < script.size() + 1; ++i) { // the last one past the script: a default success
            std::unique_ptr<VoiceCallsReply> reply(viaReplies.createVoiceCall(request(QString::number(i))));
            const std::optional<VoiceCallResult> answer = atOnce.answerAtOnce(request(QString::number(i)));
            QVERIFY(answer);
            QCOMPARE(answer->outcome, reply->result().outcome);
            QCOMPARE(answer->httpStatus, reply->result().httpStatus);
            QCOMPARE(answer->voiceCallId, reply->result().voiceCallId);
            QCOMPARE(answer->voiceCallId18, reply->result().voiceCallId18);
            QCOMPARE(answer->errors, reply->result().errors);
            QCOMPARE(answer->latencyMs, reply->result().latencyMs);
            QCOMPARE(answer->diagnostics.size(), reply->result().diagnostics.size());
            for (qsizetype d = 0; d < answer->diagnostics.size(); ++d) {
                QCOMPARE(answer->diagnostics.at(d).code, reply->result().diagnostics.at(d).code);
                QCOMPARE(answer->diagnostics.at(d).message, reply->result().diagnostics.at(d).message);
            }
        }
        QCOMPARE(atOnce.requests(), viaReplies.requests());
        QCOMPARE(atOnce.pending(), 0);

        // Asked for errors only: the same answer less the diagnostics that are not errors.
        ScriptedBackend errorsOnly;
        errorsOnly.setScript(script);
        ScriptedBackend full;
        full.setScript(script);
        int left = 0;
        for (int i = 0; i < script.size() + 1; ++i) {
            const auto lean = errorsOnly.answerAtOnce(request({}), VoiceCallsBackend::AnswerDetail::ErrorsOnly);
            const auto all = full.answerAtOnce(request({}));
            QCOMPARE(lean->outcome, all->outcome);
            QCOMPARE(lean->voiceCallId18, all->voiceCallId18);
            QCOMPARE(lean->errors, all->errors);
            QStringList allErrors;
            for (const handoff::diagnostics::Diagnostic& d : all->diagnostics) {
                if (d.isError()) {
                    allErrors.append(d.code + d.message);
                } else {
                    ++left;
                }
            }
            QStringList leanErrors;
            for (const handoff::diagnostics::Diagnostic& d : lean->diagnostics) {
                leanErrors.append(d.code + d.message);
            }
            QCOMPARE(leanErrors, allErrors);
        }
        QCOMPARE(left, 3); // TEL020 twice, TEL021 once
    }

    void stepsAreUsedInOrder_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<CallOutcome>("outcome");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("success") << 0 << CallOutcome::Success << 201 << u"TEL020"_s;
        QTest::newRow("failure") << 1 << CallOutcome::Failure << 401 << u"TEL026"_s;
        QTest::newRow("timeout") << 2 << CallOutcome::Timeout << 0 << u"TEL025"_s;
        QTest::newRow("partial") << 3 << CallOutcome::Success << 201 << u"TEL021"_s;
    }

    void stepsAreUsedInOrder() {
        QFETCH(int, index);
        QFETCH(CallOutcome, outcome);
        QFETCH(int, status);
        QFETCH(QString, code);
        ScriptedBackend backend;
        backend.setScript({ScriptedBackend::Step::success(u"0LQRM0000006CSz"_s),
                           ScriptedBackend::Step::failure(401, {u"invalid token"_s}), ScriptedBackend::Step::timeout(),
                           ScriptedBackend::Step::partial(u"Department__c: no access"_s)});
        std::unique_ptr<VoiceCallsReply> reply;
        for (int i = 0; i <= index; ++i) {
            reply.reset(backend.createVoiceCall(request(QString::number(i))));
        }
        QCOMPARE(reply->result().outcome, outcome);
        QCOMPARE(reply->result().httpStatus, status);
        QCOMPARE(reply->result().diagnostics.size(), 1);
        QCOMPARE(reply->result().diagnostics.constFirst().code, code);
        QCOMPARE(backend.pending(), 3 - index);
    }

    void finishedIsDeliveredOnceThroughTheEventLoop() {
        ScriptedBackend backend;
        std::unique_ptr<VoiceCallsReply> reply(backend.createVoiceCall(request(u"a"_s)));
        QSignalSpy spy(reply.get(), &VoiceCallsReply::finished);
        QCOMPARE(spy.count(), 0); // not emitted before the caller could connect
        QTRY_COMPARE(spy.count(), 1);
        reply->abort(); // too late: keeps the result
        QCOMPARE(reply->result().outcome, CallOutcome::Success);
        QTest::qWait(0);
        QCOMPARE(spy.count(), 1);
    }

    void waitForFinishedReturnsAtOnce() {
        ScriptedBackend backend;
        std::unique_ptr<VoiceCallsReply> reply(backend.createVoiceCall(request(u"a"_s)));
        QVERIFY(reply->waitForFinished(1000));
    }
};

QTEST_GUILESS_MAIN(TestScriptedBackend)
#include "TestScriptedBackend.moc"
