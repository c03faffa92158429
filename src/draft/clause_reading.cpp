// Reading a clause around a trigger: verb or noun, voice, prepositions, subject, object, cargo, mood.
#include "draft/sentence_rules.hpp"

namespace briefmap::draft::rules {

std::pair<size_t, size_t> SentenceRules::clauseOf(size_t i) const {
    size_t first = i, end = i + 1;
    while (first > 0 && m_s.clause[first - 1] == m_s.clause[i]) --first;
    while (end < m_w.size() && m_s.clause[end] == m_s.clause[i]) ++end;
    return {first, end};
}

// Verb or noun, from the words around it.
std::optional<TriggerInfo> SentenceRules::choose(size_t i, const TriggerForms& f) const {
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
bool SentenceRules::nounUsage(size_t i) const {
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

bool SentenceRules::passive(size_t i) const {
    size_t k = i;
    while (k > 0 && m_w[k - 1].lower.ends_with("ly")) --k;
    return k > 0 && in(kPassiveAux, m_w[k - 1].lower);
}

// The preposition a phrase hangs on: "to the Kursk region", "on the Ukrainian city of Kharkiv".
std::string_view SentenceRules::prepositionOf(size_t first) const {
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
bool SentenceRules::demonymPlace(const Entity& e) const {
    if (e.type != EntityType::Demonym || e.end >= m_w.size()) return false;
    const std::string& next = m_w[e.end].lower;
    return next == "cities" || next == "towns" || next == "villages" || next == "territory" || next == "soil" ||
           next == "ports" || next == "regions" || next == "airspace" || next == "waters";
}

int SentenceRules::entityAfter1(size_t from, size_t end, std::string_view prep) const {
    return entityAfter(from, end, std::array<std::string_view, 1>{prep});
}

// Who does it: the nearest entity before the trigger in its clause that no preposition governs,
// else the subject of the clause before ("…, which sent", "Kim arrived and met").
int SentenceRules::subject(size_t i, size_t clauseFirst) const {
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

bool SentenceRules::isSpeakerishNoun(size_t k) const {
    return k < m_w.size() && (isSpeakerNoun(m_w[k].lower) || cargoOf(m_w[k].lower, false).cls == CargoClass::Troops);
}

// The entity right after a verb (its object), over determiners: "visited Pyongyang", "supplied Russia with".
int SentenceRules::object(size_t i, size_t end) const {
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
std::pair<int, CargoInfo> SentenceRules::cargo(size_t i, size_t first, size_t end, bool after) const {
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
bool SentenceRules::supported(size_t k) const {
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
int SentenceRules::cargoOrigin(int cargoWord) const {
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

Modality SentenceRules::modality(size_t i, size_t clauseFirst, std::vector<std::string>& cues) const {
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

bool SentenceRules::isPurpose(size_t i) const {
    if (!is(i - 1, "to") || i < 2) return false;
    const std::string& governor = m_w[i - 2].lower;
    if (in(kGoverning, governor) || modalityOf(governor)) return false;
    // "ordered U.S. troops to leave", "urged Iran to stop": what someone was told to do.
    for (size_t k = i - 1; k > 0 && i - 1 - k < 5; --k) {
        const std::string lemma = lemmaOf(m_w[k - 1].lower);
        if (lemma == "order" || lemma == "ordered" || lemma == "tell" || lemma == "told" || lemma == "ask" || lemma == "urge" ||
            lemma == "force" || lemma == "allow" || lemma == "instruct" || lemma == "direct" || lemma == "invite")
            return false;
    }
    return true;
}

// Whether a word reads as a verb here: a verb form, or after an auxiliary, "to" or a pronoun.
bool SentenceRules::verbal(size_t i) const {
    const std::string& w = m_w[i].lower;
    if (w.ends_with("ed") || w.ends_with("ing")) return true;
    if (i == 0) return false;
    const std::string& p = m_w[i - 1].lower;
    return in(kAuxiliaries, p) || p == "he" || p == "she" || p == "they" || p == "it" || p == "we" || p == "who" ||
           p == "which" || p == "that";
}

// Where this trigger's arguments end: at the next word that opens a frame of its own ("sent
// drones for attacks on Kyiv": Kyiv belongs to the attacks).
size_t SentenceRules::argumentEnd(size_t i, size_t end) const {
    for (size_t k = i + 2; k < end; ++k) {
        // Adjuncts that open a new scene: "shipped missiles to Ukraine, …, after opposition from the Pentagon".
        if (in(kSubordinators, m_w[k].lower)) return k;
        if (m_w[k].isPunct() || m_s.entityAt[k] >= 0) continue;
        const TriggerForms f = triggersOf(m_w[k].lower);
        if ((f.verb && verbal(k)) || (f.noun && f.noun->strength != TriggerStrength::Weak && f.noun->kind)) return k;
    }
    return end;
}

int SentenceRules::possessiveBefore(size_t i, size_t first) const {
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

void SentenceRules::addActor(Candidate& c, int e) {
    if (e >= 0 && std::find(c.actors.begin(), c.actors.end(), e) == c.actors.end()) c.actors.push_back(e);
}

}  // namespace briefmap::draft::rules
