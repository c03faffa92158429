#include "draft/drafter.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/geo_types.hpp"
#include "draft/event_rules.hpp"
#include "draft/occurrence.hpp"

namespace briefmap::draft {

using model::ClaimStatus;
using model::DatePrecision;
using model::EventKind;

namespace {

DraftPlace placeOf(const Entity& e) { return {e.placeName, e.place, e.country, e.countryLevel, e.confidence}; }

std::string phraseText(std::string_view text, TextSpan span) { return std::string(text.substr(span.start, span.size())); }

float clamp01(float v) { return std::clamp(v, 0.0f, 1.0f); }

// Whether an attribution's speaker is a commentator rather than a source ("analysts say").
bool commentatorSpeaker(const SentenceAnalysis& s, const Attribution& a) {
    for (size_t k = a.speakerFirst; k < a.speakerEnd && k < s.words.size(); ++k)
        if (isCommentator(s.words[k].lower)) return true;
    return false;
}

// The countries a speaker stands for: its places, demonyms, people and institutions.
std::vector<std::string> speakerCountries(const SentenceAnalysis& s, size_t first, size_t end) {
    std::vector<std::string> out;
    for (size_t k = first; k < end && k < s.words.size(); ++k)
        if (const Entity* e = s.entityOf(k); e && !e->country.empty() &&
                                               std::find(out.begin(), out.end(), e->country) == out.end())
            out.push_back(e->country);
    return out;
}

// Kinds an anaphor may refer across: a transfer noun may mean munitions, troops, technology or aid.
bool sameFamily(EventKind a, EventKind b) {
    const auto transfer = [](EventKind k) {
        return k == EventKind::MunitionsTransfer || k == EventKind::TroopDeployment || k == EventKind::TechnologyTransfer ||
               k == EventKind::AidTrade;
    };
    return a == b || (transfer(a) && transfer(b) && (a == EventKind::MunitionsTransfer || b == EventKind::MunitionsTransfer));
}

std::string summaryOf(const DraftEvent& e) {
    std::string s(model::eventKindLabel(e.kind));
    if (!e.actors.empty() && e.kind != EventKind::TroopDeployment && e.kind != EventKind::MunitionsTransfer) {
        s += ": ";
        for (size_t i = 0; i < e.actors.size() && i < 3; ++i) s += (i ? ", " : "") + e.actors[i];
    }
    if (e.from && e.to) {
        s += (s.find(':') == std::string::npos ? ": " : ", ") + e.from->name + " → " + e.to->name;
    } else if (!e.places.empty()) {
        s += e.kind == EventKind::Statement ? " (" : " in ";
        for (size_t i = 0; i < e.places.size(); ++i) s += (i ? ", " : "") + e.places[i].name;
        if (e.kind == EventKind::Statement) s += ")";
    }
    if (e.quantity) s += ", " + e.quantity->text;
    if (e.status != ClaimStatus::Confirmed && !e.attribution.empty()) s += " (" + std::string(model::claimStatusName(e.status)) + " by " + e.attribution.front() + ")";
    return s;
}

class ArticleDrafter {
public:
    ArticleDrafter(std::string_view text, const model::PartialDate& published, const geo::Geocoder& geocoder)
        : m_text(text), m_published(published), m_geocoder(geocoder), m_context(readArticleContext(text, published, geocoder)) {}

