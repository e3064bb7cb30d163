#pragma once

#include "diagnostics/Diagnostic.h"
#include "telephony/VoiceCallRequest.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace handoff::telephony {

// The three ways a Genesys Call Data Action can end (docs/flow.md), plus a cancel by the caller.
enum class CallOutcome { Success, Failure, Timeout, Cancelled };

QString callOutcomeName(CallOutcome outcome); // "success", "failure", "timeout", "cancelled": stable, for --json

// What one "create a VoiceCall" attempt produced. Filled by every backend alike, so that the flow simulator, the CLI
// and the Test Call page show the same thing whichever backend answered.
struct VoiceCallResult {
    CallOutcome outcome = CallOutcome::Failure;
    int httpStatus = 0;           // 0 when no HTTP answer arrived (DNS, TLS, timeout, dropped connection)
    QString voiceCallId;          // as returned (the API returns 15 characters)
    QString voiceCallId18;        // the case-safe 18-character form, for the UUI's callId; empty without an id
    QStringList errors;           // the response's `errors`: the array's items, or the one string
    bool errorsWasString = false; // `errors` came as a string: created, but some fields failed (docs/emulator.md)
    qint64 latencyMs = 0;         // from sending to the final answer, retries included
    int attempts = 0;             // HTTP requests sent (1, or 2 after a retried 429)
    QByteArray responseBody;      // the final response body, as received
    QByteArray sentToken;         // the API token the last request carried (empty when none was sent); a
                                  // credential: shown only when the admin asks, never written anywhere
    diagnostics::Diagnostics diagnostics; // TEL0xx: what happened, explained for a person

    bool created() const { return outcome == CallOutcome::Success && !voiceCallId.isEmpty(); }
};

// One request in flight. Like QNetworkReply: owned by the caller (delete it, or deleteLater() in a slot), emits
// finished() exactly once. A backend may finish a reply before returning it (ScriptedBackend does); callers check
// isFinished() first, or just connect to finished(), which is always delivered through the event loop.
class VoiceCallsReply : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VoiceCallsReply)

public:
    explicit VoiceCallsReply(QObject* parent = nullptr);
    ~VoiceCallsReply() override;

    bool isFinished() const { return m_finished; }
    const VoiceCallResult& result() const { return m_result; }

    // Stops the request; the reply finishes with CallOutcome::Cancelled unless it already finished.
    void abort();

    // Runs a local event loop until finished() (for command-line tools and simulations; never in the GUI thread).
    // Returns false if it did not finish within `timeoutMs`; the reply keeps running.
    bool waitForFinished(int timeoutMs);

Q_SIGNALS:
    void finished();

protected:
    // For backends: record the result and schedule finished() (queued, so callers can connect after the call that
    // created the reply returned). Later calls are ignored.
    void finish(VoiceCallResult result);
    // For backends: stop the work behind the reply; called once by abort() before the reply finishes as cancelled.
    virtual void abortWork() {}

private:
    VoiceCallResult m_result;
    bool m_finished = false;
};

// Creates VoiceCall records: the flow simulator calls it at the Call Data Action, the Test Call page and
// `handoff call test` through the real client. Implementations: ScriptedBackend (deterministic, no network),
// VoiceCallsClient (HTTP, the emulator or a Salesforce org).
class VoiceCallsBackend {
public:
    virtual ~VoiceCallsBackend() = default;

    // Starts creating one VoiceCall. The backend adds what is not in the body (token, headers, base URL) from its
    // own configuration. Never returns null; the caller owns the reply (parented to `parent` when given).
    virtual VoiceCallsReply* createVoiceCall(const VoiceCallRequest& request, QObject* parent = nullptr) = 0;

    // How much of an answer's diagnostics the caller reads: all, or its errors only (the flow simulator without a
    // trace, on every call). A backend may give more than asked.
    enum class AnswerDetail : quint8 { Full, ErrorsOnly };

    // The answer at once, for a backend that has it without waiting (the scripted one): what the reply of
    // createVoiceCall() would hold, with no reply object and no event (with `ErrorsOnly`, the same less the
    // diagnostics that are not errors). std::nullopt for a backend that must wait for its answer; the caller then
    // uses createVoiceCall(). The flow simulator asks this first on every call.
    virtual std::optional<VoiceCallResult> answerAtOnce(const VoiceCallRequest& request,
                                                        AnswerDetail detail = AnswerDetail::Full) {
        Q_UNUSED(request);
        Q_UNUSED(detail);
        return std::nullopt;
    }

    // A short, person-readable description of where calls go ("scripted", "https://x.my.salesforce-scrt.com").
    virtual QString describe() const = 0;
};

} // namespace handoff::telephony
