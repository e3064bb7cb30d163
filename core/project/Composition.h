#pragma once

#include "common/Clock.h"
#include "diagnostics/Diagnostic.h"
#include "exports/SetUuiDataExport.h"
#include "jwt/JwtClaims.h"
#include "project/Project.h"
#include "uui/SipHeaderBudget.h"
#include "uui/UuiComposer.h"
#include "uui/UuiModel.h"

#include <QByteArray>

#include <memory>

namespace handoff::crypto {
class PrivateKey;
}

namespace handoff::project {

// Everything the studio shows for a project at one moment, recomputed on every keystroke.
struct Composition {
    QByteArray token;    // the UUI token, signed under project.uuiToken; empty without a usable key
    qint64 issuedAt = 0; // iat and exp of `token` (0 when none)
    qint64 expiresAt = 0;
    bool tokenEstimated = false; // no key: the budget used a stand-in of a 2048-bit token's length (say so in the UI)
    uui::UuiModel model;         // what was composed
    uui::ComposedUui uui;        // the JSON and where each field sits in it
    uui::SipBudget budget;       // header, lengths, shares, ways out
    exports::SetUuiDataExport setUuiData; // the literal JSON and the Architect expression

    diagnostics::Diagnostics projectDiagnostics; // org profile, trunk, bindings, token policy (ORG/ID/SIP/EXP)
    diagnostics::Diagnostics claimDiagnostics;   // the token's claims (JWT0xx), when signed
    diagnostics::Diagnostics lintDiagnostics;    // UUI field rules on the composed JSON (UUI0xx, with byte ranges)
    diagnostics::Diagnostics budgetDiagnostics;  // SIP0xx
    diagnostics::Diagnostics diagnostics;        // all of the above, in that order

    bool ok() const { return !diagnostics::hasErrors(diagnostics); }
};

// The last token compose() signed and what it was signed from, so that an edit which changes no claim (a
// transactionId, a custom parameter, the trunk) reuses the token instead of signing again. Keep one per live
// document (the desktop app's Workspace does) and pass it to every compose() of that document.
class TokenCache {
public:
    TokenCache() = default;
    // Forgets the token (the next compose() signs).
    void clear();
    // How many times compose() signed through this cache (for tests and benchmarks).
    quint64 signatures() const { return m_signatures; }

private:
    friend Composition compose(const Project&, const crypto::PrivateKey*, const Clock&, TokenCache*);
    bool m_valid = false;
    const void* m_key = nullptr; // the EVP_PKEY signed with; m_keyHolder keeps it alive, so the address is unique
    std::shared_ptr<const crypto::PrivateKey> m_keyHolder;
    QString m_issuer;
    QString m_subject;
    qint64 m_ttl = 0;
    bool m_jti = false;
    qint64 m_issuedAt = 0;
    QByteArray m_token;
    jwt::Claims m_claims;
    quint64 m_signatures = 0;
};

// The live recompute: project + key + clock -> token, UUI JSON, budget, export, diagnostics, in one pass.
//
// `key` may be null (no key loaded yet): the token is then left empty, a KEY-less diagnostic says what to do
// (UUI030), and the budget is computed with a placeholder of a 2048-bit token's length so the numbers stay
// meaningful. With a `cache`, the token of the previous call is reused when the key and every claim (iss, sub, the
// lifetime, jti on or off, and iat, which moves with the clock's second) are what they were. Never fails; every
// problem is a diagnostic.
Composition compose(const Project& project, const crypto::PrivateKey* key, const Clock& clock,
                    TokenCache* cache = nullptr);

// Applies a way out of the budget to the project's settings (the UUI template), so that the next compose() shows
// its effect. False when it cannot be applied with one click (a smaller key) or no longer applies (the field is
// already out, or the custom parameter at that place has another key). The one implementation of a way out: the
// desktop app's UUI page calls it inside an undoable edit.
bool applyWayOut(const uui::WayOut& way, Project& project);

// Same, with a token the caller already has (pasted, or minted elsewhere) instead of signing one.
Composition composeWithToken(const Project& project, const QByteArray& token, const Clock& clock);

} // namespace handoff::project
