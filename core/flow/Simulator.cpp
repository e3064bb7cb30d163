#include "Simulator.h"

#include "diagnostics/Catalog.h"
#include "salesforce/SalesforceId.h"
#include "telephony/ScriptedBackend.h"
#include "uui/UuiComposer.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcFlowSimulator)
Q_LOGGING_CATEGORY(lcFlowSimulator, "handoff.flow.simulator", QtWarningMsg)

namespace handoff::flow {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::flow", text);
}

// splitmix64: small, fast and good enough for ids and tags; the same seed gives the same sequence everywhere.
quint64 mix(quint64 x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

QString hex(quint64 value, int digits) {
    return QString::number(value, 16).rightJustified(digits, u'0').right(digits);
}

QString uuidFrom(quint64 seed, quint64 n) {
    const quint64 a = mix(seed * 1000003ULL + n);
    const quint64 b = mix(a ^ 0x5DEECE66DULL);
    // Version 4 layout (8-4-4-4-12), deterministic bits.
    static constexpr char16_t digits[] = u"0123456789abcdef";
    char16_t out[36];
    int k = 0;
    auto put = [&](quint64 value, int count) {
        for (int i = count - 1; i >= 0; --i) {
            out[k++] = digits[(value >> (4 * i)) & 0xF];
        }
    };
    put(a >> 32, 8);
    out[k++] = u'-';
    put(a >> 16, 4);
    out[k++] = u'-';
    out[k++] = u'4';
    put(a, 3);
    out[k++] = u'-';
    put(8 + (b >> 62), 1);
    put(b >> 48, 3);
    out[k++] = u'-';
    put(b, 12);
    return QString(reinterpret_cast<const QChar*>(out), 36);
}

QByteArray base64url(const QByteArray& data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// The claims of a JWT, read without verifying (the simulator checks time and single use, not the signature).
struct TokenClaims {
    bool valid = false;
    qint64 iat = 0;
    qint64 exp = 0;
    QString jti;
};

TokenClaims readClaims(const QByteArray& token) {
    TokenClaims claims;
    const qsizetype first = token.indexOf('.');
    const qsizetype second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0) {
        return claims;
    }
    const auto payload =
        QByteArray::fromBase64Encoding(token.mid(first + 1, second - first - 1), QByteArray::Base64UrlEncoding);
    if (!payload) {
        return claims;
    }
    const QJsonObject o = QJsonDocument::fromJson(*payload).object();
    if (o.isEmpty()) {
        return claims;
    }
    claims.valid = true;
    claims.iat = static_cast<qint64>(o.value(u"iat"_s).toDouble());
    claims.exp = static_cast<qint64>(o.value(u"exp"_s).toDouble());
    claims.jti = o.value(u"jti"_s).toString();
    return claims;
}

// Answers every request with one outcome, through hs/calls' ScriptedBackend (so ids and diagnostics are the same).
class OutcomeBackend final : public telephony::VoiceCallsBackend {
public:
    explicit OutcomeBackend(telephony::CallOutcome outcome)
        : m_outcome(outcome) {}
    telephony::VoiceCallsReply* createVoiceCall(const telephony::VoiceCallRequest& request,
                                                QObject* parent = nullptr) override {
        using Step = telephony::ScriptedBackend::Step;
        switch (m_outcome) {
        case telephony::CallOutcome::Success:
            m_scripted.enqueue(Step::success());
            break;
        case telephony::CallOutcome::Timeout:
            m_scripted.enqueue(Step::timeout());
            break;
        default:
            m_scripted.enqueue(Step::failure(500, {handoff::flow::tr("scripted failure")}));
            break;
        }
        return m_scripted.createVoiceCall(request, parent);
    }
    QString describe() const override { return m_scripted.describe(); }

private:
    telephony::CallOutcome m_outcome;
    telephony::ScriptedBackend m_scripted;
};

// Variables of one call. A flow has a few dozen variables at most: a flat list searched by name (size first) is
// faster than hashing every name on every lookup.
using VariableList = QList<std::pair<QString, Value>>;

class CallScope final : public VariableScope {
public:
    std::optional<Value> lookup(const QString& name) const override {
        const qsizetype i = indexOf(name);
        if (i < 0) {
            return std::nullopt;
        }
        return m_values[i].second;
    }
    Value get(const QString& name) const {
        const qsizetype i = indexOf(name);
        return i < 0 ? Value::notSet() : m_values[i].second;
    }
    // Returns the previous value.
    Value set(const QString& name, Value value) {
        const qsizetype i = indexOf(name);
        if (i < 0) {
            m_values.append({name, std::move(value)});
            return Value::notSet();
        }
        Value before = std::move(m_values[i].second);
        m_values[i].second = std::move(value);
        return before;
    }
    void assign(const VariableList& values) { m_values = values; }

private:
    qsizetype indexOf(const QString& name) const {
        for (qsizetype i = 0; i < m_values.size(); ++i) {
            if (m_values[i].first == name) {
                return i;
            }
        }
        return -1;
    }
    VariableList m_values;
};

struct Parsed {
    QString name; // input name, assignment variable, or the property ("number", "condition", ...)
    ExpressionResult<Expression> expression;
};

struct Compiled {
    const Action* action = nullptr;
    QList<std::pair<QString, int>> next; // path -> action index; -1 when the path is empty or its target is missing

    int nextOn(const QString& path) const {
        for (const auto& [name, index] : next) {
            if (name == path) {
                return index;
            }
        }
        return -1;
    }
    int jump = -1;
    QList<Parsed> expressions;
};

const QString& pathName(const char* path) {
    static const QString next = QString::fromLatin1(kPathNext);
    static const QString success = QString::fromLatin1(kPathSuccess);
    static const QString failure = QString::fromLatin1(kPathFailure);
    static const QString timeout = QString::fromLatin1(kPathTimeout);
    static const QString yes = QString::fromLatin1(kPathYes);
    static const QString no = QString::fromLatin1(kPathNo);
    if (path == kPathSuccess) {
        return success;
    }
    if (path == kPathFailure) {
        return failure;
    }
    if (path == kPathTimeout) {
        return timeout;
    }
    if (path == kPathYes) {
        return yes;
    }
    if (path == kPathNo) {
        return no;
    }
    return next;
}

diagnostics::Diagnostic located(const char* code, const QString& message, const QString& actionId) {
    return diagnostics::make(code, message, diagnostics::Location{u"flow.action:"_s + actionId});
}

} // namespace

