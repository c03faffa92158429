#include "draft/html_article.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <vector>

#include "core/text_fold.hpp"
#include "draft/date_phrases.hpp"

namespace briefmap::draft {

namespace {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string_view name(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

std::string attr(const xmlNode* n, const char* key) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(key));
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool isElement(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }

// Elements that are never article text.
bool isChromeTag(std::string_view tag) {
    static constexpr std::array<std::string_view, 17> kTags = {"script", "style", "noscript", "nav", "footer", "aside",
                                                               "form", "button", "iframe", "svg", "select", "template",
                                                               "figcaption", "head", "menu", "dialog", "input"};
    return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

// Class or id words that mark page furniture: sharing, comments, related links, ads.
bool isChromeBlock(const xmlNode* n) {
    const std::string marks = lower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "role"));
    if (marks.size() <= 2) return false;
    static constexpr std::array<std::string_view, 26> kWords = {
        "comment", "share", "social", "related", "promo", "advert", "newsletter", "subscribe", "cookie", "sidebar",
        "breadcrumb", "signup", "recommend", "popular", "navigation", "banner", "footer", "outbrain", "taboola",
        "paywall", "caption", "toolbar", "byline", "dateline", "timestamp", "author"};
    for (std::string_view w : kWords)
        if (marks.find(w) != std::string::npos) return true;
    return marks == "ad" || marks.starts_with("ad ") || marks.find(" ad ") != std::string::npos ||
           marks.find("ad-") != std::string::npos || marks.find("ads") != std::string::npos;
}

bool skipped(const xmlNode* n) { return isElement(n) && (isChromeTag(name(n)) || isChromeBlock(n)); }

// The text under a node, white space collapsed, chrome left out.
void appendText(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out += reinterpret_cast<const char*>(c->content);
        } else if (isElement(c) && !skipped(c)) {
            if (name(c) == "br") out += ' ';
            else appendText(c, out);
        }
    }
}

std::string collapse(std::string_view s) {
    std::string out;
    bool space = false;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (ws) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(static_cast<char>(c));
    }
    return out;
}

std::string textOf(const xmlNode* n) {
    std::string s;
    appendText(n, s);
    return collapse(s);
}

template <typename F>
void walk(const xmlNode* n, F&& visit) {
    for (const xmlNode* c = n; c; c = c->next) {
        if (!isElement(c)) continue;
        if (!visit(c)) continue;
        walk(c->children, visit);
    }
}

bool isBlockTag(std::string_view tag) {
    return tag == "p" || tag == "h2" || tag == "h3" || tag == "h4" || tag == "h5" || tag == "h6" || tag == "li" ||
           tag == "blockquote" || tag == "pre";
}

// Paragraph text directly under a node (its own <p> children): how much article it holds.
size_t ownParagraphText(const xmlNode* n) {
    size_t total = 0;
    for (const xmlNode* c = n->children; c; c = c->next)
        if (isElement(c) && name(c) == "p" && !skipped(c)) total += textOf(c).size();
    return total;
}

struct PageScan {
    std::string title, h1, ogTitle, byline, url, canonical;
    std::string date, dateFrom;
    const xmlNode* article = nullptr;
    size_t articleText = 0;
    const xmlNode* body = nullptr;
    const xmlNode* densest = nullptr;
    size_t densestText = 0;
};

void takeDate(PageScan& scan, const std::string& value, const std::string& from) {
    if (scan.date.empty() && !value.empty()) {
        scan.date = value;
        scan.dateFrom = from;
    }
}

void scanJsonLd(PageScan& scan, const std::string& text) {
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) return;
    std::vector<const nlohmann::json*> stack{&j};
    while (!stack.empty()) {
        const nlohmann::json* v = stack.back();
        stack.pop_back();
        if (v->is_object()) {
            if (auto it = v->find("datePublished"); it != v->end() && it->is_string())
                takeDate(scan, it->get<std::string>(), "JSON-LD datePublished");
            for (const auto& item : v->items()) stack.push_back(&item.value());
        } else if (v->is_array()) {
            for (const auto& item : *v) stack.push_back(&item);
        }
    }
}

