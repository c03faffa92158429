// `briefmap-bench extract`: geoparser throughput on one core with the full gazetteer loaded, for many
// separate articles (the seed articles and the wire-style fixtures, repeated to ~10 MB) and for one
// big document (~8 MB), plus `briefmap extract` of the five seed articles end to end.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "core/read_file.hpp"
#include "geo/geoparser.hpp"

namespace briefmap::bench {

namespace {

std::vector<std::string> sampleArticles() {
    std::vector<std::string> texts;
    const std::string root = BRIEFMAP_SOURCE_DIR;
    for (const std::string& dir : {root + "/assets/briefings/articles", root + "/tests/fixtures/geoparse"}) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            if (entry.path().extension() == ".txt") files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files)
            if (Result<std::string> text = readWholeFile(f.string(), size_t{1} << 24)) texts.push_back(std::move(*text));
    }
    return texts;
}

}  // namespace

int benchExtract() {
    auto t = std::chrono::steady_clock::now();
    Result<geo::Gazetteer> gaz = geo::Gazetteer::load(geo::Gazetteer::defaultPath());
    if (!gaz) {
        std::fprintf(stderr, "%s\n", gaz.error().message.c_str());
        return 1;
    }
    const double loadMs = msSince(t);
    const geo::Geocoder geocoder(*gaz);
    const geo::Geoparser parser(geocoder);
    const std::vector<std::string> samples = sampleArticles();
    if (samples.empty()) return 1;

    std::vector<const std::string*> documents;
    size_t separateBytes = 0;
    while (separateBytes < (size_t{10} << 20))
        for (const std::string& s : samples) {
            documents.push_back(&s);
            separateBytes += s.size();
        }
    std::string big;
    while (big.size() < (size_t{8} << 20))
        for (const std::string& s : samples) (big += s) += "\n\n";

    geo::GeoparseResult result;
    parser.parse(samples[0], {}, result);  // warm the per-thread caches once
    size_t mentions = 0;
    t = std::chrono::steady_clock::now();
    for (const std::string* d : documents) {
        parser.parse(*d, {}, result);
        mentions += result.mentions.size();
    }
    const double separateMs = msSince(t);
    t = std::chrono::steady_clock::now();
    parser.parse(big, {}, result);
    const double bigMs = msSince(t);
    const size_t bigMentions = result.mentions.size();

    std::vector<std::string> args = {siblingBinary("briefmap"), "extract"};
    for (const auto& entry : std::filesystem::directory_iterator(std::string(BRIEFMAP_SOURCE_DIR) + "/assets/briefings/articles"))
        args.push_back(entry.path().string());
    std::vector<double> cli;
    for (int i = 0; i < 5; ++i) cli.push_back(runChild(args));

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double mb = 1024.0 * 1024.0;
    std::printf("{\"bench\":\"extract\",\"gazetteer_load_ms\":%.1f,\"documents\":%zu,\"separate_mb\":%.1f,"
                "\"separate_mb_per_s\":%.2f,\"one_document_mb\":%.1f,\"one_document_mb_per_s\":%.2f,"
                "\"mentions\":%zu,\"one_document_mentions\":%zu,\"cli_seed_articles_ms_median\":%.1f,"
                "\"peak_rss_mb\":%.1f}\n",
                loadMs, documents.size(), static_cast<double>(separateBytes) / mb,
                static_cast<double>(separateBytes) / mb / (separateMs / 1000.0), static_cast<double>(big.size()) / mb,
                static_cast<double>(big.size()) / mb / (bigMs / 1000.0), mentions, bigMentions, median(cli),
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}

}  // namespace briefmap::bench
