#include "ProjectFile.h"

#include "common/SaveFile.h"
#include "common/TextPosition.h"
#include "diagnostics/Catalog.h"
#include "uui/UuiLint.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace handoff::project {

namespace {

Q_LOGGING_CATEGORY(lcProject, "handoff.project")

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::project", text);
}

QString joinPath(const QString& path, const QString& key) {
    return path.isEmpty() ? key : path + u'.' + key;
}

// Finds private key material anywhere in the document; returns the path of the first value holding it.
std::optional<QString> findPrivateKey(const QJsonValue& value, const QString& path) {
    if (value.isString()) {
        const QString s = value.toString();
        if (s.contains(u"PRIVATE KEY-----"_s) || s.contains(u"BEGIN OPENSSH PRIVATE KEY"_s)) {
            return path;
        }
        return std::nullopt;
    }
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (auto found = findPrivateKey(it.value(), joinPath(path, it.key()))) {
                return found;
            }
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (auto found = findPrivateKey(a.at(i), path + u'[' + QString::number(i) + u']')) {
                return found;
            }
        }
    }
    return std::nullopt;
}

// Reads one JSON object of the file: typed getters that record the first type error, and the keys they did not
// ask for (kept as unknown).
class Section {
public:
    Section(QJsonObject object, QString path)
        : m_object(std::move(object))
        , m_path(std::move(path)) {}

    QString string(const QString& key, const QString& fallback = {}) {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull()) {
            return fallback;
        }
        if (!v.isString()) {
            typeError(key, handoff::project::tr("text"));
            return fallback;
        }
        return v.toString();
    }
    std::optional<QString> optionalString(const QString& key) {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull()) {
            return std::nullopt;
        }
        if (!v.isString()) {
            typeError(key, handoff::project::tr("text"));
            return std::nullopt;
        }
        return v.toString();
    }
    bool boolean(const QString& key, bool fallback) {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull()) {
            return fallback;
        }
        if (!v.isBool()) {
            typeError(key, handoff::project::tr("true or false"));
            return fallback;
        }
        return v.toBool();
    }
    qint64 integer(const QString& key, qint64 fallback) {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull()) {
            return fallback;
        }
        const double d = v.toDouble();
        if (!v.isDouble() || d != static_cast<double>(static_cast<qint64>(d))) {
            typeError(key, handoff::project::tr("a whole number"));
            return fallback;
        }
        return static_cast<qint64>(d);
    }
    QJsonArray array(const QString& key) {
        const QJsonValue v = take(key);
        if (v.isUndefined() || v.isNull()) {
            return {};
        }
        if (!v.isArray()) {
            typeError(key, handoff::project::tr("a list"));
            return {};
        }
        return v.toArray();
    }
    Section object(const QString& key) {
        const QJsonValue v = take(key);
        if (!v.isUndefined() && !v.isNull() && !v.isObject()) {
            typeError(key, handoff::project::tr("an object"));
        }
        return Section(v.toObject(), joinPath(m_path, key));
    }
    void invalid(const QString& key, const QString& message) {
        if (!m_error) {
            m_error = Error{u"PRJ003"_s, handoff::project::tr("\"%1\": %2").arg(joinPath(m_path, key), message),
                            joinPath(m_path, key)};
        }
    }

    bool has(const QString& key) const { return m_object.contains(key) && !m_object.value(key).isNull(); }

    // The keys nobody asked for.
    QJsonObject unknown() const {
        QJsonObject rest;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_taken.contains(it.key())) {
                rest.insert(it.key(), it.value());
            }
        }
        return rest;
    }
    const QString& path() const { return m_path; }
    const std::optional<Error>& error() const { return m_error; }
    void adoptError(const Section& inner) {
        if (!m_error && inner.m_error) {
            m_error = inner.m_error;
        }
    }

private:
    QJsonValue take(const QString& key) {
        m_taken.insert(key);
        return m_object.value(key);
    }
    void typeError(const QString& key, const QString& expected) {
        invalid(key, handoff::project::tr("must be %1; correct or remove it.").arg(expected));
    }

    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_taken;
    std::optional<Error> m_error;
};

