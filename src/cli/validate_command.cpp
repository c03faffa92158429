// `briefmap validate FILE...`: every problem in briefings, GeoJSON or CSV files, one line each.
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/import_flags.hpp"
#include "model/briefing_loader.hpp"

namespace briefmap::cli {

namespace {

const std::string kUsage = std::string("usage: briefmap validate [--gazetteer FILE] [--quiet]\n"
                                  "                        ") + kImportFlagsSynopsis + " FILE...\n" + kImportFlagsHelp;
constexpr size_t kMaxProblemsShown = 200;

}  // namespace

void printProblems(const model::Diagnostics& problems) {
    for (size_t i = 0; i < problems.size() && i < kMaxProblemsShown; ++i)
        std::fprintf(stderr, "%s\n", problems[i].text().c_str());
    if (problems.size() > kMaxProblemsShown)
        std::fprintf(stderr, "%s: … and %zu more problems\n", problems.front().file.c_str(),
                     problems.size() - kMaxProblemsShown);
}

int runValidate(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--gazetteer", "--columns", "--article-root"}, {"--quiet", "--strict", "--help"});
    if (!flags) {
        std::fprintf(stderr, "briefmap validate: %s\n%s\n", flags.error().message.c_str(), kUsage.c_str());
        return kExitUsage;
    }
    if (flags->has("--help")) {
        std::printf("%s\n", kUsage.c_str());
        return kExitOk;
    }
    if (flags->positional().empty()) {
        std::fprintf(stderr, "briefmap validate: no file given\n%s\n", kUsage.c_str());
        return kExitUsage;
    }
    Result<model::ImportOptions> options = importOptions(*flags);
    if (!options) {
        std::fprintf(stderr, "briefmap validate: %s\n%s\n", options.error().message.c_str(), kUsage.c_str());
        return kExitUsage;
    }
    const std::string gazPath = flags->get("--gazetteer").value_or(geo::Gazetteer::defaultPath());
    Result<geo::Gazetteer> gaz = geo::Gazetteer::load(gazPath);
    if (!gaz) {
        std::fprintf(stderr, "briefmap validate: %s\n", gaz.error().message.c_str());
        return kExitFailure;
    }
    const geo::Geocoder geocoder(*gaz);
    bool allValid = true;
    for (const std::string& file : flags->positional()) {
        const model::LoadedBriefing loaded = model::loadBriefingFile(file, geocoder, *options);
        if (!flags->has("--quiet") || !loaded.ok()) printImportReport(file, loaded);
        if (!loaded.ok()) {
            allValid = false;
            printProblems(loaded.problems);
            continue;
        }
        if (flags->has("--quiet")) continue;
        size_t flows = 0, quotes = 0, timeless = 0;
        for (const model::Event& e : loaded.briefing.events) {
            flows += e.flow.has_value();
            timeless += e.timeless;
            for (const model::Source& s : e.sources) quotes += s.article != model::kNone;
        }
        const std::string undated = timeless ? ", " + std::to_string(timeless) + " without a time" : "";
        const std::string span = timeless == loaded.briefing.events.size()
                                     ? std::string("no times")
                                     : model::formatDay(loaded.briefing.firstDay()) + ".." + model::formatDay(loaded.briefing.lastDay());
        std::printf("%s: valid: %zu events (%zu flows%s), %zu places, %zu articles, %zu quotes checked, %s\n",
                    file.c_str(), loaded.briefing.events.size(), flows, undated.c_str(), loaded.briefing.places.size(),
                    loaded.briefing.articles.size(), quotes, span.c_str());
    }
    return allValid ? kExitOk : kExitFailure;
}

}  // namespace briefmap::cli