QString endStateKey(EndState state) {
    switch (state) {
    case EndState::Transferred:
        return u"transferred"_s;
    case EndState::Disconnected:
        return u"disconnected"_s;
    case EndState::FlowError:
        return u"flowError"_s;
    case EndState::ActionLimit:
        return u"actionLimit"_s;
    }
    return u"flowError"_s;
}

QString SipInvite::text() const {
    QString out = requestLine + u"\r\n"_s;
    for (const QString& h : headers) {
        out += h + u"\r\n"_s;
    }
    return out + u"\r\n"_s;
}

QByteArray standInToken(qint64 iat, qint64 exp, const TokenSupply& supply, quint64 seed) {
    static const QByteArray header = base64url(R"({"alg":"RS256","typ":"JWT"})");
    QJsonObject claims{{u"iat"_s, iat}, {u"exp"_s, exp}, {u"iss"_s, supply.iss}};
    if (!supply.sub.isEmpty()) {
        claims.insert(u"sub"_s, supply.sub);
    }
    if (supply.jti) {
        claims.insert(u"jti"_s, uuidFrom(seed ^ 0x6A7469ULL, static_cast<quint64>(iat)));
    }
    // Key order as a signer writes it is not guaranteed by QJsonObject (sorted); the length is what matters here.
    QByteArray signature(qMax(1, supply.keyBits / 8), Qt::Uninitialized);
    quint64 state = mix(seed ^ static_cast<quint64>(iat));
    for (qsizetype i = 0; i < signature.size(); ++i) {
        if (i % 8 == 0) {
            state = mix(state);
        }
        signature[i] = static_cast<char>((state >> ((i % 8) * 8)) & 0xFF);
    }
    return header + '.' + base64url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' + base64url(signature);
}

// ---------------------------------------------------------------------------------------------------------------

struct Simulator::Impl {
    Flow flow;
    std::vector<Compiled> actions;
    int start = -1;
    quint64 calls = 0;
    QDateTime firstCall;    // the start of the first simulated call: a reused token without issuedAt is minted then
    QSet<QString> usedJtis; // what Salesforce remembers: single-use token ids already presented
    // Token cache (Reused mode mints rarely).
    qint64 tokenIat = std::numeric_limits<qint64>::min();
    QByteArray token;
    QString tokenText; // the same, as the flow variable holds it
    // The last UUI composed from the project's template: calls with the same token and callId (scripted runs) reuse
    // it instead of composing the same bytes again.
    std::optional<std::tuple<QString, std::optional<QString>, uui::SipBudget>> lastBudget;
    VariableList initialScope; // built-in and declared variables before the call's own values
    QString lastAttributes;
    QList<telephony::CallAttribute> lastParsedAttributes;
    QByteArray claimsFor;
    TokenClaims claims;

    explicit Impl(const Flow& f)
        : flow(f) {
        QHash<QString, int> index;
        for (int i = 0; i < flow.actions.size(); ++i) {
            index.insert(flow.actions[i].id, i);
        }
        start = index.value(flow.startActionId, -1);
        for (const BuiltInVariable& v : builtInVariables()) {
            initialScope.append({QString::fromLatin1(v.name), Value::notSet()});
        }
        for (const Variable& v : flow.variables) {
            initialScope.append({v.name, v.initial});
        }
        actions.resize(flow.actions.size());
        for (int i = 0; i < flow.actions.size(); ++i) {
            const Action& a = flow.actions[i];
            Compiled& c = actions[i];
            c.action = &a;
            for (const QString& path : pathsOf(a.kind())) {
                c.next.append({path, index.value(a.nextOn(path), -1)});
            }
            auto add = [&c](const QString& name, const QString& text) {
                c.expressions.append(Parsed{name, Expression::parse(text)});
            };
            std::visit(
                [&](const auto& p) {
                    using T = std::decay_t<decltype(p)>;
                    if constexpr (std::is_same_v<T, PlayAudioProps>) {
                        if (!p.audio.tts.isEmpty()) {
                            add(u"tts"_s, p.audio.tts);
                        }
                    } else if constexpr (std::is_same_v<T, CallDataProps>) {
                        for (const Binding& b : p.inputs) {
                            add(b.name, b.value);
                        }
                    } else if constexpr (std::is_same_v<T, DecisionProps>) {
                        add(u"condition"_s, p.condition);
                    } else if constexpr (std::is_same_v<T, UpdateDataProps>) {
                        for (const Binding& b : p.assignments) {
                            add(b.name, b.value);
                        }
                    } else if constexpr (std::is_same_v<T, SetUuiDataProps>) {
                        if (p.source == UuiSource::Expression) {
                            add(u"expression"_s, p.expression);
                        }
                    } else if constexpr (std::is_same_v<T, TransferProps>) {
                        add(u"number"_s, p.number);
                    } else if constexpr (std::is_same_v<T, SetPostFlowProps>) {
                        if (!p.invocationData.isEmpty()) {
                            add(u"invocationData"_s, p.invocationData);
                        }
                    } else if constexpr (std::is_same_v<T, JumpProps>) {
                        c.jump = index.value(p.target, -1);
                    }
                },
                a.props);
        }
    }

