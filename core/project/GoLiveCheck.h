#pragma once

#include "common/Clock.h"
#include "diagnostics/Diagnostic.h"
#include "project/Composition.h"
#include "project/Project.h"
#include "project/Readiness.h"
#include "telephony/CredentialProbe.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <algorithm>
#include <optional>

namespace handoff::crypto {
class Certificate;
class PrivateKey;
} // namespace handoff::crypto

namespace handoff::project {

// The go-live check: every check a project can run, in the order an admin fixes them, each with a stable id
// (GOL001-GOL013, listed in docs/diagnostics.md), a status, the reason and where to fix it. Its verdict is the
// project's one verdict (Readiness): the desktop app's status bar, the Export page and `handoff preflight` show it.
//
// It is a function of one project (one org profile, key, trunk profile and flow) and what was loaded for it, so that
// a project with several environments can run it once per environment.
enum class CheckStatus { Pass, Warn, Fail, NotRun };
QString checkStatusKey(CheckStatus status);  // "pass", "warn", "fail", "not-run": stable, for --json
QString checkStatusName(CheckStatus status); // translated, for people ("Passed", "Warning", ...)

// Where an admin fixes a check: a page of the desktop app ("org", "token", "uui", "export", "call", "flow",
// "golive") and the model field on it (as in Diagnostic::where.field; may be empty).
struct FixLocation {
    QString pageId;
    QString field;
};

struct CheckResult {
    QString id;    // GOL0xx
    QString title; // translated, short ("Org settings")
    CheckStatus status = CheckStatus::NotRun;
    QString reason; // translated, one line: why this status
    FixLocation fix;
    diagnostics::Diagnostics diagnostics; // the problems behind the status (ORG, KEY, JWT, UUI, SIP, FLW, EXP, TEL...)

    // The diagnostic that takes the admin to the fix: the first error (or warning) behind the status, or a GOL one
    // made from the reason and the fix location.
    diagnostics::Diagnostic focus() const;
};

// Ids, in fixing order.
namespace checks {
inline constexpr const char* kOrg = "GOL001";
inline constexpr const char* kKey = "GOL002";
inline constexpr const char* kCertificate = "GOL003";
inline constexpr const char* kUuiToken = "GOL004";
inline constexpr const char* kApiToken = "GOL005";
inline constexpr const char* kUui = "GOL006";
inline constexpr const char* kFlow = "GOL007";
inline constexpr const char* kMatrix = "GOL008";
inline constexpr const char* kWindow = "GOL009";
inline constexpr const char* kContracts = "GOL010";
inline constexpr const char* kFunction = "GOL011";
inline constexpr const char* kProbe = "GOL012";
inline constexpr const char* kRealTransfer = "GOL013";
} // namespace checks

struct GoLiveInputs {
    // The private key and the certificate uploaded to Salesforce, as loaded by the caller; null when none.
    const crypto::PrivateKey* key = nullptr;
    const crypto::Certificate* certificate = nullptr;
    // Why the key or certificate is missing, when the caller tried and failed (e.g. "the key file does not load:
    // ..."); shown as the reason of GOL002/GOL003.
    QString keyProblem;
    QString certificateProblem;
    // The composition the caller already has for this project, key and clock (the desktop app's Workspace keeps
    // one); null: composed here.
    const Composition* composition = nullptr;
    // The credential probe's result, when one was run (`--emulator`, `--org`, the Go-live page's buttons).
    std::optional<telephony::ProbeResult> probe;
    // The flow's problems as project::validateFlow gives them for this project and clock, when the caller already
    // has them (the desktop app's Workspace checks the flow as it recomputes, only where an edit changed it): GOL007
    // is made from them instead of validating the flow again. The caller vouches that they are current; null:
    // validated here.
    const diagnostics::Diagnostics* flowDiagnostics = nullptr;
    // GOL007-GOL009 (the flow's validation and its simulations, the costly part) from an earlier run of the same
    // flow, taken as they are instead of running them again. The desktop app reuses them while the admin types and
    // runs them again after a pause (shell::Workspace); null: run here.
    const QList<CheckResult>* flowChecks = nullptr;
    // GOL008-GOL009 (the flow's simulations) from an earlier run, taken as they are when GOL007 passes; when it fails
    // they are not run, as always. The desktop app reuses them while the admin edits the flow and runs them again
    // after a pause; null: run here.
    const QList<CheckResult>* simulationChecks = nullptr;
    // Simulated calls per hour for the time window (GOL009), 48 hours from the clock's now. One an hour finds both an
    // expired reused token and a replayed single-use one (the second call replays the first one's token).
    int windowCallsPerHour = 1;
    int windowHours = 48;
};

struct GoLiveReport {
    QList<CheckResult> checks;     // in fixing order, every check, also those not run
    Readiness verdict;             // the one verdict: empty / not ready (first failing check) / ready
    qsizetype uuiDecodedBytes = 0; // the UUI size the checks saw (for the real-transfer record)

    bool ok() const {
        return !std::any_of(checks.cbegin(), checks.cend(),
                            [](const CheckResult& c) { return c.status == CheckStatus::Fail; });
    }
    const CheckResult* find(const QString& id) const;
};

// The key and certificate problems (RS256 fitness, validity, SHA-1, KEY009 when the key is not the certificate's),
// in one place for the desktop app's live problems and the go-live check.
diagnostics::Diagnostics keyDiagnostics(const crypto::PrivateKey* key, const crypto::Certificate* certificate,
                                        const Clock& clock);

// GOL007-GOL009 of a report, for GoLiveInputs::flowChecks.
QList<CheckResult> flowChecksOf(const GoLiveReport& report);

// Runs every check. Never fails; a check that cannot run says why (not run).
GoLiveReport goLiveCheck(const Project& project, const GoLiveInputs& inputs, const Clock& clock);

// The verdict over checks (GoLiveReport::verdict), for callers that hold a list.
Readiness verdictOf(const Project& project, const QList<CheckResult>& checks);

// The --json form: {"ok", "verdict": {...}, "checks": [{"id", "title", "status", "reason", "fix": {page, field},
// "diagnostics": [...]}]}.
QJsonObject toJson(const GoLiveReport& report);

} // namespace handoff::project
