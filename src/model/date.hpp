// Calendar dates as the news writes them: a year, a month or a day ("in 2019", "in July", "on 13
// September 2023"), mapped to day numbers so intervals and time filtering are plain integer compares.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace briefmap::model {

// Days since 1970-01-01 (proleptic Gregorian); negative before.
using DayNumber = int32_t;

struct PartialDate {
    int year = 0;
    int month = 0;  // 1..12, 0 when only the year is known
    int day = 0;    // 1..31, 0 when only the month is known

    DayNumber firstDay() const;
    DayNumber lastDay() const;
    std::string text() const;  // "2024", "2024-06" or "2024-06-19"
    bool operator==(const PartialDate&) const = default;
};

// "YYYY", "YYYY-MM" or "YYYY-MM-DD", checked against the calendar (no 2023-02-29). Years 1..9999.
Result<PartialDate> parsePartialDate(std::string_view text);

DayNumber dayNumber(int year, int month, int day);
PartialDate dateOfDay(DayNumber day);
std::string formatDay(DayNumber day);  // "YYYY-MM-DD"
int daysInMonth(int year, int month);

}  // namespace briefmap::model
