// An article file as the drafter takes it: plain UTF-8 text, or an HTML page reduced to its article
// (html_article). Finds the title, the byline and the publication date (the --published flag, the
// page's meta tags, or a dateline or byline in the text) and refuses, with one line naming the file
// and the reason, what is not an article: empty, binary, not UTF-8, a page without article text.
#pragma once
#include <optional>
#include <string>

#include "core/result.hpp"
#include "model/date.hpp"

namespace briefmap::draft {

struct ArticleInput {
    std::string path;    // as given
    std::string text;    // the article text byte offsets refer to (for HTML: the extracted text)
    bool html = false;
    std::string title, byline, url;
    std::optional<model::PartialDate> published;
    std::string publishedFrom;  // "--published", "meta article:published_time", "dateline 'March 3, 2024'"
};

inline constexpr size_t kMaxArticleFileBytes = size_t{16} << 20;

// `published` (from --published) wins over whatever the file says. A missing date is not an error
// here: the caller asks for --published (missingDateMessage).
Result<ArticleInput> readArticleInput(const std::string& path, const std::optional<model::PartialDate>& published);

// The one line asking for a date when a file has none.
std::string missingDateMessage(const std::string& path);

}  // namespace briefmap::draft