struct ReadState {
    Project* project;
    diagnostics::Diagnostics* diagnostics;
};

void keepUnknown(const Section& section, ReadState& state) {
    const QJsonObject rest = section.unknown();
    if (rest.isEmpty()) {
        return;
    }
    state.project->unknown.insert(section.path(), rest);
    for (auto it = rest.begin(); it != rest.end(); ++it) {
        const QString field = joinPath(section.path(), it.key());
        state.diagnostics->append(diagnostics::make(
            "PRJ004",
            handoff::project::tr(
                "\"%1\" is not known to this version of Handoff Studio; it is kept as it is when the project is saved.")
                .arg(field),
            {field}));
    }
}

void readOrg(Section s, ReadState& state, Section& parent) {
    salesforce::OrgProfile& org = state.project->org;
    org.orgId = s.string(u"orgId"_s);
    org.scrt2Domain = s.string(u"scrt2Domain"_s);
    org.callCenterApiName = s.string(u"callCenterApiName"_s);
    const QString type = s.string(u"customerType"_s, salesforce::customerTypeKey(org.customerType));
    if (const auto t = salesforce::customerTypeFromKey(type)) {
        org.customerType = *t;
    } else {
        s.invalid(u"customerType"_s, handoff::project::tr("must be \"scv\" or \"other\", not \"%1\".").arg(type));
    }
    keepUnknown(s, state);
    parent.adoptError(s);
}

void readKey(Section s, ReadState& state, Section& parent) {
    KeyReference& key = state.project->key;
    key.keychainId = s.string(u"keychainId"_s);
    key.keyFile = s.string(u"keyFile"_s);
    key.certificateFile = s.string(u"certificateFile"_s);
    keepUnknown(s, state);
    parent.adoptError(s);
}

void readPolicy(Section s, TokenPolicy& policy, ReadState& state, Section& parent) {
    policy.ttlSeconds = s.integer(u"ttlSeconds"_s, policy.ttlSeconds);
    if (policy.ttlSeconds <= 0) {
        s.invalid(u"ttlSeconds"_s, handoff::project::tr("must be a positive number of seconds."));
    }
    policy.jti = s.boolean(u"jti"_s, policy.jti);
    keepUnknown(s, state);
    parent.adoptError(s);
}

void readTokens(Section s, ReadState& state, Section& parent) {
    readPolicy(s.object(u"uui"_s), state.project->uuiToken, state, s);
    readPolicy(s.object(u"api"_s), state.project->apiToken, state, s);
    keepUnknown(s, state);
    parent.adoptError(s);
}

void readTrunk(Section s, ReadState& state, Section& parent) {
    uui::TrunkUuiProfile& t = state.project->trunk;
    t.headerName = s.string(u"headerName"_s, t.headerName);
    const QString encoding = s.string(u"encoding"_s, uui::encodingKey(t.encoding));
    if (const auto e = uui::encodingFromKey(encoding)) {
        t.encoding = *e;
    } else {
        s.invalid(u"encoding"_s, handoff::project::tr("must be \"hex\" or \"ascii\", not \"%1\".").arg(encoding));
    }
    const QString pd = s.string(u"pdMode"_s, uui::pdModeKey(t.pdMode));
    if (const auto m = uui::pdModeFromKey(pd)) {
        t.pdMode = *m;
    } else {
        s.invalid(u"pdMode"_s, handoff::project::tr("must be \"prefix\", \"param\" or \"none\", not \"%1\".").arg(pd));
    }
    const QString octet = s.string(u"protocolDiscriminator"_s, QString::number(t.protocolDiscriminator, 16));
    bool ok = false;
    const uint value = octet.toUInt(&ok, 16);
    if (!ok || value > 0xff || octet.size() > 2) {
        s.invalid(u"protocolDiscriminator"_s,
                  handoff::project::tr("must be one octet in hex, such as \"04\", not \"%1\".").arg(octet));
    } else {
        t.protocolDiscriminator = static_cast<quint8>(value);
    }
    t.encodingParameter = s.boolean(u"encodingParameter"_s, t.encodingParameter);
    const bool hasParameters = s.has(u"parameters"_s);
    const QJsonArray params = s.array(u"parameters"_s);
    if (hasParameters) {
        QStringList list;
        for (const QJsonValue& p : params) {
            if (!p.isString()) {
                s.invalid(u"parameters"_s,
                          handoff::project::tr("must be a list of texts such as \"purpose=isdn-uui\"."));
                break;
            }
            list.append(p.toString());
        }
        t.parameters = list;
    }
    t.limit = static_cast<int>(s.integer(u"limit"_s, t.limit));
    const QString appliesTo = s.string(u"limitAppliesTo"_s, uui::limitAppliesToKey(t.limitAppliesTo));
    if (const auto a = uui::limitAppliesToFromKey(appliesTo)) {
        t.limitAppliesTo = *a;
    } else {
        s.invalid(u"limitAppliesTo"_s,
                  handoff::project::tr("must be \"headerLine\", \"headerValue\" or \"decodedData\", not \"%1\".")
                      .arg(appliesTo));
    }
    keepUnknown(s, state);
    parent.adoptError(s);
}

