#include "JwtView.h"

#include "common/Clock.h"
#include "jwt/Jwt.h"
#include "jwt/JwtClaims.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::widgets {

namespace {

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128;
}

QString claimMeaning(const QString& name) {
    static const QHash<QString, const char*> meanings{
        {u"iat"_s, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "Issued at")},
        {u"exp"_s, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "Expires (at most 24 h after issue)")},
        {u"nbf"_s, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "Not valid before")},
        {u"iss"_s,
         QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "Issuer: the org id the certificate is registered in")},
        {u"sub"_s, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "Subject: the Call Center API name")},
        {u"jti"_s, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "Token id: Salesforce accepts this token only once")},
        {u"aud"_s, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "Audience (older API versions only)")},
        {u"alg"_s, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "Signature algorithm")},
        {u"typ"_s, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "Token type")},
    };
    const auto it = meanings.constFind(name);
    return it == meanings.cend() ? QString() : QCoreApplication::translate("handoff::widgets::JwtView", it.value());
}

bool isTimeClaim(const QString& name) {
    return name == u"iat"_s || name == u"exp"_s || name == u"nbf"_s;
}

QString valueText(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d))) {
            return QString::number(static_cast<qint64>(d));
        }
        return QString::number(d);
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString utcText(qint64 secs) {
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
}

} // namespace

QString formatDuration(qint64 seconds) {
    // The largest units first, zero units left out, at most three of them: "24 h", "5 min", "1 min 30 s",
    // "23 h 59 min 12 s". Days only from 48 hours on, so the 24 h maximum reads as Salesforce states it.
    qint64 rest = std::abs(seconds);
    struct Unit {
        qint64 size;
        const char* text;
    };
    static constexpr Unit units[] = {
        {86400, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "%1 d")},
        {3600, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "%1 h")},
        {60, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "%1 min")},
        {1, QT_TRANSLATE_NOOP("handoff::widgets::JwtView", "%1 s")},
    };
    QStringList parts;
    int taken = -1; // units looked at since the first non-zero one
    for (const Unit& unit : units) {
        if (unit.size == 86400 && rest < 2 * 86400) {
            continue;
        }
        const qint64 value = rest / unit.size;
        rest %= unit.size;
        if (taken < 0 && value == 0) {
            continue;
        }
        if (++taken >= 3) {
            break;
        }
        if (value > 0) {
            parts << QCoreApplication::translate("handoff::widgets::JwtView", unit.text).arg(value);
        }
    }
    if (parts.isEmpty()) {
        return QCoreApplication::translate("handoff::widgets::JwtView", "%1 s").arg(0);
    }
    return parts.join(u' ');
}

JwtView::JwtView(QWidget* parent)
    : QWidget(parent)
    , m_tokenEdit(new QPlainTextEdit(this))
    , m_legend(new QLabel(this))
    , m_decodedPane(new QWidget(this))
    , m_headerEdit(new QPlainTextEdit(m_decodedPane))
    , m_claimsTree(new QTreeWidget(m_decodedPane))
    , m_expiryLabel(new QLabel(m_decodedPane))
    , m_errorLabel(new QLabel(m_decodedPane))
    , m_timer(new QTimer(this)) {
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    m_tokenEdit->setObjectName(u"tokenPlainTextEdit"_s);
    m_tokenEdit->setReadOnly(true);
    m_tokenEdit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_tokenEdit->setWordWrapMode(QTextOption::WrapAnywhere);
    m_tokenEdit->setFont(mono);
    m_tokenEdit->setTabChangesFocus(true);
    m_tokenEdit->setAccessibleName(tr("Token"));
    m_tokenEdit->setMinimumHeight(QFontMetrics(mono).lineSpacing() * 5);

    m_legend->setObjectName(u"legendLabel"_s);
    m_legend->setTextFormat(Qt::RichText);

    m_headerEdit->setObjectName(u"headerPlainTextEdit"_s);
    m_headerEdit->setReadOnly(true);
    m_headerEdit->setFont(mono);
    m_headerEdit->setTabChangesFocus(true);
    m_headerEdit->setAccessibleName(tr("Decoded header"));
    m_headerEdit->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_headerEdit->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);

    m_claimsTree->setObjectName(u"claimsTreeWidget"_s);
    m_claimsTree->setColumnCount(3);
    m_claimsTree->setHeaderLabels({tr("Claim"), tr("Value"), tr("Meaning")});
    m_claimsTree->setRootIsDecorated(false);
    m_claimsTree->setUniformRowHeights(true);
    m_claimsTree->setAlternatingRowColors(true);
    m_claimsTree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_claimsTree->setAccessibleName(tr("Decoded claims"));
    m_claimsTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_claimsTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_claimsTree->header()->setStretchLastSection(true);

    m_expiryLabel->setObjectName(u"expiryLabel"_s);
    m_expiryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setObjectName(u"decodeErrorLabel"_s);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();

    auto* decodedLayout = new QVBoxLayout(m_decodedPane);
    decodedLayout->setContentsMargins(0, 0, 0, 0);
    auto* headerTitle = new QLabel(tr("Header"), m_decodedPane);
    headerTitle->setBuddy(m_headerEdit);
    auto* claimsTitle = new QLabel(tr("Claims"), m_decodedPane);
    claimsTitle->setBuddy(m_claimsTree);
    decodedLayout->addWidget(headerTitle);
    decodedLayout->addWidget(m_headerEdit);
    decodedLayout->addWidget(claimsTitle);
    decodedLayout->addWidget(m_claimsTree, 1);
    decodedLayout->addWidget(m_expiryLabel);
    decodedLayout->addWidget(m_errorLabel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tokenEdit, 2);
    layout->addWidget(m_legend);
    layout->addWidget(m_decodedPane, 3);

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &JwtView::refreshExpiry);

    setFocusProxy(m_tokenEdit);
    setFocusPolicy(Qt::StrongFocus);
    setToken({});
}

