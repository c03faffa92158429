// Gazetteer loading (map + check the header and sections) and bounds-checked lookups.
#include "geo/gazetteer.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace briefmap::geo {

std::string_view placeKindName(PlaceKind kind) {
    static constexpr std::string_view names[] = {"country",  "admin1", "capital",  "admin_seat", "city", "facility",
                                                  "region",   "water",  "crossing", "port",       "landmark"};
    const auto i = static_cast<size_t>(kind);
    return i < std::size(names) ? names[i] : "unknown";
}

uint64_t hashKey(std::string_view key) {  // FNV-1a, then a finaliser for the low bits
    uint64_t h = 1469598103934665603ULL;
    for (char c : key) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

std::string nameSkeleton(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const char n = i + 1 < s.size() ? s[i + 1] : '\0';
        if (c == ' ' || c == '-') continue;  // "Pyong Yang" = "Pyongyang"
        if (s.substr(i, 4) == "shch") { out.push_back('s'); i += 3; continue; }
        if ((c == 'k' || c == 'z' || c == 's' || c == 'c') && n == 'h') { out.push_back(c == 'k' ? 'h' : c); ++i; continue; }
        if ((c == 't' && (n == 's' || n == 'z'))) { out.push_back('c'); ++i; continue; }
        if (c == 'e' && n == 'o') { out.push_back('o'); ++i; continue; }  // Korean RR eo = McCune–Reischauer ŏ
        if (c == 'e' && n == 'u') { out.push_back('u'); ++i; continue; }  // RR eu = MR ŭ
        char m = c;
        if (m == 'j') m = 'y';
        if (m == 'w') m = 'v';
        if ((m == 'i' || m == 'y') && !out.empty() && (out.back() == 'i' || out.back() == 'y')) {
            out.back() = 'y';  // iy, yy, ij, ii → y
            continue;
        }
        if (!out.empty() && out.back() == m) continue;  // Odessa → odesa
        out.push_back(m);
    }
    return out;
}

int editDistance(std::string_view a, std::string_view b, int limit) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) return limit + 1;
    // Three rows of the optimal-string-alignment table, small strings only.
    int rows[3][64];
    if (m >= 63) return limit + 1;
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (int j = 0; j <= m; ++j) prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int best = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[static_cast<size_t>(i - 1)] == b[static_cast<size_t>(j - 1)] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[static_cast<size_t>(i - 1)] == b[static_cast<size_t>(j - 2)] &&
                a[static_cast<size_t>(i - 2)] == b[static_cast<size_t>(j - 1)])
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            best = std::min(best, v);
        }
        if (best > limit) return limit + 1;
        int* t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return std::min(prev[m], limit + 1);
}

std::string Gazetteer::defaultPath() {
    if (const char* env = std::getenv("BRIEFMAP_GAZETTEER"); env && *env) return env;
    return std::string(BRIEFMAP_SOURCE_DIR) + "/geodata/gazetteer.bin";
}

const PlaceRecord Gazetteer::kNoRecord{};

namespace {

// The whole file, mapped read-only (unmapped when the last Gazetteer copy goes); read into memory
// where mapping is not possible.
std::shared_ptr<const char> mapFile(const std::string& path, size_t& size) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return nullptr;
    }
    size = static_cast<size_t>(st.st_size);
    if (size == 0) {
        ::close(fd);
        return std::shared_ptr<const char>(new char[1]{}, std::default_delete<char[]>());
    }
    void* at = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (at == MAP_FAILED) {
        auto* copy = new char[size];
        const bool ok = ::pread(fd, copy, size, 0) == static_cast<ssize_t>(size);
        ::close(fd);
        if (!ok) {
            delete[] copy;
            return nullptr;
        }
        return std::shared_ptr<const char>(copy, std::default_delete<char[]>());
    }
    ::close(fd);
    return std::shared_ptr<const char>(static_cast<const char*>(at), [size](const char* p) { ::munmap(const_cast<char*>(p), size); });
}

}  // namespace

