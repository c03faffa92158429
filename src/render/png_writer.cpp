// PNG container around one zlib stream from libdeflate (CRC32 from libdeflate too).
#include "render/png_writer.hpp"

#include <libdeflate.h>

#include <cstring>

#include "core/atomic_file.hpp"

namespace briefmap::render {

namespace {

void put32(std::vector<uint8_t>& out, uint32_t v) {
    out.insert(out.end(), {uint8_t(v >> 24), uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)});
}

void chunk(std::vector<uint8_t>& out, const char type[4], const uint8_t* data, size_t size) {
    put32(out, static_cast<uint32_t>(size));
    const size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    if (size) out.insert(out.end(), data, data + size);
    put32(out, libdeflate_crc32(0, out.data() + start, size + 4));
}

}  // namespace

std::vector<uint8_t> encodePng(const uint8_t* rgb, int width, int height, int level) {
    const size_t row = static_cast<size_t>(width) * 3;
    // Filter "Up" on every row but the first: map images are mostly flat fills and horizontal
    // structure, which Up turns into long runs of zeros that deflate at its fastest levels.
    std::vector<uint8_t> filtered((row + 1) * static_cast<size_t>(height));
    for (int y = 0; y < height; ++y) {
        uint8_t* dst = filtered.data() + static_cast<size_t>(y) * (row + 1);
        const uint8_t* cur = rgb + static_cast<size_t>(y) * row;
        if (y == 0) {
            dst[0] = 0;
            std::memcpy(dst + 1, cur, row);
            continue;
        }
        const uint8_t* prev = cur - row;
        dst[0] = 2;
        for (size_t i = 0; i < row; ++i) dst[1 + i] = static_cast<uint8_t>(cur[i] - prev[i]);
    }
    libdeflate_compressor* c = libdeflate_alloc_compressor(level);
    std::vector<uint8_t> zlib(libdeflate_zlib_compress_bound(c, filtered.size()));
    const size_t zsize = libdeflate_zlib_compress(c, filtered.data(), filtered.size(), zlib.data(), zlib.size());
    libdeflate_free_compressor(c);

    std::vector<uint8_t> png;
    png.reserve(zsize + 128);
    const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    png.insert(png.end(), signature, signature + 8);
    uint8_t ihdr[13];
    const auto w = static_cast<uint32_t>(width), h = static_cast<uint32_t>(height);
    const uint8_t header[13] = {uint8_t(w >> 24), uint8_t(w >> 16), uint8_t(w >> 8), uint8_t(w),
                                uint8_t(h >> 24), uint8_t(h >> 16), uint8_t(h >> 8), uint8_t(h),
                                8, 2, 0, 0, 0};  // 8-bit RGB, deflate, adaptive filtering, no interlace
    std::memcpy(ihdr, header, sizeof ihdr);
    chunk(png, "IHDR", ihdr, sizeof ihdr);
    chunk(png, "IDAT", zlib.data(), zsize);
    chunk(png, "IEND", nullptr, 0);
    return png;
}

Status writePng(const std::string& path, const uint8_t* rgb, int width, int height) {
    const std::vector<uint8_t> png = encodePng(rgb, width, height);
    return writeFileAtomically(path, png);
}

}  // namespace briefmap::render