JwtView::~JwtView() = default;

void JwtView::setClock(const Clock* clock) {
    m_clock = clock;
    refreshExpiry();
}

void JwtView::setToken(const QString& token) {
    if (token == m_token && !m_tokenEdit->toPlainText().isEmpty()) {
        refreshExpiry(); // same token: keep the selection and scroll position of someone reading it
        return;
    }
    m_token = token;
    m_tokenEdit->setPlainText(token);
    // Empty header and claims boxes say nothing: show the decoded pane only with a token.
    m_decodedPane->setVisible(!m_token.trimmed().isEmpty());
    decode();
    recolour();
    refreshExpiry();
}

void JwtView::setTokenVisible(bool visible) {
    m_tokenEdit->setVisible(visible);
    m_legend->setVisible(visible);
    setFocusProxy(visible ? static_cast<QWidget*>(m_tokenEdit) : m_claimsTree);
}

void JwtView::setPlaceholderText(const QString& text) {
    m_tokenEdit->setPlaceholderText(text);
}

QList<JwtView::PartRange> JwtView::partRanges() const {
    QList<PartRange> ranges;
    int start = 0;
    for (int i = 0; i < 3 && start <= m_token.size(); ++i) {
        int dot = i < 2 ? static_cast<int>(m_token.indexOf(u'.', start)) : -1;
        const int end = dot < 0 ? static_cast<int>(m_token.size()) : dot;
        if (end > start) {
            ranges.append({static_cast<Part>(i), start, end - start});
        }
        if (dot < 0) {
            break;
        }
        start = dot + 1;
    }
    return ranges;
}

QColor JwtView::partColor(Part part) const {
    const bool dark = isDark(palette());
    switch (part) {
    case Part::Header:
        return dark ? QColor(0xff, 0x8a, 0x9b) : QColor(0xb0, 0x1e, 0x4a);
    case Part::Payload:
        return dark ? QColor(0xd0, 0x9c, 0xff) : QColor(0x70, 0x2c, 0xb8);
    case Part::Signature:
        return dark ? QColor(0x6c, 0xd4, 0xf5) : QColor(0x00, 0x6d, 0x94);
    }
    return palette().color(QPalette::Text);
}

