// PNG encoding built for speed on maps: per row the "Sub" or "Up" filter, and Intel ISA-L's deflate
// (level 2; ~4x zlib's fastest Z_RLE on rendered maps, at the same size or smaller) run on several
// threads over bands of rows, pigz-style. Each band filters a few rows at a time into a small buffer
// that stays in cache and streams them through deflate, and becomes its own IDAT chunk: the image is
// never copied whole (a 4K frame is 33 MB, and first-touching that much fresh memory costs more than
// deflating it on these machines).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace briefmap::render {

// 8-bit pixels as they lie in memory: RGB or RGBA (alpha is dropped: maps are opaque), top row first
// or, as glReadPixels returns them, bottom row first.
struct PixelRows {
    const uint8_t* data = nullptr;
    int width = 0, height = 0;
    int channels = 3;
    bool bottomUp = false;
    const uint8_t* row(int y) const {
        const int stored = bottomUp ? height - 1 - y : y;
        return data + static_cast<size_t>(stored) * static_cast<size_t>(width) * static_cast<size_t>(channels);
    }
};

// A PNG file as consecutive byte runs (signature and header, one IDAT chunk per band, the stream's
// checksum and the end): written with one gathered write.
struct EncodedPng {
    struct Part {
        std::unique_ptr<uint8_t[]> bytes;  // not value-initialised: only what deflate writes is touched
        size_t size = 0;
    };
    std::vector<Part> parts;
    size_t size() const;
    std::vector<uint8_t> joined() const;
};

// Encodes into PNG (8-bit RGB). `threads` 0: one per core (at most 8). encodePng: empty on failure.
Result<EncodedPng> encodePngParts(const PixelRows& pixels, unsigned threads = 0);
std::vector<uint8_t> encodePng(const PixelRows& pixels, unsigned threads = 0);

// Encodes and writes atomically (temporary file + rename).
Status writePng(const std::string& path, const PixelRows& pixels);

}  // namespace briefmap::render
