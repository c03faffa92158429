#include "model/json_locator.hpp"

#include <vector>

namespace briefmap::model {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

std::unordered_map<std::string, size_t> locateJsonPaths(std::string_view text,
                                                         const std::unordered_set<std::string>& paths) {
    std::unordered_map<std::string, size_t> found;
    struct Frame {
        bool object;
        size_t pathLength;
        size_t index;
    };
    std::vector<Frame> stack;
    std::string path;
    const size_t n = text.size();
    size_t i = 0;
    const auto skipSpace = [&] {
        while (i < n && isSpace(text[i])) ++i;
    };
    const auto skipString = [&] {  // at the opening quote; returns the raw contents
        const size_t begin = ++i;
        while (i < n && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
        const std::string_view raw = text.substr(begin, std::min(i, n) - begin);
        ++i;
        return raw;
    };
    // Sets `path` to the next member of the innermost container; false on malformed text.
    const auto beginMember = [&]() -> bool {
        Frame& f = stack.back();
        path.resize(f.pathLength);
        if (!f.object) {
            path += "[" + std::to_string(f.index) + "]";
            return true;
        }
        skipSpace();
        if (i >= n || text[i] != '"') return false;
        const std::string_view key = skipString();
        skipSpace();
        if (i >= n || text[i] != ':') return false;
        ++i;
        if (f.pathLength) path += '.';
        path += key;
        return true;
    };
    bool expectValue = true;
    while (true) {
        skipSpace();
        if (i >= n) break;
        if (expectValue) {
            if (paths.count(path)) found.emplace(path, i);
            const char c = text[i];
            if (c == '{' || c == '[') {
                stack.push_back({c == '{', path.size(), 0});
                ++i;
                skipSpace();
                if (i < n && text[i] == (c == '{' ? '}' : ']')) {
                    ++i;
                    stack.pop_back();
                    expectValue = false;
                } else if (!beginMember()) {
                    break;
                }
                continue;
            }
            if (c == '"') skipString();
            else
                while (i < n && !isSpace(text[i]) && text[i] != ',' && text[i] != ']' && text[i] != '}') ++i;
            expectValue = false;
            continue;
        }
        if (stack.empty()) break;
        if (text[i] == ',') {
            ++i;
            ++stack.back().index;
            if (!beginMember()) break;
            expectValue = true;
        } else if (text[i] == '}' || text[i] == ']') {
            ++i;
            path.resize(stack.back().pathLength);
            stack.pop_back();
        } else {
            break;
        }
    }
    return found;
}

namespace {

// Advances `i` past one JSON value (string, number, literal, object or array); false if malformed.
bool skipValue(std::string_view text, size_t& i) {
    const size_t n = text.size();
    const auto skipString = [&] {  // at the opening quote
        for (++i; i < n; ++i) {
            if (text[i] == '\\') ++i;
            else if (text[i] == '"') return ++i, true;
        }
        return false;
    };
    if (i >= n) return false;
    if (text[i] == '"') return skipString();
    if (text[i] != '{' && text[i] != '[') {
        const size_t start = i;
        while (i < n && !isSpace(text[i]) && text[i] != ',' && text[i] != ']' && text[i] != '}') ++i;
        return i > start;
    }
    size_t depth = 0;
    while (i < n) {
        const char c = text[i];
        if (c == '"') {
            if (!skipString()) return false;
            continue;
        }
        if (c == '{' || c == '[') ++depth;
        else if ((c == '}' || c == ']') && --depth == 0) return ++i, true;
        ++i;
    }
    return false;
}

}  // namespace

std::optional<ArrayElements> findTopLevelArray(std::string_view text, std::string_view key) {
    const size_t n = text.size();
    size_t i = 0;
    const auto skipSpace = [&] {
        while (i < n && isSpace(text[i])) ++i;
    };
    skipSpace();
    if (i >= n || text[i] != '{') return std::nullopt;
    ++i;
    std::optional<ArrayElements> found;
    while (true) {
        skipSpace();
        if (i < n && text[i] == '}') break;
        if (i >= n || text[i] != '"') return std::nullopt;
        const size_t keyStart = i + 1;
        if (!skipValue(text, i)) return std::nullopt;
        const std::string_view name = text.substr(keyStart, i - 1 - keyStart);
        skipSpace();
        if (i >= n || text[i] != ':') return std::nullopt;
        ++i;
        skipSpace();
        if (name == key) {
            if (found || i >= n || text[i] != '[') return std::nullopt;  // twice, or not an array
            ArrayElements a;
            a.open = i++;
            skipSpace();
            if (i < n && text[i] == ']') {
                a.close = i++;
            } else {
                while (true) {
                    const size_t begin = i;
                    if (!skipValue(text, i)) return std::nullopt;
                    a.elements.emplace_back(begin, i);
                    skipSpace();
                    if (i < n && text[i] == ',') {
                        ++i;
                        skipSpace();
                        continue;
                    }
                    if (i < n && text[i] == ']') {
                        a.close = i++;
                        break;
                    }
                    return std::nullopt;
                }
            }
            found = std::move(a);
        } else if (!skipValue(text, i)) {
            return std::nullopt;
        }
        skipSpace();
        if (i < n && text[i] == ',') {
            ++i;
            continue;
        }
        if (i < n && text[i] == '}') break;
        return std::nullopt;
    }
    return found;
}

TextPosition positionAt(std::string_view text, size_t offset) {
    TextPosition p;
    offset = std::min(offset, text.size());
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

std::string parentJsonPath(const std::string& path) {
    const size_t cut = path.find_last_of(".[");
    return cut == std::string::npos ? std::string() : path.substr(0, cut);
}

// Fills line:column for problems that carry only a JSON path, looking each path up once.
void locateProblems(std::string_view text, Diagnostics& problems) {
    if (problems.empty()) return;
    std::unordered_set<std::string> wanted;
    for (const Diagnostic& d : problems)
        for (std::string p = d.path; !p.empty(); p = parentJsonPath(p)) wanted.insert(p);
    const auto found = locateJsonPaths(text, wanted);
    for (Diagnostic& d : problems) {
        if (d.line) continue;
        size_t offset = 0;
        for (std::string p = d.path; !p.empty(); p = parentJsonPath(p))
            if (auto it = found.find(p); it != found.end()) {
                offset = it->second;
                break;
            }
        const TextPosition pos = positionAt(text, offset);
        d.line = pos.line;
        d.column = pos.column;
    }
}

}  // namespace briefmap::model
