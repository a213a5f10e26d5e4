// verify: the Go toolchain as the judge of the simulator. This is the one part of the core that
// starts processes and waits on real time (the go commands' timeouts); everything it decides
// is in the pure helpers parseGoVersion / parseGoTestDifferences and the exported module.
#include "go_verify.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

extern char** environ;

namespace ctxscope {

namespace {

struct ProcessResult {
    bool started = false;
    bool timedOut = false;
    int exitCode = -1;
    std::string output; // stdout and stderr, interleaved as written
    std::string error;  // why it could not start
};

// run starts argv in dir with env, in its own process group, and collects its output until it
// exits or the timeout passes (then the whole group is killed).
ProcessResult run(const std::vector<std::string>& argv, const std::string& dir, const std::vector<std::string>& env,
                  int timeoutSeconds)
{
    ProcessResult res;
    int fds[2];
    if (pipe(fds) != 0) {
        res.error = std::strerror(errno);
        return res;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (!dir.empty())
        posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);

    std::vector<char*> args, envp;
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (const std::string& e : env)
        envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);

    pid_t pid = -1;
    const int rc = posix_spawnp(&pid, argv[0].c_str(), &actions, &attr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        res.error = std::strerror(rc);
        return res;
    }
    res.started = true;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    char buf[8192];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            res.timedOut = true;
            kill(-pid, SIGKILL);
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int n = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
        if (n < 0 && errno != EINTR)
            break;
        if (n <= 0)
            continue;
        const ssize_t got = read(fds[0], buf, sizeof buf);
        if (got > 0)
            res.output.append(buf, static_cast<std::size_t>(got));
        else if (got == 0 || errno != EINTR)
            break; // EOF: every writer (the go command and its children) is gone
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (res.timedOut)
        res.output += "\n(killed after " + std::to_string(timeoutSeconds) + "s)\n";
    else if (WIFEXITED(status))
        res.exitCode = WEXITSTATUS(status);
    return res;
}

std::vector<std::string> baseEnvironment()
{
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        const std::string_view v(*e);
        if (v.rfind("GOFLAGS=", 0) == 0 || v.rfind("GOTOOLCHAIN=", 0) == 0)
            continue;
        env.emplace_back(v);
    }
    env.push_back("GOFLAGS=-mod=mod");
    env.push_back("GOTOOLCHAIN=local"); // never download another toolchain
    return env;
}

bool writableDir(const std::string& path)
{
    std::error_code ec;
    std::filesystem::path p(path);
    while (!p.empty() && !std::filesystem::exists(p, ec))
        p = p.parent_path();
    return !p.empty() && access(p.c_str(), W_OK) == 0;
}

std::vector<std::string> parseLines(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos)
            nl = text.size();
        if (nl > pos)
            out.push_back(text.substr(pos, nl - pos));
        pos = nl + 1;
    }
    return out;
}

std::string trim(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
        s.pop_back();
    return s;
}

// vetDifferences compares go vet's findings with what the scenario shows on purpose. Linear
// in vet's output, the discarded cancels and the lints (a scenario may discard 10^5 of them).
std::vector<std::string> vetDifferences(const std::string& output, const GoExport& module, const SimulationResult& r)
{
    std::vector<std::string> diffs;
    std::vector<bool> seen(module.discardedCancels.size(), false);
    std::unordered_map<std::string, std::vector<std::size_t>> byPlace; // "main.go:12:" -> discarded cancels there
    for (std::size_t i = 0; i < module.discardedCancels.size(); ++i) {
        const auto& d = module.discardedCancels[i];
        byPlace[d.file + ":" + std::to_string(d.line) + ":"].push_back(i);
    }
    std::size_t pos = 0;
    while (pos < output.size()) {
        std::size_t nl = output.find('\n', pos);
        if (nl == std::string::npos)
            nl = output.size();
        std::string line = output.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.empty() || line[0] == '#')
            continue;
        if (line.rfind("./", 0) == 0)
            line.erase(0, 2);
        const bool lostcancel = line.find("cancel function") != std::string::npos ||
                                line.find("without using the cancel var") != std::string::npos;
        bool expected = false;
        // The place is "FILE:LINE:" (vet may add a column: "main.go:12:5: ...").
        const std::size_t colon1 = line.find(':');
        const std::size_t colon2 = colon1 == std::string::npos ? colon1 : line.find(':', colon1 + 1);
        if (lostcancel && colon2 != std::string::npos) {
            auto it = byPlace.find(line.substr(0, colon2 + 1));
            if (it != byPlace.end()) {
                for (std::size_t i : it->second)
                    seen[i] = true;
                expected = true;
            }
        }
        if (!expected && !(lostcancel && module.mayReportLostCancel))
            diffs.push_back("go vet: " + line);
    }
    std::unordered_set<std::string_view> linted;
    for (const LintFinding& l : r.lints)
        if (l.rule == "lostcancel")
            linted.insert(l.subject);
    for (std::size_t i = 0; i < module.discardedCancels.size(); ++i) {
        const std::string& id = module.discardedCancels[i].context;
        if (!seen[i] && linted.count(id))
            diffs.push_back("lint lostcancel " + id + ": simulator reports it, go vet does not");
    }
    return diffs;
}

} // namespace

std::pair<int, int> parseGoVersion(const std::string& text)
{
    const std::size_t at = text.find("go1.");
    if (at == std::string::npos)
        return {0, 0};
    const char* p = text.c_str() + at + 4;
    char* end = nullptr;
    const long minor = std::strtol(p, &end, 10);
    if (end == p)
        return {0, 0};
    return {1, static_cast<int>(minor)};
}

