// Everything the panels change and the frame loop reads: a plain struct, no behaviour.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clear_area.hpp"
#include "core/map_view.hpp"
#include "model/briefing_search.hpp"
#include "model/tour.hpp"
#include "model/table_import.hpp"
#include "model/timeline.hpp"
#include "render/map_renderer.hpp"

namespace briefmap::ui {

// What the analyst clicked: a map site, a flow, or one event (from a list).
struct Selection {
    enum class Kind { None, Site, Flow, Event, Mention } kind = Kind::None;
    // site or flow index in the scene; event index in the briefing; place index in the articles' mentions
    uint32_t index = 0;
    bool operator==(const Selection&) const = default;
};

// Playback speeds offered, in days per second: a day per second to a year per second.
inline constexpr double kSpeeds[] = {1, 2, 4, 7, 14, 30, 61, 122, 183, 365};
inline constexpr int kSpeedCount = static_cast<int>(sizeof(kSpeeds) / sizeof(kSpeeds[0]));

// A smooth camera move (presenter stepping): centre and log-scale interpolate with ease-in-out.
struct CameraFlight {
    bool active = false;
    Vec2d fromCenter{}, toCenter{};
    double fromLogScale = 0, toLogScale = 0;
    double elapsed = 0, duration = 0.9;
};

// The import dialog: a data file's first rows and which column is which, before it is opened.
struct ImportDialog {
    bool open = false;
    std::string path;
    model::TablePreview preview;
    std::vector<int> choice;  // per role shown: -2 automatic, -1 none, else a column index
    bool requested = false;   // Import pressed: the frame loop opens `path` with `mapping`
    model::ColumnMapping mapping;
    std::string error;        // why the last import failed
};

// The tour beside the briefing: stepped with Page Down/Up, edited in the Tour panel.
struct TourUi {
    std::optional<model::Tour> tour;
    std::string path;   // where Save writes (BRIEFING.tour.json beside the briefing, or --tour)
    int step = -1;      // the step on screen, -1 none
    bool dirty = false; // edited since loaded or saved
    std::string message;
};

// Export video: the choices, and the background export's progress (ui/video_export_job).
struct VideoExportUi {
    int format = 0;       // mp4, webm, gif
    int size = 0;         // into kVideoSizes
    int fps = 30;
    float seconds = 10;
    char from[24] = "", to[24] = "";  // YYYY-MM-DD[THH:MM[:SS]]; empty: the briefing's first / last day
    bool playTour = false;  // the tour instead of the briefing's time range
    bool requested = false, cancelRequested = false;
    bool running = false;
    int done = 0, total = 0;
    std::string message;
};
inline constexpr std::pair<int, int> kVideoSizes[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {800, 450}};

// The event editor's form: the event's fields as text, checked with validate's rules as they change.
struct EventForm {
    std::string eventId;         // the event in the form, "" none
    uint64_t revision = UINT64_MAX;  // the document revision it was filled at
    int kind = 0, precision = 0, status = 0, cargo = 0;  // precision 0: as the start date implies
    char start[24] = "", end[24] = "";
    char places[512] = "";       // one per line
    bool flow = false;
    char from[128] = "", to[128] = "", via[256] = "";  // via: one per line
    bool quantity = false;
    char value[32] = "", unit[64] = "", qualifier[32] = "", quantityText[256] = "";
    char actors[512] = "", attribution[512] = "";  // one per line
    char summary[2048] = "";
    bool draft = false;
    bool changed = false;        // differs from the event in the briefing
    std::vector<std::string> problems;
};

// A candidate location for a place being fixed (the geocoder's ranked answers to a search).
struct PlaceCandidate {
    std::string label;  // "Sudzha, Kursk, RU (town)"
    std::string name;   // the gazetteer's name: "Sudzha"
    double lat = 0, lon = 0;
};

// Add articles: files drafted in the background into draft events (dropped on the window, or typed
// in the dialog, Ctrl+O).
struct AddArticlesUi {
    bool open = false;
    char paths[4096] = "";       // one per line
    char published[16] = "";     // for articles that carry no date of their own
    bool requested = false;      // the frame loop starts the drafting
    bool running = false;
    size_t count = 0;            // articles being drafted
    std::vector<std::string> errors;
    std::string message;
};

// The authoring side: requests from keys and panels that the frame loop carries out on the
// document (model/briefing_document), and the editor, review and place-fixing state.
// Drawing annotations on the map (ui/annotations_panel): the tool in use, a drag under way, the last
// measurement, and what a click or drag placed (the frame loop adds it as one undoable edit).
enum class AnnotationTool : uint8_t { None, Ruler, RangeRing, Arrow, Label };
struct PickedPoint {
    LonLat at;
    std::string place;  // the briefing place under the cursor (the annotation names it), or ""
};
struct AnnotationUi {
    AnnotationTool tool = AnnotationTool::None;
    std::optional<PickedPoint> dragFrom, dragTo;  // a ruler or an arrow being drawn
    std::optional<std::pair<PickedPoint, PickedPoint>> measured;  // the ruler's last measurement, shown until Esc
    float ringRadiusKm = 500;
    char text[128] = "";                 // a new label's, ring's or arrow's text
    std::optional<model::Annotation> placed;
    uint64_t transientVersion = 0;       // changes when the drawn ruler or arrow changes
};

struct EditingUi {
    bool editorOpen = false;
    EventForm form;
    char placeSearch[128] = "";   // the editor's "add a place" search
    std::vector<PlaceCandidate> placeResults;
    AddArticlesUi add;
    bool reviewOpen = true;       // the Review panel, while there are drafts
    float acceptAbove = 0.8f;
    char reviewKey = 0;           // 'a' accept, 'r' reject, 'n' next, 'p' previous, 'e' edit, 'f' fix place
    bool focusEditor = false;     // the editor just opened: the summary takes the keyboard
    bool searchRequested = false; // Ctrl+F
    bool searchOpen = false;
    char searchQuery[128] = "";
    std::vector<model::SearchHit> hits;
    uint64_t hitsRevision = UINT64_MAX;  // the query and briefing the hits are for
    std::string hitsQuery;
    int viewKey = 0;              // 1–9: jump to that saved view
    char viewName[96] = "";
    bool undoRequested = false, redoRequested = false, saveRequested = false;
    // Fixing a place: its name, the search typed, the ranked candidates, or a click on the map.
    std::string fixPlace;
    char placeQuery[128] = "";
    std::vector<PlaceCandidate> candidates;
    int hoveredCandidate = -1;
    bool pickOnMap = false;
    bool pickForEvent = false;    // the click adds a place to the event in the editor (else fixes fixPlace)
    std::optional<LonLat> picked;  // where the map was clicked while picking
    // Shift+drag from one place to another: a new flow between them (sourced to the sentence picked
    // in the article reader).
    std::optional<uint32_t> flowDragFrom;             // the site the drag began on
    std::optional<std::pair<uint32_t, uint32_t>> flowDropped;  // from site, to site: the frame loop adds it
    bool quitPrompt = false;      // unsaved changes: save, discard or stay
    bool recoveryPrompt = false;  // a recovery file from an earlier session: recover or discard
    std::string recoveryNote;
    std::string message;          // the last save, undo or refusal, shown in the Review/Edit panels
    AnnotationUi annotating;
};

// Sentences picked in the article reader (a briefing article), for a new event or a source.
struct ReaderSelection {
    int article = -1;
    uint32_t start = 0, end = 0;  // byte offsets in the article's text; empty: nothing picked
};

struct UiState {
    MapView view;
    ReaderSelection readerSelection;
    EditingUi editing;
    TourUi tour;
    VideoExportUi video;
    ImportDialog importDialog;
    render::MapStyle style;
    bool showPanels = true;
    // Wheel zoom still to apply (a factor, 1 = none) and the pixel it zooms around; applied smoothly
    // over the next frames so zooming animates instead of jumping.
    double pendingZoom = 1.0;
    double zoomAnchorX = 0, zoomAnchorY = 0;
    bool screenshotRequested = false;
    bool quitRequested = false;
    bool closeConfirmed = false;  // the unsaved-changes prompt was answered: close without asking again
    bool fullscreenToggleRequested = false;
    bool screenshotWorldFile = false;
    int screenshotSize = 0;  // 0: window size; else an index into kScreenshotSizes
    std::string screenshotDir = ".";
    char screenshotDirInput[512] = ".";  // the Map panel's folder field
    std::string lastMessage;  // shown in the controls panel (e.g. where a screenshot went)
    // Each new message also shows for a few seconds at the top of the window (saved, written, failed).
    std::string toastText;
    double toastSince = -1;
    float frameMs = 0;
    std::vector<render::ScreenBox> panelRects;  // this frame's panels, window pixels; labels avoid them
    // The last frame's panels, legend, title and time bar (framebuffer pixels): camera moves frame
    // their target in the largest part of the map clear of them.
    std::vector<PixelRect> coveredLastFrame;
    render::ScreenBox legendBox{};  // the legend as last drawn (layout pixels): a click there folds it
    double pixelRatio = 1;  // the map's layout pixels per window pixel (below 1 with --scale above 1)
    // The window y at which the panels stacked under the map's title start (row 0), and each next
    // header's: the title box grows with the map's scale, the headers do not.
    float panelRowY(int row) const { return static_cast<float>(84.0 / pixelRatio) + 26.0f * static_cast<float>(row + 1); }

