// Opens one of briefmap's plugins (a shared library holding the code that talks to a library with a
// long tail of dependencies: GDAL, FFmpeg) on first use, so that commands which never need it start
// without loading it. Looks in $ENV_VAR, beside the executable, one folder up (tests/), then the
// build tree's path.
#pragma once
#include <string>

#include "core/result.hpp"

namespace briefmap {

struct PluginSpec {
    const char* fileName;     // "libbriefmap_video.so"
    const char* envVar;       // "BRIEFMAP_VIDEO_PLUGIN"
    const char* buildPath;    // where the build tree puts it
    const char* entryPoint;   // the exported function returning the API table
    const char* description;  // "video support"
};

// The entry point's address; the library stays loaded for the process.
Result<void*> openPlugin(const PluginSpec& spec);

}  // namespace briefmap
