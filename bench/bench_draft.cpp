// `briefmap-bench draft`: quality and speed of the drafter.
// Quality: the five seed articles against the hand-built seed briefing, and the annotated non-seed
// articles of bench/data/draft (odd numbers: the development set; even: the held-out test set),
// each set drafted as one batch and scored by draft/draft_score. Speed: MB of article text per second
// on one core, and `briefmap draft` of a ~5 KB article end to end (process start to exit).
// `briefmap-bench draft --misses` also prints every missed, invented or wrong event on stderr.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "draft/draft_score.hpp"
#include "draft/drafter.hpp"
#include "model/briefing_loader.hpp"

namespace briefmap::bench {

namespace {

namespace fs = std::filesystem;

// The annotated non-seed briefings, merged into one per set (odd numbers: dev; even: test).
std::optional<model::Briefing> loadSet(const geo::Geocoder& geocoder, bool odd, size_t& files) {
    const fs::path dir = fs::path(BRIEFMAP_SOURCE_DIR) / "bench/data/draft/gold";
    std::vector<fs::path> paths;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".json") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    model::Briefing set;
    files = 0;
    for (const fs::path& p : paths) {
        const int number = std::atoi(p.filename().string().c_str());
        if ((number % 2 == 1) != odd) continue;
        model::LoadedBriefing loaded = model::loadBriefingFile(p.string(), geocoder);
        if (!loaded.ok()) {
            std::fprintf(stderr, "%s\n", loaded.problems.front().text().c_str());
            return std::nullopt;
        }
        ++files;
        // Append, renumbering places and articles.
        model::Briefing& b = loaded.briefing;
        std::vector<uint32_t> placeMap(b.places.size());
        for (size_t i = 0; i < b.places.size(); ++i) {
            const std::string key = std::to_string(number) + ":" + b.places[i].name;
            placeMap[i] = static_cast<uint32_t>(set.places.size());
            model::Place copy = b.places[i];
            copy.name = key;
            set.places.push_back(std::move(copy));
        }
        const uint32_t articleBase = static_cast<uint32_t>(set.articles.size());
        for (model::Article& a : b.articles) set.articles.push_back(std::move(a));
        for (model::Event& e : b.events) {
            for (uint32_t& place : e.places) place = placeMap[place];
            if (e.flow) {
                e.flow->from = placeMap[e.flow->from];
                e.flow->to = placeMap[e.flow->to];
                for (uint32_t& place : e.flow->via) place = placeMap[place];
            }
            for (model::Source& s : e.sources)
                if (s.article != model::kNone) s.article += articleBase;
            set.events.push_back(std::move(e));
        }
    }
    return set;
}

void printScore(const char* name, size_t articles, const draft::DraftScore& s, bool comma) {
    std::printf("\"%s\":{\"articles\":%zu,\"reference_events\":%d,\"drafted_events\":%d,\"matched\":%d,"
                "\"precision\":%.3f,\"recall\":%.3f,\"f1\":%.3f,\"field_accuracy\":%.3f,"
                "\"date_accuracy\":%.3f,\"places_accuracy\":%.3f,\"flow_accuracy\":%.3f,\"quantity_accuracy\":%.3f,"
                "\"attribution_accuracy\":%.3f,\"status_accuracy\":%.3f,"
                "\"scored\":{\"date\":%d,\"places\":%d,\"flow\":%d,\"quantity\":%d,\"attribution\":%d,\"status\":%d},"
                "\"quotes\":%d,\"quotes_verbatim\":%.3f}%s",
                name, articles, s.reference, s.drafted, s.matched, s.precision(), s.recall(), s.f1(), s.fieldAccuracy(),
                s.date.accuracy(), s.places.accuracy(), s.flow.accuracy(), s.quantity.accuracy(), s.attribution.accuracy(),
                s.status.accuracy(), s.date.scored, s.places.scored, s.flow.scored, s.quantity.scored, s.attribution.scored,
                s.status.scored, s.quotes, s.quotes ? static_cast<double>(s.quotesVerbatim) / s.quotes : 1.0,
                comma ? "," : "");
}

}  // namespace

int benchDraft(bool printMisses) {
    Result<geo::Gazetteer> gaz = geo::Gazetteer::load(geo::Gazetteer::defaultPath());
    if (!gaz) {
        std::fprintf(stderr, "%s\n", gaz.error().message.c_str());
        return 1;
    }
    const geo::Geocoder geocoder(*gaz);
    model::LoadedBriefing seed = model::loadBriefingFile(model::defaultBriefingPath(), geocoder);
    if (!seed.ok()) {
        std::fprintf(stderr, "%s\n", seed.problems.front().text().c_str());
        return 1;
    }
    size_t devFiles = 0, testFiles = 0;
    const std::optional<model::Briefing> dev = loadSet(geocoder, true, devFiles);
    const std::optional<model::Briefing> test = loadSet(geocoder, false, testFiles);
    if (!dev || !test) return 1;

    const auto scoreSet = [&](const char* name, const model::Briefing& reference) {
        const model::Briefing drafted = draft::redraft(reference, geocoder);
        draft::DraftScore s = draft::scoreDraft(reference, drafted);
        if (printMisses)
            for (const std::string& line : s.misses) std::fprintf(stderr, "%s: %s\n", name, line.c_str());
        return s;
    };
    const draft::DraftScore seedScore = scoreSet("seed", seed.briefing);
    const draft::DraftScore devScore = scoreSet("dev", *dev);
    const draft::DraftScore testScore = scoreSet("test", *test);
    draft::DraftScore unseen = devScore;
    unseen.add(testScore);

    // Speed on one core: every article text, repeated to ~2 MB, drafted one by one.
    std::vector<std::pair<const model::Article*, int>> articles;
    for (const model::Briefing* b : std::initializer_list<const model::Briefing*>{&seed.briefing, &*dev, &*test})
        for (const model::Article& a : b->articles) articles.emplace_back(&a, 0);
    size_t bytes = 0, events = 0;
    const auto t = std::chrono::steady_clock::now();
    while (bytes < (size_t{2} << 20))
        for (const auto& [a, unused] : articles) {
            events += draft::draftArticle(a->text, a->published, geocoder).events.size();
            bytes += a->text.size();
        }
    const double seconds = msSince(t) / 1000.0;

    const model::Article& typical = seed.briefing.articles[1];  // 4.7 KB
    std::vector<double> cli;
    for (int i = 0; i < 7; ++i)
        cli.push_back(runChild({siblingBinary("briefmap"), "draft", typical.path, "--published", typical.published.text(), "--jsonl"}));

    std::printf("{\"bench\":\"draft\",");
    printScore("seed", seed.briefing.articles.size(), seedScore, true);
    printScore("dev", dev->articles.size(), devScore, true);
    printScore("test", test->articles.size(), testScore, true);
    printScore("non_seed", dev->articles.size() + test->articles.size(), unseen, true);
    std::printf("\"mb_per_s_one_core\":%.2f,\"speed_mb\":%.1f,\"speed_events\":%zu,\"cli_article_bytes\":%zu,"
                "\"cli_article_ms_median\":%.1f}\n",
                static_cast<double>(bytes) / (1024.0 * 1024.0) / seconds, static_cast<double>(bytes) / (1024.0 * 1024.0),
                events, typical.text.size(), median(cli));
    return 0;
}

}  // namespace briefmap::bench
