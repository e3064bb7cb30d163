#include "GenesysExportSection.h"

#include "common/SaveFile.h"
#include "exports/DataActionContracts.h"
#include "exports/FunctionPackage.h"
#include "project/ProjectExports.h"
#include "shell/Dialogs.h"
#include "shell/Page.h"
#include "shell/Workspace.h"
#include "widgets/DiagnosticList.h"
#include "widgets/SensitiveClipboard.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::pages {

namespace {

QPlainTextEdit* codeView(const QString& objectName, const QString& accessibleName, int lines) {
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto* view = new QPlainTextEdit;
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setTabChangesFocus(true);
    view->setFont(mono);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setAccessibleName(accessibleName);
    view->setMinimumHeight(QFontMetrics(mono).lineSpacing() * 4);
    view->setMaximumHeight(QFontMetrics(mono).lineSpacing() * lines);
    return view;
}

} // namespace

GenesysExportSection::GenesysExportSection(shell::Page& page, widgets::SensitiveClipboard& clipboard, QWidget* parent)
    : QWidget(parent)
    , m_page(page)
    , m_clipboard(clipboard) {
    setObjectName(u"genesysExportSection"_s);

    // The function package
    auto* functionBox = new QGroupBox(tr("Function Data Action (creates the VoiceCall, mints the UUI token)"));
    auto* functionLayout = new QVBoxLayout(functionBox);
    auto* functionIntro =
        new QLabel(tr("Upload the zip as the function of a Genesys Function Data Action, handler %1. Put the PEM "
                      "private key into the integration's credentials as privateKey; it is never a flow input.")
                       .arg(QString::fromLatin1(exports::kFunctionHandler)));
    functionIntro->setWordWrap(true);
    functionLayout->addWidget(functionIntro);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_runtime = new QLineEdit;
    m_runtime->setObjectName(u"functionRuntimeLineEdit"_s);
    m_runtime->setMinimumWidth(m_runtime->fontMetrics().horizontalAdvance(u"nodejs20.x"_s) * 2);
    m_runtime->setPlaceholderText(QString::fromLatin1(exports::FunctionSettings::kDefaultRuntime));
    m_runtime->setToolTip(tr("A Node.js runtime Genesys lists, such as nodejs20.x (the code needs Node 18 or newer)."));
    auto* runtimeLabel = new QLabel(tr("&Runtime:"));
    runtimeLabel->setBuddy(m_runtime);
    form->addRow(runtimeLabel, m_runtime);
    m_timeout = new QSpinBox;
    m_timeout->setObjectName(u"functionTimeoutSpinBox"_s);
    m_timeout->setRange(exports::FunctionSettings::kMinTimeoutSeconds, exports::FunctionSettings::kMaxTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("The action's timeout; a 429 is retried once only when its Retry-After fits inside it."));
    auto* timeoutLabel = new QLabel(tr("T&imeout:"));
    timeoutLabel->setBuddy(m_timeout);
    form->addRow(timeoutLabel, m_timeout);
    functionLayout->addLayout(form);
    m_problems = new widgets::DiagnosticList;
    m_problems->setObjectName(u"functionProblemsList"_s);
    m_problems->setEmptyText(tr("The function package is ready."));
    m_problems->setVisibleRows(2);
    functionLayout->addWidget(m_problems);
    m_code = codeView(u"functionCodePlainTextEdit"_s, tr("Function code (src/index.js)"), 14);
    functionLayout->addWidget(m_code, 1);
    auto* functionButtons = new QHBoxLayout;
    m_copyCode = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), tr("Copy c&ode"));
    m_copyCode->setObjectName(u"copyFunctionCodePushButton"_s);
    m_saveZip = new QPushButton(QIcon::fromTheme(u"document-save-as"_s), tr("Save function &package (.zip)…"));
    m_saveZip->setObjectName(u"saveFunctionZipPushButton"_s);
    functionButtons->addWidget(m_copyCode);
    functionButtons->addWidget(m_saveZip);
    functionButtons->addStretch(1);
    functionLayout->addLayout(functionButtons);

    // The contracts
    auto* contractBox = new QGroupBox(tr("Data action contracts and request template"));
    auto* contractLayout = new QVBoxLayout(contractBox);
    auto* contractIntro = new QLabel(tr("Paste these into the data action's Setup. The request template escapes "
                                        "every value for JSON and adds the private key from the credentials."));
    contractIntro->setWordWrap(true);
    contractLayout->addWidget(contractIntro);
    auto* contractRow = new QHBoxLayout;
    m_contract = new QComboBox;
    m_contract->setObjectName(u"contractComboBox"_s);
    m_contract->addItem(tr("Input contract"), QVariant::fromValue(Text::InputContract));
    m_contract->addItem(tr("Output contract"), QVariant::fromValue(Text::OutputContract));
    m_contract->addItem(tr("Request template"), QVariant::fromValue(Text::RequestTemplate));
    m_contract->addItem(tr("Configuration (request and response)"), QVariant::fromValue(Text::Configuration));
    m_contract->addItem(tr("The flow as Archy YAML (for archy publish)"), QVariant::fromValue(Text::ArchyYaml));
    auto* contractLabel = new QLabel(tr("S&how:"));
    contractLabel->setBuddy(m_contract);
    contractRow->addWidget(contractLabel);
    contractRow->addWidget(m_contract);
    contractRow->addStretch(1);
    contractLayout->addLayout(contractRow);
    m_contractText = codeView(u"contractPlainTextEdit"_s, tr("Contract"), 14);
    contractLayout->addWidget(m_contractText, 1);
    auto* contractButtons = new QHBoxLayout;
    m_copyContract = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), tr("Cop&y"));
    m_copyContract->setObjectName(u"copyContractPushButton"_s);
    m_saveContract = new QPushButton(QIcon::fromTheme(u"document-save-as"_s), tr("Sa&ve…"));
    m_saveContract->setObjectName(u"saveContractPushButton"_s);
    contractButtons->addWidget(m_copyContract);
    contractButtons->addWidget(m_saveContract);
    contractButtons->addStretch(1);
    contractLayout->addLayout(contractButtons);

    m_status = new QLabel;
    m_status->setObjectName(u"genesysStatusLabel"_s);
    m_status->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(functionBox);
    layout->addWidget(contractBox);
    layout->addWidget(m_status);

    shell::Workspace& workspace = m_page.workspace();
    connect(m_runtime, &QLineEdit::textEdited, this, [this](const QString& text) {
        m_page.workspace().edit(
            tr("Edit function runtime"),
            [text](project::Project& p) {
                p.functionDataAction.runtime = text.trimmed().isEmpty()
                                                   ? QString::fromLatin1(exports::FunctionSettings::kDefaultRuntime)
                                                   : text.trimmed();
            },
            u"functionDataAction.runtime"_s);
    });
    connect(m_timeout, &QSpinBox::valueChanged, this, [this](int seconds) {
        if (m_updating) {
            return;
        }
        m_page.workspace().edit(
            tr("Edit function timeout"),
            [seconds](project::Project& p) { p.functionDataAction.timeoutSeconds = seconds; },
            u"functionDataAction.timeoutSeconds"_s);
    });
    connect(m_contract, &QComboBox::currentIndexChanged, this, &GenesysExportSection::refresh);
    connect(m_copyCode, &QPushButton::clicked, this, [this] { copy(Text::FunctionCode); });
    connect(m_saveZip, &QPushButton::clicked, this, [this] { saveFunctionZip(); });
    connect(m_copyContract, &QPushButton::clicked, this, [this] { copy(selectedContract()); });
    connect(m_saveContract, &QPushButton::clicked, this, [this] { saveText(selectedContract()); });
    connect(&workspace, &shell::Workspace::projectChanged, this, &GenesysExportSection::refresh);

    setTabOrder(m_runtime, m_timeout);
    setTabOrder(m_timeout, m_problems);
    setTabOrder(m_problems, m_code);
    setTabOrder(m_code, m_copyCode);
    setTabOrder(m_copyCode, m_saveZip);
    setTabOrder(m_saveZip, m_contract);
    setTabOrder(m_contract, m_contractText);
    setTabOrder(m_contractText, m_copyContract);
    setTabOrder(m_copyContract, m_saveContract);

    refresh();
}

