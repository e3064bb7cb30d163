#include "pages/TestCallPage.h"

#include "crypto/PrivateKey.h"
#include "emulator/VoiceCallsEmulator.h"
#include "jwt/JwtClaims.h"
#include "salesforce/SalesforceId.h"
#include "shell/Dialogs.h"
#include "shell/StateColours.h"
#include "shell/Workspace.h"
#include "telephony/ApiTokenSource.h"
#include "telephony/CallAttributes.h"
#include "telephony/CurlCommand.h"
#include "telephony/Endpoint.h"
#include "telephony/VoiceCallsClient.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::pages {

namespace {

QLineEdit* lineEdit(const QString& objectName, QWidget* parent, const QString& placeholder = {}) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QLabel* infoLabel(const QString& objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

TestCallPage::TestCallPage(shell::Workspace& workspace, QWidget* parent)
    : Page(workspace, parent) {
    setObjectName(u"testCallPage"_s);
    buildUi();
    connect(&workspace, &shell::Workspace::projectChanged, this, [this] {
        refreshFromProject();
        refreshEmulatorRegistration();
    });
    connect(&workspace, &shell::Workspace::keyChanged, this, [this] {
        refreshEmulatorRegistration();
        refreshTargetInfo();
    });
    connect(&workspace, &shell::Workspace::projectReset, this, [this] { m_orgConfirmed = false; });
    refreshFromProject();
}

TestCallPage::~TestCallPage() {
    if (m_reply) {
        m_reply->abort();
    }
}

QString TestCallPage::title() const {
    return tr("Test call");
}

QIcon TestCallPage::icon() const {
    return QIcon(u":/handoff/icons/page-call.svg"_s);
}

QString TestCallPage::pageId() const {
    return u"call"_s;
}

void TestCallPage::buildUi() {
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Create one VoiceCall through the voiceCalls API, as the Genesys data action would, "
                                "and see what Salesforce (or the built-in emulator) answers."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(makeHeading(title(), this));
    layout->addWidget(intro);

    // Target
    auto* targetBox = new QGroupBox(tr("Target"), this);
    auto* targetForm = new QFormLayout(targetBox);
    m_target = new QComboBox(targetBox);
    m_target->setObjectName(u"targetComboBox"_s);
    m_target->addItem(tr("Built-in emulator"), telephony::testCallTargetKey(telephony::TestCallTarget::Emulator));
    m_target->addItem(tr("Salesforce org"), telephony::testCallTargetKey(telephony::TestCallTarget::Org));
    targetForm->addRow(tr("Send to"), m_target);
    m_targetInfo = infoLabel(u"targetInfoLabel"_s, targetBox);
    targetForm->addRow(QString(), m_targetInfo);
    m_orgInfo = infoLabel(u"orgInfoLabel"_s, targetBox);
    targetForm->addRow(tr("Org"), m_orgInfo);

    // Request
    auto* requestBox = new QGroupBox(tr("Request"), this);
    auto* form = new QFormLayout(requestBox);
    m_to = lineEdit(u"toLineEdit"_s, requestBox, tr("the contact-centre number, e.g. +14155550100"));
    m_from = lineEdit(u"fromLineEdit"_s, requestBox, tr("the caller, e.g. +14155550199 or tel:+14155550199"));
    m_initiation = new QComboBox(requestBox);
    m_initiation->setObjectName(u"initiationComboBox"_s);
    m_initiation->addItem(u"Inbound"_s);
    m_initiation->addItem(u"Transfer"_s);
    m_callOrigin = lineEdit(u"callOriginLineEdit"_s, requestBox, tr("optional"));
    m_callSubtype = new QComboBox(requestBox);
    m_callSubtype->setObjectName(u"callSubtypeComboBox"_s);
    m_callSubtype->addItem(tr("(not sent)"), QString());
    m_callSubtype->addItem(u"PSTN"_s, u"PSTN"_s);
    m_callSubtype->addItem(u"WebRTC"_s, u"WebRTC"_s);
    m_queue = lineEdit(u"queueLineEdit"_s, requestBox, tr("optional"));
    m_provider = lineEdit(u"providerLineEdit"_s, requestBox, tr("optional Telephony-Provider-Name header"));
    m_region = lineEdit(u"regionLineEdit"_s, requestBox, tr("for national numbers, e.g. US"));
    form->addRow(tr("To"), m_to);
    form->addRow(tr("From"), m_from);
    form->addRow(tr("Initiation method"), m_initiation);
    form->addRow(tr("Call origin"), m_callOrigin);
    form->addRow(tr("Call subtype"), m_callSubtype);
    form->addRow(tr("Queue"), m_queue);
    form->addRow(tr("Telephony-Provider-Name"), m_provider);
    form->addRow(tr("Default region"), m_region);

    m_attributes = new QTableWidget(0, 2, requestBox);
    m_attributes->setObjectName(u"callAttributesTableWidget"_s);
    m_attributes->setHorizontalHeaderLabels({tr("VoiceCall field (API name)"), tr("Value")});
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->verticalHeader()->hide();
    m_attributes->setColumnWidth(0, 240);
    m_attributes->setMinimumHeight(90);
    m_addAttribute = new QPushButton(tr("Add field"), requestBox);
    m_addAttribute->setObjectName(u"addAttributePushButton"_s);
    m_removeAttribute = new QPushButton(tr("Remove field"), requestBox);
    m_removeAttribute->setObjectName(u"removeAttributePushButton"_s);
    m_pasteAttributes = new QPushButton(tr("Paste JSON…"), requestBox);
    m_pasteAttributes->setObjectName(u"pasteAttributesPushButton"_s);
    m_pasteAttributes->setToolTip(tr("Paste a JSON object such as {\"Department__c\":\"Support\"}."));
    auto* attributeButtons = new QHBoxLayout;
    attributeButtons->addWidget(m_addAttribute);
    attributeButtons->addWidget(m_removeAttribute);
    attributeButtons->addWidget(m_pasteAttributes);
    attributeButtons->addStretch();
    auto* attributeColumn = new QVBoxLayout;
    attributeColumn->addWidget(m_attributes);
    attributeColumn->addLayout(attributeButtons);
    form->addRow(tr("callAttributes"), attributeColumn);

    registerField(u"testCall.to"_s, m_to);
    registerField(u"testCall.from"_s, m_from);
    registerField(u"testCall.callAttributes"_s, m_attributes);

    // In request order: the request (To, From, call attributes), where it goes, then Send, then the answer.
    layout->addWidget(requestBox);
    layout->addWidget(targetBox);

    // Actions
    auto* actions = new QHBoxLayout;
    m_send = new QPushButton(tr("Send test call"), this);
    m_send->setObjectName(u"sendTestCallPushButton"_s);
    m_send->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"cancelTestCallPushButton"_s);
    m_cancel->setEnabled(false);
    m_copyCurl = new QPushButton(tr("Copy as cURL"), this);
    m_copyCurl->setObjectName(u"copyCurlPushButton"_s);
    m_copyCurl->setToolTip(tr("The same request as a cURL command; the token is left out ($HANDOFF_API_TOKEN)."));
    actions->addWidget(m_send);
    actions->addWidget(m_cancel);
    actions->addStretch();
    actions->addWidget(m_copyCurl);
    layout->addLayout(actions);

    // Response and history
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* responseBox = new QGroupBox(tr("Response"), splitter);
    auto* responseLayout = new QVBoxLayout(responseBox);
    m_status = infoLabel(u"statusLabel"_s, responseBox);
    m_status->setText(tr("No test call yet."));
    m_ids = infoLabel(u"idsLabel"_s, responseBox);
    m_ids->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_explanation = new QListWidget(responseBox);
    m_explanation->setObjectName(u"explanationListWidget"_s);
    m_explanation->setWordWrap(true);
    m_useId = new QPushButton(tr("&Use this VoiceCall id in the UUI"), responseBox);
    m_useId->setObjectName(u"useVoiceCallIdPushButton"_s);
    m_useId->setToolTip(tr("Puts the 18-character id into the UUI header page's callId sample."));
    m_useId->setEnabled(false);
    auto* idsRow = new QHBoxLayout;
    idsRow->addWidget(m_ids, 1);
    idsRow->addWidget(m_useId, 0, Qt::AlignTop);
    responseLayout->addWidget(m_status);
    responseLayout->addLayout(idsRow);
    responseLayout->addWidget(m_explanation, 1);
    m_raw = new QPlainTextEdit(responseBox);
    m_raw->setObjectName(u"rawHttpPlainTextEdit"_s);
    m_raw->setReadOnly(true);
    m_raw->setTabChangesFocus(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setAccessibleName(tr("Raw HTTP request and response"));
    m_raw->setPlaceholderText(tr("The raw HTTP request and response appear here after a test call."));
    m_raw->setMinimumHeight(m_raw->fontMetrics().lineSpacing() * 4);
    m_showToken = new QCheckBox(tr("Show the API &token in the raw request"), responseBox);
    m_showToken->setObjectName(u"showApiTokenCheckBox"_s);
    m_showToken->setToolTip(tr("The token is a credential that is valid until it expires: show it only to paste it "
                               "into a tool of your own. It is never saved or logged."));
    connect(m_showToken, &QCheckBox::toggled, this, [this] {
        if (m_shownEntry >= 0 && m_shownEntry < m_history.size()) {
            m_raw->setPlainText(rawText(m_history.at(m_shownEntry)));
        }
    });
    responseLayout->addWidget(m_showToken);
    responseLayout->addWidget(m_raw, 1);
    auto* historyBox = new QGroupBox(tr("This session's test calls"), splitter);
    auto* historyLayout = new QVBoxLayout(historyBox);
    m_historyView = new QTreeWidget(historyBox);
    m_historyView->setObjectName(u"historyTreeWidget"_s);
    m_historyView->setRootIsDecorated(false);
    m_historyView->setHeaderLabels({tr("Time"), tr("Target"), tr("Status"), tr("VoiceCall id (18)"), tr("ms")});
    // The id column wide enough for an 18-character id; the others fit their contents.
    m_historyView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->header()->setMinimumSectionSize(
        QFontMetrics(m_historyView->font()).horizontalAdvance(u"0LQRM0000006CSzAAM"_s) / 4);
    m_historyView->header()->setStretchLastSection(false);
    historyLayout->addWidget(m_historyView);
    splitter->addWidget(responseBox);
    splitter->addWidget(historyBox);
    responseBox->setMinimumHeight(160);
    historyBox->setMinimumHeight(120);
    layout->addWidget(splitter, 1);

    // Editing: every change goes to the project through the workspace (undoable).
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        const auto target = telephony::testCallTargetFromKey(m_target->currentData().toString());
        editSettings(tr("Change test call target"), {}, [&](telephony::TestCallSettings& s) {
            s.target = target.value_or(telephony::TestCallTarget::Emulator);
        });
        refreshTargetInfo();
    });
    const auto bindLine = [this](QLineEdit* edit, const QString& name, QString telephony::TestCallSettings::*member) {
        connect(edit, &QLineEdit::textEdited, this, [this, edit, name, member] {
            editSettings(tr("Edit %1").arg(name), u"testCall."_s + name,
                         [&](telephony::TestCallSettings& s) { s.*member = edit->text(); });
        });
    };
    bindLine(m_to, u"to"_s, &telephony::TestCallSettings::to);
    bindLine(m_from, u"from"_s, &telephony::TestCallSettings::from);
    bindLine(m_callOrigin, u"callOrigin"_s, &telephony::TestCallSettings::callOrigin);
    bindLine(m_queue, u"queue"_s, &telephony::TestCallSettings::queue);
    bindLine(m_provider, u"telephonyProviderName"_s, &telephony::TestCallSettings::telephonyProviderName);
    bindLine(m_region, u"defaultRegion"_s, &telephony::TestCallSettings::defaultRegion);
    connect(m_initiation, &QComboBox::currentIndexChanged, this, [this](int index) {
        editSettings(tr("Edit initiationMethod"), {}, [&](telephony::TestCallSettings& s) {
            s.initiationMethod =
                index == 1 ? telephony::InitiationMethod::Transfer : telephony::InitiationMethod::Inbound;
        });
    });
    connect(m_callSubtype, &QComboBox::currentIndexChanged, this, [this] {
        editSettings(tr("Edit callSubtype"), {},
                     [&](telephony::TestCallSettings& s) { s.callSubtype = m_callSubtype->currentData().toString(); });
    });
    connect(m_attributes, &QTableWidget::itemChanged, this, [this] { writeAttributes(); });
    connect(m_addAttribute, &QPushButton::clicked, this, [this] {
        editSettings(tr("Add callAttributes field"), {}, [](telephony::TestCallSettings& s) {
            s.callAttributes.append({QString(), QString()});
        });
        m_attributes->setCurrentCell(m_attributes->rowCount() - 1, 0);
        m_attributes->editItem(m_attributes->item(m_attributes->rowCount() - 1, 0));
    });
    connect(m_removeAttribute, &QPushButton::clicked, this, [this] {
        const int row = m_attributes->currentRow();
        if (row < 0) {
            return;
        }
        editSettings(tr("Remove callAttributes field"), {}, [row](telephony::TestCallSettings& s) {
            if (row < s.callAttributes.size()) {
                s.callAttributes.removeAt(row);
            }
        });
    });
    connect(m_pasteAttributes, &QPushButton::clicked, this, [this] {
        std::optional<QByteArray> pasted =
            dialogs().pasteText(this, tr("Paste callAttributes"),
                                tr("A JSON object of VoiceCall field API names and values. The pairs replace the "
                                   "ones in the table."));
        if (pasted) {
            pasteCallAttributes(QString::fromUtf8(*pasted));
        }
    });
    connect(m_send, &QPushButton::clicked, this, [this] { sendTestCall(); });
    connect(m_cancel, &QPushButton::clicked, this, &TestCallPage::cancelTestCall);
    connect(m_copyCurl, &QPushButton::clicked, this, &TestCallPage::copyAsCurl);
    connect(m_useId, &QPushButton::clicked, this, &TestCallPage::useVoiceCallId);
    connect(m_historyView, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        const int index = item ? m_historyView->indexOfTopLevelItem(item) : -1;
        if (index >= 0 && index < m_history.size()) {
            showResult(m_history.at(m_history.size() - 1 - index)); // newest first
        }
    });
}