    DraftedArticle run() {
        DraftedArticle out;
        out.sentences = splitSentences(m_text);
        std::vector<DraftEvent> events;
        for (uint32_t i = 0; i < out.sentences.size(); ++i) {
            const SentenceAnalysis s = analyzeSentence(m_context, out.sentences[i], i);
            std::vector<DraftEvent> fromSentence;
            for (const Candidate& c : findCandidates(m_text, s))
                if (auto e = toEvent(s, c)) fromSentence.push_back(std::move(*e));
            rememberDestinations(i, fromSentence);
            reportedStatement(s, fromSentence);
            linkDenials(s, fromSentence, events);
            rememberSpeakers(s);
            for (DraftEvent& e : fromSentence) events.push_back(std::move(e));
        }
        // One event per occurrence: every sentence telling it becomes a source; "the transfer" joins
        // the latest event of its kind.
        for (DraftEvent& e : events) {
            if (e.anaphoric) {
                const auto referent = std::find_if(out.events.rbegin(), out.events.rend(), [&](const DraftEvent& o) {
                    return sameFamily(o.kind, e.kind) && (e.topic.empty() || o.topic == e.topic) &&
                           o.sources.back().end + 2000 >= e.sources.front().start;
                });
                if (referent == out.events.rend()) continue;
                if (e.instance) {
                    // A new event of the same series: the referent's route, its own date and figures.
                    e.anaphoric = false;
                    e.from = referent->from;
                    e.to = referent->to;
                    e.cargo = referent->cargo;
                    e.places = referent->places;
                    e.explanation.push_back("same route as " + summaryOf(*referent));
                    out.events.push_back(std::move(e));
                } else {
                    mergeInto(*referent, std::move(e));
                }
                continue;
            }
            auto same = std::find_if(out.events.begin(), out.events.end(),
                                     [&](const DraftEvent& o) { return sameOccurrence(o, e, m_geocoder.gazetteer()); });
            if (same != out.events.end()) mergeInto(*same, std::move(e));
            else out.events.push_back(std::move(e));
        }
        for (DraftEvent& e : out.events) finishEvent(e);
        return out;
    }

private:
    std::optional<DraftEvent> toEvent(const SentenceAnalysis& s, const Candidate& c) {
        DraftEvent e;
        e.kind = c.kind;
        e.topic = c.topic;
        e.sources.push_back(s.span);
        e.explanation = c.cues;
        const auto entity = [&](int i) -> const Entity& { return s.entities[static_cast<size_t>(i)]; };
        if (c.flow) {
            e.from = placeOf(entity(c.from));
            e.to = placeOf(entity(c.to));
            e.cargo = c.cargo;
        }
        for (int p : c.places) e.places.push_back(placeOf(entity(p)));
        for (int v : c.via) e.via.push_back(placeOf(entity(v)));
        e.anaphoric = c.anaphoric;
        e.instance = c.instance;
        e.triggerWord = c.trigger;
        e.originOnly = c.originOnly;
        if (c.flow) e.cargo = c.cargo;
        else if (c.kind == EventKind::MissileStrike) e.cargo = model::Cargo::Missiles;
        else if (c.cargo != model::Cargo::People) e.cargo = c.cargo;
        for (int a : c.actors) {
            const std::string& name = entity(a).text;
            if (std::find(e.actors.begin(), e.actors.end(), name) == e.actors.end()) e.actors.push_back(name);
            if (!entity(a).country.empty()) e.actorCountries.push_back(entity(a).country);
        }
        // Who says so, and how sure the sentence is.
        bool attributed = false, commentary = false;
        for (int ai : c.attributions) {
            const Attribution& a = s.attributions[static_cast<size_t>(ai)];
            if (a.denies) continue;  // a denial answers a claim: linkDenials reads it
            if (commentatorSpeaker(s, a)) {
                commentary = true;
                continue;
            }
            const Speaker who = resolveSpeaker(s, a);
            DraftClaim claim{a.hedge ? std::string("reports") : who.name, who.countries, a.hedge, a.confirms};
            if (claim.speaker.empty()) continue;
            attributed = true;
            e.claims.push_back(std::move(claim));
            e.explanation.push_back("attribution: '" + a.cue + "' " + (a.hedge ? "(no speaker named)" : who.name));
        }
        switch (c.modality) {
            case Modality::Negated: return std::nullopt;  // the article says it did not happen
            case Modality::Hypothetical:
                if (!attributed || commentary) return std::nullopt;  // speculation, not reporting
                break;
            case Modality::Planned:
            case Modality::Fact: break;
        }
        if (commentary && !attributed) return std::nullopt;
        e.statedAsFact = !attributed && !c.noun && c.modality == Modality::Fact;
        // When: the phrase the rules picked, else the publication month.
        if (c.time >= 0) {
            const TimePhrase& t = s.times[static_cast<size_t>(c.time)];
            e.date = t.range;
            e.dated = true;
            if (t.role == TimeRole::Since && !c.timeIsAnchor) {
                const model::PartialDate end = m_published.day ? m_published : m_published;
                if (end.lastDay() >= t.range.start.firstDay()) e.date.end = end;
            }
            e.confidence.date = t.confidence;
            e.explanation.push_back("date from '" + phraseText(m_text, t.span) + "' → " + e.date.start.text() +
                                    (e.date.end == e.date.start ? "" : ".." + e.date.end.text()));
        } else {
            e.date = publicationMonth(m_published);
            e.confidence.date = 0.35f;
            e.explanation.push_back("no time phrase: the publication month " + e.date.start.text());
        }
        if (c.quantity >= 0) {
            e.quantity = s.quantities[static_cast<size_t>(c.quantity)];
            e.confidence.quantity = e.quantity->confidence;
            e.explanation.push_back("quantity '" + e.quantity->text + "'");
        } else {
            e.confidence.quantity = 0.7f;  // none written: likely right that there is none
        }
        e.confidence.kind = c.kindConfidence;
        e.confidence.flow = c.flow ? c.flowConfidence : (e.kind == EventKind::TroopDeployment || e.kind == EventKind::MunitionsTransfer ? 0.3f : 0.8f);
        e.confidence.places = c.flow ? 0.8f : c.placeConfidence;
        e.confidence.attribution = attributed ? 0.75f : 0.7f;
        e.confidence.status = c.modality == Modality::Fact ? 0.8f : 0.55f;
        if (c.modality == Modality::Planned) e.explanation.push_back("planned or expected: kept as reported");
        return e;
    }

