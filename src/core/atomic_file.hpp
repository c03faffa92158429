// Writes a whole file or nothing: a temporary file in the same folder, then rename. A writer killed
// at any moment leaves the old file or the new one, and at worst a temporary that the next write to
// the same path removes (the temporary is locked while it is written, so only a dead writer's is).
#pragma once
#include <span>
#include <string>

#include "core/result.hpp"

namespace briefmap {

Status writeFileAtomically(const std::string& path, std::span<const unsigned char> bytes);

// Whether `path` can take an output file, checked before any work starts: refused when it is empty,
// a directory, a symlink or another non-regular file, or when its folder is missing or not writable.
// Also removes temporaries that a killed writer left beside it. The error names the path.
Status checkOutputPath(const std::string& path);

// Removes `path.tmp-XXXXXX` files beside `path` that no live writer holds; returns how many.
int removeStrayTemporaries(const std::string& path);

}  // namespace briefmap
