#include "TokenPage.h"

#include "crypto/PrivateKey.h"
#include "jwt/ClaimRules.h"
#include "jwt/Jwt.h"
#include "jwt/OrgClaims.h"
#include "shell/Preferences.h"
#include "shell/Workspace.h"
#include "widgets/DiagnosticList.h"
#include "widgets/JwtView.h"
#include "widgets/SensitiveClipboard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::pages {

namespace {

constexpr int kMaxLifetimeMinutes = 48 * 60; // beyond Salesforce's 24 h, so the rule's message can be seen

QString valueText(const QJsonValue& value) {
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        return d == static_cast<double>(static_cast<qint64>(d)) ? QString::number(static_cast<qint64>(d))
                                                                : QString::number(d);
    }
    if (value.isBool()) {
        return value.toBool() ? u"true"_s : u"false"_s;
    }
    if (value.isNull()) {
        return u"null"_s;
    }
    if (value.isArray()) {
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    }
    if (value.isObject()) {
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

// A value typed into the additional claims table: JSON when it parses as JSON (42, true, "text", [1]), else text.
QJsonValue parseClaimValue(const QString& text) {
    const QByteArray wrapped = "[" + text.trimmed().toUtf8() + "]";
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (!text.trimmed().isEmpty() && error.error == QJsonParseError::NoError && doc.isArray() &&
        doc.array().size() == 1) {
        return doc.array().at(0);
    }
    return QJsonValue(text);
}

QString utc(qint64 secs) {
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
}

int clearSeconds() {
    return static_cast<int>(shell::Preferences::clipboardClearDelay().count());
}

} // namespace

TokenPage::TokenPage(shell::Workspace& workspace, QWidget* parent)
    : Page(workspace, parent)
    , m_clipboard(new widgets::SensitiveClipboard(this)) {
    setObjectName(u"tokenPage"_s);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"tokenTabWidget"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildBuildTab(), tr("&Build"));
    m_tabs->addTab(buildVerifyTab(), tr("&Decode and verify"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QLabel* heading = makeHeading(title(), this);
    heading->setContentsMargins(style()->pixelMetric(QStyle::PM_LayoutLeftMargin),
                                style()->pixelMetric(QStyle::PM_LayoutTopMargin), 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_tabs);

    connect(&workspace, &shell::Workspace::projectChanged, this, &TokenPage::refreshFromProject);
    connect(&workspace, &shell::Workspace::derivedChanged, this, &TokenPage::refreshToken);
    connect(&workspace, &shell::Workspace::keyChanged, this, &TokenPage::verifyPasted);
    // Additional claims belong to the session with one project.
    connect(&workspace, &shell::Workspace::projectReset, this, [this] { setExtraClaims({}); });
    connect(&workspace, &shell::Workspace::projectChanged, this, &TokenPage::verifyPasted);
    refreshFromProject();
    refreshToken();
    verifyPasted();
}

TokenPage::~TokenPage() = default;

void TokenPage::resizeEvent(QResizeEvent* event) {
    orientSplitter(m_splitter);
    Page::resizeEvent(event);
}

QString TokenPage::title() const {
    return tr("Token");
}

QIcon TokenPage::icon() const {
    return QIcon(u":/handoff/icons/page-token.svg"_s);
}

QString TokenPage::pageId() const {
    return u"token"_s;
}

QWidget* TokenPage::buildBuildTab() {
    // Left: what goes into the token.
    auto* form = new QWidget;
    auto* formLayout = new QVBoxLayout(form);

    auto* policyBox = new QGroupBox(tr("Token"));
    auto* policy = new QFormLayout(policyBox);
    policy->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_presetCombo = new QComboBox;
    m_presetCombo->setObjectName(u"presetComboBox"_s);
    m_presetCombo->addItem(jwt::presetName(jwt::TokenPreset::Uui), jwt::presetKey(jwt::TokenPreset::Uui));
    m_presetCombo->addItem(jwt::presetName(jwt::TokenPreset::Api), jwt::presetKey(jwt::TokenPreset::Api));
    policy->addRow(tr("&Token:"), m_presetCombo);
    m_presetNote = new QLabel;
    m_presetNote->setWordWrap(true);
    m_presetNote->setForegroundRole(QPalette::PlaceholderText);
    policy->addRow(m_presetNote);

    m_lifetime = new QSpinBox;
    m_lifetime->setObjectName(u"lifetimeSpinBox"_s);
    m_lifetime->setRange(1, kMaxLifetimeMinutes);
    m_lifetime->setSuffix(tr(" min"));
    m_lifetime->setGroupSeparatorShown(true);
    m_lifetime->setAccessibleName(tr("Lifetime in minutes"));
    m_lifetimeNote = new QLabel;
    auto* lifetimeRow = new QHBoxLayout;
    lifetimeRow->addWidget(m_lifetime);
    lifetimeRow->addWidget(m_lifetimeNote, 1);
    auto* lifetimeLabel = new QLabel(tr("&Lifetime (exp − iat):"));
    lifetimeLabel->setBuddy(m_lifetime);
    policy->addRow(lifetimeLabel, lifetimeRow);

    m_jti = new QCheckBox(tr("&Single use: add a jti (a new id per token)"));
    m_jti->setObjectName(u"jtiCheckBox"_s);
    m_jti->setToolTip(tr("Salesforce accepts a token with a jti only once. A UUI token reused across calls must not "
                         "have one."));
    policy->addRow(m_jti);
    m_resetPreset = new QPushButton(tr("&Reset to the preset"));
    m_resetPreset->setObjectName(u"resetPresetPushButton"_s);
    policy->addRow(QString(), m_resetPreset);
    formLayout->addWidget(policyBox);

    auto* claimsBox = new QGroupBox(tr("Claims"));
    auto* claimsLayout = new QVBoxLayout(claimsBox);
    m_claimsTree = new QTreeWidget;
    m_claimsTree->setObjectName(u"claimsTreeWidget"_s);
    m_claimsTree->setColumnCount(3);
    m_claimsTree->setHeaderLabels({tr("Claim"), tr("Value"), tr("Comes from")});
    m_claimsTree->setRootIsDecorated(false);
    m_claimsTree->setAccessibleName(tr("Claims"));
    m_claimsTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_claimsTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_claimsTree->header()->setStretchLastSection(true);
    m_claimsTree->setMinimumHeight(m_claimsTree->fontMetrics().height() * 7);
    claimsLayout->addWidget(m_claimsTree);
    m_claimProblems = new widgets::DiagnosticList;
    m_claimProblems->setObjectName(u"claimProblemsList"_s);
    m_claimProblems->setEmptyText(tr("The claims follow Salesforce's rules."));
    m_claimProblems->setVisibleRows(4);
    claimsLayout->addWidget(m_claimProblems);
    formLayout->addWidget(claimsBox);

    auto* extrasBox = new QGroupBox(tr("Additional claims (this session only, not saved in the project)"));
    auto* extrasLayout = new QVBoxLayout(extrasBox);
    auto* extrasNote = new QLabel(tr("For tests, e.g. an aud claim. Values are JSON where they parse as JSON (42, "
                                     "true, \"text\"), else text. A name of a standard claim replaces it."));
    extrasNote->setWordWrap(true);
    extrasLayout->addWidget(extrasNote);
    m_extrasTable = new QTableWidget(0, 2);
    m_extrasTable->setObjectName(u"extraClaimsTableWidget"_s);
    m_extrasTable->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_extrasTable->horizontalHeader()->setStretchLastSection(true);
    m_extrasTable->verticalHeader()->setVisible(false);
    m_extrasTable->setTabKeyNavigation(false);
    m_extrasTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_extrasTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_extrasTable->setAccessibleName(tr("Additional claims"));
    m_extrasTable->setMinimumHeight(m_extrasTable->fontMetrics().height() * 5);
    extrasLayout->addWidget(m_extrasTable);
    auto* extrasButtons = new QHBoxLayout;
    m_addExtra = new QPushButton(tr("&Add claim"));
    m_addExtra->setObjectName(u"addClaimPushButton"_s);
    m_removeExtra = new QPushButton(tr("Re&move claim"));
    m_removeExtra->setObjectName(u"removeClaimPushButton"_s);
    extrasButtons->addWidget(m_addExtra);
    extrasButtons->addWidget(m_removeExtra);
    extrasButtons->addStretch(1);
    extrasLayout->addLayout(extrasButtons);
    formLayout->addWidget(extrasBox);
    formLayout->addStretch(1);

    auto* scroll = new QScrollArea;
    scroll->setObjectName(u"tokenFormScrollArea"_s);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(form->minimumSizeHint().width() + scroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent));

    // Right: the token.
    auto* tokenPane = new QWidget;
    auto* tokenLayout = new QVBoxLayout(tokenPane);
    auto* tokenTitle = new QLabel(tr("<b>Signed token</b>"));
    tokenLayout->addWidget(tokenTitle);
    m_tokenView = new widgets::JwtView;
    m_tokenView->setObjectName(u"tokenJwtView"_s);
    m_tokenView->setClock(&workspace().clock());
    m_tokenView->setPlaceholderText(tr("No token: import or generate an RSA key on the Org & credentials page."));
    tokenLayout->addWidget(m_tokenView, 1);
    auto* tokenButtons = new QHBoxLayout;
    m_copyToken = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), tr("&Copy token"));
    m_copyToken->setObjectName(u"copyTokenPushButton"_s);
    m_newToken = new QPushButton(QIcon::fromTheme(u"view-refresh"_s), tr("Sign a &new token"));
    m_newToken->setObjectName(u"newTokenPushButton"_s);
    m_newToken->setToolTip(tr("Signs again with the current time as iat (and a new jti when there is one)."));
    m_copyStatus = new QLabel;
    m_copyStatus->setObjectName(u"copyStatusLabel"_s);
    m_copyStatus->setWordWrap(true);
    tokenButtons->addWidget(m_copyToken);
    tokenButtons->addWidget(m_newToken);
    tokenButtons->addWidget(m_copyStatus, 1);
    tokenLayout->addLayout(tokenButtons);

    auto* splitter = new QSplitter(Qt::Horizontal);
    m_splitter = splitter;
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(scroll);
    splitter->addWidget(tokenPane);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    connect(m_presetCombo, &QComboBox::activated, this, [this](int) {
        setPreset(jwt::presetFromKey(m_presetCombo->currentData().toString()).value_or(jwt::TokenPreset::Uui));
    });
    connect(m_lifetime, &QSpinBox::valueChanged, this, [this](int minutes) {
        if (m_updating) {
            return;
        }
        editPolicy(
            tr("Change token lifetime"),
            [this, minutes](project::Project& p) {
                (m_preset == jwt::TokenPreset::Uui ? p.uuiToken : p.apiToken).ttlSeconds = qint64(minutes) * 60;
            },
            u"token.lifetime"_s);
    });
    connect(m_jti, &QCheckBox::clicked, this, [this](bool on) {
        editPolicy(on ? tr("Make the token single use") : tr("Make the token reusable"),
                   [this, on](project::Project& p) {
                       (m_preset == jwt::TokenPreset::Uui ? p.uuiToken : p.apiToken).jti = on;
                   });
    });
    connect(m_resetPreset, &QPushButton::clicked, this, [this] {
        editPolicy(tr("Reset token to its preset"), [this](project::Project& p) {
            if (m_preset == jwt::TokenPreset::Uui) {
                p.uuiToken = project::TokenPolicy::uuiTokenPreset();
            } else {
                p.apiToken = project::TokenPolicy::apiTokenPreset();
            }
        });
    });
    connect(m_addExtra, &QPushButton::clicked, this, [this] {
        auto extras = m_extras;
        extras.append({u"aud"_s, QJsonValue(u"https://scrt.salesforce.com"_s)});
        setExtraClaims(extras);
        const int row = m_extrasTable->rowCount() - 1;
        m_extrasTable->setCurrentCell(row, 0);
        m_extrasTable->setFocus();
        m_extrasTable->editItem(m_extrasTable->item(row, 0));
    });
    connect(m_removeExtra, &QPushButton::clicked, this, [this] {
        const int row = m_extrasTable->currentRow();
        if (row < 0 || row >= m_extras.size()) {
            return;
        }
        auto extras = m_extras;
        extras.removeAt(row);
        setExtraClaims(extras);
    });
    connect(m_extrasTable, &QTableWidget::itemChanged, this, [this](QTableWidgetItem*) {
        if (!m_updating) {
            readExtrasFromTable();
        }
    });
    connect(m_extrasTable, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeExtra->setEnabled(m_extrasTable->currentRow() >= 0); });
    connect(m_copyToken, &QPushButton::clicked, this, &TokenPage::copyToken);
    connect(m_newToken, &QPushButton::clicked, this, [this] { workspace().recomputeNow(); });
    connect(m_claimProblems, &widgets::DiagnosticList::diagnosticActivated, this,
            [this](const diagnostics::Diagnostic& d) { focusShownField(d.where.field, d.where); });
    connect(m_clipboard, &widgets::SensitiveClipboard::cleared, this,
            [this] { m_copyStatus->setText(tr("The token was cleared from the clipboard.")); });

    registerField(u"claims."_s, m_claimsTree);
    registerField(u"claims.exp"_s, m_lifetime);
    registerField(u"claims.iat"_s, m_lifetime);
    registerField(u"claims.jti"_s, m_jti);
    registerField(u"header."_s, m_tokenView);
    registerField(u"tokens."_s, m_lifetime);
    registerField(u"token."_s, m_lifetime);
    registerField(u"token.ttlSeconds"_s, m_lifetime);
    registerField(u"token.jti"_s, m_jti);
    m_removeExtra->setEnabled(false);
    return splitter;
}

