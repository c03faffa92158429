// One article → its draft events: sentences (core/sentences), places resolved in the whole
// article's context (the geoparser), candidates per sentence (event_rules), then what only the whole
// article tells: who "he" is, which claim a denial answers, which sentences tell the same event
// (merged, every sentence kept as a source), dates that default to the publication month, and a
// confidence for the event and each field.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/sentences.hpp"
#include "draft/date_phrases.hpp"
#include "draft/quantities.hpp"
#include "geo/geocoder.hpp"
#include "model/briefing.hpp"

namespace briefmap::draft {

struct DraftPlace {
    std::string name;      // as the briefing will name it ("Kursk border region", "North Korea")
    uint32_t place = 0;    // gazetteer index (the article-context resolution)
    std::string country;   // ISO2
    bool countryLevel = false;
    float confidence = 0;
};

// Who said an event happened, as read in one sentence; attribution and status are settled from all
// of an event's claims once its sentences are merged (settleClaims).
struct DraftClaim {
    std::string speaker;                 // as written ("Ukrainian officials"); "reports" for a hedge
    std::vector<std::string> countries;  // the countries the speaker stands for
    bool hedge = false;                  // "reportedly": no speaker named
    bool confirms = false;               // "confirmed", "verified"
};

struct DraftEvent {
    model::EventKind kind = model::EventKind::Statement;
    DateRange date;
    bool dated = false;  // a time phrase gave the date (else the publication month)
    std::vector<DraftPlace> places;
    std::optional<DraftPlace> from, to;
    std::vector<DraftPlace> via;
    model::Cargo cargo = model::Cargo::People;
    std::optional<QuantityPhrase> quantity;
    std::vector<std::string> actors;
    std::vector<std::string> attribution;
    model::ClaimStatus status = model::ClaimStatus::Confirmed;
    std::vector<TextSpan> sources;  // whole sentences, in text order
    model::DraftConfidence confidence;
    std::vector<std::string> explanation;  // trigger words and the cue behind every field
    std::string summary;
    std::string topic;  // agreements: what kind of agreement (event_rules Candidate::topic)
    bool anaphoric = false;  // "the transfer": joins the event it refers to, never stands alone
    bool instance = false;   // "the most recent shipment": takes the referent's places, stays its own event
    bool originOnly = false; // its only place is where it comes from (the destination was not found)
    size_t triggerWord = 0;  // in its first sentence: where the trigger stands
    std::vector<DraftClaim> claims;
    std::vector<std::string> actorCountries;  // who takes part (ISO2): their own words confirm it
    bool denied = false;     // the article reports a denial of it
    bool statedAsFact = false;  // a sentence tells it with a verb and no one to attribute it to
};

struct DraftedArticle {
    std::vector<TextSpan> sentences;
    std::vector<DraftEvent> events;  // in order of their first source
};

DraftedArticle draftArticle(std::string_view text, const model::PartialDate& published, const geo::Geocoder& geocoder);

// Whether two drafted events tell the same occurrence (same kind, the same places or flow ends,
// dates that agree): they are merged, across sentences and across articles.
bool sameOccurrence(const DraftEvent& a, const DraftEvent& b, const geo::Gazetteer& gazetteer);
struct Occurrence;
Occurrence occurrenceOf(const DraftEvent& event, const geo::Gazetteer& gazetteer);
// Merges b into a (sources, claims, fields a lacks); settle a's claims again afterwards.
void mergeInto(DraftEvent& a, DraftEvent&& b);
// Attribution and status from the claims: a claim by the acting side itself (the sender, the place
// of the event) confirms and names no source; a denial makes it disputed; other claims are its
// attribution and make it claimed unless one of them confirms.
void settleClaims(DraftEvent& e);

}  // namespace briefmap::draft
