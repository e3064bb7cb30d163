#include "UuiPage.h"

#include "PastedUuiCheck.h"
#include "shell/Workspace.h"
#include "widgets/DiagnosticList.h"
#include "widgets/JsonEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::pages {

namespace {

using uui::BudgetShare;
using uui::LimitAppliesTo;
using uui::PdMode;
using uui::UuiEncoding;

QString number(qsizetype value) {
    return QLocale().toString(static_cast<qlonglong>(value));
}

// Sets a line edit's text only when it differs, so the cursor of someone typing stays where it is.
void setTextKeepingCursor(QLineEdit* edit, const QString& text) {
    if (edit->text() != text) {
        edit->setText(text);
    }
}

void setComboData(QComboBox* combo, const QVariant& data) {
    const int index = combo->findData(data);
    if (index >= 0 && index != combo->currentIndex()) {
        combo->setCurrentIndex(index);
    }
}

// An octet as two hex digits ("0x04"), as trunk settings and SIP traces write it.
class OctetSpinBox final : public QSpinBox {
public:
    OctetSpinBox() {
        setRange(0, 255);
        setDisplayIntegerBase(16);
        setPrefix(u"0x"_s);
    }

protected:
    QString textFromValue(int value) const override {
        return QStringLiteral("%1").arg(value, 2, 16, QLatin1Char('0')).toUpper();
    }
};

QString unitFor(const uui::SipBudget& budget) {
    if (budget.limitAppliesTo == LimitAppliesTo::DecodedData) {
        return UuiPage::tr("octets");
    }
    return budget.profile.encoding == UuiEncoding::Hex ? UuiPage::tr("characters (hex)")
                                                       : UuiPage::tr("characters (ascii)");
}

QString shareName(const BudgetShare& share) {
    switch (share.kind) {
    case BudgetShare::Kind::Field:
        return share.name;
    case BudgetShare::Kind::Braces:
        return UuiPage::tr("{ }");
    case BudgetShare::Kind::PdOctet:
        return UuiPage::tr("PD octet");
    case BudgetShare::Kind::HeaderName:
        return UuiPage::tr("header name");
    case BudgetShare::Kind::Parameters:
        return UuiPage::tr("parameters");
    }
    return share.name;
}

} // namespace

