#pragma once
// Shared helpers for the study model tests: one QGuiApplication for the binary, and documents
// made from scenario text written in the tests (not the lesson files, which may change).
#include "ctxscope/formats/scenario_io.h"
#include "document.h"

#include <QGuiApplication>
#include <QStandardPaths>

#include <catch2/catch.hpp>

#include <memory>
#include <string>

inline void ensureApp() {
    static int argc = 1;
    static char name[] = "study_tests";
    static char* argv[] = {name, nullptr};
    if (!QCoreApplication::instance()) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ctxscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("ctxscope-study-tests"));
        // Never destroyed: ~QGuiApplication during static destruction (after Qt's own globals
        // are gone) crashes the binary at exit.
        new QGuiApplication(argc, argv);
    }
}

inline ctxscope::Scenario scenarioFrom(const std::string& json) {
    const ctxscope::LoadResult r = ctxscope::parseScenario(json);
    if (!r.scenario) {
        for (const auto& p : r.problems)
            UNSCOPED_INFO(ctxscope::formatProblem("test", p));
    }
    REQUIRE(r.scenario);
    return *r.scenario;
}

inline std::unique_ptr<ctxscope::Document> documentFrom(const std::string& json) {
    ensureApp();
    auto doc = std::make_unique<ctxscope::Document>();
    doc->files()->setRecoveryPath(QString()); // tests never write recovery files
    doc->setScenario(scenarioFrom(json), QString());
    return doc;
}

// The small scenario most tests use. File order differs from creation order on purpose:
// `late` is listed first but created at 20ms.
//   root (Background) ── task w0: work 10ms
//    ├─ late (WithCancel, at 20ms)              canceled by the user at 30ms
//    └─ early (WithTimeout 50ms)                deadline exceeded at 50ms
//        ├─ task w1: work 30ms, work 40ms       the second step is interrupted at 50ms
//        └─ child (WithCancel)                  canceled through its parent at 50ms
inline const char* kSmallScenario = R"({
  "ctxscope": 1,
  "name": "small",
  "contexts": [
    {"id": "root", "kind": "Background"},
    {"id": "late", "kind": "WithCancel", "parent": "root", "at": "20ms"},
    {"id": "early", "kind": "WithTimeout", "parent": "root", "timeout": "50ms"},
    {"id": "child", "kind": "WithCancel", "parent": "early"}
  ],
  "tasks": [
    {"id": "w1", "context": "early", "steps": [{"work": "30ms"}, {"work": "40ms"}]},
    {"id": "w0", "context": "root", "steps": [{"work": "10ms"}]}
  ],
  "actions": [{"at": "30ms", "cancel": "late"}],
  "expect": [
    {"context": "early", "err": "context deadline exceeded", "done_at": "50ms"},
    {"context": "late", "err": "context deadline exceeded"},
    {"task": "w0", "result": "ok", "ended_at": "10ms"}
  ]
})";
