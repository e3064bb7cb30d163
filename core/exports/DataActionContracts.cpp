#include "exports/DataActionContracts.h"

#include "diagnostics/Catalog.h"
#include "project/Project.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace handoff::exports {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::exports", text);
}

constexpr int kMaxDepth = 50;

struct InputField {
    const char* name;
    bool required;
    const char* description;
};

// English for Genesys' UI (the contract is read there, not in this app).
constexpr InputField kInputs[] = {
    {"to", true, "The contact-centre number the caller dialled (Call.CalledAddressOriginal), E.164."},
    {"from", true, "The caller's number (Call.Ani); a tel: prefix is removed."},
    {"callCenterApiName", true, "The Salesforce Call Center API name (the tokens' sub)."},
    {"scrtBaseUrl", true, "<MyDomain>.my.salesforce-scrt.com/telephony/v1 (https:// is added when missing)."},
    {"salesforceOrgId", true, "The Salesforce org id, 15 or 18 characters (the tokens' iss)."},
    {"callAttributes", false, "Optional: a JSON object of VoiceCall fields, such as {\"Department__c\":\"Support\"}."},
    {"vendorCallKey", true, "The Genesys conversation id (Call.ConversationId)."},
};

QJsonObject stringProperty(const QString& description) {
    return {{u"type"_s, u"string"_s}, {u"description"_s, description}};
}

QByteArray inputContract() {
    QJsonObject properties;
    QJsonArray required;
    for (const InputField& field : kInputs) {
        properties.insert(QString::fromLatin1(field.name), stringProperty(QString::fromUtf8(field.description)));
        if (field.required) {
            required.append(QString::fromLatin1(field.name));
        }
    }
    const QJsonObject schema{{u"$schema"_s, u"http://json-schema.org/draft-04/schema#"_s},
                             {u"title"_s, u"Create VoiceCall input"_s},
                             {u"description"_s, u"Inputs of the Handoff Studio voiceCalls function."_s},
                             {u"type"_s, u"object"_s},
                             {u"required"_s, required},
                             {u"properties"_s, properties},
                             {u"additionalProperties"_s, false}};
    return QJsonDocument(schema).toJson(QJsonDocument::Indented);
}

QByteArray outputContract() {
    const QJsonObject properties{
        {u"voiceCallId"_s, stringProperty(u"The VoiceCall id, 18 characters (for the UUI's callId)."_s)},
        {u"uuiToken"_s, stringProperty(u"A fresh UUI token for this call (for the UUI's token)."_s)},
        {u"warning"_s,
         stringProperty(u"Set when the VoiceCall was created but some fields failed; empty otherwise."_s)},
    };
    const QJsonObject schema{{u"$schema"_s, u"http://json-schema.org/draft-04/schema#"_s},
                             {u"title"_s, u"Create VoiceCall output"_s},
                             {u"type"_s, u"object"_s},
                             {u"required"_s, QJsonArray{u"voiceCallId"_s, u"uuiToken"_s, u"warning"_s}},
                             {u"properties"_s, properties},
                             {u"additionalProperties"_s, false}};
    return QJsonDocument(schema).toJson(QJsonDocument::Indented);
}

QByteArray requestTemplate() {
    QByteArray text = "{\n";
    for (const InputField& field : kInputs) {
        text +=
            "  \"" + QByteArray(field.name) + "\": \"$esc.jsonString($!{input." + QByteArray(field.name) + "})\",\n";
    }
    text += "  \"" + QByteArray(kPrivateKeyCredential) + "\": \"$esc.jsonString($!{credentials." +
            QByteArray(kPrivateKeyCredential) + "})\"\n}\n";
    return text;
}

QByteArray configuration(const QByteArray& request) {
    const QJsonObject config{
        {u"request"_s, QJsonObject{{u"requestType"_s, u"POST"_s},
                                   {u"headers"_s, QJsonObject{}},
                                   {u"requestTemplate"_s, QString::fromUtf8(request)}}},
        {u"response"_s, QJsonObject{{u"translationMap"_s, QJsonObject{}},
                                    {u"translationMapDefaults"_s, QJsonObject{}},
                                    {u"successTemplate"_s, u"${rawResult}"_s}}},
    };
    return QJsonDocument(config).toJson(QJsonDocument::Indented);
}

// ---- the rule check ----

class Checker {
public:
    Checker(ContractKind kind, diagnostics::Diagnostics& list)
        : m_kind(kind)
        , m_list(list) {}

    void add(const char* code, const QString& message, const QString& field) {
        m_list.append(diagnostics::make(code, message, diagnostics::Location{field}));
    }

    // $ref anywhere, depth, nested arrays (output).
    void walk(const QJsonValue& value, const QString& path, int depth, bool insideArrayItems) {
        if (depth > kMaxDepth) {
            if (!m_depthReported) {
                add("EXP027",
                    handoff::exports::tr("The contract is nested deeper than %1 levels; Genesys refuses it.")
                        .arg(kMaxDepth),
                    path);
                m_depthReported = true;
            }
            return;
        }
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                walk(array.at(i), path + u'[' + QString::number(i) + u']', depth + 1, insideArrayItems);
            }
            return;
        }
        if (!value.isObject()) {
            return;
        }
        const QJsonObject object = value.toObject();
        if (object.contains(u"$ref"_s)) {
            add("EXP025",
                handoff::exports::tr("\"$ref\" is not allowed in a data action contract; write the schema out."),
                join(path, u"$ref"_s));
        }
        const bool isArrayType = object.value(u"type"_s).toString() == u"array"_s;
        if (m_kind == ContractKind::Output && isArrayType && insideArrayItems) {
            add("EXP026",
                handoff::exports::tr("The output contract has an array inside an array; Genesys allows no nested "
                                     "arrays there."),
                path);
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool items = isArrayType && it.key() == u"items"_s;
            walk(it.value(), join(path, it.key()), depth + 1, items || (insideArrayItems && !isArrayType));
        }
    }

    static QString join(const QString& path, const QString& key) { return path.isEmpty() ? key : path + u'.' + key; }

