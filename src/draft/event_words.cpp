#include "draft/event_words.hpp"

#include <array>
#include <unordered_map>
#include <unordered_set>

namespace briefmap::draft {

using model::EventKind;

namespace {

struct VerbRow {
    std::string_view lemma;
    Frame frame;
    TriggerStrength strength = TriggerStrength::Normal;
};
struct NounRow {
    std::string_view lemma;
    Frame frame;
    std::optional<EventKind> kind;
    TriggerStrength strength = TriggerStrength::Normal;
};

constexpr auto W = TriggerStrength::Weak;
constexpr auto S = TriggerStrength::Strong;

const std::array kVerbs = {
    // Give
    VerbRow{"send", Frame::Give}, VerbRow{"supply", Frame::Give, S}, VerbRow{"deliver", Frame::Give, S},
    VerbRow{"ship", Frame::Give, S}, VerbRow{"provide", Frame::Give}, VerbRow{"transfer", Frame::Give, S},
    VerbRow{"sell", Frame::Give, S}, VerbRow{"give", Frame::Give, W}, VerbRow{"pledge", Frame::Give},
    VerbRow{"donate", Frame::Give}, VerbRow{"dispatch", Frame::Give}, VerbRow{"hand", Frame::Give, W},
    VerbRow{"smuggle", Frame::Give, S}, VerbRow{"transport", Frame::Give}, VerbRow{"offer", Frame::Give, W},
    VerbRow{"funnel", Frame::Give}, VerbRow{"airlift", Frame::Give}, VerbRow{"export", Frame::Give},
    VerbRow{"arm", Frame::Give, W}, VerbRow{"equip", Frame::Give, W}, VerbRow{"furnish", Frame::Give},
    VerbRow{"commit", Frame::Give, W}, VerbRow{"promise", Frame::Give, W},
    VerbRow{"load", Frame::Give, W}, VerbRow{"fly", Frame::Travel, W},
    // Get
    VerbRow{"buy", Frame::Get, S}, VerbRow{"purchase", Frame::Get, S}, VerbRow{"acquire", Frame::Get},
    VerbRow{"receive", Frame::Get}, VerbRow{"obtain", Frame::Get}, VerbRow{"import", Frame::Get},
    VerbRow{"procure", Frame::Get, S}, VerbRow{"get", Frame::Get, W}, VerbRow{"seek", Frame::Get, W},
    VerbRow{"request", Frame::Get, W},
    // Troops
    VerbRow{"deploy", Frame::Deploy, S}, VerbRow{"station", Frame::Deploy}, VerbRow{"redeploy", Frame::Deploy, S},
    VerbRow{"mass", Frame::Deploy, W}, VerbRow{"reinforce", Frame::Deploy, W}, VerbRow{"withdraw", Frame::Travel, W},
    VerbRow{"remain", Frame::Deploy, W}, VerbRow{"stay", Frame::Deploy, W}, VerbRow{"exit", Frame::Travel, W},
    VerbRow{"base", Frame::Deploy, W}, VerbRow{"operate", Frame::Deploy, W}, VerbRow{"present", Frame::Deploy, W},
    VerbRow{"active", Frame::Deploy, W},
    VerbRow{"expel", Frame::Sanction, W}, VerbRow{"revoke", Frame::Sanction, W}, VerbRow{"downgrade", Frame::Sanction, W},
    VerbRow{"invade", Frame::Invade, S}, VerbRow{"occupy", Frame::Invade}, VerbRow{"annex", Frame::Invade},
    VerbRow{"fight", Frame::Fight}, VerbRow{"battle", Frame::Fight, W}, VerbRow{"join", Frame::Fight, W},
    VerbRow{"recruit", Frame::Deploy, W}, VerbRow{"train", Frame::Help, W},
    // Strikes
    VerbRow{"fire", Frame::Fire}, VerbRow{"strike", Frame::Fire, S}, VerbRow{"hit", Frame::Fire, W},
    VerbRow{"attack", Frame::Fire, S}, VerbRow{"bomb", Frame::Fire, S}, VerbRow{"shell", Frame::Fire, S},
    VerbRow{"target", Frame::Fire}, VerbRow{"pound", Frame::Fire}, VerbRow{"raid", Frame::Fire},
    VerbRow{"shoot", Frame::Fire}, VerbRow{"intercept", Frame::Fire, S},
    VerbRow{"launch", Frame::Launch}, VerbRow{"test", Frame::Launch, W}, VerbRow{"test-fire", Frame::Launch, S},
    VerbRow{"seize", Frame::Fire, W}, VerbRow{"sink", Frame::Fire, S}, VerbRow{"damage", Frame::Fire, W},
    VerbRow{"destroy", Frame::Fire, W},
    // Meetings and visits
    VerbRow{"meet", Frame::Meet, S}, VerbRow{"host", Frame::Meet}, VerbRow{"negotiate", Frame::Meet},
    VerbRow{"confer", Frame::Meet}, VerbRow{"talk", Frame::Talk}, VerbRow{"discuss", Frame::Talk, W},
    VerbRow{"speak", Frame::Talk, W}, VerbRow{"hold", Frame::Meet, W},
    VerbRow{"visit", Frame::Visit, S}, VerbRow{"tour", Frame::Visit}, VerbRow{"travel", Frame::Travel, S},
    VerbRow{"head", Frame::Travel, W}, VerbRow{"arrive", Frame::Travel, S}, VerbRow{"land", Frame::Travel, W},
    VerbRow{"depart", Frame::Travel}, VerbRow{"leave", Frame::Travel, W}, VerbRow{"go", Frame::Travel, W},
    VerbRow{"come", Frame::Travel, W}, VerbRow{"return", Frame::Travel, W}, VerbRow{"board", Frame::Travel, W},
    VerbRow{"enter", Frame::Travel, W}, VerbRow{"sail", Frame::Travel, W}, VerbRow{"dock", Frame::Travel, W},
    VerbRow{"participate", Frame::Fight, W},
    // Agreements
    VerbRow{"sign", Frame::Sign, S}, VerbRow{"conclude", Frame::Sign, W}, VerbRow{"ratify", Frame::Sign, S},
    VerbRow{"ink", Frame::Sign, S}, VerbRow{"seal", Frame::Sign}, VerbRow{"agree", Frame::Agree},
    VerbRow{"reach", Frame::Agree, W}, VerbRow{"finalize", Frame::Sign}, VerbRow{"finalise", Frame::Sign},
    VerbRow{"approve", Frame::Agree, W}, VerbRow{"forge", Frame::Agree, W}, VerbRow{"establish", Frame::Agree, W},
    // Sanctions
    VerbRow{"sanction", Frame::Sanction, S}, VerbRow{"impose", Frame::Sanction, W}, VerbRow{"ban", Frame::Sanction},
    VerbRow{"embargo", Frame::Sanction, S}, VerbRow{"blacklist", Frame::Sanction, S}, VerbRow{"designate", Frame::Sanction, W},
    VerbRow{"veto", Frame::Sanction, S}, VerbRow{"freeze", Frame::Sanction, W}, VerbRow{"penalize", Frame::Sanction},
    VerbRow{"penalise", Frame::Sanction}, VerbRow{"restrict", Frame::Sanction, W},
    // Trade and help
    VerbRow{"trade", Frame::Trade}, VerbRow{"help", Frame::Help, W}, VerbRow{"assist", Frame::Help, W},
    VerbRow{"aid", Frame::Help, W}, VerbRow{"share", Frame::Give, W}, VerbRow{"build", Frame::Help, W},
    VerbRow{"produce", Frame::Help, W}, VerbRow{"manufacture", Frame::Help, W},
    // Statements
    VerbRow{"warn", Frame::Statement, S}, VerbRow{"urge", Frame::Statement}, VerbRow{"condemn", Frame::Statement, S},
    VerbRow{"denounce", Frame::Statement, S}, VerbRow{"accuse", Frame::Statement, S}, VerbRow{"deny", Frame::Statement},
    VerbRow{"threaten", Frame::Statement}, VerbRow{"vow", Frame::Statement}, VerbRow{"praise", Frame::Statement},
    VerbRow{"criticize", Frame::Statement}, VerbRow{"criticise", Frame::Statement}, VerbRow{"demand", Frame::Statement},
    VerbRow{"declare", Frame::Statement, W}, VerbRow{"reject", Frame::Statement, W}, VerbRow{"dismiss", Frame::Statement, W},
    VerbRow{"protest", Frame::Statement}, VerbRow{"summon", Frame::Statement}, VerbRow{"invite", Frame::Statement},
    VerbRow{"thank", Frame::Statement}, VerbRow{"express", Frame::Statement, W}, VerbRow{"announce", Frame::Statement, W},
    VerbRow{"call", Frame::Statement, W}, VerbRow{"pledge", Frame::Give}, VerbRow{"remind", Frame::Statement, W},
    VerbRow{"insist", Frame::Statement, W}, VerbRow{"vowed", Frame::Statement}, VerbRow{"slam", Frame::Statement},
    VerbRow{"blame", Frame::Statement}, VerbRow{"welcome", Frame::Statement, W}, VerbRow{"publish", Frame::Statement, W},
    VerbRow{"close", Frame::Statement, W}, VerbRow{"order", Frame::Statement, W},
};

const std::array kNouns = {
    // Things given and received; the cargo decides the kind.
    NounRow{"shipment", Frame::Give, {}}, NounRow{"delivery", Frame::Give, {}, S}, NounRow{"supply", Frame::Give, {}},
    NounRow{"transfer", Frame::Give, {}}, NounRow{"sale", Frame::Give, {}}, NounRow{"purchase", Frame::Get, {}},
    NounRow{"export", Frame::Give, {}}, NounRow{"import", Frame::Get, {}}, NounRow{"consignment", Frame::Give, {}},
    NounRow{"package", Frame::Give, {}, W}, NounRow{"assistance", Frame::Give, {}, W}, NounRow{"aid", Frame::Give, {}, W},
    NounRow{"donation", Frame::Give, {}}, NounRow{"installment", Frame::Give, {}}, NounRow{"instalment", Frame::Give, {}},
    NounRow{"batch", Frame::Give, {}, W}, NounRow{"order", Frame::Get, {}, W}, NounRow{"acquisition", Frame::Get, {}},
    NounRow{"smuggling", Frame::Give, {}},
    // Troops
    NounRow{"deployment", Frame::Deploy, EventKind::TroopDeployment, S},
    NounRow{"invasion", Frame::Invade, EventKind::TroopDeployment, S},
    NounRow{"incursion", Frame::Invade, EventKind::TroopDeployment, S},
    NounRow{"offensive", Frame::Invade, EventKind::TroopDeployment},
    NounRow{"counteroffensive", Frame::Invade, EventKind::TroopDeployment},
    NounRow{"occupation", Frame::Invade, EventKind::TroopDeployment},
    NounRow{"reinforcement", Frame::Deploy, EventKind::TroopDeployment, W},
    NounRow{"withdrawal", Frame::Deploy, EventKind::TroopDeployment, W},
    NounRow{"presence", Frame::Deploy, EventKind::TroopDeployment, W},
    NounRow{"drill", Frame::Exercise, EventKind::TroopDeployment, W}, NounRow{"exercise", Frame::Exercise, EventKind::TroopDeployment, W},
    NounRow{"maneuvers", Frame::Exercise, EventKind::TroopDeployment, W}, NounRow{"manoeuvres", Frame::Exercise, EventKind::TroopDeployment, W},
    NounRow{"wargame", Frame::Exercise, EventKind::TroopDeployment, W}, NounRow{"patrol", Frame::Exercise, EventKind::TroopDeployment, W},
    // Strikes
    NounRow{"attack", Frame::Fire, EventKind::MissileStrike, S}, NounRow{"strike", Frame::Fire, EventKind::MissileStrike, S},
    NounRow{"airstrike", Frame::Fire, EventKind::MissileStrike, S}, NounRow{"bombardment", Frame::Fire, EventKind::MissileStrike, S},
    NounRow{"barrage", Frame::Fire, EventKind::MissileStrike, S}, NounRow{"shelling", Frame::Fire, EventKind::MissileStrike, S},
    NounRow{"raid", Frame::Fire, EventKind::MissileStrike}, NounRow{"assault", Frame::Fire, EventKind::MissileStrike, W},
    NounRow{"bombing", Frame::Fire, EventKind::MissileStrike, S}, NounRow{"launch", Frame::Launch, {}, W},
    NounRow{"test", Frame::Launch, {}, W}, NounRow{"testing", Frame::Launch, {}, W},
    NounRow{"hijacking", Frame::Fire, EventKind::MissileStrike}, NounRow{"seizure", Frame::Fire, EventKind::MissileStrike, W},
    // Meetings and visits
    NounRow{"summit", Frame::Meet, EventKind::Meeting, S}, NounRow{"talks", Frame::Meet, EventKind::Meeting, S},
    NounRow{"meeting", Frame::Meet, EventKind::Meeting, S}, NounRow{"call", Frame::Meet, EventKind::Meeting, W},
    NounRow{"negotiation", Frame::Meet, EventKind::Meeting}, NounRow{"conference", Frame::Meet, EventKind::Meeting, W},
    NounRow{"consultation", Frame::Meet, EventKind::Meeting, W},
    NounRow{"visit", Frame::Visit, EventKind::Visit, S}, NounRow{"trip", Frame::Visit, EventKind::Visit, S},
    NounRow{"tour", Frame::Visit, EventKind::Visit}, NounRow{"journey", Frame::Visit, EventKind::Visit},
    NounRow{"arrival", Frame::Travel, EventKind::Visit},
    // Agreements
    NounRow{"agreement", Frame::Sign, EventKind::Agreement, S}, NounRow{"treaty", Frame::Sign, EventKind::Agreement, S},
    NounRow{"deal", Frame::Sign, EventKind::Agreement}, NounRow{"pact", Frame::Sign, EventKind::Agreement, S},
    NounRow{"contract", Frame::Sign, EventKind::Agreement}, NounRow{"accord", Frame::Sign, EventKind::Agreement},
    NounRow{"memorandum", Frame::Sign, EventKind::Agreement}, NounRow{"partnership", Frame::Sign, EventKind::Agreement, W},
    NounRow{"alliance", Frame::Sign, EventKind::Agreement, W}, NounRow{"ceasefire", Frame::Sign, EventKind::Agreement},
    NounRow{"ratification", Frame::Sign, EventKind::Agreement, S}, NounRow{"accession", Frame::Sign, EventKind::Agreement, W},
    NounRow{"membership", Frame::Sign, EventKind::Agreement, W}, NounRow{"bid", Frame::Sign, EventKind::Agreement, W},
    // Sanctions
    NounRow{"sanction", Frame::Sanction, EventKind::Sanction, S}, NounRow{"embargo", Frame::Sanction, EventKind::Sanction, S},
    NounRow{"veto", Frame::Sanction, EventKind::Sanction, S}, NounRow{"ban", Frame::Sanction, EventKind::Sanction},
    NounRow{"resolution", Frame::Sanction, EventKind::Sanction, W}, NounRow{"blacklist", Frame::Sanction, EventKind::Sanction},
    NounRow{"restriction", Frame::Sanction, EventKind::Sanction, W}, NounRow{"designation", Frame::Sanction, EventKind::Sanction},
    // Trade
    NounRow{"trade", Frame::Trade, EventKind::AidTrade},
    // Statements
    NounRow{"warning", Frame::Statement, EventKind::Statement}, NounRow{"condemnation", Frame::Statement, EventKind::Statement},
    NounRow{"accusation", Frame::Statement, EventKind::Statement, W}, NounRow{"denial", Frame::Statement, EventKind::Statement, W},
    NounRow{"threat", Frame::Statement, EventKind::Statement, W}, NounRow{"invitation", Frame::Statement, EventKind::Statement},
};

struct CargoRow {
    std::string_view lemma;
    CargoClass cls;
    bool strong = true;
};

const std::array kCargo = {
    CargoRow{"troop", CargoClass::Troops}, CargoRow{"soldier", CargoClass::Troops}, CargoRow{"force", CargoClass::Troops, false},
    CargoRow{"fighter", CargoClass::Troops}, CargoRow{"mercenary", CargoClass::Troops}, CargoRow{"personnel", CargoClass::Troops},
    CargoRow{"unit", CargoClass::Troops, false}, CargoRow{"battalion", CargoClass::Troops}, CargoRow{"brigade", CargoClass::Troops},
    CargoRow{"serviceman", CargoClass::Troops}, CargoRow{"servicemen", CargoClass::Troops}, CargoRow{"instructor", CargoClass::Troops},
    CargoRow{"contractor", CargoClass::Troops, false}, CargoRow{"deminer", CargoClass::Troops}, CargoRow{"sapper", CargoClass::Troops},
    CargoRow{"marine", CargoClass::Troops}, CargoRow{"paratrooper", CargoClass::Troops}, CargoRow{"commando", CargoClass::Troops},
    CargoRow{"army", CargoClass::Troops, false}, CargoRow{"militant", CargoClass::Troops, false},
    CargoRow{"worker", CargoClass::Troops, false}, CargoRow{"adviser", CargoClass::Troops, false},
    CargoRow{"advisor", CargoClass::Troops, false}, CargoRow{"engineer", CargoClass::Troops, false},
    CargoRow{"warship", CargoClass::Troops}, CargoRow{"flotilla", CargoClass::Troops}, CargoRow{"frigate", CargoClass::Troops},
    CargoRow{"submarine", CargoClass::Troops, false}, CargoRow{"navy", CargoClass::Troops, false}, CargoRow{"squadron", CargoClass::Troops}, CargoRow{"regiment", CargoClass::Troops},
    CargoRow{"battery", CargoClass::Munitions, false}, CargoRow{"destroyer", CargoClass::Troops, false},
    CargoRow{"weapon", CargoClass::Munitions}, CargoRow{"weaponry", CargoClass::Munitions},
    CargoRow{"hardware", CargoClass::Munitions, false}, CargoRow{"arms", CargoClass::Munitions}, CargoRow{"ammunition", CargoClass::Munitions},
    CargoRow{"munition", CargoClass::Munitions}, CargoRow{"munitions", CargoClass::Munitions}, CargoRow{"shell", CargoClass::Munitions},
    CargoRow{"artillery", CargoClass::Munitions}, CargoRow{"rocket", CargoClass::Munitions}, CargoRow{"drone", CargoClass::Munitions},
    CargoRow{"uav", CargoClass::Munitions}, CargoRow{"uavs", CargoClass::Munitions}, CargoRow{"tank", CargoClass::Munitions},
    CargoRow{"howitzer", CargoClass::Munitions}, CargoRow{"rifle", CargoClass::Munitions}, CargoRow{"grenade", CargoClass::Munitions},
    CargoRow{"mortar", CargoClass::Munitions}, CargoRow{"launcher", CargoClass::Munitions}, CargoRow{"jet", CargoClass::Munitions},
    CargoRow{"aircraft", CargoClass::Munitions, false}, CargoRow{"warplane", CargoClass::Munitions},
    CargoRow{"helicopter", CargoClass::Munitions, false}, CargoRow{"vehicle", CargoClass::Munitions, false},
    CargoRow{"equipment", CargoClass::Munitions, false}, CargoRow{"system", CargoClass::Munitions, false},
    CargoRow{"round", CargoClass::Munitions, false}, CargoRow{"bomb", CargoClass::Munitions}, CargoRow{"torpedo", CargoClass::Munitions},
    CargoRow{"interceptor", CargoClass::Munitions}, CargoRow{"armament", CargoClass::Munitions}, CargoRow{"materiel", CargoClass::Munitions},
    CargoRow{"firearm", CargoClass::Munitions}, CargoRow{"explosive", CargoClass::Munitions}, CargoRow{"mine", CargoClass::Munitions, false},
    CargoRow{"missile", CargoClass::Missiles}, CargoRow{"icbm", CargoClass::Missiles}, CargoRow{"icbms", CargoClass::Missiles},
    CargoRow{"technology", CargoClass::Technology}, CargoRow{"know-how", CargoClass::Technology}, CargoRow{"expertise", CargoClass::Technology},
    CargoRow{"blueprint", CargoClass::Technology}, CargoRow{"design", CargoClass::Technology, false},
    CargoRow{"component", CargoClass::Technology, false}, CargoRow{"part", CargoClass::Technology, false},
    CargoRow{"satellite", CargoClass::Technology, false}, CargoRow{"chip", CargoClass::Technology, false},
    CargoRow{"microelectronics", CargoClass::Technology}, CargoRow{"semiconductor", CargoClass::Technology},
    CargoRow{"food", CargoClass::AidEnergy}, CargoRow{"energy", CargoClass::AidEnergy}, CargoRow{"oil", CargoClass::AidEnergy},
    CargoRow{"gas", CargoClass::AidEnergy, false}, CargoRow{"fuel", CargoClass::AidEnergy}, CargoRow{"grain", CargoClass::AidEnergy},
    CargoRow{"wheat", CargoClass::AidEnergy}, CargoRow{"fertilizer", CargoClass::AidEnergy}, CargoRow{"goods", CargoClass::AidEnergy},
    CargoRow{"material", CargoClass::AidEnergy, false}, CargoRow{"cash", CargoClass::Money}, CargoRow{"money", CargoClass::Money},
    CargoRow{"loan", CargoClass::Money}, CargoRow{"investment", CargoClass::Money}, CargoRow{"payment", CargoClass::Money},
    CargoRow{"dollar", CargoClass::Money}, CargoRow{"euro", CargoClass::Money}, CargoRow{"medicine", CargoClass::AidEnergy},
    CargoRow{"electricity", CargoClass::AidEnergy}, CargoRow{"coal", CargoClass::AidEnergy}, CargoRow{"crude", CargoClass::AidEnergy},
    CargoRow{"aid", CargoClass::AidEnergy, false}, CargoRow{"assistance", CargoClass::AidEnergy, false},
    CargoRow{"delegation", CargoClass::People}, CargoRow{"leader", CargoClass::People, false},
};

// Named weapon systems and families that news writes without a generic noun.
const std::array<std::pair<std::string_view, CargoClass>, 44> kWeaponNames = {{
    {"himars", CargoClass::Munitions}, {"patriot", CargoClass::Munitions}, {"patriots", CargoClass::Munitions},
    {"atacms", CargoClass::Missiles}, {"leopard", CargoClass::Munitions}, {"leopards", CargoClass::Munitions},
    {"abrams", CargoClass::Munitions}, {"bradley", CargoClass::Munitions}, {"bradleys", CargoClass::Munitions},
    {"javelin", CargoClass::Munitions}, {"javelins", CargoClass::Munitions}, {"stinger", CargoClass::Munitions},
    {"stingers", CargoClass::Munitions}, {"shahed", CargoClass::Munitions}, {"shaheds", CargoClass::Munitions},
    {"mohajer", CargoClass::Munitions}, {"geran", CargoClass::Munitions}, {"lancet", CargoClass::Munitions},
    {"bayraktar", CargoClass::Munitions}, {"iskander", CargoClass::Missiles}, {"kinzhal", CargoClass::Missiles},
    {"kalibr", CargoClass::Missiles}, {"fateh", CargoClass::Missiles}, {"zolfaghar", CargoClass::Missiles},
    {"hwasong", CargoClass::Missiles}, {"nasams", CargoClass::Munitions}, {"iris-t", CargoClass::Munitions},
    {"gepard", CargoClass::Munitions}, {"harpoon", CargoClass::Missiles}, {"neptune", CargoClass::Missiles},
    {"taurus", CargoClass::Missiles}, {"scalp", CargoClass::Missiles}, {"tomahawk", CargoClass::Missiles},
    {"tomahawks", CargoClass::Missiles}, {"challenger", CargoClass::Munitions}, {"caesar", CargoClass::Munitions},
    {"archer", CargoClass::Munitions}, {"storm", CargoClass::Missiles}, {"kn-23", CargoClass::Missiles},
    {"kn-24", CargoClass::Missiles}, {"s-300", CargoClass::Munitions}, {"s-400", CargoClass::Munitions},
    {"su-35", CargoClass::Munitions}, {"mig-29", CargoClass::Munitions},
}};

const std::unordered_map<std::string_view, std::string_view> kIrregular = {
    {"sent", "send"},   {"sold", "sell"},    {"bought", "buy"},   {"gave", "give"},    {"given", "give"},
    {"struck", "strike"}, {"met", "meet"},   {"held", "hold"},    {"flew", "fly"},     {"flown", "fly"},
    {"went", "go"},     {"gone", "go"},      {"came", "come"},    {"left", "leave"},   {"shot", "shoot"},
    {"fought", "fight"}, {"spoke", "speak"}, {"spoken", "speak"}, {"froze", "freeze"}, {"frozen", "freeze"},
    {"sank", "sink"},   {"sunk", "sink"},    {"built", "build"},  {"got", "get"},      {"sought", "seek"},
    {"taken", "take"},  {"took", "take"},    {"led", "lead"},     {"began", "begin"},  {"arms", "arms"},
    {"forces", "force"}, {"talks", "talks"}, {"munitions", "munitions"}, {"goods", "goods"},
    {"personnel", "personnel"}, {"servicemen", "servicemen"}, {"aircraft", "aircraft"}, {"equipment", "equipment"},
    {"ammunition", "ammunition"}, {"artillery", "artillery"}, {"hit", "hit"}, {"uavs", "uav"},
    {"sanctions", "sanction"}, {"supplies", "supply"}, {"deliveries", "delivery"}, {"economies", "economy"},
};

template <typename Table>
std::unordered_set<std::string_view> lemmaSet(const Table& table) {
    std::unordered_set<std::string_view> set;
    for (const auto& row : table) set.insert(row.lemma);
    return set;
}

const std::unordered_set<std::string_view>& knownLemmas() {
    static const std::unordered_set<std::string_view> set = [] {
        std::unordered_set<std::string_view> s = lemmaSet(kVerbs);
        for (auto l : lemmaSet(kNouns)) s.insert(l);
        for (auto l : lemmaSet(kCargo)) s.insert(l);
        return s;
    }();
    return set;
}

}  // namespace

std::string lemmaOf(std::string_view w) {
    if (auto it = kIrregular.find(w); it != kIrregular.end()) return std::string(it->second);
    const auto& known = knownLemmas();
    if (known.count(w)) return std::string(w);
    const auto tryStem = [&](std::string_view stem) -> std::optional<std::string> {
        if (stem.size() < 2) return std::nullopt;
        if (known.count(stem)) return std::string(stem);
        std::string e = std::string(stem) + "e";
        if (known.count(e)) return e;
        if (stem.size() >= 3 && stem[stem.size() - 1] == stem[stem.size() - 2]) {  // shipped → ship
            std::string_view single = stem.substr(0, stem.size() - 1);
            if (known.count(single)) return std::string(single);
        }
        return std::nullopt;
    };
    if (w.ends_with("ies") || w.ends_with("ied")) {
        std::string y = std::string(w.substr(0, w.size() - 3)) + "y";
        if (known.count(y)) return y;
    }
    if (w.ends_with("ing"))
        if (auto s = tryStem(w.substr(0, w.size() - 3))) return *s;
    if (w.ends_with("ed"))
        if (auto s = tryStem(w.substr(0, w.size() - 2))) return *s;
    if (w.ends_with("es"))
        if (auto s = tryStem(w.substr(0, w.size() - 2))) return *s;
    if (w.ends_with("s") && !w.ends_with("ss"))
        if (auto s = tryStem(w.substr(0, w.size() - 1))) return *s;
    return std::string(w);
}

TriggerForms triggersOf(std::string_view lower) {
    static const std::unordered_map<std::string_view, TriggerInfo> verbs = [] {
        std::unordered_map<std::string_view, TriggerInfo> m;
        for (const VerbRow& r : kVerbs) m.emplace(r.lemma, TriggerInfo{r.frame, false, std::nullopt, r.strength});
        return m;
    }();
    static const std::unordered_map<std::string_view, TriggerInfo> nouns = [] {
        std::unordered_map<std::string_view, TriggerInfo> m;
        for (const NounRow& r : kNouns) m.emplace(r.lemma, TriggerInfo{r.frame, true, r.kind, r.strength});
        return m;
    }();
    const std::string lemma = lemmaOf(lower);
    TriggerForms forms;
    if (auto v = verbs.find(lemma); v != verbs.end()) forms.verb = v->second;
    // A noun is its lemma or its plural; "-ing" and "-ed" forms are verbs ("shelling" is listed).
    if (auto n = nouns.find(lemma); n != nouns.end() && !(lower.ends_with("ed") && lower != lemma))
        if (!(lower.ends_with("ing") && lower != lemma)) forms.noun = n->second;
    if (auto n = nouns.find(lower); n != nouns.end()) forms.noun = n->second;  // "talks", "shelling"
    return forms;
}

CargoInfo cargoOf(std::string_view lower, bool capitalised) {
    static const std::unordered_map<std::string_view, CargoInfo> table = [] {
        std::unordered_map<std::string_view, CargoInfo> m;
        for (const CargoRow& r : kCargo) m.emplace(r.lemma, CargoInfo{r.cls, r.strong});
        return m;
    }();
    const std::string lemma = lemmaOf(lower);
    if (auto it = table.find(lemma); it != table.end()) return it->second;
    // Weapon names: "Shahed-136" → "shahed", "F-16s", "Su-35s".
    std::string_view stem = lower;
    if (const size_t dash = stem.find('-'); dash != std::string_view::npos && dash > 0) {
        for (const auto& [name, cls] : kWeaponNames)
            if (name == stem || (stem.starts_with(name) && (stem.size() == name.size() || stem[name.size()] == '-' || stem[name.size()] == 's')))
                return {cls, true};
        if (capitalised && dash <= 3 && stem.size() > dash + 1 && std::isdigit(static_cast<unsigned char>(stem[dash + 1])))
            return {CargoClass::Munitions, false};  // F-16, Su-35, MiG-29, S-400: aircraft and systems
        stem = stem.substr(0, dash);
    }
    for (const auto& [name, cls] : kWeaponNames)
        if (name == stem || (stem.size() == name.size() + 1 && stem.starts_with(name) && stem.back() == 's')) return {cls, true};
    return {};
}

model::Cargo modelCargo(CargoClass c) {
    switch (c) {
        case CargoClass::Troops: return model::Cargo::Troops;
        case CargoClass::Munitions: return model::Cargo::Munitions;
        case CargoClass::Missiles: return model::Cargo::Missiles;
        case CargoClass::Technology: return model::Cargo::Technology;
        case CargoClass::AidEnergy:
        case CargoClass::Money: return model::Cargo::AidEnergy;
        case CargoClass::People:
        case CargoClass::None: return model::Cargo::People;
    }
    return model::Cargo::People;
}

std::optional<Modality> modalityOf(std::string_view w) {
    static const std::unordered_map<std::string_view, Modality> table = {
        {"will", Modality::Planned},        {"'ll", Modality::Planned},         {"plans", Modality::Planned},
        {"plan", Modality::Planned},        {"planned", Modality::Planned},     {"planning", Modality::Planned},
        {"intends", Modality::Planned},     {"intend", Modality::Planned},      {"expected", Modality::Planned},
        {"scheduled", Modality::Planned},   {"set", Modality::Planned},         {"aims", Modality::Planned},
        {"agreed", Modality::Planned},      {"decided", Modality::Planned},     {"preparing", Modality::Planned},
        {"prepared", Modality::Planned},    {"considering", Modality::Planned}, {"upcoming", Modality::Planned},
        {"proposed", Modality::Planned},    {"wants", Modality::Planned},       {"sought", Modality::Planned},
        {"seeking", Modality::Planned},     {"seeks", Modality::Planned},       {"anticipated", Modality::Planned},
        {"could", Modality::Hypothetical},  {"might", Modality::Hypothetical},  {"may", Modality::Hypothetical},
        {"would", Modality::Hypothetical},  {"if", Modality::Hypothetical},     {"whether", Modality::Hypothetical},
        {"possible", Modality::Hypothetical}, {"possibility", Modality::Hypothetical},
        {"potential", Modality::Hypothetical}, {"potentially", Modality::Hypothetical},
        {"likely", Modality::Hypothetical}, {"unlikely", Modality::Hypothetical}, {"should", Modality::Hypothetical},
        {"can", Modality::Hypothetical},    {"capable", Modality::Hypothetical}, {"able", Modality::Hypothetical},
        {"ability", Modality::Hypothetical}, {"would-be", Modality::Hypothetical},
        {"not", Modality::Negated},         {"never", Modality::Negated},       {"n't", Modality::Negated},
        {"didn't", Modality::Negated},      {"hasn't", Modality::Negated},      {"haven't", Modality::Negated},
        {"won't", Modality::Negated},       {"wasn't", Modality::Negated},      {"weren't", Modality::Negated},
        {"doesn't", Modality::Negated},     {"don't", Modality::Negated},       {"no", Modality::Negated},
        {"without", Modality::Negated},     {"refused", Modality::Negated},     {"denied", Modality::Negated},
    };
    if (auto it = table.find(w); it != table.end()) return it->second;
    return std::nullopt;
}

std::string_view agreementTopic(std::string_view lemma) {
    static const std::unordered_map<std::string_view, std::string_view> table = {
        {"agreement", "agreement"}, {"treaty", "agreement"}, {"deal", "agreement"},       {"pact", "agreement"},
        {"contract", "agreement"},  {"accord", "agreement"}, {"memorandum", "agreement"}, {"partnership", "agreement"},
        {"alliance", "agreement"},  {"ceasefire", "ceasefire"}, {"ratification", "membership"}, {"accession", "membership"},
        {"membership", "membership"}, {"bid", "membership"}};
    if (auto it = table.find(lemma); it != table.end()) return it->second;
    return {};
}

bool isCommentator(std::string_view w) {
    static const std::unordered_set<std::string_view> words = {"analysts", "analyst", "experts", "expert",
                                                               "observers", "commentators", "critics", "scholars",
                                                               "researchers", "some", "many", "others"};
    return words.count(w) > 0;
}

std::string_view institutionPlace(std::string_view w) {
    static const std::unordered_map<std::string_view, std::string_view> table = {
        {"kremlin", "Kremlin"},
        {"white house", "Washington"},
        {"pentagon", "Washington"},
        {"state department", "Washington"},
        {"defense department", "Washington"},
        {"department of defense", "Washington"},
        {"congress", "Washington"},
        {"kcna", "Pyongyang"},
        {"korean central news agency", "Pyongyang"},
        {"tass", "Moscow"},
        {"ria novosti", "Moscow"},
        {"blue house", "Seoul"},
        {"downing street", "London"},
        {"elysee", "Paris"},
        {"élysée", "Paris"},
        {"nato", "Brussels"},
        {"european union", "Brussels"},
        {"eu", "Brussels"},
        {"european commission", "Brussels"},
        {"irna", "Tehran"},
        {"xinhua", "Beijing"},
        {"yonhap", "Seoul"},
        {"security council", "United Nations"},
        {"united nations", "United Nations"},
        {"u.n.", "United Nations"},
        {"un", "United Nations"},
        {"iaea", "Vienna"},
    };
    if (auto it = table.find(w); it != table.end()) return it->second;
    return {};
}

std::string_view groupCountry(std::string_view w) {
    static const std::unordered_map<std::string_view, std::string_view> table = {
        {"wagner", "Russia"},          {"africa corps", "Russia"},   {"houthis", "Yemen"},
        {"houthi", "Yemen"},           {"ansar allah", "Yemen"},     {"hezbollah", "Lebanon"},
        {"hamas", "Palestine"},        {"irgc", "Iran"},             {"revolutionary guards", "Iran"},
        {"revolutionary guard", "Iran"}, {"quds force", "Iran"},     {"taliban", "Afghanistan"},
        {"kremlin", "Russia"},         {"pentagon", "United States"}, {"white house", "United States"},
        {"kcna", "North Korea"},       {"tass", "Russia"},           {"nato", "Belgium"},
        {"rsf", "Sudan"},              {"rapid support forces", "Sudan"},
    };
    if (auto it = table.find(w); it != table.end()) return it->second;
    return {};
}

}  // namespace briefmap::draft
