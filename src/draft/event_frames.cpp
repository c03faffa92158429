// One reader per frame: what makes a transfer, a deployment, a strike, a meeting, a visit, an
// agreement, a sanction, trade, technical help, a statement or an exercise, and where it happens.
#include "draft/sentence_rules.hpp"

namespace briefmap::draft::rules {

void SentenceRules::setFlow(Candidate& c, int from, int to, model::Cargo cargo) {
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

bool SentenceRules::transfer(Candidate& c, const TriggerInfo& t, size_t first, size_t end, bool isPassive) {
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
    // A weak verb ("sought", "got", "offered") carries only its direct object: "sought the Kremlin's
    // help" is no weapons deal because weapons are named earlier in the clause.
    if (!t.noun && t.strength == TriggerStrength::Weak && (cargoWord < static_cast<int>(i) || cargoWord > static_cast<int>(i) + 5))
        return false;
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

bool SentenceRules::troops(Candidate& c, const TriggerInfo& t, size_t first, size_t end, bool isPassive) {
    const size_t i = c.trigger;
    auto [cargoWord, info] = cargo(i, first, end, !t.noun);
    const bool troopCargo = info.cls == CargoClass::Troops;
    if (!troopCargo && t.frame != Frame::Invade) {
        const int s = t.noun ? possessiveBefore(i, first) : subject(i, first);  // "Wagner's presence"
        // "Russia's military presence in Niger": a country's forces, said with "military".
        const bool military = t.noun && s >= 0 && entity(s)->countryLevel && i > 0 &&
                              (is(i - 1, "military") || is(i - 1, "troop") || is(i - 1, "naval"));
        if (!(s >= 0 && (entity(s)->type == EntityType::Group || military))) return false;
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

bool SentenceRules::strike(Candidate& c, const TriggerInfo& t, size_t first, size_t end, bool isPassive) {
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
std::vector<int> SentenceRules::parties(size_t first, size_t end) const {
    std::vector<int> out;
    for (size_t k = first; k < end; ++k) {
        const int e = m_s.entityAt[k];
        if (e < 0 || (!out.empty() && out.back() == e)) continue;
        out.push_back(e);
    }
    return out;
}

bool SentenceRules::isTitleWord(size_t k) const {
    static constexpr std::array<std::string_view, 10> kTitles = {"president", "minister", "prime", "leader", "chancellor",
                                                                 "king", "premier", "secretary", "foreign", "defense"};
    return in(kTitles, m_w[k].lower);
}

// "Kim and Putin discussed", "the two leaders will discuss", "both sides talked".
bool SentenceRules::jointSubject(size_t i, size_t first) const {
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

bool SentenceRules::meeting(Candidate& c, const TriggerInfo& t, size_t first, size_t end) {
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
    // "arrived in Moscow and held talks … in the Kremlin": the place after the talks first.
    int at = entityAfter(i + 1, end, std::array<std::string_view, 2>{"in", "at"});
    if (at < 0) at = entityAfter(first, i, std::array<std::string_view, 2>{"in", "at"});
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

bool SentenceRules::visit(Candidate& c, const TriggerInfo& t, size_t first, size_t end) {
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
bool SentenceRules::exercise(Candidate& c, size_t first, size_t end) {
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
bool SentenceRules::groupMovement(Candidate& c, int group, const std::string& lemma, size_t end) {
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

bool SentenceRules::agreement(Candidate& c, const TriggerInfo& t, size_t first, size_t end) {
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

bool SentenceRules::sanction(Candidate& c, const TriggerInfo& t, size_t first, size_t end) {
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

bool SentenceRules::trade(Candidate& c, size_t first, size_t end) {
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

bool SentenceRules::help(Candidate& c, size_t first, size_t end, bool isPassive) {
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

bool SentenceRules::statement(Candidate& c, const TriggerInfo& t, size_t first, size_t end) {
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
    // "declared a 'no limits' partnership": an agreement, read from its noun ("expressed concern
    // about the arms deal" is still a statement).
    for (size_t k = i + 1; (lemma == "declare" || lemma == "announce") && k < end && k < i + 6; ++k) {
        const TriggerForms f = triggersOf(m_w[k].lower);
        if (f.noun && f.noun->frame == Frame::Sign) return false;
    }
    int speaker = subject(i, first);
    if (speaker < 0) return false;
    // "Japan's Chief Cabinet Secretary expressed": an untitled office speaks for its country.
    if (entity(speaker)->place == kNoPlace)
        if (const int owner = possessiveBefore(entity(speaker)->first, first); owner >= 0) speaker = owner;
    if (i > 0 && (is(i - 1, "to") || is(i - 1, "of"))) return false;
    (void)end;
    return statementAt(c, speaker);
}

bool SentenceRules::statementAt(Candidate& c, int speaker) {
    const Entity* s = entity(speaker);
    if (s->place == kNoPlace) return false;
    c.kind = EventKind::Statement;
    c.places.push_back(speaker);
    c.placeConfidence = s->type == EntityType::Place ? 0.7f : 0.5f;
    addActor(c, speaker);
    c.cues.push_back("speaker " + s->text + " (" + s->placeName + ")");
    return true;
}

}  // namespace briefmap::draft::rules
