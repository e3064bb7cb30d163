#include "Simulator.h"

#include "diagnostics/Catalog.h"
#include "flow/FlowGraph.h"
#include "flow/SimulatorDetail.h"
#include "flow/TransferBackend.h"
#include "jwt/ClaimRules.h"
#include "jwt/Jwt.h"
#include "salesforce/SalesforceId.h"
#include "telephony/CallAttributes.h"
#include "uui/UuiChecks.h"
#include "uui/UuiComposer.h"
#include "uui/UuiLint.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QScopeGuard>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcFlowSimulator)
Q_LOGGING_CATEGORY(lcFlowSimulator, "handoff.flow.simulator", QtWarningMsg)

namespace handoff::flow {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}

using detail::CallScope;
using detail::OutcomeBackend;
using detail::VariableList;

using detail::Compiled;
using detail::Parsed;

// The path's name as a shared QString, compared by its text ("next" for anything else).
const QString& pathName(const char* path) {
    static const std::array<QString, 7> names{QString::fromLatin1(kPathNext),    QString::fromLatin1(kPathSuccess),
                                              QString::fromLatin1(kPathFailure), QString::fromLatin1(kPathTimeout),
                                              QString::fromLatin1(kPathYes),     QString::fromLatin1(kPathNo),
                                              QString::fromLatin1(kPathJump)};
    for (const QString& name : names) {
        if (name == QLatin1StringView(path)) {
            return name;
        }
    }
    return names[0];
}

diagnostics::Diagnostic located(const char* code, const QString& message, const Compiled& c,
                                const QString& property = {}) {
    return diagnostics::make(code, message, actionLocation(c.taskId, c.action->id, property));
}

// A problem found by core's own UUI, claim or call-attribute rules at an action: its code and message as core
// says them, its field kept, and the action it happened at.
diagnostics::Diagnostic atAction(diagnostics::Diagnostic d, const Compiled& c) {
    d.where.taskId = c.taskId;
    d.where.actionId = c.action->id;
    if (d.where.property.isEmpty()) {
        d.where.property = d.where.field;
    }
    return d;
}

// The state of one call as it runs.
struct Run {
    explicit Run(CallScope& callScope)
        : scope(callScope) {}

    Trace trace;
    CallScope& scope; // the simulator's, reset for each call
    QDateTime now;
    std::optional<UuiSnapshot> uuiForTransfer;
    QByteArray uuiForDisconnect; // Set UUI Data for disconnect: sent when the flow disconnects
    QByteArray uuiToken;         // the token inside the UUI for transfers, when known
    bool record = true;
    quint64 callNumber = 0;
    const CallScript* script = nullptr;
    telephony::VoiceCallsBackend* backend = nullptr;
    bool failed = false; // an expression or a type check failed: the call ends in error handling
};

void addDiagnostic(Run& run, TraceStep* step, diagnostics::Diagnostic d) {
    if (step) {
        step->diagnostics.append(d);
    }
    run.trace.diagnostics.append(std::move(d));
}

// What a handler decides: go on along a path, end the call, or stop it in error handling (Run::failed).
struct StepOutcome {
    QString path;
    bool ends = false;
    EndState end = EndState::Disconnected;

    static StepOutcome next(const char* key) { return {pathName(key), false, EndState::Disconnected}; }
    static StepOutcome finish(EndState state) { return {{}, true, state}; }
};

// The last UUI composed from the project's template, with its checks: calls with the same token and callId
// (scripted runs) reuse it instead of composing and checking the same bytes again.
struct CheckedUui {
    QString token;
    std::optional<QString> callId;
    bool withWaysOut = false;
    bool withText = true; // the budget holds the header text (else its lengths only)
    qint64 atSecs = 0;    // the call's time, which the token's expiry is checked at
    uui::SipBudget budget;
    diagnostics::Diagnostics diagnostics;
    bool hasErrors = false;
    // The findings as UuiChecker gave them (shared lists): while the next check gives these same lists, its
    // findings are these, and so are their copies located at the action.
    diagnostics::Diagnostics lint;
    diagnostics::Diagnostics claims;
    diagnostics::Diagnostics budgetFindings;
    const Compiled* locatedAt = nullptr; // the Set UUI Data action `located` is for
    diagnostics::Diagnostics located;
};

} // namespace

using detail::uuidFrom;

// ---------------------------------------------------------------------------------------------------------------

struct Simulator::Impl {
    using Handler = StepOutcome (Impl::*)(Run&, const Compiled&, TraceStep&);

