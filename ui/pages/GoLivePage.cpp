#include "pages/GoLivePage.h"

#include "common/SaveFile.h"
#include "emulator/VoiceCallsEmulator.h"
#include "exports/Runbook.h"
#include "project/GoLiveCheck.h"
#include "shell/Dialogs.h"
#include "shell/StateColours.h"
#include "shell/Workspace.h"
#include "telephony/ApiTokenSource.h"
#include "telephony/Endpoint.h"
#include "telephony/VoiceCallsClient.h"

#include <QBuffer>
#include <QComboBox>
#include <QDateEdit>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSpinBox>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::pages {

namespace {

QString statusIcon(project::CheckStatus status) {
    switch (status) {
    case project::CheckStatus::Pass:
        return shell::okIconPath();
    case project::CheckStatus::Warn:
        return shell::severityIconPath(diagnostics::Severity::Warning);
    case project::CheckStatus::Fail:
        return shell::severityIconPath(diagnostics::Severity::Error);
    case project::CheckStatus::NotRun:
        break;
    }
    return shell::severityIconPath(diagnostics::Severity::Info);
}

} // namespace

GoLivePage::GoLivePage(shell::Workspace& workspace, QWidget* parent)
    : Page(workspace, parent) {
    setObjectName(u"goLivePage"_s);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(title(), this));

    m_verdict = new QLabel;
    m_verdict->setObjectName(u"goLiveVerdictLabel"_s);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_verdict);

    m_checks = new QTreeWidget;
    m_checks->setObjectName(u"goLiveChecksTreeWidget"_s);
    m_checks->setAccessibleName(tr("Go-live checks"));
    m_checks->setColumnCount(3);
    m_checks->setHeaderLabels({tr("Check"), tr("Status"), tr("Reason")});
    m_checks->setRootIsDecorated(false);
    m_checks->setUniformRowHeights(false);
    m_checks->setWordWrap(true);
    m_checks->setAllColumnsShowFocus(true);
    m_checks->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_checks->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_checks->header()->setStretchLastSection(true);
    m_checks->setMinimumHeight(320);
    m_checks->setToolTip(tr("Press Enter or double-click a check to go to where it is fixed."));
    connect(m_checks, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { activate(item); });
    layout->addWidget(m_checks, 1);
    // The selected check in full (the list elides long reasons): its reason and where it is fixed.
    m_details = new QLabel;
    m_details->setObjectName(u"goLiveDetailsLabel"_s);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_details);
    connect(m_checks, &QTreeWidget::currentItemChanged, this, &GoLivePage::showDetails);

    auto* probeBox = new QGroupBox(tr("Credential probe"));
    auto* probeLayout = new QVBoxLayout(probeBox);
    m_probeNote = new QLabel(
        tr("Sends one voiceCalls request signed with the project's key whose body leaves out the required fields, so "
           "no VoiceCall is created. It proves the API token's path only (the Authorization header), not the UUI "
           "token's path through the SIP INVITE: only a real transfer proves that."));
    m_probeNote->setObjectName(u"probeNoteLabel"_s);
    m_probeNote->setWordWrap(true);
    probeLayout->addWidget(m_probeNote);
    auto* probeButtons = new QHBoxLayout;
    m_probeEmulator = new QPushButton(tr("Probe the built-in emulator"));
    m_probeEmulator->setObjectName(u"probeEmulatorPushButton"_s);
    m_probeOrg = new QPushButton(tr("Probe the org"));
    m_probeOrg->setObjectName(u"probeOrgPushButton"_s);
    probeButtons->addWidget(m_probeEmulator);
    probeButtons->addWidget(m_probeOrg);
    probeButtons->addStretch(1);
    probeLayout->addLayout(probeButtons);
    connect(m_probeEmulator, &QPushButton::clicked, this, &GoLivePage::probeEmulator);
    connect(m_probeOrg, &QPushButton::clicked, this, &GoLivePage::probeOrg);
    layout->addWidget(probeBox);

    auto* transferBox = new QGroupBox(tr("Record a real transfer"));
    auto* transferForm = new QFormLayout(transferBox);
    m_transferDate = new QDateEdit;
    m_transferDate->setObjectName(u"transferDateEdit"_s);
    m_transferDate->setCalendarPopup(true);
    m_transferDate->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_transferDate->setDate(workspace.clock().now().toUTC().date());
    m_transferBytes = new QSpinBox;
    m_transferBytes->setObjectName(u"transferBytesSpinBox"_s);
    m_transferBytes->setRange(0, 1'000'000);
    m_transferBytes->setSuffix(tr(" bytes"));
    m_transferOutcome = new QComboBox;
    m_transferOutcome->setObjectName(u"transferOutcomeComboBox"_s);
    m_transferOutcome->addItem(tr("The agent answered: the transfer succeeded"), true);
    m_transferOutcome->addItem(tr("The transfer failed"), false);
    m_transferNote = new QLineEdit;
    m_transferNote->setObjectName(u"transferNoteLineEdit"_s);
    m_transferNote->setPlaceholderText(tr("Call id, who tested, what happened"));
    m_record = new QPushButton(tr("Record Transfer"));
    m_record->setObjectName(u"recordTransferPushButton"_s);
    connect(m_record, &QPushButton::clicked, this, &GoLivePage::recordTransfer);
    transferForm->addRow(tr("&Date:"), m_transferDate);
    transferForm->addRow(tr("UUI &size:"), m_transferBytes);
    transferForm->addRow(tr("&Outcome:"), m_transferOutcome);
    transferForm->addRow(tr("&Note:"), m_transferNote);
    transferForm->addRow(QString(), m_record);
    registerField(u"realTransfers"_s, m_transferDate);
    layout->addWidget(transferBox);

    auto* runbookButtons = new QHBoxLayout;
    m_export = new QPushButton(tr("Export Runbook..."));
    m_export->setObjectName(u"exportRunbookPushButton"_s);
    m_pdf = new QPushButton(tr("Save Runbook as PDF..."));
    m_pdf->setObjectName(u"saveRunbookPdfPushButton"_s);
    m_print = new QPushButton(tr("Print..."));
    m_print->setObjectName(u"printRunbookPushButton"_s);
    connect(m_export, &QPushButton::clicked, this, [this] { exportRunbook(); });
    connect(m_pdf, &QPushButton::clicked, this, [this] { saveRunbookPdf(); });
    connect(m_print, &QPushButton::clicked, this, &GoLivePage::printWithDialog);
    runbookButtons->addWidget(m_export);
    runbookButtons->addWidget(m_pdf);
    runbookButtons->addWidget(m_print);
    runbookButtons->addStretch(1);
    layout->addLayout(runbookButtons);

    connect(&workspace, &shell::Workspace::derivedChanged, this, &GoLivePage::refresh);
    refresh();
}

