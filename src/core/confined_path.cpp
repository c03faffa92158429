#include "core/confined_path.hpp"

#include <algorithm>

namespace briefmap {

namespace fs = std::filesystem;

bool isInsideFolder(const fs::path& file, const fs::path& folder) {
    std::error_code ec;
    const fs::path f = fs::weakly_canonical(fs::absolute(file, ec), ec);
    if (ec) return false;
    const fs::path d = fs::weakly_canonical(fs::absolute(folder, ec), ec);
    if (ec) return false;
    // Component by component: "/data/briefing2" is not inside "/data/briefing".
    auto fi = f.begin();
    for (auto di = d.begin(); di != d.end(); ++di, ++fi) {
        if (di->empty() && std::next(di) == d.end()) break;  // a trailing separator
        if (fi == f.end() || *fi != *di) return false;
    }
    return true;
}

Result<std::string> confinedPath(const std::string& file, const std::vector<std::string>& folders) {
    if (std::any_of(folders.begin(), folders.end(), [&](const std::string& d) { return isInsideFolder(file, d); }))
        return file;
    return Error{"'" + file + "' is outside the briefing's folder" +
                 (folders.empty() ? std::string() : " (" + folders.front() + ")") +
                 "; articles are read only from there or from a folder named with --article-root"};
}

}  // namespace briefmap
