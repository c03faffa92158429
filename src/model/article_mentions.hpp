// Articles brought to the map: their text geoparsed, the places they name grouped with every sentence
// naming each, so an analyst can click a place and read what each article says there. Places are
// dated by the first article naming them when the briefing cites (and so dates) that article.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/geo_types.hpp"
#include "core/result.hpp"
#include "geo/geoparser.hpp"
#include "model/briefing.hpp"
#include "model/briefing_loader.hpp"

namespace briefmap::model {

struct MentionArticle {
    std::string path;
    std::string title;       // the first non-empty line, trimmed (articles carry no metadata)
    std::string text;
    DayNumber published = kUndated;
    static constexpr DayNumber kUndated = INT32_MIN;
};

struct MentionOccurrence {
    uint32_t article = 0;
    uint32_t start = 0, end = 0;                  // the mention, bytes into the article's text
    uint32_t sentenceStart = 0, sentenceEnd = 0;  // the sentence holding it
};

struct MentionedPlace {
    std::string name;  // the gazetteer's name
    std::string kind;  // geo::placeKindName
    LonLat position;
    std::vector<MentionOccurrence> occurrences;  // by article, then position
    uint32_t articleCount = 0;
    DayNumber firstDay = MentionArticle::kUndated;  // the first dated article naming it; undated: always
};

struct ArticleMentions {
    std::vector<MentionArticle> articles;
    std::vector<MentionedPlace> places;  // most named first
    size_t mentionCount() const;
};

// FILE.txt, or every *.txt in DIR (sorted by name); each must be valid UTF-8 and at most 16 MiB.
Result<std::vector<MentionArticle>> readMentionArticles(const std::vector<std::string>& paths);
// The articles a briefing cites (the seed articles for the seed briefing), dated by it.
std::vector<MentionArticle> articlesOfBriefing(const Briefing& briefing);
// Geoparses every article; countries are left out (a country is no point on the map). Articles the
// briefing cites (same file on disk) take its publication dates.
ArticleMentions buildArticleMentions(std::vector<MentionArticle> articles, const Briefing& briefing,
                                     const geo::Geoparser& parser);

// A briefing and the articles shown beside it, read with one gazetteer: what the window and `export`
// open. `articlePaths` empty: the briefing's own articles (the seed articles for the seed briefing).
struct BriefingWithArticles {
    LoadedBriefing loaded;
    ArticleMentions mentions;
    std::string articlesError;  // an article that cannot be read: "PATH: no such file"
    std::shared_ptr<const geo::Gazetteer> gazetteer;  // kept for articles added later
};
BriefingWithArticles loadBriefingWithArticles(const std::string& briefingPath,
                                              const std::vector<std::string>& articlePaths,
                                              const ImportOptions& importOptions = {});

// The articles already loaded plus those at `paths` (files or folders; a file already loaded is not
// read twice), geoparsed again as one set (places regroup, ring sizes change).
Result<ArticleMentions> addArticles(const ArticleMentions& current, const std::vector<std::string>& paths,
                                    const Briefing& briefing, const geo::Gazetteer& gazetteer);

// "a.txt,dir" → {"a.txt", "dir"} (the --articles flag's value).
std::vector<std::string> splitPathList(const std::string& list);

}  // namespace briefmap::model
