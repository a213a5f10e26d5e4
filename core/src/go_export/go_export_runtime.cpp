// The fixed parts of the exported Go module: the tracer at the end of main.go and the
// comparison code of scenario_test.go. They are real Go files in core/src/go_export/go_runtime/ (gofmt
// checks them there; tests/go vets every exported module), embedded at build time.
#include "go_export_internal.h"
#include "go_runtime.h"

namespace ctxscope::gox {


std::string tracerSource(bool causeFromGo)
{
    return std::string(go_runtime::tracer) + std::string(causeFromGo ? go_runtime::cause_from_go : go_runtime::cause_from_err);
}

std::string harnessSource()
{
    return std::string(go_runtime::harness);
}

} // namespace ctxscope::gox
