// `briefmap push BRIEFING --to PG:…` and `briefmap pull PG:… --out BRIEFING`: a briefing file and
// the shared event store, round trip without loss (articles' texts included), with the versions a
// file was pulled at remembered so that a push never overwrites someone else's edit unseen.
#include <cstdio>
#include <filesystem>
#include <span>

#include "cli/commands.hpp"
#include "cli/flags.hpp"
#include "cli/import_flags.hpp"
#include "core/atomic_file.hpp"
#include "core/read_file.hpp"
#include "model/briefing_loader.hpp"
#include "model/briefing_writer.hpp"
#include "model/json_text_patch.hpp"
#include "store/base_versions.hpp"
#include "store/briefing_pull.hpp"
#include "store/briefing_push.hpp"
#include "store/store_source.hpp"

namespace briefmap::cli {

namespace {

const char* kPushUsage =
    "usage: briefmap push BRIEFING.json --to PG:\"dbname=… [host=…] [briefing=NAME]\" [--name NAME] [--force]\n"
    "                     [--gazetteer FILE] [--article-root DIR]\n"
    "Writes the briefing (articles with their texts, places, events) into the PostGIS store, creating or\n"
    "migrating its schema. An event changed in the store since this file was pulled or last pushed is a\n"
    "conflict: nothing is written and each conflict is named (pull again, or --force to overwrite).\n"
    "The briefing's name in the store: --name, else briefing= in the address, else the file's name.";
const char* kPullUsage =
    "usage: briefmap pull PG:\"dbname=… [host=…] [briefing=NAME]\" --out BRIEFING.json [--gazetteer FILE]\n"
    "Writes the stored briefing and its articles' texts (at their relative paths beside it). A briefing\n"
    "pushed from a file comes back as that file, formatting included, with the store's edits applied.";

int usage(const char* command, const char* text, const std::string& message) {
    std::fprintf(stderr, "briefmap %s: %s\n%s\n", command, message.c_str(), text);
    return kExitUsage;
}
int failure(const char* command, const std::string& message) {
    std::fprintf(stderr, "briefmap %s: %s\n", command, message.c_str());
    return kExitFailure;
}

std::span<const unsigned char> bytes(const std::string& s) { return {reinterpret_cast<const unsigned char*>(s.data()), s.size()}; }

}  // namespace

int runPush(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--to", "--name", "--gazetteer", "--article-root", "--columns"}, {"--force", "--strict", "--help"});
    if (!flags) return usage("push", kPushUsage, flags.error().message);
    if (flags->has("--help")) return std::printf("%s\n", kPushUsage), kExitOk;
    if (flags->positional().size() != 1) return usage("push", kPushUsage, "expected exactly one briefing file");
    const std::string file = flags->positional()[0];
    const std::optional<std::string> to = flags->get("--to");
    if (!to) return usage("push", kPushUsage, "--to PG:… is required");
    Result<store::StoreAddress> address = store::parseStoreAddress(*to);
    if (!address) return usage("push", kPushUsage, "--to: " + address.error().message);
    if (store::isStoreAddress(file)) return usage("push", kPushUsage, "push reads a briefing file; to copy a store, pull it first");
    Result<model::ImportOptions> options = importOptions(*flags);
    if (!options) return usage("push", kPushUsage, options.error().message);
    std::string name = flags->get("--name").value_or(address->briefing);
    if (name.empty()) name = std::filesystem::path(file).stem().string();
    Result<geo::Gazetteer> gazetteer = geo::Gazetteer::load(flags->get("--gazetteer").value_or(geo::Gazetteer::defaultPath()));
    if (!gazetteer) return failure("push", gazetteer.error().message);
    const geo::Geocoder geocoder(*gazetteer);
    const model::LoadedBriefing loaded = model::loadBriefingFile(file, geocoder, *options);
    printImportReport(file, loaded);
    if (!loaded.ok()) {
        printProblems(loaded.problems);
        return kExitFailure;
    }
    Result<store::Connection> conn = store::Connection::open(*address);
    if (!conn) return failure("push", conn.error().message);
    store::PushOptions push;
    push.name = name;
    push.briefingDir = std::filesystem::path(file).parent_path().string();
    push.force = flags->has("--force");
    if (!loaded.imported())
        if (Result<std::string> text = readWholeFile(file, model::kMaxDataFileBytes)) push.fileText = std::move(*text);
    const store::BaseVersions base = store::loadBaseVersions(file, *address, name);
    Result<store::PushReport> report = store::pushBriefing(*conn, loaded.briefing, base, push);
    if (!report) return failure("push", file + ": " + report.error().message);
    if (!report->conflicts.empty()) {
        for (const std::string& c : report->conflicts) std::fprintf(stderr, "briefmap push: %s: conflict: %s\n", file.c_str(), c.c_str());
        std::fprintf(stderr, "briefmap push: %s: %zu conflict%s, nothing written (pull %s again to see the store's version, or "
                             "push --force to overwrite)\n",
                     file.c_str(), report->conflicts.size(), report->conflicts.size() == 1 ? "" : "s", address->shown.c_str());
        return kExitFailure;
    }
    if (Status s = store::saveBaseVersions(file, *address, name, report->versions); !s)
        std::fprintf(stderr, "briefmap push: warning: cannot remember the pushed versions: %s\n", s.error().message.c_str());
    std::printf("pushed %s to %s as '%s': events %zu new, %zu changed, %zu removed, %zu unchanged\n", file.c_str(),
                address->shown.c_str(), name.c_str(), report->inserted, report->updated, report->deleted, report->unchanged);
    return kExitOk;
}

int runPull(const std::vector<std::string>& args) {
    Result<Flags> flags = Flags::parse(args, {"--out", "--gazetteer"}, {"--help"});
    if (!flags) return usage("pull", kPullUsage, flags.error().message);
    if (flags->has("--help")) return std::printf("%s\n", kPullUsage), kExitOk;
    if (flags->positional().size() != 1) return usage("pull", kPullUsage, "expected exactly one store address (PG:…)");
    Result<store::StoreAddress> address = store::parseStoreAddress(flags->positional()[0]);
    if (!address) return usage("pull", kPullUsage, address.error().message);
    const std::optional<std::string> out = flags->get("--out");
    if (!out) return usage("pull", kPullUsage, "--out BRIEFING.json is required");
    if (Status ok = checkOutputPath(*out); !ok) return usage("pull", kPullUsage, "--out: " + ok.error().message);
    Result<geo::Gazetteer> gazetteer = geo::Gazetteer::load(flags->get("--gazetteer").value_or(geo::Gazetteer::defaultPath()));
    if (!gazetteer) return failure("pull", gazetteer.error().message);
    const geo::Geocoder geocoder(*gazetteer);
    Result<store::Connection> conn = store::Connection::open(*address);
    if (!conn) return failure("pull", conn.error().message);
    Result<std::string> name = store::resolveBriefingName(*conn, address->briefing);
    if (!name) return failure("pull", name.error().message);
    Result<store::PulledBriefing> pulled = store::pullBriefing(*conn, *name);
    if (!pulled) return failure("pull", pulled.error().message);

    // Everything is written and read back in a staging folder beside the output first: a pull that
    // fails leaves nothing behind.
    namespace fs = std::filesystem;
    const fs::path outPath(*out);
    const fs::path outDir = outPath.parent_path().empty() ? fs::path(".") : outPath.parent_path();
    std::string stagingTemplate = (outDir / ".briefmap-pull-XXXXXX").string();
    if (!mkdtemp(stagingTemplate.data())) return failure("pull", outDir.string() + ": cannot create a staging folder");
    const fs::path staging(stagingTemplate);
    struct Cleanup {
        fs::path dir;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    } cleanup{staging};
    if (Status s = store::writeStoredFiles(*pulled, staging.string()); !s) return failure("pull", s.error().message);
    const std::string stagedBriefing = (staging / outPath.filename()).string();
    model::ImportOptions options;
    model::LoadedBriefing loaded = model::loadBriefingText(stagedBriefing, pulled->json, geocoder, options);
    if (!loaded.ok()) {
        for (model::Diagnostic& d : loaded.problems) d.file = address->shown + " briefing=" + *name, d.line = d.column = 0;
        printProblems(loaded.problems);
        return failure("pull", "the stored briefing '" + *name + "' does not read back; nothing written");
    }
    const std::string canonical = model::briefingJson(loaded.briefing);
    std::string text = canonical;
    if (!pulled->fileText.empty() && !pulled->fileJson.empty()) {
        try {
            if (std::optional<std::string> patched = model::patchJsonText(pulled->fileText, nlohmann::ordered_json::parse(pulled->fileJson),
                                                                          nlohmann::ordered_json::parse(canonical))) {
                const model::LoadedBriefing again = model::loadBriefingText(stagedBriefing, *patched, geocoder, options);
                if (again.ok() && model::briefingJson(again.briefing) == canonical) text = std::move(*patched);
            }
        } catch (const nlohmann::json::exception&) {
        }
    }
    if (Status s = store::writeStoredFiles(*pulled, outDir.string()); !s) return failure("pull", s.error().message);
    if (Status s = writeFileAtomically(*out, bytes(text)); !s) return failure("pull", s.error().message);
    if (Status s = store::saveBaseVersions(*out, *address, *name, pulled->versions); !s)
        std::fprintf(stderr, "briefmap pull: warning: cannot remember the pulled versions: %s\n", s.error().message.c_str());
    for (const std::string& note : pulled->notes) std::fprintf(stderr, "briefmap pull: note: %s\n", note.c_str());
    std::printf("pulled '%s' from %s: %zu events, %zu articles -> %s\n", name->c_str(), address->shown.c_str(), pulled->events,
                loaded.briefing.articles.size(), out->c_str());
    return kExitOk;
}

}  // namespace briefmap::cli
