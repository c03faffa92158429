#include "core/plugin_loader.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace briefmap {

Result<void*> openPlugin(const PluginSpec& spec) {
    std::vector<std::string> paths;
    if (const char* env = std::getenv(spec.envVar); env && *env) paths.emplace_back(env);
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        paths.push_back((self.parent_path() / spec.fileName).string());
        paths.push_back((self.parent_path().parent_path() / spec.fileName).string());  // tests/ beside the program
    }
    paths.emplace_back(spec.buildPath);
    std::string why;
    for (const std::string& path : paths) {
        if (!std::filesystem::exists(path, ec)) continue;
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            why = dlerror();
            continue;
        }
        if (void* entry = dlsym(handle, spec.entryPoint)) return entry;
        why = path + ": not a briefmap plugin (no " + spec.entryPoint + ")";
    }
    return Error{"cannot load " + std::string(spec.description) + " (" + spec.fileName + ")" +
                 (why.empty() ? ": not found" : ": " + why)};
}

}  // namespace briefmap
