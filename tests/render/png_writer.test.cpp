// The PNG encoder: bands deflated on several threads must join into one valid stream that decodes to
// exactly the input, from RGB top-down and RGBA bottom-up memory alike.
#include <doctest/doctest.h>

#include <zlib.h>

#include <algorithm>
#include <random>

#include "render/png_writer.hpp"
#include "stb_image.h"

using namespace briefmap;

namespace {
std::vector<uint8_t> decode(const std::vector<uint8_t>& png, int& w, int& h) {
    int channels = 0;
    unsigned char* data = stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &w, &h, &channels, 3);
    REQUIRE(data);
    std::vector<uint8_t> out(data, data + static_cast<size_t>(w) * h * 3);
    stbi_image_free(data);
    return out;
}
}  // namespace

TEST_CASE("multi-band PNG decodes to the exact pixels") {
    const int width = 517, height = 389;  // odd sizes: bands of unequal height
    std::vector<uint8_t> rgb(static_cast<size_t>(width) * height * 3);
    std::mt19937 rng(7);
    for (size_t i = 0; i < rgb.size(); ++i)  // flat areas like a map, plus noise
        rgb[i] = (i / 3 / width) % 50 < 25 ? static_cast<uint8_t>(i % 3 * 60) : static_cast<uint8_t>(rng());
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
        int w = 0, h = 0;
        const auto pixels = decode(render::encodePng({rgb.data(), width, height, 3, false}, threads), w, h);
        CHECK(w == width);
        CHECK(h == height);
        CHECK(pixels == rgb);
    }
}

TEST_CASE("RGBA bottom-up input (glReadPixels' layout) is flipped and loses alpha") {
    const int width = 64, height = 200;
    std::vector<uint8_t> rgba(static_cast<size_t>(width) * height * 4), expected(static_cast<size_t>(width) * height * 3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const size_t stored = (static_cast<size_t>(height - 1 - y) * width + x) * 4;
            const uint8_t v[4] = {uint8_t(x * 3), uint8_t(y), uint8_t(x ^ y), 17};
            std::copy(v, v + 4, rgba.begin() + static_cast<long>(stored));
            std::copy(v, v + 3, expected.begin() + static_cast<long>((static_cast<size_t>(y) * width + x) * 3));
        }
    int w = 0, h = 0;
    CHECK(decode(render::encodePng({rgba.data(), width, height, 4, true}, 2), w, h) == expected);
}

TEST_CASE("every PNG chunk's CRC and the zlib stream's checksum hold, checked with zlib itself") {
    // stb_image ignores CRCs, and the encoder computes them with ISA-L: check them independently.
    const int width = 300, height = 260;
    std::vector<uint8_t> rgb(static_cast<size_t>(width) * height * 3);
    std::mt19937 rng(11);
    for (size_t i = 0; i < rgb.size(); ++i) rgb[i] = (i / 3 % width) < 150 ? static_cast<uint8_t>(i / 3 / width) : static_cast<uint8_t>(rng());
    const std::vector<uint8_t> png = render::encodePng({rgb.data(), width, height, 3, false}, 3);
    REQUIRE(png.size() > 8);
    std::vector<uint8_t> stream;
    int idat = 0;
    bool ended = false;
    for (size_t at = 8; at + 12 <= png.size();) {
        const uint32_t length = uint32_t(png[at]) << 24 | uint32_t(png[at + 1]) << 16 | uint32_t(png[at + 2]) << 8 | png[at + 3];
        REQUIRE(at + 12 + length <= png.size());
        const uint8_t* type = png.data() + at + 4;
        const uint32_t stored = uint32_t(type[4 + length]) << 24 | uint32_t(type[5 + length]) << 16 |
                                uint32_t(type[6 + length]) << 8 | type[7 + length];
        CHECK(crc32(0, type, length + 4) == stored);
        if (std::equal(type, type + 4, "IDAT")) {
            ++idat;
            stream.insert(stream.end(), type + 4, type + 4 + length);
        }
        ended = std::equal(type, type + 4, "IEND");
        at += 12 + length;
    }
    CHECK(ended);
    CHECK(idat >= 2);
    // zlib's inflate checks the header and the Adler-32 trailer (Z_STREAM_END only when it matches).
    std::vector<uint8_t> raw(static_cast<size_t>(width * 3 + 1) * height);
    z_stream z{};
    REQUIRE(inflateInit(&z) == Z_OK);
    z.next_in = stream.data();
    z.avail_in = static_cast<uInt>(stream.size());
    z.next_out = raw.data();
    z.avail_out = static_cast<uInt>(raw.size());
    CHECK(inflate(&z, Z_FINISH) == Z_STREAM_END);
    CHECK(z.avail_out == 0);
    inflateEnd(&z);
}
