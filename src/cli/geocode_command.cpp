// `briefmap geocode`: names → JSON, one object per name, or JSON lines in and out with --jsonl.
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "geo/geocoder.hpp"

namespace briefmap::cli {

namespace {

constexpr const char* kUsage =
    "usage: briefmap geocode [--context TEXT] [--country ISO2] [--top K] [--gazetteer FILE] NAME...\n"
    "       briefmap geocode --jsonl [--top K] < queries.jsonl   (lines: {\"query\": ..., \"context\": ...|null})";

int usageError(const std::string& message) {
    std::fprintf(stderr, "briefmap geocode: %s\n%s\n", message.c_str(), kUsage);
    return kExitUsage;
}

nlohmann::json placeJson(const geo::Gazetteer& gaz, uint32_t index) {
    const geo::PlaceRecord& p = gaz.place(index);
    nlohmann::json j;
    j["name"] = std::string(gaz.placeName(index));
    j["lat"] = std::round(static_cast<double>(p.lat) * 1e5) / 1e5;
    j["lon"] = std::round(static_cast<double>(p.lon) * 1e5) / 1e5;
    j["kind"] = std::string(geo::placeKindName(p.kind));
    const std::string country(p.country, 2);
    j["country"] = country == "  " ? nlohmann::json(nullptr) : nlohmann::json(country);
    j["admin1"] = p.admin1At ? nlohmann::json(std::string(gaz.text(p.admin1At))) : nlohmann::json(nullptr);
    if (p.sourceAt) j["source"] = std::string(gaz.text(p.sourceAt));
    if (p.nativeAt) j["native"] = std::string(gaz.nativeName(index));
    return j;
}

nlohmann::json resultJson(const geo::Gazetteer& gaz, const geo::GeocodeResult& r) {
    nlohmann::json j;
    j["query"] = r.query;
    if (r.tooLong) {
        j["query"] = r.query + "…";
        j["error"] = "not found: longer than " + std::to_string(geo::kMaxQueryBytes) + " bytes, the limit of a place name";
        return j;
    }
    if (!r.best) {
        j["error"] = "not found";
        j["suggestions"] = r.suggestions;
        return j;
    }
    nlohmann::json best = placeJson(gaz, r.best->place);
    for (auto it = best.begin(); it != best.end(); ++it) j[it.key()] = it.value();
    j["confidence"] = std::round(r.confidence * 1000) / 1000;
    nlohmann::json candidates = nlohmann::json::array();
    for (const geo::GeocodeCandidate& c : r.runnersUp) {
        nlohmann::json cj = placeJson(gaz, c.place);
        cj["score"] = std::round(c.score * 100) / 100;
        candidates.push_back(std::move(cj));
    }
    j["candidates"] = std::move(candidates);
    return j;
}

std::optional<std::string> parseCountry(const std::string& s) {
    if (s.size() != 2 || !std::isalpha(static_cast<unsigned char>(s[0])) || !std::isalpha(static_cast<unsigned char>(s[1])))
        return std::nullopt;
    return std::string{static_cast<char>(std::toupper(s[0])), static_cast<char>(std::toupper(s[1]))};
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

int runGeocode(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--context", "--country", "--top", "--gazetteer"}, {"--jsonl", "--help"});
    if (!flags) return usageError(flags.error().message);
    if (flags->has("--help")) {
        std::printf("%s\n", kUsage);
        return kExitOk;
    }
    int top = 5;
    if (auto t = flags->get("--top")) {
        char* end = nullptr;
        const long v = std::strtol(t->c_str(), &end, 10);
        if (t->empty() || *end || v < 0 || v > 100) return usageError("--top: expected 0..100, got '" + *t + "'");
        top = static_cast<int>(v);
    }
    std::string country;
    if (auto c = flags->get("--country")) {
        std::optional<std::string> parsed = parseCountry(*c);
        if (!parsed) return usageError("--country: expected an ISO 3166-1 alpha-2 code like RU, got '" + *c + "'");
        country = *parsed;
    }
    const bool jsonl = flags->has("--jsonl");
    if (jsonl && !flags->positional().empty()) return usageError("--jsonl reads names from standard input, not arguments");
    if (!jsonl && flags->positional().empty()) return usageError("no place name given");

    const std::string path = flags->get("--gazetteer").value_or(geo::Gazetteer::defaultPath());
    Result<geo::Gazetteer> gaz = geo::Gazetteer::load(path);
    if (!gaz) {
        std::fprintf(stderr, "briefmap geocode: %s\n", gaz.error().message.c_str());
        return kExitFailure;
    }
    const geo::Geocoder geocoder(gaz.value());

    if (!jsonl) {
        const geo::GeocodeContext context = geocoder.analyzeContext(flags->get("--context").value_or(""));
        for (const std::string& name : flags->positional())
            std::printf("%s\n", dump(resultJson(gaz.value(), geocoder.geocode(name, context, country, top))).c_str());
        return kExitOk;
    }
    std::string line;
    size_t lineNo = 0;
    while (std::getline(std::cin, line)) {
        ++lineNo;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json out;
        try {
            const nlohmann::json in = nlohmann::json::parse(line);
            if (!in.is_object() || !in.contains("query") || !in["query"].is_string())
                throw std::runtime_error("expected an object with a string \"query\"");
            std::string context, hint = country;
            if (in.contains("context") && in["context"].is_string()) context = in["context"].get<std::string>();
            else if (in.contains("context") && !in["context"].is_null())
                throw std::runtime_error("\"context\" must be a string or null");
            if (in.contains("country") && in["country"].is_string()) {
                std::optional<std::string> parsed = parseCountry(in["country"].get<std::string>());
                if (!parsed) throw std::runtime_error("\"country\" must be an ISO 3166-1 alpha-2 code");
                hint = *parsed;
            }
            const std::string query = in["query"].get<std::string>();
            out = resultJson(gaz.value(), geocoder.geocode(query, geocoder.analyzeContext(context), hint, top));
        } catch (const std::exception& e) {
            out = {{"line", lineNo}, {"error", std::string("stdin:") + std::to_string(lineNo) + ": " + e.what()}};
        }
        std::printf("%s\n", dump(out).c_str());
    }
    return kExitOk;
}

}  // namespace briefmap::cli