std::vector<std::string> parseGoTestDifferences(const std::string& output, int* compared)
{
    std::vector<std::string> out;
    if (compared)
        *compared = -1;
    std::size_t pos = 0;
    while (pos < output.size()) {
        std::size_t nl = output.find('\n', pos);
        if (nl == std::string::npos)
            nl = output.size();
        const std::string line = output.substr(pos, nl - pos);
        pos = nl + 1;
        static const std::string diff = "ctxscope-diff: ", sum = "ctxscope-compared: ";
        if (line.rfind(diff, 0) == 0)
            out.push_back(trim(line.substr(diff.size())));
        else if (line.rfind(sum, 0) == 0 && compared)
            *compared = std::atoi(line.c_str() + sum.size());
    }
    return out;
}

GoVerifyResult verifyWithGo(const Scenario& scenario, const GoVerifyOptions& options)
{
    return verifyWithGo(scenario, simulate(scenario), options);
}

GoVerifyResult verifyWithGo(const Scenario& scenario, const SimulationResult& result, const GoVerifyOptions& options)
{
    GoVerifyResult out;
    std::vector<std::string> env = baseEnvironment();
    const std::string go = options.goBinary.empty() ? std::string("go") : options.goBinary;

    const ProcessResult version = run({go, "version"}, "", env, 60);
    out.rawOutput += version.output;
    const auto [major, minor] = parseGoVersion(version.output);
    if (!version.started || version.exitCode != 0 || major == 0) {
        out.goVersionProblem = "no Go toolchain found (" + go + (version.started ? "" : ": " + version.error) +
                               "): verify needs Go 1.25 or newer (testing/synctest); install it or pass --go PATH";
        return out;
    }
    out.goVersion = trim(version.output.substr(version.output.find("go1.")));
    out.goVersion = out.goVersion.substr(0, out.goVersion.find(' '));
    if (minor < 25) {
        out.goVersionProblem = out.goVersion + " is too old: verify needs Go 1.25 or newer (testing/synctest); the "
                               "exported program itself needs Go " + minimumGoVersion(scenario);
        return out;
    }

    // The module directory: kept where the caller asked, else a fresh temporary one.
    std::string dir = options.keepDir;
    std::string tempRoot;
    if (dir.empty()) {
        std::string pattern = (std::filesystem::temp_directory_path() / "ctxscope-verify-XXXXXX").string();
        if (!mkdtemp(pattern.data())) {
            out.differences.push_back(std::string("cannot create a temporary directory: ") + std::strerror(errno));
            return out;
        }
        tempRoot = pattern;
        dir = tempRoot + "/module";
    }
    const GoExport module = exportGo(scenario, result);
    out.factsLeftToRaces = module.factsLeftToRaces;
    out.factsRaced = module.factsRaced;
    std::string error;
    if (!writeGoExport(module, dir, &error)) {
        out.differences.push_back("cannot write the Go module: " + error);
        if (!tempRoot.empty()) {
            std::error_code ec;
            std::filesystem::remove_all(tempRoot, ec);
        }
        return out;
    }
    const ProcessResult cache = run({go, "env", "GOCACHE"}, dir, env, 60);
    if (trim(cache.output).empty() || !writableDir(trim(cache.output)))
        env.push_back("GOCACHE=" + (tempRoot.empty() ? dir + "/.gocache" : tempRoot + "/gocache"));

    bool ran = true;
    if (options.runGofmt) {
        const ProcessResult root = run({go, "env", "GOROOT"}, dir, env, 60);
        const std::string gofmt = trim(root.output) + "/bin/gofmt";
        const ProcessResult fmt = run({gofmt, "-l", "."}, dir, env, options.timeoutSeconds);
        out.rawOutput += fmt.output;
        if (!fmt.started || fmt.exitCode != 0)
            out.differences.push_back("gofmt could not check the module (" + gofmt + ")");
        else
            for (const std::string& f : parseLines(fmt.output))
                out.differences.push_back("gofmt: " + f + " is not gofmt-clean");
    }
    if (options.runVet) {
        const ProcessResult vet = run({go, "vet", "./..."}, dir, env, options.timeoutSeconds);
        out.rawOutput += vet.output;
        if (vet.timedOut)
            out.differences.push_back("go vet did not finish within " + std::to_string(options.timeoutSeconds) + "s");
        for (std::string& d : vetDifferences(vet.output, module, result))
            out.differences.push_back(std::move(d));
    }
    const std::string count = "-count=" + std::to_string(std::max(1, options.count));
    const ProcessResult test = run({go, "test", "-v", count, "./..."}, dir, env, options.timeoutSeconds);
    out.rawOutput += test.output;
    std::vector<std::string> diffs = parseGoTestDifferences(test.output, &out.factsCompared);
    // With -count above 1 one difference may be printed by several runs: keep the first.
    std::vector<std::string> unique;
    for (std::string& d : diffs)
        if (std::find(unique.begin(), unique.end(), d) == unique.end())
            unique.push_back(std::move(d));
    diffs = std::move(unique);
    for (std::string& d : diffs)
        out.differences.push_back(std::move(d));
    if (test.timedOut) {
        out.differences.push_back("go test did not finish within " + std::to_string(options.timeoutSeconds) + "s");
        ran = false;
    } else if (!test.started) {
        out.differences.push_back("go test could not start: " + test.error);
        ran = false;
    } else if (out.factsCompared < 0 || (test.exitCode != 0 && diffs.empty())) {
        out.differences.push_back("go test failed without comparing (exit status " + std::to_string(test.exitCode) +
                                  "); its output follows in rawOutput");
        ran = false;
    }
    out.ok = ran && out.differences.empty();
    if (!tempRoot.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(tempRoot, ec);
    }
    return out;
}

} // namespace ctxscope
