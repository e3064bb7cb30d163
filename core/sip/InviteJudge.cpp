#include "InviteJudge.h"

#include "Sdp.h"
#include "UuiHeaderReader.h"
#include "diagnostics/Catalog.h"
#include "jwt/ClaimRules.h"
#include "jwt/Jwt.h"
#include "salesforce/SalesforceId.h"
#include "uui/UuiLint.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace handoff::sip {

namespace {

// Statuses the stand-in answers [open: Salesforce does not document them; docs/sip.md].
constexpr int kBadRequest = 400;    // the UUI cannot be read or breaks a rule of its form
constexpr int kForbidden = 403;     // the call cannot be authenticated (no UUI, token refused)
constexpr int kNotFound = 404;      // callId names no VoiceCall
constexpr int kNotAcceptable = 488; // no PCMU offered

struct Judging {
    Verdict verdict;
    const JudgeContext& context;

    void note(const char* code, const QString& text) {
        verdict.diagnostics.append(diagnostics::make(code, text));
        if (verdict.diagnostics.constLast().severity != diagnostics::Severity::Error) {
            verdict.warnings.append(warningValue(context.warnAgent, QString::fromLatin1(code), text));
        }
    }
    // Refuses with the first error; later checks do not run.
    Verdict refuse(int status, const QString& reason, const QString& code, const QString& text) {
        if (code.startsWith(u"RSIP"_s)) {
            verdict.diagnostics.prepend(diagnostics::make(code.toLatin1().constData(), text));
        }
        verdict.status = status;
        verdict.reason = reason;
        verdict.warnings.prepend(warningValue(context.warnAgent, code, text));
        return verdict;
    }
};

bool isTokenCode(const QString& code) {
    return code.startsWith(u"JWT"_s) || code.startsWith(u"KEY"_s);
}

// Which lint findings refuse the call, and how: the UUI field rules give 400, token findings 403.
const diagnostics::Diagnostic* firstError(const diagnostics::Diagnostics& list) {
    for (const diagnostics::Diagnostic& d : list) {
        if (d.severity == diagnostics::Severity::Error) {
            return &d;
        }
    }
    return nullptr;
}

} // namespace

QString warningValue(const QString& agent, const QString& code, const QString& text) {
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            clean += u'\\';
            clean += c;
        } else if (u < 0x20 || u > 0x7E) {
            clean += u' ';
        } else {
            clean += c;
        }
        if (clean.size() >= 240) {
            clean += u"..."_s;
            break;
        }
    }
    return u"399 %1 \"%2 %3\""_s.arg(agent, code, clean.simplified());
}

