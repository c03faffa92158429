#include "model/tour.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/map_view.hpp"
#include "core/read_file.hpp"
#include "core/smooth_zoom.hpp"
#include "model/json_fields.hpp"
#include "model/json_locator.hpp"

namespace briefmap::model {

namespace {

using json = nlohmann::json;

constexpr size_t kMaxTourBytes = 4u << 20;
constexpr size_t kMaxSteps = 1000;

const char* const kLayerNames[] = {"basemap", "places", "flows", "labels", "legend", "mentions", "annotations"};

}  // namespace

void readTourStep(JsonFields& fields, const json& s, const std::string& path, TourStep& step) {
    if (!fields.object(s, path, {"caption", "time", "from", "to", "view", "hold", "transition", "layers", "theme", "filters"})) return;
    step.caption = fields.string(s, path, "caption", false).value_or("");
    const auto moment = [&](const char* key) -> std::optional<Moment> {
        const auto text = fields.string(s, path, key, false);
        if (!text) return std::nullopt;
        Result<Moment> m = parseMoment(*text);
        if (!m) {
            fields.problem(JsonFields::join(path, key), m.error().message);
            return std::nullopt;
        }
        return *m;
    };
    const auto time = moment("time"), from = moment("from"), to = moment("to");
    if (time && (from || to)) fields.problem(JsonFields::join(path, "time"), "give either time or from/to");
    else if (time) step.from = step.to = *time;
    else if (from && to) {
        step.from = *from;
        step.to = *to;
        if (*to < *from) fields.problem(JsonFields::join(path, "to"), "before from");
    } else if (from || to) fields.problem(JsonFields::join(path, from ? "to" : "from"), "missing: a span needs from and to");
    else if (!s.contains("time")) fields.problem(JsonFields::join(path, "time"), "missing: a step shows a time or a span");

    const std::string viewPath = JsonFields::join(path, "view");
    if (!s.contains("view")) {
        fields.problem(viewPath, "missing: a step needs a view (bbox, or center and zoom)");
    } else if (const json& v = s["view"]; fields.object(v, viewPath, {"bbox", "center", "zoom"})) {
        if (v.contains("bbox")) {
            const json& b = v["bbox"];
            if (!b.is_array() || b.size() != 4 || !std::all_of(b.begin(), b.end(), [](const json& x) { return x.is_number(); })) {
                fields.problem(JsonFields::join(viewPath, "bbox"), "expected [west, south, east, north] in degrees");
            } else {
                const GeoBounds g{b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()};
                if (!std::isfinite(g.west) || !std::isfinite(g.east) || std::abs(g.west) > 180 || std::abs(g.east) > 180 ||
                    !(g.south >= -90 && g.north <= 90 && g.south < g.north))
                    fields.problem(JsonFields::join(viewPath, "bbox"), "out of range: west/east within ±180, south < north within ±90");
                else {
                    step.view.bbox = g;
                    if (g.east < g.west) step.view.bbox->east += 360;  // crosses the antimeridian
                }
            }
        } else if (v.contains("center")) {
            const json& c = v["center"];
            const auto zoom = fields.number(v, viewPath, "zoom", true);
            if (!c.is_array() || c.size() != 2 || !c[0].is_number() || !c[1].is_number() || std::abs(c[0].get<double>()) > 180 ||
                std::abs(c[1].get<double>()) > 85)
                fields.problem(JsonFields::join(viewPath, "center"), "expected [longitude, latitude] within ±180, ±85");
            else if (zoom && (*zoom < 0 || *zoom > 20))
                fields.problem(JsonFields::join(viewPath, "zoom"), "expected a web zoom level from 0 to 20");
            else if (zoom) {
                step.view.center = LonLat{c[0].get<double>(), c[1].get<double>()};
                step.view.zoom = *zoom;
            }
        } else {
            fields.problem(viewPath, "expected bbox, or center and zoom");
        }
    }
    if (auto hold = fields.number(s, path, "hold", false)) {
        if (*hold < 0 || *hold > 600) fields.problem(JsonFields::join(path, "hold"), "expected 0 to 600 seconds");
        else step.holdSeconds = *hold;
    }
    if (s.contains("transition")) {
        const std::string tp = JsonFields::join(path, "transition");
        const json& t = s["transition"];
        if (fields.object(t, tp, {"seconds", "style"})) {
            if (auto secs = fields.number(t, tp, "seconds", false)) {
                if (*secs < 0 || *secs > 60) fields.problem(JsonFields::join(tp, "seconds"), "expected 0 to 60 seconds");
                else step.transitionSeconds = *secs;
            }
            if (auto style = fields.string(t, tp, "style", false)) {
                if (*style == "cut") step.cut = true;
                else if (*style != "fly") fields.problem(JsonFields::join(tp, "style"), "expected fly or cut, got '" + *style + "'");
            }
        }
    }
    if (s.contains("layers")) {
        const json& l = s["layers"];
        if (!l.is_array()) {
            fields.problem(JsonFields::join(path, "layers"), "expected a list of layer names");
        } else {
            for (size_t i = 0; i < l.size(); ++i) {
                const std::string lp = JsonFields::join(JsonFields::join(path, "layers"), i);
                if (!l[i].is_string() || std::find(std::begin(kLayerNames), std::end(kLayerNames), l[i].get<std::string>()) == std::end(kLayerNames))
                    fields.problem(lp, "expected one of basemap, places, flows, labels, legend, mentions, annotations");
                else step.layers.push_back(l[i].get<std::string>());
            }
        }
    }
    if (s.contains("filters")) {
        const std::string fp = JsonFields::join(path, "filters");
        const json& f = s["filters"];
        if (fields.object(f, fp, {"kinds", "status"})) {
            for (const auto& [key, out] : {std::pair{"kinds", &step.kinds}, std::pair{"status", &step.statuses}}) {
                if (!f.contains(key)) continue;
                const json& list = f[key];
                const std::string lp = JsonFields::join(fp, key);
                if (!list.is_array()) {
                    fields.problem(lp, "expected a list of names");
                    continue;
                }
                for (size_t i = 0; i < list.size(); ++i) {
                    const bool known = list[i].is_string() && (std::string_view(key) == "kinds"
                                                                   ? eventKindFromName(list[i].get<std::string>()).has_value()
                                                                   : claimStatusFromName(list[i].get<std::string>()).has_value());
                    if (!known)
                        fields.problem(JsonFields::join(lp, i), std::string_view(key) == "kinds" ? "not an event kind (meeting, troop_deployment, …)"
                                                                                               : "expected confirmed, claimed or disputed");
                    else out->push_back(list[i].get<std::string>());
                }
            }
        }
    }
    if (auto theme = fields.string(s, path, "theme", false)) {
        if (*theme != "dark" && *theme != "light") fields.problem(JsonFields::join(path, "theme"), "expected dark or light");
        else step.theme = *theme;
    }
}


LoadedTour parseTour(const std::string& text, const std::string& path) {
    LoadedTour out;
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {
        const size_t at = e.id == 101 ? static_cast<const json::parse_error&>(e).byte : 0;
        const TextPosition pos = positionAt(text, at ? at - 1 : 0);
        std::string what = e.what();
        if (const size_t colon = what.find(": "); e.id == 101 && colon != std::string::npos) what = what.substr(colon + 2);
        out.problems.push_back({path, pos.line, pos.column, {}, "invalid JSON: " + what});
        return out;
    }
    Diagnostics problems;
    JsonFields fields(problems);
    if (fields.object(doc, "", {"format", "title", "steps"})) {
        const auto format = fields.string(doc, "", "format", true);
        if (format && *format != "briefmap-tour/1") fields.problem("format", "expected 'briefmap-tour/1', got '" + *format + "'");
        out.tour.title = fields.string(doc, "", "title", false).value_or("");
        if (!doc.contains("steps") || !doc["steps"].is_array() || doc["steps"].empty()) {
            fields.problem("steps", "expected a list of at least one step");
        } else if (doc["steps"].size() > kMaxSteps) {
            fields.problem("steps", "more than " + std::to_string(kMaxSteps) + " steps");
        } else {
            for (size_t i = 0; i < doc["steps"].size(); ++i) {
                TourStep step;
                readTourStep(fields, doc["steps"][i], JsonFields::join("steps", i), step);
                out.tour.steps.push_back(std::move(step));
            }
        }
    }
    locateProblems(text, problems);
    for (Diagnostic& d : problems) d.file = path;
    out.problems = std::move(problems);
    return out;
}

LoadedTour loadTourFile(const std::string& path) {
    Result<std::string> text = readWholeFile(path, kMaxTourBytes);
    if (!text) {
        LoadedTour out;
        out.problems.push_back({path, 0, 0, {}, text.error().message});
        return out;
    }
    return parseTour(*text, path);
}

EventFilter stepFilter(const TourStep& step) {
    EventFilter f;
    if (!step.kinds.empty()) {
        f.kinds.reset();
        for (const std::string& k : step.kinds)
            if (auto kind = eventKindFromName(k)) f.kinds.set(static_cast<size_t>(*kind));
    }
    if (!step.statuses.empty()) {
        f.statuses.reset();
        for (const std::string& s : step.statuses)
            if (auto status = claimStatusFromName(s)) f.statuses.set(static_cast<size_t>(*status));
    }
    return f;
}

std::string tourPathFor(const std::string& briefingPath) {
    std::filesystem::path p(briefingPath);
    return (p.parent_path() / (p.stem().string() + ".tour.json")).string();
}

nlohmann::ordered_json tourStepJson(const TourStep& s, bool savedView) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j[savedView ? "name" : "caption"] = s.caption;
    if (s.from == s.to) {
        j["time"] = formatMoment(s.from);
    } else {
        j["from"] = formatMoment(s.from);
        j["to"] = formatMoment(s.to);
    }
    if (s.view.bbox) {
        const double east = s.view.bbox->east > 180 ? s.view.bbox->east - 360 : s.view.bbox->east;
        j["view"] = {{"bbox", {s.view.bbox->west, s.view.bbox->south, east, s.view.bbox->north}}};
    } else if (s.view.center) {
        j["view"] = {{"center", {s.view.center->lon, s.view.center->lat}}, {"zoom", s.view.zoom}};
    }
    if (!savedView) {
        j["hold"] = s.holdSeconds;
        j["transition"] = {{"seconds", s.transitionSeconds}, {"style", s.cut ? "cut" : "fly"}};
    }
    if (!s.layers.empty()) j["layers"] = s.layers;
    if (!s.theme.empty()) j["theme"] = s.theme;
    if (!s.kinds.empty() || !s.statuses.empty()) {
        j["filters"] = nlohmann::ordered_json::object();
        if (!s.kinds.empty()) j["filters"]["kinds"] = s.kinds;
        if (!s.statuses.empty()) j["filters"]["status"] = s.statuses;
    }
    return j;
}

