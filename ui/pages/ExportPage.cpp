#include "ExportPage.h"

#include "GenesysExportSection.h"
#include "common/SaveFile.h"
#include "shell/Dialogs.h"
#include "shell/Preferences.h"
#include "shell/StateColours.h"
#include "shell/Workspace.h"
#include "widgets/DiagnosticList.h"
#include "widgets/JsonEditor.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace handoff::pages {

namespace {

void setTextKeepingCursor(QLineEdit* edit, const QString& text) {
    if (edit->text() != text) {
        edit->setText(text);
    }
}

} // namespace

ExportPage::ExportPage(shell::Workspace& workspace, QWidget* parent)
    : Page(workspace, parent)
    , m_clipboard(new widgets::SensitiveClipboard(this))
    , m_statusTimer(new QTimer(this)) {
    setObjectName(u"exportPage"_s);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    // Readiness: the project's overall state, from core (project::readiness), never from this page's own checks.
    m_readiness = new QFrame;
    m_readiness->setObjectName(u"readinessFrame"_s);
    m_readiness->setFrameShape(QFrame::StyledPanel);
    m_readiness->setAutoFillBackground(true);
    m_readinessIcon = new QLabel;
    m_readinessText = new QLabel;
    m_readinessText->setObjectName(u"readinessLabel"_s);
    m_readinessText->setWordWrap(true);
    m_readinessText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readinessGo = new QPushButton;
    m_readinessGo->setObjectName(u"readinessGoPushButton"_s);
    auto* readinessLayout = new QHBoxLayout(m_readiness);
    readinessLayout->addWidget(m_readinessIcon, 0, Qt::AlignTop);
    readinessLayout->addWidget(m_readinessText, 1);
    readinessLayout->addWidget(m_readinessGo, 0, Qt::AlignTop);
    connect(m_readinessGo, &QPushButton::clicked, this, &ExportPage::goToBlockingProblem);

    // Bindings
    auto* bindings = new QGroupBox(tr("Variable bindings"));
    auto* bindingsForm = new QFormLayout(bindings);
    bindingsForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* bindingsIntro = new QLabel(tr("The token and the VoiceCall id change with every call; in the expression "
                                        "they come from flow variables set earlier in the flow."));
    bindingsIntro->setWordWrap(true);
    bindingsForm->addRow(bindingsIntro);
    m_bindToken = new QCheckBox(tr("&Token from variable"));
    m_bindToken->setObjectName(u"bindTokenCheckBox"_s);
    m_tokenVariable = new QLineEdit;
    m_tokenVariable->setObjectName(u"tokenVariableLineEdit"_s);
    m_tokenVariable->setAccessibleName(tr("Token variable"));
    m_tokenVariable->setPlaceholderText(QString::fromLatin1(exports::ExportBindings::kDefaultTokenVariable));
    bindingsForm->addRow(m_bindToken, m_tokenVariable);
    m_bindCallId = new QCheckBox(tr("&callId from variable"));
    m_bindCallId->setObjectName(u"bindCallIdCheckBox"_s);
    m_callIdVariable = new QLineEdit;
    m_callIdVariable->setObjectName(u"callIdVariableLineEdit"_s);
    m_callIdVariable->setAccessibleName(tr("callId variable"));
    m_callIdVariable->setPlaceholderText(QString::fromLatin1(exports::ExportBindings::kDefaultCallIdVariable));
    bindingsForm->addRow(m_bindCallId, m_callIdVariable);
    m_problems = new widgets::DiagnosticList;
    m_problems->setObjectName(u"exportProblemsList"_s);
    // About the bindings only: whether the whole export is ready is the banner's to say (project::readiness).
    m_problems->setEmptyText(tr("No problems with the variable bindings."));
    m_problems->setVisibleRows(3);
    bindingsForm->addRow(m_problems);

    // Expression
    auto* expressionBox = new QGroupBox(tr("Architect expression (Set UUI Data, Outgoing UUI Data: For Transfers)"));
    auto* expressionLayout = new QVBoxLayout(expressionBox);
    m_expressionNote = new QLabel;
    m_expressionNote->setWordWrap(true);
    expressionLayout->addWidget(m_expressionNote);
    m_expression = new QPlainTextEdit;
    m_expression->setObjectName(u"expressionPlainTextEdit"_s);
    m_expression->setReadOnly(true);
    m_expression->setTabChangesFocus(true);
    m_expression->setFont(mono);
    m_expression->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_expression->setAccessibleName(tr("Architect expression"));
    m_expression->setMinimumHeight(QFontMetrics(mono).lineSpacing() * 4);
    m_expression->setMaximumHeight(QFontMetrics(mono).lineSpacing() * 8);
    expressionLayout->addWidget(m_expression, 1);
    auto* expressionButtons = new QHBoxLayout;
    m_copyExpression = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), tr("Copy e&xpression"));
    m_copyExpression->setObjectName(u"copyExpressionPushButton"_s);
    m_saveExpression = new QPushButton(QIcon::fromTheme(u"document-save-as"_s), tr("Save expression…"));
    m_saveExpression->setObjectName(u"saveExpressionPushButton"_s);
    expressionButtons->addWidget(m_copyExpression);
    expressionButtons->addWidget(m_saveExpression);
    expressionButtons->addStretch(1);
    expressionLayout->addLayout(expressionButtons);

    // Literal JSON
    auto* jsonBox = new QGroupBox(tr("Literal UUI JSON"));
    auto* jsonLayout = new QVBoxLayout(jsonBox);
    m_jsonNote = new QLabel;
    m_jsonNote->setWordWrap(true);
    jsonLayout->addWidget(m_jsonNote);
    m_json = new widgets::JsonEditor;
    m_json->setObjectName(u"exportJsonEditor"_s);
    m_json->setReadOnly(true);
    m_json->setMinimumHeight(QFontMetrics(mono).lineSpacing() * 6);
    jsonLayout->addWidget(m_json, 1);
    auto* jsonButtons = new QHBoxLayout;
    m_copyJson = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), tr("Copy &JSON"));
    m_copyJson->setObjectName(u"copyJsonPushButton"_s);
    m_saveJson = new QPushButton(QIcon::fromTheme(u"document-save-as"_s), tr("Save JSON…"));
    m_saveJson->setObjectName(u"saveJsonPushButton"_s);
    jsonButtons->addWidget(m_copyJson);
    jsonButtons->addWidget(m_saveJson);
    jsonButtons->addStretch(1);
    jsonLayout->addLayout(jsonButtons);

    // Clipboard
    auto* clipboardRow = new QHBoxLayout;
    auto* clearLabel = new QLabel(tr("Clear a copied token from the clip&board after"));
    m_clearSeconds = new QSpinBox;
    m_clearSeconds->setObjectName(u"clearSecondsSpinBox"_s);
    m_clearSeconds->setRange(0, 3600);
    m_clearSeconds->setSuffix(tr(" s"));
    m_clearSeconds->setSpecialValueText(tr("never"));
    m_clearSeconds->setToolTip(tr("Only a clipboard that still holds what was copied here is cleared."));
    clearLabel->setBuddy(m_clearSeconds);
    m_clipboardStatus = new QLabel;
    m_clipboardStatus->setObjectName(u"clipboardStatusLabel"_s);
    m_clipboardStatus->setWordWrap(true);
    clipboardRow->addWidget(clearLabel);
    clipboardRow->addWidget(m_clearSeconds);
    clipboardRow->addWidget(m_clipboardStatus, 1);

    // No scroll area of its own: the main window scrolls pages that do not fit.
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(title(), this));
    layout->addWidget(m_readiness);
    layout->addWidget(bindings);
    layout->addWidget(expressionBox);
    layout->addWidget(jsonBox, 1);
    m_genesys = new GenesysExportSection(*this, *m_clipboard);
    layout->addWidget(m_genesys);
    layout->addLayout(clipboardRow);

    // The clear delay is a preference (also in the Preferences dialog).
    const auto followPreference = [this] {
        const QScopedValueRollback<bool> guard(m_updating, true);
        const std::chrono::seconds delay = shell::Preferences::clipboardClearDelay();
        m_clearSeconds->setValue(static_cast<int>(delay.count()));
        m_clipboard->setClearDelay(delay);
    };
    followPreference();
    connect(&shell::Preferences::notifier(), &shell::Preferences::changed, this, followPreference);
    connect(m_clearSeconds, &QSpinBox::valueChanged, this, [this](int seconds) {
        if (m_updating) {
            return;
        }
        m_clipboard->setClearDelay(std::chrono::seconds(seconds));
        shell::Preferences::setClipboardClearDelay(std::chrono::seconds(seconds));
    });

    // Edits of the bindings.
    connect(m_bindToken, &QCheckBox::clicked, this, [this](bool on) {
        this->workspace().edit(on ? tr("Bind the token to a variable") : tr("Write the token as a literal"),
                               [on](project::Project& p) { p.exports.bindToken = on; });
    });
    connect(m_tokenVariable, &QLineEdit::textEdited, this, [this](const QString& text) {
        this->workspace().edit(
            tr("Edit token variable"), [text](project::Project& p) { p.exports.tokenVariable = text.trimmed(); },
            u"exports.tokenVariable"_s);
    });
    connect(m_bindCallId, &QCheckBox::clicked, this, [this](bool on) {
        this->workspace().edit(on ? tr("Bind callId to a variable") : tr("Write callId as a literal"),
                               [on](project::Project& p) { p.exports.bindCallId = on; });
    });
    connect(m_callIdVariable, &QLineEdit::textEdited, this, [this](const QString& text) {
        this->workspace().edit(
            tr("Edit callId variable"), [text](project::Project& p) { p.exports.callIdVariable = text.trimmed(); },
            u"exports.callIdVariable"_s);
    });

    connect(m_copyExpression, &QPushButton::clicked, this, [this] { copy(What::Expression); });
    connect(m_copyJson, &QPushButton::clicked, this, [this] { copy(What::Json); });
    connect(m_saveExpression, &QPushButton::clicked, this, [this] { saveToFile(What::Expression); });
    connect(m_saveJson, &QPushButton::clicked, this, [this] { saveToFile(What::Json); });

    m_statusTimer->setInterval(1000);
    connect(m_statusTimer, &QTimer::timeout, this, &ExportPage::updateClipboardStatus);
    connect(m_clipboard, &widgets::SensitiveClipboard::cleared, this, [this] {
        m_statusTimer->stop();
        m_clipboardStatus->setText(tr("The token was cleared from the clipboard."));
    });

    connect(&workspace, &shell::Workspace::projectChanged, this, &ExportPage::refreshFromProject);
    connect(&workspace, &shell::Workspace::derivedChanged, this, &ExportPage::refreshDerived);

    registerField(u"exports."_s, m_tokenVariable);
    registerField(u"exports.tokenVariable"_s, m_tokenVariable);
    registerField(u"exports.bindToken"_s, m_bindToken);
    registerField(u"exports.callIdVariable"_s, m_callIdVariable);
    registerField(u"exports.bindCallId"_s, m_bindCallId);
    registerField(u"functionDataAction.runtime"_s, m_genesys->runtimeEdit());
    registerField(u"functionDataAction.timeoutSeconds"_s, m_genesys->timeoutSpinBox());

    setTabOrder(m_bindToken, m_tokenVariable);
    setTabOrder(m_tokenVariable, m_bindCallId);
    setTabOrder(m_bindCallId, m_callIdVariable);
    setTabOrder(m_callIdVariable, m_problems);
    setTabOrder(m_problems, m_expression);
    setTabOrder(m_expression, m_copyExpression);
    setTabOrder(m_copyExpression, m_saveExpression);
    setTabOrder(m_saveExpression, m_json);
    setTabOrder(m_json, m_copyJson);
    setTabOrder(m_copyJson, m_saveJson);
    setTabOrder(m_saveJson, m_genesys->runtimeEdit());
    setTabOrder(m_genesys->lastInTabOrder(), m_clearSeconds);

    refreshFromProject();
    refreshDerived();
}

