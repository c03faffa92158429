// Video files through FFmpeg's libraries, loaded when needed: the code that talks to libavcodec,
// libavformat, libavfilter and libswscale lives in a plugin (libbriefmap_video.so, built from
// src/export/video/) opened on first use: linking them made every command load ~170 more libraries.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace briefmap::video {

enum class VideoFormat { Mp4, WebM, Gif };

// By the output's extension (.mp4, .webm, .gif; any case).
std::optional<VideoFormat> videoFormatOf(const std::string& path);
const char* videoFormatName(VideoFormat f);  // "mp4", "webm", "gif"

struct VideoSettings {
    VideoFormat format = VideoFormat::Mp4;
    int width = 1280, height = 720;
    int fps = 30;
    int threads = 0;  // encoder threads; 0: as many as the encoder likes
};

// Frames are RGBA, 4 bytes a pixel, rows `width * 4` bytes apart, bottom row first when `bottomUp`
// (OpenGL's readback order). No allocation per frame.
class VideoWriter {
public:
    virtual ~VideoWriter() = default;
    // A GIF's one palette is built from sample frames given before the first frame.
    virtual bool wantsPaletteSamples() const = 0;
    virtual Status addPaletteSample(const uint8_t* rgba, bool bottomUp) = 0;
    virtual Status addFrame(const uint8_t* rgba, bool bottomUp) = 0;
    // Flushes the encoder and writes the trailer; the file at `path` is then complete.
    virtual Status finish() = 0;
};

struct VideoProbe {
    std::string container;  // libavformat's name ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "gif")
    std::string codec;      // "h264", "vp9", "gif"
    int width = 0, height = 0;
    int frames = 0;            // counted by decoding
    double durationSeconds = 0;
    double fps = 0;            // the stream's frame rate
};

// Called with each decoded frame as RGB (3 bytes a pixel, top row first); return false to stop.
using FrameVisitor = std::function<bool(int index, const uint8_t* rgb, int width, int height)>;

struct VideoApi {
    int version = 1;
    // Writes to `path` (the caller makes it a temporary and renames it when finish() succeeds).
    Result<std::unique_ptr<VideoWriter>> (*openWriter)(const std::string& path, const VideoSettings& settings);
    Result<VideoProbe> (*probe)(const std::string& path);
    Status (*decodeFrames)(const std::string& path, const FrameVisitor& visit);
};

Result<const VideoApi*> videoApi();

}  // namespace briefmap::video
