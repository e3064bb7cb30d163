#include "pages/OrgPage.h"

#include "common/SaveFile.h"
#include "crypto/KeyGenerator.h"
#include "crypto/SecureBytes.h"
#include "project/NewProject.h"
#include "project/SecretStore.h"
#include "salesforce/OrgProfile.h"
#include "salesforce/SalesforceId.h"
#include "shell/Dialogs.h"
#include "shell/StateColours.h"
#include "shell/Workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QCursor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::pages {

using diagnostics::Severity;

// A line under a field: the message of the field's worst problem, marked with a severity symbol and coloured, or a
// quiet hint. One word-wrapped label, so the form gives it exactly the height its text needs at the current width.
class FieldMessage final : public QLabel {
public:
    explicit FieldMessage(const QString& objectName, QWidget* parent)
        : QLabel(parent) {
        setObjectName(objectName);
        setWordWrap(true);
        setTextFormat(Qt::PlainText);
        setTextInteractionFlags(Qt::TextSelectableByMouse);
        // Take the field column's full width, and the height the wrapped text needs there.
        QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
        hide();
    }

    void showProblem(const diagnostics::Diagnostic& d) {
        // Symbol and colour together: the colour alone would not reach everyone.
        const QString symbol = d.severity == Severity::Error     ? u"\u2716"_s
                               : d.severity == Severity::Warning ? u"\u26a0"_s
                                                                 : u"\u2139"_s;
        setColour(shell::severityColour(parentWidget() ? parentWidget()->palette() : palette(), d.severity));
        setText(u"%1 %2 (%3)"_s.arg(symbol, d.message, d.code));
        setEnabled(true);
        m_severity = static_cast<int>(d.severity);
        show();
    }
    void showHint(const QString& hint) {
        m_severity = -1;
        if (hint.isEmpty()) {
            hide();
            return;
        }
        setPalette(QPalette()); // back to the page's colours
        setText(hint);
        setEnabled(false); // the palette's placeholder colour
        show();
    }
    // -1 for a hint or nothing, else the diagnostics::Severity shown.
    int severity() const { return m_severity; }

    // QFormLayout sizes rows by their size hint; QLabel's hint guesses a narrow width. Once laid out, hint the height
    // the text needs at the width it really has.
    QSize sizeHint() const override {
        const QSize hint = QLabel::sizeHint();
        return width() > hint.width() ? QSize(hint.width(), heightForWidth(width())) : hint;
    }

protected:
    void resizeEvent(QResizeEvent* event) override {
        QLabel::resizeEvent(event);
        if (event->size().width() != event->oldSize().width()) {
            updateGeometry();
        }
    }

private:
    void setColour(const QColor& colour) {
        // Only the text colour is ours; every other role keeps following the page's palette (light or dark).
        QPalette p;
        p.setColor(QPalette::WindowText, colour);
        setPalette(p);
    }

    int m_severity = -1;
};

namespace {

QLabel* factLabel(const QString& objectName, QWidget* parent, bool monospace = false) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    label->setSizePolicy(policy);
    if (monospace) {
        label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    return label;
}

QString keyFileFilter() {
    return QCoreApplication::translate("handoff::pages::OrgPage", "PEM private keys (*.pem *.key);;All files (*)");
}

QString certificateFileFilter() {
    return QCoreApplication::translate("handoff::pages::OrgPage",
                                       "Certificates (*.crt *.pem *.cer *.der);;All files (*)");
}

} // namespace

OrgPage::OrgPage(shell::Workspace& workspace, QWidget* parent)
    : Page(workspace, parent) {
    setObjectName(u"orgPage"_s);
    buildUi();
    connect(&workspace, &shell::Workspace::projectChanged, this, &OrgPage::refreshFromProject);
    connect(&workspace, &shell::Workspace::derivedChanged, this, &OrgPage::refreshDiagnostics);
    connect(&workspace, &shell::Workspace::keyChanged, this, &OrgPage::refreshKeyFacts);
    connect(&workspace, &shell::Workspace::keyStoreMessageChanged, this, &OrgPage::refreshKeyFacts);
    refreshFromProject();
    refreshKeyFacts();
    refreshDiagnostics();
}

OrgPage::~OrgPage() = default;

void OrgPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        // The message colours are picked for the palette; wait until every child has the new one.
        QTimer::singleShot(0, this, &OrgPage::refreshDiagnostics);
    }
    shell::Page::changeEvent(event);
}

QString OrgPage::title() const {
    return tr("Org & credentials");
}

QIcon OrgPage::icon() const {
    return QIcon(u":/handoff/icons/page-org.svg"_s);
}

QString OrgPage::pageId() const {
    return u"org"_s;
}

