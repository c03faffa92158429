// Reading articles and grouping their geoparsed mentions by place.
#include "model/article_mentions.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "core/read_file.hpp"
#include "core/text_fold.hpp"
#include "geo/text_tokens.hpp"

namespace briefmap::model {

namespace {

constexpr size_t kMaxArticleBytes = size_t{16} << 20;

std::string firstLine(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        size_t end = text.find('\n', i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(i, end - i);
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
        if (!line.empty()) return std::string(line.substr(0, 160));
        i = end + 1;
    }
    return {};
}

std::string canonical(const std::string& path) {
    std::error_code ec;
    const std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
    return ec ? path : p.string();
}

Result<MentionArticle> readArticle(const std::string& path) {
    Result<std::string> text = readWholeFile(path, kMaxArticleBytes);
    if (!text) return text.error();
    for (size_t i = 0; i < text->size();) {
        const CodePoint cp = decodeUtf8(*text, i);
        if (!cp.valid) {
            const auto [line, column] = geo::lineColumnAt(*text, i);
            return Error{path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": not valid UTF-8 (byte 0x" +
                         "0123456789ABCDEF"[static_cast<unsigned char>((*text)[i]) >> 4] +
                         "0123456789ABCDEF"[static_cast<unsigned char>((*text)[i]) & 15] + ")"};
        }
        i += cp.length;
    }
    MentionArticle a;
    a.path = path;
    a.title = firstLine(*text);
    a.text = std::move(*text);
    return a;
}

}  // namespace

size_t ArticleMentions::mentionCount() const {
    size_t n = 0;
    for (const MentionedPlace& p : places) n += p.occurrences.size();
    return n;
}

Result<std::vector<MentionArticle>> readMentionArticles(const std::vector<std::string>& paths) {
    std::vector<MentionArticle> out;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            std::vector<std::string> files;
            for (const auto& entry : std::filesystem::directory_iterator(path, ec))
                if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path().string());
            if (files.empty()) return Error{path + ": no .txt articles in this folder"};
            std::sort(files.begin(), files.end());
            for (const std::string& f : files) {
                Result<MentionArticle> a = readArticle(f);
                if (!a) return a.error();
                out.push_back(std::move(*a));
            }
            continue;
        }
        Result<MentionArticle> a = readArticle(path);
        if (!a) return a.error();
        out.push_back(std::move(*a));
    }
    return out;
}

std::vector<MentionArticle> articlesOfBriefing(const Briefing& briefing) {
    std::vector<MentionArticle> out;
    for (const Article& a : briefing.articles) {
        if (a.text.empty()) continue;
        out.push_back({a.path, a.title.empty() ? firstLine(a.text) : a.title, a.text, a.published.firstDay()});
    }
    return out;
}

ArticleMentions buildArticleMentions(std::vector<MentionArticle> articles, const Briefing& briefing,
                                     const geo::Geoparser& parser) {
    ArticleMentions out;
    out.articles = std::move(articles);
    std::unordered_map<std::string, const Article*> cited;
    for (const Article& a : briefing.articles) cited.emplace(canonical(a.path), &a);
    for (MentionArticle& a : out.articles) {
        const auto it = cited.find(canonical(a.path));
        if (it == cited.end()) continue;
        a.published = it->second->published.firstDay();
        if (!it->second->title.empty()) a.title = it->second->title;
    }
    const geo::Gazetteer& gaz = parser.geocoder().gazetteer();
    std::unordered_map<uint32_t, uint32_t> placeIndex;  // gazetteer place → out.places
    geo::GeoparseResult result;
    for (uint32_t ai = 0; ai < out.articles.size(); ++ai) {
        const MentionArticle& article = out.articles[ai];
        parser.parse(article.text, {}, result);
        for (const geo::Mention& m : result.mentions) {
            const geo::PlaceRecord& p = gaz.place(m.place);
            if (p.kind == geo::PlaceKind::Country) continue;
            auto [it, fresh] = placeIndex.try_emplace(m.place, static_cast<uint32_t>(out.places.size()));
            if (fresh) {
                MentionedPlace place;
                place.name = std::string(gaz.placeName(m.place));
                place.kind = std::string(geo::placeKindName(p.kind));
                place.position = {p.lon, p.lat};
                out.places.push_back(std::move(place));
            }
            MentionedPlace& place = out.places[it->second];
            if (place.occurrences.empty() || place.occurrences.back().article != ai) ++place.articleCount;
            const geo::Sentence& s = result.text.sentences[m.sentence];
            place.occurrences.push_back({ai, m.start, m.end, s.start, s.end});
            if (article.published != MentionArticle::kUndated &&
                (place.firstDay == MentionArticle::kUndated || article.published < place.firstDay))
                place.firstDay = article.published;
        }
    }
    // An undated article naming a place shows it from the start.
    for (MentionedPlace& place : out.places)
        for (const MentionOccurrence& o : place.occurrences)
            if (out.articles[o.article].published == MentionArticle::kUndated) place.firstDay = MentionArticle::kUndated;
    std::stable_sort(out.places.begin(), out.places.end(), [](const MentionedPlace& a, const MentionedPlace& b) {
        return a.occurrences.size() > b.occurrences.size();
    });
    return out;
}

BriefingWithArticles loadBriefingWithArticles(const std::string& briefingPath,
                                              const std::vector<std::string>& articlePaths,
                                              const ImportOptions& importOptions) {
    BriefingWithArticles out;
    Result<geo::Gazetteer> gazetteer = geo::Gazetteer::load(geo::Gazetteer::defaultPath());
    if (!gazetteer) {
        out.loaded.problems.push_back({briefingPath, 0, 0, {}, "cannot geocode places: " + gazetteer.error().message});
        return out;
    }
    out.gazetteer = std::make_shared<const geo::Gazetteer>(std::move(*gazetteer));
    const geo::Geocoder geocoder(*out.gazetteer);
    out.loaded = loadBriefingFile(briefingPath, geocoder, importOptions);
    if (!out.loaded.ok()) return out;
    std::vector<MentionArticle> articles;
    if (articlePaths.empty()) {
        articles = articlesOfBriefing(out.loaded.briefing);
    } else {
        Result<std::vector<MentionArticle>> read = readMentionArticles(articlePaths);
        if (!read) {
            out.articlesError = read.error().message;
            return out;
        }
        articles = std::move(*read);
    }
    const geo::Geoparser parser(geocoder);
    out.mentions = buildArticleMentions(std::move(articles), out.loaded.briefing, parser);
    return out;
}

Result<ArticleMentions> addArticles(const ArticleMentions& current, const std::vector<std::string>& paths,
                                    const Briefing& briefing, const geo::Gazetteer& gazetteer) {
    Result<std::vector<MentionArticle>> added = readMentionArticles(paths);
    if (!added) return added.error();
    std::vector<MentionArticle> articles = current.articles;
    std::unordered_map<std::string, bool> loaded;
    for (const MentionArticle& a : articles) loaded[canonical(a.path)] = true;
    for (MentionArticle& a : *added)
        if (loaded.emplace(canonical(a.path), true).second) articles.push_back(std::move(a));
    const geo::Geocoder geocoder(gazetteer);
    const geo::Geoparser parser(geocoder);
    return buildArticleMentions(std::move(articles), briefing, parser);
}

std::vector<std::string> splitPathList(const std::string& list) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= list.size()) {
        size_t end = list.find(',', start);
        if (end == std::string::npos) end = list.size();
        if (end > start) out.push_back(list.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

}  // namespace briefmap::model