void readUui(Section s, ReadState& state, Section& parent) {
    UuiTemplate& u = state.project->uui;
    u.includeOrgId = s.boolean(u"includeOrgId"_s, u.includeOrgId);
    u.callId = s.string(u"callId"_s);
    u.includeCallId = s.boolean(u"includeCallId"_s, u.includeCallId);
    u.transactionId = s.optionalString(u"transactionId"_s);
    const QJsonArray params = s.array(u"parameters"_s);
    for (qsizetype i = 0; i < params.size(); ++i) {
        const QJsonObject o = params.at(i).toObject();
        if (!params.at(i).isObject() || !o.value(u"key"_s).isString() ||
            !(o.value(u"value"_s).isString() || o.value(u"value"_s).isUndefined())) {
            s.invalid(u"parameters[%1]"_s.arg(i),
                      handoff::project::tr("must be {\"key\": \"...\", \"value\": \"...\"}."));
            break;
        }
        u.customParams.append({o.value(u"key"_s).toString(), o.value(u"value"_s).toString()});
    }
    keepUnknown(s, state);
    parent.adoptError(s);
}

void readExports(Section s, ReadState& state, Section& parent) {
    exports::ExportBindings& e = state.project->exports;
    e.tokenVariable = s.string(u"tokenVariable"_s, e.tokenVariable);
    e.callIdVariable = s.string(u"callIdVariable"_s, e.callIdVariable);
    e.bindToken = s.boolean(u"bindToken"_s, e.bindToken);
    e.bindCallId = s.boolean(u"bindCallId"_s, e.bindCallId);
    keepUnknown(s, state);
    parent.adoptError(s);
}

// "functionDataAction" (hs/exports): absent means the defaults.
void readFunctionDataAction(Section s, ReadState& state, Section& parent) {
    exports::FunctionSettings& f = state.project->functionDataAction;
    f.runtime = s.string(u"runtime"_s, f.runtime);
    f.timeoutSeconds = static_cast<int>(s.integer(u"timeoutSeconds"_s, f.timeoutSeconds));
    keepUnknown(s, state);
    parent.adoptError(s);
}