GenesysExportSection::~GenesysExportSection() = default;

QWidget* GenesysExportSection::lastInTabOrder() const {
    return m_saveContract;
}

GenesysExportSection::Text GenesysExportSection::selectedContract() const {
    return m_contract->currentData().value<Text>();
}

QString GenesysExportSection::text(Text what) const {
    const project::Project& project = m_page.workspace().project();
    if (what == Text::FunctionCode) {
        return QString::fromUtf8(exports::buildFunctionPackage(project).file(u"src/index.js"_s));
    }
    if (what == Text::ArchyYaml) {
        const auto yaml = project::exportArchy(project);
        return yaml ? QString::fromUtf8(*yaml) : QString();
    }
    const exports::DataActionContracts contracts = exports::buildDataActionContracts(project);
    switch (what) {
    case Text::InputContract:
        return QString::fromUtf8(contracts.inputContract);
    case Text::OutputContract:
        return QString::fromUtf8(contracts.outputContract);
    case Text::RequestTemplate:
        return QString::fromUtf8(contracts.requestTemplate);
    case Text::Configuration:
        return QString::fromUtf8(contracts.configuration);
    case Text::FunctionCode:
    case Text::ArchyYaml:
        break;
    }
    return {};
}

void GenesysExportSection::setStatus(const QString& text) {
    m_status->setText(text);
}

