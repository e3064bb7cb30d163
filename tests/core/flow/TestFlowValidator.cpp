#include "diagnostics/Catalog.h"
#include "flow/FlowTemplates.h"
#include "flow/FlowValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace handoff;
using namespace handoff::flow;

using Mutation = std::function<void(Flow&)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

QStringList codes(const diagnostics::Diagnostics& list) {
    QStringList out;
    for (const diagnostics::Diagnostic& d : list) {
        out.append(d.code);
    }
    return out;
}

QString describe(const diagnostics::Diagnostics& list) {
    QStringList lines;
    for (const diagnostics::Diagnostic& d : list) {
        lines.append(d.code + u' ' + d.where.field + u": "_s + d.message);
    }
    return lines.join(u'\n');
}

Action& action(Flow& flow, const QString& id) {
    Action* a = flow.find(id);
    Q_ASSERT(a);
    return *a;
}

Action makeAction(const QString& id, ActionProps props, QMap<QString, QString> next = {}) {
    Action a;
    a.id = id;
    a.name = id;
    a.props = std::move(props);
    a.next = std::move(next);
    return a;
}

} // namespace

class TestFlowValidator final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void templateValidatesClean() {
        const Flow flow = sipTransferTemplate();
        const diagnostics::Diagnostics list = validate(flow);
        QVERIFY2(list.isEmpty(), qPrintable(describe(list)));
    }

    void templateReproducesTheArticle() {
        const Flow flow = sipTransferTemplate();
        // Steps 4-16 in the article's order along the success path.
        QStringList kinds;
        for (const Action* a = flow.find(flow.startActionId); a;) {
            kinds.append(actionKindKey(a->kind()));
            const QString next = a->kind() == ActionKind::CallData   ? a->nextOn(u"success"_s)
                                 : a->kind() == ActionKind::Decision ? a->nextOn(u"yes"_s)
                                                                     : a->nextOn(u"next"_s);
            a = flow.find(next);
        }
        QCOMPARE(kinds, (QStringList{u"transcription"_s, u"enableParticipantRecording"_s, u"playAudio"_s, u"callData"_s,
                                     u"decision"_s, u"setPostFlow"_s, u"setUuiData"_s, u"transferToNumber"_s}));
        const CallDataProps* callData = flow.find(u"create-voicecall"_s)->as<CallDataProps>();
        QVERIFY(callData);
        auto input = [&](const QString& name) {
            for (const Binding& b : callData->inputs) {
                if (b.name == name) {
                    return b.value;
                }
            }
            return QString();
        };
        QCOMPARE(input(u"from"_s), u"Call.Ani"_s);
        QCOMPARE(input(u"vendorCallKey"_s), u"Call.ConversationId"_s);
        QCOMPARE(input(u"to"_s), u"Call.CalledAddressOriginal"_s);
        QCOMPARE(input(u"callAttributes"_s), u"\"{\\\"Department__c\\\":\\\"Support\\\"}\""_s);
        QVERIFY(input(u"orgId"_s).isEmpty()); // renamed: Genesys reserves it
        QCOMPARE(callData->successOutputs, (QList<Binding>{{u"voiceCallId"_s, u"Task.voiceCallId"_s}}));
        QCOMPARE(flow.find(u"post-flow"_s)->as<SetPostFlowProps>()->target, PostFlowTarget::Caller);
        QCOMPARE(flow.find(u"set-uui"_s)->as<SetUuiDataProps>()->mode, UuiMode::Transfer);
    }

    void jsonRoundTrip() {
        const Flow flow = sipTransferTemplate();
        const QJsonObject json = toJson(flow);
        // Through text, as in a file.
        const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        const FlowReadResult read = flowFromJson(reread);
        QVERIFY2(read.ok(), qPrintable(describe(read.diagnostics)));
        QCOMPARE(read.flow.actions.size(), flow.actions.size());
        for (qsizetype i = 0; i < flow.actions.size(); ++i) {
            QVERIFY2(read.flow.actions[i] == flow.actions[i], qPrintable(flow.actions[i].id));
        }
        QVERIFY(read.flow.variables == flow.variables);
        QVERIFY(read.flow == flow);
    }

    void badJsonIsLocated_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown kind") << QByteArray(R"({"start":"a","actions":[{"id":"a","kind":"transferToQueue"}]})")
                                      << u"flow.actions[0].kind"_s;
        QTest::newRow("wrong mode")
            << QByteArray(R"({"start":"a","actions":[{"id":"a","kind":"setUuiData","props":{"mode":"both"}}]})")
            << u"flow.actions[0].props.mode"_s;
        QTest::newRow("wrong path")
            << QByteArray(R"({"start":"a","actions":[{"id":"a","kind":"decision","next":{"maybe":"a"}}]})")
            << u"flow.actions[0].next.maybe"_s;
        QTest::newRow("wrong type") << QByteArray(R"({"start":"a","actions":[{"id":"a","kind":"transferToNumber",)"
                                                  R"("props":{"number":15550100100}}]})")
                                    << u"flow.actions[0].props.number"_s;
        QTest::newRow("bad initial") << QByteArray(
                                            R"({"variables":[{"name":"Flow.n","type":"Integer","initial":"three"}]})")
                                     << u"flow.variables[0].initial"_s;
    }

    void badJsonIsLocated() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const FlowReadResult read = flowFromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!read.ok());
        QCOMPARE(read.diagnostics.constFirst().code, u"FLW005"_s);
        QCOMPARE(read.diagnostics.constFirst().where.field, field);
    }

    void unknownKeysAreReported() {
        QJsonObject json = toJson(sipTransferTemplate());
        json.insert(u"futureSetting"_s, true);
        QJsonArray actions = json.value(u"actions"_s).toArray();
        QJsonObject first = actions[0].toObject();
        QJsonObject props = first.value(u"props"_s).toObject();
        props.insert(u"languge"_s, u"en-US"_s); // a typo
        first.insert(u"props"_s, props);
        actions[0] = first;
        json.insert(u"actions"_s, actions);
        const FlowReadResult read = flowFromJson(json);
        QVERIFY(read.ok()); // warnings only
        QStringList fields;
        for (const diagnostics::Diagnostic& d : read.diagnostics) {
            QCOMPARE(d.code, u"FLW006"_s);
            fields.append(d.where.field);
        }
        QCOMPARE(fields, (QStringList{u"flow.futureSetting"_s, u"flow.actions[0].props.languge"_s}));
        // The template's own JSON has no unknown key.
        QVERIFY(flowFromJson(toJson(sipTransferTemplate())).diagnostics.isEmpty());
    }

    // Each rule: a mutation of the template that triggers it. The clean template (above) triggers none.
    void mutationsTriggerRules_data() {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");

        QTest::newRow("FLW001 syntax") << Mutation([](Flow& f) {
            action(f, u"transfer"_s).as<TransferProps>()->number = u"\"+15550100100"_s;
        }) << u"FLW001"_s << u"flow.actions[7].props.number"_s;
        QTest::newRow("FLW002 unsupported") << Mutation([](Flow& f) {
            action(f, u"voicecall-created"_s).as<DecisionProps>()->condition = u"Length(Task.voiceCallId) > 0"_s;
        }) << u"FLW002"_s << u"flow.actions[4].props.condition"_s;
        QTest::newRow("FLW004 unknown variable") << Mutation([](Flow& f) {
            action(f, u"set-uui"_s).as<SetUuiDataProps>()->callIdVariable = u"Task.voiceCallID"_s;
        }) << u"FLW004"_s << u"flow.actions[6].props.callIdVariable"_s;
        QTest::newRow("FLW010 transfer before voicecall")
            << Mutation([](Flow& f) { action(f, u"create-voicecall"_s).next.insert(u"failure"_s, u"post-flow"_s); })
            << u"FLW010"_s << u"flow.actions[7]"_s;
        QTest::newRow("FLW011 no uui") << Mutation([](Flow& f) {
            action(f, u"post-flow"_s).next.insert(u"next"_s, u"transfer"_s);
        }) << u"FLW011"_s << u"flow.actions[7]"_s;
        QTest::newRow("FLW011 uui for disconnect")
            << Mutation([](Flow& f) { action(f, u"set-uui"_s).as<SetUuiDataProps>()->mode = UuiMode::Disconnect; })
            << u"FLW011"_s << u"flow.actions[7]"_s;
        QTest::newRow("FLW011 uui after transfer") << Mutation([](Flow& f) {
            // Transfer first, Set UUI Data only on its failure path.
            action(f, u"post-flow"_s).next.insert(u"next"_s, u"transfer"_s);
            action(f, u"transfer"_s).next.insert(u"failure"_s, u"set-uui"_s);
            action(f, u"set-uui"_s).next.insert(u"next"_s, u"transfer-failed-audio"_s);
        }) << u"FLW011"_s << u"flow.actions[7]"_s;
        QTest::newRow("FLW012 callId not from data action") << Mutation([](Flow& f) {
            action(f, u"set-uui"_s).as<SetUuiDataProps>()->callIdVariable = u"Flow.transferErrorType"_s;
        }) << u"FLW012"_s << u"flow.actions[6].props.callIdVariable"_s;
        QTest::newRow("FLW012 expression with literal callId") << Mutation([](Flow& f) {
            SetUuiDataProps* uui = action(f, u"set-uui"_s).as<SetUuiDataProps>();
            uui->source = UuiSource::Expression;
            uui->expression = u"Append(\"{\\\"token\\\":\\\"\", Flow.uuiToken, "
                              "\"\\\",\\\"callId\\\":\\\"50130000009xYZ1AAM\\\"}\")"_s;
        }) << u"FLW012"_s << u"flow.actions[6].props.expression"_s;
        QTest::newRow("FLW013 path falls off")
            << Mutation([](Flow& f) { action(f, u"transfer-failed-audio"_s).next.clear(); }) << u"FLW013"_s
            << u"flow.actions[8].next.next"_s;
        QTest::newRow("FLW014 empty timeout")
            << Mutation([](Flow& f) { action(f, u"create-voicecall"_s).next.remove(u"timeout"_s); }) << u"FLW014"_s
            << u"flow.actions[3].next.timeout"_s;
        QTest::newRow("FLW014 empty transfer failure")
            << Mutation([](Flow& f) { action(f, u"transfer"_s).next.clear(); }) << u"FLW014"_s
            << u"flow.actions[7].next.failure"_s;
        QTest::newRow("FLW015 tel form") << Mutation([](Flow& f) {
            action(f, u"transfer"_s).as<TransferProps>()->number = u"\"tel:+1 555 010 0100\""_s;
        }) << u"FLW015"_s << u"flow.actions[7].props.number"_s;
        QTest::newRow("FLW015 16 digits") << Mutation([](Flow& f) {
            action(f, u"transfer"_s).as<TransferProps>()->number = u"\"+1555010010012345\""_s;
        }) << u"FLW015"_s << u"flow.actions[7].props.number"_s;
        QTest::newRow("FLW015 via variable") << Mutation([](Flow& f) {
            f.variables.append({u"Flow.target"_s, ValueType::String, Value::string(u"5550100100"_s), {}, {}});
            action(f, u"transfer"_s).as<TransferProps>()->number = u"Flow.target"_s;
        }) << u"FLW015"_s << u"flow.actions[7].props.number"_s;
        QTest::newRow("FLW016 agent") << Mutation([](Flow& f) {
            action(f, u"post-flow"_s).as<SetPostFlowProps>()->target = PostFlowTarget::Agent;
        }) << u"FLW016"_s << u"flow.actions[5].props.target"_s;
        QTest::newRow("FLW017 orphan") << Mutation([](Flow& f) {
            f.actions.append(makeAction(u"orphan"_s, DisconnectProps{}));
        }) << u"FLW017"_s << u"flow.actions[15]"_s;
        QTest::newRow("FLW018 unset read") << Mutation([](Flow& f) {
            action(f, u"voicecall-created"_s).as<DecisionProps>()->condition =
                u"IsNotSetOrEmpty(Flow.transferErrorType)"_s;
        }) << u"FLW018"_s << u"flow.actions[4].props.condition"_s;
        QTest::newRow("FLW018 output only on success") << Mutation([](Flow& f) {
            // The failure path reads the id that only the success path sets.
            action(f, u"failure-audio"_s).as<PlayAudioProps>()->audio.tts =
                u"Append(\"Reference \", Task.voiceCallId)"_s;
        }) << u"FLW018"_s << u"flow.actions[10].props.audio.tts"_s;
        QTest::newRow("FLW019 endless loop") << Mutation([](Flow& f) {
            Action& end = action(f, u"failure-disconnect"_s);
            end.props = JumpProps{u"failure-audio"_s};
        }) << u"FLW019"_s << u"flow.actions[10]"_s;
        QTest::newRow("FLW020 unbounded retry")
            << Mutation([](Flow& f) { action(f, u"failure-audio"_s).next.insert(u"next"_s, u"create-voicecall"_s); })
            << u"FLW020"_s << u"flow.actions[3]"_s;
        QTest::newRow("FLW021 nested name") << Mutation([](Flow& f) {
            action(f, u"create-voicecall"_s).as<CallDataProps>()->inputs[0].name = u"call.to"_s;
        }) << u"FLW021"_s << u"flow.actions[3].props.inputs[0].name"_s;
        QTest::newRow("FLW021 duplicate name")
            << Mutation([](Flow& f) { action(f, u"create-voicecall"_s).as<CallDataProps>()->inputs[1].name = u"to"_s; })
            << u"FLW021"_s << u"flow.actions[3].props.inputs[1].name"_s;
        QTest::newRow("FLW022 article's orgId") << Mutation([](Flow& f) {
            action(f, u"create-voicecall"_s).as<CallDataProps>()->inputs[4].name = u"orgId"_s;
        }) << u"FLW022"_s << u"flow.actions[3].props.inputs[4].name"_s;
        QTest::newRow("FLW023 missing start")
            << Mutation([](Flow& f) { f.startActionId = u"nope"_s; }) << u"FLW023"_s << u"flow.start"_s;
        QTest::newRow("FLW023 duplicate id")
            << Mutation([](Flow& f) { f.actions.append(makeAction(u"transfer"_s, DisconnectProps{})); }) << u"FLW023"_s
            << u"flow.actions[15].id"_s;
        QTest::newRow("FLW023 dangling path")
            << Mutation([](Flow& f) { action(f, u"greeting"_s).next.insert(u"next"_s, u"gone"_s); }) << u"FLW023"_s
            << u"flow.actions[2].next.next"_s;
        QTest::newRow("FLW024 write Call.Ani") << Mutation([](Flow& f) {
            f.actions.append(makeAction(u"normalise"_s, UpdateDataProps{{{u"Call.Ani"_s, u"\"+15550100199\""_s}}},
                                        {{u"next"_s, u"create-voicecall"_s}}));
            action(f, u"greeting"_s).next.insert(u"next"_s, u"normalise"_s);
        }) << u"FLW024"_s << u"flow.actions[15].props.assignments[0].variable"_s;
        QTest::newRow("FLW025 not user-to-user")
            << Mutation([](Flow& f) { action(f, u"set-uui"_s).as<SetUuiDataProps>()->userToUser = false; })
            << u"FLW025"_s << u"flow.actions[6].props.userToUser"_s;
    }

    void mutationsTriggerRules() {
        QFETCH(Mutation, mutate);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QVERIFY(!codes(validate(sipTransferTemplate())).contains(code));
        Flow flow = sipTransferTemplate();
        mutate(flow);
        const diagnostics::Diagnostics list = validate(flow);
        bool found = false;
        for (const diagnostics::Diagnostic& d : list) {
            if (d.code == code && d.where.field == field) {
                found = true;
                QVERIFY(!d.message.isEmpty());
                QCOMPARE(d.severity, diagnostics::findCode(code)->severity);
            }
        }
        QVERIFY2(found, qPrintable(u"expected %1 at %2, got:\n"_s.arg(code, field) + describe(list)));
    }

    // Near misses that must not trigger a rule.
    void nearMissesStayClean_data() {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<QString>("code");

        QTest::newRow("E.164 shortest") << Mutation([](Flow& f) {
            action(f, u"transfer"_s).as<TransferProps>()->number = u"\"+1\""_s;
        }) << u"FLW015"_s;
        QTest::newRow("E.164 15 digits") << Mutation([](Flow& f) {
            action(f, u"transfer"_s).as<TransferProps>()->number = u"\"+441234567890123\""_s;
        }) << u"FLW015"_s;
        QTest::newRow("bounded retry loop") << Mutation([](Flow& f) {
            f.variables.append({u"Flow.tries"_s, ValueType::Integer, Value::integer(0), {}, {}});
            f.actions.append(makeAction(u"count"_s, UpdateDataProps{{{u"Flow.tries"_s, u"Flow.tries"_s}}},
                                        {{u"next"_s, u"again"_s}}));
            f.actions.append(makeAction(u"again"_s, DecisionProps{u"Flow.tries < 3"_s},
                                        {{u"yes"_s, u"create-voicecall"_s}, {u"no"_s, u"failure-audio"_s}}));
            action(f, u"create-voicecall"_s).next.insert(u"failure"_s, u"count"_s);
        }) << u"FLW020"_s;
        QTest::newRow("guarded read") << Mutation([](Flow& f) {
            action(f, u"voicecall-created"_s).as<DecisionProps>()->condition = u"IsSet(Task.voiceCallId)"_s;
        }) << u"FLW018"_s;
        QTest::newRow("no callId at all")
            << Mutation([](Flow& f) { action(f, u"set-uui"_s).as<SetUuiDataProps>()->callIdVariable.clear(); })
            << u"FLW012"_s;
        QTest::newRow("expression callId from output") << Mutation([](Flow& f) {
            SetUuiDataProps* uui = action(f, u"set-uui"_s).as<SetUuiDataProps>();
            uui->source = UuiSource::Expression;
            uui->expression = u"Append(\"{\\\"token\\\":\\\"\", Flow.uuiToken, \"\\\",\\\"callId\\\":\\\"\", "
                              "Task.voiceCallId, \"\\\"}\")"_s;
        }) << u"FLW012"_s;
        QTest::newRow("second uui for disconnect") << Mutation([](Flow& f) {
            f.actions.append(
                makeAction(u"uui-disconnect"_s,
                           SetUuiDataProps{UuiMode::Disconnect, UuiSource::Expression, u"\"\""_s, {}, {}, true},
                           {{u"next"_s, u"transfer"_s}}));
            action(f, u"set-uui"_s).next.insert(u"next"_s, u"uui-disconnect"_s);
        }) << u"FLW011"_s;
    }

    void nearMissesStayClean() {
        QFETCH(Mutation, mutate);
        QFETCH(QString, code);
        Flow flow = sipTransferTemplate();
        mutate(flow);
        const diagnostics::Diagnostics list = validate(flow);
        QVERIFY2(!codes(list).contains(code), qPrintable(describe(list)));
    }

    void e164_data() {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("us") << u"+15550100100"_s << true;
        QTest::newRow("one digit") << u"+1"_s << true;
        QTest::newRow("fifteen") << u"+123456789012345"_s << true;
        QTest::newRow("sixteen") << u"+1234567890123456"_s << false;
        QTest::newRow("no plus") << u"15550100100"_s << false;
        QTest::newRow("plus only") << u"+"_s << false;
        QTest::newRow("spaces") << u"+1 555 0100"_s << false;
        QTest::newRow("tel") << u"tel:+15550100100"_s << false;
        QTest::newRow("sip uri") << u"sip:+15550100100@example.com"_s << false;
    }

    void e164() {
        QFETCH(QString, number);
        QFETCH(bool, valid);
        QCOMPARE(isE164(number), valid);
    }
};

QTEST_GUILESS_MAIN(TestFlowValidator)
#include "TestFlowValidator.moc"