void OrgPage::buildUi() {
    auto* heading = new QLabel(tr("Org & credentials"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    auto* intro = new QLabel(tr("The Salesforce org the tokens are signed for, and the key that signs them. The "
                                "project file keeps these settings but never the private key."),
                             this);
    intro->setWordWrap(true);

    // ---- Environments: one org, key, trunk and SIP address each (docs/environments.md)
    auto* environmentGroup = new QGroupBox(tr("Environment"), this);
    environmentGroup->setObjectName(u"environmentGroupBox"_s);
    auto* environmentLayout = new QVBoxLayout(environmentGroup);
    m_environment = new QComboBox(environmentGroup);
    m_environment->setObjectName(u"environmentComboBox"_s);
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* environmentLabel = new QLabel(tr("Envi&ronment:"), environmentGroup);
    environmentLabel->setBuddy(m_environment);
    m_addEnvironment = new QPushButton(tr("&Add\u2026"), environmentGroup);
    m_addEnvironment->setObjectName(u"environmentAddButton"_s);
    m_addEnvironment->setToolTip(tr("Add an environment (a sandbox, production) as a copy of this one"));
    m_renameEnvironment = new QPushButton(tr("Rename\u2026"), environmentGroup);
    m_renameEnvironment->setObjectName(u"environmentRenameButton"_s);
    m_removeEnvironment = new QPushButton(tr("Remove"), environmentGroup);
    m_removeEnvironment->setObjectName(u"environmentRemoveButton"_s);
    auto* environmentRow = new QHBoxLayout;
    environmentRow->addWidget(environmentLabel);
    environmentRow->addWidget(m_environment);
    environmentRow->addWidget(m_addEnvironment);
    environmentRow->addWidget(m_renameEnvironment);
    environmentRow->addWidget(m_removeEnvironment);
    environmentRow->addStretch();
    environmentLayout->addLayout(environmentRow);
    m_environmentNote = new QLabel(environmentGroup);
    m_environmentNote->setObjectName(u"environmentNoteLabel"_s);
    m_environmentNote->setWordWrap(true);
    environmentLayout->addWidget(m_environmentNote);

    // ---- Salesforce org
    auto* orgGroup = new QGroupBox(tr("Salesforce org"), this);
    orgGroup->setObjectName(u"orgGroupBox"_s);
    auto* orgForm = new QFormLayout(orgGroup);
    orgForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(orgGroup);
    m_name->setObjectName(u"projectNameLineEdit"_s);
    m_name->setPlaceholderText(tr("e.g. Support line handoff"));
    orgForm->addRow(tr("Project &name:"), m_name);

    m_orgId = new QLineEdit(orgGroup);
    m_orgId->setObjectName(u"orgIdLineEdit"_s);
    m_orgId->setPlaceholderText(tr("00D followed by 12 or 15 characters"));
    m_orgId->setMaxLength(40);
    m_convertOrgId = new QPushButton(orgGroup);
    m_convertOrgId->setObjectName(u"orgIdConvertButton"_s);
    m_convertOrgId->setEnabled(false);
    auto* orgIdRow = new QHBoxLayout;
    orgIdRow->addWidget(m_orgId, 1);
    orgIdRow->addWidget(m_convertOrgId);
    auto* orgIdLabel = new QLabel(tr("&Org id:"), orgGroup);
    orgIdLabel->setBuddy(m_orgId);
    orgForm->addRow(orgIdLabel, orgIdRow);
    m_orgIdMessage = new FieldMessage(u"orgIdMessage"_s, orgGroup);
    orgForm->addRow(static_cast<QWidget*>(nullptr), m_orgIdMessage);

    m_scrt2 = new QLineEdit(orgGroup);
    m_scrt2->setObjectName(u"scrt2LineEdit"_s);
    m_scrt2->setPlaceholderText(tr("mycompany.my.salesforce-scrt.com or its https://\u2026/telephony/v1 URL"));
    m_useDomain = new QPushButton(tr("Use &Domain"), orgGroup);
    m_useDomain->setObjectName(u"scrt2UseDomainButton"_s);
    m_useDomain->setToolTip(tr("Replace the text with the bare SCRT2 domain the UUI carries"));
    m_useDomain->setEnabled(false);
    auto* scrt2Row = new QHBoxLayout;
    scrt2Row->addWidget(m_scrt2, 1);
    scrt2Row->addWidget(m_useDomain);
    auto* scrt2Label = new QLabel(tr("SCRT2 &domain or URL:"), orgGroup);
    scrt2Label->setBuddy(m_scrt2);
    orgForm->addRow(scrt2Label, scrt2Row);
    m_scrt2Derived = factLabel(u"scrt2DerivedLabel"_s, orgGroup);
    m_scrt2Derived->setWordWrap(false);
    orgForm->addRow(static_cast<QWidget*>(nullptr), m_scrt2Derived);
    m_scrt2Message = new FieldMessage(u"scrt2Message"_s, orgGroup);
    orgForm->addRow(static_cast<QWidget*>(nullptr), m_scrt2Message);

    m_customerType = new QComboBox(orgGroup);
    m_customerType->setObjectName(u"customerTypeComboBox"_s);
    m_customerType->addItem(tr("Salesforce Voice with Telephony Providers (the token names the call center)"),
                            salesforce::customerTypeKey(salesforce::CustomerType::VoiceWithTelephonyProviders));
    m_customerType->addItem(tr("Other, such as Open CTI (the token carries no sub claim)"),
                            salesforce::customerTypeKey(salesforce::CustomerType::Other));
    orgForm->addRow(tr("Customer &type:"), m_customerType);
    m_customerTypeMessage = new FieldMessage(u"customerTypeMessage"_s, orgGroup);
    orgForm->addRow(static_cast<QWidget*>(nullptr), m_customerTypeMessage);

    m_callCenter = new QLineEdit(orgGroup);
    m_callCenter->setObjectName(u"callCenterLineEdit"_s);
    m_callCenter->setPlaceholderText(tr("e.g. Genesys_Voice_Center"));
    orgForm->addRow(tr("&Call Center API name:"), m_callCenter);
    m_callCenterMessage = new FieldMessage(u"callCenterMessage"_s, orgGroup);
    orgForm->addRow(static_cast<QWidget*>(nullptr), m_callCenterMessage);

    m_sipAddress = new QLineEdit(orgGroup);
    m_sipAddress->setObjectName(u"sipAddressLineEdit"_s);
    m_sipAddress->setPlaceholderText(tr("Empty: the number in the flow's Transfer to Number"));
    m_sipAddress->setToolTip(tr("The SIP address of this environment's Agentforce Voice channel, in E.164 form "
                                "(+ and digits). It replaces a transfer number written as text in the flow."));
    auto* sipLabel = new QLabel(tr("Agentforce channe&l's SIP address:"), orgGroup);
    sipLabel->setBuddy(m_sipAddress);
    orgForm->addRow(sipLabel, m_sipAddress);
    m_sipAddressMessage = new FieldMessage(u"sipAddressMessage"_s, orgGroup);
    orgForm->addRow(static_cast<QWidget*>(nullptr), m_sipAddressMessage);

    // ---- Key and certificate
    auto* keyGroup = new QGroupBox(tr("Private key and certificate"), this);
    keyGroup->setObjectName(u"keyGroupBox"_s);
    auto* keyLayout = new QVBoxLayout(keyGroup);
    auto* keyForm = new QFormLayout;
    keyForm->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_keySummary = factLabel(u"keySummaryLabel"_s, keyGroup);
    m_keyFingerprint = factLabel(u"keyFingerprintLabel"_s, keyGroup, true);
    m_keyStorage = factLabel(u"keyStorageLabel"_s, keyGroup);
    m_certificateSummary = factLabel(u"certificateSummaryLabel"_s, keyGroup);
    m_certificateValidity = factLabel(u"certificateValidityLabel"_s, keyGroup);
    m_certificateFingerprint = factLabel(u"certificateFingerprintLabel"_s, keyGroup, true);
    m_match = factLabel(u"keyMatchLabel"_s, keyGroup);
    keyForm->addRow(tr("Key:"), m_keySummary);
    keyForm->addRow(tr("Public key SHA-256:"), m_keyFingerprint);
    keyForm->addRow(tr("Kept in:"), m_keyStorage);
    keyForm->addRow(tr("Certificate:"), m_certificateSummary);
    keyForm->addRow(tr("Valid:"), m_certificateValidity);
    keyForm->addRow(tr("Certificate SHA-256:"), m_certificateFingerprint);
    keyForm->addRow(tr("Key and certificate:"), m_match);
    keyLayout->addLayout(keyForm);
    m_keyMessage = new FieldMessage(u"keyMessage"_s, keyGroup);
    keyLayout->addWidget(m_keyMessage);

    m_importKey = new QPushButton(tr("&Import Key File\u2026"), keyGroup);
    m_importKey->setObjectName(u"importKeyButton"_s);
    m_pasteKey = new QPushButton(tr("&Paste Key\u2026"), keyGroup);
    m_pasteKey->setObjectName(u"pasteKeyButton"_s);
    m_importCertificate = new QPushButton(tr("Import &Certificate\u2026"), keyGroup);
    m_importCertificate->setObjectName(u"importCertificateButton"_s);
    m_saveCertificate = new QPushButton(tr("&Save Certificate for Salesforce\u2026"), keyGroup);
    m_saveCertificate->setObjectName(u"saveCertificateButton"_s);
    m_saveKey = new QPushButton(tr("Save Private &Key\u2026"), keyGroup);
    m_saveKey->setObjectName(u"saveKeyButton"_s);
    m_saveKey->setToolTip(tr("Write the private key to a file (owner-only permissions), for example to add it to "
                             "the Genesys integration credentials"));
    m_forgetKey = new QPushButton(tr("&Forget Key"), keyGroup);
    m_forgetKey->setObjectName(u"forgetKeyButton"_s);
    auto* keyButtons = new QHBoxLayout;
    keyButtons->addWidget(m_importKey);
    keyButtons->addWidget(m_pasteKey);
    keyButtons->addWidget(m_importCertificate);
    keyButtons->addStretch();
    auto* keyButtons2 = new QHBoxLayout;
    keyButtons2->addWidget(m_saveCertificate);
    keyButtons2->addWidget(m_saveKey);
    keyButtons2->addStretch();
    keyButtons2->addWidget(m_forgetKey);
    keyLayout->addLayout(keyButtons);
    keyLayout->addLayout(keyButtons2);

    // ---- Generate
    auto* generateGroup = new QGroupBox(tr("Generate a key pair"), this);
    generateGroup->setObjectName(u"generateGroupBox"_s);
    auto* generateForm = new QFormLayout(generateGroup);
    auto* generateIntro = new QLabel(tr("Makes an RSA key and a self-signed SHA-256 certificate. Upload the "
                                        "certificate to Salesforce; the key stays in the keychain."),
                                     generateGroup);
    generateIntro->setWordWrap(true);
    generateForm->addRow(generateIntro);
    m_bits = new QComboBox(generateGroup);
    m_bits->setObjectName(u"keyBitsComboBox"_s);
    m_bits->addItem(tr("2048 bits (recommended)"), 2048);
    m_bits->addItem(tr("3072 bits"), 3072);
    m_bits->addItem(tr("4096 bits (longer token: check the UUI budget)"), 4096);
    generateForm->addRow(tr("Key si&ze:"), m_bits);
    m_days = new QSpinBox(generateGroup);
    m_days->setObjectName(u"certificateDaysSpinBox"_s);
    m_days->setRange(1, 3650);
    m_days->setValue(365);
    m_days->setSuffix(tr(" days"));
    generateForm->addRow(tr("Certificate &validity:"), m_days);
    m_commonName = new QLineEdit(generateGroup);
    m_commonName->setObjectName(u"commonNameLineEdit"_s);
    // The project's Call Center API name and org id, not the app's name; follows the project until edited.
    m_commonName->setText(project::defaultCommonName(workspace().project()));
    m_commonName->setPlaceholderText(tr("For example acme_cc 00D5g000004XyZ1"));
    generateForm->addRow(tr("Certificate common na&me:"), m_commonName);
    m_generate = new QPushButton(tr("&Generate Key Pair"), generateGroup);
    m_generate->setObjectName(u"generateKeyButton"_s);
    auto* generateRow = new QHBoxLayout;
    generateRow->addWidget(m_generate);
    generateRow->addStretch();
    generateForm->addRow(generateRow);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(environmentGroup);
    layout->addWidget(orgGroup);
    layout->addWidget(keyGroup);
    layout->addWidget(generateGroup);
    layout->addStretch();

    // Fields the Problems dock can take the admin to.
    registerField(u"name"_s, m_name);
    registerField(u"project.name"_s, m_name);
    registerField(u"org.orgId"_s, m_orgId);
    registerField(u"org.scrt2Domain"_s, m_scrt2);
    registerField(u"org.baseUrl"_s, m_scrt2);
    registerField(u"org.customerType"_s, m_customerType);
    registerField(u"org.callCenterApiName"_s, m_callCenter);
    registerField(u"org."_s, m_orgId);
    registerField(u"sipAddress"_s, m_sipAddress);
    registerField(u"environment"_s, m_environment);
    registerField(u"key"_s, m_importKey);
    registerField(u"key."_s, m_importKey);
    registerField(u"certificate"_s, m_importCertificate);
    registerField(u"certificate."_s, m_importCertificate);

    // Edits go to the workspace as undoable steps; typing in one field merges into one step.
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString& text) {
        workspace().edit(
            tr("Edit project name"), [text](project::Project& p) { p.name = text; }, u"name"_s);
    });
    connect(m_orgId, &QLineEdit::textEdited, this, [this](const QString& text) {
        workspace().edit(
            tr("Edit org id"), [text](project::Project& p) { p.org.orgId = text.trimmed(); }, u"org.orgId"_s);
    });
    connect(m_scrt2, &QLineEdit::textEdited, this, [this](const QString& text) {
        workspace().edit(
            tr("Edit SCRT2 domain"), [text](project::Project& p) { p.org.scrt2Domain = text.trimmed(); },
            u"org.scrt2Domain"_s);
    });
    connect(m_callCenter, &QLineEdit::textEdited, this, [this](const QString& text) {
        workspace().edit(
            tr("Edit Call Center API name"), [text](project::Project& p) { p.org.callCenterApiName = text.trimmed(); },
            u"org.callCenterApiName"_s);
    });
    connect(m_customerType, &QComboBox::activated, this, [this](int index) {
        const auto type = salesforce::customerTypeFromKey(m_customerType->itemData(index).toString());
        if (!type) {
            return;
        }
        workspace().edit(tr("Change customer type"), [type](project::Project& p) { p.org.customerType = *type; });
    });
    connect(m_sipAddress, &QLineEdit::textEdited, this, [this](const QString& text) {
        workspace().edit(
            tr("Edit SIP address"), [text](project::Project& p) { p.sipAddress = text.trimmed(); }, u"sipAddress"_s);
    });
    connect(m_environment, &QComboBox::activated, this, [this](int index) {
        const QString name = m_environment->itemData(index).toString();
        if (name != workspace().project().environment) {
            workspace().switchEnvironment(name);
        }
    });
    connect(m_addEnvironment, &QPushButton::clicked, this, &OrgPage::addEnvironment);
    connect(m_renameEnvironment, &QPushButton::clicked, this, &OrgPage::renameEnvironment);
    connect(m_removeEnvironment, &QPushButton::clicked, this, &OrgPage::removeEnvironment);
    connect(m_convertOrgId, &QPushButton::clicked, this, &OrgPage::convertOrgId);
    connect(m_useDomain, &QPushButton::clicked, this, &OrgPage::useScrt2Domain);
    connect(m_importKey, &QPushButton::clicked, this, &OrgPage::onImportKey);
    connect(m_pasteKey, &QPushButton::clicked, this, &OrgPage::onPasteKey);
    connect(m_importCertificate, &QPushButton::clicked, this, &OrgPage::onImportCertificate);
    connect(m_saveCertificate, &QPushButton::clicked, this, &OrgPage::onSaveCertificate);
    connect(m_saveKey, &QPushButton::clicked, this, &OrgPage::onSaveKey);
    connect(m_forgetKey, &QPushButton::clicked, this, &OrgPage::onForgetKey);
    connect(m_generate, &QPushButton::clicked, this, &OrgPage::generateKeyPair);
}

