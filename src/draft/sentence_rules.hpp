// The reading of one sentence into candidate events, shared by event_rules.cpp (triggers and
// candidates), clause_reading.cpp (words, phrases and arguments), event_frames.cpp (one reader per
// frame: transfers, troops, strikes, meetings, visits, agreements…) and sentence_links.cpp (what
// ties a sentence's candidates together: lists, shared destinations and dates). Internal to draft/.
#pragma once
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "draft/event_rules.hpp"

namespace briefmap::draft::rules {

using model::EventKind;

template <size_t N>
inline bool in(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

inline constexpr std::array<std::string_view, 28> kDeterminers = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "any",
    "each", "every", "another", "such", "first", "latest", "new", "recent", "further", "additional", "last",
    "second", "next"};
inline constexpr std::array<std::string_view, 30> kAuxiliaries = {
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could", "can",
    "may", "might", "must", "shall", "should", "did", "does", "do", "to", "not", "also", "already", "still",
    "then", "just", "never"};
inline constexpr std::array<std::string_view, 12> kPassiveAux = {"is", "are", "was", "were", "be", "been", "being", "get",
                                                          "got", "gets", "getting", "become"};
inline constexpr std::array<std::string_view, 14> kToPreps = {"to", "into", "for", "toward", "towards", "onto", "inside", "in",
                                                       "at", "on", "against", "reach", "reached", "over"};
inline constexpr std::array<std::string_view, 24> kFunctionWords = {
    "of", "in", "on", "at", "to", "from", "for", "with", "by", "and", "or", "but", "that", "which", "who", "as",
    "than", "last", "this", "next", "ago", "since", "between", "against"};
inline constexpr std::array<std::string_view, 30> kPrepositions = {
    "in", "at", "to", "from", "into", "on", "of", "for", "with", "by", "toward", "towards", "against", "via",
    "through", "near", "across", "over", "onto", "inside", "within", "between", "among", "outside", "around",
    "off", "along", "beyond", "and", "under"};
// Words that open an adjunct of their own: a trigger's arguments stop there.
inline constexpr std::array<std::string_view, 11> kSubordinators = {"after", "before", "while", "although", "though", "because",
                                                            "despite", "amid", "following", "whereas", "unless"};
// Words that end a noun phrase read backwards from its head.
inline constexpr std::array<std::string_view, 14> kPhraseVerbs = {"is", "are", "was", "were", "has", "have", "had", "that",
                                                           "which", "who", "after", "before", "since", "while"};
// Words before a noun trigger that forbid rather than report it: "resolutions against arms transfers".
inline constexpr std::array<std::string_view, 10> kProhibitions = {"against", "prohibit", "prohibits", "prohibiting", "ban",
                                                            "banning", "bans", "forbid", "forbids", "outlaw"};
inline constexpr std::array<std::string_view, 16> kPlaceNouns = {
    "city", "town", "village", "port", "region", "province", "capital", "area", "territory", "island", "coast",
    "southern", "northern", "eastern", "western", "central"};
// Verbs that may govern an infinitive trigger without making it a mere purpose: "agreed to send".
inline constexpr std::array<std::string_view, 49> kGoverning = {
    "invitation", "plan", "decision", "offer", "proposal", "intention", "readiness", "request", "deal",
    "plans", "plan", "planned", "planning", "agreed", "agree", "agrees", "expected", "set", "decided", "intends",
    "intend", "aims", "aim", "wants", "want", "seeks", "seek", "sought", "is", "are", "was", "were", "going",
    "offered", "promised", "pledged", "vowed", "threatened", "began", "started", "continues", "continued", "prepared",
    "preparing", "ready", "likely", "scheduled", "due", "able"};
inline constexpr std::array<std::string_view, 8> kMilitaryAdjectives = {"military", "defense", "defence", "security", "lethal",
                                                                 "weapons", "combat", "armed"};
inline constexpr std::array<std::string_view, 8> kCivilAdjectives = {"humanitarian", "economic", "financial", "food",
                                                              "energy", "development", "budget", "trade"};
inline constexpr std::array<std::string_view, 4> kTechAdjectives = {"technological", "technical", "scientific", "nuclear"};

EventKind kindOfCargo(CargoClass c);

class SentenceRules {
public:
    SentenceRules(std::string_view text, const SentenceAnalysis& s) : m_text(text), m_s(s), m_w(s.words) {}
    std::vector<Candidate> run();
    // "Li met the head of the Russian navy in Beijing": a meeting abroad means the foreign side came.
    void visitsForMeetings(std::vector<Candidate>& out) const;
    // "airstrikes in Iraq and Syria", "missiles at Kharkiv and Odesa": one event per destination.
    void splitCoordinated(std::vector<Candidate>& out) const;
    // The entities of the same type listed after `head`: "in Sudan, Libya, Mali and Syria". A list
    // ends with "and" (or "or"): "to Russia, U.S. officials said" is none.
    std::vector<int> listedAfter(int head) const;
    // "Putin's visit to India for a meet with Modi": a meeting with no place of its own is held where
    // the visit in the same sentence goes.
    void meetAtVisits(std::vector<Candidate>& out) const;
    // "Germany will send 14 tanks to Ukraine, while Poland pledged another 60": the second
    // transfer goes where the first one did.
    void shareDestinations(std::vector<Candidate>& out) const;
    std::pair<size_t, size_t> clauseOf(size_t i) const;
    // Verb or noun, from the words around it.
    std::optional<TriggerInfo> choose(size_t i, const TriggerForms& f) const;
    // A verb-only trigger word used as a noun: after a determiner or preposition, or a plural after
    // a name and before a preposition ("strikes on Houthi targets in Yemen").
    bool nounUsage(size_t i) const;
    bool passive(size_t i) const;
    // The preposition a phrase hangs on: "to the Kursk region", "on the Ukrainian city of Kharkiv".
    std::string_view prepositionOf(size_t first) const;
    // A demonym standing for its country's land: "Ukrainian cities", "Indian soil", "Russian
    // territory" (a plural place noun after it, or territory/soil), not "the Ukrainian city of Kharkiv".
    bool demonymPlace(const Entity& e) const;
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
    int entityAfter1(size_t from, size_t end, std::string_view prep) const;
    // Who does it: the nearest entity before the trigger in its clause that no preposition governs,
    // else the subject of the clause before ("…, which sent", "Kim arrived and met").
    int subject(size_t i, size_t clauseFirst) const;
    bool isSpeakerishNoun(size_t k) const;
    // The entity right after a verb (its object), over determiners: "visited Pyongyang", "supplied Russia with".
    int object(size_t i, size_t end) const;
    // The nearest cargo word in the clause: after a verb first, before a noun ("arms deliveries").
    std::pair<int, CargoInfo> cargo(size_t i, size_t first, size_t end, bool after) const;
    // A weak cargo word counts with a military word or a demonym next to it ("Russian forces",
    // "military equipment", "air defence systems").
    bool supported(size_t k) const;
    // The demonym or possessive country just before a cargo word: "North Korean ballistic missiles".
    int cargoOrigin(int cargoWord) const;
    Modality modality(size_t i, size_t clauseFirst, std::vector<std::string>& cues) const;
    bool isPurpose(size_t i) const;
    // Whether a word reads as a verb here: a verb form, or after an auxiliary, "to" or a pronoun.
    bool verbal(size_t i) const;
    // Where this trigger's arguments end: at the next word that opens a frame of its own ("sent
    // drones for attacks on Kyiv": Kyiv belongs to the attacks).
    size_t argumentEnd(size_t i, size_t end) const;
    std::optional<Candidate> candidate(size_t i, const TriggerInfo& t);
    // "the transfer includes around 400 missiles", "the talks", "there have been four shipments":
    // a definite or counted noun with no places of its own refers to an event told before.
    bool anaphor(Candidate& c, const TriggerInfo& t, size_t first);
    // What a definite noun refers back to: "the drill" to an exercise, "the deal" to an agreement;
    // empty where any event of the kind will do ("the transfer", "the strikes").
    static std::string_view nounTopic(const std::string& lemma);
    // A noun used as a modifier of the next noun ("arms exhibition", "sanctions violations").
    bool modifierNoun(size_t i) const;
    void setFlow(Candidate& c, int from, int to, model::Cargo cargo);
    bool transfer(Candidate& c, const TriggerInfo& t, size_t first, size_t end, bool isPassive);
    int possessiveBefore(size_t i, size_t first) const;
    void addActor(Candidate& c, int e);
    bool troops(Candidate& c, const TriggerInfo& t, size_t first, size_t end, bool isPassive);
    bool strike(Candidate& c, const TriggerInfo& t, size_t first, size_t end, bool isPassive);
    // Entities in the clause that can take part in a meeting (people, places, groups).
    std::vector<int> parties(size_t first, size_t end) const;
    bool isTitleWord(size_t k) const;
    // "Kim and Putin discussed", "the two leaders will discuss", "both sides talked".
    bool jointSubject(size_t i, size_t first) const;
    bool meeting(Candidate& c, const TriggerInfo& t, size_t first, size_t end);
    bool visit(Candidate& c, const TriggerInfo& t, size_t first, size_t end);
    // "A Chinese naval flotilla … in an exercise in the Sea of Japan", "the Sea of Japan drill": forces
    // at a place together. Needs a military word or a demonym beside it, and a place.
    bool exercise(Candidate& c, size_t first, size_t end);
    // An armed group that arrives or leaves is a deployment or a withdrawal: "Wagner has left Mali"
    // goes from Mali home to Russia; "Houthi fighters entered Marib" goes to Marib.
    bool groupMovement(Candidate& c, int group, const std::string& lemma, size_t end);
    bool agreement(Candidate& c, const TriggerInfo& t, size_t first, size_t end);
    bool sanction(Candidate& c, const TriggerInfo& t, size_t first, size_t end);
    bool trade(Candidate& c, size_t first, size_t end);
    bool help(Candidate& c, size_t first, size_t end, bool isPassive);
    bool statement(Candidate& c, const TriggerInfo& t, size_t first, size_t end);
    bool statementAt(Candidate& c, int speaker);
    void pickQuantity(Candidate& c, size_t first, size_t end) const;
    // Each time phrase dates the candidate it stands nearest to ("systems ordered in October 2018
    // from Russia" dates the ordering, not the receiving); a trigger inside a phrase ("since Russia's
    // invasion") is dated by it. Time adjuncts follow their verb: a trigger after the phrase, or a
    // noun, counts as farther.
    void assignTimes(std::vector<Candidate>& out) const;
    // A statement whose reported content holds an event of another kind is that event's source,
    // not an event of its own ("accused North Korea of providing arms").
    void dropCoveredStatements(std::vector<Candidate>& out) const;

private:
    bool is(size_t i, std::string_view w) const { return i < m_w.size() && m_w[i].lower == w; }
    const Entity* entity(int e) const { return e >= 0 ? &m_s.entities[static_cast<size_t>(e)] : nullptr; }
    std::string_view m_text;
    const SentenceAnalysis& m_s;
    const std::vector<Word>& m_w;
    size_t m_clauseFirst = 0;  // of the trigger being read (a noun's own phrase may start later)
};

}  // namespace briefmap::draft::rules
