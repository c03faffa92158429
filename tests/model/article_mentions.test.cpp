// The articles layer's model: articles read from files and folders, mentions grouped by place with
// their sentences, countries left out, places dated by the briefing's articles; and the rings'
// geometry (picking, labels only where the briefing has no marker).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "model/article_mentions.hpp"
#include "model/briefing_loader.hpp"
#include "render/mention_geometry.hpp"
#include "test_support.hpp"

using namespace briefmap;
namespace fs = std::filesystem;

namespace {

const model::LoadedBriefing& seed() {
    static const model::LoadedBriefing loaded = model::loadBriefingFile(model::defaultBriefingPath(), test::geocoder());
    return loaded;
}

const model::ArticleMentions& seedMentions() {
    static const geo::Geoparser parser(test::geocoder());
    static const model::ArticleMentions m =
        model::buildArticleMentions(model::articlesOfBriefing(seed().briefing), seed().briefing, parser);
    return m;
}

const model::MentionedPlace* find(const model::ArticleMentions& m, const std::string& name) {
    const auto it = std::find_if(m.places.begin(), m.places.end(), [&](const model::MentionedPlace& p) { return p.name == name; });
    return it == m.places.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("the seed articles' places: grouped, with sentences, dated by the briefing, no countries") {
    const model::ArticleMentions& m = seedMentions();
    REQUIRE(seed().ok());
    CHECK(m.articles.size() == 5);
    CHECK_FALSE(find(m, "Russia"));
    CHECK_FALSE(find(m, "North Korea"));
    const model::MentionedPlace* beijing = find(m, "Beijing");
    REQUIRE(beijing);
    REQUIRE(beijing->occurrences.size() == 1);
    const model::MentionOccurrence& o = beijing->occurrences[0];
    const model::MentionArticle& article = m.articles[o.article];
    CHECK(fs::path(article.path).filename() == "001_0d6f518247be4f64.txt");
    CHECK(article.text.substr(o.start, o.end - o.start) == "Beijing");
    const std::string sentence = article.text.substr(o.sentenceStart, o.sentenceEnd - o.sentenceStart);
    CHECK(sentence.rfind("Russia and North Korea have recently drawn closer", 0) == 0);
    CHECK(sentence.substr(sentence.size() - 8) == "Beijing.");
    CHECK(beijing->firstDay == article.published);
    CHECK(model::formatDay(beijing->firstDay) == "2023-09-12");
    // Moscow is named in four of the five articles (not in 003); the most named place comes first.
    const model::MentionedPlace* moscow = find(m, "Moscow");
    REQUIRE(moscow);
    CHECK(moscow->articleCount == 4);
    CHECK(m.places.front().occurrences.size() >= moscow->occurrences.size());
    const model::MentionedPlace* kursk = find(m, "Kursk border region");
    REQUIRE(kursk);
    CHECK(model::formatDay(kursk->firstDay) == model::formatDay(m.articles[kursk->occurrences[0].article].published));
}

TEST_CASE("articles from files and folders, undated ones show from the start, unreadable ones are named") {
    const fs::path dir = test::makeTempDir("briefmap-articles");
    test::writeTextFile(dir / "b.txt", "Troops gathered near Khabarovsk in Russia.");
    test::writeTextFile(dir / "a.txt", "Kim visited Vladivostok.\n");
    test::writeTextFile(dir / "notes.md", "Seoul");
    Result<std::vector<model::MentionArticle>> read = model::readMentionArticles({dir.string()});
    REQUIRE(read.ok());
    REQUIRE(read->size() == 2);
    CHECK(fs::path((*read)[0].path).filename() == "a.txt");
    CHECK((*read)[0].title == "Kim visited Vladivostok.");
    const geo::Geoparser parser(test::geocoder());
    const model::ArticleMentions m = model::buildArticleMentions(std::move(*read), seed().briefing, parser);
    const model::MentionedPlace* khabarovsk = find(m, "Khabarovsk");
    REQUIRE(khabarovsk);
    CHECK(khabarovsk->firstDay == model::MentionArticle::kUndated);

    Result<std::vector<model::MentionArticle>> missing = model::readMentionArticles({(dir / "nope.txt").string()});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == (dir / "nope.txt").string() + ": no such file");
    test::writeTextFile(dir / "bad.txt", "Seoul\nand \xFF");
    Result<std::vector<model::MentionArticle>> bad = model::readMentionArticles({(dir / "bad.txt").string()});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == (dir / "bad.txt").string() + ":2:5: not valid UTF-8 (byte 0xFF)");
    fs::remove_all(dir);
}

TEST_CASE("rings: picked at their pixel from their first day, labels only where the briefing has none") {
    const model::ArticleMentions& m = seedMentions();
    render::MentionGeometry rings;
    rings.build(m);
    const auto beijing = static_cast<uint32_t>(std::find_if(m.places.begin(), m.places.end(), [](const auto& p) {
                                                   return p.name == "Beijing";
                                               }) - m.places.begin());
    const MapView view = MapView::fitBounds(Projection::Mercator, kDefaultBriefingBounds, 1600, 900);
    const Vec2d at = rings.onScreen(view, beijing, render::MentionGeometry::centerLon(view));
    const double after = m.places[beijing].firstDay + 0.5, before = m.places[beijing].firstDay - 10.0;
    CHECK(rings.pick(view, at.x + 3, at.y - 2, after) == beijing);
    CHECK_FALSE(rings.pick(view, at.x, at.y, before).has_value());
    CHECK_FALSE(rings.pick(view, at.x + 60, at.y, after).has_value());

    render::SceneGeometry scene;
    scene.build(seed().briefing, {});
    const std::vector<render::MentionLabel> labels = render::mentionLabels(m, scene);
    const auto has = [&](const std::string& name) {
        return std::any_of(labels.begin(), labels.end(), [&](const render::MentionLabel& l) { return l.name == name; });
    };
    CHECK(has("Beijing"));
    CHECK_FALSE(has("Vladivostok"));  // the briefing's marker there has its own label
    CHECK_FALSE(has("Moscow"));
}
