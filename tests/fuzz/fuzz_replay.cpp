// A main for fuzz_scenario.cpp in builds without libFuzzer (GCC, Debug, ASan): runs every file
// given, and every file under every directory given (recursively, in sorted order), through
// LLVMFuzzerTestOneInput. This is how the inputs the fuzzer once found (tests/fuzz/regressions/)
// and the seed corpora stay checked in every build.
//
//   fuzz_replay [--min-files N] PATH...
//
// Exits 0 when every input passed; a broken invariant aborts (the last "replaying" line names
// the input). Fails when a PATH is missing or fewer than N files were found (default 1), so a
// moved directory cannot turn the test into one that checks nothing.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    std::size_t minFiles = 1;
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--min-files" && i + 1 < argc) {
            minFiles = static_cast<std::size_t>(std::strtoull(argv[++i], nullptr, 10));
            continue;
        }
        std::error_code ec;
        const fs::path path(arg);
        if (fs::is_directory(path, ec)) {
            std::vector<fs::path> found;
            for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
                if (entry.is_regular_file())
                    found.push_back(entry.path());
            }
            if (ec) {
                std::fprintf(stderr, "fuzz_replay: cannot list %s: %s\n", arg.c_str(), ec.message().c_str());
                return 2;
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(path, ec)) {
            files.push_back(path);
        } else {
            std::fprintf(stderr, "fuzz_replay: no such file or directory: %s\n", arg.c_str());
            return 2;
        }
    }
    if (files.size() < minFiles) {
        std::fprintf(stderr, "fuzz_replay: found %zu input files, expected at least %zu\n", files.size(), minFiles);
        return 2;
    }

    double slowest = 0;
    std::string slowestName;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "fuzz_replay: cannot read %s\n", file.c_str());
            return 2;
        }
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // Named before it runs: if an invariant aborts, this is the last line of the output.
        std::fprintf(stderr, "replaying %s (%zu bytes)\n", file.c_str(), bytes.size());
        const auto start = std::chrono::steady_clock::now();
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (seconds > slowest) {
            slowest = seconds;
            slowestName = file.string();
        }
    }
    std::printf("fuzz_replay: %zu inputs passed (slowest %.3f s: %s)\n", files.size(), slowest, slowestName.c_str());
    return 0;
}