    Flow flow;
    FlowGraph graph;
    const SimulationContext& context;
    std::vector<Compiled> actions;
    int start = -1;
    quint64 calls = 0;
    QDateTime firstCall;    // the start of the first simulated call: a reused token without issuedAt is minted then
    QSet<QString> usedJtis; // what Salesforce remembers: single-use token ids already presented
    detail::SimulatorTokens tokens; // the reused token, the function's, and the last one decoded
    std::optional<CheckedUui> lastUui;
    uui::UuiChecker uuiChecker; // each call's UUI differs from the last in its token and callId only
    VariableList initialScope;  // built-in and declared variables before the call's own values
    CallScope scope;            // the variables of the call that runs
    bool running = false;       // a call is running (Simulator::run)
    QString lastAttributes;
    telephony::ParsedCallAttributes lastParsedAttributes;
    TransferBackend* transferBackend = nullptr; // a real transfer (Simulator::setTransferBackend)

    bool needsInviteText() const { return transferBackend != nullptr; }

    Impl(const Flow& f, const SimulationContext& c)
        : flow(f)
        , graph(flow)
        , context(c) {
        start = graph.start();
        for (const BuiltInVariable& v : builtInVariables()) {
            initialScope.append({QString::fromLatin1(v.name), Value::notSet()});
        }
        for (const Variable& v : flow.variables) {
            Value initial = v.initial;
            for (const auto& [name, value] : c.initialValues) {
                if (name == v.name) {
                    initial = value;
                }
            }
            initialScope.append({v.name, initial});
        }
        actions.resize(static_cast<size_t>(graph.size()));
        for (int i = 0; i < graph.size(); ++i) {
            const GraphNode& node = graph.node(i);
            Compiled& compiled = actions[static_cast<size_t>(i)];
            compiled.action = node.action;
            compiled.taskId = node.taskId(flow);
            compiled.edges = node.edges;
            detail::compile(compiled, initialScope);
        }
    }

    static qint64 claimSecs(const jwt::DecodedJwt& decoded, const QString& name) {
        return decoded.claims.intClaim(name).value_or(0);
    }

    static QString claimText(const jwt::DecodedJwt& decoded, const QString& name) {
        return decoded.claims.stringClaim(name).value_or(QString());
    }

    void setVariable(Run& run, TraceStep& step, const QString& name, Value value) {
        Value before = run.scope.set(name, value);
        if (run.record && !(before == value)) {
            step.changes.append(VariableChange{name, std::move(before), std::move(value)});
        }
    }

    // Evaluates the n-th expression of the action; on failure marks the run failed (error handling takes it).
    Value eval(Run& run, const Compiled& c, int n, TraceStep& step) {
        const Parsed& p = c.expressions[n];
        if (p.slot >= 0 || p.literal) {
            // The scope holds every declared and built-in variable at the place it had in initialScope.
            const Value& known = p.literal ? *p.literal : run.scope.at(p.slot);
            if (run.record) {
                step.inputs.append({p.name, known});
            }
            return known;
        }
        ExpressionResult<Value> value = p.expression ? p.expression->evaluate(run.scope)
                                                     : ExpressionResult<Value>(tl::unexpected(p.expression.error()));
        if (!value) {
            const ExpressionError& e = value.error();
            addDiagnostic(run, run.record ? &step : nullptr,
                          located(e.code.toLatin1().constData(),
                                  handoff::flow::tr("%1 '%2', %3 (column %4): %5")
                                      .arg(actionKindName(c.action->kind()), c.action->id, p.name)
                                      .arg(e.where.column)
                                      .arg(e.message),
                                  c, p.property));
            run.failed = true;
            return Value::notSet();
        }
        if (run.record) {
            step.inputs.append({p.name, *value});
        }
        return *value;
    }

    void fail(Run& run, TraceStep& step, diagnostics::Diagnostic d) {
        addDiagnostic(run, run.record ? &step : nullptr, std::move(d));
        run.failed = true;
    }

    // ---- one handler per action kind ---------------------------------------------------------------------------

    StepOutcome transcription(Run& run, const Compiled& c, TraceStep& step) {
        if (run.record) {
            step.note = c.action->as<TranscriptionProps>()->enabled ? handoff::flow::tr("Transcription on.")
                                                                    : handoff::flow::tr("Transcription off.");
        }
        return StepOutcome::next(kPathNext);
    }

    StepOutcome recording(Run& run, const Compiled&, TraceStep& step) {
        if (run.record) {
            step.note = handoff::flow::tr("Recording enabled (cannot be undone).");
        }
        return StepOutcome::next(kPathNext);
    }

    StepOutcome playAudio(Run& run, const Compiled& c, TraceStep& step) {
        if (!c.expressions.isEmpty()) {
            eval(run, c, 0, step);
        } else if (run.record) {
            step.note = handoff::flow::tr("Plays prompt %1.").arg(c.action->as<PlayAudioProps>()->audio.prompt);
        }
        return StepOutcome::next(kPathNext);
    }