    const QByteArray& tokenAt(const QDateTime& when, const SimulationContext& context) {
        const TokenSupply& supply = context.tokens;
        qint64 iat = 0;
        if (supply.mode == TokenSupply::Mode::PerCall) {
            iat = when.toSecsSinceEpoch();
        } else {
            iat = (supply.issuedAt.isValid() ? supply.issuedAt : firstCall).toSecsSinceEpoch();
            if (supply.refreshSeconds > 0) {
                const qint64 elapsed = when.toSecsSinceEpoch() - iat;
                if (elapsed > 0) {
                    iat += (elapsed / supply.refreshSeconds) * supply.refreshSeconds;
                }
            }
        }
        if (iat != tokenIat || supply.mode == TokenSupply::Mode::PerCall) {
            tokenIat = iat;
            token =
                standInToken(iat, iat + supply.ttlSeconds, supply,
                             supply.mode == TokenSupply::Mode::PerCall ? context.seed ^ (calls << 20) : context.seed);
            tokenText = QString::fromLatin1(token);
        }
        return token;
    }

    const TokenClaims& claimsOf(const QByteArray& t) {
        if (t != claimsFor) {
            claimsFor = t;
            claims = readClaims(t);
        }
        return claims;
    }
};

Simulator::Simulator(const Flow& flow, SimulationContext context, const Clock& clock)
    : m_impl(std::make_unique<Impl>(flow))
    , m_context(std::move(context))
    , m_clock(clock) {}

Simulator::~Simulator() = default;

namespace {

// The state of one call as it runs.
struct Run {
    Trace trace;
    CallScope scope;
    QDateTime now;
    std::optional<UuiSnapshot> uuiForTransfer;
    QByteArray uuiForDisconnect; // Set UUI Data for disconnect: sent when the flow disconnects
    QByteArray uuiToken;         // the token inside the UUI for transfers, when known
    bool record = true;
};

void addDiagnostic(Run& run, TraceStep* step, diagnostics::Diagnostic d) {
    if (step) {
        step->diagnostics.append(d);
    }
    run.trace.diagnostics.append(std::move(d));
}

} // namespace

