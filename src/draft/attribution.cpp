#include "draft/attribution.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <tuple>

namespace briefmap::draft {

namespace {

template <size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// Verbs that report what someone says or knows.
constexpr std::array<std::string_view, 73> kReportingVerbs = {
    "indicating", "showing", "suggesting", "claiming", "alleging", "warning", "confirming",
    "said", "says", "say", "saying", "told", "tells", "reported", "reports", "stated", "states", "announced",
    "announces", "confirmed", "confirms", "claimed", "claims", "alleged", "alleges", "accused", "accuses",
    "added", "noted", "warned", "warns", "believes", "believe", "believed", "estimated", "estimates", "assessed",
    "assesses", "suspect", "suspects", "suspected", "revealed", "reveals", "indicated", "indicates", "showed",
    "shows", "wrote", "writes", "denied", "denies", "deny", "insisted", "acknowledged", "admitted", "argued",
    "asserted", "mentioned", "emphasized", "emphasised", "predicted", "verified", "quoted", "cited", "disclosed",
    "concluded", "found", "testified", "explained", "stressed", "informed", "briefed"};
constexpr std::array<std::string_view, 6> kConfirming = {"confirmed", "confirms", "verified", "acknowledged", "admitted",
                                                         "announced"};
constexpr std::array<std::string_view, 7> kDenying = {"denied", "denies", "deny", "denying", "rejected", "dismissed",
                                                      "refuted"};
constexpr std::array<std::string_view, 5> kHedges = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently"};
// Words that cannot be inside a speaker's noun phrase: they end it.
constexpr std::array<std::string_view, 44> kPhraseBreaks = {
    "that", "which", "who", "whom", "but", "while", "although", "though", "because", "as", "if", "when", "where",
    "is", "was", "were", "are", "be", "been", "will", "would", "could", "can", "may", "might", "should", "did",
    "do", "does", "not", "to", "with", "by", "on", "at", "after", "before", "since", "than", "into", "from",
    "has", "have", "had"};
// Between a speaker and its verb: "officials have also said", "Kremlin spokesman Peskov previously told".
constexpr std::array<std::string_view, 17> kBetween = {"has", "have", "had", "also", "previously", "earlier", "repeatedly", "never", "not", "did",
                                                       "publicly", "later", "again", "separately", "too", "already", "had"};
constexpr std::array<std::string_view, 12> kPronouns = {"he", "she", "they", "it", "we", "i", "officials", "you",
                                                        "both", "the", "one", "this"};
constexpr std::array<std::string_view, 58> kSpeakerNouns = {
    "officials", "official", "spokesman", "spokeswoman", "spokesperson", "ministry", "minister", "intelligence",
    "agency", "military", "government", "analysts", "analyst", "experts", "expert", "sources", "source",
    "diplomats", "diplomat", "media", "reports", "report", "assessments", "assessment", "observers", "monitors",
    "investigators", "authorities", "army", "command", "staff", "police", "prosecutors", "statement", "data",
    "estimates", "imagery", "president", "leader", "secretary", "department", "office", "pentagon", "kremlin",
    "council", "committee", "panel", "group", "researchers", "service", "services", "navy", "spokespeople",
    "lawmakers", "officers", "commander", "chief", "adviser"};

bool isTimeWord(const Word& w) {
    static constexpr std::array<std::string_view, 19> kWords = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december", "week"};
    return in(kWords, w.lower) || (w.shape == WordShape::Number && w.lower.size() == 4);
}

bool isAdverb(const Word& w) { return w.shape == WordShape::Lower && w.lower.size() > 4 && w.lower.ends_with("ly"); }

}  // namespace

bool isSpeakerNoun(std::string_view lower) { return in(kSpeakerNouns, lower); }

namespace {

class Finder {
public:
    Finder(std::string_view text, const std::vector<Word>& words) : m_text(text), m_w(words) {}

