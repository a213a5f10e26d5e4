// POSIX implementation: mkstemp beside the target, write, fsync, rename, fsync the directory.
// The temporary file gets the target's name plus a random suffix, so a crash leaves at worst a
// stray ".NAME.XXXXXX" file, never a truncated target.
#include "ctxscope/formats/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ctxscope {

namespace {

std::string describeErrno(const std::string& what, const std::string& path, int err)
{
    return what + " " + path + ": " + std::strerror(err);
}

void setError(std::string* error, std::string message)
{
    if (error)
        *error = std::move(message);
}

// "64 MiB" for the usual limits, an exact byte count otherwise.
std::string sizeText(std::size_t bytes)
{
    constexpr std::size_t kMiB = 1024u * 1024u;
    if (bytes >= kMiB && bytes % kMiB == 0)
        return std::to_string(bytes / kMiB) + " MiB";
    return std::to_string(bytes) + " bytes";
}

bool writeAll(int fd, std::string_view data)
{
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

bool writeFileAtomically(const std::string& path, std::string_view contents, std::string* error)
{
    return writeFileAtomicallyStreamed(path, [&](const ChunkWriter& write) { write(contents); }, error);
}

bool writeFileAtomicallyStreamed(const std::string& path, const std::function<void(const ChunkWriter&)>& produce,
                                 std::string* error)
{
    // Every chunk goes through writeAll; the first failure keeps its errno and ends the writing.
    int fd = -1;
    bool writeOk = true;
    int writeErrno = 0;
    const ChunkWriter writeChunk = [&](std::string_view chunk) {
        if (!writeOk || chunk.empty())
            return;
        if (!writeAll(fd, chunk)) {
            writeOk = false;
            writeErrno = errno;
        }
    };
    if (path.empty()) {
        setError(error, "cannot write a file with an empty name");
        return false;
    }
    const std::size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    if (base.empty()) {
        setError(error, "cannot write " + path + ": the name is a directory");
        return false;
    }
    // A target that exists and is not a regular file (/dev/null, /dev/stdout, a FIFO) cannot be
    // replaced, only written to: renaming over it would replace the device node itself.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            setError(error, "cannot write " + path + ": it is a directory");
            return false;
        }
        fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) {
            setError(error, describeErrno("cannot open", path, errno));
            return false;
        }
        try {
            produce(writeChunk);
        } catch (...) {
            ::close(fd);
            throw;
        }
        ::close(fd);
        if (!writeOk)
            setError(error, describeErrno("cannot write", path, writeErrno));
        return writeOk;
    }
    std::string tmp = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + "." + base + ".XXXXXX";
    fd = ::mkstemp(tmp.data());
    if (fd < 0) {
        setError(error, describeErrno("cannot create a temporary file in", dir, errno));
        return false;
    }
    // mkstemp makes the file 0600; give it the usual mode for a document.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    (void)::fchmod(fd, 0666 & ~mask);

    auto abandon = [&](const std::string& what) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        setError(error, describeErrno(what, path, err));
        return false;
    };
    try {
        produce(writeChunk);
    } catch (...) {
        ::close(fd);
        ::unlink(tmp.c_str());
        throw;
    }
    if (!writeOk) {
        errno = writeErrno;
        return abandon("cannot write");
    }
    if (::fsync(fd) != 0)
        return abandon("cannot flush");
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        setError(error, describeErrno("cannot write", path, err));
        return false;
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        setError(error, describeErrno("cannot replace", path, err));
        return false;
    }
    // Make the rename itself durable; failure here does not undo a completed write.
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        (void)::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

bool readFile(const std::string& path, std::string* contents, std::string* error, std::size_t maxBytes)
{
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) {
        setError(error, describeErrno("cannot open", path, errno));
        return false;
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        setError(error, "cannot read " + path + ": it is a directory");
        return false;
    }
    std::string data;
    std::size_t filled = 0; // bytes of data read so far
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if (static_cast<std::uint64_t>(st.st_size) > maxBytes) {
            ::close(fd);
            setError(error, "cannot read " + path + ": the file is larger than " + sizeText(maxBytes));
            return false;
        }
        // A regular file is read straight into its final place (a scenario can be 64 MiB):
        // no copy through a buffer.
        data.resize(static_cast<std::size_t>(st.st_size));
        while (filled < data.size()) {
            const ssize_t n = ::read(fd, data.data() + filled, data.size() - filled);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break; // an error is reported by the loop below, which reads again
            filled += static_cast<std::size_t>(n);
        }
        data.resize(filled);
    }
    // Read until EOF whatever fstat said: pipes and /proc files report no size, and a file
    // may have grown since.
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            setError(error, describeErrno("cannot read", path, err));
            return false;
        }
        if (n == 0)
            break;
        if (data.size() + static_cast<std::size_t>(n) > maxBytes) {
            ::close(fd);
            setError(error, "cannot read " + path + ": the file is larger than " + sizeText(maxBytes));
            return false;
        }
        data.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    if (contents)
        *contents = std::move(data);
    return true;
}

} // namespace ctxscope