    // "Russia has denied any military transfers": the latest claim of the same kind by or about
    // the denier (in this sentence or the ones before) becomes disputed, with this sentence as its
    // source. A denial that answers nothing drafted is a statement of its own.
    void linkDenials(const SentenceAnalysis& s, std::vector<DraftEvent>& here, std::vector<DraftEvent>& before) {
        for (const Attribution& a : s.attributions) {
            if (!a.denies) continue;
            const std::vector<std::string> deniers = resolveSpeaker(s, a).countries;
            std::string denier = a.speaker;
            if (a.pronoun && !m_lastSpeaker.name.empty()) denier = m_lastSpeaker.name;
            const auto involves = [&](const DraftEvent& e) {
                if (deniers.empty()) return true;
                for (const std::string& c : deniers) {
                    if (e.from && e.from->country == c) return true;
                    if (e.to && e.to->country == c) return true;
                    for (const DraftPlace& p : e.places)
                        if (p.country == c) return true;
                }
                return false;
            };
            const auto dispute = [&](DraftEvent& e) {
                e.denied = true;
                e.explanation.push_back("disputed: denied by " + denier + " ('" + phraseText(m_text, s.span).substr(0, 80) + "…')");
            };
            bool linked = false;
            for (DraftEvent& e : here)
                if (e.kind != EventKind::Statement && involves(e)) dispute(e), linked = true;
            if (linked) continue;
            for (auto it = before.rbegin(); it != before.rend() && !linked; ++it) {
                if (it->kind == EventKind::Statement || it->kind == EventKind::Meeting || it->kind == EventKind::Visit) continue;
                if (s.index > 0 && it->sources.back().end + 2500 < s.span.start) break;  // too far back
                if (!involves(*it)) continue;
                dispute(*it);
                it->sources.push_back(s.span);
                linked = true;
            }
            if (!linked) denialStatement(s, a, here);
        }
    }

    // "The missiles were part of a package Biden approved" after "shipped missiles to Ukraine": a
    // transfer or strike with a sender but no destination goes where the last one of its kind went,
    // told within the three sentences before.
    void rememberDestinations(uint32_t sentence, std::vector<DraftEvent>& here) {
        for (DraftEvent& e : here) {
            const bool strike = e.kind == EventKind::MissileStrike;
            const bool transfer = sameFamily(e.kind, EventKind::MunitionsTransfer);
            if (!strike && !transfer) continue;
            Destination& memory = strike ? m_lastTarget : m_lastDelivery;
            if (e.from && e.to) {
                memory = {*e.to, sentence, true};
                continue;
            }
            if (!e.originOnly || !memory.known || sentence > memory.sentence + 3 || e.places.empty()) continue;
            const DraftPlace origin = e.places.front();
            if (origin.place == memory.to.place || origin.country == memory.to.country) continue;
            e.from = origin;
            e.to = memory.to;
            e.places.clear();
            e.cargo = e.cargo == model::Cargo::People ? (strike ? model::Cargo::Missiles : model::Cargo::Munitions) : e.cargo;
            e.confidence.flow = 0.45f;
            e.explanation.push_back("destination from the " + std::string(strike ? "strike" : "transfer") + " told before: " + memory.to.name);
        }
    }

