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

// The annotated non-seed briefings of one set (odd numbers: dev; even: test), one per article: each
// was annotated on its own, so each is drafted and scored on its own.
std::optional<std::vector<model::Briefing>> loadSet(const geo::Geocoder& geocoder, bool odd) {
    const fs::path dir = fs::path(BRIEFMAP_SOURCE_DIR) / "bench/data/draft/gold";
    std::vector<fs::path> paths;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".json") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    std::vector<model::Briefing> set;
    for (const fs::path& p : paths) {
        const int number = std::atoi(p.filename().string().c_str());
        if ((number % 2 == 1) != odd) continue;
        model::LoadedBriefing loaded = model::loadBriefingFile(p.string(), geocoder);
        if (!loaded.ok()) {
            std::fprintf(stderr, "%s\n", loaded.problems.front().text().c_str());
            return std::nullopt;
        }
        set.push_back(std::move(loaded.briefing));
    }
    return set;
}

size_t articleCount(const std::vector<model::Briefing>& set) {
    size_t n = 0;
    for (const model::Briefing& b : set) n += b.articles.size();
    return n;
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
    const std::optional<std::vector<model::Briefing>> dev = loadSet(geocoder, true);
    const std::optional<std::vector<model::Briefing>> test = loadSet(geocoder, false);
    if (!dev || !test) return 1;

    const auto scoreSet = [&](const char* name, const model::Briefing& reference) {
        const model::Briefing drafted = draft::redraft(reference, geocoder);
        draft::DraftScore s = draft::scoreDraft(reference, drafted);
        if (printMisses)
            for (const std::string& line : s.misses) std::fprintf(stderr, "%s: %s\n", name, line.c_str());
        return s;
    };
    const auto scoreEach = [&](const char* name, const std::vector<model::Briefing>& set) {
        draft::DraftScore total;
        for (const model::Briefing& b : set) total.add(scoreSet(name, b));
        return total;
    };
    // The seed briefing merges sentences across its five articles, so they are drafted together.
    const draft::DraftScore seedScore = scoreSet("seed", seed.briefing);
    const draft::DraftScore devScore = scoreEach("dev", *dev);
    const draft::DraftScore testScore = scoreEach("test", *test);
    draft::DraftScore unseen = devScore;
    unseen.add(testScore);

    // Speed on one core: every article text, repeated to ~2 MB, drafted one by one.
    std::vector<std::pair<const model::Article*, int>> articles;
    for (const model::Article& a : seed.briefing.articles) articles.emplace_back(&a, 0);
    for (const std::vector<model::Briefing>* set : {&*dev, &*test})
        for (const model::Briefing& b : *set)
            for (const model::Article& a : b.articles) articles.emplace_back(&a, 0);
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
    printScore("dev", articleCount(*dev), devScore, true);
    printScore("test", articleCount(*test), testScore, true);
    printScore("non_seed", articleCount(*dev) + articleCount(*test), unseen, true);
    std::printf("\"mb_per_s_one_core\":%.2f,\"speed_mb\":%.1f,\"speed_events\":%zu,\"cli_article_bytes\":%zu,"
                "\"cli_article_ms_median\":%.1f}\n",
                static_cast<double>(bytes) / (1024.0 * 1024.0) / seconds, static_cast<double>(bytes) / (1024.0 * 1024.0),
                events, typical.text.size(), median(cli));
    return 0;
}

}  // namespace briefmap::bench
