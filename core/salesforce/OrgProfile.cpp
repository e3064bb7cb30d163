#include "OrgProfile.h"

#include "diagnostics/Catalog.h"
#include "salesforce/SalesforceId.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace handoff::salesforce {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::salesforce", text);
}

constexpr qsizetype kMaxDomainBytes = 128;
constexpr qsizetype kMaxApiNameLength = 80;
const QString kScrtSuffix = u".salesforce-scrt.com"_s;
const QString kMySuffix = u".my.salesforce-scrt.com"_s;
const QString kBasePath = u"/telephony/v1"_s;

} // namespace

QString customerTypeKey(CustomerType type) {
    return type == CustomerType::VoiceWithTelephonyProviders ? u"scv"_s : u"other"_s;
}

std::optional<CustomerType> customerTypeFromKey(QStringView key) {
    if (key == u"scv"_s) {
        return CustomerType::VoiceWithTelephonyProviders;
    }
    if (key == u"other"_s) {
        return CustomerType::Other;
    }
    return std::nullopt;
}

QString customerTypeName(CustomerType type) {
    return type == CustomerType::VoiceWithTelephonyProviders
               ? handoff::salesforce::tr("Salesforce Voice with Telephony Providers")
               : handoff::salesforce::tr("Other (including Open CTI)");
}

QString scrt2BaseUrl(QStringView domain) {
    return u"https://"_s + domain.toString() + kBasePath;
}

Scrt2Address parseScrt2(QStringView input, const QString& field) {
    Scrt2Address result;
    const diagnostics::Location where{field};
    auto error = [&](const char* code, const QString& message) {
        result.diagnostics.append(diagnostics::make(code, message, where));
    };
    const QString original = input.trimmed().toString();
    if (original.isEmpty()) {
        error("ORG002", handoff::salesforce::tr(
                            "The SCRT2 domain is empty. Enter it as <name>.my.salesforce-scrt.com (it is shown in "
                            "Setup with the contact center's telephony settings)."));
        return result;
    }
    QString rest = original;
    QStringList notes;
    static const QRegularExpression scheme(u"^([A-Za-z][A-Za-z0-9+.-]*)://"_s);
    if (const auto m = scheme.match(rest); m.hasMatch()) {
        const QString name = m.captured(1).toLower();
        if (name == u"http"_s) {
            notes << handoff::salesforce::tr("http:// was replaced by https://, the only scheme Salesforce accepts");
        } else if (name != u"https"_s) {
            error("ORG003", handoff::salesforce::tr(
                                "'%1' uses the scheme %2://; the SCRT2 address is an https:// address or a bare "
                                "domain such as mycompany.my.salesforce-scrt.com.")
                                .arg(original, name));
            return result;
        }
        rest = rest.mid(m.capturedLength());
    }
    QString host = rest;
    QString path;
    if (const qsizetype slash = rest.indexOf(u'/'); slash >= 0) {
        host = rest.left(slash);
        path = rest.mid(slash);
    }
    while (path.endsWith(u'/')) {
        path.chop(1);
    }
    if (!path.isEmpty() && path != kBasePath) {
        notes
            << handoff::salesforce::tr("the path %1 was dropped (the base URL always ends in %2)").arg(path, kBasePath);
    }
    if (host.endsWith(u'.')) {
        host.chop(1);
    }
    const QString lower = host.toLower();
    if (lower != host) {
        notes << handoff::salesforce::tr("the domain was lower-cased");
    }
    host = lower;
    static const QRegularExpression hostChars(u"^[a-z0-9.-]+$"_s);
    if (host.isEmpty() || !hostChars.match(host).hasMatch()) {
        error("ORG003", handoff::salesforce::tr(
                            "'%1' is not a host name: a domain has only letters, digits, hyphens and dots (no "
                            "spaces, port or user). Enter it as <name>.my.salesforce-scrt.com.")
                            .arg(original));
        return result;
    }
    if (host.toUtf8().size() > kMaxDomainBytes) {
        error("ORG004", handoff::salesforce::tr(
                            "The SCRT2 domain has %1 bytes; the UUI field scrt2Domain allows at most %2. Check that "
                            "nothing else was pasted with it.")
                            .arg(QString::number(host.toUtf8().size()), QString::number(kMaxDomainBytes)));
    }
    if (!host.endsWith(kScrtSuffix)) {
        const QString hint =
            host.contains(u'.') ? QString() : handoff::salesforce::tr(" Did you mean %1?").arg(host + kMySuffix);
        error("ORG003",
              handoff::salesforce::tr("'%1' is not an SCRT2 domain: it must end in .my.salesforce-scrt.com (not the "
                                      "my.salesforce.com or lightning.force.com domain of the org).")
                      .arg(original) +
                  hint);
        return result;
    }
    if (host == kMySuffix.mid(1) || host == kScrtSuffix.mid(1)) {
        error("ORG003", handoff::salesforce::tr("'%1' lacks the My Domain name in front: enter it as "
                                                "<name>.my.salesforce-scrt.com.")
                            .arg(original));
        return result;
    }
    QString name;
    if (host.endsWith(kMySuffix)) {
        name = host.left(host.size() - kMySuffix.size());
    } else {
        name = host.left(host.size() - kScrtSuffix.size());
        result.diagnostics.append(diagnostics::make(
            "ORG006",
            handoff::salesforce::tr(
                "'%1' has no '.my.' before salesforce-scrt.com; Salesforce documents <name>.my.salesforce-scrt.com. "
                "Check the domain in Setup.")
                .arg(host),
            where));
    }
    static const QRegularExpression label(u"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"_s);
    static const QRegularExpression sandbox(u"^([a-z0-9]([a-z0-9-]*[a-z0-9])?)--([a-z0-9]+)\\.sandbox$"_s);
    if (const auto m = sandbox.match(name); m.hasMatch()) {
        result.sandbox = true;
        result.diagnostics.append(diagnostics::make(
            "ORG005",
            handoff::salesforce::tr(
                "'%1' is a sandbox domain (My Domain %2, sandbox %3). Salesforce does not document the sandbox form "
                "for SCRT2; it is assumed to work like production. Test the handoff in the sandbox before relying "
                "on it.")
                .arg(host, m.captured(1), m.captured(3)),
            where));
    } else if (!label.match(name).hasMatch() || name.contains(u"--"_s)) {
        error("ORG003", handoff::salesforce::tr(
                            "'%1' does not start with a valid My Domain name (letters, digits and single hyphens, "
                            "for example mycompany.my.salesforce-scrt.com).")
                            .arg(host));
        return result;
    }
    if (!notes.isEmpty()) {
        result.diagnostics.append(diagnostics::make(
            "ORG007",
            handoff::salesforce::tr("'%1' was read as the domain %2: %3.").arg(original, host, notes.join(u"; "_s)),
            where));
    }
    result.domain = host;
    result.baseUrl = scrt2BaseUrl(host);
    return result;
}

