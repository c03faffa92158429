// The video plugin's entry point: the table of what it offers (export/video_api.hpp).
#include "export/video/video_reader.hpp"
#include "export/video/video_writer.hpp"

extern "C" __attribute__((visibility("default"))) const briefmap::video::VideoApi* briefmap_video_api_v1() {
    static const briefmap::video::VideoApi api{1, briefmap::video::openVideoWriter, briefmap::video::probeVideo,
                                                briefmap::video::decodeVideoFrames};
    return &api;
}
