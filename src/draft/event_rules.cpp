#include "draft/event_rules.hpp"

#include <algorithm>
#include <array>

namespace briefmap::draft {

using model::EventKind;

namespace {

template <size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

constexpr std::array<std::string_view, 28> kDeterminers = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "any",
    "each", "every", "another", "such", "first", "latest", "new", "recent", "further", "additional", "last",
    "second", "next"};
constexpr std::array<std::string_view, 30> kAuxiliaries = {
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "can",
    "may", "might", "must", "shall", "should", "did", "does", "do", "to", "not", "also", "already", "still",
    "then", "just", "never"};
constexpr std::array<std::string_view, 12> kPassiveAux = {"is", "are", "was", "were", "be", "been", "being", "get",
                                                          "got", "gets", "getting", "become"};
constexpr std::array<std::string_view, 14> kToPreps = {"to", "into", "for", "toward", "towards", "onto", "inside", "in",
                                                       "at", "on", "against", "reach", "reached", "over"};
constexpr std::array<std::string_view, 24> kFunctionWords = {
    "of", "in", "on", "at", "to", "from", "for", "with", "by", "and", "or", "but", "that", "which", "who", "as",
    "than", "last", "this", "next", "ago", "since", "between", "against"};
constexpr std::array<std::string_view, 30> kPrepositions = {
    "in", "at", "to", "from", "into", "on", "of", "for", "with", "by", "toward", "towards", "against", "via",
    "through", "near", "across", "over", "onto", "inside", "within", "between", "among", "outside", "around",
    "off", "along", "beyond", "and", "under"};
// Words that open an adjunct of their own: a trigger's arguments stop there.
constexpr std::array<std::string_view, 11> kSubordinators = {"after", "before", "while", "although", "though", "because",
                                                            "despite", "amid", "following", "whereas", "unless"};
// Words that end a noun phrase read backwards from its head.
constexpr std::array<std::string_view, 14> kPhraseVerbs = {"is", "are", "was", "were", "has", "have", "had", "that",
                                                           "which", "who", "after", "before", "since", "while"};
// Words before a noun trigger that forbid rather than report it: "resolutions against arms transfers".
constexpr std::array<std::string_view, 10> kProhibitions = {"against", "prohibit", "prohibits", "prohibiting", "ban",
                                                            "banning", "bans", "forbid", "forbids", "outlaw"};
constexpr std::array<std::string_view, 16> kPlaceNouns = {
    "city", "town", "village", "port", "region", "province", "capital", "area", "territory", "island", "coast",
    "southern", "northern", "eastern", "western", "central"};
// Verbs that may govern an infinitive trigger without making it a mere purpose: "agreed to send".
constexpr std::array<std::string_view, 49> kGoverning = {
    "invitation", "plan", "decision", "offer", "proposal", "intention", "readiness", "request", "deal",
    "plans", "plan", "planned", "planning", "agreed", "agree", "agrees", "expected", "set", "decided", "intends",
    "intend", "aims", "aim", "wants", "want", "seeks", "seek", "sought", "is", "are", "was", "were", "going",
    "offered", "promised", "pledged", "vowed", "threatened", "began", "started", "continues", "continued", "prepared",
    "preparing", "ready", "likely", "scheduled", "due", "able"};
constexpr std::array<std::string_view, 8> kMilitaryAdjectives = {"military", "defense", "defence", "security", "lethal",
                                                                 "weapons", "combat", "armed"};
constexpr std::array<std::string_view, 8> kCivilAdjectives = {"humanitarian", "economic", "financial", "food",
                                                              "energy", "development", "budget", "trade"};
constexpr std::array<std::string_view, 4> kTechAdjectives = {"technological", "technical", "scientific", "nuclear"};

EventKind kindOfCargo(CargoClass c) {
    switch (c) {
        case CargoClass::Troops: return EventKind::TroopDeployment;
        case CargoClass::Munitions:
        case CargoClass::Missiles: return EventKind::MunitionsTransfer;
        case CargoClass::Technology: return EventKind::TechnologyTransfer;
        case CargoClass::AidEnergy:
        case CargoClass::Money: return EventKind::AidTrade;
        case CargoClass::People:
        case CargoClass::None: return EventKind::Visit;
    }
    return EventKind::Statement;
}

class Rules {
public:
    Rules(std::string_view text, const SentenceAnalysis& s) : m_text(text), m_s(s), m_w(s.words) {}

    std::vector<Candidate> run() {
        std::vector<Candidate> out;
        for (size_t i = 0; i < m_w.size(); ++i) {
            if (m_w[i].isPunct() || m_w[i].shape == WordShape::Number) continue;
            if (m_s.entityAt[i] >= 0) continue;  // "Sanctions Committee" inside a name
            TriggerForms forms = triggersOf(m_w[i].lower);
            if (m_w[i].lower == "part" && i > 0 && lemmaOf(m_w[i - 1].lower) == "take") forms = triggersOf("participated");  // "take part"
            if (lemmaOf(m_w[i].lower) == "set" && i + 1 < m_w.size() && (is(i + 1, "off") || is(i + 1, "sail") || is(i + 1, "out")))
                forms = TriggerForms{TriggerInfo{Frame::Travel, false, std::nullopt, TriggerStrength::Weak}, std::nullopt};
            if (!forms.any()) continue;
            if (m_w[i].capitalised() && i > 0 && !forms.noun) continue;  // a capitalised verb mid-sentence is a name
            std::optional<TriggerInfo> trigger = choose(i, forms);
            if (!trigger) continue;
            if (!trigger->noun && nounUsage(i)) continue;  // "on fire", "Houthi targets in Yemen"
            if (auto c = candidate(i, *trigger)) out.push_back(std::move(*c));
        }
        dropCoveredStatements(out);
        shareDestinations(out);
        meetAtVisits(out);
        visitsForMeetings(out);
        splitCoordinated(out);
        assignTimes(out);
        return out;
    }

    // "Li met the head of the Russian navy in Beijing": a meeting abroad means the foreign side came.
    void visitsForMeetings(std::vector<Candidate>& out) const {
        if (std::any_of(out.begin(), out.end(), [](const Candidate& c) { return c.kind == EventKind::Visit; })) return;
        const size_t n = out.size();
        for (size_t k = 0; k < n; ++k) {
            const Candidate& m = out[k];
            if (m.kind != EventKind::Meeting || m.places.size() != 1 || m.placeConfidence < 0.6f) continue;
            const Entity& place = m_s.entities[static_cast<size_t>(m.places[0])];
            const auto [first, end] = clauseOf(m.trigger);
            for (size_t w = first; w < end; ++w) {
                const int e = m_s.entityAt[w];
                if (e < 0 || e == m.places[0]) continue;
                const Entity& party = m_s.entities[static_cast<size_t>(e)];
                if (party.country.empty() || party.country == place.country || party.place == kNoPlace) continue;
                if (party.type == EntityType::Place && !party.countryLevel) continue;
                Candidate v = m;
                v.kind = EventKind::Visit;
                v.places.clear();
                v.flow = true;
                v.from = e;
                v.to = m.places[0];
                v.cargo = model::Cargo::People;
                v.kindConfidence = 0.5f;
                v.flowConfidence = 0.5f;
                v.cues.push_back("visit implied by a meeting in " + place.placeName + " with a party from " + party.placeName);
                out.push_back(std::move(v));
                break;
            }
        }
    }

    // "airstrikes in Iraq and Syria", "missiles at Kharkiv and Odesa": one event per destination.
    void splitCoordinated(std::vector<Candidate>& out) const {
        const size_t n = out.size();
        for (size_t k = 0; k < n; ++k) {
            if (out[k].kind != EventKind::MissileStrike && out[k].kind != EventKind::MunitionsTransfer &&
                out[k].kind != EventKind::TroopDeployment)
                continue;
            // The destination (or, without a flow, the place) and the entities listed after it.
            const int head = out[k].flow ? out[k].to : out[k].places.size() == 1 ? out[k].places[0] : -1;
            if (head >= 0)
                for (int other : listedAfter(head))
                    if (other != out[k].from) {
                        Candidate copy = out[k];
                        if (copy.flow) copy.to = other;
                        else copy.places = {other};
                        copy.cues.push_back("another place of a list: " + m_s.entities[static_cast<size_t>(other)].placeName);
                        out.push_back(std::move(copy));
                    }
            // "German and Italian troops": one deployment per sending country.
            if (out[k].flow && out[k].from >= 0) {
                const Entity& from = m_s.entities[static_cast<size_t>(out[k].from)];
                int other = -1;
                if (from.type == EntityType::Demonym && from.end + 1 < m_w.size() && is(from.end, "and")) other = m_s.entityAt[from.end + 1];
                else if (from.type == EntityType::Demonym && from.first >= 2 && is(from.first - 1, "and")) other = m_s.entityAt[from.first - 2];
                if (other >= 0 && other != out[k].to && m_s.entities[static_cast<size_t>(other)].type == EntityType::Demonym) {
                    Candidate copy = out[k];
                    copy.from = other;
                    copy.cues.push_back("another sender of a list: " + m_s.entities[static_cast<size_t>(other)].placeName);
                    out.push_back(std::move(copy));
                }
            }
        }
    }

