#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/sip (RSIP: the INVITE on the wire, the sender and the Agentforce Voice SIP endpoint stand-in). Keep
// each one stable once released; document it in docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    {"RSIP001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The SIP stack could not start (address or port in use).")},
    {"RSIP002", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The SIP address is not sip:USER@HOST[:PORT] or sips:USER@HOST[:PORT].")},
    {"RSIP003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The simulated call reached no Transfer to Number: no INVITE to send.")},
    {"RSIP004", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The SIP peer did not answer in time.")},
    {"RSIP005", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The INVITE could not be delivered (connection refused or failed).")},
    {"RSIP006", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The SIP peer refused the INVITE.")},
    {"RSIP007", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The TLS peer's certificate does not verify: nothing was sent (--ca FILE, or --insecure).")},
    {"RSIP008", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The CA file for verifying the TLS peer cannot be read.")},
    {"RSIP010", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The INVITE carries no User-to-User header.")},
    {"RSIP011", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The INVITE carries more than one User-to-User header (Genesys drops all UUI then).")},
    {"RSIP012", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The User-to-User value is not valid under its encoding.")},
    {"RSIP013", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The decoded UUI has bytes 128-255, which Genesys cannot decode.")},
    {"RSIP014", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The User-to-User header is over the limit under the trunk's reading.")},
    {"RSIP015", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The UUI token does not verify against a certificate registered for its org.")},
    {"RSIP016", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The UUI callId names no VoiceCall this emulator created.")},
    {"RSIP017", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The SDP offer has no G.711 PCMU audio.")},
    {"RSIP018", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The SDP offer has no SRTP, which Salesforce requires.")},
    {"RSIP019", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "callId is sent for a Salesforce Voice with Telephony Providers org: the article conflicts.")},
    {"RSIP020", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The decoded UUI is not a JSON object.")},
    {"RSIP021", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The User-to-User header was read in another form than the trunk's.")},
};
} // namespace

std::span<const CodeInfo> sipCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
