// Opens libbriefmap_video.so on first use (core/plugin_loader).
#include "export/video_api.hpp"

#include <algorithm>
#include <filesystem>
#include <mutex>

#include "core/plugin_loader.hpp"

namespace briefmap::video {

std::optional<VideoFormat> videoFormatOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".mp4") return VideoFormat::Mp4;
    if (ext == ".webm") return VideoFormat::WebM;
    if (ext == ".gif") return VideoFormat::Gif;
    return std::nullopt;
}

const char* videoFormatName(VideoFormat f) {
    switch (f) {
        case VideoFormat::Mp4: return "mp4";
        case VideoFormat::WebM: return "webm";
        case VideoFormat::Gif: return "gif";
    }
    return "?";
}

Result<const VideoApi*> videoApi() {
    static std::once_flag once;
    static std::optional<Result<const VideoApi*>> loaded;
    std::call_once(once, [] {
        const PluginSpec spec{"libbriefmap_video.so", "BRIEFMAP_VIDEO_PLUGIN", BRIEFMAP_VIDEO_PLUGIN_PATH,
                              "briefmap_video_api_v1", "video support"};
        Result<void*> entry = openPlugin(spec);
        if (!entry) loaded.emplace(entry.error());
        else loaded.emplace(reinterpret_cast<const VideoApi* (*)()>(*entry)());
    });
    return *loaded;
}

}  // namespace briefmap::video
