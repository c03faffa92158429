// PNG encoding with libdeflate: RGB, "Up" filter, fast compression, chosen for 4K in well under 0.5 s.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace briefmap::render {

// Encodes top-down RGB pixels into PNG bytes. Level 1..12 (libdeflate); 1 is ~10x faster than stb.
std::vector<uint8_t> encodePng(const uint8_t* rgb, int width, int height, int level = 2);

// Encodes and writes atomically (temporary file + rename).
Status writePng(const std::string& path, const uint8_t* rgb, int width, int height);

}  // namespace briefmap::render
