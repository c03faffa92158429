#include "model/table_import.hpp"

#include <algorithm>
#include <thread>
#include <unordered_map>
#include <mutex>
#include <deque>
#include <condition_variable>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "geo/gdal_plugin.hpp"
#include "geo/polylabel.hpp"
#include "model/source_kinds.hpp"
#include "model/time_formats.hpp"

namespace briefmap::model {

namespace {

constexpr size_t kMaxSkippedLines = 200;  // per file; the rest are counted
constexpr size_t kMaxLineVertices = 2048;  // a flow drawn along a line keeps this many vertices

std::string coordinateName(double lat, double lon) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f°%c %.2f°%c", std::abs(lat), lat >= 0 ? 'N' : 'S', std::abs(lon), lon >= 0 ? 'E' : 'W');
    return buf;
}

bool validUtf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        if (n == 2 && c < 0xC2) return false;
        i += n;
    }
    return true;
}

// Latin-1 is the one legacy encoding whose bytes are its code points: each byte ≥ 0x80 becomes two.
std::string latin1ToUtf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 4);
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += ch;
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

std::optional<double> parseNumber(std::string_view s) {
    std::string text = trimmed(s);
    if (text.empty()) return std::nullopt;
    // "49,98" in a semicolon-separated European file is 49.98.
    if (text.find('.') == std::string::npos && std::count(text.begin(), text.end(), ',') == 1) std::replace(text.begin(), text.end(), ',', '.');
    double v = 0;
    const char* first = text.data() + (text[0] == '+' ? 1 : 0);
    const auto [end, ec] = std::from_chars(first, text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<double> parseQuantity(std::string_view s) {
    std::string digits;
    for (char c : s)
        if (c != ',' && c != ' ' && c != '_') digits += c;
    const auto v = parseNumber(digits);
    if (!v || *v < 0) return std::nullopt;
    return v;
}

// "a; b" → out += {"a", "b"}
void splitList(std::string_view s, std::vector<std::string>& out) {
    size_t start = 0;
    while (start < s.size()) {
        const size_t semi = s.find(';', start);
        std::string item = trimmed(s.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start));
        if (!item.empty()) out.push_back(std::move(item));
        if (semi == std::string_view::npos) break;
        start = semi + 1;
    }
}

bool inRange(const LonLat& p) {
    return std::isfinite(p.lon) && std::isfinite(p.lat) && std::abs(p.lat) <= 90 && std::abs(p.lon) <= 180;
}

std::string withThousands(size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// At most `limit` vertices, evenly spread, ends kept (a GPS track of 100,000 points).
std::vector<LonLat> thinned(const Ring& line, size_t limit) {
    std::vector<LonLat> out;
    for (size_t k = 0; k + 1 < limit; ++k) out.push_back(line[(k * (line.size() - 1)) / (limit - 1)]);
    out.push_back(line.back());
    return out;
}

struct LayerState {
    geo::TableInfo info;
    ColumnPlan plan;
    std::string quantityUnit;          // what the quantity column counts when no unit column says
    std::vector<int> attributeColumn;  // per column of the attribute table: this layer's column, or -1
    std::string kindColumn;            // normalized name of the kind column
    std::string precisionColumn;       // normalized name of the precision column (its scale)
};

// How far a row's point may lie from where it happened, from its precision column: ACLED's
// geo_precision (1 the town itself, 2 near it or part of a region, 3 a province's capital standing
// for the province), UCDP GED's where_prec (1 exact … 4 first-order division, 6 the country, 7 at
// sea or in the air), or a distance in kilometres. Nothing for an unreadable or exact cell.
std::optional<double> uncertaintyKm(std::string_view column, std::string_view cell) {
    const auto v = parseNumber(std::string(cell));
    if (!v || !std::isfinite(*v) || *v < 0) return std::nullopt;
    if (column == "geoprecision") {
        static constexpr double kAcled[] = {0, 0, 25, 100};
        return *v >= 1 && *v <= 3 && *v == std::floor(*v) ? std::optional<double>(kAcled[static_cast<int>(*v)]) : std::nullopt;
    }
    if (column == "whereprec") {
        static constexpr double kUcdp[] = {0, 0, 25, 50, 150, 50, 400, 100};
        return *v >= 1 && *v <= 7 && *v == std::floor(*v) ? std::optional<double>(kUcdp[static_cast<int>(*v)]) : std::nullopt;
    }
    return *v <= 5000 ? std::optional<double>(*v) : std::nullopt;
}

struct PendingTime {
    uint32_t event = 0;
    uint32_t layer = 0;
    uint64_t row = 0;
    std::string start, end;
};

class Importer final : public geo::TableSink {
public:
    Importer(const std::string& path, const ImportOptions& options, Briefing& out, std::vector<PlaceRef>& placePaths,
             ImportReport& report)
        : m_path(path), m_fileName(std::filesystem::path(path).filename().string()), m_options(options), m_out(out),
          m_placePaths(placePaths), m_report(report) {}

    std::optional<Error> failure;

    bool begin(const geo::TableInfo& info) override {
        Result<ColumnPlan> plan = planColumns(info.columns, m_options.columns, true);
        LayerState layer;
        layer.info = info;
        if (!plan) {
            failure = Error{plan.error().message};
            return false;
        }
        layer.plan = *plan;
        // Without native geometry the columns must place the rows; checked per layer once the first row shows.
        if (layer.plan.has(ColumnRole::Kind)) layer.kindColumn = normalizedColumnName(info.columns[static_cast<size_t>(layer.plan.at(ColumnRole::Kind))]);
        if (layer.plan.has(ColumnRole::Precision))
            layer.precisionColumn = normalizedColumnName(info.columns[static_cast<size_t>(layer.plan.at(ColumnRole::Precision))]);
        if (layer.plan.has(ColumnRole::Quantity)) {
            const std::string name = normalizedColumnName(info.columns[static_cast<size_t>(layer.plan.at(ColumnRole::Quantity))]);
            layer.quantityUnit = name == "best" || name == "deaths" || name == "killed" ? "deaths" : name == "quantity" ? "" : name;
        }
        m_kinds.clear();
        for (const std::string& note : layer.plan.notes) m_report.notes.push_back(note);
        if (!info.crs.empty()) m_report.notes.push_back("coordinates transformed from " + info.crs + " to WGS84");
        if (!info.geometryColumn.empty()) m_report.notes.push_back("geometry read as WKT from column '" + info.geometryColumn + "'");
        addAttributeColumns(layer);
        m_layers.push_back(std::move(layer));
        m_checkedPlacement = false;
        return true;
    }

    bool row(const geo::TableRow& row) override {
        if (++m_report.rows > kMaxImportRows) {
            failure = Error{"more than " + withThousands(kMaxImportRows) +
                            " rows or features; filter or split the file (the limit keeps an import within a few GB of memory)"};
            return false;
        }
        // Only the first rows are measured: the rest of a million-row file pays nothing for it.
        if (m_report.rows < kRowsToEstimate) m_sampleBytes += rowBytes(row);
        else if (m_report.rows == kRowsToEstimate) reserveForFile(row);
        const LayerState& layer = m_layers.back();
        const uint32_t layerIndex = static_cast<uint32_t>(m_layers.size() - 1);
        const bool csvLike = layer.info.driver == "CSV";
        const std::string where = (csvLike ? "row " : "feature ") + std::to_string(row.number);
        if (!m_checkedPlacement) {
            m_checkedPlacement = true;
            if (!placementPossible(layer, row)) return false;
        }
        m_scratch.clear();
        // A view of a cell: the file's own bytes when they are UTF-8 (no copy), else a converted copy.
        const auto cell = [&](ColumnRole r) -> std::string_view {
            const int c = layer.plan.at(r);
            if (c < 0 || !row.values[static_cast<size_t>(c)]) return {};
            return view(row.values[static_cast<size_t>(c)]);
        };
        const auto columnName = [&](ColumnRole r) {
            const int c = layer.plan.at(r);
            return c < 0 ? std::string(columnRoleName(r)) : layer.info.columns[static_cast<size_t>(c)];
        };
        const auto skip = [&](ColumnRole r, const std::string& reason, const std::string& message) {
            m_report.skip({m_path, 0, 0, where + (r == ColumnRole::Count ? "" : " (" + columnName(r) + ")"), message}, reason);
            return true;
        };

        for (size_t c = 0; c < row.values.size(); ++c) {
            if (!row.values[c]) continue;
            if (const size_t n = strnlen(row.values[c], kMaxCellBytes + 1); n > kMaxCellBytes)
                return skip(ColumnRole::Count, "cells too long",
                            "column '" + layer.info.columns[c] + "' holds more than " + withThousands(kMaxCellBytes) +
                                " bytes (the limit of one cell)");
        }

        Event event;
        event.id = cell(ColumnRole::Id);
        if (event.id.empty()) event.id = m_fileName + "#" + std::to_string(row.number) + (m_layers.size() > 1 ? "@" + layer.info.layer : "");
        const std::string placeName(cell(ColumnRole::Place));
        const std::string_view type = cell(ColumnRole::Kind);
        std::optional<Cargo> cargo;
        if (const std::string_view c = cell(ColumnRole::Cargo); !c.empty()) cargo = cargoFromName(c);
        if (!type.empty()) {
            const SourceKind& k = kindOf(layer.kindColumn, type, cell(ColumnRole::SubKind));
            event.kind = k.kind;
            event.sourceType = k.label;
        } else {
            event.kind = EventKind::Other;
        }
        const std::string_view text = cell(ColumnRole::Text);
        for (ColumnRole r : {ColumnRole::Actor1, ColumnRole::Actor2})
            splitList(cell(r), event.actors);
        const std::string_view source = cell(ColumnRole::Source);
        splitList(source, event.attribution);
        if (auto status = claimStatusFromName(cell(ColumnRole::Status))) event.status = *status;
        if (const std::string_view q = cell(ColumnRole::Quantity); !q.empty())
            if (auto v = parseQuantity(q)) {
                Quantity quantity;
                quantity.value = *v;
                quantity.unit = cell(ColumnRole::Unit);
                if (quantity.unit.empty()) quantity.unit = layer.quantityUnit;
                quantity.text = std::string(q) + (quantity.unit.empty() ? "" : " " + quantity.unit);
                event.quantity = std::move(quantity);
            }
        // The row's text is the event's summary; the source names the file and row (an imported row
        // has no article to quote from, and keeping the text twice doubles the memory of big files).
        Source s;
        s.citation = m_fileName + " " + where + (source.empty() ? "" : ": " + std::string(source));
        event.sources.push_back(std::move(s));
        event.attributeRow = appendAttributes(layer, row);
        const std::string& why = m_why;  // the row itself is in the event's citation

        // What the row puts on the map: points, lines (one flow each) and areas.
        struct Shape {
            std::vector<uint32_t> places;
            std::optional<Flow> flow;
            std::optional<Area> area;
        };
        std::vector<Shape> shapes;
        if (!row.geometryProblem.empty()) return skip(ColumnRole::Count, "bad geometry", row.geometryProblem);
        if (!row.geometry.empty()) {
            for (const geo::GeometryPart& part : row.geometry)
                for (const Ring& ring : part.rings)
                    for (const LonLat& p : ring)
                        if (!inRange(p))
                            return skip(ColumnRole::Count, "bad coordinates",
                                        "coordinates out of range (" + std::to_string(p.lon) + ", " + std::to_string(p.lat) +
                                            "); a projected file must say its CRS");
            Shape points, areas;
            double largest = -1;
            LonLat label{};
            for (const geo::GeometryPart& part : row.geometry) {
                if (part.rings.empty() || part.rings[0].empty()) continue;
                if (part.type == geo::GeometryPart::Type::Point) {
                    const LonLat p = part.rings[0][0];
                    points.places.push_back(placeAt(m_out, points.places.empty() ? placeName : "", p.lat, p.lon, why, m_placePaths, where));
                } else if (part.type == geo::GeometryPart::Type::Line) {
                    const Ring& line = part.rings[0];
                    if (line.size() < 2 || line.front() == line.back()) continue;  // a closed loop has no direction
                    Flow flow;
                    flow.cargo = cargo.value_or(Cargo::People);
                    flow.from = placeAt(m_out, std::string(cell(ColumnRole::FromPlace)), line.front().lat, line.front().lon, why, m_placePaths, where);
                    flow.to = placeAt(m_out, std::string(cell(ColumnRole::ToPlace)), line.back().lat, line.back().lon, why, m_placePaths, where);
                    if (flow.from == flow.to) continue;
                    flow.line = line.size() <= kMaxLineVertices ? line : thinned(line, kMaxLineVertices);
                    shapes.push_back({{}, flow, {}});
                } else {
                    if (!areas.area) areas.area.emplace();
                    for (const Ring& ring : part.rings) areas.area->rings.push_back(ring);
                    const double a = std::abs(signedArea(part.rings[0]));
                    if (a > largest) {
                        largest = a;
                        double span = 0;
                        for (const LonLat& p : part.rings[0]) span = std::max({span, std::abs(p.lon - part.rings[0][0].lon), std::abs(p.lat - part.rings[0][0].lat)});
                        label = geo::poleOfInaccessibility(part.rings[0], std::max(1e-4, span / 200));
                    }
                }
            }
            if (areas.area) {
                areas.places.push_back(placeAt(m_out, placeName, label.lat, label.lon, why, m_placePaths, where));
                shapes.insert(shapes.begin(), std::move(areas));
            }
            if (!points.places.empty()) shapes.insert(shapes.begin(), std::move(points));
            if (shapes.empty()) return skip(ColumnRole::Count, "bad geometry", "geometry has nothing to draw (empty, or lines that end where they start)");
        } else {
            
            const auto point = [&](ColumnRole latRole, ColumnRole lonRole, std::optional<LonLat>& out) -> bool {
                const std::string la(cell(latRole)), lo(cell(lonRole));
                if (la.empty() && lo.empty()) return true;
                const auto lat = parseNumber(la), lon = parseNumber(lo);
                if (!lat || std::abs(*lat) > 90) return !skip(latRole, "bad coordinates", "expected a latitude within ±90, got '" + la.substr(0, 30) + "'");
                if (!lon || std::abs(*lon) > 180) return !skip(lonRole, "bad coordinates", "expected a longitude within ±180, got '" + lo.substr(0, 30) + "'");
                out = LonLat{*lon, *lat};
                return true;
            };
            std::optional<LonLat> at, from, to;
            if (!point(ColumnRole::Lat, ColumnRole::Lon, at)) return true;
            if (layer.plan.has(ColumnRole::FromLat) && !point(ColumnRole::FromLat, ColumnRole::FromLon, from)) return true;
            if (layer.plan.has(ColumnRole::ToLat) && !point(ColumnRole::ToLat, ColumnRole::ToLon, to)) return true;
            if (from && to && !(from->lon == to->lon && from->lat == to->lat)) {
                Flow flow;
                flow.cargo = cargo.value_or(Cargo::People);
                flow.from = placeAt(m_out, std::string(cell(ColumnRole::FromPlace)), from->lat, from->lon, why, m_placePaths, where);
                flow.to = placeAt(m_out, std::string(cell(ColumnRole::ToPlace)), to->lat, to->lon, why, m_placePaths, where);
                if (flow.from != flow.to) shapes.push_back({{}, flow, {}});
            }
            if (shapes.empty() && at) {
                shapes.push_back({{placeAt(m_out, placeName, at->lat, at->lon, why, m_placePaths, where)}, {}, {}});
            } else if (shapes.empty() && !cell(ColumnRole::FromPlace).empty() && !cell(ColumnRole::ToPlace).empty()) {
                Flow flow;
                flow.cargo = cargo.value_or(Cargo::People);
                flow.from = namedPlace(std::string(cell(ColumnRole::FromPlace)), where);
                flow.to = namedPlace(std::string(cell(ColumnRole::ToPlace)), where);
                if (flow.from != flow.to) shapes.push_back({{}, flow, {}});
            } else if (shapes.empty() && !placeName.empty()) {
                shapes.push_back({{namedPlace(placeName, where)}, {}, {}});
            }
            if (shapes.empty())
                return skip(ColumnRole::Count, "without coordinates",
                            "no coordinates" + std::string(layer.plan.has(ColumnRole::Place) ? " and no place name" : ""));
        }

        if (layer.plan.has(ColumnRole::Precision))
            if (const auto km = uncertaintyKm(layer.precisionColumn, cell(ColumnRole::Precision)); km && *km > 0)
                for (const auto& shape : shapes)
                    for (uint32_t p : shape.places) m_out.places[p].uncertaintyKm = std::max(m_out.places[p].uncertaintyKm, *km);
        event.summary = !text.empty() ? text : !event.sourceType.empty() ? event.sourceType + (placeName.empty() ? "" : " in " + placeName)
                                                                         : !placeName.empty() ? placeName : event.id;
        for (size_t k = 0; k < shapes.size(); ++k) {
            // The last shape takes the row's event itself: no copy for the usual one-shape row.
            Event& e = k + 1 == shapes.size() ? m_out.events.emplace_back(std::move(event)) : m_out.events.emplace_back(event);
            if (k > 0) e.id += "." + std::to_string(k + 1);
            e.places = std::move(shapes[k].places);
            e.flow = std::move(shapes[k].flow);
            e.area = std::move(shapes[k].area);
            if (e.flow && e.kind == EventKind::Other && e.sourceType.empty()) e.kind = defaultFlowKind(e.flow->cargo);
            m_times.push_back({static_cast<uint32_t>(m_out.events.size() - 1), layerIndex, row.number, std::string(cell(ColumnRole::Time)), std::string(cell(ColumnRole::End))});
        }
        return true;
    }

    // Reads every collected time in the format its column uses; drops events whose time is bad.
    void settleTimes() {
        std::vector<bool> drop(m_out.events.size(), false);
        for (uint32_t l = 0; l < m_layers.size(); ++l) {
            const LayerState& layer = m_layers[l];
            for (const ColumnRole role : {ColumnRole::Time, ColumnRole::End}) {
                if (!layer.plan.has(role)) continue;
                std::vector<std::string_view> values;
                for (const PendingTime& t : m_times)
                    if (t.layer == l) values.push_back(role == ColumnRole::Time ? t.start : t.end);
                const ColumnTimeFormat f = detectTimeFormat(values);
                const std::string& name = layer.info.columns[static_cast<size_t>(layer.plan.at(role))];
                (role == ColumnRole::Time ? m_startFormat : m_endFormat).resize(m_layers.size());
                (role == ColumnRole::Time ? m_startFormat : m_endFormat)[l] = f.format;
                if (f.found)
                    m_report.notes.push_back("dates in '" + name + "' read as " + std::string(timeFormatName(f.format)) +
                                             (f.ambiguous ? " (no day above 12 tells month-first from day-first; month-first chosen)" : ""));
            }
        }
        const bool csvLike = !m_layers.empty() && m_layers[0].info.driver == "CSV";
        uint64_t lastDroppedRow = UINT64_MAX;
        for (const PendingTime& t : m_times) {
            Event& e = m_out.events[t.event];
            const LayerState& layer = m_layers[t.layer];
            const std::string where = (csvLike ? "row " : "feature ") + std::to_string(t.row);
            const auto bad = [&](ColumnRole role, const std::string& reason, const std::string& message) {
                drop[t.event] = true;
                if (t.row == lastDroppedRow) return;  // one line per row, even when it made several events
                lastDroppedRow = t.row;
                const std::string column = layer.info.columns[static_cast<size_t>(layer.plan.at(role))];
                m_report.skip({m_path, 0, 0, where + " (" + column + ")", message}, reason);
            };
            if (t.start.empty() || !layer.plan.has(ColumnRole::Time)) {
                e.timeless = true;
                e.startDay = kTimelessStartDay;
                e.endDay = kTimelessEndDay;
                continue;
            }
            const TimeFormat startFormat = m_startFormat[t.layer];
            const std::optional<PartialDate> start = parseTime(t.start, startFormat);
            if (!start) {
                bad(ColumnRole::Time, "bad dates", "not a date in " + std::string(timeFormatName(startFormat)) + ": '" + t.start.substr(0, 40) + "'");
                continue;
            }
            PartialDate end = *start;
            if (!t.end.empty() && layer.plan.has(ColumnRole::End)) {
                const TimeFormat endFormat = m_endFormat[t.layer];
                const std::optional<PartialDate> parsed = parseTime(t.end, endFormat);
                if (!parsed) {
                    bad(ColumnRole::End, "bad dates", "not a date in " + std::string(timeFormatName(endFormat)) + ": '" + t.end.substr(0, 40) + "'");
                    continue;
                }
                end = *parsed;
            }
            e.start = *start;
            e.end = end;
            e.precision = !start->month ? DatePrecision::Year : !start->day ? DatePrecision::Month : DatePrecision::Day;
            e.startDay = start->firstDay();
            e.endDay = end.lastDay();
            if (e.endDay < e.startDay) bad(ColumnRole::End, "bad dates", "ends (" + end.text() + ") before it starts (" + start->text() + ")");
        }
        removeDropped(drop);
    }

private:
    static constexpr uint64_t kRowsToEstimate = 2000;

    static size_t rowBytes(const geo::TableRow& row) {
        size_t n = row.values.size();  // separators and line end
        for (const char* v : row.values) n += v ? std::strlen(v) : 0;
        return n;
    }

    // A big file's rows arrive one by one; growing the events (and places) by doubling would move
    // every event several times and touch twice the memory. After a sample of rows, the file's size
    // says about how many there are.
    void reserveForFile(const geo::TableRow& row) {
        m_sampleBytes += rowBytes(row);
        const uint64_t fileBytes = m_layers.back().info.fileBytes;
        if (m_layers.size() != 1 || m_sampleBytes == 0 || fileBytes == 0) return;
        const double perRow = static_cast<double>(m_sampleBytes) / static_cast<double>(kRowsToEstimate);
        const auto expected = static_cast<size_t>(std::min(static_cast<double>(fileBytes) / perRow * 1.05, 20e6));
        if (expected <= m_out.events.size()) return;
        m_out.events.reserve(expected);
        m_out.places.reserve(std::min(expected, m_out.places.size() * expected / std::max<size_t>(1, m_out.events.size()) + 1024));
        m_times.reserve(expected);
    }

    static EventKind defaultFlowKind(Cargo cargo) {
        switch (cargo) {
        case Cargo::Troops: return EventKind::TroopDeployment;
        case Cargo::Munitions:
        case Cargo::Missiles: return EventKind::MunitionsTransfer;
        case Cargo::Technology: return EventKind::TechnologyTransfer;
        case Cargo::AidEnergy: return EventKind::AidTrade;
        default: return EventKind::Visit;
        }
    }

    void removeDropped(const std::vector<bool>& drop) {
        size_t kept = 0;
        for (size_t i = 0; i < m_out.events.size(); ++i) {
            if (drop[i]) continue;
            if (kept != i) m_out.events[kept] = std::move(m_out.events[i]);
            ++kept;
        }
        m_out.events.resize(kept);
        m_times.clear();
    }

    bool placementPossible(const LayerState& layer, const geo::TableRow& row) {
        if (!row.geometry.empty() || !layer.info.geometryColumn.empty()) return true;
        const ColumnPlan& p = layer.plan;
        if ((p.has(ColumnRole::Lat) && p.has(ColumnRole::Lon)) || p.has(ColumnRole::Place) ||
            (p.has(ColumnRole::FromPlace) && p.has(ColumnRole::ToPlace)))
            return true;
        if (layer.info.driver != "CSV") return true;  // features without geometry are skipped one by one
        Result<ColumnPlan> strictPlan = planColumns(layer.info.columns, m_options.columns, false);
        failure = Error{strictPlan ? "no coordinates, geometry or place column" : strictPlan.error().message};
        return false;
    }

    std::string_view view(const char* value) {
        std::string_view v(value);
        if (validUtf8(v)) return v;
        if (!m_latin1) m_report.notes.push_back("text is not UTF-8: read as Latin-1 (ISO-8859-1)");
        m_latin1 = true;
        return m_scratch.emplace_back(latin1ToUtf8(v));
    }

    // Source types repeat (six ACLED types, twenty CAMEO roots): mapped once each.
    const SourceKind& kindOf(const std::string& column, std::string_view type, std::string_view subType) {
        m_kindKey.assign(type);
        m_kindKey += '\x1f';
        m_kindKey += subType;
        auto it = m_kinds.find(m_kindKey);
        if (it == m_kinds.end()) it = m_kinds.emplace(m_kindKey, sourceKind(column, type, subType)).first;
        return it->second;
    }

    uint32_t namedPlace(const std::string& name, const std::string& where) {
        const uint32_t p = internPlace(m_out, name);
        if (p == m_placePaths.size()) m_placePaths.push_back({where});
        return p;
    }

    void addAttributeColumns(LayerState& layer) {
        AttributeTable& table = m_out.attributes;
        std::vector<int> wanted;
        for (size_t c = 0; c < layer.info.columns.size(); ++c) {
            bool mapped = false;
            for (size_t r = 0; r < kColumnRoles; ++r)
                if (layer.plan.column[r] == static_cast<int>(c) && static_cast<ColumnRole>(r) != ColumnRole::Status) mapped = true;
            if (!mapped) wanted.push_back(static_cast<int>(c));
        }
        // Columns new to the table widen every row already there (only when a later layer brings them).
        std::vector<std::string> added;
        for (int c : wanted) {
            const std::string& name = layer.info.columns[static_cast<size_t>(c)];
            if (std::find(table.columns.begin(), table.columns.end(), name) == table.columns.end()) added.push_back(name);
        }
        if (!added.empty() && table.rows() > 0) {
            AttributeTable wider;
            wider.columns = table.columns;
            wider.columns.insert(wider.columns.end(), added.begin(), added.end());
            wider.offsets.push_back(0);
            for (uint32_t r = 0; r < table.rows(); ++r)
                for (size_t c = 0; c < wider.columns.size(); ++c) {
                    if (c < table.columns.size()) wider.text += table.value(r, c);
                    wider.offsets.push_back(static_cast<uint32_t>(wider.text.size()));
                }
            table = std::move(wider);
        } else {
            table.columns.insert(table.columns.end(), added.begin(), added.end());
        }
        if (table.offsets.empty()) table.offsets.push_back(0);
        layer.attributeColumn.assign(table.columns.size(), -1);
        for (int c : wanted) {
            const auto it = std::find(table.columns.begin(), table.columns.end(), layer.info.columns[static_cast<size_t>(c)]);
            layer.attributeColumn[static_cast<size_t>(it - table.columns.begin())] = c;
        }
    }

    uint32_t appendAttributes(const LayerState& layer, const geo::TableRow& row) {
        AttributeTable& table = m_out.attributes;
        if (table.columns.empty()) return kNone;
        const auto index = static_cast<uint32_t>(table.rows());
        for (size_t c = 0; c < table.columns.size(); ++c) {
            const int source = c < layer.attributeColumn.size() ? layer.attributeColumn[c] : -1;
            if (source >= 0 && row.values[static_cast<size_t>(source)]) table.text += view(row.values[static_cast<size_t>(source)]);
            table.offsets.push_back(static_cast<uint32_t>(table.text.size()));
        }
        return index;
    }

    std::string m_path, m_fileName;
    const ImportOptions& m_options;
    Briefing& m_out;
    std::vector<PlaceRef>& m_placePaths;
    ImportReport& m_report;
    std::string m_why = "coordinates from " + m_fileName;
    std::vector<LayerState> m_layers;
    std::vector<PendingTime> m_times;
    std::vector<TimeFormat> m_startFormat, m_endFormat;
    bool m_checkedPlacement = false;
    uint64_t m_sampleBytes = 0;
    std::deque<std::string> m_scratch;  // this row's converted cells
    std::unordered_map<std::string, SourceKind> m_kinds;  // per layer's kind column: cleared in begin
    std::string m_kindKey;
    bool m_latin1 = false;
};

// Runs GDAL's reading on a worker thread while this one maps rows to events: the two halves take
// about as long on big files, and these machines have two cores. Rows travel in batches of owned
// copies through a short queue; a stop from the importer reaches the reader at its next row.
class PipelinedSink final : public geo::TableSink {
public:
    explicit PipelinedSink(geo::TableSink& consumer) : m_consumer(consumer) {}

    bool begin(const geo::TableInfo& info) override {
        flush();
        Batch b;
        b.info = info;
        return push(std::move(b));
    }
    bool row(const geo::TableRow& row) override {
        // One text arena per batch (values NUL-terminated, back to back): a batch is a few blocks,
        // not a string per cell allocated on one thread and freed on the other.
        Batch& b = m_batch;
        OwnedRow& r = b.rows.emplace_back();
        r.number = row.number;
        r.firstValue = static_cast<uint32_t>(b.offsets.size());
        r.values = static_cast<uint32_t>(row.values.size());
        for (const char* v : row.values) {
            if (!v) {
                b.offsets.push_back(UINT32_MAX);
                continue;
            }
            b.offsets.push_back(static_cast<uint32_t>(b.text.size()));
            b.text.append(v);
            b.text.push_back('\0');
        }
        if (!row.geometry.empty() || !row.geometryProblem.empty()) {
            r.geometry = static_cast<uint32_t>(b.geometries.size());
            b.geometries.push_back({row.geometry, row.geometryProblem});
        }
        if (b.rows.size() >= kBatchRows || b.text.size() > kBatchBytes) return flush();
        return !m_stopped.load(std::memory_order_relaxed);
    }
    // The reader's end: what is left goes, then the consumer is told no more comes.
    void finish() {
        flush();
        std::lock_guard lock(m_mutex);
        m_done = true;
        m_changed.notify_all();
    }
    // On the consuming thread: hands every batch to the consumer until the reader finishes.
    void consume() {
        geo::TableRow row;
        for (;;) {
            Batch batch;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [&] { return !m_queue.empty() || m_done; });
                if (m_queue.empty()) return;
                batch = std::move(m_queue.front());
                m_queue.pop_front();
                m_changed.notify_all();
            }
            bool go = true;
            if (batch.info) go = m_consumer.begin(*batch.info);
            for (const OwnedRow& r : batch.rows) {
                if (!go) break;
                row.number = r.number;
                row.values.resize(r.values);
                for (uint32_t i = 0; i < r.values; ++i) {
                    const uint32_t at = batch.offsets[r.firstValue + i];
                    row.values[i] = at == UINT32_MAX ? nullptr : batch.text.data() + at;
                }
                row.geometry.clear();
                row.geometryProblem.clear();
                if (r.geometry != UINT32_MAX) {
                    row.geometry = std::move(batch.geometries[r.geometry].first);
                    row.geometryProblem = std::move(batch.geometries[r.geometry].second);
                }
                go = m_consumer.row(row);
            }
            if (!go) {
                stop();
                return;
            }
        }
    }
    void stop() {
        m_stopped = true;
        std::lock_guard lock(m_mutex);
        m_queue.clear();
        m_changed.notify_all();
    }

private:
    static constexpr size_t kBatchRows = 4096, kBatchBytes = 4u << 20, kMaxBatches = 4;
    struct OwnedRow {
        uint64_t number = 0;
        uint32_t firstValue = 0, values = 0;  // into Batch::offsets
        uint32_t geometry = UINT32_MAX;       // into Batch::geometries
    };
    struct Batch {
        std::optional<geo::TableInfo> info;
        std::vector<OwnedRow> rows;
        std::string text;
        std::vector<uint32_t> offsets;  // per value: into text, UINT32_MAX for null
        std::vector<std::pair<std::vector<geo::GeometryPart>, std::string>> geometries;
    };

    bool flush() {
        if (m_batch.rows.empty()) return !m_stopped;
        Batch b = std::move(m_batch);
        m_batch = {};
        m_batch.rows.reserve(kBatchRows);
        m_batch.text.reserve(b.text.size() + b.text.size() / 8);
        m_batch.offsets.reserve(b.offsets.size());
        return push(std::move(b));
    }
    bool push(Batch b) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_queue.size() < kMaxBatches || m_stopped; });
        if (m_stopped) return false;
        m_queue.push_back(std::move(b));
        m_changed.notify_all();
        return true;
    }

    geo::TableSink& m_consumer;
    Batch m_batch;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_queue;
    bool m_done = false;
    std::atomic<bool> m_stopped{false};
};

}  // namespace

