// A briefing open for editing (the window's authoring side): the model, its undo history, and what the
// file on disk holds, so that Save patches the file's own text (a one-field edit is a one-line diff
// under git) and unsaved work survives a crash or a kill in a recovery file offered at the next start.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "geo/geocoder.hpp"
#include "model/briefing.hpp"
#include "model/briefing_edits.hpp"
#include "model/diagnostic.hpp"
#include "model/table_import.hpp"

namespace briefmap::model {

class BriefingDocument {
public:
    // `briefing` was read from `path`: briefing JSON (saved back there), or imported data (saved as
    // NAME.briefing.json beside it). The geocoder resolves places that edits add; it must outlive this.
    void open(Briefing briefing, const std::string& path, bool briefingFile, const geo::Geocoder& geocoder,
              ImportOptions options = {});
    bool isOpen() const { return m_geocoder != nullptr; }

    const Briefing& briefing() const { return m_briefing; }
    void apply(std::unique_ptr<Edit> edit);
    bool undo();
    bool redo();
    const EditHistory& history() const { return m_history; }
    uint64_t revision() const { return m_revision; }  // changes with every apply, undo and redo
    bool dirty() const { return m_dirty; }
    const std::string& savePath() const { return m_savePath; }
    // Writes atomically; the file's own text patched where it can be (and checked to read back as
    // the same briefing), else written afresh. Removes the recovery file.
    Status save();

    // A briefing kept somewhere other than a file (the event store, written edit by edit): save()
    // hands the briefing and what changed since the last save to `saver` instead of writing a file.
    using Saver = std::function<Status(const Briefing& briefing, const Touched& changed)>;
    void setSaver(Saver saver) { m_saver = std::move(saver); }
    bool savesElsewhere() const { return static_cast<bool>(m_saver); }
    // What changed since the last save (apply, undo and redo all add to it).
    const Touched& unsaved() const { return m_touched; }
    // Takes the current state as saved without writing (after a refused write was undone).
    void markSaved();
    // Where the briefing's relative article paths are read from when that is not beside savePath()
    // (a briefing from the store: its texts are kept in a cache folder).
    void setReadPath(std::string path) { m_readPath = std::move(path); }
    const std::string& readPath() const { return m_readPath.empty() ? m_savePath : m_readPath; }

    // Checks an event as written in the file (its JSON object) with `validate`'s rules and messages,
    // paths starting "events[0]". With no problems, `out` holds it ready for addEvent/replaceEvent.
    Diagnostics checkEvent(const nlohmann::ordered_json& event, PortableEvent& out) const;
    // The event as the file writes it.
    nlohmann::ordered_json eventJson(const Event& event) const;

    // Unsaved work, kept under $XDG_STATE_HOME/briefmap/recovery/ (else ~/.local/state/…) by the
    // briefing's absolute path; written while dirty, removed on save or when the changes are dropped.
    std::string recoveryPath() const;
    Status writeRecovery();
    void removeRecovery() const;
    struct Recovery {
        std::string written;      // when, "2026-12-04 10:58:03" local time
        bool fileChanged = false; // the briefing on disk changed since the edits began
        std::string document;     // the briefing JSON with the edits
    };
    std::optional<Recovery> findRecovery() const;
    // The recovered briefing as one undoable edit.
    Status recover(const Recovery& recovery);

private:
    void changed();

    Briefing m_briefing;
    EditHistory m_history;
    const geo::Geocoder* m_geocoder = nullptr;
    ImportOptions m_options;
    std::string m_savePath;
    std::string m_fileText;       // the saved file's bytes ("" for imported data not yet saved)
    std::string m_savedJson;      // briefingJson of what the file holds
    uint64_t m_revision = 0;
    bool m_dirty = false;
    Saver m_saver;
    std::string m_readPath;
    Touched m_touched;
    // Each state the history can return to has an id; the document is clean at the saved one.
    std::vector<uint64_t> m_states, m_redoStates;
    uint64_t m_lastState = 0, m_savedState = 0;
    uint64_t currentState() const { return m_states.empty() ? 0 : m_states.back(); }
    bool m_baseKnown = false;     // m_savedJson computed
    bool m_wroteRecovery = false; // the recovery file is this session's
};

}  // namespace briefmap::model
