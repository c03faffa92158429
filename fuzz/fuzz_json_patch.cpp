// Saving as a patch of the file's own text (model/json_text_patch): any JSON text, a change derived
// from the input (members removed, changed and added, elements appended and dropped), and the
// patched text must parse to exactly the changed value. Text that is not JSON is refused, never
// crashes.
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <string>

#include "model/json_text_patch.hpp"

namespace {

using Json = nlohmann::ordered_json;

// A deterministic change of `v` steered by the input's bytes.
void mutate(Json& v, const uint8_t* data, size_t size, size_t& at, int depth) {
    const auto next = [&] { return size ? data[at++ % size] : 0; };
    if (depth > 6) return;
    if (v.is_object()) {
        std::vector<std::string> keys;
        for (auto it = v.begin(); it != v.end(); ++it) keys.push_back(it.key());
        for (const std::string& k : keys) {
            const int op = next() % 5;
            if (op == 0) v.erase(k);
            else if (op == 1) v[k] = "changed";
            else if (op == 2) mutate(v[k], data, size, at, depth + 1);
        }
        if (next() % 3 == 0) v["added" + std::to_string(next())] = Json::array({1, "two", Json::object({{"x", 3}})});
    } else if (v.is_array()) {
        for (auto& e : v)
            if (next() % 3 == 0) mutate(e, data, size, at, depth + 1);
        if (!v.empty() && next() % 4 == 0) v.erase(v.size() - 1);
        if (next() % 3 == 0) v.push_back(Json::object({{"id", "new" + std::to_string(next())}, {"v", 1}}));
    } else if (next() % 2 == 0) {
        v = 42;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    Json base;
    try {
        base = Json::parse(text);
    } catch (const nlohmann::json::exception&) {
        (void)briefmap::model::patchJsonText(text, Json::object(), Json::object());  // must not crash
        return 0;
    }
    Json mine = base;
    size_t at = 0;
    mutate(mine, data, size, at, 0);
    const std::optional<std::string> patched = briefmap::model::patchJsonText(text, base, mine);
    if (!patched) return 0;  // deeper than the scanner goes: the caller writes afresh
    const nlohmann::json got = nlohmann::json::parse(*patched), want = nlohmann::json::parse(mine.dump());
    if (got != want) std::abort();  // a patch that says something else than the edit
    return 0;
}
