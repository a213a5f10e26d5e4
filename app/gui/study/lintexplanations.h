#pragma once
// lintExplanation: one paragraph per lint rule on what the finding means for a Go program:
// what leaks, for how long, and which tool (go vet, staticcheck, goleak) would report it.
#include <QString>

namespace ctxscope {

// lintExplanation returns the paragraph for a rule id ("lostcancel", "SA1029", ...), or a
// general sentence for a rule it does not know.
QString lintExplanation(const QString& rule);
// lintTool names the Go tool that reports the rule ("go vet", "staticcheck", "goleak", ...).
QString lintTool(const QString& rule);

} // namespace ctxscope
