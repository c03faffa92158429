// `briefmap merge PART.json... (--out FILE.json | --into BRIEFING.json)`: briefings drafted in parts
// merged into one (draft/merge_drafts): the last step of drafting a corpus on several workers.
#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "core/atomic_file.hpp"
#include "core/read_file.hpp"
#include "draft/merge_drafts.hpp"
#include "model/briefing_document.hpp"
#include "model/briefing_loader.hpp"
#include "model/briefing_writer.hpp"

namespace briefmap::cli {

namespace fs = std::filesystem;

namespace {

const char* kUsage =
    "usage: briefmap merge PART.json... (--out FILE.json | --into BRIEFING.json) [--title TEXT] [--jsonl]\n"
    "                      [--gazetteer FILE]\n"
    "Merges drafted briefings (briefmap draft --out, one per part of a corpus) into one: an article already\n"
    "there is not added again, the same event reported in several parts becomes one event with all their\n"
    "sources. Article texts are written beside the output under articles/. --jsonl prints the new and\n"
    "extended events, one per line.";

int usageError(const std::string& message) {
    std::fprintf(stderr, "briefmap merge: %s\n%s\n", message.c_str(), kUsage);
    return kExitUsage;
}

int failure(const std::string& message) {
    std::fprintf(stderr, "briefmap merge: %s\n", message.c_str());
    return kExitFailure;
}

}  // namespace

int runMerge(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--out", "--into", "--title", "--gazetteer"}, {"--jsonl", "--help"});
    if (!flags) return usageError(flags.error().message);
    if (flags->has("--help")) return std::printf("%s\n", kUsage), kExitOk;
    const std::optional<std::string> out = flags->get("--out"), into = flags->get("--into");
    if (out.has_value() == into.has_value()) return usageError("give one of --out FILE.json or --into BRIEFING.json");
    if (flags->positional().empty()) return usageError("expected drafted briefings to merge");
    const std::string target = out ? *out : *into;
    if (Status ok = checkOutputPath(target); !ok) return usageError((out ? "--out: " : "--into: ") + ok.error().message);
    Result<geo::Gazetteer> gaz = geo::Gazetteer::load(flags->get("--gazetteer").value_or(geo::Gazetteer::defaultPath()));
    if (!gaz) return failure(gaz.error().message);
    const geo::Geocoder geocoder(*gaz);

    model::BriefingDocument document;
    if (into) {
        model::LoadedBriefing loaded = model::loadBriefingFile(*into, geocoder);
        if (!loaded.ok()) {
            printProblems(loaded.problems);
            return failure(*into + " has problems; fix them before merging into it");
        }
        document.open(std::move(loaded.briefing), *into, true, geocoder);
    } else {
        model::Briefing empty;
        empty.title = flags->get("--title").value_or("Drafted from " + std::to_string(flags->positional().size()) + " part(s)");
        empty.description = "Drafted by briefmap draft and merged by briefmap merge: every event quotes the sentences it rests on; review before use.";
        document.open(std::move(empty), *out, true, geocoder);
    }
    // Every part is read and merged before anything is written.
    const fs::path home = fs::path(target).parent_path().empty() ? fs::path(".") : fs::path(target).parent_path();
    std::vector<std::pair<fs::path, std::string>> files;
    size_t added = 0, extended = 0;
    std::vector<std::string> touched;
    for (const std::string& partPath : flags->positional()) {
        model::LoadedBriefing part = model::loadBriefingFile(partPath, geocoder);
        if (!part.ok()) {
            printProblems(part.problems);
            return failure(partPath + ": cannot merge a part with problems; nothing written");
        }
        if (part.imported()) return failure(partPath + ": not a briefing (merge reads drafted briefings)");
        const std::string partDir = fs::path(partPath).parent_path().string();
        draft::MergeResult merged = draft::mergeDraftedBriefing(document.briefing(), part.briefing, partDir.empty() ? "." : partDir);
        added += merged.draft.newEventIds.size();
        extended += merged.draft.extendedEventIds.size();
        touched.insert(touched.end(), merged.draft.newEventIds.begin(), merged.draft.newEventIds.end());
        touched.insert(touched.end(), merged.draft.extendedEventIds.begin(), merged.draft.extendedEventIds.end());
        for (const draft::MergedArticle& a : merged.articles) {
            if (!a.originalFrom.empty()) {
                Result<std::string> bytes = readWholeFile(a.originalFrom, model::kMaxDataFileBytes);
                if (!bytes) return failure(partPath + ": " + bytes.error().message);
                files.emplace_back(home / a.original, std::move(*bytes));
            }
        }
        document.apply(std::move(merged.draft.edit));
        for (const draft::MergedArticle& a : merged.articles) {
            const uint32_t i = document.briefing().findArticle(a.id);
            if (i != model::kNone) files.emplace_back(home / a.file, document.briefing().articles[i].text);
        }
    }
    std::vector<std::pair<std::string, std::string_view>> batch;
    for (const auto& [path, text] : files) {
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        batch.emplace_back(path.string(), text);
    }
    if (Status s = writeFilesAtomically(batch); !s) return failure(s.error().message);
    if (Status s = document.save(); !s) return failure(s.error().message);
    if (flags->has("--jsonl"))
        for (const std::string& id : touched)
            if (const uint32_t e = document.briefing().findEvent(id); e != model::kNone)
                std::printf("%s\n", model::eventJsonLine(document.briefing(), document.briefing().events[e]).c_str());
    std::fprintf(stderr, "briefmap merge: %zu part(s): %zu new event(s), %zu event(s) with new sources, %zu article(s) -> %s\n",
                 flags->positional().size(), added, extended, document.briefing().articles.size(), target.c_str());
    return kExitOk;
}

}  // namespace briefmap::cli
