// Drafted articles → changes to a briefing (model/briefing_edits): the articles, the places the
// events name (with the country the article context resolved them in, and coordinates where the
// name alone would resolve elsewhere), new events marked "review": "draft", and, for an event the
// briefing already has, only the new sentences as sources. A new briefing is the same edits applied
// to an empty one; `draft --into` applies them to the briefing on disk, so hand edits stay.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "draft/article_input.hpp"
#include "draft/drafter.hpp"
#include "model/briefing_edits.hpp"

namespace briefmap::draft {

struct DraftInput {
    ArticleInput article;
    std::string file;      // the text's path relative to the briefing (its `file`)
    std::string original;  // HTML: the page's path relative to the briefing
    DraftedArticle drafted;
};

struct DraftResult {
    std::unique_ptr<model::Edit> edit;  // everything, as one undoable step
    std::vector<std::string> newEventIds;     // events added, in order
    std::vector<std::string> extendedEventIds;  // existing events that gained a source
    // For --explain and --jsonl: each new or extended event's id with its explanation lines.
    std::vector<std::pair<std::string, std::vector<std::string>>> explanations;
};

// The event that `span` of the briefing's article `article` tells, as the drafter reads the whole
// article: the drafted event whose sentences overlap the span most, with the span as its only
// source (exact offsets and quote), a draft with a fresh id. Nothing when the drafter finds no event
// there. For the window's "New event from selection".
std::optional<model::PortableEvent> draftEventFromSpan(const model::Briefing& briefing, uint32_t article, TextSpan span,
                                                       const geo::Geocoder& geocoder);

// `target` is the briefing the edits will be applied to (empty for a new one; places resolved).
DraftResult draftEdits(const model::Briefing& target, std::vector<DraftInput>& inputs, const geo::Geocoder& geocoder);

}  // namespace briefmap::draft
