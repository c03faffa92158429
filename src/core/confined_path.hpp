// Where untrusted paths may lead. A briefing names its article files; those must stay inside the
// briefing's folder tree or a folder the user named on the command line, so that a crafted
// "../../../../etc/passwd" (or a symlink out of the tree) is refused before it is opened, and its
// content is never searched, printed or shown.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace briefmap {

// Whether `file` lies inside `folder` once both are made absolute and every symlink and `..` on the
// way is resolved (std::filesystem::weakly_canonical); a folder counts as inside itself.
bool isInsideFolder(const std::filesystem::path& file, const std::filesystem::path& folder);

// `file` when it lies inside one of `folders`; otherwise an error naming it and the first folder.
Result<std::string> confinedPath(const std::string& file, const std::vector<std::string>& folders);

}  // namespace briefmap