telephony::TestCallSettings TestCallPage::settings() const {
    return workspace().project().testCall.value_or(telephony::TestCallSettings{});
}

void TestCallPage::editSettings(const QString& text, const QString& mergeKey,
                                const std::function<void(telephony::TestCallSettings&)>& change) {
    if (m_refreshing) {
        return;
    }
    workspace().edit(
        text,
        [&](project::Project& p) {
            telephony::TestCallSettings s = p.testCall.value_or(telephony::TestCallSettings{});
            change(s);
            p.testCall = s;
        },
        mergeKey);
}

void TestCallPage::writeAttributes() {
    if (m_refreshing) {
        return;
    }
    QList<telephony::CallAttribute> attributes;
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        const QTableWidgetItem* field = m_attributes->item(row, 0);
        const QTableWidgetItem* value = m_attributes->item(row, 1);
        attributes.append({field ? field->text().trimmed() : QString(), value ? value->text() : QString()});
    }
    editSettings(tr("Edit callAttributes"), u"testCall.callAttributes"_s,
                 [&](telephony::TestCallSettings& s) { s.callAttributes = attributes; });
}

void TestCallPage::refreshFromProject() {
    m_refreshing = true;
    const telephony::TestCallSettings s = settings();
    m_target->setCurrentIndex(s.target == telephony::TestCallTarget::Org ? 1 : 0);
    const auto setText = [](QLineEdit* edit, const QString& text) {
        if (edit->text() != text) {
            edit->setText(text);
        }
    };
    setText(m_to, s.to);
    setText(m_from, s.from);
    setText(m_callOrigin, s.callOrigin);
    setText(m_queue, s.queue);
    setText(m_provider, s.telephonyProviderName);
    setText(m_region, s.defaultRegion);
    m_initiation->setCurrentIndex(s.initiationMethod == telephony::InitiationMethod::Transfer ? 1 : 0);
    m_callSubtype->setCurrentIndex(qMax(0, m_callSubtype->findData(s.callSubtype)));
    if (m_attributes->rowCount() != s.callAttributes.size()) {
        m_attributes->setRowCount(int(s.callAttributes.size()));
    }
    for (int row = 0; row < s.callAttributes.size(); ++row) {
        const QStringList texts{s.callAttributes.at(row).field, s.callAttributes.at(row).value};
        for (int column = 0; column < 2; ++column) {
            QTableWidgetItem* item = m_attributes->item(row, column);
            if (!item) {
                m_attributes->setItem(row, column, new QTableWidgetItem(texts.at(column)));
            } else if (item->text() != texts.at(column)) {
                item->setText(texts.at(column));
            }
        }
    }
    m_refreshing = false;
    refreshTargetInfo();
}