    StepOutcome callData(Run& run, const Compiled& c, TraceStep& step) {
        const CallDataProps& p = *c.action->as<CallDataProps>();
        telephony::VoiceCallRequest request;
        request.startTime = run.trace.call.startTime;
        FunctionInputs inputs;
        for (int n = 0; n < c.expressions.size() && !run.failed; ++n) {
            const Value v = eval(run, c, n, step);
            QString text = v.toText().value_or(QString());
            const QString& name = c.expressions[n].name;
            if (name == u"to"_s) {
                request.to = std::move(text);
            } else if (name == u"from"_s) {
                request.from = std::move(text);
            } else if (name == u"vendorCallKey"_s) {
                request.vendorCallKey = std::move(text);
            } else if (name == u"callCenterApiName"_s) {
                inputs.callCenterApiName = text;
                request.callCenterApiName = std::move(text);
            } else if (name == u"salesforceOrgId"_s) {
                inputs.salesforceOrgId = std::move(text);
            } else if (name == u"callAttributes"_s && !text.isEmpty()) {
                // A JSON object in a string (docs/emulator.md), read by the same rules as the test call; parsed once
                // while it stays the same.
                if (text != lastAttributes) {
                    lastAttributes = text;
                    lastParsedAttributes = telephony::parseCallAttributes(text);
                }
                request.callAttributes = lastParsedAttributes.attributes;
                for (const diagnostics::Diagnostic& d : lastParsedAttributes.diagnostics) {
                    diagnostics::Diagnostic at = atAction(d, c);
                    at.where.property = c.expressions[n].property;
                    addDiagnostic(run, run.record ? &step : nullptr, std::move(at));
                }
            }
        }
        if (run.failed) {
            return {};
        }
        telephony::VoiceCallResult result;
        // Without a trace, only the answer's errors are read.
        const auto detail = run.record ? telephony::VoiceCallsBackend::AnswerDetail::Full
                                       : telephony::VoiceCallsBackend::AnswerDetail::ErrorsOnly;
        if (auto answer = run.backend->answerAtOnce(request, detail)) {
            result = std::move(*answer); // the scripted backend: no reply object, no event per call
        } else {
            std::unique_ptr<telephony::VoiceCallsReply> reply(run.backend->createVoiceCall(request));
            if (!reply->isFinished() && !reply->waitForFinished(p.timeoutSeconds * 1000)) {
                reply->abort();
            }
            result = reply->result();
        }
        if (result.outcome == telephony::CallOutcome::Success && result.latencyMs > p.timeoutSeconds * 1000) {
            result.outcome = telephony::CallOutcome::Timeout; // answered after Genesys gave up
        }
        run.now = run.now.addMSecs(qMin<qint64>(result.latencyMs, p.timeoutSeconds * 1000));
        for (const diagnostics::Diagnostic& d : result.diagnostics) {
            if (run.record) {
                step.diagnostics.append(d);
            }
            // A real backend's refusal (the emulator, an org) is a problem of the setup; a scripted one is not.
            if (!run.script->dataAction && d.isError()) {
                run.trace.diagnostics.append(atAction(d, c));
            }
        }
        switch (result.outcome) {
        case telephony::CallOutcome::Success: {
            // The Function Data Action answers for the API (docs/flow.md): the 18-character id and a UUI token
            // minted for this call.
            // The stand-in token is made only when the output contract reads it; a signer signs for every call, as
            // the function would (and may fail, FLW093).
            const bool readsToken = std::any_of(p.successOutputs.cbegin(), p.successOutputs.cend(),
                                                [](const Binding& b) { return b.name == u"uuiToken"_s; });
            const quint64 seed = context.seed ^ (run.callNumber << 24);
            FunctionOutputs out =
                dataActionFunction(result, inputs, context.tokens, run.now.toSecsSinceEpoch(), seed, false);
            const UuiTokenMinter& minter = tokens.minter();
            if (readsToken && !minter) {
                out.uuiToken = tokens.functionStandIn(context.tokens, inputs, run.now.toSecsSinceEpoch(), seed);
            }
            if (minter) {
                // The function signs the token with the project's key (a rehearsal against a verifying peer).
                const qint64 now = run.now.toSecsSinceEpoch();
                auto minted = minter(now, now + context.tokens.ttlSeconds, functionTokenClaims(context.tokens, inputs));
                if (!minted) {
                    addDiagnostic(run, run.record ? &step : nullptr,
                                  located("FLW093",
                                          handoff::flow::tr("The function could not sign the UUI token: %1 The "
                                                            "function fails, so the data action takes its failure "
                                                            "path.")
                                              .arg(minted.error().message),
                                          c));
                    return StepOutcome::next(kPathFailure);
                }
                out.uuiToken = QString::fromLatin1(*minted);
            }
            QStringList unknown;
            for (const Binding& b : p.successOutputs) {
                Value value;
                if (b.name == u"voiceCallId"_s) {
                    value = out.voiceCallId.isEmpty() ? Value::notSet() : Value::string(out.voiceCallId);
                } else if (b.name == u"uuiToken"_s) {
                    value = Value::string(out.uuiToken);
                } else if (b.name == u"warning"_s) {
                    value = Value::string(out.warning);
                } else {
                    unknown.append(b.name);
                }
                if (run.record) {
                    step.outputs.append({b.name, value});
                }
                setVariable(run, step, b.value, value);
            }
            if (run.record) {
                step.note = handoff::flow::tr("VoiceCall %1 created by %2; the function returns it as %3.")
                                .arg(result.voiceCallId, run.backend->describe(), out.voiceCallId);
                if (!unknown.isEmpty()) {
                    step.note += u' ' + handoff::flow::tr("The function's output contract has voiceCallId, uuiToken "
                                                          "and warning only; %1 stays NOT_SET.")
                                            .arg(unknown.join(u", "_s));
                }
            }
            return StepOutcome::next(kPathSuccess);
        }
        case telephony::CallOutcome::Timeout:
            if (run.record) {
                step.note = handoff::flow::tr("No answer within %1 s: timeout path.").arg(p.timeoutSeconds);
            }
            return StepOutcome::next(kPathTimeout);
        default:
            if (run.record) {
                step.note = handoff::flow::tr("The data action failed (HTTP %1): failure path.").arg(result.httpStatus);
            }
            return StepOutcome::next(kPathFailure);
        }
    }

