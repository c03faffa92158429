// From one analysed sentence to candidate events: each trigger word (a verb or noun from the
// tables) is read in its clause — verb or noun, active or passive, what it carries, who does it,
// where from and where to, how sure the clause is (plans, hypotheses, negation) — and becomes a
// candidate only when its frame is filled well enough to be an event of one kind.
#pragma once
#include <string>
#include <vector>

#include "draft/event_words.hpp"
#include "draft/sentence_analysis.hpp"

namespace briefmap::draft {

struct Candidate {
    model::EventKind kind = model::EventKind::Statement;
    size_t trigger = 0;  // word index in the sentence
    Frame frame = Frame::Count;
    bool noun = false;
    int from = -1, to = -1;       // entity indices (flows)
    std::vector<int> places;      // entity indices (events at places)
    std::vector<int> actors;      // entity indices (who does it)
    bool flow = false;
    model::Cargo cargo = model::Cargo::People;
    int quantity = -1;            // index into SentenceAnalysis::quantities
    int time = -1;                // index into SentenceAnalysis::times
    bool timeIsAnchor = false;    // the trigger is the phrase's anchor: the event is at its date
    int sameTimeAs = -1;          // a candidate of the same sentence whose date this one shares
    std::vector<int> attributions;  // indices into SentenceAnalysis::attributions
    Modality modality = Modality::Fact;
    bool purpose = false;         // "in order to send": not an event of its own
    bool originOnly = false;      // the only place known is where it comes from (a flow's destination is missing)
    bool anaphoric = false;       // "the transfer", "the talks": no places of its own; it joins the event it refers to
    bool instance = false;        // "the most recent shipment": a new event like the one referred to, not the same
    std::vector<int> via;         // entity indices a flow passes ("via the Caspian Sea")
    float kindConfidence = 0, flowConfidence = 0, placeConfidence = 0;
    std::string topic;            // what an agreement is about ("agreement", "membership"): two topics are two agreements
    std::vector<std::string> cues;  // why: one line per decision, for --explain
};

std::vector<Candidate> findCandidates(std::string_view text, const SentenceAnalysis& sentence);

}  // namespace briefmap::draft