Verdict judgeInvite(const ReceivedInvite& invite, const JudgeContext& context, const Clock& clock) {
    Judging j{{}, context};

    // The User-to-User header: exactly one, of either name.
    QList<const ReceivedHeader*> uuiHeaders;
    for (const ReceivedHeader& h : invite.headers) {
        if (isUuiHeaderName(h.name)) {
            uuiHeaders.append(&h);
        }
    }
    if (uuiHeaders.isEmpty()) {
        return j.refuse(kForbidden, u"No UUI"_s, u"RSIP010"_s,
                        u"no User-to-User or X-User-to-User header: the call cannot be authenticated"_s);
    }
    if (uuiHeaders.size() > 1) {
        return j.refuse(
            kBadRequest, u"Several User-to-User Headers"_s, u"RSIP011"_s,
            u"%1 UUI headers; Genesys drops all UUI when several arrive: send one"_s.arg(uuiHeaders.size()));
    }
    const ReceivedHeader& header = *uuiHeaders.constFirst();
    j.verdict.uuiHeaderName = header.name;
    const ReadUui read = readUuiHeader(header.name, header.value);
    if (!read.ok) {
        return j.refuse(kBadRequest,
                        read.errorCode == u"RSIP013"_s ? u"UUI Bytes Over 127"_s : u"Bad User-to-User Encoding"_s,
                        read.errorCode, read.error);
    }
    j.verdict.uuiForm = read.form();
    j.verdict.uuiJson = read.data;

    // The form the trunk profile writes; another form is read all the same, and said.
    const uui::TrunkUuiProfile& trunk = context.trunk;
    QStringList differences;
    if (header.name.compare(trunk.headerName, Qt::CaseInsensitive) != 0) {
        differences.append(u"header %1 (trunk: %2)"_s.arg(header.name, trunk.headerName));
    }
    if (read.encoding != trunk.encoding) {
        differences.append(
            u"encoding %1 (trunk: %2)"_s.arg(uui::encodingKey(read.encoding), uui::encodingKey(trunk.encoding)));
    }
    if (read.pdMode != trunk.pdMode) {
        differences.append(u"PD %1 (trunk: %2)"_s.arg(uui::pdModeKey(read.pdMode), uui::pdModeKey(trunk.pdMode)));
    }
    if (!differences.isEmpty()) {
        j.note("RSIP021", u"read as %1: %2"_s.arg(read.form(), differences.join(u", "_s)));
    }

    // The size limit, under the trunk profile's reading of the 1,024.
    const qsizetype measured = read.lengthFor(trunk.limitAppliesTo);
    if (measured > trunk.limit) {
        return j.refuse(kBadRequest, u"User-to-User Too Long"_s, u"RSIP014"_s,
                        u"%1 is %2 characters, over the limit of %3 [assumption: the trunk profile's reading]"_s
                            .arg(uui::limitAppliesToKey(trunk.limitAppliesTo))
                            .arg(measured)
                            .arg(trunk.limit));
    }

    // JSON and keys: core's UUI rules.
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(read.data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return j.refuse(
            kBadRequest, u"UUI Not JSON"_s, u"RSIP020"_s,
            parseError.error != QJsonParseError::NoError
                ? u"the decoded UUI is not JSON: %1 at byte %2"_s.arg(parseError.errorString()).arg(parseError.offset)
                : u"the decoded UUI is JSON but not an object"_s);
    }
    const uui::LintResult lint = uui::lint(read.data, clock);
    for (const diagnostics::Diagnostic& d : lint.diagnostics) {
        if (d.severity != diagnostics::Severity::Error) {
            j.verdict.diagnostics.append(d);
            j.verdict.warnings.append(warningValue(context.warnAgent, d.code, d.message));
        }
    }
    if (const diagnostics::Diagnostic* d = firstError(lint.diagnostics)) {
        j.verdict.diagnostics.prepend(*d);
        const bool token = isTokenCode(d->code) || d->where.field.contains(u"token"_s);
        const QString reason = d->code == u"UUI022"_s ? u"Token Expired"_s
                               : token                ? u"Token Rejected"_s
                                                      : u"Invalid UUI"_s;
        return j.refuse(token ? kForbidden : kBadRequest, reason, d->code, d->message);
    }
    const QJsonObject uuiObject = document.object();

    // The token: RS256 against a certificate registered for its iss, then the claim rules.
    const QByteArray tokenText = uuiObject.value(u"token"_s).toString().toLatin1();
    const auto decoded = jwt::decode(tokenText);
    if (!decoded) {
        return j.refuse(kForbidden, u"Token Rejected"_s, decoded.error().code, decoded.error().message);
    }
    const QString iss = decoded->claims.stringClaim(u"iss"_s).value_or(QString());
    const RegisteredOrg* org = nullptr;
    for (const RegisteredOrg& o : context.orgs) {
        if (salesforce::sameId(o.orgId, iss)) {
            org = &o;
            break;
        }
    }
    if (!org) {
        return j.refuse(kForbidden, u"Org Not Registered"_s, u"RSIP015"_s,
                        u"no certificate is registered for the token's iss %1"_s.arg(iss));
    }
    bool verified = false;
    QString verifyError;
    for (const crypto::PublicKey& key : org->keys) {
        const auto ok = jwt::verify(*decoded, key);
        if (ok) {
            verified = true;
            break;
        }
        verifyError = ok.error().code + u' ' + ok.error().message;
    }
    if (!verified) {
        return j.refuse(
            kForbidden, u"Token Signature Invalid"_s, u"RSIP015"_s,
            u"the token does not verify against the certificate registered for %1: %2"_s.arg(org->orgId, verifyError));
    }
    salesforce::OrgProfile profile;
    profile.orgId = org->orgId;
    profile.customerType = org->customerType;
    const QString sub = decoded->claims.stringClaim(u"sub"_s).value_or(QString());
    profile.callCenterApiName = org->callCenters.contains(sub) ? sub : org->callCenters.value(0);
    jwt::ClaimRuleOptions options;
    options.clockSkewSecs = context.clockSkewSecs;
    const diagnostics::Diagnostics claims = jwt::checkToken(*decoded, &profile, clock, options);
    if (const diagnostics::Diagnostic* d = firstError(claims)) {
        j.verdict.diagnostics.prepend(*d);
        return j.refuse(kForbidden, d->code == u"JWT010"_s ? u"Token Expired"_s : u"Token Rejected"_s, d->code,
                        d->message);
    }

    // callId, when present: 18 characters, a VoiceCall this emulator created.
    if (uuiObject.contains(u"callId"_s)) {
        const QString callId = uuiObject.value(u"callId"_s).toString();
        if (callId.size() != 18) {
            return j.refuse(
                kBadRequest, u"callId Not 18 Characters"_s, u"ID006"_s,
                u"callId %1 has %2 characters; the UUI takes the 18-character VoiceCall id"_s.arg(callId).arg(
                    callId.size()));
        }
        const diagnostics::Diagnostics idProblems =
            salesforce::checkId(callId, u"callId"_s, salesforce::IdKind::VoiceCall, salesforce::IdForm::Id18);
        if (const diagnostics::Diagnostic* d = firstError(idProblems)) {
            return j.refuse(kBadRequest, u"Invalid callId"_s, d->code, d->message);
        }
        bool known = false;
        for (const QString& id : context.voiceCalls) {
            known = known || salesforce::sameId(id, callId);
        }
        if (!known) {
            return j.refuse(kNotFound, u"VoiceCall Not Found"_s, u"RSIP016"_s,
                            u"callId %1 names no VoiceCall this emulator created (%2 created)"_s.arg(callId).arg(
                                context.voiceCalls.size()));
        }
        if (org->customerType == salesforce::CustomerType::VoiceWithTelephonyProviders) {
            j.note("RSIP019", u"callId sent for a Salesforce Voice with Telephony Providers org: the help article's "
                              u"table limits callId to other customers, its flow passes it; accepted here"_s);
        }
    }

    // The media offer.
    const SdpOffer sdp = readSdpOffer(invite.body);
    j.verdict.sdpPcmu = sdp.pcmu;
    j.verdict.sdpSrtp = sdp.srtp;
    if (invite.body.isEmpty() || !sdp.parsed || !sdp.pcmu) {
        return j.refuse(kNotAcceptable, u"PCMU Not Offered"_s, u"RSIP017"_s,
                        invite.body.isEmpty() ? u"the INVITE has no SDP offer"_s
                        : !sdp.parsed         ? u"the SDP does not parse: %1"_s.arg(sdp.error)
                                              : u"no audio stream offers PCMU/8000"_s);
    }
    if (!sdp.srtp) {
        j.note("RSIP018", u"the offer has no SRTP (RTP/SAVP with a=crypto); Salesforce requires SRTP"_s);
    }
    j.verdict.status = 200;
    j.verdict.reason = u"OK"_s;
    return j.verdict;
}

} // namespace handoff::sip