GoLivePage::~GoLivePage() = default;

QString GoLivePage::title() const {
    return tr("Go-live");
}

QIcon GoLivePage::icon() const {
    return QIcon(u":/handoff/icons/page-golive.svg"_s);
}

QString GoLivePage::pageId() const {
    return u"golive"_s;
}

void GoLivePage::refresh() {
    const project::GoLiveReport& report = workspace().goLive();
    m_verdict->setText(report.verdict.summary);
    m_verdict->setProperty("readinessState", static_cast<int>(report.verdict.state));
    const QString current =
        m_checks->currentItem() ? m_checks->currentItem()->data(0, Qt::UserRole).toString() : QString();
    m_checks->clear();
    for (const project::CheckResult& c : report.checks) {
        auto* item = new QTreeWidgetItem(m_checks);
        item->setText(0, c.id + u"  "_s + c.title);
        item->setData(0, Qt::UserRole, c.id);
        item->setIcon(1, QIcon(statusIcon(c.status)));
        item->setText(1, project::checkStatusName(c.status));
        item->setData(1, Qt::UserRole, project::checkStatusKey(c.status));
        item->setText(2, c.reason);
        item->setToolTip(2, c.reason);
        if (c.id == current) {
            m_checks->setCurrentItem(item);
        }
    }
    if (!m_checks->currentItem() && m_checks->topLevelItemCount() > 0) {
        m_checks->setCurrentItem(m_checks->topLevelItem(0));
    }
    showDetails();
    if (!m_transferBytes->hasFocus()) {
        m_transferBytes->setValue(int(qMin<qint64>(report.uuiDecodedBytes, m_transferBytes->maximum())));
    }
    const bool busy = isProbing();
    m_probeEmulator->setEnabled(!busy);
    m_probeOrg->setEnabled(!busy);
}

