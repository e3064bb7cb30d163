#include "common/Clock.h"
#include "flow/FlowEdit.h"
#include "flow/Simulator.h"
#include "project/Composition.h"
#include "project/ProjectFile.h"
#include "salesforce/SalesforceId.h"
#include "training/Exercise.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace handoff;

namespace {

// 2026-03-02 10:00:00 UTC: any fixed time; the pasted token of one exercise is minted at it.
const FixedClock& testClock() {
    static const FixedClock c = FixedClock::atSecs(1772445600);
    return c;
}

project::Project broken(const char* id) {
    auto p = training::brokenProject(QString::fromLatin1(id), testClock());
    if (!p) {
        qFatal("exercise %s: %s", id, qPrintable(p.error().message));
    }
    return *p;
}

QSet<QString> codesOf(const diagnostics::Diagnostics& list) {
    QSet<QString> codes;
    for (const diagnostics::Diagnostic& d : list) {
        codes.insert(d.code);
    }
    return codes;
}

int indexIn(const flow::Flow& flow, const QString& task, const QString& action) {
    const flow::Task* t = flow.task(task);
    for (std::size_t i = 0; t && i < t->actions.size(); ++i) {
        if (t->actions[i].id == action) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

// Each fix is what an admin does, through the same core functions the app and `handoff flow edit` use.
void fixTypographicQuotes(project::Project& p) {
    const flow::Action* a = p.flow.find(u"set-uui");
    QVERIFY(a && a->as<flow::SetUuiDataProps>());
    flow::SetUuiDataProps props = *a->as<flow::SetUuiDataProps>();
    props.expression.replace(QChar(0x201C), u"\\\""_s).replace(QChar(0x201D), u"\\\""_s);
    QVERIFY(flow::edit::setAction(p.flow, a->id, a->name, props).has_value());
}

void fixCallId(project::Project& p) {
    const auto id = salesforce::SalesforceId::parse(p.uui.callId);
    QVERIFY(id.has_value());
    p.uui.callId = id->id18();
}

// Pastes a token minted now into Flow.uuiToken, as the Token page would, with or without sub.
void repasteToken(project::Project& p, bool withSub) {
    flow::TokenSupply supply;
    supply.iss = p.org.orgId;
    if (withSub) {
        supply.sub = p.org.callCenterApiName;
    }
    const qint64 now = testClock().now().toSecsSinceEpoch();
    bool replaced = false;
    for (flow::Variable& v : p.flow.variables) {
        if (v.name == u"Flow.uuiToken") {
            v.initial = flow::Value::string(QString::fromLatin1(flow::standInToken(now, now + 3600, supply, 3)));
            replaced = true;
        }
    }
    QVERIFY(replaced);
}

void fixSub(project::Project& p) {
    repasteToken(p, false); // without sub: the customer type leaves it out
}

void fixExpiredToken(project::Project& p) {
    repasteToken(p, true); // a fresh one, with the SCV org's claims
}

void fixTtl(project::Project& p) {
    p.uuiToken.ttlSeconds = 24 * 60 * 60;
}

void fixHeader(project::Project& p) {
    // Apply the budget's ways out, best saving first, until the UUI fits.
    for (int round = 0; round < 10; ++round) {
        const project::Composition c = project::compose(p, nullptr, testClock());
        if (c.budget.fits()) {
            return;
        }
        bool applied = false;
        for (const uui::WayOut& way : c.budget.waysOut) {
            if (way.applicable && project::applyWayOut(way, p)) {
                applied = true;
                break;
            }
        }
        QVERIFY2(applied, "no way out applies");
    }
    QFAIL("the UUI still does not fit");
}

void fixReservedInput(project::Project& p) {
    const flow::Action* a = p.flow.find(u"create-voicecall");
    QVERIFY(a && a->as<flow::CallDataProps>());
    flow::CallDataProps props = *a->as<flow::CallDataProps>();
    for (flow::Binding& b : props.inputs) {
        if (b.name == u"orgId") {
            b.name = u"salesforceOrgId"_s;
        }
    }
    QVERIFY(flow::edit::setAction(p.flow, a->id, a->name, props).has_value());
}

void fixTransferWithoutUui(project::Project& p) {
    const int at = indexIn(p.flow, u"main"_s, u"caller-known"_s);
    QVERIFY(at >= 0);
    QVERIFY(flow::edit::moveActions(p.flow, u"set-uui"_s, 1, {u"main"_s, {}, {}, at + 1}).has_value());
}

void fixNoPostFlow(project::Project& p) {
    const int at = indexIn(p.flow, u"main"_s, u"set-uui"_s);
    QVERIFY(at >= 0);
    flow::SetPostFlowProps post;
    post.target = flow::PostFlowTarget::Caller;
    post.flowName = u"Escalation to Rep"_s;
    QVERIFY(flow::edit::insertAction(p.flow, {u"main"_s, {}, {}, at}, flow::Action::make({}, u"Set Post-Flow"_s, post))
                .has_value());
}

void fixDecisionNoPath(project::Project& p) {
    QVERIFY(flow::edit::insertAction(
                p.flow, {u"main"_s, u"voicecall-created"_s, u"no"_s, -1},
                flow::Action::make({}, u"Jump to Failure handling"_s, flow::JumpProps{u"failure-handling"_s}))
                .has_value());
}

using Fix = void (*)(project::Project&);

} // namespace

class TestTraining final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void atLeastEightExercisesWithStableIdsAndTexts() {
        const QList<training::Exercise> all = training::exercises();
        QVERIFY(all.size() >= 8);
        QSet<QString> ids;
        for (const training::Exercise& e : all) {
            QVERIFY2(!ids.contains(e.id), qPrintable(e.id));
            ids.insert(e.id);
            QVERIFY(!e.title.isEmpty());
            QVERIFY(!e.goal.isEmpty());
            QVERIFY(!e.hint.isEmpty());
            QVERIFY(!e.codes.isEmpty());
            QVERIFY(training::findExercise(e.id).has_value());
        }
    }

    void brokenFailsAndFixPasses_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<void*>("fix");
        QTest::newRow("typographic-quotes")
            << u"typographic-quotes"_s << reinterpret_cast<void*>(&fixTypographicQuotes);
        QTest::newRow("callid-15") << u"callid-15"_s << reinterpret_cast<void*>(&fixCallId);
        QTest::newRow("sub-non-scv") << u"sub-non-scv"_s << reinterpret_cast<void*>(&fixSub);
        QTest::newRow("token-over-24h") << u"token-over-24h"_s << reinterpret_cast<void*>(&fixTtl);
        QTest::newRow("expired-token") << u"expired-token"_s << reinterpret_cast<void*>(&fixExpiredToken);
        QTest::newRow("header-over-limit") << u"header-over-limit"_s << reinterpret_cast<void*>(&fixHeader);
        QTest::newRow("reserved-input-orgid")
            << u"reserved-input-orgid"_s << reinterpret_cast<void*>(&fixReservedInput);
        QTest::newRow("transfer-without-uui")
            << u"transfer-without-uui"_s << reinterpret_cast<void*>(&fixTransferWithoutUui);
        QTest::newRow("no-post-flow") << u"no-post-flow"_s << reinterpret_cast<void*>(&fixNoPostFlow);
        QTest::newRow("decision-no-path") << u"decision-no-path"_s << reinterpret_cast<void*>(&fixDecisionNoPath);
    }

