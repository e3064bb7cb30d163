#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/telephony (TEL: the voiceCalls request and client) and core/emulator (EMU). Keep each one stable
// once released; document it in docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    {"TEL001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A required field of the voiceCalls request is empty.")},
    {"TEL002", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A phone number is not in E.164 form; it is sent as typed.")},
    {"TEL003", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A phone number was normalised to E.164 before sending.")},
    {"TEL004", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "callAttributes was pasted in the single-quote form, which is not JSON.")},
    {"TEL005", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A callAttributes entry has no field name, or a field name is used twice.")},
    {"TEL006", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The SCRT2 base URL cannot be used.")},
    {"TEL007", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "parentVoiceCallId only belongs to a Transfer.")},
    {"TEL008", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "callSubtype must be PSTN or WebRTC.")},
    {"TEL009", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The API token could not be made.")},
    {"TEL010", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The request goes to a plain-http address on this computer.")},
    {"TEL011", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The base URL does not look like an SCRT2 domain.")},
    {"TEL012", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The private key could not be read.")},
    {"TEL020", Severity::Info, QT_TRANSLATE_NOOP("handoff::diagnostics", "The VoiceCall was created.")},
    {"TEL021", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The VoiceCall was created, but some fields were not set.")},
    {"TEL022", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The host name could not be found (DNS).")},
    {"TEL023", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The TLS connection could not be verified.")},
    {"TEL024", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The connection was refused or dropped.")},
    {"TEL025", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The request timed out.")},
    {"TEL026", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "401: the API token was not accepted.")},
    {"TEL027", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "403: the request is not allowed.")},
    {"TEL028", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "404: the domain or the path is wrong.")},
    {"TEL029", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "429: too many requests.")},
    {"TEL030", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The server failed (5xx).")},
    {"TEL031", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The answer is not the expected JSON.")},
    {"TEL032", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "400: the request body was refused.")},
    {"TEL033", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Rate limited once; retried after Retry-After.")},
    {"TEL034", Severity::Info, QT_TRANSLATE_NOOP("handoff::diagnostics", "The request was cancelled.")},
    {"TEL035", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The server answered with an unexpected status.")},
    {"EMU001", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "The emulator could not start.")},
    {"EMU002", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A certificate to register could not be read.")},
    {"EMU003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An emulator fault specification is not understood.")},
    {"EMU004", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The org id to register is not a valid Salesforce org id.")},
};
} // namespace

std::span<const CodeInfo> telephonyCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
