// Triggers to candidates: which word opens which frame, in what mood, with what quantity.
#include "draft/sentence_rules.hpp"

namespace briefmap::draft::rules {

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

std::vector<Candidate> SentenceRules::run() {
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

std::optional<Candidate> SentenceRules::candidate(size_t i, const TriggerInfo& t) {
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
bool SentenceRules::anaphor(Candidate& c, const TriggerInfo& t, size_t first) {
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
std::string_view SentenceRules::nounTopic(const std::string& lemma) {
    if (lemma == "drill" || lemma == "exercise" || lemma == "maneuvers" || lemma == "manoeuvres" || lemma == "wargame" ||
        lemma == "patrol")
        return "exercise";
    return agreementTopic(lemma);
}

// A noun used as a modifier of the next noun ("arms exhibition", "sanctions violations").
bool SentenceRules::modifierNoun(size_t i) const {
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

void SentenceRules::pickQuantity(Candidate& c, size_t first, size_t end) const {
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

}  // namespace briefmap::draft::rules

namespace briefmap::draft {

std::vector<Candidate> findCandidates(std::string_view text, const SentenceAnalysis& sentence) {
    return rules::SentenceRules(text, sentence).run();
}

}  // namespace briefmap::draft
