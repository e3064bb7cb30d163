#include "telephony/VoiceCallsResponse.h"

#include "diagnostics/Catalog.h"
#include "salesforce/SalesforceId.h"

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

QString itemText(const QJsonValue& item) {
    if (item.isString()) {
        return item.toString();
    }
    if (item.isObject()) {
        const QJsonObject o = item.toObject();
        const QString code = o.value(u"errorCode"_s).toString(o.value(u"code"_s).toString());
        const QString message = o.value(u"message"_s).toString();
        if (!code.isEmpty() && !message.isEmpty()) {
            return code + u": "_s + message;
        }
        if (!code.isEmpty() || !message.isEmpty()) {
            return code + message;
        }
    }
    return QString::fromUtf8(QJsonDocument(QJsonArray{item}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString bodyStart(const QByteArray& body) {
    QString text = QString::fromUtf8(body.left(160)).simplified();
    if (body.size() > 160) {
        text += u"…"_s;
    }
    return text.isEmpty() ? handoff::telephony::tr("(empty body)") : text;
}

// The server's own words, when it gave any.
QString serverSaid(const ParsedResponse& parsed) {
    if (parsed.errors.isEmpty()) {
        return {};
    }
    return u" "_s + handoff::telephony::tr("The server said: %1.").arg(parsed.errors.join(u"; "_s));
}

} // namespace

ParsedResponse parseVoiceCallsResponse(const QByteArray& body) {
    ParsedResponse parsed;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return parsed;
    }
    parsed.isJson = true;
    if (document.isArray()) {
        for (const QJsonValue& item : document.array()) {
            parsed.errors << itemText(item);
        }
        return parsed;
    }
    const QJsonObject object = document.object();
    parsed.voiceCallId = object.value(u"voiceCallId"_s).toString();
    const QJsonValue errors = object.value(u"errors"_s);
    if (errors.isString()) {
        if (!errors.toString().isEmpty()) {
            parsed.errors << errors.toString();
            parsed.errorsWasString = true;
        }
    } else if (errors.isArray()) {
        for (const QJsonValue& item : errors.toArray()) {
            parsed.errors << itemText(item);
        }
    } else if (object.contains(u"message"_s)) {
        parsed.errors << itemText(object);
    }
    return parsed;
}

void explainHttpAnswer(int httpStatus, const QByteArray& body, VoiceCallResult* result) {
    const ParsedResponse parsed = parseVoiceCallsResponse(body);
    result->httpStatus = httpStatus;
    result->responseBody = body;
    result->errors = parsed.errors;
    result->errorsWasString = parsed.errorsWasString;
    result->outcome = CallOutcome::Failure;
    auto add = [&](const char* code, const QString& message) {
        result->diagnostics.append(diagnostics::make(code, message));
    };

    if (httpStatus == 200 || httpStatus == 201) {
        if (!parsed.isJson || parsed.voiceCallId.isEmpty()) {
            add("TEL031",
                handoff::telephony::tr("HTTP %1, but the body is not the voiceCalls answer (no voiceCallId): %2")
                    .arg(httpStatus)
                    .arg(bodyStart(body)));
            return;
        }
        result->outcome = CallOutcome::Success;
        result->voiceCallId = parsed.voiceCallId;
        const auto id = salesforce::SalesforceId::parse(parsed.voiceCallId);
        if (id) {
            result->voiceCallId18 = id->id18();
        }
        if (parsed.errorsWasString) {
            add("TEL021", handoff::telephony::tr("VoiceCall %1 was created, but some fields were not set: %2")
                              .arg(parsed.voiceCallId, parsed.errors.join(u"; "_s)));
        } else {
            add("TEL020",
                handoff::telephony::tr("VoiceCall %1 created (HTTP %2); for the UUI's callId use the 18-character %3.")
                    .arg(parsed.voiceCallId)
                    .arg(httpStatus)
                    .arg(id ? id->id18() : handoff::telephony::tr("(not a valid id)")));
        }
        return;
    }

    const QString said =
        parsed.isJson ? serverSaid(parsed) : u" "_s + handoff::telephony::tr("Body: %1").arg(bodyStart(body));
    switch (httpStatus) {
    case 400:
        add("TEL032", handoff::telephony::tr("The request body was refused (HTTP 400).") + said);
        break;
    case 401:
        add("TEL026",
            handoff::telephony::tr("The API token was not accepted (HTTP 401).") + said + u" "_s +
                handoff::telephony::tr(
                    "Likely causes: the token expired or is dated in the future (check this computer's clock); iss is "
                    "not the org id where the certificate is registered; sub is not the Call Center API name; the "
                    "certificate of this key is not registered; or a jti was used twice."));
        break;
    case 403:
        add("TEL027", handoff::telephony::tr("The request is not allowed (HTTP 403).") + said + u" "_s +
                          handoff::telephony::tr(
                              "Likely causes: the certificate is registered for another call center or channel, or the "
                              "org's telephony integration is not enabled for this user."));
        break;
    case 404:
        add("TEL028", handoff::telephony::tr(
                          "Nothing answers at this address (HTTP 404): check the SCRT2 domain and that the path is "
                          "/telephony/v1/voiceCalls.") +
                          said);
        break;
    case 429:
        add("TEL029", handoff::telephony::tr("Rate limited (HTTP 429); wait and try again.") + said);
        break;
    default:
        if (httpStatus >= 500 && httpStatus <= 599) {
            add("TEL030",
                handoff::telephony::tr("The server failed (HTTP %1); try again later.").arg(httpStatus) + said);
        } else {
            add("TEL035", handoff::telephony::tr("Unexpected HTTP %1.").arg(httpStatus) + said);
        }
        break;
    }
    if (!parsed.isJson && !body.isEmpty()) {
        add("TEL031", handoff::telephony::tr(
                          "The error body is not JSON; a proxy or a login page may be answering instead of SCRT2."));
    }
}

diagnostics::Diagnostic explainNetworkError(QNetworkReply::NetworkError error, const QString& errorString,
                                            const QUrl& endpoint) {
    const QString host = endpoint.host();
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        return diagnostics::make(
            "TEL022",
            handoff::telephony::tr("The host %1 could not be found (DNS). Check the SCRT2 domain for typos, and that "
                                   "this computer can resolve it.")
                .arg(host));
    case QNetworkReply::SslHandshakeFailedError:
        return diagnostics::make(
            "TEL023",
            handoff::telephony::tr("The TLS handshake with %1 failed: %2. Nothing was sent.").arg(host, errorString));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return diagnostics::make("TEL025", handoff::telephony::tr("No answer from %1 in time.").arg(host));
    case QNetworkReply::ConnectionRefusedError:
        return diagnostics::make(
            "TEL024",
            handoff::telephony::tr("%1 refused the connection: is the server (or the emulator) running on port %2?")
                .arg(host)
                .arg(endpoint.port(endpoint.scheme() == u"http"_s ? 80 : 443)));
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ContentReSendError:
    case QNetworkReply::ProxyConnectionClosedError:
        return diagnostics::make(
            "TEL024", handoff::telephony::tr("%1 closed the connection before answering. The request may or may not "
                                             "have created a VoiceCall; check before retrying.")
                          .arg(host));
    default:
        return diagnostics::make("TEL024",
                                 handoff::telephony::tr("The request to %1 failed: %2.").arg(host, errorString));
    }
}

} // namespace handoff::telephony
