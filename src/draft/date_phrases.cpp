#include "draft/date_phrases.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>

namespace briefmap::draft {

using model::DatePrecision;
using model::DayNumber;
using model::PartialDate;

namespace {

// --- word tables ---------------------------------------------------------------------------------

struct NamedNumber {
    std::string_view word;
    int value;
};

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",   "may",      "june",
                                                      "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<NamedNumber, 12> kMonthAbbreviations = {{{"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4},
                                                              {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
                                                              {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}}};
constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};
// Seasons by their first month: winter runs December to February.
constexpr std::array<NamedNumber, 5> kSeasons = {{{"winter", 12}, {"spring", 3}, {"summer", 6}, {"fall", 9}, {"autumn", 9}}};
constexpr std::array<NamedNumber, 16> kSmallNumbers = {{{"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3},
                                                        {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7}, {"eight", 8},
                                                        {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12},
                                                        {"several", 3}, {"few", 3}}};
// Words before a time phrase that make it future: "will travel on Tuesday", "scheduled for Friday".
constexpr std::array<std::string_view, 16> kFutureCues = {"will", "'ll", "shall", "scheduled", "expected", "planned",
                                                          "plans", "planning", "due", "upcoming", "set", "going",
                                                          "intends", "aims", "hopes", "would"};
// Well-known anchors news dates things from ("since the invasion").
struct Anchor {
    std::array<std::string_view, 4> words;  // lower-case, "" pads
    int year, month, day;
};
constexpr std::array<Anchor, 4> kAnchors = {{{{"full-scale", "invasion", "", ""}, 2022, 2, 24},
                                            {{"invasion", "of", "ukraine", ""}, 2022, 2, 24},
                                            {{"start", "of", "the", "war"}, 2022, 2, 24},
                                            {{"beginning", "of", "the", "war"}, 2022, 2, 24}}};

template <size_t N>
int lookup(const std::array<NamedNumber, N>& table, std::string_view w) {
    for (const NamedNumber& n : table)
        if (n.word == w) return n.value;
    return 0;
}

// --- calendar helpers ------------------------------------------------------------------------------

int weekdayOf(DayNumber d) { return static_cast<int>(((d % 7) + 7 + 3) % 7); }  // 0 = Monday (1970-01-01: Thursday)

PartialDate monthDate(int year, int month) { return {year, month, 0}; }
PartialDate yearDate(int year) { return {year, 0, 0}; }

// Month index (year*12 + month-1) arithmetic.
int monthIndex(int year, int month) { return year * 12 + month - 1; }
PartialDate monthAt(int index) { return {index / 12, index % 12 + 1, 0}; }

DateRange dayRange(DayNumber d) { return {model::dateOfDay(d), model::dateOfDay(d), DatePrecision::Day}; }
DateRange daysRange(DayNumber a, DayNumber b) { return {model::dateOfDay(a), model::dateOfDay(b), DatePrecision::Day}; }
DateRange monthRange(PartialDate m) { return {m, m, DatePrecision::Month}; }
DateRange monthsRange(PartialDate a, PartialDate b) { return {a, b, DatePrecision::Month}; }
DateRange yearRange(int y) { return {yearDate(y), yearDate(y), DatePrecision::Year}; }
DateRange seasonRange(int year, int firstMonth) {
    const int first = monthIndex(year, firstMonth);
    return {monthAt(first), monthAt(first + 2), DatePrecision::Season};
}

bool isYear(const Word& w) {
    return w.shape == WordShape::Number && w.lower.size() == 4 && w.number >= 1900 && w.number <= 2099 &&
           w.lower.find_first_not_of("0123456789") == std::string::npos;
}

int dayOfMonth(const Word& w) {
    if (w.shape != WordShape::Number || w.number < 1 || w.number > 31 || w.number != static_cast<int>(w.number)) return 0;
    const std::string_view s = w.lower;
    const size_t digits = s.find_first_not_of("0123456789");
    if (digits != std::string_view::npos) {
        const std::string_view suffix = s.substr(digits);
        if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
    }
    return static_cast<int>(w.number);
}

// --- the parser --------------------------------------------------------------------------------------

class Parser {
public:
    Parser(std::string_view text, const std::vector<Word>& words, const PartialDate& published)
        : m_text(text), m_w(words), m_pub(published) {
        m_hasDay = published.day != 0;
        m_pubDay = m_hasDay ? published.firstDay() : published.lastDay();
        const PartialDate p = model::dateOfDay(m_pubDay);
        m_pubYear = published.year;
        m_pubMonth = published.month ? published.month : p.month;
    }

    std::vector<TimePhrase> run() {
        std::vector<TimePhrase> out;
        for (size_t i = 0; i < m_w.size();) {
            std::optional<TimePhrase> phrase = withRole(i);
            if (!phrase) {
                ++i;
                continue;
            }
            i = phrase->endWord;
            out.push_back(*phrase);
        }
        return out;
    }

private:
    struct Atom {
        size_t end;  // word index after the atom
        DateRange range;
        bool relative = false;
        float confidence = 0.9f;
    };

    const Word* word(size_t i) const { return i < m_w.size() ? &m_w[i] : nullptr; }
    bool is(size_t i, std::string_view s) const { return i < m_w.size() && m_w[i].lower == s; }
    // Skips the full stop of an abbreviation ("Sept.").
    size_t skipDot(size_t i) const { return is(i, ".") ? i + 1 : i; }

    bool futureBefore(size_t i) const {
        for (size_t k = i; k > 0 && i - k < 10; --k) {
            const Word& w = m_w[k - 1];
            if (w.punct(';') || w.punct('.')) break;
            if (std::find(kFutureCues.begin(), kFutureCues.end(), w.lower) != kFutureCues.end()) {
                // "set to", "due to": future; "set off on Sunday": not.
                if ((w.lower == "set" || w.lower == "due") && !is(k, "to") && !is(k, "for")) continue;
                return true;
            }
            if (w.lower == "to" && k >= 2 && (m_w[k - 2].lower == "is" || m_w[k - 2].lower == "are")) return true;
        }
        return false;
    }

    int monthWord(size_t i) const {
        const Word* w = word(i);
        if (!w || !w->capitalised()) return 0;  // "may" and "march" in lower case are verbs
        for (size_t m = 0; m < kMonths.size(); ++m)
            if (w->lower == kMonths[m]) return static_cast<int>(m) + 1;
        const int abbreviated = lookup(kMonthAbbreviations, w->lower);
        return abbreviated && is(i + 1, ".") ? abbreviated : (abbreviated && w->lower.size() == 3 && w->lower != "mar" ? abbreviated : 0);
    }

    int weekdayWord(size_t i) const {
        const Word* w = word(i);
        if (!w || !w->capitalised()) return -1;
        for (size_t d = 0; d < kWeekdays.size(); ++d)
            if (w->lower == kWeekdays[d]) return static_cast<int>(d);
        return -1;
    }

    // The most recent (or, in the future, the next) occurrence of a month.
    PartialDate resolveMonth(int month, bool future) const {
        int year = m_pubYear;
        if (future) {
            if (month < m_pubMonth) ++year;
        } else if (month > m_pubMonth) {
            --year;
        }
        return monthDate(year, month);
    }

    // A day and month without a year: the year that puts it nearest the publication date, on the
    // side the tense says.
    DayNumber resolveDayMonth(int month, int day, bool future) const {
        DayNumber best = 0;
        bool found = false;
        for (int y = m_pubYear - 1; y <= m_pubYear + 1; ++y) {
            if (day > model::daysInMonth(y, month)) continue;
            const DayNumber d = model::dayNumber(y, month, day);
            const bool onSide = future ? d >= m_pubDay - 1 : d <= m_pubDay + 7;
            if (!onSide) continue;
            if (!found || std::abs(d - m_pubDay) < std::abs(best - m_pubDay)) best = d, found = true;
        }
        return found ? best : model::dayNumber(m_pubYear, month, std::min(day, model::daysInMonth(m_pubYear, month)));
    }

    std::optional<DateRange> weekdayRange(int weekday, bool future, int weekShift) const {
        if (!m_hasDay) return monthRange(monthDate(m_pubYear, m_pubMonth));
        const int today = weekdayOf(m_pubDay);
        DayNumber d;
        if (weekShift != 0) {  // "last Tuesday" / "next Tuesday": in the week before or after
            const DayNumber monday = m_pubDay - today + 7 * weekShift;
            d = monday + weekday;
        } else if (future) {
            d = m_pubDay + ((weekday - today + 7) % 7 == 0 ? 7 : (weekday - today + 7) % 7);
        } else {
            d = m_pubDay - (today - weekday + 7) % 7;
        }
        return dayRange(d);
    }

    // One date on its own, without since/until/between.
    std::optional<Atom> atom(size_t i) const {
        const Word* w = word(i);
        if (!w) return std::nullopt;
        // ISO date: 2024-03-12 is one word with hyphens.
        if (w->shape == WordShape::Number && w->lower.size() >= 10 && w->lower[4] == '-' && w->lower[7] == '-' &&
            (w->lower.size() == 10 || w->lower[10] == 't')) {  // 2024-03-12, 2024-03-12T09
            if (Result<PartialDate> d = model::parsePartialDate(std::string_view(w->lower).substr(0, 10)))
                return Atom{i + 1, dayRange(d->firstDay()), false, 0.95f};
        }
        if (const int month = monthWord(i)) {
            size_t j = skipDot(i + 1);
            if (const Word* d = word(j); d && dayOfMonth(*d)) {  // "September 13", "Sept. 13, 2023"
                const int day = dayOfMonth(*d);
                size_t k = j + 1;
                if (is(k, ",")) ++k;
                if (const Word* y = word(k); y && isYear(*y)) {
                    const int year = static_cast<int>(y->number);
                    if (day <= model::daysInMonth(year, month))
                        return Atom{k + 1, dayRange(model::dayNumber(year, month, day)), false, 0.97f};
                }
                return Atom{j + 1, dayRange(resolveDayMonth(month, day, futureBefore(i))), true, 0.9f};
            }
            if (const Word* y = word(j); y && isYear(*y)) return Atom{j + 1, monthRange(monthDate(static_cast<int>(y->number), month)), false, 0.95f};
            if (is(j, "of") && word(j + 1) && isYear(*word(j + 1)))
                return Atom{j + 2, monthRange(monthDate(static_cast<int>(word(j + 1)->number), month)), false, 0.95f};
            if (w->lower == "may" && !is(i - 1, "in") && !is(i - 1, "since") && !is(i - 1, "early") &&
                !is(i - 1, "late") && !is(i - 1, "last") && !is(i - 1, "until"))
                return std::nullopt;  // "May" opening a sentence is mostly the verb
            return Atom{j, monthRange(resolveMonth(month, futureBefore(i))), true, 0.85f};
        }
        if (const int day = dayOfMonth(*w)) {  // "13 September 2023", "13 September"
            const int month = monthWord(i + 1);
            if (month) {
                size_t k = skipDot(i + 2);
                if (const Word* y = word(k); y && isYear(*y) && day <= model::daysInMonth(static_cast<int>(y->number), month))
                    return Atom{k + 1, dayRange(model::dayNumber(static_cast<int>(y->number), month, day)), false, 0.97f};
                return Atom{k, dayRange(resolveDayMonth(month, day, futureBefore(i))), true, 0.9f};
            }
        }
        if (isYear(*w)) {
            if (i > 0 && (m_w[i - 1].punct('$') || m_w[i - 1].lower == "E" || m_w[i - 1].lower == "L")) return std::nullopt;
            if (is(i + 1, "%")) return std::nullopt;
            return Atom{i + 1, yearRange(static_cast<int>(w->number)), false, 0.9f};
        }
        if (w->lower.starts_with("mid-") && w->lower.size() == 8) {  // mid-2023
            const int y = std::atoi(w->lower.c_str() + 4);
            if (y >= 1900 && y <= 2099) return Atom{i + 1, monthsRange(monthDate(y, 5), monthDate(y, 8)), false, 0.8f};
        }
        if ((w->lower == "earlier" || w->lower == "late" || w->lower == "early") && weekdayWord(i + 1) >= 0)
            return atom(i + 1);  // "earlier Monday", "late Friday"
        const int weekday = weekdayWord(i);
        if (weekday >= 0) {
            size_t end = i + 1;
            if (is(end, "night") || is(end, "morning") || is(end, "afternoon") || is(end, "evening")) ++end;
            const bool future = futureBefore(i) || is(i - 1, "next") || is(i - 1, "coming");
            const int shift = is(i - 1, "last") ? -1 : is(i - 1, "next") ? 1 : 0;
            if (auto r = weekdayRange(weekday, future && shift == 0, shift)) return Atom{end, *r, true, m_hasDay ? 0.85f : 0.5f};
        }
        if (w->lower == "yesterday") return dayAtom(i + 1, m_pubDay - 1);
        if (w->lower == "today" || w->lower == "tonight") return dayAtom(i + 1, m_pubDay);
        if (w->lower == "tomorrow") return dayAtom(i + 1, m_pubDay + 1);
        if (w->lower == "recently") return Atom{i + 1, monthsRange(monthAt(monthIndex(m_pubYear, m_pubMonth) - 1), monthDate(m_pubYear, m_pubMonth)), true, 0.45f};
        if (auto a = relativeAtom(i)) return a;
        if (auto a = seasonAtom(i)) return a;
        if (auto a = partOfPeriod(i)) return a;
        return std::nullopt;
    }

    std::optional<Atom> dayAtom(size_t end, DayNumber d) const {
        if (!m_hasDay) return Atom{end, monthRange(monthDate(m_pubYear, m_pubMonth)), true, 0.5f};
        return Atom{end, dayRange(d), true, 0.9f};
    }

    // last/this/next/past year|month|week|weekend, earlier/later this year, N units ago, in recent
    // weeks, over the past N months.
    std::optional<Atom> relativeAtom(size_t i) const {
        const Word& w = m_w[i];
        const int pubMonthIndex = monthIndex(m_pubYear, m_pubMonth);
        const int today = m_hasDay ? weekdayOf(m_pubDay) : 0;
        if ((w.lower == "earlier" || w.lower == "later") && is(i + 1, "this")) {
            const bool earlier = w.lower == "earlier";
            if (is(i + 2, "year"))
                return Atom{i + 3, earlier ? monthsRange(monthDate(m_pubYear, 1), monthDate(m_pubYear, m_pubMonth))
                                           : monthsRange(monthDate(m_pubYear, m_pubMonth), monthDate(m_pubYear, 12)), true, 0.75f};
            if (is(i + 2, "month")) return Atom{i + 3, monthRange(monthDate(m_pubYear, m_pubMonth)), true, 0.8f};
            if (is(i + 2, "week") && m_hasDay)
                return Atom{i + 3, earlier ? daysRange(m_pubDay - today, m_pubDay) : daysRange(m_pubDay, m_pubDay - today + 6), true, 0.75f};
        }
        if (w.lower == "last" || w.lower == "this" || w.lower == "next" || w.lower == "past" || w.lower == "coming") {
            const int shift = w.lower == "last" || w.lower == "past" ? -1 : w.lower == "next" || w.lower == "coming" ? 1 : 0;
            if (is(i + 1, "year")) return Atom{i + 2, yearRange(m_pubYear + shift), true, 0.9f};
            if (is(i + 1, "month")) return Atom{i + 2, monthRange(monthAt(pubMonthIndex + shift)), true, 0.9f};
            if ((is(i + 1, "week") || is(i + 1, "weekend")) && m_hasDay) {
                const DayNumber monday = m_pubDay - today + 7 * shift;
                return Atom{i + 2, is(i + 1, "week") ? daysRange(monday, monday + 6) : daysRange(monday + 5, monday + 6), true, 0.85f};
            }
            if ((is(i + 1, "week") || is(i + 1, "weekend")) && !m_hasDay)
                return Atom{i + 2, monthRange(monthDate(m_pubYear, m_pubMonth)), true, 0.5f};
            if (const int month = monthWord(i + 1); month && shift != 0) {  // "last March"
                PartialDate m = resolveMonth(month, shift > 0);
                if (shift < 0 && month == m_pubMonth) m.year -= 1;
                return Atom{skipDot(i + 2), monthRange(m), true, 0.85f};
            }
        }
        // "N days/weeks/months/years ago"
        if (int n = amount(i); n > 0) {
            const size_t unit = i + 1;
            if (is(unit + 1, "ago")) {
                if (startsWith(unit, "day") && m_hasDay) return Atom{unit + 2, dayRange(m_pubDay - n), true, 0.85f};
                if (startsWith(unit, "week") && m_hasDay) {
                    const DayNumber d = m_pubDay - 7 * n;
                    return Atom{unit + 2, daysRange(d - weekdayOf(d), d - weekdayOf(d) + 6), true, 0.7f};
                }
                if (startsWith(unit, "month")) return Atom{unit + 2, monthRange(monthAt(pubMonthIndex - n)), true, 0.8f};
                if (startsWith(unit, "year")) return Atom{unit + 2, yearRange(m_pubYear - n), true, 0.85f};
            }
        }
        // "recent weeks" (after "in"/"over"): a span up to the publication date.
        if (w.lower == "recent" && (is(i + 1, "weeks") || is(i + 1, "months") || is(i + 1, "days")))
            return Atom{i + 2, recentSpan(m_w[i + 1].lower, 1), true, 0.6f};
        // "the past 17 months", "the last two years", "the past year"
        if (w.lower == "the" && (is(i + 1, "past") || is(i + 1, "last"))) {
            size_t k = i + 2;
            int n = 1;
            if (const int a = amount(k); a > 0 && !is(k, "a")) n = a, ++k;
            if (const Word* u = word(k); u && (startsWith(k, "day") || startsWith(k, "week") || startsWith(k, "month") || startsWith(k, "year")) && u->lower != "yearly")
                return Atom{k + 1, recentSpan(u->lower, n), true, 0.7f};
        }
        return std::nullopt;
    }

    bool startsWith(size_t i, std::string_view prefix) const {
        const Word* w = word(i);
        return w && w->lower.starts_with(prefix) && w->lower.size() <= prefix.size() + 1;
    }

    int amount(size_t i) const {
        const Word* w = word(i);
        if (!w) return 0;
        if (w->shape == WordShape::Number && w->number >= 1 && w->number < 200 && w->number == static_cast<int>(w->number))
            return static_cast<int>(w->number);
        return lookup(kSmallNumbers, w->lower);
    }

    // From n units before publication up to it.
    DateRange recentSpan(std::string_view unit, int n) const {
        const int pubMonthIndex = monthIndex(m_pubYear, m_pubMonth);
        if (unit.starts_with("day") && m_hasDay) return daysRange(m_pubDay - std::max(n, 7), m_pubDay);
        if (unit.starts_with("week")) {
            if (m_hasDay) return daysRange(m_pubDay - 7 * std::max(n, 4), m_pubDay);
            return monthsRange(monthAt(pubMonthIndex - 1), monthDate(m_pubYear, m_pubMonth));
        }
        if (unit.starts_with("month")) return monthsRange(monthAt(pubMonthIndex - std::max(n, 3)), monthDate(m_pubYear, m_pubMonth));
        if (unit.starts_with("year"))
            return n == 1 ? monthsRange(monthAt(pubMonthIndex - 12), monthDate(m_pubYear, m_pubMonth))
                          : DateRange{yearDate(m_pubYear - n), monthDate(m_pubYear, m_pubMonth), DatePrecision::Year};
        return monthRange(monthDate(m_pubYear, m_pubMonth));
    }

    // [last|this|next|the] winter|spring|summer|fall|autumn [of] [YEAR]
    std::optional<Atom> seasonAtom(size_t i) const {
        size_t k = i;
        int shift = 0;
        bool qualified = false;
        if (is(k, "last") || is(k, "this") || is(k, "next") || is(k, "past")) {
            shift = is(k, "last") || is(k, "past") ? -1 : is(k, "next") ? 1 : 0;
            qualified = true;
            ++k;
        } else if (is(k, "the")) {
            ++k;
        }
        const Word* s = word(k);
        if (!s) return std::nullopt;
        const int first = lookup(kSeasons, s->lower);
        if (!first) return std::nullopt;
        size_t end = k + 1;
        if (is(end, "of") && word(end + 1) && isYear(*word(end + 1))) ++end;
        if (const Word* y = word(end); y && isYear(*y)) {
            return Atom{end + 1, seasonRange(static_cast<int>(y->number), first), false, 0.85f};
        }
        if (!qualified && !is(i, "the") && !(i > 0 && (is(i - 1, "in") || is(i - 1, "since") || is(i - 1, "during"))))
            return std::nullopt;  // "spring" as a verb or in "a summer camp"
        // The season that contains the publication date is "this"; "last" is the one before it.
        const int pubMonthIndex = monthIndex(m_pubYear, m_pubMonth);
        int start = monthIndex(m_pubYear, first);
        while (start > pubMonthIndex) start -= 12;
        while (start + 12 <= pubMonthIndex) start += 12;
        const bool containsNow = pubMonthIndex <= start + 2;
        if (shift < 0 || (!qualified && !containsNow && !futureBefore(i))) {
            if (containsNow) start -= 12;
        } else if (shift > 0 || (!qualified && futureBefore(i))) {
            if (start <= pubMonthIndex) start += 12;
        }
        const PartialDate a = monthAt(start);
        return Atom{end, seasonRange(a.year, a.month), true, 0.8f};
    }

    // early/mid/late YEAR or last year; the end/beginning of …; the first/second half of YEAR.
    std::optional<Atom> partOfPeriod(size_t i) const {
        const Word& w = m_w[i];
        int firstMonth = 0, lastMonth = 0;
        size_t k = i + 1;
        if (w.lower == "early" || w.lower == "earlier") firstMonth = 1, lastMonth = 4;
        else if (w.lower == "mid" || w.lower == "middle") firstMonth = 5, lastMonth = 8;
        else if (w.lower == "late" || w.lower == "later") firstMonth = 9, lastMonth = 12;
        else if (w.lower == "the" && (is(i + 1, "end") || is(i + 1, "beginning") || is(i + 1, "start")) && is(i + 2, "of")) {
            firstMonth = is(i + 1, "end") ? 12 : 1;
            lastMonth = firstMonth;
            k = i + 3;
        } else if (w.lower == "the" && (is(i + 1, "first") || is(i + 1, "second")) && is(i + 2, "half") && is(i + 3, "of")) {
            firstMonth = is(i + 1, "first") ? 1 : 7;
            lastMonth = firstMonth + 5;
            k = i + 4;
        } else {
            return std::nullopt;
        }
        if (is(k, "in")) ++k;
        int year = 0;
        size_t end = k;
        if (const Word* y = word(k); y && isYear(*y)) year = static_cast<int>(y->number), end = k + 1;
        else if ((is(k, "last") || is(k, "this") || is(k, "next")) && is(k + 1, "year"))
            year = m_pubYear + (is(k, "last") ? -1 : is(k, "next") ? 1 : 0), end = k + 2;
        else if (is(k, "the") && is(k + 1, "year")) year = m_pubYear, end = k + 2;
        else if (const int month = monthWord(k); month && (w.lower == "early" || w.lower == "mid" || w.lower == "late")) {
            // "early March", "late June 2024": the month itself.
            size_t j = skipDot(k + 1);
            if (const Word* yw = word(j); yw && isYear(*yw)) return Atom{j + 1, monthRange(monthDate(static_cast<int>(yw->number), month)), false, 0.9f};
            return Atom{j, monthRange(resolveMonth(month, futureBefore(i))), true, 0.8f};
        }
        if (!year) return std::nullopt;
        if (firstMonth == lastMonth) return Atom{end, monthRange(monthDate(year, firstMonth)), false, 0.75f};
        return Atom{end, monthsRange(monthDate(year, firstMonth), monthDate(year, lastMonth)), false, 0.75f};
    }

    std::optional<Atom> anchorAtom(size_t i) const {
        for (const Anchor& a : kAnchors) {
            size_t k = i;
            if (is(k, "the")) ++k;
            else if (word(k) && word(k)->possessive) ++k;  // "Russia's full-scale invasion"
            bool ok = true;
            size_t n = 0;
            for (std::string_view part : a.words) {
                if (part.empty()) break;
                if (!is(k + n, part)) ok = false;
                ++n;
            }
            if (ok) return Atom{k + n, dayRange(model::dayNumber(a.year, a.month, a.day)), false, 0.8f};
        }
        return std::nullopt;
    }

    std::optional<TimePhrase> withRole(size_t i) const {
        const Word& w = m_w[i];
        TimePhrase p;
        p.firstWord = i;
        auto finish = [&](const Atom& a, size_t end, TimeRole role, DateRange range) {
            p.endWord = end;
            p.role = role;
            p.range = range;
            p.relative = a.relative;
            p.confidence = a.confidence;
            p.future = futureBefore(i);
            p.span = {m_w[i].start, m_w[end - 1].end};
            return p;
        };
        // between A and B / from A to B / A to B (months)
        if (w.lower == "between" || w.lower == "from") {
            if (auto a = atom(i + 1)) {
                const size_t mid = a->end;
                if (is(mid, "and") || is(mid, "to") || is(mid, "until") || is(mid, "through") || is(mid, "-")) {
                    if (auto b = atom(mid + 1)) {
                        DateRange r = a->range;
                        fixOpenYear(r, b->range);
                        r.end = b->range.end;
                        if (r.end.lastDay() >= r.start.firstDay()) return finish(*a, b->end, TimeRole::Between, r);
                    }
                }
                if (w.lower == "from") return finish(*a, a->end, TimeRole::Since, a->range);
            }
        }
        if (w.lower == "since" || w.lower == "until" || w.lower == "till" || w.lower == "through" || w.lower == "by") {
            const TimeRole role = w.lower == "since" ? TimeRole::Since : TimeRole::Until;
            if (auto a = atom(i + 1)) return finish(*a, a->end, role, a->range);
            if (role == TimeRole::Since) {
                if (auto a = anchorAtom(i + 1)) return finish(*a, a->end, role, a->range);
                // "since the Russians invaded in late February": a clause with a date in it.
                for (size_t k = i + 2; k < m_w.size() && k < i + 9 && !m_w[k].isPunct(); ++k)
                    if (is(k, "in") || is(k, "on") || is(k, "last"))
                        if (auto a = atom(is(k, "last") ? k : k + 1)) return finish(*a, a->end, role, a->range);
            }
            return std::nullopt;
        }
        if (w.lower == "in" || w.lower == "on" || w.lower == "during" || w.lower == "over" || w.lower == "at" || w.lower == "of") {
            if (auto a = atom(i + 1)) return withRange(finish(*a, a->end, TimeRole::At, a->range), *a);
            return std::nullopt;
        }
        if (auto a = atom(i)) return withRange(finish(*a, a->end, TimeRole::At, a->range), *a);
        return std::nullopt;
    }

    // "October to December" after an atom: an interval.
    TimePhrase withRange(TimePhrase p, const Atom& a) const {
        const size_t mid = a.end;
        if ((is(mid, "to") || is(mid, "-") || is(mid, "and")) && (monthWord(mid + 1) || (word(mid + 1) && isYear(*word(mid + 1))))) {
            if (auto b = atom(mid + 1); b && b->range.precision == a.range.precision) {
                DateRange r = a.range;
                fixOpenYear(r, b->range);
                r.end = b->range.end;
                if (r.end.lastDay() >= r.start.firstDay()) {
                    p.range = r;
                    p.role = TimeRole::Between;
                    p.endWord = b->end;
                    p.span.end = m_w[b->end - 1].end;
                }
            }
        }
        return p;
    }

    // "between October and December 2023": the first end takes the second's year.
    static void fixOpenYear(DateRange& first, const DateRange& second) {
        if (first.start.month && second.end.year && first.start.year != second.end.year &&
            first.start.month <= second.end.month && first.precision != DatePrecision::Year) {
            first.start.year = second.end.year;
            first.end.year = second.end.year;
        }
    }

    std::string_view m_text;
    const std::vector<Word>& m_w;
    PartialDate m_pub;
    bool m_hasDay = false;
    DayNumber m_pubDay = 0;
    int m_pubYear = 0, m_pubMonth = 1;
};

}  // namespace

std::vector<TimePhrase> findTimePhrases(std::string_view text, const std::vector<Word>& words, const PartialDate& published) {
    if (published.year == 0) return {};
    return Parser(text, words, published).run();
}

DateRange publicationMonth(const PartialDate& published) {
    if (!published.month) return yearRange(published.year);
    return monthRange(monthDate(published.year, published.month));
}

std::optional<PartialDate> findDatelineDate(std::string_view text, size_t limit) {
    const std::string_view head = text.substr(0, std::min(limit, text.size()));
    const std::vector<Word> words = splitWords(head, {0, static_cast<uint32_t>(head.size())});
    // Only full dates count: a dateline's "Sept. 12" has no year to stand on.
    const PartialDate anyDay{2000, 1, 1};
    for (const TimePhrase& p : Parser(head, words, anyDay).run()) {
        if (p.relative || p.range.precision != DatePrecision::Day || !(p.range.start == p.range.end)) continue;
        return p.range.start;
    }
    return std::nullopt;
}

}  // namespace briefmap::draft