QWidget* TokenPage::buildVerifyTab() {
    auto* tab = new QWidget;
    auto* layout = new QVBoxLayout(tab);
    auto* intro = new QLabel(tr("Paste a token (from a Function Data Action's log, a SIP trace or a colleague) to "
                                "see its claims, check them against Salesforce's rules and this project's org, and "
                                "verify its signature with the project's certificate."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* pasteLabel = new QLabel(tr("&Token:"));
    layout->addWidget(pasteLabel);
    m_pasted = new QPlainTextEdit;
    m_pasted->setObjectName(u"pastedTokenPlainTextEdit"_s);
    m_pasted->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_pasted->setWordWrapMode(QTextOption::WrapAnywhere);
    m_pasted->setTabChangesFocus(true);
    m_pasted->setPlaceholderText(tr("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9…"));
    m_pasted->setMaximumHeight(m_pasted->fontMetrics().lineSpacing() * 6);
    pasteLabel->setBuddy(m_pasted);
    layout->addWidget(m_pasted);
    m_verifyStatus = new QLabel;
    m_verifyStatus->setObjectName(u"verifyStatusLabel"_s);
    m_verifyStatus->setWordWrap(true);
    m_verifyStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_verifyStatus);
    m_pastedProblems = new widgets::DiagnosticList;
    m_pastedProblems->setObjectName(u"pastedTokenProblemsList"_s);
    m_pastedProblems->setEmptyText(tr("The claims follow Salesforce's rules."));
    m_pastedProblems->setVisibleRows(4);
    layout->addWidget(m_pastedProblems);
    m_pastedView = new widgets::JwtView;
    m_pastedView->setObjectName(u"pastedJwtView"_s);
    m_pastedView->setClock(&workspace().clock());
    m_pastedView->setTokenVisible(false);
    layout->addWidget(m_pastedView, 1);

    connect(m_pasted, &QPlainTextEdit::textChanged, this, &TokenPage::verifyPasted);
    return tab;
}

void TokenPage::editPolicy(const QString& text, const std::function<void(project::Project&)>& change,
                           const QString& mergeKey) {
    workspace().edit(text, change, mergeKey);
}

void TokenPage::setPreset(jwt::TokenPreset preset) {
    m_preset = preset;
    refreshFromProject();
    refreshToken();
}

void TokenPage::setExtraClaims(const QList<std::pair<QString, QJsonValue>>& claims) {
    m_extras = claims;
    refreshExtrasTable();
    refreshToken();
}

void TokenPage::refreshExtrasTable() {
    const QScopedValueRollback<bool> guard(m_updating, true);
    m_extrasTable->setRowCount(static_cast<int>(m_extras.size()));
    for (int row = 0; row < m_extras.size(); ++row) {
        const QString name = m_extras.at(row).first;
        const QString value = m_extras.at(row).second.isString() ? m_extras.at(row).second.toString()
                                                                 : valueText(m_extras.at(row).second);
        for (int column = 0; column < 2; ++column) {
            QTableWidgetItem* item = m_extrasTable->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_extrasTable->setItem(row, column, item);
            }
            const QString& text = column == 0 ? name : value;
            if (item->text() != text) {
                item->setText(text);
            }
        }
    }
    m_removeExtra->setEnabled(m_extrasTable->currentRow() >= 0 && m_extrasTable->rowCount() > 0);
}