    StepOutcome decision(Run& run, const Compiled& c, TraceStep& step) {
        const Value v = eval(run, c, 0, step);
        if (run.failed) {
            return {};
        }
        if (v.type() != ValueType::Boolean) {
            fail(
                run, step,
                located("FLW003",
                        handoff::flow::tr("Decision '%1': the condition gave %2, not a Boolean. Compare it (==, IsSet, "
                                          "...) so it gives true or false.")
                            .arg(c.action->id, v.toDisplay()),
                        c, u"props.condition"_s));
            return {};
        }
        return StepOutcome::next(v.asBoolean() ? kPathYes : kPathNo);
    }

    StepOutcome updateData(Run& run, const Compiled& c, TraceStep& step) {
        for (int n = 0; n < c.expressions.size(); ++n) {
            const Value v = eval(run, c, n, step);
            if (run.failed) {
                return {};
            }
            const QString& name = c.expressions[n].name;
            const auto type = flow.variableType(name);
            if (type && v.isSet() && v.type() != *type &&
                !(*type == ValueType::Decimal && v.type() == ValueType::Integer)) {
                fail(run, step,
                     located("FLW003",
                             handoff::flow::tr("Update Data '%1': %2 is a %3 variable but gets %4. Convert the value.")
                                 .arg(c.action->id, name, valueTypeName(*type), v.toDisplay()),
                             c, c.expressions[n].property));
                return {};
            }
            setVariable(run, step, name, v);
        }
        return StepOutcome::next(kPathNext);
    }

    // The checks `handoff uui compose` runs on a composed UUI (uui::checkUui: field rules, the token's claims
    // against the org, the header budget), at the call's time. A uui::UuiChecker gives the same result, re-checking
    // only the token and callId when nothing else changed since the last call.
    // Without a trace and without a real transfer, nothing reads the header's text: the budget's lengths come by
    // arithmetic (uui::BudgetOptions::renderText), with the same numbers and diagnostics.
    void checkTemplateUui(const uui::UuiModel& model, const QDateTime& at, bool withWaysOut, bool withText,
                          const jwt::DecodedJwt* decodedToken) {
        uui::UuiCheckOptions options;
        options.reusableToken = !context.tokens.jti;
        options.computeWaysOut = withWaysOut;
        options.renderText = withText;
        options.decodedToken = decodedToken;
        uui::UuiCheck check = uuiChecker.check(model, context.trunk, context.org, FixedClock(at), options);
        CheckedUui& checked = lastUui ? *lastUui : lastUui.emplace();
        checked.atSecs = at.toSecsSinceEpoch();
        checked.token = model.token;
        checked.callId = model.callId;
        checked.withWaysOut = withWaysOut;
        checked.withText = withText;
        if (!checked.lint.isSharedWith(check.lint) || !checked.claims.isSharedWith(check.claims) ||
            !checked.budgetFindings.isSharedWith(check.budget.diagnostics)) {
            checked.lint = check.lint;
            checked.claims = check.claims;
            checked.budgetFindings = check.budget.diagnostics;
            checked.diagnostics = check.all();
            checked.hasErrors = diagnostics::hasErrors(checked.diagnostics);
            checked.locatedAt = nullptr;
            checked.located.clear();
        }
        checked.budget = std::move(check.budget);
    }

