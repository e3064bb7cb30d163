#include "telephony/CredentialProbe.h"

#include "diagnostics/Catalog.h"
#include "telephony/VoiceCallsClient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace handoff::telephony {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::telephony", text);
}

// The first body field an error text names (as a whole word), or empty.
QString namedBodyField(const QStringList& errors, const QByteArray& body) {
    QStringList texts = errors;
    texts.append(QString::fromUtf8(body));
    for (const QString& text : std::as_const(texts)) {
        for (const QString& field : voiceCallsBodyFields()) {
            // Short names are English words too ("failed to verify"): they count only quoted, or as the subject
            // of "is required" / "must".
            const QString name = QRegularExpression::escape(field);
            const QString pattern =
                field.size() >= 5
                    ? QString(u"\\b"_s + name + u"\\b"_s)
                    : QString(u"([\"'`]"_s + name + u"[\"'`]|\\b"_s + name + u"\\s+(is|must|should|was|are)\\b)"_s);
            const QRegularExpression word(pattern);
            if (word.match(text).hasMatch()) {
                return field;
            }
        }
    }
    return {};
}

} // namespace

QString probeVerdictKey(ProbeVerdict verdict) {
    switch (verdict) {
    case ProbeVerdict::TokenRefused:
        return u"token-refused"_s;
    case ProbeVerdict::TokenNotRefused:
        return u"token-not-refused"_s;
    case ProbeVerdict::RecordCreated:
        return u"record-created"_s;
    case ProbeVerdict::NoAnswer:
        return u"no-answer"_s;
    case ProbeVerdict::Unexplained:
        break;
    }
    return u"unexplained"_s;
}

QByteArray credentialProbeBody(const QString& callCenterApiName) {
    QJsonObject body;
    if (!callCenterApiName.isEmpty()) {
        body.insert(u"callCenterApiName"_s, callCenterApiName);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

VoiceCallsReply* startCredentialProbe(VoiceCallsClient& client, const salesforce::OrgProfile& org, QObject* parent) {
    return client.sendBody(credentialProbeBody(org.subRequired() ? org.callCenterApiName : QString()), parent);
}

const QStringList& voiceCallsBodyFields() {
    static const QStringList fields{u"callCenterApiName"_s,
                                    u"vendorCallKey"_s,
                                    u"to"_s,
                                    u"from"_s,
                                    u"initiationMethod"_s,
                                    u"startTime"_s,
                                    u"participants"_s,
                                    u"participantKey"_s,
                                    u"callOrigin"_s,
                                    u"callSubtype"_s,
                                    u"parentVoiceCallId"_s,
                                    u"queue"_s,
                                    u"callAttributes"_s};
    return fields;
}

ProbeResult judgeProbe(const VoiceCallResult& answer, const QString& target) {
    ProbeResult r;
    r.httpStatus = answer.httpStatus;
    r.target = target;
    r.errors = answer.errors;
    const QString said =
        answer.errors.isEmpty() ? handoff::telephony::tr("(the answer gave no reason)") : answer.errors.join(u"; "_s);
    const int status = answer.httpStatus;
    if (status == 0) {
        r.verdict = ProbeVerdict::NoAnswer;
        r.reason = handoff::telephony::tr("No answer came, so nothing is known about the token: %1")
                       .arg(answer.diagnostics.isEmpty() ? handoff::telephony::tr("the request did not complete.")
                                                         : answer.diagnostics.constFirst().message);
        r.diagnostics.append(diagnostics::make("GOL044", r.reason));
    } else if (status == 401 || status == 403) {
        r.verdict = ProbeVerdict::TokenRefused;
        r.reason = handoff::telephony::tr("HTTP %1: the token was refused. The answer says: %2").arg(status).arg(said);
        r.diagnostics.append(diagnostics::make("GOL040", r.reason));
    } else if (status == 200 || status == 201) {
        r.verdict = ProbeVerdict::RecordCreated;
        r.voiceCallId = answer.voiceCallId;
        r.reason =
            handoff::telephony::tr("HTTP %1: a VoiceCall was created (%2) although the probe's body left out "
                                   "the required fields. The probe promised to create no record: delete it "
                                   "in the org, and do not rely on the probe against this org. The token was "
                                   "accepted.")
                .arg(status)
                .arg(answer.voiceCallId.isEmpty() ? handoff::telephony::tr("no id in the answer") : answer.voiceCallId);
        r.diagnostics.append(diagnostics::make("GOL042", r.reason));
    } else if (status == 400) {
        const QString field = namedBodyField(answer.errors, answer.responseBody);
        if (!field.isEmpty()) {
            r.verdict = ProbeVerdict::TokenNotRefused;
            r.reason = handoff::telephony::tr("HTTP 400 naming the body field %1: the token was not refused, and no "
                                              "VoiceCall was created. This is inferred: Salesforce does not document "
                                              "whether it checks the token before the body. The answer says: %2")
                           .arg(field, said);
            r.diagnostics.append(diagnostics::make("GOL041", r.reason));
        } else {
            r.verdict = ProbeVerdict::Unexplained;
            r.reason = handoff::telephony::tr("HTTP 400 that names no body field, so it does not tell whether the "
                                              "token was accepted. The answer says: %1")
                           .arg(said);
            r.diagnostics.append(diagnostics::make("GOL043", r.reason));
        }
    } else {
        r.verdict = ProbeVerdict::Unexplained;
        QString meaning;
        if (status == 404) {
            meaning = handoff::telephony::tr("the address is not a voiceCalls endpoint: check the SCRT2 domain.");
        } else if (status == 429) {
            meaning = handoff::telephony::tr("the org's request limit was reached: run the probe again later.");
        } else if (status >= 500) {
            meaning = handoff::telephony::tr("the server failed: run the probe again later.");
        } else {
            meaning = handoff::telephony::tr("an answer the probe does not know how to read.");
        }
        r.reason = handoff::telephony::tr("HTTP %1, %2 The token's fate is unknown. The answer says: %3")
                       .arg(status)
                       .arg(meaning, said);
        r.diagnostics.append(diagnostics::make("GOL043", r.reason));
    }
    for (const diagnostics::Diagnostic& d : answer.diagnostics) {
        if (!r.diagnostics.isEmpty() && d.message == r.diagnostics.constFirst().message) {
            continue;
        }
        diagnostics::Diagnostic info = d;
        info.severity = diagnostics::Severity::Info; // the client's explanation, under the probe's verdict
        r.diagnostics.append(info);
    }
    return r;
}

} // namespace handoff::telephony
