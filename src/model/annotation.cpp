#include "model/annotation.hpp"

#include <array>
#include <cstdio>

namespace briefmap::model {

namespace {
constexpr std::array<std::string_view, static_cast<size_t>(AnnotationKind::Count)> kNames{"range_ring", "ruler", "label", "arrow"};
constexpr std::array<std::string_view, static_cast<size_t>(AnnotationKind::Count)> kLabels{"Range ring", "Ruler", "Text label", "Arrow"};
}  // namespace

std::string_view annotationKindName(AnnotationKind kind) { return kNames.at(static_cast<size_t>(kind)); }
std::string_view annotationKindLabel(AnnotationKind kind) { return kLabels.at(static_cast<size_t>(kind)); }

std::optional<AnnotationKind> annotationKindFromName(std::string_view name) {
    for (size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name) return static_cast<AnnotationKind>(i);
    return std::nullopt;
}

bool Annotation::shownAt(double day) const {
    if (start && day < start->firstDay()) return false;
    if (end && day >= end->lastDay() + 1) return false;
    return true;
}

std::optional<uint32_t> parseHexColor(std::string_view text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    uint32_t v = 0;
    for (char c : text.substr(1)) {
        v <<= 4;
        if (c >= '0' && c <= '9') v |= static_cast<uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= static_cast<uint32_t>(c - 'A' + 10);
        else return std::nullopt;
    }
    return v;
}

std::string hexColor(uint32_t rgb) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06x", rgb & 0xffffffu);
    return buffer;
}

}  // namespace briefmap::model
