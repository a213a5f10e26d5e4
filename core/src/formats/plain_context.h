#pragma once
// The scenario loader's fast path for the commonest element of a big file: a top-level context
// written as a flat object of plain strings, such as {"id":"c7","kind":"WithCancel","parent":"c3"}.
// A million of them are most of a large scenario, and reading each through a json::Value costs
// more than everything else the loader does. This reads the element straight from the text into
// a ContextSpec, but only when the full reader (Loader::readContext) would accept it without a
// single problem: any other value type, an escape in a string, an unknown or misplaced key, a
// duration that does not parse, or a missing field makes it decline, and the full reader reads
// that element instead, with its located messages. So errors are the full reader's, always.
#include "ctxscope/engine/scenario.h"

#include <cstddef>
#include <string_view>

namespace ctxscope::detail {

// readPlainContext reads the element of "contexts" that starts at text[offset] into c (a
// default ContextSpec) and returns true, or returns false and leaves c as it was. text must be
// a document json::parseShallow accepted, so its syntax is known to be valid.
bool readPlainContext(std::string_view text, std::size_t offset, ContextSpec& c);

} // namespace ctxscope::detail