    std::vector<Attribution> run() {
        std::vector<Attribution> out;
        for (size_t i = 0; i < m_w.size(); ++i) {
            const Word& w = m_w[i];
            if (w.lower == "according" && is(i + 1, "to")) {
                if (auto a = accordingTo(i)) out.push_back(*a);
            } else if (w.lower == "citing") {
                Attribution a = forward(i, i + 1, "citing");
                if (a.speakerEnd > a.speakerFirst) {
                    a.scopeFirst = 0;
                    a.scopeEnd = lastClauseEnd(i);
                    out.push_back(a);
                }
            } else if (in(kHedges, w.lower)) {
                Attribution a;
                a.cueWord = i;
                a.cue = w.lower;
                a.hedge = true;
                a.scopeFirst = clauseStart(i);
                a.scopeEnd = clauseEnd(i);
                out.push_back(a);
            } else if ((w.lower == "reports" || w.lower == "report") && (is(i + 1, "of") || is(i + 1, "that")) &&
                       !(i > 0 && (m_w[i - 1].capitalised() || m_w[i - 1].possessive))) {
                // "There have been reports of Iran supplying drones": claimed, no speaker named.
                Attribution a;
                a.cueWord = i;
                a.cue = "reports";
                a.hedge = true;
                a.scopeFirst = i + 1;
                a.scopeEnd = m_w.size();
                out.push_back(a);
            } else if (isPassiveHedge(i)) {
                Attribution a;
                a.cueWord = i;
                a.cue = w.lower;
                a.hedge = true;
                a.scopeFirst = clauseStart(i);
                a.scopeEnd = m_w.size();
                out.push_back(a);
            } else if (!w.capitalised() && (in(kReportingVerbs, w.lower) || in(kDenying, w.lower)) && !adjectival(i)) {
                if (auto a = reportingVerb(i)) out.push_back(*a);
            }
        }
        return out;
    }

private:
    bool is(size_t i, std::string_view s) const { return i < m_w.size() && m_w[i].lower == s; }

    // "Seoul's stated desires", "the reported deal": a participle describing a noun, no report.
    bool adjectival(size_t i) const {
        if (i == 0) return false;
        const Word& p = m_w[i - 1];
        return p.possessive || p.lower == "the" || p.lower == "a" || p.lower == "an" || p.lower == "its" || p.lower == "their" ||
               p.lower == "his" || p.lower == "her";
    }

    // "is believed to", "are thought to", "was reported to", "is said to": claimed without a speaker.
    bool isPassiveHedge(size_t i) const {
        const std::string_view w = m_w[i].lower;
        if (!(w == "believed" || w == "thought" || w == "reported" || w == "said" || w == "suspected" || w == "alleged"))
            return false;
        return i > 0 && (is(i - 1, "is") || is(i - 1, "are") || is(i - 1, "was") || is(i - 1, "were") || is(i - 1, "been")) &&
               is(i + 1, "to");
    }

    size_t clauseStart(size_t i) const {
        while (i > 0 && !m_w[i - 1].punct(',') && !m_w[i - 1].punct(';')) --i;
        return i;
    }
    size_t clauseEnd(size_t i) const {
        while (i < m_w.size() && !m_w[i].punct(';')) ++i;
        return i;
    }
    // The end of the sentence's text before a final ". / quote": for scope purposes the whole.
    size_t lastClauseEnd(size_t) const { return m_w.size(); }

    std::string textOf(size_t first, size_t end) const {
        if (end <= first) return {};
        return std::string(m_text.substr(m_w[first].start, m_w[end - 1].end - m_w[first].start));
    }

    bool speakerLike(size_t first, size_t end) const {
        for (size_t k = first; k < end; ++k)
            if (m_w[k].capitalised() || isSpeakerNoun(m_w[k].lower)) return true;
        return false;
    }

