// `briefmap draft`: new articles → a draft briefing of sourced events, or new events and sources
// merged into an existing briefing. Every input is read and checked before anything is written;
// files are written to a temporary name and renamed.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/import_flags.hpp"
#include "core/atomic_file.hpp"
#include "draft/article_files.hpp"
#include "draft/draft_briefing.hpp"
#include "model/briefing_loader.hpp"
#include "model/briefing_document.hpp"
#include "model/briefing_writer.hpp"

namespace briefmap::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "usage: briefmap draft ARTICLE... [--published YYYY-MM-DD] [--out FILE.json | --into BRIEFING.json]\n"
    "                      [--explain] [--jsonl] [--title TEXT] [--gazetteer FILE]\n"
    "                      [--article-root DIR,...] [--keep-going]\n"
    "  ARTICLE: a .txt (UTF-8) or .html/.htm page. Without --out/--into the briefing goes to stdout;\n"
    "  --jsonl prints one drafted event per line instead; --explain prints why, per event, on stderr.\n"
    "  --keep-going drafts the articles that can be read and lists the others (exit 1 only when none can).\n"
    "  A .txt from outside the output's folder is copied beside it (a briefing reads articles only from its\n"
    "  own folder tree, or from folders named with --article-root).";

int usageError(const std::string& message) {
    std::fprintf(stderr, "briefmap draft: %s\n%s\n", message.c_str(), kUsage);
    return kExitUsage;
}

Status writeText(const std::string& path, const std::string& text) {
    return writeFileAtomically(path, {reinterpret_cast<const unsigned char*>(text.data()), text.size()});
}

}  // namespace

int runDraft(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--published", "--out", "--into", "--title", "--gazetteer", "--article-root"},
                                       {"--explain", "--jsonl", "--keep-going", "--help"});
    if (!flags) return usageError(flags.error().message);
    if (flags->has("--help")) {
        std::printf("%s\n", kUsage);
        return kExitOk;
    }
    const std::vector<std::string>& files = flags->positional();
    if (files.empty()) return usageError("no article given");
    if (flags->get("--out") && flags->get("--into")) return usageError("--out and --into exclude each other");
    for (const char* flag : {"--out", "--into"}) {
        if (auto path = flags->get(flag)) {
            if (Status ok = checkOutputPath(*path); !ok) return usageError(std::string(flag) + ": " + ok.error().message);
        }
    }
    std::optional<model::PartialDate> published;
    if (auto p = flags->get("--published")) {
        Result<model::PartialDate> d = model::parsePartialDate(*p);
        if (!d) return usageError("--published: " + d.error().message);
        published = *d;
    }
    const std::string gazPath = flags->get("--gazetteer").value_or(geo::Gazetteer::defaultPath());
    Result<geo::Gazetteer> gaz = geo::Gazetteer::load(gazPath);
    if (!gaz) {
        std::fprintf(stderr, "briefmap draft: %s\n", gaz.error().message.c_str());
        return kExitFailure;
    }
    const geo::Geocoder geocoder(*gaz);

    const std::optional<std::string> out = flags->get("--out");
    const std::optional<std::string> into = flags->get("--into");
    const std::optional<std::string> target = out ? out : into;
    const fs::path dir = target ? fs::path(*target).parent_path() : fs::current_path();
    // Every article is read and checked before anything is written. Texts extracted from HTML, and
    // texts from outside the briefing's folder tree, are written beside the briefing.
    const bool keepGoing = flags->has("--keep-going");
    draft::PreparedArticles prepared = draft::prepareArticles(files, published, dir, target.has_value(), geocoder, keepGoing);
    for (const std::string& e : prepared.errors) std::fprintf(stderr, "briefmap draft: %s%s\n", e.c_str(), keepGoing ? " (skipped)" : "");
    if (!prepared.errors.empty() && (!keepGoing || prepared.inputs.empty())) return kExitFailure;
    std::vector<draft::DraftInput>& inputs = prepared.inputs;
    model::Briefing briefing;
    // --into edits the briefing on disk like the window does: saved as a patch of its own text, so
    // hand formatting stays and the diff shows only what drafting added.
    model::BriefingDocument document;
    model::ImportOptions intoOptions;
    if (into) {
        Result<model::ImportOptions> options = importOptions(*flags);
        if (!options) return usageError(options.error().message);
        model::LoadedBriefing loaded = model::loadBriefingFile(*into, geocoder, *options);
        if (!loaded.ok()) {
            printProblems(loaded.problems);
            std::fprintf(stderr, "briefmap draft: %s has problems; fix them before drafting into it\n", into->c_str());
            return kExitFailure;
        }
        briefing = std::move(loaded.briefing);
        intoOptions = *options;
    } else {
        briefing.title = flags->get("--title").value_or(
            inputs.size() == 1 ? "Draft: " + inputs.front().article.title : "Draft briefing from " + std::to_string(inputs.size()) + " articles");
        briefing.description = "Drafted by briefmap draft: every event quotes the sentences it rests on; review before use.";
    }

    draft::DraftResult result = draft::draftEdits(briefing, inputs, geocoder);
    if (into) {
        document.open(std::move(briefing), *into, true, geocoder, intoOptions);
        document.apply(std::move(result.edit));
    } else {
        model::EditHistory history;
        history.apply(briefing, std::move(result.edit));
    }
    const model::Briefing& drafted = into ? document.briefing() : briefing;

    if (flags->has("--explain")) {
        for (const auto& [id, lines] : result.explanations) {
            std::fprintf(stderr, "%s\n", id.c_str());
            for (const std::string& line : lines) std::fprintf(stderr, "  %s\n", line.c_str());
        }
    }
    if (flags->has("--jsonl")) {
        std::vector<std::string> ids = result.newEventIds;
        ids.insert(ids.end(), result.extendedEventIds.begin(), result.extendedEventIds.end());
        for (const std::string& id : ids) {
            const uint32_t e = drafted.findEvent(id);
            if (e != model::kNone) std::printf("%s\n", model::eventJsonLine(drafted, drafted.events[e]).c_str());
        }
    }
    const std::string json = model::briefingJson(drafted);
    if (target) {
        if (Status s = draft::writeArticleTexts(prepared); !s) {
            std::fprintf(stderr, "briefmap draft: %s\n", s.error().message.c_str());
            return kExitFailure;
        }
        if (Status s = into ? document.save() : writeText(*target, json); !s) {
            std::fprintf(stderr, "briefmap draft: %s\n", s.error().message.c_str());
            return kExitFailure;
        }
        std::fprintf(stderr, "briefmap draft: %zu new event(s), %zu event(s) with new sources, from %zu article(s) → %s\n",
                     result.newEventIds.size(), result.extendedEventIds.size(), inputs.size(), target->c_str());
    } else if (!flags->has("--jsonl")) {
        if (!prepared.texts.empty()) {
            std::fprintf(stderr, "briefmap draft: HTML articles need --out or --into (their extracted text is written beside the briefing)\n");
            return kExitUsage;
        }
        std::fwrite(json.data(), 1, json.size(), stdout);
    }
    return kExitOk;
}

}  // namespace briefmap::cli