void TestCallPage::refreshTargetInfo() {
    const project::Project& p = workspace().project();
    m_orgInfo->setText(tr("%1, call center %2 (from Org & credentials)")
                           .arg(p.org.orgId.isEmpty() ? tr("(no org id)") : p.org.orgId,
                                p.org.callCenterApiName.isEmpty() ? tr("(none)") : p.org.callCenterApiName));
    if (settings().target == telephony::TestCallTarget::Org) {
        const telephony::Endpoint endpoint = telephony::resolveEndpoint(p.org.scrt2Domain);
        m_targetInfo->setText(
            endpoint.voiceCallsUrl.isEmpty()
                ? tr("The org's SCRT2 domain is not usable yet; see Org & credentials.")
                : tr("%1 — creates a real VoiceCall record in the org.").arg(endpoint.voiceCallsUrl.toString()));
    } else if (m_emulator && m_emulator->isListening()) {
        m_targetInfo->setText(tr("Running at %1; it trusts the certificate of this project's key.")
                                  .arg(m_emulator->voiceCallsUrl().toString()));
    } else {
        m_targetInfo->setText(tr("Starts on this computer (127.0.0.1) with the first test call. It checks the "
                                 "token against this project's key like Salesforce checks the registered "
                                 "certificate."));
    }
}