    // Time
    model::TimeRange range;
    double day = 0;
    // A time window: > 0 shows only the last windowDays days up to `day` (the Time panel's choice, or
    // a range shift-dragged on the slider); 0: everything so far.
    double windowDays = 0;
    std::optional<double> rangeAnchor;  // where a shift-drag on the slider started
    double windowStart() const { return windowDays > 0 ? day - windowDays : -1e9; }
    bool playing = false;
    int speedIndex = 5;     // into kSpeeds
    double motionSeconds = 0;
    char dateInput[16] = "";
    std::string dateError;

    // Data, filters, selection
    model::EventFilter filter;
    bool filterChanged = false;
    uint64_t filterVersion = 0;  // bumped with every filter change (caches key on it)
    bool nativeNames = false;
    bool nativeNamesChanged = false;
    Selection selection;
    std::optional<uint32_t> hoveredSite, hoveredFlow, hoveredMention;
    int openArticle = -1;                 // briefing article shown in the reader, -1 none
    int openMentionArticle = -1;          // else a loaded article (ArticleMentions::articles), -1 none
    uint32_t highlightStart = 0, highlightEnd = 0;
    bool scrollToHighlight = false;
    CameraFlight flight;
    // Events the presenter stepped to (their places are framed); the details panel lists them.
    std::vector<uint32_t> steppedEvents;
    // Articles to add to the map (typed in the Map panel or dropped on the window); the frame loop
    // reads them in the background.
    std::vector<std::string> articlesToAdd;
    char articlePathInput[512] = "";
    bool addingArticles = false;
    // An action a panel took, for --trace (printed and cleared by the frame loop).
    std::string traceAction, traceExtra;
};

inline constexpr std::pair<int, int> kScreenshotSizes[] = {{1920, 1080}, {3840, 2160}, {7680, 4320}};

}  // namespace briefmap::ui
