// A news web page → its article: title, byline, publication date, canonical address and main text,
// read with libxml2's HTML parser (never regular expressions; no network, no external entities).
// The main text is the block of paragraphs the page is about: <article>, itemprop=articleBody, or
// the container whose own paragraphs hold the most text; navigation, asides, footers, scripts,
// forms, share and comment blocks are left out.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "model/date.hpp"

namespace briefmap::draft {

struct HtmlArticle {
    std::string title;
    std::string byline;
    std::string url;
    std::optional<model::PartialDate> published;
    std::string publishedFrom;  // which tag gave the date ("meta article:published_time")
    std::string text;           // title, blank line, paragraphs separated by blank lines; UTF-8
};

// Fails (with the reason) when the page holds no article text.
Result<HtmlArticle> extractHtmlArticle(std::string_view html);

// "2024-06-17T09:30:00+09:00", "2024-06-17", "June 17, 2024", "17 June 2024" → the date.
std::optional<model::PartialDate> parseLooseDate(std::string_view text);

}  // namespace briefmap::draft
