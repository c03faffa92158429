#include "model/briefing_document.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <set>
#include <span>

#include "core/atomic_file.hpp"
#include "core/read_file.hpp"
#include "model/briefing_loader.hpp"
#include "model/briefing_writer.hpp"
#include "model/json_text_patch.hpp"

namespace briefmap::model {

using ordered = nlohmann::ordered_json;

namespace {

uint64_t fnv1a(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

std::string hex(uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::span<const unsigned char> bytes(const std::string& s) { return {reinterpret_cast<const unsigned char*>(s.data()), s.size()}; }

std::string absolute(const std::string& path) {
    std::error_code ec;
    const std::filesystem::path p = std::filesystem::absolute(path, ec);
    return ec ? path : p.lexically_normal().string();
}

}  // namespace

void BriefingDocument::open(Briefing briefing, const std::string& path, bool briefingFile, const geo::Geocoder& geocoder,
                            ImportOptions options) {
    m_briefing = std::move(briefing);
    m_history = {};
    m_geocoder = &geocoder;
    m_options = std::move(options);
    m_fileText.clear();
    if (briefingFile) {
        m_savePath = path;
        Result<std::string> text = readWholeFile(path, kMaxDataFileBytes);
        if (text) m_fileText = std::move(*text);
    } else {
        const std::filesystem::path p(path);
        m_savePath = (p.parent_path() / (p.stem().string() + ".briefing.json")).string();
    }
    // Imported data (perhaps a million rows) is written out only when first edited.
    m_baseKnown = briefingFile;
    m_savedJson = briefingFile ? briefingJson(m_briefing) : std::string();
    m_dirty = false;
    m_states.clear();
    m_redoStates.clear();
    m_savedState = 0;
    m_touched = {};
    m_saver = nullptr;
    m_readPath.clear();
    ++m_revision;  // never repeats, across documents opened one after another in the same object
}

void BriefingDocument::changed() {
    // Places an edit named for the first time are geocoded like the loader does; one that does not
    // resolve stays unresolved (checkEvent refuses such edits before they are applied).
    Diagnostics ignored;
    resolvePlaces(m_briefing, *m_geocoder, {}, m_savePath, ignored);
    // Dirty unless back at the state last saved: by state, not by serialising the briefing after
    // every edit (that made each edit O(briefing): seconds per edit on a merged corpus).
    m_dirty = currentState() != m_savedState;
    ++m_revision;
}

void BriefingDocument::apply(std::unique_ptr<Edit> edit) {
    if (!m_baseKnown) {
        m_savedJson = briefingJson(m_briefing);
        m_baseKnown = true;
    }
    edit->touched(m_touched);
    m_history.apply(m_briefing, std::move(edit));
    m_states.push_back(++m_lastState);
    m_redoStates.clear();
    changed();
}

bool BriefingDocument::undo() {
    if (const Edit* e = m_history.nextUndo()) e->touched(m_touched);
    if (!m_history.undo(m_briefing)) return false;
    if (!m_states.empty()) {
        m_redoStates.push_back(m_states.back());
        m_states.pop_back();
    }
    changed();
    return true;
}

bool BriefingDocument::redo() {
    if (const Edit* e = m_history.nextRedo()) e->touched(m_touched);
    if (!m_history.redo(m_briefing)) return false;
    if (!m_redoStates.empty()) {
        m_states.push_back(m_redoStates.back());
        m_redoStates.pop_back();
    }
    changed();
    return true;
}

void BriefingDocument::markSaved() {
    m_savedState = currentState();
    m_touched = {};
    m_dirty = false;
}

Status BriefingDocument::save() {
    if (m_saver) {
        if (Status s = m_saver(m_briefing, m_touched); !s) return s;
        markSaved();
        if (m_wroteRecovery) removeRecovery();
        return Done{};
    }
    const std::string mine = briefingJson(m_briefing);
    std::string out = mine;
    if (!m_fileText.empty() && !m_savedJson.empty()) {
        try {
            if (std::optional<std::string> patched = patchJsonText(m_fileText, ordered::parse(m_savedJson), ordered::parse(mine))) {
                // Only a patch that reads back as exactly this briefing is written.
                const LoadedBriefing again = loadBriefingText(m_savePath, *patched, *m_geocoder, m_options);
                if (again.ok() && briefingJson(again.briefing) == mine) out = std::move(*patched);
            }
        } catch (const nlohmann::json::exception&) {
        }
    }
    if (Status s = checkOutputPath(m_savePath); !s) return s;
    if (Status s = writeFileAtomically(m_savePath, bytes(out)); !s) return s;
    m_fileText = std::move(out);
    m_savedJson = mine;
    m_savedState = currentState();
    m_dirty = false;
    if (m_wroteRecovery) removeRecovery();  // another session's recovery file is not ours to drop
    return Done{};
}

ordered BriefingDocument::eventJson(const Event& event) const { return eventJsonValue(m_briefing, event); }

Diagnostics BriefingDocument::checkEvent(const ordered& event, PortableEvent& out) const {
    // A briefing of this one event, with the articles its sources cite and the places declared for
    // the names it uses, read by the same reader as `validate`.
    std::set<std::string> articleIds, placeNames;
    eventJsonReferences(event, placeNames, articleIds);
    const ordered whole = ordered::parse(briefingJson(m_briefing));
    ordered doc = ordered::object();
    doc["format"] = whole["format"];
    doc["title"] = whole["title"];
    doc["articles"] = ordered::array();
    for (const ordered& a : whole["articles"])
        if (articleIds.count(a["id"].get<std::string>())) doc["articles"].push_back(a);
    doc["places"] = ordered::array();
    for (const ordered& p : whole["places"])
        if (placeNames.count(p["name"].get<std::string>())) doc["places"].push_back(p);
    doc["events"] = ordered::array({event});
    LoadedBriefing checked = loadBriefingText(readPath(), doc.dump(2), *m_geocoder, m_options);
    for (Diagnostic& d : checked.problems) d.line = d.column = 0;  // positions in a text nobody sees
    if (checked.ok()) {
        if (checked.briefing.events.size() == 1) out = portableEvent(checked.briefing, checked.briefing.events.front());
        else checked.problems.push_back({m_savePath, 0, 0, "events[0]", "not an event"});
    }
    return checked.problems;
}

std::string BriefingDocument::recoveryPath() const {
    std::filesystem::path dir;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) dir = state;
    else if (const char* home = std::getenv("HOME"); home && *home) dir = std::filesystem::path(home) / ".local" / "state";
    else dir = std::filesystem::temp_directory_path();
    return (dir / "briefmap" / "recovery" / (hex(fnv1a(absolute(m_savePath))) + ".json")).string();
}

Status BriefingDocument::writeRecovery() {
    if (!m_dirty) {
        if (m_wroteRecovery) removeRecovery();
        return Done{};
    }
    const std::string path = recoveryPath();
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    if (ec) return Error{path + ": cannot create the recovery folder: " + ec.message()};
    char when[32];
    const std::time_t now = std::time(nullptr);
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
    ordered r;
    r["format"] = "briefmap-recovery/1";
    r["briefing"] = absolute(m_savePath);
    r["written"] = when;
    r["file_fnv1a"] = hex(fnv1a(m_fileText));
    r["document"] = briefingJson(m_briefing);
    m_wroteRecovery = true;
    return writeFileAtomically(path, bytes(r.dump(1, ' ', false, nlohmann::json::error_handler_t::replace)));
}

void BriefingDocument::removeRecovery() const {
    std::error_code ec;
    std::filesystem::remove(recoveryPath(), ec);
}

std::optional<BriefingDocument::Recovery> BriefingDocument::findRecovery() const {
    Result<std::string> text = readWholeFile(recoveryPath(), kMaxDataFileBytes * 2);
    if (!text) return std::nullopt;
    try {
        const ordered r = ordered::parse(*text);
        if (r.value("format", "") != "briefmap-recovery/1" || r.value("briefing", "") != absolute(m_savePath)) return std::nullopt;
        Recovery out;
        out.written = r.value("written", "");
        out.document = r.value("document", "");
        out.fileChanged = r.value("file_fnv1a", "") != hex(fnv1a(m_fileText));
        if (out.document.empty() || out.document == m_savedJson) return std::nullopt;
        return out;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // a torn or foreign file: nothing to offer
    }
}

Status BriefingDocument::recover(const Recovery& recovery) {
    LoadedBriefing loaded = loadBriefingText(readPath(), recovery.document, *m_geocoder, m_options);
    if (!loaded.ok()) return Error{recoveryPath() + ": " + loaded.problems.front().text()};
    apply(replaceBriefing(std::move(loaded.briefing)));
    m_wroteRecovery = true;  // it is this session's now: saving or discarding drops it
    return Done{};
}

}  // namespace briefmap::model
