// Writes a whole file or nothing: a temporary file in the same folder, then rename.
#pragma once
#include <span>
#include <string>

#include "core/result.hpp"

namespace briefmap {

Status writeFileAtomically(const std::string& path, std::span<const unsigned char> bytes);

}  // namespace briefmap
