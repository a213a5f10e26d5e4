#pragma once
// Atomic file output: write to a temporary file beside the target, flush it to disk, then
// rename it over the target. A failure at any step leaves an existing file as it was.
#include <functional>
#include <string>
#include <string_view>

namespace ctxscope {

bool writeFileAtomically(const std::string& path, std::string_view contents, std::string* error);

// writeFileAtomicallyStreamed is writeFileAtomically for contents made piece by piece: produce
// is called once, with a function that writes the next chunk (after a failed write, the rest
// are dropped and the failure is reported as writeFileAtomically reports it). The whole text
// never needs to be in memory.
using ChunkWriter = std::function<void(std::string_view)>;
bool writeFileAtomicallyStreamed(const std::string& path, const std::function<void(const ChunkWriter&)>& produce,
                                 std::string* error);

// readFile reads a whole file of at most maxBytes; false with *error when it cannot.
bool readFile(const std::string& path, std::string* contents, std::string* error,
              std::size_t maxBytes = 64u * 1024u * 1024u);

} // namespace ctxscope
