// The briefing model: articles, places, events and flows, each event tied to the sentences that
// report it. Loaded from briefing JSON, GeoJSON or ACLED-style CSV (briefing_loader.hpp) and read by
// the renderer and the panels through const references; indices, not pointers, link the parts.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/geo_types.hpp"
#include "model/annotation.hpp"
#include "model/date.hpp"
#include "model/tour_step.hpp"

namespace briefmap::model {

inline constexpr uint32_t kNone = UINT32_MAX;

enum class EventKind : uint8_t {
    Meeting,             // meeting or summit
    Visit,               // visit or travel
    Agreement,
    TroopDeployment,
    MunitionsTransfer,
    MissileStrike,       // a strike, or the use of weapons in combat
    TechnologyTransfer,
    AidTrade,            // aid, trade, food and energy
    Sanction,            // sanctions and UN action
    Statement,           // claims, denials, official statements
    // Kinds of imported event data (ACLED, UCDP, GDELT) that none of the above describes honestly.
    Battle,                    // armed clash between organised groups
    ViolenceAgainstCivilians,  // one-sided violence, mass violence
    Protest,
    Riot,
    Other,                     // any other source type; Event::sourceType keeps its label
    Count
};
std::string_view eventKindName(EventKind kind);          // "troop_deployment"
std::string_view eventKindLabel(EventKind kind);         // "Troop deployment"
std::optional<EventKind> eventKindFromName(std::string_view name);

enum class DatePrecision : uint8_t { Day, Month, Season, Year };
std::string_view datePrecisionName(DatePrecision p);
std::optional<DatePrecision> datePrecisionFromName(std::string_view name);

// What a flow carries: drives its colour on the map.
enum class Cargo : uint8_t { Troops, Munitions, Missiles, Technology, AidEnergy, People, Count };
std::string_view cargoName(Cargo cargo);   // "aid_energy"
std::string_view cargoLabel(Cargo cargo);  // "Food and energy"
std::optional<Cargo> cargoFromName(std::string_view name);

// How far a claim is established: confirmed (officially stated by the party concerned, or verified
// by observers), claimed (attributed to one side, unconfirmed), disputed (claimed and denied).
enum class ClaimStatus : uint8_t { Confirmed, Claimed, Disputed, Count };
std::string_view claimStatusName(ClaimStatus status);
std::optional<ClaimStatus> claimStatusFromName(std::string_view name);

// Whether a person has reviewed an event: drafted events (`briefmap draft`) carry "review": "draft"
// until accepted, and are drawn differently.
enum class ReviewState : uint8_t { Reviewed, Draft };

// How sure the drafter is of a drafted event and of each of its fields (0..1), so review can start
// with the weakest. Hand-made events have none.
struct DraftConfidence {
    float event = 0, kind = 0, date = 0, places = 0, flow = 0, quantity = 0, attribution = 0, status = 0;
    bool operator==(const DraftConfidence&) const = default;
};

// Remarks and extensions kept as written ("note…" and "x-…" keys): key and JSON text, so that a
// briefing read and written again keeps them.
using Extras = std::vector<std::pair<std::string, std::string>>;

struct Article {
    std::string id;
    std::string file;       // as written in the briefing (relative to it)
    std::string path;       // resolved on disk
    std::string title;
    std::string outlet;     // the attribution line as printed ("By: TA | AP Brief"), or "" when none
    PartialDate published;
    std::string publishedNote;  // why the date was inferred, when it was
    std::string url;        // where it was published (HTML articles: the page's canonical address)
    std::string original;   // the file the text was extracted from (an HTML page), relative like `file`
    std::string text;       // the file's bytes, unchanged
    Extras extras;
};

struct Place {
    std::string name;        // as written in the sources
    std::string countryHint; // ISO2 given in the briefing, may be empty
    double lat = 0, lon = 0;
    bool resolved = false;
    bool overridden = false; // coordinates given in the briefing, with `why`
    std::string why;
    std::string resolvedName, kind, country;  // what the geocoder matched
    std::string nativeName;  // the gazetteer's name in the country's script (Russian, Ukrainian, Korean)
    double confidence = 0;
    bool declared = false;   // listed in the briefing's `places` (written back there)
    bool unnamed = false;    // imported coordinates without a name: named "51.73°N 36.19°E", not labelled on the map
    double uncertaintyKm = 0;  // known only within this distance (places' "uncertainty_km", an import's precision column)
    Extras extras;
    std::vector<uint32_t> events;  // events naming this place (as a place, or a flow end or waypoint)
};

struct Quantity {
    double value = 0;        // the figure used for sizes ("up to 4.8 million" → 4.8e6)
    std::string unit;        // "troops", "artillery shells", "containers", "USD"
    std::string qualifier;   // "around", "up to", "at least", "about", "" for exact
    std::string text;        // as written: "up to 4.8 million artillery shells"
};

struct Source {
    uint32_t article = kNone;  // index into Briefing::articles; kNone for imported rows
    std::string quote;
    uint32_t start = 0, end = 0;  // UTF-8 byte offsets of the quote in the article file, end exclusive
    std::string citation;        // imported data: "file.csv:12: source column"
};

struct Flow {
    uint32_t from = kNone, to = kNone;
    std::vector<uint32_t> via;
    std::vector<LonLat> line;  // drawn along this path (an imported LineString) instead of great circles
    Cargo cargo = Cargo::People;
};

// Imported events never dated are shown at every time ("timeless"): their interval spans these days.
inline constexpr DayNumber kTimelessStartDay = -1'000'000, kTimelessEndDay = 1'000'000;

// A filled area (a Polygon or MultiPolygon feature): rings in lon/lat, even-odd fill, outer rings and
// holes alike.
struct Area {
    std::vector<Ring> rings;
};

// Columns of an imported file that briefmap does not map to a field, kept per event as the source
// wrote them (a USGS `status: automatic`, ACLED's `fatalities`): one table for the whole file so a
// million rows cost one string arena, not a million maps.
struct AttributeTable {
    std::vector<std::string> columns;
    std::string text;               // all values, back to back
    std::vector<uint32_t> offsets;  // row r, column c: text[offsets[r*C+c] .. offsets[r*C+c+1])
    size_t rows() const { return columns.empty() || offsets.empty() ? 0 : (offsets.size() - 1) / columns.size(); }
    std::string_view value(uint32_t row, size_t column) const {
        const size_t i = static_cast<size_t>(row) * columns.size() + column;
        return std::string_view(text).substr(offsets[i], offsets[i + 1] - offsets[i]);
    }
};

struct Event {
    std::string id;
    EventKind kind = EventKind::Statement;
    PartialDate start, end;  // end == start when not given
    DatePrecision precision = DatePrecision::Day;
    DayNumber startDay = 0, endDay = 0;  // inclusive interval the event covers
    std::vector<uint32_t> places;
    std::optional<Flow> flow;
    std::optional<Quantity> quantity;
    std::vector<std::string> actors;
    std::vector<std::string> attribution;  // who claims it: "KCNA", "South Korean intelligence"…
    ClaimStatus status = ClaimStatus::Confirmed;
    std::string summary;
    std::vector<Source> sources;
    ReviewState review = ReviewState::Reviewed;
    std::optional<DraftConfidence> confidence;
    bool timeless = false;        // imported without a time: shown always, startDay/endDay span all time
    std::string sourceType;       // the source's own type label for imported rows ("Battles: Armed clash")
    std::optional<Area> area;     // drawn filled; places[0] is its label point
    uint32_t attributeRow = kNone;  // row in Briefing::attributes, for imported events
    bool precisionGiven = false;  // `precision` written in the file (else implied by `start`)
    uint32_t order = 0;           // position in the file's events array: written back in that order
    Extras extras;
};

// A drafted event the analyst rejected: kept out of the events but remembered by kind and by the
// sentences it came from, so that drafting the same article again does not bring it back.
struct RejectedDraft {
    std::string id;
    EventKind kind = EventKind::Statement;
    std::string summary;
    std::vector<Source> sources;  // article and byte offsets; the quote is not kept
};

struct Briefing {
    std::string title;
    std::string description;
    Extras extras;
    std::vector<Article> articles;
    std::vector<Place> places;
    std::vector<Event> events;  // sorted by start day, then file order; timeless events first
    std::vector<RejectedDraft> rejected;  // "rejected": drafts turned down in review
    std::vector<TourStep> views;          // "views": saved views, named by their caption (keys 1–9)
    std::vector<Annotation> annotations;  // "annotations": range rings, rulers, labels, arrows
    AttributeTable attributes;  // unmapped columns of imported data
    std::optional<GeoBounds> view;  // the frame the author chose ("view": {"bbox": [W, S, E, N]})

    uint32_t findPlace(std::string_view name) const;
    uint32_t findArticle(std::string_view id) const;
    uint32_t findEvent(std::string_view id) const;  // linear; kNone when absent
    DayNumber firstDay() const;  // of all dated events; 0 when none
    // Events, and none with a time (points or lines imported without dates): no moment to name.
    bool undated() const { return !events.empty() && events.back().timeless; }  // timeless sort first
    DayNumber lastDay() const;

    // Builds Place::events, sorts events by time and locates annotations at their named places;
    // call after filling events and resolving places.
    void finish();

    std::unordered_map<std::string, uint32_t> placeIndex;  // name → place
};

// Gives annotations that name a place that place's coordinates (once places are resolved).
void locateAnnotations(Briefing& briefing);

// Adds a place by name (or returns the existing one).
uint32_t internPlace(Briefing& briefing, std::string_view name);

}  // namespace briefmap::model
