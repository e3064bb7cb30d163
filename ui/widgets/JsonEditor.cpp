#include "JsonEditor.h"

#include "Qsci.h"

#include <QEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLabel>
#include <QMap>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;
using handoff::diagnostics::Severity;

namespace handoff::widgets {

namespace {

// Container indicators start at 8 in Scintilla; lower numbers belong to lexers.
constexpr int kErrorIndicator = 8;
constexpr int kWarningIndicator = 9;
constexpr int kInfoIndicator = 10;
constexpr int kHighlightIndicator = 11;

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor severityColor(Severity severity, bool dark) {
    switch (severity) {
    case Severity::Error:
        return dark ? QColor(255, 107, 107) : QColor(200, 30, 30);
    case Severity::Warning:
        return dark ? QColor(255, 190, 80) : QColor(190, 110, 0);
    case Severity::Info:
        return dark ? QColor(110, 180, 255) : QColor(30, 100, 200);
    }
    return {};
}

// Annotation styles: allocated once per process by QsciStyle(-1), re-coloured as the palette changes.
int annotationStyleNumber(Severity severity) {
    static const std::array<int, 3> numbers{QsciStyle(-1).style(), QsciStyle(-1).style(), QsciStyle(-1).style()};
    return numbers.at(static_cast<std::size_t>(severity));
}

// Annotations do not wrap by themselves: break the text at spaces so each line fits `columns` characters.
QString wrapped(const QString& text, int columns) {
    QStringList lines;
    for (const QString& paragraph : text.split(u'\n')) {
        QString line;
        for (const QString& word : paragraph.split(u' ', Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > columns) {
                lines << line;
                line.clear();
            }
            line += line.isEmpty() ? word : u' ' + word;
        }
        lines << line;
    }
    return lines.join(u'\n');
}

QString severityLabel(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return JsonEditor::tr("error");
    case Severity::Warning:
        return JsonEditor::tr("warning");
    case Severity::Info:
        return JsonEditor::tr("info");
    }
    return {};
}

} // namespace

JsonEditor::JsonEditor(QWidget* parent)
    : QWidget(parent)
    , m_editor(new QsciScintilla(this))
    , m_lexer(new QsciLexerJSON(m_editor)) {
    m_editor->setObjectName(u"jsonScintilla"_s);
    m_editor->setUtf8(true);
    m_editor->setLexer(m_lexer);
    m_lexer->setHighlightComments(false);
    m_editor->setWrapMode(QsciScintilla::WrapCharacter);
    m_editor->setWrapVisualFlags(QsciScintilla::WrapFlagByBorder);
    m_editor->setWrapIndentMode(QsciScintilla::WrapIndentIndented);
    m_editor->setMarginLineNumbers(0, true);
    m_editor->setMarginWidth(1, 0);
    m_editor->setFolding(QsciScintilla::NoFoldStyle);
    m_editor->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_editor->setTabWidth(2);
    m_editor->setIndentationsUseTabs(false);
    m_editor->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    m_editor->installEventFilter(this);
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETMOUSEDWELLTIME, 400);
    m_editor->setAccessibleName(tr("JSON"));

    m_editor->indicatorDefine(QsciScintilla::SquiggleIndicator, kErrorIndicator);
    m_editor->indicatorDefine(QsciScintilla::SquiggleIndicator, kWarningIndicator);
    m_editor->indicatorDefine(QsciScintilla::DashesIndicator, kInfoIndicator);
    m_editor->indicatorDefine(QsciScintilla::StraightBoxIndicator, kHighlightIndicator);
    m_editor->setIndicatorDrawUnder(true, kHighlightIndicator);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_editor);
    setFocusProxy(m_editor);
    setFocusPolicy(m_editor->focusPolicy());

    connect(m_editor, &QsciScintilla::textChanged, this, &JsonEditor::textChanged);
    connect(m_editor, &QsciScintillaBase::SCN_DWELLSTART, this, &JsonEditor::showMarkToolTip);
    connect(m_editor, &QsciScintillaBase::SCN_DWELLEND, this, [](int, int, int) { QToolTip::hideText(); });

    applyPalette();
}