void TestCallPage::refreshEmulatorRegistration() {
    if (!m_emulator) {
        return;
    }
    m_emulator->clearRegistrations();
    const project::Project& p = workspace().project();
    if (!workspace().hasKey()) {
        return;
    }
    const QStringList centers =
        p.org.callCenterApiName.isEmpty() ? QStringList() : QStringList{p.org.callCenterApiName.trimmed()};
    // A wrong org id is reported when sending; the registration simply stays empty.
    (void)m_emulator->registerPublicKey(p.org.orgId, workspace().key().publicKey(), centers, p.org.customerType);
}

std::optional<QUrl> TestCallPage::endpoint(QString* problem) {
    const project::Project& p = workspace().project();
    if (settings().target == telephony::TestCallTarget::Org) {
        const telephony::Endpoint endpoint = telephony::resolveEndpoint(p.org.scrt2Domain);
        if (endpoint.voiceCallsUrl.isEmpty()) {
            QStringList messages;
            for (const diagnostics::Diagnostic& d : endpoint.diagnostics) {
                messages << d.message;
            }
            *problem = tr("The org's SCRT2 domain cannot be used: %1").arg(messages.join(u' '));
            return std::nullopt;
        }
        return endpoint.voiceCallsUrl;
    }
    if (!m_emulator) {
        m_emulator = std::make_unique<emulator::VoiceCallsEmulator>(workspace().clock());
        const auto listening = m_emulator->listen();
        if (!listening) {
            *problem = listening.error().message;
            m_emulator.reset();
            return std::nullopt;
        }
        connect(m_emulator.get(), &emulator::VoiceCallsEmulator::callCreated, this, [this] { refreshTargetInfo(); });
        refreshEmulatorRegistration();
        refreshTargetInfo();
    }
    const auto org = salesforce::SalesforceId::parse(p.org.orgId.trimmed());
    if (!org || org->kind() != salesforce::IdKind::Organization) {
        *problem = tr("The org id is missing or not a 00D id; enter it on Org & credentials. The emulator checks it "
                      "as the token's iss.");
        return std::nullopt;
    }
    return m_emulator->voiceCallsUrl();
}

