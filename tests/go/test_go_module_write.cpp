// writeGoExport replaces the module as a whole (issue #14): built in a temporary directory
// beside the target and swapped in. Failures are simulated at each system call through
// gox::writeGoExportFault, and a kill -9 by a child process that dies at one of them.
#include "ctxscope/go_export/go_export.h"
#include "go_export_internal.h"

#include <catch2/catch.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ctxscope;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p)
{
    std::ifstream in(p);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

std::set<std::string> entries(const fs::path& dir)
{
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir))
        out.insert(e.path().filename().string());
    return out;
}

GoExport module(const std::string& tag, bool withTest = true)
{
    GoExport m;
    m.files.push_back({"go.mod", "module " + tag + "\n"});
    m.files.push_back({"main.go", "package main // " + tag + "\n"});
    if (withTest)
        m.files.push_back({"scenario_test.go", "package main // test " + tag + "\n"});
    return m;
}

// A scratch directory holding "mod", an old module with a file and a directory of the user's.
struct Scratch {
    fs::path root, target;
    explicit Scratch(const char* name)
    {
        root = fs::temp_directory_path() / name;
        fs::remove_all(root);
        target = root / "mod";
        fs::create_directories(target / "notes");
        write(target / "go.mod", "module old\n");
        write(target / "main.go", "package main // old\n");
        write(target / "scenario_test.go", "package main // test old\n");
        write(target / "README.txt", "mine\n");
        write(target / "notes" / "a.txt", "also mine\n");
    }
    ~Scratch()
    {
        gox::writeGoExportFault = nullptr;
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    bool oldModuleIntact() const
    {
        return entries(target) == std::set<std::string>{"README.txt", "go.mod", "main.go", "notes", "scenario_test.go"} &&
               read(target / "go.mod") == "module old\n" && read(target / "main.go") == "package main // old\n" &&
               read(target / "scenario_test.go") == "package main // test old\n" &&
               read(target / "README.txt") == "mine\n" && read(target / "notes" / "a.txt") == "also mine\n";
    }
    bool noTemporaries() const { return entries(root) == std::set<std::string>{"mod"}; }
};

std::string g_failStep;
int g_failErrno = EIO;
int failAt(std::string_view step) { return step == g_failStep ? g_failErrno : 0; }

} // namespace

TEST_CASE("writeGoExport creates a missing module directory, parents included", "[goexport][atomic]")
{
    const fs::path root = fs::temp_directory_path() / "ctxscope-gowrite-new";
    fs::remove_all(root);
    std::string error;
    REQUIRE(writeGoExport(module("new"), (root / "a" / "mod").string(), &error));
    CHECK(entries(root / "a" / "mod") == std::set<std::string>{"go.mod", "main.go", "scenario_test.go"});
    CHECK(read(root / "a" / "mod" / "main.go") == "package main // new\n");
    CHECK(entries(root / "a") == std::set<std::string>{"mod"}); // no temporary directory left
    // A trailing slash names the same directory.
    REQUIRE(writeGoExport(module("again"), (root / "a" / "mod").string() + "/", &error));
    CHECK(read(root / "a" / "mod" / "go.mod") == "module again\n");
    CHECK(entries(root / "a") == std::set<std::string>{"mod"});
    fs::remove_all(root);
}

