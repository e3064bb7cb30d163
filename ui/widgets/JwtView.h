#pragma once

#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QTimer;
class QTreeWidget;

namespace handoff {
class Clock;
}

namespace handoff::widgets {

// A read-only view of a JWT: the compact token with its header, payload and signature in three colours (wrapping
// anywhere, selectable), and a decoded pane: the header, the claims with their meaning (iat/exp/nbf as dates) and
// the time left until expiry, counting down on the clock given with setClock(). It decodes with jwt::decode, for
// display only; it does not verify anything.
class JwtView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JwtView)

public:
    enum class Part { Header, Payload, Signature };
    Q_ENUM(Part)

    struct PartRange {
        Part part;
        int start = 0; // in characters of the shown text
        int length = 0;
    };

    explicit JwtView(QWidget* parent = nullptr);
    ~JwtView() override;

    // The clock for the countdown (not owned; must outlive the view, or be reset to nullptr). Without a clock
    // the view shows dates but no countdown.
    void setClock(const Clock* clock);

    void setToken(const QString& token);
    QString token() const { return m_token; }
    void clear() { setToken({}); }

    // Hides the coloured token text (and its legend), e.g. where the token is already shown in an input field.
    void setTokenVisible(bool visible);
    // Text shown when there is no token, e.g. "No key loaded: import one on the Org page".
    void setPlaceholderText(const QString& text);

    // The coloured ranges of the shown token (one per part present) and the colour each part is drawn in.
    QList<PartRange> partRanges() const;
    QColor partColor(Part part) const;

    // What the decoded pane shows. Empty when a part cannot be decoded; decodeError() then says why.
    QJsonObject header() const { return m_header; }
    QJsonObject claims() const { return m_claims; }
    QString decodeError() const { return m_decodeError; }
    // The code of jwt::decode's error (JWT001, JWT002, JWT003); empty when the token decoded.
    QString decodeErrorCode() const { return m_decodeErrorCode; }
    // Seconds until `exp` on the view's clock (negative once expired); nullopt without exp or clock.
    std::optional<qint64> secondsToExpiry() const;
    QString expiryText() const;

    QPlainTextEdit* tokenEdit() const { return m_tokenEdit; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void recolour();
    void decode();
    void refreshExpiry();

    QString m_token;
    QJsonObject m_header;
    QJsonObject m_claims;
    QString m_decodeError;
    QString m_decodeErrorCode;
    const Clock* m_clock = nullptr;

    QPlainTextEdit* m_tokenEdit = nullptr;
    QLabel* m_legend = nullptr;
    QWidget* m_decodedPane = nullptr;
    QPlainTextEdit* m_headerEdit = nullptr;
    QTreeWidget* m_claimsTree = nullptr;
    QLabel* m_expiryLabel = nullptr;
    QLabel* m_errorLabel = nullptr;
    QTimer* m_timer = nullptr;
};

// Human form of a duration in seconds: "23 h 59 min 12 s", "4 min 05 s", "12 s".
QString formatDuration(qint64 seconds);

} // namespace handoff::widgets
