#include "model/briefing_loader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unordered_set>

#include "model/briefing_json.hpp"
#include "model/json_locator.hpp"

namespace briefmap::model {

namespace {

// nlohmann's messages start "[json.exception.parse_error.101] parse error at line 1, column 5: ";
// the position is printed by us, in the same form as every other problem.
std::string parseErrorReason(const std::string& what) {
    const size_t colon = what.find(": ");
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    if (reason.size() > 200) reason = reason.substr(0, 200) + "…";
    return reason;
}

std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// A .json file is GeoJSON when its top-level object says "FeatureCollection" early on (a briefing
// says "briefmap-briefing"): read the head only, the file may be large.
bool jsonIsFeatureCollection(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(8192, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    return head.find("\"FeatureCollection\"") != std::string::npos && head.find("briefmap-briefing") == std::string::npos;
}

// "number overflow parsing '1e999'" → the number's first place in the text and a short reason.
Diagnostic numberProblem(const std::string& path, std::string_view text, const nlohmann::json::exception& e) {
    const std::string what = e.what();
    std::string number;
    if (const size_t q = what.find('\''); q != std::string::npos)
        if (const size_t q2 = what.find('\'', q + 1); q2 != std::string::npos) number = what.substr(q + 1, q2 - q - 1);
    const size_t at = number.empty() ? std::string_view::npos : text.find(number);
    const TextPosition pos = positionAt(text, at == std::string_view::npos ? 0 : at);
    const std::string shown = number.size() > 40 ? number.substr(0, 40) + "… (" + std::to_string(number.size()) + " characters)" : number;
    return {path, at == std::string_view::npos ? 0 : pos.line, at == std::string_view::npos ? 0 : pos.column, {},
            e.id == 406 ? "number too large for a double: " + shown : "invalid JSON: " + parseErrorReason(what)};
}

}  // namespace

bool isDataFile(const std::string& path) {
    const std::string ext = lowerExtension(path);
    for (const char* data : {".csv", ".tsv", ".geojson", ".geojsonl", ".geojsons", ".gpkg", ".shp", ".kml", ".gpx", ".fgb", ".topojson"})
        if (ext == data) return true;
    return ext == ".json" && jsonIsFeatureCollection(path);
}

std::string defaultBriefingPath() {
    if (const char* env = std::getenv("BRIEFMAP_BRIEFING"); env && *env) return env;
    return std::string(BRIEFMAP_SOURCE_DIR) + "/assets/briefings/russia-dprk-2019-2025.json";
}

void resolvePlaces(Briefing& b, const geo::Geocoder& geocoder, const std::vector<PlaceRef>& placePaths,
                   const std::string& file, Diagnostics& problems) {
    const geo::Gazetteer& gaz = geocoder.gazetteer();
    for (size_t i = 0; i < b.places.size(); ++i) {
        Place& p = b.places[i];
        if (p.resolved) continue;
        geo::GeocodeOptions options;
        options.countryHint = p.countryHint;
        options.top = 3;
        const geo::GeocodeResult r = geocoder.geocode(p.name, options);
        if (r.best && !r.best->typo) {
            const geo::PlaceRecord& rec = gaz.place(r.best->place);
            p.lat = rec.lat;
            p.lon = rec.lon;
            p.resolved = true;
            p.resolvedName = std::string(gaz.placeName(r.best->place));
            p.kind = std::string(geo::placeKindName(rec.kind));
            p.country = std::string(rec.country, 2);
            p.nativeName = std::string(gaz.nativeName(r.best->place));
            p.confidence = r.confidence;
            continue;
        }
        std::vector<std::string> guesses;
        if (r.best) guesses.emplace_back(gaz.placeName(r.best->place));
        for (const geo::GeocodeCandidate& c : r.runnersUp)
            if (c.typo) guesses.emplace_back(gaz.placeName(c.place));
        for (const std::string& s : r.suggestions) guesses.push_back(s);
        std::string message = "place '" + p.name + "' not found";
        std::vector<std::string> shown;
        for (const std::string& g : guesses)
            if (std::find(shown.begin(), shown.end(), g) == shown.end() && shown.size() < 3) shown.push_back(g);
        for (size_t k = 0; k < shown.size(); ++k)
            message += (k == 0 ? "; did you mean " : k + 1 == shown.size() ? " or " : ", ") + shown[k];
        if (!shown.empty()) message += "?";
        const PlaceRef ref = i < placePaths.size() ? placePaths[i] : PlaceRef{};
        problems.push_back({file, ref.line, ref.column, ref.path, message});
    }
}

namespace {
std::vector<std::pair<std::string, DataSourceOpener>>& dataSources() {
    static std::vector<std::pair<std::string, DataSourceOpener>> sources;
    return sources;
}
DataSourceOpener openerFor(const std::string& path) {
    for (const auto& [prefix, opener] : dataSources())
        if (path.rfind(prefix, 0) == 0) return opener;
    return nullptr;
}
}  // namespace

void registerDataSource(const std::string& prefix, DataSourceOpener opener) {
    for (auto& entry : dataSources())
        if (entry.first == prefix) {
            entry.second = opener;
            return;
        }
    dataSources().emplace_back(prefix, opener);
}

bool isDataSourceAddress(const std::string& path) { return openerFor(path) != nullptr; }

LoadedBriefing loadBriefingFile(const std::string& path, const geo::Geocoder& geocoder, const ImportOptions& options) {
    if (DataSourceOpener opener = openerFor(path)) return opener(path, geocoder, options);
    LoadedBriefing loaded;
    const auto fail = [&](std::string message) {
        loaded.problems.push_back({path, 0, 0, {}, std::move(message)});
        return std::move(loaded);
    };
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return fail("no such file");
    if (!std::filesystem::is_regular_file(path, ec)) return fail("not a regular file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return fail("cannot read: " + ec.message());
    if (size > kMaxDataFileBytes)
        return fail("file is " + std::to_string(size >> 20) + " MiB; the limit is " +
                    std::to_string(kMaxDataFileBytes >> 20) + " MiB");
    std::vector<PlaceRef> placePaths;
    Diagnostics problems;
    if (isDataFile(path)) {
        const std::string ext = lowerExtension(path);
        loaded.format = ext == ".csv" || ext == ".tsv" ? DataFormat::Csv
                        : ext == ".geojson" || ext == ".json" ? DataFormat::GeoJson
                                                               : DataFormat::OtherData;
        importTable(path, options, loaded.briefing, placePaths, problems, loaded.report);
        const auto t0 = std::chrono::steady_clock::now();
        if (problems.empty() || !options.strict) {
            Diagnostics unresolved;
            resolvePlaces(loaded.briefing, geocoder, placePaths, path, unresolved);
            if (options.strict) {
                problems.insert(problems.end(), unresolved.begin(), unresolved.end());
            } else if (!unresolved.empty()) {
                // Lenient: a row whose place is not found is skipped like any other bad row.
                std::vector<bool> bad(loaded.briefing.places.size(), false);
                for (size_t i = 0; i < bad.size(); ++i) bad[i] = !loaded.briefing.places[i].resolved;
                const size_t dropped = dropEventsAtPlaces(loaded.briefing, bad);
                for (Diagnostic& d : unresolved) loaded.report.skip(std::move(d), "places not found");
                loaded.report.skippedBecause["places not found"] = dropped;
                loaded.report.imported = loaded.briefing.events.size();
            }
        }
        const auto t1 = std::chrono::steady_clock::now();
        loaded.report.placesMs = std::chrono::duration<double, std::milli>(t1 - t0).count();
        loaded.problems = std::move(problems);
        if (!loaded.ok()) {
            loaded.briefing.events.clear();
            return loaded;
        }
        loaded.briefing.finish();
        loaded.report.finishMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count();
        return loaded;
    }
    std::string text(size, '\0');
    std::ifstream in(path, std::ios::binary);
    if (!in.read(text.data(), static_cast<std::streamsize>(size))) return fail("cannot read");
    return loadBriefingText(path, text, geocoder, options);
}

LoadedBriefing loadBriefingText(const std::string& path, std::string_view text, const geo::Geocoder& geocoder,
                                const ImportOptions& options) {
    LoadedBriefing loaded;
    std::vector<PlaceRef> placePaths;
    Diagnostics problems;
    {
        const std::string baseDir = std::filesystem::path(path).parent_path().string();
        BriefingJsonReader reader(baseDir.empty() ? "." : baseDir, options.articleRoots, loaded.briefing, placePaths, problems);
        nlohmann::json doc;
        try {
            if (std::optional<nlohmann::json> rest = reader.readEventsInParallel(text)) {
                doc = std::move(*rest);
            } else {
                doc = nlohmann::json::parse(text, reader.callback());
            }
        } catch (const nlohmann::json::parse_error& e) {
            const TextPosition pos = positionAt(text, e.byte ? e.byte - 1 : 0);
            loaded.problems.push_back({path, pos.line, pos.column, {}, "invalid JSON: " + parseErrorReason(e.what())});
            loaded.briefing = {};
            return loaded;
        } catch (const nlohmann::json::exception& e) {
            // A number no double holds (1e999, a 400-digit integer): nlohmann names it but not where it is.
            loaded.problems.push_back(numberProblem(path, text, e));
            loaded.briefing = {};
            return loaded;
        }
        reader.finish(doc);
        resolvePlaces(loaded.briefing, geocoder, placePaths, path, problems);
        for (Diagnostic& d : problems) d.file = path;
        locateProblems(text, problems);
    }
    std::stable_sort(problems.begin(), problems.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    loaded.problems = std::move(problems);
    loaded.briefing.finish();
    return loaded;
}

LoadedBriefing loadBriefingFile(const std::string& path, const ImportOptions& options) {
    Result<geo::Gazetteer> gazetteer = geo::Gazetteer::load(geo::Gazetteer::defaultPath());
    if (!gazetteer) {
        LoadedBriefing failed;
        failed.problems.push_back({path, 0, 0, {}, "cannot geocode places: " + gazetteer.error().message});
        return failed;
    }
    const geo::Geocoder geocoder(*gazetteer);
    return loadBriefingFile(path, geocoder, options);
}

}  // namespace briefmap::model
