#include "SensitiveClipboard.h"

#include "WidgetsLog.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace handoff::widgets {

namespace {

QByteArray hashOf(const QString& text) {
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace

SensitiveClipboard::SensitiveClipboard(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SensitiveClipboard::clearNow);
}

SensitiveClipboard::~SensitiveClipboard() {
    if (isClearPending()) {
        clearNow();
    }
}

QString SensitiveClipboard::passwordManagerHintMime() {
    return u"x-kde-passwordManagerHint"_s;
}

void SensitiveClipboard::setClearDelay(std::chrono::milliseconds delay) {
    m_delay = delay;
}

void SensitiveClipboard::copy(const QString& text, Kind kind) {
    QClipboard* clipboard = QGuiApplication::clipboard();
    auto* mime = new QMimeData;
    mime->setText(text);
    if (kind == Kind::Secret) {
        mime->setData(passwordManagerHintMime(), QByteArrayLiteral("secret"));
    }
    clipboard->setMimeData(mime, QClipboard::Clipboard);

    if (kind == Kind::Secret) {
        m_hash = hashOf(text);
        if (m_delay.count() > 0) {
            m_timer->start(m_delay);
            qCDebug(lcWidgets) << "secret copied; clearing in" << m_delay.count() << "ms";
        } else {
            m_timer->stop();
        }
    } else {
        m_hash.clear();
        m_timer->stop();
    }
    Q_EMIT copied(kind);
}

bool SensitiveClipboard::isClearPending() const {
    return m_timer->isActive();
}

bool SensitiveClipboard::clipboardHoldsOurs() const {
    if (m_hash.isEmpty()) {
        return false;
    }
    return hashOf(QGuiApplication::clipboard()->text(QClipboard::Clipboard)) == m_hash;
}

void SensitiveClipboard::clearNow() {
    m_timer->stop();
    if (clipboardHoldsOurs()) {
        QGuiApplication::clipboard()->clear(QClipboard::Clipboard);
        qCDebug(lcWidgets) << "secret cleared from the clipboard";
        m_hash.clear();
        Q_EMIT cleared();
    } else {
        qCDebug(lcWidgets) << "clipboard changed since the copy; left alone";
        m_hash.clear();
    }
}

} // namespace handoff::widgets
