// `briefmap extract`: the places each article names, with byte offsets and what they resolve to.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "core/atomic_file.hpp"
#include "core/read_file.hpp"
#include "geo/geoparser.hpp"

namespace briefmap::cli {

namespace {

constexpr const char* kUsage =
    "usage: briefmap extract [--demonyms] [--out FILE.json] [--gazetteer FILE] FILE.txt...\n"
    "  one file: a JSON array of {start, end, text, name, lat, lon, kind, country, confidence};\n"
    "  several: {\"FILE\": [...], ...}. start/end are UTF-8 byte offsets (end exclusive).";
constexpr size_t kMaxArticleBytes = size_t{64} << 20;

int usageError(const std::string& message) {
    std::fprintf(stderr, "briefmap extract: %s\n%s\n", message.c_str(), kUsage);
    return kExitUsage;
}

double rounded(double v, double scale) { return std::round(v * scale) / scale; }

nlohmann::json mentionsJson(const geo::Gazetteer& gaz, std::string_view text, const geo::GeoparseResult& result) {
    nlohmann::json list = nlohmann::json::array();
    for (const geo::Mention& m : result.mentions) {
        const geo::PlaceRecord& p = gaz.place(m.place);
        nlohmann::json j;
        j["start"] = m.start;
        j["end"] = m.end;
        j["text"] = std::string(text.substr(m.start, m.end - m.start));
        j["name"] = std::string(gaz.placeName(m.place));
        j["lat"] = rounded(p.lat, 1e5);
        j["lon"] = rounded(p.lon, 1e5);
        j["kind"] = std::string(geo::placeKindName(p.kind));
        const std::string country(p.country, 2);
        j["country"] = country == "  " ? nlohmann::json(nullptr) : nlohmann::json(country);
        j["confidence"] = rounded(m.confidence, 1e3);
        if (m.demonym) j["demonym"] = true;
        list.push_back(std::move(j));
    }
    return list;
}

}  // namespace

int runExtract(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--out", "--gazetteer"}, {"--demonyms", "--help"});
    if (!flags) return usageError(flags.error().message);
    if (flags->has("--help")) {
        std::printf("%s\n", kUsage);
        return kExitOk;
    }
    const std::vector<std::string>& files = flags->positional();
    if (files.empty()) return usageError("no input files");
    if (auto out = flags->get("--out")) {
        if (Status ok = checkOutputPath(*out); !ok) return usageError("--out: " + ok.error().message);
    }
    // Every file is read before anything is written: a missing one leaves no partial output.
    std::vector<std::string> texts;
    for (const std::string& file : files) {
        Result<std::string> text = readWholeFile(file, kMaxArticleBytes);
        if (!text) {
            std::fprintf(stderr, "briefmap extract: %s\n", text.error().message.c_str());
            return kExitFailure;
        }
        // An empty text names no places (a batch over a folder may hold one); a binary file is no text.
        if (const size_t nul = text->find('\0'); nul != std::string::npos) {
            std::fprintf(stderr, "briefmap extract: %s: binary file (NUL byte at offset %zu), not text\n", file.c_str(), nul);
            return kExitFailure;
        }
        texts.push_back(std::move(*text));
    }
    const std::string gazPath = flags->get("--gazetteer").value_or(geo::Gazetteer::defaultPath());
    Result<geo::Gazetteer> gaz = geo::Gazetteer::load(gazPath);
    if (!gaz) {
        std::fprintf(stderr, "briefmap extract: %s\n", gaz.error().message.c_str());
        return kExitFailure;
    }
    const geo::Geocoder geocoder(*gaz);
    const geo::Geoparser parser(geocoder);
    geo::GeoparseOptions options;
    options.includeDemonyms = flags->has("--demonyms");

    nlohmann::json output = files.size() == 1 ? nlohmann::json::array() : nlohmann::json::object();
    geo::GeoparseResult result;
    for (size_t i = 0; i < files.size(); ++i) {
        parser.parse(texts[i], options, result);
        if (result.text.invalidSequences > 0) {
            const auto [line, column] = geo::lineColumnAt(texts[i], result.text.firstInvalidAt);
            std::fprintf(stderr, "%s:%zu:%zu: invalid UTF-8 (byte 0x%02X); %zu invalid sequence(s) read as separators\n",
                         files[i].c_str(), line, column,
                         static_cast<unsigned>(static_cast<unsigned char>(texts[i][result.text.firstInvalidAt])),
                         result.text.invalidSequences);
        }
        nlohmann::json list = mentionsJson(*gaz, texts[i], result);
        if (files.size() == 1) output = std::move(list);
        else output[files[i]] = std::move(list);
    }
    const std::string json = output.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (auto out = flags->get("--out")) {
        Status written = writeFileAtomically(*out, {reinterpret_cast<const unsigned char*>(json.data()), json.size()});
        if (!written) {
            std::fprintf(stderr, "briefmap extract: %s\n", written.error().message.c_str());
            return kExitUsage;
        }
        return kExitOk;
    }
    std::fwrite(json.data(), 1, json.size(), stdout);
    return kExitOk;
}

}  // namespace briefmap::cli