    StepOutcome setUuiData(Run& run, const Compiled& c, TraceStep& step) {
        const SetUuiDataProps& p = *c.action->as<SetUuiDataProps>();
        UuiSnapshot snapshot;
        snapshot.mode = p.mode;
        QByteArray uuiToken;
        diagnostics::Diagnostics found;
        if (p.source == UuiSource::Expression) {
            const Value v = eval(run, c, 0, step);
            if (run.failed) {
                return {};
            }
            if (!v.isSet()) {
                snapshot.notSet = true;
            } else if (v.type() != ValueType::String) {
                fail(run, step,
                     located("FLW003",
                             handoff::flow::tr("Set UUI Data '%1': the expression gave %2, not a String.")
                                 .arg(c.action->id, v.toDisplay()),
                             c, u"props.expression"_s));
                return {};
            } else if (v.asString().isEmpty()) {
                snapshot.cleared = true;
            } else {
                // Text the flow builds itself: the checks `handoff uui check` runs on pasted UUI.
                snapshot.json = v.asString().toUtf8();
                uui::LintOptions options;
                options.profile = context.trunk;
                const uui::LintResult lint = uui::lint(snapshot.json, FixedClock(run.now), options);
                found = lint.diagnostics;
                snapshot.budget = lint.budget ? *lint.budget : uui::budgetForData(snapshot.json, context.trunk);
                const QJsonObject o = QJsonDocument::fromJson(snapshot.json).object();
                uuiToken = o.value(u"token"_s).toString().toLatin1();
            }
        } else {
            uui::UuiModel model = context.uuiTemplate;
            const Value tokenValue = run.scope.get(p.tokenVariable);
            model.token = tokenValue.toText().value_or(QString());
            if (context.includeCallId && !p.callIdVariable.isEmpty()) {
                const Value callId = run.scope.get(p.callIdVariable);
                model.callId = callId.isSet() ? callId.toText() : std::nullopt;
            }
            if (run.record) {
                step.inputs.append({u"token"_s, tokenValue});
                if (!p.callIdVariable.isEmpty()) {
                    step.inputs.append({u"callId"_s, run.scope.get(p.callIdVariable)});
                }
            }
            const bool withText = run.record || needsInviteText();
            const bool same = lastUui && lastUui->token == model.token && lastUui->callId == model.callId &&
                              lastUui->atSecs == run.now.toSecsSinceEpoch() && (lastUui->withWaysOut || !run.record) &&
                              (lastUui->withText || !withText);
            uuiToken = tokens.bytesOf(model.token);
            if (!same) {
                // Decoded once: the same decode serves the transfer's expiry and replay checks
                // (SimulatorTokens::decoded).
                checkTemplateUui(model, run.now, run.record, withText, tokens.decoded(uuiToken));
            }
            CheckedUui& checked = *lastUui;
            snapshot.budget = checked.budget;
            snapshot.json = snapshot.budget.json;
            if (checked.locatedAt != &c) {
                checked.located.clear();
                for (const diagnostics::Diagnostic& d : checked.diagnostics) {
                    checked.located.append(atAction(d, c));
                }
                checked.locatedAt = &c;
            }
            // The findings of the last check, located at this action, shared rather than copied one by one.
            if (run.record) {
                step.diagnostics.append(checked.located);
            }
            if (run.trace.diagnostics.isEmpty()) {
                run.trace.diagnostics = checked.located;
            } else {
                run.trace.diagnostics.append(checked.located);
            }
            snapshot.hasErrors = checked.hasErrors;
        }
        for (const diagnostics::Diagnostic& d : found) {
            addDiagnostic(run, run.record ? &step : nullptr, atAction(d, c));
        }
        if (p.source == UuiSource::Expression) {
            snapshot.hasErrors = diagnostics::hasErrors(found);
        }
        if (run.record) {
            if (snapshot.notSet) {
                step.note = handoff::flow::tr("NOT_SET: no UUI is sent.");
            } else if (snapshot.cleared) {
                step.note = handoff::flow::tr("\"\": the UUI is cleared.");
            } else {
                step.note = handoff::flow::tr("UUI %1: %2 bytes of JSON, %3 of %4 characters (%5).")
                                .arg(p.mode == UuiMode::Transfer ? handoff::flow::tr("for transfers")
                                                                 : handoff::flow::tr("for disconnect"))
                                .arg(snapshot.json.size())
                                .arg(snapshot.budget.measured)
                                .arg(snapshot.budget.limit)
                                .arg(uui::limitAppliesToName(snapshot.budget.limitAppliesTo));
            }
        }
        if (p.mode == UuiMode::Transfer) {
            // The last Set UUI Data for transfers wins.
            run.uuiForTransfer = snapshot;
            run.uuiToken = uuiToken;
        } else {
            run.uuiForDisconnect = snapshot.json;
        }
        if (run.record) {
            step.uui = std::move(snapshot);
        }
        return StepOutcome::next(kPathNext);
    }