std::unique_ptr<telephony::VoiceCallsClient> TestCallPage::makeClient(const QUrl& url) {
    const project::Project& p = workspace().project();
    const telephony::TestCallSettings s = settings();
    telephony::ClientOptions options;
    options.build.telephonyProviderName = s.telephonyProviderName;
    options.build.defaultRegion = s.defaultRegion;
    auto tokens = std::make_shared<telephony::JwtApiTokenSource>(workspace().key(), p.org.orgId.trimmed(),
                                                                 p.org.callCenterApiName.trimmed(), p.org.customerType,
                                                                 workspace().clock());
    return std::make_unique<telephony::VoiceCallsClient>(url, tokens, workspace().clock(), options);
}

bool TestCallPage::isSending() const {
    return m_reply != nullptr;
}

void TestCallPage::showProblem(const QString& text) {
    m_status->setText(text);
    m_ids->clear();
    m_explanation->clear();
    m_shownId18.clear();
    m_useId->setEnabled(false);
    m_raw->clear();
    m_shownEntry = -1;
}

bool TestCallPage::useVoiceCallId() {
    if (m_shownId18.size() != 18) {
        return false;
    }
    const QString id = m_shownId18;
    workspace().edit(tr("Use VoiceCall id %1 as callId").arg(id), [id](project::Project& p) {
        p.uui.callId = id;
        p.uui.includeCallId = true;
    });
    m_status->setText(tr("callId is now %1 on the UUI header page.").arg(id));
    return true;
}