void GoLivePage::showDetails() {
    const QTreeWidgetItem* item = m_checks->currentItem();
    const project::CheckResult* c = item ? workspace().goLive().find(item->data(0, Qt::UserRole).toString()) : nullptr;
    if (!c) {
        m_details->clear();
        return;
    }
    QString text = tr("%1 %2: %3. %4").arg(c->id, c->title, project::checkStatusName(c->status), c->reason);
    if (c->status == project::CheckStatus::Fail || c->status == project::CheckStatus::Warn) {
        text += u' ' + tr("Press Enter to go to the fix.");
    }
    m_details->setText(text);
}

void GoLivePage::activate(QTreeWidgetItem* item) {
    if (!item) {
        return;
    }
    const project::CheckResult* c = workspace().goLive().find(item->data(0, Qt::UserRole).toString());
    if (!c) {
        return;
    }
    if (c->fix.pageId == pageId()) {
        QWidget* target = c->id == QLatin1StringView(project::checks::kProbe) ? static_cast<QWidget*>(m_probeEmulator)
                                                                              : m_transferDate;
        target->setFocus(Qt::OtherFocusReason);
        flash(target);
        return;
    }
    diagnostics::Diagnostic d = c->focus();
    if (d.where.field.isEmpty()) {
        d.where.field = c->fix.field;
    }
    Q_EMIT problemActivated(d);
}

bool GoLivePage::isProbing() const {
    return m_reply != nullptr;
}

void GoLivePage::probeEmulator() {
    if (isProbing()) {
        return;
    }
    if (!workspace().hasKey()) {
        dialogs().warning(this, tr("Credential Probe"),
                          tr("Load or generate a private key on the Org & credentials page first: the probe signs its "
                             "token with it."));
        return;
    }
    const project::Project& p = workspace().project();
    if (!m_emulator) {
        m_emulator = std::make_unique<emulator::VoiceCallsEmulator>(workspace().clock());
        if (auto listening = m_emulator->listen(); !listening) {
            dialogs().warning(this, tr("Credential Probe"), listening.error().message);
            m_emulator.reset();
            return;
        }
    }
    m_emulator->clearRegistrations();
    const QStringList centers =
        p.org.callCenterApiName.isEmpty() ? QStringList() : QStringList{p.org.callCenterApiName.trimmed()};
    if (auto registered =
            m_emulator->registerPublicKey(p.org.orgId, workspace().key().publicKey(), centers, p.org.customerType);
        !registered) {
        dialogs().warning(this, tr("Credential Probe"), registered.error().message);
        return;
    }
    auto tokens = std::make_shared<telephony::JwtApiTokenSource>(
        workspace().key(), p.org.orgId, p.org.callCenterApiName, p.org.customerType, workspace().clock());
    tokens->setPolicy(p.apiToken.ttlSeconds, p.apiToken.jti);
    startProbe(new telephony::VoiceCallsClient(m_emulator->voiceCallsUrl(), tokens, workspace().clock()),
               tr("built-in emulator"));
}

void GoLivePage::probeOrg() {
    if (isProbing()) {
        return;
    }
    const project::Project& p = workspace().project();
    if (!workspace().hasKey()) {
        dialogs().warning(this, tr("Credential Probe"),
                          tr("Load or generate a private key on the Org & credentials page first: the probe signs its "
                             "token with it."));
        return;
    }
    const telephony::Endpoint endpoint = telephony::resolveEndpoint(p.org.scrt2Domain);
    if (endpoint.voiceCallsUrl.isEmpty()) {
        dialogs().warning(this, tr("Credential Probe"),
                          tr("The SCRT2 domain is not usable, so the probe has no address: fix it on the Org & "
                             "credentials page."));
        return;
    }
    auto tokens = std::make_shared<telephony::JwtApiTokenSource>(
        workspace().key(), p.org.orgId, p.org.callCenterApiName, p.org.customerType, workspace().clock());
    tokens->setPolicy(p.apiToken.ttlSeconds, p.apiToken.jti);
    startProbe(new telephony::VoiceCallsClient(endpoint.voiceCallsUrl, tokens, workspace().clock()),
               endpoint.voiceCallsUrl.toString());
}

