// The Go export's entry points: the version the scenario needs, go.mod, and writing the module.
#include "ctxscope/go_export/go_export.h"

#include "go_export_internal.h"

#include <optional>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace ctxscope {

namespace {

// What in the scenario needs a newer Go than 1.19, for go.mod's comment.
struct Needs {
    std::string v121, v120; // the first feature found of each release, e.g. "context.AfterFunc"
};

void scanKind(ContextKind k, Needs& n)
{
    switch (k) {
    case ContextKind::WithoutCancel: if (n.v121.empty()) n.v121 = "context.WithoutCancel"; break;
    case ContextKind::WithTimeoutCause: if (n.v121.empty()) n.v121 = "context.WithTimeoutCause"; break;
    case ContextKind::WithDeadlineCause: if (n.v121.empty()) n.v121 = "context.WithDeadlineCause"; break;
    case ContextKind::WithCancelCause: if (n.v120.empty()) n.v120 = "context.WithCancelCause"; break;
    default: break;
    }
}

Needs scanNeeds(const Scenario& s)
{
    Needs n;
    std::function<void(const std::vector<Step>&)> steps = [&](const std::vector<Step>& list) {
        for (const Step& st : list) {
            for (const ContextSpec& c : st.derive)
                scanKind(c.kind, n);
            if (st.op == StepOp::AfterFunc && n.v121.empty())
                n.v121 = "context.AfterFunc";
            for (const TaskSpec& t : st.spawn)
                steps(t.steps);
            for (const AfterFuncSpec& a : st.afterFunc)
                steps(a.steps);
        }
    };
    for (const ContextSpec& c : s.contexts)
        scanKind(c.kind, n);
    if (!s.afterFuncs.empty() && n.v121.empty())
        n.v121 = "context.AfterFunc";
    for (const TaskSpec& t : s.tasks)
        steps(t.steps);
    for (const AfterFuncSpec& a : s.afterFuncs)
        steps(a.steps);
    return n;
}

std::string moduleName(const Scenario& s)
{
    std::string out;
    for (char c : s.name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c >= 'A' && c <= 'Z')
            out += static_cast<char>(c - 'A' + 'a');
        else if (alnum)
            out += c;
        else if (!out.empty() && out.back() != '-')
            out += '-';
        if (out.size() >= 40 && out.back() == '-')
            break;
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    if (out.empty() || !(out[0] >= 'a' && out[0] <= 'z'))
        out = "scenario" + (out.empty() ? std::string() : "-" + out);
    return out;
}

} // namespace

std::string minimumGoVersion(const Scenario& scenario)
{
    const Needs n = scanNeeds(scenario);
    return !n.v121.empty() ? "1.21" : !n.v120.empty() ? "1.20" : "1.19";
}

GoExport exportGo(const Scenario& scenario, const SimulationResult& result, const GoExportOptions& options)
{
    GoExport out;
    const Needs needs = scanNeeds(scenario);
    out.programGoVersion = minimumGoVersion(scenario);
    out.goDirective = options.withTest ? "1.25" : out.programGoVersion;
    const std::string module = options.module.empty() ? moduleName(scenario) : options.module;

    std::string why = !needs.v121.empty() ? " (" + needs.v121 + ")" : !needs.v120.empty() ? " (" + needs.v120 + ")" : "";
    std::string mod = "// The program needs Go " + out.programGoVersion + " or newer" + why + ".\n";
    if (options.withTest)
        mod += "// go 1.25: scenario_test.go uses testing/synctest, stable since Go 1.25.\n";
    mod += "module " + module + "\n\ngo " + out.goDirective + "\n";
    out.files.push_back({"go.mod", std::move(mod)});

    // Facts Go leaves to a race are compared against their sets of values (go_races.cpp), and
    // run() lasts until the latest outcome's end; only when that exploration was bounded do
    // the 1ns probes (go_race_probe.cpp) skip facts too.
    std::optional<gox::RaceSets> races;
    if (options.withTest)
        races = gox::raceSets(scenario, result, &out.notes);
    out.files.push_back({"main.go", gox::mainGo(scenario, result, out.programGoVersion, module, &out,
                                                races ? races->latestEnd : result.endTime)});
    std::function<bool(const std::vector<Step>&)> anyUndeferred = [&](const std::vector<Step>& steps) {
        for (const Step& st : steps) {
            if (st.op == StepOp::Derive && !st.deferCancel)
                return true;
            for (const TaskSpec& t : st.spawn)
                if (anyUndeferred(t.steps))
                    return true;
            for (const AfterFuncSpec& a : st.afterFunc)
                if (anyUndeferred(a.steps))
                    return true;
        }
        return false;
    };
    for (const TaskSpec& t : scenario.tasks)
        out.mayReportLostCancel = out.mayReportLostCancel || anyUndeferred(t.steps);
    for (const AfterFuncSpec& a : scenario.afterFuncs)
        out.mayReportLostCancel = out.mayReportLostCancel || anyUndeferred(a.steps);

    if (options.withTest) {
        const gox::RaceSkips skips = races->complete ? gox::RaceSkips{} : gox::findRaces(scenario, result, &out.notes);
        out.factsLeftToRaces = skips.count();
        out.factsRaced = races->count();
        out.files.push_back({"scenario_test.go", gox::testGo(scenario, result, skips, *races, &out)});
    }
    return out;
}

