// `briefmap gazetteer-build`: turns the raw gazetteer sources into geodata/gazetteer.bin (called by
// scripts/build-geodata.sh; users never need it).
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "geo/gazetteer_builder.hpp"

namespace briefmap::cli {

int runGazetteerBuild(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--cities", "--admin1-codes", "--admin1", "--countries", "--curated", "--out"}, {});
    if (!flags) {
        std::fprintf(stderr, "briefmap gazetteer-build: %s\n", flags.error().message.c_str());
        return kExitUsage;
    }
    geo::GazetteerSources sources;
    std::string out;
    const std::pair<const char*, std::string*> required[] = {
        {"--cities", &sources.citiesTsv},       {"--admin1-codes", &sources.admin1CodesJson},
        {"--admin1", &sources.admin1GeoJson},   {"--countries", &sources.countriesJson},
        {"--curated", &sources.curatedTsv},     {"--out", &out}};
    for (const auto& [flag, target] : required) {
        std::optional<std::string> v = flags->get(flag);
        if (!v) {
            std::fprintf(stderr, "briefmap gazetteer-build: %s is required\n", flag);
            return kExitUsage;
        }
        *target = *v;
    }
    std::string summary;
    if (Status s = geo::buildGazetteer(sources, out, summary); !s) {
        std::fprintf(stderr, "briefmap gazetteer-build: %s\n", s.error().message.c_str());
        return kExitFailure;
    }
    std::printf("wrote %s: %s\n", out.c_str(), summary.c_str());
    return kExitOk;
}

}  // namespace briefmap::cli
