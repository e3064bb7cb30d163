#include "shell/Dialogs.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace handoff::shell {

bool Dialogs::openUrl(QWidget* parent, const QUrl& url) {
    Q_UNUSED(parent)
    return QDesktopServices::openUrl(url);
}

std::optional<QString> Dialogs::lineOfText(QWidget* parent, const QString& title, const QString& label,
                                           const QString& initial) {
    bool ok = false;
    const QString text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, initial, &ok);
    if (!ok) {
        return std::nullopt;
    }
    return text;
}

Dialogs& Dialogs::standard() {
    static WidgetDialogs instance;
    return instance;
}

void WidgetDialogs::information(QWidget* parent, const QString& title, const QString& text) {
    QMessageBox::information(parent, title, text);
}

void WidgetDialogs::warning(QWidget* parent, const QString& title, const QString& text) {
    QMessageBox::warning(parent, title, text);
}

void WidgetDialogs::critical(QWidget* parent, const QString& title, const QString& text) {
    QMessageBox::critical(parent, title, text);
}

bool WidgetDialogs::confirm(QWidget* parent, const QString& title, const QString& text, const QString& yesText) {
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QPushButton* yes = box.addButton(yesText, QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == yes;
}

bool WidgetDialogs::choose(QWidget* parent, const QString& title, const QString& text, const QString& yesText,
                           const QString& noText) {
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    QPushButton* yes = box.addButton(yesText, QMessageBox::AcceptRole);
    QPushButton* no = box.addButton(noText, QMessageBox::DestructiveRole);
    box.setDefaultButton(yes);
    box.setEscapeButton(no);
    box.exec();
    return box.clickedButton() == yes;
}

Dialogs::SaveChoice WidgetDialogs::askSaveChanges(QWidget* parent, const QString& documentName) {
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("Save the changes to \u201c%1\u201d before closing?").arg(documentName),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setInformativeText(tr("Your changes are lost if you don't save them."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return SaveChoice::Save;
    case QMessageBox::Discard:
        return SaveChoice::Discard;
    default:
        return SaveChoice::Cancel;
    }
}

QString WidgetDialogs::openFileName(QWidget* parent, const QString& caption, const QString& dir,
                                    const QString& filter) {
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString WidgetDialogs::saveFileName(QWidget* parent, const QString& caption, const QString& dir,
                                    const QString& filter) {
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

std::optional<QByteArray> WidgetDialogs::passphrase(QWidget* parent, const QString& title, const QString& text) {
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(text);
    dialog.setTextEchoMode(QLineEdit::Password);
    dialog.setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhHiddenText);
    if (dialog.exec() != QDialog::Accepted) {
        return std::nullopt;
    }
    QString value = dialog.textValue();
    QByteArray bytes = value.toUtf8();
    // Overwrite the QString copy we own; the dialog's own copies go with it.
    value.fill(u'\0');
    dialog.setTextValue(QString());
    return bytes;
}

std::optional<QByteArray> WidgetDialogs::pasteText(QWidget* parent, const QString& title, const QString& text) {
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto* label = new QLabel(text, &dialog);
    label->setWordWrap(true);
    auto* edit = new QPlainTextEdit(&dialog);
    edit->setObjectName(u"pasteTextEdit"_s);
    edit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    edit->setTabChangesFocus(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setMinimumSize(edit->fontMetrics().horizontalAdvance(u'M') * 66, edit->fontMetrics().lineSpacing() * 14);
    label->setBuddy(edit);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(label);
    layout->addWidget(edit, 1);
    layout->addWidget(buttons);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    QString value = edit->toPlainText();
    QByteArray bytes = value.toUtf8();
    value.fill(u'\0');
    edit->clear();
    if (!accepted) {
        bytes.fill('\0');
        return std::nullopt;
    }
    return bytes;
}

} // namespace handoff::shell