void readTestCall(Section s, ReadState& state, Section& parent) {
    telephony::TestCallSettings t;
    const QString target = s.string(u"target"_s, telephony::testCallTargetKey(t.target));
    if (const auto parsed = telephony::testCallTargetFromKey(target)) {
        t.target = *parsed;
    } else {
        s.invalid(u"target"_s, handoff::project::tr("must be \"emulator\" or \"org\", not \"%1\".").arg(target));
    }
    t.to = s.string(u"to"_s, t.to);
    t.from = s.string(u"from"_s, t.from);
    const QString method = s.string(u"initiationMethod"_s, u"Inbound"_s);
    if (method == u"Inbound"_s || method == u"Transfer"_s) {
        t.initiationMethod =
            method == u"Transfer"_s ? telephony::InitiationMethod::Transfer : telephony::InitiationMethod::Inbound;
    } else {
        s.invalid(u"initiationMethod"_s,
                  handoff::project::tr("must be \"Inbound\" or \"Transfer\", not \"%1\".").arg(method));
    }
    t.callOrigin = s.string(u"callOrigin"_s);
    t.callSubtype = s.string(u"callSubtype"_s);
    t.queue = s.string(u"queue"_s);
    t.telephonyProviderName = s.string(u"telephonyProviderName"_s);
    t.defaultRegion = s.string(u"defaultRegion"_s);
    const QJsonArray attributes = s.array(u"callAttributes"_s);
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        const QJsonObject o = attributes.at(i).toObject();
        if (!attributes.at(i).isObject() || !o.value(u"field"_s).isString() || !o.value(u"value"_s).isString()) {
            s.invalid(u"callAttributes[%1]"_s.arg(i),
                      handoff::project::tr("must be {\"field\": \"...\", \"value\": \"...\"}."));
            break;
        }
        t.callAttributes.append({o.value(u"field"_s).toString(), o.value(u"value"_s).toString()});
    }
    state.project->testCall = t;
    keepUnknown(s, state);
    parent.adoptError(s);
}

// Writes `known` over the unknown keys kept for `path`.
QJsonObject merged(const Project& project, const QString& path, const QJsonObject& known) {
    QJsonObject out = project.unknown.value(path);
    for (auto it = known.begin(); it != known.end(); ++it) {
        out.insert(it.key(), it.value());
    }
    return out;
}

QJsonObject policyJson(const TokenPolicy& policy) {
    return QJsonObject{{u"ttlSeconds"_s, policy.ttlSeconds}, {u"jti"_s, policy.jti}};
}

QJsonObject withUnknown(const Environment& e, const QString& part, const QJsonObject& known) {
    QJsonObject out = e.unknown.value(part);
    for (auto it = known.begin(); it != known.end(); ++it) {
        out.insert(it.key(), it.value());
    }
    return out;
}

QJsonObject environmentJson(const Environment& e) {
    QJsonObject out = withUnknown(e, QString(), {{u"name"_s, e.name}});
    out.insert(u"org"_s, withUnknown(e, u"org"_s,
                                     {{u"orgId"_s, e.org.orgId},
                                      {u"scrt2Domain"_s, e.org.scrt2Domain},
                                      {u"callCenterApiName"_s, e.org.callCenterApiName},
                                      {u"customerType"_s, salesforce::customerTypeKey(e.org.customerType)}}));
    out.insert(u"key"_s, withUnknown(e, u"key"_s,
                                     {{u"keychainId"_s, e.key.keychainId},
                                      {u"keyFile"_s, e.key.keyFile},
                                      {u"certificateFile"_s, e.key.certificateFile}}));
    out.insert(u"trunk"_s, withUnknown(e, u"trunk"_s,
                                       {{u"headerName"_s, e.trunk.headerName},
                                        {u"encoding"_s, uui::encodingKey(e.trunk.encoding)},
                                        {u"pdMode"_s, uui::pdModeKey(e.trunk.pdMode)},
                                        {u"protocolDiscriminator"_s,
                                         QString::number(e.trunk.protocolDiscriminator, 16).rightJustified(2, u'0')},
                                        {u"encodingParameter"_s, e.trunk.encodingParameter},
                                        {u"parameters"_s, QJsonArray::fromStringList(e.trunk.parameters)},
                                        {u"limit"_s, e.trunk.limit},
                                        {u"limitAppliesTo"_s, uui::limitAppliesToKey(e.trunk.limitAppliesTo)}}));
    if (!e.sipAddress.isEmpty()) {
        out.insert(u"sipAddress"_s, e.sipAddress);
    }
    return out;
}

} // namespace