size_t ImportReport::skippedCount() const {
    size_t n = 0;
    for (const auto& [reason, count] : skippedBecause) n += count;
    return n;
}

void ImportReport::skip(Diagnostic d, const std::string& reason) {
    ++skippedBecause[reason];
    if (skipped.size() < kMaxSkippedLines) skipped.push_back(std::move(d));
}

std::string ImportReport::summary() const {
    std::string s = withThousands(rows) + (rows == 1 ? " row read, " : " rows read, ") + withThousands(imported) +
                    (imported == 1 ? " event imported" : " events imported");
    const size_t n = skippedCount();
    if (n == 0) return s;
    s += ", " + withThousands(n) + " skipped: ";
    std::vector<std::pair<size_t, std::string>> byCount;
    for (const auto& [reason, count] : skippedBecause) byCount.emplace_back(count, reason);
    std::stable_sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < byCount.size(); ++i) s += (i ? ", " : "") + withThousands(byCount[i].first) + " " + byCount[i].second;
    return s;
}

uint32_t placeAt(Briefing& out, std::string name, double lat, double lon, const std::string& why,
                 std::vector<PlaceRef>& placePaths, const std::string& path) {
    const bool unnamed = name.empty();
    if (unnamed) name = coordinateName(lat, lon);
    if (const auto it = out.placeIndex.find(name); it != out.placeIndex.end()) {
        const Place& known = out.places[it->second];
        if (std::abs(known.lat - lat) <= 1e-6 && std::abs(known.lon - lon) <= 1e-6) return it->second;  // the usual case
        // The same name at other coordinates (two villages called Ivanovka) is a different place.
        name += " (" + coordinateName(lat, lon) + ")";
    }
    const uint32_t index = internPlace(out, name);
    if (index == placePaths.size()) {
        placePaths.push_back({path});
        Place& p = out.places[index];
        p.lat = lat;
        p.lon = lon;
        p.resolved = p.overridden = true;
        p.unnamed = unnamed;
        p.why = why;
    }
    return index;
}

