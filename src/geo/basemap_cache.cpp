// Binary layout: magic, format version, key, then each list as a count followed by its items;
// numbers little-endian as they lie in memory (the file never leaves this machine), strings as a
// length and bytes. Reading checks every length against what is left, so a damaged file is refused,
// never trusted.
#include "geo/basemap_cache.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <functional>
#include <type_traits>

#include "core/atomic_file.hpp"
#include "core/read_file.hpp"
#include "core/user_dirs.hpp"

namespace briefmap::geo {

namespace {

constexpr char kMagic[8] = {'B', 'M', 'B', 'A', 'S', 'E', 'M', 'P'};
constexpr uint32_t kFormat = 1;  // the layout below
const char* const kInputs[] = {"countries-50m.fgb", "admin1-lines.fgb", "admin1-labels.fgb"};
constexpr size_t kMaxInput = size_t{512} << 20;

class Writer {
public:
    template <typename T>
    void pod(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        m_out.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void text(const std::string& s) {
        pod(static_cast<uint32_t>(s.size()));
        m_out += s;
    }
    template <typename T>
    void pods(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        pod(static_cast<uint64_t>(v.size()));
        if (!v.empty()) m_out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

class Reader {
public:
    explicit Reader(std::string_view in) : m_in(in) {}
    bool ok() const { return m_ok; }
    bool done() const { return m_ok && m_at == m_in.size(); }
    template <typename T>
    T pod() {
        T v{};
        if (!take(sizeof v)) return v;
        std::memcpy(&v, m_in.data() + m_at - sizeof v, sizeof v);
        return v;
    }
    std::string text() {
        const auto n = pod<uint32_t>();
        if (!take(n)) return {};
        return std::string(m_in.substr(m_at - n, n));
    }
    template <typename T>
    std::vector<T> pods() {
        const auto n = pod<uint64_t>();
        if (!m_ok || n > (m_in.size() - m_at) / sizeof(T)) return fail<std::vector<T>>();
        std::vector<T> v(static_cast<size_t>(n));
        if (!v.empty()) std::memcpy(v.data(), m_in.data() + m_at, v.size() * sizeof(T));
        m_at += v.size() * sizeof(T);
        return v;
    }
    // A count of items that each take at least `minBytes`: refused when the rest cannot hold them.
    size_t count(size_t minBytes) {
        const auto n = pod<uint64_t>();
        if (!m_ok || n > (m_in.size() - m_at) / minBytes) return fail<size_t>();
        return static_cast<size_t>(n);
    }

private:
    bool take(size_t n) {
        if (!m_ok || n > m_in.size() - m_at) return m_ok = false;
        m_at += n;
        return true;
    }
    template <typename T>
    T fail() {
        m_ok = false;
        return T{};
    }
    std::string_view m_in;
    size_t m_at = 0;
    bool m_ok = true;
};

static_assert(std::is_trivially_copyable_v<LonLat> && sizeof(LonLat) == 16);
static_assert(std::is_trivially_copyable_v<Segment> && sizeof(Segment) == 32);

// This program's identity (its file's size and time): a rebuilt briefmap, whose loadBasemap may
// derive the map differently, never trusts a cache an older build wrote (one slow start per build).
uint64_t programKey() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return 0;
    const auto size = std::filesystem::file_size(exe, ec);
    const auto time = std::filesystem::last_write_time(exe, ec).time_since_epoch().count();
    return static_cast<uint64_t>(size) * 1000003ull ^ static_cast<uint64_t>(time);
}

// The inputs' bytes hashed (with their names, the format and the program): edited geodata is a new key.
std::optional<uint64_t> inputKey(const std::string& dir) {
    uint64_t key = (1469598103934665603ull ^ kFormat ^ programKey()) * 1099511628211ull;
    for (const char* name : kInputs) {
        Result<std::string> bytes = readWholeFile(dir + "/" + name, kMaxInput);
        if (!bytes) return std::nullopt;
        const uint64_t h = std::hash<std::string_view>{}(*bytes) ^ (std::hash<std::string_view>{}(name) << 1);
        key = (key ^ h) * 1099511628211ull;
    }
    return key;
}

std::filesystem::path cachePath(uint64_t key) {
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.bin", static_cast<unsigned long long>(key));
    return userCacheDir() / "basemap" / name;
}

// Keeps the folder to the `keep` most recently used cache files (one per geodata content: a user
// switching between a few --geodata folders, never an unbounded pile from edited or generated ones).
void pruneCacheFolder(const std::filesystem::path& folder, size_t keep) {
    std::error_code ec;
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().extension() == ".bin") files.emplace_back(entry.last_write_time(ec), entry.path());
    if (files.size() <= keep) return;
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = keep; i < files.size(); ++i) std::filesystem::remove(files[i].second, ec);
}

}  // namespace

std::string serializeBasemap(const Basemap& map, uint64_t key) {
    Writer w;
    w.pod(kMagic);
    w.pod(kFormat);
    w.pod(key);
    w.pod(static_cast<uint64_t>(map.countries.size()));
    for (const Country& c : map.countries) {
        w.text(c.id);
        w.text(c.name);
        w.pod(static_cast<uint64_t>(c.rings.size()));
        for (const Ring& r : c.rings) w.pods(r);
        w.pod(c.labelAnchor);
        w.pod(c.labelArea);
    }
    w.pods(map.coastlines);
    w.pods(map.countryBorders);
    w.pods(map.admin1Borders);
    w.pod(static_cast<uint64_t>(map.admin1Labels.size()));
    for (const RegionLabel& l : map.admin1Labels) {
        w.pod(l.anchor);
        w.text(l.name);
        w.text(l.nativeName);
        w.text(l.countryIso2);
        w.pod(static_cast<int32_t>(l.rank));
    }
    return w.take();
}

std::optional<Basemap> deserializeBasemap(std::string_view bytes, uint64_t key) {
    Reader r(bytes);
    const auto magic = r.pod<std::array<char, 8>>();
    if (!r.ok() || std::memcmp(magic.data(), kMagic, 8) != 0 || r.pod<uint32_t>() != kFormat || r.pod<uint64_t>() != key)
        return std::nullopt;
    Basemap map;
    map.countries.resize(r.count(4 + 4 + 8 + 16 + 8));
    for (Country& c : map.countries) {
        c.id = r.text();
        c.name = r.text();
        c.rings.resize(r.count(8));
        for (Ring& ring : c.rings) ring = r.pods<LonLat>();
        c.labelAnchor = r.pod<LonLat>();
        c.labelArea = r.pod<double>();
        if (!r.ok()) return std::nullopt;
    }
    map.coastlines = r.pods<Segment>();
    map.countryBorders = r.pods<Segment>();
    map.admin1Borders = r.pods<Segment>();
    map.admin1Labels.resize(r.count(16 + 4 * 3 + 4));
    for (RegionLabel& l : map.admin1Labels) {
        l.anchor = r.pod<LonLat>();
        l.name = r.text();
        l.nativeName = r.text();
        l.countryIso2 = r.text();
        l.rank = r.pod<int32_t>();
        if (!r.ok()) return std::nullopt;
    }
    if (!r.done()) return std::nullopt;
    return map;
}

Result<Basemap> loadBasemapCached(const std::string& dir) {
    const std::optional<uint64_t> key = inputKey(dir);
    if (!key) return loadBasemap(dir);  // its error names the missing or unreadable file
    const std::filesystem::path path = cachePath(*key);
    if (Result<std::string> cached = readWholeFile(path.string(), kMaxInput))
        if (std::optional<Basemap> map = deserializeBasemap(*cached, *key)) {
            std::error_code ec;
            std::filesystem::last_write_time(path, std::filesystem::file_time_type::clock::now(), ec);  // recently used
            return std::move(*map);
        }
    Result<Basemap> map = loadBasemap(dir);
    if (!map) return map;
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    const std::string bytes = serializeBasemap(*map, *key);
    if (writeFileAtomically(path.string(), {reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()}))
        pruneCacheFolder(path.parent_path(), 4);
    return map;
}

}  // namespace briefmap::geo
