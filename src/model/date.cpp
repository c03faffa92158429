// Civil-calendar conversions after Howard Hinnant's days_from_civil / civil_from_days.
#include "model/date.hpp"

#include <cstdio>

namespace briefmap::model {

namespace {

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool readDigits(std::string_view s, size_t at, size_t count, int& out) {
    if (at + count > s.size()) return false;
    out = 0;
    for (size_t i = at; i < at + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

}  // namespace

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

DayNumber dayNumber(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

PartialDate dateOfDay(DayNumber z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2), m, d};
}

std::string formatDay(DayNumber day) { return dateOfDay(day).text(); }

DayNumber PartialDate::firstDay() const { return dayNumber(year, month ? month : 1, day ? day : 1); }

DayNumber PartialDate::lastDay() const {
    const int m = month ? month : 12;
    return dayNumber(year, m, day ? day : daysInMonth(year, m));
}

std::string PartialDate::text() const {
    char buf[16];
    if (!month) std::snprintf(buf, sizeof buf, "%04d", year);
    else if (!day) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

Result<PartialDate> parsePartialDate(std::string_view s) {
    const auto bad = [&](const std::string& why) {
        std::string shown(s.substr(0, 40));
        return Error{std::string("expected YYYY[-MM[-DD]], got '") + shown + (s.size() > 40 ? "…'" : "'") +
                     (!why.empty() ? " (" + why + ")" : std::string())};
    };
    PartialDate d;
    if (!(s.size() == 4 || s.size() == 7 || s.size() == 10) || !readDigits(s, 0, 4, d.year)) return bad("");
    if (d.year < 1) return bad("year 0000");
    if (s.size() >= 7) {
        if (s[4] != '-' || !readDigits(s, 5, 2, d.month)) return bad("");
        if (d.month < 1 || d.month > 12) return bad("no such month: months run 01 to 12");
    }
    if (s.size() == 10) {
        if (s[7] != '-' || !readDigits(s, 8, 2, d.day)) return bad("");
        if (d.day < 1 || d.day > daysInMonth(d.year, d.month)) {
            static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};
            return bad("no such day: " + std::string(kMonths[d.month - 1]) + " " + std::to_string(d.year) + " has " +
                       std::to_string(daysInMonth(d.year, d.month)) + " days");
        }
    }
    return d;
}

}  // namespace briefmap::model
