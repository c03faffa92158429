#include "model/synthetic_briefing.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

#include "model/briefing.hpp"

namespace briefmap::model {

namespace {

// Names the geocoder resolves: the theatre of the seed briefing.
constexpr const char* kGazetteerNames[] = {
    "Vladivostok", "Pyongyang", "Moscow", "Kursk", "Kharkiv", "Kyiv", "Seoul", "Tokyo", "Beijing", "Khabarovsk",
    "Rason", "Wonsan", "Nampo", "Chongjin", "Sinuiju", "Belgorod", "Bryansk", "Donetsk", "Luhansk", "Zaporizhzhia",
    "Kherson", "Odesa", "Dnipro", "Sumy", "Rostov-on-Don", "Novosibirsk", "Irkutsk", "Ulan-Ude", "Chita",
    "Blagoveshchensk", "Komsomolsk-on-Amur", "Nakhodka", "Ussuriysk", "Yuzhno-Sakhalinsk", "Harbin", "Shenyang",
    "Dandong", "Busan", "Incheon", "Sapporo", "Anchorage", "Washington", "Hanoi", "Tehran", "New Delhi",
    "Minsk", "Ulaanbaatar", "Vostochny Cosmodrome", "Kursk region", "Amur region"};

constexpr const char* kKinds[] = {"meeting", "visit", "agreement", "troop_deployment", "munitions_transfer",
                                  "missile_strike", "technology_transfer", "aid_trade", "sanction", "statement"};
constexpr const char* kCargo[] = {"troops", "munitions", "missiles", "technology", "aid_energy", "people"};
constexpr const char* kStatus[] = {"confirmed", "claimed", "disputed"};

std::string escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

Result<std::string> writeSyntheticBriefing(const std::string& dir, const SyntheticOptions& o) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::mt19937 rng(o.seed);
    const auto uniform = [&](size_t n) { return static_cast<size_t>(rng() % n); };

    // The article: one sentence per quote slot, so every event quotes real bytes at real offsets.
    constexpr size_t kSentences = 4000;
    std::string article;
    std::vector<std::pair<size_t, size_t>> sentences;
    for (size_t i = 0; i < kSentences; ++i) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "Report %zu: officials said convoy %zu moved %zu units past checkpoint %zu. ", i,
                      rng() % 997, rng() % 50000, rng() % 400);
        sentences.emplace_back(article.size(), article.size() + std::char_traits<char>::length(buf) - 1);
        article += buf;
        if (i % 8 == 7) article += "\n";
    }
    {
        std::ofstream out(dir + "/article.txt", std::ios::binary);
        out << article;
        if (!out) return Error{"cannot write " + dir + "/article.txt"};
    }

    const size_t placeCount = std::max<size_t>(o.places, std::size(kGazetteerNames));
    std::vector<std::string> names;
    for (const char* n : kGazetteerNames) names.emplace_back(n);
    std::ofstream out(dir + "/synthetic.json", std::ios::binary);
    out << "{\"format\": \"briefmap-briefing/1\", \"title\": \"Synthetic stress briefing\",\n"
           "\"articles\": [{\"id\": \"s\", \"file\": \"article.txt\", \"title\": \"Synthetic reports\", \"published\": \"2025-12-31\"}],\n"
           "\"places\": [\n";
    for (size_t i = names.size(); i < placeCount; ++i) {
        // Sites spread over the theatre between Ukraine and the Pacific.
        const double lat = 35 + static_cast<double>(uniform(2500)) / 100;
        const double lon = 25 + static_cast<double>(uniform(11500)) / 100;
        names.push_back("Site " + std::to_string(i));
        char buf[200];
        std::snprintf(buf, sizeof buf, "%s{\"name\": \"Site %zu\", \"lat\": %.4f, \"lon\": %.4f, \"why\": \"synthetic\"}\n",
                      i == std::size(kGazetteerNames) ? "" : ",", i, lat, lon);
        out << buf;
    }
    out << "],\n\"events\": [\n";
    const DayNumber first = dayNumber(2019, 1, 1), span = dayNumber(2025, 12, 31) - first;
    for (size_t i = 0; i < o.events + o.flows; ++i) {
        const bool flow = i >= o.events;
        const PartialDate start = dateOfDay(first + static_cast<DayNumber>(uniform(static_cast<size_t>(span))));
        const auto [qs, qe] = sentences[uniform(kSentences)];
        const size_t kind = flow ? 3 + uniform(5) : uniform(std::size(kKinds));
        out << (i ? ",\n" : "") << "{\"id\": \"e" << i << "\", \"kind\": \"" << kKinds[kind] << "\", \"start\": \""
            << start.text() << "\"";
        if (i % 5 == 0) out << ", \"end\": \"" << dateOfDay(start.firstDay() + static_cast<DayNumber>(uniform(200))).text() << "\"";
        if (flow) {
            const size_t from = uniform(names.size());
            size_t to = uniform(names.size());
            if (to == from) to = (to + 1) % names.size();
            out << ", \"flow\": {\"from\": \"" << escaped(names[from]) << "\", \"to\": \"" << escaped(names[to])
                << "\", \"cargo\": \"" << kCargo[uniform(std::size(kCargo))] << "\"}, \"quantity\": {\"value\": "
                << 10 + uniform(100000) << ", \"unit\": \"units\"}";
        } else {
            out << ", \"places\": [\"" << escaped(names[uniform(names.size())]) << "\"]";
        }
        const size_t status = uniform(3);
        out << ", \"status\": \"" << kStatus[status] << "\"";
        if (status) out << ", \"attribution\": [\"officials\"]";
        out << ", \"actors\": [\"Actor " << uniform(50) << "\"], \"summary\": \"Synthetic event " << i
            << ".\", \"sources\": [{\"article\": \"s\", \"quote\": \"" << article.substr(qs, qe - qs)
            << "\", \"start\": " << qs << ", \"end\": " << qe << "}]}";
    }
    out << "\n]}\n";
    if (!out) return Error{"cannot write " + dir + "/synthetic.json"};
    return dir + "/synthetic.json";
}

}  // namespace briefmap::model
