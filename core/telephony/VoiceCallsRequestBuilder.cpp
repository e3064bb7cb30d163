#include "telephony/VoiceCallsRequestBuilder.h"

#include "diagnostics/Catalog.h"
#include "telephony/CallAttributes.h"
#include "telephony/PhoneNumbers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace handoff::telephony {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::telephony", text);
}

// Writes a JSON object with keys in the order given (QJsonObject would sort them).
class OrderedObject {
public:
    void add(const QString& key, const QJsonValue& value) {
        m_text += (m_text.isEmpty() ? "{" : ",") + compact(QJsonValue(key)) + ':' + compact(value);
    }
    QByteArray finish() const { return m_text.isEmpty() ? QByteArray("{}") : m_text + '}'; }

private:
    static QByteArray compact(const QJsonValue& value) {
        const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
    }
    QByteArray m_text;
};

} // namespace

QString isoUtc(const QDateTime& time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

BuiltBody buildVoiceCallBody(const VoiceCallRequest& request, const BuildOptions& options, const Clock& clock) {
    BuiltBody built;
    VoiceCallRequest& sent = built.sent;
    sent = request;
    diagnostics::Diagnostics& list = built.diagnostics;

    auto trimmed = [](QString* value) { *value = value->trimmed(); };
    trimmed(&sent.callCenterApiName);
    trimmed(&sent.vendorCallKey);
    trimmed(&sent.callOrigin);
    trimmed(&sent.callSubtype);
    trimmed(&sent.parentVoiceCallId);
    trimmed(&sent.queue);

    const std::pair<const char*, QString*> required[] = {{"callCenterApiName", &sent.callCenterApiName},
                                                         {"vendorCallKey", &sent.vendorCallKey},
                                                         {"to", &sent.to},
                                                         {"from", &sent.from}};
    for (const auto& [name, value] : required) {
        if (value->trimmed().isEmpty()) {
            const QString field = QString::fromLatin1(name);
            list.append(diagnostics::make("TEL001", handoff::telephony::tr("%1 is required; fill it in.").arg(field),
                                          diagnostics::Location{field}));
        }
    }

    auto number = [&](QString* value, const QString& field) {
        if (value->trimmed().isEmpty()) {
            return;
        }
        if (options.normaliseNumbers) {
            *value = normalisePhoneNumber(*value, options.defaultRegion, field, &list).value;
        } else {
            *value = value->trimmed();
            if (!isE164(*value)) {
                list.append(diagnostics::make(
                    "TEL002",
                    handoff::telephony::tr("%1: \"%2\" is not in E.164 form and is sent as typed.").arg(field, *value),
                    diagnostics::Location{field}));
            }
        }
    };
    const QString originalFrom = sent.from;
    number(&sent.to, u"to"_s);
    number(&sent.from, u"from"_s);

    if (sent.participants.isEmpty()) {
        if (!sent.from.isEmpty()) {
            sent.participants.append(Participant{sent.from, u"END_USER"_s});
        }
    } else {
        for (qsizetype i = 0; i < sent.participants.size(); ++i) {
            Participant& participant = sent.participants[i];
            const QString field = u"participants["_s + QString::number(i) + u"].participantKey"_s;
            if (participant.participantKey.trimmed() == originalFrom.trimmed()) {
                participant.participantKey = sent.from; // same number as `from`: already reported
            } else if (participant.participantKey.trimmed().isEmpty()) {
                list.append(diagnostics::make(
                    "TEL001", handoff::telephony::tr("%1 is required; give the caller's number.").arg(field),
                    diagnostics::Location{field}));
            } else {
                number(&participant.participantKey, field);
            }
            if (participant.type.trimmed().isEmpty()) {
                participant.type = u"END_USER"_s;
            }
        }
    }

    if (!sent.callSubtype.isEmpty() && sent.callSubtype != u"PSTN"_s && sent.callSubtype != u"WebRTC"_s) {
        list.append(
            diagnostics::make("TEL008",
                              handoff::telephony::tr("callSubtype is \"%1\"; use PSTN or WebRTC, or leave it empty.")
                                  .arg(sent.callSubtype),
                              diagnostics::Location{u"callSubtype"_s}));
    }
    if (sent.initiationMethod == InitiationMethod::Inbound && !sent.parentVoiceCallId.isEmpty()) {
        list.append(diagnostics::make(
            "TEL007",
            handoff::telephony::tr(
                "parentVoiceCallId is set but initiationMethod is Inbound; set Transfer, or clear the parent."),
            diagnostics::Location{u"parentVoiceCallId"_s}));
    } else if (sent.initiationMethod == InitiationMethod::Transfer && sent.parentVoiceCallId.isEmpty()) {
        list.append(diagnostics::make(
            "TEL007",
            handoff::telephony::tr(
                "initiationMethod is Transfer but no parentVoiceCallId is given; give the parent call's id."),
            diagnostics::Location{u"parentVoiceCallId"_s}));
    }
    list.append(validateCallAttributes(sent.callAttributes));

    if (!sent.startTime.isValid()) {
        sent.startTime = clock.now();
    }
    sent.startTime = sent.startTime.toUTC();

    OrderedObject body;
    body.add(u"callCenterApiName"_s, sent.callCenterApiName);
    body.add(u"vendorCallKey"_s, sent.vendorCallKey);
    body.add(u"to"_s, sent.to);
    body.add(u"from"_s, sent.from);
    body.add(u"initiationMethod"_s, initiationMethodName(sent.initiationMethod));
    body.add(u"startTime"_s, isoUtc(sent.startTime));
    QJsonArray participants;
    for (const Participant& participant : std::as_const(sent.participants)) {
        participants.append(
            QJsonObject{{u"participantKey"_s, participant.participantKey}, {u"type"_s, participant.type}});
    }
    body.add(u"participants"_s, participants);
    const std::pair<const char*, const QString*> optional[] = {{"callOrigin", &sent.callOrigin},
                                                               {"callSubtype", &sent.callSubtype},
                                                               {"parentVoiceCallId", &sent.parentVoiceCallId},
                                                               {"queue", &sent.queue}};
    for (const auto& [name, value] : optional) {
        if (!value->isEmpty()) {
            body.add(QString::fromLatin1(name), *value);
        }
    }
    const QString attributes = callAttributesJson(sent.callAttributes);
    if (!attributes.isEmpty()) {
        body.add(u"callAttributes"_s, attributes);
    }
    built.json = body.finish();
    return built;
}

QByteArray HttpRequestSpec::header(const QByteArray& name) const {
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

HttpRequestSpec voiceCallsHttpRequest(const QUrl& endpoint, const QByteArray& body, const QByteArray& apiToken,
                                      const BuildOptions& options) {
    HttpRequestSpec spec;
    spec.url = endpoint;
    if (!apiToken.isEmpty()) {
        spec.headers.append({QByteArray("Authorization"), QByteArray("Bearer ") + apiToken});
    }
    spec.headers.append({QByteArray("Content-Type"), QByteArray("application/json")});
    if (!options.telephonyProviderName.trimmed().isEmpty()) {
        spec.headers.append({QByteArray("Telephony-Provider-Name"), options.telephonyProviderName.trimmed().toUtf8()});
    }
    spec.body = body;
    return spec;
}

} // namespace handoff::telephony
