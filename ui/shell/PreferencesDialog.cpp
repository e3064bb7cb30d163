#include "shell/PreferencesDialog.h"

#include "shell/Preferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::shell {

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_clipboardDelay(new QSpinBox(this))
    , m_redact(new QCheckBox(tr("&Hide token signatures in logs"), this))
    , m_sessionOnly(new QCheckBox(tr("&Keep private keys for this session only (do not use the keychain)"), this)) {
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));

    m_language->setObjectName(u"languageComboBox"_s);
    m_language->addItem(tr("System language"), QString());
    for (const auto& [code, name] : Preferences::availableLanguages()) {
        m_language->addItem(name, code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(Preferences::language())));

    m_clipboardDelay->setObjectName(u"clipboardDelaySpinBox"_s);
    m_clipboardDelay->setRange(0, 600);
    m_clipboardDelay->setSuffix(tr(" s"));
    m_clipboardDelay->setSpecialValueText(tr("Never"));
    m_clipboardDelay->setValue(static_cast<int>(Preferences::clipboardClearDelay().count()));

    m_redact->setObjectName(u"redactTokensCheckBox"_s);
    m_redact->setChecked(Preferences::redactTokensInLogs());
    m_sessionOnly->setObjectName(u"sessionOnlyKeysCheckBox"_s);
    m_sessionOnly->setChecked(Preferences::sessionOnlyKeys());

    auto* form = new QFormLayout;
    auto* languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);
    auto* languageNote = new QLabel(tr("A new language applies after restarting Handoff Studio."), this);
    languageNote->setWordWrap(true);
    languageNote->setEnabled(false);
    form->addRow(static_cast<QWidget*>(nullptr), languageNote);
    auto* clipboardLabel = new QLabel(tr("&Clear copied tokens after:"), this);
    clipboardLabel->setBuddy(m_clipboardDelay);
    form->addRow(clipboardLabel, m_clipboardDelay);
    form->addRow(static_cast<QWidget*>(nullptr), m_redact);
    form->addRow(static_cast<QWidget*>(nullptr), m_sessionOnly);
    auto* keyNote = new QLabel(tr("Keychain changes apply after restarting Handoff Studio."), this);
    keyNote->setWordWrap(true);
    keyNote->setEnabled(false);
    form->addRow(static_cast<QWidget*>(nullptr), keyNote);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
}

void PreferencesDialog::apply() {
    Preferences::setLanguage(m_language->currentData().toString());
    Preferences::setClipboardClearDelay(std::chrono::seconds(m_clipboardDelay->value()));
    Preferences::setRedactTokensInLogs(m_redact->isChecked());
    Preferences::setSessionOnlyKeys(m_sessionOnly->isChecked());
}

} // namespace handoff::shell
