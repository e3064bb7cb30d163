#include "Readiness.h"

#include <QCoreApplication>

namespace handoff::project {

namespace {

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("handoff::project", text, disambiguation, n);
}

} // namespace

Readiness readiness(const Project& project, const diagnostics::Diagnostics& problems) {
    Readiness r;
    for (const diagnostics::Diagnostic& d : problems) {
        switch (d.severity) {
        case diagnostics::Severity::Error:
            ++r.errors;
            if (!r.blocking) {
                r.blocking = d;
            }
            break;
        case diagnostics::Severity::Warning:
            ++r.warnings;
            break;
        case diagnostics::Severity::Info:
            ++r.infos;
            break;
        }
    }
    const bool empty = project.org.orgId.trimmed().isEmpty() && project.org.scrt2Domain.trimmed().isEmpty();
    if (empty) {
        r.state = Readiness::State::Empty;
        r.blocking.reset();
        r.summary = handoff::project::tr("Nothing entered yet: start with the org id and SCRT2 domain on the Org & "
                                         "credentials page.");
        return r;
    }
    if (r.errors > 0) {
        r.state = Readiness::State::NotReady;
        r.summary = handoff::project::tr("Not ready: %n error(s). First: %1", nullptr, r.errors)
                        .arg(r.blocking->code + u' ' + r.blocking->message);
        return r;
    }
    r.state = Readiness::State::Ready;
    r.summary = r.warnings > 0 ? handoff::project::tr("Ready, with %n warning(s) to read.", nullptr, r.warnings)
                               : handoff::project::tr("Ready: no errors or warnings.");
    return r;
}

} // namespace handoff::project