void importTable(const std::string& path, const ImportOptions& options, Briefing& out, std::vector<PlaceRef>& placePaths,
                 Diagnostics& problems, ImportReport& report) {
    Result<const geo::GdalApi*> gdal = geo::gdalApi();
    if (!gdal) {
        problems.push_back({path, 0, 0, {}, gdal.error().message});
        return;
    }
    Importer importer(path, options, out, placePaths, report);
    geo::TableReadOptions readOptions;
    for (const auto& [role, column] : options.columns)
        if (role == ColumnRole::Geometry) readOptions.geometryColumns = {column};
    const auto t0 = std::chrono::steady_clock::now();
    PipelinedSink pipe(importer);
    std::optional<Status> readResult;
    std::thread reader([&] {
        readResult = (*gdal)->readTable(path, readOptions, pipe);
        pipe.finish();
    });
    pipe.consume();
    pipe.stop();  // the importer stopped early (a file it cannot place): let the reader end
    reader.join();
    const Status read = std::move(*readResult);
    report.readMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (importer.failure || !read) {
        std::string message = importer.failure ? importer.failure->message : read.error().message;
        size_t line = 0, column = 0;
        if (message.rfind(path + ": ", 0) == 0) {
            message = message.substr(path.size() + 2);
        } else if (message.rfind(path + ":", 0) == 0) {  // "PATH:LINE:COLUMN: reason"
            int consumed = 0;
            if (std::sscanf(message.c_str() + path.size(), ":%zu:%zu: %n", &line, &column, &consumed) == 2 && consumed > 0)
                message = message.substr(path.size() + static_cast<size_t>(consumed));
        }
        problems.push_back({path, line, column, {}, message});
        out.events.clear();
        return;
    }
    if (report.rows == 0) {
        problems.push_back({path, 0, 0, {}, "no rows or features to import"});
        return;
    }
    // A title to show, not a path: the file's name without folder and extension, underscores as spaces
    // ("acled_ukraine_2024.csv" → "acled ukraine 2024"); export --title sets another.
    out.title = std::filesystem::path(path).stem().string();
    std::replace(out.title.begin(), out.title.end(), '_', ' ');
    if (out.title.empty()) out.title = std::filesystem::path(path).filename().string();
    const auto t1 = std::chrono::steady_clock::now();
    importer.settleTimes();
    report.datesMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count();
    report.imported = out.events.size();
    if (out.events.empty()) {
        problems.push_back({path, 0, 0, {}, (report.rows == 1 ? std::string("its only row could not be imported (")
                                                                : "none of the " + withThousands(report.rows) + " rows could be imported (") +
                                                report.summary() + ")"});
        out.events.clear();
        return;
    }
    if (options.strict)
        for (const Diagnostic& d : report.skipped) problems.push_back(d);
}