    // The entities of the same type listed after `head`: "in Sudan, Libya, Mali and Syria". A list
    // ends with "and" (or "or"): "to Russia, U.S. officials said" is none.
    std::vector<int> listedAfter(int head) const {
        std::vector<int> out;
        const Entity& first = m_s.entities[static_cast<size_t>(head)];
        size_t k = first.end;
        bool closed = false;
        while (k + 1 < m_w.size() && (m_w[k].punct(',') || is(k, "and") || is(k, "or"))) {
            const bool last = !m_w[k].punct(',') || is(k + 1, "and") || is(k + 1, "or");
            if (m_w[k].punct(',') && (is(k + 1, "and") || is(k + 1, "or"))) ++k;
            const int e = k + 1 < m_w.size() ? m_s.entityAt[k + 1] : -1;
            if (e < 0 || e == head) break;
            const Entity& other = m_s.entities[static_cast<size_t>(e)];
            if (other.place == kNoPlace || other.countryLevel != first.countryLevel || other.type == EntityType::Person) break;
            out.push_back(e);
            k = other.end;
            if (last) {
                closed = true;
                break;
            }
        }
        return closed ? out : std::vector<int>{};
    }

    // "Putin's visit to India for a meet with Modi": a meeting with no place of its own is held where
    // the visit in the same sentence goes.
    void meetAtVisits(std::vector<Candidate>& out) const {
        const Candidate* visit = nullptr;
        for (const Candidate& c : out)
            if (c.kind == EventKind::Visit) visit = &c;
        if (!visit) return;
        const int destination = visit->flow ? visit->to : visit->places.empty() ? -1 : visit->places.front();
        if (destination < 0) return;
        for (Candidate& c : out) {
            if (c.kind != EventKind::Meeting || c.placeConfidence >= 0.5f) continue;
            c.places = {destination};
            c.placeConfidence = 0.6f;
            c.sameTimeAs = static_cast<int>(visit - out.data());
            c.cues.push_back("held where the visit goes: " + m_s.entities[static_cast<size_t>(destination)].placeName);
        }
    }

    // "Germany will send 14 tanks to Ukraine, while Poland pledged another 60": the second
    // transfer goes where the first one did.
    void shareDestinations(std::vector<Candidate>& out) const {
        for (size_t k = 1; k < out.size(); ++k) {
            Candidate& c = out[k];
            if (c.flow || c.places.size() != 1 || c.noun) continue;
            if (c.kind != EventKind::MunitionsTransfer && c.kind != EventKind::TroopDeployment && c.kind != EventKind::AidTrade &&
                c.kind != EventKind::TechnologyTransfer)
                continue;
            for (size_t j = k; j-- > 0;) {
                const Candidate& prev = out[j];
                if (prev.kind != c.kind || !prev.flow) continue;
                const Entity& giver = m_s.entities[static_cast<size_t>(c.places[0])];
                const Entity& to = m_s.entities[static_cast<size_t>(prev.to)];
                if (giver.placeName == to.placeName) break;
                c.flow = true;
                c.from = c.places[0];
                c.to = prev.to;
                c.cargo = prev.cargo;
                c.places.clear();
                c.flowConfidence = 0.6f;
                c.cues.push_back("destination shared with the transfer before it: " + to.placeName);
                break;
            }
        }
    }

private:
    bool is(size_t i, std::string_view w) const { return i < m_w.size() && m_w[i].lower == w; }
    const Entity* entity(int e) const { return e >= 0 ? &m_s.entities[static_cast<size_t>(e)] : nullptr; }

    std::pair<size_t, size_t> clauseOf(size_t i) const {
        size_t first = i, end = i + 1;
        while (first > 0 && m_s.clause[first - 1] == m_s.clause[i]) --first;
        while (end < m_w.size() && m_s.clause[end] == m_s.clause[i]) ++end;
        return {first, end};
    }

    // Verb or noun, from the words around it.
    std::optional<TriggerInfo> choose(size_t i, const TriggerForms& f) const {
        if (!f.verb) return f.noun;
        if (!f.noun) return f.verb;
        const Word& w = m_w[i];
        const Word* prev = i > 0 ? &m_w[i - 1] : nullptr;
        if (prev && (in(kDeterminers, prev->lower) || prev->possessive || prev->shape == WordShape::Number ||
                     m_s.entityAt[i - 1] >= 0 || in(kMilitaryAdjectives, prev->lower) || in(kCivilAdjectives, prev->lower) ||
                     prev->lower.ends_with("al") || prev->lower.ends_with("ic") || prev->lower == "missile" ||
                     prev->lower == "drone" || prev->lower == "arms" || prev->lower == "phone"))
            return prev && m_s.entityAt[i - 1] >= 0 && !prev->possessive && w.lower.ends_with("s") &&
                           !w.lower.ends_with("ss") && (i + 1 < m_w.size() && !m_w[i + 1].isPunct() && !is(i + 1, "of"))
                       ? f.verb   // "Russia supplies Iran with…"
                       : f.noun;
        if (is(i + 1, "of")) return f.noun;
        if (w.lower.ends_with("ed") || w.lower == "sent" || w.lower == "sold" || w.lower == "struck" || w.lower == "met")
            return f.verb;
        if (prev && (in(kAuxiliaries, prev->lower) || prev->lower == "he" || prev->lower == "she" || prev->lower == "they" ||
                     prev->lower == "it" || prev->lower == "we" || prev->lower == "who" || prev->lower.ends_with("ly")))
            return f.verb;
        if (w.lower.ends_with("ing")) return f.verb;
        return f.noun;
    }

    // A verb-only trigger word used as a noun: after a determiner or preposition, or a plural after
    // a name and before a preposition ("strikes on Houthi targets in Yemen").
    bool nounUsage(size_t i) const {
        if (verbal(i) || i == 0) return false;
        const Word& prev = m_w[i - 1];
        if (in(kDeterminers, prev.lower) || (in(kPrepositions, prev.lower) && prev.lower != "and")) return true;
        // "Russian targets": a demonym is an adjective, so what follows is a noun.
        if (const Entity* e = m_s.entityOf(i - 1); e && e->type == EntityType::Demonym) return true;
        // "commercial ships", "military strikes": an adjective before a plural.
        if (prev.shape == WordShape::Lower && m_w[i].lower.ends_with("s") &&
            (prev.lower.ends_with("al") || prev.lower.ends_with("ic") || prev.lower.ends_with("ive") || prev.lower.ends_with("ous") ||
             prev.lower.ends_with("ary") || prev.lower.ends_with("ful")))
            return true;
        const bool nextIsPrep = i + 1 >= m_w.size() || m_w[i + 1].isPunct() || in(kPrepositions, m_w[i + 1].lower);
        return m_s.entityAt[i - 1] >= 0 && !prev.possessive && m_w[i].lower.ends_with("s") && nextIsPrep;
    }

    bool passive(size_t i) const {
        size_t k = i;
        while (k > 0 && m_w[k - 1].lower.ends_with("ly")) --k;
        return k > 0 && in(kPassiveAux, m_w[k - 1].lower);
    }

    // The preposition a phrase hangs on: "to the Kursk region", "on the Ukrainian city of Kharkiv".
    std::string_view prepositionOf(size_t first) const {
        size_t k = first;
        for (int steps = 0; k > 0 && steps < 7; ++steps) {
            const Word& w = m_w[k - 1];
            const Entity* e = m_s.entityOf(k - 1);
            if (e && (e->type == EntityType::Demonym || m_w[e->end - 1].possessive)) {
                k = e->first;
                continue;
            }
            if (w.lower == "of" && k >= 2 && in(kPlaceNouns, m_w[k - 2].lower)) {
                k -= 2;
                continue;
            }
            if (in(kDeterminers, w.lower) || in(kPlaceNouns, w.lower) || w.lower == "the") {
                --k;
                continue;
            }
            // "to the Russian mercenary group Wagner": descriptive words before a group's name.
            if (const Entity* named = m_s.entityOf(first); named && (named->type == EntityType::Group || named->type == EntityType::Institution) &&
                w.shape == WordShape::Lower && !in(kPrepositions, w.lower) && steps < 4) {
                --k;
                continue;
            }
            return in(kPrepositions, w.lower) ? std::string_view(w.lower) : std::string_view();
        }
        return {};
    }

    // A demonym standing for its country's land: "Ukrainian cities", "Indian soil", "Russian
    // territory" (a plural place noun after it, or territory/soil), not "the Ukrainian city of Kharkiv".
    bool demonymPlace(const Entity& e) const {
        if (e.type != EntityType::Demonym || e.end >= m_w.size()) return false;
        const std::string& next = m_w[e.end].lower;
        return next == "cities" || next == "towns" || next == "villages" || next == "territory" || next == "soil" ||
               next == "ports" || next == "regions" || next == "airspace" || next == "waters";
    }

