#include "model/json_text_patch.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace briefmap::model {

using Json = nlohmann::ordered_json;

namespace {

// Where each value of the file sits: [begin, end) bytes, and for containers their members.
struct Node {
    enum class Type { Scalar, Object, Array } type = Type::Scalar;
    size_t begin = 0, end = 0;
    std::vector<std::string> keys;    // objects: decoded member names
    std::vector<size_t> keyBegins;    // objects: where each member's name starts
    std::vector<Node> children;       // members' values / elements
    size_t itemBegin(size_t i) const { return type == Type::Object ? keyBegins[i] : children[i].begin; }
};

// A structural scan of JSON text (already known to be valid where it matters; anything odd fails).
class Scanner {
public:
    explicit Scanner(std::string_view text) : m_t(text) {}
    bool value(Node& out, int depth = 0) {
        if (depth > 512) return false;
        skip();
        if (m_i >= m_t.size()) return false;
        out.begin = m_i;
        const char c = m_t[m_i];
        if (c == '{' || c == '[') {
            out.type = c == '{' ? Node::Type::Object : Node::Type::Array;
            const char close = c == '{' ? '}' : ']';
            ++m_i;
            skip();
            if (peek() == close) return ++m_i, out.end = m_i, true;
            for (;;) {
                skip();
                if (out.type == Node::Type::Object) {
                    const size_t keyBegin = m_i;
                    if (!string()) return false;
                    try {
                        out.keys.push_back(Json::parse(m_t.substr(keyBegin, m_i - keyBegin)).get<std::string>());
                    } catch (const nlohmann::json::exception&) {
                        return false;
                    }
                    out.keyBegins.push_back(keyBegin);
                    skip();
                    if (peek() != ':') return false;
                    ++m_i;
                }
                out.children.emplace_back();
                if (!value(out.children.back(), depth + 1)) return false;
                skip();
                if (peek() == ',') {
                    ++m_i;
                    continue;
                }
                if (peek() != close) return false;
                ++m_i;
                out.end = m_i;
                return true;
            }
        }
        if (c == '"') {
            if (!string()) return false;
        } else {
            while (m_i < m_t.size() && std::string_view(",}] \t\r\n").find(m_t[m_i]) == std::string_view::npos) ++m_i;
            if (m_i == out.begin) return false;
        }
        out.end = m_i;
        return true;
    }
    bool atEnd() {
        skip();
        return m_i == m_t.size();
    }

private:
    char peek() const { return m_i < m_t.size() ? m_t[m_i] : '\0'; }
    void skip() {
        while (m_i < m_t.size() && (m_t[m_i] == ' ' || m_t[m_i] == '\t' || m_t[m_i] == '\n' || m_t[m_i] == '\r')) ++m_i;
    }
    bool string() {
        if (peek() != '"') return false;
        for (++m_i; m_i < m_t.size(); ++m_i) {
            if (m_t[m_i] == '\\') ++m_i;
            else if (m_t[m_i] == '"') return ++m_i, true;
        }
        return false;
    }
    std::string_view m_t;
    size_t m_i = 0;
};

// Equal as data: member order does not matter, 2 equals 2.0.
bool same(const Json& a, const Json& b) {
    if (a.is_object() && b.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            auto other = b.find(it.key());
            if (other == b.end() || !same(it.value(), *other)) return false;
        }
        return true;
    }
    if (a.is_array() && b.is_array()) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); ++i)
            if (!same(a[i], b[i])) return false;
        return true;
    }
    return a == b;
}