ExportPage::~ExportPage() = default;

QString ExportPage::title() const {
    return tr("Export");
}

QIcon ExportPage::icon() const {
    return QIcon(u":/handoff/icons/page-export.svg"_s);
}

QString ExportPage::pageId() const {
    return u"export"_s;
}

QString ExportPage::exportText(What what) const {
    const exports::SetUuiDataExport& exported = workspace().derived().setUuiData;
    return what == What::Json ? QString::fromUtf8(exported.json) : exported.expression;
}

bool ExportPage::holdsToken(What what) const {
    const QByteArray& token = workspace().derived().token;
    if (token.isEmpty()) {
        return false;
    }
    return exportText(what).contains(QString::fromLatin1(token));
}

void ExportPage::setClipboardClearDelay(std::chrono::milliseconds delay) {
    m_clipboard->setClearDelay(delay);
    const QScopedValueRollback<bool> guard(m_updating, true);
    m_clearSeconds->setValue(static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(delay).count()));
}

std::chrono::milliseconds ExportPage::clipboardClearDelay() const {
    return m_clipboard->clearDelay();
}

void ExportPage::copy(What what) {
    const QString text = exportText(what);
    if (text.isEmpty()) {
        return;
    }
    const bool secret = holdsToken(what);
    m_clipboard->copy(text,
                      secret ? widgets::SensitiveClipboard::Kind::Secret : widgets::SensitiveClipboard::Kind::Plain);
    const QString name = what == What::Json ? tr("The JSON") : tr("The expression");
    if (secret && m_clipboard->clearDelay() > 0ms) {
        m_clearAt = std::chrono::steady_clock::now() + m_clipboard->clearDelay();
        m_statusTimer->start();
        updateClipboardStatus();
    } else {
        m_statusTimer->stop();
        m_clipboardStatus->setText(secret ? tr("%1 was copied. It holds a token, which stays on the clipboard until "
                                               "you copy something else.")
                                                .arg(name)
                                          : tr("%1 was copied.").arg(name));
    }
}