void OrgPage::refreshFromProject() {
    const project::Project& p = workspace().project();
    // Only touch a field whose text differs, so the cursor stays where the admin is typing.
    auto sync = [](QLineEdit* edit, const QString& value) {
        if (edit->text().trimmed() != value.trimmed()) {
            edit->setText(value);
        }
    };
    sync(m_name, p.name);
    if (!m_commonName->isModified()) {
        sync(m_commonName, project::defaultCommonName(p));
    }
    refreshEnvironments();
    sync(m_sipAddress, p.sipAddress);
    sync(m_orgId, p.org.orgId);
    sync(m_scrt2, p.org.scrt2Domain);
    sync(m_callCenter, p.org.callCenterApiName);
    const int typeIndex = m_customerType->findData(salesforce::customerTypeKey(p.org.customerType));
    if (typeIndex >= 0 && typeIndex != m_customerType->currentIndex()) {
        m_customerType->setCurrentIndex(typeIndex);
    }
    m_callCenter->setEnabled(p.org.subRequired());

    // Org id: offer the other form when the id is valid.
    const auto id = salesforce::SalesforceId::parse(p.org.orgId.trimmed());
    if (id && p.org.orgId.trimmed().size() == 15) {
        m_convertOrgId->setText(tr("Use 18-Character Form"));
        m_convertOrgId->setEnabled(true);
    } else if (id && p.org.orgId.trimmed().size() == 18) {
        m_convertOrgId->setText(tr("Use 15-Character Form"));
        m_convertOrgId->setEnabled(true);
    } else {
        m_convertOrgId->setText(tr("Convert 15/18"));
        m_convertOrgId->setEnabled(false);
    }

    // SCRT2: show both forms, derived from whichever was typed.
    const salesforce::Scrt2Address address = p.org.scrt2();
    if (!address.domain.isEmpty()) {
        m_scrt2Derived->setText(
            tr("UUI scrt2Domain: %1\nvoiceCalls base URL: %2%3")
                .arg(address.domain, address.baseUrl, address.sandbox ? tr("\n(a sandbox address)") : QString()));
        m_scrt2Derived->show();
    } else {
        m_scrt2Derived->hide();
    }
    m_useDomain->setEnabled(!address.domain.isEmpty() && address.domain != p.org.scrt2Domain.trimmed());
    refreshDiagnostics();
}

