// What ties a sentence's candidates together: lists split into events, destinations and dates
// shared, visits implied by meetings abroad, statements that only report another event dropped.
#include "draft/sentence_rules.hpp"

namespace briefmap::draft::rules {

// "Li met the head of the Russian navy in Beijing": a meeting abroad means the foreign side came.
void SentenceRules::visitsForMeetings(std::vector<Candidate>& out) const {
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
void SentenceRules::splitCoordinated(std::vector<Candidate>& out) const {
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
std::vector<int> SentenceRules::listedAfter(int head) const {
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
void SentenceRules::meetAtVisits(std::vector<Candidate>& out) const {
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
void SentenceRules::shareDestinations(std::vector<Candidate>& out) const {
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

// Each time phrase dates the candidate it stands nearest to ("systems ordered in October 2018
// from Russia" dates the ordering, not the receiving); a trigger inside a phrase ("since Russia's
// invasion") is dated by it. Time adjuncts follow their verb: a trigger after the phrase, or a
// noun, counts as farther.
void SentenceRules::assignTimes(std::vector<Candidate>& out) const {
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
void SentenceRules::dropCoveredStatements(std::vector<Candidate>& out) const {
    std::vector<Candidate> kept;
    for (const Candidate& c : out) {
        if (c.kind == EventKind::Statement) {
            // "expressed concern about the arms deal": a judgement on an event told elsewhere (an
            // anaphor) is a statement of its own; what was announced or warned of is not.
            const std::string lemma = lemmaOf(m_w[c.trigger].lower);
            const bool judgement = lemma == "express" || lemma == "condemn" || lemma == "denounce" || lemma == "welcome" ||
                                   lemma == "praise" || lemma == "criticize" || lemma == "criticise" || lemma == "slam" ||
                                   lemma == "protest";
            const bool covers = std::any_of(out.begin(), out.end(), [&](const Candidate& o) {
                return o.kind != EventKind::Statement && o.trigger > c.trigger && !(judgement && o.anaphoric);
            });
            if (covers) continue;
        }
        kept.push_back(c);
    }
    out = std::move(kept);
}

}  // namespace briefmap::draft::rules
