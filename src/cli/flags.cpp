// Flag parsing and value checks.
#include "cli/flags.hpp"

#include <cerrno>
#include <cstdlib>

#include "render/render_target.hpp"

namespace briefmap::cli {

Result<Flags> Flags::parse(const std::vector<std::string>& args, const std::set<std::string>& valued,
                           const std::set<std::string>& switches) {
    Flags f;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            f.m_positional.push_back(a);
            continue;
        }
        std::string value;
        bool inlineValue = false;
        if (const size_t eq = a.find('='); eq != std::string::npos) {
            value = a.substr(eq + 1);
            a = a.substr(0, eq);
            inlineValue = true;
        }
        if (switches.count(a)) {
            if (inlineValue) return Error{a + ": takes no value"};
            f.m_switches.insert(a);
        } else if (valued.count(a)) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) return Error{a + ": missing value"};
                value = args[++i];
            }
            f.m_values[a] = value;
        } else {
            return Error{"unknown flag '" + a + "'"};
        }
    }
    return f;
}

std::optional<std::string> Flags::get(const std::string& name) const {
    auto it = m_values.find(name);
    return it == m_values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

bool Flags::has(const std::string& name) const { return m_switches.count(name) > 0; }

Result<std::pair<int, int>> parseSize(const std::string& text) {
    const size_t x = text.find_first_of("xX");
    if (x == std::string::npos) return Error{"expected WIDTHxHEIGHT, got '" + text + "'"};
    auto number = [](const std::string& s, long& out) {
        if (s.empty() || s.size() > 9) return false;
        char* end = nullptr;
        errno = 0;
        out = std::strtol(s.c_str(), &end, 10);
        return errno == 0 && end == s.c_str() + s.size();
    };
    long w = 0, h = 0;
    if (!number(text.substr(0, x), w) || !number(text.substr(x + 1), h))
        return Error{"expected WIDTHxHEIGHT in pixels, got '" + text + "'"};
    if (w < 1 || h < 1 || w > render::kMaxImageSize || h > render::kMaxImageSize)
        return Error{"each side must be 1.." + std::to_string(render::kMaxImageSize) + " pixels, got '" + text + "'"};
    return std::pair<int, int>{static_cast<int>(w), static_cast<int>(h)};
}

Result<double> parseWindowDays(const std::string& text) {
    char* end = nullptr;
    const double days = std::strtod(text.c_str(), &end);
    if (text.empty() || *end || !(days >= 1 && days <= 36500)) return Error{"expected a number of days from 1 to 36500, got '" + text + "'"};
    return days;
}

Result<double> parseScale(const std::string& text) {
    char* end = nullptr;
    const double scale = std::strtod(text.c_str(), &end);
    if (text.empty() || *end || !(scale >= 0.5 && scale <= 8)) return Error{"expected a factor from 0.5 to 8, got '" + text + "'"};
    return scale;
}

}  // namespace briefmap::cli