std::string tourJson(const Tour& tour) {
    nlohmann::ordered_json doc = nlohmann::ordered_json::object();
    doc["format"] = "briefmap-tour/1";
    doc["title"] = tour.title;
    doc["steps"] = nlohmann::ordered_json::array();
    for (const TourStep& s : tour.steps) doc["steps"].push_back(tourStepJson(s, false));
    return doc.dump(2) + "\n";
}

TourTimeline::TourTimeline(const Tour& tour, Projection projection, int width, int height) : m_tour(tour) {
    for (const TourStep& s : tour.steps) {
        MapView view;
        if (s.view.bbox) {
            view = MapView::fitBounds(projection, *s.view.bbox, width, height);
        } else {
            const LonLat c = s.view.center.value_or(LonLat{0, 0});
            view = MapView(projection, project(projection, c), worldWidth(projection) / (256.0 * std::pow(2.0, s.view.zoom)), width, height);
        }
        m_centers.push_back(view.center());
        m_widths.push_back(view.unitsPerPixel() * width);
    }
    double t = 0;
    for (size_t i = 0; i < tour.steps.size(); ++i) {
        if (i > 0) t += tour.steps[i].transitionSeconds;
        m_holdStart.push_back(t);
        t += tour.steps[i].holdSeconds;
    }
    m_duration = t;
}