JsonEditor::~JsonEditor() = default;

void JsonEditor::setText(const QString& text) {
    if (text == m_editor->text()) {
        return;
    }
    // Keep the view where it was when the content is regenerated on each keystroke elsewhere.
    const int firstLine = m_editor->firstVisibleLine();
    const bool wasReadOnly = m_editor->isReadOnly();
    m_editor->setReadOnly(false);
    m_editor->setText(text);
    m_editor->setReadOnly(wasReadOnly);
    m_editor->setFirstVisibleLine(firstLine);
    applyMarks();
}

void JsonEditor::replaceAllUndoable(const QString& text) {
    if (m_editor->isReadOnly()) {
        setText(text);
        return;
    }
    m_editor->selectAll(true);
    m_editor->replaceSelectedText(text);
    applyMarks();
}

QString JsonEditor::text() const {
    return m_editor->text();
}

QByteArray JsonEditor::utf8() const {
    return m_editor->text().toUtf8();
}

void JsonEditor::setReadOnly(bool readOnly) {
    m_editor->setReadOnly(readOnly);
    // In a view, a highlighted brace under the (invisible) caret only looks like a stray block.
    m_editor->setBraceMatching(readOnly ? QsciScintilla::NoBraceMatch : QsciScintilla::SloppyBraceMatch);
    m_editor->setCaretLineVisible(false);
    applyPalette();
}

bool JsonEditor::isReadOnly() const {
    return m_editor->isReadOnly();
}

void JsonEditor::setPlaceholderText(const QString& text) {
    if (!m_placeholder) {
        m_placeholder = new QLabel(m_editor->viewport());
        m_placeholder->setObjectName(u"placeholderLabel"_s);
        m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents);
        m_placeholder->setWordWrap(true);
        m_placeholder->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_placeholder->setForegroundRole(QPalette::PlaceholderText);
        m_placeholder->move(QFontMetrics(m_editor->font()).averageCharWidth(), 2);
        connect(m_editor, &QsciScintilla::textChanged, this, &JsonEditor::updatePlaceholder);
    }
    m_placeholder->setText(text);
    m_editor->setAccessibleDescription(text);
    updatePlaceholder();
}

void JsonEditor::updatePlaceholder() {
    if (!m_placeholder) {
        return;
    }
    // QScintilla draws its margins (the line-number gutter) inside the viewport: start the text after them.
    int margins = 0;
    for (int i = 0; i < m_editor->margins(); ++i) {
        margins += m_editor->marginWidth(i);
    }
    const int indent = QFontMetrics(m_editor->font()).averageCharWidth();
    m_placeholder->move(margins + indent, 2);
    const int width = m_editor->viewport()->width() - margins - 2 * indent;
    m_placeholder->setFixedWidth(std::max(width, 50));
    m_placeholder->adjustSize();
    m_placeholder->setVisible(m_editor->length() == 0);
}

void JsonEditor::setDiagnostics(const diagnostics::Diagnostics& list) {
    QList<Mark> marks;
    for (const diagnostics::Diagnostic& d : list) {
        if (d.where.offset < 0) {
            continue;
        }
        marks.append({d.where.offset, std::max<qsizetype>(1, d.where.length), d.severity,
                      tr("%1 %2: %3").arg(severityLabel(d.severity), d.code, d.message)});
    }
    setMarks(marks);
}

void JsonEditor::setMarks(const QList<Mark>& marks) {
    m_marks = marks;
    applyMarks();
}

void JsonEditor::clearMarks() {
    setMarks({});
}

void JsonEditor::setAnnotationsVisible(bool visible) {
    m_annotations = visible;
    applyMarks();
}

int JsonEditor::indicatorFor(Severity severity) const {
    switch (severity) {
    case Severity::Error:
        return kErrorIndicator;
    case Severity::Warning:
        return kWarningIndicator;
    case Severity::Info:
        return kInfoIndicator;
    }
    return kErrorIndicator;
}