    StepOutcome transfer(Run& run, const Compiled& c, TraceStep& step) {
        const TransferProps& p = *c.action->as<TransferProps>();
        const Value number = eval(run, c, 0, step);
        if (run.failed) {
            return {};
        }
        QString target = number.toText().value_or(QString());
        // The environment's SIP address stands in for a number written as a string literal (project/Environment).
        if (!context.transferAddress.isEmpty() && !c.expressions.isEmpty() && c.expressions.constFirst().expression &&
            c.expressions.constFirst().expression->asLiteral()) {
            target = context.transferAddress;
            if (run.record) {
                step.inputs.append({u"environmentSipAddress"_s, Value::string(target)});
            }
        }
        SipInvite invite = detail::renderInvite(context, flow.sipHost, run.trace.call, run.callNumber,
                                                run.uuiForTransfer ? &*run.uuiForTransfer : nullptr, target,
                                                run.record || needsInviteText());
        if (run.record) {
            step.inputs.append({u"releaseLinkTransfer"_s, Value::boolean(p.releaseLinkTransfer)});
            step.inputs.append({u"connectTimeoutSeconds"_s, Value::integer(p.connectTimeoutSeconds)});
        }

        // Why the transfer fails, if it does: the first reason that applies.
        QString errorType;
        QString errorMessage;
        const char* code = nullptr;
        const qint64 at = run.now.toSecsSinceEpoch();
        if (!invite.hasUui) {
            errorType = u"uui.missing"_s;
            errorMessage = handoff::flow::tr(
                "The INVITE carries no UUI (no Set UUI Data for transfers before the transfer, or it was NOT_SET or "
                "cleared): Salesforce cannot authenticate the call and refuses it.");
            code = "FLW044";
        } else if (!invite.uuiFits) {
            errorType = u"uui.tooLarge"_s;
            errorMessage =
                handoff::flow::tr(
                    "The UUI is %1 characters (%2) and the limit is %3, so the transfer is taken to fail "
                    "[assumption: Salesforce refuses a UUI over its limit, read as the trunk profile says]. See the "
                    "UUI budget's ways out (fields left out, shorter values).")
                    .arg(invite.measured)
                    .arg(uui::limitAppliesToName(run.uuiForTransfer->budget.limitAppliesTo))
                    .arg(invite.limit);
            code = "FLW041";
        } else {
            const jwt::DecodedJwt* decoded = tokens.decoded(run.uuiToken);
            const qint64 exp = decoded ? claimSecs(*decoded, u"exp"_s) : 0;
            const QString jti = decoded ? claimText(*decoded, u"jti"_s) : QString();
            if (decoded && exp > 0 && at >= exp) {
                errorType = u"salesforce.tokenExpired"_s;
                errorMessage =
                    handoff::flow::tr("The UUI token expired at %1 (issued %2); the call at %3 is refused and the SIP "
                                      "transfer fails. Mint tokens again before they expire (24 h at most).")
                        .arg(
                            QDateTime::fromSecsSinceEpoch(exp, Qt::UTC).toString(Qt::ISODate),
                            QDateTime::fromSecsSinceEpoch(claimSecs(*decoded, u"iat"_s), Qt::UTC).toString(Qt::ISODate),
                            run.now.toUTC().toString(Qt::ISODate));
                code = "FLW042";
            } else if (decoded && !jti.isEmpty() && usedJtis.contains(jti)) {
                errorType = u"salesforce.tokenReplayed"_s;
                errorMessage = handoff::flow::tr(
                    "The UUI token has a jti and was used by an earlier call; Salesforce refuses a second use. Leave "
                    "jti out of a reused UUI token, or mint one per call.");
                code = "FLW043";
            } else if (run.uuiForTransfer->hasErrors) {
                errorType = u"uui.invalid"_s;
                errorMessage = handoff::flow::tr(
                    "The UUI breaks Salesforce's rules (see the UUI problems of the Set UUI Data step), so "
                    "Salesforce is taken to refuse the call [assumption: how it answers is undocumented].");
                code = "FLW049";
            } else if (!transferBackend && !run.script->transferAccepted) {
                errorType = u"transfer.refused"_s;
                errorMessage = handoff::flow::tr("The far end refused the transfer (scripted).");
                code = "FLW048";
            }
            if (decoded && !jti.isEmpty() && errorType.isEmpty()) {
                usedJtis.insert(jti);
            }
        }
        if (code) {
            addDiagnostic(run, run.record ? &step : nullptr, located(code, errorMessage, c));
        }
        std::optional<detail::LiveOutcome> live;
        if (transferBackend) {
            // The far end decides: the INVITE goes out, and its answer sets the path.
            TransferAnswer answer = transferBackend->transfer(invite);
            live = detail::liveTransferOutcome(answer, errorType, code, c.taskId, c.action->id);
            for (const diagnostics::Diagnostic& d : live->found) {
                addDiagnostic(run, run.record ? &step : nullptr, d);
            }
            errorType = live->errorType;
            errorMessage = live->errorMessage;
            if (run.record) {
                step.answer = std::move(answer);
            }
        }
        if (run.record) {
            step.invite = std::move(invite);
        }
        if (errorType.isEmpty()) {
            if (run.record) {
                step.note = live ? live->note
                                 : handoff::flow::tr("Transferred to %1: the Agentforce Voice agent takes the call.")
                                       .arg(target);
            }
            return StepOutcome::finish(EndState::Transferred);
        }
        if (run.record) {
            step.outputs.append({u"errorType"_s, Value::string(errorType)});
            step.outputs.append({u"errorMessage"_s, Value::string(errorMessage)});
            step.note = live ? live->note : handoff::flow::tr("The transfer failed (%1): failure path.").arg(errorType);
        }
        if (!p.errorTypeVariable.isEmpty()) {
            setVariable(run, step, p.errorTypeVariable, Value::string(errorType));
        }
        if (!p.errorMessageVariable.isEmpty()) {
            setVariable(run, step, p.errorMessageVariable, Value::string(errorMessage));
        }
        return StepOutcome::next(kPathFailure);
    }