void OrgPage::setFieldMessage(FieldMessage* message, const QStringList& fields, const QString& hint) {
    const diagnostics::Diagnostic* worst = nullptr;
    for (const auto& d : workspace().diagnostics()) {
        if (fields.contains(d.where.field) &&
            (!worst || static_cast<int>(d.severity) > static_cast<int>(worst->severity))) {
            worst = &d;
        }
    }
    if (worst) {
        message->showProblem(*worst);
    } else {
        message->showHint(hint);
    }
}

void OrgPage::refreshDiagnostics() {
    const project::Project& p = workspace().project();
    QString orgHint;
    if (const auto id = salesforce::SalesforceId::parse(p.org.orgId.trimmed()); id) {
        orgHint = tr("15 characters: %1 \u00b7 18 characters: %2").arg(id->id15(), id->id18());
    }
    setFieldMessage(m_orgIdMessage, {u"org.orgId"_s}, orgHint);
    setFieldMessage(m_scrt2Message, {u"org.scrt2Domain"_s, u"org.baseUrl"_s});
    setFieldMessage(m_customerTypeMessage, {u"org.customerType"_s});
    setFieldMessage(m_callCenterMessage, {u"org.callCenterApiName"_s},
                    p.org.subRequired() ? QString()
                                        : tr("Not used: tokens for this customer type carry no sub claim."));
    setFieldMessage(m_keyMessage, {u"key"_s, u"certificate"_s});
    setFieldMessage(m_sipAddressMessage, {u"sipAddress"_s});
}