    // The first entity in [from, end) hanging on one of `preps`.
    template <size_t N>
    int entityAfter(size_t from, size_t end, const std::array<std::string_view, N>& preps, bool placeOnly = true) const {
        for (size_t k = from; k < end; ++k) {
            const int e = m_s.entityAt[k];
            if (e < 0 || m_s.entities[static_cast<size_t>(e)].first != k) continue;
            const Entity& ent = m_s.entities[static_cast<size_t>(e)];
            if (placeOnly && ent.place == kNoPlace) continue;
            if (ent.type == EntityType::Demonym && !demonymPlace(ent)) continue;
            if (m_w[ent.end - 1].possessive && ent.end < m_w.size() && m_s.entityAt[ent.end] >= 0) continue;  // "Russia's Kursk region"
            if (in(preps, prepositionOf(k))) return e;
        }
        return -1;
    }
    int entityAfter1(size_t from, size_t end, std::string_view prep) const {
        return entityAfter(from, end, std::array<std::string_view, 1>{prep});
    }

    // Who does it: the nearest entity before the trigger in its clause that no preposition governs,
    // else the subject of the clause before ("…, which sent", "Kim arrived and met").
    int subject(size_t i, size_t clauseFirst) const {
        // "he expected to get": the person named last before the pronoun.
        size_t p = i;
        while (p > clauseFirst && (in(kAuxiliaries, m_w[p - 1].lower) || m_w[p - 1].lower.ends_with("ly") || modalityOf(m_w[p - 1].lower)))
            --p;
        if (p > 0 && (is(p - 1, "he") || is(p - 1, "she"))) {
            for (size_t k = p - 1; k > 0; --k)
                if (const Entity* e = m_s.entityOf(k - 1); e && e->type == EntityType::Person) return m_s.entityAt[k - 1];
            return -1;
        }
        for (size_t k = i; k > clauseFirst; --k) {
            if (is(k - 1, "that") && k - 1 > clauseFirst && !m_s.entityOf(k - 2)) {
                // "announced that it is doubling": "it" is the one who announced; else the speaker
                // is no subject here ("warned that Western deliveries…").
                if (k < m_w.size() && (is(k, "it") || is(k, "they") || is(k, "we")))
                    for (size_t j = k - 1; j > clauseFirst; --j)
                        if (const Entity* e = m_s.entityOf(j - 1); e && e->type != EntityType::Person && e->countryLevel)
                            return m_s.entityAt[j - 1];
                return -1;
            }
            const int e = m_s.entityAt[k - 1];
            if (e < 0) continue;
            const Entity& ent = m_s.entities[static_cast<size_t>(e)];
            if (ent.type == EntityType::Demonym && ent.end < m_w.size() && isSpeakerishNoun(ent.end)) return e;  // "Russian officials"
            const std::string_view prep = prepositionOf(ent.first);
            if (!prep.empty() && prep != "and") {
                k = ent.first + 1;
                continue;
            }
            return e;
        }
        if (clauseFirst > 0 && (is(clauseFirst, "and") || is(clauseFirst, "which") || is(clauseFirst, "who")))
            return subject(clauseFirst, clauseOf(clauseFirst - 1).first);
        return -1;
    }

    bool isSpeakerishNoun(size_t k) const {
        return k < m_w.size() && (isSpeakerNoun(m_w[k].lower) || cargoOf(m_w[k].lower, false).cls == CargoClass::Troops);
    }

    // The entity right after a verb (its object), over determiners: "visited Pyongyang", "supplied Russia with".
    int object(size_t i, size_t end) const {
        size_t k = i + 1;
        while (k < end && k - i < 7) {
            const Word& w = m_w[k];
            const Entity* e = m_s.entityOf(k);
            if (e && e->type != EntityType::Demonym) return m_s.entityAt[k];
            if (e && demonymPlace(*e)) return m_s.entityAt[k];  // "targeted Ukrainian cities"
            if (e) {  // "the Ukrainian city of Kharkiv": a demonym describes what follows
                k = e->end;
                continue;
            }
            if (!(in(kDeterminers, w.lower) || w.lower.ends_with("ly") || in(kPlaceNouns, w.lower) ||
                  (w.lower == "of" && k > i + 1 && in(kPlaceNouns, m_w[k - 1].lower))))
                break;
            ++k;
        }
        return -1;
    }

    // The nearest cargo word in the clause: after a verb first, before a noun ("arms deliveries").
    std::pair<int, CargoInfo> cargo(size_t i, size_t first, size_t end, bool after) const {
        int best = -1;
        CargoInfo bestInfo;
        size_t bestDistance = SIZE_MAX;
        for (size_t k = first; k < end; ++k) {
            if (k == i || m_w[k].isPunct()) continue;
            CargoInfo c = cargoOf(m_w[k].lower, m_w[k].capitalised());
            if (c.cls == CargoClass::None) continue;
            // "fighter jets", "missile batteries": the last noun is what is carried.
            if (k + 1 < end && cargoOf(m_w[k + 1].lower, m_w[k + 1].capitalised()).cls != CargoClass::None &&
                !m_w[k].lower.ends_with("s"))
                continue;
            if (m_s.entityAt[k] >= 0 && c.cls != CargoClass::Troops && !m_w[k].lower.starts_with("shahed")) continue;
            if (!c.strong && !supported(k)) continue;
            // "military aid", "security assistance": weapons.
            if (c.cls == CargoClass::AidEnergy && (m_w[k].lower == "aid" || m_w[k].lower == "assistance") && k > 0 &&
                in(kMilitaryAdjectives, m_w[k - 1].lower))
                c = {CargoClass::Munitions, true};
            size_t distance = k > i ? k - i : (i - k) + (after ? 4 : 0);
            if (distance < bestDistance) bestDistance = distance, best = static_cast<int>(k), bestInfo = c;
        }
        return {best, bestInfo};
    }

    // A weak cargo word counts with a military word or a demonym next to it ("Russian forces",
    // "military equipment", "air defence systems").
    bool supported(size_t k) const {
        for (size_t j = k >= 3 ? k - 3 : 0; j < k; ++j) {
            if (in(kMilitaryAdjectives, m_w[j].lower) || m_w[j].lower == "air" || m_w[j].lower == "missile" ||
                m_w[j].lower == "fighter" || m_w[j].lower == "attack" || m_w[j].lower == "ground" ||
                m_w[j].lower == "special" || m_w[j].lower == "naval" || m_w[j].lower == "construction")
                return true;
            if (const Entity* e = m_s.entityOf(j); e && (e->type == EntityType::Demonym || e->type == EntityType::Group)) return true;
            if (cargoOf(m_w[j].lower, m_w[j].capitalised()).strong && cargoOf(m_w[j].lower, m_w[j].capitalised()).cls != CargoClass::None)
                return true;
        }
        return false;
    }

    // The demonym or possessive country just before a cargo word: "North Korean ballistic missiles".
    int cargoOrigin(int cargoWord) const {
        if (cargoWord < 0) return -1;
        for (size_t k = static_cast<size_t>(cargoWord); k > 0 && static_cast<size_t>(cargoWord) - k < 4; --k) {
            const int e = m_s.entityAt[k - 1];
            if (e >= 0) {
                const Entity& ent = m_s.entities[static_cast<size_t>(e)];
                if (ent.type == EntityType::Demonym || m_w[ent.end - 1].possessive || ent.type == EntityType::Group) return e;
                return -1;
            }
            if (m_w[k - 1].isPunct() || in(kFunctionWords, m_w[k - 1].lower)) return -1;
        }
        // "Iranian-made drones": one word, a demonym inside it.
        return -1;
    }

    Modality modality(size_t i, size_t clauseFirst, std::vector<std::string>& cues) const {
        Modality found = Modality::Fact;
        size_t from = clauseFirst;
        // An infinitive's governing verb may sit in the clause before: "agreed to send".
        for (size_t k = i; k > from; --k) {
            const std::string& w = m_w[k - 1].lower;
            const std::optional<Modality> m = modalityOf(w);
            if (!m) continue;
            if (w == "no" && k < i) continue;  // "no longer", "no fewer than"
            if (*m == Modality::Negated) {
                cues.push_back("negation '" + w + "'");
                return Modality::Negated;
            }
            if (found == Modality::Fact) {
                found = *m;
                // "Germany said it would send tanks": the future of reported speech is a plan.
                if (w == "would" && std::any_of(m_s.attributions.begin(), m_s.attributions.end(),
                                                [&](const Attribution& a) { return !a.hedge && a.covers(i); }))
                    found = Modality::Planned;
                cues.push_back((found == Modality::Planned ? "planned: '" : "hypothetical: '") + w + "'");
            }
        }
        return found;
    }

    bool isPurpose(size_t i) const {
        if (!is(i - 1, "to") || i < 2) return false;
        const std::string& governor = m_w[i - 2].lower;
        if (in(kGoverning, governor) || modalityOf(governor)) return false;
        return true;
    }

    // Whether a word reads as a verb here: a verb form, or after an auxiliary, "to" or a pronoun.
    bool verbal(size_t i) const {
        const std::string& w = m_w[i].lower;
        if (w.ends_with("ed") || w.ends_with("ing")) return true;
        if (i == 0) return false;
        const std::string& p = m_w[i - 1].lower;
        return in(kAuxiliaries, p) || p == "he" || p == "she" || p == "they" || p == "it" || p == "we" || p == "who" ||
               p == "which" || p == "that";
    }