diagnostics::Diagnostics checkCallCenterApiName(QStringView name, const QString& field) {
    diagnostics::Diagnostics list;
    if (name.isEmpty()) {
        return list;
    }
    const QString text = name.toString();
    QString reason;
    static const QRegularExpression allowed(u"^[A-Za-z0-9_]+$"_s);
    if (!allowed.match(text).hasMatch()) {
        reason = handoff::salesforce::tr("it may contain only letters, digits and underscores (no spaces or hyphens)");
    } else if (!text.front().isLetter()) {
        reason = handoff::salesforce::tr("it must start with a letter");
    } else if (text.contains(u"__"_s)) {
        reason = handoff::salesforce::tr("it must not contain two underscores in a row");
    } else if (text.endsWith(u'_')) {
        reason = handoff::salesforce::tr("it must not end with an underscore");
    } else if (text.size() > kMaxApiNameLength) {
        reason = handoff::salesforce::tr("it has %1 characters, more than %2")
                     .arg(QString::number(text.size()), QString::number(kMaxApiNameLength));
    }
    if (!reason.isEmpty()) {
        list.append(diagnostics::make(
            "ORG009",
            handoff::salesforce::tr("'%1' is not a valid Call Center API name: %2. Copy the API name (not the "
                                    "label) from Setup > Call Centers.")
                .arg(text, reason),
            diagnostics::Location{field}));
    }
    return list;
}

diagnostics::Diagnostics OrgProfile::validate() const {
    diagnostics::Diagnostics list;
    const QString orgField = u"org.orgId"_s;
    if (orgId.trimmed().isEmpty()) {
        list.append(diagnostics::make(
            "ORG001",
            handoff::salesforce::tr("The org id is empty. Copy the Salesforce org id (00D...) from Setup > "
                                    "Company Information."),
            diagnostics::Location{orgField}));
    } else {
        list.append(checkId(orgId.trimmed(), orgField, IdKind::Organization));
        // Documentation and templates write ids such as 00DZ70000000XXX: valid in form, but nobody's org.
        const QString id = orgId.trimmed();
        if (id.contains(u"XXX"_s, Qt::CaseInsensitive) || id.contains(u"0000000000"_s)) {
            list.append(diagnostics::make(
                "ORG011",
                handoff::salesforce::tr("The org id %1 looks like a placeholder from an example. Copy your org's id "
                                        "from Setup > Company Information.")
                    .arg(id),
                diagnostics::Location{orgField}));
        }
    }
    list.append(parseScrt2(scrt2Domain).diagnostics);
    const QString ccField = u"org.callCenterApiName"_s;
    if (subRequired()) {
        if (callCenterApiName.trimmed().isEmpty()) {
            list.append(diagnostics::make(
                "ORG008",
                handoff::salesforce::tr("The Call Center API name is empty. Salesforce Voice with Telephony "
                                        "Providers customers put it in the token's sub claim; copy it from "
                                        "Setup > Call Centers, or change the customer type."),
                diagnostics::Location{ccField}));
        } else {
            list.append(checkCallCenterApiName(callCenterApiName, ccField));
        }
    } else if (!callCenterApiName.trimmed().isEmpty()) {
        list.append(diagnostics::make(
            "ORG010",
            handoff::salesforce::tr("The Call Center API name '%1' is not used: for this customer type the "
                                    "token has no sub claim. Clear it, or change the customer type to "
                                    "Salesforce Voice with Telephony Providers.")
                .arg(callCenterApiName),
            diagnostics::Location{ccField}));
    }
    return list;
}

} // namespace handoff::salesforce