void TokenPage::readExtrasFromTable() {
    QList<std::pair<QString, QJsonValue>> extras;
    for (int row = 0; row < m_extrasTable->rowCount(); ++row) {
        const auto* name = m_extrasTable->item(row, 0);
        const auto* value = m_extrasTable->item(row, 1);
        extras.append({name ? name->text().trimmed() : QString(), parseClaimValue(value ? value->text() : QString())});
    }
    m_extras = extras;
    refreshToken();
}

void TokenPage::refreshFromProject() {
    const project::Project& p = workspace().project();
    const project::TokenPolicy& policy = m_preset == jwt::TokenPreset::Uui ? p.uuiToken : p.apiToken;
    const QScopedValueRollback<bool> guard(m_updating, true);
    const int index = m_presetCombo->findData(jwt::presetKey(m_preset));
    if (index != m_presetCombo->currentIndex()) {
        m_presetCombo->setCurrentIndex(index);
    }
    const int minutes = static_cast<int>(std::clamp<qint64>((policy.ttlSeconds + 59) / 60, 1, kMaxLifetimeMinutes));
    if (m_lifetime->value() != minutes) {
        m_lifetime->setValue(minutes);
    }
    m_lifetimeNote->setText(widgets::formatDuration(policy.ttlSeconds));
    m_jti->setChecked(policy.jti);
    const project::TokenPolicy presetPolicy = m_preset == jwt::TokenPreset::Uui
                                                  ? project::TokenPolicy::uuiTokenPreset()
                                                  : project::TokenPolicy::apiTokenPreset();
    m_resetPreset->setEnabled(!(policy == presetPolicy));
    m_presetNote->setText(m_preset == jwt::TokenPreset::Uui
                              ? tr("Carried in the UUI's token field. Reused across calls, so it has no jti and "
                                   "lives the 24 hours Salesforce allows.")
                              : tr("Sent as the Bearer token of the voiceCalls request that creates the VoiceCall. "
                                   "Salesforce's own function mints one per request: 5 minutes, with a jti."));
}

