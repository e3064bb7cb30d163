#pragma once

#include "common/Error.h"
#include "diagnostics/Diagnostic.h"
#include "exports/FunctionSettings.h"
#include "exports/SetUuiDataExport.h"
#include "flow/Flow.h"
#include "flow/Scenario.h"
#include "salesforce/OrgProfile.h"
#include "telephony/TestCallSettings.h"
#include "uui/TrunkUuiProfile.h"
#include "uui/UuiModel.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace handoff::project {

// Where the private key is: a keychain entry (SecretStore reference) and/or a PEM file on disk. Never the key.
struct KeyReference {
    QString keychainId;      // SecretStore reference; empty when none
    QString keyFile;         // path to a PEM private key file; empty when none
    QString certificateFile; // path to the certificate uploaded to Salesforce; empty when none

    bool isEmpty() const { return keychainId.isEmpty() && keyFile.isEmpty(); }
    friend bool operator==(const KeyReference&, const KeyReference&) = default;
};

// How a token is minted (docs/keys-and-tokens.md). The two presets match hs/crypto's jwt presets.
struct TokenPolicy {
    qint64 ttlSeconds = 24 * 60 * 60; // exp - iat; Salesforce allows at most 24 h
    bool jti = false;                 // a jti makes the token single-use

    static TokenPolicy uuiTokenPreset() { return {24 * 60 * 60, false}; } // reusable, 24 h
    static TokenPolicy apiTokenPreset() { return {5 * 60, true}; }        // single use, 5 min, jti
    friend bool operator==(const TokenPolicy&, const TokenPolicy&) = default;
};

// What the UUI holds besides the org's own values (orgId, scrt2Domain come from the org profile, the token is
// minted from the key).
struct UuiTemplate {
    bool includeOrgId = true;  // orgId may be left out when a token is present
    QString callId;            // the callId composed in the studio (a sample); at run time the bound variable
    bool includeCallId = true; // write callId (bound to ExportBindings::callIdVariable in the expression)
    std::optional<QString> transactionId;
    QList<uui::CustomParam> customParams;

    friend bool operator==(const UuiTemplate&, const UuiTemplate&) = default;
};

// One real transfer to Salesforce the admin made and recorded (the go-live check's GOL013): the only proof of how
// Salesforce reads the 1,024 limit. File key "realTransfers" (a list, oldest first), written only when not empty, so
// files without it stay as they were.
struct RealTransferRecord {
    QDate date;
    qint64 uuiBytes = 0; // the UUI's decoded data octets (JSON, plus the PD octet as a prefix) that went through
    bool succeeded = false;
    QString note; // free text (call id, who tested)

    friend bool operator==(const RealTransferRecord&, const RealTransferRecord&) = default;
};

// One Salesforce org the flow hands calls to (a sandbox, production): its org settings, the key reference its
// tokens are signed with, the trunk's UUI profile and the Agentforce Voice SIP address. A project holds one or more
// (docs/environments.md); the project's `org`, `key`, `trunk` and `sipAddress` are the selected one's.
struct Environment {
    QString name; // "production", "sandbox": letters, digits, - and _, at most 40, unique regardless of case
    salesforce::OrgProfile org;
    KeyReference key;
    uui::TrunkUuiProfile trunk;
    // The Agentforce Voice SIP address of this environment's messaging channel, in E.164 form. Empty: every Transfer
    // to Number sends to the number written in the flow. Set: a Transfer to Number whose number is a string literal
    // sends to this address instead, in the simulation and in the exports.
    QString sipAddress;
    // Keys this version does not know, per object of the environment ("" = the environment itself, "org", "key",
    // "trunk"), kept for saving.
    QHash<QString, QJsonObject> unknown;

    friend bool operator==(const Environment&, const Environment&) = default;
};

// A .handoff project: everything about one handoff setup except secrets.
//
// Sections owned by other modules (hs/calls' "testCall", hs/flow's "flow" and "scenarios" from version 2) are
// added as members here and read and written in ProjectFile.cpp; until then any unknown section is kept verbatim
// in `unknown` and written back on save.
struct Project {
    QString name;
    // ---- the selected environment (see Environment); its name is `environment`
    salesforce::OrgProfile org;
    KeyReference key;
    TokenPolicy uuiToken = TokenPolicy::uuiTokenPreset();
    TokenPolicy apiToken = TokenPolicy::apiTokenPreset();
    uui::TrunkUuiProfile trunk;
    QString sipAddress;
    QString environment = QStringLiteral("production");
    // The environment the file opens on (file key "environment"). The CLI's --env selects another for one command
    // without changing it; the app's switcher changes both.
    QString defaultEnvironment = QStringLiteral("production");
    // The other environments, in the file's order with the selected one's place kept by `environmentIndex`. Read
    // them through environments(), which has the selected one's current values.
    QList<Environment> otherEnvironments;
    qsizetype environmentIndex = 0; // the selected environment's place among all of them

    UuiTemplate uui;
    exports::ExportBindings exports;
    // The Function Data Action's runtime and timeout (hs/exports; file key "functionDataAction", written only when
    // not the defaults, read with the defaults when absent).
    exports::FunctionSettings functionDataAction;
    // The Test Call page's request form (hs/calls); absent in files that never made a test call. Optional, so files
    // without it stay valid version 1 files.
    std::optional<telephony::TestCallSettings> testCall;
    // The Genesys Architect inbound flow (hs/flow; version 2). A version 1 file migrates to an empty flow (no
    // actions): the migration never invents a flow the admin did not design; `handoff flow new --template
    // sip-transfer` or the designer starts one.
    flow::Flow flow;
    // Named simulation scenarios for the flow (version 2). Version 1 files migrate to none.
    QList<flow::Scenario> scenarios;
    // Real transfers recorded for the go-live check (oldest first; the last one counts).
    QList<RealTransferRecord> realTransfers;

    // Keys this version does not know, per object path ("" = top level, "org", "trunk", ...), kept for saving.
    QHash<QString, QJsonObject> unknown;

    // The UUI model for a token: orgId, scrt2Domain from the org profile, the rest from the template.
    uui::UuiModel uuiModel(const QString& token) const;

    // Problems of the project's own settings (org profile, trunk, bindings, token policies), located by field.
    diagnostics::Diagnostics validate() const;

    // A new project with the defaults an admin starts from.
    static Project defaults();

    // ---- environments (Environments.cpp). Each operation returns a Result with a stable code and leaves the
    // project unchanged on error: PRJ010 a name that is not valid, PRJ011 a name in use, PRJ012 no such
    // environment, PRJ013 the last environment cannot be removed.
    QList<Environment> environments() const; // all of them in file order, the selected one with its current values
    QStringList environmentNames() const;
    Environment currentEnvironment() const;
    bool hasEnvironment(const QString& environmentName) const;
    // Makes `name` the selected one: its org, key, trunk and SIP address become the project's.
    Result<void> selectEnvironment(const QString& name);
    // Adds an environment after the others, a copy of `copyOf`'s settings (the selected one when empty) under a new
    // name; the selection stays where it is.
    Result<void> addEnvironment(const QString& name, const QString& copyOf = {});
    Result<void> renameEnvironment(const QString& name, const QString& newName);
    // Removing the selected one selects the first remaining; removing the default makes the selected one default.
    Result<void> removeEnvironment(const QString& name);
    // Replaces every environment (at least one); selects `selected` (the first when not among them).
    void setEnvironments(const QList<Environment>& list, const QString& selected);
    // PRJ010 when `name` cannot be an environment's name; the message says what can.
    static Result<void> checkEnvironmentName(const QString& name);
};

} // namespace handoff::project
