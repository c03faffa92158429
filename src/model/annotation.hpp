// What a presenter draws on the map besides the events: range rings (a missile's reach around a
// launch site), rulers (the geodesic distance between two points), text labels and arrows. Kept in
// the briefing ("annotations") and drawn in the window and in every export.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo_types.hpp"
#include "model/date.hpp"

namespace briefmap::model {

enum class AnnotationKind : uint8_t { RangeRing, Ruler, Label, Arrow, Count };
std::string_view annotationKindName(AnnotationKind kind);    // "range_ring"
std::string_view annotationKindLabel(AnnotationKind kind);   // "Range ring"
std::optional<AnnotationKind> annotationKindFromName(std::string_view name);

// A place of the briefing by name (its coordinates filled in once places are resolved), or
// coordinates given directly.
struct AnnotationPoint {
    std::string place;  // "" for coordinates
    LonLat at;
    bool located = false;  // `at` holds the point (a named place is located when it resolves)
    bool operator==(const AnnotationPoint&) const = default;
};

struct Annotation {
    AnnotationKind kind = AnnotationKind::Label;
    AnnotationPoint at;         // ring centre, label anchor, ruler and arrow start
    AnnotationPoint to;         // ruler and arrow end
    double radiusKm = 0;        // range ring
    std::string text;           // the label, or a caption beside a ring, ruler or arrow
    std::optional<uint32_t> color;  // 0xRRGGBB; none: the theme's annotation colour
    // Shown only from `start` to `end` (inclusive) on the time slider; none: always.
    std::optional<PartialDate> start, end;
    bool operator==(const Annotation&) const = default;

    bool located() const { return at.located && (!needsEnd() || to.located); }
    bool needsEnd() const { return kind == AnnotationKind::Ruler || kind == AnnotationKind::Arrow; }
    // Whether it is shown at `day` (a fractional day number).
    bool shownAt(double day) const;
};

// "#ff8800" ↔ 0xff8800.
std::optional<uint32_t> parseHexColor(std::string_view text);
std::string hexColor(uint32_t rgb);

}  // namespace briefmap::model
