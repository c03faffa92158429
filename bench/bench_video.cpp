// briefmap-bench video: frames rendered and encoded per second by `briefmap export --video` on the
// seed briefing (the same program a presenter runs), at 1280x720 and 1920x1080, for MP4 and GIF.
// The figure is the export's own frame loop (every frame rendered offscreen, read back, converted
// and encoded, the encoder working on another thread); the wall time includes start-up and loading.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench_support.hpp"

namespace briefmap::bench {

int benchVideo() {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "briefmap-bench-video";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string briefmap = siblingBinary("briefmap");
    std::printf("{\"bench\":\"video\",\"seconds_of_video\":4,\"results\":[");
    bool first = true;
    int failures = 0;
    for (const char* format : {"mp4", "gif"})
        for (const char* size : {"1280x720", "1920x1080"}) {
            const std::string out = (dir / (std::string("bench-") + size + "." + format)).string();
            std::string output;
            const double wallMs = runChild({briefmap, "export", "--video", out, "--size", size, "--duration", "4", "--fps", "30"}, &output);
            // "... 120 frames at 30 fps (4.00 s), ... in 6.1 s (19.7 frames/s)"
            double loopSeconds = 0, fps = 0;
            const size_t in = output.rfind(", in ");
            if (wallMs < 0 || in == std::string::npos || std::sscanf(output.c_str() + in, ", in %lf s (%lf frames/s)", &loopSeconds, &fps) != 2) {
                ++failures;
                continue;
            }
            std::printf("%s{\"format\":\"%s\",\"size\":\"%s\",\"frames\":120,\"frames_per_s\":%.1f,\"loop_s\":%.2f,\"wall_s\":%.2f,"
                        "\"bytes\":%ju,\"real_time_ratio\":%.2f}",
                        first ? "" : ",", format, size, fps, loopSeconds, wallMs / 1000, static_cast<uintmax_t>(std::filesystem::file_size(out)),
                        fps / 30.0);
            first = false;
        }
    std::printf("]}\n");
    std::filesystem::remove_all(dir);
    return failures ? 1 : 0;
}

}  // namespace briefmap::bench