    // "Kremlin spokesman Dmitry Peskov said …", "a senior Iranian official emphasized that …": an
    // official's words that report no event of their own are the news themselves.
    void reportedStatement(const SentenceAnalysis& s, std::vector<DraftEvent>& here) {
        static constexpr std::array<std::string_view, 19> kCues = {
            "said", "says", "told", "stated", "announced", "declared", "warned", "stressed", "emphasized", "emphasised",
            "insisted", "reiterated", "urged", "vowed", "pledged", "noted", "mentioned", "added", "threatened"};
        static constexpr std::array<std::string_view, 24> kNotOfficial = {
            "news", "agency", "newspaper", "media", "times", "post", "journal", "reuters", "ap", "afp", "report", "reports",
            "sources", "source", "analyst", "analysts", "expert", "experts", "observers", "resident", "journalist", "witnesses",
            "residents", "monitor"};
        static constexpr std::array<std::string_view, 22> kOffices = {
            "official", "officials", "minister", "ministry", "spokesman", "spokeswoman", "spokesperson", "president",
            "government", "leader", "secretary", "office", "embassy", "military", "army", "command", "premier",
            "chancellor", "aide", "adviser", "ambassador", "envoy"};
        if (std::any_of(here.begin(), here.end(), [](const DraftEvent& e) { return !e.anaphoric; })) return;
        for (const Attribution& a : s.attributions) {
            if (a.hedge || a.pronoun || a.denies || std::find(kCues.begin(), kCues.end(), a.cue) == kCues.end()) continue;
            // What they said is about an event told before ("The package represents…, the Pentagon said").
            if (std::any_of(here.begin(), here.end(), [&](const DraftEvent& e) { return a.covers(e.triggerWord); })) continue;
            const Entity* speaker = nullptr;
            bool office = false, media = false;
            for (size_t k = a.speakerFirst; k < a.speakerEnd && k < s.words.size(); ++k) {
                const std::string& w = s.words[k].lower;
                media |= std::find(kNotOfficial.begin(), kNotOfficial.end(), w) != kNotOfficial.end() || isCommentator(w);
                office |= std::find(kOffices.begin(), kOffices.end(), w) != kOffices.end();
                if (const Entity* e = s.entityOf(k); e && e->place != kNoPlace && !speaker) speaker = e;
            }
            if (!speaker || media) continue;
            const bool official = office || speaker->type == EntityType::Institution ||
                                  (speaker->type == EntityType::Person && !speaker->country.empty()) ||
                                  (speaker->type == EntityType::Place && a.speakerEnd - a.speakerFirst == speaker->end - speaker->first);
            if (!official) continue;
            DraftEvent e = statementEvent(s, *speaker, a.speaker, 0.5f, 0.8f);
            // The time nearest the reporting verb: "said on Tuesday".
            size_t best = SIZE_MAX;
            for (const TimePhrase& t : s.times) {
                const size_t d = t.firstWord > a.cueWord ? t.firstWord - a.cueWord : a.cueWord - t.firstWord;
                if (d < best && d <= 4) {
                    best = d;
                    e.date = t.range;
                    e.dated = true;
                    e.confidence.date = t.confidence;
                }
            }
            e.explanation.push_back("statement: '" + a.cue + "' by " + a.speaker + ", reporting no event of its own");
            here.push_back(std::move(e));
            return;
        }
    }

    // A statement by `speaker`, located at the speaker's place and dated to the publication month
    // until a time phrase says better.
    DraftEvent statementEvent(const SentenceAnalysis& s, const Entity& speaker, std::string actor, float kindConfidence,
                              float statusConfidence) const {
        DraftEvent e;
        e.kind = EventKind::Statement;
        e.places.push_back(placeOf(speaker));
        e.actors.push_back(std::move(actor));
        e.sources.push_back(s.span);
        e.date = publicationMonth(m_published);
        e.confidence.date = 0.35f;
        e.confidence.kind = kindConfidence;
        e.confidence.places = 0.6f;
        e.confidence.flow = e.confidence.quantity = e.confidence.attribution = 0.8f;
        e.confidence.status = statusConfidence;
        return e;
    }