    void setSpeaker(Attribution& a, size_t first, size_t end) const {
        while (first < end && (is(first, "the") || is(first, "a") || is(first, "an") || m_w[first].isPunct())) ++first;
        a.speakerFirst = first;
        a.speakerEnd = end;
        a.speaker = textOf(first, end);
        a.pronoun = end == first + 1 && in(kPronouns, m_w[first].lower) && !m_w[first].capitalised() &&
                    m_w[first].lower != "officials";
        if (end == first + 1 && (m_w[first].lower == "he" || m_w[first].lower == "she" || m_w[first].lower == "they" ||
                                 m_w[first].lower == "it" || m_w[first].lower == "we"))
            a.pronoun = true;
    }

    // A noun phrase read forward from `from`: up to a comma, a clause word or the sentence end.
    Attribution forward(size_t cue, size_t from, std::string_view cueText) const {
        Attribution a;
        a.cueWord = cue;
        a.cue = std::string(cueText);
        size_t end = from;
        while (end < m_w.size() && end - from < 10) {
            const Word& w = m_w[end];
            if (w.isPunct() && !w.punct('-') && !w.punct('\'')) break;
            if (end > from && (in(kPhraseBreaks, w.lower) && w.lower != "by" && w.lower != "with")) break;
            if (end > from && (w.lower == "on" || w.lower == "last" || w.lower == "this" || (w.lower == "in" && !speakerNounBefore(end))))
                break;
            ++end;
        }
        setSpeaker(a, from, end);
        return a;
    }

    bool speakerNounBefore(size_t i) const { return i > 0 && isSpeakerNoun(m_w[i - 1].lower); }

    std::optional<Attribution> accordingTo(size_t i) const {
        Attribution a = forward(i, i + 2, "according to");
        if (a.speakerEnd <= a.speakerFirst) return std::nullopt;
        // The claim is the rest of the sentence: before "according to" and after the speaker.
        a.scopeFirst = 0;
        a.scopeEnd = m_w.size();
        return a;
    }

    // The speaker's noun phrase ending right before `end` (exclusive), read backwards.
    std::pair<size_t, size_t> backward(size_t end) const {
        // Between the speaker and the verb: auxiliaries, adverbs and a time ("on Thursday").
        for (bool moved = true; moved;) {
            moved = false;
            while (end > 0 && (in(kBetween, m_w[end - 1].lower) || isAdverb(m_w[end - 1]))) --end, moved = true;
            if (end >= 2 && isTimeWord(m_w[end - 1]) && (is(end - 2, "on") || is(end - 2, "in") || is(end - 2, "last"))) end -= 2, moved = true;
            else if (end >= 1 && (is(end - 1, "yesterday") || is(end - 1, "today") || is(end - 1, "tuesday"))) --end, moved = true;
        }
        size_t first = end;
        while (first > 0 && end - first < 9) {
            const Word& w = m_w[first - 1];
            if (first < end && (is(first, "he") || is(first, "she") || is(first, "they") || is(first, "it") || is(first, "we")))
                break;  // "in what they say": the pronoun is the speaker
            if (w.isPunct() && !w.punct('-')) break;
            if (in(kPhraseBreaks, w.lower) && w.lower != "in" && w.lower != "of") break;
            // "Russian and North Korean officials", "diplomatic and security sources": "and" inside the phrase.
            if (w.lower == "and" && !(first < end && first >= 2 && !m_w[first - 2].isPunct() &&
                                      !in(kPhraseBreaks, m_w[first - 2].lower) && !m_w[first - 2].lower.ends_with("ed")))
                break;
            if (w.lower == "and" && first < end && m_w[first].lower.ends_with("s") && !m_w[first].capitalised() &&
                first + 1 == end)
                break;
            if (w.shape == WordShape::Lower && w.lower.ends_with("ed") && !isSpeakerNoun(w.lower) && w.lower != "united") break;
            --first;
        }
        // "in"/"of" may only join two parts of a name: not lead it.
        while (first < end && (is(first, "in") || is(first, "of") || is(first, "and"))) ++first;
        return {first, end};
    }