Trace Simulator::run(const SimulatedCall& callIn, const CallScript& script, telephony::VoiceCallsBackend* backend) {
    Impl& impl = *m_impl;
    const quint64 callNumber = ++impl.calls;
    Run run;
    run.record = m_recordSteps;
    Trace& trace = run.trace;
    trace.call = callIn;
    if (trace.call.startTime.isNull()) {
        trace.call.startTime = m_clock.now();
    }
    if (trace.call.conversationId.isEmpty()) {
        trace.call.conversationId = uuidFrom(m_context.seed, callNumber);
    }
    run.now = trace.call.startTime;
    if (!impl.firstCall.isValid()) {
        impl.firstCall = trace.call.startTime;
    }

    // Built-in and declared variables.
    run.scope.assign(impl.initialScope);
    run.scope.set(u"Call.Ani"_s, Value::string(trace.call.ani));
    run.scope.set(u"Call.CalledAddress"_s, Value::string(trace.call.dialledNumber));
    run.scope.set(u"Call.CalledAddressOriginal"_s, Value::string(trace.call.dialledNumber));
    run.scope.set(u"Call.ConversationId"_s, Value::string(trace.call.conversationId));
    run.scope.set(u"Call.UUIData"_s,
                  trace.call.inboundUui.isEmpty() ? Value::notSet() : Value::string(trace.call.inboundUui));
    for (const Variable& v : impl.flow.variables) {
        if (v.suppliedBy == Supplier::ProjectUuiToken) {
            impl.tokenAt(run.now, m_context);
            run.scope.set(v.name, Value::string(impl.tokenText));
        }
    }

    std::unique_ptr<OutcomeBackend> scripted;
    if (script.dataAction) {
        scripted = std::make_unique<OutcomeBackend>(*script.dataAction);
        backend = scripted.get();
    }
    OutcomeBackend defaultBackend(telephony::CallOutcome::Success);
    if (!backend) {
        backend = &defaultBackend;
    }

    int current = impl.start;
    if (current < 0) {
        addDiagnostic(
            run, nullptr,
            located("FLW040",
                    handoff::flow::tr("The flow has no starting action, so no call can run. Set the flow's start."),
                    impl.flow.startActionId));
        trace.end = EndState::FlowError;
        return std::move(run.trace);
    }

    auto setVariable = [&run](TraceStep& step, const QString& name, Value value) {
        Value before = run.scope.set(name, value);
        if (run.record && !(before == value)) {
            step.changes.append(VariableChange{name, std::move(before), std::move(value)});
        }
    };

    while (true) {
        if (trace.actionsRun >= m_context.actionLimit) {
            trace.end = EndState::ActionLimit;
            trace.endActionId = impl.flow.actions[current].id;
            addDiagnostic(run, nullptr,
                          located("FLW045",
                                  handoff::flow::tr(
                                      "The call ran %1 actions and Architect's limit stopped it (its error handling "
                                      "takes the call). A loop does not end: bound it with a counter.")
                                      .arg(m_context.actionLimit),
                                  trace.endActionId));
            return std::move(run.trace);
        }
        const Compiled& c = impl.actions[current];
        const Action& a = *c.action;
        ++trace.actionsRun;
        TraceStep localStep;
        TraceStep& step = localStep;
        if (run.record) {
            step.number = static_cast<int>(trace.actionsRun);
            step.actionId = a.id;
            step.actionName = a.name;
            step.kind = a.kind();
        }
        TraceStep* stepPtr = run.record ? &step : nullptr;

        // Evaluates the n-th expression of the action; on failure ends the call in a flow error.
        bool failed = false;
        auto eval = [&](int n) -> Value {
            const Parsed& p = c.expressions[n];
            ExpressionResult<Value> value = p.expression
                                                ? p.expression->evaluate(run.scope)
                                                : ExpressionResult<Value>(tl::unexpected(p.expression.error()));
            if (!value) {
                const ExpressionError& e = value.error();
                addDiagnostic(run, stepPtr,
                              located(e.code.toLatin1().constData(),
                                      handoff::flow::tr("%1 '%2', %3 (column %4): %5")
                                          .arg(actionKindName(a.kind()), a.id, p.name)
                                          .arg(e.where.column)
                                          .arg(e.message),
                                      a.id));
                failed = true;
                return Value::notSet();
            }
            if (run.record) {
                step.inputs.append({p.name, *value});
            }
            return *value;
        };

        QString path;
        bool ends = false;
        EndState endState = EndState::Disconnected;

        switch (a.kind()) {
        case ActionKind::Transcription:
            if (run.record) {
                step.note = a.as<TranscriptionProps>()->enabled ? handoff::flow::tr("Transcription on.")
                                                                : handoff::flow::tr("Transcription off.");
            }
            path = pathName(kPathNext);
            break;
        case ActionKind::EnableParticipantRecording:
            if (run.record) {
                step.note = handoff::flow::tr("Recording enabled (cannot be undone).");
            }
            path = pathName(kPathNext);
            break;
        case ActionKind::PlayAudio: {
            if (!c.expressions.isEmpty()) {
                eval(0);
            } else if (run.record) {
                step.note = handoff::flow::tr("Plays prompt %1.").arg(a.as<PlayAudioProps>()->audio.prompt);
            }
            path = pathName(kPathNext);
            break;
        }
        case ActionKind::CallData: {
            const CallDataProps& p = *a.as<CallDataProps>();
            telephony::VoiceCallRequest request;
            request.startTime = trace.call.startTime;
            for (int n = 0; n < c.expressions.size() && !failed; ++n) {
                const Value v = eval(n);
                QString text = v.toText().value_or(QString());
                const QString& name = c.expressions[n].name;
                if (name == u"to"_s) {
                    request.to = std::move(text);
                } else if (name == u"from"_s) {
                    request.from = std::move(text);
                } else if (name == u"vendorCallKey"_s) {
                    request.vendorCallKey = std::move(text);
                } else if (name == u"callCenterApiName"_s) {
                    request.callCenterApiName = std::move(text);
                } else if (name == u"callAttributes"_s && !text.isEmpty()) {
                    // A JSON object in a string (DOMAIN.md §2); parsed once while it stays the same.
                    if (text != impl.lastAttributes) {
                        impl.lastAttributes = text;
                        impl.lastParsedAttributes.clear();
                        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
                        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                            impl.lastParsedAttributes.append({it.key(), it.value().toVariant().toString()});
                        }
                    }
                    request.callAttributes = impl.lastParsedAttributes;
                }
            }
            if (failed) {
                break;
            }
            std::unique_ptr<telephony::VoiceCallsReply> reply(backend->createVoiceCall(request));
            if (!reply->isFinished() && !reply->waitForFinished(p.timeoutSeconds * 1000)) {
                reply->abort();
            }
            telephony::VoiceCallResult result = reply->result();
            if (result.outcome == telephony::CallOutcome::Success && result.latencyMs > p.timeoutSeconds * 1000) {
                result.outcome = telephony::CallOutcome::Timeout; // answered after Genesys gave up
            }
            run.now = run.now.addMSecs(qMin<qint64>(result.latencyMs, p.timeoutSeconds * 1000));
            for (const diagnostics::Diagnostic& d : result.diagnostics) {
                if (run.record) {
                    step.diagnostics.append(d);
                }
                // A real backend's refusal (the emulator, an org) is a problem of the setup; a scripted one is not.
                if (!script.dataAction && d.isError()) {
                    trace.diagnostics.append(d);
                }
            }
            switch (result.outcome) {
            case telephony::CallOutcome::Success: {
                path = pathName(kPathSuccess);
                QString id18 = result.voiceCallId18;
                if (id18.isEmpty()) {
                    if (const auto id = salesforce::SalesforceId::parse(result.voiceCallId)) {
                        id18 = id->id18();
                    }
                }
                for (const Binding& b : p.successOutputs) {
                    Value out;
                    if (b.name == u"voiceCallId"_s) {
                        out = Value::string(result.voiceCallId);
                    } else if (b.name == u"voiceCallId18"_s) {
                        out = id18.isEmpty() ? Value::notSet() : Value::string(id18);
                    } else if (run.record) {
                        step.note =
                            handoff::flow::tr("The simulated data action returns voiceCallId (and voiceCallId18) only; "
                                              "%1 stays NOT_SET.")
                                .arg(b.name);
                    }
                    if (run.record) {
                        step.outputs.append({b.name, out});
                    }
                    setVariable(step, b.value, out);
                }
                if (run.record && step.note.isEmpty()) {
                    step.note =
                        handoff::flow::tr("VoiceCall %1 created by %2.").arg(result.voiceCallId, backend->describe());
                }
                break;
            }
            case telephony::CallOutcome::Timeout:
                path = pathName(kPathTimeout);
                if (run.record) {
                    step.note = handoff::flow::tr("No answer within %1 s: timeout path.").arg(p.timeoutSeconds);
                }
                break;
            default:
                path = pathName(kPathFailure);
                if (run.record) {
                    step.note =
                        handoff::flow::tr("The data action failed (HTTP %1): failure path.").arg(result.httpStatus);
                }
                break;
            }
            break;
        }
        case ActionKind::Decision: {
            const Value v = eval(0);
            if (failed) {
                break;
            }
            if (v.type() != ValueType::Boolean) {
                addDiagnostic(run, stepPtr,
                              located("FLW003",
                                      handoff::flow::tr(
                                          "Decision '%1': the condition gave %2, not a Boolean. Compare it (==, IsSet, "
                                          "...) so it gives true or false.")
                                          .arg(a.id, v.toDisplay()),
                                      a.id));
                failed = true;
                break;
            }
            path = pathName(v.asBoolean() ? kPathYes : kPathNo);
            break;
        }
        case ActionKind::UpdateData:
            for (int n = 0; n < c.expressions.size() && !failed; ++n) {
                const Value v = eval(n);
                if (failed) {
                    break;
                }
                const QString& name = c.expressions[n].name;
                const auto type = impl.flow.variableType(name);
                if (type && v.isSet() && v.type() != *type &&
                    !(*type == ValueType::Decimal && v.type() == ValueType::Integer)) {
                    addDiagnostic(run, stepPtr,
                                  located("FLW003",
                                          handoff::flow::tr(
                                              "Update Data '%1': %2 is a %3 variable but gets %4. Convert the value.")
                                              .arg(a.id, name, valueTypeName(*type), v.toDisplay()),
                                          a.id));
                    failed = true;
                    break;
                }
                setVariable(step, name, v);
            }
            path = pathName(kPathNext);
            break;
        case ActionKind::SetUuiData: {
            const SetUuiDataProps& p = *a.as<SetUuiDataProps>();
            UuiSnapshot snapshot;
            snapshot.mode = p.mode;
            QByteArray token;
            if (p.source == UuiSource::Expression) {
                const Value v = eval(0);
                if (failed) {
                    break;
                }
                if (!v.isSet()) {
                    snapshot.notSet = true;
                } else if (v.type() != ValueType::String) {
                    addDiagnostic(run, stepPtr,
                                  located("FLW003",
                                          handoff::flow::tr("Set UUI Data '%1': the expression gave %2, not a String.")
                                              .arg(a.id, v.toDisplay()),
                                          a.id));
                    failed = true;
                    break;
                } else if (v.asString().isEmpty()) {
                    snapshot.cleared = true;
                } else {
                    snapshot.json = v.asString().toUtf8();
                    snapshot.budget = uui::budgetForData(snapshot.json, m_context.trunk);
                    const QJsonObject o = QJsonDocument::fromJson(snapshot.json).object();
                    token = o.value(u"token"_s).toString().toLatin1();
                }
            } else {
                uui::UuiModel model = m_context.uuiTemplate;
                const Value tokenValue = run.scope.get(p.tokenVariable);
                model.token = tokenValue.toText().value_or(QString());
                if (m_context.includeCallId && !p.callIdVariable.isEmpty()) {
                    const Value callId = run.scope.get(p.callIdVariable);
                    model.callId = callId.isSet() ? callId.toText() : std::nullopt;
                }
                if (run.record) {
                    step.inputs.append({u"token"_s, tokenValue});
                    if (!p.callIdVariable.isEmpty()) {
                        step.inputs.append({u"callId"_s, run.scope.get(p.callIdVariable)});
                    }
                }
                const bool same = impl.lastBudget && std::get<0>(*impl.lastBudget) == model.token &&
                                  std::get<1>(*impl.lastBudget) == model.callId &&
                                  (!run.record || std::get<2>(*impl.lastBudget).fits() ||
                                   !std::get<2>(*impl.lastBudget).waysOut.isEmpty());
                if (same) {
                    snapshot.budget = std::get<2>(*impl.lastBudget);
                } else {
                    uui::BudgetOptions options;
                    options.computeWaysOut = run.record;
                    snapshot.budget = uui::budget(model, m_context.trunk, options);
                    impl.lastBudget.emplace(model.token, model.callId, snapshot.budget);
                }
                snapshot.json = snapshot.budget.json;
                token = model.token == impl.tokenText ? impl.token : model.token.toLatin1();
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
                run.uuiToken = token;
            } else {
                run.uuiForDisconnect = snapshot.json;
            }
            if (run.record) {
                step.uui = std::move(snapshot);
            }
            path = pathName(kPathNext);
            break;
        }
        case ActionKind::TransferToNumber: {
            const TransferProps& p = *a.as<TransferProps>();
            const Value number = eval(0);
            if (failed) {
                break;
            }
            const QString target = number.toText().value_or(QString());
            SipInvite invite;
            const bool hasUui = run.uuiForTransfer && !run.uuiForTransfer->json.isEmpty();
            invite.hasUui = hasUui;
            if (run.record) {
                const quint64 tag = mix(m_context.seed ^ (callNumber << 8));
                invite.requestLine = u"INVITE sip:%1@%2;transport=tls SIP/2.0"_s.arg(target, impl.flow.sipHost);
                QString ani = trace.call.ani;
                if (ani.startsWith(u"tel:"_s)) {
                    ani = ani.mid(4);
                }
                invite.headers = {
                    u"Via: SIP/2.0/TLS %1;branch=z9hG4bK%2"_s.arg(m_context.edgeHost, hex(tag, 16)),
                    u"Max-Forwards: 70"_s,
                    u"From: <sip:%1@%2>;tag=%3"_s.arg(ani, m_context.edgeHost, hex(tag >> 16, 8)),
                    u"To: <sip:%1@%2>"_s.arg(target, impl.flow.sipHost),
                    u"Call-ID: %1@%2"_s.arg(trace.call.conversationId, m_context.edgeHost),
                    u"CSeq: 1 INVITE"_s,
                    u"Contact: <sip:%1;transport=tls>"_s.arg(m_context.edgeHost),
                };
                if (hasUui) {
                    invite.headers.append(QString::fromLatin1(run.uuiForTransfer->budget.headerLine));
                }
                invite.headers.append(u"Content-Type: application/sdp"_s);
                invite.headers.append(u"Content-Length: 0"_s);
            }
            if (hasUui) {
                invite.userToUserValue = run.uuiForTransfer->budget.headerValue;
                invite.uuiFits = run.uuiForTransfer->budget.fits();
                invite.measured = run.uuiForTransfer->budget.measured;
                invite.limit = run.uuiForTransfer->budget.limit;
            }
            if (run.record) {
                step.inputs.append({u"releaseLinkTransfer"_s, Value::boolean(p.releaseLinkTransfer)});
                step.inputs.append({u"connectTimeoutSeconds"_s, Value::integer(p.connectTimeoutSeconds)});
            }

            // Why the transfer fails, if it does: the first reason that applies.
            QString errorType;
            QString errorMessage;
            const qint64 at = run.now.toSecsSinceEpoch();
            if (!hasUui) {
                errorType = u"uui.missing"_s;
                errorMessage = handoff::flow::tr(
                    "The INVITE carries no UUI (no Set UUI Data for transfers before the transfer, or "
                    "it was NOT_SET or cleared): Salesforce cannot authenticate the call and refuses "
                    "it.");
                addDiagnostic(run, stepPtr, located("FLW044", errorMessage, a.id));
            } else if (!invite.uuiFits) {
                errorType = u"uui.tooLarge"_s;
                errorMessage =
                    handoff::flow::tr(
                        "The User-to-User header is %1 characters (%2) and the limit is %3, so the transfer is taken "
                        "to fail [assumption: the trunk or Salesforce refuses an over-long header]. See the UUI "
                        "budget's ways out (ascii encoding, dropping orgId, shorter fields).")
                        .arg(invite.measured)
                        .arg(uui::limitAppliesToName(run.uuiForTransfer->budget.limitAppliesTo))
                        .arg(invite.limit);
                addDiagnostic(run, stepPtr, located("FLW041", errorMessage, a.id));
            } else {
                const TokenClaims& claims = impl.claimsOf(run.uuiToken);
                if (claims.valid && claims.exp > 0 && at >= claims.exp) {
                    errorType = u"salesforce.tokenExpired"_s;
                    errorMessage =
                        handoff::flow::tr("The UUI token expired at %1 (issued %2); the call at %3 is refused and the "
                                          "SIP transfer fails. Mint tokens again before they expire (24 h at most).")
                            .arg(QDateTime::fromSecsSinceEpoch(claims.exp, Qt::UTC).toString(Qt::ISODate),
                                 QDateTime::fromSecsSinceEpoch(claims.iat, Qt::UTC).toString(Qt::ISODate),
                                 run.now.toUTC().toString(Qt::ISODate));
                    addDiagnostic(run, stepPtr, located("FLW042", errorMessage, a.id));
                } else if (claims.valid && !claims.jti.isEmpty() && impl.usedJtis.contains(claims.jti)) {
                    errorType = u"salesforce.tokenReplayed"_s;
                    errorMessage = handoff::flow::tr(
                        "The UUI token has a jti and was used by an earlier call; Salesforce refuses a "
                        "second use. Leave jti out of a reused UUI token, or mint one per call.");
                    addDiagnostic(run, stepPtr, located("FLW043", errorMessage, a.id));
                } else if (!script.transferAccepted) {
                    errorType = u"transfer.refused"_s;
                    errorMessage = handoff::flow::tr("The far end refused the transfer (scripted).");
                    addDiagnostic(run, stepPtr, located("FLW048", errorMessage, a.id));
                }
                if (claims.valid && !claims.jti.isEmpty() && errorType.isEmpty()) {
                    impl.usedJtis.insert(claims.jti);
                }
            }
            if (run.record) {
                step.invite = std::move(invite);
            }
            if (errorType.isEmpty()) {
                ends = true;
                endState = EndState::Transferred;
                if (run.record) {
                    step.note =
                        handoff::flow::tr("Transferred to %1: the Agentforce Voice agent takes the call.").arg(target);
                }
                break;
            }
            if (run.record) {
                step.outputs.append({u"errorType"_s, Value::string(errorType)});
                step.outputs.append({u"errorMessage"_s, Value::string(errorMessage)});
                step.note = handoff::flow::tr("The transfer failed (%1): failure path.").arg(errorType);
            }
            if (!p.errorTypeVariable.isEmpty()) {
                setVariable(step, p.errorTypeVariable, Value::string(errorType));
            }
            if (!p.errorMessageVariable.isEmpty()) {
                setVariable(step, p.errorMessageVariable, Value::string(errorMessage));
            }
            path = pathName(kPathFailure);
            break;
        }
        case ActionKind::SetPostFlow: {
            const SetPostFlowProps& p = *a.as<SetPostFlowProps>();
            PostFlowRoute route{p.target, p.flowType, p.flowName, Value::notSet()};
            if (!c.expressions.isEmpty()) {
                route.invocationData = eval(0);
                if (failed) {
                    break;
                }
            }
            if (run.record) {
                step.note =
                    handoff::flow::tr("After the transfer, when the Agentforce agent hangs up, the %1 goes to %2.")
                        .arg(p.target == PostFlowTarget::Caller ? handoff::flow::tr("caller")
                                                                : handoff::flow::tr("agent"),
                             p.flowName);
            }
            trace.postFlow = std::move(route);
            path = pathName(kPathNext);
            break;
        }
        case ActionKind::Disconnect:
            ends = true;
            endState = EndState::Disconnected;
            if (run.record) {
                step.note =
                    run.uuiForDisconnect.isEmpty()
                        ? handoff::flow::tr("The call is disconnected.")
                        : handoff::flow::tr("The call is disconnected; the UUI set for disconnect goes with it: %1")
                              .arg(QString::fromUtf8(run.uuiForDisconnect));
            }
            break;
        case ActionKind::Jump:
            break;
        }

        if (failed) {
            trace.end = EndState::FlowError;
            trace.endActionId = a.id;
            addDiagnostic(run, nullptr,
                          located("FLW040",
                                  handoff::flow::tr(
                                      "The call stopped at '%1' with an error; Architect's error handling takes it. "
                                      "Fix the expression above.")
                                      .arg(a.id),
                                  a.id));
            if (run.record) {
                trace.steps.append(std::move(step));
            }
            return std::move(run.trace);
        }
        if (ends) {
            trace.end = endState;
            trace.endActionId = a.id;
            if (endState != EndState::Transferred) {
                trace.postFlow.reset(); // the post-flow route applies only after a transfer
            }
            if (run.record) {
                trace.steps.append(std::move(step));
            }
            return std::move(run.trace);
        }
        int next = -1;
        if (a.kind() == ActionKind::Jump) {
            next = c.jump;
            path = u"jump"_s;
        } else {
            next = c.nextOn(path);
        }
        if (run.record) {
            step.path = path;
            trace.steps.append(std::move(step));
        }
        if (next < 0) {
            trace.end = EndState::FlowError;
            trace.endActionId = a.id;
            addDiagnostic(
                run, nullptr,
                located("FLW040",
                        handoff::flow::tr(
                            "The %1 path of '%2' has no actions (or leads to a missing one): the call falls out "
                            "of the flow and Architect's error handling takes it. End the path with "
                            "Disconnect or a transfer.")
                            .arg(path, a.id),
                        a.id));
            return std::move(run.trace);
        }
        current = next;
    }
}

