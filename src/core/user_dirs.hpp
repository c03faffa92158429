// Per-user folders (XDG base directories) for what briefmap keeps between runs.
#pragma once
#include <filesystem>

namespace briefmap {

// $XDG_CACHE_HOME/briefmap, else ~/.cache/briefmap, else the temporary folder's briefmap/:
// anything here can be deleted at any time and is rebuilt.
std::filesystem::path userCacheDir();

}  // namespace briefmap
