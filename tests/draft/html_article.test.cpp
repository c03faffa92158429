// HTML pages → article text, title, byline, date and address, through libxml2's parser: page chrome
// (navigation, cookie banners, share tools, captions, ads, asides, comments, footers, scripts) left out.
#include <doctest/doctest.h>

#include "core/read_file.hpp"
#include "draft/article_input.hpp"
#include "draft/html_article.hpp"
#include "test_support.hpp"

using namespace briefmap;
using namespace briefmap::draft;

namespace {

std::string fixture(const char* name) { return std::string(BRIEFMAP_TEST_DIR) + "/fixtures/draft/" + name; }

}  // namespace

TEST_CASE("a news page gives its article and nothing else") {
    const Result<std::string> page = readWholeFile(fixture("drones-page.html"), 1 << 20);
    REQUIRE(page.ok());
    const Result<HtmlArticle> a = extractHtmlArticle(*page);
    REQUIRE_MESSAGE(a.ok(), (a.ok() ? "" : a.error().message));
    CHECK(a->title == "Iran ships more drones to Russia, officials say");
    CHECK(a->url == "https://news.example.org/world/2022/10/18/iran-drones-russia");
    REQUIRE(a->published);
    CHECK(a->published->text() == "2022-10-18");
    CHECK(a->publishedFrom == "meta article:published_time");
    CHECK(a->byline == "Jane Example");
    // The article's paragraphs, subheads and list items, in order, inline markup joined.
    CHECK(a->text.starts_with("Iran ships more drones to Russia, officials say\n\nKYIV — Iran has shipped hundreds of Shahed drones"));
    CHECK(a->text.find("the city's mayor said. Tehran denied supplying") != std::string::npos);
    CHECK(a->text.find("Training in Crimea") != std::string::npos);
    CHECK(a->text.find("Iranian instructors were sent to Crimea") != std::string::npos);
    CHECK(a->text.find("The White House warned Iran") != std::string::npos);
    for (const char* chrome : {"Home", "cookies", "Share on", "Photo:", "Advertisement", "Read more", "Great article", "All rights",
                               "dataLayer", "display: none"})
        CHECK_MESSAGE(a->text.find(chrome) == std::string::npos, chrome);
    // Paragraph lines are joined: a sentence broken across source lines reads as one.
    CHECK(a->text.find("as\nRussian forces") == std::string::npos);
}

TEST_CASE("the date comes from JSON-LD when there is no meta tag, a page with no article is refused") {
    const Result<std::string> page = readWholeFile(fixture("jsonld-page.html"), 1 << 20);
    const Result<HtmlArticle> a = extractHtmlArticle(*page);
    REQUIRE(a.ok());
    REQUIRE(a->published);
    CHECK(a->published->text() == "2024-01-27");
    CHECK(a->publishedFrom == "JSON-LD datePublished");
    CHECK(a->text.find("Yemen's Houthi rebels fired an anti-ship missile") != std::string::npos);

    const Result<std::string> login = readWholeFile(fixture("login-page.html"), 1 << 20);
    const Result<HtmlArticle> none = extractHtmlArticle(*login);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.find("no article text") != std::string::npos);
    CHECK_FALSE(extractHtmlArticle("").ok());
    CHECK_FALSE(extractHtmlArticle(std::string(5000, '<')).ok());
}

TEST_CASE("article files: text or HTML, refused with the file and the reason when not an article") {
    const auto dir = test::makeTempDir("briefmap-article-input");
    test::writeTextFile(dir / "empty.txt", "  \n\n ");
    test::writeTextFile(dir / "binary.txt", std::string("abc\0def", 7));
    test::writeTextFile(dir / "latin1.txt", "Kiev\nKharkiv stra\xDF" "e");
    test::writeTextFile(dir / "ok.txt", "Iran sends drones\n\nBy Jane Example\nPublished 12 March 2024\n\nIran sent drones to Russia.");
    const auto empty = readArticleInput((dir / "empty.txt").string(), std::nullopt);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message == (dir / "empty.txt").string() + ": empty article");
    const auto binary = readArticleInput((dir / "binary.txt").string(), std::nullopt);
    REQUIRE_FALSE(binary.ok());
    CHECK(binary.error().message.find("binary file (NUL byte at offset 3)") != std::string::npos);
    const auto latin1 = readArticleInput((dir / "latin1.txt").string(), std::nullopt);
    REQUIRE_FALSE(latin1.ok());
    CHECK(latin1.error().message.find("latin1.txt:2:13: invalid UTF-8 (byte 0xDF)") != std::string::npos);
    const auto missing = readArticleInput((dir / "nope.txt").string(), std::nullopt);
    CHECK_FALSE(missing.ok());
    const auto ok = readArticleInput((dir / "ok.txt").string(), std::nullopt);
    REQUIRE(ok.ok());
    CHECK(ok->title == "Iran sends drones");
    CHECK(ok->byline == "By Jane Example");
    REQUIRE(ok->published);
    CHECK(ok->published->text() == "2024-03-12");
    const auto flagged = readArticleInput((dir / "ok.txt").string(), model::PartialDate{2024, 3, 13});
    CHECK(flagged->published->text() == "2024-03-13");
    CHECK(flagged->publishedFrom == "--published");
    std::filesystem::remove_all(dir);
}