namespace ProjectFile {

Result<void> migrateStep(QJsonObject& root, int fromVersion, diagnostics::Diagnostics* notices) {
    switch (fromVersion) {
    case 1:
        // 1 -> 2: the flow and its scenarios. A version 1 project had no flow: it gets an empty one (no actions)
        // and no scenarios, never an invented flow. Anything already under those keys (a file edited by hand) is
        // kept and read as version 2.
        if (!root.contains(u"flow"_s)) {
            root.insert(u"flow"_s, flow::toJson(flow::Flow{}));
        }
        if (!root.contains(u"scenarios"_s)) {
            root.insert(u"scenarios"_s, QJsonArray());
        }
        root.insert(u"version"_s, 2);
        return {};
    case 2: {
        // 2 -> 3: the flow in Architect's shape (tasks with nested outputs; docs/flow.md), and the 1,024 limit
        // read on the decoded data. A version 2 file wrote the old default, the header line, whether or not its
        // user chose it: it becomes the new default, with a notice saying so.
        const flow::FlowReadResult converted = flow::flowFromVersion2Json(root.value(u"flow"_s).toObject(), u"flow"_s);
        for (const diagnostics::Diagnostic& d : converted.diagnostics) {
            if (d.isError()) {
                return failAt(
                    d.code, handoff::project::tr("\"%1\": %2 The file was not changed.").arg(d.where.field, d.message),
                    d.where.field);
            }
        }
        if (notices) {
            notices->append(converted.diagnostics);
        }
        root.insert(u"flow"_s, flow::toJson(converted.flow));
        QJsonObject trunk = root.value(u"trunk"_s).toObject();
        if (trunk.value(u"limitAppliesTo"_s).toString() == u"headerLine"_s) {
            trunk.insert(u"limitAppliesTo"_s, uui::limitAppliesToKey(uui::LimitAppliesTo::DecodedData));
            root.insert(u"trunk"_s, trunk);
            if (notices) {
                notices->append(diagnostics::make(
                    "PRJ007",
                    handoff::project::tr(
                        "This project was written by an older version, which measured the 1,024-character limit on "
                        "the whole User-to-User header line. It now applies to the decoded UUI data, the only "
                        "reading under which a UUI with a signed token can fit (docs/uui-budget.md). Choose another "
                        "reading under the trunk settings if your trunk or Salesforce has proven it."),
                    diagnostics::Location{u"trunk.limitAppliesTo"_s}));
            }
        }
        root.insert(u"version"_s, 3);
        return {};
    }
    case 3: {
        // 3 -> 4: environments. The org settings, the key reference and the trunk become the project's one
        // environment, named "sandbox" when the SCRT2 domain is a sandbox's and "production" otherwise; the flow's
        // Transfer to Number keeps its number (the environment gets no SIP address of its own).
        const QString domain = root.value(u"org"_s).toObject().value(u"scrt2Domain"_s).toString();
        const QString name = domain.contains(u".sandbox."_s, Qt::CaseInsensitive) ? u"sandbox"_s : u"production"_s;
        QJsonObject environment{{u"name"_s, name}};
        for (const QString& part : {u"org"_s, u"key"_s, u"trunk"_s}) {
            if (root.contains(part)) {
                environment.insert(part, root.take(part));
            }
        }
        if (!root.contains(u"environments"_s)) {
            root.insert(u"environments"_s, QJsonArray{environment});
            root.insert(u"environment"_s, name);
            if (notices) {
                notices->append(diagnostics::make(
                    "PRJ008",
                    handoff::project::tr(
                        "This project was written by an older version, which had one org per project. Its org "
                        "settings, key and trunk are now the environment \"%1\"; add others (a sandbox, production) "
                        "on the Org & credentials page or with `handoff env add`.")
                        .arg(name),
                    diagnostics::Location{u"environment"_s}));
            }
        }
        root.insert(u"version"_s, 4);
        return {};
    }
    default:
        break;
    }
    return fail(u"PRJ003"_s, handoff::project::tr("There is no migration from project version %1.").arg(fromVersion));
}

namespace {

// "realTransfers": [{"date": "2026-12-01", "uuiBytes": 712, "outcome": "success" | "failure", "note": "..."}]
void readRealTransfers(Section& top, ReadState& state) {
    const QJsonArray list = top.array(u"realTransfers"_s);
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = u"realTransfers[%1]"_s.arg(i);
        if (!list.at(i).isObject()) {
            top.invalid(path, handoff::project::tr("must be an object with date, uuiBytes and outcome."));
            return;
        }
        Section s(list.at(i).toObject(), path);
        RealTransferRecord r;
        const QString date = s.string(u"date"_s);
        r.date = QDate::fromString(date, Qt::ISODate);
        if (!r.date.isValid()) {
            s.invalid(u"date"_s, handoff::project::tr("must be a date such as 2026-12-01, not \"%1\".").arg(date));
        }
        r.uuiBytes = s.integer(u"uuiBytes"_s, 0);
        if (r.uuiBytes < 0) {
            s.invalid(u"uuiBytes"_s, handoff::project::tr("must be 0 or more."));
        }
        const QString outcome = s.string(u"outcome"_s);
        if (outcome != u"success"_s && outcome != u"failure"_s) {
            s.invalid(u"outcome"_s,
                      handoff::project::tr("must be \"success\" or \"failure\", not \"%1\".").arg(outcome));
        }
        r.succeeded = outcome == u"success"_s;
        r.note = s.string(u"note"_s);
        keepUnknown(s, state);
        top.adoptError(s);
        state.project->realTransfers.append(r);
    }
}

// "environments": [{"name": "production", "org": {...}, "key": {...}, "trunk": {...}, "sipAddress": "+1..."}],
// "environment": "production" (the one the file opens on). Each environment is read with the readers of the
// version 3 sections into a scratch project, so that its problems and unknown keys name their real path.
void readEnvironments(Section& top, ReadState& state) {
    const QString selected = top.string(u"environment"_s);
    const QJsonArray list = top.array(u"environments"_s);
    if (list.isEmpty() && !top.error()) {
        top.invalid(u"environments"_s, handoff::project::tr("must list at least one environment, such as {\"name\": "
                                                            "\"production\", \"org\": {...}}."));
        return;
    }
    QList<Environment> environments;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = u"environments[%1]"_s.arg(i);
        if (!list.at(i).isObject()) {
            top.invalid(path, handoff::project::tr("must be an object with a name, org, key and trunk."));
            return;
        }
        Section s(list.at(i).toObject(), path);
        Project scratch;
        ReadState inner{&scratch, state.diagnostics};
        Environment e;
        e.name = s.string(u"name"_s);
        if (auto ok = Project::checkEnvironmentName(e.name); !ok) {
            s.invalid(u"name"_s, ok.error().message);
        }
        for (const Environment& other : std::as_const(environments)) {
            if (other.name.compare(e.name, Qt::CaseInsensitive) == 0) {
                s.invalid(u"name"_s, handoff::project::tr("\"%1\" names two environments; rename one.").arg(e.name));
            }
        }
        readOrg(s.object(u"org"_s), inner, s);
        readKey(s.object(u"key"_s), inner, s);
        readTrunk(s.object(u"trunk"_s), inner, s);
        e.sipAddress = s.string(u"sipAddress"_s);
        keepUnknown(s, inner);
        top.adoptError(s);
        e.org = scratch.org;
        e.key = scratch.key;
        e.trunk = scratch.trunk;
        for (auto it = scratch.unknown.begin(); it != scratch.unknown.end(); ++it) {
            QString part = it.key().mid(path.size());
            if (part.startsWith(u'.')) {
                part.remove(0, 1);
            }
            e.unknown.insert(part, it.value());
        }
        environments.append(e);
    }
    if (top.error()) {
        return;
    }
    const bool known = std::any_of(environments.cbegin(), environments.cend(), [&selected](const Environment& e) {
        return e.name.compare(selected, Qt::CaseInsensitive) == 0;
    });
    if (!selected.isEmpty() && !known) {
        QStringList names;
        for (const Environment& e : std::as_const(environments)) {
            names.append(e.name);
        }
        top.invalid(u"environment"_s, handoff::project::tr("names no environment of the file (\"%1\"); it has: %2.")
                                          .arg(selected, names.join(u", "_s)));
        return;
    }
    state.project->setEnvironments(environments, selected);
    state.project->defaultEnvironment = state.project->environment;
}

} // namespace