    // Where this trigger's arguments end: at the next word that opens a frame of its own ("sent
    // drones for attacks on Kyiv": Kyiv belongs to the attacks).
    size_t argumentEnd(size_t i, size_t end) const {
        for (size_t k = i + 2; k < end; ++k) {
            // Adjuncts that open a new scene: "shipped missiles to Ukraine, …, after opposition from the Pentagon".
            if (in(kSubordinators, m_w[k].lower)) return k;
            if (m_w[k].isPunct() || m_s.entityAt[k] >= 0) continue;
            const TriggerForms f = triggersOf(m_w[k].lower);
            if ((f.verb && verbal(k)) || (f.noun && f.noun->strength != TriggerStrength::Weak && f.noun->kind)) return k;
        }
        return end;
    }

    std::optional<Candidate> candidate(size_t i, const TriggerInfo& t) {
        const auto [clauseFirst, clauseEnd] = clauseOf(i);
        m_clauseFirst = clauseFirst;
        size_t first = clauseFirst;
        size_t end = argumentEnd(i, clauseEnd);
        if (t.noun) {
            // A noun's arguments are in its own phrase: "North Korea's arms deliveries to Russia"; a
            // meeting's place may come later in the clause ("meetings held late last year … in Tehran").
            if (t.frame != Frame::Meet) end = std::min(end, i + 10);
            size_t k = i;
            while (k > first && i - k < 5 && !m_w[k - 1].isPunct() && !in(kPhraseVerbs, m_w[k - 1].lower) &&
                   !(triggersOf(m_w[k - 1].lower).verb && verbal(k - 1)))
                --k;
            first = k;
        }
        // "artillery shells", "bombs": a weapon named, not a verb.
        if (!t.noun && cargoOf(m_w[i].lower, false).cls != CargoClass::None && !verbal(i)) return std::nullopt;
        // A statement verb inside someone else's reported speech is what they said, not an event.
        if (t.frame == Frame::Statement)
            for (const Attribution& a : m_s.attributions)
                if (a.cueWord != i && a.covers(i) && !a.hedge) return std::nullopt;
        Candidate c;
        c.trigger = i;
        c.frame = t.frame;
        c.noun = t.noun;
        c.cues.push_back(std::string(t.noun ? "noun" : "verb") + " trigger '" + std::string(m_text.substr(m_w[i].start, m_w[i].end - m_w[i].start)) + "'");
        if (i > 0 && t.noun && i + 1 < end && modifierNoun(i)) return std::nullopt;  // "sanctions violations"
        if (!t.noun && isPurpose(i)) {
            c.purpose = true;
            return std::nullopt;
        }
        // A noun's own phrase says whether it is real ("possible sanctions"); the clause's verb
        // does not ("might want assurances about Turkey's airstrikes").
        c.modality = modality(i, t.noun ? first : clauseFirst, c.cues);
        for (size_t k = i; k > clauseFirst && i - k < 4; --k)
            if (in(kProhibitions, m_w[k - 1].lower) || (m_w[k - 1].lower == "on" && k >= 2 && m_w[k - 2].lower == "ban")) {
                c.modality = Modality::Negated;
                c.cues.push_back("forbidden, not reported: '" + m_w[k - 1].lower + "'");
                break;
            }
        // "ICBMs targeting the U.S. mainland": a weapon's purpose, not a strike.
        if (!t.noun && m_w[i].lower.ends_with("ing") && i > 0 && cargoOf(m_w[i - 1].lower, m_w[i - 1].capitalised()).cls != CargoClass::None &&
            c.modality == Modality::Fact)
            c.modality = Modality::Hypothetical;
        if (t.noun && (is(i - 1, "potential") || is(i - 1, "possible") || is(i - 1, "proposed"))) c.modality = Modality::Hypothetical;
        const bool isPassive = !t.noun && passive(i);
        bool ok = false;
        switch (t.frame) {
            case Frame::Give:
            case Frame::Get: ok = transfer(c, t, first, end, isPassive); break;
            case Frame::Deploy:
            case Frame::Invade:
            case Frame::Fight: ok = troops(c, t, first, end, isPassive); break;
            case Frame::Fire:
            case Frame::Launch: ok = strike(c, t, first, end, isPassive); break;
            case Frame::Meet:
            case Frame::Talk: ok = meeting(c, t, first, end); break;
            case Frame::Visit:
            case Frame::Travel: ok = visit(c, t, first, end); break;
            case Frame::Sign:
            case Frame::Agree: ok = agreement(c, t, first, end); break;
            case Frame::Sanction: ok = sanction(c, t, first, end); break;
            case Frame::Trade: ok = trade(c, first, end); break;
            case Frame::Help: ok = help(c, first, end, isPassive); break;
            case Frame::Statement: ok = statement(c, t, first, end); break;
            case Frame::Exercise: ok = exercise(c, first, end); break;
            case Frame::Count: break;
        }
        if (!ok && !(ok = anaphor(c, t, first))) return std::nullopt;
        c.kindConfidence = t.strength == TriggerStrength::Strong ? 0.9f : t.strength == TriggerStrength::Normal ? 0.75f : 0.55f;
        pickQuantity(c, first, end);
        for (size_t a = 0; a < m_s.attributions.size(); ++a) {
            const Attribution& at = m_s.attributions[a];
            if (at.cueWord == i) continue;
            if (at.covers(i)) c.attributions.push_back(static_cast<int>(a));
        }
        return c;
    }

    // "the transfer includes around 400 missiles", "the talks", "there have been four shipments":
    // a definite or counted noun with no places of its own refers to an event told before.
    bool anaphor(Candidate& c, const TriggerInfo& t, size_t first) {
        const size_t i = c.trigger;
        if (!t.noun || c.modality == Modality::Negated) return false;
        bool definite = false;
        for (size_t k = i; k > first && i - k < 4; --k) {
            const std::string& w = m_w[k - 1].lower;
            definite |= w == "the" || w == "this" || w == "these" || w == "those" || w == "such" || w == "its" || w == "their" ||
                        w == "second" || w == "another" || w == "third";
            if (m_w[k - 1].shape == WordShape::Number && k >= 3 && is(k - 3, "been")) definite = true;  // "there have been four shipments"
        }
        if (!definite) return false;
        if (t.kind) {
            c.kind = *t.kind;
        } else {
            auto [cargoWord, info] = cargo(i, first, std::min(m_w.size(), i + 4), false);
            c.kind = info.cls == CargoClass::None ? EventKind::MunitionsTransfer : kindOfCargo(info.cls);
            c.cargo = modelCargo(info.cls);
            if (info.cls == CargoClass::None) c.cues.push_back("refers to the transfer told before");
        }
        c.anaphoric = true;
        c.places.clear();
        c.flow = false;
        c.topic = std::string(nounTopic(lemmaOf(m_w[i].lower)));
        for (size_t k = i; k > first && i - k < 3; --k) {
            const std::string& w = m_w[k - 1].lower;
            if (w == "latest" || w == "recent" || w == "newest" || w == "another" || w == "first" || w == "second" ||
                w == "last" || w == "next" || w == "third")
                c.instance = true;  // another event on the same route or of the same series
        }
        c.cues.push_back("'" + m_w[i].lower + "' refers to an event told before");
        return true;
    }

    // What a definite noun refers back to: "the drill" to an exercise, "the deal" to an agreement;
    // empty where any event of the kind will do ("the transfer", "the strikes").
    static std::string_view nounTopic(const std::string& lemma) {
        if (lemma == "drill" || lemma == "exercise" || lemma == "maneuvers" || lemma == "manoeuvres" || lemma == "wargame" ||
            lemma == "patrol")
            return "exercise";
        return agreementTopic(lemma);
    }

    // A noun used as a modifier of the next noun ("arms exhibition", "sanctions violations").
    bool modifierNoun(size_t i) const {
        const Word& next = m_w[i + 1];
        if (next.shape != WordShape::Lower || in(kFunctionWords, next.lower) || in(kAuxiliaries, next.lower)) return false;
        if (next.lower.ends_with("ed") || next.lower.ends_with("ing") || next.lower.ends_with("ly")) return false;
        if (triggersOf(next.lower).noun) return true;  // "trade agreement": the agreement is the head
        if (modalityOf(next.lower)) return false;
        // "the transfer includes around 400 missiles": a verb, its object after it.
        if (i + 2 < m_w.size()) {
            const Word& after = m_w[i + 2];
            if (after.shape == WordShape::Number || in(kDeterminers, after.lower) || after.lower == "around" ||
                after.lower == "about" || after.lower == "some" || after.lower == "more" || after.lower == "nearly" ||
                after.lower == "several" || after.lower == "at" || after.lower == "to" || after.lower == "up")
                return false;
        }
        return next.lower.ends_with("s") || next.lower.ends_with("ion") || next.lower.ends_with("ment") ||
               next.lower == "exhibition" || next.lower == "program" || next.lower == "programme" || next.lower == "industry" ||
               next.lower == "capability" || next.lower == "factory" || next.lower == "plant" || next.lower == "stockpile";
    }

