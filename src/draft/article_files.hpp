// Articles on disk made ready to draft into a briefing in a folder: read (HTML reduced to its text),
// drafted, and, for an HTML page or a text from outside the briefing's folder tree (a briefing reads
// articles only from there: core/confined_path), the text to write beside the briefing. Shared by
// `briefmap draft --out/--into` and the window's Add articles; nothing is written here.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "draft/draft_briefing.hpp"

namespace briefmap::draft {

struct PreparedArticles {
    std::vector<DraftInput> inputs;  // read and drafted; `file` / `original` relative to the folder
    std::vector<std::pair<std::filesystem::path, std::string>> texts;  // to write beside the briefing first
    std::vector<std::string> errors;  // one line per file that cannot be drafted; then nothing is drafted
};

// Reads every file first: each that cannot be drafted (empty, binary, no date and no `published`)
// gives one line naming it, and then none is drafted. `folder` is the briefing's; with
// `copyOutside` false (a briefing going to stdout) texts are referred to where they are.
PreparedArticles prepareArticles(const std::vector<std::string>& files, const std::optional<model::PartialDate>& published,
                                         const std::filesystem::path& home, bool copyOutside, const geo::Geocoder& geocoder,
                                         bool keepGoing = false);  // keepGoing: draft the readable ones, errors listed

// Writes the texts (atomically); the first failure is the error.
Status writeArticleTexts(const PreparedArticles& prepared);

}  // namespace briefmap::draft