void OrgPage::refreshEnvironments() {
    const project::Project& p = workspace().project();
    const QStringList names = p.environmentNames();
    showEnvironments(m_environment, p);
    m_removeEnvironment->setEnabled(names.size() > 1);
    m_environmentNote->setText(
        names.size() > 1
            ? tr("This project hands calls to %n environment(s). The org, key, trunk and SIP address below belong "
                 "to \u201c%1\u201d; the exports, the go-live check and the runbook are for it, and the Archy export "
                 "adds one Set UUI Data per environment.",
                 nullptr, static_cast<int>(names.size()))
                  .arg(p.environment)
            : tr("One environment, \u201c%1\u201d. Add another (a sandbox, production) to keep its org, key, trunk "
                 "and SIP address apart; the help article has one Set UUI Data per environment.")
                  .arg(p.environment));
}

void OrgPage::addEnvironment() {
    const project::Project& p = workspace().project();
    const QString suggestion = p.hasEnvironment(u"sandbox"_s) ? QString() : u"sandbox"_s;
    const auto name = dialogs().lineOfText(this, tr("Add Environment"),
                                           tr("Name of the new environment (a copy of \u201c%1\u201d's settings; "
                                              "letters, digits, - and _):")
                                               .arg(p.environment),
                                           suggestion);
    if (!name) {
        return;
    }
    const QString trimmed = name->trimmed();
    project::Project check = p;
    if (auto added = check.addEnvironment(trimmed); !added) {
        dialogs().warning(this, tr("Add Environment"), added.error().message);
        return;
    }
    workspace().edit(tr("Add environment %1").arg(trimmed), [trimmed](project::Project& x) {
        (void)x.addEnvironment(trimmed);
        (void)x.selectEnvironment(trimmed);
        x.defaultEnvironment = x.environment;
    });
}

