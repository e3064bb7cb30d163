#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace handoff::shell {

// Edit > Preferences: language, clipboard clearing, log redaction and where keys are kept.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    // Writes the choices to the preferences (called on OK).
    void apply();

private:
    QComboBox* m_language = nullptr;
    QSpinBox* m_clipboardDelay = nullptr;
    QCheckBox* m_redact = nullptr;
    QCheckBox* m_sessionOnly = nullptr;
};

} // namespace handoff::shell