    void setFlow(Candidate& c, int from, int to, model::Cargo cargo) {
        const Entity* f = entity(from);
        const Entity* t = entity(to);
        if (f && t && f->place != kNoPlace && t->place != kNoPlace && f->placeName != t->placeName &&
            !(f->countryLevel && t->country == f->country && t->countryLevel)) {
            c.from = from;
            c.to = to;
            c.flow = true;
            c.cargo = cargo;
            c.flowConfidence = 0.8f;
            c.cues.push_back("flow " + f->placeName + " → " + t->placeName);
        } else if (t && t->place != kNoPlace) {
            c.places.push_back(to);
            c.placeConfidence = 0.6f;
            c.cues.push_back("at " + t->placeName + " (no origin found)");
        } else if (f && f->place != kNoPlace) {
            c.places.push_back(from);
            c.placeConfidence = 0.4f;
            c.originOnly = true;
            c.cues.push_back("at " + f->placeName + " (no destination found)");
        }
    }

    bool transfer(Candidate& c, const TriggerInfo& t, size_t first, size_t end, bool isPassive) {
        const size_t i = c.trigger;
        auto [cargoWord, info] = cargo(i, first, end, !t.noun);
        // "military aid", "humanitarian assistance", "technological assistance": the adjective is the cargo.
        const std::string& head = m_w[i].lower;
        if ((head.starts_with("aid") || head.starts_with("assistance") || head.starts_with("package") || head.starts_with("support")) && i > 0) {
            for (size_t k = i; k > first && i - k < 3; --k) {
                const std::string& a = m_w[k - 1].lower;
                if (in(kMilitaryAdjectives, a)) info = {CargoClass::Munitions, true}, cargoWord = static_cast<int>(k - 1);
                else if (in(kCivilAdjectives, a)) info = {CargoClass::AidEnergy, true}, cargoWord = static_cast<int>(k - 1);
                else if (in(kTechAdjectives, a)) info = {CargoClass::Technology, true}, cargoWord = static_cast<int>(k - 1);
            }
        }
        if (info.cls == CargoClass::None || info.cls == CargoClass::People) return false;
        c.kind = kindOfCargo(info.cls);
        c.cues.push_back("cargo '" + m_w[static_cast<size_t>(cargoWord)].lower + "' → " + std::string(model::eventKindName(c.kind)));
        const model::Cargo cargoKind = modelCargo(info.cls);
        const bool receiving = t.frame == Frame::Get;
        int from = entityAfter1(i + 1, end, "from");
        if (from < 0) from = entityAfter1(first, i, "from");
        int to = entityAfter(i + 1, end, std::array<std::string_view, 6>{"to", "into", "for", "toward", "towards", "in"});
        if (t.noun) {
            // "North Korea's arms exports", "Iranian drone deliveries to Russia"
            const int owner = possessiveBefore(i, first);
            if (receiving) {
                if (to < 0) to = owner;
            } else if (from < 0) {
                from = owner;
            }
            if (from < 0) from = cargoOrigin(cargoWord);
            if (to < 0 && receiving) to = subject(i, m_clauseFirst);
            if (from < 0 && !receiving && prepositionOf(i) != "to" && prepositionOf(i) != "for") from = subject(i, m_clauseFirst);
            if (from < 0 && !receiving) {
                // "a $300 million package U.S. President Joe Biden approved": the giver in the relative clause.
                int agent = -1;
                for (size_t k = i + 1; k < m_w.size() && k < i + 9; ++k) {
                    if (const int e = m_s.entityAt[k]; e >= 0) {
                        if (agent < 0 || m_s.entities[static_cast<size_t>(e)].countryLevel) agent = e;
                        k = m_s.entities[static_cast<size_t>(e)].end - 1;
                        continue;
                    }
                    if (isTitleWord(k) || m_w[k].punct('.')) continue;
                    const std::string verb = lemmaOf(m_w[k].lower);
                    if (agent >= 0 && (verb == "approve" || verb == "announce" || verb == "pledge" || verb == "sign" ||
                                       verb == "unveil" || verb == "send" || verb == "provide" || verb == "promise"))
                        from = agent;
                    break;
                }
            }
        } else if (isPassive) {
            if (from < 0) from = entityAfter1(i + 1, end, "by");
            if (from < 0) from = cargoOrigin(cargoWord);
            if (receiving && to < 0) to = subject(i, first);
        } else if (receiving) {
            if (to < 0 || prepositionOf(m_s.entities[static_cast<size_t>(to)].first) != "to") to = subject(i, first);
            if (from < 0) from = cargoOrigin(cargoWord);
        } else {
            from = from >= 0 ? from : subject(i, first);
            if (const int indirect = object(i, end); indirect >= 0 && to < 0) to = indirect;  // "supplied Russia with"
            if (from < 0) from = cargoOrigin(cargoWord);
            if (from >= 0 && entity(from)->type == EntityType::Demonym && cargoOrigin(cargoWord) != from) {
                // "North Korean troops were sent": the demonym before the cargo is the sender.
            }
        }
        if (from == to) to = -1;
        setFlow(c, from, to, cargoKind);
        for (size_t k = i + 1; k < end; ++k)
            if ((is(k, "via") || is(k, "through")) && k + 1 < end) {
                const int via = entityAfter(k + 1, std::min(end, k + 5), std::array<std::string_view, 2>{"via", "through"});
                if (via >= 0 && via != c.to && via != c.from) c.via.push_back(via);
            }
        if (!c.flow && c.places.empty()) {
            // "The 18 additional rocket systems … will be sent": the things of a transfer told before.
            bool definiteCargo = false;
            for (size_t k = static_cast<size_t>(cargoWord); cargoWord >= 0 && k > first && static_cast<size_t>(cargoWord) - k < 5; --k)
                definiteCargo |= is(k - 1, "the") || is(k - 1, "these") || is(k - 1, "those") || is(k - 1, "such");
            if (!t.noun && (definiteCargo || !c.via.empty())) {
                c.anaphoric = true;
                c.cues.push_back("a route for the transfer told before");
                return true;
            }
            return false;
        }
        addActor(c, from);
        return true;
    }

    int possessiveBefore(size_t i, size_t first) const {
        for (size_t k = i; k > first && i - k < 5; --k) {
            const int e = m_s.entityAt[k - 1];
            if (e >= 0) {
                const Entity& ent = m_s.entities[static_cast<size_t>(e)];
                if (m_w[ent.end - 1].possessive || ent.type == EntityType::Demonym || ent.type == EntityType::Group) return e;
                // "the Vladivostok summit", "his Russia visit": a place right before the noun.
                if (ent.end == i || (ent.end + 1 == i && m_w[ent.end].lower.size() > 2)) return e;
                return -1;
            }
            // "Houthi drone and missile attacks": "and" joins modifiers of the same noun.
            if (m_w[k - 1].lower == "and" && k >= 2 && !m_w[k - 2].isPunct() && m_w[k - 2].shape == WordShape::Lower) continue;
            if (m_w[k - 1].isPunct() || in(kFunctionWords, m_w[k - 1].lower)) return -1;
        }
        return -1;
    }

    void addActor(Candidate& c, int e) {
        if (e >= 0 && std::find(c.actors.begin(), c.actors.end(), e) == c.actors.end()) c.actors.push_back(e);
    }

    bool troops(Candidate& c, const TriggerInfo& t, size_t first, size_t end, bool isPassive) {
        const size_t i = c.trigger;
        auto [cargoWord, info] = cargo(i, first, end, !t.noun);
        const bool troopCargo = info.cls == CargoClass::Troops;
        if (!troopCargo && t.frame != Frame::Invade) {
            const int s = t.noun ? possessiveBefore(i, first) : subject(i, first);  // "Wagner's presence"
            if (!(s >= 0 && entity(s)->type == EntityType::Group)) return false;
        }
        if (info.cls != CargoClass::None && !troopCargo && t.frame == Frame::Deploy) return false;  // "deployed missiles"
        c.kind = EventKind::TroopDeployment;
        int from = entityAfter1(i + 1, end, "from");
        int to = entityAfter(i + 1, end, std::array<std::string_view, 7>{"to", "into", "in", "inside", "on", "at", "near"});
        if (t.frame == Frame::Invade) {
            if (to < 0) to = t.noun ? entityAfter1(i + 1, end, "of") : object(i, end);
            if (from < 0) from = t.noun ? possessiveBefore(i, first) : subject(i, first);
            if (to < 0 && from >= 0) {
                // "military aid to Ukraine since Russia's invasion": the country invaded is the other one
                // named, the nearest to the word.
                size_t best = SIZE_MAX;
                for (size_t k = 0; k < m_w.size(); ++k)
                    if (const Entity* e = m_s.entityOf(k); e && e->countryLevel && e->country != entity(from)->country &&
                                                          e->type != EntityType::Person && e->type != EntityType::Group) {
                        const size_t d = k > i ? k - i : i - k;
                        if (d < best) best = d, to = m_s.entityAt[k];
                    }
                if (to >= 0) c.cues.push_back("the invaded country is the other one named");
            }
        } else if (t.noun) {
            if (from < 0) from = possessiveBefore(i, first);
        } else if (!isPassive && from < 0) {
            from = subject(i, first);
        }
        if (from < 0) from = cargoOrigin(cargoWord);
        if (to >= 0 && from >= 0 && entity(to)->country == entity(from)->country && entity(to)->countryLevel) to = -1;
        if (from == to) to = -1;
        if (to < 0) return false;  // troops somewhere unsaid: no place to draw
        setFlow(c, from, to, model::Cargo::Troops);
        if (!c.flow && c.places.empty()) return false;
        addActor(c, from);
        c.cues.push_back(troopCargo ? "troops '" + m_w[static_cast<size_t>(cargoWord)].lower + "'" : "troop movement");
        return true;
    }

