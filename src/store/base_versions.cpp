// One small JSON file per (briefing file, store, briefing name).
#include "store/base_versions.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

#include "core/atomic_file.hpp"
#include "core/read_file.hpp"
#include "store/store_rows.hpp"

namespace briefmap::store {

namespace {
std::string stateFile(const std::string& file, const StoreAddress& address, const std::string& briefing) {
    std::filesystem::path dir;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) dir = state;
    else if (const char* home = std::getenv("HOME"); home && *home) dir = std::filesystem::path(home) / ".local" / "state";
    else dir = std::filesystem::temp_directory_path();
    std::error_code ec;
    const std::string absolute = std::filesystem::weakly_canonical(std::filesystem::absolute(file, ec), ec).string();
    return (dir / "briefmap" / "store" / (digestOf(absolute + '\n' + address.conninfo + '\n' + briefing) + ".json")).string();
}
}  // namespace

BaseVersions loadBaseVersions(const std::string& file, const StoreAddress& address, const std::string& briefing) {
    BaseVersions out;
    Result<std::string> text = readWholeFile(stateFile(file, address, briefing), 512u << 20);
    if (!text) return out;
    const nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_object()) return out;
    if (auto h = j.find("head"); h != j.end() && h->is_number_integer()) out.head = h->get<int>();
    if (auto e = j.find("events"); e != j.end() && e->is_object())
        for (const auto& [id, v] : e->items())
            if (v.is_number_integer()) out.events[id] = v.get<int>();
    return out;
}

Status saveBaseVersions(const std::string& file, const StoreAddress& address, const std::string& briefing,
                        const BaseVersions& versions) {
    nlohmann::json j;
    j["file"] = file;
    j["store"] = address.shown;
    j["briefing"] = briefing;
    j["head"] = versions.head;
    j["events"] = nlohmann::json::object();
    for (const auto& [id, v] : versions.events) j["events"][id] = v;
    const std::string path = stateFile(file, address, briefing);
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    const std::string text = j.dump();
    return writeFileAtomically(path, {reinterpret_cast<const unsigned char*>(text.data()), text.size()});
}

}  // namespace briefmap::store