    StepOutcome setPostFlow(Run& run, const Compiled& c, TraceStep& step) {
        const SetPostFlowProps& p = *c.action->as<SetPostFlowProps>();
        PostFlowRoute route{p.target, p.flowType, p.flowName, Value::notSet()};
        if (!c.expressions.isEmpty()) {
            route.invocationData = eval(run, c, 0, step);
            if (run.failed) {
                return {};
            }
        }
        if (run.record) {
            step.note =
                handoff::flow::tr("After the transfer, when the Agentforce agent hangs up, the %1 goes to %2.")
                    .arg(p.target == PostFlowTarget::Caller ? handoff::flow::tr("caller") : handoff::flow::tr("agent"),
                         p.flowName);
        }
        run.trace.postFlow = std::move(route);
        return StepOutcome::next(kPathNext);
    }

    StepOutcome disconnect(Run& run, const Compiled&, TraceStep& step) {
        if (run.record) {
            step.note = run.uuiForDisconnect.isEmpty()
                            ? handoff::flow::tr("The call is disconnected.")
                            : handoff::flow::tr("The call is disconnected; the UUI set for disconnect goes with it: %1")
                                  .arg(QString::fromUtf8(run.uuiForDisconnect));
        }
        return StepOutcome::finish(EndState::Disconnected);
    }

    StepOutcome jump(Run& run, const Compiled& c, TraceStep& step) {
        if (run.record) {
            step.note = handoff::flow::tr("Continues in the task %1.").arg(c.action->as<JumpProps>()->task);
        }
        return StepOutcome::next(kPathJump);
    }

    // An action the model does not have (kept from an Archy import): the simulator does not guess what it does.
    StepOutcome opaque(Run& run, const Compiled& c, TraceStep& step) {
        fail(run, step,
             located("FLW027",
                     handoff::flow::tr("'%1' is the Archy action %2, which the simulator does not model; the call "
                                       "stops here. Test this part of the flow in Architect.")
                         .arg(c.action->id, c.action->as<OpaqueProps>()->archyKind),
                     c));
        return StepOutcome::finish(EndState::FlowError);
    }

    // In ActionKind order.
    static constexpr std::array<Handler, 12> kHandlers{
        &Impl::transcription, &Impl::recording,  &Impl::playAudio,  &Impl::callData,
        &Impl::decision,      &Impl::updateData, &Impl::setUuiData, &Impl::transfer,
        &Impl::setPostFlow,   &Impl::disconnect, &Impl::jump,       &Impl::opaque,
    };
    static_assert(std::variant_size_v<ActionProps> == kHandlers.size(), "one handler per action kind");
};

Simulator::Simulator(const Flow& flow, SimulationContext context, const Clock& clock)
    : m_context(std::move(context))
    , m_clock(clock) {
    m_impl = std::make_unique<Impl>(flow, m_context);
}

Simulator::~Simulator() = default;

void Simulator::setTransferBackend(TransferBackend* backend) {
    m_impl->transferBackend = backend;
}

void Simulator::setTokenMinter(UuiTokenMinter minter) {
    m_impl->tokens.setMinter(std::move(minter));
}

