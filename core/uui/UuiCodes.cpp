#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/uui: UUI0xx (composition and lint) and SIP0xx (header budget). Keep each one stable once released;
// document it in docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    {"UUI001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The UUI is not valid JSON; fix the text at the line and column shown.")},
    {"UUI002", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "Typographic quotes are not JSON quotes; replace them with straight double quotes (the repair does it).")},
    {"UUI003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The UUI must be one JSON object of key-value pairs.")},
    {"UUI004", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A standard key is spelt with the wrong case; Salesforce reads keys "
                                               "case-sensitively, use the spelling shown.")},
    {"UUI005", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An unknown key looks like a misspelt standard key; check its spelling.")},
    {"UUI006", Severity::Info,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "A key Salesforce does not define; it is passed to the inbound Omni-Channel flow as a parameter.")},
    {"UUI007", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "A key appears twice; keep one.")},
    {"UUI008", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A UUI value must be a JSON string; put it in double quotes.")},
    {"UUI010", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "orgId is missing and there is no token to take the org from; add orgId or a token.")},
    {"UUI011", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "orgId is not a 15-character Salesforce id; use the 15-character org id.")},
    {"UUI012", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "orgId is not an org id (org ids start with 00D); use the id of your org.")},
    {"UUI013", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "scrt2Domain is missing; add the org's SCRT2 domain (<name>.my.salesforce-scrt.com).")},
    {"UUI014", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "scrt2Domain is longer than 128 bytes.")},
    {"UUI015", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "scrt2Domain does not have the form <name>.my.salesforce-scrt.com; use the bare domain shown.")},
    {"UUI016", Severity::Info, QT_TRANSLATE_NOOP("handoff::diagnostics", "scrt2Domain is a sandbox domain.")},
    {"UUI017", Severity::Error, QT_TRANSLATE_NOOP("handoff::diagnostics", "token is missing; add the signed JWT.")},
    {"UUI018", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "The token contains spaces or line breaks; a JWT has none. Paste the token again in one piece.")},
    {"UUI019", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "The token contains placeholder text such as [THIS IS A SAMPLE TOKEN]; put a real signed token there.")},
    {"UUI020", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The token is not a JWT (three base64url parts separated by dots).")},
    {"UUI021", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The token's issuer (iss) is a different org than orgId; they must name the same org.")},
    {"UUI022", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The token has expired; sign a new one (the SIP transfer fails with an expired token).")},
    {"UUI024", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "callId is not a valid Salesforce id; use the 18-character VoiceCall id.")},
    {"UUI025", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "callId is the 15-character form; Salesforce wants the 18-character form shown.")},
    {"UUI026", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "callId is not a VoiceCall id (VoiceCall ids start with 0LQ); check where it comes from.")},
    {"UUI027", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An optional field is empty; leave it out instead of sending an empty value.")},
    {"UUI028", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The UUI has spaces or line breaks between its fields, which are sent and counted; the compact "
                       "form is shorter.")},
    {"UUI030", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "No private key is available to sign the UUI token; import or generate a key, or unlock the keychain.")},
    {"UUI031", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The UUI token could not be signed; see the message for the cause.")},
    {"UUI032", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Salesforce's table says callId is for customers that are not Salesforce Voice with Telephony "
                       "Providers, while its Genesys steps always pass the VoiceCall id; check with a test call "
                       "whether the flow gets it.")},
    {"UUI040", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A custom parameter has no key; name it or remove it.")},
    {"UUI041", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "A custom parameter's key is already used by a standard field or another parameter; rename it.")},
    {"SIP001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The UUI header is over the trunk's limit; apply one of the ways out shown.")},
    {"SIP002", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The header fits the limit as measured now but not if the limit applies "
                                               "to another part of the header; the limit's scope is not documented.")},
    {"SIP003", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "Even the smallest UUI (scrt2Domain and the token) is over the limit; no field left out makes it fit, only "
         "a smaller key would.")},
    {"SIP004", Severity::Warning,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "Salesforce documents hex encoding for the UUI; use ascii only if the receiving side accepts it.")},
    {"SIP005", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "This data cannot be sent in ascii encoding (non-ASCII, control or ';' characters); use hex.")},
    {"SIP006", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A trunk UUI setting is invalid; correct it in the trunk profile.")},
    {"SIP007", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The UUI fits the limit on its decoded data, but the header line is longer than the limit; an "
                       "SBC or proxy on the path could limit header length.")},
};
} // namespace

std::span<const CodeInfo> uuiCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
