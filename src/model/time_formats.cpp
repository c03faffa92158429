#include "model/time_formats.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace briefmap::model {

namespace {

constexpr std::array<std::string_view, static_cast<size_t>(TimeFormat::Count)> kNames = {
    "ISO 8601", "YYYYMMDD", "d-Mon-YY", "DD Month YYYY", "Month DD, YYYY", "YYYY/MM/DD", "DD.MM.YYYY",
    "MM/DD/YYYY", "DD/MM/YYYY", "epoch seconds", "epoch milliseconds"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
}

// Reads exactly `digits` digits (or 1..digits when `upTo`) at `pos`.
bool number(std::string_view s, size_t& pos, int minDigits, int maxDigits, int& out) {
    int n = 0, value = 0;
    while (pos < s.size() && n < maxDigits && std::isdigit(static_cast<unsigned char>(s[pos]))) {
        value = value * 10 + (s[pos] - '0');
        ++pos, ++n;
    }
    out = value;
    return n >= minDigits;
}

std::optional<PartialDate> checked(int year, int month, int day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return std::nullopt;
    return PartialDate{year, month, day};
}

int monthFromName(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march", "april", "may", "june",
                                                                 "july", "august", "september", "october", "november", "december"};
    if (word.size() < 3) return 0;
    std::string lower;
    for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!lower.empty() && lower.back() == '.') lower.pop_back();
    if (lower == "sept") return 9;
    for (size_t m = 0; m < 12; ++m)
        if (lower.size() <= kMonths[m].size() && kMonths[m].compare(0, lower.size(), lower) == 0 && lower.size() >= 3) return static_cast<int>(m) + 1;
    return 0;
}

int fullYear(int year, int digits) {
    if (digits != 2) return year;
    return year < 50 ? 2000 + year : 1900 + year;  // ACLED's YY: 97 → 1997, 20 → 2020
}

// The rest after a date: nothing, or a time of day we do not keep ("09:07:31.00", "T12:00").
bool timeOfDayOnly(std::string_view rest) {
    if (rest.empty()) return true;
    if (rest[0] != ' ' && rest[0] != 'T') return false;
    for (char c : rest.substr(1))
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.' && c != ' ' && c != 'A' && c != 'P' && c != 'M')
            return false;
    return true;
}

std::optional<PartialDate> parseIso(std::string_view s) {
    size_t pos = 0;
    int year = 0, month = 0, day = 0;
    if (!number(s, pos, 4, 4, year)) return std::nullopt;
    if (pos == s.size()) return year >= 1 ? std::optional(PartialDate{year, 0, 0}) : std::nullopt;
    if (s[pos] != '-' || !number(s, ++pos, 2, 2, month)) return std::nullopt;
    if (pos == s.size()) return month >= 1 && month <= 12 ? std::optional(PartialDate{year, month, 0}) : std::nullopt;
    if (s[pos] != '-' || !number(s, ++pos, 2, 2, day)) return std::nullopt;
    std::optional<PartialDate> date = checked(year, month, day);
    if (!date || pos == s.size()) return date;
    if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (!number(s, ++pos, 2, 2, hour) || hour > 24) return std::nullopt;
    if (pos < s.size() && s[pos] == ':' && !number(s, ++pos, 2, 2, minute)) return std::nullopt;
    if (pos < s.size() && s[pos] == ':' && !number(s, ++pos, 2, 2, second)) return std::nullopt;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    }
    while (pos < s.size() && s[pos] == ' ') ++pos;
    int offsetMinutes = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        const int sign = s[pos] == '-' ? -1 : 1;
        int oh = 0, om = 0;
        if (!number(s, ++pos, 2, 2, oh)) return std::nullopt;
        if (pos < s.size() && s[pos] == ':') ++pos;
        if (pos < s.size()) number(s, pos, 2, 2, om);
        offsetMinutes = sign * (oh * 60 + om);
    } else if (s.substr(pos) == "UTC" || s.substr(pos) == "GMT") {
        pos = s.size();
    }
    if (pos != s.size()) return std::nullopt;
    // The UTC date: local time minus the zone's offset.
    const int minutes = hour * 60 + minute - offsetMinutes;
    const DayNumber utcDay = date->firstDay() + static_cast<DayNumber>(std::floor(minutes / 1440.0));
    return dateOfDay(utcDay);
}

std::optional<PartialDate> parseCompact(std::string_view s) {
    if (s.size() != 8) return std::nullopt;
    size_t pos = 0;
    int year = 0, month = 0, day = 0;
    if (!number(s, pos, 4, 4, year) || !number(s, pos, 2, 2, month) || !number(s, pos, 2, 2, day)) return std::nullopt;
    if (year < 1800 || year > 2200) return std::nullopt;
    return checked(year, month, day);
}

// "9-May-20", "09-May-2020"
std::optional<PartialDate> parseDayMonShort(std::string_view s) {
    const size_t a = s.find('-'), b = s.rfind('-');
    if (a == std::string_view::npos || a == b) return std::nullopt;
    size_t pos = 0;
    int day = 0, year = 0;
    if (!number(s, pos, 1, 2, day) || pos != a) return std::nullopt;
    const int month = monthFromName(s.substr(a + 1, b - a - 1));
    pos = b + 1;
    if (!month || !number(s, pos, 2, 4, year) || pos != s.size() || (pos - b - 1) == 3) return std::nullopt;
    return checked(fullYear(year, static_cast<int>(pos - b - 1)), month, day);
}

