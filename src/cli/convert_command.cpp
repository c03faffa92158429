// `briefmap convert --to geojson [--out FILE] INPUT`: the model out as GeoJSON for QGIS / kepler.gl.
#include <cstdio>
#include <span>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/import_flags.hpp"
#include "core/atomic_file.hpp"
#include "model/briefing_loader.hpp"
#include "model/geojson_export.hpp"

namespace briefmap::cli {

namespace {

const std::string kUsage = std::string("usage: briefmap convert --to geojson [--out FILE.geojson] [--gazetteer FILE]\n"
                                  "                       ") + kImportFlagsSynopsis + " INPUT\n" + kImportFlagsHelp;

int usageError(const std::string& message) {
    std::fprintf(stderr, "briefmap convert: %s\n%s\n", message.c_str(), kUsage.c_str());
    return kExitUsage;
}

}  // namespace

int runConvert(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--to", "--out", "--gazetteer", "--columns", "--article-root"}, {"--strict", "--help"});
    if (!flags) return usageError(flags.error().message);
    if (flags->has("--help")) {
        std::printf("%s\n", kUsage.c_str());
        return kExitOk;
    }
    Result<model::ImportOptions> options = importOptions(*flags);
    if (!options) return usageError(options.error().message);
    const std::string to = flags->get("--to").value_or("");
    if (to != "geojson") return usageError(to.empty() ? "--to is required" : "--to: unknown format '" + to + "'; expected geojson");
    if (flags->positional().size() != 1) return usageError("expected exactly one input file");
    if (auto out = flags->get("--out"); out && *out != "-") {
        if (Status ok = checkOutputPath(*out); !ok) return usageError("--out: " + ok.error().message);
    }
    Result<geo::Gazetteer> gaz = geo::Gazetteer::load(flags->get("--gazetteer").value_or(geo::Gazetteer::defaultPath()));
    if (!gaz) {
        std::fprintf(stderr, "briefmap convert: %s\n", gaz.error().message.c_str());
        return kExitFailure;
    }
    const geo::Geocoder geocoder(*gaz);
    const model::LoadedBriefing loaded = model::loadBriefingFile(flags->positional()[0], geocoder, *options);
    printImportReport(flags->positional()[0], loaded);
    if (!loaded.ok()) {
        printProblems(loaded.problems);
        return kExitFailure;
    }
    const std::string text = model::briefingToGeoJson(loaded.briefing).dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    const auto out = flags->get("--out");
    if (!out || *out == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return kExitOk;
    }
    const Status written = writeFileAtomically(*out, std::span(reinterpret_cast<const unsigned char*>(text.data()), text.size()));
    if (!written) {
        std::fprintf(stderr, "briefmap convert: %s\n", written.error().message.c_str());
        return kExitUsage;
    }
    std::printf("wrote %s: %zu features\n", out->c_str(), loaded.briefing.events.size());
    return kExitOk;
}

}  // namespace briefmap::cli