    bool strike(Candidate& c, const TriggerInfo& t, size_t first, size_t end, bool isPassive) {
        const size_t i = c.trigger;
        auto [cargoWord, info] = cargo(i, first, end, !t.noun);
        const bool weapon = info.cls == CargoClass::Missiles || info.cls == CargoClass::Munitions;
        if (t.frame == Frame::Launch && !weapon) return false;
        if (t.strength == TriggerStrength::Weak && !weapon && !t.noun) return false;
        if (t.noun && t.strength == TriggerStrength::Weak && !weapon) return false;
        c.kind = EventKind::MissileStrike;
        int target = !t.noun && !isPassive ? object(i, end) : -1;
        if (target < 0)
            target = entityAfter(i + 1, end, std::array<std::string_view, 8>{"at", "on", "against", "into", "in", "toward", "towards", "over"});
        int origin = entityAfter1(first, end, "from");
        if (t.noun) {
            if (origin < 0) {
                const int owner = possessiveBefore(i, first);
                const bool possessive = owner >= 0 && m_w[entity(owner)->end - 1].possessive;
                if (owner >= 0 && (entity(owner)->type != EntityType::Place || possessive)) origin = owner;  // "Turkey's airstrikes"
                else if (owner >= 0 && target < 0) target = owner;  // "the Kharkiv attack"
            }
        } else if (isPassive) {
            if (origin < 0) origin = entityAfter1(i + 1, end, "by");
            if (target < 0) target = subject(i, first);
        } else if (origin < 0) {
            origin = subject(i, first);
        }
        if (target == origin) origin = -1;
        const model::Cargo cargoKind = info.cls == CargoClass::Missiles || m_w[i].lower.find("missile") != std::string::npos
                                           ? model::Cargo::Missiles
                                           : model::Cargo::Missiles;
        if (target >= 0 && origin >= 0) {
            setFlow(c, origin, target, cargoKind);
        } else if (target >= 0 && entity(target)->place != kNoPlace) {
            c.places.push_back(target);
            c.placeConfidence = 0.7f;
            c.cues.push_back("target " + entity(target)->placeName);
        } else if (origin >= 0 && entity(origin)->place != kNoPlace) {
            c.places.push_back(origin);
            c.placeConfidence = 0.4f;
            c.originOnly = true;
            c.cues.push_back("at " + entity(origin)->placeName + " (the side that fires)");
        }
        if (!c.flow && c.places.empty()) return false;
        addActor(c, origin);
        if (weapon) c.cues.push_back("weapon '" + m_w[static_cast<size_t>(cargoWord)].lower + "'");
        return true;
    }

    // Entities in the clause that can take part in a meeting (people, places, groups).
    std::vector<int> parties(size_t first, size_t end) const {
        std::vector<int> out;
        for (size_t k = first; k < end; ++k) {
            const int e = m_s.entityAt[k];
            if (e < 0 || (!out.empty() && out.back() == e)) continue;
            out.push_back(e);
        }
        return out;
    }

    bool isTitleWord(size_t k) const {
        static constexpr std::array<std::string_view, 10> kTitles = {"president", "minister", "prime", "leader", "chancellor",
                                                                     "king", "premier", "secretary", "foreign", "defense"};
        return in(kTitles, m_w[k].lower);
    }

    // "Kim and Putin discussed", "the two leaders will discuss", "both sides talked".
    bool jointSubject(size_t i, size_t first) const {
        size_t k = i;
        while (k > first && (in(kAuxiliaries, m_w[k - 1].lower) || m_w[k - 1].lower.ends_with("ly"))) --k;
        if (k == first) return false;
        const std::string& head = m_w[k - 1].lower;
        if (head == "leaders" || head == "sides" || head == "men" || head == "countries" || head == "presidents" ||
            head == "ministers" || head == "governments" || head == "delegations")
            return true;
        const int e = m_s.entityAt[k - 1];
        if (e < 0) return false;
        size_t before = m_s.entities[static_cast<size_t>(e)].first;
        while (before > 0 && isTitleWord(before - 1)) --before;  // "Sunak and President Biden"
        return before >= 2 && is(before - 1, "and") && m_s.entityAt[before - 2] >= 0;
    }

    bool meeting(Candidate& c, const TriggerInfo& t, size_t first, size_t end) {
        const size_t i = c.trigger;
        const std::string& w = m_w[i].lower;
        if (w == "call" || w == "calls") {
            bool phone = false;
            for (size_t k = i >= 3 ? i - 3 : 0; k < i; ++k)
                phone |= is(k, "phone") || is(k, "telephone") || is(k, "video") || is(k, "held") || is(k, "had");
            if (!phone) return false;
        }
        if (lemmaOf(w) == "hold") return false;  // "held talks": the noun carries it
        if (t.frame == Frame::Talk) {
            bool with = false;
            for (size_t k = i + 1; k < end && k < i + 4; ++k) with |= is(k, "with");
            if (!with && !jointSubject(i, first)) return false;
        }
        if (w == "conference" && !(is(i - 1, "press") == false)) return false;
        c.kind = EventKind::Meeting;
        int at = entityAfter(first, end, std::array<std::string_view, 2>{"in", "at"});
        if (at < 0 && is(m_clauseFirst, "where") && m_clauseFirst > 0) {
            // "…at Ramstein Air Base in Germany, where officials met": the place named before.
            for (size_t k = m_clauseFirst; k-- > clauseOf(m_clauseFirst - 1).first;)
                if (const Entity* e = m_s.entityOf(k); e && e->type == EntityType::Place) {
                    at = m_s.entityAt[k];
                    k = m_s.entities[static_cast<size_t>(at)].first;
                    if (prepositionOf(k) == "at" || prepositionOf(k) == "in") break;
                }
        }
        if (at < 0 && t.noun) {
            const int before = possessiveBefore(i, first);
            if (before >= 0 && entity(before)->type == EntityType::Place && !m_w[entity(before)->end - 1].possessive) at = before;
        }
        if (at >= 0) {
            c.places.push_back(at);
            c.placeConfidence = 0.8f;
            c.cues.push_back("meeting place " + entity(at)->placeName);
        } else {
            for (int e : parties(first, end)) {
                const Entity* ent = entity(e);
                if (ent->place == kNoPlace || ent->type == EntityType::Demonym) continue;
                if (std::any_of(c.places.begin(), c.places.end(), [&](int p) { return entity(p)->placeName == ent->placeName; })) continue;
                c.places.push_back(e);
            }
            if (c.places.size() > 2) c.places.resize(2);
            c.placeConfidence = 0.4f;
            if (!c.places.empty()) c.cues.push_back("no meeting place written: the parties' places");
        }
        for (int e : parties(first, end))
            if (entity(e)->type == EntityType::Person) addActor(c, e);
        return !c.places.empty();
    }

    bool visit(Candidate& c, const TriggerInfo& t, size_t first, size_t end) {
        const size_t i = c.trigger;
        const std::string lemma = lemmaOf(m_w[i].lower);
        int destination = -1, visitor = -1;
        if (t.noun) {
            destination = entityAfter(i + 1, end, std::array<std::string_view, 3>{"to", "in", "of"});
            const int before = possessiveBefore(i, first);
            if (before >= 0) {
                const Entity* b = entity(before);
                if (b->type == EntityType::Place && !m_w[b->end - 1].possessive && destination < 0) destination = before;
                else visitor = before;
            }
            if (visitor < 0) visitor = entityAfter1(i + 1, end, "by");
        } else {
            visitor = subject(i, first);
            if (visitor >= 0 && entity(visitor)->type == EntityType::Group) return groupMovement(c, visitor, lemma, end);
            // "A Chinese naval flotilla set off", "Russian troops entered": forces on the move.
            auto [cargoWord, moving] = cargo(i, m_clauseFirst, i, false);
            if (moving.cls == CargoClass::Troops)
                if (const int origin = cargoOrigin(cargoWord); origin >= 0) return groupMovement(c, origin, lemma, end);
            destination = t.frame == Frame::Visit ? object(i, end) : -1;
            if (destination < 0)
                destination = entityAfter(i + 1, end, std::array<std::string_view, 5>{"to", "in", "into", "for", "at"});
            if (t.frame == Frame::Travel && destination < 0) return false;
            const bool weak = lemma == "head" || lemma == "go" || lemma == "come" || lemma == "return" || lemma == "leave" ||
                              lemma == "land" || lemma == "enter" || lemma == "board" || lemma == "fly";
            if (weak && !(visitor >= 0 && entity(visitor)->type == EntityType::Person)) return false;
        }
        if (destination < 0 || entity(destination)->place == kNoPlace) return false;
        // "the tanker arrived in Astrakhan": vehicles come and go, that is no visit.
        if (!t.noun) {
            size_t k = i;
            while (k > first && in(kAuxiliaries, m_w[k - 1].lower)) --k;
            static constexpr std::array<std::string_view, 14> kVehicles = {"ship", "ships", "vessel", "vessels", "tanker",
                                                                           "freighter", "plane", "planes", "aircraft", "train",
                                                                           "convoy", "trucks", "cargo", "flight"};
            if (k > first && in(kVehicles, m_w[k - 1].lower)) return false;
        }
        // Troops or weapons that arrive are deployments and deliveries, read by their own frames.
        if (lemma == "arrive" || lemma == "enter" || lemma == "land") {
            if (visitor >= 0 && entity(visitor)->type != EntityType::Person && entity(visitor)->type != EntityType::Place) return false;
            auto [cargoWord, info] = cargo(i, first, i, false);
            if (info.cls != CargoClass::None && info.cls != CargoClass::People) return false;
        }
        c.kind = EventKind::Visit;
        const Entity* d = entity(destination);
        const Entity* v = entity(visitor);
        const int origin = entityAfter1(i + 1, end, "from");
        if (origin >= 0 && origin != destination) {
            setFlow(c, origin, destination, model::Cargo::People);
        } else if (v && v->place != kNoPlace && !v->country.empty() && v->country != d->country) {
            setFlow(c, visitor, destination, model::Cargo::People);
        } else {
            c.places.push_back(destination);
            c.placeConfidence = 0.7f;
            c.cues.push_back("visited " + d->placeName);
        }
        addActor(c, visitor);
        return true;
    }