UuiPage::UuiPage(shell::Workspace& workspace, QWidget* parent)
    : Page(workspace, parent) {
    setObjectName(u"uuiPage"_s);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"uuiTabWidget"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildComposeTab(), tr("&Compose"));
    m_check = new PastedUuiCheck(workspace);
    m_tabs->addTab(m_check, tr("Check pasted &UUI"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QLabel* heading = makeHeading(title(), this);
    heading->setContentsMargins(style()->pixelMetric(QStyle::PM_LayoutLeftMargin),
                                style()->pixelMetric(QStyle::PM_LayoutTopMargin), 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_tabs);

    connect(&workspace, &shell::Workspace::projectChanged, this, &UuiPage::refreshFromProject);
    connect(&workspace, &shell::Workspace::derivedChanged, this, &UuiPage::refreshDerived);
    refreshFromProject();
    refreshDerived();
}

UuiPage::~UuiPage() = default;

void UuiPage::resizeEvent(QResizeEvent* event) {
    orientSplitter(m_splitter);
    Page::resizeEvent(event);
}

QString UuiPage::title() const {
    return tr("UUI header");
}

QIcon UuiPage::icon() const {
    return QIcon(u":/handoff/icons/page-uui.svg"_s);
}

QString UuiPage::pageId() const {
    return u"uui"_s;
}

// ---- building

QWidget* UuiPage::buildComposeTab() {
    auto* form = new QWidget;
    auto* formLayout = new QVBoxLayout(form);
    formLayout->addWidget(buildFieldsGroup());
    formLayout->addWidget(buildParamsGroup());
    formLayout->addWidget(buildTrunkGroup());
    formLayout->addStretch(1);

    auto* scroll = new QScrollArea;
    scroll->setObjectName(u"uuiFormScrollArea"_s);
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(form->minimumSizeHint().width() + scroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent));

    auto* splitter = new QSplitter(Qt::Horizontal);
    m_splitter = splitter;
    splitter->setObjectName(u"uuiSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(scroll);
    // The results scroll too, so that at large scale factors nothing is squeezed below its size.
    auto* resultScroll = new QScrollArea;
    resultScroll->setObjectName(u"uuiResultScrollArea"_s);
    resultScroll->setWidget(buildResultPane());
    resultScroll->setWidgetResizable(true);
    resultScroll->setFrameShape(QFrame::NoFrame);
    resultScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    splitter->addWidget(resultScroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    return splitter;
}

QWidget* UuiPage::buildFieldsGroup() {
    auto* box = new QGroupBox(tr("UUI fields"));
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_includeOrgId = new QCheckBox(tr("orgId"));
    m_includeOrgId->setObjectName(u"includeOrgIdCheckBox"_s);
    m_includeOrgId->setToolTip(tr("Optional when the token is present: Salesforce then takes the org from the "
                                  "token's issuer (iss)."));
    m_orgIdValue = new QLabel;
    m_orgIdValue->setObjectName(u"orgIdValueLabel"_s);
    m_orgIdValue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_includeOrgId, m_orgIdValue);

    m_scrt2Value = new QLabel;
    m_scrt2Value->setObjectName(u"scrt2ValueLabel"_s);
    m_scrt2Value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_scrt2Value->setWordWrap(true);
    form->addRow(tr("scrt2Domain"), m_scrt2Value);

    m_tokenValue = new QLabel;
    m_tokenValue->setObjectName(u"tokenValueLabel"_s);
    m_tokenValue->setWordWrap(true);
    form->addRow(tr("token"), m_tokenValue);

    m_includeCallId = new QCheckBox(tr("callId"));
    m_includeCallId->setObjectName(u"includeCallIdCheckBox"_s);
    m_includeCallId->setToolTip(tr("The 18-character VoiceCall id. In Architect it comes from the variable bound on "
                                   "the Export page; the value here is a sample for the budget."));
    m_callId = new QLineEdit;
    m_callId->setObjectName(u"callIdLineEdit"_s);
    m_callId->setPlaceholderText(tr("0LQ… (18 characters)"));
    m_callId->setAccessibleName(tr("callId sample value"));
    form->addRow(m_includeCallId, m_callId);

    m_includeTransactionId = new QCheckBox(tr("transactionId"));
    m_includeTransactionId->setObjectName(u"includeTransactionIdCheckBox"_s);
    m_transactionId = new QLineEdit;
    m_transactionId->setObjectName(u"transactionIdLineEdit"_s);
    m_transactionId->setPlaceholderText(tr("e.g. order-2026-0122-5489"));
    m_transactionId->setAccessibleName(tr("transactionId value"));
    form->addRow(m_includeTransactionId, m_transactionId);

    auto* hint = new QLabel(tr("orgId and scrt2Domain come from the Org & credentials page, the token from the "
                               "Token page."));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(hint);

    connect(m_includeOrgId, &QCheckBox::clicked, this, [this](bool on) {
        workspace().edit(on ? tr("Include orgId") : tr("Leave orgId out"),
                         [on](project::Project& p) { p.uui.includeOrgId = on; });
    });
    connect(m_includeCallId, &QCheckBox::clicked, this, [this](bool on) {
        workspace().edit(on ? tr("Include callId") : tr("Leave callId out"),
                         [on](project::Project& p) { p.uui.includeCallId = on; });
    });
    connect(m_callId, &QLineEdit::textEdited, this, [this](const QString& text) {
        workspace().edit(
            tr("Edit callId"), [text](project::Project& p) { p.uui.callId = text; }, u"uui.callId"_s);
    });
    connect(m_includeTransactionId, &QCheckBox::clicked, this, [this](bool on) {
        const QString text = m_transactionId->text();
        workspace().edit(on ? tr("Include transactionId") : tr("Leave transactionId out"),
                         [on, text](project::Project& p) {
                             p.uui.transactionId = on ? std::optional<QString>(text) : std::nullopt;
                         });
    });
    connect(m_transactionId, &QLineEdit::textEdited, this, [this](const QString& text) {
        workspace().edit(
            tr("Edit transactionId"), [text](project::Project& p) { p.uui.transactionId = text; },
            u"uui.transactionId"_s);
    });

    registerField(u"uui.orgId"_s, m_includeOrgId);
    // scrt2Domain and the token are not edited here: their problems select their value in the JSON view ("uui.").
    registerField(u"uui.callId"_s, m_callId);
    registerField(u"uui.transactionId"_s, m_transactionId);
    return box;
}

QWidget* UuiPage::buildParamsGroup() {
    auto* box = new QGroupBox(tr("Custom parameters"));
    auto* layout = new QVBoxLayout(box);
    auto* intro = new QLabel(tr("Passed on to the Omni-Channel inbound flow, in this order, after the standard "
                                "fields."));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_params = new QTableWidget(0, 2);
    m_params->setObjectName(u"customParamsTableWidget"_s);
    m_params->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_params->horizontalHeader()->setStretchLastSection(true);
    m_params->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_params->verticalHeader()->setVisible(false);
    m_params->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_params->setSelectionMode(QAbstractItemView::SingleSelection);
    m_params->setTabKeyNavigation(false);
    m_params->setAccessibleName(tr("Custom parameters"));
    m_params->setMinimumHeight(m_params->fontMetrics().height() * 7);
    layout->addWidget(m_params);

    auto* buttons = new QHBoxLayout;
    m_addParam = new QPushButton(tr("&Add"));
    m_addParam->setObjectName(u"addParamPushButton"_s);
    m_removeParam = new QPushButton(tr("&Remove"));
    m_removeParam->setObjectName(u"removeParamPushButton"_s);
    m_paramUp = new QToolButton;
    m_paramUp->setObjectName(u"paramUpToolButton"_s);
    m_paramUp->setArrowType(Qt::UpArrow);
    m_paramUp->setToolTip(tr("Move up (Alt+Up)"));
    m_paramUp->setAccessibleName(tr("Move parameter up"));
    m_paramUp->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_paramDown = new QToolButton;
    m_paramDown->setObjectName(u"paramDownToolButton"_s);
    m_paramDown->setArrowType(Qt::DownArrow);
    m_paramDown->setToolTip(tr("Move down (Alt+Down)"));
    m_paramDown->setAccessibleName(tr("Move parameter down"));
    m_paramDown->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    buttons->addWidget(m_addParam);
    buttons->addWidget(m_removeParam);
    buttons->addStretch(1);
    buttons->addWidget(m_paramUp);
    buttons->addWidget(m_paramDown);
    layout->addLayout(buttons);

    connect(m_addParam, &QPushButton::clicked, this, &UuiPage::addParam);
    connect(m_removeParam, &QPushButton::clicked, this, &UuiPage::removeParam);
    connect(m_paramUp, &QToolButton::clicked, this, [this] { moveParam(-1); });
    connect(m_paramDown, &QToolButton::clicked, this, [this] { moveParam(+1); });
    connect(m_params, &QTableWidget::itemSelectionChanged, this, &UuiPage::updateParamButtons);
    connect(m_params, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_updating) {
            return;
        }
        writeParamsFromTable(tr("Edit custom parameter"),
                             u"uui.customParams.%1.%2"_s.arg(item->row()).arg(item->column()));
    });
    registerField(u"uui.customParams."_s, m_params);
    updateParamButtons();
    return box;
}