bool TestCallPage::sendTestCall() {
    if (m_reply) {
        return false;
    }
    if (!workspace().hasKey()) {
        showProblem(tr("There is no private key to sign the API token with. Import or generate one on Org & "
                       "credentials."));
        return false;
    }
    QString problem;
    const auto url = endpoint(&problem);
    if (!url) {
        showProblem(problem);
        return false;
    }
    const telephony::TestCallSettings s = settings();
    if (s.target == telephony::TestCallTarget::Org && !m_orgConfirmed) {
        if (!dialogs().confirm(this, tr("Send a test call to the org?"),
                               tr("This creates a real VoiceCall record in org %1 through %2.")
                                   .arg(workspace().project().org.orgId, url->host()),
                               tr("Send"))) {
            return false;
        }
        m_orgConfirmed = true;
    }
    m_client = makeClient(*url);
    m_pending = HistoryEntry{};
    m_pending.at = workspace().clock().now();
    m_pending.target = s.target;
    m_pending.endpoint = url->toString();
    m_pending.vendorCallKey = u"handoff-test-"_s + jwt::newJti();
    const telephony::VoiceCallRequest request =
        s.request(workspace().project().org.callCenterApiName.trimmed(), m_pending.vendorCallKey);
    {
        // The request as it goes out, without its token: the client signs a fresh one when it sends.
        diagnostics::Diagnostics ignored;
        const telephony::HttpRequestSpec spec = m_client->prepare(request, false, &ignored);
        m_pending.requestLine = u"POST "_s + spec.url.toString();
        QString text;
        for (const auto& [name, value] : spec.headers) {
            if (name.compare("Authorization", Qt::CaseInsensitive) != 0) {
                text += QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value) + u'\n';
            }
        }
        m_pending.requestRest = text + u'\n' + QString::fromUtf8(spec.body);
    }
    m_reply = m_client->createVoiceCall(request, this);
    connect(m_reply, &telephony::VoiceCallsReply::finished, this, &TestCallPage::onReplyFinished);
    m_send->setEnabled(false);
    m_cancel->setEnabled(true);
    m_status->setText(tr("Sending to %1…").arg(url->toString()));
    m_ids->clear();
    m_explanation->clear();
    return true;
}

void TestCallPage::cancelTestCall() {
    if (m_reply) {
        m_reply->abort();
    }
}

void TestCallPage::onReplyFinished() {
    telephony::VoiceCallsReply* reply = m_reply;
    if (!reply) {
        return;
    }
    m_reply = nullptr;
    m_pending.result = reply->result();
    reply->deleteLater();
    m_history.append(m_pending);
    const HistoryEntry& entry = m_history.constLast();
    const QString status = entry.result.httpStatus > 0 ? QString::number(entry.result.httpStatus)
                                                       : telephony::callOutcomeName(entry.result.outcome);
    auto* item = new QTreeWidgetItem({QLocale().toString(entry.at.toLocalTime().time(), QLocale::ShortFormat),
                                      entry.target == telephony::TestCallTarget::Org ? tr("org") : tr("emulator"),
                                      status, entry.result.voiceCallId18, QString::number(entry.result.latencyMs)});
    item->setToolTip(
        3, entry.result.voiceCallId.isEmpty()
               ? QString()
               : tr("%1 (the API's 15 characters: %2)").arg(entry.result.voiceCallId18, entry.result.voiceCallId));
    m_historyView->insertTopLevelItem(0, item);
    for (int column = 0; column < m_historyView->columnCount(); ++column) {
        m_historyView->resizeColumnToContents(column);
    }
    m_send->setEnabled(true);
    m_cancel->setEnabled(false);
    showResult(entry);
    Q_EMIT testCallFinished();
}