    std::optional<Attribution> reportingVerb(size_t v) const {
        const Word& verb = m_w[v];
        Attribution a;
        a.cueWord = v;
        a.cue = verb.lower;
        a.confirms = in(kConfirming, verb.lower);
        a.denies = in(kDenying, verb.lower);
        // "has never officially admitted", "did not confirm": a denial.
        for (size_t k = v; k > 0 && v - k < 3; --k)
            if (a.confirms && (is(k - 1, "never") || is(k - 1, "not") || is(k - 1, "n't"))) {
                a.confirms = false;
                a.denies = true;
            }
        a.accuses = verb.lower == "accused" || verb.lower == "accuses";
        // ", said a Pentagon spokesman." — inverted, the speaker after the verb.
        if (v > 0 && m_w[v - 1].punct(',') && (verb.lower == "said" || verb.lower == "says" || verb.lower == "reported" ||
                                              verb.lower == "reports" || verb.lower == "added")) {
            Attribution f = forward(v, v + 1, verb.lower);
            if (f.speakerEnd > f.speakerFirst && speakerLike(f.speakerFirst, f.speakerEnd)) {
                f.scopeFirst = 0;
                f.scopeEnd = v - 1;
                return f;
            }
        }
        auto [first, end] = backward(v);
        if (end <= first) {
            // "Iran, which backs the Houthis, has denied…": the speaker stands before the relative clause.
            size_t k = v;
            while (k > 0 && (in(kBetween, m_w[k - 1].lower) || isAdverb(m_w[k - 1]))) --k;
            if (k > 0 && m_w[k - 1].punct(',')) {
                size_t open = k - 1;
                while (open > 0 && !m_w[open - 1].punct(',')) --open;
                if (open > 0 && (is(open, "which") || is(open, "who"))) std::tie(first, end) = backward(open - 1);
            }
            if (end <= first) return std::nullopt;
        }
        const bool pronounOnly = end == first + 1 && in(kPronouns, m_w[first].lower);
        if (!pronounOnly && !speakerLike(first, end)) return std::nullopt;
        setSpeaker(a, first, end);
        // Post-posed: "…, officials said." The claim is what came before the comma.
        if (first > 0 && m_w[first - 1].punct(',') && restIsTail(v + 1)) {
            a.scopeFirst = 0;
            a.scopeEnd = first - 1;
            return a;
        }
        if (first > 0 && m_w[first - 1].punct('"')) {  // "…," he said.
            a.scopeFirst = 0;
            a.scopeEnd = first - 1;
            return a;
        }
        // Pre-posed: "X said (that) …": the claim follows, after an object ("told reporters").
        size_t scope = v + 1;
        if (verb.lower == "told" || verb.lower == "tells" || verb.lower == "informed" || verb.lower == "briefed" ||
            a.accuses) {
            size_t k = scope;
            while (k < m_w.size() && k - scope < 8 && !is(k, "that") && !is(k, "of") && !m_w[k].punct(',') &&
                   !m_w[k].punct(':'))
                ++k;
            if (k < m_w.size()) scope = k + 1;
        }
        if (is(scope, "that")) ++scope;
        a.scopeFirst = scope;
        a.scopeEnd = m_w.size();
        return a;
    }

    // After a post-posed "said": only a time, a place or "in a statement" may follow.
    bool restIsTail(size_t k) const {
        size_t n = 0;
        for (; k < m_w.size(); ++k, ++n) {
            if (m_w[k].punct('.') || m_w[k].punct('"')) continue;
            if (m_w[k].punct(',') || m_w[k].punct(';')) return n < 8;
        }
        return n < 8;
    }

    std::string_view m_text;
    const std::vector<Word>& m_w;
};

}  // namespace

std::vector<Attribution> findAttributions(std::string_view text, const std::vector<Word>& words) {
    return Finder(text, words).run();
}

}  // namespace briefmap::draft
