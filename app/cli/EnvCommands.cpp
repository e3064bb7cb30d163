// `handoff env ...`: the project's environments (docs/environments.md): list them, add, change, rename and remove
// one, and choose the one the file opens on. Every change is saved atomically, or not at all when it is refused.
#include "CliContext.h"
#include "ProjectLoading.h"
#include "common/SaveFile.h"
#include "project/ProjectFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace handoff::cli {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::cli", text);
}

QJsonObject environmentJson(const project::Project& p, const project::Environment& e) {
    return QJsonObject{
        {u"name"_s, e.name},
        {u"default"_s, e.name == p.defaultEnvironment},
        {u"orgId"_s, e.org.orgId},
        {u"scrt2Domain"_s, e.org.scrt2Domain},
        {u"callCenterApiName"_s, e.org.callCenterApiName},
        {u"customerType"_s, salesforce::customerTypeKey(e.org.customerType)},
        {u"sipAddress"_s, e.sipAddress},
        {u"keychainId"_s, e.key.keychainId},
        {u"keyFile"_s, e.key.keyFile},
        {u"certificateFile"_s, e.key.certificateFile},
    };
}

int runList(Context& context, const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the project's environments: each one's org, SCRT2 domain, call "
                                        "center, SIP address and key reference; * marks the one the file opens on."));
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project, or - for standard input."));
    const QCommandLineOption json(u"json"_s, tr("Print them as JSON."));
    parser.addOption(json);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    auto loaded = loadProjectArgument(context, parser);
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    const project::Project& p = std::get<LoadedProject>(loaded).project;
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const project::Environment& e : p.environments()) {
            list.append(environmentJson(p, e));
        }
        context.printJson(QJsonObject{{u"environments"_s, list}, {u"default"_s, p.defaultEnvironment}});
        return Ok;
    }
    for (const project::Environment& e : p.environments()) {
        const QString none = tr("(none)");
        context.out() << (e.name == p.defaultEnvironment ? u"* "_s : u"  "_s) << e.name << u'\n' << u"    "_s
                      << tr("org id:        ") << (e.org.orgId.isEmpty() ? none : e.org.orgId) << u'\n' << u"    "_s
                      << tr("SCRT2 domain:  ") << (e.org.scrt2Domain.isEmpty() ? none : e.org.scrt2Domain) << u'\n'
                      << u"    "_s << tr("call center:   ")
                      << (e.org.callCenterApiName.isEmpty() ? none : e.org.callCenterApiName) << u'\n' << u"    "_s
                      << tr("SIP address:   ")
                      << (e.sipAddress.isEmpty() ? tr("(the flow's Transfer to Number)") : e.sipAddress) << u'\n'
                      << u"    "_s << tr("key:           ")
                      << (!e.key.keyFile.isEmpty()      ? e.key.keyFile
                          : !e.key.keychainId.isEmpty() ? tr("in the keychain (%1)").arg(e.key.keychainId)
                                                        : none)
                      << u'\n';
    }
    context.out() << Qt::flush;
    return Ok;
}

// What the changing commands share: load PROJECT (the first positional), change it, save it whole or not at all.
struct Change {
    QString usage; // the positional arguments after PROJECT
    int positionals = 0;
    std::function<Result<QString>(project::Project&, const QStringList& args, const QCommandLineParser&)> apply;
};

