// writeFileAtomically: replace a regular file whole or not at all; write through to devices.
#include "ctxscope/formats/atomic_file.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace ctxscope;
namespace fs = std::filesystem;

TEST_CASE("writeFileAtomically replaces a regular file and leaves no temporary file", "[atomic]")
{
    const fs::path dir = fs::temp_directory_path() / "ctxscope-atomic-test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "out.json").string();
    std::ofstream(path) << "old";
    std::string error;
    REQUIRE(writeFileAtomically(path, "new contents", &error));
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text == "new contents");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    fs::remove_all(dir);
}

TEST_CASE("writeFileAtomically writes through to /dev/null instead of replacing the device", "[atomic]")
{
    struct stat before {};
    REQUIRE(::stat("/dev/null", &before) == 0);
    REQUIRE(S_ISCHR(before.st_mode));
    std::string error;
    CHECK(writeFileAtomically("/dev/null", "discarded", &error));
    struct stat after {};
    REQUIRE(::stat("/dev/null", &after) == 0);
    CHECK(S_ISCHR(after.st_mode));
    CHECK(after.st_ino == before.st_ino);
}

TEST_CASE("writeFileAtomically refuses a directory and leaves it alone", "[atomic]")
{
    const fs::path dir = fs::temp_directory_path() / "ctxscope-atomic-dir";
    fs::remove_all(dir);
    fs::create_directories(dir / "keep");
    std::string error;
    CHECK_FALSE(writeFileAtomically((dir / "keep").string(), "x", &error));
    CHECK(error.find("directory") != std::string::npos);
    CHECK(fs::is_directory(dir / "keep"));
    fs::remove_all(dir);
}

TEST_CASE("writeFileAtomicallyStreamed writes the chunks in order, and a failure leaves the old file", "[atomic]")
{
    const fs::path dir = fs::temp_directory_path() / "ctxscope-atomic-streamed";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "out.json").string();
    std::ofstream(path) << "old";
    std::string error;
    REQUIRE(writeFileAtomicallyStreamed(
        path, [](const ChunkWriter& write) { write("new "); write(""); write("contents"); }, &error));
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    CHECK(text == "new contents");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);

    struct Boom {};
    CHECK_THROWS_AS(writeFileAtomicallyStreamed(
                        path, [](const ChunkWriter& write) { write("partial"); throw Boom{}; }, &error),
                    Boom);
    std::ifstream again(path);
    std::string kept((std::istreambuf_iterator<char>(again)), {});
    CHECK(kept == "new contents");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    fs::remove_all(dir);
}
