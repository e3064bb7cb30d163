#pragma once

// Internal to core/flow: what the simulator's files share (Simulator.cpp, SimulatorCompile.cpp, SimulatorFunction.cpp,
// SimulatorTokens.cpp, SimulatorTransfer.cpp): deterministic ids and tags, the actions compiled for running, the data
// action's scripted answer, the calls' UUI tokens, and what a real transfer's answer makes of the call.

#include "common/Error.h"
#include "diagnostics/Diagnostic.h"
#include "flow/FlowGraph.h"
#include "flow/Simulator.h"
#include "jwt/Jwt.h"
#include "telephony/ScriptedBackend.h"

#include <QString>
#include <QtGlobal>

#include <limits>
#include <optional>

namespace handoff::flow::detail {

// splitmix64: small, fast and good enough for ids and tags; the same seed gives the same sequence everywhere.
inline quint64 mix(quint64 x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

inline QString hex(quint64 value, int digits) {
    return QString::number(value, 16).rightJustified(digits, u'0').right(digits);
}

inline QString uuidFrom(quint64 seed, quint64 n) {
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
    // The value at place `i`: for i below the size of the list last given to reset(), the variable it had there.
    const Value& at(qsizetype i) const { return m_values[i].second; }
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
    // The scope holds `values` and nothing else. For a scope that runs call after call: when it was last given this
    // very list, its names are still those of the list, in its order (set() only appends new names), so the values
    // are put back in place and the list itself is neither copied nor made again.
    void reset(const VariableList& values) {
        if (m_base != &values || m_values.size() < values.size()) {
            m_values = values;
            m_base = &values;
            return;
        }
        m_values.resize(values.size());
        for (qsizetype i = 0; i < values.size(); ++i) {
            m_values[i].second = values[i].second;
        }
    }

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
    const VariableList* m_base = nullptr; // the list last given to reset()
};

// An action's expression, parsed once when the simulator is made.
struct Parsed {
    QString name;     // input name, assignment variable, or the property ("number", "condition", ...)
    QString property; // where it sits in the action ("props.inputs[2].expression"), for locations
    ExpressionResult<Expression> expression;
    // Most inputs are a declared variable alone, or a literal: their value is read without evaluating.
    qsizetype slot = -1; // a declared or built-in variable alone: its place in every call's scope
    std::optional<Value> literal;
};

// An action, ready to run: its place, its ways on (from the control-flow graph) and its parsed expressions.
struct Compiled {
    const Action* action = nullptr;
    QString taskId;
    QList<GraphEdge> edges;
    QList<Parsed> expressions;

    const GraphEdge* edge(QStringView path) const {
        for (const GraphEdge& e : edges) {
            if (e.path == path) {
                return &e;
            }
        }
        return nullptr;
    }
};

// Parses the action's expressions (SimulatorCompile.cpp) and finds, for each that is a variable alone, its place in
// `initialScope`, which every call's scope keeps.
void compile(Compiled& c, const VariableList& initialScope);

// The SIP INVITE of a Transfer to Number to `target`, as the trunk would send it (headers only). With `withText`
// false only the UUI's numbers are filled in (a run without a trace and without a real transfer needs no text).
SipInvite renderInvite(const SimulationContext& context, const QString& sipHost, const SimulatedCall& call,
                       quint64 callNumber, const UuiSnapshot* uui, const QString& target, bool withText);

// What the far end's answer (a TransferBackend really sent the INVITE) makes of a Transfer to Number. The answer
// decides; the simulator's own prediction (`predictedType`/`predictedCode`, empty when it expected success) is
// compared with it: a refusal keeps the predicted errorType when there was one, an acceptance against the
// prediction is a warning (FLW092). Diagnostics are located at the action.
struct LiveOutcome {
    bool transferred = false;
    QString errorType; // empty when transferred
    QString errorMessage;
    QString note; // one line for the trace
    diagnostics::Diagnostics found;
};
// The data action's answer for a call script (CallScript::dataAction): every request gets that one outcome,
// through telephony::ScriptedBackend, so the ids and diagnostics are a scripted backend's, at once as it gives them.
class OutcomeBackend final : public telephony::VoiceCallsBackend {
public:
    explicit OutcomeBackend(telephony::CallOutcome outcome)
        : m_outcome(outcome) {}
    telephony::VoiceCallsReply* createVoiceCall(const telephony::VoiceCallRequest& request,
                                                QObject* parent = nullptr) override;
    std::optional<telephony::VoiceCallResult> answerAtOnce(const telephony::VoiceCallRequest& request,
                                                           AnswerDetail detail = AnswerDetail::Full) override;
    QString describe() const override { return m_scripted.describe(); }

private:
    void enqueueOutcome();

    telephony::CallOutcome m_outcome;
    telephony::ScriptedBackend m_scripted;
};

// The UUI tokens of a simulator's calls (SimulatorTokens.cpp): the reused one (pasted into the flow, minted as the
// token supply says), the Function Data Action's for each call, and the last token decoded. Stand-in tokens unless a
// minter signs real ones.
class SimulatorTokens final {
public:
    // The reused token at `when` (minted again when the supply's refresh says so; `firstCall` is its issue time when
    // the supply names none; `calls` makes a per-call token's jti); text() is the same, as the flow variable holds
    // it. When the minter failed, both are empty and mintError() says why.
    const QByteArray& reusedAt(const TokenSupply& supply, const QDateTime& when, const QDateTime& firstCall,
                               quint64 seed, quint64 calls);
    const QString& text() const { return m_reusedText; }
    const std::optional<Error>& mintError() const { return m_mintError; }

    // The function's stand-in token for this call. RS256 signs the same claims to the same bytes, so a call in the
    // same second for the same org and call center gets the token the last one got, as from the exported function;
    // with a jti every token differs, and is minted.
    const QString& functionStandIn(const TokenSupply& supply, const FunctionInputs& inputs, qint64 now, quint64 seed);

    // The token's bytes, for the decoder: those of a token minted here are kept.
    QByteArray bytesOf(const QString& text) const;
    // jwt::decode of `token`, kept while the same token comes again; null when it does not decode.
    const jwt::DecodedJwt* decoded(const QByteArray& token);

    void setMinter(UuiTokenMinter minter);
    const UuiTokenMinter& minter() const { return m_minter; }

private:
    UuiTokenMinter m_minter;
    qint64 m_reusedIat = std::numeric_limits<qint64>::min();
    QByteArray m_reused;
    QString m_reusedText;
    std::optional<Error> m_mintError;
    struct FunctionToken {
        qint64 iat = std::numeric_limits<qint64>::min();
        QString iss;
        QString sub;
        QString text;
        QByteArray bytes;
    };
    FunctionToken m_function;
    QByteArray m_decodedFor;
    std::optional<jwt::DecodedJwt> m_decoded;
};

LiveOutcome liveTransferOutcome(const TransferAnswer& answer, const QString& predictedType, const char* predictedCode,
                                const QString& taskId, const QString& actionId);

} // namespace handoff::flow::detail
