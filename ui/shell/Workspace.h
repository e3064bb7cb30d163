#pragma once

#include "common/Clock.h"
#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "diagnostics/Diagnostic.h"
#include "flow/FlowValidator.h"
#include "project/Composition.h"
#include "project/GoLiveCheck.h"
#include "project/Project.h"
#include "project/Readiness.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

class QUndoStack;

namespace handoff::project {
class SecretStore;
}

namespace handoff::shell {

// The document every page binds to: the current project, the private key (in OpenSSL's wiped memory, never in the
// project), the clock, and the derived state (project::Composition: token, UUI JSON, budget, export, diagnostics,
// computed by hs/uui's project::compose pipeline, plus the key and certificate checks). Edits go through edit(), which
// records them on the undo stack; the derived state is recomputed once per event-loop turn after edits (coalesced with
// a zero timer), and the token is signed again only when a claim or the key changed, so typing in a field that is no
// claim costs no signature.
//
// Pages: read project() and derived(); react to projectChanged (refresh editors, keeping the cursor when the value
// is unchanged) and derivedChanged; write with edit(). Pages never hold their own copy of the model.
class Workspace final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workspace)

public:
    // `clock` and `secrets` must outlive the workspace.
    Workspace(const Clock& clock, project::SecretStore& secrets, QObject* parent = nullptr);
    ~Workspace() override;

    // ---- the project
    const project::Project& project() const { return m_project; }
    // Replaces the document (New, Open, recovery): clears the undo history and the key, marks it clean unless
    // `dirty`, and loads the key named by the project's key reference from the secret store.
    void resetProject(project::Project project, const QString& filePath = {}, bool dirty = false);
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString& path);
    // "sample.handoff", or "Untitled" for a new project.
    QString displayName() const;

    // Applies `change` to a copy of the project and records it as one undoable step named `text`. Consecutive edits
    // with the same non-empty `mergeKey` (typically the field name) merge into one step, so undo removes a typed word,
    // not one character. A change that leaves the project as it was records nothing.
    void edit(const QString& text, const std::function<void(project::Project&)>& change, const QString& mergeKey = {});
    // The same for a new state of the project's flow (the designer's edits): compared as a flow, not through the
    // whole file form, which for a flow of a thousand actions costs more than the edit itself.
    void editFlow(const QString& text, flow::Flow flow, const QString& mergeKey = {});
    QUndoStack* undoStack() const { return m_undoStack; }
    // Works on another of the project's environments from now on (and opens on it next time): one undoable step.
    // Its key is loaded from the store when its key reference differs. False (nothing changed) for an unknown name.
    bool switchEnvironment(const QString& name);

    bool isDirty() const;
    // After a successful save: the current state is the saved one.
    void markSaved();

    // ---- the key (never in the project file)
    // Uses `key` (and its certificate when known) for signing from now on. `store` also keeps the key's PEM in the
    // secret store under the project's key reference (a new reference is recorded in the project if it has none).
    void setKey(const crypto::PrivateKey& key, const crypto::Certificate& certificate = {}, bool store = true);
    void setCertificate(const crypto::Certificate& certificate);
    // Forgets the key (and removes it from the secret store when `fromStore`).
    void clearKey(bool fromStore = false);
    const crypto::PrivateKey& key() const { return m_key; }
    const crypto::Certificate& certificate() const { return m_certificate; }
    bool hasKey() const { return !m_key.isNull(); }
    project::SecretStore& secretStore() const { return m_secrets; }
    // The last problem with the secret store (could not store or load the key); empty when none.
    QString keyStoreMessage() const { return m_keyStoreMessage; }

    // ---- clock and derived state
    const Clock& clock() const { return m_clock; }
    const project::Composition& derived() const { return m_derived; }
    // Increases with every recompute.
    quint64 generation() const { return m_generation; }
    // Every problem: the composition's, then the key's and the certificate's.
    const diagnostics::Diagnostics& diagnostics() const { return m_derived.diagnostics; }
    // True between an edit and the recompute it triggers.
    bool isRecomputePending() const { return m_recomputeTimer.isActive(); }
    // Recomputes now (also called by the zero timer); tests and benchmarks call it directly.
    void recomputeNow();
    // Schedules a recompute on the next event-loop turn (e.g. when the clock has moved on).
    void scheduleRecompute();

    // The project's one verdict: the go-live check's (project::goLiveCheck, recomputed with the derived state), what
    // the status bar, the Export page and the Go-live page show.
    const project::Readiness& readiness() const { return m_goLive.verdict; }
    // The go-live check's results at the last recompute. The flow's checks (GOL007-GOL009) are the costly part: while
    // the flow is unchanged, a recompute reuses them and runs them again once edits pause (isGoLiveCheckPending()).
    // After an edit of the flow, its validation (GOL007) is checked at once and its simulations (GOL008, GOL009) are
    // reused until the pause; they run at once when the last run had none (its flow did not validate), and are not
    // run, at once, when the flow does not validate now.
    const project::GoLiveReport& goLive() const { return m_goLive; }
    // Runs the whole go-live check now, the flow's simulations included (the pause timer calls it; tests may).
    void checkGoLiveNow();
    bool isGoLiveCheckPending() const { return m_goLiveTimer.isActive(); }
    // The last credential probe's result (the Go-live page runs it), shown by the check GOL012; cleared with the
    // project or the key.
    void setProbeResult(std::optional<telephony::ProbeResult> result);
    const std::optional<telephony::ProbeResult>& probeResult() const { return m_probe; }
    // How many times the workspace has signed a UUI token (an edit that changes no claim does not sign).
    quint64 signatures() const { return m_tokens.signatures(); }

    // The last check of the project's flow (project::validateFlow) and what it read: the flow, the org profile, the
    // UUI template, the trunk, the UUI token policy, the SIP address, whether there are other environments and the
    // clock's second. A recompute where none of them changed
    // (a keystroke on another page) reuses it instead of checking the flow again, and the go-live check's flow
    // validation (GOL007) takes its result while it is current.
    struct FlowCheckCache {
        bool valid = false;
        project::Project inputs; // only the parts named above are compared
        qint64 at = 0;
        diagnostics::Diagnostics result;
        quint64 checks = 0; // how many times the flow was checked through this cache
        // The flow's own rules, rechecked only where an edit changed the flow (a designer edit of one action).
        flow::IncrementalValidator validator;
    };

    // The pure computation behind recomputeNow(), for tests and benchmarks. With `tokens`, a token whose claims and
    // key are unchanged is reused instead of signed again; with `flowChecks`, the flow's check likewise.
    static project::Composition compute(const project::Project& project, const crypto::PrivateKey& key,
                                        const crypto::Certificate& certificate, const Clock& clock,
                                        project::TokenCache* tokens = nullptr, FlowCheckCache* flowChecks = nullptr);
    // How many times the workspace has checked the flow (an edit that changes nothing the check reads does not).
    quint64 flowChecks() const { return m_flowChecks.checks; }