size_t dropEventsAtPlaces(Briefing& out, const std::vector<bool>& badPlace) {
    const auto bad = [&](uint32_t p) { return p != kNone && p < badPlace.size() && badPlace[p]; };
    const size_t before = out.events.size();
    std::erase_if(out.events, [&](const Event& e) {
        return std::any_of(e.places.begin(), e.places.end(), bad) || (e.flow && (bad(e.flow->from) || bad(e.flow->to)));
    });
    return before - out.events.size();
}

namespace {

// Collects the first rows for the preview, as text.
class PreviewSink final : public geo::TableSink {
public:
    PreviewSink(TablePreview& preview, size_t rows) : m_preview(preview), m_rows(rows) {}
    bool begin(const geo::TableInfo& info) override {
        m_preview.columns = info.columns;
        m_preview.driver = info.driver;
        m_preview.layer = info.layer;
        m_preview.nativeGeometry = info.driver != "CSV" || !info.geometryColumn.empty();
        return true;
    }
    bool row(const geo::TableRow& row) override {
        std::vector<std::string> cells;
        for (const char* v : row.values) cells.emplace_back(v ? (validUtf8(v) ? std::string(v) : latin1ToUtf8(v)) : "");
        m_preview.rows.push_back(std::move(cells));
        return m_preview.rows.size() < m_rows;
    }

private:
    TablePreview& m_preview;
    size_t m_rows;
};

}  // namespace