    void brokenFailsAndFixPasses() {
        QFETCH(QString, id);
        QFETCH(void*, fix);
        const auto exercise = training::findExercise(id);
        QVERIFY(exercise.has_value());
        project::Project p = broken(id.toLatin1().constData());

        // The broken project reports every one of the exercise's codes, and its check does not pass.
        const QSet<QString> before = codesOf(training::projectProblems(p, testClock()));
        for (const QString& code : exercise->codes) {
            QVERIFY2(before.contains(code), qPrintable(id + u": "_s + code + u" not reported; got "_s +
                                                       QStringList(before.cbegin(), before.cend()).join(u' ')));
        }
        const auto first = training::check(id, p, testClock());
        QVERIFY(first.has_value());
        QVERIFY(!first->passed);
        QVERIFY(!first->remaining.isEmpty());

        reinterpret_cast<Fix>(fix)(p);
        if (QTest::currentTestFailed()) {
            return;
        }
        const auto second = training::check(id, p, testClock());
        QVERIFY(second.has_value());
        QStringList left;
        for (const auto& d : second->remaining + second->newErrors) {
            left.append(d.code + u": "_s + d.message);
        }
        QVERIFY2(second->passed, qPrintable(left.join(u'\n')));
        QVERIFY(!second->summary.isEmpty());
    }

    // The check also fails a "fix" that breaks the handoff in another way: deleting Set UUI Data removes the
    // typographic quotes along with the UUI.
    void aFixThatBreaksSomethingElseDoesNotPass() {
        project::Project p = broken("typographic-quotes");
        QVERIFY(flow::edit::removeAction(p.flow, u"set-uui"_s, flow::edit::RemoveMode::WithNested).has_value());
        const auto result = training::check(u"typographic-quotes"_s, p, testClock());
        QVERIFY(result.has_value());
        QVERIFY(result->remaining.isEmpty());
        QVERIFY(!result->newErrors.isEmpty());
        QVERIFY(!result->passed);
        QVERIFY(codesOf(result->newErrors).contains(u"FLW011"_s));
    }

    // The template the exercises start from has none of their codes: each break adds its own.
    void templateHasNoneOfTheCodes() {
        project::Project fixedNoPost = broken("no-post-flow");
        fixNoPostFlow(fixedNoPost);
        QSet<QString> all;
        for (const training::Exercise& e : training::exercises()) {
            for (const QString& c : e.codes) {
                all.insert(c);
            }
        }
        const QSet<QString> found = codesOf(training::projectProblems(fixedNoPost, testClock()));
        QVERIFY2(!found.intersects(all), qPrintable(QStringList(found.cbegin(), found.cend()).join(u' ')));
    }

    void unknownIdIsRefused() {
        QCOMPARE(training::brokenProject(u"no-such-exercise", testClock()).error().code, u"TRN010"_s);
        QCOMPARE(training::check(u"no-such-exercise", project::Project::defaults(), testClock()).error().code,
                 u"TRN010"_s);
        QTemporaryDir dir;
        QCOMPARE(training::start(u"no-such-exercise", dir.path(), testClock()).error().code, u"TRN010"_s);
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void startWritesTheBrokenProjectOnceAndNeverOverwrites() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"new/folder"_s);
        const auto path = training::start(u"callid-15", folder, testClock());
        QVERIFY2(path.has_value(), path ? "" : qPrintable(path.error().message));
        QCOMPARE(QFileInfo(*path).fileName(), u"callid-15.handoff"_s);
        const auto loaded = project::ProjectFile::load(*path);
        QVERIFY(loaded.has_value());
        QVERIFY(!training::check(u"callid-15", loaded->project, testClock())->passed);

        QFile file(*path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        const auto again = training::start(u"callid-15", folder, testClock());
        QVERIFY(!again.has_value());
        QCOMPARE(again.error().code, u"TRN011"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void folderThatCannotBeMadeIsReported() {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const auto r = training::start(u"callid-15", dir.filePath(u"file/sub"_s), testClock());
        QVERIFY(!r.has_value());
        QCOMPARE(r.error().code, u"TRN012"_s);
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "TestTraining.moc"