TourFrame TourTimeline::at(double seconds) const {
    TourFrame f;
    const size_t n = m_tour.steps.size();
    if (n == 0) return f;
    size_t i = 0;
    while (i + 1 < n && seconds >= m_holdStart[i + 1] - m_tour.steps[i + 1].transitionSeconds) ++i;
    const TourStep& step = m_tour.steps[i];
    f.step = i;
    if (seconds >= m_holdStart[i] || i == 0) {
        // Holding: the camera rests, time plays through the step's span.
        f.holding = true;
        f.center = m_centers[i];
        f.width = m_widths[i];
        const double hold = step.holdSeconds;
        const double k = hold > 0 ? std::clamp((seconds - m_holdStart[i]) / hold, 0.0, 1.0) : 1.0;
        f.moment = {step.from.seconds + std::llround(static_cast<double>(step.to.seconds - step.from.seconds) * k)};
        f.captionAlpha = 1;
        return f;
    }
    // Flying from step i−1 to step i: an eased van Wijk–Nuij path; time moves from the last step's
    // end to this step's start with the same easing.
    const TourStep& previous = m_tour.steps[i - 1];
    const double begin = m_holdStart[i] - step.transitionSeconds;
    const double k = easeInOut(step.transitionSeconds > 0 ? (seconds - begin) / step.transitionSeconds : 1.0);
    if (step.cut) {
        const bool after = k >= 0.5;
        f.center = after ? m_centers[i] : m_centers[i - 1];
        f.width = after ? m_widths[i] : m_widths[i - 1];
    } else {
        const ZoomView v = SmoothZoom({m_centers[i - 1], m_widths[i - 1]}, {m_centers[i], m_widths[i]}).at(k);
        f.center = v.center;
        f.width = v.width;
    }
    f.moment = {previous.to.seconds + std::llround(static_cast<double>(step.from.seconds - previous.to.seconds) * k)};
    f.captionAlpha = std::abs(1 - 2 * k);  // the old caption fades out, the new one in
    f.step = k < 0.5 ? i - 1 : i;
    return f;
}

}  // namespace briefmap::model
