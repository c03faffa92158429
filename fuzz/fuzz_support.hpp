// Shared by the libFuzzer harnesses: the gazetteer loaded once per process (every harness that
// geocodes uses the real one), and inputs written to a private tmpfs file for the readers that take
// a path.
#pragma once
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "geo/geocoder.hpp"

namespace briefmap::fuzz {

inline const geo::Geocoder& geocoder() {
    static const geo::Gazetteer gazetteer = [] {
        Result<geo::Gazetteer> g = geo::Gazetteer::load(geo::Gazetteer::defaultPath());
        if (!g) {
            std::fprintf(stderr, "fuzz: %s\n", g.error().message.c_str());
            std::abort();
        }
        return std::move(*g);
    }();
    static const geo::Geocoder geocoder(gazetteer);
    return geocoder;
}

// Writes the input to /dev/shm/briefmap-fuzz-PID/NAME (tmpfs: no disk wear at thousands of runs a second).
inline std::string writeInput(const std::string& name, const uint8_t* data, size_t size) {
    static const std::string dir = [] {
        std::string d = "/dev/shm/briefmap-fuzz-" + std::to_string(getpid());
        std::string command = "mkdir -p " + d;
        if (std::system(command.c_str()) != 0) std::abort();
        return d;
    }();
    const std::string path = dir + "/" + name;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) std::abort();
    if (size) std::fwrite(data, 1, size, f);
    std::fclose(f);
    return path;
}

inline std::string_view text(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

}  // namespace briefmap::fuzz