Trace Simulator::run(const SimulatedCall& callIn, const CallScript& script, telephony::VoiceCallsBackend* backend) {
    Impl& impl = *m_impl;
    // The shared scope serves one call at a time; a run started while another waits (a backend's event loop can
    // lead back here) gets a scope of its own.
    CallScope ownScope;
    const bool nested = impl.running;
    impl.running = true;
    const auto done = qScopeGuard([&impl, nested] { impl.running = nested; });
    Run run(nested ? ownScope : impl.scope);
    run.callNumber = ++impl.calls;
    run.record = m_recordSteps;
    run.script = &script;
    Trace& trace = run.trace;
    trace.call = callIn;
    if (trace.call.startTime.isNull()) {
        trace.call.startTime = m_clock.now();
    }
    if (trace.call.conversationId.isEmpty()) {
        trace.call.conversationId = uuidFrom(m_context.seed, run.callNumber);
    }
    run.now = trace.call.startTime;
    if (!impl.firstCall.isValid()) {
        impl.firstCall = trace.call.startTime;
    }

    // Built-in and declared variables.
    run.scope.reset(impl.initialScope);
    run.scope.set(u"Call.Ani"_s, Value::string(trace.call.ani));
    run.scope.set(u"Call.CalledAddress"_s, Value::string(trace.call.dialledNumber));
    run.scope.set(u"Call.CalledAddressOriginal"_s, Value::string(trace.call.dialledNumber));
    run.scope.set(u"Call.ConversationId"_s, Value::string(trace.call.conversationId));
    run.scope.set(u"Call.UUIData"_s,
                  trace.call.inboundUui.isEmpty() ? Value::notSet() : Value::string(trace.call.inboundUui));
    for (const Variable& v : impl.flow.variables) {
        if (v.suppliedBy == Supplier::ProjectUuiToken) {
            impl.tokens.reusedAt(m_context.tokens, run.now, impl.firstCall, m_context.seed, impl.calls);
            const QString& text = impl.tokens.text();
            run.scope.set(v.name, text.isEmpty() ? Value::notSet() : Value::string(text));
            if (impl.tokens.mintError()) {
                addDiagnostic(run, nullptr,
                              diagnostics::make("FLW093",
                                                handoff::flow::tr("The reused UUI token for %1 could not be signed: "
                                                                  "%2")
                                                    .arg(v.name, impl.tokens.mintError()->message),
                                                taskLocation(impl.flow.startTaskId)));
            }
        }
    }

    std::unique_ptr<OutcomeBackend> scripted;
    if (script.dataAction) {
        scripted = std::make_unique<OutcomeBackend>(*script.dataAction);
        backend = scripted.get();
    }
    OutcomeBackend defaultBackend(telephony::CallOutcome::Success);
    run.backend = backend ? backend : &defaultBackend;

    auto stop = [&](EndState state, const QString& actionId) {
        trace.end = state;
        trace.endActionId = actionId;
        return std::move(run.trace);
    };

    int current = impl.start;
    if (current < 0) {
        addDiagnostic(run, nullptr,
                      diagnostics::make("FLW040",
                                        current == GraphEdge::kTaskEnd
                                            ? handoff::flow::tr("The starting task has no actions, so no call can run. "
                                                                "Add actions to it.")
                                            : handoff::flow::tr("The flow has no starting task, so no call can run. "
                                                                "Set the flow's starting task."),
                                        taskLocation(impl.flow.startTaskId)));
        return stop(EndState::FlowError, {});
    }

    while (true) {
        const Compiled& c = impl.actions[static_cast<size_t>(current)];
        if (trace.actionsRun >= m_context.actionLimit) {
            addDiagnostic(
                run, nullptr,
                located("FLW045",
                        handoff::flow::tr("The call ran %1 actions and Architect's limit stopped it (its error "
                                          "handling takes the call). A loop does not end: bound it with a "
                                          "counter.")
                            .arg(m_context.actionLimit),
                        c));
            return stop(EndState::ActionLimit, c.action->id);
        }
        const Action& a = *c.action;
        ++trace.actionsRun;
        TraceStep step;
        if (run.record) {
            step.number = static_cast<int>(trace.actionsRun);
            step.taskId = c.taskId;
            step.actionId = a.id;
            step.actionName = a.name;
            step.kind = a.kind();
        }
        const StepOutcome outcome = (impl.*Impl::kHandlers[static_cast<size_t>(a.kind())])(run, c, step);

        if (run.failed) {
            addDiagnostic(
                run, nullptr,
                located("FLW040",
                        handoff::flow::tr("The call stopped at '%1' with an error; Architect's error handling "
                                          "takes it. Fix the problem above.")
                            .arg(a.id),
                        c));
            if (run.record) {
                trace.steps.append(std::move(step));
            }
            return stop(EndState::FlowError, a.id);
        }
        if (outcome.ends) {
            if (outcome.end != EndState::Transferred) {
                trace.postFlow.reset(); // the post-flow route applies only after a transfer
            }
            if (run.record) {
                trace.steps.append(std::move(step));
            }
            return stop(outcome.end, a.id);
        }
        const GraphEdge* edge = c.edge(outcome.path);
        if (run.record) {
            step.path = outcome.path;
            trace.steps.append(std::move(step));
        }
        if (!edge || edge->target < 0) {
            QString message;
            if (edge && edge->target == GraphEdge::kTaskEnd) {
                message = handoff::flow::tr("After '%1' (%2) the task '%3' ends without a terminating action: the call "
                                            "falls out of the flow and Architect's error handling takes it. End the "
                                            "task with Disconnect or a jump.")
                              .arg(a.id, outcome.path, impl.flow.tasks[edge->endOfTask].id);
            } else {
                message = handoff::flow::tr("'%1' continues in a task that does not exist: Architect's error handling "
                                            "takes the call. Choose an existing task.")
                              .arg(a.id);
            }
            addDiagnostic(run, nullptr, located("FLW040", message, c));
            return stop(EndState::FlowError, a.id);
        }
        current = edge->target;
    }
}

} // namespace handoff::flow
