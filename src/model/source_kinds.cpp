#include "model/source_kinds.hpp"

#include <array>
#include <cctype>
#include <charconv>

namespace briefmap::model {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string withSub(std::string_view type, std::string_view sub) {
    return sub.empty() || sub == type ? std::string(type) : std::string(type) + ": " + std::string(sub);
}

std::optional<SourceKind> acled(std::string_view type, std::string_view sub) {
    const std::string t = lower(type), s = lower(sub);
    const std::string label = withSub(type, sub);
    if (t == "battles") return SourceKind{EventKind::Battle, label};
    if (t == "explosions/remote violence") {
        // Strikes from afar are strikes; a mine, an IED, a grenade or a suicide bomb is not a missile.
        if (s.find("landmine") != std::string::npos || s.find("ied") != std::string::npos || s.find("grenade") != std::string::npos ||
            s.find("suicide") != std::string::npos)
            return SourceKind{EventKind::Other, label};
        return SourceKind{EventKind::MissileStrike, label};
    }
    if (t == "violence against civilians") return SourceKind{EventKind::ViolenceAgainstCivilians, label};
    if (t == "protests") return SourceKind{EventKind::Protest, label};
    if (t == "riots") return SourceKind{EventKind::Riot, label};
    if (t == "strategic developments") return SourceKind{s == "agreement" ? EventKind::Agreement : EventKind::Other, label};
    return std::nullopt;
}

SourceKind ucdp(std::string_view type) {
    if (type == "1") return {EventKind::Battle, "State-based conflict"};
    if (type == "2") return {EventKind::Battle, "Non-state conflict"};
    if (type == "3") return {EventKind::ViolenceAgainstCivilians, "One-sided violence"};
    return {EventKind::Other, "UCDP type of violence " + std::string(type)};
}

int leadingNumber(std::string_view s) {
    int v = -1;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

SourceKind cameo(std::string_view root, std::string_view code) {
    static constexpr std::array<std::string_view, 21> kRoots = {
        "", "Make public statement", "Appeal", "Express intent to cooperate", "Consult", "Engage in diplomatic cooperation",
        "Engage in material cooperation", "Provide aid", "Yield", "Investigate", "Demand", "Disapprove", "Reject",
        "Threaten", "Protest", "Exhibit force posture", "Reduce relations", "Coerce", "Assault", "Fight",
        "Use unconventional mass violence"};
    const int r = leadingNumber(root);
    if (r < 1 || r > 20) return {EventKind::Other, "CAMEO " + std::string(root)};
    const int c = leadingNumber(code);
    const std::string label = "CAMEO " + std::string(root) + ": " + std::string(kRoots[static_cast<size_t>(r)]);
    EventKind kind = EventKind::Other;
    switch (r) {
    case 1: case 2: case 3: case 10: case 11: case 12: case 13: kind = EventKind::Statement; break;
    case 4: kind = c == 42 || c == 43 ? EventKind::Visit : EventKind::Meeting; break;
    case 5: kind = c == 57 ? EventKind::Agreement : EventKind::Statement; break;
    case 6: kind = c == 61 ? EventKind::AidTrade : EventKind::Other; break;
    case 7: kind = EventKind::AidTrade; break;
    case 14: kind = c == 145 || (c >= 1451 && c <= 1454) ? EventKind::Riot : EventKind::Protest; break;
    case 16: kind = c == 163 ? EventKind::Sanction : EventKind::Other; break;
    case 19: kind = c == 195 || (c >= 1951 && c <= 1952) ? EventKind::MissileStrike : EventKind::Battle; break;
    case 20: kind = EventKind::ViolenceAgainstCivilians; break;
    default: break;
    }
    return {kind, label};
}

}  // namespace

SourceKind sourceKind(std::string_view column, std::string_view type, std::string_view subType) {
    if (column == "typeofviolence") return ucdp(type);
    if (column == "eventrootcode") return cameo(type, subType);
    if (auto k = acled(type, subType)) return *k;
    const std::string t = lower(type);
    if (auto ours = eventKindFromName(t)) return {*ours, ""};
    std::string snake = t;
    for (char& c : snake)
        if (c == ' ' || c == '-' || c == '/') c = '_';
    if (auto ours = eventKindFromName(snake)) return {*ours, ""};
    const auto has = [&](std::string_view w) { return t.find(w) != std::string::npos; };
    const std::string label = withSub(type, subType);
    if (has("protest") || has("demonstration")) return {EventKind::Protest, label};
    if (has("riot")) return {EventKind::Riot, label};
    if (has("battle") || has("armed clash")) return {EventKind::Battle, label};
    return {EventKind::Other, label};
}

}  // namespace briefmap::model
