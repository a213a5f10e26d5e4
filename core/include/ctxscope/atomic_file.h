#pragma once
// Atomic file output: write to a temporary file beside the target, flush it to disk, then
// rename it over the target. A failure at any step leaves an existing file as it was.
#include <string>
#include <string_view>

namespace ctxscope {

bool writeFileAtomically(const std::string& path, std::string_view contents, std::string* error);

// readFile reads a whole file of at most maxBytes; false with *error when it cannot.
bool readFile(const std::string& path, std::string* contents, std::string* error,
              std::size_t maxBytes = 64u * 1024u * 1024u);

} // namespace ctxscope
