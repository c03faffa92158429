// Atomic file replacement with mkstemp + rename; the temporary is removed on every failure.
#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace briefmap {

Status writeFileAtomically(const std::string& path, std::span<const unsigned char> bytes) {
    if (path.empty()) return Error{"output path is empty"};
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return Error{path + ": is a directory"};
    std::string pattern = path + ".tmp-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = mkstemp(name.data());
    if (fd < 0) return Error{path + ": cannot write: " + std::strerror(errno)};
    const std::string tmp(name.data());
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
    if (::close(fd) != 0 || std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmp.c_str());
        return Error{path + ": cannot write: " + why};
    }
    return Done{};
}

}  // namespace briefmap