void GenesysExportSection::copy(Text what) {
    const QString content = text(what);
    if (content.isEmpty()) {
        return;
    }
    m_clipboard.copy(content, widgets::SensitiveClipboard::Kind::Plain);
    setStatus(what == Text::FunctionCode ? tr("The function code was copied.")
                                         : tr("%1 was copied.").arg(m_contract->currentText()));
}

bool GenesysExportSection::saveText(Text what) {
    const QString content = text(what);
    if (content.isEmpty()) {
        return false;
    }
    QString suggested;
    QString filter = tr("JSON files (*.json);;All files (*)");
    switch (what) {
    case Text::InputContract:
        suggested = u"input-contract.json"_s;
        break;
    case Text::OutputContract:
        suggested = u"output-contract.json"_s;
        break;
    case Text::RequestTemplate:
        suggested = u"request-template.vm"_s;
        filter = tr("Velocity templates (*.vm);;All files (*)");
        break;
    case Text::Configuration:
        suggested = u"configuration.json"_s;
        break;
    case Text::FunctionCode:
        suggested = u"index.js"_s;
        filter = tr("JavaScript files (*.js);;All files (*)");
        break;
    case Text::ArchyYaml:
        suggested = u"flow.yaml"_s;
        filter = tr("YAML files (*.yaml *.yml);;All files (*)");
        break;
    }
    QString dir = QDir::homePath();
    if (!m_page.workspace().filePath().isEmpty()) {
        dir = QFileInfo(m_page.workspace().filePath()).absolutePath();
    }
    const QString path = m_page.dialogs().saveFileName(this, tr("Save"), QDir(dir).filePath(suggested), filter);
    if (path.isEmpty()) {
        return false;
    }
    const auto saved = io::saveAtomically(path, content.toUtf8());
    if (!saved) {
        m_page.dialogs().critical(
            this, tr("Could not save"),
            tr("%1 was not saved: %2").arg(QDir::toNativeSeparators(path), saved.error().message));
        return false;
    }
    setStatus(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool GenesysExportSection::saveFunctionZip() {
    const exports::FunctionPackage package = exports::buildFunctionPackage(m_page.workspace().project());
    if (!package.ok()) {
        m_page.dialogs().warning(this, tr("Function package not ready"),
                                 tr("Correct the problems listed in the Function Data Action section first."));
        return false;
    }
    QString dir = QDir::homePath();
    if (!m_page.workspace().filePath().isEmpty()) {
        dir = QFileInfo(m_page.workspace().filePath()).absolutePath();
    }
    const QString path = m_page.dialogs().saveFileName(this, tr("Save function package"),
                                                       QDir(dir).filePath(u"handoff-voicecall-function.zip"_s),
                                                       tr("Zip archives (*.zip)"));
    if (path.isEmpty()) {
        return false;
    }
    // The file dialog has already asked before replacing a file.
    const auto written = exports::writeFunctionZip(package, path, true);
    if (!written) {
        m_page.dialogs().critical(
            this, tr("Could not save"),
            tr("%1 was not saved: %2").arg(QDir::toNativeSeparators(path), written.error().message));
        return false;
    }
    setStatus(tr("Saved the function package to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void GenesysExportSection::refresh() {
    const QScopedValueRollback<bool> guard(m_updating, true);
    const project::Project& project = m_page.workspace().project();
    if (m_runtime->text() != project.functionDataAction.runtime) {
        m_runtime->setText(project.functionDataAction.runtime);
    }
    m_timeout->setValue(project.functionDataAction.timeoutSeconds);
    const exports::FunctionPackage package = exports::buildFunctionPackage(project);
    m_problems->setDiagnostics(package.diagnostics);
    const QString code = QString::fromUtf8(package.file(u"src/index.js"_s));
    if (m_code->toPlainText() != code) {
        m_code->setPlainText(code);
    }
    m_saveZip->setEnabled(package.ok());
    const QString contract = text(selectedContract());
    if (m_contractText->toPlainText() != contract) {
        m_contractText->setPlainText(contract);
    }
}

} // namespace handoff::pages
