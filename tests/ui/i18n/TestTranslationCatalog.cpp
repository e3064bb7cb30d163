// The German .ts as a file, and the core sources it is extracted from: every message translated (nothing unfinished,
// vanished or obsolete), placeholders and plural forms kept, and every core translation helper called so that
// lupdate files its messages under the context the helper passes to QCoreApplication::translate() at run time.

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    QString translationType; // "", "unfinished", "vanished" or "obsolete"
    QStringList forms;       // the translation, or its numerus forms
};

QList<TsMessage> readTs(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QList<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (xml.readNextStartElement()) {
        if (xml.name() == "TS"_L1) {
            continue;
        }
        if (xml.name() != "context"_L1) {
            xml.skipCurrentElement();
            continue;
        }
        while (xml.readNextStartElement()) {
            if (xml.name() == "name"_L1) {
                context = xml.readElementText();
            } else if (xml.name() == "message"_L1) {
                TsMessage m;
                m.context = context;
                m.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
                while (xml.readNextStartElement()) {
                    if (xml.name() == "source"_L1) {
                        m.source = xml.readElementText();
                    } else if (xml.name() == "translation"_L1) {
                        m.translationType = xml.attributes().value("type"_L1).toString();
                        if (m.numerus) {
                            while (xml.readNextStartElement()) {
                                m.forms.append(xml.readElementText());
                            }
                        } else {
                            m.forms.append(xml.readElementText());
                        }
                    } else {
                        xml.skipCurrentElement();
                    }
                }
                messages.append(m);
            } else {
                xml.skipCurrentElement();
            }
        }
    }
    return xml.hasError() ? QList<TsMessage>{} : messages;
}

QSet<QString> placeholders(const QString& text) {
    static const QRegularExpression re(u"%(\\d{1,2}|n)"_s);
    QSet<QString> found;
    for (const QRegularExpressionMatch& m : re.globalMatch(text)) {
        found.insert(m.captured());
    }
    return found;
}

QString label(const TsMessage& m) {
    return m.context + u": "_s + m.source.left(70);
}

QStringList coreSources() {
    QStringList files;
    QDirIterator it(QStringLiteral(HANDOFF_SOURCE_DIR "/core"), {u"*.cpp"_s, u"*.h"_s}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(it.next());
    }
    files.sort();
    return files;
}

QString readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestTranslationCatalog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        m_messages = readTs(QStringLiteral(HANDOFF_SOURCE_DIR "/translations/handoff_de.ts"));
        QVERIFY2(m_messages.size() > 1000, "translations/handoff_de.ts is missing, malformed or nearly empty");
    }

    void nothingUnfinishedVanishedOrObsolete() {
        QStringList offenders;
        for (const TsMessage& m : std::as_const(m_messages)) {
            if (!m.translationType.isEmpty()) {
                offenders.append(m.translationType + u" "_s + label(m));
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }

    void everyMessageHasItsTranslation() {
        QStringList offenders;
        for (const TsMessage& m : std::as_const(m_messages)) {
            const qsizetype expected = m.numerus ? 2 : 1; // German: singular and plural
            bool ok = m.forms.size() == expected;
            for (const QString& form : m.forms) {
                // A message that is only whitespace in the source may be translated by the same whitespace.
                ok = ok && (!form.trimmed().isEmpty() || m.source.trimmed().isEmpty());
            }
            if (!ok) {
                offenders.append(label(m));
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }

    void placeholdersAreKept() {
        QStringList offenders;
        for (const TsMessage& m : std::as_const(m_messages)) {
            QSet<QString> wanted = placeholders(m.source);
            for (const QString& form : m.forms) {
                if (placeholders(form) != wanted) {
                    offenders.append(label(m) + u" => "_s + form.left(70));
                }
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }

    // Core code translates through a file-local helper, tr(text) { return QCoreApplication::translate("handoff::m",
    // text); }. lupdate files a bare tr() call under the enclosing class or namespace (which silently differs in
    // member functions and nested namespaces), so every call must be qualified as handoff::m::tr(...), with the same
    // m as the helper's context.
    void coreHelpersAreCalledUnderTheirContext() {
        static const QRegularExpression helperRe(
            u"QString\\s+tr\\(const char\\* \\w+[^)]*\\)\\s*\\{\\s*return QCoreApplication::translate\\(\"(handoff::\\w+)\""_s);
        static const QRegularExpression bareCallRe(u"(?<![\\w:.>~])tr\\("_s);
        static const QRegularExpression qualifiedCallRe(u"\\b(handoff::\\w+)::tr\\("_s);
        static const QRegularExpression otherHelperRe(
            u"QString\\s+(\\w+)\\(const char\\* \\w+[^)]*\\)\\s*\\{\\s*return QCoreApplication::translate\\("_s);
        QStringList offenders;
        int helpers = 0;
        for (const QString& path : coreSources()) {
            const QString text = readText(path);
            const QString name = path.mid(qsizetype(sizeof(HANDOFF_SOURCE_DIR)));
            const QRegularExpressionMatch helper = helperRe.match(text);
            for (const QRegularExpressionMatch& m : otherHelperRe.globalMatch(text)) {
                if (m.captured(1) != "tr"_L1) {
                    offenders.append(name + u": helper "_s + m.captured(1) + u"() is not a name lupdate reads"_s);
                }
            }
            const QString context = helper.hasMatch() ? helper.captured(1) : QString();
            helpers += helper.hasMatch() ? 1 : 0;
            const QString rest =
                helper.hasMatch() ? QString(text).remove(helper.capturedStart(), helper.capturedLength()) : text;
            if (bareCallRe.match(rest).hasMatch()) {
                offenders.append(name + u": a bare tr() call (qualify it as "_s +
                                 (context.isEmpty() ? u"handoff::<module>"_s : context) + u"::tr)"_s);
            }
            for (const QRegularExpressionMatch& m : qualifiedCallRe.globalMatch(rest)) {
                if (m.captured(1) != context) {
                    offenders.append(name + u": "_s + m.captured() + u" but the file's helper translates in \""_s +
                                     context + u'"');
                }
            }
        }
        QVERIFY2(helpers > 20, "the helper pattern is no longer found: update this test with the new convention");
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }

    // Every context core translates in (explicitly, or through QT_TRANSLATE_NOOP) is in the .ts.
    void coreContextsAreInTheCatalog() {
        static const QRegularExpression contextRe(
            u"(?:QCoreApplication::translate|QT_TRANSLATE_NOOP)\\(\\s*\"([^\"]+)\""_s);
        QSet<QString> inTs;
        for (const TsMessage& m : std::as_const(m_messages)) {
            inTs.insert(m.context);
        }
        QSet<QString> used;
        for (const QString& path : coreSources()) {
            for (const QRegularExpressionMatch& m : contextRe.globalMatch(readText(path))) {
                used.insert(m.captured(1));
            }
        }
        QVERIFY(used.contains(u"handoff::diagnostics"_s));
        const QSet<QString> missing = used - inTs;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringList(missing.cbegin(), missing.cend()).join(u", "_s)));
    }

private:
    QList<TsMessage> m_messages;
};

QTEST_GUILESS_MAIN(TestTranslationCatalog)
#include "TestTranslationCatalog.moc"