Result<Loaded> parse(const QByteArray& data) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        const handoff::text::TextPosition lc = handoff::text::positionAt(data, qMax(0, error.offset - 1));
        return fail(u"PRJ001"_s, handoff::project::tr(
                                     "The project file is not valid JSON: %1 at line %2, column %3. The file was not "
                                     "changed.")
                                     .arg(error.errorString())
                                     .arg(lc.line)
                                     .arg(lc.column));
    }
    if (!doc.isObject() || doc.object().value(u"format"_s).toString() != QLatin1StringView(kFormat)) {
        return fail(u"PRJ006"_s,
                    handoff::project::tr("This is not a Handoff Studio project (\"format\" must be \"%1\").")
                        .arg(QLatin1StringView(kFormat)));
    }
    QJsonObject root = doc.object();
    if (const auto where = findPrivateKey(root, QString())) {
        return fail(u"PRJ005"_s,
                    handoff::project::tr(
                        "The project file holds a private key (in \"%1\"); it was not opened, because project files "
                        "must never carry keys. Remove the key from the file, and import it into the keychain or "
                        "refer to a key file instead.")
                        .arg(*where));
    }
    const QJsonValue versionValue = root.value(u"version"_s);
    const double versionNumber = versionValue.toDouble(-1);
    if (!versionValue.isDouble() || versionNumber < 1 || versionNumber != std::floor(versionNumber)) {
        return fail(u"PRJ003"_s, handoff::project::tr("\"version\" must be a whole number of 1 or more."));
    }
    // Compared as a double first: a version too large for an int is newer too, and casting it would be undefined
    // (a finding of fuzz_project_file).
    if (versionNumber > kCurrentVersion) {
        return fail(u"PRJ002"_s, handoff::project::tr(
                                     "The project file has version %1, but this Handoff Studio reads up to version %2. "
                                     "Open it with a newer Handoff Studio; the file was not changed.")
                                     .arg(QString::number(versionNumber, 'g', 20))
                                     .arg(kCurrentVersion));
    }
    const int version = static_cast<int>(versionNumber);
    diagnostics::Diagnostics notices;
    for (int v = version; v < kCurrentVersion; ++v) {
        if (auto step = migrateStep(root, v, &notices); !step) {
            return tl::unexpected(step.error());
        }
    }

    Loaded loaded;
    loaded.diagnostics = notices;
    loaded.fileVersion = version;
    ReadState state{&loaded.project, &loaded.diagnostics};
    Section top(root, QString());
    top.string(u"format"_s);
    top.integer(u"version"_s, kCurrentVersion);
    loaded.project.name = top.string(u"name"_s);
    readEnvironments(top, state);
    readTokens(top.object(u"tokens"_s), state, top);
    readUui(top.object(u"uui"_s), state, top);
    readExports(top.object(u"exports"_s), state, top);
    readFunctionDataAction(top.object(u"functionDataAction"_s), state, top);
    if (top.has(u"testCall"_s)) {
        readTestCall(top.object(u"testCall"_s), state, top);
    }
    // The flow and the scenarios (version 2): read by core/flow, whose problems (FLW005) name the field.
    top.object(u"flow"_s);
    const flow::FlowReadResult flowRead = flow::flowFromJson(root.value(u"flow"_s).toObject(), u"flow"_s);
    diagnostics::Diagnostics flowProblems = flowRead.diagnostics;
    loaded.project.flow = flowRead.flow;
    loaded.project.scenarios = flow::scenariosFromJson(top.array(u"scenarios"_s), flowProblems);
    readRealTransfers(top, state);
    keepUnknown(top, state);
    if (!top.error()) {
        for (const diagnostics::Diagnostic& d : std::as_const(flowProblems)) {
            if (d.isError()) {
                return failAt(d.code, handoff::project::tr("\"%1\": %2").arg(d.where.field, d.message), d.where.field);
            }
        }
        loaded.diagnostics.append(flowProblems); // warnings (FLW006)
    }
    if (top.error()) {
        return tl::unexpected(*top.error());
    }
    return loaded;
}