void JsonEditor::applyMarks() {
    const auto length = static_cast<qsizetype>(m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH));
    for (int indicator : {kErrorIndicator, kWarningIndicator, kInfoIndicator}) {
        m_editor->SendScintilla(QsciScintillaBase::SCI_SETINDICATORCURRENT, indicator);
        m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORCLEARRANGE, 0UL, static_cast<long>(length));
    }
    m_editor->clearAnnotations();

    QMap<int, QList<const Mark*>> byLine;
    for (const Mark& mark : m_marks) {
        const qsizetype start = std::clamp<qsizetype>(mark.offset, 0, length);
        const qsizetype end = std::clamp<qsizetype>(mark.offset + mark.length, start, length);
        if (end > start) {
            m_editor->SendScintilla(QsciScintillaBase::SCI_SETINDICATORCURRENT, indicatorFor(mark.severity));
            m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORFILLRANGE, static_cast<unsigned long>(start),
                                    static_cast<long>(end - start));
        }
        const int line = static_cast<int>(
            m_editor->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, static_cast<unsigned long>(start)));
        byLine[line].append(&mark);
    }

    if (!m_annotations) {
        return;
    }
    const bool dark = isDark(palette());
    const QFont font = m_editor->font();
    const int textWidth = m_editor->viewport()->width() -
                          static_cast<int>(m_editor->SendScintilla(QsciScintillaBase::SCI_GETMARGINWIDTHN, 0UL));
    const int columns = std::max(30, textWidth / std::max(1, QFontMetrics(font).averageCharWidth()) - 4);
    for (auto it = byLine.cbegin(); it != byLine.cend(); ++it) {
        QStringList lines;
        Severity worst = Severity::Info;
        for (const Mark* mark : it.value()) {
            lines << mark->message;
            worst = std::max(worst, mark->severity);
        }
        const QColor fg = severityColor(worst, dark);
        QColor paper = palette().color(QPalette::Base);
        paper = QColor::fromRgbF(paper.redF() * 0.88f + fg.redF() * 0.12f, paper.greenF() * 0.88f + fg.greenF() * 0.12f,
                                 paper.blueF() * 0.88f + fg.blueF() * 0.12f);
        const QsciStyle style(annotationStyleNumber(worst), u"annotation"_s, palette().color(QPalette::Text), paper,
                              font);
        m_editor->annotate(it.key(), wrapped(lines.join(u'\n'), columns), style);
    }
}

QList<QPair<qsizetype, qsizetype>> JsonEditor::indicatorRanges(Severity severity) const {
    QList<QPair<qsizetype, qsizetype>> ranges;
    const int indicator = indicatorFor(severity);
    const auto length = static_cast<long>(m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH));
    long pos = 0;
    while (pos < length) {
        const long end = m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATOREND, indicator, pos);
        const long value = m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, indicator, pos);
        if (value != 0) {
            ranges.append({pos, (end > pos ? end : length) - pos});
        }
        if (end <= pos) {
            break;
        }
        pos = end;
    }
    return ranges;
}

void JsonEditor::highlightRange(qsizetype offset, qsizetype length, bool focus) {
    const auto total = static_cast<qsizetype>(m_editor->SendScintilla(QsciScintillaBase::SCI_GETLENGTH));
    const qsizetype start = std::clamp<qsizetype>(offset, 0, total);
    const qsizetype end = std::clamp<qsizetype>(offset + length, start, total);
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETINDICATORCURRENT, kHighlightIndicator);
    m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORCLEARRANGE, 0UL, static_cast<long>(total));
    m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORFILLRANGE, static_cast<unsigned long>(start),
                            static_cast<long>(end - start));
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETSEL, static_cast<unsigned long>(start), static_cast<long>(end));
    m_editor->SendScintilla(QsciScintillaBase::SCI_SCROLLRANGE, static_cast<unsigned long>(end),
                            static_cast<long>(start));
    if (focus) {
        m_editor->setFocus(Qt::OtherFocusReason);
    }
}