QWidget* UuiPage::buildTrunkGroup() {
    auto* box = new QGroupBox(tr("Trunk UUI profile"));
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_headerName = new QComboBox;
    m_headerName->setObjectName(u"headerNameComboBox"_s);
    for (const QString& name : uui::TrunkUuiProfile::headerNames()) {
        m_headerName->addItem(name, name);
    }
    form->addRow(tr("Hea&der:"), m_headerName);

    m_encoding = new QComboBox;
    m_encoding->setObjectName(u"encodingComboBox"_s);
    m_encoding->addItem(tr("Hex (what Salesforce documents)"), uui::encodingKey(UuiEncoding::Hex));
    m_encoding->addItem(tr("Ascii"), uui::encodingKey(UuiEncoding::Ascii));
    form->addRow(tr("E&ncoding:"), m_encoding);

    m_pdMode = new QComboBox;
    m_pdMode->setObjectName(u"pdModeComboBox"_s);
    m_pdMode->addItem(tr("Prefix octet (receiver strips it)"), uui::pdModeKey(PdMode::Prefix));
    m_pdMode->addItem(tr("pd= parameter"), uui::pdModeKey(PdMode::Parameter));
    m_pdMode->addItem(tr("Not sent"), uui::pdModeKey(PdMode::None));
    m_pdOctet = new OctetSpinBox;
    m_pdOctet->setObjectName(u"pdOctetSpinBox"_s);
    m_pdOctet->setAccessibleName(tr("Protocol discriminator octet"));
    m_pdOctet->setToolTip(tr("The protocol discriminator octet. 04 (IA5 characters) is an assumption: Salesforce "
                             "does not document one."));
    auto* pdRow = new QHBoxLayout;
    pdRow->addWidget(m_pdMode, 1);
    pdRow->addWidget(m_pdOctet);
    auto* pdLabel = new QLabel(tr("&Protocol discriminator:"));
    pdLabel->setBuddy(m_pdMode);
    form->addRow(pdLabel, pdRow);

    m_encodingParameter = new QCheckBox(tr("Write the encoding= parameter"));
    m_encodingParameter->setObjectName(u"encodingParameterCheckBox"_s);
    form->addRow(QString(), m_encodingParameter);

    m_parameters = new QLineEdit;
    m_parameters->setObjectName(u"parametersLineEdit"_s);
    m_parameters->setPlaceholderText(u"purpose=isdn-uui;content=isdn-uui"_s);
    form->addRow(tr("&Other parameters:"), m_parameters);

    m_limit = new QSpinBox;
    m_limit->setObjectName(u"limitSpinBox"_s);
    m_limit->setRange(1, 65535);
    m_limit->setGroupSeparatorShown(true);
    m_limitAppliesTo = new QComboBox;
    m_limitAppliesTo->setObjectName(u"limitAppliesToComboBox"_s);
    for (LimitAppliesTo a : {LimitAppliesTo::HeaderLine, LimitAppliesTo::HeaderValue, LimitAppliesTo::DecodedData}) {
        m_limitAppliesTo->addItem(uui::limitAppliesToName(a), uui::limitAppliesToKey(a));
    }
    m_limitAppliesTo->setToolTip(tr("Salesforce states a maximum of 1,024 characters for a SIP header but not what "
                                    "it is measured on. This is an assumption: choose the reading your tests "
                                    "support. The whole header line is the strictest."));
    m_limitAppliesTo->setAccessibleName(tr("Limit applies to"));
    auto* limitRow = new QHBoxLayout;
    limitRow->addWidget(m_limit);
    limitRow->addWidget(new QLabel(tr("on")));
    limitRow->addWidget(m_limitAppliesTo, 1);
    auto* limitLabel = new QLabel(tr("&Limit:"));
    limitLabel->setBuddy(m_limit);
    form->addRow(limitLabel, limitRow);

    const auto editTrunk = [this](const QString& text, auto change, const QString& mergeKey = {}) {
        if (m_updating) {
            return;
        }
        workspace().edit(
            text, [change](project::Project& p) { change(p.trunk); }, mergeKey);
    };
    connect(m_headerName, &QComboBox::activated, this, [this, editTrunk](int) {
        const QString name = m_headerName->currentData().toString();
        editTrunk(tr("Change UUI header name"), [name](uui::TrunkUuiProfile& t) { t.headerName = name; });
    });
    connect(m_encoding, &QComboBox::activated, this, [this, editTrunk](int) {
        const auto encoding = uui::encodingFromKey(m_encoding->currentData().toString()).value_or(UuiEncoding::Hex);
        editTrunk(tr("Change UUI encoding"), [encoding](uui::TrunkUuiProfile& t) { t.encoding = encoding; });
    });
    connect(m_pdMode, &QComboBox::activated, this, [this, editTrunk](int) {
        const auto mode = uui::pdModeFromKey(m_pdMode->currentData().toString()).value_or(PdMode::Prefix);
        editTrunk(tr("Change PD mode"), [mode](uui::TrunkUuiProfile& t) { t.pdMode = mode; });
    });
    connect(m_pdOctet, &QSpinBox::valueChanged, this, [editTrunk](int value) {
        editTrunk(
            tr("Change protocol discriminator"),
            [value](uui::TrunkUuiProfile& t) { t.protocolDiscriminator = static_cast<quint8>(value); },
            u"trunk.protocolDiscriminator"_s);
    });
    connect(m_encodingParameter, &QCheckBox::clicked, this, [editTrunk](bool on) {
        editTrunk(tr("Change encoding parameter"), [on](uui::TrunkUuiProfile& t) { t.encodingParameter = on; });
    });
    connect(m_parameters, &QLineEdit::textEdited, this, [editTrunk](const QString& text) {
        editTrunk(
            tr("Edit header parameters"),
            [text](uui::TrunkUuiProfile& t) { t.parameters = uui::TrunkUuiProfile::parseParameters(text); },
            u"trunk.parameters"_s);
    });
    connect(m_limit, &QSpinBox::valueChanged, this, [editTrunk](int value) {
        editTrunk(
            tr("Change UUI limit"), [value](uui::TrunkUuiProfile& t) { t.limit = value; }, u"trunk.limit"_s);
    });
    connect(m_limitAppliesTo, &QComboBox::activated, this, [this, editTrunk](int) {
        const auto appliesTo =
            uui::limitAppliesToFromKey(m_limitAppliesTo->currentData().toString()).value_or(LimitAppliesTo::HeaderLine);
        editTrunk(tr("Change what the limit applies to"),
                  [appliesTo](uui::TrunkUuiProfile& t) { t.limitAppliesTo = appliesTo; });
    });

    registerField(u"trunk."_s, m_encoding);
    registerField(u"trunk.headerName"_s, m_headerName);
    registerField(u"trunk.encoding"_s, m_encoding);
    registerField(u"trunk.pdMode"_s, m_pdMode);
    registerField(u"trunk.protocolDiscriminator"_s, m_pdOctet);
    registerField(u"trunk.encodingParameter"_s, m_encodingParameter);
    registerField(u"trunk.parameters"_s, m_parameters);
    registerField(u"trunk.limit"_s, m_limit);
    registerField(u"trunk.limitAppliesTo"_s, m_limitAppliesTo);
    return box;
}