void GoLivePage::startProbe(telephony::VoiceCallsClient* client, const QString& target) {
    m_client.reset(client);
    m_probeTarget = target;
    m_reply.reset(telephony::startCredentialProbe(*m_client, workspace().project().org));
    connect(m_reply.get(), &telephony::VoiceCallsReply::finished, this, &GoLivePage::finishProbe);
    m_probeEmulator->setEnabled(false);
    m_probeOrg->setEnabled(false);
}

void GoLivePage::finishProbe() {
    if (!m_reply) {
        return;
    }
    telephony::ProbeResult result = telephony::judgeProbe(m_reply->result(), m_probeTarget);
    m_reply.release()->deleteLater();
    workspace().setProbeResult(std::move(result));
    workspace().recomputeNow();
    Q_EMIT probeFinished();
}

void GoLivePage::recordTransfer() {
    project::RealTransferRecord r;
    r.date = m_transferDate->date();
    r.uuiBytes = m_transferBytes->value();
    r.succeeded = m_transferOutcome->currentData().toBool();
    r.note = m_transferNote->text().trimmed();
    workspace().edit(tr("Record a real transfer"), [r](project::Project& p) { p.realTransfers.append(r); });
    m_transferNote->clear();
}

QByteArray GoLivePage::runbookHtml() const {
    const shell::Workspace& w = workspace();
    const exports::Runbook runbook =
        exports::buildRunbook(w.project(), w.goLive(), w.certificate().isNull() ? nullptr : &w.certificate(),
                              w.derived().setUuiData.expression, w.clock());
    return exports::renderRunbook(runbook, exports::RunbookFormat::Html);
}

void GoLivePage::printRunbook(QPagedPaintDevice& device) const {
    QTextDocument document;
    document.setHtml(QString::fromUtf8(runbookHtml()));
    document.print(&device);
}

bool GoLivePage::exportRunbook() {
    const QString path =
        dialogs().saveFileName(this, tr("Export Runbook"), QString(), tr("HTML (*.html);;Markdown (*.md)"));
    if (path.isEmpty()) {
        return false;
    }
    const bool html = QFileInfo(path).suffix().compare(u"html"_s, Qt::CaseInsensitive) == 0 ||
                      QFileInfo(path).suffix().compare(u"htm"_s, Qt::CaseInsensitive) == 0;
    const shell::Workspace& w = workspace();
    const exports::Runbook runbook =
        exports::buildRunbook(w.project(), w.goLive(), w.certificate().isNull() ? nullptr : &w.certificate(),
                              w.derived().setUuiData.expression, w.clock());
    const auto saved = io::saveAtomically(
        path, exports::renderRunbook(runbook, html ? exports::RunbookFormat::Html : exports::RunbookFormat::Markdown));
    if (!saved) {
        dialogs().critical(this, tr("Export Runbook"), saved.error().message);
        return false;
    }
    return true;
}

bool GoLivePage::saveRunbookPdf() {
    const QString path = dialogs().saveFileName(this, tr("Save Runbook as PDF"), QString(), tr("PDF (*.pdf)"));
    if (path.isEmpty()) {
        return false;
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(tr("Go-live runbook"));
        writer.setCreator(u"Handoff Studio"_s);
        printRunbook(writer);
    }
    const auto saved = io::saveAtomically(path, buffer.data());
    if (!saved) {
        dialogs().critical(this, tr("Save Runbook as PDF"), saved.error().message);
        return false;
    }
    return true;
}

void GoLivePage::printWithDialog() {
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Runbook"));
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    printRunbook(printer);
}

} // namespace handoff::pages