TablePreview previewTable(const std::string& path, const ColumnMapping& mapping, size_t rows) {
    TablePreview preview;
    Result<const geo::GdalApi*> gdal = geo::gdalApi();
    if (!gdal) {
        preview.plan = gdal.error().message;
        return preview;
    }
    PreviewSink sink(preview, rows);
    geo::TableReadOptions readOptions;
    for (const auto& [role, column] : mapping)
        if (role == ColumnRole::Geometry) readOptions.geometryColumns = {column};
    const Status read = (*gdal)->readTable(path, readOptions, sink);
    if (!read) {
        preview.plan = read.error().message;
        return preview;
    }
    Result<ColumnPlan> plan = planColumns(preview.columns, mapping, preview.nativeGeometry);
    if (!plan) {
        preview.plan = plan.error().message;
        return preview;
    }
    preview.readable = true;
    preview.roleColumn.assign(plan->column.begin(), plan->column.end());
    for (size_t r = 0; r < kColumnRoles; ++r) {
        const int c = plan->column[r];
        if (c < 0) continue;
        preview.plan += (preview.plan.empty() ? "" : ", ") + std::string(columnRoleName(static_cast<ColumnRole>(r))) + "=" +
                        preview.columns[static_cast<size_t>(c)];
        if (static_cast<ColumnRole>(r) == ColumnRole::Time || static_cast<ColumnRole>(r) == ColumnRole::End) {
            std::vector<std::string_view> values;
            for (const auto& row : preview.rows) values.push_back(row[static_cast<size_t>(c)]);
            const ColumnTimeFormat f = detectTimeFormat(values);
            if (f.found) preview.plan += " (" + std::string(timeFormatName(f.format)) + ")";
        }
    }
    if (preview.nativeGeometry) preview.plan += std::string(preview.plan.empty() ? "" : ", ") + "geometry from the file";
    return preview;
}

}  // namespace briefmap::model