Result<Gazetteer> Gazetteer::load(const std::string& path) {
    size_t size = 0;
    Gazetteer g;
    g.m_bytes = mapFile(path, size);
    if (!g.m_bytes) return Error{path + ": cannot open gazetteer (run scripts/build-geodata.sh)"};
    if (size < sizeof(GazetteerHeader)) return Error{path + ": truncated gazetteer"};
    std::memcpy(&g.m_header, g.m_bytes.get(), sizeof g.m_header);
    const GazetteerHeader& h = g.m_header;
    if (std::memcmp(h.magic, "BMGAZ04", 8) != 0) return Error{path + ": not a briefmap gazetteer (version BMGAZ04)"};
    const auto fits = [&](uint64_t at, uint64_t count, uint64_t itemSize) {
        return at <= static_cast<uint64_t>(size) && count <= (static_cast<uint64_t>(size) - at) / itemSize;
    };
    if (!fits(h.placesAt, h.placeCount, sizeof(PlaceRecord)) || !fits(h.keysAt, h.keyCount, sizeof(KeyRecord)) ||
        !fits(h.postingsAt, h.postingCount, 4) || !fits(h.slotsAt, h.slotCount, 4) ||
        !fits(h.deletesAt, h.deleteCount, sizeof(DeleteEntry)) || !fits(h.stringsAt, h.stringBytes, 1) ||
        h.slotCount == 0 || (h.slotCount & (h.slotCount - 1)) != 0 || h.placesAt % alignof(PlaceRecord) != 0 ||
        h.keysAt % 4 != 0 || h.postingsAt % 4 != 0 || h.slotsAt % 4 != 0 || h.deletesAt % 8 != 0)
        return Error{path + ": corrupt gazetteer (section out of bounds)"};
    const char* base = g.m_bytes.get();
    g.m_places = reinterpret_cast<const PlaceRecord*>(base + h.placesAt);
    g.m_keys = reinterpret_cast<const KeyRecord*>(base + h.keysAt);
    g.m_postings = reinterpret_cast<const uint32_t*>(base + h.postingsAt);
    g.m_slots = reinterpret_cast<const uint32_t*>(base + h.slotsAt);
    g.m_deletes = reinterpret_cast<const DeleteEntry*>(base + h.deletesAt);
    g.m_strings = base + h.stringsAt;
    // The rest is checked where it is read (place(), text(), lookup(), postingsOfKey(), fuzzy()):
    // a check of every record here would read all 40 MB at every start.
    if (h.stringBytes == 0 || g.m_strings[h.stringBytes - 1] != '\0') return Error{path + ": corrupt gazetteer (strings)"};
    return g;
}

Gazetteer::Postings Gazetteer::postingsOfKey(uint32_t key) const {
    if (key >= m_header.keyCount) return {};
    const KeyRecord& k = m_keys[key];
    if (k.firstPosting > m_header.postingCount || k.postingCount > m_header.postingCount - k.firstPosting) return {};
    return {m_postings + k.firstPosting, m_postings + k.firstPosting + k.postingCount};
}

Gazetteer::Postings Gazetteer::lookup(std::string_view key) const {
    const uint64_t h = hashKey(key);
    const uint32_t mask = m_header.slotCount - 1;
    for (uint32_t slot = static_cast<uint32_t>(h) & mask, probes = 0; probes < m_header.slotCount;
         slot = (slot + 1) & mask, ++probes) {
        const uint32_t entry = m_slots[slot];
        if (entry == 0 || entry > m_header.keyCount) return {};
        const KeyRecord& k = m_keys[entry - 1];
        if (k.hashLow == static_cast<uint32_t>(h) && k.textAt + key.size() < m_header.stringBytes &&
            std::memcmp(m_strings + k.textAt, key.data(), key.size()) == 0 && m_strings[k.textAt + key.size()] == '\0')
            return postingsOfKey(entry - 1);
    }
    return {};
}

void Gazetteer::fuzzy(std::string_view key, std::vector<std::pair<uint32_t, int>>& out) const {
    out.clear();
    if (key.size() < 4 || key.size() > 40) return;
    // The query and its one-letter deletions against the keys' one-letter deletions (SymSpell):
    // finds every key within two edits.
    std::string variant(key);
    auto probe = [&](std::string_view v) {
        const uint64_t h = hashKey(v);
        const DeleteEntry* first = std::lower_bound(m_deletes, m_deletes + m_header.deleteCount, h,
                                                    [](const DeleteEntry& e, uint64_t x) { return e.hash < x; });
        for (const DeleteEntry* e = first; e != m_deletes + m_header.deleteCount && e->hash == h; ++e) {
            if (e->key >= m_header.keyCount) continue;
            if (std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.first == e->key; })) continue;
            const int d = editDistance(key, keyText(e->key), 2);
            if (d <= 2) out.emplace_back(e->key, d);
        }
    };
    probe(key);
    for (size_t i = 0; i < key.size(); ++i) {
        variant.assign(key);
        variant.erase(i, 1);
        probe(variant);
    }
}

}  // namespace briefmap::geo
