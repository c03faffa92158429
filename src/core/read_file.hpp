// Reads a whole file into memory with one clear error line ("PATH: no such file") when it cannot.
#pragma once
#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace briefmap {

// Refuses anything that is not a regular file or is larger than maxBytes (checked before reading).
Result<std::string> readWholeFile(const std::string& path, size_t maxBytes);

}  // namespace briefmap
