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

Action make(QString id, QString name, ActionProps props) {
    return Action::make(std::move(id), std::move(name), std::move(props));
}

Audio tts(const QString& text) {
    return Audio{literal(text), {}, {}};
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
        "because after a successful transfer the flow does not run on; the function returns the 18-character "
        "VoiceCall id and a UUI token minted for the call.");
    const QString uuiToken = o.tokenFromFunction ? u"Task.uuiToken"_s : u"Flow.uuiToken"_s;
    if (o.tokenFromFunction) {
        flow.variables.append({u"Task.uuiToken"_s,
                               ValueType::String,
                               Value::notSet(),
                               handoff::flow::tr("The UUI token (JWT) the function minted for this call."),
                               Supplier::None,
                               {}});
    } else {
        flow.variables.append({u"Flow.uuiToken"_s,
                               ValueType::String,
                               Value::notSet(),
                               handoff::flow::tr("The UUI token (JWT), pasted into the flow and reused until it "
                                                 "expires. The simulator takes it from the project's token policy."),
                               Supplier::ProjectUuiToken,
                               {}});
    }
    flow.variables += QList<Variable>{
        {u"Task.voiceCallId"_s,
         ValueType::String,
         Value::notSet(),
         handoff::flow::tr("The 18-character VoiceCall id returned by the Call Data Action."),
         Supplier::None,
         {}},
        {u"Flow.callCenterApiName"_s,
         ValueType::String,
         Value::string(o.callCenterApiName),
         handoff::flow::tr("The API name of the contact center in Salesforce."),
         Supplier::None,
         {}},
        {u"Flow.scrtBaseUrl"_s,
         ValueType::String,
         Value::string(o.scrtBaseUrl),
         handoff::flow::tr("The org's SCRT2 base URL."),
         Supplier::None,
         {}},
        {u"Flow.salesforceOrgId"_s,
         ValueType::String,
         Value::string(o.salesforceOrgId),
         handoff::flow::tr("The 15-character Salesforce org id."),
         Supplier::None,
         {}},
        {u"Flow.transferErrorType"_s,
         ValueType::String,
         Value::notSet(),
         handoff::flow::tr("Why the transfer failed (Transfer to Number's errorType)."),
         Supplier::None,
         {}},
        {u"Flow.transferErrorMessage"_s,
         ValueType::String,
         Value::notSet(),
         handoff::flow::tr("The transfer failure message (errorMessage)."),
         Supplier::None,
         {}},
    };

    const QString failureTask = u"failure-handling"_s;
    auto jumpToFailure = [&failureTask](const QString& id) {
        return make(id, handoff::flow::tr("Jump to Failure handling"), JumpProps{failureTask});
    };

    Task main;
    main.id = u"main"_s;
    main.name = handoff::flow::tr("Starting task");
    main.actions.push_back(make(u"transcription"_s, handoff::flow::tr("Transcription"), TranscriptionProps{true}));
    main.actions.push_back(make(u"recording"_s, handoff::flow::tr("Enable Participant Recording"), RecordingProps{}));
    main.actions.push_back(
        make(u"greeting"_s, handoff::flow::tr("Play Audio"),
             PlayAudioProps{tts(handoff::flow::tr("Thank you for calling. One moment while we connect you."))}));

    CallDataProps callData;
    callData.integration = u"Function Data Actions"_s;
    callData.dataAction = o.dataActionName;
    callData.inputs = {
        {u"to"_s, u"Call.CalledAddressOriginal"_s, {}},
        {u"from"_s, u"Call.Ani"_s, {}},
        {u"callCenterApiName"_s, u"Flow.callCenterApiName"_s, {}},
        {u"scrtBaseUrl"_s, u"Flow.scrtBaseUrl"_s, {}},
        {u"salesforceOrgId"_s, u"Flow.salesforceOrgId"_s, {}},
        {u"callAttributes"_s, literal(u"{\"Department__c\":\"Support\"}"_s), {}},
        {u"vendorCallKey"_s, u"Call.ConversationId"_s, {}},
    };
    callData.successOutputs = {{u"voiceCallId"_s, u"Task.voiceCallId"_s, {}}};
    if (o.tokenFromFunction) {
        callData.successOutputs.append({u"uuiToken"_s, u"Task.uuiToken"_s, {}});
    }
    callData.timeoutSeconds = 15;
    Action create = make(u"create-voicecall"_s, handoff::flow::tr("Call Data Action"), callData);
    create.output(QString::fromLatin1(kPathFailure))->push_back(jumpToFailure(u"failure-jump"_s));
    create.output(QString::fromLatin1(kPathTimeout))->push_back(jumpToFailure(u"timeout-jump"_s));
    main.actions.push_back(std::move(create));

    Action decision = make(u"voicecall-created"_s, handoff::flow::tr("VoiceCall created?"),
                           DecisionProps{u"not IsNotSetOrEmpty(Task.voiceCallId)"_s});
    decision.output(QString::fromLatin1(kPathNo))->push_back(jumpToFailure(u"no-id-jump"_s));
    main.actions.push_back(std::move(decision));

    SetPostFlowProps postFlow;
    postFlow.target = PostFlowTarget::Caller;
    postFlow.flowType = u"inboundCall"_s;
    postFlow.flowName = o.escalationFlowName;
    postFlow.invocationData = u"Append(\"{\\\"voiceCallId\\\":\\\"\", Task.voiceCallId, \"\\\"}\")"_s;
    main.actions.push_back(make(u"post-flow"_s, handoff::flow::tr("Set Post-Flow"), postFlow));

    SetUuiDataProps uui;
    uui.mode = UuiMode::Transfer;
    uui.source = UuiSource::ProjectTemplate;
    uui.tokenVariable = uuiToken;
    uui.callIdVariable = u"Task.voiceCallId"_s;
    main.actions.push_back(make(u"set-uui"_s, handoff::flow::tr("Set UUI Data"), uui));

    TransferProps transfer;
    transfer.number = literal(o.agentforceNumber);
    transfer.releaseLinkTransfer = false;
    transfer.connectTimeoutSeconds = 30;
    transfer.preTransferAudio = tts(handoff::flow::tr("Connecting you to our virtual agent."));
    transfer.failedTransferAudio = tts(handoff::flow::tr("Sorry, we could not connect you."));
    transfer.errorTypeVariable = u"Flow.transferErrorType"_s;
    transfer.errorMessageVariable = u"Flow.transferErrorMessage"_s;
    Action transferAction = make(u"transfer"_s, handoff::flow::tr("Transfer to Number"), transfer);
    transferAction.output(QString::fromLatin1(kPathFailure))
        ->push_back(make(u"transfer-failed-audio"_s, handoff::flow::tr("Play Audio"),
                         PlayAudioProps{tts(handoff::flow::tr("Please call again later. Goodbye."))}));
    main.actions.push_back(std::move(transferAction));
    main.actions.push_back(make(u"transfer-failed-disconnect"_s, handoff::flow::tr("Disconnect"), DisconnectProps{}));

    // The Call Data Action's failure and timeout paths, and the Decision's "no": an apology, then Disconnect.
    Task failure;
    failure.id = failureTask;
    failure.name = handoff::flow::tr("Failure handling");
    failure.actions.push_back(
        make(u"failure-audio"_s, handoff::flow::tr("Play Audio"),
             PlayAudioProps{tts(handoff::flow::tr("We cannot take your call right now. Please call again later."))}));
    failure.actions.push_back(make(u"failure-disconnect"_s, handoff::flow::tr("Disconnect"), DisconnectProps{}));

    flow.startTaskId = main.id;
    flow.tasks = {std::move(main), std::move(failure)};
    return flow;
}

} // namespace handoff::flow
