#include "draft/quantities.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

#include "core/text_fold.hpp"
#include "geo/name_words.hpp"

namespace briefmap::draft {

namespace {

struct Scaled {
    std::string_view word;
    double value;
};

// Hedges before a number, longest first within each first word.
constexpr std::array<std::string_view, 27> kQualifiers = {
    "more than", "at least", "up to", "as many as", "as much as", "close to", "an estimated", "fewer than",
    "less than", "at most", "just over", "just under", "well over", "upwards of", "in excess of", "no fewer than",
    "no less than", "over", "about", "around", "approximately", "roughly", "some", "nearly", "almost", "estimated",
    "under"};
constexpr std::array<Scaled, 8> kMultipliers = {{{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
                                                 {"trillion", 1e12}, {"bn", 1e9}, {"mln", 1e6}, {"mn", 1e6}, {"m", 1e6}}};
constexpr std::array<Scaled, 30> kNumberWords = {
    {{"one", 1},     {"two", 2},       {"three", 3},     {"four", 4},      {"five", 5},     {"six", 6},
     {"seven", 7},   {"eight", 8},     {"nine", 9},      {"ten", 10},      {"eleven", 11},  {"twelve", 12},
     {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
     {"nineteen", 19}, {"twenty", 20}, {"thirty", 30},    {"forty", 40},    {"fifty", 50},   {"sixty", 60},
     {"seventy", 70}, {"eighty", 80},  {"ninety", 90},    {"hundred", 100}, {"dozen", 12},   {"thousand", 1000}}};
// Plural amounts without a number, drawn as a low figure of their order: a lower bound.
constexpr std::array<Scaled, 6> kVaguePlurals = {{{"dozens", 24},
                                                  {"scores", 40},
                                                  {"hundreds", 200},
                                                  {"thousands", 2000},
                                                  {"millions", 2e6},
                                                  {"billions", 2e9}}};
// Units that measure time, size or share: not what an event moves.
constexpr std::array<std::string_view, 34> kNotCounted = {
    "year", "years", "month", "months", "day", "days", "week", "weeks", "hour", "hours", "minute", "minutes",
    "second", "seconds", "decade", "decades", "century", "centuries", "time", "times", "percent", "per",
    "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "feet",
    "a.m.", "p.m."};
constexpr std::array<std::string_view, 69> kUnitStops = {
    "to", "from", "in", "into", "at", "on", "for", "by", "with", "that", "which", "who", "were", "was", "are",
    "is", "be", "been", "being", "have", "has", "had", "will", "would", "could", "can", "may", "might", "should",
    "or", "as", "than", "a", "an", "the", "this", "these", "those", "their", "its", "his", "her", "our", "each",
    "every", "since", "during", "over", "under", "after", "before", "while", "when", "where", "if", "but", "so",
    "not", "no", "said", "says", "through", "across", "toward", "towards", "against", "via", "between", "of"};
// Verbs that end a unit: "two men met", "the troops arrived".
constexpr std::array<std::string_view, 20> kUnitVerbs = {"met", "went", "came", "left", "made", "took", "said", "told",
                                                         "sent", "held", "fought", "arrived", "flew", "killed", "hit",
                                                         "struck", "sold", "bought", "gave", "got"};
// Words dropped from the front of a unit: "more than 11,000 North Korean soldiers" counts soldiers.
constexpr std::array<std::string_view, 9> kUnitFillers = {"new", "additional", "more", "other", "extra", "further",
                                                          "of", "such", "total"};

template <size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}
template <size_t N>
double scaled(const std::array<Scaled, N>& list, std::string_view w) {
    for (const Scaled& s : list)
        if (s.word == w) return s.value;
    return 0;
}

bool pureNumber(const Word& w) {
    return w.shape == WordShape::Number && w.lower.find_first_not_of("0123456789,.") == std::string::npos;
}
bool isYearLike(const Word& w) {
    return pureNumber(w) && w.lower.size() == 4 && w.number >= 1900 && w.number <= 2099;
}
bool isMonthName(const Word& w) {
    static constexpr std::array<std::string_view, 22> kMonths = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct"};
    return w.capitalised() && (in(kMonths, w.lower) || w.lower == "nov" || w.lower == "dec");
}

std::string formatValue(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

class Finder {
public:
    Finder(std::string_view text, const std::vector<Word>& words) : m_text(text), m_w(words) {}

    std::vector<QuantityPhrase> run() {
        std::vector<QuantityPhrase> out;
        for (size_t i = 0; i < m_w.size();) {
            if (auto q = at(i)) {
                i = q->endWord;
                out.push_back(std::move(*q));
            } else {
                ++i;
            }
        }
        return out;
    }

private:
    bool is(size_t i, std::string_view s) const { return i < m_w.size() && m_w[i].lower == s; }

    // The qualifier starting at i (its word count), "" when none.
    std::pair<std::string, size_t> qualifier(size_t i) const {
        for (std::string_view q : kQualifiers) {
            size_t n = 0, pos = 0;
            bool ok = true;
            while (pos < q.size()) {
                const size_t space = q.find(' ', pos);
                const std::string_view part = q.substr(pos, space == std::string_view::npos ? q.size() - pos : space - pos);
                if (!is(i + n, part)) ok = false;
                ++n;
                pos = space == std::string_view::npos ? q.size() : space + 1;
            }
            if (ok) return {std::string(q), n};
        }
        return {"", 0};
    }

    std::optional<QuantityPhrase> at(size_t i) const {
        QuantityPhrase q;
        q.firstWord = i;
        size_t k = i;
        auto [qual, qualWords] = qualifier(k);
        k += qualWords;
        // Currency before the number: $, US$, €, £.
        std::string currency;
        if (k < m_w.size() && (m_w[k].punct('$') || m_w[k].lower == "E" || m_w[k].lower == "L")) {
            currency = m_w[k].lower == "E" ? "euros" : m_w[k].lower == "L" ? "pounds" : "US dollars";
            ++k;
        } else if (is(k, "us") && k + 1 < m_w.size() && m_w[k + 1].punct('$')) {
            currency = "US dollars";
            k += 2;
        }
        double value = 0;
        bool vague = false;
        std::string note;
        if (k >= m_w.size()) return std::nullopt;
        const Word& w = m_w[k];
        q.numberWord = k;
        if (pureNumber(w)) {
            if (w.lower.find(',') == std::string::npos && w.lower.find('.') == std::string::npos && w.lower.size() > 1 &&
                w.lower[0] == '0')
                return std::nullopt;
            if (isYearLike(w) && qual.empty() && currency.empty()) return std::nullopt;
            if (k > 0 && isMonthName(m_w[k - 1])) return std::nullopt;              // "June 18"
            if (k + 1 < m_w.size() && isMonthName(m_w[k + 1])) return std::nullopt;  // "18 June"
            value = w.number;
            ++k;
            if (k < m_w.size() && m_w[k].punct('-') && k + 1 < m_w.size() && pureNumber(m_w[k + 1])) k += 2;  // 10,000-12,000
            if (const double m = scaled(kMultipliers, k < m_w.size() ? m_w[k].lower : ""); m > 0 &&
                (m_w[k].lower != "m" || !currency.empty())) {
                value *= m;
                ++k;
            }
        } else if (const double v = scaled(kNumberWords, w.lower); v > 0 && w.lower != "thousand") {
            value = v;
            ++k;
            if (w.lower == "dozen" && k >= 2 && is(k - 2, "a")) q.firstWord = std::min(q.firstWord, k - 2);
            if (const double m = scaled(kMultipliers, k < m_w.size() ? m_w[k].lower : ""); m > 0 && m_w[k].lower != "m") {
                value *= m;
                ++k;
            } else if (is(k, "hundred")) {
                value *= 100;
                ++k;
            }
        } else if ((w.lower == "several" || w.lower == "few") && k + 1 < m_w.size() &&
                   (is(k + 1, "hundred") || is(k + 1, "thousand") || is(k + 1, "million"))) {
            value = 3 * scaled(kNumberWords, m_w[k + 1].lower == "million" ? "" : m_w[k + 1].lower);
            if (m_w[k + 1].lower == "million") value = 3e6;
            qual = w.lower == "several" ? "several" : "a few";
            if (w.lower == "few" && k > 0 && is(k - 1, "a")) q.firstWord = k - 1;
            note = "'" + qual + " " + m_w[k + 1].lower + "' drawn as " + formatValue(value);
            k += 2;
            vague = true;
        } else if (const double plural = scaled(kVaguePlurals, w.lower); plural > 0 && is(k + 1, "of")) {
            // "hundreds of", "tens of thousands of", "hundreds of thousands of"
            value = plural;
            std::string phrase = w.lower;
            k += 2;
            if (const double inner = scaled(kVaguePlurals, k < m_w.size() ? m_w[k].lower : ""); inner > 0 && is(k + 1, "of")) {
                value = plural * inner / 2;  // "hundreds of thousands": 200 × 1,000
                phrase += " of " + m_w[k].lower;
                k += 2;
            }
            qual = phrase + " of";
            vague = true;
            note = "'" + qual + "' is a lower bound, drawn as " + formatValue(value);
        } else if (w.lower == "tens" && is(k + 1, "of")) {
            const double inner = scaled(kVaguePlurals, k + 2 < m_w.size() ? m_w[k + 2].lower : "");
            if (inner <= 0 || !is(k + 3, "of")) return std::nullopt;
            value = inner * 10;
            qual = "tens of " + m_w[k + 2].lower + " of";
            k += 4;
            vague = true;
            note = "'" + qual + "' is a lower bound, drawn as " + formatValue(value);
        } else {
            return std::nullopt;
        }
        if (value <= 0) return std::nullopt;
        // The unit: what is counted.
        size_t unitFirst = k, unitEnd = k;
        std::string unit;
        if (currency.empty()) {
            if (k < m_w.size() && (m_w[k].punct('%') || is(k, "percent") || is(k, "per"))) return std::nullopt;
            while (unitFirst < m_w.size() && in(kUnitFillers, m_w[unitFirst].lower)) ++unitFirst;
            // Demonyms describe, they are not the unit: "North Korean soldiers".
            for (size_t n = 2; n >= 1; --n) {
                if (unitFirst + n > m_w.size()) continue;
                std::string joined;
                for (size_t j = 0; j < n; ++j) joined += (j ? " " : "") + foldName(m_w[unitFirst + j].lower);
                if (!geo::demonymCountry(joined).empty() && unitFirst + n < m_w.size() && !m_w[unitFirst + n].isPunct()) {
                    unitFirst += n;
                    break;
                }
            }
            unitEnd = unitFirst;
            while (unitEnd < m_w.size() && unitEnd - unitFirst < 4) {
                const Word& u = m_w[unitEnd];
                // "14 Leopard 2 tanks": a model number after a name stays in the unit.
                const bool modelNumber = u.shape == WordShape::Number && unitEnd > unitFirst && m_w[unitEnd - 1].capitalised();
                if (u.isPunct() || (u.shape == WordShape::Number && !modelNumber) || in(kUnitStops, u.lower) || u.lower == "and") break;
                if (unitEnd > unitFirst && (u.lower.ends_with("ed") || u.lower.ends_with("ing"))) break;
                if (unitEnd > unitFirst && in(kUnitVerbs, u.lower)) break;
                ++unitEnd;
                // A plural noun ends the unit ("leaders represents" never).
                if (u.lower.size() > 3 && u.lower.ends_with("s") && !u.lower.ends_with("ss") && !u.capitalised()) break;
            }
            // "workers and deminers": a second plural noun that ends the phrase joins the unit.
            if (unitEnd > unitFirst && is(unitEnd, "and") && unitEnd + 1 < m_w.size() && m_w[unitEnd + 1].lower.ends_with("s") &&
                m_w[unitEnd + 1].shape == WordShape::Lower &&
                (unitEnd + 2 == m_w.size() || m_w[unitEnd + 2].isPunct() || in(kUnitStops, m_w[unitEnd + 2].lower)))
                unitEnd += 2;
            if (unitEnd == unitFirst) return std::nullopt;
            if (in(kNotCounted, m_w[unitEnd - 1].lower) || in(kNotCounted, m_w[unitFirst].lower)) return std::nullopt;
            if (m_w[unitFirst].lower.ends_with("-old") || m_w[unitFirst].lower.starts_with("year")) return std::nullopt;
            unit = std::string(m_text.substr(m_w[unitFirst].start, m_w[unitEnd - 1].end - m_w[unitFirst].start));
            q.unitHead = m_w[unitEnd - 1].lower;
            if (unitFirst > k) unitFirst = k;  // the span keeps what came between
        } else {
            // "$1.2 billion in military aid": the money is the unit; "US" before "$" belongs to it.
            unit = currency;
            q.unitHead = currency.substr(currency.rfind(' ') + 1);
            q.money = true;
            unitEnd = k;
        }
        q.endWord = std::max(unitEnd, k);
        q.value = value;
        q.unit = std::move(unit);
        q.qualifier = std::move(qual);
        q.note = std::move(note);
        q.span = {m_w[q.firstWord].start, m_w[q.endWord - 1].end};
        q.text = std::string(m_text.substr(q.span.start, q.span.end - q.span.start));
        q.confidence = vague ? 0.6f : 0.9f;
        // Money written as a word after the number: "1.2 billion dollars", "500 million rubles".
        static constexpr std::array<std::string_view, 10> kCurrencies = {"dollars", "euros", "rubles", "roubles", "yuan",
                                                                         "won", "pounds", "rupees", "rials", "hryvnias"};
        if (!q.money && in(kCurrencies, q.unitHead)) q.money = true;
        return q;
    }

    std::string_view m_text;
    const std::vector<Word>& m_w;
};

}  // namespace

std::vector<QuantityPhrase> findQuantities(std::string_view text, const std::vector<Word>& words) {
    return Finder(text, words).run();
}

}  // namespace briefmap::draft