// "09 May 2020"
std::optional<PartialDate> parseDayMonthYear(std::string_view s) {
    size_t pos = 0;
    int day = 0, year = 0;
    if (!number(s, pos, 1, 2, day) || pos >= s.size() || s[pos] != ' ') return std::nullopt;
    const size_t space = s.find(' ', pos + 1);
    if (space == std::string_view::npos) return std::nullopt;
    const int month = monthFromName(s.substr(pos + 1, space - pos - 1));
    pos = space + 1;
    if (!month || !number(s, pos, 4, 4, year) || !timeOfDayOnly(s.substr(pos))) return std::nullopt;
    return checked(year, month, day);
}

// "May 9, 2020"
std::optional<PartialDate> parseMonthDayYear(std::string_view s) {
    const size_t space = s.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    const int month = monthFromName(s.substr(0, space));
    size_t pos = space + 1;
    int day = 0, year = 0;
    if (!month || !number(s, pos, 1, 2, day)) return std::nullopt;
    if (pos < s.size() && s[pos] == ',') ++pos;
    if (pos >= s.size() || s[pos] != ' ') return std::nullopt;
    ++pos;
    if (!number(s, pos, 4, 4, year) || !timeOfDayOnly(s.substr(pos))) return std::nullopt;
    return checked(year, month, day);
}

// Three numbers separated by `sep`; `order` says which is which ("ymd", "dmy", "mdy").
std::optional<PartialDate> parseSeparated(std::string_view s, char sep, std::string_view order) {
    size_t pos = 0;
    int parts[3] = {};
    int digits[3] = {};
    for (int i = 0; i < 3; ++i) {
        const size_t before = pos;
        if (!number(s, pos, 1, 4, parts[i])) return std::nullopt;
        digits[i] = static_cast<int>(pos - before);
        if (i < 2) {
            if (pos >= s.size() || s[pos] != sep) return std::nullopt;
            ++pos;
        }
    }
    if (!timeOfDayOnly(s.substr(pos))) return std::nullopt;
    int year = 0, month = 0, day = 0;
    for (int i = 0; i < 3; ++i) {
        if (order[static_cast<size_t>(i)] == 'y') {
            if (digits[i] != 4 && digits[i] != 2) return std::nullopt;
            year = fullYear(parts[i], digits[i]);
        } else {
            if (digits[i] > 2) return std::nullopt;
            (order[static_cast<size_t>(i)] == 'm' ? month : day) = parts[i];
        }
    }
    return checked(year, month, day);
}

std::optional<double> epochNumber(std::string_view s) {
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<PartialDate> fromEpochSeconds(double seconds) {
    if (std::abs(seconds) > 2.5e11) return std::nullopt;  // beyond year 9999
    return dateOfDay(static_cast<DayNumber>(std::floor(seconds / 86400.0)));
}

}  // namespace

std::string_view timeFormatName(TimeFormat format) { return kNames[static_cast<size_t>(format)]; }

std::optional<PartialDate> parseTime(std::string_view text, TimeFormat format) {
    const std::string_view s = trim(text);
    if (s.empty() || s.size() > 64) return std::nullopt;
    switch (format) {
    case TimeFormat::Iso: return parseIso(s);
    case TimeFormat::Compact: return parseCompact(s);
    case TimeFormat::DayMonShort: return parseDayMonShort(s);
    case TimeFormat::DayMonthYear: return parseDayMonthYear(s);
    case TimeFormat::MonthDayYear: return parseMonthDayYear(s);
    case TimeFormat::YearMonthDay: return parseSeparated(s, '/', "ymd");
    case TimeFormat::DotDayMonth: return parseSeparated(s, '.', "dmy");
    case TimeFormat::SlashMonthDay: return parseSeparated(s, '/', "mdy");
    case TimeFormat::SlashDayMonth: return parseSeparated(s, '/', "dmy");
    case TimeFormat::EpochSeconds: {
        const auto v = epochNumber(s);
        if (!v || std::abs(*v) >= 1e11) return std::nullopt;
        return fromEpochSeconds(*v);
    }
    case TimeFormat::EpochMillis: {
        const auto v = epochNumber(s);
        if (!v || std::abs(*v) < 1e11) return std::nullopt;
        return fromEpochSeconds(*v / 1000.0);
    }
    case TimeFormat::Count: break;
    }
    return std::nullopt;
}

ColumnTimeFormat detectTimeFormat(const std::vector<std::string_view>& values) {
    constexpr size_t kFormats = static_cast<size_t>(TimeFormat::Count);
    std::array<size_t, kFormats> counts{};
    // A sample decides the format; day-first against month-first needs every value (one 25/03 settles it).
    constexpr size_t kSample = 4000;
    size_t seen = 0;
    for (std::string_view v : values) {
        if (trim(v).empty()) continue;
        if (++seen > kSample) break;
        for (size_t f = 0; f < kFormats; ++f) counts[f] += parseTime(v, static_cast<TimeFormat>(f)).has_value();
    }
    ColumnTimeFormat out;
    size_t best = 0;
    for (size_t f = 0; f < kFormats; ++f)
        if (counts[f] > best) best = counts[f], out.format = static_cast<TimeFormat>(f), out.found = true;
    if (out.format == TimeFormat::SlashMonthDay || out.format == TimeFormat::SlashDayMonth) {
        size_t monthFirst = 0, dayFirst = 0;
        for (std::string_view v : values) {
            monthFirst += parseTime(v, TimeFormat::SlashMonthDay).has_value();
            dayFirst += parseTime(v, TimeFormat::SlashDayMonth).has_value();
        }
        out.format = dayFirst > monthFirst ? TimeFormat::SlashDayMonth : TimeFormat::SlashMonthDay;
        out.ambiguous = dayFirst == monthFirst;
    }
    return out;
}

}  // namespace briefmap::model