QPair<qsizetype, qsizetype> JsonEditor::selectedRange() const {
    const auto start = static_cast<qsizetype>(m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONSTART));
    const auto end = static_cast<qsizetype>(m_editor->SendScintilla(QsciScintillaBase::SCI_GETSELECTIONEND));
    return {start, end - start};
}

void JsonEditor::showMarkToolTip(int position, int x, int y) {
    if (position < 0) {
        return;
    }
    QStringList texts;
    for (const Mark& mark : std::as_const(m_marks)) {
        if (position >= mark.offset && position < mark.offset + mark.length) {
            texts << mark.message;
        }
    }
    if (!texts.isEmpty()) {
        QToolTip::showText(m_editor->viewport()->mapToGlobal(QPoint(x, y)), texts.join(u'\n'), m_editor);
    }
}

void JsonEditor::applyPalette() {
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QColor base = m_editor->isReadOnly() ? pal.color(QPalette::AlternateBase) : pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);

    m_lexer->setDefaultFont(mono);
    m_lexer->setFont(mono, -1);
    m_lexer->setDefaultPaper(base);
    m_lexer->setPaper(base, -1);
    m_lexer->setDefaultColor(text);
    m_lexer->setColor(text, -1);
    m_lexer->setColor(dark ? QColor(140, 184, 255) : QColor(28, 79, 156), QsciLexerJSON::Property);
    m_lexer->setColor(dark ? QColor(143, 209, 143) : QColor(11, 122, 62), QsciLexerJSON::String);
    m_lexer->setColor(dark ? QColor(143, 209, 143) : QColor(11, 122, 62), QsciLexerJSON::UnclosedString);
    m_lexer->setColor(dark ? QColor(240, 160, 112) : QColor(160, 82, 45), QsciLexerJSON::Number);
    m_lexer->setColor(dark ? QColor(215, 160, 255) : QColor(139, 0, 139), QsciLexerJSON::Keyword);
    m_lexer->setColor(dark ? QColor(215, 160, 255) : QColor(139, 0, 139), QsciLexerJSON::KeywordLD);
    m_lexer->setColor(dark ? QColor(200, 200, 120) : QColor(120, 100, 0), QsciLexerJSON::EscapeSequence);
    m_lexer->setColor(severityColor(Severity::Error, dark), QsciLexerJSON::Error);

    m_editor->setFont(mono);
    m_editor->setMarginsFont(mono);
    m_editor->setMarginWidth(0, u"0000"_s);
    m_editor->setMarginsBackgroundColor(pal.color(QPalette::Window));
    m_editor->setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    m_editor->setCaretForegroundColor(text);
    m_editor->setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    m_editor->setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    m_editor->setMatchedBraceBackgroundColor(pal.color(QPalette::Midlight));
    m_editor->setMatchedBraceForegroundColor(text);
    m_editor->setWrapIndentMode(QsciScintilla::WrapIndentIndented);

    m_editor->setIndicatorForegroundColor(severityColor(Severity::Error, dark), kErrorIndicator);
    m_editor->setIndicatorForegroundColor(severityColor(Severity::Warning, dark), kWarningIndicator);
    m_editor->setIndicatorForegroundColor(severityColor(Severity::Info, dark), kInfoIndicator);
    QColor highlight = pal.color(QPalette::Highlight);
    highlight.setAlpha(70);
    m_editor->setIndicatorForegroundColor(highlight, kHighlightIndicator);
    applyMarks();
}

bool JsonEditor::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_editor && event->type() == QEvent::Resize) {
        updatePlaceholder();
        if (!m_marks.isEmpty() && m_annotations) {
            applyMarks(); // re-wrap the annotations to the new width
        }
    }
    // Tab moves the focus on, as in every other field; JSON needs no tab characters.
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) &&
            (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) == 0) {
            focusNextPrevChild(key->key() == Qt::Key_Tab && !(key->modifiers() & Qt::ShiftModifier));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void JsonEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    }
    QWidget::changeEvent(event);
}

} // namespace handoff::widgets