    // A denial that answers nothing drafted: the denial itself is the news.
    void denialStatement(const SentenceAnalysis& s, const Attribution& a, std::vector<DraftEvent>& here) {
        const Entity* speaker = nullptr;
        for (size_t k = a.speakerFirst; k < a.speakerEnd && !speaker; ++k)
            if (const Entity* e = s.entityOf(k); e && e->place != kNoPlace) speaker = e;
        if (!speaker) return;
        DraftEvent e = statementEvent(s, *speaker, speaker->text, 0.6f, 0.7f);
        for (const TimePhrase& t : s.times) {
            e.date = t.range;
            e.dated = true;
            e.confidence.date = t.confidence;
        }
        e.explanation.push_back("denial '" + a.cue + "' by " + a.speaker + ": nothing drafted before it answers, a statement of its own");
        here.push_back(std::move(e));
    }

    struct Speaker {
        std::string name;
        std::vector<std::string> countries;
    };

    // Who an attribution names: "he" and "the ministry" are the speaker named last ("China's
    // defense ministry"), when that speaker's words hold the same noun.
    Speaker resolveSpeaker(const SentenceAnalysis& s, const Attribution& a) const {
        if (a.pronoun) return m_lastSpeaker;
        Speaker who{a.speaker, speakerCountries(s, a.speakerFirst, a.speakerEnd)};
        if (who.countries.empty() && a.speakerEnd > a.speakerFirst && !m_lastSpeaker.name.empty()) {
            const std::string& head = s.words[a.speakerEnd - 1].lower;
            const bool definite = a.speakerFirst > 0 && (s.words[a.speakerFirst - 1].lower == "the" || s.words[a.speakerFirst].lower == "same");
            std::string last = m_lastSpeaker.name;
            for (char& ch : last) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            // "the report", "the statement", "the newspaper": the source named last.
            const bool sourceNoun = head == "report" || head == "statement" || head == "newspaper" || head == "paper" ||
                                    head == "agency" || head == "outlet" || head == "broadcaster" || head == "channel";
            if (definite && (sourceNoun || last.find(head) != std::string::npos)) return m_lastSpeaker;
        }
        return who;
    }

    void rememberSpeakers(const SentenceAnalysis& s) {
        for (const Attribution& a : s.attributions)
            if (!a.pronoun && !a.hedge && !a.speaker.empty()) m_lastSpeaker = resolveSpeaker(s, a);
    }

    void finishEvent(DraftEvent& e) {
        std::sort(e.sources.begin(), e.sources.end(), [](TextSpan a, TextSpan b) { return a.start < b.start; });
        e.sources.erase(std::unique(e.sources.begin(), e.sources.end(),
                                    [](TextSpan a, TextSpan b) { return a.start == b.start && a.end == b.end; }),
                        e.sources.end());
        settleClaims(e);
        model::DraftConfidence& c = e.confidence;
        const float support = std::min(0.1f, 0.05f * static_cast<float>(e.sources.size() - 1));
        c.event = clamp01(0.45f * c.kind + 0.2f * std::max(c.places, c.flow) + 0.15f * c.date + 0.2f * c.status + support);
    }

