#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/salesforce (ids and org profile). Keep each one stable once released; document it in
// docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    {"ID001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A Salesforce id has 15 or 18 characters; copy the whole id.")},
    {"ID002", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A Salesforce id has only letters and digits; remove spaces, quotes or punctuation.")},
    {"ID003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The 18-character id's check suffix does not belong to it; copy the id again.")},
    {"ID004", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The 18-character id's letters changed case; use the repaired id the message names.")},
    {"ID005", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The id names another kind of record than the field wants.")},
    {"ID006", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The field wants the 18-character id; use the converted form.")},
    {"ID007", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The field wants the 15-character id; use the shortened form.")},
    {"ORG001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The org id is missing; copy it from Setup > Company Information.")},
    {"ORG002", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The SCRT2 domain is missing; copy it from the contact center setup.")},
    {"ORG003", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The SCRT2 domain is not a <name>.my.salesforce-scrt.com host; correct it.")},
    {"ORG004", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The SCRT2 domain is longer than the UUI's 128-byte limit.")},
    {"ORG005", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The SCRT2 domain has the sandbox form, which is assumed to work like production.")},
    {"ORG006", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The SCRT2 domain lacks the '.my.' part that Salesforce documents.")},
    {"ORG007", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Part of the SCRT2 address was normalised (scheme, path, case); the message says what.")},
    {"ORG008", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The Call Center API name is missing; it is required for Salesforce Voice customers.")},
    {"ORG009", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The Call Center API name breaks Salesforce's API-name rules.")},
    {"ORG010", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A Call Center API name is set but not used: this customer type omits sub.")},
    {"ORG011", Severity::Info,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The org id looks like a placeholder from an example (XXX, a long run of zeros); use your "
                       "org's id.")},
};
} // namespace

std::span<const CodeInfo> salesforceCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