PageScan scanPage(const xmlNode* root) {
    PageScan scan;
    walk(root, [&](const xmlNode* n) {
        const std::string_view tag = name(n);
        if (tag == "title" && scan.title.empty()) scan.title = textOf(n);
        if (tag == "body") scan.body = n;
        if (tag == "meta") {
            const std::string key = lower(attr(n, "property").empty() ? attr(n, "name") : attr(n, "property"));
            const std::string itemprop = lower(attr(n, "itemprop"));
            const std::string content = attr(n, "content");
            if (key == "og:title") scan.ogTitle = content;
            if (key == "og:url" && scan.url.empty()) scan.url = content;
            if ((key == "author" || key == "article:author" || key == "byl") && scan.byline.empty()) scan.byline = content;
            if (key == "article:published_time" || key == "og:published_time" || key == "pubdate" || key == "publishdate" ||
                key == "date" || key == "dc.date" || key == "dc.date.issued" || key == "dcterms.created" ||
                key == "sailthru.date" || key == "parsely-pub-date" || itemprop == "datepublished")
                takeDate(scan, content, "meta " + (key.empty() ? itemprop : key));
        }
        if (tag == "link" && lower(attr(n, "rel")) == "canonical") scan.canonical = attr(n, "href");
        if (tag == "script" && lower(attr(n, "type")) == "application/ld+json") {
            std::string text;
            for (const xmlNode* c = n->children; c; c = c->next)
                if (c->content) text += reinterpret_cast<const char*>(c->content);
            scanJsonLd(scan, text);
        }
        // Dates and bylines sit in blocks that are no article text: read them before skipping those.
        if (tag == "time" && !attr(n, "datetime").empty()) takeDate(scan, attr(n, "datetime"), "<time datetime>");
        if (lower(attr(n, "itemprop")) == "datepublished" && !attr(n, "datetime").empty())
            takeDate(scan, attr(n, "datetime"), "itemprop datePublished");
        if (scan.byline.empty() && (lower(attr(n, "rel")) == "author" || lower(attr(n, "class")).find("byline") != std::string::npos ||
                                    lower(attr(n, "itemprop")) == "author")) {
            std::string by = textOf(n);
            if (by.size() < 120) scan.byline = by;
        }
        if (tag != "head" && skipped(n)) return false;
        if (tag == "h1" && scan.h1.empty()) scan.h1 = textOf(n);
        if (tag == "article" || lower(attr(n, "itemprop")) == "articlebody") {
            size_t text = 0;
            walk(n->children, [&](const xmlNode* c) {
                if (skipped(c)) return false;
                if (name(c) == "p") text += textOf(c).size();
                return name(c) != "p";
            });
            if (text > scan.articleText) scan.article = n, scan.articleText = text;
        }
        const size_t own = ownParagraphText(n);
        if (own > scan.densestText) scan.densest = n, scan.densestText = own;
        return true;
    });
    return scan;
}

void collectBlocks(const xmlNode* n, std::vector<std::string>& blocks) {
    for (const xmlNode* c = n; c; c = c->next) {
        if (!isElement(c) || skipped(c)) continue;
        const std::string_view tag = name(c);
        if (isBlockTag(tag)) {
            // A list item or quote that holds paragraphs is read by its paragraphs.
            bool nested = false;
            walk(c->children, [&](const xmlNode* d) {
                nested |= name(d) == "p";
                return !nested;
            });
            if (!nested || tag == "p") {
                std::string t = textOf(c);
                if (!t.empty()) blocks.push_back(std::move(t));
                continue;
            }
        }
        collectBlocks(c->children, blocks);
    }
}

}  // namespace

std::optional<model::PartialDate> parseLooseDate(std::string_view text) {
    if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
        if (Result<model::PartialDate> d = model::parsePartialDate(text.substr(0, 10))) return *d;
    }
    return findDatelineDate(text, text.size());
}

Result<HtmlArticle> extractHtmlArticle(std::string_view html) {
    if (html.size() > (64u << 20)) return Error{"page larger than 64 MiB"};
    // A page whose bytes are valid UTF-8 is read as UTF-8; otherwise its <meta charset> decides.
    const char* encoding = isValidUtf8(html) ? "UTF-8" : nullptr;
    std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
        html.data(), static_cast<int>(html.size()), nullptr, encoding,
        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT));
    if (!doc) return Error{"not an HTML page"};
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root) return Error{"not an HTML page"};
    const PageScan scan = scanPage(root);
    const xmlNode* main = scan.article && scan.articleText >= 200 ? scan.article : scan.densest;
    if (!main && scan.body) main = scan.body;
    std::vector<std::string> blocks;
    if (main) {
        if (main == scan.densest && main->parent && ownParagraphText(main) < 200) main = main->parent;
        collectBlocks(main->children, blocks);
    }
    HtmlArticle a;
    a.title = !scan.h1.empty() ? scan.h1 : !scan.ogTitle.empty() ? collapse(scan.ogTitle) : scan.title;
    a.byline = collapse(scan.byline);
    a.url = !scan.canonical.empty() ? scan.canonical : scan.url;
    if (!scan.date.empty()) {
        if (auto d = parseLooseDate(scan.date)) {
            a.published = *d;
            a.publishedFrom = scan.dateFrom;
        }
    }
    // The headline is the title: it is not repeated as a paragraph.
    blocks.erase(std::remove(blocks.begin(), blocks.end(), a.title), blocks.end());
    size_t words = 0;
    for (const std::string& b : blocks) words += static_cast<size_t>(std::count(b.begin(), b.end(), ' ')) + 1;
    if (words < 20) return Error{"no article text in the page (" + std::to_string(words) + " words of paragraphs)"};
    std::string text = a.title.empty() ? std::string() : a.title + "\n\n";
    for (const std::string& b : blocks) text += b + "\n\n";
    text.pop_back();
    a.text = std::move(text);
    if (!isValidUtf8(a.text)) return Error{"the page's text is not valid UTF-8 after decoding"};
    return a;
}

}  // namespace briefmap::draft