int runChange(Context& context, const QStringList& args, const QString& description, const Change& change,
              const QList<QCommandLineOption>& extra = {}) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        description + u"\n\n"_s +
        tr("Exit codes: 0 done, 1 refused (the code says why; the file is unchanged), 2 usage, 3 the file could not "
           "be read or written."));
    parser.addPositionalArgument(u"project"_s, tr("The .handoff project (- reads standard input and writes the "
                                                  "result to standard output)."));
    if (!change.usage.isEmpty()) {
        parser.addPositionalArgument(change.usage, tr("See above."));
    }
    const QCommandLineOption json(u"json"_s, tr("Print the outcome as JSON."));
    parser.addOption(json);
    parser.addOptions(extra);
    if (auto code = parseCommandLine(parser, args, context)) {
        return *code;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 + change.positionals) {
        return context.usageError(change.usage.isEmpty() ? tr("Give the project file.")
                                                         : tr("Give the project file and %1.").arg(change.usage));
    }
    auto loaded = loadProject(context, positional.constFirst(), environmentArgument(parser));
    if (const int* code = std::get_if<int>(&loaded)) {
        return *code;
    }
    LoadedProject& lp = std::get<LoadedProject>(loaded);
    const diagnostics::Diagnostics before = lp.project.validate();
    auto applied = change.apply(lp.project, positional.mid(1), parser);
    if (applied) {
        // A value the settings' own rules refuse (a SIP address that is not E.164, an org id that is none) is not
        // saved: the message says which and why.
        for (const diagnostics::Diagnostic& d : lp.project.validate()) {
            const bool old = std::any_of(before.cbegin(), before.cend(), [&d](const diagnostics::Diagnostic& b) {
                return b.code == d.code && b.where.field == d.where.field;
            });
            if (d.isError() && !old) {
                applied = tl::unexpected(Error{d.code, d.message, d.where.field});
                break;
            }
        }
    }
    if (!applied) {
        if (applied.error().code == u"usage"_s) {
            return context.usageError(applied.error().message);
        }
        if (parser.isSet(json)) {
            context.printJson(QJsonObject{
                {u"ok"_s, false},
                {u"error"_s, QJsonObject{{u"code"_s, applied.error().code}, {u"message"_s, applied.error().message}}}});
        } else {
            context.reportError(applied.error(), Problems);
            context.err() << tr("The project was not changed.") << u'\n' << Qt::flush;
        }
        return Problems;
    }
    const QByteArray bytes = project::ProjectFile::serialize(lp.project);
    if (lp.path == u"-"_s) {
        context.out() << QString::fromUtf8(bytes) << Qt::flush;
    } else if (auto written = io::saveAtomically(lp.path, bytes); !written) {
        return context.reportError(written.error(), Failure);
    }
    diagnostics::Diagnostics problems = lp.project.validate();
    locate(problems, bytes, lp.project);
    if (parser.isSet(json)) {
        if (lp.path != u"-"_s) {
            context.printJson(
                QJsonObject{{u"ok"_s, true},
                            {u"message"_s, *applied},
                            {u"environment"_s, environmentJson(lp.project, lp.project.currentEnvironment())},
                            {u"diagnostics"_s, Context::diagnosticsToJson(problems)}});
        }
    } else {
        context.err() << *applied << u'\n' << Qt::flush;
        context.printDiagnostics(problems, lp.path == u"-"_s ? QString() : lp.path);
    }
    return Ok;
}

// The settings an environment has, as options of `env add` and `env set`.
struct SettingOptions {
    QCommandLineOption orgId{u"org-id"_s, tr("The org id (15 or 18 characters, 00D...)."), u"id"_s};
    QCommandLineOption domain{u"scrt2-domain"_s, tr("The SCRT2 domain, <name>.my.salesforce-scrt.com."), u"domain"_s};
    QCommandLineOption callCenter{u"call-center"_s, tr("The Call Center API name."), u"name"_s};
    QCommandLineOption customerType{u"customer-type"_s, tr("scv (Salesforce Voice with telephony providers) or other."),
                                    u"scv|other"_s};
    QCommandLineOption sipAddress{
        u"sip-address"_s, tr("The Agentforce Voice SIP address in E.164 form; \"\" to use the flow's own."), u"e164"_s};
    QCommandLineOption keyFile{u"key-file"_s,
                               tr("The private key file (PEM) this environment's tokens are signed "
                                  "with (a path; the key never goes into the project)."),
                               u"file"_s};
    QCommandLineOption certificateFile{u"certificate-file"_s, tr("The certificate uploaded to this environment's org."),
                                       u"file"_s};

    QList<QCommandLineOption> all() const {
        return {orgId, domain, callCenter, customerType, sipAddress, keyFile, certificateFile};
    }
    // Writes the given options into the selected environment; "usage" on a bad value.
    Result<void> apply(project::Project& p, const QCommandLineParser& parser) const {
        if (parser.isSet(customerType)) {
            const auto type = salesforce::customerTypeFromKey(parser.value(customerType));
            if (!type) {
                return fail(u"usage"_s, tr("--customer-type must be scv or other."));
            }
            p.org.customerType = *type;
        }
        if (parser.isSet(orgId)) {
            p.org.orgId = parser.value(orgId).trimmed();
        }
        if (parser.isSet(domain)) {
            p.org.scrt2Domain = parser.value(domain).trimmed();
        }
        if (parser.isSet(callCenter)) {
            p.org.callCenterApiName = parser.value(callCenter).trimmed();
        }
        if (parser.isSet(sipAddress)) {
            p.sipAddress = parser.value(sipAddress).trimmed();
        }
        if (parser.isSet(keyFile)) {
            p.key.keyFile = parser.value(keyFile);
        }
        if (parser.isSet(certificateFile)) {
            p.key.certificateFile = parser.value(certificateFile);
        }
        return {};
    }
    bool anySet(const QCommandLineParser& parser) const {
        for (const QCommandLineOption& o : all()) {
            if (parser.isSet(o)) {
                return true;
            }
        }
        return false;
    }
};