QWidget* UuiPage::buildResultPane() {
    auto* pane = new QWidget;
    auto* layout = new QVBoxLayout(pane);

    auto* budgetTitle = new QLabel(tr("<b>Header size</b>"));
    layout->addWidget(budgetTitle);
    m_budgetBar = new widgets::BudgetBar;
    m_budgetBar->setObjectName(u"uuiBudgetBar"_s);
    m_budgetBar->setAccessibleName(tr("UUI header size"));
    layout->addWidget(m_budgetBar);
    m_budgetLegend = new QLabel;
    m_budgetLegend->setObjectName(u"budgetLegendLabel"_s);
    m_budgetLegend->setWordWrap(true);
    m_budgetLegend->setTextFormat(Qt::RichText);
    layout->addWidget(m_budgetLegend);
    m_lengths = new QLabel;
    m_lengths->setObjectName(u"lengthsLabel"_s);
    m_lengths->setWordWrap(true);
    m_lengths->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_lengths);

    m_waysBox = new QGroupBox(tr("Ways out"));
    m_waysBox->setObjectName(u"waysOutGroupBox"_s);
    m_waysLayout = new QVBoxLayout(m_waysBox);
    m_waysIntro = new QLabel;
    m_waysIntro->setWordWrap(true);
    m_waysLayout->addWidget(m_waysIntro);
    layout->addWidget(m_waysBox);

    auto* headerTitle = new QLabel(tr("&SIP header as the trunk sends it"));
    layout->addWidget(headerTitle);
    m_headerLine = new QPlainTextEdit;
    m_headerLine->setObjectName(u"headerLinePlainTextEdit"_s);
    m_headerLine->setReadOnly(true);
    m_headerLine->setTabChangesFocus(true);
    m_headerLine->setWordWrapMode(QTextOption::WrapAnywhere);
    m_headerLine->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_headerLine->setMaximumHeight(m_headerLine->fontMetrics().lineSpacing() * 8);
    headerTitle->setBuddy(m_headerLine);
    layout->addWidget(m_headerLine, 1);

    auto* jsonTitle = new QLabel(tr("UUI &JSON (what Set UUI Data sends)"));
    layout->addWidget(jsonTitle);
    m_json = new widgets::JsonEditor;
    m_json->setObjectName(u"uuiJsonEditor"_s);
    m_json->setReadOnly(true);
    m_json->setMinimumHeight(m_json->fontMetrics().lineSpacing() * 8);
    jsonTitle->setBuddy(m_json);
    layout->addWidget(m_json, 2);

    connect(m_budgetBar, &widgets::BudgetBar::segmentActivated, this, &UuiPage::focusBudgetSegment);
    registerField(u"budget"_s, m_budgetBar);
    registerField(u"uui"_s, m_json);
    registerField(u"uui."_s, m_json);
    return pane;
}