void TestCallPage::showResult(const HistoryEntry& entry) {
    const telephony::VoiceCallResult& r = entry.result;
    QString headline;
    if (r.created()) {
        headline = tr("Created: HTTP %1 in %2 ms.").arg(r.httpStatus).arg(r.latencyMs);
    } else if (r.outcome == telephony::CallOutcome::Cancelled) {
        headline = tr("Cancelled.");
    } else if (r.outcome == telephony::CallOutcome::Timeout) {
        headline = tr("No answer in time (%1 ms): the data action would take its timeout path.").arg(r.latencyMs);
    } else if (r.httpStatus > 0) {
        headline = tr("Refused: HTTP %1 in %2 ms.").arg(r.httpStatus).arg(r.latencyMs);
    } else {
        headline = tr("Failed without an HTTP answer.");
    }
    m_status->setText(headline + u' ' + tr("(%n attempt(s), %1)", nullptr, r.attempts).arg(entry.endpoint));
    m_ids->setText(r.voiceCallId.isEmpty()
                       ? QString()
                       : tr("voiceCallId %1\nfor the UUI's callId: %2").arg(r.voiceCallId, r.voiceCallId18));
    m_shownEntry = int(&entry - m_history.constData());
    Q_ASSERT(m_shownEntry >= 0 && m_shownEntry < m_history.size()); // entries shown are the history's
    m_raw->setPlainText(rawText(entry));
    m_shownId18 = r.voiceCallId18;
    m_useId->setEnabled(m_shownId18.size() == 18);
    m_explanation->clear();
    for (const QString& error : r.errors) {
        auto* item = new QListWidgetItem(tr("Server: %1").arg(error), m_explanation);
        item->setFlags(item->flags() | Qt::ItemIsSelectable);
    }
    for (const diagnostics::Diagnostic& d : r.diagnostics) {
        new QListWidgetItem(QIcon(shell::severityIconPath(d.severity)), u"%1 (%2)"_s.arg(d.message, d.code),
                            m_explanation);
    }
}

QString TestCallPage::rawText(const HistoryEntry& entry) const {
    const telephony::VoiceCallResult& r = entry.result;
    const bool showToken = m_showToken->isChecked() && !r.sentToken.isEmpty();
    QString raw = entry.requestLine + u'\n';
    raw += u"Authorization: Bearer "_s + (showToken ? QString::fromLatin1(r.sentToken) : tr("<API token, redacted>")) +
           u'\n';
    raw += entry.requestRest;
    raw += u"\n\n"_s + (r.httpStatus > 0 ? tr("HTTP %1").arg(r.httpStatus) : tr("(no HTTP answer)")) + u'\n';
    raw += QString::fromUtf8(r.responseBody);
    return raw;
}

bool TestCallPage::pasteCallAttributes(const QString& text) {
    const telephony::ParsedCallAttributes parsed = telephony::parseCallAttributes(text);
    m_explanation->clear();
    for (const diagnostics::Diagnostic& d : parsed.diagnostics) {
        new QListWidgetItem(QIcon(shell::severityIconPath(d.severity)), u"%1 (%2)"_s.arg(d.message, d.code),
                            m_explanation);
    }
    if (parsed.attributes.isEmpty()) {
        m_status->setText(tr("Nothing was pasted into callAttributes."));
        return false;
    }
    editSettings(tr("Paste callAttributes"), {},
                 [&](telephony::TestCallSettings& s) { s.callAttributes = parsed.attributes; });
    m_status->setText(tr("%n callAttributes pair(s) pasted.", nullptr, int(parsed.attributes.size())));
    return true;
}

QString TestCallPage::curlCommand() {
    QString problem;
    const auto url = endpoint(&problem);
    if (!url) {
        showProblem(problem);
        return {};
    }
    auto client = makeClient(*url);
    diagnostics::Diagnostics ignored;
    const telephony::HttpRequestSpec spec = client->prepare(
        settings().request(workspace().project().org.callCenterApiName.trimmed(), u"handoff-test-"_s + jwt::newJti()),
        false, &ignored);
    return telephony::renderCurl(spec);
}

void TestCallPage::copyAsCurl() {
    const QString command = curlCommand();
    if (!command.isEmpty()) {
        QGuiApplication::clipboard()->setText(command);
        // The lines of an earlier answer are not about this command: clear them with the headline.
        showProblem(tr("cURL command copied (set HANDOFF_API_TOKEN to a fresh API token before running it)."));
    }
}

} // namespace handoff::pages
