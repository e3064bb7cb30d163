#pragma once

#include "flow/Flow.h"

#include <QStringList>

#include <optional>

namespace handoff::flow {

// The values a template fills in. The defaults are visible placeholders an admin replaces.
struct TemplateOptions {
    QString callCenterApiName = QStringLiteral("scv4cc1");
    QString scrtBaseUrl = QStringLiteral("mycompany.my.salesforce-scrt.com/telephony/v1");
    QString salesforceOrgId = QStringLiteral("00D000000000001");
    // The Agentforce Voice channel's SIP address, in E.164 form (not a real phone number). 555-01xx is fictional.
    QString agentforceNumber = QStringLiteral("+15550100100");
    QString escalationFlowName = QStringLiteral("Escalation to Rep");
    QString dataActionName = QStringLiteral("Create VoiceCall");
    // true: the Function Data Action returns a UUI token minted for the call (Task.uuiToken), the recommended way;
    // false: the UUI token is one pasted into the flow (Flow.uuiToken) and reused until it expires, as the article
    // describes; the simulator's time-window mode then shows when it expires.
    bool tokenFromFunction = true;
};

// Built-in templates by name ("sip-transfer").
QStringList templateNames();
std::optional<Flow> flowTemplate(const QString& name, const TemplateOptions& options = {});

// The help article's sample inbound flow in Architect's shape. The starting task: Transcription, Enable Participant
// Recording, Play Audio (greeting), Call Data Action (the Function Data Action that creates the VoiceCall; inputs
// from = Call.Ani, to = Call.CalledAddressOriginal, vendorCallKey = Call.ConversationId, callCenterApiName,
// scrtBaseUrl, the org id, callAttributes; outputs voiceCallId -> Task.voiceCallId (18 characters) and uuiToken ->
// Task.uuiToken), its failure and timeout paths jumping to the reusable task "Failure handling", Decision (was an id
// returned? "no" jumps there too), Set Post-Flow (Caller -> the escalation flow), Set UUI Data (for transfers, the
// project's UUI), Transfer to Number (the Agentforce Voice SIP address; its failure path plays an apology) and
// Disconnect. The reusable task: Play Audio (apology), Disconnect.
//
// Where it differs from the article, on purpose (each difference is in the flow's description):
//  - the org id input is named `salesforceOrgId`: Genesys reserves `orgId` in data action contracts (FLW023);
//  - the private key is not a data action input: it belongs in the integration's credentials;
//  - callAttributes is real JSON ({"Department__c":"Support"}), not the article's single-quoted form;
//  - Set Post-Flow comes before the transfer: after a successful transfer the flow does not run on;
//  - the function returns the 18-character id and a UUI token for this call (tokenFromFunction).
Flow sipTransferTemplate(const TemplateOptions& options = {});

} // namespace handoff::flow
