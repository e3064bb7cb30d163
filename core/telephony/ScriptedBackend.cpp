#include "telephony/ScriptedBackend.h"

#include "diagnostics/Catalog.h"
#include "salesforce/SalesforceId.h"
#include "telephony/VoiceCallsResponse.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace handoff::telephony {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::telephony", text);
}

// The reply type of the scripted backend: finished at once, nothing to abort.
class ScriptedReply final : public VoiceCallsReply {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedReply)

public:
    explicit ScriptedReply(QObject* parent)
        : VoiceCallsReply(parent) {}
    void complete(VoiceCallResult result) { finish(std::move(result)); }
};

} // namespace

ScriptedBackend::Step ScriptedBackend::Step::success(QString voiceCallId) {
    Step step;
    step.voiceCallId = std::move(voiceCallId);
    return step;
}

ScriptedBackend::Step ScriptedBackend::Step::partial(QString message, QString voiceCallId) {
    Step step;
    step.voiceCallId = std::move(voiceCallId);
    step.errors = {std::move(message)};
    step.errorsWasString = true;
    return step;
}

ScriptedBackend::Step ScriptedBackend::Step::failure(int httpStatus, QStringList errors) {
    Step step;
    step.outcome = CallOutcome::Failure;
    step.httpStatus = httpStatus;
    step.errors = std::move(errors);
    return step;
}

ScriptedBackend::Step ScriptedBackend::Step::timeout(qint64 afterMs) {
    Step step;
    step.outcome = CallOutcome::Timeout;
    step.httpStatus = 0;
    step.latencyMs = afterMs;
    return step;
}

QString ScriptedBackend::generatedId(int n) {
    // Made for every scripted call: written in place. The number's last 10 digits, as rightJustified(10) would not
    // cut them (an int has at most 10).
    QString id(15, Qt::Uninitialized);
    QChar* out = id.data();
    const char16_t prefix[] = u"0LQSC";
    std::copy_n(prefix, 5, reinterpret_cast<char16_t*>(out));
    quint64 value = n < 0 ? 0 : quint64(n);
    for (int i = 14; i >= 5; --i) {
        out[i] = QChar(u'0' + char16_t(value % 10));
        value /= 10;
    }
    return id;
}

QString ScriptedBackend::describe() const {
    return handoff::telephony::tr("scripted backend (no network)");
}

VoiceCallsReply* ScriptedBackend::createVoiceCall(const VoiceCallRequest& request, QObject* parent) {
    auto* reply = new ScriptedReply(parent);
    reply->complete(*answerAtOnce(request));
    return reply;
}

QList<VoiceCallRequest> ScriptedBackend::requests() const {
    const auto size = static_cast<qsizetype>(m_requests.size());
    QList<VoiceCallRequest> out;
    out.reserve(size);
    const qsizetype oldest = m_received > size ? static_cast<qsizetype>(m_received % size) : 0;
    for (qsizetype i = 0; i < size; ++i) {
        out.append(m_requests[static_cast<size_t>((oldest + i) % size)]);
    }
    return out;
}

std::optional<VoiceCallResult> ScriptedBackend::answerAtOnce(const VoiceCallRequest& request, AnswerDetail detail) {
    if (static_cast<qsizetype>(m_requests.size()) < kKeptRequests) {
        m_requests.push_back(request);
    } else {
        m_requests[static_cast<size_t>(m_received % kKeptRequests)] = request;
    }
    ++m_received;
    const Step step = m_script.isEmpty() ? Step::success() : m_script.takeFirst();

    VoiceCallResult result;
    result.outcome = step.outcome;
    result.httpStatus = step.httpStatus;
    result.errors = step.errors;
    result.errorsWasString = step.errorsWasString;
    result.latencyMs = step.latencyMs;
    result.attempts = 1;
    if (step.outcome == CallOutcome::Success) {
        result.voiceCallId = step.voiceCallId.isEmpty() ? generatedId(++m_generated) : step.voiceCallId;
        result.voiceCallId18 = salesforce::id18Of(result.voiceCallId); // empty for an id parse() refuses
        if (detail == AnswerDetail::ErrorsOnly) {
            // TEL020 is an info and TEL021 a warning: not asked for.
        } else if (step.errorsWasString) {
            result.diagnostics.append(
                diagnostics::make("TEL021", handoff::telephony::tr("VoiceCall %1 was created, but: %2")
                                                .arg(result.voiceCallId, step.errors.join(u"; "_s))));
        } else {
            result.diagnostics.append(diagnostics::make(
                "TEL020", handoff::telephony::tr("VoiceCall %1 created (scripted).").arg(result.voiceCallId)));
        }
    } else if (step.outcome == CallOutcome::Timeout) {
        result.diagnostics.append(diagnostics::make(
            "TEL025", handoff::telephony::tr("No answer within %1 ms (scripted timeout).").arg(step.latencyMs)));
    } else {
        // Explained exactly as a real answer with this status and these errors would be.
        const QByteArray body = QJsonDocument(QJsonObject{{u"voiceCallId"_s, QJsonValue::Null},
                                                          {u"errors"_s, QJsonArray::fromStringList(step.errors)}})
                                    .toJson(QJsonDocument::Compact);
        explainHttpAnswer(step.httpStatus, body, &result);
        result.latencyMs = step.latencyMs;
    }
    return result;
}

} // namespace handoff::telephony

#include "ScriptedBackend.moc"
