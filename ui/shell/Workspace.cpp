#include "shell/Workspace.h"

#include "crypto/SecureBytes.h"
#include "diagnostics/Catalog.h"
#include "project/ProjectFile.h"
#include "project/SecretStore.h"
#include "project/SimulationSetup.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
Q_LOGGING_CATEGORY(lcWorkspace, "handoff.shell.workspace")
}

namespace handoff::shell {

namespace {

// Whether two projects agree on everything project::validateFlow reads (SimulationSetup: the flow, the org profile,
// the UUI template, the trunk's UUI profile, the UUI token policy).
bool sameFlowCheckInputs(const project::Project& a, const project::Project& b) {
    return a.flow == b.flow && a.org.orgId == b.org.orgId && a.org.scrt2Domain == b.org.scrt2Domain &&
           a.org.callCenterApiName == b.org.callCenterApiName && a.org.customerType == b.org.customerType &&
           a.uui == b.uui && a.trunk == b.trunk && a.uuiToken == b.uuiToken && a.sipAddress == b.sipAddress &&
           // with other environments, the selected one's org values become the flow's org variables
           a.otherEnvironments.isEmpty() == b.otherEnvironments.isEmpty();
}

} // namespace

// One undoable edit: the project before and after. Projects are small value types, so a snapshot is simpler and
// safer than field-by-field inverse operations, and it covers every section other modules add.
class ProjectEditCommand final : public QUndoCommand {
public:
    ProjectEditCommand(Workspace& workspace, project::Project before, project::Project after, const QString& text,
                       QString mergeKey)
        : QUndoCommand(text)
        , m_workspace(workspace)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeKey(std::move(mergeKey)) {}

    void undo() override { m_workspace.applyProject(m_before); }
    void redo() override { m_workspace.applyProject(m_after); }
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand* other) override {
        const auto* edit = static_cast<const ProjectEditCommand*>(other);
        if (edit->m_mergeKey != m_mergeKey) {
            return false;
        }
        m_after = edit->m_after;
        return true;
    }

private:
    Workspace& m_workspace;
    project::Project m_before;
    project::Project m_after;
    QString m_mergeKey;
};

Workspace::Workspace(const Clock& clock, project::SecretStore& secrets, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_secrets(secrets)
    , m_project(project::Project::defaults())
    , m_undoStack(new QUndoStack(this)) {
    m_recomputeTimer.setSingleShot(true);
    m_recomputeTimer.setInterval(0);
    // The flow's simulations (GOL007-GOL009) run again this long after the last edit that reused them.
    m_goLiveTimer.setSingleShot(true);
    m_goLiveTimer.setInterval(300);
    connect(&m_goLiveTimer, &QTimer::timeout, this, &Workspace::checkGoLiveNow);
    connect(&m_recomputeTimer, &QTimer::timeout, this, &Workspace::recomputeNow);
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this] {
        const bool dirty = isDirty();
        if (dirty != m_lastDirty) {
            m_lastDirty = dirty;
            Q_EMIT dirtyChanged(dirty);
        }
    });
    recomputeNow();
}

Workspace::~Workspace() {
    // The undo commands refer back to us; drop them first.
    m_undoStack->clear();
}

void Workspace::resetProject(project::Project project, const QString& filePath, bool dirty) {
    ++m_keyRequest;
    m_undoStack->clear();
    m_project = std::move(project);
    m_key = {};
    m_certificate = {};
    m_probe.reset();
    m_goLiveFlowChecksValid = false;
    setKeyStoreMessage({});
    m_forcedDirty = dirty;
    setFilePath(filePath);
    const bool nowDirty = isDirty();
    if (nowDirty != m_lastDirty) {
        m_lastDirty = nowDirty;
        Q_EMIT dirtyChanged(nowDirty);
    }
    loadKeyFromStore();
    Q_EMIT projectReset();
    Q_EMIT environmentChanged();
    Q_EMIT projectChanged();
    m_probe.reset();
    Q_EMIT keyChanged();
    scheduleRecompute();
}