TEST_CASE("writeGoExport replaces an old module whole and keeps the user's files", "[goexport][atomic]")
{
    const Scratch s("ctxscope-gowrite-replace");
    struct stat before {};
    REQUIRE(::stat((s.target / "README.txt").c_str(), &before) == 0);
    std::string error;
    REQUIRE(writeGoExport(module("new", false), s.target.string(), &error));
    // The old scenario_test.go belonged to the old module: gone, not left to test the new main.go.
    CHECK(entries(s.target) == std::set<std::string>{"README.txt", "go.mod", "main.go", "notes"});
    CHECK(read(s.target / "main.go") == "package main // new\n");
    CHECK(read(s.target / "notes" / "a.txt") == "also mine\n");
    struct stat after {};
    REQUIRE(::stat((s.target / "README.txt").c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino); // the same file, not a copy
    CHECK(s.noTemporaries());
}

TEST_CASE("writeGoExport refuses a target that is a file and leaves it alone", "[goexport][atomic]")
{
    const Scratch s("ctxscope-gowrite-file");
    fs::remove_all(s.target);
    write(s.target, "a file\n");
    std::string error;
    CHECK_FALSE(writeGoExport(module("new"), s.target.string(), &error));
    CHECK(error.find("not a directory") != std::string::npos);
    CHECK(read(s.target) == "a file\n");
    CHECK(s.noTemporaries());
    CHECK_FALSE(writeGoExport(module("new"), "", &error));
    GoExport bad = module("bad");
    bad.files.push_back({"../escape.go", "x"});
    CHECK_FALSE(writeGoExport(bad, s.target.string(), &error));
    CHECK(error.find("not a plain file name") != std::string::npos);
}

TEST_CASE("writeGoExport keeps the user's symbolic links and refuses the current directory", "[goexport][atomic]")
{
    const Scratch s("ctxscope-gowrite-cwd");
    fs::create_symlink("README.txt", s.target / "link-to-readme");
    std::string error;
    REQUIRE(writeGoExport(module("new"), s.target.string(), &error));
    CHECK(fs::is_symlink(s.target / "link-to-readme"));
    CHECK(fs::read_symlink(s.target / "link-to-readme") == "README.txt");
    CHECK(s.noTemporaries());

    const fs::path before = fs::current_path();
    fs::current_path(s.target);
    const bool wrote = writeGoExport(module("again"), ".", &error);
    const bool wroteAbsolute = writeGoExport(module("again"), s.target.string(), &error);
    fs::current_path(before);
    CHECK_FALSE(wrote);
    CHECK_FALSE(wroteAbsolute);
    CHECK(error.find("current directory") != std::string::npos);
    CHECK(read(s.target / "go.mod") == "module new\n");
    CHECK(s.noTemporaries());
}

TEST_CASE("A failure at any step before the swap leaves the old module and no temporary directory",
          "[goexport][atomic]")
{
    for (const char* step : {"mkdtemp new", "chmod", "write go.mod", "write main.go", "write scenario_test.go",
                             "exchange"}) {
        const Scratch s("ctxscope-gowrite-fail");
        g_failStep = step;
        g_failErrno = EIO;
        gox::writeGoExportFault = failAt;
        std::string error;
        INFO(step);
        CHECK_FALSE(writeGoExport(module("new"), s.target.string(), &error));
        CHECK(error.find(std::strerror(EIO)) != std::string::npos);
        CHECK(s.oldModuleIntact());
        CHECK(s.noTemporaries());
    }
    SECTION("a full disk, as the write itself reports it") {
        const Scratch s("ctxscope-gowrite-enospc");
        g_failStep = "write main.go";
        g_failErrno = ENOSPC;
        gox::writeGoExportFault = failAt;
        std::string error;
        CHECK_FALSE(writeGoExport(module("new"), s.target.string(), &error));
        CHECK(error.find("main.go") != std::string::npos);
        CHECK(s.oldModuleIntact());
        CHECK(s.noTemporaries());
    }
}

TEST_CASE("Without RENAME_EXCHANGE the module is swapped with two renames, undone on failure",
          "[goexport][atomic]")
{
    SECTION("the two renames") {
        const Scratch s("ctxscope-gowrite-norename2");
        g_failStep = "exchange";
        g_failErrno = EINVAL; // what renameat2 says where the file system cannot exchange
        gox::writeGoExportFault = failAt;
        std::string error;
        REQUIRE(writeGoExport(module("new"), s.target.string(), &error));
        CHECK(read(s.target / "go.mod") == "module new\n");
        CHECK(read(s.target / "README.txt") == "mine\n");
        CHECK(s.noTemporaries());
    }
    SECTION("the second rename fails: the old module is put back") {
        const Scratch s("ctxscope-gowrite-norename2b");
        gox::writeGoExportFault = [](std::string_view step) {
            return step == "exchange" ? EINVAL : step == "rename new" ? EIO : 0;
        };
        std::string error;
        CHECK_FALSE(writeGoExport(module("new"), s.target.string(), &error));
        CHECK(s.oldModuleIntact());
        CHECK(s.noTemporaries());
    }
}

TEST_CASE("A user's file that cannot be hard-linked is moved over after the swap", "[goexport][atomic]")
{
    const Scratch s("ctxscope-gowrite-nolink");
    g_failStep = "link README.txt";
    g_failErrno = EPERM; // e.g. fs.protected_hardlinks on a file of another user
    gox::writeGoExportFault = failAt;
    std::string error;
    REQUIRE(writeGoExport(module("new"), s.target.string(), &error));
    CHECK(entries(s.target) == std::set<std::string>{"README.txt", "go.mod", "main.go", "notes", "scenario_test.go"});
    CHECK(read(s.target / "README.txt") == "mine\n");
    CHECK(s.noTemporaries());
}

TEST_CASE("kill -9 in the middle of writeGoExport leaves the old module or the new one, never a mix",
          "[goexport][atomic]")
{
    for (const char* step : {"write go.mod", "write main.go", "write scenario_test.go", "link README.txt", "exchange",
                             "move notes"}) {
        const Scratch s("ctxscope-gowrite-kill");
        INFO(step);
        g_failStep = step;
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            gox::writeGoExportFault = [](std::string_view st) {
                if (st == g_failStep)
                    ::kill(::getpid(), SIGKILL);
                return 0;
            };
            std::string error;
            (void)writeGoExport(module("new"), s.target.string(), &error);
            ::_exit(0);
        }
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFSIGNALED(status));
        const std::string mod = read(s.target / "go.mod"), main = read(s.target / "main.go"),
                          test = read(s.target / "scenario_test.go");
        const bool allOld = mod == "module old\n" && main == "package main // old\n" && test == "package main // test old\n";
        const bool allNew = mod == "module new\n" && main == "package main // new\n" && test == "package main // test new\n";
        CHECK((allOld || allNew));
        CHECK(allNew == (std::string_view(step) == "move notes")); // killed after the swap: the new one
        CHECK(read(s.target / "README.txt") == "mine\n");
    }
}
