#include "Project.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace handoff::project {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("handoff::project", text);
}

// The selected environment's own unknown keys, kept in Project::unknown beside the file's other paths.
constexpr auto kSelectedUnknown = "environments[]";
const QString kUnknownParts[] = {u"org"_s, u"key"_s, u"trunk"_s};

Environment takeSelected(const Project& p) {
    Environment e;
    e.name = p.environment;
    e.org = p.org;
    e.key = p.key;
    e.trunk = p.trunk;
    e.sipAddress = p.sipAddress;
    if (p.unknown.contains(QLatin1StringView(kSelectedUnknown))) {
        e.unknown.insert(QString(), p.unknown.value(QLatin1StringView(kSelectedUnknown)));
    }
    for (const QString& part : kUnknownParts) {
        if (p.unknown.contains(part)) {
            e.unknown.insert(part, p.unknown.value(part));
        }
    }
    return e;
}

void putSelected(Project& p, const Environment& e) {
    p.environment = e.name;
    p.org = e.org;
    p.key = e.key;
    p.trunk = e.trunk;
    p.sipAddress = e.sipAddress;
    p.unknown.remove(QLatin1StringView(kSelectedUnknown));
    for (const QString& part : kUnknownParts) {
        p.unknown.remove(part);
    }
    for (auto it = e.unknown.begin(); it != e.unknown.end(); ++it) {
        p.unknown.insert(it.key().isEmpty() ? QString::fromLatin1(kSelectedUnknown) : it.key(), it.value());
    }
}

qsizetype indexOf(const QList<Environment>& list, const QString& environmentName) {
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).name.compare(environmentName, Qt::CaseInsensitive) == 0) {
            return i;
        }
    }
    return -1;
}

tl::unexpected<Error> unknownEnvironment(const QStringList& names, const QString& environmentName) {
    return fail(u"PRJ012"_s, handoff::project::tr("The project has no environment \"%1\"; it has: %2.")
                                 .arg(environmentName, names.join(u", "_s)));
}

} // namespace

QList<Environment> Project::environments() const {
    QList<Environment> all = otherEnvironments;
    all.insert(qBound<qsizetype>(0, environmentIndex, all.size()), takeSelected(*this));
    return all;
}

QStringList Project::environmentNames() const {
    QStringList names;
    for (const Environment& e : environments()) {
        names.append(e.name);
    }
    return names;
}

Environment Project::currentEnvironment() const {
    return takeSelected(*this);
}

bool Project::hasEnvironment(const QString& environmentName) const {
    return indexOf(environments(), environmentName) >= 0;
}

Result<void> Project::checkEnvironmentName(const QString& environmentName) {
    static const QRegularExpression valid(u"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$"_s);
    if (!valid.match(environmentName).hasMatch()) {
        return fail(u"PRJ010"_s,
                    handoff::project::tr("\"%1\" cannot name an environment: use 1 to 40 letters, digits, - or _, "
                                         "starting with a letter or digit (for example \"sandbox\" or \"production\").")
                        .arg(environmentName));
    }
    return {};
}

void Project::setEnvironments(const QList<Environment>& list, const QString& selected) {
    QList<Environment> all = list;
    if (all.isEmpty()) {
        all.append(Environment{environment, org, key, trunk, sipAddress, {}});
    }
    qsizetype at = indexOf(all, selected);
    if (at < 0) {
        at = 0;
    }
    putSelected(*this, all.at(at));
    all.removeAt(at);
    otherEnvironments = all;
    environmentIndex = at;
    if (indexOf(environments(), defaultEnvironment) < 0) {
        defaultEnvironment = environment;
    }
}

Result<void> Project::selectEnvironment(const QString& environmentName) {
    const QList<Environment> all = environments();
    const qsizetype at = indexOf(all, environmentName);
    if (at < 0) {
        return unknownEnvironment(environmentNames(), environmentName);
    }
    setEnvironments(all, all.at(at).name);
    return {};
}

Result<void> Project::addEnvironment(const QString& newEnvironment, const QString& copyOf) {
    if (auto ok = checkEnvironmentName(newEnvironment); !ok) {
        return ok;
    }
    QList<Environment> all = environments();
    if (indexOf(all, newEnvironment) >= 0) {
        return fail(u"PRJ011"_s,
                    handoff::project::tr("The project already has an environment \"%1\"; choose another name.")
                        .arg(all.at(indexOf(all, newEnvironment)).name));
    }
    const qsizetype from = copyOf.isEmpty() ? environmentIndex : indexOf(all, copyOf);
    if (from < 0) {
        return unknownEnvironment(environmentNames(), copyOf);
    }
    Environment copy = all.at(from);
    copy.name = newEnvironment;
    all.append(copy);
    setEnvironments(all, environment);
    return {};
}

Result<void> Project::renameEnvironment(const QString& environmentName, const QString& newName) {
    QList<Environment> all = environments();
    const qsizetype at = indexOf(all, environmentName);
    if (at < 0) {
        return unknownEnvironment(environmentNames(), environmentName);
    }
    if (auto ok = checkEnvironmentName(newName); !ok) {
        return ok;
    }
    const qsizetype clash = indexOf(all, newName);
    if (clash >= 0 && clash != at) {
        return fail(u"PRJ011"_s,
                    handoff::project::tr("The project already has an environment \"%1\"; choose another name.")
                        .arg(all.at(clash).name));
    }
    const QString old = all.at(at).name;
    all[at].name = newName;
    const bool wasSelected = at == environmentIndex;
    if (defaultEnvironment.compare(old, Qt::CaseInsensitive) == 0) {
        defaultEnvironment = newName;
    }
    setEnvironments(all, wasSelected ? newName : environment);
    return {};
}

Result<void> Project::removeEnvironment(const QString& environmentName) {
    QList<Environment> all = environments();
    const qsizetype at = indexOf(all, environmentName);
    if (at < 0) {
        return unknownEnvironment(environmentNames(), environmentName);
    }
    if (all.size() == 1) {
        return fail(u"PRJ013"_s, handoff::project::tr("\"%1\" is the project's only environment and cannot be "
                                                      "removed; add another one first.")
                                     .arg(all.at(at).name));
    }
    const bool wasSelected = at == environmentIndex;
    all.removeAt(at);
    setEnvironments(all, wasSelected ? all.constFirst().name : environment);
    return {};
}

} // namespace handoff::project