void OrgPage::renameEnvironment() {
    const project::Project& p = workspace().project();
    const QString old = p.environment;
    const auto name =
        dialogs().lineOfText(this, tr("Rename Environment"), tr("New name of \u201c%1\u201d:").arg(old), old);
    if (!name || name->trimmed() == old) {
        return;
    }
    const QString trimmed = name->trimmed();
    project::Project check = p;
    if (auto renamed = check.renameEnvironment(old, trimmed); !renamed) {
        dialogs().warning(this, tr("Rename Environment"), renamed.error().message);
        return;
    }
    workspace().edit(tr("Rename environment %1").arg(old),
                     [old, trimmed](project::Project& x) { (void)x.renameEnvironment(old, trimmed); });
}

void OrgPage::removeEnvironment() {
    const project::Project& p = workspace().project();
    const QString name = p.environment;
    if (!dialogs().confirm(this, tr("Remove Environment"),
                           tr("Remove the environment \u201c%1\u201d and its org, trunk and SIP address settings? Its "
                              "key stays in the keychain. Undo brings the environment back.")
                               .arg(name),
                           tr("Remove"))) {
        return;
    }
    project::Project check = p;
    if (auto removed = check.removeEnvironment(name); !removed) {
        dialogs().warning(this, tr("Remove Environment"), removed.error().message);
        return;
    }
    workspace().edit(tr("Remove environment %1").arg(name), [name](project::Project& x) {
        (void)x.removeEnvironment(name);
        x.defaultEnvironment = x.environment;
    });
}

