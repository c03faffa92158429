// A small flag reader for subcommands: --name VALUE and --switch, with one clear error per problem.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace briefmap::cli {

class Flags {
public:
    // `valued`: flags taking a value; `switches`: flags without. Anything else is an error.
    static Result<Flags> parse(const std::vector<std::string>& args, const std::set<std::string>& valued,
                               const std::set<std::string>& switches);
    std::optional<std::string> get(const std::string& name) const;
    bool has(const std::string& name) const;
    const std::vector<std::string>& positional() const { return m_positional; }

private:
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_switches;
    std::vector<std::string> m_positional;
};

// "WxH" with 1..16384 on each side.
Result<std::pair<int, int>> parseSize(const std::string& text);
// --scale: how many times their 1080p size text, markers and lines are drawn (0.5 to 8).
Result<double> parseScale(const std::string& text);
// --window: a time window's length in days (1 to 36500).
Result<double> parseWindowDays(const std::string& text);

}  // namespace briefmap::cli