// ---- project -> editors

void UuiPage::refreshFromProject() {
    const project::Project& p = workspace().project();
    const QScopedValueRollback<bool> guard(m_updating, true);

    m_includeOrgId->setChecked(p.uui.includeOrgId);
    m_includeCallId->setChecked(p.uui.includeCallId);
    setTextKeepingCursor(m_callId, p.uui.callId);
    m_callId->setEnabled(p.uui.includeCallId);
    m_includeTransactionId->setChecked(p.uui.transactionId.has_value());
    if (p.uui.transactionId) {
        setTextKeepingCursor(m_transactionId, *p.uui.transactionId);
    }
    m_transactionId->setEnabled(p.uui.transactionId.has_value());
    refreshParamsTable();

    const uui::TrunkUuiProfile& t = p.trunk;
    if (m_headerName->findData(t.headerName) < 0) {
        m_headerName->addItem(t.headerName, t.headerName);
    }
    setComboData(m_headerName, t.headerName);
    setComboData(m_encoding, uui::encodingKey(t.encoding));
    setComboData(m_pdMode, uui::pdModeKey(t.pdMode));
    if (m_pdOctet->value() != t.protocolDiscriminator) {
        m_pdOctet->setValue(t.protocolDiscriminator);
    }
    m_pdOctet->setEnabled(t.pdMode != PdMode::None);
    m_encodingParameter->setChecked(t.encodingParameter);
    if (uui::TrunkUuiProfile::parseParameters(m_parameters->text()) != t.parameters) {
        m_parameters->setText(t.parametersText());
    }
    if (m_limit->value() != t.limit) {
        m_limit->setValue(t.limit);
    }
    setComboData(m_limitAppliesTo, uui::limitAppliesToKey(t.limitAppliesTo));
}

void UuiPage::refreshParamsTable() {
    const QList<uui::CustomParam>& params = workspace().project().uui.customParams;
    bool same = m_params->rowCount() == params.size();
    for (int row = 0; same && row < m_params->rowCount(); ++row) {
        const auto* key = m_params->item(row, 0);
        const auto* value = m_params->item(row, 1);
        same = key && value && key->text() == params.at(row).key && value->text() == params.at(row).value;
    }
    if (same) {
        return;
    }
    const QScopedValueRollback<bool> guard(m_updating, true);
    const int currentRow = m_params->currentRow();
    const int currentColumn = std::max(0, m_params->currentColumn());
    m_params->setRowCount(static_cast<int>(params.size()));
    for (int row = 0; row < params.size(); ++row) {
        for (int column = 0; column < 2; ++column) {
            const QString text = column == 0 ? params.at(row).key : params.at(row).value;
            QTableWidgetItem* item = m_params->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_params->setItem(row, column, item);
            }
            if (item->text() != text) {
                item->setText(text);
            }
        }
    }
    if (currentRow >= 0 && currentRow < m_params->rowCount()) {
        m_params->setCurrentCell(currentRow, currentColumn);
    }
    updateParamButtons();
}

void UuiPage::writeParamsFromTable(const QString& text, const QString& mergeKey) {
    QList<uui::CustomParam> params;
    for (int row = 0; row < m_params->rowCount(); ++row) {
        const auto* key = m_params->item(row, 0);
        const auto* value = m_params->item(row, 1);
        params.append({key ? key->text() : QString(), value ? value->text() : QString()});
    }
    workspace().edit(
        text, [params](project::Project& p) { p.uui.customParams = params; }, mergeKey);
}

void UuiPage::addParam() {
    const auto& existing = workspace().project().uui.customParams;
    QString key;
    for (int n = static_cast<int>(existing.size()) + 1;; ++n) {
        key = u"param%1"_s.arg(n);
        if (std::none_of(existing.cbegin(), existing.cend(), [&](const uui::CustomParam& c) { return c.key == key; })) {
            break;
        }
    }
    workspace().edit(tr("Add custom parameter"), [key](project::Project& p) {
        p.uui.customParams.append({key, QString()});
    });
    refreshParamsTable();
    const int row = m_params->rowCount() - 1;
    if (row >= 0) {
        m_params->setCurrentCell(row, 0);
        m_params->setFocus();
        m_params->editItem(m_params->item(row, 0));
    }
}

