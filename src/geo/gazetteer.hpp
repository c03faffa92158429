// The offline gazetteer: GeoNames populated places, Natural Earth admin-1 regions, countries and a
// curated table of places the news names (facilities, crossings, seas, informal regions), in one
// compact binary file (geodata/gazetteer.bin) that loads by mapping it into memory: no parsing, and
// only the pages a lookup touches are read. Every reference read from the file is bounds-checked
// where it is used, so a corrupt file can give wrong answers but never read outside the mapping.
//
// File layout (little-endian; offsets from the file start):
//   Header | Place[placeCount] | Key[keyCount] | uint32 postings[postingCount] |
//   uint32 hashSlots[slotCount] | DeleteEntry[deleteCount] | string pool
// Keys are folded names (foldName) and their skeletons (nameSkeleton); each key lists the places it
// names. hashSlots is an open-addressing table over keys; DeleteEntry is the SymSpell index (hash of
// every one-letter deletion of notable keys → key) for typo-tolerant lookup.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace briefmap::geo {

enum class PlaceKind : uint8_t {
    Country, Admin1, Capital, AdminSeat, City, Facility, Region, Water, Crossing, Port, Landmark
};
std::string_view placeKindName(PlaceKind kind);

#pragma pack(push, 1)
struct GazetteerHeader {
    char magic[8];  // "BMGAZ04\0"
    uint32_t placeCount, keyCount, postingCount, slotCount, deleteCount, stringBytes;
    uint64_t placesAt, keysAt, postingsAt, slotsAt, deletesAt, stringsAt;
};
struct PlaceRecord {
    float lat, lon;
    uint32_t population;
    uint32_t nameAt;    // display name, string pool
    uint32_t admin1At;  // admin-1 display name, string pool (0: none)
    char country[2];    // ISO 3166-1 alpha-2
    PlaceKind kind;
    uint8_t rank;       // GeoNames feature rank within kind (PPLA=1 … PPLA4=4; 0 otherwise)
    uint32_t sourceAt;  // curated rows: where the coordinates come from (0: GeoNames/Natural Earth)
    uint32_t nativeAt;  // the name in the country's own script (Russian, Ukrainian, Korean), 0: none
};
struct KeyRecord {
    uint32_t textAt;  // folded key, string pool
    uint32_t firstPosting, postingCount;
    uint32_t hashLow;  // low 32 bits of the key's hash, to skip most string compares
};
struct DeleteEntry {
    uint64_t hash;
    uint32_t key;
    uint32_t pad;
};
#pragma pack(pop)

// A posting's top bits say how the key names the place.
inline constexpr uint32_t kPostingPrimary = 1u << 31;   // the place's main name
inline constexpr uint32_t kPostingSkeleton = 1u << 30;  // a skeleton key, not a folded name
// Every name giving this key carried a qualifier that was split off ("Vostochny Port" → "vostochny"):
// an unqualified query matches it less well than a place that bears the bare name.
inline constexpr uint32_t kPostingQualified = 1u << 29;
inline constexpr uint32_t kPostingPlaceMask = (1u << 29) - 1;

uint64_t hashKey(std::string_view key);

// Coarser key for transliteration variants: kh→h, zh→z, ts→c, j→y, yy/iy/ij→y, eo→o, double letters
// collapsed... Vostochnyy/Vostochny, Pyeongyang/Pyongyang and Odessa/Odesa meet here.
std::string nameSkeleton(std::string_view folded);

class Gazetteer {
public:
    static Result<Gazetteer> load(const std::string& path);
    static std::string defaultPath();  // $BRIEFMAP_GAZETTEER or geodata/gazetteer.bin

    size_t placeCount() const { return m_header.placeCount; }
    // An index out of range (only a corrupt file has one) gives an empty record.
    const PlaceRecord& place(uint32_t index) const { return index < m_header.placeCount ? m_places[index] : kNoRecord; }
    // The string pool ends with a NUL (checked at load), so any offset inside it reads a bounded string.
    std::string_view text(uint32_t at) const {
        return at && at < m_header.stringBytes ? std::string_view(m_strings + at) : std::string_view();
    }
    std::string_view placeName(uint32_t index) const { return text(place(index).nameAt); }
    std::string_view nativeName(uint32_t index) const { return text(place(index).nativeAt); }

    // Postings (with flags) of an exact key, empty when the key is unknown.
    struct Postings {
        const uint32_t* begin = nullptr;
        const uint32_t* end = nullptr;
    };
    Postings lookup(std::string_view key) const;
    std::string_view keyText(uint32_t key) const { return key < m_header.keyCount ? text(m_keys[key].textAt) : std::string_view(); }
    Postings postingsOfKey(uint32_t key) const;
    // Keys within Damerau-Levenshtein distance 2 of `key` among notable keys: (key index, distance).
    void fuzzy(std::string_view key, std::vector<std::pair<uint32_t, int>>& out) const;

private:
    static const PlaceRecord kNoRecord;
    std::shared_ptr<const char> m_bytes;  // the mapped (or, where mapping fails, read) file
    GazetteerHeader m_header{};
    const PlaceRecord* m_places = nullptr;
    const KeyRecord* m_keys = nullptr;
    const uint32_t* m_postings = nullptr;
    const uint32_t* m_slots = nullptr;
    const DeleteEntry* m_deletes = nullptr;
    const char* m_strings = nullptr;
};

// Optimal-string-alignment distance, giving up above `limit` (returns limit + 1).
int editDistance(std::string_view a, std::string_view b, int limit);

}  // namespace briefmap::geo
