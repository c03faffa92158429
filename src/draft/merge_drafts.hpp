// Briefings drafted in parts (a corpus drafted on several workers: scripts/draft-corpus) merged into
// one by the rule drafting itself uses: an article already there (the same text) is not added again;
// an event that is the same occurrence as one already there (draft/occurrence: kind, dates, places,
// quantities) adds its sentences to that event as sources; any other event is added, with its places.
#pragma once
#include <string>
#include <vector>

#include "draft/draft_briefing.hpp"
#include "model/briefing.hpp"

namespace briefmap::draft {

struct MergedArticle {
    std::string id;          // in the target
    std::string file;        // the text's path, relative to the target ("articles/<id>.txt")
    std::string original;    // the original's path in the target, when the part had one
    std::string originalFrom;  // where the part kept it (absolute), to copy
};

struct MergeResult {
    DraftResult draft;                   // edits (one undoable group), new and extended event ids
    std::vector<MergedArticle> articles;  // added articles: texts to write beside the target
};

// `part` was read from `partDir` (originals are found relative to it). Articles added to the target
// get `file` under "articles/" named by their id.
MergeResult mergeDraftedBriefing(const model::Briefing& target, const model::Briefing& part, const std::string& partDir);

}  // namespace briefmap::draft