    // "A Chinese naval flotilla … in an exercise in the Sea of Japan", "the Sea of Japan drill": forces
    // at a place together. Needs a military word or a demonym beside it, and a place.
    bool exercise(Candidate& c, size_t first, size_t end) {
        const size_t i = c.trigger;
        bool military = false;
        for (size_t k = m_clauseFirst; k < end; ++k) {
            const std::string& w = m_w[k].lower;
            military |= w == "military" || w == "naval" || w == "joint" || w == "army" || w == "navy" || w == "warships" ||
                        w == "troops" || w == "forces" || w == "air" || w == "drills" || w == "war" || w == "combat";
        }
        if (!military) return false;
        int at = entityAfter(i + 1, end, std::array<std::string_view, 5>{"in", "at", "near", "off", "over"});
        if (at < 0) {
            const int before = possessiveBefore(i, first);
            if (before >= 0 && entity(before)->type == EntityType::Place) at = before;  // "the Sea of Japan drill"
        }
        if (at < 0) at = entityAfter(m_clauseFirst, i, std::array<std::string_view, 3>{"in", "at", "off"});
        if (at < 0 || entity(at)->place == kNoPlace) return false;
        c.kind = EventKind::TroopDeployment;
        c.topic = "exercise";
        c.places.push_back(at);
        c.placeConfidence = 0.6f;
        for (int e : parties(m_clauseFirst, end))
            if (e != at && entity(e)->countryLevel) addActor(c, e);
        c.cues.push_back("exercise at " + entity(at)->placeName);
        return true;
    }

    // An armed group that arrives or leaves is a deployment or a withdrawal: "Wagner has left Mali"
    // goes from Mali home to Russia; "Houthi fighters entered Marib" goes to Marib.
    bool groupMovement(Candidate& c, int group, const std::string& lemma, size_t end) {
        const size_t i = c.trigger;
        const bool leaving = lemma == "leave" || lemma == "withdraw" || lemma == "depart" || lemma == "exit";
        int place = leaving ? object(i, end) : -1;
        if (place < 0) place = entityAfter(i + 1, end, std::array<std::string_view, 5>{"from", "to", "into", "in", "for"});
        if (place < 0 || entity(place)->place == kNoPlace) return false;
        c.kind = EventKind::TroopDeployment;
        const int onward = entityAfter(i + 1, end, std::array<std::string_view, 4>{"to", "for", "toward", "towards"});
        if (leaving && entity(place)->country == entity(group)->country) {
            // Leaving home ("left the port of Qingdao") is setting out, not coming back.
            if (onward >= 0 && onward != place) setFlow(c, place, onward, model::Cargo::Troops);
            else return false;
        } else if (leaving) {
            setFlow(c, place, group, model::Cargo::Troops);
        } else {
            setFlow(c, group, place, model::Cargo::Troops);
        }
        addActor(c, group);
        c.cues.push_back(std::string(leaving ? "withdrawal of " : "arrival of ") + entity(group)->text);
        return c.flow || !c.places.empty();
    }

    bool agreement(Candidate& c, const TriggerInfo& t, size_t first, size_t end) {
        const size_t i = c.trigger;
        if (!t.noun) {
            if (t.frame == Frame::Agree && (is(i + 1, "to") || is(i + 1, "that"))) return false;  // "agreed to send": the sending is the event
            // "approved Sweden's NATO bid", "signed off on the ratification": a verb with an agreement for object.
            bool object = false;
            for (size_t k = i + 1; k < clauseOf(i).second && k < i + 8 && !object; ++k) {
                const TriggerForms f = triggersOf(m_w[k].lower);
                object = f.noun && f.noun->frame == Frame::Sign;
                if (object) c.topic = std::string(agreementTopic(lemmaOf(m_w[k].lower)));
            }
            if (!object) return false;  // "signed a bill": a law is no agreement between parties
        } else if (t.strength == TriggerStrength::Weak) {
            bool signedNear = false;
            for (size_t k = first; k < end; ++k) {
                const TriggerForms f = triggersOf(m_w[k].lower);
                const bool announcing = f.verb && f.verb->frame == Frame::Statement && (lemmaOf(m_w[k].lower) == "declare" || lemmaOf(m_w[k].lower) == "announce");
                signedNear |= k != i && ((f.verb && (f.verb->frame == Frame::Sign || f.verb->frame == Frame::Agree)) || announcing ||
                                         (f.noun && f.noun->frame == Frame::Sign && f.noun->strength != TriggerStrength::Weak));
            }
            if (!signedNear) return false;
        } else {
            // A strong noun that is the object of an agreeing verb is read with that verb.
            for (size_t k = first; k < i; ++k) {
                const TriggerForms f = triggersOf(m_w[k].lower);
                if (f.verb && (f.verb->frame == Frame::Sign || f.verb->frame == Frame::Agree) && verbal(k)) return false;
            }
        }
        c.kind = EventKind::Agreement;
        if (t.noun) c.topic = std::string(agreementTopic(lemmaOf(m_w[i].lower)));
        int at = entityAfter(first, end, std::array<std::string_view, 2>{"in", "at"});
        const std::string verb = t.noun ? "" : lemmaOf(m_w[i].lower);
        if (at < 0 && (verb == "approve" || verb == "ratify")) {
            // "The Turkish parliament approved Sweden's bid": one side acts, where it sits.
            const int approver = subject(i, m_clauseFirst);
            if (approver >= 0 && entity(approver)->place != kNoPlace) at = approver;
        }
        if (at >= 0) {
            c.places.push_back(at);
            c.placeConfidence = 0.7f;
        } else {
            // The parties' countries: "a deal … between Iranian and Russian officials".
            for (int e : parties(first, std::max(end, clauseOf(i).second))) {
                const Entity* ent = entity(e);
                if (ent->place == kNoPlace || (ent->type == EntityType::Person && !ent->countryLevel)) continue;
                if (std::any_of(c.places.begin(), c.places.end(), [&](int p) { return entity(p)->placeName == ent->placeName; })) continue;
                c.places.push_back(e);
                if (c.places.size() == 2) break;
            }
            c.placeConfidence = 0.4f;
        }
        for (int e : parties(first, end))
            if (entity(e)->type == EntityType::Person) addActor(c, e);
        return !c.places.empty();
    }

    bool sanction(Candidate& c, const TriggerInfo& t, size_t first, size_t end) {
        const size_t i = c.trigger;
        const std::string& w = m_w[i].lower;
        if (t.strength == TriggerStrength::Weak) {
            bool context = false;
            for (size_t k = first; k < end; ++k)
                context |= is(k, "sanctions") || is(k, "embargo") || is(k, "security") || is(k, "u.n.") || is(k, "un") ||
                           is(k, "tariffs") || (is(k, "controls") && is(k - 1, "export")) || is(k, "restrictions") || is(k, "vetoed") || is(k, "adopted") ||
                           // diplomatic retaliation: "expelled the ambassador", "revoked the envoy's accreditation"
                           is(k, "ambassador") || is(k, "diplomats") || is(k, "accreditation") || is(k, "envoy") ||
                           is(k, "relations") || is(k, "ties") || is(k, "embassy");
            if (!context) return false;
        }
        if (t.noun && w != "veto") {
            // A sanctions regime named in passing ("violated the arms embargo") is no new event.
            bool action = false;
            for (size_t k = first; k < end; ++k) {
                const std::string lemma = lemmaOf(m_w[k].lower);
                action |= lemma == "impose" || lemma == "adopt" || lemma == "announce" || lemma == "extend" ||
                          lemma == "tighten" || lemma == "introduce" || lemma == "slap" || lemma == "expand" ||
                          lemma == "levy" || lemma == "unveil" || lemma == "approve" || lemma == "pass" || lemma == "lift" ||
                          lemma == "new" || lemma == "fresh" || lemma == "additional" || lemma == "threaten" || lemma == "warn";
            }
            if (!action) return false;
        }
        c.kind = EventKind::Sanction;
        int actor = t.noun ? possessiveBefore(i, first) : passive(i) ? entityAfter1(i + 1, end, "by") : subject(i, first);
        if (actor < 0) actor = subject(i, first);
        const int at = entityAfter(first, end, std::array<std::string_view, 2>{"at", "in"});
        const int place = actor >= 0 && entity(actor)->place != kNoPlace ? actor : at;
        if (place < 0) return false;
        c.places.push_back(place);
        c.placeConfidence = 0.5f;
        addActor(c, actor);
        c.cues.push_back("sanction by " + entity(place)->placeName);
        return true;
    }