Q_SIGNALS:
    void projectChanged();
    void projectReset();       // after resetProject(): pages may reset view state
    void environmentChanged(); // another environment is selected (switch, undo of one, reset)
    void filePathChanged(const QString& path);
    void dirtyChanged(bool dirty);
    void keyChanged();
    void keyStoreMessageChanged(const QString& message);
    void derivedChanged();
    void diagnosticsChanged();

private:
    friend class ProjectEditCommand;
    void applyProject(const project::Project& project);
    void loadKeyFromStore();
    bool loadKeyFile();
    void setKeyStoreMessage(const QString& message);
    // What the go-live check does with the flow's checks (GOL007-GOL009) of the last run that ran them all: runs them
    // all, reuses them all (the flow is the one they checked), or reuses the simulations only (GOL008, GOL009).
    enum class FlowChecks { Run, Reuse, ReuseSimulations };
    void runGoLiveCheck(FlowChecks flowChecks);

    const Clock& m_clock;
    project::SecretStore& m_secrets;
    project::Project m_project;
    QString m_filePath;
    QUndoStack* m_undoStack = nullptr;
    bool m_forcedDirty = false;
    bool m_lastDirty = false;
    crypto::PrivateKey m_key;
    crypto::Certificate m_certificate;
    QString m_keyStoreMessage;
    project::Composition m_derived;
    project::TokenCache m_tokens;
    project::GoLiveReport m_goLive;
    QList<project::CheckResult> m_goLiveFlowChecks; // GOL007-GOL009 of the last whole run, for m_goLiveFlowChecked
    flow::Flow m_goLiveFlowChecked;
    bool m_goLiveFlowChecksValid = false;
    QTimer m_goLiveTimer;
    std::optional<telephony::ProbeResult> m_probe;
    FlowCheckCache m_flowChecks;
    quint64 m_generation = 0;
    QTimer m_recomputeTimer;
    quint64 m_keyRequest = 0; // guards against a late answer from the store for an older project
};

} // namespace handoff::shell