Result<Loaded> load(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(u"IO003"_s, handoff::project::tr("Cannot open %1: %2.").arg(path, file.errorString()));
    }
    auto loaded = parse(file.readAll());
    if (!loaded) {
        qCInfo(lcProject) << "not loaded:" << path << loaded.error().code;
    }
    return loaded;
}

QByteArray serialize(const Project& p) {
    QJsonObject root = p.unknown.value(QString());
    root.insert(u"format"_s, QLatin1StringView(kFormat));
    root.insert(u"version"_s, kCurrentVersion);
    root.insert(u"name"_s, p.name);
    root.insert(u"environment"_s, p.defaultEnvironment);
    QJsonArray environments;
    for (const Environment& e : p.environments()) {
        environments.append(environmentJson(e));
    }
    root.insert(u"environments"_s, environments);
    root.insert(u"tokens"_s, merged(p, u"tokens"_s,
                                    {{u"uui"_s, merged(p, u"tokens.uui"_s, policyJson(p.uuiToken))},
                                     {u"api"_s, merged(p, u"tokens.api"_s, policyJson(p.apiToken))}}));
    QJsonArray params;
    for (const uui::CustomParam& param : p.uui.customParams) {
        params.append(QJsonObject{{u"key"_s, param.key}, {u"value"_s, param.value}});
    }
    QJsonObject uuiObject{{u"includeOrgId"_s, p.uui.includeOrgId},
                          {u"callId"_s, p.uui.callId},
                          {u"includeCallId"_s, p.uui.includeCallId},
                          {u"parameters"_s, params}};
    if (p.uui.transactionId) {
        uuiObject.insert(u"transactionId"_s, *p.uui.transactionId);
    }
    root.insert(u"uui"_s, merged(p, u"uui"_s, uuiObject));
    root.insert(u"exports"_s, merged(p, u"exports"_s,
                                     {{u"tokenVariable"_s, p.exports.tokenVariable},
                                      {u"callIdVariable"_s, p.exports.callIdVariable},
                                      {u"bindToken"_s, p.exports.bindToken},
                                      {u"bindCallId"_s, p.exports.bindCallId}}));
    if (!p.functionDataAction.isDefault() || p.unknown.contains(u"functionDataAction"_s)) {
        root.insert(u"functionDataAction"_s, merged(p, u"functionDataAction"_s,
                                                    {{u"runtime"_s, p.functionDataAction.runtime},
                                                     {u"timeoutSeconds"_s, p.functionDataAction.timeoutSeconds}}));
    }
    if (p.testCall) {
        const telephony::TestCallSettings& t = *p.testCall;
        QJsonArray attributes;
        for (const telephony::CallAttribute& a : t.callAttributes) {
            attributes.append(QJsonObject{{u"field"_s, a.field}, {u"value"_s, a.value}});
        }
        root.insert(u"testCall"_s, merged(p, u"testCall"_s,
                                          {{u"target"_s, telephony::testCallTargetKey(t.target)},
                                           {u"to"_s, t.to},
                                           {u"from"_s, t.from},
                                           {u"initiationMethod"_s, telephony::initiationMethodName(t.initiationMethod)},
                                           {u"callOrigin"_s, t.callOrigin},
                                           {u"callSubtype"_s, t.callSubtype},
                                           {u"queue"_s, t.queue},
                                           {u"callAttributes"_s, attributes},
                                           {u"telephonyProviderName"_s, t.telephonyProviderName},
                                           {u"defaultRegion"_s, t.defaultRegion}}));
    }
    root.insert(u"flow"_s, flow::toJson(p.flow));
    root.insert(u"scenarios"_s, flow::scenariosToJson(p.scenarios));
    if (!p.realTransfers.isEmpty()) {
        QJsonArray transfers;
        for (qsizetype i = 0; i < p.realTransfers.size(); ++i) {
            const RealTransferRecord& r = p.realTransfers.at(i);
            transfers.append(merged(p, u"realTransfers[%1]"_s.arg(i),
                                    {{u"date"_s, r.date.toString(Qt::ISODate)},
                                     {u"uuiBytes"_s, r.uuiBytes},
                                     {u"outcome"_s, r.succeeded ? u"success"_s : u"failure"_s},
                                     {u"note"_s, r.note}}));
        }
        root.insert(u"realTransfers"_s, transfers);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<void> save(const Project& project, const QString& path) {
    return io::saveAtomically(path, serialize(project));
}

} // namespace ProjectFile

} // namespace handoff::project
