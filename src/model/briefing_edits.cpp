#include "model/briefing_edits.hpp"

#include <algorithm>
#include <stdexcept>

namespace briefmap::model {

namespace {

// Places interned by an edit are removed again by its revert (edits are undone last-first, so
// they are the briefing's last places).
void dropPlacesFrom(Briefing& b, size_t count) {
    while (b.places.size() > count) {
        b.placeIndex.erase(b.places.back().name);
        b.places.pop_back();
    }
}

uint32_t nextOrder(const Briefing& b) {
    uint32_t order = 0;
    for (const Event& e : b.events) order = std::max(order, e.order + 1);
    return order;
}

// The portable event with its places and articles looked up (places added) in `b`.
Event attach(Briefing& b, const PortableEvent& pe) {
    Event e = pe.event;
    const auto place = [&](uint32_t& p) {
        if (p != kNone) p = internPlace(b, pe.placeNames.at(p));
    };
    for (uint32_t& p : e.places) place(p);
    if (e.flow) {
        place(e.flow->from);
        place(e.flow->to);
        for (uint32_t& p : e.flow->via) place(p);
    }
    for (Source& s : e.sources) {
        if (s.article == kNone) continue;
        s.article = b.findArticle(pe.articleIds.at(s.article));
        if (s.article == kNone) throw std::logic_error("edit names an article the briefing lacks");
    }
    return e;
}

}  // namespace

void Touched::add(const Touched& o) {
    events.insert(events.end(), o.events.begin(), o.events.end());
    articles.insert(articles.end(), o.articles.begin(), o.articles.end());
    places.insert(places.end(), o.places.begin(), o.places.end());
    head = head || o.head;
    everything = everything || o.everything;
}

namespace {

uint32_t eventIndex(const Briefing& b, const std::string& id) {
    const uint32_t i = b.findEvent(id);
    if (i == kNone) throw std::logic_error("edit names an event the briefing lacks: " + id);
    return i;
}

class AddArticle final : public Edit {
public:
    explicit AddArticle(Article a) : m_article(std::move(a)) {}
    void apply(Briefing& b) override { b.articles.push_back(m_article); }
    void revert(Briefing& b) override { b.articles.pop_back(); }
    void touched(Touched& t) const override { t.articles.push_back(m_article.id); }
    std::string label() const override { return "Add article " + m_article.id; }

private:
    Article m_article;
};

class DeclarePlace final : public Edit {
public:
    explicit DeclarePlace(Place place) : m_place(std::move(place)) {}
    void apply(Briefing& b) override {
        m_placesBefore = b.places.size();
        Place& p = b.places[internPlace(b, m_place.name)];
        m_before = p;
        p.declared = true;
        p.extras = m_place.extras.empty() ? p.extras : m_place.extras;
        if (!m_place.countryHint.empty() && p.countryHint != m_place.countryHint) {
            p.countryHint = m_place.countryHint;
            p.resolved = p.overridden;  // the hint may change the answer: geocode again
        }
        if (m_place.overridden) {
            p.lat = m_place.lat;
            p.lon = m_place.lon;
            p.why = m_place.why;
            p.overridden = p.resolved = true;
        }
    }
    void revert(Briefing& b) override {
        if (b.places.size() > m_placesBefore) return dropPlacesFrom(b, m_placesBefore);
        Place& p = b.places[b.findPlace(m_place.name)];
        std::vector<uint32_t> events = std::move(p.events);
        p = m_before;
        p.events = std::move(events);
    }
    void touched(Touched& t) const override { t.places.push_back(m_place.name); }
    std::string label() const override { return "Declare place " + m_place.name; }

private:
    Place m_place, m_before;
    size_t m_placesBefore = 0;
};

class AddEvent final : public Edit {
public:
    explicit AddEvent(PortableEvent e) : m_event(std::move(e)) {}
    void apply(Briefing& b) override {
        m_placesBefore = b.places.size();
        Event e = attach(b, m_event);
        e.order = nextOrder(b);
        b.events.push_back(std::move(e));
        b.finish();
    }
    void revert(Briefing& b) override {
        b.events.erase(b.events.begin() + eventIndex(b, m_event.event.id));
        dropPlacesFrom(b, m_placesBefore);
        b.finish();
    }
    void touched(Touched& t) const override { t.events.push_back(m_event.event.id); }
    std::string label() const override { return "Add event " + m_event.event.id; }

private:
    PortableEvent m_event;
    size_t m_placesBefore = 0;
};

class ReplaceEvent final : public Edit {
public:
    ReplaceEvent(std::string id, PortableEvent after) : m_id(std::move(id)), m_after(std::move(after)) {}
    void apply(Briefing& b) override {
        Event& e = b.events[eventIndex(b, m_id)];
        m_before = portableEvent(b, e);
        m_placesBefore = b.places.size();
        const uint32_t order = e.order;
        Event after = attach(b, m_after);
        after.order = order;
        b.events[eventIndex(b, m_id)] = std::move(after);
        b.finish();
    }
    void revert(Briefing& b) override {
        const uint32_t i = eventIndex(b, m_after.event.id);
        const uint32_t order = b.events[i].order;
        dropPlacesFrom(b, m_placesBefore);
        Event before = attach(b, m_before);
        before.order = order;
        b.events[i] = std::move(before);
        b.finish();
    }
    void touched(Touched& t) const override {
        t.events.push_back(m_id);
        if (m_after.event.id != m_id) t.events.push_back(m_after.event.id);
    }
    std::string label() const override { return "Edit event " + m_id; }

private:
    std::string m_id;
    PortableEvent m_after, m_before;
    size_t m_placesBefore = 0;
};

class RemoveEvent final : public Edit {
public:
    explicit RemoveEvent(std::string id) : m_id(std::move(id)) {}
    void apply(Briefing& b) override {
        const uint32_t i = eventIndex(b, m_id);
        m_removed = portableEvent(b, b.events[i]);
        b.events.erase(b.events.begin() + i);
        b.finish();
    }
    void revert(Briefing& b) override {
        b.events.push_back(attach(b, m_removed));  // keeps its order: written back where it was
        b.finish();
    }
    void touched(Touched& t) const override { t.events.push_back(m_id); }
    std::string label() const override { return "Remove event " + m_id; }

private:
    std::string m_id;
    PortableEvent m_removed;
};

class AddSource final : public Edit {
public:
    AddSource(std::string eventId, std::string articleId, Source s)
        : m_eventId(std::move(eventId)), m_articleId(std::move(articleId)), m_source(std::move(s)) {}
    void apply(Briefing& b) override {
        Source s = m_source;
        s.article = b.findArticle(m_articleId);
        if (s.article == kNone) throw std::logic_error("source names an article the briefing lacks: " + m_articleId);
        b.events[eventIndex(b, m_eventId)].sources.push_back(std::move(s));
    }
    void revert(Briefing& b) override { b.events[eventIndex(b, m_eventId)].sources.pop_back(); }
    void touched(Touched& t) const override { t.events.push_back(m_eventId); }
    std::string label() const override { return "Add a source to " + m_eventId; }

private:
    std::string m_eventId, m_articleId;
    Source m_source;
};

class AddRejected final : public Edit {
public:
    AddRejected(RejectedDraft r, std::vector<std::string> articleIds) : m_rejected(std::move(r)), m_articleIds(std::move(articleIds)) {}
    void apply(Briefing& b) override {
        RejectedDraft r = m_rejected;
        for (size_t i = 0; i < r.sources.size(); ++i) r.sources[i].article = b.findArticle(m_articleIds[i]);
        b.rejected.push_back(std::move(r));
    }
    void revert(Briefing& b) override { b.rejected.pop_back(); }
    void touched(Touched& t) const override { t.head = true; }
    std::string label() const override { return "Remember rejected " + m_rejected.id; }

private:
    RejectedDraft m_rejected;
    std::vector<std::string> m_articleIds;  // per source
};

class ReplaceBriefing final : public Edit {
public:
    explicit ReplaceBriefing(Briefing after) : m_other(std::move(after)) {}
    void apply(Briefing& b) override { std::swap(b, m_other); }
    void revert(Briefing& b) override { std::swap(b, m_other); }
    void touched(Touched& t) const override { t.everything = true; }
    std::string label() const override { return "Recover unsaved edits"; }

private:
    Briefing m_other;  // the briefing not in use: the new one before apply, the old one after
};

class ReplaceViews final : public Edit {
public:
    ReplaceViews(std::vector<TourStep> views, std::string label) : m_views(std::move(views)), m_label(std::move(label)) {}
    void apply(Briefing& b) override { std::swap(b.views, m_views); }
    void revert(Briefing& b) override { std::swap(b.views, m_views); }
    void touched(Touched& t) const override { t.head = true; }
    std::string label() const override { return m_label; }

private:
    std::vector<TourStep> m_views;  // the ones not in use
    std::string m_label;
};

// Annotation points name places by name; the window gives new ones coordinates too, so nothing
// needs resolving and no place is interned.
class ReplaceAnnotations final : public Edit {
public:
    ReplaceAnnotations(std::vector<Annotation> annotations, std::string label)
        : m_annotations(std::move(annotations)), m_label(std::move(label)) {}
    void apply(Briefing& b) override {
        std::swap(b.annotations, m_annotations);
        locateAnnotations(b);
    }
    void revert(Briefing& b) override { std::swap(b.annotations, m_annotations); }
    void touched(Touched& t) const override { t.head = true; }
    std::string label() const override { return m_label; }

private:
    std::vector<Annotation> m_annotations;  // the ones not in use
    std::string m_label;
};

class EditGroup final : public Edit {
public:
    EditGroup(std::string label, std::vector<std::unique_ptr<Edit>> edits)
        : m_label(std::move(label)), m_edits(std::move(edits)) {}
    void apply(Briefing& b) override {
        for (auto& e : m_edits) e->apply(b);
    }
    void revert(Briefing& b) override {
        for (auto it = m_edits.rbegin(); it != m_edits.rend(); ++it) (*it)->revert(b);
    }
    void touched(Touched& t) const override {
        for (const auto& e : m_edits) e->touched(t);
    }
    std::string label() const override { return m_label; }

private:
    std::string m_label;
    std::vector<std::unique_ptr<Edit>> m_edits;
};

}  // namespace

PortableEvent portableEvent(const Briefing& b, const Event& event) {
    PortableEvent pe;
    pe.event = event;
    const auto place = [&](uint32_t& p) {
        if (p == kNone) return;
        const std::string& name = b.places[p].name;
        auto it = std::find(pe.placeNames.begin(), pe.placeNames.end(), name);
        p = static_cast<uint32_t>(it - pe.placeNames.begin());
        if (it == pe.placeNames.end()) pe.placeNames.push_back(name);
    };
    for (uint32_t& p : pe.event.places) place(p);
    if (pe.event.flow) {
        place(pe.event.flow->from);
        place(pe.event.flow->to);
        for (uint32_t& p : pe.event.flow->via) place(p);
    }
    for (Source& s : pe.event.sources) {
        if (s.article == kNone) continue;
        const std::string& id = b.articles[s.article].id;
        auto it = std::find(pe.articleIds.begin(), pe.articleIds.end(), id);
        s.article = static_cast<uint32_t>(it - pe.articleIds.begin());
        if (it == pe.articleIds.end()) pe.articleIds.push_back(id);
    }
    return pe;
}

std::unique_ptr<Edit> addArticle(Article a) { return std::make_unique<AddArticle>(std::move(a)); }
std::unique_ptr<Edit> declarePlace(Place place) { return std::make_unique<DeclarePlace>(std::move(place)); }
std::unique_ptr<Edit> addEvent(PortableEvent e) { return std::make_unique<AddEvent>(std::move(e)); }
std::unique_ptr<Edit> replaceEvent(std::string id, PortableEvent after) {
    return std::make_unique<ReplaceEvent>(std::move(id), std::move(after));
}
std::unique_ptr<Edit> removeEvent(std::string id) { return std::make_unique<RemoveEvent>(std::move(id)); }
std::unique_ptr<Edit> addSource(std::string eventId, std::string articleId, Source s) {
    return std::make_unique<AddSource>(std::move(eventId), std::move(articleId), std::move(s));
}
std::unique_ptr<Edit> rejectDraft(const Briefing& b, const std::string& id) {
    const Event& e = b.events[eventIndex(b, id)];
    RejectedDraft r;
    r.id = e.id;
    r.kind = e.kind;
    r.summary = e.summary;
    std::vector<std::string> articleIds;
    for (const Source& s : e.sources) {
        if (s.article == kNone) continue;
        Source kept;
        kept.start = s.start;
        kept.end = s.end;
        r.sources.push_back(kept);
        articleIds.push_back(b.articles[s.article].id);
    }
    std::vector<std::unique_ptr<Edit>> edits;
    edits.push_back(removeEvent(id));
    edits.push_back(std::make_unique<AddRejected>(std::move(r), std::move(articleIds)));
    return editGroup("Reject " + id, std::move(edits));
}

std::unique_ptr<Edit> replaceAnnotations(std::vector<Annotation> annotations, std::string label) {
    return std::make_unique<ReplaceAnnotations>(std::move(annotations), std::move(label));
}

std::unique_ptr<Edit> replaceViews(std::vector<TourStep> views, std::string label) {
    return std::make_unique<ReplaceViews>(std::move(views), std::move(label));
}

std::unique_ptr<Edit> replaceBriefing(Briefing after) { return std::make_unique<ReplaceBriefing>(std::move(after)); }

std::unique_ptr<Edit> editGroup(std::string label, std::vector<std::unique_ptr<Edit>> edits) {
    return std::make_unique<EditGroup>(std::move(label), std::move(edits));
}

void EditHistory::apply(Briefing& b, std::unique_ptr<Edit> edit) {
    edit->apply(b);
    m_done.push_back(std::move(edit));
    m_undone.clear();
}

bool EditHistory::undo(Briefing& b) {
    if (m_done.empty()) return false;
    m_done.back()->revert(b);
    m_undone.push_back(std::move(m_done.back()));
    m_done.pop_back();
    return true;
}

bool EditHistory::redo(Briefing& b) {
    if (m_undone.empty()) return false;
    m_undone.back()->apply(b);
    m_done.push_back(std::move(m_undone.back()));
    m_undone.pop_back();
    return true;
}

}  // namespace briefmap::model
