#include "diagnostics/Diagnostic.h"
#include "widgets/JsonEditor.h"
#include "widgets/Qsci.h"

#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using handoff::diagnostics::Diagnostic;
using handoff::diagnostics::Severity;
using handoff::widgets::JsonEditor;
using Range = QPair<qsizetype, qsizetype>;

class TestJsonEditor final : public QObject {
    Q_OBJECT

private:
    // A text with multi-byte characters before the marked ranges, so characters and bytes differ.
    static QString sample() {
        return u"{\n  \"name\": \"Jürgen Müller\",\n  \"token\" : \u201Cabc\u201D,\n  \"callId\": \"0LQ\"\n}"_s;
    }
    static qsizetype byteOffset(const QString& text, const QString& needle) {
        return text.toUtf8().indexOf(needle.toUtf8());
    }

private Q_SLOTS:
    void indicatorsSitOnTheDiagnosticByteRanges() {
        JsonEditor editor;
        editor.setText(sample());
        const QString text = sample();
        const qsizetype quote = byteOffset(text, u"\u201Cabc\u201D"_s);
        const qsizetype quoteLength = QString(u"\u201Cabc\u201D"_s).toUtf8().size();
        const qsizetype callId = byteOffset(text, u"\"callId\""_s);

        Diagnostic error;
        error.code = u"UUI010"_s;
        error.severity = Severity::Error;
        error.message = u"Typographic quotes"_s;
        error.where.offset = quote;
        error.where.length = quoteLength;
        Diagnostic warning;
        warning.code = u"UUI011"_s;
        warning.severity = Severity::Warning;
        warning.message = u"Key spelling"_s;
        warning.where.offset = callId;
        warning.where.length = 8;
        Diagnostic fieldOnly; // no range: not drawn
        fieldOnly.code = u"UUI012"_s;
        fieldOnly.severity = Severity::Info;
        fieldOnly.where.field = u"uui.orgId"_s;

        editor.setDiagnostics({error, warning, fieldOnly});
        QCOMPARE(editor.indicatorRanges(Severity::Error), (QList<Range>{{quote, quoteLength}}));
        QCOMPARE(editor.indicatorRanges(Severity::Warning), (QList<Range>{{callId, 8}}));
        QVERIFY(editor.indicatorRanges(Severity::Info).isEmpty());
        QCOMPARE(editor.marks().size(), 2);

        // The indicators follow a new text, and go when the marks are cleared.
        editor.clearMarks();
        QVERIFY(editor.indicatorRanges(Severity::Error).isEmpty());
        QVERIFY(editor.indicatorRanges(Severity::Warning).isEmpty());
    }

    void rangesPastTheEndAreClamped() {
        JsonEditor editor;
        editor.setText(u"{}"_s);
        editor.setMarks({{1, 50, Severity::Error, u"x"_s}});
        QCOMPARE(editor.indicatorRanges(Severity::Error), (QList<Range>{{1, 1}}));
    }

    void highlightSelectsTheRange() {
        JsonEditor editor;
        editor.setText(sample());
        const qsizetype offset = byteOffset(sample(), u"\"callId\""_s);
        editor.highlightRange(offset, 8);
        QCOMPARE(editor.selectedRange(), (Range{offset, 8}));
    }

    void coloursFollowThePalette() {
        JsonEditor editor;
        editor.setText(u"{\"a\": 1}"_s);
        QPalette dark = editor.palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 32));
        dark.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        editor.setPalette(dark);
        QsciLexer* lexer = editor.editor()->lexer();
        QVERIFY(lexer);
        QCOMPARE(lexer->paper(QsciLexerJSON::Property), QColor(30, 30, 32));
        QCOMPARE(lexer->color(QsciLexerJSON::Default), QColor(230, 230, 230));
        // Light text on dark paper for the keys as well.
        QVERIFY(lexer->color(QsciLexerJSON::Property).lightness() > 128);
        editor.setReadOnly(true); // a view is set apart from an input
        QCOMPARE(lexer->paper(QsciLexerJSON::Property), QColor(40, 40, 44));
        QVERIFY(lexer->font(QsciLexerJSON::Property).fixedPitch() ||
                QFontInfo(lexer->font(QsciLexerJSON::Property)).fixedPitch());
    }

    // Issue 11 item 6: the placeholder starts after the line-number gutter, not under it.
    void placeholderClearsTheGutter() {
        JsonEditor editor;
        editor.resize(500, 300);
        editor.setPlaceholderText(u"Paste UUI text here (Ctrl+V)"_s);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto* placeholder = editor.findChild<QLabel*>(u"placeholderLabel"_s);
        QVERIFY(placeholder);
        QVERIFY(placeholder->isVisible());
        const int gutter = editor.editor()->marginWidth(0);
        QVERIFY(gutter > 0);
        QVERIFY2(placeholder->x() >= gutter, qPrintable(u"%1 < %2"_s.arg(placeholder->x()).arg(gutter)));
        editor.setText(u"{}"_s);
        QVERIFY(!placeholder->isVisible());
    }

    void readOnlyKeepsTheText() {
        JsonEditor editor;
        editor.setText(u"{\"a\": 1}"_s);
        editor.setReadOnly(true);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setFocus();
        QTest::keyClicks(editor.editor(), u"zzz"_s);
        QCOMPARE(editor.text(), u"{\"a\": 1}"_s);
        // The program can still replace it.
        editor.setText(u"{\"b\": 2}"_s);
        QCOMPARE(editor.text(), u"{\"b\": 2}"_s);
        QVERIFY(editor.isReadOnly());
    }
};

QTEST_MAIN(TestJsonEditor)
#include "TestJsonEditor.moc"
