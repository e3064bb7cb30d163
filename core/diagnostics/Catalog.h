#pragma once

#include "diagnostics/Diagnostic.h"

#include <QList>
#include <QString>

#include <optional>
#include <span>

namespace handoff::diagnostics {

// One entry of the catalog of stable codes. `summary` is English source text, marked for translation with
// QT_TRANSLATE_NOOP("handoff::diagnostics", ...) and translated when shown.
struct CodeInfo {
    const char* code;
    Severity severity;
    const char* summary;
};

// Each module owns its table, in <module>/<Module>Codes.cpp; the catalog is their concatenation.
// Prefixes: ID (Salesforce ids), ORG (org profile), KEY (keys, certificates), JWT, UUI (composition and lint),
// SIP (header budget), TEL (voiceCalls client), EMU (emulator), FLW (flow), EXP (exports), PRJ (project files),
// RSIP (the INVITE on the wire: core/sip), TRN (training exercises: core/training).
std::span<const CodeInfo> salesforceCodes();
std::span<const CodeInfo> cryptoCodes();
std::span<const CodeInfo> jwtCodes();
std::span<const CodeInfo> uuiCodes();
std::span<const CodeInfo> telephonyCodes();
std::span<const CodeInfo> flowCodes();
std::span<const CodeInfo> exportCodes();
std::span<const CodeInfo> projectCodes();
std::span<const CodeInfo> sipCodes();
std::span<const CodeInfo> trainingCodes();

const QList<CodeInfo>& catalog();
std::optional<CodeInfo> findCode(const QString& code);
QString translatedSummary(const CodeInfo& info);

// Builds a diagnostic whose severity comes from the catalog; an unknown code is a programming error (asserts in
// debug builds, becomes an Error in release builds).
Diagnostic make(const char* code, QString message, Location where = {});

} // namespace handoff::diagnostics
