// The PNG encoder as it was before the streaming one (render/png_writer.cpp at 69b15b2), kept so that
// `briefmap-bench png` measures the new one against it side by side on the same machine and image:
// bands filtered whole into a buffer, deflated, then joined into one stream and one file image.
// GCC 12 warns (falsely) on vector::insert of the constant signature array once this is inlined here.
#pragma GCC diagnostic ignored "-Wstringop-overflow"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <thread>
#include <vector>

#include "render/png_writer.hpp"

namespace briefmap::bench {

namespace {

void put32(std::vector<uint8_t>& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

void chunk(std::vector<uint8_t>& out, const char type[4], const uint8_t* data, size_t size) {
    put32(out, static_cast<uint32_t>(size));
    const size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    if (size) out.insert(out.end(), data, data + size);
    put32(out, static_cast<uint32_t>(crc32(0, out.data() + start, static_cast<uInt>(size + 4))));
}

struct Band {
    int firstRow = 0, rows = 0;
    std::vector<uint8_t> deflated;
    uLong adler = 1;
    size_t filteredSize = 0;
};

// Filters rows [firstRow, firstRow + rows) with "Up" (dropping alpha) and deflates them.
void encodeBand(const render::PixelRows& pixels, bool last, Band& band) {
    const size_t rowBytes = static_cast<size_t>(pixels.width) * 3;
    std::vector<uint8_t> filtered((rowBytes + 1) * static_cast<size_t>(band.rows));
    for (int r = 0; r < band.rows; ++r) {
        const int y = band.firstRow + r;
        uint8_t* dst = filtered.data() + static_cast<size_t>(r) * (rowBytes + 1);
        const uint8_t* cur = pixels.row(y);
        const uint8_t* prev = y > 0 ? pixels.row(y - 1) : nullptr;
        dst[0] = prev ? 2 : 0;
        if (pixels.channels == 3) {
            if (prev)
                for (size_t i = 0; i < rowBytes; ++i) dst[1 + i] = static_cast<uint8_t>(cur[i] - prev[i]);
            else
                std::memcpy(dst + 1, cur, rowBytes);
            continue;
        }
        for (int x = 0; x < pixels.width; ++x)
            for (int c = 0; c < 3; ++c) {
                const size_t in = static_cast<size_t>(x) * 4 + static_cast<size_t>(c);
                dst[1 + static_cast<size_t>(x) * 3 + static_cast<size_t>(c)] =
                    static_cast<uint8_t>(cur[in] - (prev ? prev[in] : 0));
            }
    }
    band.filteredSize = filtered.size();
    band.adler = adler32(1, filtered.data(), static_cast<uInt>(filtered.size()));
    z_stream z{};
    deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_RLE);
    band.deflated.resize(deflateBound(&z, filtered.size()) + 16);
    z.next_in = filtered.data();
    z.avail_in = static_cast<uInt>(filtered.size());
    z.next_out = band.deflated.data();
    z.avail_out = static_cast<uInt>(band.deflated.size());
    deflate(&z, last ? Z_FINISH : Z_SYNC_FLUSH);
    band.deflated.resize(band.deflated.size() - z.avail_out);
    deflateEnd(&z);
}

}  // namespace

std::vector<uint8_t> encodePngBaseline(const render::PixelRows& pixels, unsigned threads) {
    const int width = pixels.width, height = pixels.height;
    if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    // Threads only pay off for big images; each band keeps at least 64 rows.
    const int bands = std::max(1, std::min(static_cast<int>(threads), height / 64));
    std::vector<Band> parts(static_cast<size_t>(bands));
    for (int b = 0; b < bands; ++b) {
        parts[b].firstRow = height * b / bands;
        parts[b].rows = height * (b + 1) / bands - parts[b].firstRow;
    }
    std::vector<std::thread> workers;
    for (int b = 1; b < bands; ++b)
        workers.emplace_back(encodeBand, std::cref(pixels), b == bands - 1, std::ref(parts[static_cast<size_t>(b)]));
    encodeBand(pixels, bands == 1, parts[0]);
    for (std::thread& t : workers) t.join();

    size_t total = 2 + 4;
    for (const Band& b : parts) total += b.deflated.size();
    std::vector<uint8_t> zlibStream;
    zlibStream.reserve(total);
    zlibStream.push_back(0x78);  // deflate, 32K window
    zlibStream.push_back(0x01);  // fastest-level hint, header check bits
    uLong adler = parts[0].adler;
    for (size_t b = 0; b < parts.size(); ++b) {
        zlibStream.insert(zlibStream.end(), parts[b].deflated.begin(), parts[b].deflated.end());
        if (b > 0) adler = adler32_combine(adler, parts[b].adler, static_cast<z_off_t>(parts[b].filteredSize));
    }
    put32(zlibStream, static_cast<uint32_t>(adler));

    std::vector<uint8_t> png;
    png.reserve(zlibStream.size() + 64);
    const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    png.insert(png.end(), signature, signature + 8);
    const auto w = static_cast<uint32_t>(width), h = static_cast<uint32_t>(height);
    const uint8_t ihdr[13] = {uint8_t(w >> 24), uint8_t(w >> 16), uint8_t(w >> 8), uint8_t(w),
                              uint8_t(h >> 24), uint8_t(h >> 16), uint8_t(h >> 8), uint8_t(h),
                              8, 2, 0, 0, 0};  // 8-bit RGB, deflate, adaptive filtering, no interlace
    chunk(png, "IHDR", ihdr, sizeof ihdr);
    chunk(png, "IDAT", zlibStream.data(), zlibStream.size());
    chunk(png, "IEND", nullptr, 0);
    return png;
}

}  // namespace briefmap::bench