void TokenPage::refreshToken() {
    const project::Composition& d = workspace().derived();
    const project::Project& p = workspace().project();
    const project::TokenPolicy& policy = m_preset == jwt::TokenPreset::Uui ? p.uuiToken : p.apiToken;
    // The UUI token as the workspace signed it (the very token in the UUI), when there is one and nothing is added.
    std::optional<jwt::DecodedJwt> derivedToken;
    if (m_preset == jwt::TokenPreset::Uui && m_extras.isEmpty() && !d.token.isEmpty()) {
        if (auto decoded = jwt::decode(d.token)) {
            derivedToken = *decoded;
        }
    }

    if (derivedToken) {
        m_claims = derivedToken->claims;
        m_token = d.token;
    } else {
        jwt::TokenSpec spec;
        spec.issuer = jwt::tokenIssuer(p.org);
        spec.subject = jwt::tokenSubject(p.org);
        spec.ttlSecs = policy.ttlSeconds;
        spec.withJti = policy.jti;
        spec.reusable = m_preset == jwt::TokenPreset::Uui && !policy.jti;
        for (const auto& extra : std::as_const(m_extras)) {
            if (!extra.first.isEmpty()) {
                spec.extraClaims.append(extra);
            }
        }
        m_claims = jwt::buildClaims(spec, workspace().clock());
        m_token.clear();
        const crypto::PrivateKey& key = workspace().key();
        if (!key.isNull() && key.algorithm() == crypto::KeyAlgorithm::Rsa) {
            if (auto signed_ = jwt::sign(m_claims, key)) {
                m_token = *signed_;
            }
        }
    }

    jwt::ClaimRuleOptions options;
    options.reusable = m_preset == jwt::TokenPreset::Uui && !policy.jti;
    m_claimDiagnostics = jwt::checkClaims(m_claims, &p.org, workspace().clock(), options);
    if (workspace().hasKey() && m_token.isEmpty()) {
        diagnostics::Diagnostics keyProblems = workspace().key().checkForRs256(u"key"_s);
        m_claimDiagnostics.append(keyProblems);
    }
    m_claimProblems->setDiagnostics(m_claimDiagnostics);

    // The claims table, with where each value comes from.
    const qint64 iat = m_claims.intClaim(u"iat"_s).value_or(0);
    m_claimsTree->clear();
    for (const QString& name : m_claims.names()) {
        const QJsonValue value = m_claims.value(name);
        QString shown = valueText(value);
        QString source;
        if (name == u"iat"_s) {
            shown = tr("%1 (%2)").arg(shown, utc(value.toInteger()));
            source = tr("the time of signing");
        } else if (name == u"exp"_s) {
            shown = tr("%1 (%2)").arg(shown, utc(value.toInteger()));
            source = tr("iat + %1").arg(widgets::formatDuration(value.toInteger() - iat));
        } else if (name == u"iss"_s) {
            source = tr("org id, Org & credentials page");
        } else if (name == u"sub"_s) {
            source = tr("Call Center API name, Org & credentials page");
        } else if (name == u"jti"_s) {
            source = tr("a new UUID for every token");
        } else {
            source = tr("additional claim");
        }
        if (std::any_of(m_extras.cbegin(), m_extras.cend(), [&](const auto& e) { return e.first == name; })) {
            source = tr("additional claim");
        }
        auto* item = new QTreeWidgetItem(m_claimsTree, {name, shown, source});
        item->setToolTip(1, shown);
        item->setToolTip(2, source);
    }
    if (!p.org.subRequired() && !m_claims.contains(u"sub"_s)) {
        new QTreeWidgetItem(
            m_claimsTree, {u"sub"_s, tr("(left out)"), tr("not a Salesforce Voice with Telephony Providers customer")});
    }

    m_tokenView->setToken(QString::fromLatin1(m_token));
    m_copyToken->setEnabled(!m_token.isEmpty());
    m_newToken->setEnabled(workspace().hasKey());
}