// ---------------------------------------------------------------------------------------------------------------

MatrixReport runMatrix(const Flow& flow, const SimulationContext& context, const Clock& clock,
                       const SimulatedCall& call) {
    MatrixReport report;
    for (telephony::CallOutcome outcome :
         {telephony::CallOutcome::Success, telephony::CallOutcome::Failure, telephony::CallOutcome::Timeout}) {
        for (bool accepted : {true, false}) {
            Simulator simulator(flow, context, clock);
            const Trace trace = simulator.run(call, CallScript{outcome, accepted});
            MatrixRow row;
            row.dataAction = outcome;
            row.transferAccepted = accepted;
            row.end = trace.end;
            row.endActionId = trace.endActionId;
            for (const TraceStep& s : trace.steps) {
                row.path.append(s.actionId);
            }
            row.diagnostics = trace.diagnostics;
            const QString combination =
                handoff::flow::tr("data action %1, transfer %2")
                    .arg(telephony::callOutcomeName(outcome),
                         accepted ? handoff::flow::tr("accepted") : handoff::flow::tr("refused"));
            if (trace.end == EndState::FlowError || trace.end == EndState::ActionLimit) {
                row.expected = false;
                row.verdict = handoff::flow::tr("ends in %1: Architect's error handling takes the call.")
                                  .arg(endStateKey(trace.end));
            } else if (outcome == telephony::CallOutcome::Success && accepted && trace.end != EndState::Transferred) {
                row.expected = false;
                QString why;
                for (const diagnostics::Diagnostic& d : trace.diagnostics) {
                    if (d.isError()) {
                        why = d.code;
                        break;
                    }
                }
                row.verdict =
                    why.isEmpty()
                        ? handoff::flow::tr("everything succeeded, yet the caller did not reach the agent.")
                        : handoff::flow::tr("everything succeeded, yet the caller did not reach the agent (%1).")
                              .arg(why);
            } else if (outcome != telephony::CallOutcome::Success && trace.end == EndState::Transferred) {
                row.expected = false;
                row.verdict =
                    handoff::flow::tr("transferred without a VoiceCall: Salesforce has no record to link the call to.");
            } else {
                row.verdict = trace.end == EndState::Transferred
                                  ? handoff::flow::tr("reaches the agent.")
                                  : handoff::flow::tr("handled: the caller is told and disconnected.");
            }
            if (!row.expected) {
                report.diagnostics.append(
                    diagnostics::make("FLW046", handoff::flow::tr("With %1: %2").arg(combination, row.verdict),
                                      diagnostics::Location{u"flow.action:"_s + row.endActionId}));
            }
            report.rows.append(std::move(row));
        }
    }
    return report;
}

