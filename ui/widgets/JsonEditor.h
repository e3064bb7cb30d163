#pragma once

#include "diagnostics/Diagnostic.h"

#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QsciScintilla;
class QsciLexerJSON;

namespace handoff::widgets {

// A JSON text editor on QScintilla with the JSON lexer, a monospace font and colours from the palette. Problems
// are marked with indicators over their byte range (a squiggle whose colour says the severity), explained in a
// tooltip when the mouse rests on them and, optionally, in an annotation under the line. Offsets are byte offsets
// into the UTF-8 text, which is what diagnostics::Location carries and what Scintilla counts in.
class JsonEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonEditor)

public:
    struct Mark {
        qsizetype offset = 0; // UTF-8 bytes
        qsizetype length = 0;
        diagnostics::Severity severity = diagnostics::Severity::Error;
        QString message;

        friend bool operator==(const Mark&, const Mark&) = default;
    };

    explicit JsonEditor(QWidget* parent = nullptr);
    ~JsonEditor() override;

    // Replaces the text (not undoable in the editor: for content the program generates).
    void setText(const QString& text);
    // Replaces the text as one edit the admin can undo with Ctrl+Z (for repairs of pasted text).
    void replaceAllUndoable(const QString& text);
    QString text() const;
    QByteArray utf8() const;

    void setReadOnly(bool readOnly);
    bool isReadOnly() const;
    void setPlaceholderText(const QString& text);

    // Replaces all marks. Diagnostics without a byte range (offset < 0) are skipped.
    void setDiagnostics(const diagnostics::Diagnostics& list);
    void setMarks(const QList<Mark>& marks);
    QList<Mark> marks() const { return m_marks; }
    void clearMarks();
    // Whether each mark's message is also shown as an annotation under its line (default on).
    void setAnnotationsVisible(bool visible);

    // Ranges Scintilla actually carries the indicator for this severity on, read back from the editor.
    QList<QPair<qsizetype, qsizetype>> indicatorRanges(diagnostics::Severity severity) const;

    // Selects the byte range, marks it with a highlight and scrolls it into view (used when a problem is
    // activated). Focuses the editor when `focus` is set.
    void highlightRange(qsizetype offset, qsizetype length, bool focus = true);
    QPair<qsizetype, qsizetype> selectedRange() const; // offset, length in bytes

    QsciScintilla* editor() const { return m_editor; }

Q_SIGNALS:
    void textChanged();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyPalette();
    void applyMarks();
    void updatePlaceholder();
    void showMarkToolTip(int position, int x, int y);
    int indicatorFor(diagnostics::Severity severity) const;

    QsciScintilla* m_editor = nullptr;
    QsciLexerJSON* m_lexer = nullptr;
    QList<Mark> m_marks;
    bool m_annotations = true;
    QLabel* m_placeholder = nullptr;
};

} // namespace handoff::widgets