void UuiPage::removeParam() {
    const int row = m_params->currentRow();
    if (row < 0 || row >= workspace().project().uui.customParams.size()) {
        return;
    }
    const QString key = workspace().project().uui.customParams.at(row).key;
    workspace().edit(tr("Remove custom parameter %1").arg(key),
                     [row](project::Project& p) { p.uui.customParams.removeAt(row); });
    refreshParamsTable();
    if (m_params->rowCount() > 0) {
        m_params->setCurrentCell(std::min(row, m_params->rowCount() - 1), 0);
    }
    updateParamButtons();
}

void UuiPage::moveParam(int delta) {
    const int row = m_params->currentRow();
    const int target = row + delta;
    const auto size = workspace().project().uui.customParams.size();
    if (row < 0 || target < 0 || target >= size) {
        return;
    }
    const int column = std::max(0, m_params->currentColumn());
    workspace().edit(delta < 0 ? tr("Move custom parameter up") : tr("Move custom parameter down"),
                     [row, target](project::Project& p) { p.uui.customParams.move(row, target); });
    refreshParamsTable();
    m_params->setCurrentCell(target, column);
    updateParamButtons();
}

void UuiPage::updateParamButtons() {
    const int row = m_params->currentRow();
    const bool selected = row >= 0 && row < m_params->rowCount() && !m_params->selectedItems().isEmpty();
    m_removeParam->setEnabled(selected);
    m_paramUp->setEnabled(selected && row > 0);
    m_paramDown->setEnabled(selected && row + 1 < m_params->rowCount());
}

// ---- derived -> views

widgets::BudgetBarModel UuiPage::budgetBarModel(const uui::SipBudget& budget) {
    widgets::BudgetBarModel model;
    const bool octets = budget.limitAppliesTo == LimitAppliesTo::DecodedData;
    for (const BudgetShare& share : budget.shares) {
        if (budget.limitAppliesTo != LimitAppliesTo::HeaderLine && share.kind == BudgetShare::Kind::HeaderName) {
            continue;
        }
        if (octets && share.kind == BudgetShare::Kind::Parameters) {
            continue;
        }
        widgets::BudgetSegment segment;
        segment.name = shareName(share);
        segment.encodedChars = octets ? share.bytes : share.encodedChars;
        segment.structural = share.kind != BudgetShare::Kind::Field;
        if (share.kind == BudgetShare::Kind::Field) {
            segment.detail = tr("%n byte(s) of JSON: the value plus its key, quotes and comma", nullptr,
                                static_cast<int>(share.bytes));
        } else if (share.kind == BudgetShare::Kind::Braces) {
            segment.detail = tr("The braces around the JSON object");
        }
        model.segments.append(segment);
    }
    model.total = budget.measured;
    model.limit = budget.limit;
    model.unit = unitFor(budget);
    model.limitMeaning = tr("Measured on %1 (an assumption you can change in the trunk profile)")
                             .arg(uui::limitAppliesToName(budget.limitAppliesTo));
    return model;
}

void UuiPage::refreshDerived() {
    const project::Composition& d = workspace().derived();
    const project::Project& p = workspace().project();

    const QString orgId = p.org.orgId.trimmed();
    m_orgIdValue->setText(orgId.isEmpty() ? tr("not set: enter it on the Org & credentials page") : orgId);
    const QString domain = d.model.scrt2Domain;
    m_scrt2Value->setText(domain.isEmpty() ? tr("not set: enter it on the Org & credentials page") : domain);
    if (d.token.isEmpty()) {
        m_tokenValue->setText(d.tokenEstimated
                                  ? tr("No key yet: import or generate one on the Org & credentials page. Until then "
                                       "the size assumes a 2048-bit RS256 token.")
                                  : tr("No token yet: import or generate a key on the Org & credentials page."));
    } else {
        m_tokenValue->setText(
            tr("RS256 token, %n character(s), from the Token page", nullptr, static_cast<int>(d.token.size())));
    }

    const uui::SipBudget& b = d.budget;
    m_budgetBar->setModel(budgetBarModel(b));
    m_budgetLegend->setText(m_budgetBar->legendHtml());
    m_lengths->setText(tr("Header line %1 characters · header value %2 · data %3 octets (JSON %4 bytes). The limit "
                          "of %5 is measured on %6.")
                           .arg(number(b.headerLineLength), number(b.headerValueLength), number(b.decodedBytes),
                                number(b.jsonBytes), number(b.limit), uui::limitAppliesToName(b.limitAppliesTo)));
    const QString header = QString::fromUtf8(b.headerLine);
    if (m_headerLine->toPlainText() != header) {
        m_headerLine->setPlainText(header);
        colourHeaderLine(b);
    }

    m_json->setText(QString::fromUtf8(d.uui.json));
    diagnostics::Diagnostics inJson;
    for (const diagnostics::Diagnostic& diag : d.diagnostics) {
        if (diag.where.offset >= 0 && diag.where.offset + diag.where.length <= d.uui.json.size() &&
            (diag.where.field == u"uui"_s || diag.where.field.startsWith(u"uui."_s))) {
            inJson.append(diag);
        }
    }
    m_json->setDiagnostics(inJson);
    markParamProblems(d.diagnostics);
    refreshWaysOut(b);
}

