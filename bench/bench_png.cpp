// briefmap-bench png: PNG encoding of real 4K renders (the seed map, and the stress scene of 100,000
// events and 10,000 flows, a worst case for compression), the encoder against the one it replaced
// (png_baseline.cpp), side by side on the same pixels: encode plus atomic write, median of 7 each,
// alternating. In one process freed memory is reused, so this measures the encoders, not the cost of
// first-touching fresh memory that a one-off `export` also pays (see `export --timing`).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "bench_support.hpp"
#include "core/atomic_file.hpp"
#include "model/synthetic_briefing.hpp"
#include "render/png_writer.hpp"
#include "stb_image.h"

namespace briefmap::bench {

std::vector<uint8_t> encodePngBaseline(const render::PixelRows& pixels, unsigned threads);

namespace {

struct Compared {
    double newMs = 0, oldMs = 0;
    size_t newBytes = 0, oldBytes = 0;
    bool identicalPixels = false;
};

std::vector<uint8_t> decodeRgb(const std::string& path, int& w, int& h) {
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &w, &h, &channels, 3);
    if (!data) return {};
    std::vector<uint8_t> out(data, data + static_cast<size_t>(w) * static_cast<size_t>(h) * 3);
    stbi_image_free(data);
    return out;
}

bool compare(const std::string& source, const std::string& dir, Compared& out) {
    int w = 0, h = 0;
    const std::vector<uint8_t> rgb = decodeRgb(source, w, h);
    if (rgb.empty()) return false;
    // glReadPixels' layout: RGBA, bottom row first, as export hands it to the encoder.
    std::vector<uint8_t> rgba(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const size_t from = (static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 3;
            const size_t to = (static_cast<size_t>(h - 1 - y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 4;
            std::copy(rgb.begin() + static_cast<long>(from), rgb.begin() + static_cast<long>(from) + 3, rgba.begin() + static_cast<long>(to));
            rgba[to + 3] = 255;
        }
    const render::PixelRows rows{rgba.data(), w, h, 4, true};
    const std::string newPath = dir + "/new.png", oldPath = dir + "/old.png";
    std::vector<double> newMs, oldMs;
    for (int i = 0; i < 7; ++i) {
        auto t = std::chrono::steady_clock::now();
        if (!render::writePng(newPath, rows)) return false;
        newMs.push_back(msSince(t));
        t = std::chrono::steady_clock::now();
        const std::vector<uint8_t> png = encodePngBaseline(rows, 0);
        if (!writeFileAtomically(oldPath, png)) return false;
        oldMs.push_back(msSince(t));
    }
    out.newMs = median(newMs);
    out.oldMs = median(oldMs);
    out.newBytes = std::filesystem::file_size(newPath);
    out.oldBytes = std::filesystem::file_size(oldPath);
    int w2 = 0, h2 = 0;
    out.identicalPixels = decodeRgb(newPath, w2, h2) == rgb;
    return true;
}

}  // namespace

int benchPng() {
    const std::string dir = (std::filesystem::temp_directory_path() / ("briefmap-bench-png-" + std::to_string(getpid()))).string();
    std::filesystem::create_directories(dir);
    const Result<std::string> stress = model::writeSyntheticBriefing(dir, {});
    const std::string exe = siblingBinary("briefmap");
    const std::string seedPng = dir + "/seed.png", stressPng = dir + "/stress.png";
    Compared seed, busy;
    const bool ok = stress && runChild({exe, "export", "--size", "3840x2160", "--out", seedPng}) >= 0 &&
                    runChild({exe, "export", "--data", *stress, "--size", "3840x2160", "--out", stressPng}) >= 0 &&
                    compare(seedPng, dir, seed) && compare(stressPng, dir, busy);
    std::filesystem::remove_all(dir);
    if (!ok) {
        std::fprintf(stderr, "briefmap-bench png: could not render or encode the test images\n");
        return 1;
    }
    const auto print = [](const char* name, const Compared& c) {
        std::printf("\"%s\": {\"encode_write_ms\": %.1f, \"baseline_ms\": %.1f, \"speedup\": %.2f, \"bytes\": %zu, "
                    "\"baseline_bytes\": %zu, \"identical_pixels\": %s}",
                    name, c.newMs, c.oldMs, c.oldMs / c.newMs, c.newBytes, c.oldBytes, c.identicalPixels ? "true" : "false");
    };
    std::printf("{\"bench\": \"png\", \"size\": \"3840x2160\", ");
    print("seed", seed);
    std::printf(", ");
    print("stress", busy);
    std::printf("}\n");
    return 0;
}

}  // namespace briefmap::bench
