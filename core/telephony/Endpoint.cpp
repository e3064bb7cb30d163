#include "telephony/Endpoint.h"

#include "diagnostics/Catalog.h"
#include "salesforce/OrgProfile.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace handoff::telephony {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::telephony", text);
}

bool isLoopbackHost(const QString& host) {
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0) {
        return true;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

Endpoint resolveEndpoint(const QString& baseUrl) {
    Endpoint endpoint;
    const QString text = baseUrl.trimmed();
    const QUrl url = QUrl::fromUserInput(text);
    if (!text.isEmpty() && url.isValid() && isLoopbackHost(url.host())) {
        endpoint.loopback = true;
        if (url.scheme() != u"http"_s && url.scheme() != u"https"_s) {
            endpoint.diagnostics.append(
                diagnostics::make("TEL006", handoff::telephony::tr("'%1' is neither http nor https.").arg(text),
                                  diagnostics::Location{u"baseUrl"_s}));
            return endpoint;
        }
        QUrl resolved;
        resolved.setScheme(url.scheme());
        resolved.setHost(url.host());
        resolved.setPort(url.port());
        resolved.setPath(u"/telephony/v1/voiceCalls"_s);
        endpoint.voiceCallsUrl = resolved;
        if (url.scheme() == u"http"_s) {
            endpoint.diagnostics.append(diagnostics::make(
                "TEL010",
                handoff::telephony::tr(
                    "%1 is plain http on this computer: fine for the built-in emulator, never for an org.")
                    .arg(resolved.toString()),
                diagnostics::Location{u"baseUrl"_s}));
        }
        return endpoint;
    }
    salesforce::Scrt2Address address = salesforce::parseScrt2(text, u"baseUrl"_s);
    endpoint.diagnostics = address.diagnostics;
    if (address.isValid()) {
        endpoint.voiceCallsUrl = QUrl(address.baseUrl + u"/voiceCalls"_s);
    } else if (!diagnostics::hasErrors(endpoint.diagnostics)) {
        endpoint.diagnostics.append(diagnostics::make(
            "TEL006",
            handoff::telephony::tr(
                "'%1' cannot be used as the SCRT2 base URL; enter https://<MyDomain>.my.salesforce-scrt.com.")
                .arg(text),
            diagnostics::Location{u"baseUrl"_s}));
    }
    return endpoint;
}

} // namespace handoff::telephony