void JwtView::recolour() {
    QTextCursor cursor(m_tokenEdit->document());
    cursor.select(QTextCursor::Document);
    QTextCharFormat plain;
    plain.setForeground(palette().color(QPalette::Text));
    cursor.setCharFormat(plain);
    for (const PartRange& range : partRanges()) {
        cursor.setPosition(range.start);
        cursor.setPosition(range.start + range.length, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setForeground(partColor(range.part));
        cursor.setCharFormat(format);
    }
    const auto swatch = [this](Part part, const QString& label) {
        return u"<span style=\"color:%1\">&#9632;</span>&nbsp;%2"_s.arg(partColor(part).name(), label.toHtmlEscaped());
    };
    m_legend->setText(swatch(Part::Header, tr("Header")) + u"&nbsp;&nbsp;&nbsp;"_s +
                      swatch(Part::Payload, tr("Payload")) + u"&nbsp;&nbsp;&nbsp;"_s +
                      swatch(Part::Signature, tr("Signature (RS256)")));
}

void JwtView::decode() {
    m_header = {};
    m_claims = {};
    m_decodeError.clear();
    m_decodeErrorCode.clear();
    m_headerEdit->clear();
    m_claimsTree->clear();

    const QString token = m_token.trimmed();
    if (token.isEmpty()) {
        m_errorLabel->hide();
        return;
    }
    // Core's decoder, so the view says what `handoff jwt decode` says (JWT001 parts, JWT002 base64url, JWT003 JSON).
    QStringList order;
    if (const auto decoded = jwt::decode(token.toLatin1())) {
        m_header = decoded->header;
        const QString text = QString::fromUtf8(QJsonDocument(m_header).toJson(QJsonDocument::Indented)).trimmed();
        m_headerEdit->setPlainText(text);
        const int lines = static_cast<int>(text.count(u'\n')) + 1;
        m_headerEdit->setFixedHeight(lines * m_headerEdit->fontMetrics().lineSpacing() +
                                     2 * m_headerEdit->frameWidth() +
                                     2 * static_cast<int>(m_headerEdit->document()->documentMargin()) + 2);
        m_claims = decoded->claims.toObject();
        order = decoded->claims.names(); // in the token's order (QJsonObject sorts its keys)
    } else {
        m_decodeErrorCode = decoded.error().code;
        m_decodeError = tr("%1: %2").arg(decoded.error().code, decoded.error().message);
    }

    if (order.size() != m_claims.size()) {
        order = m_claims.keys();
    }
    for (const QString& name : std::as_const(order)) {
        const QJsonValue claim = m_claims.value(name);
        auto* item = new QTreeWidgetItem(m_claimsTree);
        item->setText(0, name);
        QString value = valueText(claim);
        if (isTimeClaim(name) && claim.isDouble()) {
            value = tr("%1 (%2)").arg(value, utcText(static_cast<qint64>(claim.toDouble())));
        }
        item->setText(1, value);
        item->setToolTip(1, value);
        item->setText(2, claimMeaning(name));
    }

    m_errorLabel->setVisible(!m_decodeError.isEmpty());
    m_errorLabel->setText(m_decodeError);
}

std::optional<qint64> JwtView::secondsToExpiry() const {
    if (m_clock == nullptr || !m_claims.value(u"exp"_s).isDouble()) {
        return std::nullopt;
    }
    return static_cast<qint64>(m_claims.value(u"exp"_s).toDouble()) - m_clock->nowSecs();
}

QString JwtView::expiryText() const {
    const QJsonValue exp = m_claims.value(u"exp"_s);
    if (m_token.trimmed().isEmpty()) {
        return {};
    }
    if (!exp.isDouble()) {
        return m_claims.isEmpty() ? QString() : tr("No expiry (exp) claim: Salesforce rejects such a token.");
    }
    const qint64 expSecs = static_cast<qint64>(exp.toDouble());
    const auto left = secondsToExpiry();
    if (!left) {
        return tr("Expires %1").arg(utcText(expSecs));
    }
    if (*left > 0) {
        return tr("Expires in %1 (%2)").arg(formatDuration(*left), utcText(expSecs));
    }
    return tr("Expired %1 ago (%2)").arg(formatDuration(-*left), utcText(expSecs));
}

void JwtView::refreshExpiry() {
    const QString text = expiryText();
    m_expiryLabel->setText(text);
    m_expiryLabel->setVisible(!text.isEmpty());
    const auto left = secondsToExpiry();
    QPalette pal = m_expiryLabel->palette();
    pal.setColor(QPalette::WindowText, (left && *left <= 0)
                                           ? (isDark(palette()) ? QColor(255, 107, 107) : QColor(200, 30, 30))
                                           : palette().color(QPalette::WindowText));
    m_expiryLabel->setPalette(pal);
    if (left) {
        if (!m_timer->isActive()) {
            m_timer->start();
        }
    } else {
        m_timer->stop();
    }
}

void JwtView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        recolour();
        refreshExpiry();
    }
    QWidget::changeEvent(event);
}

} // namespace handoff::widgets