void TokenPage::copyToken() {
    if (m_token.isEmpty()) {
        return;
    }
    const int seconds = clearSeconds();
    m_clipboard->setClearDelay(std::chrono::seconds(seconds));
    m_clipboard->copy(QString::fromLatin1(m_token), widgets::SensitiveClipboard::Kind::Secret);
    m_copyStatus->setText(seconds > 0 ? tr("Copied; the clipboard is cleared in %n s.", nullptr, seconds)
                                      : tr("Copied."));
}

void TokenPage::setPastedToken(const QString& token) {
    m_tabs->setCurrentIndex(1);
    m_pasted->setPlainText(token);
    verifyPasted();
}

QString TokenPage::verificationText() const {
    return m_verificationText;
}

void TokenPage::verifyPasted() {
    if (!m_pasted) {
        return;
    }
    const QString text = m_pasted->toPlainText().trimmed();
    m_pastedView->setToken(text);
    diagnostics::Diagnostics problems;
    if (text.isEmpty()) {
        m_verification = Verification::Empty;
        m_verificationText = tr("Paste a token above.");
    } else if (auto decoded = jwt::decode(text.toLatin1()); !decoded) {
        m_verification = Verification::NotAJwt;
        m_verificationText = tr("Not a token that can be checked: %1").arg(decoded.error().message);
    } else {
        jwt::ClaimRuleOptions options;
        options.reusable = !decoded->claims.contains(u"jti"_s);
        problems = jwt::checkToken(*decoded, &workspace().project().org, workspace().clock(), options);
        const crypto::Certificate& certificate = workspace().certificate();
        const crypto::PrivateKey& key = workspace().key();
        Result<void> verified = fail(QString(), QString());
        QString against;
        if (!certificate.isNull()) {
            verified = jwt::verify(*decoded, certificate);
            const QString name = certificate.commonName().isEmpty() ? certificate.subject() : certificate.commonName();
            against = tr("the certificate %1 (SHA-256 %2)")
                          .arg(name, crypto::fingerprintHex(certificate.sha256Fingerprint()).left(23) + u"…"_s);
        } else if (!key.isNull()) {
            verified = jwt::verify(*decoded, key.publicKey());
            against = tr("the project's key (SHA-256 of the public key %1)")
                          .arg(crypto::fingerprintHex(key.publicKey().spkiSha256()).left(23) + u"…"_s);
        }
        if (against.isEmpty()) {
            m_verification = Verification::NoKey;
            m_verificationText = tr("Decoded, but not verified: this project has no certificate or key yet. Import "
                                    "one on the Org & credentials page.");
        } else if (verified) {
            m_verification = Verification::Valid;
            m_verificationText = tr("Signature valid: signed with the private key of %1.").arg(against);
        } else {
            m_verification = Verification::Invalid;
            m_verificationText = tr("Signature NOT valid for %1: %2").arg(against, verified.error().message);
        }
    }
    const QString icon = m_verification == Verification::Valid     ? u"severity-ok"_s
                         : m_verification == Verification::Invalid ? u"severity-error"_s
                         : m_verification == Verification::NotAJwt ? u"severity-error"_s
                                                                   : u"severity-info"_s;
    const int size = m_verifyStatus->fontMetrics().height();
    m_verifyStatus->setText(u"<img src=\":/handoff/icons/%1.svg\" width=\"%2\" height=\"%2\" "
                            "style=\"vertical-align:middle\">&nbsp;%3"_s.arg(icon)
                                .arg(size)
                                .arg(m_verificationText.toHtmlEscaped()));
    m_verifyStatus->setAccessibleName(m_verificationText);
    m_pastedProblems->setDiagnostics(problems);
    m_pastedProblems->setVisible(m_verification != Verification::Empty && m_verification != Verification::NotAJwt);
}

bool TokenPage::focusField(const QString& field, const diagnostics::Location& where) {
    if (!ownsField(field)) {
        return false;
    }
    // The workspace's problems are about the UUI token: show that one.
    if (m_preset != jwt::TokenPreset::Uui && (field.startsWith(u"claims."_s) || field.startsWith(u"header."_s))) {
        setPreset(jwt::TokenPreset::Uui);
    }
    return focusShownField(field, where);
}

bool TokenPage::focusShownField(const QString& field, const diagnostics::Location& where) {
    m_tabs->setCurrentIndex(0);
    if (field.startsWith(u"claims."_s)) {
        const QString claim = field.mid(7);
        const auto items = m_claimsTree->findItems(claim, Qt::MatchExactly, 0);
        if (!items.isEmpty()) {
            m_claimsTree->setCurrentItem(items.first());
        }
    }
    return Page::focusField(field, where);
}

} // namespace handoff::pages