void UuiPage::markParamProblems(const diagnostics::Diagnostics& list) {
    // A problem of a custom parameter (by position, or by its key) shows on its key cell: icon and tooltip.
    static const QRegularExpression byIndex(u"^uui\\.params\\[(\\d+)\\]"_s);
    const auto& params = workspace().project().uui.customParams;
    QHash<int, QStringList> messages;
    QHash<int, diagnostics::Severity> worst;
    for (const diagnostics::Diagnostic& d : list) {
        int row = -1;
        if (const auto match = byIndex.match(d.where.field); match.hasMatch()) {
            row = match.captured(1).toInt();
        } else if (d.where.field.startsWith(u"uui."_s) && !uui::standardKeys().contains(d.where.field.mid(4))) {
            const QString key = d.where.field.mid(4);
            for (int i = 0; i < params.size(); ++i) {
                if (params.at(i).key == key) {
                    row = i;
                }
            }
        }
        if (row < 0) {
            continue;
        }
        messages[row] << tr("%1: %2").arg(d.code, d.message);
        worst[row] = std::max(worst.value(row, diagnostics::Severity::Info), d.severity);
    }
    const QScopedValueRollback<bool> guard(m_updating, true);
    for (int row = 0; row < m_params->rowCount(); ++row) {
        QTableWidgetItem* key = m_params->item(row, 0);
        if (!key) {
            continue;
        }
        if (messages.contains(row)) {
            key->setIcon(widgets::DiagnosticList::severityIcon(worst.value(row)));
            key->setToolTip(messages.value(row).join(u'\n'));
        } else if (!key->icon().isNull() || !key->toolTip().isEmpty()) {
            key->setIcon({});
            key->setToolTip({});
        }
    }
}

void UuiPage::colourHeaderLine(const uui::SipBudget& budget) {
    // The parts of the line in the order the shares list them: header name, PD prefix octet, the data (braces and
    // fields), then the parameters. The data keeps the text colour; the rest is told apart from it.
    qsizetype name = 0;
    qsizetype pd = 0;
    qsizetype octets = 0;
    for (const BudgetShare& share : budget.shares) {
        switch (share.kind) {
        case BudgetShare::Kind::HeaderName:
            name += share.encodedChars;
            break;
        case BudgetShare::Kind::PdOctet:
            pd += share.encodedChars;
            break;
        case BudgetShare::Kind::Braces:
        case BudgetShare::Kind::Field:
            octets += share.encodedChars;
            break;
        case BudgetShare::Kind::Parameters:
            break;
        }
    }
    const QPalette pal = m_headerLine->palette();
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    QTextCursor cursor(m_headerLine->document());
    const auto paint = [&](qsizetype from, qsizetype length, const QTextCharFormat& format) {
        const int end =
            static_cast<int>(std::min<qsizetype>(from + length, m_headerLine->document()->characterCount() - 1));
        if (end <= from) {
            return;
        }
        cursor.setPosition(static_cast<int>(from));
        cursor.setPosition(end, QTextCursor::KeepAnchor);
        cursor.setCharFormat(format);
    };
    QTextCharFormat nameFormat;
    nameFormat.setFontWeight(QFont::Bold);
    QTextCharFormat pdFormat;
    pdFormat.setForeground(dark ? QColor(255, 190, 80) : QColor(170, 90, 0));
    pdFormat.setFontWeight(QFont::Bold);
    pdFormat.setToolTip(tr("The protocol discriminator octet"));
    QTextCharFormat paramFormat;
    paramFormat.setForeground(pal.color(QPalette::PlaceholderText));
    paint(0, name, nameFormat);
    paint(name, pd, pdFormat);
    paint(name + pd + octets, budget.headerLine.size(), paramFormat);
}

