// Opens libbriefmap_gdal.so with dlopen on first use.
#include "geo/gdal_plugin.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>

namespace briefmap::geo {

namespace {

constexpr const char* kPluginName = "libbriefmap_gdal.so";

std::vector<std::string> candidatePaths() {
    std::vector<std::string> paths;
    if (const char* env = std::getenv("BRIEFMAP_GDAL_PLUGIN"); env && *env) paths.emplace_back(env);
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        paths.push_back((self.parent_path() / kPluginName).string());
        paths.push_back((self.parent_path().parent_path() / kPluginName).string());  // tests/ beside the program
    }
    paths.emplace_back(BRIEFMAP_GDAL_PLUGIN_PATH);
    return paths;
}

Result<const GdalApi*> open() {
    std::string why;
    for (const std::string& path : candidatePaths()) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) continue;
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            why = dlerror();
            continue;
        }
        using Entry = const GdalApi* (*)();
        const auto entry = reinterpret_cast<Entry>(dlsym(handle, "briefmap_gdal_api_v2"));
        if (!entry) {
            why = path + ": not a briefmap GDAL plugin";
            continue;
        }
        return entry();  // the handle stays open for the process: GDAL keeps global state
    }
    return Error{"cannot load GDAL support (" + std::string(kPluginName) + ")" + (why.empty() ? ": not found" : ": " + why)};
}

}  // namespace

Result<const GdalApi*> gdalApi() {
    static std::once_flag once;
    static std::optional<Result<const GdalApi*>> loaded;
    std::call_once(once, [] { loaded.emplace(open()); });
    return *loaded;
}

}  // namespace briefmap::geo