void OrgPage::refreshKeyFacts() {
    const crypto::PrivateKey& key = workspace().key();
    const crypto::Certificate& certificate = workspace().certificate();
    if (key.isNull()) {
        m_keySummary->setText(tr("No private key yet. Import one, paste one, or generate a key pair below."));
        m_keyFingerprint->setText(tr("\u2014"));
        m_keyStorage->setText(tr("\u2014"));
    } else {
        m_keySummary->setText(tr("%1, %2 bits").arg(crypto::algorithmName(key.algorithm())).arg(key.bits()));
        m_keyFingerprint->setText(crypto::fingerprintHex(key.publicKey().spkiSha256()));
        const QString keyFile = workspace().project().key.keyFile;
        if (workspace().secretStore().isPersistent()) {
            m_keyStorage->setText(tr("The system keychain"));
        } else if (!keyFile.isEmpty()) {
            m_keyStorage->setText(
                tr("Memory for this session; read again from %1 next time").arg(QDir::toNativeSeparators(keyFile)));
        } else {
            m_keyStorage->setText(tr("Memory, for this session only: import the key again after restarting"));
        }
    }
    if (certificate.isNull()) {
        m_certificateSummary->setText(tr("No certificate. Generate a key pair, or import the certificate you "
                                         "uploaded to Salesforce."));
        m_certificateValidity->setText(tr("\u2014"));
        m_certificateFingerprint->setText(tr("\u2014"));
        m_match->setText(tr("\u2014"));
    } else {
        m_certificateSummary->setText(
            certificate.isSelfSigned()
                ? tr("%1 (self-signed, %2)").arg(certificate.subject(), certificate.signatureAlgorithm())
                : tr("%1 (issued by %2)").arg(certificate.subject(), certificate.issuer()));
        const QDateTime now = workspace().clock().now();
        const qint64 daysLeft = now.daysTo(certificate.notAfter());
        QString validity = tr("%1 to %2")
                               // ISO dates: a two-digit year would make 2126 look like 2026.
                               .arg(certificate.notBefore().toLocalTime().date().toString(Qt::ISODate),
                                    certificate.notAfter().toLocalTime().date().toString(Qt::ISODate));
        if (now > certificate.notAfter()) {
            validity += tr(" (expired)");
        } else if (now < certificate.notBefore()) {
            validity += tr(" (not yet valid)");
        } else {
            validity += daysLeft == 1 ? tr(" (1 day left)") : tr(" (%1 days left)").arg(daysLeft);
        }
        m_certificateValidity->setText(validity);
        m_certificateFingerprint->setText(crypto::fingerprintHex(certificate.sha256Fingerprint()));
        if (key.isNull()) {
            m_match->setText(tr("No key to compare"));
        } else if (certificate.matches(key)) {
            m_match->setText(tr("\u2713 They match: Salesforce will accept tokens signed with this key."));
        } else {
            m_match->setText(tr("\u2717 They do not match: tokens signed with this key will be refused."));
        }
    }
    const bool hasKey = !key.isNull();
    m_saveKey->setEnabled(hasKey);
    m_forgetKey->setEnabled(hasKey || !certificate.isNull());
    m_saveCertificate->setEnabled(!certificate.isNull());
    refreshDiagnostics();
}

void OrgPage::convertOrgId() {
    const QString text = workspace().project().org.orgId.trimmed();
    const auto id = salesforce::SalesforceId::parse(text);
    if (!id) {
        return;
    }
    const QString converted = text.size() == 15 ? id->id18() : id->id15();
    workspace().edit(tr("Convert org id"), [converted](project::Project& p) { p.org.orgId = converted; });
}

void OrgPage::useScrt2Domain() {
    const QString domain = workspace().project().org.scrt2().domain;
    if (domain.isEmpty()) {
        return;
    }
    workspace().edit(tr("Use SCRT2 domain"), [domain](project::Project& p) { p.org.scrt2Domain = domain; });
}

std::optional<crypto::PrivateKey> OrgPage::openKey(const QByteArray& pem, const QString& source) {
    auto key = crypto::PrivateKey::fromPem(pem);
    int attempts = 0;
    while (!key && (key.error().code == u"KEY004"_s || key.error().code == u"KEY005"_s) && attempts < 5) {
        const QString prompt = key.error().code == u"KEY005"_s
                                   ? tr("The passphrase for %1 is not correct. Try again:").arg(source)
                                   : tr("%1 is encrypted. Enter its passphrase:").arg(source);
        auto passphrase = dialogs().passphrase(this, tr("Key Passphrase"), prompt);
        if (!passphrase) {
            return std::nullopt; // cancelled: nothing to report
        }
        const crypto::SecureBytes secret = crypto::SecureBytes::takeFrom(*passphrase);
        key = crypto::PrivateKey::fromPem(pem, secret);
        ++attempts;
    }
    if (!key) {
        dialogs().critical(this, tr("Could Not Use the Key"),
                           tr("%1 could not be used as a private key.\n\n%2").arg(source, key.error().message));
        return std::nullopt;
    }
    const auto problems = key->checkForRs256();
    if (diagnostics::hasErrors(problems)) {
        dialogs().critical(this, tr("Key Not Suitable"), problems.first().message);
        return std::nullopt;
    }
    return *key;
}

