// A briefing as the store's rows (no database here, so it is testable alone): each element's body as
// the briefing file writes it, and the typed columns derived from it (time, geometry as EWKT, kind).
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "model/briefing.hpp"

namespace briefmap::store {

struct EventRow {
    std::string id;
    int ord = 0;
    std::string digest;                 // of `body`
    std::string kind, review, status;
    std::optional<std::string> firstDay, lastDay;  // YYYY-MM-DD; none: timeless
    std::optional<std::string> geom;    // EWKT; none: no resolved place
    std::string body;                   // JSON, one line
    struct FlowRow { std::string cargo; std::optional<std::string> geom; };
    std::optional<FlowRow> flow;
    struct SourceRow {
        std::optional<std::string> article;
        uint32_t start = 0, end = 0;
        std::string quote, citation;
    };
    std::vector<SourceRow> sources;
};

struct PlaceRow {
    std::string name;
    int ord = 0;
    bool declared = false;
    std::optional<std::string> body;    // the declaration
    std::optional<std::string> geom;    // EWKT point
    std::string kind, country;
};

struct ArticleRow {
    std::string id;
    int ord = 0;
    std::string body, digest, title, published, text;
    std::optional<std::string> original;  // the original file's bytes
};

struct BriefingRows {
    std::string head;        // the briefing's JSON with articles, places and events emptied
    std::string headDigest;
    std::vector<ArticleRow> articles;
    std::vector<PlaceRow> places;
    std::vector<EventRow> events;
};

// `briefingDir`: where the briefing's relative article paths start (to read originals); may be empty.
BriefingRows briefingRows(const model::Briefing& briefing, const std::string& briefingDir);
EventRow eventRow(const model::Briefing& briefing, const model::Event& event);
PlaceRow placeRow(const model::Briefing& briefing, uint32_t place);
ArticleRow articleRow(const model::Briefing& briefing, uint32_t article, const std::string& briefingDir);
// The briefing's own members as JSON (articles, places and events empty), without serialising its
// events: cheap enough to write on every edit of the views or the rejected drafts.
std::string headOf(const model::Briefing& briefing);

// 16 hex digits (FNV-1a 64): tells changed bodies from unchanged ones, nothing more.
std::string digestOf(std::string_view text);

// EWKT of a point, normalising longitude into [-180, 180].
std::string pointEwkt(double lon, double lat);

}  // namespace briefmap::store
