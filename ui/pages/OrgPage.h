#pragma once

#include "crypto/Certificate.h"
#include "crypto/PrivateKey.h"
#include "shell/Page.h"

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace handoff::pages {

class FieldMessage;

// Org & credentials: the Salesforce org profile (org id, SCRT2 domain, customer type, Call Center API name) with
// inline validation as the admin types, and the private key and certificate: import from a file or pasted PEM
// (asking for a passphrase when the key is encrypted), or generate a key pair with a self-signed certificate and
// save the certificate for upload to Salesforce. Key facts (algorithm, bits, fingerprint, certificate validity,
// whether they match) are shown; the key itself goes to the workspace (and the keychain), never into the project.
class OrgPage final : public shell::Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrgPage)

public:
    explicit OrgPage(shell::Workspace& workspace, QWidget* parent = nullptr);
    ~OrgPage() override;

    QString title() const override;
    QIcon icon() const override;
    QString pageId() const override;

    // The actions behind the buttons, for keyboard shortcuts and tests. Each reports problems through dialogs().
    bool importKeyFile(const QString& path);
    bool importKeyPem(QByteArray pem); // wipes `pem`
    bool importCertificateFile(const QString& path);
    bool generateKeyPair();
    bool saveCertificate(const QString& path);
    bool saveKey(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void refreshFromProject();
    void refreshDiagnostics();
    void refreshKeyFacts();
    void convertOrgId();
    void useScrt2Domain();
    void onImportKey();
    void onPasteKey();
    void onImportCertificate();
    void onSaveCertificate();
    void onSaveKey();
    void onForgetKey();
    void setFieldMessage(FieldMessage* message, const QStringList& fields, const QString& hint = {});
    // Asks for the passphrase of an encrypted key until it opens or the admin gives up.
    std::optional<crypto::PrivateKey> openKey(const QByteArray& pem, const QString& source);

    void refreshEnvironments();
    void addEnvironment();
    void renameEnvironment();
    void removeEnvironment();

    QComboBox* m_environment = nullptr;
    QPushButton* m_addEnvironment = nullptr;
    QPushButton* m_renameEnvironment = nullptr;
    QPushButton* m_removeEnvironment = nullptr;
    QLabel* m_environmentNote = nullptr;
    QLineEdit* m_sipAddress = nullptr;
    FieldMessage* m_sipAddressMessage = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_orgId = nullptr;
    QPushButton* m_convertOrgId = nullptr;
    FieldMessage* m_orgIdMessage = nullptr;
    QLineEdit* m_scrt2 = nullptr;
    QPushButton* m_useDomain = nullptr;
    QLabel* m_scrt2Derived = nullptr;
    FieldMessage* m_scrt2Message = nullptr;
    QComboBox* m_customerType = nullptr;
    FieldMessage* m_customerTypeMessage = nullptr;
    QLineEdit* m_callCenter = nullptr;
    FieldMessage* m_callCenterMessage = nullptr;

    QLabel* m_keySummary = nullptr;
    QLabel* m_keyFingerprint = nullptr;
    QLabel* m_keyStorage = nullptr;
    QLabel* m_certificateSummary = nullptr;
    QLabel* m_certificateValidity = nullptr;
    QLabel* m_certificateFingerprint = nullptr;
    QLabel* m_match = nullptr;
    FieldMessage* m_keyMessage = nullptr;
    QPushButton* m_importKey = nullptr;
    QPushButton* m_pasteKey = nullptr;
    QPushButton* m_importCertificate = nullptr;
    QPushButton* m_saveCertificate = nullptr;
    QPushButton* m_saveKey = nullptr;
    QPushButton* m_forgetKey = nullptr;

    QComboBox* m_bits = nullptr;
    QSpinBox* m_days = nullptr;
    QLineEdit* m_commonName = nullptr;
    QPushButton* m_generate = nullptr;
};

} // namespace handoff::pages
