// The briefing JSON format (docs/briefing-format.md) → the model, with a problem per bad field.
#pragma once
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "model/briefing.hpp"
#include "model/diagnostic.hpp"

namespace briefmap::model {

// Reads a briefing document into `out`. Events are read while the text is parsed and their JSON is
// dropped at once (callback()), so a 100,000-event file never exists as one DOM; the rest of the
// document is read afterwards (finish()). Article files are read relative to `baseDir`, only from
// inside it or one of `articleRoots` (core/confined_path), and every
// quote is checked against its article's bytes. `placePaths[i]` is the first JSON path naming
// out.places[i], where a place that does not resolve is reported. Problems carry paths, not positions.
class BriefingJsonReader {
public:
    BriefingJsonReader(const std::string& baseDir, const std::vector<std::string>& articleRoots, Briefing& out,
                       std::vector<PlaceRef>& placePaths, Diagnostics& problems);
    ~BriefingJsonReader();

    // For a big file: reads the rest of the document first (articles, places), then the elements of
    // the top-level "events" array on all cores, each parsed on its own with its quotes checked, and
    // returns the rest of the document (its events array emptied) to pass to finish(). Nothing when
    // the file is small or the fast path does not apply (a syntax error anywhere): then parse the
    // whole text with callback(), which reports it.
    std::optional<nlohmann::json> readEventsInParallel(std::string_view text);

    // For nlohmann::json::parse(text, callback()).
    nlohmann::json::parser_callback_t callback();
    // Reads the document's other members; `doc` is the parse result, its events already consumed.
    void finish(const nlohmann::json& doc);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Reads an article file: regular, at most 16 MiB, valid UTF-8.
Result<std::string> readArticleText(const std::string& path);

}  // namespace briefmap::model