private:
    ContractKind m_kind;
    diagnostics::Diagnostics& m_list;
    bool m_depthReported = false;
};

} // namespace

QList<QString> functionInputNames() {
    QList<QString> names;
    for (const InputField& field : kInputs) {
        names.append(QString::fromLatin1(field.name));
    }
    return names;
}

// The function's contracts do not depend on the project's settings today; the parameter keeps room for inputs the
// project may add (UUI parameters).
DataActionContracts buildDataActionContracts(const project::Project& /*project*/) {
    DataActionContracts contracts;
    contracts.inputContract = inputContract();
    contracts.outputContract = outputContract();
    contracts.requestTemplate = requestTemplate();
    contracts.configuration = configuration(contracts.requestTemplate);
    return contracts;
}

QList<ContractFile> contractFiles(const DataActionContracts& contracts) {
    return {{u"input-contract.json"_s, contracts.inputContract},
            {u"output-contract.json"_s, contracts.outputContract},
            {u"request-template.vm"_s, contracts.requestTemplate},
            {u"configuration.json"_s, contracts.configuration}};
}

diagnostics::Diagnostics checkContract(const QByteArray& json, ContractKind kind) {
    diagnostics::Diagnostics list;
    Checker checker(kind, list);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        checker.add("EXP020",
                    error.error != QJsonParseError::NoError
                        ? handoff::exports::tr("The contract is not JSON (%1 at offset %2).")
                              .arg(error.errorString())
                              .arg(error.offset)
                        : handoff::exports::tr("The contract must be a JSON object (a JSON Schema)."),
                    QString());
        return list;
    }
    const QJsonObject schema = document.object();
    if (schema.value(u"type"_s).toString() != u"object"_s || !schema.value(u"properties"_s).isObject()) {
        checker.add("EXP020",
                    handoff::exports::tr("A contract is a schema with \"type\": \"object\" and \"properties\"; add "
                                         "them."),
                    schema.contains(u"type"_s) ? u"type"_s : QString());
    }
    checker.walk(schema, QString(), 1, false);
    if (schema.value(u"additionalProperties"_s) != QJsonValue(false)) {
        checker.add("EXP028",
                    handoff::exports::tr("Set \"additionalProperties\": false, so that a misspelt name is refused "
                                         "instead of ignored."),
                    u"additionalProperties"_s);
    }
    const QJsonObject properties = schema.value(u"properties"_s).toObject();
    const QJsonArray required = schema.value(u"required"_s).toArray();
    for (qsizetype i = 0; i < required.size(); ++i) {
        const QString name = required.at(i).toString();
        if (!properties.contains(name)) {
            checker.add("EXP029",
                        handoff::exports::tr("\"%1\" is required but is not one of the properties; add it or "
                                             "remove it from required.")
                            .arg(name),
                        u"required[%1]"_s.arg(i));
        }
    }
    if (kind == ContractKind::Output) {
        return list;
    }

    static const QRegularExpression nameForm(u"^[A-Za-z][A-Za-z0-9_-]*$"_s);
    static const QSet<QString> reserved{u"orgId"_s, u"integrationId"_s, u"rawRequest"_s};
    static const QSet<QString> flatTypes{u"string"_s, u"integer"_s, u"number"_s, u"boolean"_s, u"null"_s};
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QString name = it.key();
        const QString field = u"properties."_s + name;
        if (!nameForm.match(name).hasMatch()) {
            checker.add("EXP021",
                        handoff::exports::tr("The input name \"%1\" must start with a letter and hold only "
                                             "letters, digits, - and _.")
                            .arg(name),
                        field);
        }
        if (reserved.contains(name)) {
            checker.add("EXP022",
                        handoff::exports::tr("\"%1\" is a name Genesys reserves for data action inputs; rename it "
                                             "(for example salesforceOrgId).")
                            .arg(name),
                        field);
        }
        if (name.compare(QString::fromLatin1(kPrivateKeyCredential), Qt::CaseInsensitive) == 0) {
            checker.add("EXP030",
                        handoff::exports::tr("\"%1\" is a secret as a flow input; take it from the integration's "
                                             "credentials ($!{credentials.%1}) instead.")
                            .arg(name),
                        field);
        }
        const QJsonObject property = it.value().toObject();
        QStringList types;
        const QJsonValue type = property.value(u"type"_s);
        if (type.isArray()) {
            for (const QJsonValue& t : type.toArray()) {
                types.append(t.toString());
            }
        } else {
            types.append(type.toString());
        }
        const bool nested = property.contains(u"properties"_s) || property.contains(u"items"_s) ||
                            types.contains(u"object"_s) || types.contains(u"array"_s);
        if (nested) {
            checker.add("EXP023",
                        handoff::exports::tr("The input \"%1\" is an object or array; an input contract is flat. "
                                             "Pass it as a string holding JSON.")
                            .arg(name),
                        field);
            continue;
        }
        for (const QString& t : std::as_const(types)) {
            if (!flatTypes.contains(t)) {
                checker.add("EXP024",
                            handoff::exports::tr("The input \"%1\" has type \"%2\"; use string, integer, number, "
                                                 "boolean or null.")
                                .arg(name, t),
                            field + u".type"_s);
            }
        }
    }
    return list;
}

} // namespace handoff::exports
