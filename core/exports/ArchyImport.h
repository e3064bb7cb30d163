#pragma once

#include "diagnostics/Diagnostic.h"
#include "flow/Flow.h"

#include <QByteArray>

namespace handoff::exports {

// Reads an Archy `inboundCall` document (docs/archy.md) into the flow model, so that an Archy file can be checked
// and simulated offline. Reads what exportArchy writes and published Archy it did not write: relative and absolute
// `startUpRef`, Decision outputs as "yes"/"no" or as booleans, `lit:`/`exp:`/`var:`/`noValue:` values. Nothing is
// dropped: an action the model does not have becomes an opaque action (EXP045), a key the reader does not know is
// kept in `extra` (EXP044), both written back by exportArchy. Located diagnostics (line and column, 1-based):
// EXP040 broken YAML, EXP041 not an inboundCall document, EXP042 a value of the wrong shape, EXP043 an unrendered
// template placeholder `{{...}}`, EXP046 a broken reference (startUpRef, refId). Any error refuses the flow.
struct ArchyImportResult {
    flow::Flow flow;
    diagnostics::Diagnostics diagnostics;
    bool ok() const { return !diagnostics::hasErrors(diagnostics); }
};
ArchyImportResult importArchy(const QByteArray& yaml);

} // namespace handoff::exports
