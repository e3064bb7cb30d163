#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/project. Keep each one stable once released; document it in docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    {"PRJ001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The project file is not valid JSON; the file was not changed.")},
    {"PRJ002", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The project file was written by a newer Handoff Studio; open it with that version.")},
    {"PRJ003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A field of the project file has the wrong type or an invalid value.")},
    {"PRJ004", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The project file has a key this version does not know; it is kept.")},
    {"PRJ005", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The project file contains a private key; it was not opened. Remove the "
                                               "key from the file and import it into the keychain.")},
    {"PRJ006", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The file is not a Handoff Studio project (its format key is missing or different).")},
    {"PRJ007", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Opening an older project changed a setting to the new default; the notice says which.")},
    {"PRJ008", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Opening an older project put its org settings, key and trunk into one "
                                               "environment; the notice names it.")},
    {"PRJ009", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An environment's SIP address is not in E.164 form (+ and 1 to 15 digits).")},
    {"PRJ010", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "Not a valid environment name (1 to 40 letters, digits, - or _, starting with a letter or digit).")},
    {"PRJ011", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The project already has an environment of that name.")},
    {"PRJ012", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The project has no environment of that name; the message lists those "
                                               "it has.")},
    {"PRJ013", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The project's only environment cannot be removed.")},
    // The go-live check (GoLiveCheck.h): GOL001-GOL013 are the check ids, each also the code of its failure when no
    // other problem explains it; GOL040-GOL044 are the credential probe's verdicts (telephony/CredentialProbe.h).
    {"GOL001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Go-live check: the org settings have an error (org id, SCRT2 domain, Call Center API name).")},
    {"GOL002", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Go-live check: no usable private key (none loaded, or not fit for RS256).")},
    {"GOL003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Go-live check: the certificate is expired, does not belong to the key, "
                                               "or expires before a token signed now would.")},
    {"GOL004", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Go-live check: the UUI token preset gives a token Salesforce would refuse.")},
    {"GOL005", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Go-live check: the API token preset gives a token Salesforce would refuse.")},
    {"GOL006", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Go-live check: the UUI breaks a field rule or does not fit the trunk profile's limit.")},
    {"GOL007", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Go-live check: the flow does not validate (or there is none).")},
    {"GOL008", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Go-live check: a data-action or transfer outcome of the flow ends badly.")},
    {"GOL009", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Go-live check: simulated calls over the time window stop reaching the "
                                               "agent (a token expires or is replayed).")},
    {"GOL010", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "Go-live check: a data action contract breaks Genesys' rules, or the Set UUI Data export is not bound.")},
    {"GOL011", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Go-live check: the Function Data Action package has an error in its settings.")},
    {"GOL012", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Go-live check: the credential probe's token was refused, or the probe got no answer.")},
    {"GOL013", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Go-live check: the last real transfer recorded at this UUI size failed.")},
    {"GOL014", Severity::Warning,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "The UUI token preset has a jti: each token works for one call only, so the flow must mint one per call.")},
    {"GOL015", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The API token preset has no jti: a stolen token can be replayed until it expires.")},
    {"GOL040", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Credential probe: the org refused the token (HTTP 401 or 403); the "
                                               "message gives the reason the answer named.")},
    {"GOL041", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Credential probe: the org answered 400 naming a body field, so the token was not refused. "
                       "Inferred: the order of Salesforce's checks is undocumented.")},
    {"GOL042", Severity::Warning,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "Credential probe: a VoiceCall was created although the body was incomplete; the message gives its id.")},
    {"GOL043", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Credential probe: an answer that neither refuses the token nor names a "
                                               "body field; the message explains it.")},
    {"GOL044", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "Credential probe: no answer (DNS, TLS, connection or timeout); nothing is known about the token.")},
};
} // namespace

std::span<const CodeInfo> projectCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
