#include "model/csv_import.hpp"

#include <cmath>
#include <filesystem>
#include <map>

#include "model/geojson_import.hpp"

namespace briefmap::model {

namespace {

// ACLED's event types and sub-types → our kinds; `kind` and `cargo` columns, when present, win.
EventKind kindOfAcled(const std::string& type, const std::string& subType) {
    const auto has = [](const std::string& s, const char* word) { return s.find(word) != std::string::npos; };
    if (has(subType, "Agreement")) return EventKind::Agreement;
    if (has(type, "Explosions") || has(subType, "missile") || has(subType, "Shelling") || has(subType, "strike"))
        return EventKind::MissileStrike;
    if (has(type, "Battles") || has(subType, "base established") || has(subType, "Change to group"))
        return EventKind::TroopDeployment;
    if (has(subType, "Arrests") || has(subType, "Looting")) return EventKind::Statement;
    if (has(type, "Violence against civilians")) return EventKind::MissileStrike;
    return EventKind::Statement;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trimmed(const std::string& s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

}  // namespace

bool parseCsv(std::string_view text, std::vector<CsvRecord>& records, Diagnostic& error) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // spreadsheet BOM
    size_t line = 1, column = 1, i = 0;
    CsvRecord record;
    while (i < text.size()) {
        CsvField field{{}, line, column};
        if (text[i] == '"') {
            const size_t openLine = line, openColumn = column;
            ++i, ++column;
            while (true) {
                if (i >= text.size()) {
                    error = {{}, openLine, openColumn, {}, "unterminated quoted field"};
                    return false;
                }
                const char c = text[i];
                if (c == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field.text += '"';
                        i += 2, column += 2;
                        continue;
                    }
                    ++i, ++column;
                    break;
                }
                field.text += c;
                ++i;
                if (c == '\n') ++line, column = 1;
                else ++column;
            }
            // Text after a closing quote up to the separator is kept, as spreadsheets do.
            while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field.text += text[i++], ++column;
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field.text += text[i++], ++column;
        }
        record.push_back(std::move(field));
        if (i < text.size() && text[i] == ',') {
            ++i, ++column;
            if (i == text.size()) record.push_back({{}, line, column});
            continue;
        }
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line, column = 1;
        if (!(record.size() == 1 && record[0].text.empty())) records.push_back(std::move(record));  // blank lines
        record.clear();
    }
    if (!record.empty()) records.push_back(std::move(record));
    return true;
}

void readAcledCsv(std::string_view text, const std::string& file, Briefing& out, std::vector<PlaceRef>& placePaths,
                  Diagnostics& problems) {
    std::vector<CsvRecord> records;
    Diagnostic error;
    if (!parseCsv(text, records, error)) {
        problems.push_back(error);
        return;
    }
    if (records.empty()) {
        problems.push_back({{}, 1, 1, {}, "empty file: expected a header row"});
        return;
    }
    std::map<std::string, size_t> columns;
    for (size_t c = 0; c < records[0].size(); ++c) columns[lower(trimmed(records[0][c].text))] = c;
    for (const char* required : {"event_date", "event_type", "location"})
        if (!columns.count(required)) {
            problems.push_back({{}, 1, 1, {}, std::string("missing column '") + required +
                                                   "'; expected ACLED columns event_date, event_type, sub_event_type, actor1, location, latitude, longitude, notes, source"});
            return;
        }
    const std::string fileName = std::filesystem::path(file).filename().string();
    out.title = fileName;
    for (size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& row = records[r];
        const size_t rowLine = row.front().line;
        const auto cell = [&](const char* name) -> std::string {
            const auto it = columns.find(name);
            return it == columns.end() || it->second >= row.size() ? std::string() : trimmed(row[it->second].text);
        };
        const auto report = [&](const char* name, std::string message) {
            const auto it = columns.find(name);
            const CsvField& at = it != columns.end() && it->second < row.size() ? row[it->second] : row.front();
            problems.push_back({{}, at.line, at.column, name, std::move(message)});
        };
        const size_t before = problems.size();
        Event event;
        event.id = cell("event_id_cnty");
        if (event.id.empty()) event.id = fileName + ":" + std::to_string(rowLine);
        Result<PartialDate> date = parseImportedDate(cell("event_date"));
        if (!date) report("event_date", date.error().message);
        else {
            event.start = event.end = *date;
            event.precision = DatePrecision::Day;
            event.startDay = event.endDay = date->firstDay();
        }
        const std::string kindText = cell("kind");
        if (!kindText.empty()) {
            if (auto k = eventKindFromName(kindText)) event.kind = *k;
            else report("kind", "unknown kind '" + kindText + "'");
        } else {
            event.kind = kindOfAcled(cell("event_type"), cell("sub_event_type"));
        }
        const std::string location = cell("location");
        const std::string latText = cell("latitude"), lonText = cell("longitude");
        if (!latText.empty() || !lonText.empty()) {
            char* endLat = nullptr;
            char* endLon = nullptr;
            const double lat = std::strtod(latText.c_str(), &endLat);
            const double lon = std::strtod(lonText.c_str(), &endLon);
            if (latText.empty() || *endLat || !std::isfinite(lat) || std::abs(lat) > 90)
                report("latitude", "expected a latitude within ±90, got '" + latText.substr(0, 30) + "'");
            else if (lonText.empty() || *endLon || !std::isfinite(lon) || std::abs(lon) > 180)
                report("longitude", "expected a longitude within ±180, got '" + lonText.substr(0, 30) + "'");
            else
                event.places.push_back(placeAt(out, location, lat, lon, "coordinates from " + fileName, placePaths, "location"));
        } else if (location.empty()) {
            report("location", "empty, and the row has no coordinates");
        } else {
            const uint32_t p = internPlace(out, location);
            if (p == placePaths.size()) {
                const CsvField& at = row[columns["location"]];
                placePaths.push_back({"location", at.line, at.column});
            }
            event.places.push_back(p);
        }
        if (problems.size() != before) continue;
        for (const char* actor : {"actor1", "actor2"})
            if (std::string a = cell(actor); !a.empty()) event.actors.push_back(a);
        const std::string source = cell("source");
        if (!source.empty()) event.attribution.push_back(source);
        const std::string notes = cell("notes");
        const std::string type = cell("sub_event_type").empty() ? cell("event_type") : cell("sub_event_type");
        event.summary = notes.empty() ? type + (location.empty() ? "" : " in " + location) : notes;
        Source s;
        s.quote = notes;
        s.citation = fileName + ":" + std::to_string(rowLine) + (source.empty() ? "" : ": " + source);
        event.sources.push_back(std::move(s));
        out.events.push_back(std::move(event));
    }
}

}  // namespace briefmap::model