bool OrgPage::importKeyFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        dialogs().critical(this, tr("Could Not Open the Key"),
                           tr("%1 could not be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    QByteArray pem = file.readAll();
    const auto key = openKey(pem, u"\u201c"_s + QFileInfo(path).fileName() + u"\u201d"_s);
    crypto::wipe(pem);
    if (!key) {
        return false;
    }
    // Remember where the key came from (a path, never the key): without a keychain it is read from there next time.
    const QString absolute = QFileInfo(path).absoluteFilePath();
    workspace().edit(tr("Import key"), [absolute](project::Project& p) { p.key.keyFile = absolute; });
    workspace().setKey(*key, workspace().certificate());
    return true;
}

bool OrgPage::importKeyPem(QByteArray pem) {
    const auto key = openKey(pem, tr("The pasted key"));
    crypto::wipe(pem);
    if (!key) {
        return false;
    }
    workspace().setKey(*key, workspace().certificate());
    return true;
}

bool OrgPage::importCertificateFile(const QString& path) {
    auto certificate = crypto::Certificate::load(path);
    if (!certificate) {
        dialogs().critical(this, tr("Could Not Open the Certificate"),
                           tr("%1 could not be read as a certificate.\n\n%2")
                               .arg(QDir::toNativeSeparators(path), certificate.error().message));
        return false;
    }
    workspace().setCertificate(*certificate);
    const QString absolute = QFileInfo(path).absoluteFilePath();
    workspace().edit(tr("Import certificate"), [absolute](project::Project& p) { p.key.certificateFile = absolute; });
    return true;
}

bool OrgPage::generateKeyPair() {
    crypto::KeyGenOptions options;
    options.bits = m_bits->currentData().toInt();
    options.days = m_days->value();
    options.commonName = m_commonName->text().trimmed();
    if (auto ok = crypto::checkKeyGenOptions(options); !ok) {
        dialogs().warning(this, tr("Cannot Generate"), ok.error().message);
        return false;
    }
    if (workspace().hasKey() &&
        !dialogs().confirm(this, tr("Replace the Key?"),
                           tr("This project already has a private key. A new key pair needs its new certificate "
                              "uploaded to Salesforce before calls work again."),
                           tr("Generate New Pair"))) {
        return false;
    }
    QApplication::setOverrideCursor(QCursor(Qt::WaitCursor));
    auto pair = crypto::generateKeyPair(options, workspace().clock());
    QApplication::restoreOverrideCursor();
    if (!pair) {
        dialogs().critical(this, tr("Could Not Generate"), pair.error().message);
        return false;
    }
    // The previous certificate file belongs to the previous key.
    workspace().edit(tr("Generate key pair"), [](project::Project& p) {
        p.key.certificateFile.clear();
        p.key.keyFile.clear();
    });
    workspace().setKey(pair->key, pair->certificate);
    m_saveCertificate->setFocus(Qt::OtherFocusReason);
    shell::Page::flash(m_saveCertificate);
    return true;
}

bool OrgPage::saveCertificate(const QString& path) {
    const crypto::Certificate& certificate = workspace().certificate();
    if (certificate.isNull()) {
        return false;
    }
    if (auto saved = io::saveAtomically(path, certificate.toPem()); !saved) {
        dialogs().critical(this, tr("Could Not Save the Certificate"), saved.error().message);
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    workspace().edit(tr("Save certificate"), [absolute](project::Project& p) { p.key.certificateFile = absolute; });
    return true;
}

bool OrgPage::saveKey(const QString& path) {
    const crypto::PrivateKey& key = workspace().key();
    if (key.isNull()) {
        return false;
    }
    auto passphrase = dialogs().passphrase(
        this, tr("Protect the Key File"),
        tr("Enter a passphrase to encrypt the key file, or leave it empty to write it unencrypted (owner-only "
           "permissions):"));
    if (!passphrase) {
        return false;
    }
    const crypto::SecureBytes secret = crypto::SecureBytes::takeFrom(*passphrase);
    auto pem = key.toPem(secret);
    if (!pem) {
        dialogs().critical(this, tr("Could Not Save the Key"), pem.error().message);
        return false;
    }
    if (auto saved = io::saveAtomically(path, QByteArray::fromRawData(pem->data(), pem->size()), io::ownerOnly());
        !saved) {
        dialogs().critical(this, tr("Could Not Save the Key"), saved.error().message);
        return false;
    }
    return true;
}

void OrgPage::onImportKey() {
    const QString path = dialogs().openFileName(this, tr("Import Private Key"), QString(), keyFileFilter());
    if (!path.isEmpty()) {
        importKeyFile(path);
    }
}

void OrgPage::onPasteKey() {
    auto pem = dialogs().pasteText(this, tr("Paste Private Key"),
                                   tr("Paste the PEM private key, including its BEGIN and END lines. It is kept in "
                                      "the keychain, never in the project file."));
    if (pem && !pem->trimmed().isEmpty()) {
        importKeyPem(std::move(*pem));
    }
}

void OrgPage::onImportCertificate() {
    const QString path = dialogs().openFileName(this, tr("Import Certificate"), QString(), certificateFileFilter());
    if (!path.isEmpty()) {
        importCertificateFile(path);
    }
}

void OrgPage::onSaveCertificate() {
    const QString dir = workspace().filePath().isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                            : QFileInfo(workspace().filePath()).absolutePath();
    const QString path =
        dialogs().saveFileName(this, tr("Save Certificate for Salesforce"),
                               QDir(dir).filePath(u"handoff-certificate.crt"_s), certificateFileFilter());
    if (!path.isEmpty()) {
        saveCertificate(path);
    }
}

void OrgPage::onSaveKey() {
    const QString path = dialogs().saveFileName(this, tr("Save Private Key"), QString(), keyFileFilter());
    if (!path.isEmpty()) {
        saveKey(path);
    }
}

void OrgPage::onForgetKey() {
    if (!dialogs().confirm(this, tr("Forget the Key?"),
                           tr("The private key is removed from %1. Tokens cannot be signed until a key is imported "
                              "again.")
                               .arg(workspace().secretStore().displayName()),
                           tr("Forget Key"))) {
        return;
    }
    workspace().clearKey(true);
}

} // namespace handoff::pages
