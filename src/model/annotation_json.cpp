#include "model/annotation_json.hpp"

#include <cmath>

namespace briefmap::model {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

namespace {

// Farther than any two points on the Earth: a ring this big covers the whole globe.
constexpr double kMaxRadiusKm = 20'000;

std::optional<AnnotationPoint> readPoint(JsonFields& fields, const json& obj, const std::string& path, const char* key,
                                         const std::function<void(const std::string&, const std::string&)>& namePlace) {
    const auto it = obj.find(key);
    const std::string at = JsonFields::join(path, key);
    if (it == obj.end()) {
        fields.problem(at, "missing: a place's name or [longitude, latitude]");
        return std::nullopt;
    }
    AnnotationPoint point;
    if (it->is_string()) {
        point.place = it->get<std::string>();
        if (point.place.empty() || point.place.size() > 200) {
            fields.problem(at, "expected a place's name or [longitude, latitude]");
            return std::nullopt;
        }
        namePlace(point.place, at);
        return point;
    }
    if (it->is_array() && it->size() == 2 && (*it)[0].is_number() && (*it)[1].is_number()) {
        const double lon = (*it)[0].get<double>(), lat = (*it)[1].get<double>();
        if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lon) > 180 || std::abs(lat) > 90) {
            fields.problem(at, "not a point: longitude within ±180, latitude within ±90");
            return std::nullopt;
        }
        point.at = {lon, lat};
        point.located = true;
        return point;
    }
    fields.problem(at, std::string("expected a place's name or [longitude, latitude], got ") + JsonFields::typeName(*it));
    return std::nullopt;
}

ordered pointJson(const AnnotationPoint& p) {
    if (!p.place.empty()) return p.place;
    return ordered::array({p.at.lon, p.at.lat});
}

}  // namespace

std::optional<Annotation> readAnnotation(JsonFields& fields, const json& value, const std::string& path,
                                         const std::function<void(const std::string&, const std::string&)>& namePlace) {
    if (!fields.object(value, path, {"kind", "at", "from", "to", "radius_km", "text", "color", "start", "end"})) return std::nullopt;
    const size_t before = fields.problemCount();
    Annotation a;
    const auto kind = fields.string(value, path, "kind", true);
    if (!kind) return std::nullopt;
    if (auto k = annotationKindFromName(*kind)) {
        a.kind = *k;
    } else {
        fields.problem(JsonFields::join(path, "kind"), "unknown annotation kind '" + kind->substr(0, 40) + "'; expected range_ring, ruler, label or arrow");
        return std::nullopt;
    }
    // Which members each kind takes: a ring or label sits "at" a point; a ruler or arrow goes "from" one "to" another.
    const bool twoPoints = a.needsEnd();
    static constexpr const char* kOnePoint[] = {"at", "radius_km"};
    static constexpr const char* kTwoPoints[] = {"from", "to"};
    for (const char* wrong : twoPoints ? kOnePoint : kTwoPoints)
        if (value.contains(wrong)) fields.problem(JsonFields::join(path, wrong), "a " + std::string(*kind) + " has no '" + wrong + "'");
    if (a.kind != AnnotationKind::RangeRing && value.contains("radius_km") && !twoPoints)
        fields.problem(JsonFields::join(path, "radius_km"), "only a range_ring has a radius");
    if (twoPoints) {
        if (auto p = readPoint(fields, value, path, "from", namePlace)) a.at = *p;
        if (auto p = readPoint(fields, value, path, "to", namePlace)) a.to = *p;
    } else if (auto p = readPoint(fields, value, path, "at", namePlace)) {
        a.at = *p;
    }
    if (a.kind == AnnotationKind::RangeRing) {
        if (auto r = fields.number(value, path, "radius_km", true)) {
            if (!(*r > 0) || *r > kMaxRadiusKm)
                fields.problem(JsonFields::join(path, "radius_km"), "expected a radius in kilometres, more than 0 and at most 20000");
            else
                a.radiusKm = *r;
        }
    }
    a.text = fields.string(value, path, "text", a.kind == AnnotationKind::Label).value_or("");
    if (a.kind == AnnotationKind::Label && a.text.empty() && value.contains("text"))
        fields.problem(JsonFields::join(path, "text"), "empty: a label needs text");
    if (auto c = fields.string(value, path, "color", false)) {
        if (auto rgb = parseHexColor(*c)) a.color = *rgb;
        else fields.problem(JsonFields::join(path, "color"), "expected a colour as #rrggbb, got '" + c->substr(0, 20) + "'");
    }
    for (const char* key : {"start", "end"})
        if (auto d = fields.string(value, path, key, false)) {
            if (Result<PartialDate> date = parsePartialDate(*d)) (key[0] == 's' ? a.start : a.end) = *date;
            else fields.problem(JsonFields::join(path, key), date.error().message);
        }
    if (a.start && a.end && a.end->lastDay() < a.start->firstDay())
        fields.problem(JsonFields::join(path, "end"), "before start");
    if (fields.problemCount() != before) return std::nullopt;
    return a;
}

ordered annotationJson(const Annotation& a) {
    ordered j;
    j["kind"] = annotationKindName(a.kind);
    if (a.needsEnd()) {
        j["from"] = pointJson(a.at);
        j["to"] = pointJson(a.to);
    } else {
        j["at"] = pointJson(a.at);
    }
    if (a.kind == AnnotationKind::RangeRing) j["radius_km"] = a.radiusKm;
    if (!a.text.empty()) j["text"] = a.text;
    if (a.color) j["color"] = hexColor(*a.color);
    if (a.start) j["start"] = a.start->text();
    if (a.end) j["end"] = a.end->text();
    return j;
}

}  // namespace briefmap::model
