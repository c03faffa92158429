#include "model/json_fields.hpp"

#include <algorithm>
#include <cmath>

namespace briefmap::model {

using nlohmann::json;

void JsonFields::problem(const std::string& path, std::string message, size_t line, size_t column) {
    m_out.push_back({{}, line, column, path, std::move(message)});
}

std::string JsonFields::join(const std::string& path, const char* key) {
    return path.empty() ? std::string(key) : path + "." + key;
}

std::string JsonFields::join(const std::string& path, size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

const char* JsonFields::typeName(const json& v) {
    switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "a value";
    }
}

bool JsonFields::object(const json& v, const std::string& path, std::initializer_list<std::string_view> allowed) {
    if (!v.is_object()) {
        problem(path, std::string("expected an object, got ") + typeName(v));
        return false;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string_view key = it.key();
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        if (key.starts_with("note") || key.starts_with("x-")) continue;
        std::string list;
        for (std::string_view a : allowed) (list += list.empty() ? "" : ", ") += a;
        problem(join(path, std::string(key).c_str()), "unknown key '" + std::string(key) + "'; expected one of " + list);
    }
    return true;
}

std::vector<std::pair<std::string, std::string>> JsonFields::extras(const json& obj) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!obj.is_object()) return out;
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (it.key().starts_with("note") || it.key().starts_with("x-"))
            out.emplace_back(it.key(), it->dump(-1, ' ', false, json::error_handler_t::replace));
    return out;
}

const json* JsonFields::member(const json& obj, const std::string& path, const char* key, json::value_t type,
                               bool required) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) problem(join(path, key), "missing");
        return nullptr;
    }
    const bool numberWanted = type == json::value_t::number_float;
    if (numberWanted ? !it->is_number() : it->type() != type) {
        const json probe = numberWanted ? json(0.0) : json(type);
        problem(join(path, key), std::string("expected ") + typeName(probe) + ", got " + typeName(*it));
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> JsonFields::string(const json& obj, const std::string& path, const char* key,
                                              bool required) {
    const json* v = member(obj, path, key, json::value_t::string, required);
    if (!v) return std::nullopt;
    const std::string& s = v->get_ref<const std::string&>();
    if (s.size() > kMaxStringBytes) {
        problem(join(path, key), "a string of " + std::to_string(s.size()) + " bytes; the limit is " +
                                     std::to_string(kMaxStringBytes));
        return std::nullopt;
    }
    return s;
}

std::optional<double> JsonFields::number(const json& obj, const std::string& path, const char* key,
                                         bool required) {
    const json* v = member(obj, path, key, json::value_t::number_float, required);
    if (!v) return std::nullopt;
    const double d = v->get<double>();
    if (!std::isfinite(d)) {
        problem(join(path, key), "not a finite number");
        return std::nullopt;
    }
    return d;
}

std::vector<std::string> JsonFields::strings(const json& obj, const std::string& path, const char* key) {
    std::vector<std::string> out;
    const auto it = obj.find(key);
    if (it == obj.end()) return out;
    if (it->is_string()) {
        out.push_back(it->get<std::string>());
        return out;
    }
    if (!it->is_array()) {
        problem(join(path, key), std::string("expected a string or an array of strings, got ") + typeName(*it));
        return out;
    }
    for (size_t i = 0; i < it->size(); ++i) {
        const json& s = (*it)[i];
        if (s.is_string()) out.push_back(s.get<std::string>());
        else problem(join(join(path, key), i), std::string("expected a string, got ") + typeName(s));
    }
    return out;
}

}  // namespace briefmap::model