    bool trade(Candidate& c, size_t first, size_t end) {
        c.kind = EventKind::AidTrade;
        for (int e : parties(first, end)) {
            const Entity* ent = entity(e);
            if (ent->place == kNoPlace) continue;
            if (std::any_of(c.places.begin(), c.places.end(), [&](int p) { return entity(p)->placeName == ent->placeName; })) continue;
            c.places.push_back(e);
            if (c.places.size() == 2) break;
        }
        c.placeConfidence = 0.5f;
        return !c.places.empty();
    }

    bool help(Candidate& c, size_t first, size_t end, bool isPassive) {
        const size_t i = c.trigger;
        bool technical = false;
        for (size_t k = first; k < end; ++k)
            technical |= (cargoOf(m_w[k].lower, false).cls == CargoClass::Technology && cargoOf(m_w[k].lower, false).strong) ||
                         in(kTechAdjectives, m_w[k].lower) ||
                         is(k, "production") || is(k, "factory") || is(k, "plant");
        if (!technical) return false;
        c.kind = EventKind::TechnologyTransfer;
        int from = entityAfter(i + 1, end, std::array<std::string_view, 2>{"from", "by"});
        int to = -1;
        if (isPassive) {
            to = subject(i, first);
        } else {
            if (from < 0) from = subject(i, first);
            to = object(i, end);
            if (to < 0) to = entityAfter(i + 1, end, std::array<std::string_view, 3>{"to", "in", "for"});
        }
        setFlow(c, from, to, model::Cargo::Technology);
        addActor(c, from);
        return c.flow || !c.places.empty();
    }

    bool statement(Candidate& c, const TriggerInfo& t, size_t first, size_t end) {
        const size_t i = c.trigger;
        const std::string lemma = lemmaOf(m_w[i].lower);
        if (t.strength == TriggerStrength::Weak) {
            // "expressed concern", "called for", "published an article", "closed its borders"
            const bool ok = (lemma == "express" && (is(i + 1, "concern") || is(i + 2, "concern") || is(i + 1, "support"))) ||
                            (lemma == "call" && is(i + 1, "for")) || (lemma == "publish" && (is(i + 2, "article") || is(i + 2, "statement"))) ||
                            (lemma == "close" && (is(i + 2, "borders") || is(i + 2, "border"))) ||
                            (lemma == "announce" || lemma == "declare" || lemma == "reject" || lemma == "dismiss" ||
                             lemma == "remind" || lemma == "insist" || lemma == "welcome");
            if (!ok) return false;
        }
        if (t.noun) {
            const int owner = possessiveBefore(i, first);
            if (owner < 0) return false;
            return statementAt(c, owner);
        }
        // "declared a 'no limits' partnership": an agreement, read from its noun.
        for (size_t k = i + 1; k < end && k < i + 6; ++k) {
            const TriggerForms f = triggersOf(m_w[k].lower);
            if (f.noun && f.noun->frame == Frame::Sign) return false;
        }
        const int speaker = subject(i, first);
        if (speaker < 0) return false;
        if (i > 0 && (is(i - 1, "to") || is(i - 1, "of"))) return false;
        (void)end;
        return statementAt(c, speaker);
    }

    bool statementAt(Candidate& c, int speaker) {
        const Entity* s = entity(speaker);
        if (s->place == kNoPlace) return false;
        c.kind = EventKind::Statement;
        c.places.push_back(speaker);
        c.placeConfidence = s->type == EntityType::Place ? 0.7f : 0.5f;
        addActor(c, speaker);
        c.cues.push_back("speaker " + s->text + " (" + s->placeName + ")");
        return true;
    }

    void pickQuantity(Candidate& c, size_t first, size_t end) const {
        int best = -1;
        size_t bestDistance = SIZE_MAX;
        for (size_t q = 0; q < m_s.quantities.size(); ++q) {
            const QuantityPhrase& p = m_s.quantities[q];
            const auto [clauseFirst, clauseEnd] = clauseOf(c.trigger);
            const bool inWindow = p.numberWord >= first && p.numberWord < end;
            // A sum ends the sentence often: "took the total US military aid … to $16.2 billion".
            if (!inWindow && !(p.money && p.numberWord >= clauseFirst && p.numberWord < clauseEnd)) continue;
            const CargoClass unit = cargoOf(p.unitHead, false).cls;
            bool fits = false;
            switch (c.kind) {
                case EventKind::TroopDeployment: fits = unit == CargoClass::Troops; break;
                case EventKind::MunitionsTransfer:
                case EventKind::MissileStrike:
                    fits = unit == CargoClass::Munitions || unit == CargoClass::Missiles || p.unitHead == "containers" ||
                           p.unitHead == "rounds" || (p.money && c.kind == EventKind::MunitionsTransfer) ||
                           (c.kind == EventKind::MissileStrike && (p.unitHead == "targets" || p.unitHead == "locations" ||
                                                                  p.unitHead == "sites" || p.unitHead == "strikes" || p.unitHead == "attacks"));
                    break;
                case EventKind::AidTrade: fits = p.money || unit == CargoClass::AidEnergy || unit == CargoClass::Money; break;
                case EventKind::TechnologyTransfer: fits = unit == CargoClass::Technology || p.money; break;
                case EventKind::Agreement: fits = p.money; break;
                default: fits = false;
            }
            if (!fits) continue;
            const size_t d = p.numberWord > c.trigger ? p.numberWord - c.trigger : c.trigger - p.numberWord;
            if (d < bestDistance) bestDistance = d, best = static_cast<int>(q);
        }
        c.quantity = best;
    }

    // Each time phrase dates the candidate it stands nearest to ("systems ordered in October 2018
    // from Russia" dates the ordering, not the receiving); a trigger inside a phrase ("since Russia's
    // invasion") is dated by it. Time adjuncts follow their verb: a trigger after the phrase, or a
    // noun, counts as farther.
    void assignTimes(std::vector<Candidate>& out) const {
        std::vector<bool> anchor(m_s.times.size(), false);
        for (Candidate& c : out)
            for (size_t t = 0; t < m_s.times.size(); ++t)
                if (c.trigger >= m_s.times[t].firstWord && c.trigger < m_s.times[t].endWord) {
                    c.time = static_cast<int>(t);
                    c.timeIsAnchor = true;
                    anchor[t] = true;
                }
        for (size_t t = 0; t < m_s.times.size(); ++t) {
            if (anchor[t]) continue;
            const TimePhrase& p = m_s.times[t];
            size_t best = SIZE_MAX, bestDistance = SIZE_MAX;
            for (const Candidate& c : out) {
                if (c.timeIsAnchor) continue;
                const size_t k = c.trigger;
                const size_t d = (k < p.firstWord ? p.firstWord - k : k - p.endWord + 1 + 3) + (c.noun ? 3 : 0) +
                                 (m_s.clause[k] == m_s.clause[p.firstWord] ? 0 : 10);
                if (d < bestDistance) bestDistance = d, best = k;
            }
            for (Candidate& c : out)
                if (c.trigger == best && !c.timeIsAnchor && c.time < 0) c.time = static_cast<int>(t);
        }
        for (Candidate& c : out)
            if (c.sameTimeAs >= 0 && c.time < 0) c.time = out[static_cast<size_t>(c.sameTimeAs)].time;
        // "a deal in meetings held late last year": what the clause's one time phrase dates, its
        // other events share.
        for (Candidate& c : out) {
            if (c.time >= 0) continue;
            int only = -1;
            for (size_t t = 0; t < m_s.times.size(); ++t)
                if (m_s.clause[m_s.times[t].firstWord] == m_s.clause[c.trigger]) only = only < 0 ? static_cast<int>(t) : -2;
            if (only >= 0 && !anchor[static_cast<size_t>(only)]) c.time = only;
        }
    }

    // A statement whose reported content holds an event of another kind is that event's source,
    // not an event of its own ("accused North Korea of providing arms").
    void dropCoveredStatements(std::vector<Candidate>& out) const {
        std::vector<Candidate> kept;
        for (const Candidate& c : out) {
            if (c.kind == EventKind::Statement) {
                const bool covers = std::any_of(out.begin(), out.end(), [&](const Candidate& o) {
                    return o.kind != EventKind::Statement && o.trigger > c.trigger;
                });
                if (covers) continue;
            }
            kept.push_back(c);
        }
        out = std::move(kept);
    }

    std::string_view m_text;
    const SentenceAnalysis& m_s;
    const std::vector<Word>& m_w;
    size_t m_clauseFirst = 0;  // of the trigger being read (a noun's own phrase may start later)
};

}  // namespace

std::vector<Candidate> findCandidates(std::string_view text, const SentenceAnalysis& sentence) {
    return Rules(text, sentence).run();
}

}  // namespace briefmap::draft