namespace gox {
int (*writeGoExportFault)(std::string_view step) = nullptr;
} // namespace gox

namespace {

namespace fs = std::filesystem;

// The names a Go export may write: whatever else is in the directory is the user's and is kept.
bool ownedName(const std::string& name)
{
    return name == "go.mod" || name == "main.go" || name == "scenario_test.go";
}

struct Failure {
    std::string* error;
    bool operator()(const std::string& message) const
    {
        if (error)
            *error = message;
        return false;
    }
    bool errnoFailure(const std::string& what, int err) const { return (*this)(what + ": " + std::strerror(err)); }
};

// step runs one system call of the write, unless a test makes it fail (gox::writeGoExportFault).
bool step(std::string_view name)
{
    if (const int err = gox::writeGoExportFault ? gox::writeGoExportFault(name) : 0) {
        errno = err;
        return false;
    }
    return true;
}

bool writeNewFile(const fs::path& path, const std::string& text, mode_t mode)
{
    if (!step("write " + path.filename().string()))
        return false;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        return false;
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            errno = err;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        errno = err;
        return false;
    }
    return ::close(fd) == 0;
}

void syncDir(const fs::path& dir)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

// A fresh, empty directory beside target: ".NAME.TAG-XXXXXX".
bool makeTempDir(const fs::path& target, const char* tag, fs::path* out)
{
    std::string name = target.filename().string(); // ".NAME.TAG-XXXXXX", appended piece by piece:
    name.insert(name.begin(), '.');                 // GCC 12 warns (-Wrestrict) on "." + string
    name.append(".").append(tag).append("-XXXXXX");
    std::string pattern = (target.parent_path() / name).string();
    if (!step(std::string("mkdtemp ") + tag) || !::mkdtemp(pattern.data()))
        return false;
    *out = pattern;
    return true;
}

} // namespace

