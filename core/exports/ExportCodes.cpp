#include "diagnostics/Catalog.h"

#include <QtGlobal>

namespace handoff::diagnostics {

namespace {
// Codes of core/exports. Keep each one stable once released; document it in docs/diagnostics.md.
constexpr CodeInfo kCodes[] = {
    {"EXP001", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A flow variable name must have the form Scope.name (for example Flow.uuiToken); correct it.")},
    {"EXP002", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "Call.* variables are Genesys built-ins; bind the value to a Flow. or Task. variable you set.")},
    {"EXP003", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The token is pasted as a literal and stops working when it expires; "
                                               "bind it to a flow variable or plan to replace it.")},
    {"EXP004", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The token and callId are bound to the same variable; give each its own.")},
    {"EXP010", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The Function Data Action's runtime is not a Node.js runtime of "
                                               "version 18 or newer (such as nodejs20.x); choose one Genesys lists.")},
    {"EXP011", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The Function Data Action's timeout is outside 1 to 15 seconds; Genesys allows only those.")},
    {"EXP012", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A token lifetime the function would sign is outside 1 s to 24 h; "
                                               "correct the token policy before exporting the function.")},
    {"EXP013", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The project names no key; the function signs with the key in the integration's privateKey "
                       "credential, whose certificate must be registered in Salesforce.")},
    {"EXP014", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The export's file exists and was left as it is; choose another name or replace it (--force).")},
    {"EXP015", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Genesys takes an upload only as a .zip whose name has letters, "
                                               "digits and + - _ . ' ( ); rename the file.")},
    {"EXP016", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The zip archive could not be made; nothing was written.")},
    {"EXP017", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The function package has errors and was not written; correct them first.")},
    {"EXP020", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A data action contract must be a JSON Schema object with \"type\": "
                                               "\"object\" and \"properties\".")},
    {"EXP021", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An input name must start with a letter and hold only letters, "
                                               "digits, - and _.")},
    {"EXP022", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "orgId, integrationId and rawRequest are reserved by Genesys; rename the input.")},
    {"EXP023", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An input contract is flat: no objects or arrays; pass structured data as a JSON string.")},
    {"EXP024", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An input's type must be string, integer, number, boolean or null.")},
    {"EXP025", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "$ref is not allowed in a data action contract; write the schema out.")},
    {"EXP026", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "An output contract may not have an array inside an array.")},
    {"EXP027", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A data action contract may be at most 50 levels deep.")},
    {"EXP028", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "Set additionalProperties to false so that a misspelt name is "
                                               "refused instead of ignored.")},
    {"EXP029", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A required name is not one of the contract's properties.")},
    {"EXP030", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "A secret (privateKey) is a flow input; take it from the "
                                               "integration's credentials in the request template instead.")},
    // Archy YAML import and export
    {"EXP040", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics", "The Archy file is not valid YAML; fix it at the line and column.")},
    {"EXP041", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "The file is not an Archy inboundCall flow (another flow type, or another format).")},
    {"EXP042", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A value in the Archy file has the wrong shape or a required key is missing.")},
    {"EXP043", Severity::Error,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A {{...}} placeholder of an unrendered template: render the template, then import.")},
    {"EXP044", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "A key the Archy reader does not know: kept and written back, not checked or simulated.")},
    {"EXP045", Severity::Warning,
     QT_TRANSLATE_NOOP("handoff::diagnostics",
                       "An Archy action the model does not have: kept as an opaque action and written back.")},
    {"EXP046", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "A task reference (startUpRef, targetTaskRef, refId) is malformed, duplicated or names no task.")},
    {"EXP047", Severity::Error,
     QT_TRANSLATE_NOOP(
         "handoff::diagnostics",
         "The flow cannot be written as Archy (no tasks, no starting task, a task id that is no refId).")},
};
} // namespace

std::span<const CodeInfo> exportCodes() {
    return kCodes;
}

} // namespace handoff::diagnostics
