#pragma once

#include "diagnostics/Diagnostic.h"
#include "jwt/JwtClaims.h"
#include "shell/Page.h"

#include <QJsonValue>
#include <QList>

#include <functional>
#include <utility>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableWidget;
class QTabWidget;
class QTreeWidget;

namespace handoff::project {
struct Project;
}

namespace handoff::widgets {
class DiagnosticList;
class JwtView;
class SensitiveClipboard;
} // namespace handoff::widgets

namespace handoff::pages {

// The Token page. "Build": the claims of the UUI token (reusable, 24 h) or of the API token (single use, jti),
// their lifetime and jti (saved in the project), additional claims for tests, the claim diagnostics, and the live
// token in three colours with its decoded claims and time to expiry. "Decode and verify": a pasted token, decoded,
// checked against the claim rules and verified against the project's certificate (or key).
class TokenPage final : public shell::Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenPage)

public:
    explicit TokenPage(shell::Workspace& workspace, QWidget* parent = nullptr);
    ~TokenPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString pageId() const override;
    bool focusField(const QString& field, const diagnostics::Location& where) override;

    // Which token the Build tab shows and edits.
    void setPreset(jwt::TokenPreset preset);
    jwt::TokenPreset preset() const { return m_preset; }
    // The claims and token shown (the token is empty without a usable key).
    const jwt::Claims& claims() const { return m_claims; }
    QByteArray token() const { return m_token; }
    const diagnostics::Diagnostics& claimDiagnostics() const { return m_claimDiagnostics; }

    // Additional claims for the shown token (kept for this session, not in the project).
    void setExtraClaims(const QList<std::pair<QString, QJsonValue>>& claims);
    QList<std::pair<QString, QJsonValue>> extraClaims() const { return m_extras; }

    // Decode and verify.
    void setPastedToken(const QString& token);
    enum class Verification { Empty, NotAJwt, NoKey, Valid, Invalid };
    Q_ENUM(Verification)
    Verification verification() const { return m_verification; }
    QString verificationText() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QWidget* buildBuildTab();
    QWidget* buildVerifyTab();
    void refreshFromProject();
    void refreshToken();
    void refreshExtrasTable();
    void readExtrasFromTable();
    void verifyPasted();
    void copyToken();
    // Focuses the editor of a claim of the token shown now (no switch of preset).
    bool focusShownField(const QString& field, const diagnostics::Location& where);
    void editPolicy(const QString& text, const std::function<void(project::Project&)>& change,
                    const QString& mergeKey = {});

    jwt::TokenPreset m_preset = jwt::TokenPreset::Uui;
    jwt::Claims m_claims;
    QByteArray m_token;
    diagnostics::Diagnostics m_claimDiagnostics;
    QList<std::pair<QString, QJsonValue>> m_extras;
    Verification m_verification = Verification::Empty;
    QString m_verificationText;
    bool m_updating = false;

    QTabWidget* m_tabs = nullptr;
    QSplitter* m_splitter = nullptr;
    widgets::SensitiveClipboard* m_clipboard = nullptr;

    // Build
    QComboBox* m_presetCombo = nullptr;
    QLabel* m_presetNote = nullptr;
    QSpinBox* m_lifetime = nullptr;
    QLabel* m_lifetimeNote = nullptr;
    QCheckBox* m_jti = nullptr;
    QPushButton* m_resetPreset = nullptr;
    QTreeWidget* m_claimsTree = nullptr;
    QTableWidget* m_extrasTable = nullptr;
    QPushButton* m_addExtra = nullptr;
    QPushButton* m_removeExtra = nullptr;
    widgets::DiagnosticList* m_claimProblems = nullptr;
    widgets::JwtView* m_tokenView = nullptr;
    QPushButton* m_copyToken = nullptr;
    QPushButton* m_newToken = nullptr;
    QLabel* m_copyStatus = nullptr;

    // Decode and verify
    QPlainTextEdit* m_pasted = nullptr;
    QLabel* m_verifyStatus = nullptr;
    widgets::JwtView* m_pastedView = nullptr;
    widgets::DiagnosticList* m_pastedProblems = nullptr;
};

} // namespace handoff::pages
