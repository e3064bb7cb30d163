#include "ProjectExports.h"

#include "exports/SetUuiDataExport.h"
#include "flow/Expression.h"
#include "project/SimulationSetup.h"

#include <QCoreApplication>
#include <QSet>

#include <functional>

using namespace Qt::StringLiterals;

namespace handoff::project {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::project", text);
}

QString uuiExpressionFor(const Project& project, const flow::SetUuiDataProps& p) {
    exports::ExportBindings bindings;
    bindings.tokenVariable = p.tokenVariable;
    bindings.callIdVariable = p.callIdVariable;
    bindings.bindCallId = !p.callIdVariable.isEmpty();
    // The token is bound to its variable, so the text given here never reaches the expression.
    return exports::exportSetUuiData(project.uuiModel(u"TOKEN"_s), bindings).expression;
}

bool isLiteralNumber(const flow::TransferProps& p) {
    return exports::parseStringLiteral(p.number).has_value();
}

// Calls `visit` for every action list of the flow, outputs included, depth first.
void forEachList(flow::ActionList& list, const std::function<void(flow::ActionList&)>& visit) {
    visit(list);
    for (flow::Action& a : list) {
        for (flow::Output& o : a.outputs) {
            forEachList(o.actions, visit);
        }
    }
}
void forEachList(flow::Flow& flow, const std::function<void(flow::ActionList&)>& visit) {
    for (flow::Task& t : flow.tasks) {
        forEachList(t.actions, visit);
    }
}

// Architect's If(condition, then, else).
QString ifExpression(const QString& condition, const QString& then, const QString& otherwise) {
    return u"If("_s + condition + u", "_s + then + u", "_s + otherwise + u')';
}

QString uniqueId(const QString& wanted, QSet<QString>& taken) {
    QString id = wanted;
    for (int n = 2; taken.contains(id); ++n) {
        id = wanted + u'-' + QString::number(n);
    }
    taken.insert(id);
    return id;
}

} // namespace

exports::ArchyExportOptions archyExportOptions(const Project& project) {
    exports::ArchyExportOptions options;
    options.uuiExpression = [project](const flow::SetUuiDataProps& p) { return uuiExpressionFor(project, p); };
    return options;
}

const flow::Flow& environmentFlow(const Project& project, flow::Flow& scratch) {
    if (project.sipAddress.isEmpty()) {
        return project.flow;
    }
    bool changed = false;
    flow::Flow out = project.flow;
    const QString number = flow::quoteStringLiteral(project.sipAddress);
    forEachList(out, [&](flow::ActionList& list) {
        for (flow::Action& a : list) {
            if (auto* t = a.as<flow::TransferProps>(); t && isLiteralNumber(*t) && t->number != number) {
                t->number = number;
                changed = true;
            }
        }
    });
    if (!changed) {
        return project.flow;
    }
    scratch = std::move(out);
    return scratch;
}

