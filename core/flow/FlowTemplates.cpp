#include "FlowTemplates.h"

#include "flow/Expression.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace handoff::flow {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}

QString literal(const QString& text) {
    return quoteStringLiteral(text);
}

Action make(QString id, QString name, ActionProps props, QPointF position, QMap<QString, QString> next = {}) {
    Action a;
    a.id = std::move(id);
    a.name = std::move(name);
    a.props = std::move(props);
    a.position = position;
    a.next = std::move(next);
    return a;
}

Audio tts(const QString& text) {
    return Audio{literal(text), {}};
}
} // namespace

QStringList templateNames() {
    return {u"sip-transfer"_s};
}

std::optional<Flow> flowTemplate(const QString& name, const TemplateOptions& options) {
    if (name == u"sip-transfer"_s) {
        return sipTransferTemplate(options);
    }
    return std::nullopt;
}

Flow sipTransferTemplate(const TemplateOptions& o) {
    Flow flow;
    flow.name = handoff::flow::tr("Inbound call to Agentforce Voice (SIP transfer)");
    flow.description = handoff::flow::tr(
        "The help article's sample flow. Differences on purpose: the org id input is named salesforceOrgId "
        "(Genesys reserves orgId in data action contracts); the private key is not an input (keep it in the "
        "integration's credentials); callAttributes is real JSON; Set Post-Flow comes before the transfer, "
        "because after a successful transfer the flow does not run on.");
    flow.startActionId = u"transcription"_s;

    flow.variables = {
        {u"Flow.uuiToken"_s, ValueType::String, Value::notSet(),
         handoff::flow::tr(
             "The UUI token (JWT), pasted into the flow and reused until it expires. The simulator takes it from the "
             "project's token policy."),
         Supplier::ProjectUuiToken},
        {u"Task.voiceCallId"_s, ValueType::String, Value::notSet(),
         handoff::flow::tr("The VoiceCall id returned by the Call Data Action."), Supplier::None},
        {u"Flow.callCenterApiName"_s, ValueType::String, Value::string(o.callCenterApiName),
         handoff::flow::tr("The API name of the contact center in Salesforce."), Supplier::None},
        {u"Flow.scrtBaseUrl"_s, ValueType::String, Value::string(o.scrtBaseUrl),
         handoff::flow::tr("The org's SCRT2 base URL."), Supplier::None},
        {u"Flow.salesforceOrgId"_s, ValueType::String, Value::string(o.salesforceOrgId),
         handoff::flow::tr("The 15-character Salesforce org id."), Supplier::None},
        {u"Flow.transferErrorType"_s, ValueType::String, Value::notSet(),
         handoff::flow::tr("Why the transfer failed (Transfer to Number's errorType)."), Supplier::None},
        {u"Flow.transferErrorMessage"_s, ValueType::String, Value::notSet(),
         handoff::flow::tr("The transfer failure message (errorMessage)."), Supplier::None},
    };

    const QString next = QString::fromLatin1(kPathNext);
    const double x = 0;
    const double branch = 320;
    double y = 0;
    auto step = [&y]() { return y += 110; };

    flow.actions.append(make(u"transcription"_s, handoff::flow::tr("Transcription"), TranscriptionProps{true}, {x, y},
                             {{next, u"recording"_s}}));
    flow.actions.append(make(u"recording"_s, handoff::flow::tr("Enable Participant Recording"), RecordingProps{},
                             {x, step()}, {{next, u"greeting"_s}}));
    flow.actions.append(
        make(u"greeting"_s, handoff::flow::tr("Play Audio"),
             PlayAudioProps{tts(handoff::flow::tr("Thank you for calling. One moment while we connect you."))},
             {x, step()}, {{next, u"create-voicecall"_s}}));

    CallDataProps callData;
    callData.integration = u"Function Data Actions"_s;
    callData.dataAction = o.dataActionName;
    callData.inputs = {
        {u"to"_s, u"Call.CalledAddressOriginal"_s},
        {u"from"_s, u"Call.Ani"_s},
        {u"callCenterApiName"_s, u"Flow.callCenterApiName"_s},
        {u"scrtBaseUrl"_s, u"Flow.scrtBaseUrl"_s},
        {u"salesforceOrgId"_s, u"Flow.salesforceOrgId"_s},
        {u"callAttributes"_s, literal(u"{\"Department__c\":\"Support\"}"_s)},
        {u"vendorCallKey"_s, u"Call.ConversationId"_s},
    };
    callData.successOutputs = {{u"voiceCallId"_s, u"Task.voiceCallId"_s}};
    callData.timeoutSeconds = 15;
    flow.actions.append(make(u"create-voicecall"_s, handoff::flow::tr("Call Data Action"), callData, {x, step()},
                             {{QString::fromLatin1(kPathSuccess), u"voicecall-created"_s},
                              {QString::fromLatin1(kPathFailure), u"failure-audio"_s},
                              {QString::fromLatin1(kPathTimeout), u"timeout-audio"_s}}));
    const double afterCallData = y;

    flow.actions.append(
        make(u"voicecall-created"_s, handoff::flow::tr("VoiceCall created?"),
             DecisionProps{u"not IsNotSetOrEmpty(Task.voiceCallId)"_s}, {x, step()},
             {{QString::fromLatin1(kPathYes), u"post-flow"_s}, {QString::fromLatin1(kPathNo), u"no-id-jump"_s}}));
    const double afterDecision = y;

    SetPostFlowProps postFlow;
    postFlow.target = PostFlowTarget::Caller;
    postFlow.flowType = u"inboundCall"_s;
    postFlow.flowName = o.escalationFlowName;
    postFlow.invocationData = u"Append(\"{\\\"voiceCallId\\\":\\\"\", Task.voiceCallId, \"\\\"}\")"_s;
    flow.actions.append(
        make(u"post-flow"_s, handoff::flow::tr("Set Post-Flow"), postFlow, {x, step()}, {{next, u"set-uui"_s}}));

    SetUuiDataProps uui;
    uui.mode = UuiMode::Transfer;
    uui.source = UuiSource::ProjectTemplate;
    uui.tokenVariable = u"Flow.uuiToken"_s;
    uui.callIdVariable = u"Task.voiceCallId"_s;
    flow.actions.append(
        make(u"set-uui"_s, handoff::flow::tr("Set UUI Data"), uui, {x, step()}, {{next, u"transfer"_s}}));

    TransferProps transfer;
    transfer.number = literal(o.agentforceNumber);
    transfer.releaseLinkTransfer = false;
    transfer.connectTimeoutSeconds = 30;
    transfer.preTransferAudio = tts(handoff::flow::tr("Connecting you to our virtual agent."));
    transfer.failedTransferAudio = tts(handoff::flow::tr("Sorry, we could not connect you."));
    transfer.errorTypeVariable = u"Flow.transferErrorType"_s;
    transfer.errorMessageVariable = u"Flow.transferErrorMessage"_s;
    flow.actions.append(make(u"transfer"_s, handoff::flow::tr("Transfer to Number"), transfer, {x, step()},
                             {{QString::fromLatin1(kPathFailure), u"transfer-failed-audio"_s}}));
    flow.actions.append(make(u"transfer-failed-audio"_s, handoff::flow::tr("Play Audio"),
                             PlayAudioProps{tts(handoff::flow::tr("Please call again later. Goodbye."))},
                             {x + branch, y}, {{next, u"transfer-failed-disconnect"_s}}));
    flow.actions.append(
        make(u"transfer-failed-disconnect"_s, handoff::flow::tr("Disconnect"), DisconnectProps{}, {x, step()}));

    // The Call Data Action's failure and timeout paths, and the Decision's "no": an apology, then Disconnect.
    flow.actions.append(
        make(u"failure-audio"_s, handoff::flow::tr("Play Audio"),
             PlayAudioProps{tts(handoff::flow::tr("We cannot take your call right now. Please call again later."))},
             {x + branch, afterCallData}, {{next, u"failure-disconnect"_s}}));
    flow.actions.append(make(u"failure-disconnect"_s, handoff::flow::tr("Disconnect"), DisconnectProps{},
                             {x + branch, afterCallData + 110}));
    flow.actions.append(
        make(u"timeout-audio"_s, handoff::flow::tr("Play Audio"),
             PlayAudioProps{tts(handoff::flow::tr("We cannot take your call right now. Please call again later."))},
             {x + 2 * branch, afterCallData}, {{next, u"timeout-disconnect"_s}}));
    flow.actions.append(make(u"timeout-disconnect"_s, handoff::flow::tr("Disconnect"), DisconnectProps{},
                             {x + 2 * branch, afterCallData + 110}));
    flow.actions.append(make(u"no-id-jump"_s, handoff::flow::tr("Jump to failure handling"),
                             JumpProps{u"failure-audio"_s}, {x + branch, afterDecision}));
    return flow;
}

} // namespace handoff::flow
