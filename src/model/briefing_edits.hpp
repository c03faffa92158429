// Changes to a briefing as commands that know their inverse: `draft --into`, the window's editing and
// a shared store change briefings only through these, and undo/redo are two stacks of them.
// Events are addressed by id (indices move: the briefing keeps events sorted by time).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "model/briefing.hpp"

namespace briefmap::model {

// An event detached from its briefing: place indices point into `placeNames`, source article
// indices into `articleIds`, so it can be put into another briefing.
struct PortableEvent {
    Event event;
    std::vector<std::string> placeNames;
    std::vector<std::string> articleIds;
};
PortableEvent portableEvent(const Briefing& briefing, const Event& event);

// What an edit changes, named, for stores written edit by edit (the PostGIS store's write-through):
// events, articles and declared places by id or name, the briefing's own members (title, views,
// rejected drafts), or everything.
struct Touched {
    std::vector<std::string> events, articles, places;
    bool head = false, everything = false;
    void add(const Touched& other);
    bool empty() const { return events.empty() && articles.empty() && places.empty() && !head && !everything; }
};

class Edit {
public:
    virtual ~Edit() = default;
    // Undoing an edit touches the same things.
    virtual void touched(Touched& out) const { out.everything = true; }
    virtual void apply(Briefing& briefing) = 0;
    virtual void revert(Briefing& briefing) = 0;  // only right after apply (or after redo's apply)
    virtual std::string label() const = 0;
};

std::unique_ptr<Edit> addArticle(Article article);
// Lists a place in the briefing's `places` with its country hint or coordinates (adds it, or
// declares an existing one, which keeps what it had where `place` leaves a field empty).
std::unique_ptr<Edit> declarePlace(Place place);
// The event's places are added to the briefing as needed; its sources' articles must be there.
std::unique_ptr<Edit> addEvent(PortableEvent event);
std::unique_ptr<Edit> replaceEvent(std::string id, PortableEvent after);
std::unique_ptr<Edit> removeEvent(std::string id);
// `source.article` is ignored: the article is named by id.
std::unique_ptr<Edit> addSource(std::string eventId, std::string articleId, Source source);
// Takes a drafted event out of the briefing and remembers it in `rejected` (kind, summary, sources).
std::unique_ptr<Edit> rejectDraft(const Briefing& briefing, const std::string& id);
// The whole briefing at once (recovered unsaved work); its inverse puts the previous one back.
std::unique_ptr<Edit> replaceBriefing(Briefing after);
// The saved views all at once (adding, renaming, deleting and reordering one are all this).
std::unique_ptr<Edit> replaceViews(std::vector<TourStep> views, std::string label);
// The annotations all at once (adding, moving, editing and deleting one are all this).
std::unique_ptr<Edit> replaceAnnotations(std::vector<Annotation> annotations, std::string label);
// Several edits as one step (undone together, in reverse order).
std::unique_ptr<Edit> editGroup(std::string label, std::vector<std::unique_ptr<Edit>> edits);

// Undo and redo: applied edits on one stack, undone ones on the other; a new edit clears redo.
class EditHistory {
public:
    void apply(Briefing& briefing, std::unique_ptr<Edit> edit);
    bool undo(Briefing& briefing);
    bool redo(Briefing& briefing);
    bool canUndo() const { return !m_done.empty(); }
    bool canRedo() const { return !m_undone.empty(); }
    std::string undoLabel() const { return m_done.empty() ? "" : m_done.back()->label(); }
    std::string redoLabel() const { return m_undone.empty() ? "" : m_undone.back()->label(); }
    const Edit* nextUndo() const { return m_done.empty() ? nullptr : m_done.back().get(); }
    const Edit* nextRedo() const { return m_undone.empty() ? nullptr : m_undone.back().get(); }

private:
    std::vector<std::unique_ptr<Edit>> m_done, m_undone;
};

}  // namespace briefmap::model
