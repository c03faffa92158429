// Merging is drafting's own dedup applied to events already drafted: occurrenceOf on both sides and
// sameOccurrence between them, so that a corpus drafted in parts gives the events one run would.
#include "draft/merge_drafts.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "draft/occurrence.hpp"

namespace briefmap::draft {

namespace {

std::string uniqueIn(std::string id, std::set<std::string>& used) {
    if (id.empty()) id = "event";
    std::string candidate = id;
    for (int n = 2; used.count(candidate); ++n) candidate = id + "-" + std::to_string(n);
    used.insert(candidate);
    return candidate;
}

}  // namespace

MergeResult mergeDraftedBriefing(const model::Briefing& target, const model::Briefing& part, const std::string& partDir) {
    MergeResult out;
    std::vector<std::unique_ptr<model::Edit>> edits;
    // Articles: by text.
    std::set<std::string> articleIds;
    std::unordered_map<std::string_view, std::string> byText;
    for (const model::Article& a : target.articles) {
        articleIds.insert(a.id);
        byText.emplace(a.text, a.id);
    }
    std::vector<std::string> mapped(part.articles.size());
    for (size_t i = 0; i < part.articles.size(); ++i) {
        const model::Article& a = part.articles[i];
        if (auto same = byText.find(a.text); same != byText.end()) {
            mapped[i] = same->second;
            continue;
        }
        model::Article added = a;
        added.id = uniqueIn(a.id, articleIds);
        added.file = "articles/" + added.id + ".txt";
        MergedArticle m{added.id, added.file, "", ""};
        if (!a.original.empty()) {
            const std::filesystem::path from = std::filesystem::path(partDir) / a.original;
            m.originalFrom = std::filesystem::absolute(from).string();
            m.original = added.original = "articles/" + added.id + std::filesystem::path(a.original).extension().string();
        }
        mapped[i] = added.id;
        byText.emplace(part.articles[i].text, added.id);
        out.articles.push_back(std::move(m));
        edits.push_back(model::addArticle(std::move(added)));
    }
    // Events: by occurrence.
    std::set<std::string> eventIds;
    for (const model::Event& e : target.events) eventIds.insert(e.id);
    std::vector<Occurrence> existing;
    existing.reserve(target.events.size());
    for (const model::Event& e : target.events) existing.push_back(occurrenceOf(target, e));
    std::set<std::string> declared;
    for (const model::Place& p : target.places)
        if (p.declared) declared.insert(p.name);
    std::vector<std::unique_ptr<model::Edit>> eventEdits;
    for (const model::Event& e : part.events) {
        Occurrence o = occurrenceOf(part, e);
        if (!e.sources.empty() && e.sources.front().article < part.articles.size()) o.article = mapped[e.sources.front().article];
        size_t match = existing.size();
        for (size_t k = 0; k < existing.size(); ++k)
            if (sameOccurrence(existing[k], o)) {
                match = k;
                break;
            }
        if (match < existing.size()) {
            const model::Event& known = target.events[match];
            bool extended = false;
            for (const model::Source& s : e.sources) {
                if (s.article >= part.articles.size()) continue;
                const std::string& id = mapped[s.article];
                const bool cited = std::any_of(known.sources.begin(), known.sources.end(), [&](const model::Source& k) {
                    return k.article < target.articles.size() && target.articles[k.article].id == id && k.start == s.start && k.end == s.end;
                });
                if (cited) continue;
                eventEdits.push_back(model::addSource(known.id, id, s));
                extended = true;
            }
            if (extended) out.draft.extendedEventIds.push_back(known.id);
            continue;
        }
        model::PortableEvent pe = model::portableEvent(part, e);
        for (std::string& id : pe.articleIds) {
            const uint32_t a = part.findArticle(id);
            if (a != model::kNone) id = mapped[a];
        }
        pe.event.id = uniqueIn(e.id, eventIds);
        for (const std::string& name : pe.placeNames) {
            const uint32_t p = part.findPlace(name);
            if (p == model::kNone || !part.places[p].declared || declared.count(name)) continue;
            declared.insert(name);
            edits.push_back(model::declarePlace(part.places[p]));
        }
        out.draft.newEventIds.push_back(pe.event.id);
        eventEdits.push_back(model::addEvent(std::move(pe)));
    }
    for (auto& e : eventEdits) edits.push_back(std::move(e));
    out.draft.edit = model::editGroup("Merge " + std::to_string(part.events.size()) + " drafted event(s)", std::move(edits));
    return out;
}

}  // namespace briefmap::draft
