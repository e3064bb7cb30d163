// Architect expressions: parsed and evaluated by the flow validator and simulator.
#include "FuzzSupport.h"
#include "flow/Expression.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace handoff;
    static const flow::VariableMap scope{
        {u"Call.Ani"_s, flow::Value::string(u"tel:+14155550199"_s)},
        {u"Call.ConversationId"_s, flow::Value::string(u"conv-1"_s)},
        {u"Flow.uuiToken"_s, flow::Value::string(u"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"_s)},
        {u"Flow.count"_s, flow::Value::integer(3)},
        {u"Flow.ratio"_s, flow::Value::decimal(0.5)},
        {u"Flow.flag"_s, flow::Value::boolean(true)},
        {u"Task.voiceCallId"_s, flow::Value::notSet()},
    };
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    (void)flow::evaluate(text, scope);
    const auto expression = flow::Expression::parse(text);
    if (!expression) {
        (void)expression.error().toError();
        return 0;
    }
    (void)expression->variables();
    (void)expression->unsupported();
    (void)expression->asSingleVariable();
    (void)expression->asLiteral();
    (void)expression->evaluate(scope);
    return 0;
}