void ExportPage::updateClipboardStatus() {
    if (!m_clipboard->isClearPending()) {
        m_statusTimer->stop();
        return;
    }
    const auto left = std::chrono::duration_cast<std::chrono::seconds>(m_clearAt - std::chrono::steady_clock::now());
    m_clipboardStatus->setText(tr("Copied, with the token: the clipboard is cleared in %n s.", nullptr,
                                  static_cast<int>(std::max<qint64>(1, left.count() + 1))));
}

bool ExportPage::saveToFile(What what) {
    const QString text = exportText(what);
    if (text.isEmpty()) {
        return false;
    }
    if (holdsToken(what)) {
        const qint64 exp = workspace().derived().expiresAt;
        const QString until = exp > 0
                                  ? QDateTime::fromSecsSinceEpoch(exp, Qt::UTC).toString(u"yyyy-MM-dd HH:mm 'UTC'"_s)
                                  : tr("it expires");
        if (!dialogs().confirm(this, tr("Save a token to a file?"),
                               tr("This text holds a signed token. Anyone who has the file can use it until %1. Keep "
                                  "the file private, and delete it when you are done.")
                                   .arg(until),
                               tr("Save"))) {
            return false;
        }
    }
    const QString suggested = what == What::Json ? tr("set-uui-data.json") : tr("set-uui-data-expression.txt");
    const QString filter =
        what == What::Json ? tr("JSON files (*.json);;All files (*)") : tr("Text files (*.txt);;All files (*)");
    QString dir = QDir::homePath();
    if (!workspace().filePath().isEmpty()) {
        dir = QFileInfo(workspace().filePath()).absolutePath();
    }
    const QString path = dialogs().saveFileName(this, what == What::Json ? tr("Save UUI JSON") : tr("Save expression"),
                                                QDir(dir).filePath(suggested), filter);
    if (path.isEmpty()) {
        return false;
    }
    QByteArray bytes = text.toUtf8();
    if (!bytes.endsWith('\n')) {
        bytes.append('\n');
    }
    const auto saved = io::saveAtomically(path, bytes, holdsToken(what) ? io::ownerOnly() : io::SaveOptions{});
    if (!saved) {
        dialogs().critical(this, tr("Could not save"),
                           tr("%1 was not saved: %2").arg(QDir::toNativeSeparators(path), saved.error().message));
        return false;
    }
    m_clipboardStatus->setText(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void ExportPage::refreshFromProject() {
    const exports::ExportBindings& b = workspace().project().exports;
    const QScopedValueRollback<bool> guard(m_updating, true);
    m_bindToken->setChecked(b.bindToken);
    setTextKeepingCursor(m_tokenVariable, b.tokenVariable);
    m_tokenVariable->setEnabled(b.bindToken);
    m_bindCallId->setChecked(b.bindCallId);
    setTextKeepingCursor(m_callIdVariable, b.callIdVariable);
    m_callIdVariable->setEnabled(b.bindCallId);
}

void ExportPage::refreshDerived() {
    const project::Composition& d = workspace().derived();
    const exports::ExportBindings& b = workspace().project().exports;

    const QString expression = d.setUuiData.expression;
    if (m_expression->toPlainText() != expression) {
        m_expression->setPlainText(expression);
    }
    m_json->setText(QString::fromUtf8(d.setUuiData.json));

    const bool hasToken = !d.token.isEmpty();
    m_copyJson->setEnabled(!d.setUuiData.json.isEmpty());
    m_saveJson->setEnabled(!d.setUuiData.json.isEmpty());
    m_copyExpression->setEnabled(!expression.isEmpty());
    m_saveExpression->setEnabled(!expression.isEmpty());

    if (b.bindToken) {
        m_expressionNote->setText(tr("Paste this into the Set UUI Data action's expression editor. At run time %1 "
                                     "must hold a fresh token (from the Function Data Action).")
                                      .arg(b.tokenVariable));
    } else {
        m_expressionNote->setText(tr("The token is written into the expression as a literal: the transfer fails "
                                     "once it expires. Bind it to a variable for production."));
    }
    if (hasToken) {
        const qint64 exp = d.expiresAt;
        m_jsonNote->setText(
            tr("Exactly what the trunk carries right now, with the current token (valid until %1). Use it for tests "
               "or to compare with what Genesys sends.")
                .arg(exp > 0 ? QDateTime::fromSecsSinceEpoch(exp, Qt::UTC).toString(u"yyyy-MM-dd HH:mm 'UTC'"_s)
                             : tr("an unknown time")));
    } else {
        m_jsonNote->setText(tr("No token yet: import or generate a key on the Org & credentials page. The JSON below "
                               "has an empty token."));
    }

    diagnostics::Diagnostics mine;
    for (const auto& diag : d.diagnostics) {
        if (diag.code.startsWith(u"EXP"_s) || diag.where.field.startsWith(u"exports."_s)) {
            mine.append(diag);
        }
    }
    m_problems->setDiagnostics(mine);
    refreshReadiness();
}

namespace {

// The page a field's problem is fixed on, for the banner's button (the Problems dock finds the widget itself).
QString pageNameFor(const QString& field) {
    if (field.startsWith(u"org."_s) || field == u"key"_s || field == u"certificate"_s) {
        return ExportPage::tr("Org & credentials");
    }
    if (field.startsWith(u"claims."_s) || field.startsWith(u"token"_s)) {
        return ExportPage::tr("Token");
    }
    if (field.startsWith(u"uui"_s) || field.startsWith(u"trunk."_s) || field == u"budget"_s) {
        return ExportPage::tr("UUI header");
    }
    return {};
}

} // namespace

QString ExportPage::readinessText() const {
    return m_readinessText->text();
}

bool ExportPage::goToBlockingProblem() {
    const project::Readiness r = workspace().readiness();
    if (!r.blocking) {
        return false;
    }
    Q_EMIT problemActivated(*r.blocking);
    return true;
}

void ExportPage::refreshReadiness() {
    const project::Readiness r = workspace().readiness();
    QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    QString icon;
    switch (r.state) {
    case project::Readiness::State::Empty:
        m_readinessText->setText(tr("Nothing to export yet. %1").arg(r.summary));
        icon = u":/handoff/icons/severity-info.svg"_s;
        break;
    case project::Readiness::State::NotReady:
        m_readinessText->setText(tr("<b>Not ready to export:</b> %n error(s). The first: %1", nullptr, r.errors)
                                     .arg(QString(r.blocking->code + u' ' + r.blocking->message).toHtmlEscaped()));
        icon = u":/handoff/icons/severity-error.svg"_s;
        pal.setColor(QPalette::Window, dark ? QColor(0x5a, 0x1d, 0x1d) : QColor(0xfd, 0xe2, 0xe2));
        break;
    case project::Readiness::State::Ready:
        m_readinessText->setText(
            r.warnings > 0
                ? tr("<b>Ready to export</b>, with %n warning(s) to read in the Problems list.", nullptr, r.warnings)
                : tr("<b>Ready to export:</b> no errors or warnings."));
        icon = shell::okIconPath();
        pal.setColor(QPalette::Window, dark ? QColor(0x1d, 0x4a, 0x2a) : QColor(0xe3, 0xf6, 0xe7));
        break;
    }
    m_readiness->setPalette(pal);
    m_readiness->setProperty("readinessState", static_cast<int>(r.state));
    m_readinessIcon->setPixmap(QIcon(icon).pixmap(QSize(16, 16), devicePixelRatioF()));
    if (r.blocking) {
        const QString page = pageNameFor(r.blocking->where.field);
        m_readinessGo->setText(page.isEmpty() ? tr("Show the problem") : tr("Fix on the %1 page").arg(page));
        m_readinessGo->setAccessibleName(m_readinessGo->text());
    }
    m_readinessGo->setVisible(r.blocking.has_value());
}

} // namespace handoff::pages
