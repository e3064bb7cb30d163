#pragma once

#include "shell/Dialogs.h"

#include <QByteArray>
#include <QList>
#include <QQueue>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace handoff::shell::test {

// The dialog seam for GUI tests: answers come from queues the test fills, and every message shown is recorded so
// that the test can check what the admin would have been told. An unexpected question fails loudly (records it and
// answers "cancel").
class ScriptedDialogs final : public Dialogs {
public:
    struct Message {
        QString kind; // "information", "warning", "critical", "confirm", "save-changes"
        QString title;
        QString text;
    };

    QList<Message> messages;
    QQueue<bool> confirmAnswers;
    QQueue<SaveChoice> saveChoices;
    QQueue<QString> openFiles;
    QQueue<QString> saveFiles;
    QQueue<QByteArray> passphrases;
    QQueue<QByteArray> pastes;
    QStringList unexpected;
    QList<QUrl> openedUrls; // what openUrl() was asked to open (the Help menu's docs)

    bool openUrl(QWidget*, const QUrl& url) override {
        openedUrls.append(url);
        return true;
    }
    void information(QWidget*, const QString& title, const QString& text) override {
        messages.append({QStringLiteral("information"), title, text});
    }
    void warning(QWidget*, const QString& title, const QString& text) override {
        messages.append({QStringLiteral("warning"), title, text});
    }
    void critical(QWidget*, const QString& title, const QString& text) override {
        messages.append({QStringLiteral("critical"), title, text});
    }
    bool confirm(QWidget*, const QString& title, const QString& text, const QString&) override {
        messages.append({QStringLiteral("confirm"), title, text});
        if (confirmAnswers.isEmpty()) {
            unexpected.append(title);
            return false;
        }
        return confirmAnswers.dequeue();
    }
    SaveChoice askSaveChanges(QWidget*, const QString& documentName) override {
        messages.append({QStringLiteral("save-changes"), QString(), documentName});
        if (saveChoices.isEmpty()) {
            unexpected.append(QStringLiteral("save changes?"));
            return SaveChoice::Cancel;
        }
        return saveChoices.dequeue();
    }
    QString openFileName(QWidget*, const QString& caption, const QString&, const QString&) override {
        if (openFiles.isEmpty()) {
            unexpected.append(caption);
            return {};
        }
        return openFiles.dequeue();
    }
    QString saveFileName(QWidget*, const QString& caption, const QString&, const QString&) override {
        if (saveFiles.isEmpty()) {
            unexpected.append(caption);
            return {};
        }
        return saveFiles.dequeue();
    }
    std::optional<QByteArray> passphrase(QWidget*, const QString& title, const QString&) override {
        if (passphrases.isEmpty()) {
            unexpected.append(title);
            return std::nullopt;
        }
        return passphrases.dequeue();
    }
    std::optional<QByteArray> pasteText(QWidget*, const QString& title, const QString&) override {
        if (pastes.isEmpty()) {
            unexpected.append(title);
            return std::nullopt;
        }
        return pastes.dequeue();
    }

    QStringList kinds() const {
        QStringList out;
        for (const auto& m : messages) {
            out << m.kind;
        }
        return out;
    }
};

} // namespace handoff::shell::test
