#pragma once

#include "telephony/VoiceCallsBackend.h"

#include <QList>

#include <vector>

namespace handoff::telephony {

// A deterministic backend with no network: answers each createVoiceCall() with the next scripted step, or with
// success when the script is empty. Ids are 0LQSC ids numbered from 1 in order of creation, so runs repeat exactly.
// Replies are finished before createVoiceCall() returns (finished() is still emitted through the event loop).
class ScriptedBackend final : public VoiceCallsBackend {
public:
    struct Step {
        CallOutcome outcome = CallOutcome::Success;
        int httpStatus = 201;
        QString voiceCallId; // empty on success = next generated id
        QStringList errors;
        bool errorsWasString = false;
        qint64 latencyMs = 0; // reported only; nothing waits

        static Step success(QString voiceCallId = {});
        // Created, but `errors` is a string: some fields were not set (docs/emulator.md).
        static Step partial(QString message, QString voiceCallId = {});
        static Step failure(int httpStatus, QStringList errors = {});
        static Step timeout(qint64 afterMs = 15000);
    };

    ScriptedBackend() = default;

    // Steps are used in order, one per request.
    void enqueue(Step step) { m_script.append(std::move(step)); }
    void setScript(QList<Step> steps) { m_script = std::move(steps); }
    qsizetype pending() const { return m_script.size(); }

    // The requests received, oldest first (for assertions and traces): the last kKeptRequests of them, so a backend
    // shared by a long simulated run does not grow without end.
    static constexpr qsizetype kKeptRequests = 1000;
    QList<VoiceCallRequest> requests() const;
    qint64 requestCount() const { return m_received; } // all requests received, kept or not

    VoiceCallsReply* createVoiceCall(const VoiceCallRequest& request, QObject* parent = nullptr) override;
    std::optional<VoiceCallResult> answerAtOnce(const VoiceCallRequest& request,
                                                AnswerDetail detail = AnswerDetail::Full) override; // always has one
    QString describe() const override;

    // The id the n-th generated success gets (n from 1): "0LQSC" + the number zero-padded to 10 digits, 15 characters.
    static QString generatedId(int n);

private:
    QList<Step> m_script;
    std::vector<VoiceCallRequest> m_requests; // a ring of kKeptRequests: the next one replaces m_received % size
    qint64 m_received = 0;
    int m_generated = 0;
};

} // namespace handoff::telephony