void UuiPage::refreshWaysOut(const uui::SipBudget& budget) {
    const bool same = [&] {
        if (budget.waysOut.size() != m_shownWays.size()) {
            return false;
        }
        for (qsizetype i = 0; i < budget.waysOut.size(); ++i) {
            const auto& a = budget.waysOut.at(i);
            const auto& b = m_shownWays.at(i);
            if (a.kind != b.kind || a.key != b.key || a.customIndex != b.customIndex || a.message != b.message ||
                a.applicable != b.applicable) {
                return false;
            }
        }
        return true;
    }();
    if (budget.fits()) {
        m_waysIntro->setText(tr("The header fits: %1 of %2 %3 left.")
                                 .arg(number(budget.remaining), number(budget.limit), unitFor(budget)));
    } else {
        m_waysIntro->setText(tr("The header is %1 %2 over. Each change below says what it saves; Undo takes it back.")
                                 .arg(number(-budget.remaining), unitFor(budget)));
    }
    if (same) {
        return;
    }
    m_shownWays = budget.waysOut;
    // Drop the old rows (everything after the intro label).
    while (m_waysLayout->count() > 1) {
        QLayoutItem* item = m_waysLayout->takeAt(1);
        if (QWidget* w = item->widget()) {
            w->deleteLater();
        }
        delete item;
    }
    QList<QPushButton*> buttons;
    for (int i = 0; i < m_shownWays.size(); ++i) {
        const uui::WayOut& way = m_shownWays.at(i);
        auto* row = new QWidget;
        auto* rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto* label = new QLabel(way.message);
        label->setWordWrap(true);
        label->setObjectName(u"wayOutLabel%1"_s.arg(i));
        auto* apply = new QPushButton(way.applicable ? tr("Apply") : tr("Not one click"));
        apply->setObjectName(u"wayOutPushButton%1"_s.arg(i));
        apply->setEnabled(way.applicable);
        apply->setAccessibleName(tr("Apply: %1").arg(way.message));
        if (!way.applicable) {
            apply->setToolTip(tr("This needs a new key: generate one on the Org & credentials page."));
        }
        label->setBuddy(apply);
        rowLayout->addWidget(label, 1);
        rowLayout->addWidget(apply, 0, Qt::AlignTop);
        connect(apply, &QPushButton::clicked, this, [this, i] { applyWayOut(i); });
        m_waysLayout->addWidget(row);
        buttons.append(apply);
    }
    // New buttons join the end of the focus chain; put them where they are seen: after the bar, before the header.
    QWidget* previous = m_budgetBar;
    for (QPushButton* button : std::as_const(buttons)) {
        setTabOrder(previous, button);
        previous = button;
    }
    setTabOrder(previous, m_headerLine);
}

bool UuiPage::applyWayOut(int index) {
    const auto& ways = workspace().derived().budget.waysOut;
    if (index < 0 || index >= ways.size()) {
        return false;
    }
    const uui::WayOut way = ways.at(index);
    // Core decides whether it applies (project::applyWayOut); the page only makes it one undoable step.
    project::Project trial = workspace().project();
    if (!project::applyWayOut(way, trial)) {
        return false;
    }
    workspace().edit(tr("Apply way out: %1").arg(way.message),
                     [way](project::Project& p) { project::applyWayOut(way, p); });
    return true;
}

void UuiPage::focusBudgetSegment(int index) {
    const widgets::BudgetBarModel model = m_budgetBar->model();
    if (index < 0 || index >= model.segments.size()) {
        return;
    }
    const QString name = model.segments.at(index).name;
    const uui::FieldSpan* span = workspace().derived().uui.findKey(name);
    if (!span) {
        return;
    }
    if (!focusField(u"uui."_s + name, {})) {
        m_json->highlightRange(span->offset, span->length);
    }
}

bool UuiPage::focusField(const QString& field, const diagnostics::Location& where) {
    if (field.startsWith(u"uui"_s) || field == u"budget"_s || field.startsWith(u"trunk."_s)) {
        m_tabs->setCurrentIndex(0);
    }
    // A range in the composed JSON: show it there as well, whichever editor gets the focus.
    const QByteArray& json = workspace().derived().uui.json;
    qsizetype offset = where.offset;
    qsizetype length = where.length;
    if (offset < 0 && field.startsWith(u"uui."_s)) {
        if (const uui::FieldSpan* span = workspace().derived().uui.findKey(field.mid(4))) {
            offset = span->valueOffset;
            length = span->valueLength;
        }
    }
    if (offset >= 0 && offset + length <= json.size() && field.startsWith(u"uui"_s)) {
        m_json->highlightRange(offset, length, false);
    }
    // A custom parameter by position ("uui.params[2]", from the composer): select its row.
    static const QRegularExpression byIndex(u"^uui\\.params\\[(\\d+)\\]"_s);
    if (const auto match = byIndex.match(field); match.hasMatch()) {
        const int row = match.captured(1).toInt();
        if (row >= 0 && row < m_params->rowCount()) {
            m_params->setCurrentCell(row, 0);
            m_params->setFocus(Qt::OtherFocusReason);
            flash(m_params);
            return true;
        }
    }
    // Custom parameter keys have no editor of their own: select their row.
    if (field.startsWith(u"uui."_s) && !uui::standardKeys().contains(field.mid(4))) {
        const QString key = field.mid(4);
        const auto& params = workspace().project().uui.customParams;
        for (int row = 0; row < params.size(); ++row) {
            if (params.at(row).key == key) {
                m_params->setCurrentCell(row, 1);
                m_params->setFocus(Qt::OtherFocusReason);
                flash(m_params);
                return true;
            }
        }
    }
    return Page::focusField(field, where);
}

// ---- check pasted UUI

void UuiPage::checkPastedText(const QString& text) {
    m_tabs->setCurrentWidget(m_check);
    m_check->setText(text);
}

const uui::LintResult& UuiPage::pastedLint() const {
    return m_check->lint();
}

bool UuiPage::repairPastedText() {
    return m_check->repair();
}

} // namespace handoff::pages