WindowReport runWindow(const Flow& flow, const SimulationContext& context, const Clock& clock,
                       const WindowOptions& options, const SimulatedCall& callTemplate) {
    WindowReport report;
    const QDateTime start = options.start.isValid() ? options.start : clock.now();
    Simulator simulator(flow, context, clock);
    simulator.setRecordSteps(false);
    const int perHour = qMax(1, options.callsPerHour);
    for (int h = 0; h < options.hours; ++h) {
        WindowHour hour;
        hour.hour = h;
        hour.from = start.addSecs(qint64(h) * 3600);
        for (int i = 0; i < perHour; ++i) {
            SimulatedCall call = callTemplate;
            call.conversationId.clear();
            call.startTime = hour.from.addSecs(qint64(i) * 3600 / perHour);
            const Trace trace = simulator.run(call, CallScript{telephony::CallOutcome::Success, true});
            ++hour.calls;
            if (trace.reachedAgent()) {
                ++hour.transferred;
                continue;
            }
            ++hour.failed;
            QString code = endStateKey(trace.end);
            for (const diagnostics::Diagnostic& d : trace.diagnostics) {
                if (d.isError()) {
                    code = d.code;
                    break;
                }
            }
            hour.reasons[code] += 1;
            if (!report.firstFailure) {
                report.firstFailure = call.startTime;
                report.firstFailingHour = h;
                report.firstFailureCode = code;
            }
        }
        report.calls += hour.calls;
        report.transferred += hour.transferred;
        report.hours.append(hour);
    }
    if (report.firstFailure) {
        // The advice follows the first reason: an expired or replayed token needs a fresher one, anything else
        // (an over-long UUI, a missing VoiceCall) is fixed where its own diagnostic says.
        QString advice;
        if (report.firstFailureCode == u"FLW042"_s) {
            advice = handoff::flow::tr(
                "The reused UUI token expired: mint a new one before it expires (at most 24 h apart).");
        } else if (report.firstFailureCode == u"FLW043"_s) {
            advice = handoff::flow::tr(
                "A single-use token (with jti) was used again: mint one per call, or drop jti for a reused "
                "token.");
        } else {
            advice = handoff::flow::tr("Fix that first: it fails every call, whatever the token's age.");
        }
        report.diagnostics.append(diagnostics::make(
            "FLW047",
            handoff::flow::tr("Transfers start failing at hour %1 (%2), %3 of %4 calls fail; first reason %5. %6")
                .arg(*report.firstFailingHour)
                .arg(report.firstFailure->toUTC().toString(Qt::ISODate))
                .arg(report.calls - report.transferred)
                .arg(report.calls)
                .arg(report.firstFailureCode, advice),
            diagnostics::Location{u"flow"_s}));
    }
    qCDebug(lcFlowSimulator) << "window" << report.calls << "calls," << report.transferred << "transferred";
    return report;
}

} // namespace handoff::flow
