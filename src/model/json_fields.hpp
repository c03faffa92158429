// Typed access to the members of parsed JSON objects, recording one problem per wrong or missing
// field with its JSON path: shared by the briefing and GeoJSON readers.
#pragma once
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"

namespace briefmap::model {

// No briefing string (a title, a summary, a quote, a note) is longer than this: a bigger one is a
// broken or hostile file, refused with one line rather than carried into every panel and export.
inline constexpr size_t kMaxStringBytes = 64u << 10;

class JsonFields {
public:
    explicit JsonFields(Diagnostics& out) : m_out(out) {}

    void problem(const std::string& path, std::string message, size_t line = 0, size_t column = 0);
    size_t problemCount() const { return m_out.size(); }

    static std::string join(const std::string& path, const char* key);
    static std::string join(const std::string& path, size_t index);
    static const char* typeName(const nlohmann::json& v);

    // Checks that `v` is an object whose keys are all in `allowed` (keys starting "note" or "x-" are
    // always allowed: they carry remarks and extensions).
    bool object(const nlohmann::json& v, const std::string& path, std::initializer_list<std::string_view> allowed);

    // The member, checked for type; nullptr (and a problem when `required`) when absent or mistyped.
    const nlohmann::json* member(const nlohmann::json& obj, const std::string& path, const char* key,
                                 nlohmann::json::value_t type, bool required);
    std::optional<std::string> string(const nlohmann::json& obj, const std::string& path, const char* key,
                                      bool required);
    std::optional<double> number(const nlohmann::json& obj, const std::string& path, const char* key,
                                 bool required);
    // The object's remarks and extensions ("note…" and "x-…" keys) as key and JSON text.
    static std::vector<std::pair<std::string, std::string>> extras(const nlohmann::json& obj);
    // A string or an array of strings.
    std::vector<std::string> strings(const nlohmann::json& obj, const std::string& path, const char* key);

private:
    Diagnostics& m_out;
};

}  // namespace briefmap::model