    std::string_view m_text;
    model::PartialDate m_published;
    const geo::Geocoder& m_geocoder;
    ArticleContext m_context;
    Speaker m_lastSpeaker;
    struct Destination {
        DraftPlace to;
        uint32_t sentence = 0;
        bool known = false;
    };
    Destination m_lastTarget, m_lastDelivery;
};

OccurrencePlace occurrencePlace(const DraftPlace& p, const geo::Gazetteer& gaz) {
    const geo::PlaceRecord& r = gaz.place(p.place);
    return {r.lat, r.lon, p.country, p.countryLevel};
}

int precisionRank(DatePrecision p) {
    switch (p) {
        case DatePrecision::Day: return 3;
        case DatePrecision::Month: return 2;
        case DatePrecision::Season: return 1;
        case DatePrecision::Year: return 0;
    }
    return 0;
}

}  // namespace

Occurrence occurrenceOf(const DraftEvent& e, const geo::Gazetteer& gaz) {
    Occurrence o;
    o.kind = e.kind;
    o.firstDay = e.date.start.firstDay();
    o.lastDay = e.date.end.lastDay();
    o.dated = e.dated;
    for (const DraftPlace& p : e.places) o.places.push_back(occurrencePlace(p, gaz));
    if (e.from && e.to) {
        o.from = occurrencePlace(*e.from, gaz);
        o.to = occurrencePlace(*e.to, gaz);
    }
    if (e.quantity && !e.quantity->money) o.quantity = e.quantity->value;
    if (!e.sources.empty()) o.sentenceStart = e.sources.front().start;
    o.topic = e.topic;
    return o;
}

bool sameOccurrence(const DraftEvent& a, const DraftEvent& b, const geo::Gazetteer& gaz) {
    return sameOccurrence(occurrenceOf(a, gaz), occurrenceOf(b, gaz));
}

void mergeInto(DraftEvent& a, DraftEvent&& b) {
    for (TextSpan s : b.sources) a.sources.push_back(s);
    if (a.topic.empty()) a.topic = b.topic;
    if ((!a.dated && b.dated) || (a.dated && b.dated && precisionRank(b.date.precision) > precisionRank(a.date.precision) &&
                                  b.confidence.date >= a.confidence.date)) {
        a.date = b.date;
        a.dated = b.dated;
        a.confidence.date = b.confidence.date;
    }
    if (!(a.from && a.to) && b.from && b.to) {
        a.from = b.from;
        a.to = b.to;
        a.cargo = b.cargo;
        a.places.clear();
        a.confidence.flow = b.confidence.flow;
    }
    // An exact figure ("around 400 missiles") beats a vague one ("hundreds of ballistic missiles").
    const auto vague = [](const QuantityPhrase& q) { return !q.note.empty(); };
    if (b.quantity && (!a.quantity || (vague(*a.quantity) && !vague(*b.quantity))))
        a.quantity = std::move(b.quantity), a.confidence.quantity = b.confidence.quantity;
    for (DraftPlace& v : b.via)
        if (std::none_of(a.via.begin(), a.via.end(), [&](const DraftPlace& x) { return x.place == v.place; })) a.via.push_back(std::move(v));
    for (std::string& s : b.actors)
        if (std::find(a.actors.begin(), a.actors.end(), s) == a.actors.end()) a.actors.push_back(std::move(s));
    for (DraftClaim& c : b.claims) a.claims.push_back(std::move(c));
    for (std::string& c : b.actorCountries) a.actorCountries.push_back(std::move(c));
    a.denied |= b.denied;
    a.statedAsFact |= b.statedAsFact;
    a.confidence.kind = std::max(a.confidence.kind, b.confidence.kind);
    for (std::string& line : b.explanation) a.explanation.push_back("(merged) " + line);
}

void settleClaims(DraftEvent& e) {
    std::vector<std::string> acting = e.actorCountries;
    if (e.from && e.to) acting.push_back(e.from->country);
    else
        for (const DraftPlace& p : e.places) acting.push_back(p.country);
    bool own = false, confirms = false, named = false;
    e.attribution.clear();
    for (const DraftClaim& c : e.claims) {
        const bool theirs = !c.hedge && std::any_of(c.countries.begin(), c.countries.end(), [&](const std::string& country) {
            return !country.empty() && std::find(acting.begin(), acting.end(), country) != acting.end();
        });
        if (theirs) {
            own = true;
            continue;
        }
        confirms |= c.confirms && !c.hedge;
        named |= !c.hedge;
        if (std::find(e.attribution.begin(), e.attribution.end(), c.speaker) == e.attribution.end()) e.attribution.push_back(c.speaker);
    }
    // A named source says more than "reports".
    if (named) e.attribution.erase(std::remove(e.attribution.begin(), e.attribution.end(), "reports"), e.attribution.end());
    if (e.denied) e.status = ClaimStatus::Disputed;
    else if (own || confirms || e.statedAsFact || e.attribution.empty()) e.status = ClaimStatus::Confirmed;
    else e.status = ClaimStatus::Claimed;
    if (e.status != ClaimStatus::Confirmed && e.attribution.empty()) e.attribution.push_back("reports");
    e.summary = summaryOf(e);
}

DraftedArticle draftArticle(std::string_view text, const model::PartialDate& published, const geo::Geocoder& geocoder) {
    return ArticleDrafter(text, published, geocoder).run();
}

}  // namespace briefmap::draft