std::string scalarJson(const Json& v) { return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

struct TextEdit {
    size_t begin, end;
    std::string text;
};

class Patcher {
public:
    explicit Patcher(std::string_view text) : m_t(text) {}
    std::vector<TextEdit> edits;

    void patch(const Node& file, const Json& base, const Json& mine) {
        if (same(base, mine)) return;
        if (file.type == Node::Type::Object && base.is_object() && mine.is_object()) return patchObject(file, base, mine);
        if (file.type == Node::Type::Array && base.is_array() && mine.is_array()) return patchArray(file, base, mine);
        replace(file, mine);
    }

private:
    std::string_view m_t;

    bool multiline(const Node& n) const { return m_t.substr(n.begin, n.end - n.begin).find('\n') != std::string_view::npos; }

    // The leading white space of the line holding `pos`.
    std::string indentAt(size_t pos) const {
        size_t start = m_t.rfind('\n', pos == 0 ? 0 : pos - 1);
        start = start == std::string_view::npos ? 0 : start + 1;
        size_t end = start;
        while (end < m_t.size() && (m_t[end] == ' ' || m_t[end] == '\t')) ++end;
        return std::string(m_t.substr(start, end - start));
    }

    // How far the container indents its items (2 when it cannot tell).
    size_t step(const Node& n) const {
        if (!n.children.empty() && multiline(n)) {
            const size_t inner = indentAt(n.itemBegin(0)).size(), outer = indentAt(n.begin).size();
            if (inner > outer) return inner - outer;
        }
        return 2;
    }

    // A value written where a line starts with `indent`, spread over lines like nlohmann's dump.
    static std::string block(const Json& v, const std::string& indent, size_t step) {
        std::string s = v.dump(static_cast<int>(step), ' ', false, nlohmann::json::error_handler_t::replace), out;
        for (char c : s) {
            out += c;
            if (c == '\n') out += indent;
        }
        return out;
    }

    std::string itemText(const Node& container, const std::string* key, const Json& v, const std::string& indent) const {
        std::string s = key ? scalarJson(Json(*key)) + ": " : "";
        const bool nested = (v.is_object() || v.is_array()) && !v.empty();
        return s + (multiline(container) && nested ? block(v, indent, step(container)) : inlineJson(v));
    }

    void replace(const Node& n, const Json& v) {
        const bool nested = (v.is_object() || v.is_array()) && !v.empty();
        edits.push_back({n.begin, n.end, multiline(n) && nested ? block(v, indentAt(n.begin), step(n)) : inlineJson(v)});
    }

    // Inserts an item after item `after` of the container, or before item `before` when there is none.
    void insert(const Node& c, size_t after, size_t before, const std::string* key, const Json& v) {
        const bool lines = multiline(c);
        if (after != SIZE_MAX) {
            const std::string indent = indentAt(c.itemBegin(after));
            edits.push_back({c.children[after].end, c.children[after].end,
                             (lines ? ",\n" + indent : std::string(", ")) + itemText(c, key, v, indent)});
        } else {
            const std::string indent = indentAt(c.itemBegin(before));
            edits.push_back({c.itemBegin(before), c.itemBegin(before), itemText(c, key, v, indent) + (lines ? ",\n" + indent : ", ")});
        }
    }

    // Cuts the deleted items with their separators; at least one item is kept.
    void cut(const Node& c, const std::vector<bool>& deleted) {
        bool keptBefore = false;
        for (size_t i = 0; i < c.children.size(); ++i) {
            if (!deleted[i]) {
                keptBefore = true;
                continue;
            }
            if (keptBefore) edits.push_back({c.children[i - 1].end, c.children[i].end, ""});
            else edits.push_back({c.itemBegin(i), c.itemBegin(i + 1), ""});
        }
    }

    // Where a new item goes: after the nearest kept file item that precedes it in mine's order.
    struct Anchor {
        size_t after = SIZE_MAX, before = SIZE_MAX;
    };
    static Anchor anchor(const std::vector<size_t>& fileIndexOfPrevious, const std::vector<bool>& deleted) {
        Anchor a;
        for (auto it = fileIndexOfPrevious.rbegin(); it != fileIndexOfPrevious.rend(); ++it)
            if (*it != SIZE_MAX) {
                a.after = *it;
                return a;
            }
        for (size_t i = 0; i < deleted.size(); ++i)
            if (!deleted[i]) {
                a.before = i;
                break;
            }
        return a;
    }

    void patchObject(const Node& file, const Json& base, const Json& mine) {
        std::unordered_map<std::string, size_t> at;
        for (size_t i = 0; i < file.keys.size(); ++i)
            if (!at.emplace(file.keys[i], i).second) return replace(file, mine);  // a name twice: rewritten whole
        std::vector<bool> deleted(file.children.size(), false);
        for (auto it = base.begin(); it != base.end(); ++it)
            if (!mine.contains(it.key()))
                if (auto f = at.find(it.key()); f != at.end()) deleted[f->second] = true;
        if (std::find(deleted.begin(), deleted.end(), false) == deleted.end()) return replace(file, mine);
        std::vector<size_t> previous;  // file items of mine's members so far (SIZE_MAX: not in the file)
        for (auto it = mine.begin(); it != mine.end(); ++it) {
            const auto f = at.find(it.key());
            const auto b = base.find(it.key());
            if (f == at.end()) {
                if (b == base.end() || !same(*b, it.value())) {
                    const Anchor a = anchor(previous, deleted);
                    insert(file, a.after, a.before, &it.key(), it.value());
                }
                previous.push_back(SIZE_MAX);
                continue;
            }
            if (b == base.end()) replace(file.children[f->second], it.value());
            else patch(file.children[f->second], *b, it.value());
            previous.push_back(f->second);
        }
        cut(file, deleted);
    }

    static std::string identity(const Json& v) {
        if (!v.is_object()) return {};
        for (const char* key : {"id", "name"})
            if (auto it = v.find(key); it != v.end() && it->is_string()) return std::string(key) + ":" + it->get<std::string>();
        return {};
    }

    std::string identity(const Node& n) const {
        if (n.type != Node::Type::Object) return {};
        for (const char* key : {"id", "name"})
            for (size_t i = 0; i < n.keys.size(); ++i)
                if (n.keys[i] == key && m_t[n.children[i].begin] == '"') {
                    try {
                        return std::string(key) + ":" +
                               Json::parse(m_t.substr(n.children[i].begin, n.children[i].end - n.children[i].begin)).get<std::string>();
                    } catch (const nlohmann::json::exception&) {
                        return {};
                    }
                }
        return {};
    }

    // Identities of all items, when every item has one and none repeats.
    template <typename Items, typename Id>
    static bool identities(const Items& items, Id id, std::vector<std::string>& out) {
        std::unordered_set<std::string> seen;
        for (const auto& item : items) {
            out.push_back(id(item));
            if (out.back().empty() || !seen.insert(out.back()).second) return false;
        }
        return true;
    }

    void patchArray(const Node& file, const Json& base, const Json& mine) {
        std::vector<std::string> fileIds, baseIds, mineIds;
        const bool byIdentity = !base.empty() && identities(file.children, [&](const Node& n) { return identity(n); }, fileIds) &&
                                identities(base, [](const Json& v) { return identity(v); }, baseIds) &&
                                identities(mine, [](const Json& v) { return identity(v); }, mineIds);
        if (!byIdentity) return patchPositionally(file, base, mine);
        std::unordered_map<std::string, size_t> inFile, inBase, inMine;
        for (size_t i = 0; i < fileIds.size(); ++i) inFile[fileIds[i]] = i;
        for (size_t i = 0; i < baseIds.size(); ++i) inBase[baseIds[i]] = i;
        for (size_t i = 0; i < mineIds.size(); ++i) inMine[mineIds[i]] = i;
        std::vector<bool> deleted(file.children.size(), false);
        for (const std::string& id : baseIds)
            if (!inMine.count(id))
                if (auto f = inFile.find(id); f != inFile.end()) deleted[f->second] = true;
        if (std::find(deleted.begin(), deleted.end(), false) == deleted.end()) return replace(file, mine);
        std::vector<size_t> previous;
        for (size_t i = 0; i < mine.size(); ++i) {
            const auto f = inFile.find(mineIds[i]);
            const auto b = inBase.find(mineIds[i]);
            if (f == inFile.end()) {
                const Anchor a = anchor(previous, deleted);
                insert(file, a.after, a.before, nullptr, mine[i]);
                previous.push_back(SIZE_MAX);
                continue;
            }
            if (b == inBase.end()) replace(file.children[f->second], mine[i]);
            else patch(file.children[f->second], base[b->second], mine[i]);
            previous.push_back(f->second);
        }
        cut(file, deleted);
    }

    void patchPositionally(const Node& file, const Json& base, const Json& mine) {
        if (file.children.size() != base.size() || mine.empty() || base.empty()) return replace(file, mine);
        const size_t common = std::min(base.size(), mine.size());
        for (size_t i = 0; i < common; ++i) patch(file.children[i], base[i], mine[i]);
        for (size_t i = common; i < mine.size(); ++i) insert(file, common - 1, SIZE_MAX, nullptr, mine[i]);
        std::vector<bool> deleted(file.children.size(), false);
        for (size_t i = mine.size(); i < base.size(); ++i) deleted[i] = true;
        cut(file, deleted);
    }
};

void writeInline(const Json& v, std::string& out) {
    if (v.is_object()) {
        out += '{';
        bool first = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            out += first ? "" : ", ";
            first = false;
            out += scalarJson(Json(it.key())) + ": ";
            writeInline(it.value(), out);
        }
        out += '}';
    } else if (v.is_array()) {
        out += '[';
        for (size_t i = 0; i < v.size(); ++i) {
            out += i ? ", " : "";
            writeInline(v[i], out);
        }
        out += ']';
    } else {
        out += scalarJson(v);
    }
}

}  // namespace

std::string inlineJson(const Json& value) {
    std::string out;
    writeInline(value, out);
    return out;
}

std::optional<std::string> patchJsonText(std::string_view text, const Json& base, const Json& mine) {
    Node root;
    Scanner scanner(text);
    if (!scanner.value(root) || !scanner.atEnd()) return std::nullopt;
    Patcher patcher(text);
    patcher.patch(root, base, mine);
    // Insertions before replacements at the same offset (an item inserted where a cut begins).
    std::stable_sort(patcher.edits.begin(), patcher.edits.end(), [](const TextEdit& a, const TextEdit& b) {
        if (a.begin != b.begin) return a.begin < b.begin;
        return (a.begin == a.end) > (b.begin == b.end);
    });
    std::string out;
    out.reserve(text.size() + 256);
    size_t cursor = 0;
    for (const TextEdit& e : patcher.edits) {
        if (e.begin < cursor) return std::nullopt;  // overlapping edits: a bug; the caller writes afresh
        out.append(text.substr(cursor, e.begin - cursor));
        out += e.text;
        cursor = e.end;
    }
    out.append(text.substr(cursor));
    return out;
}

}  // namespace briefmap::model
