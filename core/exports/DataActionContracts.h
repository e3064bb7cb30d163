#pragma once

#include "diagnostics/Diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace handoff::project {
struct Project;
}

namespace handoff::exports {

// The Function Data Action's contracts and request template (docs/exports.md), for `handoff export contracts` and the
// Export page. The inputs and outputs are fixed by the function (core/exports/function/index.js):
//   inputs  to, from, callCenterApiName, scrtBaseUrl, salesforceOrgId, callAttributes (optional), vendorCallKey
//   outputs voiceCallId (18 characters), uuiToken, warning
// The private key is not an input: the request template adds it from the integration's credentials.
struct DataActionContracts {
    QByteArray inputContract;   // JSON Schema, indented
    QByteArray outputContract;  // JSON Schema, indented
    QByteArray requestTemplate; // Velocity text: a JSON object, every value through $esc.jsonString
    QByteArray configuration;   // the action's request/response configuration (JSON), holding the template
};

// The input names in the order the template lists them, and the credential the template adds.
QList<QString> functionInputNames();
inline constexpr const char* kPrivateKeyCredential = "privateKey";

DataActionContracts buildDataActionContracts(const project::Project& project);

// The files `handoff export contracts` writes, in this order: name and bytes.
struct ContractFile {
    QString name;
    QByteArray data;
};
QList<ContractFile> contractFiles(const DataActionContracts& contracts);

enum class ContractKind { Input, Output };

// Checks a contract against Genesys' rules (docs/exports.md). Errors: EXP020 not a JSON object schema of type object
// with properties, EXP021 a property name that does not start with a letter or has characters other than letters,
// digits, - and _ (input), EXP022 a reserved name (orgId, integrationId, rawRequest; input), EXP023 a nested object
// or array in the input contract, EXP024 an input type other than string, integer, number, boolean, null, EXP025
// $ref, EXP026 nested arrays in the output contract, EXP027 deeper than 50 levels, EXP029 a required name that is not
// a property. Warnings: EXP028 additionalProperties not false, EXP030 a secret (privateKey) as an input. Each is
// located at the field path (for example "properties.orgId").
diagnostics::Diagnostics checkContract(const QByteArray& json, ContractKind kind);

} // namespace handoff::exports
