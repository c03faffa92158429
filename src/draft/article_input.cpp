#include "draft/article_input.hpp"

#include <algorithm>
#include <cstdio>

#include "core/read_file.hpp"
#include "core/text_fold.hpp"
#include "draft/date_phrases.hpp"
#include "draft/html_article.hpp"
#include "geo/text_tokens.hpp"

namespace briefmap::draft {

namespace {

bool endsWithNoCase(const std::string& s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    for (size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}

bool looksLikeHtml(std::string_view text) {
    size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
    if (text.substr(i, 3) == "\xEF\xBB\xBF") i += 3;
    std::string head(text.substr(i, 15));
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return head.starts_with("<!doctype html") || head.starts_with("<html");
}

std::string trimmed(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

// Title and byline of a plain-text article: its first line when it reads as a headline, and a
// "By …" line near the top.
void readTextHeader(ArticleInput& a) {
    size_t at = 0;
    int lines = 0;
    while (at < a.text.size() && lines < 8) {
        size_t end = a.text.find('\n', at);
        if (end == std::string::npos) end = a.text.size();
        const std::string line = trimmed(std::string_view(a.text).substr(at, end - at));
        at = end + 1;
        if (line.empty()) continue;
        ++lines;
        if (a.byline.empty() && (line.starts_with("By ") || line.starts_with("By:") || line.starts_with("BY ")) && line.size() < 120) {
            a.byline = line;
            continue;
        }
        if (a.title.empty() && line.size() < 200 && line.back() != '.') a.title = line;
    }
    if (a.title.empty()) {
        // No headline: the opening words.
        const std::string first = trimmed(std::string_view(a.text).substr(0, std::min<size_t>(a.text.size(), 300)));
        size_t cut = std::min<size_t>(first.size(), 80);
        while (cut < first.size() && cut > 0 && first[cut] != ' ') --cut;
        a.title = first.substr(0, cut) + (cut < first.size() ? "…" : "");
    }
}

}  // namespace

std::string missingDateMessage(const std::string& path) {
    return path + ": no publication date found (no --published, meta tag, dateline or byline date); give --published YYYY-MM-DD";
}

Result<ArticleInput> readArticleInput(const std::string& path, const std::optional<model::PartialDate>& published) {
    Result<std::string> bytes = readWholeFile(path, kMaxArticleFileBytes);
    if (!bytes) return bytes.error();
    ArticleInput a;
    a.path = path;
    std::string& raw = *bytes;
    if (trimmed(raw).empty()) return Error{path + ": empty article"};
    if (const size_t nul = raw.find('\0'); nul != std::string::npos)
        return Error{path + ": binary file (NUL byte at offset " + std::to_string(nul) + "), not an article"};
    a.html = endsWithNoCase(path, ".html") || endsWithNoCase(path, ".htm") || looksLikeHtml(raw);
    if (a.html) {
        Result<HtmlArticle> page = extractHtmlArticle(raw);
        if (!page) return Error{path + ": " + page.error().message};
        a.text = std::move(page->text);
        a.title = std::move(page->title);
        a.byline = std::move(page->byline);
        a.url = std::move(page->url);
        if (page->published) {
            a.published = page->published;
            a.publishedFrom = page->publishedFrom;
        }
    } else {
        if (!isValidUtf8(raw)) {
            size_t bad = 0;
            for (size_t i = 0; i < raw.size();) {
                const CodePoint cp = decodeUtf8(raw, i);
                if (!cp.valid) {
                    bad = i;
                    break;
                }
                i += cp.length;
            }
            const auto [line, column] = geo::lineColumnAt(raw, bad);
            char byte[8];
            std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(raw[bad])));
            return Error{path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": invalid UTF-8 (byte " + byte +
                         "); convert the file to UTF-8"};
        }
        a.text = std::move(raw);
        readTextHeader(a);
    }
    if (published) {
        a.published = published;
        a.publishedFrom = "--published";
    } else if (!a.published) {
        if (auto d = findDatelineDate(a.text)) {
            a.published = *d;
            a.publishedFrom = "dateline or byline";
        }
    }
    return a;
}

}  // namespace briefmap::draft