// The module is built whole in a temporary directory beside the target and then swapped in,
// so a reader (or a crash, a full disk) sees the old module or the new one, never a mix:
//   - no target: the temporary directory is renamed to it;
//   - a directory: the two are exchanged in one step (renameat2 RENAME_EXCHANGE; where the file
//     system cannot, target -> .NAME.old-*, temporary -> target, put back on failure). The
//     user's own files in it (anything but go.mod, main.go, scenario_test.go) are hard-linked
//     into the new module before the swap, or moved over after it when they cannot be
//     (directories); the old module's files are then deleted. The directory keeps its mode
//     (and owner where allowed), not its extended attributes;
//   - the current or the home directory: an error (the swap would leave a shell inside it in a
//     deleted directory);
//   - anything else (a file): an error, nothing written.
// A failure before the swap removes the temporary directory and leaves the target as it was.
bool writeGoExport(const GoExport& module, const std::string& dir, std::string* error)
{
    const Failure fail{error};
    if (dir.empty())
        return fail("no directory given");
    for (const GoFile& f : module.files)
        if (f.path.empty() || f.path == "." || f.path == ".." || f.path.find('/') != std::string::npos)
            return fail("cannot write " + f.path + ": not a plain file name");

    std::error_code ec;
    fs::path target = fs::absolute(fs::path(dir), ec).lexically_normal();
    if (ec)
        return fail(ec.message());
    if (!target.has_filename())
        target = target.parent_path(); // "out/" -> "out"
    if (target == target.root_path())
        return fail("cannot replace the root directory");

    struct stat st {};
    bool exists = ::lstat(target.c_str(), &st) == 0;
    if (!exists && errno != ENOENT)
        return fail.errnoFailure("cannot look at " + target.string(), errno);
    if (exists && S_ISLNK(st.st_mode)) { // swap the directory the link points to, keep the link
        target = fs::canonical(target, ec);
        if (ec)
            return fail("cannot follow the link " + dir + ": " + ec.message());
        exists = ::lstat(target.c_str(), &st) == 0;
    }
    if (exists && !S_ISDIR(st.st_mode))
        return fail("it exists and is not a directory: the Go module needs a directory of its own");
    // The swap gives the target a new inode: a process inside the old one (a shell that ran
    // `export-go ... -o .`) would be left in a deleted directory, and the home directory is
    // nobody's module.
    if (exists) {
        struct stat here {};
        if (::stat(".", &here) == 0 && here.st_dev == st.st_dev && here.st_ino == st.st_ino)
            return fail("it is the current directory, which the export would replace with a new one: export into "
                        "another directory (-o NAME makes NAME here)");
        const char* home = std::getenv("HOME");
        struct stat homeSt {};
        if (home && *home && ::stat(home, &homeSt) == 0 && homeSt.st_dev == st.st_dev && homeSt.st_ino == st.st_ino)
            return fail("it is the home directory, which the export would replace with a new one: export into a "
                        "directory of its own");
    }
    fs::create_directories(target.parent_path(), ec);
    if (ec)
        return fail("cannot create " + target.parent_path().string() + ": " + ec.message());

    const mode_t mask = ::umask(0);
    ::umask(mask);
    const mode_t dirMode = exists ? (st.st_mode & 07777) : (0777 & ~mask);

    fs::path temp;
    if (!makeTempDir(target, "new", &temp))
        return fail.errnoFailure("cannot create a temporary directory beside " + target.string(), errno);
    auto abandon = [&](const std::string& message) {
        std::error_code ignored;
        fs::remove_all(temp, ignored);
        return fail(message);
    };
    if (!step("chmod") || ::chmod(temp.c_str(), dirMode) != 0)
        return abandon(std::string("cannot set the mode of ") + temp.string() + ": " + std::strerror(errno));
    if (exists && (st.st_uid != ::geteuid() || st.st_gid != ::getegid()))
        (void)::chown(temp.c_str(), st.st_uid, st.st_gid); // keep the owner where we may (root); best effort
    for (const GoFile& f : module.files)
        if (!writeNewFile(temp / f.path, f.text, 0666 & ~mask))
            return abandon("cannot write " + f.path + ": " + std::strerror(errno));

    // The user's files (and links, FIFOs, ...): the same inodes in the new module, nothing is
    // copied. Directories cannot be hard-linked: they, and whatever link() refuses, are moved
    // over after the swap.
    std::vector<std::string> toMove;
    if (exists) {
        for (fs::directory_iterator it(target, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (ownedName(name))
                continue;
            std::error_code typeEc;
            const bool directory = it->symlink_status(typeEc).type() == fs::file_type::directory;
            if (!directory && step("link " + name) && ::link(it->path().c_str(), (temp / name).c_str()) == 0)
                continue; // link(2) does not follow a symbolic link: the link itself is kept
            toMove.push_back(name);
        }
        if (ec)
            return abandon("cannot list " + target.string() + ": " + ec.message());
    }
    syncDir(temp);

    // The swap.
    fs::path old; // where the old directory is after the swap
    if (!exists) {
        if (!step("rename") || ::rename(temp.c_str(), target.c_str()) != 0)
            return abandon("cannot rename " + temp.string() + " to " + target.string() + ": " + std::strerror(errno));
    } else if (step("exchange") && ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
        old = temp;
    } else if (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP) {
        // No RENAME_EXCHANGE here: two renames, the old module kept aside until the new one is in.
        if (!makeTempDir(target, "old", &old))
            return abandon(std::string("cannot create a temporary directory: ") + std::strerror(errno));
        if (!step("rename old") || ::rename(target.c_str(), old.c_str()) != 0) {
            const int err = errno;
            ::rmdir(old.c_str());
            return abandon("cannot move " + target.string() + " aside: " + std::strerror(err));
        }
        if (!step("rename new") || ::rename(temp.c_str(), target.c_str()) != 0) {
            const int err = errno;
            (void)::rename(old.c_str(), target.c_str()); // put the old module back
            return abandon("cannot rename " + temp.string() + " to " + target.string() + ": " + std::strerror(err));
        }
    } else {
        return abandon("cannot swap " + temp.string() + " with " + target.string() + ": " + std::strerror(errno));
    }
    syncDir(target.parent_path());
    if (old.empty())
        return true;

    // After the swap: bring over what could not be linked, then delete the old module.
    std::string left;
    for (const std::string& name : toMove)
        if (!step("move " + name) || ::rename((old / name).c_str(), (target / name).c_str()) != 0)
            left += (left.empty() ? "" : ", ") + name;
    if (!left.empty())
        return fail("the module was written, but " + left + " could not be moved back into it: still in " + old.string());
    syncDir(target);
    fs::remove_all(old, ec);
    if (ec)
        return fail("the module was written, but the old one could not be removed: " + old.string() + ": " + ec.message());
    return true;
}

} // namespace ctxscope
