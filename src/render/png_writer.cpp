// One zlib stream assembled from independently deflated bands: every band but the last ends with a
// sync flush (byte-aligned, not final), so the raw deflate streams concatenate into a valid one; the
// Adler-32 of the whole comes from adler32_combine. PNG lets the stream be cut into IDAT chunks
// anywhere, so each band is its own chunk (its CRC computed on its own thread).
#include "render/png_writer.hpp"

#include <isa-l.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <span>
#include <thread>

#include "core/atomic_file.hpp"

namespace briefmap::render {

namespace {

void store32(uint8_t* at, uint32_t v) {
    at[0] = static_cast<uint8_t>(v >> 24);
    at[1] = static_cast<uint8_t>(v >> 16);
    at[2] = static_cast<uint8_t>(v >> 8);
    at[3] = static_cast<uint8_t>(v);
}

// A whole chunk (length, type, data, CRC) around `size` data bytes already at part.bytes + 8.
void sealChunk(EncodedPng::Part& part, const char type[4], size_t size) {
    store32(part.bytes.get(), static_cast<uint32_t>(size));
    std::memcpy(part.bytes.get() + 4, type, 4);
    store32(part.bytes.get() + 8 + size, crc32_gzip_refl(0, part.bytes.get() + 4, size + 4));
    part.size = size + 12;
}

EncodedPng::Part chunk(const char type[4], const uint8_t* data, size_t size) {
    EncodedPng::Part part{std::make_unique<uint8_t[]>(size + 12), 0};
    if (size) std::memcpy(part.bytes.get() + 8, data, size);
    sealChunk(part, type, size);
    return part;
}

struct Band {
    int firstRow = 0, rows = 0;
    bool first = false, last = false;
    EncodedPng::Part chunk;
    uint32_t adler = 1;
    size_t filteredSize = 0;
    bool ok = false;
};

// Row y as packed RGB (alpha dropped); the row above the image is zeros, as the PNG filters define it.
void packRow(const PixelRows& pixels, int y, uint8_t* out) {
    const size_t rowBytes = static_cast<size_t>(pixels.width) * 3;
    if (y < 0) {
        std::memset(out, 0, rowBytes);
        return;
    }
    const uint8_t* in = pixels.row(y);
    if (pixels.channels == 3) {
        std::memcpy(out, in, rowBytes);
        return;
    }
    for (int x = 0; x < pixels.width; ++x, in += 4, out += 3) out[0] = in[0], out[1] = in[1], out[2] = in[2];
}

// |v| of a filtered byte read as signed: the usual estimate of how well a row will compress.
inline uint32_t magnitude(uint8_t v) { return std::min<uint8_t>(v, static_cast<uint8_t>(-v)); }

// Filters one row (`cur`, with `prev` above it) into dst: a filter byte, then the row filtered by
// "Up" or "Sub", whichever has the smaller sum of magnitudes (the PNG book's heuristic, between the
// two filters that pay on maps: Up for flat areas and horizontal edges, Sub for busy line work;
// Paeth costs three times as much to compute for ~1% less).
void filterRow(const uint8_t* cur, const uint8_t* prev, size_t rowBytes, uint8_t* dst, uint8_t* sub) {
    uint32_t upSum = 0, subSum = 0;
    for (size_t i = 0; i < rowBytes; ++i) {
        const auto v = static_cast<uint8_t>(cur[i] - prev[i]);
        dst[1 + i] = v;
        upSum += magnitude(v);
    }
    for (size_t i = 0; i < 3 && i < rowBytes; ++i) {
        sub[i] = cur[i];
        subSum += magnitude(cur[i]);
    }
    for (size_t i = 3; i < rowBytes; ++i) {
        const auto v = static_cast<uint8_t>(cur[i] - cur[i - 3]);
        sub[i] = v;
        subSum += magnitude(v);
    }
    dst[0] = 2;
    if (subSum < upSum) {
        dst[0] = 1;
        std::memcpy(dst + 1, sub, rowBytes);
    }
}

// Filters and deflates rows [firstRow, firstRow + rows) a few at a time into one IDAT chunk.
void encodeBand(const PixelRows& pixels, Band& band) {
    constexpr int kRowsPerStep = 8;  // ~90 KB at 4K: stays in L2 between filtering and deflating
    const size_t rowBytes = static_cast<size_t>(pixels.width) * 3, stride = rowBytes + 1;
    std::vector<uint8_t> filtered(stride * kRowsPerStep), rowsRgb(rowBytes * 2), sub(rowBytes);
    std::vector<uint8_t> levelBuffer(ISAL_DEF_LVL2_DEFAULT);
    isal_zstream z;
    isal_deflate_init(&z);
    z.level = 2;
    z.level_buf = levelBuffer.data();
    z.level_buf_size = static_cast<uint32_t>(levelBuffer.size());
    z.gzip_flag = IGZIP_DEFLATE;  // raw deflate: the zlib header and trailer are ours
    band.filteredSize = stride * static_cast<size_t>(band.rows);
    const size_t header = band.first ? 2 : 0;
    // Deflate never grows data by more than its stored-block overhead; the reserve is virtual memory
    // until written.
    const size_t bound = band.filteredSize + band.filteredSize / 8 + 4096 + header;
    band.chunk.bytes.reset(new uint8_t[bound + 12]);  // uninitialised: pages are touched as deflate fills them
    uint8_t* data = band.chunk.bytes.get() + 8;
    if (band.first) {
        data[0] = 0x78;  // deflate, 32K window
        data[1] = 0x01;  // fastest-level hint, header check bits
    }
    z.next_out = data + header;
    z.avail_out = static_cast<uint32_t>(bound - header);
    uint8_t* prev = rowsRgb.data();
    uint8_t* cur = rowsRgb.data() + rowBytes;
    packRow(pixels, band.firstRow - 1, prev);
    for (int done = 0; done < band.rows;) {
        const int rows = std::min(kRowsPerStep, band.rows - done);
        for (int r = 0; r < rows; ++r) {
            packRow(pixels, band.firstRow + done + r, cur);
            filterRow(cur, prev, rowBytes, filtered.data() + stride * static_cast<size_t>(r), sub.data());
            std::swap(prev, cur);
        }
        const size_t bytes = stride * static_cast<size_t>(rows);
        band.adler = isal_adler32(band.adler, filtered.data(), bytes);
        done += rows;
        z.next_in = filtered.data();
        z.avail_in = static_cast<uint32_t>(bytes);
        z.end_of_stream = done == band.rows && band.last;
        z.flush = done == band.rows && !band.last ? SYNC_FLUSH : NO_FLUSH;
        if (isal_deflate(&z) != COMP_OK || z.avail_in != 0) return;  // band.ok stays false
    }
    sealChunk(band.chunk, "IDAT", bound - z.avail_out);
    band.ok = true;
}

}  // namespace

size_t EncodedPng::size() const {
    size_t total = 0;
    for (const Part& p : parts) total += p.size;
    return total;
}

std::vector<uint8_t> EncodedPng::joined() const {
    std::vector<uint8_t> out;
    out.reserve(size());
    for (const Part& p : parts) out.insert(out.end(), p.bytes.get(), p.bytes.get() + p.size);
    return out;
}

Result<EncodedPng> encodePngParts(const PixelRows& pixels, unsigned threads) {
    const int width = pixels.width, height = pixels.height;
    if (threads == 0) threads = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    // Threads only pay off for big images; each band keeps at least 64 rows.
    const int bands = std::max(1, std::min(static_cast<int>(threads), height / 64));
    std::vector<Band> parts(static_cast<size_t>(bands));
    for (int b = 0; b < bands; ++b) {
        parts[b].firstRow = height * b / bands;
        parts[b].rows = height * (b + 1) / bands - parts[b].firstRow;
        parts[b].first = b == 0;
        parts[b].last = b == bands - 1;
    }
    std::vector<std::thread> workers;
    for (int b = 1; b < bands; ++b) workers.emplace_back(encodeBand, std::cref(pixels), std::ref(parts[static_cast<size_t>(b)]));
    encodeBand(pixels, parts[0]);
    for (std::thread& t : workers) t.join();
    for (const Band& b : parts)
        if (!b.ok) return Error{"PNG encoding failed (deflate ran out of room)"};

    EncodedPng png;
    png.parts.reserve(static_cast<size_t>(bands) + 3);
    EncodedPng::Part head{std::make_unique<uint8_t[]>(8 + 25), 0};
    const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::memcpy(head.bytes.get(), signature, 8);
    const auto w = static_cast<uint32_t>(width), h = static_cast<uint32_t>(height);
    const uint8_t ihdr[13] = {uint8_t(w >> 24), uint8_t(w >> 16), uint8_t(w >> 8), uint8_t(w),
                              uint8_t(h >> 24), uint8_t(h >> 16), uint8_t(h >> 8), uint8_t(h),
                              8, 2, 0, 0, 0};  // 8-bit RGB, deflate, adaptive filtering, no interlace
    const EncodedPng::Part ihdrChunk = chunk("IHDR", ihdr, sizeof ihdr);
    std::memcpy(head.bytes.get() + 8, ihdrChunk.bytes.get(), ihdrChunk.size);
    head.size = 8 + ihdrChunk.size;
    png.parts.push_back(std::move(head));
    uLong adler = parts[0].adler;
    for (size_t b = 0; b < parts.size(); ++b) {
        if (b > 0) adler = adler32_combine(adler, parts[b].adler, static_cast<z_off_t>(parts[b].filteredSize));  // zlib's: ISA-L has no combine
        png.parts.push_back(std::move(parts[b].chunk));
    }
    uint8_t checksum[4];
    store32(checksum, static_cast<uint32_t>(adler));
    png.parts.push_back(chunk("IDAT", checksum, 4));  // the zlib stream's trailer, in its own chunk
    png.parts.push_back(chunk("IEND", nullptr, 0));
    return png;
}

std::vector<uint8_t> encodePng(const PixelRows& pixels, unsigned threads) {
    Result<EncodedPng> png = encodePngParts(pixels, threads);
    return png ? png->joined() : std::vector<uint8_t>{};
}

Status writePng(const std::string& path, const PixelRows& pixels) {
    const Result<EncodedPng> png = encodePngParts(pixels);
    if (!png) return Error{path + ": " + png.error().message};
    std::vector<std::span<const unsigned char>> pieces;
    for (const EncodedPng::Part& p : png->parts) pieces.emplace_back(p.bytes.get(), p.size);
    return writeFileAtomically(path, pieces);
}

}  // namespace briefmap::render
