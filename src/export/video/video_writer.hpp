// The plugin's encoder (libavcodec/libavformat/libavfilter/libswscale); see export/video_api.hpp.
#pragma once
#include "export/video_api.hpp"

namespace briefmap::video {

Result<std::unique_ptr<VideoWriter>> openVideoWriter(const std::string& path, const VideoSettings& settings);

}  // namespace briefmap::video
