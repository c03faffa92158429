// Dates and times as data files write them, one format per column: the format is chosen from the
// column's values (all of them where day and month could be swapped), and the choice is reported.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"

namespace briefmap::model {

enum class TimeFormat {
    Iso,            // 2024-06-19, 2024-06, 2024, 2024-06-19T12:00:00+09:00, 2023-04-15 00:00:00.000
    Compact,        // 20240619 (GDELT's SQLDATE)
    DayMonShort,    // 9-May-20 (ACLED opened in a spreadsheet)
    DayMonthYear,   // 09 May 2020, 9 May 2020
    MonthDayYear,   // May 9, 2020
    YearMonthDay,   // 2020/05/09 [09:07:31.00]
    DotDayMonth,    // 09.05.2020
    SlashMonthDay,  // 05/09/2020
    SlashDayMonth,  // 09/05/2020
    EpochSeconds,   // 1700000000
    EpochMillis,    // 1700000000000 (USGS, kepler.gl)
    Count
};

std::string_view timeFormatName(TimeFormat format);  // "d-Mon-YY", "epoch milliseconds", "ISO 8601"

// The UTC calendar date (with its precision: a year, a month or a day) of one value.
std::optional<PartialDate> parseTime(std::string_view text, TimeFormat format);

struct ColumnTimeFormat {
    TimeFormat format = TimeFormat::Iso;
    bool found = false;      // some format reads at least one value
    bool ambiguous = false;  // every slash date could be day-first or month-first; month-first chosen
};

// The format that reads the most values (ties: the order of TimeFormat); empty values are ignored.
ColumnTimeFormat detectTimeFormat(const std::vector<std::string_view>& values);

}  // namespace briefmap::model
