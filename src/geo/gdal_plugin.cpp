// Opens libbriefmap_gdal.so on first use (core/plugin_loader).
#include "geo/gdal_plugin.hpp"

#include <mutex>
#include <optional>

#include "core/plugin_loader.hpp"

namespace briefmap::geo {

Result<const GdalApi*> gdalApi() {
    static std::once_flag once;
    static std::optional<Result<const GdalApi*>> loaded;
    std::call_once(once, [] {
        const PluginSpec spec{"libbriefmap_gdal.so", "BRIEFMAP_GDAL_PLUGIN", BRIEFMAP_GDAL_PLUGIN_PATH, "briefmap_gdal_api_v2",
                              "GDAL support"};
        Result<void*> entry = openPlugin(spec);
        if (!entry) loaded.emplace(entry.error());
        else loaded.emplace(reinterpret_cast<const GdalApi* (*)()>(*entry)());  // GDAL keeps global state: never closed
    });
    return *loaded;
}

}  // namespace briefmap::geo
