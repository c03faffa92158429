// Atomic file replacement with mkstemp + rename; the temporary is removed on every failure and is
// flock()ed while written, so that a later writer can tell a dead writer's leftover from a live one.
#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
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

namespace {
// Removes the temporaries in `folder` named PREFIX + XXXXXX (any NAME.tmp-XXXXXX when `prefix` is
// empty) that no live writer holds.
int sweepTemporaries(const fs::path& folder, const std::string& prefix) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) return 0;
    int removed = 0;
    for (const fs::directory_entry& entry : it) {
        const std::string name = entry.path().filename().string();
        if (prefix.empty()) {
            const size_t infix = name.size() >= kTempSuffixLength + 5 ? name.size() - kTempSuffixLength - 5 : std::string::npos;
            if (infix == std::string::npos || infix == 0 || name.compare(infix, 5, kTempInfix) != 0) continue;
        } else if (name.size() != prefix.size() + kTempSuffixLength || name.compare(0, prefix.size(), prefix) != 0) {
            continue;
        }
        if (entry.is_symlink(ec)) continue;
        const bool isFolder = entry.is_directory(ec);
        if (!isFolder && !entry.is_regular_file(ec)) continue;
        const int fd = ::open(entry.path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (isFolder ? O_DIRECTORY : 0));
        if (fd < 0) continue;
        // A live writer holds its temporary locked; a killed one's lock went with it.
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            if (isFolder ? fs::remove_all(entry.path(), ec) > 0 : ::unlink(entry.path().c_str()) == 0) ++removed;
        }
        ::close(fd);
    }
    return removed;
}
}  // namespace

int removeStrayTemporaries(const std::string& path) {
    return sweepTemporaries(folderOf(path), fs::path(path).filename().string() + kTempInfix);
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

// The write itself, once the path was checked.
static Status writeChecked(const std::string& path, std::span<const std::span<const unsigned char>> pieces);

static Status writeChecked(const std::string& path, std::span<const unsigned char> bytes) {
    const std::span<const unsigned char> pieces[1] = {bytes};
    return writeChecked(path, pieces);
}

Status writeFileAtomically(const std::string& path, std::span<const unsigned char> bytes) {
    if (Status ok = checkOutputPath(path); !ok) return ok;
    return writeChecked(path, bytes);
}

Status writeFileAtomically(const std::string& path, std::span<const std::span<const unsigned char>> pieces) {
    if (Status ok = checkOutputPath(path); !ok) return ok;
    return writeChecked(path, pieces);
}

Status writeFilesAtomically(const std::vector<std::pair<std::string, std::string_view>>& files) {
    // Each folder is swept once, not once per file: thousands of articles in one folder stay linear.
    std::vector<fs::path> swept;
    for (const auto& [path, bytes] : files) {
        const fs::path folder = folderOf(path);
        if (std::find(swept.begin(), swept.end(), folder) == swept.end()) {
            sweepTemporaries(folder, "");
            swept.push_back(folder);
        }
    }
    for (const auto& [path, bytes] : files) {
        std::error_code ec;
        if (fs::is_symlink(path, ec) || (fs::exists(path, ec) && !fs::is_regular_file(path, ec)))
            return Error{path + ": not a regular file"};
        if (Status s = writeChecked(path, {reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()}); !s) return s;
    }
    return Done{};
}

static Status writeChecked(const std::string& path, std::span<const std::span<const unsigned char>> pieces) {
    std::string pattern = path + kTempInfix + "XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) return Error{path + ": cannot write: " + std::strerror(errno)};
    const std::string tmp(name.data());
    ::flock(fd, LOCK_EX);
    for (const std::span<const unsigned char> bytes : pieces) {
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

Result<TemporaryOutput> TemporaryOutput::file(const std::string& finalPath) {
    if (Status ok = checkOutputPath(finalPath); !ok) return ok.error();
    std::string pattern = finalPath + kTempInfix + "XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) return Error{finalPath + ": cannot write: " + std::strerror(errno)};
    ::flock(fd, LOCK_EX);
    fchmod(fd, 0644);
    TemporaryOutput t;
    t.m_path = name.data();
    t.m_finalPath = finalPath;
    t.m_lockFd = fd;
    return t;
}

Status checkOutputFolder(const std::string& path) {
    if (path.empty()) return Error{"output folder is empty"};
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(path, ec);
    if (fs::is_symlink(st)) return Error{path + ": is a symlink"};
    if (fs::exists(st) && !fs::is_directory(st)) return Error{path + ": exists and is not a folder"};
    if (fs::is_directory(st) && !fs::is_empty(path, ec)) return Error{path + ": folder is not empty"};
    const fs::path parent = folderOf(path);
    if (!fs::is_directory(parent, ec)) return Error{path + ": folder '" + parent.string() + "' does not exist"};
    if (::access(parent.c_str(), W_OK) != 0) return Error{path + ": folder '" + parent.string() + "' is not writable"};
    removeStrayTemporaries(path);
    return Done{};
}

Result<TemporaryOutput> TemporaryOutput::folder(const std::string& finalPath) {
    if (Status ok = checkOutputFolder(finalPath); !ok) return ok.error();
    std::string pattern = finalPath + kTempInfix + "XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    if (!mkdtemp(name.data())) return Error{finalPath + ": cannot create a folder: " + std::strerror(errno)};
    ::chmod(name.data(), 0755);
    TemporaryOutput t;
    t.m_path = name.data();
    t.m_finalPath = finalPath;
    t.m_folder = true;
    t.m_lockFd = ::open(name.data(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (t.m_lockFd >= 0) ::flock(t.m_lockFd, LOCK_EX);
    return t;
}

TemporaryOutput::TemporaryOutput(TemporaryOutput&& o) noexcept
    : m_path(std::move(o.m_path)), m_finalPath(std::move(o.m_finalPath)), m_lockFd(o.m_lockFd), m_folder(o.m_folder) {
    o.m_path.clear();
    o.m_lockFd = -1;
}

TemporaryOutput::~TemporaryOutput() {
    if (!m_path.empty()) {
        std::error_code ec;
        if (m_folder) fs::remove_all(m_path, ec);
        else ::unlink(m_path.c_str());
    }
    if (m_lockFd >= 0) ::close(m_lockFd);
}

Status TemporaryOutput::commit() {
    if (m_path.empty()) return Error{m_finalPath + ": nothing to commit"};
    std::error_code ec;
    if (m_folder && fs::is_directory(m_finalPath, ec)) fs::remove(m_finalPath, ec);  // empty, checked at the start
    if (std::rename(m_path.c_str(), m_finalPath.c_str()) != 0) return Error{m_finalPath + ": cannot write: " + std::strerror(errno)};
    m_path.clear();
    return Done{};
}

}  // namespace briefmap
