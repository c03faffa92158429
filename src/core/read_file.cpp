// Whole-file reads with the size checked first, so a huge or special file is refused, not read.
#include "core/read_file.hpp"

#include <filesystem>
#include <fstream>

namespace briefmap {

Result<std::string> readWholeFile(const std::string& path, size_t maxBytes) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Error{path + ": no such file"};
    if (!std::filesystem::is_regular_file(path, ec)) return Error{path + ": not a regular file"};
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return Error{path + ": cannot read: " + ec.message()};
    if (size > maxBytes)
        return Error{path + ": " + std::to_string(size >> 20) + " MiB is over the limit of " +
                     std::to_string(maxBytes >> 20) + " MiB"};
    std::string text(size, '\0');
    std::ifstream in(path, std::ios::binary);
    if (!in || !in.read(text.data(), static_cast<std::streamsize>(size))) return Error{path + ": cannot read"};
    return text;
}

}  // namespace briefmap