void Workspace::setFilePath(const QString& path) {
    if (path == m_filePath) {
        return;
    }
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

QString Workspace::displayName() const {
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

void Workspace::edit(const QString& text, const std::function<void(project::Project&)>& change,
                     const QString& mergeKey) {
    project::Project after = m_project;
    change(after);
    // Compare through the file form: it covers every section, and a project is a few hundred bytes.
    if (project::ProjectFile::serialize(after) == project::ProjectFile::serialize(m_project)) {
        return;
    }
    m_undoStack->push(new ProjectEditCommand(*this, m_project, std::move(after), text, mergeKey));
}

void Workspace::editFlow(const QString& text, flow::Flow flow, const QString& mergeKey) {
    if (flow == m_project.flow) {
        return;
    }
    project::Project after = m_project;
    after.flow = std::move(flow);
    m_undoStack->push(new ProjectEditCommand(*this, m_project, std::move(after), text, mergeKey));
}

bool Workspace::isDirty() const {
    return m_forcedDirty || !m_undoStack->isClean();
}

void Workspace::markSaved() {
    m_forcedDirty = false;
    m_undoStack->setClean();
    if (m_lastDirty) {
        m_lastDirty = false;
        Q_EMIT dirtyChanged(false);
    }
}

bool Workspace::switchEnvironment(const QString& name) {
    if (!m_project.hasEnvironment(name)) {
        return false;
    }
    edit(tr("Switch to environment %1").arg(name), [name](project::Project& p) {
        (void)p.selectEnvironment(name);
        p.defaultEnvironment = p.environment;
    });
    return true;
}

void Workspace::applyProject(const project::Project& project) {
    const bool otherEnvironment = project.environment != m_project.environment;
    const bool otherKey = otherEnvironment && project.key != m_project.key;
    m_project = project;
    if (otherKey) {
        // The environment signs with a key of its own: forget this one, and find that one.
        ++m_keyRequest;
        m_key = {};
        m_certificate = {};
        m_probe.reset();
        setKeyStoreMessage({});
        loadKeyFromStore();
        Q_EMIT keyChanged();
    }
    if (otherEnvironment) {
        m_goLiveFlowChecksValid = false; // the flow's simulations ran in the other environment
        Q_EMIT environmentChanged();
    }
    Q_EMIT projectChanged();
    const bool dirty = isDirty();
    if (dirty != m_lastDirty) {
        m_lastDirty = dirty;
        Q_EMIT dirtyChanged(dirty);
    }
    scheduleRecompute();
}

void Workspace::setKey(const crypto::PrivateKey& key, const crypto::Certificate& certificate, bool store) {
    ++m_keyRequest; // a pending load from the store must not replace this key
    m_key = key;
    if (!certificate.isNull() || key.isNull()) {
        m_certificate = certificate;
    }
    m_probe.reset();
    Q_EMIT keyChanged();
    scheduleRecompute();
    if (!store || key.isNull()) {
        return;
    }
    auto pem = key.toPem();
    if (!pem) {
        setKeyStoreMessage(pem.error().message);
        return;
    }
    if (m_project.key.keychainId.isEmpty()) {
        // The reference is part of the project (so the key is found again next time), but not an undoable edit:
        // undoing it would orphan the stored key.
        m_project.key.keychainId = project::newSecretReference();
        m_forcedDirty = true;
        if (!m_lastDirty) {
            m_lastDirty = true;
            Q_EMIT dirtyChanged(true);
        }
        Q_EMIT projectChanged();
    }
    QPointer<Workspace> guard(this);
    m_secrets.storePrivateKey(m_project.key.keychainId, *pem, [guard](Result<void> result) {
        if (!guard) {
            return;
        }
        guard->setKeyStoreMessage(result ? QString() : result.error().message);
    });
}

void Workspace::setCertificate(const crypto::Certificate& certificate) {
    m_certificate = certificate;
    m_probe.reset();
    Q_EMIT keyChanged();
    scheduleRecompute();
}

void Workspace::clearKey(bool fromStore) {
    ++m_keyRequest;
    m_key = {};
    m_certificate = {};
    if (fromStore && !m_project.key.keychainId.isEmpty()) {
        QPointer<Workspace> guard(this);
        m_secrets.removePrivateKey(m_project.key.keychainId, [guard](Result<void> result) {
            if (guard && !result) {
                guard->setKeyStoreMessage(result.error().message);
            }
        });
    }
    m_probe.reset();
    Q_EMIT keyChanged();
    scheduleRecompute();
}

void Workspace::loadKeyFromStore() {
    const project::KeyReference reference = m_project.key;
    if (!reference.certificateFile.isEmpty()) {
        if (auto certificate = crypto::Certificate::load(reference.certificateFile)) {
            m_certificate = *certificate;
        } else {
            setKeyStoreMessage(tr("The certificate %1 could not be read: %2")
                                   .arg(reference.certificateFile, certificate.error().message));
        }
    }
    if (!reference.keychainId.isEmpty()) {
        const quint64 request = ++m_keyRequest;
        QPointer<Workspace> guard(this);
        m_secrets.loadPrivateKey(reference.keychainId, [guard, request](Result<crypto::SecureBytes> pem) {
            if (!guard || guard->m_keyRequest != request) {
                return;
            }
            if (pem) {
                if (auto key = crypto::PrivateKey::fromPem(pem->view())) {
                    guard->m_key = *key;
                    Q_EMIT guard->keyChanged();
                    guard->scheduleRecompute();
                } else {
                    guard->setKeyStoreMessage(key.error().message);
                }
                return;
            }
            // Not in the store: the key file the admin imported from, if any, is the next place to look.
            if (guard->loadKeyFile()) {
                return;
            }
            // Without a keychain nothing outlives a session: the banner already says so, and the Problems dock says
            // that the key is missing. With one, a missing entry is worth saying.
            if (guard->m_secrets.isPersistent()) {
                guard->setKeyStoreMessage(
                    tr("The private key of this project was not found in %1. Import it again on the Org & "
                       "credentials page.")
                        .arg(guard->m_secrets.displayName()));
            }
        });
    } else {
        loadKeyFile();
    }
}

bool Workspace::loadKeyFile() {
    const QString path = m_project.key.keyFile;
    if (path.isEmpty()) {
        return false;
    }
    auto key = crypto::PrivateKey::load(path);
    if (!key) {
        // An encrypted key needs its passphrase: the Org & credentials page asks for it.
        setKeyStoreMessage(tr("The key file %1 was not opened: %2 Import it on the Org & credentials page.")
                               .arg(path, key.error().message));
        return false;
    }
    m_key = *key;
    m_probe.reset();
    Q_EMIT keyChanged();
    scheduleRecompute();
    return true;
}

void Workspace::setKeyStoreMessage(const QString& message) {
    if (message == m_keyStoreMessage) {
        return;
    }
    m_keyStoreMessage = message;
    if (!message.isEmpty()) {
        qCWarning(lcWorkspace) << "secret store:" << message;
    }
    Q_EMIT keyStoreMessageChanged(message);
}

void Workspace::runGoLiveCheck(FlowChecks flowChecks) {
    project::GoLiveInputs inputs;
    inputs.key = m_key.isNull() ? nullptr : &m_key;
    inputs.certificate = m_certificate.isNull() ? nullptr : &m_certificate;
    inputs.composition = &m_derived;
    inputs.probe = m_probe;
    // GOL007 is made from the flow's problems the recompute found (with the incremental validator) while they are
    // this project's at this second; a check the pause timer runs while an edit waits for its recompute, or a second
    // later, validates the flow itself.
    if (m_flowChecks.valid && m_flowChecks.at == m_clock.nowSecs() &&
        sameFlowCheckInputs(m_flowChecks.inputs, m_project)) {
        inputs.flowDiagnostics = &m_flowChecks.result;
    }
    QList<project::CheckResult> simulations;
    if (flowChecks == FlowChecks::Reuse) {
        inputs.flowChecks = &m_goLiveFlowChecks;
    } else if (flowChecks == FlowChecks::ReuseSimulations) {
        simulations = m_goLiveFlowChecks.mid(1);
        inputs.simulationChecks = &simulations;
    }
    m_goLive = project::goLiveCheck(m_project, inputs, m_clock);
    // A flow that does not validate now has no simulations to reuse: they are "not run", which is this flow's result.
    const bool whole =
        flowChecks == FlowChecks::Run ||
        (flowChecks == FlowChecks::ReuseSimulations &&
         m_goLive.find(QString::fromLatin1(project::checks::kFlow))->status == project::CheckStatus::Fail);
    if (whole) {
        m_goLiveTimer.stop();
        m_goLiveFlowChecks = project::flowChecksOf(m_goLive);
        m_goLiveFlowChecked = m_project.flow;
        m_goLiveFlowChecksValid = true;
    } else {
        m_goLiveTimer.start(); // the flow's checks again once the edits pause
    }
}

void Workspace::checkGoLiveNow() {
    runGoLiveCheck(FlowChecks::Run);
    Q_EMIT derivedChanged();
}

void Workspace::setProbeResult(std::optional<telephony::ProbeResult> result) {
    m_probe = std::move(result);
    scheduleRecompute();
}

void Workspace::scheduleRecompute() {
    if (!m_recomputeTimer.isActive()) {
        m_recomputeTimer.start();
    }
}

void Workspace::recomputeNow() {
    m_recomputeTimer.stop();
    project::Composition next = compute(m_project, m_key, m_certificate, m_clock, &m_tokens, &m_flowChecks);
    ++m_generation;
    const bool diagnosticsDiffer = [&] {
        if (next.diagnostics.size() != m_derived.diagnostics.size()) {
            return true;
        }
        for (qsizetype i = 0; i < next.diagnostics.size(); ++i) {
            const auto& a = next.diagnostics.at(i);
            const auto& b = m_derived.diagnostics.at(i);
            if (a.code != b.code || a.message != b.message || a.where.field != b.where.field ||
                a.where.offset != b.where.offset || a.where.length != b.where.length) {
                return true;
            }
        }
        return false;
    }();
    m_derived = std::move(next);
    FlowChecks flowChecks = FlowChecks::Run;
    if (m_goLiveFlowChecksValid && m_project.flow == m_goLiveFlowChecked) {
        flowChecks = FlowChecks::Reuse;
    } else if (m_goLiveFlowChecksValid && m_goLiveFlowChecks.size() == 3 &&
               m_goLiveFlowChecks.constFirst().status != project::CheckStatus::Fail) {
        // An edit of the flow: its validation now (the recompute's, incremental), its simulations, which take longer
        // than a frame on a large flow, once the edits pause. Simulations that were not run before (the flow did not
        // validate then) have nothing to show until then, so they run now.
        flowChecks = FlowChecks::ReuseSimulations;
    }
    runGoLiveCheck(flowChecks);
    Q_EMIT derivedChanged();
    if (diagnosticsDiffer) {
        Q_EMIT diagnosticsChanged();
    }
}

project::Composition Workspace::compute(const project::Project& project, const crypto::PrivateKey& key,
                                        const crypto::Certificate& certificate, const Clock& clock,
                                        project::TokenCache* tokens, FlowCheckCache* flowChecks) {
    project::Composition c = project::compose(project, key.isNull() ? nullptr : &key, clock, tokens);
    // The key and certificate checks the pipeline does not make: fitness for RS256, validity, and whether the key
    // belongs to the certificate uploaded to Salesforce (the go-live check's, in core).
    const diagnostics::Diagnostics keyDiagnostics =
        project::keyDiagnostics(key.isNull() ? nullptr : &key, certificate.isNull() ? nullptr : &certificate, clock);
    // The flow's problems (its own rules and what a call through it meets under this project), located by task and
    // action id; part of the one list the verdict is made from. An empty flow has none: the project may not use one.
    if (!project.flow.isEmpty()) {
        if (!flowChecks) {
            c.diagnostics += project::validateFlow(project, clock);
        } else {
            const qint64 at = clock.nowSecs();
            if (!flowChecks->valid || !sameFlowCheckInputs(flowChecks->inputs, project) || flowChecks->at != at) {
                flowChecks->result = project::validateFlow(project, clock, &flowChecks->validator);
                flowChecks->inputs = project;
                flowChecks->at = at;
                flowChecks->valid = true;
                ++flowChecks->checks;
            }
            c.diagnostics += flowChecks->result;
        }
    }
    for (const auto& d : std::as_const(keyDiagnostics)) {
        const bool known = std::any_of(c.diagnostics.cbegin(), c.diagnostics.cend(), [&d](const auto& e) {
            return e.code == d.code && e.where.field == d.where.field;
        });
        if (!known) {
            c.diagnostics.append(d);
        }
    }
    return c;
}

} // namespace handoff::shell
