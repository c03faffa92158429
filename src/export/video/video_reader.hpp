// The plugin's decoder, for checking what was written; see export/video_api.hpp.
#pragma once
#include "export/video_api.hpp"

namespace briefmap::video {

Result<VideoProbe> probeVideo(const std::string& path);
Status decodeVideoFrames(const std::string& path, const FrameVisitor& visit);

}  // namespace briefmap::video