flow::Flow archyFlow(const Project& project) {
    const QList<Environment> environments = project.environments();
    if (environments.size() < 2) {
        flow::Flow scratch;
        return environmentFlow(project, scratch);
    }
    flow::Flow out = project.flow;
    QSet<QString> taken;
    out.forEachAction([&taken](const flow::Task&, const flow::Action& a) { taken.insert(a.id); });
    const QString variable = QString::fromLatin1(kEnvironmentVariable);
    auto isEnvironment = [&variable](const QString& name) -> QString {
        return variable + u" == "_s + flow::quoteStringLiteral(name);
    };

    // Transfer to Number: the selected environment's address by the variable, when any environment has one.
    bool anyAddress = false;
    for (const Environment& e : environments) {
        anyAddress = anyAddress || !e.sipAddress.isEmpty();
    }
    forEachList(out, [&](flow::ActionList& list) {
        for (flow::Action& a : list) {
            auto* t = a.as<flow::TransferProps>();
            if (!anyAddress || !t || !isLiteralNumber(*t)) {
                continue;
            }
            // If(Flow.HandoffEnvironment == "sandbox", "+1...", If(..., the last environment's))
            QString expression;
            for (qsizetype i = environments.size() - 1; i >= 0; --i) {
                const Environment& e = environments.at(i);
                const QString number = e.sipAddress.isEmpty() ? t->number : flow::quoteStringLiteral(e.sipAddress);
                expression = expression.isEmpty() ? number : ifExpression(isEnvironment(e.name), number, expression);
            }
            t->number = expression;
        }
    });

    // Each Set UUI Data that sends the template: one per environment, chosen by Decisions on the variable.
    forEachList(out, [&](flow::ActionList& list) {
        for (flow::Action& a : list) {
            const auto* u = a.as<flow::SetUuiDataProps>();
            if (!u || u->source != flow::UuiSource::ProjectTemplate) {
                continue;
            }
            const flow::Action original = a;
            auto uuiFor = [&](const Environment& e) {
                Project inEnvironment = project;
                (void)inEnvironment.selectEnvironment(e.name);
                flow::Action set = original;
                set.id = uniqueId(original.id + u'-' + e.name.toLower(), taken);
                set.name = original.name + u" ("_s + e.name + u')';
                flow::SetUuiDataProps props = *original.as<flow::SetUuiDataProps>();
                props.source = flow::UuiSource::Expression;
                props.expression = uuiExpressionFor(inEnvironment, props);
                set.props = props;
                return set;
            };
            // The last environment takes the last Decision's "no" path.
            flow::ActionList chain{uuiFor(environments.constLast())};
            for (qsizetype i = environments.size() - 2; i >= 0; --i) {
                const Environment& e = environments.at(i);
                flow::Action decision = flow::Action::make(uniqueId(original.id + u"-is-"_s + e.name.toLower(), taken),
                                                           handoff::project::tr("Environment %1?").arg(e.name),
                                                           flow::DecisionProps{isEnvironment(e.name)});
                *decision.output(QString::fromLatin1(flow::kPathYes)) = flow::ActionList{uuiFor(e)};
                *decision.output(QString::fromLatin1(flow::kPathNo)) = std::move(chain);
                chain = flow::ActionList{std::move(decision)};
            }
            a = std::move(chain.front());
        }
    });

    // The template's org variables: set by environment at the top of the starting task.
    flow::UpdateDataProps settings;
    const QList<std::pair<QString, QString>> names = environmentVariables(environments.constFirst());
    for (qsizetype n = 0; n < names.size(); ++n) {
        const QString& name = names.at(n).first;
        if (!out.variable(name)) {
            continue;
        }
        QString expression;
        for (qsizetype i = environments.size() - 1; i >= 0; --i) {
            const QString value = flow::quoteStringLiteral(environmentVariables(environments.at(i)).at(n).second);
            expression =
                expression.isEmpty() ? value : ifExpression(isEnvironment(environments.at(i).name), value, expression);
        }
        settings.assignments.append({name, expression, {}});
    }
    if (flow::Task* start = out.task(out.startTaskId); start && !settings.assignments.isEmpty()) {
        start->actions.insert(start->actions.begin(),
                              flow::Action::make(uniqueId(u"environment-settings"_s, taken),
                                                 handoff::project::tr("Environment settings"), settings));
    }

    flow::Variable v;
    v.name = variable;
    v.type = flow::ValueType::String;
    v.initial = flow::Value::string(project.environment);
    v.description =
        handoff::project::tr(
            "The Salesforce environment this flow hands calls to (%1). Handoff Studio exported the flow for \"%2\"; "
            "set the initial value to another environment's name to switch.")
            .arg(project.environmentNames().join(u", "_s), project.environment);
    out.variables.removeIf([&variable](const flow::Variable& x) { return x.name == variable; });
    out.variables.append(v);
    return out;
}

Result<QByteArray> exportArchy(const Project& project) {
    return exports::exportArchy(archyFlow(project), archyExportOptions(project));
}

} // namespace handoff::project