int runAdd(Context& context, const QStringList& args) {
    const SettingOptions settings;
    const QCommandLineOption from(u"from"_s, tr("Copy the settings of this environment (default: the selected one)."),
                                  u"name"_s);
    Change change{u"name"_s, 1, [&](project::Project& p, const QStringList& a, const QCommandLineParser& parser) {
                      const QString name = a.constFirst();
                      if (auto added = p.addEnvironment(name, parser.value(from)); !added) {
                          return Result<QString>(tl::unexpected(added.error()));
                      }
                      // The new one's settings: the copy, then the options.
                      const QString source = parser.value(from).isEmpty() ? p.environment : parser.value(from);
                      (void)p.selectEnvironment(name); // selected for this command only: the file's default stays
                      if (auto set = settings.apply(p, parser); !set) {
                          return Result<QString>(tl::unexpected(set.error()));
                      }
                      return Result<QString>(
                          tr("Added the environment \"%1\" (a copy of \"%2\"). Give it its own org and key with "
                             "'handoff env set PROJECT --env %1 --org-id ... --key-file ...'.")
                              .arg(name, source));
                  }};
    QList<QCommandLineOption> extra = settings.all();
    extra.append(from);
    return runChange(context, args,
                     tr("Adds an environment (a sandbox, production ...) to the project: a copy of another one's "
                        "settings, changed by the options given."),
                     change, extra);
}

int runSet(Context& context, const QStringList& args) {
    const SettingOptions settings;
    Change change{QString(), 0, [&](project::Project& p, const QStringList&, const QCommandLineParser& parser) {
                      if (!settings.anySet(parser)) {
                          return Result<QString>(
                              fail(u"usage"_s, tr("Give at least one setting to change (see --help).")));
                      }
                      if (auto set = settings.apply(p, parser); !set) {
                          return Result<QString>(tl::unexpected(set.error()));
                      }
                      return Result<QString>(tr("Changed the environment \"%1\".").arg(p.environment));
                  }};
    QList<QCommandLineOption> extra = settings.all();
    extra.append(environmentOption());
    return runChange(context, args,
                     tr("Changes the settings of one environment: the one --env names, else the one the file "
                        "opens on."),
                     change, extra);
}

int runRename(Context& context, const QStringList& args) {
    Change change{u"name new-name"_s, 2, [](project::Project& p, const QStringList& a, const QCommandLineParser&) {
                      if (auto renamed = p.renameEnvironment(a.at(0), a.at(1)); !renamed) {
                          return Result<QString>(tl::unexpected(renamed.error()));
                      }
                      return Result<QString>(tr("Renamed the environment \"%1\" to \"%2\".").arg(a.at(0), a.at(1)));
                  }};
    return runChange(context, args, tr("Renames an environment."), change);
}

int runRemove(Context& context, const QStringList& args) {
    Change change{
        u"name"_s, 1, [](project::Project& p, const QStringList& a, const QCommandLineParser&) {
            if (auto removed = p.removeEnvironment(a.at(0)); !removed) {
                return Result<QString>(tl::unexpected(removed.error()));
            }
            return Result<QString>(
                tr("Removed the environment \"%1\"; the project opens on \"%2\".").arg(a.at(0), p.defaultEnvironment));
        }};
    return runChange(context, args,
                     tr("Removes an environment and its settings (its key stays where it is). The last one cannot "
                        "be removed."),
                     change);
}

int runDefault(Context& context, const QStringList& args) {
    Change change{u"name"_s, 1, [](project::Project& p, const QStringList& a, const QCommandLineParser&) {
                      if (auto selected = p.selectEnvironment(a.at(0)); !selected) {
                          return Result<QString>(tl::unexpected(selected.error()));
                      }
                      p.defaultEnvironment = p.environment;
                      return Result<QString>(tr("The project now opens on \"%1\".").arg(p.environment));
                  }};
    return runChange(context, args,
                     tr("Chooses the environment the project opens on, in the app and in every command without "
                        "--env."),
                     change);
}

} // namespace

CommandGroup envCommands() {
    const QString summary = tr("The project's environments: one org, key, trunk and SIP address each");
    return {u"env"_s, summary, [summary](Context& context, const QStringList& args) {
                return dispatchSubcommands(
                    context, u"env"_s, summary,
                    {
                        {u"list"_s, tr("List the environments and their settings."), runList},
                        {u"add"_s, tr("Add one: env add PROJECT NAME [--from ENV] [settings]."), runAdd},
                        {u"set"_s, tr("Change one's settings: env set PROJECT [--env NAME] [settings]."), runSet},
                        {u"rename"_s, tr("Rename one: env rename PROJECT NAME NEW."), runRename},
                        {u"remove"_s, tr("Remove one: env remove PROJECT NAME."), runRemove},
                        {u"default"_s, tr("Choose the one the project opens on."), runDefault},
                    },
                    args);
            }};
}

} // namespace handoff::cli
