// Atomic file replacement with mkstemp + rename; the temporary is removed on every failure and is
// flock()ed while written, so that a later writer can tell a dead writer's leftover from a live one.
#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace briefmap {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTempInfix = ".tmp-";
constexpr size_t kTempSuffixLength = 6;  // mkstemp's XXXXXX

fs::path folderOf(const std::string& path) {
    const fs::path dir = fs::path(path).parent_path();
    return dir.empty() ? fs::path(".") : dir;
}

}  // namespace

int removeStrayTemporaries(const std::string& path) {
    const std::string prefix = fs::path(path).filename().string() + kTempInfix;
    std::error_code ec;
    fs::directory_iterator it(folderOf(path), ec);
    if (ec) return 0;
    int removed = 0;
    for (const fs::directory_entry& entry : it) {
        const std::string name = entry.path().filename().string();
        if (name.size() != prefix.size() + kTempSuffixLength || name.compare(0, prefix.size(), prefix) != 0) continue;
        if (!entry.is_regular_file(ec) || entry.is_symlink(ec)) continue;
        const int fd = ::open(entry.path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) continue;
        // A live writer holds its temporary locked; a killed one's lock went with it.
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::unlink(entry.path().c_str()) == 0) ++removed;
        ::close(fd);
    }
    return removed;
}

Status checkOutputPath(const std::string& path) {
    if (path.empty()) return Error{"output path is empty"};
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(path, ec);
    if (fs::is_symlink(st)) return Error{path + ": is a symlink; write to the file it names instead"};
    if (fs::is_directory(st)) return Error{path + ": is a directory"};
    if (fs::exists(st) && !fs::is_regular_file(st)) return Error{path + ": is not a regular file"};
    const fs::path dir = folderOf(path);
    if (!fs::is_directory(dir, ec)) return Error{path + ": folder '" + dir.string() + "' does not exist"};
    if (::access(dir.c_str(), W_OK) != 0) return Error{path + ": folder '" + dir.string() + "' is not writable"};
    removeStrayTemporaries(path);
    return Done{};
}

Status writeFileAtomically(const std::string& path, std::span<const unsigned char> bytes) {
    if (Status ok = checkOutputPath(path); !ok) return ok;
    std::string pattern = path + kTempInfix + "XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) return Error{path + ": cannot write: " + std::strerror(errno)};
    const std::string tmp(name.data());
    ::flock(fd, LOCK_EX);
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return Error{path + ": write failed: " + why};
        }
        written += static_cast<size_t>(n);
    }
    fchmod(fd, 0644);
    // Renamed while still locked, so that no cleanup can take the file between close and rename.
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        ::unlink(tmp.c_str());
        return Error{path + ": cannot write: " + why};
    }
    if (::close(fd) != 0) return Error{path + ": cannot write: " + std::strerror(errno)};
    return Done{};
}

}  // namespace briefmap
